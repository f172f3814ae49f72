"""The answer to an access request (inzageverzoek, GDPR Art. 15), structured from the register.

For one category of data subject (pupils under 16, parents, staff ...) and optionally one school, the
register says what the school must tell: per purpose with its legal basis, the categories of data held
(Art. 15(1)(a)-(b)); every recipient, processors and their sub-processors included as far as the data
travels along the flows (15(1)(c)); transfers outside the EEA and their safeguard (15(2)); how long each
category is kept (15(1)(d)); where data comes from when not from the person (15(1)(g)). The rights
(15(1)(e)-(f)) and the deadline (one month from receipt, extendable by two, Art. 12(3)) complete it.
The officer adds the person's actual records: this is the structure of the answer, not the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dpia.i18n import t
from dpia.model import Register
from dpia.analysis.tables import Tables
from dpia.io.problems import did_you_mean
from dpia.model.names import duration_text, name_of

ONE_MONTH = 1  # Art. 12(3): within one month of receipt
EXTENSION_MONTHS = 2


class UnknownSubject(Exception):
    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass
class AccessAnswer:
    subject: str
    school: str | None
    purposes: list[dict[str, Any]] = field(default_factory=list)  # purpose, basis, categories
    recipients: list[dict[str, Any]] = field(default_factory=list)  # party, role, country, mechanism, via
    retention: list[dict[str, Any]] = field(default_factory=list)  # category, duration, trigger
    sources: list[dict[str, Any]] = field(default_factory=list)  # category, source
    received: dt.date | None = None

    @property
    def due(self) -> dt.date | None:
        return _add_months(self.received, ONE_MONTH) if self.received else None

    @property
    def extended_due(self) -> dt.date | None:
        return _add_months(self.received, ONE_MONTH + EXTENSION_MONTHS) if self.received else None

    def as_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "school": self.school, "purposes": self.purposes, "recipients": self.recipients,
                "retention": self.retention, "sources": self.sources,
                "received": self.received.isoformat() if self.received else None,
                "due": self.due.isoformat() if self.due else None,
                "extended_due": self.extended_due.isoformat() if self.extended_due else None}


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day (31 January + 1 month = 28/29 February)."""
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def access_request(register: Register, subject: str, school: str | None = None,
                   received: dt.date | None = None, tables: Any = None) -> AccessAnswer:
    """The structure of the Art. 15 answer for data subjects of category ``subject`` (see the module)."""
    subjects = {s.id for s in register.subjects}
    if subject not in subjects:
        hint = did_you_mean(subject, sorted(subjects))
        raise UnknownSubject("access_unknown_subject", value=subject, allowed=", ".join(sorted(subjects)),
                             hint=hint.render(None) if hasattr(hint, "render") else hint)
    schools = {s.id for s in register.controller.schools}
    if school is not None and school not in schools:
        raise UnknownSubject("access_unknown_school", value=school, allowed=", ".join(sorted(schools)))
    tables = tables or Tables(register)
    import numpy as np

    ids = tables.ids.categories
    flows = tables.flows
    flow_codes = flows["flow"].cat.codes.to_numpy()
    size = len(flows) + 1
    # the flows about this subject, by code (no string hashing per flow)
    fs = tables.flow_subjects
    about = fs["flow"].cat.codes.to_numpy()[fs["subject"].cat.codes.to_numpy() == ids.get_loc(subject)]
    wanted = np.zeros(size, dtype=bool)
    wanted[about] = True
    rows = wanted[flow_codes]
    if school is not None:
        systems = {s.id: s for s in register.systems}
        others = schools - {school}

        def for_school(src: str, dst: str) -> bool:
            if src in others or dst in others:
                return False
            used = next((systems[n].schools for n in (src, dst) if n in systems), None)
            return not used or school in used

        ends = flows.loc[rows, ["src", "dst"]].drop_duplicates()
        keep = {(a, b) for a, b in zip(ends["src"].cat.codes, ends["dst"].cat.codes)
                if for_school(str(ids[a]), str(ids[b]))}
        keys = flows["src"].cat.codes.to_numpy().astype(np.int64) * (len(ids) + 1) + flows["dst"].cat.codes.to_numpy()
        rows &= np.isin(keys, np.array([a * (len(ids) + 1) + b for a, b in keep], dtype=np.int64))
    chosen = flows[rows]
    # what a flow carries and serves depends on its profile: decide per representative flow
    reps = tables.representatives()
    rep_codes = np.unique(reps["rep"].cat.codes.to_numpy()[rows])
    fc = tables.flow_categories
    fc = fc[np.isin(fc["flow"].cat.codes.to_numpy(), rep_codes)].astype({"flow": object, "category": object})
    fp = tables.flow_purposes
    fp = fp[np.isin(fp["flow"].cat.codes.to_numpy(), rep_codes)].astype({"flow": object, "purpose": object})
    answer = AccessAnswer(subject, school, received=received)

    purposes = {p.id: p for p in register.purposes}
    # a flow serving several purposes: each purpose gets the flow's categories it needs (all of them
    # when the purpose declares no needs)
    needs = {p.id: set(p.needs) for p in register.purposes if p.needs}
    pairs = fp.merge(fc, on="flow")
    by_purpose: dict[str, set[str]] = {}
    for purpose, category in zip(pairs["purpose"], pairs["category"]):
        if purpose not in needs or category in needs[purpose]:
            by_purpose.setdefault(purpose, set()).add(category)
    for pid in sorted(by_purpose):
        p = purposes.get(pid)
        answer.purposes.append({"purpose": pid, "basis": p.legal_basis.value if p and p.legal_basis else None,
                                "source": p.legal_source if p else None, "categories": sorted(by_purpose[pid])})

    parties = {p.id: p for p in register.parties}
    internal = {register.controller.id, *schools}
    seen: dict[str, dict[str, Any]] = {}
    holders = chosen[["src_holder", "dst_holder"]].drop_duplicates().astype(object)
    for src_holder, dst_holder in sorted(zip(holders["src_holder"], holders["dst_holder"]), key=str):
        if dst_holder in internal or dst_holder not in parties:
            continue
        party = parties[dst_holder]
        # the processor through which a sub-processor gets the data (Art. 28(4)); others receive from the school
        via = src_holder if party.role.value == "sub_processor" and src_holder in parties else None
        entry = seen.setdefault(party.id, {"party": party.id, "role": party.role.value,
                                           "country": party.location.country if party.location else None,
                                           "outside_eea": bool(party.location and not party.location.in_eea),
                                           "mechanism": party.location.transfer_mechanism.value
                                           if party.location and party.location.transfer_mechanism else None,
                                           "via": set()})
        if via:
            entry["via"].add(via)
    answer.recipients = [{**v, "via": sorted(v["via"])} for _, v in sorted(seen.items())]

    held = sorted(set(fc["category"]))
    rules: dict[str, list] = {}
    for r in register.retention:
        if r.category:
            rules.setdefault(r.category, []).append(r)
    for c in held:
        for r in sorted(rules.get(c, []), key=lambda r: r.id):
            answer.retention.append({"category": c, "duration": r.duration, "trigger": r.trigger.value, "minimum": r.minimum})
        if c not in rules:
            answer.retention.append({"category": c, "duration": None, "trigger": None, "minimum": False})

    # sources: where each category enters the school's hands when not from the person (Art. 14, 15(1)(g))
    system_ids = {s.id for s in register.systems}
    into = chosen[chosen["dst_holder"].astype(object).isin(internal) | chosen["dst"].astype(object).isin(system_ids)]
    into = into[into["src"].astype(object).isin(set(parties))]
    rep_of = pd.DataFrame({"src": into["src"].astype(object).to_numpy(),
                           "flow": reps["rep"].astype(object).to_numpy()[rows][
                               chosen.index.get_indexer(into.index)]}).drop_duplicates()
    found: dict[str, set[str]] = {}
    for src, category in zip(*(lambda m: (m["src"], m["category"]))(rep_of.merge(fc, on="flow"))):
        found.setdefault(category, set()).add(src)
    answer.sources = [{"category": c, "sources": sorted(s)} for c, s in sorted(found.items())]
    return answer


