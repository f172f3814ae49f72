"""Round trips: what the tool exports as a register it reads back as the same register.

``dpia export-register`` writes the import layout; ``dpia import`` of that workbook gives a register
whose check is identical (the findings' places differ: other files, by design). The Art. 30 export is
a report for people, not meant to be read back (docs/art30-spreadsheet.md), so it has no round trip.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from dpia.check import as_json, check
from dpia.cli import main
from dpia.io.importer import read_register, register_xlsx
from dpia.io.store import load

from .conftest import EXAMPLE
from .strategies import build, registers

ON = dt.date(2026, 11, 29)


def findings(text: str) -> dict:
    doc = json.loads(text)
    doc.pop("register", None)
    for f in doc["findings"]:
        f.pop("location", None)
    return doc


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_an_exported_register_reads_back_as_itself(data) -> None:
    register = build(data)
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "register.xlsx"
        workbook.write_bytes(register_xlsx(register))
        back = read_register(workbook)
    assert back == register
    assert as_json(check(back, ON), "nl") == as_json(check(register, ON), "nl")


def test_the_example_exported_and_imported_checks_the_same(tmp_path: Path, capsys) -> None:
    workbook, folder = tmp_path / "register.xlsx", tmp_path / "terug"
    assert main(["export-register", str(EXAMPLE), "-o", str(workbook)]) == 0
    assert main(["import", str(workbook), "-o", str(folder)]) == 0
    capsys.readouterr()
    main(["check", str(EXAMPLE), "--on", ON.isoformat(), "--format", "json"])
    before = findings(capsys.readouterr().out)
    main(["check", str(folder), "--on", ON.isoformat(), "--format", "json"])
    after = findings(capsys.readouterr().out)
    assert after == before and before["findings"]
    assert load(folder).register.controller.privacy_policy == load(EXAMPLE).register.controller.privacy_policy
