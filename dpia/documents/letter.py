"""The letter to parents and pupils, and the privacy statement, generated from the register.

**The letter** (`letter_html`) says in plain Dutch (B1: short sentences, no article numbers, no ids, no
English) what the school does with pupils' data: which data, why, which kinds of organisations receive
it and under which safeguards, photos and consent, who in the school sees what, how long data is kept,
the rights of parents and pupils and who exercises them at which age, whom to ask, and the right to
complain to the Autoriteit Persoonsgegevens. The school's promises (``dpia.analysis.promises``) appear as
promises only while they hold: a broken promise stops the letter (`LetterRefused`) unless it is a draft,
which marks the promise visibly as not true at the moment.

**The privacy statement** (`statement_html`) is the full account of GDPR Art. 13 and 14: every purpose
with its legal basis, recipients by name, transfers outside the EEA with their safeguard, retention per
category, the source of data not obtained from the person, the DPO's contact and the rights.

Both are written only from the register, through the same offline page as the MR report (no scripts,
no external resources, values escaped) and with the report's scrub of confidential values.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

import numpy as np

from dpia.i18n import format_list, t
from dpia.model import DataType, LegalBasis, PartyRole, PromiseKind, Register, SubjectKind, SystemKind
from dpia.analysis.promises import promise_status, PromiseStatus
from dpia.analysis.access_request import access_request
from dpia.analysis.tables import Tables
from dpia.documents.confidential import scrub
from dpia.model.names import duration_text

# Which topic of the letter each kind of promise belongs to (the letter places it there).
TOPIC_OF = {
    PromiseKind.ONLY_NEEDED_DATA: "data",
    PromiseKind.DELETED_AFTER_LEAVING: "where",
    PromiseKind.NO_FLOW_WITHOUT_CONSENT: "where",
    PromiseKind.UNDER_AGREEMENT: "others",
    PromiseKind.NO_PUBLICATION_WITHOUT_CONSENT: "photos",
    PromiseKind.ONLY_ROLES_READ: "access",
    PromiseKind.POLICY_ADOPTED_AFTER_MR: "open",
    PromiseKind.MANUAL: "open",
}
TOPICS = ("data", "where", "others", "photos", "access", "retention", "rights", "open", "contact")
EXAMPLES = 8  # names of purposes and organisations shown before 'and N others'


class LetterRefused(Exception):
    """The register breaks promises the letter would make (``broken``: their statuses)."""

    def __init__(self, broken: list[PromiseStatus]):
        super().__init__(", ".join(s.promise.id for s in broken))
        self.broken = broken

    def message(self, lang: str | None = None) -> str:
        texts = "; ".join(f"'{s.promise.text.pick(lang)}'" for s in self.broken)
        return t("letter_refused", lang, count=len(self.broken), texts=texts)


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _text(label: Any, lang: str | None) -> str:
    return label.pick(lang)


def _lower(label: str) -> str:
    """A category label inside a sentence: lower case, except an abbreviation such as BSN or ECK-iD."""
    first = label.split(" ")[0]
    return label if (len(first) > 1 and first[1].isupper()) else label[:1].lower() + label[1:]


@dataclass
class _Facts:
    """What the letter says, taken from the register once."""

    collected: list[str]
    during: list[str]
    care: list[str]
    systems: list[str]
    purposes: list[str]
    processors: list[str]
    authorities: list[str]
    recipients: list[str]
    public: bool
    outside_eea: list[str]
    retention: list[tuple[str, str]]
    consent_purposes: list[str]


def _categories_where(tables, mask: np.ndarray) -> set[str]:
    """The categories carried by the flows selected by ``mask`` over ``tables.flows`` (integer work only)."""
    codes = tables.flows["flow"].cat.codes.to_numpy()[mask]
    fc = tables.flow_categories
    chosen = np.zeros(max(len(tables.flows), int(codes.max()) + 1 if len(codes) else 0) + 1, dtype=bool)
    chosen[codes] = True
    rows = fc["category"].cat.codes.to_numpy()[chosen[fc["flow"].cat.codes.to_numpy()]]
    return {str(c) for c in tables.ids.categories[np.unique(rows[rows >= 0])]}


def _facts(register: Register, school: str | None, lang: str | None) -> _Facts:
    """What the letter says, from the register's tables (vectorised: a million flows in a second or two)."""
    tables = Tables(register)
    flows = tables.flows
    ids = tables.ids.categories
    cats = {c.id: c for c in register.data_categories}
    parties = {p.id: p for p in register.parties}
    internal = {register.controller.id, *(s.id for s in register.controller.schools)}

    def code_mask(column: str, values: set[str]) -> np.ndarray:
        wanted = ids.get_indexer(sorted(values))
        return np.isin(flows[column].cat.codes.to_numpy(), wanted[wanted >= 0])

    keep = ~code_mask("src", internal - {school, register.controller.id}) if school else np.ones(len(flows), dtype=bool)
    admin = {s.id for s in register.systems if s.kind is SystemKind.PUPIL_ADMINISTRATION}
    collected = _categories_where(tables, keep & code_mask("src", {s.id for s in register.subjects})
                                  & (code_mask("dst", {s.id for s in register.systems}) | code_mask("dst", internal)))
    during = _categories_where(tables, keep & code_mask("src", internal) & code_mask("dst", admin))
    holders = {str(h) for h in flows.loc[keep, "dst_holder"].cat.remove_unused_categories().cat.categories}
    got = sorted(h for h in holders if h in parties)
    used = {str(p) for p in tables.flow_purposes["purpose"].cat.remove_unused_categories().cat.categories}
    public_cats = {c.id for c in register.data_categories if c.confidential}
    label = lambda c: _lower(_text(cats[c].label, lang)) if c in cats and c not in public_cats else None  # noqa: E731
    care = sorted(c for c in collected | during if c in cats and cats[c].type is DataType.SPECIAL)
    by_role: dict[str, list[str]] = {}
    for pid in got:
        by_role.setdefault(parties[pid].role.value, []).append(parties[pid].name)
    outside = sorted(parties[p].name for p in got if parties[p].location and not parties[p].location.in_eea)
    retention = []
    for r in sorted(register.retention, key=lambda r: (r.category or "", r.id)):
        if r.category in cats and (r.category in collected | during) and r.category not in public_cats and not r.minimum:
            retention.append((_text(cats[r.category].label, lang), t("retention_period", lang, duration=duration_text(r.duration, lang),
                                                                    trigger=t("trigger_" + r.trigger.value, lang))))
    pupil_admin = sorted(s.name for s in register.systems if s.kind is SystemKind.PUPIL_ADMINISTRATION)
    return _Facts(
        collected=[x for x in (label(c) for c in sorted(collected - set(care))) if x],
        during=[x for x in (label(c) for c in sorted(during - collected - set(care))) if x],
        care=[x for x in (label(c) for c in care) if x],
        systems=pupil_admin,
        purposes=[_lower(_text(p.label, lang)) for p in sorted(register.purposes, key=lambda p: p.id) if p.id in used],
        processors=by_role.get(PartyRole.PROCESSOR.value, []),
        authorities=by_role.get(PartyRole.INDEPENDENT_CONTROLLER.value, []) + by_role.get(PartyRole.JOINT_CONTROLLER.value, []),
        recipients=by_role.get(PartyRole.RECIPIENT.value, []) + by_role.get(PartyRole.THIRD_PARTY.value, []),
        public=PartyRole.PUBLIC.value in by_role,
        outside_eea=outside,
        retention=retention,
        consent_purposes=[_lower(_text(p.label, lang)) for p in register.purposes
                          if p.legal_basis is LegalBasis.CONSENT and p.id in used],
    )


