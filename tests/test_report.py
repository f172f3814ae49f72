"""The MR report: self-contained, no code, escaped, nothing confidential, renders cleanly in a browser."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpia.documents.report import build_report
from dpia.documents.confidential import confidential_values
from dpia.io.store import load

from .browser import ARGS, chromium_path
from .conftest import MINI, ROOT, write_register

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = "<script>alert('x')</script> & Co"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The report of MINI with a hostile party name and confidential values (DPO, measure detail)."""
    chromium_path()
    folder = tmp_path_factory.mktemp("report")
    files = dict(MINI)
    files["register.yaml"] = textwrap.dedent(files["register.yaml"]).replace("name: DUO", f'name: "{HOSTILE}"')
    reg = write_register(folder / "reg", files)
    html_path, pdf_path = build_report(reg, folder / "rapport.html", lang="nl", on="2026-11-29", pdf=folder / "rapport.pdf")
    return reg, html_path, pdf_path


def test_report_is_dutch_and_has_its_sections(built) -> None:
    _, html_path, _ = built
    text = html_path.read_text()
    for heading in ("Privacyrapport voor de medezeggenschapsraad", "Samenvatting", "Gegevenskaart", "Bevindingen", "Begrippen"):
        assert heading in text
    assert '<html lang="nl">' in text


def test_report_has_no_code_no_scripts_and_no_external_urls(built) -> None:
    _, html_path, _ = built
    text = html_path.read_text()
    assert "wb.report.section" not in text and "open_register" not in text
    assert "<script" not in text.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert re.search(r'<img [^>]*src="data:image/png;base64,', text)  # the data map is inline


def test_markup_in_names_is_escaped(built) -> None:
    _, html_path, _ = built
    text = html_path.read_text()
    assert "<script" not in text.lower()
    # the name now reaches the page (the data map's alt text); nbconvert re-serialises the HTML, which
    # writes the apostrophe as ' inside a double-quoted attribute: escaped either way, never markup
    assert "alert(" not in text or re.search(r"&lt;script&gt;alert\((&#x27;|&#39;|')x(&#x27;|&#39;|')\)&lt;/script&gt;", text)


def test_confidential_values_never_reach_the_report(built) -> None:
    reg, html_path, pdf_path = built
    values = confidential_values(load(reg).register)
    assert {"A. de Vries", "fg@example.nl", "secret detail"} <= set(values)
    html_text = html_path.read_text()
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "Samenvatting" in pdf_text
    for value in values:
        assert value not in html_text and value not in pdf_text


def test_report_renders_in_chromium_without_console_errors(built) -> None:
    from playwright.sync_api import sync_playwright

    _, html_path, _ = built
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html_path.resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text().startswith("Privacyrapport")
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_invalid_register_writes_nothing(tmp_path: Path, capsys) -> None:
    from dpia.cli import main

    (tmp_path / "reg").mkdir()
    (tmp_path / "reg" / "a.yaml").write_text("controller: [\n")
    assert main(["report", str(tmp_path / "reg"), "-o", str(tmp_path / "r.html")]) == 2
    assert not (tmp_path / "r.html").exists()
    assert "YAML" in capsys.readouterr().err


def test_pdf_is_a4_with_page_numbers(built) -> None:
    _, _, pdf_path = built
    pages = PdfReader(pdf_path).pages
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 in points
        assert f"pagina {i} van {len(pages)}" in page.extract_text()
