"""The register as tables: one pandas DataFrame per relation, built once per check.

Rules are joins and anti-joins over these tables (and graph algorithms over ``dpia.analysis.graph``), never a
Python loop per flow per rule, so a check stays fast on registers of a million flows. Every list field
of the model becomes a two-column "exploded" table (``flow_categories``: flow, category).

Id columns are categorical. Every ``flow`` column shares one dtype (the sorted flow ids); every other
id column (nodes, parties, systems, categories, purposes, agreements, ...) shares another (every id
the register defines or names, sorted). Joins, ``isin``, grouping and de-duplication then work on
integer codes instead of hashing strings, which is what keeps a check of a million flows (four million
flow-category rows) within seconds. The values still read as the ids themselves, and because the
categories are sorted, sorting a column sorts by id. A rule that builds a frame of its own and joins
it to these tables still works (pandas compares the values); it is only slower.

Bulk flows (``dpia.io.bulk``) come in as Arrow-backed columns and are encoded without a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dpia.model.flowtable import bulk_flows
from dpia.model import duration_in_days, PartyRole, Register
from dpia.analysis.reads import register_reads

# Roles whose receipt of data is a disclosure to another controller (needs the school's own legal basis).
DISCLOSURE_ROLES = frozenset(
    {PartyRole.INDEPENDENT_CONTROLLER, PartyRole.RECIPIENT, PartyRole.THIRD_PARTY, PartyRole.PUBLIC, PartyRole.JOINT_CONTROLLER}
)
PROCESSOR_ROLES = frozenset({PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR})
PYSTR = pd.StringDtype("python", na_value=np.nan)  # the default "str" semantics, Python storage

# The id columns of each table (besides ``flow``), encoded with the register's id dtype.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "nodes": ("node", "holder"),
    "categories": ("category",),
    "subjects": ("subject",),
    "purposes": ("purpose",),
    "purpose_needs": ("purpose", "category"),
    "agreements": ("agreement",),
    "agreement_parties": ("agreement", "party"),
    "agreement_categories": ("agreement", "category"),
    "agreement_purposes": ("agreement", "purpose"),
    "agreement_subprocessors": ("agreement", "party"),
    "consents": ("consent", "purpose", "recorded_in"),
    "access": ("role", "system", "category"),
    "retention": ("rule", "category", "purpose"),
}


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def _pairs(items, key: str, field: str) -> list[tuple[str, str]]:
    return [(getattr(e, key), v) for e in items for v in (getattr(e, field) or ())]


def _codes(values, dtype: pd.CategoricalDtype) -> np.ndarray:
    """Codes of ``values`` in ``dtype`` (-1 for a missing value), hashing each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(values) if not isinstance(values, pd.Series) else values)
    if not len(uniques):
        return np.full(len(codes), -1, dtype=np.int64)
    mapped = dtype.categories.get_indexer(pd.Index(uniques).astype(object))
    out = np.where(codes < 0, -1, mapped[np.maximum(codes, 0)])
    return out.astype(np.int64)


def _categorical(values, dtype: pd.CategoricalDtype) -> pd.Categorical:
    return pd.Categorical.from_codes(_codes(values, dtype), dtype=dtype)


