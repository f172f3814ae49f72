"""Synthetic registers (``dpia synth``): planted defects are found, and nothing else.

A small register (20 schools, 10 products) is generated once per module; the check must give exactly
the findings listed in its manifest, the files must be a valid register, and the same seed must give
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import json
from pathlib import Path

import pytest

from dpia.check import check
from dpia.cli import main
from dpia.io.store import load
from dpia.io.synth import DEFECT_KINDS, flows_per_school, generate, TargetNotSynthetic


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("synth") / "reg"
    generate(20, 10, 7, out)
    return out, json.loads((out / "manifest.json").read_text())


def found(path: Path, on: str) -> list[str]:
    loaded = load(path)
    return sorted(f.id for f in check(loaded.register, dt.date.fromisoformat(on), loaded.where).findings)


def test_every_planted_defect_is_found_and_nothing_else(small) -> None:
    path, manifest = small
    assert found(path, manifest["on"]) == manifest["expected_findings"]


def test_the_manifest_lists_each_defect_with_the_findings_it_must_produce(small) -> None:
    _, manifest = small
    kinds = {d["kind"] for d in manifest["defects"]}
    assert kinds == set(DEFECT_KINDS)  # every kind planted, even in a small register
    assert len({DEFECT_KINDS[k].theme for k in kinds}) >= 4
    for d in manifest["defects"]:
        assert d["findings"] and all(f.split("/")[0].startswith("DPIA") for f in d["findings"])
        assert d["findings"][0].startswith(d["rule"] + "/")  # the defect's own rule comes first
    assert manifest["expected_findings"] == sorted({f for d in manifest["defects"] for f in d["findings"]})


def test_more_defects_are_still_found_exactly(tmp_path: Path) -> None:
    manifest = generate(40, 14, 3, tmp_path / "reg", defect_share=0.02)
    flow_defects = [d for d in manifest.defects if DEFECT_KINDS[d.kind].level == "flow"]
    assert len(flow_defects) > 3  # several of each flow-level kind
    assert found(tmp_path / "reg", manifest.on) == manifest.expected_findings


def test_the_register_is_valid_through_dpia_validate(small, capsys) -> None:
    path, _ = small
    assert main(["validate", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "valid register" in out and "20 schools" in out


def test_the_large_parts_are_in_the_bulk_form(small) -> None:
    path, manifest = small
    names = {p.name for p in path.iterdir()}
    assert {"flows.csv", "schools.csv", "parties.csv", "systems.csv", "manifest.json"} <= names
    assert manifest["counts"]["flows_csv"] > 10 * manifest["counts"]["flows_yaml"]


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path: Path) -> None:
    generate(12, 8, 5, tmp_path / "a")
    generate(12, 8, 5, tmp_path / "b")
    generate(12, 8, 6, tmp_path / "c")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert (mismatch, errors) == ([], []) and len(match) == len(names)
    assert (tmp_path / "a" / "flows.csv").read_bytes() != (tmp_path / "c" / "flows.csv").read_bytes()


def test_flows_per_school_predicts_the_size(tmp_path: Path) -> None:
    manifest = generate(30, 40, 1, tmp_path / "reg")
    expected = 30 * flows_per_school(40)
    assert abs(manifest.counts["flows_csv"] - expected) < 0.15 * expected


def test_synth_never_overwrites_a_folder_it_did_not_write(tmp_path: Path, capsys) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(TargetNotSynthetic):
        generate(3, 4, 1, foreign)
    assert main(["synth", "--schools", "3", "--apps", "4", "-o", str(foreign), "--lang", "en"]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (foreign / "notes.txt").read_text() == "keep me"
    # An earlier synthetic register is replaced.
    assert main(["synth", "--schools", "3", "--apps", "4", "-o", str(tmp_path / "s"), "--lang", "en"]) == 0
    assert main(["synth", "--schools", "4", "--apps", "4", "-o", str(tmp_path / "s"), "--lang", "en"]) == 0
    assert "4 schools" in capsys.readouterr().out
