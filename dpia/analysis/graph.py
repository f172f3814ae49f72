"""The flow graph: who holds which personal data, and where it can travel.

`build_graph` turns a `~dpia.model.Register` into a `networkx.MultiDiGraph`; every other function here
is a plain query over that graph (networkx style: the graph in, plain data out, no hidden state).

Nodes
    One per controller, school, data-subject category, party and system, keyed by the register id.
    Attributes: ``kind`` (``"controller"``, ``"school"``, ``"subjects"``, ``"party"``, ``"system"``,
    or ``"unknown"`` for an id a flow names that the register does not define), ``role`` (a
    `~dpia.model.PartyRole` value as a plain string; ``"controller"`` for the controller and its
    schools; ``"data_subject"`` for subject categories; for a system the role of the party that operates
    it), ``label`` (English) and ``label_nl`` (Dutch), ``in_eea`` and ``country`` (from the party's
    `~dpia.model.Location`; a node without a location counts as inside the EEA, with country ``None``).
    Systems also carry ``operated_by`` and take ``in_eea`` and ``country`` from their operator.

Edges
    One per flow, keyed by the flow id, with ``kind="flow"``, ``flow`` (the id), ``categories``,
    ``purposes`` and ``subjects`` (frozensets), ``agreement`` (the explicit agreement id or ``None``)
    and ``channel``.

Holding edges (a design choice)
    Data kept in a system is held by the party that operates it: Iddink holds what is in Magister, and
    what Iddink passes on can include it. So `build_graph` also adds one edge *system → operator* per
    system, keyed ``"holds:<system id>"`` (ids cannot contain ``:``, so keys never collide), with
    ``kind="holding"``, ``flow=None`` and ``categories=None``. ``None`` means *every category*: a
    traversal that follows only edges carrying a category reaches the system only through such an edge,
    so the holding edge passes on exactly what reached the system. Only this direction is added: an
    operator that receives data has not thereby put it into every system it runs. Pass
    ``holding=False`` for a graph of the recorded flows alone. Use `carries` rather than reading
    ``categories`` directly, and ``data["flow"] is not None`` to select recorded flows.

Everything is deterministic: nodes and edges are inserted in sorted id order and every list returned
is sorted, so figures and reports built from the graph can be compared between runs.

At scale (``dpia.io.bulk``: hundreds of thousands of flows) a graph with one edge per flow is too big to
build (networkx costs about 2 s per 100,000 edges). Two cheaper forms answer the same questions:
`party_graph` merges the flows into one edge per pair of *holders* (a system counts as its operator,
a school as the board), which is all that sub-processor chains look at; `receivers_table` computes
`receivers_of` for every category at once from the register's tables, with array operations.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from dpia.model.flowtable import iter_flows
from dpia.model import AgreementKind, PartyRole, Register

HOLDING_PREFIX = "holds:"
SUBJECT_ROLE = "data_subject"
CHAIN_ROLES = frozenset({PartyRole.PROCESSOR.value, PartyRole.SUB_PROCESSOR.value})
ORIGIN_KINDS = frozenset({"controller", "school", "subjects"})
ART28_KINDS = frozenset({AgreementKind.MODEL_4_0, AgreementKind.PROCESSING_AGREEMENT})


# --------------------------------------------------------------------------------------------------
# Building


def build_graph(register: Register, *, holding: bool = True) -> nx.MultiDiGraph:
    """Build the flow graph of a register.

    Parameters
    ----------
    register : Register
        The register; it need not pass the reference checks: an id a flow names but the register
        does not define becomes a node of kind ``"unknown"``.
    holding : bool, default True
        Add a holding edge *system → operating party* per system (see the module docstring).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges with the attributes described in the module docstring; ``graph.graph``
        holds ``controller`` (its id).

    Examples
    --------
    >>> from dpia.model import Register
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo", "schools": [{"id": "lyceum", "name": "Lyceum"}]},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor",
    ...                  "location": {"country": "NL"}}],
    ...     "systems": [{"id": "magister", "name": "Magister", "kind": "pupil_administration",
    ...                  "operated_by": "iddink"}],
    ...     "flows": [{"id": "f1", "from": "lyceum", "to": "magister", "categories": ["name"]}]})
    >>> G = build_graph(register)
    >>> sorted(G.nodes)
    ['board', 'iddink', 'lyceum', 'magister']
    >>> G.nodes["magister"]["role"], G.nodes["magister"]["country"]
    ('processor', 'NL')
    >>> [(u, v, k) for u, v, k in G.edges(keys=True)]
    [('lyceum', 'magister', 'f1'), ('magister', 'iddink', 'holds:magister')]
    """
    nodes = _node_attributes(register)
    edges = [(f.from_, f.to, f.id, _flow_attributes(f)) for f in iter_flows(register)]
    if holding:
        edges += [(s.id, s.operated_by, HOLDING_PREFIX + s.id, _holding_attributes())
                  for s in register.systems]
    for u, v, _, _ in edges:
        for node in (u, v):
            nodes.setdefault(node, _unknown_attributes(node))
    graph = nx.MultiDiGraph(controller=register.controller.id)
    graph.add_nodes_from((node, nodes[node]) for node in sorted(nodes))
    for u, v, key, data in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        graph.add_edge(u, v, key=key, **data)
    return graph


def _node(kind: str, role: str | None, label: str, label_nl: str | None = None,
          in_eea: bool = True, country: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "role": role, "label": label, "label_nl": label_nl or label,
            "in_eea": in_eea, "country": country, **extra}


def _node_attributes(register: Register) -> dict[str, dict[str, Any]]:
    """Attributes of every defined node by id; a later section wins a (forbidden) duplicate id."""
    controller = register.controller
    out = {controller.id: _node("controller", PartyRole.CONTROLLER.value, controller.name)}
    out.update({s.id: _node("school", PartyRole.CONTROLLER.value, s.name) for s in controller.schools})
    out.update({s.id: _node("subjects", SUBJECT_ROLE, s.label.en, s.label.nl) for s in register.subjects})
    for p in register.parties:
        eea, country = (p.location.in_eea, p.location.country) if p.location else (True, None)
        out[p.id] = _node("party", p.role.value, p.name, in_eea=eea, country=country,
                          processor_of=p.processor_of)
    for s in register.systems:
        operator = out.get(s.operated_by, {})
        out[s.id] = _node("system", operator.get("role"), s.name, in_eea=operator.get("in_eea", True),
                          country=operator.get("country"), operated_by=s.operated_by,
                          system_kind=s.kind.value)
    return out


def _unknown_attributes(node: str) -> dict[str, Any]:
    return _node("unknown", None, node)


def _flow_attributes(flow: Any) -> dict[str, Any]:
    return {"kind": "flow", "flow": flow.id, "categories": frozenset(flow.categories),
            "purposes": frozenset(flow.purposes), "subjects": frozenset(flow.subjects),
            "agreement": flow.agreement, "channel": flow.channel}


def _holding_attributes() -> dict[str, Any]:
    return {"kind": "holding", "flow": None, "categories": None, "purposes": frozenset(),
            "subjects": frozenset(), "agreement": None, "channel": None}


# --------------------------------------------------------------------------------------------------
# Edges that carry a category


def carries(data: Mapping[str, Any], category: str | None) -> bool:
    """Whether an edge with attributes `data` carries `category`.

    A holding edge (``categories`` is ``None``) carries every category, and every edge carries
    ``category=None`` ("any category").

    Examples
    --------
    >>> carries({"categories": frozenset({"name"})}, "name"), carries({"categories": None}, "bsn")
    (True, True)
    >>> carries({"categories": frozenset({"name"})}, "bsn")
    False
    """
    categories = data.get("categories")
    return category is None or categories is None or category in categories


def category_subgraph(graph: nx.MultiDiGraph, category: str | None = None) -> nx.DiGraph:
    """The edges that carry `category`, parallel edges merged, with every node of `graph` kept.

    Nodes carry no attributes here: look them up in `graph`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="f1", categories=frozenset({"name", "bsn"}))
    'f1'
    >>> G.add_edge("b", "c", key="f2", categories=frozenset({"name"}))
    'f2'
    >>> sorted(category_subgraph(G, "bsn").edges), sorted(category_subgraph(G, "bsn").nodes)
    ([('a', 'b')], ['a', 'b', 'c'])
    """
    sub = nx.DiGraph()
    sub.add_nodes_from(graph)
    sub.add_edges_from((u, v) for u, v, data in graph.edges(data=True) if carries(data, category))
    return sub


def _check_nodes(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> set[str]:
    nodes = set(nodes)
    missing = sorted(n for n in nodes if n not in graph)
    if missing:
        raise nx.NodeNotFound(f"not in the graph: {', '.join(map(str, missing))}")
    return nodes


# --------------------------------------------------------------------------------------------------
# Reachability on the condensation


class ReachabilityIndex(NamedTuple):
    """The condensation of one category's subgraph, reusable for many `reachable` queries.

    ``dag`` is `networkx.condensation` output: component numbers as nodes, ``members`` per component,
    and ``dag.graph["mapping"]`` from node to component.
    """

    category: str | None
    dag: nx.DiGraph


def reachability_index(graph: nx.MultiDiGraph, category: str | None = None) -> ReachabilityIndex:
    """Condense the subgraph of edges carrying `category` into its component DAG, once.

    Building the index is linear in the size of the graph; each `reachable` query on it then walks
    only the components it reaches. Build one index per category and reuse it for many queries.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A flow graph (or any directed graph whose edges have a ``categories`` attribute).
    category : str or None
        Follow only edges carrying this category; ``None`` follows every edge.

    Returns
    -------
    ReachabilityIndex

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> index = reachability_index(G)
    >>> index.dag.number_of_nodes()  # {a, b} and {c}
    2
    >>> sorted(reachable(G, ["a"], index=index)), sorted(reachable(G, ["a", "b"], index=index))
    (['b', 'c'], ['a', 'b', 'c'])
    """
    return ReachabilityIndex(category, nx.condensation(category_subgraph(graph, category)))


def reachable(graph: nx.MultiDiGraph, sources: Iterable[str], category: str | None = None, *,
              index: ReachabilityIndex | None = None) -> set[str]:
    """Nodes reachable from `sources` along edges that carry `category`.

    The same answer as the union of `networkx.descendants` over the sources, computed on the
    condensation: every strongly connected component is visited at most once, so the cost is
    linear in the graph however many sources there are. As with `networkx.descendants`, a source is
    in the answer only when another source reaches it, even if it lies on a cycle.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The flow graph.
    sources : iterable of str
        Start nodes; each must be in `graph`.
    category : str or None
        Follow only edges carrying this category (holding edges carry all); ``None`` follows all.
    index : ReachabilityIndex, optional
        A prebuilt index for `category`, to share the condensation between queries.

    Returns
    -------
    set of str

    Raises
    ------
    networkx.NodeNotFound
        If a source is not in the graph.
    ValueError
        If `index` was built for another category.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("school", "magister", key="f1", categories=frozenset({"name", "bsn"}))
    'f1'
    >>> G.add_edge("magister", "publisher", key="f2", categories=frozenset({"name"}))
    'f2'
    >>> sorted(reachable(G, ["school"])), sorted(reachable(G, ["school"], "bsn"))
    (['magister', 'publisher'], ['magister'])
    """
    sources = _check_nodes(graph, sources)
    index = index or reachability_index(graph, category)
    if index.category != category:
        raise ValueError(f"index is for category {index.category!r}, not {category!r}")
    dag, mapping = index.dag, index.dag.graph["mapping"]
    by_component: dict[int, set[str]] = {}
    for source in sources:
        by_component.setdefault(mapping[source], set()).add(source)
    seen = _dag_descendants(dag, by_component)
    out: set[str] = set().union(*(dag.nodes[c]["members"] for c in seen))
    for component, own in by_component.items():
        members = dag.nodes[component]["members"]
        if component not in seen and len(members) > 1:
            # Inside a cycle every member reaches every other, but a lone source does not count itself.
            out |= members - own if len(own) == 1 else members
    return out


def _dag_descendants(dag: nx.DiGraph, starts: Iterable[int]) -> set[int]:
    """Components strictly below `starts` in the DAG, each visited once."""
    seen: set[int] = set()
    stack = list(starts)
    succ = dag.succ
    while stack:
        for child in succ[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


# --------------------------------------------------------------------------------------------------
# Queries


def receivers_of(graph: nx.MultiDiGraph, category: str, transitive: bool = True,
                 sources: Iterable[str] | None = None) -> list[str]:
    """Nodes that receive `category`.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The flow graph.
    category : str
        A data-category id.
    transitive : bool, default True
        ``False``: only the targets of recorded flows carrying the category. ``True``: also every node
        reached from them along edges carrying it, which adds the operators of systems that receive it
        (through holding edges) and whatever those pass on.
    sources : iterable of str, optional
        Count only what leaves these nodes: with ``transitive=False`` the targets of their flows
        carrying the category, otherwise everything `reachable` from them.

    Returns
    -------
    list of str
        Sorted node ids; empty when the category does not flow.

    Examples
    --------
    >>> from dpia.model import Register
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo"},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor"},
    ...                 {"id": "publisher", "name": "Publisher", "role": "processor"}],
    ...     "systems": [{"id": "magister", "name": "Magister", "kind": "pupil_administration",
    ...                  "operated_by": "iddink"}],
    ...     "flows": [{"id": "f1", "from": "board", "to": "magister", "categories": ["name", "bsn"]},
    ...               {"id": "f2", "from": "iddink", "to": "publisher", "categories": ["name"]}]})
    >>> G = build_graph(register)
    >>> receivers_of(G, "bsn", transitive=False), receivers_of(G, "bsn")
    (['magister'], ['iddink', 'magister'])
    >>> receivers_of(G, "name")
    ['iddink', 'magister', 'publisher']
    """
    if sources is not None:
        sources = _check_nodes(graph, sources)
    edges = graph.out_edges(sources, data=True) if sources is not None else graph.edges(data=True)
    direct = {v for _, v, data in edges if data.get("flow") is not None and carries(data, category)}
    if not transitive:
        return sorted(direct)
    return sorted(direct | reachable(graph, direct if sources is None else sources, category))


def _entry_points(graph: nx.MultiDiGraph, sub: nx.DiGraph) -> set[str]:
    """Where a category enters: members of the components that receive it from no other component.

    In such a component only the origins (controller, schools, subjects) start paths, if it has any:
    a controller and the website it runs form a cycle through the holding edge, and the path starts
    at the controller.
    """
    dag = nx.condensation(sub)
    out: set[str] = set()
    for component, members in dag.nodes(data="members"):
        if dag.in_degree(component) or not any(sub.out_degree(n) for n in members):
            continue
        origins = {n for n in members if graph.nodes[n].get("kind") in ORIGIN_KINDS}
        out |= origins or members
    return out


def paths_to_public(graph: nx.MultiDiGraph, category: str, sources: Iterable[str] | None = None,
                    cutoff: int = 10) -> list[list[str]]:
    """Every simple path along which `category` reaches a node of role ``public``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The flow graph.
    category : str
        A data-category id; only edges carrying it (and holding edges) are followed.
    sources : iterable of str, optional
        Where paths start. By default the points where the category enters the graph: the nodes
        that pass it on but receive it from nowhere outside their own cycle (within such a cycle,
        only the controller, schools and subject categories in it, if any).
    cutoff : int, default 10
        Longest path, in edges. It bounds the search, which is exponential in the worst case.

    Returns
    -------
    list of list of str
        Paths as node ids, sorted; parallel flows give one path.

    Examples
    --------
    >>> from dpia.model import Register
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo"},
    ...     "parties": [{"id": "internet", "name": "Internet", "role": "public"}],
    ...     "systems": [{"id": "website", "name": "Website", "kind": "website", "operated_by": "board"}],
    ...     "flows": [{"id": "f1", "from": "board", "to": "website", "categories": ["photo", "name"]},
    ...               {"id": "f2", "from": "website", "to": "internet", "categories": ["photo"]}]})
    >>> G = build_graph(register)
    >>> paths_to_public(G, "photo")
    [['board', 'website', 'internet']]
    >>> paths_to_public(G, "name")
    []
    """
    sub = category_subgraph(graph, category)
    public = {n for n, role in graph.nodes(data="role") if role == PartyRole.PUBLIC.value}
    starts = _entry_points(graph, sub) if sources is None else _check_nodes(graph, sources)
    paths: set[tuple[str, ...]] = set()
    for start in sorted(starts):
        targets = public - {start}
        if targets:
            paths.update(map(tuple, nx.all_simple_paths(sub, start, targets, cutoff=cutoff)))
    return [list(p) for p in sorted(paths)]


def _owner(graph: nx.MultiDiGraph, node: str) -> str:
    """A system stands for the party that operates it; any other node for itself."""
    data = graph.nodes[node]
    return (data.get("operated_by") or node) if data.get("kind") == "system" else node


def _chain_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Party-level flows into processors and sub-processors, with systems merged into their operator."""
    chain = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        if data.get("flow") is None:
            continue
        source, target = _owner(graph, u), _owner(graph, v)
        target_data = graph.nodes.get(target, {})
        if source != target and target_data.get("kind") == "party" and target_data.get("role") in CHAIN_ROLES:
            chain.add_edge(source, target)
    return chain


