"""The comparison in the terminal, readable at 100 columns and at 30 outlets.

The story's title, then a legend of the articles (short label, outlet, date, title, URL);
shared facts, each outlet's own facts, quote groups (one entry per group: speakers with their
outlets), grouped conflicts (positions, majority first) and the tables, whose columns are the
short labels when there are more than four articles. Past `TABLE_COLUMNS` articles a table
would leave each outlet a column too narrow to read, so the coverage is listed instead: one
line per name with the outlets that have it and their counts. ``evidence=True`` adds why the
facts of a row were aligned (score, shared words and entities).
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storylens.model.comparison import AlignedFact, Comparison, CoverageRow, Position
from storylens.report.console import shorten
from storylens.report.escape import terminal_safe
from storylens.report.words import counted, independent

_FACT_WIDTH = 240
_WIDE = 4
"""More articles than this: tables and lists use the short labels of the legend."""
TABLE_COLUMNS = 12
"""More articles than this: coverage is a list (name, then the outlets that have it), not a
table with a column per outlet."""


def render_comparison(comparison: Comparison, console: Console, *, evidence: bool = False) -> None:
    """Print the whole comparison."""
    comparison = terminal_safe(comparison)
    console.print(_header(comparison))
    _shared(comparison, console, evidence=evidence)
    _unique(comparison, console)
    _quotes(comparison, console)
    _conflicts(comparison, console)
    console.print(_coverage("Cited sources × outlet", comparison.sources, comparison))
    console.print(_coverage("Entities × outlet (mentions)", comparison.entities[:15], comparison))


def label(comparison: Comparison, article_id: str) -> str:
    """The article's column label: its outlet label, or its short label in a wide story."""
    ref = comparison.article(article_id)
    return ref.short if len(comparison.articles) > _WIDE and ref.short else ref.label


def outlets(comparison: Comparison, position: Position) -> str:
    """``value: count (labels)`` for one side of a conflict or one speaker of a quote group."""
    labels = ", ".join(label(comparison, a) for a in position.article_ids)
    return f"{position.value}: {position.count} ({labels})"


def _header(comparison: Comparison) -> Panel:
    lines = Text()
    for ref in comparison.articles:
        facts = sum(fact.article_id == ref.id for fact in comparison.facts)
        if ref.short:
            lines.append(f"{ref.short:>3} ", style="bold magenta")
        lines.append(ref.label, style="bold")
        if ref.published is not None:
            lines.append(f"  {ref.published.date().isoformat()}", style="dim")
        lines.append(f"  {shorten(ref.title, 60)}", style="")
        lines.append(
            f"  ({counted(facts, 'fact')}, {len(comparison.unique(ref.id))} only here)\n", "dim"
        )
        if ref.url:
            lines.append(f"      {ref.url}\n", style="dim underline")
        if ref.carried_by:
            lines.append(f"    carried by {', '.join(ref.carried_by)}\n", "italic")
    shared = len(comparison.shared())
    lines.append(
        f"{counted(shared, 'fact')} shared; {counted(len(comparison.conflicts), 'conflict')}",
        style="bold",
    )
    title = comparison.title or "Story"
    return Panel(
        lines,
        title=f"{shorten(title, 80)} · {counted(len(comparison.articles), 'article')}",
        expand=True,
    )


def _fact_lines(comparison: Comparison, row: AlignedFact, *, evidence: bool) -> Text:
    text = Text()
    for fact in row.facts:
        text.append(f"  {label(comparison, fact.article_id)}: ", style="bold cyan")
        text.append(shorten(fact.span.text, _FACT_WIDTH) + "\n")
    for fact in row.restated:
        text.append(f"  {label(comparison, fact.article_id)}, again: ", style="cyan")
        text.append(shorten(fact.span.text, _FACT_WIDTH) + "\n", style="dim")
    if evidence:
        for line in evidence_lines(comparison, row):
            text.append(f"    {line}\n", style="dim")
    return text


def evidence_lines(comparison: Comparison, row: AlignedFact) -> list[str]:
    """One line per link of the row: the two labels, kind, score and what they share."""
    article = {f.id: f.article_id for f in comparison.facts}
    lines = []
    for link in row.links:
        shared = ", ".join((*link.shared_entities, *link.shared_words)) or "—"
        lines.append(
            f"{label(comparison, article[link.source])}~{label(comparison, article[link.target])}"
            f" {link.kind.value} {link.score:.2f} (cosine {link.cosine:.2f}); shared: {shared}"
        )
    return lines


