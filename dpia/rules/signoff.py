"""DPIA rules: screening, risks, Art. 36 and the sign-off chain (DPIA950-DPIA969).

A DPIA's findings advise while it is a draft and block once it is to be approved. Severities are fixed
per rule, so the escalation is a rule of its own: most rules here are warnings, and DPIA964 turns every
open blocker or warning about a DPIA's scope (or about the DPIA itself) into one blocker when the DPIA
is to be approved or has been approved. A passed review date blocks whatever the status.

A DPIA whose recorded screening says it is not required is kept as a record; the content and sign-off
rules leave it alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from dpia.model import DecisionOutcome, Dpia, DpiaStatus
from dpia.analysis.risk import assess, findings_in_scope, prior_consultation
from dpia.analysis.scope import dpia_scope
from dpia.analysis.screening import screen, Verdict
from dpia.rules.base import Context, Hit, REGISTRY, rule
from dpia.model.findings import Kind, Severity
from dpia.rules.processing import dpia_scope_misses_part

REVIEW_YEARS = 3
APPROVING = (DecisionOutcome.APPROVE, DecisionOutcome.APPROVE_WITH_CONDITIONS)


def _dpias(ctx: Context) -> list[Dpia]:
    return sorted(ctx.register.dpias, key=lambda d: d.id)


def _not_required(ctx: Context, d: Dpia) -> bool:
    """A recorded screening says no DPIA is required: the entry is a record, not a DPIA to complete."""
    return d.screening is not None and d.screening.date is not None and screen(ctx.register, d).verdict is Verdict.NOT_REQUIRED


def _to_complete(ctx: Context) -> list[Dpia]:
    return [d for d in _dpias(ctx) if not _not_required(ctx, d)]


def _current_acceptances(ctx: Context) -> set[str]:
    return {a.finding for a in ctx.register.acceptances if a.until >= ctx.on}


def _open(ctx: Context, findings: Iterable[Any]) -> list[Any]:
    """Findings not covered by a current acceptance (acceptances are applied after the rules run)."""
    accepted = _current_acceptances(ctx)
    return [f for f in findings if f.id not in accepted and getattr(f, "accepted", None) is None]


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# ---- screening


@rule(
    code="DPIA950",
    name="screening-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1; art. 5 lid 2",
    theme="signoff",
    nl={
        "title": "Screening ontbreekt",
        "checks": "Een DPIA heeft geen vastgelegde screening (geen `screening` met een `date`).",
        "why": "Of een DPIA verplicht is, volgt uit AVG art. 35 lid 3, de criteria van de EDPB (WP248) en de "
        "lijst van de AP. Die afweging moet aantoonbaar zijn (verantwoordingsplicht), ook als de uitkomst is "
        "dat geen DPIA nodig is.",
        "fix": "Voer de screening uit (`dpia screen`), bevestig of corrigeer wat het register laat zien en "
        "leg de datum en de antwoorden vast onder `screening`.",
        "message": "DPIA '{dpia}' heeft geen vastgelegde screening",
        "reader": "Bij {dpia} is niet vastgelegd of een DPIA nodig is en waarom.",
    },
    en={
        "title": "Screening missing",
        "checks": "A DPIA has no recorded screening (no `screening` with a `date`).",
        "why": "Whether a DPIA is required follows from GDPR Art. 35(3), the EDPB criteria (WP248) and the AP's "
        "list. The assessment must be demonstrable (accountability), also when the answer is 'not required'.",
        "fix": "Screen the processing (`dpia screen`), confirm or correct what the register shows and record "
        "the date and the answers under `screening`.",
        "message": "DPIA '{dpia}' has no recorded screening",
        "reader": "For {dpia}, it is not recorded whether a DPIA is needed and why.",
    },
)
def screening_missing(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.screening is None or d.screening.date is None:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA951",
    name="screening-criteria-unassessed",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 1 en 3; EDPB WP248",
    theme="signoff",
    nl={
        "title": "Screeningcriteria niet beoordeeld",
        "checks": "De screening geeft geen antwoord op criteria van AVG art. 35 lid 3 of WP248 die het register "
        "niet kan laten zien (zoals stelselmatige monitoring of innovatieve technologie).",
        "why": "Het register toont feiten (welke gegevens, over wie, hoeveel); andere criteria vragen een "
        "oordeel. Zonder antwoord telt zo'n criterium als 'niet van toepassing', zonder dat iemand dat vond.",
        "fix": "Voeg onder `screening.answers` per criterium een antwoord toe (`applies`) met een reden.",
        "message": "screening van DPIA '{dpia}' beantwoordt {count} criteria niet: {criteria}",
        "reader": "Bij {dpia} zijn nog niet alle vragen van de screening beantwoord. Het gaat om: {criteria}.",
    },
    en={
        "title": "Screening criteria not assessed",
        "checks": "The screening does not answer criteria of GDPR Art. 35(3) or WP248 that the register "
        "cannot show (such as systematic monitoring or innovative technology).",
        "why": "The register shows facts (which data, about whom, how many); other criteria need a judgment. "
        "Unanswered, such a criterion counts as 'does not apply' without anyone having decided so.",
        "fix": "Add an answer per criterion under `screening.answers` (`applies`) with a reason.",
        "message": "the screening of DPIA '{dpia}' leaves {count} criteria unanswered: {criteria}",
        "reader": "For {dpia}, not all screening questions have been answered. They are: {criteria}.",
    },
)
def screening_criteria_unassessed(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.screening is None or d.screening.date is None:
            continue
        missing = [c.criterion.value for c in screen(ctx.register, d).unassessed]
        if missing:
            yield Hit((d.id,), {"dpia": d.id, "count": len(missing), "criteria": ", ".join(missing)})


# ---- content of the DPIA


@rule(
    code="DPIA952",
    name="necessity-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub b",
    theme="signoff",
    nl={
        "title": "Noodzaak en evenredigheid niet beoordeeld",
        "checks": "Een DPIA die volgens de screening verplicht is, heeft geen beoordeling van noodzaak en "
        "evenredigheid (`necessity`).",
        "why": "Een DPIA bevat een beoordeling van de noodzaak en evenredigheid van de verwerking ten opzichte "
        "van de doelen (AVG art. 35 lid 7 sub b; deel B van het Model DPIA).",
        "fix": "Beschrijf onder `necessity` waarom de verwerking nodig is, waarom er geen minder ingrijpend "
        "alternatief is (subsidiariteit) en waarom de inbreuk in verhouding staat tot het doel.",
        "message": "DPIA '{dpia}' heeft geen beoordeling van noodzaak en evenredigheid",
        "reader": "Bij {dpia} staat niet waarom de verwerking nodig is en in verhouding staat tot het doel.",
    },
    en={
        "title": "Necessity and proportionality not assessed",
        "checks": "A DPIA that the screening finds required has no assessment of necessity and proportionality "
        "(`necessity`).",
        "why": "A DPIA contains an assessment of the necessity and proportionality of the processing in "
        "relation to its purposes (GDPR Art. 35(7)(b); part B of the Model DPIA).",
        "fix": "Describe under `necessity` why the processing is needed, why no less intrusive alternative "
        "exists (subsidiarity) and why the intrusion is proportionate to the purpose.",
        "message": "DPIA '{dpia}' has no assessment of necessity and proportionality",
        "reader": "For {dpia}, it is not explained why the processing is needed and in proportion to its purpose.",
    },
)
def necessity_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not (d.necessity or "").strip() and screen(ctx.register, d).verdict is Verdict.REQUIRED:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA953",
    name="risks-missing",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub c en d",
    theme="signoff",
    nl={
        "title": "DPIA zonder risico's",
        "checks": "Een DPIA die volgens de screening verplicht is, beschrijft geen enkel risico.",
        "why": "De kern van een DPIA is de beoordeling van de risico's voor de rechten en vrijheden van "
        "betrokkenen en de maatregelen daartegen (AVG art. 35 lid 7 sub c en d).",
        "fix": "Neem de voorgestelde risico's over (`dpia.analysis.risk.scaffold`: per systeem onrechtmatige toegang, "
        "ongewenste wijziging en verdwijning, plus risico's voor andere rechten) en beoordeel ze.",
        "message": "DPIA '{dpia}' beschrijft geen risico's",
        "reader": "In {dpia} staan nog geen risico's voor leerlingen, ouders of medewerkers.",
    },
    en={
        "title": "DPIA without risks",
        "checks": "A DPIA that the screening finds required describes no risk at all.",
        "why": "The core of a DPIA is the assessment of the risks to data subjects' rights and freedoms and "
        "the measures that address them (GDPR Art. 35(7)(c) and (d)).",
        "fix": "Start from the proposed risks (`dpia.analysis.risk.scaffold`: per system illegitimate access, unwanted "
        "modification and disappearance, plus risks to other rights) and assess them.",
        "message": "DPIA '{dpia}' describes no risks",
        "reader": "{dpia} describes no risks for pupils, parents or staff yet.",
    },
)
def risks_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not d.risks and screen(ctx.register, d).verdict is Verdict.REQUIRED:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA954",
    name="risk-not-rated",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub c",
    theme="signoff",
    nl={
        "title": "Risico niet gemotiveerd beoordeeld",
        "checks": "Bij een risico ontbreekt de beoordeling van de waarschijnlijkheid of van de impact "
        "(`likelihood` of `impact` met een `motivation`).",
        "why": "Het register stelt een niveau voor; pas met een motivering van de privacyfunctionaris is het "
        "een beoordeling. Zonder motivering kan niemand nagaan waarom een risico laag of hoog is.",
        "fix": "Vul bij het risico `likelihood` en `impact` in, elk met `motivation` en zo nodig een ander "
        "`level` dan het voorstel (de motivering is dan de reden van de afwijking).",
        "message": "risico '{risk}' van DPIA '{dpia}' heeft geen gemotiveerde beoordeling van {missing}",
        "reader": "Bij het risico {risk} in {dpia} ontbreekt een uitleg bij de inschatting van {missing}.",
    },
    en={
        "title": "Risk not rated with a motivation",
        "checks": "A risk lacks the rating of its likelihood or its impact (`likelihood` or `impact` with a "
        "`motivation`).",
        "why": "The register suggests a level; only the privacy officer's motivation makes it an assessment. "
        "Without one nobody can tell why a risk is low or high.",
        "fix": "Fill in `likelihood` and `impact` on the risk, each with a `motivation` and, where needed, "
        "another `level` than the suggestion (the motivation is then the reason for the override).",
        "message": "risk '{risk}' of DPIA '{dpia}' has no motivated rating of {missing}",
        "reader": "For the risk {risk} in {dpia}, the rating of {missing} has no explanation.",
    },
)
def risk_not_rated(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        for r in sorted(d.risks, key=lambda r: r.id):
            missing = [name for name, a in (("likelihood", r.likelihood), ("impact", r.impact)) if a is None]
            if missing:
                yield Hit((d.id, r.id), {"dpia": d.id, "risk": r.id, "missing": " + ".join(missing)})


@rule(
    code="DPIA955",
    name="prior-consultation-required",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 36 lid 1",
    theme="signoff",
    after_findings=True,
    nl={
        "title": "Voorafgaande raadpleging van de AP",
        "checks": "Een risico blijft na de geïmplementeerde maatregelen hoog (restrisico), het bestuur heeft "
        "het niet met een onderbouwing aanvaard en de DPIA is niet aan de AP voorgelegd.",
        "why": "Blijft het risico hoog, dan moet de verwerkingsverantwoordelijke de Autoriteit "
        "Persoonsgegevens raadplegen vóór de verwerking begint (AVG art. 36 lid 1). De AP antwoordt binnen "
        "acht weken, te verlengen met zes.",
        "fix": "Neem (en implementeer) maatregelen die het risico verlagen, of laat het bestuur het restrisico "
        "met een onderbouwing aanvaarden (`acceptance` bij het risico), of besluit tot voorleggen aan de AP "
        "(`decision.outcome: refer_to_ap`).",
        "message": "risico '{risk}' van DPIA '{dpia}' blijft hoog ({likelihood} x {impact}): voorafgaande "
        "raadpleging van de AP nodig, tenzij het bestuur het restrisico onderbouwd aanvaardt",
        "reader": "Het risico {risk} in {dpia} blijft hoog, ook na de maatregelen. Dan moet de school eerst de "
        "Autoriteit Persoonsgegevens raadplegen. Dat hoeft niet als het bestuur het risico met een goede reden "
        "aanvaardt.",
    },
    en={
        "title": "Prior consultation of the AP",
        "checks": "A risk stays high after the implemented measures (residual risk), the board has not accepted "
        "it with a rationale, and the DPIA has not been referred to the AP.",
        "why": "When the risk stays high, the controller must consult the Autoriteit Persoonsgegevens before "
        "the processing starts (GDPR Art. 36(1)). The AP answers within eight weeks, extendable by six.",
        "fix": "Take (and implement) measures that lower the risk, or have the board accept the residual risk "
        "with a rationale (`acceptance` on the risk), or decide to refer the DPIA to the AP "
        "(`decision.outcome: refer_to_ap`).",
        "message": "risk '{risk}' of DPIA '{dpia}' stays high ({likelihood} x {impact}): prior consultation of "
        "the AP is needed unless the board accepts the residual risk with a rationale",
        "reader": "The risk {risk} in {dpia} stays high, even after the measures. Then the school must first consult "
        "the Dutch data protection authority. That is not needed if the board accepts the risk for a good reason.",
    },
)
def prior_consultation_required(ctx: Context, findings: list) -> Iterable[Hit]:
    open_findings = _open(ctx, findings)
    for d in _to_complete(ctx):
        rated = assess(ctx.register, d, open_findings)
        pc = prior_consultation(ctx.register, d, assessments=rated)
        if pc.referred:
            continue
        by_id = {a.risk: a for a in rated}
        for rid in pc.risks:
            a = by_id[rid]
            yield Hit((d.id, rid), {"dpia": d.id, "risk": rid, "likelihood": a.residual_likelihood.value,
                                    "impact": a.residual_impact.value})


# ---- the sign-off chain


def _step_rule(code: str, name: str, article: str, nl: dict[str, str], en: dict[str, str]):
    return rule(code=code, name=name, severity=Severity.WARNING, kind=Kind.GAP, article=article,
                theme="signoff", nl=nl, en=en)


@_step_rule(
    "DPIA956", "author-missing", "AVG art. 5 lid 2",
    nl={
        "title": "Auteur van de DPIA ontbreekt",
        "checks": "Bij een DPIA staat niet wie hem heeft opgesteld (`signoff.author`).",
        "why": "De keten van ondertekening begint bij de auteur: de FG adviseert over zijn stuk, het bestuur "
        "besluit erover. Zonder auteur is niet duidelijk wie vragen beantwoordt en wie bijwerkt.",
        "fix": "Vul `signoff.author` in met naam (of functie) en datum.",
        "message": "DPIA '{dpia}' noemt geen auteur",
        "reader": "Bij {dpia} staat niet wie de DPIA heeft geschreven.",
    },
    en={
        "title": "DPIA author missing",
        "checks": "A DPIA does not say who wrote it (`signoff.author`).",
        "why": "The sign-off chain starts with the author: the DPO advises on the author's text, the board "
        "decides on it. Without an author nobody knows who answers questions and keeps it up to date.",
        "fix": "Fill in `signoff.author` with a name (or role) and a date.",
        "message": "DPIA '{dpia}' names no author",
        "reader": "For {dpia}, the register does not say who wrote the DPIA.",
    },
)
def author_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.signoff.author is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA957", "dpo-advice-missing", "AVG art. 35 lid 2",
    nl={
        "title": "Advies van de FG ontbreekt",
        "checks": "Bij een DPIA is geen advies van de functionaris gegevensbescherming vastgelegd "
        "(`signoff.fg_advice` met datum en versie).",
        "why": "Bij het uitvoeren van een DPIA wint de verwerkingsverantwoordelijke het advies van de FG in "
        "(AVG art. 35 lid 2). Het advies hoort bij een versie: een later gewijzigde DPIA vraagt nieuw advies.",
        "fix": "Vraag het advies van de FG en leg het vast: `signoff.fg_advice` met `date`, `version` en een "
        "samenvatting.",
        "message": "DPIA '{dpia}' heeft geen vastgelegd advies van de FG",
        "reader": "Bij {dpia} is het advies van de functionaris gegevensbescherming niet vastgelegd.",
    },
    en={
        "title": "DPO advice missing",
        "checks": "A DPIA has no recorded advice of the data protection officer (`signoff.fg_advice` with a "
        "date and a version).",
        "why": "The controller seeks the DPO's advice when carrying out a DPIA (GDPR Art. 35(2)). The advice "
        "belongs to a version: a DPIA changed later needs new advice.",
        "fix": "Ask the DPO's advice and record it: `signoff.fg_advice` with `date`, `version` and a summary.",
        "message": "DPIA '{dpia}' has no recorded DPO advice",
        "reader": "For {dpia}, the advice of the data protection officer is not recorded.",
    },
)
def dpo_advice_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.signoff.fg_advice is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA958", "mr-views-missing", "AVG art. 35 lid 9",
    nl={
        "title": "Standpunt van de MR ontbreekt",
        "checks": "Bij een DPIA staat niet wat de medezeggenschapsraad vindt, of waarom zijn standpunt niet is "
        "gevraagd (`signoff.mr`).",
        "why": "Waar passend vraagt de verwerkingsverantwoordelijke de betrokkenen of hun vertegenwoordigers "
        "om hun standpunt (AVG art. 35 lid 9). Voor een school is dat de MR. Wie het niet vraagt, legt uit "
        "waarom.",
        "fix": "Vul `signoff.mr` in: `sought: true` met `date` en `views`, of `sought: false` met "
        "`reason_not_sought`.",
        "message": "DPIA '{dpia}' legt het standpunt van de MR niet vast (of waarom het niet is gevraagd)",
        "reader": "Bij {dpia} staat niet wat de medezeggenschapsraad ervan vindt. Er staat ook niet waarom de raad "
        "niet is gevraagd.",
    },
    en={
        "title": "Views of the MR missing",
        "checks": "A DPIA does not record the participation council's views, or why they were not sought "
        "(`signoff.mr`).",
        "why": "Where appropriate the controller seeks the views of data subjects or their representatives "
        "(GDPR Art. 35(9)). For a school that is the MR. Not seeking them needs a reason.",
        "fix": "Fill in `signoff.mr`: `sought: true` with `date` and `views`, or `sought: false` with "
        "`reason_not_sought`.",
        "message": "DPIA '{dpia}' does not record the MR's views (or why they were not sought)",
        "reader": "For {dpia}, the register does not record the views of the participation council. Nor does it say "
        "why the council was not asked.",
    },
)
def mr_views_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        mr = d.signoff.mr
        if mr is None or (mr.sought and not (mr.views or "").strip()) or (
            not mr.sought and not (mr.reason_not_sought or "").strip()
        ):
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA959", "board-decision-missing", "AVG art. 35 lid 1; art. 5 lid 2",
    nl={
        "title": "Besluit van het bestuur ontbreekt",
        "checks": "Een DPIA heeft de status 'besloten' (`decided`), maar er is geen besluit van het bestuur "
        "vastgelegd (`signoff.decision`).",
        "why": "Het bestuur (bevoegd gezag) is verwerkingsverantwoordelijke en besluit over de DPIA: "
        "goedkeuren, goedkeuren onder voorwaarden, afwijzen of voorleggen aan de AP.",
        "fix": "Leg het besluit vast: `signoff.decision` met `outcome`, `date` en bij voorwaarden `conditions`.",
        "message": "DPIA '{dpia}' is besloten, maar het besluit van het bestuur is niet vastgelegd",
        "reader": "Over {dpia} is besloten, maar het besluit van het bestuur is niet vastgelegd.",
    },
    en={
        "title": "Board decision missing",
        "checks": "A DPIA has status `decided`, but no board decision is recorded (`signoff.decision`).",
        "why": "The board (bevoegd gezag) is the controller and decides on the DPIA: approve, approve with "
        "conditions, reject, or refer to the AP.",
        "fix": "Record the decision: `signoff.decision` with `outcome`, `date` and, for conditions, `conditions`.",
        "message": "DPIA '{dpia}' is decided, but the board's decision is not recorded",
        "reader": "A decision was taken on {dpia}, but the board's decision is not recorded.",
    },
)
def board_decision_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.status is DpiaStatus.DECIDED and d.signoff.decision is None:
            yield Hit((d.id,), {"dpia": d.id})


@_step_rule(
    "DPIA960", "review-date-missing", "AVG art. 35 lid 11",
    nl={
        "title": "Herbeoordelingsdatum ontbreekt",
        "checks": "Een besloten DPIA heeft geen datum voor de herbeoordeling (`signoff.review_by`).",
        "why": "Een DPIA wordt opnieuw beoordeeld als het risico verandert (AVG art. 35 lid 11) en volgens het "
        "Model DPIA ten minste elke drie jaar.",
        "fix": "Vul `signoff.review_by` in, hoogstens drie jaar na het besluit.",
        "message": "DPIA '{dpia}' is besloten maar heeft geen herbeoordelingsdatum",
        "reader": "Over {dpia} is besloten, maar er staat niet wanneer de DPIA opnieuw wordt bekeken.",
    },
    en={
        "title": "Review date missing",
        "checks": "A decided DPIA has no review date (`signoff.review_by`).",
        "why": "A DPIA is reviewed when the risk changes (GDPR Art. 35(11)) and, following the Model DPIA, at "
        "least every three years.",
        "fix": "Fill in `signoff.review_by`, at most three years after the decision.",
        "message": "DPIA '{dpia}' is decided but has no review date",
        "reader": "A decision was taken on {dpia}, but it does not say when the DPIA will be reviewed.",
    },
)
def review_date_missing(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if d.status is DpiaStatus.DECIDED and d.signoff.review_by is None:
            yield Hit((d.id,), {"dpia": d.id})


@rule(
    code="DPIA961",
    name="signoff-for-another-version",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 35 lid 2; art. 5 lid 2",
    theme="signoff",
    nl={
        "title": "Advies of besluit over een andere versie",
        "checks": "Het advies van de FG of het besluit van het bestuur noemt een andere versie dan de huidige "
        "versie van de DPIA.",
        "why": "Een advies of besluit geldt voor de tekst die voorlag. Is de DPIA daarna gewijzigd, dan is "
        "niet aangetoond dat de FG en het bestuur de huidige inhoud kennen.",
        "fix": "Vraag nieuw advies of een nieuw besluit over de huidige versie, of zet `version` terug als de "
        "wijziging geen inhoudelijke was.",
        "message": "DPIA '{dpia}' is versie {version}, maar het advies of besluit van {date} ({step}) gaat over versie {other}",
        "reader": "De DPIA {dpia} is gewijzigd na {step} van {date}. Dat advies of besluit gaat dus over een oudere "
        "versie.",
    },
    en={
        "title": "Advice or decision about another version",
        "checks": "The DPO's advice or the board's decision names another version than the DPIA's current one.",
        "why": "Advice and decisions hold for the text that was before them. If the DPIA changed afterwards, "
        "it is not shown that the DPO and the board know its current content.",
        "fix": "Ask new advice or a new decision on the current version, or set `version` back if the change "
        "was not one of substance.",
        "message": "DPIA '{dpia}' is version {version}, but the advice or decision of {date} ({step}) is about version {other}",
        "reader": "The DPIA {dpia} has changed since {step} of {date}. So that advice or decision is about an earlier"
        " version.",
    },
)
def signoff_for_another_version(ctx: Context) -> Iterable[Hit]:
    for d in _to_complete(ctx):
        if not d.version:
            continue
        s = d.signoff
        for step, version, date in (
            ("fg_advice", s.fg_advice.version if s.fg_advice else None, s.fg_advice.date if s.fg_advice else None),
            ("decision", s.decision.version if s.decision else None, s.decision.date if s.decision else None),
        ):
            if version and version != d.version:
                yield Hit((d.id, step), {"dpia": d.id, "version": d.version, "step": step, "date": date, "other": version})


@rule(
    code="DPIA962",
    name="review-date-passed",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 11",
    theme="signoff",
    nl={
        "title": "Herbeoordeling te laat",
        "checks": "De herbeoordelingsdatum van een DPIA (`signoff.review_by`) is verstreken.",
        "why": "Na de herbeoordelingsdatum is niet meer aangetoond dat de beoordeling van de risico's nog klopt "
        "(AVG art. 35 lid 11). Systemen, leveranciers en dreigingen veranderen in drie jaar.",
        "fix": "Beoordeel de DPIA opnieuw: werk de risico's en maatregelen bij, vraag het advies van de FG "
        "over de nieuwe versie en laat het bestuur opnieuw besluiten met een nieuwe datum.",
        "message": "DPIA '{dpia}' had uiterlijk {review_by} opnieuw beoordeeld moeten worden",
        "reader": "{dpia} had uiterlijk op {review_by} opnieuw bekeken moeten worden. Dat is niet gebeurd.",
    },
    en={
        "title": "Review overdue",
        "checks": "A DPIA's review date (`signoff.review_by`) has passed.",
        "why": "After the review date it is no longer shown that the risk assessment still holds (GDPR "
        "Art. 35(11)). Systems, suppliers and threats change in three years.",
        "fix": "Review the DPIA: update its risks and measures, ask the DPO's advice on the new version and "
        "have the board decide again with a new date.",
        "message": "DPIA '{dpia}' should have been reviewed by {review_by}",
        "reader": "{dpia} should have been reviewed by {review_by}. That has not happened.",
    },
)
def review_date_passed(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        if d.signoff.review_by is not None and d.signoff.review_by < ctx.on:
            yield Hit((d.id,), {"dpia": d.id, "review_by": d.signoff.review_by})


@rule(
    code="DPIA963",
    name="review-date-too-late",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 35 lid 11; Model DPIA Rijksdienst",
    theme="signoff",
    nl={
        "title": "Herbeoordeling later dan drie jaar",
        "checks": "De herbeoordelingsdatum ligt meer dan drie jaar na het besluit van het bestuur.",
        "why": "Het Model DPIA vraagt om ten minste elke drie jaar opnieuw te beoordelen, en eerder als het "
        "risico verandert (AVG art. 35 lid 11).",
        "fix": "Zet `signoff.review_by` op hoogstens drie jaar na de datum van het besluit.",
        "message": "DPIA '{dpia}' wordt pas op {review_by} herbeoordeeld, meer dan drie jaar na het besluit van {decided}",
        "reader": "{dpia} wordt pas op {review_by} opnieuw bekeken. Dat is meer dan drie jaar na het besluit.",
    },
    en={
        "title": "Review later than three years",
        "checks": "The review date lies more than three years after the board's decision.",
        "why": "The Model DPIA asks for a review at least every three years, and earlier when the risk changes "
        "(GDPR Art. 35(11)).",
        "fix": "Set `signoff.review_by` to at most three years after the date of the decision.",
        "message": "DPIA '{dpia}' is reviewed only on {review_by}, more than three years after the decision of {decided}",
        "reader": "{dpia} will only be reviewed on {review_by}. That is more than three years after the decision.",
    },
)
def review_date_too_late(ctx: Context) -> Iterable[Hit]:
    for d in _dpias(ctx):
        s = d.signoff
        if s.review_by is not None and s.decision is not None and s.review_by > _years_later(s.decision.date, REVIEW_YEARS):
            yield Hit((d.id,), {"dpia": d.id, "review_by": s.review_by, "decided": s.decision.date})


# ---- approval gate

# The rules above whose findings about a DPIA count against its approval, with whether they need the
# other findings.
_OWN_RULES: tuple[tuple[str, Callable[..., Iterable[Hit]], bool], ...] = (
    ("DPIA950", screening_missing, False),
    ("DPIA951", screening_criteria_unassessed, False),
    ("DPIA952", necessity_missing, False),
    ("DPIA953", risks_missing, False),
    ("DPIA954", risk_not_rated, False),
    ("DPIA955", prior_consultation_required, True),
    ("DPIA956", author_missing, False),
    ("DPIA957", dpo_advice_missing, False),
    ("DPIA958", mr_views_missing, False),
    ("DPIA959", board_decision_missing, False),
    ("DPIA960", review_date_missing, False),
    ("DPIA961", signoff_for_another_version, False),
    ("DPIA962", review_date_passed, False),
    ("DPIA963", review_date_too_late, False),
    ("DPIA967", dpia_scope_misses_part, False),
)


def own_finding_ids(ctx: Context, findings: list) -> dict[str, list[str]]:
    """Ids of this module's findings per DPIA (without DPIA964), as ``dpia check`` would print them."""
    out: dict[str, list[str]] = {}
    for code, func, needs in _OWN_RULES:
        if REGISTRY[code].severity is Severity.INFO:
            continue
        hits = func(ctx, findings) if needs else func(ctx)
        for hit in hits:
            out.setdefault(hit.subjects[0], []).append("/".join((code, *hit.subjects)))
    return out


