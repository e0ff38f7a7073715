"""One template set: the report file, the notebook display and the web page share it."""

from __future__ import annotations

import re

from storylens.report.compare_html import render_comparison_html
from storylens.report.templating import comparison_context, render


def test_notebook_display_is_the_report_sections(seed_comparison, seed_analyses):
    fragment = seed_comparison._repr_html_()
    report = render_comparison_html(seed_comparison, seed_analyses.values())
    assert fragment.startswith('<div class="sl">')
    assert "<html" not in fragment
    for heading in ("Summary", "Shared facts", "Conflicts", "Timeline", "Framing per outlet"):
        assert f"<h2>{heading}</h2>" in fragment
        assert f"<h2>{heading}</h2>" in report
    # Without the articles' texts there is no side-by-side section; the report has one.
    assert "<h2>Side by side</h2>" not in fragment
    assert "<h2>Side by side</h2>" in report
    assert len(fragment) < len(report)
    # The schema 2.0 findings: quote groups once each, conflicts by position with counts.
    assert fragment.count('class="quote-group"') == len(seed_comparison.quote_groups)
    for conflict in seed_comparison.conflicts:
        for position in conflict.positions:
            assert f"<b>{position.value}</b>: {position.count} outlet" in fragment


def test_report_and_web_page_render_the_same_comparison(seed_comparison, seed_analyses):
    context = comparison_context(seed_comparison, seed_analyses.values(), heading="H")
    web = render("story.html", {**context, "story_id": 7})
    report = render_comparison_html(seed_comparison, seed_analyses.values())

    def summary(page):
        return re.search(r'<ol class="summary">.*?</ol>', page, re.S).group(0)

    assert summary(web) == summary(report)
    assert '<link rel="stylesheet" href="/static/storylens.css">' in web
    assert "<style>" in report


def test_experimental_tone_row_renders_its_cells(seed_comparison, seed_analyses, monkeypatch):
    monkeypatch.setenv("STORYLENS_EXPERIMENTAL_TONE", "1")
    page = render_comparison_html(seed_comparison, seed_analyses.values())
    row = re.search(
        r"<th class=\"rowhead\">tone \(main actors, experimental\)</th>(.*?)</tr>", page, re.S
    )
    assert row is not None
    assert "actors" not in row.group(1)  # the cells' data, never its keys
