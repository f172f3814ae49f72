"""The risk map: the scale's grid, arrows from inherent to residual, and byte-identical saves."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import FancyArrowPatch, Rectangle

from dpia.documents.figures import figure_bytes, risk_map, save_figure
from dpia.analysis.risk import assess

from .test_screening import dpia, register

RISKS = [
    {"id": "r-high", "title": {"nl": "Hoog", "en": "High"}, "kind": "illegitimate_access", "systems": ["las"],
     "likelihood": {"level": "high", "motivation": "m"}, "impact": {"level": "high", "motivation": "m"},
     "measures": [{"measure": "m-mfa", "reduces": "both"}]},
    {"id": "r-same", "title": {"nl": "Gelijk", "en": "Same"}, "kind": "disappearance", "systems": ["las"],
     "likelihood": {"level": "high", "motivation": "m"}, "impact": {"level": "high", "motivation": "m"}},
    {"id": "r-low", "title": {"nl": "Laag", "en": "Low"}, "kind": "other", "systems": ["las"],
     "likelihood": {"level": "low", "motivation": "m"}, "impact": {"level": "medium", "motivation": "m"}},
]


def rated(scale: str = "model_dpia"):
    risks = RISKS
    if scale == "cnil":
        swap = {"high": "maximum", "medium": "limited", "low": "negligible"}
        risks = [{**r, "likelihood": {"level": swap[r["likelihood"]["level"]], "motivation": "m"},
                  "impact": {"level": swap[r["impact"]["level"]], "motivation": "m"}} for r in RISKS]
    return assess(register(dpia(systems=["las"], scale=scale, risks=risks)), "d")


@pytest.mark.parametrize(("scale", "cells"), [("model_dpia", 9), ("cnil", 16)])
def test_risk_map_draws_the_grid_and_one_arrow_per_moved_risk(scale: str, cells: int) -> None:
    fig = risk_map(rated(scale), scale, "nl")
    ax = fig.axes[0]
    assert sum(isinstance(p, Rectangle) for p in ax.patches) == cells
    assert sum(isinstance(p, FancyArrowPatch) for p in ax.patches) == 1  # only r-high moves
    assert [t.get_text() for t in ax.get_xticklabels()][0] in ("laag", "verwaarloosbaar")
    assert tuple(fig.get_size_inches()) == (10.0, 6.0)


def test_same_input_gives_identical_svg_and_png() -> None:
    for fmt in ("svg", "png"):
        first = figure_bytes(risk_map(rated(), "model_dpia", "en"), fmt)
        second = figure_bytes(risk_map(rated(), "model_dpia", "en"), fmt)
        assert first == second, fmt
    svg = figure_bytes(risk_map(rated(), "model_dpia", "en"), "svg").decode()
    assert "<dc:date>" not in svg


def test_input_order_does_not_matter_but_content_does() -> None:
    a = rated()
    assert figure_bytes(risk_map(a, "model_dpia")) == figure_bytes(risk_map(list(reversed(a)), "model_dpia"))
    assert figure_bytes(risk_map(a[:2], "model_dpia")) != figure_bytes(risk_map(a, "model_dpia"))


def test_save_figure_to_files_and_leaves_pyplot_alone(tmp_path: Path) -> None:
    before = plt.get_fignums()
    fig = risk_map(rated("cnil"), "cnil", "en")
    save_figure(fig, tmp_path / "map.svg")
    save_figure(fig, tmp_path / "map.png")
    assert (tmp_path / "map.svg").read_bytes() == figure_bytes(fig, "svg")
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert plt.get_fignums() == before
    with pytest.raises(ValueError):
        save_figure(fig, tmp_path / "map.gif")


def test_empty_map() -> None:
    fig = risk_map([], "model_dpia", "en")
    assert figure_bytes(fig, "svg") == figure_bytes(risk_map([], "model_dpia", "en"), "svg")


def test_a_figure_is_shown_as_a_picture_with_its_title_as_text() -> None:
    # The notebook's display hook draws a Figure only when pyplot's inline backend is active; the
    # risk map is built without pyplot, so the bundle carries the rendered PNG itself.
    from dpia.documents.figures import figure_bundle

    bundle = figure_bundle(risk_map(rated(), "model_dpia", "en"))
    assert bundle["image/png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert bundle["image/png"] == figure_bytes(risk_map(rated(), "model_dpia", "en"), "png")
    assert bundle["text/plain"] == "Risk map — Model DPIA (3×3)"
    assert "<Figure" not in bundle["text/plain"]
