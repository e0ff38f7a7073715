"""What the article page shows: the text with quotes, entities, dates and numbers marked.

Marks never overlap (the earliest, then longest, span wins); removed page debris is listed
with its reason and rule. Plain data for ``report/templates/article.html`` (autoescaped).
"""

from __future__ import annotations

from dataclasses import dataclass

from storylens.model import Analysis, Article, Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class Marked:
    """A run of the text; ``kind`` is "" (plain), "quote", "entity", "date" or "number"."""

    text: str
    kind: str = ""
    note: str = ""


@dataclass(**_FROZEN)
class DebrisLine:
    """One removed line and why."""

    text: str
    reason: str
    rule: str


def marks(analysis: Analysis | None) -> list[tuple[Span, str, str]]:
    """(span, kind, note) for the spans the page marks, non-overlapping, in text order."""
    if analysis is None:
        return []
    found = [
        (q.content, "quote", f"quote of {q.speaker.name}" if q.speaker else "quote, no speaker")
        for q in analysis.quotes
    ]
    for entity in analysis.entities:
        found += [
            (m.span, "entity", f"{entity.name} ({entity.label.value})") for m in entity.mentions
        ]
    found += [(d.span, "date", d.value.isoformat() if d.value else "date") for d in analysis.dates]
    found += [(n.span, "number", "number") for n in analysis.numbers]
    found.sort(key=lambda m: (m[0].start, -(m[0].end - m[0].start)))
    kept, cursor = [], -1
    for span, kind, note in found:
        if span.start >= cursor:
            kept.append((span, kind, note))
            cursor = span.end
    return kept


def paragraphs(article: Article, analysis: Analysis | None) -> list[list[Marked]]:
    """The body paragraphs cut into marked runs."""
    spans = article.paragraphs or (Span(start=0, end=len(article.text), text=article.text),)
    found = marks(analysis)
    out = []
    for paragraph in spans:
        runs, cursor = [], paragraph.start
        for span, kind, note in found:
            if span.start < paragraph.start or span.end > paragraph.end or span.start < cursor:
                continue
            if span.start > cursor:
                runs.append(Marked(text=article.text[cursor : span.start]))
            runs.append(Marked(text=article.text[span.start : span.end], kind=kind, note=note))
            cursor = span.end
        if paragraph.end > cursor:
            runs.append(Marked(text=article.text[cursor : paragraph.end]))
        out.append(runs)
    return out


def debris(article: Article) -> list[DebrisLine]:
    """The removed page debris, in text order."""
    return [
        DebrisLine(text=d.span.text, reason=d.reason.value, rule=d.rule) for d in article.debris
    ]
