"""Widget builders for the workbench notebooks (ipywidgets): the views, and the forms' places in them.

Each builder is a small class: ``.ui`` is the widget to display, the rest is plain state and methods,
so the logic is unit-tested without a browser (set a control's ``.value``, assert the state). The
notebooks only construct and display them. The forms that write to the register (the flow and
agreement editors, the supplier wizard, the breach recorder) are the one form system of
:mod:`dpia.workbench.editors`, reached here under their names as before.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as w
from dpia.check import CheckResult, Finding
from dpia.documents.datamap import draw_datamap, select_flows
from dpia.documents.figures import show_figure
from dpia.i18n import t
from dpia.io.problems import RegisterInvalid
from dpia.io.store import LoadedRegister
from dpia.workbench.controls import catalogue_label, Displayable, guarded, named_options, recheck, save_with, tables_of
from dpia.workbench.editors import AgreementEditor, BreachRecorder, EntityEditor, FlowEditor, places, SupplierWizard
from dpia import settings
from dpia.analysis.access_request import access_request, answer_lines
from dpia.analysis.breach import assess_breach, impact, report_lines
from dpia.analysis.promises import promise_status
from dpia.analysis.risk import pending_measures, risk_table, what_if
from dpia.analysis.scope import get_dpia
from dpia.documents.datamap import impact_figure
from dpia.documents.figures import figure_bytes, risk_map
from dpia.documents.inventory import agreements_table, findings_summary, findings_table
from dpia.documents.letter import letter_body
from dpia.io.store import load
from dpia.model import references_to, SECTIONS
from dpia.settings import display_location
from dpia.workbench.display import readable, Table, Text

ALL = None  # the "no filter" choice of a dropdown


def _options(ids: list[str], lang: str | None) -> list[tuple[str, str | None]]:
    return [(t("widget_all", lang), ALL)] + [(i, i) for i in sorted(ids)]


class DataMapExplorer(Displayable):
    """Filter the data map by category, party or purpose; flows with findings are highlighted."""

    def __init__(self, loaded: LoadedRegister, result: CheckResult | None = None, lang: str | None = None):
        self.loaded, self.lang = loaded, lang
        reg = loaded.register
        self.problems = _flows_with_findings(result) if result else set()
        self.category = w.Dropdown(options=_options([c.id for c in reg.data_categories], lang), description=t("widget_category", lang))
        self.party = w.Dropdown(options=_options([p.id for p in reg.parties], lang), description=t("widget_party", lang))
        self.purpose = w.Dropdown(options=_options([p.id for p in reg.purposes], lang), description=t("widget_purpose", lang))
        self.count = w.HTML()
        self.output = w.Output()
        for control in (self.category, self.party, self.purpose):
            control.observe(lambda _change: self.update(), names="value")
        self.ui = w.VBox([w.HBox([self.category, self.party, self.purpose]), self.count, self.output])
        self.flows: list[str] = []
        self.update()

    def update(self) -> None:
        self.flows = select_flows(self.loaded.register, self.category.value, self.party.value, self.purpose.value)
        self.count.value = html.escape(t("widget_flow_count", self.lang, count=len(self.flows)))
        with self.output:
            self.output.clear_output(wait=True)
            if self.flows:
                fig = draw_datamap(self.loaded.register, self.flows, self.problems, self.lang)
                show_figure(fig)


def _flows_with_findings(result: CheckResult) -> set[str]:
    return {s for f in result.open for s in f.subjects[:1]}


class FindingsStepper(Displayable):
    """Step through the findings, each with what it means, why it matters and how to fix it."""

    def __init__(self, result: CheckResult, lang: str | None = None):
        self.result, self.lang = result, lang
        self.findings: list[Finding] = result.findings
        self.index = 0
        self.previous = w.Button(description="◀", layout=w.Layout(width="3em"))
        self.next = w.Button(description="▶", layout=w.Layout(width="3em"))
        self.position = w.Label()
        self.panel = w.HTML()
        self.previous.on_click(lambda _b: self.go(self.index - 1))
        self.next.on_click(lambda _b: self.go(self.index + 1))
        self.ui = w.VBox([w.HBox([self.previous, self.position, self.next]), self.panel])
        self.go(0)

    @property
    def current(self) -> Finding | None:
        return self.findings[self.index] if self.findings else None

    def show(self, result: CheckResult) -> None:
        """Follow a new check (after a save): stay on the same finding when it is still there."""
        current = self.current.id if self.current else None
        self.result, self.findings = result, result.findings
        ids = [f.id for f in self.findings]
        self.go(ids.index(current) if current in ids else self.index)

    def go(self, index: int) -> None:
        if not self.findings:
            self.index = 0
            self.position.value = ""
            self.panel.value = html.escape(t("widget_no_findings", self.lang))
            return
        self.index = max(0, min(index, len(self.findings) - 1))
        self.position.value = f"{self.index + 1} / {len(self.findings)}"
        self.panel.value = finding_html(self.findings[self.index], self.lang)


def finding_html(f: Finding, lang: str | None = None) -> str:
    """A finding explained for a layperson: what, why it matters, what to do. All text escaped."""
    e = html.escape
    r = f.rule
    parts = [
        f"<h4>{e(t('severity_' + f.severity.value, lang))} · {e(r.text('title', lang))} <small>({e(f.code)}, {e(r.article)})</small></h4>",
        f"<p>{e(f.message(lang))}</p>",
        f"<p><b>{e(t('widget_why', lang))}</b> {e(r.text('why', lang))}</p>",
        f"<p><b>{e(t('widget_fix', lang))}</b> {e(r.text('fix', lang))}</p>",
    ]
    if f.accepted:
        parts.append(f"<p><i>{e(t('accepted_note', lang, **f.accepted))}</i></p>")
    if f.location:
        parts.append(f"<p><small>{e(display_location(f.location))}</small></p>")
    return "\n".join(parts)


class WhatIf(Displayable):
    """Tick planned measures as if they were implemented and see the residual risks and the risk map change.

    Nothing is written: this calls :func:`dpia.analysis.risk.what_if`, which leaves the register as it is.
    """

    def __init__(self, loaded: LoadedRegister, dpia_id: str, result: CheckResult | None = None, lang: str | None = None):
        self.loaded, self.dpia_id, self.lang = loaded, dpia_id, lang
        self.findings = result.findings if result else None
        labels = {m.id: m.label.pick(lang) for m in loaded.register.measures}
        self.boxes = {
            m: w.Checkbox(value=False, description=f"{labels.get(m, m)} ({m})", indent=False)
            for m in pending_measures(loaded.register, dpia_id)
        }
        for box in self.boxes.values():
            box.observe(lambda _c: self.update(), names="value")
        self.table = w.HTML()
        self.output = w.Output()
        intro = w.HTML(html.escape(t("widget_whatif_intro", lang)))
        self.ui = w.VBox([intro, *self.boxes.values(), self.table, self.output])
        self.assessments: list = []
        self.update()

    @property
    def chosen(self) -> list[str]:
        return sorted(m for m, box in self.boxes.items() if box.value)

    def compute(self) -> list:
        """The risks with the ticked measures counted as implemented (no drawing: fast)."""
        return what_if(self.loaded.register, self.dpia_id, self.chosen, self.findings)

    def update(self) -> None:
        self.assessments = self.compute()
        self.table.value = risk_table(self.assessments, self.lang).to_html(escape=True, border=0)
        scale = get_dpia(self.loaded.register, self.dpia_id).scale
        with self.output:
            self.output.clear_output(wait=True)
            if self.assessments:
                fig = risk_map(self.assessments, scale, self.lang)
                show_figure(fig)


class RegisterPicker(Displayable):
    """Choose the register and the DPIA the workbench notebooks work on (start notebook).

    The choice is saved (:func:`dpia.settings.save_choice`) when the officer presses the button, never
    when the notebook runs; the other notebooks read it when they are run again. A register set through
    ``DPIA_REGISTER`` (``make lab EXAMPLE=...``) or a notebook parameter wins, and the status says so.
    """

    def __init__(self, loaded: LoadedRegister, dpia_id: str | None = None, lang: str | None = None):
        self.lang = lang
        current = loaded.root.resolve()
        folders = sorted({p.resolve() for p in settings.registers()} | {current})
        self.register = w.Dropdown(options=[(settings.display_path(p), str(p)) for p in folders], value=str(current),
                                   description=t("widget_register", lang), layout=w.Layout(width="36em"))
        self.dpia = w.Dropdown(description=t("widget_dpia", lang), layout=w.Layout(width="36em"))
        self.use = w.Button(description=t("widget_use_choice", lang), button_style="primary", icon="check")
        self.status = w.HTML()
        self.register.observe(lambda _c: self._load_dpias(), names="value")
        self.use.on_click(lambda _b: self.save())
        self.ui = w.VBox([self.register, self.dpia, self.use, self.status])
        self._load_dpias(dpia_id)

    def _load_dpias(self, preferred: str | None = None) -> None:
        self.status.value = ""
        try:
            reg = load(self.register.value).register
        except RegisterInvalid as exc:
            self.dpia.options = []
            self.status.value = "<br>".join(html.escape(p.render(self.lang)) for p in exc.problems[:5])
            return
        ids = sorted(d.id for d in reg.dpias)
        titles = {d.id: d.title.pick(self.lang) for d in reg.dpias}
        self.dpia.options = [(f"{titles[i]} ({i})", i) for i in ids]
        self.dpia.value = preferred if preferred in ids else (ids[0] if ids else None)

    def save(self) -> bool:
        """Remember the choice for the other notebooks; True when saved."""
        import os

        if self.dpia.value is None and not self.dpia.options:
            self.status.value = html.escape(t("widget_choice_invalid", self.lang))
            return False
        try:
            path = settings.save_choice(self.register.value, self.dpia.value)
        except OSError as exc:
            self.status.value = html.escape(t("write_failed", self.lang, reason=exc.strerror or str(exc)))
            return False
        lines = [t("widget_choice_saved", self.lang, register=settings.display_path(self.register.value),
                   dpia=self.dpia.value or "—", file=settings.display_path(path))]
        overridden = [v for v in (settings.ENV_REGISTER, settings.ENV_DPIA) if os.environ.get(v)]
        if overridden:
            lines.append(t("widget_choice_overridden", self.lang, variables=", ".join(overridden)))
        self.status.value = "<br>".join(html.escape(x) for x in lines)
        return True


# ---- removing an entry, and the views that follow every save


class EntityRemover(Displayable):
    """Delete one entry of any kind (party, system, flow, agreement, consent, access role, retention,
    measure, acceptance, ...) after a check that nothing still refers to it.

    An entry that is referred to is not deleted: the status names every entry and field that refers
    to it, so the officer changes those first. Deleting goes through the loss-free save path.
    """

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        self.result: CheckResult | None = None
        self.kind = w.Dropdown(options=[(catalogue_label("remove_kind", k, lang), k) for k in SECTIONS], value="parties",
                               description=t("remove_kind", lang))
        self.entry = w.Dropdown(description=t("remove_entry", lang), layout=w.Layout(width="40em"))
        self.confirm = w.Checkbox(value=False, description=t("remove_confirm", lang), indent=False)
        self.delete_button = w.Button(description=t("remove_button", lang), button_style="danger", icon="trash")
        self.status = w.HTML()
        self.kind.observe(lambda _c: self.refresh(), names="value")
        self.entry.observe(lambda _c: self._entry_changed(), names="value")
        self.delete_button.on_click(guarded(self, self.delete))
        self.ui = w.VBox([self.kind, self.entry, self.confirm, self.delete_button, self.status])
        self.refresh()

    def refresh(self) -> None:
        entries = sorted(getattr(self.loaded.register, self.kind.value), key=lambda e: e.id)
        keep = self.entry.value
        self.entry.options = [(_entry_label(e, self.lang), e.id) for e in entries]
        if keep in [e.id for e in entries]:
            self.entry.value = keep
        self.confirm.value = False
        self._show_references()

    def _entry_changed(self) -> None:
        self.confirm.value = False  # a confirmation is for one entry only
        self._show_references()

    def references(self) -> list[tuple[str, str, str]]:
        return references_to(self.loaded.register, self.entry.value) if self.entry.value else []

    def _show_references(self) -> None:
        refs = self.references()
        self.status.value = _references_html(self.entry.value, refs, self.lang) if refs else ""

    def delete(self) -> bool:
        """Delete the chosen entry; True when deleted. Refused while anything refers to it."""
        target = self.entry.value
        if target is None:
            return False
        refs = self.references()
        if refs:
            self.status.value = _references_html(target, refs, self.lang)
            return False
        if not self.confirm.value:
            self.status.value = html.escape(t("remove_confirm_first", self.lang))
            return False
        if not save_with(self, lambda: self.loaded.remove(target)):
            return False
        saved = self.status.value
        self.refresh()
        self.status.value = html.escape(t("remove_done", self.lang, id=target)) + "<br>" + saved
        return True


def _entry_label(entry, lang: str | None) -> str:
    for field in ("name", "label", "title"):
        value = getattr(entry, field, None)
        if value:
            return f"{value if isinstance(value, str) else (value.en if lang == 'en' else value.nl)} ({entry.id})"
    return entry.id


def _references_html(target: str, refs: list[tuple[str, str, str]], lang: str | None) -> str:
    e = html.escape
    items = "".join(f"<li>{e(catalogue_label('remove_kind', s, lang))} {e(i)} ({e(f)})</li>" for s, i, f in refs)
    return f"<p>{e(t('remove_referred', lang, id=target, count=len(refs)))}</p><ul>{items}</ul>"


class LiveViews:
    """The notebook's views of the check, kept up to date after every save in any editor or wizard.

    Tables and the summary are shown with a display id and replaced in place (IPython's
    ``update_display``) when an editor saves; steppers and editors made here follow too. The text of
    each view is the same as the static one, so nbval compares it as before.
    """

    def __init__(self, loaded: LoadedRegister, result: CheckResult, lang: str | None = None):
        import uuid

        self.loaded, self.result, self.lang = loaded, result, lang
        self.prefix = f"dpia-{uuid.uuid4().hex[:12]}"
        self.views: list[tuple[str, Callable[[], object]]] = []
        self.followers: list = []

    def _show(self, render: Callable[[], object]) -> None:
        from IPython.display import display

        display_id = f"{self.prefix}-{len(self.views)}"
        self.views.append((display_id, render))
        display(render(), display_id=display_id)

    # ---- views
    def summary(self) -> None:
        self._show(lambda: Text(findings_summary(self.result, self.lang)))

    def findings(self) -> None:
        self._show(lambda: readable(findings_table(self.result, self.lang)))

    def agreements(self) -> None:
        self._show(lambda: readable(agreements_table(self.loaded.register, self.lang)))

    def stepper(self) -> FindingsStepper:
        return self._follow(FindingsStepper(self.result, self.lang))

    # ---- editors that refresh everything when they save
    def supplier_wizard(self) -> SupplierWizard:
        return self._follow(SupplierWizard(self.loaded, self.result.on, self.lang, on_saved=self.refresh, result=self.result))

    def flow_editor(self) -> FlowEditor:
        return self._follow(FlowEditor(self.loaded, self.result.on, self.lang, on_saved=self.refresh))

    def agreement_editor(self) -> AgreementEditor:
        return self._follow(AgreementEditor(self.loaded, self.result.on, self.lang, on_saved=self.refresh))

    def remover(self) -> EntityRemover:
        return self._follow(EntityRemover(self.loaded, self.result.on, self.lang, on_saved=self.refresh))

    def entity_editor(self, kind: str = "measures"):
        """The editor of consents, access roles, retention, measures, acceptances, parties and systems
        (:class:`dpia.workbench.editors.EntityEditor`)."""
        return self._follow(EntityEditor(self.loaded, self.result.on, self.lang, on_saved=self.refresh, kind=kind))

    def _follow(self, widget):
        self.followers.append(widget)
        return widget

    def refresh(self, result: CheckResult | None = None) -> None:
        """Show ``result`` (default: a new check of the register) in every view."""
        from IPython.display import update_display

        self.result = result or recheck(self.loaded, self.result.on)
        for display_id, render in self.views:
            update_display(render(), display_id=display_id)
        for widget in self.followers:
            if isinstance(widget, FindingsStepper):
                widget.show(self.result)
            elif isinstance(widget, SupplierWizard):
                widget.result = self.result
                widget.refresh()
            else:
                widget.refresh()


# ---- transparency (notebook 06) and breaches (notebook 07)


def promises_table(register, on, lang: str | None = None):
    """The school's promises with whether each holds (for the notebook: a readable table)."""
    import pandas as pd

    rows = [{t("report_promise_col", lang): s.promise.text.pick(lang),
             t("report_promise_state", lang): t("report_promise_kept" if s.holds else "report_promise_broken", lang)}
            for s in promise_status(register, on)]
    return Table(pd.DataFrame(rows))


