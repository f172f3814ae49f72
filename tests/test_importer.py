"""The register as a workbook: export in the import layout, import back, every error in its cell."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dpia.cli import main
from dpia.io.export import csv_bytes, FORMULA_PREFIXES, safe_cell
from dpia.io.importer import (DOC_PATH, END_MARK, import_spreadsheet, layout, layout_markdown, read_register, register_files, register_sheets, register_xlsx, SheetProblem, SpreadsheetInvalid, START_MARK, TargetNotEmpty)
from dpia.model import SECTIONS
from dpia.io.store import load

from .conftest import EXAMPLE, MINI, assert_clock_free, write_register


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def workbook_of(register) -> Workbook:
    return load_workbook(io.BytesIO(register_xlsx(register)))


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def col(ws, name: str) -> int:
    """1-based index of the column with header ``name``."""
    return [c.value for c in ws[1]].index(name) + 1


def row_of(ws, entity_id: str) -> int:
    ids = [c.value for c in ws["A"]]
    return ids.index(entity_id) + 1


def at(ws, entity_id: str, column: str) -> str:
    """'D3': the cell of ``column`` in the row of ``entity_id``, as Excel names it."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col(ws, column))}{row_of(ws, entity_id)}"


def problems_of(path: Path, lang: str = "en", shown: str = "register.xlsx") -> list[str]:
    with pytest.raises(SpreadsheetInvalid) as info:
        read_register(path, shown)
    return [p.render(lang) for p in info.value.problems]


@pytest.fixture
def mini_wb(mini: Path) -> Workbook:
    return workbook_of(load(mini).register)


# ---- the layout


def test_layout_has_a_sheet_per_section_and_excel_safe_names() -> None:
    names = [s.name for s in layout()]
    assert names[:2] == ["controller", "schools"]
    assert set(SECTIONS) <= set(names)
    assert len(names) == len(set(n.lower() for n in names))
    for n in names:
        assert len(n) <= 31 and not set(n) & set("[]:*?/\\")
    flows = next(s for s in layout() if s.name == "flows")
    assert [c.name for c in flows.columns][:4] == ["id", "from", "to", "categories"]
    assert {c.name for c in flows.columns if c.required} == {"id", "from", "to", "categories"}
    parties = next(s for s in layout() if s.name == "parties")
    assert "location.country" in [c.name for c in parties.columns]


def test_docs_show_the_current_layout() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    generated = text.split(START_MARK, 1)[1].split(END_MARK, 1)[0]
    assert generated.strip() == layout_markdown().strip(), (
        "run: python -c 'from dpia.io.importer import write_layout_docs; write_layout_docs()'"
    )


# ---- round trips


def test_example_register_round_trips_through_the_workbook(tmp_path: Path) -> None:
    original = load(EXAMPLE).register
    xlsx = tmp_path / "register.xlsx"
    xlsx.write_bytes(register_xlsx(original))
    written = import_spreadsheet(xlsx, tmp_path / "imported")
    again = load(tmp_path / "imported").register
    assert again == original
    names = {p.name for p in written}
    assert {"register.yaml", "parties.yaml", "flows.yaml", "data.yaml", "measures.yaml"} <= names
    # and a second export of the imported register is the same workbook, byte for byte
    assert register_xlsx(again) == xlsx.read_bytes()


def test_round_trip_through_the_cli(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "export-register", str(EXAMPLE), "-o", str(tmp_path / "reg.xlsx"))
    assert code == 0 and err == "" and out.strip() == str(tmp_path / "reg.xlsx")
    code, out, err = run(capsys, "import", str(tmp_path / "reg.xlsx"), "-o", str(tmp_path / "out"))
    assert code == 0 and err == ""
    assert "registerbestanden geschreven in" in out
    assert load(tmp_path / "out").register == load(EXAMPLE).register
    code, out, _ = run(capsys, "validate", "-q", str(tmp_path / "out"))
    assert code == 0


