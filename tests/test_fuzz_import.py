"""Fuzzing the spreadsheet import: whatever workbook a school sends, ``import_spreadsheet`` writes a
register folder that loads, or raises ``SpreadsheetInvalid`` whose every problem is placed in the file
(a sheet, a row, a cell) and explained in Dutch and English, and writes nothing. Never another
exception, never a half folder, never a hang.

Three strategies: (a) cell level, the MINI register (sometimes the example register) as a workbook
with arbitrary values in arbitrary cells, rows added and deleted, headers and sheets renamed, written
as an XLSX (text inline or in a shared-strings table) or as a folder of CSV sheets; (b) byte level,
the bytes of the XLSX zip or of one of its XML parts mutated (and zipped again); (c) text, any text
in the columns of free text, which must be written so that it reads back exactly.

Not part of ``make test``: these run only with ``DPIA_FUZZ=1`` (``make fuzz``). The number of examples
per strategy is ``DPIA_FUZZ_EXAMPLES`` (default 3000). A crash found here becomes a case in
tests/test_bad_imports.py and is fixed in dpia/io/importer.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpia.io.importer import (column_letter, import_spreadsheet, layout, register_sheets, register_xlsx, SheetProblem, SpreadsheetInvalid)
from dpia.io.store import load

from .conftest import EXAMPLE
from .test_fuzz import _say
from .test_bad_imports import SHEET_PART, mini_register, parts, rezip, shared_strings

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DPIA_FUZZ"), reason="fuzzing: run `make fuzz`"),
    pytest.mark.filterwarnings("error"),  # a warning let through by the importer is a finding too
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning"),  # the repr of a large failing input
]

EXAMPLES = int(os.environ.get("DPIA_FUZZ_EXAMPLES", "3000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # timing is asserted in check_import, generously: the machine may be busy
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
SLOW = 20  # seconds

# Statistics for the closing note: examples run per test, the time spent, and how they ended.
STATS: dict[str, list[float]] = {}
OUTCOMES: dict[str, dict[str, int]] = {}


def _count(name: str, started: float, outcome: str) -> None:
    n, seconds = STATS.get(name, [0, 0.0])
    STATS[name] = [n + 1, seconds + time.perf_counter() - started]
    OUTCOMES.setdefault(name, {}).setdefault(outcome, 0)
    OUTCOMES[name][outcome] += 1


@pytest.fixture(scope="module", autouse=True)
def _report_stats(request):
    yield
    lines = []
    for name, (n, s) in sorted(STATS.items()):
        ends = ", ".join(f"{k} {v}" for k, v in sorted(OUTCOMES.get(name, {}).items(), key=lambda kv: -kv[1]))
        lines.append(f"  {name}: {int(n)} examples, {s:.0f} s ({ends})")
    _say(request, "", "fuzzing the import:", *lines)




@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz_import")


def fresh(workdir: Path) -> Path:
    folder = workdir / "case"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    return folder


def check_import(source: Path, folder: Path) -> str:
    """The property; returns how it ended (for the statistics)."""
    out = folder / "out"
    before = sorted(p.name for p in folder.iterdir())
    started = time.perf_counter()
    try:
        import_spreadsheet(source, out)
    except SpreadsheetInvalid as exc:
        seconds = time.perf_counter() - started
        assert exc.problems
        for p in exc.problems:
            assert isinstance(p, SheetProblem), p
            assert p.file == str(source), p
            assert p.key != "import_reload_failed", p.render("en")  # the import wrote what the loader refuses
            assert p.key != "invalid_value", p.render("en")  # a library's English text in a Dutch message
            assert p.line >= 0 and p.column >= 0, p
            if p.line or p.column:
                assert p.sheet and p.line >= 1, p  # a row or cell is in a sheet
            for lang in ("nl", "en"):  # both catalogue entries exist and take these parameters
                assert p.message(lang).strip()
                p.render(lang).encode("utf-8", "backslashreplace")
        first = exc.problems[0]
        reason = dict(first.params).get("reason") if first.key in ("import_not_xlsx", "import_sheet_damaged") else None
        outcome = first.key + (f" ({reason})" if reason else "")
    else:
        seconds = time.perf_counter() - started
        load(out)  # what was written loads (the import compared it with what it read)
        shutil.rmtree(out)
        outcome = "imported"
    assert seconds < SLOW, "every input here is small: a slow import is a bug"
    # Nothing written on failure, no temporary folder left behind on success or failure.
    assert sorted(p.name for p in folder.iterdir()) == before
    return outcome


# --------------------------------------------------------------------------------------------------
# (a) cell level: a workbook as a table of values, edited, and written as XLSX or CSV


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass(frozen=True)
class ErrorValue:
    text: str


@functools.cache
def base_tables(which: str) -> tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]:
    register = mini_register() if which == "mini" else load(EXAMPLE).register
    return tuple((name, tuple(tuple(r) for r in [header, *rows])) for name, header, rows in register_sheets(register))


SHEET_NAMES = [s.name for s in layout()]
COLUMN_NAMES = sorted({c.name for s in layout() for c in s.all_columns})
WORDS = [
    "board", "school-a", "supplier", "hosting", "duo", "las", "name", "bsn", "care", "pupils-u16", "education", "bron",
    "photos", "f-school-las", "va-supplier", "c-photos", "mentor", "r-name", "m-mfa", "processor", "sub_processor",
    "public_task", "consent", "special", "health", "under_16", "parent", "pupil", "NL", "US", "scc", "P2Y", "P0D", "P",
    "2024-01-01", "2024-02-30", "0000-00-00", "2024-01-01 00:00:00", "[]", "name, care", "name;care", "name\ncare", ",",
    "ja", "nee", "WAAR", "x", "1", "0", "-1", "1e999", "nan", "inf", "01AB", "12345678", "fg@example.nl", "'=x", "'",
    "=", "+1", "-x", "@SUM(1)", "\t", " ", "", "é", "日本", "\u202e", "\U0001f600", "\x85", "\u2028", "\ufeff", "_x0001_",
    "DPIA101/x", '{"a": 1}', "None", "null", "~", "true", "False",
]


def _text():
    return st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)


def values():
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(9999, 12, 31)),
        _text(),
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(lambda w: w.upper()),
        _text().map(Formula),
        st.sampled_from(["SUM(A1:A3)", "A1&B1", "HYPERLINK(\"http://x\")", "1/0", ""]).map(Formula),
        st.sampled_from(["#N/A", "#DIV/0!", "#REF!", "#VALUE!"]).map(ErrorValue),
    )


EDITS = ("set", "set", "set", "add_row", "dup_row", "delete_row", "rename_header", "rename_sheet", "delete_sheet",
         "add_sheet", "delete_column", "swap_columns")


@st.composite
def edited_tables(draw) -> list[list[Any]]:
    """[title, rows] for every sheet (row 0 the header), after a few random edits."""
    which = draw(st.sampled_from(["mini"] * 4 + ["example"]))
    sheets = [[name, [list(r) for r in rows]] for name, rows in base_tables(which)]
    for _ in range(draw(st.integers(1, 6))):
        if not sheets:
            break
        kind = draw(st.sampled_from(EDITS))
        sheet = draw(st.sampled_from(sheets))
        rows = sheet[1]
        if kind == "set":
            r = draw(st.integers(0, len(rows) + 2))
            while len(rows) <= r:
                rows.append([])
            row = rows[r]
            c = draw(st.integers(0, max(len(rows[0]), len(row)) + 2))
            while len(row) <= c:
                row.append(None)
            row[c] = draw(values())
        elif kind == "add_row":
            rows.insert(draw(st.integers(min(1, len(rows)), len(rows))), draw(st.lists(values(), max_size=12)))
        elif kind == "dup_row" and len(rows) > 1:
            rows.insert(draw(st.integers(1, len(rows))), list(rows[draw(st.integers(1, len(rows) - 1))]))
        elif kind == "delete_row" and rows:
            del rows[draw(st.integers(0, len(rows) - 1))]
        elif kind == "rename_header" and rows and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            rows[0][c] = draw(st.one_of(st.sampled_from(COLUMN_NAMES), _text(), st.sampled_from([" id", "ID", "Name", "", None])))
        elif kind == "rename_sheet":
            sheet[0] = draw(st.one_of(st.sampled_from(SHEET_NAMES), st.sampled_from(SHEET_NAMES).map(str.upper),
                                      st.sampled_from(["_notes", "Blad1", "flow", "controller ", ""]), _text()))
        elif kind == "delete_sheet":
            sheets.remove(sheet)
        elif kind == "add_sheet":
            title = draw(st.one_of(st.sampled_from(SHEET_NAMES + ["_toelichting", "Sheet1"]), _text()))
            sheets.insert(draw(st.integers(0, len(sheets))), [title, draw(st.lists(st.lists(values(), max_size=6), max_size=4))])
        elif kind == "delete_column" and rows and rows[0]:
            c = draw(st.integers(0, len(rows[0]) - 1))
            for row in rows:
                if c < len(row):
                    del row[c]
        elif kind == "swap_columns" and rows and len(rows[0]) > 1:
            a, b = draw(st.integers(0, len(rows[0]) - 1)), draw(st.integers(0, len(rows[0]) - 1))
            for row in rows:
                while len(row) <= max(a, b):
                    row.append(None)
                row[a], row[b] = row[b], row[a]
    return sheets


# A minimal XLSX writer, so that every cell type, text stored inline or shared, and odd sheet names
# can be written (openpyxl's writer refuses some of these, and would mend others).

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xml_text(text: str) -> str:
    """Text for XML: what XML 1.0 cannot hold written as Excel does (_xHHHH_; read back literally)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif (code < 0x20 and ch not in "\t\n\r") or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            out.append(f"_x{code:04X}_")
        else:
            out.append(ch)
    return "".join(out)




