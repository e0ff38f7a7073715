"""What clustering reads from an article: a short text to embed, a day, a time bucket."""

from __future__ import annotations

import datetime as dt

from storylens.model import Article

LEAD_PARAGRAPHS = 3
"""Paragraphs after the title that go into an article's story vector."""

UNDATED = -1
"""The time bucket of articles without a publication date."""


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


def time_bucket(day: int | None) -> int:
    """The calendar month a day falls in, as ``year * 12 + month - 1``; undated → `UNDATED`.

    >>> time_bucket(dt.date(2016, 1, 31).toordinal())
    24180
    """
    if day is None:
        return UNDATED
    date = dt.date.fromordinal(day)
    return date.year * 12 + date.month - 1


def window_buckets(day: int | None, *, window_days: int) -> list[int]:
    """Buckets of every day within ``window_days`` of ``day``, and the undated bucket."""
    if day is None:
        return [UNDATED]
    buckets = {time_bucket(day - window_days), time_bucket(day), time_bucket(day + window_days)}
    return [*sorted(buckets), UNDATED]
