"""Every rule proves itself (issue 24): one test over the whole registry runs each rule's cases from
``tests/rule_cases.py`` and fails for a rule that lacks a firing or a silent case, so a new rule without
its pair fails CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia.io.store import load
from dpia.rules import rules

from .conftest import write_register
from .rule_cases import CASES, cases_for

CODES = [r.code for r in rules()]


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_its_subject_and_keeps_silent_on_its_near_miss(code: str) -> None:
    cases = cases_for(code)
    assert any(c.fires for c in cases), f"{code} has no case that makes it fire (add one to tests/rule_cases.py)"
    assert any(not c.fires for c in cases), f"{code} has no case that keeps it silent (add one to tests/rule_cases.py)"
    wrong = [f"{case.name}: {problem}" for case in cases for problem in case.check()]
    assert not wrong, f"{code}:\n" + "\n".join(wrong)


def test_a_rule_is_advisory_exactly_when_its_why_says_so() -> None:
    """The advisory flag (the law is uncertain: the rule advises) and the text the officer reads agree."""
    for r in rules():
        assert ("Advisory" in r.text("why", "en")) is r.advisory, r.code
        assert ("Adviserend" in r.text("why", "nl")) is r.advisory, r.code


def test_every_case_is_for_a_registered_rule_and_has_its_own_name() -> None:
    assert {c.code for c in CASES} <= set(CODES)
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_every_case_register_is_read_the_same_by_the_loader(tmp_path: Path) -> None:
    """The cases build their registers as data through the model; the loader (references checked, YAML
    read as an officer writes it) must accept each one and read the same register."""
    for i, case in enumerate(CASES):
        built = case.build()
        folder = write_register(tmp_path / f"c{i}", {"register.yaml": built.yaml()})
        loaded = load(folder).register
        assert loaded.model_dump() == built.register().model_dump(), case.name
