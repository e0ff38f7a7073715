"""The comparison as Markdown: summary, facts, quotes, conflicts, tables, timeline, framing.

Article text is untrusted: it is escaped where it enters (`storylens.report.escape`), so a
Markdown renderer shows the text as written and never runs it.
"""

from __future__ import annotations

import re

from storylens.model.comparison import Comparison, CoverageRow, Position
from storylens.report.escape import markdown_code
from storylens.report.story_markdown import (
    escape,
    framing_markdown,
    summary_markdown,
    timeline_markdown,
)
from storylens.report.words import counted, independent

__all__ = ["escape", "render_comparison_markdown"]

_WIDE = 4
_SAFE_URL = re.compile(r"^https?://[^\s<>\\`]+$")
"""A URL written as a link destination ``<…>``: http(s), nothing that could end or escape it."""
"""More articles than this: lists and tables use the short labels of the legend."""


def render_comparison_markdown(comparison: Comparison) -> str:
    """The whole comparison as one Markdown document."""
    parts = [
        _header(comparison),
        summary_markdown(comparison.summary),
        _shared(comparison),
        _unique(comparison),
        _quotes(comparison),
        _conflicts(comparison),
        _table("Cited sources × outlet", comparison.sources, comparison),
        _table("Entities × outlet (mentions)", comparison.entities[:20], comparison),
        timeline_markdown(comparison.timeline),
        framing_markdown(comparison),
    ]
    return "\n\n".join(parts) + "\n"


def _label(comparison: Comparison, article_id: str) -> str:
    """The outlet label, or the short label of the legend in a story of many articles."""
    ref = comparison.article(article_id)
    return ref.short if len(comparison.articles) > _WIDE and ref.short else ref.label


def _position(comparison: Comparison, position: Position) -> str:
    labels = ", ".join(escape(_label(comparison, a)) for a in position.article_ids)
    return f"**{escape(position.value)}**: {position.count} ({labels})"


def _header(comparison: Comparison) -> str:
    title = f": {escape(comparison.title)}" if comparison.title else ""
    lines = [f"# Story comparison{title}", ""]
    for ref in comparison.articles:
        short = f"**{escape(ref.short)}** " if ref.short else ""
        date = f" {ref.published.date().isoformat()}" if ref.published is not None else ""
        title = escape(ref.title)
        if ref.url and _SAFE_URL.match(ref.url):
            title = f"[{title}](<{ref.url}>)"
        lines.append(f"- {short}*{escape(ref.label)}*{date} — {title} ({markdown_code(ref.id)})")
        if ref.carried_by:
            lines.append(f"  - carried by {escape(', '.join(ref.carried_by))}")
    lines += [
        "",
        f"{counted(len(comparison.shared()), 'shared fact')}, "
        f"{counted(len(comparison.conflicts), 'conflict')}.",
    ]
    return "\n".join(lines)


def _shared(comparison: Comparison) -> str:
    lines = ["## Shared facts"]
    for row in comparison.shared():
        count = independent(*comparison.tally(row))
        lines.append(f"\n**{row.id}** — {count}\n")
        for fact in row.facts:
            label = _label(comparison, fact.article_id)
            lines.append(f"- *{escape(label)}*: {escape(fact.span.text)}")
        for fact in row.restated:
            label = _label(comparison, fact.article_id)
            lines.append(f"- *{escape(label)}*, again: {escape(fact.span.text)}")
    return "\n".join(lines)


def _unique(comparison: Comparison) -> str:
    lines: list[str] = []
    for ref in comparison.articles:
        rows = comparison.unique(ref.id)
        if ref.copy_of and not rows:
            continue
        copies = ", ".join(_label(comparison, a) for a in comparison.copies(ref.id))
        also = f" (and its copies: {escape(copies)})" if copies else ""
        lines.append(f"## Only in {escape(ref.label)}{also}\n")
        lines += [f"- **{row.id}** {escape(row.facts[0].span.text)}" for row in rows] or [
            "- (none)"
        ]
        lines.append("")
    return "\n".join(lines).rstrip()


def _quotes(comparison: Comparison) -> str:
    lines = ["## Quotes across outlets"]
    for group in comparison.quote_groups:
        shortest = min(group.quotes, key=lambda q: len(q.content.text))
        count = len({q.article_id for q in group.quotes})
        accounts = len({comparison.account(q.article_id) for q in group.quotes})
        lines.append(
            f"\n**{group.id}** — {independent(count, accounts)}: "
            f"“{escape(shortest.content.text, 200)}”\n"
        )
        lines += [f"- {_position(comparison, p)}" for p in group.speakers]
    lines += ["", _table("Speakers × outlet (quotes)", comparison.speakers, comparison, level=3)]
    return "\n".join(lines)


def _conflicts(comparison: Comparison) -> str:
    lines = ["## Conflicts"]
    if not comparison.conflicts:
        lines.append("\nNone found.")
    for conflict in comparison.conflicts:
        lines.append(f"\n**{conflict.id}** — {conflict.kind.value}: {escape(conflict.subject)}\n")
        for position in conflict.positions:
            side = next(s for s in conflict.sides if s.article_id == position.article_ids[0])
            label = escape(_label(comparison, side.article_id))
            lines.append(
                f"- {_position(comparison, position)} — *{label}*: {escape(side.sentence.text)}"
            )
    return "\n".join(lines)


def _table(
    title: str, rows: tuple[CoverageRow, ...], comparison: Comparison, *, level: int = 2
) -> str:
    labels = [escape(_label(comparison, ref.id)) for ref in comparison.articles]
    lines = [
        f"{'#' * level} {title}",
        "",
        "| name | kind | " + " | ".join(labels) + " |",
        "|---|---|" + "---:|" * len(labels),
    ]
    for row in rows:
        counts = {cell.article_id: cell.count for cell in row.cells}
        cells = [str(counts.get(ref.id, "·")) for ref in comparison.articles]
        lines.append(f"| {escape(row.name, 80)} | {row.kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
