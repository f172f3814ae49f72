"""Special categories, criminal data and the BSN (DPIA301–305), written as specifications.

Each test starts from the MINI register, made clean for these rules (the care purpose names its Art. 9
exception, the mentor role belongs to the care team), changes one thing, and looks at one rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dpia.check import check, Finding
from dpia.model import DataCategory, Flow, Party, Purpose, Register, System
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def clean(tmp_path: Path) -> Register:
    """MINI with what these rules need set explicitly (idempotent, whatever MINI says today)."""
    reg = load(write_register(tmp_path / "mini", MINI)).register
    ids = reg.index()
    ids["education"].art9_exception = "UAVG art. 30 lid 3 onder a (speciale begeleiding van leerlingen)"
    ids["mentor"].care_team = True
    ids["mentor"].needs = ["name", "care"]
    return reg


def found(reg: Register, code: str) -> list[Finding]:
    return [f for f in check(reg, ON).findings if f.code == code]


def add_flow(reg: Register, **fields) -> Flow:
    flow = Flow.model_validate(fields)
    reg.flows.append(flow)
    return flow


def test_mini_made_clean_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    assert [f.id for f in check(reg, ON).findings if f.code.startswith("DPIA3")] == []


# ---- DPIA301 bsn-without-statutory-basis


def photographer(reg: Register) -> None:
    reg.parties.append(Party(id="fotograaf", name="Fotostudio", role="processor"))
    reg.purposes.append(
        Purpose.model_validate(
            {"id": "pass", "label": {"nl": "Schoolpas", "en": "School pass"}, "legal_basis": "public_task",
             "legal_source": "WVO 2020", "needs": ["name"]}
        )
    )


def test_bsn_to_photographer_fires_even_under_a_public_task(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    photographer(reg)
    add_flow(reg, id="f-foto", **{"from": "las"}, to="fotograaf", categories=["name", "bsn"], purposes=["pass"])
    (f,) = found(reg, "DPIA301")
    assert f.subjects == ("f-foto",)
    assert "flow 'f-foto' carries bsn to 'fotograaf' (processor) without a purpose for which the law prescribes" in f.message("en")
    assert "zonder doel waarvoor de wet dit nummer voorschrijft" in f.message("nl")


def test_bsn_to_photographer_silent_once_removed(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    photographer(reg)
    add_flow(reg, id="f-foto", **{"from": "las"}, to="fotograaf", categories=["name"], purposes=["pass"])
    assert found(reg, "DPIA301") == []


def test_bsn_to_duo_for_bron_and_to_processor_for_bron_is_fine(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    # MINI already sends name+bsn from the LAS to DUO for 'bron' (legal obligation, WVO 2020, needs bsn).
    add_flow(reg, id="f-school-las-bsn", **{"from": "school-a"}, to="las", categories=["name", "bsn"], purposes=["bron"])
    assert found(reg, "DPIA301") == []


def test_bsn_for_statutory_purpose_without_source_or_need_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    bron = reg.index()["bron"]
    bron.legal_source = "  "
    assert [f.subjects for f in found(reg, "DPIA301")] == [("f-las-duo",)]
    bron.legal_source = "WVO 2020"
    bron.needs = ["name"]  # the purpose no longer needs the number
    assert [f.subjects for f in found(reg, "DPIA301")] == [("f-las-duo",)]


def test_bsn_to_controller_run_system_is_not_a_disclosure(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.systems.append(System(id="archief", name="Eigen archief", kind="file_storage", operated_by="board"))
    add_flow(reg, id="f-archief", **{"from": "school-a"}, to="archief", categories=["bsn"], purposes=["education"])
    assert found(reg, "DPIA301") == []


def test_bsn_to_the_public_always_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.parties.append(Party(id="internet", name="Internet", role="public"))
    add_flow(reg, id="f-web", **{"from": "las"}, to="internet", categories=["bsn"], purposes=["bron"])
    (f,) = found(reg, "DPIA301")
    assert f.subjects == ("f-web",) and "'internet' (public (internet))" in f.message("en")


# ---- DPIA302 special-category-without-exception


def test_special_data_without_exception_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["education"].art9_exception = None
    (f,) = found(reg, "DPIA302")
    assert f.subjects == ("f-school-las",)
    assert "carries special-category data (care), but none of its purposes (education) names an Art. 9(2) exception" in f.message("en")


def test_special_data_with_exception_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    assert found(reg, "DPIA302") == []


def test_special_data_on_a_flow_without_purpose_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_flow(reg, id="f-loose", **{"from": "school-a"}, to="las", categories=["care"])
    (f,) = found(reg, "DPIA302")
    assert f.subjects == ("f-loose",) and "purposes (—)" in f.message("en")


# ---- DPIA303 special-category-readable-outside-care-team


def test_special_data_readable_outside_care_team_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["mentor"].care_team = False
    (f,) = found(reg, "DPIA303")
    assert f.subjects == ("mentor",)
    assert f.message("en") == "access role 'mentor' in 'las' is not part of the care team but can read or change special-category data: care"


def test_special_data_writable_outside_care_team_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    mentor = reg.index()["mentor"]
    mentor.care_team, mentor.read, mentor.write = False, ["name"], ["care"]
    assert [f.subjects for f in found(reg, "DPIA303")] == [("mentor",)]


def test_special_data_outside_care_team_silent_once_shielded(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    mentor = reg.index()["mentor"]
    mentor.care_team, mentor.read, mentor.needs = False, ["name"], ["name"]
    assert found(reg, "DPIA303") == []


# ---- DPIA304 criminal-data-without-legal-source


def incidents(reg: Register, source: str | None) -> None:
    reg.data_categories.append(
        DataCategory.model_validate({"id": "incident", "label": {"nl": "Incidentmelding", "en": "Incident report"}, "type": "criminal"})
    )
    reg.purposes.append(
        Purpose.model_validate(
            {"id": "safety", "label": {"nl": "Veiligheid", "en": "Safety"}, "legal_basis": "public_task",
             "legal_source": source, "needs": ["incident"]}
        )
    )
    add_flow(reg, id="f-incident", **{"from": "school-a"}, to="las", categories=["incident"], purposes=["safety"])


def test_criminal_data_without_legal_source_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    incidents(reg, None)
    (f,) = found(reg, "DPIA304")
    assert f.subjects == ("f-incident",)
    assert "carries criminal data (incident) without a purpose that names a legal source (purposes: safety)" in f.message("en")
    assert f.rule.advisory


def test_criminal_data_with_legal_source_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    incidents(reg, "UAVG art. 33")
    assert found(reg, "DPIA304") == []


# ---- DPIA305 special-or-criminal-data-published


def test_special_data_to_the_public_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.parties.append(Party(id="internet", name="Internet", role="public"))
    add_flow(reg, id="f-web", **{"from": "school-a"}, to="internet", categories=["name", "care"], purposes=["education"])
    (f,) = found(reg, "DPIA305")
    assert f.subjects == ("f-web",)
    assert f.message("en") == "flow 'f-web' makes special-category or criminal data public through 'internet': care"


def test_ordinary_data_to_the_public_is_not_this_rule(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.parties.append(Party(id="internet", name="Internet", role="public"))
    add_flow(reg, id="f-web", **{"from": "school-a"}, to="internet", categories=["name"], purposes=["education"])
    assert found(reg, "DPIA305") == []
