"""A conflict guards every row holding one of its sides, not only the row it was found in.

Built by hand: the toll "six" that one outlet gives against two outlets' "four" sits in a
fact that is a member of two rows (the lede states the collapse and the toll). The conflict
was found in the first row; the second must keep the minority outlet out of its support too.
"""

from __future__ import annotations

from storylens.compare.support import losing_sides
from storylens.model import Span
from storylens.model.comparison import (
    AlignedFact,
    Conflict,
    ConflictKind,
    ConflictSide,
    Fact,
    Position,
)

LEDE = "Six people were killed when the footbridge fell into the canal."


def _span(start: int, end: int, text: str) -> Span:
    return Span(start=start, end=end, text=text)


def _fact(fact_id: str, article_id: str, text: str, *, at: int = 0) -> Fact:
    """A fact at offset ``at`` of its article (each article's lede starts at 0)."""
    return Fact(id=fact_id, article_id=article_id, sentence=0, span=_span(at, at + len(text), text))


def _side(article_id: str, value: str, text: str) -> ConflictSide:
    at = text.lower().index(value.lower())
    return ConflictSide(
        article_id=article_id,
        value=value,
        span=_span(at, at + len(value), text[at : at + len(value)]),
        sentence=_span(0, len(text), text),
    )


def _toll() -> tuple[Conflict, AlignedFact]:
    four = "Four people were killed when the footbridge fell into the canal."
    minority = _fact("c1", "c", LEDE)
    conflict = Conflict(
        id="C1",
        kind=ConflictKind.NUMBER,
        subject="killed",
        sides=(_side("a", "Four", four), _side("b", "four", four), _side("c", "Six", LEDE)),
        positions=(
            Position(value="four", article_ids=("a", "b"), count=2, accounts=2),
            Position(value="six", article_ids=("c",), count=1, accounts=1),
        ),
        row="F1",
    )
    fell = "The footbridge fell into the canal on Saturday morning."
    second = AlignedFact(id="F2", facts=(_fact("a2", "a", fell, at=80), minority))
    return conflict, second


def test_a_row_holding_the_minority_side_outside_the_conflict_row_is_guarded():
    conflict, second = _toll()
    sides = losing_sides(second, [conflict])
    assert sides is not None
    losers, touching = sides
    assert losers == {"c"}
    assert touching == [conflict]


def test_a_row_holding_no_side_is_not_touched():
    conflict, _ = _toll()
    other = AlignedFact(
        id="F3",
        facts=(
            _fact("a3", "a", "Divers searched the canal.", at=200),
            _fact("c3", "c", "Divers searched.", at=200),
        ),
    )
    assert losing_sides(other, [conflict]) == (set(), [])
