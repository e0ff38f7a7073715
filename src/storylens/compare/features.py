"""What a fact says, as features: its vector, entities, content words, numbers and dates.

Entity keys and content words are weighted by inverse document frequency over the story's
facts, so the story's ubiquitous names ("Russia", "Syria" in a Syria story) count for little
and a rare shared name counts for much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from storylens.compare.entities import MergedEntities
from storylens.embedding import DIMENSIONS, Vectors, WordEncoder, WordStates
from storylens.model import Analysis
from storylens.model.comparison import Fact

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_STEM = 6
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "about",
        "over",
        "after",
        "before",
        "than",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "no",
        "nor",
        "so",
        "such",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "while",
        "also",
        "only",
        "just",
        "very",
        "said",
        "says",
        "say",
        "told",
        "added",
        "according",
        "more",
        "most",
        "other",
        "some",
        "any",
        "all",
        "both",
        "each",
        "because",
        "since",
        "during",
        "until",
        "then",
    ]
)


@dataclass(**_FROZEN)
class FactFeatures:
    """Features of one fact: weighted entity keys and words, numbers, dates and speakers.

    Numbers are ``(counted, value)``; speakers are the story-wide entity keys of whoever the
    fact's quotes are attributed to.
    """

    entities: dict[str, float]
    words: dict[str, float]
    numbers: tuple[tuple[str, float], ...]
    dates: tuple[str, ...]
    speakers: frozenset[str] = frozenset()


def stem(word: str) -> str:
    """A crude stem: lowercase, at most six letters ("suspension" → "suspen").

    >>> stem("Communications") == stem("communicate")
    True
    """
    return word.lower().removesuffix("s")[:_STEM]


def content_words(text: str) -> set[str]:
    """Stems of the words of ``text`` that carry content (no stopwords)."""
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


@dataclass(frozen=True, slots=True)
class ContentWords:
    """A fact's content words as contextual states, each with its weight (IDF over the facts)."""

    vectors: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]


NO_WORDS = ContentWords(
    vectors=np.zeros((0, DIMENSIONS), dtype=np.float32), weights=np.zeros(0, dtype=np.float32)
)
"""The content words of a fact that was not embedded."""


def embed_facts(
    facts: Sequence[Fact], encoder: WordEncoder, *, only: Sequence[bool] | None = None
) -> tuple[Vectors, list[ContentWords]]:
    """One unit vector and the content words of each fact (zero/none where ``only`` is False).

    Facts are encoded in fact-id order, so the order of the input articles cannot change a
    vector. A word's weight is its IDF over the embedded facts; stopwords weigh nothing.
    """
    order = sorted(
        (i for i in range(len(facts)) if only is None or only[i]), key=lambda i: facts[i].id
    )
    out = np.zeros((len(facts), DIMENSIONS), dtype=np.float32)
    words = [NO_WORDS] * len(facts)
    if order:
        out[order], states = encoder.encode_words([facts[i].span.text for i in order])
        idf = _piece_idf(states)
        for i, state in zip(order, states, strict=True):
            keep = [n for n, piece in enumerate(state.pieces) if piece not in STOPWORDS]
            words[i] = ContentWords(
                vectors=np.asarray(state.vectors[keep], dtype=np.float32),
                weights=np.array([idf[state.pieces[n]] for n in keep], dtype=np.float32),
            )
    return out, words


def word_agreement(first: ContentWords, second: ContentWords) -> float:
    """BERTScore F1 of two facts: each word matched to its closest word of the other, by IDF.

    Recall and precision are the weighted means of each word's best cosine in the other fact
    (Zhang et al., 2020, "BERTScore"); 0.0 when either fact has no content word.
    """
    if not len(first.weights) or not len(second.weights):
        return 0.0
    cosines = first.vectors @ second.vectors.T
    recall = float(cosines.max(axis=1) @ first.weights) / max(float(first.weights.sum()), 1e-9)
    precision = float(cosines.max(axis=0) @ second.weights) / max(float(second.weights.sum()), 1e-9)
    if recall + precision <= 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _piece_idf(states: Sequence[WordStates]) -> dict[str, float]:
    """Smoothed IDF of word pieces over the facts: ``log((n + 1) / (count + 0.5))``."""
    counts = Counter(piece for state in states for piece in set(state.pieces))
    total = len(states) + 1
    return {piece: math.log(total / (count + 0.5)) for piece, count in counts.items()}


def lexical_candidates(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    *,
    min_weight: float = 0.3,
    min_shared: float = 0.6,
) -> list[bool]:
    """Facts worth embedding: those sharing rare words or entities with another article's fact.

    A fact is kept when its shared weight with some fact of another article reaches
    ``min_shared``; the others would need a near-identical embedding to align, which sharing
    no rare term makes unlikely. Terms lighter than ``min_weight`` (the story's common words)
    are not counted, which keeps the inverted index's posting lists short.
    """
    counted, weighted = term_matrices(features, min_weight=min_weight, most=len(features))
    shared = sparse.triu(weighted @ counted.T, k=1).tocoo()
    articles = np.array([f.article_id for f in facts])
    hit = (shared.data >= min_shared - 1e-9) & (articles[shared.row] != articles[shared.col])
    keep = np.zeros(len(facts), dtype=bool)
    keep[shared.row[hit]] = True
    keep[shared.col[hit]] = True
    return keep.tolist()


