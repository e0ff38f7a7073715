"""Entities: group spaCy's named-entity mentions under one canonical name per entity."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens.analyze.nlp import TITLE, ParsedParagraph
from storylens.analyze.people import (
    dominant,
    group_label,
    join_acronyms,
    join_named_people,
    person_key,
)
from storylens.analyze.places import government_of, is_facility, is_institution, join_compass
from storylens.analyze.repairs import before_party, before_possessive, is_agreement, repaired
from storylens.model import Entity, EntityLabel, Mention, MentionKind, Span
from storylens.names import (
    TITLE_WORDS,
    canonical_alias,
    country_named,
    country_of_demonym,
    is_city,
    name_key,
    name_words,
    strip_possessive,
)

LABELS = {
    "PERSON": EntityLabel.PERSON,
    "ORG": EntityLabel.ORGANISATION,
    "GPE": EntityLabel.PLACE,
    "LOC": EntityLabel.PLACE,
    "FAC": EntityLabel.PLACE,
    "NORP": EntityLabel.GROUP,
}
ROLE_FORMS = {
    "sen": "senator",
    "sens": "senator",
    "senators": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "gen": "general",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
}


_HYPHEN = re.compile(r"[-–](?=[A-Z])")


@dataclass(slots=True)
class _Found:
    span: Span
    label: EntityLabel
    key: str
    title: str | None = None
    roles: tuple[str, ...] = ()


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
        f for p in paragraphs for ent in repaired(p.doc.ents) for f in _found_all(ent, p.offset)
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


def _found_all(ent: Any, offset: int) -> list[_Found]:
    """The mentions one entity span gives: two countries joined by a hyphen, else itself."""
    joined = _hyphenated_countries(ent, offset)
    if joined:
        return joined
    found = _found(ent, offset)
    return [found] if found is not None else []


def _hyphenated_countries(ent: Any, offset: int) -> list[_Found]:
    """'U.S.-Russia' (one token to the parser) as two places, 'U.S.' and 'Russia'.

    Only when both sides name a country; "Coca-Cola" or "al-Assad" stay as they are.
    """
    parts = _HYPHEN.split(ent.text)
    if len(parts) != 2:
        return []
    countries = [country_named(strip_possessive(part)) for part in parts]
    found, start = [], offset + ent.start_char
    for part, country in zip(parts, countries, strict=True):
        if country is None:
            return []
        surface = strip_possessive(part)
        found.append(
            _Found(
                span=Span(start=start, end=start + len(surface), text=surface),
                label=EntityLabel.PLACE,
                key="name:" + name_key(country),
            )
        )
        start += len(part) + 1
    return found


def _found(ent: Any, offset: int) -> _Found | None:
    label = EntityLabel.OTHER if is_agreement(ent) else LABELS.get(ent.label_)
    ent = before_possessive(ent)
    surface = strip_possessive(ent.text).rstrip(" -–—")
    if (
        label is None
        or not surface
        or not any(c.isalpha() for c in surface)
        or _spurious(ent, label)
    ):
        return None
    lead = 4 if surface.lower().startswith("the ") and label is not EntityLabel.PERSON else 0
    start = offset + ent.start_char + lead
    span = Span(start=start, end=start + len(surface) - lead, text=surface[lead:])
    if label is EntityLabel.GROUP and before_party(ent):
        # "his local Republican party": the mention is "Republican party", the organisation.
        word = ent.doc[ent.end]
        end = offset + word.idx + len(word.text)
        span = Span(
            start=span.start, end=end, text=ent.doc.text[span.start - offset : end - offset]
        )
        party = canonical_alias(span.text) or span.text
        return _Found(span=span, label=EntityLabel.ORGANISATION, key="name:" + name_key(party))
    if label is EntityLabel.GROUP and canonical_alias(span.text) is not None:
        label = EntityLabel.ORGANISATION  # "Democrats", "Republicans": the party, by the table
    if label is EntityLabel.GROUP:
        country = country_of_demonym(span.text)
        if country is not None:
            return _Found(span=span, label=EntityLabel.PLACE, key="name:" + name_key(country))
        if is_city(span.text):  # spaCy sm labels some cities NORP ("Aleppo's hospitals")
            return _Found(span=span, label=EntityLabel.PLACE, key="name:" + name_key(span.text))
        return _Found(span=span, label=label, key="name:" + name_key(span.text))
    if label is EntityLabel.PERSON and _written_country(span.text):
        country = country_named(span.text) or span.text  # "N. Korea", typed a person
        return _Found(span=span, label=EntityLabel.PLACE, key="name:" + name_key(country))
    if label is EntityLabel.PERSON and _named_facility(ent):
        return _Found(span=span, label=EntityLabel.PLACE, key="name:" + name_key(span.text))
    if label is EntityLabel.PERSON:
        title = _title_before(ent)
        roles = _roles(title) if title else _conjunct_roles(ent)
        return _Found(span=span, label=label, key="", title=title, roles=tuple(roles))
    alias = canonical_alias(span.text)
    if alias is not None:
        # The alias table names countries and organisations: its entry decides the kind.
        label = EntityLabel.PLACE if country_named(alias) else EntityLabel.ORGANISATION
    elif label is EntityLabel.ORGANISATION and is_facility(span.text, after=_next_word(ent)):
        label = EntityLabel.PLACE  # "Bank of America Stadium", "George Washington Bridge"
    elif label is EntityLabel.PLACE and is_institution(span.text):
        label = EntityLabel.ORGANISATION  # spaCy's facility "Bethesda Naval Hospital"
    elif label is EntityLabel.PLACE:
        alias = government_of(span.text, ent.root.dep_)
    return _Found(span=span, label=label, key="name:" + name_key(alias or span.text))


def _written_country(surface: str) -> bool:
    """A country's name of more than one plain word ("N. Korea"), not a lone "Jordan"."""
    return country_named(surface) is not None and (" " in surface or "." in surface)


