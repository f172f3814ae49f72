"""The MR report as a parent on the council reads it: what the school does about each finding, proper
Dutch (plural forms, dates written out), page 1 with the date, the contact and what the MR is asked,
contents and page numbers, short sentences, codes and ids only in the appendix for the privacy
officer, and a quiet command. These tests read the HTML; the PDF tests are in test_report.py.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from dpia.documents import confidential, report
from dpia.check import check, Finding
from dpia.i18n import format_date, forms, keys, LANGS, t
from dpia.model import MeasureStatus, MrRight, Register
from dpia.io.store import load

from .conftest import EXAMPLE

ON = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def example() -> Register:
    return load(EXAMPLE).register


@pytest.fixture(scope="module")
def result(example):
    return check(example, ON)


def _finding(result, finding_id: str) -> Finding:
    return next(f for f in result.findings if f.id == finding_id)


def _with_measure(register: Register, measure_id: str, **changes) -> Register:
    measures = [m.model_copy(update=changes) if m.id == measure_id else m for m in register.measures]
    return register.model_copy(update={"measures": measures})


# ---- the catalogue: plural forms, dates, lists


def test_plural_forms_follow_the_count() -> None:
    assert t("report_n_findings", "nl", count=1) == "1 bevinding"
    assert t("report_n_findings", "nl", count=2) == "2 bevindingen"
    assert t("report_n_findings", "nl", count=0) == "0 bevindingen"
    assert t("report_n_schools", "nl", count=1) == "1 school"
    assert t("report_n_schools", "nl", count=3) == "3 scholen"
    assert t("report_n_warning", "en", count=1) == "1 warning"
    assert t("report_n_warning", "en", count=5) == "5 warnings"
    assert t("screen_ground_wp248", "nl", count=1, criteria="x") == "1 criterium van de EDPB (WP248): x."
    assert t("screen_ground_wp248", "nl", count=2, criteria="x") == "2 criteria van de EDPB (WP248): x."
    with pytest.raises(TypeError, match="count"):
        t("report_n_findings", "nl")


def test_report_texts_have_no_slash_or_bracket_plurals() -> None:
    """No "bevinding(en)", "school/scholen" or "finding(s)" in any text the report uses."""
    bad = re.compile(r"\w\((en|s|n)\)|\bschool/scholen\b|/-?stromen|\(s\)")
    for key in keys():
        if not key.startswith(("report_", "glossary_", "measurestatus_", "dpiastatus_", "decision_")):
            continue
        for lang in ("nl", "en"):
            for text in forms(key, lang):
                assert not bad.search(text), (key, lang, text)


def test_the_reports_own_sentences_are_short() -> None:
    """Every sentence the report itself writes (the report_* texts) has at most 22 words."""
    for key in keys():
        if key.startswith("report_"):
            for lang in ("nl", "en"):
                for text in forms(key, lang):
                    for sentence in _sentences(text):
                        assert len(sentence.split()) <= 22, (key, lang, sentence)


def test_dates_are_written_out() -> None:
    assert format_date(dt.date(2026, 7, 31), "nl") == "31 juli 2026"
    assert format_date("2026-07-31", "en") == "31 July 2026"
    assert format_date(dt.date(2027, 3, 1), "nl") == "1 maart 2027"


def test_babel_is_declared_where_the_environment_is() -> None:
    from .conftest import ROOT

    assert '"babel>=' in (ROOT / "pyproject.toml").read_text()
    assert "- babel>=" in (ROOT / "environment.yml").read_text()


# ---- what the school does about a finding


def test_a_measure_that_addresses_a_finding_is_its_action_line(example, result) -> None:
    f = _finding(result, "DPIA303/vakdocent")
    [line] = report.action_lines(example, f, ON, "nl")
    assert line == ("Zorgtabblad alleen voor het zorgteam. Gepland: Applicatiebeheer Magister zorgt ervoor, "
                    "uiterlijk 15 januari 2027.")
    [line_en] = report.action_lines(example, f, ON, "en")
    assert line_en == "Care tab for the care team only. Planned: Applicatiebeheer Magister sees to it, by 15 January 2027."


def test_changing_a_measures_status_changes_the_line(example, result) -> None:
    f = _finding(result, "DPIA303/vakdocent")
    planned = report.action_lines(example, f, ON, "nl")
    started = report.action_lines(_with_measure(example, "m-care-tab-restriction", status=MeasureStatus.IN_PROGRESS), f, ON, "nl")
    done = report.action_lines(_with_measure(example, "m-care-tab-restriction", status=MeasureStatus.IMPLEMENTED), f, ON, "nl")
    late = report.action_lines(_with_measure(example, "m-care-tab-restriction", due=dt.date(2026, 9, 1)), f, ON, "nl")
    assert len({planned[0], started[0], done[0], late[0]}) == 4
    assert "Hieraan wordt gewerkt" in started[0]
    assert "al ingevoerd" in done[0] and "Applicatiebeheer Magister" in done[0]
    assert "1 september 2026" in late[0] and "Die datum is voorbij" in late[0]


def test_a_finding_without_a_measure_says_so_plainly(example, result) -> None:
    f = _finding(result, "DPIA301/f-carolus-touringcar")
    assert report.action_lines(example, f, ON, "nl") == ["Hiervoor is nog geen maatregel gepland."]
    assert report.action_lines(example, f, ON, "en") == ["No measure is planned for this yet."]
    # and it is no longer unplanned once a measure addresses it (a rule code addresses all its findings)
    planned = _with_measure(example, "m-agreement-review", addresses=["DPIA301"])
    assert report.action_lines(planned, f, ON, "nl")[0].startswith("Jaarlijkse controle van verwerkersovereenkomsten.")


def test_an_accepted_finding_shows_the_boards_reason_and_end_date(example) -> None:
    from dpia.model import Acceptance

    acc = Acceptance(id="acc-bus", finding="DPIA301/f-carolus-touringcar", reason="De export wordt aangepast.",
                     accepted_by="J. Verhagen", until=dt.date(2027, 2, 1))
    accepted = example.model_copy(update={"acceptances": [acc]})
    f = _finding(check(accepted, ON), "DPIA301/f-carolus-touringcar")
    [line] = report.action_lines(accepted, f, ON, "nl")
    assert line == "Het bestuur accepteert dit voorlopig, tot 1 februari 2027. De reden: De export wordt aangepast."
    assert "Verhagen" not in line  # who accepted it is a person's name: not for the MR


def test_finding_cards_never_show_the_rules_fix_text(example, result) -> None:
    cards = report.findings_html(example, result, "nl")
    assert cards.count('class="finding ') == len(result.findings)
    for f in result.findings:
        assert html.escape(f.rule.text("fix", "nl"), quote=True) not in cards
    assert cards.count("Wat doet de school eraan?") == len(result.findings)


def test_measures_address_findings_by_id_or_its_beginning() -> None:
    from dpia.model import Measure

    m = Measure(id="m", label={"nl": "M", "en": "M"}, kind="technical", addresses=["DPIA202/f-photo", "DPIA301"])
    assert m.addresses_finding("DPIA202/f-photo/va-photo") and m.addresses_finding("DPIA301/f-bus")
    assert not m.addresses_finding("DPIA202/f-photo-2/va-photo") and not m.addresses_finding("DPIA3011/x")


def test_a_bad_addresses_entry_is_located_and_explained(tmp_path) -> None:
    from dpia.io.problems import RegisterInvalid

    from .conftest import MINI, write_register

    files = dict(MINI)
    files["extra.yaml"] = "measures:\n  - id: m-x\n    label: {nl: X, en: X}\n    kind: technical\n    addresses: [p-quality]\n"
    with pytest.raises(RegisterInvalid) as exc:
        load(write_register(tmp_path / "reg", files))
    text = "\n".join(p.render("nl") for p in exc.value.problems)
    assert "extra.yaml:5" in text and "'p-quality'" in text and "bevinding-id" in text


# ---- page 1


def test_page_one_has_the_date_the_role_address_and_the_question_to_the_mr(example, result) -> None:
    cover = report.cover_html(example, result, "nl")
    assert "29 november 2026" in cover
    assert "fg@omo-helmond.example" in cover  # the FG's role address ...
    assert "Verhagen" not in cover and "j.verhagen@" not in cover  # ... not the person
    # the schoolfoto DPIA is a draft without the MR's views: its advice is asked; Magister is decided
    assert "Uw advies over de DPIA schoolfoto&#x27;s, schoolpas en beeldmateriaal" in cover
    assert "DPIA Magister" not in cover
    assert report.TOC_SLOT in cover


def test_the_question_follows_the_dpias_status_and_the_mrs_right(example, result) -> None:
    dpias = [d.model_copy(update={"mr_right": MrRight.CONSENT}) if d.id == "dpia-schoolfoto" else d for d in example.dpias]
    consent = example.model_copy(update={"dpias": dpias})
    assert "Uw instemming met de DPIA schoolfoto" in html.unescape(report.cover_html(consent, result, "nl"))
    from dpia.model import MrViews

    done = [d.model_copy(update={"signoff": d.signoff.model_copy(update={"mr": MrViews(sought=True, date=ON)})})
            for d in example.dpias]
    none_asked = report.cover_html(example.model_copy(update={"dpias": done}), result, "nl")
    assert "Er ligt nu geen DPIA bij de MR voor advies of instemming" in none_asked


def test_a_person_is_named_only_when_the_register_marks_it_public(example, result) -> None:
    dpo = example.controller.dpo.model_copy(update={"public": True})
    public = example.model_copy(update={"controller": example.controller.model_copy(update={"dpo": dpo})})
    assert "J. (Jolien) Verhagen" in report.cover_html(public, result, "nl")
    assert "J. (Jolien) Verhagen" not in confidential.confidential_values(public)
    assert "fg@omo-helmond.example" not in confidential.confidential_values(example)
    assert "j.verhagen@omo-helmond.example" in confidential.confidential_values(example)


# ---- one DPIA


def test_the_report_for_one_dpia_keeps_to_its_findings_and_risks(example, result) -> None:
    ids = {f.id for f in report.report_findings(example, result, "dpia-schoolfoto")}
    assert {"DPIA958/dpia-schoolfoto", "DPIA402/f-website-internet", "DPIA105/f-magister-fotograaf"} <= ids
    assert "DPIA303/vakdocent" not in ids and "DPIA964/dpia-magister" not in ids
    dpias = report.dpias_html(example, result, "nl", "dpia-schoolfoto")
    assert "DPIA schoolfoto" in html.unescape(dpias) and "Magister (leerlingadministratie)" not in dpias
    with pytest.raises(KeyError):
        report.report_dpias(example, "dpia-nope")


def test_an_unknown_dpia_is_a_usage_error_that_names_the_allowed_ids(tmp_path, capsys) -> None:
    from dpia.cli import main

    out = tmp_path / "r.html"
    assert main(["report", str(EXAMPLE), "--dpia", "dpia-nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dpia-nope" in err and "dpia-magister, dpia-schoolfoto" in err
    assert not out.exists()


# ---- the whole report, built as `dpia report` builds it


class _Text(HTMLParser):
    """The report's text in blocks (paragraphs, list items, headings), with where each block is:
    inside a table, the contents, the appendix for the privacy officer."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th"}

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, frozenset[str], str]] = []
        self._stack: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "title", "script"):
            self._skip += 1
        where = {"table"} if tag == "table" else set()
        if tag == "nav":
            where.add("toc")
        if a.get("id") == "s-officer":
            where.add("officer")
        if tag in self.BLOCKS:
            self._flush()
        self._stack.append((tag, ",".join(sorted(where))))

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script"):
            self._skip -= 1
        if tag in self.BLOCKS:
            self._flush(tag)
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)

    def _where(self) -> frozenset[str]:
        out: set[str] = set()
        for _, w in self._stack:
            out |= set(filter(None, w.split(",")))
        return frozenset(out)

    def _flush(self, tag: str = "") -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.blocks.append((tag, self._where(), text))

    def handle_startendtag(self, tag, attrs):
        pass


