"""The examples in the docstrings of dpia/ are part of the test run (pyproject.toml: ``testpaths`` holds
dpia and ``addopts`` has ``--doctest-modules``), so an example that no longer holds fails ``make test``."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import dpia

ROOT = Path(__file__).resolve().parents[1]


def modules_with_examples() -> set[str]:
    """Every module of dpia with examples in its docstrings."""
    finder = doctest.DocTestFinder()
    out = set()
    for info in pkgutil.walk_packages(dpia.__path__, "dpia."):
        if any(test.examples for test in finder.find(importlib.import_module(info.name))):
            out.add(info.name)
    return out


def test_the_test_run_collects_the_examples_of_every_module() -> None:
    """What a bare ``python -m pytest`` (``make test``) collects from dpia/: a doctest item for every module
    that has examples."""
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "dpia"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    files = {line.split("::")[0] for line in run.stdout.splitlines() if "::" in line}
    collected = {f.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for f in files}
    expected = modules_with_examples()
    assert len(expected) >= 17
    assert collected == expected
