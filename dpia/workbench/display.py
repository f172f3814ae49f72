"""Readable notebook output: tables with their full cell text, wrapped, and plain text as text.

pandas shows a long cell cut off with "…" and a wide table as a run of monospace blocks; the officer
and the MR read sentences (finding messages, purposes, notes), so these objects show every cell in
full: wrapped in HTML (JupyterLab), and as the whole table in the text form that nbval compares.
"""

from __future__ import annotations

import html

import pandas as pd

TABLE_STYLES = [
    {"selector": "", "props": [("border-collapse", "collapse"), ("font-size", "0.9em")]},
    {"selector": "th, td", "props": [("text-align", "left"), ("vertical-align", "top"), ("padding", "0.25em 0.6em"),
                                     ("border-bottom", "1px solid #ddd"), ("white-space", "normal"),
                                     ("max-width", "40em"), ("overflow-wrap", "anywhere")]},
    {"selector": "thead th", "props": [("background", "#f3f3f3"), ("font-weight", "bold")]},
]


class Table:
    """A DataFrame shown in full: every row, every column, every character of every cell."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def text(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.max_columns", None, "display.max_rows", None,
                               "display.width", 10_000):
            return self.frame.to_string(na_rep="—")

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return self.frame.style.set_table_styles(TABLE_STYLES).format(na_rep="—").to_html()


def readable(frame: pd.DataFrame) -> Table:
    """``frame`` as a :class:`Table` for a notebook cell."""
    return Table(frame)


class Text:
    """Plain text (a summary, a screening) shown as wrapped text, not a cut-off monospace block."""

    def __init__(self, text: str):
        self.value = text

    def __repr__(self) -> str:
        return self.value

    def _repr_html_(self) -> str:
        return f'<div style="white-space: pre-wrap; line-height: 1.5">{html.escape(self.value)}</div>'
