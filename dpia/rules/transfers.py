"""Transfers outside the EEA and where processors keep the data (GDPR Art. 44-49, Art. 30(1)(e)).

A flow is a *transfer* when the party that holds its destination (a system counts as the party that
operates it) is located outside the European Economic Area. Such a transfer needs an instrument: an
adequacy decision (Art. 45), appropriate safeguards such as standard contractual clauses or binding
corporate rules (Art. 46, 47), or, for occasional transfers only, a derogation (Art. 49).

Publishing on the public website is not a transfer in this sense (CJEU C-101/01, Lindqvist), so flows
to a node of role ``public`` are left out here; the consent rules cover them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.model import EEA_COUNTRIES, PartyRole, TransferMechanism
from dpia.analysis.tables import PROCESSOR_ROLES
from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

# Countries with an adequacy decision of the European Commission (GDPR Art. 45(3)), as known in 2025:
# Andorra, Argentina, Canada (commercial organisations under PIPEDA), Switzerland, Faroe Islands,
# United Kingdom, Guernsey, Israel, Isle of Man, Jersey, Japan, Republic of Korea, New Zealand,
# United States (only organisations certified under the EU-US Data Privacy Framework) and Uruguay.
# Keep this list current: the Commission adds, reviews and may withdraw decisions.
ADEQUACY_COUNTRIES = frozenset("AD AR CA CH FO GB GG IL IM JE JP KR NZ US UY".split())

# Categories whose transfer under SCC or BCR calls for a documented transfer impact assessment.
SENSITIVE_TYPES = ("special", "criminal", "national_id")
SAFEGUARDS = (TransferMechanism.SCC.value, TransferMechanism.BCR.value)


def _transfers(ctx: Context) -> pd.DataFrame:
    """Flows whose destination is held by a party outside the EEA, between two different holders
    (computed once per check: DPIA501, 502 and 506 share it).

    Columns: flow, src, dst, holder, country, mechanism (upper-case: ADEQUACY, SCC, BCR, DEROGATION, or None).
    """
    return ctx.memo("transfers", lambda: _compute_transfers(ctx))


def _compute_transfers(ctx: Context) -> pd.DataFrame:
    t = ctx.tables
    nodes = t.nodes.set_index("node")
    f = t.flows.copy()
    f["in_eea"] = f["dst"].map(nodes["in_eea"])
    f["country"] = f["dst"].map(nodes["country"])
    f["mechanism"] = f["dst"].map(nodes["transfer_mechanism"])
    out = f[
        f["in_eea"].eq(False)
        & (f["src_holder"] != f["dst_holder"])
        & (f["dst_role"] != PartyRole.PUBLIC.value)
    ].rename(columns={"dst_holder": "holder"})
    out = out.assign(mechanism=out["mechanism"].map(str.upper, na_action="ignore"))
    return out[["flow", "src", "dst", "holder", "country", "mechanism"]].sort_values("flow")


@rule(
    code="DPIA501",
    name="transfer-outside-eea-without-mechanism",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 44–46",
    theme="transfers",
)
def transfer_without_mechanism(ctx: Context) -> Iterable[Hit]:
    out = _transfers(ctx)
    bad = out[out["mechanism"].isna()]
    return hits_from(bad, ["flow"], {"flow": "flow", "holder": "holder", "country": "country"})


@rule(
    code="DPIA502",
    name="derogation-for-recurring-transfer",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 49 lid 1",
    theme="transfers",
    advisory=True,
)
def derogation_for_recurring_transfer(ctx: Context) -> Iterable[Hit]:
    out = _transfers(ctx)
    bad = out[out["mechanism"] == TransferMechanism.DEROGATION.value.upper()]
    return hits_from(bad, ["flow"], {"flow": "flow", "holder": "holder", "country": "country"})


@rule(
    code="DPIA503",
    name="processor-location-unknown",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 30 lid 1 sub e; art. 44",
    theme="transfers",
)
def processor_location_unknown(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[(n["kind"] == "party") & n["role"].isin([r.value for r in PROCESSOR_ROLES]) & n["country"].isna()]
    return hits_from(bad.sort_values("node"), ["node"], {"role": "role", "party": "node"})


@rule(
    code="DPIA504",
    name="transfer-mechanism-inside-eea",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 30 lid 1 sub e; art. 44",
    theme="transfers",
)
def transfer_mechanism_inside_eea(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[(n["kind"] == "party") & n["country"].isin(EEA_COUNTRIES) & n["transfer_mechanism"].notna()]
    bad = bad.assign(mechanism=bad["transfer_mechanism"].map(str.upper, na_action="ignore")).sort_values("node")
    return hits_from(bad, ["node"], {"party": "node", "country": "country", "mechanism": "mechanism"})


@rule(
    code="DPIA505",
    name="adequacy-without-decision",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 45 lid 1 en lid 3",
    theme="transfers",
    advisory=True,
)
def adequacy_without_decision(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[
        (n["kind"] == "party")
        & n["in_eea"].eq(False)
        & (n["transfer_mechanism"] == TransferMechanism.ADEQUACY.value)
        & ~n["country"].isin(ADEQUACY_COUNTRIES)
    ]
    return hits_from(bad.sort_values("node"), ["node"], {"party": "node", "country": "country"})


@rule(
    code="DPIA506",
    name="sensitive-data-transfer-without-assessment",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 46 lid 1; HvJ EU C-311/18 (Schrems II)",
    theme="transfers",
    advisory=True,
)
def sensitive_data_transfer_without_assessment(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _transfers(ctx)
    out = out[out["mechanism"].isin([m.upper() for m in SAFEGUARDS])]
    sensitive = t.categories.loc[t.categories["type"].isin(SENSITIVE_TYPES), ["category"]]
    carried = t.flow_categories.merge(sensitive, on="category")
    carried = carried[carried["flow"].isin(out["flow"])]
    if carried.empty:
        return []
    cats = carried.groupby("flow")["category"].agg(id_list).rename("categories").reset_index()
    bad = out.merge(cats, on="flow").sort_values("flow")
    return hits_from(
        bad, ["flow"],
        {"flow": "flow", "categories": "categories", "holder": "holder", "country": "country", "mechanism": "mechanism"},
    )
