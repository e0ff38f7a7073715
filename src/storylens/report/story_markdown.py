"""The story sections of the Markdown report: neutral summary, timeline, framing per outlet.

Article text is untrusted: `escape` (`storylens.report.escape.markdown_text`) backslash-escapes
everything that could open a Markdown construct (code spans, links, images, raw HTML, table
pipes), so a Markdown renderer shows the text as written and never runs it.
"""

from __future__ import annotations

from storylens.model import FramingProfile, Place
from storylens.model.comparison import Comparison, Summary, SummarySentence
from storylens.model.timeline import Timeline
from storylens.report import framing_view as view
from storylens.report.console import shorten
from storylens.report.escape import markdown_text


def escape(text: str, limit: int = 300) -> str:
    r"""One line of article text, safe inside Markdown (and Markdown tables).

    >>> escape("a <b> | c")
    'a &lt;b&gt; \\| c'
    """
    return markdown_text(shorten(text, limit))


def summary_markdown(summary: Summary) -> str:
    """Numbered summary sentences, each with the outlets that report it."""
    lines = [
        "## Summary",
        "",
        "Every sentence names the outlets that report it, each checked against its own sentence.",
        "",
    ]
    lines += [
        f"{n}. {escape(s.text, 600)} — {count_line(s)} *{escape(', '.join(s.outlets))}* ({s.row})"
        for n, s in enumerate(summary.sentences, start=1)
    ] or ["No fact is reported by enough outlets to summarise."]
    return "\n".join(lines)


def count_line(sentence: SummarySentence) -> str:
    """``3 outlets:``, or ``3 outlets (2 independent):`` when some are copies of one text."""
    n = len(sentence.outlets)
    words = f"{n} outlet{'s' if n != 1 else ''}"
    if sentence.accounts and sentence.accounts < n:
        words += f" ({sentence.accounts} independent)"
    return words + ":"


def timeline_markdown(timeline: Timeline) -> str:
    """The dated events in order; ≈ marks dates estimated against the story's reference."""
    lines = ["## Timeline", ""]
    if timeline.without_publication_date:
        lines += [f"No publication date: placed against the {timeline.reference_evidence}.", ""]
    for entry in timeline.entries:
        mark = " ≈" if entry.estimated else ""
        lines.append(f"- **{escape(entry.label)}{mark}** — {escape(', '.join(entry.outlets))}")
        lines += [
            f"  - *{escape(s.outlet)}*: {escape(s.sentence.text, 600)}" for s in entry.sentences
        ]
    if not timeline.entries:
        lines.append("No dated events found.")
    return "\n".join(lines)


def framing_markdown(comparison: Comparison) -> str:
    """A framing profile table (outlets as columns), then each outlet's evidence, folded."""
    refs = comparison.articles
    profiles = [comparison.profile(ref.id) for ref in refs]
    rows = [
        ("headline", [view.headline_line(r.title, p) for r, p in zip(refs, profiles, strict=True)])
    ]
    rows += [(name, [cell(p) for p in profiles]) for name, cell in view.profile_rows()]
    lines = [
        "## Framing per outlet",
        "",
        "| | " + " | ".join(escape(ref.label) for ref in refs) + " |",
        "|---|" + "---|" * len(refs),
    ]
    for name, cells in rows:
        lines.append(f"| **{name}** | " + " | ".join(_cell(c) for c in cells) + " |")
    for ref, profile in zip(refs, profiles, strict=True):
        lines += ["", *_evidence(comparison, profile, ref.label)]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return "<br>".join(escape(line, 400) for line in text.splitlines())


def _evidence(comparison: Comparison, profile: FramingProfile, label: str) -> list[str]:
    lines = [f"<details><summary>Framing evidence: {escape(label)}</summary>", ""]
    lines.append("Loaded phrases:")
    lines.append("")
    for phrase in profile.loaded:
        where = "headline" if phrase.place is Place.HEADLINE else f"at {phrase.span.start}"
        line = f"- “{escape(phrase.span.text)}” ({where}; {escape(view.reasons(phrase))})"
        if phrase.place is Place.BODY:
            line += f": {escape(view.context(comparison, profile.article_id, phrase.span))}"
        lines.append(line)
    if view.show_tone():
        lines += ["", "Tone toward each actor (experimental):", ""]
    for actor in profile.tone if view.show_tone() else ():
        lines.append(f"- {escape(view.tone_line(actor))}")
        lines += [
            f"  - {item.score:+.2f} {item.voice.value}: {escape(item.sentence.text, 200)}"
            for item in actor.evidence
        ]
    lines += ["", "</details>"]
    return lines
