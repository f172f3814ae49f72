"""Widget logic without a browser: build the widget, set values, assert the result."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from dpia.check import check
from dpia.io.store import load
from dpia.workbench.widgets import AgreementEditor, DataMapExplorer, finding_html, FindingsStepper, FlowEditor, WhatIf

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def test_datamap_filters_by_category_party_and_purpose(mini: Path) -> None:
    explorer = DataMapExplorer(load(mini), lang="en")
    assert explorer.flows == ["f-las-duo", "f-photos", "f-school-las"]
    explorer.category.value = "bsn"
    assert explorer.flows == ["f-las-duo"]
    assert explorer.count.value.split()[0] == "1"  # its wording: tests/test_plurals.py
    explorer.category.value = None
    explorer.party.value = "supplier"  # touches the system it runs
    assert explorer.flows == ["f-las-duo", "f-school-las"]
    explorer.purpose.value = "education"
    assert explorer.flows == ["f-school-las"]
    explorer.party.value = "duo"
    assert explorer.flows == []


def test_findings_stepper_steps_and_explains(tmp_path: Path) -> None:
    files = dict(MINI)
    files["more.yaml"] = textwrap.dedent(files["more.yaml"]).replace("    legal_basis: legal_obligation\n    legal_source: WVO 2020\n", "")
    result = check(load(write_register(tmp_path / "r", files)).register, ON)
    stepper = FindingsStepper(result, lang="en")
    assert stepper.current.code == "DPIA102"
    assert "Why it matters:" in stepper.panel.value and "purpose &#x27;bron&#x27; has no legal basis" in stepper.panel.value
    stepper.next.click()
    assert stepper.index == min(1, len(result.findings) - 1)
    stepper.go(99)
    assert stepper.index == len(result.findings) - 1
    stepper.previous.click()
    stepper.go(-5)
    assert stepper.index == 0


def test_finding_html_escapes_markup(tmp_path: Path) -> None:
    files = dict(MINI)
    files["more.yaml"] = textwrap.dedent(files["more.yaml"]).replace("    legal_basis: legal_obligation\n    legal_source: WVO 2020\n", "")
    result = check(load(write_register(tmp_path / "r", files)).register, ON)
    f = result.findings[0]
    f.params["purpose"] = "<script>alert(1)</script>"
    assert "<script>" not in finding_html(f, "en") and "&lt;script&gt;" in finding_html(f, "en")


def test_flow_editor_saves_and_rechecks(mini: Path) -> None:
    seen = []
    editor = FlowEditor(load(mini), on=ON, lang="en", on_saved=seen.append)
    editor.flow.value = "f-las-duo"
    assert editor.categories.value == ("bsn", "name")
    editor.categories.value = ("name",)
    assert editor.save() is True
    assert "Saved to more.yaml" in editor.status.value
    assert load(mini).register.flows[1].categories == ["name"]
    assert seen and seen[0] is editor.result
    # an edit that adds data the purpose does not need shows up in the new check
    editor.flow.value = "f-school-las"
    editor.categories.value = ("bsn", "care", "name")
    editor.save()
    assert "DPIA105/f-school-las" in [f.id for f in editor.result.findings]


def test_flow_editor_refuses_when_file_changed_and_keeps_both(mini: Path) -> None:
    editor = FlowEditor(load(mini), on=ON, lang="en")
    editor.flow.value = "f-las-duo"
    theirs = (mini / "more.yaml").read_text() + "# edited elsewhere\n"
    (mini / "more.yaml").write_text(theirs)
    editor.categories.value = ("name",)
    assert editor.save() is False
    assert "changed on disk" in editor.status.value
    assert "Your edit is still in the form" in editor.status.value
    assert (mini / "more.yaml").read_text() == theirs
    assert editor.categories.value == ("name",)  # the officer's edit is still in the form
    assert editor.save() is True  # and saves on the fresh file
    assert "# edited elsewhere" in (mini / "more.yaml").read_text()


def test_agreement_editor_changes_validity(mini: Path) -> None:
    editor = AgreementEditor(load(mini), on=ON, lang="nl")
    assert editor.valid_until.value == dt.date(2027, 12, 31)
    editor.valid_until.value = dt.date(2028, 6, 30)
    editor.deletion.value = False
    assert editor.save()
    a = load(mini).register.agreements[0]
    assert a.valid_until == dt.date(2028, 6, 30) and a.deletion_after_use is False
    assert "valid_until: 2028-06-30" in (mini / "more.yaml").read_text()
    assert editor.save() is False and editor.status.value == "Niets gewijzigd."


def test_what_if_lowers_residual_risk_without_writing(tmp_path: Path) -> None:
    import shutil

    from .conftest import EXAMPLE

    copy = tmp_path / "omo"
    shutil.copytree(EXAMPLE, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    loaded = load(copy)
    widget = WhatIf(loaded, "dpia-magister", check(loaded.register, ON), lang="nl")
    assert widget.boxes, "the Magister DPIA has planned measures"
    order = {"low": 0, "medium": 1, "high": 2}
    now = {a.risk: order[a.residual.value] for a in widget.assessments}
    for box in widget.boxes.values():
        box.value = True
    after = {a.risk: order[a.residual.value] for a in widget.assessments}
    assert all(after[r] <= now[r] for r in now) and any(after[r] < now[r] for r in now)
    assert "*" in widget.table.value  # assumed measures are marked in the table
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
