"""Number, date, time and record conflicts: one per disputed item, across the rows.

Each row's members state one proposition; the slots of that proposition (a count and its
role, `compare.numbers`; a date, a time of day, `compare.clock`; a time into a round or half,
`compare.periods`; a weekday on either side of one midnight, `compare.weekdays`) are compared
across its articles (`compare.values`). A disagreement is listed only when some fact of the
majority and some fact of another position are surely one fact (linked at least at
`SURE_LINK`). A competitor's win-loss record (`compare.standings`)
is also compared across the whole story, whatever the sentence (an article giving the person
two records, "improved to 52-3 from 51-3", takes no side), so "Bowe (45-1)" in one article's
aside disputes "Bowe, 43-1," in another's account of the bout; unlinked records one bout
apart ("51-3" / "52-3": before and after the fight) are not a conflict. A sentence may be in
two rows, and one disputed item can show in several rows: conflicts on one slot that share a
side (an article's value in the same place) are one conflict, with the values of all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from storylens.compare.clock import clock_items
from storylens.compare.numbers import date_items, number_items
from storylens.compare.periods import period_items
from storylens.compare.standings import bouts_apart, record_items
from storylens.compare.unionfind import DisjointSets
from storylens.compare.values import SlotValue, slot_conflict
from storylens.compare.weekdays import weekday_items
from storylens.model import Analysis
from storylens.model.comparison import AlignedFact, Conflict, ConflictKind, Fact

SURE_LINK = 0.45
"""A number or date conflict needs two facts that disagree to be linked at least this surely
(a pair the model doubts may be two facts, not one told two ways: no conflict is listed).
Measured with `bench/compare_conflicts.py`-style listings at a bar of 0.3: on BASIL dev (50
stories) no conflict at all, on ECB+ topics 1-12 (24 stories) one more, true ("44 seconds
into the seventh" / "the 2:15 mark", linked at 0.47); 0.5 missed it."""

_Found = tuple[ConflictKind, str, list[SlotValue], str]
"""(kind, subject, values, row id) of one row's disagreement."""


def value_conflicts(
    rows: Sequence[AlignedFact], analyses: Sequence[Analysis], *, first_id: int = 1
) -> list[Conflict]:
    """One number, date, time or record conflict per disputed item in the shared rows."""
    by_id = {a.article.id: a for a in analyses}
    found: list[_Found] = []
    for row in rows:
        if len(row.facts) < 2:
            continue
        members = tuple(f for f in (*row.facts, *row.restated) if f.statement)
        items = number_items(members, by_id) + date_items(members, by_id)
        items += clock_items(members, by_id) + period_items(members, by_id)
        items += record_items(members, by_id) + weekday_items(members, by_id)
        strong = {(k.source, k.target) for k in row.links if k.score >= SURE_LINK}
        for kind, subject, values in items:
            conflict = slot_conflict(kind, subject, values, row=row.id, conflict_id="")
            if conflict is not None and _sure(conflict, values, strong):
                found.append((kind, subject, values, row.id))
    found += _story_records(rows, by_id)
    conflicts: list[Conflict] = []
    for kind, subject, values, row_id in _merged(found):
        conflict = slot_conflict(
            kind, subject, values, row=row_id, conflict_id=f"C{first_id + len(conflicts)}"
        )
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts


def _story_records(rows: Sequence[AlignedFact], by_id: dict[str, Analysis]) -> list[_Found]:
    """The records the story's statements give each competitor, as one slot per person.

    Kept when the majority's record and another position's are more than one bout apart (so
    not a record before the fight beside one after it); placed in the row of the majority's
    first fact.
    """
    members: dict[str, Fact] = {}
    row_of: dict[str, str] = {}
    for row in rows:
        for fact in (*row.facts, *row.restated):
            if fact.statement:
                members.setdefault(fact.id, fact)
                row_of.setdefault(fact.id, row.id)
    found: list[_Found] = []
    for kind, subject, values in record_items(list(members.values()), by_id):
        conflict = slot_conflict(kind, subject, values, row="", conflict_id="")
        if conflict is None:
            continue
        held = {v.article_id: v for v in values}
        majority = [held[a] for a in conflict.positions[0].article_ids]
        others = [held[a] for p in conflict.positions[1:] for a in p.article_ids]
        if any(bouts_apart(m.low, o.low) > 1 for m in majority for o in others):
            found.append((kind, subject, values, row_of[majority[0].fact.id]))
    return found


def _merged(found: Sequence[_Found]) -> list[_Found]:
    """Disagreements on one slot that share a value's place, joined (first row kept)."""
    sets = DisjointSets(len(found))
    owner: dict[tuple[ConflictKind, str, str, int], int] = {}
    for n, (kind, subject, values, _) in enumerate(found):
        for value in values:
            key = (kind, subject, value.article_id, value.span.start)
            sets.union(n, owner.setdefault(key, n))
    joined: dict[int, list[int]] = {}
    for n in range(len(found)):
        joined.setdefault(sets.find(n), []).append(n)
    merged = []
    for members in joined.values():
        kind, subject, _, row_id = found[members[0]]
        union: dict[tuple[str, int], SlotValue] = {}
        for n in members:
            for value in found[n][2]:
                union.setdefault((value.article_id, value.span.start), value)
        merged.append((kind, subject, list(union.values()), row_id))
    return merged


def _sure(conflict: Conflict, values: Sequence[SlotValue], strong: set[tuple[str, str]]) -> bool:
    """Some fact of the majority and some fact of another position are surely one fact."""
    fact_of = {v.article_id: v.fact.id for v in values}
    first, *rest = conflict.positions
    return any(
        (fact_of[a], fact_of[b]) in strong or (fact_of[b], fact_of[a]) in strong
        for a in first.article_ids
        for p in rest
        for b in p.article_ids
    )
