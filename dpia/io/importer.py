"""A register kept in a spreadsheet: the sheet layout, writing it (``dpia export-register``) and reading
it back into a register folder (``dpia import``).

The layout is derived from ``dpia.model``, like the JSON Schema: one sheet per section (``parties``,
``flows``, ...) plus ``controller`` (one row) and ``schools``; a column per field, named as in the YAML
files, nested fields with dots (``label.nl``, ``location.country``), lists of ids comma-separated.
A list of entries inside an entry (the risks of a DPIA) gets a sheet of its own, named by its path
(``dpias.risks``), whose first columns name the entry it belongs to. ``docs/art30-spreadsheet.md``
documents the columns; ``layout_markdown()`` writes that table.

Import goes through the model: every row is validated with the pydantic class of its sheet, ids must
be unique and references must resolve, exactly as when a YAML folder is loaded, and every problem is
reported at once as ``FILE:SHEET!CELL: message`` with the loader's catalogue messages. Nothing is
written unless the whole spreadsheet is valid; the folder is written beside its target and renamed into
place, and an existing non-empty folder is never overwritten.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import functools
import io
import json
import math
import os
import re
import shutil
import tempfile
import typing
import zipfile
import zlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any
from xml.parsers import expat

from pydantic import BaseModel, ValidationError

from dpia.io.export import MAX_CELL_CHARS, restore_cell, xlsx_bytes
from dpia.i18n import t
from dpia.model import Controller, NESTED_REFERENCES, REFERENCES, Register, SECTIONS, shape
from dpia.io.problems import did_you_mean, LEVELS, Msg, Problem, RegisterInvalid
from dpia.io.files import (atomic_write, encoding_guess, os_reason, publish_folder, read_regular, ReadRefused,
                           write_output)
from dpia.io.bulk import spanning_value, unclosed_quote_line
from dpia.io.store import load, validation_problems
from dpia.io import store
from dpia.io.export import safe_filename
from dpia.model.flowtable import iter_flows

MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an XLSX is a zip: refuse one that unpacks to more than this
MAX_SHEETS = 100
MAX_PROBLEMS = 1000  # reported; beyond it the import stops and says there are more
MORE_PROBLEMS = "import_more_problems"
# Rows of all sheets together, the empty ones between rows with values included (Excel's own limit for
# one sheet); rows with a value; and cells kept (up to the last value of each row). A register folder
# holds at most a few MB of YAML (dpia.io.store), far fewer entries than these.
MAX_ROWS = 1_048_576
MAX_FILLED_ROWS = 50_000
MAX_CELLS = 2_000_000
XML_CHUNK = 64 * 1024
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: .xls, or an encrypted workbook
MISSING_PART = re.compile(r"There is no item named '(.*)' in the archive")  # zipfile's KeyError
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the name of the stream holding the encrypted workbook
LIST_SEPARATORS = (",", ";", "\n")
EMPTY_LIST = "[]"
TRUE_WORDS = frozenset({"true", "waar", "ja", "yes", "j", "y", "1", "x"})
FALSE_WORDS = frozenset({"false", "onwaar", "nee", "no", "n", "0"})

# Files of the register folder written by the import, by section (as in data/omo-helmond/).
SECTION_FILES = {
    "controller": "register.yaml",
    "parties": "parties.yaml",
    "systems": "systems.yaml",
    "data_categories": "data.yaml",
    "subjects": "data.yaml",
    "purposes": "purposes.yaml",
    "flows": "flows.yaml",
    "agreements": "agreements.yaml",
    "consents": "consents.yaml",
    "access_roles": "access.yaml",
    "retention": "retention.yaml",
    "measures": "measures.yaml",
    "acceptances": "acceptances.yaml",
    "screening_decisions": "screening.yaml",
}

# Where a model-level check (a validator over several fields) points, by the reason it gives.
VALIDATOR_COLUMNS = {
    "special_subtype_required": "special_subtype",
    "special_subtype_forbidden": "special_subtype",
    "age_band_required": "age_band",
    "valid_until_before_from": "valid_until",
    "retention_target": "category",
}


# --------------------------------------------------------------------------------------------------
# The layout, derived from the model


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, the field path it fills and how a cell is read."""

    name: str
    path: tuple[str, ...]
    kind: str  # str, int, float, bool, date, enum, list, json, key
    required: bool
    description: str = ""
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of the layout: the entries of a section, or a list inside the entries of another sheet."""

    name: str
    section: str
    model: type[BaseModel]
    field_path: tuple[str, ...]  # the list field in the parent sheet's entries (() for a section)
    parent: str | None
    keys: tuple[Column, ...]  # columns naming the parent entry (ids of the ancestors)
    columns: tuple[Column, ...]

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return self.keys + self.columns

    @property
    def single(self) -> bool:
        return self.section == "controller" and self.parent is None


# The spreadsheet's way of reading a cell, by the kind of field (dpia.model.shape); a moment (date and
# time) and any other value are written as JSON.
_COLUMN_KINDS = {"reference": "str", "datetime": "json", "other": "json"}


def _column_kind(f: shape.Field) -> str:
    kind = _COLUMN_KINDS.get(f.kind, f.kind)
    return ("list" if kind != "json" else "json") if f.many else kind


def _singular(name: str) -> str:
    name = name.split(".")[-1]
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


def _walk(cls: type[BaseModel], columns: list[Column], lists: list[tuple[tuple[str, ...], type[BaseModel]]]) -> None:
    for f in shape.walk(cls):
        if f.kind == "model":
            if f.many:
                lists.append((f.path, f.model))
            continue  # a part's own fields follow it
        columns.append(Column(f.dotted, f.path, _column_kind(f), f.required, f.description, f.values))


def _sheets_for(section: str, cls: type[BaseModel], name: str, parent: Sheet | None, field_path: tuple[str, ...], out: list[Sheet]) -> None:
    columns: list[Column] = []
    lists: list[tuple[tuple[str, ...], type[BaseModel]]] = []
    _walk(cls, columns, lists)
    keys: tuple[Column, ...] = ()
    if parent is not None and not parent.single:
        own = {c.name for c in columns}
        chain = [*parent.keys]
        key = _singular(parent.name)
        if key in own or any(k.name == key for k in chain):
            key = f"{key}_id"
        chain.append(Column(key, (), "key", True, f"id of the entry on sheet '{parent.name}' this row belongs to"))
        keys = tuple(chain)
    sheet = Sheet(name, section, cls, field_path, parent.name if parent else None, keys, tuple(columns))
    out.append(sheet)
    has_id = any(c.name == "id" for c in columns)
    for path, inner in lists:
        if not (sheet.single or has_id):
            continue  # a list inside an entry without an id cannot be placed on a sheet of its own
        child = path[-1] if sheet.single else f"{name}.{'.'.join(path)}"
        _sheets_for(section, inner, child, sheet, path, out)


def layout() -> list[Sheet]:
    """Every sheet of the import layout, parents before their children, in the model's order."""
    return list(_layout())


