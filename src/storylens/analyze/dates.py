"""Dates: absolute ("Sept. 19", "Oct. 3, 2016") and relative ("today", "last week", "Monday").

Resolved against the publication date when it is known, and kept relative otherwise; the tense
of the clause decides between the last and the next "January 1" or "Tuesday". A date in a
"would" clause under a dated past report ("said Friday it would close on Tuesday") is the next
one after the report's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.analyze.nlp import ParsedParagraph
from storylens.analyze.positions import sentence_at
from storylens.analyze.tense import ClauseTime, clause_time
from storylens.calendar import find_date_expressions, resolve
from storylens.model import DateMention, Granularity, Sentence, Span


@dataclass(frozen=True, slots=True)
class _Expression:
    kind: str
    match: re.Match[str]
    span: Span
    time: ClauseTime


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
        expressions = [
            _Expression(
                kind=kind,
                match=match,
                span=Span(start=start, end=end, text=text[start:end]),
                time=clause_time(paragraph.doc, match.start(), match.end()),
            )
            for kind, match in find_date_expressions(paragraph.doc.text)
            for start, end in [(paragraph.offset + match.start(), paragraph.offset + match.end())]
        ]
        plain = [_mention(e, published, sentences) for e in expressions]
        found.extend(
            _anchored(e, plain, expressions, sentences) or mention
            for e, mention in zip(expressions, plain, strict=True)
        )
    return tuple(sorted(found, key=lambda d: d.span.start))


def _mention(
    expression: _Expression, reference: dt.date | None, sentences: Sequence[Sentence]
) -> DateMention:
    value, granularity, relative = resolve(
        expression.kind, expression.match.groupdict(), reference, expression.time.tense
    )
    return DateMention(
        span=expression.span,
        relative=relative,
        granularity=granularity,
        value=value,
        sentence=sentence_at(expression.span.start, sentences),
    )


def _anchored(
    expression: _Expression,
    plain: Sequence[DateMention],
    expressions: Sequence[_Expression],
    sentences: Sequence[Sentence],
) -> DateMention | None:
    """The mention resolved from the day of the past report its "would" clause depends on."""
    anchor = expression.time.anchor
    if anchor is None:
        return None
    for other, mention in zip(expressions, plain, strict=True):
        if (
            other.time.verb == anchor
            and other is not expression
            and mention.value is not None
            and mention.granularity is Granularity.DAY
        ):
            return _mention(expression, mention.value, sentences)
    return None
