"""Find quotations by their marks, paragraph by paragraph, without trusting them to balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Span

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
DOUBLED = "''"
_TRIM = " \t\n,;:"


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteMarks:
    """A quotation found by its marks; ``content`` excludes the marks."""

    paragraph: int
    opened: int
    closed: int
    content: Span
    continues: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Unbalanced:
    """An opening mark never closed within its paragraph (and not continued in the next)."""

    paragraph: int
    position: int


def find_quote_marks(
    text: str, paragraphs: Sequence[Span]
) -> tuple[list[QuoteMarks], list[Unbalanced]]:
    """Quotations in each paragraph, and the opening marks never closed.

    A quote left open when the next paragraph opens a new one is a multi-paragraph quote and
    runs to the end of its paragraph.
    """
    found: list[QuoteMarks] = []
    unbalanced: list[Unbalanced] = []
    for index, paragraph in enumerate(paragraphs):
        pairs, left_open = _pairs(paragraph.text)
        found.extend(_quote(text, index, paragraph.start, a, b) for a, b in pairs)
        if left_open is None:
            continue
        following = paragraphs[index + 1].text.lstrip() if index + 1 < len(paragraphs) else ""
        if following[:1] in OPENING + STRAIGHT or following.startswith(DOUBLED):
            end = len(paragraph.text)
            found.append(_quote(text, index, paragraph.start, left_open, end, continues=True))
        else:
            unbalanced.append(Unbalanced(paragraph=index, position=paragraph.start + left_open))
    return [q for q in found if any(c.isalnum() for c in q.content.text)], unbalanced


def _pairs(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Opening and closing mark positions; a doubled apostrophe counts as a straight mark.

    Some archives write quotation marks as two apostrophes (''Yes,'' he said). For those the
    pair is (second apostrophe of the opening, first apostrophe of the closing), so the
    content between them excludes the marks.
    """
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    i = 0
    while i < len(text):
        char = text[i]
        doubled = text.startswith(DOUBLED, i)
        straight = char == STRAIGHT or doubled
        if char in OPENING and opened is not None and _closes(text, i):
            pairs.append((opened, i))  # “It's unusual,“ said Roe: an opening mark used to close
            opened = None
        elif char in OPENING or (straight and opened is None):
            opened = i + 1 if doubled else i
        elif char in CLOSING and opened is None and _opens(text, i):
            opened = i  # said ”Look: a closing mark used to open
        elif (char in CLOSING or straight) and opened is not None:
            pairs.append((opened, i))
            opened = None
        i += 2 if doubled else 1
    return pairs, opened


def _closes(text: str, i: int) -> bool:
    """Whether a mark ends a word and no word follows it: it closes whatever its shape."""
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _opens(text: str, i: int) -> bool:
    """Whether a mark starts a word after a space: it opens whatever its shape."""
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return (not before or before.isspace()) and after.isalnum()


def _quote(
    text: str, paragraph: int, offset: int, opened: int, closed: int, *, continues: bool = False
) -> QuoteMarks:
    start, end = offset + opened + 1, offset + closed
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return QuoteMarks(
        paragraph=paragraph,
        opened=offset + opened,
        closed=offset + closed,
        content=Span(start=start, end=end, text=text[start:end]),
        continues=continues,
    )
