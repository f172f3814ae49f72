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
# Above these sizes a map per node is unreadable (and takes minutes to draw): the map is drawn per role.
MAX_FLOWS_DRAWN = 250
MAX_NODES_DRAWN = 60


def select_flows(
    register: Register,
    category: str | None = None,
    party: str | None = None,
    purpose: str | None = None,
) -> list[str]:
    """Ids of the flows that carry ``category``, touch ``party`` (directly or through a system it
    runs) and serve ``purpose``; ``None`` means no filter. Sorted.

    >>> from dpia.model import Register
    >>> select_flows(Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"}}))
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
    if len(selected) > MAX_FLOWS_DRAWN:
        return draw_role_map(register, selected, problems, lang, title, tb)
    pos = layout(register, selected)
    if len(pos) > MAX_NODES_DRAWN:
        return draw_role_map(register, selected, problems, lang, title, tb)
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


def draw_role_map(
    register: Register,
    flows: Iterable[str] | None = None,
    problems: Iterable[str] = (),
    lang: str | None = None,
    title: str | None = None,
    tables: Tables | None = None,
) -> Figure:
    """The data map of a large register: one node per role (data subjects, the board and its schools,
    systems, processors, ...), labelled with how many nodes it stands for, and one arrow per pair of
    roles, labelled with how many flows it stands for. Arrows take the colour of the most sensitive
    data they carry; red when a flow among them has a finding. ``draw_datamap`` draws this instead of
    the map per node when there are more than ``MAX_FLOWS_DRAWN`` flows or ``MAX_NODES_DRAWN`` nodes.
    """
    import numpy as np
    import pandas as pd

    tb = tables if tables is not None else Tables(register)
    f = tb.flows
    if flows is not None:
        f = tb.with_flows(f, list(flows))
    role = _node_role(tb)
    src = f["src"].astype(object).map(role).fillna("third_party")
    dst = f["dst"].astype(object).map(role).fillna("third_party")
    # The most sensitive type per flow, as a rank in TYPE_ORDER.
    rank = {ty: i for i, ty in enumerate(TYPE_ORDER)}
    cat_rank = dict(zip(tb.categories["category"].astype(object), tb.categories["type"].map(rank)))
    fc = tb.with_flows(tb.flow_categories, f["flow"])
    worst = pd.Series(fc["category"].astype(object).map(cat_rank).fillna(0).to_numpy(),
                      index=fc["flow"].astype(object).to_numpy()).groupby(level=0).max()
    frame = pd.DataFrame({
        "src": src.to_numpy(), "dst": dst.to_numpy(),
        "worst": f["flow"].astype(object).map(worst).fillna(0).astype(int).to_numpy(),
        "problem": f["flow"].astype(object).isin(set(problems)).to_numpy(),
    })
    edges = frame.groupby(["src", "dst"]).agg(count=("worst", "size"), worst=("worst", "max"),
                                             problem=("problem", "any")).reset_index()
    members = pd.concat([pd.DataFrame({"role": src.to_numpy(), "node": f["src"].astype(object).to_numpy()}),
                         pd.DataFrame({"role": dst.to_numpy(), "node": f["dst"].astype(object).to_numpy()})])
    sizes = members.drop_duplicates().groupby("role")["node"].size().to_dict()
    roles = sorted(sizes, key=lambda r: (COLUMNS.get(r, 5), r))
    # Roles sharing a column (recipients, third parties) sit one above the other.
    pos: dict[str, tuple[float, float]] = {}
    for col in sorted({COLUMNS.get(r, 5) for r in roles}):
        here = [r for r in roles if COLUMNS.get(r, 5) == col]
        for i, r in enumerate(here):
            pos[r] = (float(col), (len(here) - 1) / 2.0 - i)

    fig, ax = plt.subplots(figsize=(14, 5.5), dpi=100)
    ax.set_axis_off()
    widths = np.log10(edges["count"].to_numpy() + 1)
    scale = 5.0 / max(widths.max(), 1.0) if len(widths) else 1.0
    for (s, d, count, worst_rank, bad), width in zip(edges.itertuples(index=False, name=None), widths):
        colour = PROBLEM_COLOUR if bad else TYPE_COLOURS[TYPE_ORDER[int(worst_rank)]]
        rad = 0.25
        (x1, y1), (x2, y2) = pos[s], pos[d]
        if s == d:  # flows within a role: a loop above its node
            start, end, style, shrink = (x1 - 0.1, y1 + 0.2), (x1 + 0.1, y1 + 0.2), "arc3,rad=-2.2", 0
        else:
            start, end, style, shrink = pos[s], pos[d], f"arc3,rad={rad}", 30
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16, color=colour,
                                     linewidth=1.0 + width * scale, connectionstyle=style,
                                     shrinkA=shrink, shrinkB=shrink, zorder=2 if bad else 1, alpha=0.85))
        if s == d:
            mx, my = x1, y1 + 0.62
        else:  # the label sits on the bulge of the arc
            mx, my = (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2
        ax.text(mx, my, f"{count:,}".replace(",", "."), ha="center", va="center", fontsize=8, zorder=5,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "lw": 0.8})
    for r, (x, y) in pos.items():
        ax.scatter([x], [y], s=2600, color=ROLE_COLOURS.get(r, "#d9d9d9"), edgecolors="#333333", zorder=3)
        ax.text(x, y, f"{t(f'role_{r}', lang)}\n({sizes[r]:,})".replace(",", "."), ha="center", va="center",
                fontsize=8, zorder=4, wrap=True)
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 1.2, max(ys) + 1.2)
    present = sorted({TYPE_ORDER[int(w)] for w in edges["worst"]}, key=TYPE_ORDER.index)
    handles = [Line2D([], [], color=TYPE_COLOURS[ty], linewidth=2, label=t(f"datatype_{ty}", lang)) for ty in present]
    if edges["problem"].any():
        handles.append(Line2D([], [], color=PROBLEM_COLOUR, linewidth=3, label=t("datamap_problem", lang)))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=6, fontsize=8, frameon=False)
    heading = title or t("datamap_title", lang, name=register.controller.name)
    ax.set_title(heading + "\n" + t("datamap_by_role", lang, flows=f"{len(f):,}".replace(",", "."),
                                     nodes=f"{sum(sizes.values()):,}".replace(",", ".")), fontsize=11)
    fig.tight_layout()
    return fig

