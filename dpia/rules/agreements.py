"""Processing agreements and sub-processors (GDPR Art. 28).

A processor (verwerker) may handle the school's data only under a processing agreement
(verwerkersovereenkomst) that fixes which data, for which purpose, for how long, with which
sub-processors and with deletion afterwards. The rules here check that every flow to a processor has
such an agreement, that the agreement covers what the flow carries, that it is in force on the
assessment date, and that processors pass data on only to the sub-processors it permits.

A flow's *candidate* agreements are ``tables.flow_agreements``: its explicit ``agreement``, or else every
agreement signed by the party that holds the flow's destination (a system counts as the party that
operates it).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.analysis.graph import unauthorised_subprocessors
from dpia.model import AgreementKind, PartyRole
from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

# Agreements that are processing agreements in the sense of Art. 28(3); a data-sharing arrangement is not.
ART28_KINDS = (AgreementKind.MODEL_4_0.value, AgreementKind.PROCESSING_AGREEMENT.value)
PROCESSOR = PartyRole.PROCESSOR.value
SUB_PROCESSOR = PartyRole.SUB_PROCESSOR.value


# --------------------------------------------------------------------------------------------------
# Helpers (whole tables, no loop per flow)


def _validity(ctx: Context) -> pd.DataFrame:
    """agreements with boolean columns expired, not_yet_valid and in_force on ``ctx.on``."""
    a = ctx.tables.agreements.copy()
    on = pd.Timestamp(ctx.on)
    until = pd.to_datetime(a["valid_until"])
    since = pd.to_datetime(a["valid_from"])
    a["expired"] = (until < on).fillna(False).astype(bool)
    a["not_yet_valid"] = (since > on).fillna(False).astype(bool)
    a["in_force"] = ~a["expired"] & ~a["not_yet_valid"]
    return a


def _not_expired(ctx: Context) -> pd.DataFrame:
    a = _validity(ctx)
    return a[~a["expired"]]


def _uncovered(ctx: Context, flow_items: pd.DataFrame, agreement_items: pd.DataFrame, column: str) -> pd.DataFrame:
    """Flows that no candidate agreement covers in ``column`` (category or purpose).

    Returns flow, agreement (the best candidate: the explicit one, else the one missing fewest items,
    ties broken by id), dst and ``missing`` (the items that agreement lacks, as an id list).
    """
    t = ctx.tables
    # A flow's candidates follow from its explicit agreement or the holder of its destination, and its
    # items from its profile: decide once per group of such flows (the representatives), then spread.
    reps = t.representatives("agreement", "dst_holder")
    chosen = reps["rep"].unique()
    # Small frames from here on: plain ids (a categorical of a million flows is costly to regroup).
    flow_items = flow_items[flow_items["flow"].isin(chosen)].astype({"flow": object})
    candidates = t.flow_agreements[t.flow_agreements["flow"].isin(chosen)].astype({"flow": object})
    pairs = candidates.merge(flow_items, on="flow")
    if pairs.empty:
        return pd.DataFrame(columns=["flow", "agreement", "dst", "missing"])
    marked = pairs.merge(agreement_items, on=["agreement", column], how="left", indicator=True)
    marked["lacking"] = marked["_merge"] == "left_only"
    counts = marked.groupby(["flow", "agreement"], as_index=False)["lacking"].sum()
    covered = counts.loc[counts["lacking"] == 0, "flow"]
    counts = counts[~counts["flow"].isin(covered)]
    best = counts.sort_values(["flow", "lacking", "agreement"]).drop_duplicates("flow")[["flow", "agreement"]]
    lacking = marked[marked["lacking"]].merge(best, on=["flow", "agreement"])
    out = lacking.groupby(["flow", "agreement"])[column].agg(id_list).rename("missing").reset_index()
    out = out.rename(columns={"flow": "rep"})
    out = out.merge(t.members(reps, out["rep"]), on="rep").drop(columns="rep")
    return out.merge(t.flows_of(out["flow"], ["flow", "dst"]), on="flow").sort_values(["flow", "agreement"])


# --------------------------------------------------------------------------------------------------
# Rules


@rule(
    code="DPIA201",
    name="processor-without-agreement",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3",
    theme="agreements",
)
def processor_without_agreement(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    f = t.flows
    to_processor = f[(f["dst_role"] == PROCESSOR) & (f["src_holder"] != f["dst_holder"])]
    art28 = t.agreements.loc[t.agreements["kind"].isin(ART28_KINDS), "agreement"]
    with_agreement = t.flow_agreements.loc[t.flow_agreements["agreement"].isin(art28), "flow"]
    bad = to_processor[~to_processor["flow"].isin(with_agreement)]
    return hits_from(bad, ["flow"], {"flow": "flow", "src": "src", "dst": "dst", "holder": "dst_holder"})


@rule(
    code="DPIA202",
    name="agreement-does-not-cover-categories",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
)
def agreement_does_not_cover_categories(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _uncovered(ctx, t.flow_categories, t.agreement_categories, "category")
    return hits_from(out, ["flow", "agreement"], {"flow": "flow", "dst": "dst", "categories": "missing", "agreement": "agreement"})


@rule(
    code="DPIA203",
    name="agreement-does-not-cover-purpose",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 sub a",
    theme="agreements",
)
def agreement_does_not_cover_purpose(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _uncovered(ctx, t.flow_purposes, t.agreement_purposes, "purpose")
    return hits_from(out, ["flow", "agreement"], {"flow": "flow", "dst": "dst", "purposes": "missing", "agreement": "agreement"})


def _relying(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The agreements with their validity, and the (flow, agreement) candidates of the flows that have no
    candidate in force."""
    a = _validity(ctx)
    fa = ctx.tables.flow_agreements.merge(a[["agreement", "in_force"]], on="agreement")
    has_valid = fa.loc[fa["in_force"], "flow"]
    return a, fa[~fa["flow"].isin(has_valid)]


