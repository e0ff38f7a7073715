"""Reports: JSON matches the schema, Markdown and HTML escape untrusted article text."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from storylens.compare import compare_analyses
from storylens.report.compare_html import render_comparison_html
from storylens.report.compare_json import comparison_document
from storylens.report.compare_markdown import render_comparison_markdown
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