def subprocessor_chain(graph: nx.MultiDiGraph, party: str, cutoff: int | None = None) -> list[list[str]]:
    """Every chain of parties that data follows onward from `party` through (sub-)processors.

    A chain starts at `party` and follows flows to parties of role ``sub_processor`` or ``processor``,
    any number of hops, until it can go no further without visiting a party twice (so cycles end the
    chain rather than loop it). A flow from or to a system counts as a flow from or to the party that
    operates it.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The flow graph.
    party : str
        The start, usually a processor (a system id stands for its operator).
    cutoff : int, optional
        Longest chain, in hops; ``None`` for no limit.

    Returns
    -------
    list of list of str
        The maximal chains, sorted; empty when `party` passes data to no (sub-)processor.

    Raises
    ------
    networkx.NodeNotFound
        If `party` is not in the graph.

    Examples
    --------
    >>> from dpia.model import Register
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo"},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor"},
    ...                 {"id": "cloud", "name": "Cloud", "role": "sub_processor"},
    ...                 {"id": "backup", "name": "Backup", "role": "sub_processor"}],
    ...     "flows": [{"id": "f1", "from": "board", "to": "iddink", "categories": ["name"]},
    ...               {"id": "f2", "from": "iddink", "to": "cloud", "categories": ["name"]},
    ...               {"id": "f3", "from": "cloud", "to": "backup", "categories": ["name"]},
    ...               {"id": "f4", "from": "backup", "to": "iddink", "categories": ["name"]}]})
    >>> subprocessor_chain(build_graph(register), "iddink")
    [['iddink', 'cloud', 'backup']]
    """
    start = _owner(graph, next(iter(_check_nodes(graph, [party]))))
    chain = _chain_graph(graph)
    chains: list[list[str]] = []
    stack = [[start]]
    while stack:
        path = stack.pop()
        room = cutoff is None or len(path) - 1 < cutoff
        onward = [n for n in sorted(chain.adj.get(path[-1], ())) if n not in path] if room else []
        if onward:
            stack.extend(path + [n] for n in onward)
        elif len(path) > 1:
            chains.append(path)
    return sorted(chains)


