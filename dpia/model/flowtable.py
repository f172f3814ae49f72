"""Bulk flows as a table: the flows of ``flows.csv`` held as categoricals, never as objects.

A register read from a folder with ``flows.csv`` keeps those flows in a :class:`FlowTable` (built by
``dpia.io.bulk``); the helpers below answer the questions consumers ask of all flows (how many,
which ids, which touch these nodes, what a DPIA's scope gains) for YAML and bulk flows alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dpia.model import Flow, Register



# --------------------------------------------------------------------------------------------------
# The loaded table and the helpers for consumers of ``register.flows``


@dataclass
class FlowTable:
    """The bulk flows of a loaded register, as tables of categoricals.

    ``flows``: flow, src, dst, agreement (None when empty), channel, one row per flow in file order;
    ``categories`` (row, category), ``purposes`` (row, purpose), ``subjects`` (row, subject): the list
    columns exploded, ``row`` being the flow's position in ``flows``; ``lines``: the line of each flow
    in the file. ``flow_dtype`` has the sorted flow ids as categories, ``flow_codes`` each row's code in
    it and ``order`` the rows in id order (``order[code]`` is the row of a code).
    """

    file: str
    flows: pd.DataFrame
    categories: pd.DataFrame
    purposes: pd.DataFrame
    subjects: pd.DataFrame
    lines: np.ndarray
    flow_dtype: pd.CategoricalDtype
    flow_codes: np.ndarray
    order: np.ndarray
    cache: dict = field(default_factory=dict, repr=False)  # answers of the helpers below, per question

    def __len__(self) -> int:
        return len(self.flows)

    @property
    def sorted_ids(self) -> np.ndarray:
        """The flow ids in sorted order, as a numpy array (for binary search)."""
        cached = self.__dict__.get("_sorted_ids")
        if cached is None:
            cached = self.__dict__["_sorted_ids"] = np.asarray(self.flow_dtype.categories.to_numpy(), dtype=object)
        return cached

    def rows_of(self, flow_ids: Iterable[str]) -> np.ndarray:
        """The rows of the flow ids that are bulk flows (others left out), by one binary search."""
        ids = self.sorted_ids
        wanted = np.asarray(list(flow_ids), dtype=object)
        if not len(wanted) or not len(ids):
            return np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
        return self.order[at[ids[at] == wanted]].astype(np.int64)

    def row_of(self, flow_id: str) -> int | None:
        """The row of a flow id, or None."""
        ids = self.sorted_ids
        k = int(np.searchsorted(ids, flow_id))
        if k < len(ids) and ids[k] == flow_id:
            return int(self.order[k])
        return None

    def where(self, flow_id: str) -> str | None:
        k = self.row_of(flow_id)
        return None if k is None else f"{self.file}:{int(self.lines[k])}"

    def rows(self, mask: np.ndarray | None = None) -> Iterator[Flow]:
        """Flow objects for the rows selected by ``mask`` (all by default), built without validation
        (the loader checked them), in file order."""
        positions = np.arange(len(self.flows)) if mask is None else np.flatnonzero(mask)
        if not len(positions):
            return
        f = self.flows.iloc[positions]
        lists = {}
        for name, frame, column in (("categories", self.categories, "category"), ("purposes", self.purposes, "purpose"),
                                    ("subjects", self.subjects, "subject")):
            sub = frame if mask is None else frame[mask[frame["row"].to_numpy()]]
            grouped: dict[int, list[str]] = {}
            for r, v in zip(sub["row"].tolist(), sub[column].tolist()):
                grouped.setdefault(r, []).append(v)
            lists[name] = grouped
        for k, (fid, src, dst, agreement, channel) in zip(
                positions.tolist(), f[["flow", "src", "dst", "agreement", "channel"]].itertuples(index=False, name=None)):
            yield Flow.model_construct(
                id=fid, from_=src, to=dst, categories=lists["categories"].get(k, []),
                purposes=lists["purposes"].get(k, []), subjects=lists["subjects"].get(k, []),
                channel=None if pd.isna(channel) else channel, agreement=None if pd.isna(agreement) else agreement,
            )


def bulk_flows(register: Register) -> FlowTable | None:
    """The register's bulk flow table, or None for a YAML-only register."""
    return getattr(register, "_flow_table", None)


def flow_count(register: Register) -> int:
    """Number of flows: the YAML flows plus the bulk flows."""
    table = bulk_flows(register)
    return len(register.flows) + (len(table) if table is not None else 0)


def flow_ids(register: Register) -> list[str]:
    """Every flow id, YAML flows first."""
    table = bulk_flows(register)
    return [f.id for f in register.flows] + (table.flows["flow"].tolist() if table is not None else [])


