"""Rows of the fact × outlet matrix: one proposition each, every member matching the row.

Links (pair-model probabilities at or above the bar, and quote links) are taken best first;
two groups merge only when every pair of their members from different articles is itself a
link (complete linkage), so a row never chains "A like B, B like C" into "A like C". An article
may then hold several members of one row (it states the proposition twice), and a fact that
links to every member of another row joins that row too (a sentence stating two
propositions). Articles outside a row with a fact that scores at least the "near" floor
against one of its members are recorded as ``near``: the row is not "only in" its outlet, and
not an omission of those articles. So are the articles of another row that holds a clause of
the same sentence (`sibling_near`): the clauses of one sentence tell one happening ("checked
in at noon, and left two minutes later"), and an outlet that states one of them is not
known to leave the other out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np

from storylens.compare.features import FactFeatures, term_matrices
from storylens.model.comparison import AlignedFact, Fact, Link

Pair = tuple[int, int]

NEAR = 0.35
"""Pair probability from which a fact of another article keeps a row from being "only in" one
outlet (below the link bar: unsure pairs count against a claim of absence)."""
CONTAINED = 0.6
"""Share of a fact's term weight another article's fact must hold (in rare terms) to be near."""
_RARE = 0.3
"""IDF weight from which a term is looked up for `lexical_near` (lighter terms are everywhere)."""


def build_rows(
    facts: Sequence[Fact],
    links: Sequence[Link],
    scores: Mapping[Pair, float],
    article_order: Sequence[str],
    *,
    near: float = NEAR,
) -> list[AlignedFact]:
    """The rows: groups first (most articles, then position), then lone facts.

    ``links`` are the accepted links; ``scores`` the pair probability of every candidate pair
    ``(i, j)``, ``i < j`` (indices into ``facts``), used for ``near``.
    """
    index = {fact.id: n for n, fact in enumerate(facts)}
    linked = {_key(index[k.source], index[k.target]): k for k in links}
    groups = _complete_groups(facts, linked)
    placed = {n for group in groups for n in group}
    groups += [{n} for n in range(len(facts)) if n not in placed]
    rank = {article_id: n for n, article_id in enumerate(article_order)}
    built = [_row(facts, sorted(g), linked, rank) for g in groups]
    built.sort(key=lambda r: (-len(r[0]), rank[r[0][0].article_id], index[r[0][0].id]))
    near_of: dict[int, set[str]] = {}
    for (i, j), score in scores.items():
        if score >= near:
            near_of.setdefault(i, set()).add(facts[j].article_id)
            near_of.setdefault(j, set()).add(facts[i].article_id)
    rows = []
    for n, (primary, restated, row_links, centre) in enumerate(built):
        members = {index[f.id] for f in (*primary, *restated)}
        rows.append(
            AlignedFact(
                id=f"F{n + 1}",
                facts=primary,
                restated=restated,
                links=row_links,
                near=_near(facts, members, near_of, article_order),
                centre=centre,
            )
        )
    return rows


def _key(i: int, j: int) -> Pair:
    return (i, j) if i < j else (j, i)


def _fits(
    facts: Sequence[Fact], first: set[int], second: set[int], linked: Mapping[Pair, Link]
) -> bool:
    """Every pair across the two sets from different articles is a link."""
    return all(
        _key(i, j) in linked
        for i in first
        for j in second
        if facts[i].article_id != facts[j].article_id
    )


def _complete_groups(facts: Sequence[Fact], linked: Mapping[Pair, Link]) -> list[set[int]]:
    """Complete-linkage groups over the links, best link first; a fact may join several.

    A link whose facts share no group extends a group of one of them that the other fits
    (linked to every member of another article), else merges two groups that fit each other
    whole, else starts a group of its own: the fact then stands in two rows.
    """
    groups: list[set[int]] = []
    of: dict[int, list[int]] = {}
    for (i, j), _ in sorted(linked.items(), key=lambda kv: (-kv[1].score, kv[0])):
        if set(of.get(i, ())) & set(of.get(j, ())):
            continue
        target = _extend(facts, groups, of, i, j, linked)
        if target is None:
            groups.append({i, j})
            target = len(groups) - 1
        for n in groups[target]:
            if target not in of.setdefault(n, []):
                of[n].append(target)
    alive = [g for g in groups if g]
    return [g for g in alive if not any(g < other for other in alive)]


def _extend(
    facts: Sequence[Fact],
    groups: list[set[int]],
    of: Mapping[int, list[int]],
    i: int,
    j: int,
    linked: Mapping[Pair, Link],
) -> int | None:
    """Put ``j`` in a group of ``i`` (or the reverse), or merge two; the group's index."""
    for own, other in ((i, j), (j, i)):
        for g in of.get(own, ()):
            if _fits(facts, {other}, groups[g], linked):
                groups[g].add(other)
                return g
    for a in of.get(i, ()):
        for b in of.get(j, ()):
            if groups[a] and groups[b] and _fits(facts, groups[a], groups[b], linked):
                groups[a] |= groups[b]
                groups[b] = set()
                for lists in of.values():
                    if b in lists:
                        lists.remove(b)
                        if a not in lists:
                            lists.append(a)
                return a
    return None


