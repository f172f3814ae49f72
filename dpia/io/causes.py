"""Causes: what a file or section that could not be read leaves unchecked.

A broken file explains the references into it that dangle: those are counted with the file's
problem (one line) instead of listed one by one. The YAML loader and the CSV reader share this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dpia.io.problems import Problem
from dpia.model import TOP_KEYS
from dpia.io.problems import Msg


_ID_IN_TEXT = re.compile(r"(?:^|[\s{,])['\"]?id['\"]?[ \t]*:[ \t]*['\"]?([a-z0-9][a-z0-9_.-]*)", re.M)


_SECTION_IN_TEXT = re.compile(r"^['\"]?([A-Za-z_]+)['\"]?[ \t]*:", re.M)


def sections_named(stem: str) -> frozenset[str] | None:
    """The sections a file named ``stem`` (``parties``, ``access``, ``data``) probably holds; None when
    its name says nothing."""
    stem = stem.lower()
    found = frozenset(s for s in (*TOP_KEYS, "schools") if s == stem or s.startswith(stem + "_"))
    return found or None


@dataclass
class Cause:
    """A file (or section) that could not be used, and the references it leaves unchecked.

    A reference that dangles only because its target sits in a file the loader could not read is not a
    problem of its own: it is counted here and reported in one line after the cause. A reference is
    put down to this cause when its value is one of the ids the file's text still shows (``ids``,
    recovered from a file with bad syntax or a wrong encoding), or, when the file could not be read at
    all, when it points into a section the file is named after (``sections``; None: any section).
    """

    problem: Problem  # the cause, as reported
    file: str
    why: str  # "refs_why_unread", "refs_why_empty" or "refs_why_section"
    ids: frozenset[str] | None = None
    sections: frozenset[str] | None = None
    count: int = 0
    first: str | None = None  # where the first reference put down to it is
    report_cause: bool = False  # the cause is reported only when it explains something (an empty section)
    both: bool = False  # explains a reference only when both its value is in ``ids`` and it points into ``sections``

    @classmethod
    def of_file(cls, problem: Problem, path: Path, text: str | None, why: str = "refs_why_unread") -> "Cause":
        ids = frozenset(_ID_IN_TEXT.findall(text)) if text else None
        in_text = frozenset(_SECTION_IN_TEXT.findall(text)) & frozenset(TOP_KEYS) if text else frozenset()
        sections = in_text or sections_named(path.stem)
        return cls(problem, problem.file, why, ids, sections)

    def explains(self, value: str, targets: Iterable[str]) -> bool:
        if self.both:
            return value in self.ids and not self.sections.isdisjoint(targets)
        if self.ids is not None:
            return value in self.ids
        return self.sections is None or not self.sections.isdisjoint(targets)

    def take(self, where: str | None, n: int = 1) -> None:
        self.count += n
        if self.first is None or (where is not None and _place_order(where) < _place_order(self.first)):
            self.first = where

    def problems(self) -> list[Problem]:
        if not self.count:
            return []
        c = self.problem
        if self.both:
            what = Msg("refs_to_id", (("value", next(iter(self.ids))),))
        elif self.ids is not None:
            what = Msg("refs_to_ids_of", (("file", Path(self.file).name),))
        elif self.sections is not None:
            what = Msg("refs_to_sections", (("sections", ", ".join(sorted(self.sections))),))
        else:  # nothing tells what the file held: any reference might have been to it
            what = Msg("refs_to_ids_maybe_in", (("file", Path(self.file).name),))
        params = (("count", self.count), ("first", self.first or "?"), ("level", c.level), ("what", what),
                  ("why", Msg(self.why, (("file", Path(self.file).name),))))
        counted = Problem(c.file, c.line, c.column, "refs_unchecked", params, caused_by=c.place)
        return [c, counted] if self.report_cause else [counted]


def _place_order(where: str) -> tuple[str, int]:
    found = re.match(r"^(.*?):(\d+)(?::\d+)?$", where)
    return (found.group(1), int(found.group(2))) if found else (where, 0)


def explain(causes: list[Cause], value: str, targets: Iterable[str], where: str | None, n: int = 1) -> bool:
    """Put a dangling reference (``n`` of them) down to the first of ``causes`` that explains it; False
    when none does (then it is a problem of its own)."""
    for cause in causes:
        if cause.explains(value, targets):
            cause.take(where, n)
            return True
    return False
