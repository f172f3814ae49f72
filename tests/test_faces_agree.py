"""The notebooks, the report and the CLI give the same counts for the same date, and all take the date
from the same place (dpia.settings: $DPIA_ON, else today) when none is given."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from dpia.check import check
from dpia.cli import main
from dpia.documents.report import build_report
from dpia.io.store import load

from .conftest import EXAMPLE, ROOT

DAY = "2028-01-01"  # later than the reviewed date: agreements have expired, so the counts differ
NL_COUNTS = r"(\d+) blokke\w+.*?(\d+) waarschuwing(?:en)?.*?(\d+) (?:info|ter informatie).*?(\d+) (?:bewust )?geaccepteerd"


def _counts(text: str) -> tuple[int, ...]:
    match = re.search(NL_COUNTS, text)
    assert match, text[:300]
    return tuple(int(x) for x in match.groups())


def _report_counts(sentence: str) -> tuple[int, ...]:
    """The counts of the MR report's sentence: plural forms written out, a zero count left out."""
    def number(pattern: str) -> int:
        match = re.search(pattern, sentence)
        return int(next(g for g in match.groups() if g)) if match else 0

    return (number(r"(\d+) blokkerende bevinding"), number(r"(\d+) waarschuwing"), number(r"(\d+) punt(?:en)? ter informatie"),
            number(r"(\d+) bevinding(?:en)? bewust geaccepteerd"))


def _notebook_summary(path: Path) -> str:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "") or out.get("data", {}).get("text/plain", "")
            if "Controle op" in text:
                return text
    raise AssertionError("no findings summary in the notebook")


def test_notebook_report_and_cli_agree_on_a_date_set_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("DPIA_ON", DAY)  # set once; no face is given the date explicitly
    monkeypatch.setenv("DPIA_REGISTER", str(EXAMPLE))
    monkeypatch.setenv("DPIA_CHOICE", str(tmp_path / "no-choice.json"))
    expected = check(load(EXAMPLE).register, dt.date.fromisoformat(DAY)).counts()
    want = (expected["blocker"], expected["warning"], expected["info"], expected["accepted"])
    reviewed = check(load(EXAMPLE).register, dt.date(2026, 11, 29)).counts()
    assert expected != reviewed, "pick a date on which the assessment differs from the reviewed one"

    summary = _notebook_summary(ROOT / "notebooks" / "03_overeenkomsten_en_doelen.ipynb")
    assert f"Controle op {DAY}" in summary
    assert _counts(summary) == want

    (page,) = build_report(EXAMPLE, tmp_path / "rapport.html", lang="nl")
    text = html.unescape(page.read_text())
    sentence = "Op 1 januari 2028 zijn alle gegevensstromen gecontroleerd."  # the date written out for the MR
    assert sentence in text
    assert _report_counts(text[text.index(sentence):].split("</p>")[0]) == want

    assert main(["check", str(EXAMPLE), "--lang", "nl"]) == 1
    assert _counts(capsys.readouterr().out) == want


@pytest.mark.parametrize("command, other", [
    (["breach", str(EXAMPLE), "--breach", "lek-fotograaf-usb", "--format", "json"], "2026-11-27"),
    (["letter", str(EXAMPLE), "--draft", "-o", "{out}"], "2026-07-30"),  # before Malmberg's agreement ended
])
def test_breach_and_letter_take_the_one_assessment_date(command, other, tmp_path, monkeypatch, capsys) -> None:
    """``$DPIA_ON`` is the assessment date of every command, as ``--on`` is: the breach's 72-hour clock
    and the letter's promises are judged on it, not on the machine's today."""
    from dpia.cli import main

    def run(extra: list[str], name: str) -> str:
        out = tmp_path / f"{name}.html"
        assert main([a.format(out=out) for a in command] + extra) in (0, 1)
        return out.read_text(encoding="utf-8") if "-o" in command else capsys.readouterr().out

    by_option = run(["--on", "2026-11-29"], "option")
    monkeypatch.setenv("DPIA_ON", "2026-11-29")
    by_environment = run([], "environment")
    monkeypatch.setenv("DPIA_ON", other)
    other_day = run([], "other")
    assert by_environment == by_option
    assert other_day != by_option  # the date is used: on another day the clock and the promises differ
