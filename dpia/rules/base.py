"""The rule registry: each rule is a small function with a stable code and its documentation.

A rule is declared with :func:`rule`, next to the function that finds its instances, like a linter
rule: code (``DPIA201``), kebab-case name, severity, kind (violation or gap), the article it enforces.
Its texts are in the message catalogue (``dpia/i18n/locale/*/LC_MESSAGES/dpia.po``) under
``rule.<CODE>.<part>``, one for each part of ``TEXT_FIELDS``: its title, what it checks, why it matters,
how to fix it, the message of one finding for the privacy officer (with ids) and the same finding for
the reader of the report (``reader``: plain words for the MR and parents, no ids, codes or field names;
its parameters are named through ``dpia.model.names``). `dpia rules`, the generated `docs/rules.md` and
every finding read the same words; tests/test_catalogue.py fails for a rule without all six in every
language.

A rule function takes a :class:`Context` and yields :class:`Hit` objects. It works on whole tables
(``ctx.tables``) and graph algorithms (``ctx.graph``): joins, not a loop per flow.

A rule is a function of the register and the date only (no files, clock or settings of its own): the
workbench's check after an edit (``dpia.check.Incremental``) keeps the hits of a rule whose inputs did
not change. It learns the inputs by itself (:class:`Reads`); a rule that depends on *which ids exist*
beyond the values in the tables it reads (a count per category including zeros, say) reads
``ctx.tables.ids``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any


from dpia.i18n import LANGS, t
from dpia.model import Register
from dpia.analysis.tables import Tables
from dpia.analysis.reads import Reads
from dpia.model.findings import Kind, Severity
from dpia.analysis.graph import build_graph, party_graph


TEXT_FIELDS = ("title", "checks", "why", "fix", "message", "reader")


@dataclass(frozen=True)
class Hit:
    """One instance a rule found: the ids it concerns (first = where to look) and message parameters."""

    subjects: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    kind: Kind
    article: str
    theme: str
    func: Callable[[Context], Iterable[Hit]] = field(repr=False, compare=False)
    advisory: bool = False  # the law is uncertain here: the rule advises, see its 'why'
    after_findings: bool = False  # runs after the others, as func(ctx, findings)

    def text(self, part: str, lang: str | None = None, **params: Any) -> str:
        return t(f"rule.{self.code}.{part}", lang, **params)


REGISTRY: dict[str, Rule] = {}


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    kind: Kind,
    article: str,
    theme: str,
    advisory: bool = False,
    after_findings: bool = False,
) -> Callable[[Callable[[Context], Iterable[Hit]]], Callable[[Context], Iterable[Hit]]]:
    """Declare a rule; its texts are the catalogue's ``rule.<code>.<part>`` (see the module's docstring)."""

    def register(func: Callable[[Context], Iterable[Hit]]) -> Callable[[Context], Iterable[Hit]]:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} declared twice")
        REGISTRY[code] = Rule(code, name, severity, kind, article, theme, func, advisory, after_findings)
        return func

    return register


@dataclass
class Context:
    """What a rule may look at: the register, its tables and graph, and the assessment date.

    With ``reads`` (the incremental check) the register is a :func:`reading` one, and the graph and
    the shared helpers pass what they read to every rule that uses them, also from their cache."""

    register: Register
    on: dt.date
    reads: Reads | None = None

    @cached_property
    def tables(self) -> Tables:
        return Tables(self.register)

    @property
    def graph(self):  # -> nx.MultiDiGraph
        return self.memo("ctx.graph", lambda: build_graph(self.register))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, once per check: for a helper that several rules call (treat the result as read-only)."""
        store = self.__dict__.setdefault("_memo", {})
        reads = self.reads
        if key in store:
            value, deps = store[key]
            if reads is not None:
                reads.add(*deps)
            return value
        if reads is None:
            value, deps = compute(), ()
        else:
            with reads.frame() as found:
                value = compute()
            deps = tuple(found)
        store[key] = (value, deps)
        return value

    @property
    def party_graph(self):  # -> nx.MultiDiGraph
        """Flows merged to one edge per pair of holders (``dpia.analysis.graph.party_graph``): enough for
        questions about parties and sub-processors, and small however many flows there are."""
        return self.memo("ctx.party_graph", lambda: party_graph(self.tables))


def shared(func: Callable[[Context], Any]) -> Callable[[Context], Any]:
    """A helper of several rules, computed once per check (``Context.memo``); its result is read-only."""
    key = f"{func.__module__}.{func.__qualname__}"

    @wraps(func)
    def once(ctx: Context) -> Any:
        return ctx.memo(key, lambda: func(ctx))

    return once


_LOADED = False


def load_all() -> None:
    """Import every theme module of this package once, so every rule is registered."""
    global _LOADED
    if _LOADED:
        return
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name != "base":
            importlib.import_module(f"dpia.rules.{info.name}")
    _LOADED = True


def rules(theme: str | None = None) -> list[Rule]:
    """Every registered rule, sorted by code."""
    load_all()
    return sorted((r for r in REGISTRY.values() if theme is None or r.theme == theme), key=lambda r: r.code)


def hits_from(frame, subject_columns: list[str], param_columns: dict[str, str] | None = None) -> list[Hit]:
    """Turn the rows of a result DataFrame into hits (one per row; columns name the subjects/params)."""
    if frame is None or len(frame) == 0:
        return []
    param_columns = param_columns or {}
    cols = subject_columns + list(param_columns.values())
    out = []
    for row in frame[cols].itertuples(index=False, name=None):
        subjects = tuple(str(v) for v in row[: len(subject_columns)])
        params = dict(zip(param_columns, row[len(subject_columns):]))
        out.append(Hit(subjects, params))
    return out


def id_list(values: Iterable[str]) -> str:
    """A sorted, comma-separated list of ids for a message."""
    return ", ".join(sorted(set(values)))


__all__ = ["Context", "Hit", "Kind", "LANGS", "REGISTRY", "Rule", "Severity", "hits_from", "id_list", "rule", "rules"]
