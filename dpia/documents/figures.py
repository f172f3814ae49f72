"""Figures of a DPIA: the risk map (a heat map of the scale's matrix with each risk moving from its
inherent to its residual level).

Figures are reproducible: a fixed size and resolution, risks drawn in id order, and
:func:`save_figure` fixes the metadata and the SVG id salt, so that the same input saved twice gives
the same bytes (SVG and PNG). Figures are built with matplotlib's object API (``Figure``), not pyplot:
they never touch the pyplot state or the notebook's backend, and PNG is rendered by Agg.
"""

from __future__ import annotations

import io
import math
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle

from dpia.i18n import t
from dpia.model import RiskScale
from dpia.analysis.risk import level_index, level_label, levels, matrix, RiskAssessment, RiskLevel

LEVEL_COLOURS = {RiskLevel.LOW: "#a6d96a", RiskLevel.MEDIUM: "#fdae61", RiskLevel.HIGH: "#d7191c"}
FIGSIZE = (10.0, 6.0)
DPI = 100
SVG_SALT = "dpia-workbench"
METADATA = {
    "svg": {"Date": None, "Creator": "dpia-workbench"},
    "png": {"Software": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "dpia-workbench"},
}


def _offsets(count: int) -> list[tuple[float, float]]:
    """Positions of ``count`` markers inside one cell, in a small centred grid."""
    cols = max(1, math.ceil(math.sqrt(count)))
    rows = math.ceil(count / cols)
    step = 0.8 / max(cols, rows, 2)
    out = []
    for k in range(count):
        c, r = k % cols, k // cols
        out.append(((c - (cols - 1) / 2) * step, ((rows - 1) / 2 - r) * step))
    return out


def _positions(markers: list[tuple[tuple[int, int], str, str]]) -> dict[tuple[str, str], tuple[float, float]]:
    """Positions of markers ``(cell, risk, before|after)``: the markers sharing a cell spread over it."""
    by_cell: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for cell, risk, when in sorted(markers):
        by_cell[cell].append((risk, when))
    out = {}
    for (x, y), keys in sorted(by_cell.items()):
        for key, (dx, dy) in zip(keys, _offsets(len(keys))):
            out[key] = (x + dx, y + dy)
    return out


def risk_map(
    assessments: Iterable[RiskAssessment],
    scale: RiskScale | str = RiskScale.MODEL_DPIA,
    lang: str | None = None,
    title: str | None = None,
    show_ids: bool = True,
) -> Figure:
    """Draw the risk map: the scale's matrix as coloured cells, each risk as a numbered marker at its
    inherent level and an arrow to its residual level (a hollow marker).

    Parameters
    ----------
    assessments
        Rated risks of one DPIA (``dpia.analysis.risk.assess`` or ``dpia.analysis.risk.what_if``).
    scale
        The DPIA's scale; it fixes the grid (3x3 or 4x4) and the colours.
    lang
        Language of the labels.
    title
        Figure title (default: a title in the reader's language).
    show_ids
        Name each risk in the key by its id and title (the officer's view); ``False`` gives the title
        only (the MR report).

    Returns
    -------
    matplotlib.figure.Figure
        Not shown and not saved: the caller decides (see :func:`save_figure`).

    Examples
    --------
    >>> fig = risk_map([], "cnil", lang="en")
    >>> [tuple(map(int, fig.get_size_inches())), len(fig.axes)]
    [(10, 6), 1]
    """
    scale = RiskScale(scale)
    rated = sorted(assessments, key=lambda a: (a.dpia, a.risk))
    lv = levels(scale)
    n = len(lv)
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    ax = fig.add_axes((0.17, 0.12, 0.44, 0.78))
    cells = matrix(scale)
    for (lk, im), level in sorted(cells.items(), key=lambda kv: (level_index(scale, kv[0][0]), level_index(scale, kv[0][1]))):
        x, y = level_index(scale, lk), level_index(scale, im)
        ax.add_patch(Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor=LEVEL_COLOURS[level], edgecolor="white",
                               linewidth=2, alpha=0.6, zorder=0))
    number = {a.risk: i for i, a in enumerate(rated, 1)}
    inherent = {a.risk: (level_index(scale, a.likelihood.level), level_index(scale, a.impact.level)) for a in rated}
    residual = {a.risk: (level_index(scale, a.residual_likelihood), level_index(scale, a.residual_impact)) for a in rated}
    moved_risks = {r for r in inherent if inherent[r] != residual[r]}
    pos = _positions([(inherent[r], r, "before") for r in inherent] + [(residual[r], r, "after") for r in moved_risks])
    for a in rated:
        x0, y0 = pos[(a.risk, "before")]
        if a.risk in moved_risks:
            x1, y1 = pos[(a.risk, "after")]
            ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=12, color="#333333",
                                         linewidth=1.2, shrinkA=9, shrinkB=9, zorder=2))
            ax.scatter([x1], [y1], s=200, facecolors="white", edgecolors="#333333", linewidths=1.2, zorder=3)
            ax.text(x1, y1, str(number[a.risk]), ha="center", va="center", fontsize=7, color="#333333", zorder=4)
        ax.scatter([x0], [y0], s=260, color="#253494", edgecolors="white", linewidths=1, zorder=3)
        ax.text(x0, y0, str(number[a.risk]), ha="center", va="center", fontsize=8, color="white",
                fontweight="bold", zorder=4)
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(-0.5, n - 0.5)
    ax.set_xticks(range(n), [level_label(v, lang) for v in lv])
    ax.set_yticks(range(n), [level_label(v, lang) for v in lv])
    ax.set_xlabel(t("riskmap_likelihood", lang))
    ax.set_ylabel(t(f"riskmap_impact_{scale.value}", lang))
    ax.set_aspect("equal")
    ax.set_title(title or t("riskmap_title", lang, scale=t(f"scale_{scale.value}", lang)), fontsize=11)

    key = [f"{number[a.risk]}. {a.risk + ': ' if show_ids else ''}{a.title.pick(lang)}" for a in rated]
    fig.text(0.64, 0.9, t("riskmap_key", lang), fontsize=9, fontweight="bold", va="top")
    fig.text(0.64, 0.86, "\n".join(_clip(k) for k in key) or "—", fontsize=7.5, va="top", linespacing=1.5)
    handles = [Patch(facecolor=LEVEL_COLOURS[lvl], alpha=0.6, label=level_label(lvl, lang)) for lvl in RiskLevel]
    handles += [
        ax.scatter([], [], s=80, color="#253494", label=t("riskmap_before", lang)),
        ax.scatter([], [], s=80, facecolors="white", edgecolors="#333333", label=t("riskmap_after", lang)),
    ]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.64, 0.05), fontsize=8, frameon=False, ncol=2)
    return fig