@functools.cache
def _layout() -> tuple[Sheet, ...]:
    out: list[Sheet] = []
    _sheets_for("controller", Controller, "controller", None, (), out)
    for section, cls in SECTIONS.items():
        _sheets_for(section, cls, section, None, (), out)
    return tuple(out)


# --------------------------------------------------------------------------------------------------
# Register → workbook in the import layout (``dpia export-register``)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value


def _cell_out(col: Column, value: Any) -> Any:
    if value is None:
        return None
    if col.kind == "json":
        return json.dumps(_jsonable(value), ensure_ascii=False)
    if isinstance(value, list):
        return ", ".join(str(_plain(v)) for v in value) if value else EMPTY_LIST
    value = _plain(value)
    if col.kind == "str" and not isinstance(value, str):
        return str(value)
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _dump(obj: BaseModel) -> dict[str, Any]:
    """The entry as the YAML holds it: aliases, and only the fields that were given."""
    return obj.model_dump(by_alias=True, exclude_unset=True)


def register_sheets(register: Register) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The register in the import layout: ``(sheet, header, rows)`` for every sheet, empty ones too."""
    sheets = layout()
    by_name = {s.name: s for s in sheets}
    entries: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}
    out = []
    for s in sheets:
        if s.parent is None:
            objs = [register.controller] if s.single else getattr(register, s.section)
            if s.section == "flows":
                objs = list(iter_flows(register))  # the bulk (flows.csv) flows too
            items = [((), _dump(o)) for o in objs]
        else:
            parent = by_name[s.parent]
            items = []
            for keys, pdata in entries[s.parent]:
                own = keys if parent.single else keys + (pdata.get("id"),)
                for child in _get(pdata, s.field_path) or []:
                    items.append((own, child))
        entries[s.name] = items
        rows = []
        for keys, data in items:
            rows.append([*keys, *(_cell_out(c, _get(data, c.path)) for c in s.columns)])
        out.append((s.name, [c.name for c in s.all_columns], rows))
    return out


def register_xlsx(register: Register) -> bytes:
    """The register as an XLSX workbook in the import layout (same bytes for the same register)."""
    return xlsx_bytes(register_sheets(register), max_width=50)


def export_register(register_path: str | os.PathLike[str], out: str | os.PathLike[str], force: bool = False) -> Path:
    """Write the register at ``register_path`` as a workbook in the import layout (never into the
    register itself: ``dpia.io.files.write_output``)."""
    loaded = load(register_path)
    target = Path(out)
    target = target.with_name(safe_filename(target.name))
    return write_output(target, register_xlsx(loaded.register), loaded.protected_paths(), force)


# --------------------------------------------------------------------------------------------------
# Problems located in a spreadsheet


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """A → 1, AA → 27."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


@dataclass(frozen=True)
class SheetProblem(Problem):
    """A problem in a spreadsheet: ``line`` is the row and ``column`` the column (both from 1, 0 when the
    problem is about a whole sheet or file)."""

    sheet: str = ""

    def where(self) -> str:
        out = self.file
        if self.sheet:
            out += f":{self.sheet}"
            if self.line:
                out += f"!{column_letter(self.column)}{self.line}"
        return out

    def render(self, lang: str | None = None) -> str:
        return f"{self.where()}: {self.message(lang)}"


class SpreadsheetInvalid(RegisterInvalid):
    """The spreadsheet cannot become a register; ``problems`` says every reason, in sheet order."""

    def __init__(self, problems: list[Problem]):
        order = {s.name: i for i, s in enumerate(layout())}
        unique = {p.render("en"): p for p in problems}

        def key(p: Problem) -> tuple:
            sheet = getattr(p, "sheet", "")
            # causes first (a file or sheet that cannot be read before what it holds), then in sheet order
            return (p.key == MORE_PROBLEMS, LEVELS.index(p.level), p.file, order.get(sheet, -1 if not sheet else len(order)),
                    sheet, p.line, p.column)

        self.problems = sorted(unique.values(), key=key)
        Exception.__init__(self, "\n".join(p.render("en") for p in self.problems))


class Problems:
    """Collects the problems of one spreadsheet: the first ``MAX_PROBLEMS``, then only that there are more."""

    def __init__(self, shown: str):
        self.shown = shown
        self.items: list[Problem] = []
        self.full = False  # MAX_PROBLEMS reached: the reading stops early

    def append(self, problem: Problem) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.full = True
            return
        self.items.append(problem)

    def add(self, sheet: str, row: int, col: int, key: str, /, **params: Any) -> None:
        self.append(SheetProblem(self.shown, row, col, key, tuple(sorted(params.items())), sheet))

    def file(self, key: str, /, **params: Any) -> None:
        self.add("", 0, 0, key, **params)

    def raise_if_any(self) -> None:
        if self.items:
            more = [SheetProblem(self.shown, 0, 0, MORE_PROBLEMS, (("limit", MAX_PROBLEMS),), "")] if self.full else []
            raise SpreadsheetInvalid(self.items + more)


# --------------------------------------------------------------------------------------------------
# Reading the workbook


