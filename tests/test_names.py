"""Names for people (``dpia.model.names``) and the reader form of findings.

The reader form is what the MR and parents read: the quality bars of issue 13 are tested here on the
example register and on a synthetic one, with the forbidden tokens taken from the register itself
(every id, every enumeration value), so a new id or a new enum value cannot slip through unnoticed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from enum import StrEnum

import pytest

from dpia import model as m
from dpia.model.flowtable import bulk_flows
from dpia.check import as_json, as_text, check
from dpia.i18n import forms, has, template, t
from dpia.model.names import (country_name, date_text, entity_of, enum_prefixes, join_names, join_words, label_of, name_of, PARAM_KINDS)
from dpia.rules import rules
from dpia.io.store import load
from dpia.io.synth import generate

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)
LANGS = ("nl", "en")


@pytest.fixture(scope="module")
def example():
    return load(EXAMPLE).register


@pytest.fixture(scope="module")
def example_findings(example):
    return check(example, ON).findings


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth-names") / "reg"
    generate(20, 10, 7, out)
    on = dt.date.fromisoformat(json.loads((out / "manifest.json").read_text())["on"])
    register = load(out).register
    return register, check(register, on).findings


# ---- names of entities


def test_the_example_names_its_party_category_purpose_and_role(example) -> None:
    assert name_of(example, "fotograaf", "nl").startswith("Fotostudio Helmond-Peel")
    assert name_of(example, "class_group", "nl") == "Klas en leerjaar"
    assert name_of(example, "class_group", "en") == "Class and year"
    assert name_of(example, "p-school-pass", "nl") == "Schoolpas maken"
    assert name_of(example, "p-school-pass", "en") == "Making the school pass"
    assert name_of(example, "vakdocent", "nl") == "Vakdocent"
    assert name_of(example, "vakdocent", "en") == "Subject teacher"


def test_every_kind_of_entity_has_a_readable_name(example) -> None:
    assert name_of(example, "omo-helmond", "nl") == "OMO Scholengroep Helmond"
    assert name_of(example, "carolus", "nl") == "Carolus Borromeus College"
    assert name_of(example, "magister", "nl") == "Magister"
    assert name_of(example, "f-magister-fotograaf", "nl") == "van Magister naar Fotostudio Helmond-Peel (fictief)"
    assert name_of(example, "f-magister-fotograaf", "en") == "from Magister to Fotostudio Helmond-Peel (fictief)"
    assert name_of(example, "va-fotograaf", "nl") == "verwerkersovereenkomst met Fotostudio Helmond-Peel (fictief)"
    assert name_of(example, "va-malmberg", "en") == "processing agreement (model 4.0) with Malmberg B.V."
    assert name_of(example, "dpia-magister", "nl") == "DPIA Magister (leerlingadministratie)"
    assert name_of(example, "m-mfa", "en") == "Two-factor authentication for staff"
    assert name_of(example, "staff", "nl") == "Medewerkers"
    assert name_of(example, "c-next-school", "nl") == "toestemmingsregeling voor ‘Overdracht aan de vervolgschool’"
    assert name_of(example, "r-mag-breach", "nl") == "Inbraak in Magister of accounts van medewerkers"


def test_the_officer_form_adds_the_id(example) -> None:
    assert name_of(example, "fotograaf", "nl", officer=True) == "Fotostudio Helmond-Peel (fictief) (fotograaf)"
    assert name_of(example, "class_group", "en", officer=True) == "Class and year (class_group)"
    assert name_of(example, "not-an-id", "nl", officer=True) == "not-an-id"


def test_a_confidential_category_is_named_only_for_the_officer(example) -> None:
    reg = example.model_copy(deep=True)
    care = next(c for c in reg.data_categories if c.id == "care_data")
    care.confidential = True
    assert name_of(reg, "care_data", "nl") == t("names_confidential_category", "nl")
    assert care.label.nl not in name_of(reg, "care_data", "nl")
    assert name_of(reg, "care_data", "nl", officer=True) == f"{care.label.nl} (care_data)"


def test_an_edit_in_the_register_is_seen_at_the_next_call(example) -> None:
    reg = example.model_copy(deep=True)
    assert name_of(reg, "fotograaf", "nl").startswith("Fotostudio")
    next(p for p in reg.parties if p.id == "fotograaf").name = "Foto Jansen"
    assert name_of(reg, "fotograaf", "nl") == "Foto Jansen"
    reg.parties.append(m.Party(id="nieuw", name="Nieuwe Partij", role="recipient"))
    assert name_of(reg, "nieuw", "nl") == "Nieuwe Partij"
    party = next(p for p in reg.parties if p.id == "nieuw")
    party.id = "hernoemd"
    assert name_of(reg, "hernoemd", "nl") == "Nieuwe Partij"
    assert entity_of(reg, "nieuw") is None


def test_a_bulk_flow_is_named_by_its_ends(synthetic) -> None:
    register, _ = synthetic
    table = bulk_flows(register)
    assert table is not None and len(table)
    row = table.flows.iloc[0]
    name = name_of(register, row["flow"], "nl")
    assert name == f"van {name_of(register, row['src'], 'nl')} naar {name_of(register, row['dst'], 'nl')}"
    assert row["flow"] not in name


# ---- enumeration values, lists, dates


def test_every_enum_value_that_reaches_people_has_a_label_in_both_languages() -> None:
    missing = [
        f"{prefix}{value.value}"
        for enum, prefix in enum_prefixes().items()
        for value in enum
        if not has(f"{prefix}{value.value}") or any(not template(f"{prefix}{value.value}", lang) for lang in LANGS)
    ]
    assert missing == []


def test_every_enum_of_the_model_is_covered() -> None:
    enums = {v for v in vars(m).values() if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum}
    assert enums - set(enum_prefixes()) == set()


def test_enum_labels() -> None:
    assert label_of(m.PartyRole.SUB_PROCESSOR, "nl") == "subverwerker"
    assert label_of("independent_controller", "en", m.PartyRole) == "independent controller"
    assert label_of(m.LegalBasis.LEGAL_OBLIGATION, "nl") == "wettelijke plicht"
    assert label_of(m.LegalBasis.PUBLIC_TASK, "en") == "public task"
    assert label_of(m.SpecialSubtype.HEALTH, "nl") == "gezondheid"
    assert label_of(m.TransferMechanism.SCC, "nl").startswith("standaardcontractbepalingen")
    assert label_of(m.DpiaStatus.TO_BE_APPROVED, "nl") == "ter goedkeuring"
    assert label_of(m.AgeBand.AGE_16_TO_17, "en") == "aged 16 and 17"
    from dpia.model.findings import Severity

    assert label_of(Severity.BLOCKER, "nl") == "BLOKKEREND"


@pytest.mark.parametrize(
    ("items", "nl", "en"),
    [
        ([], "", ""),
        (["A"], "A", "A"),
        (["A", "B"], "A en B", "A and B"),
        (["A", "B", "C"], "A, B en C", "A, B and C"),
    ],
)
def test_lists_are_joined_in_proper_language(items, nl, en) -> None:
    assert join_words(items, "nl") == nl
    assert join_words(items, "en") == en


def test_ids_are_joined_as_names(example) -> None:
    assert join_names(example, ["name", "class_group", "passport_photo"], "nl") == "Naam, Klas en leerjaar en Pasfoto"
    assert join_names(example, ["malmberg", "noordhoff"], "en") == "Malmberg B.V. and Noordhoff Uitgevers B.V."


def test_dates_and_countries_are_written_out() -> None:
    assert date_text("2026-07-31", "nl") == "31 juli 2026"
    assert date_text(dt.date(2026, 3, 1), "en") == "1 March 2026"
    assert date_text("not a date", "nl") == "not a date"
    assert country_name("US", "nl") == "Verenigde Staten"
    assert country_name("US", "en") == "United States"


# ---- the reader form of findings

TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
SLASHED = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
CODE = re.compile(r"DPIA\d{3}")
PLAIN_WORD = re.compile(r"^[a-z]+$")


def _labels(register: m.Register, lang: str) -> str:
    """Every human name and label of the register in ``lang``, as the reader form shows them (the
    label of a category, subject group or access role also with a lower-case first letter, as it
    stands inside a sentence)."""
    texts = []
    for e in list(register.index().values()) + [r for d in register.dpias for r in d.risks]:
        for attr in ("name", "label", "title", "text"):  # a promise says its text to the reader
            v = getattr(e, attr, None)
            if isinstance(v, m.Text):
                v = v.en if lang == "en" else v.nl
                if isinstance(e, (m.DataCategory, m.SubjectCategory, m.AccessRole)):
                    texts.append(v[:1].lower() + v[1:])
            if isinstance(v, str):
                texts.append(v)
    return " ".join(texts)


def forbidden_tokens(register: m.Register, lang: str) -> tuple[set[str], set[str]]:
    """(tokens forbidden in any case, tokens forbidden in lower case) for reader texts in ``lang``.

    Every id of the register (entities, risks, bulk flows) and every enumeration value is forbidden,
    as a whole token. Two exclusions, each for a reason:

    - an id or enum value that is one plain lower-case word (``fotograaf``, ``mentor``, ``magister``,
      ``bsn``) is matched only in lower case (a name that starts with a capital, "Magister", is the
      name), and not at all when the register's own names or labels in that language use that very
      word in lower case ("Zorgcoördinator en zorgteam", "Export voor de fotograaf", the role
      "vakdocent" inside a sentence): the reader then reads the name, and the two cannot be told
      apart;
    - in English, one-word enum values are ordinary English words (``processor``, ``consent``,
      ``public``) that a plain sentence must be free to use; their snake_case siblings
      (``legal_obligation``, ``sub_processor``) are still forbidden.
    """
    ids = set(register.index())
    ids |= {r.id for d in register.dpias for r in d.risks}
    table = bulk_flows(register)
    if table is not None:
        ids |= set(table.flows["flow"].astype(str))
    values = {v.value for enum in enum_prefixes() for v in enum}
    words = {w.rstrip(".-") for w in TOKEN.findall(_labels(register, lang))}
    any_case, lower_case = set(), set()
    for token in ids | values:
        if not PLAIN_WORD.match(token):
            any_case.add(token.lower())
        elif token in values and token not in ids and lang == "en":
            continue
        elif token not in words:
            lower_case.add(token)
    return any_case, lower_case


_FORBIDDEN: dict[tuple[int, str], tuple[m.Register, tuple[set[str], set[str]]]] = {}


def _forbidden(register: m.Register, lang: str) -> tuple[set[str], set[str]]:
    key = (id(register), lang)
    if key not in _FORBIDDEN or _FORBIDDEN[key][0] is not register:
        _FORBIDDEN[key] = (register, forbidden_tokens(register, lang))
    return _FORBIDDEN[key][1]


def problems_in(text: str, register: m.Register, lang: str) -> list[str]:
    any_case, lower_case = _forbidden(register, lang)
    out = []
    if "`" in text:
        out.append("backtick")
    out += [f"rule code {c}" for c in CODE.findall(text)]
    ids = set(register.index()) | any_case | lower_case
    for joined in SLASHED.findall(text):
        if any(part in ids or CODE.fullmatch(part) for part in joined.split("/")):
            out.append(f"'/'-joined id {joined}")
    for token in TOKEN.findall(text):
        token = token.rstrip(".-")
        if token.lower() in any_case:
            out.append(f"id or enum key {token}")
        elif token in lower_case:
            out.append(f"id or enum key {token}")
    return out


def test_the_forbidden_tokens_catch_what_the_officer_form_shows(example, example_findings) -> None:
    """The check itself can fail: the officer's message (with ids) is caught by it."""
    caught = [f.id for f in example_findings if problems_in(f.message("nl"), example, "nl")]
    assert len(caught) == len(example_findings)
    assert problems_in("Fotostudio krijgt class_group", example, "nl") == ["id or enum key class_group"]
    assert problems_in("zie `needs`", example, "nl") == ["backtick"]
    assert problems_in("zie DPIA102/p-quality", example, "nl")[:2] == ["rule code DPIA102", "'/'-joined id DPIA102/p-quality"]
    assert problems_in("het doel steunt op legal_obligation", example, "en") == ["id or enum key legal_obligation"]
    assert problems_in("gegevens gaan naar magister", example, "nl") == ["id or enum key magister"]
    assert problems_in("gegevens gaan naar Magister", example, "nl") == []  # the system's name
    assert problems_in("de fotograaf krijgt adressen", example, "nl") == []  # a label's word, not the id


