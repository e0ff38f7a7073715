"""Quote matching on hand-built quotes: same words, trimmed, partial in order, unrelated."""

from __future__ import annotations

import pytest

from storylens.compare.quotes import match_quotes
from storylens.model import Span
from storylens.model.comparison import MatchKind, QuoteRef


def _ref(article: str, text: str) -> QuoteRef:
    return QuoteRef(
        article_id=article,
        quote_id="q1",
        speaker="X",
        speaker_key="x",
        content=Span(start=0, end=len(text), text=text),
        sentence=0,
    )


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("We are not giving up.", "We are not giving up", MatchKind.SAME),
        (
            "[did] not come lightly.",
            "This is not a decision that was taken lightly.",
            MatchKind.PARTIAL,
        ),
        (
            "not worried about lampooning",
            "I am not worried about lampooning at all, he said",
            MatchKind.PARTIAL,
        ),
    ],
)
def test_quotes_match(first, second, kind):
    hits = match_quotes([_ref("a", first), _ref("b", second)])
    assert [h.match.kind for h in hits] == [kind]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("unfriendly actions", "This is not a decision that was taken lightly."),
        (
            "We are not abandoning the pursuit of peace.",
            "No more joint press conferences in Moscow.",
        ),
    ],
)
def test_quotes_do_not_match(first, second):
    assert match_quotes([_ref("a", first), _ref("b", second)]) == []


def test_quotes_same_article_never_match():
    assert match_quotes([_ref("a", "same words here"), _ref("a", "same words here")]) == []
