"""Broken spreadsheets for ``dpia import`` (the import's part of tests/bad_inputs/).

Every case is a workbook (or a CSV folder, or an output folder) with one thing wrong, built at test
time from a good workbook (the MINI register of conftest.py exported with ``register_xlsx``): XLSX
files are binary, so they are made here rather than committed. Each goes through ``dpia import FILE
-o DIR`` (``dpia.cli.main``) in a separate process limited to 1 GB of address space and a timeout, in
English and in Dutch, and must give: exit code 2, the expected message at the expected place
(``FILE: ...``, ``FILE:SHEET: ...`` or ``FILE:SHEET!CELL: ...``), no traceback (nor the "internal
error" line that stands in for one), no library warning, nothing on stdout, nothing written (the
-o folder does not exist afterwards, or is unchanged), in bounded time. The ordinary cases share one
process; the large or slow ones and those that need a process of their own get one each.

``ACCEPTED`` holds inputs that are not broken but made the import fail before a fix (found by
tests/test_fuzz_import.py): they must import, and the folder written must load.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dpia.io.export import csv_bytes
from dpia.io.importer import (column_letter, layout, MAX_CELLS, MAX_FILLED_ROWS, MAX_PROBLEMS, MAX_ROWS, MAX_SHEETS, MAX_SPREADSHEET_BYTES, MAX_UNPACKED_BYTES, register_sheets, register_xlsx)
from dpia.io.store import load

from .conftest import MINI, write_register

MEMORY = 1 << 30  # bytes of address space for an importing process
CASE_SECONDS = 15  # per case and language (the slowest takes a few seconds; one hung before its fix)
ROOT = Path(__file__).resolve().parents[1]
XLSX = "register.xlsx"


# --------------------------------------------------------------------------------------------------
# The good workbook and ways to break it


@functools.cache
def mini_register():
    with tempfile.TemporaryDirectory() as tmp:
        return load(write_register(Path(tmp) / "mini", MINI)).register


@functools.cache
def good_xlsx() -> bytes:
    return register_xlsx(mini_register())


SHEET_PART = {s.name: f"xl/worksheets/sheet{i}.xml" for i, s in enumerate(layout(), start=1)}


def cell(sheet: str, column: str, row: int) -> str:
    """'C2': where ``column`` of ``sheet`` is in a workbook of the import layout."""
    names = [c.name for s in layout() if s.name == sheet for c in s.all_columns]
    return f"{sheet}!{column_letter(names.index(column) + 1)}{row}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The parts zipped, the same bytes every time (every part dated 2000-01-01: the fuzzer's
    mutations of the zip must not depend on the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data)
    return out.getvalue()


def with_parts(**changes: Callable[[str], str]) -> bytes:
    """The good workbook with parts edited as text: ``sheet_parties=lambda xml: ...`` edits the part of
    sheet 'parties'; ``xl__workbook_xml=...`` the part xl/workbook.xml."""
    files = parts(good_xlsx())
    for key, edit in changes.items():
        name = SHEET_PART[key[6:]] if key.startswith("sheet_") else key.replace("__", "/").replace("_xml", ".xml")
        files[name] = edit(files[name].decode("utf-8")).encode("utf-8")
    return rezip(files)


def edited(edit: Callable[[Workbook], object]) -> bytes:
    """The good workbook edited with openpyxl (as a person would, in a spreadsheet program)."""
    wb = load_workbook(io.BytesIO(good_xlsx()))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def set_cell(sheet: str, column: str, row: int, value: object) -> Callable[[Workbook], None]:
    def edit(wb: Workbook) -> None:
        wb[sheet][cell(sheet, column, row).split("!")[1]].value = value

    return edit


def shared_strings(files: dict[str, bytes], sheet: str = "controller") -> dict[str, bytes]:
    """The workbook with the text of ``sheet`` in xl/sharedStrings.xml, as Excel stores text."""
    name = SHEET_PART[sheet]
    strings: list[bytes] = []

    def to_index(m: re.Match) -> bytes:
        strings.append(m.group(2))
        return m.group(1) + b't="s"><v>%d</v>' % (len(strings) - 1)

    files = dict(files)
    files[name] = re.sub(rb'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")? )t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is>', to_index, files[name])
    files["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
        + b"".join(b"<si><t>" + s + b"</t></si>" for s in strings)
        + b"</sst>"
    )
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return files


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i + 1} "' + f"&lol{i};" * 10 + '">' for i in range(9))
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def _strip_decl(xml: str) -> str:
    return xml.split("?>", 1)[1].lstrip() if xml.startswith("<?xml") else xml


def cfb(streams: dict[str, bytes]) -> bytes:
    """A small OLE2 compound file (as Excel writes an .xls, or an encrypted .xlsx) holding ``streams``:
    a header, one FAT sector, one directory sector, and the streams in whole sectors."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    body = b""
    fat = [fat_sector, end]  # sector 0: the FAT; sector 1: the directory
    entries = [("Root Entry", 5, end, 0)]
    next_sector = 2
    for name, data in streams.items():
        data = data + b"\0" * (-len(data) % 512)
        count = max(len(data) // 512, 1)
        fat += [next_sector + i + 1 for i in range(count - 1)] + [end]
        entries.append((name, 2, next_sector, len(data)))
        body += data.ljust(512 * count, b"\0")
        next_sector += count
    fat += [free] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0) + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    )
    directory = b""
    for i, (name, kind, start, size) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\0\0"
        child = 1 if kind == 5 and len(entries) > 1 else free
        right = i + 1 if kind == 2 and i + 1 < len(entries) else free
        directory += (
            encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1) + struct.pack("<III", free, right, child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size)
        )
    directory = directory.ljust(512, b"\0")
    return header + struct.pack("<128I", *fat) + directory + body


