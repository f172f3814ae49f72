"""The workbench's check after an edit (``dpia.check.Incremental``) re-runs only the rules that read
what the edit changed, and its findings are those of a full check, whatever the edit."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dpia.check import check, Incremental
from dpia.rules import rules
from dpia.rules.base import Context
from dpia.analysis.reads import reading, Reads
from dpia.io.store import load

from .conftest import ROOT

ON = dt.date(2026, 11, 29)

# One edit of every kind the officer makes, each applied on top of the ones before (ids of the example).
EDITS = [
    ("agreement's annex", lambda r: r.update("va-magister", security_annex="Beveiligingsbijlage 2027")),
    ("agreement renewed", lambda r: r.update("va-malmberg", valid_until=dt.date(2028, 7, 31))),
    ("agreement's categories", lambda r: r.update("va-fotograaf", categories=["name", "class_group"])),
    ("flow's categories", lambda r: r.update("f-parents-magister", categories=["name", "address", "date_of_birth"])),
    ("flow to another party", lambda r: r.update("f-magister-snelsms", to="webbureau")),
    ("party abroad", lambda r: r.update("iddink", location={"country": "US"})),
    ("retention", lambda r: r.update("r-enrolment", duration="P50Y")),
    ("measure done", lambda r: r.update("m-care-tab-restriction", status="implemented")),
    ("category renamed", lambda r: r.update("name", label={"nl": "Naam leerling", "en": "Pupil's name"})),
    ("purpose's basis", lambda r: r.update("p-quality", legal_basis="consent")),
    ("access role reads care data", lambda r: r.update("vakdocent", read=["name", "class_group", "grades", "care_data"])),
    ("subjects counted", lambda r: r.update("pupils-under-16", count=26)),
    ("consent by whom", lambda r: r.update("c-newsletter", given_by={"under_16": "pupil", "16_to_17": "pupil", "18_plus": "pupil"})),
    ("system moved", lambda r: r.update("website", operated_by="iddink")),
    ("dpia status", lambda r: r.update("dpia-schoolfoto", status="draft")),
    ("screening decision removed", lambda r: r.remove("sd-excursie-bus")),
    ("promise removed", lambda r: r.remove("pr-photos-online")),
    ("breach removed", lambda r: r.remove("lek-fotograaf-usb")),
    ("controller's sector", lambda r: r.update("omo-helmond", sector="po")),
    ("supplier added", lambda r: (
        r.add("parties", {"id": "leerapp", "name": "LeerApp B.V.", "role": "processor", "location": {"country": "NL"}}),
        r.add("flows", {"id": "f-school-leerapp", "from": "omo-helmond", "to": "leerapp", "categories": ["name", "class_group", "grades"],
                        "purposes": ["p-education"], "subjects": ["pupils-under-16"]}))),
    ("acceptance recorded", lambda r: r.add("acceptances", {
        "id": "acc-leerapp", "finding": "DPIA201/f-school-leerapp", "accepted_by": "College van bestuur",
        "reason": "Overeenkomst in onderhandeling", "until": dt.date(2027, 3, 1)})),
]


def _facts(result) -> list[tuple]:
    return [(f.id, f.params, f.location, f.accepted, f.module) for f in result.findings]


@pytest.fixture()
def omo(tmp_path: Path):
    shutil.copytree(ROOT / "data" / "omo-helmond", tmp_path / "omo")
    return load(tmp_path / "omo")


def test_after_every_kind_of_edit_the_incremental_check_finds_what_a_full_check_finds(omo) -> None:
    inc = Incremental()
    assert _facts(check(omo.register, ON, omo.where, incremental=inc)) == _facts(check(omo.register, ON, omo.where))
    assert len(inc.ran) == len(rules())
    changed_findings = 0
    for name, edit in EDITS:
        before = {f.id for f in check(omo.register, ON).findings}
        edit(omo)
        fresh = omo.preview()
        full = check(fresh.register, ON, fresh.where)
        assert _facts(check(fresh.register, ON, fresh.where, incremental=inc)) == _facts(full), name
        assert len(inc.ran) < len(rules()), f"{name}: every rule ran again"
        omo.save()
        changed_findings += before != {f.id for f in full.findings}
    assert changed_findings >= len(EDITS) // 2  # the edits change the assessment, so the comparison means something


def test_an_edit_of_one_field_runs_few_rules_and_no_edit_runs_none(omo) -> None:
    inc = Incremental()
    check(omo.register, ON, incremental=inc)
    check(omo.register, ON, incremental=inc)
    assert inc.ran == []
    omo.update("va-magister", security_annex="Beveiligingsbijlage 2027")
    fresh = omo.preview()
    check(fresh.register, ON, incremental=inc)
    assert 0 < len(inc.ran) <= len(rules()) // 10, inc.ran


def test_another_date_or_a_large_register_gets_a_full_check(omo) -> None:
    inc = Incremental()
    check(omo.register, ON, incremental=inc)
    later = check(omo.register, ON + dt.timedelta(days=400), incremental=inc)
    assert len(inc.ran) == len(rules())
    assert _facts(later) == _facts(check(omo.register, ON + dt.timedelta(days=400)))
    small = Incremental(limit=5)  # the example's 21 flows count as large here
    check(omo.register, ON, incremental=small)
    check(omo.register, ON, incremental=small)
    assert len(small.ran) == len(rules())


def test_what_a_rule_reads_through_a_shared_helper_counts_for_every_rule_that_uses_it(omo) -> None:
    reads = Reads()
    ctx = Context(reading(omo.register, reads), ON, reads)
    with reads.frame() as first:
        ctx.memo("helper", lambda: len(ctx.register.parties) + len(ctx.tables.flows))
    with reads.frame() as second:  # from the cache: reads nothing itself
        ctx.memo("helper", lambda: pytest.fail("computed twice"))
    assert first == second == {("section", "parties"), ("table", "flows")}
    with reads.frame() as whole:
        ctx.register.model_dump()
    assert ("section", "acceptances") in whole and ("section", "controller") in whole
