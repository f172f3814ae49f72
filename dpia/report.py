"""The report for the participation council (MR): one readable, self-contained document without code.

``build_report`` executes the report notebook on a register with papermill, exports it with nbconvert
(code and tagged cells removed, widget state stripped), wraps it in an offline HTML page (images
inline, no scripts, no external URLs) and, on request, prints it to PDF with headless Chromium.

The section functions below produce the report's static HTML. They use only what an MR may read:
named contact persons, measure details and anything marked confidential never appear, and a last
scrub of the whole document replaces any confidential value that slipped through.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .check import CheckResult, Finding
from .i18n import t
from .model import Register
from .rules import Severity

REPORT_NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "05_rapport.ipynb"
REDACTED = "[vertrouwelijk]"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# ---- confidentiality


def confidential_values(register: Register) -> list[str]:
    """Every value the register marks confidential: named contacts, measure details, confidential
    category labels. Longest first, so a scrub replaces whole values before their parts."""
    values: set[str] = set()
    contacts = [register.controller.dpo, register.controller.contact] + [p.contact for p in register.parties]
    for c in contacts:
        if c is not None:
            values |= {v for v in (c.name, c.email, c.phone) if v}
    values |= {m.detail for m in register.measures if m.detail}
    for c in register.data_categories:
        if c.confidential:
            values |= {c.label.nl, c.label.en}
    return sorted((v for v in values if len(v.strip()) >= 3), key=lambda v: (-len(v), v))


def scrub(text: str, register: Register) -> str:
    """Replace every confidential value (raw and HTML-escaped) in ``text``."""
    for value in confidential_values(register):
        for form in {value, html.escape(value, quote=True), html.escape(value, quote=False)}:
            text = text.replace(form, REDACTED)
    return text


# ---- sections


def summary_html(register: Register, result: CheckResult, lang: str | None = None) -> str:
    """The plain-language summary that opens the report."""
    c = result.counts()
    from .bulk import flow_count, flow_targets  # YAML and bulk (flows.csv) flows

    recipients = flow_targets(register) - {register.controller.id} - {s.id for s in register.controller.schools}
    parts = [
        f"<p>{_e(t('report_intro', lang, name=register.controller.name, flows=flow_count(register), parties=len(recipients), schools=len(register.controller.schools)))}</p>",
        f"<p>{_e(t('report_check', lang, on=result.on.isoformat(), **c))}</p>",
    ]
    blockers = [f for f in result.open if f.severity is Severity.BLOCKER]
    if blockers:
        parts.append(f"<p><b>{_e(t('report_top', lang))}</b></p><ul>")
        parts += [f"<li>{_e(f.rule.text('title', lang))}: {_e(f.message(lang))}</li>" for f in blockers]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{_e(t('report_no_blockers', lang))}</p>")
    return "\n".join(parts)


def finding_for_laymen(f: Finding, lang: str | None = None) -> str:
    r = f.rule
    if f.accepted:
        action = t("report_accepted", lang, **f.accepted)
    else:
        action = r.text("fix", lang)
    return "\n".join(
        [
            f'<section class="finding {f.severity.value}">',
            f"<h4>{_e(r.text('title', lang))} <span class=\"tag\">{_e(t('severity_' + f.severity.value, lang))}</span></h4>",
            f"<p><b>{_e(t('report_what', lang))}</b> {_e(f.message(lang))}</p>",
            f"<p><b>{_e(t('report_why', lang))}</b> {_e(r.text('why', lang))}</p>",
            f"<p><b>{_e(t('report_action', lang))}</b> {_e(action)}</p>",
            f"<p class=\"ref\">{_e(r.article)} · {_e(f.id)}</p>",
            "</section>",
        ]
    )


def findings_html(result: CheckResult, lang: str | None = None) -> str:
    """Every finding explained: what is the matter, why it matters, what the school does about it."""
    if not result.findings:
        return f"<p>{_e(t('widget_no_findings', lang))}</p>"
    return "\n".join(finding_for_laymen(f, lang) for f in result.findings)


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


# ---- the document


PAGE_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1a1a1a; }
h1 { border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }
h2 { color: #1f4e79; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .85rem; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: .3rem .4rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; hyphens: auto; }
table.glossary th { width: 28%; }
.finding { border-left: 5px solid #999; padding: .2rem 1rem; margin: 1rem 0; background: #fafafa; }
.finding.blocker { border-color: #c0392b; } .finding.warning { border-color: #e67e22; } .finding.info { border-color: #2980b9; }
.tag { font-size: .75rem; background: #eee; border-radius: .3rem; padding: .1rem .4rem; margin-left: .5rem; }
.ref { font-size: .8rem; color: #666; }
.anchor-link { display: none; }
pre { white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } table { font-size: .68rem; } h2 { page-break-after: avoid; } .finding { page-break-inside: avoid; } }
"""


