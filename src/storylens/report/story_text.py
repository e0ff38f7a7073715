"""The story's neutral summary and timeline in the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from storylens.compare.summary import Summary
from storylens.compare.timeline import Timeline
from storylens.report.console import shorten


def render_summary(summary: Summary, console: Console) -> None:
    """Each summary sentence followed by the outlets that report it."""
    console.print(Rule("Summary (every sentence names the outlets that report it)", align="left"))
    for sentence in summary.sentences:
        console.print(Text.assemble(sentence.text, (f"  [{', '.join(sentence.outlets)}]", "cyan")))


def render_timeline(timeline: Timeline, console: Console) -> None:
    """The story's dated events in order, each with its outlets and sentences."""
    title = "Timeline"
    if timeline.reference_evidence not in ("publication date", "none"):
        title += f" (no publication date: placed against the {timeline.reference_evidence})"
    console.print(Rule(title, align="left"))
    for entry in timeline.entries:
        mark = " ≈" if entry.estimated else ""
        console.print(
            Text.assemble((f"{entry.label}{mark}", "bold"), f"  [{', '.join(entry.outlets)}]")
        )
        for sentence in entry.sentences:
            console.print(
                f"  {sentence.outlet}: {shorten(sentence.sentence.text, 76)}", markup=False
            )
