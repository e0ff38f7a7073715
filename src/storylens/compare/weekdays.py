"""A happening near midnight dated on both sides of it: "late Thursday" / "early Friday".

Wire copy dates the news by weekday. Two members of one row that name *different* weekdays
are most often two happenings of one kind (a meeting on Sunday and another on Thursday, calls
to resign late Monday and a refusal on Tuesday: read on BASIL dev, every such pair was two
happenings), so different weekdays alone are no conflict. What is one happening told two ways
is the night between two days: "checked in late Thursday" / "on Thursday night" beside "early
Friday morning, around 1:30 a.m., checked in". So the slot holds only weekdays marked with a
part of the day, and a conflict is listed only when its two days are one day apart, every
member on the earlier day says it was late in it ("late", "night", "evening") and every
member on the later day says it was early in it ("early", "morning", "overnight", or an
hour before 6 a.m. in the fact). A member gives the row's weekday only when it names exactly
one, and not as:

- the day something was said ("her lawyer said late Thursday"): the day of the telling;
- the day of another happening within the fact ("after leaving a clinic on Thursday, she
  checked into …", "since Monday", "until Friday"): a subordinate word before the weekday in
  its clause;
- the start of a written date ("Thursday, May 2"): such a date is compared to the day
  (`compare.numbers.date_items`).

The names are compared, not days resolved against each page's publication date (which can be
a week off). The labels keep the part of the day ("late Thursday", "Early Friday morning"), so
a reader sees that the two days meet at midnight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.compare.values import SlotValue
from storylens.model import Analysis, Span
from storylens.model.comparison import ConflictKind, Fact

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY = re.compile(rf"\b(?:{'|'.join(_NAMES)})\b")
_SAYING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|announced|announces|reported|reports|confirmed|"
    r"confirms|stated|added|wrote|tweeted|revealed|disclosed|testified|posted|published|"
    r"updated|released|issued|statement|interview)\b[^.;:]{0,24}$",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"\b(?:after|before|since|until|till|following|from|between|through|when|while|by|"
    r"as of|ahead of|prior to|to)\b[^,;:]*$",
    re.IGNORECASE,
)
_WRITTEN_DATE = re.compile(
    r",?\s*(?:the\s+)?(?:\d{1,2}\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)
_LATE_BEFORE = re.compile(r"\blate\s+(?:on\s+)?$", re.IGNORECASE)
_EARLY_BEFORE = re.compile(r"\b(?:early|overnight)\s+(?:on\s+)?$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\b(?:on|this|last)\s+$", re.IGNORECASE)
_LATE_AFTER = re.compile(r"\s+(?:night|evening)\b", re.IGNORECASE)
_EARLY_AFTER = re.compile(r"\s+morning\b", re.IGNORECASE)
_SMALL_HOURS = re.compile(r"\b(?:[1-5]|12)(?:[:.][0-5]\d)?\s*a\.?\s?m\b", re.IGNORECASE)
_CLAUSE = 60
"""Characters before a weekday searched for what it dates."""
LATE, EARLY = "late", "early"


def weekday_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's weekdays as one slot when they fall both sides of one midnight, else none."""
    marked: list[tuple[str, SlotValue]] = []
    for fact in members:
        found = _weekday(by_id[fact.article_id].article.text, fact)
        if found is not None and found[0]:
            marked.append(found)
    days = sorted({int(v.low) for _, v in marked})
    if len(days) != 2:
        return []
    first, second = days
    if second - first == 1:
        earlier = first
    elif (first, second) == (0, 6):
        earlier = second  # Sunday night, Monday morning
    else:
        return []
    if any(part != (LATE if int(v.low) == earlier else EARLY) for part, v in marked):
        return []
    return [(ConflictKind.DATE, "day (around midnight)", [v for _, v in marked])]


def _weekday(text: str, fact: Fact) -> tuple[str, SlotValue] | None:
    """The one weekday dating the fact's happening, with its part ("late", "early" or "")."""
    found = list(_DAY.finditer(text, fact.span.start, fact.span.end))
    if len(found) != 1:
        return None
    match = found[0]
    before = text[max(fact.span.start, match.start() - _CLAUSE) : match.start()]
    if _SAYING.search(before) or _OTHER.search(before):
        return None
    if _WRITTEN_DATE.match(text, match.end(), fact.span.end):
        return None
    part, start, end = _part(text, fact, match, before)
    day = float(_NAMES.index(match.group()))
    value = SlotValue(
        article_id=fact.article_id,
        fact=fact,
        span=Span(start=match.start(), end=match.end(), text=match.group()),
        low=day,
        high=day,
        label=" ".join(text[start:end].split()),
    )
    return part, value


def _part(text: str, fact: Fact, match: re.Match[str], before: str) -> tuple[str, int, int]:
    """The part of the day the weekday is given with, and the label's start and end."""
    start, end = match.start(), match.end()
    late_after = _LATE_AFTER.match(text, end, fact.span.end)
    early_after = _EARLY_AFTER.match(text, end, fact.span.end)
    after = late_after or early_after
    if after:
        end = after.end()
    late = _LATE_BEFORE.search(before)
    early = _EARLY_BEFORE.search(before)
    lead = late or early or _ON_BEFORE.search(before)
    if lead:
        start -= len(before) - lead.start()
    small_hours = _SMALL_HOURS.search(text, fact.span.start, fact.span.end)
    is_late, is_early = bool(late or late_after), bool(early or early_after or small_hours)
    if is_late == is_early:
        return "", start, end
    return (LATE if is_late else EARLY), start, end
