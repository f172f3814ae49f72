"""The rule reference, generated from the rule objects: `dpia rules` and docs/rules.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dpia.i18n import template as catalogue_template
from dpia.rules import rules
from dpia.io.files import atomic_write

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def rules_text(lang: str | None = None) -> str:
    lines = []
    for r in rules():
        lines.append(f"{r.code}  {r.name:<42} {r.severity.value:<8} {r.kind.value:<9} {r.article}")
        lines.append(f"         {r.text('title', lang)}")
    return "\n".join(lines) + "\n"


def template(r, part: str, lang: str | None = None) -> str:
    """A rule's finding text with its placeholders unfilled ('{flow}'), as the reference shows it; a text
    with plural forms by its last form, the general one ('{count} flows'); a placeholder's format
    ('{severity:number}') is left out."""
    text = catalogue_template(f"rule.{r.code}.{part}", lang)
    return re.sub(r"\{(\w+):\w+\}", r"{\1}", text[-1] if isinstance(text, tuple) else text)


def rules_json(lang: str | None = None) -> str:
    doc = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value,
            "kind": r.kind.value,
            "article": r.article,
            "theme": r.theme,
            "advisory": r.advisory,
            **{part: r.text(part, lang) for part in ("title", "checks", "why", "fix")},
            **{part: template(r, part, lang) for part in ("message", "reader")},
        }
        for r in rules()
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_HEAD = {
    "nl": ("Regels", "Deze pagina is gegenereerd uit de regels zelf (`make docs`); bewerk hem niet met de hand.",
           "Wat de regel controleert", "Waarom dit ertoe doet", "Zo lost u het op", "ernst", "soort", "artikel",
           "adviserend: de wet is hier niet eenduidig",
           "Wat een bevinding zegt", "voor de privacyfunctionaris (met ids)", "voor de lezer van het rapport (met namen)"),
    "en": ("Rules", "This page is generated from the rules themselves (`make docs`); do not edit it by hand.",
           "What it checks", "Why it matters", "How to fix it", "severity", "kind", "article",
           "advisory: the law is not clear-cut here",
           "What a finding says", "for the privacy officer (with ids)", "for the report's reader (with names)"),
}


def rules_markdown(lang: str | None = None) -> str:
    """The reference page: one section per rule, in the order of their codes."""
    lang = lang or "en"
    title, note, checks, why, fix, sev, kind, art, adv, says, officer, reader = _HEAD[lang]
    out = [f"# {title}", "", note, ""]
    out += [f"| code | name | {sev} | {kind} | {art} |", "|---|---|---|---|---|"]
    out += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {r.kind.value} | {r.article} |" for r in rules()]
    for r in rules():
        out += ["", f"## {r.code}", "", f"**{r.name}** — {r.text('title', lang)}", ""]
        out += [f"*{sev}*: {r.severity.value} · *{kind}*: {r.kind.value} · *{art}*: {r.article}"]
        if r.advisory:
            out += ["", f"*{adv}*"]
        out += ["", f"### {checks}", "", r.text("checks", lang), "", f"### {why}", "", r.text("why", lang)]
        out += ["", f"### {fix}", "", r.text("fix", lang)]
        out += ["", f"### {says}", "", f"- *{officer}*: {template(r, 'message', lang)}",
                f"- *{reader}*: {template(r, 'reader', lang)}"]
    return "\n".join(out) + "\n"


def write_docs() -> list[Path]:
    written = []
    for lang, name in (("en", "rules.md"), ("nl", "regels.md")):
        path = DOC_PATH.with_name(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, rules_markdown(lang))
        written.append(path)
    return written
