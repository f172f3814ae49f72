"""The officer's overview of the suppliers: one row per party, with what it holds and where it stands.

Per party (every organisation other than the board and its schools): its role, the systems it runs,
the data that flows to it (by name), its agreement's state and end date, the DPIAs it falls in and the
number of open findings about it. :func:`supplier_overview` builds the table, :func:`filter_overview`
filters and sorts it, :func:`export_overview_xlsx` writes it for a spreadsheet, and
:class:`SupplierOverview` is the notebook's widget over the three.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Iterable
from pathlib import Path

import ipywidgets as w
import pandas as pd

from dpia.io.export import xlsx_bytes
from dpia.io.files import OutputRefused, write_output
from dpia.model.flowtable import iter_flows
from dpia.check import CheckResult
from dpia.i18n import format_list, t
from dpia.model import PartyRole, Register
from dpia.model.names import label_of, name_of
from dpia.analysis.scope import dpia_scope
from dpia.workbench.display import Table

COLUMNS = ("name", "role", "systems", "categories", "agreement", "until", "dpia", "findings")


def _col(key: str, lang: str | None) -> str:
    return t(f"supplier_col_{key}", lang)


def related_ids(register: Register, party_id: str) -> set[str]:
    """The ids a finding can name to be about ``party_id``: the party, its systems, the flows to or from
    either, and the agreements that name the party."""
    holders = {party_id} | {s.id for s in register.systems if s.operated_by == party_id}
    flows = {f.id for f in iter_flows(register) if f.to in holders or f.from_ in holders}
    agreements = {a.id for a in register.agreements if party_id in a.parties}
    return holders | flows | agreements


def agreement_state(agreement, on: dt.date) -> str:
    """``valid``, ``expired`` or ``not_yet`` on ``on`` (an open end counts as valid)."""
    if agreement.valid_from and agreement.valid_from > on:
        return "not_yet"
    if agreement.valid_until and agreement.valid_until < on:
        return "expired"
    return "valid"


def supplier_overview(register: Register, result: CheckResult, lang: str | None = None) -> pd.DataFrame:
    """One row per party, sorted by name; names throughout, never ids.

    The agreement column gives each agreement naming the party as "kind: state"; the end date is the
    latest ``valid_until`` among them. The findings column counts the check's open findings about the
    party (see :func:`related_ids`).
    """
    on = result.on
    dpias = [(d, set(dpia_scope(register, d).parties)) for d in sorted(register.dpias, key=lambda d: d.id)]
    flows = list(iter_flows(register))
    rows = []
    for p in register.parties:
        systems = sorted(s for s in register.systems if s.operated_by == p.id)
        holders = {p.id} | {s.id for s in systems}
        categories = sorted({c for f in flows if f.to in holders for c in f.categories})
        agreements = sorted((a for a in register.agreements if p.id in a.parties), key=lambda a: a.id)
        if agreements:
            state = "; ".join(f"{t(f'names_agreementkind_{a.kind.value}', lang)}: "
                              f"{t('supplier_agreement_' + agreement_state(a, on), lang)}" for a in agreements)
        else:
            state = t("supplier_agreement_none", lang)
        through = [a for a in register.agreements if p.id in a.permitted_subprocessors and a not in agreements]
        if through and not agreements:
            state = "; ".join(t("supplier_agreement_permitted", lang, agreement=name_of(register, a.id, lang))
                              for a in sorted(through, key=lambda a: a.id))
        ends = [a.valid_until for a in agreements if a.valid_until]
        in_dpias = [f"{d.title.pick(lang)}: {label_of(d.status, lang)}"
                    for d, parties in dpias if p.id in parties]
        related = related_ids(register, p.id)
        findings = sum(1 for f in result.open if related & set(f.subjects))
        rows.append((
            p.name,
            label_of(p.role, lang),
            format_list([s.name for s in sorted(systems, key=lambda s: s.name.lower())], lang) or "—",
            format_list(sorted((name_of(register, c, lang) for c in categories), key=str.lower), lang) or "—",
            state,
            max(ends) if ends else None,
            "; ".join(in_dpias) or t("supplier_dpia_none", lang),
            findings,
        ))
    frame = pd.DataFrame(rows, columns=[_col(c, lang) for c in COLUMNS])
    frame[_col("findings", lang)] = frame[_col("findings", lang)].astype(int)
    frame[_col("until", lang)] = pd.to_datetime(frame[_col("until", lang)])  # an open end shows as "—"
    return frame.sort_values(_col("name", lang), key=lambda s: s.str.lower(), kind="stable").reset_index(drop=True)


def filter_overview(frame: pd.DataFrame, text: str = "", role: str | None = None, sort_by: str | None = None,
                    lang: str | None = None) -> pd.DataFrame:
    """The rows whose cells contain ``text`` (any case) and whose role is ``role``, sorted by the column
    ``sort_by``: text from A to Z, dates from the earliest, counts from the highest."""
    rows = frame
    if text.strip():
        needle = text.strip().lower()
        hit = rows.astype(object).fillna("").astype(str).apply(lambda col: col.str.lower().str.contains(needle, regex=False)).any(axis=1)
        rows = rows[hit]
    if role:
        rows = rows[rows[_col("role", lang)] == role]
    if sort_by and sort_by in rows.columns:
        column = rows[sort_by]
        if pd.api.types.is_numeric_dtype(column):
            rows = rows.sort_values(sort_by, ascending=False, kind="stable")
        elif sort_by == _col("until", lang):
            rows = rows.sort_values(sort_by, kind="stable", na_position="last")
        else:
            rows = rows.sort_values(sort_by, key=lambda s: s.astype(str).str.lower(), kind="stable")
    return rows.reset_index(drop=True)


def export_overview_xlsx(frame: pd.DataFrame, path: str | os.PathLike[str], protect: Iterable[Path] = ()) -> Path:
    """Write ``frame`` as a one-sheet workbook at ``path`` through the one spreadsheet writer
    (``dpia.io.export.xlsx_bytes``: no cell ever a formula, a bold frozen header, filters) and the one
    output writer (whole or not at all, ordinary permissions, never into ``protect``, the register)."""
    title = "Leveranciers" if _col("name", "nl") in frame.columns else "Suppliers"
    rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    return write_output(path, xlsx_bytes([(title, [str(c) for c in frame.columns], rows)]), protect)


def _cell(value):
    """A cell value openpyxl writes as it is: no NaN, numpy numbers as Python numbers."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