@functools.cache
def good_parts() -> dict[str, bytes]:
    return parts(register_xlsx(mini_register()))


def xlsx_of(sheets: list[list[Any]], shared: bool, date_style: int) -> bytes:
    files: dict[str, bytes] = {}
    good = good_parts()
    strings: list[str] = []

    def cell_xml(ref: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Formula):
            return f'<c r="{ref}"><f>{_xml_text(value.text)}</f></c>'
        if isinstance(value, ErrorValue):
            return f'<c r="{ref}" t="e"><v>{_xml_text(value.text)}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value!r}</v></c>'
        if isinstance(value, dt.datetime):
            if date_style:
                serial = (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
                return f'<c r="{ref}" s="{date_style}"><v>{serial!r}</v></c>'
            return f'<c r="{ref}" t="d"><v>{value.isoformat()}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{ref}" t="d"><v>{value.isoformat()}</v></c>'
        text = str(value)
        if shared:
            strings.append(text)
            return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_xml_text(text)}</t></is></c>'

    sheet_entries, rels, overrides = [], [], []
    for i, (title, rows) in enumerate(sheets, start=1):
        body = []
        for r, row in enumerate(rows, start=1):
            cells = "".join(cell_xml(f"{column_letter(c)}{r}", v) for c, v in enumerate(row, start=1))
            body.append(f'<row r="{r}">{cells}</row>')
        files[f"xl/worksheets/sheet{i}.xml"] = f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(body)}</sheetData></worksheet>'.encode()
        sheet_entries.append(f'<sheet name="{_xml_text(str(title))}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>')
    if shared:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        overrides.append('<Override PartName="/xl/sharedStrings.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        files["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f'<si><t xml:space="preserve">{_xml_text(s)}</t></si>' for s in strings) + "</sst>"
        ).encode()
    files["xl/workbook.xml"] = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{"".join(sheet_entries)}</sheets></workbook>'.encode()
    files["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>'
    ).encode()
    files["xl/styles.xml"] = good["xl/styles.xml"]
    files["_rels/.rels"] = good["_rels/.rels"]
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(overrides) + "</Types>"
    ).encode()
    return rezip(files)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (Formula, ErrorValue)):
        return ("=" if isinstance(value, Formula) else "") + value.text
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


