"""Processing activities (verwerkingen) of the register, and the screening of every one of them.

"For which of our processing activities is a DPIA required?" is the first question a privacy officer
asks, before any DPIA exists. This module answers it from the register alone.

The unit
--------
Dutch schools scope a DPIA per system or product (the DPIA on Magister, on Microsoft 365, on a learning
platform; the sector's central DPIAs are per product too), so the unit here is:

* **a system** with every flow into or out of it (``System``), its purposes and its receivers: the
  same scope as a DPIA that lists the system (``dpia.analysis.scope.scope_of``);
* for flows that touch no system (a list e-mailed to the bus company, DUO passing an absence report to
  the municipality), **a disclosure**: every such flow to one receiving party (the party, or the holder
  of the node it goes to) for one purpose. A flow with two purposes belongs to both; a flow without a
  purpose forms the party's processing without a purpose.

A flow that a processor passes on for a system (the supplier's hosting or back-up sub-processor) belongs
to that system's processing, however many hops down the chain. A flow from one system to another
belongs to both systems' processing activities. Processing ids are
the system id, or ``party/purpose`` (``party`` alone without a purpose): stable, and the subjects of
the findings DPIA965-DPIA967.

The screening
-------------
Per processing, :func:`screen_processings` derives what the register shows (``dpia.analysis.screening``'s
criteria: Art. 35(3)(b), the AP's list items the register can show, the WP248 criteria) and gives one
of four verdicts:

* ``required``: an Art. 35(3) case or an item of the AP's list applies (a DPIA is mandatory);
* ``likely``: two or more WP248 criteria apply (WP248: "in most cases" a DPIA is required);
* ``to_be_judged``: one WP248 criterion applies (a DPIA is recommended; document why not), or a fact
  the register should hold is missing (no subject counts, no subjects);
* ``not_indicated``: the register shows nothing that calls for a DPIA.

The criteria only the officer can judge (evaluation or scoring, automated decisions, ...) are listed
per processing as such. A DPIA *covers* a processing when every flow of it is in some DPIA's scope;
a recorded :class:`~dpia.model.ScreeningDecision` ("no DPIA needed, because ...") settles it too.

Speed: the flows are assigned to processing activities with numpy on the check's tables
(``dpia.analysis.tables``), and the facts are read per *flow profile* (flows with the same categories,
purposes and subjects), so a register of a million flows from a few hundred product templates is
screened in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np

from dpia.i18n import t
from dpia.model import Criterion, DataNature, DataType, PartyRole, Register, SpecialSubtype, SubjectKind, SystemKind
from dpia.analysis.screening import (AP_LIST, ART35, CRITERIA, CRITERION_INFO, derive_from_facts, Derived, Facts, LARGE_SCALE_SUBJECTS, OFFICER, Reason, reason_for, WP248)
from dpia.analysis.tables import Tables
from dpia.i18n import format_date
from dpia.model.names import join_names

# Roles of a source whose data, received by a system, is another controller's dataset (WP248 criterion 6).
OTHER_CONTROLLER_ROLES = frozenset(
    {PartyRole.INDEPENDENT_CONTROLLER.value, PartyRole.JOINT_CONTROLLER.value, PartyRole.THIRD_PARTY.value}
)


class ProcessingVerdict(StrEnum):
    REQUIRED = "required"
    LIKELY = "likely"
    TO_BE_JUDGED = "to_be_judged"
    NOT_INDICATED = "not_indicated"


NEEDS_DPIA = (ProcessingVerdict.REQUIRED, ProcessingVerdict.LIKELY)


@dataclass(frozen=True)
class Processing:
    """One processing activity: a system with its flows, or the disclosures to a party for a purpose."""

    system: str | None
    party: str | None
    purpose: str | None
    categories: tuple[str, ...]
    subjects: tuple[str, ...]
    purposes: tuple[str, ...]
    receivers: tuple[str, ...]  # holders of the flows' destinations, other than the system itself
    other_controllers: tuple[str, ...]
    outside_eea: tuple[str, ...]
    flow_rows: np.ndarray = field(repr=False, compare=False)  # positions in ``Tables.flows``

    @property
    def key(self) -> tuple[str, ...]:
        if self.system is not None:
            return (self.system,)
        return (self.party,) if self.purpose is None else (self.party, self.purpose)

    @property
    def id(self) -> str:
        return "/".join(self.key)

    @property
    def flow_count(self) -> int:
        return len(self.flow_rows)


@dataclass(frozen=True)
class ProcessingScreening:
    """The screening of one processing activity, its coverage by DPIAs, and a recorded decision."""

    processing: Processing
    verdict: ProcessingVerdict
    criteria: tuple[tuple[Criterion, bool | None, Reason], ...]  # every criterion: derived value, reason
    notes: tuple[Reason, ...]
    dpias: tuple[str, ...]  # DPIAs whose scope holds a flow of it
    covered: int  # flows in some DPIA's scope
    uncovered: tuple[str, ...]  # up to UNCOVERED_SHOWN ids of flows outside every DPIA
    decision: Any | None  # the ScreeningDecision on record, if any

    @property
    def id(self) -> str:
        return self.processing.id

    @property
    def fully_covered(self) -> bool:
        return self.processing.flow_count > 0 and self.covered == self.processing.flow_count

    @property
    def gap(self) -> bool:
        """A DPIA is required or likely, no DPIA covers all of it and no decision settles it (Art. 35(1))."""
        return self.verdict in NEEDS_DPIA and not self.fully_covered and self.decision is None

    def applying(self, group: str | None = None) -> list[Criterion]:
        return [c for c, v, _ in self.criteria if v and (group is None or CRITERION_INFO[c].group == group)]

    def to_judge(self) -> list[Criterion]:
        """The Art. 35(3) and WP248 criteria the register cannot decide: the officer's to judge."""
        return [c for c, v, _ in self.criteria if v is None and CRITERION_INFO[c].group in (ART35, WP248)]

    def grounds(self, lang: str | None = None) -> str:
        """The criteria that apply, each with its reason from the register."""
        return "; ".join(f"{CRITERION_INFO[c].label(lang)} ({why.render(lang)})" for c, v, why in self.criteria if v)

    def label(self, register: Register, lang: str | None = None) -> str:
        return processing_label(register, self.processing, lang)

    def status(self, lang: str | None = None, register: Register | None = None) -> str:
        """How the processing is settled: covered by DPIAs, decided, partly covered, or open. With the
        ``register``, for people: DPIAs by their titles and the date written out."""
        if register is not None:
            dpias, on = join_names(register, self.dpias, lang), (format_date(self.decision.decided_on, lang) if self.decision else None)
        else:
            dpias, on = ", ".join(self.dpias), (self.decision.decided_on.isoformat() if self.decision else None)
        if self.decision is not None:
            return t("proc_status_decision", lang, on=on)
        if self.fully_covered:
            return t("proc_status_covered", lang, dpias=dpias)
        if self.dpias:
            return t("proc_status_partial", lang, dpias=dpias, covered=self.covered, count=self.processing.flow_count)
        return t("proc_status_none", lang)

    def as_dict(self, register: Register, lang: str | None = None) -> dict[str, Any]:
        p = self.processing
        d = self.decision
        return {
            "processing": self.id,
            "label": self.label(register, lang),
            "system": p.system,
            "party": p.party,
            "purpose": p.purpose,
            "flows": p.flow_count,
            "verdict": self.verdict.value,
            "verdict_label": t(f"procverdict_{self.verdict.value}", lang),
            "criteria": [
                {"criterion": c.value, "label": CRITERION_INFO[c].label(lang), "source": CRITERION_INFO[c].source,
                 "applies": v, "reason": why.render(lang)}
                for c, v, why in self.criteria if v is not None and (v or CRITERION_INFO[c].group != AP_LIST)
            ],
            "to_judge": [c.value for c in self.to_judge()],
            "notes": [n.render(lang) for n in self.notes],
            "dpias": list(self.dpias),
            "covered_flows": self.covered,
            "uncovered_flows": list(self.uncovered),
            "decision": None if d is None else {
                "id": d.id, "reason": d.reason, "by": d.decided_by, "on": d.decided_on.isoformat()
            },
            "status": self.status(lang),
            "gap": self.gap,
        }


