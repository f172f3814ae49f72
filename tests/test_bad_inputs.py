"""The corpus of broken registers (tests/bad_inputs/) and the no-lost-work guarantees of saving.

Every case goes through the ``dpia validate`` entry point in a separate process limited to 1 GB of
address space and a timeout, in English and in Dutch, and must give: exit code 2, the expected
message at the expected file:line:column, no traceback (nor the "internal error" line that stands in
for one), nothing on stdout, nothing written, and a bounded time. The committed cases share one
process; the dangerous ones (bomb, deep nesting, 50 MB, binary, pipes, devices) get their own.

Saving: a process that saves in a loop is killed (SIGKILL) at random moments and at each step of
the atomic write; the file is always the old or the new complete text, and a leftover temporary file
is a dot-file the loader does not read.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dpia.io.store import load, register_files

from .conftest import MINI, write_register

CORPUS = Path(__file__).parent / "bad_inputs"
BASE = {name: (CORPUS / "31-bad-enum" / name).read_text(encoding="utf-8").replace("public_tsak", "public_task") for name in ("register.yaml", "flows.yaml")}
MEMORY = 1 << 30  # bytes of address space for a validating process
CASE_SECONDS = 15  # per case and language: the slowest takes 1-4 s; before the fixes some took 25 s or hung
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    name: str
    where: str  # "file:line[:column]" relative to the folder; "." is the path given to dpia itself
    en: str
    nl: str
    isolated: bool = False
    build: Callable[[Path], Path] | None = None  # generated at test time: build under a folder, return the path
    unprivileged: bool = False  # run without root's right to read every file


def committed_cases() -> list[Case]:
    cases = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        fields = {}
        for line in (folder / "expected.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition(": ")
                fields[key.strip()] = value
        cases.append(Case(folder.name, fields["where"], fields["en"], fields["nl"], fields.get("isolated") == "yes"))
    return cases


# --------------------------------------------------------------------------------------------------
# Cases built at test time


def _base(folder: Path, **extra: bytes) -> Path:
    folder.mkdir(parents=True)
    for name, text in BASE.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in extra.items():
        (folder / name).write_bytes(data)
    return folder


def build_50mb(folder: Path) -> Path:
    folder.mkdir(parents=True)
    block = BASE["register.yaml"].encode() + b"".join(
        b"  - {id: p%d, name: Partij, role: processor}\n" % i for i in range(2000)
    )
    with (folder / "register.yaml").open("wb") as fh:
        while fh.tell() < 50 * 2**20:
            fh.write(block)
    return folder


def build_binary(folder: Path) -> Path:
    return _base(folder, **{"scan.yaml": random.Random(8).randbytes(64 * 1024)})


def build_spreadsheet(folder: Path) -> Path:
    # A spreadsheet from a supplier saved under a .yaml name (the import of spreadsheets is not
    # the loader's job; the loader must still say what it is, not crash).
    folder.mkdir(parents=True)
    with zipfile.ZipFile(folder / "leveranciers.yaml", "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t='inlineStr'><is><t>=HYPERLINK()</t></is></c></row></sheetData></worksheet>")
    data = (folder / "leveranciers.yaml").read_bytes()
    (folder / "leveranciers.yaml").write_bytes(data[: len(data) // 2])  # and broken: cut in half
    return folder


def build_pdf(folder: Path) -> Path:
    return _base(folder, **{"verwerkersovereenkomst.yaml": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"})


def build_latin1(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "register.yaml").write_bytes(BASE["register.yaml"].replace("Leverancier LAS", "Leverancier Caf\u00e9 LAS").encode("latin-1"))
    (folder / "flows.yaml").write_text(BASE["flows.yaml"], encoding="utf-8")
    return folder


def build_utf16(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "register.yaml").write_bytes(BASE["register.yaml"].encode("utf-16"))  # with a BOM, as Notepad writes it
    (folder / "flows.yaml").write_text(BASE["flows.yaml"], encoding="utf-8")
    return folder


def build_empty_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("not a register file\n")
    return folder


def build_symlink_loop(folder: Path) -> Path:
    _base(folder)
    os.symlink("loop-b.yaml", folder / "loop-a.yaml")
    os.symlink("loop-a.yaml", folder / "loop-b.yaml")
    return folder


def build_root_symlink_loop(folder: Path) -> Path:
    folder.mkdir(parents=True)
    os.symlink("register-b", folder / "register-a")
    os.symlink("register-a", folder / "register-b")
    return folder / "register-a"


def build_dangling_symlink(folder: Path) -> Path:
    _base(folder)
    os.symlink("elsewhere/parties.yaml", folder / "parties.yaml")
    return folder


def build_fifo(folder: Path) -> Path:
    _base(folder)
    os.mkfifo(folder / "pipe.yaml")  # reading would wait forever for a writer
    return folder


def build_dev_zero(folder: Path) -> Path:
    _base(folder)
    os.symlink("/dev/zero", folder / "zero.yaml")  # an endless file
    return folder


def build_directory(folder: Path) -> Path:
    _base(folder)
    (folder / "archive.yaml").mkdir()
    return folder


def build_unreadable(folder: Path) -> Path:
    # Mode 000. Root reads such a file anyway, so when the tests run as root the process runs under
    # setpriv without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: a real EACCES, no monkeypatching.
    _base(folder)
    os.chmod(folder / "flows.yaml", 0o000)
    return folder


def build_many_dangling(folder: Path) -> Path:
    # 300 ids and 3000 references to ids that do not exist: the "did you mean" search was
    # 900,000 string comparisons (about 25 s per run; hours for a 1 MB file) before it got a budget.
    folder.mkdir(parents=True)
    cats = "".join(f"  - {{id: cat{i}, label: {{nl: a, en: a}}, type: ordinary}}\n" for i in range(300))
    refs = ", ".join(f"cax{i}" for i in range(3000))
    (folder / "register.yaml").write_text(
        "controller: {id: board, name: Bestuur, sector: vo}\ndata_categories:\n" + cats + f"flows:\n  - {{id: f, from: board, to: board, categories: [{refs}]}}\n"
    )
    return folder


SECRET = "geheim-wachtwoord-7f3a"  # in a file outside the register: must never reach the output


def build_link_outside(folder: Path) -> Path:
    # A folder received from a supplier with a link to a file elsewhere on the reader's computer.
    outside = folder.parent / "elders"
    outside.mkdir(parents=True)
    (outside / "secret.yaml").write_text(f"{SECRET}: {SECRET}\n")
    _base(folder)
    os.symlink(outside / "secret.yaml", folder / "parties.yaml")
    return folder


def build_link_inside_folder_up(folder: Path) -> Path:
    # A relative link that climbs out of the folder.
    (folder.parent / "notes.yaml").parent.mkdir(parents=True, exist_ok=True)
    (folder.parent / "notes.yaml").write_text(f"{SECRET}: 1\n")
    _base(folder)
    os.symlink("../notes.yaml", folder / "notes.yaml")
    return folder


def build_csv_fifo(folder: Path) -> Path:
    _base(folder)
    os.mkfifo(folder / "flows.csv")
    return folder


def build_csv_link_to_passwd(folder: Path) -> Path:
    _base(folder)
    os.symlink("/etc/passwd", folder / "schools.csv")
    return folder


def build_csv_huge(folder: Path) -> Path:
    _base(folder)
    with (folder / "flows.csv").open("wb") as fh:  # sparse: 600 MB on paper, nothing on disk
        fh.write(b"id,from,to,categories\n")
        fh.truncate(600 * 2**20)
    return folder


def build_inventory_csv_huge(folder: Path) -> Path:
    _base(folder)
    with (folder / "schools.csv").open("wb") as fh:
        fh.write(b"id,name\n")
        fh.truncate(40 * 2**20)
    return folder


def build_many_files(folder: Path) -> Path:
    _base(folder)
    for i in range(1001):
        (folder / f"leeg-{i:04}.yaml").write_text("")
    return folder


def build_too_much_yaml(folder: Path) -> Path:
    # Nine files just under the per-file limit: 4.5 MB of YAML, each file allowed on its own.
    _base(folder)
    line = b"# " + b"x" * 97 + b"\n"
    for i in range(9):
        (folder / f"bijlage-{i}.yaml").write_bytes(line * (510 * 1024 // len(line)))
    return folder


def build_csv_stray_cr(folder: Path) -> Path:
    # Found by `make fuzz` (bulk CSV): a lone CR in the header line crashed the header parser.
    _base(folder)
    (folder / "parties.csv").write_bytes(b"id,\rname,role\np-x,X,processor\n")
    return folder


def build_csv_huge_cell(folder: Path) -> Path:
    # A 200,000-character cell: over the csv module's field limit, which crashed the row reader.
    _base(folder)
    (folder / "parties.csv").write_text("id,name,role\np-x,\"" + "x" * 200_000 + "\",processor\n")
    return folder


GENERATED = [
    Case("g01-file-of-50-mb", "register.yaml:1:1", "the file is 50 MB; a register file may be at most 0.5 MB", "bestand is 50 MB; een registerbestand mag hoogstens 0,5 MB zijn", True, build_50mb),
    Case("g02-binary-garbage", "scan.yaml:1:1", "the file holds binary data (NUL characters), not YAML text", "bestand bevat binaire gegevens", True, build_binary),
    Case("g03-broken-spreadsheet", "leveranciers.yaml:1:1", "the file holds binary data", "bestand bevat binaire gegevens", False, build_spreadsheet),
    Case("g04-pdf-named-yaml", "verwerkersovereenkomst.yaml:2:2", "the file is not valid UTF-8 (byte 0xe2 at offset 10)", "bestand is geen geldige UTF-8 (byte 0xe2", False, build_pdf),
    Case("g05-latin-1", "register.yaml:15:26", "the file is not valid UTF-8 (byte 0xe9", "bestand is geen geldige UTF-8 (byte 0xe9", False, build_latin1),
    Case("g06-utf-16-with-bom", "register.yaml:1:1", "the file is encoded as UTF-16; save it as UTF-8", "bestand is als UTF-16 opgeslagen", False, build_utf16),
    Case("g07-empty-folder", ".:1:1", "the folder holds no register files (*.yaml or *.yml)", "de map bevat geen registerbestanden", False, build_empty_folder),
    Case("g08-symlink-loop", "loop-a.yaml:1:1", "cannot read the file: Too many levels of symbolic links", "bestand kan niet gelezen worden: te veel niveaus van symbolische koppelingen", False, build_symlink_loop),
    Case("g09-register-is-a-symlink-loop", ".:1:1", "cannot read the file: Too many levels of symbolic links", "bestand kan niet gelezen worden: te veel niveaus", False, build_root_symlink_loop),
    Case("g10-dangling-symlink", "parties.yaml:1:1", "cannot read the file: No such file or directory", "bestand kan niet gelezen worden: bestand of map bestaat niet", False, build_dangling_symlink),
    Case("g11-named-pipe", "pipe.yaml:1:1", "cannot read the file: not a regular file", "bestand kan niet gelezen worden: geen gewoon bestand", True, build_fifo),
    Case("g12-dev-zero", "zero.yaml:1:1", "the file is a symbolic link to /dev/zero, outside the register folder", "symbolische koppeling naar /dev/zero, buiten de registermap", True, build_dev_zero),
    Case("g13-folder-named-yaml", "archive.yaml:1:1", "cannot read the file: Is a directory", "bestand kan niet gelezen worden: dit is een map", False, build_directory),
    Case("g14-unreadable-file", "flows.yaml:1:1", "cannot read the file: Permission denied", "bestand kan niet gelezen worden: geen toegang", True, build_unreadable, unprivileged=True),
    Case("g15-thousands-of-dangling-refs", "register.yaml:304:", "flows[0] (f).categories[0]: 'cax0' refers to nothing", "'cax0' verwijst naar niets", True, build_many_dangling),
    Case("g16-link-to-a-file-elsewhere", "parties.yaml:1:1", "is a symbolic link to /", "buiten de registermap", False, build_link_outside),
    Case("g17-relative-link-out-of-the-folder", "notes.yaml:1:1", "symbolic link to ../notes.yaml, outside the register folder", "buiten de registermap", False, build_link_inside_folder_up),
    Case("g18-flows-csv-is-a-pipe", "flows.csv:1:1", "cannot read the file: not a regular file", "geen gewoon bestand", True, build_csv_fifo),
    Case("g19-csv-link-to-etc-passwd", "schools.csv:1:1", "symbolic link to /etc/passwd, outside the register folder", "buiten de registermap", False, build_csv_link_to_passwd),
    Case("g20-flows-csv-of-600-mb", "flows.csv:1:1", "the file is 600 MB; flows.csv may be at most 512 MB", "flows.csv mag hoogstens 512 MB zijn", True, build_csv_huge),
    Case("g21-schools-csv-of-40-mb", "schools.csv:1:1", "the file is 40 MB; schools.csv may be at most 32 MB", "schools.csv mag hoogstens 32 MB", True, build_inventory_csv_huge),
    Case("g22-a-thousand-and-one-files", ".:1:1", "the folder holds 1,003 register files; a register may have at most 1,000", "hoogstens 1.000 hebben", False, build_many_files),
    Case("g24-csv-lone-carriage-return", "parties.csv:1:1", "a lone carriage return (CR) inside a line", "los regeleinde-teken (CR)", False, build_csv_stray_cr),
    Case("g25-csv-cell-of-200000-characters", "parties.csv:2:1", "a cell is longer than 131,072 characters", "een cel is langer dan 131.072 tekens", False, build_csv_huge_cell),
    Case("g23-too-much-yaml-in-all", ".:1:1", "the folder's YAML files add up to 4.5 MB; a register may hold at most 4 MB of YAML", "samen 4,5 MB", True, build_too_much_yaml),
]
CASES = committed_cases() + GENERATED


def test_the_corpus_has_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


# --------------------------------------------------------------------------------------------------
# Running dpia validate in a limited process


# Runs `dpia validate` (through dpia.cli.main, the console script's function) on every path given, in
# both languages, and prints one JSON line per run. A crash is caught and printed as its traceback so
# that one bad case cannot hide the others.
DRIVER = r"""
import contextlib, io, json, sys, time, traceback
from dpia.cli import main
for path in sys.argv[1:]:
    for lang in ("en", "nl"):
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--lang", lang, "validate", "-q", path])
        except BaseException:
            code = "crash"
            err.write(traceback.format_exc())
        seconds = time.perf_counter() - started
        print(json.dumps({"path": path, "lang": lang, "code": code, "stdout": out.getvalue(),
                          "stderr": err.getvalue(), "seconds": seconds}), flush=True)
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


