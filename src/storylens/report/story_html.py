"""What the story sections of the HTML templates show: summary chips, charts, timeline, framing.

Plain data for ``report/templates/`` (Jinja2, autoescaped): the templates escape every string,
so markup in an article shows as text and never runs. Charts are inline SVG drawn from the
same records the tables show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import FramingProfile, Place
from storylens.model.comparison import Comparison
from storylens.model.timeline import Timeline, TimelineSentence
from storylens.report import framing_view as view
from storylens.report.findings_view import near_alone, split_dissent
from storylens.report.html_view import Piece, anchor

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

FRAMING_RELIABILITY = (
    "Measured reliability (bench/framing_quality.py, BASIL dev, 5-fold story-grouped "
    "cross-validation): loaded-phrase flags reach sentence-level F1 0.28 (precision 0.21, "
    "recall 0.39) against BASIL's lexical-bias annotations, so most flags are not what "
    "annotators marked: treat them as pointers to read the sentence, not as verdicts. Tone "
    "toward each actor agrees in sign with BASIL's annotators less often than a constant "
    "'negative' does, so it is shown only under --experimental-tone."
)
"""What the framing section says about its own accuracy (figures from bench/README.md)."""

BAR_WIDTH = 360
"""Width in px of the longest coverage bar."""


@dataclass(**_FROZEN)
class Chip:
    """One outlet behind a summary sentence, with its own supporting sentence."""

    label: str
    anchor: str
    sentence: str


@dataclass(**_FROZEN)
class SummaryItem:
    """One summary sentence (its words, then the dissent when its row is disputed), chips."""

    text: str
    chips: tuple[Chip, ...]
    dissent: str = ""


@dataclass(**_FROZEN)
class Bar:
    """One outlet's coverage bar: shared / only here / missing counts and their widths in px.

    ``only`` is ``len(comparison.unique(id))``; ``near`` counts the rows it carries alone that
    another outlet comes close to (neither shared nor only here, so not drawn).
    """

    label: str
    shared: int
    only: int
    missing: int
    widths: tuple[int, int, int]
    near: int = 0


@dataclass(**_FROZEN)
class Dot:
    """One outlet's dated mention on the timeline chart (x in px, row = outlet index)."""

    x: int
    row: int
    label: str


@dataclass(**_FROZEN)
class TimelineChart:
    """Outlet rows and dots; ``width`` in px; ``start``/``end`` label the axis."""

    outlets: tuple[str, ...]
    dots: tuple[Dot, ...]
    width: int
    start: str
    end: str


@dataclass(**_FROZEN)
class FramingRow:
    """One row of the framing table: a name and one cell per outlet."""

    name: str
    cells: tuple[object, ...]
    kind: str = "text"
    """How the template shows a cell: "text", "lines", "loaded" or "tone"."""


def summary(comparison: Comparison) -> list[SummaryItem]:
    """The summary sentences, each with one chip per supporting outlet."""
    facts = {(f.article_id, f.span.start, f.span.end): f for f in comparison.facts}
    items = []
    for sentence in comparison.summary.sentences:
        chips = []
        for support in sentence.support:
            fact = facts.get((support.article_id, support.span.start, support.span.end))
            chips.append(
                Chip(
                    label=comparison.article(support.article_id).label,
                    anchor=anchor(fact) if fact else "",
                    sentence=" ".join(support.span.text.split()),
                )
            )
        text, dissent = split_dissent(sentence)
        items.append(SummaryItem(text=text, chips=tuple(chips), dissent=dissent))
    return items


