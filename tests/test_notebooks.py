"""The notebooks are thin, parameterised and guarded by nbval."""

from __future__ import annotations

import ast
import json
import os
import re
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


FIGURE_REPR = re.compile(r"<Figure size \d+x\d+ with \d+ Axes?>")


def _figure_reprs_without_picture(outputs: list[dict]) -> list[str]:
    """The figure reprs among ``outputs`` (cell outputs or an Output widget's) that have no PNG beside them."""
    bad = []
    for out in outputs:
        data = out.get("data", {})
        text = "".join(data.get("text/plain", "")) + "".join(out.get("text", ""))
        if FIGURE_REPR.search(text) and "image/png" not in data:
            bad.append(FIGURE_REPR.search(text).group(0))
    return bad


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_figures_are_pictures_not_reprs(path: Path) -> None:
    # A figure that IPython could not draw is stored as its repr only; nbval would then guard the
    # broken output as the reviewed one. Widgets' Output areas (stored in the widget state) count too.
    nb = json.loads(path.read_text())
    bad = [(i, r) for i, c in enumerate(nb["cells"]) for r in _figure_reprs_without_picture(c.get("outputs", []))]
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model in state.get("state", {}).values():
        bad += [("widget", r) for r in _figure_reprs_without_picture(model.get("state", {}).get("outputs", []))]
    assert not bad, f"figures stored as text instead of pictures: {bad}"


def test_the_figure_repr_check_catches_a_repr_without_picture() -> None:
    assert _figure_reprs_without_picture([{"output_type": "display_data", "data": {"text/plain": "<Figure size 1000x600 with 1 Axes>"}}])
    assert not _figure_reprs_without_picture([{"output_type": "display_data", "data": {"text/plain": "<Figure size 1000x600 with 1 Axes>", "image/png": "iVBOR"}}])


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


def test_running_the_notebooks_twice_leaves_the_register_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Run All" twice on the notebooks with the picker, the wizard and the editors: nothing is added,
    # nothing is written (not even the picker's choice), and the outputs stay the same.
    import nbformat
    from nbclient import NotebookClient

    copy = tmp_path / "omo"
    shutil.copytree(EXAMPLE, copy)
    before = {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()}
    monkeypatch.setenv("DPIA_REGISTER", str(copy))
    monkeypatch.setenv("DPIA_ON", "2026-11-29")
    monkeypatch.setenv("DPIA_CHOICE", str(tmp_path / "choice.json"))
    for name in ("00_start.ipynb", "03_overeenkomsten_en_doelen.ipynb"):
        texts = []
        for _run in range(2):
            nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
            NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
            texts.append([o.get("text", "") or o.get("data", {}).get("text/plain", "")
                          for c in nb.cells for o in c.get("outputs", []) if "widget-view" not in str(o.get("data", {}).keys())])
        assert texts[0] == texts[1], name
    assert {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()} == before
    assert not (tmp_path / "choice.json").exists()
