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
    assert "1 scholen, 3 partijen" in out


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
