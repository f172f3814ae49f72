"""The register's history in git, for the officer's notebook: which earlier versions there are, and a
widget to pick one and see what changed since (``dpia.diff``, the same comparison as ``dpia diff`` and
the report's section "Wat is er veranderd sinds ...").

Versions are read with git itself (``git log`` for the list, ``git archive`` for a version, see
``dpia.io.git.materialise``); the working tree is never touched.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from dpia.io.git import run_git, VersionNotFound
from dpia.diff import as_html, as_text, diff_versions
from dpia.i18n import format_date, t
from dpia.workbench.controls import Displayable
from dpia.io.problems import RegisterInvalid

MAX_VERSIONS = 200  # the newest commits that touched the register; older ones: type a revision or date


@dataclass(frozen=True)
class Commit:
    """One committed version of the register folder."""

    commit: str
    day: dt.date
    subject: str

    def spec(self, path: str) -> str:
        return f"{self.commit}:{path}"

    def label(self, lang: str | None = None) -> str:
        subject = self.subject if len(self.subject) <= 60 else self.subject[:59].rstrip() + "…"
        return f"{format_date(self.day, lang)} — {subject} ({self.commit[:7]})"


def commits(folder: str | Path, limit: int = MAX_VERSIONS) -> list[Commit]:
    """The commits that changed ``folder`` (a register in a git repository), newest first; empty when
    the folder is not in a repository or has no history."""
    folder = Path(folder).resolve()
    if not folder.exists():
        return []
    where = folder if folder.is_dir() else folder.parent
    try:
        out = run_git(where, "log", f"--max-count={limit}", "--format=%H%x09%cs%x09%s", "--", str(folder))
    except VersionNotFound:  # no git on this machine
        return []
    found = []
    for line in (out or "").splitlines():
        commit, day, subject = (line.split("\t", 2) + ["", ""])[:3]
        found.append(Commit(commit, dt.date.fromisoformat(day), subject))
    return found


def default_version(found: list[Commit], on: dt.date) -> Commit | None:
    """The version to compare with first: the last one committed a year or more before ``on`` (last
    year's review); without one, the version before the newest (what the last commit changed)."""
    year_before = on.replace(year=on.year - 1) if not (on.month == 2 and on.day == 29) else on - dt.timedelta(days=365)
    older = [c for c in found if c.day <= year_before]
    if older:
        return older[0]
    return found[1] if len(found) > 1 else (found[0] if found else None)


class VersionDiff(Displayable):
    """Pick an earlier version of the register (a commit from its history, or a revision, a tag, a
    date or a folder typed in) and see what changed up to the register as it is now: the plain
    summary the MR reads, and the officer's list with ids and fields."""

    def __init__(self, folder: str | Path, on: dt.date, lang: str | None = None):
        import ipywidgets as w

        self.folder, self.on, self.lang = Path(folder).resolve(), on, lang
        self.commits = commits(self.folder)
        start = default_version(self.commits, on)
        self.version = w.Dropdown(options=[(c.label(lang), c.commit) for c in self.commits],
                                  value=start.commit if start else None, description=t("history_version", lang),
                                  layout=w.Layout(width="48em"), style={"description_width": "10em"})
        self.typed = w.Text(placeholder=t("history_typed_hint", lang), description=t("history_typed", lang),
                            layout=w.Layout(width="48em"), style={"description_width": "10em"})
        self.show_button = w.Button(description=t("history_show", lang), icon="history")
        self.summary = w.HTML()
        self.details = w.HTML()
        self.diff = None
        self.version.observe(lambda _c: self.update(), names="value")
        self.show_button.on_click(lambda _b: self.update())
        self.ui = w.VBox([self.version, w.HBox([self.typed, self.show_button]), self.summary, self.details])
        self.update()
        # An old version may not load under today's rules (a field that became required since): start
        # at the next newer version that does, so the first view shows changes, not an error.
        newer = [c for c in reversed(self.commits) if start and c.day >= start.day and c.commit != start.commit]
        while self.diff is None and self.commits and newer:
            self.version.value = newer.pop(0).commit  # observed: updates

    def old_spec(self) -> str | None:
        """What to compare with: the typed revision, date or folder when given, else the chosen commit."""
        typed = self.typed.value.strip()
        if typed:
            if ":" in typed or Path(typed).expanduser().is_dir():
                return typed
            return f"{typed}:{self.folder}"  # a tag, a revision or a date of this register
        return f"{self.version.value}:{self.folder}" if self.version.value else None

    def update(self) -> None:
        spec = self.old_spec()
        self.diff = None
        if spec is None:
            self.summary.value = f"<p>{html.escape(t('history_none', self.lang))}</p>"
            self.details.value = ""
            return
        try:
            self.diff = diff_versions(spec, str(self.folder), on=self.on, lang=self.lang, cwd=self.folder)
        except VersionNotFound as exc:
            self.summary.value = f"<p>{html.escape(exc.message(self.lang))}</p>"
            self.details.value = ""
            return
        except RegisterInvalid as exc:
            lines = [html.escape(p.render(self.lang)) for p in exc.problems[:20]]
            self.summary.value = (f"<p>{html.escape(t('history_old_invalid', self.lang, spec=spec))}</p>"
                                  + "<br>".join(lines))
            self.details.value = ""
            return
        since = format_date(self.diff.old_on, self.lang)
        self.summary.value = (f"<h4>{html.escape(t('diff_md_heading', self.lang, date=since))}</h4>"
                              + as_html(self.diff, self.lang))
        self.details.value = ("<details><summary>" + html.escape(t("history_details", self.lang)) + "</summary>"
                              "<pre style=\"white-space: pre-wrap\">" + html.escape(as_text(self.diff, self.lang))
                              + "</pre></details>")
