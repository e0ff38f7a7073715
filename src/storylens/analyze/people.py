"""People across a story: one key per person, and the evidence that a name is a person.

spaCy's small model labels the same surname a person in one sentence and an organisation or
a group in the next ("Trump", "Mattis"). A name whose every word is a person's name in the
article (the full name, or its surname when only one person has it) belongs to that person;
a group is a person when its members carry a person's evidence: a title ("Mr.", "Sen."), a
first name and surname, or the person label at all when no other kind has that evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from storylens.analyze.names import TITLE_WORDS, name_key
from storylens.model import EntityLabel, Span

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


class Member(Protocol):
    """What person grouping reads of one found mention."""

    span: Span
    label: EntityLabel
    title: str | None


def person_key(name: str) -> str:
    """A key equal for the written forms of one person's name, for grouping across articles.

    Titles, middle initials and suffixes drop out; the key is the first and last name.

    >>> person_key("Donald J. Trump") == person_key("Mr. Donald Trump") == "donald trump"
    True
    >>> person_key("Mattis")
    'mattis'
    """
    words = [w for w in name_key(name).split() if w not in TITLE_WORDS and w not in _SUFFIXES]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return " ".join(words) or name_key(name)


def person_owner(surface: str, people: Sequence[str]) -> str | None:
    """The person key (``person:…``) a non-person surface names, if exactly one fits.

    ``people`` are the article's multi-word person keys; "Trump" names "person:donald trump"
    when no other person is a Trump; "Donald Trump" names it too.
    """
    words = [w for w in name_key(surface).split() if w not in TITLE_WORDS]
    if not words:
        return None
    whole = [p for p in people if p.removeprefix("person:").split() == words]
    if whole:
        return whole[0]
    if len(words) != 1:
        return None
    fits = [p for p in people if p.removeprefix("person:").split()[-1] == words[0]]
    return fits[0] if len(fits) == 1 else None


def group_label(members: Iterable[Member]) -> EntityLabel:
    """The kind of a group of mentions, decided by its evidence, not by a majority vote.

    A person mention with a title or a first name and surname makes the group a person;
    otherwise the most frequent label.
    """
    members = list(members)
    for m in members:
        if m.label is EntityLabel.PERSON and (m.title or len(m.span.text.split()) > 1):
            return EntityLabel.PERSON
    return Counter(m.label for m in members).most_common(1)[0][0]
