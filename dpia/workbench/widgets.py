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
from dpia.check import check, CheckResult, Finding
from dpia.documents.datamap import draw_datamap, select_flows
from dpia.documents.figures import show_figure
from dpia.i18n import t
from dpia.io.problems import RegisterInvalid
from dpia.io.store import LoadedRegister
from dpia.workbench.controls import (catalogue_label, CheckList, Displayable, guarded, incremental, named_options, recheck, save_with, slug)

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
        from dpia.settings import display_location

        parts.append(f"<p><small>{e(display_location(f.location))}</small></p>")
    return "\n".join(parts)


class FlowEditor(Displayable):
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
        self.categories = CheckList(_category_options(reg, lang), t("widget_categories", lang))
        self.purposes = CheckList(_purpose_options(reg, lang), t("widget_purposes", lang))
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.result: CheckResult | None = None
        self.flow.observe(lambda _c: self.load_flow(), names="value")
        self.save_button.on_click(lambda _b: self.save())
        self.ui = w.VBox([self.flow, self.to, self.categories.ui, self.purposes.ui, self.save_button, self.status])
        if self.flow.options:
            self.load_flow()

    def refresh(self) -> None:
        """Take the register's current flows, targets and lists (after a save elsewhere)."""
        reg = self.loaded.register
        keep = self.flow.value
        set_options(self.to, sorted([reg.controller.id] + [s.id for s in reg.controller.schools] + [p.id for p in reg.parties] + [s.id for s in reg.systems]))
        self.categories.set_options(_category_options(reg, self.lang))
        self.purposes.set_options(_purpose_options(reg, self.lang))
        set_options(self.flow, sorted(f.id for f in reg.flows))
        if keep in self.flow.options:
            self.flow.value = keep
        if self.flow.value:
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
        return save_with(self, lambda: self.loaded.update(flow.id, **changes))


class AgreementEditor(Displayable):
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
        self.categories = CheckList(_category_options(reg, lang), t("widget_categories", lang))
        self.purposes = CheckList(_purpose_options(reg, lang), t("widget_purposes", lang))
        self.valid_from = w.DatePicker(description=t("wizard_valid_from", lang))
        self.valid_until = w.DatePicker(description=t("widget_valid_until", lang))
        self.deletion = w.Checkbox(description=t("widget_deletion", lang))
        self.security_annex = w.Text(description=t("wizard_security_annex", lang), layout=w.Layout(width="36em"))
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.result: CheckResult | None = None
        self.agreement.observe(lambda _c: self.load_agreement(), names="value")
        self.save_button.on_click(lambda _b: self.save())
        self.ui = w.VBox([self.agreement, self.categories.ui, self.purposes.ui, self.valid_from, self.valid_until,
                          self.security_annex, self.deletion, self.save_button, self.status])
        if self.agreement.options:
            self.load_agreement()

    def _current(self):
        return next(a for a in self.loaded.register.agreements if a.id == self.agreement.value)

    def refresh(self) -> None:
        """Take the register's current agreements and lists (after a save elsewhere)."""
        reg = self.loaded.register
        keep = self.agreement.value
        self.categories.set_options(_category_options(reg, self.lang))
        self.purposes.set_options(_purpose_options(reg, self.lang))
        set_options(self.agreement, sorted(a.id for a in reg.agreements))
        if keep in self.agreement.options:
            self.agreement.value = keep
        if self.agreement.value:
            self.load_agreement()

    def load_agreement(self) -> None:
        a = self._current()
        self.categories.value = tuple(sorted(a.categories))
        self.purposes.value = tuple(sorted(a.purposes))
        self.valid_from.value = a.valid_from
        self.valid_until.value = a.valid_until
        self.security_annex.value = a.security_annex or ""
        self.deletion.value = a.deletion_after_use
        self.status.value = ""

    def save(self) -> bool:
        a = self._current()
        changes: dict = {}
        if set(self.categories.value) != set(a.categories):
            changes["categories"] = [c for c in a.categories if c in self.categories.value] + sorted(set(self.categories.value) - set(a.categories))
        if set(self.purposes.value) != set(a.purposes):
            changes["purposes"] = [p for p in a.purposes if p in self.purposes.value] + sorted(set(self.purposes.value) - set(a.purposes))
        if self.valid_from.value != a.valid_from:
            changes["valid_from"] = self.valid_from.value
        if self.valid_until.value != a.valid_until:
            changes["valid_until"] = self.valid_until.value
        if (self.security_annex.value.strip() or None) != a.security_annex:
            changes["security_annex"] = self.security_annex.value.strip() or None
        if self.deletion.value != a.deletion_after_use:
            changes["deletion_after_use"] = self.deletion.value
        if not changes:
            self.status.value = html.escape(t("widget_nothing_to_save", self.lang))
            return False
        return save_with(self, lambda: self.loaded.update(a.id, **changes))


