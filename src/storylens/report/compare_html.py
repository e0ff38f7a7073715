"""The comparison as one self-contained HTML page: outlets side by side, facts highlighted.

Summary first; loaded phrases are marked in the text with their reasons; the timeline and the
framing per outlet close the page.

No scripts, no external requests: inline CSS only. Article text is untrusted and every piece of
it goes through `html.escape`, so markup inside an article shows as text and never runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from storylens.compare.records import Comparison, CoverageRow, Fact
from storylens.model import Analysis, LoadedPhrase, Span
from storylens.report.framing_view import body_phrases
from storylens.report.story_html import (
    STORY_CSS,
    anchor,
    e,
    framing_html,
    mark_loaded,
    summary_html,
    timeline_html,
)

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;
color:#222}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
.columns{display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fit,minmax(320px,1fr))}
.column{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;background:#fcfcfc}
.column h3{margin:.3rem 0}.column .title{font-weight:600;color:#444}
mark{padding:0 .1em;border-radius:3px}mark.shared{background:#cdeccd}
mark.unique{background:#ffe8b0}.fid{font-size:.7em;color:#666;vertical-align:super}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right}.conflict{color:#a00;font-weight:600}
.legend mark{margin-right:1rem}
"""


def render_comparison_html(comparison: Comparison, analyses: Iterable[Analysis]) -> str:
    """The whole comparison as one HTML document (text, UTF-8)."""
    by_id = {a.article.id: a for a in analyses}
    body = [
        "<h1>Story comparison</h1>",
        _summary(comparison),
        summary_html(comparison),
        "<h2>Side by side</h2>",
        '<p class="legend"><mark class="shared">shared with another outlet</mark>'
        '<mark class="unique">only in this outlet</mark>'
        '<mark class="loaded">loaded phrase (hover for why)</mark></p>',
        '<div class="columns">',
        *[_column(comparison, by_id[ref.id], ref.label) for ref in comparison.articles],
        "</div>",
        _shared_table(comparison),
        _conflicts(comparison),
        _quotes(comparison),
        _coverage("Speakers × outlet (quotes)", comparison.speakers, comparison),
        _coverage("Cited sources × outlet", comparison.sources, comparison),
        _coverage("Entities × outlet (mentions)", comparison.entities[:25], comparison),
        timeline_html(comparison.timeline),
        framing_html(comparison),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>storylens comparison</title>"
        f"<style>{_CSS}{STORY_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _summary(comparison: Comparison) -> str:
    items = "".join(
        f"<li><b>{e(ref.label)}</b> — {e(ref.title)} <small>({e(ref.id)})</small>"
        + (f"<br><i>carried by {e(', '.join(ref.carried_by))}</i>" if ref.carried_by else "")
        + "</li>"
        for ref in comparison.articles
    )
    return (
        f"<ul>{items}</ul><p>{len(comparison.shared())} shared facts, "
        f"{len(comparison.conflicts)} conflicts, {len(comparison.quote_matches)} matched "
        "quotes.</p>"
    )


def _fact_marks(comparison: Comparison, article_id: str) -> list[tuple[Fact, str, str]]:
    """(fact, css class, row id) for every fact of one article, in text order."""
    marks = []
    for row in comparison.rows:
        for fact in (*row.facts, *row.restated):
            if fact.article_id == article_id:
                css = "shared" if len(row.facts) > 1 else "unique"
                marks.append((fact, css, row.id))
    return sorted(marks, key=lambda m: m[0].span.start)


def _column(comparison: Comparison, analysis: Analysis, label: str) -> str:
    article = analysis.article
    marks = _fact_marks(comparison, article.id)
    profile = comparison.profile(article.id)
    loaded = body_phrases(profile)
    paragraphs = article.paragraphs or (Span(start=0, end=len(article.text), text=article.text),)
    rendered = [
        f"<p>{_highlight(article.text, paragraph, marks, loaded)}</p>" for paragraph in paragraphs
    ]
    title = mark_loaded(article.title, 0, len(article.title), profile.headline.phrases)
    return (
        f'<div class="column"><h3>{e(label)}</h3><div class="title">{title}'
        "</div>" + "".join(rendered) + "</div>"
    )


def _highlight(
    text: str,
    paragraph: Span,
    marks: list[tuple[Fact, str, str]],
    loaded: tuple[LoadedPhrase, ...],
) -> str:
    """One paragraph with its facts in ``<mark>`` and loaded phrases marked, all escaped."""
    out, cursor = [], paragraph.start
    for fact, css, row_id in marks:
        start, end = max(fact.span.start, paragraph.start), min(fact.span.end, paragraph.end)
        if start >= end or start < cursor:
            continue
        out.append(mark_loaded(text, cursor, start, loaded))
        out.append(
            f'<mark class="{css}" id="{anchor(fact)}" title="{row_id}">'
            f'{mark_loaded(text, start, end, loaded)}</mark><span class="fid">{row_id}</span>'
        )
        cursor = end
    out.append(mark_loaded(text, cursor, paragraph.end, loaded))
    return "".join(out)


def _shared_table(comparison: Comparison) -> str:
    head = "".join(f"<th>{e(ref.label)}</th>" for ref in comparison.articles)
    rows = []
    for row in comparison.shared():
        by_article: dict[str, list[str]] = {}
        for fact in (*row.facts, *row.restated):
            link = f'<a href="#{anchor(fact)}">{e(fact.span.text)}</a>'
            by_article.setdefault(fact.article_id, []).append(link)
        cells = "".join(
            f"<td>{'<br>'.join(by_article.get(ref.id, ['—']))}</td>" for ref in comparison.articles
        )
        rows.append(f"<tr><td>{row.id}</td>{cells}</tr>")
    return (
        f"<h2>Shared facts</h2><table><tr><th>fact</th>{head}</tr>{''.join(rows)}</table>"
        if rows
        else "<h2>Shared facts</h2><p>None found.</p>"
    )


def _conflicts(comparison: Comparison) -> str:
    parts = ["<h2>Conflicts</h2>"]
    if not comparison.conflicts:
        parts.append("<p>None found.</p>")
    for conflict in comparison.conflicts:
        sides = "".join(
            f"<tr><td>{e(comparison.article(s.article_id).label)}</td>"
            f'<td class="conflict">{e(s.value)}</td><td>{e(s.sentence.text)}</td></tr>'
            for s in conflict.sides
        )
        parts.append(
            f"<h3>{conflict.id} · {e(conflict.kind.value)}: {e(conflict.subject)}"
            f"</h3><table><tr><th>outlet</th><th>says</th><th>sentence</th></tr>"
            f"{sides}</table>"
        )
    return "".join(parts)


def _quotes(comparison: Comparison) -> str:
    rows = []
    for match in comparison.quote_matches:
        for quote in match.quotes:
            rows.append(
                f"<tr><td>{match.id} ({e(match.kind.value)})</td>"
                f"<td>{e(comparison.article(quote.article_id).label)}</td>"
                f"<td>{e(quote.speaker)}</td><td>“{e(quote.content.text)}”</td></tr>"
            )
    if not rows:
        return "<h2>Quotes across outlets</h2><p>No quote appears in more than one outlet.</p>"
    return (
        "<h2>Quotes across outlets</h2><table><tr><th>match</th><th>outlet</th>"
        f"<th>speaker</th><th>quote</th></tr>{''.join(rows)}</table>"
    )


def _coverage(title: str, rows: tuple[CoverageRow, ...], comparison: Comparison) -> str:
    head = "".join(f"<th>{e(ref.label)}</th>" for ref in comparison.articles)
    body = []
    for row in rows:
        counts = {cell.article_id: cell.count for cell in row.cells}
        cells = "".join(
            f'<td class="n">{counts.get(ref.id, "·")}</td>' for ref in comparison.articles
        )
        body.append(f"<tr><td>{e(row.name)}</td><td>{e(row.kind)}</td>{cells}</tr>")
    return (
        f"<h2>{e(title)}</h2><table><tr><th>name</th><th>kind</th>{head}</tr>"
        f"{''.join(body)}</table>"
    )
