"""Emphasis: headline against body, positions, quote shares, opinion markers.

Where things appear, whose quotes fill the article, and the opinion markers of the
outlet's own voice (first person, rhetorical questions, evaluative adjectives, stance adverbs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storylens.framing.lexicon import load_lexicon
from storylens.framing.voice import quote_index
from storylens.model import (
    HeadlineFraming,
    LoadedPhrase,
    OpinionMarkers,
    Place,
    Quote,
    QuoteShare,
    Span,
)

_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})


def headline_framing(headline: str, body: str, phrases: Sequence[LoadedPhrase]) -> HeadlineFraming:
    """The headline's loaded phrases, each checked against the body text (case-insensitive).

    Example:
        >>> headline_framing("x", "y", ()).phrases
        ()
    """
    found = tuple(p for p in phrases if p.place is Place.HEADLINE)
    lowered = body.lower()
    return HeadlineFraming(
        phrases=found, in_body=tuple(p.span.text.lower() in lowered for p in found)
    )


def relative_position(span: Span, sentences: Sequence[Span]) -> float:
    """Where a span stands in the body, 0.0 (first sentence) … 1.0 (last sentence)."""
    if len(sentences) < 2:
        return 0.0
    index = next((i for i, s in enumerate(sentences) if s.start <= span.start < s.end), 0)
    return round(index / (len(sentences) - 1), 4)


def quote_shares(quotes: Sequence[Quote], *, body_length: int) -> tuple[QuoteShare, ...]:
    """Characters of quoted content per speaker, as a share of the body, largest first."""
    chars: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for quote in quotes:
        name = quote.speaker.name if quote.speaker else "?"
        chars[name] += quote.content.end - quote.content.start
        counts[name] += 1
    total = max(body_length, 1)
    shares = [
        QuoteShare(speaker=n, characters=c, share=round(c / total, 4), quotes=counts[n])
        for n, c in chars.items()
    ]
    return tuple(sorted(shares, key=lambda share: -share.characters))


def opinion_markers(text: str, sentences: Sequence[Span], quotes: Sequence[Span]) -> OpinionMarkers:
    """First person, rhetorical questions, evaluative adjectives, stance adverbs in own voice."""
    lexicon = load_lexicon()
    first, adjectives, stance, questions = [], [], [], []
    for sentence in sentences:
        if (
            sentence.text.rstrip(" ”\"'’").endswith("?")
            and quote_index(quotes, sentence.start, sentence.start + 1) is None
        ):
            questions.append(sentence)
        for match in _WORD.finditer(text, sentence.start, sentence.end):
            if quote_index(quotes, match.start(), match.end()) is not None:
                continue
            word = match.group().lower()
            span = Span(start=match.start(), end=match.end(), text=match.group())
            if word in _FIRST_PERSON:
                first.append(span)
            elif word in lexicon.stance:
                stance.append(span)
            elif lexicon.subjective(word)[0] >= 0.8:
                adjectives.append(span)
    return OpinionMarkers(
        first_person=tuple(first),
        rhetorical_questions=tuple(questions),
        evaluative_adjectives=tuple(adjectives),
        stance_adverbs=tuple(stance),
    )
