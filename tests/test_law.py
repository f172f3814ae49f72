"""The table of legal and sector retention periods (dpia.model.law)."""

from __future__ import annotations

import dpia.model.law as law
from dpia.i18n import t
from dpia.model import duration_in_days, RecordType, RetentionTrigger
from dpia.rules import load_all, REGISTRY


def test_every_record_type_has_an_entry() -> None:
    assert set(law.LEGAL_RETENTION) == set(RecordType)
    for kind, entry in law.LEGAL_RETENTION.items():
        assert entry.record_type is kind
        assert entry.days == duration_in_days(entry.duration) > 0
        assert entry.source


def test_the_domain_table() -> None:
    rows = {k.value: (e.duration, e.trigger.value, e.bound.value, e.statutory) for k, e in law.LEGAL_RETENTION.items()}
    assert rows == {
        "pupil_file": ("P2Y", "deregistration", "maximum", False),
        "absence_enrolment": ("P5Y", "deregistration", "maximum", False),
        "special_education_referral": ("P3Y", "deregistration", "maximum", False),
        "central_exam": ("P6M", "result", "minimum", True),
        "school_exam": ("P2Y", "result", "maximum", False),
    }


def test_only_the_central_exam_is_statute_and_cites_its_article() -> None:
    exam = law.LEGAL_RETENTION[RecordType.CENTRAL_EXAM]
    assert exam.minimum and exam.source == "Uitvoeringsbesluit WVO 2020 art. 4.39"
    for kind, entry in law.LEGAL_RETENTION.items():
        if kind is not RecordType.CENTRAL_EXAM:
            assert not entry.statutory and "sectorregel" in entry.source


def test_docstring_says_which_entries_are_statute() -> None:
    doc = law.__doc__
    assert "art. 4.39" in doc and "Sector practice" in doc and "advisory" in doc


def test_legal_table_frame() -> None:
    frame = law.legal_table()
    assert list(frame.columns) == law.LEGAL_COLUMNS
    assert sorted(frame["record_type"]) == sorted(k.value for k in RecordType)
    exam = frame.set_index("record_type").loc["central_exam"]
    assert exam["legal_minimum"] and exam["legal_days"] == duration_in_days("P6M")


def test_sector_findings_are_advisory_and_statute_findings_are_not() -> None:
    load_all()
    assert REGISTRY["DPIA703"].advisory and not REGISTRY["DPIA702"].advisory and not REGISTRY["DPIA704"].advisory


def test_every_trigger_has_a_label_for_messages() -> None:
    for trigger in RetentionTrigger:
        assert t(f"trigger_{trigger.value}", "nl") and t(f"trigger_{trigger.value}", "en")


def test_record_type_labels_cover_every_record_type() -> None:
    assert all(t(f"recordtype_{kind.value}", lang) for kind in RecordType for lang in ("nl", "en"))
    assert t("recordtype_pupil_file", "nl") == "leerlingdossier"