@dataclass
class RawSheet:
    """A sheet as read: rows of cell values (row 1 is the header), the cells holding a formula, and the
    cells refused while reading (reported already; their value is None)."""

    name: str
    rows: list[list[Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    refused: set[tuple[int, int]] = field(default_factory=set)


def _refuse_long_text(values: list[Any], r: int, sheet: str, refused: set[tuple[int, int]], problems: Problems) -> None:
    """Text longer than a cell can hold in Excel cannot come from Excel: reported, and not read further
    (a value of megabytes would be copied into every message and "did you mean" about it)."""
    for c, value in enumerate(values, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            problems.add(sheet, r, c, "import_cell_too_long", length=len(value), limit=MAX_CELL_CHARS)
            values[c - 1] = None
            refused.add((r, c))


def read_workbook(path: Path, shown: str, problems: Problems) -> list[RawSheet]:
    """The sheets of an XLSX file, or of a folder of CSV files (one per sheet).

    The file is read once, into memory (at most ``MAX_SPREADSHEET_BYTES``), and everything else works on
    those bytes: the zip's directory, every XML part checked by expat before openpyxl sees it (no
    document type declarations, so no entity expansion and no external entities, whatever XML parser
    openpyxl uses), and the rows under a budget (``_Budget``), so that a small file cannot claim a
    long time or much memory.
    """
    try:
        if path.is_dir():
            return _read_csv_folder(path, problems)
    except OSError as exc:  # pragma: no cover - is_dir() swallows most errors itself
        problems.file("unreadable", reason=os_reason(exc))
        return []
    if path.suffix.lower() == ".csv":
        problems.file("import_single_csv")
        return []
    data = _read_source(path, problems, "")
    if data is None:
        return []
    if data.startswith(CFB_MAGIC):
        # Excel writes a password-protected workbook as an OLE2 compound file with the real (zip)
        # workbook encrypted inside it; an old .xls (BIFF) is an OLE2 file too.
        problems.file("import_encrypted" if ENCRYPTED_STREAM in data else "import_xls")
        return []
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        problems.file("import_zip_damaged" if data.startswith(b"PK") else "import_not_zip")
        return []
    with zf:
        disorder = _check_zip(zf, problems)
    if disorder is None:
        return []
    return _read_xlsx(data, problems, disorder)


def _read_source(path: Path, problems: Problems, sheet: str) -> bytes | None:
    """The bytes of a regular file of at most ``MAX_SPREADSHEET_BYTES``, or None with the reason
    (``dpia.io.files.read_regular``: no pipes or devices, never more than the limit)."""
    try:
        return read_regular(path, MAX_SPREADSHEET_BYTES)
    except ReadRefused as refused:
        if refused.size is not None:
            problems.add(sheet, 0, 0, "import_too_large", size=refused.size,
                         limit=MAX_SPREADSHEET_BYTES)
        elif refused.reason == Msg("os_no_such_file"):
            problems.add(sheet, 0, 0, "path_missing")
        else:
            problems.add(sheet, 0, 0, "unreadable", reason=refused.reason)
        return None


def _check_zip(zf: zipfile.ZipFile, problems: Problems) -> dict[str, _Disorder] | None:
    """Check that the zip holds a workbook that may be read: not encrypted, not too large unpacked,
    well-formed XML without a document type declaration. None (with the reason in ``problems``) when
    not; otherwise the first row or cell out of place in each part that has one (see ``_RowOrder``)."""
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        problems.file("import_encrypted")
        return None
    # The sizes are the zip's own claims, but zipfile never unpacks more than the claim of a part
    # (and a part that unpacks to something else fails its CRC check below).
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        problems.file("import_too_large", size=unpacked, limit=MAX_UNPACKED_BYTES)
        return None
    if "mimetype" in names and _read_head(zf, "mimetype").startswith(b"application/vnd.oasis.opendocument"):
        problems.file("import_ods")
        return None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        problems.file("import_no_workbook_part")
        return None
    disorder: dict[str, _Disorder] = {}
    for info in infos:
        if info.is_dir():
            continue
        try:
            found = _check_xml_part(zf, info)
        except _DocumentType:
            problems.file("import_xml_dtd", part=_part_name(info.filename))
            return None
        except (_BadEncoding, expat.ExpatError) as exc:
            if info.filename.lower().endswith((".xml", ".rels")):
                if isinstance(exc, _BadEncoding):
                    problems.file("import_xml_encoding", part=_part_name(info.filename))
                else:
                    problems.file("import_xml_broken", part=_part_name(info.filename), line=exc.lineno, column=exc.offset + 1)
                return None
            # Not a part openpyxl reads as XML (a .vml drawing is often not well-formed); a document
            # type declaration after the error would not be read by any parser either.
            continue
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
            problems.file("import_zip_part_damaged", part=_part_name(info.filename))
            return None
        if found is not None:
            disorder[info.filename] = found
    return disorder


class _DocumentType(Exception):
    """An XML part has a document type declaration."""


class _BadEncoding(Exception):
    """An XML part declares an encoding expat cannot read (unknown, or not one byte per character)."""


@dataclass(frozen=True)
class _Disorder:
    """A row, or a cell, of a worksheet part out of place: where (the row as its row element numbers it,
    the cell's column or 0 for the row itself) and the message's key and parameters."""

    row: int
    column: int
    key: str
    params: tuple[tuple[str, Any], ...]


CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")  # as openpyxl reads a cell's reference
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROW_TAG, CELL_TAG = f"{MAIN_NS}}}row", f"{MAIN_NS}}}c"


class _RowOrder:
    """Watches the rows and cells of a worksheet as expat reads it: rows must go down and cells in a row
    go right, each cell in its own row (the file format says so, and Excel writes them so). openpyxl
    numbers rows as they come and places cells by their column: a row out of order is dropped or
    shifts the rows after it, a cell given twice loses a value, all without a word."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.first: _Disorder | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.first is not None or (name != ROW_TAG and name != CELL_TAG):
            return
        if name == ROW_TAG:
            r = attrs.get("r")
            number = int(r) if r is not None and r.isdigit() and len(r) <= 9 else (self.row + 1 if r is None else None)
            if number is None:
                return  # not a number: openpyxl says so itself
            if number <= self.row:
                self.first = _Disorder(number, 0, "import_row_out_of_place", (("previous", self.row), ("row", number)))
            self.row, self.column = number, 0
            return
        ref = attrs.get("r")
        if ref is None:
            self.column += 1
            return
        m = CELL_REF.fullmatch(ref)
        if m is None:
            return  # not a cell reference: openpyxl says so itself
        column, row = column_index(m.group(1).upper()), int(m.group(2))
        if row != self.row:
            self.first = _Disorder(self.row, column, "import_cell_wrong_row", (("cell", ref), ("row", self.row)))
        elif column <= self.column:
            previous = f"{column_letter(self.column)}{self.row}"
            self.first = _Disorder(self.row, column, "import_cell_out_of_place", (("cell", ref), ("previous", previous)))
        self.column = column


def _read_head(zf: zipfile.ZipFile, name: str, size: int = 256) -> bytes:
    try:
        with zf.open(name) as fh:
            return fh.read(size)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        return b""


def _part_name(name: str) -> str:
    """A part's (or a sheet's) name as shown in a message: printable, and not endless."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in name)
    return shown if len(shown) <= 80 else shown[:79] + "…"


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Disorder | None:
    """Parse a part that may be XML with expat (in chunks: bounded memory) and refuse a DTD.

    Raises ``_DocumentType`` at a ``<!DOCTYPE``, before any entity is declared or expanded,
    ``_BadEncoding`` for an encoding expat cannot read, and ``expat.ExpatError`` when the part is not
    well-formed. A part that is not named as XML and cannot be XML (an image: its first byte, after a
    byte-order mark and white space, is not '<') is only unpacked, which checks its CRC. Returns the
    first row or cell out of place, for a worksheet.
    """
    with zf.open(info) as fh:
        head = fh.read(XML_CHUNK)
        if not (_looks_like_xml(head) or info.filename.lower().endswith((".xml", ".rels"))):
            while fh.read(XML_CHUNK):
                pass
            return None
        parser = expat.ParserCreate(namespace_separator="}")  # as ElementTree parses: with namespaces

        def refuse(*_args: Any) -> None:
            raise _DocumentType

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.ExternalEntityRefHandler = refuse
        order = _RowOrder()
        parser.StartElementHandler = order.start
        _parse(parser, head, False)
        while chunk := fh.read(XML_CHUNK):
            _parse(parser, chunk, False)
        _parse(parser, b"", True)
        return order.first


def _parse(parser: Any, data: bytes, final: bool) -> None:
    try:
        parser.Parse(data, final)
    except (LookupError, ValueError) as exc:  # pyexpat asks Python's codecs for an encoding it lacks
        raise _BadEncoding from exc


def _looks_like_xml(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.lstrip(b" \t\r\n\x00").startswith(b"<")  # NULs: UTF-16 without a byte-order mark


@dataclass
class _Budget:
    """What reading may still take, over all sheets together (see the limits at the top)."""

    rows: int = 0
    filled: int = 0
    cells: int = 0

    def take(self, row: list[Any], problems: Problems, sheet: str, r: int) -> bool:
        """Count a row (its values up to the last one); False, with the problem, when over budget."""
        self.rows += 1
        if self.rows > MAX_ROWS:
            problems.add(sheet, r, 0, "import_too_many_rows", limit=MAX_ROWS)
            return False
        if row:
            self.filled += 1
            self.cells += len(row)
            if self.filled > MAX_FILLED_ROWS:
                problems.add(sheet, r, 0, "import_too_many_entries", limit=MAX_FILLED_ROWS)
                return False
            if self.cells > MAX_CELLS:
                problems.add(sheet, r, 0, "import_too_many_cells", limit=MAX_CELLS)
                return False
        return True


def _trim(values: list[Any]) -> list[Any]:
    """The values of a row up to its last non-blank one."""
    end = len(values)
    while end and _blank(values[end - 1]):
        end -= 1
    return values[:end] if end < len(values) else values


def _read_xlsx(data: bytes, problems: Problems, disorder: dict[str, _Disorder]) -> list[RawSheet]:
    import warnings

    from openpyxl.reader.excel import ExcelReader

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about data validation and other extensions
        try:
            reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=False)  # what load_workbook does
            reader.read()
            wb = reader.wb
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds; all mean "not a workbook"
            _damaged(exc, problems, "", 0)
            return []
        try:
            if _lost_sheets(reader, problems, disorder):
                return []
            worksheets = wb.worksheets
            if len(worksheets) > MAX_SHEETS:
                problems.file("import_too_many_sheets", count=len(worksheets), limit=MAX_SHEETS)
                return []
            budget = _Budget()
            sheets = []
            for ws in worksheets:
                raw = _read_sheet(ws, budget, problems)
                if raw is None:
                    return []
                sheets.append(raw)
            return sheets
        except Exception as exc:  # noqa: BLE001 - as above: the workbook's structure is damaged
            _damaged(exc, problems, "", 0)
            return []
        finally:
            wb.close()


def _lost_sheets(reader: Any, problems: Problems, disorder: dict[str, _Disorder]) -> bool:
    """Report what openpyxl would leave out without a word: the sheets the workbook lists but whose part
    is missing, or that have no relationship id (skipped with at most a warning), and the rows and
    cells out of place in a sheet (``_RowOrder``). True when there is any."""
    parser = getattr(reader, "parser", None)
    lost = False
    for sheet in getattr(parser, "sheets", None) or []:
        name = _part_name(str(sheet.name))
        rel = parser.rels.get(sheet.id) if sheet.id else None
        if rel is None or rel.target not in reader.valid_files:
            problems.add(name, 0, 0, "import_sheet_part_missing", part=_part_name(rel.target if rel else "r:id"))
            lost = True
        elif rel.target in disorder:
            d = disorder[rel.target]
            problems.add(name, d.row, d.column if d.row else 0, d.key, **dict(d.params))
            lost = True
    return lost


def _damaged(exc: Exception, problems: Problems, sheet: str, row: int) -> None:
    """The problem for an exception openpyxl raised: a part named but missing, or damage (its kind)."""
    missing = MISSING_PART.search(str(exc)) if isinstance(exc, KeyError) else None
    if missing:
        problems.file("import_part_missing", part=_part_name(missing.group(1)))
    elif sheet:
        problems.add(sheet, row, 0, "import_sheet_damaged", reason=type(exc).__name__)
    else:
        problems.file("import_not_xlsx", reason=type(exc).__name__)


def _read_sheet(ws: Any, budget: _Budget, problems: Problems) -> RawSheet | None:
    """The rows of one sheet, or None (with the problem) when over budget or damaged."""
    from openpyxl.cell.read_only import EMPTY_CELL

    ws.reset_dimensions()  # read what is there, not what the file claims is there
    rows: list[list[Any]] = []
    formulas: set[tuple[int, int]] = set()
    refused: set[tuple[int, int]] = set()
    title = _part_name(str(ws.title))  # a sheet's name is the place of its problems: printable, not endless
    r = 0
    try:
        for r, row in enumerate(ws.iter_rows(), start=1):
            values = _trim([None if cell is EMPTY_CELL else cell.value for cell in row])
            if not budget.take(values, problems, title, r):
                return None
            for c, cell in enumerate(row[: len(values)], start=1):
                if getattr(cell, "data_type", None) == "f":
                    formulas.add((r, c))
            _refuse_long_text(values, r, title, refused, problems)
            rows.append(values)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, ArithmeticError, AttributeError) as exc:
        # a cell openpyxl cannot read (a number that is not one, a date out of range, a shared string
        # that is not there): the row after the last one read
        _damaged(exc, problems, title, r + 1)
        return None
    return RawSheet(title, rows, formulas, refused)


def _read_csv_folder(folder: Path, problems: Problems) -> list[RawSheet]:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and not p.name.startswith("."))
    except OSError as exc:
        problems.file("unreadable", reason=os_reason(exc))
        return []
    if not files:
        problems.file("import_no_csv")
        return []
    if len(files) > MAX_SHEETS:
        problems.file("import_too_many_sheets", count=len(files), limit=MAX_SHEETS)
        return []
    sheets = []
    total = 0
    budget = _Budget()
    for p in files:
        stem = _part_name(p.stem)
        data = _read_source(p, problems, stem)
        if data is None:
            continue
        total += len(data)
        if total > MAX_UNPACKED_BYTES:
            problems.file("import_too_large", size=total, limit=MAX_UNPACKED_BYTES)
            return []
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            problems.add(stem, 0, 0, "csv_utf16")
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            guess, char = encoding_guess(data, exc.start)  # Excel's "CSV (puntkomma-gescheiden)" is Windows-1252
            problems.add(stem, 0, 0, "csv_not_utf8", byte=f"0x{data[exc.start]:02x}", offset=exc.start, guess=guess, char=char)
            continue
        if "\x00" in text:
            problems.add(stem, 0, 0, "import_csv_binary")
            continue
        first = text.split("\n", 1)[0]
        delimiter = max((";", ",", "\t"), key=first.count) if any(d in first for d in ";,\t") else ","
        rows = []
        refused: set[tuple[int, int]] = set()
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] = []
        start, swallowed = 0, False
        try:
            for row in reader:
                if rows and reader.line_num - start > 1:  # a text may span lines; a quote left open may not
                    spanning = spanning_value(row, header, delimiter, len(header), may_span=header)
                    if spanning is None and unclosed_quote_line(text, delimiter, start):
                        spanning = (next(j for j, v in enumerate(row) if "\n" in v or "\r" in v), "rows")
                    if spanning is not None:
                        j = spanning[0]
                        problems.add(stem, len(rows) + 1, j + 1, "import_csv_quote_open",
                                     column=header[j] if j < len(header) else str(j + 1), lines=reader.line_num - start)
                        swallowed = True
                        break
                start = reader.line_num
                if not rows:
                    header = [h.strip() for h in row]
                values = _trim([(v if v.strip() else None) for v in row])
                if not budget.take(values, problems, stem, len(rows) + 1):
                    return []
                _refuse_long_text(values, len(rows) + 1, stem, refused, problems)
                rows.append(values)
        except csv.Error:
            # the only error csv raises in the default dialect: a field over csv.field_size_limit()
            problems.add(stem, len(rows) + 1, 0, "import_csv_field_too_long", limit=csv.field_size_limit())
            continue
        if swallowed:
            continue
        sheets.append(RawSheet(stem, rows, refused=refused))
    return sheets


