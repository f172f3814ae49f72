"""Housekeeping (DPIA801-DPIA806): entries no flow uses, written as specifications.

Each rule has a test that makes it fire on a variant of the MINI register and a test that shows it
silent once the register is fixed. Only the findings of the rule under test are looked at.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from dpia.check import check
from dpia.io.store import load

from .conftest import MINI, write_register

ON = dt.date(2026, 11, 29)


def variant(tmp_path: Path, register: dict[str, str] | None = None, **more: str) -> Path:
    """MINI with text inserted after section headers: ``register`` for register.yaml, keyword
    arguments for more.yaml (``flows="..."`` adds to the flows list, and so on)."""
    files = dict(MINI)
    for name, additions in (("register.yaml", register or {}), ("more.yaml", more)):
        text = textwrap.dedent(files[name])
        for section, block in additions.items():
            header = f"{section}:\n"
            assert header in text, header
            text = text.replace(header, header + block, 1)
        files[name] = text
    return write_register(tmp_path / "reg", files)


def found(path: Path, code: str):
    return [f for f in check(load(path).register, ON).findings if f.code == code]


def only(path: Path, code: str):
    (f,) = found(path, code)
    return f


def test_housekeeping_silent_on_mini(mini: Path) -> None:
    assert not [f for f in check(load(mini).register, ON).findings if f.code.startswith("DPIA8")]


# ---- DPIA801 agreement-unused

VA_HOSTING = """\
  - id: va-hosting
    kind: processing_agreement
    parties: [hosting]
    categories: [name]
    purposes: [education]
