"""Align facts across articles: embedding similarity confirmed by entities, words and numbers.

Candidates are fact pairs from different articles whose cosine passes a floor. A pair is
accepted when its cosine alone is high, or when the cosine plus the agreement of rare (IDF
weighted) entities and content words passes ``accept``. Numbers that count the same thing but
disagree demand the high cosine (the pair is then a conflict, not a different fact). Accepted
links are grouped greedily, best first, never putting two facts of one article in a group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from storylens.compare.features import FactFeatures
from storylens.compare.records import AlignedFact, Fact, Link, LinkKind
from storylens.compare.unionfind import DisjointSets
from storylens.embedding import Vectors

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class AlignmentSettings:
    """Thresholds of fact alignment (tuned on basil-dev and the seeds, see bench/)."""

    floor: float = 0.45
    high: float = 0.82
    accept: float = 0.80
    entity_weight: float = 0.35
    word_weight: float = 0.6


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


def numbers_conflict(first: FactFeatures, second: FactFeatures) -> bool:
    """True when both facts count the same noun with different values."""
    values = dict(first.numbers)
    return any(k in values and values[k] != v for k, v in second.numbers)


def score_pair(
    cosine: float, first: FactFeatures, second: FactFeatures, settings: AlignmentSettings
) -> float:
    """The combined alignment score of two facts."""
    entities = weighted_overlap(first.entities, second.entities)
    words = weighted_overlap(first.words, second.words)
    return cosine + settings.entity_weight * entities + settings.word_weight * words


def link_facts(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    vectors: Vectors,
    *,
    settings: AlignmentSettings | None = None,
) -> list[Link]:
    """Every accepted pairwise link between facts of different articles."""
    settings = settings or AlignmentSettings()
    cosines = vectors @ vectors.T
    links = []
    for i, j in _candidate_pairs(facts, cosines, settings.floor):
        cosine = float(cosines[i, j])
        score = score_pair(cosine, features[i], features[j], settings)
        if numbers_conflict(features[i], features[j]):
            accepted = cosine >= settings.high
        else:
            accepted = cosine >= settings.high or score >= settings.accept
        if accepted:
            links.append(
                Link(
                    source=facts[i].id,
                    target=facts[j].id,
                    kind=LinkKind.EMBEDDING,
                    cosine=round(cosine, 4),
                    score=round(score, 4),
                )
            )
    return links


def _candidate_pairs(
    facts: Sequence[Fact], cosines: Vectors, floor: float
) -> Iterable[tuple[int, int]]:
    """Index pairs ``i < j`` of facts from different articles with cosine ≥ ``floor``."""
    articles = np.array([fact.article_id for fact in facts])
    mask = np.triu(cosines >= floor, k=1) & (articles[:, None] != articles[None, :])
    rows, cols = np.nonzero(mask)
    return zip(rows.tolist(), cols.tolist(), strict=True)


def group_links(facts: Sequence[Fact], links: Iterable[Link]) -> list[list[Link]]:
    """Links grouped best first into sets with at most one fact per article.

    Returns one list of accepted links per group, indexed like the facts' groups; a fact that
    joins no group is left out (see `aligned_rows`).
    """
    index = {fact.id: n for n, fact in enumerate(facts)}
    articles = {n: {fact.article_id} for n, fact in enumerate(facts)}
    sets = DisjointSets(len(facts))
    kept: dict[int, list[Link]] = {}
    ordered = sorted(
        links,
        key=lambda k: (
            -k.score,
            min(k.source, k.target),
            max(k.source, k.target),
        ),
    )
    for link in ordered:
        a, b = sets.find(index[link.source]), sets.find(index[link.target])
        if a == b or articles[a] & articles[b]:
            continue
        sets.union(a, b)
        root = sets.find(a)
        articles[root] = articles[a] | articles[b]
        kept[root] = kept.pop(a, []) + kept.pop(b, []) + [link]
    return list(kept.values())


def aligned_rows(
    facts: Sequence[Fact], groups: Sequence[Sequence[Link]], article_order: Sequence[str]
) -> list[AlignedFact]:
    """The fact × outlet rows: groups first (most articles, then position), then lone facts."""
    by_id = {fact.id: fact for fact in facts}
    rank = {article_id: n for n, article_id in enumerate(article_order)}
    position = {fact.id: n for n, fact in enumerate(facts)}
    rows: list[tuple[tuple[Fact, ...], tuple[Link, ...]]] = []
    grouped: set[str] = set()
    for links in groups:
        ids = {i for link in links for i in (link.source, link.target)}
        grouped |= ids
        members = sorted((by_id[i] for i in ids), key=lambda f: rank[f.article_id])
        rows.append((tuple(members), tuple(links)))
    rows += [((fact,), ()) for fact in facts if fact.id not in grouped]
    rows.sort(key=lambda row: (-len(row[0]), rank[row[0][0].article_id], position[row[0][0].id]))
    return [
        AlignedFact(id=f"F{n + 1}", facts=members, links=links)
        for n, (members, links) in enumerate(rows)
    ]
