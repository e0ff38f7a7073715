"""Do two facts place what they report on the same day and in the same place?

A summary sentence names an outlet only when that outlet's own fact states the same
proposition. Two facts can read alike and still report two happenings of one kind: a check-in
at one clinic on 2 May and at another on 13 June, a ship aground off one port and a week later
near another point. These checks turn such a pair down as support:

- *days*: both facts state calendar days ("March 3", "2013-06-13": absolute, day granularity;
  a weekday resolved against the publication date can be wrong by a week) and share none;
- *places*: both facts say where it happened ("in Newport Beach", "off Port Keswick": a place
  name after a locative preposition, not a country acting as a party, "talks with Russia"),
  and neither fact names any of the other's.

- *pages*: both facts open their articles (a headline, or the lede: up to the end of the first
  sentence after the page's top stamps, `datelines`) and the pages are dated (the article's
  publication date, else its top stamp's day) more than `PAGE_DAYS` apart: a headline reports
  the news of its page's day, and two headlines six weeks apart report two happenings.

- *figures* (rows only, `apart`): both facts state at least `FIGURES` numbers and share
  none ("13 homers and 43 runs in 54 games" / "33 homers and 121 runs in a combined 157
  games": two tallies, of two spans of time). Two different figures each ("five killed, 12
  injured" / "three killed, 13 injured") can be one disputed count and stay linked: the row
  carries the conflict.

A fact that states no day, or no such place, is not contradicted by these rules. The same
checks keep such facts out of one row (`apart`): an embedding link between them is dropped, so
two groundings a week apart are two rows, not one row with a "date conflict". So does a
venue clash (`venues.venues_clash`: both facts say where, one at a named site such as a
clinic, and neither names the other's). Quote links (the same quoted words) are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.datelines import datelines, page_day
from storylens.compare.spans import starts_inside
from storylens.compare.venues import venues_clash
from storylens.model import Analysis, EntityLabel, Granularity
from storylens.model.comparison import Fact, Link, LinkKind
from storylens.names import name_key

_LOCATIVE = re.compile(
    r"\b(?:in|at|near|off|outside|inside|into|onto|across|around|towards?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BEFORE = 16
"""Characters before a place name searched for its preposition."""
_TOP_SENTENCES = 8
"""A fact past this sentence never opens its article (spares reading the page's top)."""
PAGE_DAYS = 7
"""Headlines and ledes of pages dated further apart than this report different happenings."""
FIGURES = 3
"""Facts each stating this many figures, none of them shared, report different tallies."""


@dataclass(frozen=True, slots=True)
class _Setting:
    """What one fact says of when and where: its days, where it happened, every place named."""

    days: frozenset[object]
    where: frozenset[str]
    named: frozenset[str]
    page: dt.date | None = None
    """The page's date when the fact opens its article (headline or lede), else None."""
    figures: frozenset[float] = frozenset()
    """The values of the numbers the fact states."""

    @classmethod
    def of(cls, fact: Fact, analysis: Analysis) -> _Setting:
        return cls(
            days=frozenset(_days(fact, analysis)),
            where=frozenset(_where(fact, analysis)),
            named=frozenset(_named(fact, analysis)),
            page=_page(fact, analysis),
            figures=frozenset(
                n.value
                for n in analysis.numbers
                if n.value is not None and starts_inside(n.span, fact.span)
            ),
        )

    def same_days(self, other: _Setting) -> bool:
        if self.page and other.page and abs((self.page - other.page).days) > PAGE_DAYS:
            return False
        return not self.days or not other.days or bool(self.days & other.days)

    def same_figures(self, other: _Setting) -> bool:
        """False when both facts state several figures and none is in both."""
        if len(self.figures) < FIGURES or len(other.figures) < FIGURES:
            return True
        return bool(self.figures & other.figures)

    def same_place(self, other: _Setting) -> bool:
        if not self.where or not other.where:
            return True
        return bool(self.where & other.named) or bool(other.where & self.named)


def days_agree(first: Fact, a: Analysis, second: Fact, b: Analysis) -> bool:
    """False when both facts state calendar days and no day is in both."""
    return _Setting.of(first, a).same_days(_Setting.of(second, b))


def places_agree(first: Fact, a: Analysis, second: Fact, b: Analysis) -> bool:
    """False when both facts say where, and neither names a place where the other says."""
    return _Setting.of(first, a).same_place(_Setting.of(second, b))


def apart(
    links: Sequence[Link],
    facts: Sequence[Fact],
    analyses: Sequence[Analysis],
    *,
    bare: frozenset[str] = frozenset(),
) -> list[Link]:
    """``links`` without the embedding links between facts that state other days or places.

    ``bare`` holds the ids of facts with no term but their numerals ("She was 88."): an
    embedding link to one of them needs both facts to write the same numerals, since the
    numerals are all such a fact says ("She was 88." / "She was 83." are two claims).

    Each fact's days and places are read once, however many links it has.
    """
    fact_of = {fact.id: fact for fact in facts}
    by_id = {a.article.id: a for a in analyses}
    settings: dict[str, _Setting] = {}

    def setting(fact_id: str) -> _Setting:
        if fact_id not in settings:
            fact = fact_of[fact_id]
            settings[fact_id] = _Setting.of(fact, by_id[fact.article_id])
        return settings[fact_id]

    kept = []
    for link in links:
        if link.kind is LinkKind.EMBEDDING:
            first, second = setting(link.source), setting(link.target)
            if not (
                first.same_days(second) and first.same_place(second) and first.same_figures(second)
            ):
                continue
            a, b = fact_of[link.source], fact_of[link.target]
            if bare & {a.id, b.id} and _numerals(a) != _numerals(b):
                continue
            if venues_clash(a, by_id[a.article_id], b, by_id[b.article_id]):
                continue
        kept.append(link)
    return kept


_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")


def _numerals(fact: Fact) -> set[str]:
    """The numerals written in the fact (the analysis reads no count without a noun)."""
    return set(_NUMERAL.findall(fact.span.text))


def _days(fact: Fact, analysis: Analysis) -> set[object]:
    return {
        d.value
        for d in analysis.dates
        if d.value is not None
        and not d.relative
        and d.granularity is Granularity.DAY
        and starts_inside(d.span, fact.span)
    }


def _page(fact: Fact, analysis: Analysis) -> dt.date | None:
    """The page's date if ``fact`` opens the article (see the module docstring), else None."""
    if fact.sentence > _TOP_SENTENCES:
        return None
    stamps = datelines(analysis)
    top = stamps[-1].end if stamps else 0
    lede = next((s.span.end for s in analysis.sentences if s.span.end > top), top)
    if fact.span.start >= lede:
        return None
    return page_day(analysis)


def _where(fact: Fact, analysis: Analysis) -> set[str]:
    """Keys of the places the fact gives as where something happened."""
    text = analysis.article.text
    return {
        name_key(entity.name)
        for entity in analysis.entities
        if entity.label is EntityLabel.PLACE
        for m in entity.mentions
        if starts_inside(m.span, fact.span)
        and _LOCATIVE.search(text[max(fact.span.start, m.span.start - _BEFORE) : m.span.start])
    }


def _named(fact: Fact, analysis: Analysis) -> set[str]:
    """Keys of every place the fact names."""
    return {
        name_key(entity.name)
        for entity in analysis.entities
        if entity.label is EntityLabel.PLACE
        and any(starts_inside(m.span, fact.span) for m in entity.mentions)
    }
