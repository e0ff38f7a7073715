"""The timeline records of a comparison: dated sentences placed on lanes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from storylens.model import Granularity, Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


class Lane(StrEnum):
    """Events reported in the text, or the articles' own publication."""

    EVENT = "event"
    PUBLISHED = "published"


@dataclass(**_FROZEN)
class TimelineSentence:
    """One sentence that dates an event, and the date expression in it."""

    article_id: str
    outlet: str
    sentence: Span
    expression: Span


@dataclass(**_FROZEN)
class TimelineEntry:
    """One point (or period) of the story, with every sentence that places something there."""

    lane: Lane
    date: dt.date | None
    granularity: Granularity
    label: str
    estimated: bool
    year_known: bool
    outlets: tuple[str, ...]
    sentences: tuple[TimelineSentence, ...]


@dataclass(**_FROZEN)
class Timeline:
    """The entries in order; ``reference`` is the date relative expressions were resolved to."""

    entries: tuple[TimelineEntry, ...]
    reference: dt.date | None
    reference_evidence: str

    @property
    def without_publication_date(self) -> bool:
        """True when dates were placed against a stand-in for a publication date."""
        return self.reference_evidence not in ("publication date", "none")
