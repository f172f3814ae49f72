"""Processing agreements and sub-processors (DPIA201-DPIA209), written as specifications.

Each rule has a test that makes it fire on a variant of the MINI register and a test that shows it
silent once the register is fixed. Only the findings of the rule under test are looked at, so rules of
other themes do not interfere.
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

PUBLISHER = """\
  - id: publisher
    name: Uitgeverij
    role: processor
    location: {country: NL}
"""
BACKUP = """\
  - id: backup
    name: Back-up BV
    role: sub_processor
    processor_of: supplier
    location: {country: NL}
"""

# The agreement block of MINI, to target edits at it rather than at the flows above it.
AGREEMENT_CATEGORIES = "    categories: [name, care]\n    purposes: [education]\n    valid_from"
AGREEMENT_PURPOSES = "    purposes: [education]\n    valid_from"


def variant(tmp_path: Path, parties: str = "", more: str = "", register_subs: dict | None = None, **subs: str) -> Path:
    """MINI with `parties` added to the parties list, `more` appended to more.yaml, and substitutions
    made in register.yaml (`register_subs`) and more.yaml (keyword arguments, as old=new pairs)."""
    files = dict(MINI)
    reg = textwrap.dedent(files["register.yaml"])
    for old, new in (register_subs or {}).items():
        assert old in reg, old
        reg = reg.replace(old, new, 1)
    if parties:
        reg = reg.replace("systems:\n", parties + "systems:\n", 1)
    text = textwrap.dedent(files["more.yaml"])
    for old, new in subs.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    files["register.yaml"] = reg
    files["more.yaml"] = text + textwrap.dedent(more)
    return write_register(tmp_path / "reg", files)


def run(path: Path, code: str, on: dt.date = ON) -> list:
    return [f for f in check(load(path).register, on).findings if f.code == code]


def ids(findings) -> list[str]:
    return [f.id for f in findings]


def sub(old: str, new: str) -> dict[str, str]:
    """A substitution for `variant` whose old text is not a valid Python keyword."""
    return {old: new}


FLOW_TO_PUBLISHER = """\
  - id: f-las-publisher
    from: las
    to: publisher
    categories: [name]
    purposes: [education]
"""

AGREEMENT_WITH_PUBLISHER = """\
  - id: va-publisher
    kind: model_4_0
    parties: [publisher]
    categories: [name]
    purposes: [education]
    valid_from: 2024-01-01
    valid_until: 2028-07-31
    deletion_after_use: true
    privacy_annex_version: '2025.1'
    security_annex: Beveiligingsbijlage uitgever
"""


def with_flows(extra_flows: str, extra_agreements: str = "") -> dict[str, str]:
    """Substitutions that add flows (before `agreements:`) and agreements (before `consents:`)."""
    out = {"agreements:\n": extra_flows + "agreements:\n"}
    if extra_agreements:
        out["consents:\n"] = extra_agreements + "consents:\n"
    return out


@pytest.mark.parametrize("code", [f"DPIA20{i}" for i in range(1, 10)])
def test_mini_register_is_silent(mini: Path, code: str) -> None:
    assert run(mini, code) == []


# ---- DPIA201 processor-without-agreement


def test_flow_to_processor_without_agreement_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, parties=PUBLISHER, **with_flows(FLOW_TO_PUBLISHER))
    [f] = run(reg, "DPIA201")
    assert f.subjects == ("f-las-publisher",)
    assert "passes data to processor 'publisher' without a processing agreement" in f.message("en")
    assert "zonder verwerkersovereenkomst" in f.message("nl")


def test_flow_to_processor_without_agreement_reads_with_names(tmp_path: Path) -> None:
    reg = variant(tmp_path, parties=PUBLISHER, **with_flows(FLOW_TO_PUBLISHER))
    register = load(reg).register
    [f] = [f for f in check(register, ON).findings if f.code == "DPIA201"]
    assert f.reader("nl", register) == "Uitgeverij verwerkt gegevens voor de school. Er is geen verwerkersovereenkomst met Uitgeverij."
    assert "publisher" not in f.reader("en", register)


def test_flow_to_processor_with_agreement_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, parties=PUBLISHER, **with_flows(FLOW_TO_PUBLISHER, AGREEMENT_WITH_PUBLISHER))
    assert run(reg, "DPIA201") == []


def test_system_of_processor_counts_as_the_processor(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"    parties: [supplier]": "    parties: [duo]"})
    [f] = run(reg, "DPIA201")
    assert f.subjects == ("f-school-las",)
    assert "(school-a → las) passes data to processor 'supplier'" in f.message("en")


def test_data_sharing_arrangement_is_not_a_processing_agreement(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"    kind: model_4_0": "    kind: data_sharing"})
    assert ids(run(reg, "DPIA201")) == ["DPIA201/f-school-las"]


def test_flow_within_the_processor_and_flow_to_sub_processor_are_not_this_rules_business(tmp_path: Path) -> None:
    flows = """\
  - id: f-las-supplier
    from: las
    to: supplier
    categories: [name]
    purposes: [education]
  - id: f-las-hosting
    from: las
    to: hosting
    categories: [name]
    purposes: [education]