@pytest.mark.parametrize("lang", LANGS)
def test_reader_texts_on_the_example_have_no_ids_codes_or_keys(example, example_findings, lang) -> None:
    assert example_findings
    bad = {f.id: problems_in(f.reader(lang, example), example, lang) for f in example_findings}
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_reader_texts_on_a_synthetic_register_have_no_ids_codes_or_keys(synthetic, lang) -> None:
    register, findings = synthetic
    assert findings
    bad = {f.id: problems_in(f.reader(lang, register), register, lang) for f in findings}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_example_reader_texts_name_what_they_are_about(example, example_findings) -> None:
    by_id = {f.id: f for f in example_findings}
    text = by_id["DPIA202/f-magister-fotograaf/va-fotograaf"].reader("nl", example)
    assert "Fotostudio Helmond-Peel" in text and "klas en leerjaar" in text
    assert by_id["DPIA202/f-magister-fotograaf/va-fotograaf"].reader("en", example).count("class and year") == 1
    assert "31 juli 2026" in by_id["DPIA204/va-malmberg"].reader("nl", example)
    assert "‘Kwaliteitszorg en managementinformatie’" in by_id["DPIA102/p-quality"].reader("nl", example)
    assert "wettelijke plicht" in by_id["DPIA103/p-exams"].reader("nl", example)
    assert "vakdocent" in by_id["DPIA303/vakdocent"].reader("nl", example)


