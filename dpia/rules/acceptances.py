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
    nl={
        "title": "Acceptatie zonder bevinding",
        "checks": "Een acceptatie in het register noemt een bevinding die de controle niet (meer) vindt.",
        "why": "Een acceptatie hoort bij één concrete bevinding. Een losse acceptatie verbergt later "
        "misschien een nieuwe bevinding met dezelfde id, en maakt het register onbetrouwbaar.",
        "fix": "Verwijder de acceptatie, of corrigeer de id van de bevinding (zoals `dpia check` hem toont).",
        "message": "acceptatie '{acceptance}' hoort bij bevinding '{finding}', maar die bevinding bestaat niet",
        "reader": "Het bestuur heeft een bevinding geaccepteerd die niet meer voorkomt: {finding}.",
    },
    en={
        "title": "Acceptance without a finding",
        "checks": "An acceptance in the register names a finding that the check does not (or no longer) find.",
        "why": "An acceptance belongs to one concrete finding. A stray acceptance may later hide a new "
        "finding with the same id, and makes the register untrustworthy.",
        "fix": "Remove the acceptance, or correct the finding id (as `dpia check` prints it).",
        "message": "acceptance '{acceptance}' is for finding '{finding}', which does not exist",
        "reader": "The board accepted a finding that no longer occurs: {finding}.",
    },
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
    nl={
        "title": "Acceptatie verlopen",
        "checks": "De einddatum van een acceptatie is verstreken; de bevinding staat weer open.",
        "why": "Een risico accepteren is een besluit voor een bepaalde tijd. Daarna moet opnieuw worden "
        "gekeken of het nog aanvaardbaar is (AVG art. 35 lid 11: herbeoordeling).",
        "fix": "Los de bevinding op, of neem een nieuw besluit en verleng de acceptatie met een nieuwe reden.",
        "message": "acceptatie '{acceptance}' van bevinding '{finding}' is verlopen op {until}; de bevinding staat weer open",
        "reader": "Het bestuur had de bevinding {finding} geaccepteerd tot {until}. Die termijn is voorbij, dus de "
        "bevinding staat weer open.",
    },
    en={
        "title": "Acceptance expired",
        "checks": "An acceptance's end date has passed; its finding is open again.",
        "why": "Accepting a risk is a decision for a limited time. After that it must be reconsidered "
        "(GDPR Art. 35(11): review).",
        "fix": "Resolve the finding, or take a new decision and extend the acceptance with a new reason.",
        "message": "acceptance '{acceptance}' of finding '{finding}' expired on {until}; the finding is open again",
        "reader": "The board had accepted the finding {finding} until {until}. That period is over, so the finding is"
        " open again.",
    },
)
def acceptance_expired(ctx: Context, findings: list) -> Iterable[Hit]:
    ids = {f.id for f in findings}
    for acc in ctx.register.acceptances:
        if acc.finding in ids and acc.until < ctx.on:
            yield Hit((acc.id,), {"acceptance": acc.id, "finding": acc.finding, "until": acc.until.isoformat()})
