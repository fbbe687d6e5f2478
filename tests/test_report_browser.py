"""The report in a real browser: Debian's chromium, headless, driven by playwright.

Never lets playwright download a browser: the test skips when /usr/bin/chromium is absent
(CI installs it with `apt-get install chromium`). Screenshots go to tests/artifacts/ (ignored).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.export.report import write_report
from pipeline.model import Document

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).parent
FIXTURE = ROOT / "fixtures" / "report" / "qingpu-excerpt-injected-inconsistency.json"
SAMPLE = ROOT.parent / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

# distinct figures painted red (a piece covering nested marks lists them all; count the red ones)
RED_MARKS = """() => {
  const data = JSON.parse(document.getElementById('gz-data').textContent);
  const ids = new Set();
  for (const el of document.querySelectorAll('#text .hl.v-inconsistent'))
    for (const k of el.dataset.m.split(' ')) if (data.marks[k].colour === 'inconsistent') ids.add(k);
  return ids.size;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def open_report(browser: Any, doc: Document, tmp_path: Path, name: str) -> Any:
    html = tmp_path / f"{name}.html"
    write_report(doc, html)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: errors.append(req.url) if not req.url.startswith("file:") else None)
    page.goto(html.as_uri())
    page.errors = errors
    return page


def inconsistent(doc: Document) -> list[Any]:
    return [c for c in doc.checks if c.kind == "check" and c.verdict == "inconsistent"]


def test_injected_inconsistency_is_one_red_figure_with_its_arithmetic(browser: Any, tmp_path: Path) -> None:
    doc = Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    page = open_report(browser, doc, tmp_path, "injected")
    assert page.evaluate(RED_MARKS) == len(inconsistent(doc)) == 1
    assert page.locator("#n-inconsistent").inner_text() == "1"
    panel = page.locator("#panel")
    assert panel.is_hidden()
    page.locator("#text .hl.v-inconsistent").first.click()
    assert panel.is_visible()
    text = panel.inner_text()
    assert "inconsistent" in text and "share" in text
    assert inconsistent(doc)[0].explanation in text
    assert "computed\n7.6049 [7.60456, 7.60525]" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-injected.png"))
    # a figure link in the panel jumps to the table cell of a text_vs_table check
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    page.locator("#text td .hl").first.click()
    assert "text_vs_table" in panel.inner_text()
    assert page.errors == []


def test_sample_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    from pipeline.api import parse_file

    doc = parse_file(SAMPLE)
    page = open_report(browser, doc, tmp_path, "sample")
    assert page.evaluate(RED_MARKS) == len({c.id for c in inconsistent(doc)})
    data = json.loads(page.locator("#gz-data").text_content())
    assert len(data["marks"]) >= len(doc.claims)
    checked = page.locator("#text .hl:not(.v-unchecked)")
    if doc.checks and checked.count():
        first = checked.first
        keys = first.get_attribute("data-m").split()
        first.click()
        card = data["marks"][keys[0]]["checks"][0]
        explanation = doc.checks[int(card[1:])].explanation
        assert explanation in page.locator("#panel").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-sample.png"), full_page=False)
    assert page.errors == []
