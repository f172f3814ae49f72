"""Problems: what is wrong with an input, where, and what to do about it.

Every reader of the package (the YAML loader, the CSV reader, the spreadsheet import, the module
reader) reports in this one vocabulary: a :class:`Problem` has a place (file, line, column), a
catalogue key with its parameters, and a level in the chain of causes (``LEVELS``), so that the
first line shown is the one to fix first. :class:`RegisterInvalid` carries every problem of a
register that cannot be loaded or saved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dpia.i18n import has, t


# How far down the chain of causes a problem sits. A file that cannot be read explains the syntax it
# was not checked for, bad syntax explains a shape never seen, and a bad shape explains references that
# dangle: problems are shown in this order (then by file, line and column), so the first line printed
# is the one to fix first.
LEVELS = ("file", "syntax", "shape", "reference")


_FILE_LEVEL = {
    "path_missing", "empty_folder", "unreadable", "symlink_outside", "too_many_files", "folder_too_large",
    "csv_too_large", "file_too_large", "utf16", "not_utf8", "binary", "empty_file", "csv_unknown",
    "csv_not_utf8", "csv_utf16", "changed_on_disk", "save_locked", "save_interrupted_conflict",
}


_SYNTAX_LEVEL = {
    "yaml_syntax", "yaml_tab", "duplicate_key", "forbidden_tag", "alias", "yaml_merge_key", "yaml_complex_key", "too_deep",
    "csv_syntax",
    "csv_stray_cr", "csv_field_too_long", "csv_fields", "csv_no_header", "csv_unnamed_value", "csv_value_spans_lines",
}


_REFERENCE_LEVEL = {"dangling_ref", "duplicate_id", "module_clash"}


_FILE_LEVEL |= {  # a module's import"module_checksum", "module_outside", "module_missing", "module_no_manifest", "archive_missing",
                "archive_member_path", "archive_member_kind", "archive_member_twice", "archive_too_many",
                "archive_too_large", "archive_unreadable", "archive_empty", "module_url_scheme", "module_not_pinned",
                "module_revision_not_git", "module_git_failed", "module_git_outside",
                "module_controller", "module_imports"}


def problem_level(key: str, params: dict[str, Any] | None = None) -> str:
    """The level (one of ``LEVELS``) of a problem with catalogue key ``key``."""
    if key == "problems_capped" and params and isinstance(params.get("kind"), str):
        return problem_level(params["kind"])
    if key in _FILE_LEVEL:
        return "file"
    if key in _SYNTAX_LEVEL:
        return "syntax"
    if key in _REFERENCE_LEVEL:
        return "reference"
    return "shape"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a register, with its place and a catalogue message.

    ``caused_by`` is set on a problem that follows from another one (``FILE:LINE:COLUMN`` of that
    cause): the line that counts the references left unchecked because a file could not be read.
    """

    file: str
    line: int
    column: int
    key: str = field(compare=False)
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    caused_by: str | None = field(default=None, compare=False, kw_only=True)

    @property
    def level(self) -> str:
        """``file``, ``syntax``, ``shape`` or ``reference`` (see ``LEVELS``)."""
        level = dict(self.params).get("level")
        return level if level in LEVELS else problem_level(self.key, dict(self.params))

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def sort_key(self) -> tuple[Any, ...]:
        """Causes before consequences: by level, then file, line and column; a consequence right
        after its cause."""
        return (LEVELS.index(self.level), self.file, self.line, self.column, self.caused_by is not None, self.key)

    def message(self, lang: str | None = None, step: bool = True) -> str:
        """The message in ``lang``; with ``step``, followed by the next step when the catalogue has one."""
        params = dict(self.params)
        params.pop("level", None)
        # Parameters that are themselves message keys are translated too.
        for name, value in params.items():
            if isinstance(value, Msg):
                params[name] = value.render(lang)
        text = t(self.key, lang, **params)
        then = f"step_{self.key}"  # the next step, for a message that states only what is wrong
        if step and has(then):
            text += ("" if text.endswith((".", "?", "!")) else ".") + " " + t(then, lang, **params)
        return text

    def render(self, lang: str | None = None) -> str:
        return f"{self.place}: {self.message(lang)}"

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The problem as plain data (``dpia validate --format json``)."""
        return {"file": self.file, "line": self.line, "column": self.column, "level": self.level,
                "key": self.key, "message": self.message(lang), "caused_by": self.caused_by}


def order_problems(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` without repeats, causes first (see ``Problem.sort_key``)."""
    unique = {(p.file, p.line, p.column, p.key, p.params): p for p in problems}
    return sorted(unique.values(), key=Problem.sort_key)


@dataclass(frozen=True)
class Msg:
    """A message key with parameters, rendered lazily in the reader's language."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str | None) -> str:
        params = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.params}
        return t(self.key, lang, **params)


def problem_at(file: str, pos: tuple[int, int], key: str, **params: Any) -> Problem:
    """``pos`` is zero-based (as ruamel gives it); problems are one-based, as editors show them."""
    # A found value may be a list or a mapping (``role: [processor]``); problems must stay hashable.
    params = {k: v if _hashable(v) else describe_value(v) for k, v in params.items()}
    return Problem(file, pos[0] + 1, pos[1] + 1, key, tuple(sorted(params.items())))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class RegisterInvalid(Exception):
    """The register cannot be loaded or saved; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = order_problems(problems)
        super().__init__("\n".join(p.render("en") for p in self.problems))

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: in a notebook, the problems in the reader's
        # language, causes first, and no Python internals.
        return [p.render(None) for p in self.problems] + [t("cli_invalid", None, count=len(self.problems))]


class ChangedOnDisk(Exception):
    """A file was changed by someone else since it was loaded; the save was refused."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.render("en") for p in problems))


def did_you_mean(value: Any, options: Iterable[str]) -> Msg | str:
    """A 'did you mean' hint for a misspelt id or enumeration value, or '' when nothing is close."""
    if not isinstance(value, str):
        return ""
    options = list(options)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:  # 'VO' for 'vo': compare without case
        lower = {o.lower(): o for o in options}
        close = [lower[c] for c in difflib.get_close_matches(value.lower(), list(lower), n=1, cutoff=0.6)]
    return Msg("did_you_mean", (("value", close[0]),)) if close else ""


def allowed_list(options: Iterable[str], limit: int = 12) -> str:
    opts = list(options)
    shown = ", ".join(opts[:limit])
    return shown + (", …" if len(opts) > limit else "")


def describe_value(value: Any, lang_neutral: bool = True) -> str:
    """A short rendering of a found value for a message."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if value is None:
        return "null"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        # an invisible or reversing character is shown by its code, never as itself (it could hide or
        # reverse the rest of the message; half a surrogate pair cannot even be written out)
        shown = "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cf", "Cs") else c for c in shown)
        return f"'{shown}'"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if not isinstance(value, bool) else str(value).lower()