def csv_folder_of(sheets: list[list[Any]], folder: Path, delimiter: str, encoding: str) -> Path:
    target = folder / "csv"
    target.mkdir()
    for title, rows in sheets:
        name = "".join(ch for ch in str(title) if ch not in "/\\\x00") or "_"
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            w.writerow([_csv_text(v) for v in row])
        try:
            (target / f"{name[:60]}.csv").write_bytes(buf.getvalue().encode(encoding, "surrogatepass"))
        except (OSError, ValueError):
            continue  # a name the file system refuses
    return target


@FUZZ
@given(sheets=edited_tables(), form=st.sampled_from(["inline", "inline", "shared", "csv"]), date_style=st.sampled_from([0, 0, 1, 2]),
       delimiter=st.sampled_from([";", ",", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig"]))
def test_fuzz_cells(workdir, sheets, form, date_style, delimiter, encoding) -> None:
    started = time.perf_counter()
    folder = fresh(workdir)
    if form == "csv":
        source = csv_folder_of(sheets, folder, delimiter, encoding)
    else:
        source = folder / "register.xlsx"
        source.write_bytes(xlsx_of(sheets, form == "shared", date_style))
    outcome = check_import(source, folder)
    _count("cells", started, outcome)


# --------------------------------------------------------------------------------------------------
# (b) byte level: the XLSX zip, or one of its XML parts


@functools.cache
def base_parts(shared: bool) -> dict[str, bytes]:
    files = parts(register_xlsx(mini_register()))
    return shared_strings(files, "parties") if shared else files


TOKENS = [
    b'<row r="1048577">', b'<row r="99999999">', b'<row r="0">', b'<row r="-1">', b'<row>', b"</row>", b'<c r="XFD1">',
    b'<c r="XFE1">', b'<c r="A0">', b'<c r="1A">', b"<c>", b"</c>", b'<c t="s"><v>99</v></c>', b'<c t="s"><v>-1</v></c>',
    b'<c t="n"><v>nan</v></c>', b'<c t="n"><v>1e999</v></c>', b'<c t="d"><v>9999-99-99</v></c>', b'<c t="b"><v>2</v></c>',
    b'<c t="e"><v>#REF!</v></c>', b'<c t="str"><v>x</v></c>', b"<f>SUM(A1)</f>", b"<v>", b"</v>", b"<is><t>x</t></is>",
    b'<c s="1"><v>99999999999</v></c>', b'<c s="2"><v>-5</v></c>', b's="99"', b't="x"', b"<!DOCTYPE x>", b'<!ENTITY a "b">',
    b"&a;", b"&amp;", b"&#0;", b"&#xD800;", b"&#1114112;", b"]]>", b"<![CDATA[x]]>", b"<?pi x?>", b"<!-- c -->",
    b'xmlns:x="y"', b'encoding="UTF-16"', b"\xef\xbb\xbf", b"\x00", b"\xff", b"\xc3", b'<dimension ref="A1:XFD1048576"/>',
    b'<sheet name="x" sheetId="99" r:id="rId99"/>', b'<sheet name="controller" sheetId="1" r:id="rId1"/>', b'r:id="rId999"',
    b'Target="../../../etc/passwd"', b'Target="/xl/worksheets/sheet1.xml"', b'Target="worksheets/sheet99.xml"',
    b'<mergeCell ref="A1:XFD1048576"/>', b'<definedName name="x">A1</definedName>', b"9" * 30, b"-", b'"', b"'", b"=",
]


ELEMENT_TEXT = re.compile(rb"<(t|v|f)( [^>]*)?>([^<]*)</\1>")
ATTRIBUTE = re.compile(rb' (t|s|r|ref|name|sheetId|r:id|Target|count|uniqueCount|spans|ht)="([^"]*)"')
ATTRIBUTE_VALUES = [b"s", b"n", b"b", b"d", b"e", b"str", b"inlineStr", b"x", b"", b"0", b"1", b"2", b"99", b"-1", b"A1", b"XFD1048576",
                    b"A0", b"ZZZ1", b"1:16384", b"rId1", b"rId99", b"controller", b"flows", b"_x", b"99999999999999999999"]


def _mutate(data: bytes, draw, tokens: list[bytes], xml: bool = False) -> bytes:
    kinds = ["flip", "insert", "delete", "duplicate", "truncate", "token", "digits"] + (["text", "text", "attribute"] if xml else [])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(kinds))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data = data[:pos] + bytes([data[pos] ^ draw(st.integers(1, 255))]) + data[pos + 1:]
        elif kind == "insert":
            data = data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos:]
        elif kind == "delete":
            data = data[:pos] + data[pos + draw(st.integers(1, 64)):]
        elif kind == "duplicate":
            end = min(len(data), pos + draw(st.integers(1, 200)))
            data = data[:end] + data[pos:end] + data[end:]
        elif kind == "truncate":
            data = data[:pos]
        elif kind == "token":
            data = data[:pos] + draw(st.sampled_from(tokens)) + data[pos:]
        elif kind == "digits":
            # a number in the text (a row, a cell reference, an index, a size) replaced by another
            digits = [i for i in range(len(data)) if 48 <= data[i] <= 57]
            if digits:
                i = draw(st.sampled_from(digits))
                j = i
                while j < len(data) and 48 <= data[j] <= 57:
                    j += 1
                data = data[:i] + draw(st.sampled_from([b"0", b"99999999", b"1048577", b"16385", b"4294967296", b"9" * 20])) + data[j:]
        elif kind == "text":
            # the text of a cell, a value or a formula replaced: the XML stays well-formed
            spans = [m.span(3) for m in ELEMENT_TEXT.finditer(data)]
            if spans:
                a, b = draw(st.sampled_from(spans))
                value = draw(st.one_of(values().map(_csv_text), st.sampled_from(WORDS)))
                data = data[:a] + _xml_text(value).encode("utf-8", "surrogatepass") + data[b:]
        elif kind == "attribute":
            spans = [m.span(2) for m in ATTRIBUTE.finditer(data)]
            if spans:
                a, b = draw(st.sampled_from(spans))
                data = data[:a] + draw(st.sampled_from(ATTRIBUTE_VALUES)) + data[b:]
    return data


@st.composite
def mutated_xlsx(draw) -> bytes:
    files = dict(base_parts(draw(st.booleans())))
    where = draw(st.sampled_from(["zip", "part", "part", "part"]))
    if where == "zip":
        return _mutate(rezip(files), draw, [b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"\xff\xff\xff\xff", b"\x00" * 4])
    names = sorted(files)
    weighted = names + [SHEET_PART[s] for s in ("controller", "parties", "flows", "agreements")] * 3 + ["xl/workbook.xml"] * 3
    if "xl/sharedStrings.xml" in files:
        weighted += ["xl/sharedStrings.xml"] * 4
    name = draw(st.sampled_from(weighted))
    files[name] = _mutate(files[name], draw, TOKENS, xml=True)
    if draw(st.integers(0, 9)) == 0:
        files.pop(draw(st.sampled_from(names)))  # and a part lost
    return rezip(files, draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])))


