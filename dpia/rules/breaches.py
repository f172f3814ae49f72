"""Data breaches: the 72-hour deadline, the decisions on record, and whether the register agrees with
the report of the breach (GDPR Art. 33 and 34; the breach register of Art. 33(5)).

A check "on" a past date looks at the end of that day, Dutch time; on today, at this moment
(``dpia.analysis.breach.moment_of``).
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.analysis.breach import assess_breach, deadline, DUTCH_TIME, impact, moment_of
from dpia.model import AgreementKind, PartyRole
from dpia.rules.base import Context, Hit, id_list, rule
from dpia.model.findings import Kind, Severity


def _impacts(ctx: Context) -> dict:
    def compute() -> dict:
        out = {}
        for b in ctx.register.breaches:
            try:
                out[b.id] = impact(ctx.register, b.at, ctx.tables)
            except Exception:  # noqa: BLE001 - an unknown place is the loader's to report
                continue
        return out

    return ctx.memo("breach_impacts", compute)


def _when(value) -> str:
    return value.astimezone(DUTCH_TIME).strftime("%Y-%m-%d %H:%M")


@rule(
    code="DPIA971",
    name="breach-undecided-after-72-hours",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 33 lid 1",
    theme="breaches",
)
def breach_undecided(ctx: Context) -> Iterable[Hit]:
    now = moment_of(ctx.on)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.ap is None and now > deadline(b):
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "discovered": _when(b.discovered_at),
                                "deadline": _when(deadline(b))})


@rule(
    code="DPIA972",
    name="breach-notified-late-without-reason",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 33 lid 1",
    theme="breaches",
)
def breach_notified_late(ctx: Context) -> Iterable[Hit]:
    now = moment_of(ctx.on)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        ap = b.ap
        if ap is None or ap.decision.value != "notify" or (ap.reason or "").strip():
            continue
        when = ap.notified_at or now
        if when > deadline(b):
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "deadline": _when(deadline(b)),
                                "notified": _when(ap.notified_at) if ap.notified_at else "—"})


@rule(
    code="DPIA973",
    name="breach-high-risk-subjects-undecided",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 34 lid 1",
    theme="breaches",
    advisory=True,
)
def breach_high_risk_undecided(ctx: Context) -> Iterable[Hit]:
    impacts = _impacts(ctx)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.data_subjects is not None or b.id not in impacts:
            continue
        a = assess_breach(ctx.register, b, impacts[b.id])
        if a.inform_subjects:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "level": a.level,
                                "severity": a.severity})


@rule(
    code="DPIA974",
    name="breach-at-processor-without-notice-clause",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 onder f; art. 33 lid 2",
    theme="breaches",
)
def breach_without_notice_clause(ctx: Context) -> Iterable[Hit]:
    reg = ctx.register
    parties = {p.id: p for p in reg.parties}
    systems = {s.id: s for s in reg.systems}
    flows = {f.id: f for f in reg.flows}
    for b in sorted(reg.breaches, key=lambda b: b.id):
        holder = b.at
        if holder in systems:
            holder = systems[holder].operated_by
        elif holder in flows:
            holder = flows[holder].to
            holder = systems[holder].operated_by if holder in systems else holder
        party = parties.get(holder)
        if party is None or party.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR):
            continue
        contracted = party.processor_of if party.role is PartyRole.SUB_PROCESSOR and party.processor_of else party.id
        agreements = [a for a in reg.agreements if contracted in a.parties]
        if not agreements:
            continue  # no agreement at all: DPIA201 reports that
        if any(a.kind is AgreementKind.MODEL_4_0 or a.breach_notice_hours for a in agreements):
            continue
        yield Hit((b.id, party.id), {"breach": b.id, "title": b.title, "party": party.id, "party_name": party.name,
                                     "agreements": id_list(a.id for a in agreements)})


@rule(
    code="DPIA975",
    name="breach-closed-without-measures",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 33 lid 5",
    theme="breaches",
)
def breach_closed_without_measures(ctx: Context) -> Iterable[Hit]:
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.closed_at is not None and not b.measures_taken and not b.measures:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "closed": _when(b.closed_at)})


@rule(
    code="DPIA976",
    name="breach-data-never-reached-place",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 30 lid 1; art. 5 lid 2",
    theme="breaches",
)
def breach_data_not_at_place(ctx: Context) -> Iterable[Hit]:
    impacts = _impacts(ctx)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.id not in impacts:
            continue
        extra = sorted(set(b.categories) - set(impacts[b.id].categories))
        if extra:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "place": b.at, "categories": id_list(extra)})


@rule(
    code="DPIA977",
    name="breach-not-notified-without-reason",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 33 lid 5",
    theme="breaches",
)
def breach_not_notified_without_reason(ctx: Context) -> Iterable[Hit]:
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        for which, decision in (("ap", b.ap), ("data_subjects", b.data_subjects)):
            if decision is not None and decision.decision.value == "not_notify" and not (decision.reason or "").strip():
                yield Hit((b.id, which), {"breach": b.id, "title": b.title, "which": which})
