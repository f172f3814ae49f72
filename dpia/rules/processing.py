"""Is a DPIA needed, and is there one? The screening of every processing activity (DPIA965-DPIA968).

The register's processing activities (``dpia.analysis.processing``: a system with its flows, or the disclosures
to a party for a purpose) are screened from the register alone. A processing for which a DPIA is
required (an Art. 35(3) case or an item of the AP's list) or likely (two or more WP248 criteria), that
no DPIA covers and for which the privacy officer has recorded no decision ("no DPIA needed, because
...", ``screening_decisions``), is a gap of Art. 35(1): DPIA965 (required, blocker) or DPIA966
(likely, warning). A DPIA whose scope holds only part of such a processing is reported as well
(DPIA967), and a decision that names no processing of the register is stale (DPIA968).
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.analysis.processing import ProcessingScreening, ProcessingVerdict, screen_processings, unmatched_decisions
from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity


def screenings(ctx: Context) -> list[ProcessingScreening]:
    """The screening of every processing activity, once per check."""
    return ctx.memo("processing_screenings", lambda: screen_processings(ctx.register, ctx.tables))


def _criteria(s: ProcessingScreening) -> str:
    return ", ".join(c.value for c in s.applying())


def _coverage(s: ProcessingScreening) -> str:
    if not s.dpias:
        return "—"
    return f"{', '.join(s.dpias)}: {s.covered}/{s.processing.flow_count}"


def _gaps(ctx: Context, verdict: ProcessingVerdict) -> Iterable[Hit]:
    for s in screenings(ctx):
        if s.gap and s.verdict is verdict:
            yield Hit(s.processing.key, {"processing": s.id, "criteria": _criteria(s), "dpias": _coverage(s),
                                         "count": s.processing.flow_count})


@rule(
    code="DPIA965",
    name="dpia-required-missing",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en 3; Besluit DPIA-lijst AP (Stcrt. 2019, 64418)",
    theme="signoff",
)
def dpia_required_missing(ctx: Context) -> Iterable[Hit]:
    return _gaps(ctx, ProcessingVerdict.REQUIRED)


@rule(
    code="DPIA966",
    name="dpia-likely-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1; EDPB WP248 rev.01",
    theme="signoff",
)
def dpia_likely_missing(ctx: Context) -> Iterable[Hit]:
    return _gaps(ctx, ProcessingVerdict.LIKELY)


@rule(
    code="DPIA967",
    name="dpia-scope-misses-part",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en lid 7 sub a",
    theme="signoff",
)
def dpia_scope_misses_part(ctx: Context) -> Iterable[Hit]:
    for s in screenings(ctx):
        if not s.gap or not s.dpias:
            continue
        for d in s.dpias:
            yield Hit((d, *s.processing.key), {
                "dpia": d, "processing": s.id, "covered": s.covered, "count": s.processing.flow_count,
                "verdict": s.verdict.value, "missing": ", ".join(s.uncovered),
            })


@rule(
    code="DPIA968",
    name="screening-decision-unmatched",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 2",
    theme="signoff",
)
def screening_decision_unmatched(ctx: Context) -> Iterable[Hit]:
    found = [s for s in screenings(ctx) if s.processing.flow_count]
    for d in unmatched_decisions(ctx.register, found):
        target = d.system if d.system is not None else "/".join(x for x in (d.party, d.purpose) if x)
        yield Hit((d.id,), {"decision": d.id, "target": target})
