"""Risks of a DPIA: scales and matrices, a suggested level explained by the register, residual risk,
a what-if, and the Art. 36 flag.

**Scales.** A DPIA rates likelihood and impact on one scale:

- ``model_dpia`` (Rijksoverheid Model DPIA v3.0): low, medium, high (laag, midden, hoog). The matrix:
  any *low* gives low; medium x medium gives medium; everything else is high.
- ``cnil`` (CNIL PIA method): negligible, limited, significant, maximum, for likelihood and severity.
  The CNIL method plots risks on a map rather than multiplying; the workbench reads its map as three
  zones: both axes at most *limited*: low (the risk may be taken); one axis at least *significant*:
  medium (reduce the likelihood, or avoid or reduce the severity); both at least *significant*: high
  (must absolutely be avoided or reduced).

**Suggested level.** The register suggests a level for likelihood and for impact, as a sum of
factors, each with its points and the facts behind them:

==============  ==========  ================================================================  ======
dimension       factor      points                                                            max
==============  ==========  ================================================================  ======
impact          data type   2 special or criminal data; 1 sensitive data or the BSN           2
impact          subjects    1 children (pupils under 18) among the data subjects              1
impact          volume      1 large scale (a pupil administration, or many data subjects)     1
likelihood      recipients  2 a recipient, third party or the public; 1 another processor    2
                            or controller
likelihood      transfers   1 a party outside the EEA                                         1
likelihood      access      1 a role reads data it does not need, a shared account, or three  1
                            or more roles read sensitive data
likelihood      findings    1 open blocking or warning findings about the scope               1
==============  ==========  ================================================================  ======

The score is mapped onto the scale in equal bands: level index = min(n - 1, score x n // max), for a
scale of n levels. The officer may set another level; the suggestion, the chosen level and the
motivation all stay on record.

**Residual risk.** Each implemented measure linked to a risk lowers what it ``reduces`` (likelihood,
impact or both) by one step, never below the lowest level. The *what-if* counts planned measures as if
they were implemented. A residual *high* risk calls for prior consultation of the AP (GDPR Art. 36)
unless the board accepted it with a rationale.

Every function here is pure and deterministic: same register, same findings, same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pandas as pd

from dpia.model.flowtable import flow_destinations
from dpia.i18n import t
from dpia.model import (DataType, DecisionOutcome, Dpia, EEA_COUNTRIES, Level, LevelAssessment, MeasureEffect, MeasureStatus, PartyRole, Register, Risk, RiskAcceptance, RiskKind, RiskScale, SCALE_LEVELS, Text)
from dpia.analysis.scope import dpia_scope, get_dpia, risk_scope, Scope
from dpia.analysis.screening import facts_of, LARGE_SCALE_SUBJECTS, Reason
from dpia.analysis.screening import screen
from dpia.model import Criterion

LIKELIHOOD = "likelihood"
IMPACT = "impact"
DIMENSIONS = (LIKELIHOOD, IMPACT)


class RiskLevel(StrEnum):
    """The overall level of a risk, read from the scale's matrix."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


RISK_LEVEL_ORDER = (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH)


# --------------------------------------------------------------------------------------------------
# Scales and matrices


def levels(scale: RiskScale) -> tuple[Level, ...]:
    """The levels of ``scale``, lowest first.

    >>> [lv.value for lv in levels(RiskScale.MODEL_DPIA)]
    ['low', 'medium', 'high']
    """
    return SCALE_LEVELS[RiskScale(scale)]


def level_index(scale: RiskScale, level: Level) -> int:
    """Position of ``level`` on ``scale`` (0 is the lowest); ``ValueError`` when it is not on it."""
    return levels(scale).index(Level(level))


def model_dpia_matrix(likelihood: Level, impact: Level) -> RiskLevel:
    """The Model DPIA matrix: any low gives low; medium x medium gives medium; otherwise high.

    >>> model_dpia_matrix(Level.MEDIUM, Level.HIGH).value
    'high'
    """
    if Level.LOW in (likelihood, impact):
        return RiskLevel.LOW
    if likelihood is Level.MEDIUM and impact is Level.MEDIUM:
        return RiskLevel.MEDIUM
    return RiskLevel.HIGH


