"""Entity mentions: what one spaCy entity span names, its kind, key, title and roles.

spaCy's small model types many names wrongly; the rules here decide the kind from the name's
words and context (a demonym is its country, a facility word makes a place, the alias table
names countries and organisations), and drop spans that are no names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storylens.analyze.places import government_of, is_facility, is_institution
from storylens.analyze.repairs import before_party, before_possessive, is_agreement
from storylens.model import EntityLabel, Span
from storylens.names import (
    TITLE_WORDS,
    canonical_alias,
    country_named,
    country_of_demonym,
    is_city,
    name_key,
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
class FoundMention:
    """One mention found, before grouping: its span, kind, key ("" for a person) and title."""

    span: Span
    label: EntityLabel
    key: str
    title: str | None = None
    roles: tuple[str, ...] = ()


def find_mentions(ent: Any, offset: int) -> list[FoundMention]:
    """The mentions one entity span gives: two countries joined by a hyphen, else itself."""
    joined = _hyphenated_countries(ent, offset)
    if joined:
        return joined
    found = _found(ent, offset)
    return [found] if found is not None else []


def _hyphenated_countries(ent: Any, offset: int) -> list[FoundMention]:
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
            FoundMention(
                span=Span(start=start, end=start + len(surface), text=surface),
                label=EntityLabel.PLACE,
                key="name:" + name_key(country),
            )
        )
        start += len(part) + 1
    return found


def _found(ent: Any, offset: int) -> FoundMention | None:
    """The mention one entity span gives, its kind and key, or None for a spurious span."""
    label = EntityLabel.OTHER if is_agreement(ent) else LABELS.get(ent.label_)
    ent = before_possessive(ent)
    span = _mention_span(ent, offset, label)
    if span is None or label is None:
        return None
    if label is EntityLabel.GROUP and before_party(ent):
        return _party(ent, span, offset)
    if label is EntityLabel.GROUP and canonical_alias(span.text) is None:
        return _nationality(span)
    if label is EntityLabel.PERSON:
        return _person(ent, span)
    return _named(ent, span, label)


def _mention_span(ent: Any, offset: int, label: EntityLabel | None) -> Span | None:
    """The mention's span (possessive, trailing dash and an organisation's "the" cut off)."""
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
    return Span(start=start, end=start + len(surface) - lead, text=surface[lead:])


def _party(ent: Any, span: Span, offset: int) -> FoundMention:
    """A party adjective before "party" ("his local Republican party"): the organisation."""
    word = ent.doc[ent.end]
    end = offset + word.idx + len(word.text)
    span = Span(start=span.start, end=end, text=ent.doc.text[span.start - offset : end - offset])
    party = canonical_alias(span.text) or span.text
    return FoundMention(span=span, label=EntityLabel.ORGANISATION, key="name:" + name_key(party))


def _nationality(span: Span) -> FoundMention:
    """A nationality or group: a demonym is its country, a city spaCy sm typed NORP a place."""
    country = country_of_demonym(span.text)
    if country is not None:
        return FoundMention(span=span, label=EntityLabel.PLACE, key="name:" + name_key(country))
    if is_city(span.text):  # "Aleppo's hospitals"
        return FoundMention(span=span, label=EntityLabel.PLACE, key="name:" + name_key(span.text))
    return FoundMention(span=span, label=EntityLabel.GROUP, key="name:" + name_key(span.text))


def _person(ent: Any, span: Span) -> FoundMention:
    """A person, with the title before the name; or the country or facility spaCy typed one."""
    if _written_country(span.text):
        country = country_named(span.text) or span.text  # "N. Korea", typed a person
        return FoundMention(span=span, label=EntityLabel.PLACE, key="name:" + name_key(country))
    if _named_facility(ent):
        return FoundMention(span=span, label=EntityLabel.PLACE, key="name:" + name_key(span.text))
    title = _title_before(ent)
    roles = _roles(title) if title else _conjunct_roles(ent)
    return FoundMention(
        span=span, label=EntityLabel.PERSON, key="", title=title, roles=tuple(roles)
    )


def _named(ent: Any, span: Span, label: EntityLabel) -> FoundMention:
    """An organisation, place or other name: the alias table, then facility words, decide."""
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
    return FoundMention(span=span, label=label, key="name:" + name_key(alias or span.text))


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
