"""Retention (DPIA701-DPIA709), written as specifications.

Each rule has a test that makes it fire on a variant of the MINI register and a test that shows it
silent once the register is fixed. Only the findings of the rule under test are looked at, so rules of
other themes do not interfere.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from dpia.model import law
from dpia.check import _vocabulary, check
from dpia.model import RecordType, RetentionTrigger
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)

def variant(
    tmp_path: Path,
    *,
    retention: str = "",
    register_subs: dict[str, str] | None = None,
    **subs: str,
) -> Path:
    """MINI with ``retention`` added to the retention list, then substitutions made in register.yaml
    (``register_subs``) and more.yaml (keyword arguments: old=new)."""
    files = dict(MINI)
    reg = textwrap.dedent(files["register.yaml"])
    for old, new in (register_subs or {}).items():
        assert old in reg, old
        reg = reg.replace(old, new, 1)
    text = textwrap.dedent(files["more.yaml"])
    text = text.replace("retention:\n", "retention:\n" + retention, 1)
    for old, new in subs.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    files["register.yaml"], files["more.yaml"] = reg, text
    return write_register(tmp_path / "reg", files)


def w(param: str, value: str) -> str:
    """A message parameter as the English message shows it: translated if check.VOCABULARY lists the
    parameter ('after the result'), else the register's value ('result')."""
    return _vocabulary(param, value, "en")


def found(path: Path, code: str):
    return [f for f in check(load(path).register, ON).findings if f.code == code]


def only(path: Path, code: str):
    (f,) = found(path, code)
    return f


# Give MINI's `care` category a record type, to compare it with the table in dpia.model.law.
def record_type(category: str, value: str) -> dict[str, str]:
    anchors = {
        "name": "    label: {nl: Naam, en: Name}\n    type: ordinary\n",
        "care": "    type: special\n    special_subtype: health\n",
        "bsn": "    type: national_id\n",
    }
    return {anchors[category]: anchors[category] + f"    record_type: {value}\n"}


R_NAME = "  - id: r-name\n    category: name\n    duration: P2Y\n"
R_CARE = "  - id: r-care\n    category: care\n    duration: P2Y\n    trigger: deregistration\n"


def test_retention_rules_silent_on_mini(mini: Path) -> None:
    assert not [f for f in check(load(mini).register, ON).findings if f.code.startswith("DPIA7")]


# ---- DPIA701 category-without-retention


def test_category_without_retention_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, **{R_CARE: ""}), "DPIA701")
    assert f.subjects == ("care",)
    assert f.message("en") == "'care' travels in 1 flow (f-school-las) but has no retention period"
    assert "heeft geen bewaartermijn" in f.message("nl")


def test_category_without_retention_silent_when_a_purpose_rule_covers_it(tmp_path: Path) -> None:
    by_purpose = "  - id: r-education\n    purpose: education\n    duration: P2Y\n    trigger: deregistration\n"
    assert found(variant(tmp_path, retention=by_purpose, **{R_CARE: ""}), "DPIA701") == []


# ---- DPIA702 retention-beyond-legal-maximum (statutory maxima; the table has none, so patch one in)


@pytest.fixture
def statutory_pupil_file(monkeypatch):
    entry = law.LegalRetention(
        RecordType.PUPIL_FILE, "P2Y", RetentionTrigger.DEREGISTRATION, law.Bound.MAXIMUM, True, "Testwet art. 1"
    )
    monkeypatch.setitem(law.LEGAL_RETENTION, RecordType.PUPIL_FILE, entry)


def test_retention_beyond_legal_maximum_fires(tmp_path: Path, statutory_pupil_file) -> None:
    reg = variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: R_CARE.replace("P2Y", "P3Y")})
    f = only(reg, "DPIA702")
    assert f.subjects == ("r-care", "care")
    assert f.message("en") == (
        f"retention rule 'r-care' keeps 'care' ({w('record_type', 'pupil_file')}) P3Y {w('trigger', 'deregistration')}; "
        f"the law allows at most P2Y {w('legal_trigger', 'deregistration')} (Testwet art. 1)"
    )
    assert found(reg, "DPIA703") == []  # a statutory entry is not reported as sector practice too


