"""What clustering reads from an article: a text to embed, when it happened, who and what.

An event is told apart from another of the same kind by its participants and places (the
names), its figures (death tolls, scores, magnitudes) and its time, so beside the story
vector each article yields *event cues*: a weighted bag of name words and numbers from its
analysis, and a time: the publication day, or for an undated article the dates its text
states (the latest absolute day it names; a month it names, as a range).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from storylens.model import Analysis, Article, DateMention, EntityLabel, Granularity, MentionKind

LEAD_PARAGRAPHS = 3
"""Paragraphs after the title that go into an article's story vector."""

UNDATED = -1
"""The time bucket of articles without a publication date."""

LEAD_SENTENCES = 3
"""Names met in the first sentences weigh more: they say whom the event is about."""
NUMBER_WEIGHT = 0.5
"""Weight of one stated figure against one name mentioned once."""

_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{2,}")
_STOP_WORDS = frozenset(
    {"the", "and", "of", "for", "mr", "mrs", "ms", "dr", "st", "new", "inc", "co", "jr", "sr"}
    | {"los", "las", "san", "de", "la", "le", "del", "von", "van"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCues:
    """Who, what figures and when, as clustering compares them.

    ``cues`` maps ``n:word`` (a word of an entity's name) and ``#value`` (a stated figure)
    to a weight. ``day`` is the event day (proleptic ordinal): published, else stated.
    ``earliest``/``latest`` bound when it can have happened when only a month is stated.
    """

    cues: Mapping[str, float] = field(default_factory=dict)
    day: int | None = None
    earliest: int | None = None
    latest: int | None = None
    stated: bool = False


def story_text(article: Article, *, paragraphs: int = LEAD_PARAGRAPHS) -> str:
    """The title and the first body paragraphs: what says which event an article is about.

    >>> from storylens.model import Evidence, InputFormat, Span
    >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text="Body.",
    ...     title="Vote delayed", title_span=None, outlet="X", outlet_evidence=Evidence.UNKNOWN,
    ...     paragraphs=(Span(start=0, end=5, text="Body."),))
    >>> story_text(article)
    'Vote delayed. Body.'
    """
    lead = [p.text for p in article.paragraphs[:paragraphs]] or [article.text[:2000]]
    title = article.title.strip()
    parts = [f"{title.rstrip('.')}." if title else "", *lead]
    return " ".join(part.strip() for part in parts if part.strip())


def article_day(article: Article) -> int | None:
    """The publication day as a proleptic Gregorian ordinal, if the date is known."""
    return article.published.date().toordinal() if article.published else None


def event_cues(article: Article, analysis: Analysis | None) -> EventCues:
    """The names, figures and time of an article (names and stated dates need its analysis)."""
    day = article_day(article)
    if analysis is None:
        return EventCues(day=day, earliest=day, latest=day)
    cues = {**number_cues(analysis), **name_cues(analysis)}
    if day is not None:
        return EventCues(cues=cues, day=day, earliest=day, latest=day)
    return _stated_time(cues, analysis.dates)


def name_cues(analysis: Analysis) -> dict[str, float]:
    """Each word of each entity's name, weighted by how often and how early it is named.

    Words, not whole names, so "Lohan" in one article meets "Lindsay Lohan" in another.
    The article's own outlet ("told the Harbor Courier") is not a participant of the event:
    it would match the outlet's other stories, not this event's other accounts.
    """
    cues: dict[str, float] = {}
    outlet = name_words(analysis.article.outlet)
    for entity in analysis.entities:
        if entity.label is EntityLabel.OTHER or (outlet and name_words(entity.name) == outlet):
            continue
        named = [m for m in entity.mentions if m.kind is MentionKind.NAME]
        if not named:
            continue
        early = any((_sentence_of(analysis, m.span.start) or 0) < LEAD_SENTENCES for m in named)
        weight = math.log1p(len(named)) + (1.0 if early else 0.0)
        for word in name_words(entity.name):
            cues[f"n:{word}"] = max(cues.get(f"n:{word}", 0.0), weight)
    return cues


def name_words(name: str) -> list[str]:
    """The distinctive words of a name, lower-cased.

    >>> name_words("Lindsay Lohan's"), name_words("the Los Angeles Times")
    (['lindsay', 'lohan'], ['angeles', 'times'])
    """
    words = (w.casefold().removesuffix("'s").removesuffix("’s") for w in _NAME_WORD.findall(name))
    return [w for w in words if len(w) > 1 and w not in _STOP_WORDS]


def number_cues(analysis: Analysis) -> dict[str, float]:
    """Stated figures worth matching on: not years, not the small counts every story has."""
    cues: dict[str, float] = {}
    for number in analysis.numbers:
        if number.value is None:
            continue
        value = float(number.value)
        if value < 3 or (value.is_integer() and 1900 <= value <= 2100):
            continue
        cues[f"#{value:g}"] = NUMBER_WEIGHT
    return cues


def _sentence_of(analysis: Analysis, offset: int) -> int | None:
    for index, sentence in enumerate(analysis.sentences):
        if sentence.span.start <= offset < sentence.span.end:
            return index
    return None


def _stated_time(cues: dict[str, float], dates: tuple[DateMention, ...]) -> EventCues:
    """The time of an undated article from the absolute dates its text states."""
    days = [d.toordinal() for d in _absolute(dates, Granularity.DAY)]
    if days:
        day = max(days)
        return EventCues(cues=cues, day=day, earliest=day, latest=day, stated=True)
    months = _absolute(dates, Granularity.MONTH)
    if not months:
        return EventCues(cues=cues)
    month = max(months)
    last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return EventCues(cues=cues, earliest=month.toordinal(), latest=last.toordinal(), stated=True)


def _absolute(dates: tuple[DateMention, ...], granularity: Granularity) -> list[dt.date]:
    return [d.value for d in dates if d.value and not d.relative and d.granularity is granularity]


def cue_similarity(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    """Cosine between two cue bags (0 when either is empty).

    >>> round(cue_similarity({"n:reid": 2.0, "#33": 0.5}, {"n:reid": 1.0}), 3)
    0.97
    """
    if not first or not second:
        return 0.0
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(key, 0.0) for key, weight in first.items())
    norms = math.sqrt(sum(w * w for w in first.values()) * sum(w * w for w in second.values()))
    return dot / norms if norms > 0 else 0.0


def shared_cues(
    first: Mapping[str, float], second: Mapping[str, float], *, limit: int = 6
) -> list[str]:
    """The cues two bags share, heaviest first (as written: ``n:`` and ``#`` removed)."""
    shared = sorted(
        (key for key in first if key in second), key=lambda k: (-first[k] * second[k], k)
    )
    return [key.removeprefix("n:").removeprefix("#") for key in shared[:limit]]


def time_bucket(day: int | None) -> int:
    """The calendar month a day falls in, as ``year * 12 + month - 1``; undated → `UNDATED`.

    >>> time_bucket(dt.date(2016, 1, 31).toordinal())
    24192
    """
    if day is None:
        return UNDATED
    date = dt.date.fromordinal(day)
    return date.year * 12 + date.month - 1


def index_bucket(cues: EventCues) -> int:
    """Where an article's vector is indexed: the month it was published, else `UNDATED`.

    A day only its text states may be the day of an earlier event it recalls, so an undated
    article stays where every later article looks, whatever day it names.
    """
    return UNDATED if cues.stated else time_bucket(cues.day)


def window_buckets(day: int | None, *, window_days: int) -> list[int]:
    """Buckets of every day within ``window_days`` of ``day``, and the undated bucket."""
    if day is None:
        return [UNDATED]
    buckets = {time_bucket(day - window_days), time_bucket(day), time_bucket(day + window_days)}
    return [*sorted(buckets), UNDATED]
