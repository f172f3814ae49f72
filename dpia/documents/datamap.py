"""The data map: who sends which pupil data to whom, drawn for a reader on paper.

The map is drawn for an A4 page: every figure is exactly as wide as the printed column of an A4 page
(17 cm, ``PRINT_WIDTH_IN``), so a font size in the figure is the size on paper, and no label is
smaller than 8 pt (``MIN_PRINT_PT``). Organisations stand in columns by role, read left to right as
data travels: the people the data is about, the school board and its schools, processors (who work
for the school), sub-processors (who work for a processor), other organisations with their own
responsibility (independent controllers, recipients, third parties) and the public. Every column has
a heading that says what the role means; a system is drawn as the organisation that runs it, with the
system's name under the organisation's (a parent asks who gets the data, then through which product).
Labels are the names from the register, wrapped to the width of their box, never ids; boxes are
stacked without overlap. Arrows are coloured by the most sensitive data they carry and drawn thick
and red when a flow among them has a finding; the legend says so in the reader's language.

When the whole register does not fit on one page, :func:`datamap_figures` gives an overview and one
map per theme (see :func:`flow_themes`), each theme split into parts that fit a page, and the report
shows them all. Coarser maps merge the schools into the board ("OMO Scholengroep Helmond, 3
scholen") and, for the overview of a large register, every role into one box with a count.

The layout is computed, not simulated: the same register always gives the same figure, byte for byte
when saved with :func:`dpia.documents.figures.save_figure`. Only matplotlib is used (no graphviz).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dpia.i18n import BABEL_LOCALES, default_lang, t
from dpia.model import LegalBasis, Register
from dpia.analysis.tables import Tables
from typing import Any
from dpia.analysis.breach import Impact
from dpia.documents.figures import figure_bytes
from dpia.model.names import name_of

# ---- the page

PRINT_WIDTH_IN = 17.0 / 2.54  # the printed column of an A4 page (21 cm less 2 cm margins each side)
MAX_HEIGHT_IN = 21.0 / 2.54  # a map taller than this does not fit one A4 page with its heading
MIN_PRINT_PT = 8.0  # the smallest text on paper
LABEL_PT = 8.0
HEADER_PT = 8.5
TITLE_PT = 11.0
LINE_IN = LABEL_PT * 1.22 / 72  # the height of one label line
BOX_PAD_IN = 0.05  # above and below the text in a box
TEXT_PAD_PT = 3.0  # left and right of the text in a box
BOX_GAP_IN = 0.12  # between two boxes of a column
ARROW_GAP_IN = 0.26  # between two columns, where the arrows run
MAX_LINES = 4  # of a label; longer names end in "…"
PNG_DPI = 150  # for the report: sharp on screen, and the image is shrunk to the page's width in print

# ---- roles and columns

# The column of each role, left to right as data travels; a system takes its operator's column.
COLUMN_OF_ROLE = {
    "data_subject": "subjects",
    "controller": "controller",
    "joint_controller": "processor",
    "processor": "processor",
    "sub_processor": "sub_processor",
    "independent_controller": "others",
    "recipient": "others",
    "third_party": "others",
    "public": "public",
}
COLUMNS = ["subjects", "controller", "processor", "sub_processor", "others", "public"]
# Relative widths: people and the public have short names; organisations long ones.
COLUMN_WEIGHT = {"subjects": 0.95, "controller": 1.1, "processor": 1.2, "sub_processor": 1.1, "others": 1.2,
                 "public": 0.95}
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
# Data types from least to most sensitive; an arrow takes the colour of its most sensitive category.
TYPE_ORDER = ["ordinary", "sensitive", "criminal", "national_id", "special"]
TYPE_COLOURS = {
    "ordinary": "#9e9e9e",
    "sensitive": "#1f78b4",
    "criminal": "#6a3d9a",
    "national_id": "#ff7f00",
    "special": "#b15928",
}
PROBLEM_COLOUR = "#e31a1c"
FADED_COLOUR = "#b0b0b0"  # an arrow outside a highlighted part (a breach's reach)
FADED_ALPHA = 0.35

# ---- themes (see flow_themes)

THEMES = ["pupil_administration", "learning", "photos", "communication", "legal", "sharing", "other"]
SYSTEM_THEME = {
    "pupil_administration": "pupil_administration",
    "learning_platform": "learning",
    "learning_materials": "learning",
    "identity": "learning",
    "photo": "photos",
    "website": "photos",
    "mail": "communication",
    "file_storage": "communication",
    "other": "communication",
}
DISCLOSURE_ROLES = {"independent_controller", "recipient", "third_party", "joint_controller"}
OUTSIDE_ROLES = DISCLOSURE_ROLES | {"public"}

# Levels of detail: one box per organisation (schools apart), the schools merged into the board,
# one box per role.
DETAIL, SCHOOLS_MERGED, ROLES = 0, 1, 2


class MapFigure(Figure):
    """A matplotlib Figure that shows itself in a notebook as a PNG (``_repr_png_``), so a map is shown
    in a cell or a widget's output whether or not pyplot has loaded the notebook's backend; the data
    map never touches pyplot."""

    def _repr_png_(self) -> bytes:
        return figure_bytes(self, "png")


class DataMapFigure(NamedTuple):
    """One figure of the data map, with its heading and a text alternative for the report."""

    title: str
    alt: str
    figure: Figure


# ---- selecting flows


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


# ---- names for people


def _count(key: str, n: int, lang: str | None) -> str:
    """``n`` things: the catalogue's plural entry ``key`` ('1 school', '1.200 scholen')."""
    return t(key, lang, count=n)


# ---- the register, once per map


