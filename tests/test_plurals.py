"""Counts in the right plural, in both languages: "1 data flow", "1 gegevensstroom", "3 data flows"
(the catalogue's plural entries, dpia.i18n; before them these read "1 data flows", "1 gegevensstromen")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia.cli import main
from dpia.io.store import load
from dpia.workbench.widgets import DataMapExplorer

from .conftest import EXAMPLE

@pytest.mark.parametrize(("lang", "one", "many"), [("en", "1 data flow", "3 data flows"),
                                                   ("nl", "1 gegevensstroom", "3 gegevensstromen")])
def test_the_data_map_counts_its_flows_in_the_right_plural(mini: Path, lang: str, one: str, many: str) -> None:
    explorer = DataMapExplorer(load(mini), lang=lang)
    assert explorer.count.value == many
    explorer.category.value = "bsn"
    assert explorer.count.value == one


def test_the_breach_command_counts_the_flows_at_a_place_in_the_right_plural(capsys) -> None:
    assert main(["breach", str(EXAMPLE), "--at", "malmberg", "--on", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "; 1 gegevensstroom " in out and "1 gegevensstromen" not in out


def test_the_screening_counts_the_flows_of_a_processing_in_the_right_plural(tmp_path: Path, capsys) -> None:
    reg = tmp_path / "reg"
    reg.mkdir()
    (reg / "register.yaml").write_text(
        "controller: {id: board, name: Basisschool, sector: po}\n"
        "parties: [{id: las-leverancier, name: Leverancier, role: processor}]\n"
        "systems: [{id: las, name: ParnasSys, kind: pupil_administration, operated_by: las-leverancier}]\n"
        "data_categories: [{id: name, label: {nl: Naam, en: Name}, type: ordinary}]\n"
        "flows: [{id: f, from: board, to: las, categories: [name]}]\n", encoding="utf-8")
    assert main(["screen", str(reg), "--lang", "en"]) == 0
    assert "las (ParnasSys, 1 flow): " in capsys.readouterr().out
    assert main(["screen", str(reg), "--lang", "nl"]) == 0
    assert "las (ParnasSys, 1 stroom): " in capsys.readouterr().out
