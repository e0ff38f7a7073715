"""The story's timeline: events in order, from the dates the articles mention.

Dates resolve against each article's publication date. When an article has none, they resolve
against the story's reference date — another article's publication date, else the latest
day-precise date any article mentions — and the entry says it is estimated. Publication dates
are a separate lane.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from storylens.calendar import resolve_expression
from storylens.model import Analysis, DateMention, Granularity
from storylens.model.timeline import Lane, Timeline, TimelineEntry, TimelineSentence

__all__ = [
    "Lane",
    "Timeline",
    "TimelineEntry",
    "TimelineSentence",
    "build_timeline",
    "story_reference",
]

UNKNOWN_YEAR = 2000
"""Stand-in year (a leap year) for ordering month-day dates when no year is known at all."""


def build_timeline(analyses: Sequence[Analysis]) -> Timeline:
    """Order the story's dated events across its articles."""
    reference, evidence = story_reference(analyses)
    groups: dict[tuple[dt.date, Granularity], list[tuple[TimelineSentence, bool]]] = defaultdict(
        list
    )
    for analysis in analyses:
        for mention in analysis.dates:
            placed = _place(analysis, mention, reference)
            if placed is None or mention.sentence is None:
                continue
            date, granularity, estimated = placed
            sentence = analysis.sentences[mention.sentence].span
            item = TimelineSentence(
                article_id=analysis.article.id,
                outlet=analysis.article.outlet,
                sentence=sentence,
                expression=mention.span,
            )
            groups[(date, granularity)].append((item, estimated))
    year_known = evidence != "month and day only"
    entries = [
        _entry(key, items, year_known=year_known, reference=reference)
        for key, items in groups.items()
    ]
    entries.extend(_published(analyses))
    entries.sort(key=lambda e: (e.date or dt.date.max, e.lane != Lane.EVENT, _width(e)))
    return Timeline(entries=tuple(entries), reference=reference, reference_evidence=evidence)


def story_reference(analyses: Sequence[Analysis]) -> tuple[dt.date | None, str]:
    """The date to resolve undated articles against, and how it was found."""
    published = [a.article.published.date() for a in analyses if a.article.published]
    if published:
        return max(published), "publication date"
    days = [_month_day(m) for a in analyses for m in a.dates]
    known = [d for d in days if d is not None]
    if not known:
        return None, "none"
    years = {
        m.value.year
        for a in analyses
        for m in a.dates
        if m.value and m.granularity is Granularity.DAY
    }
    latest = max(known)
    if len(years) == 1:
        return latest.replace(year=years.pop()), "latest date mentioned"
    return latest, "month and day only"


def _month_day(mention: DateMention) -> dt.date | None:
    if mention.relative or mention.granularity is not Granularity.DAY:
        return None
    if mention.value is not None:
        return mention.value
    resolved = resolve_expression(mention.span.text, dt.date(UNKNOWN_YEAR, 12, 31))
    return resolved[0] if resolved else None


def _place(
    analysis: Analysis, mention: DateMention, reference: dt.date | None
) -> tuple[dt.date, Granularity, bool] | None:
    if mention.value is not None:
        return mention.value, mention.granularity, False
    if reference is None:
        return None
    resolved = resolve_expression(mention.span.text, reference)
    if resolved is None or resolved[0] is None:
        return None
    return resolved[0], resolved[1], analysis.article.published is None


def _entry(
    key: tuple[dt.date, Granularity],
    items: list[tuple[TimelineSentence, bool]],
    *,
    year_known: bool,
    reference: dt.date | None,
) -> TimelineEntry:
    date, granularity = key
    sentences = tuple(dict.fromkeys(item for item, _ in items))
    label = _label(date, granularity, year_known=year_known)
    if granularity is Granularity.WEEK and not year_known and reference is not None:
        side = "before" if date < reference - dt.timedelta(days=reference.weekday()) else "of"
        label = f"the week {side} {_label(reference, Granularity.DAY, year_known=False)}"
    return TimelineEntry(
        lane=Lane.EVENT,
        date=date,
        granularity=granularity,
        label=label,
        estimated=any(estimated for _, estimated in items),
        year_known=year_known,
        outlets=tuple(dict.fromkeys(s.outlet for s in sentences)),
        sentences=sentences,
    )


def _published(analyses: Sequence[Analysis]) -> list[TimelineEntry]:
    entries = []
    for analysis in analyses:
        article = analysis.article
        if article.published is None:
            continue
        day = article.published.date()
        when = _label(day, Granularity.DAY, year_known=True)
        entries.append(
            TimelineEntry(
                lane=Lane.PUBLISHED,
                date=day,
                granularity=Granularity.DAY,
                label=f"{when}: {article.outlet} publishes",
                estimated=False,
                year_known=True,
                outlets=(article.outlet,),
                sentences=(),
            )
        )
    return entries


def _label(date: dt.date, granularity: Granularity, *, year_known: bool) -> str:
    year = f" {date.year}" if year_known else ""
    if granularity is Granularity.WEEK:
        return f"week of {date:%b} {date.day}{year}"
    if granularity is Granularity.MONTH:
        return f"{date:%B}{year}"
    if granularity is Granularity.YEAR:
        return str(date.year)
    return f"{date:%b} {date.day}{year}"


def _width(entry: TimelineEntry) -> int:
    order = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR)
    return order.index(entry.granularity)
