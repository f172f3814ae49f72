"""Special categories (Art. 9), criminal data (Art. 10) and the BSN (UAVG art. 46).

A school processes care data about pupils with extra support (usually health data), and uses the BSN
as the persoonsgebonden nummer (PGN) to report to DUO. Both are allowed only on a narrow footing:
an Art. 9(2) exception for care data, and the law that prescribes the number for the BSN.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

STATUTORY_BASES = ("legal_obligation", "public_task")


def blank(series: pd.Series) -> pd.Series:
    """True where a free-text field is missing or only whitespace."""
    return series.isna() | (series.fillna("").astype(str).str.strip() == "")


def flows_carrying(ctx: Context, types: Iterable[str]) -> pd.DataFrame:
    """flow, category, type, plus the flow's columns: every (flow, category) pair whose category has one of ``types``."""
    t = ctx.tables
    cats = t.categories[t.categories["type"].isin(list(types))][["category", "type"]]
    carrying = t.flow_categories[t.flow_categories["category"].isin(cats["category"])]  # filter before joining
    return carrying.merge(cats, on="category").merge(t.flows, on="flow")


def per_flow(pairs: pd.DataFrame, extra: list[str]) -> pd.DataFrame:
    """Group (flow, category) rows into one row per flow with a sorted category list."""
    pairs = pairs.astype({"flow": object})  # plain ids: a categorical of a million flows is costly to regroup
    grouped = pairs.groupby("flow")["category"].agg(id_list).rename("categories").reset_index()
    return grouped.merge(pairs[["flow", *extra]].drop_duplicates("flow"), on="flow").sort_values("flow")


@rule(
    code="DPIA301",
    name="bsn-without-statutory-basis",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="UAVG art. 46",
    theme="special",
)
def bsn_without_statutory_basis(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    pairs = flows_carrying(ctx, ["national_id"])
    pairs = pairs[pairs["dst_holder"] != ctx.register.controller.id]
    if pairs.empty:
        return []
    p = t.purposes
    statutory = p[p["legal_basis"].isin(STATUTORY_BASES) & ~blank(p["legal_source"])][["purpose"]]
    flow_purposes = t.flow_purposes[t.flow_purposes["flow"].isin(pairs["flow"])]  # only the flows carrying it
    justified = flow_purposes.merge(statutory, on="purpose").merge(t.purpose_needs, on="purpose")[["flow", "category"]]
    pairs = pairs.merge(justified.drop_duplicates().assign(ok=True), on=["flow", "category"], how="left")
    bad = pairs[pairs["ok"].isna() | (pairs["dst_role"] == "public")]
    if bad.empty:
        return []
    out = per_flow(bad, ["dst", "dst_role"])
    fp = t.with_flows(t.flow_purposes, out["flow"]).astype({"flow": object})  # only the flows reported, plain ids
    purposes = fp.groupby("flow")["purpose"].agg(id_list).rename("purposes").reset_index()
    out = out.merge(purposes, on="flow", how="left")
    out["purposes"] = out["purposes"].astype(object).fillna("—")
    return hits_from(
        out, ["flow"], {"flow": "flow", "categories": "categories", "dst": "dst", "role": "dst_role", "purposes": "purposes"}
    )


@rule(
    code="DPIA302",
    name="special-category-without-exception",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 9 lid 2; UAVG art. 22–30",
    theme="special",
)
def special_category_without_exception(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    pairs = flows_carrying(ctx, ["special"])
    if pairs.empty:
        return []
    excepted = t.flow_purposes.merge(t.purposes[~blank(t.purposes["art9_exception"])][["purpose"]], on="purpose")["flow"]
    bad = pairs[~pairs["flow"].isin(excepted)]
    if bad.empty:
        return []
    out = per_flow(bad, ["dst"])
    fp = t.with_flows(t.flow_purposes, out["flow"]).astype({"flow": object})  # only the flows reported, plain ids
    purposes = fp.groupby("flow")["purpose"].agg(id_list).rename("purposes").reset_index()
    out = out.merge(purposes, on="flow", how="left")
    out["purposes"] = out["purposes"].astype(object).fillna("—")
    return hits_from(out, ["flow"], {"flow": "flow", "dst": "dst", "categories": "categories", "purposes": "purposes"})


@rule(
    code="DPIA303",
    name="special-category-readable-outside-care-team",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 9 en art. 32",
    theme="special",
)
def special_category_readable_outside_care_team(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    special = t.categories[t.categories["type"] == "special"][["category"]]
    a = t.access.merge(special, on="category")
    a = a[~a["care_team"].astype(bool)]
    if a.empty:
        return []
    out = a.groupby(["role", "system"])["category"].agg(id_list).rename("categories").reset_index().sort_values("role")
    return hits_from(out, ["role"], {"access_role": "role", "system": "system", "categories": "categories"})


@rule(
    code="DPIA304",
    name="criminal-data-without-legal-source",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 10; UAVG art. 31–33",
    theme="special",
    advisory=True,
)
def criminal_data_without_legal_source(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    pairs = flows_carrying(ctx, ["criminal"])
    if pairs.empty:
        return []
    sourced = t.flow_purposes.merge(t.purposes[~blank(t.purposes["legal_source"])][["purpose"]], on="purpose")["flow"]
    bad = pairs[~pairs["flow"].isin(sourced)]
    if bad.empty:
        return []
    out = per_flow(bad, ["dst"])
    fp = t.with_flows(t.flow_purposes, out["flow"]).astype({"flow": object})  # only the flows reported, plain ids
    purposes = fp.groupby("flow")["purpose"].agg(id_list).rename("purposes").reset_index()
    out = out.merge(purposes, on="flow", how="left")
    out["purposes"] = out["purposes"].astype(object).fillna("—")
    return hits_from(out, ["flow"], {"flow": "flow", "dst": "dst", "categories": "categories", "purposes": "purposes"})


@rule(
    code="DPIA305",
    name="special-or-criminal-data-published",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 9 lid 1 en art. 10",
    theme="special",
)
def special_or_criminal_data_published(ctx: Context) -> Iterable[Hit]:
    pairs = flows_carrying(ctx, ["special", "criminal"])
    bad = pairs[pairs["dst_role"] == "public"]
    if bad.empty:
        return []
    return hits_from(per_flow(bad, ["dst"]), ["flow"], {"flow": "flow", "dst": "dst", "categories": "categories"})