class _Context:
    """What every map of one register needs: node roles, names, the worst data type per flow."""

    def __init__(self, register: Register, problems: Iterable[str], lang: str | None, tables: Tables | None = None,
                 highlight: Iterable[str] | None = None, highlight_nodes: Iterable[str] = ()):
        self.register, self.lang = register, lang
        self.titled = True
        self.tb = tb = tables if tables is not None else Tables(register)
        self.problems = set(problems)
        self.ids = list(tb.ids.categories)
        r = register
        self.entities = {r.controller.id: r.controller}
        self.entities.update({s.id: s for s in r.controller.schools})
        self.entities.update({s.id: s for s in r.subjects})
        self.entities.update({p.id: p for p in r.parties})
        self.entities.update({s.id: s for s in r.systems})
        self.schools = {s.id for s in r.controller.schools}
        self.controller = r.controller.id
        self.role = {p.id: p.role.value for p in r.parties}
        self.role.update({s.id: "data_subject" for s in r.subjects})
        self.role.update({i: "controller" for i in self.schools | {self.controller}})
        self.processor_of = {p.id: p.processor_of for p in r.parties if p.processor_of}
        # a system is drawn as the organisation that runs it (the board for its own systems)
        self.operator = {}
        for s in r.systems:
            op = s.operated_by if s.operated_by in self.role else self.controller
            self.operator[s.id] = self.controller if op in self.schools else op
        self.system_kind = {s.id: s.kind.value for s in r.systems}
        flows = tb.flows
        self.flow_codes = flows["flow"].cat.codes.to_numpy()
        self.src = flows["src"].cat.codes.to_numpy()
        self.dst = flows["dst"].cat.codes.to_numpy()
        # the most sensitive data type of each flow, by flow code
        rank = {ty: i for i, ty in enumerate(TYPE_ORDER)}
        cat_rank = np.zeros(len(self.ids) + 1, dtype=np.int64)
        cats = tb.categories
        cat_rank[cats["category"].cat.codes.to_numpy()] = cats["type"].astype(object).map(rank).fillna(0).to_numpy()
        fc = tb.flow_categories
        worst = np.zeros(len(tb._flow_index[0].categories), dtype=np.int64)
        np.maximum.at(worst, fc["flow"].cat.codes.to_numpy(), cat_rank[fc["category"].cat.codes.to_numpy()])
        self.worst = worst[self.flow_codes]
        problem_ids = pd.Index(sorted(self.problems), dtype=object)
        self.problem = flows["flow"].astype(object).isin(problem_ids).to_numpy() if len(problem_ids) else np.zeros(len(flows), bool)
        # a highlighted part (a breach's reach): the flows in ``highlight`` and the nodes they join, or
        # named in ``highlight_nodes``, at full strength; the rest faded. None: nothing faded.
        self.highlighting = highlight is not None
        lit_ids = pd.Index(sorted(set(highlight or ())), dtype=object)
        self.lit = flows["flow"].astype(object).isin(lit_ids).to_numpy() if len(lit_ids) else np.zeros(len(flows), bool)
        self.lit_nodes = set(highlight_nodes) | {self.ids[c] for c in np.unique(np.concatenate([self.src[self.lit], self.dst[self.lit]]))
                                                 if c >= 0}

    def name(self, node: str) -> str:
        """The name a reader knows a node by, through the one naming layer (``dpia.model.names``)."""
        return name_of(self.register, node, self.lang)

    def node_role(self, node: str) -> str:
        """The role of the box a node is drawn in (a system: its operator's)."""
        return self.role.get(self.operator.get(node, node), "third_party")

    def holder(self, node: str) -> str:
        """The organisation a node is drawn as: a system's operator, else the node itself."""
        return self.operator.get(node, node)


# ---- themes


def flow_themes(register: Register, tables: Tables | None = None) -> pd.Series:
    """The theme of every flow (a Series of theme keys, indexed by flow id, sorted), for one map per
    theme. Decided from the register, first rule that applies:

    1. ``legal`` (legal duties): the flow goes to another controller (an independent or joint
       controller, a recipient, a third party) and every purpose it serves has the legal basis
       *legal obligation* (BRON to DUO, absence to the municipality's attendance officer);
    2. the theme of the system it goes to, else of the system it comes from, by the system's kind
       (``SYSTEM_THEME``: the pupil administration; learning materials, platforms and log-in; photos
       and the website; mail, file storage and other systems as communication);
    3. ``sharing``: it goes to another organisation or the public for another reason (an excursion,
       the next school);
    4. the theme of the flows that reach its source (a hosting company's back-up belongs with what it
       hosts), the first theme in ``THEMES`` order when several reach it, followed for up to three
       steps;
    5. ``other``.

    >>> from dpia.model import Register
    >>> reg = Register.model_validate({
    ...     "controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "parties": [{"id": "duo", "name": "DUO", "role": "independent_controller"},
    ...                 {"id": "sup", "name": "Sup", "role": "processor"}],
    ...     "systems": [{"id": "las", "name": "LAS", "kind": "pupil_administration", "operated_by": "sup"}],
    ...     "purposes": [{"id": "bron", "label": {"nl": "B", "en": "B"}, "legal_basis": "legal_obligation",
    ...                   "legal_source": "WVO 2020"}],
    ...     "data_categories": [{"id": "n", "label": {"nl": "N", "en": "N"}, "type": "ordinary"}],
    ...     "flows": [{"id": "f1", "from": "b", "to": "las", "categories": ["n"]},
    ...               {"id": "f2", "from": "las", "to": "duo", "categories": ["n"], "purposes": ["bron"]}]})
    >>> flow_themes(reg).to_dict()
    {'f1': 'pupil_administration', 'f2': 'legal'}
    """
    ctx = _Context(register, (), None, tables)
    return _themes(ctx)