"""
    reg = variant(tmp_path, **{"    parties: [supplier]": "    parties: [duo]"}, **with_flows(flows))
    assert ids(run(reg, "DPIA201")) == ["DPIA201/f-school-las"]


# ---- DPIA202 agreement-does-not-cover-categories


def test_category_not_in_agreement_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **sub(AGREEMENT_CATEGORIES, AGREEMENT_CATEGORIES.replace("[name, care]", "[name]")))
    [f] = run(reg, "DPIA202")
    assert f.subjects == ("f-school-las", "va-supplier")
    assert f.message("en") == "flow 'f-school-las' to 'las' carries care, which agreement 'va-supplier' does not cover"


def test_category_not_in_agreement_reads_with_names(tmp_path: Path) -> None:
    reg = variant(tmp_path, **sub(AGREEMENT_CATEGORIES, AGREEMENT_CATEGORIES.replace("[name, care]", "[name]")))
    register = load(reg).register
    [f] = [f for f in check(register, ON).findings if f.code == "DPIA202"]
    text = f.reader("en", register)
    assert text.startswith(f"{register.index()['las'].name} receives this data: ")
    assert "va-supplier" not in text and "f-school-las" not in text
    assert f.message("en", register).startswith("flow 'f-school-las' to '")  # the officer's form keeps the ids


def test_categories_covered_by_agreement_is_silent(mini: Path) -> None:
    assert run(mini, "DPIA202") == []


def test_flow_is_covered_when_one_candidate_covers_everything(tmp_path: Path) -> None:
    narrow = AGREEMENT_WITH_PUBLISHER.replace("va-publisher", "va-supplier-extra").replace("[publisher]", "[supplier]")
    reg = variant(tmp_path, **with_flows("", narrow))
    assert run(reg, "DPIA202") == []


def test_missing_categories_are_reported_against_the_closest_candidate(tmp_path: Path) -> None:
    # Two candidates for f-school-las (name, care): va-supplier lacks care only, va-a-narrow lacks both.
    narrow = AGREEMENT_WITH_PUBLISHER.replace("va-publisher", "va-a-narrow").replace("[publisher]", "[supplier]").replace(
        "categories: [name]", "categories: [bsn]"
    )
    reg = variant(
        tmp_path,
        **sub(AGREEMENT_CATEGORIES, AGREEMENT_CATEGORIES.replace("[name, care]", "[name]")),
        **with_flows("", narrow),
    )
    assert ids(run(reg, "DPIA202")) == ["DPIA202/f-school-las/va-supplier"]


def test_explicit_agreement_is_the_only_candidate(tmp_path: Path) -> None:
    extra = AGREEMENT_WITH_PUBLISHER.replace("va-publisher", "va-other").replace("[publisher]", "[supplier]").replace(
        "categories: [name]", "categories: [name, care]"
    )
    reg = variant(
        tmp_path,
        **sub(AGREEMENT_CATEGORIES, AGREEMENT_CATEGORIES.replace("[name, care]", "[name]")),
        **{"    channel: web": "    channel: web\n    agreement: va-supplier"},
        **with_flows("", extra),
    )
    [f] = run(reg, "DPIA202")
    assert f.subjects == ("f-school-las", "va-supplier")


# ---- DPIA203 agreement-does-not-cover-purpose


def test_purpose_not_in_agreement_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **sub(AGREEMENT_PURPOSES, AGREEMENT_PURPOSES.replace("[education]", "[bron]")))
    [f] = run(reg, "DPIA203")
    assert f.subjects == ("f-school-las", "va-supplier")
    assert f.message("en") == "flow 'f-school-las' to 'las' serves education, which agreement 'va-supplier' does not cover"


def test_purpose_in_agreement_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, **sub(AGREEMENT_PURPOSES, AGREEMENT_PURPOSES.replace("[education]", "[bron, education]")))
    assert run(reg, "DPIA203") == []


# ---- DPIA204 agreement-expired / DPIA205 agreement-not-yet-valid


def test_expired_agreement_still_relied_on_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"valid_until: 2027-12-31": "valid_until: 2026-06-30"})
    [f] = run(reg, "DPIA204")
    assert f.subjects == ("va-supplier",)
    assert f.message("en") == "agreement 'va-supplier' expired on 2026-06-30, but flows f-school-las still rely on it"


def test_expired_agreement_with_a_renewal_in_force_is_silent(tmp_path: Path) -> None:
    renewal = """\
  - id: va-supplier-2026
    kind: model_4_0
    parties: [supplier]
    categories: [name, care]
    purposes: [education]
    valid_from: 2026-07-01
    valid_until: 2030-06-30
    deletion_after_use: true
    permitted_subprocessors: [hosting]
    privacy_annex_version: '2026.1'
    security_annex: Beveiligingsbijlage v4