NO_READ_ALL = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def run_validate(paths: list[Path], timeout: float, unprivileged: bool = False, processes: int = 1) -> dict[tuple[str, str], dict]:
    """Validate ``paths`` in ``processes`` limited processes running side by side; results by (path, lang)."""
    prefix = []
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: a file of mode 000 is readable")
        prefix = NO_READ_ALL
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [*prefix, sys.executable, "-c", DRIVER, *map(str, paths[i::processes])],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_limit_memory, env=env, cwd="/",
        )
        for i in range(processes)
    ]
    results = {}
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            raise
        assert "Traceback" not in err, err[-3000:]
        for line in out.splitlines():
            r = json.loads(line)
            results[(r["path"], r["lang"])] = r
    assert len(results) == 2 * len(paths), [p.returncode for p in procs]
    return results


def snapshot(path: Path) -> dict[str, object]:
    """Everything under ``path`` without following links or opening pipes: names, kinds, bytes."""
    out: dict[str, object] = {}
    top = path if path.is_dir() and not path.is_symlink() else path.parent
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            rel = str(p.relative_to(top))
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                out[rel] = ("dir",)
            elif not p.is_file():
                out[rel] = ("special", st.st_mode)
            elif st.st_mode & 0o444 == 0:
                out[rel] = ("unreadable", st.st_size, st.st_mtime_ns)
            elif st.st_size > 64 * 2**20:  # the sparse giants: not read into the test's own memory
                out[rel] = ("large", st.st_size, st.st_mtime_ns)
            else:
                out[rel] = p.read_bytes()
    return out