def patch_zip(data: bytes, name: str, *, flag: int = 0, size: int | None = None) -> bytes:
    """``data`` with the headers of part ``name`` changed: flag bits added, or the unpacked size claimed."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, flag_at, size_at, name_at in ((b"PK\x03\x04", 6, 22, 30), (b"PK\x01\x02", 8, 24, 46)):
        pos = out.find(signature)
        while pos >= 0:
            if out[pos + name_at: pos + name_at + len(encoded)] == encoded:
                old = struct.unpack_from("<H", out, pos + flag_at)[0]
                struct.pack_into("<H", out, pos + flag_at, old | flag)
                if size is not None:
                    struct.pack_into("<I", out, pos + size_at, size)
            pos = out.find(signature, pos + 4)
    return bytes(out)


# --------------------------------------------------------------------------------------------------
# Builders: each makes the input under ``folder`` and returns its path; the output is ``folder/out``


def writes(data: bytes | Callable[[], bytes], name: str = XLSX) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path

    return build


def build_zip_bomb(folder: Path) -> Path:
    # 300 MB of one repeated row, which deflates to under 1 MB
    path = folder / XLSX
    files = parts(good_xlsx())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            if name != SHEET_PART["parties"]:
                zf.writestr(name, data)
        with zf.open(SHEET_PART["parties"], "w", force_zip64=True) as fh:
            fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
            for _ in range(300 * 2**20 // len(block)):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    return path


def build_lying_sizes(folder: Path) -> Path:
    # A part that claims to unpack to 1000 bytes and unpacks to 50 MB
    files = parts(good_xlsx())
    name = SHEET_PART["parties"]
    files[name] = files[name].replace(b"<sheetData>", b"<sheetData>" + b"<row/>" * (50 * 2**20 // 6))
    return writes(patch_zip(rezip(files), name, size=1000))(folder)


def build_many_sheets(folder: Path) -> Path:
    def edit(wb: Workbook) -> None:
        for i in range(MAX_SHEETS + 50):
            wb.create_sheet(f"_notes{i}")

    return writes(lambda: edited(edit))(folder)


def build_row_far_beyond_excel(folder: Path) -> Path:
    # row number 99,999,999 (Excel stops at 1,048,576): openpyxl hands out every empty row in between
    return writes(lambda: with_parts(sheet_parties=lambda x: re.sub(r'r="([A-Z]*)4"', r'r="\g<1>99999999"', x)))(folder)


def build_dimension_claim(folder: Path) -> Path:
    # The sheet claims A1:XFD1048576 (17 billion cells); one cell is wrong, and must be found quickly
    def edit(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("<t>processor</t>", "<t>procesor</t>", 1)

    return writes(lambda: with_parts(sheet_parties=edit))(folder)


def build_far_column(folder: Path) -> Path:
    # Rows with a value in column XFD (16,384): every row is 16,384 cells wide
    def edit(xml: str) -> str:
        rows = "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(5, MAX_CELLS // 16384 + 10))
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return writes(lambda: with_parts(sheet_parties=edit))(folder)


def build_many_filled_rows(folder: Path) -> Path:
    def edit(xml: str) -> str:
        rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>p{r}</t></is></c></row>' for r in range(5, MAX_FILLED_ROWS + 10))
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return writes(lambda: with_parts(sheet_parties=edit))(folder)


def build_too_large_for_yaml(folder: Path) -> Path:
    # 12,000 valid flows: a flows.yaml over the loader's limit per file (0.5 MB). Before the fix the
    # loader refused the folder written, and the messages pointed into the temporary folder.
    def edit(xml: str) -> str:
        def c(ref: str, v: str) -> str:
            return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'

        rows = "".join(
            f'<row r="{r}">' + c(f"A{r}", f"f-generated-{r}") + c(f"B{r}", "school-a") + c(f"C{r}", "las") + c(f"D{r}", "name, care") + "</row>"
            for r in range(5, 12_005)
        )
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return writes(lambda: with_parts(sheet_flows=edit))(folder)


def build_many_problems(folder: Path) -> Path:
    def edit(xml: str) -> str:
        rows = "".join(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>P{r}</t></is></c><c r="C{r}" t="inlineStr"><is><t>x</t></is></c></row>'
            for r in range(5, MAX_PROBLEMS + 10)
        )
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return writes(lambda: with_parts(sheet_parties=edit))(folder)


def build_giant_cell(folder: Path) -> Path:
    # 50 million characters in one cell (Excel holds at most 32,767): before the fix, the value went
    # into the "not allowed" message and its "did you mean", and the import ran out of memory
    path = folder / XLSX
    files = parts(good_xlsx())
    name = SHEET_PART["parties"]
    head, tail = files[name].split(b"<t>processor</t>", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, data in files.items():
            if part != name:
                zf.writestr(part, data)
        with zf.open(name, "w", force_zip64=True) as fh:
            fh.write(head + b"<t>")
            for _ in range(50):
                fh.write(b"p" * 2**20)
            fh.write(b"</t>" + tail)
    return path


def build_rows_out_of_order(folder: Path) -> Path:
    # rows 3 and 4 of 'parties' swapped: openpyxl reads rows as they come and dropped row 3 without a
    # word (before the fix the party 'hosting' was lost, and only the references to it complained)
    def edit(xml: str) -> str:
        row3 = re.search(r'<row r="3".*?</row>', xml).group(0)
        row4 = re.search(r'<row r="4".*?</row>', xml).group(0)
        return xml.replace(row3 + row4, row4 + row3)

    return writes(lambda: with_parts(sheet_parties=edit))(folder)


def build_risk_measure_dangling(folder: Path) -> Path:
    # A DPIA with a risk whose measure names no measure: a reference on a sheet of its own. Before the
    # fix the import did not check it, the loader refused the folder written, and its messages named
    # files in a temporary folder that was gone.
    def edit(wb: Workbook) -> None:
        wb["dpias"].append(["dpia-las", "DPIA LAS", "DPIA pupil administration"])
        wb["dpias.risks"].append(["dpia-las", "r-access", "Toegang", "Access", "illegitimate_access"])
        wb["dpias.risks.measures"].append(["dpia-las", "r-access", "m-mfa"])
        wb["dpias.risks.measures"].append(["dpia-las", "r-access", "m-mfaa"])

    return writes(lambda: edited(edit))(folder)


def build_without_sheets(folder: Path) -> Path:
    return writes(lambda: with_parts(xl__workbook_xml=lambda x: re.sub(r"<sheets>.*</sheets>", "<sheets/>", x)))(folder)


def build_header_only_controller(folder: Path) -> Path:
    def edit(wb: Workbook) -> None:
        wb["controller"].delete_rows(2)

    return writes(lambda: edited(edit))(folder)


def build_empty_workbook(folder: Path) -> Path:
    def make() -> bytes:
        out = io.BytesIO()
        Workbook().save(out)
        return out.getvalue()

    return writes(make)(folder)


def _csv_folder(folder: Path, change: Callable[[str, bytes], bytes]) -> Path:
    csv_dir = folder / "csv"
    csv_dir.mkdir()
    for name, header, rows in register_sheets(mini_register()):
        if rows or name == "controller":
            (csv_dir / f"{name}.csv").write_bytes(change(name, csv_bytes(header, rows, ";")))
    return csv_dir


def build_csv_latin1(folder: Path) -> Path:
    return _csv_folder(folder, lambda name, data: data.decode("utf-8-sig").replace("Leverancier LAS", "Caf\u00e9 LAS").encode("latin-1") if name == "parties" else data)


def build_csv_utf16(folder: Path) -> Path:
    return _csv_folder(folder, lambda name, data: data.decode("utf-8-sig").encode("utf-16") if name == "parties" else data)


def build_csv_nul(folder: Path) -> Path:
    return _csv_folder(folder, lambda name, data: data.replace(b"Leverancier", b"Lever\x00ancier") if name == "parties" else data)


def build_csv_unclosed_quote(folder: Path) -> Path:
    return _csv_folder(folder, lambda name, data: data + b'x;"never closed;processor\n' + b"y;filler;processor\n" * 20_000 if name == "parties" else data)


def build_csv_pipe(folder: Path) -> Path:
    # reading a pipe waits for a writer: before the fix, the import hung
    def change(name: str, data: bytes) -> bytes:
        return data

    csv_dir = _csv_folder(folder, change)
    (csv_dir / "parties.csv").unlink()
    os.mkfifo(csv_dir / "parties.csv")
    return csv_dir


def build_csv_dev_zero(folder: Path) -> Path:
    # an endless file: before the fix, the import read until memory ran out
    csv_dir = _csv_folder(folder, lambda name, data: data)
    (csv_dir / "parties.csv").unlink()
    os.symlink("/dev/zero", csv_dir / "parties.csv")
    return csv_dir


def build_too_large(folder: Path) -> Path:
    path = folder / XLSX
    with path.open("wb") as fh:
        fh.write(good_xlsx())
        fh.truncate(MAX_SPREADSHEET_BYTES + 2**20)
    return path


def build_unreadable(folder: Path) -> Path:
    # Mode 000; root reads it anyway, so the process runs without CAP_DAC_OVERRIDE (see run_import).
    path = writes(good_xlsx)(folder)
    os.chmod(path, 0)
    return path


def build_directory(folder: Path) -> Path:
    (folder / XLSX).mkdir()
    return folder / XLSX


def build_fifo(folder: Path) -> Path:
    os.mkfifo(folder / XLSX)  # opening it would wait forever for a writer
    return folder / XLSX


def build_output_not_empty(folder: Path) -> Path:
    (folder / "out").mkdir()
    (folder / "out" / "notes.txt").write_text("my own notes\n")
    return writes(good_xlsx)(folder)


def build_output_is_a_file(folder: Path) -> Path:
    (folder / "out").write_text("a file, not a folder\n")
    return writes(good_xlsx)(folder)


def build_output_not_writable(folder: Path) -> Path:
    # The output's parent is read-only: before the fix, an "internal error" (PermissionError)
    path = writes(good_xlsx)(folder)
    (folder / "locked").mkdir()
    os.chmod(folder / "locked", 0o555)
    return path


def build_ods(folder: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")
    return writes(out.getvalue(), "register.ods")(folder)


def build_zip_encrypted_part(folder: Path) -> Path:
    return writes(lambda: patch_zip(good_xlsx(), SHEET_PART["parties"], flag=0x1))(folder)


# --------------------------------------------------------------------------------------------------
# The cases


@dataclass(frozen=True)
class Case:
    name: str
    where: str  # "" the input itself; "SHEET" or "SHEET!CELL" in it ("...!" any cell of that sheet); "-o" the output
    en: str
    nl: str
    build: Callable[[Path], Path]
    isolated: bool = False
    unprivileged: bool = False  # run without root's right to read and write every file
    output: str = "out"  # the -o folder, relative to the case's folder
    hidden: tuple[str, ...] = ()  # text that must not appear in the output


def _passwd_line() -> str:
    try:
        return Path("/etc/passwd").read_text().splitlines()[0]
    except (OSError, IndexError):
        return "root:x:0:0"


CASES = [
    # ---- not a workbook at all
    Case("i01-csv-text-named-xlsx", "", "it is not a zip archive", "het is geen zip-archief", writes(b"id;name\nboard;Bestuur\n")),
    Case("i02-truncated-zip", "", "is damaged or cut off", "is beschadigd of afgebroken", writes(lambda: good_xlsx()[: len(good_xlsx()) // 2])),
    Case("i03-zip-without-workbook", "", "xl/workbook.xml is missing", "xl/workbook.xml ontbreekt", writes(lambda: rezip({"readme.txt": b"not a workbook"}))),
    Case("i04-encrypted-workbook", "", "protected with a password (encrypted)", "met een wachtwoord beveiligd (versleuteld)",
         writes(lambda: cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": os.urandom(2000)}))),
    Case("i05-xls-biff8", "", "old Excel 97-2003 workbook (.xls)", "oude Excel 97-2003-werkmap (.xls)",
         writes(lambda: cfb({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 600}), "register.xls")),
    Case("i06-ods", "", "OpenDocument spreadsheet (.ods)", "OpenDocument-rekenblad (.ods)", build_ods),
    Case("i07-zip-encrypted-part", "", "protected with a password", "met een wachtwoord beveiligd", build_zip_encrypted_part),
    Case("i08-single-csv-file", "", "one CSV file cannot hold a whole register", "één CSV-bestand kan geen heel register bevatten",
         writes(b"id;name\nboard;Bestuur\n", "controller.csv")),
    Case("i09-empty-file", "", "it is not a zip archive", "het is geen zip-archief", writes(b"")),
    # ---- the file system
    Case("i10-no-such-file", "", "no such file or folder", "bestand of map bestaat niet", lambda folder: folder / XLSX),
    Case("i11-directory-named-xlsx", "", "the folder holds no CSV sheets", "de map bevat geen CSV-bladen", build_directory),
    Case("i12-named-pipe", "", "cannot read the file: not a regular file", "bestand kan niet gelezen worden: geen gewoon bestand",
         build_fifo, isolated=True),
    Case("i13-unreadable-file", "", "cannot read the file: Permission denied", "bestand kan niet gelezen worden: geen toegang",
         build_unreadable, isolated=True, unprivileged=True),
    Case("i14-file-of-21-mb", "", f"the file is too large: 21 MB, at most {MAX_SPREADSHEET_BYTES // 2**20} MB",
         "bestand is te groot: 21 MB", build_too_large, isolated=True),
    # ---- the output folder
    Case("i15-output-not-empty", "-o", "already exists and is not an empty folder; nothing was written",
         "bestaat al en is geen lege map; niets geschreven", build_output_not_empty),
    Case("i16-output-is-a-file", "-o", "already exists and is not an empty folder", "bestaat al en is geen lege map", build_output_is_a_file),
    Case("i17-output-not-writable", "-o", "cannot write the register folder: Permission denied; nothing was written",
         "de registermap kan niet geschreven worden: geen toegang", build_output_not_writable,
         isolated=True, unprivileged=True, output="locked/out"),
    # ---- the zip and its XML parts
    Case("i18-zip-bomb", "", f"at most {MAX_UNPACKED_BYTES // 2**20} MB (for an .xlsx also when unpacked)",
         f"hoogstens {MAX_UNPACKED_BYTES // 2**20} MB", build_zip_bomb, isolated=True),
    Case("i19-part-lies-about-its-size", "", f"part {SHEET_PART['parties']} of the workbook cannot be unpacked",
         f"onderdeel {SHEET_PART['parties']} van de werkmap kan niet uitgepakt worden", build_lying_sizes, isolated=True),
    Case("i20-billion-laughs-in-shared-strings", "", "part xl/sharedStrings.xml of the workbook holds a document type declaration",
         "onderdeel xl/sharedStrings.xml van de werkmap bevat een documenttypedeclaratie",
         writes(lambda: rezip({**(f := shared_strings(parts(good_xlsx()))),
                               "xl/sharedStrings.xml": (BILLION_LAUGHS + _strip_decl(f["xl/sharedStrings.xml"].decode()).replace("<t>board</t>", "<t>&lol9;</t>")).encode()}))),
    Case("i21-billion-laughs-in-a-sheet", "", f"part {SHEET_PART['parties']} of the workbook holds a document type declaration",
         f"onderdeel {SHEET_PART['parties']} van de werkmap bevat een documenttypedeclaratie",
         writes(lambda: with_parts(sheet_parties=lambda x: BILLION_LAUGHS + _strip_decl(x).replace("<t>supplier</t>", "<t>&lol9;</t>")))),
    Case("i22-external-entity-etc-passwd", "", "part xl/sharedStrings.xml of the workbook holds a document type declaration",
         "onderdeel xl/sharedStrings.xml van de werkmap bevat een documenttypedeclaratie",
         writes(lambda: rezip({**(f := shared_strings(parts(good_xlsx()))),
                               "xl/sharedStrings.xml": (XXE + _strip_decl(f["xl/sharedStrings.xml"].decode()).replace("<t>board</t>", "<t>&xxe;</t>")).encode()})),
         hidden=(_passwd_line(), "root:")),
    Case("i23-external-entity-in-workbook-xml", "", "part xl/workbook.xml of the workbook holds a document type declaration",
         "onderdeel xl/workbook.xml van de werkmap bevat een documenttypedeclaratie",
         writes(lambda: with_parts(xl__workbook_xml=lambda x: XXE + _strip_decl(x).replace('name="parties"', 'name="&xxe;"'))), hidden=("root:",)),
    Case("i24-sheet-xml-cut-off", "", f"part {SHEET_PART['parties']} of the workbook is not well-formed XML (line 1, column",
         f"onderdeel {SHEET_PART['parties']} van de werkmap is geen geldige XML (regel 1, kolom",
         writes(lambda: with_parts(sheet_parties=lambda x: x[: len(x) - 40]))),
    Case("i25-xml-unknown-encoding", "", f"part {SHEET_PART['parties']} of the workbook names a character encoding that cannot be read",
         f"onderdeel {SHEET_PART['parties']} van de werkmap noemt een tekencodering die niet gelezen kan worden",
         writes(lambda: with_parts(sheet_parties=lambda x: '<?xml version="1.0" encoding="UTF-0"?>\n' + _strip_decl(x)))),
    Case("i26-xml-multi-byte-encoding", "", "part xl/workbook.xml of the workbook names a character encoding that cannot be read",
         "onderdeel xl/workbook.xml van de werkmap noemt een tekencodering die niet gelezen kan worden",
         writes(lambda: with_parts(xl__workbook_xml=lambda x: '<?xml version="1.0" encoding="utf-7"?>\n' + _strip_decl(x)))),
    Case("i27-namespace-holds-a-brace", "", f"part {SHEET_PART['parties']} of the workbook is not well-formed XML (line 1, column",
         f"onderdeel {SHEET_PART['parties']} van de werkmap is geen geldige XML (regel 1, kolom",
         writes(lambda: with_parts(sheet_parties=lambda x: x.replace("spreadsheetml", "spr}adsheetml", 1)))),
    Case("i28-content-types-missing", "", "part [Content_Types].xml is missing from the workbook",
         "onderdeel [Content_Types].xml ontbreekt in de werkmap",
         writes(lambda: rezip({k: v for k, v in parts(good_xlsx()).items() if k != "[Content_Types].xml"}))),
    Case("i29-sheet-part-missing", "flows", f"the sheet is listed in the workbook, but its contents are missing ({SHEET_PART['flows']})",
         "blad staat in de werkmap, maar de inhoud ontbreekt",
         writes(lambda: rezip({k: v for k, v in parts(good_xlsx()).items() if k != SHEET_PART["flows"]}))),
    Case("i30-sheet-without-relationship-id", "flows", "the sheet is listed in the workbook, but its contents are missing (r:id)",
         "blad staat in de werkmap, maar de inhoud ontbreekt (r:id)",
         writes(lambda: with_parts(xl__workbook_xml=lambda x: re.sub(r'(<sheet name="flows" [^>]*?) r:id="rId\d+"', r"\1", x)))),
    Case("i31-sheet-view-damaged", "parties!1", "the sheet cannot be read from this row on: a cell or the formatting is damaged (TypeError)",
         "blad kan vanaf deze rij niet gelezen worden: een cel of de opmaak is beschadigd (TypeError)",
         writes(lambda: with_parts(sheet_parties=lambda x: x.replace("workbookViewId", "workbookVxiewId", 1)))),
    Case("i32-shared-string-index-out-of-range", "controller!1", "the sheet cannot be read from this row on: a cell or the formatting is damaged (IndexError)",
         "blad kan vanaf deze rij niet gelezen worden: een cel of de opmaak is beschadigd (IndexError)",
         writes(lambda: rezip({**(f := shared_strings(parts(good_xlsx()))),
                               SHEET_PART["controller"]: f[SHEET_PART["controller"]].replace(b"<v>2</v>", b"<v>9999</v>", 1)}))),
    Case("i33-number-cell-not-a-number", "schools!2", "a cell or the formatting is damaged (ValueError)", "een cel of de opmaak is beschadigd (ValueError)",
         writes(lambda: with_parts(sheet_schools=lambda x: re.sub(r'(<c r="D2"[^>]*>)<v>900</v>', r"\1<v>12abc</v>", x)))),
    # ---- how big
    Case("i34-too-many-sheets", "", f"the workbook has {MAX_SHEETS + 50 + len(layout())} sheets, at most {MAX_SHEETS}",
         f"werkmap heeft {MAX_SHEETS + 50 + len(layout())} bladen, hoogstens {MAX_SHEETS}", build_many_sheets),
    Case("i35-dimension-claims-a-million-rows", cell("parties", "role", 2), "parties (supplier).role: value 'procesor' is not allowed",
         "parties (supplier).role: waarde 'procesor' is niet toegestaan", build_dimension_claim),
    Case("i36-row-far-beyond-excel", "parties!", f"the workbook has more than {MAX_ROWS:,} rows",
         f"werkmap heeft meer dan {MAX_ROWS:,} rijen".replace(",", "."), build_row_far_beyond_excel, isolated=True),
    Case("i37-cells-in-column-xfd", "parties!", f"the workbook has more than {MAX_CELLS:,} cells",
         f"werkmap heeft meer dan {MAX_CELLS:,} cellen".replace(",", "."), build_far_column),
    Case("i38-too-many-filled-rows", "parties!", f"more than {MAX_FILLED_ROWS:,} rows with values",
         f"meer dan {MAX_FILLED_ROWS:,} gevulde rijen".replace(",", "."), build_many_filled_rows, isolated=True),
    Case("i39-too-large-for-a-register-folder", "", "flows.yaml would be at least", "flows.yaml zou minstens",
         build_too_large_for_yaml, isolated=True),
    Case("i40-over-a-thousand-problems", "", f"and more problems: the first {MAX_PROBLEMS:,} are above",
         f"en meer problemen: de eerste {MAX_PROBLEMS:,} staan hierboven".replace(",", "."), build_many_problems),
    Case("i41-cell-of-50-million-characters", cell("parties", "role", 2), "the cell holds 52,428,800 characters; a cell may hold at most 32,767",
         "cel bevat 52.428.800 tekens; een cel mag hoogstens 32.767 tekens bevatten", build_giant_cell, isolated=True),
    Case("i42-rows-out-of-order", "parties!3", "row 3 is out of place in the sheet (after row 4)",
         "rij 3 staat niet op haar plaats in het blad (na rij 4)", build_rows_out_of_order),
    Case("i43-cell-given-twice", "parties!A2", "cell A2 is out of place in its row (after A2)", "cel A2 staat niet op haar plaats in de rij (na A2)",
         writes(lambda: with_parts(sheet_parties=lambda x: x.replace('r="B2"', 'r="A2"', 1)))),
    Case("i66-cell-in-the-wrong-row", "parties!A2", "cell A0 is written in row 2 of the sheet", "cel A0 staat in rij 2 van het blad",
         writes(lambda: with_parts(sheet_parties=lambda x: x.replace('r="A2"', 'r="A0"', 1)))),
    Case("i44-sheet-name-of-200000-characters", "f" * 79 + "…", "unknown sheet 'fffff", "onbekend blad 'fffff",
         writes(lambda: with_parts(xl__workbook_xml=lambda x: x.replace('name="flows"', 'name="' + "f" * 200_000 + '"')))),
    # ---- sheets and columns
    Case("i45-controller-sheet-missing", "controller", "sheet 'controller' is missing", "blad 'controller' ontbreekt",
         writes(lambda: edited(lambda wb: wb.remove(wb["controller"])))),
    Case("i46-empty-workbook", "controller", "sheet 'controller' is missing; the register needs a controller (sheets found: Sheet)",
         "blad 'controller' ontbreekt", build_empty_workbook),
    Case("i47-workbook-without-sheets", "controller", "(sheets found: —)", "(gevonden bladen: —)", build_without_sheets),
    Case("i48-controller-without-a-row", "controller", "sheet 'controller' must have exactly one row (the school board), not 0",
         "blad 'controller' moet precies één rij hebben (het bevoegd gezag), niet 0", build_header_only_controller),
    Case("i49-header-renamed", cell("parties", "role", 1), "unknown column 'rol'", "onbekende kolom 'rol'",
         writes(lambda: edited(set_cell("parties", "role", 1, "rol")))),
    Case("i50-required-column-missing", "subjects!1", "required column 'kind' is missing from sheet 'subjects'",
         "verplichte kolom 'kind' ontbreekt in blad 'subjects'",
         writes(lambda: edited(lambda wb: wb["subjects"].delete_cols(4)))),
    # ---- cells
    Case("i51-text-in-a-date-column", cell("agreements", "valid_from", 2), "agreements (va-supplier).valid_from: 'gisteren' is not a valid date",
         "agreements (va-supplier).valid_from: 'gisteren' is geen geldige datum", writes(lambda: edited(set_cell("agreements", "valid_from", 2, "gisteren")))),
    Case("i52-bad-enum", cell("systems", "kind", 2), "systems (las).kind: value 'las' is not allowed", "systems (las).kind: waarde 'las' is niet toegestaan",
         writes(lambda: edited(set_cell("systems", "kind", 2, "las")))),
    Case("i53-bad-id", cell("parties", "id", 2), "'Leverancier LAS' is not a valid id", "'Leverancier LAS' is geen geldige id",
         writes(lambda: edited(set_cell("parties", "id", 2, "Leverancier LAS")))),
    Case("i54-duplicate-id-across-rows", cell("flows", "id", 3), "id 'f-school-las' is already used at", "id 'f-school-las' is al gebruikt op",
         writes(lambda: edited(set_cell("flows", "id", 3, "f-school-las")))),
    Case("i55-duplicate-id-across-sheets", cell("systems", "id", 2), "id 'supplier' is already used at", "id 'supplier' is al gebruikt op",
         writes(lambda: edited(set_cell("systems", "id", 2, "supplier")))),
    Case("i56-dangling-reference", cell("flows", "categories", 3), "'bsnn' refers to nothing; expected an id from data_categories; did you mean 'bsn'?",
         "'bsnn' verwijst naar niets", writes(lambda: edited(set_cell("flows", "categories", 3, "name, bsnn")))),
    Case("i57-dangling-reference-on-a-child-sheet", cell("dpias.risks.measures", "measure", 3),
         "dpias (dpia-las).risks[0].measures[1].measure: 'm-mfaa' refers to nothing; expected an id from measures; did you mean 'm-mfa'?",
         "dpias (dpia-las).risks[0].measures[1].measure: 'm-mfaa' verwijst naar niets", build_risk_measure_dangling),
    Case("i58-formula", cell("purposes", "legal_source", 2), "the cell holds a formula (=A1&B1)", "cel bevat een formule (=A1&B1)",
         writes(lambda: edited(set_cell("purposes", "legal_source", 2, "=A1&B1")))),
    Case("i59-infinite-number", cell("schools", "pupils", 2), "controller.schools[0].pupils: expected a whole number, found 'inf'",
         "verwacht een geheel getal, gevonden 'inf'",
         writes(lambda: with_parts(sheet_schools=lambda x: re.sub(r'(<c r="D2"[^>]*>)<v>900</v>', r"\1<v>1e400</v>", x)))),
    # ---- a folder of CSV sheets
    Case("i60-csv-latin-1", "parties", "the file is not valid UTF-8 (byte 0xe9", "bestand is geen geldige UTF-8 (byte 0xe9", build_csv_latin1),
    Case("i61-csv-utf-16", "parties", "the file is encoded as UTF-16; save it as UTF-8", "bestand is als UTF-16 opgeslagen", build_csv_utf16),
    Case("i62-csv-nul-bytes", "parties", "holds binary data (NUL characters), not CSV text", "bevat binaire gegevens (NUL-tekens), geen CSV-tekst", build_csv_nul),
    Case("i63-csv-named-pipe", "parties", "cannot read the file: not a regular file", "bestand kan niet gelezen worden: geen gewoon bestand",
         build_csv_pipe, isolated=True),
    Case("i64-csv-dev-zero", "parties", "cannot read the file: not a regular file", "bestand kan niet gelezen worden: geen gewoon bestand",
         build_csv_dev_zero, isolated=True),
    Case("i65-csv-quote-never-closed", "parties!5", "a field in this row is longer than 131,072 characters",
         "een veld in deze rij is langer dan 131.072 tekens", build_csv_unclosed_quote),
    # ---- text people cannot see: a name that reads backwards in every document (was imported)
    Case("i66-right-to-left-override-in-a-name", "parties!", "holds an invisible character at position 5 (U+202E",
         "bevat op positie 5 een onzichtbaar teken (U+202E", writes(lambda: _with_text("parties", "name", 2, "Foto\u202eoiduts")())),
]


def test_the_import_corpus_has_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


# --------------------------------------------------------------------------------------------------
# Running dpia import in a limited process


# Runs `dpia import` (through dpia.cli.main, the console script's function) on every (input, output)
# pair, in both languages, and prints one JSON line per run. A crash is caught and printed as its
# traceback so that one bad case cannot hide the others.
DRIVER = r"""
import contextlib, io, json, sys, time, traceback
from dpia.cli import main
args = sys.argv[1:]
for path, out in zip(args[::2], args[1::2]):
    for lang in ("en", "nl"):
        stdout, stderr = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = main(["--lang", lang, "import", path, "-o", out])
        except BaseException:
            code = "crash"
            stderr.write(traceback.format_exc())
        seconds = time.perf_counter() - started
        print(json.dumps({"path": path, "lang": lang, "code": code, "stdout": stdout.getvalue(),
                          "stderr": stderr.getvalue(), "seconds": seconds}), flush=True)
