"""Screening: is a DPIA required for this scope? (GDPR Art. 35(1) and (3), EDPB/WP248, the AP's list.)

Three sets of criteria are screened:

- **GDPR Art. 35(3)**: three cases in which a DPIA is always required.
- **EDPB/WP248 rev.01**: nine criteria. Two or more: a DPIA is required; exactly one: recommended
  (document why none is done); none: not required.
- **The AP's list** (Besluit inzake lijst van verwerkingen waarvoor een DPIA verplicht is, Stcrt.
  2019, 64418; 17 types): one matching type makes a DPIA required. The numbering follows the
  published list *(verify against the Staatscourant before citing a number)*.

Where the register holds the facts, a criterion is *derived*: children or staff among the data
subjects make them vulnerable, health data is sensitive, a pupil administration or many data subjects
is large scale. The privacy officer confirms or overrides a derived answer, and decides the criteria
the register cannot show, always with a reason; the answer, its author and date stay on record
(``screening.answers`` in the register). The screening record is kept whatever its verdict.

Everything here is a pure function of the register: no printing, no clock, same input, same output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dpia.i18n import t
from dpia.model import (Criterion, DataNature, DataType, Dpia, Register, ScreeningAnswer, SpecialSubtype, SubjectKind, SystemKind, SystemTrait)
from dpia.analysis.scope import dpia_scope, get_dpia, Scope

# Number of data subjects from which the workbench calls a processing large scale. Neither the GDPR
# nor WP248 fixes a number; WP248 weighs the number of subjects (absolute or as a share of the
# population), the volume, the duration and the geographical extent. A pupil administration counts
# as large scale whatever the number, as it holds every pupil of the school for years.
LARGE_SCALE_SUBJECTS = 1000

ART35 = "art35_3"
WP248 = "wp248"
AP_LIST = "ap_list"
GROUPS = (ART35, WP248, AP_LIST)


class Verdict(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class CriterionInfo:
    """A screening criterion: its group, its number in that group and where it comes from."""

    criterion: Criterion
    group: str
    number: int
    source: str

    def label(self, lang: str | None = None) -> str:
        return t(f"criterion_{self.criterion.value}", lang)


def _criteria() -> tuple[CriterionInfo, ...]:
    art35 = [(Criterion.ART35_3A, "a"), (Criterion.ART35_3B, "b"), (Criterion.ART35_3C, "c")]
    out = [CriterionInfo(c, ART35, i, f"AVG art. 35 lid 3 sub {letter}") for i, (c, letter) in enumerate(art35, 1)]
    wp248 = [c for c in Criterion if c.value.startswith("wp248_")]
    out += [CriterionInfo(c, WP248, i, f"EDPB/WP248 rev.01, criterium {i}") for i, c in enumerate(wp248, 1)]
    ap = [c for c in Criterion if c.value.startswith("ap_")]
    out += [CriterionInfo(c, AP_LIST, i, f"Besluit DPIA-lijst AP (Stcrt. 2019, 64418), nr. {i}") for i, c in enumerate(ap, 1)]
    return tuple(out)


CRITERIA: tuple[CriterionInfo, ...] = _criteria()
CRITERION_INFO: dict[Criterion, CriterionInfo] = {c.criterion: c for c in CRITERIA}


@dataclass(frozen=True)
class Reason:
    """A message key with parameters, rendered in the reader's language.

    A parameter named ``criteria`` holds criteria and is rendered as their labels; a parameter that is
    itself a Reason is rendered in the same language.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str | None = None) -> str:
        params = {k: v.render(lang) if isinstance(v, Reason) else v for k, v in self.params}
        if "criteria" in params:
            params["criteria"] = "; ".join(CRITERION_INFO[c].label(lang) for c in params["criteria"])
        return t(self.key, lang, **params)


def reason_for(key: str, **params: Any) -> Reason:
    return Reason(key, tuple(sorted(params.items())))


def _ids(values) -> str:
    return ", ".join(sorted(values))


# --------------------------------------------------------------------------------------------------
# Deriving criteria from the register