UNCOVERED_SHOWN = 5


# --------------------------------------------------------------------------------------------------
# Finding the processing activities


def processing_label(register: Register, p: Processing, lang: str | None = None, index: dict | None = None) -> str:
    """A readable name: the system's name, or the party's name with the purpose's label."""
    index = register.index() if index is None else index
    if p.system is not None:
        s = index.get(p.system)
        return s.name if s is not None else p.system
    party = index.get(p.party)
    name = getattr(party, "name", None) or p.party
    if p.purpose is None:
        return name
    purpose = index.get(p.purpose)
    label = purpose.label.pick(lang) if purpose is not None else p.purpose
    return f"{name}: {label}"


def _lookup(tables: Tables, ids) -> np.ndarray:
    """The codes of ``ids`` in the register's id dtype (-1 for an unknown id)."""
    return np.asarray(tables.ids.categories.get_indexer(list(ids)), dtype=np.int64)


def _by_id_code(tables: Tables, column: str, default) -> np.ndarray:
    """A node attribute looked up by id code (the extra last slot serves code -1)."""
    nodes = tables.nodes
    n = len(tables.ids.categories)
    out = np.full(n + 1, default, dtype=object)
    out[nodes["node"].cat.codes.to_numpy()] = nodes[column].astype(object).to_numpy()
    return out