def coverage_bars(comparison: Comparison) -> list[Bar]:
    """Per outlet: rows it shares, rows only it has (`Comparison.unique`), rows it lacks."""
    omitted = {o.article_id: len(o.rows) for o in comparison.omissions}
    counts = []
    alone = near_alone(comparison)
    shared_by: Counter[str] = Counter()
    for row in comparison.shared():
        shared_by.update(set(row.article_ids))
    for ref in comparison.articles:
        shared = shared_by[ref.id]
        only = len(comparison.unique(ref.id))
        near = sum(1 for row in alone if row.facts[0].article_id == ref.id)
        counts.append((ref.label, shared, only, omitted.get(ref.id, 0), near))
    longest = max((s + o + m for _, s, o, m, _ in counts), default=0) or 1
    return [
        Bar(
            label=label,
            shared=s,
            only=o,
            missing=m,
            widths=(s * BAR_WIDTH // longest, o * BAR_WIDTH // longest, m * BAR_WIDTH // longest),
            near=n,
        )
        for label, s, o, m, n in counts
    ]


def timeline_chart(comparison: Comparison, *, width: int = 480) -> TimelineChart | None:
    """Dated mentions per outlet on one time axis; None when fewer than one entry is dated."""
    dated = [e for e in comparison.timeline.entries if e.date is not None]
    if not dated:
        return None
    labels = [ref.label for ref in comparison.articles]
    first = min(e.date for e in dated if e.date)
    last = max(e.date for e in dated if e.date)
    span = max((last - first).days, 1)
    dots = []
    for entry in dated:
        assert entry.date is not None
        x = (entry.date - first).days * width // span
        for outlet in entry.outlets:
            if outlet in labels:
                dots.append(Dot(x=x, row=labels.index(outlet), label=f"{entry.label}: {outlet}"))
    return TimelineChart(
        outlets=tuple(labels),
        dots=tuple(dots),
        width=width,
        start=first.isoformat(),
        end=last.isoformat(),
    )


def dated_pieces(item: TimelineSentence) -> tuple[Piece, ...]:
    """A dated sentence cut around its date expression (the expression's piece is loaded="date")."""
    text, offset = item.sentence.text, item.sentence.start
    start, end = item.expression.start - offset, item.expression.end - offset
    if not 0 <= start < end <= len(text):
        return (Piece(text=text),)
    return (
        Piece(text=text[:start]),
        Piece(text=text[start:end], loaded="date"),
        Piece(text=text[end:]),
    )


def timeline_note(timeline: Timeline) -> str:
    """What dates were placed against when there is no publication date ("" otherwise)."""
    if not timeline.without_publication_date:
        return ""
    return (
        f"No publication date: placed against the {timeline.reference_evidence} "
        "(≈ marks an estimated date)."
    )


def framing_rows(comparison: Comparison) -> list[FramingRow]:
    """The framing table: one column per outlet; the cells the templates' macros render."""
    refs = comparison.articles
    profiles = [comparison.profile(ref.id) for ref in refs]
    return [
        FramingRow(
            name="headline",
            cells=tuple(
                view.headline_line(r.title, p) for r, p in zip(refs, profiles, strict=True)
            ),
        ),
        FramingRow(
            name="loaded phrases",
            cells=tuple(_loaded(comparison, p) for p in profiles),
            kind="loaded",
        ),
        FramingRow(name="own voice", cells=tuple(view.own_phrases(p) for p in profiles)),
        *(
            [FramingRow(name=view.TONE_ROW, cells=tuple(_tone(p) for p in profiles), kind="tone")]
            if view.show_tone()
            else []
        ),
        FramingRow(
            name="attribution verbs",
            cells=tuple(_lines(view.verb_lines(p)) for p in profiles),
            kind="lines",
        ),
        FramingRow(
            name="quote shares",
            cells=tuple(_lines(view.share_lines(p)) for p in profiles),
            kind="lines",
        ),
        FramingRow(name="opinion markers", cells=tuple(view.opinion_line(p) for p in profiles)),
    ]


def _lines(lines: Sequence[str]) -> tuple[str, ...]:
    return tuple(lines) or ("none",)


def _loaded(comparison: Comparison, profile: FramingProfile) -> dict[str, object]:
    phrases = [
        {
            "text": p.span.text,
            "why": view.reasons(p),
            "where": "in the headline"
            if p.place is Place.HEADLINE
            else view.context(comparison, profile.article_id, p.span),
        }
        for p in profile.loaded
    ]
    return {"counts": view.loaded_counts(profile), "phrases": phrases}


def _tone(profile: FramingProfile) -> dict[str, object]:
    actors = [
        {
            "line": view.tone_line(actor),
            "evidence": [
                f"{item.score:+.2f} {item.voice.value}: {item.sentence.text}"
                for item in actor.evidence
            ],
        }
        for actor in profile.tone
    ]
    return {"actors": actors}
