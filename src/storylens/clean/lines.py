"""Split an article's text into lines and paragraphs, each a `Span` into the text as read."""

from __future__ import annotations

import itertools
import re

from storylens.model import Span

_LINE = re.compile(r"[^\n]+")


def text_lines(text: str) -> list[Span]:
    """Every non-blank line, stripped of surrounding whitespace, as a span."""
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Span(start=start, end=start + len(stripped), text=stripped))
    return lines


def group_paragraphs(text: str, lines: list[Span]) -> list[list[Span]]:
    """Group lines into paragraphs.

    Where the text separates blocks by blank lines, a paragraph is a block; where it never does,
    every line is a paragraph (scraped pages often put one paragraph on each line).
    """
    if not lines:
        return []
    has_blank_lines = any(
        "\n" in text[a.end : b.start] and text[a.end : b.start].count("\n") >= 2
        for a, b in itertools.pairwise(lines)
    )
    if not has_blank_lines:
        return [[line] for line in lines]
    groups: list[list[Span]] = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        if text[previous.end : line.start].count("\n") >= 2:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def join_span(text: str, spans: list[Span]) -> Span:
    """One span covering several consecutive spans."""
    return Span(start=spans[0].start, end=spans[-1].end, text=text[spans[0].start : spans[-1].end])
