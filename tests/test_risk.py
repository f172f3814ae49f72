"""Risks: both matrices cell by cell, the explained suggestion, overrides, residual risk, the what-if,
Art. 36, and the `dpia risks` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dpia.check import check
from dpia.cli import main
from dpia.model import Level, MeasureEffect, RiskScale
from dpia.analysis.risk import (assess, cnil_matrix, level_from_score, matrix, model_dpia_matrix, prior_consultation, reduce_levels, risk_level, risk_table, RiskLevel, scaffold, suggest, what_if)
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import EXAMPLE
from .test_screening import dpia, register, write

ON = dt.date(2026, 11, 29)
L, M, H = Level.LOW, Level.MEDIUM, Level.HIGH
N, LI, S, X = Level.NEGLIGIBLE, Level.LIMITED, Level.SIGNIFICANT, Level.MAXIMUM
LOW, MED, HIGH = RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH

# ---- the matrices, cell by cell

MODEL_DPIA_CELLS = [
    # likelihood, impact, level: any low gives low; medium x medium gives medium; otherwise high
    (L, L, LOW), (L, M, LOW), (L, H, LOW),
    (M, L, LOW), (M, M, MED), (M, H, HIGH),
    (H, L, LOW), (H, M, HIGH), (H, H, HIGH),
]

CNIL_CELLS = [
    # likelihood, severity, level: both at most limited: low; one at least significant: medium; both: high
    (N, N, LOW), (N, LI, LOW), (N, S, MED), (N, X, MED),
    (LI, N, LOW), (LI, LI, LOW), (LI, S, MED), (LI, X, MED),
    (S, N, MED), (S, LI, MED), (S, S, HIGH), (S, X, HIGH),
    (X, N, MED), (X, LI, MED), (X, S, HIGH), (X, X, HIGH),
]


@pytest.mark.parametrize(("likelihood", "impact", "expected"), MODEL_DPIA_CELLS)
def test_model_dpia_matrix_cell(likelihood: Level, impact: Level, expected: RiskLevel) -> None:
    assert model_dpia_matrix(likelihood, impact) is expected
    assert risk_level(RiskScale.MODEL_DPIA, likelihood, impact) is expected
    assert matrix(RiskScale.MODEL_DPIA)[(likelihood, impact)] is expected


@pytest.mark.parametrize(("likelihood", "severity", "expected"), CNIL_CELLS)
def test_cnil_matrix_cell(likelihood: Level, severity: Level, expected: RiskLevel) -> None:
    assert cnil_matrix(likelihood, severity) is expected
    assert risk_level(RiskScale.CNIL, likelihood, severity) is expected
    assert matrix(RiskScale.CNIL)[(likelihood, severity)] is expected


def test_matrices_are_complete_and_levels_stay_on_their_scale() -> None:
    assert len(matrix(RiskScale.MODEL_DPIA)) == 9 and len(matrix(RiskScale.CNIL)) == 16
    with pytest.raises(ValueError):
        risk_level(RiskScale.MODEL_DPIA, S, H)
    with pytest.raises(ValueError):
        risk_level(RiskScale.CNIL, H, S)


def test_reduce_levels_one_step_per_effect_never_below_the_lowest() -> None:
    assert reduce_levels(RiskScale.MODEL_DPIA, H, H, []) == (H, H)
    assert reduce_levels(RiskScale.MODEL_DPIA, H, H, [MeasureEffect.LIKELIHOOD]) == (M, H)
    assert reduce_levels(RiskScale.MODEL_DPIA, H, H, [MeasureEffect.IMPACT]) == (H, M)
    assert reduce_levels(RiskScale.MODEL_DPIA, H, M, [MeasureEffect.BOTH] * 5) == (L, L)
    assert reduce_levels(RiskScale.CNIL, X, S, [MeasureEffect.LIKELIHOOD, MeasureEffect.BOTH]) == (LI, LI)


@pytest.mark.parametrize(
    ("scale", "max_score", "expected"),
    [
        (RiskScale.MODEL_DPIA, 4, [L, L, M, H, H]),
        (RiskScale.CNIL, 4, [N, LI, S, X, X]),
        (RiskScale.MODEL_DPIA, 5, [L, L, M, M, H, H]),
        (RiskScale.CNIL, 5, [N, N, LI, S, X, X]),
    ],
)
def test_score_maps_onto_the_scale_in_equal_bands(scale: RiskScale, max_score: int, expected: list[Level]) -> None:
    assert [level_from_score(scale, s, max_score) for s in range(max_score + 1)] == expected


# ---- the suggested level

RISK = {"id": "r-care", "title": {"nl": "Inzage zorg", "en": "Care access"}, "kind": "illegitimate_access",
        "systems": ["las"]}
ACCESS = [{"id": "vakdocent", "label": {"nl": "Vakdocent", "en": "Teacher"}, "system": "las",
           "read": ["name", "care"], "needs": ["name"]}]


def test_suggestion_is_explained_by_its_factors() -> None:
    reg = register(dpia(systems=["las"], risks=[RISK]), access_roles=ACCESS)
    likelihood, impact = suggest(reg, "d", reg.dpias[0].risks[0])
    assert [(f.name, f.points, f.max_points) for f in impact.factors] == [
        ("data_type", 2, 2), ("subjects", 1, 1), ("volume", 1, 1)]
    assert (impact.score, impact.max_score, impact.level) == (4, 4, H)
    assert [(f.name, f.points) for f in likelihood.factors] == [
        ("recipients", 1), ("transfers", 1), ("access", 1), ("findings", 0)]
    assert (likelihood.score, likelihood.max_score, likelihood.level) == (3, 5, M)
    lines = likelihood.explain("en")
    assert any("cloud-us" in line and "transfers" in line for line in lines)
    assert any("vakdocent" in line for line in lines)
    assert any("not considered" in line for line in lines)  # no findings were given
    assert lines[-1] == "suggestion: 3 of 5 points → medium"
    assert suggest(reg, "d", reg.dpias[0].risks[0]) == (likelihood, impact)  # deterministic


def test_open_findings_about_the_scope_raise_the_likelihood() -> None:
    reg = register(dpia(systems=["las"], risks=[RISK]),
                   purposes=[{"id": "education", "label": {"nl": "O", "en": "E"}, "needs": ["name", "grades", "care"]},
                             {"id": "excursion", "label": {"nl": "E", "en": "E"}, "legal_basis": "public_task",
                              "legal_source": "WVO 2020"},
                             {"id": "newsletter", "label": {"nl": "N", "en": "N"}, "legal_basis": "public_task",
                              "legal_source": "WVO 2020"}])
    result = check(reg, ON)
    likelihood, _ = suggest(reg, "d", reg.dpias[0].risks[0], result.findings)
    found = next(f for f in likelihood.factors if f.name == "findings")
    assert found.points == 1 and "DPIA102/education" in found.reason.render("en")


def test_small_ordinary_scope_suggests_low() -> None:
    reg = register(dpia(flows=["f-mail"], risks=[{**RISK, "systems": [], "flows": ["f-mail"]}]))
    likelihood, impact = suggest(reg, "d", reg.dpias[0].risks[0], findings=[])
    assert (likelihood.level, impact.level) == (L, L)
    assert impact.score == 0 and likelihood.score == 1  # a processor receives the mail


# ---- the officer's rating, residual risk and the what-if


def rated(**fields) -> dict:
    return {**RISK, **fields}


def test_override_of_the_suggested_level_stays_on_record() -> None:
    risk = rated(likelihood={"level": "low", "motivation": "alleen het zorgteam heeft de rol", "by": "FG",
                             "on": dt.date(2026, 3, 1)},
                 impact={"motivation": "het voorstel klopt"})
    a = assess(register(dpia(systems=["las"], risks=[risk])), "d")[0]
    assert a.likelihood.source == "officer" and a.likelihood.overridden
    assert a.likelihood.suggestion.level is M and a.likelihood.level is L
    assert a.impact.source == "suggestion" and not a.impact.overridden and a.impact.motivated
    doc = a.as_dict("en")["likelihood"]
    assert doc["level"] == "low" and doc["suggested"]["level"] == "medium" and doc["overridden"] is True
    assert doc["motivation"] == "alleen het zorgteam heeft de rol" and doc["by"] == "FG" and doc["on"] == "2026-03-01"
    assert [f["factor"] for f in doc["suggested"]["factors"]] == ["recipients", "transfers", "access", "findings"]
    table = risk_table([a], "en")
    assert "low (suggested: medium; overridden)" in table.iloc[0]["Likelihood"]
    assert "high (suggested, confirmed)" in table.iloc[0]["Impact"]


def test_implemented_measures_lower_the_residual_planned_ones_only_in_the_what_if() -> None:
    risk = rated(likelihood={"level": "high", "motivation": "m"}, impact={"level": "high", "motivation": "m"},
                 measures=[{"measure": "m-mfa"}, {"measure": "m-tab", "reduces": "both"},
                           {"measure": "m-training", "reduces": "impact"}])
    reg = register(dpia(systems=["las"], risks=[risk]))
    before = reg.model_dump()
    [a] = assess(reg, "d")
    assert a.inherent is HIGH
    assert (a.residual_likelihood, a.residual_impact, a.residual) == (M, H, HIGH)
    assert [(m.measure, m.counted) for m in a.measures] == [("m-mfa", True), ("m-tab", False), ("m-training", False)]
    [w] = what_if(reg, "d")
    assert (w.residual_likelihood, w.residual_impact, w.residual) == (L, L, LOW) and w.what_if
    assert [m.measure for m in w.measures if m.assumed] == ["m-tab", "m-training"]
    [only_tab] = what_if(reg, "d", ["m-tab"])
    assert (only_tab.residual_likelihood, only_tab.residual_impact, only_tab.residual) == (L, M, LOW)
    assert reg.model_dump() == before  # the what-if never changes the register


def test_cnil_scale_levels_and_residual() -> None:
    risk = rated(likelihood={"level": "maximum", "motivation": "m"}, impact={"level": "significant", "motivation": "m"},
                 measures=[{"measure": "m-mfa"}, {"measure": "m-logging"}])
    [a] = assess(register(dpia(systems=["las"], scale="cnil", risks=[risk])), "d")
    assert a.inherent is HIGH
    assert (a.residual_likelihood, a.residual_impact, a.residual) == (LI, S, MED)


def test_level_from_another_scale_is_refused_on_load(tmp_path: Path) -> None:
    risk = rated(likelihood={"level": "significant", "motivation": "m"})
    with pytest.raises(RegisterInvalid) as exc:
        load(write(tmp_path / "reg", dpia(systems=["las"], scale="model_dpia", risks=[risk])))
    assert "not on this DPIA's scale" in exc.value.problems[0].message("en")


def test_duplicate_risk_id_and_dangling_nested_references_are_located(tmp_path: Path) -> None:
    with pytest.raises(RegisterInvalid) as exc:
        load(write(tmp_path / "a", dpia(systems=["las"], risks=[RISK, RISK])))
    assert "two risks have the same id" in exc.value.problems[0].message("en")
    bad = rated(systems=["lass"], measures=[{"measure": "m-nope"}])
    with pytest.raises(RegisterInvalid) as exc:
        load(write(tmp_path / "b", dpia(systems=["las"], flows=["f-nope"], risks=[bad])))
    messages = [p.render("en") for p in exc.value.problems]
    assert any("dpias[0] (d).flows[0]: 'f-nope' refers to nothing" in m for m in messages)
    assert any("dpias[0] (d).risks[0].systems[0]: 'lass' refers to nothing" in m and "did you mean 'las'" in m
               for m in messages)
    assert any("dpias[0] (d).risks[0].measures[0].measure: 'm-nope' refers to nothing" in m for m in messages)
    assert all(p.file.endswith("dpias.yaml") and p.line > 1 for p in exc.value.problems)


# ---- Art. 36

HIGH_RISK = rated(likelihood={"level": "high", "motivation": "m"}, impact={"level": "high", "motivation": "m"},
                  measures=[{"measure": "m-tab", "reduces": "both"}])


def art36_findings(reg) -> list[str]:
    return [f.id for f in check(reg, ON).findings if f.code == "DPIA955"]


def test_residual_high_risk_raises_prior_consultation() -> None:
    reg = register(dpia(systems=["las"], risks=[HIGH_RISK]))
    pc = prior_consultation(reg, "d")
    assert pc.required and pc.risks == ("r-care",) and not pc.referred
    assert art36_findings(reg) == ["DPIA955/d/r-care"]
    assert not prior_consultation(reg, "d", assessments=what_if(reg, "d")).required  # m-tab would solve it


def test_acceptance_with_rationale_replaces_prior_consultation() -> None:
    accepted = {**HIGH_RISK, "acceptance": {"rationale": "tijdelijk, met maandelijkse controle", "accepted_by": "Bestuur",
                                            "accepted_on": dt.date(2026, 6, 1)}}
    reg = register(dpia(systems=["las"], risks=[accepted]))
    pc = prior_consultation(reg, "d")
    assert not pc.required and pc.accepted == ("r-care",)
    assert art36_findings(reg) == []
    assert assess(reg, "d")[0].as_dict()["accepted"]["rationale"] == "tijdelijk, met maandelijkse controle"


def test_referral_to_the_ap_answers_the_flag() -> None:
    decision = {"outcome": "refer_to_ap", "date": dt.date(2026, 6, 1)}
    reg = register(dpia(systems=["las"], risks=[HIGH_RISK], status="decided", signoff={"decision": decision}))
    pc = prior_consultation(reg, "d")
    assert pc.required and pc.referred
    assert art36_findings(reg) == []


# ---- scaffolding and tables


def test_scaffold_offers_the_feared_events_per_system_and_rights_risks() -> None:
    reg = register(dpia(systems=["las"], risks=[RISK]))
    proposals = scaffold(reg, "d")
    ids = [p["id"] for p in proposals]
    assert "risk-unwanted-modification-las" in ids and "risk-disappearance-las" in ids
    assert "risk-illegitimate-access-las" not in ids  # the DPIA already has that risk for las
    assert "risk-discrimination" in ids  # special data in scope
    assert "risk-loss-of-control" in ids  # a processor and a transfer outside the EEA
    assert proposals[0]["title"]["nl"].endswith("Leerlingadministratie")
    assert reg.model_dump() == register(dpia(systems=["las"], risks=[RISK])).model_dump()  # only proposes


def test_risk_table_is_sorted_and_translated() -> None:
    reg = register(dpia(systems=["las"], risks=[{**RISK, "id": "r-b"}, {**RISK, "id": "r-a"}]))
    table = risk_table(assess(reg, "d"), "nl")
    assert list(table.index) == ["r-a", "r-b"]
    assert list(table.columns)[:2] == ["Omschrijving", "Soort risico"]


# ---- the CLI


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example register not present")
def test_cli_risks_example(capsys) -> None:
    code = main(["risks", str(EXAMPLE), "--on", "2026-11-29", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Risks dpia-magister" in out and "scale Model DPIA (3×3)" in out and "scale CNIL (4×4)" in out
    assert "residual risk accepted by College van bestuur" in out
    assert "GDPR Art. 36: prior consultation of the AP needed for r-foto-retention" in out
    code = main(["risks", str(EXAMPLE), "--on", "2026-11-29", "--format", "json", "--dpia", "dpia-schoolfoto"])
    doc = json.loads(capsys.readouterr().out)
    [d] = doc["dpias"]
    assert d["scale"] == "cnil" and d["prior_consultation"]["risks"] == ["r-foto-retention"]
    assert d["what_if"]["r-foto-retention"]["residual"] == "low"
    retention = next(r for r in d["risks"] if r["risk"] == "r-foto-retention")
    assert retention["residual"] == "high" and retention["prior_consultation"] is True