class UnauthorisedSubprocessor(NamedTuple):
    """A sub-processor that a processor's agreement does not permit, and how the data gets there."""

    processor: str
    agreement: str
    subprocessor: str
    path: list[str]


def unauthorised_subprocessors(graph: nx.MultiDiGraph, register: Register) -> list[UnauthorisedSubprocessor]:
    """Sub-processors reached from a processor that its agreement does not permit (GDPR Art. 28(2), (4)).

    For every Art. 28 agreement (kind ``model_4_0`` or ``processing_agreement``) and every party of
    role ``processor`` among its ``parties``, walk the flows onward through (sub-)processors, any number
    of hops, as `subprocessor_chain` does. Every party reached that is not in the agreement's
    ``permitted_subprocessors`` is reported, with the shortest path (the first in sorted order).

    A party that holds an Art. 28 agreement with the controller itself is the controller's own
    processor: it is neither reported nor walked through, since its own agreement covers what it
    passes on. A processor with several agreements is checked against each separately.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The flow graph of `register`.
    register : Register
        Supplies the agreements.

    Returns
    -------
    list of UnauthorisedSubprocessor
        ``(processor, agreement, subprocessor, path)`` tuples, sorted.

    Examples
    --------
    >>> from dpia.model import Register
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo"},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor"},
    ...                 {"id": "cloud", "name": "Cloud", "role": "sub_processor"},
    ...                 {"id": "backup", "name": "Backup", "role": "sub_processor"}],
    ...     "agreements": [{"id": "a1", "kind": "model_4_0", "parties": ["iddink"],
    ...                     "permitted_subprocessors": ["cloud"]}],
    ...     "flows": [{"id": "f1", "from": "iddink", "to": "cloud", "categories": ["name"]},
    ...               {"id": "f2", "from": "cloud", "to": "backup", "categories": ["name"]}]})
    >>> [finding] = unauthorised_subprocessors(build_graph(register), register)
    >>> finding.processor, finding.agreement, finding.subprocessor
    ('iddink', 'a1', 'backup')
    >>> finding.path
    ['iddink', 'cloud', 'backup']
    """
    agreements = sorted((a for a in register.agreements if a.kind in ART28_KINDS), key=lambda a: a.id)
    contracted = {p for a in agreements for p in a.parties}
    chain = _chain_graph(graph)
    found = []
    for agreement in agreements:
        permitted = set(agreement.permitted_subprocessors)
        for processor in sorted(set(agreement.parties)):
            if graph.nodes.get(processor, {}).get("role") != PartyRole.PROCESSOR.value:
                continue
            for sub, path in _shortest_paths(chain, processor, stop=contracted).items():
                if sub not in permitted and sub not in contracted:
                    found.append(UnauthorisedSubprocessor(processor, agreement.id, sub, path))
    return sorted(found)