@dataclass(frozen=True)
class Facts:
    """The facts of a scope that the screening and the risk suggestion look at."""

    has_flows: bool
    special: tuple[str, ...]  # Art. 9 and Art. 10 categories
    sensitive: tuple[str, ...]  # special, criminal and sensitive-in-context categories
    health: tuple[str, ...]
    genetic: tuple[str, ...]
    biometric: tuple[str, ...]
    subjects: tuple[str, ...]
    vulnerable: tuple[str, ...]  # pupils and staff
    children: tuple[str, ...]  # pupils under 18
    count: int | None
    pupil_administration: tuple[str, ...]
    large_scale: bool | None
    threshold: int
    # What the register marks beyond the data's type (``DataCategory.nature``, ``System.traits``) and what
    # its flows show (``dpia.analysis.processing``): each () when nothing is marked or the scope does not tell.
    communication: tuple[str, ...] = ()  # categories of communication data
    location: tuple[str, ...] = ()  # categories of location data
    monitoring_systems: tuple[str, ...] = ()  # systems marked pupil_monitoring
    camera_systems: tuple[str, ...] = ()  # systems marked camera_surveillance
    innovative_systems: tuple[str, ...] = ()  # systems marked innovative_technology
    other_controllers: tuple[str, ...] = ()  # other controllers whose data the processing receives
    outside_eea: tuple[str, ...] = ()  # receivers outside the EEA (a note, not a WP248 criterion)