def _blocks(page: str) -> list[tuple[str, frozenset[str], str]]:
    # everything after the appendix heading belongs to the appendix
    parser = _Text()
    head, sep, appendix = page.partition('<h2 id="s-officer"')
    parser.feed(head)
    parser._flush()
    body = parser.blocks
    parser = _Text()
    parser.feed(sep + appendix)
    parser._flush()
    return body + [(tag, where | {"officer"}, text) for tag, where, text in parser.blocks]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`dpia report` on the example, as a user runs it: its stdout and stderr, and the page."""
    out = tmp_path_factory.mktemp("report") / "rapport.html"
    run = subprocess.run([sys.executable, "-m", "dpia.cli", "report", str(EXAMPLE), "--on", ON.isoformat(), "-o", str(out)],
                         capture_output=True, text=True, timeout=600)
    return run, out, (out.read_text() if out.exists() else "")


def test_dpia_report_prints_only_the_written_path(built) -> None:
    run, out, _ = built
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"{out}\n"
    assert run.stderr == ""


def test_the_report_has_contents_and_page_numbers(built) -> None:
    _, _, page = built
    sections = re.findall(r'<h2 id="(s-[a-z]+)"', page)
    assert sections == ["s-summary", "s-datamap", "s-findings", "s-promises", "s-breaches", "s-dpias", "s-glossary", "s-officer"]
    toc = re.search(r'<nav class="toc">(.*?)</nav>', page, re.S).group(1)
    assert re.findall(r'href="#(s-[a-z]+)"', toc) == sections
    assert "Voor de privacyfunctionaris" in toc
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "size: A4" in css and "@bottom-right" in css and "counter(page)" in css
    assert re.search(r"\.finding \{ break-inside: auto; \}", css)  # cards may break: no half-empty pages
    assert "page-break-inside: avoid; }" not in css.split(".finding")[-1][:40]


def _forbidden(register: Register, result) -> tuple[set[str], re.Pattern]:
    """Tokens a parent cannot read, from the register itself: every id (entities, risks, findings)
    that is not also an ordinary word (of the register's own names and labels, or a plain word of the
    catalogue), and every enum key with an underscore."""
    from enum import StrEnum

    from dpia import model

    words: set[str] = set()
    for e in register.index().values():
        for attr in ("name", "label", "title"):
            v = getattr(e, attr, None)
            for text in ((v.nl, v.en) if hasattr(v, "nl") else (v,)):
                if isinstance(text, str):
                    words |= set(re.findall(r"[\w-]+", text.lower()))
    for key in keys():  # plain words the report's own language uses ("bestuur", "school")
        for lang in LANGS:
            for form in forms(key, lang):
                words |= {w for w in re.findall(r"\w+", form.lower()) if w.isalpha()}
    ids = set(register.index()) | {r.id for d in register.dpias for r in d.risks} | {f.id for f in result.findings}
    ids |= {str(m.value) for cls in vars(model).values()
            if isinstance(cls, type) and issubclass(cls, StrEnum) and cls is not StrEnum for m in cls if "_" in str(m.value)}
    tokens = {i for i in ids if i.lower() not in words}
    return tokens, re.compile(r"DPIA\d{3}|`")


def test_the_parts_of_the_body_this_report_owns_show_no_ids_codes_or_keys(built, example, result) -> None:
    """The whole body (titles, headings, counts, the findings in their reader form, action lines,
    screening, risks, action plan, sign-off, promises, breaches): no register id, enum key, rule code
    or backtick outside the appendix."""
    _, _, page = built
    tokens, pattern = _forbidden(example, result)
    body = [(where, text) for _, where, text in _blocks(page) if "officer" not in where]
    checked = 0
    for where, text in body:
        text = re.sub(r"\S+@\S+", "", text)  # the role address may contain the board's id
        assert not pattern.search(text), text
        found = [tok for tok in tokens if re.search(rf"(?<![\w-]){re.escape(tok)}(?![\w-])", text)]
        assert not found, (found, text)
        checked += 1
    assert checked > 100
    # the appendix does carry the codes and ids, for the officer
    appendix = " ".join(text for _, where, text in _blocks(page) if "officer" in where)
    for f in result.findings:
        assert f.id in appendix and f.rule.article in appendix


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if re.search(r"\w", s)]


def test_the_body_reads_in_short_sentences(built) -> None:
    """Average sentence length of the body's Dutch text (paragraphs and list items, not tables, the
    contents or the appendix): at most 18 words."""
    _, _, page = built
    prose = [text for tag, where, text in _blocks(page)
             if tag in ("p", "li") and not where & {"table", "toc", "officer"}]
    sentences = [s for text in prose for s in _sentences(text)]
    words = [len(s.split()) for s in sentences]
    assert len(sentences) > 100
    average = sum(words) / len(words)
    assert average <= 18, f"{average:.1f} words per sentence"


def test_no_fix_text_and_no_person_in_the_built_report(built, example, result) -> None:
    _, _, page = built
    for f in result.findings:
        assert html.escape(f.rule.text("fix", "nl"), quote=True) not in page
    for value in confidential.confidential_values(example):
        assert value not in page
    assert "fg@omo-helmond.example" in page


def test_the_owned_parts_show_no_ids_on_a_synthetic_board_either(tmp_path) -> None:
    """The same check on a synthetic board register (other ids, other names, a DPIA per product),
    over the sections as the report notebook shows them, the findings' reader form included."""
    from dpia.io.store import load as load_register
    from dpia.io.synth import generate

    generate(6, 8, 3, tmp_path / "synth", on=ON)
    loaded = load_register(tmp_path / "synth")
    res = check(loaded.register, ON, loaded.where)
    page = "\n".join(report.section(name, loaded, res, "nl").data for name in report.SECTION_NAMES if name != "datamap")
    page = report.fill_toc(page)
    tokens, pattern = _forbidden(loaded.register, res)
    assert res.findings and loaded.register.dpias
    checked = 0
    for _, where, text in _blocks(page):
        if "officer" in where:
            continue
        text = re.sub(r"\S+@\S+", "", text)
        assert not pattern.search(text), text
        assert not [tok for tok in tokens if re.search(rf"(?<![\w-]){re.escape(tok)}(?![\w-])", text)], text
        checked += 1
    assert checked > 50


