"""The message catalogue (``dpia/i18n/locale/<lang>/LC_MESSAGES/dpia.po``, compiled to ``dpia.mo``).

What a translator opens is a valid gettext catalogue; what the program reads is compiled from it; every
message is there in every language, with the same placeholders; plurals are real plural entries.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.plurals import get_plural

from dpia.i18n import catalogue, forms, has, keys, LANGS, mo_path, template, t
from dpia.io.catalogue import po_text, read_catalogue, refresh_source_comments

from .conftest import ROOT


@pytest.fixture(scope="module")
def po():
    return {lang: read_catalogue(lang) for lang in LANGS}


def _entries(catalog) -> dict:
    return {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in catalog if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_current(po, lang: str) -> None:
    """The .mo the program reads holds exactly what the .po says (``make catalogue`` compiles it)."""
    with open(mo_path(lang), "rb") as fp:
        compiled = type(catalogue(lang))(fp)
    texts, plurals = {}, {}
    for key, m in _entries(po[lang]).items():
        if m.pluralizable:
            plurals[key] = tuple(m.string)
        else:
            texts[key] = m.string
    assert (compiled.texts, compiled.plurals) == (texts, plurals), "run `make catalogue` and commit the .mo files"
    assert compiled.info()["plural-forms"] == po[lang].plural_forms


def test_each_entry_shows_the_other_languages_text_to_the_translator(po) -> None:
    """``#. en: ...`` in nl.po and ``#. nl: ...`` in en.po, as ``make catalogue`` writes them."""
    import copy
    import io

    from babel.messages.pofile import read_po

    fresh = copy.deepcopy(po)
    refresh_source_comments(fresh)
    for lang in LANGS:
        written = read_po(io.BytesIO(po_text(fresh[lang])), locale=lang)
        stale = [key for key, m in _entries(po[lang]).items() if m.auto_comments != _entries(written)[key].auto_comments]
        assert stale == [], "run `make catalogue` and commit the .po files"
    assert "en: no such file or folder" in _entries(po["nl"])["path_missing"].auto_comments


@pytest.mark.parametrize("lang", LANGS)
def test_a_translator_can_open_the_catalogue_in_a_po_editor(po, lang: str) -> None:
    text = (mo_path(lang).with_suffix(".po")).read_text(encoding="utf-8")
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in text
    assert f'"Language: {lang}\\n"' in text
    nplurals, expr = get_plural(lang)  # the CLDR plural rule of the language, as Babel writes it for gettext
    assert f'"Plural-Forms: nplurals={nplurals}; plural={expr};\\n"' in text
    assert not po[lang].fuzzy and all(not m.fuzzy for m in po[lang] if m.id)
    assert list(po[lang].check()) == []  # Babel's own checks: placeholders, plural forms


def test_every_message_is_there_in_every_language(po) -> None:
    entries = {lang: _entries(po[lang]) for lang in LANGS}
    assert len(entries["nl"]) > 1000
    for lang in LANGS:
        assert set(entries[lang]) == set(entries["nl"]), lang
    for key, m in entries["nl"].items():
        for lang in LANGS:
            other = entries[lang][key]
            assert other.pluralizable == m.pluralizable, (key, lang)
            strings = other.string if other.pluralizable else (other.string,)
            assert all(s.strip() for s in strings), (key, lang)
    assert has("cli_valid") and not has("no_such_key")
    assert keys() == sorted(entries["nl"])


def test_every_rule_has_its_six_texts_in_every_language() -> None:
    from dpia.rules import rules
    from dpia.rules.base import TEXT_FIELDS

    missing = [f"rule.{r.code}.{part} ({lang})" for r in rules() for part in TEXT_FIELDS for lang in LANGS
               if not has(f"rule.{r.code}.{part}") or not all(x.strip() for x in forms(f"rule.{r.code}.{part}", lang))]
    assert missing == []
    assert len(TEXT_FIELDS) == 6