def processings(register: Register, tables: Tables | None = None) -> list[Processing]:
    """Every processing activity of the register, systems first (by id), then disclosures (by party and
    purpose). Systems without flows are included (with no flows): the register names them.

    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "po"},
    ...     "parties": [{"id": "bus", "name": "Bus", "role": "recipient"}],
    ...     "data_categories": [{"id": "name", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"}],
    ...     "flows": [{"id": "f", "from": "b", "to": "bus", "categories": ["name"]}]})
    >>> [p.id for p in processings(reg)]
    ['bus']
    """
    t = tables if tables is not None else Tables(register)
    ids = t.ids.categories
    n_ids = len(ids)
    flows = t.flows
    n = len(flows)
    src = flows["src"].cat.codes.to_numpy().astype(np.int64)
    dst = flows["dst"].cat.codes.to_numpy().astype(np.int64)
    flow_codes = flows["flow"].cat.codes.to_numpy().astype(np.int64)
    row_of_code = np.empty(len(flow_codes), dtype=np.int64)
    row_of_code[flow_codes] = np.arange(n)
    system_ids = sorted(s.id for s in register.systems)
    is_system = np.zeros(n_ids + 1, dtype=bool)
    is_system[_lookup(t, system_ids)] = True

    # Flow profiles: flows with the same categories, purposes and subjects share one (dpia.analysis.tables).
    profile = t._profile_codes[flow_codes] if n else np.zeros(0, dtype=np.int64)
    items = _profile_items(t, profile, row_of_code)

    holder = flows["dst_holder"].cat.codes.to_numpy().astype(np.int64)
    src_holder = flows["src_holder"].cat.codes.to_numpy().astype(np.int64)
    role = _by_id_code(t, "role", None)
    in_eea = _by_id_code(t, "in_eea", True).astype(bool)
    out: list[Processing] = []

    # Systems: the flows that start or end at them, and the flows their processors pass on.
    into = is_system[dst] & (src != dst)  # a flow from a system to itself counts once
    rows = np.concatenate([np.flatnonzero(is_system[src]), np.flatnonzero(into)])
    owner = np.concatenate([src[is_system[src]], dst[into]])
    chain_rows, chain_owner = _chains(t, register, system_ids, src, dst, holder, src_holder, is_system, role)
    rows, owner = np.concatenate([rows, chain_rows]), np.concatenate([owner, chain_owner])
    chained = np.zeros(n, dtype=bool)
    chained[chain_rows] = True
    # One stable sort groups the rows by system: a radix sort when the id codes fit in 16 bits.
    order = np.argsort(owner.astype(np.uint16) if n_ids < 2**16 else owner, kind="stable")
    groups = _split(owner[order], rows[order])
    for sid, code in zip(system_ids, _lookup(t, system_ids)):
        r = groups.get(int(code), np.zeros(0, dtype=np.int64))
        incoming = r[dst[r] == code]
        others = tuple(sorted(ids[h] for h in np.unique(src_holder[incoming]).tolist()
                              if h >= 0 and role[h] in OTHER_CONTROLLER_ROLES))
        out.append(_processing(t, items, profile, r, system=sid, party=None, purpose=None,
                               receivers=_names(ids, holder[r[src[r] == code]]), other_controllers=others,
                               outside_eea=_names(ids, holder[r[~in_eea[dst[r]]]])))

    # Disclosures: flows touching no system, per receiving party and purpose.
    loose = np.flatnonzero(~is_system[src] & ~is_system[dst] & ~chained)
    if len(loose):
        fp = t.flow_purposes
        fp_rows = row_of_code[fp["flow"].cat.codes.to_numpy()] if len(fp) else np.zeros(0, dtype=np.int64)
        fp_purpose = fp["purpose"].cat.codes.to_numpy().astype(np.int64) if len(fp) else np.zeros(0, dtype=np.int64)
        is_loose = np.zeros(n, dtype=bool)
        is_loose[loose] = True
        keep = is_loose[fp_rows]
        with_purpose = np.zeros(n, dtype=bool)
        with_purpose[fp_rows[keep]] = True
        key_rows = np.concatenate([fp_rows[keep], loose[~with_purpose[loose]]])
        key_purpose = np.concatenate([fp_purpose[keep], np.full(int((~with_purpose[loose]).sum()), n_ids, dtype=np.int64)])
        key_party = holder[key_rows]
        keys = np.unique(np.stack([key_party, key_purpose]), axis=1) if len(key_rows) else np.zeros((2, 0), dtype=np.int64)
        for party_code, purpose_code in sorted(keys.T.tolist(), key=lambda k: (ids[k[0]], k[1] != n_ids, ids[k[1]] if k[1] < n_ids else "")):
            r = np.unique(key_rows[(key_party == party_code) & (key_purpose == purpose_code)])
            party = ids[party_code]
            purpose = ids[purpose_code] if purpose_code < n_ids else None
            out.append(_processing(t, items, profile, r, system=None, party=party, purpose=purpose,
                                   receivers=(party,), other_controllers=(),
                                   outside_eea=_names(ids, holder[r[~in_eea[dst[r]]]])))
    return out


