"""The record of processing activities (verwerkingsregister, GDPR Art. 30(1)) as a spreadsheet.

One row per processing activity, which in this register is one purpose. What Art. 30(1) asks for that
the register does not state per purpose is derived from the flows that serve the purpose: the
categories of data subjects and of personal data, the recipients, the transfers outside the EEA, the
systems, and so the retention rules and security measures that apply. Security measures appear by their
label only: a measure's ``detail`` is confidential and never leaves the register.

The record is meant for the board and, on request, the Autoriteit Persoonsgegevens (Art. 30(4)); it
names the controller's and the DPO's contact details, as Art. 30(1)(a) requires, and so is not a
document for publication. The MR reads the report (``dpia report``).

Every cell goes through ``dpia.io.export.safe_cell``, so no text from the register runs as a formula.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dpia.model.flowtable import iter_flows
from dpia.io.export import csv_bytes, csv_delimiter, safe_filename, xlsx_bytes
from dpia.io.files import write_output
from dpia.i18n import t
from dpia.model.names import duration_text
from dpia.model import DataType, Flow, LegalBasis, MeasureStatus, Party, PartyRole, Purpose, Register, RetentionRule
from dpia.i18n import default_lang
from dpia.io.store import load


# (catalogue key of the header, Art. 30(1) point it answers) in column order.
ART30_COLUMNS: list[tuple[str, str]] = [
    ("art30_col_id", ""),
    ("art30_col_activity", "b"),
    ("art30_col_controller", "a"),
    ("art30_col_controller_contact", "a"),
    ("art30_col_dpo", "a"),
    ("art30_col_legal_basis", ""),
    ("art30_col_legal_source", ""),
    ("art30_col_art9", ""),
    ("art30_col_subjects", "c"),
    ("art30_col_categories", "c"),
    ("art30_col_recipients", "d"),
    ("art30_col_transfers", "e"),
    ("art30_col_retention", "f"),
    ("art30_col_systems", ""),
    ("art30_col_measures", "g"),
]

BASIS_LETTER = {
    LegalBasis.CONSENT: "a",
    LegalBasis.CONTRACT: "b",
    LegalBasis.LEGAL_OBLIGATION: "c",
    LegalBasis.VITAL_INTERESTS: "d",
    LegalBasis.PUBLIC_TASK: "e",
    LegalBasis.LEGITIMATE_INTEREST: "f",
}

XLSX_SEPARATOR = "\n"  # one item per line in a wrapped cell
CSV_SEPARATOR = "; "  # one record per line in a CSV file


def _label(entity: Any, lang: str) -> str:
    label = getattr(entity, "label", None)
    if label is not None:
        return label.pick(lang)
    return getattr(entity, "name", None) or entity.id


def _contact(contact: Any) -> str:
    if contact is None:
        return ""
    return ", ".join(x for x in (contact.name, contact.email, contact.phone) if x)


def retention_text(rule: RetentionRule, lang: str) -> str:
    key = "art30_retention_minimum" if rule.minimum else "retention_period"
    return t(key, lang, duration=duration_text(rule.duration, lang), trigger=t(f"trigger_{rule.trigger.value}", lang))


def _join(items: list[str], sep: str) -> str:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return sep.join(seen)


class _Index:
    """Lookups over one register, built once per export."""

    def __init__(self, register: Register):
        r = register
        self.register = r
        self.parties = {p.id: p for p in r.parties}
        self.systems = {s.id: s for s in r.systems}
        self.categories = {c.id: c for c in r.data_categories}
        self.subjects = {s.id: s for s in r.subjects}
        self.purposes = {p.id: p for p in r.purposes}
        self.internal = {r.controller.id, *(s.id for s in r.controller.schools)}
        self.flows_by_purpose: dict[str, list[Flow]] = {}
        for f in iter_flows(r):  # YAML and bulk (flows.csv) flows
            for p in f.purposes:
                self.flows_by_purpose.setdefault(p, []).append(f)

    def categories_for(self, flow: Flow, purpose: Purpose) -> list[str]:
        """The categories a flow carries for ``purpose``.

        A flow for one purpose carries all its categories for it. A flow for several purposes carries
        for each the categories that purpose needs, plus those that none of them needs (so that nothing
        the flow carries drops out of the record).
        """
        if len(flow.purposes) <= 1:
            return list(flow.categories)
        needed = {c for p in flow.purposes if p in self.purposes for c in self.purposes[p].needs}
        return [c for c in flow.categories if c in purpose.needs or c not in needed]

    def recipient(self, node: str) -> Party | None:
        """The party that receives what is sent to ``node`` (None for the school itself)."""
        if node in self.internal or node in self.subjects:
            return None
        if node in self.systems:
            return self.parties.get(self.systems[node].operated_by)
        return self.parties.get(node)


def _category_text(c: Any, lang: str) -> str:
    label = c.label.pick(lang)
    if c.type is DataType.SPECIAL and c.special_subtype is not None:
        return t("art30_cat_special", lang, label=label, subtype=t(f"special_{c.special_subtype.value}", lang))
    if c.type in (DataType.CRIMINAL, DataType.NATIONAL_ID):
        return t(f"art30_cat_{c.type.value}", lang, label=label)
    return label


def _party_text(p: Party, lang: str) -> str:
    if p.role is PartyRole.PUBLIC:
        return p.name  # "Internet (openbaar)" says it already
    role = t(f"role_{p.role.value}", lang)
    if p.location is not None and not p.location.in_eea:
        return t("art30_recipient_abroad", lang, name=p.name, role=role, country=p.location.country)
    return t("art30_recipient", lang, name=p.name, role=role)


def _transfer_text(p: Party, lang: str) -> str:
    loc = p.location
    assert loc is not None
    if loc.transfer_mechanism is None:
        safeguard = t("art30_no_safeguard", lang)
    else:
        safeguard = t(f"transfer_{loc.transfer_mechanism.value}", lang)
    return t("art30_transfer", lang, name=p.name, country=loc.country, safeguard=safeguard)


def activity_row(purpose: Purpose, ix: _Index, lang: str, sep: str) -> list[str]:
    """The Art. 30(1) record of one purpose, as the cells of one row."""
    r = ix.register
    ctrl = r.controller
    flows = ix.flows_by_purpose.get(purpose.id, [])

    # (c) data subjects and categories, from the flows that serve the purpose
    subject_ids: list[str] = []
    category_ids: list[str] = []
    for f in flows:
        if f.from_ in ix.subjects:
            subject_ids.append(f.from_)
        subject_ids += f.subjects
        category_ids += ix.categories_for(f, purpose)
    subject_ids = [s.id for s in r.subjects if s.id in set(subject_ids)]
    category_ids = [c.id for c in r.data_categories if c.id in set(category_ids)]

    # (d) recipients and (e) transfers: the parties that receive the data, directly or via a system
    recipients: list[Party] = []
    system_ids: set[str] = set()
    for f in flows:
        for node in (f.from_, f.to):
            if node in ix.systems:
                system_ids.add(node)
        p = ix.recipient(f.to)
        if p is not None and p not in recipients:
            recipients.append(p)
    recipients = [p for p in r.parties if any(p is q for q in recipients)]
    abroad = [p for p in recipients if p.location is not None and not p.location.in_eea]

    # (f) retention: the rules for the purpose, then those for each category it processes
    retention = [retention_text(rule, lang) for rule in r.retention if rule.purpose == purpose.id]
    for cid in category_ids:
        rules = [rule for rule in r.retention if rule.category == cid]
        label = _label(ix.categories[cid], lang)
        if rules:
            retention += [t("art30_retention_of", lang, label=label, rule=retention_text(rule, lang)) for rule in rules]
        else:
            retention.append(t("art30_retention_of", lang, label=label, rule=t("art30_no_retention", lang)))

    # (g) measures: those on the systems the purpose uses, and those for the whole organisation
    measures = []
    for m in r.measures:
        if m.systems and not system_ids.intersection(m.systems):
            continue
        text = _label(m, lang)  # the label only: ``detail`` is confidential
        if m.status is not MeasureStatus.IMPLEMENTED:
            text = t("art30_measure_status", lang, label=text, status=t(f"measurestatus_{m.status.value}", lang))
        measures.append(text)

    if purpose.legal_basis is None:
        basis = t("art30_not_recorded", lang)
    else:
        basis = t("art30_basis", lang, basis=t(f"basis_{purpose.legal_basis.value}", lang), letter=BASIS_LETTER[purpose.legal_basis])
    controller = ctrl.name + (t("art30_kvk", lang, kvk=ctrl.kvk) if ctrl.kvk else "")
    return [
        purpose.id,
        _label(purpose, lang),
        controller,
        _contact(ctrl.contact),
        _contact(ctrl.dpo),
        basis,
        purpose.legal_source or "",
        purpose.art9_exception or "",
        _join([_label(ix.subjects[s], lang) for s in subject_ids], sep),
        _join([_category_text(ix.categories[c], lang) for c in category_ids], sep),
        _join([_party_text(p, lang) for p in recipients], sep),
        _join([_transfer_text(p, lang) for p in abroad], sep) if abroad else t("art30_no_transfers", lang),
        _join(retention, sep),
        _join([s.name for s in r.systems if s.id in system_ids], sep),
        _join(measures, sep),
    ]


def art30_table(register: Register, lang: str | None = None, sep: str = CSV_SEPARATOR) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the record of processing: one row per purpose, in register order."""
    lang = _lang(lang)
    ix = _Index(register)
    header = [t(key, lang) for key, _ in ART30_COLUMNS]
    return header, [activity_row(p, ix, lang, sep) for p in register.purposes]


