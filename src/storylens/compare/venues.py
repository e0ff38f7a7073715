"""Where a fact says something happened: the names right after "in", "at", "into", "to".

Two sentences can read alike and report two happenings of one kind: "checked into a clinic in
Newport Beach" and "checked into the Betty Ford Center". `agreement` turns a pair down only
when both facts say where and name none of the other's places; a summary's supporter must do
more (`venues_agree`): it names every venue the summary sentence gives, and, when the sentence
gives any, no venue of its own that the sentence does not name. A sentence naming two venues
("after leaving rehab in Newport Beach, she admitted herself to the Betty Ford Center") reports
two happenings, and supports neither alone.

A *venue* is a named entity whose mention follows a locative preposition ("in", "at", "into",
"near", "off", …), perhaps with an article or a possessive name between ("into California's
Betty Ford Center": both are venues): any label, since the entity recogniser often calls a
clinic a person. After "to" only a place or an organisation is a venue ("sent a letter to
Kerry" names a recipient), and a name after "according to" is a source. A place after a comma
("Newport Beach, Calif.") qualifies the venue before it and is not one of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from storylens.compare.spans import starts_inside
from storylens.model import Analysis, EntityLabel
from storylens.model.comparison import Fact
from storylens.names import name_key

_BEFORE = 40
"""Characters before a mention searched for its preposition."""
_VENUE = re.compile(
    r"(?<![Aa]ccording )\b(?P<preposition>in|at|into|inside|outside|near|off|onto|to)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w.-]*['’]s\s+)?$"
)
"""A preposition, an optional article and an optional possessive name, then the mention."""
_REPORTING = re.compile(
    r"(?:\b(?:reports?|reported|reporters?|story|article|interview|column|columnist|editor"
    r"|correspondent|wrote|writes|published)"
    r"|\bby(?:\s+[A-Z][\w.-]*)+)\s*$"
)
"""Words before a venue's preposition that make it where something was reported."""
_DESTINATIONS = frozenset({EntityLabel.PLACE, EntityLabel.ORGANISATION})
"""Labels a name after "to" needs to be a venue."""


def venues(fact: Fact, analysis: Analysis) -> set[str]:
    """Keys of the names ``fact`` gives as where something happened."""
    return {
        key
        for key, label, preposition, _ in _mentions(fact, analysis)
        if preposition != "to" or label in _DESTINATIONS
    }


def _mentions(fact: Fact, analysis: Analysis) -> Iterator[tuple[str, EntityLabel, str, str]]:
    """Each name after a locative preposition: key, label, preposition, the text before."""
    text = analysis.article.text
    for entity in analysis.entities:
        for m in entity.mentions:
            if not starts_inside(m.span, fact.span):
                continue
            before = text[max(fact.span.start, m.span.start - _BEFORE) : m.span.start]
            hit = _VENUE.search(before)
            if hit is not None:
                yield name_key(entity.name), entity.label, hit["preposition"], before[: hit.start()]


def named(fact: Fact, analysis: Analysis) -> set[str]:
    """Keys of every name ``fact`` mentions."""
    return {
        name_key(entity.name)
        for entity in analysis.entities
        if any(starts_inside(m.span, fact.span) for m in entity.mentions)
    }


def venues_agree(supporter: Fact, a: Analysis, source: Fact, b: Analysis) -> bool:
    """``supporter`` names every venue of ``source`` and, if there are any, no other venue.

    A supporter adding where to a sentence that says nowhere adds a detail ("died in
    Beverly Hills" supports "died"); one adding a second venue to the sentence's reports a
    second happening.

    A venue counts as named when the other fact mentions it or holds its name in words;
    one name inside the other counts ("Betty Ford" / "the Betty Ford Center").
    """
    wanted = venues(source, b)
    if not _all_named(wanted, supporter, a):
        return False
    return not wanted or _all_named(venues(supporter, a), source, b)


def _all_named(wanted: set[str], fact: Fact, analysis: Analysis) -> bool:
    if not wanted:
        return True
    words = f" {name_key(fact.span.text)} "
    names = {f" {n} " for n in named(fact, analysis)}
    return all(
        f" {v} " in words or any(f" {v} " in n or n in f" {v} " for n in names) for v in wanted
    )


def venues_clash(first: Fact, a: Analysis, second: Fact, b: Analysis) -> bool:
    """Both facts say where it happened, one at a named site, and neither names the other's.

    Sites are the venues not after "to" nor after a word of reporting ("a report in the
    Daily Courier", "by Ann Lee at the Ledger"). Two places alone are left to `agreement`
    (one town may lie in the other's region); a site is named by the other fact when the
    first word of its name is among that fact's words ("the Linden Grove clinic" / "Linden
    Grove Center"), or as in `venues_agree`.
    """
    mine, theirs = _sites(first, a), _sites(second, b)
    if not mine or not theirs or (all(mine.values()) and all(theirs.values())):
        return False
    return not _any_named(mine, second, b) and not _any_named(theirs, first, a)


def _sites(fact: Fact, analysis: Analysis) -> dict[str, bool]:
    """Key -> whether it is a place, for each venue of ``fact`` that is where it happened."""
    return {
        key: label is EntityLabel.PLACE
        for key, label, preposition, before in _mentions(fact, analysis)
        if preposition != "to" and not _REPORTING.search(before)
    }


def _any_named(sites: Mapping[str, bool], fact: Fact, analysis: Analysis) -> bool:
    words = set(name_key(fact.span.text).split())
    return any(key.split()[0] in words or _all_named({key}, fact, analysis) for key in sites if key)