PROCESSOR_ROLES = frozenset({PartyRole.PROCESSOR.value, PartyRole.SUB_PROCESSOR.value})


def _chains(t: Tables, register: Register, system_ids, src, dst, holder, src_holder, is_system, role):
    """The flows outside a system that a processor passes on for a system (to its hosting or back-up
    sub-processor), with the system each belongs to: (rows, system codes).

    A processor holds a system's data when it operates the system or receives a flow from it; a flow
    from such a processor (or sub-processor) to another party continues that system's processing, and
    the receiver holds the data in turn. A flow from an independent controller (DUO passing a report to
    the municipality) is that controller's own disclosure and stays one.
    """
    codes = _lookup(t, system_ids)
    nodes = t.nodes
    holder_of = np.full(len(t.ids.categories) + 1, -1, dtype=np.int64)
    holder_of[nodes["node"].cat.codes.to_numpy()] = nodes["holder"].cat.codes.to_numpy()
    reach: dict[int, set[int]] = {}
    for code in codes.tolist():  # the operator of a system holds its data
        if code >= 0 and holder_of[code] >= 0:
            reach.setdefault(int(holder_of[code]), set()).add(code)
    out_rows = np.flatnonzero(is_system[src] & ~is_system[dst])
    for s_code, h in set(zip(src[out_rows].tolist(), holder[out_rows].tolist())):
        if h >= 0:
            reach.setdefault(h, set()).add(s_code)
    loose = np.flatnonzero(~is_system[src] & ~is_system[dst])
    by_processor = np.array([role[h] in PROCESSOR_ROLES for h in src_holder[loose].tolist()], dtype=bool)
    loose = loose[by_processor] if len(loose) else loose
    pairs = sorted(set(zip(src_holder[loose].tolist(), holder[loose].tolist())))
    changed = True
    while changed:  # chains are a few hops long
        changed = False
        for a, b in pairs:
            if a in reach and b >= 0 and not reach[a] <= reach.get(b, set()):
                reach.setdefault(b, set()).update(reach[a])
                changed = True
    rows_out, owners_out = [], []
    for h, systems in reach.items():
        r = loose[src_holder[loose] == h]
        for code in sorted(systems):
            rows_out.append(r)
            owners_out.append(np.full(len(r), code, dtype=np.int64))
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows_out), np.concatenate(owners_out)


