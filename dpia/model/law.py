"""Legal retention periods for Dutch schools, per sector (po, vo, mbo, so/vso), keyed by record type.

A data category that carries a ``record_type`` (``dpia.model.RecordType``) is compared with the table of
the register's sector (``controller.sector``) by the retention rules (``dpia.rules.retention``,
DPIA702-DPIA707). Each entry is a duration (ISO-8601) that runs from a trigger event
(``RetentionTrigger``), and is either a *maximum* (keep no longer: storage limitation, AVG art. 5 lid 1
sub e) or a *minimum* (keep at least this long). A record type without an entry for the sector (central
exams in primary education) is not compared.

The statute per sector
----------------------
``po`` Wet op het primair onderwijs (WPO), ``vo`` Wet voortgezet onderwijs 2020 (WVO 2020), ``mbo`` Wet
educatie en beroepsonderwijs (WEB), ``so_vso`` Wet op de expertisecentra (WEC). Messages name the statute
of the register's sector (``statute(sector)``), never another sector's.

Which entries are statute and which are sector practice
--------------------------------------------------------
* **Statute** -- only ``central_exam`` in ``vo``: central exam work and the grade list are kept *at
  least* six months after the result is final, Uitvoeringsbesluit WVO 2020 art. 4.39 (as cited by the
  project's domain brief; the article number was not re-checked against wetten.overheid.nl). Findings on
  this entry are not advisory.
* **Sector practice** -- every other entry: the periods schools of the sector commonly apply in their
  privacy policies (leerlingdossier at most 2 years after the pupil leaves; verzuim and in- en
  uitschrijving 5 years; a referral to special education 3 years; school exam work 2 years). No statute
  article was verified for them, so they are cited as a sector rule and the findings based on them are
  advisory (DPIA703 rather than DPIA702). Entries carried over to another sector by analogy, or whose
  period in that sector we could not confirm, say ``(verify)`` in their source: the exam records of mbo
  (Examen- en kwalificatiebesluit beroepsopleidingen WEB) and vso (exam rules of the WVO 2020 through the
  WEC), and every po and so/vso entry. Choices of ours are marked in ``note``: the absence and enrolment
  period is read as a maximum (the storage-limitation reading), and the school-exam period runs from the
  result.

The tables are data, not code: a school or a later version may change an entry (or add a verified statute
and set ``statutory=True``), and the rules follow. Tests may monkeypatch ``LEGAL_RETENTION`` (the vo table)
or ``LEGAL_RETENTION_BY_SECTOR``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from dpia.model import duration_in_days, RecordType, RetentionTrigger, Sector


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


# The education statute of each sector, as messages cite it.
STATUTES: dict[Sector, str] = {
    Sector.PO: "WPO",
    Sector.VO: "WVO 2020",
    Sector.MBO: "WEB",
    Sector.SO_VSO: "WEC",
}
STATUTE_NAMES: dict[Sector, tuple[str, str]] = {  # (Dutch, English)
    Sector.PO: ("Wet op het primair onderwijs (WPO)", "Primary Education Act (WPO)"),
    Sector.VO: ("Wet voortgezet onderwijs 2020 (WVO 2020)", "Secondary Education Act 2020 (WVO 2020)"),
    Sector.MBO: ("Wet educatie en beroepsonderwijs (WEB)", "Adult and Vocational Education Act (WEB)"),
    Sector.SO_VSO: ("Wet op de expertisecentra (WEC)", "Expertise Centres Act (WEC)"),
}
VERIFY = " (verify)"


def statute(sector: Sector) -> str:
    """The short name of the education statute of ``sector``, e.g. ``'WPO'``."""
    return STATUTES[Sector(sector)]


def sector_rule(sector: Sector, record: str, verify: bool = False) -> str:
    """The citation of a sector practice: ``'sectorregel PO (WPO): leerlingdossier'``."""
    sector = Sector(sector)
    label = sector.value.upper().replace("_", "/")
    return f"sectorregel {label} ({STATUTES[sector]}): {record}" + (VERIFY if verify else "")


def _entries(sector: Sector, verify: bool) -> dict[RecordType, LegalRetention]:
    """The four sector-practice entries every sector shares (leerlingdossier, verzuim en inschrijving,
    verwijzing naar speciaal onderwijs, schoolexamenwerk), cited for ``sector``."""
    return {
        RecordType.PUPIL_FILE: LegalRetention(
            RecordType.PUPIL_FILE, "P2Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
            sector_rule(sector, "leerlingdossier", verify),
        ),
        RecordType.ABSENCE_ENROLMENT: LegalRetention(
            RecordType.ABSENCE_ENROLMENT, "P5Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
            sector_rule(sector, "verzuim en in- en uitschrijving", verify),
            note="The domain table gives a plain period; read here as a maximum (storage limitation).",
        ),
        RecordType.SPECIAL_EDUCATION_REFERRAL: LegalRetention(
            RecordType.SPECIAL_EDUCATION_REFERRAL, "P3Y", RetentionTrigger.DEREGISTRATION, Bound.MAXIMUM, False,
            sector_rule(sector, "verwijzing naar speciaal onderwijs", verify),
        ),
        RecordType.SCHOOL_EXAM: LegalRetention(
            RecordType.SCHOOL_EXAM, "P2Y", RetentionTrigger.RESULT, Bound.MAXIMUM, False,
            sector_rule(sector, "schoolexamenwerk", verify),
            note="The domain table names no trigger; the period is taken to run from the result.",
        ),
    }


def _vo() -> dict[RecordType, LegalRetention]:
    out = _entries(Sector.VO, verify=False)
    out[RecordType.CENTRAL_EXAM] = LegalRetention(
        RecordType.CENTRAL_EXAM, "P6M", RetentionTrigger.RESULT, Bound.MINIMUM, True,
        "Uitvoeringsbesluit WVO 2020 art. 4.39",
        note="Central exam work and grade list: at least six months after the result.",
    )
    return dict(sorted(out.items(), key=lambda kv: list(RecordType).index(kv[0])))


def _po() -> dict[RecordType, LegalRetention]:
    # Primary schools hold no exams (the doorstroomtoets result is part of the pupil file); the
    # onderwijskundig rapport for the next school (WPO art. 42, verify) is part of the pupil file too.
    out = _entries(Sector.PO, verify=True)
    del out[RecordType.SCHOOL_EXAM]
    return out


def _mbo() -> dict[RecordType, LegalRetention]:
    out = _entries(Sector.MBO, verify=True)
    out[RecordType.CENTRAL_EXAM] = LegalRetention(
        RecordType.CENTRAL_EXAM, "P6M", RetentionTrigger.RESULT, Bound.MINIMUM, False,
        "sectorregel MBO (WEB): examenwerk en resultaten, Examen- en kwalificatiebesluit beroepsopleidingen WEB"
        + VERIFY,
        note="By analogy with the vo minimum; no mbo article was verified, so findings are advisory.",
    )
    return dict(sorted(out.items(), key=lambda kv: list(RecordType).index(kv[0])))


def _so_vso() -> dict[RecordType, LegalRetention]:
    out = _entries(Sector.SO_VSO, verify=True)
    out[RecordType.CENTRAL_EXAM] = LegalRetention(
        RecordType.CENTRAL_EXAM, "P6M", RetentionTrigger.RESULT, Bound.MINIMUM, False,
        "sectorregel SO/VSO (WEC): centraal examenwerk vso, examenregels WVO 2020 via de WEC" + VERIFY,
        note="Vso exam streams follow the vo exam rules; the route through the WEC was not verified.",
    )
    return dict(sorted(out.items(), key=lambda kv: list(RecordType).index(kv[0])))


LEGAL_RETENTION_BY_SECTOR: dict[Sector, dict[RecordType, LegalRetention]] = {
    Sector.PO: _po(),
    Sector.VO: _vo(),
    Sector.MBO: _mbo(),
    Sector.SO_VSO: _so_vso(),
}
# The vo table under its old name (secondary education was the only sector before).
LEGAL_RETENTION: dict[RecordType, LegalRetention] = LEGAL_RETENTION_BY_SECTOR[Sector.VO]

LEGAL_COLUMNS = ["record_type", "legal_duration", "legal_days", "legal_trigger", "legal_minimum", "statutory", "legal_source"]


def legal_table(sector: Sector | str = Sector.VO) -> pd.DataFrame:
    """The table of ``sector`` as a DataFrame, one row per record type, ready to merge on ``record_type``.

    >>> legal_table("po").loc[0, "legal_source"]
    'sectorregel PO (WPO): leerlingdossier (verify)'
    """
    table = LEGAL_RETENTION_BY_SECTOR[Sector(sector)]
    rows = [
        (e.record_type.value, e.duration, e.days, e.trigger.value, e.minimum, e.statutory, e.source)
        for e in table.values()
    ]
    return pd.DataFrame.from_records(rows, columns=LEGAL_COLUMNS)


# The record types' names for messages are in the catalogue (``recordtype_<value>``), beside the trigger
# events' (``trigger_<value>``); check.VOCABULARY translates the parameters record_type and trigger through them.
__all__ = [
    "Bound", "LEGAL_COLUMNS", "LEGAL_RETENTION", "LEGAL_RETENTION_BY_SECTOR", "LegalRetention",
    "STATUTES", "STATUTE_NAMES", "legal_table", "sector_rule", "statute",
]