def _name(register: Register, entity_id: str | None, lang: str | None) -> str:
    """An entity's name (``dpia.model.names``, one cached index per register), or '—'."""
    return "—" if entity_id is None else name_of(register, entity_id, lang)


def answer_lines(register: Register, a: AccessAnswer, lang: str | None = None) -> list[str]:
    """The officer's text: every part of the Art. 15 answer, with names and ids."""
    n = lambda i: f"{_name(register, i, lang)} ({i})"  # noqa: E731
    out = [t("access_heading", lang, subject=n(a.subject), school=n(a.school) if a.school else t("access_all_schools", lang))]
    if a.received:
        out.append(t("access_due", lang, received=a.received.isoformat(), due=a.due.isoformat(), extended=a.extended_due.isoformat()))
    out.append(t("access_h_purposes", lang))
    for p in a.purposes:
        basis = t(f"basis_{p['basis']}", lang) if p["basis"] else t("access_no_basis", lang)
        out.append(f"  - {n(p['purpose'])}: {basis}{' (' + p['source'] + ')' if p['source'] else ''}; "
                   + ", ".join(_name(register, c, lang) for c in p["categories"]))
    out.append(t("access_h_recipients", lang))
    for r in a.recipients:
        mechanism = t(f"transfer_{r['mechanism']}", lang) if r["mechanism"] else t("access_no_safeguard", lang)
        extra = t("access_outside_eea", lang, country=r["country"], mechanism=mechanism) if r["outside_eea"] else ""
        via = t("access_via", lang, via=", ".join(_name(register, v, lang) for v in r["via"])) if r["via"] else ""
        out.append(f"  - {n(r['party'])}: {t('role_' + r['role'], lang)}{via}{extra}")
    out.append(t("access_h_retention", lang))
    for r in a.retention:
        when = (t("retention_period", lang, duration=duration_text(r["duration"], lang), trigger=t("trigger_" + r["trigger"], lang))
                if r["duration"]
                else t("access_no_retention", lang))
        out.append(f"  - {_name(register, r['category'], lang)}: {when}")
    if a.sources:
        out.append(t("access_h_sources", lang))
        for s in a.sources:
            out.append(f"  - {_name(register, s['category'], lang)}: " + ", ".join(_name(register, x, lang) for x in s["sources"]))
    out.append(t("access_rights", lang))
    return out