def _split(keys: np.ndarray, values: np.ndarray) -> dict[int, np.ndarray]:
    """``values`` grouped by ``keys`` (both sorted by key already)."""
    if not len(keys):
        return {}
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return {int(keys[s]): values[s:e] for s, e in zip(starts, ends)}


def _names(ids, codes: np.ndarray) -> tuple[str, ...]:
    return tuple(sorted({ids[c] for c in np.unique(codes).tolist() if c >= 0}))


def _profile_items(t: Tables, profile: np.ndarray, row_of_code: np.ndarray) -> dict[str, dict[int, tuple[str, ...]]]:
    """Per list (categories, subjects, purposes): the items of each flow profile, read from one
    representative flow per profile."""
    n = len(profile)
    out: dict[str, dict[int, tuple[str, ...]]] = {}
    if not n:
        return {"category": {}, "subject": {}, "purpose": {}}
    # Profiles are dense group numbers: the first flow of each, without sorting.
    count = int(profile.max()) + 1
    first = np.full(count, -1, dtype=np.int64)
    first[profile[::-1]] = np.arange(n - 1, -1, -1)
    profiles = np.flatnonzero(first >= 0)
    flow_codes = np.empty(n, dtype=np.int64)
    flow_codes[row_of_code] = np.arange(len(row_of_code))  # row -> flow code
    is_rep = np.zeros(len(row_of_code), dtype=bool)  # by flow code, as the item tables hold it
    is_rep[flow_codes[first[profiles]]] = True
    ids = t.ids.categories
    for table, column in ((t.flow_categories, "category"), (t.flow_subjects, "subject"), (t.flow_purposes, "purpose")):
        grouped: dict[int, set[str]] = {}
        if len(table):
            codes = table["flow"].cat.codes.to_numpy()
            sel = np.flatnonzero(is_rep[codes])
            item_codes = table[column].cat.codes.to_numpy()[sel]
            for p, c in zip(profile[row_of_code[codes[sel]]].tolist(), item_codes.tolist()):
                if c >= 0:
                    grouped.setdefault(p, set()).add(ids[c])
        out[column] = {int(p): tuple(sorted(grouped.get(int(p), ()))) for p in profiles}
    return out


def _processing(t: Tables, items, profile, rows, *, system, party, purpose, receivers, other_controllers,
                outside_eea) -> Processing:
    cats: set[str] = set()
    subs: set[str] = set()
    purps: set[str] = set()
    for p in np.unique(profile[rows]).tolist() if len(rows) else []:
        cats.update(items["category"][p])
        subs.update(items["subject"][p])
        purps.update(items["purpose"][p])
    return Processing(system, party, purpose, tuple(sorted(cats)), tuple(sorted(subs)), tuple(sorted(purps)),
                      tuple(r for r in receivers if r != system), other_controllers, outside_eea, rows)