class WhatIf(Displayable):
    """Tick planned measures as if they were implemented and see the residual risks and the risk map change.

    Nothing is written: this calls :func:`dpia.analysis.risk.what_if`, which leaves the register as it is.
    """

    def __init__(self, loaded: LoadedRegister, dpia_id: str, result: CheckResult | None = None, lang: str | None = None):
        from dpia.analysis.risk import pending_measures

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
        from dpia.analysis.risk import what_if

        return what_if(self.loaded.register, self.dpia_id, self.chosen, self.findings)

    def update(self) -> None:
        from dpia.documents.figures import risk_map
        from dpia.analysis.risk import risk_table
        from dpia.analysis.scope import get_dpia

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
        from dpia import settings

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
        from dpia.io.store import load

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

        from dpia import settings

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


# ---- the "new supplier" wizard, its helpers, and views that follow every save


def _name(text, lang: str | None) -> str:
    return text.pick(lang)


def set_options(control, options) -> None:
    """Give a dropdown new ``options`` only when they differ: assigning options rebuilds the control
    in the browser, and after every save most of them are the same."""
    options = tuple(tuple(o) if isinstance(o, list) else o for o in options)
    if tuple(control.options) != options:
        control.options = options


def _category_options(reg, lang: str | None) -> list[tuple[str, str]]:
    return [(f"{_name(c.label, lang)} ({c.id})", c.id) for c in sorted(reg.data_categories, key=lambda c: c.id)]


def _purpose_options(reg, lang: str | None) -> list[tuple[str, str]]:
    return [(f"{_name(p.label, lang)} ({p.id})", p.id) for p in sorted(reg.purposes, key=lambda p: p.id)]


