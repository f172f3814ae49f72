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
)
def statement_without_dpo_contact(ctx: Context) -> Iterable[Hit]:
    dpo = ctx.register.controller.dpo
    if dpo is None or not (getattr(dpo, "role_address", None) or dpo.email):
        yield Hit((ctx.register.controller.id,), {"controller": ctx.register.controller.id})
