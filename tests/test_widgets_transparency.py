"""The widgets of notebooks 06 (transparency) and 07 (breaches), driven without a browser."""

from __future__ import annotations

import datetime as dt

from dpia.io.store import load
from dpia.workbench.widgets import BreachExplorer, LetterPreview, promises_table

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


def test_the_promises_table_says_which_hold() -> None:
    table = promises_table(load(EXAMPLE).register, ON, "nl")
    states = dict(zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1]))
    assert states["Het privacybeleid is vastgesteld na overleg met de medezeggenschapsraad."] == "ja"
    assert list(states.values()).count("nee, nu niet") == 4


def test_the_letter_follows_the_chosen_school_and_the_answer_the_chosen_subjects() -> None:
    preview = LetterPreview(load(EXAMPLE), ON, "nl")
    assert "OMO Scholengroep Helmond" in preview.letter.value and "CONCEPT" in preview.letter.value
    preview.school.value = "carolus"
    assert "Privacy bij Carolus Borromeus College" in preview.letter.value
    preview.subject.value = "parents"
    assert "Ouders en verzorgers (parents)" in preview.answer.value


def test_picking_a_breach_shows_its_place_assessment_and_time_left() -> None:
    now = dt.datetime(2026, 11, 28, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    explorer = BreachExplorer(load(EXAMPLE), now, "nl")
    explorer.breach.value = "lek-fotograaf-usb"
    assert explorer.place.value == "fotograaf"
    assert "Nog 1 dag tot de termijn verloopt" not in explorer.result.value  # 1 hour, not a day
    assert "Nog 1 uur tot de termijn verloopt" in explorer.result.value
    assert "melden bij de AP: ja" in explorer.result.value
    explorer.place.value = "snelsms"  # another place: its impact, without the recorded breach's assessment
    assert explorer.impact.categories == ("absence", "name", "parent_contact") and "Voorstel" not in explorer.result.value
