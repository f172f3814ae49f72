"""Inventory tables for the notebooks and the report: the register as readable tables.

Column headers come from the message catalogue; rows are sorted by id, so the tables are stable
outputs that nbval can compare.
"""

from __future__ import annotations

import pandas as pd

from dpia.model.flowtable import iter_flows
from dpia.check import CheckResult
from dpia.i18n import t
from dpia.model import Register


def _label(text, lang: str | None) -> str:
    return text.pick(lang)


def _enum(prefix: str, value, lang: str | None) -> str:
    if value is None:
        return "—"
    key = f"{prefix}_{getattr(value, 'value', value)}"
    try:
        return t(key, lang)
    except KeyError:
        return str(getattr(value, "value", value))


def _table(rows: list[tuple], headers: list[str], lang: str | None) -> pd.DataFrame:
    cols = [t(f"col_{h}", lang) for h in headers]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.sort_values(cols[0]).set_index(cols[0]) if rows else frame


def parties_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [
        (
            p.id,
            p.name,
            _enum("role", p.role, lang),
            p.location.country if p.location else "—",
            (p.location.transfer_mechanism.value if p.location and p.location.transfer_mechanism else "—"),
        )
        for p in register.parties
    ]
    return _table(rows, ["id", "name", "role", "country", "transfer"], lang)


def systems_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [(s.id, s.name, s.kind.value, s.operated_by) for s in register.systems]
    return _table(rows, ["id", "name", "kind", "operated_by"], lang)


def categories_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [
        (c.id, _label(c.label, lang), _enum("datatype", c.type, lang), c.special_subtype.value if c.special_subtype else "—")
        for c in register.data_categories
    ]
    return _table(rows, ["id", "label", "type", "subtype"], lang)


def purposes_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [
        (p.id, _label(p.label, lang), _enum("basis", p.legal_basis, lang), p.legal_source or "—", ", ".join(p.needs) or "—")
        for p in register.purposes
    ]
    return _table(rows, ["id", "label", "legal_basis", "legal_source", "needs"], lang)


def flows_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [(f.id, f.from_, f.to, ", ".join(f.categories), ", ".join(f.purposes) or "—") for f in iter_flows(register)]
    return _table(rows, ["id", "from", "to", "categories", "purposes"], lang)


def agreements_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    rows = [
        (
            a.id,
            _enum("agreement", a.kind, lang),
            ", ".join(a.parties),
            a.valid_from.isoformat() if a.valid_from else "—",
            a.valid_until.isoformat() if a.valid_until else "—",
            t("yes", lang) if a.deletion_after_use else t("no", lang),
        )
        for a in register.agreements
    ]
    return _table(rows, ["id", "kind", "parties", "valid_from", "valid_until", "deletion"], lang)


def findings_table(result: CheckResult, lang: str | None = None) -> pd.DataFrame:
    """One row per finding: severity, kind, code, the plain-language message, the article."""
    rows = [
        (
            f.id,
            t(f"severity_{f.severity.value}", lang),
            t(f"kind_{f.kind.value}", lang),
            f.rule.text("title", lang),
            f.message(lang),
            f.rule.article,
            t("yes", lang) if f.accepted else "",
        )
        for f in result.findings
    ]
    cols = [t(f"col_{h}", lang) for h in ["id", "severity", "kind", "title", "message", "article", "accepted"]]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.set_index(cols[0]) if rows else frame


def findings_summary(result: CheckResult, lang: str | None = None) -> str:
    """Plain text: the counts and one line per open finding, for a stable notebook output."""
    lines = [t("check_summary", lang, on=result.on.isoformat(), **result.counted(lang))]
    for f in result.findings:
        mark = "✓ " if f.accepted else "• "
        lines.append(f"{mark}[{t('severity_' + f.severity.value, lang)}] {f.code} {f.message(lang)}")
    return "\n".join(lines)
