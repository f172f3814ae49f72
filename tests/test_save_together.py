"""A save that writes several files lands whole or not at all, also when the process is killed at any
step (``dpia.io.files.write_together``): the forms' saves of a new party and a flow to it, in two
files, leave the register either as it was or with both, never with one of them; a kill after the
save counted as made is finished by the next load, which says so."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dpia.cli import main
from dpia.io import files
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import MINI, ROOT, write_register

# A process that adds a party (register.yaml) and a flow to it (more.yaml) in one save, as the new-
# supplier form does, or removes both again, alternately, forever; with a kill point N it kills
# itself at the N-th step of the file system (creating, syncing, renaming or removing a file) of its
# first save instead, or exits with 3 when the save has fewer steps.
SAVER = r"""
import os, signal, sys
from pathlib import Path
from dpia.io import files, store
folder, kill_at = Path(sys.argv[1]), int(sys.argv[2])
steps = 0
def counted(real):
    def hook(*a, **k):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*a, **k)
    return hook
if kill_at:
    files.tempfile.mkstemp = counted(files.tempfile.mkstemp)
    for name in ("fsync", "replace", "unlink", "chmod"):
        setattr(files.os, name, counted(getattr(files.os, name)))
print("ready", flush=True)
while True:
    loaded = store.load(folder)
    if any(p.id == "bus" for p in loaded.register.parties):
        loaded.remove("f-bus")
        loaded.remove("bus")
    else:
        loaded.add("parties", {"id": "bus", "name": "Busbedrijf", "role": "processor", "location": {"country": "NL"}})
        loaded.add("flows", {"id": "f-bus", "from": "school-a", "to": "bus", "categories": ["name"],
                             "purposes": ["education"]}, file="more.yaml")
    loaded.save()
    if kill_at:
        sys.exit(3)
"""


def start(folder: Path, kill_at: int = 0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(folder), str(kill_at)], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def state(folder: Path) -> str:
    """'old' (neither the party nor its flow), 'new' (both); anything else fails the test."""
    register = load(folder).register
    party = any(p.id == "bus" for p in register.parties)
    flow = any(f.id == "f-bus" for f in register.flows)
    assert party == flow, "the save landed halfway: one file new, the other old"
    return "new" if party else "old"


def test_killed_at_every_step_the_register_is_old_or_new(tmp_path: Path) -> None:
    seen = []
    for step in range(1, 60):
        folder = write_register(tmp_path / f"reg{step}", MINI)
        proc = start(folder, step)
        code = proc.wait(timeout=60)
        if code == 3:  # the save has fewer steps than this: every step has been tried
            break
        assert code == -signal.SIGKILL
        journal = (folder / files.JOURNAL).exists()
        seen.append((state(folder), journal))
        assert not (folder / files.JOURNAL).exists()  # the load finished what the journal promised
        if journal:
            assert seen[-1][0] == "new"  # after the journal the save counts as made: rolled forward
    else:
        pytest.fail("the save never finished")
    states = {s for s, _j in seen}
    assert states == {"old", "new"} and any(j for _s, j in seen)  # kills before, inside and after the journal


def test_the_load_that_finishes_a_save_says_so(tmp_path: Path, capsys) -> None:
    folder = write_register(tmp_path / "reg", MINI)
    for step in range(1, 60):
        proc = start(folder, step)
        assert proc.wait(timeout=60) == -signal.SIGKILL
        if (folder / files.JOURNAL).exists():
            break
    else:
        pytest.fail("no kill left a journal")
    assert main(["validate", str(folder), "-q"]) == 0
    err = capsys.readouterr().err
    assert "Een opslag die werd onderbroken is afgemaakt" in err and "register.yaml" in err + "more.yaml"
    assert state(folder) == "new"


def test_a_file_changed_after_the_kill_is_not_overwritten(tmp_path: Path) -> None:
    folder = write_register(tmp_path / "reg", MINI)
    for step in range(1, 60):
        proc = start(folder, step)
        assert proc.wait(timeout=60) == -signal.SIGKILL
        journal = folder / files.JOURNAL
        if journal.exists():
            entries = json.loads(journal.read_text(encoding="utf-8"))["files"]
            pending = [e for e in entries if files.file_digest(Path(e["target"])) == e["old"]]
            if pending:
                break
        for p in folder.iterdir():
            if p.name.startswith("."):
                p.unlink()
    else:
        pytest.fail("no kill left a file to finish")
    target = Path(pending[0]["target"])
    target.write_text(target.read_text(encoding="utf-8") + "# a colleague's edit\n", encoding="utf-8")
    with pytest.raises(RegisterInvalid) as refused:
        load(folder)
    assert refused.value.problems[0].key == "save_interrupted_conflict"
    assert target.read_text(encoding="utf-8").endswith("# a colleague's edit\n")  # theirs stays


def test_killed_at_random_moments_the_register_is_never_half_saved(tmp_path: Path) -> None:
    rounds = int(os.environ.get("DPIA_KILL_ROUNDS", "4"))  # `make fuzz` raises it
    rng = random.Random(int(os.environ.get("DPIA_KILL_SEED", "26")))
    folder = write_register(tmp_path / "reg", MINI)
    for _ in range(rounds):
        proc = start(folder)
        time.sleep(rng.uniform(0.0, 0.8))
        proc.kill()
        proc.wait(timeout=30)
        state(folder)
        leftovers = [p.name for p in folder.iterdir() if p.name not in MINI]
        assert all(name.startswith(".") for name in leftovers), leftovers
