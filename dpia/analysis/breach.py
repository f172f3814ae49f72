"""Data breaches: who is affected, through the data map, and whether to notify (GDPR Art. 33-34).

**Impact** (`impact`). What a breach at a place can touch is what the register says is there: the
flows that end there and the flows that leave from there (a party holds what it receives and what it
makes and sends on, such as the photographer's passport photos): at a party, the flows to and from the
party and every system it operates; at a system, the flows into and out of it; at a flow, that flow;
at a school or the board, the flows from or to it. A sub-processor three hops down the Magister chain thus holds exactly what flows to it, and a
category that never reaches a place is never listed. Counted on the register's tables, so it stays
fast on a million flows.

**Assessment** (`assess_breach`). A suggested answer to "notify the AP?" (Art. 33(1): unless the
breach is unlikely to result in a risk) and "inform the data subjects?" (Art. 34(1): when it is likely
to result in a high risk), from the criteria of EDPB Guidelines 9/2022 and 01/2021, scored with the
severity method of ENISA (2013, *Recommendations for a methodology of the assessment of severity of
personal data breaches*): severity = DPC x EI + CB, with

=====================  ==========================================================================
DPC (data)             1 ordinary data; 2 sensitive in context (grades, absence, conversation
                       reports); 3 the BSN (identity fraud); 4 special categories (Art. 9) or
                       criminal data (Art. 10) — the highest involved counts
EI (identification)    1 the data names the person (a category marked ``identifying`` or the BSN);
                       0.5 only pseudonymous or indirect data
CB (circumstances)     confidentiality 0.25, or 0.5 when malicious; integrity 0.25 (0.5 malicious);
                       availability 0.25
=====================  ==========================================================================

plus the two characteristics the EDPB names for schools: children among the subjects (+0.5) and a
large number affected (1000 or more: +0.5). Data encrypted with a state-of-the-art method whose key
was not compromised is unintelligible (Art. 34(3)(a)): its confidentiality scores nothing. Severity
below 2 is *low* (suggest: no notification, record why), 2 to 3 *medium* (notify the AP), 3 to 4
*high* and 4 or more *very high* (notify the AP and inform the subjects). The suggestion is advisory:
the officer decides, and the decision is recorded beside it in the breach register.

**Deadline.** 72 hours from discovery (Art. 33(1)), computed in UTC so that a daylight-saving change
in between neither adds nor loses an hour, and shown in Dutch time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from dpia.i18n import format_datetime, format_duration, format_number, LANGS, t
from dpia.model import AgeBand, Breach, BreachNature, DataType, Register, SubjectKind, Text
from dpia.analysis.tables import Tables
from dpia.io.export import csv_text
from dpia.io.problems import did_you_mean
from dpia.model.flowtable import bulk_flows
from dpia.model.names import names_of

DEADLINE = dt.timedelta(hours=72)
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
LARGE_NUMBER = 1000
LEVELS = ((4.0, "very_high"), (3.0, "high"), (2.0, "medium"), (0.0, "low"))


class UnknownPlace(Exception):
    """A place that is not a party, system, flow, school or the board of the register."""

    def __init__(self, place: str, hint: str):
        super().__init__(place)
        self.place, self.hint = place, hint

    def message(self, lang: str | None = None) -> str:
        return t("breach_unknown_place", lang, place=self.place, hint=self.hint)


@dataclass(frozen=True)
class Impact:
    """What a breach at ``place`` can touch, by the register."""

    place: str
    kind: str  # party, system, flow, school, controller
    flows: int
    categories: tuple[str, ...]
    subjects: tuple[str, ...]
    schools: tuple[str, ...]
    pupils: int | None
    staff: int | None
    people: int | None  # the subject categories' counts, where the register gives them
    special: tuple[str, ...]
    criminal: tuple[str, ...]
    bsn: tuple[str, ...]
    children_under_16: bool
    nodes: tuple[str, ...]  # where the data comes from and goes to (for the drawing)
    edges: tuple[str, ...]  # the flows involved (ids; capped for the drawing)
    reached: tuple[str, ...] = field(default=(), repr=False, compare=False)  # every flow involved (ids)

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items() if k != "reached"}


def _place_kind(register: Register, place: str) -> str:
    if place == register.controller.id:
        return "controller"
    if place in {s.id for s in register.controller.schools}:
        return "school"
    if place in {p.id for p in register.parties}:
        return "party"
    if place in {s.id for s in register.systems}:
        return "system"
    table = bulk_flows(register)
    if place in {f.id for f in register.flows} or (table is not None and table.row_of(place) is not None):
        return "flow"
    options = [register.controller.id, *(s.id for s in register.controller.schools), *(p.id for p in register.parties),
               *(s.id for s in register.systems)]
    hint = did_you_mean(place, options)
    raise UnknownPlace(place, hint.render(None) if hasattr(hint, "render") else str(hint))


def impact(register: Register, place: str, tables: Any = None, since: dt.date | None = None,
           until: dt.date | None = None) -> Impact:
    """What a breach at ``place`` (a party, system, flow, school or the board) can touch.

    With ``since`` (and ``until``, default today) only what reached the place in that period counts:
    a flow counts unless every agreement that covers it (its own, else those of the party it goes to)
    ended before ``since`` or began after ``until``; a flow that no agreement with dates covers counts
    (the register gives no reason to think it stopped).

    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "parties": [{"id": "p", "name": "P", "role": "processor"}],
    ...     "data_categories": [{"id": "n", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"}],
    ...     "flows": [{"id": "f", "from": "b", "to": "p", "categories": ["n"]}]})
    >>> impact(reg, "p").categories
    ('n',)
    """
    kind = _place_kind(register, place)
    tables = tables or Tables(register)
    flows = tables.flows
    ids = tables.ids
    code = ids.categories.get_loc(place) if place in ids.categories else -1
    if kind in ("party", "controller"):  # what reaches the party or its systems, and what it sends on
        mask = (flows["dst_holder"].cat.codes.to_numpy() == code) | (flows["src_holder"].cat.codes.to_numpy() == code)
    elif kind == "flow":
        mask = (flows["flow"].astype(object) == place).to_numpy()
    else:  # a system or a school: what goes in and what comes out
        mask = (flows["src"].cat.codes.to_numpy() == code) | (flows["dst"].cat.codes.to_numpy() == code)
    if since is not None:
        mask = mask & _active(tables, since, until or dt.date.today())
    chosen = flows.loc[mask]
    flow_codes = chosen["flow"].cat.codes.to_numpy()

    def items(frame, column: str) -> tuple[str, ...]:
        hit = np.isin(frame["flow"].cat.codes.to_numpy(), flow_codes)
        return tuple(sorted(set(frame.loc[hit, column].astype(object).dropna().tolist())))

    categories = items(tables.flow_categories, "category")
    subjects = items(tables.flow_subjects, "subject")
    cats = {c.id: c for c in register.data_categories}
    subs = {s.id: s for s in register.subjects}
    schools = _schools(register, chosen, kind, place)
    by_school = {s.id: s for s in register.controller.schools}
    pupils = _total([by_school[s].pupils for s in schools])
    staff = _total([by_school[s].staff for s in schools])
    people = _total([subs[s].count for s in subjects if s in subs])
    ends = sorted(set(chosen["src"].astype(object).tolist()) | set(chosen["dst"].astype(object).tolist()) | {place})
    return Impact(
        place=place, kind=kind, flows=int(mask.sum()), categories=categories, subjects=subjects, schools=schools,
        pupils=pupils, staff=staff, people=people,
        special=tuple(c for c in categories if c in cats and cats[c].type is DataType.SPECIAL),
        criminal=tuple(c for c in categories if c in cats and cats[c].type is DataType.CRIMINAL),
        bsn=tuple(c for c in categories if c in cats and cats[c].type is DataType.NATIONAL_ID),
        children_under_16=any(s in subs and subs[s].age_band is AgeBand.UNDER_16 for s in subjects),
        nodes=tuple(ends), edges=tuple(sorted(chosen["flow"].astype(object).tolist()[:500])),
        reached=tuple(chosen["flow"].astype(object).tolist()),
    )


def _active(tables: Any, since: dt.date, until: dt.date) -> np.ndarray:
    """For each row of the flow table: whether the flow may have run in [since, until] (see
    :func:`impact`): not when it has candidate agreements and each lies wholly outside the period."""
    import pandas as pd

    flows = tables.flows
    a = tables.agreements.astype({"agreement": object})
    start = pd.to_datetime(a["valid_from"])
    end = pd.to_datetime(a["valid_until"])
    outside = ((end < pd.Timestamp(since)) | (start > pd.Timestamp(until))).fillna(False).to_numpy()
    gone = set(a.loc[outside, "agreement"].tolist())
    candidates = tables.flow_agreements.astype({"flow": object, "agreement": object})
    candidates = candidates.assign(gone=candidates["agreement"].isin(gone))
    stopped = candidates.groupby("flow")["gone"].all()
    stopped = set(stopped[stopped].index.tolist())
    return ~flows["flow"].astype(object).isin(stopped).to_numpy()


def _total(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _schools(register: Register, chosen: Any, kind: str, place: str) -> tuple[str, ...]:
    """The schools whose pupils' data is involved: the schools that send the flows, and for data the
    board or its pupils send into a system, the schools that use that system (all when it says none)."""
    all_schools = [s.id for s in register.controller.schools]
    if kind == "school":
        return (place,)
    systems = {s.id: s for s in register.systems}
    out: set[str] = set()
    for src, dst in zip(chosen["src"].astype(object).tolist(), chosen["dst"].astype(object).tolist()):
        if src in all_schools:
            out.add(src)
        else:
            used = next((systems[n].schools for n in (dst, src) if n in systems), None)
            out.update(used or all_schools)
        if len(out) == len(all_schools):
            break
    return tuple(sorted(out))


# ---- the notification assessment


@dataclass(frozen=True)
class Criterion:
    key: str
    applies: bool
    points: float
    params: dict[str, Any]

    def reason(self, lang: str | None = None) -> str:
        params = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return t(f"breach_crit_{self.key}" if self.applies else f"breach_crit_{self.key}_not", lang, **params)

    def label(self, lang: str | None = None) -> str:
        return t(f"breach_crit_{self.key}_label", lang)


@dataclass(frozen=True)
class Assessment:
    severity: float
    level: str
    unintelligible: bool
    notify_ap: bool
    inform_subjects: bool
    criteria: tuple[Criterion, ...]

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "severity": self.severity, "level": self.level, "unintelligible": self.unintelligible,
            "notify_ap": self.notify_ap, "inform_subjects": self.inform_subjects,
            "criteria": [{"criterion": c.key, "applies": c.applies, "points": c.points, "reason": c.reason(lang)}
                         for c in self.criteria],
        }


def _dpc(register: Register, categories: list[str]) -> tuple[float, str]:
    cats = {c.id: c for c in register.data_categories}
    best, why = 1.0, "ordinary"
    for c in categories:
        kind = cats[c].type if c in cats else DataType.ORDINARY
        points = {DataType.SPECIAL: 4.0, DataType.CRIMINAL: 4.0, DataType.NATIONAL_ID: 3.0, DataType.SENSITIVE: 2.0}.get(kind, 1.0)
        if points > best:
            best, why = points, kind.value
    return best, why


def assess_breach(register: Register, breach: Breach, found: Impact | None = None) -> Assessment:
    """The suggested answers for ``breach``, each criterion with why it applies (see the module's text).

    The breach's own ``categories``, ``subjects`` and ``affected`` count where the report gives them;
    otherwise what the register says reaches the place (``found``, computed when not given).
    """
    found = found or impact(register, breach.at)
    cats = {c.id: c for c in register.data_categories}
    subs = {s.id: s for s in register.subjects}
    categories = list(breach.categories or found.categories)
    subjects = list(breach.subjects or found.subjects)
    affected = breach.affected if breach.affected is not None else (found.people or found.pupils)

    def names(ids, table) -> Text:  # the labels in both languages: the reason is written in the reader's
        return Text(**{lang: ", ".join(sorted(table[i].label.pick(lang) if i in table else i for i in ids)) or "—"
                       for lang in LANGS})


    dpc, dpc_kind = _dpc(register, categories)
    identifying = [c for c in categories if c in cats and (cats[c].identifying or cats[c].type is DataType.NATIONAL_ID)]
    ei = 1.0 if identifying else 0.5
    unintelligible = breach.encrypted and not breach.key_compromised
    conf = BreachNature.CONFIDENTIALITY in breach.nature
    integ = BreachNature.INTEGRITY in breach.nature
    avail = BreachNature.AVAILABILITY in breach.nature
    conf_points = 0.0 if unintelligible else (0.5 if breach.malicious else 0.25)
    children = [s for s in subjects if s in subs and subs[s].kind is SubjectKind.PUPIL and subs[s].age_band is not AgeBand.ADULT]
    large = affected is not None and affected >= LARGE_NUMBER
    criteria = [
        Criterion("data", True, dpc, {"kind": Text(**{lang: t(f"breach_dpc_{dpc_kind}", lang) for lang in LANGS}), "categories": names(categories, cats)}),
        Criterion("identification", True, ei, {"categories": names(identifying, cats)}),
        Criterion("confidentiality", conf, conf_points if conf else 0.0, {}),
        Criterion("integrity", integ, (0.5 if breach.malicious else 0.25) if integ else 0.0, {}),
        Criterion("availability", avail, 0.25 if avail else 0.0, {}),
        Criterion("malicious", breach.malicious, 0.0, {}),
        Criterion("encrypted", unintelligible, 0.0, {}),
        Criterion("children", bool(children), 0.5 if children else 0.0, {"subjects": names(children, subs)}),
        Criterion("volume", large, 0.5 if large else 0.0, {"count": affected if affected is not None else "?", "limit": LARGE_NUMBER}),
    ]
    cb = sum(c.points for c in criteria if c.key in ("confidentiality", "integrity", "availability"))
    if unintelligible and not (integ or avail):
        severity = 0.0  # nothing intelligible left the school's hands
    else:
        severity = round(dpc * ei + cb + sum(c.points for c in criteria if c.key in ("children", "volume")), 2)
    level = next(name for limit, name in LEVELS if severity >= limit)
    notify = level != "low"
    inform = level in ("high", "very_high") and not unintelligible
    return Assessment(severity, level, unintelligible, notify, inform, tuple(criteria))


# ---- time


def deadline(breach: Breach) -> dt.datetime:
    """The moment the AP must have been notified: 72 hours after discovery (in Dutch time)."""
    return (breach.discovered_at.astimezone(dt.timezone.utc) + DEADLINE).astimezone(DUTCH_TIME)


def time_left(breach: Breach, now: dt.datetime) -> dt.timedelta:
    """Time left until the deadline (negative when it has passed); computed in UTC."""
    return deadline(breach).astimezone(dt.timezone.utc) - now.astimezone(dt.timezone.utc)


def moment_of(on: dt.date, today: dt.date | None = None) -> dt.datetime:
    """The moment a check "on" a date looks at: now when it is today, otherwise the end of that day in
    Dutch time (so a check of a past date is the same every time it runs)."""
    today = today or dt.datetime.now(DUTCH_TIME).date()
    if on == today:
        return dt.datetime.now(dt.timezone.utc)
    return dt.datetime.combine(on, dt.time(23, 59, 59), DUTCH_TIME)


def duration_text(delta: dt.timedelta, lang: str | None = None) -> str:
    """'2 dagen en 5 uur' / '2 days and 5 hours', rounded down to the hour (``dpia.i18n.format_duration``).

    >>> duration_text(dt.timedelta(days=2, hours=5, minutes=59), "nl"), duration_text(dt.timedelta(hours=1), "en")
    ('2 dagen en 5 uur', '1 hour')
    """
    hours = int(abs(delta.total_seconds()) // 3600)
    days, hours = divmod(hours, 24)
    parts = [(n, unit) for n, unit in ((days, "day"), (hours, "hour")) if n]
    return format_duration(parts or [(0, "hour")], lang)


# ---- output


def _names(register: Register, ids: tuple[str, ...] | list[str], lang: str | None) -> str:
    """The entities' names (``dpia.model.names``), comma-separated, or '—'."""
    return ", ".join(names_of(register, ids, lang)) or "—"


def report_lines(register: Register, found: Impact, assessment: Assessment | None = None,
                 breach: Breach | None = None, now: dt.datetime | None = None, lang: str | None = None) -> list[str]:
    """The officer's answer: what is affected, the suggestion with its criteria, and the time left."""
    out = [t("breach_at", lang, place=_names(register, [found.place], lang), id=found.place, count=found.flows)]
    out.append(t("breach_categories", lang, names=_names(register, found.categories, lang)))
    out.append(t("breach_subjects", lang, names=_names(register, found.subjects, lang)))
    out.append(t("breach_schools", lang, names=_names(register, found.schools, lang),
                 pupils=found.pupils if found.pupils is not None else "?", staff=found.staff if found.staff is not None else "?"))
    for key, values in (("special", found.special), ("criminal", found.criminal), ("bsn", found.bsn)):
        if values:
            out.append(t(f"breach_has_{key}", lang, names=_names(register, values, lang)))
    if found.children_under_16:
        out.append(t("breach_has_children", lang))
    if breach is not None:
        due = deadline(breach)
        out.append(t("breach_deadline", lang, deadline=format_datetime(due, lang), zone=due.tzname() or "",
                     discovered=_when(breach.discovered_at, lang)))
        if now is not None and breach.ap is None:
            left = time_left(breach, now)
            key = "breach_time_left" if left.total_seconds() > 0 else "breach_time_passed"
            out.append(t(key, lang, duration=duration_text(left, lang)))
    if assessment is not None:
        out.append(t("breach_suggestion", lang, level=t(f"breach_level_{assessment.level}", lang), severity=assessment.severity,
                     ap=t("breach_yes" if assessment.notify_ap else "breach_no", lang),
                     subjects=t("breach_yes" if assessment.inform_subjects else "breach_no", lang)))
        for c in assessment.criteria:
            mark = "+" if c.applies and c.points else "·"
            out.append(f"  {mark} " + t("breach_criterion_line", lang, label=c.label(lang), points=c.points, reason=c.reason(lang)))
    if breach is not None:
        out.append(_decision_line("ap", breach.ap, lang))
        out.append(_decision_line("subjects", breach.data_subjects, lang))
    return out


def _decision_line(which: str, decision: Any, lang: str | None) -> str:
    if decision is None:
        return t(f"breach_decision_{which}_none", lang)
    when = _when(decision.decided_at, lang)
    return t(f"breach_decision_{which}_{decision.decision.value}", lang, when=when, reason=decision.reason or "—")


def impact_csv(register: Register, found: Impact, lang: str | None = None) -> str:
    """One row per affected category, group of data subjects and school, for a spreadsheet (every cell
    through the formula neutraliser, ``dpia.io.export.csv_text``)."""
    rows = [["category", c, _names(register, [c], lang), str(c in found.special), str(c in found.criminal),
             str(c in found.bsn)] for c in found.categories]
    rows += [["subjects", s, _names(register, [s], lang), "", "", ""] for s in found.subjects]
    rows += [["school", s, _names(register, [s], lang), "", "", ""] for s in found.schools]
    return csv_text(["kind", "id", "name", "special", "criminal", "bsn"], rows)


# ---- the AP's notification form, pre-filled (a draft for the officer to copy)

FORM_SECTIONS = ("organisation", "what", "when", "data", "people", "consequences", "measures", "informed", "extra")


def _when(value: dt.datetime | None, lang: str | None) -> str:
    """A moment in Dutch time, written out for the reader ('23 november 2026 om 09:15'), or '—'."""
    return format_datetime(value.astimezone(DUTCH_TIME), lang) if value else "—"


def notification_form(register: Register, breach: Breach, lang: str | None = "nl") -> str:
    """The answers the AP's breach notification form asks for, as an offline HTML page (a draft: the
    officer checks it and copies it into the AP's form). Names of people are left out; the FG's
    contact details are to be filled in by the officer."""
    import html

    found = impact(register, breach.at)
    a = assess_breach(register, breach, found)
    e = lambda v: html.escape(str(v))  # noqa: E731
    categories = breach.categories or list(found.categories)
    subjects = breach.subjects or list(found.subjects)
    special = [c for c in categories if c in found.special or c in {x.id for x in register.data_categories if x.type is DataType.SPECIAL}]
    rows = {
        "organisation": [(t("form_org_name", lang), register.controller.name),
                         (t("form_org_kvk", lang), register.controller.kvk or "—"),
                         (t("form_org_contact", lang), t("form_fill_in", lang))],
        "what": [(t("form_summary", lang), f"{breach.title}. {breach.description or ''}".strip()),
                 (t("form_nature", lang), ", ".join(t(f"form_nature_{n.value}", lang) for n in breach.nature)),
                 (t("form_where", lang), _names(register, [breach.at], lang)),
                 (t("form_reported_by", lang), _names(register, [breach.reported_by], lang) if breach.reported_by else "—"),
                 (t("form_malicious", lang), t("breach_yes" if breach.malicious else "breach_no", lang))],
        "when": [(t("form_discovered", lang), _when(breach.discovered_at, lang)),
                 (t("form_deadline", lang), _when(deadline(breach), lang)),
                 (t("form_late_reason", lang), (breach.ap.reason if breach.ap and breach.ap.reason else "—"))],
        "data": [(t("form_categories", lang), _names(register, categories, lang)),
                 (t("form_special", lang), _names(register, special, lang) if special else t("breach_no", lang)),
                 (t("form_bsn", lang), t("breach_yes" if found.bsn and (not breach.categories or set(found.bsn) & set(categories)) else "breach_no", lang)),
                 (t("form_encrypted", lang), t("form_encrypted_yes" if a.unintelligible else "breach_no", lang))],
        "people": [(t("form_count", lang), format_number(breach.affected if breach.affected is not None else (found.people or found.pupils), lang)
                    if (breach.affected is not None or found.people or found.pupils) else "?"),
                   (t("form_groups", lang), _names(register, subjects, lang)),
                   (t("form_children", lang), t("breach_yes" if any(c.key == "children" and c.applies for c in a.criteria) else "breach_no", lang))],
        "consequences": [(t("form_assessment", lang), t("breach_suggestion", lang, level=t(f"breach_level_{a.level}", lang), severity=a.severity,
                                                         ap=t("breach_yes" if a.notify_ap else "breach_no", lang),
                                                         subjects=t("breach_yes" if a.inform_subjects else "breach_no", lang)))]
        + [(c.label(lang), c.reason(lang)) for c in a.criteria if c.applies],
        "measures": [(t("form_measures", lang), "; ".join(breach.measures_taken) or t("form_fill_in", lang))],
        "informed": [(t("form_informed", lang), t("form_informed_yes", lang, when=_when(breach.data_subjects.informed_at, lang))
                      if breach.data_subjects and breach.data_subjects.decision.value == "notify" else
                      t("form_informed_no_because", lang, reason=breach.data_subjects.reason)
                      if breach.data_subjects and breach.data_subjects.reason else t("breach_no", lang))],
        "extra": [(t("form_schools", lang), _names(register, found.schools, lang)),
                  (t("form_cross_border", lang), t("form_fill_in", lang))],
    }
    body = [f"<h1>{e(t('form_title', lang, title=breach.title))}</h1>", f"<p>{e(t('form_intro', lang))}</p>"]
    for section in FORM_SECTIONS:
        body.append(f"<h2>{e(t(f'form_h_{section}', lang))}</h2><table>")
        body += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows[section]]
        body.append("</table>")
    css = ("body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.45}"
           "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem;text-align:left;"
           "vertical-align:top}th{width:35%}h2{color:#1f4e79}@page{size:A4;margin:18mm}")
    return ("<!DOCTYPE html>\n<html lang=\"" + (lang or "nl") + "\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{e(t('form_title', lang, title=breach.title))}</title><style>{css}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