CNIL_HIGH = frozenset({Level.SIGNIFICANT, Level.MAXIMUM})


def cnil_matrix(likelihood: Level, severity: Level) -> RiskLevel:
    """The CNIL map read as zones: both axes at most limited: low; one at least significant: medium;
    both at least significant: high.

    >>> cnil_matrix(Level.LIMITED, Level.MAXIMUM).value
    'medium'
    """
    high = (likelihood in CNIL_HIGH) + (severity in CNIL_HIGH)
    return RISK_LEVEL_ORDER[high]


def risk_level(scale: RiskScale, likelihood: Level, impact: Level) -> RiskLevel:
    """The overall level of a risk with ``likelihood`` and ``impact`` on ``scale``."""
    scale = RiskScale(scale)
    level_index(scale, likelihood), level_index(scale, impact)  # both must be on the scale
    if scale is RiskScale.MODEL_DPIA:
        return model_dpia_matrix(Level(likelihood), Level(impact))
    return cnil_matrix(Level(likelihood), Level(impact))


def matrix(scale: RiskScale) -> dict[tuple[Level, Level], RiskLevel]:
    """Every cell of the scale's matrix: ``(likelihood, impact) -> level``.

    >>> len(matrix(RiskScale.CNIL))
    16
    """
    return {(lk, im): risk_level(scale, lk, im) for lk in levels(scale) for im in levels(scale)}


def reduce_levels(
    scale: RiskScale, likelihood: Level, impact: Level, effects: Iterable[MeasureEffect]
) -> tuple[Level, Level]:
    """Lower ``likelihood`` and ``impact`` one step for each effect, never below the lowest level.

    >>> reduce_levels(RiskScale.MODEL_DPIA, Level.HIGH, Level.HIGH, [MeasureEffect.BOTH, MeasureEffect.LIKELIHOOD])
    (<Level.LOW: 'low'>, <Level.MEDIUM: 'medium'>)
    """
    li, ii = level_index(scale, likelihood), level_index(scale, impact)
    for effect in effects:
        effect = MeasureEffect(effect)
        if effect in (MeasureEffect.LIKELIHOOD, MeasureEffect.BOTH):
            li = max(0, li - 1)
        if effect in (MeasureEffect.IMPACT, MeasureEffect.BOTH):
            ii = max(0, ii - 1)
    lv = levels(scale)
    return lv[li], lv[ii]


# --------------------------------------------------------------------------------------------------
# The suggested level


@dataclass(frozen=True)
class Factor:
    """One reason in a suggested level: how many points it adds, out of how many, and why."""

    name: str
    dimension: str
    points: int
    max_points: int
    reason: Reason

    def explain(self, lang: str | None = None) -> str:
        return t("factor_line", lang, factor=t(f"factor_{self.name}", lang), points=self.points,
                 max=self.max_points, why=self.reason.render(lang))

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"factor": self.name, "dimension": self.dimension, "points": self.points,
                "max_points": self.max_points, "reason": self.reason.render(lang)}


@dataclass(frozen=True)
class Suggestion:
    """A level computed from the register, with the factors that explain it."""

    dimension: str
    scale: RiskScale
    level: Level
    score: int
    max_score: int
    factors: tuple[Factor, ...]

    def explain(self, lang: str | None = None) -> list[str]:
        """One line per factor and a last line with the sum and the level."""
        lines = [f.explain(lang) for f in self.factors]
        lines.append(t("suggestion_line", lang, score=self.score, max=self.max_score, level=level_label(self.level, lang)))
        return lines

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"level": self.level.value, "score": self.score, "max_score": self.max_score,
                "factors": [f.as_dict(lang) for f in self.factors]}