def test_dpia_report_for_one_dpia_writes_only_that_dpia(tmp_path) -> None:
    from dpia.cli import main

    out = tmp_path / "foto.html"
    assert main(["report", str(EXAMPLE), "--on", ON.isoformat(), "--dpia", "dpia-schoolfoto", "-o", str(out)]) == 0
    page = html.unescape(out.read_text())
    assert "<h3>DPIA schoolfoto's, schoolpas en beeldmateriaal</h3>" in page
    assert "<h3>DPIA Magister (leerlingadministratie)</h3>" not in page  # (the sector DPIA it builds on is named on page 1)
    assert "DPIA958/dpia-schoolfoto" in page and "DPIA303/vakdocent" not in page  # (in the appendix)


def test_a_finding_about_an_entry_of_the_sector_dpia_names_it_plainly(tmp_path) -> None:
    """A copy of the example in which the school no longer overrides the module's sub-processor
    Datacenter Zuid (and its agreement with Iddink no longer permits it): the blocking finding about
    it says, in the summary and on its card, that it comes from the sector DPIA, by name and version,
    with no id of the module or of anything else."""
    import shutil

    from dpia.io.store import load as load_register

    reg = tmp_path / "omo-helmond"
    shutil.copytree(EXAMPLE, reg)
    loaded = load_register(reg)
    loaded.remove("datacenter-zuid")  # the school's override: the module's entry counts again
    loaded.update("va-magister", permitted_subprocessors=[])
    loaded.save()
    loaded = load_register(reg)
    assert loaded.module_of("datacenter-zuid") is not None and loaded.module_of("iddink") is None
    res = check(loaded.register, ON, loaded.where, loaded.module_of)
    (f,) = [f for f in res.findings if f.module]
    phrase = "Dit komt uit de sector-DPIA Magister (leerlingadministratie) (versie 2026.1)."
    assert report.from_module_text(f, "nl") == phrase
    assert report.from_module_text(f, "en") == "This comes from the sector DPIA Magister (leerlingadministratie) (version 2026.1)."
    page = report.fill_toc("\n".join(report.section(name, loaded, res, "nl").data
                                     for name in report.SECTION_NAMES if name != "datamap"))
    body = [(tag, where, text) for tag, where, text in _blocks(page) if "officer" not in where]
    card = [text for tag, where, text in body if phrase in text and tag == "p"]
    summary = [text for tag, where, text in body if phrase in text and tag == "li"]
    assert card and summary and "Datacenter Zuid" in summary[0], (card, summary)
    tokens, pattern = _forbidden(loaded.register, res)
    tokens |= {"sector-magister", "DPIA207"}
    for _, _, text in body:
        text = re.sub(r"\S+@\S+", "", text)
        assert not pattern.search(text), text
        assert not [tok for tok in tokens if re.search(rf"(?<![\w-]){re.escape(tok)}(?![\w-])", text)], text
    # the example itself overrides every entry of the module: no finding says it comes from there
    example_loaded = load_register(EXAMPLE)
    own = check(example_loaded.register, ON, example_loaded.where, example_loaded.module_of)
    assert not [x for x in own.findings if x.module]
    assert "sector-DPIA Magister (leerlingadministratie) (versie" not in report.findings_html(example_loaded.register, own, "nl")