def test_retention_beyond_legal_maximum_fires_on_other_trigger(tmp_path: Path, statutory_pupil_file) -> None:
    reg = variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: R_CARE.replace("deregistration", "creation")})
    assert f"P2Y {w('trigger', 'creation')}" in only(reg, "DPIA702").message("en")


def test_retention_beyond_legal_maximum_silent_within_maximum(tmp_path: Path, statutory_pupil_file) -> None:
    assert found(variant(tmp_path, register_subs=record_type("care", "pupil_file")), "DPIA702") == []


# ---- DPIA703 retention-beyond-sector-maximum (advisory)


def test_retention_beyond_sector_maximum_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: R_CARE.replace("P2Y", "P3Y")})
    f = only(reg, "DPIA703")
    assert f.subjects == ("r-care", "care")
    assert f"P3Y {w('trigger', 'deregistration')}; the sector keeps it at most P2Y {w('legal_trigger', 'deregistration')}" in f.message("en")
    assert f.rule.advisory
    assert found(reg, "DPIA702") == []


def test_retention_beyond_sector_maximum_fires_on_other_trigger(tmp_path: Path) -> None:
    reg = variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: R_CARE.replace("deregistration", "end_of_school_year")})
    assert f"P2Y {w('trigger', 'end_of_school_year')}" in only(reg, "DPIA703").message("en")


def test_retention_beyond_sector_maximum_silent_when_within_period(tmp_path: Path) -> None:
    shorter = R_CARE.replace("P2Y", "P18M")
    assert found(variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: shorter}), "DPIA703") == []


def test_purpose_rules_are_not_compared_with_the_table(tmp_path: Path) -> None:
    # A purpose rule governs that purpose's copy, not the record itself (see the module docstring).
    long_purpose = "  - id: r-education\n    purpose: education\n    duration: P4Y\n    trigger: deregistration\n"
    assert found(variant(tmp_path, register_subs=record_type("care", "pupil_file"), retention=long_purpose), "DPIA703") == []


# ---- DPIA704 retention-below-legal-minimum

EXAM_END = "  - id: r-care-end\n    category: care\n    duration: P1Y\n    trigger: result\n"


def test_retention_below_legal_minimum_fires(tmp_path: Path) -> None:
    short = "  - id: r-care\n    category: care\n    duration: P3M\n    trigger: result\n    minimum: true\n"
    f = only(variant(tmp_path, register_subs=record_type("care", "central_exam"), **{R_CARE: short}), "DPIA704")
    assert f.subjects == ("r-care", "care")
    assert f.message("en") == (
        f"retention rule 'r-care' keeps 'care' ({w('record_type', 'central_exam')}) P3M {w('trigger', 'result')}; "
        f"the law requires at least P6M {w('legal_trigger', 'result')} (Uitvoeringsbesluit WVO 2020 art. 4.39)"
    )


def test_retention_below_legal_minimum_fires_on_other_trigger(tmp_path: Path) -> None:
    # MINI's r-care (P2Y after deregistration) is not "six months after the result".
    reg = variant(tmp_path, register_subs=record_type("care", "central_exam"))
    msg = only(reg, "DPIA704").message("en")
    assert f"P2Y {w('trigger', 'deregistration')}; the law requires at least P6M {w('legal_trigger', 'result')}" in msg


def test_retention_below_legal_minimum_silent_when_met(tmp_path: Path) -> None:
    ok = "  - id: r-care\n    category: care\n    duration: P6M\n    trigger: result\n    minimum: true\n"
    assert found(variant(tmp_path, register_subs=record_type("care", "central_exam"), retention=EXAM_END, **{R_CARE: ok}), "DPIA704") == []


# ---- DPIA705 processor-keeps-longer (same trigger) and DPIA706 (different trigger, advisory)

AGREEMENT_RETENTION = "    retention: P1Y\n    retention_trigger: end_of_contract\n"


def test_processor_keeps_longer_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{AGREEMENT_RETENTION: "    retention: P3Y\n    retention_trigger: deregistration\n"})
    hits = found(reg, "DPIA705")
    assert [f.subjects for f in hits] == [("va-supplier", "care"), ("va-supplier", "name")]
    assert hits[1].message("en") == (
        f"agreement 'va-supplier' lets the processor keep 'name' P3Y {w('agreement_trigger', 'deregistration')}; "
        f"the school itself keeps it P2Y {w('trigger', 'deregistration')} ('r-name')"
    )
    assert found(reg, "DPIA706") == []