"""
    reg = variant(tmp_path, **{"valid_until: 2027-12-31": "valid_until: 2026-06-30"}, **with_flows("", renewal))
    assert run(reg, "DPIA204") == []


def test_expired_agreement_no_flow_uses_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"valid_until: 2027-12-31": "valid_until: 2026-06-30", "    parties: [supplier]": "    parties: [hosting]"})
    assert run(reg, "DPIA204") == []


def test_agreement_not_yet_in_force_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"valid_from: 2024-01-01": "valid_from: 2027-01-01"})
    [f] = run(reg, "DPIA205")
    assert f.subjects == ("va-supplier",)
    assert f.message("en") == "agreement 'va-supplier' takes effect only on 2027-01-01, but flows f-school-las already rely on it"
    assert run(reg, "DPIA204") == []


def test_agreement_in_force_on_its_start_date_is_silent(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"valid_from: 2024-01-01": "valid_from: 2026-11-29"})
    assert run(reg, "DPIA205") == []


# ---- DPIA206 agreement-without-deletion-clause


def test_agreement_without_deletion_clause_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"deletion_after_use: true": "deletion_after_use: false"})
    [f] = run(reg, "DPIA206")
    assert f.subjects == ("va-supplier",)
    assert "does not oblige the processor to delete or return the data" in f.message("en")


def test_data_sharing_or_expired_agreement_needs_no_deletion_clause(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"deletion_after_use: true": "deletion_after_use: false", "    kind: model_4_0": "    kind: data_sharing"})
    assert run(reg, "DPIA206") == []
    reg2 = variant(tmp_path / "b", **{"deletion_after_use: true": "deletion_after_use: false", "valid_until: 2027-12-31": "valid_until: 2025-12-31"})
    assert run(reg2, "DPIA206") == []


# ---- DPIA207 unauthorised-sub-processor

FLOW_TO_HOSTING = """\
  - id: f-las-hosting
    from: las
    to: hosting
    categories: [name]
    purposes: [education]
"""
FLOW_TO_BACKUP = """\
  - id: f-hosting-backup
    from: hosting
    to: backup
    categories: [name]
    purposes: [education]