def _group(*keys: np.ndarray) -> np.ndarray:
    """A group number per position: positions with equal values in every key array share a group."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    if len(keys) == 1:
        return pd.factorize(keys[0])[0].astype(np.int64)
    frame = pd.DataFrame({f"k{i}": k for i, k in enumerate(keys)})
    return frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy().astype(np.int64)


class table:  # noqa: N801 - used like functools.cached_property
    """``functools.cached_property`` for a table of :class:`Tables` that also tells the incremental
    check (``dpia.check.Incremental``) which tables a rule used: ``("table", name)`` goes to the
    rule's frame of :class:`dpia.rules.base.Reads`, also when the table comes from the cache, and what
    building the table reads stays out of it (the incremental check compares the table itself)."""

    def __init__(self, func) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        d = obj.__dict__
        cache = d.get("_tables")
        if cache is None:
            cache = d["_tables"] = {}
            d["_reads"] = register_reads(obj.register)
        reads = d["_reads"]
        if reads is not None:
            reads.add(("table", self.name))
        if self.name in cache:
            return cache[self.name]
        if reads is None:
            value = self.func(obj)
        else:
            with reads.frame(muted=True) as deps:
                value = self.func(obj)
            d.setdefault("_deps", {})[self.name] = frozenset(deps)  # what it was built from
        cache[self.name] = value
        return value

    def __set__(self, obj, value) -> None:
        raise AttributeError(f"the table {self.name} is read-only")


def _encoded(name: str, doc: str) -> table:
    """A table built as text by ``Tables._raw_<name>``, its id columns (``ID_COLUMNS``) encoded."""

    def build(self: Tables) -> pd.DataFrame:
        frame = getattr(self, f"_raw_{name}")()
        for column in ID_COLUMNS[name]:
            frame[column] = _categorical(frame[column], self.ids) if len(frame) else frame[column].astype(self.ids)
        return frame

    build.__name__, build.__doc__ = name, doc
    return table(build)


@dataclass
class Tables:
    """Relational view of one register. Build with ``Tables(register)``; columns are documented per table."""

    register: Register

    @table
    def _bulk(self):
        """The register's bulk flows (``dpia.model.flowtable.FlowTable``) or None."""
        return bulk_flows(self.register)

    # ---- ids
    @table
    def ids(self) -> pd.CategoricalDtype:
        """The dtype of every id column but ``flow``: every id the register defines or names, sorted."""
        values: set[str] = set(self.register.index())
        for name, columns in ID_COLUMNS.items():
            frame = getattr(self, f"_raw_{name}")()
            for column in columns:
                values.update(v for v in frame[column].dropna().unique().tolist() if isinstance(v, str))
        for f in self.register.flows:
            values.update((f.from_, f.to, *f.categories, *f.purposes, *f.subjects))
            if f.agreement:
                values.add(f.agreement)
        bulk = self._bulk
        if bulk is not None:  # the categories of the bulk columns (their distinct values)
            for frame, column in ((bulk.flows, "src"), (bulk.flows, "dst"), (bulk.flows, "agreement"),
                                  (bulk.categories, "category"), (bulk.purposes, "purpose"), (bulk.subjects, "subject")):
                values.update(v for v in frame[column].cat.categories.tolist() if isinstance(v, str))
        values.discard("")
        return pd.CategoricalDtype(pd.Index(sorted(values), dtype=PYSTR), ordered=False)

    # ---- nodes: every id that can be a flow's end
    def _raw_nodes(self) -> pd.DataFrame:
        r = self.register
        ctrl = r.controller.id
        parties = {p.id: p for p in r.parties}
        rows: list[tuple] = [(ctrl, "controller", "controller", ctrl, "NL", True, None)]
        rows += [(s.id, "school", "controller", ctrl, "NL", True, None) for s in r.controller.schools]
        rows += [(s.id, "subjects", "data_subject", s.id, None, True, None) for s in r.subjects]
        for p in r.parties:
            loc = p.location
            rows.append(
                (p.id, "party", p.role.value, p.id, loc.country if loc else None, loc.in_eea if loc else True,
                 loc.transfer_mechanism.value if loc and loc.transfer_mechanism else None)
            )
        for s in r.systems:
            op = parties.get(s.operated_by)
            holder = s.operated_by
            if op is None:  # run by the controller itself
                rows.append((s.id, "system", "controller", ctrl, "NL", True, None))
            else:
                loc = op.location
                rows.append(
                    (s.id, "system", op.role.value, holder, loc.country if loc else None, loc.in_eea if loc else True,
                     loc.transfer_mechanism.value if loc and loc.transfer_mechanism else None)
                )
        return _frame(rows, ["node", "kind", "role", "holder", "country", "in_eea", "transfer_mechanism"])

    nodes = _encoded("nodes", """node, kind (controller/school/subjects/party/system), role, holder, country, in_eea,
        transfer_mechanism.

        ``holder`` is the party that holds data sent to the node: a system is held by the party that
        operates it; the controller's schools are held by the controller.""")

    # ---- flows
    @table
    def _flow_index(self) -> tuple[pd.CategoricalDtype, np.ndarray]:
        """The dtype of every ``flow`` column (the sorted flow ids as categories), and the code of each
        flow (YAML flows, then bulk flows)."""
        yaml_ids = [f.id for f in self.register.flows]
        bulk = self._bulk
        if bulk is not None and not yaml_ids:
            return bulk.flow_dtype, bulk.flow_codes
        if bulk is None:
            categories = sorted(set(yaml_ids))
            dtype = pd.CategoricalDtype(pd.Index(pd.array(categories, dtype=PYSTR)), ordered=False)
            return dtype, np.asarray(dtype.categories.get_indexer(yaml_ids), dtype=np.int64)
        # Merge the YAML ids into the bulk flows' sorted ids (ids are unique across both: the loader checks).
        bulk_ids = np.asarray(bulk.flow_dtype.categories.to_numpy(), dtype=object)
        extra = np.array(sorted(set(yaml_ids)), dtype=object)
        at = np.searchsorted(bulk_ids, extra)
        categories = np.insert(bulk_ids, at, extra)
        shift = np.searchsorted(at, np.arange(len(bulk_ids)), side="right")  # YAML ids sorted before each bulk id
        dtype = pd.CategoricalDtype(pd.Index(pd.array(categories, dtype=PYSTR)), ordered=False)
        yaml_codes = np.searchsorted(categories, np.asarray(yaml_ids, dtype=object)).astype(np.int64)
        return dtype, np.concatenate([yaml_codes, bulk.flow_codes + shift[bulk.flow_codes]])

    def _flow_column(self, positions) -> pd.Categorical:
        """The ``flow`` column for the flows at ``positions`` (YAML flows first, then bulk rows)."""
        dtype, codes = self._flow_index
        return pd.Categorical.from_codes(codes[np.asarray(positions, dtype=np.int64)], dtype=dtype)

    def _id_codes(self, yaml_values: list, bulk_frame, column: str) -> np.ndarray:
        """Codes (register id dtype) of a YAML column followed by the same column of the bulk flows."""
        parts = [_codes(pd.Series(yaml_values, dtype=object), self.ids)]
        if bulk_frame is not None:
            parts.append(_codes(bulk_frame[column], self.ids))
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    @table
    def flows(self) -> pd.DataFrame:
        """flow, src, dst, agreement (explicit or None), src_holder, dst_holder, dst_role, dst_kind (all
        categorical: ids with the register's id dtype, role and kind with their own few values)."""
        yaml = self.register.flows
        bulk = self._bulk.flows if self._bulk is not None else None
        ids = self.ids
        src = self._id_codes([f.from_ for f in yaml], bulk, "src")
        dst = self._id_codes([f.to for f in yaml], bulk, "dst")
        agreement = self._id_codes([f.agreement for f in yaml], bulk, "agreement")
        # Node attributes by id code, spread to the flows by code: no string hashing per flow.
        nodes = self.nodes
        n_ids = len(ids.categories)
        holder = np.full(n_ids + 1, -1, dtype=np.int64)  # the extra last slot serves code -1
        node_codes = nodes["node"].cat.codes.to_numpy()
        holder[node_codes] = nodes["holder"].cat.codes.to_numpy()

        def cat(codes):
            return pd.Categorical.from_codes(codes, dtype=ids)

        def attribute(column: str) -> pd.Categorical:
            """A node attribute per flow destination, as a categorical of its few values."""
            codes, values = pd.factorize(nodes[column].astype(object))
            by_node = np.full(n_ids + 1, -1, dtype=np.int64)
            by_node[node_codes] = codes
            return pd.Categorical.from_codes(by_node[dst], categories=pd.Index(list(values), dtype=object))

        return pd.DataFrame({
            "flow": self._flow_column(np.arange(len(src))),
            "src": cat(src),
            "dst": cat(dst),
            "agreement": cat(agreement),
            "src_holder": cat(holder[src]),
            "dst_holder": cat(holder[dst]),
            "dst_role": attribute("role"),
            "dst_kind": attribute("kind"),
        })

    def _flow_items(self, field: str, name: str, column: str) -> pd.DataFrame:
        """(flow, ``column``) for every item of list ``field`` of every flow, YAML flows first."""
        rows = [(k, v) for k, f in enumerate(self.register.flows) for v in (getattr(f, field) or ())]
        positions = np.fromiter((k for k, _ in rows), dtype=np.int64, count=len(rows))
        codes = _codes(pd.Series([v for _, v in rows], dtype=object), self.ids)
        if self._bulk is not None:
            extra = getattr(self._bulk, name)
            positions = np.concatenate([positions, extra["row"].to_numpy() + len(self.register.flows)])
            codes = np.concatenate([codes, _codes(extra[column], self.ids)])
        return pd.DataFrame({"flow": self._flow_column(positions),
                             column: pd.Categorical.from_codes(codes, dtype=self.ids)})

    @table
    def flow_categories(self) -> pd.DataFrame:
        return self._flow_items("categories", "categories", "category")

    @table
    def flow_purposes(self) -> pd.DataFrame:
        return self._flow_items("purposes", "purposes", "purpose")

    @table
    def flow_subjects(self) -> pd.DataFrame:
        return self._flow_items("subjects", "subjects", "subject")

    # ---- flow profiles: many flows carry the same lists (a product's flow from every school)
    @table
    def _profile_codes(self) -> np.ndarray:
        """The profile of each flow, by flow code: flows whose categories, purposes and subjects are the
        same multisets share a profile.

        Each list is summarised by two independent 64-bit sums of random weights, one weight per id and
        list; two different lists give the same pair of sums with probability about 2**-128.
        """
        n = len(self._flow_index[1])
        rng = np.random.default_rng(20261129)
        k = len(self.ids.categories)
        sums = np.zeros((2, n), dtype=np.uint64)
        for table, column in ((self.flow_categories, "category"), (self.flow_purposes, "purpose"),
                              (self.flow_subjects, "subject")):
            weights = rng.integers(0, np.iinfo(np.uint64).max, size=(2, k + 1), dtype=np.uint64, endpoint=True)
            if not len(table):
                continue
            items = table[column].cat.codes.to_numpy().astype(np.int64)
            items[items < 0] = k
            flows = table["flow"].cat.codes.to_numpy()
            for i in (0, 1):
                np.add.at(sums[i], flows, weights[i][items])
        return _group(sums[0], sums[1])

    def representatives(self, *columns: str) -> pd.DataFrame:
        """flow, rep: for every flow, the representative of its group, the flows with the same profile
        (categories, purposes and subjects) and the same values in ``columns`` of ``flows``.

        A rule whose verdict on a flow depends only on those can decide for the representatives and
        spread the result to their groups (``frame.merge(reps, left_on="flow", right_on="rep")``): on a
        register of a million flows from a few hundred product templates that is thousands of times less
        work, with the same findings.
        """
        flows, profile = self.flows, self._profile_codes  # read first: the incremental check learns what it uses
        cache = self.__dict__.setdefault("_representatives", {})
        if columns in cache:
            return cache[columns]
        codes = flows["flow"].cat.codes.to_numpy()
        keys = [profile[codes]] + [flows[c].cat.codes.to_numpy().astype(np.int64) for c in columns]
        group = _group(*keys)
        first = np.full(group.max() + 1 if len(group) else 0, -1, dtype=np.int64)
        first[group[::-1]] = np.arange(len(group))[::-1]
        flow = flows["flow"].array
        cache[columns] = pd.DataFrame({"flow": flow, "rep": flow.take(first[group])})
        return cache[columns]

    @table
    def _flow_ids_sorted(self) -> np.ndarray:
        return np.asarray(self._flow_index[0].categories.to_numpy(), dtype=object)

    def flow_codes(self, ids) -> np.ndarray:
        """The codes of the flow ids ``ids`` (unknown ids left out), by binary search in the sorted ids.

        ``Series.isin`` of a flow column against plain ids hashes every flow id on each call; this is the
        cheap way to select a few flows of a million.
        """
        ids = np.asarray(pd.Series(ids, dtype=object).dropna().unique(), dtype=object)
        known = self._flow_ids_sorted
        if not len(ids) or not len(known):
            return np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(known, ids), len(known) - 1)
        return at[known[at] == ids].astype(np.int64)

    def with_flows(self, frame: pd.DataFrame, ids, column: str = "flow") -> pd.DataFrame:
        """The rows of ``frame`` whose flow ``column`` (categorical, as in these tables) is one of ``ids``."""
        return frame[np.isin(frame[column].cat.codes.to_numpy(), self.flow_codes(ids))]

    def members(self, reps: pd.DataFrame, chosen) -> pd.DataFrame:
        """rep, flow (plain ids): the flows of the groups whose representatives are ``chosen``."""
        return self.with_flows(reps, chosen, "rep").astype({"flow": object, "rep": object})

    def flows_of(self, flows, columns: list[str]) -> pd.DataFrame:
        """``columns`` of ``flows`` for the given flow ids, the ``flow`` column as plain ids."""
        return self.with_flows(self.flows, flows)[columns].astype({"flow": object})

    # ---- data, subjects, purposes
    def _raw_categories(self) -> pd.DataFrame:
        """category, type, special_subtype, record_type."""
        return _frame(
            [
                (c.id, c.type.value, c.special_subtype.value if c.special_subtype else None,
                 c.record_type.value if c.record_type else None)
                for c in self.register.data_categories
            ],
            ["category", "type", "special_subtype", "record_type"],
        )

    categories = _encoded("categories", """category, type, special_subtype, record_type.""")

    def _raw_subjects(self) -> pd.DataFrame:
        """subject, kind, age_band, count."""
        return _frame(
            [(s.id, s.kind.value, s.age_band.value if s.age_band else None, s.count) for s in self.register.subjects],
            ["subject", "kind", "age_band", "count"],
        )

    subjects = _encoded("subjects", """subject, kind, age_band, count.""")

    def _raw_purposes(self) -> pd.DataFrame:
        """purpose, legal_basis, legal_source, art9_exception."""
        return _frame(
            [
                (p.id, p.legal_basis.value if p.legal_basis else None, p.legal_source, p.art9_exception)
                for p in self.register.purposes
            ],
            ["purpose", "legal_basis", "legal_source", "art9_exception"],
        )

    purposes = _encoded("purposes", """purpose, legal_basis, legal_source, art9_exception.""")

    def _raw_purpose_needs(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.purposes, "id", "needs"), ["purpose", "category"])

    purpose_needs = _encoded("purpose_needs", """purpose, category: the categories each purpose needs.""")

    # ---- agreements
    def _raw_agreements(self) -> pd.DataFrame:
        """agreement, kind, valid_from, valid_until, deletion_after_use, retention_days, retention_trigger."""
        return _frame(
            [
                (a.id, a.kind.value, a.valid_from, a.valid_until, a.deletion_after_use,
                 duration_in_days(a.retention) if a.retention else None,
                 a.retention_trigger.value if a.retention_trigger else None)
                for a in self.register.agreements
            ],
            ["agreement", "kind", "valid_from", "valid_until", "deletion_after_use", "retention_days", "retention_trigger"],
        )

    agreements = _encoded(
        "agreements", """agreement, kind, valid_from, valid_until, deletion_after_use, retention_days, retention_trigger."""
    )

    def _raw_agreement_parties(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "parties"), ["agreement", "party"])

    agreement_parties = _encoded("agreement_parties", """agreement, party: the parties that signed each agreement.""")

    def _raw_agreement_categories(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "categories"), ["agreement", "category"])

    agreement_categories = _encoded("agreement_categories", """agreement, category: the categories each agreement covers.""")

    def _raw_agreement_purposes(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "purposes"), ["agreement", "purpose"])

    agreement_purposes = _encoded("agreement_purposes", """agreement, purpose: the purposes each agreement covers.""")

    def _raw_agreement_subprocessors(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "permitted_subprocessors"), ["agreement", "party"])

    agreement_subprocessors = _encoded("agreement_subprocessors", """agreement, party: the sub-processors each agreement permits.""")

    @table
    def flow_agreements(self) -> pd.DataFrame:
        """flow, agreement: the candidate agreements of each flow.

        A flow's explicit ``agreement`` is its only candidate; otherwise every agreement that names the
        party holding the flow's destination is a candidate.
        """
        flows = self.flows
        explicit = flows.loc[flows["agreement"].notna(), ["flow", "agreement"]]
        implicit = flows.loc[flows["agreement"].isna(), ["flow", "dst_holder"]].merge(
            self.agreement_parties, left_on="dst_holder", right_on="party"
        )[["flow", "agreement"]]
        return pd.concat([explicit, implicit], ignore_index=True).drop_duplicates()

    # ---- consent, access, retention
    def _raw_consents(self) -> pd.DataFrame:
        """consent, purpose, under_16, 16_to_17, 18_plus (who consents), withdrawal, recorded_in."""
        rows = []
        for c in self.register.consents:
            g = c.given_by
            rows.append(
                (c.id, c.purpose, *(v.value if v else None for v in (g.under_16, g.age_16_17, g.adult)),
                 c.withdrawal, c.recorded_in)
            )
        return _frame(rows, ["consent", "purpose", "under_16", "16_to_17", "18_plus", "withdrawal", "recorded_in"])

    consents = _encoded("consents", """consent, purpose, under_16, 16_to_17, 18_plus (who consents), withdrawal, recorded_in.""")

    def _raw_access(self) -> pd.DataFrame:
        """role, system, category, mode (read/write), care_team, needed (True/False, or None when the
        role declares no needs), shared_account."""
        rows = []
        for a in self.register.access_roles:
            needs = set(a.needs) if a.needs is not None else None
            for mode, cats in (("read", a.read), ("write", a.write)):
                for c in cats:
                    rows.append((a.id, a.system, c, mode, a.care_team, None if needs is None else c in needs, a.shared_account))
        return _frame(rows, ["role", "system", "category", "mode", "care_team", "needed", "shared_account"])

    access = _encoded("access", """role, system, category, mode (read/write), care_team, needed (True/False, or None when the
        role declares no needs), shared_account.""")

    def _raw_retention(self) -> pd.DataFrame:
        """rule, category, purpose, days, trigger, minimum, legal_source."""
        return _frame(
            [
                (r.id, r.category, r.purpose, duration_in_days(r.duration), r.trigger.value, r.minimum, r.legal_source)
                for r in self.register.retention
            ],
            ["rule", "category", "purpose", "days", "trigger", "minimum", "legal_source"],
        )
    retention = _encoded("retention", """rule, category, purpose, days, trigger, minimum, legal_source.""")

