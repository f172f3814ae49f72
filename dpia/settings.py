"""Which register, which DPIA and which assessment date: decided in one place for every face.

The notebooks, the report and the CLI ask these functions, so that the same register on the same date
gives the same findings everywhere. Each value is taken from the first of:

1. the explicit value (a notebook's parameters cell, papermill's ``-p``, a CLI option);
2. an environment variable: ``DPIA_REGISTER``, ``DPIA_ID``, ``DPIA_ON`` (nbval pins these, so the
   stored outputs are reproducible without a date written in any notebook);
3. the choice saved by the register picker of the start notebook (``.dpia-keuze.json`` at the
   repository root, or the file named by ``DPIA_CHOICE``) — register and DPIA only, never the date;
4. the default: the bundled example, the register's first DPIA (by id), today.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from dpia.model import Register
from dpia.i18n import t
from dpia.io.files import atomic_write

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
EXAMPLE = DATA / "omo-helmond"
ENV_REGISTER = "DPIA_REGISTER"
ENV_DPIA = "DPIA_ID"
ENV_ON = "DPIA_ON"
ENV_CHOICE = "DPIA_CHOICE"
CHOICE_FILE = REPO / ".dpia-keuze.json"


class BadSetting(ValueError):
    """A register, DPIA or date that cannot be used; ``key`` and ``params`` name it for :func:`dpia.i18n.t`."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(f"{key}: {params}")

    def render(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


def choice_file() -> Path:
    return Path(os.environ.get(ENV_CHOICE) or CHOICE_FILE)


def saved_choice() -> dict[str, str]:
    """The picker's saved choice (``register``, ``dpia``); empty when there is none or it is unreadable."""
    try:
        data = json.loads(choice_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if k in ("register", "dpia") and isinstance(v, str)} if isinstance(data, dict) else {}


def save_choice(register: str | os.PathLike[str], dpia: str | None) -> Path:
    """Remember the register and DPIA for the other notebooks (written atomically)."""
    path = choice_file()
    data = {"register": display_path(register_path(register)), "dpia": dpia}
    atomic_write(path, json.dumps({k: v for k, v in data.items() if v}, indent=2, sort_keys=True) + "\n")
    return path


def register_path(value: str | os.PathLike[str] | None = None) -> Path:
    """The register folder to open (see the module docstring for the order).

    A relative path is taken from the repository root, so notebooks, papermill and nbval agree.
    """
    chosen = value or os.environ.get(ENV_REGISTER) or saved_choice().get("register") or EXAMPLE
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else REPO / path


def assessment_date(value: str | dt.date | None = None) -> dt.date:
    """The date the assessment holds on: ``value``, else ``$DPIA_ON``, else today.

    Raises :class:`BadSetting` (naming the value and the format) for a date that is not YYYY-MM-DD.
    """
    if isinstance(value, dt.date):
        return value
    text = value or os.environ.get(ENV_ON)
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        source = ENV_ON if not value else "peildatum"
        raise BadSetting("setting_bad_date", source=source, value=text) from None


def dpia_id(register: Register, value: str | None = None) -> str | None:
    """The DPIA to show: ``value``, else ``$DPIA_ID``, else the picker's choice, else the first by id.

    A saved choice that is not in this register is passed over; an explicit one raises
    :class:`BadSetting` listing the DPIAs there are. ``None`` when the register holds no DPIA.
    """
    ids = sorted(d.id for d in register.dpias)
    explicit = value or os.environ.get(ENV_DPIA)
    if explicit:
        if explicit not in ids:
            raise BadSetting("setting_bad_dpia", value=explicit, allowed=", ".join(ids) or "—")
        return explicit
    saved = saved_choice().get("dpia")
    if saved in ids:
        return saved
    return ids[0] if ids else None


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the repository (or the home folder) when it lies inside it, for display."""
    p = Path(path).resolve()
    for base, prefix in ((REPO, ""), (Path.home(), "~/")):
        try:
            return prefix + p.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return p.as_posix()


def display_location(location: str) -> str:
    """A finding's ``file:line`` with the file shown as :func:`display_path` does."""
    path, sep, line = location.rpartition(":")
    if not sep or not line.isdigit():
        path, line = location, ""
    return display_path(path) + (f":{line}" if line else "")


def registers() -> list[Path]:
    """The register folders under ``data/`` (a folder with a ``register.yaml``), for the picker."""
    return sorted(p.parent for p in DATA.glob("*/register.yaml"))


@dataclass(frozen=True)
class Choice:
    """What a notebook works on: the register folder, the DPIA and the assessment date."""

    register: Path
    dpia: str | None
    on: dt.date
