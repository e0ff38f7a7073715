"""Quotation regions: whose voice a stretch of text is, and scare quotes.

The pipeline's `Quote.content` spans are the authority on what is quoted. When they are not
available (a plain text, the benchmark), `find_quotations` finds regions between quotation
marks; an opening mark left open runs to the end of its paragraph (the news convention for
quotes spanning paragraphs), so one unbalanced mark never affects the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.model import Span

_DOUBLE = re.compile(r"[“”\"]")
_SINGLE = re.compile(r"(?<![A-Za-z0-9])‘([^‘’\n]{1,80}?)’(?![A-Za-z0-9])")
_SINGLE_STRAIGHT = re.compile(
    r"(?<![A-Za-z0-9])'([A-Za-z][^'\n]{0,78}?[A-Za-z.!?,])'(?![A-Za-z0-9])"
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")


def _close(text: str, start: int, end: int) -> Span | None:
    return Span(start=start, end=end, text=text[start:end]) if end > start else None


def _paragraph_quotes(text: str, start: int, end: int) -> list[Span]:
    found: list[Span] = []
    opened: int | None = None
    for mark in _DOUBLE.finditer(text, start, end):
        char = mark.group()
        if opened is None and char != "”":
            opened = mark.end()
        elif opened is not None and char != "“":
            span = _close(text, opened, mark.start())
            found.extend([span] if span else [])
            opened = None
        elif char == "“":
            opened = mark.end()
    if opened is not None:
        span = _close(text, opened, end)
        found.extend([span] if span else [])
    return found


def find_quotations(text: str) -> tuple[Span, ...]:
    """Regions between double quotation marks, marks excluded, paragraph by paragraph.

    Example:
        >>> [q.text for q in find_quotations('He said "no way" today.')]
        ['no way']
    """
    found: list[Span] = []
    start = 0
    for line in text.split("\n"):
        found.extend(_paragraph_quotes(text, start, start + len(line)))
        start += len(line) + 1
    return tuple(found)


def find_single_quoted(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Fragments between single quotation marks (‘…’ or '…'), marks excluded."""
    stop = len(text) if end is None else end
    found: list[Span] = []
    for pattern in (_SINGLE, _SINGLE_STRAIGHT):
        for match in pattern.finditer(text, start, stop):
            found.append(Span(start=match.start(1), end=match.end(1), text=match.group(1)))
    return tuple(sorted(found, key=lambda span: span.start))


def quote_index(quotes: Sequence[Span], start: int, end: int) -> int | None:
    """Index of the quote span that contains ``[start, end)``, None when it is own voice."""
    for index, quote in enumerate(quotes):
        if quote.start <= start and end <= quote.end:
            return index
    return None


def word_count(text: str) -> int:
    """Number of words in a string."""
    return len(_WORD.findall(text))
