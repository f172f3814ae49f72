"""A fresh machine: `make test` and `make report` set up chromium themselves, and a missing or broken
chromium, a folder given as output, a read-only folder or a full disk each get a clear answer.

Chromium is hidden by giving the process a PATH without it (a temporary folder holding only the
programs the step needs), never by uninstalling it.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dpia.documents import browser
from dpia.documents.browser import PdfNotPrinted, print_pdf
from dpia.cli import main
from dpia.i18n import t

from .conftest import EXAMPLE, ROOT

NOBODY = [shutil.which("setpriv") or "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
PYTHON = os.path.realpath(sys.executable)  # the interpreter itself, not the venv's link to it


# The system's Python, which another user can run (the test's own may live under /root); make runs
# `python -m dpia.documents.browser` with the system's Python before the virtual environment exists.
SYSTEM_PYTHON = "/usr/bin/python3"


def _bin(tmp_path: Path, python: str = PYTHON, **scripts: str) -> Path:
    """A folder for PATH with python, make and the given shell scripts, and no chromium."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for name in ("python3", "python3.11"):
        (folder / name).symlink_to(python)
    (folder / "make").symlink_to(shutil.which("make") or "/usr/bin/make")
    for name, body in scripts.items():
        script = folder / name
        script.write_text("#!/bin/sh\n" + textwrap.dedent(body))
        script.chmod(0o755)
    return folder


