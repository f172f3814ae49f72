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
    nl={
        "title": "Overeenkomst die geen gegevensstroom dekt",
        "checks": "Geen enkele gegevensstroom noemt de overeenkomst, en er gaat geen stroom naar een partij uit de "
        "overeenkomst of naar een systeem dat zo'n partij beheert.",
        "why": "Het verwerkingsregister moet de werkelijkheid beschrijven. Een overeenkomst zonder stroom is "
        "verouderd (de leverancier is vervangen), of er ontbreekt een gegevensstroom in het register.",
        "fix": "Voeg de ontbrekende gegevensstroom toe, of verwijder de overeenkomst uit het register (en zeg haar "
        "op als de verwerker de gegevens nog heeft: laat ze wissen of teruggeven).",
        "message": "overeenkomst '{agreement}' met {parties} dekt geen enkele gegevensstroom",
        "reader": "De {agreement} hoort bij geen enkele gegevensstroom. Misschien is die overeenkomst niet meer "
        "nodig.",
    },
    en={
        "title": "Agreement that covers no flow",
        "checks": "No flow names the agreement, and no flow goes to a party of the agreement or to a system such "
        "a party runs.",
        "why": "The record of processing must describe reality. An agreement without a flow is stale (the "
        "supplier was replaced), or a flow is missing from the register.",
        "fix": "Add the missing flow, or remove the agreement from the register (and end it if the processor "
        "still holds data: have it erased or returned).",
        "message": "agreement '{agreement}' with {parties} covers no flow",
        "reader": "The {agreement} belongs to no data flow. Perhaps the agreement is no longer needed.",
    },
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
    nl={
        "title": "Partij zonder gegevensstroom",
        "checks": "Geen gegevensstroom komt bij de partij aan of vertrekt er; de partij beheert ook geen systeem "
        "dat in een stroom voorkomt, en is geen toegestane subverwerker van een verwerker die in gebruik is.",
        "why": "Het verwerkingsregister moet vermelden aan wie gegevens worden verstrekt, en niet meer dan dat. "
        "Een partij zonder stroom is verouderd (een geannuleerde reis), of er ontbreekt een stroom in het "
        "register.",
        "fix": "Voeg de ontbrekende gegevensstroom toe, of verwijder de partij (en wat alleen bij haar hoort, "
        "zoals een overeenkomst) uit het register.",
        "message": "partij '{party}' ({role}) komt in geen enkele gegevensstroom voor",
        "reader": "{party} ({role}) staat in het register, maar krijgt geen gegevens.",
    },
    en={
        "title": "Party without a flow",
        "checks": "No flow reaches or leaves the party; it runs no system that a flow uses, and it is no permitted "
        "sub-processor of a processor in use.",
        "why": "The record of processing must state to whom data is disclosed, and no more. A party without a "
        "flow is stale (a cancelled trip), or a flow is missing from the register.",
        "fix": "Add the missing flow, or remove the party (and whatever belongs only to it, such as an "
        "agreement) from the register.",
        "message": "party '{party}' ({role}) appears in no flow",
        "reader": "{party} ({role}) is in the register, but receives no data.",
    },
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
    nl={
        "title": "Doel zonder gegevensstroom",
        "checks": "Geen enkele gegevensstroom noemt het doel.",
        "why": "Het verwerkingsregister beschrijft de doelen waarvoor de school gegevens echt verwerkt. Een doel "
        "zonder stroom is verouderd, of er ontbreekt een stroom (of het doel bij een stroom).",
        "fix": "Noem het doel bij de stromen die ervoor dienen, of verwijder het doel (en de toestemmingsregeling "
        "of bewaartermijn die er alleen voor bestaat).",
        "message": "doel '{purpose}' wordt door geen enkele gegevensstroom gebruikt",
        "reader": "Het doel {purpose} wordt bij geen enkele gegevensstroom gebruikt.",
    },
    en={
        "title": "Purpose without a flow",
        "checks": "No flow names the purpose.",
        "why": "The record of processing describes the purposes for which the school really processes data. A "
        "purpose without a flow is stale, or a flow (or the purpose on a flow) is missing.",
        "fix": "Name the purpose on the flows that serve it, or remove it (and any consent arrangement or "
        "retention rule that exists only for it).",
        "message": "purpose '{purpose}' is used by no flow",
        "reader": "The purpose {purpose} is not used by any data flow.",
    },
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
    nl={
        "title": "Gegevenscategorie die in geen stroom voorkomt",
        "checks": "Geen enkele gegevensstroom bevat de gegevenscategorie.",
        "why": "Het verwerkingsregister noemt de categorieën persoonsgegevens die de school verwerkt. Een "
        "categorie zonder stroom wordt niet (meer) verwerkt, of de stroom die haar bevat ontbreekt.",
        "fix": "Voeg de categorie toe aan de stromen die haar bevatten, of verwijder haar uit het register.",
        "message": "gegevenscategorie '{category}' komt in geen enkele gegevensstroom voor",
        "reader": "Deze gegevens gaan in geen enkele gegevensstroom mee: {category}.",
    },
    en={
        "title": "Data category no flow carries",
        "checks": "No flow carries the data category.",
        "why": "The record of processing names the categories of personal data the school processes. A category "
        "without a flow is not (or no longer) processed, or the flow carrying it is missing.",
        "fix": "Add the category to the flows that carry it, or remove it from the register.",
        "message": "data category '{category}' is carried by no flow",
        "reader": "This data is not part of any data flow: {category}.",
    },
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
    nl={
        "title": "Systeem zonder gegevensstroom",
        "checks": "Geen enkele gegevensstroom gaat naar het systeem of komt eruit.",
        "why": "Het register hoort te laten zien welke gegevens in welk systeem staan. Een systeem zonder stroom "
        "is uitgefaseerd, of de stromen ernaartoe ontbreken; dan weet niemand welke gegevens erin staan.",
        "fix": "Voeg de stromen van en naar het systeem toe, of verwijder het systeem (met de toegangsrollen en "
        "maatregelen die alleen daarvoor gelden) als het niet meer wordt gebruikt.",
        "message": "systeem '{system}' (beheerd door '{operator}') komt in geen enkele gegevensstroom voor",
        "reader": "{system} van {operator} komt in geen enkele gegevensstroom voor.",
    },
    en={
        "title": "System no flow touches",
        "checks": "No flow goes into or out of the system.",
        "why": "The register should show which data lives in which system. A system without flows is retired, "
        "or its flows are missing, and then nobody knows what data it holds.",
        "fix": "Add the flows into and out of the system, or remove it (with the access roles and measures that "
        "apply only to it) if it is no longer used.",
        "message": "system '{system}' (run by '{operator}') appears in no flow",
        "reader": "{system}, run by {operator}, appears in no data flow.",
    },
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
    nl={
        "title": "Groep betrokkenen zonder gegevensstroom",
        "checks": "Geen enkele gegevensstroom noemt de groep betrokkenen (onder `subjects`) of vertrekt bij hen.",
        "why": "Het verwerkingsregister beschrijft over wie gegevens worden verwerkt. Een groep die in geen "
        "stroom voorkomt, is verouderd, of bij de stromen staat niet over wie ze gaan; dan valt bijvoorbeeld "
        "niet na te gaan wie toestemming moet geven.",
        "fix": "Noem de groep bij de stromen die over hen gaan, of verwijder de groep uit het register.",
        "message": "groep betrokkenen '{subject}' komt in geen enkele gegevensstroom voor",
        "reader": "Over de groep {subject} gaat geen enkele gegevensstroom.",
    },
    en={
        "title": "Group of data subjects without a flow",
        "checks": "No flow names the group of data subjects (under `subjects`) or starts from them.",
        "why": "The record of processing describes whose data is processed. A group in no flow is stale, or "
        "the flows do not say whom they concern, and then nobody can tell, for example, who must consent.",
        "fix": "Name the group on the flows that concern them, or remove it from the register.",
        "message": "group of data subjects '{subject}' appears in no flow",
        "reader": "No data flow is about the group {subject}.",
    },
)
def subject_category_unused(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    named = pd.concat([t.flow_subjects["subject"], t.flows["src"]])
    unused = t.subjects[~t.subjects["subject"].isin(named.unique())].sort_values("subject")
    return hits_from(unused, ["subject"], {"subject": "subject"})
