"""The data map: who sends which pupil data to whom, drawn with matplotlib.

The layout is layered and deterministic, read left to right as data travels: data subjects, the
board and its schools, systems, processors, sub-processors, other controllers and recipients, the
public. Nodes are coloured by role; edges by the most sensitive data type they carry; flows with
open findings are drawn thick and red. The same register always gives the same picture, so a stored
figure can be compared and reviewed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from .i18n import t
from .model import Register
from .tables import Tables

# Column of each role in the layered layout.
COLUMNS = {
    "data_subject": 0,
    "controller": 1,
    "system": 2,
    "joint_controller": 3,
    "processor": 3,
    "sub_processor": 4,
    "independent_controller": 5,
    "recipient": 5,
    "third_party": 5,
    "public": 6,
}
ROLE_COLOURS = {
    "data_subject": "#8dd3c7",
    "controller": "#80b1d3",
    "system": "#bebada",
    "joint_controller": "#b3de69",
    "processor": "#fdb462",
    "sub_processor": "#fccde5",
    "independent_controller": "#ffffb3",
    "recipient": "#d9d9d9",
    "third_party": "#d9d9d9",
    "public": "#fb8072",
}
# Data types from least to most sensitive; an edge takes the colour of its most sensitive category.
TYPE_ORDER = ["ordinary", "sensitive", "criminal", "national_id", "special"]
TYPE_COLOURS = {
    "ordinary": "#9e9e9e",
    "sensitive": "#1f78b4",
    "criminal": "#6a3d9a",
    "national_id": "#ff7f00",
    "special": "#b15928",
}
PROBLEM_COLOUR = "#e31a1c"


def select_flows(
    register: Register,
    category: str | None = None,
    party: str | None = None,
    purpose: str | None = None,
) -> list[str]:
    """Ids of the flows that carry ``category``, touch ``party`` (directly or through a system it
    runs) and serve ``purpose``; ``None`` means no filter. Sorted.

    >>> from dpia.model import Register
    >>> select_flows(Register.model_validate({"controller": {"id": "b", "name": "B"}}))
    []
    """
    tb = Tables(register)
    flows = tb.flows
    keep = flows["flow"]
    if category:
        keep = keep[keep.isin(tb.flow_categories.loc[tb.flow_categories["category"] == category, "flow"])]
    if purpose:
        keep = keep[keep.isin(tb.flow_purposes.loc[tb.flow_purposes["purpose"] == purpose, "flow"])]
    if party:
        touching = flows[
            (flows["src"] == party) | (flows["dst"] == party) | (flows["src_holder"] == party) | (flows["dst_holder"] == party)
        ]["flow"]
        keep = keep[keep.isin(touching)]
    return sorted(keep.tolist())


def _node_role(tb: Tables) -> dict[str, str]:
    nodes = tb.nodes
    role = {}
    for node, kind, r in nodes[["node", "kind", "role"]].itertuples(index=False, name=None):
        role[node] = "system" if kind == "system" else ("controller" if kind in ("controller", "school") else r)
    return role


def layout(register: Register, flows: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
    """Positions of the nodes that take part in ``flows`` (default: all), in role columns, sorted by id."""
    tb = Tables(register)
    f = tb.flows if flows is None else tb.flows[tb.flows["flow"].isin(list(flows))]
    used = sorted(set(f["src"]) | set(f["dst"]))
    role = _node_role(tb)
    columns: dict[int, list[str]] = defaultdict(list)
    for node in used:
        columns[COLUMNS.get(role.get(node, "third_party"), 5)].append(node)
    pos = {}
    for col, nodes in columns.items():
        n = len(nodes)
        for i, node in enumerate(nodes):
            pos[node] = (float(col), (n - 1) / 2.0 - i)
    return pos


def draw_datamap(
    register: Register,
    flows: Iterable[str] | None = None,
    problems: Iterable[str] = (),
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """Draw the data map of ``flows`` (default: all); flows in ``problems`` are highlighted.

    Returns a matplotlib Figure (not shown, not saved): the caller decides.
    """
    tb = Tables(register)
    selected = sorted(tb.flows["flow"] if flows is None else flows)
    problems = set(problems)
    pos = layout(register, selected)
    role = _node_role(tb)
    index = register.index()
    labels = {n: _label(index.get(n), n, lang) for n in pos}
    cat_type = dict(zip(tb.categories["category"], tb.categories["type"]))
    fc = tb.flow_categories[tb.flow_categories["flow"].isin(selected)]
    worst = {}
    for flow, cats in fc.groupby("flow")["category"]:
        worst[flow] = max((cat_type.get(c, "ordinary") for c in cats), key=TYPE_ORDER.index)

    rows = max((sum(1 for p in pos.values() if p[0] == c) for c in range(7)), default=1)
    fig, ax = plt.subplots(figsize=(14, max(5.0, 0.75 * rows + 2)), dpi=100)
    ax.set_axis_off()

    # Parallel flows between the same two nodes bend apart so each stays visible.
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    f = tb.flows[tb.flows["flow"].isin(selected)].sort_values("flow")
    for flow, src, dst in f[["flow", "src", "dst"]].itertuples(index=False, name=None):
        k = pair_count[(src, dst)]
        pair_count[(src, dst)] += 1
        bad = flow in problems
        colour = PROBLEM_COLOUR if bad else TYPE_COLOURS[worst.get(flow, "ordinary")]
        rad = 0.08 + 0.12 * k if src != dst else 0.6
        ax.add_patch(
            FancyArrowPatch(
                pos[src], pos[dst], arrowstyle="-|>", mutation_scale=14, color=colour,
                linewidth=3.0 if bad else 1.4, connectionstyle=f"arc3,rad={rad}",
                shrinkA=18, shrinkB=18, zorder=1 if not bad else 2, alpha=0.9,
            )
        )
    for node, (x, y) in sorted(pos.items()):
        r = role.get(node, "third_party")
        ax.scatter([x], [y], s=900, color=ROLE_COLOURS.get(r, "#d9d9d9"), edgecolors="#333333", zorder=3)
        ax.text(x, y - 0.32, labels[node], ha="center", va="top", fontsize=8, zorder=4, wrap=True)
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 0.7, max(xs) + 0.7)
    ax.set_ylim(min(ys) - 0.9, max(ys) + 0.6)

    present_roles = sorted({role.get(n, "third_party") for n in pos}, key=lambda r: COLUMNS.get(r, 9))
    node_handles = [
        Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor=ROLE_COLOURS[r], markeredgecolor="#333333",
               label=t(f"role_{r}", lang))
        for r in present_roles
    ]
    present_types = sorted(set(worst.values()), key=TYPE_ORDER.index)
    edge_handles = [Line2D([], [], color=TYPE_COLOURS[ty], linewidth=2, label=t(f"datatype_{ty}", lang)) for ty in present_types]
    if problems & set(selected):
        edge_handles.append(Line2D([], [], color=PROBLEM_COLOUR, linewidth=3, label=t("datamap_problem", lang)))
    ax.legend(handles=node_handles + edge_handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=5, fontsize=8, frameon=False)
    ax.set_title(title or t("datamap_title", lang, name=register.controller.name), fontsize=12)
    fig.tight_layout()
    return fig


def _label(entity, node: str, lang: str | None) -> str:
    """A node's short display name: a party's or system's name, a subject group's label."""
    if entity is None:
        return node
    label = getattr(entity, "name", None)
    if label is None and getattr(entity, "label", None) is not None:
        label = entity.label.en if lang == "en" else entity.label.nl
    label = label or node
    return label if len(label) <= 26 else label[:25] + "…"
