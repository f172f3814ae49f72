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
    nl={
        "title": "BSN naar een andere partij zonder wettelijke grondslag",
        "checks": "Een gegevensstroom brengt het burgerservicenummer (of een ander wettelijk voorgeschreven "
        "nummer) naar een partij buiten de school, terwijl geen van de doelen van die stroom een wettelijke "
        "plicht of publieke taak is, met wetsartikel, die dat nummer nodig heeft. Een stroom naar het "
        "openbare internet is altijd een bevinding.",
        "why": "Een nummer dat de wet voorschrijft, zoals het BSN, mag alleen worden gebruikt om die wet uit "
        "te voeren (UAVG art. 46). De school gebruikt het BSN als persoonsgebonden nummer (PGN) voor de "
        "meldingen aan DUO (BRON) en het verzuimregister. Een fotograaf, uitgeverij, museum of busbedrijf "
        "heeft het BSN nooit nodig; uitgeverijen krijgen een ECK-iD in plaats van het BSN.",
        "fix": "Haal het BSN uit de stroom (bijvoorbeeld uit de standaardexport van het "
        "leerlingadministratiesysteem). Als een wet het gebruik echt voorschrijft: geef de stroom een doel "
        "met grondslag wettelijke plicht of publieke taak, vul `legal_source` in en zet het BSN in de "
        "`needs` van dat doel.",
        "message": "gegevensstroom '{flow}' brengt {categories} naar '{dst}' ({role}) zonder doel waarvoor de "
        "wet dit nummer voorschrijft (doelen: {purposes})",
        "reader": "{dst} krijgt dit nummer: {categories}. Geen wet schrijft voor dat deze partij het krijgt.",
    },
    en={
        "title": "BSN sent to another party without a statutory basis",
        "checks": "A flow carries the citizen service number (or another number prescribed by law) to a party "
        "outside the school, while none of the flow's purposes is a legal obligation or public task, with "
        "its statute, that needs the number. A flow to the public internet is always a finding.",
        "why": "A number prescribed by law, such as the BSN, may be used only to carry out that law (UAVG art. "
        "46). The school uses the BSN as the persoonsgebonden nummer (PGN) for its reports to DUO (BRON) and "
        "the absence register. A photographer, publisher, museum or bus company never needs the BSN; "
        "publishers get an ECK-iD instead.",
        "fix": "Remove the BSN from the flow (for example from the standard export of the pupil "
        "administration). If a statute really requires it: give the flow a purpose with the basis legal "
        "obligation or public task, set `legal_source`, and put the BSN in that purpose's `needs`.",
        "message": "flow '{flow}' carries {categories} to '{dst}' ({role}) without a purpose for which the law "
        "prescribes the number (purposes: {purposes})",
        "reader": "{dst} receives this number: {categories}. No law says this party must get it.",
    },
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
    nl={
        "title": "Bijzondere persoonsgegevens zonder uitzondering",
        "checks": "Een gegevensstroom bevat bijzondere persoonsgegevens (zoals gezondheidsgegevens), maar "
        "geen van de doelen van die stroom noemt een uitzondering op het verwerkingsverbod (`art9_exception`).",
        "why": "Bijzondere persoonsgegevens, zoals gegevens over gezondheid, godsdienst of etnische afkomst, "
        "mogen alleen worden verwerkt als een uitzondering van AVG art. 9 lid 2 geldt, vaak uitgewerkt in "
        "UAVG art. 22–30. Zorggegevens van zorgleerlingen (diagnoses, onderzoeksrapporten) zijn meestal "
        "gezondheidsgegevens. Een grondslag uit art. 6 alleen is niet genoeg.",
        "fix": "Vul bij het doel `art9_exception` in (het punt van art. 9 lid 2 en het UAVG-artikel, "
        "bijvoorbeeld 'UAVG art. 30 lid 3 onder a' voor de speciale begeleiding van leerlingen), of haal de "
        "bijzondere gegevens uit de stroom.",
        "message": "gegevensstroom '{flow}' naar '{dst}' bevat bijzondere persoonsgegevens ({categories}), "
        "maar geen van de doelen ({purposes}) noemt een uitzondering van art. 9 lid 2",
        "reader": "{dst} krijgt bijzondere gegevens: {categories}. Er staat niet op welke uitzondering in de wet dit "
        "steunt.",
    },
    en={
        "title": "Special-category data without an exception",
        "checks": "A flow carries special-category data (such as health data), but none of the flow's purposes "
        "names an exception to the prohibition (`art9_exception`).",
        "why": "Special-category data, such as data about health, religion or ethnic origin, may be processed "
        "only under an exception of GDPR Art. 9(2), often worked out in UAVG arts. 22–30. Care data about "
        "pupils with extra support (diagnoses, research reports) is usually health data. An Art. 6 basis "
        "alone is not enough.",
        "fix": "Set `art9_exception` on the purpose (the point of Art. 9(2) and the UAVG article, for example "
        "'UAVG art. 30 lid 3 onder a' for the special guidance of pupils), or remove the special data from "
        "the flow.",
        "message": "flow '{flow}' to '{dst}' carries special-category data ({categories}), but none of its "
        "purposes ({purposes}) names an Art. 9(2) exception",
        "reader": "{dst} receives special data: {categories}. The register does not say which legal exception allows "
        "this.",
    },
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
    nl={
        "title": "Bijzondere persoonsgegevens zichtbaar buiten het zorgteam",
        "checks": "Een toegangsrol die niet tot het zorgteam hoort (`care_team` is niet `true`), kan "
        "bijzondere persoonsgegevens lezen of wijzigen.",
        "why": "Zorggegevens horen alleen bij de mensen die de extra ondersteuning regelen: de "
        "zorgcoördinator en het zorgteam. De Autoriteit Persoonsgegevens vond in 2018 dat in een "
        "leerlingvolgsysteem alle medewerkers de gegevens van alle leerlingen konden zien, en eiste "
        "toegang per rol. Voor bijzondere persoonsgegevens weegt dat extra zwaar (AVG art. 9 en art. 32).",
        "fix": "Neem de bijzondere categorieën uit `read` en `write` van deze rol (in het systeem: schermt "
        "het zorgdossier af). Hoort de rol echt bij het zorgteam, zet dan `care_team: true` en leg in "
        "`reason` uit waarom.",
        "message": "toegangsrol '{access_role}' in '{system}' hoort niet bij het zorgteam, maar kan bijzondere "
        "persoonsgegevens inzien of wijzigen: {categories}",
        "reader": "Medewerkers met de rol {access_role} in {system} kunnen deze gegevens inzien: {categories}. Zij horen niet bij "
        "het zorgteam.",
    },
    en={
        "title": "Special-category data readable outside the care team",
        "checks": "An access role that is not part of the care team (`care_team` is not `true`) can read or "
        "change special-category data.",
        "why": "Care data belongs with the people who organise the extra support: the care coordinator and "
        "the care team (zorgteam). In 2018 the Dutch DPA (Autoriteit Persoonsgegevens) found that a pupil "
        "monitoring system let all staff see all pupils' data, and required role-based access. For "
        "special-category data this weighs even more (GDPR Art. 9 and Art. 32).",
        "fix": "Remove the special categories from the role's `read` and `write` (in the system: shield the "
        "care file). If the role really belongs to the care team, set `care_team: true` and explain why in "
        "`reason`.",
        "message": "access role '{access_role}' in '{system}' is not part of the care team but can read or "
        "change special-category data: {categories}",
        "reader": "Staff with the role {access_role} in {system} can see this data: {categories}. They are not part of the care "
        "team.",
    },
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
    nl={
        "title": "Strafrechtelijke gegevens zonder wettelijke bron",
        "checks": "Een gegevensstroom bevat strafrechtelijke gegevens, maar geen van de doelen noemt een "
        "wettelijke bron (`legal_source`).",
        "why": "Gegevens over strafrechtelijke veroordelingen en strafbare feiten (bijvoorbeeld een melding "
        "bij de politie of een verklaring omtrent het gedrag) mogen alleen worden verwerkt als het "
        "Unierecht of het Nederlandse recht dat toestaat (AVG art. 10); de UAVG (art. 31–33) noemt de "
        "gevallen. Adviserend: sommige uitzonderingen van UAVG art. 33 zijn geen wettelijke plicht maar "
        "bijvoorbeeld uitdrukkelijke toestemming; noem dan dat UAVG-artikel als bron.",
        "fix": "Vul bij het doel `legal_source` in met de wet of het UAVG-artikel dat de verwerking toestaat, "
        "of haal de strafrechtelijke gegevens uit de stroom.",
        "message": "gegevensstroom '{flow}' naar '{dst}' bevat strafrechtelijke gegevens ({categories}) zonder "
        "doel met een wettelijke bron (doelen: {purposes})",
        "reader": "{dst} krijgt gegevens over strafbare feiten: {categories}. Er staat geen wet bij die dit toestaat.",
    },
    en={
        "title": "Criminal data without a legal source",
        "checks": "A flow carries data about criminal convictions or offences, but none of its purposes names "
        "a legal source (`legal_source`).",
        "why": "Data about criminal convictions and offences (a police report, say, or a certificate of "
        "conduct, VOG) may be processed only where Union or Dutch law authorises it (GDPR Art. 10); UAVG "
        "arts. 31–33 list the cases. Advisory: some exceptions of UAVG art. 33 are not a statutory duty but, "
        "for example, explicit consent; then name that UAVG article as the source.",
        "fix": "Set `legal_source` on the purpose to the statute or UAVG article that allows the processing, "
        "or remove the criminal data from the flow.",
        "message": "flow '{flow}' to '{dst}' carries criminal data ({categories}) without a purpose that names "
        "a legal source (purposes: {purposes})",
        "reader": "{dst} receives data about criminal offences: {categories}. No law is named that allows this.",
    },
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
    nl={
        "title": "Bijzondere of strafrechtelijke gegevens openbaar gemaakt",
        "checks": "Een gegevensstroom naar het publiek (internet, de openbare website) bevat bijzondere of "
        "strafrechtelijke persoonsgegevens.",
        "why": "Geen enkele uitzondering van AVG art. 9 lid 2 of art. 10 geeft een school het recht om "
        "gezondheidsgegevens, geloof, afkomst of strafrechtelijke gegevens van leerlingen, ouders of "
        "medewerkers voor iedereen zichtbaar te maken. Wat eenmaal op internet staat, is niet meer terug "
        "te halen.",
        "fix": "Haal deze gegevens uit de stroom naar het publiek en van de website. Controleer ook foto's "
        "en bijschriften die iets over gezondheid of geloof verraden.",
        "message": "gegevensstroom '{flow}' maakt bijzondere of strafrechtelijke gegevens openbaar via '{dst}': {categories}",
        "reader": "Via {dst} worden deze gegevens openbaar: {categories}. Zulke gevoelige gegevens mogen niet openbaar "
        "worden.",
    },
    en={
        "title": "Special-category or criminal data published",
        "checks": "A flow to the public (the internet, the public website) carries special-category or "
        "criminal data.",
        "why": "No exception of GDPR Art. 9(2) or Art. 10 allows a school to make the health, religion, origin "
        "or criminal record of pupils, parents or staff visible to everyone. Once on the internet, it cannot "
        "be taken back.",
        "fix": "Remove this data from the flow to the public and from the website. Check photos and captions "
        "that reveal health or religion too.",
        "message": "flow '{flow}' makes special-category or criminal data public through '{dst}': {categories}",
        "reader": "Through {dst}, this data becomes public: {categories}. Such sensitive data may not be made public.",
    },
)
def special_or_criminal_data_published(ctx: Context) -> Iterable[Hit]:
    pairs = flows_carrying(ctx, ["special", "criminal"])
    bad = pairs[pairs["dst_role"] == "public"]
    if bad.empty:
        return []
    return hits_from(per_flow(bad, ["dst"]), ["flow"], {"flow": "flow", "dst": "dst", "categories": "categories"})