"""

NO_DAC = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_import(pairs: list[tuple[Path, Path]], timeout: float, unprivileged: bool = False, env: dict[str, str] | None = None) -> dict[tuple[str, str], dict]:
    """Import every (input, output) pair in one limited process; the results by (input, language)."""
    prefix = []
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: file modes do not apply")
        prefix = NO_DAC
    environ = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(ROOT), **(env or {}))
    args = [str(p) for pair in pairs for p in pair]
    proc = subprocess.run(
        [*prefix, sys.executable, "-c", DRIVER, *args],
        capture_output=True, text=True, timeout=timeout, preexec_fn=_limit_memory, env=environ, cwd="/",
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    results = {}
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        results[(r["path"], r["lang"])] = r
    assert len(results) == 2 * len(pairs), (proc.returncode, proc.stderr[-2000:])
    return results


def snapshot(folder: Path) -> dict[str, object]:
    """Everything under ``folder`` without following links or opening pipes: names, kinds, bytes."""
    out: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            rel = str(p.relative_to(folder))
            if p.is_symlink():
                out[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                out[rel] = ("dir", st.st_mode)
            elif not p.is_file():
                out[rel] = ("special", st.st_mode)
            elif st.st_mode & 0o444 == 0:
                out[rel] = ("unreadable", st.st_size, st.st_mtime_ns)
            else:
                out[rel] = (st.st_size, st.st_mtime_ns) if st.st_size > 2**20 else p.read_bytes()
    return out


def expected_prefix(case: Case, path: Path, out: Path) -> str:
    if case.where == "-o":
        return str(out)
    if not case.where:
        return f"{path}: "
    return f"{path}:{case.where}" + ("" if case.where.endswith("!") else ": ")


def check(case: Case, path: Path, out: Path, results: dict[tuple[str, str], dict]) -> None:
    prefix = expected_prefix(case, path, out)
    for lang, fragment in (("en", case.en), ("nl", case.nl)):
        r = results[(str(path), lang)]
        err = r["stderr"]
        assert r["code"] == 2, (lang, r["code"], err[-2000:])
        assert "Traceback" not in err and "internal error" not in err and "interne fout" not in err, err[-3000:]
        assert "Warning" not in err, err[-3000:]  # a library's warning is noise to the reader, and a sign of a gap
        assert r["stdout"] == "", r["stdout"][:500]
        lines = err.splitlines()
        hits = [line for line in lines if line.startswith(prefix) and fragment in line]
        assert hits, f"{lang}: no line starts with {prefix!r} and holds {fragment!r}:\n" + "\n".join(lines[:20])
        for text in case.hidden:
            assert text not in err, f"{lang}: the output shows {text!r}"
        assert r["seconds"] < CASE_SECONDS, (lang, r["seconds"])
    assert not out.exists() or case.where == "-o", "a register folder was written"


# --------------------------------------------------------------------------------------------------
# The corpus


def _prepare(case: Case, root: Path) -> tuple[Path, Path]:
    folder = root / case.name
    folder.mkdir(parents=True)
    return case.build(folder), folder / case.output


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[dict[str, tuple[Path, Path]], dict, dict[str, tuple[object, object]]]:
    """Import every case that is not isolated in one limited process; return paths, results, snapshots."""
    root = tmp_path_factory.mktemp("bad_imports")
    pairs = {case.name: _prepare(case, root) for case in CASES if not case.isolated}
    before = {name: snapshot(root / name) for name in pairs}
    results = run_import(list(pairs.values()), timeout=300)
    after = {name: snapshot(root / name) for name in pairs}
    return pairs, results, {name: (before[name], after[name]) for name in pairs}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_import(case: Case, request, tmp_path: Path) -> None:
    if case.isolated:
        path, out = _prepare(case, tmp_path)
        before = snapshot(tmp_path / case.name)
        results = run_import([(path, out)], timeout=120, unprivileged=case.unprivileged)
        after = snapshot(tmp_path / case.name)
    else:
        pairs, results, snapshots = request.getfixturevalue("batch")
        path, out = pairs[case.name]
        before, after = snapshots[case.name]
    assert after == before, "dpia import wrote something (or left a temporary folder)"
    check(case, path, out, results)


XML_ATTACKS = [c for c in CASES if "document type declaration" in c.en]


def test_xml_attacks_are_refused_whatever_parser_openpyxl_uses(tmp_path: Path) -> None:
    # openpyxl parses with defusedxml when it is installed (nbconvert brings it) unless
    # OPENPYXL_DEFUSEDXML=False; the importer's own check must not depend on that.
    pairs = [_prepare(case, tmp_path) for case in XML_ATTACKS]
    results = run_import(pairs, timeout=120, env={"OPENPYXL_DEFUSEDXML": "False"})
    for case, (path, out) in zip(XML_ATTACKS, pairs):
        check(case, path, out, results)


def test_expat_limits_entity_expansion_by_itself() -> None:
    # What the standard library does with these documents when no check stops them first: expat
    # (2.4 and later) refuses a billion laughs by its amplification limit, and ElementTree never
    # loads an external entity. The importer refuses any DTD before that (see XML_ATTACKS).
    with pytest.raises(ET.ParseError, match="amplification"):
        ET.fromstring(BILLION_LAUGHS + "<a>&lol9;</a>")
    with pytest.raises(ET.ParseError, match="undefined entity"):
        ET.fromstring(XXE + "<a>&xxe;</a>")


# --------------------------------------------------------------------------------------------------
# Inputs that are not broken, and failed before a fix


def _with_text(sheet: str, column: str, row: int, text: str) -> Callable[[], bytes]:
    """The good workbook with ``text`` (characters XML can hold) in a cell."""
    ref = cell(sheet, column, row).split("!")[1]
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")

    new = f'<c r="{ref}" t="inlineStr"><is><t>{escaped}</t></is></c>'

    def edit(xml: str) -> str:
        xml, n = re.subn(rf'<c r="{ref}"([^>]*)>.*?</c>', new, xml)
        if n == 0:  # an empty cell: added where it belongs, after the cells left of it
            start = xml.index(f'<row r="{row}"')
            end = xml.index("</row>", start)
            later = [m.start() for m in re.finditer(r'<c r="([A-Z]+)', xml[start:end]) if len(m.group(1)) > len(ref) - len(str(row))
                     or (len(m.group(1)) == len(ref) - len(str(row)) and m.group(1) > ref[: -len(str(row))])]
            at = start + later[0] if later else end
            xml = xml[:at] + new + xml[at:]
        return xml

    return lambda: with_parts(**{f"sheet_{sheet}": edit})


ACCEPTED = {
    # a NEL in a name: ruamel wrote it in single quotes, which a YAML reader takes as a line break,
    # and the import stopped with "internal error: RuntimeError" (what was written did not read back)
    "a01-nel-in-text": _with_text("parties", "name", 2, "Leverancier\x85LAS"),
    "a02-line-and-paragraph-separators-in-text": _with_text("parties", "name", 2, "Leverancier\u2028LAS\u2029B.V."),
    # (a byte-order mark or another invisible format character inside a text is refused: i66)
    "a03-control-characters-in-text": _with_text("parties", "notes", 2, "tab\there, DEL\x7f, a CR\r"),
    # text that starts with ':' or '?' in a small mapping: ruamel wrote `dpo: {name: : x, ...}`, which
    # no YAML reader reads; before the fix the loader refused the folder written (found by the fuzzer)
    "a04-colon-at-the-start-of-text": _with_text("controller", "dpo.name", 2, ": A. de Vries"),
    "a05-question-mark-at-the-start-of-text": _with_text("data_categories", "label.en", 2, "?Name"),
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_input_imports(name: str, tmp_path: Path) -> None:
    from dpia.io.importer import import_spreadsheet, read_register

    path = tmp_path / XLSX
    path.write_bytes(ACCEPTED[name]())
    import_spreadsheet(path, tmp_path / "out")
    assert load(tmp_path / "out").register == read_register(path)


def test_a_folder_the_loader_refuses_is_reported_and_not_written(tmp_path: Path, monkeypatch) -> None:
    # The last guard: should the import ever write what the loader refuses, it says what the loader
    # said, in the reader's language, at the spreadsheet (not in a temporary folder that is gone), and
    # writes nothing.
    from dpia.io import importer
    from dpia.io.importer import import_spreadsheet, SpreadsheetInvalid
    from dpia.io.problems import Problem, RegisterInvalid

    def refuse(path):
        raise RegisterInvalid([Problem(str(path / "flows.yaml"), 3, 5, "path_missing")])

    monkeypatch.setattr(importer, "load", refuse)
    path = tmp_path / XLSX
    path.write_bytes(good_xlsx())
    with pytest.raises(SpreadsheetInvalid) as info:
        import_spreadsheet(path, tmp_path / "out")
    (problem,) = info.value.problems
    assert problem.render("en").startswith(f"{path}: the register read from the workbook does not load as a register folder (no such file or folder)")
    assert "(bestand of map bestaat niet)" in problem.render("nl")
    assert sorted(p.name for p in tmp_path.iterdir()) == [XLSX]
