"""The data map a parent can read: on an A4 page every label is at least 8 pt and no two overlap,
measured with matplotlib's text extents; names, not ids; large registers split into maps that fit."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyBboxPatch

from dpia.check import check
from dpia.documents.datamap import (datamap_figures, draw_datamap, figure_texts, flow_themes, MAX_HEIGHT_IN, MIN_PRINT_PT, print_size_pt, PRINT_WIDTH_IN, THEMES, wrap)
from dpia.documents.figures import figure_bytes
from dpia.documents.report import section
from dpia.io.store import load
from dpia.io.synth import generate
from dpia.analysis.tables import Tables

from .conftest import ROOT

EXAMPLE = ROOT / "data" / "omo-helmond"
ON = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def example():
    loaded = load(EXAMPLE)
    return loaded, check(loaded.register, ON)


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    """A synthetic board register of 200 organisations: 100 schools and 100 parties (~15,000 flows)."""
    out = tmp_path_factory.mktemp("board") / "reg"
    generate(100, 160, 4, out)
    loaded = load(out)
    assert len(loaded.register.controller.schools) + len(loaded.register.parties) == pytest.approx(200, abs=10)
    return loaded, check(loaded.register, ON)


@pytest.fixture(scope="module")
def board_maps(board):
    loaded, result = board
    return datamap_figures(loaded.register, problems(result), "nl")


def problems(result) -> set[str]:
    return {f.subjects[0] for f in result.open if f.subjects}


def measured(fig):
    """(text, bbox in pixels) of every visible text after drawing, and the boxes' extents."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [(x, x.get_window_extent(renderer)) for x in figure_texts(fig)]
    boxes = [p.get_window_extent(renderer) for p in fig.findobj(FancyBboxPatch)]
    return texts, boxes


def assert_legible(fig) -> None:
    texts, boxes = measured(fig)
    assert texts
    width, height = fig.canvas.get_width_height()
    for text, box in texts:
        assert print_size_pt(fig, text.get_fontsize()) >= MIN_PRINT_PT, text.get_text()
        assert box.x0 >= -0.5 and box.y0 >= -0.5 and box.x1 <= width + 0.5 and box.y1 <= height + 0.5, text.get_text()
    for i, (a, ba) in enumerate(texts):
        for b, bb in texts[i + 1:]:
            overlap_w = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
            overlap_h = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
            assert overlap_w <= 0.5 or overlap_h <= 0.5, (a.get_text(), b.get_text())
    # every label inside its box, and boxes never overlap one another
    for text, box in texts:
        around = [b for b in boxes if b.x0 <= box.x0 + 0.5 and box.x1 <= b.x1 + 0.5 and b.y0 <= box.y0 + 0.5
                  and box.y1 <= b.y1 + 0.5]
        inside = [b for b in boxes if b.overlaps(box)]
        assert not inside or around, f"{text.get_text()!r} sticks out of its box"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5)


def all_text(figs) -> str:
    return re.sub(r"[\s\-]", "", " ".join(t.get_text() for f in figs for t in figure_texts(f)))


def test_the_example_fits_one_page_legibly(example) -> None:
    loaded, result = example
    figs = datamap_figures(loaded.register, problems(result), "nl")
    assert len(figs) == 1
    fig = figs[0].figure
    assert fig.get_figwidth() == pytest.approx(PRINT_WIDTH_IN) and fig.get_figheight() <= MAX_HEIGHT_IN
    assert_legible(fig)


def test_the_example_map_names_organisations_by_name_never_by_id(example) -> None:
    loaded, result = example
    reg = loaded.register
    fig = datamap_figures(reg, problems(result), "nl")[0].figure
    text = all_text([fig])
    receivers = {f.to for f in reg.flows} | {f.from_ for f in reg.flows}
    operators = {s.id: s.operated_by for s in reg.systems}
    names = {p.id: p.name for p in reg.parties} | {s.id: s.name for s in reg.systems}
    for node in sorted(receivers):
        if node in names:
            assert re.sub(r"[\s\-]", "", names[node]) in text, node
        if node in operators:  # a system is drawn as the organisation that runs it, with its own name
            assert re.sub(r"[\s\-]", "", names[operators[node]]) in text, node
    labels = [t.get_text() for t in figure_texts(fig)]
    ids = {p.id for p in reg.parties} | {s.id for s in reg.systems} | {f.id for f in reg.flows}
    for label in labels:
        assert "…" not in label, label  # no name cut short
        assert not {w.strip("(),") for w in label.split()} & {i for i in ids if "-" in i}, label
    # the legend is in the reader's language, from the catalogue
    assert "stroom met een bevinding" in labels and "Verwerkers" in labels
    en = [t.get_text() for t in figure_texts(datamap_figures(reg, problems(result), "en")[0].figure)]
    assert "flow with a finding" in en and "Processors" in en


