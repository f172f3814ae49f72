"""The letter to parents and the privacy statement: generated from the register only, plain Dutch."""

from __future__ import annotations

from enum import StrEnum

import datetime as dt
import re
from pathlib import Path

import pytest

from dpia.cli import main
from dpia.documents.letter import letter_body, letter_html, LetterRefused, statement_html
from dpia.model import PromiseKind
from dpia.documents.confidential import confidential_values
from dpia.io.store import load

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


def _text(page: str) -> str:
    body = re.sub(r"<(style|title)>.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#x27;", "'").replace("&amp;", "&").strip()


def _holding(register):
    """The example with its broken promises left out: the letter a school could send today."""
    from dpia.analysis.promises import promise_status

    broken = {s.promise.id for s in promise_status(register, ON) if not s.holds}
    register.promises = [p for p in register.promises if p.id not in broken]
    return register


@pytest.fixture(scope="module")
def letter() -> str:
    return _text(letter_body(load(EXAMPLE).register, ON, lang="nl", draft=True))


# Every topic of the seed letter (../shared/seed/000_a01b707f724e48b1.txt), one assertion each.
SEED_TOPICS = {
    "registration data": ["naam", "adres", "woonplaats", "pasfoto", "burgerservicenummer"],
    "data during school": ["cijfers", "afwezigheid", "gespreksverslagen"],
    "Magister": ["Magister"],
    "protected": ["afgeschermd"],
    "deleted after leaving": ["verlaten", "verwijderd"],
    "next school only with consent": ["vervolgschool", "toestemming"],
    "external parties": ["Noordhoff", "Fotostudio", "Museum", "Touringcar", "Gemeente Helmond"],
    "processing agreement, purpose, destruction": ["verwerkersovereenkomst", "doel", "vernietigd"],
    "policy after the MR": ["privacybeleid", "medezeggenschapsraad"],
    "photos online with consent": ["foto's", "internet", "toestemming"],
    "care pupils and the care team": ["zorgleerlingen", "zorgteam"],
    "mentor and subject teacher": ["mentor", "vakdocent"],
    "network and mail": ["netwerk", "mail"],
    "staff informed": ["medewerkers", "geïnformeerd"],
    "questions": ["vraag"],
}


@pytest.mark.parametrize("topic", sorted(SEED_TOPICS))
def test_the_letter_covers_every_topic_of_the_seed_letter(letter: str, topic: str) -> None:
    for word in SEED_TOPICS[topic]:
        assert word.lower() in letter.lower(), (topic, word)


def test_the_letter_adds_what_the_seed_letter_lacks(letter: str) -> None:
    for words in (["jonger dan 16", "Vanaf 16"], ["inzien", "verbeteren", "wissen", "bezwaar"], ["Autoriteit Persoonsgegevens"],
                  ["5 jaar na uitschrijving"]):
        assert all(w.lower() in letter.lower() for w in words), words


def test_no_ids_no_rule_codes_no_english_enum_values(letter: str) -> None:
    """Built from the register itself, so a new id cannot slip through: every id and enum value that
    appears as a word of the letter, unless the letter's own Dutch (its catalogue texts, the promises'
    texts, the names and labels) uses that word too: 'mentor' is an id and a Dutch word."""
    from dpia import model
    from dpia.i18n import forms, keys

    reg = load(EXAMPLE).register
    ids = set(reg.index()) | {f.id for f in reg.flows}
    enums = {v.value for e in vars(model).values() if isinstance(e, type) and issubclass(e, StrEnum)
             and e is not StrEnum for v in e}
    own = " ".join(" ".join(forms(k, "nl")) for k in keys() if k.startswith(("letter_", "trigger_", "duration_")))
    own += " ".join(p.text.nl for p in reg.promises)
    for e in reg.index().values():
        own += " " + str(getattr(e, "name", "") or "") + " " + str(getattr(getattr(e, "label", None), "nl", "") or "")
    ordinary = {w.lower() for w in re.findall(r"[\w'-]+", own)}
    words = set(re.findall(r"[\w'-]+", re.sub(r"\S+@\S+", " ", letter)))  # the FG's address is not an id
    leaked = {w for w in words if (w in ids or w in enums) and w.lower() not in ordinary}
    assert not leaked
    assert not re.search(r"DPIA\d{3}", letter) and "art." not in letter and "`" not in letter


