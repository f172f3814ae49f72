"""JupyterLab in a real browser: add a supplier through the wizard of notebook 03, see its finding
appear in the live summary, add its agreement, see the finding go, and check that the register files
keep every comment.

Needs Debian's chromium (skips without it, like tests/test_lab_browser.py). Lab serves a temporary
copy of the repository layout (notebooks/ and a copy of the example register), so neither the
reviewed notebooks nor the example are touched.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from .browser import ARGS, chromium_path, clear_dialogs, running_lab
from dpia.check import check
from dpia.io.store import load

from .conftest import EXAMPLE, ROOT
from .test_lab_browser import ARTIFACTS


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.fixture(scope="module")
def lab_on_copy(tmp_path_factory):
    chromium_path()
    root = tmp_path_factory.mktemp("labwizard")
    (root / "notebooks").mkdir()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, root / "notebooks" / nb.name)
    register = root / "data" / "omo"
    shutil.copytree(EXAMPLE, register)
    env = {"DPIA_REGISTER": str(register), "DPIA_ON": "2026-11-29", "DPIA_CHOICE": str(root / "choice.json")}
    with running_lab(root, env) as (base, token):
        yield base, token, register


def test_add_a_supplier_and_its_agreement_in_the_browser(lab_on_copy) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token, register = lab_on_copy
    blockers = check(load(register).register, dt.date(2026, 11, 29)).counts()["blocker"]  # what the summary shows first
    before = {p.name: p.read_text() for p in register.glob("*.yaml")}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/notebooks/03_overeenkomsten_en_doelen.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1, timeout=60_000)
        dialogs: list[str] = []
        name = page.locator(".widget-text", has=page.locator("label", has_text="Naam")).first.locator("input")
        for _attempt in range(3):  # the menu can open before the panel has focus, or a dialog covers it
            try:
                page.locator(".jp-Notebook .jp-Cell").first.click(timeout=15_000)
                page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=15_000)
                page.get_by_role("menuitem", name="Run All Cells", exact=True).click(timeout=15_000)
                break
            except Exception:  # noqa: BLE001 - retried, then the wait below fails with a clear message
                clear_dialogs(page, dialogs)
                page.keyboard.press("Escape")
        try:
            name.wait_for(timeout=240_000)  # the whole notebook runs first (a check per view, on a shared machine)
        except Exception:
            clear_dialogs(page, dialogs)
            page.screenshot(path=str(ARTIFACTS / "lab-wizard-failure.png"))
            raise AssertionError(f"the notebook did not run; dialogs seen: {dialogs}") from None
        summary = page.locator(".jp-OutputArea-output", has_text="Controle op 2026-11-29").first
        expect(summary).to_contain_text(f"Controle op 2026-11-29: {blockers} blokkerend")

        # 1. the new supplier, without an agreement
        name.fill("LeerApp B.V.")
        for category in ("(name)", "(class_group)", "(grades)"):
            page.locator(".widget-checkbox", has_text=category).first.locator("input").check()
        page.locator(".widget-checkbox", has_text="(p-education)").first.locator("input").check()
        page.locator(".widget-checkbox", has_text="(pupils-under-16)").first.locator("input").check()
        page.locator(".widget-checkbox", has_text="Er is een overeenkomst").first.locator("input").uncheck()
        page.get_by_role("button", name="Bekijk de bevindingen").click()
        expect(page.locator(".widget-html-content", has_text="Nog niet opgeslagen").first).to_contain_text("2 bevinding")
        # a processor without an agreement (a blocker), and a new processing of children's data that likely needs a DPIA
        preview = page.locator(".widget-html-content", has_text="DPIA201").first
        expect(preview).to_contain_text("DPIA966")
        page.get_by_role("button", name="Opslaan").first.click()
        expect(summary).to_contain_text(f"Controle op 2026-11-29: {blockers + 1} blokkerend", timeout=60_000)  # the summary above follows the save
        expect(summary).to_contain_text("f-omo-helmond-leerapp")

        # 2. its agreement: the finding goes
        party = page.locator(".widget-dropdown", has=page.locator("label", has_text="Partij")).first.locator("select")
        party.select_option(label="LeerApp B.V. (leerapp)")
        page.locator(".widget-checkbox", has_text="Voeg een gegevensstroom toe").first.locator("input").uncheck()
        page.locator(".widget-checkbox", has_text="Er is een overeenkomst").first.locator("input").check()
        page.get_by_role("button", name="Opslaan").first.click()
        expect(summary).not_to_contain_text("DPIA201 gegevensstroom 'f-omo-helmond-leerapp'", timeout=60_000)
        expect(summary).to_contain_text(f"Controle op 2026-11-29: {blockers} blokkerend")
        page.screenshot(path=str(ARTIFACTS / "lab-wizard.png"), full_page=False)
        browser.close()
    after = {p.name: p.read_text() for p in register.glob("*.yaml")}
    for file, text in before.items():
        assert comments(after[file]) == comments(text), file  # every comment kept, in order
    assert "  - id: leerapp\n" in after["parties.yaml"] and "  - id: va-leerapp\n" in after["agreements.yaml"]
