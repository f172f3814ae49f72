"""The project's declarations agree with each other: pyproject, environment.yml, the shipped schema."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from ruamel.yaml import YAML

from dpia.io.schema import SCHEMA_PATH, schema_text

from .conftest import ROOT


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    expected = {_norm(r.name): str(r.specifier) for r in pip_deps}
    env = YAML(typ="safe").load((ROOT / "environment.yml").read_text())
    conda = {}
    for dep in env["dependencies"]:
        if not isinstance(dep, str) or dep.split(">")[0].split("=")[0] in ("python", "pip"):
            continue
        req = Requirement(dep)
        conda[_norm(req.name)] = str(req.specifier)
    assert conda == expected


def test_shipped_json_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text() == schema_text(), "run `make schema` and commit the result"


def test_rule_reference_pages_are_current() -> None:
    from dpia.documents.rulesdoc import DOC_PATH, rules_markdown

    assert DOC_PATH.read_text() == rules_markdown("en"), "run `make docs` and commit docs/rules.md"
    assert DOC_PATH.with_name("regels.md").read_text() == rules_markdown("nl"), "run `make docs`"


def test_no_file_in_the_repository_holds_merge_conflict_markers_and_every_script_compiles() -> None:
    """A merge once left `<<<<<<<` in benchmarks/run.py: `make bench` failed while every test passed."""
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    marker = re.compile(r"^(<{7} |>{7} |={7}$)", re.M)
    bad = [p for p in tracked if p.endswith((".py", ".md", ".yaml", ".yml", ".toml", ".cfg", ".csv", "Makefile"))
           and marker.search((ROOT / p).read_text(encoding="utf-8", errors="replace"))]
    assert bad == []
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        compile(script.read_text(), str(script), "exec")