def expected_prefix(case: Case, path: Path) -> str:
    file, _, place = case.where.partition(":")
    shown = str(path) if file == "." else f"{path}/{file}"
    return f"{shown}:{place}" + ("" if place.endswith(":") else ":")  # "12" means line 12, any column


def check(case: Case, path: Path, results: dict[tuple[str, str], dict]) -> None:
    prefix = expected_prefix(case, path)
    for lang, fragment in (("en", case.en), ("nl", case.nl)):
        r = results[(str(path), lang)]
        err = r["stderr"]
        assert r["code"] == 2, (lang, r)
        assert "Traceback" not in err and "internal error" not in err and "interne fout" not in err, err[-3000:]
        assert "Warning" not in err, err[-3000:]  # a library's warning is noise to the reader, and a sign of a gap
        assert r["stdout"] == "", r["stdout"][:500]
        assert SECRET not in err  # nothing of a file outside the register reaches the reader
        lines = err.splitlines()
        hits = [line for line in lines if line.startswith(prefix) and fragment in line]
        assert hits, f"{lang}: no line starts with {prefix!r} and holds {fragment!r}:\n" + "\n".join(lines[:20])
        # Causes first: the case's problem is the first line printed (a case holds one mistake; when it
        # shows in several places, as an anchor and its alias, the first line is the same problem).
        first = lines[0].removeprefix(str(path)).split(": ", 1)[-1]
        assert lines[0] == hits[0] or first == hits[0].removeprefix(str(path)).split(": ", 1)[-1], \
            f"{lang}: the expected problem is not the first line:\n" + "\n".join(lines[:20])
        assert r["seconds"] < CASE_SECONDS, (lang, r["seconds"])