def test_a_reader_text_follows_a_renamed_party(example) -> None:
    reg = example.model_copy(deep=True)
    next(p for p in reg.parties if p.id == "fotograaf").name = "Foto Jansen"
    f = next(f for f in check(reg, ON).findings if f.id == "DPIA202/f-magister-fotograaf/va-fotograaf")
    assert "Foto Jansen" in f.reader("nl", reg)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z‘'\"(])", text.strip()) if s]


def _words(sentence: str) -> int:
    return sum(1 for w in sentence.split() if any(ch.isalnum() for ch in w))


def test_sentences_are_split_where_a_sentence_ends() -> None:
    assert _sentences("Malmberg B.V. is verlopen op 31 juli 2026. Toch gaan er gegevens heen.") == [
        "Malmberg B.V. is verlopen op 31 juli 2026.", "Toch gaan er gegevens heen."]
    assert _words("De school — en de MR: samen.") == 6


def test_dutch_reader_texts_average_at_most_18_words_a_sentence(example, example_findings, synthetic) -> None:
    register, findings = synthetic
    texts = [f.reader("nl", example) for f in example_findings] + [f.reader("nl", register) for f in findings]
    sentences = [s for text in texts for s in _sentences(text)]
    average = sum(map(_words, sentences)) / len(sentences)
    assert average <= 18, f"{average:.1f} words a sentence"


