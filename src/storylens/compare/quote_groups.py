"""Quote groups (the same words in several articles) and one speaker conflict per group.

Matched quotes are joined into groups (a quote matched by another is in its group). Each
group lists the speakers the articles give, as positions (speaker × articles), most articles
first. Two speakers are one person when they share a merged entity, or when their names agree
once titles are dropped: the same surname, and first names that do not disagree ("Mattis" =
"Jim Mattis" = "Defense Secretary Jim Mattis"), or one full name misspelt ("Andrew Wetzler",
"Andrew Welzler"). A group in which articles *name* two or more
different people at the quote (`QuoteRef.named`: a cue, "according to" or signature naming a
person; "he said", carried attributions and organisations take no side) is ONE conflict, its
positions majority first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from difflib import SequenceMatcher

from storylens.compare.entities import names_agree
from storylens.compare.quotes import QuoteHit, has_name
from storylens.compare.unionfind import DisjointSets
from storylens.model import Span
from storylens.model.comparison import (
    Conflict,
    ConflictKind,
    ConflictSide,
    Position,
    QuoteGroup,
    QuoteRef,
)
from storylens.names import TITLE_WORDS, name_key

_MIN_WORDS = 4
"""A quote group's longest quote needs this many words (bracketed insertions count) to take
part in a speaker conflict: three words ("act of terror", "This Week") are too common to show
that one statement was given to two people."""


def quote_groups(hits: Sequence[QuoteHit], article_order: Sequence[str]) -> list[QuoteGroup]:
    """The groups of matched quotes, most articles first, then by first appearance."""
    refs: dict[tuple[str, str], QuoteRef] = {}
    for hit in hits:
        for ref in hit.match.quotes:
            refs.setdefault((ref.article_id, ref.quote_id), ref)
    keys = list(refs)
    index = {key: n for n, key in enumerate(keys)}
    sets = DisjointSets(len(keys))
    for hit in hits:
        first, second = ((q.article_id, q.quote_id) for q in hit.match.quotes)
        sets.union(index[first], index[second])
    members: dict[int, list[int]] = {}
    for n in range(len(keys)):
        members.setdefault(sets.find(n), []).append(n)
    rank = {article_id: n for n, article_id in enumerate(article_order)}
    groups = []
    for indices in members.values():
        quotes = sorted(
            (refs[keys[n]] for n in indices), key=lambda q: (rank[q.article_id], q.content.start)
        )
        ids = {(q.article_id, q.quote_id) for q in quotes}
        matches = tuple(
            h.match.id
            for h in hits
            if (h.match.quotes[0].article_id, h.match.quotes[0].quote_id) in ids
        )
        groups.append((quotes, matches))
    groups.sort(key=lambda g: (-len({q.article_id for q in g[0]}), rank[g[0][0].article_id]))
    return [
        QuoteGroup(id=f"G{n + 1}", quotes=tuple(q), speakers=_speakers(q), matches=m)
        for n, (q, m) in enumerate(groups)
    ]


def _people(quotes: Sequence[QuoteRef]) -> list[list[QuoteRef]]:
    """The group's quotes by person (first quote of each article), most articles first."""
    people: list[list[QuoteRef]] = []
    for quote in quotes:
        if quote.speaker_key is None and quote.speaker == "?":
            continue
        for refs in people:
            if same_person(refs[0], quote):
                if all(r.article_id != quote.article_id for r in refs):
                    refs.append(quote)
                break
        else:
            people.append([quote])
    people.sort(key=lambda refs: -len(refs))
    return people


def _speakers(quotes: Sequence[QuoteRef]) -> tuple[Position, ...]:
    """Speaker positions of a group: one per person, each with its articles, most first."""
    return tuple(
        Position(
            value=refs[0].speaker,
            article_ids=tuple(r.article_id for r in refs),
            count=len(refs),
        )
        for refs in _people(quotes)
    )


def same_person(first: QuoteRef, second: QuoteRef) -> bool:
    """True when two quotes' speakers are one person: a shared entity or agreeing names.

    >>> a = QuoteRef(article_id="a", quote_id="q", speaker="Jim Mattis", speaker_key=None,
    ...     content=Span(start=0, end=1, text="x"), sentence=0)
    >>> same_person(a, QuoteRef(article_id="b", quote_id="q", speaker="Mattis", speaker_key="k",
    ...     content=Span(start=0, end=1, text="x"), sentence=0))
    True
    """
    keys = (first.speaker_key or "", second.speaker_key or "")
    if all(keys) and set(keys[0].split("+")) & set(keys[1].split("+")):
        return True
    return names_agree(first.speaker, second.speaker) or misspelt(first.speaker, second.speaker)


