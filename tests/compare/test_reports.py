"""Reports: JSON matches the schema, Markdown and HTML escape untrusted article text."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from storylens.compare import compare_analyses
from storylens.pipeline import analyze_paths
from storylens.report.compare_html import render_comparison_html
from storylens.report.compare_json import comparison_document
from storylens.report.compare_markdown import render_comparison_markdown
from storylens.report.html_view import anchor
from storylens.schema import comparison_schema

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = "<script>alert(1)</script>"


def test_json_document_valid_against_schema(seed_comparison):
    document = json.loads(json.dumps(comparison_document(seed_comparison)))
    jsonschema.validate(document, comparison_schema())
    assert document["schema"] == "storylens.comparison"


def test_schema_file_is_current():
    written = json.loads((ROOT / "docs/schema/comparison.v2.json").read_text(encoding="utf-8"))
    assert written == comparison_schema()


@pytest.fixture(scope="module")
def hostile(seed_analyses):
    """The seeds with a script tag inside the first body sentence of each article."""
    analyses = []
    for analysis in seed_analyses.values():
        sentence = analysis.sentences[0].span
        article = analysis.article
        text = (
            article.text[: sentence.start] + SCRIPT + article.text[sentence.start + len(SCRIPT) :]
        )
        analyses.append(replace(analysis, article=replace(article, text=text)))
    return analyses


def test_html_escapes_script_in_article_text(hostile):
    page = render_comparison_html(compare_analyses(hostile), hostile)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_is_self_contained(seed_comparison, seed_analyses):
    page = render_comparison_html(seed_comparison, seed_analyses.values())
    assert "http://" not in page
    assert "https://" not in page
    assert "<link" not in page
    assert page.count('class="shared"') >= 2 * len(seed_comparison.shared())
    assert 'class="unique"' in page
    assert "John Kirby" in page
    assert "Al Jazeera" in page


def test_markdown_escapes_script_in_article_text(hostile):
    text = render_comparison_markdown(compare_analyses(hostile))
    assert "<script" not in text
    assert "&lt;script&gt;" in text


# The HTML findings on the schema 2.0 model, on fixtures written for these tests
# (tests/compare/fixtures, see test_hard_cases.py) and on the bundled seeds.

FIXTURES = Path(__file__).parent / "fixtures"


def _analysed(name: str):
    outcome = analyze_paths([str(FIXTURES / name)])
    assert not outcome.issues
    return outcome.analyses


@pytest.fixture(scope="module")
def fixture_pages():
    """name -> (comparison, html page) for the three hard-case fixtures."""
    pages = {}
    for name in ("disputed_speaker", "casualty_figures", "wire_copies"):
        analyses = _analysed(f"{name}.jsonl")
        comparison = compare_analyses(analyses)
        pages[name] = (comparison, render_comparison_html(comparison, analyses))
    return pages


def _section(page: str, section_id: str) -> str:
    """One folded section of the page, up to the next section."""
    tail = page[page.index(f'<details class="section" id="{section_id}"') :]
    end = tail.find('<details class="section"', 1)
    return tail if end < 0 else tail[:end]


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_html_conflict_lists_each_side_with_its_count_majority_first(fixture_pages):
    _, page = fixture_pages["disputed_speaker"]
    conflicts = _text(_section(page, "conflicts"))
    assert "Dana Whitfield : 9 outlets" in conflicts
    assert "Paul Okafor : 1 outlet — Valley Courier" in conflicts
    assert conflicts.index("Dana Whitfield : 9") < conflicts.index("Paul Okafor : 1")
    majority = conflicts[conflicts.index("Dana Whitfield : 9") : conflicts.index("Paul Okafor")]
    assert "Valley Courier" not in majority
    assert "Marlow Gazette" in majority
    _, fire = fixture_pages["casualty_figures"]
    numbers = _text(_section(fire, "conflicts"))
    assert numbers.index("Five workers : 2 outlets") < numbers.index("Three workers : 1 outlet")


def test_html_quote_groups_appear_once_per_group_with_speakers(fixture_pages):
    comparison, page = fixture_pages["disputed_speaker"]
    quotes = _section(page, "quotes")
    assert quotes.count('class="quote-group"') == len(comparison.quote_groups) == 1
    assert _text(quotes).count("We are not going to gamble") == 1
    assert "10 outlets" in _text(quotes)
    assert _text(quotes).index("Dana Whitfield : 9") < _text(quotes).index("Paul Okafor : 1")


def test_html_marks_wire_copies_in_quote_speakers(fixture_pages):
    comparison, page = fixture_pages["wire_copies"]
    copies = [ref for ref in comparison.articles if ref.copy_of]
    assert copies
    quotes = _text(_section(page, "quotes"))
    assert "(2 independent)" in quotes
    for ref in copies:
        assert f"{ref.label} (copy of {comparison.article(ref.copy_of).label})" in quotes


def test_html_summary_renders_dissent_after_its_sentence(fixture_pages):
    _, page = fixture_pages["disputed_speaker"]
    summary = _section(page, "summary")
    item = next(li for li in summary.split("<li>") if "gamble" in li)
    assert '(<span class="dissent">Valley Courier attributes it to Paul Okafor</span>).' in item
    chips = re.findall(r'<details class="chip"><summary>([^<]+)</summary>', item)
    assert len(chips) == 9
    assert "Valley Courier" not in chips


def _bars(page: str) -> dict[str, tuple[int, int, int]]:
    found = re.findall(r"<title>([^<]+): (\d+) shared, (\d+) only here, (\d+) missing", page)
    return {html.unescape(label): (int(s), int(o), int(m)) for label, s, o, m in found}


def _only_here(page: str) -> dict[str, list[str]]:
    lists = {}
    for block in _section(page, "unique").split("<h3>Only in ")[1:]:
        label, body = block.split("</h3>", 1)
        body = body.split("<h3>", 1)[0]
        lists[html.unescape(label)] = re.findall(r"<li><b>(F\d+)</b>", body)
    return lists


def test_html_coverage_and_only_here_agree_with_unique(fixture_pages, seed_comparison):
    pages = {**fixture_pages, "seed": (seed_comparison, render_comparison_html(seed_comparison))}
    for comparison, page in pages.values():
        bars, only = _bars(page), _only_here(page)
        omitted = {o.article_id: len(o.rows) for o in comparison.omissions}
        for ref in comparison.articles:
            unique = [row.id for row in comparison.unique(ref.id)]
            assert bars[ref.label][1] == len(unique)
            assert bars[ref.label][2] == omitted[ref.id]
            assert only[ref.label] == unique


def test_a_row_with_near_set_is_not_only_here(seed_comparison, seed_analyses, ids):
    """The seeds have no such row: mark one lone PJ Media row as near Opposing Views."""
    lone = next(r for r in seed_comparison.rows if r.article_ids == (ids["pj"],))
    rows = tuple(replace(r, near=(ids["ov"],)) if r is lone else r for r in seed_comparison.rows)
    comparison = replace(seed_comparison, rows=rows)
    assert lone.id not in [r.id for r in comparison.unique(ids["pj"])]
    page = render_comparison_html(comparison, seed_analyses.values())
    assert lone.id not in _only_here(page)["PJ Media"]
    assert _bars(page)["PJ Media"][1] == len(comparison.unique(ids["pj"]))
    near = _text(_section(page, "unique").split("not “only here”")[1])
    assert f"{lone.id} PJ Media" in near
    assert "close: Opposing Views" in near
    assert f'<mark class="near" id="{anchor(lone.facts[0])}"' in page


def test_html_why_aligned_shows_the_links_own_evidence(fixture_pages):
    comparison, page = fixture_pages["disputed_speaker"]
    matrix = _text(_section(page, "matrix"))
    links = [link for row in comparison.shared() for link in row.links if link.shared_words]
    assert links
    for link in links[:5]:
        assert f"shared words: {', '.join(link.shared_words)}" in matrix
    entity_links = [
        link for row in comparison.shared() for link in row.links if link.shared_entities
    ]
    for link in entity_links[:5]:
        assert f"shared entities: {', '.join(link.shared_entities)}" in matrix
