"""Helpers the notebooks call: which register to open, and tables to show.

Notebooks stay thin: a cell calls one of these and shows the result.
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from dpia.i18n import t
from dpia.model import Register
from dpia.io.store import load, LoadedRegister
from dpia.analysis.summary import counts

from dpia.settings import assessment_date, display_path, dpia_id, register_path  # one place decides register and date
from dpia.workbench.display import readable
from dpia.analysis.actionplan import action_plan
from dpia.analysis.breach import moment_of
from dpia.analysis.processing import screening_table
from dpia.analysis.risk import risk_table as table
from dpia.analysis.scope import get_dpia
from dpia.analysis.screening import screen, screening_text as text
from dpia.documents.figures import risk_map as draw, show_figure as show
from dpia.workbench.history import VersionDiff
from dpia.workbench.suppliers import supplier_overview, SupplierOverview
from dpia.workbench.widgets import recheck


def open_register(parameter: str | os.PathLike[str] | None = None) -> LoadedRegister:
    """Open the register of the parameters cell, else ``$DPIA_REGISTER``, the picker's choice or the example."""
    return load(register_path(parameter))


def chosen_dpia(loaded: LoadedRegister, parameter: str | None = None) -> str | None:
    """The DPIA of the parameters cell, else ``$DPIA_ID``, the picker's choice, or the register's first."""
    return dpia_id(loaded.register, parameter)


class Header:
    """The line at the top of every notebook: which register, which DPIA, which assessment date.

    Its text form names the register by its controller, so the stored output (compared by nbval) does
    not depend on where the folder lies; the HTML form adds the folder, relative to the repository.
    """

    def __init__(self, loaded: LoadedRegister, result, dpia_id: str | None, lang: str | None = None):
        self.fields = [
            (t("header_register", lang), loaded.register.controller.name),
            (t("header_folder", lang), display_path(loaded.root)),
            (t("header_dpia", lang), dpia_id or "—"),
            (t("header_on", lang), result.on.isoformat()),
        ]

    def __repr__(self) -> str:
        return " · ".join(f"{k}: {v}" for k, v in self.fields[:1] + self.fields[2:])

    def _repr_html_(self) -> str:
        import html

        cells = "".join(f"<th>{html.escape(k)}</th><td>{html.escape(v)}</td>" for k, v in self.fields)
        return f'<table class="dpia-header"><tr>{cells}</tr></table>'


def header(loaded: LoadedRegister, result, dpia_id: str | None = None, lang: str | None = None) -> Header:
    return Header(loaded, result, dpia_id, lang)


def overview(register: Register, lang: str | None = None) -> pd.DataFrame:
    """Number of entities per kind, with a Dutch or English label, as a table for the notebook."""
    rows = [(t(f"count_{k}", lang), v) for k, v in counts(register).items()]
    col = t("overview_column", lang)
    return pd.DataFrame(rows, columns=[col, t("overview_count", lang)]).set_index(col)


def assess(loaded: LoadedRegister, on: str | dt.date | None = None):
    """Run the compliance check as of ``on`` (a notebook parameter), else ``$DPIA_ON``, else today. The
    check after an edit in one of the workbench's editors starts from this one (``widgets.recheck``)."""
    return recheck(loaded, assessment_date(on))


def show_figure(fig) -> None:
    """Show a matplotlib figure once in a notebook, as a picture, and free it (see
    :func:`dpia.documents.figures.show_figure`)."""
    show(fig)


def problem_flows(result) -> set[str]:
    """Ids of the flows that open findings are about (the first subject of a finding)."""
    return {f.subjects[0] for f in result.open if f.subjects}


# ---- DPIA-level helpers for notebooks 00 and 04


def dpias_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    """The DPIAs in the register: id, title, status, scale."""
    rows = [
        (d.id, d.title.pick(lang), t(f"dpiastatus_{d.status.value}", lang), d.scale.value)
        for d in sorted(register.dpias, key=lambda d: d.id)
    ]
    cols = [t(f"col_{c}", lang) for c in ("id", "label", "status", "scale")]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.set_index(cols[0]) if rows else frame


def processings_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    """Every processing of the register with its screening verdict and how it is settled (DPIA, decision
    or open), indexed by processing id (``dpia.analysis.processing``)."""
    frame = screening_table(register, lang=lang)
    return frame.set_index(frame.columns[0]) if len(frame) else frame


def screening_text(loaded: LoadedRegister, dpia_id: str, lang: str | None = None) -> str:
    return text(screen(loaded.register, dpia_id), loaded.register, lang)


def risks_text(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> str:
    from dpia.analysis.risk import risks_text as text

    return text(loaded.register, dpia_id, result.findings, lang)


def risk_table(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> pd.DataFrame:
    from dpia.analysis.risk import assess
    return table(assess(loaded.register, dpia_id, result.findings), lang)


def risk_map(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None):
    from dpia.analysis.risk import assess
    return draw(assess(loaded.register, dpia_id, result.findings), get_dpia(loaded.register, dpia_id).scale, lang)


def action_plan_table(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> pd.DataFrame:
    from dpia.analysis.actionplan import action_plan_table as table

    return table(action_plan(loaded.register, dpia_id, result.on), lang)


def findings_of(result, theme: str, lang: str | None = None, register: Register | None = None) -> pd.DataFrame:
    """The findings of one theme of rules (``breaches``, ``promises`` ...): rule, severity and the
    message, named for the officer ("Name (id)") when the register is given."""
    rows = [{t("widget_col_finding", lang): f.id, t("widget_col_severity", lang): t(f"severity_{f.severity.value}", lang),
             t("widget_col_message", lang): f.message(lang, register) if register is not None else f.message(lang)}
            for f in result.findings if f.rule.theme == theme]
    return pd.DataFrame(rows, columns=[t("widget_col_finding", lang), t("widget_col_severity", lang), t("widget_col_message", lang)])


def breach_moment(result) -> dt.datetime:
    """The moment the breach notebook counts the 72 hours to: the end of the assessment date (Dutch
    time), or now when that date is today (``dpia.analysis.breach.moment_of``)."""
    return moment_of(result.on)


def history(loaded: LoadedRegister, result, lang: str | None = None):
    """The widget of notebook 08: pick an earlier version of the register from its git history and see
    what changed since (``dpia.workbench.history.VersionDiff``)."""
    return VersionDiff(loaded.root, result.on, lang)


# ---- the supplier overview of the start notebook (dpia.workbench.suppliers)


def supplier_table(loaded: LoadedRegister, result, lang: str | None = None):
    """Every supplier with its role, systems, data, agreement, DPIA and open findings, in full."""
    return readable(supplier_overview(loaded.register, result, lang))


def supplier_explorer(loaded: LoadedRegister, result, lang: str | None = None, export_to: str = "leveranciers.xlsx"):
    """The same table with a search box, a role filter, a sort choice and an export to Excel."""
    return SupplierOverview(loaded.register, result, lang, export_to, loaded.protected_paths())
