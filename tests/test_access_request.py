"""The structure of the answer to an access request (GDPR Art. 15), from the register."""

from __future__ import annotations

import datetime as dt
import json

from dpia.analysis.access_request import access_request
from dpia.cli import main
from dpia.io.store import load

from .conftest import EXAMPLE


def test_pupils_data_per_purpose_recipients_through_the_chain_and_transfers() -> None:
    reg = load(EXAMPLE).register
    a = access_request(reg, "pupils-under-16")
    purposes = {p["purpose"]: p for p in a.purposes}
    assert purposes["p-bron"]["basis"] == "legal_obligation"
    assert "bsn" in purposes["p-bron"]["categories"] and "care_data" not in purposes["p-bron"]["categories"]
    recipients = {r["party"]: r for r in a.recipients}
    assert recipients["snelsms"]["via"] == ["iddink"] and recipients["datacenter-zuid"]["role"] == "sub_processor"
    assert recipients["microsoft-us"]["outside_eea"] and recipients["microsoft-us"]["mechanism"] == "adequacy"
    assert "reisbureau" not in recipients  # in the register, but no flow carries pupils' data there
    kept = {r["category"]: r for r in a.retention}
    assert kept["care_data"]["duration"] == "P2Y" and kept["images"]["duration"] is None
    assert {"category": "passport_photo", "sources": ["fotograaf"]} in a.sources


def test_parents_get_the_data_of_the_flows_about_them() -> None:
    """A flow names its subjects as a whole: the answer for parents holds what the flows about parents
    carry (the register does not split a flow's categories per subject), and nothing of flows about
    pupils alone, such as the photos on the website."""
    a = access_request(load(EXAMPLE).register, "parents")
    categories = {c for p in a.purposes for c in p["categories"]}
    assert "parent_contact" in categories and "images" not in categories
    assert "internet" not in {r["party"] for r in a.recipients}


def test_the_deadline_is_a_month_from_receipt_and_the_end_of_a_short_month() -> None:
    reg = load(EXAMPLE).register
    a = access_request(reg, "parents", received=dt.date(2026, 1, 31))
    assert (a.due, a.extended_due) == (dt.date(2026, 2, 28), dt.date(2026, 4, 30))


def test_the_command_in_text_and_json_and_an_unknown_subject(capsys) -> None:
    assert main(["access-request", str(EXAMPLE), "--subject", "pupils-16-17", "--school", "carolus",
                 "--received", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "uiterlijk 2026-12-29" in out and "Autoriteit Persoonsgegevens" in out and "5 jaar na uitschrijving" in out
    assert main(["access-request", str(EXAMPLE), "--subject", "parents", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["subject"] == "parents"
    assert main(["access-request", str(EXAMPLE), "--subject", "pupils-under16"]) == 2
    assert "bedoelde u 'pupils-under-16'" in capsys.readouterr().err