# --------------------------------------------------------------------------------------------------
# The corpus


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[dict[str, Path], dict, dict[str, tuple[object, object]]]:
    """Run every case that is not isolated in one limited process; return paths, results, snapshots."""
    root = tmp_path_factory.mktemp("bad_inputs")
    paths: dict[str, Path] = {}
    for case in CASES:
        if case.isolated:
            continue
        if case.build is None:
            paths[case.name] = root / case.name
            # a copy, so that a loader that wrote would not touch the repository
            subprocess.run(["cp", "-a", str(CORPUS / case.name), str(root / case.name)], check=True)
            (root / case.name / "expected.txt").unlink()
        else:
            paths[case.name] = case.build(root / case.name)
    before = {name: snapshot(p) for name, p in paths.items()}
    results = run_validate(list(paths.values()), timeout=180, processes=2)
    after = {name: snapshot(p) for name, p in paths.items()}
    return paths, results, {name: (before[name], after[name]) for name in paths}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, request, tmp_path: Path) -> None:
    if case.isolated:
        path = case.build(tmp_path / case.name) if case.build else tmp_path / case.name
        if case.build is None:
            subprocess.run(["cp", "-a", str(CORPUS / case.name), str(path)], check=True)
            (path / "expected.txt").unlink()
        before = snapshot(path)
        results = run_validate([path], timeout=60, unprivileged=case.unprivileged)
        assert snapshot(path) == before, "dpia validate wrote something"
    else:
        paths, results, snapshots = request.getfixturevalue("batch")
        path = paths[case.name]
        before, after = snapshots[case.name]
        assert after == before, "dpia validate wrote something"
    check(case, path, results)


