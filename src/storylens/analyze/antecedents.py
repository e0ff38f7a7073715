"""Who a "he" or "she" that speaks stands for: salient subjects, and each person's gender.

The article itself is the only evidence: a title ("Mr. Roe", "Ms. Poe") or a "he"/"she"
that is the subject of a clause under a sentence whose subject is that person ("Roe said
she would run") gives a person's gender. A pronoun never goes to a person of the other
gender, and with no salient subject or previous speaker that fits it stays unresolved:
the last person named is as often someone else (read on PolNeAR train).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens.analyze.cues import cue_lemma
from storylens.analyze.entities import EntityIndex
from storylens.analyze.nlp import ParsedParagraph
from storylens.model import EntityLabel

GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_UNDER = frozenset({"ccomp", "advcl"})
"""Clauses whose "he"/"she" subject is read as the subject of the clause they hang on."""
SALIENT_WINDOW = 500
"""How far back (characters) a subject may be to stand for "he" or "she"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Salience:
    """What an article says about who its pronouns can stand for."""

    subjects: frozenset[int] = frozenset()
    """Start offsets of the article's subject tokens outside quotation marks."""
    reporters: Mapping[int, int] = field(default_factory=dict)
    """A subject of reported speech ("Poe" in "Roe said Poe had …") → the reporter's."""
    genders: Mapping[str, str] = field(default_factory=dict)
    """Person entity id → "m" or "f", where the article shows it."""


def read_salience(
    parsed: Sequence[ParsedParagraph], quoted: Sequence[tuple[int, int]], index: EntityIndex
) -> Salience:
    """Subjects outside quotations, who reports whom, and the genders the article shows.

    A title counts twice a pronoun clause: "Ms. Roe" outweighs one "Roe told him she …".

    >>> Salience().genders
    {}
    """
    quoted = tuple(quoted)
    subjects: set[int] = set()
    reporters: dict[int, int] = {}
    votes: dict[str, Counter[str]] = {}
    for p in (p for p in parsed if p.index >= 0):
        for token in p.doc:
            start = p.offset + token.idx
            if token.dep_ not in _SUBJECTS or _within(start, quoted):
                continue
            subjects.add(start)
            # "The commissioner, Tomas Roe, spoke": the name in apposition is the subject too
            subjects.update(p.offset + c.idx for c in token.children if c.dep_ == "appos")
            reporter = _reporter(token)
            if reporter is not None and not _within(p.offset + reporter.idx, quoted):
                reporters[start] = p.offset + reporter.idx
            gender = GENDERS.get(token.lower_)
            person = _governing_person(token, p.offset, index) if gender else None
            if gender and person:
                votes.setdefault(person, Counter())[gender] += 1
    _title_votes(index, votes)
    return Salience(subjects=frozenset(subjects), reporters=reporters, genders=_decided(votes))


def _reporter(subject: Any) -> Any:
    """The subject of the speech verb whose reported clause ``subject`` opens, if any."""
    verb = subject.head
    if verb.dep_ != "ccomp" or cue_lemma(verb.head.text) is None:
        return None
    return next((c for c in verb.head.children if c.dep_ in _SUBJECTS and c is not subject), None)


def _governing_person(pronoun: Any, offset: int, index: EntityIndex) -> str | None:
    """The person named as subject of the clause a "he"/"she" clause hangs on."""
    verb = pronoun.head
    for _ in range(3):
        if verb.dep_ not in _UNDER or verb.head is verb:
            return None
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            continue
        if subject.tag_.startswith("PRP"):
            return None
        people = [
            i
            for i in index.covering(offset + subject.idx)
            if index.entity(i).label is EntityLabel.PERSON
        ]
        return people[0] if people else None
    return None


def _title_votes(index: EntityIndex, votes: dict[str, Counter[str]]) -> None:
    for entity in index.entities:
        if entity.label is not EntityLabel.PERSON:
            continue
        for alias in (entity.name, *entity.aliases):
            words = alias.split()
            gender = _TITLES.get(words[0].rstrip(".").lower()) if words else None
            if gender:
                votes.setdefault(entity.id, Counter())[gender] += 2


def _decided(votes: Mapping[str, Counter[str]]) -> dict[str, str]:
    decided = {}
    for entity_id, counts in votes.items():
        (top, n), *rest = counts.most_common()
        if not rest or n >= 2 * rest[0][1]:
            decided[entity_id] = top
    return decided


def fits(entity_id: str, word: str, salience: Salience) -> bool:
    """Whether a person may be called ``word`` ("he", "she"): no evidence says otherwise."""
    known = salience.genders.get(entity_id)
    wanted = GENDERS.get(word)
    return known is None or wanted is None or known == wanted


def recent_subject(word: str, position: int, index: EntityIndex, salience: Salience) -> str | None:
    """The person last named as a subject (outside quotes) before a "he"/"she" that fits.

    Subjects are the most salient antecedents: in "Ham said he had misgivings about the army
    under Obama. “…,” he told the host", "he" is Ham, not the later-named Obama. A subject
    of reported speech gives way to its reporter: after "Roe said Poe would win", "he said"
    is Roe, when Roe fits.
    """
    found = sorted(
        (
            (m.span.start, entity.id, s)
            for entity in index.entities
            if entity.label is EntityLabel.PERSON
            for m in entity.mentions
            if position - SALIENT_WINDOW <= m.span.start < position
            for s in salience.subjects
            if m.span.start <= s < m.span.end
        ),
        reverse=True,
    )
    for _, entity_id, subject in found:
        if not fits(entity_id, word, salience):
            continue
        reporter = _person_at(salience.reporters.get(subject), index)
        if reporter is not None and fits(reporter, word, salience):
            return reporter
        return entity_id
    return None


def _person_at(position: int | None, index: EntityIndex) -> str | None:
    if position is None:
        return None
    people = [i for i in index.covering(position) if index.entity(i).label is EntityLabel.PERSON]
    return people[0] if people else None


def _within(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)
