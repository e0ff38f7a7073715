"""Mending spaCy's entity spans before they become mentions.

The small model cuts well-known names short ("Islamic" + "State"), runs two countries
together ("U.S. Russia"), spans past a possessive ("Clinton's van"), and types the names of
agreements an organisation or a facility ("the Cessation of Hostilities", "the Minsk Accord").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storylens.names import canonical_alias, country_named, strip_possessive


def repaired(ents: Sequence[Any]) -> list[Any]:
    """The entity spans of the parse, with two common small-model cuts mended.

    A well-known name cut short is extended ("Islamic" + "State" → "Islamic State", from the
    alias table), and two countries run together are split ("U.S. Russia" → "U.S.",
    "Russia"). An entity swallowed by an extension is dropped. A name that runs on into a
    figure or a clause ends before it (`_trimmed`); a place cut off the front of an
    organisation's name joins it (`_qualifies`).
    """
    mended: list[Any] = []
    for ent in ents:
        if mended and ent.start < mended[-1].end:
            continue
        ent = _trimmed(ent)
        if mended and _qualifies(mended[-1], ent):
            mended[-1] = _joined(mended[-1], ent)
            continue
        mended.extend(_extended(ent) or _split_countries(ent) or [ent])
    return mended


def _qualifies(place: Any, org: Any) -> bool:
    """A place that begins an organisation's name ("the Ohio Republican State Committee").

    spaCy cuts it as a place, maybe a proper noun, then the organisation; the place's
    words are compounds of the organisation's head, with only proper nouns between.
    """
    between = place.doc[place.end : org.start]
    return (
        place.label_ == "GPE"
        and org.label_ == "ORG"
        and place.root.dep_ == "compound"
        and org.start <= place.root.head.i < org.end
        and all(t.tag_.startswith("NNP") and t.dep_ == "compound" for t in between)
    )


def _joined(place: Any, org: Any) -> Any:
    from spacy.tokens import Span as DocSpan

    return DocSpan(place.doc, place.start, org.end, label="ORG")


_AMOUNT_WORDS = frozenset({"percent", "per", "%", "points", "point"})
_DASHES = frozenset({"-", "–", "—", "--"})


def _trimmed(ent: Any) -> Any:
    """The name without a figure or a clause spaCy ran it into (its first word stays).

    "Smith 40 percent" (a poll) ends before the figure; "the Rovers - while" before the
    dash that starts a lowercase clause.
    """
    from spacy.tokens import Span as DocSpan

    doc = ent.doc
    for token in ent[1:]:
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        figure = token.like_num and after is not None and after.lower_ in _AMOUNT_WORDS
        spaced = bool(doc[token.i - 1].whitespace_)  # "Ki-moon" is one name
        clause = token.text in _DASHES and spaced and after is not None and after.is_lower
        if figure or clause:
            return DocSpan(doc, ent.start, token.i, label=ent.label_)
    return ent


def _extended(ent: Any) -> list[Any]:
    from spacy.tokens import Span as DocSpan

    doc = ent.doc
    for extra in (2, 1):
        end = ent.end + extra
        if end > len(doc) or not all(t.tag_.startswith("NNP") for t in doc[ent.end : end]):
            continue
        longer = doc[ent.start : end]
        alias = canonical_alias(longer.text)
        if alias is not None and canonical_alias(ent.text) != alias:
            label = "GPE" if country_named(alias) else "ORG"
            return [DocSpan(doc, ent.start, end, label=label)]
    return []


def _split_countries(ent: Any) -> list[Any]:
    from spacy.tokens import Span as DocSpan

    if ent.label_ not in ("GPE", "ORG", "NORP") or country_named(ent.text):
        return []
    for cut in range(ent.start + 1, ent.end):
        left, right = ent.doc[ent.start : cut], ent.doc[cut : ent.end]
        if country_named(left.text) and country_named(strip_possessive(right.text)):
            return [
                DocSpan(ent.doc, ent.start, cut, label="GPE"),
                DocSpan(ent.doc, cut, ent.end, label="GPE"),
            ]
    return []


def before_possessive(ent: Any) -> Any:
    """The name ends at a possessive before a common noun (spaCy spans "Clinton's van")."""
    for token in ent[1:-1]:
        if token.tag_ == "POS" and token.nbor().is_lower:
            return ent.doc[ent.start : token.i]
    return ent


def before_party(ent: Any) -> bool:
    """A party adjective before the lowercase noun "party" ("the local Republican party")."""
    return bool(ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "party")


AGREEMENT_WORDS = frozenset(
    {
        "accord",
        "accords",
        "act",
        "agreement",
        "amendment",
        "ceasefire",
        "cease-fire",
        "deal",
        "doctrine",
        "hostilities",
        "memorandum",
        "pact",
        "protocol",
        "treaty",
        "truce",
    }
)
"""Last words of the names of agreements and laws: neither an organisation nor a place."""


def is_agreement(ent: Any) -> bool:
    """An organisation or facility by spaCy whose name ends in an agreement word."""
    return ent.label_ in ("ORG", "FAC") and ent[-1].lower_ in AGREEMENT_WORDS
