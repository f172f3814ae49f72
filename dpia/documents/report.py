"""The report for the participation council (MR): one readable, self-contained document without code.

``build_report`` executes the report notebook on a register with papermill, exports it with nbconvert
(code and tagged cells removed, widget state stripped), wraps it in an offline HTML page (images
inline, no scripts, no external URLs) and, on request, prints it to PDF with headless Chromium.

The section functions below produce the report's static HTML. They use only what an MR may read:
named contact persons (unless marked public), measure details and anything marked confidential never
appear, and a last scrub of the whole document replaces any confidential value that slipped through.

The body speaks the reader's language: page 1 gives the date of the assessment, the FG's role address
and what the MR is asked (advice or consent, per DPIA); each finding says what the school does about
it, from the register's measures that ``address`` it (what, who by role, by when, status) or plainly
that nothing is planned yet; dates are written out and counts take their plural forms. Rule codes,
ids and the findings' articles are in the appendix "Voor de privacyfunctionaris" only.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from dpia.documents.browser import PdfNotPrinted, print_pdf
from dpia.check import CheckResult, Finding
from dpia.i18n import format_date, format_list, t
from dpia.model import Dpia, DpiaStatus, Measure, MeasureStatus, MrRight, Register
from dpia.model.findings import Severity
from dpia.documents.confidential import scrub
from dpia.analysis.actionplan import action_plan
from dpia.analysis.breach import DUTCH_TIME
from dpia.analysis.processing import screening_decisions_html
from dpia.analysis.promises import promise_status
from dpia.analysis.risk import assess, level_label
from dpia.analysis.scope import dpia_scope, get_dpia
from dpia.analysis.screening import CRITERION_INFO, Reason, screen
from dpia.diff import as_html, diff_versions
from dpia.documents.datamap import datamap_figures, PNG_DPI
from dpia.documents.figures import risk_map
from dpia.io.export import safe_filename
from dpia.io.files import check_output, write_output
from dpia.io.git import absolute_spec, resolve
from dpia.io.store import load, module_lines
from dpia.model.flowtable import flow_count, flow_targets
from dpia.model.names import name_of
from dpia.settings import assessment_date

REPORT_NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "05_rapport.ipynb"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)




# ---- names and texts for the reader (the lead points these at dpia.model.names and Finding.reader)


def _name(register: Register, entity: Any, lang: str | None = None) -> str:
    """The name of an entity (or of the entity with this id) in the reader's language, through the one
    naming layer (``dpia.model.names``)."""
    return name_of(register, entity if isinstance(entity, str) else entity.id, lang)


def _finding_text(f: Finding, register: Register, lang: str | None = None) -> str:
    """What a finding is about, for the reader: the rule's reader form, with names instead of ids."""
    return f.reader(lang, register)


def _reason_text(reason: Any, register: Register, lang: str | None = None) -> str:
    """A screening reason (``dpia.analysis.screening.Reason``) with the register ids in its parameters
    replaced by the entities' names: 'care_data, care_reports' reads 'Zorggegevens en Onderzoeksverslagen'."""
    index = register.index()
    params: dict[str, Any] = {}
    for k, v in reason.params:
        if isinstance(v, Reason):
            params[k] = _reason_text(v, register, lang)
        elif k == "criteria":
            params[k] = "; ".join(CRITERION_INFO[c].label(lang) for c in v)
        elif isinstance(v, str) and v and all(part in index for part in v.split(", ")):
            params[k] = format_list([_name(register, index[part], lang) for part in v.split(", ")], lang)
        else:
            params[k] = v
    return t(reason.key, lang, **params)


def _criterion_reason(c: Any, register: Register, lang: str | None = None) -> str:
    """Why a screening criterion applies: the officer's answer, or the derived reason with names."""
    return c.answer.reason if c.answer is not None else _reason_text(c.derived_reason, register, lang)


# ---- which DPIAs and findings a report is about


def report_dpias(register: Register, dpia: str | None = None) -> list[Dpia]:
    """The DPIAs the report covers: all (by id), or the one with id ``dpia`` (``KeyError`` if none)."""
    if dpia is None:
        return sorted(register.dpias, key=lambda d: d.id)
    return [get_dpia(register, dpia)]


def report_findings(register: Register, result: CheckResult, dpia: str | None = None) -> list[Finding]:
    """The findings the report covers: all, or those about the DPIA ``dpia`` (its scope or itself)."""
    if dpia is None:
        return list(result.findings)
    d = report_dpias(register, dpia)[0]
    ids = set(dpia_scope(register, d).ids) | {d.id}
    return [f for f in result.findings if ids.intersection(f.subjects)]


# ---- what the school does about a finding: the register's measures that address it


