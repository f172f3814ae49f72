"""The action plan of a DPIA: the measures linked to its risks, who owns them, when they are due.

The plan is a list of :class:`ActionItem` (plain data), readable as a table and exportable as CSV and
XLSX for the board and the MR. Measures that are not implemented come first, by due date; a measure
whose due date has passed is marked overdue. The exports are deterministic: the same register and date
give the same bytes, so a stored export can be compared.

Cells never start a formula (``dpia.io.export.safe_cell``); the confidential ``detail`` of a measure is
never exported.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dpia.io.export import csv_bytes, csv_delimiter, xlsx_bytes
from dpia.io.files import write_output
from dpia.i18n import t
from dpia.model import Dpia, MeasureKind, MeasureStatus, Register, Text
from dpia.analysis.scope import get_dpia

STATUS_ORDER = {MeasureStatus.PLANNED: 0, MeasureStatus.IN_PROGRESS: 1, MeasureStatus.IMPLEMENTED: 2}
COLUMNS = ("dpia", "measure", "label", "kind", "status", "owner", "due", "overdue", "risks", "reduces")


@dataclass(frozen=True)
class ActionItem:
    """One measure in a DPIA's action plan."""

    dpia: str
    measure: str
    label: Text
    kind: MeasureKind
    status: MeasureStatus
    owner: str | None
    due: dt.date | None
    overdue: bool
    risks: tuple[str, ...]
    reduces: tuple[tuple[str, str], ...]  # (risk, likelihood/impact/both)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "dpia": self.dpia,
            "measure": self.measure,
            "label": self.label.pick(lang),
            "kind": self.kind.value,
            "status": self.status.value,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "risks": list(self.risks),
            "reduces": {risk: effect for risk, effect in self.reduces},
        }


def action_plan(
    register: Register,
    dpia: Dpia | str | None = None,
    on: dt.date | None = None,
    include_implemented: bool = False,
) -> list[ActionItem]:
    """The action plan of one DPIA (or of every DPIA when ``dpia`` is None).

    Parameters
    ----------
    register
        The register.
    dpia
        The DPIA or its id; ``None`` for all DPIAs, one after the other (by id).
    on
        The date against which due dates are judged (no date: nothing is overdue).
    include_implemented
        Also list the implemented measures (after the open ones).

    Returns
    -------
    list of ActionItem
        Sorted per DPIA by status (planned, in progress, implemented), due date (none last), id.

    Examples
    --------
    >>> from dpia.model import Register
    >>> action_plan(Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"}}))
    []
    """
    if dpia is None:
        dpias = sorted(register.dpias, key=lambda d: d.id)
    else:
        dpias = [get_dpia(register, dpia) if isinstance(dpia, str) else dpia]
    measures = {m.id: m for m in register.measures}
    out: list[ActionItem] = []
    for d in dpias:
        links: dict[str, list[tuple[str, str]]] = {}
        for r in d.risks:
            for link in r.measures:
                links.setdefault(link.measure, []).append((r.id, link.reduces.value))
        items = []
        for mid, reduces in links.items():
            m = measures.get(mid)
            if m is None or (m.status is MeasureStatus.IMPLEMENTED and not include_implemented):
                continue
            overdue = bool(on and m.due and m.due < on and m.status is not MeasureStatus.IMPLEMENTED)
            reduces = sorted(set(reduces))
            items.append(ActionItem(d.id, m.id, m.label, m.kind, m.status, m.owner, m.due, overdue,
                                    tuple(sorted({r for r, _ in reduces})), tuple(reduces)))
        items.sort(key=lambda i: (STATUS_ORDER[i.status], i.due or dt.date.max, i.measure))
        out.extend(items)
    return out


def _row(item: ActionItem, lang: str | None) -> list[Any]:
    return [
        item.dpia,
        item.measure,
        item.label.pick(lang),
        t(f"measurekind_{item.kind.value}", lang),
        t(f"measurestatus_{item.status.value}", lang),
        item.owner or "",
        item.due,
        t("yes", lang) if item.overdue else "",
        ", ".join(item.risks),
        "; ".join(f"{risk}: {t(f'effect_{effect}', lang)}" for risk, effect in item.reduces),
    ]


def headers(lang: str | None = None) -> list[str]:
    """The column headers of the action plan in the reader's language."""
    return [t(f"col_plan_{c}", lang) for c in COLUMNS]


def action_plan_table(items: Iterable[ActionItem], lang: str | None = None) -> pd.DataFrame:
    """The action plan as a table (for the notebook and the report)."""
    rows = [_row(i, lang) for i in items]
    return pd.DataFrame(rows, columns=headers(lang))


def action_plan_csv(items: Iterable[ActionItem], lang: str | None = None) -> bytes:
    """The action plan as a CSV file as the reader's Excel opens it: UTF-8 with a byte-order mark,
    ';' between cells in Dutch and ',' in English, dates as YYYY-MM-DD, no cell that starts a formula
    (the same conventions as the Art. 30 record, ``dpia.io.export.csv_bytes``)."""
    return csv_bytes(headers(lang), [_row(item, lang) for item in items], delimiter=csv_delimiter(lang))


def action_plan_xlsx(items: Iterable[ActionItem], lang: str | None = None) -> bytes:
    """The action plan as an XLSX workbook (one sheet, a bold frozen header row, filters, dates as
    dates, no formulas); the same plan gives the same bytes (``dpia.io.export.xlsx_bytes``)."""
    return xlsx_bytes([(t("plan_sheet", lang), headers(lang), [_row(item, lang) for item in items])])


def write_action_plan(items: Iterable[ActionItem], path: str | os.PathLike[str], lang: str | None = None,
                      protect: Iterable[Path] = ()) -> Path:
    """Write the action plan to ``path``: CSV or XLSX after the file's suffix, never into ``protect``
    (the register: ``LoadedRegister.protected_paths``). Returns the path."""
    items = list(items)
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_output(path, action_plan_csv(items, lang), protect)
    if suffix == ".xlsx":
        return write_output(path, action_plan_xlsx(items, lang), protect)
    raise ValueError(f"unknown action plan format {suffix!r}: use .csv or .xlsx")
