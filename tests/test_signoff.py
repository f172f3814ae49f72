"""The sign-off rules (DPIA950-DPIA969): missing steps, the review date, and findings that advise a
draft but block a DPIA that is to be approved."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dpia.check import check
from dpia.cli import main
from dpia.model import Criterion
from dpia.rules import Context, rules
from dpia.model.findings import Severity
from dpia.rules.signoff import approval_with_open_findings

from .test_screening import BASE, RECORDED, answer, dpia, register, write

ON = dt.date(2026, 11, 29)

# Every Art. 35(3) and WP248 criterion the register cannot show for the pupil administration.
ANSWERS = [
    answer(c, False, "niet van toepassing")
    for c in (Criterion.ART35_3A, Criterion.ART35_3C, Criterion.WP248_EVALUATION, Criterion.WP248_AUTOMATED_DECISION,
              Criterion.WP248_MONITORING, Criterion.WP248_MATCHING, Criterion.WP248_INNOVATIVE,
              Criterion.WP248_PREVENTS_RIGHTS)
]
LOW_RISK = {"id": "r-1", "title": {"nl": "Risico", "en": "Risk"}, "kind": "disappearance", "systems": ["las"],
            "likelihood": {"level": "low", "motivation": "back-ups"}, "impact": {"level": "low", "motivation": "herstelbaar"}}
SIGNOFF = {
    "author": {"name": "Privacyteam", "date": dt.date(2026, 3, 1)},
    "fg_advice": {"date": dt.date(2026, 4, 1), "version": "1.0", "by": "FG", "summary": "positief"},
    "mr": {"sought": True, "date": dt.date(2026, 5, 1), "views": "akkoord"},
}
DECISION = {"outcome": "approve", "date": dt.date(2026, 6, 1), "by": "Bestuur", "version": "1.0"}


def complete(status: str = "draft", **fields: Any) -> dict[str, Any]:
    """A DPIA of the pupil administration with every step filled in (decided: with a decision)."""
    signoff = copy.deepcopy(SIGNOFF)
    if status == "decided":
        signoff.update(decision=DECISION, review_by=dt.date(2029, 5, 1))
    base = dpia(systems=["las"], version="1.0", status=status, necessity="nodig voor de onderwijstaak",
                screening={**RECORDED, "answers": ANSWERS}, risks=[LOW_RISK], signoff=signoff)
    base.update(fields)
    return base


def mine(result) -> dict[str, Any]:
    """The sign-off findings by id."""
    return {f.id: f for f in result.findings if f.rule.theme == "signoff"}


def test_sign_off_rules_are_declared_in_their_range() -> None:
    own = rules("signoff")
    assert own and all(950 <= int(r.code[4:]) <= 969 for r in own)
    for r in own:
        for lang in ("nl", "en"):
            assert r.text("title", lang) and r.text("why", lang) and r.text("fix", lang)
        assert r.article.startswith("AVG")
    assert {r.code: r.severity for r in own if r.severity is Severity.BLOCKER} == {
        "DPIA962": Severity.BLOCKER, "DPIA964": Severity.BLOCKER, "DPIA965": Severity.BLOCKER}


def test_a_complete_draft_has_no_sign_off_findings() -> None:
    assert mine(check(register(complete()), ON)) == {}


def test_missing_steps_are_gaps_that_warn_while_draft() -> None:
    found = mine(check(register(dpia(systems=["las"], screening={**RECORDED, "answers": ANSWERS})), ON))
    assert {"DPIA956/d", "DPIA957/d", "DPIA958/d", "DPIA952/d", "DPIA953/d"} <= set(found)
    assert all(f.severity is Severity.WARNING and f.kind.value == "gap" for f in found.values())
    assert "DPIA959/d" not in found and "DPIA960/d" not in found  # no decision is due yet
    assert "DPIA964/d" not in found


def test_mr_not_sought_needs_its_reason() -> None:
    no_reason = complete(signoff={**SIGNOFF, "mr": {"sought": False}})
    assert "DPIA958/d" in mine(check(register(no_reason), ON))
    with_reason = complete(signoff={**SIGNOFF, "mr": {"sought": False, "reason_not_sought": "MR heeft afgezien"}})
    assert "DPIA958/d" not in mine(check(register(with_reason), ON))


def test_decided_dpia_needs_the_decision_and_a_review_date() -> None:
    found = mine(check(register(complete(status="decided", signoff=SIGNOFF)), ON))
    assert {"DPIA959/d", "DPIA960/d"} <= set(found)


def test_screening_missing_and_unassessed_criteria() -> None:
    assert "DPIA950/d" in mine(check(register(dpia(systems=["las"])), ON))
    found = mine(check(register(dpia(systems=["las"], screening=RECORDED)), ON))
    assert "DPIA950/d" not in found
    unassessed = found["DPIA951/d"]
    assert unassessed.params["count"] == 8 and "wp248_systematic_monitoring" in unassessed.params["criteria"]


def test_unrated_risk_and_version_mismatch() -> None:
    unrated = {k: v for k, v in LOW_RISK.items() if k != "impact"}
    found = mine(check(register(complete(risks=[unrated], version="1.1")), ON))
    assert found["DPIA954/d/r-1"].message("en") == "risk 'r-1' of DPIA 'd' has no motivated rating of impact"
    assert "version 1.1" in found["DPIA961/d/fg_advice"].message("en")


def test_not_required_screening_is_a_record_without_sign_off_gaps() -> None:
    # The pupil administration is outside this DPIA; the FG's decision on it keeps DPIA965 out of the way.
    las = {"screening_decisions": [{"id": "sd-las", "system": "las", "reason": "Eigen DPIA in voorbereiding.",
                                    "decided_by": "FG", "decided_on": "2026-10-01"}]}
    found = mine(check(register(dpia(flows=["f-mail"], screening={**RECORDED, "answers": ANSWERS}), **las), ON))
    assert found == {}
    # Unanswered criteria still count: the verdict rests on them.
    assert set(mine(check(register(dpia(flows=["f-mail"], screening=RECORDED), **las), ON))) == {"DPIA951/d"}
    # Without the decision the pupil administration's missing DPIA is reported (Art. 35(1)).
    assert "DPIA965/las" in mine(check(register(dpia(flows=["f-mail"], screening={**RECORDED, "answers": ANSWERS})), ON))


# ---- the review date


def test_passed_review_date_is_a_blocker(tmp_path: Path, capsys) -> None:
    late = complete(status="decided")
    late["signoff"]["review_by"] = dt.date(2026, 11, 28)
    result = check(register(late), ON)
    assert "DPIA962/d" in [f.id for f in result.blocking]
    assert "2026-11-28" in mine(result)["DPIA962/d"].message("en")
    on_time = complete(status="decided")
    on_time["signoff"]["review_by"] = ON
    assert "DPIA962/d" not in mine(check(register(on_time), ON))
    # `dpia check` exits 1 on it, even for a draft
    draft = complete(signoff={**SIGNOFF, "review_by": dt.date(2026, 1, 1)})
    folder = write(tmp_path / "reg", draft)
    assert main(["check", str(folder), "--on", "2026-11-29"]) == 1
    assert "DPIA962" in capsys.readouterr().out


def test_review_date_at_most_three_years_after_the_decision() -> None:
    far = complete(status="decided")
    far["signoff"]["review_by"] = dt.date(2029, 6, 2)
    assert "DPIA963/d" in mine(check(register(far), ON))
    edge = complete(status="decided")
    edge["signoff"]["review_by"] = dt.date(2029, 6, 1)
    assert "DPIA963/d" not in mine(check(register(edge), ON))


# ---- findings advise a draft and block a DPIA to be approved

NO_BASIS = [dict(p) for p in BASE["purposes"]]
NO_BASIS[0] = {k: v for k, v in NO_BASIS[0].items() if k not in ("legal_basis", "legal_source")}


def gate(result) -> str | None:
    f = mine(result).get("DPIA964/d")
    return f.message("en") if f else None


def test_scope_findings_advise_a_draft() -> None:
    result = check(register(complete(), purposes=NO_BASIS), ON)
    assert "DPIA102/education" in [f.id for f in result.findings]
    assert gate(result) is None


@pytest.mark.parametrize("status", ["to_be_approved", "decided"])
def test_scope_findings_block_a_dpia_to_be_approved(status: str) -> None:
    result = check(register(complete(status=status), purposes=NO_BASIS), ON)
    message = gate(result)
    assert message is not None and "DPIA102/education" in message
    assert "DPIA964/d" in [f.id for f in result.blocking]


def test_own_gaps_block_a_dpia_to_be_approved() -> None:
    result = check(register(complete(status="to_be_approved", signoff={**SIGNOFF, "mr": None})), ON)
    assert "DPIA958/d" in gate(result)


def test_accepted_findings_do_not_block_approval() -> None:
    acceptance = [{"id": "acc-1", "finding": "DPIA102/education", "reason": "grondslag wordt vastgesteld",
                   "accepted_by": "Bestuur", "until": dt.date(2027, 3, 1)}]
    result = check(register(complete(status="to_be_approved"), purposes=NO_BASIS, acceptances=acceptance), ON)
    assert "DPIA102/education" not in (gate(result) or "")


def test_rejected_dpia_is_not_gated() -> None:
    rejected = complete(status="decided")
    rejected["signoff"]["decision"] = {**DECISION, "outcome": "reject"}
    assert gate(check(register(rejected, purposes=NO_BASIS), ON)) is None


def test_gate_without_open_findings_is_silent() -> None:
    ctx = Context(register(complete(status="to_be_approved")), ON)
    assert list(approval_with_open_findings(ctx, [])) == []
    ctx = Context(register(complete(status="to_be_approved", signoff={**SIGNOFF, "fg_advice": None})), ON)
    [hit] = approval_with_open_findings(ctx, [])
    assert hit.subjects == ("d",) and "DPIA957/d" in hit.params["findings"]


@pytest.mark.skipif(not (Path(__file__).parents[1] / "data" / "omo-helmond" / "dpias.yaml").exists(), reason="no example")
def test_example_magister_is_blocked_and_the_photo_draft_advises() -> None:
    from dpia.io.store import load

    from .conftest import EXAMPLE

    found = mine(check(load(EXAMPLE).register, ON))
    assert found["DPIA964/dpia-magister"].severity is Severity.BLOCKER
    assert "DPIA207/snelsms/va-magister" in found["DPIA964/dpia-magister"].message("en")
    assert "DPIA964/dpia-schoolfoto" not in found
    assert found["DPIA955/dpia-schoolfoto/r-foto-retention"].severity is Severity.WARNING
    assert found["DPIA958/dpia-schoolfoto"].severity is Severity.WARNING
