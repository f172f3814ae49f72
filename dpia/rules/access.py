"""Access roles: need-to-know, no shared accounts, a reason per role.

The privacy letter says it plainly: not everyone sees everything; a mentor may read conversation
reports, an arbitrary subject teacher may not. In 2018 the Dutch DPA found a pupil monitoring system
in which all staff could see all pupils' data, and required role-based access and logging.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity
from dpia.rules.special import blank

# Types for which an access role must be able to say why it needs them.
PROTECTED_TYPES = ("sensitive", "special", "criminal", "national_id")
# Types for which a system must have role-based access at all.
HIGH_RISK_TYPES = ("special", "criminal", "national_id")


def roles(ctx: Context) -> pd.DataFrame:
    """role, system, reason, shared_account, care_team, has_needs: one row per access role (also roles without data)."""
    return pd.DataFrame.from_records(
        [(a.id, a.system, a.reason, a.shared_account, a.care_team, a.needs is not None) for a in ctx.register.access_roles],
        columns=["role", "system", "reason", "shared_account", "care_team", "has_needs"],
    )


def access_with_types(ctx: Context) -> pd.DataFrame:
    t = ctx.tables
    return t.access.merge(t.categories[["category", "type"]], on="category")


@rule(
    code="DPIA601",
    name="access-beyond-need",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub c; art. 25 lid 2; art. 32",
    theme="access",
)
def access_beyond_need(ctx: Context) -> Iterable[Hit]:
    a = access_with_types(ctx)
    beyond = a[(a["needed"] == False)]  # noqa: E712 - None means 'no needs declared', not False
    # DPIA303 already reports special-category data outside the care team.
    beyond = beyond[~((beyond["type"] == "special") & ~beyond["care_team"].astype(bool))]
    if beyond.empty:
        return []
    out = beyond.groupby(["role", "system"])["category"].agg(id_list).rename("categories").reset_index().sort_values("role")
    return hits_from(out, ["role"], {"access_role": "role", "system": "system", "categories": "categories"})


@rule(
    code="DPIA602",
    name="access-needs-not-declared",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 25 lid 2; art. 5 lid 2",
    theme="access",
)
def access_needs_not_declared(ctx: Context) -> Iterable[Hit]:
    a = access_with_types(ctx)
    undeclared = a[a["needed"].isna() & a["type"].isin(PROTECTED_TYPES)]
    if undeclared.empty:
        return []
    out = undeclared.groupby(["role", "system"])["category"].agg(id_list).rename("categories").reset_index().sort_values("role")
    return hits_from(out, ["role"], {"access_role": "role", "system": "system", "categories": "categories"})


@rule(
    code="DPIA603",
    name="shared-account",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 32; art. 5 lid 1 sub f",
    theme="access",
)
def shared_account(ctx: Context) -> Iterable[Hit]:
    r = roles(ctx)
    bad = r[r["shared_account"].astype(bool)].sort_values("role")
    return hits_from(bad, ["role"], {"access_role": "role", "system": "system"})


@rule(
    code="DPIA604",
    name="access-role-without-reason",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 5 lid 2",
    theme="access",
)
def access_role_without_reason(ctx: Context) -> Iterable[Hit]:
    r = roles(ctx)
    bad = r[blank(r["reason"])].sort_values("role")
    return hits_from(bad, ["role"], {"access_role": "role", "system": "system"})


@rule(
    code="DPIA605",
    name="high-risk-data-without-access-roles",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 32; art. 25 lid 2",
    theme="access",
)
def high_risk_data_without_access_roles(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    cats = t.categories[t.categories["type"].isin(HIGH_RISK_TYPES)][["category"]]
    carrying = t.flow_categories[t.flow_categories["category"].isin(cats["category"])]  # filter before joining
    into = t.flows[t.flows["dst_kind"] == "system"][["flow", "dst"]].merge(carrying, on="flow").merge(cats, on="category")
    into = into[~into["dst"].isin(roles(ctx)["system"])]
    if into.empty:
        return []
    out = into.groupby("dst")["category"].agg(id_list).rename("categories").reset_index().rename(columns={"dst": "system"})
    return hits_from(out.sort_values("system"), ["system"], {"system": "system", "categories": "categories"})