# --------------------------------------------------------------------------------------------------
# Cells → field values


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def convert(col: Column, value: Any) -> Any:
    """A cell value as the model expects it. What cannot be converted is passed on unchanged, so that the
    model rejects it with its usual message."""
    value = restore_cell(value)
    if isinstance(value, str):
        value = value.strip()
    kind = col.kind
    if kind in ("str", "key"):
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            return _number_text(value)
        if isinstance(value, (dt.datetime, dt.date)):
            return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
        return value
    if kind == "enum":
        return _number_text(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
    if kind == "int":
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)  # inf or nan: not a whole number, as the model says
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.lstrip("-").isdigit():
            return int(value)
        return value
    if kind == "float":
        if isinstance(value, str):
            try:
                return float(value.replace(",", "."))
            except ValueError:
                return value
        return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.lower() in TRUE_WORDS:
            return True
        if isinstance(value, str) and value.lower() in FALSE_WORDS:
            return False
        return value
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value
        if isinstance(value, dt.date):
            return value
        if isinstance(value, (int, float)):
            return _number_text(value)  # a number is not a date; the model says so
        if isinstance(value, str) and len(value) > 10 and value[10:].strip() in ("00:00:00", "T00:00:00"):
            return value[:10]
        return value
    if kind == "list":
        if isinstance(value, str):
            if value == EMPTY_LIST:
                return []
            parts = [value]
            for sep in LIST_SEPARATORS:
                parts = [q for p in parts for q in p.split(sep)]
            return [p.strip() for p in parts if p.strip()]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [_number_text(value)]
        return [value]
    if kind == "json":
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return value
        return value
    return value