class SupplierOverview:
    """The overview in the notebook: a search box, a role filter and a sort choice re-render the table
    (every cell in full, see :mod:`dpia.workbench.display`); a button exports what is shown to Excel."""

    def __init__(self, register: Register, result: CheckResult, lang: str | None = None,
                 export_to: str | os.PathLike[str] = "leveranciers.xlsx", protect: Iterable[Path] = ()):
        self.register, self.result, self.lang, self.protect = register, result, lang, list(protect)
        self.frame = supplier_overview(register, result, lang)
        roles = sorted({r.value for r in PartyRole} & {p.role.value for p in register.parties})
        self.text = w.Text(description=t("supplier_filter_text", lang))
        self.role = w.Dropdown(options=[(t("widget_all", lang), None)] + [(label_of(r, lang, PartyRole),) * 2 for r in roles],
                               description=t("supplier_filter_role", lang))
        self.sort = w.Dropdown(options=list(self.frame.columns), value=self.frame.columns[0], description=t("supplier_sort", lang))
        self.export_to = w.Text(value=str(export_to), layout=w.Layout(width="24em"))
        self.export_button = w.Button(description=t("supplier_export", lang), icon="download")
        self.count = w.HTML()
        self.table = w.HTML()
        self.status = w.HTML()
        for control in (self.text, self.role, self.sort):
            control.observe(lambda _c: self.update(), names="value")
        self.export_button.on_click(lambda _b: self.export())
        self.ui = w.VBox([w.HBox([self.text, self.role, self.sort]), self.count, self.table,
                          w.HBox([self.export_to, self.export_button]), self.status])
        self.shown = self.frame
        self.update()

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)

    def update(self) -> None:
        self.shown = filter_overview(self.frame, self.text.value, self.role.value, self.sort.value, self.lang)
        self.count.value = html.escape(t("supplier_count", self.lang, count=len(self.shown)))
        self.table.value = Table(self.shown.set_index(self.shown.columns[0]))._repr_html_()

    def export(self) -> Path | None:
        """Write the rows shown to the file named in the box; the status says where, or why not."""
        try:
            path = export_overview_xlsx(self.shown, self.export_to.value, self.protect)
        except OutputRefused as refused:
            self.status.value = html.escape(refused.message(self.lang))
            return None
        except OSError as exc:
            self.status.value = html.escape(t("write_failed", self.lang, reason=exc.strerror or str(exc)))
            return None
        self.status.value = html.escape(t("supplier_exported", self.lang, file=str(path)))
        return path
