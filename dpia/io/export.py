"""Safe output to spreadsheets and files."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A spreadsheet cell that never runs as a formula: text starting with = + - @ (or a tab/CR) gets a
    leading apostrophe, as OWASP advises for CSV injection.

    >>> safe_cell("=HYPERLINK('http://x')")
    "'=HYPERLINK('http://x')"
    >>> safe_cell("Magister")
    'Magister'
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, default: str = "export") -> str:
    """A file name without path separators, control characters or a leading dot.

    >>> safe_filename("../../etc/passwd")
    'etc_passwd'
    >>> safe_filename("rapport MR 2026.html")
    'rapport_MR_2026.html'
    """
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    base = "_".join(parts)
    cleaned = _UNSAFE_NAME.sub("_", base).strip("._")
    return cleaned[:120] or default


def restore_cell(value: Any) -> Any:
    """Undo ``safe_cell`` when reading a spreadsheet back: ``'=x`` becomes ``=x`` again.

    Only an apostrophe that guards a formula character is removed; any other text is kept as it is.

    >>> restore_cell("'=HYPERLINK('http://x')")
    "=HYPERLINK('http://x')"
    >>> restore_cell("'t Hofke")
    "'t Hofke"
    """
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


# --------------------------------------------------------------------------------------------------
# Spreadsheet files: CSV for Excel, and XLSX with the same bytes for the same register.

# The date written into an XLSX's document properties and into its zip entries. openpyxl would write
# the current time, so two exports of the same register would differ; a fixed date keeps them identical
# (and a diff of two exports a diff of the register).
FIXED_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
CREATOR = "dpia-workbench"
MAX_CELL_CHARS = 32767  # Excel's limit for the text in one cell


def csv_delimiter(lang: str | None) -> str:
    """The separator Excel expects in the reader's locale: ';' for Dutch (the decimal sign there is a
    comma, so Dutch Excel's list separator is a semicolon), ',' otherwise."""
    return ";" if (lang or "nl") == "nl" else ","


def csv_text(header: list[str], rows: Iterable[list[Any]], delimiter: str = ",", line_end: str = "\n") -> str:
    r"""CSV text with every cell through ``safe_cell``: the one CSV writer of every command.

    >>> csv_text(["name"], [["=cmd|' /C calc'!A0"], ["+31 6"]])
    "name\n'=cmd|' /C calc'!A0\n'+31 6\n"
    """
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(_csv_value(v)) for v in row])
    return buf.getvalue()


def csv_bytes(header: list[str], rows: list[list[Any]], delimiter: str = ";") -> bytes:
    """A CSV file as Excel opens it cleanly: UTF-8 with a byte-order mark, CRLF line ends, every cell
    through ``safe_cell``. Without the BOM Excel reads UTF-8 as Windows-1252 (ë becomes Ã«)."""
    return ("\ufeff" + csv_text(header, rows, delimiter, "\r\n")).encode("utf-8")


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def xlsx_bytes(sheets: list[tuple[str, list[str], list[list[Any]]]], max_width: int = 60) -> bytes:
    """An XLSX workbook with one sheet per ``(title, header, rows)``, byte for byte the same for the
    same input.

    Each sheet has a bold, frozen header row, an autofilter and column widths fitted to the content
    (at most ``max_width`` characters). Every cell goes through ``safe_cell`` and text is stored as
    text, so no cell ever holds a formula.
    """
    import datetime as dt
    import io
    import zipfile

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    wb.remove(wb.active)
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, header, rows in sheets:
        ws = wb.create_sheet(title=title[:31])
        widths = [len(str(h)) for h in header]
        for c, h in enumerate(header, start=1):
            cell = ws.cell(row=1, column=c, value=safe_cell(str(h)))
            cell.data_type = "s"
            cell.font = bold
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                value = safe_cell(value)
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    # control characters (other than tab and line breaks) cannot be stored in XLSX
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                    if len(value) > MAX_CELL_CHARS:  # Excel refuses a longer cell as corrupt
                        value = value[: MAX_CELL_CHARS - 1] + "…"
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
                    cell.alignment = wrap
                elif isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = "yyyy-mm-dd"
                text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
                longest = max((len(line) for line in text.splitlines()), default=0)
                if c - 1 < len(widths):
                    widths[c - 1] = max(widths[c - 1], longest)
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), max_width)
        ws.freeze_panes = "A2"
        if header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # not openpyxl.save_workbook: that stamps the current time
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``FIXED_TIMESTAMP`` (zip entries carry the time written)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
