"""Numbers and dates that disagree within one row: one conflict per disputed item.

A row's members state one proposition, so two of its articles disagree on a number when they
count the same thing in the same role (the counted noun, and the casualty or tally word that
goes with it: "killed", "injured", "votes"; a count with no such word, or a score like
"88-72", is not compared) with values that cannot both be true. "At least 40" and "49" agree;
"about 50" and "49" agree; "five" and "three" do not. An article that gives two values for
one role in the row is left out of it (which is which is unclear). Dates disagree only when
each article's member carries exactly one date of that precision, written as a date (not
"Monday", which was placed against each article's own publication date), going with the same
word ("convicted in June 1998" and "returned to prison in June 1999" are two events), not a
page timestamp ("Published November 30, 2009", "May 3, 2013 at 7:31 AM"), and the days differ.
Each conflict lists its positions (value × articles), most articles first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.features import counted_head, stem
from storylens.compare.records import (
    AlignedFact,
    Conflict,
    ConflictKind,
    ConflictSide,
    Fact,
    Position,
)
from storylens.compare.spans import starts_inside
from storylens.model import Analysis, Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}
_ROLES = re.compile(
    r"\b(kill|dead|die|death|injur|wound|hurt|missing|arrest|detain|evacuat|rescu|"
    r"vote|voting|ballot|seat|cost|fine|paid|pay|rais|spent|sentenc|charg|displac|"
    r"infect|confirm|sav|lost|los)",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"(?:at least|more than|over|upwards of|in excess of|as many as)\s*$", re.I)
_AT_MOST = re.compile(r"(?:nearly|almost|up to|fewer than|less than|under|no more than)\s*$", re.I)
_ABOUT = re.compile(
    r"(?:about|around|roughly|approximately|some|an estimated|estimated|or so)\s*$", re.I
)
_SLACK = 0.2
_CLOCK = re.compile(r"[\s,|]*(?:at\s+)?\d{1,2}:\d{2}")
_STAMP = re.compile(r"\b(?:published|posted|updated|last modified)\b[^.]*$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_FILLER = (
    "on in at of since by from until to the a an and or early late mid last this next "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday between before after during"
)
_NOT_ROLES = frozenset(_FILLER.split())
_NUMERAL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SCORE = re.compile(rf"\d+\s*[-–]\s*\d+|\b{_NUMERAL}[-\s]in[-\s]{_NUMERAL}\b", re.IGNORECASE)
"""A score or ratio ("88-72", "one-in-three", "1 in 3"): not a count."""


@dataclass(**_FROZEN)
class _Value:
    article_id: str
    fact: Fact
    span: Span
    low: float
    high: float
    label: str


def value_conflicts(
    rows: Sequence[AlignedFact], analyses: Sequence[Analysis], *, first_id: int = 1
) -> list[Conflict]:
    """One number or date conflict per disputed item in the rows two or more articles share."""
    by_id = {a.article.id: a for a in analyses}
    conflicts: list[Conflict] = []
    for row in rows:
        if len(row.facts) < 2:
            continue
        members = tuple(f for f in (*row.facts, *row.restated) if f.statement)
        items = _number_items(members, by_id) + _date_items(members, by_id)
        strong = {(k.source, k.target) for k in row.links if k.score >= SURE_LINK}
        for kind, subject, values in items:
            conflict = _conflict(kind, subject, values, row.id, f"C{first_id + len(conflicts)}")
            if conflict is not None and _sure(conflict, values, strong):
                conflicts.append(conflict)
    return conflicts


SURE_LINK = 0.5
"""A number or date conflict needs two facts that disagree to be linked at least this surely
(a pair the model doubts may be two facts, not one told two ways: no conflict is listed)."""


def _sure(conflict: Conflict, values: Sequence[_Value], strong: set[tuple[str, str]]) -> bool:
    """Some fact of the majority and some fact of another position are surely one fact."""
    fact_of = {v.article_id: v.fact.id for v in values}
    first, *rest = conflict.positions
    return any(
        (fact_of[a], fact_of[b]) in strong or (fact_of[b], fact_of[a]) in strong
        for a in first.article_ids
        for p in rest
        for b in p.article_ids
    )


def _number_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[_Value]]]:
    by_role: dict[str, list[_Value]] = {}
    for fact in members:
        analysis = by_id[fact.article_id]
        for number in analysis.numbers:
            if (
                number.counted is None
                or number.value is None
                or not starts_inside(number.span, fact.span)
            ):
                continue
            text = analysis.article.text
            role = _role(text, number.span, fact.span)
            around = text[max(fact.span.start, number.span.start - 8) : number.counted.end]
            if not role or _SCORE.search(around):
                continue
            key = f"{counted_head(number.counted.text)} {role}"
            low, high = bounds(text, number.span, number.value)
            start = max(fact.span.start, _qualifier_start(text, number.span))
            end = max(number.span.end, number.counted.end)
            value = _Value(
                article_id=fact.article_id,
                fact=fact,
                span=number.span,
                low=low,
                high=high,
                label=" ".join(text[start:end].split()),
            )
            by_role.setdefault(key, []).append(value)
    return [(ConflictKind.NUMBER, _subject(key), v) for key, v in by_role.items()]


def _subject(key: str) -> str:
    head, _, role = key.partition(" ")
    return f"number of {head}s ({role}…)"


def _qualifier(text: str, span: Span) -> tuple[str, int]:
    """The qualifier of a number ("at least", "about", in or before its span) and its start.

    ``("", span.start)`` when there is none.
    """
    lead = text[max(0, span.start - 24) : span.end]
    numeral = re.search(r"\S+$", lead)
    head = lead[: numeral.start()] if numeral else lead
    for kind, pattern in (("min", _AT_LEAST), ("max", _AT_MOST), ("about", _ABOUT)):
        found = pattern.search(head)
        if found:
            return kind, span.end - len(lead) + found.start()
    return "", span.start


def _qualifier_start(text: str, span: Span) -> int:
    return min(_qualifier(text, span)[1], span.start)


def _role(text: str, number: Span, fact: Span) -> str:
    """The casualty or tally word nearest the number within its fact ("" when none)."""
    start, end = max(fact.start, number.start - 60), min(fact.end, number.end + 60)
    best: tuple[int, str] | None = None
    for found in _ROLES.finditer(text, start, end):
        if number.start <= found.start() < number.end:
            continue
        gap = (
            found.start() - number.end
            if found.start() >= number.end
            else number.start - found.end()
        )
        if best is None or gap < best[0]:
            best = (gap, found.group(1).lower()[:4])
    return best[1] if best else ""


def bounds(text: str, span: Span, value: float) -> tuple[float, float]:
    """The range a number allows, from its qualifier ("at least 40": 40 to ∞)."""
    kind = _qualifier(text, span)[0]
    if kind == "min":
        return value, math.inf
    if kind == "max":
        return 0.0, value
    if kind == "about":
        return value * (1 - _SLACK), value * (1 + _SLACK)
    return value, value


def _date_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[_Value]]]:
    by_precision: dict[str, list[_Value]] = {}
    for fact in members:
        dates = [
            d
            for d in by_id[fact.article_id].dates
            if d.value is not None and starts_inside(d.span, fact.span)
        ]
        text = by_id[fact.article_id].article.text
        for precision in {d.granularity.value for d in dates}:
            same = [d for d in dates if d.granularity.value == precision]
            if len(same) != 1 or same[0].relative or same[0].value is None:
                continue
            role = _date_role(text, same[0].span, fact.span)
            if not role:
                continue
            day = float(same[0].value.toordinal())
            value = _Value(
                article_id=fact.article_id,
                fact=fact,
                span=same[0].span,
                low=day,
                high=day,
                label=same[0].value.isoformat(),
            )
            by_precision.setdefault(f"{precision} {role}", []).append(value)
    return [
        (ConflictKind.DATE, f"date ({key.split()[0]}) of “{key.split()[1]}…”", v)
        for key, v in by_precision.items()
    ]


def _date_role(text: str, date: Span, fact: Span) -> str:
    """The word a date goes with: the nearest content word before it in its fact (a stem).

    "" for a timestamp (after "published", "posted", "updated", or followed by a clock time)
    and when no content word precedes it: such a date dates the page, not an event.
    """
    after = text[date.end : min(fact.end, date.end + 16)]
    before = text[max(fact.start, date.start - 40) : date.start]
    if _CLOCK.match(after) or _STAMP.search(before):
        return ""
    words = [w for w in _WORDS.findall(before) if w.lower() not in _NOT_ROLES]
    return stem(words[-1]) if words else ""


def _conflict(
    kind: ConflictKind, subject: str, values: list[_Value], row: str, conflict_id: str
) -> Conflict | None:
    """A conflict when two articles' values cannot both hold; articles with two values drop out."""
    per_article: dict[str, list[_Value]] = {}
    for value in values:
        per_article.setdefault(value.article_id, []).append(value)
    single = [v[0] for v in per_article.values() if len({(x.low, x.high) for x in v}) == 1]
    if len(single) < 2 or all(_compatible(a, b) for a in single for b in single):
        return None
    groups: dict[tuple[float, float], list[_Value]] = {}
    for value in single:
        groups.setdefault((value.low, value.high), []).append(value)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0].low))
    positions = tuple(
        Position(value=g[0].label, article_ids=tuple(v.article_id for v in g), count=len(g))
        for g in ordered
    )
    sides = tuple(
        ConflictSide(article_id=v.article_id, value=v.label, span=v.span, sentence=v.fact.span)
        for g in ordered
        for v in g
    )
    return Conflict(
        id=conflict_id, kind=kind, subject=subject, sides=sides, positions=positions, row=row
    )


def _compatible(a: _Value, b: _Value) -> bool:
    return a.low <= b.high and b.low <= a.high