def test_no_object_was_constructed() -> None:
    # The tag cases ask for os.system('touch /tmp/dpia-pwned'); had anything run it, this file would exist.
    assert not Path("/tmp/dpia-pwned").exists()


# --------------------------------------------------------------------------------------------------
# Cause first: a file-level failure is the first line, and what dangles only because of it is counted


_PARTIES_START = BASE["register.yaml"].index("parties:\n")
_PARTIES_END = BASE["register.yaml"].index("systems:\n")
PARTIES_YAML = BASE["register.yaml"][_PARTIES_START:_PARTIES_END]  # the supplier, which the other files name


def _split(folder: Path, parties: bytes | None) -> Path:
    """BASE with its parties in parties.yaml (``parties``: its bytes; None: leave it to the caller):
    systems and agreements in the other files refer to the supplier defined there."""
    folder.mkdir(parents=True)
    text = BASE["register.yaml"]
    (folder / "register.yaml").write_text(text[:_PARTIES_START] + text[_PARTIES_END:], encoding="utf-8")
    (folder / "flows.yaml").write_text(BASE["flows.yaml"], encoding="utf-8")
    if parties is not None:
        (folder / "parties.yaml").write_bytes(parties)
    return folder


def _unreadable_parties(folder: Path) -> Path:
    _split(folder, PARTIES_YAML.encode())
    os.chmod(folder / "parties.yaml", 0o000)
    return folder


