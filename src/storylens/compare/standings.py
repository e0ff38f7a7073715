"""Win-loss records that disagree within one row: "Klitschko (52-3)" beside "Klitschko, 53-3,".

Sports prose gives a competitor's record right after the name, in parentheses or between
commas: "Hasim Rahman (45-7-2, 36 KOs)", "Riddick Bowe, 43-1, 33 KO's,". Two members of one
row giving one name (the same last word) different records disagree; an article that gives
the person two records in the row ("improved to 52-3 from 51-3") takes no side. A score
("won 88-72") or a vote ("voted 7-2") follows no person's name this way and is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.compare.values import SlotValue
from storylens.model import Analysis, Span
from storylens.model.comparison import ConflictKind, Fact
from storylens.names import name_key

_RECORD = re.compile(
    r"(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,3})"
    r"(?:\s*\(\s*|,\s+)(?P<record>\d{1,3}-\d{1,3}(?:-\d{1,3})?)"
    r"(?P<rest>(?:\s*,\s*\d{1,3}\s*(?:KOs?|KO['’]s|knockouts|wins by knockout))?)(?=\s*[,)])"
)
"""A capitalised name and the record right after it (not the entity's label: a named-entity
model takes "Wladimir Klitschko, 53-3," for a place as often as for a person)."""


def record_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's win-loss records by person (surname), each a list of article values."""
    by_person: dict[str, list[SlotValue]] = {}
    for fact in members:
        text = by_id[fact.article_id].article.text
        for found in _RECORD.finditer(text, fact.span.start, fact.span.end):
            key = name_key(found.group("name")).split()[-1]
            by_person.setdefault(key, []).append(_record(fact, found))
    return [
        (ConflictKind.NUMBER, f"record of {key.title()}", values)
        for key, values in by_person.items()
    ]


def bouts_apart(first: float, second: float) -> int:
    """How many bouts separate two records (as `record_items` encodes them), at the least.

    Records that cannot follow one another (more wins but fewer losses) count one more.

    >>> bouts_apart(52_003_000, 53_003_000), bouts_apart(43_001_000, 45_001_000)
    (1, 2)
    """
    steps = [y - x for x, y in zip(_parts(first), _parts(second), strict=True)]
    one_way = all(d >= 0 for d in steps) or all(d <= 0 for d in steps)
    return sum(abs(d) for d in steps) + (0 if one_way else 1)


def _parts(value: float) -> tuple[int, int, int]:
    """(wins, losses, draws) of an encoded record."""
    whole = int(value)
    return whole // 1_000_000, whole // 1_000 % 1_000, whole % 1_000


def _record(fact: Fact, found: re.Match[str]) -> SlotValue:
    """The record as one exact value (wins, losses and draws in one number)."""
    parts = [int(p) for p in found.group("record").split("-")]
    wins, losses, draws = (*parts, 0)[:3]
    value = float(wins * 1_000_000 + losses * 1_000 + draws)
    span = Span(start=found.start("record"), end=found.end("record"), text=found.group("record"))
    label = " ".join((found.group("record") + found.group("rest")).split())
    return SlotValue(
        article_id=fact.article_id, fact=fact, span=span, low=value, high=value, label=label
    )
