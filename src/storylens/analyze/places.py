"""Places among the names: facilities, a capital standing for its government, "the North".

spaCy's small model types "Bank of America Stadium" or "George Washington Bridge" an
organisation; a name ending in a word for a built place, or standing before one as a
lowercase noun ("the Federal mine"), is a place. A hospital is an institution (it admits,
treats, says): an organisation, as the judges of the entity sample read it. A capital as
the subject of a verb ("Pyongyang said") is the government (the country); "in Moscow" and
"Moscow's mayor" are the city (a possessive goes either way, so it stays the city). "The
North" in an article about North and South Korea is the one place of the article whose name
it begins.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from storylens.model import EntityLabel, Span
from storylens.names import country_of_capital, name_key

FACILITY_WORDS = frozenset(
    {
        "airport",
        "arena",
        "avenue",
        "bridge",
        "boulevard",
        "cathedral",
        "highway",
        "mine",
        "square",
        "stadium",
        "street",
        "tower",
    }
)
"""Last words of a facility's or a street's name ("Bank of America Stadium")."""

INSTITUTION_WORDS = frozenset({"clinic", "hospital"})
"""Last words of the names of institutions spaCy may type a facility ("Mercy Hospital")."""

_ACTING = frozenset({"nsubj", "nsubjpass"})
_COMPASS = frozenset({"north", "south", "east", "west"})

M = TypeVar("M", bound="Member")


class Member(Protocol):
    """What place grouping reads of one found mention."""

    span: Span
    label: EntityLabel


def is_facility(surface: str, *, after: str = "") -> bool:
    """Whether a name ends in a facility word, or stands before one ("the Federal mine").

    >>> is_facility("George Washington Bridge"), is_facility("Pew Research Center")
    (True, False)
    >>> is_facility("Federal", after="mine"), is_facility("Federal", after="Mine")
    (True, False)
    """
    words = name_key(surface).split()
    return (len(words) > 1 and words[-1] in FACILITY_WORDS) or (
        after.islower() and after in FACILITY_WORDS
    )


def is_institution(surface: str) -> bool:
    """Whether a name ends in an institution word: an organisation, not a place.

    >>> is_institution("Bethesda Naval Hospital"), is_institution("Bethesda")
    (True, False)
    """
    words = name_key(surface).split()
    return len(words) > 1 and words[-1] in INSTITUTION_WORDS


def government_of(surface: str, dependency: str) -> str | None:
    """The country a capital stands for when it is a subject ("Pyongyang said")."""
    return country_of_capital(surface) if dependency in _ACTING else None


def join_compass(groups: dict[str, list[M]]) -> None:
    """A lone "North" or "South" joins the one multi-word place of the article it begins."""
    for key in [k for k in groups if k.startswith("name:") and k[5:] in _COMPASS]:
        word = key[5:]
        owners = [
            k
            for k, members in groups.items()
            if k != key
            and k.startswith("name:")
            and k[5:].split()[0] == word
            and len(k.split()) > 1
            and members[0].label is EntityLabel.PLACE
        ]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
            groups[owners[0]].sort(key=lambda f: f.span.start)