def _some(names: list[str], lang: str | None) -> str:
    """Up to ``EXAMPLES`` names, then how many more: 'a, b, c en nog 3 andere'."""
    if len(names) <= EXAMPLES:
        return format_list(names, lang)
    return format_list([*names[:EXAMPLES], t("letter_and_more", lang, count=len(names) - EXAMPLES)], lang)


def _p(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def letter_body(register: Register, on: dt.date, school: str | None = None, lang: str | None = "nl",
                draft: bool = False) -> str:
    """The letter's HTML body. Raises ``LetterRefused`` when a promise does not hold (unless ``draft``)."""
    statuses = promise_status(register, on)
    broken = [s for s in statuses if not s.holds]
    if broken and not draft:
        raise LetterRefused(broken)
    f = _facts(register, school, lang)
    schools = {s.id: s.name for s in register.controller.schools}
    who = schools.get(school, register.controller.name) if school else register.controller.name
    out = [f"<h1>{_e(t('letter_title', lang, school=who))}</h1>", _p(t("letter_greeting", lang)),
           _p(t("letter_intro", lang, school=who)), _p(t("letter_intro_2", lang))]
    promises = {topic: [s for s in statuses if TOPIC_OF[s.promise.kind] == topic] for topic in TOPICS}

    def promise_items(topic: str) -> list[str]:
        items = []
        for s in promises[topic]:
            text = _text(s.promise.text, lang)
            if s.holds:
                items.append(f"<li>{_e(text)}</li>")
            else:
                items.append(f'<li class="broken"><b>{_e(t("letter_not_true", lang))}</b> {_e(text)}</li>')
        return [f"<ul class=\"promises\">{''.join(items)}</ul>"] if items else []

    out.append(f"<h2>{_e(t('letter_h_data', lang))}</h2>")
    if f.collected:
        out.append(_p(t("letter_collected", lang, items=format_list(f.collected, lang))))
    if f.during:
        out.append(_p(t("letter_during", lang, items=format_list(f.during, lang))))
    if f.care:
        out.append(_p(t("letter_care", lang, items=format_list(f.care, lang))))
    if f.purposes:
        out.append(_p(t("letter_purposes", lang, items=_some(f.purposes, lang))))
    out += promise_items("data")

    out.append(f"<h2>{_e(t('letter_h_where', lang))}</h2>")
    if f.systems:
        out.append(_p(t("letter_systems", lang, systems=format_list(f.systems, lang))))
    out.append(_p(t("letter_shielded", lang)))
    out += promise_items("where")

    out.append(f"<h2>{_e(t('letter_h_others', lang))}</h2>")
    out.append(_p(t("letter_others_intro", lang)))
    if f.processors:
        out.append(_p(t("letter_processors", lang, names=_some(f.processors, lang))))
    if f.authorities:
        out.append(_p(t("letter_authorities", lang, names=_some(f.authorities, lang))))
    if f.recipients:
        out.append(_p(t("letter_recipients", lang, names=_some(f.recipients, lang))))
    if f.outside_eea:
        out.append(_p(t("letter_outside_eea", lang, names=format_list(f.outside_eea, lang))))
    out += promise_items("others")

    out.append(f"<h2>{_e(t('letter_h_photos', lang))}</h2>")
    if f.public:
        out.append(_p(t("letter_public", lang)))
    if f.consent_purposes:
        out.append(_p(t("letter_consent", lang, items=format_list(f.consent_purposes, lang))))
    out.append(_p(t("letter_consent_age", lang)))
    out.append(_p(t("letter_withdraw", lang)))
    out += promise_items("photos")

    out.append(f"<h2>{_e(t('letter_h_access', lang))}</h2>")
    out.append(_p(t("letter_access", lang)))
    out += promise_items("access")

    out.append(f"<h2>{_e(t('letter_h_retention', lang))}</h2>")
    out.append(_p(t("letter_retention_intro", lang)))
    if f.retention:
        rows = "".join(f"<li>{_e(label)}: {_e(period)}</li>" for label, period in f.retention[:10])
        out.append(f"<ul>{rows}</ul>")

    out.append(f"<h2>{_e(t('letter_h_rights', lang))}</h2>")
    for key in ("letter_rights", "letter_rights_2", "letter_rights_age", "letter_rights_time"):
        out.append(_p(t(key, lang)))

    if promises["open"]:
        out.append(f"<h2>{_e(t('letter_h_open', lang))}</h2>")
        out += promise_items("open")

    out.append(f"<h2>{_e(t('letter_h_contact', lang))}</h2>")
    address = dpo_address(register)
    out.append(_p(t("letter_contact", lang, address=address) if address else t("letter_contact_school", lang)))
    out.append(_p(t("letter_complaint", lang)))
    out.append(_p(t("letter_closing", lang)))
    out.append(_p(t("letter_signature", lang, board=register.controller.name)))
    if draft and broken:
        out.insert(1, f'<p class="draft"><b>{_e(t("letter_draft", lang, count=len(broken)))}</b></p>')
    return "\n".join(out)


def dpo_address(register: Register) -> str | None:
    """The address to write to: the FG's role address, or the person's address when marked public."""
    dpo = register.controller.dpo
    if dpo is None:
        return None
    role = getattr(dpo, "role_address", None)
    if role:
        return role
    return dpo.email if getattr(dpo, "public", False) else None


LETTER_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.55; font-size: 1.05rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; color: #1f4e79; }
ul.promises li { margin: .3rem 0; } li.broken, p.draft { color: #a00; }
@page { size: A4; margin: 20mm; }
"""


def _page(body: str, title: str, lang: str | None, css: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang or "nl")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def letter_html(register: Register, on: dt.date, school: str | None = None, lang: str | None = "nl",
                draft: bool = False) -> str:
    """The whole letter as an offline page, confidential values scrubbed."""
    body = letter_body(register, on, school, lang, draft)
    return scrub(_page(body, t("letter_title", lang, school=register.controller.name), lang, LETTER_CSS), register)


# ---- the privacy statement (Art. 13 and 14)


def statement_body(register: Register, lang: str | None = "nl") -> str:
    cats = {c.id: c for c in register.data_categories}
    parties = {p.id: p for p in register.parties}
    out = [f"<h1>{_e(t('statement_title', lang, board=register.controller.name))}</h1>",
           _p(t("statement_controller", lang, board=register.controller.name))]
    address = dpo_address(register)
    out.append(_p(t("statement_dpo", lang, address=address) if address else t("statement_no_dpo", lang)))
    pupil_groups = [s.id for s in register.subjects if s.kind in (SubjectKind.PUPIL, SubjectKind.PARENT)]
    answers = [access_request(register, s) for s in pupil_groups] or []
    purposes: dict[str, set[str]] = {}
    recipients: dict[str, dict] = {}
    retention: dict[str, str] = {}
    sources: dict[str, set[str]] = {}
    for a in answers:
        for p in a.purposes:
            purposes.setdefault(p["purpose"], set()).update(p["categories"])
        for r in a.recipients:
            recipients[r["party"]] = r
        for r in a.retention:
            if r["duration"]:
                retention.setdefault(r["category"], t("retention_period", lang, duration=duration_text(r["duration"], lang),
                                                      trigger=t("trigger_" + r["trigger"], lang)))
        for s in a.sources:
            sources.setdefault(s["category"], set()).update(s["sources"])
    label = lambda c: _text(cats[c].label, lang) if c in cats and not cats[c].confidential else None  # noqa: E731
    out.append(f"<h2>{_e(t('statement_h_purposes', lang))}</h2><table>")
    out.append(f"<tr><th>{_e(t('statement_col_purpose', lang))}</th><th>{_e(t('statement_col_basis', lang))}</th>"
               f"<th>{_e(t('statement_col_data', lang))}</th></tr>")
    by_id = {p.id: p for p in register.purposes}
    for pid in sorted(purposes):
        p = by_id.get(pid)
        if p is None:
            continue
        basis = t(f"basis_{p.legal_basis.value}", lang) if p.legal_basis else t("access_no_basis", lang)
        if p.legal_source:
            basis += f" ({p.legal_source})"
        data = ", ".join(x for x in (label(c) for c in sorted(purposes[pid])) if x)
        out.append(f"<tr><td>{_e(_text(p.label, lang))}</td><td>{_e(basis)}</td><td>{_e(data)}</td></tr>")
    out.append("</table>")
    out.append(f"<h2>{_e(t('statement_h_recipients', lang))}</h2><ul>")
    for pid in sorted(recipients, key=lambda i: parties[i].name if i in parties else i):
        r = recipients[pid]
        line = f"{parties[pid].name}: {t('role_' + r['role'], lang)}"
        if r["outside_eea"]:
            mech = t(f"transfer_{r['mechanism']}", lang) if r["mechanism"] else t("access_no_safeguard", lang)
            line += t("statement_transfer", lang, country=r["country"], mechanism=mech)
        out.append(f"<li>{_e(line)}</li>")
    out.append("</ul>")
    out.append(f"<h2>{_e(t('statement_h_retention', lang))}</h2><ul>")
    out += [f"<li>{_e(label(c))}: {_e(v)}</li>" for c, v in sorted(retention.items()) if label(c)]
    out.append("</ul>")
    if sources:
        out.append(f"<h2>{_e(t('statement_h_sources', lang))}</h2><ul>")
        out += [f"<li>{_e(label(c))}: {_e(', '.join(parties[s].name for s in sorted(v) if s in parties))}</li>"
                for c, v in sorted(sources.items()) if label(c)]
        out.append("</ul>")
    out.append(f"<h2>{_e(t('statement_h_rights', lang))}</h2>")
    out += [_p(t(k, lang)) for k in ("statement_rights", "letter_rights_age", "statement_withdraw", "statement_complaint",
                                     "statement_no_automated")]
    return "\n".join(out)


def statement_html(register: Register, lang: str | None = "nl") -> str:
    body = statement_body(register, lang)
    return scrub(_page(body, t("statement_title", lang, board=register.controller.name), lang,
                       LETTER_CSS + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;"
                       "padding:.3rem;text-align:left;vertical-align:top;font-size:.9rem}"), register)
