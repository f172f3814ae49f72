"""The one form system (dpia.workbench.editors): every form that adds an entry (the entry editor, the
supplier wizard, the breach recorder) suggests the new id the same way, keeps the id the officer
types, and refuses a missing id or one the register has the same way: a message in the officer's
language with the place of the entry that has it, files and memory left as they were."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from dpia.i18n import t
from dpia.io.store import load
from dpia.workbench.editors import BreachRecorder, EntityEditor, NEW, suggest_id, SupplierWizard

from .test_wizard import omo, snapshot  # noqa: F401 - a copy of the example, and its files' bytes

ON = dt.date(2026, 11, 29)
NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)
NAMES = ("LeerApp B.V.", "Toetsbureau Noord")


def party_editor(loaded, lang):
    ed = EntityEditor(loaded, ON, lang, kind="parties")
    ed.entry.value = NEW
    ed.controls[("role",)].widget.value = "processor"
    return ed, ed.controls[("name",)].widget, ed.controls[("id",)].widget


def measure_editor(loaded, lang):
    ed = EntityEditor(loaded, ON, lang, kind="measures")
    ed.entry.value = NEW
    ed.controls[("label", "en")].widget.value = "A measure"
    ed.controls[("kind",)].widget.value = "technical"
    return ed, ed.controls[("label", "nl")].widget, ed.controls[("id",)].widget


def wizard(loaded, lang):
    wz = SupplierWizard(loaded, ON, lang)
    wz.categories.value, wz.purposes.value = ("name",), ("p-education",)
    return wz, wz.name, wz.party_id


def recorder(loaded, lang):
    rec = BreachRecorder(loaded, NOW, lang)
    rec.title.value, rec.nature.value = "Lijst kwijt", ("availability",)
    return rec, rec.place, rec.breach_id


# form, what drives its suggestion (two values), the section, and the form's values for the suggestion
SUGGESTING = {
    "entity editor (party)": (party_editor, NAMES, "parties", lambda form, v: {"name": v}),
    "entity editor (measure)": (measure_editor, ("Versleutelde back-ups", "Bewustwording"), "measures",
                                lambda form, v: {"label": {"nl": v}}),
    "supplier wizard": (wizard, NAMES, "parties", lambda form, v: {"name": v}),
    "breach recorder": (recorder, ("snelsms", "fotograaf"), "breaches",
                        lambda form, v: {"discovered_at": form.form[("discovered_at",)].value, "at": v}),
}


@pytest.mark.parametrize("case", SUGGESTING)
def test_every_form_suggests_the_id_the_same_way_and_keeps_the_officers_own(omo: Path, case: str) -> None:
    make, drivers, section, values = SUGGESTING[case]
    form, driver, id_box = make(load(omo), "nl")
    for value in drivers:
        driver.value = value
        assert id_box.value == suggest_id(section, values(form, value)) != ""
    id_box.value = "eigen-code"
    driver.value = drivers[0]
    assert id_box.value == "eigen-code"  # the officer's own id stays
    id_box.value = ""
    assert id_box.value == ""  # emptied, it is not filled in while the officer is typing ...
    driver.value = drivers[1]
    assert id_box.value == suggest_id(section, values(form, drivers[1]))  # ... but follows the form again


def named(name) -> None:
    name.value = "Iddink"


# form, what else it needs, and an id of the example register of the kind the form adds
TAKEN = {
    "entity editor": (party_editor, named, "iddink"),
    "supplier wizard": (wizard, named, "iddink"),
    "breach recorder": (recorder, lambda _place: None, "lek-fotograaf-usb"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", TAKEN)
def test_every_form_refuses_a_taken_id_the_same_way(omo: Path, case: str, lang: str) -> None:
    make, fill, taken = TAKEN[case]
    before = snapshot(omo)
    loaded = load(omo)
    form, driver, id_box = make(loaded, lang)
    fill(driver)
    id_box.value = taken
    assert form.save() is False
    said = html.escape(f"{loaded.where(taken)}: {t('wizard_id_taken', lang, id=taken)}")
    assert said in form.status.value.split("<br>")
    assert f"{omo}/" in said and ".yaml:" in said  # the place of the entry that has the id
    assert snapshot(omo) == before
    assert not any(f.dirty for f in loaded.files)
    assert [e.id for e in loaded.register.parties] == [e.id for e in load(omo).register.parties]  # nothing in memory


@pytest.mark.parametrize("case", TAKEN)
def test_every_form_refuses_a_new_entry_without_an_id_the_same_way(omo: Path, case: str) -> None:
    make, fill, _taken = TAKEN[case]
    before = snapshot(omo)
    form, driver, id_box = make(load(omo), "en")
    fill(driver)
    id_box.value = ""
    assert form.save() is False
    assert html.escape(t("editor_need_id", "en")) in form.status.value.split("<br>")
    assert snapshot(omo) == before
