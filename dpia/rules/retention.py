"""Retention (bewaartermijnen): every category that flows has a period, periods respect the legal and
sector table in ``dpia.model.law``, and processors keep nothing longer than the school does.

Which retention rules apply to a category: the rules on the category itself and the rules on a purpose
that needs it (``purpose_needs``). The comparisons with the legal table use the category's own rules
only: a purpose rule governs that purpose's copy (an excursion list), not the record itself.

Processors (DPIA705/706) are compared like with like: the agreement's period against the school's rules
for a category the agreement covers, counting purpose rules only for purposes the agreement covers too.
With the same trigger the comparison is exact (DPIA705). With a different trigger the durations are
still compared, and the finding (DPIA706) is advisory and says the events differ: when the two events
can fall together (a photo taken in the final year, a contract ending as the pupil leaves), a longer
duration means the processor keeps the data longer than the school may.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.model.law import legal_table
from dpia.model import duration_in_days
from dpia.rules.base import Context, Hit, hits_from, id_list, rule, shared
from dpia.model.findings import Kind, Severity

# Longer than this is suspicious for pupil data (DPIA708).
LONG_RETENTION = "P10Y"
PROCESSOR_KINDS = ("model_4_0", "processing_agreement")


def short_list(values: Iterable[str], limit: int = 3) -> str:
    """A sorted id list, cut after ``limit`` entries ("a, b, c, …") so messages stay short."""
    items = sorted(set(values))
    return ", ".join(items[:limit]) + (", …" if len(items) > limit else "")


@shared
def _rules(ctx: Context) -> pd.DataFrame:
    """The retention table with the duration as written (rule, category, purpose, duration, days, trigger, ...)."""
    durations = pd.DataFrame(
        [(r.id, r.duration) for r in ctx.register.retention], columns=["rule", "duration"]
    )
    return ctx.tables.retention.merge(durations, on="rule", how="left")


@shared
def _category_rules(ctx: Context) -> pd.DataFrame:
    """Rules set on a category, with the category's record type and the legal entry for it."""
    t = ctx.tables
    rules = _rules(ctx)
    own = rules[rules["category"].notna()].rename(columns={"legal_source": "rule_source"})
    return own.merge(t.categories[["category", "record_type"]], on="category").merge(
        legal_table(ctx.register.controller.sector), on="record_type"
    )


@shared
def _applicable(ctx: Context) -> pd.DataFrame:
    """Every (category, rule) pair: rules on the category and rules on purposes that need it."""
    t = ctx.tables
    rules = _rules(ctx)
    own = rules[rules["category"].notna()]
    via = rules[rules["purpose"].notna()].drop(columns="category").merge(t.purpose_needs, on="purpose")
    return pd.concat([own, via[own.columns]], ignore_index=True)


