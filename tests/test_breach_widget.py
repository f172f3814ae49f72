"""Recording a breach from the notebook, the drawing of its reach, and `dpia breach --since / --map`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from dpia.analysis.breach import DUTCH_TIME, impact
from dpia.documents.datamap import impact_figure  # noqa: E402
from dpia.cli import main  # noqa: E402
from dpia.documents.datamap import FADED_ALPHA, FADED_COLOUR  # noqa: E402
from dpia.documents.figures import figure_bytes  # noqa: E402
from dpia.io.store import load  # noqa: E402
from dpia.workbench.widgets import BreachExplorer, BreachRecorder  # noqa: E402

from .conftest import EXAMPLE  # noqa: E402

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "omo"
    shutil.copytree(EXAMPLE, target)
    return target


def _filled(loaded, lang: str = "nl") -> BreachRecorder:
    rec = BreachRecorder(loaded, NOW, lang)
    rec.place.value = "snelsms"
    rec.title.value = "Sms-lijst naar verkeerde ouders"
    rec.date.value, rec.time.value = dt.date(2026, 11, 28), dt.time(9, 15)
    rec.reported_by.value = "iddink"
    rec.nature.value = ("confidentiality",)
    rec.measures.value = "Ouders gevraagd de sms te verwijderen.\n\nLijst gecorrigeerd."
    return rec


# ---- recording


def test_the_form_is_filled_beforehand_with_what_reaches_the_place(copy: Path) -> None:
    loaded = load(copy)
    rec = BreachRecorder(loaded, NOW, "nl")
    rec.place.value = "snelsms"
    found = impact(loaded.register, "snelsms")
    assert set(rec.categories.value) == set(found.categories) and "absence" in rec.categories.value
    assert set(rec.subjects.value) == set(found.subjects)
    assert rec.breach_id.value == "lek-2026-11-29-snelsms"  # from the date and the place
    rec.date.value = dt.date(2026, 11, 28)
    assert rec.breach_id.value == "lek-2026-11-28-snelsms"
    rec.breach_id.value = "eigen-kenmerk"
    rec.place.value = "fotograaf"
    assert rec.breach_id.value == "eigen-kenmerk"  # the officer's own id stays
    labels = [b.description for b in rec.categories.boxes.values()]
    assert "Afwezigheid en verzuim" in labels and "absence" not in labels  # by name


def test_saving_writes_the_entry_and_leaves_the_rest_of_the_file_as_it_was(copy: Path) -> None:
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    loaded = load(copy)
    rec = _filled(loaded)
    rec.ap.value, rec.ap_reason.value = "not_notify", "Twee ouders, geen gevoelige gegevens."
    assert rec.save(), rec.status.value
    text = (copy / "breaches.yaml").read_bytes()
    old = before[copy / "breaches.yaml"]
    assert text.startswith(old)  # every line and comment of the file as it was, the entry after them
    added = text[len(old):].decode()
    assert added.startswith("  - id: lek-2026-11-28-snelsms\n")
    assert "discovered_at: 2026-11-28T09:15:00+01:00" in added and "reported_by: iddink" in added
    assert "nature: [confidentiality]" in added and "decision: not_notify" in added
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file() and p.name != "breaches.yaml"} == {
        k: v for k, v in before.items() if k.name != "breaches.yaml"}
    saved = next(b for b in load(copy).register.breaches if b.id == "lek-2026-11-28-snelsms")
    assert saved.discovered_at == dt.datetime(2026, 11, 28, 9, 15, tzinfo=DUTCH_TIME)
    assert saved.measures_taken == ["Ouders gevraagd de sms te verwijderen.", "Lijst gecorrigeerd."]
    assert saved.ap.reason and saved.data_subjects is None
    assert "vastgelegd" in rec.status.value


def test_a_discovery_in_the_future_is_refused_with_its_place_and_nothing_is_written(copy: Path) -> None:
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    loaded = load(copy)
    rec = _filled(loaded, "en")
    rec.date.value = dt.date(2099, 1, 1)
    rec.breach_id.value = "lek-toekomst"
    assert rec.save() is False
    assert "breaches.yaml:" in rec.status.value and "lies in the future" in rec.status.value
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
    assert "lek-toekomst" not in {b.id for b in loaded.register.breaches}  # nothing left in memory
    assert not any(f.dirty for f in loaded.files)


def test_running_the_notebook_twice_does_not_record_twice(copy: Path) -> None:
    for _ in range(2):
        loaded = load(copy)
        _filled(loaded).save()
    ids = [b.id for b in load(copy).register.breaches]
    assert ids.count("lek-2026-11-28-snelsms") == 1
    rec = _filled(load(copy))
    assert rec.save() is False and "bestaat al" in rec.status.value


def test_a_form_without_what_happened_says_what_is_missing(copy: Path) -> None:
    before = (copy / "breaches.yaml").read_bytes()
    rec = _filled(load(copy), "en")
    rec.nature.value, rec.title.value = (), ""
    assert rec.save() is False
    assert "Tick what happened" in rec.status.value and "Say briefly" in rec.status.value
    assert (copy / "breaches.yaml").read_bytes() == before


def test_the_explorer_hands_its_place_to_the_recorder_and_lists_the_new_breach(copy: Path) -> None:
    explorer = BreachExplorer(load(copy), NOW, "nl")
    rec = explorer.recorder()
    explorer.place.value = "fotograaf"
    assert rec.place.value == "fotograaf" and "passport_photo" in rec.categories.value
    rec.title.value, rec.nature.value = "Map kwijt", ("availability",)
    assert rec.save(), rec.status.value
    assert rec.breach_id.value in [v for _, v in explorer.breach.options]


# ---- the drawing


def _arrows_and_boxes(fig):
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    ax = fig.axes[0]
    return ([a for a in ax.patches if isinstance(a, FancyArrowPatch)],
            [b for b in ax.patches if isinstance(b, FancyBboxPatch)])


def test_the_reach_is_drawn_in_full_and_the_rest_faded() -> None:
    from matplotlib.colors import to_hex

    reg = load(EXAMPLE).register
    found = impact(reg, "snelsms")
    fig = impact_figure(reg, found, "nl")
    arrows, boxes = _arrows_and_boxes(fig)
    full = [a for a in arrows if a.get_alpha() == 0.9]
    faded = [a for a in arrows if a.get_alpha() == FADED_ALPHA]
    assert full and faded and len(full) + len(faded) == len(arrows)
    assert all(to_hex(a.get_edgecolor()) == FADED_COLOUR for a in faded)
    assert all(to_hex(a.get_edgecolor()) != FADED_COLOUR for a in full)
    texts = {x.get_text().replace("\n", " "): x.get_color() for x in fig.axes[0].texts}
    assert texts["SnelSMS B.V. (fictief)"] == "black"  # the place itself
    assert next(c for k, c in texts.items() if k.startswith("Iddink")) == "black"  # it sends the data there
    assert next(c for k, c in texts.items() if k.startswith("Museum")) != "black"  # never reached
    # the full arrows are exactly those that carry a flow of the reach
    plain = _arrows_and_boxes(impact_figure(reg, impact(reg, "fotograaf"), "nl"))[0]
    assert [a.get_alpha() for a in plain] != [a.get_alpha() for a in arrows]


def test_the_drawing_is_the_same_every_time() -> None:
    reg = load(EXAMPLE).register
    found = impact(reg, "snelsms")
    first = figure_bytes(impact_figure(reg, found, "nl"), "png")
    assert first == figure_bytes(impact_figure(reg, impact(reg, "snelsms"), "nl"), "png")
    assert first != figure_bytes(impact_figure(reg, impact(reg, "fotograaf"), "nl"), "png")


def test_the_explorer_draws_the_map_when_asked(copy: Path) -> None:
    explorer = BreachExplorer(load(copy), NOW, "nl")
    assert explorer.map.layout.display == "none"
    explorer.place.value = "snelsms"
    explorer.show_map.value = True
    assert explorer.map.value[:8] == b"\x89PNG\r\n\x1a\n" and explorer.map.layout.display is None


def test_breach_command_writes_the_map(tmp_path: Path, capsys) -> None:
    target = tmp_path / "kaart.png"
    assert main(["breach", str(EXAMPLE), "--at", "snelsms", "--map", str(target)]) == 0
    assert target.read_bytes()[:4] == b"\x89PNG"
    assert main(["breach", str(EXAMPLE), "--at", "snelsms", "--map", str(tmp_path / "kaart.gif")]) == 2
    assert ".png" in capsys.readouterr().err and not (tmp_path / "kaart.gif").exists()


# ---- --since


def test_since_leaves_out_what_only_an_ended_agreement_covered(capsys) -> None:
    # Malmberg's agreement ran until 2026-07-31: since September nothing reached Malmberg
    assert main(["breach", str(EXAMPLE), "--at", "malmberg", "--on", "2026-11-29"]) == 0
    assert re.search(r"; 1 gegevensstro", capsys.readouterr().out)  # its plural: tests/test_plurals.py
    assert main(["breach", str(EXAMPLE), "--at", "malmberg", "--since", "2026-09-01", "--on", "2026-11-29"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Alleen wat van 2026-09-01 tot 2026-11-29")
    assert "; 0 gegevensstromen" in out[1]
    # before the end of the agreement, the flow counts
    assert main(["breach", str(EXAMPLE), "--at", "malmberg", "--since", "2026-07-01", "--on", "2026-11-29"]) == 0
    assert re.search(r"; 1 gegevensstro", capsys.readouterr().out)  # its plural: tests/test_plurals.py
    reg = load(EXAMPLE).register
    since = impact(reg, "malmberg", since=dt.date(2026, 9, 1), until=dt.date(2026, 11, 29))
    assert since.categories == () and since.reached == () and impact(reg, "malmberg").categories
    # an agreement that begins after the period leaves its flows out too
    assert impact(reg, "malmberg", since=dt.date(2020, 1, 1), until=dt.date(2022, 12, 31)).flows == 0


@pytest.mark.parametrize(("value", "expected"), [("2099-01-01", "ligt in de toekomst"), ("1-9-2026", "is geen datum")])
def test_since_in_the_future_or_not_a_date_is_refused(capsys, value: str, expected: str) -> None:
    assert main(["breach", str(EXAMPLE), "--at", "malmberg", "--since", value, "--on", "2026-11-29"]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err and captured.out == ""