"""


def test_sub_processor_not_permitted_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"permitted_subprocessors: [hosting]": "permitted_subprocessors: []"}, **with_flows(FLOW_TO_HOSTING))
    [f] = run(reg, "DPIA207")
    assert f.subjects == ("hosting", "va-supplier")
    assert f.message("en") == (
        "sub-processor 'hosting' receives data from processor 'supplier' (path: supplier → hosting), "
        "but agreement 'va-supplier' does not permit it"
    )


def test_sub_processor_further_down_the_chain_fires_with_its_path(tmp_path: Path) -> None:
    reg = variant(tmp_path, parties=BACKUP, **with_flows(FLOW_TO_HOSTING + FLOW_TO_BACKUP))
    [f] = run(reg, "DPIA207")
    assert f.subjects == ("backup", "va-supplier")
    assert "(path: supplier → hosting → backup)" in f.message("en")


def test_permitted_sub_processors_are_silent(tmp_path: Path) -> None:
    reg = variant(
        tmp_path, parties=BACKUP,
        **{"permitted_subprocessors: [hosting]": "permitted_subprocessors: [hosting, backup]"},
        **with_flows(FLOW_TO_HOSTING + FLOW_TO_BACKUP),
    )
    assert run(reg, "DPIA207") == []


def test_sub_processor_permitted_by_another_agreement_of_the_processor_is_silent(tmp_path: Path) -> None:
    other = AGREEMENT_WITH_PUBLISHER.replace("va-publisher", "va-supplier-books").replace("[publisher]", "[supplier]")
    reg = variant(tmp_path, **with_flows(FLOW_TO_HOSTING, other))
    assert run(reg, "DPIA207") == []


# ---- DPIA208 model-agreement-without-annexes


def test_model_agreement_without_privacy_annex_fires(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"    privacy_annex_version: '2024.1'\n": ""})
    [f] = run(reg, "DPIA208")
    assert f.subjects == ("va-supplier",)
    assert f.message("en") == "model agreement 4.0 'va-supplier' records no privacy_annex_version in the register"
    assert f.rule.advisory


def test_model_agreement_without_both_annexes_lists_both(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"    privacy_annex_version: '2024.1'\n": "", "    security_annex: Beveiligingsbijlage v3\n": ""})
    [f] = run(reg, "DPIA208")
    assert "records no privacy_annex_version, security_annex" in f.message("en")


def test_other_processing_agreement_needs_no_privacy_annex(tmp_path: Path) -> None:
    reg = variant(tmp_path, **{"    privacy_annex_version: '2024.1'\n": "", "    kind: model_4_0": "    kind: processing_agreement"})
    assert run(reg, "DPIA208") == []


# ---- DPIA209 agreement-not-signed-by-processor


def test_flow_naming_another_partys_agreement_fires(tmp_path: Path) -> None:
    flow = FLOW_TO_PUBLISHER + "    agreement: va-supplier\n"
    reg = variant(tmp_path, parties=PUBLISHER, **with_flows(flow))
    [f] = run(reg, "DPIA209")
    assert f.subjects == ("f-las-publisher", "va-supplier")
    assert f.message("en") == (
        "flow 'f-las-publisher' to processor 'publisher' names agreement 'va-supplier', which is with supplier, "
        "not with 'publisher'"
    )


def test_flow_naming_its_processors_own_agreement_is_silent(tmp_path: Path) -> None:
    flow = FLOW_TO_PUBLISHER + "    agreement: va-publisher\n"
    reg = variant(tmp_path, parties=PUBLISHER, **with_flows(flow, AGREEMENT_WITH_PUBLISHER))
    assert run(reg, "DPIA209") == []
    assert run(reg, "DPIA201") == []


def test_every_rule_has_dutch_and_english_text() -> None:
    from dpia.i18n import template
    from dpia.rules import rules

    theme = rules("agreements")
    assert [r.code for r in theme] == [f"DPIA20{i}" for i in range(1, 10)]
    for r in theme:
        for part in ("title", "checks", "why", "fix", "message"):
            texts = {lang: template(f"rule.{r.code}.{part}", lang) for lang in ("nl", "en")}
            assert texts["nl"].strip() and texts["en"].strip() and texts["nl"] != texts["en"]
