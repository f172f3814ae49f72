"""The school's sector: per-sector legal tables (dpia.model.law), statute names in messages, DPIA710, and
the validation of a register without a sector or with implausible numbers."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import dpia.model.law as law
from dpia.check import check
from dpia.cli import main
from dpia.model import RecordType, Register, Sector
from dpia.rules import load_all, REGISTRY
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

ON = dt.date(2026, 11, 29)


def school(sector: str, *, record_type: str, duration: str, trigger: str = "deregistration",
           minimum: bool = False) -> Register:
    """A one-school register whose `dossier` category (a kind of school record) is kept ``duration``."""
    doc: dict[str, Any] = {
        "controller": {"id": "board", "name": "Bestuur", "sector": sector},
        "systems": [{"id": "las", "name": "LAS", "kind": "pupil_administration", "operated_by": "board"}],
        "data_categories": [{"id": "dossier", "label": {"nl": "Dossier", "en": "File"}, "type": "ordinary",
                             "record_type": record_type}],
        "subjects": [{"id": "pupils", "label": {"nl": "L", "en": "P"}, "kind": "pupil", "age_band": "under_16", "count": 200}],
        "purposes": [{"id": "edu", "label": {"nl": "Onderwijs", "en": "Education"}, "legal_basis": "legal_obligation",
                      "needs": ["dossier"]}],
        "flows": [{"id": "f", "from": "board", "to": "las", "categories": ["dossier"], "purposes": ["edu"],
                   "subjects": ["pupils"]}],
        "retention": [{"id": "r", "category": "dossier", "duration": duration, "trigger": trigger, "minimum": minimum,
                       "legal_source": "eigen beleid"}],
        "dpias": [{"id": "d", "title": {"nl": "D", "en": "D"}, "systems": ["las"]}],
    }
    return Register.model_validate(copy.deepcopy(doc))


def findings(register: Register, code: str):
    return [f for f in check(register, ON).findings if f.code == code]


# ---- the tables


def test_every_sector_has_a_table_citing_its_own_statute() -> None:
    assert set(law.LEGAL_RETENTION_BY_SECTOR) == set(Sector)
    assert law.LEGAL_RETENTION is law.LEGAL_RETENTION_BY_SECTOR[Sector.VO]
    for sector, table in law.LEGAL_RETENTION_BY_SECTOR.items():
        own = law.statute(sector)
        others = {law.statute(s) for s in Sector if s is not sector}
        for entry in table.values():
            assert own in entry.source, (sector, entry.source)
            assert not any(f"({o})" in entry.source for o in others), (sector, entry.source)


def test_only_the_vo_central_exam_is_statute_and_uncertain_entries_say_verify() -> None:
    for sector, table in law.LEGAL_RETENTION_BY_SECTOR.items():
        for kind, entry in table.items():
            statute = sector is Sector.VO and kind is RecordType.CENTRAL_EXAM
            assert entry.statutory == statute
            if sector is not Sector.VO:
                assert entry.source.endswith("(verify)"), entry.source


def test_primary_schools_have_no_exam_entries() -> None:
    po = law.LEGAL_RETENTION_BY_SECTOR[Sector.PO]
    assert RecordType.CENTRAL_EXAM not in po and RecordType.SCHOOL_EXAM not in po
    assert RecordType.CENTRAL_EXAM in law.LEGAL_RETENTION_BY_SECTOR[Sector.MBO]


# ---- messages cite the register's sector


@pytest.mark.parametrize("sector, cited", [("po", "sectorregel PO (WPO): leerlingdossier (verify)"),
                                           ("vo", "sectorregel VO (WVO 2020): leerlingdossier"),
                                           ("mbo", "sectorregel MBO (WEB): leerlingdossier (verify)"),
                                           ("so_vso", "sectorregel SO/VSO (WEC): leerlingdossier (verify)")])
def test_a_long_pupil_file_cites_the_sectors_rule(sector: str, cited: str) -> None:
    (f,) = findings(school(sector, record_type="pupil_file", duration="P3Y"), "DPIA703")
    assert "the sector keeps it at most P2Y after the pupil leaves" in f.message("en")
    assert f.message("en").endswith(f"({cited})")
    assert "sectorregel VO" not in f.message("en") or sector == "vo"


@pytest.mark.parametrize("sector", ["po", "vo", "mbo", "so_vso"])
def test_within_the_sectors_maximum_is_silent(sector: str) -> None:
    assert findings(school(sector, record_type="pupil_file", duration="P2Y"), "DPIA703") == []


def test_school_exam_work_is_compared_in_vo_but_not_in_po() -> None:
    assert len(findings(school("vo", record_type="school_exam", duration="P3Y", trigger="result"), "DPIA703")) == 1
    assert findings(school("po", record_type="school_exam", duration="P3Y", trigger="result"), "DPIA703") == []


def test_a_short_central_exam_is_statute_in_vo_and_advisory_in_mbo() -> None:
    vo = school("vo", record_type="central_exam", duration="P3M", trigger="result", minimum=True)
    mbo = school("mbo", record_type="central_exam", duration="P3M", trigger="result", minimum=True)
    assert [f.code for f in check(vo, ON).findings if f.code in ("DPIA704", "DPIA710")] == ["DPIA704"]
    (f,) = [f for f in check(mbo, ON).findings if f.code in ("DPIA704", "DPIA710")]
    assert f.code == "DPIA710" and "WEB" in f.message("en") and "(verify)" in f.message("en")
    load_all()
    assert REGISTRY["DPIA710"].advisory


def test_dpia710_silent_at_the_sector_minimum() -> None:
    assert findings(school("mbo", record_type="central_exam", duration="P6M", trigger="result", minimum=True), "DPIA710") == []


@pytest.mark.parametrize("sector, statute", [("po", "WPO"), ("vo", "WVO 2020"), ("mbo", "WEB")])
def test_a_missing_legal_source_suggests_the_sectors_statute(sector: str, statute: str) -> None:
    (f,) = findings(school(sector, record_type="pupil_file", duration="P2Y"), "DPIA103")
    assert f.message("nl").endswith(f"(in deze sector bijvoorbeeld de {statute})")


# ---- validation: the sector is never guessed; numbers are plausible


def write(tmp_path: Path, controller: str, extra: str = "") -> Path:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "register.yaml").write_text("controller:\n" + controller + extra, encoding="utf-8")
    return folder


def problems(folder: Path, lang: str = "en") -> list[str]:
    with pytest.raises(RegisterInvalid) as info:
        load(folder)
    return [p.render(lang) for p in info.value.problems]


def test_a_register_without_a_sector_gets_one_clear_message(tmp_path: Path, capsys) -> None:
    folder = write(tmp_path, "  id: board\n  name: Basisschool De Linde\n")
    (message,) = problems(folder)
    assert ("controller: required field 'sector' is missing; the sector decides which education "
            "statute and retention periods apply and is never guessed; allowed: po, vo, mbo, so_vso "
            "(po = primary, vo = secondary, mbo = vocational, so_vso = special education)") in message
    assert message.endswith("Add under controller, for example: sector: vo")  # the next step
    assert message.startswith(f"{folder}/register.yaml:2:")
    assert main(["validate", str(folder)]) == 2
    assert "verplicht veld 'sector' ontbreekt" in capsys.readouterr().err


def test_a_misspelt_sector_names_the_allowed_values_and_a_guess(tmp_path: Path) -> None:
    (message,) = problems(write(tmp_path, "  id: board\n  name: B\n  sector: VO\n"))
    assert "controller.sector: value 'VO' is not allowed; allowed: po, vo, mbo, so_vso; did you mean 'vo'?" in message


@pytest.mark.parametrize("yaml, expected", [
    ("  schools: [{id: a, name: A, pupils: 100000000000000000000000000000000}]\n",
     "controller.schools[0].pupils: 100000000000000000000000000000000 is not a plausible number; allowed: 0 to 100,000"),
    ("  schools: [{id: a, name: A, staff: 25000}]\n",
     "controller.schools[0].staff: 25000 is not a plausible number; allowed: 0 to 20,000"),
])
def test_implausible_school_counts_name_the_range(tmp_path: Path, yaml: str, expected: str) -> None:
    (message,) = problems(write(tmp_path, "  id: board\n  name: B\n  sector: po\n" + yaml))
    assert expected in message and message.endswith("Fill in the real number; an estimate is fine")


def test_implausible_subject_count_and_duration_name_the_range(tmp_path: Path) -> None:
    extra = (
        "subjects: [{id: p, label: {nl: L, en: P}, kind: parent, count: 99000000}]\n"
        "data_categories: [{id: n, label: {nl: N, en: N}, type: ordinary}]\n"
        "retention: [{id: r, category: n, duration: P250Y, trigger: creation}]\n"
    )
    found = problems(write(tmp_path, "  id: board\n  name: B\n  sector: po\n", extra))
    assert any("subjects[0] (p).count: 99000000 is not a plausible number; allowed: 0 to 20,000,000" in m for m in found), found
    assert any("retention[0] (r).duration: 'P250Y' is longer than plausible; allowed: P0D to P100Y" in m for m in found), found


def test_plausible_numbers_load(tmp_path: Path) -> None:
    extra = "retention: [{id: r, category: n, duration: P100Y, trigger: creation}]\n" \
            "data_categories: [{id: n, label: {nl: N, en: N}, type: ordinary}]\n"
    folder = write(tmp_path, "  id: board\n  name: B\n  sector: mbo\n  schools: [{id: a, name: A, pupils: 30000, staff: 3000}]\n", extra)
    assert load(folder).register.controller.sector is Sector.MBO