def _parties_link_outside(folder: Path) -> Path:
    _split(folder, None)
    (folder.parent / "elders").mkdir(parents=True, exist_ok=True)
    (folder.parent / "elders" / "parties.yaml").write_text(PARTIES_YAML)
    os.symlink(folder.parent / "elders" / "parties.yaml", folder / "parties.yaml")
    return folder


# (name, build, cause fragment in English, in Dutch, references left unchecked or None when loading stops
# at the cause, unprivileged)
FILE_LEVEL = [
    ("encoding-utf-16", lambda f: _split(f, PARTIES_YAML.encode("utf-16")), "encoded as UTF-16", "als UTF-16 opgeslagen", 2, False),
    ("encoding-windows-1252", lambda f: _split(f, PARTIES_YAML.replace("LAS", "Café").encode("cp1252")),
     "not valid UTF-8 (byte 0xe9", "geen geldige UTF-8 (byte 0xe9", 2, False),
    ("tabs", lambda f: _split(f, PARTIES_YAML.replace("    name:", "\tname:").encode()), "a tab character", "tab-teken", 2, False),
    ("empty", lambda f: _split(f, b""), "the file is empty", "bestand is leeg", 2, False),
    ("binary", lambda f: _split(f, b"\x00\x01PK" + random.Random(3).randbytes(4096)), "binary data", "binaire gegevens", 2, False),
    ("too-large", lambda f: _split(f, (PARTIES_YAML + "# " + "x" * 100 + "\n") .encode() * 6000), "a register file may be at most",
     "een registerbestand mag hoogstens", 2, False),
    ("unreadable", _unreadable_parties, "Permission denied", "geen toegang", 2, True),
    ("symlink-out-of-the-folder", _parties_link_outside, "outside the register folder", "buiten de registermap", None, False),
]
DANGLING = ("refers to nothing", "verwijst naar niets")


