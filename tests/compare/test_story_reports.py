"""Summary, timeline and framing are part of the comparison and of every report format."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.compare.evidence import short_label
from storylens.compare.summary import summarize
from storylens.io import from_json, to_json
from storylens.model.comparison import ArticleRef
from storylens.pipeline import analyze_paths
from storylens.report.compare_html import render_comparison_html
from storylens.report.compare_json import comparison_document
from storylens.report.compare_markdown import render_comparison_markdown
from storylens.report.console import make_console
from storylens.report.story_text import render_story
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _section(document, start, end=None):
    """The part of ``document`` from heading ``start`` up to heading ``end``."""
    tail = document[document.index(start) :]
    return tail[: tail.index(end)] if end else tail


def _before(document, first, second):
    return document.index(first) < document.index(second)


@pytest.fixture(scope="module")
def pj_id(seed_analyses):
    return seed_analyses["PJ Media"].article.id


def test_comparison_carries_summary_timeline_and_framing(seed_comparison, seed_analyses, pj_id):
    analyses = [seed_analyses["PJ Media"], seed_analyses["Opposing Views"]]
    assert seed_comparison.summary == summarize(seed_comparison, analyses)
    assert [p.article_id for p in seed_comparison.framing] == [
        a.id for a in seed_comparison.articles
    ]
    assert seed_comparison.profile(pj_id) == seed_analyses["PJ Media"].framing
    assert from_json(Comparison, to_json(seed_comparison)) == seed_comparison


def test_json_has_summary_timeline_and_framing(seed_comparison):
    comparison = json.loads(json.dumps(comparison_document(seed_comparison)))["comparison"]
    first = comparison["summary"]["sentences"][0]
    assert "suspend" in first["text"]
    assert set(first["outlets"]) == {"PJ Media", "Opposing Views"}
    entries = comparison["timeline"]["entries"]
    texts = [" ".join(s["sentence"]["text"] for s in e["sentences"]) for e in entries]
    sept_19 = next(i for i, t in enumerate(texts) if "September 19" in t)
    suspension = next(i for i, t in enumerate(texts) if "said in a statement today" in t)
    assert sept_19 < suspension
    pj = next(p for p in comparison["framing"] if p["outlet"] == "PJ Media")
    assert "Aggression" in [p["span"]["text"] for p in pj["headline"]["phrases"]]
    assert ("Aggression", "headline") in [(p["span"]["text"], p["place"]) for p in pj["loaded"]]
    regime = [p for p in pj["loaded"] if p["span"]["text"] == "regime"]
    assert regime
    assert all(p["voice"] == "quoted" for p in regime)
    # Tone per actor is experimental (it does not beat a constant baseline): off by default.
    assert pj["tone"] == []


def test_markdown_sections_in_order_with_content(seed_comparison):
    text = render_comparison_markdown(seed_comparison)
    assert _before(text, "## Summary", "## Shared facts")
    assert _before(text, "## Entities", "## Timeline")
    assert _before(text, "## Timeline", "## Framing per outlet")
    first = _section(text, "## Summary", "## Shared facts").split("\n1. ")[1].splitlines()[0]
    assert "suspend" in first
    assert "*PJ Media, Opposing Views*" in first
    timeline = _section(text, "## Timeline", "## Framing per outlet")
    assert _before(timeline, "- **Sep 19", "said in a statement today")
    assert "September 19" in timeline
    framing = _section(text, "## Framing per outlet")
    assert "Russian Aggression" in framing
    regime = [line for line in framing.splitlines() if line.startswith("- “regime” (at ")]
    assert regime
    assert all("quoted; neutral: government" in line for line in regime)
    assert "<details><summary>Framing evidence: PJ Media</summary>" in framing


def test_html_sections_with_outlet_tags_and_marked_phrases(seed_comparison, seed_analyses):
    page = render_comparison_html(seed_comparison, seed_analyses.values())
    summary = _section(page, "<h2>Summary</h2>", "<h2>Side by side</h2>")
    first = summary.split("<li>")[1]
    assert "suspend" in first
    # Each outlet is a chip that opens on its own supporting sentence, linked to its fact.
    assert '<details class="chip"><summary>PJ Media</summary><blockquote>' in first
    assert '<details class="chip"><summary>Opposing Views</summary><blockquote>' in first
    assert first.count('<a href="#f-') == 2
    timeline = _section(page, "<h2>Timeline</h2>", "<h2>Framing per outlet</h2>")
    assert _before(timeline, "September 19", "said in a statement")
    assert '<mark class="date">' in timeline
    framing = _section(page, "<h2>Framing per outlet</h2>")
    assert "Russian Aggression" in framing
    assert "<details><summary>phrases</summary>" in framing
    assert "quoted; neutral: government)</small>" in framing
    assert re.search(r'<mark class="loaded" title="[^"<>]*quoted[^"<>]*">regime</mark>', page)
    assert re.search(
        r'Russian <mark class="loaded" title="[^"<>]*own voice[^"<>]*">Aggression</mark>', page
    )


class _TagBalance(HTMLParser):
    """Counts end tags that do not close the innermost open element."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})

    def __init__(self):
        super().__init__()
        self.open, self.mismatches = [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.mismatches += 1


def test_html_marks_nest_properly(seed_comparison, seed_analyses):
    """Loaded-phrase marks inside fact marks never cross them: every element closes in order."""
    parser = _TagBalance()
    parser.feed(render_comparison_html(seed_comparison, seed_analyses.values()))
    assert parser.mismatches == 0
    assert parser.open == []


def test_terminal_report_order_and_evidence(seed_comparison):
    console = make_console(width=100)
    with console.capture() as captured:
        render_story(seed_comparison, console, evidence=True)
    text = captured.get()
    assert _before(text, "Summary", "Shared facts")
    assert _before(text, "Shared facts", "Timeline")
    assert _before(text, "Timeline", "Framing per outlet")
    assert "Framing evidence: PJ Media" in text
    assert "“regime” @" in text
    assert "Russian Aggression" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_a_wide_story_lists_coverage_instead_of_a_column_per_outlet(seed_comparison):
    # Thirteen more outlets that carry nothing: a table would give each a column of ~4
    # characters at 100 columns; the list names who has each entity, with counts.
    extra = tuple(
        ArticleRef(id=f"x{n}", outlet=f"Outlet {n}", label=f"Outlet {n}", title="", input="")
        for n in range(13)
    )
    articles = tuple(
        replace(ref, short=short_label(n))
        for n, ref in enumerate((*seed_comparison.articles, *extra))
    )
    framing = seed_comparison.framing + tuple(
        replace(seed_comparison.framing[0], article_id=ref.id) for ref in extra
    )
    wide = replace(seed_comparison, articles=articles, framing=framing)
    console = make_console(width=100)
    with console.capture() as captured:
        render_story(wide, console)
    text = captured.get()
    entities = _section(text, "Entities × outlet (mentions)", "Timeline")
    first = seed_comparison.entities[0]
    counts = {c.article_id: c.count for c in first.cells if c.count}
    shown = ", ".join(f"{wide.article(a).short} {n}" for a, n in counts.items())
    assert f"{first.name} ({first.kind}) · {len(counts)} of 15 outlets: {shown}" in entities
    assert "┃" not in entities  # no table
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory):
    """The seeds, analysed again with script tags in the headline and in summarised, dated
    ("today") and quoted sentences."""
    folder = tmp_path_factory.mktemp("hostile")
    edits = {
        PJ_MEDIA: [
            ("Russian Aggression in Syria", f"Russian Aggression {SCRIPT} in Syria"),
            ("said in a statement today", f"said {SCRIPT} in a statement today"),
            ("the Syrian regime have", f"the Syrian regime {SCRIPT} have"),
            ("roundly mocked by", f"roundly mocked {SCRIPT} by"),
        ],
        OPPOSING_VIEWS: [("Blaming Russia", f"Blaming {SCRIPT} Russia")],
    }
    paths = []
    for path, replacements in edits.items():
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text
            text = text.replace(old, new, 1)
        paths.append(folder / path.name)
        paths[-1].write_text(text, encoding="utf-8")
    outcome = analyze_paths([str(p) for p in paths])
    return compare_analyses(outcome.analyses), outcome.analyses


def test_html_escapes_script_in_summary_timeline_and_framing(hostile_story):
    comparison, analyses = hostile_story
    page = render_comparison_html(comparison, analyses)
    assert "<script" not in page.lower()
    assert ESCAPED in _section(page, "<h2>Summary</h2>", "<h2>Side by side</h2>")
    assert ESCAPED in _section(page, "<h2>Timeline</h2>", "<h2>Framing per outlet</h2>")
    assert ESCAPED in _section(page, "<h2>Framing per outlet</h2>")


def test_markdown_escapes_script_in_summary_timeline_and_framing(hostile_story):
    comparison, _ = hostile_story
    text = render_comparison_markdown(comparison)
    assert "<script" not in text.lower()
    assert ESCAPED in _section(text, "## Summary", "## Shared facts")
    assert ESCAPED in _section(text, "## Timeline", "## Framing per outlet")
    assert ESCAPED in _section(text, "## Framing per outlet")
