"""DPIA965-DPIA968: a processing that needs a DPIA and has none, a DPIA that covers part of one, and a
decision that matches nothing. Each rule fires on a small register and is silent once it is fixed."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from dpia.check import check
from dpia.model import Register

ON = dt.date(2026, 11, 29)

BASE: dict[str, Any] = {
    "controller": {"id": "board", "name": "Bestuur", "sector": "vo"},
    "parties": [{"id": "supplier", "name": "Leverancier", "role": "processor"},
                {"id": "bus", "name": "Busbedrijf", "role": "recipient"}],
    "systems": [{"id": "las", "name": "LAS", "kind": "pupil_administration", "operated_by": "supplier"},
                {"id": "app", "name": "App", "kind": "learning_platform", "operated_by": "supplier"}],
    "data_categories": [
        {"id": "name", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"},
        {"id": "care", "label": {"nl": "Zorg", "en": "Care"}, "type": "special", "special_subtype": "health"},
    ],
    "subjects": [{"id": "pupils", "label": {"nl": "Leerlingen", "en": "Pupils"}, "kind": "pupil",
                  "age_band": "under_16", "count": 1200}],
    "purposes": [{"id": "trip", "label": {"nl": "Excursie", "en": "Trip"}, "legal_basis": "public_task"}],
    "flows": [
        {"id": "f-las", "from": "board", "to": "las", "categories": ["name", "care"], "subjects": ["pupils"]},
        {"id": "f-app", "from": "board", "to": "app", "categories": ["name"], "subjects": ["pupils"]},
        {"id": "f-app-bus", "from": "app", "to": "bus", "categories": ["name"], "subjects": ["pupils"]},
        {"id": "f-bus", "from": "board", "to": "bus", "categories": ["name"], "purposes": ["trip"], "subjects": ["pupils"]},
    ],
}
DPIA = {"id": "d-las", "title": {"nl": "DPIA LAS", "en": "DPIA LAS"}, "systems": ["las"]}


def reg(**changes: Any) -> Register:
    doc = copy.deepcopy(BASE)
    for key, value in changes.items():
        doc[key] = value
    return Register.model_validate(doc)


def ids(register: Register, code: str) -> list[str]:
    return [f.id for f in check(register, ON).findings if f.code == code]


def decision(**target: str) -> dict:
    return {"id": "sd-" + "-".join(target.values()), **target, "reason": "Eén klas, een namenlijst.",
            "decided_by": "FG", "decided_on": "2026-10-01"}


def test_dpia965_fires_for_a_required_processing_without_dpia() -> None:
    (f,) = [f for f in check(reg(), ON).findings if f.code == "DPIA965"]
    assert f.id == "DPIA965/las"
    message = f.message("en")
    assert "processing 'las'" in message
    assert "large-scale processing of special-category or criminal data" in message and "health data (large scale)" in message
    assert f.params["criteria"].startswith("art35_3b_large_scale_special_data, ")  # the ids stay in the JSON


def test_dpia965_silent_with_a_covering_dpia() -> None:
    assert ids(reg(dpias=[DPIA]), "DPIA965") == []


def test_dpia965_silent_with_a_recorded_decision() -> None:
    assert ids(reg(screening_decisions=[decision(system="las")]), "DPIA965") == []


def test_dpia966_fires_for_likely_processings() -> None:
    assert ids(reg(dpias=[DPIA]), "DPIA966") == ["DPIA966/app", "DPIA966/bus/trip"]


def test_dpia966_silent_after_a_dpia_and_a_decision() -> None:
    fixed = reg(dpias=[DPIA, {"id": "d-app", "title": {"nl": "A", "en": "A"}, "systems": ["app"]}],
                screening_decisions=[decision(party="bus", purpose="trip")])
    assert ids(fixed, "DPIA966") == []
    assert ids(fixed, "DPIA965") == []


def test_dpia967_fires_when_a_dpia_covers_part_of_a_processing() -> None:
    partial = {"id": "d-bus", "title": {"nl": "B", "en": "B"}, "flows": ["f-app-bus"]}
    register = reg(dpias=[DPIA, partial])
    (f,) = [f for f in check(register, ON).findings if f.code == "DPIA967"]
    assert f.id == "DPIA967/d-bus/app"
    assert "covers 1 of 2 flows of processing 'app' (DPIA likely needed)" in f.message("en") and "f-app" in f.message("en")
    assert ids(register, "DPIA966") == ["DPIA966/app", "DPIA966/bus/trip"]  # the processing itself stays open


def test_dpia967_silent_once_the_dpia_lists_the_system() -> None:
    whole = {"id": "d-bus", "title": {"nl": "B", "en": "B"}, "systems": ["app"]}
    assert ids(reg(dpias=[DPIA, whole]), "DPIA967") == []


def test_dpia968_fires_for_a_decision_without_processing() -> None:
    register = reg(dpias=[DPIA], screening_decisions=[decision(party="supplier", purpose="trip")])
    assert ids(register, "DPIA968") == ["DPIA968/sd-supplier-trip"]


def test_dpia968_silent_when_the_decision_matches() -> None:
    assert ids(reg(dpias=[DPIA], screening_decisions=[decision(party="bus", purpose="trip")]), "DPIA968") == []