def test_the_program_reads_the_catalogue_with_the_standard_library_only() -> None:
    """``make`` runs dpia.documents.browser with the system's Python, before Babel is installed."""
    code = ("import sys; from dpia.i18n import t; print(t('cli_valid', 'nl', path='x')); "
            "print(t('report_n_findings', 'en', count=2)); assert 'babel' not in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out == "x: geldig register\n2 findings\n"


def test_an_unknown_key_or_language_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        t("no_such_key", "nl")
    with pytest.raises(KeyError):
        t("cli_valid", "de", path="x")


def plural_hacks(text: str) -> list[str]:
    """Plurals written around a count instead of chosen by it: 'bevinding(en)', 'flow(s)', "risico('s)",
    'stroom/-stromen', 'probleem/problemen', 'klopt of kloppen' (and a verb for a list: 'heeft of hebben')."""
    found = re.findall(r"\w\('?(?:s|es|en|n|e|ten)\)", text) + re.findall(r"\w/-\w+", text)
    found += re.findall(r"\b(?:heeft of hebben|is of zijn|has or have|is or are)\b", text)
    for sep in ("/", " of "):
        found += [f"{a}{sep}{b}" for a, b in re.findall(rf"\b([^\W\d_]{{4,}}){sep}([^\W\d_]{{4,}})\b", text)
                  if a != b and a[:4].lower() == b[:4].lower()]
    return found


def test_plural_hacks_are_found() -> None:
    for hack in ("{count} bevinding(en)", "{count} belofte(n)", "{count} flow(s)", "{count} risico('s)",
                 "{count} gegevensstroom/-stromen", "{count} probleem/problemen", "belofte klopt of kloppen",
                 "{categories} heeft of hebben"):
        assert plural_hacks(hack), hack
    assert plural_hacks("AVG art. 6(1)(e), het doel of de doelen, so/vso, 01AB of 01AB00") == []


def test_no_text_writes_its_plural_around_the_count() -> None:
    """A count chooses its plural form (a plural entry, ngettext); no text says 'bevinding(en)'."""
    bad = {(key, lang): plural_hacks(text) for key in keys() for lang in LANGS for text in forms(key, lang)}
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_a_count_chooses_the_plural_form_and_is_written_for_the_reader(lang: str) -> None:
    one, other = template("cli_invalid", lang)
    assert t("cli_invalid", lang, count=1) == one.format(count=1)
    assert t("cli_invalid", lang, count=0) == other.format(count=0)
    assert t("cli_invalid", lang, count=2500) == other.format(count={"nl": "2.500", "en": "2,500"}[lang])


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", "de map bevat 1.003 registerbestanden; een register mag er hoogstens 1.000 hebben"),
    ("en", "the folder holds 1,003 register files; a register may have at most 1,000"),
])
def test_numbers_in_a_message_are_written_for_the_reader(lang: str, expected: str) -> None:
    assert t("too_many_files", lang, count=1003, limit=1000) == expected


def test_sizes_durations_and_moments_are_written_by_babel() -> None:
    import datetime as dt

    from dpia.i18n import format_datetime, format_duration

    assert t("file_too_large", "nl", size=50 * 2**20 + 1, limit=2**19).startswith("bestand is 50 MB; een registerbestand mag hoogstens 0,5 MB")
    assert t("file_too_large", "en", size=2**19, limit=2**19).startswith("the file is 0.5 MB;")
    assert format_duration([(5, "year"), (6, "month")], "nl") == "5 jaar en 6 maanden"
    assert format_duration([(1, "year"), (2, "week"), (1, "day")], "en") == "1 year, 2 weeks and 1 day"
    assert format_datetime(dt.datetime(2026, 11, 25, 10, 5), "nl") == "25 november 2026 om 10:05"
    assert t("breach_suggestion", "nl", level="hoog", severity=3.25, ap="ja", subjects="nee").endswith(
        "(ernst 3,25); melden bij de AP: ja; betrokkenen informeren: nee")