class SupplierWizard(Displayable):
    """Add a supplier in one form: the party, its system, the flow to it and its agreement.

    Every choice is a dropdown or a checklist from the register (data categories, purposes and
    subjects by name). **Preview** shows the findings the new entries would cause, without saving;
    **Save** writes them through the loss-free save path (comments kept, each entry next to its kind in
    the file's style) and re-runs the check. A refused save leaves nothing in memory. Saving the same
    supplier twice is refused (its id exists), so running the notebook again never adds twice.
    """

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, result: CheckResult | None = None):
        from dpia.model import AgreementKind, PartyRole, SystemKind

        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        self.result: CheckResult | None = result  # the check of the register as saved (the baseline of a preview)
        self.new_findings: list[Finding] = []
        lay = w.Layout(width="36em")
        style = {"description_width": "12em"}

        def text(key, value=""):
            return w.Text(value=value, description=t(key, lang), layout=lay, style=style)

        self.existing = w.Dropdown(description=t("wizard_existing", lang), layout=lay, style=style)
        self.name = text("wizard_name")
        self.party_id = text("wizard_id")
        roles = [r for r in PartyRole if r not in (PartyRole.CONTROLLER,)]
        self.role = w.Dropdown(options=[(catalogue_label("role", r.value, lang), r.value) for r in roles], value="processor",
                               description=t("wizard_role", lang), layout=lay, style=style)
        self.processor_of = w.Dropdown(description=t("wizard_processor_of", lang), layout=lay, style=style)
        self.country = text("wizard_country", "NL")
        self.with_system = w.Checkbox(value=True, description=t("wizard_with_system", lang), indent=False)
        self.system_name = text("wizard_system_name")
        self.system_kind = w.Dropdown(options=[(catalogue_label("wizard_systemkind", k.value, lang), k.value) for k in SystemKind],
                                      value="other", description=t("wizard_system_kind", lang), layout=lay, style=style)
        self.with_flow = w.Checkbox(value=True, description=t("wizard_with_flow", lang), indent=False)
        self.source = w.Dropdown(description=t("wizard_from", lang), layout=lay, style=style)
        self.target = w.Dropdown(description=t("wizard_to", lang), layout=lay, style=style)
        self.channel = text("wizard_channel")
        self.with_agreement = w.Checkbox(value=True, description=t("wizard_with_agreement", lang), indent=False)
        self.agreement_kind = w.Dropdown(options=[(catalogue_label("wizard_agreementkind", k.value, lang), k.value) for k in AgreementKind],
                                         value="model_4_0", description=t("wizard_agreement_kind", lang), layout=lay, style=style)
        self.valid_from = w.DatePicker(description=t("wizard_valid_from", lang), style=style)
        self.valid_until = w.DatePicker(description=t("widget_valid_until", lang), style=style)
        self.deletion = w.Checkbox(value=True, description=t("widget_deletion", lang), indent=False)
        self.security_annex = text("wizard_security_annex")
        self.privacy_annex = text("wizard_privacy_annex")
        self.preview_button = w.Button(description=t("wizard_preview", lang), icon="search")
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.findings = w.HTML()
        self._id_edited = False
        self.name.observe(lambda _c: self._name_changed(), names="value")
        self.existing.observe(lambda _c: self._existing_changed(), names="value")
        self.with_system.observe(lambda _c: self._targets(), names="value")
        self.party_id.observe(lambda _c: self._id_changed(), names="value")
        self.preview_button.on_click(guarded(self, self.preview))
        self.save_button.on_click(guarded(self, self.save))
        self.refresh()

    # ---- building the form from the register (again after every save)
    def refresh(self) -> None:
        reg = self.loaded.register
        lang = self.lang
        set_options(self.processor_of, [("—", None)] + [(f"{p.name} ({p.id})", p.id) for p in sorted(reg.parties, key=lambda p: p.id)
                                                         if p.role.value in ("processor", "sub_processor")])
        sources = [(f"{reg.controller.name} ({reg.controller.id})", reg.controller.id)]
        sources += [(f"{s.name} ({s.id})", s.id) for s in reg.controller.schools]
        sources += [(f"{s.name} ({s.id})", s.id) for s in sorted(reg.systems, key=lambda s: s.id)]
        sources += [(f"{_name(s.label, lang)} ({s.id})", s.id) for s in sorted(reg.subjects, key=lambda s: s.id)]
        keep_existing = self.existing.value
        set_options(self.existing, [(t("wizard_new_party", lang), None)] + [(f"{p.name} ({p.id})", p.id) for p in sorted(reg.parties, key=lambda p: p.id)])
        self.existing.value = keep_existing if keep_existing in {p.id for p in reg.parties} else None
        self._targets()
        keep = self.source.value
        set_options(self.source, sources)
        self.source.value = keep if keep in [v for _, v in sources] else reg.controller.id
        lists = {"categories": (_category_options(reg, lang), "widget_categories"),
                 "purposes": (_purpose_options(reg, lang), "widget_purposes"),
                 "subjects": ([(f"{_name(s.label, lang)} ({s.id})", s.id) for s in sorted(reg.subjects, key=lambda s: s.id)],
                              "wizard_subjects")}
        for attr, (options, key) in lists.items():  # built once; after a save the ticks that remain stay
            if hasattr(self, attr):
                getattr(self, attr).set_options(options)
            else:
                setattr(self, attr, CheckList(options, t(key, lang)))
        if getattr(self, "ui", None) is not None:
            return
        h = lambda key: w.HTML(f"<h4>{html.escape(t(key, lang))}</h4>")  # noqa: E731
        self.ui = w.VBox([
            h("wizard_step_party"), self.existing, self.name, self.party_id, self.role, self.processor_of, self.country,
            h("wizard_step_system"), self.with_system, self.system_name, self.system_kind,
            h("wizard_step_flow"), self.with_flow, self.source, self.target, self.categories.ui, self.purposes.ui, self.subjects.ui, self.channel,
            h("wizard_step_agreement"), self.with_agreement, self.agreement_kind, self.valid_from, self.valid_until,
            self.deletion, self.security_annex, self.privacy_annex,
            w.HBox([self.preview_button, self.save_button]), self.status, self.findings,
        ])

    def _existing_changed(self) -> None:
        """An existing party: its fields are shown, not edited; only the new flow, system or agreement is added."""
        party = next((p for p in self.loaded.register.parties if p.id == self.existing.value), None)
        for control in (self.name, self.party_id, self.role, self.processor_of, self.country):
            control.disabled = party is not None
        if party is not None:
            self._setting_id = True
            self.name.value, self.party_id.value, self.role.value = party.name, party.id, party.role.value
            self._setting_id = False
            self.country.value = party.location.country if party.location else ""
            self.with_system.value = False
        self._targets()

    def _targets(self) -> None:
        """Where the flow goes for an existing party: the party itself or one of its systems."""
        pid = self.existing.value
        systems = sorted(s.id for s in self.loaded.register.systems if pid and s.operated_by == pid)
        options = [(i, i) for i in systems] + ([(pid, pid)] if pid else [])
        set_options(self.target, options)
        self.target.value = options[0][1] if options else None
        self.target.disabled = not pid or self.with_system.value

    def _name_changed(self) -> None:
        if not self._id_edited:
            self._setting_id = True
            self.party_id.value = slug(self.name.value)
            self._setting_id = False
        if not self.system_name.value or self.system_name.value == getattr(self, "_last_name", ""):
            self.system_name.value = self.name.value
        self._last_name = self.name.value

    def _id_changed(self) -> None:
        if not getattr(self, "_setting_id", False):
            self._id_edited = bool(self.party_id.value)

    # ---- the entries the form describes
    @property
    def ids(self) -> dict[str, str]:
        pid = self.party_id.value.strip()
        sid = slug(self.system_name.value) or pid
        if sid == pid:
            sid = f"{pid}-app"
        to = self.target.value if self.existing.value and not self.with_system.value else pid
        return {"party": pid, "system": sid, "flow": f"f-{self.source.value}-{to}", "agreement": f"va-{pid}"}

    def entries(self) -> list[tuple[str, dict, dict | None]]:
        """``(section, entry, near)`` for every entry the form adds, in the register's YAML names."""
        ids = self.ids
        party: dict = {"id": ids["party"], "name": self.name.value.strip(), "role": self.role.value}
        if self.role.value == "sub_processor" and self.processor_of.value:
            party["processor_of"] = self.processor_of.value
        if self.country.value.strip():
            party["location"] = {"country": self.country.value.strip().upper()}
        out: list[tuple[str, dict, dict | None]] = [] if self.existing.value else [("parties", party, {"role": self.role.value})]
        to = self.target.value if self.existing.value else ids["party"]
        if self.with_system.value:
            out.append(("systems", {"id": ids["system"], "name": self.system_name.value.strip() or party["name"],
                                    "kind": self.system_kind.value, "operated_by": ids["party"]}, None))
            to = ids["system"]
        flow: dict = {"id": ids["flow"], "from": self.source.value, "to": to, "categories": list(self.categories.value),
                      "purposes": list(self.purposes.value), "subjects": list(self.subjects.value)}
        if self.channel.value.strip():
            flow["channel"] = self.channel.value.strip()
        if self.with_agreement.value:
            agreement: dict = {"id": ids["agreement"], "kind": self.agreement_kind.value, "parties": [ids["party"]],
                               "categories": list(self.categories.value), "purposes": list(self.purposes.value)}
            for key, control in (("valid_from", self.valid_from), ("valid_until", self.valid_until)):
                if control.value:
                    agreement[key] = control.value
            agreement["deletion_after_use"] = bool(self.deletion.value)
            if self.privacy_annex.value.strip():
                agreement["privacy_annex_version"] = self.privacy_annex.value.strip()
            if self.security_annex.value.strip():
                agreement["security_annex"] = self.security_annex.value.strip()
            out.append(("agreements", agreement, None))
            flow["agreement"] = ids["agreement"]
        if self.with_flow.value:
            out.append(("flows", flow, None))
        return out

    def uncovered_flows(self) -> list[str]:
        """For a new agreement with an existing party: its flows (to it or its systems) that name no agreement.

        They get the new agreement, as the officer means by "add its agreement"."""
        pid = self.existing.value
        if not (pid and self.with_agreement.value):
            return []
        reg = self.loaded.register
        holders = {pid} | {s.id for s in reg.systems if s.operated_by == pid}
        return sorted(f.id for f in reg.flows if f.to in holders and not f.agreement)

    def problems(self) -> list[str]:
        """What the form still lacks, in the officer's language (checked before anything is applied)."""
        out = []
        if not self.name.value.strip():
            out.append(t("wizard_need_name", self.lang))
        if not self.categories.value and (self.with_flow.value or self.with_agreement.value):
            out.append(t("wizard_need_categories", self.lang))
        if not self.entries():
            out.append(t("wizard_nothing_to_add", self.lang))
        taken = set(self.loaded.register.index())
        for section, entry, _near in self.entries():
            if entry["id"] and entry["id"] in taken:
                out.append(t("wizard_id_taken", self.lang, id=entry["id"]))
        return out

    def _baseline(self) -> set[str]:
        if self.result is None:
            self.result = recheck(self.loaded, self.on)
        return {f.id for f in self.result.findings}

    def _apply(self) -> None:
        for section, entry, near in self.entries():
            self.loaded.add(section, entry, near=near)
        for flow in self.uncovered_flows():
            self.loaded.update(flow, agreement=self.ids["agreement"])

    # ---- preview and save
    def preview(self) -> list[Finding]:
        """The findings the new entries would cause (not yet in the register's check); nothing is saved."""
        from dpia.io.problems import ChangedOnDisk

        self.findings.value = ""
        problems = self.problems()
        if problems:
            self.status.value = "<br>".join(html.escape(p) for p in problems)
            return []
        before = self._baseline()
        try:
            self._apply()
            fresh = self.loaded.preview()
        except (RegisterInvalid, ChangedOnDisk) as exc:
            self.status.value = "<br>".join(html.escape(p.render(self.lang)) for p in exc.problems)
            return []
        finally:
            self.loaded.discard()
        after = check(fresh.register, self.on, fresh.where, fresh.module_of, incremental=incremental(self.loaded))
        self.new_findings = [f for f in after.findings if f.id not in before]
        self.status.value = html.escape(t("wizard_preview_count", self.lang, count=len(self.new_findings)))
        self.findings.value = _findings_list_html(self.new_findings, self.lang)
        return self.new_findings

    def save(self) -> bool:
        """Write the new entries; True when saved. A refusal is shown in ``status`` and leaves nothing in memory."""
        self.findings.value = ""
        problems = self.problems()
        if problems:
            self.status.value = "<br>".join(html.escape(p) for p in problems)
            return False
        before = self._baseline()
        if not save_with(self, self._apply):
            return False
        self.new_findings = [f for f in self.result.findings if f.id not in before]
        self.findings.value = _findings_list_html(self.new_findings, self.lang)
        self.refresh()
        return True