def _shortest_paths(chain: nx.DiGraph, start: str, stop: set[str]) -> dict[str, list[str]]:
    """Breadth-first from `start` in sorted order, not expanding nodes in `stop`: a path per node."""
    paths = {start: [start]}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node in stop and node != start:
            continue
        for child in sorted(chain.adj.get(node, ())):
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    del paths[start]
    return paths


# --------------------------------------------------------------------------------------------------
# At scale: merged edges and array reachability


def party_graph(tables: Any) -> nx.MultiDiGraph:
    """The flows merged to one edge per pair of holders, for questions about parties.

    Every recorded flow becomes an edge from the holder of its source to the holder of its destination
    (``dpia.analysis.tables.Tables.flows``: a system is held by the party that operates it, a school by the
    board), one edge per distinct pair, keyed ``"merged:<from>><to>"`` with ``flow`` set to the first
    flow id of the pair (so ``data["flow"] is not None`` still selects recorded flows), ``flows`` the
    number of flows merged and ``categories`` the union of their categories. Nodes are those of
    `build_graph`, with the same attributes. There are no holding edges: systems are already merged
    into their operators.

    `subprocessor_chain` and `unauthorised_subprocessors` give the same answers on this graph as on
    `build_graph`'s (they look only at flows between parties, with systems counted as their
    operators), and it has a few hundred edges where the full graph has a million.

    Parameters
    ----------
    tables : dpia.analysis.tables.Tables
        The register's tables.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> from dpia.model import Register
    >>> from dpia.analysis.tables import Tables
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo", "schools": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor"}],
    ...     "systems": [{"id": "magister", "name": "Magister", "kind": "pupil_administration",
    ...                  "operated_by": "iddink"}],
    ...     "flows": [{"id": "f1", "from": "a", "to": "magister", "categories": ["name"]},
    ...               {"id": "f2", "from": "b", "to": "magister", "categories": ["grades"]}]})
    >>> G = party_graph(Tables(register))
    >>> [(u, v, d["flows"], sorted(d["categories"])) for u, v, d in G.edges(data=True)]
    [('board', 'iddink', 2, ['grades', 'name'])]
    """
    register = tables.register
    f = tables.flows
    graph = nx.MultiDiGraph(controller=register.controller.id)
    nodes = _node_attributes(register)
    graph.add_nodes_from((node, nodes[node]) for node in sorted(nodes))
    ids = tables.ids.categories
    n = len(ids)
    u = f["src_holder"].cat.codes.to_numpy().astype(np.int64)
    v = f["dst_holder"].cat.codes.to_numpy().astype(np.int64)
    flow = f["flow"].cat.codes.to_numpy().astype(np.int64)  # codes follow the sorted flow ids
    keep = (u >= 0) & (v >= 0)
    if not keep.any():
        return graph
    # Work on integer codes: a million flows, a few hundred pairs.
    pair, pairs = pd.factorize(u[keep] * n + v[keep])
    first = pd.Series(flow[keep]).groupby(pair).min().to_numpy()
    counts = np.bincount(pair, minlength=len(pairs))
    pair_of_flow = np.full(len(tables._flow_index[1]), -1, dtype=np.int64)
    pair_of_flow[flow[keep]] = pair
    fc = tables.flow_categories
    item_pair = pair_of_flow[fc["flow"].cat.codes.to_numpy()]
    item_cat = fc["category"].cat.codes.to_numpy().astype(np.int64)
    ok = (item_pair >= 0) & (item_cat >= 0)
    per_pair: dict[int, set[str]] = {}
    for key in pd.unique(item_pair[ok] * n + item_cat[ok]):
        per_pair.setdefault(int(key // n), set()).add(ids[int(key % n)])
    flow_ids = tables._flow_index[0].categories
    for k, code in enumerate(pairs):
        a, b = ids[int(code // n)], ids[int(code % n)]
        for node in (a, b):
            if node not in graph:
                graph.add_node(node, **_unknown_attributes(node))
        graph.add_edge(a, b, key=f"merged:{a}>{b}", kind="flow", flow=flow_ids[int(first[k])], flows=int(counts[k]),
                       categories=frozenset(per_pair.get(k, ())), purposes=frozenset(), subjects=frozenset(),
                       agreement=None, channel=None)
    return graph


def receivers_table(tables: Any, holding: bool = True) -> pd.DataFrame:
    """Every category with the nodes that receive it: `receivers_of` for all categories at once.

    The same answer as ``receivers_of(build_graph(register), category)`` for each category that some
    flow carries, computed on the register's tables: the targets of the flows carrying the category,
    then, until nothing changes, the targets of flows carrying it from a node already reached, and the
    operator of every system reached (the holding edges). Each round is one pass over the distinct
    (category, from, to) edges with array operations, and there are as many rounds as the longest
    chain is long, so a million flows take about a second.

    Parameters
    ----------
    tables : dpia.analysis.tables.Tables
        The register's tables.
    holding : bool, default True
        Follow the holding edges (system → operator), as `build_graph` adds them.

    Returns
    -------
    pandas.DataFrame
        Columns ``category`` and ``node``, sorted, one row per receiving node.

    Examples
    --------
    >>> from dpia.model import Register
    >>> from dpia.analysis.tables import Tables
    >>> register = Register.model_validate({
    ...     "controller": {"id": "board", "name": "Board", "sector": "vo"},
    ...     "parties": [{"id": "iddink", "name": "Iddink", "role": "processor"},
    ...                 {"id": "publisher", "name": "Publisher", "role": "processor"}],
    ...     "systems": [{"id": "magister", "name": "Magister", "kind": "pupil_administration",
    ...                  "operated_by": "iddink"}],
    ...     "flows": [{"id": "f1", "from": "board", "to": "magister", "categories": ["name", "bsn"]},
    ...               {"id": "f2", "from": "iddink", "to": "publisher", "categories": ["name"]}]})
    >>> receivers_table(Tables(register)).values.tolist()
    [['bsn', 'iddink'], ['bsn', 'magister'], ['name', 'iddink'], ['name', 'magister'], ['name', 'publisher']]
    """
    f, fc = tables.flows, tables.flow_categories
    ids = tables.ids.categories
    n = len(ids)
    if not len(fc):
        return pd.DataFrame({"category": pd.Series([], dtype=object), "node": pd.Series([], dtype=object)})
    # Flow codes → (src, dst) node codes; one row per (category, src, dst).
    flow_codes = f["flow"].cat.codes.to_numpy()
    src = np.full(len(flow_codes), -1, dtype=np.int64)
    dst = np.full(len(flow_codes), -1, dtype=np.int64)
    src[flow_codes] = f["src"].cat.codes.to_numpy()
    dst[flow_codes] = f["dst"].cat.codes.to_numpy()
    item_flow = fc["flow"].cat.codes.to_numpy()
    cat = fc["category"].cat.codes.to_numpy().astype(np.int64)
    u, v = src[item_flow], dst[item_flow]
    ok = (cat >= 0) & (u >= 0) & (v >= 0)
    cat, u, v = cat[ok], u[ok], v[ok]
    cat, present = pd.factorize(cat, sort=True)  # the categories that flow, numbered 0..k-1
    k = len(present)
    # Repeated edges (parallel flows) are kept: removing them would cost a hash table of millions of
    # entries, more than the few extra passes over them cost.
    # Holding edges: system → operator, for every category.
    hold_u = hold_v = np.zeros(0, dtype=np.int64)
    if holding:
        systems = [(s.id, s.operated_by) for s in tables.register.systems]
        if systems:
            hold_u = ids.get_indexer([a for a, _ in systems]).astype(np.int64)
            hold_v = ids.get_indexer([b for _, b in systems]).astype(np.int64)
            keep = (hold_u >= 0) & (hold_v >= 0)
            hold_u, hold_v = hold_u[keep], hold_v[keep]
    reached = np.zeros(k * n, dtype=bool)
    reached[cat * n + v] = True  # the direct receivers
    # Follow flow edges and holding edges (these for every category) until nothing new is reached.
    every = np.repeat(np.arange(k, dtype=np.int64), len(hold_u))
    tail = np.concatenate([cat * n + u, every * n + np.tile(hold_u, k)])
    head = np.concatenate([cat * n + v, every * n + np.tile(hold_v, k)])
    while True:
        new = head[reached[tail] & ~reached[head]]
        if not len(new):
            break
        reached[new] = True
    where_c, where_n = np.divmod(np.flatnonzero(reached), n)
    out = pd.DataFrame({"category": np.asarray(ids.to_numpy(), dtype=object)[present[where_c]],
                        "node": np.asarray(ids.to_numpy(), dtype=object)[where_n]})
    return out.sort_values(["category", "node"], ignore_index=True)