def test_processor_keeps_longer_compares_purpose_rules_of_the_agreement(tmp_path: Path) -> None:
    by_purpose = "  - id: r-education\n    purpose: education\n    duration: P6M\n    trigger: end_of_contract\n"
    (f,) = [f for f in found(variant(tmp_path, retention=by_purpose), "DPIA705") if f.subjects[1] == "name"]
    assert f"the school itself keeps it P6M {w('trigger', 'end_of_contract')} ('r-education')" in f.message("en")


def test_processor_keeps_longer_silent_when_shorter(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{AGREEMENT_RETENTION: "    retention: P1Y\n    retention_trigger: deregistration\n"})
    assert found(reg, "DPIA705") == [] and found(reg, "DPIA706") == []


def test_processor_keeps_longer_ignores_rules_of_other_purposes(tmp_path: Path) -> None:
    # 'bron' needs 'name' but the agreement does not cover 'bron': its short rule is not the processor's yardstick.
    other = "  - id: r-bron\n    purpose: bron\n    duration: P1M\n    trigger: end_of_contract\n"
    assert found(variant(tmp_path, retention=other), "DPIA705") == []


def test_processor_keeps_longer_other_trigger_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{AGREEMENT_RETENTION: "    retention: P3Y\n    retention_trigger: end_of_contract\n"})
    hits = found(reg, "DPIA706")
    assert [f.subjects for f in hits] == [("va-supplier", "care"), ("va-supplier", "name")]
    assert hits[1].message("en") == (
        f"agreement 'va-supplier' lets the processor keep 'name' P3Y {w('agreement_trigger', 'end_of_contract')}; "
        f"the school keeps it at most P2Y {w('trigger', 'deregistration')} ('r-name'), counted from a different event"
    )
    assert hits[1].rule.advisory


def test_processor_keeps_longer_other_trigger_silent_on_mini(tmp_path: Path) -> None:
    # MINI: P1Y after the end of the contract against P2Y after deregistration: not longer.
    assert found(variant(tmp_path), "DPIA706") == []


def test_processor_retention_of_data_sharing_arrangement_is_not_compared(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"kind: model_4_0": "kind: data_sharing", AGREEMENT_RETENTION: "    retention: P9Y\n    retention_trigger: deregistration\n"})
    assert found(reg, "DPIA705") == [] and found(reg, "DPIA706") == []


# ---- DPIA707 retention-without-legal-source


def test_retention_without_legal_source_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, register_subs=record_type("care", "pupil_file")), "DPIA707")
    assert f.subjects == ("r-care", "care")
    assert f.message("en").startswith(f"retention rule 'r-care' for 'care' ({w('record_type', 'pupil_file')}) names no source; see sectorregel VO (WVO 2020): leerlingdossier")


def test_retention_without_legal_source_silent_with_source(tmp_path: Path) -> None:
    sourced = R_CARE + "    legal_source: sectorregel VO\n"
    assert found(variant(tmp_path, register_subs=record_type("care", "pupil_file"), **{R_CARE: sourced}), "DPIA707") == []


# ---- DPIA708 retention-suspiciously-long (advisory)


def test_retention_suspiciously_long_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{R_NAME: R_NAME.replace("P2Y", "P12Y")})
    f = only(reg, "DPIA708")
    assert f.subjects == ("r-name",)
    assert f.message("en") == f"retention rule 'r-name' keeps 'name' P12Y {w('trigger', 'deregistration')}; that is more than ten years"


def test_retention_suspiciously_long_silent_at_ten_years(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{R_NAME: R_NAME.replace("P2Y", "P10Y")})
    assert found(reg, "DPIA708") == []


# ---- DPIA709 retention-minimum-without-end


def test_retention_minimum_without_end_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, **{R_CARE: R_CARE + "    minimum: true\n"}), "DPIA709")
    assert f.subjects == ("care",)
    assert f.message("en") == "'care' has only a minimum retention period (r-care); nothing says when it is erased at the latest"


def test_retention_minimum_without_end_silent_with_an_end(tmp_path: Path) -> None:
    assert found(variant(tmp_path, retention=EXAM_END, **{R_CARE: R_CARE + "    minimum: true\n"}), "DPIA709") == []
