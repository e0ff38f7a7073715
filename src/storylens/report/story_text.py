"""The story report in the terminal: neutral summary, comparison, timeline, framing.

`render_story` prints them in that order; ``evidence=True`` adds, per outlet, the loaded
phrases with their reasons and the sentences behind each actor's tone, and why the facts of
each shared row were aligned.
"""

from __future__ import annotations

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from storylens.model import FramingProfile, Place
from storylens.model.comparison import ArticleRef, Comparison, Summary
from storylens.model.timeline import Timeline
from storylens.report import framing_view as view
from storylens.report.compare_text import render_comparison
from storylens.report.console import shorten
from storylens.report.escape import terminal_safe
from storylens.report.story_markdown import count_line


def render_story(comparison: Comparison, console: Console, *, evidence: bool = False) -> None:
    """The whole terminal report: summary first, then the comparison, timeline and framing."""
    comparison = terminal_safe(comparison)
    render_summary(comparison.summary, console)
    render_comparison(comparison, console, evidence=evidence)
    render_timeline(comparison.timeline, console)
    render_framing(comparison, console, evidence=evidence)


def render_summary(summary: Summary, console: Console) -> None:
    """Each summary sentence followed by the outlets that report it."""
    console.print(Rule("Summary (every sentence names the outlets that report it)", align="left"))
    for sentence in summary.sentences:
        outlets = f"  [{count_line(sentence)} {', '.join(sentence.outlets)}]"
        console.print(Text.assemble(sentence.text, (outlets, "cyan")))


def render_timeline(timeline: Timeline, console: Console) -> None:
    """The story's dated events in order, each with its outlets and sentences."""
    title = "Timeline"
    if timeline.without_publication_date:
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


def render_framing(comparison: Comparison, console: Console, *, evidence: bool = False) -> None:
    """A compact framing profile per outlet, side by side; with ``evidence``, the phrases too."""
    hint = "" if evidence else " (phrases: --evidence)"
    console.print(Rule(f"Framing per outlet{hint}", align="left"))
    table = Table(expand=True, show_lines=True)
    table.add_column("", ratio=1, style="bold")
    for ref in comparison.articles:
        table.add_column(shorten(ref.label, 30), ratio=2)
    profiles = [comparison.profile(ref.id) for ref in comparison.articles]
    titles = [ref.title for ref in comparison.articles]
    table.add_row(
        "headline", *[view.headline_line(t, p) for t, p in zip(titles, profiles, strict=True)]
    )
    for name, cell in view.profile_rows():
        table.add_row(name, *[cell(profile) for profile in profiles])
    console.print(table)
    if evidence:
        for ref, profile in zip(comparison.articles, profiles, strict=True):
            _evidence(comparison, profile, ref, console)


def _evidence(
    comparison: Comparison, profile: FramingProfile, ref: ArticleRef, console: Console
) -> None:
    console.print(Rule(f"Framing evidence: {ref.label}", align="left"))
    console.print(Text.assemble(("Headline ", "bold"), f"“{ref.title}”"))
    console.print(Text("Loaded phrases", style="bold"))
    for phrase in profile.loaded:
        where = "headline" if phrase.place is Place.HEADLINE else f"@{phrase.span.start}"
        console.print(
            Text.assemble(
                (f"  “{phrase.span.text}”", "yellow"), f" {where} · {view.reasons(phrase)}"
            )
        )
        if phrase.place is Place.BODY:
            line = view.context(comparison, profile.article_id, phrase.span)
            console.print(f"      {line}", markup=False, style="dim")
    if view.show_tone():
        console.print(Text("Tone evidence (experimental)", style="bold"))
    for actor in profile.tone if view.show_tone() else ():
        console.print(Text(f"  {view.tone_line(actor)}", style="cyan"))
        for item in actor.evidence:
            text = shorten(item.sentence.text, 80)
            console.print(f"    {item.score:+.2f} {item.voice.value}: {text}", markup=False)