STATUS_RANK = {MeasureStatus.PLANNED: 0, MeasureStatus.IN_PROGRESS: 1, MeasureStatus.IMPLEMENTED: 2}


def measures_for(register: Register, finding: Finding) -> list[Measure]:
    """The measures whose ``addresses`` name this finding, open ones first, then by due date and id."""
    found = [m for m in register.measures if m.addresses_finding(finding.id)]
    return sorted(found, key=lambda m: (STATUS_RANK[m.status], m.due or dt.date.max, m.id))


def measure_line(register: Register, m: Measure, on: dt.date | None, lang: str | None = None) -> str:
    """One measure as a sentence for the MR: what, who (the role that owns it), by when, its status."""
    who = m.owner or t("report_owner_missing", lang)
    what = _name(register, m, lang)
    if m.status is MeasureStatus.IMPLEMENTED:
        return t("report_do_implemented", lang, what=what, who=who)
    status = m.status.value
    if m.due is None:
        return t(f"report_do_{status}_nodate", lang, what=what, who=who)
    line = t(f"report_do_{status}", lang, what=what, who=who, due=format_date(m.due, lang))
    if on is not None and m.due < on:
        line += " " + t("report_do_overdue", lang)
    return line


def action_lines(register: Register, f: Finding, on: dt.date | None, lang: str | None = None) -> list[str]:
    """What the school does about ``f``: the board's acceptance (reason and end date), the measures
    that address it, or plainly that nothing is planned yet."""
    lines = []
    if f.accepted:
        lines.append(t("report_accepted_reader", lang, until=format_date(f.accepted["until"], lang),
                       reason=f.accepted["reason"].strip()))
    lines += [measure_line(register, m, on, lang) for m in measures_for(register, f)]
    if not lines:
        lines.append(t("report_no_measure", lang))
    return lines


# ---- sections


def _counts_sentence(findings: list[Finding], lang: str | None) -> str:
    """'9 blokkerende bevindingen, 8 waarschuwingen en 2 punten ter informatie' (zero counts left out)."""
    open_ = [f for f in findings if f.accepted is None]
    parts = []
    for sev in Severity:
        n = sum(1 for f in open_ if f.severity is sev)
        if n:
            parts.append(t(f"report_n_{sev.value}", lang, count=n))
    accepted = len(findings) - len(open_)
    if not parts and not accepted:
        return t("report_check_none", lang)
    text = t("report_check_found", lang, found=format_list(parts, lang)) if parts else t("report_check_none_open", lang)
    if accepted:
        text += " " + t("report_check_accepted", lang, accepted=t("report_n_accepted", lang, count=accepted))
    return text


def summary_html(register: Register, result: CheckResult, lang: str | None = None, dpia: str | None = None) -> str:
    """The plain-language summary that opens the report."""
    findings = report_findings(register, result, dpia)
    recipients = flow_targets(register) - {register.controller.id} - {s.id for s in register.controller.schools}
    schools = len(register.controller.schools)
    parts = [
        f"<p>{_e(t('report_intro_what', lang, name=register.controller.name))} "
        f"{_e(t('report_intro_flows', lang, flows=t('report_n_flows', lang, count=flow_count(register)), schools=t('report_n_schools', lang, count=schools), parties=t('report_n_parties', lang, count=len(recipients))))}</p>",
    ]
    if dpia is not None:
        d = report_dpias(register, dpia)[0]
        parts.append(f"<p>{_e(t('report_one_dpia', lang, title=_name(register, d, lang)))}</p>")
    parts.append(f"<p>{_e(t('report_check_on', lang, on=format_date(result.on, lang)))} {_e(_counts_sentence(findings, lang))}</p>")
    blockers = [f for f in findings if f.accepted is None and f.severity is Severity.BLOCKER]
    if blockers:
        parts.append(f"<p><b>{_e(t('report_top', lang))}</b></p><ul>")
        parts += [f"<li>{_e(f.rule.text('title', lang))}: {_e(_finding_text(f, register, lang))}"
                  f"{_e(' ' + from_module_text(f, lang)) if f.module else ''}</li>" for f in blockers]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{_e(t('report_no_blockers', lang))}</p>")
    return "\n".join(parts)


def from_module_text(f: Finding, lang: str | None = None) -> str:
    """'Dit komt uit de sector-DPIA X (versie V).' for a finding about an entry the school took over
    from an imported module (``Finding.module``), so the MR knows whom the point concerns first; empty
    for the school's own entries."""
    return t("report_from_module", lang, name=f.module["name"], version=f.module["version"]) if f.module else ""


