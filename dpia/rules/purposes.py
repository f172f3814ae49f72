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
    nl={
        "title": "Gegevensstroom zonder doel",
        "checks": "Een gegevensstroom noemt geen enkel doel.",
        "why": "Persoonsgegevens mogen alleen voor welbepaalde, uitdrukkelijk omschreven doelen worden "
        "verwerkt (doelbinding). Zonder doel valt niet te toetsen of de stroom nodig is.",
        "fix": "Voeg onder `purposes` het doel of de doelen toe waarvoor de gegevens worden verstrekt.",
        "message": "gegevensstroom '{flow}' ({src} → {dst}) heeft geen doel",
        "reader": "Bij de gegevensstroom {flow} staat niet waarvoor de gegevens nodig zijn.",
    },
    en={
        "title": "Flow without a purpose",
        "checks": "A data flow names no purpose at all.",
        "why": "Personal data may be processed only for specified, explicit purposes (purpose limitation). "
        "Without a purpose nobody can judge whether the flow is needed.",
        "fix": "Add the purpose or purposes for which the data is provided under `purposes`.",
        "message": "flow '{flow}' ({src} → {dst}) has no purpose",
        "reader": "For the data flow {flow}, the register does not say what the data is needed for.",
    },
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
    nl={
        "title": "Doel zonder grondslag",
        "checks": "Een doel heeft geen wettelijke grondslag (toestemming, overeenkomst, wettelijke plicht, "
        "vitaal belang, publieke taak of gerechtvaardigd belang).",
        "why": "Elke verwerking heeft precies één van de zes grondslagen van AVG art. 6 nodig. Zonder "
        "grondslag is de verwerking onrechtmatig.",
        "fix": "Vul `legal_basis` in bij het doel, en bij een wettelijke plicht of publieke taak ook `legal_source`.",
        "message": "doel '{purpose}' heeft geen grondslag",
        "reader": "Het doel {purpose} heeft geen wettelijke grondslag. Zonder grondslag mag de school deze gegevens "
        "niet gebruiken.",
    },
    en={
        "title": "Purpose without a legal basis",
        "checks": "A purpose has no legal basis (consent, contract, legal obligation, vital interests, public "
        "task or legitimate interest).",
        "why": "Every processing needs one of the six bases of GDPR Art. 6. Without one it is unlawful.",
        "fix": "Set `legal_basis` on the purpose, and `legal_source` too for a legal obligation or public task.",
        "message": "purpose '{purpose}' has no legal basis",
        "reader": "The purpose {purpose} has no legal basis. Without one, the school may not use this data.",
    },
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
    nl={
        "title": "Wettelijke plicht of publieke taak zonder wetsartikel",
        "checks": "Een doel steunt op een wettelijke plicht of een publieke taak, maar noemt de wet niet.",
        "why": "Een wettelijke plicht en een publieke taak moeten in het Unierecht of het Nederlandse recht "
        "zijn vastgelegd (AVG art. 6 lid 3). Zonder bron kan niemand nagaan of de plicht echt bestaat en "
        "welke gegevens zij vraagt.",
        "fix": "Vul `legal_source` in, bijvoorbeeld 'WVO 2020' of 'Leerplichtwet 1969 art. 21a'.",
        "message": "doel '{purpose}' steunt op {basis} maar noemt geen wettelijke bron (in deze sector "
        "bijvoorbeeld de {statute})",
        "reader": "Het doel {purpose} steunt op een {basis}. Er staat niet bij welke wet dat voorschrijft.",
    },
    en={
        "title": "Legal obligation or public task without its source",
        "checks": "A purpose relies on a legal obligation or a public task but names no statute.",
        "why": "A legal obligation or public task must be laid down in Union or Dutch law (GDPR Art. 6(3)). "
        "Without the source nobody can verify the duty exists or which data it requires.",
        "fix": "Set `legal_source`, for example 'WVO 2020' or 'Leerplichtwet 1969 art. 21a'.",
        "message": "purpose '{purpose}' relies on {basis} but names no legal source (in this sector, for "
        "example the {statute})",
        "reader": "The purpose {purpose} rests on this legal basis: {basis}. The register does not say which law sets"
        " it.",
    },
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
    nl={
        "title": "Gerechtvaardigd belang bij een overheidsinstelling",
        "checks": "Een bevoegd gezag dat een publieke taak uitvoert, gebruikt gerechtvaardigd belang als grondslag.",
        "why": "Overheidsinstanties mogen zich voor de uitvoering van hun taken niet op gerechtvaardigd belang "
        "beroepen (AVG art. 6 lid 1, slotzin). Voor een bekostigde school is onderwijs zo'n taak. Adviserend: "
        "voor activiteiten buiten de publieke taak (bijvoorbeeld een alumnivereniging) kan het wel.",
        "fix": "Kies de publieke taak (met wetsartikel) of toestemming als grondslag, of leg in het doel uit "
        "waarom het buiten de publieke taak valt en accepteer de bevinding met die reden.",
        "message": "doel '{purpose}' gebruikt gerechtvaardigd belang, terwijl '{controller}' een overheidsinstelling is",
        "reader": "Het doel {purpose} steunt op gerechtvaardigd belang. {controller} is een overheidsinstelling en "
        "mag dat voor haar taken meestal niet.",
    },
    en={
        "title": "Legitimate interest used by a public authority",
        "checks": "A school board performing a public task relies on legitimate interest.",
        "why": "Public authorities may not rely on legitimate interest for the performance of their tasks "
        "(GDPR Art. 6(1), last sentence). For a publicly funded school, education is such a task. Advisory: "
        "activities outside the public task (an alumni association, say) may use it.",
        "fix": "Use the public task (with its statute) or consent, or explain why the purpose lies outside "
        "the public task and accept the finding with that reason.",
        "message": "purpose '{purpose}' uses legitimate interest, but '{controller}' is a public authority",
        "reader": "The purpose {purpose} relies on legitimate interest. {controller} is a public authority and "
        "usually may not do so for its tasks.",
    },
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
    nl={
        "title": "Meer gegevens dan het doel nodig heeft",
        "checks": "Een gegevensstroom bevat categorieën die geen van zijn doelen nodig heeft (`needs` van het doel).",
        "why": "Dataminimalisatie: er mogen niet meer gegevens worden verstrekt dan voor het doel noodzakelijk "
        "is. Een fotograaf heeft voor een schoolpas naam en foto nodig, geen adres.",
        "fix": "Haal de overbodige categorieën uit de stroom, of voeg ze met een reden toe aan de `needs` van "
        "het doel als ze echt nodig zijn.",
        "message": "gegevensstroom '{flow}' naar '{dst}' bevat {categories}, die de doelen ({purposes}) niet nodig hebben",
        "reader": "{dst} krijgt ook deze gegevens: {categories}. Voor {purposes} zijn ze niet nodig.",
    },
    en={
        "title": "More data than the purpose needs",
        "checks": "A flow carries categories that none of its purposes needs (the purpose's `needs`).",
        "why": "Data minimisation: no more data may be provided than the purpose requires. A photographer "
        "needs name and photo for a school pass, not the home address.",
        "fix": "Remove the surplus categories from the flow, or add them to the purpose's `needs` with a "
        "reason if they really are needed.",
        "message": "flow '{flow}' to '{dst}' carries {categories}, which its purposes ({purposes}) do not need",
        "reader": "{dst} also receives this data: {categories}. It is not needed for {purposes}.",
    },
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
    nl={
        "title": "Verstrekking aan een andere verantwoordelijke zonder grondslag",
        "checks": "Een stroom naar een zelfstandige verwerkingsverantwoordelijke, ontvanger, derde of het "
        "publiek heeft geen doel met een grondslag.",
        "why": "Een zelfstandige verantwoordelijke (DUO, de leerplichtambtenaar, de vervolgschool) heeft geen "
        "verwerkersovereenkomst nodig, maar de school heeft voor het verstrekken zelf een grondslag nodig.",
        "fix": "Geef de stroom een doel met een grondslag (bij een wettelijke plicht met wetsartikel), of "
        "stop de verstrekking.",
        "message": "gegevensstroom '{flow}' verstrekt gegevens aan '{dst}' ({role}) zonder doel met grondslag",
        "reader": "De school geeft gegevens aan {dst} ({role}). Daarvoor is geen doel met een wettelijke grondslag "
        "vastgelegd.",
    },
    en={
        "title": "Disclosure to another controller without a legal basis",
        "checks": "A flow to an independent controller, recipient, third party or the public has no purpose "
        "with a legal basis.",
        "why": "An independent controller (DUO, the attendance officer, the next school) needs no processing "
        "agreement, but the school needs a legal basis of its own for the disclosure.",
        "fix": "Give the flow a purpose with a legal basis (with its statute for a legal obligation), or stop "
        "the disclosure.",
        "message": "flow '{flow}' discloses data to '{dst}' ({role}) without a purpose that has a legal basis",
        "reader": "The school gives data to {dst} ({role}). No purpose with a legal basis is recorded for this.",
    },
)
def disclosure_without_legal_basis(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    disclosures = t.flows[t.flows["dst_role"].isin([r.value for r in DISCLOSURE_ROLES])]
    based = t.flow_purposes.merge(t.purposes[t.purposes["legal_basis"].notna()], on="purpose")["flow"]
    bad = disclosures[~disclosures["flow"].isin(based)]
    return hits_from(bad, ["flow"], {"flow": "flow", "dst": "dst", "role": "dst_role"})

