"""DPIA rules: screening, risks, Art. 36 and the sign-off chain (DPIA950-DPIA969).

A DPIA's findings advise while it is a draft and block once it is to be approved. Severities are fixed
per rule, so the escalation is a rule of its own: most rules here are warnings, and DPIA964 turns every
open blocker or warning about a DPIA's scope (or about the DPIA itself) into one blocker when the DPIA
is to be approved or has been approved. A passed review date blocks whatever the status.

A DPIA whose recorded screening says it is not required is kept as a record; the content and sign-off
rules leave it alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from dpia.model import DecisionOutcome, Dpia, DpiaStatus
from dpia.analysis.risk import assess, findings_in_scope, prior_consultation
from dpia.analysis.scope import dpia_scope
from dpia.analysis.screening import screen, Verdict
from dpia.rules.base import Context, Hit, REGISTRY, rule
from dpia.model.findings import Kind, Severity
from dpia.rules.processing import dpia_scope_misses_part

REVIEW_YEARS = 3
APPROVING = (DecisionOutcome.APPROVE, DecisionOutcome.APPROVE_WITH_CONDITIONS)


def _dpias(ctx: Context) -> list[Dpia]:
    return sorted(ctx.register.dpias, key=lambda d: d.id)


def _not_required(ctx: Context, d: Dpia) -> bool:
    """A recorded screening says no DPIA is required: the entry is a record, not a DPIA to complete."""
    return d.screening is not None and d.screening.date is not None and screen(ctx.register, d).verdict is Verdict.NOT_REQUIRED


def _to_complete(ctx: Context) -> list[Dpia]:
    return [d for d in _dpias(ctx) if not _not_required(ctx, d)]


def _current_acceptances(ctx: Context) -> set[str]:
    return {a.finding for a in ctx.register.acceptances if a.until >= ctx.on}


def _open(ctx: Context, findings: Iterable[Any]) -> list[Any]:
    """Findings not covered by a current acceptance (acceptances are applied after the rules run)."""
    accepted = _current_acceptances(ctx)
    return [f for f in findings if f.id not in accepted and getattr(f, "accepted", None) is None]


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# ---- screening


@rule(
    code="DPIA950",
    name="screening-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1; art. 5 lid 2",
    theme="signoff",
)
def screening_missing(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.screening is None or d.screening.date is None:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA951",
    name="screening-criteria-unassessed",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en 3; EDPB WP248",
    theme="signoff",
)
def screening_criteria_unassessed(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.screening is None or d.screening.date is None:
            continue
        missing = [c.criterion.value for c in screen(ctx.register, d).unassessed]
        if missing:
            yield Hit((d.id,), {"dpia": d.id, "count": len(missing), "criteria": ", ".join(missing)})


# ---- content of the DPIA


@rule(
    code="DPIA952",
    name="necessity-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub b",
    theme="signoff",
)
def necessity_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not (d.necessity or "").strip() and screen(ctx.register, d).verdict is Verdict.REQUIRED:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA953",
    name="risks-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub c en d",
    theme="signoff",
)
def risks_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not d.risks and screen(ctx.register, d).verdict is Verdict.REQUIRED:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA954",
    name="risk-not-rated",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub c",
    theme="signoff",
)
def risk_not_rated(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        for r in sorted(d.risks, key=lambda r: r.id):
            missing = [name for name, a in (("likelihood", r.likelihood), ("impact", r.impact)) if a is None]
            if missing:
                yield Hit((d.id, r.id), {"dpia": d.id, "risk": r.id, "missing": " + ".join(missing)})


@rule(
    code="DPIA955",
    name="prior-consultation-required",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 36 lid 1",
    theme="signoff",
    after_findings=True,
)
def prior_consultation_required(ctx: Context, findings: list) -> Iterable[Hit]:
    open_findings = _open(ctx, findings)
    for d in _to_complete(ctx):
        rated = assess(ctx.register, d, open_findings)
        pc = prior_consultation(ctx.register, d, assessments=rated)
        if pc.referred:
            continue
        by_id = {a.risk: a for a in rated}
        for rid in pc.risks:
            a = by_id[rid]
            yield Hit((d.id, rid), {"dpia": d.id, "risk": rid, "likelihood": a.residual_likelihood.value,
                                    "impact": a.residual_impact.value})


# ---- the sign-off chain


def _step_rule(code: str, name: str, article: str):
    return rule(code=code, name=name, severity=Severity.WARNING, kind=Kind.GAP, article=article,
                theme="signoff")


@_step_rule(
    "DPIA956", "author-missing", "AVG art. 5 lid 2",
)
def author_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.signoff.author is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA957", "dpo-advice-missing", "AVG art. 35 lid 2",
)
def dpo_advice_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.signoff.fg_advice is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA958", "mr-views-missing", "AVG art. 35 lid 9",
)
def mr_views_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        mr = d.signoff.mr
        if mr is None or (mr.sought and not (mr.views or "").strip()) or (
            not mr.sought and not (mr.reason_not_sought or "").strip()
        ):
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA959", "board-decision-missing", "AVG art. 35 lid 1; art. 5 lid 2",
)
def board_decision_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.status is DpiaStatus.DECIDED and d.signoff.decision is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA960", "review-date-missing", "AVG art. 35 lid 11",
)
def review_date_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.status is DpiaStatus.DECIDED and d.signoff.review_by is None:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA961",
    name="signoff-for-another-version",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 35 lid 2; art. 5 lid 2",
    theme="signoff",
)
def signoff_for_another_version(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not d.version:
            continue
        s = d.signoff
        for step, version, date in (
            ("fg_advice", s.fg_advice.version if s.fg_advice else None, s.fg_advice.date if s.fg_advice else None),
            ("decision", s.decision.version if s.decision else None, s.decision.date if s.decision else None),
        ):
            if version and version != d.version:
                yield Hit((d.id, step), {"dpia": d.id, "version": d.version, "step": step, "date": date, "other": version})


@rule(
    code="DPIA962",
    name="review-date-passed",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 11",
    theme="signoff",
)
def review_date_passed(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.signoff.review_by is not None and d.signoff.review_by < ctx.on:
            yield Hit((d.id,), {"dpia": d.id, "review_by": d.signoff.review_by})


@rule(
    code="DPIA963",
    name="review-date-too-late",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 35 lid 11; Model DPIA Rijksdienst",
    theme="signoff",
)
def review_date_too_late(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        s = d.signoff
        if s.review_by is not None and s.decision is not None and s.review_by > _years_later(s.decision.date, REVIEW_YEARS):
            yield Hit((d.id,), {"dpia": d.id, "review_by": s.review_by, "decided": s.decision.date})


# ---- approval gate

# The rules above whose findings about a DPIA count against its approval, with whether they need the
# other findings.
_OWN_RULES: tuple[tuple[str, Callable[..., Iterable[Hit]], bool], ...] = (
    ("DPIA950", screening_missing, False),
    ("DPIA951", screening_criteria_unassessed, False),
    ("DPIA952", necessity_missing, False),
    ("DPIA953", risks_missing, False),
    ("DPIA954", risk_not_rated, False),
    ("DPIA955", prior_consultation_required, True),
    ("DPIA956", author_missing, False),
    ("DPIA957", dpo_advice_missing, False),
    ("DPIA958", mr_views_missing, False),
    ("DPIA959", board_decision_missing, False),
    ("DPIA960", review_date_missing, False),
    ("DPIA961", signoff_for_another_version, False),
    ("DPIA962", review_date_passed, False),
    ("DPIA963", review_date_too_late, False),
    ("DPIA967", dpia_scope_misses_part, False),
)


def own_finding_ids(ctx: Context, findings: list) -> dict[str, list[str]]:
    """Ids of this module's findings per DPIA (without DPIA964), as ``dpia check`` would print them."""
    out: dict[str, list[str]] = {}
    for code, func, needs in _OWN_RULES:
        if REGISTRY[code].severity is Severity.INFO:
            continue
        hits = func(ctx, findings) if needs else func(ctx)
        for hit in hits:
            out.setdefault(hit.subjects[0], []).append("/".join((code, *hit.subjects)))
    return out