def _row(
    facts: Sequence[Fact], group: list[int], linked: Mapping[Pair, Link], rank: Mapping[str, int]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Link, ...], str]:
    """Each article's best member, the other members, the row's links and its centre."""
    weight = {
        n: sum(linked[_key(n, m)].score for m in group if m != n and _key(n, m) in linked)
        for n in group
    }
    best: dict[str, int] = {}
    for n in group:
        article = facts[n].article_id
        if article not in best or weight[n] > weight[best[article]]:
            best[article] = n
    primary = tuple(
        facts[n] for n in sorted(best.values(), key=lambda n: rank[facts[n].article_id])
    )
    chosen = set(best.values())
    restated = tuple(
        facts[n]
        for n in sorted(group, key=lambda n: (rank[facts[n].article_id], n))
        if n not in chosen
    )
    row_links = tuple(
        linked[_key(i, j)]
        for x, i in enumerate(group)
        for j in group[x + 1 :]
        if _key(i, j) in linked
    )
    centre = facts[max(group, key=lambda n: (weight[n], -n))].id
    return primary, restated, row_links, centre


def _near(
    facts: Sequence[Fact],
    members: set[int],
    near_of: Mapping[int, set[str]],
    article_order: Sequence[str],
) -> tuple[str, ...]:
    """Articles outside the row with a fact scoring at least ``bar`` against a member."""
    inside = {facts[n].article_id for n in members}
    found = set().union(*(near_of.get(n, set()) for n in members)) - inside
    return tuple(a for a in article_order if a in found)


def lexical_near(
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    *,
    share: float = CONTAINED,
    terms: int = 3,
) -> set[Pair]:
    """Pairs where one fact's rare words and entities are mostly in the other fact.

    ``share`` of its IDF weight, and at least ``terms`` terms: the other article states it,
    perhaps inside a longer sentence the embedding does not bring close ("after an inspection
    found corroded steel beams"). Used only against "only in" claims, never to align. Terms
    held by more than half the facts are skipped; a term that is both a word and an entity
    of a fact counts twice. Two sparse products over the fact × term matrix, so the cost
    grows with the pairs that share a rare term, not with every pair of the story.
    """
    counted, weighted = term_matrices(features, min_weight=_RARE, most=len(facts) // 2)
    shared = (counted @ counted.T).tocoo()
    rows, cols, counts = shared.row, shared.col, shared.data
    articles = np.array([f.article_id for f in facts])
    keep = (rows != cols) & (counts >= terms)
    rows, cols = rows[keep], cols[keep]
    keep = articles[rows] != articles[cols]
    rows, cols = rows[keep], cols[keep]
    weights = np.asarray((weighted @ counted.T).tocsr()[rows, cols]).ravel()
    totals = np.array([sum(f.words.values()) + sum(f.entities.values()) for f in features])
    keep = weights >= share * totals[rows] - 1e-9
    return {_key(int(i), int(j)) for i, j in zip(rows[keep], cols[keep], strict=True)}


def sibling_near(rows: Sequence[AlignedFact]) -> list[AlignedFact]:
    """The rows with ``near`` widened by other rows' articles (see the module docstring).

    Those are the articles of every row that holds a clause of a member's sentence.
    """
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for row in rows:
        for fact in (*row.facts, *row.restated):
            by_sentence.setdefault((fact.article_id, fact.sentence), set()).update(row.article_ids)
    order = list(dict.fromkeys(a for row in rows for a in row.article_ids))
    out = []
    for row in rows:
        found = set(row.near).union(
            *(by_sentence[(f.article_id, f.sentence)] for f in (*row.facts, *row.restated))
        ) - set(row.article_ids)
        if found == set(row.near):
            out.append(row)
            continue
        near = tuple(a for a in order if a in found)
        out.append(dataclasses.replace(row, near=near))
    return out
