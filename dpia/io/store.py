"""Loading and saving a register folder without losing anything.

A register is a folder of YAML files. Each file is a mapping of sections (``controller``, ``parties``,
``flows``, ...); a section's entries may be split over several files and are read in file-name order.

Loading reports *every* problem in one pass, each with file, line and column, the field path, the bad
value and what is allowed. YAML is read as plain data: tags, anchors and aliases are refused.

Saving goes through the model: edits are applied to the round-trip YAML documents (so comments, key
order and quoting survive), the whole register is validated again, and only changed files are written,
each atomically (temporary file, fsync, rename). A file that changed on disk since it was loaded is
never overwritten.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedOrderedMap, CommentedSeq, CommentedSet, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter

from dpia import model
from dpia.io.bulk import Bulk, cap_problems, read_bulk
from dpia.i18n import t
from dpia.model import Controller, NESTED_REFERENCES, REFERENCES, Register, SECTIONS, shape
from dpia.io.modules import (archive_checksum, ArchiveRefused, differing_fields, files_checksum, git_dir_outside, git_revision_tar, inside, is_archive, is_url, Module, module_checksum, Override, read_archive)
from dpia.io.causes import Cause, explain
from dpia.io.files import (Change, finish_interrupted_save, InterruptedSave, write_together, atomic_write, file_digest, not_utf8_problem, os_reason, outside_links, read_limited, remove_stale_temporaries, save_lock, shown_path, SourceFile)
from dpia.io.problems import (allowed_list, ChangedOnDisk, describe_value, did_you_mean, Msg, order_problems, Problem, problem_at, RegisterInvalid)
from dpia.model import TOP_KEYS

# Round-trip YAML costs about 0.7 KB of memory and 50 µs per node, so 1 MB of one-letter list items
# took ~50 s and more than 1 GB. A register file is tens of KB (the example's largest is 8 KB).
MAX_FILE_BYTES = 512 * 1024
# A folder: at most this many YAML files, and this much YAML in all (each file within MAX_FILE_BYTES).
# A school board's hand-kept YAML is well under 1 MB; what is larger belongs in the CSV form.
MAX_REGISTER_FILES = 1000
MAX_YAML_TOTAL_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
# A module archive (dpia.io.modules): the YAML a folder may hold, with room for a header per member.
MAX_ARCHIVE_BYTES = MAX_YAML_TOTAL_BYTES + (MAX_REGISTER_FILES + 10) * 1024
YAML_SUFFIXES = (".yaml", ".yml")


# --------------------------------------------------------------------------------------------------
# Problems


# --------------------------------------------------------------------------------------------------
# YAML reading


class _SafeConstructor(RoundTripConstructor):
    """Round-trip constructor that turns an impossible date into a string the model then rejects.

    The same for numbers and booleans it cannot construct (``!!int abc``, ``!!bool maybe``, an integer
    of 5000 digits, which Python refuses to convert) and for integers beyond 64 bits: they become
    strings that validation reports, with their place, instead of exceptions or numbers too large to print.
    """

    def construct_yaml_timestamp(self, node, values=None):  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError, TypeError, AttributeError, IndexError):
            return InvalidScalar(node.value)

    def _lenient(self, construct: Any, node: Any) -> Any:
        try:
            value = construct(self, node)
        except (ValueError, OverflowError, TypeError, AttributeError, IndexError, KeyError):
            return InvalidScalar(node.value)
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 63:
            return InvalidScalar(node.value)
        return value

    def construct_yaml_int(self, node):  # type: ignore[override]
        return self._lenient(RoundTripConstructor.construct_yaml_int, node)

    def construct_yaml_float(self, node):  # type: ignore[override]
        return self._lenient(RoundTripConstructor.construct_yaml_float, node)

    def construct_yaml_bool(self, node):  # type: ignore[override]
        return self._lenient(RoundTripConstructor.construct_yaml_bool, node)

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        # ruamel assumes a standard tag sits on the right kind of node: ``id: !!omap`` (a scalar)
        # ends in an AttributeError deep inside it. Report the tag, at its node, instead.
        try:
            return super().construct_object(node, deep=deep)
        except (MarkedYAMLError, RecursionError):
            raise
        except Exception:  # noqa: BLE001 - any failure to construct this node is about this node
            raise _Unconstructable(None, None, str(node.tag), node.start_mark) from None


_SafeConstructor.add_constructor("tag:yaml.org,2002:timestamp", _SafeConstructor.construct_yaml_timestamp)
_SafeConstructor.add_constructor("tag:yaml.org,2002:int", _SafeConstructor.construct_yaml_int)
_SafeConstructor.add_constructor("tag:yaml.org,2002:float", _SafeConstructor.construct_yaml_float)
_SafeConstructor.add_constructor("tag:yaml.org,2002:bool", _SafeConstructor.construct_yaml_bool)


class _Unconstructable(MarkedYAMLError):
    """A node ruamel cannot construct, typically a standard tag on the wrong kind of node."""


class _TooDeep(MarkedYAMLError):
    """Nesting deeper than MAX_DEPTH, found while composing (before Python's recursion limit)."""


class _GuardedComposer(Composer):
    """Composer that stops at MAX_DEPTH levels of nesting and says where.

    Without it ``[[[[...`` or a staircase of indented keys ends in a RecursionError with no place
    (and, for thousands of ``[``, seconds of quadratic scanning first).
    """

    _depth = 0
    first_alias: Any = None  # the mark of the first alias: reported, never followed
    # The first merge key (``<<: {role: processor}``: a field the file does not show) and the first key
    # that is not plain text (``? [a, b]``), where they are: a register holds plain data only.
    first_merge: Any = None
    first_complex_key: Any = None

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.warn_double_anchors = False  # anchors are refused anyway; no warning on stderr
        if self.parser.check_event(AliasEvent):
            # An alias shares a node; nine levels of nine make a "billion laughs". Put an empty value
            # in its place (so nothing is ever shared) and report the first one, where it is used.
            event = self.parser.get_event()
            if self.first_alias is None:
                self.first_alias = event.start_mark
            return ScalarNode(self.resolver.resolve(ScalarNode, "", (True, False)), "", event.start_mark, event.end_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(None, None, "too deep", self.parser.peek_event().start_mark)
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, MappingNode):
            for key, _value in node.value:
                if not isinstance(key, ScalarNode):
                    self.first_complex_key = self.first_complex_key or key.start_mark
                elif key.tag == "tag:yaml.org,2002:merge":
                    self.first_merge = self.first_merge or key.start_mark
        return node


class InvalidScalar(str):
    """A scalar YAML could not construct (e.g. 2026-13-01); validation reports it."""


class _Representer(RoundTripRepresenter):
    """Writes a new moment (a ``datetime`` added by an editor) as the register's files do:
    ``2026-11-28T09:15:00+01:00``, with the ``T`` and the offset (ruamel's default puts a space)."""


_Representer.add_representer(
    dt.datetime, lambda r, data: r.represent_scalar("tag:yaml.org,2002:timestamp", data.isoformat()))


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Representer = _Representer
    y.Constructor = _SafeConstructor
    y.Composer = _GuardedComposer
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.preserve_quotes = True
    y.allow_duplicate_keys = False
    return y


def _read_text(path: Path, shown: str, problems: list[Problem], salvage: dict[str, str] | None = None) -> tuple[str, str] | None:
    """The text of a YAML file and the SHA-256 digest of the very bytes it was decoded from (the
    concurrent-edit check compares against these: a second read could see someone else's save).

    For a file refused because of its encoding, ``salvage["text"]`` gets its text as best decoded, so
    that the loader can tell which ids it holds (see ``Cause``)."""
    data = read_limited(path, shown, MAX_FILE_BYTES, problems)
    if data is None:
        return None
    return _decode_text(data, shown, problems, salvage)


def _decode_text(data: bytes, shown: str, problems: list[Problem], salvage: dict[str, str] | None = None
                 ) -> tuple[str, str] | None:
    """``_read_text`` for bytes already read (a file, or a member of a module's archive)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.append(problem_at(shown, (0, 0), "utf16"))
        if salvage is not None:
            salvage["text"] = data.decode("utf-16", "replace")
        return None
    if b"\x00" in data:
        problems.append(problem_at(shown, (0, 0), "binary"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(not_utf8_problem(shown, data, exc))
        if salvage is not None:
            salvage["text"] = data.decode("cp1252", "replace")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, hashlib.sha256(data).hexdigest()


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """Zero-based line and column of a character offset, counting line breaks as YAML does."""
    before = text[:offset]
    breaks = [m.end() for m in re.finditer(r"\r\n|[\r\n\x85\u2028\u2029]", before)]
    return len(breaks), offset - (breaks[-1] if breaks else 0)


# ruamel.yaml's problem texts (checked in this order) and the catalogue key that explains each in the
# reader's language; named groups become parameters. A text not listed stays as ruamel wrote it.
YAML_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), k) for p, k in (
    (r"could not find expected ':'", "yaml_no_colon"),
    (r"mapping values are not allowed here", "yaml_mapping_here"),
    (r"expected <block end>, but found", "yaml_indent"),
    (r"found unexpected end of stream", "yaml_end_of_stream"),
    (r"expected ',' or '(?P<closing>[}\]])', but got", "yaml_flow_unclosed"),
    (r"but found another document|expected a single document", "yaml_documents"),
    (r"found character (?P<char>'.*?') that cannot start any token", "yaml_cannot_start"),
    (r"sequence entries are not allowed here", "yaml_dash_here"),
    (r"unacceptable character (?P<char>#x[0-9a-fA-F]+)", "yaml_control_char"),
    (r"expected alphabetic or numeric character", "yaml_anchor_name"),
    (r"found unknown escape character (?P<char>'.*?')", "yaml_escape"),
))


def yaml_problem(raw: str, began_at: int | None = None) -> Msg | str:
    """ruamel's problem text ``raw`` as a message in the reader's language (``raw`` itself when it is
    not one of ``YAML_PHRASES``); ``began_at``: the line where the unfinished construct began."""
    msg: Msg | str = raw
    for pattern, key in YAML_PHRASES:
        found = pattern.search(raw)
        if found:
            msg = Msg(key, tuple(sorted({"raw": raw, **found.groupdict()}.items())))
            break
    if began_at is not None:
        msg = Msg("yaml_began_at", (("line", began_at), ("problem", msg)))
    return msg


def _parse(text: str, shown: str, problems: list[Problem]) -> Any:
    try:
        y = _yaml()
        doc = y.load(text)
        composer = y.composer
        for mark, key in ((composer.first_alias, "alias"), (composer.first_merge, "yaml_merge_key"),
                          (composer.first_complex_key, "yaml_complex_key")):
            if mark is not None:
                problems.append(problem_at(shown, (mark.line, mark.column), key))
        return doc
    except _TooDeep as exc:
        mark = exc.problem_mark
        problems.append(problem_at(shown, (mark.line, mark.column), "too_deep", limit=MAX_DEPTH))
    except _Unconstructable as exc:
        mark = exc.problem_mark
        problems.append(problem_at(shown, (mark.line, mark.column), "forbidden_tag", value=exc.problem))
    except ReaderError as exc:  # a control character; ruamel gives only its offset
        problems.append(problem_at(shown, _line_col(text, exc.position), "yaml_syntax", problem=yaml_problem(str(exc).splitlines()[0])))
    except (AssertionError, ValueError):
        # ruamel checks a %YAML directive's version with a bare assert (%YAML 1.3) or int() (a
        # number of 5000 digits): point at the directive.
        found = re.search(r"^%YAML\b.*$", text, re.M)
        if found is None:
            raise
        problem = Msg("yaml_version", (("directive", found.group(0)[:40]),))
        problems.append(problem_at(shown, _line_col(text, found.start()), "yaml_syntax", problem=problem))
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        m = re.search(r'duplicate key "(.*?)"', str(exc.problem))
        problems.append(problem_at(shown, (mark.line, mark.column), "duplicate_key", value=m.group(1) if m else "?"))
    except MarkedYAMLError as exc:
        mark, start = exc.problem_mark or exc.context_mark, exc.context_mark
        if start is not None and mark is not None and "end of stream" in str(exc.problem):
            mark, start = start, None  # an unclosed quote or bracket: point where it was opened
        pos = (mark.line, mark.column) if mark else (0, 0)
        if "'\\t'" in str(exc.problem):
            problems.append(problem_at(shown, pos, "yaml_tab"))
        else:
            raw = f"{exc.problem or ''} {exc.context or ''}".strip()
            began = start.line + 1 if start is not None and mark is not None and start.line != mark.line else None
            problems.append(problem_at(shown, pos, "yaml_syntax", problem=yaml_problem(raw, began)))
    except (YAMLError, RecursionError) as exc:
        problems.append(problem_at(shown, (0, 0), "yaml_syntax", problem=yaml_problem(str(exc).splitlines()[0][:200])))
    return None


def _pos_of(node: Any, key: Any) -> tuple[int, int]:
    """Zero-based position of the value at ``key`` (str for mappings, int for sequences) in ``node``."""
    try:
        if isinstance(node, CommentedMap):
            return tuple(node.lc.value(key))  # type: ignore[return-value]
        if isinstance(node, CommentedSeq):
            return tuple(node.lc.item(key))  # type: ignore[return-value]
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return _node_pos(node)


def _key_pos(node: Any, key: Any) -> tuple[int, int]:
    try:
        return tuple(node.lc.key(key))  # type: ignore[return-value]
    except (KeyError, TypeError, AttributeError):
        return _node_pos(node)


def _node_pos(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return (lc.line, lc.col)
    return (0, 0)


def _tag_of(node: Any) -> str | None:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None) if tag is not None and not isinstance(tag, str) else tag
    return value or None


def plain(node: Any, shown: str, problems: list[Problem], pos: tuple[int, int] = (0, 0)) -> Any:
    """Turn a round-trip YAML node into plain Python data, refusing tags, aliases and deep nesting."""
    seen: set[int] = set()

    def walk(n: Any, pos: tuple[int, int], depth: int) -> Any:
        if depth > MAX_DEPTH:
            problems.append(problem_at(shown, pos, "too_deep", limit=MAX_DEPTH))
            return None
        if isinstance(n, TaggedScalar) and _tag_of(n) in _IMPLICIT_TAGS:
            return str(n.value)  # a bare '=' or '<<' as a value: ruamel tags it, the author did not
        if type(n) in _NON_PLAIN:
            # !!binary, !!set, !!omap, !!pairs: standard tags that construct something other than plain data
            problems.append(problem_at(shown, pos, "forbidden_tag", value=_NON_PLAIN[type(n)]))
            return None
        if isinstance(n, TaggedScalar) or (isinstance(n, (CommentedMap, CommentedSeq)) and _tag_of(n)):
            problems.append(problem_at(shown, pos, "forbidden_tag", value=_tag_of(n) or "?"))
            return None
        anchor = getattr(n, "anchor", None)
        if anchor is not None and getattr(anchor, "value", None):
            # Anchors make aliases possible, and aliases make "billion laughs" possible: refuse both.
            problems.append(problem_at(shown, pos, "alias"))
            return None
        if isinstance(n, (CommentedMap, CommentedSeq)):
            if id(n) in seen:
                problems.append(problem_at(shown, pos, "alias"))
                return None
            seen.add(id(n))
            if isinstance(n, CommentedMap):
                return {str(k): walk(v, _pos_of(n, k), depth + 1) for k, v in n.items()}
            return [walk(v, _pos_of(n, i), depth + 1) for i, v in enumerate(n)]
        if isinstance(n, InvalidScalar):
            return str(n)
        if isinstance(n, str):
            return str(n)
        if isinstance(n, bool) or n is None:
            return n
        if isinstance(n, int):
            return int(n)
        if isinstance(n, float):
            return float(n)
        return n  # dates and datetimes

    return walk(node, pos, 0)


_IMPLICIT_TAGS = ("tag:yaml.org,2002:value", "tag:yaml.org,2002:merge")
_NON_PLAIN = {
    bytes: "tag:yaml.org,2002:binary",
    CommentedSet: "tag:yaml.org,2002:set",
    CommentedOrderedMap: "tag:yaml.org,2002:omap",
    list: "tag:yaml.org,2002:pairs",
}


# --------------------------------------------------------------------------------------------------
# Validation errors → problems


_TYPE_NAMES = {
    "string_type": "type_str",
    "int_type": "type_int",
    "int_parsing": "type_int",
    "int_from_float": "type_int",
    "bool_type": "type_bool",
    "bool_parsing": "type_bool",
    "list_type": "type_list",
    "model_type": "type_mapping",
    "model_attributes_type": "type_mapping",
    "dict_type": "type_mapping",
    "date_type": "type_date",
    "float_type": "type_number",
    "float_parsing": "type_number",
}
_FORMS = {
    r"^[A-Z]{2}$": "form_country",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "form_email",
    r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$": "form_brin",
    r"^[0-9]{8}$": "form_kvk",
    model.FINDING_PATTERN: "form_finding",
    model.CHECKSUM_PATTERN: "form_checksum",
    model.COMMIT_PATTERN: "form_commit",
}


def _field_path(prefix: str, loc: tuple[Any, ...]) -> str:
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _node_at(node: Any, loc: tuple[Any, ...]) -> tuple[Any, tuple[int, int], bool]:
    """Follow ``loc`` into ``node``; return the deepest node, its position and whether loc was found."""
    pos = _node_pos(node)
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            pos = _pos_of(node, part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            pos = _pos_of(node, part)
            node = node[part]
        else:
            return node, pos, False
    return node, pos, True


def validation_problems(
    exc: ValidationError, cls: type[BaseModel], node: Any, prefix: str, shown: str
) -> list[Problem]:
    """Translate pydantic errors on one entity into located problems with catalogue messages."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        etype = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        path = _field_path(prefix, loc)
        target, pos, found = _node_at(node, loc)
        if etype == "missing" and loc == ("sector",) and cls is model.Controller:
            # The sector decides the statutes and retention periods: never guessed, so say what to write.
            out.append(problem_at(shown, pos, "sector_missing", path=_field_path(prefix, loc[:-1]),
                                allowed=", ".join(model.Sector)))
        elif etype == "missing":
            out.append(problem_at(shown, pos, "missing", path=_field_path(prefix, loc[:-1]), field=loc[-1]))
        elif etype == "extra_forbidden":
            allowed = list(shape.by_alias(shape.model_at(cls, loc)))
            parent, _, _ = _node_at(node, loc[:-1])
            out.append(
                problem_at(
                    shown,
                    _key_pos(parent, loc[-1]),
                    "extra_forbidden",
                    path=_field_path(prefix, loc[:-1]),
                    field=loc[-1],
                    allowed=allowed_list(allowed, 30),
                    hint=did_you_mean(loc[-1], allowed),
                )
            )
        elif etype == "enum" or etype == "literal_error":
            found = shape.field_at(cls, loc)
            options = list(found.values) if found is not None else []
            out.append(
                problem_at(shown, pos, "enum", path=path, value=value, allowed=", ".join(options), hint=did_you_mean(value, options))
            )
        elif etype == "string_pattern_mismatch":
            pattern = ctx.get("pattern", "")
            if pattern == model.ID_PATTERN:
                out.append(problem_at(shown, pos, "bad_id", path=path, value=value))
            elif pattern.startswith("^P"):
                out.append(problem_at(shown, pos, "bad_duration", path=path, value=value))
            else:
                form = _FORMS.get(pattern)
                what = Msg(form) if form else Msg("form_other", (("pattern", pattern),))
                out.append(problem_at(shown, pos, "bad_pattern", path=path, value=value, what=what))
        elif etype.startswith("datetime") or etype == "timezone_aware":
            out.append(problem_at(shown, pos, "bad_datetime", path=path, value=describe_value(value)))
        elif etype.startswith("date"):
            if etype == "date_type" and not isinstance(value, str):
                out.append(problem_at(shown, pos, "wrong_type", path=path, expected=Msg("type_date"), value=describe_value(value)))
            else:
                out.append(problem_at(shown, pos, "bad_date", path=path, value=value))
        elif etype in _TYPE_NAMES:
            out.append(
                problem_at(shown, pos, "wrong_type", path=path, expected=Msg(_TYPE_NAMES[etype]), value=describe_value(value))
            )
        elif etype in ("less_than_equal", "less_than"):
            out.append(problem_at(shown, pos, "out_of_range", path=path, value=value, low=0,
                                high=ctx.get("le", ctx.get("lt"))))
        elif etype in ("greater_than_equal", "greater_than"):
            out.append(problem_at(shown, pos, "too_small", path=path, value=value, limit=ctx.get("ge", ctx.get("gt"))))
        elif etype in ("string_too_short", "too_short"):
            out.append(problem_at(shown, pos, "too_short", path=path))
        elif etype in ("string_too_long", "too_long"):
            out.append(problem_at(shown, pos, "too_long", path=path, limit=ctx.get("max_length")))
        elif etype == "invisible_character" or (etype == "string_unicode" and isinstance(value, str)
                                                  and model.invisible_character(value)):
            position, char = (ctx["position"], ctx["char"]) if etype == "invisible_character" else model.invisible_character(value)
            out.append(problem_at(shown, pos, "invisible_character", path=path, value=describe_value(value),
                                  char=char, position=position))
        elif etype == "value_error":
            reason = str(ctx.get("error", ""))
            if reason == "iso_duration":
                out.append(problem_at(shown, pos, "bad_duration", path=path, value=value))
            elif reason == "duration_range":
                out.append(problem_at(shown, pos, "duration_range", path=path, value=value, high=model.MAX_DURATION))
            elif reason == "special_subtype_required":
                out.append(
                    problem_at(shown, pos, reason, path=path, allowed=", ".join(model.SpecialSubtype))
                )
            elif reason == "special_subtype_forbidden":
                out.append(problem_at(shown, pos, reason, path=path, value=(value or {}).get("type")))
            elif reason == "age_band_required":
                out.append(problem_at(shown, pos, reason, path=path, allowed=", ".join(model.AgeBand)))
            elif reason in (
                "valid_until_before_from", "retention_target",
                "duplicate_risk_id", "duplicate_screening_answer", "level_not_on_scale", "decision_target",
                "breach_discovered_in_future", "breach_before_discovery",
                "promise_needs_to", "promise_needs_categories", "promise_needs_max",
            ):
                out.append(problem_at(shown, pos, reason, path=path))
            else:
                out.append(problem_at(shown, pos, "invalid_value", path=path, value=describe_value(value), detail=reason))
        else:
            out.append(problem_at(shown, pos, "invalid_value", path=path, value=describe_value(value), detail=err["msg"]))
    # A required field "missing" because it is misspelt (``rol:`` for ``role:``) is the unknown field's
    # consequence: the unknown field's "did you mean 'role'?" says both, and fixing it fixes both.
    misspelt = set()
    for p in out:
        params = dict(p.params)
        hint = params.get("hint")
        if p.key == "extra_forbidden" and isinstance(hint, Msg) and hint.key == "did_you_mean":
            misspelt.add((params.get("path"), dict(hint.params).get("value")))
    return [p for p in out if not (p.key == "missing" and (dict(p.params).get("path"), dict(p.params).get("field")) in misspelt)]


# --------------------------------------------------------------------------------------------------
# The loaded register


@dataclass
class Origin:
    """Where an entity is defined: file, section, index in its file's section, and position."""

    file: SourceFile
    shown: str
    section: str
    index: int | None
    pos: tuple[int, int]

    def where(self) -> str:
        return f"{self.shown}:{self.pos[0] + 1}"


@dataclass
class LoadedRegister:
    """A register together with the files it came from, for locating findings and for saving."""

    root: Path
    register: Register
    files: list[SourceFile]
    origins: dict[str, Origin]
    bulk: Bulk | None = None  # the CSV files read with the YAML (dpia.io.bulk)
    module_files: list[SourceFile] = field(default_factory=list)  # read, never written
    modules: list[Module] = field(default_factory=list)  # the imported modules (sector DPIAs)
    overrides: list[Override] = field(default_factory=list)  # the school's entities that replace a module's
    finished: list[str] = field(default_factory=list)  # files of an interrupted save this load finished

    def protected_paths(self) -> list[Path]:
        """What an output must never touch (``dpia.io.files.check_output``): the register's folder (or
        its one file) and every file it reads, the modules' folders and archives included."""
        paths = [self.root, *(f.path for f in self.files), *(f.path for f in self.module_files)]
        paths += [m.folder for m in self.modules]
        return list(dict.fromkeys(paths))

    def module_of(self, entity_id: str) -> Module | None:
        """The imported module an entity comes from, or None for the school's own entries."""
        origin = self.origins.get(entity_id)
        return origin.file.module if origin is not None else None

    # ---- locating
    def where(self, entity_id: str) -> str:
        """'file:line' of an entity, for messages and findings."""
        origin = self.origins.get(entity_id)
        if origin is None and self.bulk:
            return self.bulk.where(entity_id) or str(self.root)
        return origin.where() if origin else str(self.root)

    # ---- editing: every edit changes the round-trip documents, then ``save`` validates and writes.
    def _node(self, entity_id: str) -> tuple[Origin, CommentedMap]:
        origin = self.origins.get(entity_id)
        if origin is None and self.bulk and self.bulk.where(entity_id):  # a row of flows.csv
            raise RegisterInvalid([problem_at(self.bulk.where(entity_id).rsplit(":", 1)[0], (0, 0), "csv_read_only",
                                            value=entity_id)])
        if origin is None:
            raise RegisterInvalid(
                [problem_at(str(self.root), (0, 0), "unknown_entity", value=entity_id, hint=did_you_mean(entity_id, self.origins))]
            )
        if origin.file.module is not None:  # a module is someone else's: never written
            raise RegisterInvalid([problem_at(origin.shown, origin.pos, "module_read_only", value=entity_id,
                                            module=origin.file.module.name)])
        if origin.file.doc is None:  # a row of a CSV file: edit the file itself
            raise RegisterInvalid([problem_at(origin.shown, origin.pos, "csv_read_only", value=entity_id)])
        doc = origin.file.doc
        if origin.section == "controller":
            return origin, doc["controller"]
        if origin.section == "schools":
            return origin, doc["controller"]["schools"][origin.index]
        return origin, doc[origin.section][origin.index]

    def update(self, entity_id: str, **fields: Any) -> None:
        """Set fields of an entity (YAML names; use ``**{"from": ...}`` for flows). ``None`` removes a field.

        Untouched fields, comments and key order stay as they are.
        """
        origin, node = self._node(entity_id)
        _merge(node, fields)
        origin.file.dirty = True

    def add(self, section: str, entry: dict[str, Any], file: str | None = None, near: dict[str, Any] | None = None) -> None:
        """Add an entry to ``section``, in the file that already holds that section (or ``file``).

        Written in the file's own style: a nested mapping or list is flow style (``{country: NL}``)
        when the section's other entries write that field so. With ``near`` (fields and values, e.g.
        ``{"role": "processor"}``) the entry goes right after the last entry that matches, and a
        comment that heads the next group (``# ---- recipients``) stays above the next group;
        without a match, or without ``near``, it goes at the end of the section.
        """
        if section not in SECTIONS:
            raise RegisterInvalid(
                [problem_at(str(self.root), (0, 0), "unknown_section", value=section, allowed=", ".join(SECTIONS), hint=did_you_mean(section, SECTIONS))]
            )
        target = None
        if file is not None:
            target = next((f for f in self.files if f.path.name == file), None)
        if target is None:
            target = next((f for f in self.files if isinstance(f.doc, CommentedMap) and section in f.doc), None)
        if target is None:
            target = next(f for f in self.files if isinstance(f.doc, CommentedMap) and "controller" in f.doc)
        if section not in target.doc or not isinstance(target.doc[section], CommentedSeq):
            target.doc[section] = CommentedSeq()
        seq = target.doc[section]
        node = _to_yaml(entry)
        if isinstance(node, CommentedMap):
            _match_style(seq, node)
        at = _after_last_match(seq, near) if near else None
        if at is not None and at < len(seq) - 1 and _move_group_comment(seq[at], node):
            seq.insert(at + 1, node)
        else:
            seq.append(node)
        target.dirty = True

    def preview(self) -> "LoadedRegister":
        """The register as it would be after :meth:`save`, validated, without writing anything.

        Raises ``RegisterInvalid`` when the edits break the register. The edits stay in memory: call
        :meth:`discard` to drop them.
        """
        dirty = [f for f in self.files if f.dirty]
        if not dirty:
            return self
        return self._validated({f.path: _dump(f.doc) for f in dirty})

    def _validated(self, texts: dict[Path, str]) -> "LoadedRegister":
        """The register as it would be on disk with ``texts`` written; ``RegisterInvalid`` if broken."""
        problems: list[Problem] = []
        docs = []
        for f in [*self.files, *self.module_files]:
            doc = _parse(texts[f.path], self._shown(f.path), problems) if f.path in texts else f.doc
            docs.append((f, doc))
        if problems:
            raise RegisterInvalid(problems)
        modules = {f.path: f.module for f in self.module_files if f.module is not None}
        fresh = _build(self.root, [(f.path, self._shown(f.path), texts.get(f.path, f.text), f.digest, d) for f, d in docs],
                       bulk=self.bulk, modules=modules)
        if isinstance(fresh, list):
            raise RegisterInvalid(fresh)
        return fresh

    def discard(self) -> None:
        """Drop every unsaved edit: reload the files as they are on disk."""
        fresh = load(self.root)
        self.register, self.files, self.origins, self.bulk = fresh.register, fresh.files, fresh.origins, fresh.bulk
        self.module_files, self.modules, self.overrides = fresh.module_files, fresh.modules, fresh.overrides

    def remove(self, entity_id: str) -> None:
        """Delete an entity (references to it become errors that ``save`` reports)."""
        origin, _ = self._node(entity_id)
        if origin.section in ("controller",):
            raise ValueError("the controller cannot be removed")
        seq = origin.file.doc["controller"]["schools"] if origin.section == "schools" else origin.file.doc[origin.section]
        del seq[origin.index]
        origin.file.dirty = True

    def save(self) -> list[Path]:
        """Validate the edited register and write the changed files atomically. Returns what was written.

        Raises ``RegisterInvalid`` (nothing written) when the edit breaks the register, and
        ``ChangedOnDisk`` (nothing written) when a file to be written was changed by someone else.
        """
        dirty = [f for f in self.files if f.dirty]
        if not dirty:
            return []
        texts = {f.path: _dump(f.doc) for f in dirty}
        fresh = self._validated(texts)  # the register as it will be on disk after the save
        folder = lock_folder(self.root)
        with save_lock(folder, self._shown(self.root)):
            try:  # another process's save killed halfway: finished first, so the check below sees it
                finish_interrupted_save(folder, lambda p: self._shown(Path(p)), locked=True)
            except InterruptedSave as exc:
                raise ChangedOnDisk(exc.problems) from None
            changed = [f for f in dirty if file_digest(f.path) != f.digest]
            if changed:
                raise ChangedOnDisk([problem_at(self._shown(f.path), (0, 0), "changed_on_disk") for f in changed])
            for f in dirty:
                remove_stale_temporaries(f.path)  # left by a killed save; under the lock none is in use
            if len(dirty) == 1:
                f = dirty[0]
                if not atomic_write(f.path, texts[f.path], expect_digest=f.digest):
                    # Changed in the instant between the check above and the rename: theirs is back in place.
                    raise ChangedOnDisk([problem_at(self._shown(f.path), (0, 0), "changed_on_disk")])
            elif not write_together(folder, [Change(f.path, texts[f.path], f.digest, f.text) for f in dirty]):
                raise ChangedOnDisk([problem_at(self._shown(f.path), (0, 0), "changed_on_disk") for f in dirty])
            written = [f.path for f in dirty]
        # Adopt the saved state: the validated register was built from exactly the bytes written, so
        # it is what a reload would give (without reading and validating every file once more). An
        # edit of the imports reads the modules again: the validation used the modules as loaded.
        if any(isinstance(f.doc, CommentedMap) and "imports" in f.doc for f in dirty):
            fresh = load(self.root)
        else:
            for f in fresh.files:
                if f.path in texts:
                    f.text, f.digest = texts[f.path], hashlib.sha256(texts[f.path].encode("utf-8")).hexdigest()
        self.register, self.files, self.origins, self.bulk = fresh.register, fresh.files, fresh.origins, fresh.bulk
        self.module_files, self.modules, self.overrides = fresh.module_files, fresh.modules, fresh.overrides
        return written

    def _shown(self, path: Path) -> str:
        return shown_path(self.root, path)


def _merge(node: CommentedMap, fields: dict[str, Any], whole: bool = False) -> None:
    """Set ``fields`` in ``node``; ``None`` removes a key. A mapping given for a key that holds a mapping
    (``label: {nl: .., en: ..}``) is changed key by key, so its style, order and comments stay; with
    ``whole`` the keys of ``node`` that ``fields`` lacks are removed (the nested mapping is replaced)."""
    if whole:
        for name in [k for k in node if k not in fields]:
            node.pop(name)
    for name, value in fields.items():
        if value is None:
            node.pop(name, None)
        elif name in node and _same(node[name], value):
            continue
        elif isinstance(value, dict) and isinstance(node.get(name), CommentedMap):
            _merge(node[name], value, whole=True)
        else:
            node[name] = _to_yaml(value)


def _match_style(seq: CommentedSeq, node: CommentedMap) -> None:
    """Give the new entry's nested mappings and lists the style its siblings use for the same field."""
    for key, value in node.items():
        if not isinstance(value, (CommentedMap, CommentedSeq)):
            continue
        styles = [s[key].fa.flow_style() for s in seq if isinstance(s, CommentedMap) and isinstance(s.get(key), type(value))]
        if styles:
            flow = styles.count(True) >= styles.count(False)
            value.fa.set_flow_style() if flow else value.fa.set_block_style()


def _after_last_match(seq: CommentedSeq, near: dict[str, Any]) -> int | None:
    hits = [i for i, s in enumerate(seq) if isinstance(s, CommentedMap) and all(_same(s.get(k), v) for k, v in near.items())]
    return hits[-1] if hits else None


def _move_group_comment(prev: Any, new: Any) -> bool:
    """Move the comment lines after ``prev`` (they head the next group) to after ``new``.

    ruamel keeps such lines on the last key of the entry before them; an entry inserted between would
    otherwise land below the next group's heading. An end-of-line comment stays where it is.
    False when there is such a comment that cannot be moved safely (the caller appends instead).
    """
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    def block(value: Any) -> bool:
        return isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style()

    if not isinstance(prev, CommentedMap) or not isinstance(new, CommentedMap) or not prev or not new:
        return False
    last = list(prev.keys())[-1]
    if block(prev[last]):
        return False  # a block collection carries the comment deeper
    slot = prev.ca.items.get(last)
    if not slot or len(slot) < 3 or slot[2] is None:
        return True
    head, _, rest = slot[2].value.partition("\n")
    if not rest.strip():
        return True
    new_last = list(new.keys())[-1]
    if block(new[new_last]):
        return False
    slot[2].value = head + "\n"
    new.ca.items[new_last] = [None, None, CommentToken("\n" + rest, CommentMark(0), None), None]
    return True


def _same(node: Any, value: Any) -> bool:
    try:
        return plain(node, "", []) == value
    except Exception:  # noqa: BLE001 - comparing is best effort; writing is always safe
        return False


def _to_yaml(value: Any) -> Any:
    """Plain data → round-trip nodes (block style mappings, flow-style short lists of ids)."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _to_yaml(v)
        return out
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(_to_yaml(v) for v in value)
        if all(isinstance(v, (str, int, float)) for v in value):
            seq.fa.set_flow_style()
        return seq
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):  # enums
        return value.value
    return value


def _dump(doc: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------
# Loading


def register_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a register (a folder, or one file), in reading order."""
    shown = str(root)
    try:
        if not root.is_dir():
            root.stat()  # a symlink loop or a permission problem is an OSError with its reason
            return [root], []  # one file (reading it says what is wrong, e.g. a pipe)
        files = sorted(p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
    except FileNotFoundError:
        return [], [Problem(shown, 1, 1, "path_missing")]
    except OSError as exc:
        return [], [Problem(shown, 1, 1, "unreadable", (("reason", os_reason(exc)),))]
    if not files:
        return [], [Problem(shown, 1, 1, "empty_folder")]
    if len(files) > MAX_REGISTER_FILES:
        return [], [Problem(shown, 1, 1, "too_many_files", (("count", len(files)), ("limit", MAX_REGISTER_FILES)))]
    problems = outside_links(root, files)
    total = 0
    for p in files:
        try:
            info = p.stat()
        except OSError:
            continue  # reading it says why
        if stat.S_ISREG(info.st_mode):
            total += min(info.st_size, MAX_FILE_BYTES + 1)  # a larger file is reported on its own
    if total > MAX_YAML_TOTAL_BYTES:
        problems.append(Problem(shown, 1, 1, "folder_too_large", (("limit", MAX_YAML_TOTAL_BYTES), ("size", total))))
    return ([], problems) if problems else (files, [])


def load(path: str | os.PathLike[str], shared_parses: dict[str, Any] | None = None) -> LoadedRegister:
    """Load and validate a register folder (or a single YAML file).

    Raises ``RegisterInvalid`` with every problem found when the register is not valid.

    ``shared_parses`` (for registers only read, such as the two versions ``dpia diff`` compares): the
    parsed YAML of each file by its sha256, shared between the loads given the same dict, so a file
    both versions hold byte for byte is parsed once. The documents are then shared too: never edit a
    register loaded this way.
    """
    root = Path(path)
    try:  # a save of several files killed halfway is finished first: the register is whole again
        finished = finish_interrupted_save(lock_folder(root), lambda p: shown_path(root, Path(p)))
    except InterruptedSave as exc:
        raise RegisterInvalid(exc.problems) from None
    files, problems = register_files(root)
    if problems:
        raise RegisterInvalid(problems)
    parsed = []
    causes: list[Cause] = []
    for p in files:
        shown = shown_path(root, p)
        before = len(problems)
        salvage: dict[str, str] = {}
        read = _read_text(p, shown, problems, salvage)
        if read is None:
            causes.append(Cause.of_file(problems[before], p, salvage.get("text")))
            continue
        text, digest = read
        if shared_parses is not None and digest in shared_parses:
            doc = shared_parses[digest]
        else:
            doc = _parse(text, shown, problems)
            if shared_parses is not None and doc is not None and len(problems) == before:
                shared_parses[digest] = doc
        if doc is None and len(problems) > before:
            causes.append(Cause.of_file(problems[before], p, text))
        parsed.append((p, shown, text, digest, doc))
    bulk = read_bulk(root)  # flows.csv and inventories in CSV beside the YAML (dpia.io.bulk)
    causes += [Cause(c, c.file, "refs_why_unread", None, sections) for c, sections in bulk.causes]
    module_parsed, modules = _read_imports(root, parsed, problems)
    result = _build(root, parsed + module_parsed, problems + bulk.problems, bulk=bulk, causes=causes, modules=modules)
    if isinstance(result, list):
        raise RegisterInvalid(result)
    result.finished = finished
    return result


def lock_folder(root: Path) -> Path:
    """The folder a save of the register at ``root`` locks and journals in: the register's folder, or
    the folder of a one-file register."""
    return root if root.is_dir() else root.parent


def _build(
    root: Path,
    parsed: list[tuple[Path, str, str, str, Any]],
    problems: list[Problem] | None = None,
    bulk: Bulk | None = None,
    causes: list[Cause] | None = None,
    modules: dict[Path, Module] | None = None,
) -> LoadedRegister | list[Problem]:
    """Validate parsed documents (and the register's CSV files, ``bulk``) into a register, or return the problems.

    ``causes``: the files that could not be read or parsed; a reference that dangles because of one of
    them is counted with it, not reported on its own (see ``Cause``).
    """
    problems = list(problems or [])
    causes = list(causes or [])
    empty_sections: list[tuple[str, str, tuple[int, int], SourceFile]] = []  # (section, file, position, source)
    sources: list[SourceFile] = []
    controller: tuple[Any, Any, SourceFile] | None = None
    # (section, index-in-file, node, plain, source) for every entity, in reading order
    items: list[tuple[str, int | None, Any, Any, SourceFile]] = []

    modules = modules or {}
    for path, shown, text, digest, doc in parsed:
        src = SourceFile(path, text, digest, doc, module=modules.get(path))
        sources.append(src)
        if doc is None:
            if text is not None and not text.strip() and not any(pr.file == shown for pr in problems):
                problems.append(Problem(shown, 1, 1, "empty_file"))
                causes.append(Cause.of_file(problems[-1], path, None, "refs_why_empty"))
            continue
        if not isinstance(doc, CommentedMap):
            before = len(problems)
            found = plain(doc, shown, problems, _node_pos(doc))
            if len(problems) == before:  # else a refused tag says it better than "not null"
                problems.append(problem_at(shown, _node_pos(doc), "top_not_mapping", found=describe_value(found)))
            causes.append(Cause.of_file(problems[before], path, text))
            continue
        for key, value in doc.items():
            kpos = _key_pos(doc, key)
            if key not in TOP_KEYS:
                problems.append(
                    problem_at(shown, kpos, "unknown_section", value=key, allowed=", ".join(TOP_KEYS), hint=did_you_mean(str(key), TOP_KEYS))
                )
                continue
            vpos = _pos_of(doc, key)
            if key == "imports":
                continue  # read before (``_read_imports``)
            if key == "controller" and src.module is not None:
                problems.append(problem_at(shown, kpos, "module_controller", module=src.module.import_id))
                continue
            if key == "controller":
                if controller is not None:
                    problems.append(problem_at(shown, kpos, "controller_twice", where=controller[2].path.name))
                    continue
                pdata = plain(value, shown, problems, vpos)
                controller = (value, pdata, src)
                continue
            if value is None or (isinstance(value, CommentedSeq) and not value):
                empty_sections.append((key, shown, kpos, src))
                continue
            if not isinstance(value, CommentedSeq):
                before = len(problems)
                found = plain(value, shown, problems, vpos)
                if len(problems) == before:
                    problems.append(problem_at(shown, vpos, "section_not_list", section=key, found=describe_value(found)))
                causes.append(Cause(problems[before], shown, "refs_why_section", None, frozenset([key])))
                continue
            for i, item in enumerate(value):
                ipos = _pos_of(value, i)
                before = len(problems)
                pdata = plain(item, shown, problems, ipos)
                if pdata is None and len(problems) > before:
                    continue  # already explained (a tag or an alias)
                if not isinstance(pdata, dict):
                    problems.append(problem_at(shown, ipos, "item_not_mapping", path=f"{key}[{i}]", found=describe_value(pdata)))
                    continue
                items.append((key, i, item, pdata, src))
    if bulk:
        items.extend(bulk.items)  # inventory rows from CSV, with their cells as positions

    if controller is None:
        if not problems:
            problems.append(Problem(str(root), 1, 1, "controller_missing"))
        return problems

    # ---- validate each entity on its own, so one bad entry does not hide the others
    # A refused tag or alias became null; "expected text, found null" at the same place would be noise.
    refused = {_place(p) for p in problems if p.key in ("forbidden_tag", "alias", "too_deep")}
    origins: dict[str, Origin] = {}
    id_sections: dict[str, str] = {}
    valid: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    cnode, cdata, csrc = controller
    cshown = shown_path(root, csrc.path)
    ctrl = None
    if cdata is None and problems:
        pass  # already explained
    elif not isinstance(cdata, dict):
        problems.append(problem_at(cshown, _node_pos(cnode), "item_not_mapping", path="controller", found=describe_value(cdata)))
    else:
        try:
            ctrl = Controller.model_validate(cdata, by_alias=True, by_name=False)
        except ValidationError as exc:
            problems.extend(p for p in validation_problems(exc, Controller, cnode, "controller", cshown) if _place(p) not in refused)

    def claim(entity_id: Any, section: str, src: SourceFile, index: int | None, node: Any, path: str) -> None:
        if not isinstance(entity_id, str):
            return
        shown = shown_path(root, src.path)
        pos = _pos_of(node, "id") if isinstance(node, CommentedMap) else _node_pos(node)
        if entity_id in origins:
            problems.append(problem_at(shown, pos, "duplicate_id", path=path + ".id", value=entity_id, where=origins[entity_id].where()))
            if section != id_sections.get(entity_id):  # references to this one would dangle: counted with it
                causes.append(Cause(problems[-1], shown, "refs_why_duplicate", frozenset([entity_id]),
                                     frozenset([section]), both=True))
            return
        origins[entity_id] = Origin(src, shown, section, index, pos)
        id_sections[entity_id] = section

    if isinstance(cdata, dict):
        claim(cdata.get("id"), "controller", csrc, None, cnode, "controller")
        schools = cnode.get("schools") if isinstance(cnode, CommentedMap) else None
        for i, s in enumerate(cdata.get("schools") if isinstance(cdata.get("schools"), list) else []):
            if isinstance(s, dict) and isinstance(schools, CommentedSeq):
                claim(s.get("id"), "schools", csrc, i, schools[i], f"controller.schools[{i}]")

    items, overrides = _resolve_overrides(root, items, problems)

    counters: dict[str, int] = {}
    entities: list[tuple[str, int, Any, Any, SourceFile, Any]] = []
    for section, i, node, pdata, src in items:
        n = counters.get(section, 0)
        counters[section] = n + 1
        shown = shown_path(root, src.path)
        cls = SECTIONS[section] if section in SECTIONS else model.School  # schools.csv rows
        path = f"{section}[{n}]"
        if isinstance(pdata.get("id"), str):
            path += f" ({pdata['id']})"
        try:
            obj = cls.model_validate(pdata, by_alias=True, by_name=False)  # the YAML names only, as the JSON Schema says
        except ValidationError as exc:
            problems.extend(p for p in validation_problems(exc, cls, node, path, shown) if _place(p) not in refused)
            obj = None
        claim(pdata.get("id"), section, src, i, node, path)
        # References are checked even on an entry that failed validation: one pass, every problem.
        entities.append((section, i, node, pdata, src, obj))
        if obj is not None:
            valid.setdefault(section, []).append(obj)

    # ---- references
    ids_by_section: dict[str, list[str]] = {}
    for eid, section in id_sections.items():
        ids_by_section.setdefault(section, []).append(eid)
    # A "did you mean" costs one comparison per candidate id: thousands of dangling references to
    # thousands of ids would take hours. Hints stop when this many comparisons are spent (about 1 s).
    hint_budget = [20_000]
    options_for: dict[tuple[str, ...], list[str]] = {}
    # A section left empty (``measures:``) with no entries anywhere else: the references into it are
    # counted with it, in one line, instead of one "refers to nothing" each.
    present = {section for section, *_ in items}
    if bulk and bulk.flows is not None and bulk.flows.n:
        present.add("flows")
    for section, shown, kpos, _src in empty_sections:
        if section not in present:
            cause = problem_at(shown, kpos, "section_empty", section=section)
            causes.append(Cause(cause, shown, "refs_why_section", None, frozenset([section]), report_cause=True))
            present.add(section)  # one cause per section

    def check_refs(section: str, node: Any, pdata: dict[str, Any], shown: str, path: str) -> None:
        fields = {**REFERENCES.get(section, {}), **NESTED_REFERENCES.get(section, {})}
        for fname, targets in fields.items():
            for v, pos, fpath in _ref_values(node, pdata, fname.split("."), path):
                if not isinstance(v, str):
                    continue
                if id_sections.get(v) in targets:
                    continue
                if bulk and "flows" in targets and bulk.has_flow(v):
                    continue
                if causes and explain(causes, v, targets, f"{shown}:{pos[0] + 1}"):
                    continue
                options = options_for.get(targets)
                if options is None:
                    options = options_for[targets] = [x for s in targets for x in ids_by_section.get(s, [])]
                hint: Msg | str = ""
                if hint_budget[0] >= len(options):
                    hint_budget[0] -= len(options)
                    hint = did_you_mean(v, options)
                allowed = Msg("form_other", (("pattern", "/".join(targets)),))
                problems.append(
                    problem_at(shown, pos, "dangling_ref", path=fpath, value=v, allowed=allowed, hint=hint)
                )

    counters = {}
    for section, i, node, pdata, src, _obj in entities:
        n = counters.get(section, 0)
        counters[section] = n + 1
        label = f" ({pdata['id']})" if isinstance(pdata.get("id"), str) else ""
        check_refs(section, node, pdata, shown_path(root, src.path), f"{section}[{n}]{label}")
    if bulk:  # flows.csv, column by column: references and duplicate ids
        problems.extend(bulk.check(id_sections, ids_by_section, origins, counters.get("flows", 0), causes))
    for cause in causes:
        problems.extend(cause.problems())

    if problems or ctrl is None:
        return cap_problems(problems)
    ctrl.schools.extend(valid.pop("schools", []))
    register = Register(controller=ctrl, **valid)
    if bulk:
        bulk.attach(register)
    own = [f for f in sources if f.module is None]
    loaded = LoadedRegister(root, register, own, origins, bulk)
    loaded.module_files = [f for f in sources if f.module is not None]
    loaded.modules = sorted({m.import_id: m for m in modules.values()}.values(), key=lambda m: m.import_id)
    loaded.overrides = overrides
    return loaded


def _ref_values(node: Any, data: Any, parts: list[str], path: str) -> Iterator[tuple[Any, tuple[int, int], str]]:
    """(value, position, field path) of every value at a field path; ``a.b`` goes through the entries of list ``a``."""
    name, rest = parts[0], parts[1:]
    if not isinstance(data, dict) or data.get(name) is None:
        return
    value = data[name]
    fnode = node.get(name) if isinstance(node, CommentedMap) else None
    values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for j, v in values:
        fpath = f"{path}.{name}" + (f"[{j}]" if j is not None else "")
        if rest:
            child = fnode[j] if j is not None and isinstance(fnode, CommentedSeq) and j < len(fnode) else None
            yield from _ref_values(child if j is not None else fnode, v, rest, fpath)
        else:
            pos = _pos_of(fnode, j) if j is not None and fnode is not None else _pos_of(node, name)
            yield v, pos, fpath


def _place(p: Problem) -> tuple[str, int, int]:
    return (p.file, p.line, p.column)


def iter_problems_text(problems: Iterable[Problem], lang: str | None = None) -> Iterator[str]:
    for p in order_problems(problems):
        yield p.render(lang)


# --------------------------------------------------------------------------------------------------
# Imported modules (dpia.io.modules)

MODULE_MANIFEST = "module.yaml"


def _read_imports(root: Path, parsed: list[tuple[Path, str, str, str, Any]], problems: list[Problem]
                  ) -> tuple[list[tuple[Path, str, str, str, Any]], dict[Path, Module]]:
    """The parsed files of every module the register's ``imports:`` names, and which module each file
    belongs to. A module is untrusted input: the same limits as a register folder, inside the register
    folder (no ``../``, no link out), its checksum checked before anything of it is used. A register of
    one file reads its modules from folders beside that file, with the same limits."""
    out: list[tuple[Path, str, str, str, Any]] = []
    modules: dict[Path, Module] = {}
    base = root if root.is_dir() else root.parent
    for _path, shown, _text, _digest, doc in parsed:
        if not isinstance(doc, CommentedMap) or "imports" not in doc:
            continue
        seq = doc["imports"]
        if not isinstance(seq, CommentedSeq):
            before = len(problems)
            found = plain(seq, shown, problems, _pos_of(doc, "imports"))
            if len(problems) == before:
                problems.append(problem_at(shown, _pos_of(doc, "imports"), "section_not_list", section="imports",
                                         found=describe_value(found)))
            continue
        for i, node in enumerate(seq):
            ipos = _pos_of(seq, i)
            path = f"imports[{i}]"
            before = len(problems)
            entry = plain(node, shown, problems, ipos)
            if len(problems) > before:
                continue  # a refused tag or alias, already explained
            if not isinstance(entry, dict):
                problems.append(problem_at(shown, ipos, "item_not_mapping", path=path, found=describe_value(entry)))
                continue
            try:  # the same located messages as any entity: unknown field, bad checksum, missing version
                imp = model.Import.model_validate(entry, by_alias=True, by_name=False)
            except ValidationError as exc:
                problems.extend(validation_problems(exc, model.Import, node, path, shown))
                continue
            imp_id, source = imp.id, imp.source
            spos = _pos_of(node, "source")
            got = _module_source(root, base, imp, node, shown, problems)
            if got is None:
                continue
            folder, files, texts, actual = got
            manifest = folder / MODULE_MANIFEST
            if manifest not in texts:
                problems.append(problem_at(shown, spos, "module_no_manifest", module=imp_id, source=source))
                continue
            mshown = shown_path(root, manifest)
            mdoc = _parse(texts[manifest][0], mshown, problems)
            meta = plain(mdoc, mshown, problems) if mdoc is not None else None
            if not isinstance(meta, dict) or not all(isinstance(meta.get(k), (str, int, float)) for k in ("name", "version")):
                problems.append(problem_at(mshown, (0, 0), "module_no_manifest", module=imp_id, source=source))
                continue
            module = Module(imp_id, str(meta["name"]), str(meta.get("publisher", "")), str(meta["version"]), folder, actual)
            if imp.version != module.version:
                problems.append(problem_at(shown, _pos_of(node, "version"), "module_version", module=imp_id,
                                         expected=imp.version, actual=module.version))
                continue
            for p in files:
                if p == manifest:
                    continue
                pshown = shown_path(root, p)
                pdoc = _parse(texts[p][0], pshown, problems)
                if isinstance(pdoc, CommentedMap) and "imports" in pdoc:
                    problems.append(problem_at(pshown, _key_pos(pdoc, "imports"), "module_imports", module=imp_id))
                    continue
                out.append((p, pshown, texts[p][0], texts[p][1], pdoc))
                modules[p] = module
    return out, modules


def _module_source(root: Path, base: Path, imp: model.Import, node: Any, shown: str, problems: list[Problem]
                   ) -> tuple[Path, list[Path], dict[Path, tuple], str] | None:
    """The module an import names (a folder, an archive or a git commit inside ``base``, the register's
    folder): its folder (or archive, or repository), its YAML files, their texts and its checksum,
    once the checksum matches the import's; None with the reasons in ``problems``, each at the
    import's place in ``shown``."""
    imp_id, source = imp.id, imp.source
    spos = _pos_of(node, "source")

    def pinned(actual: str) -> bool:
        if actual != imp.checksum:
            problems.append(problem_at(shown, _pos_of(node, "checksum"), "module_checksum", module=imp_id,
                                     expected=imp.checksum, actual=actual, source=source))
        return actual == imp.checksum

    url = is_url(source)
    if url and not source.startswith("file:///"):  # a git repository on this computer, no host
        problems.append(problem_at(shown, spos, "module_url_scheme", module=imp_id, source=source))
        return None
    if url != (imp.revision is not None):
        problems.append(problem_at(shown, spos if url else _pos_of(node, "revision"),
                                 "module_not_pinned" if url else "module_revision_not_git", module=imp_id, source=source))
        return None
    folder = Path(unquote(urlparse(source).path)) if url else base / source
    if (not url and Path(source).is_absolute()) or not inside(base, folder):
        problems.append(problem_at(shown, spos, "module_outside", module=imp_id, source=source))
        return None
    archive = is_archive(source) and not url
    if not (folder.is_file() if archive else folder.is_dir()):
        problems.append(problem_at(shown, spos, "archive_missing" if archive else "module_missing", module=imp_id,
                                 source=source))
        return None
    if url:  # a git repository: the commit's files, read as an archive git makes, pinned like a folder
        leak = git_dir_outside(folder, base)
        if leak is not None:
            problems.append(problem_at(shown, spos, "module_git_outside", module=imp_id, source=source, place=leak))
            return None
        try:
            data = git_revision_tar(folder, imp.revision, MAX_ARCHIVE_BYTES)
        except ArchiveRefused as refused:
            problems.append(problem_at(shown, spos, refused.key, source=source, **refused.params))
            return None
        got = _archive_texts(root, folder, data, problems, (shown, spos), source, kind=".tar")
        if got is None:
            return None
        actual = files_checksum({p.relative_to(folder).as_posix(): got[1][p][2] for p in got[0]})
    elif archive:  # pinned by the archive's bytes: checked before the archive is opened
        data = read_limited(folder, shown_path(root, folder), MAX_ARCHIVE_BYTES, problems)
        if data is None or not pinned(actual := archive_checksum(data)):
            return None
        got = _archive_texts(root, folder, data, problems, (shown, spos), source)
        if got is None:
            return None
    else:
        got = _folder_texts(root, folder, problems)
        if got is None:
            return None
        actual = module_checksum(got[0], folder)
    if not pinned(actual):
        return None
    return folder, got[0], got[1], actual


def _folder_texts(root: Path, folder: Path, problems: list[Problem]
                  ) -> tuple[list[Path], dict[Path, tuple[str, str]]] | None:
    """The YAML files of a module folder and their texts (and digests); None with the reasons in
    ``problems``. The limits of a register folder, and no link at all: a module's files are its own."""
    files, found = register_files(folder)
    if found:
        problems.extend(found)
        return None
    links = [p for p in files if p.is_symlink()]
    if links:
        problems.append(problem_at(shown_path(root, links[0]), (0, 0), "symlink_outside", target=os.readlink(links[0])))
        return None
    before = len(problems)
    texts = {}
    for p in files:
        read = _read_text(p, shown_path(root, p), problems)
        if read is not None:
            texts[p] = read
    return None if len(problems) > before else (files, texts)


def _archive_texts(root: Path, archive: Path, data: bytes, problems: list[Problem], at: tuple[str, tuple[int, int]],
                   source: str, kind: str | None = None) -> tuple[list[Path], dict[Path, tuple[str, str]]] | None:
    """The YAML files of a module archive (``data``, its bytes; ``kind`` ".tar" or ".zip", else by the
    archive's name) and their texts, read in memory and never extracted: each file is named
    ``ARCHIVE/NAME`` (a path that exists only in messages). The limits of a register folder; a member
    that points elsewhere, a link or a device refuses the whole archive, reported at ``at`` (the
    import's source, or the archive itself). ``texts`` keeps each file's bytes too, for a checksum."""
    try:
        members = read_archive(data, kind or archive.name, MAX_REGISTER_FILES, MAX_YAML_TOTAL_BYTES)
    except ArchiveRefused as refused:
        problems.append(problem_at(at[0], at[1], refused.key, source=source, **refused.params))
        return None
    names = sorted(n for n in members if "/" not in n and n.endswith(YAML_SUFFIXES) and not n.startswith("."))
    if not names:
        problems.append(problem_at(at[0], at[1], "archive_empty", source=source))
        return None
    before = len(problems)
    files, texts = [], {}
    for name in names:
        path = archive / name
        shown = shown_path(root, path)
        if len(members[name]) > MAX_FILE_BYTES:
            problems.append(problem_at(shown, (0, 0), "file_too_large", size=len(members[name]), limit=MAX_FILE_BYTES))
            continue
        read = _decode_text(members[name], shown, problems)
        if read is not None:
            files.append(path)
            texts[path] = (*read, members[name])
    return None if len(problems) > before else (files, texts)


def module_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a module archive, within MAX_ARCHIVE_BYTES (``RegisterInvalid`` otherwise)."""
    problems: list[Problem] = []
    data = read_limited(Path(path), str(path), MAX_ARCHIVE_BYTES, problems)
    if data is None:
        raise RegisterInvalid(problems)
    return data


def _resolve_overrides(root: Path, items: list[tuple[str, int | None, Any, Any, SourceFile]], problems: list[Problem]
                       ) -> tuple[list[tuple[str, int | None, Any, Any, SourceFile]], list[Override]]:
    """The entities that count: a school's entry replaces a module's entry with the same id (recorded as
    an ``Override``); two modules with one id that the school does not override is a problem."""
    own: dict[str, tuple[str, Any, SourceFile, Any]] = {}
    for section, _i, node, pdata, src in items:
        if src.module is None and isinstance(pdata.get("id"), str):
            own.setdefault(pdata["id"], (section, pdata, src, node))
    kept = []
    overrides: list[Override] = []
    from_module: dict[str, SourceFile] = {}
    for item in items:
        section, _i, node, pdata, src = item
        eid = pdata.get("id")
        if src.module is None or not isinstance(eid, str):
            kept.append(item)
            continue
        if eid in own:
            osection, odata, osrc, onode = own[eid]
            pos = _pos_of(onode, "id") if isinstance(onode, CommentedMap) else _node_pos(onode)
            overrides.append(Override(eid, osection, src.module.import_id, differing_fields(pdata, odata),
                                      f"{shown_path(root, osrc.path)}:{pos[0] + 1}"))
            continue
        other = from_module.get(eid)
        if other is not None and other.module is not None and other.module.import_id != src.module.import_id:
            pos = _pos_of(node, "id") if isinstance(node, CommentedMap) else _node_pos(node)
            problems.append(problem_at(shown_path(root, src.path), pos, "module_clash", value=eid,
                                     module=src.module.import_id, other=other.module.import_id))
            continue
        from_module.setdefault(eid, src)
        kept.append(item)
    return kept, overrides


def folder_checksum(folder: str | os.PathLike[str]) -> str:
    """The checksum of a module folder or archive, as an import's ``checksum`` expects it
    (``RegisterInvalid`` when it is not one a register could import: missing, too large, a link out,
    an archive member outside the archive). For an archive, the sha256 of its bytes."""
    root = Path(folder)
    if is_archive(root) and not root.is_dir():
        data = module_bytes(root)
        problems: list[Problem] = []
        if _archive_texts(root.parent, root, data, problems, (str(root), (0, 0)), str(root)) is None:
            raise RegisterInvalid(problems)
        return archive_checksum(data)
    files, problems = register_files(root)
    if problems:
        raise RegisterInvalid(problems)
    links = [p for p in files if p.is_symlink()]
    if links:
        raise RegisterInvalid([problem_at(shown_path(root, links[0]), (0, 0), "symlink_outside", target=os.readlink(links[0]))])
    return module_checksum(files, root)


def load_module(folder: str | os.PathLike[str]) -> LoadedRegister:
    """A module folder loaded on its own, for ``dpia diff`` of two versions before an update is
    accepted: its entities with a stand-in controller (the module's name) that is the same in every
    version, so the diff shows only what the module changed. Same limits as a register; an archive
    (``.tar.gz``, ``.zip``) is read in memory as an import reads it."""
    root = Path(folder)
    problems: list[Problem] = []
    if is_archive(root) and not root.is_dir():
        got = _archive_texts(root.parent, root, module_bytes(root), problems, (str(root), (0, 0)), str(root))
        shown_root = root.parent
    else:
        files, problems = register_files(root)
        if problems:
            raise RegisterInvalid(problems)
        got = (files, {})
        shown_root = root
    if got is None:
        raise RegisterInvalid(problems)
    files, texts = got
    parsed = []
    name = root.name
    for p in files:
        shown = shown_path(shown_root, p)
        read = texts.get(p) or _read_text(p, shown, problems)
        if read is None:
            continue
        doc = _parse(read[0], shown, problems)
        if p.name == MODULE_MANIFEST:
            meta = plain(doc, shown, problems) if doc is not None else None
            if isinstance(meta, dict) and isinstance(meta.get("name"), str):
                name = meta["name"]
            continue
        if isinstance(doc, CommentedMap) and "controller" in doc:
            problems.append(problem_at(shown, _key_pos(doc, "controller"), "module_controller", module=name))
        parsed.append((p, shown, read[0], read[1], doc))
    if problems:
        raise RegisterInvalid(problems)
    stand_in = _yaml().load(f"controller: {{id: module, name: {json.dumps(name)}, sector: {next(iter(model.Sector)).value}}}\n")
    parsed.append((root / MODULE_MANIFEST, shown_path(shown_root, root / MODULE_MANIFEST), "", "", stand_in))
    result = _build(shown_root, parsed)
    if isinstance(result, list):
        raise RegisterInvalid(result)
    return result


def module_lines(loaded, lang: str) -> list[str]:
    """One line per imported module (name, version, publisher) and one per override of a module's entry."""
    lines = [t("module_imported", lang, id=m.import_id, name=m.name, version=m.version, publisher=m.publisher or "—")
             for m in loaded.modules]
    for o in loaded.overrides:
        fields = ", ".join(o.fields) if o.fields else t("module_override_same", lang)
        lines.append(t("module_override", lang, where=o.where, id=o.entity_id, module=o.module, fields=fields))
    return lines
