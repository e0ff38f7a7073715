"""What the HTML templates show of the findings: only-here rows, quote groups, conflicts.

Plain data for ``report/templates/`` (Jinja2, autoescaped). "Only here" is
`Comparison.unique` (a row with ``near`` set is not unique: another article has a fact close
to it); quotes are shown once per `QuoteGroup`, conflicts by `Position`, majority first.
"""

from __future__ import annotations

from dataclasses import dataclass

from storylens.model.comparison import (
    AlignedFact,
    Comparison,
    Conflict,
    Position,
    SummarySentence,
)
from storylens.report.html_view import row_label

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class OnlyHere:
    """One outlet's rows no other outlet carries or comes near: ``rows`` are (id, label)."""

    label: str
    rows: tuple[tuple[str, str], ...]


@dataclass(**_FROZEN)
class NearRow:
    """A row one outlet carries that others come close to: not called "only here"."""

    id: str
    label: str
    outlet: str
    near: tuple[str, ...]


@dataclass(**_FROZEN)
class PositionView:
    """One side (a value or speaker) with its outlets, wire copies marked "copy of X".

    ``accounts`` is the independent ones (copies of one text count once).
    """

    value: str
    count: int
    accounts: int
    outlets: tuple[str, ...]
    sentence: str
    """The sentence of the position's first article (the evidence)."""


@dataclass(**_FROZEN)
class QuoteGroupView:
    """One quote group: the words (its shortest quote), the outlet count, each speaker."""

    id: str
    words: str
    count: int
    speakers: tuple[PositionView, ...]
    accounts: int = 0
    """Independent accounts among the outlets (copies of one text count once)."""


@dataclass(**_FROZEN)
class ConflictView:
    """One disputed item and its positions, majority first."""

    id: str
    kind: str
    subject: str
    positions: tuple[PositionView, ...]


def only_here(comparison: Comparison) -> list[OnlyHere]:
    """Per outlet, its `Comparison.unique` rows."""
    return [
        OnlyHere(
            label=ref.label,
            rows=tuple((row.id, row_label(row)) for row in comparison.unique(ref.id)),
        )
        for ref in comparison.articles
    ]


def near_rows(comparison: Comparison) -> list[NearRow]:
    """Rows one outlet carries alone that other outlets have a fact close to."""
    return [
        NearRow(
            id=row.id,
            label=row_label(row),
            outlet=comparison.article(row.article_ids[0]).label,
            near=tuple(comparison.article(a).label for a in row.near),
        )
        for row in near_alone(comparison)
    ]


def near_alone(comparison: Comparison) -> list[AlignedFact]:
    """Rows one account states alone that another account has a fact close to.

    Neither shared nor "only here"; page text (`Fact.kind`) is neither.
    """
    unique = {r.id for ref in comparison.articles for r in comparison.unique(ref.id)}
    return [
        row
        for row in comparison.rows
        if row.id not in unique
        and row.near
        and any(f.statement for f in row.facts)
        and len({comparison.account(a) for a in row.article_ids}) == 1
    ]


def outlet_label(comparison: Comparison, article_id: str) -> str:
    """The outlet's label, with "copy of X" when it carries another compared article's text."""
    ref = comparison.article(article_id)
    if ref.copy_of and ref.copy_of != ref.id:
        return f"{ref.label} (copy of {comparison.article(ref.copy_of).label})"
    return ref.label


def _position(comparison: Comparison, position: Position, sentence: str = "") -> PositionView:
    return PositionView(
        value=position.value,
        count=position.count,
        accounts=position.accounts,
        outlets=tuple(outlet_label(comparison, a) for a in position.article_ids),
        sentence=sentence,
    )


def quote_groups(comparison: Comparison) -> list[QuoteGroupView]:
    """One entry per quote group: the words, then each speaker position."""
    views = []
    for group in comparison.quote_groups:
        shortest = min(group.quotes, key=lambda q: len(q.content.text))
        views.append(
            QuoteGroupView(
                id=group.id,
                words=" ".join(shortest.content.text.split()),
                count=len({q.article_id for q in group.quotes}),
                speakers=tuple(_position(comparison, p) for p in group.speakers),
                accounts=len({comparison.account(q.article_id) for q in group.quotes}),
            )
        )
    return views


def conflicts(comparison: Comparison) -> list[ConflictView]:
    """Every conflict with its positions in the records' order (majority first)."""
    return [
        ConflictView(
            id=conflict.id,
            kind=conflict.kind.value,
            subject=conflict.subject,
            positions=tuple(
                _position(comparison, p, _evidence(conflict, p)) for p in conflict.positions
            ),
        )
        for conflict in comparison.conflicts
    ]


def _evidence(conflict: Conflict, position: Position) -> str:
    side = next((s for s in conflict.sides if s.article_id in position.article_ids), None)
    return " ".join(side.sentence.text.split()) if side else ""


def split_dissent(sentence: SummarySentence) -> tuple[str, str]:
    """The sentence's words and its dissent, apart: ``text`` is ``words (dissent).``.

    The template prints ``words (dissent).``, the dissent marked, so the page shows the
    summary's text unchanged; "" for the dissent when the row holds no conflict.
    """
    tail = f" ({sentence.dissent})."
    if not sentence.dissent or not sentence.text.endswith(tail):
        return sentence.text, ""
    return sentence.text[: -len(tail)], sentence.dissent
