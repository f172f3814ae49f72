"""The generic entry editor (dpia.workbench.editors), driven as the officer would: choose a kind and an entry,
set the controls, press save, read the files and what the editor says."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from dpia.workbench.editors import EntityEditor, KINDS, label_key, NEW, shown_fields
from dpia.i18n import LANGS, template
from dpia.io.store import load
from dpia.workbench.widgets import LiveViews


ON = dt.date(2026, 11, 29)


from .test_wizard import omo, snapshot  # noqa: E402,F401 - a copy of the example, and its files' bytes


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def editor(omo: Path, kind: str, lang: str = "nl") -> EntityEditor:
    return EntityEditor(load(omo), ON, lang, kind=kind)


def test_editing_a_measures_status_and_due_date_changes_only_those_lines(omo: Path) -> None:
    before = (omo / "measures.yaml").read_text(encoding="utf-8")
    ed = editor(omo, "measures")
    ed.entry.value = "m-role-access"
    ed.controls[("status",)].widget.value = "in_progress"
    ed.controls[("due",)].widget.value = dt.date(2027, 1, 31)
    ed.save_button.click()
    after = (omo / "measures.yaml").read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-    status: implemented", "+    status: in_progress", "+    due: 2027-01-31"]
    assert comments(after) == comments(before)
    assert "Opgeslagen in measures.yaml" in ed.status.value
    measure = next(m for m in load(omo).register.measures if m.id == "m-role-access")
    assert measure.status.value == "in_progress" and measure.due == dt.date(2027, 1, 31)


def test_a_label_in_one_language_changes_in_place(omo: Path) -> None:
    before = (omo / "measures.yaml").read_text(encoding="utf-8")
    ed = editor(omo, "measures")
    ed.entry.value = "m-mfa"
    ed.controls[("label", "en")].widget.value = "2FA for staff"
    assert ed.save()
    assert changed_lines(before, (omo / "measures.yaml").read_text(encoding="utf-8")) == [
        "-    label: {nl: Tweefactorauthenticatie voor medewerkers, en: Two-factor authentication for staff}",
        "+    label: {nl: Tweefactorauthenticatie voor medewerkers, en: 2FA for staff}",
    ]


def test_adding_a_retention_rule(omo: Path) -> None:
    ed = editor(omo, "retention")
    kept = {r.category for r in ed.loaded.register.retention}
    category = next(c.id for c in ed.loaded.register.data_categories if c.id not in kept)
    ed.entry.value = NEW
    ed.controls[("category",)].widget.value = category
    assert ed.controls[("id",)].widget.value == f"r-{category}"  # suggested from what the rule is about
    ed.controls[("duration",)].widget.value = "P2Y"
    ed.controls[("trigger",)].widget.value = "deregistration"
    before = (omo / "retention.yaml").read_text(encoding="utf-8")
    assert ed.save(), ed.status.value
    after = (omo / "retention.yaml").read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    assert all(line.startswith("+") for line in changed_lines(before, after))
    rule = next(r for r in load(omo).register.retention if r.id == f"r-{category}")
    assert (rule.category, rule.duration, rule.trigger.value) == (category, "P2Y", "deregistration")
    assert ed.entry.value == f"r-{category}"  # the form now shows the saved entry


def test_adding_an_acceptance(omo: Path) -> None:
    ed = editor(omo, "acceptances")
    ed.entry.value = NEW
    ed.controls[("finding",)].widget.value = "DPIA202/f-photo"
    ed.controls[("reason",)].widget.value = "Het nieuwe contract gaat in januari in."
    ed.controls[("accepted_by",)].widget.value = "Bestuur"
    ed.controls[("until",)].widget.value = dt.date(2027, 3, 1)
    assert ed.controls[("id",)].widget.value == "a-dpia202-f-photo"
    assert ed.save(), ed.status.value
    accepted = next(a for a in load(omo).register.acceptances if a.id == "a-dpia202-f-photo")
    assert (accepted.finding, accepted.accepted_by, accepted.until) == ("DPIA202/f-photo", "Bestuur", dt.date(2027, 3, 1))


def test_adding_the_same_entry_twice_adds_it_once(omo: Path) -> None:
    def add() -> bool:
        ed = editor(omo, "measures")
        ed.entry.value = NEW
        ed.controls[("label", "nl")].widget.value = "Versleutelde back-ups"
        ed.controls[("label", "en")].widget.value = "Encrypted back-ups"
        ed.controls[("kind",)].widget.value = "technical"
        return ed.save(), ed

    first, _ = add()
    after_first = snapshot(omo)
    second, ed = add()
    assert first and not second
    assert "staat al in het register" in ed.status.value
    assert snapshot(omo) == after_first
    assert [m.id for m in load(omo).register.measures].count("m-versleutelde-back-ups") == 1


def test_adding_a_party_leaves_its_empty_parts_unwritten(omo: Path) -> None:
    ed = editor(omo, "parties")
    ed.entry.value = NEW
    ed.controls[("name",)].widget.value = "LeerApp B.V."
    ed.controls[("role",)].widget.value = "processor"
    assert ed.controls[("id",)].widget.value == "leerapp"
    assert ed.new_entry() == {"id": "leerapp", "name": "LeerApp B.V.", "role": "processor"}  # no contact: {public: false}
    assert ed.save(), ed.status.value
    assert next(p for p in load(omo).register.parties if p.id == "leerapp").contact is None


@pytest.mark.parametrize("lang, says", [("nl", "geen ISO-8601-duur"), ("en", "not an ISO-8601 duration")])
def test_a_refused_edit_shows_where_and_leaves_file_and_memory_as_they_were(omo: Path, lang: str, says: str) -> None:
    before = snapshot(omo)
    ed = editor(omo, "retention", lang)
    ed.entry.value = "r-absence"
    ed.controls[("duration",)].widget.value = "5 jaar"
    ed.save_button.click()
    assert says in ed.status.value and "retention.yaml:" in ed.status.value
    assert "Traceback" not in ed.status.value
    assert snapshot(omo) == before
    assert next(r for r in ed.loaded.register.retention if r.id == "r-absence").duration == "P5Y"
    assert not any(f.dirty for f in ed.loaded.files)
    assert ed.controls[("duration",)].widget.value == "5 jaar"  # the officer's input stays in the form


def test_a_refused_edit_with_a_bad_reference(omo: Path) -> None:
    before = snapshot(omo)
    ed = editor(omo, "access_roles", "en")
    ed.entry.value = "mentor"
    ed.controls[("system",)].set("no-such-system")  # a stale choice: the system is gone
    assert not ed.save()
    assert "no-such-system" in ed.status.value and "access.yaml:" in ed.status.value
    assert snapshot(omo) == before
    assert next(a for a in ed.loaded.register.access_roles if a.id == "mentor").system == "magister"
    assert not any(f.dirty for f in ed.loaded.files)


def test_nothing_changed_writes_nothing(omo: Path) -> None:
    before = snapshot(omo)
    ed = editor(omo, "consents")
    assert not ed.save()
    assert ed.status.value == "Niets gewijzigd."
    assert snapshot(omo) == before


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_its_form_for_every_entry_without_a_change(omo: Path, kind: str) -> None:
    ed = editor(omo, kind)
    entries = [v for _, v in ed.entry.options if v != NEW]
    assert len(entries) == len(getattr(ed.loaded.register, kind))
    for value in entries:
        ed.entry.value = value
        assert ed.changes() == {}, value  # the form shows the entry exactly as it is
    assert [label for label, v in ed.entry.options if v == NEW] == ["— nieuw item —"]
    for label, value in ed.entry.options:
        if value != NEW:
            assert label.endswith(f"({value})") and label != f"({value})"  # "Name (id)"


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_shown_has_a_label_in_both_languages(kind: str) -> None:
    for path in shown_fields(kind):
        key = label_key(kind, path)
        assert key is not None, f"{kind}.{'.'.join(path)} has no catalogue label: add field.{kind}.{'.'.join(path)} to the catalogue"
        assert all(template(key, lang).strip() for lang in LANGS)


def test_choices_are_named_not_keyed(omo: Path) -> None:
    ed = editor(omo, "measures", "nl")
    assert ed.controls[("status",)].widget.options == (("gepland", "planned"), ("in uitvoering", "in_progress"),
                                                        ("geïmplementeerd", "implemented"))
    labels = [box.description for box in ed.controls[("systems",)].widget.children[1].children]
    assert "Magister (magister)" in labels  # references by name, with the id for the officer


def test_live_views_follow_a_save_in_the_editor(omo: Path, monkeypatch) -> None:
    from dpia.check import check

    import IPython.display

    monkeypatch.setattr(IPython.display, "update_display", lambda *a, **k: None)
    loaded = load(omo)
    views = LiveViews(loaded, check(loaded.register, ON, loaded.where), "nl")
    ed = views.entity_editor("measures")
    remover = views.remover()
    ed.entry.value = NEW
    ed.controls[("label", "nl")].widget.value = "Bewustwording"
    ed.controls[("label", "en")].widget.value = "Awareness"
    ed.controls[("kind",)].widget.value = "organisational"
    assert ed.save()
    remover.kind.value = "measures"
    assert "m-bewustwording" in [v for _, v in remover.entry.options]


def test_the_examples_in_the_docstrings_run() -> None:
    import doctest

    import dpia.workbench.editors

    result = doctest.testmod(dpia.workbench.editors)
    assert result.attempted >= 3 and result.failed == 0
