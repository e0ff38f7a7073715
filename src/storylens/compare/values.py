"""The values several articles give one slot of one proposition, and the conflict they make.

A slot is what a number or a time says of a proposition: the count of workers killed, the
time of the explosion. Each article's value is a range (``low`` to ``high``): "49" is 49 to
49, "at least 40" is 40 and up, "about 8.45pm" a quarter of an hour either side. Two values
agree when their ranges meet. Exact values (and ranges of the same bounds) make the
positions; an approximate value joins the one position it agrees with, takes no side when it
agrees with several ("more than 30" beside "49" and "31"), and is a position of its own when
it agrees with none. An article whose fact also states another article's exact value (for
another day, another place) takes no side. A conflict needs two positions; they are listed
most articles first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Span
from storylens.model.comparison import Conflict, ConflictKind, ConflictSide, Fact, Position


@dataclass(frozen=True, slots=True, kw_only=True)
class SlotValue:
    """One article's value for a slot: where it is written, its range and how it reads."""

    article_id: str
    fact: Fact
    span: Span
    low: float
    high: float
    label: str
    mentioned: frozenset[float] = frozenset()
    """Every number the value's fact states: a fact that also gives another article's value
    ("six arrests Wednesday, compared to 47 the previous night" beside "47 arrests") puts it
    in another slot, and takes no side."""


def slot_conflict(
    kind: ConflictKind,
    subject: str,
    values: Sequence[SlotValue],
    *,
    row: str,
    conflict_id: str,
) -> Conflict | None:
    """The conflict of one slot's values; None when they all agree or only one article speaks.

    An article that gives the slot two different values takes no side (which is which is
    unclear).

    >>> from storylens.model.comparison import Fact
    >>> def value(article, low, high, label):
    ...     span = Span(start=0, end=1, text="x")
    ...     fact = Fact(id=f"{article}:0", article_id=article, span=span, sentence=0)
    ...     return SlotValue(article_id=article, fact=fact, span=span, low=low, high=high,
    ...                      label=label)
    >>> values = [value("a", 49, 49, "49"), value("b", 40, float("inf"), "at least 40"),
    ...           value("c", 31, 31, "31")]
    >>> conflict = slot_conflict(ConflictKind.NUMBER, "killed", values, row="F1", conflict_id="C1")
    >>> [(p.value, p.article_ids) for p in conflict.positions]
    [('49 / at least 40', ('a', 'b')), ('31', ('c',))]
    """
    per_article: dict[str, list[SlotValue]] = {}
    for value in values:
        per_article.setdefault(value.article_id, []).append(value)
    single = [v[0] for v in per_article.values() if len({(x.low, x.high) for x in v}) == 1]
    exact = {v.low for v in single if v.low == v.high}
    groups = _groups([v for v in single if not (v.mentioned & exact) - {v.low}])
    if len(groups) < 2:
        return None
    groups.sort(key=lambda g: (-len(g), g[0].low))
    return Conflict(
        id=conflict_id,
        kind=kind,
        subject=subject,
        sides=tuple(_side(v) for g in groups for v in g),
        positions=tuple(_position(g) for g in groups),
        row=row,
    )


def _side(value: SlotValue) -> ConflictSide:
    return ConflictSide(
        article_id=value.article_id, value=value.label, span=value.span, sentence=value.fact.span
    )


def _position(group: Sequence[SlotValue]) -> Position:
    return Position(
        value=_label(group), article_ids=tuple(v.article_id for v in group), count=len(group)
    )


def _groups(values: Sequence[SlotValue]) -> list[list[SlotValue]]:
    """Positions: one per exact value, approximate values joined to the one they agree with."""
    groups: list[list[SlotValue]] = []
    for value in sorted(values, key=lambda v: (v.high - v.low, v.low)):
        same = [g for g in groups if (g[0].low, g[0].high) == (value.low, value.high)]
        agreeing = [g for g in groups if all(_compatible(value, v) for v in g)]
        if same:
            same[0].append(value)
        elif len(agreeing) == 1:
            agreeing[0].append(value)
        elif not agreeing:
            groups.append([value])
    return groups


def _label(group: Sequence[SlotValue]) -> str:
    """The position's wording: each distinct way its articles write it, exact first."""
    labels: list[str] = []
    for value in group:
        if value.label.lower() not in {label.lower() for label in labels}:
            labels.append(value.label)
    return " / ".join(labels)


def _compatible(a: SlotValue, b: SlotValue) -> bool:
    return a.low <= b.high and b.low <= a.high