class LetterPreview(Displayable):
    """The letter to parents for a chosen school (a draft while a promise is broken), and the structure
    of the answer to an access request for a chosen group of data subjects."""

    def __init__(self, loaded: LoadedRegister, on, lang: str | None = None):
        import datetime as dt

        self.loaded, self.lang = loaded, lang
        self.on = dt.date.fromisoformat(on) if isinstance(on, str) else on
        reg = loaded.register
        board = [(reg.controller.name, ALL)]
        self.school = w.Dropdown(options=board + named_options(reg, [s.id for s in reg.controller.schools], lang),
                                 description=t("widget_school", lang))
        self.subject = w.Dropdown(options=named_options(reg, [s.id for s in reg.subjects], lang),
                                  description=t("widget_subject", lang))
        self.letter = w.HTML()
        self.answer = w.HTML()
        for control in (self.school, self.subject):
            control.observe(lambda _change: self.update(), names="value")
        self.ui = w.VBox([w.HBox([self.school, self.subject]), self.letter, self.answer])
        self.update()

    def update(self) -> None:
        reg = self.loaded.register
        body = letter_body(reg, self.on, self.school.value, self.lang, draft=True)
        self.letter.value = f'<div style="max-width: 42rem; line-height: 1.5">{body}</div>'
        if self.subject.value is not None:
            lines = answer_lines(reg, access_request(reg, self.subject.value, self.school.value), self.lang)
            self.answer.value = "<pre style=\"white-space: pre-wrap\">" + html.escape("\n".join(lines)) + "</pre>"


