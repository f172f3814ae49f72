"""Shared fixtures: small registers written to a temporary folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "omo-helmond"

# A small register that uses every entity, split over two files, with comments to preserve.
MINI = {
    "register.yaml": """\
        # The board and its schools
        controller:
          id: board
          name: Stichting Voorbeeld
          sector: vo
          kvk: '12345678'
          dpo: {name: A. de Vries, email: fg@example.nl}
          schools:
            - id: school-a
              name: College A
              brin: 01AB
              pupils: 900
        parties:
          - id: supplier
            name: Leverancier LAS
            role: processor   # runs the pupil administration
            location: {country: NL}
          - id: hosting
            name: Hosting BV
            role: sub_processor
            processor_of: supplier
            location: {country: US, transfer_mechanism: scc}
          - id: duo
            name: DUO
            role: independent_controller
        systems:
          - id: las
            name: Leerlingadministratie
            kind: pupil_administration
            operated_by: supplier
        data_categories:
          - id: name
            label: {nl: Naam, en: Name}
            type: ordinary
          - id: bsn
            label: {nl: BSN, en: Citizen service number}
            type: national_id
          - id: care
            label: {nl: Zorggegevens, en: Care data}
            type: special
            special_subtype: health
        subjects:
          - id: pupils-u16
            label: {nl: Leerlingen jonger dan 16, en: Pupils under 16}
            kind: pupil
            age_band: under_16
            count: 700
        """,
    "more.yaml": """\
        purposes:
          - id: education
            label: {nl: Onderwijs geven, en: Providing education}
            legal_basis: public_task
            legal_source: WVO 2020
            art9_exception: UAVG art. 30 lid 3 onder a
            needs: [name, care]
          - id: bron
            label: {nl: Melden aan DUO, en: Reporting to DUO}
            legal_basis: legal_obligation
            legal_source: WVO 2020
            needs: [name, bsn]
          - id: photos
            label: {nl: Foto's in de nieuwsbrief, en: Photos in the newsletter}
            legal_basis: consent
            needs: [name]
        flows:
          - id: f-school-las
            from: school-a
            to: las
            categories: [name, care]
            purposes: [education]
            subjects: [pupils-u16]
            channel: web
          - id: f-las-duo
            from: las
            to: duo
            categories: [name, bsn]
            purposes: [bron]
          - id: f-photos
            from: school-a
            to: board
            categories: [name]
            purposes: [photos]
            subjects: [pupils-u16]
        agreements:
          - id: va-supplier
            kind: model_4_0
            parties: [supplier]
            categories: [name, care]
            purposes: [education]
            valid_from: 2024-01-01
            valid_until: 2027-12-31
            deletion_after_use: true
            permitted_subprocessors: [hosting]
            privacy_annex_version: '2024.1'
            security_annex: Beveiligingsbijlage v3
            retention: P1Y
            retention_trigger: end_of_contract
        consents:
          - id: c-photos
            purpose: photos
            given_by: {under_16: parent, 16_to_17: pupil, 18_plus: pupil}
            recorded_in: las
            withdrawal: via het ouderportaal
        access_roles:
          - id: mentor
            label: {nl: Mentor, en: Form tutor}
            system: las
            read: [name, care]
            needs: [name, care]
            care_team: true
            reason: begeleiding
        retention:
          - id: r-name
            category: name
            duration: P2Y
            trigger: deregistration
          - id: r-bsn
            category: bsn
            duration: P5Y
            trigger: deregistration
          - id: r-care
            category: care
            duration: P2Y
            trigger: deregistration
        measures:
          - id: m-mfa
            label: {nl: Tweefactorauthenticatie, en: Two-factor authentication}
            kind: technical
            systems: [las]
            detail: secret detail
        screening_decisions:
          - id: sd-las
            system: las
            reason: De centrale DPIA van de sector op dit LAS is beoordeeld en overgenomen.
            decided_by: A. de Vries (FG)
            decided_on: 2026-01-15
        """,
}


def write_register(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def later_clock(monkeypatch: pytest.MonkeyPatch):
    """A function that moves the clock years ahead (datetime.now, time.time and time.localtime), so a test
    can make the same file again 'later': two calls in one second would share their timestamps."""
    import datetime as dt
    import time

    def later() -> None:
        class Later(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return dt.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

        monkeypatch.setattr(dt, "datetime", Later)
        monkeypatch.setattr(time, "time", lambda: 1_900_000_000.0)
        monkeypatch.setattr(time, "localtime", lambda *_: time.struct_time((2030, 1, 2, 3, 4, 5, 0, 2, 0)))

    return later


def assert_clock_free(xlsx: bytes) -> None:
    """Nothing in an XLSX file depends on the clock: fixed entry dates and document dates."""
    import io
    import zipfile

    from dpia.io.export import FIXED_TIMESTAMP

    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        assert {i.date_time for i in zf.infolist()} == {FIXED_TIMESTAMP}
        core = zf.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and core.count("2000-01-01") == 2
    assert "openpyxl" not in core


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A valid register with every entity, in a temporary folder."""
    return write_register(tmp_path / "mini", MINI)