def art30_xlsx(register: Register, lang: str | None = None) -> bytes:
    """The record of processing as an XLSX workbook with one sheet (the same bytes for the same register)."""
    lang = _lang(lang)
    header, rows = art30_table(register, lang, XLSX_SEPARATOR)
    return xlsx_bytes([(t("art30_sheet", lang), header, rows)])


def art30_csv(register: Register, lang: str | None = None, delimiter: str | None = None) -> bytes:
    """The record of processing as CSV for Excel: UTF-8 with BOM, ';' for Dutch and ',' for English."""
    lang = _lang(lang)
    header, rows = art30_table(register, lang, CSV_SEPARATOR)
    return csv_bytes(header, rows, delimiter or csv_delimiter(lang))


# --------------------------------------------------------------------------------------------------
# Files


def _lang(lang: str | None) -> str:
    return lang or default_lang()


def _target(out: str | os.PathLike[str]) -> Path:
    target = Path(out)
    return target.with_name(safe_filename(target.name))


def write_art30(
    register_path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    lang: str | None = None,
    delimiter: str | None = None,
    force: bool = False,
) -> Path:
    """Write the record of processing of the register at ``register_path`` to ``out`` (.xlsx or .csv),
    never into the register (``dpia.io.files.write_output``)."""
    loaded = load(register_path)
    target = _target(out)
    if target.suffix.lower() == ".xlsx":
        data = art30_xlsx(loaded.register, lang)
    else:
        data = art30_csv(loaded.register, lang, delimiter)
    return write_output(target, data, loaded.protected_paths(), force)