class BreachExplorer(Displayable):
    """Pick where a breach happened (or a recorded breach): what can be affected, through the data map,
    and for a recorded breach the suggested notification answer with its criteria and the time left.
    Ticking **map** also draws the data map with the part the breach can reach highlighted (drawn on
    request: a drawing takes longer than the rest of an update)."""

    def __init__(self, loaded: LoadedRegister, now=None, lang: str | None = None):
        import datetime as dt

        self.loaded, self.lang = loaded, lang
        self.now = now or dt.datetime.now(dt.timezone.utc)
        reg = loaded.register
        self.breach = w.Dropdown(options=[(t("widget_no_breach", lang), ALL)] + named_options(reg, [b.id for b in reg.breaches], lang),
                                 description=t("widget_breach", lang))
        self.place = w.Dropdown(options=named_options(reg, places(reg), lang), description=t("widget_place", lang))
        self.result = w.HTML()
        self.show_map = w.Checkbox(value=False, description=t("widget_breach_map", lang), indent=False)
        self.map = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.breach.observe(lambda _change: self._follow_breach(), names="value")
        self.place.observe(lambda _change: self.update(), names="value")
        self.show_map.observe(lambda _change: self._draw(), names="value")
        self.ui = w.VBox([w.HBox([self.breach, self.place, self.show_map]), self.result, self.map])
        self.impact = None
        self._follow_breach()

    def _follow_breach(self) -> None:
        recorded = self._recorded()
        if recorded is not None and recorded.at in dict((v, k) for k, v in self.place.options):
            self.place.value = recorded.at  # observing the place updates the view
        self.update()

    def _recorded(self):
        return next((b for b in self.loaded.register.breaches if b.id == self.breach.value), None)

    def update(self) -> None:
        reg = self.loaded.register
        recorded = self._recorded()
        if recorded is not None and recorded.at != self.place.value:
            recorded = None  # the officer looks at another place than the recorded breach's
        self.impact = impact(reg, self.place.value, tables_of(reg))
        assessment = assess_breach(reg, recorded, self.impact) if recorded else None
        lines = report_lines(reg, self.impact, assessment, recorded, self.now, self.lang)
        self.result.value = "<pre style=\"white-space: pre-wrap\">" + html.escape("\n".join(lines)) + "</pre>"
        self._draw()

    def figure(self):
        """The data map with the current place's reach highlighted (:func:`dpia.documents.datamap.impact_figure`)."""
        return impact_figure(self.loaded.register, self.impact, self.lang, tables_of(self.loaded.register))

    def _draw(self) -> None:
        if self.show_map.value and self.impact is not None:
            self.map.value = figure_bytes(self.figure(), "png")
            self.map.layout.display = None
        else:
            self.map.layout.display = "none"

    def recorder(self, on_saved: Callable[[CheckResult], None] | None = None) -> BreachRecorder:
        """A form to record a breach at the place chosen here (the two share the place dropdown); after
        a save the list of recorded breaches here follows."""
        def saved(result: CheckResult) -> None:
            reg = self.loaded.register
            self.breach.options = [(t("widget_no_breach", self.lang), ALL)] + named_options(reg, [b.id for b in reg.breaches], self.lang)
            if on_saved:
                on_saved(result)

        return BreachRecorder(self.loaded, self.now, self.lang, on_saved=saved, place=self.place)