# --------------------------------------------------------------------------------------------------
# Sheets → entries


@dataclass
class Record:
    """One row as an entry: its data (nested, by alias), where it came from, and its child rows."""

    sheet: Sheet
    row: int
    data: dict[str, Any]
    keys: tuple[Any, ...] = ()
    children: dict[tuple[str, ...], list[Record]] = field(default_factory=dict)


@dataclass
class ParsedSheet:
    sheet: Sheet
    raw_name: str
    header: dict[str, int]  # column name → column index
    missing: set[str]  # required columns that are not there
    records: list[Record]
    formulas: set[tuple[int, int]] = field(default_factory=set)  # cells refused (a formula, too long): said already


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _parse_sheet(raw: RawSheet, sheet: Sheet, problems: Problems) -> ParsedSheet:
    name = raw.name
    header_row = raw.rows[0] if raw.rows else []
    columns = {c.name.lower(): c for c in sheet.all_columns}
    header: dict[str, int] = {}
    by_index: dict[int, Column] = {}
    for c, value in enumerate(header_row, start=1):
        if _blank(value):
            continue
        text = str(restore_cell(value)).strip()
        col = columns.get(text.lower())
        if col is None:
            options = [x.name for x in sheet.all_columns]
            problems.add(name, 1, c, "import_unknown_column", value=text, allowed=", ".join(options), hint=did_you_mean(text, options))
            continue
        if col.name in header:
            problems.add(name, 1, c, "import_duplicate_column", value=col.name, where=column_letter(header[col.name]))
            continue
        header[col.name] = c
        by_index[c] = col
    missing = {c.name for c in sheet.all_columns if c.required and c.name not in header}
    for col_name in sorted(missing, key=[c.name for c in sheet.all_columns].index):
        problems.add(name, 1, 0, "import_column_missing", sheet=name, column=col_name)
    records = []
    for r, row in enumerate(raw.rows[1:], start=2):
        if problems.full:
            break
        if all(_blank(v) for v in row):
            continue
        data: dict[str, Any] = {}
        for c, value in enumerate(row, start=1):
            col = by_index.get(c)
            if (r, c) in raw.formulas:
                problems.add(name, r, c, "import_formula", value=str(value)[:60])
                continue
            if _blank(value):
                continue
            if col is None:
                if not _blank(header_row[c - 1] if c - 1 < len(header_row) else None):
                    continue  # an unknown column, already reported once at its header
                problems.add(name, r, c, "import_no_header")
                continue
            if col.kind != "key":
                _set(data, col.path, convert(col, value))
        records.append(Record(sheet, r, data, _key_tuple(sheet, header, row, raw.formulas, r)))
    return ParsedSheet(sheet, name, header, missing, records, raw.formulas | raw.refused)


def _key_tuple(sheet: Sheet, header: dict[str, int], row: list[Any], formulas: set[tuple[int, int]], r: int) -> tuple[Any, ...]:
    out = []
    for k in sheet.keys:
        c = header.get(k.name)
        value = row[c - 1] if c is not None and c - 1 < len(row) and (r, c) not in formulas else None
        out.append(None if _blank(value) else convert(k, value))
    return tuple(out)


def _match_sheets(raws: list[RawSheet], problems: Problems) -> dict[str, tuple[RawSheet, Sheet]]:
    sheets = {s.name.lower(): s for s in layout()}
    found: dict[str, tuple[RawSheet, Sheet]] = {}
    for raw in raws:
        title = raw.name.strip()
        if title.startswith("_"):
            continue  # notes and instructions for the people who fill in the spreadsheet
        sheet = sheets.get(title.lower())
        if sheet is None:
            names = [s.name for s in layout()]
            problems.add(raw.name, 0, 0, "import_unknown_sheet", value=raw.name, allowed=", ".join(names), hint=did_you_mean(title, names))
            continue
        if sheet.name in found:
            problems.add(raw.name, 0, 0, "import_duplicate_sheet", value=sheet.name)
            continue
        found[sheet.name] = (raw, sheet)
    return found


