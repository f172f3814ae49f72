"""The screening of every processing activity (dpia.analysis.processing): the unit, one register per verdict,
coverage by DPIAs, recorded decisions, and the CLI and notebook faces."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from dpia.cli import main
from dpia.model import Criterion, Register
from dpia.analysis.processing import processings, ProcessingVerdict, screen_processings, screening_decisions_html
from dpia.io.store import load
from dpia.workbench import processings_table

from .conftest import EXAMPLE

CHILDREN = {"id": "pupils", "label": {"nl": "Leerlingen", "en": "Pupils"}, "kind": "pupil", "age_band": "under_16"}
PARENTS = {"id": "parents", "label": {"nl": "Ouders", "en": "Parents"}, "kind": "parent"}


def register(*, categories: list[dict], subjects: list[dict], flows: list[dict], systems: list[dict] = (),
             parties: list[dict] = (), **extra: Any) -> Register:
    doc = {
        "controller": {"id": "board", "name": "Bestuur", "sector": "po"},
        "parties": [{"id": "supplier", "name": "Leverancier", "role": "processor"},
                    {"id": "bus", "name": "Busbedrijf", "role": "recipient"}, *parties],
        "systems": list(systems),
        "data_categories": categories,
        "subjects": subjects,
        "purposes": [{"id": "trip", "label": {"nl": "Excursie", "en": "Trip"}, "legal_basis": "public_task"}],
        "flows": flows,
        **extra,
    }
    return Register.model_validate(copy.deepcopy(doc))


def cat(cid: str, type_: str = "ordinary", **more: Any) -> dict:
    return {"id": cid, "label": {"nl": cid, "en": cid}, "type": type_, **more}


def only(reg: Register):
    (s,) = screen_processings(reg)
    return s


def applying(s) -> set[str]:
    return {c.value for c in s.applying()}


# ---- one register per verdict


def test_required_by_art35_3b_large_scale_special_data() -> None:
    reg = register(
        categories=[cat("religion", "special", special_subtype="religion_belief")],
        subjects=[{**CHILDREN, "count": 1500}],
        systems=[{"id": "app", "name": "App", "kind": "other", "operated_by": "supplier"}],
        flows=[{"id": "f", "from": "board", "to": "app", "categories": ["religion"], "subjects": ["pupils"]}],
    )
    s = only(reg)
    assert s.verdict is ProcessingVerdict.REQUIRED
    assert Criterion.ART35_3B in s.applying("art35_3")
    assert s.applying("ap_list") == []  # religion is no AP item: Art. 35(3)(b) alone makes it required
    reasons = dict((c, why.render("en")) for c, _, why in s.criteria)
    assert "religion" in reasons[Criterion.ART35_3B] and "1500" in reasons[Criterion.ART35_3B]


def test_required_by_the_ap_list_alone() -> None:
    reg = register(
        categories=[cat("notes")],
        subjects=[{**PARENTS, "count": 30}],
        systems=[{"id": "lvs", "name": "Volgsysteem", "kind": "other", "operated_by": "supplier",
                  "traits": ["pupil_monitoring"]}],
        flows=[{"id": "f", "from": "board", "to": "lvs", "categories": ["notes"], "subjects": ["parents"]}],
    )
    s = only(reg)
    assert s.verdict is ProcessingVerdict.REQUIRED
    assert s.applying("art35_3") == []
    assert s.applying("ap_list") == [Criterion.AP_BEHAVIOUR]
    assert "pupil monitoring" in s.grounds("en")


def test_likely_by_two_wp248_criteria() -> None:
    reg = register(
        categories=[cat("name")],
        subjects=[{**CHILDREN, "count": 1500}],
        flows=[{"id": "f", "from": "board", "to": "bus", "categories": ["name"], "purposes": ["trip"],
                "subjects": ["pupils"]}],
    )
    s = only(reg)
    assert s.id == "bus/trip"
    assert s.verdict is ProcessingVerdict.LIKELY
    assert applying(s) == {"wp248_large_scale", "wp248_vulnerable_subjects"}
    assert "about 1500 data subjects" in s.grounds("en")


def test_not_indicated() -> None:
    reg = register(
        categories=[cat("name")],
        subjects=[{**PARENTS, "count": 40}],
        flows=[{"id": "f", "from": "board", "to": "bus", "categories": ["name"], "purposes": ["trip"],
                "subjects": ["parents"]}],
    )
    s = only(reg)
    assert s.verdict is ProcessingVerdict.NOT_INDICATED
    assert applying(s) == set()
    assert not s.gap


def test_to_be_judged_with_one_criterion_or_a_missing_count() -> None:
    one = register(categories=[cat("name")], subjects=[{**CHILDREN, "count": 40}],
                   flows=[{"id": "f", "from": "board", "to": "bus", "categories": ["name"], "subjects": ["pupils"]}])
    assert only(one).verdict is ProcessingVerdict.TO_BE_JUDGED
    assert applying(only(one)) == {"wp248_vulnerable_subjects"}
    unknown = register(categories=[cat("name")], subjects=[PARENTS],
                       flows=[{"id": "f", "from": "board", "to": "bus", "categories": ["name"], "subjects": ["parents"]}])
    s = only(unknown)
    assert s.verdict is ProcessingVerdict.TO_BE_JUDGED
    assert dict((c, v) for c, v, _ in s.criteria)[Criterion.WP248_LARGE_SCALE] is None


def test_officer_criteria_are_listed_as_to_judge() -> None:
    s = only(register(categories=[cat("name")], subjects=[{**PARENTS, "count": 40}],
                      flows=[{"id": "f", "from": "board", "to": "bus", "categories": ["name"], "subjects": ["parents"]}]))
    judge = {c.value for c in s.to_judge()}
    assert {"wp248_evaluation_scoring", "wp248_automated_decision", "wp248_innovative_technology"} <= judge
    assert "wp248_large_scale" not in judge  # the register decides that one


def test_communication_data_on_a_large_scale_is_on_the_ap_list() -> None:
    reg = register(categories=[cat("mail", nature="communication")], subjects=[{**PARENTS, "count": 5000}],
                   systems=[{"id": "mailsys", "name": "Mail", "kind": "mail", "operated_by": "supplier"}],
                   flows=[{"id": "f", "from": "board", "to": "mailsys", "categories": ["mail"], "subjects": ["parents"]}])
    s = only(reg)
    assert s.verdict is ProcessingVerdict.REQUIRED and s.applying("ap_list") == [Criterion.AP_COMMUNICATION]


def test_outside_the_eea_is_a_note_not_a_criterion() -> None:
    reg = register(categories=[cat("name")], subjects=[{**PARENTS, "count": 40}],
                   parties=[{"id": "us", "name": "US Inc", "role": "recipient",
                             "location": {"country": "US", "transfer_mechanism": "scc"}}],
                   flows=[{"id": "f", "from": "board", "to": "us", "categories": ["name"], "subjects": ["parents"]}])
    s = only(reg)
    assert s.verdict is ProcessingVerdict.NOT_INDICATED
    assert [n.render("en") for n in s.notes] and "us" in s.notes[0].render("en")


def test_data_from_another_controller_is_matching() -> None:
    reg = register(categories=[cat("name")], subjects=[{**PARENTS, "count": 40}],
                   parties=[{"id": "swv", "name": "Samenwerkingsverband", "role": "independent_controller"}],
                   systems=[{"id": "app", "name": "App", "kind": "other", "operated_by": "supplier"}],
                   flows=[{"id": "f", "from": "swv", "to": "app", "categories": ["name"], "subjects": ["parents"]},
                          {"id": "g", "from": "board", "to": "app", "categories": ["name"], "subjects": ["parents"]}])
    s = only(reg)
    assert Criterion.WP248_MATCHING in s.applying() and "swv" in s.grounds("en")


# ---- the unit


def test_units_systems_disclosures_and_processor_chains() -> None:
    reg = register(
        categories=[cat("name")], subjects=[{**PARENTS, "count": 40}],
        parties=[{"id": "host", "name": "Host", "role": "sub_processor", "processor_of": "supplier"},
                 {"id": "backup", "name": "Back-up", "role": "sub_processor", "processor_of": "supplier"},
                 {"id": "duo", "name": "DUO", "role": "independent_controller"},
                 {"id": "gem", "name": "Gemeente", "role": "independent_controller"}],
        systems=[{"id": "app", "name": "App", "kind": "other", "operated_by": "supplier"},
                 {"id": "idle", "name": "Ongebruikt", "kind": "other", "operated_by": "supplier"}],
        flows=[{"id": "f1", "from": "board", "to": "app", "categories": ["name"]},
               {"id": "f2", "from": "app", "to": "host", "categories": ["name"]},
               {"id": "f3", "from": "host", "to": "backup", "categories": ["name"]},
               {"id": "f4", "from": "board", "to": "bus", "categories": ["name"], "purposes": ["trip"]},
               {"id": "f5", "from": "board", "to": "bus", "categories": ["name"]},
               {"id": "f6", "from": "duo", "to": "gem", "categories": ["name"]}],
    )
    found = {p.id: p.flow_count for p in processings(reg)}
    # the back-up flow continues the app's processing; DUO's onward report is its own disclosure
    assert found == {"app": 3, "idle": 0, "bus": 1, "bus/trip": 1, "gem": 1}
    idle = next(s for s in screen_processings(reg) if s.id == "idle")
    assert idle.verdict is ProcessingVerdict.TO_BE_JUDGED and "no data flows" in idle.criteria[0][2].render("en")


# ---- coverage and decisions (the rule's conditions; the rules are tested in test_rules_processing.py)


LIKELY = dict(
    categories=[cat("name")], subjects=[{**CHILDREN, "count": 1500}],
    systems=[{"id": "app", "name": "App", "kind": "other", "operated_by": "supplier"}],
    flows=[{"id": "f1", "from": "board", "to": "app", "categories": ["name"], "subjects": ["pupils"]},
           {"id": "f2", "from": "app", "to": "bus", "categories": ["name"], "subjects": ["pupils"]}],
)


def test_gap_until_a_dpia_covers_the_whole_processing() -> None:
    assert only(register(**LIKELY)).gap
    partly = only(register(**LIKELY, dpias=[{"id": "d", "title": {"nl": "D", "en": "D"}, "flows": ["f2"]}]))
    assert partly.gap and partly.dpias == ("d",) and partly.covered == 1 and partly.uncovered == ("f1",)
    whole = only(register(**LIKELY, dpias=[{"id": "d", "title": {"nl": "D", "en": "D"}, "systems": ["app"]}]))
    assert not whole.gap and whole.fully_covered and whole.status("en") == "covered by d"


def test_a_recorded_decision_settles_it_and_is_shown() -> None:
    decided = register(**LIKELY, screening_decisions=[{
        "id": "sd", "system": "app", "reason": "Alleen namen van één klas.", "decided_by": "J. Jansen", "decided_on": "2026-10-01"}])
    s = only(decided)
    assert not s.gap and s.decision.id == "sd"
    assert s.status("en") == "decision: no DPIA needed (2026-10-01)"
    page = screening_decisions_html(decided, "nl")
    assert "Alleen namen van één klas." in page and "1 oktober 2026" in page  # dates written out for the MR
    assert "J. Jansen" not in page  # names of people stay out of the MR report


# ---- the example, the CLI and the notebook's table


def test_the_example_screens_every_processing() -> None:
    verdicts = {s.id: (s.verdict.value, s.gap) for s in screen_processings(load(EXAMPLE).register)}
    assert verdicts == {
        "magister": ("required", False),  # the Magister DPIA
        "m365": ("required", True),  # communication data on a large scale, no DPIA: the new slip
        "website": ("likely", False),  # the school-photo DPIA
        "leerplicht-helmond/p-absence-report": ("likely", False),  # decisions in screening.yaml
        "museum-helmond/p-excursion": ("likely", False),
        "touringcar/p-excursion": ("likely", False),
    }


def test_cli_screen_lists_every_processing_without_dpias(tmp_path, capsys) -> None:
    reg = tmp_path / "reg"
    reg.mkdir()
    (reg / "register.yaml").write_text(
        "controller: {id: board, name: Basisschool, sector: po}\n"
        "parties: [{id: las-leverancier, name: Leverancier, role: processor}]\n"
        "systems: [{id: las, name: ParnasSys, kind: pupil_administration, operated_by: las-leverancier}]\n"
        "data_categories:\n"
        "  - {id: dyslexie, label: {nl: Dyslexieverklaring, en: Dyslexia report}, type: special, special_subtype: health}\n"
        "subjects: [{id: leerlingen, label: {nl: Leerlingen, en: Pupils}, kind: pupil, age_band: under_16, count: 300}]\n"
        "flows: [{id: f, from: board, to: las, categories: [dyslexie], subjects: [leerlingen]}]\n", encoding="utf-8")
    assert main(["screen", str(reg), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"las \(ParnasSys, 1 flows?\): DPIA required", out)  # its plural: tests/test_plurals.py
    assert "holds no DPIAs" in out
    assert main(["screen", str(reg), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [(p["processing"], p["verdict"], p["gap"]) for p in doc["processings"]] == [("las", "required", True)]
    assert doc["screenings"] == []
    assert main(["check", str(reg), "--lang", "en"]) == 1  # the primary school: a blocker now
    assert "DPIA965" in capsys.readouterr().out


def test_notebook_table_has_a_row_per_processing() -> None:
    frame = processings_table(load(EXAMPLE).register, "en")
    assert list(frame.index) == [s.id for s in screen_processings(load(EXAMPLE).register)]
    assert frame.loc["m365", "verdict"] == "DPIA required"
    assert frame.loc["touringcar/p-excursion", "status"] == "decision: no DPIA needed (14 September 2026)"


def test_the_report_shows_every_processing_and_the_decisions() -> None:
    from dpia.check import check
    from dpia.documents.report import dpias_html

    reg = load(EXAMPLE).register
    page = dpias_html(reg, check(reg), "nl")
    assert "Is een DPIA nodig? Alle verwerkingen" in page
    assert "Microsoft 365 (Exchange Online)</td><td>DPIA verplicht</td>" in page
    assert "Besluiten: geen DPIA nodig" in page and "Een namenlijst voor één museumbezoek" in page
    assert "J. Verhagen" not in page
    bare = Register.model_validate({**reg.model_dump(by_alias=True), "dpias": []})
    assert "Is een DPIA nodig? Alle verwerkingen" in dpias_html(bare, check(bare), "nl")  # also without DPIAs
