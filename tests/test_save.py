"""Saving without loss: round trip, comments and order kept, atomic writes, no overwriting others' edits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dpia.io import files, store
from dpia.io.problems import ChangedOnDisk, RegisterInvalid
from dpia.io.store import load


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


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


def _fail(*args, **kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("rename", ["exchange", "replace"])
def test_interrupted_write_leaves_the_previous_file(mini: Path, monkeypatch, rename: str) -> None:
    # "exchange": the compare-and-swap of Linux; "replace": the plain rename used where it is missing.
    before = snapshot(mini)
    loaded = load(mini)
    loaded.update("supplier", name="Half written")
    if rename == "exchange":
        monkeypatch.setattr(files, "exchange_files", _fail)
    else:
        monkeypatch.setattr(files, "exchange_files", lambda a, b: False)
        monkeypatch.setattr(files.os, "replace", _fail)
    with pytest.raises(OSError):
        loaded.save()
    assert snapshot(mini) == before  # no temporary files left behind either


@pytest.mark.parametrize("rename", ["exchange", "replace"])
def test_a_change_in_the_instant_before_the_rename_is_not_overwritten(mini: Path, monkeypatch, rename: str) -> None:
    # A colleague's editor saves register.yaml after the save's first check, just before the rename:
    # the late check sees it, their file stays in place and nothing of ours is left behind.
    loaded = load(mini)
    loaded.update("supplier", name="Mine")
    theirs = (mini / "register.yaml").read_text().replace("name: Leverancier", "name: Theirs")
    assert "Theirs" in theirs
    real = files.exchange_files

    def colleague_then(a: str, b: str) -> bool:
        files.atomic_write(Path(b), theirs)  # as editors save: a new file renamed into place
        return real(a, b) if rename == "exchange" else False

    monkeypatch.setattr(files, "exchange_files", colleague_then)
    with pytest.raises(ChangedOnDisk) as info:
        loaded.save()
    assert "changed on disk" in info.value.problems[0].render("en")
    assert (mini / "register.yaml").read_text() == theirs
    assert not [p.name for p in mini.iterdir() if p.name.startswith(".")]  # no temporary file of ours


def test_the_exchange_is_available_here(tmp_path: Path) -> None:
    # Linux with glibc 2.28+ on ext4, tmpfs, btrfs or xfs: the compare-and-swap is real, not the fallback.
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("b")
    assert files.exchange_files(str(tmp_path / "a"), str(tmp_path / "b"))
    assert (tmp_path / "a").read_text() == "b" and (tmp_path / "b").read_text() == "a"


SAVER = r"""
import sys
from pathlib import Path
from dpia.io.store import ChangedOnDisk, load
folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
done = refused = 0
while done < rounds:
    loaded = load(folder)
    name = next(p.name for p in loaded.register.parties if p.id == "supplier")
    count = int(name.rsplit(" ", 1)[1]) if name.startswith("Teller ") else 0
    loaded.update("supplier", name=f"Teller {count + 1}")
    try:
        loaded.save()
        done += 1
    except ChangedOnDisk:
        refused += 1
