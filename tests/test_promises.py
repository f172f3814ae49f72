"""The school's promises, checked against the register: one test per kind, holding and broken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dpia.check import check
from dpia.cli import main
from dpia.model import Register
from dpia.analysis.promises import promise_status
from dpia.io.store import load

from .conftest import EXAMPLE, MINI, write_register

ON = dt.date(2026, 11, 29)
TEXT = {"nl": "Belofte.", "en": "Promise."}


def base(**extra) -> dict:
    """A small board: a pupil administration at a processor, a next school, a public website."""
    doc = {
        "controller": {"id": "board", "name": "Bestuur", "sector": "vo", "schools": [{"id": "school", "name": "School"}]},
        "parties": [
            {"id": "supplier", "name": "Leverancier", "role": "processor"},
            {"id": "next-school", "name": "Vervolgschool", "role": "independent_controller"},
            {"id": "web", "name": "Internet", "role": "public"},
        ],
        "systems": [{"id": "las", "name": "LAS", "kind": "pupil_administration", "operated_by": "supplier"}],
        "data_categories": [
            {"id": "name", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"},
            {"id": "grades", "label": {"nl": "Cijfers", "en": "Grades"}, "type": "sensitive"},
            {"id": "photo", "label": {"nl": "Foto", "en": "Photo"}, "type": "ordinary"},
            {"id": "care", "label": {"nl": "Zorg", "en": "Care"}, "type": "special", "special_subtype": "health"},
        ],
        "subjects": [{"id": "pupils", "label": {"nl": "Leerlingen", "en": "Pupils"}, "kind": "pupil", "age_band": "under_16"}],
        "purposes": [
            {"id": "education", "label": {"nl": "Onderwijs", "en": "Education"}, "legal_basis": "public_task",
             "legal_source": "WVO 2020", "needs": ["name", "grades"]},
            {"id": "transfer", "label": {"nl": "Overdracht", "en": "Transfer"}, "legal_basis": "consent", "needs": ["name", "grades"]},
            {"id": "website", "label": {"nl": "Website", "en": "Website"}, "legal_basis": "consent", "needs": ["photo"]},
        ],
        "flows": [
            {"id": "f-las", "from": "school", "to": "las", "categories": ["name", "grades"], "purposes": ["education"], "subjects": ["pupils"]},
            {"id": "f-next", "from": "las", "to": "next-school", "categories": ["name", "grades"], "purposes": ["transfer"], "subjects": ["pupils"]},
            {"id": "f-web", "from": "school", "to": "web", "categories": ["photo"], "purposes": ["website"], "subjects": ["pupils"]},
        ],
        "agreements": [{"id": "va", "kind": "model_4_0", "parties": ["supplier"], "categories": ["name", "grades"],
                        "purposes": ["education"], "valid_from": "2025-01-01", "valid_until": "2027-12-31",
                        "deletion_after_use": True}],
        "consents": [
            {"id": "c-transfer", "purpose": "transfer", "given_by": {"under_16": "parent", "16_to_17": "pupil", "18_plus": "pupil"}},
            {"id": "c-web", "purpose": "website", "given_by": {"under_16": "parent", "16_to_17": "pupil", "18_plus": "pupil"}},
        ],
        "access_roles": [
            {"id": "mentor", "label": {"nl": "Mentor", "en": "Tutor"}, "system": "las", "read": ["name", "grades"]},
            {"id": "care-team", "label": {"nl": "Zorgteam", "en": "Care team"}, "system": "las", "read": ["name", "care"], "care_team": True},
        ],
        "retention": [
            {"id": "r-name", "category": "name", "duration": "P2Y", "trigger": "deregistration"},
            {"id": "r-grades", "category": "grades", "duration": "P2Y", "trigger": "deregistration"},
        ],
    }
    for key, value in extra.items():
        doc[key] = value
    return doc


def holds(doc: dict, promise: dict) -> bool:
    reg = Register.model_validate({**doc, "promises": [{"id": "pr", "text": TEXT, **promise}]})
    (status,) = promise_status(reg, ON)
    code = {f.code for f in check(reg, ON).findings if f.subjects == ("pr",)}
    assert (not code) == status.holds  # the rule and the status agree
    return status.holds


def edited(doc: dict, path: tuple, value) -> dict:
    import copy

    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def test_no_flow_without_consent() -> None:
    promise = {"kind": "no_flow_without_consent", "to": ["next-school"]}
    assert holds(base(), promise)
    assert not holds(edited(base(), ("purposes", 1, "legal_basis"), "public_task"), promise)
    assert not holds(base(consents=[base()["consents"][1]]), promise)  # the arrangement is gone


def test_under_agreement() -> None:
    promise = {"kind": "under_agreement"}
    assert holds(base(), promise)
    assert not holds(edited(base(), ("agreements", 0, "valid_until"), "2026-06-30"), promise)  # expired
    assert not holds(edited(base(), ("agreements", 0, "deletion_after_use"), False), promise)
    assert not holds(edited(base(), ("agreements", 0, "purposes"), []), promise)  # no specific purpose
    assert not holds(edited(base(), ("agreements", 0, "kind"), "data_sharing"), promise)


def test_only_roles_read() -> None:
    promise = {"kind": "only_roles_read", "categories": ["care"], "access_roles": ["care-team"]}
    assert holds(base(), promise)
    assert not holds(edited(base(), ("access_roles", 0, "read"), ["name", "grades", "care"]), promise)


def test_no_publication_without_consent() -> None:
    promise = {"kind": "no_publication_without_consent", "categories": ["photo"]}
    assert holds(base(), promise)
    wrong_age = edited(base(), ("consents", 1, "given_by"), {"under_16": "parent", "16_to_17": "parent", "18_plus": "pupil"})
    assert not holds(wrong_age, promise)  # from 16 the pupil consents
    assert not holds(base(consents=[base()["consents"][0]]), promise)


def test_policy_adopted_after_mr() -> None:
    promise = {"kind": "policy_adopted_after_mr"}
    adopted = edited(base(), ("controller", "privacy_policy"), {"adopted_on": "2025-07-01", "mr_consulted_on": "2025-06-10"})
    assert holds(adopted, promise)
    assert not holds(base(), promise)
    assert not holds(edited(adopted, ("controller", "privacy_policy", "mr_consulted_on"), "2025-08-01"), promise)


def test_deleted_after_leaving() -> None:
    promise = {"kind": "deleted_after_leaving", "system": "las", "max": "P2Y"}
    assert holds(base(), promise)
    assert not holds(edited(base(), ("retention", 1, "duration"), "P5Y"), promise)
    assert holds(edited(base(), ("retention", 1, "duration"), "P5Y"), {**promise, "except": ["grades"]})
    assert not holds(edited(base(), ("retention", 1, "trigger"), "end_of_contract"), promise)


def test_only_needed_data() -> None:
    promise = {"kind": "only_needed_data"}
    assert holds(base(), promise)
    assert not holds(edited(base(), ("flows", 0, "categories"), ["name", "grades", "photo"]), promise)


def test_manual_promises_need_a_recent_check() -> None:
    promise = {"kind": "manual", "evidence": "Training in september.", "checked_on": "2026-09-15"}
    assert holds(base(), promise)
    assert not holds(base(), {**promise, "checked_on": "2025-09-15"})
    assert not holds(base(), {"kind": "manual"})
    assert not holds(base(), {**promise, "evidence": "   "})  # spaces are no evidence


def test_the_examples_letter_promises_which_hold_and_which_the_slips_break() -> None:
    status = {s.promise.id: s.holds for s in promise_status(load(EXAMPLE).register, ON)}
    assert status == {
        "pr-agreements": False,  # the Malmberg agreement expired
        "pr-care-data": False,  # subject teachers can read care data
        "pr-deleted-after-leaving": True,
        "pr-mentor-reports": True,
        "pr-network-mail": True,
        "pr-next-school": True,
        "pr-only-relevant": False,  # the photographer's addresses, the bus company's BSN
        "pr-photos-online": False,  # no consent arrangement for the website
        "pr-policy-mr": True,
        "pr-staff-informed": True,
    }
    broken = {f.id for f in check(load(EXAMPLE).register, ON).findings if f.code.startswith("DPIA98")}
    assert broken == {"DPIA982/pr-agreements", "DPIA983/pr-care-data", "DPIA984/pr-photos-online", "DPIA987/pr-only-relevant"}


@pytest.mark.parametrize(("entry", "expected"), [
    ("  - {id: pr, text: {nl: x, en: x}, kind: no_flow_without_consnt, to: [hosting]}\n", "bedoelde u 'no_flow_without_consent'"),
    ("  - {id: pr, text: {nl: x, en: x}, kind: no_flow_without_consent, to: [hostin]}\n", "bedoelde u 'hosting'"),
    ("  - {id: pr, text: {nl: x, en: x}, kind: no_flow_without_consent}\n", "noem de organisaties"),
    ("  - {id: pr, text: {nl: x, en: x}, kind: only_roles_read, categories: [nme]}\n", "bedoelde u 'name'"),
])
def test_a_bad_promise_is_a_located_validation_error(tmp_path: Path, capsys, entry: str, expected: str) -> None:
    folder = write_register(tmp_path / "reg", {**MINI, "promises.yaml": "promises:\n" + entry})
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "promises.yaml:2:" in err and expected in err and "Traceback" not in err


def test_flows_decided_by_representative_give_the_same_verdicts_as_flow_by_flow(tmp_path: Path) -> None:
    """A synthetic board register (bulk flows.csv): the promise checks decide per group of identical flows;
    the flows they name must be exactly those a flow-by-flow reading of the register finds."""
    from dpia.model.flowtable import iter_flows
    from dpia.model import Promise
    from dpia.io.synth import generate

    folder = tmp_path / "synth"
    generate(6, 12, 3, folder, on=ON)
    reg = load(folder).register
    reg.promises = [Promise.model_validate({"id": "pr", "text": TEXT, "kind": "only_needed_data"})]
    (status,) = promise_status(reg, ON)
    needs = {p.id: set(p.needs) for p in reg.purposes}
    expected = sorted(f.id for f in iter_flows(reg)
                      if set(f.categories) - set().union(*(needs.get(p, set()) for p in f.purposes)))
    assert list(status.broken.offenders if status.broken else ()) == expected


def test_under_agreement_by_representative_matches_a_flow_by_flow_oracle(tmp_path: Path) -> None:
    from dpia.model.flowtable import iter_flows
    from dpia.model import Promise
    from dpia.io.synth import generate

    folder = tmp_path / "synth"
    generate(6, 12, 3, folder, on=ON)
    reg = load(folder).register
    reg.promises = [Promise.model_validate({"id": "pr", "text": TEXT, "kind": "under_agreement"})]
    (status,) = promise_status(reg, ON)
    parties = {p.id: p for p in reg.parties}
    holder = {s.id: s.operated_by for s in reg.systems}
    agreements = {a.id: a for a in reg.agreements}

    def fine(flow) -> bool:
        dst = holder.get(flow.to, flow.to)
        candidates = [agreements[flow.agreement]] if flow.agreement else [a for a in reg.agreements if dst in a.parties]
        return any(a.kind.value in ("model_4_0", "processing_agreement") and a.deletion_after_use
                   and (a.valid_from is None or a.valid_from <= ON) and (a.valid_until is None or a.valid_until >= ON)
                   and flow.purposes and set(flow.purposes) <= set(a.purposes) for a in candidates)

    expected = sorted(f.id for f in iter_flows(reg)
                      if holder.get(f.to, f.to) in parties
                      and parties[holder.get(f.to, f.to)].role.value in ("processor", "sub_processor") and not fine(f))
    assert expected and list(status.broken.offenders) == expected
