"""Helpers the notebooks call: which register to open, and tables to show.

Notebooks stay thin: a cell calls one of these and shows the result.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from . import datamap, inventory, report, widgets  # noqa: F401 - the notebooks reach these as wb.*
from .i18n import t
from .model import Register
from .store import LoadedRegister, load
from .summary import counts

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "data" / "omo-helmond"
ENV_VAR = "DPIA_REGISTER"


def register_path(parameter: str | os.PathLike[str] | None = None) -> Path:
    """The register to open: the notebook's parameter, else $DPIA_REGISTER, else the bundled example.

    A relative path is taken from the repository root, so notebooks, papermill and nbval agree.
    """
    chosen = parameter or os.environ.get(ENV_VAR) or EXAMPLE
    path = Path(chosen)
    return path if path.is_absolute() else REPO / path


def open_register(parameter: str | os.PathLike[str] | None = None) -> LoadedRegister:
    return load(register_path(parameter))


def overview(register: Register, lang: str | None = None) -> pd.DataFrame:
    """Number of entities per kind, with a Dutch or English label, as a table for the notebook."""
    rows = [(t(f"count_{k}", lang), v) for k, v in counts(register).items()]
    col = t("overview_column", lang)
    return pd.DataFrame(rows, columns=[col, t("overview_count", lang)]).set_index(col)


def assess(loaded: LoadedRegister, on: str | dt.date | None = None):
    """Run the compliance check as of ``on`` (an ISO date string from a notebook parameter, or a date)."""
    from .check import check

    day = dt.date.fromisoformat(on) if isinstance(on, str) else on
    return check(loaded.register, day, loaded.where)


def show_figure(fig) -> None:
    """Show a matplotlib figure once in a notebook and free it (no duplicate output, no leaks)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(fig)
    plt.close(fig)


def problem_flows(result) -> set[str]:
    """Ids of the flows that open findings are about (the first subject of a finding)."""
    return {f.subjects[0] for f in result.open if f.subjects}


# ---- DPIA-level helpers for notebooks 00 and 04


def dpias_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    """The DPIAs in the register: id, title, status, scale."""
    rows = [
        (d.id, d.title.en if lang == "en" else d.title.nl, t(f"dpiastatus_{d.status.value}", lang), d.scale.value)
        for d in sorted(register.dpias, key=lambda d: d.id)
    ]
    cols = [t(f"col_{c}", lang) for c in ("id", "label", "status", "scale")]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.set_index(cols[0]) if rows else frame


def processings_table(register: Register, lang: str | None = None) -> pd.DataFrame:
    """Every processing of the register with its screening verdict and how it is settled (DPIA, decision
    or open), indexed by processing id (``dpia.processing``)."""
    from .processing import screening_table

    frame = screening_table(register, lang=lang)
    return frame.set_index(frame.columns[0]) if len(frame) else frame


def screening_text(loaded: LoadedRegister, dpia_id: str, lang: str | None = None) -> str:
    from .screening import screen, screening_text as text

    return text(screen(loaded.register, dpia_id), loaded.register, lang)


def risks_text(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> str:
    from .risk import risks_text as text

    return text(loaded.register, dpia_id, result.findings, lang)


def risk_table(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> pd.DataFrame:
    from .risk import assess
    from .risk import risk_table as table

    return table(assess(loaded.register, dpia_id, result.findings), lang)


def risk_map(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None):
    from .figures import risk_map as draw
    from .risk import assess
    from .scope import get_dpia

    return draw(assess(loaded.register, dpia_id, result.findings), get_dpia(loaded.register, dpia_id).scale, lang)


def action_plan_table(loaded: LoadedRegister, dpia_id: str, result, lang: str | None = None) -> pd.DataFrame:
    from .actionplan import action_plan
    from .actionplan import action_plan_table as table

    return table(action_plan(loaded.register, dpia_id, result.on), lang)
