"""The test command of `make mutation` (cosmic-ray runs it once per mutant, with the mutant on disk).

It runs the tests that can see the mutated module of dpia/rules: the rule cases (tests/test_rule_cases.py)
of every rule defined in that module or in a module that imports it, and the module's own
tests/test_rules_<module>.py. A mutant of dpia/rules/base.py or __init__.py (used by every rule), or a run
with nothing mutated (cosmic-ray's baseline), runs all of them. Exit 0: the tests pass (the mutant
survived); 1: a test failed (killed). No test to run counts as survived.

MUTATION_TESTS=before leaves the rule cases out: the rule tests as they were before issue 24 (for the
figures in docs/mutation.md).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "dpia" / "rules"
CASES = "tests/test_rule_cases.py::test_rule_fires_on_its_subject_and_keeps_silent_on_its_near_miss[{}]"


def mutated() -> list[str]:
    """The module names of dpia/rules that differ from the committed ones (the mutant)."""
    out = subprocess.run(["git", "diff", "--name-only", "--", "dpia/rules"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    return [Path(p).stem for p in out]


def importers() -> dict[str, set[str]]:
    """For each module of dpia/rules, the modules of dpia/rules that import it (directly or through others)."""
    direct: dict[str, set[str]] = {p.stem: set() for p in RULES.glob("*.py")}
    for path in RULES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dpia.rules."):
                used = node.module.rsplit(".", 1)[1]
                if used in direct:
                    direct[used].add(path.stem)
    out = {}
    for name in direct:
        seen, todo = set(), [name]
        while todo:
            for user in direct[todo.pop()] - seen:
                seen.add(user)
                todo.append(user)
        out[name] = seen
    return out


def selection(changed: list[str], before: bool) -> list[str]:
    modules = sorted(p.stem for p in RULES.glob("*.py"))
    if not changed or {"base", "__init__"} & set(changed) or len(changed) > 1:
        reach = set(modules)
    else:
        reach = {changed[0], *importers()[changed[0]]}
    tests = []
    if not before:
        tests.append("tests/test_rule_cases.py::test_a_rule_is_advisory_exactly_when_its_why_says_so")
        sys.path.insert(0, str(ROOT))
        from dpia.rules import rules  # the mutant is imported here; an import error is a kill

        tests += [CASES.format(r.code) for r in rules() if r.func.__module__.rsplit(".", 1)[1] in reach]
    tests += [f"tests/test_rules_{m}.py" for m in sorted(reach) if (ROOT / "tests" / f"test_rules_{m}.py").exists()]
    return tests


def run() -> int:
    """Run the tests for the mutant now on disk: 0 when they pass (survived), 1 when one fails (killed)."""
    os.chdir(ROOT)
    try:
        tests = selection(mutated(), os.environ.get("MUTATION_TESTS") == "before")
    except Exception as error:  # noqa: BLE001 - a mutant that breaks the import of the rules is killed
        print(f"the rules do not load: {error!r}")
        return 1
    if not tests:
        print("no test reaches this module")
        return 0
    import pytest

    # Only the plugins these tests use (not playwright's or nbval's), no doctests (dpia/rules has none),
    # stop at the first failure: a killed mutant costs one failing test.
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *tests])
    return 0 if code in (0, 5) else 1


if __name__ == "__main__":
    sys.exit(run())
