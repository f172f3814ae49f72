"""Consent (toestemming): arrangements, who consents per age band, withdrawal, publication of images.

Consent is the basis for what a school does not have to do: photos in the newsletter, images on the
public website, handing the file to the next school (as the privacy letter promises). It only counts
when it is asked, recorded, given by the right person and can be withdrawn at any time (GDPR Art. 7,
UAVG art. 5).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity
from dpia.rules.special import blank

# Neutral labels for the age bands, used in messages in both languages.
BAND_LABEL = {"under_16": "<16", "16_to_17": "16-17", "18_plus": "18+"}


def consent_purposes(ctx: Context) -> pd.DataFrame:
    p = ctx.tables.purposes
    return p[p["legal_basis"] == "consent"][["purpose"]]


def bands_per_arrangement(ctx: Context) -> pd.DataFrame:
    """consent, purpose, band, given (who consents for that band, or None), subjects (sorted ids).

    One row per consent arrangement and age band of the pupils whose data the arrangement's purpose
    carries in some flow. Computed once per check (DPIA403-405 share it).
    """
    return ctx.memo("bands_per_arrangement", lambda: _bands_per_arrangement(ctx))


def _bands_per_arrangement(ctx: Context) -> pd.DataFrame:
    t = ctx.tables
    pupils = t.subjects[(t.subjects["kind"] == "pupil") & t.subjects["age_band"].notna()][["subject", "age_band"]]
    rows = (
        t.consents[["consent", "purpose", *BAND_LABEL]]
        .merge(t.flow_purposes, on="purpose")
        .merge(t.flow_subjects, on="flow")
        .merge(pupils, on="subject")
    )
    if rows.empty:
        return pd.DataFrame(columns=["consent", "purpose", "band", "given", "subjects", "band_label"])
    # The consenter of each row's own band: pick column age_band row-wise without a Python loop.
    melted = rows.melt(
        id_vars=["consent", "purpose", "subject", "age_band"], value_vars=list(BAND_LABEL), var_name="band", value_name="given"
    )
    melted = melted[melted["band"] == melted["age_band"]]
    out = (
        melted.groupby(["consent", "purpose", "band"], dropna=False)
        .agg(given=("given", "first"), subjects=("subject", id_list))
        .reset_index()
    )
    out["band_label"] = out["band"].map(BAND_LABEL)
    return out.sort_values(["consent", "band"])


@rule(
    code="DPIA401",
    name="consent-purpose-without-arrangement",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 7 lid 1",
    theme="consent",
)
def consent_purpose_without_arrangement(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    used = consent_purposes(ctx).merge(t.flow_purposes, on="purpose")
    missing = used[~used["purpose"].isin(t.consents["purpose"])].astype({"flow": object})  # plain ids: pandas casts an aggregate back to a categorical of a million flows
    if missing.empty:
        return []
    out = missing.groupby("purpose")["flow"].agg(id_list).rename("flows").reset_index().sort_values("purpose")
    return hits_from(out, ["purpose"], {"purpose": "purpose", "flows": "flows"})


@rule(
    code="DPIA402",
    name="publication-without-consent",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 6 lid 1 sub a",
    theme="consent",
)
def publication_without_consent(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    public = t.flows[t.flows["dst_role"] == "public"][["flow", "dst"]]
    if public.empty:
        return []
    arranged = consent_purposes(ctx).merge(t.consents[["purpose"]].drop_duplicates(), on="purpose")
    covered = t.flow_purposes.merge(arranged, on="purpose")["flow"]
    bad = public[~public["flow"].isin(covered)]
    if bad.empty:
        return []
    fc = t.flow_categories[t.flow_categories["flow"].isin(bad["flow"])].astype({"flow": object})  # only the flows reported
    fp = t.flow_purposes[t.flow_purposes["flow"].isin(bad["flow"])].astype({"flow": object})
    bad = bad.astype({"flow": object})  # plain ids from here: regrouping a categorical of a million flows is costly
    cats = fc.groupby("flow")["category"].agg(id_list).rename("categories").reset_index()
    purposes = fp.groupby("flow")["purpose"].agg(id_list).rename("purposes").reset_index()
    out = bad.merge(cats, on="flow", how="left").merge(purposes, on="flow", how="left").sort_values("flow")
    out["purposes"] = out["purposes"].astype(object).fillna("—")
    return hits_from(out, ["flow"], {"flow": "flow", "categories": "categories", "dst": "dst", "purposes": "purposes"})


@rule(
    code="DPIA403",
    name="wrong-consenting-party",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="UAVG art. 5 lid 1; AVG art. 8",
    theme="consent",
)
def wrong_consenting_party(ctx: Context) -> Iterable[Hit]:
    b = bands_per_arrangement(ctx)
    bad = b[((b["band"] == "under_16") & (b["given"] == "pupil")) | ((b["band"] == "18_plus") & (b["given"] == "parent"))]
    return hits_from(
        bad, ["consent", "band"], {"consent": "consent", "purpose": "purpose", "band": "band_label", "subjects": "subjects"}
    )


@rule(
    code="DPIA404",
    name="parent-consents-for-pupil-16-17",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="UAVG art. 5 lid 1",
    theme="consent",
    advisory=True,
)
def parent_consents_for_pupil_16_17(ctx: Context) -> Iterable[Hit]:
    b = bands_per_arrangement(ctx)
    bad = b[(b["band"] == "16_to_17") & (b["given"] == "parent")]
    return hits_from(bad, ["consent"], {"consent": "consent", "purpose": "purpose", "subjects": "subjects"})


@rule(
    code="DPIA405",
    name="consenting-party-missing",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="UAVG art. 5 lid 1; AVG art. 7 lid 1",
    theme="consent",
)
def consenting_party_missing(ctx: Context) -> Iterable[Hit]:
    b = bands_per_arrangement(ctx)
    bad = b[b["given"].isna()]
    return hits_from(
        bad, ["consent", "band"], {"consent": "consent", "purpose": "purpose", "band": "band_label", "subjects": "subjects"}
    )


@rule(
    code="DPIA406",
    name="consent-without-withdrawal",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 7 lid 3",
    theme="consent",
)
def consent_without_withdrawal(ctx: Context) -> Iterable[Hit]:
    c = ctx.tables.consents
    bad = c[blank(c["withdrawal"])].sort_values("consent")
    return hits_from(bad, ["consent"], {"consent": "consent", "purpose": "purpose"})


@rule(
    code="DPIA407",
    name="consent-not-recorded",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 7 lid 1",
    theme="consent",
)
def consent_not_recorded(ctx: Context) -> Iterable[Hit]:
    c = ctx.tables.consents
    how = pd.Series([a.how_recorded for a in ctx.register.consents], index=c.index, dtype=object)
    bad = c[c["recorded_in"].isna() & blank(how)].sort_values("consent")
    return hits_from(bad, ["consent"], {"consent": "consent", "purpose": "purpose"})


@rule(
    code="DPIA408",
    name="consent-arrangement-for-other-basis",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 6 lid 1; art. 5 lid 1 sub a",
    theme="consent",
    advisory=True,
)
def consent_arrangement_for_other_basis(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    c = t.consents[["consent", "purpose"]].merge(t.purposes[["purpose", "legal_basis"]], on="purpose")
    bad = c[c["legal_basis"].notna() & (c["legal_basis"] != "consent")].sort_values("consent")
    return hits_from(bad, ["consent"], {"consent": "consent", "purpose": "purpose", "basis": "legal_basis"})


@rule(
    code="DPIA409",
    name="consent-from-staff",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 4 sub 11; art. 7 lid 4",
    theme="consent",
    advisory=True,
)
def consent_from_staff(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    staff = t.subjects[t.subjects["kind"] == "staff"][["subject"]]
    rows = consent_purposes(ctx).merge(t.flow_purposes, on="purpose").merge(t.flow_subjects, on="flow").merge(staff, on="subject")
    if rows.empty:
        return []
    rows = rows.astype({"flow": object})  # plain ids: pandas casts an aggregate back to a categorical of a million flows
    out = rows.groupby("purpose").agg(subjects=("subject", id_list), flows=("flow", id_list)).reset_index().sort_values("purpose")
    return hits_from(out, ["purpose"], {"purpose": "purpose", "subjects": "subjects", "flows": "flows"})