def termless(features: Sequence[FactFeatures]) -> list[bool]:
    """Facts with no content word, entity, number or date ("She was 91.").

    `lexical_candidates` has nothing to judge them by, so the embedding does: they are
    embedded on their own (`storylens.compare.comparison`), apart from the other facts, whose
    word weights therefore stay as they were.
    """
    return [not (f.words or f.entities or f.numbers or f.dates) for f in features]


def fact_features(
    analyses: Sequence[Analysis], facts: Sequence[Fact], merged: MergedEntities
) -> list[FactFeatures]:
    """Features of every fact, weighted by IDF over all the story's facts."""
    by_id = {a.article.id: a for a in analyses}
    raw = [_raw_features(by_id[f.article_id], f, merged) for f in facts]
    entity_idf = _idf([set(r[0]) for r in raw])
    word_idf = _idf([r[1] for r in raw])
    return [
        FactFeatures(
            entities={k: entity_idf[k] for k in ents},
            words={w: word_idf[w] for w in words},
            numbers=numbers,
            dates=dates,
            speakers=speakers,
        )
        for ents, words, numbers, dates, speakers in raw
    ]


def _raw_features(
    analysis: Analysis, fact: Fact, merged: MergedEntities
) -> tuple[set[str], set[str], tuple[tuple[str, float], ...], tuple[str, ...], frozenset[str]]:
    span = fact.span
    attributions = {
        q.speaker.mention.start
        for q in analysis.quotes
        if q.speaker is not None and q.speaker.mention is not None
    }
    entities = {
        key
        for entity in analysis.entities
        if (key := merged.key(analysis.article.id, entity.id))
        and any(
            span.start <= m.span.start < span.end and m.span.start not in attributions
            for m in entity.mentions
        )
    }
    numbers = tuple(
        (counted_head(n.counted.text), n.value)
        for n in analysis.numbers
        if n.counted and n.value is not None and span.start <= n.span.start < span.end
    )
    dates = tuple(
        d.value.isoformat()
        for d in analysis.dates
        if d.value and span.start <= d.span.start < span.end
    )
    speakers = frozenset(
        key
        for q in analysis.quotes
        if q.speaker is not None and q.content.start < span.end and span.start < q.content.end
        for entity_id in q.speaker.entity_ids
        if (key := merged.key(analysis.article.id, entity_id))
    )
    return entities, content_words(span.text), numbers, dates, speakers


def counted_head(text: str) -> str:
    """The noun a number counts, singular and lowercase ("medical staff members" → "member").

    >>> counted_head("nuclear bombs")
    'bomb'
    """
    words = text.lower().split()
    return words[-1].removesuffix("s") if words else ""


def _idf(bags: Sequence[set[str]]) -> dict[str, float]:
    """IDF in [0, 1]: 0 for a term in every fact, 1 for a term in one fact."""
    total = max(len(bags), 2)
    counts = Counter(term for bag in bags for term in bag)
    return {t: math.log(total / n) / math.log(total) for t, n in counts.items()}


def term_matrices(
    features: Sequence[FactFeatures], *, min_weight: float, most: int
) -> tuple[sparse.csr_array, sparse.csr_array]:
    """Fact × term counts, and the same weighted by each term's weight in its fact.

    Only terms of at least ``min_weight`` in a fact are counted, and a term held by more than
    ``most`` facts is left out; a term that is both a word and an entity of a fact counts
    twice. Products of these matrices give, per fact pair, the terms they share
    (`storylens.compare.rows.lexical_near`, `lexical_candidates`).
    """
    index: dict[str, int] = {}
    cells: dict[tuple[int, int], list[float]] = {}
    for n, feature in enumerate(features):
        for term, value in (*feature.words.items(), *feature.entities.items()):
            if value >= min_weight:
                cell = cells.setdefault((n, index.setdefault(term, len(index))), [0.0, 0.0])
                cell[0] += 1
                cell[1] = feature.words.get(term) or feature.entities.get(term, 0.0)
    shape = (len(features), max(len(index), 1))
    if not cells:
        return sparse.csr_array(shape), sparse.csr_array(shape)
    at = np.array(list(cells), dtype=np.int64).T
    values = np.array(list(cells.values())).T
    held = np.bincount(at[1], weights=values[0], minlength=shape[1])
    kept = held[at[1]] <= most
    at, values = at[:, kept], values[:, kept]
    counted = sparse.csr_array((values[0], (at[0], at[1])), shape=shape)
    weighted = sparse.csr_array((values[0] * values[1], (at[0], at[1])), shape=shape)
    return counted, weighted
