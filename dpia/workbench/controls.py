"""The building blocks of the workbench's forms and views: a displayable widget, a checklist,
guarded callbacks, labels from the catalogue, options named for people, and the one save path of
every form (apply, save, re-check; undo in memory on any refusal)."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from dpia.i18n import t
import datetime as dt
from dpia.check import check, CheckResult, Incremental
from dpia.io.problems import ChangedOnDisk, RegisterInvalid
from dpia.io.store import LoadedRegister
from dpia.i18n import has
from dpia.io.store import load
from dpia.model.names import name_of
from dpia.analysis.tables import Tables


class Displayable:
    ui: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def save_with(editor, apply: Callable[[], None]) -> bool:
    """Apply an edit, save, re-check; on any refusal, undo the in-memory edit by reloading."""
    try:
        apply()
        written = editor.loaded.save()
    except (RegisterInvalid, ChangedOnDisk) as exc:
        lines = [html.escape(p.render(editor.lang)) for p in exc.problems]
        if isinstance(exc, ChangedOnDisk):  # someone else saved: their version is loaded, ours stays in the form
            lines.append(html.escape(t("widget_reloaded_keep_form", editor.lang)))
        editor.status.value = "<br>".join(lines)
        reload_from_disk(editor)
        return False
    except OSError as exc:
        editor.status.value = html.escape(t("write_failed", editor.lang, reason=exc.strerror or str(exc)))
        reload_from_disk(editor)
        return False
    editor.result = recheck(editor.loaded, editor.on)
    names = ", ".join(p.name for p in written)
    editor.status.value = html.escape(t("widget_saved", editor.lang, files=names, **editor.result.counted(editor.lang)))
    if editor.on_saved:
        editor.on_saved(editor.result)
    return True


def catalogue_label(prefix: str, value: str, lang: str | None) -> str:
    """The catalogue's name for an enum value (``role_processor``), else the value itself."""

    key = f"{prefix}_{value}"
    return t(key, lang) if has(key) else value


def slug(text: str) -> str:
    """An id made from a name: lower case, letters and digits joined by '-', without a legal form.

    >>> slug("LeerApp B.V."), slug("Café Noord & Zn")
    ('leerapp', 'cafe-noord-zn')
    """
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"[\s,]+(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|ltd\.?|gmbh|inc\.?|s\.?a\.?)\s*$", "", plain)
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class CheckList(Displayable):
    """Checkboxes for a set of ids: ticking one never drops the others (as a plain click in a
    multi-select list does). ``value`` is the ticked ids, in the order of the options."""

    def __init__(self, options: list[tuple[str, str]], description: str, value=()):
        self.grid = w.Box([], layout=w.Layout(display="flex", flex_flow="row wrap"))
        self.ui = w.VBox([w.HTML(f"<b>{html.escape(description)}</b>"), self.grid])
        self.boxes: dict[str, w.Checkbox] = {}
        self.set_options(options, value)

    def set_options(self, options: list[tuple[str, str]], value=None) -> None:
        """New options (after a save elsewhere); the ticks of options that remain stay. The boxes of
        options that remain are kept (a new widget per box and save made every save slow)."""
        ticked = set(self.value if value is None else value)
        old, boxes = self.boxes, {}
        for label, v in options:
            box = old.pop(v, None)
            if box is None:
                box = w.Checkbox(value=v in ticked, description=label, indent=False, layout=w.Layout(width="24em"))
            else:
                if box.description != label:
                    box.description = label
                box.value = v in ticked
            boxes[v] = box
        for box in old.values():
            box.close()
        order = [v for _, v in options]
        self.boxes = boxes
        if order != getattr(self, "order", None):
            self.order = order
            self.grid.children = list(boxes.values())

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(v for v in getattr(self, "order", []) if self.boxes[v].value)

    @value.setter
    def value(self, ids) -> None:
        for v, box in self.boxes.items():
            box.value = v in ids


def guarded(widget, action: Callable[[], object]) -> Callable[[object], None]:
    """A button handler that shows any failure in the widget's status line, never as a traceback."""

    def handler(_button) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - the officer sees a message, the register stays as it was
            widget.status.value = html.escape(t("widget_failed", widget.lang, reason=str(exc) or type(exc).__name__))
            try:
                widget.loaded.discard()
            except Exception:  # noqa: BLE001
                pass

    return handler


def named_options(register, ids: list[str], lang: str | None, officer: bool = False) -> list[tuple[str, str]]:
    """Dropdown options named for people (``officer``: "Name (id)"), sorted by name, the id as the value."""
    return sorted(((name_of(register, i, lang, officer), i) for i in ids), key=lambda o: (o[0].lower(), o[1]))


def set_options(control, options) -> None:
    """Give a dropdown new ``options`` only when they differ: assigning options rebuilds the control
    in the browser, and after every save most of them are the same."""
    options = tuple(tuple(o) if isinstance(o, list) else o for o in options)
    if tuple(control.options) != options:
        control.options = options


def tables_of(register):
    """The tables of ``register`` (``dpia.analysis.tables.Tables``), built once per register object: a widget
    update then only selects rows (a save loads a new register object, so new tables)."""
    cached = getattr(tables_of, "last", None)
    if cached is None or cached[0] is not register:
        cached = (register, Tables(register))
        tables_of.last = cached
    return cached[1]


def incremental(loaded: LoadedRegister) -> Incremental:
    """The incremental check that follows this register through its edits in the workbench (kept with
    it, so every editor and view of one register shares it)."""
    found = loaded.__dict__.get("_incremental")
    if found is None:
        found = loaded.__dict__["_incremental"] = Incremental()
    return found


def recheck(loaded: LoadedRegister, on: dt.date | None) -> CheckResult:
    """The check of the register as it is now, re-running only the rules an edit concerns."""
    return check(loaded.register, on, loaded.where, loaded.module_of, incremental=incremental(loaded))


def reload_from_disk(editor) -> None:
    """Drop unsaved in-memory edits: the files on disk are the truth."""
    try:
        fresh = load(editor.loaded.root)
    except RegisterInvalid:
        return
    editor.loaded.register, editor.loaded.files, editor.loaded.origins = fresh.register, fresh.files, fresh.origins
