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
    nl={
        "title": "Gegevens zonder bewaartermijn",
        "checks": "Een gegevenscategorie gaat mee in een gegevensstroom, maar er is geen bewaartermijn voor: niet "
        "bij de categorie zelf en niet bij een doel dat de categorie nodig heeft.",
        "why": "Gegevens mogen niet langer worden bewaard dan nodig is voor het doel (opslagbeperking). Het "
        "verwerkingsregister moet per categorie vermelden wanneer de gegevens worden gewist. Zonder "
        "bewaartermijn blijven gegevens, zoals foto's op de website, in de praktijk voor altijd staan.",
        "fix": "Voeg onder `retention` een bewaartermijn toe voor de categorie (of voor het doel), met een duur "
        "en het moment waarop die ingaat, bijvoorbeeld `duration: P2Y` en `trigger: deregistration`.",
        "message": "'{category}' gaat mee in {count} gegevensstroom/-stromen ({flows}), maar heeft geen bewaartermijn",
        "reader": "Voor {category} staat niet hoe lang de school de gegevens bewaart.",
    },
    en={
        "title": "Data without a retention period",
        "checks": "A data category travels in a flow, but no retention rule covers it: neither on the category "
        "nor on a purpose that needs it.",
        "why": "Data may be kept no longer than its purpose requires (storage limitation), and the record of "
        "processing must state per category when it is erased. Without a period, data such as photos on the "
        "website stays forever in practice.",
        "fix": "Add a retention rule for the category (or for the purpose) under `retention`, with a duration "
        "and the event it runs from, for example `duration: P2Y` and `trigger: deregistration`.",
        "message": "'{category}' travels in {count} flow(s) ({flows}) but has no retention period",
        "reader": "For {category}, the register does not say how long the school keeps the data.",
    },
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
    rules = _category_rules(ctx)
    rules = rules[~rules["legal_minimum"] & (rules["statutory"] == statutory)]
    bad = rules[(rules["days"] > rules["legal_days"] + 0.5) | (rules["trigger"] != rules["legal_trigger"])]
    bad = bad.sort_values(["rule", "category"])
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
    nl={
        "title": "Langer bewaren dan de wet toestaat",
        "checks": "Een bewaartermijn voor een soort schoolgegevens waarvoor een wet een maximale termijn vastlegt, "
        "is langer dan dat maximum of gaat in op een ander moment (zie de tabel in `dpia.model.law`).",
        "why": "Gegevens die langer worden bewaard dan de wet toestaat, worden zonder grondslag verwerkt. Een "
        "termijn die op een ander moment ingaat dan de wet noemt, valt niet te toetsen en kan in de "
        "praktijk langer duren.",
        "fix": "Zet de duur en het ingangsmoment (`trigger`) van de bewaartermijn op het wettelijke maximum of "
        "korter, en noem het wetsartikel in `legal_source`.",
        "message": "bewaartermijn '{rule}' bewaart '{category}' ({record_type}) {duration} {trigger}; "
        "de wet staat ten hoogste {legal_duration} {legal_trigger} toe ({source})",
        "reader": "De school bewaart deze gegevens {duration} {trigger}: {category}. De wet staat ten hoogste {legal_duration} "
        "{legal_trigger} toe.",
    },
    en={
        "title": "Kept longer than the law allows",
        "checks": "A retention rule for a kind of school record whose maximum period a statute fixes is longer "
        "than that maximum, or runs from a different event (see the table in `dpia.model.law`).",
        "why": "Data kept longer than the law allows is processed without a basis. A period that runs from "
        "another event than the statute names cannot be checked and may last longer in practice.",
        "fix": "Set the rule's duration and `trigger` to the statutory maximum or shorter, and cite the article "
        "in `legal_source`.",
        "message": "retention rule '{rule}' keeps '{category}' ({record_type}) {duration} {trigger}; "
        "the law allows at most {legal_duration} {legal_trigger} ({source})",
        "reader": "The school keeps this data for {duration} {trigger}: {category}. The law allows at most {legal_duration} "
        "{legal_trigger}.",
    },
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
    nl={
        "title": "Langer bewaren dan in de sector gebruikelijk is",
        "checks": "Een bewaartermijn voor een soort schoolgegevens (leerlingdossier, verzuim en inschrijving, "
        "verwijzing naar speciaal onderwijs, schoolexamenwerk) is langer dan de termijn die in de sector "
        "geldt, of gaat in op een ander moment (zie de tabel in `dpia.model.law`).",
        "why": "Gegevens mogen niet langer worden bewaard dan nodig (opslagbeperking). Voor deze soorten "
        "gegevens hanteren scholen in hun sector (po, vo, mbo, so/vso; de tabel per sector in `dpia.model.law`, "
        "naar de sector in `controller.sector`) vaste termijnen, bijvoorbeeld het leerlingdossier tot twee "
        "jaar na uitschrijving. Adviserend: voor deze termijnen is geen wetsartikel "
        "nagegaan; een school kan met een goede, vastgelegde reden afwijken.",
        "fix": "Zet de duur en het ingangsmoment (`trigger`) gelijk aan de sectortermijn of korter, of leg de "
        "reden voor de afwijking vast en accepteer de bevinding met die reden.",
        "message": "bewaartermijn '{rule}' bewaart '{category}' ({record_type}) {duration} {trigger}; "
        "in de sector is dat ten hoogste {legal_duration} {legal_trigger} ({source})",
        "reader": "De school bewaart deze gegevens {duration} {trigger}: {category}. Scholen bewaren dit meestal ten hoogste "
        "{legal_duration} {legal_trigger}.",
    },
    en={
        "title": "Kept longer than is usual in the sector",
        "checks": "A retention rule for a kind of school record (pupil file, absence and enrolment, referral to "
        "special education, school exam work) is longer than the period the sector applies, or runs from a "
        "different event (see the table in `dpia.model.law`).",
        "why": "Data may be kept no longer than needed (storage limitation). For these kinds of records Dutch "
        "schools apply fixed periods in their sector (po, vo, mbo, so/vso; the table per sector in `dpia.model.law`, "
        "chosen by `controller.sector`), for example the pupil file until two years after the pupil leaves. Advisory: no statute article was verified for these periods; a school may deviate for a "
        "good, recorded reason.",
        "fix": "Set the duration and `trigger` to the sector period or shorter, or record the reason for the "
        "deviation and accept the finding with it.",
        "message": "retention rule '{rule}' keeps '{category}' ({record_type}) {duration} {trigger}; "
        "the sector keeps it at most {legal_duration} {legal_trigger} ({source})",
        "reader": "The school keeps this data for {duration} {trigger}: {category}. Schools usually keep this for at most "
        "{legal_duration} {legal_trigger}.",
    },
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
    nl={
        "title": "Korter bewaren dan de wet voorschrijft",
        "checks": "Een bewaartermijn voor gegevens die de wet een minimale tijd laat bewaren (het werk van het "
        "centraal examen en de cijferlijst: ten minste zes maanden na de uitslag) is korter, of gaat in op "
        "een ander moment.",
        "why": "Wie het examenwerk te vroeg vernietigt, kan een bezwaar of beroep tegen de uitslag niet meer "
        "behandelen, en handelt in strijd met de examenregels.",
        "fix": "Zet de bewaartermijn op ten minste de wettelijke duur na het wettelijke moment (bijvoorbeeld "
        "`duration: P6M`, `trigger: result`, `minimum: true`) en noem het wetsartikel in `legal_source`.",
        "message": "bewaartermijn '{rule}' bewaart '{category}' ({record_type}) {duration} {trigger}; "
        "de wet vraagt ten minste {legal_duration} {legal_trigger} ({source})",
        "reader": "De school bewaart deze gegevens {duration} {trigger}: {category}. De wet vraagt ten minste {legal_duration} "
        "{legal_trigger}.",
    },
    en={
        "title": "Kept shorter than the law requires",
        "checks": "A retention rule for data the law requires to be kept for a minimum time (central exam work "
        "and the grade list: at least six months after the result) is shorter, or runs from a different "
        "event.",
        "why": "A school that destroys exam work too early can no longer handle an objection or appeal against "
        "the result, and breaks the examination rules.",
        "fix": "Set the rule to at least the statutory duration after the statutory event (for example "
        "`duration: P6M`, `trigger: result`, `minimum: true`) and cite the article in `legal_source`.",
        "message": "retention rule '{rule}' keeps '{category}' ({record_type}) {duration} {trigger}; "
        "the law requires at least {legal_duration} {legal_trigger} ({source})",
        "reader": "The school keeps this data for {duration} {trigger}: {category}. The law requires at least {legal_duration} "
        "{legal_trigger}.",
    },
)
def retention_below_legal_minimum(ctx: Context) -> Iterable[Hit]:
    return _below_minimum(ctx, statutory=True)


