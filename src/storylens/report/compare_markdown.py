"""The comparison as Markdown: summary, facts, quotes, conflicts, tables, timeline, framing.

Article text is untrusted: it is escaped where it enters (`storylens.report.escape`), so a
Markdown renderer shows the text as written and never runs it.
"""

from __future__ import annotations

from storylens.compare.records import Comparison, CoverageRow
from storylens.report.escape import markdown_code
from storylens.report.story_markdown import (
    escape,
    framing_markdown,
    summary_markdown,
    timeline_markdown,
)

__all__ = ["escape", "render_comparison_markdown"]


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


def _header(comparison: Comparison) -> str:
    lines = ["# Story comparison", ""]
    for ref in comparison.articles:
        lines.append(f"- **{escape(ref.label)}** — {escape(ref.title)} ({markdown_code(ref.id)})")
        if ref.carried_by:
            lines.append(f"  - carried by {escape(', '.join(ref.carried_by))}")
    lines += [
        "",
        f"{len(comparison.shared())} shared facts, {len(comparison.conflicts)} conflicts.",
    ]
    return "\n".join(lines)


def _shared(comparison: Comparison) -> str:
    lines = ["## Shared facts"]
    for row in comparison.shared():
        lines.append(f"\n**{row.id}** — {len(row.facts)} outlets\n")
        for fact in row.facts:
            label = comparison.article(fact.article_id).label
            lines.append(f"- *{escape(label)}*: {escape(fact.span.text)}")
        for fact in row.restated:
            label = comparison.article(fact.article_id).label
            lines.append(f"- *{escape(label)}*, again: {escape(fact.span.text)}")
    return "\n".join(lines)


def _unique(comparison: Comparison) -> str:
    lines: list[str] = []
    for ref in comparison.articles:
        lines.append(f"## Only in {escape(ref.label)}\n")
        lines += [
            f"- **{row.id}** {escape(row.facts[0].span.text)}" for row in comparison.unique(ref.id)
        ] or ["- (none)"]
        lines.append("")
    return "\n".join(lines).rstrip()


def _quotes(comparison: Comparison) -> str:
    lines = ["## Quotes across outlets"]
    for match in comparison.quote_matches:
        lines.append(f"\n**{match.id}** — {match.kind.value} match ({match.overlap:.0%})\n")
        for quote in match.quotes:
            label = comparison.article(quote.article_id).label
            lines.append(
                f"- *{escape(label)}* ({escape(quote.speaker)}): "
                f"“{escape(quote.content.text, 200)}”"
            )
    lines += ["", _table("Speakers × outlet (quotes)", comparison.speakers, comparison, level=3)]
    return "\n".join(lines)


def _conflicts(comparison: Comparison) -> str:
    lines = ["## Conflicts"]
    if not comparison.conflicts:
        lines.append("\nNone found.")
    for conflict in comparison.conflicts:
        lines.append(f"\n**{conflict.id}** — {conflict.kind.value}: {escape(conflict.subject)}\n")
        for side in conflict.sides:
            label = comparison.article(side.article_id).label
            lines.append(
                f"- *{escape(label)}*: **{escape(side.value)}** — {escape(side.sentence.text)}"
            )
    return "\n".join(lines)


def _table(
    title: str, rows: tuple[CoverageRow, ...], comparison: Comparison, *, level: int = 2
) -> str:
    labels = [escape(ref.label) for ref in comparison.articles]
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