def blocks_approval(d: Dpia) -> bool:
    """A DPIA to be approved, or approved: its findings now block instead of advise."""
    if d.status is DpiaStatus.TO_BE_APPROVED:
        return True
    return d.status is DpiaStatus.DECIDED and d.signoff.decision is not None and d.signoff.decision.outcome in APPROVING


@rule(
    code="DPIA964",
    name="approval-with-open-findings",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 35 lid 7 sub d; art. 5 lid 2",
    theme="signoff",
    after_findings=True,
    nl={
        "title": "Goedkeuring met open bevindingen",
        "checks": "Een DPIA staat ter goedkeuring of is goedgekeurd, terwijl er open blokkerende bevindingen of "
        "waarschuwingen zijn over zijn systemen, stromen, partijen, doelen of overeenkomsten, of over de DPIA "
        "zelf.",
        "why": "Zolang een DPIA een concept is, zijn bevindingen een advies. Wie hem ter goedkeuring voorlegt, "
        "verklaart dat de risico's in kaart zijn en de maatregelen volstaan; open bevindingen spreken dat "
        "tegen. Het bestuur moet ze eerst laten oplossen of ze bewust accepteren.",
        "fix": "Los de genoemde bevindingen op, of laat het bestuur ze met een reden en einddatum accepteren "
        "(`acceptances`), of zet de DPIA terug naar `draft`.",
        "message": "DPIA '{dpia}' staat ter goedkeuring of is goedgekeurd, maar heeft {count} open "
        "bevinding(en): {findings}",
        "reader": "{dpia} ligt ter goedkeuring voor of is goedgekeurd. Toch staan er nog punten open: {count}. Die "
        "moeten eerst worden opgelost of bewust geaccepteerd.",
    },
    en={
        "title": "Approval with open findings",
        "checks": "A DPIA is to be approved or has been approved while open blockers or warnings concern its "
        "systems, flows, parties, purposes or agreements, or the DPIA itself.",
        "why": "While a DPIA is a draft its findings advise. Submitting it for approval states that the risks "
        "are mapped and the measures suffice; open findings contradict that. The board must have them "
        "resolved or accept them knowingly first.",
        "fix": "Resolve the findings named, or have the board accept them with a reason and an end date "
        "(`acceptances`), or set the DPIA back to `draft`.",
        "message": "DPIA '{dpia}' is to be approved or approved, but has {count} open finding(s): {findings}",
        "reader": "{dpia} is up for approval or approved. Yet some points are still open: {count}. They must be "
        "resolved or knowingly accepted first.",
    },
)
def approval_with_open_findings(ctx: Context, findings: list) -> Iterable[Hit]:
    gated = [d for d in _dpias(ctx) if blocks_approval(d)]
    if not gated:
        return
    open_findings = _open(ctx, findings)
    own = own_finding_ids(ctx, findings)
    accepted = _current_acceptances(ctx)
    for d in gated:
        ids = [f.id for f in findings_in_scope(open_findings, dpia_scope(ctx.register, d).ids)]
        ids += [i for i in own.get(d.id, []) if i not in accepted]
        ids = sorted(set(ids))
        if ids:
            shown = ", ".join(ids[:8]) + (f" (+{len(ids) - 8})" if len(ids) > 8 else "")
            yield Hit((d.id,), {"dpia": d.id, "count": len(ids), "findings": shown})
