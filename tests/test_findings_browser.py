"""The findings table of a batch report in a real browser (issue #15): filter, sort, follow a row.

Debian's chromium, headless, driven by playwright (skips without /usr/bin/chromium, as the
report's own browser test does). The batch runs on the corpus, so the table holds real findings.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from tests.test_report_browser import CHROMIUM, browser  # noqa: F401 - the shared headless-chromium fixture

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

VISIBLE_ROWS = "() => Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => !r.hidden)"
VISIBLE = VISIBLE_ROWS + ".map(r => ({rule: r.dataset.rule, verdict: r.dataset.verdict, severity: Number(r.dataset.severity)}))"


@pytest.fixture(scope="module")
def batch_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("findings")
    src, out = root / "in", root / "out"
    shutil.copytree(ROOT / "corpus", src)
    assert main(["batch", str(src), "-o", str(out), "--report", "-q"]) == 0
    return out / "report" / "index.html"


def test_findings_table_filters_sorts_and_links_to_the_figure(browser: Any, batch_index: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: errors.append(req.url) if not req.url.startswith("file:") else None)
    page.goto(batch_index.as_uri())

    # by default only inconsistent findings are shown; the toggle adds the unverifiable ones
    shown = page.evaluate(VISIBLE)
    assert shown and {r["verdict"] for r in shown} == {"inconsistent"}
    assert page.locator("#f-count").inner_text() == str(len(shown))
    page.locator("#f-unverifiable").check()
    everything = page.evaluate(VISIBLE)
    assert len(everything) > len(shown) and "unverifiable" in {r["verdict"] for r in everything}

    # filter by rule: only that rule's rows remain
    rule = sorted({r["rule"] for r in everything})[-1]
    page.locator("#f-rule").select_option(rule)
    filtered = page.evaluate(VISIBLE)
    assert filtered and {r["rule"] for r in filtered} == {rule}
    assert len(filtered) == sum(1 for r in everything if r["rule"] == rule)
    page.locator("#f-rule").select_option("")

    # sort by severity: inconsistent-major first, then down
    page.locator("th[data-sort=severity]").click()
    ranks = [r["severity"] for r in page.evaluate(VISIBLE)]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1]
    page.locator("th[data-sort=severity]").click()
    ranks = [r["severity"] for r in page.evaluate(VISIBLE)]
    assert ranks == sorted(ranks)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "findings-table.png"), full_page=False)

    # follow the first inconsistent row to its figure: the document page opens on that figure
    page.locator("th[data-sort=severity]").click()
    row = page.locator("#findings-table tbody tr.v-inconsistent").first
    href = row.locator("a").first.get_attribute("href")
    key = href.split("#", 1)[1]
    row.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert "inconsistent" in panel.inner_text()
    assert page.locator(f'.hl.selected[data-m~="{key}"]').count() >= 1
    assert errors == []
