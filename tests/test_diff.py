"""`dpia diff`: what changed between two versions of a register, folders or git revisions."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dpia.cli import main
from dpia.io.git import resolve, VersionNotFound
from dpia.diff import as_json, as_markdown, as_text, diff_versions
from dpia.i18n import t

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


def _git(repo: Path, *args: str, **extra: str) -> str:
    env = {**extra, "GIT_AUTHOR_NAME": "FG", "GIT_AUTHOR_EMAIL": "fg@example.nl", "GIT_COMMITTER_NAME": "FG",
           "GIT_COMMITTER_EMAIL": "fg@example.nl", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the example register, committed on 2025-12-01."""
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root / "data" / "school")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "last year's review",
         GIT_AUTHOR_DATE="2025-12-01T10:00:00+01:00", GIT_COMMITTER_DATE="2025-12-01T10:00:00+01:00")
    _git(root, "tag", "mr-2025")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_comments_order_and_moving_an_entity_to_another_file_are_not_changes(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    reg = repo / "data" / "school"
    parties = reg / "parties.yaml"
    text = parties.read_text()
    parties.write_text("# a comment added this year\n" + text)
    # move the whole measures file's content into another name
    (reg / "measures.yaml").rename(reg / "maatregelen.yaml")
    d = diff_versions("mr-2025:data/school", "data/school", on=ON, old_on=ON)
    assert d.empty, as_text(d)
    assert as_text(d).splitlines()[-1] == t("diff_nothing", "nl")


def test_added_removed_and_changed_entities_field_by_field(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    reg = repo / "data" / "school"
    _edit(reg / "parties.yaml", "name: Fotostudio Helmond-Peel (fictief)", "name: Fotostudio Peelland")
    d = diff_versions("HEAD:data/school", "data/school", on=ON, old_on=ON)
    changed = [e for e in d.entities if e.change == "changed"]
    assert [(e.section, e.id) for e in changed] == [("parties", "fotograaf")]
    assert [(c.field, c.old, c.new) for c in changed[0].fields] == [("name", "Fotostudio Helmond-Peel (fictief)", "Fotostudio Peelland")]
    assert "    name: Fotostudio Helmond-Peel (fictief) → Fotostudio Peelland" in as_text(d)


def test_a_renewed_agreement_resolves_its_finding_and_the_summary_says_so(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    reg = repo / "data" / "school"
    _edit(reg / "agreements.yaml", "valid_until: 2026-07-31", "valid_until: 2028-07-31")
    d = diff_versions("2025-12-31:data/school", "data/school", on=ON, old_on=ON)
    assert [(a.id, a.event, a.old_until, a.new_until) for a in d.agreements] == [
        ("va-malmberg", "renewed", dt.date(2026, 7, 31), dt.date(2028, 7, 31))]
    resolved = [f for f in d.findings if f.change == "resolved"]
    assert "DPIA204/va-malmberg" in [f.id for f in resolved]
    summary = as_markdown(d)
    assert "verlengd tot 2028-07-31" in summary and "Opgeloste bevindingen" in summary


def test_each_version_is_checked_on_its_own_date(repo: Path, monkeypatch) -> None:
    """The old version on its commit date (2025-12-01): the Malmberg agreement still ran then; by
    2026-11-29 it has expired — an agreement that expired in the period, and a new finding."""
    monkeypatch.chdir(repo)
    d = diff_versions("mr-2025:data/school", "data/school", on=ON)
    assert d.old_on == dt.date(2025, 12, 1) and d.new_on == ON
    assert [(a.id, a.event) for a in d.agreements] == [("va-malmberg", "expired")]
    assert "DPIA204/va-malmberg" in [f.id for f in d.findings if f.change == "new"]
    assert [e for e in d.entities] == []


def test_a_removed_flow_stops_and_json_lists_it(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    reg = repo / "data" / "school"
    from dpia.io.store import load

    loaded = load(reg)
    flow = sorted(f.id for f in loaded.register.flows if f.id.startswith("f-"))[0]
    loaded.remove(flow)
    loaded.save()
    doc = json.loads(as_json(diff_versions("HEAD:data/school", "data/school", on=ON, old_on=ON)))
    assert flow in doc["flows_stopped"]


def test_the_working_tree_is_never_touched(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    reg = repo / "data" / "school"
    _edit(reg / "parties.yaml", "name: Fotostudio Helmond-Peel (fictief)", "name: Fotostudio Peelland")
    before = _git(repo, "status", "--porcelain")
    diff_versions("HEAD:data/school", "data/school", on=ON)
    assert _git(repo, "status", "--porcelain") == before
    assert "Fotostudio Peelland" in (reg / "parties.yaml").read_text()


def test_same_versions_same_bytes(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    _edit(repo / "data" / "school" / "agreements.yaml", "valid_until: 2026-07-31", "valid_until: 2028-07-31")
    runs = [as_json(diff_versions("mr-2025:data/school", "data/school", on=ON)) for _ in range(2)]
    assert runs[0] == runs[1]


def test_versions_that_cannot_be_read_are_explained(repo: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(repo)
    with pytest.raises(VersionNotFound) as caught:
        resolve("nope:data/school")
    assert caught.value.message("en") == t("diff_unknown_revision", "en", spec="nope:data/school", rev="nope")
    assert main(["diff", "1999-01-01:data/school", "data/school"]) == 2
    assert "er is geen versie van 1999-01-01 of eerder" in capsys.readouterr().err
    assert main(["diff", "HEAD:data/elders", "data/school"]) == 2
    assert "bestaat niet in versie" in capsys.readouterr().err
    assert main(["diff", "geen-map", "data/school"]) == 2
    assert "is geen map en geen versie" in capsys.readouterr().err


def test_a_broken_old_version_names_the_revision_not_a_temporary_folder(repo: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(repo)
    (repo / "data" / "school" / "parties.yaml").write_text("parties: [\n")
    _git(repo, "commit", "-qam", "broken")
    assert main(["diff", "HEAD:data/school", "mr-2025:data/school"]) == 2
    err = capsys.readouterr().err
    assert "HEAD:data/school/parties.yaml:" in err and "/tmp" not in err.split("parties.yaml")[0]


def test_bulk_flows_in_csv_are_compared_by_id(tmp_path: Path) -> None:
    from dpia.io.synth import generate

    old, new = tmp_path / "old", tmp_path / "new"
    generate(2, 4, 7, old, on=ON)
    shutil.copytree(old, new)
    csv = new / "flows.csv"
    lines = csv.read_text().splitlines(keepends=True)
    header, first, rest = lines[0], lines[1], lines[2:]
    csv.write_text(header + "".join(rest))  # the first flow stops
    removed = first.split(",")[0].strip('"')
    d = diff_versions(str(old), str(new), on=ON)
    assert [e.id for e in d.flows("removed")] == [removed]
    assert d.flows("added") == [] and d.flows("changed") == []
    assert t("diff_sum_flows_removed", "nl", count=1) in as_markdown(d)


# ---- the notebook's widget to pick the earlier version (dpia.workbench.history)


def test_the_version_picker_lists_the_registers_history_and_starts_at_last_years_review(repo: Path) -> None:
    from dpia.workbench.history import VersionDiff

    reg = repo / "data" / "school"
    _edit(reg / "parties.yaml", "name: Fotostudio Helmond-Peel (fictief)", "name: Fotostudio Peelland")
    _git(repo, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-am", "new photographer's name",
         GIT_AUTHOR_DATE="2026-11-20T10:00:00+01:00", GIT_COMMITTER_DATE="2026-11-20T10:00:00+01:00")
    _edit(reg / "agreements.yaml", "valid_until: 2026-07-31", "valid_until: 2028-07-31")  # not committed yet
    widget = VersionDiff(reg, ON, "nl")
    assert [o[0] for o in widget.version.options] == ["20 november 2026 — new photographer's name (%s)" % widget.commits[0].commit[:7],
                                                      "1 december 2025 — last year's review (%s)" % widget.commits[1].commit[:7]]
    assert widget.version.value == widget.commits[1].commit  # a year before the assessment date
    summary = widget.summary.value
    assert "Wat is er veranderd sinds 1 december 2025" in summary
    assert "Fotostudio Peelland" in summary and "verlengd" in summary  # committed and uncommitted changes
    assert "fotograaf" not in summary.replace("Fotostudio", "")  # names, not ids, for the MR
    assert "name: Fotostudio Helmond-Peel (fictief) → Fotostudio Peelland" in widget.details.value  # the officer's detail
    widget.version.value = widget.commits[0].commit  # since the last commit: only the renewal
    assert "Fotostudio Peelland" not in widget.summary.value and "verlengd" in widget.summary.value
    widget.typed.value = "mr-2025"  # a tag typed in
    widget.show_button.click()
    assert "Fotostudio Peelland" in widget.summary.value
    widget.typed.value = "geen-revisie"
    widget.show_button.click()
    assert "git kent de revisie" in widget.summary.value and widget.diff is None


def test_the_version_picker_without_history_says_what_to_do(tmp_path: Path) -> None:
    from dpia.workbench.history import VersionDiff

    shutil.copytree(EXAMPLE, tmp_path / "school")
    widget = VersionDiff(tmp_path / "school", ON, "en")
    assert widget.version.options == () and widget.diff is None
    assert "no history in git yet" in widget.summary.value


def test_every_section_has_a_name_in_the_summary() -> None:
    from dpia.i18n import has
    from dpia.model import SECTIONS

    assert [s for s in SECTIONS if not has(f"diff_section_{s}")] == []


def _csv_flows(folder: Path) -> dict[str, dict[str, object]]:
    """flows.csv read with the csv module: the oracle for the diff's column-wise comparison."""
    import csv

    with open(folder / "flows.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    lists = ("categories", "purposes", "subjects")
    return {r["id"]: {k: (sorted(v.split()) if k in lists else (v or None)) for k, v in r.items() if k != "id"} for r in rows}


def test_bulk_flows_started_stopped_and_changed_match_a_row_by_row_reading(tmp_path: Path) -> None:
    import csv

    from dpia.io.synth import generate

    old, new = tmp_path / "old", tmp_path / "new"
    generate(3, 6, 11, old, on=ON)
    shutil.copytree(old, new)
    with open(old / "flows.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    col = {name: header.index(name) for name in header}
    edited = []
    for i, row in enumerate(body):
        row = list(row)
        if i % 7 == 1:
            continue  # stopped
        if i % 7 == 2:
            row[col["categories"]] = " ".join(reversed(row[col["categories"]].split()))  # same set: no change
        if i % 7 == 3:
            row[col["agreement"]] = ""  # no longer under its agreement
        if i % 7 == 4:
            row[col["channel"]] = ""  # a value removed
        if i % 7 == 5:
            row[col["subjects"]] = " ".join(row[col["subjects"]].split()[:1])  # a list shortened
        edited.append(row)
        if i % 7 == 6:
            edited.append([row[0] + "-new", *row[1:]])  # started
    with open(new / "flows.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *edited])
    d = diff_versions(str(old), str(new), on=ON)
    a, b = _csv_flows(old), _csv_flows(new)
    assert sorted(e.id for e in d.flows("removed")) == sorted(set(a) - set(b))
    assert sorted(e.id for e in d.flows("added")) == sorted(set(b) - set(a))
    names = {"from": "from", "to": "to", "agreement": "agreement", "channel": "channel", "categories": "categories",
             "purposes": "purposes", "subjects": "subjects"}
    expected = {i: sorted((names[k], a[i][k], b[i][k]) for k in names if a[i][k] != b[i][k]) for i in set(a) & set(b)}
    expected = {i: v for i, v in expected.items() if v}
    found = {e.id: sorted((c.field, c.old, c.new) for c in e.fields) for e in d.flows("changed")}
    assert found == expected
    assert len(found) > 5


def _renewed_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the example, the second with an agreement renewed (one file differs)."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(EXAMPLE, old)
    shutil.copytree(EXAMPLE, new)
    agreements = new / "agreements.yaml"
    agreements.write_text(agreements.read_text().replace("valid_until: 2026-07-31", "valid_until: 2027-07-31"))
    return old, new


def test_files_both_versions_hold_byte_for_byte_are_parsed_once_and_the_diff_is_the_same(tmp_path: Path, monkeypatch) -> None:
    import dpia.io.store as store

    old, new = _renewed_copy(tmp_path)
    separate = as_json(diff_versions(str(old), str(new), on=ON, old_on=ON))
    parsed: list[str] = []
    real = store._parse
    monkeypatch.setattr(store, "_parse", lambda text, shown, problems: parsed.append(shown) or real(text, shown, problems))
    shared = as_json(diff_versions(str(old), str(new), on=ON, old_on=ON))
    assert shared == separate and "2027-07-31" in shared
    yaml_files = {p.relative_to(new).as_posix() for p in new.glob("*.yaml")}
    assert len(parsed) < 2 * len(yaml_files)
    assert sum("agreements.yaml" in s for s in parsed) == 2  # the changed file: once per version


def test_a_large_old_version_checked_in_another_process_gives_the_same_diff(tmp_path: Path, monkeypatch) -> None:
    import dpia.diff as diff

    old, new = _renewed_copy(tmp_path)
    here = as_json(diff_versions(str(old), str(new), on=ON, old_on=ON))
    monkeypatch.setattr(diff, "ELSEWHERE_FROM_BYTES", 0)  # the example counts as large
    given = []
    real = diff.compare

    def spy(*args, was=None, **kwargs):
        result = was()
        given.append(result)
        return real(*args, was=result, **kwargs)

    monkeypatch.setattr(diff, "compare", spy)
    elsewhere = as_json(diff_versions(str(old), str(new), on=ON, old_on=ON))
    assert given and given[0] is not None and given[0].findings
    assert elsewhere == here


# ---- an older version without a field that became required since (dpia.diff.LATER_FIELDS)

REPO = Path(__file__).parent.parent


def _first_commit_of_the_example() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "log", "--format=%H", "--reverse", "--",
                              "data/omo-helmond/register.yaml"], capture_output=True, text=True, timeout=60)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        pytest.skip("no git")
    commits = out.stdout.split()
    if out.returncode != 0 or not commits:
        pytest.skip("the example's history is not here (an exported tree or a shallow clone)")
    return commits[0]


def test_the_examples_first_commit_is_compared_with_the_sector_of_today(monkeypatch) -> None:
    first = _first_commit_of_the_example()
    shown = subprocess.run(["git", "-C", str(REPO), "show", f"{first}:data/omo-helmond/register.yaml"],
                           capture_output=True, text=True, check=True).stdout
    assert "sector:" not in shown  # written before the sector was required
    monkeypatch.chdir(REPO)
    d = diff_versions(f"{first}:data/omo-helmond", "data/omo-helmond", on=ON)
    ((field, value, added),) = [(r.path, r.value.value, r.added) for r in d.old_read_with]
    assert (field, value, added) == ("controller.sector", "vo", dt.date(2026, 12, 3))
    assert not [c for e in d.entities if e.section == "controller" for c in e.fields if c.field == "sector"]
    text = as_text(d, "en").splitlines()
    assert text[1] == ("The old version was read with values for fields added later, taken from the new version: "
                       "controller.sector = vo (field added on 2026-12-03)")
    assert json.loads(as_json(d))["old_read_with"] == [{"field": "controller.sector", "value": "vo", "added": "2026-12-03"}]
    summary = as_markdown(d, "nl").splitlines()[2]
    assert summary == ("- De oude versie legde nog niet alles vast wat nu verplicht is. Voor de vergelijking is dit uit "
                       "de nieuwe versie overgenomen: de sector voortgezet onderwijs (vo).")


def test_an_old_version_without_the_sector_is_read_with_the_new_ones_only_for_a_diff(repo: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(repo)
    register = repo / "data" / "school" / "register.yaml"
    _edit(register, "  sector: vo\n", "")
    _git(repo, "commit", "-qam", "before the sector was required")
    old_folder = repo.parent / "old-school"
    shutil.copytree(repo / "data" / "school", old_folder)
    _git(repo, "checkout", "-q", "mr-2025", "--", "data/school")
    assert main(["--lang", "en", "diff", "HEAD:data/school", "data/school"]) == 0
    out = capsys.readouterr().out
    assert "controller.sector = vo (field added on 2026-12-03)" in out and "Nothing has changed." in out
    before = {p: p.read_bytes() for p in old_folder.rglob("*") if p.is_file()}
    assert main(["--lang", "en", "diff", str(old_folder), "data/school"]) == 0  # an old folder too
    assert "controller.sector = vo" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in old_folder.rglob("*") if p.is_file()} == before  # never written
    assert main(["--lang", "en", "validate", str(old_folder)]) == 2  # loading it as a register still refuses
    assert "required field 'sector' is missing" in capsys.readouterr().err
    assert main(["--lang", "en", "diff", "data/school", str(old_folder)]) == 2  # only the older side is read so
    capsys.readouterr()


def test_an_old_version_with_another_problem_too_is_refused_with_it(repo: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(repo)
    _edit(repo / "data" / "school" / "register.yaml", "  sector: vo\n", "")
    _edit(repo / "data" / "school" / "parties.yaml", "role: processor", "role: verwerker")
    _git(repo, "commit", "-qam", "before the sector, with a slip")
    _git(repo, "checkout", "-q", "mr-2025", "--", "data/school")
    assert main(["--lang", "en", "diff", "HEAD:data/school", "data/school"]) == 2
    err = capsys.readouterr().err
    assert "HEAD:data/school/parties.yaml:" in err and "'verwerker'" in err and "/tmp" not in err
