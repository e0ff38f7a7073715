"""The comparison in the terminal, readable at 100 columns.

Shared facts first, then each outlet's own facts, quotes, conflicts, sources and entities.
"""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storylens.compare.records import AlignedFact, Comparison, CoverageRow
from storylens.report.console import shorten
from storylens.report.escape import terminal_safe

_FACT_WIDTH = 240


def render_comparison(comparison: Comparison, console: Console) -> None:
    """Print the whole comparison."""
    comparison = terminal_safe(comparison)
    console.print(_header(comparison))
    _shared(comparison, console)
    _unique(comparison, console)
    _quotes(comparison, console)
    _conflicts(comparison, console)
    console.print(_coverage("Cited sources × outlet", comparison.sources, comparison))
    console.print(_coverage("Entities × outlet (mentions)", comparison.entities[:15], comparison))


def _header(comparison: Comparison) -> Panel:
    lines = Text()
    for ref in comparison.articles:
        facts = sum(fact.article_id == ref.id for fact in comparison.facts)
        lines.append(ref.label, style="bold")
        lines.append(f"  {shorten(ref.title, 60)}", style="")
        lines.append(f"  ({facts} facts, {len(comparison.unique(ref.id))} only here)\n", "dim")
        if ref.carried_by:
            lines.append(f"    carried by {', '.join(ref.carried_by)}\n", "italic")
    shared = len(comparison.shared())
    lines.append(f"{shared} facts shared; {len(comparison.conflicts)} conflicts", style="bold")
    return Panel(lines, title=f"Comparing {len(comparison.articles)} articles", expand=True)


def _fact_lines(comparison: Comparison, row: AlignedFact) -> Text:
    text = Text()
    for fact in row.facts:
        text.append(f"  {comparison.article(fact.article_id).label}: ", style="bold cyan")
        text.append(shorten(fact.span.text, _FACT_WIDTH) + "\n")
    for fact in row.restated:
        text.append(f"  {comparison.article(fact.article_id).label}, again: ", style="cyan")
        text.append(shorten(fact.span.text, _FACT_WIDTH) + "\n", style="dim")
    return text


def _shared(comparison: Comparison, console: Console) -> None:
    console.rule("Shared facts", align="left")
    if not comparison.shared():
        console.print("  none")
    for row in comparison.shared():
        console.print(Text(f"{row.id} · {len(row.facts)} outlets", style="bold green"))
        console.print(_fact_lines(comparison, row), end="")


def _unique(comparison: Comparison, console: Console) -> None:
    for ref in comparison.articles:
        console.rule(f"Only in {ref.label}", align="left")
        for row in comparison.unique(ref.id):
            console.print(
                Text.assemble(
                    (f"{row.id} ", "yellow"), shorten(row.facts[0].span.text, _FACT_WIDTH)
                )
            )


def _quotes(comparison: Comparison, console: Console) -> None:
    console.rule("Quotes", align="left")
    for match in comparison.quote_matches:
        console.print(
            Text(f"{match.id} · {match.kind.value} match ({match.overlap:.0%})", style="bold")
        )
        for quote in match.quotes:
            label = comparison.article(quote.article_id).label
            console.print(
                Text.assemble(
                    ("  " + label, "bold cyan"),
                    f" ({quote.speaker}): ",
                    f"“{shorten(quote.content.text, 150)}”",
                )
            )
    console.print(_coverage("Speakers × outlet (quotes)", comparison.speakers, comparison))


def _conflicts(comparison: Comparison, console: Console) -> None:
    console.rule("Conflicts", align="left")
    if not comparison.conflicts:
        console.print("  none found")
    for conflict in comparison.conflicts:
        console.print(
            Text(f"{conflict.id} · {conflict.kind.value}: {conflict.subject}", style="bold red")
        )
        for side in conflict.sides:
            label = comparison.article(side.article_id).label
            console.print(
                Text.assemble(
                    ("  " + label, "bold cyan"),
                    ": ",
                    (side.value, "bold"),
                    "  — ",
                    shorten(side.sentence.text, 150),
                )
            )


def _coverage(title: str, rows: tuple[CoverageRow, ...], comparison: Comparison) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("name", ratio=3)
    table.add_column("kind", ratio=1)
    for ref in comparison.articles:
        table.add_column(shorten(ref.label, 18), justify="right", ratio=1)
    for row in rows:
        counts = {cell.article_id: cell.count for cell in row.cells}
        table.add_row(
            shorten(row.name, 50),
            row.kind,
            *[str(counts.get(ref.id, "·")) for ref in comparison.articles],
        )
    return table
