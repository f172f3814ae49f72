"""Debian's chromium, which prints the MR report to PDF and drives the browser tests.

Found on PATH; where it is missing, installed with ``apt-get`` when we are root (as in CI and in
containers), otherwise one clear line says which command to run. A browser build is never downloaded.

``make test`` and ``make report`` run ``python -m dpia.documents.browser`` before anything else, with the
system's Python and before the virtual environment exists: this module needs the standard library
and the message catalogue only.

Exit codes of ``main``: 0 chromium is there (found or installed), 2 it is not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from dpia.i18n import default_lang, t
from dpia.io.files import check_output, replace_file

NAMES = ("chromium", "chromium-browser")
INSTALL = (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"])
INSTALL_TIMEOUT = 1800  # seconds for each apt-get call: a slow mirror, not a hang
EXIT_OK, EXIT_MISSING = 0, 2
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PRINT_TIMEOUT = 120  # seconds for one PDF


class PdfNotPrinted(Exception):
    """The HTML is there but chromium made no PDF: ``reason`` is a catalogue key with its ``params``."""

    def __init__(self, reason: str, **params: object):
        super().__init__(reason)
        self.reason, self.params = reason, params

    def reason_text(self, lang: str | None = None) -> str:
        return t(self.reason, lang, **self.params)


def find_chromium(path: str | None = None) -> str | None:
    """The chromium executable on ``path`` (default: ``$PATH``), or None.

    >>> find_chromium(path="") is None
    True
    """
    for name in NAMES:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _tail(text: str, lines: int = 5) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def ensure_chromium(lang: str | None = None, say: Callable[[str], None] | None = None) -> int:
    """Make sure chromium is on PATH; install Debian's package when missing and allowed.

    Says what it does through ``say`` (default: standard error) and returns an exit code.
    """
    if say is None:
        def say(line: str) -> None:
            print(line, file=sys.stderr, flush=True)

    if find_chromium():
        return EXIT_OK
    if not _is_root():
        say(t("browser_missing_not_root", lang, command="sudo apt-get update && sudo apt-get install -y chromium"))
        return EXIT_MISSING
    if shutil.which("apt-get") is None:
        say(t("browser_missing_no_apt", lang))
        return EXIT_MISSING
    say(t("browser_installing", lang))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with tempfile.TemporaryFile(mode="w+", prefix="dpia-apt-") as log:
        for step in INSTALL:
            try:
                done = subprocess.run([*step[:1], "-q", *step[1:]], stdout=log, stderr=subprocess.STDOUT,
                                      env=env, timeout=INSTALL_TIMEOUT, check=False)
                code = done.returncode
            except subprocess.TimeoutExpired:
                code = None
            if code != 0:
                log.seek(0)
                say(t("browser_install_failed", lang, command=" ".join(step),
                      reason=t("browser_timeout", lang, seconds=INSTALL_TIMEOUT) if code is None else f"exit {code}",
                      log=_tail(log.read()) or "—"))
                return EXIT_MISSING
    found = find_chromium()
    if found is None:
        say(t("browser_installed_not_found", lang))
        return EXIT_MISSING
    say(t("browser_installed", lang, path=found))
    return EXIT_OK


def print_pdf(html_path: Path, pdf_path: Path, timeout: float = PRINT_TIMEOUT, protect: Iterable[Path] = (),
              force: bool = False) -> Path:
    """Print an HTML file to PDF with headless chromium: to a temporary file beside the target, put in
    place only when chromium succeeded, so a failed or interrupted print leaves no partial PDF.

    Raises ``OutputRefused`` for a target that would touch ``protect`` (the register) or is not an
    ordinary file (``dpia.io.files.check_output``), and ``PdfNotPrinted`` when chromium is missing,
    fails, hangs past ``timeout`` or writes nothing.
    """
    check_output(pdf_path, protect, force)
    browser = find_chromium()
    if browser is None:
        raise PdfNotPrinted("pdf_no_chromium")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{pdf_path.name}.", suffix=".tmp", dir=pdf_path.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="dpia-chromium-") as profile:
            try:
                done = subprocess.run(
                    [browser, *ARGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                     f"--print-to-pdf={tmp}", Path(html_path).resolve().as_uri()],
                    capture_output=True, timeout=timeout, check=False,
                )
            except subprocess.TimeoutExpired:
                raise PdfNotPrinted("pdf_chromium_timeout", seconds=int(timeout)) from None
            except OSError as exc:  # not executable, wrong architecture, ...
                raise PdfNotPrinted("pdf_chromium_unusable", path=browser, detail=exc.strerror or exc) from None
        if done.returncode != 0:
            detail = _tail(done.stderr.decode("utf-8", "replace"), 2) or "—"
            raise PdfNotPrinted("pdf_chromium_failed", code=done.returncode, detail=detail)
        if os.path.getsize(tmp) == 0:
            raise PdfNotPrinted("pdf_chromium_empty")
        replace_file(Path(tmp), pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return pdf_path


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else default_lang()
    return ensure_chromium(lang if lang in ("nl", "en") else None)


if __name__ == "__main__":  # pragma: no cover - run by make
    sys.exit(main())
