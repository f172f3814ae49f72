"""CSV files as spreadsheet programs save them: Dutch and English Excel, LibreOffice.

Every variant is written here byte for byte as the program writes it:

- Excel "CSV UTF-8 (door komma's gescheiden)" with Dutch regional settings: a UTF-8 byte-order mark,
  semicolons (Dutch Excel's list separator, the comma being the decimal sign), CRLF after every row,
  a cell quoted only when it holds the separator, a quote or a line break (a line break in a cell is
  a bare LF);
- Excel "CSV (puntkomma-gescheiden)" / "CSV (gescheiden door lijstscheidingsteken)": the same in the
  Windows code page (Windows-1252), without a byte-order mark;
- Excel "CSV UTF-8 (Comma delimited)" with English settings: a BOM, commas, CRLF;
- LibreOffice Calc "Text CSV" with its defaults on Linux: UTF-8 without a BOM, commas, LF.

The register read from each gives the same findings as the same register in YAML; a file in
Windows-1252 that is not plain ASCII is refused with the encoding named and the fix.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from dpia.io.bulk import _field_kinds
from dpia.check import as_json, check
from dpia.cli import main
from dpia.io.importer import import_spreadsheet, register_sheets
from dpia.model import System
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


# --------------------------------------------------------------------------------------------------
# The programs' ways of writing


VARIANTS = {
    # name: (encoding, byte-order mark, separator, row end)
    "excel-nl-csv-utf8": ("utf-8", True, ";", "\r\n"),
    "excel-nl-puntkomma": ("cp1252", False, ";", "\r\n"),
    "excel-en-csv-utf8": ("utf-8", True, ",", "\r\n"),
    "libreoffice": ("utf-8", False, ",", "\n"),
}


def spreadsheet_csv(rows: list[list[str]], variant: str) -> bytes:
    """``rows`` (the header first) as ``variant`` writes them."""
    encoding, bom, sep, end = VARIANTS[variant]

    def cell(value: str) -> str:
        if any(c in value for c in (sep, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(sep.join(cell(v) for v in row) + end for row in rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def findings(path: Path) -> list[dict]:
    loaded = load(path)
    doc = json.loads(as_json(check(loaded.register, ON, loaded.where), "en"))
    for f in doc["findings"]:
        f.pop("location")  # file:line differs between the forms, by design
    return doc["findings"]


def _yaml_doc(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def example_with_csv(tmp_path: Path, variant: str) -> Path:
    """The example register with its flows in flows.csv and its systems in systems.csv, as ``variant``."""
    folder = tmp_path / variant
    shutil.copytree(EXAMPLE, folder)
    flows = _yaml_doc(folder / "flows.yaml")["flows"]
    columns = ["id", "from", "to", "categories", "purposes", "subjects", "agreement", "channel"]
    rows = [columns] + [
        [" ".join(f.get(c) or []) if c in ("categories", "purposes", "subjects") else str(f.get(c) or "")
         for c in columns] for f in flows]
    (folder / "flows.yaml").unlink()
    (folder / "flows.csv").write_bytes(spreadsheet_csv(rows, variant))
    systems = _yaml_doc(folder / "systems.yaml")["systems"]
    kinds = _field_kinds(System)
    columns = [c for c in kinds if any(c in s for s in systems)]
    assert all(set(s) <= set(columns) for s in systems)  # every field of the example's systems has a column
    rows = [columns] + [[" ".join(s.get(c) or []) if kinds[c] == "list" else str(s.get(c) or "") for c in columns]
                        for s in systems]
    (folder / "systems.yaml").unlink()
    (folder / "systems.csv").write_bytes(spreadsheet_csv(rows, variant))
    return folder


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_example_in_csv_as_each_program_saves_it_gives_the_same_findings(tmp_path: Path, variant: str) -> None:
    folder = example_with_csv(tmp_path, variant)
    data = (folder / "flows.csv").read_bytes()
    bom = b"\xef\xbb\xbf" if VARIANTS[variant][1] else b""
    assert data.startswith(bom + f"id{VARIANTS[variant][2]}from".encode())
    assert (b"\r\n" in data) == VARIANTS[variant][3].startswith("\r")
    if VARIANTS[variant][0] == "cp1252":
        # The example's channels hold an 'ü': in the Windows code page that is not UTF-8, and is refused
        # with the encoding named (the plain-ASCII case is test_dutch_excel_in_the_windows_code_page...).
        with pytest.raises(RegisterInvalid) as info:
            load(folder)
        first = info.value.problems[0].render("nl")
        assert "flows.csv" in first and "Windows-1252" in first and "'ü'" in first and "CSV UTF-8" in first
        return
    assert findings(folder) == findings(EXAMPLE)
    assert len(findings(EXAMPLE)) > 10
    loaded = load(folder)
    assert not loaded.register.flows and len(loaded.register.systems) == len(load(EXAMPLE).register.systems)
    assert loaded.where(loaded.register.systems[0].id).startswith(f"{folder}/systems.csv:")


# Literal bytes: the flows of a small register as Dutch Excel writes them, with a cell holding a
# semicolon and a cell holding a line break (Alt+Enter in Excel: a bare LF inside quotes).
EXCEL_NL_FLOWS = (
    b"\xef\xbb\xbfid;from;to;categories;purposes;subjects;agreement;channel\r\n"
    b"f-school-las;school-a;las;name care;education;pupils-u16;;\"web; app\"\r\n"
    b"f-las-duo;las;duo;name bsn;bron;;;\"SFTP\nnaar DUO\"\r\n"
    b";;;;;;;\r\n"  # a row Excel once saw used: empty cells only
    b"f-photos;school-a;board;nam;photos;pupils-u16;;\r\n"
)


def test_dutch_excel_bytes_are_read_with_lines_as_excel_shows_them(tmp_path: Path) -> None:
    from .test_bulk import mini_with_csv_flows

    path = mini_with_csv_flows(tmp_path)
    (path / "flows.csv").write_bytes(EXCEL_NL_FLOWS)
    with pytest.raises(RegisterInvalid) as info:
        load(path)
    got = [p.render("en") for p in info.value.problems]
    # The misspelt category is on line 6 (the quoted line break makes row 3 two lines), column 4.
    assert got == [f"{path}/flows.csv:6:4: flows[2] (f-photos).categories[0]: 'nam' refers to nothing; expected an "
                   "id from data_categories; did you mean 'name'? Correct the id, or add an entry with this id to "
                   "data_categories"]
    (path / "flows.csv").write_bytes(EXCEL_NL_FLOWS.replace(b";nam;", b";name;"))
    from dpia.model.flowtable import iter_flows

    flows = {f.id: f for f in iter_flows(load(path).register)}
    assert flows["f-school-las"].channel == "web; app" and flows["f-las-duo"].channel == "SFTP\nnaar DUO"
    assert flows["f-las-duo"].categories == ["name", "bsn"]


def test_dutch_excel_in_the_windows_code_page_loads_when_it_is_plain_ascii(tmp_path: Path) -> None:
    from .test_bulk import mini_with_csv_flows

    from dpia.model.flowtable import iter_flows

    def flows(path: Path) -> list[dict]:
        return [f.model_dump() for f in iter_flows(load(path).register)]

    path = mini_with_csv_flows(tmp_path)
    utf8 = flows(path)
    text = (path / "flows.csv").read_text(encoding="utf-8").splitlines()
    (path / "flows.csv").write_bytes(spreadsheet_csv([line.split(",") for line in text], "excel-nl-puntkomma"))
    assert b";" in (path / "flows.csv").read_bytes()
    assert len(utf8) == 3 and flows(path) == utf8  # every flow, field for field (the findings of MINI are none)


def test_dutch_excel_inventory_in_semicolons(tmp_path: Path) -> None:
    from .test_bulk import mini_with_csv_flows

    path = mini_with_csv_flows(tmp_path)
    (path / "parties.csv").write_bytes(
        b"\xef\xbb\xbfid;name;role;location.country;;\r\n"  # two nameless columns, as Excel keeps them
        b"bus;Busbedrijf \"De Reis\";processor;NL;;\r\n"
        b"\"cloud\";Cloud, Inc.;sub_processor;US;;\r\n"
    )
    reg = load(path).register
    assert [(p.id, p.name, p.location.country) for p in reg.parties[-2:]] == [
        ("bus", 'Busbedrijf "De Reis"', "NL"), ("cloud", "Cloud, Inc.", "US")]
    (path / "parties.csv").write_bytes(b"id;name;role;\r\nbus;Bus;processor;vergeten\r\n")
    with pytest.raises(RegisterInvalid) as info:
        load(path)
    assert [p.render("en") for p in info.value.problems] == [
        f"{path}/parties.csv:2:4: this cell is in a column without a name in the header: 'vergeten'. Give the "
        "column one of the allowed names, or empty the cell"]


def test_windows_1252_is_refused_with_the_encoding_and_the_fix(tmp_path: Path, capsys) -> None:
    from .test_bulk import mini_with_csv_flows

    path = mini_with_csv_flows(tmp_path)
    rows = [["id", "name", "role"], ["bus", "Busbedrijf Café", "processor"]]
    (path / "parties.csv").write_bytes(spreadsheet_csv(rows, "excel-nl-puntkomma"))
    before = {p: p.read_bytes() for p in path.rglob("*") if p.is_file()}
    assert main(["--lang", "nl", "validate", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == "" and "Traceback" not in err
    assert lines[0].startswith(f"{path}/parties.csv:2:19: bestand is geen geldige UTF-8 (byte 0xe9")
    assert "Windows-1252" in lines[0] and "'é'" in lines[0] and "CSV UTF-8" in lines[0]
    assert main(["--lang", "en", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "probably saved as Windows-1252, where this is 'é'. Save it as CSV UTF-8" in err.splitlines()[0]
    assert {p: p.read_bytes() for p in path.rglob("*") if p.is_file()} == before  # nothing written


def test_an_unreadable_inventory_is_the_cause_of_the_references_into_it(tmp_path: Path) -> None:
    from .test_bulk import mini_with_csv_flows

    path = mini_with_csv_flows(tmp_path, "f-b,school-a,bus,name,education,,,\nf-c,school-a,bus,name,education,,,\n")
    (path / "parties.csv").write_bytes(spreadsheet_csv([["id", "name", "role"], ["bus", "Café", "processor"]],
                                                       "excel-nl-puntkomma"))
    with pytest.raises(RegisterInvalid) as info:
        load(path)
    got = [p.render("en") for p in info.value.problems]
    assert len(got) == 2 and "not valid UTF-8" in got[0] and "refers to nothing" not in "".join(got)
    assert got[1].startswith(f"{path}/parties.csv:2:8: 2 references to ids in parties were not checked because "
                             f"that file could not be read (the first at {path}/flows.csv:5)")
    assert info.value.problems[1].caused_by == info.value.problems[0].place


def test_the_register_workbook_saved_as_csv_sheets_by_dutch_excel_imports(tmp_path: Path) -> None:
    # dpia export-register writes a workbook; an officer may save each sheet as CSV (Dutch Excel) and
    # import the folder: the register that comes back checks the same.
    sheets_dir = tmp_path / "bladen"
    sheets_dir.mkdir()
    for name, header, rows in register_sheets(load(EXAMPLE).register):
        cells = [[("" if v is None else str(v).lower() if isinstance(v, bool) else str(v)) for v in row] for row in rows]
        (sheets_dir / f"{name}.csv").write_bytes(spreadsheet_csv([header] + cells, "excel-nl-csv-utf8"))
    import_spreadsheet(sheets_dir, tmp_path / "terug")
    assert findings(tmp_path / "terug") == findings(EXAMPLE)
