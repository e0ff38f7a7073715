"""Align facts across articles: a learned pair model over embeddings, words, entities, numbers.

Candidates are fact pairs from different articles whose cosine passes a floor. Each gets the
`PairModel`'s probability of being one fact, from: the cosine; the agreement of the facts'
words in context (BERTScore over the model's word states: "halted" finds "suspended"); shared
rare stems and entities (names alone mislead: unrelated sentences of one story share them, and
the model weighs them accordingly); an equal count or date (numbers that disagree do not count
against a pair: two outlets giving different figures for one fact is a conflict to report);
competition (how far the pair is behind each fact's best match in the other article); quotes
and their speaker; and position. A pair whose probability reaches the model's ``link`` is
linked (``mutual`` for a mutual best match: each fact the other's best in its article).
Links are grouped into rows by `storylens.compare.rows`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from storylens.compare.features import ContentWords, FactFeatures, word_agreement
from storylens.compare.near import NEAR_COSINE, NEAR_COVER, NEAR_PER_ACCOUNT
from storylens.compare.pair_model import PAIR_FEATURES, PairModel, load_pair_model
from storylens.embedding import Vectors
from storylens.model.comparison import Fact, Link, LinkKind

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

Pair = tuple[int, int]


@dataclass(**_FROZEN)
class AlignmentSettings:
    """How facts are aligned: the candidate floor and the pair model with its thresholds.

    Attributes:
        floor: cosine below which a pair is not considered.
        model: the pair model (None: the shipped one, `load_pair_model`).
        link: the probability a pair needs to be linked (None: the model's).
        mutual: the probability a mutual best match needs (None: the model's).
        near: the probability from which a fact of another article keeps a row from being
            called "only in" one outlet (see `storylens.compare.rows`).
        near_cosine: the cosine from which it does (`storylens.compare.near`).
        near_cover: the share of a member's words it must hold to (`near.cover`).
        near_per_account: how much that share drops per doubling of the story's other
            accounts (`near.cover_bar`).
    """

    floor: float = 0.45
    model: PairModel | None = None
    link: float | None = None
    mutual: float | None = None
    near: float = 0.35
    near_cosine: float = NEAR_COSINE
    near_cover: float = NEAR_COVER
    near_per_account: float = NEAR_PER_ACCOUNT

    @property
    def pair_model(self) -> PairModel:
        """The model in use."""
        return self.model or load_pair_model()

    @property
    def link_bar(self) -> float:
        """The probability a link needs."""
        return self.pair_model.link if self.link is None else self.link

    @property
    def mutual_bar(self) -> float:
        """The probability a mutual best match needs."""
        return self.pair_model.mutual if self.mutual is None else self.mutual


def weighted_overlap(first: dict[str, float], second: dict[str, float]) -> float:
    """Weighted Jaccard of two weighted bags; a union lighter than 1 counts as 1.

    Sharing only the story's ubiquitous (low weight) terms therefore scores low.

    >>> weighted_overlap({"a": 1.0, "b": 1.0}, {"a": 1.0})
    0.5
    >>> weighted_overlap({"a": 0.2}, {"a": 0.2})
    0.2
    """
    union = sum(first.values()) + sum(w for k, w in second.items() if k not in first)
    return sum(w for k, w in first.items() if k in second) / max(union, 1.0)


def numbers_agree(first: FactFeatures, second: FactFeatures) -> bool:
    """True when both facts give the same count of the same noun, or the same date.

    A count that differs is not counted against the pair: it is a conflict to report, not a
    sign of two different facts.
    """
    return bool(set(first.numbers) & set(second.numbers) or set(first.dates) & set(second.dates))


def pair_features(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    vectors: Vectors,
    words: Sequence[ContentWords],
    floor: float,
) -> dict[Pair, tuple[float, ...]]:
    """The `PAIR_FEATURES` of every candidate pair ``(i, j)``, ``i < j``, of different articles.

    ``vectors`` and ``words`` are `embed_facts`'s; a pair is a candidate when its cosine
    reaches ``floor``.
    """
    cosines = vectors @ vectors.T
    pairs = list(_candidate_pairs(facts, cosines, floor))
    agreement = {(i, j): word_agreement(words[i], words[j]) for i, j in pairs}
    base = {(i, j): float(cosines[i, j]) + agreement[(i, j)] for i, j in pairs}
    best = _best_in_article(facts, base)
    place = _places(facts)
    out: dict[Pair, tuple[float, ...]] = {}
    for i, j in pairs:
        behind = (
            best[(i, facts[j].article_id)] - base[(i, j)],
            best[(j, facts[i].article_id)] - base[(i, j)],
        )
        out[(i, j)] = (
            float(cosines[i, j]),
            agreement[(i, j)],
            weighted_overlap(features[i].words, features[j].words),
            weighted_overlap(features[i].entities, features[j].entities),
            float(numbers_agree(features[i], features[j])),
            max(behind),
            min(behind),
            float(max(behind) <= 0.0),
            float(bool(facts[i].quote_ids) and bool(facts[j].quote_ids)),
            float(bool(features[i].speakers & features[j].speakers)),
            abs(place[i] - place[j]),
        )
    return out


def link_facts(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    vectors: Vectors,
    words: Sequence[ContentWords],
    *,
    settings: AlignmentSettings | None = None,
    scores: dict[Pair, float] | None = None,
) -> list[Link]:
    """Every link between facts of different articles whose pair probability reaches the bar.

    ``vectors`` and ``words`` are `embed_facts`'s. A link's score is that probability. When
    ``scores`` is given, it receives the probability of every candidate pair.
    """
    settings = settings or AlignmentSettings()
    model, bars = settings.pair_model, (settings.link_bar, settings.mutual_bar)
    mutual = PAIR_FEATURES.index("mutual")
    links: list[Link] = []
    candidates = sorted(pair_features(facts, features, vectors, words, settings.floor).items())
    if not candidates:
        return links
    probabilities = model.probabilities(np.array([values for _, values in candidates]))
    for ((i, j), values), probability in zip(candidates, probabilities.tolist(), strict=True):
        if scores is not None:
            scores[(i, j)] = probability
        if probability >= bars[int(values[mutual])]:
            links.append(
                Link(
                    source=facts[i].id,
                    target=facts[j].id,
                    kind=LinkKind.EMBEDDING,
                    cosine=round(values[0], 4),
                    score=round(probability, 4),
                )
            )
    return links


def _best_in_article(
    facts: Sequence[Fact], scores: dict[Pair, float]
) -> dict[tuple[int, str], float]:
    """Each fact's best score against any fact of each other article, by (fact, article)."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), score in scores.items():
        for own, other in ((i, j), (j, i)):
            key = (own, facts[other].article_id)
            best[key] = max(best.get(key, score), score)
    return best


def _places(facts: Sequence[Fact]) -> list[float]:
    """Where each fact's sentence stands in its article: 0 at the top, 1 at the last sentence."""
    last: dict[str, int] = {}
    for fact in facts:
        last[fact.article_id] = max(last.get(fact.article_id, 0), fact.sentence)
    return [fact.sentence / max(last[fact.article_id], 1) for fact in facts]


def _candidate_pairs(
    facts: Sequence[Fact], cosines: Vectors, floor: float
) -> Iterable[tuple[int, int]]:
    """Index pairs ``i < j`` of facts from different articles with cosine ≥ ``floor``."""
    articles = np.array([fact.article_id for fact in facts])
    mask = np.triu(cosines >= floor, k=1) & (articles[:, None] != articles[None, :])
    rows, cols = np.nonzero(mask)
    return zip(rows.tolist(), cols.tolist(), strict=True)