def _next_word(ent: Any) -> str:
    return str(ent.doc[ent.end].text) if ent.end < len(ent.doc) else ""


def _named_facility(ent: Any) -> bool:
    """A name between "the" and a facility noun names the facility ("the Kestrel mine")."""
    return (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ == "the"
        and is_facility(ent.text, after=_next_word(ent))
    )


def _spurious(ent: Any, label: EntityLabel) -> bool:
    """Names spaCy's small model finds that are not names.

    No proper noun at all ("Blaming"), or the "State" of "Secretary of State John Kerry" or the
    "Defense" of "Defense Secretary Jim Mattis". (An agreement or a law spaCy calls an
    organisation, "the Cessation of Hostilities", is kept as a name of kind other.)
    """
    if label is not EntityLabel.GROUP and not any(t.tag_.startswith("NNP") for t in ent):
        return True
    doc = ent.doc
    if (
        label is EntityLabel.ORGANISATION
        and ent.end + 1 < len(doc)
        and len(ent) == 1
        and doc[ent.end].lower_ in ("secretary", "minister")
        and doc[ent.end + 1].ent_type_ == "PERSON"
    ):
        return True  # the portfolio of "Defense Secretary Jim Mattis": part of a title
    return (
        label is not EntityLabel.PERSON
        and ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_.rstrip(".") in TITLE_WORDS
        and ent.end < len(doc)
        and doc[ent.end].ent_type_ == "PERSON"
    )


def _title_before(ent: Any) -> str | None:
    doc, words = ent.doc, list[Any]()
    for i in range(ent.start - 1, max(ent.start - 5, -1), -1):
        token = doc[i]
        if (token.ent_type_ and token.ent_type_ != "PERSON") or (
            token.is_punct and token.text != "."
        ):
            break
        words.insert(0, token)
    while words and words[0].lower_.rstrip(".") not in TITLE_WORDS:
        words.pop(0)
    if not words:
        return None
    return str(doc[words[0].i : ent.end].text)


def _conjunct_roles(ent: Any) -> list[str]:
    """The roles a conjoined name shares ("Sens. John McCain and Lindsey Graham")."""
    head = ent.root.head
    if ent.root.dep_ != "conj" or head.ent_type_ != "PERSON":
        return []
    owner = next((e for e in ent.doc.ents if e.start <= head.i < e.end), None)
    title = _title_before(owner) if owner is not None else None
    return _roles(title) if title else []


def _roles(title: str) -> list[str]:
    words = [w.lower().rstrip(".,") for w in title.split()]
    return [ROLE_FORMS.get(w, w) for w in words if w in TITLE_WORDS]


def _group(found: list[_Found]) -> dict[str, list[_Found]]:
    groups: dict[str, list[_Found]] = defaultdict(list)
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


def _person_key(f: _Found, full_names: dict[str, str]) -> str:
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


def _merge_short_names(groups: dict[str, list[_Found]]) -> None:
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


def _add_title_mentions(groups: dict[str, list[_Found]], title: list[_Found]) -> None:
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
                members.insert(0, _Found(span=span, label=members[0].label, key=key))
                break


def _entity(entity_id: str, members: list[_Found]) -> Entity:
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


def _story_key(label: EntityLabel, name: str, members: list[_Found]) -> str:
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