def _clip(text: str, width: int = 56) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def save_figure(fig: Figure, target: str | os.PathLike[str] | io.IOBase, fmt: str | None = None) -> None:
    """Save ``fig`` reproducibly: fixed resolution, no timestamps, a fixed SVG id salt.

    ``fmt`` is svg, png or pdf; by default the file's suffix.
    """
    if fmt is None:
        if not isinstance(target, (str, os.PathLike)):
            raise ValueError("give fmt when saving to a file object")
        fmt = Path(target).suffix.lstrip(".").lower()
    if fmt not in METADATA:
        raise ValueError(f"unsupported figure format {fmt!r}: use svg, png or pdf")
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path"}):
        fig.savefig(target, format=fmt, dpi=DPI, metadata=METADATA[fmt])


def figure_bytes(fig: Figure, fmt: str = "svg") -> bytes:
    """The figure saved as ``fmt`` (see :func:`save_figure`), as bytes."""
    buf = io.BytesIO()
    save_figure(fig, buf, fmt)
    return buf.getvalue()


def figure_caption(fig: Figure) -> str:
    """A short text for the figure (its titles), the ``text/plain`` twin of its picture."""
    titles = [fig.get_suptitle()] if hasattr(fig, "get_suptitle") else []
    titles += [ax.get_title() for ax in fig.axes]
    return " · ".join(" ".join(x.split()) for x in titles if x.strip()) or "figure"


def figure_bundle(fig: Figure) -> dict[str, object]:
    """The figure as a display bundle: a reproducible PNG and its caption as text.

    The PNG is rendered here, not by a display hook: IPython draws a ``Figure`` only when the inline
    backend has been activated through pyplot, so a figure built with the object API (as
    :func:`risk_map` is) would otherwise show as its repr, ``<Figure size ...>``.
    """
    return {"image/png": figure_bytes(fig, "png"), "text/plain": figure_caption(fig)}


def show_figure(fig: Figure) -> None:
    """Show ``fig`` once as a picture in a notebook (or an ``Output`` widget) and free it.

    A figure made through pyplot is closed, so the inline backend does not show it a second time.
    """
    from IPython.display import display

    display(figure_bundle(fig), raw=True)
    if getattr(fig.canvas, "manager", None) is not None:
        import matplotlib.pyplot as plt

        plt.close(fig)
