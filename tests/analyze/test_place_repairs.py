"""Places the small spaCy model gets wrong, mended by general rules (not by article)."""

from __future__ import annotations

import pytest

from storylens.model import Analysis, EntityLabel

TEXT = """Border talks resume.

Officials from both countries met on Tuesday to discuss U.S.-Mexico trade, while Coca-Cola
said its sales in Mexico rose.
"""


@pytest.fixture(scope="module")
def analysis(analyze_text) -> Analysis:
    return analyze_text("border-talks.txt", TEXT)


def test_two_countries_joined_by_a_hyphen_are_two_places(analysis):
    names = {e.name: e for e in analysis.entities}
    assert {"United States", "Mexico"} <= set(names)
    assert all(names[n].label is EntityLabel.PLACE for n in ("United States", "Mexico"))
    assert not any(
        "-" in m.span.text and "U.S." in m.span.text for e in analysis.entities for m in e.mentions
    )
    assert [m.span.text for m in names["United States"].mentions] == ["U.S."]
    assert [m.span.text for m in names["Mexico"].mentions] == ["Mexico", "Mexico"]


def test_a_hyphenated_name_that_is_not_two_countries_stays_whole(analysis):
    assert any(m.span.text.startswith("Coca-Cola") for e in analysis.entities for m in e.mentions)


def test_mention_offsets_stay_exact(analysis):
    text = analysis.article.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.span.start : mention.span.end] == mention.span.text
