"""JupyterLab in a real browser: open the data-flow notebook, run it, change a widget, see the map change.

Lab serves a temporary copy of the notebooks (so autosave never touches the reviewed outputs) on
127.0.0.1 with a random port and token, and Debian's chromium drives it through playwright.
"""

from __future__ import annotations

import shutil

import pytest

from .browser import ARGS, chromium_path, clear_dialogs, running_lab
from .conftest import EXAMPLE, ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    chromium_path()
    root = tmp_path_factory.mktemp("lab")
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, root / nb.name)
    with running_lab(root, {"DPIA_REGISTER": str(EXAMPLE)}) as (base, token):
        yield base, token


def test_datamap_widget_in_jupyterlab(lab) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token = lab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requested: list[str] = []  # every URL the page asks for, web sockets included
        page.on("request", lambda request: requested.append(request.url))
        page.on("websocket", lambda ws: requested.append(ws.url))
        page.goto(f"{base}/lab/tree/02_gegevensstromen.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1, timeout=60_000)
        dropdown = page.locator(".widget-dropdown select").first
        dialogs: list[str] = []
        # The menu can open before the notebook panel has focus, and under heavy load a dialog can
        # cover the notebook: answer it and retry.
        for _attempt in range(3):
            try:
                page.locator(".jp-Notebook .jp-Cell").first.click(timeout=15_000)
                page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=15_000)
                page.get_by_role("menuitem", name="Run All Cells", exact=True).click(timeout=15_000)
                dropdown.wait_for(timeout=60_000)
                break
            except Exception:  # noqa: BLE001 - retried, then the next wait fails with a clear message
                clear_dialogs(page, dialogs)
                page.keyboard.press("Escape")
        try:
            dropdown.wait_for(timeout=45_000)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "lab-failure.png"))
            raise AssertionError(f"the notebook did not run; dialogs seen: {dialogs}") from None
        count = page.locator(".widget-html-content", has_text="gegevensstromen").first
        expect(count).to_contain_text("21 gegevensstromen", timeout=30_000)
        dropdown.select_option(label="bsn")
        expect(count).not_to_contain_text("21 gegevensstromen", timeout=30_000)
        shown = count.inner_text()
        dropdown.scroll_into_view_if_needed()
        page.locator(".jp-OutputArea-output img").nth(1).wait_for(timeout=30_000)
        page.mouse.wheel(0, 250)
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "lab-datamap.png"), full_page=False)
        browser.close()
    flows = int(shown.split()[0])
    assert 0 < flows < 21
    # The workbench in the browser talks only to its own Lab server: no fonts, scripts or news from the internet.
    local = base.replace("http://", "")
    outside = sorted({u for u in requested if not u.startswith(("data:", "blob:")) and u.split("/")[2] != local})
    assert requested and not outside, outside