def _marked(register: Register, systems) -> dict[str, tuple[str, ...]]:
    """The systems among ``systems`` per trait they are marked with."""
    wanted = set(systems)
    out: dict[str, list[str]] = {t.value: [] for t in SystemTrait}
    for s in register.systems:
        if s.id in wanted:
            for trait in s.traits:
                out[trait.value].append(s.id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def facts_of(register: Register, scope: Scope, large_scale: int = LARGE_SCALE_SUBJECTS) -> Facts:
    """The screening facts of ``scope``: which data, about whom, how many."""
    cats = scope.category_entities(register)
    subjects = scope.subject_entities(register)

    def of(pred: Callable[[Any], bool]) -> tuple[str, ...]:
        return tuple(sorted(c.id for c in cats if pred(c)))

    special = of(lambda c: c.type in (DataType.SPECIAL, DataType.CRIMINAL))
    sensitive = of(lambda c: c.type in (DataType.SPECIAL, DataType.CRIMINAL, DataType.SENSITIVE))
    vulnerable = tuple(sorted(s.id for s in subjects if s.kind in (SubjectKind.PUPIL, SubjectKind.STAFF)))
    children = tuple(
        sorted(s.id for s in subjects if s.kind is SubjectKind.PUPIL and s.age_band is not None and s.age_band.value != "18_plus")
    )
    count = scope.subject_count(register)
    kinds = {s.id: s.kind for s in register.systems}
    las = tuple(s for s in scope.systems if kinds.get(s) is SystemKind.PUPIL_ADMINISTRATION)
    if las or (count is not None and count >= large_scale):
        large: bool | None = True
    elif count is not None:
        large = False
    else:
        large = None
    marked = _marked(register, scope.systems)
    return Facts(
        communication=of(lambda c: c.nature is DataNature.COMMUNICATION),
        location=of(lambda c: c.nature is DataNature.LOCATION),
        monitoring_systems=marked[SystemTrait.PUPIL_MONITORING.value],
        camera_systems=marked[SystemTrait.CAMERA_SURVEILLANCE.value],
        innovative_systems=marked[SystemTrait.INNOVATIVE_TECHNOLOGY.value],
        has_flows=bool(scope.flows),
        special=special,
        sensitive=sensitive,
        health=of(lambda c: c.special_subtype is SpecialSubtype.HEALTH),
        genetic=of(lambda c: c.special_subtype is SpecialSubtype.GENETIC),
        biometric=of(lambda c: c.special_subtype is SpecialSubtype.BIOMETRIC),
        subjects=tuple(sorted(s.id for s in subjects)),
        vulnerable=vulnerable,
        children=children,
        count=count,
        pupil_administration=las,
        large_scale=large,
        threshold=large_scale,
    )


Derived = tuple[bool | None, Reason]
OFFICER = reason_for("screen_d_officer")


def _large_scale(f: Facts) -> Derived:
    if f.pupil_administration:
        return True, reason_for("screen_d_large_system", systems=_ids(f.pupil_administration))
    if f.large_scale:
        return True, reason_for("screen_d_large_count", count=f.count, threshold=f.threshold)
    if f.large_scale is False:
        return False, reason_for("screen_d_small_count", count=f.count, threshold=f.threshold)
    return None, reason_for("screen_d_count_unknown")


def _large_and(f: Facts, found: tuple[str, ...], kind: str) -> Derived:
    """Large-scale processing of a kind of data (Art. 35(3)(b), AP health and genetic data)."""
    kind_r = reason_for(f"screen_kind_{kind}")
    if not found:
        return False, reason_for("screen_d_none_of", kind=kind_r)
    large, why = _large_scale(f)
    if large:
        return True, reason_for("screen_d_large_of", kind=kind_r, categories=_ids(found), why=why)
    if large is False:
        return False, reason_for("screen_d_not_large_of", kind=kind_r, categories=_ids(found), why=why)
    return None, reason_for("screen_d_unknown_large_of", kind=kind_r, categories=_ids(found))


def _large_or_systematic(f: Facts, found: tuple[str, ...], kind: str) -> Derived:
    """Large-scale *or systematic* processing of a kind of data (AP list: location and communication
    data). Large scale decides it; below that, whether it is systematic is the officer's judgment."""
    kind_r = reason_for(f"screen_kind_{kind}")
    if not found:
        return False, reason_for("screen_d_none_marked", kind=kind_r)
    large, why = _large_scale(f)
    if large:
        return True, reason_for("screen_d_large_of", kind=kind_r, categories=_ids(found), why=why)
    return None, reason_for("screen_d_systematic_of", kind=kind_r, categories=_ids(found))


def derive(register: Register, scope: Scope, large_scale: int = LARGE_SCALE_SUBJECTS) -> dict[Criterion, Derived]:
    """What the register says about each criterion: ``(True/False, reason)``, or ``(None, reason)`` when
    the facts do not tell and the officer must decide.

    >>> from dpia.model import Register
    >>> from dpia.analysis.scope import scope_of
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"}})
    >>> derive(reg, scope_of(reg))[Criterion.WP248_SENSITIVE][0] is None
    True
    """
    return derive_from_facts(facts_of(register, scope, large_scale))


def derive_from_facts(f: Facts) -> dict[Criterion, Derived]:
    """The criteria that ``f`` decides, with their reasons (see :func:`derive`)."""
    out: dict[Criterion, Derived] = {c.criterion: (None, OFFICER) for c in CRITERIA}
    if not f.has_flows:
        none = reason_for("screen_d_no_flows")
        return {c: (None, none) for c in out}
    if f.sensitive:
        out[Criterion.WP248_SENSITIVE] = True, reason_for("screen_d_sensitive", categories=_ids(f.sensitive))
    else:
        out[Criterion.WP248_SENSITIVE] = False, reason_for("screen_d_ordinary")
    out[Criterion.WP248_LARGE_SCALE] = _large_scale(f)
    if not f.subjects:
        out[Criterion.WP248_VULNERABLE] = None, reason_for("screen_d_no_subjects")
    elif f.vulnerable:
        out[Criterion.WP248_VULNERABLE] = True, reason_for("screen_d_vulnerable", groups=_ids(f.vulnerable))
    else:
        out[Criterion.WP248_VULNERABLE] = False, reason_for("screen_d_not_vulnerable", groups=_ids(f.subjects))
    out[Criterion.ART35_3B] = _large_and(f, f.special, "special")
    out[Criterion.AP_HEALTH] = _large_and(f, f.health, "health")
    out[Criterion.AP_GENETIC] = _large_and(f, f.genetic, "genetic")
    if f.biometric:
        out[Criterion.AP_BIOMETRIC] = True, reason_for("screen_d_biometric", categories=_ids(f.biometric))
    else:
        out[Criterion.AP_BIOMETRIC] = False, reason_for("screen_d_none_of", kind=reason_for("screen_kind_biometric"))
    out[Criterion.AP_LOCATION] = _large_or_systematic(f, f.location, "location")
    out[Criterion.AP_COMMUNICATION] = _large_or_systematic(f, f.communication, "communication")
    # What the officer marked on a system; an unmarked system leaves the criterion to the officer.
    if f.monitoring_systems:
        why = reason_for("screen_d_monitoring_system", systems=_ids(f.monitoring_systems))
        out[Criterion.AP_BEHAVIOUR] = True, why
        out[Criterion.WP248_MONITORING] = True, why
    if f.camera_systems:
        why = reason_for("screen_d_camera_system", systems=_ids(f.camera_systems))
        out[Criterion.AP_CAMERA] = True, why
        out[Criterion.WP248_MONITORING] = True, why
    if f.innovative_systems:
        out[Criterion.WP248_INNOVATIVE] = True, reason_for("screen_d_innovative_system", systems=_ids(f.innovative_systems))
    if f.other_controllers:
        out[Criterion.WP248_MATCHING] = True, reason_for("screen_d_matching", parties=_ids(f.other_controllers))
    return out


# --------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class CriterionResult:
    """One criterion: what the register says, what the officer answered, and what counts."""

    info: CriterionInfo
    derived: bool | None
    derived_reason: Reason
    answer: ScreeningAnswer | None

    @property
    def criterion(self) -> Criterion:
        return self.info.criterion

    @property
    def applies(self) -> bool:
        """The officer's answer when there is one, else what the register shows (unknown counts as no)."""
        if self.answer is not None:
            return self.answer.applies
        return bool(self.derived)

    @property
    def basis(self) -> str:
        """register, confirmed (officer agrees with the register), override, officer, or not_assessed."""
        if self.answer is None:
            return "register" if self.derived is not None else "not_assessed"
        if self.derived is None:
            return "officer"
        return "confirmed" if self.answer.applies == self.derived else "override"

    @property
    def overridden(self) -> bool:
        return self.basis == "override"

    def reason(self, lang: str | None = None) -> str:
        if self.answer is not None:
            return self.answer.reason
        return self.derived_reason.render(lang)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        a = self.answer
        return {
            "criterion": self.criterion.value,
            "group": self.info.group,
            "number": self.info.number,
            "label": self.info.label(lang),
            "source": self.info.source,
            "applies": self.applies,
            "basis": self.basis,
            "reason": self.reason(lang),
            "derived": self.derived,
            "derived_reason": self.derived_reason.render(lang),
            "answer": None if a is None else {
                "applies": a.applies, "reason": a.reason, "by": a.by, "on": a.on.isoformat() if a.on else None
            },
        }


@dataclass(frozen=True)
class ScreeningResult:
    """The screening of one DPIA: the verdict, its grounds, and every criterion with its reason."""

    dpia: str
    date: Any
    by: str | None
    verdict: Verdict
    grounds: tuple[Reason, ...]
    criteria: tuple[CriterionResult, ...]

    def applying(self, group: str | None = None) -> list[CriterionResult]:
        return [c for c in self.criteria if c.applies and (group is None or c.info.group == group)]

    @property
    def overrides(self) -> list[CriterionResult]:
        """The officer's answers that differ from the register: the audit trail of overrides."""
        return [c for c in self.criteria if c.overridden]

    @property
    def unassessed(self) -> list[CriterionResult]:
        """Art. 35(3) and WP248 criteria that neither the register nor the officer has answered."""
        return [c for c in self.criteria if c.basis == "not_assessed" and c.info.group in (ART35, WP248)]

    @property
    def recorded(self) -> bool:
        """A screening with a date is on record (whatever its verdict)."""
        return self.date is not None

    def reason(self, lang: str | None = None) -> str:
        return " ".join(g.render(lang) for g in self.grounds)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "dpia": self.dpia,
            "date": self.date.isoformat() if self.date else None,
            "by": self.by,
            "verdict": self.verdict.value,
            "verdict_label": t(f"verdict_{self.verdict.value}", lang),
            "reason": self.reason(lang),
            "criteria": [c.as_dict(lang) for c in self.criteria],
        }