@pytest.mark.parametrize("case", FILE_LEVEL, ids=[c[0] for c in FILE_LEVEL])
def test_a_file_level_failure_is_printed_first_and_its_consequences_are_counted(case, tmp_path: Path) -> None:
    name, build, en, nl, unchecked, unprivileged = case
    path = build(tmp_path / name)
    before = snapshot(path)
    results = run_validate([path], timeout=60, unprivileged=unprivileged)
    assert snapshot(path) == before
    for lang, fragment in (("en", en), ("nl", nl)):
        r = results[(str(path), lang)]
        lines = r["stderr"].splitlines()
        assert r["code"] == 2 and r["stdout"] == "" and "Traceback" not in r["stderr"], r
        assert lines[0].startswith(f"{path}/parties.yaml:") and fragment in lines[0], lines
        assert not [line for line in lines if any(d in line for d in DANGLING)], lines
        if unchecked is None:
            assert len(lines) == 2, lines  # the cause, then the verdict: nothing was read after it
        else:
            # one line after the cause, at the cause's place, counting the references to the supplier
            assert len(lines) == 3 and lines[1].startswith(lines[0].split(": ", 1)[0] + ": "), lines
            want = f"{unchecked} references to" if lang == "en" else f"{unchecked} verwijzingen naar"
            assert want in lines[1] and "parties" in lines[1].split(": ", 1)[1], lines


# --------------------------------------------------------------------------------------------------
# No lost work: killed or failing saves


# A process that loads the register, edits one name and saves, alternately "A" and "B", forever;
# or (mode "write") that writes two large texts alternately with atomic_write. With a kill point
# ("fsync", "replace", ...) it kills itself with SIGKILL at that step of the first save instead.
SAVER = r"""
import os, signal, sys
from pathlib import Path
from dpia.io import files, store
mode, folder, kill_at = sys.argv[1], Path(sys.argv[2]), sys.argv[3]

def die(*_a, **_k):
    os.kill(os.getpid(), signal.SIGKILL)

if kill_at.startswith("plain-"):  # where the system cannot exchange two files: check, then rename
    kill_at = kill_at[len("plain-"):]
    files.exchange_files = lambda a, b: False
if kill_at != "-":
    real = {"mkstemp": files.tempfile.mkstemp, "fsync": files.os.fsync, "replace": files.os.replace,
            "chmod": files.os.chmod, "fdopen": files.os.fdopen, "exchange": files.exchange_files,
            "unlink": files.os.unlink}
    def at(step):
        def hook(*a, **k):
            if step == kill_at:
                die()
            result = real[step](*a, **k)
            if step + "-after" == kill_at:
                die()
            return result
        return hook
    files.tempfile.mkstemp = at("mkstemp")
    files.os.fsync = at("fsync")
    files.os.replace = at("replace")
    files.os.chmod = at("chmod")
    files.exchange_files = at("exchange")
    files.os.unlink = at("unlink")
    if kill_at == "half-written":
        real_fdopen = files.os.fdopen
        class Half:
            def __init__(self, fh): self.fh = fh
            def __enter__(self): return self
            def __exit__(self, *a): return self.fh.__exit__(*a)
            def write(self, data):
                self.fh.write(data[: len(data) // 2]); self.fh.flush(); os.fsync(self.fh.fileno()); die()
            def __getattr__(self, name): return getattr(self.fh, name)
        files.os.fdopen = lambda *a, **k: Half(real_fdopen(*a, **k))
print("ready", flush=True)
i = 0
while True:
    i += 1
    if mode == "save":
        loaded = store.load(folder)
        loaded.update("supplier", name="A" if i % 2 else "B")
        loaded.save()
    else:
        files.atomic_write(folder / "register.yaml", ("A" if i % 2 else "B") * 4_000_000 + "\n")
    if kill_at != "-":
        sys.exit(3)  # the kill point was never reached
"""


