"""The "new supplier" wizard, the live views and the register picker, driven as the officer would:
set values, click buttons, read what the widget says."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from dpia import settings
from dpia.io.store import load
from dpia.workbench.controls import CheckList, slug
from dpia.workbench.widgets import LiveViews, RegisterPicker, SupplierWizard

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


@pytest.fixture
def omo(tmp_path: Path) -> Path:
    copy = tmp_path / "omo"
    shutil.copytree(EXAMPLE, copy)
    return copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def fill_leerapp(wizard: SupplierWizard) -> None:
    """The issue's example: an app receiving name, class and results of pupils under 16, for education."""
    wizard.name.value = "LeerApp B.V."
    wizard.categories.value = ("name", "class_group", "grades")
    wizard.purposes.value = ("p-education",)
    wizard.subjects.value = ("pupils-under-16",)
    wizard.system_kind.value = "learning_platform"


def test_preview_shows_the_findings_the_supplier_would_cause_and_saves_nothing(omo: Path) -> None:
    before = snapshot(omo)
    loaded = load(omo)
    wizard = SupplierWizard(loaded, ON, "nl")
    fill_leerapp(wizard)
    assert wizard.party_id.value == "leerapp" and wizard.system_name.value == "LeerApp B.V."
    wizard.with_agreement.value = False
    wizard.preview_button.click()
    # a processor without agreement, and a new processing of children's data that likely needs a DPIA
    assert [f.id for f in wizard.new_findings] == ["DPIA201/f-omo-helmond-leerapp", "DPIA966/leerapp-app"]
    assert "Nog niet opgeslagen" in wizard.status.value and "DPIA201" in wizard.findings.value
    assert snapshot(omo) == before
    assert "leerapp" not in {p.id for p in loaded.register.parties}  # nothing stays in memory


def test_saving_adds_party_system_flow_and_agreement_keeping_every_comment(omo: Path) -> None:
    before = {name: data.decode() for name, data in snapshot(omo).items()}
    seen = []
    wizard = SupplierWizard(load(omo), ON, "nl", on_saved=seen.append)
    fill_leerapp(wizard)
    wizard.valid_from.value = dt.date(2026, 8, 1)
    wizard.security_annex.value = "Beveiligingsbijlage LeerApp 2026"
    wizard.privacy_annex.value = "2026.1"
    wizard.save_button.click()
    assert "Opgeslagen in agreements.yaml, flows.yaml, parties.yaml, systems.yaml" in wizard.status.value
    assert seen and seen[0] is wizard.result
    reg = load(omo).register
    flow = next(f for f in reg.flows if f.id == "f-omo-helmond-leerapp")
    assert (flow.to, flow.agreement, flow.categories) == ("leerapp-app", "va-leerapp", ["class_group", "grades", "name"])
    assert next(s for s in reg.systems if s.id == "leerapp-app").operated_by == "leerapp"
    agreement = next(a for a in reg.agreements if a.id == "va-leerapp")
    assert agreement.valid_from == dt.date(2026, 8, 1) and agreement.security_annex == "Beveiligingsbijlage LeerApp 2026"
    assert not [f for f in wizard.result.open if "leerapp" in f.id and f.code in ("DPIA201", "DPIA202")]
    after = {name: data.decode() for name, data in snapshot(omo).items()}
    for name, text in before.items():
        assert comments(text) == comments(after[name]), name  # every comment kept, in order
    assert "    location: {country: NL}\n    notes: Maakt pasfoto" in after["parties.yaml"]
    assert re.search(r"  - id: leerapp\n    name: LeerApp B.V.\n    role: processor\n    location: \{country: NL\}\n\n  # ---- independent",
                     after["parties.yaml"])


def test_saving_twice_never_adds_twice(omo: Path) -> None:
    wizard = SupplierWizard(load(omo), ON, "nl")
    fill_leerapp(wizard)
    assert wizard.save() is True
    once = snapshot(omo)
    wizard.save_button.click()
    assert "&#x27;leerapp&#x27; staat al in het register" in wizard.status.value
    assert snapshot(omo) == once
    again = SupplierWizard(load(omo), ON, "en")  # the notebook run again: a fresh wizard, same supplier
    fill_leerapp(again)
    assert again.save() is False and "already in the register" in again.status.value
    assert snapshot(omo) == once


def test_a_refused_save_explains_in_the_chosen_language_and_leaves_nothing_in_memory(omo: Path) -> None:
    before = snapshot(omo)
    loaded = load(omo)
    wizard = SupplierWizard(loaded, ON, "nl")
    fill_leerapp(wizard)
    wizard.country.value = "Nederland"  # not an ISO country code
    wizard.save_button.click()
    assert "parties.yaml" in wizard.status.value and "location.country" in wizard.status.value
    assert "&#x27;NEDERLAND&#x27;" in wizard.status.value
    assert "Traceback" not in wizard.status.value
    assert snapshot(omo) == before
    assert "leerapp" not in {p.id for p in loaded.register.parties}
    assert "f-omo-helmond-leerapp" not in {f.id for f in loaded.register.flows}
    wizard.name.value = ""
    wizard.save_button.click()
    assert wizard.status.value == "Vul de naam van de partij in."


