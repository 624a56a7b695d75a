"""The HTML report in a real headless browser: it renders fast, filters work, nothing runs but ours.

Uses Debian's chromium driven by Playwright; skips with the reason when either is absent
(``.ci/run`` installs both).
"""

from __future__ import annotations

import io
import re
import shutil
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import SEED
from test_report_common import HOSTILE_TITLE, DemoCasualtyRule, sample_result

from citecheck.api import Result
from citecheck.report import render

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
RENDER_BUDGET_S = 2.0


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Page:
    """A loaded report page and everything it tried to do: console messages, dialogs, requests."""

    def __init__(self, browser: Any, results: list[Result], tmp_path: Path) -> None:
        out = io.StringIO()
        render("html", results, out)
        self.file = tmp_path / "report.html"
        self.file.write_text(out.getvalue(), encoding="utf-8")
        self.page = browser.new_page(viewport={"width": 1100, "height": 1400})
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda exc: self.console.append(f"pageerror: {exc}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        started = time.monotonic()
        self.page.goto(self.file.as_uri(), wait_until="load")
        self.page.wait_for_selector("#shown:not(:empty)")
        self.load_seconds = time.monotonic() - started

    def visible_codes(self) -> list[str]:
        return [el.get_attribute("data-code") for el in self.page.query_selector_all(".finding")
                if el.is_visible()]

    def close(self) -> None:
        self.page.close()


def check_cc201_filter(page: Page, expected: int) -> None:
    """Every finding passes the filters at first (a long report keeps them in folded sections);
    choosing a rule shows its findings, unfolded."""
    assert len(page.page.query_selector_all(".finding:not(.hidden)")) == len(page.page.query_selector_all(".finding"))
    page.page.select_option("#rule", "CC201")
    codes = page.visible_codes()
    assert codes and set(codes) == {"CC201"} and len(codes) == expected
    page.page.select_option("#rule", "")


def test_sample_report_in_chromium(browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    result = sample_result()
    page = Page(browser, [result], tmp_path)
    try:
        assert page.load_seconds < RENDER_BUDGET_S
        check_cc201_filter(page, 1)
        page.page.uncheck("input[data-severity=error]")
        assert sorted(page.visible_codes()) == ["CC102", "CC303", "CC901"]
        page.page.check("input[data-severity=error]")
        page.page.fill("#search", "displaced")
        assert page.visible_codes() == ["CC501"]
        page.page.fill("#search", "independent source")
        assert page.visible_codes() == [], "rule explanations are not searched, only claims"
        page.page.fill("#search", "no such words anywhere")
        assert page.visible_codes() == [] and page.page.is_visible("#empty")
        page.page.fill("#search", "")
        assert page.page.inner_text("section.file h2") == HOSTILE_TITLE, "the title shows as text"
        shot = tmp_path / "sample-report.png"
        page.page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert page.dialogs == [], "article text must never run as script"
        assert page.console == []
        assert [url for url in page.requests if not url.startswith("file:")] == []
    finally:
        page.close()


def test_seed_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    from citecheck.api import lint_path
    from citecheck.rules import by_code

    if by_code("CC201") is None:
        pytest.skip("rule CC201 is not installed yet")
    result = lint_path(SEED)
    expected = sum(f.code == "CC201" for f in result.findings)
    if not expected:
        pytest.skip("the seed has no CC201 finding with the current rules")
    page = Page(browser, [result], tmp_path)
    try:
        assert page.load_seconds < RENDER_BUDGET_S
        check_cc201_filter(page, expected)
        page.page.screenshot(path=str(tmp_path / "seed-report.png"), full_page=False)
        assert page.console == [] and page.dialogs == []
    finally:
        page.close()


def seed_page(browser: Any, tmp_path: Path) -> tuple[Page, Result]:
    from citecheck.api import lint_path

    result = lint_path(SEED)
    return Page(browser, [result], tmp_path), result


def test_seed_report_folds_links_and_highlights(browser: Any, tmp_path: Path) -> None:
    """A long report opens folded; a summary row leads to its findings; search hits are marked."""
    from citecheck.report.html import FOLD_ABOVE

    page, result = seed_page(browser, tmp_path)
    p = page.page
    try:
        assert len(result.findings) > FOLD_ABOVE
        assert p.eval_on_selector_all("details.group", "gs => gs.every(g => !g.open)"), "starts folded"
        assert p.is_visible("table.summary") and not any(
            el.is_visible() for el in p.query_selector_all(".finding"))
        p.screenshot(path=str(tmp_path / "1-folded.png"))

        # A summary row: the rule's findings only, its section unfolded, the first one in view.
        row = p.query_selector('table.summary a[data-rule="CC303"]')
        target = row.get_attribute("href")[1:]
        row.click()
        assert set(page.visible_codes()) == {"CC303"} and p.input_value("#rule") == "CC303"
        assert p.is_visible(f"#{target}") and p.eval_on_selector(
            f"#{target}", "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        p.screenshot(path=str(tmp_path / "2-summary-link.png"))

        # "why?" leads to the one explanation of the rule.
        p.click(f"#{target} a.why")
        assert p.is_visible("#rule-CC303") and p.eval_on_selector(
            "#rule-CC303", "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        assert p.eval_on_selector_all(".rule", "rs => rs.length") == len({f.code for f in result.findings})
        p.screenshot(path=str(tmp_path / "3-rule-explained.png"))

        # A search marks its hits in the cards it keeps, and unfolds their sections.
        p.select_option("#rule", "")
        p.fill("#search", "azernews")
        hits = p.query_selector_all("mark.hit")
        assert hits and all(h.inner_text().lower() == "azernews" for h in hits)
        assert all(h.is_visible() for h in hits)
        p.fill("#search", "")
        assert p.query_selector_all("mark.hit") == [], "clearing the search clears the marks"
        p.fill("#search", "azernews")
        p.query_selector("mark.hit").scroll_into_view_if_needed()
        p.screenshot(path=str(tmp_path / "4-search-hits.png"))
        assert page.console == [] and page.dialogs == []
    finally:
        page.close()


def test_seed_report_prints_compactly_in_colour(browser: Any, tmp_path: Path) -> None:
    """About a page per 5 findings (the seed's 46 print on 9 A4 pages), every section unfolded,
    the severity badges still coloured."""
    page, result = seed_page(browser, tmp_path)
    p = page.page
    try:
        p.emulate_media(media="print")
        assert p.eval_on_selector(".sev-error", "el => getComputedStyle(el).backgroundColor") == "rgb(179, 38, 30)"
        assert p.eval_on_selector(".sev-error", "el => getComputedStyle(el).printColorAdjust") == "exact"
        assert not p.is_visible(".controls")
        p.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert p.eval_on_selector_all("details.group", "gs => gs.every(g => g.open)")
        p.screenshot(path=str(tmp_path / "5-print.png"), full_page=False)
        pdf = p.pdf(format="A4", print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        (tmp_path / "report.pdf").write_bytes(pdf)
        assert 1 <= pages <= len(result.findings) / 5 + 2, pages
    finally:
        page.close()