def wrap_page(body: str, title: str, lang: str | None = None) -> str:
    """An offline HTML page: inline CSS, no scripts, no external resources."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang or "nl")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'">\n'
        f"<title>{_e(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
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


def execute_report(register_path: Path, lang: str, on: str, workdir: Path):
    import nbformat
    import papermill

    out = workdir / "rapport.ipynb"
    papermill.execute_notebook(
        str(REPORT_NOTEBOOK), str(out),
        parameters={"register": str(Path(register_path).resolve()), "taal": lang, "peildatum": on},
        cwd=str(REPORT_NOTEBOOK.parent), progress_bar=False, log_output=False, kernel_name="python3",
    )
    return nbformat.read(out, as_version=4)


def build_report(
    register_path: str | os.PathLike[str],
    out_html: str | os.PathLike[str],
    lang: str = "nl",
    on: str | dt.date | None = None,
    pdf: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the MR report for ``register_path`` to ``out_html`` (and ``pdf``). Returns the files written.

    Raises ``RegisterInvalid`` before anything runs when the register is invalid.
    """
    from .export import safe_filename
    from .store import atomic_write, load

    register = load(register_path).register  # fail early, with located errors, before executing anything
    day = (on if isinstance(on, str) else (on or dt.date.today()).isoformat())
    out_html = Path(out_html)
    out_html = out_html.with_name(safe_filename(out_html.name))
    with tempfile.TemporaryDirectory(prefix="dpia-report-") as tmp:
        executed = execute_report(Path(register_path), lang, day, Path(tmp))
    body = notebook_body(executed)
    title = t("report_title", lang, name=register.controller.name)
    page = scrub(wrap_page(body, title, lang), register)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out_html, page)
    written = [out_html]
    if pdf:
        pdf_path = Path(pdf)
        pdf_path = pdf_path.with_name(safe_filename(pdf_path.name))
        print_pdf(out_html, pdf_path)
        written.append(pdf_path)
    return written


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Print an HTML file to PDF with headless Chromium (written to a temporary file, then renamed)."""
    browser = chromium()
    if browser is None:
        raise FileNotFoundError("chromium")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{pdf_path.name}.", suffix=".tmp", dir=pdf_path.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="dpia-chromium-") as profile:
            subprocess.run(
                [browser, *CHROMIUM_ARGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                 f"--print-to-pdf={tmp}", Path(html_path).resolve().as_uri()],
                check=True, capture_output=True, timeout=120,
            )
        if os.path.getsize(tmp) == 0:
            raise OSError("chromium wrote an empty PDF")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return pdf_path


def figure_html(fig, alt: str) -> str:
    """A matplotlib figure as an inline PNG <img>, for static report sections."""
    import io

    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{data}">'


# ---- the report notebook calls these


def section(name: str, loaded, result: CheckResult, lang: str | None = None):
    """One report section as displayable HTML: a heading and its content.

    ``name`` is one of: title, summary, datamap, findings, glossary (screening, risks, action plan and
    sign-off are added by ``dpia.risk`` when the register holds DPIAs).
    """
    from IPython.display import HTML

    from .datamap import draw_datamap

    register = loaded.register
    if name == "title":
        return HTML(f"<h1>{_e(t('report_title', lang, name=register.controller.name))}</h1>")
    heading = f"<h2>{_e(t(f'report_h_{name}', lang))}</h2>"
    if name == "summary":
        body = summary_html(register, result, lang)
    elif name == "datamap":
        problems = {f.subjects[0] for f in result.open if f.subjects}
        fig = draw_datamap(register, problems=problems, lang=lang)
        body = f"<p>{_e(t('report_datamap_intro', lang))}</p>" + figure_html(fig, t("report_h_datamap", lang))
    elif name == "findings":
        body = f"<p>{_e(t('report_findings_intro', lang))}</p>" + findings_html(result, lang)
    elif name == "glossary":
        body = glossary_html(lang)
    elif name == "dpias":
        body = dpias_html(register, result, lang)
    else:
        raise ValueError(f"unknown report section {name!r}")
    return HTML(heading + body)


def _table_html(frame) -> str:
    """A pandas table as escaped, plain HTML (no styling hooks, no scripts)."""
    return frame.to_html(escape=True, border=0, na_rep="—")


def dpias_html(register: Register, result: CheckResult, lang: str | None = None) -> str:
    """Per DPIA: the screening with its reasons, the risk map before and after measures, the risk table,
    the action plan and the sign-off status. Empty when the register holds no DPIA."""
    from .actionplan import action_plan, action_plan_table
    from .figures import risk_map
    from .risk import assess, risk_table
    from .processing import screening_decisions_html
    from .screening import screen

    everything = screening_decisions_html(register, lang)  # every processing: is a DPIA needed? (issue 14)
    if not register.dpias:
        return everything + f"<p>{_e(t('report_no_dpias', lang))}</p>"
    parts = [everything]
    for d in sorted(register.dpias, key=lambda d: d.id):
        title = d.title.en if lang == "en" else d.title.nl
        parts.append(f"<h3>{_e(title)}</h3>")
        if d.description:
            parts.append(f"<p>{_e(d.description)}</p>")
        s = screen(register, d)
        parts.append(f"<h4>{_e(t('report_h_screening', lang))}</h4><p><b>{_e(s.reason(lang))}</b></p><ul>")
        parts += [f"<li>{_e(c.info.label(lang))}: {_e(c.reason(lang))}</li>" for c in s.criteria if c.applies]
        parts.append("</ul>")
        assessments = assess(register, d, result.findings)
        if assessments:
            parts.append(f"<h4>{_e(t('report_h_risks', lang))}</h4><p>{_e(t('report_riskmap_intro', lang))}</p>")
            parts.append(figure_html(risk_map(assessments, d.scale, lang), t("report_h_risks", lang)))
            parts.append(_table_html(risk_table(assessments, lang)))
        items = action_plan(register, d, result.on)
        if items:
            parts.append(f"<h4>{_e(t('report_h_actionplan', lang))}</h4>")
            parts.append(_table_html(action_plan_table(items, lang)))
        parts.append(f"<h4>{_e(t('report_h_signoff', lang))}</h4>{signoff_html(d, lang)}")
    return "\n".join(parts)


def signoff_html(d, lang: str | None = None) -> str:
    """Where the DPIA stands in the sign-off chain. Names of people are left out (confidential)."""
    so = d.signoff
    none = t("report_signoff_missing", lang)
    rows = []
    rows.append((t("report_signoff_status", lang), t(f"dpiastatus_{d.status.value}", lang)))
    rows.append((t("report_signoff_author", lang), so.author.date.isoformat() if so and so.author and so.author.date else none))
    fg = so.fg_advice if so else None
    rows.append((t("report_signoff_fg", lang), t("report_signoff_fg_done", lang, date=fg.date.isoformat(), version=fg.version) if fg else none))
    mr = so.mr if so else None
    if mr is None:
        mr_text = none
    elif not mr.sought:
        mr_text = t("report_signoff_mr_not_sought", lang, reason=mr.reason_not_sought or "—")
    else:
        mr_text = " ".join(x for x in (mr.date.isoformat() if mr.date else "", mr.views or "") if x) or none
    rows.append((t("report_signoff_mr", lang), mr_text))
    dec = so.decision if so else None
    rows.append((t("report_signoff_decision", lang), f"{t('decision_' + dec.outcome.value, lang)} ({dec.date.isoformat()})" if dec else none))
    rows.append((t("report_signoff_review", lang), so.review_by.isoformat() if so and so.review_by else none))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"

