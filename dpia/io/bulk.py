"""The bulk form of a register: large inventories and flows as CSV files beside the YAML.

A register folder may hold, next to its YAML files:

``flows.csv``
    One flow per row, columns ``id, from, to, categories, purposes, subjects, agreement, channel``
    (``id``, ``from``, ``to`` and ``categories`` required; the others optional, in any order). List
    columns hold ids separated by spaces (``name class_group grades``). An empty cell is an absent
    value. Read with pyarrow and checked *column by column* (id pattern, required values, references
    with a did-you-mean, duplicate ids across the YAML and the CSV), never one pydantic object per row:
    a million rows load in a few seconds.
``schools.csv``, ``parties.csv``, ``systems.csv``
    Inventories: one entity per row, a column per field; a nested field is a dotted column
    (``location.country``), a list field holds space-separated ids. Rows go through the same model and
    the same checks as YAML entries (they are thousands, not millions). Schools are added to the
    controller's ``schools``.

Every problem is reported as ``FILE:ROW:COLUMN: message``, ROW being the line in the file (the header
is line 1) and COLUMN the 1-based column number, with the message keys of the YAML loader (``bad_id``,
``dangling_ref`` with its did-you-mean, ``missing``, ``duplicate_id``, ...). At most ``PROBLEM_CAP``
problems of one kind are listed per file, followed by one line that counts the rest.

Design: bulk flows stay a table
-------------------------------
Bulk flows are not turned into :class:`~dpia.model.Flow` objects. The loaded register keeps them as a
:class:`FlowTable` (pandas frames backed by Arrow strings) in the private attribute
``Register._flow_table``; ``Register.flows`` still holds exactly the YAML flows, so code that only
knows YAML registers works unchanged. ``dpia.analysis.tables.Tables`` builds its flow tables from both, without
a Python loop per row, and every rule works on those tables. The few consumers that need all flows as
objects or ids use the helpers below: :func:`flow_count`, :func:`iter_flows` (YAML flows, then bulk
flows built lazily), :func:`flows_by_id` (only the flows asked for) and :func:`flow_ids`.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dpia import model
from dpia.model import REFERENCES, Register, shape
from dpia.model.flowtable import FlowTable
from dpia.io.causes import explain, sections_named
from dpia.io.files import not_utf8_problem, outside_links, read_limited, shown_path, SourceFile
from dpia.io.problems import allowed_list, did_you_mean, Msg, Problem, problem_at

PROBLEM_CAP = 50
FLOWS_FILE = "flows.csv"
ROW_SECTIONS = ("schools", "parties", "systems")  # inventories: row by row, through the model
CSV_NAMES = ("flows", *ROW_SECTIONS)
FLOW_COLUMNS = ("id", "from", "to", "categories", "purposes", "subjects", "agreement", "channel")
FLOW_REQUIRED = ("id", "from", "to", "categories")
FLOW_LISTS = ("categories", "purposes", "subjects")
FLOW_IDS = ("id", "from", "to", "agreement")
MAX_ID = 80
# Size limits. flows.csv is read column by column (a million flows is about 130 MB and takes about
# 1 GB of memory to check); the inventories go through the model row by row, as YAML entries do.
MAX_FLOWS_CSV_BYTES = 512 * 2**20
# What str.split() splits on, for Arrow's regular expressions (RE2's \s is ASCII only).
WHITESPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+"
MAX_INVENTORY_CSV_BYTES = 32 * 2**20
PYSTR = pd.StringDtype("python", na_value=np.nan)  # the default "str" semantics, Python storage


def _models() -> dict[str, type]:
    return {"schools": model.School, "parties": model.Party, "systems": model.System}


# --------------------------------------------------------------------------------------------------
# Finding the CSV files


def csv_files(root: Path) -> tuple[dict[str, Path], list[Any]]:
    """The bulk files of a register folder by name (``flows``, ``schools``, ...), and problems.

    A CSV file whose name is close to a bulk name (``flow.csv``) is reported, with a did-you-mean;
    other CSV files are not the register's and are left alone.
    """
    found: dict[str, Path] = {}
    problems = []
    if not root.is_dir():
        return found, problems
    try:
        paths = sorted(p for p in root.iterdir() if p.suffix.lower() == ".csv" and not p.name.startswith("."))
    except OSError:
        return found, problems
    problems += outside_links(root, paths)
    outside = {p.file for p in problems}
    for p in paths:
        stem = p.stem
        if shown_path(root, p) in outside:
            continue
        if stem in CSV_NAMES and p.suffix == ".csv":
            found[stem] = p
        elif difflib.get_close_matches(stem.lower(), CSV_NAMES, n=1, cutoff=0.75):
            shown = shown_path(root, p)
            problems.append(problem_at(shown, (0, 0), "csv_unknown", value=p.name,
                                        allowed=", ".join(f"{n}.csv" for n in CSV_NAMES),
                                        hint=did_you_mean(stem.lower(), CSV_NAMES)))
    return found, problems


# --------------------------------------------------------------------------------------------------
# Reading a CSV file's bytes and header


@dataclass
class _Raw:
    shown: str
    data: bytes  # without a byte-order mark
    header: list[str]
    delimiter: str = ","
    columns: dict[str, int] = field(default_factory=dict)  # known column → position (after the header check)
    broken: bool = False  # the rows could not be read to the end


# The separators a spreadsheet program writes: English Excel and LibreOffice a comma, Dutch Excel a
# semicolon (its list separator, since the comma is the decimal sign), "tab-separated" a tab.
DELIMITERS = (",", ";", "\t")


def sniff_delimiter(first: str, known: Iterable[str]) -> str:
    """The separator of a CSV file, from its header line ``first``: the one that splits it into the
    most column names in ``known`` (then: into the most cells); a comma when nothing tells."""
    names = set(known)

    def score(delimiter: str) -> tuple[int, int, int]:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            return (-1, 0, 0)
        return (sum(c.strip() in names for c in cells), len(cells), delimiter == ",")

    return max(DELIMITERS, key=score)


def _read_raw(path: Path, shown: str, problems: list, known: Iterable[str] = ()) -> _Raw | None:
    """The bytes and header of a CSV file as Excel and LibreOffice save it: UTF-8 with or without a
    byte-order mark, CRLF or LF line ends, comma, semicolon or tab between cells (one per file,
    recognised from the header: ``known`` are the column names it may have)."""
    limit = MAX_FLOWS_CSV_BYTES if path.stem == "flows" else MAX_INVENTORY_CSV_BYTES
    data = read_limited(path, shown, limit, problems, too_large=lambda size: problem_at(
        shown, (0, 0), "csv_too_large", size=size, name=path.name, limit=limit))
    if data is None:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(problem_at(shown, (0, 0), "csv_utf16"))
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        problems.append(problem_at(shown, (0, 0), "binary"))
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(not_utf8_problem(shown, data, exc, "csv_not_utf8"))
        return None
    end = data.find(b"\n")
    first = data[: end if end >= 0 else len(data)].rstrip(b"\r").decode("utf-8")  # (split would copy the rest)
    delimiter = sniff_delimiter(first, known)
    try:
        header = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error as exc:  # a carriage return inside the line, a header cell over the size limit
        problems.append(csv_problem(shown, 0, exc))
        return None
    if not any(h.strip() for h in header):
        problems.append(problem_at(shown, (0, 0), "csv_no_header"))
        return None
    return _Raw(shown, data, [h.strip() for h in header], delimiter)


def _check_header(raw: _Raw, allowed: list[str], required: Iterable[str], section: str, problems: list) -> dict[str, int]:
    """Column name → 0-based position, reporting unknown, repeated and missing columns (on line 1)."""
    columns: dict[str, int] = {}
    for j, name in enumerate(raw.header):
        if not name:
            continue  # a column without a name (Excel keeps columns it once saw used): must stay empty
        if name in columns:
            problems.append(problem_at(raw.shown, (0, j), "duplicate_key", value=name))
        elif name not in allowed:
            problems.append(problem_at(raw.shown, (0, j), "extra_forbidden", path=section, field=name,
                                        allowed=allowed_list(allowed, 30), hint=did_you_mean(name, allowed)))
        else:
            columns[name] = j
    for name in required:
        if name not in columns:
            problems.append(problem_at(raw.shown, (0, 0), "csv_missing_column", field=name,
                                        allowed=", ".join(raw.header), delimiter=_DELIMITER_NAMES[raw.delimiter]))
    raw.columns = columns
    return columns


_DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab"}


class CsvBroken(Exception):
    """A CSV file the csv module cannot read on: ``problem`` says where and why."""

    def __init__(self, problem: Any):
        super().__init__(problem)
        self.problem = problem


def csv_problem(shown: str, line: int, exc: csv.Error) -> Any:
    """The catalogue problem for a ``csv.Error`` at (0-based) ``line``."""
    text = str(exc)
    if "field larger than field limit" in text:
        return problem_at(shown, (line, 0), "csv_field_too_long", limit=csv.field_size_limit())
    if "new-line character seen in unquoted field" in text:
        return problem_at(shown, (line, 0), "csv_stray_cr")
    return problem_at(shown, (line, 0), "csv_syntax", problem=text.splitlines()[0][:200])


def _any_blank(column) -> bool:
    """Whether a pyarrow string column (plain or dictionary-encoded) has a cell of blanks only."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for chunk in column.chunks:
        values = chunk.dictionary if pa.types.is_dictionary(chunk.type) else chunk
        if len(values) and pc.any(pc.equal(pc.utf8_trim_whitespace(values), "")).as_py():
            return True
    return False


