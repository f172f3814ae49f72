"""Safe output to spreadsheets and files."""

from __future__ import annotations

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
