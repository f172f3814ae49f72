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