# --------------------------------------------------------------------------------------------------
# Validation, with every problem placed in its cell


def _locate(record: Record, loc: tuple[Any, ...]) -> tuple[Record, tuple[str, ...]]:
    """The record (row) and the field path within it that a pydantic error location points to."""
    rec = record
    names: list[str] = []
    i = 0
    while i < len(loc):
        part = loc[i]
        if isinstance(part, str):
            names.append(part)
            kids = rec.children.get(tuple(names))
            nxt = loc[i + 1] if i + 1 < len(loc) else None
            if kids is not None and isinstance(nxt, int) and 0 <= nxt < len(kids):
                rec = kids[nxt]
                names = []
                i += 2
                continue
        i += 1
    return rec, tuple(names)


def _cell(parsed: dict[str, ParsedSheet], rec: Record, names: tuple[str, ...], reason: str = "") -> tuple[str, int, int, str | None]:
    """(sheet, row, column, column name) of a field of a record; column 0 when the column is absent."""
    ps = parsed[rec.sheet.name]
    for n in range(len(names), 0, -1):
        col = ".".join(names[:n])
        if col in ps.header:
            return ps.raw_name, rec.row, ps.header[col], col
        if any(c.name == col for c in rec.sheet.all_columns):
            return ps.raw_name, rec.row, 0, col
        nested = sorted(i for name, i in ps.header.items() if name.startswith(col + "."))
        if nested:  # a nested entry (label, location) as a whole: its first column
            return ps.raw_name, rec.row, nested[0], col
    fallback = VALIDATOR_COLUMNS.get(reason) or "id"
    if fallback in ps.header:
        return ps.raw_name, rec.row, ps.header[fallback], fallback
    first = min(ps.header.values()) if ps.header else 1
    return ps.raw_name, rec.row, first, None


def _validate(
    cls: type[BaseModel], rec: Record, prefix: str, parsed: dict[str, ParsedSheet], problems: Problems
) -> BaseModel | None:
    try:
        return cls.model_validate(rec.data, by_alias=True, by_name=False)  # as the loader: the YAML names only
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        rendered = validation_problems(exc, cls, None, prefix, problems.shown)
        if len(rendered) != len(errors):  # pragma: no cover - one problem per error, as store promises
            rendered = [rendered[0]] * len(errors) if rendered else []
        for err, p in zip(errors, rendered):
            loc = tuple(err["loc"])
            reason = str((err.get("ctx") or {}).get("error", ""))
            target, names = _locate(rec, loc)
            sheet, row, col, col_name = _cell(parsed, target, names, reason)
            if err["type"] == "missing" and col_name in parsed[target.sheet.name].missing:
                continue  # the whole column is missing: said once, at the header
            if (row, col) in parsed[target.sheet.name].formulas:
                continue  # the cell holds a formula: said already
            problems.append(SheetProblem(problems.shown, row, col, p.key, p.params, sheet))
        return None


def read_register(path: str | os.PathLike[str], shown: str | None = None) -> Register:
    """Read a spreadsheet (XLSX, or a folder of CSV files) in the import layout into a validated register.

    Raises ``SpreadsheetInvalid`` with every problem, each naming sheet, row and column.
    """
    path = Path(path)
    problems = Problems(shown or str(path))
    raws = read_workbook(path, problems.shown, problems)
    problems.raise_if_any()
    matched = _match_sheets(raws, problems)
    if "controller" not in matched:
        found = ", ".join(r.name for r in raws) or "—"
        problems.add("controller", 0, 0, "import_sheet_missing", sheet="controller", found=found)
    parsed: dict[str, ParsedSheet] = {}
    for s in layout():
        if s.name in matched:
            raw, sheet = matched[s.name]
            parsed[s.name] = _parse_sheet(raw, sheet, problems)
        else:
            parsed[s.name] = ParsedSheet(s, s.name, {}, set(), [])
    if "controller" in matched:
        ctrl_rows = parsed["controller"].records
        if len(ctrl_rows) != 1:
            row = ctrl_rows[1].row if len(ctrl_rows) > 1 else 0
            problems.add(parsed["controller"].raw_name, row, 0, "import_controller_rows", count=len(ctrl_rows))
    _attach_children(parsed, problems)
    if problems.items and "controller" not in matched:
        problems.raise_if_any()

    # ---- every entry on its own, so one bad row does not hide the others
    objects: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    controller = None
    ids: dict[str, tuple[str, str, Record]] = {}  # id → (section, where, record)

    def claim(entity_id: Any, section: str, rec: Record, prefix: str) -> None:
        if not isinstance(entity_id, str):
            return
        ps = parsed[rec.sheet.name]
        col = ps.header.get("id", 0)
        where = SheetProblem(problems.shown, rec.row, col, "", (), ps.raw_name).where()
        if entity_id in ids:
            problems.add(ps.raw_name, rec.row, col, "duplicate_id", path=f"{prefix}.id", value=entity_id, where=ids[entity_id][1])
            return
        ids[entity_id] = (section, where, rec)

    ctrl_recs = parsed["controller"].records[:1]
    for rec in ctrl_recs:
        controller = _validate(Controller, rec, "controller", parsed, problems)
        claim(rec.data.get("id"), "controller", rec, "controller")
        for i, school in enumerate(rec.children.get(("schools",), [])):
            claim(school.data.get("id"), "schools", school, f"controller.schools[{i}]")
    entries: list[tuple[str, Record, str]] = []
    for section, cls in SECTIONS.items():
        for rec in parsed[section].records:
            if problems.full:
                problems.raise_if_any()
            eid = rec.data.get("id")
            prefix = section + (f" ({eid})" if isinstance(eid, str) else "")
            obj = _validate(cls, rec, prefix, parsed, problems)
            claim(eid, section, rec, prefix)
            entries.append((section, rec, prefix))
            if obj is not None:
                objects[section].append(obj)

    # ---- references, as the YAML loader checks them
    by_section: dict[str, list[str]] = {}
    for eid, (section, _w, _r) in ids.items():
        by_section.setdefault(section, []).append(eid)
    # A "did you mean" costs one comparison per candidate id; as in the loader, hints stop when this
    # many comparisons are spent (thousands of dangling references to thousands of ids took hours).
    hint_budget = 20_000
    options_for: dict[tuple[str, ...], list[str]] = {}
    for section, rec, prefix in entries:
        if problems.full:
            break
        fields = {**REFERENCES.get(section, {}), **NESTED_REFERENCES.get(section, {})}
        for fname, targets in fields.items():
            for v, owner, column, fpath in _ref_values(rec, fname.split("."), prefix):
                if not isinstance(v, str) or ids.get(v, ("",))[0] in targets:
                    continue
                options = options_for.get(targets)
                if options is None:
                    options = options_for[targets] = [x for s in targets for x in by_section.get(s, [])]
                hint: Msg | str = ""
                if hint_budget >= len(options):
                    hint_budget -= len(options)
                    hint = did_you_mean(v, options)
                sheet, row, col, _ = _cell(parsed, owner, (column,))
                allowed = Msg("form_other", (("pattern", "/".join(targets)),))
                problems.add(sheet, row, col, "dangling_ref", path=fpath, value=v, allowed=allowed, hint=hint)
    problems.raise_if_any()
    if controller is None:  # pragma: no cover - a controller row that failed is a problem above
        raise SpreadsheetInvalid([SheetProblem(problems.shown, 0, 0, "controller_missing", (), "controller")])
    return Register(controller=controller, **objects)