def test_written_yaml_follows_the_project_style(mini: Path) -> None:
    texts = register_files(load(mini).register, "register.xlsx")
    assert {
        "register.yaml", "parties.yaml", "systems.yaml", "data.yaml", "purposes.yaml", "flows.yaml",
        "agreements.yaml", "consents.yaml", "access.yaml", "retention.yaml", "measures.yaml",
    } <= set(texts)
    flows = texts["flows.yaml"]
    assert flows.startswith("# Imported from register.xlsx by 'dpia import'.\nflows:\n  - id: f-school-las\n")
    assert "    categories: [name, care]\n" in flows
    assert "    from: school-a\n" in flows
    data = texts["data.yaml"]
    assert "    label: {nl: Naam, en: Name}\n" in data and "subjects:\n  - id: pupils-u16\n" in data
    reg = texts["register.yaml"]
    assert "  kvk: '12345678'\n" in reg
    assert "  schools:\n    - id: school-a\n      name: College A\n" in reg
    assert "    valid_from: 2024-01-01\n" in texts["agreements.yaml"]
    assert "    given_by: {under_16: parent, 16_to_17: pupil, 18_plus: pupil}\n" in texts["consents.yaml"]


def test_lists_empty_and_absent_differ(tmp_path: Path, mini: Path) -> None:
    register = load(mini).register
    register.access_roles[0].needs = []  # "needs nothing", which differs from "declares no needs"
    ws = workbook_of(register)["access_roles"]
    assert ws.cell(row=2, column=col(ws, "needs")).value == "[]"
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(register_xlsx(register))
    assert read_register(xlsx).access_roles[0].needs == []


def test_import_layout_export_is_deterministic_and_neutralised(tmp_path: Path, later_clock) -> None:
    files = dict(MINI)
    files["register.yaml"] = MINI["register.yaml"].replace("name: Leverancier LAS", "name: '=HYPERLINK(\"x\")'").replace(
        "name: DUO", "name: '@SUM(1)'"
    ).replace("name: Hosting BV", "name: '-x'")
    register = load(write_register(tmp_path / "r", files)).register
    data = register_xlsx(register)
    assert_clock_free(data)
    later_clock()
    assert register_xlsx(register) == data  # the same register gives the same bytes, years later
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                if isinstance(c.value, str):
                    assert not c.value.startswith(FORMULA_PREFIXES)
    assert [c.value for c in wb["parties"]["B"]][1:] == ["'=HYPERLINK(\"x\")", "'-x", "'@SUM(1)"]
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(data)
    assert read_register(xlsx) == register  # the apostrophes are undone on import


def test_a_folder_of_csv_sheets_imports_too(tmp_path: Path, mini: Path) -> None:
    register = load(mini).register
    folder = tmp_path / "csv"
    folder.mkdir()
    for i, (name, header, rows) in enumerate(register_sheets(register)):
        if rows or name == "controller":
            (folder / f"{name}.csv").write_bytes(csv_bytes(header, rows, ";" if i % 2 else ","))
    assert read_register(folder) == register
    import_spreadsheet(folder, tmp_path / "out")
    assert load(tmp_path / "out").register == register


def test_cells_as_people_type_them(tmp_path: Path, mini_wb: Workbook) -> None:
    ws = mini_wb["controller"]
    ws.cell(row=2, column=col(ws, "kvk")).value = 12345678  # typed as a number
    ws.cell(row=2, column=col(ws, "public_authority")).value = "ja"
    ws = mini_wb["flows"]
    ws.cell(row=2, column=col(ws, "categories")).value = " name ;\ncare, "
    ws = mini_wb["agreements"]
    ws.cell(row=2, column=col(ws, "valid_from")).value = dt.datetime(2024, 1, 1)
    ws.cell(row=2, column=col(ws, "deletion_after_use")).value = "WAAR"
    ws = mini_wb["schools"]
    ws.cell(row=2, column=col(ws, "pupils")).value = "900"
    mini_wb.create_sheet("_toelichting").append(["Vul de bladen in; dit blad wordt overgeslagen."])
    r = read_register(save(mini_wb, tmp_path / "r.xlsx"))
    assert r.controller.kvk == "12345678" and r.controller.public_authority is True
    assert r.flows[0].categories == ["name", "care"]
    assert r.agreements[0].valid_from == dt.date(2024, 1, 1) and r.agreements[0].deletion_after_use is True
    assert r.controller.schools[0].pupils == 900


