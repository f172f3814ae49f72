"""Data breaches: the 72-hour deadline, the decisions on record, and whether the register agrees with
the report of the breach (GDPR Art. 33 and 34; the breach register of Art. 33(5)).

A check "on" a past date looks at the end of that day, Dutch time; on today, at this moment
(``dpia.analysis.breach.moment_of``).
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.analysis.breach import assess_breach, deadline, DUTCH_TIME, impact, moment_of
from dpia.model import AgreementKind, PartyRole
from dpia.rules.base import Context, Hit, id_list, rule
from dpia.model.findings import Kind, Severity


def _impacts(ctx: Context) -> dict:
    def compute() -> dict:
        out = {}
        for b in ctx.register.breaches:
            try:
                out[b.id] = impact(ctx.register, b.at, ctx.tables)
            except Exception:  # noqa: BLE001 - an unknown place is the loader's to report
                continue
        return out

    return ctx.memo("breach_impacts", compute)


def _when(value) -> str:
    return value.astimezone(DUTCH_TIME).strftime("%Y-%m-%d %H:%M")


@rule(
    code="DPIA971",
    name="breach-undecided-after-72-hours",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 33 lid 1",
    theme="breaches",
    nl={
        "title": "Datalek zonder meldbesluit na 72 uur",
        "checks": "Een datalek is langer dan 72 uur geleden ontdekt en er is nog niet besloten of het aan de AP "
        "wordt gemeld.",
        "why": "Een datalek moet binnen 72 uur na ontdekking bij de Autoriteit Persoonsgegevens worden gemeld, "
        "tenzij het waarschijnlijk geen risico oplevert. Ook dat besluit moet binnen die tijd vallen.",
        "fix": "Beoordeel het lek (`dpia breach PATH --breach ID`), meld het bij de AP of leg vast waarom niet "
        "(`ap.decision`, `ap.reason`), en vermeld de reden van de vertraging.",
        "message": "datalek '{breach}' is ontdekt op {discovered}; de termijn van 72 uur verliep op {deadline} en er "
        "is nog geen besluit over melden bij de AP",
        "reader": "Het datalek {breach} is op {discovered} ontdekt. De school had binnen 72 uur moeten beslissen of "
        "ze het meldt bij de Autoriteit Persoonsgegevens. Dat besluit ontbreekt nog.",
    },
    en={
        "title": "Breach without a notification decision after 72 hours",
        "checks": "A breach was discovered more than 72 hours ago and it has not been decided whether to notify "
        "the AP.",
        "why": "A breach must be notified to the Autoriteit Persoonsgegevens within 72 hours of discovery, unless "
        "it is unlikely to result in a risk. That decision, too, falls within that time.",
        "fix": "Assess the breach (`dpia breach PATH --breach ID`), notify the AP or record why not "
        "(`ap.decision`, `ap.reason`), and give the reason for the delay.",
        "message": "breach '{breach}' was discovered on {discovered}; the 72 hours ran out on {deadline} and there "
        "is no decision on notifying the AP yet",
        "reader": "The breach {breach} was discovered on {discovered}. The school had to decide within 72 hours "
        "whether to notify the Dutch data protection authority. That decision is still missing.",
    },
)
def breach_undecided(ctx: Context) -> Iterable[Hit]:
    now = moment_of(ctx.on)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.ap is None and now > deadline(b):
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "discovered": _when(b.discovered_at),
                                "deadline": _when(deadline(b))})


@rule(
    code="DPIA972",
    name="breach-notified-late-without-reason",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 33 lid 1",
    theme="breaches",
    nl={
        "title": "Te laat gemeld zonder reden",
        "checks": "Een datalek is na de termijn van 72 uur bij de AP gemeld (of nog steeds niet, terwijl tot melden "
        "is besloten) en de reden van de vertraging ontbreekt.",
        "why": "Een melding na 72 uur moet de redenen voor de vertraging noemen (AVG art. 33 lid 1, laatste zin).",
        "fix": "Meld het lek als dat nog niet is gebeurd, en vul `ap.reason` in met de reden van de vertraging.",
        "message": "datalek '{breach}' is gemeld op {notified}, na de termijn ({deadline}), zonder reden voor de vertraging",
        "reader": "Het datalek {breach} is later dan 72 uur gemeld. De reden van die vertraging staat er niet bij.",
    },
    en={
        "title": "Notified late without a reason",
        "checks": "A breach was notified to the AP after the 72 hours (or is still not notified although the "
        "decision was to notify) and the reason for the delay is missing.",
        "why": "A notification after 72 hours must give the reasons for the delay (GDPR Art. 33(1), last sentence).",
        "fix": "Notify the breach if that has not happened, and fill in `ap.reason` with the reason for the delay.",
        "message": "breach '{breach}' was notified on {notified}, after the deadline ({deadline}), without a reason for the delay",
        "reader": "The breach {breach} was notified after more than 72 hours. The reason for that delay is missing.",
    },
)
def breach_notified_late(ctx: Context) -> Iterable[Hit]:
    now = moment_of(ctx.on)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        ap = b.ap
        if ap is None or ap.decision.value != "notify" or (ap.reason or "").strip():
            continue
        when = ap.notified_at or now
        if when > deadline(b):
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "deadline": _when(deadline(b)),
                                "notified": _when(ap.notified_at) if ap.notified_at else "—"})


@rule(
    code="DPIA973",
    name="breach-high-risk-subjects-undecided",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 34 lid 1",
    theme="breaches",
    advisory=True,
    nl={
        "title": "Hoog risico, geen besluit over informeren",
        "checks": "De beoordeling van een datalek komt uit op een hoog risico, en er is niet vastgelegd of de "
        "betrokkenen (leerlingen, ouders) worden geïnformeerd.",
        "why": "Bij een hoog risico moeten de betrokkenen zonder onnodige vertraging worden geïnformeerd, tenzij "
        "een uitzondering van art. 34 lid 3 geldt. Adviserend: het risiconiveau is een voorstel van de werkbank "
        "(EDPB-richtlijnen 9/2022, ENISA-methode); de FG beoordeelt.",
        "fix": "Beslis of de betrokkenen worden geïnformeerd en leg dat vast in `data_subjects` (met de reden als "
        "het niet gebeurt).",
        "message": "datalek '{breach}' heeft volgens de beoordeling een {level} risico (ernst {severity}); er is geen "
        "besluit over het informeren van de betrokkenen",
        "reader": "Het datalek {breach} kan grote gevolgen hebben voor leerlingen of ouders. Er is nog niet "
        "besloten of zij een bericht krijgen.",
    },
    en={
        "title": "High risk, no decision on informing",
        "checks": "The assessment of a breach gives a high risk, and it is not recorded whether the data subjects "
        "(pupils, parents) are informed.",
        "why": "At a high risk the data subjects must be informed without undue delay, unless an exception of Art. "
        "34(3) applies. Advisory: the level is the workbench's suggestion (EDPB Guidelines 9/2022, ENISA's "
        "method); the DPO judges.",
        "fix": "Decide whether to inform the data subjects and record it in `data_subjects` (with the reason if not).",
        "message": "breach '{breach}' has a {level} risk by the assessment (severity {severity}); there is no decision "
        "on informing the data subjects",
        "reader": "The breach {breach} may have serious effects on pupils or parents. It has not been decided "
        "yet whether they will be told.",
    },
)
def breach_high_risk_undecided(ctx: Context) -> Iterable[Hit]:
    from dpia.i18n import t

    impacts = _impacts(ctx)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.data_subjects is not None or b.id not in impacts:
            continue
        a = assess_breach(ctx.register, b, impacts[b.id])
        if a.inform_subjects:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "level": t(f"breach_level_{a.level}", "nl"),
                                "severity": a.severity})


@rule(
    code="DPIA974",
    name="breach-at-processor-without-notice-clause",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 onder f; art. 33 lid 2",
    theme="breaches",
    nl={
        "title": "Lek bij verwerker zonder meldafspraak",
        "checks": "Een datalek gebeurde bij een verwerker of subverwerker, en de verwerkersovereenkomst legt niet "
        "vast binnen hoeveel uur de verwerker een lek aan de school meldt.",
        "why": "De verwerker moet een lek zonder onnodige vertraging aan de school melden, zodat de school de "
        "termijn van 72 uur kan halen. De overeenkomst hoort dat vast te leggen. Het model 4.0 van het "
        "Privacyconvenant regelt dit zelf.",
        "fix": "Leg in de overeenkomst een meldtermijn vast (`breach_notice_hours`), of gebruik het model 4.0.",
        "message": "datalek '{breach}' bij '{party}': overeenkomst {agreements} legt geen meldtermijn voor datalekken vast",
        "reader": "Het datalek {breach} gebeurde bij {party}. In de afspraken met die organisatie staat niet "
        "hoe snel zij een lek aan de school moet melden.",
    },
    en={
        "title": "Breach at a processor without a notification clause",
        "checks": "A breach happened at a processor or sub-processor, and the processing agreement does not say "
        "within how many hours the processor reports a breach to the school.",
        "why": "The processor must report a breach to the school without undue delay, so that the school can meet "
        "the 72 hours. The agreement should say so. The Privacyconvenant's model 4.0 has its own clause.",
        "fix": "Put a notification period in the agreement (`breach_notice_hours`), or use model 4.0.",
        "message": "breach '{breach}' at '{party}': agreement {agreements} sets no breach notification period",
        "reader": "The breach {breach} happened at {party}. The agreements with that organisation do not say "
        "how quickly it must report a breach to the school.",
    },
)
def breach_without_notice_clause(ctx: Context) -> Iterable[Hit]:
    reg = ctx.register
    parties = {p.id: p for p in reg.parties}
    systems = {s.id: s for s in reg.systems}
    flows = {f.id: f for f in reg.flows}
    for b in sorted(reg.breaches, key=lambda b: b.id):
        holder = b.at
        if holder in systems:
            holder = systems[holder].operated_by
        elif holder in flows:
            holder = flows[holder].to
            holder = systems[holder].operated_by if holder in systems else holder
        party = parties.get(holder)
        if party is None or party.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR):
            continue
        contracted = party.processor_of if party.role is PartyRole.SUB_PROCESSOR and party.processor_of else party.id
        agreements = [a for a in reg.agreements if contracted in a.parties]
        if not agreements:
            continue  # no agreement at all: DPIA201 reports that
        if any(a.kind is AgreementKind.MODEL_4_0 or a.breach_notice_hours for a in agreements):
            continue
        yield Hit((b.id, party.id), {"breach": b.id, "title": b.title, "party": party.id, "party_name": party.name,
                                     "agreements": id_list(a.id for a in agreements)})


@rule(
    code="DPIA975",
    name="breach-closed-without-measures",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 33 lid 5",
    theme="breaches",
    nl={
        "title": "Datalek afgesloten zonder maatregelen",
        "checks": "Een datalek is afgesloten, maar het register noemt geen genomen maatregelen.",
        "why": "Het register van datalekken legt ook vast wat er is gedaan om het lek te stoppen en herhaling te "
        "voorkomen. Zonder maatregelen is niet te zien dat het lek echt is afgehandeld.",
        "fix": "Vul `measures_taken` in (of koppel maatregelen uit het register via `measures`).",
        "message": "datalek '{breach}' is afgesloten op {closed} zonder genomen maatregelen",
        "reader": "Het datalek {breach} is afgesloten. Er staat niet bij wat de school heeft gedaan om herhaling "
        "te voorkomen.",
    },
    en={
        "title": "Breach closed without measures",
        "checks": "A breach is closed, but the register names no measures taken.",
        "why": "The breach register also records what was done to stop the breach and prevent it happening again. "
        "Without measures nobody can see that it was really dealt with.",
        "fix": "Fill in `measures_taken` (or link measures of the register through `measures`).",
        "message": "breach '{breach}' was closed on {closed} without measures taken",
        "reader": "The breach {breach} is closed. It does not say what the school did to prevent it happening again.",
    },
)
def breach_closed_without_measures(ctx: Context) -> Iterable[Hit]:
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.closed_at is not None and not b.measures_taken and not b.measures:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "closed": _when(b.closed_at)})


@rule(
    code="DPIA976",
    name="breach-data-never-reached-place",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 30 lid 1; art. 5 lid 2",
    theme="breaches",
    nl={
        "title": "Gelekte gegevens die daar volgens het register niet zijn",
        "checks": "De melding van een datalek noemt gegevens die volgens het register nooit op die plek komen.",
        "why": "Dan klopt het register niet (er loopt een gegevensstroom die niet is vastgelegd) of de melding "
        "niet. Allebei moet de FG weten: de beoordeling van het lek hangt ervan af.",
        "fix": "Vraag de leverancier welke gegevens er precies stonden. Leg een ontbrekende gegevensstroom vast, "
        "of corrigeer de categorieën van het lek.",
        "message": "datalek '{breach}' bij '{place}' noemt {categories}, maar volgens het register komen die daar "
        "niet; controleer het register of de melding",
        "reader": "Bij het datalek {breach} noemt de melding gegevens die daar volgens de school niet horen. De "
        "school zoekt uit wat klopt.",
    },
    en={
        "title": "Breached data the register says is not there",
        "checks": "The report of a breach names data that by the register never reaches that place.",
        "why": "Then the register is wrong (a data flow runs that is not recorded) or the report is. The DPO must "
        "know which: the assessment of the breach depends on it.",
        "fix": "Ask the supplier which data was there. Record a missing data flow, or correct the breach's categories.",
        "message": "breach '{breach}' at '{place}' names {categories}, but by the register they never get there; "
        "check the register or the report",
        "reader": "The report of the breach {breach} names data that, by the school's own records, should not be "
        "there. The school is finding out which is right.",
    },
)
def breach_data_not_at_place(ctx: Context) -> Iterable[Hit]:
    impacts = _impacts(ctx)
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        if b.id not in impacts:
            continue
        extra = sorted(set(b.categories) - set(impacts[b.id].categories))
        if extra:
            yield Hit((b.id,), {"breach": b.id, "title": b.title, "place": b.at, "categories": id_list(extra)})


@rule(
    code="DPIA977",
    name="breach-not-notified-without-reason",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 33 lid 5",
    theme="breaches",
    nl={
        "title": "Niet gemeld zonder onderbouwing",
        "checks": "Er is besloten een datalek niet aan de AP (of niet aan de betrokkenen) te melden, maar de reden "
        "staat er niet bij.",
        "why": "Ook een lek dat niet wordt gemeld komt in het register, met de redenen van dat besluit, zodat de "
        "AP kan nagaan of het terecht was.",
        "fix": "Vul de reden in (`ap.reason` of `data_subjects.reason`).",
        "message": "datalek '{breach}': besluit '{which}' niet te melden zonder reden",
        "reader": "Bij het datalek {breach} is besloten het niet te melden. Waarom niet, staat er niet bij.",
    },
    en={
        "title": "Not notified without a reason",
        "checks": "It was decided not to notify a breach to the AP (or not to inform the data subjects), but the "
        "reason is missing.",
        "why": "A breach that is not notified is recorded too, with the reasons for that decision, so the AP can "
        "verify it was right.",
        "fix": "Fill in the reason (`ap.reason` or `data_subjects.reason`).",
        "message": "breach '{breach}': decision '{which}' not to notify without a reason",
        "reader": "For the breach {breach} it was decided not to report it. Why not is missing.",
    },
)
def breach_not_notified_without_reason(ctx: Context) -> Iterable[Hit]:
    for b in sorted(ctx.register.breaches, key=lambda b: b.id):
        for which, decision in (("ap", b.ap), ("data_subjects", b.data_subjects)):
            if decision is not None and decision.decision.value == "not_notify" and not (decision.reason or "").strip():
                yield Hit((b.id, which), {"breach": b.id, "title": b.title, "which": which})