def blocks_approval(d: Dpia) -> bool:
    """A DPIA to be approved, or approved: its findings now block instead of advise."""
    if d.status is DpiaStatus.TO_BE_APPROVED:
        return True
    return d.status is DpiaStatus.DECIDED and d.signoff.decision is not None and d.signoff.decision.outcome in APPROVING


@rule(
    code="DPIA964",
    name="approval-with-open-findings",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub d; art. 5 lid 2",
    theme="signoff",
    after_findings=True,
)
def approval_with_open_findings(ctx: Context, findings: list) -> Iterable[Hit]:
    gated = [d for d in _dpias(ctx) if blocks_approval(d)]
    if not gated:
        return
    open_findings = _open(ctx, findings)
    own = own_finding_ids(ctx, findings)
    accepted = _current_acceptances(ctx)
    for d in gated:
        ids = [f.id for f in findings_in_scope(open_findings, dpia_scope(ctx.register, d).ids)]
        ids += [i for i in own.get(d.id, []) if i not in accepted]
        ids = sorted(set(ids))
        if ids:
            shown = ", ".join(ids[:8]) + (f" (+{len(ids) - 8})" if len(ids) > 8 else "")
            yield Hit((d.id,), {"dpia": d.id, "count": len(ids), "findings": shown})