def misspelt(first: str, second: str) -> bool:
    """One full name written two ways: the same first name, surnames a letter or so apart.

    >>> misspelt("Andrew Wetzler", "Andrew Welzler"), misspelt("John Kerry", "John Kirby")
    (True, False)
    """
    a = [w for w in name_key(first).split() if w not in TITLE_WORDS]
    b = [w for w in name_key(second).split() if w not in TITLE_WORDS]
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or min(len(a[-1]), len(b[-1])) < _SURNAME:
        return False
    return SequenceMatcher(None, a[-1], b[-1]).ratio() >= _SPELLING


_SURNAME = 5
_SPELLING = 0.85
"""Surnames of at least five letters this alike (one letter of seven changed) are one name."""


def speaker_conflicts(
    groups: Sequence[QuoteGroup],
    sentences: dict[str, Span],
    *,
    same: Collection[frozenset[tuple[str, str]]] | None = None,
    first_id: int = 1,
) -> list[Conflict]:
    """One conflict per quote group whose articles give the words to different people.

    ``sentences`` maps ``"<article_id>:<sentence index>"`` to the sentence span. ``same``
    holds the pairs of (article id, quote id) that are surely one utterance
    (`storylens.compare.utterances`): a person is a side only when one of its quotes is
    surely the utterance a quote of the majority's person is (None: every matched pair is).
    """
    conflicts: list[Conflict] = []
    for group in groups:
        if max(len(q.content.text.split()) for q in group.quotes) < _MIN_WORDS:
            continue
        named = [q for q in group.quotes if q.named and has_name(q.speaker)]
        people = _disputed(_people(named), sentences)
        if same is not None:
            people = _shown(people, same)
        if len(people) < 2:
            continue
        conflicts.append(_conflict(group, people, sentences, f"C{first_id + len(conflicts)}"))
    return conflicts


def _conflict(
    group: QuoteGroup, people: list[list[QuoteRef]], sentences: dict[str, Span], conflict_id: str
) -> Conflict:
    """The speaker conflict of a group: its people as positions, each article's quote a side."""
    sides = tuple(
        ConflictSide(
            article_id=ref.article_id,
            value=refs[0].speaker,
            span=ref.content,
            sentence=sentences[f"{ref.article_id}:{ref.sentence}"],
        )
        for refs in people
        for ref in refs
    )
    shortest = min(group.quotes, key=lambda q: len(q.content.text))
    return Conflict(
        id=conflict_id,
        kind=ConflictKind.SPEAKER,
        subject=f"who said “{_short(shortest.content.text)}”",
        sides=sides,
        positions=tuple(
            Position(
                value=refs[0].speaker,
                article_ids=tuple(r.article_id for r in refs),
                count=len(refs),
            )
            for refs in people
        ),
        quote_group=group.id,
    )


def _shown(
    people: list[list[QuoteRef]], same: Collection[frozenset[tuple[str, str]]]
) -> list[list[QuoteRef]]:
    """The majority's person, and the others with a quote surely the majority's utterance."""
    first, *rest = people or [[]]
    mine = {(r.article_id, r.quote_id) for r in first}
    return [first] + [
        refs
        for refs in rest
        if any(frozenset({key, (r.article_id, r.quote_id)}) in same for r in refs for key in mine)
    ]


def _disputed(people: list[list[QuoteRef]], sentences: dict[str, Span]) -> list[list[QuoteRef]]:
    """The people of a group with only the articles that give the words to them alone.

    An article that also names another of the group's people in its quote's sentence ("Obama
    campaign aide Robert Gibbs called it…"), or gives the words to two of them, takes no side.
    """
    surnames = [name_key(refs[0].speaker).split()[-1:] for refs in people]
    articles = Counter(r.article_id for refs in people for r in refs)
    kept = []
    for n, refs in enumerate(people):
        others = {w for m, words in enumerate(surnames) if m != n for w in words}
        mine = [
            r
            for r in refs
            if articles[r.article_id] == 1
            and not others & set(name_key(sentences[f"{r.article_id}:{r.sentence}"].text).split())
        ]
        if mine:
            kept.append(mine)
    return sorted(kept, key=lambda refs: -len(refs))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
