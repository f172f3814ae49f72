"""The supplier overview of the start notebook (dpia.workbench.suppliers): rows, filter, sort and the export."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dpia.check import check
from dpia.io.store import load
from dpia.io import files
from dpia.workbench.suppliers import export_overview_xlsx, filter_overview, supplier_overview, SupplierOverview

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def example():
    loaded = load(EXAMPLE)
    return loaded.register, check(loaded.register, ON, loaded.where)


def about(register, finding, party) -> bool:
    """Whether a finding names the party, a system it runs, a flow to or from either, or its agreement."""
    runs = {s.id for s in register.systems if s.operated_by == party.id}
    for subject in finding.subjects:
        if subject == party.id or subject in runs:
            return True
        flow = next((f for f in register.flows if f.id == subject), None)
        if flow is not None and {flow.from_, flow.to} & ({party.id} | runs):
            return True
        agreement = next((a for a in register.agreements if a.id == subject), None)
        if agreement is not None and party.id in agreement.parties:
            return True
    return False


def test_one_row_per_supplier_by_name(example) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl")
    assert sorted(frame["Leverancier"]) == sorted(p.name for p in register.parties)
    ids = {p.id for p in register.parties} | {s.id for s in register.systems} | {c.id for c in register.data_categories}
    text_cells = frame.drop(columns=["Geldig tot", "Open bevindingen"]).astype(str).to_numpy().ravel()
    assert not any(cell in ids for cell in text_cells)  # names, never ids
    iddink = frame.set_index("Leverancier").loc["Iddink Group B.V."]
    assert iddink["Rol"] == "verwerker" and iddink["Systemen"] == "Magister"
    assert "Naam" in iddink["Gegevens"] and "geldig" in iddink["Overeenkomst"]
    assert iddink["Geldig tot"] == pd.Timestamp("2028-07-31")
    assert "…" not in frame.to_string()


def test_the_findings_count_is_the_checks_open_findings_per_supplier(example) -> None:
    register, result = example
    frame = supplier_overview(register, result, "en").set_index("Supplier")
    for party in register.parties:
        expected = sum(1 for f in result.open if about(register, f, party))
        assert frame.loc[party.name, "Open findings"] == expected, party.id
    assert frame["Open findings"].sum() > 0


def test_an_expired_agreement_is_named_so(example) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl").set_index("Leverancier")
    assert "verlopen" in frame.loc["Malmberg B.V.", "Overeenkomst"]


def test_filter_and_sort(example) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl")
    processors = filter_overview(frame, role="verwerker", lang="nl")
    assert set(processors["Leverancier"]) == {p.name for p in register.parties if p.role.value == "processor"}
    found = filter_overview(frame, "MAGISTER", lang="nl")
    hits = [row.Leverancier for row in frame.itertuples(index=False) if any("magister" in str(v).lower() for v in row)]
    assert list(found["Leverancier"]) == sorted(hits, key=str.lower) and 0 < len(found) < len(frame)
    assert "Iddink Group B.V." in set(found["Leverancier"])
    most = filter_overview(frame, sort_by="Open bevindingen", lang="nl")["Open bevindingen"].tolist()
    assert most == sorted(most, reverse=True)
    until = filter_overview(frame, sort_by="Geldig tot", lang="nl")["Geldig tot"]
    known = until.dropna().tolist()
    assert known == sorted(known) and until.isna().tolist() == sorted(until.isna().tolist())


def test_the_widget_rerenders_on_a_filter(example, tmp_path: Path) -> None:
    register, result = example
    view = SupplierOverview(register, result, "nl", export_to=tmp_path / "overzicht.xlsx")
    everyone = len(view.shown)
    view.role.value = "verwerker"
    assert len(view.shown) < everyone and f"{len(view.shown)} leveranciers" in view.count.value
    assert "Iddink Group B.V." in view.table.value and "Museum Helmond" not in view.table.value
    path = view.export()
    assert path == tmp_path / "overzicht.xlsx" and "Opgeslagen" in view.status.value
    assert openpyxl.load_workbook(path).active.max_row == len(view.shown) + 1


def test_the_xlsx_reads_back_with_the_same_cells(example, tmp_path: Path) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl")
    path = export_overview_xlsx(frame, tmp_path / "leveranciers.xlsx")
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert list(rows[0]) == list(frame.columns)
    for got, (_, want) in zip(rows[1:], frame.iterrows(), strict=True):
        expected = [None if pd.isna(v) else (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in want]
        assert list(got) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["leveranciers.xlsx"]  # no temporary file left


def test_a_failed_export_leaves_the_old_file(example, tmp_path: Path, monkeypatch) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl")
    target = tmp_path / "leveranciers.xlsx"
    target.write_bytes(b"old")

    def full(fd):  # the disk fills up once the workbook's bytes are in the temporary file
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError):
        export_overview_xlsx(frame, target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["leveranciers.xlsx"]


def test_the_export_neutralises_formulas_and_is_an_ordinary_file(tmp_path: Path) -> None:
    """A party named like a formula comes back as text, not as a live formula; the file is readable by
    others as any new file (not mkstemp's owner-only 0600)."""
    frame = pd.DataFrame({"Naam": ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234"], "Rol": ["verwerker", "verwerker"]})
    path = export_overview_xlsx(frame, tmp_path / "leveranciers.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["'=HYPERLINK(\"http://x\",\"klik\")", "'+31 6 1234"]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in (2, 3))
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_export_never_writes_into_the_register(example, tmp_path: Path) -> None:
    register, result = example
    frame = supplier_overview(register, result, "nl")
    folder = tmp_path / "register"
    folder.mkdir()
    (folder / "parties.yaml").write_text("parties: []\n")
    with pytest.raises(files.OutputRefused):
        export_overview_xlsx(frame, folder / "parties.yaml", protect=[folder])
    assert (folder / "parties.yaml").read_text() == "parties: []\n"