# ---- errors name sheet, row and column


def test_errors_name_sheet_row_and_column(tmp_path: Path, mini_wb: Workbook) -> None:
    wb = mini_wb
    ws = wb["parties"]
    ws.cell(row=row_of(ws, "supplier"), column=col(ws, "role")).value = "procesor"  # wrong enum
    enum_cell = at(ws, "supplier", "role")
    ws = wb["flows"]
    ws.cell(row=row_of(ws, "f-las-duo"), column=col(ws, "categories")).value = "name, bsnn"  # dangling id
    dangling_cell = at(ws, "f-las-duo", "categories")
    ws = wb["agreements"]
    ws.cell(row=row_of(ws, "va-supplier"), column=col(ws, "valid_until")).value = "2027-13-31"  # bad date
    date_cell = at(ws, "va-supplier", "valid_until")
    ws = wb["subjects"]
    ws.delete_cols(col(ws, "kind"))  # a required column is missing
    probs = problems_of(save(wb, tmp_path / "r.xlsx"))
    assert probs == [
        f"register.xlsx:parties!{enum_cell}: parties (supplier).role: value 'procesor' is not allowed; allowed: "
        "controller, joint_controller, processor, sub_processor, independent_controller, recipient, "
        "third_party, public; did you mean 'processor'? Type one of the allowed values, spelt exactly so",
        "register.xlsx:subjects!1: required column 'kind' is missing from sheet 'subjects'; add it to the "
        "header row (row 1)",
        f"register.xlsx:agreements!{date_cell}: agreements (va-supplier).valid_until: '2027-13-31' is not a "
        "valid date; use YYYY-MM-DD, for example 2026-08-01",
        # references last: a wrong field may be why they dangle
        f"register.xlsx:flows!{dangling_cell}: flows (f-las-duo).categories[1]: 'bsnn' refers to nothing; "
        "expected an id from data_categories; did you mean 'bsn'? Correct the id, or add an entry with this id to "
        "data_categories",
    ]
    assert (enum_cell, date_cell) == ("C2", "G2")  # as a person would look them up


def test_errors_in_dutch_with_the_loaders_messages(tmp_path: Path, mini_wb: Workbook) -> None:
    ws = mini_wb["flows"]
    first = ws.cell(row=2, column=1).value
    ws.cell(row=2, column=col(ws, "to")).value = None  # a required value is empty
    ws.cell(row=3, column=col(ws, "id")).value = first  # duplicate id
    ws = mini_wb["data_categories"]
    ws.cell(row=row_of(ws, "care"), column=col(ws, "special_subtype")).value = None
    subtype_cell = at(ws, "care", "special_subtype")
    ws = mini_wb["schools"]
    ws.cell(row=2, column=col(ws, "pupils")).value = "veel"
    ws = mini_wb["parties"]
    unknown = ws.max_column + 1
    ws.cell(row=1, column=unknown).value = "rol"  # unknown column
    probs = problems_of(save(mini_wb, tmp_path / "r.xlsx"), "nl")
    assert "register.xlsx:schools!D2: controller.schools[0].pupils: verwacht een geheel getal, gevonden 'veel'. " \
        "Verander de waarde in een geheel getal" in probs
    assert any(p.startswith(f"register.xlsx:parties!{'ABCDEFGHIJKLMNOP'[unknown - 1]}1: onbekende kolom 'rol'") for p in probs)
    assert any(p.endswith("bedoelde u 'role'? Verbeter de kolomnaam in rij 1, of verwijder de kolom") for p in probs)
    assert f"register.xlsx:flows!C2: flows ({first}): verplicht veld 'to' ontbreekt. Vul 'to' in bij dit item" in probs
    assert any(
        p.startswith(f"register.xlsx:flows!A3: flows ({first}).id: id '{first}' is al gebruikt op register.xlsx:flows!A2")
        for p in probs
    )
    assert any(
        p.startswith(f"register.xlsx:data_categories!{subtype_cell}: data_categories (care): type 'special' vraagt")
        for p in probs
    )


