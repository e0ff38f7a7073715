"""The story sections of the HTML report: summary, timeline, framing, loaded-phrase marks.

Every piece of article text goes through `html.escape` (attributes included), so markup in an
article shows as text and never runs. Evidence sits in ``<details>``: one click away.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from storylens.compare.records import Comparison, Fact, Timeline, TimelineSentence
from storylens.model import FramingProfile, LoadedPhrase, Place
from storylens.report import framing_view as view

STORY_CSS = """
.outlet{display:inline-block;font-size:.75em;background:#e3ecf7;color:#234;border-radius:3px;
padding:0 .4em;margin-left:.3em;text-decoration:none}
ol.summary li{margin:.3rem 0}ol.timeline li{margin:.4rem 0}ol.timeline ul{margin:.2rem 0}
mark.loaded{background:#f6c6c6;border-bottom:2px solid #c33}mark.date{background:#dde6ff}
details summary{cursor:pointer}details ul{margin:.2rem 0 .4rem 1rem;padding:0}
td details{margin-top:.3rem}.quiet{color:#666;font-size:.9em}
"""


def e(text: str) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def anchor(fact: Fact) -> str:
    """The element id of a fact's mark in the side-by-side columns."""
    return "f-" + "".join(c if c.isalnum() else "-" for c in fact.id)


def summary_html(comparison: Comparison) -> str:
    """The summary sentences, each tagged with its outlets (a tag links to that outlet's fact)."""
    rows = {row.id: row for row in comparison.rows}
    items = []
    for sentence in comparison.summary.sentences:
        tags = "".join(
            f'<a class="outlet" href="#{anchor(fact)}">'
            f"{e(comparison.article(fact.article_id).label)}</a>"
            for fact in rows[sentence.row].facts
        )
        items.append(f"<li>{e(sentence.text)}{tags}</li>")
    if not items:
        return "<h2>Summary</h2><p>No fact is reported by enough outlets to summarise.</p>"
    return (
        '<h2>Summary</h2><p class="quiet">Every sentence names the outlets that report it.</p>'
        f'<ol class="summary">{"".join(items)}</ol>'
    )


def timeline_html(timeline: Timeline) -> str:
    """The dated events in order, each with its outlets and dated sentences."""
    parts = ["<h2>Timeline</h2>"]
    if timeline.without_publication_date:
        parts.append(
            f'<p class="quiet">No publication date: placed against the '
            f"{e(timeline.reference_evidence)} (≈ marks an estimated date).</p>"
        )
    items = []
    for entry in timeline.entries:
        mark = " ≈" if entry.estimated else ""
        tags = "".join(f'<span class="outlet">{e(o)}</span>' for o in entry.outlets)
        sentences = "".join(f"<li>{_dated(s)}</li>" for s in entry.sentences)
        items.append(
            f"<li><b>{e(entry.label)}{mark}</b>{tags}"
            + (f"<ul>{sentences}</ul>" if sentences else "")
            + "</li>"
        )
    parts.append(f'<ol class="timeline">{"".join(items)}</ol>' if items else "<p>None.</p>")
    return "".join(parts)


def _dated(item: TimelineSentence) -> str:
    """One dated sentence with its date expression marked."""
    text, offset = item.sentence.text, item.sentence.start
    start, end = item.expression.start - offset, item.expression.end - offset
    if not 0 <= start < end <= len(text):
        return f"<i>{e(item.outlet)}</i>: {e(text)}"
    return (
        f"<i>{e(item.outlet)}</i>: {e(text[:start])}"
        f'<mark class="date">{e(text[start:end])}</mark>{e(text[end:])}'
    )


def mark_loaded(text: str, start: int, end: int, phrases: Sequence[LoadedPhrase]) -> str:
    """``text[start:end]`` escaped, with the loaded phrases inside it marked and explained.

    Each phrase becomes ``<mark class="loaded" title="why">``; ``phrases`` are in text order
    and their offsets are into ``text``.
    """
    out, cursor = [], start
    for phrase in phrases:
        left, right = max(phrase.span.start, cursor), min(phrase.span.end, end)
        if left >= right or phrase.span.start < cursor:
            continue
        out.append(e(text[cursor:left]))
        out.append(f'<mark class="loaded" title="{e(view.reasons(phrase))}">')
        out.append(f"{e(text[left:right])}</mark>")
        cursor = right
    out.append(e(text[cursor:end]))
    return "".join(out)


def framing_html(comparison: Comparison) -> str:
    """The framing profile table: one column per outlet, evidence folded in ``<details>``."""
    refs = comparison.articles
    profiles = [comparison.profile(ref.id) for ref in refs]
    head = "".join(f"<th>{e(ref.label)}</th>" for ref in refs)
    rows = [
        (
            "headline",
            [e(view.headline_line(r.title, p)) for r, p in zip(refs, profiles, strict=True)],
        ),
        ("loaded phrases", [_loaded_cell(comparison, p) for p in profiles]),
        ("own voice", [e(view.own_phrases(p)) for p in profiles]),
        *([(view.TONE_ROW, [_tone_cell(p) for p in profiles])] if view.show_tone() else []),
        ("attribution verbs", [_lines(view.verb_lines(p)) for p in profiles]),
        ("quote shares", [_lines(view.share_lines(p)) for p in profiles]),
        ("opinion markers", [e(view.opinion_line(p)) for p in profiles]),
    ]
    body = "".join(
        f"<tr><th>{name}</th>{''.join(f'<td>{cell}</td>' for cell in cells)}</tr>"
        for name, cells in rows
    )
    return (
        '<h2>Framing per outlet</h2><p class="quiet">Evidence, not a rating: open a cell for '
        "the phrases and sentences behind it; loaded phrases are marked in the articles above "
        f"(hover for why).</p><table><tr><th></th>{head}</tr>{body}</table>"
    )


def _lines(lines: Iterable[str]) -> str:
    return "<br>".join(e(line) for line in lines) or "none"


def _loaded_cell(comparison: Comparison, profile: FramingProfile) -> str:
    items = "".join(
        f"<li>“{e(p.span.text)}” <small>({e(view.reasons(p))})</small>"
        + (f"<br><small>{e(text)}</small>" if (text := _where(comparison, profile, p)) else "")
        + "</li>"
        for p in profile.loaded
    )
    details = f"<details><summary>phrases</summary><ul>{items}</ul></details>" if items else ""
    return e(view.loaded_counts(profile)) + details


def _where(comparison: Comparison, profile: FramingProfile, phrase: LoadedPhrase) -> str:
    if phrase.place is Place.HEADLINE:
        return "in the headline"
    return view.context(comparison, profile.article_id, phrase.span)


def _tone_cell(profile: FramingProfile) -> str:
    cells = []
    for actor in profile.tone:
        sentences = "".join(
            f"<li>{item.score:+.2f} {e(item.voice.value)}: {e(item.sentence.text)}</li>"
            for item in actor.evidence
        )
        cells.append(
            f"<details><summary>{e(view.tone_line(actor))}</summary><ul>{sentences}</ul></details>"
        )
    return "".join(cells) or "none"