def _start_saver(mode: str, folder: Path, kill_at: str = "-") -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", SAVER, mode, str(folder), kill_at], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> set[bytes]:
    """The complete texts register.yaml may hold: the original, and after each of the two edits."""
    texts = set()
    for name in ("A", "B"):
        copy = write_register(tmp_path_factory.mktemp("versions") / name, MINI)
        texts.add((copy / "register.yaml").read_bytes())
        loaded = load(copy)
        loaded.update("supplier", name=name)
        loaded.save()
        texts.add((copy / "register.yaml").read_bytes())
    return texts


def _assert_intact(folder: Path, allowed: set[bytes]) -> None:
    assert (folder / "register.yaml").read_bytes() in allowed, "register.yaml holds neither the old nor a new text"
    leftovers = [p.name for p in folder.iterdir() if p.name not in MINI]
    assert all(name.startswith(".") and name.endswith(".tmp") for name in leftovers), leftovers
    files, problems = register_files(folder)
    assert not problems and [p.name for p in files] == sorted(MINI)  # the loader does not see them
    load(folder)  # and the register loads


# "exchange": the compare-and-swap rename; "unlink": removing the old file it swapped out.
KILL_POINTS = ["mkstemp", "half-written", "fsync", "fsync-after", "chmod", "exchange", "exchange-after", "unlink",
               "plain-replace", "plain-replace-after"]


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_save_killed_at_each_step_leaves_old_or_new(tmp_path: Path, versions: set[bytes], kill_at: str) -> None:
    folder = write_register(tmp_path / "reg", MINI)
    old = (folder / "register.yaml").read_bytes()
    allowed = versions
    proc = _start_saver("save", folder, kill_at)
    assert proc.wait(timeout=60) == -signal.SIGKILL
    _assert_intact(folder, allowed)
    after = (folder / "register.yaml").read_bytes()
    if kill_at in ("mkstemp", "half-written", "fsync", "fsync-after", "chmod", "exchange", "plain-replace"):
        assert after == old  # killed before the rename: the old text
    else:
        assert after != old  # killed after it: the new one, complete


def kill_at_random(tmp_path: Path, versions: set[bytes], mode: str, rounds: int, seed: int) -> None:
    """Kill a saving process at random moments, ``rounds`` times. In mode "save" most of a round is
    spent parsing and validating; mode "write" spends it writing 4 MB files, so kills land mid-write."""
    rng = random.Random(seed)
    folder = write_register(tmp_path / "reg", MINI)
    allowed = versions | {b"A" * 4_000_000 + b"\n", b"B" * 4_000_000 + b"\n"}
    for _ in range(rounds):
        proc = _start_saver(mode, folder)
        time.sleep(rng.uniform(0.0, 0.6))
        proc.kill()
        proc.wait(timeout=30)
        if mode == "save":
            _assert_intact(folder, allowed)
        else:
            assert (folder / "register.yaml").read_bytes() in allowed
            assert all(p.name.startswith(".") for p in folder.iterdir() if p.name not in MINI)
        for p in folder.iterdir():  # leftovers checked: clear them, they would pile up over many rounds
            if p.name.startswith("."):
                p.unlink()


@pytest.mark.parametrize("mode", ["save", "write"])
def test_save_killed_at_random_moments(tmp_path: Path, versions: set[bytes], mode: str) -> None:
    rounds = int(os.environ.get("DPIA_KILL_ROUNDS", "4"))  # `make fuzz` raises it
    kill_at_random(tmp_path, versions, mode, rounds=rounds, seed=int(os.environ.get("DPIA_KILL_SEED", "20")))


def test_a_failing_write_leaves_the_old_file_and_no_temporary(mini: Path, monkeypatch) -> None:
    # test_save covers a failing rename; here the disk fills up during the write itself.
    from dpia.io import files

    before = {p.name: p.read_bytes() for p in mini.iterdir()}
    loaded = load(mini)
    loaded.update("supplier", name="Vol")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return self.fh.__exit__(*a)

        def write(self, data):
            self.fh.write(data[:100])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        loaded.save()
    assert {p.name: p.read_bytes() for p in mini.iterdir()} == before
