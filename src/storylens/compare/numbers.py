"""Numbers and dates that disagree within one row (the conflicts: `compare.disputes`).

A row's members state one proposition, so two of its articles disagree on a number when they
count the same thing in the same role (the counted noun, and the casualty or tally word that
goes with it: "killed", "injured", "votes"; a count with no such word, or a score like
"88-72", is not compared) with values that cannot both be true. "At least 40" and "49" agree;
"about 50" and "49" agree; "five" and "three" do not. An article that gives two values for
one role in the row is left out of it (which is which is unclear). A share ("88 percent of
voters") and a count ("2.5 million voters") are two slots. Dates disagree only when each
article's member carries exactly one date to the day (a month or a year, "restored in
October 2011" beside "in November 2011", "first hosted in 2007" beside "to host in 2014",
dates two happenings more often than it disputes one), written as a date (not
"Monday", which was placed against each article's own publication date), going with the same
word ("convicted in June 1998" and "returned to prison in June 1999" are two events), not a
page timestamp ("Published November 30, 2009", "May 3, 2013 at 7:31 AM"), and the days differ.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from storylens.compare.features import counted_head, stem
from storylens.compare.spans import starts_inside
from storylens.compare.values import SlotValue
from storylens.model import Analysis, Granularity, NumberMention, Span
from storylens.model.comparison import ConflictKind, Fact

_ROLES = re.compile(
    r"\b(kill|dead|die|death|injur|wound|hurt|missing|arrest|detain|evacuat|rescu|"
    r"vote|voting|ballot|seat|cost|fine|paid|pay|rais|spent|sentenc|charg|displac|"
    r"infect|confirm|sav|lost|los)",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"(?:at least|more than|over|upwards of|in excess of|as many as)\s*$", re.I)
_AT_MOST = re.compile(r"(?:nearly|almost|up to|fewer than|less than|under|no more than)\s*$", re.I)
_ABOUT = re.compile(
    r"(?:about|around|roughly|approximately|some|an estimated|estimated|or so)\s*$", re.I
)
_SLACK = 0.2
_CLOCK = re.compile(r"[\s,|]*(?:at\s+)?\d{1,2}:\d{2}")
_STAMP = re.compile(r"\b(?:published|posted|updated|last modified)\b[^.]*$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_FILLER = (
    "on in at of since by from until to the a an and or early late mid last this next "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday between before after during"
)
_NOT_ROLES = frozenset(_FILLER.split())
_NUMERAL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SCORE = re.compile(rf"\d+\s*[-–]\s*\d+|\b{_NUMERAL}[-\s]in[-\s]{_NUMERAL}\b", re.IGNORECASE)
"""A score or ratio ("88-72", "one-in-three", "1 in 3"): not a count."""


def number_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's counts by slot (counted noun and role), each a list of article values."""
    by_role: dict[str, list[SlotValue]] = {}
    for fact in members:
        analysis = by_id[fact.article_id]
        for number in (*analysis.numbers, *_pairs(analysis.article.text, fact)):
            found = _number_value(analysis, fact, number)
            if found is not None:
                by_role.setdefault(found[0], []).append(found[1])
    return [(ConflictKind.NUMBER, _subject(key), v) for key, v in by_role.items()]


def _number_value(
    analysis: Analysis, fact: Fact, number: NumberMention
) -> tuple[str, SlotValue] | None:
    """The slot key ("worker kill") and value of a count in the fact; None when not a count."""
    if number.counted is None or number.value is None or not starts_inside(number.span, fact.span):
        return None
    text = analysis.article.text
    role = _role(text, number.span, fact.span)
    around = text[max(fact.span.start, number.span.start - 8) : number.counted.end]
    head = counted_head(number.counted.text)
    if not role:
        head = _thing(number.counted.text)
    if not head or _SCORE.search(around):
        return None
    head += _complement(text, number.counted, fact.span)
    if _PERCENT.search(text, number.span.start, min(number.span.end + 10, fact.span.end)):
        head = f"%{head}"
    low, high = bounds(text, number.span, number.value)
    start = max(fact.span.start, _qualifier_start(text, number.span))
    end = max(number.span.end, number.counted.end)
    value = SlotValue(
        article_id=fact.article_id,
        fact=fact,
        span=number.span,
        low=low,
        high=high,
        label=" ".join(text[start:end].split()),
        mentioned=_mentioned(analysis, fact),
    )
    return f"{head} {role}", value