def _ref_values(rec: Record, parts: list[str], path: str) -> typing.Iterator[tuple[Any, Record, str, str]]:
    """(value, row, column, path) of every reference a field path names in an entry: a plain field
    (``categories``), or a field of the rows of child sheets (``risks.measures.measure``: the measure
    of every measure of every risk), with the path the loader gives it."""
    if len(parts) == 1:
        value = rec.data.get(parts[0])
        if isinstance(value, list):
            for j, v in enumerate(value):
                yield v, rec, parts[0], f"{path}.{parts[0]}[{j}]"
        elif value is not None:
            yield value, rec, parts[0], f"{path}.{parts[0]}"
        return
    for k in range(len(parts) - 1, 0, -1):
        kids = rec.children.get(tuple(parts[:k]))
        if kids is not None:
            for i, kid in enumerate(kids):
                yield from _ref_values(kid, parts[k:], f"{path}.{'.'.join(parts[:k])}[{i}]")
            return


def _attach_children(parsed: dict[str, ParsedSheet], problems: Problems) -> None:
    """Put the rows of child sheets into their parent entries (``dpias.risks`` into ``dpias``)."""
    for s in layout():
        if s.parent is None:
            continue
        ps = parsed[s.name]
        parent_ps = parsed[s.parent]
        parent_sheet = parent_ps.sheet
        index: dict[tuple[Any, ...], Record] = {}
        for prec in parent_ps.records:
            own = prec.keys if parent_sheet.single else prec.keys + (prec.data.get("id"),)
            index.setdefault(own, prec)
        only = parent_ps.records[0] if parent_sheet.single and parent_ps.records else None
        for rec in ps.records:
            if parent_sheet.single:
                target = only
            else:
                if any(k is None for k in rec.keys):
                    if not any(k.name in ps.missing for k in s.keys):
                        k = next(k for k, v in zip(s.keys, rec.keys) if v is None)
                        problems.add(ps.raw_name, rec.row, ps.header.get(k.name, 0), "import_key_missing", column=k.name)
                    continue
                target = index.get(rec.keys)
            if target is None:
                if parent_sheet.single:
                    continue  # no controller row: reported already
                col = ps.header.get(s.keys[-1].name, 0)
                problems.add(
                    ps.raw_name, rec.row, col, "import_orphan_row",
                    value=", ".join(str(k) for k in rec.keys), parent=parent_ps.raw_name,
                )
                continue
            target.children.setdefault(s.field_path, []).append(rec)
    for s in reversed(layout()):
        if s.parent is None:
            continue
        for prec in parsed[s.parent].records:
            kids = prec.children.get(s.field_path)
            if kids is not None:
                _set(prec.data, s.field_path, [k.data for k in kids])


# --------------------------------------------------------------------------------------------------
# Entries → register folder


def _yaml_value(value: Any, indent: int, key: str) -> Any:
    """Plain data → ruamel nodes in the project's style: short lists of ids and small mappings of plain
    values in flow style when they fit on one line, everything else in block style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _yaml_value(v, indent + 2, k)
        if value and all(_flat(v) for v in value.values()) and _fits(indent, key, value):
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_block(_yaml_value(v, indent + 4, "")) if isinstance(v, dict) else _yaml_value(v, indent + 4, "") for v in value)
        if all(_flat(v) for v in value) and _fits(indent, key, value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return _long_text(value, indent + len(key) + 2)
    return value


def _long_text(value: str, used: int, width: int = 100) -> Any:
    """Long text as a folded block (``>-``), text with line breaks as a literal block (``|-``), as the
    example register writes them; anything those styles cannot hold exactly stays a plain scalar."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

    if not all(ch.isprintable() or ch == "\n" for ch in value):
        # control characters, NEL and the Unicode line separators: only the double-quoted style holds
        # them exactly (ruamel's single-quoted style breaks a NEL, and a loader normalises line breaks)
        return DoubleQuotedScalarString(value)
    if value != value.strip():
        return value
    if "\n" in value:
        if all(line == line.rstrip() for line in value.split("\n")):
            return LiteralScalarString(value)
        return value
    if used + len(value) > width and "  " not in value:
        return FoldedScalarString(value)
    return value


def _flat(value: Any) -> bool:
    """A value that may stand in a flow-style list or mapping (``[a, b]``, ``{nl: x, en: y}``)."""
    if isinstance(value, Enum):
        return True
    if isinstance(value, str):
        # ruamel.yaml writes text that starts with ':' or '?' unquoted in flow style, where a YAML
        # reader takes it for an indicator (found by tests/test_fuzz_import.py): block style for those
        return "\n" not in value and len(value) <= 60 and not value.startswith((":", "?"))
    return isinstance(value, (int, float, bool, dt.date)) or value is None


def _fits(indent: int, key: str, value: Any, width: int = 96) -> bool:
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    else:
        inner = ", ".join(str(_plain(v)) for v in value)
    return indent + len(key) + 4 + len(inner) + 2 * len(value) <= width


def register_files(register: Register, source: str) -> dict[str, str]:
    """The YAML files of a register folder: file name → text, in the style of ``data/omo-helmond``."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    docs: dict[str, CommentedMap] = {}

    def doc(section: str) -> CommentedMap:
        name = SECTION_FILES.get(section, f"{section}.yaml")
        if name not in docs:
            docs[name] = CommentedMap()
        return docs[name]

    d = doc("controller")
    d["controller"] = _block(_yaml_value(_dump(register.controller), 2, "controller"))
    for section in SECTIONS:
        items = getattr(register, section)
        if not items:
            continue
        seq = _yaml_value([_dump(e) for e in items], 2, section)
        seq.fa.set_block_style()
        for entry in seq:
            _block(entry)
        doc(section)[section] = seq
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    out = {}
    for name, d in docs.items():
        d.yaml_set_start_comment(t("import_file_comment", "en", source=source))
        buf = io.StringIO()
        y.dump(d, buf)
        out[name] = buf.getvalue()
    return out


def _block(node: Any) -> Any:
    """Entries themselves are always in block style."""
    fa = getattr(node, "fa", None)
    if fa is not None:
        fa.set_block_style()
    return node


class TargetNotEmpty(Exception):
    """The import refused to write into an existing, non-empty folder (or over a file)."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(str(path))

    def message(self, lang: str | None = None) -> str:
        return t("import_target_not_empty", lang, path=str(self.path))


