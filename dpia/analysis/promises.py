"""The school's public promises, checked against the register (GDPR Art. 12-14: transparency).

A school tells parents and pupils what it does with their data; the letter in the seed is full of such
promises. A register may hold them (section ``promises``), each with its text and one of a small,
documented vocabulary of kinds, each checked over the register's tables (so it stays fast at scale):

==============================  =======================================================================
kind                            holds when
==============================  =======================================================================
no_flow_without_consent         every flow to the parties ``to`` (or of the ``roles``), of the
                                ``categories`` if given, serves only purposes based on consent that
                                have a consent arrangement (Art. 6(1)(a), 7)
under_agreement                 every flow to a party of the ``roles`` (default: processors and
                                sub-processors) is covered by a processing agreement valid on the day,
                                naming the flow's purposes (one specific purpose), with deletion after
                                use (Art. 28(3))
only_roles_read                 no access role other than ``access_roles`` reads the ``categories``
                                (Art. 5(1)(f), 32)
no_publication_without_consent  every flow to the public, of the ``categories`` if given, serves only
                                consent-based purposes with an arrangement in which a parent consents
                                under 16 and the pupil from 16 (Art. 6(1)(a), 8; UAVG art. 5)
policy_adopted_after_mr         the board's privacy policy has an adoption date and the MR was
                                consulted on or before it (WMS)
deleted_after_leaving           every category kept in ``system`` (or every pupil category), except
                                ``except``, has a retention period of at most ``max`` that runs from
                                the pupil leaving or earlier, and is not only a minimum (Art. 5(1)(e))
only_needed_data                every flow (to ``to`` or ``roles`` if given) carries only categories
                                that its purposes need (Art. 5(1)(c))
manual                          not checkable from the register: the officer records how it was
                                checked (``evidence``) and when (``checked_on``); older than a year is
                                a reminder
==============================  =======================================================================

A broken promise is a blocker: the school tells parents something that is not true (Art. 5(1)(a),
12(1)). ``promise_status`` gives every promise with holds / broken and why, for the letter and the
notebook.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dpia.model import (AgreementKind, duration_in_days, LegalBasis, PartyRole, Promise, PromiseKind, Register, RetentionTrigger)
from dpia.analysis.tables import Tables

DEFAULT_AGREEMENT_ROLES = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
ART28_KINDS = frozenset({AgreementKind.MODEL_4_0.value, AgreementKind.PROCESSING_AGREEMENT.value})
# Retention triggers that come no later than the pupil leaving the school.
BY_LEAVING = frozenset({RetentionTrigger.DEREGISTRATION, RetentionTrigger.END_OF_SCHOOL_YEAR, RetentionTrigger.END_OF_USE,
                        RetentionTrigger.RESULT, RetentionTrigger.CREATION})
EXAMPLES = 5
MANUAL_VALID_DAYS = 366


@dataclass(frozen=True)
class Broken:
    """Why a promise does not hold: the ids that break it (``offenders``) and message parameters."""

    promise: str
    offenders: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def _ids(values) -> list[str]:
    return sorted({str(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))})


def _examples(ids: list[str]) -> str:
    shown = ", ".join(ids[:EXAMPLES])
    return shown + (f" (+{len(ids) - EXAMPLES})" if len(ids) > EXAMPLES else "")


def _rows_of(frame: pd.DataFrame, codes: np.ndarray) -> pd.DataFrame:
    """The rows of a table with a ``flow`` column whose flow code is one of ``codes`` (integer work only)."""
    return frame[np.isin(frame["flow"].cat.codes.to_numpy(), codes)]


@dataclass(frozen=True)
class _Reps:
    """The flows a promise speaks of, decided on one representative per group of flows that share their
    profile (categories, purposes, subjects), explicit agreement and destination
    (``Tables.representatives``): a million flows from a few hundred product templates are a few hundred
    decisions, with the same verdicts."""

    groups: pd.DataFrame  # flow, rep
    flows: pd.DataFrame  # the representatives' rows of ``Tables.flows`` that the promise is about

    @property
    def codes(self) -> np.ndarray:
        return self.flows["flow"].cat.codes.to_numpy()

    def members(self, bad_reps) -> list[str]:
        """Every flow whose representative is one of ``bad_reps`` (ids), sorted."""
        bad = self.flows.loc[self.flows["flow"].astype(object).isin(set(bad_reps)), "flow"].cat.codes.to_numpy()
        chosen = self.groups[np.isin(self.groups["rep"].cat.codes.to_numpy(), bad)]
        return sorted(chosen["flow"].astype(object).tolist())


def _reps(tables, promise: Promise | None = None) -> _Reps:
    """The representative flows that a promise about recipients speaks of: to its parties (or their
    systems) or to parties of its roles, carrying one of its categories when it names any."""
    groups = tables.representatives("agreement", "dst")  # a flow's explicit agreement decides under_agreement
    every = tables.flows  # read before the cache below: the incremental check learns what this uses
    cache = tables.__dict__.setdefault("_promise_reps", {})  # the same for every promise of one check
    if "rows" not in cache:
        cache["rows"] = _rows_of(every, np.unique(groups["rep"].cat.codes.to_numpy()))
    flows = cache["rows"]
    if promise is not None and (promise.to or promise.roles):
        mask = np.zeros(len(flows), dtype=bool)
        if promise.to:
            wanted = set(promise.to)
            mask |= flows["dst_holder"].astype(object).isin(wanted).to_numpy() | flows["dst"].astype(object).isin(wanted).to_numpy()
        if promise.roles:
            mask |= flows["dst_role"].astype(object).isin({r.value for r in promise.roles}).to_numpy()
        flows = flows[mask]
    if promise is not None and promise.categories:
        fc = _rows_of(tables.flow_categories, flows["flow"].cat.codes.to_numpy())
        carrying = set(fc.loc[fc["category"].astype(object).isin(set(promise.categories)), "flow"].astype(object))
        flows = flows[flows["flow"].astype(object).isin(carrying)]
    return _Reps(groups, flows)


def _consent_purposes(tables, register: Register, age_rule: bool = False) -> set[str]:
    """Purposes based on consent with a consent arrangement (``age_rule``: one in which a parent consents
    under 16 and the pupil from 16)."""
    based = {p.id for p in register.purposes if p.legal_basis is LegalBasis.CONSENT}
    arranged = set()
    for c in register.consents:
        g = c.given_by
        if age_rule and not (g.under_16 and g.under_16.value == "parent" and g.age_16_17 and g.age_16_17.value == "pupil"
                             and g.adult and g.adult.value == "pupil"):
            continue
        arranged.add(c.purpose)
    return based & arranged


def _reps_without(tables, reps: _Reps, allowed: set[str]) -> list[str]:
    """Representatives with a purpose outside ``allowed``, or with no purpose at all."""
    if reps.flows.empty:
        return []
    ids = set(reps.flows["flow"].astype(object))
    fp = _rows_of(tables.flow_purposes, reps.codes)
    bad = set(fp.loc[~fp["purpose"].astype(object).isin(allowed), "flow"].astype(object))
    return sorted(bad | (ids - set(fp["flow"].astype(object))))


def _broken_flows(promise: Promise, reps: _Reps, bad_reps: list[str], **params: Any) -> Broken | None:
    if not bad_reps:
        return None
    flows = reps.members(bad_reps)
    parties = _ids(reps.flows.loc[reps.flows["flow"].astype(object).isin(set(bad_reps)), "dst_holder"].astype(object))
    return Broken(promise.id, tuple(flows), {"count": len(flows), "flows": _examples(flows), "parties": _examples(parties), **params})


def _no_flow_without_consent(register, tables, promise, on) -> Broken | None:
    reps = _reps(tables, promise)
    return _broken_flows(promise, reps, _reps_without(tables, reps, _consent_purposes(tables, register)))


def _no_publication_without_consent(register, tables, promise, on) -> Broken | None:
    public = promise.model_copy(update={"roles": [PartyRole.PUBLIC], "to": []})
    reps = _reps(tables, public)
    return _broken_flows(promise, reps, _reps_without(tables, reps, _consent_purposes(tables, register, age_rule=True)))


def _under_agreement(register, tables, promise, on) -> Broken | None:
    roles = promise.roles or list(DEFAULT_AGREEMENT_ROLES)
    reps = _reps(tables, promise.model_copy(update={"roles": roles}))
    if reps.flows.empty:
        return None
    ids = set(reps.flows["flow"].astype(object))
    ok_agreements = {a.id for a in register.agreements
                     if a.kind.value in ART28_KINDS and a.deletion_after_use
                     and (a.valid_from is None or a.valid_from <= on) and (a.valid_until is None or a.valid_until >= on)}
    fa = _rows_of(tables.flow_agreements, reps.codes).astype({"flow": object, "agreement": object})
    fa = fa[fa["agreement"].isin(ok_agreements)]
    # the agreement names every purpose of the flow, and at least one (one specific purpose)
    fp = _rows_of(tables.flow_purposes, reps.codes).astype({"flow": object, "purpose": object})
    named = {(a.id, p) for a in register.agreements for p in a.purposes}
    purposes: dict[str, set[str]] = {}
    for flow, purpose in zip(fp["flow"], fp["purpose"]):
        purposes.setdefault(flow, set()).add(purpose)
    ok = {flow for flow, agreement in zip(fa["flow"], fa["agreement"])
          if purposes.get(flow) and all((agreement, p) in named for p in purposes[flow])}
    return _broken_flows(promise, reps, sorted(ids - ok))


def _only_roles_read(register, tables, promise, on) -> Broken | None:
    access = tables.access
    reading = access[(access["mode"] == "read") & access["category"].isin(set(promise.categories))
                     & ~access["role"].isin(set(promise.access_roles))]
    roles = _ids(reading["role"].astype(object))
    if roles:
        return Broken(promise.id, tuple(roles), {"roles": _examples(roles),
                                                 "categories": _examples(_ids(reading["category"].astype(object)))})
    return None


def _policy_adopted_after_mr(register, tables, promise, on) -> Broken | None:
    policy = register.controller.privacy_policy
    if policy is None:
        return Broken(promise.id, (register.controller.id,), {"why": "no_policy"})
    if policy.mr_consulted_on is None:
        return Broken(promise.id, (register.controller.id,), {"why": "no_mr"})
    if policy.mr_consulted_on > policy.adopted_on:
        return Broken(promise.id, (register.controller.id,), {"why": "mr_after"})
    return None


def _deleted_after_leaving(register, tables, promise, on) -> Broken | None:
    limit = duration_in_days(promise.max)
    reps = _reps(tables)
    flows = reps.flows
    if promise.system:
        chosen = flows.loc[flows["dst"].astype(object) == promise.system, "flow"].cat.codes.to_numpy()
    else:
        pupils = {s.id for s in register.subjects if s.kind.value == "pupil"}
        fs = _rows_of(tables.flow_subjects, reps.codes)
        chosen = fs.loc[fs["subject"].astype(object).isin(pupils), "flow"].cat.codes.to_numpy()
    fc = _rows_of(tables.flow_categories, np.unique(chosen))
    held = set(fc["category"].astype(object)) - set(promise.except_)
    rules: dict[str, list] = {}
    for r in register.retention:
        if r.category in held:
            rules.setdefault(r.category, []).append(r)
    bad = [category for category in sorted(held)
           if not any(r.trigger in BY_LEAVING and not r.minimum and duration_in_days(r.duration) <= limit
                      for r in rules.get(category, []))]
    if bad:
        return Broken(promise.id, tuple(bad), {"categories": _examples(bad), "max": promise.max})
    return None


def _only_needed_data(register, tables, promise, on) -> Broken | None:
    reps = _reps(tables, promise)
    if reps.flows.empty:
        return None
    fc = _rows_of(tables.flow_categories, reps.codes).astype({"flow": object, "category": object})
    fp = _rows_of(tables.flow_purposes, reps.codes).astype({"flow": object, "purpose": object})
    needs = {p.id: set(p.needs) for p in register.purposes}
    needed: dict[str, set[str]] = {}
    for flow, purpose in zip(fp["flow"], fp["purpose"]):
        needed.setdefault(flow, set()).update(needs.get(purpose, ()))
    extra = [(flow, c) for flow, c in zip(fc["flow"], fc["category"]) if c not in needed.get(flow, set())]
    bad = sorted({flow for flow, _ in extra})
    return _broken_flows(promise, reps, bad, categories=_examples(_ids(c for _, c in extra)))


def _manual(register, tables, promise, on) -> Broken | None:
    if promise.checked_on is None or (on - promise.checked_on).days > MANUAL_VALID_DAYS or not (promise.evidence or "").strip():
        return Broken(promise.id, (promise.id,), {"checked_on": promise.checked_on.isoformat() if promise.checked_on else "—"})
    return None


CHECKS = {
    PromiseKind.NO_FLOW_WITHOUT_CONSENT: _no_flow_without_consent,
    PromiseKind.UNDER_AGREEMENT: _under_agreement,
    PromiseKind.ONLY_ROLES_READ: _only_roles_read,
    PromiseKind.NO_PUBLICATION_WITHOUT_CONSENT: _no_publication_without_consent,
    PromiseKind.POLICY_ADOPTED_AFTER_MR: _policy_adopted_after_mr,
    PromiseKind.DELETED_AFTER_LEAVING: _deleted_after_leaving,
    PromiseKind.ONLY_NEEDED_DATA: _only_needed_data,
    PromiseKind.MANUAL: _manual,
}


def check_promise(register: Register, promise: Promise, on: dt.date, tables: Any = None) -> Broken | None:
    """Why ``promise`` does not hold on ``on``, or None when it holds."""
    return CHECKS[promise.kind](register, tables or Tables(register), promise, on)


@dataclass(frozen=True)
class PromiseStatus:
    promise: Promise
    broken: Broken | None

    @property
    def holds(self) -> bool:
        return self.broken is None


def promise_status(register: Register, on: dt.date, tables: Any = None) -> list[PromiseStatus]:
    """Every promise of the register with whether it holds on ``on``, in id order."""
    tables = tables or Tables(register)
    return [PromiseStatus(p, check_promise(register, p, on, tables)) for p in sorted(register.promises, key=lambda p: p.id)]