def test_no_number_is_formatted_by_hand() -> None:
    """Thousands separators, decimal commas and megabytes come from Babel (dpia.i18n), not from code."""
    by_hand = re.compile(r":,\}|:,\.|/ 2\*\*20, [12]\)|\.replace\(\",\", \"\.\"\)\s*$", re.M)
    found = [f"{path.relative_to(ROOT)}: {m.group(0)}" for path in sorted((ROOT / "dpia").rglob("*.py"))
             for m in by_hand.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def placeholders(text: str) -> set[str]:
    """The placeholders of a text with their format: {'path', 'size:size'}."""
    import string

    return {f"{name}:{spec}" if spec else name for _, name, spec, _ in string.Formatter().parse(text) if name}


def test_every_message_has_the_same_placeholders_in_every_language() -> None:
    """A translation that drops a placeholder loses a fact; one that adds a placeholder the code does not
    pass fails when it is shown. The only exception: the YAML reader's problems, whose English text is
    the reader's own (``{raw}``, see dpia.io.store.YAML_PHRASES) and whose Dutch text translates it."""
    differ = {}
    for key in keys():
        found = {lang: set().union(*(placeholders(f) for f in forms(key, lang))) for lang in LANGS}
        if forms(key, "en") == ("{raw}",):
            assert key.startswith("yaml_"), key
            continue
        if len({frozenset(v) for v in found.values()}) > 1:
            differ[key] = found
    assert differ == {}


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    """t("key"), has("key"), Msg("key"), forms("key") and template("key") with a literal key, and the
    fixed beginning of a key built in code (t(f"severity_{...}"), t("role_" + ...)), name messages that
    exist (the problem keys of the readers are checked by tests/test_messages.py)."""
    literal = re.compile(r"""\b(?:t|has|Msg|forms|template)\(\s*["']([a-z][\w.]*)["']\s*[,)]""")
    prefix = re.compile(r"""\bt\(\s*(?:f["']([a-z][\w.]*)\{|["']([a-z][\w.]*)["']\s*\+)""")
    every = keys()
    missing = []
    for path in sorted((ROOT / "dpia").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        missing += [f"{path.name}: {k}" for k in literal.findall(text) if not has(k)]
        missing += [f"{path.name}: {p}…" for p in map("".join, prefix.findall(text)) if not any(k.startswith(p) for k in every)]
    assert missing == []
    assert len(literal.findall((ROOT / "dpia" / "cli.py").read_text(encoding="utf-8"))) > 20


def test_a_finding_speaks_one_language() -> None:
    """A value the rule found is named in the reader's language when the finding is written, not when it
    is found: the breach's level was once 'zeer hoog' in English text ("has a zeer hoog risk")."""
    from dpia.check import check
    from dpia.io.store import load

    reg = load(ROOT / "data" / "omo-helmond").register
    import datetime as dt

    found = {f.code: f for f in check(reg, dt.date(2026, 11, 29)).findings}
    assert "has a very high risk" in found["DPIA973"].message("en")
    assert "een zeer hoog risico (ernst 4,5)" in found["DPIA973"].message("nl")
    promise = next(f for f in found.values() if f.code.startswith("DPIA98") and "text" in f.params)
    assert promise.params["text"].en in promise.message("en") and promise.params["text"].nl in promise.message("nl")


def test_every_field_of_the_model_has_one_label_in_every_language() -> None:
    """One key per field of every section's model, nested models included (field.<section>.<path>),
    which every face uses: the editor's form and the findings that name a missing field."""
    from dpia.model.names import field_key, model_fields

    fields = list(model_fields())
    assert len(fields) > 200 and ("dpias", ("signoff", "decision", "outcome")) in fields
    missing = [field_key(s, p) for s, p in fields for lang in LANGS
               if not has(field_key(s, p)) or not template(field_key(s, p), lang).strip()]
    assert missing == []
    assert not [k for k in keys() if k.startswith(("field_", "names_field_"))], "labels keyed per face are gone"
    assert {field_key(s, p) for s, p in fields} == {k for k in keys() if k.startswith("field.")}


def test_a_register_of_one_school_is_summarised_in_the_singular() -> None:
    from dpia.analysis.summary import summary_lines
    from dpia.model import Register

    reg = Register.model_validate({"controller": {"id": "b", "name": "B", "sector": "po", "schools": [{"id": "s", "name": "S"}]}})
    assert summary_lines(reg, "nl")[1].startswith("1 school, 0 partijen, 0 systemen")
    assert summary_lines(reg, "en")[1].startswith("1 school, 0 parties, 0 systems")


def test_a_count_nobody_knows_takes_the_form_for_many() -> None:
    assert t("breach_crit_volume_not", "nl", count="?", limit=1000) == "Het gaat om ongeveer ? personen (minder dan 1.000)."
    assert t("cli_invalid", "en", count=2.0) == "2 problems found; the register is invalid"
