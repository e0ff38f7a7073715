"""The per-article report in the terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storylens.model import Analysis, FramingProfile, Voice
from storylens.report.console import shorten
from storylens.report.escape import terminal_safe
from storylens.report.words import counted


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print one article's analysis: provenance, cleaning, entities, quotes, sources, dates."""
    analysis = terminal_safe(analysis)
    article = analysis.article
    header = Text.assemble(
        (article.title or "(untitled)", "bold"),
        "\n",
        ("outlet ", "dim"),
        article.outlet,
        (f" (from {article.outlet_evidence.value})", "dim"),
        ("   published ", "dim"),
        article.published.date().isoformat() if article.published else "unknown",
        ("   input ", "dim"),
        article.input,
    )
    console.print(Panel(header, expand=True))
    console.print(_cleaning(analysis))
    console.print(_entities(analysis))
    console.print(_quotes(analysis))
    console.print(_sources_dates_numbers(analysis))
    if analysis.framing is not None:
        console.print(_framing(analysis.framing))


def _cleaning(analysis: Analysis) -> Group:
    article = analysis.article
    lines = [
        Text(
            f"{counted(len(article.paragraphs), 'body paragraph')}, "
            f"{counted(len(analysis.sentences), 'sentence')}",
            style="bold",
        )
    ]
    for debris in article.debris:
        lines.append(
            Text.assemble(
                ("  removed ", "red"),
                repr(debris.span.text),
                (f"  {debris.reason.value} ({debris.rule})", "dim"),
            )
        )
    for caption in article.captions:
        credit = f"  credit: {caption.credit.text}" if caption.credit else ""
        lines.append(Text.assemble(("  caption ", "cyan"), shorten(caption.span.text, 70), credit))
    for credit_line in article.credits:
        lines.append(Text.assemble(("  credit  ", "cyan"), credit_line.span.text))
    return Group(*lines)


def _entities(analysis: Analysis) -> Table:
    table = Table(title="Entities", title_justify="left", expand=True)
    table.add_column("name", ratio=2)
    table.add_column("kind")
    table.add_column("mentions", justify="right")
    table.add_column("also written as", ratio=3)
    for entity in sorted(analysis.entities, key=lambda e: -len(e.mentions))[:20]:
        others = [a for a in entity.aliases if a != entity.name]
        table.add_row(
            entity.name,
            entity.label.value,
            str(len(entity.mentions)),
            shorten(", ".join(others), 60),
        )
    return table


def _quotes(analysis: Analysis) -> Table:
    table = Table(title="Quotes", title_justify="left", expand=True)
    table.add_column("speaker", ratio=2)
    table.add_column("as written", ratio=2)
    table.add_column("how", ratio=1)
    table.add_column("quote", ratio=6)
    for quote in analysis.quotes:
        speaker = quote.speaker.name if quote.speaker else "?"
        written = quote.speaker.mention.text if quote.speaker and quote.speaker.mention else ""
        how = f"{quote.kind.value}, {quote.attribution.value}"
        if quote.cue:
            how += f" ({quote.cue.text})"
        table.add_row(speaker, shorten(written, 30), how, shorten(quote.content.text, 120))
    return table


def _sources_dates_numbers(analysis: Analysis) -> Group:
    counts = Counter((s.name, s.kind.value) for s in analysis.cited_sources)
    sources = ", ".join(
        f"{name} [{kind}]" + (f" ×{n}" if n > 1 else "") for (name, kind), n in counts.items()
    )
    dates = ", ".join(
        f"{d.span.text} → {d.value.isoformat() if d.value else 'relative'}" for d in analysis.dates
    )
    numbers = ", ".join(
        f"{n.span.text}" + (f" ({n.counted.text})" if n.counted else "") for n in analysis.numbers
    )
    return Group(
        Text.assemble(("Cited sources: ", "bold"), sources or "none"),
        Text.assemble(("Dates: ", "bold"), dates or "none"),
        Text.assemble(("Numbers: ", "bold"), numbers or "none"),
        Text(""),
    )


def _framing(framing: FramingProfile) -> Group:
    own = [p.span.text for p in framing.loaded if p.voice is Voice.OWN]
    quoted = [p.span.text for p in framing.loaded if p.voice is Voice.QUOTED]
    tone = ", ".join(
        f"{t.name} {t.label} ({t.score:+.2f}, {counted(len(t.evidence), 'sentence')})"
        for t in framing.tone[:5]
    )
    verbs = ", ".join(
        f"{v.speaker}: {v.lemma} ×{v.count}" for v in framing.verbs if v.kind != "neutral"
    )
    return Group(
        Text("Framing (evidence, not a rating)", style="bold"),
        Text.assemble(
            ("  headline: ", "dim"),
            ", ".join(p.span.text for p in framing.headline.phrases) or "no loaded words",
        ),
        Text.assemble(("  loaded, outlet's own voice: ", "dim"), ", ".join(own) or "none"),
        Text.assemble(("  loaded, inside quotes: ", "dim"), ", ".join(quoted) or "none"),
        *(
            [Text.assemble(("  tone toward actors (experimental): ", "dim"), tone or "none")]
            if framing.tone
            else []
        ),
        Text.assemble(("  non-neutral attribution verbs: ", "dim"), verbs or "none"),
        Text(""),
    )
