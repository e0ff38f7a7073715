"""Dates: absolute ("Sept. 19", "Oct. 3, 2016") and relative ("today", "last week", "Monday").

Resolved against the publication date when it is known, and kept relative otherwise; the tense
of the clause decides between the last and the next "January 1" or "Tuesday".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storylens.analyze.nlp import ParsedParagraph
from storylens.analyze.positions import sentence_at
from storylens.analyze.tense import clause_tense
from storylens.calendar import Tense, find_date_expressions, resolve
from storylens.model import DateMention, Sentence, Span


def extract_dates(
    text: str,
    *,
    parsed: Sequence[ParsedParagraph],
    sentences: Sequence[Sentence],
    published: dt.date | None,
) -> tuple[DateMention, ...]:
    """Every date mention of the body, resolved where the publication date allows."""
    found: list[DateMention] = []
    for paragraph in parsed:
        if paragraph.index < 0:
            continue
        for kind, match in find_date_expressions(paragraph.doc.text):
            start, end = paragraph.offset + match.start(), paragraph.offset + match.end()
            span = Span(start=start, end=end, text=text[start:end])
            tense = clause_tense(paragraph.doc, match.start(), match.end())
            found.append(_mention(kind, match, span, published, sentences, tense))
    return tuple(sorted(found, key=lambda d: d.span.start))


def _mention(
    kind: str,
    match: re.Match[str],
    span: Span,
    published: dt.date | None,
    sentences: Sequence[Sentence],
    tense: Tense | None,
) -> DateMention:
    value, granularity, relative = resolve(kind, match.groupdict(), published, tense)
    sentence = sentence_at(span.start, sentences)
    return DateMention(
        span=span, relative=relative, granularity=granularity, value=value, sentence=sentence
    )
