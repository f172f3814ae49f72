"""Imported modules: a sector DPIA reused by a school (issue 18 part 2)."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from dpia import cli
from dpia.check import check
from dpia.io.problems import RegisterInvalid
from dpia.io.store import folder_checksum, load

REGISTER = """\
controller:
  id: school
  name: Testschool
  sector: vo
  public_authority: true
"""

MODULE = {
    "module.yaml": 'name: Sector-DPIA Testlas\npublisher: Sector (fictief)\nversion: "1.0"\n',
    "parties.yaml": textwrap.dedent("""\
        parties:
          - id: supplier
            name: Leverancier B.V.
            role: processor
            location: {country: NL}
        """),
    "systems.yaml": textwrap.dedent("""\
        systems:
          - id: las
            name: Testlas
            kind: pupil_administration
            operated_by: supplier
        """),
    "measures.yaml": textwrap.dedent("""\
        measures:
          - id: m-access
            label: {nl: Toegang per rol, en: Role-based access}
            kind: technical
            status: planned
            systems: [las]
        """),
}


def write_module(folder: Path, files: dict[str, str] = MODULE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_register(tmp_path: Path, own: str = "", modules: dict[str, dict[str, str]] | None = None) -> Path:
    reg = tmp_path / "reg"
    reg.mkdir()
    imports = []
    for name, files in (modules or {"sector": MODULE}).items():
        folder = write_module(reg / "modules" / name, files)
        version = re.search(r'version: "([^"]*)"', files["module.yaml"]).group(1)
        imports.append(f"  - id: {name}\n    source: modules/{name}\n    version: \"{version}\"\n"
                       f"    checksum: \"{folder_checksum(folder)}\"\n")
    (reg / "register.yaml").write_text(REGISTER + "imports:\n" + "".join(imports), encoding="utf-8")
    if own:
        (reg / "own.yaml").write_text(textwrap.dedent(own), encoding="utf-8")
    return reg


def test_module_entities_are_imported_and_findings_name_the_module(tmp_path, capsys):
    reg = make_register(tmp_path)
    loaded = load(reg)
    assert {p.id for p in loaded.register.parties} == {"supplier"}
    assert loaded.module_of("las").name == "Sector-DPIA Testlas"
    assert loaded.where("las").startswith(str(reg / "modules" / "sector" / "systems.yaml"))
    result = check(loaded.register, None, loaded.where, loaded.module_of)
    from_module = [f for f in result.findings if f.subjects[0] in ("supplier", "las", "m-access")]
    assert from_module and all(f.module == {"id": "sector", "name": "Sector-DPIA Testlas", "version": "1.0"}
                               for f in from_module)
    assert cli.main(["--lang", "en", "check", str(reg), "--format", "json"]) in (0, 1)
    doc = json.loads(capsys.readouterr().out)
    assert any(f["module"] and f["module"]["version"] == "1.0" for f in doc["findings"])


def test_override_wins_and_is_reported(tmp_path, capsys):
    reg = make_register(tmp_path, own="""\
        measures:
          - id: m-access
            label: {nl: Toegang per rol, en: Role-based access}
            kind: technical
            status: implemented
            systems: [las]
        """)
    loaded = load(reg)
    (measure,) = loaded.register.measures
    assert measure.status.value == "implemented"
    assert loaded.module_of("m-access") is None
    (o,) = loaded.overrides
    assert (o.entity_id, o.module, o.fields) == ("m-access", "sector", ("status",))
    assert cli.main(["--lang", "en", "validate", str(reg)]) == 0
    out = capsys.readouterr().out
    assert f"{reg}/own.yaml:2: m-access overrides the entry of module sector (different: status)" in out
    assert "module Sector-DPIA Testlas version 1.0" in out


def test_tampered_module_is_refused_with_its_place(tmp_path, capsys):
    reg = make_register(tmp_path)
    target = reg / "modules" / "sector" / "measures.yaml"
    target.write_bytes(target.read_bytes().replace(b"planned", b"plannee"))  # one byte changed
    with pytest.raises(RegisterInvalid) as exc:
        load(reg)
    (p,) = exc.value.problems
    assert p.key == "module_checksum" and p.file == str(reg / "register.yaml") and p.line == 10
    assert cli.main(["--lang", "en", "validate", str(reg)]) == 2
    err = capsys.readouterr().err
    assert "import 'sector': the checksum of 'modules/sector' does not match" in err
    assert folder_checksum(reg / "modules" / "sector") in err and "dpia diff" in err


def test_module_with_a_controller_is_refused(tmp_path):
    files = {**MODULE, "controller.yaml": REGISTER}
    reg = make_register(tmp_path, modules={"sector": files})
    with pytest.raises(RegisterInvalid) as exc:
        load(reg)
    assert [p.key for p in exc.value.problems] == ["module_controller"]
    assert exc.value.problems[0].file.endswith("modules/sector/controller.yaml")


def test_two_modules_with_one_id_are_refused_unless_the_school_overrides(tmp_path):
    other = {"module.yaml": 'name: Ander\nversion: "2"\n', "parties.yaml": MODULE["parties.yaml"]}
    reg = make_register(tmp_path, modules={"sector": MODULE, "other": other})
    with pytest.raises(RegisterInvalid) as exc:
        load(reg)
    assert [p.key for p in exc.value.problems] == ["module_clash"]
    (reg / "own.yaml").write_text(MODULE["parties.yaml"], encoding="utf-8")
    loaded = load(reg)
    assert {o.module for o in loaded.overrides} == {"sector", "other"}


@pytest.mark.parametrize("how", ["dotdot", "symlink", "file_link"])
def test_module_outside_the_register_is_refused(tmp_path, how):
    outside = write_module(tmp_path / "elsewhere")
    reg = tmp_path / "reg"
    reg.mkdir()
    if how == "dotdot":
        source = "../elsewhere"
    elif how == "symlink":
        (reg / "modules").symlink_to(outside)
        source = "modules"
    else:
        folder = write_module(reg / "modules" / "sector", {"module.yaml": MODULE["module.yaml"]})
        (folder / "parties.yaml").symlink_to(outside / "parties.yaml")
        source = "modules/sector"
    (reg / "register.yaml").write_text(REGISTER + f"imports:\n  - id: sector\n    source: {source}\n"
                                       f"    version: \"1.0\"\n    checksum: \"sha256:{'0' * 64}\"\n", encoding="utf-8")
    with pytest.raises(RegisterInvalid) as exc:
        load(reg)
    assert [p.key for p in exc.value.problems] == ["symlink_outside" if how == "file_link" else "module_outside"]


def test_saving_never_touches_module_files(tmp_path):
    reg = make_register(tmp_path)
    before = {p: p.read_bytes() for p in (reg / "modules").rglob("*.yaml")}
    loaded = load(reg)
    with pytest.raises(RegisterInvalid) as exc:
        loaded.update("m-access", status="implemented")
    assert exc.value.problems[0].key == "module_read_only"
    loaded.add("measures", {"id": "m-local", "label": {"nl": "Eigen", "en": "Own"}, "kind": "organisational",
                            "status": "implemented"})
    written = loaded.save()
    assert written == [reg / "register.yaml"]
    assert {p: p.read_bytes() for p in (reg / "modules").rglob("*.yaml")} == before
    assert {m.id for m in load(reg).register.measures} == {"m-access", "m-local"}


def test_a_new_module_version_is_shown_as_a_diff(tmp_path, capsys):
    old = write_module(tmp_path / "v1")
    new = write_module(tmp_path / "v2", {**MODULE, "measures.yaml": MODULE["measures.yaml"].replace(
        "Toegang per rol", "Toegang per rol en per school")})
    code = cli.main(["--lang", "en", "diff", str(old), str(new)])
    out = capsys.readouterr().out
    assert code == 0
    assert "label.nl: Toegang per rol → Toegang per rol en per school" in out


def test_the_example_imports_the_sector_dpia_for_magister():
    loaded = load(Path(__file__).parent.parent / "data" / "omo-helmond")
    (m,) = loaded.modules
    assert m.version == "2026.1" and "Magister" in m.name
    assert "magister" in {o.entity_id for o in loaded.overrides}


def test_the_report_names_the_sector_dpia_and_its_version():
    from dpia.documents.report import cover_html

    loaded = load(Path(__file__).parent.parent / "data" / "omo-helmond")
    result = check(loaded.register, None, loaded.where, loaded.module_of)
    html = cover_html(loaded.register, result, "nl", modules=loaded.modules)
    assert ("Deze DPIA bouwt voort op de sector-DPIA Magister (leerlingadministratie) (versie 2026.1) "
            "van Stichting Sectorprivacy Onderwijs (fictief)") in html
    assert "sector-magister" not in html


def test_module_checksum_command_prints_what_the_example_import_pins(capsys):
    data = Path(__file__).parent.parent / "data" / "omo-helmond"
    assert cli.main(["module", "checksum", str(data / "modules" / "sector-magister")]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("sha256:") and f'checksum: "{printed}"' in (data / "register.yaml").read_text(encoding="utf-8")


# An import entry is checked by the model (dpia.model.Import), with the located messages of any entity.
@pytest.mark.parametrize("change, line, expected", [
    (("    version:", "    versoin:"), 9,
     "imports[0]: unknown field 'versoin'; allowed: id, source, version, revision, checksum; did you mean 'version'?"),
    (("    checksum: \"sha256:", "    checksum: \"md5:"), 10, "does not have the form 'sha256:' followed by 64"),
    (('    version: "1.0"\n', ""), 7, "imports[0]: required field 'version' is missing"),
    (('    version: "1.0"', "    version: 1.0"), 9, "imports[0].version: expected text, found"),
    (("  - id: sector", "  - id: Sector Magister"), 7, "imports[0].id: "),
])
def test_a_wrong_import_entry_is_located_like_any_entity(tmp_path, capsys, change, line, expected):
    reg = make_register(tmp_path)
    text = (reg / "register.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    (reg / "register.yaml").write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(RegisterInvalid):
        load(reg)
    assert cli.main(["--lang", "en", "validate", str(reg)]) == 2
    err = capsys.readouterr().err
    assert f"{reg}/register.yaml:{line}:" in err and expected in err, err
    assert "Traceback" not in err
    assert cli.main(["--lang", "nl", "validate", str(reg)]) == 2
    assert f"{reg}/register.yaml:{line}:" in capsys.readouterr().err


def test_imports_that_are_not_a_list_are_refused_with_the_place(tmp_path, capsys):
    reg = make_register(tmp_path)
    text = (reg / "register.yaml").read_text(encoding="utf-8")
    (reg / "register.yaml").write_text(text.split("imports:")[0] + "imports: modules/sector\n", encoding="utf-8")
    assert cli.main(["--lang", "en", "validate", str(reg)]) == 2
    err = capsys.readouterr().err
    assert f"{reg}/register.yaml:6:" in err and "section 'imports' must be a list" in err


def single_file_register(tmp_path: Path, source: str = "modules/sector") -> Path:
    """A register of one YAML file with its module in a folder beside it."""
    folder = write_module(tmp_path / "modules" / "sector")
    path = tmp_path / "school.yaml"
    path.write_text(REGISTER + f'imports:\n  - id: sector\n    source: {source}\n    version: "1.0"\n'
                    f'    checksum: "{folder_checksum(folder)}"\n', encoding="utf-8")
    return path


def test_a_one_file_register_imports_a_module_beside_it(tmp_path, capsys):
    path = single_file_register(tmp_path)
    loaded = load(path)
    assert {s.id for s in loaded.register.systems} == {"las"}
    assert loaded.module_of("las").name == "Sector-DPIA Testlas"
    assert loaded.where("las") == f"{tmp_path}/modules/sector/systems.yaml:2"
    loaded.add("measures", {"id": "m-local", "label": {"nl": "Eigen", "en": "Own"}, "kind": "organisational",
                            "status": "implemented"})
    assert loaded.save() == [path]
    assert {m.id for m in load(path).register.measures} == {"m-access", "m-local"}
    assert cli.main(["--lang", "en", "validate", str(path)]) == 0
    assert "module Sector-DPIA Testlas version 1.0" in capsys.readouterr().out


def test_a_one_file_register_keeps_the_limits_of_a_folder(tmp_path, capsys):
    path = single_file_register(tmp_path, source="../modules/sector")
    assert cli.main(["--lang", "en", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:8:" in err and "lies outside the register folder" in err
    path = single_file_register(tmp_path)
    target = tmp_path / "modules" / "sector" / "parties.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("Leverancier", "Derde"), encoding="utf-8")
    assert cli.main(["--lang", "en", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:10:" in err and "does not match" in err


# ---- a module published as an archive (.tar.gz, .zip), read in memory and never extracted

def tar_bytes(members: list[tuple[str, bytes | None, bytes]], compress: str = "gz") -> bytes:
    """A tar of ``(name, content, type)`` members; type is a tarfile type (REGTYPE, SYMTYPE, ...)."""
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=f"w:{compress}" if compress else "w") as tar:
        for name, content, kind in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            if kind == tarfile.REGTYPE:
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
            else:
                info.linkname = "/etc/passwd"
                tar.addfile(info)
    return buf.getvalue()


def module_members(top: str = "sector-testlas-1.0/") -> list[tuple[str, bytes, bytes]]:
    import tarfile

    return [(top + name, text.encode("utf-8"), tarfile.REGTYPE) for name, text in MODULE.items()]


def zip_bytes(members: list[tuple[str, bytes]], modes: dict[str, int] | None = None) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members:
            info = zipfile.ZipInfo(name)
            if modes and name in modes:
                info.external_attr = modes[name] << 16
            z.writestr(info, content)
    return buf.getvalue()


def archive_register(tmp_path: Path, data: bytes, name: str = "sector-testlas-1.0.tar.gz", own: str = "") -> Path:
    """A register importing the archive ``data`` (pinned by its own checksum) as modules/NAME."""
    import hashlib

    reg = tmp_path / "reg"
    (reg / "modules").mkdir(parents=True)
    (reg / "modules" / name).write_bytes(data)
    (reg / "register.yaml").write_text(
        REGISTER + f'imports:\n  - id: sector\n    source: modules/{name}\n    version: "1.0"\n'
        f'    checksum: "sha256:{hashlib.sha256(data).hexdigest()}"\n', encoding="utf-8")
    if own:
        (reg / "own.yaml").write_text(textwrap.dedent(own), encoding="utf-8")
    return reg


OWN_MEASURE = """\
    measures:
      - id: m-access
        label: {nl: Toegang per rol, en: Role-based access}
        kind: technical
        status: implemented
        systems: [las]
    """


@pytest.mark.parametrize("kind", ["tar.gz", "tar", "zip"])
def test_an_archive_gives_the_same_entities_and_findings_as_the_folder(tmp_path, kind, capsys):
    members = module_members()
    if kind == "zip":
        data = zip_bytes([(n, c) for n, c, _ in members])
    else:
        data = tar_bytes(members, "gz" if kind == "tar.gz" else "")
    by_archive = load(archive_register(tmp_path / "a", data, f"sector-testlas-1.0.{kind}", own=OWN_MEASURE))
    (tmp_path / "f").mkdir()
    by_folder = load(make_register(tmp_path / "f", own=OWN_MEASURE))
    assert by_archive.register.model_dump() == by_folder.register.model_dump()
    assert by_archive.module_of("las").name == "Sector-DPIA Testlas"
    assert [(o.entity_id, o.fields) for o in by_archive.overrides] == [("m-access", ("status",))]
    archive = tmp_path / "a" / "reg" / "modules" / f"sector-testlas-1.0.{kind}"
    assert by_archive.where("las") == f"{archive}/systems.yaml:2"
    found = [check(x.register, None, x.where, x.module_of).findings for x in (by_archive, by_folder)]
    assert [(f.id, f.module) for f in found[0]] == [(f.id, f.module) for f in found[1]] and found[0]
    assert not list((tmp_path / "a").rglob("systems.yaml"))  # read in memory, nothing unpacked
    assert cli.main(["module", "checksum", str(archive)]) == 0
    assert capsys.readouterr().out.strip() in (tmp_path / "a" / "reg" / "register.yaml").read_text(encoding="utf-8")


def refused(reg: Path, capsys) -> str:
    """The message ``dpia validate`` gives (exit 2) for a register whose import is refused."""
    with pytest.raises(RegisterInvalid):
        load(reg)
    assert cli.main(["--lang", "en", "validate", str(reg)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert cli.main(["--lang", "nl", "validate", str(reg)]) == 2
    capsys.readouterr()
    return err


@pytest.mark.parametrize("member, kind, expected", [
    ("/etc/cron.d/evil.yaml", "REGTYPE", "points to a place outside the archive"),
    ("sector-testlas-1.0/../../evil.yaml", "REGTYPE", "points to a place outside the archive"),
    ("sector-testlas-1.0/link.yaml", "SYMTYPE", "is not a plain file (a link or a device)"),
    ("sector-testlas-1.0/hard.yaml", "LNKTYPE", "is not a plain file (a link or a device)"),
    ("sector-testlas-1.0/null", "CHRTYPE", "is not a plain file (a link or a device)"),
    ("sector-testlas-1.0/fifo", "FIFOTYPE", "is not a plain file (a link or a device)"),
    ("sector-testlas-1.0/parties.yaml", "REGTYPE", "is in it twice"),
])
def test_an_archive_member_that_is_not_a_plain_file_inside_is_refused(tmp_path, capsys, member, kind, expected):
    import tarfile

    data = tar_bytes([*module_members(), (member, b"parties: []\n", getattr(tarfile, kind))])
    reg = archive_register(tmp_path, data)
    err = refused(reg, capsys)
    assert f"{reg}/register.yaml:8:13: archive 'modules/sector-testlas-1.0.tar.gz': '{member}' {expected}" in err, err
    assert not (tmp_path / "evil.yaml").exists() and not list(tmp_path.rglob("evil.yaml"))


def test_a_zip_with_a_link_or_a_path_out_is_refused(tmp_path, capsys):
    import stat

    members = [(n, c) for n, c, _ in module_members()]
    for extra, modes, expected in [
        (("../evil.yaml", b""), None, "'../evil.yaml' points to a place outside the archive"),
        (("sector-testlas-1.0/link.yaml", b"/etc/passwd"), {"sector-testlas-1.0/link.yaml": stat.S_IFLNK | 0o777},
         "'sector-testlas-1.0/link.yaml' is not a plain file"),
    ]:
        reg = archive_register(tmp_path / str(len(expected)), zip_bytes([*members, extra], modes), "m.zip")
        err = refused(reg, capsys)
        assert f"{reg}/register.yaml:8:13: archive 'modules/m.zip': {expected}" in err, err


def test_an_archive_with_too_many_members_or_too_much_data_is_refused(tmp_path, capsys, monkeypatch):
    import tarfile

    from dpia.io import store

    many = [*module_members(), *((f"sector-testlas-1.0/x{i}.txt", b"", tarfile.REGTYPE) for i in range(12))]
    monkeypatch.setattr(store, "MAX_REGISTER_FILES", 10)  # the folder loader's limit, applied to the members
    reg = archive_register(tmp_path / "many", tar_bytes(many))
    assert "'modules/sector-testlas-1.0.tar.gz': more than 10 members" in refused(reg, capsys)
    monkeypatch.undo()
    # 5 MB of zeros compress to a few kB: refused by the sizes in the headers before it is unpacked
    bomb = [*module_members(), ("sector-testlas-1.0/big.yaml", bytes(5 * 2**20), tarfile.REGTYPE)]
    data = tar_bytes(bomb)
    assert len(data) < 100_000
    reg = archive_register(tmp_path / "bomb", data)
    err = refused(reg, capsys)
    assert f"{reg}/register.yaml:8:13: archive 'modules/sector-testlas-1.0.tar.gz': more than 4 MB when unpacked" in err


def test_a_damaged_or_empty_archive_is_refused(tmp_path, capsys):
    data = tar_bytes(module_members())
    reg = archive_register(tmp_path / "cut", data[: len(data) // 2])
    assert "cannot be read as .tar, .tar.gz or .zip" in refused(reg, capsys)
    reg = archive_register(tmp_path / "none", zip_bytes([("readme.txt", b"hello")]), "m.zip")
    assert "archive 'modules/m.zip' holds no YAML files" in refused(reg, capsys)


def test_a_changed_archive_is_refused_with_both_checksums_and_the_diff_hint(tmp_path, capsys):
    import hashlib

    data = tar_bytes(module_members())
    reg = archive_register(tmp_path, data)
    new = tar_bytes([(n, c.replace(b"planned", b"implemented"), k) for n, c, k in module_members()])
    (reg / "modules" / "sector-testlas-1.0.tar.gz").write_bytes(new)
    err = refused(reg, capsys)
    assert f"{reg}/register.yaml:10:" in err and "does not match" in err
    assert f"sha256:{hashlib.sha256(data).hexdigest()}" in err and f"sha256:{hashlib.sha256(new).hexdigest()}" in err
    assert "dpia diff" in err
    old = tmp_path / "old.tar.gz"
    old.write_bytes(data)
    assert cli.main(["--lang", "en", "diff", str(old), str(reg / "modules" / "sector-testlas-1.0.tar.gz")]) == 0
    assert "status: planned → implemented" in capsys.readouterr().out


def test_module_checksum_refuses_an_archive_a_register_would_refuse(tmp_path, capsys):
    import tarfile

    path = tmp_path / "evil.tar.gz"
    path.write_bytes(tar_bytes([*module_members(), ("../x.yaml", b"", tarfile.REGTYPE)]))
    assert cli.main(["--lang", "en", "module", "checksum", str(path)]) == 2
    assert f"{path}:1:1: archive '{path}': '../x.yaml' points to a place outside the archive" in capsys.readouterr().err


# ---- a module in a git repository inside the register, pinned to a full commit id

def git(repo: Path, *args: str) -> str:
    import subprocess

    env = {"GIT_AUTHOR_NAME": "Sector", "GIT_AUTHOR_EMAIL": "s@example.nl", "GIT_COMMITTER_NAME": "Sector",
           "GIT_COMMITTER_EMAIL": "s@example.nl", "PATH": os.environ["PATH"], "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def git_register(tmp_path: Path, revision: str | None = None, source: str | None = None, own: str = "") -> tuple[Path, str]:
    """A register whose module is a bare git repository in modules/sector.git (published by pushing
    the module's files), imported by a file:// URL pinned to the commit; returns it and the commit."""
    if shutil.which("git") is None:
        pytest.skip("no git")
    work = write_module(tmp_path / "publisher")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "version 1.0")
    commit = git(work, "rev-parse", "HEAD")
    reg = tmp_path / "reg"
    (reg / "modules").mkdir(parents=True)
    git(tmp_path, "clone", "-q", "--bare", str(work), str(reg / "modules" / "sector.git"))
    url = source or (reg / "modules" / "sector.git").as_uri()
    pin = f'    revision: "{revision or commit}"\n' if revision != "" else ""
    (reg / "register.yaml").write_text(
        REGISTER + f'imports:\n  - id: sector\n    source: {url}\n    version: "1.0"\n{pin}'
        f'    checksum: "{folder_checksum(work)}"\n', encoding="utf-8")
    if own:
        (reg / "own.yaml").write_text(textwrap.dedent(own), encoding="utf-8")
    return reg, commit


