"""Merge entities across articles: one key per real-world entity, for coverage and alignment.

Two entities are merged when their canonical names (through the alias table) share a key, when
any of their aliases or their analysis keys (`Entity.key`: "Donald J. Trump" = "Mr. Donald
Trump") do, or — for people — when the full names agree ("Jim" = "James") or a lone surname
names the one person of the story it fits ("Kerry", "John Kerry", "Secretary Kerry"; a
"Trump" spaCy typed an organisation).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.unionfind import DisjointSets
from storylens.model import Analysis, Entity, EntityLabel
from storylens.names import canonical_alias, name_key, name_words

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
    keys = {name_key(canonical_alias(n) or n) for n in names} | {entity.key}
    if entity.label is EntityLabel.PERSON:
        keys = {k for k in keys if " " in k} or keys
    return {k for k in keys if k}


def _person_parts(entity: Entity) -> tuple[str, str]:
    words = name_words(entity.key or entity.name)
    if not words:
        return "", ""
    first = words[0] if len(words) > 1 else ""
    return NICKNAMES.get(first, first), words[-1]


def _merge_surnames(members: list[tuple[str, Entity]], sets: DisjointSets) -> None:
    """Full names that agree are one person; a lone surname joins the one person it names.

    "Jim Mattis" = "James Mattis". A bare "Trump" — a person, or a name spaCy typed an
    organisation or group in an article that never gives the full name — joins the one
    full-named Trump of the story, or among several the one named at least twice as often
    as any other (Donald beside Ivana); with no such person it stays apart. Pairwise
    joining would chain Hillary and Bill Clinton through a bare "Clinton".
    """
    full: dict[tuple[str, str], list[int]] = {}
    lone: list[tuple[int, str]] = []
    for i, (_, entity) in enumerate(members):
        first, last = _person_parts(entity)
        if entity.label is EntityLabel.PERSON and first and last:
            full.setdefault((first, last), []).append(i)
        elif last and (entity.label is EntityLabel.PERSON or _surname_like(entity)):
            lone.append((i, last))
    for indices in full.values():
        for i in indices[1:]:
            sets.union(indices[0], i)
    weight = {
        name: sum(len(members[i][1].mentions) for i in indices) for name, indices in full.items()
    }
    for i, last in lone:
        fits = [name for name in full if name[1] == last]
        owner = _dominant(fits, weight)
        if owner is not None:
            sets.union(full[owner][0], i)


def _surname_like(entity: Entity) -> bool:
    """A one-word organisation or group the alias table does not know: maybe a surname."""
    words = name_key(entity.name).split()
    return (
        entity.label in (EntityLabel.ORGANISATION, EntityLabel.GROUP)
        and len(words) == 1
        and entity.key in ("", words[0])
        and canonical_alias(entity.name) is None
    )


def _dominant(
    candidates: Sequence[tuple[str, str]], weight: dict[tuple[str, str], int]
) -> tuple[str, str] | None:
    """The one candidate, or the one named at least twice as often as any other."""
    ranked = sorted(candidates, key=lambda c: -weight[c])
    if len(ranked) == 1 or (len(ranked) > 1 and weight[ranked[0]] >= 2 * weight[ranked[1]]):
        return ranked[0]
    return None


def _named(members: list[tuple[str, Entity]], sets: DisjointSets) -> MergedEntities:
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(sets.find(i), []).append(i)
    keys: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    labels: dict[str, EntityLabel] = {}
    for indices in groups.values():
        entities = [members[i][1] for i in indices]
        label = _label(entities)
        named = (
            [e for e in entities if all(_person_parts(e))] if label is EntityLabel.PERSON else []
        )
        counts = Counter(e.name for e in named or entities)
        name = max(counts, key=lambda n: (counts[n], len(n), n))
        key = name_key(canonical_alias(name) or name)
        while key in names:  # two people named alike ("Trump" and "Trump") keep two keys
            key += "'"
        names[key] = name
        labels[key] = label
        keys.update({(members[i][0], members[i][1].id): key for i in indices})
    return MergedEntities(keys=keys, names=names, labels=labels)


def _label(entities: Sequence[Entity]) -> EntityLabel:
    """A person when any member is a full-named person; else the most frequent kind."""
    if any(e.label is EntityLabel.PERSON and all(_person_parts(e)) for e in entities):
        return EntityLabel.PERSON
    return Counter(e.label for e in entities).most_common(1)[0][0]


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
    a, b = name_words(first), name_words(second)
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
