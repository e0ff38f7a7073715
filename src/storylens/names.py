"""Name normalisation: aliases, demonyms, capitals and personal titles."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "sens",
        "senator",
        "senators",
        "rep",
        "reps",
        "representative",
        "gov",
        "governor",
        "president",
        "vice",
        "secretary",
        "minister",
        "prime",
        "foreign",
        "press",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chair",
        "ambassador",
        "gen",
        "general",
        "col",
        "lt",
        "adm",
        "admiral",
        "judge",
        "justice",
        "mayor",
        "councillor",
        "councilor",
        "councilman",
        "councilwoman",
        "congressman",
        "congresswoman",
        "attorney",
        "director",
        "chief",
        "leader",
        "speaker",
        "commissioner",
        "prosecutor",
        "sheriff",
        "officer",
        "candidate",
        "nominee",
        "former",
        "state",
        "deputy",
        "assistant",
        "senior",
        "acting",
        "king",
        "queen",
        "prince",
        "pope",
        "rev",
        "pastor",
    ]
)
"""Words that may precede a person's name as a title or role ("Secretary of State John Kerry")."""

_PUNCT = re.compile(r"[.\u2019'’`]")
_SPACE = re.compile(r"[\s\-‐‑–—_/]+")


def name_key(name: str) -> str:
    """A comparison key: lowercase, no dots or apostrophes, hyphens as spaces, no leading 'the'.

    >>> name_key("al-Qaeda") == name_key("Al Qaeda")
    True
    """
    key = _SPACE.sub(" ", _PUNCT.sub("", name.lower())).strip()
    key = key.removeprefix("the ")
    return key.removesuffix(" s").strip()


_LEADING = frozenset({"of", "the"})


def name_words(name: str) -> list[str]:
    """The words of a person's name key without the titles before it.

    Only leading titles go: a title word that ends the name is the surname ("Jim Justice",
    "Steve King"), and a name of title words only keeps its last word.

    >>> name_words("Secretary of State John Kerry"), name_words("Gov. Jim Justice")
    (['john', 'kerry'], ['jim', 'justice'])
    >>> name_words("Justice")
    ['justice']
    """
    words = name_key(name).split()
    while len(words) > 1 and (words[0] in TITLE_WORDS or words[0] in _LEADING):
        words.pop(0)
    return words


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,5}")


def written_as_initials(surface: str) -> bool:
    """Whether a name is written as initials ("U.N.", "UN", "FBI"), not as a word.

    >>> written_as_initials("U.N."), written_as_initials("Un"), written_as_initials("Kim")
    (True, False, False)
    """
    return _INITIALS.fullmatch(strip_possessive(surface)) is not None


@cache
def _resource(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (resources.files("storylens") / "resources" / name).read_text(encoding="utf-8")
    )
    return data


@cache
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, others in _resource("aliases.json").items():
        if canonical.startswith("_") or not isinstance(others, list):
            continue
        table[name_key(canonical)] = canonical
        for other in others:
            table[name_key(str(other))] = canonical
    return table


def canonical_alias(name: str) -> str | None:
    """The canonical name of a well-known alias ("Daesh" → "Islamic State"), else None."""
    return _alias_table().get(name_key(name))


def country_of_demonym(word: str) -> str | None:
    """The country a demonym stands for ("Russian" → "Russia")."""
    table = _resource("places.json")["demonyms"]
    assert isinstance(table, dict)
    value = table.get(word.strip())
    return str(value) if value else None


@cache
def _countries() -> frozenset[str]:
    """Every country the demonym table names."""
    table = _resource("places.json")["demonyms"]
    assert isinstance(table, dict)
    return frozenset(str(v) for v in table.values())


def country_named(name: str) -> str | None:
    """The country a name is, written out or by a well-known alias ("U.S." → "United States")."""
    stripped = name.strip()
    if stripped in _countries():
        return stripped
    alias = canonical_alias(stripped)
    return alias if alias in _countries() else None


@cache
def _cities() -> frozenset[str]:
    """Names of the world's cities of 100,000 people or more (resources/cities.json)."""
    names = _resource("cities.json")["cities"]
    assert isinstance(names, list)
    return frozenset(str(n) for n in names)


def is_city(name: str) -> bool:
    """Whether a name is one of the world's cities of 100,000 people or more.

    >>> is_city("Aleppo"), is_city("Republicans")
    (True, False)
    """
    return name.strip() in _cities()


def country_of_capital(city: str) -> str | None:
    """The country whose government a capital's name stands for ("Moscow" → "Russia")."""
    table = _resource("places.json")["capitals"]
    assert isinstance(table, dict)
    value = table.get(city.strip())
    return str(value) if value else None


def strip_possessive(text: str) -> str:
    """'Russia's' → 'Russia'."""
    return re.sub(r"['’]s?$", "", text.strip())