def test_flows_with_findings_are_red_and_thick(example) -> None:
    loaded, result = example
    from matplotlib.patches import FancyArrowPatch

    fig = draw_datamap(loaded.register, problems=problems(result), lang="nl")
    reds = [p for p in fig.findobj(FancyArrowPatch) if p.get_edgecolor()[:3] == pytest.approx((0xe3 / 255, 0x1a / 255, 0x1c / 255))]
    assert reds and all(p.get_linewidth() > 2 for p in reds)
    plain = draw_datamap(loaded.register, lang="nl")
    assert not [p for p in plain.findobj(FancyArrowPatch) if p.get_linewidth() > 2]


def test_same_register_gives_byte_identical_png_and_svg(example) -> None:
    loaded, result = example
    for fmt in ("png", "svg"):
        a = figure_bytes(draw_datamap(loaded.register, problems=problems(result), lang="nl"), fmt)
        b = figure_bytes(draw_datamap(loaded.register, problems=problems(result), lang="nl"), fmt)
        assert a == b, fmt
    other = figure_bytes(draw_datamap(loaded.register, lang="nl"), "png")
    assert other != figure_bytes(draw_datamap(loaded.register, problems=problems(result), lang="nl"), "png")


def test_themes_of_the_example(example) -> None:
    loaded, _ = example
    themes = flow_themes(loaded.register).to_dict()
    assert set(themes.values()) <= set(THEMES)
    assert themes["f-magister-duo-bron"] == "legal"  # BRON to DUO: a legal obligation to another controller
    assert themes["f-duo-leerplicht"] == "legal"
    assert themes["f-school-magister"] == "pupil_administration"
    assert themes["f-magister-datacenter"] == "pupil_administration"  # the hosting of Magister
    assert themes["f-school-website"] == themes["f-website-internet"] == "photos"
    assert themes["f-m365-microsoft-us"] == "communication"
    assert themes["f-carolus-touringcar"] == "sharing"  # an excursion: another organisation, no legal duty
    assert themes["f-magister-vervolgschool"] == "pupil_administration"
    assert list(themes) == sorted(themes) and len(themes) == len(loaded.register.flows)


def test_a_board_register_splits_into_maps_that_each_fit_and_read(board, board_maps) -> None:
    loaded, _ = board
    reg = loaded.register
    figs = board_maps
    assert len(figs) > 3
    assert figs[0].title.startswith("Overzicht")
    assert len({f.title for f in figs}) == len(figs)
    for f in figs:
        assert f.figure.get_figwidth() == pytest.approx(PRINT_WIDTH_IN)
        assert f.figure.get_figheight() <= MAX_HEIGHT_IN, f.title
        assert f.alt.startswith(f.title) and "gegevensstromen" in f.alt
        assert_legible(f.figure)
    # every theme of the register has a map, and every organisation that gets data is named in one
    themes = set(flow_themes(reg))
    for theme in themes:
        assert any(theme_title(theme) in f.title for f in figs), theme
    text = all_text(f.figure for f in figs[1:])
    tb = Tables(reg)
    holders = set(tb.flows["dst_holder"].astype(object)) | set(tb.flows["src_holder"].astype(object))
    for p in reg.parties:
        if p.id in holders:
            assert re.sub(r"[\s\-]", "", p.name) in text, p.id


def theme_title(theme: str) -> str:
    from dpia.i18n import t

    return t(f"datamap_theme_{theme}", "nl")


def test_the_report_section_shows_every_map_with_heading_and_alt(board, board_maps) -> None:
    loaded, result = board
    html = section("datamap", loaded, result, "nl").data
    assert html.count("<img ") == len(board_maps) == html.count("<h3>")
    for f in board_maps:
        assert f"<h3>{f.title}</h3>".replace("'", "&#x27;") in html
        assert f'alt="{f.alt}"'.replace("'", "&#x27;") in html
    assert "te groot voor één kaart" in html


def test_the_widget_map_of_a_board_register_falls_back_to_a_page(board) -> None:
    loaded, result = board
    fig = draw_datamap(loaded.register, problems=problems(result), lang="en")
    assert fig.get_figheight() <= MAX_HEIGHT_IN
    assert_legible(fig)


def test_wrap_breaks_at_spaces_and_splits_only_words_too_long() -> None:
    assert wrap("Dienst Uitvoering Onderwijs (DUO)", 80) == ("Dienst Uitvoering", "Onderwijs (DUO)")
    lines = wrap("Leerlingadministratiesysteem", 60)
    assert len(lines) > 1 and lines[0].endswith("-") and "".join(x.rstrip("-") for x in lines) == "Leerlingadministratiesysteem"
    assert wrap("a " * 200, 40, max_lines=2)[-1].endswith("…")


def test_a_map_shows_as_an_image_in_a_notebook_without_pyplot(example) -> None:
    """A kernel registers matplotlib's PNG printer only once pyplot picks its backend; the map never
    uses pyplot, so it must show itself (notebook 02's cell and the filter widget's output)."""
    from IPython.core.formatters import DisplayFormatter

    loaded, result = example
    fig = draw_datamap(loaded.register, problems=problems(result), lang="nl")
    data, _ = DisplayFormatter().format(fig)
    assert data["image/png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert data["image/png"] == figure_bytes(fig, "png")
