"""The web UI in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Skipped only when chromium is not installed and this is not CI (``.ci/run`` installs it).
Screenshots go to ``tests/serve/output/`` (git-ignored).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(__file__).parent / "output"

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else None
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def flag(page: Page) -> object:
    return page.evaluate("() => window.__pwned")


def test_index_search_story_chip_article(page: Page):
    page.goto("/")
    expect(page.get_by_role("heading", name="Stories")).to_be_visible()
    page.get_by_label("Search").fill("Harlan")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("1 story matching “Harlan”")).to_be_visible()
    page.get_by_role("link", name="Storm closes Harlan County schools for second day").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Storm closes Harlan County schools for second day"
    )
    chip = page.locator("ol.summary details.chip").first
    support = chip.locator("blockquote")
    expect(support).to_be_hidden()
    chip.locator("summary").click()
    expect(support).to_be_visible()
    assert len(support.inner_text()) > 20
    page.screenshot(path=str(OUTPUT / "story-chip-open.png"), full_page=False)
    page.locator("#outlets").get_by_role("link", name="article").first.click()
    expect(page).to_have_url(re.compile(r"/articles/"))
    expect(page.get_by_text("Removed page debris")).to_be_visible()
    page.screenshot(path=str(OUTPUT / "article.png"))


def test_script_payloads_never_run(page: Page, stories):
    for path in ("/", f"/stories/{stories['Bridge']['id']}", "/articles/hostile-1", "/?q=pwned"):
        page.goto(path)
        page.wait_for_load_state("load")
        assert flag(page) is None, path
    page.goto(f"/stories/{stories['Bridge']['id']}")
    expect(page.get_by_text("Evil <script>window.__pwned=1</script> Times").first).to_be_visible()
    # The javascript: URL is shown as text, never a link: clicking every link runs nothing.
    assert page.locator('a[href^="javascript"]').count() == 0
    for chip in page.locator("details.chip summary").all()[:6]:
        chip.click()
    assert flag(page) is None
    assert page.dialogs == []
    page.screenshot(path=str(OUTPUT / "hostile-story.png"))


def test_escaping_alone_keeps_payloads_inert(browser, live, stories):
    """The same pages loaded without the server's CSP: escaping alone must hold."""
    context = browser.new_context()
    probe = context.new_page()
    probe.set_content("<p>probe</p><script>window.__pwned = 1</script>")
    assert flag(probe) == 1  # the check does see script that runs
    with httpx.Client(base_url=live.url) as http:
        for path in (f"/stories/{stories['Bridge']['id']}", "/articles/hostile-1"):
            fresh = context.new_page()
            fresh.set_content(http.get(path).text)
            assert flag(fresh) is None, path
    context.close()


def test_keyboard_reaches_and_opens_a_chip(page: Page, stories):
    page.goto(f"/stories/{stories['Harlan']['id']}")
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.tagName + '|' + "
            "(document.activeElement.parentElement.className || '')"
        )
        if focused == "SUMMARY|chip":
            break
    else:
        pytest.fail("Tab never reached a summary chip")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.parentElement.open") is True
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.parentElement.open") is False


def test_narrow_420px_layout(browser, live, stories):
    context = browser.new_context(viewport={"width": 420, "height": 900}, base_url=live.url)
    page = context.new_page()
    for name, path in (("index", "/"), ("story", f"/stories/{stories['Bridge']['id']}")):
        page.goto(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 420, f"{name} page is {width}px wide at a 420px viewport"
        page.screenshot(path=str(OUTPUT / f"{name}-420px.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def thirty_outlets():
    """The report of one story told by 30 outlets (the fixture's bridge and storm articles,
    each carried under ten outlet names, so the story has 30 columns)."""
    import json as jsonlib

    from storylens.clean import clean_article
    from storylens.compare import compare_analyses
    from storylens.ingest.records import read_record
    from storylens.pipeline import analyze_articles
    from storylens.report.compare_html import render_comparison_html
    from tests.serve.conftest import FIXTURES

    records = [jsonlib.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]
    bridge = [r for r in records if r["id"].startswith("bridge")]
    raws = [
        read_record(
            {**bridge[n % 3], "id": f"b{n}", "outlet": f"Outlet number {n:02d}"}, input_name=f"b{n}"
        )
        for n in range(30)
    ]
    analyses = list(analyze_articles([clean_article(r) for r in raws]))
    return render_comparison_html(compare_analyses(analyses), analyses)


@pytest.mark.parametrize("width", [1280, 420])
def test_thirty_outlets_stay_usable(browser, thirty_outlets, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_content(thirty_outlets)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    matrix = page.locator("#matrix table.matrix")
    assert matrix.locator("thead th").count() == 31
    assert "compact" in (matrix.get_attribute("class") or "")
    box = page.locator("#matrix .scroll").first
    # The outlet header stays in view when the matrix box scrolls down.
    box.evaluate("e => e.scrollTop = e.scrollHeight")
    header = matrix.locator("thead th").nth(1).bounding_box()
    frame = box.bounding_box()
    assert header["y"] >= frame["y"] - 1
    page.screenshot(path=str(OUTPUT / f"thirty-outlets-{width}px.png"))
    context.close()