def test_plain_dutch_short_sentences_and_no_long_words_outside_names(letter: str) -> None:
    reg = load(EXAMPLE).register
    names = set()
    for e in list(reg.index().values()):
        for attr in ("name", "label"):
            value = getattr(e, attr, None)
            value = getattr(value, "nl", value)
            names |= set(re.findall(r"\w+", str(value or "")))
    names |= set(re.findall(r"\w+", " ".join(p.text.nl for p in reg.promises)))
    own = re.sub("|".join(re.escape(p.text.nl) for p in reg.promises), " ", letter)
    sentences = [s for s in re.split(r"(?<=[.?!:])\s+", own) if len(s.split()) > 1]
    average = sum(len(s.split()) for s in sentences) / len(sentences)
    assert average <= 15, average
    long_words = {w for w in re.findall(r"[^\W\d_]+", own) if len(w) > 20 and w not in names}
    assert not long_words


def test_a_broken_promise_stops_the_letter_and_a_draft_marks_it(tmp_path: Path, capsys) -> None:
    reg = load(EXAMPLE).register
    with pytest.raises(LetterRefused) as caught:
        letter_body(reg, ON)
    assert {s.promise.id for s in caught.value.broken} == {"pr-agreements", "pr-care-data", "pr-only-relevant", "pr-photos-online"}
    assert main(["letter", str(EXAMPLE), "--on", "2026-11-29", "-o", str(tmp_path / "brief.html")]) == 1
    assert "--draft" in capsys.readouterr().err and not (tmp_path / "brief.html").exists()
    assert main(["letter", str(EXAMPLE), "--on", "2026-11-29", "--draft", "-o", str(tmp_path / "brief.html")]) == 0
    page = (tmp_path / "brief.html").read_text()
    assert page.count("Klopt nu niet:") == 4 and "CONCEPT" in page


def test_the_letter_follows_the_register() -> None:
    reg = _holding(load(EXAMPLE).register)
    before = _text(letter_body(reg, ON))
    assert "CONCEPT" not in before and "Klopt nu niet" not in before
    reg.parties.append(reg.parties[0].model_copy(update={"id": "nieuw", "name": "Leerplatform Nieuw B.V."}))
    reg.flows.append(reg.flows[0].model_copy(update={"id": "f-nieuw", "from_": "omo-helmond", "to": "nieuw"}))
    after = _text(letter_body(reg, ON))
    assert "Leerplatform Nieuw B.V." in after and "Leerplatform Nieuw B.V." not in before
    consent = next(p for p in reg.promises if p.kind is PromiseKind.NO_FLOW_WITHOUT_CONSENT)
    reg.purposes = [p.model_copy(update={"legal_basis": p.legal_basis.PUBLIC_TASK}) if p.id == "p-next-school" else p
                    for p in reg.purposes]
    with pytest.raises(LetterRefused) as caught:
        letter_body(reg, ON)
    assert [s.promise.id for s in caught.value.broken] == [consent.id]


def test_confidential_values_never_reach_the_letter_or_the_statement() -> None:
    reg = load(EXAMPLE).register
    pages = [letter_html(reg, ON, draft=True), statement_html(reg)]
    for value in confidential_values(reg):
        assert all(value not in page for page in pages), value
    assert all("<script" not in page and "src=\"http" not in page for page in pages)


def test_the_statement_says_what_art_13_and_14_require() -> None:
    text = _text(statement_html(load(EXAMPLE).register))
    for expected in ("verwerkingsverantwoordelijke", "Gegevenslevering aan DUO (BRON)", "wettelijke plicht",
                     "Microsoft Corporation", "buiten de EER (US)", "adequaatheidsbesluit", "Pasfoto: Fotostudio Helmond-Peel",
                     "5 jaar na uitschrijving", "Autoriteit Persoonsgegevens", "intrekken", "SnelSMS"):
        assert expected in text, expected


def test_one_school_and_an_unknown_school(tmp_path: Path, capsys) -> None:
    assert main(["letter", str(EXAMPLE), "--school", "carolus", "--draft", "--on", "2026-11-29", "-o", str(tmp_path / "b.html")]) == 0
    assert "Privacy bij Carolus Borromeus College" in (tmp_path / "b.html").read_text()
    assert main(["letter", str(EXAMPLE), "--school", "karolus", "-o", str(tmp_path / "c.html")]) == 2
    assert "geen school" in capsys.readouterr().err


def test_a_register_without_a_dpo_address_is_a_gap_and_the_letter_says_to_contact_the_school() -> None:
    from dpia.check import check

    reg = load(EXAMPLE).register
    assert "DPIA991/omo-helmond" not in {f.id for f in check(reg, ON).findings}
    reg.controller.dpo = None
    assert "DPIA991/omo-helmond" in {f.id for f in check(reg, ON).findings}
    assert "Neem dan contact op met de school" in _text(letter_body(reg, ON, draft=True))