def iter_flows(register: Register, chunk: int = 50_000) -> Iterator[Flow]:
    """Every flow as a :class:`~dpia.model.Flow`: the YAML flows, then the bulk flows, built lazily in
    chunks (a million bulk flows are never all in memory as objects)."""
    yield from register.flows
    table = bulk_flows(register)
    if table is None:
        return
    n = len(table)
    for start in range(0, n, chunk):
        mask = np.zeros(n, dtype=bool)
        mask[start:start + chunk] = True
        yield from table.rows(mask)


def flows_by_id(register: Register, ids: Iterable[str]) -> list[Flow]:
    """The flows with these ids (YAML or bulk), in register order; unknown ids are skipped."""
    wanted = set(ids)
    out = [f for f in register.flows if f.id in wanted]
    table = bulk_flows(register)
    if table is not None and wanted:
        key = ("flows_by_id", frozenset(wanted))
        if key not in table.cache:  # the table never changes: screening and risk scoring ask again and again
            mask = np.zeros(len(table), dtype=bool)
            mask[table.rows_of(wanted)] = True
            table.cache[key] = list(table.rows(mask)) if mask.any() else []
        out += table.cache[key]
    return out


def flows_touching(register: Register, ids: Iterable[str], nodes: Iterable[str]) -> list[Flow]:
    """The flows named in ``ids`` or starting or ending at one of ``nodes``, in register order."""
    wanted, ends = set(ids), set(nodes)
    out = [f for f in register.flows if f.id in wanted or f.from_ in ends or f.to in ends]
    table = bulk_flows(register)
    if table is not None and (wanted or ends):
        f = table.flows
        mask = (f["flow"].isin(wanted) | f["src"].isin(ends) | f["dst"].isin(ends)).to_numpy()
        if mask.any():
            out += list(table.rows(mask))
    return out


@dataclass
class ScopePart:
    """What the bulk flows add to a scope (``dpia.analysis.scope.scope_of``)."""

    flows: list[str]
    categories: set[str]
    subjects: set[str]
    purposes: set[str]
    agreements: set[str]
    ends: set[str]  # every ``from`` and ``to`` of the flows


def scope_part(register: Register, systems: Iterable[str], flows: Iterable[str]) -> ScopePart | None:
    """The bulk flows named in ``flows`` or starting or ending at one of ``systems``, summarised for a
    scope without building a Flow object per flow; None for a register without bulk flows."""
    table = bulk_flows(register)
    if table is None:
        return None
    systems, flows = frozenset(systems), frozenset(flows)
    key = ("scope_part", systems, flows)
    if key not in table.cache:
        table.cache[key] = _scope_part(table, list(systems), flows)
    return table.cache[key]


def _scope_part(table: FlowTable, systems: list[str], flows: Iterable[str]) -> ScopePart:
    f = table.flows
    mask = np.array(f["src"].isin(systems) | f["dst"].isin(systems), dtype=bool) if systems else np.zeros(len(f), dtype=bool)
    mask[table.rows_of(flows)] = True
    if not mask.any():
        return ScopePart([], set(), set(), set(), set(), set())
    chosen = f[mask]

    def items(frame: pd.DataFrame, column: str) -> set[str]:
        return set(frame.loc[mask[frame["row"].to_numpy()], column].dropna().unique().tolist())

    return ScopePart(
        flows=chosen["flow"].astype(object).tolist(),
        categories=items(table.categories, "category"),
        subjects=items(table.subjects, "subject"),
        purposes=items(table.purposes, "purpose"),
        agreements=set(chosen["agreement"].dropna().unique().tolist()),
        ends=set(chosen["src"].dropna().unique().tolist()) | set(chosen["dst"].dropna().unique().tolist()),
    )


def flow_targets(register: Register) -> set[str]:
    """Every id some flow goes to (YAML and bulk flows), without building Flow objects."""
    out = {f.to for f in register.flows}
    table = bulk_flows(register)
    if table is not None:
        dst = table.flows["dst"]
        out |= set(dst.cat.categories[pd.unique(dst.cat.codes[dst.cat.codes >= 0].to_numpy())].tolist())
    return out


def flow_destinations(register: Register, ids: Iterable[str]) -> dict[str, str]:
    """The destination (``to``) of each flow named in ``ids`` that exists, YAML or bulk, without building
    Flow objects."""
    wanted = set(ids)
    out = {f.id: f.to for f in register.flows if f.id in wanted}
    table = bulk_flows(register)
    if table is not None and wanted:
        key = ("flow_destinations", frozenset(wanted))
        if key not in table.cache:
            rows = np.sort(table.rows_of(wanted))
            f = table.flows.iloc[rows]
            table.cache[key] = dict(zip(f["flow"].astype(object), f["dst"].astype(object)))
        out.update(table.cache[key])
    return out
