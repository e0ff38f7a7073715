"""Align facts across articles: embedding similarity confirmed by words, entities and numbers.

Candidates are fact pairs from different articles whose cosine passes a floor. Each is scored:
cosine + the agreement of rare (IDF weighted) content words, word by word in context
(BERTScore over the model's word states: "halted" finds "suspended") and as shared stems, and
a little for shared rare entities and for the same count or date (names alone mislead:
unrelated sentences of one story share them). Numbers that disagree do not count against a
pair: two outlets giving different figures for one fact is a conflict to report, not two
facts. How much score a pair needs depends on competition: a mutual best match (each fact is
the other's best-scoring match in its article) needs ``mutual``, a one-way best match
``one_way``, any other pair ``accept``; a cosine of ``high`` is always enough. Accepted links
are grouped greedily, best first, never putting two facts of one article in a group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from storylens.compare.features import ContentWords, FactFeatures, word_agreement
from storylens.compare.records import AlignedFact, Fact, Link, LinkKind
from storylens.compare.unionfind import DisjointSets
from storylens.embedding import Vectors

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class AlignmentSettings:
    """Weights and thresholds of fact alignment.

    Tuned on bench/gold/alignment_basil.json with the seed expectations held (see
    bench/README.md); bench/gold/alignment_basil_heldout.json checks that they carry over.

    Attributes:
        floor: cosine below which a pair is not considered.
        high: cosine that aligns a pair whatever its score.
        accept: score a pair needs when neither fact is the other's best match.
        one_way: score a pair needs when one fact is the other's best match.
        mutual: score a pair needs when each fact is the other's best match.
        entity_weight: weight of the shared rare entities.
        word_weight: weight of the shared rare content words.
        number_weight: added when the facts give the same count or the same date.
        agreement_weight: weight of the word-by-word agreement (`word_agreement`), counted
            from ``agreement_center`` (a pair whose words agree less loses score).
        agreement_center: the word agreement that neither adds nor takes away.
        restate: score a link needs to make a lone fact a restatement of a row that already
            holds a fact of its article (see `aligned_rows`).
    """

    floor: float = 0.45
    high: float = 0.82
    accept: float = 1.1
    one_way: float = 0.85
    mutual: float = 0.75
    entity_weight: float = 0.1
    word_weight: float = 1.5
    number_weight: float = 0.1
    agreement_weight: float = 1.0
    agreement_center: float = 0.45
    restate: float = 0.9


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


def score_pair(
    cosine: float,
    agreement: float,
    first: FactFeatures,
    second: FactFeatures,
    settings: AlignmentSettings,
) -> float:
    """The combined alignment score of two facts (cosine plus weighted agreement)."""
    entities = weighted_overlap(first.entities, second.entities)
    words = weighted_overlap(first.words, second.words)
    numbers = settings.number_weight if numbers_agree(first, second) else 0.0
    in_context = settings.agreement_weight * (agreement - settings.agreement_center)
    return (
        cosine
        + in_context
        + settings.entity_weight * entities
        + settings.word_weight * words
        + numbers
    )


def link_facts(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    vectors: Vectors,
    words: Sequence[ContentWords],
    *,
    settings: AlignmentSettings | None = None,
) -> list[Link]:
    """Every accepted pairwise link between facts of different articles.

    A mutual best match needs a score of ``mutual``, a one-way best match ``one_way``, any
    other pair ``accept``; a cosine of ``high`` is always enough. ``vectors`` and ``words`` are
    `embed_facts`'s.
    """
    settings = settings or AlignmentSettings()
    cosines = vectors @ vectors.T
    scores = {
        (i, j): score_pair(
            float(cosines[i, j]),
            word_agreement(words[i], words[j]),
            features[i],
            features[j],
            settings,
        )
        for i, j in _candidate_pairs(facts, cosines, settings.floor)
    }
    best = best_matches(facts, scores)
    links = []
    for (i, j), score in sorted(scores.items()):
        cosine = float(cosines[i, j])
        bars = (settings.accept, settings.one_way, settings.mutual)
        bar = bars[((i, j) in best) + ((j, i) in best)]
        if score >= bar or cosine >= settings.high:
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


def best_matches(
    facts: Sequence[Fact], scores: dict[tuple[int, int], float]
) -> set[tuple[int, int]]:
    """``(i, j)`` (either order) where ``j`` is ``i``'s best-scoring match in ``j``'s article.

    A pair present in both orders is a mutual best match.
    """
    best: dict[tuple[int, str], float] = {}
    for (i, j), score in scores.items():
        for own, other in ((i, j), (j, i)):
            key = (own, facts[other].article_id)
            best[key] = max(best.get(key, score), score)
    return {
        (own, other)
        for (i, j), score in scores.items()
        for own, other in ((i, j), (j, i))
        if score >= best[(own, facts[other].article_id)]
    }


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
    facts: Sequence[Fact],
    groups: Sequence[Sequence[Link]],
    article_order: Sequence[str],
    links: Iterable[Link] = (),
    *,
    settings: AlignmentSettings | None = None,
) -> list[AlignedFact]:
    """The fact × outlet rows: groups first (most articles, then position), then lone facts.

    A lone fact with a link from ``links`` scoring at least ``settings.restate`` into a group
    that already holds a fact of its article is a restatement: it joins that row as
    ``restated`` instead of standing alone (best link first).
    """
    bar = (settings or AlignmentSettings()).restate
    by_id = {fact.id: fact for fact in facts}
    rank = {article_id: n for n, article_id in enumerate(article_order)}
    position = {fact.id: n for n, fact in enumerate(facts)}
    rows: list[tuple[tuple[Fact, ...], tuple[Link, ...]]] = []
    for group in groups:
        ids = {i for link in group for i in (link.source, link.target)}
        ordered = sorted((by_id[i] for i in ids), key=lambda f: rank[f.article_id])
        rows.append((tuple(ordered), tuple(group)))
    again = _restatements(rows, [k for k in links if k.score >= bar], by_id)
    placed = {f.id for members, _ in rows for f in members} | set(again)
    rows += [((fact,), ()) for fact in facts if fact.id not in placed]
    rows.sort(key=lambda row: (-len(row[0]), rank[row[0][0].article_id], position[row[0][0].id]))
    by_row: dict[str, list[tuple[Fact, Link]]] = {}
    for fact_id, (anchor, link) in again.items():
        by_row.setdefault(anchor, []).append((by_id[fact_id], link))
    aligned = []
    for n, (members, group) in enumerate(rows):
        mine = sorted(
            by_row.get(members[0].id, []),
            key=lambda item: (rank[item[0].article_id], position[item[0].id]),
        )
        aligned.append(
            AlignedFact(
                id=f"F{n + 1}",
                facts=members,
                links=group + tuple(link for _, link in mine),
                restated=tuple(fact for fact, _ in mine),
            )
        )
    return aligned


def _restatements(
    rows: Sequence[tuple[tuple[Fact, ...], tuple[Link, ...]]],
    links: Iterable[Link],
    by_id: dict[str, Fact],
) -> dict[str, tuple[str, Link]]:
    """Lone fact id → (first fact id of the row it restates, the link that says so)."""
    row_of = {fact.id: members for members, _ in rows for fact in members}
    found: dict[str, tuple[str, Link]] = {}
    for link in sorted(links, key=lambda k: (-k.score, k.source, k.target)):
        for lone, other in ((link.source, link.target), (link.target, link.source)):
            members = row_of.get(other)
            if lone in row_of or lone in found or members is None:
                continue
            if by_id[lone].article_id in {f.article_id for f in members}:
                found[lone] = (members[0].id, link)
    return found
