"""Entities: group spaCy's named-entity mentions under one canonical name per entity."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storylens.analyze.mentions import ROLE_FORMS as ROLE_FORMS
from storylens.analyze.mentions import FoundMention, find_mentions
from storylens.analyze.nlp import TITLE, ParsedParagraph
from storylens.analyze.people import (
    dominant,
    group_label,
    join_acronyms,
    join_named_people,
    person_key,
)
from storylens.analyze.places import join_compass
from storylens.analyze.repairs import repaired
from storylens.model import Entity, EntityLabel, Mention, MentionKind, Span
from storylens.names import (
    TITLE_WORDS,
    canonical_alias,
    country_of_demonym,
    name_key,
    name_words,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityIndex:
    """The entities of one article and lookups used to resolve speakers and sources."""

    entities: tuple[Entity, ...]
    by_start: dict[int, str] = field(default_factory=dict)
    roles: dict[str, frozenset[str]] = field(default_factory=dict)

    def at(self, start: int, end: int) -> list[str]:
        """Ids of entities with a mention starting inside ``[start, end)``, in text order."""
        found = [(s, i) for s, i in self.by_start.items() if start <= s < end]
        return list(dict.fromkeys(i for _, i in sorted(found)))

    def covering(self, position: int) -> list[str]:
        """Ids of entities with a mention that holds the character at ``position``."""
        return [
            e.id
            for e in self.entities
            if any(m.span.start <= position < m.span.end for m in e.mentions)
        ]

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        return next(e for e in self.entities if e.id == entity_id)

    def named(self, name: str) -> str | None:
        """The id of the entity with this name or alias."""
        key = name_key(canonical_alias(name) or name)
        for entity in self.entities:
            if key in {name_key(a) for a in (entity.name, *entity.aliases)}:
                return entity.id
        return None


def extract_entities(text: str, paragraphs: Sequence[ParsedParagraph]) -> EntityIndex:
    """Find entity mentions in parsed paragraphs and group them into entities."""
    found = [
        f for p in paragraphs for ent in repaired(p.doc.ents) for f in find_mentions(ent, p.offset)
    ]
    found.sort(key=lambda f: f.span.start)
    title = [(p.offset, p.offset + len(p.doc.text)) for p in paragraphs if p.index == TITLE]
    in_title = [f for f in found if any(a <= f.span.start < b for a, b in title)]
    groups = _group([f for f in found if f not in in_title])
    _add_title_mentions(groups, in_title)
    entities, by_start, roles = [], {}, {}
    for number, members in enumerate(sorted(groups.values(), key=lambda m: m[0].span.start)):
        entity_id = f"e{number + 1}"
        entities.append(_entity(entity_id, members))
        roles[entity_id] = frozenset(r for m in members for r in m.roles)
        by_start.update({m.span.start: entity_id for m in members})
    return EntityIndex(entities=tuple(entities), by_start=by_start, roles=roles)


def _group(found: list[FoundMention]) -> dict[str, list[FoundMention]]:
    groups: dict[str, list[FoundMention]] = defaultdict(list)
    full_names: dict[str, str] = {}
    for f in found:
        if f.label is EntityLabel.PERSON:
            f.key = _person_key(f, full_names)
        groups[f.key].append(f)
    _merge_short_names(groups)
    join_named_people(groups)
    join_acronyms(groups)
    join_compass(groups)
    return groups


def _person_key(f: FoundMention, full_names: dict[str, str]) -> str:
    tokens = name_words(f.span.text) or [f.span.text]
    if len(tokens) == 1:
        single = tokens[0]
        return full_names.get(single) or full_names.get("first:" + single) or "person:" + single
    existing = full_names.get(tokens[-1])
    if existing and existing.removeprefix("person:").split()[0][:1] == tokens[0][:1]:
        return existing
    key = "person:" + " ".join(tokens)
    # Two people share the surname (Hillary and Chelsea Clinton): a bare "Clinton" is left
    # to `_merge_short_names`, which gives it to the one named far more often, or to no one.
    shared = tokens[-1] in full_names and full_names[tokens[-1]] != key
    full_names[tokens[-1]] = "" if shared else key
    full_names.setdefault("first:" + tokens[0], key)
    return key


def _merge_short_names(groups: dict[str, list[FoundMention]]) -> None:
    """Join one-word person groups to the entity they belong to.

    A surname seen before its full name ("Kerry …", later "John Kerry") joins that person; a
    one-word "person" that is elsewhere a place or organisation, or by the alias table
    ("Fox" beside "Fox News"), joins that name.
    """
    full = [k for k in groups if k.startswith("person:") and " " in k]
    for key in [k for k in groups if k.startswith("person:") and " " not in k]:
        word = key.removeprefix("person:")
        owners = [k for k in full if k.endswith(" " + word)]
        named = ["name:" + word, "name:" + name_key(canonical_alias(word) or word)]
        if not owners:
            owners = [k for k in dict.fromkeys(named) if k in groups][:1]
        owner = dominant(owners, {k: len(groups[k]) for k in owners}) if owners else None
        if owner is not None:
            groups[owner].extend(groups.pop(key))
            groups[owner].sort(key=lambda f: f.span.start)


def _add_title_mentions(groups: dict[str, list[FoundMention]], title: list[FoundMention]) -> None:
    """Headlines are title-cased and badly tagged: keep only headline names the body confirms."""
    for f in title:
        words = name_key(f.span.text).split()
        for key, members in groups.items():
            surname = key.removeprefix("person:").split()[-1] if key.startswith("person:") else None
            if key.endswith(":" + " ".join(words)) or (surname and words and surname == words[0]):
                size = (
                    len(f.span.text.split()[0]) if surname and len(words) > 1 else len(f.span.text)
                )
                span = Span(start=f.span.start, end=f.span.start + size, text=f.span.text[:size])
                members.insert(0, FoundMention(span=span, label=members[0].label, key=key))
                break


def _entity(entity_id: str, members: list[FoundMention]) -> Entity:
    label = group_label(members)
    surfaces = [m.span.text for m in members]
    titles = [m.title for m in members if m.title]
    aliases = tuple(dict.fromkeys([*surfaces, *titles]))
    name = _canonical(label, surfaces)
    return Entity(
        id=entity_id,
        name=name,
        label=label,
        aliases=aliases,
        mentions=tuple(Mention(span=m.span, kind=MentionKind.NAME) for m in members),
        key=_story_key(label, name, members),
    )


def _story_key(label: EntityLabel, name: str, members: list[FoundMention]) -> str:
    """`Entity.key`: the person's first and last name, else the group's most common name key."""
    if label is EntityLabel.PERSON:
        return person_key(name)
    keys = Counter(m.key.removeprefix("name:") for m in members if m.key.startswith("name:"))
    return (
        max(keys, key=lambda k: (keys[k], k)) if keys else name_key(canonical_alias(name) or name)
    )


def _without_titles(surface: str) -> str:
    """A person's name as written, without the titles before it ("Gov. Jim Justice")."""
    words = surface.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS | {"of", "the"}:
        words.pop(0)
    return " ".join(words)


def _canonical(label: EntityLabel, surfaces: list[str]) -> str:
    if label is EntityLabel.PERSON:
        clean = [_without_titles(s) for s in surfaces]
        return max(clean, key=lambda s: (min(len(s.split()), 3), -clean.index(s)))
    for surface in surfaces:
        alias = canonical_alias(surface) or (
            country_of_demonym(surface) if label is EntityLabel.PLACE else None
        )
        if alias:
            return alias
    counts = Counter(surfaces)
    return max(counts, key=lambda s: (counts[s], len(s)))