def _env(path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PATH", "PYTHONPATH", "DPIA_LANG", "MAKEFLAGS", "MFLAGS")}
    return {**env, "PATH": str(path), "PYTHONDONTWRITEBYTECODE": "1", **extra}


@pytest.fixture
def open_tmp():
    """A temporary folder that another user can enter (pytest's own are private to root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="dpia-browser-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# ---- make's set-up step


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None or not os.path.exists(SYSTEM_PYTHON),
                    reason="needs root, setpriv and the system's Python to become another user")
def test_make_test_without_chromium_as_a_plain_user_stops_first_with_the_command_to_run(open_tmp: Path) -> None:
    path = _bin(open_tmp, SYSTEM_PYTHON)
    proc = subprocess.run([*NOBODY, str(path / "make"), "-s", "-C", str(ROOT), "test"], capture_output=True,
                          text=True, env=_env(path), timeout=120)
    assert proc.returncode == 2
    ours = [line for line in proc.stderr.splitlines() if not line.startswith("make")]
    assert ours == [t("browser_missing_not_root", "nl", command="sudo apt-get update && sudo apt-get install -y chromium")]
    assert proc.stdout == ""  # nothing ran: no pip, no pytest
    assert "pytest" not in proc.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="the install runs only as root")
def test_as_root_the_set_up_step_installs_debians_chromium_once_and_says_so(tmp_path: Path) -> None:
    log = tmp_path / "apt.log"
    path = _bin(tmp_path, **{"apt-get": f"""\
        echo "$*" >> {log}
        case "$*" in *install*) printf '#!/bin/sh\\n' > {tmp_path}/bin/chromium; /bin/chmod 755 {tmp_path}/bin/chromium ;; esac
        echo "Reading package lists..."
        """})
    proc = subprocess.run([str(path / "make"), "-s", "-C", str(ROOT), "browser"], capture_output=True, text=True,
                          env=_env(path, DPIA_LANG="en"), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert log.read_text().splitlines() == ["-q update", "-q install -y chromium"]
    assert proc.stderr.splitlines() == [t("browser_installing", "en"), t("browser_installed", "en", path=path / "chromium")]
    assert "Reading package lists" not in proc.stdout + proc.stderr  # quiet: apt's output goes to a log
    again = subprocess.run([str(path / "make"), "-s", "-C", str(ROOT), "browser"], capture_output=True, text=True,
                           env=_env(path), timeout=120)
    assert again.returncode == 0 and again.stderr == ""
    assert len(log.read_text().splitlines()) == 2  # found the second time: installed once


@pytest.mark.skipif(os.geteuid() != 0, reason="the install runs only as root")
def test_a_failing_install_says_which_step_failed_with_aptss_last_lines(tmp_path: Path) -> None:
    path = _bin(tmp_path, **{"apt-get": """\
        case "$*" in *install*) echo "E: Unable to locate package chromium"; exit 100 ;; esac
        """})
    proc = subprocess.run([str(path / "python3"), "-m", "dpia.documents.browser"], capture_output=True, text=True,
                          env=_env(path, PYTHONPATH=str(ROOT)), timeout=60, cwd=tmp_path)
    assert proc.returncode == 2
    assert "'apt-get install -y chromium'" in proc.stderr and "exit 100" in proc.stderr
    assert "E: Unable to locate package chromium" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_without_apt_get_as_root_or_not_the_answer_is_one_clear_line(tmp_path: Path, monkeypatch, capsys) -> None:
    path = _bin(tmp_path)
    monkeypatch.setenv("PATH", str(path))
    lines: list[str] = []
    monkeypatch.setattr(browser, "_is_root", lambda: True)
    assert browser.ensure_chromium("nl", lines.append) == 2
    assert lines == [t("browser_missing_no_apt", "nl")]
    lines.clear()
    monkeypatch.setattr(browser, "_is_root", lambda: False)
    assert browser.ensure_chromium("en", lines.append) == 2
    assert lines == [t("browser_missing_not_root", "en", command="sudo apt-get update && sudo apt-get install -y chromium")]


# ---- dpia report --pdf


def test_report_pdf_without_chromium_writes_the_html_and_says_how_to_get_the_pdf(tmp_path: Path) -> None:
    path = _bin(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run([sys.executable, "-m", "dpia.cli", "report", str(EXAMPLE), "-o", str(out / "r.html"),
                           "--pdf", str(out / "r.pdf"), "--on", "2026-11-29"],
                          capture_output=True, text=True, env=_env(path, PYTHONPATH=str(ROOT)), timeout=300, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "interne fout" not in proc.stderr and "Traceback" not in proc.stderr
    reason = t("pdf_no_chromium", "nl")
    expected = t("pdf_not_written", "nl", html=out / "r.html", pdf=out / "r.pdf", reason=reason)
    assert expected in proc.stderr.splitlines()
    assert "laat --pdf weg" in expected and "apt-get install -y chromium" in expected
    assert (out / "r.html").stat().st_size > 10_000
    assert sorted(p.name for p in out.iterdir()) == ["r.html"]  # no PDF, no partial file


def _fake_chromium(tmp_path: Path, body: str) -> Path:
    path = _bin(tmp_path, chromium=body)
    return path


def test_a_chromium_that_fails_leaves_no_partial_pdf_and_is_explained(tmp_path: Path, monkeypatch) -> None:
    path = _fake_chromium(tmp_path, """\
        for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 half' > "${a#--print-to-pdf=}" ;; esac; done
        echo "[1203/061500.1:FATAL:zygote_host_impl_linux.cc] No usable sandbox!" >&2
        exit 133
        """)
    monkeypatch.setenv("PATH", str(path))
    html = tmp_path / "r.html"
    html.write_text("<p>x</p>")
    with pytest.raises(PdfNotPrinted) as caught:
        print_pdf(html, tmp_path / "r.pdf")
    assert caught.value.reason == "pdf_chromium_failed"
    text = caught.value.reason_text("nl")
    assert "code 133" in text and "No usable sandbox" in text
    assert not (tmp_path / "r.pdf").exists() and _no_temporaries(tmp_path)


def test_a_chromium_that_hangs_is_stopped_and_explained(tmp_path: Path, monkeypatch) -> None:
    path = _fake_chromium(tmp_path, "exec sleep 30\n")
    (path / "sleep").symlink_to(shutil.which("sleep"))
    monkeypatch.setenv("PATH", str(path))
    html = tmp_path / "r.html"
    html.write_text("<p>x</p>")
    with pytest.raises(PdfNotPrinted) as caught:
        print_pdf(html, tmp_path / "r.pdf", timeout=1)
    assert caught.value.reason_text("en") == t("pdf_chromium_timeout", "en", seconds=1)
    assert not (tmp_path / "r.pdf").exists() and _no_temporaries(tmp_path)


def test_a_chromium_that_writes_nothing_is_not_a_pdf(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(_fake_chromium(tmp_path, "exit 0\n")))
    html = tmp_path / "r.html"
    html.write_text("<p>x</p>")
    with pytest.raises(PdfNotPrinted) as caught:
        print_pdf(html, tmp_path / "r.pdf")
    assert caught.value.reason == "pdf_chromium_empty"
    assert not (tmp_path / "r.pdf").exists() and _no_temporaries(tmp_path)


# ---- output paths: each ordinary cause its own message, never "internal error"


def test_an_output_that_is_a_folder_is_refused_before_any_work(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    assert main(["report", str(EXAMPLE), "-o", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == t("output_is_folder", "nl", path=folder, example=folder / "rapport.html")
    assert list(folder.iterdir()) == []


def test_an_output_below_a_file_is_explained(tmp_path: Path, capsys) -> None:
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "art30.xlsx"
    assert main(["--lang", "en", "export-art30", str(EXAMPLE), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "part of the path is a file, not a folder" in err and "internal error" not in err


def test_a_full_disk_is_explained_and_nothing_is_half_written(tmp_path: Path, monkeypatch, capsys) -> None:
    from dpia.io import files

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "art30.csv"
    assert main(["export-art30", str(EXAMPLE), "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == t("output_disk_full", "nl", path=target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv to become another user")
def test_a_folder_one_may_not_write_in_is_explained(open_tmp: Path) -> None:
    locked = open_tmp / "alleen-lezen"
    locked.mkdir(mode=0o755)  # owned by root: the other user may read, not write
    proc = subprocess.run([*NOBODY, sys.executable, "-m", "dpia.cli", "export-art30", str(EXAMPLE), "-o", str(locked / "art30.csv")],
                          capture_output=True, text=True, env=_env(Path("/usr/bin"), PYTHONPATH=str(ROOT)), timeout=120, cwd="/")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"{locked / 'art30.csv'} kon niet geschreven worden: u mag niet schrijven in {locked}")
    assert "interne fout" not in proc.stderr and "Traceback" not in proc.stderr
    assert list(locked.iterdir()) == []


def test_a_program_that_is_missing_is_named(capsys) -> None:
    import argparse

    from dpia.cli import os_error_message

    args = argparse.Namespace(lang="en", command="diff", output=None)
    exc = FileNotFoundError(errno.ENOENT, "No such file or directory", "git")
    assert os_error_message(exc, args) == t("tool_missing", "en", tool="git")
