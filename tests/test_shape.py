"""The one walker of the model's shape (dpia.model.shape): what it says about the fields, and that the
spreadsheet layout and the forms, which both read the model through it, agree."""

from __future__ import annotations

import datetime as dt
import doctest
import typing

import pytest

from dpia.model import Breach, Controller, Dpia, NESTED_REFERENCES, Party, REFERENCES, SECTIONS, shape


def test_the_examples_in_the_docstrings_run() -> None:
    result = doctest.testmod(shape)
    assert result.attempted >= 8 and result.failed == 0


def test_unwrap_takes_off_annotations_and_none_but_not_a_choice_of_two() -> None:
    assert shape.unwrap(typing.Annotated[int, "x"] | None) == (int, True)
    assert shape.unwrap(typing.Optional[typing.Annotated[str, "id"]]) == (str, True)
    assert shape.unwrap(int | str) == (int | str, False)
    assert shape.unwrap(int | str | None) == (int | str | None, True)


def every_reference() -> set[tuple[str, str, tuple[str, ...]]]:
    """(section, dotted path, targets) of every reference the walker finds, in parts and lists of parts too."""
    found = set()

    def visit(section: str, cls, at: tuple[str, ...]) -> None:
        for f in shape.walk(cls, section, at):
            if f.kind == "reference":
                found.add((section, ".".join(at + f.path), f.targets))
            if f.kind == "model" and f.many:
                visit(section, f.model, at + f.path)

    visit("controller", Controller, ())
    for section, cls in SECTIONS.items():
        visit(section, cls, ())
    return found


def test_the_walker_finds_exactly_the_references_the_model_declares() -> None:
    declared = {(section, path, targets) for table in (REFERENCES, NESTED_REFERENCES)
                for section, paths in table.items() for path, targets in paths.items()}
    assert every_reference() == declared  # a misspelt field in REFERENCES would be missing here


def test_kinds_lists_and_requiredness() -> None:
    fields = {f.dotted: f for f in shape.walk(Breach)}
    assert (fields["discovered_at"].kind, fields["discovered_at"].required) == ("datetime", True)
    assert (fields["nature"].kind, fields["nature"].many, fields["nature"].values) == \
        ("enum", True, ("confidentiality", "integrity", "availability"))
    assert (fields["ap"].kind, fields["ap"].model.__name__, fields["ap"].optional) == ("model", "ApNotification", True)
    # the decision is required in a notification, not in a breach (which may have no notification)
    assert fields["ap.decision"].kind == "enum" and not fields["ap.decision"].required
    assert shape.by_alias(Breach)["ap"].model is fields["ap"].model
    parties = {f.dotted: f for f in shape.walk(Party)}
    assert parties["id"].required and not parties["location.country"].required
    assert shape.fields(Party)[0].default() is None and shape.field_at(Dpia, ("status",)).default() == "draft"
    assert shape.field_at(Dpia, ("risks",)).many and shape.field_at(Dpia, ("risks", 2, "likelihood", "on")).kind == "date"
    assert shape.field_at(Party, ("location", "nothing")) is None and shape.field_at(Party, ("name", "x")) is None


def test_the_spreadsheet_and_the_forms_name_the_same_fields() -> None:
    from dpia.io.importer import layout
    from dpia.workbench.editors import KINDS, shown_fields

    sheets = {s.name: s for s in layout()}
    for section in KINDS:
        scalar = [p for p in shown_fields(section) if shape.field_at(SECTIONS[section], p).kind != "model"]
        assert [c.path for c in sheets[section].columns] == scalar, section


@pytest.mark.parametrize("value, expected", [
    (Party(id="p", name="P", role="processor", location={"country": "NL"}),
     {"id": "p", "name": "P", "role": "processor", "location": {"country": "NL", "transfer_mechanism": None},
      "processor_of": None, "contact": None, "notes": None}),
    ([dt.date(2026, 1, 2)], [dt.date(2026, 1, 2)]),
])
def test_plain_gives_the_yaml_names_and_values(value, expected) -> None:
    assert shape.plain(value) == expected
