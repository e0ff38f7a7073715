"""Times into a numbered period that disagree within one row: "44 seconds into the seventh".

Sports prose says when something happened as the time gone in a round, half or period:
"44 seconds into the seventh round", "after 44 seconds of the seventh", "2:15 into the third",
"at 2:15 of the third period" ("of" only after "after" or "at": "the last 30 seconds of the
third" is a stretch of time, not a moment), "at the 2:15 mark" (the period then is the
nearest ordinal before it in the fact: "…in the seventh … at the 2:15 mark"), "three minutes
into the second half". Each is a number of seconds, keyed by the period's ordinal: two
members of one row giving the same period different times disagree. A clock with "left" or
"remaining" after it counts down, not up, and is not read; a member giving two such times
takes no side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.compare.values import SlotValue
from storylens.model import Analysis, Span
from storylens.model.comparison import ConflictKind, Fact

_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ORDINALS = tuple(_ORDINAL_WORDS.split())
_ORDINAL = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_WORD_NUMBERS = {w: n for n, w in enumerate(_NUMBER_WORDS.split())}
_COUNT = rf"(?:\d{{1,2}}|{'|'.join(_WORD_NUMBERS)})"
_INTO = rf"\s+(?P<conn>into|of)\s+the\s+(?P<period>{_ORDINAL})\b"
_FORMS = (
    re.compile(
        rf"\b(?P<minutes>{_COUNT})\s+minutes?(?:,?\s+(?:and\s+)?(?P<seconds>{_COUNT})\s+"
        rf"seconds?)?{_INTO}",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?P<seconds>{_COUNT})\s+seconds?{_INTO}", re.IGNORECASE),
    re.compile(rf"\b(?P<minutes>\d{{1,2}}):(?P<seconds>\d{{2}})\b{_INTO}", re.IGNORECASE),
    re.compile(
        r"\bthe\s+(?P<minutes>\d{1,2}):(?P<seconds>\d{2})\s+mark\b(?!\s+(?:left|remaining))",
        re.IGNORECASE,
    ),
)
_PERIOD = re.compile(rf"\b(?P<period>{_ORDINAL})\b", re.IGNORECASE)
_MOMENT = re.compile(r"\b(?:after|at)\s+$", re.IGNORECASE)
_COUNTDOWN = re.compile(r"\s*(?:left|remaining|to go|to play)\b", re.IGNORECASE)


def period_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's times into a period, by period ordinal, each a list of article values."""
    by_period: dict[str, list[SlotValue]] = {}
    for fact in members:
        text = by_id[fact.article_id].article.text
        for period, value in _times(text, fact):
            by_period.setdefault(period, []).append(value)
    return [
        (ConflictKind.NUMBER, f"time into the {period}", values)
        for period, values in by_period.items()
        if len({v.article_id for v in values}) > 1
    ]


def _times(text: str, fact: Fact) -> list[tuple[str, SlotValue]]:
    """Each (period ordinal, seconds gone) the fact states, overlapping forms read once."""
    found: list[tuple[str, SlotValue]] = []
    taken: list[tuple[int, int]] = []
    for form in _FORMS:
        for match in form.finditer(text, fact.span.start, fact.span.end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if _COUNTDOWN.match(text, match.end(), fact.span.end) or _stretch(text, fact, match):
                continue
            period = _period(text, fact, match)
            if period:
                taken.append((match.start(), match.end()))
                found.append((period, _value(fact, match)))
    return found


def _stretch(text: str, fact: Fact, match: re.Match[str]) -> bool:
    """True for "N seconds of the <period>" not after "after" or "at" (a stretch of time)."""
    if "conn" not in match.groupdict() or (match.group("conn") or "").lower() != "of":
        return False
    return not _MOMENT.search(text, max(fact.span.start, match.start() - 8), match.start())


def _period(text: str, fact: Fact, match: re.Match[str]) -> str:
    """The period's ordinal (lowercase): the form's own, else the nearest before it."""
    if "period" in match.groupdict() and match.group("period"):
        return _ordinal(match.group("period"))
    before = list(_PERIOD.finditer(text, fact.span.start, match.start()))
    return _ordinal(before[-1].group("period")) if before else ""


def _ordinal(word: str) -> str:
    """The ordinal as a word ("10th" is "tenth"; past the words, the digits)."""
    digits = word[:-2]
    if digits.isdigit() and 0 < int(digits) <= len(_ORDINALS):
        return _ORDINALS[int(digits) - 1]
    return word.lower()


def _number(word: str | None) -> int:
    if not word:
        return 0
    return int(word) if word.isdigit() else _WORD_NUMBERS[word.lower()]


def _value(fact: Fact, match: re.Match[str]) -> SlotValue:
    groups = match.groupdict()
    seconds = float(_number(groups.get("minutes")) * 60 + _number(groups.get("seconds")))
    span = Span(start=match.start(), end=match.end(), text=match.group())
    return SlotValue(
        article_id=fact.article_id,
        fact=fact,
        span=span,
        low=seconds,
        high=seconds,
        label=" ".join(match.group().split()),
    )
