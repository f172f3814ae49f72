"""Fuzzing the loader: whatever bytes a supplier sends, ``load`` returns a register or raises
``RegisterInvalid`` whose every problem has a place (file, line >= 1, column >= 1, the line inside
the file) and a message in Dutch and English. Never another exception, never a hang.

Not part of ``make test``: these run only with ``DPIA_FUZZ=1`` (``make fuzz``). The number of examples
per strategy is ``DPIA_FUZZ_EXAMPLES`` (default 3000). A crash found here becomes a case in
tests/bad_inputs/ and is fixed in dpia/io/store.py.
"""

from __future__ import annotations

import io
import os
import re
import resource
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from dpia.model import SECTIONS
from dpia.io.store import load, MAX_FILE_BYTES
from dpia.io.problems import RegisterInvalid
from dpia.analysis.summary import summary_lines

from .conftest import MINI
from .strategies import registers

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DPIA_FUZZ"), reason="fuzzing: run `make fuzz`"),
    pytest.mark.filterwarnings("error"),  # a warning printed by the loader (e.g. ruamel's) is a finding too
]

EXAMPLES = int(os.environ.get("DPIA_FUZZ_EXAMPLES", "3000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # timing is asserted in check_register, generously: the machine may be busy
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
SLOW = 20  # seconds
MINI_TEXTS = {name: textwrap.dedent(text) for name, text in MINI.items()}
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

# Statistics for the closing note: examples run per test and the time spent.
STATS: dict[str, list[float]] = {}


def _count(name: str, started: float) -> None:
    n, seconds = STATS.get(name, [0, 0.0])
    STATS[name] = [n + 1, seconds + time.perf_counter() - started]


@pytest.fixture(scope="module", autouse=True)
def _report_stats(request):
    yield
    total = sum(n for n, _ in STATS.values())
    seconds = sum(s for _, s in STATS.values())
    lines = [f"  {name}: {int(n)} examples, {s:.0f} s" for name, (n, s) in sorted(STATS.items())]
    lines.append(f"  total: {int(total)} examples, {seconds:.0f} s in load()")
    _say(request, "", "fuzzing:", *lines)


def _say(request, *lines: str) -> None:
    """Print past pytest's capturing: the counts are the point of running this."""
    plugins = request.config.pluginmanager
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        for line in lines:
            plugins.get_plugin("terminalreporter").write_line(line)


def _lines_in(data: bytes) -> int:
    try:
        return len(LINE_BREAKS.findall(data.decode("utf-8"))) + 1
    except UnicodeDecodeError:
        return data.count(b"\n") + 1


def check_register(folder: Path) -> None:
    """The property: load returns, or every problem is placed and explained in both languages."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    started = time.perf_counter()
    try:
        loaded = load(folder)
    except RegisterInvalid as exc:
        assert time.perf_counter() - started < SLOW, "every input here is small: a slow load is a bug"
        assert exc.problems
        for p in exc.problems:
            assert p.line >= 1 and p.column >= 1, p
            if p.file == str(folder):
                assert (p.line, p.column) == (1, 1), p  # a problem of the register as a whole
            else:
                name = Path(p.file).name
                assert Path(p.file).parent == folder and name in files, p
                assert p.line <= _lines_in(files[name]), (p, files[name][:200])
            for lang in ("nl", "en"):  # both catalogue entries exist and take these parameters
                assert p.message(lang).strip()
                p.render(lang).encode("utf-8", "backslashreplace")
    else:
        summary_lines(loaded.register, "nl")  # what `dpia validate` prints next
    # Loading never writes.
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == files


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(folder: Path, files: dict[str, bytes]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


# --------------------------------------------------------------------------------------------------
# Strategies


FIELD_NAMES = sorted(
    {"controller", *SECTIONS}
    | {name for cls in SECTIONS.values() for name in cls.model_fields}
    | {"from", "nl", "en", "schools", "dpo", "email", "country", "16_to_17", "18_plus", "under_16"}
)
SCALARS = [
    "board", "school-a", "supplier", "las", "name", "bsn", "care", "education", "P2Y", "P0D", "P", "P1Y2M",
    "2024-01-01", "2024-02-30", "0000-00-00", "2024-01-01T00:00:00Z", "1:30", "0x1F", "0o17", "1e999", ".nan",
    "-.inf", "~", "null", "yes", "no", "on", "true", "False", "''", '""', "'x''y'", '"\\u00e9\\ud800"', "=", "<<",
    "9" * 30, "-0", "+1", "1_000", "processor", "public_task", "special", "health", "under_16", "NL", "US",
    "fg@example.nl", "01AB", "12345678", "DPIA101/x", "é", "日本", "\u202e", "\U0001f600",
]
TOKENS = [
    "- ", ": ", "? ", ", ", "[", "]", "{", "}", "#", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "!!binary ",
    "!!set ", "!!omap ", "!!python/object:os.system ", "!x ", "!<tag:x> ", "|", ">-", "|2", "'", '"', "\\", "\t",
    "---", "...", "%YAML 1.2", "%YAML 1.1", "%YAML 1.9", "%TAG ! tag:x:", "<<: ", "\ufeff", "\x00", "\x07", "\x85",
    "\u2028", "\r", "\r\n", " ", "  ", "    ",
]


@st.composite
def yamlish(draw) -> bytes:
    """Text that looks like a register and breaks YAML in every way the tokens allow."""
    lines = []
    for _ in range(draw(st.integers(1, 30))):
        indent = " " * draw(st.integers(0, 10))
        parts = draw(
            st.lists(
                st.one_of(
                    st.sampled_from(FIELD_NAMES).map(lambda k: k + ": "),
                    st.sampled_from(TOKENS),
                    st.sampled_from(SCALARS),
                    st.text(max_size=6),
                ),
                max_size=8,
            )
        )
        lines.append(indent + "".join(parts))
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8"] * 8 + ["latin-1", "utf-16", "utf-8-sig"]))
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


MUTATIONS = ("flip", "delete", "duplicate", "swap", "indent", "dedent", "tab", "insert", "truncate", "replace")


@st.composite
def mutated_mini(draw) -> dict[str, bytes]:
    """The MINI register with a few random byte flips, line edits, indentation changes and unicode."""
    files = {name: text.encode("utf-8") for name, text in MINI_TEXTS.items()}
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(files)))
        data = files[name]
        lines = data.split(b"\n")
        kind = draw(st.sampled_from(MUTATIONS))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "flip" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data = data[:pos] + bytes([data[pos] ^ draw(st.integers(1, 255))]) + data[pos + 1 :]
        elif kind == "delete":
            del lines[i]
            data = b"\n".join(lines)
        elif kind == "duplicate":
            lines.insert(i, lines[i])
            data = b"\n".join(lines)
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif kind in ("indent", "dedent", "tab"):
            n = draw(st.integers(1, 4))
            if kind == "indent":
                lines[i] = b" " * n + lines[i]
            elif kind == "dedent":
                lines[i] = lines[i][n:] if lines[i][:n].strip() == b"" else lines[i]
            else:
                lines[i] = b"\t" + lines[i].lstrip(b" ")
            data = b"\n".join(lines)
        elif kind == "insert":
            pos = draw(st.integers(0, len(data)))
            piece = draw(st.one_of(st.text(max_size=10), st.sampled_from(TOKENS + SCALARS)))
            data = data[:pos] + piece.encode("utf-8", "surrogatepass") + data[pos:]
        elif kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "replace":
            # a value after "key: " replaced by another scalar or a token
            line = lines[i]
            if b": " in line:
                key = line.split(b": ", 1)[0]
                value = draw(st.one_of(st.sampled_from(SCALARS + TOKENS), st.text(max_size=8)))
                lines[i] = key + b": " + value.encode("utf-8", "surrogatepass")
                data = b"\n".join(lines)
        files[name] = data
    return files


def _random_value():
    leaf = st.one_of(
        st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True), st.text(max_size=12),
        st.dates(), st.sampled_from(SCALARS),
    )
    return st.recursive(leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


@st.composite
def corrupted_register(draw) -> dict[str, bytes]:
    """A valid random register with a few fields given values of the wrong kind, or added, or dropped."""
    data = draw(registers())
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(k for k, v in data.items() if v)))
        entry = data[section] if section == "controller" else draw(st.sampled_from(data[section]))
        action = draw(st.sampled_from(["set", "add", "drop", "dup"]))
        if action == "set" and entry:
            entry[draw(st.sampled_from(sorted(entry)))] = draw(_random_value())
        elif action == "add":
            entry[draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=8))] = draw(_random_value())
        elif action == "drop" and entry:
            entry.pop(draw(st.sampled_from(sorted(entry))))
        elif action == "dup" and section != "controller":
            data[section].append(dict(entry))
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = draw(st.booleans())
    out = {}
    split = draw(st.booleans())
    for part, keys in ({"a.yaml": ["controller"], "b.yaml": [k for k in data if k != "controller"]} if split else {"a.yaml": list(data)}).items():
        buf = io.StringIO()
        yaml.dump({k: data[k] for k in keys}, buf)
        out[part] = buf.getvalue().encode("utf-8", "surrogatepass")
    return out


def _csv_base() -> dict[str, bytes]:
    """MINI with its flows in flows.csv and one more party in parties.csv: the bulk form."""
    files = dict(MINI_TEXTS)
    more = files["more.yaml"]
    start, end = more.index("flows:\n"), more.index("agreements:\n")
    files["more.yaml"] = more[:start] + more[end:]
    out = {name: text.encode("utf-8") for name, text in files.items()}
    out["flows.csv"] = (
        "id,from,to,categories,purposes,subjects,agreement,channel\n"
        "f-school-las,school-a,las,name care,education,pupils-u16,,web\n"
        "f-las-duo,las,duo,name bsn,bron,,,\n"
        "f-photos,school-a,board,name,photos,pupils-u16,,\n"
    ).encode()
    out["parties.csv"] = b"id,name,role\np-extra,Extra leverancier,processor\n"
    return out


CSV_BASE = _csv_base()
CSV_PIECES = [",", ";", "\t", '"', '""', "\n", "\r\n", "\r", " ", "\ufeff", "\x00", "=cmd|' /C calc'!A0", "@SUM(1)",
              "a b", "  ", "f-las-duo", "school-a", "las", "name", "bsn", "photos", "\\", "'", "\u2028", "é"]


@st.composite
def mutated_csv(draw) -> dict[str, bytes]:
    """The bulk form of MINI with flows.csv or parties.csv broken: cells replaced (ids, lists, quotes,
    separators, line breaks, formulas), rows duplicated, dropped or cut, the header changed, bytes flipped."""
    files = dict(CSV_BASE)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(["flows.csv", "parties.csv"]))
        data = files[name]
        kind = draw(st.sampled_from(["cell", "cell", "row", "header", "flip", "truncate", "insert"]))
        lines = data.split(b"\n")
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind in ("cell", "header"):
            i = 0 if kind == "header" else i
            cells = lines[i].split(b",")
            j = draw(st.integers(0, max(len(cells) - 1, 0)))
            piece = draw(st.one_of(st.sampled_from(CSV_PIECES + SCALARS), st.text(max_size=10),
                                   st.lists(st.sampled_from(CSV_PIECES), max_size=4).map("".join)))
            cells[j] = piece.encode("utf-8", "surrogatepass")
            lines[i] = b",".join(cells)
            data = b"\n".join(lines)
        elif kind == "row":
            action = draw(st.sampled_from(["dup", "drop", "cut"]))
            if action == "dup":
                lines.insert(i, lines[i])
            elif action == "drop":
                del lines[i]
            else:
                lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
            data = b"\n".join(lines)
        elif kind == "flip" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data = data[:pos] + bytes([data[pos] ^ draw(st.integers(1, 255))]) + data[pos + 1 :]
        elif kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "insert":
            pos = draw(st.integers(0, len(data)))
            data = data[:pos] + draw(st.sampled_from(CSV_PIECES)).encode("utf-8") + data[pos:]
        files[name] = data
    return files


# --------------------------------------------------------------------------------------------------
# The fuzz tests


@FUZZ
@given(text=yamlish())
def test_fuzz_yamlish_text(workdir, text) -> None:
    started = time.perf_counter()
    check_register(write(workdir / "reg", {"register.yaml": text}))
    _count("yamlish text", started)


@FUZZ
@given(files=mutated_mini())
def test_fuzz_mutated_mini(workdir, files) -> None:
    started = time.perf_counter()
    check_register(write(workdir / "reg", files))
    _count("mutated MINI register", started)


@FUZZ
@given(files=corrupted_register())
def test_fuzz_corrupted_values(workdir, files) -> None:
    started = time.perf_counter()
    check_register(write(workdir / "reg", files))
    _count("random register, corrupted values", started)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_fuzz_raw_bytes(workdir, data) -> None:
    started = time.perf_counter()
    check_register(write(workdir / "reg", {"register.yaml": data}))
    _count("raw bytes", started)


@FUZZ
@given(files=mutated_csv())
def test_fuzz_bulk_csv(workdir, files) -> None:
    started = time.perf_counter()
    check_register(write(workdir / "reg", files))
    _count("bulk CSV (flows.csv, parties.csv)", started)


ROWS = 20
QUOTED_BASE = "id,from,to,categories,purposes,subjects,agreement,channel\n" + "".join(
    f"f-{k:02d},school-a,las,name,education,pupils-u16,,web\n" for k in range(ROWS))


@st.composite
def quoted_flows(draw) -> dict[str, bytes]:
    """flows.csv of twenty rows with quotes and line breaks put in at random: an opening quote never
    closed, a quote closed rows later, a line break inside a quoted cell, doubled quotes."""
    text = QUOTED_BASE
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(['"', '"', '""', '"\n', '\n"', '",', ',"', '"x\ny"']))
        text = text[:pos] + piece + text[pos:]
    files = dict(CSV_BASE)
    files["flows.csv"] = text.encode("utf-8")
    return files


def check_no_row_swallowed(folder: Path) -> None:
    """The property of a CSV with quotes: it loads with every row that looks like a row (its id at the
    start of a line, as many separators as the header) among its flows, or it is refused with a place."""
    from dpia.model.flowtable import flow_ids

    try:
        loaded = load(folder)
    except RegisterInvalid as exc:
        assert all(p.line >= 1 for p in exc.problems)
        return
    text = (folder / "flows.csv").read_text(encoding="utf-8")
    rows = {line.split(",")[0] for line in text.splitlines()[1:] if line.count(",") == 7 and re.match(r"^f-\d\d,", line)}
    missing = rows - set(flow_ids(loaded.register))
    assert not missing, f"rows swallowed without a word: {sorted(missing)}\n{text}"


@FUZZ
@given(files=quoted_flows())
def test_fuzz_quotes_never_swallow_rows(workdir, files) -> None:
    started = time.perf_counter()
    folder = write(workdir / "reg", files)
    check_register(folder)
    check_no_row_swallowed(folder)
    _count("quotes and line breaks in flows.csv", started)


def test_the_csv_base_is_a_valid_register(tmp_path: Path) -> None:
    # A fuzz strategy that starts from a broken register would test only the error path.
    loaded = load(write(tmp_path / "reg", CSV_BASE))
    assert {p.id for p in loaded.register.parties} >= {"p-extra"}


# --------------------------------------------------------------------------------------------------
# Worst cases at the size limit: bounded time and memory, in a process limited to 1 GB


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


HEAD = "controller: {id: b, name: x, sector: vo}\n"
WORST = {
    # one-letter entries: the most nodes per byte
    "flow-items": lambda n: HEAD + "parties: [" + "a," * (n // 2) + "a]\n",
    # dangling references to many ids: the "did you mean" search
    "dangling-refs": lambda n: HEAD
    + "data_categories:\n"
    + "".join(f"- {{id: c{i}, label: {{nl: a, en: a}}, type: ordinary}}\n" for i in range(n // 100))
    + "flows:\n- {id: f, from: b, to: b, categories: ["
    + ",".join(f"x{i}" for i in range(n // 14))
    + "]}\n",
    # unknown fields: one problem each
    "unknown-fields": lambda n: HEAD + "parties:\n- id: p\n  name: x\n  role: processor\n" + "".join(f"  k{i}: 1\n" for i in range(n // 11)),
}


@pytest.mark.parametrize("kind", sorted(WORST))
def test_largest_allowed_file_is_bounded(request, tmp_path: Path, kind: str) -> None:
    text = WORST[kind](MAX_FILE_BYTES - 4096)
    text = text[: MAX_FILE_BYTES - 64] if len(text) > MAX_FILE_BYTES else text
    folder = write(tmp_path / "reg", {"register.yaml": text.encode()})
    assert (folder / "register.yaml").stat().st_size <= MAX_FILE_BYTES
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "dpia.cli", "--lang", "en", "validate", "-q", str(folder)],
        capture_output=True, text=True, timeout=240, preexec_fn=_limit_memory,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # the largest child so far
    _say(request, f"  worst case {kind}: {len(text)} bytes, {seconds:.0f} s, exit {proc.returncode}, peak RSS of children <= {peak} MB")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr and "MemoryError" not in proc.stderr
