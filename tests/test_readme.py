"""The README tells the truth: its table of the example's findings is what `dpia check` prints, and
the commands it gives exist in the Makefile."""

from __future__ import annotations

import re

from dpia.cli import main

from .conftest import EXAMPLE, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n## ", start + len(title))
    return README[start: end if end > 0 else None]


def readme_table() -> tuple[str, set[tuple[str, str]]]:
    """The date the README names and the (severity, rule) pairs of its findings table."""
    text = _section("## The example and what the check finds")
    on = re.search(r"`dpia check data/omo-helmond --on (\d{4}-\d{2}-\d{2})`", text).group(1)
    pairs = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"DPIA\d{3}(, DPIA\d{3})*", cells[1]):
            pairs |= {(cells[0], code) for code in cells[1].split(", ")}
    return on, pairs


def checked(on: str, capsys) -> dict[tuple[str, str], list[str]]:
    """What `dpia check` prints for the example, as (severity, rule) → messages. The DPIA-level
    rules (DPIA9xx) are summed up in the sentence below the table, not listed in it."""
    assert main(["check", str(EXAMPLE), "--on", on, "--lang", "en"]) == 1
    out: dict[tuple[str, str], list[str]] = {}
    for line in capsys.readouterr().out.splitlines():
        match = re.search(r": (BLOCKER|WARNING|INFO) (DPIA\d{3}) \S+ \[\w+\] (.*)$", line)
        if match and not match.group(2).startswith("DPIA9"):
            out.setdefault((match.group(1).lower(), match.group(2)), []).append(match.group(3))
    return out


def test_the_readme_table_lists_what_dpia_check_finds(capsys) -> None:
    on, table = readme_table()
    found = checked(on, capsys)
    missing = {k: v for k, v in found.items() if k not in table}
    stale = table - set(found)
    hint = "\n".join(f"| {sev} | {code} | {'; '.join(msgs)} |" for (sev, code), msgs in sorted(missing.items()))
    assert not missing, f"add to the README's table (then shorten the text):\n{hint}"
    assert not stale, f"the README's table lists findings `dpia check` no longer prints: {sorted(stale)}"


def test_the_readme_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"^make (\w+)", README, re.M)):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "EXAMPLE ?=" in makefile and "make report EXAMPLE=" in README
    lab = makefile[makefile.index("\nlab:"):]
    assert "--notebook-dir=." in lab and "--LabApp.default_url=/lab/tree/notebooks/00_start.ipynb" in lab