@FUZZ
@given(data=mutated_xlsx())
def test_fuzz_bytes(workdir, data) -> None:
    started = time.perf_counter()
    folder = fresh(workdir)
    source = folder / "register.xlsx"
    source.write_bytes(data)
    outcome = check_import(source, folder)
    _count("bytes", started, outcome)


# --------------------------------------------------------------------------------------------------
# (c) text: any text in the columns of free text, which must come back exactly


FREE_TEXT = {
    "name", "notes", "label.nl", "label.en", "title.nl", "title.en", "legal_source", "art9_exception", "channel",
    "security_annex", "privacy_annex_version", "withdrawal", "how_recorded", "reason", "detail", "owner",
    "contact.name", "dpo.name", "description", "threat", "impacts", "necessity", "version",
}


def _any_text(xml: bool):
    """Any text (for XML: what XML 1.0 can hold), often with line breaks, spaces and quotes at the ends."""
    if xml:
        chars = st.characters(blacklist_categories=["Cs"], blacklist_characters="\ufffe\uffff",
                              whitelist_categories=None).filter(lambda ch: ord(ch) >= 0x20 or ch in "\t\n")
    else:
        chars = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
    pieces = st.sampled_from(["\n", "\r\n", "  ", " ", "'", '"', "#", ": ", "- ", "|", ">", "&", "*", "!", "%", "@", "`", "\t",
                              "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\x7f", "\x1b", "\x0b", "\x0c", "\r", "…", "e\u0301"])
    return st.lists(st.one_of(st.text(chars, min_size=1, max_size=12), pieces), min_size=1, max_size=8).map("".join)


