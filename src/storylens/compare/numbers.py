"""Numbers and dates that disagree within one aligned fact.

Two facts aligned as the same fact disagree on a number when both count the same noun
("seven people" / "nine people") with different values, and on a date when both resolve a date
of the same precision to different days.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from storylens.compare.features import counted_head
from storylens.compare.records import AlignedFact, Conflict, ConflictKind, ConflictSide, Fact
from storylens.model import Analysis, Span


def value_conflicts(
    rows: Sequence[AlignedFact], analyses: Sequence[Analysis], *, first_id: int = 1
) -> list[Conflict]:
    """Number and date conflicts inside the rows that two or more articles share."""
    by_id = {a.article.id: a for a in analyses}
    conflicts: list[Conflict] = []
    for row in rows:
        for a, b in combinations(row.facts, 2):
            for kind, subject, side_a, side_b in _disagreements(a, b, by_id):
                conflicts.append(
                    Conflict(
                        id=f"C{first_id + len(conflicts)}",
                        kind=kind,
                        subject=subject,
                        sides=(side_a, side_b),
                        row=row.id,
                    )
                )
    return conflicts


def _disagreements(
    a: Fact, b: Fact, by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, ConflictSide, ConflictSide]]:
    found = []
    numbers_b = _numbers(b, by_id[b.article_id])
    for head, value, span in _numbers(a, by_id[a.article_id]):
        for other_head, other_value, other_span in numbers_b:
            if head == other_head and value != other_value:
                found.append(
                    (
                        ConflictKind.NUMBER,
                        f"number of {head}s",
                        _side(a, span),
                        _side(b, other_span),
                    )
                )
    dates_b = _dates(b, by_id[b.article_id])
    for granularity, day, span in _dates(a, by_id[a.article_id]):
        for other_granularity, other_day, other_span in dates_b:
            if granularity == other_granularity and day != other_day:
                found.append(
                    (
                        ConflictKind.DATE,
                        f"date ({granularity})",
                        _side(a, span),
                        _side(b, other_span),
                    )
                )
    return found


def _numbers(fact: Fact, analysis: Analysis) -> list[tuple[str, float, Span]]:
    return [
        (counted_head(n.counted.text), n.value, n.span)
        for n in analysis.numbers
        if n.counted and n.value is not None and _inside(n.span, fact.span)
    ]


def _dates(fact: Fact, analysis: Analysis) -> list[tuple[str, str, Span]]:
    return [
        (d.granularity.value, d.value.isoformat(), d.span)
        for d in analysis.dates
        if d.value is not None and _inside(d.span, fact.span)
    ]


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start < outer.end


def _side(fact: Fact, span: Span) -> ConflictSide:
    return ConflictSide(article_id=fact.article_id, value=span.text, span=span, sentence=fact.span)
