"""Datelines and page timestamps glued into the first sentences of a scraped article.

Scraped text often runs the page's top together: "Lawyer: Actor checks into rehab May 2, 2013,
1:12 PM Updated 4:08 p.m. ET The actor's attorney said Thursday …". The sentence splitter sees
one sentence; it is a headline, two timestamps and the lede. Aligned whole, it joins rows of
every proposition its parts state, and its timestamp's day reads as the day of the news.

`datelines` finds such stamps at the top of an article (within its first `TOP_WORDS` words):
a calendar date with its year, or a clock time with a zone or a "Posted"/"Updated" label, each
optionally with the other, a weekday and the label. A stamp counts only where a page prints
one: not after a preposition ("on May 2, 2013"), and followed by the next line's capital, a
quotation mark or the end of its sentence. `storylens.compare.facts` cuts sentences there:
the stamp is a timestamp, the text above the last stamp is a headline, the rest is prose.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import lru_cache

from dateutil import parser as date_parser

from storylens.model import Analysis, Span

TOP_WORDS = 60
"""Stamps are looked for only this many words into the article (a page's top)."""

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))"
)
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\b\.?)?"
_ZONE = r"(?-i:(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|AE[SD]T)\b)(?:\s+(?-i:[ECMP][SD]T\b))?"
_LABEL = r"(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified)(?:\s+on)?\s*:?\s*"
_SEP = r"\s*(?:[,|]|\bat\b|-)?\s*"
_DATED = re.compile(_DATE, re.IGNORECASE)
_STAMP = re.compile(
    rf"(?:{_LABEL})?(?:{_WEEKDAY}\s+)?{_DATE}(?:{_SEP}{_TIME}(?:\s*{_ZONE})?)?"
    rf"|(?:{_LABEL}{_TIME}(?:\s*{_ZONE})?|{_TIME}\s*{_ZONE})(?:{_SEP}{_DATE})?",
    re.IGNORECASE,
)
_LEADS = frozenset(
    [
        "on",
        "of",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "before",
        "after",
        "in",
        "between",
        "and",
        "or",
        "through",
        "the",
        "dated",
        "than",
        "as",
        "at",
        "for",
    ]
)
"""A word before a date that makes it part of a sentence ("on May 2, 2013"), not a stamp."""
_BEFORE = re.compile(r"(\w+)\W*$")
_NEXT = re.compile(r"\s*(?:$|[A-Z\"“‘'])")
_WORDS = re.compile(r"\S+")


def datelines(analysis: Analysis) -> tuple[Span, ...]:
    """The stamps printed at the top of the article, in text order, as spans of its text.

    Example:
        >>> from storylens.model import Article, Evidence, InputFormat
        >>> text = "Mayor Resigns May 2, 2013 | 5:03pm The mayor resigned on May 1, 2013."
        >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text=text, title="",
        ...     title_span=None, outlet="o", outlet_evidence=Evidence.UNKNOWN)
        >>> [s.text for s in datelines(Analysis(article=article))]
        ['May 2, 2013 | 5:03pm']
    """
    ends = tuple(s.span.end for s in analysis.sentences)
    return _stamps(analysis.article.text, ends)


@lru_cache(maxsize=512)
def _stamps(text: str, ends: tuple[int, ...]) -> tuple[Span, ...]:
    """`datelines` of a text with these sentence ends (cached: each fact asks of its page)."""
    words = [m.start() for m in itertools.islice(_WORDS.finditer(text), TOP_WORDS + 1)]
    top = words[TOP_WORDS] if len(words) > TOP_WORDS else len(text)
    stamps = []
    for found in _STAMP.finditer(text, 0, top):
        start, end = found.start(), found.end()
        while end > start and text[end - 1] in " ,|-":
            end -= 1
        if _printed(text, start, end, ends or (len(text),)):
            stamps.append(Span(start=start, end=end, text=text[start:end]))
    return tuple(stamps)


def _printed(text: str, start: int, end: int, ends: tuple[int, ...]) -> bool:
    """The stamp stands where a page prints one, not inside a sentence of the story."""
    before = _BEFORE.search(text[max(0, start - 24) : start])
    if before is not None and before.group(1).lower() in _LEADS:
        return False
    if end in ends:
        return True
    return _NEXT.match(text, end) is not None and not text[end : end + 1].isalnum()


def page_day(analysis: Analysis) -> dt.date | None:
    """The page's date: the article's publication date, else the day of its first dated stamp.

    Example:
        >>> from storylens.model import Article, Evidence, InputFormat
        >>> text = "Mayor Resigns Posted on Tue Apr 8, 2025 09:05 AM EDT The mayor quit."
        >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text=text, title="",
        ...     title_span=None, outlet="o", outlet_evidence=Evidence.UNKNOWN)
        >>> page_day(Analysis(article=article))
        datetime.date(2025, 4, 8)
    """
    if analysis.article.published is not None:
        return analysis.article.published.date()
    return _stamp_day(datelines(analysis))


@lru_cache(maxsize=512)
def _stamp_day(stamps: tuple[Span, ...]) -> dt.date | None:
    """The day of the first stamp that gives a date (cached)."""
    for stamp in stamps:
        found = _DATED.search(stamp.text)
        if found is None:
            continue
        try:
            parsed: dt.datetime = date_parser.parse(found.group(), fuzzy=True)
        except (ValueError, OverflowError):
            continue
        return parsed.date()
    return None