def _below_minimum(ctx: Context, statutory: bool) -> Iterable[Hit]:
    rules = _category_rules(ctx)
    rules = rules[rules["legal_minimum"] & (rules["statutory"] == statutory)]
    bad = rules[(rules["days"] < rules["legal_days"] - 0.5) | (rules["trigger"] != rules["legal_trigger"])]
    bad = bad.sort_values(["rule", "category"])
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
    code="DPIA710",
    name="retention-below-sector-minimum",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub e; examenregels van de sector",
    theme="retention",
    advisory=True,
    nl={
        "title": "Korter bewaren dan de sector voor examenwerk aanhoudt",
        "checks": "Een bewaartermijn voor examenwerk en resultaten is korter dan de minimale termijn uit de "
        "tabel van de sector (`dpia.model.law`; mbo en so/vso), of gaat in op een ander moment.",
        "why": "Wie examenwerk te vroeg vernietigt, kan een bezwaar of beroep tegen de uitslag niet meer "
        "behandelen. Adviserend: voor het mbo en het (v)so is de termijn naar analogie van het vo genomen en "
        "is geen wetsartikel nagegaan (de bron zegt '(verify)').",
        "fix": "Zet de bewaartermijn op ten minste de termijn uit de tabel (bijvoorbeeld `duration: P6M`, "
        "`trigger: result`, `minimum: true`), of leg vast waarom de sector een andere termijn kent en accepteer "
        "de bevinding met die reden.",
        "message": "bewaartermijn '{rule}' bewaart '{category}' ({record_type}) {duration} {trigger}; "
        "in de sector ten minste {legal_duration} {legal_trigger} ({source})",
        "reader": "De school bewaart {category} korter dan de wet voor deze sector vraagt: {duration} {trigger}.",
    },
    en={
        "title": "Exam work kept shorter than the sector keeps it",
        "checks": "A retention rule for exam work and results is shorter than the minimum in the sector's table "
        "(`dpia.model.law`; mbo and so/vso), or runs from a different event.",
        "why": "A school that destroys exam work too early can no longer handle an objection or appeal against "
        "the result. Advisory: for mbo and (v)so the period is taken by analogy with vo and no statute article "
        "was verified (the source says '(verify)').",
        "fix": "Set the rule to at least the period in the table (for example `duration: P6M`, `trigger: result`, "
        "`minimum: true`), or record why the sector has another period and accept the finding with that reason.",
        "message": "retention rule '{rule}' keeps '{category}' ({record_type}) {duration} {trigger}; "
        "the sector keeps it at least {legal_duration} {legal_trigger} ({source})",
        "reader": "The school keeps {category} for less time than the law for this sector asks: {duration} {trigger}.",
    },
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
    nl={
        "title": "Verwerker bewaart langer dan de school",
        "checks": "De verwerkersovereenkomst laat de verwerker gegevens langer bewaren dan de eigen bewaartermijn "
        "van de school voor die gegevens, gerekend vanaf hetzelfde moment.",
        "why": "Een verwerker werkt alleen in opdracht van de school en moet de gegevens wissen of teruggeven "
        "als de school dat vraagt. Bewaart hij langer dan de school zelf mag, dan blijven de gegevens bestaan "
        "nadat de school ze had moeten wissen.",
        "fix": "Spreek met de verwerker een termijn af die niet langer is dan die van de school (pas `retention` "
        "in de overeenkomst aan), of pas de eigen bewaartermijn aan als die te kort is.",
        "message": "overeenkomst '{agreement}' laat de verwerker '{category}' {agreement_duration} "
        "{agreement_trigger} bewaren; de school zelf bewaart de gegevens {duration} {trigger} ('{rule}')",
        "reader": "De {agreement} laat de leverancier deze gegevens {agreement_duration} {agreement_trigger} "
        "bewaren: {category}. De school zelf bewaart ze {duration} {trigger}.",
    },
    en={
        "title": "Processor keeps data longer than the school",
        "checks": "The processing agreement lets the processor keep data longer than the school's own retention "
        "rule for that data, counted from the same event.",
        "why": "A processor acts only on the school's instructions and must erase or return the data when the "
        "school requires it. If it keeps data longer than the school itself may, the data outlives the moment "
        "the school had to erase it.",
        "fix": "Agree a period with the processor that is no longer than the school's (change `retention` in "
        "the agreement), or change the school's own rule if that is too short.",
        "message": "agreement '{agreement}' lets the processor keep '{category}' {agreement_duration} "
        "{agreement_trigger}; the school itself keeps it {duration} {trigger} ('{rule}')",
        "reader": "The {agreement} lets the supplier keep this data for {agreement_duration} {agreement_trigger}: "
        "{category}. The school itself keeps it for {duration} {trigger}.",
    },
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
    nl={
        "title": "Verwerker bewaart mogelijk langer dan de school (ander ingangsmoment)",
        "checks": "De termijn in de verwerkersovereenkomst gaat op een ander moment in dan alle bewaartermijnen "
        "van de school voor die gegevens, en is langer dan de langste daarvan.",
        "why": "Als de twee momenten samenvallen (een leerling die in zijn laatste schooljaar op de foto gaat, "
        "een contract dat afloopt als de leerling vertrekt), bewaart de verwerker de gegevens langer dan de "
        "school zelf mag. Adviserend: vallen de momenten nooit samen, dan kan de termijn in de praktijk "
        "korter uitpakken; leg dat dan vast.",
        "fix": "Spreek met de verwerker een termijn af die niet langer is dan die van de school, bij voorkeur vanaf "
        "hetzelfde moment, of leg uit waarom de verwerker in de praktijk niet langer bewaart en accepteer "
        "de bevinding met die reden.",
        "message": "overeenkomst '{agreement}' laat de verwerker '{category}' {agreement_duration} "
        "{agreement_trigger} bewaren; de school bewaart de gegevens ten hoogste {duration} {trigger} "
        "('{rule}'), gerekend vanaf een ander moment",
        "reader": "De {agreement} laat de leverancier deze gegevens {agreement_duration} {agreement_trigger} "
        "bewaren: {category}. De school bewaart ze ten hoogste {duration} {trigger}. Dat kan langer uitvallen.",
    },
    en={
        "title": "Processor may keep data longer than the school (different trigger)",
        "checks": "The period in the processing agreement runs from another event than every retention rule "
        "of the school for that data, and is longer than the longest of them.",
        "why": "When the two events coincide (a pupil photographed in the final year, a contract that ends as "
        "the pupil leaves), the processor keeps the data longer than the school itself may. Advisory: if the "
        "events never coincide the period may turn out shorter in practice; record why.",
        "fix": "Agree a period with the processor that is no longer than the school's, preferably from the same "
        "event, or explain why the processor does not keep the data longer in practice and accept the finding "
        "with that reason.",
        "message": "agreement '{agreement}' lets the processor keep '{category}' {agreement_duration} "
        "{agreement_trigger}; the school keeps it at most {duration} {trigger} ('{rule}'), counted from "
        "a different event",
        "reader": "The {agreement} lets the supplier keep this data for {agreement_duration} {agreement_trigger}: "
        "{category}. The school keeps it for at most {duration} {trigger}. That may turn out longer.",
    },
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
    nl={
        "title": "Bewaartermijn zonder bron",
        "checks": "Een bewaartermijn voor een soort schoolgegevens waarvoor de wet of de sector een termijn kent, "
        "noemt niet waar die termijn vandaan komt (`legal_source`).",
        "why": "De school moet kunnen laten zien waarom zij gegevens zo lang bewaart (verantwoordingsplicht). Bij "
        "gegevens met een wettelijke of gebruikelijke termijn hoort de bron erbij, zodat een wijziging in de "
        "wet opvalt.",
        "fix": "Vul `legal_source` in bij de bewaartermijn, bijvoorbeeld met de bron uit de tabel in `dpia.model.law`.",
        "message": "bewaartermijn '{rule}' voor '{category}' ({record_type}) noemt geen bron; zie {source}",
        "reader": "Bij de {rule} staat niet op welke wet of regel die termijn steunt.",
    },
    en={
        "title": "Retention rule without its source",
        "checks": "A retention rule for a kind of school record whose period the law or the sector fixes does "
        "not say where the period comes from (`legal_source`).",
        "why": "The school must be able to show why it keeps data this long (accountability). For records with "
        "a statutory or customary period the source belongs with it, so a change in the law is noticed.",
        "fix": "Set `legal_source` on the retention rule, for example to the source in the table in `dpia.model.law`.",
        "message": "retention rule '{rule}' for '{category}' ({record_type}) names no source; see {source}",
        "reader": "The {rule} does not say which law or rule sets that period.",
    },
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
    nl={
        "title": "Opvallend lange bewaartermijn voor leerlinggegevens",
        "checks": f"Een bewaartermijn voor gegevens over leerlingen is langer dan {LONG_RETENTION} (tien jaar). "
        "Gegevens over leerlingen: categorieën in een gegevensstroom over leerlingen, soorten schoolgegevens "
        "(`record_type`) en doelen die zulke gegevens gebruiken.",
        "why": "Geen enkele termijn uit de tabellen per sector (`dpia.model.law`) komt boven vijf jaar na "
        "uitschrijving. Een termijn van meer dan tien jaar komt in de praktijk neer op altijd bewaren. "
        "Adviserend: een school kan een reden hebben (bijvoorbeeld een diplomakopie), maar die moet dan "
        "worden vastgelegd.",
        "fix": "Kort de termijn in tot wat het doel echt vraagt, of noem de wettelijke bron in `legal_source` "
        "en accepteer de bevinding met de reden.",
        "message": "bewaartermijn '{rule}' bewaart {target} {duration} {trigger}; dat is langer dan tien jaar",
        "reader": "De school bewaart {target} {duration} {trigger}. Dat is langer dan tien jaar.",
    },
    en={
        "title": "Suspiciously long retention for pupil data",
        "checks": f"A retention rule for data about pupils is longer than {LONG_RETENTION} (ten years). Data "
        "about pupils: categories in a flow about pupils, kinds of school record (`record_type`), and purposes "
        "that use such data.",
        "why": "No period in the sector tables (`dpia.model.law`) goes beyond five years after the pupil leaves. "
        "More than ten years amounts to keeping the data forever. Advisory: a school may have a reason (a copy "
        "of the diploma, say), but it must be recorded.",
        "fix": "Shorten the period to what the purpose really needs, or cite the statute in `legal_source` and "
        "accept the finding with the reason.",
        "message": "retention rule '{rule}' keeps {target} {duration} {trigger}; that is more than ten years",
        "reader": "The school keeps {target} for {duration} {trigger}. That is more than ten years.",
    },
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
    nl={
        "title": "Alleen een minimale bewaartermijn, geen einde",
        "checks": "Voor een gegevenscategorie zijn alle bewaartermijnen minimumtermijnen (`minimum: true`): er "
        "staat nergens wanneer de gegevens uiterlijk worden gewist.",
        "why": "Een minimumtermijn zegt hoe lang de school iets ten minste moet bewaren, bijvoorbeeld "
        "examenwerk zes maanden na de uitslag. Daarna moeten de gegevens ook weer weg (opslagbeperking). "
        "Zonder einde blijven ze in de praktijk staan.",
        "fix": "Voeg een tweede bewaartermijn toe zonder `minimum`, die zegt wanneer de gegevens uiterlijk "
        "worden gewist, bijvoorbeeld `duration: P1Y`, `trigger: result`.",
        "message": "'{category}' heeft alleen een minimale bewaartermijn ({rules}); er staat niet wanneer de gegevens uiterlijk worden gewist",
        "reader": "Voor {category} staat alleen hoe lang de school de gegevens minstens bewaart. Er staat niet "
        "wanneer ze uiterlijk worden gewist.",
    },
    en={
        "title": "Only a minimum retention period, no end",
        "checks": "Every retention rule for a data category is a minimum (`minimum: true`): nothing says when the "
        "data is erased at the latest.",
        "why": "A minimum says how long the school must at least keep something, such as exam work six months "
        "after the result. After that the data must go (storage limitation); without an end it stays in "
        "practice.",
        "fix": "Add a second retention rule without `minimum` that says when the data is erased at the latest, "
        "for example `duration: P1Y`, `trigger: result`.",
        "message": "'{category}' has only a minimum retention period ({rules}); nothing says when it is erased at the latest",
        "reader": "For {category}, the register only says how long the school keeps the data at least. It does not "
        "say when it is deleted at the latest.",
    },
)
def retention_minimum_without_end(ctx: Context) -> Iterable[Hit]:
    applicable = _applicable(ctx)
    if applicable.empty:
        return []
    applicable = applicable.assign(minimum=applicable["minimum"].astype(bool))
    per = applicable.groupby("category").agg(all_minimum=("minimum", "all"), rules=("rule", id_list)).reset_index()
    bad = per[per["all_minimum"]].sort_values("category")
    return hits_from(bad, ["category"], {"category": "category", "rules": "rules"})
