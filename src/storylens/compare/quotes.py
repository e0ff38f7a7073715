"""Match quotes across articles (groups and speaker conflicts: `storylens.compare.quote_groups`).

Two quotes match when they carry the same words, when one is a trimmed part of the other, or
when a short partial quote's words appear in order within a compact window of the other
("[did] not come lightly" ~ "This is not a decision that was taken lightly"). Bracketed
insertions are editorial, not the speaker's words, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.entities import MergedEntities
from storylens.compare.features import STOPWORDS, stem
from storylens.model import Analysis, Attribution, EntityLabel, Quote, Span
from storylens.model.comparison import MatchKind, QuoteMatch, QuoteRef
from storylens.names import TITLE_WORDS, name_key

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_SHINGLE = 4
_LONG = 12
_MIN_SHARE = 0.6


@dataclass(**_FROZEN)
class QuoteHit:
    """A match between two quotes, with the offset where the shared words start in each."""

    match: QuoteMatch
    offsets: tuple[int, int]


def quote_refs(analysis: Analysis, merged: MergedEntities) -> list[QuoteRef]:
    """The article's quotes with their speakers' story-wide keys."""
    return [_ref(analysis, quote, merged) for quote in analysis.quotes]


def _ref(analysis: Analysis, quote: Quote, merged: MergedEntities) -> QuoteRef:
    speaker, key = "?", None
    if quote.speaker is not None:
        keys = sorted(
            {k for e in quote.speaker.entity_ids if (k := merged.key(analysis.article.id, e))}
        )
        speaker = " and ".join(merged.names[k] for k in keys) or quote.speaker.name
        key = "+".join(keys) or None
    return QuoteRef(
        article_id=analysis.article.id,
        quote_id=quote.id,
        speaker=speaker,
        speaker_key=key,
        content=quote.content,
        sentence=quote.sentence,
        named=_named(analysis, quote, merged, key),
    )


_NAMED = frozenset([Attribution.CUE, Attribution.ACCORDING_TO, Attribution.SIGNATURE])


def _named(analysis: Analysis, quote: Quote, merged: MergedEntities, key: str | None) -> bool:
    """The quote names a person as its speaker right there (not "he said", not carried over)."""
    speaker = quote.speaker
    if speaker is None or key is None or quote.attribution not in _NAMED:
        return False
    mention = speaker.mention.text if speaker.mention is not None else speaker.name
    if not has_name(mention) or mention.lower() in _PRONOUNS:
        return False
    return all(merged.labels.get(k) is EntityLabel.PERSON for k in key.split("+"))


_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it"])


_RANKS = frozenset(
    (
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "lt",
        "lieutenant",
        "cpl",
        "corporal",
        "pvt",
        "private",
        "maj",
        "major",
        "colonel",
        "det",
        "detective",
        "insp",
        "inspector",
        "supt",
        "superintendent",
        "cmdr",
        "commander",
        "trooper",
        "constable",
        "pc",
        "agent",
        "sr",
        "jr",
        "cllr",
        "mp",
    )
)
"""Ranks and abbreviations that are not a name ("said Sgt." split before the surname)."""


def has_name(speaker: str) -> bool:
    """True when the speaker as given holds a capitalised word that is not a title or rank.

    A title alone ("Sgt", "state police Sgt") or a description ("The judge", capitalised at
    the start of a sentence) names nobody: it takes no side in a conflict.

    >>> has_name("Sgt"), has_name("The judge"), has_name("Sgt. Dana Whitlock")
    (False, False, True)
    """
    return any(
        word[:1].isupper() and not {key} & (TITLE_WORDS | _RANKS | STOPWORDS)
        for word in speaker.split()
        if (key := name_key(word))
    )


def _tokens(span: Span) -> list[tuple[str, int]]:
    """Lowercased words of a quote with absolute offsets, bracketed insertions removed."""
    text = _BRACKETS.sub(lambda m: " " * len(m.group()), span.text)
    return [(m.group().lower(), span.start + m.start()) for m in _TOKEN.finditer(text)]


def match_quotes(refs: Sequence[QuoteRef]) -> list[QuoteHit]:
    """Every matching pair of quotes from different articles, ids in a stable order."""
    tokens = [_tokens(ref.content) for ref in refs]
    stems = [{stem(w) for w, _ in t if w not in STOPWORDS} for t in tokens]
    order = sorted(range(len(refs)), key=lambda i: (refs[i].article_id, refs[i].quote_id))
    hits: list[QuoteHit] = []
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if refs[i].article_id == refs[j].article_id or not stems[i] & stems[j]:
                continue
            found = _compare(tokens[i], tokens[j])
            if found is not None:
                kind, overlap, offsets = found
                match = QuoteMatch(
                    id=f"Q{len(hits) + 1}",
                    kind=kind,
                    overlap=round(overlap, 3),
                    quotes=(refs[i], refs[j]),
                )
                hits.append(QuoteHit(match=match, offsets=offsets))
    return hits


def _compare(
    first: list[tuple[str, int]], second: list[tuple[str, int]]
) -> tuple[MatchKind, float, tuple[int, int]] | None:
    words_a, words_b = [w for w, _ in first], [w for w, _ in second]
    if not words_a or not words_b:
        return None
    if words_a == words_b:
        return MatchKind.SAME, 1.0, (first[0][1], second[0][1])
    if min(len(words_a), len(words_b)) >= _LONG:
        found = _shingle_match(words_a, words_b)
    else:
        found = _window_match(words_a, words_b)
    if found is None:
        return None
    share, start_a, start_b = found
    return MatchKind.PARTIAL, share, (first[start_a][1], second[start_b][1])


def _shingle_match(a: list[str], b: list[str]) -> tuple[float, int, int] | None:
    grams_a = {tuple(a[i : i + _SHINGLE]): i for i in range(len(a) - _SHINGLE + 1)}
    grams_b = {tuple(b[i : i + _SHINGLE]): i for i in range(len(b) - _SHINGLE + 1)}
    shared = grams_a.keys() & grams_b.keys()
    share = len(shared) / max(min(len(grams_a), len(grams_b)), 1)
    if share < _MIN_SHARE / 2:
        return None
    first = min(shared, key=lambda g: grams_a[g])
    return share, grams_a[first], grams_b[first]


def _window_match(a: list[str], b: list[str]) -> tuple[float, int, int] | None:
    """A short quote's words in order inside a compact window of the other."""
    short, long, swapped = (a, b, False) if len(a) <= len(b) else (b, a, True)
    if len(short) < 3:
        return None
    present = set(long)
    if sum(w in present for w in short) < _MIN_SHARE * len(short):
        return None  # the in-order match below can count no more words than these
    width = 2 * len(short) + 3
    best: tuple[int, int, int] = (0, 0, 0)
    for begin in range(max(len(long) - len(short), 0) + 1):
        matched, first_short, first_long = _in_order(short, long[begin : begin + width])
        if matched > best[0]:
            best = (matched, first_short, begin + first_long)
    matched, at_short, at_long = best
    content = [w for w in short if w not in STOPWORDS]
    if matched / len(short) < _MIN_SHARE or matched < 2 or not content:
        return None
    if not any(w in long for w in content):
        return None
    share = matched / len(short)
    return (share, at_long, at_short) if swapped else (share, at_short, at_long)


def _in_order(short: list[str], window: list[str]) -> tuple[int, int, int]:
    """Greedy in-order match: count, and the first matched position in each list."""
    matched, cursor, first = 0, 0, (-1, -1)
    for n, word in enumerate(short):
        try:
            found = window.index(word, cursor)
        except ValueError:
            continue
        if first == (-1, -1):
            first = (n, found)
        matched, cursor = matched + 1, found + 1
    return matched, max(first[0], 0), max(first[1], 0)
