"""Running the rules: acceptances, sorting, stable ids, output forms and exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from pathlib import Path

from dpia.check import as_csv, as_json, as_text, check
from dpia.cli import main
from dpia.rules import rules
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def register_with(tmp_path: Path, more: str = "", **subs: str) -> Path:
    """MINI with text substitutions in more.yaml and extra YAML appended to it."""
    files = dict(MINI)
    text = textwrap.dedent(files["more.yaml"])
    for old, new in subs.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    files["more.yaml"] = text + textwrap.dedent(more)
    return write_register(tmp_path / "reg", files)


NO_BASIS = {"    legal_basis: legal_obligation\n    legal_source: WVO 2020\n": ""}


def test_clean_register_has_no_findings(mini: Path) -> None:
    loaded = load(mini)
    assert check(loaded.register, ON).findings == []


def test_finding_has_stable_id_location_and_reference(tmp_path: Path) -> None:
    reg = register_with(tmp_path, **NO_BASIS)
    loaded = load(reg)
    result = check(loaded.register, ON, loaded.where)
    f = next(f for f in result.findings if f.code == "DPIA102")
    assert f.id == "DPIA102/bron"
    assert f.location == loaded.where("bron")
    assert f.as_dict("en")["reference"] == "AVG art. 6 lid 1"
    assert f.message("en") == "purpose 'bron' has no legal basis"
    assert f.message("nl") == "doel 'bron' heeft geen grondslag"


ACCEPT = """\
acceptances:
  - id: acc-bron
    finding: DPIA102/bron
    reason: Grondslag wordt uitgezocht met de jurist
    accepted_by: Bestuur
    until: {until}
"""


def test_acceptance_marks_finding_accepted_and_unblocks(tmp_path: Path) -> None:
    reg = register_with(tmp_path, ACCEPT.format(until="2027-01-31"), **NO_BASIS)
    result = check(load(reg).register, ON)
    f = next(f for f in result.findings if f.code == "DPIA102")
    assert f.accepted == {"by": "Bestuur", "reason": "Grondslag wordt uitgezocht met de jurist", "until": "2027-01-31", "acceptance": "acc-bron"}
    assert "DPIA102/bron" not in [b.id for b in result.blocking]
    assert result.findings[-1].accepted is not None  # accepted findings sort last


def test_expired_acceptance_reopens_the_finding(tmp_path: Path) -> None:
    reg = register_with(tmp_path, ACCEPT.format(until="2026-06-30"), **NO_BASIS)
    result = check(load(reg).register, ON)
    assert "DPIA102/bron" in [b.id for b in result.blocking]
    expired = next(f for f in result.findings if f.code == "DPIA902")
    assert expired.subjects == ("acc-bron",)
    assert "expired on 2026-06-30" in expired.message("en")


def test_acceptance_matching_nothing_is_reported(tmp_path: Path) -> None:
    reg = register_with(tmp_path, ACCEPT.format(until="2027-01-31"))
    result = check(load(reg).register, ON)
    (f,) = [f for f in result.findings if f.code == "DPIA901"]
    assert "acceptance 'acc-bron' is for finding 'DPIA102/bron', which does not exist" == f.message("en")


def test_findings_sorted_blockers_first(tmp_path: Path) -> None:
    reg = register_with(
        tmp_path,
        **NO_BASIS,
        **{"    legal_basis: public_task\n    legal_source: WVO 2020\n": "    legal_basis: legitimate_interest\n"},
    )
    result = check(load(reg).register, ON)
    order = [(f.severity.value, f.code) for f in result.findings]
    assert order == sorted(order, key=lambda x: ({"blocker": 0, "warning": 1, "info": 2}[x[0]], x[1]))
    assert {"DPIA102", "DPIA104"} <= {c for _, c in order}


def test_output_forms(tmp_path: Path) -> None:
    reg = register_with(tmp_path, **NO_BASIS)
    result = check(load(reg).register, ON)
    doc = json.loads(as_json(result, "en", str(reg)))
    assert doc["on"] == "2026-11-29" and doc["summary"]["blocker"] >= 1
    first = doc["findings"][0]
    assert set(first) >= {"code", "severity", "kind", "subjects", "message", "reference"}
    rows = list(csv.DictReader(io.StringIO(as_csv(result, "en"))))
    assert [r["id"] for r in rows] == [f["id"] for f in doc["findings"]]
    text = as_text(result, "en")
    assert "BLOCKER DPIA102 purpose-without-legal-basis [gap] purpose 'bron' has no legal basis (AVG art. 6 lid 1)" in text
    assert text.rstrip().endswith("accepted")


def test_cli_check_exit_codes(tmp_path: Path, mini: Path, capsys) -> None:
    assert main(["check", str(mini), "--on", "2026-11-29"]) == 0
    capsys.readouterr()
    reg = register_with(tmp_path, **NO_BASIS)
    assert main(["check", str(reg), "--on", "2026-11-29", "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["findings"][0]["code"] == "DPIA102"
    (reg / "more.yaml").write_text("flows: [\n")
    assert main(["check", str(reg)]) == 2


def test_cli_check_gives_the_same_bytes_in_every_process() -> None:
    """Two runs of `dpia check` in separate processes, with other string hashes (so another order of any
    set or hash-keyed walk), print the same findings byte for byte. (Two calls in one process share their
    hashes and could not tell.)"""
    import os
    import subprocess
    import sys

    from .conftest import EXAMPLE, ROOT

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "dpia.cli", "check", str(EXAMPLE), "--on", "2026-11-29", "--format", "json"],
                             cwd=ROOT, env=env, capture_output=True, timeout=300)
        assert run.returncode == 1, run.stderr
        outputs.append(run.stdout)
    assert len(json.loads(outputs[0])["findings"]) > 10
    assert outputs[0] == outputs[1]


def test_every_rule_is_documented_in_both_languages() -> None:
    for r in rules():
        assert r.code.startswith("DPIA") and len(r.code) == 7
        assert r.name == r.name.lower() and " " not in r.name
        assert r.article
        for lang in ("nl", "en"):
            for part in ("title", "checks", "why", "fix"):
                assert r.text(part, lang).strip(), (r.code, lang, part)
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))
