"""Outputs never touch the register: every file a command writes goes through ``dpia.io.files``,
which refuses (exit 2, a message naming both paths, nothing written) an output inside the register
folder or equal to a file it reads, a link, a device, and a read-only file unless ``--force``."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from dpia.cli import main
from dpia.io.files import OutputRefused, check_output, write_output

from .conftest import EXAMPLE


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def register(tmp_path: Path) -> Path:
    folder = tmp_path / "register"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.mark.parametrize("argv", [
    ["report", "{reg}", "--on", "2026-11-29", "-o", "{reg}/parties.yaml"],
    ["letter", "{reg}", "--on", "2026-11-29", "--draft", "-o", "{reg}/promises.yaml"],
    ["privacy-statement", "{reg}", "-o", "{reg}/register.yaml"],
    ["export-art30", "{reg}", "-o", "{reg}/flows.csv"],
    ["export-register", "{reg}", "-o", "{reg}/new.xlsx"],
    ["breach", "{reg}", "--at", "snelsms", "--map", "{reg}/kaart.png"],
])
def test_an_output_inside_the_register_is_refused_and_nothing_is_written(register: Path, argv, capsys) -> None:
    before = digests(register)
    code = main([a.format(reg=register) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert str(register) in err and "register" in err  # names both the output and the register
    assert digests(register) == before


def test_a_one_file_register_cannot_be_its_own_output(tmp_path: Path, capsys) -> None:
    one = tmp_path / "register.yaml"
    shutil.copy(Path(__file__).parent.parent / "data" / "omo-helmond" / "register.yaml", one)
    before = one.read_bytes()
    code = main(["privacy-statement", str(one), "-o", str(one)])
    assert code == 2 and one.read_bytes() == before
    assert str(one) in capsys.readouterr().err


def test_a_link_into_the_register_is_never_written_through(register: Path, tmp_path: Path, capsys) -> None:
    link = tmp_path / "melding.html"
    link.symlink_to(register / "breaches.yaml")
    before = digests(register)
    code = main(["breach", str(register), "--breach", "lek-fotograaf-usb", "--on", "2026-11-29",
                 "--form", str(link)])
    assert code == 2 and digests(register) == before
    assert "koppeling" in capsys.readouterr().err


def test_a_device_is_not_an_output(register: Path, capsys) -> None:
    for device in ("/dev/null", "/dev/full"):
        if not os.path.exists(device):
            continue
        code = main(["privacy-statement", str(register), "-o", device])
        assert code == 2
        assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device, not a regular file
        assert "geen gewoon bestand" in capsys.readouterr().err


def test_a_read_only_output_is_kept_unless_forced(register: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "verklaring.html"
    target.write_text("oud", encoding="utf-8")
    target.chmod(0o444)
    assert main(["privacy-statement", str(register), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "oud"
    assert "--force" in capsys.readouterr().err
    assert main(["privacy-statement", str(register), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_ordinary_output_is_written_whole_with_ordinary_permissions(register: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "verklaring.html"
    assert main(["privacy-statement", str(register), "-o", str(target)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["verklaring.html"]  # no temporary left


def test_the_writer_refuses_before_it_writes(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "a.yaml").write_text("x", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.yaml").symlink_to(folder / "a.yaml")
    with pytest.raises(OutputRefused) as refused:
        write_output(outside / "b.yaml", "y", protect=[folder])
    assert refused.value.key == "output_is_link"
    assert (folder / "a.yaml").read_text(encoding="utf-8") == "x"
    # a path that reaches the register through a linked folder resolves into it
    (tmp_path / "via").symlink_to(folder, target_is_directory=True)
    with pytest.raises(OutputRefused) as refused:
        check_output(tmp_path / "via" / "new.html", protect=[folder])
    assert refused.value.key == "output_in_register"


def test_the_breach_csv_neutralises_formulas(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "register"
    shutil.copytree(EXAMPLE, folder)
    data = folder / "data.yaml"
    text = data.read_text(encoding="utf-8")
    assert "nl: Naam" in text
    data.write_text(text.replace("nl: Naam", "nl: \"=cmd|' /C calc'!A0\"", 1), encoding="utf-8")
    assert main(["breach", str(folder), "--at", "snelsms", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "=cmd" in out and not any(cell.startswith("=") for line in out.splitlines() for cell in line.split(","))


def test_validate_as_json_names_half_a_surrogate_pair_without_crashing(tmp_path: Path, capsys) -> None:
    import json

    folder = tmp_path / "register"
    shutil.copytree(EXAMPLE, folder)
    parties = folder / "parties.yaml"
    text = parties.read_text(encoding="utf-8")
    parties.write_text(text.replace("name: Iddink Group B.V.", 'name: "Iddink \\ud800 Group"', 1), encoding="utf-8")
    assert main(["validate", str(folder), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in doc["problems"]] == ["invisible_character"]
    assert "<U+D800>" in doc["problems"][0]["message"]


def test_running_out_of_memory_is_said_plainly(register: Path, monkeypatch, capsys) -> None:
    import dpia.cli as cli

    def exhausted(args):
        raise MemoryError

    monkeypatch.setitem(cli.COMMANDS, "validate", exhausted)
    assert main(["validate", str(register)]) == 2
    err = capsys.readouterr().err
    assert "niet genoeg geheugen" in err and "interne fout" not in err
