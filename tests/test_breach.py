"""Data breaches: impact through the data map, the notification assessment, the 72 hours, the rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dpia.analysis.breach import assess_breach, deadline, DUTCH_TIME, impact, moment_of, time_left
from dpia.check import check
from dpia.cli import main
from dpia.model import Breach, Register
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import EXAMPLE, MINI, write_register

ON = dt.date(2026, 11, 29)


def _cat(cid: str, kind: str = "ordinary", identifying: bool = False, **extra) -> dict:
    return {"id": cid, "label": {"nl": cid, "en": cid}, "type": kind, "identifying": identifying, **extra}


def chain_register() -> Register:
    """school → las (run by supplier) → supplier → host → backup → archive: each hop carries less."""
    return Register.model_validate({
        "controller": {"id": "board", "name": "Bestuur", "sector": "vo", "schools": [
            {"id": "school-a", "name": "School A", "pupils": 500, "staff": 40},
            {"id": "school-b", "name": "School B", "pupils": 300, "staff": 25}]},
        "parties": [
            {"id": "supplier", "name": "Leverancier", "role": "processor"},
            {"id": "host", "name": "Host", "role": "sub_processor", "processor_of": "supplier"},
            {"id": "backup", "name": "Back-up", "role": "sub_processor", "processor_of": "host"},
            {"id": "archive", "name": "Archief", "role": "sub_processor", "processor_of": "backup"},
            {"id": "museum", "name": "Museum", "role": "recipient"},
        ],
        "systems": [{"id": "las", "name": "LAS", "kind": "pupil_administration", "operated_by": "supplier",
                     "schools": ["school-a"]}],
        "data_categories": [_cat("name", identifying=True), _cat("grades", "sensitive"), _cat("bsn", "national_id"),
                            _cat("care", "special", special_subtype="health"), _cat("trip")],
        "subjects": [{"id": "kids", "label": {"nl": "Leerlingen", "en": "Pupils"}, "kind": "pupil", "age_band": "under_16", "count": 800}],
        "flows": [
            {"id": "f1", "from": "school-a", "to": "las", "categories": ["name", "grades", "bsn", "care"], "subjects": ["kids"]},
            {"id": "f2", "from": "las", "to": "host", "categories": ["name", "grades", "bsn"], "subjects": ["kids"]},
            {"id": "f3", "from": "host", "to": "backup", "categories": ["name", "grades"], "subjects": ["kids"]},
            {"id": "f4", "from": "backup", "to": "archive", "categories": ["grades"], "subjects": ["kids"]},
            {"id": "f5", "from": "school-b", "to": "museum", "categories": ["trip"]},
        ],
    })


# ---- impact


def test_a_breach_three_hops_down_reaches_exactly_what_flows_there() -> None:
    reg = chain_register()
    assert impact(reg, "archive").categories == ("grades",)
    assert impact(reg, "backup").categories == ("grades", "name")  # what it received and what it sends on
    assert "care" not in impact(reg, "host").categories and "bsn" in impact(reg, "host").categories


def test_a_breach_at_a_system_reaches_what_the_system_holds_and_names_its_schools() -> None:
    found = impact(chain_register(), "las")
    assert found.categories == ("bsn", "care", "grades", "name")
    assert found.special == ("care",) and found.bsn == ("bsn",) and found.children_under_16
    assert found.schools == ("school-a",) and found.pupils == 500 and found.staff == 40


def test_categories_that_do_not_reach_a_place_are_never_listed() -> None:
    reg = chain_register()
    found = impact(reg, "museum")
    assert found.categories == ("trip",) and found.schools == ("school-b",) and not found.children_under_16
    assert impact(reg, "f3").categories == ("grades", "name")


def test_the_examples_magister_chain() -> None:
    reg = load(EXAMPLE).register
    assert impact(reg, "snelsms").categories == ("absence", "name", "parent_contact")
    at_iddink = set(impact(reg, "iddink").categories)
    assert {"care_data", "care_reports", "bsn", "grades", "conversation_reports"} <= at_iddink
    assert "eck_id" in at_iddink  # Magister sends the ECK-iD on to the publishers: Iddink holds it
    assert "mail_content" not in at_iddink and "images" not in at_iddink  # Microsoft's and the website's
    assert set(impact(reg, "datacenter-zuid").categories) <= at_iddink


def test_an_unknown_place_is_refused_with_did_you_mean(capsys) -> None:
    assert main(["breach", str(EXAMPLE), "--at", "snelsm"]) == 2
    assert "bedoelde u 'snelsms'" in capsys.readouterr().err


# ---- the assessment: one test per criterion


def _breach(**changes) -> Breach:
    base = {"id": "b1", "title": "Lek", "discovered_at": "2026-11-20T09:00:00+01:00", "at": "las",
            "nature": ["confidentiality"], "categories": ["name", "grades"], "subjects": ["kids"], "affected": 3000}
    return Breach.model_validate({**base, **changes})


def test_identifiable_grades_of_3000_children_leaked_must_be_notified_and_told() -> None:
    a = assess_breach(chain_register(), _breach())
    assert (a.level, a.notify_ap, a.inform_subjects) == ("high", True, True)
    assert {c.key for c in a.criteria if c.applies and c.points} == {"data", "identification", "confidentiality", "children", "volume"}


def test_encryption_with_a_safe_key_makes_the_data_unintelligible() -> None:
    a = assess_breach(chain_register(), _breach(encrypted=True))
    assert (a.notify_ap, a.inform_subjects, a.unintelligible) == (False, False, True)
    leaked_key = assess_breach(chain_register(), _breach(encrypted=True, key_compromised=True))
    assert leaked_key.inform_subjects


def test_without_children_the_risk_drops_a_level() -> None:
    reg = chain_register()
    reg.subjects[0].age_band = reg.subjects[0].age_band.ADULT
    a = assess_breach(reg, _breach())
    assert (a.level, a.notify_ap, a.inform_subjects) == ("medium", True, False)


def test_three_people_instead_of_3000() -> None:
    a = assess_breach(chain_register(), _breach(affected=3))
    assert (a.level, a.notify_ap, a.inform_subjects) == ("medium", True, False)
    volume = next(c for c in a.criteria if c.key == "volume")
    assert not volume.applies and "3 personen" in volume.reason("nl")


def test_special_data_or_malice_raise_it() -> None:
    reg = chain_register()
    assert assess_breach(reg, _breach(categories=["care", "name"], affected=3)).level == "very_high"
    assert assess_breach(reg, _breach(affected=3, malicious=True)).level == "high"


def test_pseudonymous_data_alone_is_harder_to_trace() -> None:
    a = assess_breach(chain_register(), _breach(categories=["grades"], affected=3, subjects=[]))
    assert next(c for c in a.criteria if c.key == "identification").points == 0.5
    assert (a.level, a.notify_ap) == ("low", False)


# ---- time


@pytest.mark.parametrize(("discovered", "due"), [
    ("2026-03-27T10:00:00+01:00", dt.datetime(2026, 3, 30, 11, 0, tzinfo=DUTCH_TIME)),  # clocks go forward on 29 March
    ("2026-10-23T10:00:00+02:00", dt.datetime(2026, 10, 26, 9, 0, tzinfo=DUTCH_TIME)),  # and back on 25 October
    ("2026-11-20T08:00:00Z", dt.datetime(2026, 11, 23, 9, 0, tzinfo=DUTCH_TIME)),  # reported in UTC
    ("2026-11-20T03:00:00-05:00", dt.datetime(2026, 11, 23, 9, 0, tzinfo=DUTCH_TIME)),  # by a supplier in New York
])
def test_72_hours_are_72_real_hours_across_daylight_saving_and_time_zones(discovered: str, due: dt.datetime) -> None:
    b = _breach(discovered_at=discovered)
    assert deadline(b) == due and deadline(b).tzinfo is DUTCH_TIME
    assert (due.astimezone(dt.timezone.utc) - b.discovered_at.astimezone(dt.timezone.utc)) == dt.timedelta(hours=72)
    assert time_left(b, due - dt.timedelta(minutes=30)) == dt.timedelta(minutes=30)


def test_a_check_on_a_past_day_looks_at_the_end_of_that_day() -> None:
    assert moment_of(dt.date(2026, 3, 29), today=dt.date(2026, 12, 3)) == dt.datetime(2026, 3, 29, 23, 59, 59, tzinfo=ZoneInfo("Europe/Amsterdam"))


# ---- the rules, on the example and on variations of it


def _findings(reg: Register, on: dt.date = ON) -> set[str]:
    return {f.id for f in check(reg, on).findings if f.code.startswith("DPIA97")}


def test_the_example_handled_breach_is_silent_and_the_slip_is_found() -> None:
    found = _findings(load(EXAMPLE).register)
    assert found == {"DPIA971/lek-fotograaf-usb", "DPIA973/lek-fotograaf-usb", "DPIA974/lek-fotograaf-usb/fotograaf",
                     "DPIA976/lek-fotograaf-usb"}


def test_the_72_hour_rule_waits_for_the_deadline_and_goes_after_a_decision() -> None:
    reg = load(EXAMPLE).register
    assert "DPIA971/lek-fotograaf-usb" not in _findings(reg, dt.date(2026, 11, 27))
    usb = next(b for b in reg.breaches if b.id == "lek-fotograaf-usb")
    usb.ap = Breach.model_validate({**_breach().model_dump(mode="json", by_alias=True),
                                    "ap": {"decision": "notify", "decided_at": "2026-11-26T09:00:00+01:00",
                                           "notified_at": "2026-11-26T10:00:00+01:00"}}).ap
    assert "DPIA971/lek-fotograaf-usb" not in _findings(reg)
    assert "DPIA972/lek-fotograaf-usb" not in _findings(reg)


def test_late_notification_needs_a_reason() -> None:
    reg = load(EXAMPLE).register
    usb = next(b for b in reg.breaches if b.id == "lek-fotograaf-usb")
    late = {"decision": "notify", "decided_at": "2026-11-28T12:00:00+01:00", "notified_at": "2026-11-28T14:00:00+01:00"}
    usb.ap = Breach.model_validate({**_breach().model_dump(mode="json", by_alias=True), "ap": late}).ap
    assert "DPIA972/lek-fotograaf-usb" in _findings(reg)
    usb.ap.reason = "De fotograaf meldde het lek pas op 28 november aan de school."
    assert "DPIA972/lek-fotograaf-usb" not in _findings(reg)


def test_a_notice_clause_or_the_model_agreement_silences_the_processor_rule() -> None:
    reg = load(EXAMPLE).register
    agreement = next(a for a in reg.agreements if a.id == "va-fotograaf")
    agreement.breach_notice_hours = 24
    assert "DPIA974/lek-fotograaf-usb/fotograaf" not in _findings(reg)


def test_the_register_or_the_report_is_wrong_when_the_bsn_never_reached_the_photographer() -> None:
    reg = load(EXAMPLE).register
    usb = next(b for b in reg.breaches if b.id == "lek-fotograaf-usb")
    usb.categories = ["name", "class_group", "passport_photo"]
    assert "DPIA976/lek-fotograaf-usb" not in _findings(reg)


def test_closing_without_measures_and_not_notifying_without_reason() -> None:
    reg = load(EXAMPLE).register
    sms = next(b for b in reg.breaches if b.id == "lek-snelsms-backup")
    sms.measures_taken = []
    sms.ap.decision = sms.ap.decision.NOT_NOTIFY
    found = _findings(reg)
    assert {"DPIA975/lek-snelsms-backup", "DPIA977/lek-snelsms-backup/ap"} <= found
    sms.ap.reason = "Versleuteld met een sleutel die niet is gelekt."
    sms.measures_taken = ["Back-up verwijderd."]
    assert not {f for f in _findings(reg) if "snelsms" in f}


# ---- bad input


def _with_breach(tmp_path: Path, text: str) -> Path:
    return write_register(tmp_path / "reg", {**MINI, "breaches.yaml": "breaches:\n" + text})


@pytest.mark.parametrize(("entry", "expected"), [
    ("  - {id: b1, title: x, discovered_at: 2099-01-01T10:00:00+01:00, at: las, nature: [integrity]}\n",
     "ligt in de toekomst"),
    ("  - {id: b1, title: x, discovered_at: 2026-11-20T10:00:00+01:00, at: las, nature: [integrity],\n"
     "     ap: {decision: notify, decided_at: 2026-11-19T10:00:00+01:00}}\n", "vóór de ontdekking"),
    ("  - {id: b1, title: x, discovered_at: 2026-11-20 10:00, at: las, nature: [integrity]}\n", "tijdzone"),
    ("  - {id: b1, title: x, discovered_at: 2026-11-20T10:00:00+01:00, at: lass, nature: [integrity]}\n", "bedoelde u 'las'"),
    ("  - {id: b1, title: x, discovered_at: 2026-11-20T10:00:00+01:00, at: las, nature: [leak]}\n", "confidentiality"),
])
def test_bad_breach_entries_are_located_and_explained(tmp_path: Path, capsys, entry: str, expected: str) -> None:
    folder = _with_breach(tmp_path, entry)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "breaches.yaml:2:" in err and expected in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    with pytest.raises(RegisterInvalid):
        load(folder)


def test_breach_command_json_and_csv(capsys) -> None:
    assert main(["breach", str(EXAMPLE), "--breach", "lek-fotograaf-usb", "--now", "2026-11-28T09:05:00+01:00",
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["seconds_left"] == 3600 and doc["assessment"]["inform_subjects"] is True
    assert doc["impact"]["categories"] == ["address", "class_group", "name", "passport_photo"]
    assert main(["breach", str(EXAMPLE), "--at", "snelsms", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "kind,id,name,special,criminal,bsn" and "category,absence,Afwezigheid en verzuim,False,False,False" in rows


def test_the_ap_form_is_prefilled_from_the_register_without_peoples_names(tmp_path: Path, capsys) -> None:
    from dpia.documents.confidential import confidential_values

    target = tmp_path / "melding.html"
    assert main(["breach", str(EXAMPLE), "--breach", "lek-fotograaf-usb", "--form", str(target)]) == 0
    page = target.read_text()
    for expected in ("Concept-melding datalek", "25 november 2026 om 10:05", "28 november 2026 om 10:05", "Pasfoto", "1.200",
                     "Fotostudio Helmond-Peel", "OMO Scholengroep Helmond", "inzage of diefstal"):
        assert expected in page, expected
    for secret in confidential_values(load(EXAMPLE).register):
        assert secret not in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")
    assert main(["breach", str(EXAMPLE), "--at", "snelsms", "--form", str(tmp_path / "x.html")]) == 2
    assert "--breach" in capsys.readouterr().err
