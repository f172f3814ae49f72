"""Housekeeping: entries in the register that no data flow uses.

The record of processing (AVG art. 30) must describe the processing as it is. An agreement, party,
purpose, data category, system or group of data subjects that no flow uses is either stale (the trip was
cancelled, the supplier replaced) or a sign that a flow is missing from the register. Either way the
privacy officer should look: one rule per kind of entry, each with its own code.

"Used" is read the way a privacy officer would: a party that runs a system a flow reaches is in use,
and so is a sub-processor that a used processor's agreement permits (hosting behind Magister needs no
flow of its own in the register to be real).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

ARTICLE = "AVG art. 30 lid 1; art. 5 lid 2"


@rule(
    code="DPIA801",
    name="agreement-unused",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article=ARTICLE,
    theme="housekeeping",
)
def agreement_unused(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    unused = t.agreements[~t.agreements["agreement"].isin(t.flow_agreements["agreement"].unique())]
    if unused.empty:
        return []
    parties = t.agreement_parties.groupby("agreement")["party"].agg(id_list).rename("parties").reset_index()
    out = unused[["agreement"]].merge(parties, on="agreement", how="left").sort_values("agreement")
    return hits_from(out, ["agreement"], {"agreement": "agreement", "parties": "parties"})


def used_parties(ctx: Context) -> pd.Series:
    """Parties in use: a flow's end or the holder of a flow's end (the operator of a system), a
    sub-processor permitted by an agreement with a party in use, and the processor of a party in use."""
    t = ctx.tables
    f = t.flows
    direct = pd.concat([f["src"], f["dst"], f["src_holder"], f["dst_holder"]]).dropna().drop_duplicates()
    permitted = t.agreement_subprocessors.merge(
        t.agreement_parties[t.agreement_parties["party"].isin(direct)][["agreement"]], on="agreement"
    )["party"]
    parties = pd.DataFrame(
        [(p.id, p.processor_of) for p in ctx.register.parties], columns=["party", "processor_of"]
    )
    used = pd.concat([direct, permitted], ignore_index=True)
    processors = parties.loc[parties["party"].isin(used) & parties["processor_of"].notna(), "processor_of"]
    return pd.concat([used, processors], ignore_index=True).drop_duplicates()


@rule(
    code="DPIA802",
    name="party-unused",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article=ARTICLE,
    theme="housekeeping",
)
def party_unused(ctx: Context) -> Iterable[Hit]:
    parties = pd.DataFrame([(p.id, p.role.value) for p in ctx.register.parties], columns=["party", "role"])
    unused = parties[~parties["party"].isin(used_parties(ctx))].sort_values("party")
    return hits_from(unused, ["party"], {"party": "party", "role": "role"})


@rule(
    code="DPIA803",
    name="purpose-unused",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article=ARTICLE,
    theme="housekeeping",
)
def purpose_unused(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    unused = t.purposes[~t.purposes["purpose"].isin(t.flow_purposes["purpose"].unique())].sort_values("purpose")
    return hits_from(unused, ["purpose"], {"purpose": "purpose"})


@rule(
    code="DPIA804",
    name="category-not-carried",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article=ARTICLE,
    theme="housekeeping",
)
def category_not_carried(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    unused = t.categories[~t.categories["category"].isin(t.flow_categories["category"].unique())].sort_values("category")
    return hits_from(unused, ["category"], {"category": "category"})


@rule(
    code="DPIA805",
    name="system-untouched",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article=ARTICLE,
    theme="housekeeping",
)
def system_untouched(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    systems = pd.DataFrame([(s.id, s.operated_by) for s in ctx.register.systems], columns=["system", "operator"])
    touched = pd.concat([t.flows["src"], t.flows["dst"]])
    unused = systems[~systems["system"].isin(touched.unique())].sort_values("system")
    return hits_from(unused, ["system"], {"system": "system", "operator": "operator"})


@rule(
    code="DPIA806",
    name="subject-category-unused",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 30 lid 1 sub c; art. 5 lid 2",
    theme="housekeeping",
)
def subject_category_unused(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    named = pd.concat([t.flow_subjects["subject"], t.flows["src"]])
    unused = t.subjects[~t.subjects["subject"].isin(named.unique())].sort_values("subject")
    return hits_from(unused, ["subject"], {"subject": "subject"})
