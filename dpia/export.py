"""Safe output to spreadsheets and files."""

from __future__ import annotations

import re
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
