"""Widget builders for the workbench notebooks (ipywidgets).

Each builder is a small class: ``.ui`` is the widget to display, the rest is plain state and methods,
so the logic is unit-tested without a browser (set a control's ``.value``, assert the state). The
notebooks only construct and display them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as w
from .check import CheckResult, Finding, check
from .datamap import draw_datamap, select_flows
from .figures import show_figure
from .i18n import t
from .store import ChangedOnDisk, LoadedRegister, RegisterInvalid

ALL = None  # the "no filter" choice of a dropdown


def _options(ids: list[str], lang: str | None) -> list[tuple[str, str | None]]:
    return [(t("widget_all", lang), ALL)] + [(i, i) for i in sorted(ids)]


class _Displayable:
    ui: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


class DataMapExplorer(_Displayable):
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


class FindingsStepper(_Displayable):
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
        parts.append(f"<p><small>{e(f.location)}</small></p>")
    return "\n".join(parts)


class FlowEditor(_Displayable):
    """Edit one flow (destination, categories, purposes, subjects) and save it to the register files.

    Saving goes through :meth:`LoadedRegister.save`: comments kept, written atomically, refused when
    the file changed on disk or when the edit makes the register invalid. After a save the check is run
    again and ``on_saved`` (if given) receives the new result.
    """

    def __init__(
        self,
        loaded: LoadedRegister,
        on: dt.date | None = None,
        lang: str | None = None,
        on_saved: Callable[[CheckResult], None] | None = None,
    ):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        reg = loaded.register
        targets = sorted([reg.controller.id] + [s.id for s in reg.controller.schools] + [p.id for p in reg.parties] + [s.id for s in reg.systems])
        self.flow = w.Dropdown(options=sorted(f.id for f in reg.flows), description=t("widget_flow", lang))
        self.to = w.Dropdown(options=targets, description=t("widget_to", lang))
        self.categories = w.SelectMultiple(options=sorted(c.id for c in reg.data_categories), description=t("widget_categories", lang), rows=8)
        self.purposes = w.SelectMultiple(options=sorted(p.id for p in reg.purposes), description=t("widget_purposes", lang), rows=8)
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.result: CheckResult | None = None
        self.flow.observe(lambda _c: self.load_flow(), names="value")
        self.save_button.on_click(lambda _b: self.save())
        self.ui = w.VBox([self.flow, self.to, w.HBox([self.categories, self.purposes]), self.save_button, self.status])
        if self.flow.options:
            self.load_flow()

    def load_flow(self) -> None:
        flow = next(f for f in self.loaded.register.flows if f.id == self.flow.value)
        self.to.value = flow.to
        self.categories.value = tuple(sorted(flow.categories))
        self.purposes.value = tuple(sorted(flow.purposes))
        self.status.value = ""

    def save(self) -> bool:
        """Write the edit; True when saved. Problems are shown in ``status``, nothing is lost."""
        flow = next(f for f in self.loaded.register.flows if f.id == self.flow.value)
        changes = {}
        if self.to.value != flow.to:
            changes["to"] = self.to.value
        # Keep the order the officer wrote where the set is unchanged.
        if set(self.categories.value) != set(flow.categories):
            changes["categories"] = [c for c in flow.categories if c in self.categories.value] + sorted(
                set(self.categories.value) - set(flow.categories)
            )
        if set(self.purposes.value) != set(flow.purposes):
            changes["purposes"] = [p for p in flow.purposes if p in self.purposes.value] + sorted(
                set(self.purposes.value) - set(flow.purposes)
            )
        if not changes:
            self.status.value = html.escape(t("widget_nothing_to_save", self.lang))
            return False
        return _save(self, lambda: self.loaded.update(flow.id, **changes))


class AgreementEditor(_Displayable):
    """Edit one agreement's coverage, validity and deletion clause, and save it like the flow editor."""

    def __init__(
        self,
        loaded: LoadedRegister,
        on: dt.date | None = None,
        lang: str | None = None,
        on_saved: Callable[[CheckResult], None] | None = None,
    ):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        reg = loaded.register
        self.agreement = w.Dropdown(options=sorted(a.id for a in reg.agreements), description=t("widget_agreement", lang))
        self.categories = w.SelectMultiple(options=sorted(c.id for c in reg.data_categories), description=t("widget_categories", lang), rows=8)
        self.purposes = w.SelectMultiple(options=sorted(p.id for p in reg.purposes), description=t("widget_purposes", lang), rows=8)
        self.valid_until = w.DatePicker(description=t("widget_valid_until", lang))
        self.deletion = w.Checkbox(description=t("widget_deletion", lang))
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.result: CheckResult | None = None
        self.agreement.observe(lambda _c: self.load_agreement(), names="value")
        self.save_button.on_click(lambda _b: self.save())
        self.ui = w.VBox([self.agreement, w.HBox([self.categories, self.purposes]), self.valid_until, self.deletion, self.save_button, self.status])
        if self.agreement.options:
            self.load_agreement()

    def _current(self):
        return next(a for a in self.loaded.register.agreements if a.id == self.agreement.value)

    def load_agreement(self) -> None:
        a = self._current()
        self.categories.value = tuple(sorted(a.categories))
        self.purposes.value = tuple(sorted(a.purposes))
        self.valid_until.value = a.valid_until
        self.deletion.value = a.deletion_after_use
        self.status.value = ""

    def save(self) -> bool:
        a = self._current()
        changes: dict = {}
        if set(self.categories.value) != set(a.categories):
            changes["categories"] = [c for c in a.categories if c in self.categories.value] + sorted(set(self.categories.value) - set(a.categories))
        if set(self.purposes.value) != set(a.purposes):
            changes["purposes"] = [p for p in a.purposes if p in self.purposes.value] + sorted(set(self.purposes.value) - set(a.purposes))
        if self.valid_until.value != a.valid_until:
            changes["valid_until"] = self.valid_until.value
        if self.deletion.value != a.deletion_after_use:
            changes["deletion_after_use"] = self.deletion.value
        if not changes:
            self.status.value = html.escape(t("widget_nothing_to_save", self.lang))
            return False
        return _save(self, lambda: self.loaded.update(a.id, **changes))