def _themes(ctx: _Context) -> pd.Series:
    tb = ctx.tb
    ids = np.array(ctx.ids + [""], dtype=object)  # code -1 reads as ""
    n = len(ctx.src)
    role_of = np.array([ctx.node_role(i) for i in ids[:-1]] + ["third_party"], dtype=object)
    system_theme = np.array([SYSTEM_THEME.get(ctx.system_kind.get(i, ""), "") for i in ids], dtype=object)
    dst_role = role_of[ctx.dst]
    dst_is_system = np.array([i in ctx.system_kind for i in ids], dtype=bool)[ctx.dst]
    # 1. legal duties: to another controller, every purpose a legal obligation
    legal_basis = {p.id: p.legal_basis for p in ctx.register.purposes}
    obligation = np.array([legal_basis.get(i) is LegalBasis.LEGAL_OBLIGATION for i in ids], dtype=bool)
    fp = tb.flow_purposes
    by_flow_code = np.zeros(len(tb._flow_index[0].categories), dtype=np.int64)
    not_obligation = np.zeros_like(by_flow_code)
    fcodes = fp["flow"].cat.codes.to_numpy()
    np.add.at(by_flow_code, fcodes, 1)
    np.add.at(not_obligation, fcodes, (~obligation[fp["purpose"].cat.codes.to_numpy()]).astype(np.int64))
    all_legal = (by_flow_code > 0) & (not_obligation == 0)
    theme = np.full(n, "", dtype=object)
    legal = all_legal[ctx.flow_codes] & np.isin(dst_role, list(DISCLOSURE_ROLES)) & ~dst_is_system
    theme[legal] = "legal"
    # 2. by system
    for codes in (ctx.dst, ctx.src):
        open_ = theme == ""
        theme[open_] = system_theme[codes[open_]]
    # 3. to another organisation or the public
    open_ = (theme == "") & np.isin(dst_role, list(OUTSIDE_ROLES))
    theme[open_] = "sharing"
    # 4. inherit from the flows that reach the source
    order = {k: i for i, k in enumerate(THEMES)}
    for _ in range(3):
        open_ = theme == ""
        if not open_.any():
            break
        known = ~open_
        reach = pd.DataFrame({"node": ctx.dst[known], "rank": [order[x] for x in theme[known]]})
        first = reach.groupby("node")["rank"].min()
        inherited = pd.Series(ctx.src[open_]).map(first)
        got = inherited.notna().to_numpy()
        if not got.any():
            break
        idx = np.flatnonzero(open_)[got]
        theme[idx] = [THEMES[int(r)] for r in inherited[got]]
    theme[theme == ""] = "other"
    flow_ids = tb.flows["flow"].astype(object).to_numpy()
    return pd.Series(theme, index=pd.Index(flow_ids, name="flow"), name="theme").sort_index()


# ---- text measured in points


@lru_cache(maxsize=1)
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(100, 100, 72)  # at 72 dpi a pixel is a point


@lru_cache(maxsize=20000)
def _width_pt(text: str, size: float, bold: bool = False) -> float:
    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    w, _, _ = _renderer().get_text_width_height_descent(text, prop, ismath=False)
    return float(w)


@lru_cache(maxsize=2)
def _hyphenator(lang: str | None):
    import pyphen

    return pyphen.Pyphen(lang=BABEL_LOCALES[lang or default_lang()])


def _break_word(word: str, width_pt: float, size: float, bold: bool, lang: str | None) -> list[str]:
    """A word too wide for a line, in pieces that fit: at its own hyphens or at the syllable breaks
    of the reader's language (pyphen's dictionaries), widest piece first; between letters only when
    no break fits."""
    pieces = []
    while _width_pt(word, size, bold) > width_pt and len(word) > 2:
        cuts = [(i + 1, word[: i + 1]) for i, ch in enumerate(word[:-1]) if ch == "-"]
        cuts += [(len(head), head + "-") for head, _ in _hyphenator(lang).iterate(word) if not head.endswith("-")]
        fitting = [(n, head) for n, head in cuts if _width_pt(head, size, bold) <= width_pt]
        if fitting:
            n, head = max(fitting)
        else:
            n = len(word) - 1
            while n > 1 and _width_pt(word[:n] + "-", size, bold) > width_pt:
                n -= 1
            head = word[:n] + "-"
        pieces.append(head)
        word = word[n:]
    return pieces + [word]