def finding_for_laymen(f: Finding, register: Register, on: dt.date | None, lang: str | None = None) -> str:
    """One finding as a card: what is the matter, why it matters, what the school does about it (from
    the register's measures and acceptances; the rule's fix instruction is for the officer only)."""
    r = f.rule
    actions = action_lines(register, f, on, lang)
    action_html = (f"<p>{_e(actions[0])}</p>" if len(actions) == 1
                   else "<ul>" + "".join(f"<li>{_e(a)}</li>" for a in actions) + "</ul>")
    return "\n".join(
        [
            f'<section class="finding {f.severity.value}">',
            f"<h4>{_e(r.text('title', lang))} <span class=\"tag\">{_e(t('report_sev_' + f.severity.value, lang))}</span></h4>",
            f"<p><b>{_e(t('report_what', lang))}</b> {_e(_finding_text(f, register, lang))}</p>",
            *([f'<p class="from-module">{_e(from_module_text(f, lang))}</p>'] if f.module else []),
            f"<p><b>{_e(t('report_why', lang))}</b> {_e(r.text('why', lang))}</p>",
            f'<div class="action"><p><b>{_e(t("report_action", lang))}</b></p>{action_html}</div>',
            "</section>",
        ]
    )


def findings_html(register: Register, result: CheckResult, lang: str | None = None, dpia: str | None = None) -> str:
    """Every finding explained, grouped: blocking, warnings, for information, knowingly accepted."""
    findings = report_findings(register, result, dpia)
    if not findings:
        return f"<p>{_e(t('widget_no_findings', lang))}</p>"
    groups: list[tuple[str, list[Finding]]] = [
        (sev.value, [f for f in findings if f.accepted is None and f.severity is sev]) for sev in Severity
    ]
    groups.append(("accepted", [f for f in findings if f.accepted is not None]))
    parts = []
    for key, group in groups:
        if group:
            parts.append(f"<h3>{_e(t(f'report_group_{key}', lang, count=len(group)))}</h3>")
            parts += [finding_for_laymen(f, register, result.on, lang) for f in group]
    return "\n".join(parts)


GLOSSARY = (
    "avg", "verwerkingsverantwoordelijke", "verwerker", "verwerkersovereenkomst", "privacybijsluiter", "betrokkene",
    "grondslag", "toestemming", "doelbinding", "dataminimalisatie", "bewaartermijn", "fg", "mr", "bevoegd_gezag",
    "leerplichtambtenaar", "zorgleerling", "bsn", "bijzondere_gegevens", "dpia", "ap", "subverwerker",
)


def glossary_html(lang: str | None = None) -> str:
    rows = "\n".join(
        f"<tr><th>{_e(t(f'glossary_{k}_term', lang))}</th><td>{_e(t(f'glossary_{k}', lang))}</td></tr>" for k in GLOSSARY
    )
    return f'<table class="glossary">\n{rows}\n</table>'


# ---- page 1: date, contact, what the MR is asked to do, contents


def _mr_recorded(d: Dpia) -> bool:
    mr = d.signoff.mr if d.signoff else None
    return mr is not None and (not mr.sought or bool(mr.views) or mr.date is not None)


def mr_requests(register: Register, dpia: str | None = None) -> list[tuple[Dpia, MrRight]]:
    """The DPIAs on which the MR's advice or consent is sought now: not yet decided by the board and
    without the MR's views on record (GDPR Art. 35(9); WMS art. 10/14 for consent)."""
    return [(d, d.mr_right) for d in report_dpias(register, dpia)
            if d.status is not DpiaStatus.DECIDED and not _mr_recorded(d)]


def contact_line(register: Register, lang: str | None = None) -> str:
    """Whom to ask: the DPO's role address; a person's name only when the register marks it public."""
    dpo = register.controller.dpo
    if dpo is not None and dpo.public:
        address = dpo.email or dpo.role_address
        if address:
            return t("report_contact_person", lang, name=dpo.name, address=address)
        return t("report_contact_person_noaddress", lang, name=dpo.name)
    for c in (dpo, register.controller.contact):
        if c is not None and c.role_address:
            return t("report_contact_role", lang, address=c.role_address)
    return t("report_contact_none", lang)