class TargetNotWritable(Exception):
    """The register folder cannot be written where asked (no permission, a read-only disk, ...)."""

    def __init__(self, path: Path, exc: OSError):
        self.path = path
        self.reason = os_reason(exc)
        super().__init__(f"{path}: {exc}")

    def message(self, lang: str | None = None) -> str:
        reason = self.reason.render(lang) if isinstance(self.reason, Msg) else self.reason
        return t("import_cannot_write", lang, path=str(self.path), reason=reason)


@dataclass(frozen=True)
class _ProblemText(Msg):
    """The message of another problem as a parameter, rendered in the reader's language."""

    problem: Problem | None = None

    def render(self, lang: str | None) -> str:
        return self.problem.message(lang, step=False) if self.problem is not None else ""  # the step is the import's


def import_spreadsheet(source: str | os.PathLike[str], out: str | os.PathLike[str]) -> list[Path]:
    """Read the spreadsheet at ``source`` and write it as a register folder ``out``. Returns the files.

    Raises ``SpreadsheetInvalid`` (nothing written) when the spreadsheet is wrong, ``TargetNotEmpty``
    when ``out`` exists and is not an empty folder, and ``TargetNotWritable`` when it cannot be written.
    The folder is built beside ``out`` under a temporary name, loaded back with the YAML loader, and
    renamed into place in one step.
    """
    source = Path(source)
    target = Path(out)
    shown = str(source)
    _refuse_existing(target)
    register = read_register(source, shown)
    _check_sizes(_size_floors(register), shown)  # before the YAML is made: that takes long for a large register
    texts = register_files(register, source.name)
    _check_sizes({name: len(text.encode("utf-8")) for name, text in texts.items()}, shown)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise TargetNotWritable(target, exc) from None
    try:
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o777 & ~umask)
            for name, text in texts.items():
                atomic_write(tmp / name, text)
        except OSError as exc:
            raise TargetNotWritable(target, exc) from None
        try:
            loaded = load(tmp)
        except RegisterInvalid as exc:  # a gap in the import: say what the loader said, write nothing
            detail = _ProblemText("", (), exc.problems[0])
            raise SpreadsheetInvalid([SheetProblem(shown, 0, 0, "import_reload_failed", (("detail", detail),), "")]) from None
        if loaded.register != register:  # what was written must load as this very register
            raise RuntimeError("the register folder written does not read back as the spreadsheet")
        _refuse_existing(target)
        try:
            publish_folder(tmp, target)  # an empty folder is replaced; a non-empty one makes this fail
        except OSError as exc:
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                raise TargetNotEmpty(target) from None
            raise TargetNotWritable(target, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [target / name for name in sorted(texts)]


def _size_floor(value: Any) -> int:
    """A lower bound of the bytes ``value`` takes in YAML: the length of its keys and values as text."""
    if isinstance(value, dict):
        return sum(len(str(k)) + _size_floor(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_size_floor(v) for v in value)
    if value is None:
        return 0
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, dt.date):
        return 10
    return len(str(value))


def _size_floors(register: Register) -> dict[str, int]:
    """A lower bound of the size of each file ``register_files`` writes."""
    sizes = {SECTION_FILES["controller"]: _size_floor(_dump(register.controller))}
    for section in SECTIONS:
        name = SECTION_FILES.get(section, f"{section}.yaml")
        sizes[name] = sizes.get(name, 0) + sum(_size_floor(_dump(e)) for e in getattr(register, section))
    return sizes


def _check_sizes(sizes: dict[str, int], shown: str) -> None:
    """Refuse a register the loader would refuse for its size (``dpia.io.store``'s limits), before writing."""
    problems = Problems(shown)
    for name, size in sizes.items():
        if size > store.MAX_FILE_BYTES:
            problems.file("import_yaml_too_large", file=name, size=size, limit=store.MAX_FILE_BYTES)
    total = sum(sizes.values())
    if total > store.MAX_YAML_TOTAL_BYTES:
        problems.file("import_yaml_total_too_large", size=total, limit=store.MAX_YAML_TOTAL_BYTES)
    problems.raise_if_any()


def _refuse_existing(target: Path) -> None:
    try:
        if target.is_symlink() or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
            raise TargetNotEmpty(target)
    except OSError as exc:  # a folder that cannot be listed (or looked at) is not ours to write into
        raise TargetNotWritable(target, exc) from None




# --------------------------------------------------------------------------------------------------
# Documentation of the layout


def layout_markdown() -> str:
    """The column tables of ``docs/art30-spreadsheet.md`` (between its layout markers)."""
    lines = []
    for s in layout():
        where = f"one row per entry of `{s.section}`" if s.parent is None and not s.single else (
            "exactly one row: the controller" if s.single else f"rows of the list `{'.'.join(s.field_path)}` of sheet `{s.parent}`"
        )
        lines += [f"### Sheet `{s.name}`", "", f"{where[0].upper()}{where[1:]} ({model_name(s.model)}).", ""]
        lines += ["| column | required | kind | meaning |", "|---|---|---|---|"]
        refs = REFERENCES.get(s.section, {}) if s.parent is None else {}
        for c in s.all_columns:
            targets = refs.get(c.name)
            kind = {
                "key": "id of the parent entry",
                "list": "comma-separated list" + (f" of: {', '.join(f'`{a}`' for a in c.allowed)}" if c.allowed else " of ids"),
                "enum": "one of: " + ", ".join(f"`{a}`" for a in c.allowed),
                "bool": "true/false (ja/nee)",
                "date": "date (YYYY-MM-DD)",
                "int": "whole number",
                "float": "number",
                "json": "JSON",
                "str": "text",
            }[c.kind]
            if targets:
                kind = ("comma-separated list of ids of " if c.kind == "list" else "id of ") + " / ".join(f"`{x}`" for x in targets)
            desc = c.description.replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{c.name}` | {'yes' if c.required else ''} | {kind} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def model_name(cls: type[BaseModel]) -> str:
    return cls.__name__


START_MARK = "<!-- layout:start (generated by dpia.io.importer.layout_markdown; do not edit by hand) -->"
END_MARK = "<!-- layout:end -->"
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "art30-spreadsheet.md"


def write_layout_docs(path: Path = DOC_PATH) -> Path:
    """Regenerate the column tables in ``docs/art30-spreadsheet.md``."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    atomic_write(path, f"{head}{START_MARK}\n\n{layout_markdown()}\n{END_MARK}{tail}")
    return path


__all__ = [
    "Column",
    "Sheet",
    "SheetProblem",
    "SpreadsheetInvalid",
    "TargetNotEmpty",
    "TargetNotWritable",
    "export_register",
    "import_spreadsheet",
    "layout",
    "layout_markdown",
    "read_register",
    "register_files",
    "register_sheets",
    "register_xlsx",
]
