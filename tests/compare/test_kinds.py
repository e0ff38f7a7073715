"""Fact kinds: statements apart from page text that cleaning left in (sentences written here)."""

from __future__ import annotations

import pytest

from storylens.compare.facts import split_facts
from storylens.model import Analysis, Article, Evidence, InputFormat, Sentence, Span


def _kinds(*sentences: str) -> list[str]:
    """The kind of each sentence, as split_facts gives it (one fact per sentence here)."""
    text = "\n\n".join(sentences)
    spans, cursor = [], 0
    for n, sentence in enumerate(sentences):
        start = text.index(sentence, cursor)
        spans.append(
            Sentence(span=Span(start=start, end=start + len(sentence), text=sentence), paragraph=n)
        )
        cursor = start + len(sentence)
    article = Article(
        id="a",
        input="-",
        format=InputFormat.TEXT,
        text=text,
        title="Council closes the bridge",
        title_span=None,
        outlet="o",
        outlet_evidence=Evidence.UNKNOWN,
    )
    facts = split_facts(Analysis(article=article, sentences=tuple(spans)))
    assert len(facts) == len(sentences)
    return [f.kind for f in facts]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Comments are closed for this story.", "social"),
        ("Follow Jane Okoro on Twitter.", "social"),
        ("This article was republished from Northline Wire.", "boilerplate"),
        ("Reporting by Ann Lee; editing by Tom Roe.", "boilerplate"),
        ("Read more: Council delays its budget vote", "recommendation"),
        ("Click here to get the morning briefing.", "call_to_action"),
        ("Updated 4:08 p.m. ET", "timestamp"),
        ("October 3, 2016", "timestamp"),
        ("Photo: Residents wait outside City Hall on Monday.", "caption"),
        ("Mayor Signs Budget After Long Standoff With Council", "headline"),
        ("Council closes the bridge", "headline"),
        ("com reports.", "fragment"),
        ("Developing.", "fragment"),
    ],
)
def test_page_text_is_not_a_statement(sentence, kind):
    assert _kinds("The council voted on Monday to close the bridge to trucks.", sentence) == [
        "statement",
        kind,
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council voted 7-2 on Monday to close the bridge.",
        "Comments from residents at the hearing were mixed, officials said.",
        "This report was published by the state auditor on Monday and found that the agency "
        "had overspent by $2 million on its new offices and hid it from the board.",
        "Arson is suspected.",
        "Nobody died.",
        '"We cannot wait any longer," said Mayor Ruth Okafor.',
    ],
)
def test_sentences_of_the_story_are_statements(sentence):
    assert _kinds(sentence) == ["statement"]