# Columns whose cells are free text, where a quoted line break (Alt+Enter in Excel) is part of the value.
MAY_SPAN_LINES = frozenset({"channel", "name", "description", "notes"})


def spanning_value(record: list[str], header: list[str], delimiter: str, width: int,
                   may_span: Iterable[str] = MAY_SPAN_LINES) -> tuple[int, str] | None:
    r"""The first value of ``record`` that spans lines where it may not, as (column, reason), or None.

    A value may hold a line break only in a free-text column (``may_span``), and even there not
    a line that looks like a row of the file (as many separators as a row has): that is a quote (")
    opened and not closed, which swallows the rows after it into one value.

    >>> spanning_value(["f1", 'a"\nf2,b,c'], ["id", "channel"], ",", 3)
    (1, 'rows')
    >>> spanning_value(["f1\nf2", "x"], ["id", "channel"], ",", 2)
    (0, 'column')
    >>> spanning_value(["f1", "via web\nen app"], ["id", "channel"], ",", 2) is None
    True
    """
    for j, value in enumerate(record):
        if "\n" not in value and "\r" not in value:
            continue
        name = header[j] if j < len(header) else ""
        if name not in may_span:
            return j, "column"
        if any(line.count(delimiter) >= width - 1 for line in value.splitlines()[1:]):
            return j, "rows"
    return None


