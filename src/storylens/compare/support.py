"""Does one outlet's own fact state what a summary sentence says? Checked per outlet.

An outlet supports a summary sentence taken from fact ``S`` when one of its facts in the row is
``S`` itself or is linked to ``S`` directly (the pair model's bar, not row membership), is a
statement (not page text: `Fact.kind`), gives every count ``S`` gives with a value ``S``'s does
not rule out, states no other day and names no other place than ``S`` does (`agreement`), names
every venue ``S`` gives and, when ``S`` gives one, no other venue (`venues`), shares a content
word with each main clause of ``S`` when it joins two (`clauses`), and, when ``S`` quotes
someone, gives those words to the same person. Outlets on the losing side of a conflict
about the row, or holding a minority side of a conflict stated in any member, never support it.
A fact fit to be a summary sentence is prose: a statement, a whole sentence of at least six
words ending in sentence punctuation (not an ellipsis), not a headline (title case, or the
opening of an article with no title), caption, dateline or page timestamp ("Updated 4:08 p.m.",
"May 3, 2013 at 7:31 AM"), nor the opening of an untitled article (perhaps its headline run
into the lede), which supports no summary sentence either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storylens.compare.agreement import days_agree, places_agree
from storylens.compare.clauses import clauses_agree
from storylens.compare.entities import names_agree
from storylens.compare.features import counted_head
from storylens.compare.numbers import bounds
from storylens.compare.spans import overlaps, starts_inside
from storylens.compare.venues import venues_agree
from storylens.model import Analysis, Span
from storylens.model.comparison import AlignedFact, Conflict, Fact

_END = re.compile(r"(?<!\.\.)[.!?][\"'”’)]*$")
_STAMP = re.compile(
    r"\b(?:published|posted|updated)\b\W*\w*\W*\d|\d{4}\W{0,4}(?:at\s+)?\d{1,2}:\d{2}"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:\([^)]*\))?\s*[-—–:]")
_MIN_WORDS = 6


def prose(fact: Fact, analysis: Analysis) -> bool:
    """True when the fact reads as a body sentence (no headline, caption, dateline, fragment)."""
    text = " ".join(fact.span.text.split())
    if not fact.statement:
        return False
    if len(text.split()) < _MIN_WORDS or not _END.search(text) or _DATELINE.match(text):
        return False
    if _STAMP.search(text) or _title_case(text):
        return False
    if not (text[:1].isupper() or text[:1] in "\"“'‘"):
        return False
    article = analysis.article
    title = article.title_span
    if untitled_opening(fact, analysis):
        return False
    spans = [c.span for c in article.captions] + ([title] if title is not None else [])
    if any(overlaps(fact.span, s) for s in spans):
        return False
    return " ".join(article.title.split()) != text.rstrip(".")


def untitled_opening(fact: Fact, analysis: Analysis) -> bool:
    """The fact opens an article with no title: perhaps its headline run into the lede.

    Such a fact is neither a summary sentence nor an outlet's support for one.
    """
    article = analysis.article
    return not (article.title or "").strip() and not article.text[: fact.span.start].strip()


def _title_case(text: str) -> bool:
    """A headline: most words of four letters or more start with a capital."""
    long = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def supporters(
    row: AlignedFact,
    source: Fact,
    by_id: dict[str, Analysis],
    losers: set[str],
) -> tuple[Fact, ...]:
    """One fact per outlet in the row that supports ``source`` (``source`` first)."""
    linked = {(k.source, k.target) for k in row.links} | {(k.target, k.source) for k in row.links}
    found: dict[str, Fact] = {source.article_id: source}
    for fact in (*row.facts, *row.restated):
        if fact.article_id in found or fact.article_id in losers or not fact.statement:
            continue
        if untitled_opening(fact, by_id[fact.article_id]):
            continue
        if (fact.id, source.id) not in linked:
            continue
        analysis, own = by_id[fact.article_id], by_id[source.article_id]
        if not numbers_agree(fact, analysis, source, own):
            continue
        if not speakers_agree(fact, analysis, source, own):
            continue
        if not days_agree(fact, analysis, source, own):
            continue
        if not places_agree(fact, analysis, source, own):
            continue
        if not venues_agree(fact, analysis, source, own):
            continue
        if not clauses_agree(fact, analysis, source, own):
            continue
        found[fact.article_id] = fact
    return tuple(found.values())


def losing_sides(
    row: AlignedFact,
    conflicts: Sequence[Conflict],
    quoted: Mapping[str, Sequence[tuple[str, Span]]] | None = None,
) -> tuple[set[str], list[Conflict]] | None:
    """The articles outside each touching conflict's majority, and those conflicts.

    A speaker conflict touches the row when a member holds one of its sides, or any quote of
    its quote group (``quoted``: conflict id → (article id, quote span)), even one whose
    article took no side ("he said"). None when a conflict about the row has no majority of
    independent accounts (a tie; copies of one text count once): the row is left out.
    """
    members = (*row.facts, *row.restated)
    losers: set[str] = set()
    touching = []
    for conflict in conflicts:
        spans = (quoted or {}).get(conflict.id, ())
        if not _touches(conflict, row.id, members) and not any(
            a == f.article_id and overlaps(span, f.span) for a, span in spans for f in members
        ):
            continue
        first, *rest = conflict.positions
        if rest and (rest[0].accounts or rest[0].count) >= (first.accounts or first.count):
            return None
        losers |= {a for p in rest for a in p.article_ids}
        touching.append(conflict)
    return losers, touching


def _touches(conflict: Conflict, row_id: str, members: Sequence[Fact]) -> bool:
    """The conflict is about the row, or a member holds one of its sides (any kind).

    A conflict is detected in one row, but the value it disputes can be stated in others:
    every row holding a side is guarded, not only the first.
    """
    if conflict.row == row_id:
        return True
    return any(
        side.article_id == f.article_id and overlaps(side.span, f.span)
        for side in conflict.sides
        for f in members
    )


def numbers_agree(first: Fact, a: Analysis, second: Fact, b: Analysis) -> bool:
    """``first`` gives every count of ``second`` (same noun, values that can both hold).

    No count of ``first`` may be ruled out by one of ``second`` for the same noun, and an
    outlet that says "workers were killed" does not state "five workers were killed".
    """
    counts_a, counts_b = _counts(first, a), _counts(second, b)
    for head, low, high in counts_a:
        for other, other_low, other_high in counts_b:
            if head == other and (low > other_high or other_low > high):
                return False
    heads = {head for head, _, _ in counts_a}
    return all(other in heads for other, _, _ in counts_b)


def _counts(fact: Fact, analysis: Analysis) -> list[tuple[str, float, float]]:
    return [
        (counted_head(n.counted.text), *bounds(analysis.article.text, n.span, n.value))
        for n in analysis.numbers
        if n.counted is not None and n.value is not None and starts_inside(n.span, fact.span)
    ]


def speakers_agree(first: Fact, a: Analysis, second: Fact, b: Analysis) -> bool:
    """When ``second`` quotes someone, ``first`` gives quoted words to the same person."""
    wanted = _speakers(second, b)
    if not wanted:
        return True
    given = _speakers(first, a)
    return any(names_agree(x, y) for x in given for y in wanted)


def _speakers(fact: Fact, analysis: Analysis) -> list[str]:
    return [
        q.speaker.name
        for q in analysis.quotes
        if q.speaker is not None and overlaps(q.content, fact.span)
    ]
