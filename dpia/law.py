"""Legal retention periods for Dutch secondary schools (voortgezet onderwijs), keyed by record type.

A data category that carries a ``record_type`` (``dpia.model.RecordType``) is compared with this table by
the retention rules (``dpia.rules.retention``, DPIA702-DPIA707). Each entry is a duration (ISO-8601) that
runs from a trigger event (``RetentionTrigger``), and is either a *maximum* (keep no longer: storage
limitation, AVG art. 5 lid 1 sub e) or a *minimum* (keep at least this long).

Which entries are statute and which are sector practice
--------------------------------------------------------
* **Statute** -- ``central_exam``: central exam work and the grade list are kept *at least* six months after
  the result is final, Uitvoeringsbesluit WVO 2020 art. 4.39 (as cited by the project's domain brief; the
  article number was not re-checked against wetten.overheid.nl for this table). Findings on this entry are
  not advisory.
* **Sector practice** -- ``pupil_file`` (at most 2 years after the pupil leaves), ``absence_enrolment``
  (5 years after leaving), ``special_education_referral`` (3 years after leaving) and ``school_exam`` (at
  most 2 years). These are the periods Dutch secondary schools commonly apply in their privacy policies;
  no statute article was verified for them, so they are cited as sector rules and the findings based on
  them are advisory (DPIA703 rather than DPIA702). Two choices are ours and are marked in ``note``:
  the absence and enrolment period is read as a maximum (the storage-limitation reading; the domain
  table states a plain period), and the school-exam period is taken to run from the result (the domain
  table names no trigger).

The table is data, not code: a school or a later version may change an entry (or add a verified statute
and set ``statutory=True``), and the rules follow. Tests may monkeypatch ``LEGAL_RETENTION``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from .i18n import MESSAGES
from .model import RecordType, RetentionTrigger, duration_in_days


class Bound(StrEnum):
    MAXIMUM = "maximum"  # keep no longer than this
    MINIMUM = "minimum"  # keep at least this long


@dataclass(frozen=True)
class LegalRetention:
    """One row of the table: how long a kind of record is kept, from which event, and on whose authority."""

    record_type: RecordType
    duration: str  # ISO-8601, e.g. "P2Y"
    trigger: RetentionTrigger
    bound: Bound
    statutory: bool  # True: a statute fixes it; False: sector practice (findings are advisory)
    source: str  # citation, in the Dutch style of the rules' articles
    note: str = ""

    @property
    def days(self) -> float:
        return duration_in_days(self.duration)

    @property
    def minimum(self) -> bool:
        return self.bound is Bound.MINIMUM


SECTOR = "sectorregel VO"  # sector practice in secondary education; no statute article verified

LEGAL_RETENTION: dict[RecordType, LegalRetention] = {
    RecordType.PUPIL_FILE: LegalRetention(
        RecordType.PUPIL_FILE, "P2Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
        f"{SECTOR}: leerlingdossier",
    ),
    RecordType.ABSENCE_ENROLMENT: LegalRetention(
        RecordType.ABSENCE_ENROLMENT, "P5Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
        f"{SECTOR}: verzuim en in- en uitschrijving",
        note="The domain table gives a plain period; read here as a maximum (storage limitation).",
    ),
    RecordType.SPECIAL_EDUCATION_REFERRAL: LegalRetention(
        RecordType.SPECIAL_EDUCATION_REFERRAL, "P3Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
        f"{SECTOR}: verwijzing naar speciaal onderwijs",
    ),
    RecordType.CENTRAL_EXAM: LegalRetention(
        RecordType.CENTRAL_EXAM, "P6M", RetentionTrigger.RESULT, Bound.MINIMUM, True,
        "Uitvoeringsbesluit WVO 2020 art. 4.39",
        note="Central exam work and grade list: at least six months after the result.",
    ),
    RecordType.SCHOOL_EXAM: LegalRetention(
        RecordType.SCHOOL_EXAM, "P2Y", RetentionTrigger.RESULT, Bound.MAXIMUM, False,
        f"{SECTOR}: schoolexamenwerk",
        note="The domain table names no trigger; the period is taken to run from the result.",
    ),
}

LEGAL_COLUMNS = ["record_type", "legal_duration", "legal_days", "legal_trigger", "legal_minimum", "statutory", "legal_source"]


def legal_table() -> pd.DataFrame:
    """The table as a DataFrame, one row per record type, ready to merge on ``record_type``."""
    rows = [
        (e.record_type.value, e.duration, e.days, e.trigger.value, e.minimum, e.statutory, e.source)
        for e in LEGAL_RETENTION.values()
    ]
    return pd.DataFrame.from_records(rows, columns=LEGAL_COLUMNS)


# Dutch and English names of the record types, for messages (``recordtype_<value>``); the trigger events
# have theirs in dpia.i18n (``trigger_<value>``, "na uitschrijving"). check.VOCABULARY translates a
# message parameter through them once its name is listed there (the retention rules use the
# parameters record_type, trigger, legal_trigger and agreement_trigger).
RECORD_TYPE_LABELS = {
    RecordType.PUPIL_FILE: ("leerlingdossier", "pupil file"),
    RecordType.ABSENCE_ENROLMENT: ("verzuim en in- en uitschrijving", "absence and enrolment records"),
    RecordType.SPECIAL_EDUCATION_REFERRAL: ("verwijzing naar speciaal onderwijs", "referral to special education"),
    RecordType.CENTRAL_EXAM: ("centraal examenwerk en cijferlijst", "central exam work and grade list"),
    RecordType.SCHOOL_EXAM: ("schoolexamenwerk", "school exam work"),
}
for _kind, (_nl, _en) in RECORD_TYPE_LABELS.items():
    MESSAGES.setdefault(f"recordtype_{_kind.value}", {"nl": _nl, "en": _en})

__all__ = ["Bound", "LEGAL_COLUMNS", "LEGAL_RETENTION", "LegalRetention", "RECORD_TYPE_LABELS", "legal_table"]
