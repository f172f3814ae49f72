"""Debian's chromium for browser tests: never a downloaded browser (``make test`` installs it first)."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dpia.documents.browser import ARGS, find_chromium

__all__ = ["ARGS", "chromium_path", "clear_dialogs", "running_lab"]


def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail("chromium is not installed: `make test` installs it (python -m dpia.documents.browser says how)")
    return path


@contextlib.contextmanager
def running_lab(root: Path, env: dict[str, str]) -> Iterator[tuple[str, str]]:
    """JupyterLab serving ``root`` on 127.0.0.1 with a random port and token (its own Jupyter folders
    under ``root``), as root with --allow-root; yields its base URL and token, stops it afterwards."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, **env, "JUPYTER_CONFIG_DIR": str(root / ".cfg"), "JUPYTER_DATA_DIR": str(root / ".data"),
           "JUPYTER_RUNTIME_DIR": str(root / ".rt")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         f"--ServerApp.root_dir={root}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start:\n" + proc.stdout.read().decode(errors="replace")[-3000:])
    try:
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clear_dialogs(page, seen: list[str]) -> None:
    """Answer any modal dialog JupyterLab shows (under heavy load a slow server can raise one, e.g. to
    pick a kernel), keeping its text for the failure message: a dialog must not hide what went wrong."""
    for _ in range(3):
        dialog = page.locator(".jp-Dialog")
        if not dialog.count():
            return
        seen.append(" ".join(dialog.first.inner_text().split())[:300])
        accept = dialog.first.locator(".jp-Dialog-button.jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
