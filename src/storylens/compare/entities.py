"""Merge entities across articles: one key per real-world entity, for coverage and alignment.

Two entities are merged when their canonical names (through the alias table) share a key, when
any of their aliases do, or — for people — when the surnames match and the first names do not
disagree ("Kerry", "John Kerry", "Secretary Kerry").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.analyze.names import TITLE_WORDS, canonical_alias, name_key
from storylens.compare.unionfind import DisjointSets
from storylens.model import Analysis, Entity, EntityLabel

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class MergedEntities:
    """Story-wide entity keys: ``keys[(article_id, entity_id)]`` and a display name per key."""

    keys: dict[tuple[str, str], str]
    names: dict[str, str]
    labels: dict[str, EntityLabel]

    def key(self, article_id: str, entity_id: str) -> str | None:
        """The story-wide key of one article's entity."""
        return self.keys.get((article_id, entity_id))


def merge_entities(analyses: Sequence[Analysis]) -> MergedEntities:
    """One key per entity across all articles (deterministic: independent of input order).

    Example:
        >>> merge_entities([]).names
        {}
    """
    members = sorted(
        ((a.article.id, e) for a in analyses for e in a.entities),
        key=lambda pair: (pair[0], pair[1].id),
    )
    sets = DisjointSets(len(members))
    by_key: dict[str, int] = {}
    for i, (_, entity) in enumerate(members):
        for key in sorted(_keys_of(entity)):
            sets.union(i, by_key.setdefault(key, i))
    _merge_surnames(members, sets)
    return _named(members, sets)


def _keys_of(entity: Entity) -> set[str]:
    names = {entity.name, *entity.aliases}
    keys = {name_key(canonical_alias(n) or n) for n in names}
    if entity.label is EntityLabel.PERSON:
        keys = {k for k in keys if " " in k} or keys
    return {k for k in keys if k}


def _person_parts(entity: Entity) -> tuple[str, str]:
    words = [w for w in name_key(entity.name).split() if w not in TITLE_WORDS]
    if not words:
        return "", ""
    return (words[0] if len(words) > 1 else ""), words[-1]


def _merge_surnames(members: list[tuple[str, Entity]], sets: DisjointSets) -> None:
    people = [i for i, (_, e) in enumerate(members) if e.label is EntityLabel.PERSON]
    parts = {i: _person_parts(members[i][1]) for i in people}
    for n, i in enumerate(people):
        first_i, last_i = parts[i]
        for j in people[n + 1 :]:
            first_j, last_j = parts[j]
            if last_i and last_i == last_j and (not first_i or not first_j or first_i == first_j):
                sets.union(i, j)


def _named(members: list[tuple[str, Entity]], sets: DisjointSets) -> MergedEntities:
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(sets.find(i), []).append(i)
    keys: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    labels: dict[str, EntityLabel] = {}
    for indices in groups.values():
        entities = [members[i][1] for i in indices]
        counts = Counter(e.name for e in entities)
        name = max(counts, key=lambda n: (counts[n], len(n), n))
        key = name_key(canonical_alias(name) or name)
        names[key] = name
        labels[key] = Counter(e.label for e in entities).most_common(1)[0][0]
        keys.update({(members[i][0], members[i][1].id): key for i in indices})
    return MergedEntities(keys=keys, names=names, labels=labels)


def names_agree(first: str, second: str) -> bool:
    """Two person names that can be one person: same surname, first names not disagreeing.

    Titles are dropped first ("Defense Secretary Jim Mattis" = "Mattis" = "Jim Mattis").

    >>> names_agree("Defense Secretary Jim Mattis", "Mattis")
    True
    >>> names_agree("John Kerry", "John Kirby")
    False
    >>> names_agree("Mike Thibodeau", "Michael Thibodeau")
    True
    """
    a = [w for w in name_key(first).split() if w not in TITLE_WORDS]
    b = [w for w in name_key(second).split() if w not in TITLE_WORDS]
    if not a or not b or a[-1] != b[-1]:
        return False
    given = (NICKNAMES.get(a[0], a[0]), NICKNAMES.get(b[0], b[0]))
    return len(a) == 1 or len(b) == 1 or given[0] == given[1]


NICKNAMES = {
    "mike": "michael",
    "jim": "james",
    "jimmy": "james",
    "bob": "robert",
    "rob": "robert",
    "bill": "william",
    "will": "william",
    "tom": "thomas",
    "joe": "joseph",
    "dick": "richard",
    "rick": "richard",
    "chuck": "charles",
    "charlie": "charles",
    "ted": "edward",
    "ed": "edward",
    "dan": "daniel",
    "dave": "david",
    "steve": "steven",
    "chris": "christopher",
    "tony": "anthony",
    "nick": "nicholas",
    "pat": "patrick",
    "andy": "andrew",
    "ben": "benjamin",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "kate": "katherine",
    "sue": "susan",
    "jen": "jennifer",
}
"""Common English first-name short forms (Mike Thibodeau = Michael Thibodeau)."""
