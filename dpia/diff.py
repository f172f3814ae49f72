"""What changed between two versions of a register: for the MR's yearly question and the officer.

A *version* is a register folder, or a git revision of one, written as git writes it: ``REV:PATH``
(``HEAD~5:data/omo-helmond``, ``v2025:data/x``, a commit id), or a date instead of the revision
(``2025-12-01:data/x``: the last commit on or before that day). A revision is read with git itself
(``git archive`` into a temporary folder, read through the usual loader), so the working tree is never
touched and nothing but git is needed; a library such as dulwich would add a dependency for what one
git call does.

The comparison is of the model, not of the files: moving an entity to another file, renaming a file,
reordering entries or editing comments is not a change. Compared are

- entities added, removed and changed (field by field) in every section of the register, the
  controller and its schools included, and the bulk flows of ``flows.csv``;
- flows that start or stop (the flows among the above), agreements that expire in the period or are
  renewed (their end date moved later);
- findings that are new, resolved, newly accepted, or whose acceptance lapsed (each version checked
  on its own date: a git revision on its commit date, a folder on the date given);
- risks whose inherent or residual level moved, and DPIAs whose status changed.

Everything is sorted, so the same two versions give the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dpia.i18n import format_list, has, t
from dpia.model import Promise, Register, SECTIONS
from dpia.io.files import atomic_write
from dpia.io.git import materialise, resolve, Version
from dpia.analysis.risk import assess
from dpia.check import check
from dpia.io.bulk import FLOWS_FILE
from dpia.io.modules import is_archive
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load, load_module, MODULE_MANIFEST, YAML_SUFFIXES
from dpia.model.flowtable import bulk_flows
from dpia.model.names import label_of, name_of


# ---- the comparison


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntityChange:
    section: str
    id: str
    name: str
    change: str  # added, removed, changed
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class FindingChange:
    id: str
    code: str
    change: str  # new, resolved, accepted, lapsed
    severity: str
    title: str
    message: str


@dataclass(frozen=True)
class RiskChange:
    dpia: str
    risk: str
    title: str
    inherent: tuple[str | None, str | None]
    residual: tuple[str | None, str | None]


@dataclass(frozen=True)
class AgreementEvent:
    id: str
    name: str
    event: str  # expired, renewed
    old_until: dt.date | None
    new_until: dt.date | None


@dataclass
class RegisterDiff:
    old: str
    new: str
    old_on: dt.date
    new_on: dt.date
    entities: list[EntityChange] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    risks: list[RiskChange] = field(default_factory=list)
    agreements: list[AgreementEvent] = field(default_factory=list)
    dpia_status: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    old_read_with: tuple["ReadWith", ...] = ()  # values of fields added later that the old version lacked

    def flows(self, change: str) -> list[EntityChange]:
        return [e for e in self.entities if e.section == "flows" and e.change == change]

    @property
    def empty(self) -> bool:
        return not (self.entities or self.findings or self.risks or self.agreements or self.dpia_status)


def _name(register: Register, entity: Any, lang: str | None) -> str:
    """The entity's name for people (``dpia.model.names``: a flow "van X naar Y", a promise by its text)."""
    if isinstance(entity, Promise):  # a promise is named by what it says
        return entity.text.pick(lang).rstrip(".")
    return name_of(register, str(getattr(entity, "id", "")), lang)


def _entities(register: Register) -> dict[tuple[str, str], Any]:
    """Every entity by (section, id): the controller, its schools and each section's entries."""
    out: dict[tuple[str, str], Any] = {("controller", register.controller.id): register.controller}
    out.update({("schools", s.id): s for s in register.controller.schools})
    for section in SECTIONS:
        out.update({(section, e.id): e for e in getattr(register, section)})
    return out


def _dump(entity: Any) -> dict[str, Any]:
    data = entity.model_dump(mode="json", by_alias=True, exclude_none=True)
    if "schools" in data and entity.__class__.__name__ == "Controller":
        data.pop("schools")  # compared one by one as their own entities
    return data


