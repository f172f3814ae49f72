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

from .model import AgreementKind, LegalBasis, PartyRole, Promise, PromiseKind, Register, RetentionTrigger, duration_in_days

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


def _flows_to(tables, promise: Promise) -> pd.DataFrame:
    """The flows a promise about recipients speaks of: to its parties (or their systems) or to parties of
    its roles, carrying one of its categories when it names any."""
    flows = tables.flows
    mask = np.zeros(len(flows), dtype=bool)
    if promise.to:
        wanted = set(promise.to)
        mask |= flows["dst_holder"].isin(wanted).to_numpy() | flows["dst"].isin(wanted).to_numpy()
    if promise.roles:
        mask |= flows["dst_role"].astype(object).isin({r.value for r in promise.roles}).to_numpy()
    if not promise.to and not promise.roles:
        mask[:] = True
    chosen = flows.loc[mask]
    if promise.categories:
        fc = tables.flow_categories
        carrying = fc.loc[fc["category"].isin(set(promise.categories)), "flow"]
        chosen = chosen[chosen["flow"].isin(set(carrying.astype(object)))]
    return chosen


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


def _flows_without(tables, flows: pd.DataFrame, allowed: set[str]) -> list[str]:
    """Flows among ``flows`` with a purpose outside ``allowed``, or with no purpose at all."""
    if flows.empty:
        return []
    ids = set(flows["flow"].astype(object))
    fp = tables.flow_purposes
    fp = fp[fp["flow"].isin(ids)]
    bad = set(fp.loc[~fp["purpose"].astype(object).isin(allowed), "flow"].astype(object))
    with_purpose = set(fp["flow"].astype(object))
    return sorted(bad | (ids - with_purpose))


def _no_flow_without_consent(register, tables, promise, on) -> Broken | None:
    flows = _flows_to(tables, promise)
    bad = _flows_without(tables, flows, _consent_purposes(tables, register))
    if bad:
        return Broken(promise.id, tuple(bad), {"count": len(bad), "flows": _examples(bad),
                                               "parties": _examples(_ids(flows[flows["flow"].isin(set(bad))]["dst_holder"].astype(object)))})
    return None


def _no_publication_without_consent(register, tables, promise, on) -> Broken | None:
    flows = tables.flows
    public = flows[flows["dst_role"].astype(object) == PartyRole.PUBLIC.value]
    if promise.categories:
        fc = tables.flow_categories
        carrying = set(fc.loc[fc["category"].isin(set(promise.categories)), "flow"].astype(object))
        public = public[public["flow"].isin(carrying)]
    bad = _flows_without(tables, public, _consent_purposes(tables, register, age_rule=True))
    if bad:
        return Broken(promise.id, tuple(bad), {"count": len(bad), "flows": _examples(bad)})
    return None


def _under_agreement(register, tables, promise, on) -> Broken | None:
    roles = promise.roles or list(DEFAULT_AGREEMENT_ROLES)
    scoped = promise.model_copy(update={"roles": roles})
    flows = _flows_to(tables, scoped)
    if flows.empty:
        return None
    ids = set(flows["flow"].astype(object))
    fa = tables.flow_agreements
    fa = fa[fa["flow"].isin(ids)].merge(tables.agreements, on="agreement")
    valid = (fa["kind"].astype(object).isin(ART28_KINDS) & fa["deletion_after_use"].astype(bool)
             & fa["valid_from"].map(lambda d: d is None or pd.isna(d) or d <= on)
             & fa["valid_until"].map(lambda d: d is None or pd.isna(d) or d >= on))
    fa = fa[valid.to_numpy()][["flow", "agreement"]]
    # the agreement names every purpose of the flow, and at least one (one specific purpose)
    fp = tables.flow_purposes
    fp = fp[fp["flow"].isin(ids)]
    pairs = fa.merge(fp, on="flow", how="left")
    ap = tables.agreement_purposes.assign(named=True)
    pairs = pairs.merge(ap, on=["agreement", "purpose"], how="left")
    pairs["named"] = pairs["named"].eq(True) & pairs["purpose"].notna()
    covered = pairs.groupby(["flow", "agreement"], observed=True)["named"].all()
    ok = set(covered[covered].index.get_level_values(0).astype(object))
    bad = sorted(ids - ok)
    if bad:
        holders = _ids(flows[flows["flow"].isin(set(bad))]["dst_holder"].astype(object))
        return Broken(promise.id, tuple(bad), {"count": len(bad), "flows": _examples(bad), "parties": _examples(holders)})
    return None


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
    if promise.system:
        flows = tables.flows
        into = set(flows.loc[flows["dst"].astype(object) == promise.system, "flow"].astype(object))
        fc = tables.flow_categories
        held = set(fc.loc[fc["flow"].isin(into), "category"].astype(object))
    else:
        pupils = {s.id for s in register.subjects if s.kind.value == "pupil"}
        fs = tables.flow_subjects
        about = set(fs.loc[fs["subject"].isin(pupils), "flow"].astype(object))
        fc = tables.flow_categories
        held = set(fc.loc[fc["flow"].isin(about), "category"].astype(object))
    held -= set(promise.except_)
    rules = {}
    for r in register.retention:
        if r.category in held:
            rules.setdefault(r.category, []).append(r)
    bad = []
    for category in sorted(held):
        fitting = [r for r in rules.get(category, []) if r.trigger in BY_LEAVING and not r.minimum
                   and duration_in_days(r.duration) <= limit]
        if not fitting:
            bad.append(category)
    if bad:
        return Broken(promise.id, tuple(bad), {"categories": _examples(bad), "max": promise.max})
    return None


def _only_needed_data(register, tables, promise, on) -> Broken | None:
    flows = _flows_to(tables, promise) if (promise.to or promise.roles or promise.categories) else tables.flows
    if flows.empty:
        return None
    ids = set(flows["flow"].astype(object))
    fc = tables.flow_categories
    fc = fc[fc["flow"].isin(ids)]
    fp = tables.flow_purposes
    needed = fp[fp["flow"].isin(ids)].merge(tables.purpose_needs, on="purpose")[["flow", "category"]].assign(needed=True)
    joined = fc.merge(needed.drop_duplicates(), on=["flow", "category"], how="left")
    extra = joined[joined["needed"].ne(True)]
    bad = _ids(extra["flow"].astype(object))
    if bad:
        return Broken(promise.id, tuple(bad), {"count": len(bad), "flows": _examples(bad),
                                               "categories": _examples(_ids(extra["category"].astype(object)))})
    return None


def _manual(register, tables, promise, on) -> Broken | None:
    if promise.checked_on is None or (on - promise.checked_on).days > MANUAL_VALID_DAYS or not promise.evidence:
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
    from .tables import Tables

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
    from .tables import Tables

    tables = tables or Tables(register)
    return [PromiseStatus(p, check_promise(register, p, on, tables)) for p in sorted(register.promises, key=lambda p: p.id)]