def verdict_of(criteria: list[CriterionResult] | tuple[CriterionResult, ...]) -> tuple[Verdict, tuple[Reason, ...]]:
    """The verdict and its grounds: any Art. 35(3) case or AP type makes a DPIA required, as do two
    WP248 criteria; one WP248 criterion makes it recommended."""
    by_group = {g: tuple(c.criterion for c in criteria if c.applies and c.info.group == g) for g in GROUPS}
    grounds = []
    if by_group[ART35]:
        grounds.append(reason_for("screen_ground_art35", criteria=by_group[ART35]))
    if by_group[AP_LIST]:
        grounds.append(reason_for("screen_ground_ap", criteria=by_group[AP_LIST]))
    wp = by_group[WP248]
    if len(wp) >= 2:
        grounds.append(reason_for("screen_ground_wp248", count=len(wp), criteria=wp))
    if grounds:
        return Verdict.REQUIRED, (reason_for("screen_verdict_required"), *grounds)
    if len(wp) == 1:
        return Verdict.RECOMMENDED, (reason_for("screen_verdict_recommended", criteria=wp),)
    return Verdict.NOT_REQUIRED, (reason_for("screen_verdict_not_required"),)


def screen(register: Register, dpia: Dpia | str, large_scale: int = LARGE_SCALE_SUBJECTS) -> ScreeningResult:
    """Screen one DPIA: derive what the register shows, apply the officer's answers, give the verdict.

    Parameters
    ----------
    register
        The register.
    dpia
        The DPIA or its id.
    large_scale
        Number of data subjects from which a processing counts as large scale.

    Returns
    -------
    ScreeningResult
        The verdict (required, recommended, not required), its grounds, and all 29 criteria with
        what the register shows, the officer's answer and the reason that counts.

    Examples
    --------
    >>> from dpia.model import Register
    >>> reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "vo"},
    ...     "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}}]})
    >>> screen(reg, "d").verdict.value
    'not_required'
    """
    d = get_dpia(register, dpia) if isinstance(dpia, str) else dpia
    derived = derive(register, dpia_scope(register, d), large_scale)
    answers = {a.criterion: a for a in d.screening.answers} if d.screening else {}
    results = tuple(CriterionResult(info, *derived[info.criterion], answers.get(info.criterion)) for info in CRITERIA)
    verdict, grounds = verdict_of(results)
    s = d.screening
    return ScreeningResult(d.id, s.date if s else None, s.by if s else None, verdict, grounds, results)