def unclosed_quote_line(text: str, delimiter: str, start: int) -> bool:
    """Whether the record that starts at (0-based) line ``start`` of ``text`` opens a quote that the
    file never closes (the csv module in its forgiving mode takes the rest of the file as one value)."""
    rest = "".join(text.splitlines(keepends=True)[start:])
    try:
        next(csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter, strict=True), None)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _record_lines(raw: _Raw) -> tuple[list[list[str]], list[int]]:
    """Every record after the header with the (0-based) line it starts on; blank lines, and lines of
    empty cells only (Excel writes ``;;;;`` for a row it once saw used), are skipped.

    Raises ``CsvBroken`` where the csv module cannot read on (a cell over its size limit), and at the
    line and column where a quote (") opens that swallows rows: one never closed, or a value spanning
    lines where the format allows none (see :func:`spanning_value`). The rows after it would otherwise
    vanish into one value without a word."""
    text = raw.data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=raw.delimiter)
    width = len(raw.header)
    records, lines = [], []
    line = 0
    for k in itertools.count():
        start = line
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CsvBroken(csv_problem(raw.shown, start, exc)) from None
        line = reader.line_num
        if line - start > 1:  # a value spans lines: where it may, and not a quote left open
            spanning = spanning_value(rec, raw.header, raw.delimiter, width)
            if spanning is None and unclosed_quote_line(text, raw.delimiter, start):
                spanning = (next(j for j, c in enumerate(rec) if "\n" in c or "\r" in c), "rows")
            if spanning is not None:
                j, _why = spanning
                column = raw.header[j] if j < len(raw.header) else str(j + 1)
                raise CsvBroken(problem_at(raw.shown, (start, j), "csv_value_spans_lines", column=column,
                                           lines=line - start))
        if k == 0 or not any(c.strip() for c in rec):  # the header, or a blank line
            continue
        records.append(rec)
        lines.append(start)
    return records, lines


# --------------------------------------------------------------------------------------------------
# Inventories: row by row through the model


def _field_kinds(cls: type) -> dict[str, str]:
    """Column names a CSV of ``cls`` may have → "scalar" or "list" (a part's fields as dotted names; a
    list inside a part is not a column)."""
    out: dict[str, str] = {}
    for f in shape.walk(cls):
        if f.many:
            if len(f.path) == 1:
                out[f.alias] = "list"
        elif f.kind != "model":
            out[f.dotted] = "scalar"
    return out


def _row_items(section: str, path: Path, raw: _Raw, problems: list) -> list[tuple]:
    """(section, index, node, plain data, source) per row, as ``store._build`` takes YAML entries.

    The node is a round-trip mapping whose positions are the CSV cells, so every message the YAML
    loader gives about an entry (wrong type, unknown enumeration value, dangling reference, duplicate
    id) points at the row and column of the cell.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    cls = _models()[section]
    kinds = _field_kinds(cls)
    required = [f.alias for f in shape.fields(cls) if f.required]
    columns = _check_header(raw, list(kinds), required, section, problems)
    src = SourceFile(path, "", "", None)
    try:
        records, lines = _record_lines(raw)
    except CsvBroken as exc:
        problems.append(exc.problem)
        raw.broken = True
        return []
    width = len(raw.header)
    items = []
    for i, (rec, line) in enumerate(zip(records, lines)):
        if len(rec) != width:
            problems.append(problem_at(raw.shown, (line, min(len(rec), width)), "csv_fields", found=len(rec), expected=width))
            continue
        stray = next((j for j, h in enumerate(raw.header) if not h and rec[j].strip()), None)
        if stray is not None:
            problems.append(problem_at(raw.shown, (line, stray), "csv_unnamed_value", value=rec[stray].strip()[:60]))
            continue
        node = CommentedMap()
        data: dict[str, Any] = {}
        first_empty = None
        for name, j in columns.items():
            cell = rec[j].strip()
            if not cell:
                if first_empty is None and name in required:
                    first_empty = j
                continue
            if "." in name:
                outer, inner = name.split(".", 1)
                if outer not in node:
                    node[outer] = CommentedMap()
                    node[outer].lc.line, node[outer].lc.col = line, j
                    node.lc.add_kv_line_col(outer, [line, j, line, j])
                    data[outer] = {}
                node[outer][inner] = cell
                node[outer].lc.add_kv_line_col(inner, [line, j, line, j])
                data[outer][inner] = cell
            elif kinds[name] == "list":
                values = cell.split()
                seq = CommentedSeq(values)
                for k in range(len(values)):
                    seq.lc.add_kv_line_col(k, [line, j])
                seq.lc.line, seq.lc.col = line, j
                node[name] = seq
                node.lc.add_kv_line_col(name, [line, j, line, j])
                data[name] = list(values)
            else:
                node[name] = cell
                node.lc.add_kv_line_col(name, [line, j, line, j])
                data[name] = cell
        # A missing required value is reported on its (empty) cell.
        node.lc.line, node.lc.col = line, first_empty if first_empty is not None else 0
        items.append((section, i, node, data, src))
    return items


# --------------------------------------------------------------------------------------------------
# Flows: column by column


def _np(arr) -> np.ndarray:
    """A pyarrow boolean array as a numpy bool array (nulls as False)."""
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=bool) if arr.null_count == 0 else \
        np.asarray(arr.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _encode(values) -> tuple[np.ndarray, Any]:
    """(codes, distinct values) of a pyarrow string array."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(values)
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32), encoded.dictionary


