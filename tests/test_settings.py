"""One register, one DPIA and one assessment date for notebooks, report and CLI (dpia.settings)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dpia import settings
from dpia.io.store import load

from .conftest import EXAMPLE, ROOT


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in (settings.ENV_REGISTER, settings.ENV_DPIA, settings.ENV_ON):
        monkeypatch.delenv(name, raising=False)
    choice = tmp_path / "choice.json"
    monkeypatch.setenv(settings.ENV_CHOICE, str(choice))
    return choice


def test_the_date_is_the_parameter_else_the_environment_else_today(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.assessment_date() == dt.date.today()
    monkeypatch.setenv("DPIA_ON", "2026-12-01")
    assert settings.assessment_date() == dt.date(2026, 12, 1)
    assert settings.assessment_date("2027-01-15") == dt.date(2027, 1, 15)
    assert settings.assessment_date(dt.date(2025, 5, 5)) == dt.date(2025, 5, 5)


def test_a_bad_date_names_its_source_value_and_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DPIA_ON", "29-11-2026")
    with pytest.raises(settings.BadSetting) as info:
        settings.assessment_date()
    assert info.value.render("en") == "DPIA_ON: '29-11-2026' is not a valid date; use YYYY-MM-DD, for example 2026-08-01"
    with pytest.raises(settings.BadSetting) as info:
        settings.assessment_date("morgen")
    assert "peildatum: 'morgen' is geen geldige datum" in info.value.render("nl")


def test_register_and_dpia_follow_parameter_environment_choice_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clean_env: Path) -> None:
    reg = load(EXAMPLE).register
    ids = sorted(d.id for d in reg.dpias)
    assert settings.register_path() == settings.EXAMPLE
    assert settings.dpia_id(reg) == ids[0]
    # the picker's choice
    settings.save_choice(EXAMPLE, ids[-1])
    assert json.loads(clean_env.read_text()) == {"register": "data/omo-helmond", "dpia": ids[-1]}
    assert settings.dpia_id(reg) == ids[-1]
    # the environment beats the choice, the parameter beats both
    monkeypatch.setenv("DPIA_ID", ids[0])
    monkeypatch.setenv("DPIA_REGISTER", str(tmp_path))
    assert settings.dpia_id(reg) == ids[0] and settings.register_path() == tmp_path
    assert settings.dpia_id(reg, ids[-1]) == ids[-1]
    assert settings.register_path("data/x") == ROOT / "data" / "x"  # relative to the repository
    with pytest.raises(settings.BadSetting) as info:
        settings.dpia_id(reg, "dpia-nope")
    assert info.value.render("en") == f"DPIA 'dpia-nope' is not in this register; choose from: {', '.join(ids)}"


def test_a_saved_dpia_of_another_register_is_passed_over(clean_env: Path) -> None:
    clean_env.write_text(json.dumps({"register": "data/omo-helmond", "dpia": "dpia-elsewhere"}))
    reg = load(EXAMPLE).register
    assert settings.dpia_id(reg) == sorted(d.id for d in reg.dpias)[0]
    clean_env.write_text("{not json")
    assert settings.saved_choice() == {}


def test_display_path_is_relative_to_the_repository() -> None:
    assert settings.display_path(EXAMPLE) == "data/omo-helmond"
    assert EXAMPLE in settings.registers()


def test_the_reviewed_date_is_pinned_the_same_in_makefile_and_nbval() -> None:
    makefile = (ROOT / "Makefile").read_text()
    pinned = re.search(r"^REVIEWED_ON := (\S+)", makefile, re.M).group(1)
    conftest = (ROOT / "notebooks" / "conftest.py").read_text()
    assert f'REVIEWED_ON = "{pinned}"' in conftest
    assert "$(REVIEWED) $(BIN)/python -m pytest $(NBVAL) notebooks" in makefile
    for nb in sorted((ROOT / "notebooks").glob("0[0-4]_*.ipynb")):
        sources = ["".join(c["source"]) for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
        assert not [s for s in sources if re.search(r"\d{4}-\d{2}-\d{2}", s)], f"{nb.name} hard-codes a date"


def test_locations_are_shown_relative_to_the_repository() -> None:
    assert settings.display_location(f"{EXAMPLE}/flows.yaml:124") == "data/omo-helmond/flows.yaml:124"
    assert settings.display_location(str(EXAMPLE)) == "data/omo-helmond"