def test_a_git_module_pinned_to_a_commit_gives_what_the_folder_gives(tmp_path) -> None:
    reg, commit = git_register(tmp_path / "g", own=OWN_MEASURE)
    (tmp_path / "f").mkdir()
    by_git, by_folder = load(reg), load(make_register(tmp_path / "f", own=OWN_MEASURE))
    assert by_git.register.model_dump() == by_folder.register.model_dump()
    assert by_git.module_of("las").version == "1.0"
    found = [check(x.register, None, x.where, x.module_of).findings for x in (by_git, by_folder)]
    assert [(f.id, f.module) for f in found[0]] == [(f.id, f.module) for f in found[1]] and found[0]
    # a later commit in the repository changes nothing: the import is pinned to its commit
    work = tmp_path / "g" / "publisher"
    (work / "parties.yaml").write_text(MODULE["parties.yaml"].replace("Leverancier", "Andere"), encoding="utf-8")
    git(work, "-c", "core.hooksPath=/dev/null", "commit", "-qam", "1.1")
    git(work, "push", "-q", str(reg / "modules" / "sector.git"), "main")
    assert {p.name for p in load(reg).register.parties} == {"Leverancier B.V."}


@pytest.mark.parametrize("revision, expected", [
    ("main", "imports[0].revision: 'main' does not have the form a full commit id of 40 characters"),
    ("abc1234", "imports[0].revision: 'abc1234' does not have the form a full commit id of 40 characters"),
    ("", "the git repository '{url}' needs a 'revision': the full commit id the import is pinned to"),
    ("f" * 40, "git repository '{url}' cannot be read: commit " + "f" * 40 + " is not in the repository"),
])
def test_a_git_module_not_pinned_to_a_commit_is_refused(tmp_path, capsys, revision, expected) -> None:
    reg, _ = git_register(tmp_path, revision=revision)
    err = refused(reg, capsys)
    url = (reg / "modules" / "sector.git").as_uri()
    assert expected.format(url=url) in err and f"{reg}/register.yaml:" in err, err


