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
    nl={
        "title": "Doel op basis van toestemming zonder toestemmingsregeling",
        "checks": "Een doel steunt op toestemming en wordt door een gegevensstroom gebruikt, maar er is geen "
        "toestemmingsregeling voor dat doel (sectie `consents`).",
        "why": "Wie op toestemming steunt, moet kunnen aantonen dat toestemming is gegeven (AVG art. 7 lid 1). "
        "Daarvoor moet vastliggen hoe de school toestemming vraagt, wie toestemming geeft, waar dat wordt "
        "vastgelegd en hoe iemand haar weer intrekt. Zwijgen is nooit toestemming.",
        "fix": "Voeg onder `consents` een regeling toe voor dit doel, met `given_by`, `recorded_in` of "
        "`how_recorded` en `withdrawal`.",
        "message": "doel '{purpose}' steunt op toestemming, maar heeft geen toestemmingsregeling (gebruikt door {flows})",
        "reader": "Voor het doel {purpose} vraagt de school toestemming. Maar er is niet vastgelegd hoe de school die"
        " toestemming vraagt en bijhoudt.",
    },
    en={
        "title": "Consent-based purpose without a consent arrangement",
        "checks": "A purpose relies on consent and a flow uses it, but there is no consent arrangement for "
        "it (section `consents`).",
        "why": "A controller relying on consent must be able to show that consent was given (GDPR Art. 7(1)). "
        "That needs a fixed way to ask, to know who consents, to record it and to withdraw it. Silence is "
        "never consent.",
        "fix": "Add an arrangement for this purpose under `consents`, with `given_by`, `recorded_in` or "
        "`how_recorded`, and `withdrawal`.",
        "message": "purpose '{purpose}' relies on consent but has no consent arrangement (used by {flows})",
        "reader": "The school asks consent for the purpose {purpose}. But it is not recorded how the school asks for "
        "and keeps that consent.",
    },
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
    nl={
        "title": "Openbaar maken zonder toestemming",
        "checks": "Een gegevensstroom naar het publiek (internet, de openbare website) heeft geen doel dat op "
        "toestemming steunt én een toestemmingsregeling heeft.",
        "why": "Voor foto's en video's van leerlingen op internet is toestemming nodig: van een ouder of "
        "verzorger onder de 16, van de leerling zelf vanaf 16 (Autoriteit Persoonsgegevens over "
        "schoolfoto's). Een publieke taak dekt publicatie voor iedereen niet, en wat op internet staat is "
        "moeilijk terug te halen.",
        "fix": "Geef de stroom een doel met grondslag toestemming en leg onder `consents` vast hoe die "
        "toestemming wordt gevraagd en ingetrokken; publiceer alleen beelden van wie toestemming gaf.",
        "message": "gegevensstroom '{flow}' maakt {categories} openbaar via '{dst}' zonder doel met een "
        "toestemmingsregeling (doelen: {purposes})",
        "reader": "Via {dst} worden deze gegevens openbaar: {categories}. Er is geen regeling om daar toestemming voor "
        "te vragen.",
    },
    en={
        "title": "Publication without consent",
        "checks": "A flow to the public (the internet, the public website) has no purpose that relies on "
        "consent and has a consent arrangement.",
        "why": "Photos and videos of pupils on the internet need consent: from a parent or guardian under 16, "
        "from the pupil from 16 (Dutch DPA on school photos). A public task does not cover publication to "
        "everyone, and what is on the internet is hard to take back.",
        "fix": "Give the flow a purpose with the basis consent and record under `consents` how consent is "
        "asked and withdrawn; publish only images of those who consented.",
        "message": "flow '{flow}' makes {categories} public through '{dst}' without a purpose that has a consent "
        "arrangement (purposes: {purposes})",
        "reader": "Through {dst}, this data becomes public: {categories}. There is no arrangement to ask consent for "
        "this.",
    },
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
    nl={
        "title": "Verkeerde persoon geeft toestemming",
        "checks": "Een toestemmingsregeling laat een leerling jonger dan 16 zelf toestemming geven, of laat "
        "een ouder toestemming geven voor een leerling van 18 of ouder.",
        "why": "Onder de 16 geeft een ouder of verzorger toestemming in plaats van de leerling (UAVG art. 5 "
        "lid 1; zie ook AVG art. 8). Een leerling van 18 is meerderjarig en beslist zelf; een ouder kan "
        "dan niet meer voor hem of haar toestemming geven. Toestemming van de verkeerde persoon is geen "
        "geldige toestemming. (De precieze tekst van UAVG art. 5 staat in onze domeinbeschrijving nog als "
        "'te controleren' gemarkeerd; de leeftijdsgrens van 16 en de meerderjarigheid op 18 staan niet ter "
        "discussie.)",
        "fix": "Zet in `given_by` bij `under_16` de waarde `parent` en bij `18_plus` de waarde `pupil`, en vraag "
        "de toestemming opnieuw aan de juiste persoon.",
        "message": "toestemmingsregeling '{consent}' (doel '{purpose}') laat voor leerlingen van {band} jaar de "
        "verkeerde persoon toestemming geven ({subjects}): onder de 16 geeft een ouder toestemming, vanaf 18 "
        "de leerling zelf",
        "reader": "Bij de {consent} geeft de verkeerde persoon toestemming voor {subjects}. Onder de 16 beslist een "
        "ouder, vanaf 18 de leerling zelf.",
    },
    en={
        "title": "Wrong person gives consent",
        "checks": "A consent arrangement lets a pupil under 16 consent alone, or lets a parent consent for a "
        "pupil of 18 or over.",
        "why": "Under 16 a parent or guardian consents instead of the pupil (UAVG art. 5(1); see also GDPR "
        "Art. 8). A pupil of 18 is an adult and decides alone; a parent can no longer consent for them. "
        "Consent from the wrong person is not valid consent. (Our domain notes still mark the exact wording "
        "of UAVG art. 5 as 'to verify'; the age limit of 16 and adulthood at 18 are not in doubt.)",
        "fix": "Set `given_by` to `parent` for `under_16` and to `pupil` for `18_plus`, and ask the right person "
        "for consent again.",
        "message": "consent arrangement '{consent}' (purpose '{purpose}') lets the wrong person consent for "
        "pupils aged {band} ({subjects}): under 16 a parent consents, from 18 the pupil",
        "reader": "In the {consent}, the wrong person consents for {subjects}. Under 16 a parent decides; from 18 the"
        " pupil decides.",
    },
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
    nl={
        "title": "Ouder geeft toestemming voor een leerling van 16 of 17",
        "checks": "Een toestemmingsregeling laat een ouder toestemming geven voor leerlingen van 16 en 17 jaar.",
        "why": "Alleen onder de 16 geeft de wettelijk vertegenwoordiger toestemming in plaats van de leerling "
        "(UAVG art. 5 lid 1). Vanaf 16 geeft de leerling dus zelf toestemming; de Autoriteit "
        "Persoonsgegevens zegt dat ook over schoolfoto's. Adviserend: de precieze tekst van UAVG art. 5 is "
        "in onze domeinbeschrijving nog niet gecontroleerd. Ouders mogen natuurlijk wel meelezen.",
        "fix": "Zet in `given_by` bij `16_to_17` de waarde `pupil` en vraag leerlingen van 16 en 17 zelf om "
        "toestemming.",
        "message": "toestemmingsregeling '{consent}' (doel '{purpose}') laat een ouder toestemming geven voor "
        "leerlingen van 16 en 17 ({subjects}); vanaf 16 geeft de leerling zelf toestemming",
        "reader": "Bij de {consent} geeft een ouder toestemming voor {subjects}. Vanaf 16 jaar beslist de leerling "
        "zelf.",
    },
    en={
        "title": "Parent consents for a pupil aged 16 or 17",
        "checks": "A consent arrangement lets a parent consent for pupils aged 16 and 17.",
        "why": "Only under 16 does the legal representative consent instead of the pupil (UAVG art. 5(1)). "
        "From 16 the pupil therefore consents; the Dutch DPA says so for school photos too. Advisory: the "
        "exact wording of UAVG art. 5 has not yet been verified in our domain notes. Parents may of course "
        "be kept informed.",
        "fix": "Set `given_by` to `pupil` for `16_to_17` and ask pupils of 16 and 17 for consent themselves.",
        "message": "consent arrangement '{consent}' (purpose '{purpose}') lets a parent consent for pupils aged "
        "16 and 17 ({subjects}); from 16 the pupil consents",
        "reader": "In the {consent}, a parent consents for {subjects}. From the age of 16 the pupil decides.",
    },
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
    nl={
        "title": "Niet vastgelegd wie toestemming geeft",
        "checks": "De gegevensstromen van een doel op basis van toestemming betreffen leerlingen van een "
        "leeftijdsgroep waarvoor de toestemmingsregeling niet zegt wie toestemming geeft.",
        "why": "Of een ouder of de leerling toestemming geeft, hangt af van de leeftijd (UAVG art. 5 lid 1). "
        "Staat niet vast wie het doet, dan kan de school niet aantonen dat geldige toestemming is gegeven "
        "(AVG art. 7 lid 1).",
        "fix": "Vul `given_by` aan voor deze leeftijdsgroep: `parent` onder de 16, `pupil` vanaf 16.",
        "message": "toestemmingsregeling '{consent}' (doel '{purpose}') zegt niet wie toestemming geeft voor "
        "leerlingen van {band} jaar ({subjects})",
        "reader": "Bij de {consent} staat niet wie toestemming geeft voor {subjects}.",
    },
    en={
        "title": "Not recorded who consents",
        "checks": "The flows of a consent-based purpose concern pupils of an age band for which the consent "
        "arrangement does not say who consents.",
        "why": "Whether a parent or the pupil consents depends on age (UAVG art. 5(1)). Without it the school "
        "cannot show that valid consent was given (GDPR Art. 7(1)).",
        "fix": "Complete `given_by` for this age band: `parent` under 16, `pupil` from 16.",
        "message": "consent arrangement '{consent}' (purpose '{purpose}') does not say who consents for pupils "
        "aged {band} ({subjects})",
        "reader": "The {consent} does not say who consents for {subjects}.",
    },
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
    nl={
        "title": "Toestemming zonder manier om in te trekken",
        "checks": "Een toestemmingsregeling beschrijft niet hoe iemand zijn toestemming intrekt (`withdrawal`).",
        "why": "Toestemming kan altijd worden ingetrokken, en intrekken moet even makkelijk zijn als "
        "toestemming geven (AVG art. 7 lid 3). Ouders en leerlingen moeten weten hoe dat gaat, en de "
        "school moet weten wat zij daarna doet (bijvoorbeeld foto's van de website halen).",
        "fix": "Beschrijf in `withdrawal` hoe en waar iemand toestemming intrekt en wat de school daarna doet.",
        "message": "toestemmingsregeling '{consent}' (doel '{purpose}') beschrijft niet hoe toestemming wordt ingetrokken",
        "reader": "Bij de {consent} staat niet hoe iemand de toestemming weer intrekt.",
    },
    en={
        "title": "Consent without a way to withdraw it",
        "checks": "A consent arrangement does not describe how consent is withdrawn (`withdrawal`).",
        "why": "Consent can be withdrawn at any time, and withdrawing must be as easy as giving it (GDPR "
        "Art. 7(3)). Parents and pupils need to know how, and the school needs to know what it does next "
        "(take photos off the website, say).",
        "fix": "Describe in `withdrawal` how and where consent is withdrawn and what the school does next.",
        "message": "consent arrangement '{consent}' (purpose '{purpose}') does not describe how consent is withdrawn",
        "reader": "The {consent} does not say how someone withdraws consent.",
    },
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
    nl={
        "title": "Niet vastgelegd waar toestemming wordt bijgehouden",
        "checks": "Een toestemmingsregeling zegt niet in welk systeem (`recorded_in`) of op welke manier "
        "(`how_recorded`) de gegeven toestemming wordt vastgelegd.",
        "why": "De school moet per leerling kunnen aantonen dat en door wie toestemming is gegeven (AVG art. 7 "
        "lid 1). Zonder vastlegging weet ook de medewerker die een foto plaatst niet wie wel en wie niet "
        "in beeld mag.",
        "fix": "Vul `recorded_in` in (bijvoorbeeld het leerlingadministratiesysteem) of beschrijf in "
        "`how_recorded` hoe de toestemming wordt bewaard.",
        "message": "toestemmingsregeling '{consent}' (doel '{purpose}') zegt niet waar of hoe de toestemming wordt vastgelegd",
        "reader": "Bij de {consent} staat niet waar de school de toestemming bijhoudt.",
    },
    en={
        "title": "Not recorded where consent is kept",
        "checks": "A consent arrangement says neither in which system (`recorded_in`) nor how (`how_recorded`) "
        "consent is recorded.",
        "why": "The school must be able to show, per pupil, that consent was given and by whom (GDPR Art. 7(1)). "
        "Without a record even the staff member posting a photo cannot tell who may appear in it.",
        "fix": "Set `recorded_in` (the pupil administration, for example) or describe in `how_recorded` how "
        "consent is kept.",
        "message": "consent arrangement '{consent}' (purpose '{purpose}') does not say where or how consent is recorded",
        "reader": "The {consent} does not say where the school keeps track of consent.",
    },
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
    nl={
        "title": "Toestemming gevraagd voor een doel met een andere grondslag",
        "checks": "Er is een toestemmingsregeling voor een doel dat niet op toestemming steunt.",
        "why": "Wie toestemming vraagt voor iets dat de school toch al doet (omdat het een wettelijke plicht "
        "of publieke taak is), wekt de indruk dat ouders en leerlingen kunnen weigeren of intrekken, terwijl "
        "dat niets verandert. Dat is misleidend en niet behoorlijk (AVG art. 5 lid 1 sub a); achteraf van "
        "grondslag wisselen mag niet. Adviserend: soms vraagt een school toestemming voor één onderdeel van "
        "een breder doel; maak daar dan een apart doel met grondslag toestemming van.",
        "fix": "Maak een apart doel met grondslag toestemming voor wat echt vrijwillig is en koppel de regeling "
        "daaraan, of verwijder de regeling als de school het doel hoe dan ook uitvoert.",
        "message": "toestemmingsregeling '{consent}' hoort bij doel '{purpose}', dat steunt op {basis} en niet op toestemming",
        "reader": "De school vraagt toestemming voor {purpose}. Dat doel steunt al op een {basis}, dus toestemming is"
        " hier niet de grondslag.",
    },
    en={
        "title": "Consent asked for a purpose with another basis",
        "checks": "A consent arrangement exists for a purpose that does not rely on consent.",
        "why": "Asking consent for something the school does anyway (a legal obligation or public task) "
        "suggests that parents and pupils can refuse or withdraw, while that changes nothing. That is "
        "misleading and not fair (GDPR Art. 5(1)(a)); switching bases afterwards is not allowed. Advisory: a "
        "school sometimes asks consent for one part of a wider purpose; make that part a separate purpose "
        "with the basis consent.",
        "fix": "Make a separate consent-based purpose for what is truly voluntary and attach the arrangement to "
        "it, or remove the arrangement if the school carries out the purpose regardless.",
        "message": "consent arrangement '{consent}' belongs to purpose '{purpose}', which relies on {basis}, not on consent",
        "reader": "The school asks consent for {purpose}. That purpose already rests on another legal basis: {basis}.",
    },
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
    nl={
        "title": "Toestemming van medewerkers",
        "checks": "Een doel op basis van toestemming verwerkt gegevens van medewerkers.",
        "why": "Toestemming moet vrij gegeven zijn (AVG art. 4 sub 11 en art. 7 lid 4). Een medewerker is "
        "afhankelijk van de werkgever en voelt zich vaak niet vrij om te weigeren; Europese toezichthouders "
        "vinden toestemming in een arbeidsrelatie daarom alleen bij uitzondering geldig. Adviserend: het "
        "kan wel, als weigeren echt geen gevolgen heeft (bijvoorbeeld een teamfoto op de website).",
        "fix": "Leg vast waarom een medewerker vrij kan weigeren zonder gevolgen, of kies een andere "
        "grondslag en beperk de verwerking tot wat voor het werk nodig is.",
        "message": "doel '{purpose}' steunt op toestemming en verwerkt gegevens van medewerkers ({subjects}) in {flows}",
        "reader": "Het doel {purpose} steunt op toestemming van medewerkers. Medewerkers zijn afhankelijk van hun "
        "werkgever, dus hun toestemming is vaak niet vrij.",
    },
    en={
        "title": "Consent from staff",
        "checks": "A consent-based purpose processes data about staff.",
        "why": "Consent must be freely given (GDPR Art. 4(11) and Art. 7(4)). A staff member depends on the "
        "employer and often does not feel free to refuse; European regulators therefore accept consent in "
        "employment only by exception. Advisory: it can work when refusing truly has no consequences (a team "
        "photo on the website, say).",
        "fix": "Record why staff can refuse without consequences, or choose another basis and limit the "
        "processing to what the job requires.",
        "message": "purpose '{purpose}' relies on consent and processes staff data ({subjects}) in {flows}",
        "reader": "The purpose {purpose} relies on the consent of staff. Staff depend on their employer, so their "
        "consent is often not free.",
    },
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
