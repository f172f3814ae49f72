"""Access roles (DPIA601–605), written as specifications.

Each test starts from the MINI register made clean for these rules (the mentor role belongs to the
care team and declares what it needs), changes one thing, and looks at one rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dpia.check import check, Finding
from dpia.model import AccessRole, Flow, Register, System
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def clean(tmp_path: Path) -> Register:
    """MINI with what these rules need set explicitly (idempotent, whatever MINI says today)."""
    reg = load(write_register(tmp_path / "mini", MINI)).register
    mentor = reg.index()["mentor"]
    mentor.care_team, mentor.needs, mentor.reason, mentor.shared_account = True, ["name", "care"], "begeleiding", False
    return reg


def found(reg: Register, code: str) -> list[Finding]:
    return [f for f in check(reg, ON).findings if f.code == code]


def add_role(reg: Register, **fields) -> AccessRole:
    fields.setdefault("label", {"nl": fields["id"], "en": fields["id"]})
    fields.setdefault("system", "las")
    fields.setdefault("reason", "lesgeven")
    role = AccessRole.model_validate(fields)
    reg.access_roles.append(role)
    return role


def test_clean_base_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    assert [f.id for f in check(reg, ON).findings if f.code.startswith("DPIA6")] == []


# ---- DPIA601 access-beyond-need


def test_role_reading_beyond_its_needs_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="vakdocent", read=["name", "bsn"], needs=["name"])
    (f,) = found(reg, "DPIA601")
    assert f.subjects == ("vakdocent",)
    assert f.message("en") == "access role 'vakdocent' in 'las' can see data the role does not need: bsn"


def test_role_writing_beyond_its_needs_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="vakdocent", read=["name"], write=["bsn"], needs=["name"])
    assert [f.subjects for f in found(reg, "DPIA601")] == [("vakdocent",)]


def test_role_reading_only_what_it_needs_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="vakdocent", read=["name"], needs=["name"])
    assert found(reg, "DPIA601") == []


def test_special_data_outside_care_team_is_left_to_dpia303(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="vakdocent", read=["name", "care"], needs=["name"])
    assert found(reg, "DPIA601") == []
    assert [f.subjects for f in found(reg, "DPIA303")] == [("vakdocent",)]


# ---- DPIA602 access-needs-not-declared


def test_role_without_needs_reading_protected_data_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="administratie", read=["name", "bsn"])
    (f,) = found(reg, "DPIA602")
    assert f.subjects == ("administratie",)
    assert f.message("en") == "access role 'administratie' in 'las' sees bsn, but no need is recorded (`needs`)"


def test_role_without_needs_reading_ordinary_data_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="concierge", read=["name"])
    assert found(reg, "DPIA602") == []


def test_role_declaring_needs_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    add_role(reg, id="administratie", read=["name", "bsn"], needs=["name", "bsn"])
    assert found(reg, "DPIA602") == []


# ---- DPIA603 shared-account


def test_shared_account_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["mentor"].shared_account = True
    (f,) = found(reg, "DPIA603")
    assert f.subjects == ("mentor",) and f.message("en") == "access role 'mentor' in 'las' uses a shared account"


def test_personal_accounts_are_silent(tmp_path: Path) -> None:
    assert found(clean(tmp_path), "DPIA603") == []


# ---- DPIA604 access-role-without-reason


def test_role_without_reason_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["mentor"].reason = None
    (f,) = found(reg, "DPIA604")
    assert f.subjects == ("mentor",) and f.message("en") == "access role 'mentor' in 'las' has no reason"


def test_role_with_blank_reason_fires_and_with_reason_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.index()["mentor"].reason = "   "
    assert [f.subjects for f in found(reg, "DPIA604")] == [("mentor",)]
    reg.index()["mentor"].reason = "begeleidt de eigen mentorgroep"
    assert found(reg, "DPIA604") == []


# ---- DPIA605 high-risk-data-without-access-roles


def archive(reg: Register) -> None:
    reg.systems.append(System(id="archief", name="Digitaal archief", kind="file_storage", operated_by="board"))
    reg.flows.append(
        Flow.model_validate({"id": "f-archief", "from": "school-a", "to": "archief", "categories": ["name", "bsn", "care"], "purposes": ["bron"]})
    )


def test_system_with_bsn_and_care_data_but_no_roles_fires(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    archive(reg)
    (f,) = found(reg, "DPIA605")
    assert f.subjects == ("archief",)
    assert f.message("en") == "system 'archief' receives bsn, care, but the register describes no access roles for it"


def test_system_with_access_roles_is_silent(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    archive(reg)
    add_role(reg, id="archivaris", system="archief", read=["name", "bsn"], needs=["name", "bsn"])
    assert found(reg, "DPIA605") == []


def test_system_with_only_ordinary_data_needs_no_roles_here(tmp_path: Path) -> None:
    reg = clean(tmp_path)
    reg.systems.append(System(id="archief", name="Digitaal archief", kind="file_storage", operated_by="board"))
    reg.flows.append(Flow.model_validate({"id": "f-archief", "from": "school-a", "to": "archief", "categories": ["name"], "purposes": ["education"]}))
    assert found(reg, "DPIA605") == []