def test_every_rule_has_a_plain_reader_template() -> None:
    """Every rule declares a reader text in both languages: no backticks, no rule codes, no quoted ids,
    and only parameters the names layer knows how to name (or plain numbers and versions)."""
    plain = {"count", "version", "other"}
    for r in rules():
        for lang in LANGS:
            reader = " ".join(forms(f"rule.{r.code}.reader", lang))
            message = " ".join(forms(f"rule.{r.code}.message", lang))
            fields = {f for _, f, _, _ in string.Formatter().parse(reader) if f}
            assert "`" not in reader and not CODE.search(reader), (r.code, lang)
            assert "'{" not in reader, (r.code, lang)  # ids were quoted like this in the officer's form
            assert fields <= {f for _, f, _, _ in string.Formatter().parse(message) if f}, (r.code, lang)
            assert fields - plain <= set(PARAM_KINDS), (r.code, lang, fields - plain - set(PARAM_KINDS))
            assert reader != message


def test_the_rule_reference_shows_both_finding_texts() -> None:
    from dpia.documents.rulesdoc import rules_markdown

    doc = rules_markdown("nl")
    assert template("rule.DPIA202.message", "nl") in doc
    assert template("rule.DPIA202.reader", "nl") in doc


# ---- dpia check output


def test_check_text_names_entities_with_their_ids(example) -> None:
    text = as_text(check(example, ON), "nl", example)
    assert "Fotostudio Helmond-Peel (fictief) (fotograaf)" in text
    assert "Klas en leerjaar (class_group)" in text
    assert "DPIA202" in text  # the officer's form keeps its codes


def test_check_json_keeps_its_machine_fields_and_adds_the_reader_form(example) -> None:
    result = check(example, ON)
    plain = json.loads(as_json(result, "nl"))
    named = json.loads(as_json(result, "nl", register=example))
    for a, b in zip(plain["findings"], named["findings"]):
        assert {k: v for k, v in b.items() if k != "reader"} == a
        assert b["reader"] and "reader" not in a
    f202 = next(f for f in named["findings"] if f["id"] == "DPIA202/f-magister-fotograaf/va-fotograaf")
    assert f202["subjects"] == ["f-magister-fotograaf", "va-fotograaf"]
    assert "class_group" in f202["message"] and "class_group" not in f202["reader"]