def _field_changes(old: Any, new: Any, prefix: str = "") -> list[FieldChange]:
    """Field-by-field differences of two dumped entities, as dotted paths (lists of mappings by id
    where they have one, by position otherwise; lists of plain values as a whole)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out += _field_changes(old.get(key), new.get(key), f"{prefix}.{key}" if prefix else key)
        return out
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(x, dict) for x in old + new) and (old or new):
        def keyed(items: list[dict]) -> dict[str, dict]:
            return {str(x.get("id", x.get("criterion", x.get("measure", i)))): x for i, x in enumerate(items)}

        a, b = keyed(old), keyed(new)
        out = []
        for key in sorted(set(a) | set(b)):
            out += _field_changes(a.get(key), b.get(key), f"{prefix}[{key}]")
        return out
    if old == new:
        return []
    return [FieldChange(prefix, old, new)]


SCALARS = ("src", "dst", "agreement", "channel")
LISTS = (("categories", "category"), ("purposes", "purpose"), ("subjects", "subject"))


def _scalar_codes(a: Any, b: Any, pos_a: np.ndarray, pos_b: np.ndarray, n: int) -> tuple[dict, dict, dict]:
    """The scalar columns of both bulk flow tables as integer codes in one index of their values per
    column, aligned on the union of flow ids (-1: no value, -2: no such flow in that version), and the
    index of each column's values. Codes compare without touching a million strings."""
    ca, cb, values = {}, {}, {}
    for column in SCALARS:
        index = _distinct(a.flows[column]).union(_distinct(b.flows[column]))
        for table, positions, out in ((a, pos_a, ca), (b, pos_b, cb)):
            codes = np.full(n, -2, dtype=np.int64)
            codes[positions] = _value_codes(table.flows[column], index)
            out[column] = codes
        values[column] = index
    return ca, cb, values


def _value_at(codes: np.ndarray, index: pd.Index, at: int) -> Any:
    code = codes[at]
    return index[code] if code >= 0 else None


def _value_codes(column: pd.Series, values: pd.Index) -> np.ndarray:
    """The position in ``values`` of each value of ``column`` (-1 for none): for a categorical column by
    its few categories, not by hashing millions of strings."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        at = values.get_indexer(pd.Index(column.cat.categories.astype(object)))
        codes = column.cat.codes.to_numpy()
        return np.where(codes < 0, -1, at[np.maximum(codes, 0)]) if len(at) else np.full(len(codes), -1)
    return values.get_indexer(column.astype(object))


def _distinct(column: pd.Series) -> pd.Index:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return pd.Index(column.cat.categories.astype(object))
    return pd.Index(column.astype(object).unique())


def _pair_keys(table: Any, frame_name: str, column: str, positions: np.ndarray, values: pd.Index) -> np.ndarray:
    """Each (flow, value) of a list column as one integer: flow position in the union of ids times the
    number of values, plus the value's position; so two versions compare with one set operation."""
    frame = getattr(table, frame_name)
    return positions[frame["row"].to_numpy(dtype=np.int64)] * len(values) + _value_codes(frame[column], values)