@st.composite
def texts_in_tables(draw) -> tuple[str, list[list[Any]]]:
    form = draw(st.sampled_from(["inline", "shared", "csv"]))
    which = draw(st.sampled_from(["mini"] * 7 + ["example"]))  # the example has the DPIAs' text, and is slow
    sheets = [[name, [list(r) for r in rows]] for name, rows in base_tables(which)]
    cells = [(s, r, c) for s, (_name, rows) in enumerate(sheets) for c, head in enumerate(rows[0]) if head in FREE_TEXT
             for r in range(1, len(rows))]
    for _ in range(draw(st.integers(1, 5))):
        s, r, c = draw(st.sampled_from(cells))
        row = sheets[s][1][r]
        while len(row) <= c:
            row.append(None)
        text = draw(_any_text(form != "csv"))
        if form != "csv":
            text = text.replace("\r", "\n")  # XML reads a carriage return as a line break
        row[c] = text if text.strip() else "x" + text  # blank text is an empty cell: not this test's point
    return form, sheets


@FUZZ
@given(case=texts_in_tables())
def test_fuzz_text(workdir, case) -> None:
    started = time.perf_counter()
    form, sheets = case
    folder = fresh(workdir)
    if form == "csv":
        source = csv_folder_of(sheets, folder, ";", "utf-8")
    else:
        source = folder / "register.xlsx"
        source.write_bytes(xlsx_of(sheets, form == "shared", 0))
    outcome = check_import(source, folder)
    _count("text", started, outcome)


def test_the_base_workbooks_import(workdir) -> None:
    # The strategies start from workbooks that import: a finding is the edit's doing.
    for which in ("mini", "example"):
        folder = fresh(workdir)
        source = folder / "register.xlsx"
        source.write_bytes(xlsx_of([[n, [list(r) for r in rows]] for n, rows in base_tables(which)], which == "example", 0))
        assert check_import(source, folder) == "imported"
        folder = fresh(workdir)
        source = csv_folder_of([[n, [list(r) for r in rows]] for n, rows in base_tables(which)], folder, ";", "utf-8-sig")
        assert check_import(source, folder) == "imported"
    for shared in (False, True):
        folder = fresh(workdir)
        source = folder / "register.xlsx"
        source.write_bytes(rezip(base_parts(shared)))
        assert check_import(source, folder) == "imported"
