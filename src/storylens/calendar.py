"""Date expressions: find them in text and resolve them against a reference date.

Absolute ("Sept. 19", "Oct. 3, 2016") and relative ("today", "last week", "Monday"). Shared by
per-article analysis (against the publication date) and the story timeline (against an
estimated one when no publication date is known).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from storylens.model import Granularity

Tense = Literal["past", "future"]
"""The time a clause refers to, when its verbs say so."""

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
PATTERNS = (
    (
        "md",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
        ),
    ),
    ("my", re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<which>last|next|this)\s+)?(?P<weekday>monday|tuesday|wednesday"
            r"|thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<word>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
            r"|(?:last|this|next) (?:week|month|year)|earlier this (?:week|month|year))\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten) (?P<unit>day|week|month|year)s?"
            r" ago\b",
            re.I,
        ),
    ),
    ("year", re.compile(r"\b(?:in|of) (?P<year>(?:19|20)\d{2})\b")),
)
""""since 1980", "by 2014", "until 2010" bound a period (background, a duration or a deadline):
they are not the date of an event, so only "in 2016" and "of 2016" are year mentions."""
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}


def find_date_expressions(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each date expression in the text as (kind, match), without overlaps, in text order.

    >>> [m.group() for _, m in find_date_expressions("On Sept. 19 and last week")]
    ['Sept. 19', 'last week']
    """
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if kind == "relative" and _in_name(text, match):
                continue
            if not any(m.start() < match.end() and match.start() < m.end() for _, m in found):
                found.append((kind, match))
    yield from sorted(found, key=lambda item: item[1].start())


_NAME_BEFORE = re.compile(r"[A-Z][\w.&'’-]*[^\S\n]+$")


def _in_name(text: str, match: re.Match[str]) -> bool:
    """A capitalised "Today" after a capitalised word is part of a name ("USA Today").

    >>> [m.group() for _, m in find_date_expressions("Asked by USA Today today")]
    ['today']
    """
    if not match.group()[:1].isupper():
        return False
    before = text[max(0, match.start() - 40) : match.start()]
    return _NAME_BEFORE.search(before) is not None and not before.rstrip().endswith((".", ":"))


def resolve_expression(
    text: str, reference: dt.date | None
) -> tuple[dt.date | None, Granularity, bool] | None:
    """Resolve one whole date expression against a reference date; None if it is not one."""
    for kind, match in find_date_expressions(text):
        return resolve(kind, match.groupdict(), reference)
    return None


def resolve(
    kind: str,
    parts: dict[str, str | None],
    published: dt.date | None,
    tense: Tense | None = None,
) -> tuple[dt.date | None, Granularity, bool]:
    """The date a matched expression means (start of its period), its precision, and relativity.

    ``relative`` is True when the expression depends on the publication date. ``tense`` is the
    time the clause refers to: a yearless "January 1" or a bare "Tuesday" in a future clause
    is the next one on or after the publication date, in a past clause the last one on or
    before it; without a tense, a weekday is the last one and a month-day the last one unless
    it falls within a month ahead.

    >>> resolve("md", {"month": "Sept.", "day": "19", "year": None}, dt.date(2016, 10, 3))
    (datetime.date(2016, 9, 19), <Granularity.DAY: 'day'>, False)
    >>> resolve("md", {"month": "Jan", "day": "1", "year": None}, dt.date(2018, 12, 23), "future")
    (datetime.date(2019, 1, 1), <Granularity.DAY: 'day'>, False)
    """
    if kind == "md":
        return _month_day(parts, published, tense), Granularity.DAY, False
    if kind == "my":
        return dt.date(int(parts["year"] or 0), _month(parts["month"]), 1), Granularity.MONTH, False
    if kind == "year":
        return dt.date(int(parts["year"] or 0), 1, 1), Granularity.YEAR, False
    if kind == "weekday":
        return _weekday(parts, published, tense), Granularity.DAY, True
    if kind == "ago":
        return _ago(parts, published)
    return _relative((parts["word"] or "").lower(), published)


def _month(name: str | None) -> int:
    return MONTHS[(name or "")[:3].lower()]


def _month_day(
    parts: dict[str, str | None], published: dt.date | None, tense: Tense | None = None
) -> dt.date | None:
    month, day = _month(parts["month"]), int(parts["day"] or 1)
    year = int(parts["year"]) if parts["year"] else (published.year if published else None)
    if year is None:
        return None
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    if parts["year"] or published is None:
        return value
    # 29 February has no twin in the year before or after: it stays where it exists.
    if tense == "future" and value < published:
        with contextlib.suppress(ValueError):
            value = value.replace(year=year + 1)
    elif value > published + dt.timedelta(days=0 if tense == "past" else 31):
        with contextlib.suppress(ValueError):
            value = value.replace(year=year - 1)
    return value


def _weekday(
    parts: dict[str, str | None], published: dt.date | None, tense: Tense | None = None
) -> dt.date | None:
    if published is None:
        return None
    target = WEEKDAYS[(parts["weekday"] or "").lower()]
    back = (published.weekday() - target) % 7
    which = (parts["which"] or "").lower()
    if which == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if which == "" and tense == "future":
        return published + dt.timedelta(days=(target - published.weekday()) % 7)
    if which == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _ago(
    parts: dict[str, str | None], published: dt.date | None
) -> tuple[dt.date | None, Granularity, bool]:
    raw = (parts["n"] or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    unit = (parts["unit"] or "day").lower()
    granularity = Granularity(unit) if unit in ("week", "month", "year") else Granularity.DAY
    if published is None:
        return None, granularity, True
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
    return published - dt.timedelta(days=days), granularity, True


def _relative(word: str, published: dt.date | None) -> tuple[dt.date | None, Granularity, bool]:
    unit = word.split()[-1]
    granularity = {
        "week": Granularity.WEEK,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
    }.get(unit, Granularity.DAY)
    if published is None:
        return None, granularity, True
    shift = -1 if word.startswith("last") else 1 if word.startswith("next") else 0
    if granularity is Granularity.DAY:
        days = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return published + dt.timedelta(days=days), granularity, True
    if granularity is Granularity.WEEK:
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=shift), granularity, True
    if granularity is Granularity.MONTH:
        month_index = published.year * 12 + published.month - 1 + shift
        return dt.date(month_index // 12, month_index % 12 + 1, 1), granularity, True
    return dt.date(published.year + shift, 1, 1), granularity, True