def _aligned_ids(a: Any, b: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The flow ids of both bulk tables (those of ``a`` first, then those only in ``b``) and the position
    of each row of ``a`` and of ``b`` among them. One hash lookup of ``b``'s ids in ``a``'s: no sorting
    of a million strings (the changes are sorted by id at the end anyway)."""
    empty = np.zeros(0, dtype=object)
    cats_a = np.asarray(a.flow_dtype.categories.to_numpy(), dtype=object) if a is not None else empty
    cats_b = np.asarray(b.flow_dtype.categories.to_numpy(), dtype=object) if b is not None else empty
    if len(cats_a) and len(cats_b):  # Arrow's hash lookup: a few times faster than pandas' on a million ids
        import pyarrow as pa
        import pyarrow.compute as pc

        at = pc.index_in(pa.array(cats_b, type=pa.string()), value_set=pa.array(cats_a, type=pa.string()))
        at = at.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    else:
        at = np.full(len(cats_b), -1, dtype=np.int64)
    new = at < 0
    ids = np.concatenate([cats_a, cats_b[new]])
    at[new] = len(cats_a) + np.arange(int(new.sum()))
    pos_a = a.flow_codes.astype(np.int64) if a is not None else np.zeros(0, dtype=np.int64)
    pos_b = at[b.flow_codes] if b is not None else np.zeros(0, dtype=np.int64)
    return ids, pos_a, pos_b


def _sorted_lists(table: Any, frame_name: str, column: str, rows: np.ndarray) -> dict[int, list]:
    """For the given table rows, their values of a list column, sorted."""
    frame = getattr(table, frame_name)
    chosen = frame[frame["row"].isin(rows)]
    out: dict[int, list] = {int(r): [] for r in rows}
    for r, v in zip(chosen["row"].to_numpy(), chosen[column].astype(object).to_numpy()):
        out[int(r)].append(v)
    return {r: sorted(v) for r, v in out.items()}


BULK_FIELDS = ("from", "to", "agreement", "channel", "categories", "purposes", "subjects")


def compare(old: Register, new: Register, old_on: dt.date, new_on: dt.date, lang: str | None = None,
            old_label: str = "old", new_label: str = "new", was: Any = None) -> RegisterDiff:
    """Everything that differs between two loaded registers (see the module's description). ``was``:
    the check of ``old`` on ``old_on`` when it is known, or a function that waits for it and gives it
    (or None), called once the new version is checked."""
    out = RegisterDiff(old_label, new_label, old_on, new_on)
    a, b = _entities(old), _entities(new)
    for key in sorted(set(a) | set(b), key=lambda k: (_section_order(k[0]), k[1])):
        section, eid = key
        if key not in a:
            out.entities.append(EntityChange(section, eid, _name(new, b[key], lang), "added"))
        elif key not in b:
            out.entities.append(EntityChange(section, eid, _name(old, a[key], lang), "removed"))
        else:
            changes = _field_changes(_dump(a[key]), _dump(b[key]))
            if changes:
                out.entities.append(EntityChange(section, eid, _name(new, b[key], lang), "changed", tuple(changes)))
    out.entities += _bulk_changes(old, new, lang)
    out.entities.sort(key=lambda e: (_section_order(e.section), e.id))

    # agreements: renewed (end date later) or expired within the period
    for key in sorted(k for k in set(a) & set(b) if k[0] == "agreements"):
        before, after = a[key].valid_until, b[key].valid_until
        if before and after and after > before:
            out.agreements.append(AgreementEvent(key[1], _agreement_name(new, b[key], lang), "renewed", before, after))
        elif after and old_on < after <= new_on or (after is None and before and old_on < before <= new_on):
            out.agreements.append(AgreementEvent(key[1], _agreement_name(new, b[key], lang), "expired", before, after))

    # findings, each version on its own date
    now = check(new, new_on)
    was = was() if callable(was) else was
    was = was if was is not None else check(old, old_on)
    before_f = {f.id: f for f in was.findings}
    after_f = {f.id: f for f in now.findings}
    for fid in sorted(set(before_f) | set(after_f)):
        f0, f1 = before_f.get(fid), after_f.get(fid)
        if f1 is not None and f1.accepted is None and (f0 is None):
            change = "new"
        elif f0 is not None and f0.accepted is None and (f1 is None):
            change = "resolved"
        elif f0 is not None and f1 is not None and f0.accepted is None and f1.accepted is not None:
            change = "accepted"
        elif f0 is not None and f1 is not None and f0.accepted is not None and f1.accepted is None:
            change = "lapsed"
        else:
            continue
        f = f1 or f0
        out.findings.append(FindingChange(fid, f.code, change, f.severity.value, f.rule.text("title", lang),
                                          f.message(lang)))

    # risks and DPIA status
    old_d = {d.id: d for d in old.dpias}
    new_d = {d.id: d for d in new.dpias}
    for did in sorted(set(old_d) | set(new_d)):
        s0 = old_d[did].status.value if did in old_d else None
        s1 = new_d[did].status.value if did in new_d else None
        if s0 != s1 and s0 is not None and s1 is not None:  # an added or removed DPIA is listed as such
            out.dpia_status.append((did, _name(new if did in new_d else old, new_d.get(did) or old_d[did], lang), s0, s1))
        r0 = {r.risk: r for r in assess(old, old_d[did], was.findings)} if did in old_d else {}
        r1 = {r.risk: r for r in assess(new, new_d[did], now.findings)} if did in new_d else {}
        for rid in sorted(set(r0) | set(r1)):
            x, y = r0.get(rid), r1.get(rid)
            inherent = (x.inherent.value if x else None, y.inherent.value if y else None)
            residual = (x.residual.value if x else None, y.residual.value if y else None)
            if inherent[0] != inherent[1] or residual[0] != residual[1]:
                title = (y or x).title
                out.risks.append(RiskChange(did, rid, title.pick(lang), inherent, residual))
    return out


_ORDER = {name: i for i, name in enumerate(["controller", "schools", *SECTIONS])}


def _section_order(section: str) -> int:
    return _ORDER.get(section, len(_ORDER))


def _agreement_name(register: Register, agreement: Any, lang: str | None) -> str:
    parties = {p.id: p.name for p in register.parties}
    names = [parties.get(p, p) for p in agreement.parties]
    return t("diff_agreement_with", lang, parties=", ".join(names))


def _bulk_changes(old: Register, new: Register, lang: str | None) -> list[EntityChange]:
    """The flows of flows.csv that started, stopped or changed, by id. Compared column by column over
    the whole tables (a million flows in seconds); only the flows that differ are looked at one by one."""
    a, b = bulk_flows(old), bulk_flows(new)
    if a is None and b is None:
        return []
    ids, pos_a, pos_b = _aligned_ids(a, b)
    in_a, in_b = np.zeros(len(ids), bool), np.zeros(len(ids), bool)
    in_a[pos_a], in_b[pos_b] = True, True
    both = in_a & in_b
    differ = np.zeros(len(ids), bool)
    if a is not None and b is not None:
        va, vb, scalar_values = _scalar_codes(a, b, pos_a, pos_b, len(ids))
        for column in SCALARS:
            differ |= va[column] != vb[column]
        for frame_name, column in LISTS:
            values = _distinct(getattr(a, frame_name)[column]).union(_distinct(getattr(b, frame_name)[column]))
            ka, kb = _pair_keys(a, frame_name, column, pos_a, values), _pair_keys(b, frame_name, column, pos_b, values)
            # the pairs in one version only; a lookup table over the key range (ids x values) is linear
            odd = np.concatenate([ka[~np.isin(ka, kb, kind="table")], kb[~np.isin(kb, ka, kind="table")]])
            differ[odd // max(len(values), 1)] = True
    differ &= both
    yaml_old = {f.id for f in old.flows}
    yaml_new = {f.id for f in new.flows}
    out = []
    changed = np.flatnonzero(differ)
    if len(changed):
        row_of_a, row_of_b = np.full(len(ids), -1, dtype=np.int64), np.full(len(ids), -1, dtype=np.int64)
        row_of_a[pos_a], row_of_b[pos_b] = np.arange(len(pos_a)), np.arange(len(pos_b))
        row_a, row_b = row_of_a[changed], row_of_b[changed]
        lists_a = [_sorted_lists(a, f, c, row_a) for f, c in LISTS]
        lists_b = [_sorted_lists(b, f, c, row_b) for f, c in LISTS]
        for k, at in enumerate(changed):
            x = [_value_at(va[c], scalar_values[c], at) for c in SCALARS] + [lists[row_a[k]] for lists in lists_a]
            y = [_value_at(vb[c], scalar_values[c], at) for c in SCALARS] + [lists[row_b[k]] for lists in lists_b]
            fields = tuple(FieldChange(n, p, q) for n, p, q in zip(BULK_FIELDS, x, y) if p != q)
            out.append(EntityChange("flows", ids[at], ids[at], "changed", fields))
    for at in np.flatnonzero(in_b & ~in_a):
        if ids[at] not in yaml_old:
            out.append(EntityChange("flows", ids[at], ids[at], "added"))
    for at in np.flatnonzero(in_a & ~in_b):
        if ids[at] not in yaml_new:
            out.append(EntityChange("flows", ids[at], ids[at], "removed"))
    return out


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def diff_versions(old_spec: str, new_spec: str, on: dt.date | None = None, old_on: dt.date | None = None,
                  lang: str | None = None, cwd: Path | None = None) -> RegisterDiff:
    """Load two versions (folders or git revisions) and compare them.

    ``on`` is the date the new version is checked on (default: today, or its commit date for a
    revision); ``old_on`` that of the old one (default: its commit date, or ``on`` for a folder).
    Raises ``VersionNotFound`` for a version that cannot be read and ``RegisterInvalid`` for one that
    does not load.
    """
    old_v, new_v = resolve(old_spec, cwd), resolve(new_spec, cwd)
    new_day = on or new_v.committed_on or dt.date.today()
    old_day = old_on or old_v.committed_on or new_day
    parses: dict = {}  # the files both versions hold byte for byte are parsed once
    with materialise(old_v) as old_folder, _checked_elsewhere(old_folder, old_day) as was:
        new_reg, _ = _load(new_v, parses)
        old_reg, read_with = _load(old_v, parses, old_folder, newer=new_reg)
        d = compare(old_reg, new_reg, old_day, new_day, lang, old_v.label, new_v.label, was=was)
    d.old_read_with = read_with
    return d


# From this size of the old version's flows.csv (about 150k flows) its check runs in a second process
# while this one loads both versions and checks the new one: a million flows then take the time of one
# load and check less. Below it, starting a process (about a second) costs more than it saves.
ELSEWHERE_FROM_BYTES = 20 * 2**20


@contextlib.contextmanager
def _checked_elsewhere(folder: Path, on: dt.date):
    """A function giving the check of the register in ``folder`` on ``on``: for a large register
    computed meanwhile by a second Python process (``python -c``, importing only dpia: no fork beside
    pandas' and Arrow's threads, and no re-running of the caller's script as multiprocessing's spawn
    does), else None (``compare`` then checks it here, as it also does when the other process fails)."""
    import pickle
    import sys

    csv = Path(folder) / FLOWS_FILE
    size = csv.stat().st_size if csv.is_file() else 0
    if size < ELSEWHERE_FROM_BYTES:
        yield lambda: None
        return
    with tempfile.TemporaryDirectory(prefix="dpia-diff-check-") as tmp:
        out = Path(tmp) / "check.pickle"
        code = "import sys; from dpia.diff import _check_folder; _check_folder(*sys.argv[1:])"
        proc = subprocess.Popen([sys.executable, "-c", code, str(folder), on.isoformat(), str(out)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def result():
            proc.wait()  # nothing is read from it meanwhile: a full pipe would stop it halfway
            if proc.returncode != 0 or not out.is_file():
                return None  # checked here instead; a register that does not load failed here first
            with out.open("rb") as fh:
                return pickle.load(fh)  # written by our own process into our own temporary folder

        try:
            yield result
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _check_folder(folder: str, on: str, out: str) -> None:
    """The other process's part of the diff: the check of a register folder (or module) on ``on``,
    written to ``out`` as a pickle (``dpia.io.files.atomic_write``: whole or not at all)."""
    import pickle

    result = check(_read(Path(folder)), dt.date.fromisoformat(on))
    atomic_write(Path(out), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


def _read(folder: Path, parses: dict | None = None) -> Register:
    if (folder / MODULE_MANIFEST).is_file() or (folder.is_file() and is_archive(folder)):
        return load_module(folder).register  # a module (sector DPIA, a folder or an archive): two versions
    return load(folder, shared_parses=parses).register


def _load(version: Version, parses: dict | None = None, folder: Path | None = None,
          newer: Register | None = None) -> tuple[Register, tuple["ReadWith", ...]]:
    """Load a version (from ``folder`` when it is already materialised); problems in a revision name
    it as ``REV:PATH/FILE``, not the temporary folder.

    ``newer``: the version it is compared with. An older version that fails only because it lacks
    fields added since (``LATER_FIELDS``) is read with their values from ``newer``; what it was read
    with is returned beside it (and the diff says so). Nothing else is ever filled in."""
    import dataclasses

    with contextlib.nullcontext(folder) if folder is not None else materialise(version) as place:
        try:
            return _read(Path(place), parses), ()
        except RegisterInvalid as exc:
            problems, shown = exc.problems, str(place)
            later = _later_fields_missing(problems) if newer is not None else []
            if later:
                with _with_later_fields(Path(place), later, newer) as (copy, read_with):
                    try:
                        return load(copy).register, read_with
                    except RegisterInvalid as again:  # something else is wrong too: say what, at the version's places
                        problems = [dataclasses.replace(p, file=p.file.replace(str(copy), shown, 1)) for p in again.problems]
            if version.folder is not None:
                raise RegisterInvalid(problems) from None
            named = [dataclasses.replace(p, file=p.file.replace(shown, f"{version.spec.partition(':')[0]}:{version.path}", 1))
                     for p in problems]
            raise RegisterInvalid(named) from None


# ---- reading an older version: fields that became required after it was written


@dataclass(frozen=True)
class LaterField:
    """A field that became required after registers were already written, and the day it was added.

    Used ONLY to read an older version for a comparison: an old version without the field is read with
    the value the newer version has (the same board's sector: never guessed), and the diff says so. A
    register that lacks the field is still refused when it is loaded, checked or saved."""

    section: str  # "controller", or an entity section (the value then comes from the entry with the same id)
    field: str
    added: dt.date


LATER_FIELDS: tuple[LaterField, ...] = (
    LaterField("controller", "sector", dt.date(2026, 12, 3)),  # statutes and retention per sector (issue 14)
)


@dataclass(frozen=True)
class ReadWith:
    """A value an older version was read with, taken from the newer one."""

    section: str
    field: str
    entity: str | None  # the entry's id in an entity section; None for the controller
    value: Any
    added: dt.date

    @property
    def path(self) -> str:
        """``controller.sector``, or ``parties[ID].FIELD`` for an entity's field."""
        return f"{self.section}.{self.field}" if self.entity is None else f"{self.section}[{self.entity}].{self.field}"


def _later_fields_missing(problems: list[Any]) -> list[LaterField]:
    """The later fields the problems say are missing, or [] when any problem is about something else."""
    found = []
    for p in problems:
        params = dict(p.params)
        path = str(params.get("path", ""))
        name = "sector" if p.key == "sector_missing" else params.get("field")
        section = path.split("[")[0]
        match = next((f for f in LATER_FIELDS if p.key in ("missing", "sector_missing") and f.field == name
                      and f.section == section and (path == section or section != "controller")), None)
        if match is None:
            return []
        found.append(match)
    return list(dict.fromkeys(found))


@contextlib.contextmanager
def _with_later_fields(folder: Path, later: list[LaterField], newer: Register) -> Iterator[tuple[Path, tuple[ReadWith, ...]]]:
    """A temporary copy of the version in ``folder`` with the ``later`` fields it lacks filled in from
    ``newer``; the version itself is never written."""
    import shutil

    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: the copy keeps the version's own lines, for the places in messages
    newer_entities = {(s, e.id): e for s in SECTIONS for e in getattr(newer, s)}
    read_with: list[ReadWith] = []
    with tempfile.TemporaryDirectory(prefix="dpia-diff-old-") as tmp:
        copy = Path(tmp) / folder.name
        if folder.is_dir():
            shutil.copytree(folder, copy, symlinks=True)  # links stay links: the loader refuses those pointing out
            files = sorted(p for p in copy.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file() and not p.is_symlink())
        else:
            shutil.copyfile(folder, copy)
            files = [copy]
        for path in files:
            doc = yaml.load(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict):
                continue
            changed = False
            for f in later:
                node = doc.get(f.section)
                entries = [node] if f.section == "controller" else (node if isinstance(node, list) else [])
                for entry in entries:
                    if not isinstance(entry, dict) or f.field in entry:
                        continue
                    source = newer.controller if f.section == "controller" else newer_entities.get((f.section, entry.get("id")))
                    value = getattr(source, f.field, None) if source is not None else None
                    if value is None:
                        continue
                    entry[f.field] = value.value if hasattr(value, "value") else value
                    read_with.append(ReadWith(f.section, f.field, None if f.section == "controller" else entry.get("id"),
                                              value, f.added))
                    changed = True
            if changed:
                text = io.StringIO()
                yaml.dump(doc, text)
                atomic_write(path, text.getvalue())
        yield copy, tuple(read_with)


# ---- output


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def as_text(d: RegisterDiff, lang: str | None = None) -> str:
    """The officer's view: every change with its ids and fields."""
    lines = [t("diff_heading", lang, old=d.old, new=d.new, old_on=d.old_on.isoformat(), new_on=d.new_on.isoformat())]
    if d.old_read_with:
        lines.append(t("diff_read_with", lang, fields="; ".join(
            t("diff_read_with_item", lang, field=r.path, value=_value(getattr(r.value, "value", r.value)),
              added=r.added.isoformat()) for r in d.old_read_with)))
    if d.empty:
        lines.append(t("diff_nothing", lang))
        return "\n".join(lines) + "\n"
    for e in d.entities:
        label = t(f"diff_{e.change}", lang)
        lines.append(f"{label} {_section_label(e.section, lang)}: {e.name} ({e.id})")
        for c in e.fields:
            lines.append(f"    {c.field}: {_value(c.old)} → {_value(c.new)}")
    for ag in d.agreements:
        lines.append(t(f"diff_agreement_{ag.event}", lang, name=ag.name, id=ag.id, old=_value(ag.old_until), new=_value(ag.new_until)))
    for did, name, s0, s1 in d.dpia_status:
        lines.append(t("diff_dpia_status", lang, name=name, id=did, old=_status(s0, lang), new=_status(s1, lang)))
    for r in d.risks:
        lines.append(t("diff_risk", lang, title=r.title, id=r.risk, dpia=r.dpia, inherent=_move(r.inherent, lang),
                       residual=_move(r.residual, lang)))
    for f in d.findings:
        lines.append(f"{t('diff_finding_' + f.change, lang)} [{f.id}] {f.title}: {f.message}")
    return "\n".join(lines) + "\n"


def _status(value: str | None, lang: str | None) -> str:
    return t(f"dpiastatus_{value}", lang) if value else "—"


def _level(value: str | None, lang: str | None) -> str:
    key = f"level_{value}"
    return t(key, lang) if value and has(key) else (value or "—")


def _move(pair: tuple[str | None, str | None], lang: str | None) -> str:
    return f"{_level(pair[0], lang)} → {_level(pair[1], lang)}"


def as_json(d: RegisterDiff, lang: str | None = None) -> str:
    doc = {
        "old": d.old, "new": d.new, "old_on": d.old_on.isoformat(), "new_on": d.new_on.isoformat(),
        "entities": [{"section": e.section, "id": e.id, "name": e.name, "change": e.change,
                      "fields": [{"field": c.field, "old": c.old, "new": c.new} for c in e.fields]} for e in d.entities],
        "flows_started": [e.id for e in d.flows("added")],
        "flows_stopped": [e.id for e in d.flows("removed")],
        "agreements": [{"id": a.id, "name": a.name, "event": a.event,
                        "old_until": a.old_until.isoformat() if a.old_until else None,
                        "new_until": a.new_until.isoformat() if a.new_until else None} for a in d.agreements],
        "dpia_status": [{"dpia": i, "name": n, "old": s0, "new": s1} for i, n, s0, s1 in d.dpia_status],
        "risks": [{"dpia": r.dpia, "risk": r.risk, "title": r.title, "inherent": list(r.inherent),
                   "residual": list(r.residual)} for r in d.risks],
        "findings": [{"id": f.id, "code": f.code, "change": f.change, "severity": f.severity, "title": f.title,
                      "message": f.message} for f in d.findings],
        "old_read_with": [{"field": r.path, "value": getattr(r.value, "value", r.value), "added": r.added.isoformat()}
                          for r in d.old_read_with],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def as_markdown(d: RegisterDiff, lang: str | None = None) -> str:
    """A plain summary for people: counts and names, no field names or ids."""
    lines = [f"## {t('diff_md_heading', lang, date=d.old_on.isoformat())}", ""]
    lines += [f"- {line}" for line in summary_lines(d, lang)]
    return "\n".join(lines) + "\n"


def summary_lines(d: RegisterDiff, lang: str | None = None) -> list[str]:
    """One plain sentence per kind of change, naming what changed (for the MR); first, when the old
    version was read with values of fields added since, which."""
    out = []
    if d.old_read_with:
        items = [t(f"diff_later_{r.section}_{r.field}", lang, value=label_of(r.value, lang) if hasattr(r.value, "value")
                   else _value(r.value)) for r in d.old_read_with]
        out.append(t("diff_sum_read_with", lang, items=format_list(items, lang)))
    if d.empty:
        return [*out, t("diff_nothing", lang)]
    for change in ("added", "removed", "changed"):
        by_section: dict[str, list[str]] = {}
        for e in d.entities:
            if e.change == change and e.section != "flows":
                by_section.setdefault(e.section, []).append(e.name)
        for section, names in by_section.items():
            sep = "; " if any("," in n for n in names) else ", "  # names that are sentences
            out.append(t(f"diff_sum_{change}", lang, what=_section_label(section, lang), names=sep.join(sorted(names))))
    for change in ("added", "removed", "changed"):
        count = len([e for e in d.entities if e.section == "flows" and e.change == change])
        if count:
            out.append(t(f"diff_sum_flows_{change}", lang, count=count))
    for ag in d.agreements:
        out.append(t(f"diff_sum_agreement_{ag.event}", lang, name=ag.name,
                     date=(ag.new_until or ag.old_until).isoformat() if (ag.new_until or ag.old_until) else "—"))
    for _, name, s0, s1 in d.dpia_status:
        out.append(t("diff_sum_dpia_status", lang, name=name, old=_status(s0, lang), new=_status(s1, lang)))
    for r in d.risks:
        old, new = r.residual
        key = "diff_sum_risk_new" if old is None else "diff_sum_risk_gone" if new is None else "diff_sum_risk"
        out.append(t(key, lang, title=r.title, old=_level(old, lang), new=_level(new, lang)))
    for change in ("new", "resolved", "accepted", "lapsed"):
        titles = sorted({f.title for f in d.findings if f.change == change})
        if titles:
            out.append(t(f"diff_sum_findings_{change}", lang, count=len([f for f in d.findings if f.change == change]),
                         titles="; ".join(titles)))
    return out


def _section_label(section: str, lang: str | None) -> str:
    key = f"diff_section_{section}"
    return t(key, lang) if has(key) else section


def as_html(d: RegisterDiff, lang: str | None = None) -> str:
    import html

    items = "".join(f"<li>{html.escape(line)}</li>" for line in summary_lines(d, lang))
    return f"<ul class=\"changes\">{items}</ul>"