def test_an_unexpected_error_is_a_message_not_a_traceback(omo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load(omo)
    wizard = SupplierWizard(loaded, ON, "en")
    fill_leerapp(wizard)
    monkeypatch.setattr(loaded, "save", lambda: (_ for _ in ()).throw(RuntimeError("disk on fire")))
    wizard.save_button.click()  # must not raise
    assert wizard.status.value == "That did not work: disk on fire. Nothing was saved."
    assert "leerapp" not in {p.id for p in loaded.register.parties}


def test_live_views_follow_a_save(omo: Path) -> None:
    from dpia.check import check

    loaded = load(omo)
    views = LiveViews(loaded, check(loaded.register, ON, loaded.where), "nl")
    stepper = views.stepper()
    flows = views.flow_editor()
    agreements = views.agreement_editor()
    wizard = views.supplier_wizard()
    fill_leerapp(wizard)
    wizard.with_agreement.value = False
    assert wizard.save()
    assert views.result is wizard.result
    assert "DPIA201/f-omo-helmond-leerapp" in [f.id for f in stepper.findings]
    assert "f-omo-helmond-leerapp" in [v for _, v in flows.flow.options]
    # the agreement editor sees new agreements after the next supplier is saved with one
    second = views.supplier_wizard()
    second.name.value = "Toetsbureau"
    second.categories.value = ("name",)
    second.purposes.value = ("p-education",)
    assert second.save()
    assert "va-toetsbureau" in [v for _, v in agreements.agreement.options]
    assert "toetsbureau" in [v for _, v in wizard.processor_of.options]  # the first wizard's lists follow too


def test_checklist_keeps_the_other_choices() -> None:
    box = CheckList([("Naam (name)", "name"), ("BSN (bsn)", "bsn"), ("Klas (class_group)", "class_group")], "Gegevens", ("name",))
    box.boxes["bsn"].value = True
    assert box.value == ("name", "bsn")
    box.value = ("class_group",)
    assert box.value == ("class_group",)


def test_checklist_new_options_keep_the_ticks_and_the_boxes_of_options_that_remain() -> None:
    box = CheckList([("Naam (name)", "name"), ("BSN (bsn)", "bsn")], "Gegevens", ("bsn",))
    bsn = box.boxes["bsn"]
    box.set_options([("BSN-nummer (bsn)", "bsn"), ("Klas (class_group)", "class_group"), ("Naam (name)", "name")])
    assert box.value == ("bsn",)
    assert box.boxes["bsn"] is bsn and bsn.description == "BSN-nummer (bsn)"  # renamed, not rebuilt
    assert [b.description for b in box.grid.children] == ["BSN-nummer (bsn)", "Klas (class_group)", "Naam (name)"]
    box.set_options([("Klas (class_group)", "class_group")])
    assert box.value == () and list(box.grid.children) == [box.boxes["class_group"]]


def test_slug_makes_an_id_without_the_legal_form() -> None:
    assert [slug("LeerApp B.V."), slug("Microsoft Ireland Operations Ltd."), slug("Café Noord & Zn")] == \
        ["leerapp", "microsoft-ireland-operations", "cafe-noord-zn"]


def test_register_picker_saves_the_choice_for_the_other_notebooks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    choice = tmp_path / "choice.json"
    monkeypatch.setenv("DPIA_CHOICE", str(choice))
    monkeypatch.delenv("DPIA_REGISTER", raising=False)
    monkeypatch.delenv("DPIA_ID", raising=False)
    picker = RegisterPicker(load(EXAMPLE), None, "nl")
    assert settings.display_path(EXAMPLE) in [label for label, _ in picker.register.options]
    ids = [v for _, v in picker.dpia.options]
    assert ids == sorted(d.id for d in load(EXAMPLE).register.dpias) and picker.dpia.value == ids[0]
    assert not choice.exists()  # building the picker (running the notebook) writes nothing
    picker.dpia.value = ids[-1]
    picker.use.click()
    assert json.loads(choice.read_text()) == {"register": "data/omo-helmond", "dpia": ids[-1]}
    assert "Gekozen: register data/omo-helmond" in picker.status.value
    assert settings.dpia_id(load(EXAMPLE).register) == ids[-1]
    monkeypatch.setenv("DPIA_REGISTER", str(EXAMPLE))
    picker.use.click()
    assert "DPIA_REGISTER is gezet" in picker.status.value


def test_remover_refuses_while_referred_to_and_deletes_when_free(omo: Path) -> None:
    from dpia.workbench.widgets import EntityRemover

    loaded = load(omo)
    seen = []
    remover = EntityRemover(loaded, ON, "nl", on_saved=seen.append)
    remover.entry.value = "iddink"
    # the Magister agreement, its two sub-processors, the system, and the breach Iddink reported
    assert "&#x27;iddink&#x27; kan niet worden verwijderd: 5 verwijzingen" in remover.status.value
    assert "systeem magister (operated_by)" in remover.status.value
    before = snapshot(omo)
    remover.confirm.value = True
    remover.delete_button.click()
    assert snapshot(omo) == before and "iddink" in {p.id for p in loaded.register.parties}
    remover.entry.value = "reisbureau"  # the unused travel agency (DPIA802)
    assert remover.status.value == ""
    remover.delete_button.click()
    assert remover.status.value == "Vink eerst aan dat u dit item wilt verwijderen."
    remover.confirm.value = True
    remover.delete_button.click()
    assert remover.status.value.startswith("&#x27;reisbureau&#x27; is verwijderd.")
    assert "reisbureau" not in {p.id for p in load(omo).register.parties}
    assert "reisbureau" not in [v for _, v in remover.entry.options]
    assert seen and not [f for f in seen[0].findings if f.code == "DPIA802"]
    comments_before = comments(before["parties.yaml"].decode())
    assert comments((omo / "parties.yaml").read_text()) == comments_before
    remover.kind.value = "measures"
    assert all(v.startswith("m-") for _, v in remover.entry.options)


def leerapp_without_agreement(omo: Path) -> SupplierWizard:
    """A wizard that saved LeerApp without an agreement, and has it chosen as the party now."""
    wizard = SupplierWizard(load(omo), ON, "nl")
    fill_leerapp(wizard)
    wizard.with_agreement.value = False
    assert wizard.save()
    assert "DPIA201/f-omo-helmond-leerapp" in [f.id for f in wizard.result.open]
    wizard.existing.value = "leerapp"  # the new party is now in the list
    return wizard


def test_adding_the_agreement_of_an_existing_supplier_makes_its_finding_go(omo: Path) -> None:
    wizard = leerapp_without_agreement(omo)
    assert wizard.name.disabled and wizard.name.value == "LeerApp B.V." and wizard.with_system.value is False
    assert wizard.target.value == "leerapp-app"
    wizard.with_flow.value = False
    wizard.with_agreement.value = True
    wizard.valid_from.value = dt.date(2026, 8, 1)
    assert [s for s, _e in wizard.entries()] == ["agreements"]
    assert wizard.uncovered_flows() == ["f-omo-helmond-leerapp"]
    wizard.preview()
    assert snapshot(omo)["flows.yaml"].count(b"va-leerapp") == 0  # the preview wrote nothing
    assert wizard.save()
    assert "DPIA201/f-omo-helmond-leerapp" not in [f.id for f in wizard.result.open]
    flow = next(f for f in load(omo).register.flows if f.id == "f-omo-helmond-leerapp")
    assert flow.agreement == "va-leerapp"
    # a flow to an existing supplier's system, without a new party
    wizard.with_agreement.value = False
    wizard.with_flow.value = True
    wizard.source.value = "magister"
    wizard.categories.value = ("name",)
    assert wizard.ids["flow"] == "f-magister-leerapp-app"
    assert [s for s, _e in wizard.entries()] == ["flows"]
    assert wizard.save() and "f-magister-leerapp-app" in {f.id for f in load(omo).register.flows}


def test_adding_the_agreement_of_an_existing_supplier_does_not_add_its_flow_again(omo: Path) -> None:
    """Issue 28: the "add a data flow" box stays ticked when the officer comes back for the agreement."""
    wizard = leerapp_without_agreement(omo)
    flows = [f.id for f in load(omo).register.flows]
    wizard.with_agreement.value = True
    assert wizard.with_flow.value and wizard.same_flow() == "f-omo-helmond-leerapp"
    assert [s for s, _e in wizard.entries()] == ["agreements"]
    wizard.preview()
    assert "staat al in het register met deze gegevens" in wizard.status.value
    assert wizard.save()
    assert "f-omo-helmond-leerapp&#x27; staat al in het register met deze gegevens" in wizard.status.value
    reg = load(omo).register
    assert [f.id for f in reg.flows] == flows  # no second, identical flow
    assert next(f for f in reg.flows if f.id == "f-omo-helmond-leerapp").agreement == "va-leerapp"
    # nothing else to add: the wizard says the flow is there, and writes nothing
    wizard.with_agreement.value = False
    before = snapshot(omo)
    assert wizard.save() is False
    assert wizard.status.value.startswith("De gegevensstroom &#x27;f-omo-helmond-leerapp&#x27; staat al")
    assert snapshot(omo) == before
    # other data is another flow
    wizard.categories.value = ("name",)
    assert wizard.same_flow() is None and [s for s, _e in wizard.entries()] == ["flows"]
