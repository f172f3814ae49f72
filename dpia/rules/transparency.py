"""What the privacy statement and the letter to parents must be able to say (GDPR Art. 13 and 14).

The statement and the letter are generated from the register (``dpia.documents.letter``); where the register
lacks what Art. 13/14 requires them to say, that is a gap. Most such gaps already have a rule of
their own (a purpose without a legal basis: DPIA102; data without a retention period: DPIA701; a
transfer outside the EEA without a safeguard: DPIA501): this module adds what only the statement needs.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity


@rule(
    code="DPIA991",
    name="statement-without-dpo-contact",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 13 lid 1 onder b; art. 37 lid 7",
    theme="transparency",
    nl={
        "title": "Geen contactadres van de FG",
        "checks": "Het register noemt geen functionaris gegevensbescherming (FG), of geen adres waarop ouders "
        "en leerlingen de FG kunnen bereiken.",
        "why": "De privacyverklaring en de brief aan ouders moeten zeggen hoe men de FG bereikt, en een school "
        "(een overheidsinstantie) moet de contactgegevens van de FG publiceren. Zonder adres in het register "
        "kan de werkbank dat niet schrijven.",
        "fix": "Vul bij het bestuur `dpo` in, met een `role_address` (het adres van de functie, bijvoorbeeld "
        "fg@school.nl) of een `email` met `public: true`.",
        "message": "bestuur '{controller}' heeft geen contactadres van de FG in het register",
        "reader": "In de gegevens van de school staat niet hoe ouders en leerlingen de functionaris "
        "gegevensbescherming bereiken. De school vult dat aan.",
    },
    en={
        "title": "No contact address of the DPO",
        "checks": "The register names no data protection officer (DPO), or no address at which parents and "
        "pupils can reach the DPO.",
        "why": "The privacy statement and the letter to parents must say how to reach the DPO, and a school (a "
        "public authority) must publish the DPO's contact details. Without an address in the register the "
        "workbench cannot write it.",
        "fix": "Fill in the board's `dpo`, with a `role_address` (the address of the role, e.g. fg@school.nl) or "
        "an `email` with `public: true`.",
        "message": "board '{controller}' has no contact address of the DPO in the register",
        "reader": "The school's records do not say how parents and pupils can reach the data protection officer. "
        "The school is adding it.",
    },
)
def statement_without_dpo_contact(ctx: Context) -> Iterable[Hit]:
    dpo = ctx.register.controller.dpo
    if dpo is None or not (getattr(dpo, "role_address", None) or dpo.email):
        yield Hit((ctx.register.controller.id,), {"controller": ctx.register.controller.id})
