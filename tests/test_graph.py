"""Specification of `dpia.analysis.graph`: the flow graph and the queries over it."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpia.analysis.graph import (build_graph, carries, category_subgraph, paths_to_public, reachability_index, reachable, receivers_of, subprocessor_chain, unauthorised_subprocessors, UnauthorisedSubprocessor)
from dpia.model import (AgeBand, Controller, Flow, Location, Party, PartyRole, ProcessingAgreement, Register, School, SubjectCategory, SubjectKind, System, SystemKind, Text)

# --------------------------------------------------------------------------------------------------
# Building registers in code


def party(id: str, role: str, country: str | None = None) -> Party:
    location = Location(country=country) if country else None
    return Party(id=id, name=id.title(), role=PartyRole(role), location=location)


def system(id: str, operated_by: str) -> System:
    return System(id=id, name=id.title(), kind=SystemKind.OTHER, operated_by=operated_by)


def flow(id: str, from_: str, to: str, *categories: str, **extra: object) -> Flow:
    return Flow.model_validate({"id": id, "from": from_, "to": to, "categories": list(categories), **extra})


def agreement(id: str, parties: list[str], permitted: tuple[str, ...] | list[str] = (),
              kind: str = "model_4_0") -> ProcessingAgreement:
    return ProcessingAgreement.model_validate(
        {"id": id, "kind": kind, "parties": parties, "permitted_subprocessors": list(permitted)}
    )


def register(parties=(), systems=(), flows=(), agreements=(), subjects=(), schools=()) -> Register:
    return Register(
        controller=Controller(id="board", name="Board", sector="vo", schools=list(schools)),
        parties=list(parties),
        systems=list(systems),
        flows=list(flows),
        agreements=list(agreements),
        subjects=list(subjects),
    )


PUPILS = SubjectCategory(
    id="pupils", label=Text(nl="Leerlingen", en="Pupils"), kind=SubjectKind.PUPIL, age_band=AgeBand.UNDER_16
)


@pytest.fixture
def school_register() -> Register:
    """A small school: Magister run by Iddink, a website, a publisher, DUO, the internet."""
    return register(
        schools=[School(id="lyceum", name="Lyceum")],
        subjects=[PUPILS],
        parties=[
            party("iddink", "processor", "NL"),
            party("cloud", "sub_processor", "US"),
            party("publisher", "processor"),
            party("duo", "independent_controller", "NL"),
            party("internet", "public"),
        ],
        systems=[system("magister", "iddink"), system("website", "board")],
        flows=[
            flow("f-enrol", "pupils", "lyceum", "name", "bsn", "photo"),
            flow("f-las", "lyceum", "magister", "name", "bsn", "grades"),
            flow("f-bron", "magister", "duo", "bsn", "grades"),
            flow("f-hosting", "iddink", "cloud", "name", "grades"),
            flow("f-eckid", "board", "publisher", "name"),
            flow("f-photo", "lyceum", "website", "photo"),
            flow("f-publish", "website", "internet", "photo"),
        ],
    )


# --------------------------------------------------------------------------------------------------
# build_graph


def test_nodes_have_kind_role_label_and_location(school_register):
    G = build_graph(school_register)
    assert dict(G.nodes["board"]) == {
        "kind": "controller", "role": "controller", "label": "Board", "label_nl": "Board",
        "in_eea": True, "country": None,
    }
    assert (G.nodes["lyceum"]["kind"], G.nodes["lyceum"]["role"]) == ("school", "controller")
    assert G.nodes["pupils"]["kind"] == "subjects"
    assert (G.nodes["pupils"]["label"], G.nodes["pupils"]["label_nl"]) == ("Pupils", "Leerlingen")
    assert G.nodes["cloud"]["role"] == PartyRole.SUB_PROCESSOR
    assert (G.nodes["cloud"]["in_eea"], G.nodes["cloud"]["country"]) == (False, "US")
    assert (G.nodes["publisher"]["in_eea"], G.nodes["publisher"]["country"]) == (True, None)


def test_a_system_takes_role_and_location_from_its_operator(school_register):
    G = build_graph(school_register)
    magister, website = G.nodes["magister"], G.nodes["website"]
    assert (magister["kind"], magister["role"], magister["operated_by"]) == ("system", "processor", "iddink")
    assert (magister["in_eea"], magister["country"]) == (True, "NL")
    assert (website["role"], website["operated_by"], website["in_eea"]) == ("controller", "board", True)


def test_a_system_run_outside_the_eea_is_outside_the_eea():
    G = build_graph(register(parties=[party("vendor", "processor", "US")], systems=[system("app", "vendor")]))
    assert (G.nodes["app"]["in_eea"], G.nodes["app"]["country"]) == (False, "US")


def test_one_edge_per_flow_keyed_by_flow_id(school_register):
    G = build_graph(school_register)
    flows = {k: d for _, _, k, d in G.edges(keys=True, data=True) if d["flow"] is not None}
    assert sorted(flows) == sorted(f.id for f in school_register.flows)
    las = G.edges["lyceum", "magister", "f-las"]
    assert las["categories"] == frozenset({"name", "bsn", "grades"})
    assert (las["flow"], las["kind"], las["agreement"]) == ("f-las", "flow", None)
    assert isinstance(las["purposes"], frozenset) and isinstance(las["subjects"], frozenset)


def test_parallel_flows_stay_separate_and_keep_their_agreement():
    r = register(
        parties=[party("photographer", "processor")],
        agreements=[agreement("a-photo", ["photographer"])],
        flows=[flow("f2", "board", "photographer", "photo", agreement="a-photo", purposes=["pass"]),
               flow("f1", "board", "photographer", "name")],
    )
    G = build_graph(r)
    assert G.number_of_edges("board", "photographer") == 2
    assert G.edges["board", "photographer", "f2"]["agreement"] == "a-photo"
    assert G.edges["board", "photographer", "f2"]["purposes"] == frozenset({"pass"})


def test_a_system_is_held_by_its_operator(school_register):
    G = build_graph(school_register)
    holding = G.edges["magister", "iddink", "holds:magister"]
    assert (holding["kind"], holding["flow"], holding["categories"]) == ("holding", None, None)
    assert G.has_edge("website", "board", "holds:website")
    assert not build_graph(school_register, holding=False).has_edge("magister", "iddink")


def test_an_undefined_endpoint_becomes_an_unknown_node():
    G = build_graph(register(flows=[flow("f1", "board", "nowhere", "name")]))
    assert (G.nodes["nowhere"]["kind"], G.nodes["nowhere"]["role"]) == ("unknown", None)


def test_two_builds_are_identical_whatever_the_file_order(school_register):
    shuffled = school_register.model_copy(deep=True)
    rng = random.Random(7)
    for section in ("parties", "systems", "flows", "subjects"):
        rng.shuffle(getattr(shuffled, section))
    first, second, third = build_graph(school_register), build_graph(school_register), build_graph(shuffled)
    for other in (second, third):
        assert list(first.nodes(data=True)) == list(other.nodes(data=True))
        assert list(first.edges(keys=True, data=True)) == list(other.edges(keys=True, data=True))
    assert list(first.nodes) == sorted(first.nodes)


# --------------------------------------------------------------------------------------------------
# carries, category_subgraph


def test_a_holding_edge_carries_every_category():
    assert carries({"categories": None}, "bsn")
    assert carries({"categories": frozenset({"name"})}, None)
    assert not carries({"categories": frozenset({"name"})}, "bsn")


def test_category_subgraph_keeps_every_node_and_only_carrying_edges(school_register):
    G = build_graph(school_register)
    sub = category_subgraph(G, "bsn")
    assert set(sub.nodes) == set(G.nodes)
    assert ("lyceum", "magister") in sub.edges and ("magister", "iddink") in sub.edges
    assert ("board", "publisher") not in sub.edges


# --------------------------------------------------------------------------------------------------
# receivers_of


def test_direct_receivers_are_targets_of_flows_carrying_the_category(school_register):
    G = build_graph(school_register)
    assert receivers_of(G, "bsn", transitive=False) == ["duo", "lyceum", "magister"]


def test_transitive_receivers_include_the_operator_of_a_receiving_system(school_register):
    G = build_graph(school_register)
    assert receivers_of(G, "bsn") == ["duo", "iddink", "lyceum", "magister"]
    # grades reach Iddink inside Magister, and Iddink passes them to its cloud host
    assert receivers_of(G, "grades") == ["cloud", "duo", "iddink", "magister"]


def test_receivers_from_given_sources(school_register):
    G = build_graph(school_register)
    assert receivers_of(G, "grades", transitive=False, sources=["magister"]) == ["duo"]
    assert receivers_of(G, "grades", sources=["magister"]) == ["cloud", "duo", "iddink"]
    with pytest.raises(nx.NodeNotFound):
        receivers_of(G, "grades", sources=["nobody"])


def test_a_category_that_does_not_flow_has_no_receivers(school_register):
    G = build_graph(school_register)
    assert receivers_of(G, "health") == []
    assert receivers_of(G, "health", transitive=False) == []
    assert paths_to_public(G, "health") == []


def test_receivers_in_a_cycle_are_found_once():
    r = register(
        parties=[party("a", "processor"), party("b", "recipient"), party("c", "recipient")],
        flows=[flow("f1", "board", "a", "x"), flow("f2", "a", "b", "x"), flow("f3", "b", "a", "x"),
               flow("f4", "b", "c", "y")],
    )
    assert receivers_of(build_graph(r), "x") == ["a", "b"]


# --------------------------------------------------------------------------------------------------
# paths_to_public


def test_a_photo_reaches_the_internet_through_the_website(school_register):
    G = build_graph(school_register)
    assert paths_to_public(G, "photo") == [["pupils", "lyceum", "website", "internet"]]
    assert paths_to_public(G, "bsn") == []


def test_every_route_to_the_public_is_listed_sorted():
    r = register(
        parties=[party("internet", "public"), party("paper", "public"), party("agency", "recipient")],
        systems=[system("site", "board")],
        flows=[flow("f1", "board", "site", "photo"), flow("f2", "site", "internet", "photo"),
               flow("f3", "board", "agency", "photo"), flow("f4", "agency", "internet", "photo"),
               flow("f5", "agency", "paper", "photo"), flow("f6", "agency", "paper", "photo")],
    )
    assert paths_to_public(build_graph(r), "photo") == [
        ["board", "agency", "internet"], ["board", "agency", "paper"], ["board", "site", "internet"],
    ]


def test_paths_to_public_survive_cycles_and_respect_the_cutoff():
    r = register(
        parties=[party("a", "processor"), party("b", "processor"), party("web", "public")],
        flows=[flow("f1", "board", "a", "x"), flow("f2", "a", "b", "x"), flow("f3", "b", "a", "x"),
               flow("f4", "b", "web", "x")],
    )
    G = build_graph(r)
    assert paths_to_public(G, "x") == [["board", "a", "b", "web"]]
    assert paths_to_public(G, "x", cutoff=2) == []
    assert paths_to_public(G, "x", sources=["b"]) == [["b", "web"]]


def test_paths_to_public_pass_through_the_operator_of_a_system():
    r = register(
        parties=[party("vendor", "processor"), party("web", "public")],
        systems=[system("app", "vendor")],
        flows=[flow("f1", "board", "app", "photo"), flow("f2", "vendor", "web", "photo")],
    )
    assert paths_to_public(build_graph(r), "photo") == [["board", "app", "vendor", "web"]]


# --------------------------------------------------------------------------------------------------
# subprocessor_chain


def chain_register(*extra_flows: Flow) -> Register:
    """Iddink → host → backup → archive (three hops), a branch to a mailer, a recipient aside."""
    return register(
        parties=[party("iddink", "processor"), party("host", "sub_processor"),
                 party("backup", "sub_processor"), party("archive", "sub_processor"),
                 party("mailer", "sub_processor"), party("museum", "recipient"),
                 party("publisher", "processor")],
        systems=[system("magister", "iddink"), system("vault", "backup")],
        flows=[flow("f1", "board", "magister", "name"), flow("f2", "magister", "host", "name"),
               flow("f3", "host", "vault", "name"), flow("f4", "backup", "archive", "name"),
               flow("f5", "iddink", "mailer", "name"), flow("f6", "iddink", "museum", "name"), *extra_flows],
    )


def test_a_chain_runs_any_number_of_hops_through_systems():
    G = build_graph(chain_register())
    assert subprocessor_chain(G, "iddink") == [["iddink", "host", "backup", "archive"], ["iddink", "mailer"]]
    assert subprocessor_chain(G, "magister") == subprocessor_chain(G, "iddink")
    assert subprocessor_chain(G, "host") == [["host", "backup", "archive"]]


def test_a_chain_stops_at_a_cycle():
    back = [flow("f7", "archive", "iddink", "name"), flow("f8", "archive", "host", "name")]
    G = build_graph(chain_register(*back))
    assert subprocessor_chain(G, "iddink") == [["iddink", "host", "backup", "archive"], ["iddink", "mailer"]]
    assert subprocessor_chain(G, "archive") == [
        ["archive", "host", "backup"], ["archive", "iddink", "host", "backup"], ["archive", "iddink", "mailer"],
    ]


def test_a_chain_continues_through_a_further_processor_and_obeys_the_cutoff():
    G = build_graph(chain_register(flow("f7", "archive", "publisher", "name")))
    assert ["iddink", "host", "backup", "archive", "publisher"] in subprocessor_chain(G, "iddink")
    assert subprocessor_chain(G, "iddink", cutoff=2) == [["iddink", "host", "backup"], ["iddink", "mailer"]]


def test_no_chain_without_onward_subprocessors():
    G = build_graph(chain_register())
    assert subprocessor_chain(G, "archive") == []
    assert subprocessor_chain(G, "museum") == []
    with pytest.raises(nx.NodeNotFound):
        subprocessor_chain(G, "nobody")


# --------------------------------------------------------------------------------------------------
# unauthorised_subprocessors


def test_only_subprocessors_the_agreement_does_not_permit_are_reported():
    r = chain_register()
    r.agreements = [agreement("a-iddink", ["iddink"], permitted=["host", "mailer"])]
    assert unauthorised_subprocessors(build_graph(r), r) == [
        UnauthorisedSubprocessor("iddink", "a-iddink", "archive", ["iddink", "host", "backup", "archive"]),
        UnauthorisedSubprocessor("iddink", "a-iddink", "backup", ["iddink", "host", "backup"]),
    ]


def test_nothing_is_reported_when_every_subprocessor_is_permitted():
    r = chain_register(flow("f7", "archive", "iddink", "name"))
    r.agreements = [agreement("a-iddink", ["iddink"], permitted=["host", "backup", "archive", "mailer"])]
    assert unauthorised_subprocessors(build_graph(r), r) == []


def test_a_processor_with_its_own_agreement_answers_for_its_own_chain():
    r = chain_register(flow("f7", "iddink", "publisher", "name"), flow("f8", "publisher", "archive", "name"))
    r.agreements = [agreement("a-iddink", ["iddink"], permitted=["host", "backup", "archive", "mailer"]),
                    agreement("a-publisher", ["publisher"])]
    assert unauthorised_subprocessors(build_graph(r), r) == [
        UnauthorisedSubprocessor("publisher", "a-publisher", "archive", ["publisher", "archive"]),
    ]


def test_a_processor_without_an_agreement_reached_from_one_is_a_subprocessor():
    r = chain_register(flow("f7", "iddink", "publisher", "name"))
    r.agreements = [agreement("a-iddink", ["iddink"], permitted=["host", "backup", "archive", "mailer"])]
    assert unauthorised_subprocessors(build_graph(r), r) == [
        UnauthorisedSubprocessor("iddink", "a-iddink", "publisher", ["iddink", "publisher"]),
    ]


def test_only_art28_agreements_with_processors_are_checked():
    r = chain_register()
    r.agreements = [agreement("a-sharing", ["iddink"], kind="data_sharing"),
                    agreement("a-museum", ["museum"], kind="processing_agreement")]
    assert unauthorised_subprocessors(build_graph(r), r) == []


def test_each_agreement_of_a_processor_is_checked_separately():
    r = chain_register()
    r.agreements = [agreement("a1", ["iddink"], permitted=["host", "backup", "archive", "mailer"]),
                    agreement("a2", ["iddink"], permitted=["host", "backup", "archive"])]
    assert unauthorised_subprocessors(build_graph(r), r) == [
        UnauthorisedSubprocessor("iddink", "a2", "mailer", ["iddink", "mailer"]),
    ]


# --------------------------------------------------------------------------------------------------
# reachable


def test_reachable_follows_only_edges_carrying_the_category(school_register):
    G = build_graph(school_register)
    assert reachable(G, ["lyceum"], "bsn") == {"magister", "iddink", "duo"}
    assert reachable(G, ["lyceum"], "photo") == {"website", "board", "internet"}
    assert reachable(G, ["lyceum"], "health") == set()
    assert reachable(G, ["pupils"]) == set(G) - {"pupils"}


def test_reachable_inside_a_cycle_counts_a_source_only_when_another_source_reaches_it():
    G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    assert reachable(G, ["a"]) == {"b", "c"}
    assert reachable(G, ["a", "b"]) == {"a", "b", "c"}
    assert reachable(G, ["c"]) == set()


def test_an_index_is_reusable_and_tied_to_its_category(school_register):
    G = build_graph(school_register)
    index = reachability_index(G, "grades")
    assert reachable(G, ["lyceum"], "grades", index=index) == {"magister", "iddink", "duo", "cloud"}
    assert reachable(G, ["iddink"], "grades", index=index) == {"cloud"}
    with pytest.raises(ValueError):
        reachable(G, ["lyceum"], "bsn", index=index)
    with pytest.raises(nx.NodeNotFound):
        reachable(G, ["nobody"], "grades", index=index)


@st.composite
def flow_graphs(draw: st.DrawFn) -> tuple[nx.MultiDiGraph, list[int], str | None]:
    """Random multigraphs with loops, cycles, parallel edges and holding edges (categories None)."""
    n = draw(st.integers(1, 14))
    nodes = st.integers(0, n - 1)
    categories = st.one_of(st.none(), st.frozensets(st.sampled_from("xyz"), min_size=1))
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(n))
    for u, v, cats in draw(st.lists(st.tuples(nodes, nodes, categories), max_size=40)):
        G.add_edge(u, v, categories=cats)
    sources = draw(st.lists(nodes, max_size=4))
    return G, sources, draw(st.one_of(st.none(), st.sampled_from("xyz")))


@settings(max_examples=300, deadline=None)
@given(flow_graphs())
def test_reachable_on_the_condensation_equals_descendants(case):
    G, sources, category = case
    plain = nx.subgraph_view(G, filter_edge=lambda u, v, k: carries(G.edges[u, v, k], category))
    expected = set().union(*(nx.descendants(plain, s) for s in sources))
    assert reachable(G, sources, category) == expected
