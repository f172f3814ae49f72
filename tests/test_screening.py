"""Screening: the verdict on contrasting cases, derived criteria, the officer's answers and their trail."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from dpia.cli import main
from dpia.model import Criterion, Register
from dpia.analysis.screening import AP_LIST, ART35, CRITERIA, screen, screen_all, screening_text, Verdict, WP248
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)

# A small register with three contrasting processings: the pupil administration (care data about
# 700 children), a museum list (names of the same children) and a newsletter to 60 parents.
BASE: dict[str, Any] = {
    "controller": {"id": "board", "name": "Stichting Voorbeeld", "sector": "vo", "schools": [{"id": "school-a", "name": "College A", "pupils": 900}]},
    "parties": [
        {"id": "supplier", "name": "Leverancier LAS", "role": "processor", "location": {"country": "NL"}},
        {"id": "mailer", "name": "Maildienst", "role": "processor", "location": {"country": "NL"}},
        {"id": "museum", "name": "Museum", "role": "recipient", "location": {"country": "NL"}},
        {"id": "cloud-us", "name": "Cloud US", "role": "sub_processor", "processor_of": "supplier",
         "location": {"country": "US", "transfer_mechanism": "scc"}},
    ],
    "systems": [
        {"id": "las", "name": "Leerlingadministratie", "kind": "pupil_administration", "operated_by": "supplier"},
        {"id": "mail", "name": "Mail", "kind": "mail", "operated_by": "mailer"},
    ],
    "data_categories": [
        {"id": "name", "label": {"nl": "Naam", "en": "Name"}, "type": "ordinary"},
        {"id": "grades", "label": {"nl": "Cijfers", "en": "Grades"}, "type": "sensitive"},
        {"id": "care", "label": {"nl": "Zorg", "en": "Care"}, "type": "special", "special_subtype": "health"},
    ],
    "subjects": [
        {"id": "pupils", "label": {"nl": "Leerlingen", "en": "Pupils"}, "kind": "pupil", "age_band": "under_16", "count": 700},
        {"id": "parents", "label": {"nl": "Ouders", "en": "Parents"}, "kind": "parent", "count": 60},
    ],
    "purposes": [
        {"id": "education", "label": {"nl": "Onderwijs", "en": "Education"}, "legal_basis": "public_task",
         "legal_source": "WVO 2020", "art9_exception": "UAVG art. 30 lid 3 onder a", "needs": ["name", "grades", "care"]},
        {"id": "excursion", "label": {"nl": "Excursie", "en": "Excursion"}, "legal_basis": "public_task",
         "legal_source": "WVO 2020", "needs": ["name"]},
        {"id": "newsletter", "label": {"nl": "Nieuwsbrief", "en": "Newsletter"}, "legal_basis": "public_task",
         "legal_source": "WVO 2020", "needs": ["name"]},
    ],
    "flows": [
        {"id": "f-school-las", "from": "school-a", "to": "las", "categories": ["name", "grades", "care"],
         "purposes": ["education"], "subjects": ["pupils"]},
        {"id": "f-las-cloud", "from": "las", "to": "cloud-us", "categories": ["name", "grades", "care"],
         "purposes": ["education"], "subjects": ["pupils"]},
        {"id": "f-museum", "from": "school-a", "to": "museum", "categories": ["name"], "purposes": ["excursion"],
         "subjects": ["pupils"]},
        {"id": "f-mail", "from": "school-a", "to": "mail", "categories": ["name"], "purposes": ["newsletter"],
         "subjects": ["parents"]},
    ],
    "measures": [
        {"id": "m-mfa", "label": {"nl": "MFA", "en": "MFA"}, "kind": "technical", "status": "implemented", "systems": ["las"]},
        {"id": "m-logging", "label": {"nl": "Logging", "en": "Logging"}, "kind": "technical", "status": "implemented"},
        {"id": "m-tab", "label": {"nl": "Zorgtab afschermen", "en": "Restrict care tab"}, "kind": "technical",
         "status": "planned", "owner": "Applicatiebeheer", "due": dt.date(2026, 12, 31)},
        {"id": "m-training", "label": {"nl": "Training", "en": "Training"}, "kind": "organisational",
         "status": "in_progress", "owner": "FG", "due": dt.date(2026, 10, 1)},
    ],
}


def dpia(id: str = "d", **fields: Any) -> dict[str, Any]:
    """A DPIA entry (plain data) with a title and the given fields."""
    return {"id": id, "title": {"nl": f"DPIA {id}", "en": f"DPIA {id}"}, **fields}


def register(*dpias: dict[str, Any], **sections: Any) -> Register:
    """BASE with these DPIAs (and sections replaced or added)."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(sections))
    data["dpias"] = list(copy.deepcopy(dpias))
    return Register.model_validate(data)