print(refused)
"""


def test_two_workbenches_saving_at_once_lose_no_update(mini: Path) -> None:
    # Two processes each add 1 to a counter in the same file, 15 times, reloading when a save is
    # refused. Any lost update (a save over an edit it had not seen) would leave less than 30.
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, str(mini), "15"], stdout=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    refused = [int(p.communicate(timeout=300)[0]) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    supplier = next(p for p in load(mini).register.parties if p.id == "supplier")
    assert supplier.name == "Teller 30", refused
    assert not [p.name for p in mini.iterdir() if p.name.startswith(".")]


def test_a_save_waits_for_another_save_and_gives_up_with_a_clear_message(mini: Path, monkeypatch) -> None:
    monkeypatch.setattr(files, "SAVE_LOCK_SECONDS", 0.3)
    loaded = load(mini)
    loaded.update("supplier", name="Mine")
    before = snapshot(mini)
    with files.save_lock(mini, str(mini)):  # another workbench is saving
        with pytest.raises(ChangedOnDisk) as info:
            loaded.save()
    assert "another process is saving" in info.value.problems[0].render("en")
    assert "door een ander proces opgeslagen" in info.value.problems[0].render("nl")
    assert snapshot(mini) == before
    assert loaded.save()  # once it is done, the save goes through


def test_temporary_files_of_a_killed_save_are_cleared_by_the_next(mini: Path) -> None:
    stale = mini / ".register.yaml.k3j_x.tmp"
    stale.write_text("half of an old save")
    other = mini / ".flows.yaml.ab12.tmp"  # another file's: left for that file's next save
    other.write_text("x")
    loaded = load(mini)
    loaded.update("supplier", name="Mine")
    loaded.save()
    assert not stale.exists() and other.exists()


def test_a_linked_file_is_written_through_the_link(mini: Path) -> None:
    (mini / "shared").mkdir()
    (mini / "register.yaml").rename(mini / "shared" / "register.yaml")
    (mini / "register.yaml").symlink_to(Path("shared") / "register.yaml")
    loaded = load(mini)
    loaded.update("supplier", name="Through the link")
    loaded.save()
    assert (mini / "register.yaml").is_symlink()
    assert "Through the link" in (mini / "shared" / "register.yaml").read_text()


def test_atomic_write_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("a: 1\n")
    os.chmod(target, 0o640)
    files.atomic_write(target, "a: 2\n")
    assert target.read_text() == "a: 2\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]


def test_unknown_entity_suggests(mini: Path) -> None:
    with pytest.raises(RegisterInvalid) as info:
        load(mini).update("suplier", name="x")
    assert "did you mean 'supplier'?" in info.value.problems[0].render("en")


def _example_copy(tmp_path: Path) -> Path:
    import shutil

    from .conftest import EXAMPLE

    copy = tmp_path / "omo"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_add_near_its_kind_keeps_the_next_groups_heading_and_the_files_style(tmp_path: Path) -> None:
    copy = _example_copy(tmp_path)
    before = (copy / "parties.yaml").read_text()
    loaded = load(copy)
    loaded.add("parties", {"id": "leerapp", "name": "LeerApp B.V.", "role": "processor", "location": {"country": "NL"}},
               near={"role": "processor"})
    loaded.save()
    after = (copy / "parties.yaml").read_text()
    new = "  - id: leerapp\n    name: LeerApp B.V.\n    role: processor\n    location: {country: NL}\n"
    assert new in after  # flow-style mapping, as the file writes location
    # right after the last processor, above the heading of the next group, every comment kept
    assert after.index(new) < after.index("# ---- independent controllers") < after.index("- id: duo")
    assert after.index("- id: fotograaf") < after.index(new)
    assert after.replace(new, "") == before
    assert [p.id for p in load(copy).register.parties if p.role.value == "processor"][-1] == "leerapp"


def test_preview_validates_without_writing_and_discard_drops_the_edit(tmp_path: Path) -> None:
    copy = _example_copy(tmp_path)
    files = {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()}
    loaded = load(copy)
    loaded.add("systems", {"id": "x-app", "name": "X", "kind": "learning_platform", "operated_by": "nobody"})
    with pytest.raises(RegisterInvalid) as info:
        loaded.preview()
    assert "nobody" in info.value.problems[0].render("en")
    loaded.discard()
    assert "x-app" not in {s.id for s in loaded.register.systems} and loaded.preview() is loaded
    loaded.add("systems", {"id": "x-app", "name": "X", "kind": "learning_platform", "operated_by": "iddink"})
    assert "x-app" in {s.id for s in loaded.preview().register.systems}
    assert {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()} == files


def test_after_a_save_the_workbench_holds_what_a_fresh_load_reads(mini: Path) -> None:
    """A save adopts the register it validated instead of reading every file again: that state must be
    exactly what a reload gives (entities, places, digests), so the next save neither misses a change on
    disk nor refuses its own."""
    loaded = load(mini)
    first = loaded.register.parties[0].id
    loaded.update(first, name="Renamed once")
    loaded.save()
    fresh = load(mini)
    assert loaded.register.model_dump() == fresh.register.model_dump()
    assert {i: o.where() for i, o in loaded.origins.items()} == {i: o.where() for i, o in fresh.origins.items()}
    assert [(f.path, f.digest, f.text) for f in loaded.files] == [(f.path, f.digest, f.text) for f in fresh.files]
    loaded.update(first, name="Renamed twice")  # a second save from the same workbench goes through
    assert loaded.save()
    assert load(mini).register.parties[0].name == "Renamed twice"
    holder = loaded.origins[first].file
    holder.path.write_text(holder.text + "\n# edited elsewhere\n", encoding="utf-8")
    loaded.update(first, name="Renamed thrice")  # and a change made elsewhere is still noticed
    with pytest.raises(ChangedOnDisk):
        loaded.save()
