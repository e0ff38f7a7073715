"""Which sentence a character offset falls in."""

from __future__ import annotations

from collections.abc import Sequence

from storylens.model import Sentence


def sentence_at(position: int, sentences: Sequence[Sentence]) -> int | None:
    """Index of the sentence containing ``position``, or None when it is between sentences."""
    for number, sentence in enumerate(sentences):
        if sentence.span.start <= position < sentence.span.end:
            return number
    return None