def test_the_cli_prints_names_and_json_carries_reader(capsys) -> None:
    from dpia.cli import main

    assert main(["check", str(EXAMPLE), "--on", ON.isoformat()]) == 1
    assert "Fotostudio Helmond-Peel (fictief) (fotograaf)" in capsys.readouterr().out
    assert main(["check", str(EXAMPLE), "--on", ON.isoformat(), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert all(f["reader"] for f in doc["findings"])


def test_finding_reader_needs_the_register(example_findings) -> None:
    with pytest.raises(TypeError):
        example_findings[0].reader("nl")


def test_the_index_is_built_once_per_register(example) -> None:
    from dpia.model import names

    name_of(example, "fotograaf", "nl")
    first = names._index(example)
    name_of(example, "class_group", "nl")
    assert names._index(example) is first


# ---- every rule's reader text, rendered

# A value of the example register for each parameter a rule's message can carry.
SAMPLE_PARAMS = {
    "flow": "f-magister-fotograaf", "src": "magister", "dst": "fotograaf", "holder": "microsoft-us",
    "party": "snelsms", "processor": "iddink", "subprocessor": "snelsms", "operator": "iddink",
    "controller": "omo-helmond", "purpose": "p-school-pass", "category": "passport_photo", "system": "magister",
    "agreement": "va-fotograaf", "access_role": "vakdocent", "consent": "c-next-school", "dpia": "dpia-magister",
    "subject": "pupils-16-17", "rule": "r-name", "target": "'images'", "acceptance": "acc-x",
    "flows": "f-magister-fotograaf, f-magister-malmberg", "categories": "address, class_group",
    "purposes": "p-school-pass, p-education", "parties": "malmberg, noordhoff", "subjects": "pupils-16-17",
    "rules": "r-name, r-absence", "path": "iddink → snelsms", "risk": "r-mag-breach",
    "finding": "DPIA202/f-magister-fotograaf/va-fotograaf", "until": "2026-07-31", "since": "2026-08-01",
    "review_by": "2027-01-01", "decided": "2023-01-01", "date": "2026-03-01", "duration": "P2Y",
    "agreement_duration": "P5Y", "legal_duration": "P1Y", "country": "US", "role": "processor",
    "basis": "legal_obligation", "record_type": "pupil_file", "trigger": "deregistration",
    "legal_trigger": "result", "agreement_trigger": "end_of_use", "mechanism": "scc", "likelihood": "high",
    "impact": "medium", "criteria": "wp248_large_scale, ap_health_data", "band": "16-17", "step": "fg_advice",
    "count": 3, "version": "1.1", "other": "1.0", "source": "WVO 2020",
    "findings": "DPIA102/p-quality, DPIA204/va-malmberg",
    # breaches and promises
    "breach": "lek-fotograaf-usb", "title": "USB-stick met pasfoto's kwijt", "discovered": "2026-11-25 10:05",
    "deadline": "2026-11-28 10:05", "notified": "2026-11-28 14:00", "closed": "2026-11-27 12:00", "level": "hoog",
    "severity": 3.5, "party_name": "Fotostudio Helmond-Peel (fictief)", "place": "fotograaf", "which": "ap",
    "promise": "pr-policy-mr", "text": "We geven gegevens alleen met een verwerkersovereenkomst.",
    "text_en": "We only give data under a processing agreement.", "roles": "vakdocent", "why": "no_policy",
    "max": "P2Y", "checked_on": "2025-09-15", "agreements": "va-fotograaf",
    # the screening of every processing and the sector
    "processing": "m365", "criteria": "wp248_sensitive, wp248_vulnerable", "dpias": "dpia-schoolfoto",
    "covered": 1, "verdict": "required", "decision": "sd-excursie-bus", "statute": "WVO 2020",
}


def _sample_missing(code: str) -> str:
    return "likelihood + impact" if code == "DPIA954" else "privacy_annex_version, security_annex"


@pytest.fixture(scope="module")
def every_rule_rendered(example):
    from dpia.check import Finding

    out = []
    for r in rules():
        fields = {f for part in ("message", "reader") for lang in LANGS
                  for _, f, _, _ in string.Formatter().parse(" ".join(forms(f"rule.{r.code}.{part}", lang))) if f}
        params = {k: SAMPLE_PARAMS[k] for k in fields if k in SAMPLE_PARAMS}
        if "missing" in fields:
            params["missing"] = _sample_missing(r.code)
        assert fields <= set(params), (r.code, fields - set(params))
        f = Finding(r.code, ("x",), params)
        out.append((r.code, {lang: f.reader(lang, example) for lang in LANGS}))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_rules_reader_text_renders_without_ids_codes_or_keys(example, every_rule_rendered, lang) -> None:
    assert len(every_rule_rendered) == len(rules())
    bad = {code: problems_in(texts[lang], example, lang) for code, texts in every_rule_rendered}
    assert {k: v for k, v in bad.items() if v} == {}


def test_every_rules_dutch_reader_text_averages_at_most_18_words_a_sentence(every_rule_rendered) -> None:
    sentences = [s for _, texts in every_rule_rendered for s in _sentences(texts["nl"])]
    average = sum(map(_words, sentences)) / len(sentences)
    assert average <= 18, f"{average:.1f} words a sentence"
    assert max(map(_words, sentences)) <= 30