def write(folder: Path, *dpias: dict[str, Any], **sections: Any) -> Path:
    """BASE with these DPIAs as a register folder (for the loader and the CLI)."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(sections))
    folder.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.representer.ignore_aliases = lambda *args: True
    with (folder / "register.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    if dpias:
        with (folder / "dpias.yaml").open("w", encoding="utf-8") as fh:
            yaml.dump({"dpias": list(copy.deepcopy(dpias))}, fh)
    return folder


RECORDED = {"date": dt.date(2026, 1, 10), "by": "FG"}


def answer(criterion: Criterion, applies: bool, reason: str = "reden", **more: Any) -> dict[str, Any]:
    return {"criterion": criterion.value, "applies": applies, "reason": reason, **more}


# ---- the criteria


def test_criteria_are_art35_the_nine_wp248_criteria_and_the_ap_list_of_17() -> None:
    groups = [c.group for c in CRITERIA]
    assert (groups.count(ART35), groups.count(WP248), groups.count(AP_LIST)) == (3, 9, 17)
    assert [c.number for c in CRITERIA if c.group == WP248] == list(range(1, 10))
    assert {c.criterion for c in CRITERIA} == set(Criterion)
    for c in CRITERIA:
        assert c.label("nl") and c.label("en") and c.source


# ---- three contrasting cases


def test_pupil_administration_with_care_data_requires_a_dpia() -> None:
    result = screen(register(dpia(systems=["las"], screening=RECORDED)), "d")
    assert result.verdict is Verdict.REQUIRED
    applying = {c.criterion for c in result.applying()}
    assert {Criterion.ART35_3B, Criterion.AP_HEALTH, Criterion.WP248_SENSITIVE, Criterion.WP248_LARGE_SCALE,
            Criterion.WP248_VULNERABLE} <= applying
    by = {c.criterion: c for c in result.criteria}
    assert by[Criterion.WP248_LARGE_SCALE].basis == "register"
    assert "pupil administration" in by[Criterion.WP248_LARGE_SCALE].reason("en")
    assert "care" in by[Criterion.WP248_SENSITIVE].reason("en")
    assert "GDPR Art. 35(3)" in result.reason("en") and "The AP's list" in result.reason("en")


def test_museum_list_of_children_is_recommended_with_one_criterion() -> None:
    result = screen(register(dpia(flows=["f-museum"], screening=RECORDED)), "d")
    assert result.verdict is Verdict.RECOMMENDED
    assert [c.criterion for c in result.applying()] == [Criterion.WP248_VULNERABLE]
    by = {c.criterion: c for c in result.criteria}
    assert by[Criterion.WP248_LARGE_SCALE].derived is False
    assert "700" in by[Criterion.WP248_LARGE_SCALE].reason("en")
    assert by[Criterion.WP248_SENSITIVE].derived is False
    assert "recommended" in result.reason("en")


def test_newsletter_to_a_few_parents_is_not_required_and_the_record_is_kept() -> None:
    reg = register(dpia(flows=["f-mail"], screening=RECORDED))
    result = screen(reg, "d")
    assert result.verdict is Verdict.NOT_REQUIRED
    assert result.applying() == []
    assert result.recorded and result.date == dt.date(2026, 1, 10)
    assert len(result.criteria) == 29 and all(c.reason("nl") for c in result.criteria)
    assert "kept on record" in result.reason("en")
    doc = result.as_dict("en")
    assert doc["verdict"] == "not_required" and len(doc["criteria"]) == 29


def test_one_ap_list_type_alone_makes_a_dpia_required() -> None:
    d = dpia(flows=["f-mail"], screening={**RECORDED, "answers": [answer(Criterion.AP_EMPLOYEE_MONITORING, True, "logt medewerkers")]})
    result = screen(register(d), "d")
    assert result.verdict is Verdict.REQUIRED
    assert "employee monitoring" in result.reason("en")


def test_large_scale_threshold_is_a_parameter() -> None:
    reg = register(dpia(flows=["f-museum"], screening=RECORDED))
    assert screen(reg, "d", large_scale=500).verdict is Verdict.REQUIRED  # 700 children: vulnerable + large
    assert screen(reg, "d").verdict is Verdict.RECOMMENDED


def test_without_flows_the_register_tells_nothing() -> None:
    result = screen(register(dpia()), "d")
    assert all(c.derived is None for c in result.criteria)
    assert result.verdict is Verdict.NOT_REQUIRED and not result.recorded


# ---- the officer's answers


def test_override_keeps_an_audit_trail() -> None:
    override = answer(Criterion.WP248_VULNERABLE, False, "alleen leerlingen van 18+ in werkelijkheid",
                      by="J. Verhagen (FG)", on=dt.date(2026, 2, 1))
    result = screen(register(dpia(flows=["f-museum"], screening={**RECORDED, "answers": [override]})), "d")
    assert result.verdict is Verdict.NOT_REQUIRED  # the override takes away the one criterion
    [c] = result.overrides
    assert c.criterion is Criterion.WP248_VULNERABLE and c.basis == "override" and not c.applies
    assert c.derived is True and "pupils" in c.derived_reason.render("en")
    assert c.reason("en") == "alleen leerlingen van 18+ in werkelijkheid"
    trail = c.as_dict("en")
    assert trail["derived"] is True and trail["applies"] is False and trail["basis"] == "override"
    assert trail["answer"] == {"applies": False, "reason": "alleen leerlingen van 18+ in werkelijkheid",
                               "by": "J. Verhagen (FG)", "on": "2026-02-01"}
    text = screening_text(result, register(dpia(flows=["f-museum"], screening={**RECORDED, "answers": [override]})), "en")
    assert "overrides the register" in text and "overridden by J. Verhagen (FG) on 2026-02-01" in text


def test_confirmation_and_officer_decision_are_told_apart() -> None:
    answers = [answer(Criterion.WP248_VULNERABLE, True, "kinderen"), answer(Criterion.WP248_MONITORING, True, "volgsysteem")]
    result = screen(register(dpia(flows=["f-museum"], screening={**RECORDED, "answers": answers})), "d")
    by = {c.criterion: c for c in result.criteria}
    assert by[Criterion.WP248_VULNERABLE].basis == "confirmed"
    assert by[Criterion.WP248_MONITORING].basis == "officer"
    assert result.overrides == []
    assert result.verdict is Verdict.REQUIRED  # two WP248 criteria
    assert Criterion.WP248_MONITORING not in {c.criterion for c in result.unassessed}
    assert Criterion.WP248_INNOVATIVE in {c.criterion for c in result.unassessed}


def test_screening_is_deterministic() -> None:
    """The record does not depend on the order in which the officer wrote the answers down."""
    answers = [answer(Criterion.WP248_MONITORING, True, "volgsysteem"), answer(Criterion.WP248_MATCHING, False, "geen"),
               answer(Criterion.ART35_3A, False, "geen besluiten"), answer(Criterion.WP248_INNOVATIVE, False, "bekend")]
    written = screen(register(dpia(systems=["las"], screening={**RECORDED, "answers": answers})), "d").as_dict("nl")
    reversed_ = screen(register(dpia(systems=["las"], screening={**RECORDED, "answers": answers[::-1]})), "d").as_dict("nl")
    assert written == reversed_
    assert [r.dpia for r in screen_all(register(dpia("b"), dpia("a")))] == ["a", "b"]


def test_two_answers_for_one_criterion_are_refused(tmp_path: Path) -> None:
    answers = [answer(Criterion.WP248_VULNERABLE, True), answer(Criterion.WP248_VULNERABLE, False)]
    folder = write(tmp_path / "reg", dpia(flows=["f-museum"], screening={**RECORDED, "answers": answers}))
    with pytest.raises(RegisterInvalid) as exc:
        load(folder)
    assert "answers the same criterion twice" in str(exc.value)


# ---- the CLI


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example register not present")
def test_cli_screen_example_text_and_json(capsys) -> None:
    code, out, _ = run(capsys, "screen", str(EXAMPLE), "--lang", "en")
    assert code == 0
    assert "Screening dpia-magister" in out and "Screening dpia-schoolfoto" in out
    assert out.count("Verdict: A DPIA is required.") == 2
    assert "overrides the register" in out  # the photo DPIA overrides 'sensitive data'
    code, out, _ = run(capsys, "screen", str(EXAMPLE), "--format", "json", "--dpia", "dpia-schoolfoto")
    doc = json.loads(out)
    [s] = doc["screenings"]
    assert s["dpia"] == "dpia-schoolfoto" and s["verdict"] == "required"
    sensitive = next(c for c in s["criteria"] if c["criterion"] == "wp248_sensitive_data")
    assert sensitive["basis"] == "override" and sensitive["derived"] is False and sensitive["applies"] is True


def test_cli_screen_unknown_dpia_and_no_dpias(tmp_path: Path, capsys) -> None:
    folder = write(tmp_path / "reg")
    code, out, _ = run(capsys, "screen", str(folder), "--lang", "en")
    assert code == 0 and "holds no DPIAs" in out
    code, out, _ = run(capsys, "screen", str(folder), "--format", "json")
    assert code == 0 and json.loads(out)["screenings"] == []
    code, _, err = run(capsys, "screen", str(folder), "--dpia", "nope", "--lang", "en")
    assert code == 2 and "no DPIA with id 'nope'" in err