def _findings_list_html(findings: list[Finding], lang: str | None) -> str:
    e = html.escape
    if not findings:
        return f"<p>{e(t('wizard_no_new_findings', lang))}</p>"
    items = "".join(f"<li><b>{e(t('severity_' + f.severity.value, lang))}</b> {e(f.code)}: {e(f.message(lang))}</li>" for f in findings)
    return f"<ul>{items}</ul>"


class EntityRemover(Displayable):
    """Delete one entry of any kind (party, system, flow, agreement, consent, access role, retention,
    measure, acceptance, ...) after a check that nothing still refers to it.

    An entry that is referred to is not deleted: the status names every entry and field that refers
    to it, so the officer changes those first. Deleting goes through the loss-free save path.
    """

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None):
        from dpia.model import SECTIONS

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
        from dpia.model import references_to

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
            return f"{value if isinstance(value, str) else _name(value, lang)} ({entry.id})"
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
        from dpia.documents.inventory import findings_summary
        from dpia.workbench.display import Text

        self._show(lambda: Text(findings_summary(self.result, self.lang)))

    def findings(self) -> None:
        from dpia.documents.inventory import findings_table
        from dpia.workbench.display import readable

        self._show(lambda: readable(findings_table(self.result, self.lang)))

    def agreements(self) -> None:
        from dpia.documents.inventory import agreements_table
        from dpia.workbench.display import readable

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
        from dpia.workbench.editors import EntityEditor

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

    from dpia.workbench.display import Table
    from dpia.analysis.promises import promise_status

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
        from dpia.analysis.access_request import access_request, answer_lines
        from dpia.documents.letter import letter_body

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
        places = [reg.controller.id, *(s.id for s in reg.controller.schools), *(p.id for p in reg.parties),
                  *(s.id for s in reg.systems)]
        self.breach = w.Dropdown(options=[(t("widget_no_breach", lang), ALL)] + named_options(reg, [b.id for b in reg.breaches], lang),
                                 description=t("widget_breach", lang))
        self.place = w.Dropdown(options=named_options(reg, places, lang), description=t("widget_place", lang))
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
        from dpia.analysis.breach import assess_breach, impact, report_lines

        reg = self.loaded.register
        recorded = self._recorded()
        if recorded is not None and recorded.at != self.place.value:
            recorded = None  # the officer looks at another place than the recorded breach's
        self.impact = impact(reg, self.place.value, _tables_of(reg))
        assessment = assess_breach(reg, recorded, self.impact) if recorded else None
        lines = report_lines(reg, self.impact, assessment, recorded, self.now, self.lang)
        self.result.value = "<pre style=\"white-space: pre-wrap\">" + html.escape("\n".join(lines)) + "</pre>"
        self._draw()

    def figure(self):
        """The data map with the current place's reach highlighted (:func:`dpia.documents.datamap.impact_figure`)."""
        from dpia.documents.datamap import impact_figure

        return impact_figure(self.loaded.register, self.impact, self.lang, _tables_of(self.loaded.register))

    def _draw(self) -> None:
        from dpia.documents.figures import figure_bytes

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