def _shared(comparison: Comparison, console: Console, *, evidence: bool) -> None:
    hint = "" if evidence else " (why aligned: --evidence)"
    console.rule(f"Shared facts{hint}", align="left")
    if not comparison.shared():
        console.print("  none")
    section = Text()
    for row in comparison.shared():
        count = independent(*comparison.tally(row))
        section.append(f"{row.id} · {count}\n", style="bold green")
        section.append_text(_fact_lines(comparison, row, evidence=evidence))
    if section:
        console.print(section, end="")


def _unique(comparison: Comparison, console: Console) -> None:
    for ref in comparison.articles:
        rows, copies = comparison.unique(ref.id), comparison.copies(ref.id)
        if ref.copy_of and not rows:
            continue
        also = f" (and its copies: {', '.join(label(comparison, a) for a in copies)})"
        console.rule(f"Only in {ref.label}{also if copies else ''}", align="left")
        for row in rows:
            console.print(
                Text.assemble(
                    (f"{row.id} ", "yellow"), shorten(row.facts[0].span.text, _FACT_WIDTH)
                )
            )


def _quotes(comparison: Comparison, console: Console) -> None:
    console.rule("Quotes carried by several outlets", align="left")
    if not comparison.quote_groups:
        console.print("  none")
    for group in comparison.quote_groups:
        shortest = min(group.quotes, key=lambda q: len(q.content.text))
        count = len({q.article_id for q in group.quotes})
        accounts = len({comparison.account(q.article_id) for q in group.quotes})
        console.print(
            Text.assemble(
                (f"{group.id} · {independent(count, accounts)} ", "bold"),
                f"“{shorten(shortest.content.text, 150)}”",
            )
        )
        for position in group.speakers:
            console.print(Text(f"  {outlets(comparison, position)}", style="cyan"))
    console.print(_coverage("Speakers × outlet (quotes)", comparison.speakers, comparison))


def _conflicts(comparison: Comparison, console: Console) -> None:
    console.rule("Conflicts (one per disputed item, majority first)", align="left")
    if not comparison.conflicts:
        console.print("  none found")
    for conflict in comparison.conflicts:
        console.print(
            Text(f"{conflict.id} · {conflict.kind.value}: {conflict.subject}", style="bold red")
        )
        for position in conflict.positions:
            console.print(Text(f"  {outlets(comparison, position)}", style="bold"))
            side = next(s for s in conflict.sides if s.article_id == position.article_ids[0])
            console.print(
                f"    {label(comparison, side.article_id)}: {shorten(side.sentence.text, 150)}",
                markup=False,
                style="dim",
            )


def _coverage(title: str, rows: tuple[CoverageRow, ...], comparison: Comparison) -> Table | Group:
    if len(comparison.articles) > TABLE_COLUMNS:
        return _coverage_list(title, rows, comparison)
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("name", ratio=3)
    table.add_column("kind", ratio=1)
    for ref in comparison.articles:
        table.add_column(shorten(label(comparison, ref.id), 18), justify="right", ratio=1)
    for row in rows:
        counts = {cell.article_id: cell.count for cell in row.cells}
        table.add_row(
            shorten(row.name, 50),
            row.kind,
            *[str(counts.get(ref.id, "·")) for ref in comparison.articles],
        )
    return table


def _coverage_list(title: str, rows: tuple[CoverageRow, ...], comparison: Comparison) -> Group:
    """The coverage of a wide story: per name, how many outlets have it, then each count."""
    total = len(comparison.articles)
    lines = [Text(title, style="italic")]
    order = {ref.id: n for n, ref in enumerate(comparison.articles)}
    for row in rows:
        cells = sorted((c for c in row.cells if c.count), key=lambda c: order[c.article_id])
        line = Text(f"  {shorten(row.name, 50)}", style="bold")
        line.append(f" ({row.kind}) · {len(cells)} of {total} outlets: ", style="dim")
        line.append(", ".join(f"{label(comparison, c.article_id)} {c.count}" for c in cells))
        lines.append(line)
    if not rows:
        lines.append(Text("  none"))
    return Group(*lines)