def _save(editor, apply: Callable[[], None]) -> bool:
    """Apply an edit, save, re-check; on any refusal, undo the in-memory edit by reloading."""
    try:
        apply()
        written = editor.loaded.save()
    except (RegisterInvalid, ChangedOnDisk) as exc:
        lines = [html.escape(p.render(editor.lang)) for p in exc.problems]
        if isinstance(exc, ChangedOnDisk):  # someone else saved: their version is loaded, ours stays in the form
            lines.append(html.escape(t("widget_reloaded_keep_form", editor.lang)))
        editor.status.value = "<br>".join(lines)
        _reload(editor)
        return False
    except OSError as exc:
        editor.status.value = html.escape(t("write_failed", editor.lang, reason=exc.strerror or str(exc)))
        _reload(editor)
        return False
    editor.result = check(editor.loaded.register, editor.on, editor.loaded.where)
    counts = editor.result.counts()
    names = ", ".join(p.name for p in written)
    editor.status.value = html.escape(t("widget_saved", editor.lang, files=names, **counts))
    if editor.on_saved:
        editor.on_saved(editor.result)
    return True


def _reload(editor) -> None:
    """Drop unsaved in-memory edits: the files on disk are the truth."""
    from .store import load

    try:
        fresh = load(editor.loaded.root)
    except RegisterInvalid:
        return
    editor.loaded.register, editor.loaded.files, editor.loaded.origins = fresh.register, fresh.files, fresh.origins


class WhatIf(_Displayable):
    """Tick planned measures as if they were implemented and see the residual risks and the risk map change.

    Nothing is written: this calls :func:`dpia.risk.what_if`, which leaves the register as it is.
    """

    def __init__(self, loaded: LoadedRegister, dpia_id: str, result: CheckResult | None = None, lang: str | None = None):
        from .risk import pending_measures

        self.loaded, self.dpia_id, self.lang = loaded, dpia_id, lang
        self.findings = result.findings if result else None
        labels = {m.id: (m.label.en if lang == "en" else m.label.nl) for m in loaded.register.measures}
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
        from .risk import what_if

        return what_if(self.loaded.register, self.dpia_id, self.chosen, self.findings)

    def update(self) -> None:
        from .figures import risk_map
        from .risk import risk_table
        from .scope import get_dpia

        self.assessments = self.compute()
        self.table.value = risk_table(self.assessments, self.lang).to_html(escape=True, border=0)
        scale = get_dpia(self.loaded.register, self.dpia_id).scale
        with self.output:
            self.output.clear_output(wait=True)
            if self.assessments:
                fig = risk_map(self.assessments, scale, self.lang)
                show_figure(fig)


class RegisterPicker(_Displayable):
    """Choose the register and the DPIA the workbench notebooks work on (start notebook).

    The choice is saved (:func:`dpia.settings.save_choice`) when the officer presses the button, never
    when the notebook runs; the other notebooks read it when they are run again. A register set through
    ``DPIA_REGISTER`` (``make lab EXAMPLE=...``) or a notebook parameter wins, and the status says so.
    """

    def __init__(self, loaded: LoadedRegister, dpia_id: str | None = None, lang: str | None = None):
        from . import settings

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
        from .store import load

        self.status.value = ""
        try:
            reg = load(self.register.value).register
        except RegisterInvalid as exc:
            self.dpia.options = []
            self.status.value = "<br>".join(html.escape(p.render(self.lang)) for p in exc.problems[:5])
            return
        ids = sorted(d.id for d in reg.dpias)
        titles = {d.id: (d.title.en if self.lang == "en" else d.title.nl) for d in reg.dpias}
        self.dpia.options = [(f"{titles[i]} ({i})", i) for i in ids]
        self.dpia.value = preferred if preferred in ids else (ids[0] if ids else None)

    def save(self) -> bool:
        """Remember the choice for the other notebooks; True when saved."""
        import os

        from . import settings

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