def level_from_score(scale: RiskScale, score: int, max_score: int) -> Level:
    """Map a score onto the scale in equal bands: index = min(n - 1, score * n // max_score).

    >>> level_from_score(RiskScale.MODEL_DPIA, 2, 4).value
    'medium'
    """
    lv = levels(scale)
    n = len(lv)
    if max_score <= 0:
        return lv[0]
    return lv[min(n - 1, max(0, score) * n // max_score)]


def _r(key: str, **params: Any) -> Reason:
    return Reason(key, tuple(sorted(params.items())))


def _ids(values: Iterable[str], limit: int = 6) -> str:
    vals = sorted(set(values))
    shown = ", ".join(vals[:limit])
    return shown + (f" (+{len(vals) - limit})" if len(vals) > limit else "")


OPEN_ROLES = frozenset({PartyRole.RECIPIENT, PartyRole.THIRD_PARTY, PartyRole.PUBLIC})
EXTERNAL_ROLES = frozenset(
    {PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR, PartyRole.INDEPENDENT_CONTROLLER, PartyRole.JOINT_CONTROLLER}
)
COUNTED_SEVERITIES = ("blocker", "warning")


def findings_in_scope(findings: Iterable[Any] | None, ids: Iterable[str]) -> list[Any]:
    """Open blocker and warning findings about any of ``ids``, leaving out the sign-off rules' own
    findings (they are about the DPIA, not about the register)."""
    if findings is None:
        return []
    wanted = set(ids)
    out = []
    for f in findings:
        if getattr(f, "accepted", None) is not None or f.severity.value not in COUNTED_SEVERITIES:
            continue
        if f.rule.theme == "signoff":
            continue
        if wanted.intersection(f.subjects):
            out.append(f)
    return sorted(out, key=lambda f: f.id)


def _impact_factors(register: Register, scope: Scope, large_scale: int) -> list[Factor]:
    facts = facts_of(register, scope, large_scale)
    cats = scope.category_entities(register)
    special = sorted(c.id for c in cats if c.type in (DataType.SPECIAL, DataType.CRIMINAL))
    sensitive = sorted(c.id for c in cats if c.type in (DataType.SENSITIVE, DataType.NATIONAL_ID))
    if special:
        data = Factor("data_type", IMPACT, 2, 2, _r("factor_data_special", categories=_ids(special)))
    elif sensitive:
        data = Factor("data_type", IMPACT, 1, 2, _r("factor_data_sensitive", categories=_ids(sensitive)))
    else:
        data = Factor("data_type", IMPACT, 0, 2, _r("factor_data_ordinary"))
    if facts.children:
        subjects = Factor("subjects", IMPACT, 1, 1, _r("factor_children", groups=_ids(facts.children)))
    else:
        subjects = Factor("subjects", IMPACT, 0, 1, _r("factor_no_children"))
    if facts.large_scale:
        why = (_r("screen_d_large_system", systems=_ids(facts.pupil_administration)) if facts.pupil_administration
               else _r("screen_d_large_count", count=facts.count, threshold=facts.threshold))
        volume = Factor("volume", IMPACT, 1, 1, why)
    elif facts.large_scale is False:
        volume = Factor("volume", IMPACT, 0, 1, _r("screen_d_small_count", count=facts.count, threshold=facts.threshold))
    else:
        volume = Factor("volume", IMPACT, 0, 1, _r("screen_d_count_unknown"))
    return [data, subjects, volume]


def _likelihood_factors(register: Register, scope: Scope, findings: Iterable[Any] | None) -> list[Factor]:
    parties = {p.id: p for p in register.parties}
    operators = {s.id: s.operated_by for s in register.systems}
    targets = flow_destinations(register, scope.flows).values()  # YAML and bulk (flows.csv) flows

    def holder(node: str) -> str | None:
        node = operators.get(node, node)
        return node if node in parties else None

    receivers = {h for to in targets if (h := holder(to)) is not None}
    open_ = sorted(p for p in receivers if parties[p].role in OPEN_ROLES)
    external = sorted(p for p in receivers if parties[p].role in EXTERNAL_ROLES)
    if open_:
        rec = Factor("recipients", LIKELIHOOD, 2, 2, _r("factor_recipients_open", parties=_ids(open_)))
    elif external:
        rec = Factor("recipients", LIKELIHOOD, 1, 2, _r("factor_recipients_external", parties=_ids(external)))
    else:
        rec = Factor("recipients", LIKELIHOOD, 0, 2, _r("factor_recipients_internal"))

    outside = sorted(
        p for p in scope.parties if parties[p].location is not None and parties[p].location.country not in EEA_COUNTRIES
    )
    if outside:
        transfer = Factor("transfers", LIKELIHOOD, 1, 1, _r("factor_transfer", parties=_ids(outside)))
    else:
        transfer = Factor("transfers", LIKELIHOOD, 0, 1, _r("factor_no_transfer"))

    roles = [a for a in register.access_roles if a.id in set(scope.access_roles)]
    sensitive_cats = {c.id for c in register.data_categories if c.type is not DataType.ORDINARY}
    excess = sorted(
        a.id for a in roles if a.shared_account or (a.needs is not None and set(a.read) - set(a.needs))
    )
    broad = sorted(a.id for a in roles if sensitive_cats & set(a.read))
    if excess:
        access = Factor("access", LIKELIHOOD, 1, 1, _r("factor_access_excess", roles=_ids(excess)))
    elif len(broad) >= 3:
        access = Factor("access", LIKELIHOOD, 1, 1, _r("factor_access_broad", count=len(broad), roles=_ids(broad)))
    elif roles:
        access = Factor("access", LIKELIHOOD, 0, 1, _r("factor_access_narrow", roles=_ids(a.id for a in roles)))
    else:
        access = Factor("access", LIKELIHOOD, 0, 1, _r("factor_access_none"))

    if findings is None:
        found = Factor("findings", LIKELIHOOD, 0, 1, _r("factor_findings_not_considered"))
    else:
        hits = findings_in_scope(findings, scope.ids)
        if hits:
            found = Factor("findings", LIKELIHOOD, 1, 1, _r("factor_findings_open", count=len(hits), ids=_ids(f.id for f in hits)))
        else:
            found = Factor("findings", LIKELIHOOD, 0, 1, _r("factor_no_findings"))
    return [rec, transfer, access, found]


def _suggestion(dimension: str, scale: RiskScale, factors: list[Factor]) -> Suggestion:
    score = sum(f.points for f in factors)
    top = sum(f.max_points for f in factors)
    return Suggestion(dimension, scale, level_from_score(scale, score, top), score, top, tuple(factors))


def suggest(
    register: Register,
    dpia: Dpia | str,
    risk: Risk | None = None,
    findings: Iterable[Any] | None = None,
    large_scale: int = LARGE_SCALE_SUBJECTS,
) -> tuple[Suggestion, Suggestion]:
    """The suggested likelihood and impact of a risk (or of the whole DPIA), with their explanation.

    Parameters
    ----------
    register
        The register.
    dpia
        The DPIA or its id; its scale decides the levels.
    risk
        The risk; its systems and flows are its scope (none: the whole DPIA). ``None``: the DPIA.
    findings
        Findings of ``dpia check`` (``CheckResult.findings``). Open blocker and warning findings about
        the scope raise the likelihood. ``None`` leaves this factor out (and says so).
    large_scale
        Number of data subjects from which a processing counts as large scale.

    Returns
    -------
    tuple of Suggestion
        ``(likelihood, impact)``; each has its level, score and factors.

    Examples
    --------
    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> lk, im = suggest(reg, "d")
    >>> (lk.level.value, im.level.value, [f.name for f in im.factors])
    ('low', 'low', ['data_type', 'subjects', 'volume'])
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    scope = risk_scope(register, d, risk) if risk is not None else dpia_scope(register, d)
    return (
        _suggestion(LIKELIHOOD, d.scale, _likelihood_factors(register, scope, findings)),
        _suggestion(IMPACT, d.scale, _impact_factors(register, scope, large_scale)),
    )


# --------------------------------------------------------------------------------------------------
# Assessment: inherent, residual, what-if


@dataclass(frozen=True)
class Rating:
    """Likelihood or impact of a risk: the suggestion, the officer's assessment, and the level that counts."""

    dimension: str
    suggestion: Suggestion
    assessment: LevelAssessment | None

    @property
    def level(self) -> Level:
        a = self.assessment
        return a.level if a is not None and a.level is not None else self.suggestion.level

    @property
    def source(self) -> str:
        """'officer' when the officer set a level, 'suggestion' otherwise."""
        a = self.assessment
        return "officer" if a is not None and a.level is not None else "suggestion"

    @property
    def overridden(self) -> bool:
        """The officer chose another level than the register suggests."""
        return self.source == "officer" and self.level is not self.suggestion.level

    @property
    def motivated(self) -> bool:
        return self.assessment is not None

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        a = self.assessment
        return {
            "level": self.level.value,
            "source": self.source,
            "overridden": self.overridden,
            "suggested": self.suggestion.as_dict(lang),
            "motivation": a.motivation if a else None,
            "by": a.by if a else None,
            "on": a.on.isoformat() if a and a.on else None,
        }


@dataclass(frozen=True)
class MeasureStep:
    """A measure linked to a risk: what it reduces, its status, and whether the residual counts it."""

    measure: str
    reduces: MeasureEffect
    status: MeasureStatus
    counted: bool
    assumed: bool  # counted only because the what-if treats it as implemented


@dataclass(frozen=True)
class RiskAssessment:
    """A risk rated: inherent level, residual level after the measures counted, and acceptance."""

    dpia: str
    risk: str
    title: Text
    kind: RiskKind
    scale: RiskScale
    likelihood: Rating
    impact: Rating
    inherent: RiskLevel
    residual_likelihood: Level
    residual_impact: Level
    residual: RiskLevel
    measures: tuple[MeasureStep, ...]
    acceptance: RiskAcceptance | None
    what_if: bool = False

    @property
    def needs_prior_consultation(self) -> bool:
        """A residual high risk that the board has not accepted (GDPR Art. 36(1))."""
        return self.residual is RiskLevel.HIGH and self.acceptance is None

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "dpia": self.dpia,
            "risk": self.risk,
            "title": self.title.pick(lang),
            "kind": self.kind.value,
            "scale": self.scale.value,
            "likelihood": self.likelihood.as_dict(lang),
            "impact": self.impact.as_dict(lang),
            "inherent": self.inherent.value,
            "residual_likelihood": self.residual_likelihood.value,
            "residual_impact": self.residual_impact.value,
            "residual": self.residual.value,
            "measures": [
                {"measure": m.measure, "reduces": m.reduces.value, "status": m.status.value, "counted": m.counted,
                 "assumed": m.assumed}
                for m in self.measures
            ],
            "accepted": None if self.acceptance is None else {
                "rationale": self.acceptance.rationale, "by": self.acceptance.accepted_by,
                "on": self.acceptance.accepted_on.isoformat(),
            },
            "prior_consultation": self.needs_prior_consultation,
            "what_if": self.what_if,
        }


def assess_risk(
    register: Register,
    dpia: Dpia | str,
    risk: Risk | str,
    findings: Iterable[Any] | None = None,
    assume: Iterable[str] = (),
    large_scale: int = LARGE_SCALE_SUBJECTS,
) -> RiskAssessment:
    """Rate one risk: suggestion, the officer's levels, inherent and residual level.

    The officer's level (``likelihood.level``, ``impact.level``) counts where set; otherwise the
    suggestion does. Each counted measure lowers what its link ``reduces`` by one step.

    Parameters
    ----------
    register, dpia, findings, large_scale
        As for :func:`suggest`.
    risk
        The risk or its id.
    assume
        Ids of measures to count as implemented whatever their status (the what-if).

    Returns
    -------
    RiskAssessment
        The ratings (with suggestion and override trail), inherent and residual levels, the measures
        with whether they were counted, and the board's acceptance if any.
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    r = next(x for x in d.risks if x.id == risk) if isinstance(risk, str) else risk
    lk_s, im_s = suggest(register, d, r, findings, large_scale)
    lk, im = Rating(LIKELIHOOD, lk_s, r.likelihood), Rating(IMPACT, im_s, r.impact)
    status = {m.id: m.status for m in register.measures}
    assumed = set(assume)
    steps = []
    for link in sorted(r.measures, key=lambda m: m.measure):
        st = status.get(link.measure, MeasureStatus.PLANNED)
        done = st is MeasureStatus.IMPLEMENTED
        steps.append(MeasureStep(link.measure, link.reduces, st, done or link.measure in assumed,
                                 not done and link.measure in assumed))
    res_l, res_i = reduce_levels(d.scale, lk.level, im.level, [s.reduces for s in steps if s.counted])
    return RiskAssessment(
        dpia=d.id,
        risk=r.id,
        title=r.title,
        kind=r.kind,
        scale=d.scale,
        likelihood=lk,
        impact=im,
        inherent=risk_level(d.scale, lk.level, im.level),
        residual_likelihood=res_l,
        residual_impact=res_i,
        residual=risk_level(d.scale, res_l, res_i),
        measures=tuple(steps),
        acceptance=r.acceptance,
        what_if=bool(assumed),
    )


def assess(
    register: Register,
    dpia: Dpia | str,
    findings: Iterable[Any] | None = None,
    assume: Iterable[str] = (),
    large_scale: int = LARGE_SCALE_SUBJECTS,
) -> list[RiskAssessment]:
    """Rate every risk of a DPIA: inherent level, residual level and acceptance.

    Parameters
    ----------
    register
        The register.
    dpia
        The DPIA or its id.
    findings
        Findings of ``dpia check`` for the suggestion's findings factor (``None``: not considered).
    assume
        Ids of measures to count as implemented whatever their status (see :func:`what_if`).
    large_scale
        Number of data subjects from which a processing counts as large scale.

    Returns
    -------
    list of RiskAssessment
        One per risk, sorted by risk id.

    Examples
    --------
    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> assess(reg, "d")
    []
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    findings = list(findings) if findings is not None else None
    assume = tuple(assume)
    return [assess_risk(register, d, r, findings, assume, large_scale) for r in sorted(d.risks, key=lambda r: r.id)]


def pending_measures(register: Register, dpia: Dpia | str) -> list[str]:
    """Ids of the measures linked to the DPIA's risks that are not implemented yet, sorted."""
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    status = {m.id: m.status for m in register.measures}
    linked = {link.measure for r in d.risks for link in r.measures}
    return sorted(m for m in linked if status.get(m) is not MeasureStatus.IMPLEMENTED)


def what_if(
    register: Register,
    dpia: Dpia | str,
    measures: Iterable[str] | None = None,
    findings: Iterable[Any] | None = None,
    large_scale: int = LARGE_SCALE_SUBJECTS,
) -> list[RiskAssessment]:
    """The risks as they would be if ``measures`` were implemented. The register is not changed.

    A widget can call this with the measures a user ticks and show the residual levels that result.

    Parameters
    ----------
    register, dpia, findings, large_scale
        As for :func:`assess`.
    measures
        Ids of the measures to treat as implemented; ``None``: every planned or in-progress measure
        linked to the DPIA's risks (:func:`pending_measures`).

    Returns
    -------
    list of RiskAssessment
        One per risk, sorted by risk id, with ``what_if`` set and the assumed measures marked.

    Examples
    --------
    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> what_if(reg, "d")
    []
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    chosen = pending_measures(register, d) if measures is None else sorted(set(measures))
    return assess(register, d, findings, chosen, large_scale)


# --------------------------------------------------------------------------------------------------
# Art. 36


@dataclass(frozen=True)
class PriorConsultation:
    """Whether a DPIA calls for prior consultation of the AP (GDPR Art. 36(1))."""

    dpia: str
    risks: tuple[str, ...]  # residual high and not accepted
    accepted: tuple[str, ...]  # residual high, accepted by the board with a rationale
    referred: bool  # the board's decision refers the DPIA to the AP

    @property
    def required(self) -> bool:
        return bool(self.risks)

    def as_dict(self) -> dict[str, Any]:
        return {"dpia": self.dpia, "required": self.required, "risks": list(self.risks),
                "accepted": list(self.accepted), "referred": self.referred}


def prior_consultation(
    register: Register,
    dpia: Dpia | str,
    findings: Iterable[Any] | None = None,
    assessments: list[RiskAssessment] | None = None,
) -> PriorConsultation:
    """Art. 36: the risks whose residual level is high and that the board has not accepted.

    Parameters
    ----------
    register, dpia, findings
        As for :func:`assess`.
    assessments
        Rated risks to judge instead of rating them again (for instance a :func:`what_if`).

    Returns
    -------
    PriorConsultation
        ``required`` when a residual high risk is not accepted with a rationale; ``referred`` when the
        board's decision refers the DPIA to the AP.

    Examples
    --------
    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> prior_consultation(reg, "d").required
    False
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    rated = assessments if assessments is not None else assess(register, d, findings)
    high = [a for a in rated if a.residual is RiskLevel.HIGH]
    decision = d.signoff.decision
    return PriorConsultation(
        d.id,
        tuple(a.risk for a in high if a.acceptance is None),
        tuple(a.risk for a in high if a.acceptance is not None),
        decision is not None and decision.outcome is DecisionOutcome.REFER_TO_AP,
    )


# --------------------------------------------------------------------------------------------------
# Tables, text and scaffolding


def level_label(level: Level | RiskLevel, lang: str | None = None) -> str:
    """'laag', 'midden', 'hoog', ... in the reader's language."""
    return t(f"level_{level.value}", lang)


def risk_table(assessments: Iterable[RiskAssessment], lang: str | None = None) -> pd.DataFrame:
    """The risks as a table: likelihood, impact and level before and after the measures, sorted by id."""
    rows = []
    for a in sorted(assessments, key=lambda a: (a.dpia, a.risk)):
        rows.append((
            a.risk,
            a.title.pick(lang),
            t(f"riskkind_{a.kind.value}", lang),
            _rated(a.likelihood, lang),
            _rated(a.impact, lang),
            level_label(a.inherent, lang),
            ", ".join(m.measure + ("*" if m.assumed else "") for m in a.measures if m.counted) or "—",
            f"{level_label(a.residual_likelihood, lang)} / {level_label(a.residual_impact, lang)}",
            level_label(a.residual, lang),
            _consultation(a, lang),
        ))
    cols = [t(f"col_{c}", lang) for c in (
        "risk", "risk_title", "risk_kind", "likelihood", "impact", "inherent", "measures_counted", "residual_li", "residual", "art36"
    )]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.set_index(cols[0]) if rows else frame


def _rated(r: Rating, lang: str | None) -> str:
    text = level_label(r.level, lang)
    if r.overridden:
        text += " " + t("rated_override", lang, suggested=level_label(r.suggestion.level, lang))
    elif r.source == "suggestion":
        text += " " + t("rated_confirmed" if r.motivated else "rated_suggested", lang)
    return text


def _consultation(a: RiskAssessment, lang: str | None) -> str:
    if a.residual is not RiskLevel.HIGH:
        return "—"
    return t("art36_accepted", lang) if a.acceptance is not None else t("art36_required", lang)


def risks_text(
    register: Register, dpia: Dpia | str, findings: Iterable[Any] | None = None, lang: str | None = None
) -> str:
    """The risks of a DPIA as plain text: each risk with its levels, the reasons behind the suggested
    levels, the residual level now and with the planned measures, and the Art. 36 verdict."""
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    findings = list(findings) if findings is not None else None
    now = assess(register, d, findings)
    planned = {a.risk: a for a in what_if(register, d, None, findings)}
    title = d.title.pick(lang)
    lines = [t("risks_header", lang, dpia=d.id, title=title, scale=t(f"scale_{d.scale.value}", lang), count=len(now))]
    for a in now:
        lines.append(t("risks_risk", lang, risk=a.risk, title=a.title.pick(lang),
                       kind=t(f"riskkind_{a.kind.value}", lang)))
        for r in (a.likelihood, a.impact):
            lines.append("    " + t(f"risks_{r.dimension}", lang) + ": " + _rated(r, lang))
            if r.assessment is not None:
                lines.append("      " + t("risks_motivation", lang, text=r.assessment.motivation))
            for line in r.suggestion.explain(lang):
                lines.append("      - " + line)
        w = planned[a.risk]
        lines.append("    " + t("risks_levels", lang, inherent=level_label(a.inherent, lang),
                                residual=level_label(a.residual, lang), planned=level_label(w.residual, lang)))
        counted = [m.measure for m in a.measures if m.counted]
        pending = [m.measure for m in a.measures if not m.counted]
        lines.append("    " + t("risks_measures", lang, counted=", ".join(counted) or "—", pending=", ".join(pending) or "—"))
        if a.acceptance is not None:
            lines.append("    " + t("risks_accepted", lang, by=a.acceptance.accepted_by,
                                    on=a.acceptance.accepted_on.isoformat(), rationale=a.acceptance.rationale))
    pc = prior_consultation(register, d, assessments=now)
    if pc.required and not pc.referred:
        lines.append(t("art36_line_required", lang, risks=", ".join(pc.risks)))
    elif pc.required:
        lines.append(t("art36_line_referred", lang, risks=", ".join(pc.risks)))
    else:
        lines.append(t("art36_line_none", lang, accepted=", ".join(pc.accepted) or "—"))
    return "\n".join(lines) + "\n"


FEARED_EVENTS = (RiskKind.ILLEGITIMATE_ACCESS, RiskKind.UNWANTED_MODIFICATION, RiskKind.DISAPPEARANCE)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def scaffold(register: Register, dpia: Dpia | str, screening: Any = None) -> list[dict[str, Any]]:
    """Proposed risks to start from, as register entries (plain data) not yet in the DPIA.

    Per system in scope: CNIL's three feared events (illegitimate access, unwanted modification,
    disappearance). For the DPIA as a whole, risks to other rights where the register points at them:
    discrimination (special data), unlawful publication (a flow to the public), loss of control
    (processors, sub-processors or a transfer outside the EEA), the chilling effect of monitoring and
    exclusion (when the screening says systematic monitoring, or that the processing prevents the use
    of a right or service). A proposal is left out when the DPIA already has a risk of that kind for
    that system. Levels are not filled in: the suggestion applies until the officer rates the risk.

    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> scaffold(reg, "d")
    []
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    have = {(r.kind, tuple(sorted(r.systems))) for r in d.risks}
    ids = {r.id for r in d.risks}
    out: list[dict[str, Any]] = []

    names = {s.id: s.name for s in register.systems}

    def propose(kind: RiskKind, systems: list[str], flows: list[str], name: str, rights: list[str], sources: list[str]) -> None:
        if (kind, tuple(sorted(systems))) in have:
            return
        rid = f"risk-{_slug(kind.value)}" + (f"-{_slug(name)}" if name else "")
        if rid in ids:
            return
        ids.add(rid)
        shown = names.get(name, name) or d.id
        entry: dict[str, Any] = {
            "id": rid,
            "title": {"nl": t(f"scaffold_{kind.value}", "nl", name=shown), "en": t(f"scaffold_{kind.value}", "en", name=shown)},
            "kind": kind.value,
            "sources": sources,
            "rights": rights,
        }
        if systems:
            entry["systems"] = systems
        if flows:
            entry["flows"] = flows
        out.append(entry)

    for system in sorted(d.systems):
        for kind in FEARED_EVENTS:
            sources = ["internal_human", "external_human"] + (["non_human"] if kind is RiskKind.DISAPPEARANCE else [])
            propose(kind, [system], [], system, ["private_life", "data_protection"], sources)
    scope = dpia_scope(register, d)
    facts = facts_of(register, scope)
    parties = {p.id: p for p in register.parties}
    if facts.special:
        propose(RiskKind.DISCRIMINATION, [], [], "", ["non_discrimination", "private_life"], ["internal_human"])
    public = sorted(f for f, to in flow_destinations(register, scope.flows).items()
                    if to in parties and parties[to].role is PartyRole.PUBLIC)
    if public:
        propose(RiskKind.UNLAWFUL_PUBLICATION, [], public, "", ["private_life", "rights_of_the_child"], ["internal_human"])
    remote = [p for p in scope.parties if parties[p].role in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
              or (parties[p].location is not None and parties[p].location.country not in EEA_COUNTRIES)]
    if remote:
        propose(RiskKind.LOSS_OF_CONTROL, [], [], "", ["data_protection"], ["external_human"])
    result = screening if screening is not None else screen(register, d)
    applies = {c.criterion for c in result.criteria if c.applies}
    if Criterion.WP248_MONITORING in applies or Criterion.AP_BEHAVIOUR in applies:
        propose(RiskKind.CHILLING_EFFECT, [], [], "", ["freedom_of_expression", "private_life"], ["internal_human"])
    if Criterion.WP248_PREVENTS_RIGHTS in applies:
        propose(RiskKind.EXCLUSION, [], [], "", ["education", "non_discrimination"], ["internal_human"])
    return out