@rule(
    code="DPIA701",
    name="category-without-retention",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 5 lid 1 sub e; art. 30 lid 1 sub f",
    theme="retention",
)
def category_without_retention(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    covered = _applicable(ctx)["category"]
    uncovered = t.flow_categories[~t.flow_categories["category"].isin(covered)]
    if uncovered.empty:
        return []
    uncovered = uncovered.astype({"flow": object})  # plain ids: pandas casts an aggregate back to a categorical of a million flows
    out = uncovered.groupby("category")["flow"].agg(["count", short_list]).reset_index()
    out = out.rename(columns={"short_list": "flows"}).sort_values("category")
    return hits_from(out, ["category"], {"category": "category", "count": "count", "flows": "flows"})


def _beyond_maximum(ctx: Context, statutory: bool) -> list[Hit]:
    return _against_the_law(ctx, statutory, minimum=False)


def _against_the_law(ctx: Context, statutory: bool, minimum: bool) -> list[Hit]:
    """The school's rules that keep a record type longer than its legal maximum (``minimum`` False) or
    shorter than its legal minimum (True), or from another trigger, in the statute (``statutory``) or in
    the sector's own rules."""
    rules = _category_rules(ctx)
    rules = rules[(rules["legal_minimum"] == minimum) & (rules["statutory"] == statutory)]
    off = rules["days"] < rules["legal_days"] - 0.5 if minimum else rules["days"] > rules["legal_days"] + 0.5
    bad = rules[off | (rules["trigger"] != rules["legal_trigger"])].sort_values(["rule", "category"])
    return hits_from(
        bad,
        ["rule", "category"],
        {
            "rule": "rule", "category": "category", "record_type": "record_type", "duration": "duration",
            "trigger": "trigger", "legal_duration": "legal_duration", "legal_trigger": "legal_trigger",
            "source": "legal_source",
        },
    )


@rule(
    code="DPIA702",
    name="retention-beyond-legal-maximum",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e",
    theme="retention",
)
def retention_beyond_legal_maximum(ctx: Context) -> Iterable[Hit]:
    return _beyond_maximum(ctx, statutory=True)


@rule(
    code="DPIA703",
    name="retention-beyond-sector-maximum",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e",
    theme="retention",
    advisory=True,
)
def retention_beyond_sector_maximum(ctx: Context) -> Iterable[Hit]:
    return _beyond_maximum(ctx, statutory=False)


@rule(
    code="DPIA704",
    name="retention-below-legal-minimum",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e; Uitvoeringsbesluit WVO 2020 art. 4.39",
    theme="retention",
)
def retention_below_legal_minimum(ctx: Context) -> Iterable[Hit]:
    return _below_minimum(ctx, statutory=True)


def _below_minimum(ctx: Context, statutory: bool) -> Iterable[Hit]:
    return _against_the_law(ctx, statutory, minimum=True)


@rule(
    code="DPIA710",
    name="retention-below-sector-minimum",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e; examenregels van de sector",
    theme="retention",
    advisory=True,
)
def retention_below_sector_minimum(ctx: Context) -> Iterable[Hit]:
    return _below_minimum(ctx, statutory=False)


@shared
def _processor_vs_controller(ctx: Context) -> pd.DataFrame:
    """Per (processor agreement, category it covers): the agreement's retention and the school's rules.

    Columns: agreement, category, agreement_duration, agreement_days, agreement_trigger, and for the
    school's longest end-of-retention rule with the same trigger (``same_*``) and over all triggers
    (``any_*``): rule, duration, days, trigger. Minimum rules are left out: they set no end. When the
    triggers differ the durations are still compared (DPIA706, advisory): if the two events can fall
    together, a longer duration means the processor keeps the data longer than the school.
    """
    t = ctx.tables
    a = t.agreements[t.agreements["kind"].isin(PROCESSOR_KINDS) & t.agreements["retention_days"].notna()]
    if a.empty:
        return pd.DataFrame()
    durations = pd.DataFrame([(x.id, x.retention) for x in ctx.register.agreements], columns=["agreement", "agreement_duration"])
    a = a.merge(durations, on="agreement").rename(
        columns={"retention_days": "agreement_days", "retention_trigger": "agreement_trigger"}
    )
    a["agreement_trigger"] = a["agreement_trigger"].fillna("—")
    pairs = a[["agreement", "agreement_duration", "agreement_days", "agreement_trigger"]].merge(
        t.agreement_categories, on="agreement"
    )
    # The school's rules for each pair: rules on the category, and rules on a purpose that the agreement
    # covers and that needs the category (not rules of unrelated purposes, such as an excursion list's).
    rules = _rules(ctx)
    rules = rules[~rules["minimum"].astype(bool)]
    cols = ["agreement", "category", "rule", "duration", "days", "trigger"]
    own = pairs[["agreement", "category"]].merge(rules[rules["category"].notna()], on="category")[cols]
    via = (
        rules[rules["purpose"].notna()].drop(columns="category")
        .merge(t.purpose_needs, on="purpose")
        .merge(t.agreement_purposes, on="purpose")
        .merge(pairs[["agreement", "category"]], on=["agreement", "category"])[cols]
    )
    school = pd.concat([own, via], ignore_index=True)
    # The longest end rule per (pair, trigger) and per pair; ties broken by rule id.
    school = school.sort_values(["agreement", "category", "days", "rule"], ascending=[True, True, False, True])
    per_trigger = school.drop_duplicates(["agreement", "category", "trigger"]).rename(
        columns={"rule": "same_rule", "duration": "same_duration", "days": "same_days", "trigger": "agreement_trigger"}
    )
    overall = school.drop_duplicates(["agreement", "category"]).rename(
        columns={"rule": "any_rule", "duration": "any_duration", "days": "any_days", "trigger": "any_trigger"}
    )
    out = pairs.merge(per_trigger, on=["agreement", "category", "agreement_trigger"], how="left").merge(
        overall, on=["agreement", "category"], how="left"
    )
    return out.sort_values(["agreement", "category"])


@rule(
    code="DPIA705",
    name="processor-keeps-longer",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 sub g; art. 5 lid 1 sub e",
    theme="retention",
)
def processor_keeps_longer(ctx: Context) -> Iterable[Hit]:
    out = _processor_vs_controller(ctx)
    if out.empty:
        return []
    bad = out[out["same_days"].notna() & (out["agreement_days"] > out["same_days"] + 0.5)]
    bad = bad.assign(trigger=bad["agreement_trigger"])
    return hits_from(
        bad,
        ["agreement", "category"],
        {
            "agreement": "agreement", "category": "category", "agreement_duration": "agreement_duration",
            "agreement_trigger": "agreement_trigger", "duration": "same_duration", "trigger": "trigger",
            "rule": "same_rule",
        },
    )


@rule(
    code="DPIA706",
    name="processor-keeps-longer-other-trigger",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 sub g; art. 5 lid 1 sub e",
    theme="retention",
    advisory=True,
)
def processor_keeps_longer_other_trigger(ctx: Context) -> Iterable[Hit]:
    out = _processor_vs_controller(ctx)
    if out.empty:
        return []
    bad = out[out["same_days"].isna() & out["any_days"].notna() & (out["agreement_days"] > out["any_days"] + 0.5)]
    return hits_from(
        bad,
        ["agreement", "category"],
        {
            "agreement": "agreement", "category": "category", "agreement_duration": "agreement_duration",
            "agreement_trigger": "agreement_trigger", "duration": "any_duration", "trigger": "any_trigger",
            "rule": "any_rule",
        },
    )


@rule(
    code="DPIA707",
    name="retention-without-legal-source",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 5 lid 2; art. 30 lid 1 sub f",
    theme="retention",
)
def retention_without_legal_source(ctx: Context) -> Iterable[Hit]:
    rules = _category_rules(ctx)
    bad = rules[rules["rule_source"].fillna("").astype(str).str.strip() == ""].sort_values(["rule", "category"])
    return hits_from(
        bad, ["rule", "category"],
        {"rule": "rule", "category": "category", "record_type": "record_type", "source": "legal_source"},
    )


@rule(
    code="DPIA708",
    name="retention-suspiciously-long",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e",
    theme="retention",
    advisory=True,
)
def retention_suspiciously_long(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    rules = _rules(ctx)
    long = rules[rules["days"] > duration_in_days(LONG_RETENTION)]
    if long.empty:
        return []
    pupils = t.subjects.loc[t.subjects["kind"] == "pupil", "subject"]
    pupil_flows = pd.concat(
        [t.flow_subjects.loc[t.flow_subjects["subject"].isin(pupils), "flow"], t.flows.loc[t.flows["src"].isin(pupils), "flow"]]
    )
    pupil_categories = pd.concat(
        [t.flow_categories.loc[t.flow_categories["flow"].isin(pupil_flows), "category"],
         t.categories.loc[t.categories["record_type"].notna(), "category"]]
    )
    pupil_purposes = pd.concat(
        [t.flow_purposes.loc[t.flow_purposes["flow"].isin(pupil_flows), "purpose"],
         t.purpose_needs.loc[t.purpose_needs["category"].isin(pupil_categories), "purpose"]]
    )
    pupil_categories, pupil_purposes = pupil_categories.unique(), pupil_purposes.unique()  # distinct: quick isin
    bad = long[long["category"].isin(pupil_categories) | long["purpose"].isin(pupil_purposes)].copy()
    bad["target"] = "'" + bad["category"].astype(object).fillna(bad["purpose"].astype(object)) + "'"
    bad = bad.sort_values("rule")
    return hits_from(bad, ["rule"], {"rule": "rule", "target": "target", "duration": "duration", "trigger": "trigger"})


@rule(
    code="DPIA709",
    name="retention-minimum-without-end",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 5 lid 1 sub e",
    theme="retention",
)
def retention_minimum_without_end(ctx: Context) -> Iterable[Hit]:
    applicable = _applicable(ctx)
    if applicable.empty:
        return []
    applicable = applicable.assign(minimum=applicable["minimum"].astype(bool))
    per = applicable.groupby("category").agg(all_minimum=("minimum", "all"), rules=("rule", id_list)).reset_index()
    bad = per[per["all_minimum"]].sort_values("category")
    return hits_from(bad, ["category"], {"category": "category", "rules": "rules"})