_OF = re.compile(
    r"\s+of\s+((?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)"
    r"(?=\s*(?:[,;:.()]|$|\b(?:and|or|in|at|on|for|against|to|by|from|after|with|while|when|"
    r"that|which|who)\b))"
)
"""What a counted noun is of ("three counts of burglary", "two years of probation")."""


_PARTIAL = frozenset(
    [
        "other",
        "others",
        "more",
        "additional",
        "another",
        "further",
        "remaining",
        "extra",
        "new",
        "separate",
        "different",
    ]
)
_PAIR = re.compile(
    r"\b(?:a|one)\s+pair\s+of\s+"
    r"(?P<counted>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b"
)
""""a pair of left hooks": two, of the words up to the first plural."""


def _thing(counted: str) -> str:
    """The slot of a count with no tally word: its last two words ("" when fewer).

    "three consecutive left hooks" and "a pair of left hooks" count one thing ("left_hook");
    "three goals" (a bare noun) may count any goals, and "two other rifles" (a part of a
    total: other, more, additional, …) another set than "nine rifles", so neither is a slot.
    """
    words = [w.lower().strip("'’") for w in counted.split()]
    if len(words) < 2 or _PARTIAL & set(words) or not all(w.isalpha() for w in words[-2:]):
        return ""
    return f"{words[-2]}_{words[-1].removesuffix('s')}"


def _pairs(text: str, fact: Fact) -> list[NumberMention]:
    """Counts written "a pair of …" in the fact (the analysis reads numerals only)."""
    return [
        NumberMention(
            span=Span(
                start=m.start(), end=m.start("counted"), text=text[m.start() : m.start("counted")]
            ),
            value=2.0,
            counted=Span(start=m.start("counted"), end=m.end(), text=m.group("counted")),
        )
        for m in _PAIR.finditer(text, fact.span.start, fact.span.end)
    ]


def _complement(text: str, counted: Span, fact: Span) -> str:
    """The "-of-<noun>" of a counted noun followed by "of" and a noun ("" when none).

    "three counts of burglary" and "one count of arson" count different things.
    """
    found = _OF.match(text, counted.end, fact.end)
    if not found:
        return ""
    word = found.group(1).split()[-1].lower()
    return "" if word in _NOT_ROLES else f"-of-{word.removesuffix('s')}"


_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercentage\b", re.IGNORECASE)
"""A share ("88 percent of voters") is another slot than a count ("2.5 million voters")."""
_MASS = frozenset(["people", "police", "staff", "personnel", "crew", "livestock"])


def _mentioned(analysis: Analysis, fact: Fact) -> frozenset[float]:
    return frozenset(
        n.value
        for n in analysis.numbers
        if n.value is not None and starts_inside(n.span, fact.span)
    )


def _subject(key: str) -> str:
    head, _, role = key.partition(" ")
    noun, _, of = head.removeprefix("%").partition("-of-")
    plural = noun if noun in _MASS else f"{noun}s"
    what = "share" if head.startswith("%") else "number"
    told = f" ({role}…)" if role else ""
    return f"{what} of {plural.replace('_', ' ')}{f' of {of}' if of else ''}{told}"