def test_formulas_rows_and_sheets_that_cannot_be_read(tmp_path: Path, mini_wb: Workbook) -> None:
    ws = mini_wb["purposes"]
    ws.cell(row=2, column=col(ws, "legal_source")).value = "=A1&B1"
    mini_wb["controller"].append(["board2", "Tweede bestuur"])
    mini_wb.create_sheet("flow")
    ws = mini_wb["measures"]
    from openpyxl.utils import get_column_letter

    headless = get_column_letter(ws.max_column + 2)  # two columns past the layout's last
    ws.cell(row=2, column=ws.max_column + 2).value = "zonder kop"
    probs = problems_of(save(mini_wb, tmp_path / "r.xlsx"))
    assert "register.xlsx:controller!3: sheet 'controller' must have exactly one row (the school board), not 2. " \
        "Keep one row with the school board and delete the others" in probs
    assert any(p.startswith("register.xlsx:purposes!E2: the cell holds a formula (=A1&B1)") for p in probs)
    assert f"register.xlsx:measures!{headless}2: the cell holds a value, but its column has no name in the header row " \
        "(row 1). Give the column a name in row 1, or empty the cell" in probs
    assert any(p.startswith("register.xlsx:flow: unknown sheet 'flow'") and "did you mean 'flows'?" in p for p in probs)


def test_rows_of_a_list_inside_an_entry_must_name_their_entry(tmp_path: Path) -> None:
    keyed = [s for s in layout() if s.keys]
    if not keyed:
        pytest.skip("the model has no list of entries inside an entry")
    sheet = keyed[0]
    wb = workbook_of(load(EXAMPLE).register)
    ws = wb[sheet.name] if sheet.name in wb.sheetnames else wb.create_sheet(sheet.name)
    key = sheet.keys[-1].name
    ws.cell(row=2, column=col(ws, key)).value = "no-such-entry"
    probs = problems_of(save(wb, tmp_path / "r.xlsx"))
    letter = "ABCDEFGHIJ"[col(ws, key) - 1]
    assert any(p.startswith(f"register.xlsx:{sheet.name}!{letter}2: this row belongs to") and "no-such-entry" in p for p in probs)


def test_sheet_problem_renders_excel_cells() -> None:
    assert SheetProblem("r.xlsx", 7, 2, "import_no_header", (), "flows").render("en").startswith("r.xlsx:flows!B7: ")
    assert SheetProblem("r.xlsx", 1, 28, "import_no_header", (), "flows").where() == "r.xlsx:flows!AB1"
    assert SheetProblem("r.xlsx", 1, 0, "import_no_header", (), "flows").where() == "r.xlsx:flows!1"
    assert SheetProblem("r.xlsx", 0, 0, "import_not_zip", (), "").where() == "r.xlsx"


# ---- writing: all or nothing, never over existing work


