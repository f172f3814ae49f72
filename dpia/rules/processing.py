"""Is a DPIA needed, and is there one? The screening of every processing activity (DPIA965-DPIA968).

The register's processing activities (``dpia.analysis.processing``: a system with its flows, or the disclosures
to a party for a purpose) are screened from the register alone. A processing for which a DPIA is
required (an Art. 35(3) case or an item of the AP's list) or likely (two or more WP248 criteria), that
no DPIA covers and for which the privacy officer has recorded no decision ("no DPIA needed, because
...", ``screening_decisions``), is a gap of Art. 35(1): DPIA965 (required, blocker) or DPIA966
(likely, warning). A DPIA whose scope holds only part of such a processing is reported as well
(DPIA967), and a decision that names no processing of the register is stale (DPIA968).
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.analysis.processing import ProcessingScreening, ProcessingVerdict, screen_processings, unmatched_decisions
from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity


def screenings(ctx: Context) -> list[ProcessingScreening]:
    """The screening of every processing activity, once per check."""
    return ctx.memo("processing_screenings", lambda: screen_processings(ctx.register, ctx.tables))


def _criteria(s: ProcessingScreening) -> str:
    return ", ".join(c.value for c in s.applying())


def _coverage(s: ProcessingScreening) -> str:
    if not s.dpias:
        return "—"
    return f"{', '.join(s.dpias)}: {s.covered}/{s.processing.flow_count}"


def _gaps(ctx: Context, verdict: ProcessingVerdict) -> Iterable[Hit]:
    for s in screenings(ctx):
        if s.gap and s.verdict is verdict:
            yield Hit(s.processing.key, {"processing": s.id, "criteria": _criteria(s), "dpias": _coverage(s),
                                         "flows": s.processing.flow_count})


_FIX_NL = (
    "Voer een DPIA uit voor deze verwerking (een DPIA met het systeem onder `systems`, of met de stromen onder "
    "`flows`), of leg vast waarom er geen nodig is: een `screening_decisions`-besluit met `reason`, "
    "`decided_by` en `decided_on` (bijvoorbeeld omdat het register de schaal overschat)."
)
_FIX_EN = (
    "Carry out a DPIA for this processing (a DPIA with the system under `systems`, or its flows under "
    "`flows`), or record why none is needed: a `screening_decisions` entry with `reason`, `decided_by` and "
    "`decided_on` (for example because the register overstates the scale)."
)


@rule(
    code="DPIA965",
    name="dpia-required-missing",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en 3; Besluit DPIA-lijst AP (Stcrt. 2019, 64418)",
    theme="signoff",
    nl={
        "title": "Verplichte DPIA ontbreekt",
        "checks": "Volgens het register valt een verwerking (een systeem met zijn gegevensstromen, of stromen "
        "zonder systeem naar één ontvanger voor één doel) onder AVG art. 35 lid 3 of de lijst van de AP, maar "
        "geen DPIA dekt al haar gegevensstromen en er is geen besluit 'geen DPIA nodig' vastgelegd.",
        "why": "Voor zo'n verwerking is een DPIA verplicht vóórdat zij begint (AVG art. 35 lid 1). Zonder DPIA "
        "zijn de risico's voor leerlingen, ouders en medewerkers niet beoordeeld en kan de school niet aantonen "
        "dat de maatregelen volstaan.",
        "fix": _FIX_NL,
        "message": "verwerking '{processing}' ({flows} stromen) vraagt een DPIA ({criteria}), maar geen DPIA dekt "
        "haar (gedeeltelijk: {dpias}) en er is geen besluit vastgelegd",
        "reader": "Voor {processing} is een DPIA verplicht. De redenen: {criteria}. Er is nog geen DPIA die dit helemaal dekt.",
    },
    en={
        "title": "Required DPIA missing",
        "checks": "From the register, a processing (a system with its data flows, or flows without a system to "
        "one receiver for one purpose) falls under GDPR Art. 35(3) or the AP's list, but no DPIA covers all its "
        "flows and no 'no DPIA needed' decision is recorded.",
        "why": "Such a processing needs a DPIA before it starts (GDPR Art. 35(1)). Without one the risks to "
        "pupils, parents and staff are not assessed and the school cannot show that its measures suffice.",
        "fix": _FIX_EN,
        "message": "processing '{processing}' ({flows} flows) needs a DPIA ({criteria}), but no DPIA covers it "
        "(partly: {dpias}) and no decision is recorded",
        "reader": "A DPIA is required for {processing}. The reasons: {criteria}. No DPIA covers all of it yet.",
    },
)
def dpia_required_missing(ctx: Context) -> Iterable[Hit]:
    return _gaps(ctx, ProcessingVerdict.REQUIRED)


@rule(
    code="DPIA966",
    name="dpia-likely-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1; EDPB WP248 rev.01",
    theme="signoff",
    nl={
        "title": "DPIA waarschijnlijk nodig, maar ontbreekt",
        "checks": "Volgens het register voldoet een verwerking aan twee of meer criteria van de EDPB (WP248), "
        "maar geen DPIA dekt al haar gegevensstromen en er is geen besluit 'geen DPIA nodig' vastgelegd.",
        "why": "Bij twee of meer criteria is een DPIA volgens de EDPB in de meeste gevallen nodig (AVG art. 35 "
        "lid 1). Wie er geen doet, legt uit waarom: bij scholen tellen 'kwetsbare betrokkenen' (kinderen) en "
        "'grote schaal' vaak al mee, ook voor een eenvoudige namenlijst, dus het besluit en de reden horen in "
        "het register.",
        "fix": _FIX_NL,
        "message": "verwerking '{processing}' ({flows} stromen) voldoet aan {criteria}: een DPIA is waarschijnlijk "
        "nodig, maar geen DPIA dekt haar (gedeeltelijk: {dpias}) en er is geen besluit vastgelegd",
        "reader": "Voor {processing} is een DPIA waarschijnlijk nodig. De redenen: {criteria}. Er is nog geen DPIA die dit helemaal dekt.",
    },
    en={
        "title": "DPIA likely needed but missing",
        "checks": "From the register, a processing meets two or more EDPB (WP248) criteria, but no DPIA covers "
        "all its flows and no 'no DPIA needed' decision is recorded.",
        "why": "With two or more criteria the EDPB considers a DPIA needed in most cases (GDPR Art. 35(1)). Not "
        "doing one needs a reason: at schools 'vulnerable data subjects' (children) and 'large scale' often "
        "count already, even for a simple list of names, so the decision and its reason belong in the register.",
        "fix": _FIX_EN,
        "message": "processing '{processing}' ({flows} flows) meets {criteria}: a DPIA is likely needed, but no "
        "DPIA covers it (partly: {dpias}) and no decision is recorded",
        "reader": "A DPIA is probably needed for {processing}. The reasons: {criteria}. No DPIA covers all of it yet.",
    },
)
def dpia_likely_missing(ctx: Context) -> Iterable[Hit]:
    return _gaps(ctx, ProcessingVerdict.LIKELY)


@rule(
    code="DPIA967",
    name="dpia-scope-misses-part",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en lid 7 sub a",
    theme="signoff",
    nl={
        "title": "DPIA dekt maar een deel van een verwerking",
        "checks": "De reikwijdte van een DPIA bevat een deel van de gegevensstromen van een verwerking waarvoor een "
        "DPIA verplicht of waarschijnlijk nodig is, terwijl andere stromen van die verwerking in geen enkele "
        "DPIA staan (en er geen besluit is vastgelegd).",
        "why": "Een DPIA beschrijft de verwerking systematisch (AVG art. 35 lid 7 sub a). Een reikwijdte die "
        "door een verwerking heen snijdt, laat de rest ervan onbeoordeeld; zo lijkt een verwerking gedekt die "
        "het niet is.",
        "fix": "Neem het systeem of de ontbrekende stromen op in de DPIA (`systems` of `flows`), of dek de rest "
        "met een andere DPIA, of leg een besluit vast (`screening_decisions`) waarom die rest geen DPIA vraagt.",
        "message": "DPIA '{dpia}' dekt {covered} van {count} stromen van verwerking '{processing}' ({verdict}); "
        "in geen DPIA staan onder meer: {missing}",
        "reader": "De DPIA {dpia} gaat maar over een deel van {processing}. Een DPIA hoort over de hele verwerking te gaan.",
    },
    en={
        "title": "DPIA covers only part of a processing",
        "checks": "A DPIA's scope holds part of the data flows of a processing that requires or likely needs a "
        "DPIA, while other flows of that processing are in no DPIA at all (and no decision is recorded).",
        "why": "A DPIA describes the processing systematically (GDPR Art. 35(7)(a)). A scope that cuts through a "
        "processing leaves the rest of it unassessed, so a processing looks covered that is not.",
        "fix": "Add the system or the missing flows to the DPIA (`systems` or `flows`), or cover the rest with "
        "another DPIA, or record a decision (`screening_decisions`) why the rest needs none.",
        "message": "DPIA '{dpia}' covers {covered} of {count} flows of processing '{processing}' ({verdict}); "
        "in no DPIA are, among others: {missing}",
        "reader": "The DPIA {dpia} covers only part of {processing}. A DPIA should cover the whole processing.",
    },
)
def dpia_scope_misses_part(ctx: Context) -> Iterable[Hit]:
    for s in screenings(ctx):
        if not s.gap or not s.dpias:
            continue
        for d in s.dpias:
            yield Hit((d, *s.processing.key), {
                "dpia": d, "processing": s.id, "covered": s.covered, "count": s.processing.flow_count,
                "verdict": s.verdict.value, "missing": ", ".join(s.uncovered),
            })


@rule(
    code="DPIA968",
    name="screening-decision-unmatched",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 2",
    theme="signoff",
    nl={
        "title": "Screeningsbesluit zonder verwerking",
        "checks": "Een besluit 'geen DPIA nodig' (`screening_decisions`) noemt een systeem zonder gegevensstromen, "
        "of een ontvanger en doel waarvoor geen stroom buiten een systeem bestaat.",
        "why": "Een besluit geldt voor een verwerking zoals het register die beschrijft. Past het bij geen "
        "verwerking meer (de stromen zijn veranderd of verplaatst), dan is het verouderd en onderbouwt het "
        "niets; het moet opnieuw worden genomen of weg.",
        "fix": "Pas het besluit aan op de verwerking zoals die nu in het register staat (`system`, of `party` en "
        "`purpose` zoals `dpia screen` ze toont), of verwijder het.",
        "message": "screeningsbesluit '{decision}' noemt {target}, maar het register heeft geen zo'n verwerking",
        "reader": "Het register bevat een besluit over een verwerking die er niet meer is. De school ruimt dat besluit op.",
    },
    en={
        "title": "Screening decision without a processing",
        "checks": "A 'no DPIA needed' decision (`screening_decisions`) names a system without data flows, or a "
        "receiver and purpose for which no flow outside a system exists.",
        "why": "A decision holds for a processing as the register describes it. When it matches no processing any "
        "more (the flows changed or moved), it is stale and supports nothing; take it again or remove it.",
        "fix": "Fit the decision to the processing as the register now holds it (`system`, or `party` and "
        "`purpose` as `dpia screen` shows them), or remove it.",
        "message": "screening decision '{decision}' names {target}, but the register has no such processing",
        "reader": "The register holds a decision about a processing that no longer exists. The school is clearing it up.",
    },
)
def screening_decision_unmatched(ctx: Context) -> Iterable[Hit]:
    found = [s for s in screenings(ctx) if s.processing.flow_count]
    for d in unmatched_decisions(ctx.register, found):
        target = d.system if d.system is not None else "/".join(x for x in (d.party, d.purpose) if x)
        yield Hit((d.id,), {"decision": d.id, "target": target})
