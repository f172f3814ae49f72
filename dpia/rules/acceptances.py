"""Accepted findings: an acceptance that lapsed, or that matches nothing.

An acceptance records that the board knowingly lives with a finding for a while (Art. 5(2),
accountability). It must stay tied to a real finding and to a date, or it turns into a blanket excuse.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity


@rule(
    code="DPIA901",
    name="acceptance-matches-nothing",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 2",
    theme="acceptances",
    after_findings=True,
)
def acceptance_matches_nothing(ctx: Context, findings: list) -> Iterable[Hit]:
    ids = {f.id for f in findings}
    for acc in ctx.register.acceptances:
        if acc.finding not in ids:
            yield Hit((acc.id,), {"acceptance": acc.id, "finding": acc.finding})


@rule(
    code="DPIA902",
    name="acceptance-expired",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 5 lid 2; art. 35 lid 11",
    theme="acceptances",
    after_findings=True,
)
def acceptance_expired(ctx: Context, findings: list) -> Iterable[Hit]:
    ids = {f.id for f in findings}
    for acc in ctx.register.acceptances:
        if acc.finding in ids and acc.until < ctx.on:
            yield Hit((acc.id,), {"acceptance": acc.id, "finding": acc.finding, "until": acc.until.isoformat()})