@lru_cache(maxsize=20000)
def wrap(text: str, width_pt: float, size: float = LABEL_PT, bold: bool = False, max_lines: int = MAX_LINES,
         lang: str | None = None) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width_pt`` at ``size`` points, measured with the
    font matplotlib draws with; a word too long for a line is hyphenated (:func:`_break_word`); at
    most ``max_lines`` lines, the last ending in "…" when the text is longer.

    >>> wrap("Dienst Uitvoering Onderwijs (DUO)", 80)
    ('Dienst Uitvoering', 'Onderwijs (DUO)')
    >>> wrap("Gemeente Helmond, leerplichtambtenaar", 70)
    ('Gemeente', 'Helmond,', 'leerplichtambte-', 'naar')
    """
    words: list[str] = []
    for word in text.split():
        words += _break_word(word, width_pt, size, bold, lang)
    lines: list[str] = []
    for word in words:
        if lines and not lines[-1].endswith("-") and _width_pt(lines[-1] + " " + word, size, bold) <= width_pt:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and _width_pt(last + "…", size, bold) > width_pt:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last.rstrip(" -") + "…"]
    return tuple(lines) or ("",)


# ---- a map: boxes in columns, arrows between them


@dataclass
class _Box:
    key: str
    column: str
    role: str
    lines: tuple[str, ...]
    text: str = ""  # the label unbroken
    x: float = 0.0  # left edge, inches
    y: float = 0.0  # centre, inches
    w: float = 0.0
    h: float = 0.0


@dataclass
class _Plan:
    title: str
    boxes: dict[str, _Box]
    edges: list[tuple[str, str, int, bool]]  # source box, destination box, worst type rank, problem
    columns: list[str]
    headers: dict[str, tuple[str, ...]]
    legend: list[tuple[str, str, float]]  # colour, text, line width
    title_lines: tuple[str, ...]
    flows: int
    width: float = PRINT_WIDTH_IN
    height: float = 0.0
    column_x: dict[str, tuple[float, float]] = field(default_factory=dict)  # left, width
    reserve: float = 0.0  # the height of the title left out of the image
    explained: tuple[str, ...] = ()  # the sentence under the legend: what the roles mean
    order: dict[str, list[str]] = field(default_factory=dict)  # the boxes of each column, top to bottom
    top: float = 0.0  # from the top of the figure to the column headings
    legend_top: float = 0.0  # from the bottom of the figure to the legend's top
    faded_edges: set[tuple[str, str]] = field(default_factory=set)  # outside a highlighted part
    faded_boxes: set[str] = field(default_factory=set)

    @property
    def fits(self) -> bool:
        return self.height + self.reserve <= MAX_HEIGHT_IN


def _group_of(ctx: _Context, node: str, level: int) -> tuple[str, str]:
    """The box (key, role) a node is drawn in at ``level``."""
    holder = ctx.holder(node)
    role = ctx.node_role(node)
    if level >= ROLES:
        return "role:" + COLUMN_OF_ROLE.get(role, "others"), role
    if level >= SCHOOLS_MERGED and holder in ctx.schools:
        return ctx.controller, "controller"
    return holder, role


def _plan(ctx: _Context, rows: np.ndarray, level: int, title: str) -> _Plan:
    """Lay out the flows at positions ``rows`` of the flow table at ``level`` of detail."""
    lang = ctx.lang
    ids = ctx.ids
    src_codes, dst_codes = ctx.src[rows], ctx.dst[rows]
    used = sorted({ids[c] for c in np.unique(np.concatenate([src_codes, dst_codes])) if c >= 0})
    group = {node: _group_of(ctx, node, level) for node in used}
    members: dict[str, list[str]] = defaultdict(list)
    for node in used:
        members[group[node][0]].append(node)
    # edges: one per pair of boxes, the worst data and whether a flow among them has a finding
    key_of_code = np.full(len(ids) + 1, -1, dtype=np.int64)
    keys = sorted(members)
    key_index = {k: i for i, k in enumerate(keys)}
    id_pos = {n: i for i, n in enumerate(ids)}
    for node in used:
        key_of_code[id_pos[node]] = key_index[group[node][0]]
    s_key, d_key = key_of_code[src_codes], key_of_code[dst_codes]
    keep = (s_key != d_key) & (s_key >= 0) & (d_key >= 0)
    pairs, inverse = np.unique(s_key[keep] * len(keys) + d_key[keep], return_inverse=True)
    worst = np.zeros(len(pairs), dtype=np.int64)
    np.maximum.at(worst, inverse, ctx.worst[rows][keep])
    bad = np.zeros(len(pairs), dtype=bool)
    np.logical_or.at(bad, inverse, ctx.problem[rows][keep])
    edges = [(keys[int(pr) // len(keys)], keys[int(pr) % len(keys)], int(w), bool(b))
             for pr, w, b in zip(pairs, worst, bad)]
    lit = np.zeros(len(pairs), dtype=bool)
    np.logical_or.at(lit, inverse, ctx.lit[rows][keep])
    connected = {k for e in edges for k in e[:2]} or set(keys)

    boxes: dict[str, _Box] = {}
    for key in keys:
        if key not in connected:
            continue
        role = group[members[key][0]][1]
        column = COLUMN_OF_ROLE.get(role, "others")
        boxes[key] = _Box(key, column, role, ())
    columns = [c for c in COLUMNS if any(b.column == c for b in boxes.values())]
    longest = defaultdict(float)
    for key, box in boxes.items():
        words = ctx.name(key).split() if not key.startswith("role:") else []
        words += [w for m in members[key] if m in ctx.system_kind for w in ("(" + ctx.name(m) + ")").split()]
        longest[box.column] = max([longest[box.column]] + [_width_pt(w, LABEL_PT) for w in words])
    need = {c: max(longest[c] / 72 + 2 * TEXT_PAD_PT / 72 + ARROW_GAP_IN + 0.02,
                   max(_width_pt(w, HEADER_PT, True) for w in t(f"datamap_column_{c}", lang).split()) / 72 + 0.1)
            for c in columns}
    widths = _column_widths(columns, need)
    x = 0.0
    column_x = {}
    for c in columns:
        column_x[c] = (x, widths[c])
        x += widths[c]
    headers = {c: wrap(t(f"datamap_column_{c}", lang), (column_x[c][1] - 0.06) * 72, HEADER_PT, True, 3, lang)
               for c in columns}
    for key, box in boxes.items():
        box.w = column_x[box.column][1] - ARROW_GAP_IN
        box.lines, box.text = _label(ctx, key, members[key], level, (box.w * 72) - 2 * TEXT_PAD_PT)
        box.h = len(box.lines) * LINE_IN + 2 * BOX_PAD_IN
        box.x = column_x[box.column][0] + ARROW_GAP_IN / 2

    # legend: the data types present, and the red arrow
    present = sorted({e[2] for e in edges})
    legend = [(TYPE_COLOURS[TYPE_ORDER[r]], t(f"datatype_{TYPE_ORDER[r]}", lang), 2.0) for r in present]
    if any(e[3] for e in edges):
        legend.append((PROBLEM_COLOUR, t("datamap_problem", lang), 3.0))
    title_lines = wrap(title, PRINT_WIDTH_IN * 72 - 10, TITLE_PT, False, 2) if title else ()
    # without a title in the image (the report's heading holds it) a map still splits as with one
    reserve = _title_height(title_lines) if not ctx.titled else 0.0
    title_lines = title_lines if ctx.titled else ()
    plan = _Plan(title, boxes, edges, columns, headers, legend, title_lines, int(len(rows)), column_x=column_x,
                 reserve=reserve)
    plan.explained = wrap(t("datamap_roles_explained", lang), (PRINT_WIDTH_IN - 0.5) * 72, LABEL_PT, False, 4, lang)
    if ctx.highlighting:
        plan.faded_edges = {(e[0], e[1]) for e, on in zip(edges, lit) if not on}
        plan.faded_boxes = {k for k in boxes if not any(m in ctx.lit_nodes for m in members[k])}
    _order_columns(plan)
    _measure(plan)
    return plan


def _column_widths(columns: list[str], need: dict[str, float]) -> dict[str, float]:
    """Widths of the columns across the page: by ``COLUMN_WEIGHT``, then a column whose longest word
    does not fit takes width from columns with room to spare (never below what their own longest word
    needs, nor below 60 % of their share), so names break between words rather than inside them."""
    total = sum(COLUMN_WEIGHT[c] for c in columns) or 1.0
    width = {c: PRINT_WIDTH_IN * COLUMN_WEIGHT[c] / total for c in columns}
    for _ in range(3):
        deficit = {c: need[c] - width[c] for c in columns if need[c] > width[c]}
        slack = {c: width[c] - max(need[c], 0.6 * PRINT_WIDTH_IN * COLUMN_WEIGHT[c] / total) for c in columns
                 if c not in deficit}
        slack = {c: v for c, v in slack.items() if v > 0}
        if not deficit or not slack:
            break
        moved = min(sum(deficit.values()), sum(slack.values()))
        for c, v in slack.items():
            width[c] -= moved * v / sum(slack.values())
        for c, v in deficit.items():
            width[c] += moved * v / sum(deficit.values())
    return width


def _label(ctx: _Context, key: str, members: list[str], level: int, width_pt: float) -> tuple[tuple[str, ...], str]:
    """The lines of a box, and the same text unbroken (for the alt text): the organisation's name,
    then what it stands for (its systems, the schools merged into it, or a count)."""
    lang = ctx.lang
    pieces: list[tuple[str, int]] = []  # text, most lines
    if key.startswith("role:"):
        column = key[5:]
        systems = [m for m in members if m in ctx.system_kind]
        orgs = {ctx.holder(m) for m in members}
        if column == "subjects":
            pieces.append((_count("datamap_n_groups", len(members), lang), 2))
        elif column == "controller":
            pieces.append((_count("datamap_n_schools", len({m for m in orgs if m in ctx.schools}) or 1, lang), 2))
        else:
            pieces.append((_count("datamap_n_organisations", len(orgs), lang), 2))
        if systems:
            pieces.append((_count("datamap_n_systems", len(systems), lang), 2))
    else:
        pieces.append((ctx.name(key), MAX_LINES))
        systems = sorted(m for m in members if m in ctx.system_kind)
        schools = sorted(m for m in members if m in ctx.schools and m != key)
        if schools and level >= SCHOOLS_MERGED:
            pieces.append((_count("datamap_n_schools", len(schools), lang), 1))
        if systems:
            names = "(" + ", ".join(ctx.name(x) for x in systems) + ")"
            if len(systems) > 6 or wrap(names, width_pt, max_lines=3, lang=lang)[-1].endswith("…"):
                names = "(" + _count("datamap_n_systems", len(systems), lang) + ")"
            pieces.append((names, 3))
    lines: tuple[str, ...] = ()
    for text, most in pieces:
        lines += wrap(text, width_pt, max_lines=most, lang=lang)
    return lines, " ".join(text for text, _ in pieces)


def _order_columns(plan: _Plan) -> None:
    """Order the boxes of each column so that arrows cross little: a few sweeps placing each box at
    the mean rank of the boxes it is connected to (ties by name, so the order is deterministic)."""
    by_column = {c: sorted((k for k, b in plan.boxes.items() if b.column == c), key=lambda k: (plan.boxes[k].lines, k))
                 for c in plan.columns}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for s, d, _, _ in plan.edges:
        neighbours[s].add(d)
        neighbours[d].add(s)
    for _ in range(4):
        rank = {k: (i + 0.5) / len(keys) for keys in by_column.values() for i, k in enumerate(keys)}
        for c in plan.columns:
            keys = by_column[c]
            own = {k: rank[k] for k in keys}

            def score(k: str) -> float:
                others = [rank[n] for n in neighbours[k] if plan.boxes[n].column != c]
                return sum(others) / len(others) if others else own[k]

            by_column[c] = sorted(keys, key=lambda k: (round(score(k), 6), plan.boxes[k].lines, k))
            rank.update({k: (i + 0.5) / len(keys) for i, k in enumerate(by_column[c])})
    plan.order = by_column


def _title_height(lines: tuple[str, ...]) -> float:
    return len(lines) * TITLE_PT * 1.3 / 72 + 0.08 if lines else 0.0


def _measure(plan: _Plan) -> None:
    """Vertical positions: title, column headings, the boxes of each column centred, the legend."""
    order = plan.order
    top = 0.12 + _title_height(plan.title_lines)
    header_h = max((len(h) for h in plan.headers.values()), default=1) * HEADER_PT * 1.25 / 72 + 0.1
    stack = {c: sum(plan.boxes[k].h for k in keys) + BOX_GAP_IN * max(len(keys) - 1, 0) for c, keys in order.items()}
    body = max(stack.values(), default=0.0)
    legend_rows = (len(plan.legend) + 1) // 2
    legend_h = 0.12 + legend_rows * 0.2 + len(plan.explained) * LINE_IN + 0.1
    plan.height = top + header_h + body + 0.15 + legend_h
    plan.top = top
    body_top = top + header_h
    for c, keys in order.items():
        y = body_top + (body - stack[c]) / 2
        for k in keys:
            b = plan.boxes[k]
            b.y = plan.height - (y + b.h / 2)  # matplotlib's y runs upwards
            y += b.h + BOX_GAP_IN
    plan.legend_top = plan.height - (body_top + body + 0.15)


def _ports(plan: _Plan) -> dict[tuple[str, str, str], float]:
    """Where each arrow leaves and enters its boxes: the arrows on one side of a box spread over its
    height in the order of the boxes at their other ends, so they do not start on one point."""
    index = {c: i for i, c in enumerate(COLUMNS)}
    sides: dict[tuple[str, str], list[tuple[float, str, str]]] = defaultdict(list)
    for s, d, _, _ in plan.edges:
        a, b = plan.boxes[s], plan.boxes[d]
        forward = index[a.column] <= index[b.column]
        out_side = "right" if forward else "left"
        in_side = "left" if index[a.column] < index[b.column] else "right"
        sides[(s, out_side)].append((-b.y, d, "out"))
        sides[(d, in_side)].append((-a.y, s, "in"))
    ports = {}
    for (key, side), ends in sides.items():
        box = plan.boxes[key]
        ends.sort()
        n = len(ends)
        span = box.h * 0.7
        for i, (_, other, way) in enumerate(ends):
            offset = 0.0 if n == 1 else span / 2 - span * i / (n - 1)
            ports[(key, other, way)] = box.y + offset
    return ports


def _gaps(plan: _Plan) -> dict[str, list[tuple[float, float]]]:
    """The free vertical intervals of each column (between and around its boxes), bottom to top."""
    out = {}
    for c in plan.columns:
        boxes = sorted((b for b in plan.boxes.values() if b.column == c), key=lambda b: b.y)
        free, low = [], 0.0
        for b in boxes:
            free.append((low, b.y - b.h / 2))
            low = b.y + b.h / 2
        free.append((low, plan.height))
        out[c] = [(lo, hi) for lo, hi in free if hi - lo > 0.02]
    return out


def _route(plan: _Plan, gaps, start: tuple[float, float], end: tuple[float, float], between: list[str]) -> list:
    """Waypoints from ``start`` to ``end`` through the columns ``between`` (in the order crossed),
    each crossed at the free gap nearest the straight line, so no arrow runs behind a box."""
    points = [start]
    x0, y0 = start
    x1, y1 = end
    for c in between:
        left, w = plan.column_x[c]
        mid = left + w / 2
        frac = (mid - x0) / (x1 - x0) if x1 != x0 else 0.5
        want = y0 + frac * (y1 - y0)
        lo, hi = min(gaps[c], key=lambda g: 0.0 if g[0] <= want <= g[1] else min(abs(want - g[0]), abs(want - g[1])))
        y = min(max(want, lo + 0.03), hi - 0.03) if hi - lo > 0.06 else (lo + hi) / 2
        a, b = (left, left + w) if x1 > x0 else (left + w, left)
        points += [(a + (0.02 if x1 > x0 else -0.02), y), (b - (0.02 if x1 > x0 else -0.02), y)]
        x0, y0 = points[-1]
    points.append(end)
    return points


def _draw(plan: _Plan) -> Figure:
    """The figure of a plan, in inches: the axes cover the whole figure, one data unit an inch."""
    from matplotlib.path import Path

    fig = MapFigure(figsize=(plan.width, plan.height), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, plan.width)
    ax.set_ylim(0, plan.height)
    if plan.title_lines:
        fig.text(0.5, 1 - 0.12 / plan.height, "\n".join(plan.title_lines), ha="center", va="top",
                 fontsize=TITLE_PT, linespacing=1.3)
    header_y = plan.height - plan.top
    for c in plan.columns:
        left, w = plan.column_x[c]
        ax.text(left + w / 2, header_y, "\n".join(plan.headers[c]), ha="center", va="top", fontsize=HEADER_PT,
                fontweight="bold", color="#333333", linespacing=1.15)
    index = {c: i for i, c in enumerate(COLUMNS)}
    ports = _ports(plan)
    gaps = _gaps(plan)
    for s, d, worst, bad in sorted(plan.edges, key=lambda e: (e[3], e[2], e[0], e[1])):
        a, b = plan.boxes[s], plan.boxes[d]
        colour = PROBLEM_COLOUR if bad else TYPE_COLOURS[TYPE_ORDER[worst]]
        ya, yb = ports[(s, d, "out")], ports[(d, s, "in")]
        ca, cb = index[a.column], index[b.column]
        style = {"arrowstyle": "-|>", "mutation_scale": 9, "color": colour, "linewidth": 2.2 if bad else 1.0,
                 "shrinkA": 0, "shrinkB": 0, "zorder": 3 if bad else 2, "alpha": 0.9}
        if (s, d) in plan.faded_edges:  # outside the highlighted part: thin, grey and faint, beneath the rest
            style.update(color=FADED_COLOUR, linewidth=0.8, alpha=FADED_ALPHA, zorder=1)
        elif plan.faded_edges:  # inside it: thicker, so that it stands out from the faded arrows
            style.update(linewidth=max(style["linewidth"], 2.0))
        if ca == cb:  # within a column: a short arc in the gap on its right side (left in the last column)
            right = a.column != plan.columns[-1]
            start, end = ((a.x + a.w, ya), (b.x + b.w, yb)) if right else ((a.x, ya), (b.x, yb))
            bulge = min(ARROW_GAP_IN * 0.8, 0.5 * abs(ya - yb))
            rad = (1 if (ya < yb) == right else -1) * 2 * bulge / max(abs(ya - yb), 1e-6)
            ax.add_artist(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={rad:.4f}", **style))
            continue
        if ca < cb:
            start, end = (a.x + a.w, ya), (b.x, yb)
            between = [c for c in plan.columns if ca < index[c] < cb]
        else:
            start, end = (a.x, ya), (b.x + b.w, yb)
            between = [c for c in reversed(plan.columns) if cb < index[c] < ca]
        points = _route(plan, gaps, start, end, between)
        path = Path(points, [Path.MOVETO] + [Path.LINETO] * (len(points) - 1))
        ax.add_artist(FancyArrowPatch(path=path, **style))
    for key in sorted(plan.boxes):
        b = plan.boxes[key]
        faded = key in plan.faded_boxes
        ax.add_artist(FancyBboxPatch((b.x, b.y - b.h / 2), b.w, b.h, boxstyle="round,pad=0,rounding_size=0.04",
                                    facecolor="#f2f2f2" if faded else ROLE_COLOURS.get(b.role, "#d9d9d9"),
                                    edgecolor="#bbbbbb" if faded else "#555555",
                                    linewidth=0.6 if faded else (1.4 if plan.faded_boxes else 0.6), zorder=4))
        ax.text(b.x + b.w / 2, b.y, "\n".join(b.lines), ha="center", va="center", fontsize=LABEL_PT,
                linespacing=1.1, zorder=5, color="#8a8a8a" if faded else "black")
    # legend: two entries a row, then what the roles mean
    y = plan.legend_top - 0.12
    half = plan.width / 2
    for i, (colour, text, lw) in enumerate(plan.legend):
        x0 = 0.25 + (i % 2) * half
        yy = y - (i // 2) * 0.2
        ax.add_line(Line2D([x0, x0 + 0.35], [yy, yy], color=colour, linewidth=lw))
        label = wrap(text, (half - 0.75) * 72, LABEL_PT, False, 1)[0]
        ax.text(x0 + 0.45, yy, label, ha="left", va="center", fontsize=LABEL_PT)
    y -= ((len(plan.legend) + 1) // 2) * 0.2 + 0.02
    ax.text(0.25, y, "\n".join(plan.explained), ha="left", va="top", fontsize=LABEL_PT, linespacing=1.1,
            color="#333333")
    return fig


# ---- the public functions


def _rows(ctx: _Context, flows: Iterable[str] | None) -> np.ndarray:
    if flows is None:
        return np.arange(len(ctx.src))
    wanted = pd.Index(sorted(set(flows)), dtype=object)
    return np.flatnonzero(ctx.tb.flows["flow"].astype(object).isin(wanted).to_numpy())


def _best(ctx: _Context, rows: np.ndarray, title: str, levels=(DETAIL, SCHOOLS_MERGED, ROLES)) -> _Plan:
    """The most detailed plan of ``rows`` that fits a page (else the last level tried)."""
    plan = None
    for level in levels:
        plan = _plan(ctx, rows, level, title)
        if plan.fits:
            return plan
    return plan


def draw_datamap(
    register: Register,
    flows: Iterable[str] | None = None,
    problems: Iterable[str] = (),
    lang: str | None = None,
    title: str | None = None,
    highlight: Iterable[str] | None = None,
    highlight_nodes: Iterable[str] = (),
    tables: Tables | None = None,
) -> Figure:
    """Draw the data map of ``flows`` (default: all) as one figure; flows in ``problems`` are red.

    The most detailed map that fits an A4 page: one box per organisation, else the schools merged
    into the board, else one box per role (:func:`draw_role_map`). Returns a matplotlib Figure (not
    shown, not saved): the caller decides. For a report, :func:`datamap_figures` splits a large map.

    With ``highlight`` (flow ids) only those flows, the boxes they join and the boxes of
    ``highlight_nodes`` are drawn in full; every other arrow is thin, grey and faint and every other
    box pale with grey text (a breach's reach, :func:`dpia.documents.datamap.impact_figure`).
    """
    ctx = _Context(register, problems, lang, tables, highlight, highlight_nodes)
    heading = title or t("datamap_title", lang, name=register.controller.name)
    return _draw(_best(ctx, _rows(ctx, flows), heading))


def draw_role_map(
    register: Register,
    flows: Iterable[str] | None = None,
    problems: Iterable[str] = (),
    lang: str | None = None,
    title: str | None = None,
    tables: Tables | None = None,
) -> Figure:
    """The data map with one box per role (the people, the schools, the processors, ...), each with
    how many groups, schools, organisations and systems it stands for: the overview of a register too
    large to draw organisation by organisation."""
    ctx = _Context(register, problems, lang, tables)
    heading = title or t("datamap_title", lang, name=register.controller.name)
    return _draw(_plan(ctx, _rows(ctx, flows), ROLES, heading))


def datamap_figures(
    register: Register,
    problems: Iterable[str] = (),
    lang: str | None = None,
    tables: Tables | None = None,
    titled: bool = True,
) -> list[DataMapFigure]:
    """The data map for the report, as figures that each fit an A4 page, with titles and alt texts.

    One figure when the whole register fits a page organisation by organisation. Otherwise an
    overview (the schools merged into the board, or one box per role) and one map per theme
    (:func:`flow_themes`), in ``THEMES`` order; a theme too large for a page is split into parts by
    the organisation the data goes to (a processor with its sub-processors stays together), each part
    as detailed as fits. Deterministic: the same register gives the same figures. With ``titled``
    False the title is left out of the image (the report puts it in a heading above).
    """
    ctx = _Context(register, problems, lang, tables)
    ctx.titled = titled
    name = register.controller.name
    everything = np.arange(len(ctx.src))
    if not len(everything):
        return []
    whole = _plan(ctx, everything, DETAIL, t("datamap_title", lang, name=name))
    if whole.fits:
        return [_figure(ctx, whole)]
    out = [_figure(ctx, _best(ctx, everything, t("datamap_overview_title", lang, name=name), (SCHOOLS_MERGED, ROLES)))]
    themes = _themes(ctx).reindex(ctx.tb.flows["flow"].astype(object).to_numpy()).to_numpy()
    for theme in THEMES:
        rows = np.flatnonzero(themes == theme)
        if not len(rows):
            continue
        label = t(f"datamap_theme_{theme}", lang)
        plan = _best(ctx, rows, t("datamap_theme_title", lang, theme=label), (DETAIL, SCHOOLS_MERGED))
        if plan.fits:
            out.append(_figure(ctx, plan))
            continue
        parts = _split(ctx, rows, t("datamap_theme_part_title", lang, theme=label, part=99, parts=99))
        for i, part in enumerate(parts, 1):
            heading = t("datamap_theme_part_title", lang, theme=label, part=i, parts=len(parts))
            out.append(_figure(ctx, _best(ctx, part, heading, (DETAIL, SCHOOLS_MERGED))))
    return out


def _anchor(ctx: _Context, node: str) -> str | None:
    """The organisation a flow to or from ``node`` is filed under when a theme is split: a processor
    itself, a sub-processor under its processor, another organisation itself; None for the school
    side."""
    holder = ctx.holder(node)
    role = ctx.role.get(holder)
    if role in (None, "controller", "data_subject"):
        return None
    if role == "sub_processor":
        return ctx.processor_of.get(holder, holder)
    return holder


def _split(ctx: _Context, rows: np.ndarray, title: str) -> list[np.ndarray]:
    """The flows at ``rows`` in parts that each fit a page with the schools merged: flows filed by
    organisation (a flow from a processor files under the processor), organisations in name order,
    as many in a part as fit."""
    ids = ctx.ids
    anchor_of_code = {}
    for c in np.unique(np.concatenate([ctx.src[rows], ctx.dst[rows]])):
        if c >= 0:
            anchor_of_code[int(c)] = _anchor(ctx, ids[c])
    files: dict[str, list[int]] = defaultdict(list)
    for r, s, d in zip(rows.tolist(), ctx.src[rows].tolist(), ctx.dst[rows].tolist()):
        a_s, a_d = anchor_of_code.get(s), anchor_of_code.get(d)
        if a_s is not None and ctx.role.get(a_s) == "processor":
            key = a_s
        else:
            key = a_d or a_s or ""
        files[key].append(r)
    order = sorted(files, key=lambda k: (ctx.name(k) if k else "", k))
    parts: list[list[int]] = []
    current: list[int] = []
    for key in order:
        trial = current + files[key]
        if current and not _plan(ctx, np.array(sorted(trial)), SCHOOLS_MERGED, title).fits:
            parts.append(current)
            current = list(files[key])
        else:
            current = trial
    if current:
        parts.append(current)
    return [np.array(sorted(p), dtype=np.int64) for p in parts]


def _figure(ctx: _Context, plan: _Plan) -> DataMapFigure:
    return DataMapFigure(plan.title, _alt(ctx, plan), _draw(plan))


def _alt(ctx: _Context, plan: _Plan) -> str:
    """A text alternative for the figure: how many flows, and per column who stands in it."""
    lang = ctx.lang
    order = plan.order
    parts = []
    for c in plan.columns:
        names = [plan.boxes[k].text for k in order[c]]
        shown = names[:12]
        if len(names) > 12:
            shown.append(t("datamap_alt_more", lang, count=len(names) - 12))
        parts.append(f"{' '.join(plan.headers[c])}: {', '.join(shown)}")
    return t("datamap_alt", lang, title=plan.title, flows=_count("datamap_n_flows", plan.flows, lang),
             columns="; ".join(parts))


def print_size_pt(fig: Figure, size_pt: float) -> float:
    """The size on paper of text of ``size_pt`` points in ``fig`` when the figure is printed across
    the A4 column (``PRINT_WIDTH_IN``)."""
    return size_pt * PRINT_WIDTH_IN / fig.get_figwidth()


def figure_texts(fig: Figure) -> list:
    """Every visible, non-empty text of a figure (labels, headings, legend, title)."""
    from matplotlib.text import Text

    return [x for x in fig.findobj(Text) if x.get_visible() and x.get_text().strip()]


def impact_figure(register: Register, found: Impact, lang: str | None = None, tables: Any = None):
    """The data map with the part a breach can reach highlighted (its flows and the boxes they join,
    and the place itself) and the rest faded; deterministic (a ``dpia.documents.datamap.MapFigure``)."""
    from dpia.documents.datamap import draw_datamap
    title = t("breach_map_title", lang, place=name_of(register, found.place, lang))
    return draw_datamap(register, lang=lang, title=title, highlight=found.reached, highlight_nodes=[found.place],
                        tables=tables)
