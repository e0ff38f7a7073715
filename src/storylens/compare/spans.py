"""Where one span lies against another (offsets into one article's text)."""

from __future__ import annotations

from storylens.model import Span


def starts_inside(span: Span, outer: Span) -> bool:
    """True when ``span`` starts within ``outer`` (a mention, date or number of a fact)."""
    return outer.start <= span.start < outer.end


def overlaps(a: Span, b: Span) -> bool:
    """True when the two spans share at least one character."""
    return a.start < b.end and b.start < a.end
