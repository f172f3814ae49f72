"""What a DPIA (or one of its risks) covers: its systems and flows, and what follows from them.

A DPIA names systems and flows; the data categories, data subjects, parties, purposes, agreements and
access roles in its scope follow from the register. Screening, risk scoring and the sign-off rules all
read the register through one :class:`Scope`, so they agree on what a DPIA is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dpia.model.flowtable import scope_part
from dpia.model import DataCategory, Dpia, Register, Risk, SubjectCategory


@dataclass(frozen=True)
class Scope:
    """The register facts inside a DPIA or a risk. Every tuple is sorted, so results are deterministic."""

    systems: tuple[str, ...]
    flows: tuple[str, ...]
    categories: tuple[str, ...]
    subjects: tuple[str, ...]
    parties: tuple[str, ...]
    purposes: tuple[str, ...]
    agreements: tuple[str, ...]
    access_roles: tuple[str, ...]
    consents: tuple[str, ...] = ()
    retention: tuple[str, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        """Every register id the scope touches: a finding about any of them concerns the DPIA."""
        return frozenset((
            *self.systems, *self.flows, *self.categories, *self.parties, *self.purposes, *self.agreements,
            *self.access_roles, *self.consents, *self.retention,
        ))

    def category_entities(self, register: Register) -> list[DataCategory]:
        wanted = set(self.categories)
        return [c for c in register.data_categories if c.id in wanted]

    def subject_entities(self, register: Register) -> list[SubjectCategory]:
        wanted = set(self.subjects)
        return [s for s in register.subjects if s.id in wanted]

    def subject_count(self, register: Register) -> int | None:
        """Approximate number of data subjects (sum of the groups' counts), or None when no group has one."""
        counts = [s.count for s in self.subject_entities(register) if s.count is not None]
        return sum(counts) if counts else None


def scope_of(register: Register, systems: Iterable[str] = (), flows: Iterable[str] = ()) -> Scope:
    """The scope made of ``systems`` (with every flow that starts or ends at one) and ``flows``.

    >>> from dpia.model import Register
    >>> scope_of(Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"}})).flows
    ()
    """
    systems = set(systems)
    wanted = set(flows)
    selected = [f for f in register.flows if f.id in wanted or f.from_ in systems or f.to in systems]
    system_ids = {s.id for s in register.systems}
    party_ids = {p.id for p in register.parties}
    operators = {s.id: s.operated_by for s in register.systems}
    parties: set[str] = {operators[s] for s in systems if s in operators and operators[s] in party_ids}
    categories: set[str] = set()
    subjects: set[str] = set()
    purposes: set[str] = set()
    agreements: set[str] = set()
    ends: set[str] = set()
    for f in selected:
        categories.update(f.categories)
        subjects.update(f.subjects)
        purposes.update(f.purposes)
        if f.agreement:
            agreements.add(f.agreement)
        ends.update((f.from_, f.to))
    bulk = scope_part(register, systems, wanted)  # flows from flows.csv, summarised as tables (dpia.io.bulk)
    if bulk is not None:
        categories |= bulk.categories
        subjects |= bulk.subjects
        purposes |= bulk.purposes
        agreements |= bulk.agreements
        ends |= bulk.ends
    for end in ends:
        if end in party_ids:
            parties.add(end)
        elif end in system_ids and operators[end] in party_ids:
            parties.add(operators[end])
    roles = sorted(a.id for a in register.access_roles if a.system in systems)
    consents = sorted(c.id for c in register.consents if c.purpose in purposes)
    retention = sorted(
        r.id for r in register.retention if (r.category is not None and r.category in categories)
        or (r.purpose is not None and r.purpose in purposes)
    )
    return Scope(
        systems=tuple(sorted(systems)),
        flows=tuple(sorted([f.id for f in selected] + (bulk.flows if bulk is not None else []))),
        categories=tuple(sorted(categories)),
        subjects=tuple(sorted(subjects)),
        parties=tuple(sorted(parties)),
        purposes=tuple(sorted(purposes)),
        agreements=tuple(sorted(agreements)),
        access_roles=tuple(roles),
        consents=tuple(consents),
        retention=tuple(retention),
    )


def dpia_scope(register: Register, dpia: Dpia) -> Scope:
    """The scope of a whole DPIA."""
    return scope_of(register, dpia.systems, dpia.flows)


def risk_scope(register: Register, dpia: Dpia, risk: Risk) -> Scope:
    """The scope of one risk: its own systems and flows, or the whole DPIA when it names none."""
    if risk.systems or risk.flows:
        return scope_of(register, risk.systems, risk.flows)
    return dpia_scope(register, dpia)


def get_dpia(register: Register, dpia_id: str) -> Dpia:
    """The DPIA with id ``dpia_id``; ``KeyError`` when there is none."""
    for d in register.dpias:
        if d.id == dpia_id:
            return d
    raise KeyError(dpia_id)