def cover_html(register: Register, result: CheckResult, lang: str | None = None, dpia: str | None = None,
               modules: Any = ()) -> str:
    """Page 1: title, the date of the assessment, whom to contact, the sector DPIAs it builds on
    (``modules``, ``LoadedRegister.modules``), what the MR is asked to do, and the table of contents
    (filled in by ``fill_toc`` once the whole report is known)."""
    parts = ['<section class="cover">', f"<h1>{_e(t('report_title', lang, name=register.controller.name))}</h1>"]
    if dpia is not None:
        parts.append(f'<p class="subtitle">{_e(_name(register, report_dpias(register, dpia)[0], lang))}</p>')
    parts.append(f"<p><b>{_e(t('report_cover_date', lang))}</b> {_e(format_date(result.on, lang))}</p>")
    parts.append(f"<p><b>{_e(t('report_cover_contact', lang))}</b> {_e(contact_line(register, lang))}</p>")
    if modules:
        parts.append(f"<p class=\"sector-dpia\">{_e(sector_dpia_sentence(modules, lang))}</p>")
    parts.append(f"<h2 class=\"ask\">{_e(t('report_cover_ask', lang))}</h2>")
    requests = mr_requests(register, dpia)
    if requests:
        parts.append("<ul>")
        parts += [f"<li>{_e(t(f'report_ask_{right.value}', lang, title=_name(register, d, lang)))}</li>" for d, right in requests]
        parts.append("</ul>")
        parts.append(f"<p>{_e(t('report_ask_how', lang))}</p>")
    else:
        parts.append(f"<p>{_e(t('report_ask_nothing', lang))}</p>")
    parts.append(f'<nav class="toc"><h2 class="toc-title">{_e(t("report_toc", lang))}</h2>{TOC_SLOT}</nav>')
    parts.append("</section>")
    return "\n".join(parts)


def sector_dpia_sentence(modules: Any, lang: str | None = None) -> str:
    """'Deze DPIA bouwt voort op de sector-DPIA X (versie V) van P; ...': the imported modules by name,
    version and publisher, without ids."""
    items = [t("report_sector_dpia_item", lang, name=m.name, version=m.version, publisher=m.publisher or "—")
             for m in modules]
    return t("report_sector_dpia", lang, modules=format_list(items, lang))


def overrides_html(loaded: Any, lang: str | None = None) -> str:
    """For the officer's appendix: the school's entries that replace a module's, one line each."""
    if not getattr(loaded, "overrides", None):
        return ""
    root = str(loaded.root).rstrip("/") + "/"  # the register's own paths, not where it lies on this computer
    lines = [line.replace(root, "", 1) for line in module_lines(loaded, lang)]
    return "<ul class=\"overrides\">" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


TOC_SLOT = "<!-- toc -->"
_H2 = re.compile(r'<h2 id="(s-[a-z0-9-]+)"[^>]*>(.*?)</h2>', re.S)


def fill_toc(body: str) -> str:
    """Put the table of contents in its slot: one linked entry per section heading, in order."""
    items = "".join(f'<li><a href="#{sid}">{text}</a></li>' for sid, text in _H2.findall(body))
    return body.replace(TOC_SLOT, f"<ol>{items}</ol>", 1)


# ---- the appendix for the privacy officer: codes, ids and articles


def officer_html(register: Register, result: CheckResult, lang: str | None = None, dpia: str | None = None) -> str:
    """The appendix "Voor de privacyfunctionaris": every finding with its id, rule, article, the
    officer's message and the ids of the measures and acceptance that answer it; the risks with the
    numbers the body uses and their ids."""
    findings = report_findings(register, result, dpia)
    head = [t(f"report_officer_col_{c}", lang) for c in ("finding", "rule", "article", "message", "measures", "accepted")]
    rows = []
    for f in findings:
        rows.append([f.id, f"{f.code} {f.rule.name}", f.rule.article, f.message(lang),
                     ", ".join(m.id for m in measures_for(register, f)) or "—",
                     f.accepted["acceptance"] if f.accepted else "—"])
    parts = [f"<p>{_e(t('report_officer_intro', lang))}</p>", _rows_html(head, rows, "officer-findings")]
    risk_rows = []
    for d in report_dpias(register, dpia):
        for i, r in enumerate(sorted(d.risks, key=lambda r: r.id), 1):
            risk_rows.append([d.id, str(i), r.id, ", ".join(link.measure for link in r.measures) or "—"])
    if risk_rows:
        rhead = [t(f"report_officer_col_{c}", lang) for c in ("dpia", "number", "risk", "measures")]
        parts.append(_rows_html(rhead, risk_rows))
    return "\n".join(parts)


def _rows_html(head: list[str], rows: list[list[str]], css_class: str = "") -> str:
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    cls = f' class="{css_class}"' if css_class else ""
    return f"<table{cls}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


# ---- the document


def page_css(lang: str | None = None) -> str:
    """The page's CSS: screen layout, and A4 print with page numbers in the bottom margin. Finding
    cards and tables may break across pages, so no page is left half empty."""
    page = t("report_page_of", lang, page='" counter(page) "', pages='" counter(pages) "')
    return PAGE_CSS + (
        "@page { size: A4; margin: 18mm 16mm 20mm 16mm;\n"
        f'  @bottom-right {{ content: "{page}"; font-size: 9pt; color: #555; }} }}\n'
    )