def _relied_on(ctx: Context, state: str) -> pd.DataFrame:
    """Agreements in ``state`` (expired / not_yet_valid) that some flow relies on: the flow has it as a
    candidate and has no candidate in force. Columns agreement, valid_from, valid_until, flows."""
    a, relying = ctx.memo("relying", lambda: _relying(ctx))  # DPIA204 and 205 share it
    bad = relying.merge(a.loc[a[state], ["agreement"]], on="agreement")
    if bad.empty:
        return bad
    bad = bad.astype({"flow": object})  # plain ids: pandas casts an aggregate back to a categorical of a million flows
    flows = bad.groupby("agreement")["flow"].agg(id_list).rename("flows").reset_index()
    return flows.merge(a[["agreement", "valid_from", "valid_until"]], on="agreement").sort_values("agreement")


@rule(
    code="DPIA204",
    name="agreement-expired",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
)
def agreement_expired(ctx: Context) -> Iterable[Hit]:
    out = _relied_on(ctx, "expired")
    return hits_from(out, ["agreement"], {"agreement": "agreement", "until": "valid_until", "flows": "flows"})


@rule(
    code="DPIA205",
    name="agreement-not-yet-valid",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 en lid 9",
    theme="agreements",
)
def agreement_not_yet_valid(ctx: Context) -> Iterable[Hit]:
    out = _relied_on(ctx, "not_yet_valid")
    return hits_from(out, ["agreement"], {"agreement": "agreement", "since": "valid_from", "flows": "flows"})


@rule(
    code="DPIA206",
    name="agreement-without-deletion-clause",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 sub g",
    theme="agreements",
)
def agreement_without_deletion_clause(ctx: Context) -> Iterable[Hit]:
    a = _not_expired(ctx)
    bad = a[a["kind"].isin(ART28_KINDS) & ~a["deletion_after_use"].astype(bool)]
    return hits_from(bad.sort_values("agreement"), ["agreement"], {"agreement": "agreement"})


@rule(
    code="DPIA207",
    name="unauthorised-sub-processor",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 2 en lid 4",
    theme="agreements",
)
def unauthorised_sub_processor(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    found = unauthorised_subprocessors(ctx.party_graph, ctx.register)  # same answer as on ctx.graph, at any size
    if not found:
        return []
    frame = pd.DataFrame(
        [(f.subprocessor, f.agreement, f.processor, " → ".join(f.path)) for f in found],
        columns=["subprocessor", "agreement", "processor", "path"],
    )
    # Only parties declared as sub-processors: an uncontracted *processor* further down the chain is
    # reported by DPIA201 / DPIA209 on the flow that reaches it.
    roles = t.nodes.set_index("node")["role"]
    frame = frame[frame["subprocessor"].map(roles) == SUB_PROCESSOR]
    # Permitted by any Art. 28 agreement of the same processor (a supplier with two products).
    art28 = t.agreements.loc[t.agreements["kind"].isin(ART28_KINDS), ["agreement"]]
    permitted = (
        t.agreement_parties.merge(art28, on="agreement")
        .merge(t.agreement_subprocessors.rename(columns={"party": "subprocessor"}), on="agreement")
        .rename(columns={"party": "processor"})[["processor", "subprocessor"]]
        .drop_duplicates()
    )
    frame = frame.merge(permitted, on=["processor", "subprocessor"], how="left", indicator=True)
    frame = frame[frame["_merge"] == "left_only"].sort_values(["subprocessor", "agreement", "processor"])
    return hits_from(
        frame,
        ["subprocessor", "agreement"],
        {"subprocessor": "subprocessor", "processor": "processor", "path": "path", "agreement": "agreement"},
    )


@rule(
    code="DPIA208",
    name="model-agreement-without-annexes",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 sub c; art. 32; Model Verwerkersovereenkomst 4.0 (Privacyconvenant Onderwijs)",
    theme="agreements",
    advisory=True,
)
def model_agreement_without_annexes(ctx: Context) -> Iterable[Hit]:
    current = set(_not_expired(ctx)["agreement"])
    rows = [
        (a.id, id_list(field for field, value in (("privacy_annex_version", a.privacy_annex_version),
                                                   ("security_annex", a.security_annex))
                       if not (value or "").strip()))
        for a in ctx.register.agreements
        if a.kind is AgreementKind.MODEL_4_0 and a.id in current
    ]
    frame = pd.DataFrame(rows, columns=["agreement", "missing"])
    frame = frame[frame["missing"] != ""].sort_values("agreement")
    return hits_from(frame, ["agreement"], {"agreement": "agreement", "missing": "missing"})


@rule(
    code="DPIA209",
    name="agreement-not-signed-by-processor",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
)
def agreement_not_signed_by_processor(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    f = t.flows
    explicit = f[f["agreement"].notna() & (f["dst_role"] == PROCESSOR) & (f["src_holder"] != f["dst_holder"])]
    signed = explicit.merge(
        t.agreement_parties, left_on=["agreement", "dst_holder"], right_on=["agreement", "party"], how="left", indicator=True
    )
    bad = signed.loc[signed["_merge"] == "left_only", ["flow", "agreement", "dst_holder"]]
    if bad.empty:
        return []
    parties = t.agreement_parties.groupby("agreement")["party"].agg(id_list).rename("parties").reset_index()
    bad = bad.merge(parties, on="agreement").sort_values("flow")
    return hits_from(bad, ["flow", "agreement"], {"flow": "flow", "holder": "dst_holder", "agreement": "agreement", "parties": "parties"})