def test_nothing_is_written_when_anything_is_wrong(tmp_path: Path, mini_wb: Workbook) -> None:
    ws = mini_wb["flows"]
    ws.cell(row=2, column=col(ws, "from")).value = "nowhere"
    xlsx = save(mini_wb, tmp_path / "r.xlsx")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(SpreadsheetInvalid):
        import_spreadsheet(xlsx, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no folder, no temporary folder


def test_an_existing_folder_is_never_overwritten(tmp_path: Path, mini: Path) -> None:
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(register_xlsx(load(mini).register))
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(TargetNotEmpty):
        import_spreadsheet(xlsx, target)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(TargetNotEmpty):
        import_spreadsheet(xlsx, tmp_path / "file")
    (target / "notes.txt").unlink()  # an empty folder is fine
    import_spreadsheet(xlsx, target)
    assert load(target).register == load(mini).register
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cli_refuses_a_non_empty_folder(capsys, tmp_path: Path, mini: Path) -> None:
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(register_xlsx(load(mini).register))
    code, _, err = run(capsys, "import", str(xlsx), "-o", str(mini))
    assert code == 2 and "bestaat al en is geen lege map; niets geschreven" in err


# ---- broken files


def _zip_without_sheets(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    return path


def _workbook_without_controller(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "Blad1"
    wb.active.append(["id", "name"])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: (p.write_bytes(b"id;name\nboard;Bestuur\n"), p)[1], "is not an Excel workbook (.xlsx): it is not a zip archive"),
        (lambda p: (p.write_bytes(b"PK\x03\x04 broken"), p)[1], "starts like an Excel workbook (a zip archive) but is damaged or cut off"),
        (_zip_without_sheets, "is a zip archive but not an Excel workbook (.xlsx): xl/workbook.xml is missing"),
        (_workbook_without_controller, "sheet 'controller' is missing"),
        (lambda p: p, "no such file or folder"),
    ],
)
def test_broken_spreadsheets_give_a_clear_error_and_exit_2(capsys, tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path / "register.xlsx")
    code, out, err = run(capsys, "--lang", "en", "import", str(path), "-o", str(tmp_path / "out"))
    assert code == 2 and out == ""
    assert message in err
    assert err.startswith(f"{path}")
    assert "Traceback" not in err and "internal error" not in err
    assert not (tmp_path / "out").exists()


def test_a_single_csv_file_is_refused_with_a_hint(capsys, tmp_path: Path) -> None:
    path = tmp_path / "parties.csv"
    path.write_text("id;name\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out"))
    assert code == 2 and "één CSV-bestand kan geen heel register bevatten" in err


def test_csv_folder_errors_name_the_file_as_sheet(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "controller.csv").write_bytes(b"id;name;sector\nboard;Bestuur;vo\n")
    (folder / "parties.csv").write_bytes("id;name;role\nx;Caf\xe9;processor\n".encode("latin-1"))
    assert problems_of(folder, shown="csv") == [
        "csv:parties: the file is not valid UTF-8 (byte 0xe9 at offset 18); it was probably saved as Windows-1252, "
        "where this is 'é'. Save it as CSV UTF-8: in Excel File > Save As > 'CSV UTF-8 (Comma delimited)'; in "
        "LibreOffice Save As > Text CSV with character set 'Unicode (UTF-8)'"
    ]
    (folder / "parties.csv").write_bytes("\ufeffid;name;role\nx;Café;processor\n".encode("utf-8"))
    (folder / "flows.csv").write_text("id,from,to,categories\nf1,board,x,name\n", encoding="utf-8")
    assert problems_of(folder, shown="csv") == [
        "csv:flows!D2: flows (f1).categories[0]: 'name' refers to nothing; expected an id from data_categories. "
        "Correct the id, or add an entry with this id to data_categories"
    ]


def test_exported_cells_never_start_like_a_formula_in_any_sheet() -> None:
    for name, header, rows in register_sheets(load(EXAMPLE).register):
        for row in [header, *rows]:
            for value in row:
                value = safe_cell(value)
                assert not (isinstance(value, str) and value.startswith(FORMULA_PREFIXES)), (name, value)


def test_a_quote_left_open_in_a_csv_sheet_is_located_not_swallowing_rows(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "controller.csv").write_bytes(b"id;name;sector\nboard;Bestuur;vo\n")
    (folder / "parties.csv").write_text(
        'id;name;role\nx;"Fotostudio;processor\ny;Busbedrijf;processor\nz;Museum;recipient\n', encoding="utf-8")
    [problem] = problems_of(folder, shown="csv")
    assert problem.startswith("csv:parties!B2: the value in column 'name' starts with a quote")
    # a name that truly runs over two lines (Alt+Enter in Excel) is a name, not a problem
    (folder / "parties.csv").write_text('id;name;role\nx;"Foto\nstudio";processor\n', encoding="utf-8")
    assert [p.name for p in read_register(folder).parties] == ["Foto\nstudio"]
