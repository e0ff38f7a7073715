"""Copies of one text among the compared articles (a wire story run by several outlets).

Two articles are copies when most facts of the shorter one appear word for word in the other
(case, spacing and punctuation aside); page furniture that differs between the pages does not
matter. Copies are one *account*: they count once where a count means independent reports
(which rows lead the summary, which side of a conflict is the majority).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from storylens.compare.unionfind import DisjointSets
from storylens.model.comparison import Conflict, Fact, Position, QuoteGroup

_SHARE = 0.6
_MIN_SHARED = 3
_MIN_WORDS = 4
_WORD = re.compile(r"[a-z0-9]+")


def copy_roots(facts: Sequence[Fact], article_order: Sequence[str]) -> dict[str, str]:
    """Article id → the first article (in order) of its set of copies (itself when none)."""
    bags: dict[str, set[str]] = {a: set() for a in article_order}
    for fact in facts:
        words = _WORD.findall(fact.span.text.lower())
        if len(words) >= _MIN_WORDS:
            bags[fact.article_id].add(" ".join(words))
    sets = DisjointSets(len(article_order))
    for i, a in enumerate(article_order):
        for j in range(i + 1, len(article_order)):
            b = article_order[j]
            shared = len(bags[a] & bags[b])
            if shared >= _MIN_SHARED and shared >= _SHARE * min(len(bags[a]), len(bags[b])):
                sets.union(i, j)
    return {a: article_order[sets.find(i)] for i, a in enumerate(article_order)}


def accounts(article_ids: Sequence[str], roots: Mapping[str, str]) -> int:
    """How many independent accounts these articles are (copies count once)."""
    return len({roots.get(a, a) for a in article_ids})


def counted(positions: Sequence[Position], roots: Mapping[str, str]) -> tuple[Position, ...]:
    """The positions with their accounts, most accounts first, then most articles."""
    out = [dataclasses.replace(p, accounts=accounts(p.article_ids, roots)) for p in positions]
    return tuple(sorted(out, key=lambda p: (-p.accounts, -p.count)))


def with_accounts(
    conflicts: Sequence[Conflict], groups: Sequence[QuoteGroup], roots: Mapping[str, str]
) -> tuple[list[Conflict], list[QuoteGroup]]:
    """Conflicts and quote groups with every position's accounts, reordered by them."""
    return (
        [dataclasses.replace(c, positions=counted(c.positions, roots)) for c in conflicts],
        [dataclasses.replace(g, speakers=counted(g.speakers, roots)) for g in groups],
    )
