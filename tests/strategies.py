"""Hypothesis strategies: random but valid registers, as plain data (the shape of the YAML files)."""

from __future__ import annotations

from hypothesis import strategies as st

from dpia.model import AgeBand, DataType, LegalBasis, PartyRole, Register, SpecialSubtype

ROLES = [r.value for r in PartyRole if r is not PartyRole.CONTROLLER]
COUNTRIES = ["NL", "NL", "DE", "US", "IE"]


@st.composite
def registers(draw) -> dict:
    n_parties = draw(st.integers(1, 5))
    n_cats = draw(st.integers(1, 5))
    n_purposes = draw(st.integers(1, 4))
    parties = []
    for i in range(n_parties):
        role = draw(st.sampled_from(ROLES))
        party = {"id": f"p{i}", "name": f"Partij {i}", "role": role}
        if draw(st.booleans()):
            country = draw(st.sampled_from(COUNTRIES))
            loc = {"country": country}
            if draw(st.booleans()):
                loc["transfer_mechanism"] = draw(st.sampled_from(["adequacy", "scc", "bcr", "derogation"]))
            party["location"] = loc
        parties.append(party)
    systems = [
        {"id": f"s{i}", "name": f"Systeem {i}", "kind": "other", "operated_by": draw(st.sampled_from(["board"] + [p["id"] for p in parties]))}
        for i in range(draw(st.integers(0, 2)))
    ]
    cats = []
    for i in range(n_cats):
        ctype = draw(st.sampled_from([t.value for t in DataType]))
        cat = {"id": f"c{i}", "label": {"nl": f"Cat {i}", "en": f"Cat {i}"}, "type": ctype}
        if ctype == "special":
            cat["special_subtype"] = draw(st.sampled_from([s.value for s in SpecialSubtype]))
        cats.append(cat)
    cat_ids = [c["id"] for c in cats]
    subjects = [
        {"id": f"subj-{band.value.replace('_', '-')}", "label": {"nl": band.value, "en": band.value}, "kind": "pupil", "age_band": band.value}
        for band in AgeBand
    ]
    purposes = []
    for i in range(n_purposes):
        purpose = {"id": f"doel{i}", "label": {"nl": f"Doel {i}", "en": f"Purpose {i}"}}
        basis = draw(st.none() | st.sampled_from([b.value for b in LegalBasis]))
        if basis:
            purpose["legal_basis"] = basis
        if draw(st.booleans()):
            purpose["legal_source"] = "WVO 2020"
        if draw(st.booleans()):
            purpose["art9_exception"] = "AVG art. 9 lid 2 sub g"
        purpose["needs"] = draw(st.lists(st.sampled_from(cat_ids), unique=True))
        purposes.append(purpose)
    nodes = ["board", "school-a"] + [p["id"] for p in parties] + [s["id"] for s in systems]
    flows = []
    for i in range(draw(st.integers(1, 8))):
        flow = {
            "id": f"f{i}",
            "from": draw(st.sampled_from(nodes + [s["id"] for s in subjects])),
            "to": draw(st.sampled_from(nodes)),
            "categories": draw(st.lists(st.sampled_from(cat_ids), min_size=1, unique=True)),
            "purposes": draw(st.lists(st.sampled_from([p["id"] for p in purposes]), unique=True)),
            "subjects": draw(st.lists(st.sampled_from([s["id"] for s in subjects]), unique=True)),
        }
        flows.append(flow)
    agreements = []
    for i in range(draw(st.integers(0, 3))):
        agreements.append(
            {
                "id": f"va{i}",
                "kind": draw(st.sampled_from(["model_4_0", "processing_agreement", "data_sharing"])),
                "parties": [draw(st.sampled_from([p["id"] for p in parties]))],
                "categories": draw(st.lists(st.sampled_from(cat_ids), unique=True)),
                "purposes": draw(st.lists(st.sampled_from([p["id"] for p in purposes]), unique=True)),
                "valid_from": "2024-01-01",
                "valid_until": draw(st.sampled_from(["2025-12-31", "2028-12-31"])),
                "deletion_after_use": draw(st.booleans()),
            }
        )
    return {
        "controller": {"id": "board", "name": "Bestuur", "sector": "vo", "schools": [{"id": "school-a", "name": "School A", "pupils": 800}]},
        "parties": parties,
        "systems": systems,
        "data_categories": cats,
        "subjects": subjects,
        "purposes": purposes,
        "flows": flows,
        "agreements": agreements,
    }


def build(data: dict) -> Register:
    return Register.model_validate(data)