@dataclass
class _Pending:
    """Problems of one kind found column-wise: built (and capped) later."""

    key: str
    column: int  # 0-based
    records: np.ndarray  # record indices
    make: Any  # record index (position in ``records``) → params dict


class FlowCSV:
    """``flows.csv`` read with pyarrow and checked column by column.

    The reference columns (``from``, ``to``, ``agreement``, the lists, ``channel``) are read
    dictionary-encoded: every check runs on a column's distinct values and reaches the cells through
    their codes, and a list column is split once per distinct cell text, not once per row. The ``id``
    column is sorted once; duplicates are neighbours in that order, and the order gives the flow
    tables their categorical dtype (``FlowTable.flow_dtype``).
    """

    def __init__(self, path: Path, raw: _Raw):
        self.path = path
        self.shown = raw.shown
        self.raw = raw
        self.table = None  # pyarrow.Table as read
        self.n = 0
        self.lines: np.ndarray = np.zeros(0, dtype=np.int64)  # 0-based line of each record
        self.columns: dict[str, int] = {}
        self.scalars: dict[str, tuple[np.ndarray, list[str]]] = {}  # column → (codes, distinct values)
        self.lists: dict[str, tuple[np.ndarray, list[str], np.ndarray, np.ndarray]] = {}  # → codes, distinct, row, position
        self.pending: list[_Pending] = []
        self.first_index = 0  # the number of YAML flows (for the path flows[n])
        self._ids = None  # pyarrow string array of the ids
        self._order: np.ndarray | None = None  # row numbers in id order
        self._sorted: np.ndarray | None = None  # the ids in sorted order (Python strings)
        self.table_frame: FlowTable | None = None

    # ---- reading
    def read(self, problems: list) -> None:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        raw = self.raw
        self.columns = _check_header(raw, list(FLOW_COLUMNS), FLOW_REQUIRED, "flows", problems)
        names = raw.header
        width = len(names)
        invalid: list[Any] = []

        def handler(row):  # a row with the wrong number of fields
            invalid.append(row)
            return "skip"

        id_column = self.columns.get("id")
        types = {f"c{j}": pa.string() if j == id_column else pa.dictionary(pa.int32(), pa.string()) for j in range(width)}
        try:
            table = pacsv.read_csv(
                pa.BufferReader(raw.data),
                read_options=pacsv.ReadOptions(column_names=[f"c{j}" for j in range(width)], skip_rows=1),
                parse_options=pacsv.ParseOptions(delimiter=raw.delimiter, newlines_in_values=b'"' in raw.data,
                                                 invalid_row_handler=handler),
                convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=False,
                                                     quoted_strings_can_be_null=False),
            )
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            problems.append(problem_at(self.shown, (0, 0), "csv_syntax", problem=str(exc).splitlines()[0][:200]))
            return
        import pyarrow.compute as pc

        first = table.column(0)  # a row of empty cells (``;;;;``) has an empty first cell: a cheap test first
        if table.num_rows and _any_blank(first):
            # rows of empty cells only: left out, as _record_lines leaves them out
            keep = None
            for j in range(width):
                filled = pc.not_equal(pc.utf8_trim_whitespace(pc.cast(table.column(j), pa.string())), "")
                keep = filled if keep is None else pc.or_(keep, filled)
            table = table.filter(keep)
        n = self.n = table.num_rows
        # The line of each record: the row number plus one when no value spans lines and no line is blank.
        newlines = raw.data.count(b"\n") + (0 if raw.data.endswith(b"\n") else 1)
        if invalid or newlines != n + 1:
            try:
                records, lines = _record_lines(raw)
            except CsvBroken as exc:
                problems.append(exc.problem)
                return
            good = [ln for rec, ln in zip(records, lines) if len(rec) == width]
            for rec, ln in zip(records, lines):
                if len(rec) != width:
                    problems.append(problem_at(self.shown, (ln, min(len(rec), width)), "csv_fields",
                                                      found=len(rec), expected=width))
            self.lines = np.asarray(good[:n] if len(good) >= n else good + [0] * (n - len(good)), dtype=np.int64)
        else:
            self.lines = np.arange(1, n + 1, dtype=np.int64)
        raw.data = b""  # the file's bytes are parsed: freed before the checks (hundreds of MB at a national scale)
        self.table = table.unify_dictionaries()
        for j, name in enumerate(names):  # a nameless column must stay empty
            if not name and n:
                codes, values = self._dictionary_at(j)
                filled = [k for k, v in enumerate(values) if v]
                if filled:
                    row = int(np.flatnonzero(np.isin(codes, filled))[0])
                    problems.append(problem_at(self.shown, (int(self.lines[row]), j), "csv_unnamed_value",
                                                      value=values[int(codes[row])][:60]))
        self._local_checks()
        self.raw = None  # the bytes are no longer needed

    def _dictionary(self, name: str) -> tuple[np.ndarray, list[str]]:
        """(codes, distinct values) of a dictionary-read column, values trimmed (codes merged if needed)."""
        return self._dictionary_at(self.columns[name])

    def _dictionary_at(self, j: int) -> tuple[np.ndarray, list[str]]:
        column = self.table.column(j)
        chunks = column.chunks
        if not chunks:
            return np.zeros(0, dtype=np.int64), []
        dictionary = chunks[0].dictionary.to_pylist()
        codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks]).astype(np.int64)
        trimmed = [v.strip() for v in dictionary]
        if trimmed != dictionary or len(set(trimmed)) != len(trimmed):
            remap, uniques = pd.factorize(pd.Series(trimmed, dtype=object))
            return remap[codes].astype(np.int64), list(uniques)
        return codes, dictionary

    def _items(self, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
        """A list column's items, split on whitespace as ``str.split`` does, without a Python object
        per cell: (each row's code of its distinct cell, the number of items of each distinct cell,
        the items of all distinct cells one after the other as codes into ``uniques``, the sorted
        distinct items). A file of a million different cells stays in Arrow's memory."""
        import pyarrow as pa
        import pyarrow.compute as pc

        chunks = self.table.column(j).chunks
        if not chunks:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), []
        cells = chunks[0].dictionary  # unified: one dictionary for every chunk
        cell_codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks]).astype(np.int64)
        parts = pc.split_pattern_regex(cells, WHITESPACE)
        items = pc.list_flatten(parts)
        owner = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False)
        keep = _np(pc.not_equal(items, ""))
        items, owner = items.filter(pa.array(keep)), owner[keep]
        distinct = pc.unique(items)
        distinct = distinct.take(pc.sort_indices(distinct))
        flat = pc.index_in(items, value_set=distinct).to_numpy(zero_copy_only=False).astype(np.int32)
        counts = np.bincount(owner, minlength=len(cells)).astype(np.int32)
        return cell_codes, counts, flat, distinct.to_pylist()

    def _local_checks(self) -> None:
        """Problems visible in the file alone: empty required values, malformed ids, empty lists."""
        import pyarrow as pa
        import pyarrow.compute as pc

        n = self.n
        # ids: checked on every value (they are all distinct)
        if "id" in self.columns:
            ids = self.table.column(self.columns["id"]).combine_chunks()
            well = _np(pc.match_substring_regex(ids, model.ID_PATTERN)) if n else np.zeros(0, dtype=bool)
            if not well.all():  # trim the cells only when some id does not match as it is
                ids = pc.utf8_trim_whitespace(ids)
                well = _np(pc.match_substring_regex(ids, model.ID_PATTERN))
            self._ids = ids
            empty = _np(pc.equal(ids, "")) if n and not well.all() else np.zeros(n, dtype=bool)
            rows = np.flatnonzero(empty)
            if len(rows):
                self._add("missing", "id", rows, lambda k: {"path": self.path_of(k), "field": "id"})
            if n:
                long = _np(pc.greater(pc.utf8_length(ids), MAX_ID))
                wrong = ~well & ~long & ~empty
                for key, sel in (("too_long", long), ("bad_id", wrong)):
                    rows = np.flatnonzero(sel)
                    if len(rows):
                        self._add(key, "id", rows, lambda k, key=key: {"path": f"{self.path_of(k)}.id", "limit": MAX_ID}
                                  if key == "too_long" else {"path": f"{self.path_of(k)}.id", "value": ids[k].as_py()})
            self._order = pc.sort_indices(ids).to_numpy()
            self._sorted = ids.take(pa.array(self._order)).to_numpy(zero_copy_only=False)
        else:
            self._ids = pa.array([""] * n, type=pa.string())
        # the other id columns, through their distinct values
        for name in ("from", "to", "agreement"):
            if name not in self.columns:
                continue
            codes, uniques = self._dictionary(name)
            self.scalars[name] = (codes, uniques)
            empty_u = np.array([u == "" for u in uniques], dtype=bool)
            if name in FLOW_REQUIRED and empty_u.any():
                rows = np.flatnonzero(empty_u[codes])
                self._add("missing", name, rows, lambda k, name=name: {"path": self.path_of(k), "field": name})
            self._id_problems(name, codes, uniques, ~empty_u[codes], None, None)
        for name in FLOW_LISTS:
            if name not in self.columns:
                continue
            cell_codes, counts, flat, uniques = self._items(self.columns[name])
            # Explode with 32-bit arrays: at a million rows every temporary array is tens of MB, and
            # fresh memory costs page faults (system time) as much as the arithmetic costs.
            starts = (np.cumsum(counts, dtype=np.int32) - counts) if len(counts) else np.zeros(0, dtype=np.int32)
            per_row = counts[cell_codes] if len(counts) else np.zeros(n, dtype=np.int32)
            parents = np.repeat(np.arange(n, dtype=np.int32), per_row)
            positions = np.arange(len(parents), dtype=np.int32)
            positions -= np.repeat(np.cumsum(per_row, dtype=np.int32) - per_row, per_row)
            codes = flat[np.repeat(starts[cell_codes], per_row) + positions] if len(parents) else np.zeros(0, dtype=np.int32)
            self.lists[name] = (codes, uniques, parents, positions)
            if name == "categories":
                rows = np.flatnonzero(per_row == 0)
                if len(rows):
                    self._add("too_short", name, rows, lambda k: {"path": f"{self.path_of(k)}.categories"})
            self._id_problems(name, codes, uniques, None, parents, positions)

    def path_of(self, k: int) -> str:
        ident = self._ids[k].as_py() if self._ids is not None else ""
        label = f" ({ident})" if ident else ""
        return f"flows[{self.first_index + int(k)}]{label}"

    def _id_problems(self, name, codes, uniques, mask, parents, positions) -> None:
        """bad_id / too_long for the ids of a column (or a flattened list column), given as codes into
        its distinct values ``uniques``."""
        if not len(uniques):
            return
        pattern = re.compile(model.ID_PATTERN)
        long_u = np.array([len(u) > MAX_ID for u in uniques], dtype=bool)
        wrong_u = np.array([not pattern.match(u) for u in uniques], dtype=bool) & ~long_u
        if not (long_u.any() or wrong_u.any()):
            return
        long, wrong = long_u[codes], wrong_u[codes]
        if mask is not None:
            long &= mask
            wrong &= mask
        for key, sel in (("too_long", long), ("bad_id", wrong)):
            idx = np.flatnonzero(sel)
            if not len(idx):
                continue
            rows = parents[idx] if parents is not None else idx

            def make(pos, idx=idx, rows=rows, key=key):
                k = int(rows[pos])
                path = f"{self.path_of(k)}.{name}"
                if positions is not None:
                    path += f"[{int(positions[idx[pos]])}]"
                if key == "too_long":
                    return {"path": path, "limit": MAX_ID}
                return {"path": path, "value": uniques[int(codes[idx[pos]])]}

            self._add(key, name, rows, make, by_position=True)

    def _add(self, key: str, column: str, rows: np.ndarray, make, by_position: bool = False) -> None:
        if by_position:
            self.pending.append(_Pending(key, self.columns[column], rows, make))
        else:
            self.pending.append(_Pending(key, self.columns[column], rows, lambda pos, rows=rows: make(int(rows[pos]))))

    def has_id(self, flow_id: str) -> bool:
        if self._sorted is None or not len(self._sorted):
            return False
        k = int(np.searchsorted(self._sorted, flow_id))
        return k < len(self._sorted) and self._sorted[k] == flow_id

    # ---- checks against the rest of the register
    def check(self, id_sections: dict[str, str], ids_by_section: dict[str, list[str]], origins: dict[str, Any],
              first_index: int, causes: list | None = None) -> None:
        """Dangling references and duplicate ids (within the file and with the YAML). A reference that
        dangles because a file could not be read is counted with that file's ``causes`` entry instead."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if self.table is None or "id" not in self.columns:
            return
        self.first_index = first_index
        ids = self._ids
        # Duplicate ids are neighbours in id order; the sort is stable, so the first of a run is the first row.
        srt, order = self._sorted, self._order
        same = (srt[1:] == srt[:-1]) & (srt[1:] != "") if len(srt) > 1 else np.zeros(0, dtype=bool)
        if same.any():
            run_start = np.maximum.accumulate(np.where(np.concatenate([[False], same]), 0, np.arange(len(srt))))
            later = np.flatnonzero(np.concatenate([[False], same]))
            rows, firsts = order[later], order[run_start[later]]
            self.pending.append(_Pending("duplicate_id", self.columns["id"], rows, lambda pos, rows=rows, firsts=firsts: {
                "path": f"{self.path_of(int(rows[pos]))}.id", "value": ids[int(rows[pos])].as_py(),
                "where": f"{self.shown}:{int(self.lines[firsts[pos]]) + 1}"}))
        in_yaml = _np(pc.is_in(ids, value_set=pa.array(list(id_sections), type=pa.string()))) if self.n else np.zeros(0, bool)
        rows = np.flatnonzero(in_yaml)
        if len(rows):
            self.pending.append(_Pending("duplicate_id", self.columns["id"], rows, lambda pos, rows=rows: {
                "path": f"{self.path_of(int(rows[pos]))}.id", "value": ids[int(rows[pos])].as_py(),
                "where": origins[ids[int(rows[pos])].as_py()].where()}))
        # References: checked on the distinct values of each column
        pattern = re.compile(model.ID_PATTERN)
        for name, targets in REFERENCES["flows"].items():
            if name not in self.columns:
                continue
            options = [x for s in targets for x in ids_by_section.get(s, [])]
            allowed = Msg("form_other", (("pattern", "/".join(targets)),))
            if name in FLOW_LISTS:
                codes, uniques, parents, positions = self.lists[name]
            else:
                (codes, uniques), parents, positions = self.scalars[name], None, None
            known = set(options)
            dangling_u = np.array([u not in known and bool(pattern.match(u)) for u in uniques], dtype=bool)
            if dangling_u.any() and causes:
                occurrences = np.bincount(codes, minlength=len(uniques))
                first = np.full(len(uniques), -1, dtype=np.int64)
                first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the first occurrence of each value
                for k in np.flatnonzero(dangling_u):
                    row = int(parents[first[k]]) if parents is not None else int(first[k])
                    if explain(causes, uniques[k], targets, f"{self.shown}:{int(self.lines[row]) + 1}", int(occurrences[k])):
                        dangling_u[k] = False
            if not dangling_u.any():
                continue
            idx = np.flatnonzero(dangling_u[codes])
            if not len(idx):
                continue
            rows = parents[idx] if parents is not None else idx

            def make(pos, idx=idx, rows=rows, codes=codes, uniques=uniques, positions=positions, name=name,
                     options=options, allowed=allowed):
                v = uniques[int(codes[idx[pos]])]
                path = f"{self.path_of(int(rows[pos]))}.{name}"
                if positions is not None:
                    path += f"[{int(positions[idx[pos]])}]"
                return {"path": path, "value": v, "allowed": allowed, "hint": did_you_mean(v, options)}

            self.pending.append(_Pending("dangling_ref", self.columns[name], rows, make))

    def problems(self) -> list:
        """The problems found, at most ``PROBLEM_CAP`` per kind (the first in file order), then a count."""
        out = []
        by_key: dict[str, list[_Pending]] = {}
        for p in self.pending:
            by_key.setdefault(p.key, []).append(p)
        for key, batch in by_key.items():
            # Only the first PROBLEM_CAP + 1 of each batch can be shown: candidates are taken per batch
            # (a million dangling references would otherwise make arrays of every one of them).
            lines, cols, which, pos = [], [], [], []
            for i, b in enumerate(batch):
                at = self.lines[b.records]
                first = np.arange(len(at)) if len(at) <= PROBLEM_CAP + 1 else \
                    np.argpartition(at, PROBLEM_CAP)[: PROBLEM_CAP + 1]
                lines.append(at[first])
                cols.append(np.full(len(first), b.column))
                which.append(np.full(len(first), i))
                pos.append(first)
            lines, cols, which, pos = (np.concatenate(a) for a in (lines, cols, which, pos))
            total = sum(len(b.records) for b in batch)
            order = np.lexsort((cols, lines))
            for o in order[:PROBLEM_CAP]:
                b = batch[which[o]]
                out.append(problem_at(self.shown, (int(lines[o]), int(cols[o])), key, **b.make(int(pos[o]))))
            if total > PROBLEM_CAP:
                o = order[PROBLEM_CAP]
                out.append(problem_at(self.shown, (int(lines[o]), int(cols[o])), "problems_capped",
                                       count=total - PROBLEM_CAP, kind=key))
        return out

    # ---- the table
    def frame(self) -> FlowTable:
        """The flows as tables: every column categorical, ``flow`` with the sorted ids as categories."""
        if self.table_frame is None:
            n = self.n

            def categorical(name: str, none_if_empty: bool = False) -> pd.Categorical:
                if name not in self.scalars and name != "channel":
                    return pd.Categorical.from_codes(np.full(n, -1), categories=pd.Index([], dtype=object))
                codes, uniques = self.scalars[name] if name != "channel" else self._dictionary("channel")
                cats = list(uniques)
                if none_if_empty and "" in cats:
                    empty = cats.index("")
                    codes = np.where(codes == empty, -1, codes - (codes > empty))
                    cats.pop(empty)
                return pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object))

            flow_dtype = pd.CategoricalDtype(pd.Index(pd.array(self._sorted, dtype=PYSTR)), ordered=False)
            flow_codes = np.empty(n, dtype=np.int64)
            flow_codes[self._order] = np.arange(n)
            flows = pd.DataFrame({
                "flow": pd.Categorical.from_codes(flow_codes, dtype=flow_dtype),
                "src": categorical("from"),
                "dst": categorical("to"),
                "agreement": categorical("agreement", none_if_empty=True),
                "channel": categorical("channel", none_if_empty=True) if "channel" in self.columns
                else pd.Categorical.from_codes(np.full(n, -1), categories=pd.Index([], dtype=object)),
            })
            exploded = {}
            for name, column in (("categories", "category"), ("purposes", "purpose"), ("subjects", "subject")):
                if name in self.lists:
                    codes, uniques, parents, _ = self.lists[name]
                    values = pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
                    exploded[name] = pd.DataFrame({"row": parents, column: values})
                else:
                    exploded[name] = pd.DataFrame({"row": np.zeros(0, dtype=np.int64),
                                                   column: pd.Categorical([], categories=pd.Index([], dtype=object))})
            self.table_frame = FlowTable(self.shown, flows, exploded["categories"], exploded["purposes"],
                                         exploded["subjects"], self.lines + 1, flow_dtype, flow_codes, self._order)
            self.table = None  # everything is in the frames now
        return self.table_frame


# --------------------------------------------------------------------------------------------------
# What the loader gets


@dataclass
class Bulk:
    """The bulk files of one register folder, read; ``store._build`` folds them into the register."""

    items: list[tuple] = field(default_factory=list)  # inventory rows, as YAML entries
    flows: FlowCSV | None = None
    problems: list = field(default_factory=list)  # problems found while reading
    # (problem, sections) for each file that could not be read: references into those sections are
    # counted with the problem instead of reported one by one (``store.Cause``)
    causes: list[tuple[Any, frozenset[str] | None]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items or self.flows is not None or self.problems)

    def has_flow(self, flow_id: str) -> bool:
        """Whether a bulk flow has this id (for YAML references such as a DPIA's ``flows``)."""
        return self.flows is not None and self.flows.has_id(flow_id)

    def check(self, id_sections, ids_by_section, origins, first_index: int, causes: list | None = None) -> list:
        if self.flows is None:
            return []
        self.flows.pending = [p for p in self.flows.pending if p.key not in ("duplicate_id", "dangling_ref")]
        self.flows.check(id_sections, ids_by_section, origins, first_index, causes or [])
        return self.flows.problems()

    def attach(self, register: Register) -> None:
        if self.flows is not None and (self.flows.table is not None or self.flows.table_frame is not None):
            register._flow_table = self.flows.frame()

    def where(self, entity_id: str) -> str | None:
        if self.flows is None or self.flows.table_frame is None:
            return None
        return self.flows.table_frame.where(entity_id)


def read_bulk(root: Path) -> Bulk:
    """Read the bulk files of the register folder ``root`` (nothing when there are none)."""
    root = Path(root)
    files, problems = csv_files(root)
    bulk = Bulk(problems=problems)
    for p in problems:  # a link out of the folder, a misnamed bulk file: its rows are not read
        hint = dict(p.params).get("hint")
        named = hint.params[0][1] if isinstance(hint, Msg) and hint.params else Path(p.file).stem
        bulk.causes.append((p, sections_named(named)))
    for name, path in files.items():
        shown = shown_path(root, path)
        before = len(bulk.problems)
        known = FLOW_COLUMNS if name == "flows" else _field_kinds(_models()[name])
        raw = _read_raw(path, shown, bulk.problems, known)
        if raw is None:
            bulk.causes.append((bulk.problems[before], frozenset([name])))
            continue
        if name == "flows":
            fc = FlowCSV(path, raw)
            fc.read(bulk.problems)
            bulk.flows = fc
            if fc.table is None or "id" not in fc.columns:
                cause = next((p for p in bulk.problems[before:] if p.key != "extra_forbidden"), None)
                if cause is not None:
                    bulk.causes.append((cause, frozenset([name])))
        else:
            bulk.items += _row_items(name, path, raw, bulk.problems)
            if "id" not in raw.columns or raw.broken:
                cause = next((p for p in bulk.problems[before:] if p.key != "extra_forbidden"), None)
                if cause is not None:
                    bulk.causes.append((cause, frozenset([name])))
    return bulk


def cap_problems(problems: list) -> list:
    """At most ``PROBLEM_CAP`` problems of one kind per CSV file (the first in file order), then a count."""
    groups: dict[tuple[str, str], list] = {}
    out = []
    for p in problems:
        if p.file.endswith(".csv") and p.key != "problems_capped":
            groups.setdefault((p.file, p.key), []).append(p)
        else:
            out.append(p)
    for (_file, key), ps in groups.items():
        ps = sorted(ps)
        out += ps[:PROBLEM_CAP]
        if len(ps) > PROBLEM_CAP:
            nxt = ps[PROBLEM_CAP]
            out.append(Problem(nxt.file, nxt.line, nxt.column, "problems_capped",
                                  (("count", len(ps) - PROBLEM_CAP), ("kind", key))))
    return out
