"""Saving without loss: round trip, comments and order kept, atomic writes, no overwriting others' edits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dpia import store
from dpia.store import ChangedOnDisk, RegisterInvalid, load


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_load_save_load_is_identity_and_writes_nothing(mini: Path) -> None:
    before = snapshot(mini)
    loaded = load(mini)
    assert loaded.save() == []
    assert snapshot(mini) == before
    assert load(mini).register == loaded.register


def test_unchanged_documents_dump_byte_identical(mini: Path) -> None:
    for f in load(mini).files:
        assert store._dump(f.doc) == f.text


def test_edit_keeps_comments_order_and_other_files(mini: Path) -> None:
    before = snapshot(mini)
    loaded = load(mini)
    loaded.update("supplier", name="Leverancier LAS B.V.")
    written = loaded.save()
    assert written == [mini / "register.yaml"]
    after = snapshot(mini)
    assert after["more.yaml"] == before["more.yaml"]
    old_lines = before["register.yaml"].decode().splitlines()
    new_lines = after["register.yaml"].decode().splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert changed == [("    name: Leverancier LAS", "    name: Leverancier LAS B.V.")]
    assert "# The board and its schools" in new_lines[0]
    assert "role: processor   # runs the pupil administration" in after["register.yaml"].decode()
    assert load(mini).register.parties[0].name == "Leverancier LAS B.V."


def test_add_and_remove_entities(mini: Path) -> None:
    loaded = load(mini)
    loaded.add("flows", {"id": "f-new", "from": "las", "to": "duo", "categories": ["name"], "purposes": ["bron"]})
    loaded.save()
    reg = load(mini).register
    assert reg.flows[-1].id == "f-new" and reg.flows[-1].categories == ["name"]
    assert "categories: [name]" in (mini / "more.yaml").read_text()
    loaded = load(mini)
    loaded.remove("f-new")
    loaded.save()
    assert [f.id for f in load(mini).register.flows] == ["f-school-las", "f-las-duo", "f-photos"]


def test_invalid_edit_is_refused_and_nothing_written(mini: Path) -> None:
    before = snapshot(mini)
    loaded = load(mini)
    loaded.update("f-las-duo", to="nobody")
    with pytest.raises(RegisterInvalid) as info:
        loaded.save()
    (problem,) = info.value.problems
    assert "'nobody' refers to nothing" in problem.render("en")
    assert snapshot(mini) == before


def test_removing_a_referenced_entity_is_refused(mini: Path) -> None:
    loaded = load(mini)
    loaded.remove("bsn")
    with pytest.raises(RegisterInvalid):
        loaded.save()


def test_refuses_to_overwrite_a_file_changed_on_disk(mini: Path) -> None:
    loaded = load(mini)
    (mini / "register.yaml").write_text((mini / "register.yaml").read_text() + "# a colleague's edit\n")
    theirs = (mini / "register.yaml").read_bytes()
    loaded.update("supplier", name="Mine")
    with pytest.raises(ChangedOnDisk) as info:
        loaded.save()
    assert "changed on disk" in info.value.problems[0].render("en")
    assert (mini / "register.yaml").read_bytes() == theirs


def test_interrupted_write_leaves_the_previous_file(mini: Path, monkeypatch) -> None:
    before = snapshot(mini)
    loaded = load(mini)
    loaded.update("supplier", name="Half written")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", fail)
    with pytest.raises(OSError):
        loaded.save()
    assert snapshot(mini) == before  # no temporary files left behind either


def test_atomic_write_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("a: 1\n")
    os.chmod(target, 0o640)
    store.atomic_write(target, "a: 2\n")
    assert target.read_text() == "a: 2\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]


def test_unknown_entity_suggests(mini: Path) -> None:
    with pytest.raises(RegisterInvalid) as info:
        load(mini).update("suplier", name="x")
    assert "did you mean 'supplier'?" in info.value.problems[0].render("en")