@pytest.mark.parametrize("source, expected", [
    ("https://example.org/sector.git", "is not read; a module comes from a folder, an archive or a git repository"),
    ("ext::sh -c touch% {tmp}/pwned", "'revision' belongs only to a git repository"),  # a path, never run
    ("file:///etc", "lies outside the register folder"),
])
def test_a_git_url_elsewhere_is_refused(tmp_path, capsys, source, expected) -> None:
    reg, _ = git_register(tmp_path, source=source.format(tmp=tmp_path))
    err = refused(reg, capsys)
    assert f"{reg}/register.yaml:" in err and expected in err, err
    assert not (tmp_path / "pwned").exists()


def test_a_revision_with_a_folder_is_refused(tmp_path, capsys) -> None:
    reg = make_register(tmp_path)
    text = (reg / "register.yaml").read_text(encoding="utf-8")
    (reg / "register.yaml").write_text(text.replace("    checksum:", f"    revision: {'a' * 40}\n    checksum:"), encoding="utf-8")
    err = refused(reg, capsys)
    assert f"{reg}/register.yaml:10:" in err and "'revision' belongs only to a git repository" in err


# --------------------------------------------------------------------------------------------------
# Nothing read from outside, nothing large held in memory (issue 25)


def test_a_git_module_whose_gitdir_points_outside_is_refused(tmp_path, capsys) -> None:
    reg, commit = git_register(tmp_path)
    repo = reg / "modules" / "sector.git"
    elsewhere = tmp_path / "elsewhere.git"
    shutil.move(str(repo), str(elsewhere))
    repo.mkdir()
    (repo / ".git").write_text(f"gitdir: {elsewhere}\n", encoding="utf-8")  # the module's files live outside
    err = refused(reg, capsys)
    assert "reads from outside the register folder" in err and str(elsewhere) in err, err


