"""The action plan: which measures, in which order, overdue marks, and the CSV and XLSX exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dpia.analysis.actionplan import (action_plan, action_plan_csv, action_plan_table, action_plan_xlsx, write_action_plan)
from dpia.io.store import load

from .conftest import EXAMPLE, assert_clock_free
from .test_screening import BASE, dpia, register

ON = dt.date(2026, 11, 29)
RISKS = [
    {"id": "r-a", "title": {"nl": "A", "en": "A"}, "kind": "illegitimate_access", "systems": ["las"],
     "measures": [{"measure": "m-tab", "reduces": "both"}, {"measure": "m-mfa"}, {"measure": "m-training", "reduces": "impact"}]},
    {"id": "r-b", "title": {"nl": "B", "en": "B"}, "kind": "disappearance", "systems": ["las"],
     "measures": [{"measure": "m-tab"}]},
]


def plan_register(**sections):
    return register(dpia(systems=["las"], risks=RISKS), **sections)


def test_open_measures_first_by_status_and_due_date() -> None:
    items = action_plan(plan_register(), "d", ON)
    assert [i.measure for i in items] == ["m-tab", "m-training"]  # planned, then in progress; m-mfa is done
    tab, training = items
    assert tab.risks == ("r-a", "r-b") and tab.reduces == (("r-a", "both"), ("r-b", "likelihood"))
    assert tab.owner == "Applicatiebeheer" and tab.due == dt.date(2026, 12, 31) and not tab.overdue
    assert training.overdue  # due 2026-10-01, not implemented
    assert not action_plan(plan_register(), "d")[1].overdue  # without a date nothing is overdue
    with_done = action_plan(plan_register(), "d", ON, include_implemented=True)
    assert [i.measure for i in with_done] == ["m-tab", "m-training", "m-mfa"]


def csv_rows(data: bytes, lang: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";" if lang == "nl" else ","))


def test_csv_export(tmp_path: Path) -> None:
    # As Dutch Excel opens it: semicolons, a BOM (so "Risico's" and ë survive), one row per measure.
    items = action_plan(plan_register(), "d", ON)
    data = action_plan_csv(items, "nl")
    rows = csv_rows(data, "nl")
    assert rows[0] == ["DPIA", "Maatregel", "Omschrijving", "Soort", "Status", "Eigenaar", "Gereed op", "Te laat",
                       "Risico's", "Verlaagt"]
    assert rows[1] == ["d", "m-tab", "Zorgtab afschermen", "technisch", "gepland", "Applicatiebeheer", "2026-12-31", "",
                       "r-a, r-b", "r-a: waarschijnlijkheid en impact; r-b: waarschijnlijkheid"]
    assert rows[2][7] == "ja"
    path = write_action_plan(items, tmp_path / "plan.csv", "nl")
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]  # written through a temporary file, none left
    assert csv_rows(action_plan_csv(items, "en"), "en")[0][:2] == ["DPIA", "Measure"]  # commas in English


def test_exports_never_start_a_formula() -> None:
    measures = [dict(m) for m in BASE["measures"]]
    measures[2] = {**measures[2], "label": {"nl": "=HYPERLINK(\"http://x\")", "en": "=1+1"}, "owner": "@owner"}
    items = action_plan(plan_register(measures=measures), "d", ON)
    rows = csv_rows(action_plan_csv(items, "nl"), "nl")
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")" and rows[1][5] == "'@owner"
    ws = load_workbook(io.BytesIO(action_plan_xlsx(items, "en"))).active
    assert ws["C2"].value == "'=1+1" and ws["C2"].data_type == "s"


def test_xlsx_export_is_readable_and_deterministic(tmp_path: Path, later_clock) -> None:
    items = action_plan(plan_register(), "d", ON)
    data = action_plan_xlsx(items, "en")
    assert_clock_free(data)
    later_clock()
    assert action_plan_xlsx(items, "en") == data  # same plan, same bytes, years later
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.title == "Action plan"
    assert [c.value for c in ws[1]][:4] == ["DPIA", "Measure", "Description", "Kind"]
    assert ws["B2"].value == "m-tab" and ws["E2"].value == "planned"
    assert ws["G2"].value.date() == dt.date(2026, 12, 31)  # a real date cell
    assert ws["H3"].value == "yes" and ws.freeze_panes == "A2"
    path = write_action_plan(items, tmp_path / "plan.xlsx", "en")
    assert path.read_bytes() == data
    with pytest.raises(ValueError):
        write_action_plan(items, tmp_path / "plan.pdf")


def test_table_and_no_dpias() -> None:
    table = action_plan_table(action_plan(plan_register(), "d", ON), "en")
    assert list(table["Measure"]) == ["m-tab", "m-training"]
    assert action_plan(register(), None, ON) == []


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example register not present")
def test_example_action_plans() -> None:
    reg = load(EXAMPLE).register
    magister = action_plan(reg, "dpia-magister", ON)
    assert [i.measure for i in magister] == ["m-care-tab-restriction", "m-agreement-review", "m-yearly-deletion"]
    photos = {i.measure: i for i in action_plan(reg, "dpia-schoolfoto", ON)}
    assert photos["m-photographer-retention"].overdue
    assert [i.dpia for i in action_plan(reg, None, ON)][0] == "dpia-magister"
