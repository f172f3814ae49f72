"""The dpia command as a user types it: exit codes, streams, languages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dpia.cli import main

from .conftest import EXAMPLE


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_valid_register(capsys, mini: Path) -> None:
    code, out, err = run(capsys, "validate", str(mini))
    assert code == 0 and err == ""
    assert f"{mini}: geldig register" in out
    assert "1 school, 3 partijen" in out


def test_validate_in_english(capsys, mini: Path) -> None:
    code, out, _ = run(capsys, "--lang", "en", "validate", str(mini))
    assert code == 0 and "valid register" in out and "3 parties" in out
    code, out, _ = run(capsys, "validate", "--lang", "en", str(mini))
    assert code == 0 and "valid register" in out


def test_validate_invalid_register_exit_2_errors_on_stderr(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("controller:\n  id: Board\n")
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 2 and out == ""
    assert f"{tmp_path}/a.yaml:2:7: controller.id: 'Board' is geen geldige id" in err
    assert "verplicht veld 'name' ontbreekt" in err
    assert "Traceback" not in err


def test_usage_error_exit_2(capsys) -> None:
    code, _, err = run(capsys, "validate")
    assert code == 2 and "usage: dpia" in err


def test_internal_error_is_one_line_not_a_traceback(capsys, mini: Path, monkeypatch) -> None:
    import dpia.cli

    def boom(*_a, **_k):
        raise RuntimeError("kapot")

    monkeypatch.setattr(dpia.cli, "load", boom)
    code, _, err = run(capsys, "validate", str(mini))
    assert code == 2
    assert err.strip().startswith("interne fout: RuntimeError: kapot")
    assert "Traceback" not in err


def test_entry_point_runs_as_a_process(mini: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "dpia.cli", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "validate" in proc.stdout


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example register not present")
def test_example_register_is_valid(capsys) -> None:
    code, out, err = run(capsys, "validate", str(EXAMPLE))
    assert code == 0, err


def _broken_parties(tmp_path: Path) -> Path:
    """The example with parties.yaml saved as UTF-16: 29 references elsewhere name its parties (the other 5 name
    the supplier of Magister and its host, which the imported sector DPIA module also defines) (its
    agreements, flows, systems, breaches, promises and screening decisions)."""
    import shutil

    folder = tmp_path / "reg"
    shutil.copytree(EXAMPLE, folder)
    p = folder / "parties.yaml"
    p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16"))
    return folder


def test_validate_prints_the_cause_first_and_counts_what_it_left_unchecked(capsys, tmp_path: Path) -> None:
    folder = _broken_parties(tmp_path)
    code, out, err = run(capsys, "--lang", "nl", "validate", str(folder))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{folder}/parties.yaml:1:1: bestand is als UTF-16 opgeslagen; sla het op als UTF-8. In Kladblok: Bestand > "
        "Opslaan als, Codering 'UTF-8'",
        f"{folder}/parties.yaml:1:1: 29 verwijzingen naar ids uit parties.yaml zijn niet gecontroleerd omdat dat "
        f"bestand niet gelezen kon worden (de eerste op {folder}/agreements.yaml:52). Los eerst de melding hierboven "
        "op en valideer opnieuw",
        "2 problemen gevonden; het register is ongeldig",
    ]


def test_validate_and_check_as_json_give_level_and_caused_by(capsys, tmp_path: Path) -> None:
    import json

    folder = _broken_parties(tmp_path)
    for command in (["validate"], ["check", "--on", "2026-11-29"]):
        code, out, err = run(capsys, "--lang", "en", *command, str(folder), "--format", "json")
        assert code == 2 and err == ""
        doc = json.loads(out)
        assert doc["register"] == str(folder) and doc["valid"] is False
        cause, counted = doc["problems"]
        assert cause == {"file": f"{folder}/parties.yaml", "line": 1, "column": 1, "level": "file", "key": "utf16",
                         "message": "the file is encoded as UTF-16; save it as UTF-8. In Notepad: File > Save As, "
                         "Encoding 'UTF-8'", "caused_by": None}
        assert counted["caused_by"] == f"{folder}/parties.yaml:1:1" and counted["level"] == "file"
        assert counted["message"].startswith("29 references to ids from parties.yaml were not checked")
    code, out, _ = run(capsys, "validate", str(EXAMPLE), "--format", "json")
    assert code == 0 and json.loads(out) == {"register": str(EXAMPLE), "valid": True, "problems": []}


def test_a_notebook_shows_the_problems_not_a_traceback(tmp_path: Path) -> None:
    # IPython shows RegisterInvalid._render_traceback_ instead of the traceback: run a cell as a
    # notebook kernel would, in a fresh process.
    folder = _broken_parties(tmp_path)
    cell = f"import dpia\ndpia.load({str(folder)!r})"
    script = ("from IPython.core.interactiveshell import InteractiveShell\n"
              f"InteractiveShell.instance().run_cell({cell!r})\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "DPIA_LANG": "nl"})
    shown = (done.stdout + done.stderr).splitlines()
    assert "Traceback" not in done.stdout + done.stderr and "File " not in done.stdout + done.stderr
    lines = [line for line in shown if line.strip()]
    assert lines[0] == f"{folder}/parties.yaml:1:1: bestand is als UTF-16 opgeslagen; sla het op als UTF-8. In " \
        "Kladblok: Bestand > Opslaan als, Codering 'UTF-8'"
    assert lines[1].startswith(f"{folder}/parties.yaml:1:1: 29 verwijzingen naar ids uit parties.yaml")
    assert lines[2] == "2 problemen gevonden; het register is ongeldig"
