"""Broken promises: what the school tells parents and pupils must be true (GDPR Art. 5(1)(a), 12(1)).

One rule per kind of promise (``dpia.analysis.promises`` documents the vocabulary); each cites the article the
promise is about and the transparency duty that makes an untrue promise a blocker. A manual promise
that was not checked in the last year is a reminder, not a blocker: the register cannot tell.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.model import PromiseKind
from dpia.analysis.promises import check_promise
from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity

TRANSPARENCY = "AVG art. 5 lid 1 onder a; art. 12 lid 1"


def _hits(ctx: Context, kind: PromiseKind) -> Iterable[Hit]:
    for promise in sorted((p for p in ctx.register.promises if p.kind is kind), key=lambda p: p.id):
        broken = check_promise(ctx.register, promise, ctx.on, ctx.tables)
        if broken is not None:
            yield Hit((promise.id,), {"promise": promise.id, "text": promise.text,
                                      **broken.params})


def _declare(kind: PromiseKind, code: str, name: str, article: str,
             severity: Severity = Severity.BLOCKER, advisory: bool = False) -> None:
    def find(ctx: Context) -> Iterable[Hit]:
        return _hits(ctx, kind)

    find.__name__ = f"promise_{kind.value}"
    rule(code=code, name=name, severity=severity, kind=Kind.VIOLATION, article=f"{article}; {TRANSPARENCY}",
         theme="promises", advisory=advisory)(find)


_declare(
    PromiseKind.NO_FLOW_WITHOUT_CONSENT, "DPIA981", "promise-no-flow-without-consent", "AVG art. 6 lid 1 onder a; art. 7",
)

_declare(
    PromiseKind.UNDER_AGREEMENT, "DPIA982", "promise-under-agreement", "AVG art. 28 lid 3",
)

_declare(
    PromiseKind.ONLY_ROLES_READ, "DPIA983", "promise-only-roles-read", "AVG art. 5 lid 1 onder f; art. 32",
)

_declare(
    PromiseKind.NO_PUBLICATION_WITHOUT_CONSENT, "DPIA984", "promise-no-publication-without-consent",
    "AVG art. 6 lid 1 onder a; art. 8; UAVG art. 5",
)

_declare(
    PromiseKind.POLICY_ADOPTED_AFTER_MR, "DPIA985", "promise-policy-adopted-after-mr", "WMS art. 10 en 14 (verify)",
)

_declare(
    PromiseKind.DELETED_AFTER_LEAVING, "DPIA986", "promise-deleted-after-leaving", "AVG art. 5 lid 1 onder e",
)

_declare(
    PromiseKind.ONLY_NEEDED_DATA, "DPIA987", "promise-only-needed-data", "AVG art. 5 lid 1 onder c",
)

_declare(
    PromiseKind.MANUAL, "DPIA988", "promise-not-checked-this-year", "AVG art. 5 lid 2",
    severity=Severity.WARNING, advisory=True,
)
