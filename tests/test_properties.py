"""Properties of the whole rule set on generated registers."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpia.check import as_json, check
from dpia.analysis.tables import Tables

from .strategies import build, registers

ON = dt.date(2026, 11, 29)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def about(findings, flow_id: str) -> set[str]:
    return {f.id for f in findings if flow_id in f.subjects}


@SETTINGS
@given(registers(), st.data())
def test_covering_agreement_never_adds_a_finding_about_the_flow(data, pick) -> None:
    register = build(data)
    flow = pick.draw(st.sampled_from(data["flows"]))
    holder = Tables(register).flows.set_index("flow").loc[flow["id"], "dst_holder"]
    if holder not in {p["id"] for p in data["parties"]}:
        return  # only parties sign agreements
    before = about(check(register, ON).findings, flow["id"])
    grown = copy.deepcopy(data)
    grown["agreements"].append(
        {
            "id": "va-cover",
            "kind": "model_4_0",
            "parties": [holder],
            "categories": flow["categories"],
            "purposes": flow["purposes"],
            "valid_from": "2020-01-01",
            "valid_until": "2030-12-31",
            "deletion_after_use": True,
            "permitted_subprocessors": [p["id"] for p in data["parties"]],
            "privacy_annex_version": "1.0",
            "security_annex": "v1",
        }
    )
    after = about(check(build(grown), ON).findings, flow["id"])
    assert after <= before


def rename(value, mapping: dict[str, str]):
    if isinstance(value, dict):
        return {k: rename(v, mapping) if k not in ("label", "name") else v for k, v in value.items()}
    if isinstance(value, list):
        return [rename(v, mapping) for v in value]
    if isinstance(value, str):
        return mapping.get(value, value)
    return value


def all_ids(data: dict) -> set[str]:
    ids = {data["controller"]["id"]} | {s["id"] for s in data["controller"]["schools"]}
    for key, items in data.items():
        if key != "controller":
            ids |= {e["id"] for e in items}
    return ids


@SETTINGS
@given(registers())
def test_renaming_ids_changes_only_the_ids(data) -> None:
    mapping = {i: f"q-{i}" for i in all_ids(data)}
    back = {v: k for k, v in mapping.items()}
    original = check(build(data), ON).findings
    renamed = check(build(rename(data, mapping)), ON).findings
    assert sorted((f.code, f.subjects) for f in original) == sorted(
        (f.code, tuple(back[s] for s in f.subjects)) for f in renamed
    )


def shuffled(data: dict, rnd) -> dict:
    """The same register with its entries, and the id lists inside them, in another order."""
    out = copy.deepcopy(data)
    rnd.shuffle(out["controller"]["schools"])
    for key, items in out.items():
        if key == "controller":
            continue
        rnd.shuffle(items)
        for entry in items:
            for value in entry.values():
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    rnd.shuffle(value)
    return out


@SETTINGS
@given(registers(), st.randoms(use_true_random=False))
def test_the_order_of_the_entries_does_not_change_the_output(data, rnd) -> None:
    """Deterministic output: the findings, their order and every message are those of the register, not of
    the order in which its files list things (a file reordered or an entry moved changes nothing)."""
    assert as_json(check(build(shuffled(data, rnd)), ON), "nl") == as_json(check(build(data), ON), "nl")
