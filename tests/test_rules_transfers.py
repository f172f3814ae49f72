"""Transfers outside the EEA and processor locations (DPIA501-DPIA506), written as specifications.

In MINI the supplier (which runs the pupil administration `las`) sits in NL and its sub-processor
`hosting` in the US under SCC; `duo` has no location. The variants move the supplier or change the
mechanism; only the findings of the rule under test are looked at.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from dpia.check import check
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)

SUPPLIER_NL = "role: processor   # runs the pupil administration\n    location: {country: NL}"
HOSTING_US = "location: {country: US, transfer_mechanism: scc}"


def supplier_at(location: str) -> dict[str, str]:
    return {SUPPLIER_NL: f"role: processor\n    location: {location}"}


def variant(tmp_path: Path, register_subs: dict[str, str] | None = None, flows: str = "") -> Path:
    """MINI with substitutions in register.yaml and extra flows appended to the flows list."""
    files = dict(MINI)
    reg = textwrap.dedent(files["register.yaml"])
    for old, new in (register_subs or {}).items():
        assert old in reg, old
        reg = reg.replace(old, new, 1)
    more = textwrap.dedent(files["more.yaml"])
    if flows:
        more = more.replace("agreements:\n", textwrap.indent(textwrap.dedent(flows), "  ") + "agreements:\n", 1)
    files["register.yaml"], files["more.yaml"] = reg, more
    return write_register(tmp_path / "reg", files)


def run(path: Path, code: str) -> list:
    return [f for f in check(load(path).register, ON).findings if f.code == code]


FLOW_TO_HOSTING = """\
  - id: f-las-hosting
    from: las
    to: hosting
    categories: [name, care]
    purposes: [education]
"""


@pytest.mark.parametrize("code", [f"DPIA50{i}" for i in range(1, 7)])
def test_mini_register_is_silent(mini: Path, code: str) -> None:
    assert run(mini, code) == []


# ---- DPIA501 transfer-outside-eea-without-mechanism


def test_processor_outside_eea_without_mechanism_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: US}"))
    [f] = run(reg, "DPIA501")
    assert f.subjects == ("f-school-las",)
    assert f.message("en") == "flow 'f-school-las' passes data to 'supplier' in US, outside the EEA, without a transfer mechanism"
    assert "buiten de EER" in f.message("nl")


def test_processor_outside_eea_with_scc_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: US, transfer_mechanism: scc}"))
    assert run(reg, "DPIA501") == []


def test_flow_to_sub_processor_outside_eea_needs_a_mechanism_too(tmp_path: Path) -> None:
    reg = variant(tmp_path, {HOSTING_US: "location: {country: US}"}, FLOW_TO_HOSTING)
    assert [f.id for f in run(reg, "DPIA501")] == ["DPIA501/f-las-hosting"]


def test_flow_within_the_party_outside_eea_is_not_a_transfer(tmp_path: Path) -> None:
    flow = """\
      - id: f-las-supplier
        from: las
        to: supplier
        categories: [name]
        purposes: [education]
    """
    reg = variant(tmp_path, supplier_at("{country: US}"), flow)
    assert [f.id for f in run(reg, "DPIA501")] == ["DPIA501/f-school-las"]


# ---- DPIA502 derogation-for-recurring-transfer


def test_derogation_for_a_recorded_flow_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: US, transfer_mechanism: derogation}"))
    [f] = run(reg, "DPIA502")
    assert f.subjects == ("f-school-las",)
    assert "relies on a derogation (GDPR Art. 49), which covers only occasional transfers" in f.message("en")
    assert f.rule.advisory
    assert run(reg, "DPIA501") == []


def test_safeguard_instead_of_derogation_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: US, transfer_mechanism: bcr}"))
    assert run(reg, "DPIA502") == []


# ---- DPIA503 processor-location-unknown


def test_processor_without_location_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, {SUPPLIER_NL: "role: processor"})
    [f] = run(reg, "DPIA503")
    assert f.subjects == ("supplier",)
    assert f.message("en") == "processor 'supplier' has no location: it is unknown where the data is processed"
    assert f.message("nl") == "verwerker 'supplier' heeft geen locatie: onbekend is waar de gegevens worden verwerkt"


def test_sub_processor_without_location_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, {"    " + HOSTING_US + "\n": ""})
    assert [f.id for f in run(reg, "DPIA503")] == ["DPIA503/hosting"]


def test_independent_controller_without_location_is_silent(mini: Path) -> None:
    # duo has no location in MINI, but it is no processor
    assert run(mini, "DPIA503") == []


# ---- DPIA504 transfer-mechanism-inside-eea


def test_mechanism_for_party_inside_eea_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: NL, transfer_mechanism: scc}"))
    [f] = run(reg, "DPIA504")
    assert f.subjects == ("supplier",)
    assert f.message("en") == "'supplier' is in NL (inside the EEA) but has transfer mechanism SCC; is the country right?"


def test_party_inside_eea_without_mechanism_is_silent(mini: Path) -> None:
    assert run(mini, "DPIA504") == []


# ---- DPIA505 adequacy-without-decision


def test_adequacy_for_country_without_decision_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, {HOSTING_US: "location: {country: CN, transfer_mechanism: adequacy}"})
    [f] = run(reg, "DPIA505")
    assert f.subjects == ("hosting",)
    assert f.message("en") == "'hosting' in CN relies on an adequacy decision, but none is known for CN"


@pytest.mark.parametrize("country", ["GB", "CH", "JP", "US"])
def test_adequacy_for_country_with_decision_is_silent(tmp_path: Path, country: str) -> None:
    reg = variant(tmp_path, {HOSTING_US: f"location: {{country: {country}, transfer_mechanism: adequacy}}"})
    assert run(reg, "DPIA505") == []


# ---- DPIA506 sensitive-data-transfer-without-assessment


def test_health_data_outside_eea_under_scc_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, supplier_at("{country: US, transfer_mechanism: scc}"))
    [f] = run(reg, "DPIA506")
    assert f.subjects == ("f-school-las",)
    assert f.message("en") == (
        "flow 'f-school-las' sends care to 'supplier' in US under SCC; record a transfer impact assessment"
    )


def test_sensitive_data_through_sub_processor_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, flows=FLOW_TO_HOSTING)
    assert [f.id for f in run(reg, "DPIA506")] == ["DPIA506/f-las-hosting"]


def test_ordinary_data_or_adequacy_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, flows=FLOW_TO_HOSTING.replace("[name, care]", "[name]"))
    assert run(reg, "DPIA506") == []
    reg2 = variant(tmp_path / "b", supplier_at("{country: GB, transfer_mechanism: adequacy}"))
    assert run(reg2, "DPIA506") == []


def test_every_rule_has_dutch_and_english_text() -> None:
    from dpia.i18n import template
    from dpia.rules import rules

    theme = rules("transfers")
    assert [r.code for r in theme] == [f"DPIA50{i}" for i in range(1, 7)]
    for r in theme:
        for part in ("title", "checks", "why", "fix", "message"):
            texts = {lang: template(f"rule.{r.code}.{part}", lang) for lang in ("nl", "en")}
            assert texts["nl"].strip() and texts["en"].strip() and texts["nl"] != texts["en"]