def screen_all(register: Register, large_scale: int = LARGE_SCALE_SUBJECTS) -> list[ScreeningResult]:
    """The screening of every DPIA in the register, sorted by DPIA id."""
    return [screen(register, d, large_scale) for d in sorted(register.dpias, key=lambda d: d.id)]


def screening_text(result: ScreeningResult, register: Register, lang: str | None = None) -> str:
    """The screening as plain text, for the CLI and for a reader without the notebook."""
    d = get_dpia(register, result.dpia)
    title = d.title.pick(lang)
    lines = [
        t("screen_header", lang, dpia=d.id, title=title),
        t("screen_record", lang, date=result.date.isoformat() if result.date else "—", by=result.by or "—"),
        t("screen_verdict_line", lang, reason=result.reason(lang)),
    ]
    group = None
    for c in result.criteria:
        if c.info.group != group:
            group = c.info.group
            lines.append(t(f"screen_group_{group}", lang))
        mark = "[x]" if c.applies else "[ ]"
        basis = t(f"screen_basis_{c.basis}", lang)
        lines.append(f"  {mark} {c.info.number:>2}. {c.info.label(lang)} ({basis}): {c.reason(lang)}")
        if c.overridden:
            lines.append("       " + t("screen_override_note", lang, derived=c.derived_reason.render(lang),
                                       by=c.answer.by or "—", on=c.answer.on.isoformat() if c.answer.on else "—"))
    return "\n".join(lines) + "\n"
