"""Records read from and written to the corpus store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storylens.model import Analysis, Article

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class StorySummary:
    """One line of the story list: a readable title, dates, outlets and counts."""

    id: int
    title: str
    first: dt.date | None
    last: dt.date | None
    outlets: tuple[str, ...]
    accounts: int
    articles: int
    article_ids: tuple[str, ...] = ()
    """The ids of the story's articles (copies included), in publication order."""


@dataclass(**_FROZEN)
class Membership:
    """Why an article is in its story.

    ``how``: ``seed`` (it started the story), ``joined`` (it matched the story), ``absorbed``
    (it started a story of one account that a grown story took in), ``copy`` (a syndicated
    copy of a member), ``manual`` (placed by hand). ``best_match`` is the stored article row
    it was nearest to, ``shared`` the event cues (name words, figures) it shared with the story.
    """

    how: str = "joined"
    best_match: int | None = None
    shared: tuple[str, ...] = ()


@dataclass(**_FROZEN)
class Account:
    """One account of a story: an article, its analysis if stored, and who else carried it."""

    article: Article
    analysis: Analysis | None
    carried_by: tuple[str, ...] = ()
    """Outlets whose syndicated copies of this article were linked to it."""


@dataclass(**_FROZEN)
class StoredStory:
    """A story with every account, ready for comparison."""

    summary: StorySummary
    accounts: tuple[Account, ...]


def day_to_date(day: int | None) -> dt.date | None:
    """A date from a stored day ordinal.

    >>> day_to_date(dt.date(2016, 11, 8).toordinal())
    datetime.date(2016, 11, 8)
    """
    return dt.date.fromordinal(day) if day is not None else None
