"""People across a story: one key per person, and the evidence that a name is a person.

spaCy's small model labels the same surname a person in one sentence and an organisation or
a group in the next ("Trump", "Mattis"). A name whose every word is a person's name in the
article (the full name, or its surname when only one person has it) belongs to that person;
a group is a person when its members carry a person's evidence: a title ("Mr.", "Sen."), a
first name and surname, or the person label at all when no other kind has that evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from storylens.model import EntityLabel, Span
from storylens.names import country_named, is_city, name_key, name_words, written_as_initials

M = TypeVar("M", bound="Member")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


class Member(Protocol):
    """What person grouping reads of one found mention."""

    span: Span
    label: EntityLabel
    title: str | None


def person_key(name: str) -> str:
    """A key equal for the written forms of one person's name, for grouping across articles.

    Leading titles, middle initials and suffixes drop out; the key is the first and last
    name (a surname that is also a title word stays: "Gov. Jim Justice" is "jim justice").

    >>> person_key("Donald J. Trump") == person_key("Mr. Donald Trump") == "donald trump"
    True
    >>> person_key("Mattis")
    'mattis'
    """
    words = [w for w in name_words(name) if w not in _SUFFIXES]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return " ".join(words) or name_key(name)


def dominant(candidates: Sequence[str], counts: Mapping[str, int]) -> str | None:
    """The one candidate, or among several the one named at least twice as often as any other.

    With Hillary Clinton named twelve times and Chelsea Clinton twice, a bare "Clinton" is
    Hillary; with both named equally often it stays unresolved.
    """
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted(candidates, key=lambda c: -counts.get(c, 0))
    if len(ranked) > 1 and counts.get(ranked[0], 0) >= 2 * max(counts.get(ranked[1], 0), 1):
        return ranked[0]
    return None


def person_owner(
    surface: str, people: Sequence[str], counts: Mapping[str, int] | None = None
) -> str | None:
    """The person key (``person:…``) a non-person surface names, if one fits (`dominant`).

    ``people`` are the article's multi-word person keys; "Trump" names "person:donald trump"
    when no other person is a Trump; "Donald Trump" names it too. Initials are not a
    surname: "U.N." does not name a Mr. Un.
    """
    words = name_words(surface)
    if not words or written_as_initials(surface):
        return None
    whole = [p for p in people if p.removeprefix("person:").split() == words]
    if whole:
        return whole[0]
    if len(words) != 1:
        return None
    fits = [p for p in people if p.removeprefix("person:").split()[-1] == words[0]]
    return dominant(fits, counts or {}) if fits else None


ORGANISATION_WORDS = frozenset(
    {
        "agency",
        "association",
        "bank",
        "coal",
        "college",
        "committee",
        "co",
        "company",
        "corp",
        "corporation",
        "council",
        "energy",
        "foundation",
        "fuels",
        "group",
        "healthcare",
        "holdings",
        "inc",
        "industries",
        "institute",
        "llc",
        "ltd",
        "mining",
        "party",
        "university",
    }
)
"""Last words of organisations' names that are not surnames ("Patriot Coal", "Acme Inc.")."""


def group_label(members: Iterable[Member]) -> EntityLabel:
    """The kind of a group of mentions, decided by its evidence, not by a majority vote.

    A name that ends in an organisation word ("Patriot Coal", which spaCy may call a person)
    makes the group an organisation; a person mention with a title or a first name and
    surname makes it a person; otherwise the most frequent label.
    """
    members = list(members)
    if any(_organisation_name(m.span.text) for m in members):
        return EntityLabel.ORGANISATION
    for m in members:
        if m.label is EntityLabel.PERSON and (m.title or len(m.span.text.split()) > 1):
            return EntityLabel.PERSON
    return Counter(m.label for m in members).most_common(1)[0][0]


def _organisation_name(surface: str) -> bool:
    words = name_key(surface).split()
    return len(words) > 1 and words[-1] in ORGANISATION_WORDS


_SMALL_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "&"})


def acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name`` ("DNC", "Democratic National Committee").

    >>> acronym_of("D.N.C.", "Democratic National Committee"), acronym_of("DNC", "Dallas")
    (True, False)
    """
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _SMALL_WORDS]
    return len(words) == len(letters) and all(
        w[:1].upper() == c for w, c in zip(words, letters, strict=True)
    )


def join_named_people(groups: dict[str, list[M]]) -> None:
    """Mentions of another kind that are a person's name ("Trump", "Fox") join that person.

    A known country or city keeps its own entity ("Washington" beside George Washington).
    """
    people = [k for k in groups if k.startswith("person:") and " " in k]
    counts = {k: len(groups[k]) for k in people}
    for key in [k for k in groups if k.startswith("name:")]:
        kept: list[M] = []
        for f in groups[key]:
            owner = None
            if f.label is not EntityLabel.PLACE or not (
                country_named(f.span.text) or is_city(f.span.text)
            ):
                owner = person_owner(f.span.text, people, counts)
            if owner is None:
                kept.append(f)
            else:
                groups[owner].append(f)
                groups[owner].sort(key=lambda m: m.span.start)
        if kept:
            groups[key] = kept
        else:
            del groups[key]


def join_acronyms(groups: dict[str, list[M]]) -> None:
    """An organisation written as its initials ("DNC") joins the one long name they spell."""
    names = {k: {m.span.text for m in v} for k, v in groups.items() if k.startswith("name:")}
    for key, surfaces in names.items():
        if key not in groups or groups[key][0].label is not EntityLabel.ORGANISATION:
            continue
        owners = [
            other
            for other, long_forms in names.items()
            if other != key
            and other in groups
            and any(acronym_of(s, long) for s in surfaces for long in long_forms)
        ]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
            groups[owners[0]].sort(key=lambda f: f.span.start)
