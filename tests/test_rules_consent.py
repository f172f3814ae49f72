"""Consent (DPIA401–409), written as specifications.

Each test starts from the MINI register with a consent-based purpose 'photos' (photos in the
newsletter, stored in the LAS) for pupils under 16, whose arrangement 'c-photos' is complete; it changes
one thing and looks at one rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dpia.check import check, Finding
from dpia.model import Consenter, Flow, Party, Purpose, Register, SubjectCategory
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def clean(tmp_path: Path) -> Register:
    """MINI plus a consent purpose with a flow and a complete arrangement (idempotent)."""
    reg = load(write_register(tmp_path / "mini", MINI)).register
    reg.purposes = [p for p in reg.purposes if p.id != "photos"]
    reg.purposes.append(
        Purpose.model_validate(
            {"id": "photos", "label": {"nl": "Foto's in de nieuwsbrief", "en": "Photos in the newsletter"},
             "legal_basis": "consent", "needs": ["name"]}
        )
    )
    reg.flows = [f for f in reg.flows if f.id != "f-photos" and "photos" not in f.purposes]
    add_flow(reg, id="f-photos", **{"from": "school-a"}, to="las", categories=["name"], purposes=["photos"], subjects=["pupils-u16"])
    c = reg.index()["c-photos"]
    c.purpose = "photos"
    c.given_by = type(c.given_by).model_validate({"under_16": "parent", "16_to_17": "pupil", "18_plus": "pupil"})
    c.recorded_in, c.withdrawal = "las", "via het ouderportaal"
    return reg


def found(reg: Register, code: str) -> list[Finding]:
    return [f for f in check(reg, ON).findings if f.code == code]


def add_flow(reg: Register, **fields) -> Flow:
    flow = Flow.model_validate(fields)
    reg.flows.append(flow)
    return flow


def add_pupils(reg: Register, sid: str, band: str) -> None:
    reg.subjects.append(SubjectCategory.model_validate({"id": sid, "label": {"nl": sid, "en": sid}, "kind": "pupil", "age_band": band}))
    reg.index()["f-photos"].subjects.append(sid)


def test_clean_base_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    assert [f.id for f in check(reg, ON).findings if f.code.startswith("DPIA4")] == []


# ---- DPIA401 consent-purpose-without-arrangement


def test_consent_purpose_without_arrangement_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.consents = []
    (f,) = found(reg, "DPIA401")
    assert f.subjects == ("photos",)
    assert f.message("en") == "purpose 'photos' relies on consent but has no consent arrangement (used by f-photos)"


def test_consent_purpose_with_arrangement_is_silent(tmp_path: Path) -> None:
    assert found(clean(tmp_path), "DPIA401") == []


def test_unused_consent_purpose_is_not_this_rule(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.consents = []
    reg.flows = [f for f in reg.flows if f.id != "f-photos"]
    assert found(reg, "DPIA401") == []


# ---- DPIA402 publication-without-consent


def website(reg: Register, purposes: list[str]) -> None:
    reg.parties.append(Party(id="internet", name="Internet", role="public"))
    add_flow(reg, id="f-web", **{"from": "school-a"}, to="internet", categories=["name"], purposes=purposes, subjects=["pupils-u16"])


def test_publication_under_public_task_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    website(reg, ["education"])
    (f,) = found(reg, "DPIA402")
    assert f.subjects == ("f-web",)
    assert f.message("en") == (
        "flow 'f-web' makes name public through 'internet' without a purpose that has a consent arrangement (purposes: education)"
    )


def test_publication_under_consent_without_arrangement_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    website(reg, ["photos"])
    reg.consents = []
    assert [f.subjects for f in found(reg, "DPIA402")] == [("f-web",)]


def test_publication_with_consent_arrangement_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    website(reg, ["photos"])
    assert found(reg, "DPIA402") == []


# ---- DPIA403 wrong-consenting-party


def test_pupil_under_16_consenting_alone_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].given_by.under_16 = Consenter.PUPIL
    (f,) = found(reg, "DPIA403")
    assert f.subjects == ("c-photos", "under_16")
    assert "lets the wrong person consent for pupils aged <16 (pupils-u16)" in f.message("en")
    assert f.severity.value == "blocker" and not f.rule.advisory


def test_parent_consenting_for_adult_pupil_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_pupils(reg, "pupils-18", "18_plus")
    reg.index()["c-photos"].given_by.adult = Consenter.PARENT
    (f,) = found(reg, "DPIA403")
    assert f.subjects == ("c-photos", "18_plus") and "pupils aged 18+ (pupils-18)" in f.message("en")


def test_right_consenting_party_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_pupils(reg, "pupils-18", "18_plus")
    assert found(reg, "DPIA403") == []


def test_wrong_party_for_a_band_that_no_flow_concerns_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].given_by.adult = Consenter.PARENT  # no pupil of 18+ in the photos flows
    assert found(reg, "DPIA403") == []


# ---- DPIA404 parent-consents-for-pupil-16-17


def test_parent_consenting_for_16_17_fires_as_advice(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_pupils(reg, "pupils-16", "16_to_17")
    reg.index()["c-photos"].given_by.age_16_17 = Consenter.PARENT
    (f,) = found(reg, "DPIA404")
    assert f.subjects == ("c-photos",)
    assert "lets a parent consent for pupils aged 16 and 17 (pupils-16); from 16 the pupil consents" in f.message("en")
    assert f.rule.advisory and f.severity.value == "warning"
    assert found(reg, "DPIA403") == []


def test_pupil_of_16_17_consenting_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_pupils(reg, "pupils-16", "16_to_17")
    assert found(reg, "DPIA404") == []


# ---- DPIA405 consenting-party-missing


def test_missing_consenter_for_a_band_in_the_flows_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].given_by.under_16 = None
    (f,) = found(reg, "DPIA405")
    assert f.subjects == ("c-photos", "under_16")
    assert f.message("en") == "consent arrangement 'c-photos' (purpose 'photos') does not say who consents for pupils aged <16 (pupils-u16)"


def test_missing_consenter_for_a_band_not_in_the_flows_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].given_by.age_16_17 = None
    reg.index()["c-photos"].given_by.adult = None
    assert found(reg, "DPIA405") == []


# ---- DPIA406 consent-without-withdrawal


def test_consent_without_withdrawal_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].withdrawal = None
    (f,) = found(reg, "DPIA406")
    assert f.subjects == ("c-photos",)
    assert f.message("en") == "consent arrangement 'c-photos' (purpose 'photos') does not describe how consent is withdrawn"


def test_consent_with_withdrawal_is_silent(tmp_path: Path) -> None:
    assert found(clean(tmp_path), "DPIA406") == []


# ---- DPIA407 consent-not-recorded


def test_consent_not_recorded_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    c = reg.index()["c-photos"]
    c.recorded_in, c.how_recorded = None, " "
    (f,) = found(reg, "DPIA407")
    assert f.subjects == ("c-photos",) and "does not say where or how consent is recorded" in f.message("en")


def test_consent_recorded_on_paper_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    c = reg.index()["c-photos"]
    c.recorded_in, c.how_recorded = None, "Ondertekend formulier in het leerlingdossier"
    assert found(reg, "DPIA407") == []


# ---- DPIA408 consent-arrangement-for-other-basis


def test_arrangement_for_public_task_purpose_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["c-photos"].purpose = "education"
    (f,) = found(reg, "DPIA408")
    assert f.subjects == ("c-photos",)
    assert f.message("en") == "consent arrangement 'c-photos' belongs to purpose 'education', which relies on public task, not on consent"
    assert "publieke taak" in f.message("nl")


def test_arrangement_for_consent_purpose_is_silent(tmp_path: Path) -> None:
    assert found(clean(tmp_path), "DPIA408") == []


# ---- DPIA409 consent-from-staff


def test_consent_from_staff_fires_as_advice(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.subjects.append(SubjectCategory.model_validate({"id": "staff", "label": {"nl": "Medewerkers", "en": "Staff"}, "kind": "staff"}))
    reg.index()["f-photos"].subjects.append("staff")
    (f,) = found(reg, "DPIA409")
    assert f.subjects == ("photos",) and f.rule.advisory
    assert f.message("en") == "purpose 'photos' relies on consent and processes staff data (staff) in f-photos"


def test_consent_from_pupils_only_is_silent(tmp_path: Path) -> None:
    assert found(clean(tmp_path), "DPIA409") == []