def _qualifier(text: str, span: Span) -> tuple[str, int]:
    """The qualifier of a number ("at least", "about", in or before its span) and its start.

    ``("", span.start)`` when there is none.
    """
    lead = text[max(0, span.start - 24) : span.end]
    digit = re.search(r"\d", lead[len(lead) - len(span.text) :])
    numeral = re.search(r"\S+$", lead)
    if digit:
        head = lead[: len(lead) - len(span.text) + digit.start()]
    else:
        head = lead[: numeral.start()] if numeral else lead
    for kind, pattern in (("min", _AT_LEAST), ("max", _AT_MOST), ("about", _ABOUT)):
        found = pattern.search(head)
        if found:
            return kind, span.end - len(lead) + found.start()
    return "", span.start


def _qualifier_start(text: str, span: Span) -> int:
    return min(_qualifier(text, span)[1], span.start)


_RELATIVE = re.compile(r",\s+(?:who|whom|whose|which|where)\b", re.IGNORECASE)
"""A relative clause after the count tells of another noun ("a pair of left hooks to floor
Rahman, who spent most of the round on the ropes": "spent" is not what the hooks did)."""


def _role(text: str, number: Span, fact: Span) -> str:
    """The casualty or tally word nearest the number within its fact ("" when none).

    Words after the count are read up to a relative clause (`_RELATIVE`).
    """
    start, end = max(fact.start, number.start - 60), min(fact.end, number.end + 60)
    relative = _RELATIVE.search(text, number.end, end)
    end = relative.start() if relative else end
    best: tuple[int, str] | None = None
    for found in _ROLES.finditer(text, start, end):
        if number.start <= found.start() < number.end:
            continue
        gap = (
            found.start() - number.end
            if found.start() >= number.end
            else number.start - found.end()
        )
        if best is None or gap < best[0]:
            best = (gap, found.group(1).lower()[:4])
    return best[1] if best else ""


def bounds(text: str, span: Span, value: float) -> tuple[float, float]:
    """The range a number allows, from its qualifier ("at least 40": 40 to ∞)."""
    kind = _qualifier(text, span)[0]
    if kind == "min":
        return value, math.inf
    if kind == "max":
        return 0.0, value
    if kind == "about":
        return value * (1 - _SLACK), value * (1 + _SLACK)
    return value, value


def date_items(
    members: Sequence[Fact], by_id: dict[str, Analysis]
) -> list[tuple[ConflictKind, str, list[SlotValue]]]:
    """The row's written dates by slot (precision and the word they go with)."""
    by_precision: dict[str, list[SlotValue]] = {}
    for fact in members:
        dates = [
            d
            for d in by_id[fact.article_id].dates
            if d.value is not None and starts_inside(d.span, fact.span)
        ]
        text = by_id[fact.article_id].article.text
        for precision in {d.granularity.value for d in dates} & {Granularity.DAY.value}:
            same = [d for d in dates if d.granularity.value == precision]
            if len(same) != 1 or same[0].relative or same[0].value is None:
                continue
            role = _date_role(text, same[0].span, fact.span)
            if not role:
                continue
            day = float(same[0].value.toordinal())
            value = SlotValue(
                article_id=fact.article_id,
                fact=fact,
                span=same[0].span,
                low=day,
                high=day,
                label=same[0].value.isoformat(),
            )
            by_precision.setdefault(f"{precision} {role}", []).append(value)
    return [
        (ConflictKind.DATE, f"date ({key.split()[0]}) of “{key.split()[1]}…”", v)
        for key, v in by_precision.items()
    ]


def _date_role(text: str, date: Span, fact: Span) -> str:
    """The word a date goes with: the nearest content word before it in its fact (a stem).

    "" for a timestamp (after "published", "posted", "updated", or followed by a clock time)
    and when no content word precedes it: such a date dates the page, not an event.
    """
    after = text[date.end : min(fact.end, date.end + 16)]
    before = text[max(fact.start, date.start - 40) : date.start]
    if _CLOCK.match(after) or _STAMP.search(before):
        return ""
    words = [w for w in _WORDS.findall(before) if w.lower() not in _NOT_ROLES]
    return stem(words[-1]) if words else ""
