"""The register as tables: one pandas DataFrame per relation, built once per check.

Rules are joins and anti-joins over these tables (and graph algorithms over ``dpia.graph``), never a
Python loop per flow per rule, so a check stays fast on registers of a million flows. Every list field
of the model becomes a two-column "exploded" table (``flow_categories``: flow, category).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .model import PartyRole, Register, duration_in_days

# Roles whose receipt of data is a disclosure to another controller (needs the school's own legal basis).
DISCLOSURE_ROLES = frozenset(
    {PartyRole.INDEPENDENT_CONTROLLER, PartyRole.RECIPIENT, PartyRole.THIRD_PARTY, PartyRole.PUBLIC, PartyRole.JOINT_CONTROLLER}
)
PROCESSOR_ROLES = frozenset({PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR})


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def _pairs(items, key: str, field: str) -> list[tuple[str, str]]:
    return [(getattr(e, key), v) for e in items for v in (getattr(e, field) or ())]


@dataclass
class Tables:
    """Relational view of one register. Build with ``Tables(register)``; columns are documented per table."""

    register: Register

    # ---- nodes: every id that can be a flow's end
    @cached_property
    def nodes(self) -> pd.DataFrame:
        """node, kind (controller/school/subjects/party/system), role, holder, country, in_eea, transfer_mechanism.

        ``holder`` is the party that holds data sent to the node: a system is held by the party that
        operates it; the controller's schools are held by the controller.
        """
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

    # ---- flows
    @cached_property
    def flows(self) -> pd.DataFrame:
        """flow, src, dst, agreement (explicit or None), src_holder, dst_holder, dst_role, dst_kind."""
        base = _frame([(f.id, f.from_, f.to, f.agreement) for f in self.register.flows], ["flow", "src", "dst", "agreement"])
        nodes = self.nodes.set_index("node")
        base["src_holder"] = base["src"].map(nodes["holder"])
        base["dst_holder"] = base["dst"].map(nodes["holder"])
        base["dst_role"] = base["dst"].map(nodes["role"])
        base["dst_kind"] = base["dst"].map(nodes["kind"])
        return base

    @cached_property
    def flow_categories(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.flows, "id", "categories"), ["flow", "category"])

    @cached_property
    def flow_purposes(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.flows, "id", "purposes"), ["flow", "purpose"])

    @cached_property
    def flow_subjects(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.flows, "id", "subjects"), ["flow", "subject"])

    # ---- data, subjects, purposes
    @cached_property
    def categories(self) -> pd.DataFrame:
        """category, type, special_subtype, record_type."""
        return _frame(
            [
                (c.id, c.type.value, c.special_subtype.value if c.special_subtype else None,
                 c.record_type.value if c.record_type else None)
                for c in self.register.data_categories
            ],
            ["category", "type", "special_subtype", "record_type"],
        )

    @cached_property
    def subjects(self) -> pd.DataFrame:
        """subject, kind, age_band, count."""
        return _frame(
            [(s.id, s.kind.value, s.age_band.value if s.age_band else None, s.count) for s in self.register.subjects],
            ["subject", "kind", "age_band", "count"],
        )

    @cached_property
    def purposes(self) -> pd.DataFrame:
        """purpose, legal_basis, legal_source, art9_exception."""
        return _frame(
            [
                (p.id, p.legal_basis.value if p.legal_basis else None, p.legal_source, p.art9_exception)
                for p in self.register.purposes
            ],
            ["purpose", "legal_basis", "legal_source", "art9_exception"],
        )

    @cached_property
    def purpose_needs(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.purposes, "id", "needs"), ["purpose", "category"])

    # ---- agreements
    @cached_property
    def agreements(self) -> pd.DataFrame:
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

    @cached_property
    def agreement_parties(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "parties"), ["agreement", "party"])

    @cached_property
    def agreement_categories(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "categories"), ["agreement", "category"])

    @cached_property
    def agreement_purposes(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "purposes"), ["agreement", "purpose"])

    @cached_property
    def agreement_subprocessors(self) -> pd.DataFrame:
        return _frame(_pairs(self.register.agreements, "id", "permitted_subprocessors"), ["agreement", "party"])

    @cached_property
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
    @cached_property
    def consents(self) -> pd.DataFrame:
        """consent, purpose, under_16, 16_to_17, 18_plus (who consents), withdrawal, recorded_in."""
        rows = []
        for c in self.register.consents:
            g = c.given_by
            rows.append(
                (c.id, c.purpose, *(v.value if v else None for v in (g.under_16, g.age_16_17, g.adult)),
                 c.withdrawal, c.recorded_in)
            )
        return _frame(rows, ["consent", "purpose", "under_16", "16_to_17", "18_plus", "withdrawal", "recorded_in"])

    @cached_property
    def access(self) -> pd.DataFrame:
        """role, system, category, mode (read/write), care_team, needed (True/False, or None when the
        role declares no needs), shared_account."""
        rows = []
        for a in self.register.access_roles:
            needs = set(a.needs) if a.needs is not None else None
            for mode, cats in (("read", a.read), ("write", a.write)):
                for c in cats:
                    rows.append((a.id, a.system, c, mode, a.care_team, None if needs is None else c in needs, a.shared_account))
        return _frame(rows, ["role", "system", "category", "mode", "care_team", "needed", "shared_account"])

    @cached_property
    def retention(self) -> pd.DataFrame:
        """rule, category, purpose, days, trigger, minimum, legal_source."""
        return _frame(
            [
                (r.id, r.category, r.purpose, duration_in_days(r.duration), r.trigger.value, r.minimum, r.legal_source)
                for r in self.register.retention
            ],
            ["rule", "category", "purpose", "days", "trigger", "minimum", "legal_source"],
        )