def test_a_git_module_with_alternates_outside_is_refused(tmp_path, capsys) -> None:
    reg, _ = git_register(tmp_path)
    alternates = reg / "modules" / "sector.git" / "objects" / "info" / "alternates"
    alternates.parent.mkdir(parents=True, exist_ok=True)
    alternates.write_text(str(tmp_path / "other.git" / "objects") + "\n", encoding="utf-8")
    (tmp_path / "other.git" / "objects").mkdir(parents=True)
    assert "reads from outside the register folder" in refused(reg, capsys)


def test_a_commit_with_a_huge_file_is_refused_before_it_is_read(tmp_path, capsys) -> None:
    import time

    reg, _ = git_register(tmp_path)
    work = tmp_path / "publisher"
    (work / "big.bin").write_bytes(b"\0" * (64 * 2**20))  # 64 MB of zeros packs to a few kB
    git(work, "add", "big.bin")
    git(work, "-c", "core.hooksPath=/dev/null", "commit", "-qm", "big")
    git(work, "push", "-q", str(reg / "modules" / "sector.git"), "main")
    commit = git(work, "rev-parse", "HEAD")
    text = (reg / "register.yaml").read_text(encoding="utf-8")
    (reg / "register.yaml").write_text(re.sub(r'revision: "[0-9a-f]{40}"', f'revision: "{commit}"', text), encoding="utf-8")
    started = time.monotonic()
    err = refused(reg, capsys)
    assert "more than" in err and "MB" in err, err
    assert time.monotonic() - started < 10


def test_an_archive_with_a_huge_name_header_is_refused_without_reading_it(tmp_path, capsys) -> None:
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.GNU_FORMAT) as tar:
        info = tarfile.TarInfo("x" * (32 * 2**20))  # a 32 MB long-name header: gzip makes it a few kB
        info.size = 0
        tar.addfile(info, io.BytesIO(b""))
    data = buf.getvalue()
    assert len(data) < 2**20
    reg = archive_register(tmp_path, data)
    assert "more than" in refused(reg, capsys)
    assert cli.main(["--lang", "en", "module", "checksum", str(reg / "modules" / "sector-testlas-1.0.tar.gz")]) == 2
    assert "more than" in capsys.readouterr().err