PAGE_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1a1a1a; }
h1 { border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }
h2 { color: #1f4e79; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
h2.ask, h2.toc-title { border-bottom: none; margin-top: 1.4rem; font-size: 1.2rem; }
.subtitle { font-size: 1.2rem; color: #1f4e79; }
nav.toc ol { line-height: 1.8; } nav.toc a { color: #1a1a1a; text-decoration: none; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .85rem; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: .3rem .4rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; hyphens: auto; }
table.glossary th { width: 28%; }
table.risks th:nth-child(1) { width: 6%; } table.risks th:nth-child(2) { width: 22%; }
table.risks th:nth-child(3) { width: 13%; } table.risks th:nth-child(4) { width: 45%; }
table.risks td ul { margin: 0; padding-left: 1.1rem; }
table.signoff th { width: 28%; }
table.plan th:nth-child(1) { width: 38%; } table.plan th:nth-child(5) { width: 12%; }
table.officer-findings th:nth-child(1) { width: 20%; } table.officer-findings th:nth-child(4) { width: 34%; }
.finding { border-left: 5px solid #999; padding: .2rem 1rem; margin: .8rem 0; background: #fafafa; }
.finding.blocker { border-color: #c0392b; } .finding.warning { border-color: #e67e22; } .finding.info { border-color: #2980b9; }
.finding .action ul { margin-top: 0; }
.tag { font-size: .75rem; background: #eee; border-radius: .3rem; padding: .1rem .4rem; margin-left: .5rem; }
.officer { font-size: .85rem; }
.anchor-link { display: none; }
pre { white-space: pre-wrap; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  table { font-size: .75rem; }
  .cover { break-after: page; }
  h2, h3, h4 { break-after: avoid; }
  .finding { break-inside: auto; }
  tr, img { break-inside: avoid; }
  img { max-height: 230mm; width: auto; }
  #s-officer { break-before: page; }
}
"""


def wrap_page(body: str, title: str, lang: str | None = None) -> str:
    """An offline HTML page: inline CSS, no scripts, no external resources."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang or "nl")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'">\n'
        f"<title>{_e(title)}</title>\n<style>{page_css(lang)}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def notebook_body(executed_notebook) -> str:
    """The executed report notebook as HTML fragments: no code, no tagged cells, no widget state."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = ("remove-cell",)
    c.TagRemovePreprocessor.remove_input_tags = ("remove-input",)
    c.ClearMetadataPreprocessor.enabled = True
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    exporter = HTMLExporter(config=c, template_name="basic")
    body, _ = exporter.from_notebook_node(executed_notebook)
    # Figures are stored as text reprs next to their images; keep only the images.
    return re.sub(r"<pre>&lt;Figure size [^<]*&gt;</pre>", "", body)


class ReportPdfMissing(Exception):
    """The HTML report was written, its PDF was not (``cause`` says why)."""

    def __init__(self, html_path: Path, pdf_path: Path, cause: PdfNotPrinted):
        super().__init__(str(pdf_path))
        self.html_path, self.pdf_path, self.cause = html_path, pdf_path, cause

    def message(self, lang: str | None = None) -> str:
        return t("pdf_not_written", lang, html=self.html_path, pdf=self.pdf_path, reason=self.cause.reason_text(lang))


def _kernel_config():
    """The report kernel talks to us over local IPC sockets, not TCP on localhost: nothing to
    eavesdrop, and ipykernel has no reason to warn that TCP is unencrypted on every run."""
    from traitlets.config import Config

    c = Config()
    c.KernelManager.transport = "ipc"
    return c


def execute_report(register_path: Path, lang: str, on: str, workdir: Path, dpia: str | None = None,
                   since: str | None = None):
    import nbformat
    import papermill

    out = workdir / "rapport.ipynb"
    papermill.execute_notebook(
        str(REPORT_NOTEBOOK), str(out),
        parameters={"register": str(Path(register_path).resolve()), "taal": lang, "peildatum": on, "dpia_id": dpia,
                    "sinds": since},
        cwd=str(REPORT_NOTEBOOK.parent), progress_bar=False, log_output=False, kernel_name="python3",
        config=_kernel_config(),
    )
    return nbformat.read(out, as_version=4)


def build_report(
    register_path: str | os.PathLike[str],
    out_html: str | os.PathLike[str],
    lang: str = "nl",
    on: str | dt.date | None = None,
    pdf: str | os.PathLike[str] | None = None,
    dpia: str | None = None,
    since: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the MR report for ``register_path`` to ``out_html`` (and ``pdf``). Returns the files written.

    ``dpia``: the id of one DPIA to report on (its findings, risks and sign-off); ``None``: all.
    ``since``: an earlier version (a folder, ``REV:PATH`` or ``DATE:PATH``, see ``dpia.diff``): the report
    then says what changed since it. Raises ``VersionNotFound`` before anything runs when it cannot be read.
    Raises ``RegisterInvalid`` before anything runs when the register is invalid, ``KeyError``
    when ``dpia`` names no DPIA of the register, and ``OutputRefused`` when an output would touch the
    register or is not an ordinary file (a read-only one only without ``force``).
    """
    loaded = load(register_path)  # fail early, with located errors, before executing anything
    register, protect = loaded.register, loaded.protected_paths()
    out_html = Path(out_html)
    out_html = out_html.with_name(safe_filename(out_html.name))
    pdf_path = Path(pdf).with_name(safe_filename(Path(pdf).name)) if pdf else None
    for target in (out_html, pdf_path):
        if target is not None:
            check_output(target, protect, force)  # OutputRefused before anything runs
    if dpia is not None:
        report_dpias(register, dpia)  # KeyError before anything runs
    if since is not None:
        since = absolute_spec(since)
        resolve(since)  # VersionNotFound before anything runs
    day = assessment_date(on).isoformat()  # the same default as the notebooks: $DPIA_ON, else today
    with tempfile.TemporaryDirectory(prefix="dpia-report-") as tmp:
        executed = execute_report(Path(register_path), lang, day, Path(tmp), dpia, since)
    body = fill_toc(notebook_body(executed))
    title = t("report_title", lang, name=register.controller.name)
    page = scrub(wrap_page(body, title, lang), register)
    write_output(out_html, page, protect, force)
    written = [out_html]
    if pdf_path is not None:
        try:
            print_pdf(out_html, pdf_path, protect=protect, force=force)
        except PdfNotPrinted as exc:
            raise ReportPdfMissing(out_html, pdf_path, exc) from None
        written.append(pdf_path)
    return written


def figure_html(fig, alt: str, dpi: int = 100) -> str:
    """A matplotlib figure as an inline PNG <img>, for static report sections."""
    import io

    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{data}">'


# ---- the report notebook calls these


SECTION_NAMES = ("title", "summary", "datamap", "findings", "promises", "breaches", "changes", "dpias", "glossary", "officer")


def section(name: str, loaded, result: CheckResult, lang: str | None = None, dpia: str | None = None,
            since: str | None = None):
    """One report section as displayable HTML: a heading and its content.

    ``name`` is one of ``SECTION_NAMES``: title (page 1 with the contents), summary, datamap,
    findings, dpias (screening, risks, action plan and sign-off per DPIA), glossary, and officer (the
    appendix for the privacy officer), promises (the school's promises, kept or not), breaches (the
    breach register in counts), changes (what changed since the version ``since``, a folder or a git
    revision; nothing without it). ``dpia`` limits the report to one DPIA (its id).
    """
    from IPython.display import HTML

    register = loaded.register
    if name == "title":
        return HTML(cover_html(register, result, lang, dpia, modules=getattr(loaded, "modules", ())))
    if name not in SECTION_NAMES:
        raise ValueError(f"unknown report section {name!r}")
    if name == "changes":  # only when the report is asked what changed since an earlier version
        if since is None:
            return HTML("")
        changes = diff_versions(since, str(loaded.root), on=result.on, lang=lang)
        heading = f'<h2 id="s-changes">{_e(t("report_h_changes", lang, date=format_date(changes.old_on, lang)))}</h2>'
        return HTML(heading + as_html(changes, lang))
    heading = f'<h2 id="s-{name}">{_e(t(f"report_h_{name}", lang))}</h2>'
    if name == "summary":
        body = summary_html(register, result, lang, dpia)
    elif name == "datamap":
        problems = {f.subjects[0] for f in result.open if f.subjects}
        figures = datamap_figures(register, problems=problems, lang=lang, titled=False)
        parts = [f"<p>{_e(t('report_datamap_intro', lang))}</p>"]
        if len(figures) > 1:
            parts.append(f"<p>{_e(t('report_datamap_parts', lang))}</p>")
        for f in figures:  # each map its own figure: a heading, the image at the page's width, its alt text
            parts.append(f'<figure class="datamap" style="margin: 0; break-inside: avoid"><h3>{_e(f.title)}</h3>'
                         + figure_html(f.figure, f.alt, dpi=PNG_DPI) + "</figure>")
        body = "\n".join(parts)
    elif name == "findings":
        body = f"<p>{_e(t('report_findings_intro', lang))}</p>" + findings_html(register, result, lang, dpia)
    elif name == "glossary":
        body = glossary_html(lang)
    elif name == "promises":
        body = promises_html(register, result, lang)
    elif name == "breaches":
        body = breaches_html(register, lang)
    elif name == "dpias":
        body = dpias_html(register, result, lang, dpia)
    else:
        body = f'<div class="officer">{officer_html(register, result, lang, dpia)}{overrides_html(loaded, lang)}</div>'
    return HTML(heading + body)


def promises_html(register: Register, result: CheckResult, lang: str | None = None) -> str:
    """The school's public promises, each with whether the register shows it is kept (GDPR Art. 12)."""
    statuses = promise_status(register, result.on)
    if not statuses:
        return f"<p>{_e(t('report_no_promises', lang))}</p>"
    kept = sum(s.holds for s in statuses)
    rows = "".join(
        f"<tr><td>{_e(s.promise.text.pick(lang))}</td>"
        f"<td>{_e(t('report_promise_kept' if s.holds else 'report_promise_broken', lang))}</td></tr>"
        for s in statuses)
    return (f"<p>{_e(t('report_promises_intro', lang, count=len(statuses), kept=kept))}</p>"
            f"<table class=\"promises\"><tr><th>{_e(t('report_promise_col', lang))}</th>"
            f"<th>{_e(t('report_promise_state', lang))}</th></tr>{rows}</table>")


def breaches_html(register: Register, lang: str | None = None) -> str:
    """The breach register for the MR: counts per year, notified or not, what happened and what was done.
    No names of people, no descriptions (they may hold details of the people concerned)."""
    breaches = sorted(register.breaches, key=lambda b: (b.discovered_at, b.id))
    if not breaches:
        return f"<p>{_e(t('report_no_breaches', lang))}</p>"
    years: dict[int, list] = {}
    for b in breaches:
        years.setdefault(b.discovered_at.astimezone(DUTCH_TIME).year, []).append(b)
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in ("report_breach_year", "report_breach_count",
                                                            "report_breach_notified", "report_breach_informed"))
    rows = "".join(
        f"<tr><td>{y}</td><td>{len(bs)}</td>"
        f"<td>{sum(1 for b in bs if b.ap and b.ap.decision.value == 'notify')}</td>"
        f"<td>{sum(1 for b in bs if b.data_subjects and b.data_subjects.decision.value == 'notify')}</td></tr>"
        for y, bs in sorted(years.items()))
    parts = [f"<p>{_e(t('report_breaches_intro', lang, count=len(breaches)))}</p>", f"<table><tr>{head}</tr>{rows}</table>"]
    for b in breaches:
        day = format_date(b.discovered_at.astimezone(DUTCH_TIME).date(), lang)
        nature = format_list([t(f"form_nature_{n.value}", lang) for n in b.nature], lang)
        if b.ap is None:
            decision = t("report_breach_undecided", lang)
        elif b.ap.decision.value == "notify":
            decision = t("report_breach_was_notified", lang)
        else:
            decision = t("report_breach_not_notified", lang)
        done = " ".join(b.measures_taken) if b.measures_taken else t("report_breach_no_measures", lang)
        state = t("report_breach_closed", lang) if b.closed_at else t("report_breach_open", lang)
        parts.append(f'<section class="breach"><h4>{_e(b.title)}</h4>'
                     f"<p>{_e(t('report_breach_line', lang, date=day, nature=nature, decision=decision, state=state))}</p>"
                     f"<p><b>{_e(t('report_breach_done', lang))}</b> {_e(done)}</p></section>")
    return "\n".join(parts)


def dpias_html(register: Register, result: CheckResult, lang: str | None = None, dpia: str | None = None) -> str:
    """Per DPIA: the screening with its reasons, the risk map before and after measures, the risks with
    what the school does about each, the action plan and the sign-off. Without ids or codes."""
    # every processing: is a DPIA needed? (not in the report of one DPIA, which keeps to its own scope)
    everything = screening_decisions_html(register, lang) if dpia is None else ""
    dpias = report_dpias(register, dpia)
    if not dpias:
        return everything + f"<p>{_e(t('report_no_dpias', lang))}</p>"
    parts = [everything]
    for d in dpias:
        parts.append(f"<h3>{_e(_name(register, d, lang))}</h3>")
        if d.description:
            parts.append(f"<p>{_e(d.description)}</p>")
        s = screen(register, d)
        verdict = " ".join(_reason_text(g, register, lang) for g in s.grounds)
        parts.append(f"<h4>{_e(t('report_h_screening', lang))}</h4><p><b>{_e(verdict)}</b></p><ul>")
        parts += [f"<li>{_e(c.info.label(lang))}: {_e(_criterion_reason(c, register, lang))}</li>"
                  for c in s.criteria if c.applies]
        parts.append("</ul>")
        assessments = assess(register, d, result.findings)
        numbers = {a.risk: i for i, a in enumerate(sorted(assessments, key=lambda a: (a.dpia, a.risk)), 1)}
        if assessments:
            parts.append(f"<h4>{_e(t('report_h_risks', lang))}</h4><p>{_e(t('report_riskmap_intro', lang))}</p>")
            parts.append(figure_html(risk_map(assessments, d.scale, lang, show_ids=False), t("report_h_risks", lang)))
            parts.append(risks_html(register, assessments, numbers, result.on, lang))
        items = action_plan(register, d, result.on)
        if items:
            parts.append(f"<h4>{_e(t('report_h_actionplan', lang))}</h4>")
            parts.append(action_plan_html(register, items, numbers, lang))
        parts.append(f"<h4>{_e(t('report_h_signoff', lang))}</h4>{signoff_html(d, lang)}")
    return "\n".join(parts)


def risks_html(register: Register, assessments, numbers: dict[str, int], on: dt.date | None,
               lang: str | None = None) -> str:
    """The risks for the MR: the number on the map, the risk, its level without measures, what the
    school does (each linked measure: what, who, by when, status) and what remains."""
    measures = {m.id: m for m in register.measures}
    head = [t(f"report_risk_col_{c}", lang) for c in ("number", "risk", "inherent", "measures", "residual")]
    rows = []
    for a in sorted(assessments, key=lambda a: numbers[a.risk]):
        lines = [measure_line(register, measures[m.measure], on, lang) for m in a.measures if m.measure in measures]
        remains = level_label(a.residual, lang)
        if a.acceptance is not None:
            remains += ". " + t("report_risk_accepted", lang, on=format_date(a.acceptance.accepted_on, lang))
        elif a.needs_prior_consultation:
            remains += ". " + t("report_risk_art36", lang)
        rows.append([str(numbers[a.risk]), a.title.pick(lang), level_label(a.inherent, lang),
                     lines or [t("report_no_measure", lang)], remains])
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = []
    for nr, title, inherent, lines, remains in rows:
        cell = "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + "</ul>"
        body.append(f"<tr><td>{_e(nr)}</td><td>{_e(title)}</td><td>{_e(inherent)}</td><td>{cell}</td><td>{_e(remains)}</td></tr>")
    return f'<table class="risks"><thead><tr>{th}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def action_plan_html(register: Register, items, numbers: dict[str, int], lang: str | None = None) -> str:
    """The action plan for the MR: what, who (a role), by when, status, and against which risks."""
    head = [t(f"report_plan_col_{c}", lang) for c in ("what", "who", "due", "status", "risks")]
    rows = []
    for i in items:
        due = format_date(i.due, lang) if i.due else t("report_plan_no_date", lang)
        if i.overdue:
            due += " " + t("report_plan_overdue", lang)
        rows.append([i.label.pick(lang), i.owner or t("report_owner_missing", lang), due,
                     t(f"measurestatus_{i.status.value}", lang),
                     ", ".join(str(numbers[r]) for r in i.risks if r in numbers) or "—"])
    return _rows_html(head, rows, "plan")


def signoff_html(d, lang: str | None = None) -> str:
    """Where the DPIA stands in the sign-off chain. Names of people are left out (confidential)."""
    so = d.signoff
    none = t("report_signoff_missing", lang)

    def day(value) -> str:
        return format_date(value, lang) if value else none

    rows = [(t("report_signoff_status", lang), t(f"dpiastatus_{d.status.value}", lang))]
    rows.append((t("report_signoff_author", lang), day(so.author.date) if so and so.author else none))
    fg = so.fg_advice if so else None
    rows.append((t("report_signoff_fg", lang), t("report_signoff_fg_done", lang, date=format_date(fg.date, lang), version=fg.version) if fg else none))
    mr = so.mr if so else None
    if mr is None:
        mr_text = none
    elif not mr.sought:
        mr_text = t("report_signoff_mr_not_sought", lang, reason=mr.reason_not_sought or "—")
    else:
        mr_text = " ".join(x for x in (format_date(mr.date, lang) + ":" if mr.date else "", mr.views or "") if x) or none
    rows.append((t("report_signoff_mr", lang), mr_text))
    dec = so.decision if so else None
    if dec:
        dec_text = f"{t('decision_' + dec.outcome.value, lang)} ({format_date(dec.date, lang)})"
        if dec.conditions:
            dec_text += ". " + t("report_signoff_conditions", lang, conditions=dec.conditions.strip())
    else:
        dec_text = none
    rows.append((t("report_signoff_decision", lang), dec_text))
    rows.append((t("report_signoff_review", lang), day(so.review_by) if so else none))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="signoff">{body}</table>'
