"""Times of day that disagree within one row: "at 8.40pm" beside "at 8.49pm".

A time of day is a clock time with "am"/"pm" ("8.40pm", "9 p.m.", "1:30 a.m.") or with a zone
("19:40 GMT"): a bare "2:15" is as often a duration or a score. Each article's member gives
the row's time of day only when it states exactly one; a time after a date and year, or after
"published", "posted", "updated", dates the page, not an event. Two members' times are one
slot when they are in the same zone (a local time and a GMT time are not compared) and go with
the same word (one of the two content words before each time: "blast at 8.40pm" and "took off
at 8.40pm" are two happenings). A time is a range, in minutes: "8.40pm" is exact, "9 p.m." a
half hour either side (writers round to the hour), "about 8.45pm" a quarter of an hour either
side, "shortly after 9 p.m." the half hour after it; "between", "from", "until" and "as of"
give a span or a cut-off ("had voted as of 4 p.m."), not a time, and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.compare.features import STOPWORDS, stem
from storylens.compare.values import SlotValue
from storylens.model import Analysis, Span
from storylens.model.comparison import ConflictKind, Fact

_ZONE = r"(?:GMT|UTC|BST|CET|CEST|E[SD]?T|P[SD]?T|C[SD]T|M[SD]T)\b"
_TIME = re.compile(
    rf"\b(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*"
    rf"(?:(?P<half>[ap])\.?\s?m\b\.?(?:\s*(?P<local>{_ZONE}))?|(?P<zone>{_ZONE}))",
    re.IGNORECASE,
)
_NUMERIC_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}"
_STAMP_AFTER = re.compile(rf"[\s,|]*(?:{_ZONE}\s*)*(?:{_NUMERIC_DATE}|\d{{4}}\b)", re.IGNORECASE)
_ROUND = 30
_ABOUT = 15
_QUALIFIERS = (
    (re.compile(r"\b(?:about|around|approximately|roughly|circa|some|nearly)\s*$", re.I), "about"),
    (
        re.compile(r"\b(?:shortly|just|soon|a little|not long)\s+(?:after|past)\s*$", re.I),
        "after",
    ),
    (re.compile(r"\b(?:shortly|just|a little|not long)\s+before\s*$", re.I), "before"),
    (
        re.compile(r"\b(?:between|from|until|till|to|and|after|before|by|as of)\s*$", re.I),
        "span",
    ),
)
_PAGE = re.compile(
    rf"(?:\b\d{{4}}\b[,\s]*(?:at\s*)?|{_NUMERIC_DATE}[,\s]*|\b(?:published|posted|updated)\b[^.]*)$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_SKIP = re.compile(
    r"on|in|at|of|by|the|an?|and|or|local|time|this|that|last|early|late|morning|afternoon|"
    r"evening|night|tonight|today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|about|"
    r"around|approximately|roughly|shortly|just|soon|after|before|some|nearly|was|were|is|are|"
    r"had|has|have|been",
    re.IGNORECASE,
)
"""Words that say nothing of what happened at a time."""


def clock_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's times of day by slot (zone and word), each a list of article values."""
    values: list[tuple[str, tuple[str, ...], SlotValue]] = []
    for fact in members:
        text = by_id[fact.article_id].article.text
        found = [m for m in _TIME.finditer(text, fact.span.start, fact.span.end) if _valid(m)]
        if len(found) != 1:
            continue
        value = _value(text, fact, found[0])
        if value is not None:
            zone = (found[0].group("zone") or found[0].group("local") or "").upper()
            values.append((zone, _words(text, fact.span, found[0].start()), value))
    items = []
    for zone, words, value in values:
        stems = {stem(w) for w in words}
        same = [v for z, w, v in values if z == zone and stems & {stem(x) for x in w}]
        if same and value is same[0] and len(same) > 1:
            items.append((ConflictKind.DATE, f"time of “{words[-1]}…”", same))
    return items


def _valid(found: re.Match[str]) -> bool:
    hour, minute = int(found.group("hour")), int(found.group("minute") or 0)
    limit = 12 if found.group("half") else 23
    return (1 if found.group("half") else 0) <= hour <= limit and minute < 60


def _value(text: str, fact: Fact, found: re.Match[str]) -> SlotValue | None:
    """The time as a range of minutes after midnight; None for a span or a page time."""
    before = text[max(fact.span.start, found.start() - 40) : found.start()]
    if _PAGE.search(before) or _STAMP_AFTER.match(text, found.end(), fact.span.end):
        return None
    hour, minute = int(found.group("hour")), int(found.group("minute") or 0)
    if found.group("half"):
        hour = hour % 12 + (12 if found.group("half").lower() == "p" else 0)
    at = float(hour * 60 + minute)
    kind, start = _qualifier(before)
    if kind == "span":
        return None
    slack = _ROUND if found.group("minute") is None else 0
    low, high = {
        "about": (at - _ABOUT, at + _ABOUT),
        "after": (at, at + _ROUND + slack),
        "before": (at - _ROUND - slack, at),
    }.get(kind, (at - slack, at + slack))
    label = " ".join((before[start:] + found.group()).split())
    span = Span(start=found.start(), end=found.end(), text=found.group())
    return SlotValue(
        article_id=fact.article_id, fact=fact, span=span, low=low, high=high, label=label
    )


def _qualifier(before: str) -> tuple[str, int]:
    """The qualifier ending right before a time, and where it starts in ``before``.

    The kind is "about", "after", "before" or "span"; ``("", len(before))`` when none.
    """
    for pattern, kind in _QUALIFIERS:
        found = pattern.search(before)
        if found:
            return kind, found.start()
    return "", len(before)


def _words(text: str, fact: Span, at: int) -> tuple[str, ...]:
    """The two content words before the time (lowercase): what happened then."""
    before = text[max(fact.start, at - 60) : at]
    words = [
        w for w in _WORDS.findall(before) if not _SKIP.fullmatch(w) and w.lower() not in STOPWORDS
    ]
    return tuple(w.lower() for w in words[-2:])