# --------------------------------------------------------------------------------------------------
# Screening


def _facts(register: Register, p: Processing, large_scale: int, index: dict[str, Any]) -> Facts:
    cats = index["categories"]
    wanted = set(p.subjects)
    subjects = [s for s in register.subjects if s.id in wanted]
    mine = [cats[c] for c in p.categories if c in cats]

    def of(pred) -> tuple[str, ...]:
        return tuple(sorted(c.id for c in mine if pred(c)))

    counts = [s.count for s in subjects if s.count is not None]
    count = sum(counts) if counts else None
    system = index["systems"].get(p.system)
    las = (system.id,) if system is not None and system.kind is SystemKind.PUPIL_ADMINISTRATION else ()
    large = True if las or (count is not None and count >= large_scale) else (False if count is not None else None)
    traits = {tr.value for tr in system.traits} if system is not None else set()

    def marked(trait: str) -> tuple[str, ...]:
        return (system.id,) if trait in traits else ()

    return Facts(
        has_flows=p.flow_count > 0,
        special=of(lambda c: c.type in (DataType.SPECIAL, DataType.CRIMINAL)),
        sensitive=of(lambda c: c.type in (DataType.SPECIAL, DataType.CRIMINAL, DataType.SENSITIVE)),
        health=of(lambda c: c.special_subtype is SpecialSubtype.HEALTH),
        genetic=of(lambda c: c.special_subtype is SpecialSubtype.GENETIC),
        biometric=of(lambda c: c.special_subtype is SpecialSubtype.BIOMETRIC),
        subjects=tuple(sorted(s.id for s in subjects)),
        vulnerable=tuple(sorted(s.id for s in subjects if s.kind in (SubjectKind.PUPIL, SubjectKind.STAFF))),
        children=tuple(sorted(s.id for s in subjects if s.kind is SubjectKind.PUPIL and s.age_band is not None
                              and s.age_band.value != "18_plus")),
        count=count,
        pupil_administration=las,
        large_scale=large,
        threshold=large_scale,
        communication=of(lambda c: c.nature is DataNature.COMMUNICATION),
        location=of(lambda c: c.nature is DataNature.LOCATION),
        monitoring_systems=marked("pupil_monitoring"),
        camera_systems=marked("camera_surveillance"),
        innovative_systems=marked("innovative_technology"),
        other_controllers=p.other_controllers,
        outside_eea=p.outside_eea,
    )


def processing_verdict(derived: dict[Criterion, Derived]) -> ProcessingVerdict:
    """The verdict from the derived criteria (see the module's docstring)."""
    def applies(group: str) -> list[Criterion]:
        return [c.criterion for c in CRITERIA if c.group == group and derived[c.criterion][0]]

    if applies(ART35) or applies(AP_LIST):
        return ProcessingVerdict.REQUIRED
    wp = applies(WP248)
    if len(wp) >= 2:
        return ProcessingVerdict.LIKELY
    missing_fact = any(v is None and why != OFFICER for v, why in derived.values())
    if len(wp) == 1 or missing_fact:
        return ProcessingVerdict.TO_BE_JUDGED
    return ProcessingVerdict.NOT_INDICATED