class BreachRecorder(Displayable):
    """Record a breach in the register's breach log (``breaches``), through the loss-free save path.

    The form: an id (suggested from the date and the place), a title, when it was discovered (a date
    and a time in Dutch time), who reported it, where it happened, what happened (confidentiality,
    integrity, availability), the data and the people involved (ticked beforehand with what the
    register says reaches the place, :func:`dpia.analysis.breach.impact`), what was done, and the decisions on
    notifying when already taken. **Save** writes one entry at the end of the breach log (comments
    kept); a refused save (a discovery in the future, an unknown place) shows the located problems and
    leaves nothing in memory. Saving the same id twice is refused, so running the notebook again never
    records a breach twice. With ``place`` (the explorer's dropdown) the recorder follows the explorer.
    """

    def __init__(self, loaded: LoadedRegister, now: dt.datetime | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, place: w.Dropdown | None = None):
        from dpia.analysis.breach import DUTCH_TIME
        from dpia.model import BreachNature, NotifyDecision

        self.loaded, self.lang, self.on_saved = loaded, lang, on_saved
        self.now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(DUTCH_TIME)
        self.on = self.now.date()
        self.result: CheckResult | None = None
        reg = loaded.register
        lay, style = w.Layout(width="36em"), {"description_width": "12em"}
        self.place = place or w.Dropdown(options=named_options(reg, _places(reg), lang))
        self.place.description = t("widget_place", lang)
        self.breach_id = w.Text(description=t("recorder_id", lang), layout=lay, style=style)
        self.title = w.Text(description=t("recorder_title", lang), layout=lay, style=style)
        self.date = w.DatePicker(value=self.now.date(), description=t("recorder_date", lang), style=style)
        self.time = w.TimePicker(value=self.now.time().replace(second=0, microsecond=0, tzinfo=None),
                                 description=t("recorder_time", lang), style=style)
        self.reported_by = w.Dropdown(description=t("recorder_reported_by", lang), layout=lay, style=style)
        self.nature = CheckList([(t(f"form_nature_{n.value}", lang), n.value) for n in BreachNature], t("recorder_nature", lang))
        self.categories = CheckList([], t("widget_categories", lang))
        self.subjects = CheckList([], t("wizard_subjects", lang))
        self.measures = w.Textarea(description=t("recorder_measures", lang), layout=w.Layout(width="36em", height="5em"), style=style)
        decisions = [("—", None)] + [(t(f"recorder_decision_{d.value}", lang), d.value) for d in NotifyDecision]
        self.ap = w.Dropdown(options=decisions, description=t("recorder_ap", lang), layout=lay, style=style)
        self.ap_reason = w.Text(description=t("recorder_reason", lang), layout=lay, style=style)
        self.informed = w.Dropdown(options=decisions, description=t("recorder_subjects", lang), layout=lay, style=style)
        self.informed_reason = w.Text(description=t("recorder_reason", lang), layout=lay, style=style)
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self._suggested = ""
        self.place.observe(lambda _c: self._place_changed(), names="value")
        self.date.observe(lambda _c: self._suggest_id(), names="value")
        self.save_button.on_click(guarded(self, self.save))
        self.ui = w.VBox()
        self.refresh()

    def refresh(self) -> None:
        """The choices from the register (again after a save)."""
        reg, lang = self.loaded.register, self.lang
        keep = self.reported_by.value
        reporters = [(reg.controller.name, reg.controller.id)] + named_options(reg, [p.id for p in reg.parties], lang)
        self.reported_by.options = [("—", None)] + reporters
        self.reported_by.value = keep if keep in [v for _, v in reporters] else None
        self.categories.set_options(named_options(reg, [c.id for c in reg.data_categories], lang), ())
        self.subjects.set_options(named_options(reg, [s.id for s in reg.subjects], lang), ())
        self._place_changed()
        self.ui.children = [self.breach_id, self.title, w.HBox([self.date, self.time]), self.reported_by, self.place,
                            self.nature.ui, self.categories.ui, self.subjects.ui, self.measures,
                            w.HBox([self.ap, self.ap_reason]), w.HBox([self.informed, self.informed_reason]),
                            self.save_button, self.status]

    def _place_changed(self) -> None:
        """Tick the data and the people that reach the new place, by the register."""
        from dpia.analysis.breach import impact

        found = impact(self.loaded.register, self.place.value, _tables_of(self.loaded.register))
        self.categories.value, self.subjects.value = found.categories, found.subjects
        self._suggest_id()

    def _suggest_id(self) -> None:
        """``lek-2026-11-28-snelsms`` while the officer has not typed an id of their own."""
        if self.breach_id.value in ("", self._suggested) and self.date.value and self.place.value:
            self._suggested = f"lek-{self.date.value.isoformat()}-{self.place.value}"
            self.breach_id.value = self._suggested

    def discovered_at(self) -> dt.datetime | None:
        from dpia.analysis.breach import DUTCH_TIME

        if self.date.value is None or self.time.value is None:
            return None
        return dt.datetime.combine(self.date.value, self.time.value.replace(tzinfo=None), DUTCH_TIME)

    def entry(self) -> dict:
        """The breach as it will be written (only the fields filled in)."""
        out: dict = {"id": self.breach_id.value.strip(), "title": self.title.value.strip(),
                     "discovered_at": self.discovered_at()}
        if self.reported_by.value:
            out["reported_by"] = self.reported_by.value
        out["at"] = self.place.value
        out["nature"] = list(self.nature.value)
        for key, box in (("categories", self.categories), ("subjects", self.subjects)):
            if box.value:
                out[key] = list(box.value)
        measures = [line.strip() for line in self.measures.value.splitlines() if line.strip()]
        if measures:
            out["measures_taken"] = measures
        for key, decision, reason in (("ap", self.ap, self.ap_reason), ("data_subjects", self.informed, self.informed_reason)):
            if decision.value:
                out[key] = {"decision": decision.value, "decided_at": max(self.now, out["discovered_at"] or self.now)}
                if reason.value.strip():
                    out[key]["reason"] = reason.value.strip()
        return out

    def problems(self) -> list[str]:
        """What the form misses before saving (the register's own checks come with the save)."""
        entry, lang = self.entry(), self.lang
        out = [t(f"recorder_missing_{key}", lang) for key in ("id", "title", "discovered_at", "nature") if not entry.get(key)]
        if entry["id"] and entry["id"] in self.loaded.register.index():
            out.append(t("recorder_id_taken", lang, id=entry["id"]))
        return out

    def save(self) -> bool:
        """Write the breach; True when saved. A refusal is shown in ``status`` and leaves nothing in memory."""
        problems = self.problems()
        if problems:
            self.status.value = "<br>".join(html.escape(p) for p in problems)
            return False
        entry = self.entry()
        if not save_with(self, lambda: self.loaded.add("breaches", entry)):
            return False
        self.status.value = html.escape(t("recorder_saved", self.lang, id=entry["id"])) + "<br>" + self.status.value
        self.refresh()
        return True


def _places(reg) -> list[str]:
    """Where a breach can happen: the board, its schools, the parties and the systems."""
    return [reg.controller.id, *(s.id for s in reg.controller.schools), *(p.id for p in reg.parties), *(s.id for s in reg.systems)]


def _tables_of(register):
    """The tables of ``register`` (``dpia.analysis.tables.Tables``), built once per register object: a widget
    update then only selects rows (a save loads a new register object, so new tables)."""
    from dpia.analysis.tables import Tables

    cached = getattr(_tables_of, "last", None)
    if cached is None or cached[0] is not register:
        cached = (register, Tables(register))
        _tables_of.last = cached
    return cached[1]
