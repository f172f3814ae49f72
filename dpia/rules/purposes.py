"""Purposes and legal bases: purpose limitation, Art. 6 bases, data minimisation, disclosures."""

from __future__ import annotations

from collections.abc import Iterable

from dpia.model.law import statute
from dpia.analysis.tables import DISCLOSURE_ROLES
from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

STATUTORY_BASES = ("legal_obligation", "public_task")


@rule(
    code="DPIA101",
    name="flow-without-purpose",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 5 lid 1 sub b",
    theme="purposes",
)
def flow_without_purpose(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    missing = t.flows[~t.flows["flow"].isin(t.flow_purposes["flow"])]
    return hits_from(missing, ["flow"], {"flow": "flow", "src": "src", "dst": "dst"})


@rule(
    code="DPIA102",
    name="purpose-without-legal-basis",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 6 lid 1",
    theme="purposes",
)
def purpose_without_legal_basis(ctx: Context) -> Iterable[Hit]:
    p = ctx.tables.purposes
    return hits_from(p[p["legal_basis"].isna()], ["purpose"], {"purpose": "purpose"})


@rule(
    code="DPIA103",
    name="statutory-basis-without-source",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 6 lid 3",
    theme="purposes",
)
def statutory_basis_without_source(ctx: Context) -> Iterable[Hit]:
    p = ctx.tables.purposes
    bad = p[p["legal_basis"].isin(STATUTORY_BASES) & (p["legal_source"].isna() | (p["legal_source"].fillna("").str.strip() == ""))]
    hits = hits_from(bad, ["purpose"], {"purpose": "purpose", "basis": "legal_basis"})
    named = statute(ctx.register.controller.sector)
    return [Hit(h.subjects, {**h.params, "statute": named}) for h in hits]


@rule(
    code="DPIA104",
    name="legitimate-interest-by-public-authority",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 6 lid 1, slotzin",
    theme="purposes",
    advisory=True,
)
def legitimate_interest_by_public_authority(ctx: Context) -> Iterable[Hit]:
    if not ctx.register.controller.public_authority:
        return []
    p = ctx.tables.purposes
    bad = p[p["legal_basis"] == "legitimate_interest"].assign(controller=ctx.register.controller.id)
    return hits_from(bad, ["purpose"], {"purpose": "purpose", "controller": "controller"})


@rule(
    code="DPIA105",
    name="more-data-than-purpose-needs",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub c",
    theme="purposes",
)
def more_data_than_purpose_needs(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    # The verdict depends only on the flow's categories and purposes: decide once per profile (the
    # representative flows), then spread to every flow of the profile.
    reps = t.representatives()
    chosen = reps["rep"].unique()
    # Small frames from here on: plain ids (a categorical of a million flows is costly to regroup).
    flow_purposes = t.flow_purposes[t.flow_purposes["flow"].isin(chosen)].astype({"flow": object})
    flow_categories = t.flow_categories[t.flow_categories["flow"].isin(chosen)].astype({"flow": object})
    needed = flow_purposes.merge(t.purpose_needs, on="purpose")[["flow", "category"]].drop_duplicates()
    with_purpose = flow_categories[flow_categories["flow"].isin(flow_purposes["flow"])]
    surplus = with_purpose.merge(needed, on=["flow", "category"], how="left", indicator=True)
    surplus = surplus[surplus["_merge"] == "left_only"]
    if surplus.empty:
        return []
    grouped = surplus.groupby("flow")["category"].agg(id_list).rename("categories").reset_index()
    fp = flow_purposes[flow_purposes["flow"].isin(grouped["flow"])]  # only the flows reported
    purposes = fp.groupby("flow")["purpose"].agg(id_list).rename("purposes").reset_index()
    out = grouped.merge(purposes, on="flow").rename(columns={"flow": "rep"})
    out = out.merge(t.members(reps, out["rep"]), on="rep")
    out = out.merge(t.flows_of(out["flow"], ["flow", "dst"]), on="flow")
    return hits_from(out, ["flow"], {"flow": "flow", "dst": "dst", "categories": "categories", "purposes": "purposes"})


@rule(
    code="DPIA106",
    name="disclosure-without-legal-basis",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 6 lid 1; art. 5 lid 1 sub a",
    theme="purposes",
)
def disclosure_without_legal_basis(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    disclosures = t.flows[t.flows["dst_role"].isin([r.value for r in DISCLOSURE_ROLES])]
    based = t.flow_purposes.merge(t.purposes[t.purposes["legal_basis"].notna()], on="purpose")["flow"]
    bad = disclosures[~disclosures["flow"].isin(based)]
    return hits_from(bad, ["flow"], {"flow": "flow", "dst": "dst", "role": "dst_role"})