def _coverage(register: Register, t: Tables) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Per DPIA the flows (by row of ``Tables.flows``) in its scope, and their union."""
    flows = t.flows
    n = len(flows)
    src = flows["src"].cat.codes.to_numpy()
    dst = flows["dst"].cat.codes.to_numpy()
    flow_codes = flows["flow"].cat.codes.to_numpy()
    row_of_code = np.empty(len(flow_codes), dtype=np.int64)
    row_of_code[flow_codes] = np.arange(n)
    n_ids = len(t.ids.categories)
    union = np.zeros(n, dtype=bool)
    per: dict[str, np.ndarray] = {}
    for d in sorted(register.dpias, key=lambda d: d.id):
        mark = np.zeros(n_ids + 1, dtype=bool)
        codes = _lookup(t, d.systems)
        mark[codes[codes >= 0]] = True
        covered = mark[src] | mark[dst]
        covered[row_of_code[t.flow_codes(d.flows)]] = True
        per[d.id] = covered
        union |= covered
    return union, per


def _decisions(register: Register) -> dict[tuple[str, ...], Any]:
    out = {}
    for d in sorted(register.screening_decisions, key=lambda d: d.id):
        key = (d.system,) if d.system is not None else ((d.party,) if d.purpose is None else (d.party, d.purpose))
        out.setdefault(key, d)
    return out


def screen_processings(register: Register, tables: Tables | None = None,
                       large_scale: int = LARGE_SCALE_SUBJECTS) -> list[ProcessingScreening]:
    """The screening of every processing activity of the register (see the module's docstring), in the
    order of :func:`processings`.

    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "po"},
    ...     "parties": [{"id": "bus", "name": "Bus", "role": "recipient"}],
    ...     "data_categories": [{"id": "name", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"}],
    ...     "subjects": [{"id": "p", "label": {"nl": "L", "en": "P"}, "kind": "parent", "count": 40}],
    ...     "flows": [{"id": "f", "from": "b", "to": "bus", "categories": ["name"], "subjects": ["p"]}]})
    >>> [(s.id, s.verdict.value) for s in screen_processings(reg)]
    [('bus', 'not_indicated')]
    """
    t = tables if tables is not None else Tables(register)
    found = processings(register, t)
    union, per = _coverage(register, t)
    decisions = _decisions(register)
    index = {"categories": {c.id: c for c in register.data_categories}, "systems": {s.id: s for s in register.systems}}
    listed: dict[str, list[str]] = {}
    for d in sorted(register.dpias, key=lambda d: d.id):
        for sid in d.systems:
            listed.setdefault(sid, []).append(d.id)
    flow_names = t.flows["flow"].cat.categories
    flow_of_row = t.flows["flow"].cat.codes.to_numpy()
    out = []
    for p in found:
        derived = derive_from_facts(_facts(register, p, large_scale, index))
        if not p.flow_count:
            derived = {c: (None, reason_for("proc_no_flows")) for c in derived}
        verdict = processing_verdict(derived)
        rows = p.flow_rows
        in_scope = union[rows] if len(rows) else np.zeros(0, dtype=bool)
        listing = listed.get(p.system, ())
        if listing:  # a DPIA that lists the system covers it whole, its processors' chains included
            in_scope = np.ones(len(rows), dtype=bool)
        missing = rows[~in_scope][:UNCOVERED_SHOWN]
        notes = ()
        if p.outside_eea:
            notes = (reason_for("screen_note_outside_eea", parties=", ".join(p.outside_eea)),)
        out.append(ProcessingScreening(
            processing=p,
            verdict=verdict,
            criteria=tuple((c.criterion, *derived[c.criterion]) for c in CRITERIA),
            notes=notes,
            dpias=tuple(sorted(set(listing) | {d for d, covered in per.items() if len(rows) and covered[rows].any()})),
            covered=int(in_scope.sum()),
            uncovered=tuple(sorted(str(flow_names[flow_of_row[r]]) for r in missing.tolist())),
            decision=decisions.get(p.key),
        ))
    return out


def unmatched_decisions(register: Register, screenings: list[ProcessingScreening]) -> list[Any]:
    """Screening decisions that name no processing activity of the register (a stale record)."""
    keys = {s.processing.key for s in screenings}
    return [d for k, d in sorted(_decisions(register).items()) if k not in keys]


# --------------------------------------------------------------------------------------------------
# Faces: a table (notebook), text and JSON (CLI), HTML (report)


def screening_table(register: Register, screenings: list[ProcessingScreening] | None = None,
                    lang: str | None = None):
    """One row per processing activity: its name, flows, verdict, grounds, what the officer must still
    judge, and how it is settled (DPIA, decision or open). A pandas DataFrame."""
    import pandas as pd

    screenings = screen_processings(register) if screenings is None else screenings
    rows = []
    for s in screenings:
        rows.append({
            t("proc_col_processing", lang): s.id,
            t("proc_col_name", lang): s.label(register, lang),
            t("proc_col_flows", lang): s.processing.flow_count,
            t("proc_col_verdict", lang): t(f"procverdict_{s.verdict.value}", lang),
            t("proc_col_grounds", lang): "; ".join(CRITERION_INFO[c].label(lang) for c in s.applying()) or "—",
            t("proc_col_to_judge", lang): ", ".join(CRITERION_INFO[c].label(lang) for c in s.to_judge()) or "—",
            t("proc_col_status", lang): s.status(lang, register),
        })
    return pd.DataFrame(rows, columns=[t(k, lang) for k in (
        "proc_col_processing", "proc_col_name", "proc_col_flows", "proc_col_verdict", "proc_col_grounds",
        "proc_col_to_judge", "proc_col_status")])


def screening_text(register: Register, screenings: list[ProcessingScreening] | None = None,
                   lang: str | None = None) -> str:
    """Every processing with its verdict, grounds, open criteria and status, as plain text (the CLI)."""
    screenings = screen_processings(register) if screenings is None else screenings
    lines = [t("proc_header", lang, count=len(screenings))]
    for s in screenings:
        lines.append(t("proc_line", lang, processing=s.id, name=s.label(register, lang), count=s.processing.flow_count,
                       verdict=t(f"procverdict_{s.verdict.value}", lang)))
        if s.grounds(lang):
            lines.append("    " + t("proc_grounds", lang, grounds=s.grounds(lang)))
        judge = s.to_judge()
        if judge:
            lines.append("    " + t("proc_to_judge", lang, criteria="; ".join(CRITERION_INFO[c].label(lang) for c in judge)))
        for note in s.notes:
            lines.append("    " + note.render(lang))
        lines.append("    " + t("proc_status_line", lang, status=s.status(lang)))
        if s.decision is not None:
            lines.append("    " + t("proc_decision_line", lang, reason=s.decision.reason, by=s.decision.decided_by,
                                       on=s.decision.decided_on.isoformat()))
    return "\n".join(lines) + "\n"


def screening_decisions_html(register: Register, lang: str | None = None) -> str:
    """The report's part on the screening of every processing: a table of the processing activities
    with their verdict and how each is settled, and the recorded "no DPIA needed" decisions with their
    date and reason. Names of people are left out, as elsewhere in the report."""
    import html

    def e(x: object) -> str:
        return html.escape(str(x), quote=True)

    screenings = screen_processings(register)
    head = "".join(f"<th>{e(t(k, lang))}</th>" for k in ("proc_col_name", "proc_col_verdict", "proc_col_status"))
    body = "".join(
        f"<tr><td>{e(s.label(register, lang))}</td><td>{e(t(f'procverdict_{s.verdict.value}', lang))}</td>"
        f"<td>{e(s.status(lang, register))}</td></tr>" for s in screenings
    )
    parts = [f"<h3>{e(t('report_h_processings', lang))}</h3>", f"<p>{e(t('report_processings_intro', lang))}</p>",
             f"<table><tr>{head}</tr>{body}</table>"]
    decided = [s for s in screenings if s.decision is not None]
    if decided:
        parts.append(f"<h4>{e(t('report_h_decisions', lang))}</h4><ul>")
        parts += [f"<li><b>{e(s.label(register, lang))}</b> ({e(format_date(s.decision.decided_on, lang))}): "
                  f"{e(s.decision.reason)}</li>" for s in decided]
        parts.append("</ul>")
    return "\n".join(parts)


__all__ = [
    "NEEDS_DPIA", "Processing", "ProcessingScreening", "ProcessingVerdict", "processing_label", "processing_verdict",
    "processings", "screen_processings", "screening_decisions_html", "screening_table", "screening_text",
    "unmatched_decisions",
]
