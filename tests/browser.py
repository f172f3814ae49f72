"""Debian's chromium for browser tests: never a downloaded browser (``make test`` installs it first)."""

from __future__ import annotations

import pytest

from dpia.browser import ARGS, find_chromium

__all__ = ["ARGS", "chromium_path"]


def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail("chromium is not installed: `make test` installs it (python -m dpia.browser says how)")
    return path
