"""The notebooks are thin, parameterised and guarded by nbval."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def cells(path: Path, kind: str = "code") -> list[dict]:
    return [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin(path: Path) -> None:
    for cell in cells(path):
        source = "".join(cell["source"])
        tree = ast.parse(source)
        assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) for n in ast.walk(tree)), source
        assert len([line for line in source.splitlines() if line.strip()]) <= 6, source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_parameters_and_stored_outputs(path: Path) -> None:
    code = cells(path)
    assert "parameters" in code[0]["metadata"].get("tags", []), "first code cell must be tagged 'parameters'"
    assert all(c.get("execution_count") for c in code), "run `make notebooks` and commit the outputs"
    assert cells(path, "markdown"), "narrative in Dutch markdown"


def _nbval(notebook: Path, register: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DPIA_REGISTER": str(register)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", str(ROOT / "notebooks" / "sanitize.cfg"), str(notebook)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


def test_nbval_fails_when_the_register_changes_the_assessment(tmp_path: Path) -> None:
    copy = tmp_path / "omo"
    shutil.copytree(EXAMPLE, copy)
    notebook = ROOT / "notebooks" / "03_overeenkomsten_en_doelen.ipynb"
    assert _nbval(notebook, copy).returncode == 0  # an identical copy reproduces the reviewed outputs
    flows = copy / "flows.yaml"
    text = flows.read_text()
    assert "purposes: [" in text
    # Drop the purposes of the first flow: a new finding appears, so the stored summary no longer matches.
    flows.write_text(text.replace("purposes: [", "purposes: [] # [", 1))
    failed = _nbval(notebook, copy)
    assert failed.returncode != 0
    assert "DPIA101" in failed.stdout


def test_a_notebook_that_reaches_the_network_fails_its_test(tmp_path: Path) -> None:
    # The guard of notebooks/conftest.py: the same kernel setup as `make test`, on a notebook whose
    # one cell looks up a host on the internet (and one that talks to this machine, which is fine).
    import nbformat

    shutil.copy(ROOT / "notebooks" / "conftest.py", tmp_path / "conftest.py")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import socket\nsocket.getaddrinfo('127.0.0.1', 80)[0][0].name"),
        nbformat.v4.new_code_cell("import urllib.request\nurllib.request.urlopen('http://example.org', timeout=5)"),
    ]
    nbformat.write(nb, tmp_path / "net.ipynb")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                             "--nbval-current-env", str(tmp_path / "net.ipynb")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0
    assert "network access from a notebook under test: 'example.org'" in result.stdout
    assert "1 failed, 1 passed" in result.stdout