"""


def test_agreement_unused_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, agreements=VA_HOSTING), "DPIA801")
    assert f.subjects == ("va-hosting",)
    assert f.message("en") == "agreement 'va-hosting' with hosting covers no flow"
    assert f.message("nl") == "overeenkomst 'va-hosting' met hosting dekt geen enkele gegevensstroom"


def test_agreement_unused_silent_when_a_flow_goes_to_its_party(tmp_path: Path) -> None:
    flow = "  - id: f-las-hosting\n    from: las\n    to: hosting\n    categories: [name]\n    purposes: [education]\n"
    assert found(variant(tmp_path, agreements=VA_HOSTING, flows=flow), "DPIA801") == []


def test_agreement_unused_silent_when_a_flow_names_it(tmp_path: Path) -> None:
    flow = "  - id: f-x\n    from: school-a\n    to: las\n    categories: [name]\n    purposes: [education]\n    agreement: va-hosting\n"
    assert found(variant(tmp_path, agreements=VA_HOSTING, flows=flow), "DPIA801") == []


# ---- DPIA802 party-unused

TRAVEL = "  - id: reisbureau\n    name: Reisbureau\n    role: recipient\n"
BACKUP = "  - id: backup\n    name: Back-up BV\n    role: sub_processor\n    processor_of: supplier\n"


def test_party_unused_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, {"parties": TRAVEL}), "DPIA802")
    assert f.subjects == ("reisbureau",)
    assert f.message("en") == "party 'reisbureau' (recipient) appears in no flow"
    assert f.message("nl") == "partij 'reisbureau' (ontvanger) komt in geen enkele gegevensstroom voor"


def test_party_unused_silent_when_a_flow_reaches_it(tmp_path: Path) -> None:
    flow = "  - id: f-trip\n    from: school-a\n    to: reisbureau\n    categories: [name]\n    purposes: [education]\n"
    assert found(variant(tmp_path, {"parties": TRAVEL}, flows=flow), "DPIA802") == []


def test_operator_of_a_used_system_and_permitted_sub_processor_are_in_use(mini: Path) -> None:
    # MINI: 'supplier' only runs 'las'; 'hosting' is only permitted in va-supplier. Neither is unused.
    assert found(mini, "DPIA802") == []


def test_sub_processor_not_permitted_anywhere_is_unused(tmp_path: Path) -> None:
    f = only(variant(tmp_path, {"parties": BACKUP}), "DPIA802")
    assert f.subjects == ("backup",) and "(sub-processor)" in f.message("en")


def test_sub_processor_permitted_by_an_agreement_in_use_is_not_unused(tmp_path: Path) -> None:
    reg = variant(tmp_path, {"parties": BACKUP})
    more = reg / "more.yaml"
    more.write_text(more.read_text().replace("permitted_subprocessors: [hosting]", "permitted_subprocessors: [hosting, backup]"))
    assert found(reg, "DPIA802") == []


# ---- DPIA803 purpose-unused

OLD_PURPOSE = "  - id: p-trip\n    label: {nl: Werkweek, en: Study trip}\n    legal_basis: public_task\n    legal_source: WVO 2020\n    needs: [name]\n"


def test_purpose_unused_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, purposes=OLD_PURPOSE), "DPIA803")
    assert f.subjects == ("p-trip",)
    assert f.message("en") == "purpose 'p-trip' is used by no flow"


def test_purpose_unused_silent_when_a_flow_names_it(tmp_path: Path) -> None:
    flow = "  - id: f-trip\n    from: school-a\n    to: las\n    categories: [name]\n    purposes: [p-trip]\n"
    assert found(variant(tmp_path, purposes=OLD_PURPOSE, flows=flow), "DPIA803") == []


# ---- DPIA804 category-not-carried

GRADES = "  - id: grades\n    label: {nl: Cijfers, en: Grades}\n    type: sensitive\n"


def test_category_not_carried_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, {"data_categories": GRADES}), "DPIA804")
    assert f.subjects == ("grades",)
    assert f.message("en") == "data category 'grades' is carried by no flow"


def test_category_not_carried_silent_when_a_flow_carries_it(tmp_path: Path) -> None:
    flow = "  - id: f-grades\n    from: school-a\n    to: las\n    categories: [grades]\n    purposes: [education]\n"
    assert found(variant(tmp_path, {"data_categories": GRADES}, flows=flow), "DPIA804") == []


# ---- DPIA805 system-untouched

OLD_SYSTEM = "  - id: elo\n    name: Oude ELO\n    kind: learning_platform\n    operated_by: supplier\n"


def test_system_untouched_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, {"systems": OLD_SYSTEM}), "DPIA805")
    assert f.subjects == ("elo",)
    assert f.message("en") == "system 'elo' (run by 'supplier') appears in no flow"


def test_system_untouched_silent_when_a_flow_leaves_it(tmp_path: Path) -> None:
    flow = "  - id: f-elo\n    from: elo\n    to: las\n    categories: [name]\n    purposes: [education]\n"
    assert found(variant(tmp_path, {"systems": OLD_SYSTEM}, flows=flow), "DPIA805") == []


# ---- DPIA806 subject-category-unused

STAFF = "  - id: staff\n    label: {nl: Medewerkers, en: Staff}\n    kind: staff\n"


def test_subject_category_unused_fires(tmp_path: Path) -> None:
    f = only(variant(tmp_path, {"subjects": STAFF}), "DPIA806")
    assert f.subjects == ("staff",)
    assert f.message("en") == "group of data subjects 'staff' appears in no flow"


def test_subject_category_unused_silent_when_a_flow_names_it(tmp_path: Path) -> None:
    reg = variant(tmp_path, {"subjects": STAFF})
    more = reg / "more.yaml"
    more.write_text(more.read_text().replace("subjects: [pupils-u16]", "subjects: [pupils-u16, staff]"))
    assert found(reg, "DPIA806") == []


def test_subject_category_silent_when_it_is_a_flow_source(tmp_path: Path) -> None:
    flow = "  - id: f-staff\n    from: staff\n    to: las\n    categories: [name]\n    purposes: [education]\n"
    assert found(variant(tmp_path, {"subjects": STAFF}, flows=flow), "DPIA806") == []
