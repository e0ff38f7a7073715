"""Quotes: direct and partial quotations, their cue verbs and their speakers.

Finding is by quotation marks (never trusting them to balance: an unclosed mark skips that
quote, not the article); attribution is by the dependency parse of the quote's sentences,
then carried over from the previous quote of the paragraph or the previous paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storylens.analyze.antecedents import Salience, read_salience
from storylens.analyze.cues import WEAK_CUES, cue_lemma
from storylens.analyze.entities import EntityIndex
from storylens.analyze.layout import (
    according_to,
    attribution_line,
    attribution_sentence,
    closing_speaker,
    colon_verb,
    roundup_label,
    signature,
    trailing_verb,
)
from storylens.analyze.nlp import ParsedParagraph
from storylens.analyze.positions import sentence_at
from storylens.analyze.quotemarks import QuoteMarks, Unbalanced, find_quote_marks
from storylens.analyze.speakers import (
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
    Context,
    own_outlet,
    resolve_name,
    resolve_speaker,
)
from storylens.analyze.subjects import antecedent, cue_subject, phrase_before, subject_after
from storylens.model import Attribution, Quote, QuoteKind, Sentence, Span, Speaker

_SPOKEN_ENDS = frozenset(",?!—–-")
"""How a quotation that is the object of a speech clause after it ends: “…,” Roe said."""
_BARE_TOKENS = 8
"""Longest sentence read as the attribution of the quote just before it."""
MIN_UNATTRIBUTED_WORDS = 5
"""Shorter quotes with no speaker are scare quotes or titles, not quotations."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Found:
    cue: Span | None
    speaker: Speaker | None
    attribution: Attribution


def extract_quotes(
    text: str,
    *,
    paragraphs: Sequence[Span],
    parsed: Sequence[ParsedParagraph],
    sentences: Sequence[Sentence],
    index: EntityIndex,
    outlet: str | None = None,
) -> tuple[tuple[Quote, ...], list[Unbalanced]]:
    """Every quote of an article's body, with its speaker where one can be found.

    ``outlet`` is the outlet that published the article: it is never a quote's speaker.
    """
    marks, unbalanced = find_quote_marks(text, paragraphs)
    docs = {p.index: p for p in parsed}
    spans = [(m.opened, m.closed + 1) for m in marks]
    salience = read_salience(parsed, spans, index)
    quotes: list[Quote] = []
    for mark in marks:
        found = _attribute(text, mark, docs, marks, quotes, (index, salience, outlet))
        words = len(mark.content.text.split())
        if found.speaker is None and words < MIN_UNATTRIBUTED_WORDS:
            continue
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                content=mark.content,
                kind=_kind(text, mark),
                sentence=_sentence_of(mark.content.start, sentences),
                attribution=found.attribution,
                speaker=found.speaker,
                cue=found.cue,
            )
        )
    return tuple(quotes), unbalanced


def _attribute(
    text: str,
    mark: QuoteMarks,
    docs: dict[int, ParsedParagraph],
    marks: Sequence[QuoteMarks],
    earlier: Sequence[Quote],
    known: tuple[EntityIndex, Salience, str | None],
) -> _Found:
    index, salience, outlet = known
    previous = earlier[-1].speaker if earlier else None
    context = Context(text=text, index=index, previous=previous, salience=salience, outlet=outlet)
    found = _attribute_in(text, mark, docs, (marks, earlier), context)
    if found.speaker is not None and own_outlet(found.speaker, context):
        return _Found(cue=found.cue, speaker=None, attribution=Attribution.UNRESOLVED)
    return found


def _attribute_in(
    text: str,
    mark: QuoteMarks,
    docs: dict[int, ParsedParagraph],
    around: tuple[Sequence[QuoteMarks], Sequence[Quote]],
    context: Context,
) -> _Found:
    marks, earlier = around
    parsed = docs[mark.paragraph]
    inside = [(m.opened, m.closed + 1) for m in marks if m.paragraph == mark.paragraph]
    tokens = _sentence_tokens(parsed, mark)
    outside = [t for t in tokens if not _within(parsed.offset + t.idx, inside)]
    signed = signature(text, mark.closed) or roundup_label(
        text, parsed.offset, mark.opened, context.index
    )
    if signed is not None:
        return _Found(
            cue=None, speaker=resolve_name(signed, context), attribution=Attribution.SIGNATURE
        )
    found = _by_cue(text, mark, parsed, (tokens, outside, inside), context)
    if found is not None:
        return found
    according = according_to(outside, parsed.offset, text)
    if according is not None:
        return _Found(
            cue=according[0],
            speaker=resolve_name(according[1], context),
            attribution=Attribution.ACCORDING_TO,
        )
    if text[parsed.offset : mark.opened].strip():
        # Only a paragraph that opens with its quote takes a line or a quote carried from
        # the paragraph above: "Update: “…”" under a round-up quote is no one's.
        return _carry(mark, earlier, marks, across=False)
    return _by_layout(text, mark, docs, (marks, earlier), context)


def _by_cue(
    text: str,
    mark: QuoteMarks,
    parsed: ParsedParagraph,
    read: tuple[list[Any], list[Any], list[tuple[int, int]]],
    context: Context,
) -> _Found | None:
    """The speaker of the quote's own sentence: the subject of its cue, outside the quote.

    A cue is a speech verb near the quote; failing one, the verb of a clause that ends in a
    colon before it or of a short clause after a quote that ends in a comma, ? or !.
    """
    tokens, outside, inside = read
    offset = parsed.offset
    quoted = [t for t in tokens if mark.content.start <= offset + t.idx < mark.content.end]
    spoken = text_before_mark(text, mark.closed) in _SPOKEN_ENDS
    cue = _choose_cue(outside, quoted, offset, mark) or colon_verb(outside, mark.opened, offset)
    if cue is None and spoken:
        cue = trailing_verb(outside, mark.closed, offset)
    if cue is None:
        return None
    own = cue_subject(cue, lambda t: not _within(offset + t.idx, inside))
    subject = antecedent(own)
    if subject is None and spoken:
        subject = subject_after(outside, mark.closed, offset)
    if subject is None:
        subject = phrase_before(cue, outside)
    if subject is None or _within(offset + subject.idx, inside):
        return None
    return _Found(
        cue=_token_span(text, cue, offset),
        speaker=resolve_speaker(
            subject, offset, context, relative=own if own is not subject else None
        ),
        attribution=Attribution.CUE,
    )


def _by_layout(
    text: str,
    mark: QuoteMarks,
    docs: dict[int, ParsedParagraph],
    before: tuple[Sequence[QuoteMarks], Sequence[Quote]],
    context: Context,
) -> _Found:
    """A quote paragraph's speaker from the paragraphs around it, else carried."""
    marks, earlier = before
    parsed = docs[mark.paragraph]
    above = docs.get(mark.paragraph - 1)
    line = None
    if above is not None and above.doc.text.rstrip().endswith(":"):
        line = _line_above(text, above, context)  # "Roe said:" introduces what follows
    if line is None:
        line = _next_line(text, mark, parsed, docs.get(mark.paragraph + 1), context)
    if line is None and not _carried_here(mark, earlier, marks):
        line = _line_above(text, above, context)
    return line if line is not None else _carry(mark, earlier, marks)


def _carried_here(mark: QuoteMarks, earlier: Sequence[Quote], marks: Sequence[QuoteMarks]) -> bool:
    """The last quote before this one is in the same paragraph or runs on into it."""
    last = next((m for m in marks if earlier and m.content == earlier[-1].content), None)
    return last is not None and (last.paragraph == mark.paragraph or last.continues)


def _line_above(text: str, above: ParsedParagraph | None, context: Context) -> _Found | None:
    """The speaker named at the end of the paragraph above a quote paragraph.

    "Roe told reporters the plan was dead." / "Roe said:" above a paragraph that is a quote:
    Roe, before any carrying from an older quote.
    """
    if above is None:
        return None
    return _named_by(text, closing_speaker(above.doc), above, context)


def _next_line(
    text: str,
    mark: QuoteMarks,
    parsed: ParsedParagraph,
    following: ParsedParagraph | None,
    context: Context,
) -> _Found | None:
    """A quote that ends its paragraph, named by a bare attribution line just below it."""
    end = parsed.offset + len(parsed.doc.text)
    if following is None or text[mark.closed + 1 : end].strip(" \t.,;:!?―—–"):
        return None
    return _named_by(text, attribution_line(following.doc), following, context)


def _named_by(
    text: str, subject: Any, paragraph: ParsedParagraph, context: Context
) -> _Found | None:
    """The speaker a subject token in a neighbouring paragraph names, its verb the cue."""
    if subject is None:
        return None
    return _Found(
        cue=_token_span(text, subject.head, paragraph.offset),
        speaker=resolve_speaker(subject, paragraph.offset, context),
        attribution=Attribution.CUE,
    )


def _carry(
    mark: QuoteMarks, earlier: Sequence[Quote], marks: Sequence[QuoteMarks], *, across: bool = True
) -> _Found:
    """No cue of its own: the speaker of the quote just before, in this or the last paragraph.

    ``across=False`` carries only within the paragraph (or from a quote running on into it).
    """
    unresolved = _Found(cue=None, speaker=None, attribution=Attribution.UNRESOLVED)
    if not earlier or earlier[-1].speaker is None:
        return unresolved
    last = earlier[-1]
    last_mark = next((m for m in marks if m.content == last.content), None)
    if last_mark is None:
        return unresolved
    same_paragraph = last_mark.paragraph == mark.paragraph
    next_paragraph = (
        across and last_mark.paragraph == mark.paragraph - 1 and _opens_paragraph(mark, marks)
    )
    if same_paragraph or next_paragraph or last_mark.continues:
        return _Found(cue=last.cue, speaker=last.speaker, attribution=Attribution.CARRIED)
    return unresolved


def _opens_paragraph(mark: QuoteMarks, marks: Sequence[QuoteMarks]) -> bool:
    return min(m.opened for m in marks if m.paragraph == mark.paragraph) == mark.opened


def _sentence_tokens(parsed: ParsedParagraph, mark: QuoteMarks) -> list[Any]:
    """The sentences the quote spans, and the one before when it ends in the quote's colon.

    spaCy often splits "Roe said: “…”" into two sentences at the colon, and "“…?” he asked."
    after the question mark: a sentence that goes on in lower case, or after a quotation
    that ends in a comma, belongs to the quote.
    """
    start, end = mark.opened - parsed.offset, mark.closed + 1 - parsed.offset
    before = parsed.doc.text[:start].rstrip()
    if before.endswith(":"):
        start = len(before) - 1
    after = parsed.doc.text[end:].lstrip("'")  # the second apostrophe of a closing ''
    comma = text_before_mark(parsed.doc.text, mark.closed - parsed.offset) == ","
    following = len(parsed.doc.text) - len(after.lstrip())
    if after[:1].isspace() and (
        comma or after.lstrip()[:1].islower() or _bare_attribution(parsed.doc, following)
    ):
        end = following + 1  # “… pull that off?” he asked. / “…?” Roe replied.
    text = parsed.doc.text
    first = text.rfind("\n", 0, start) + 1  # a line break ends a paragraph of scraped text
    last = text.find("\n", mark.closed + 1 - parsed.offset)
    last = len(text) if last < 0 else last
    return [
        t
        for s in parsed.doc.sents
        if s.start_char < end and s.end_char > start
        for t in s
        if first <= t.idx < last
    ]


def _bare_attribution(doc: Any, start: int) -> bool:
    """The sentence at ``start`` attributes the quote before it.

    A short "Roe replied." whose cue has its subject before it, or a longer sentence that
    only attributes ("Roe told reporters during the call.", `attribution_sentence`).
    """
    sentence = next((s for s in doc.sents if s.start_char == start), None)
    if sentence is None:
        return False
    if len(sentence) > _BARE_TOKENS:
        return attribution_sentence(sentence)
    verb = sentence.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return bool(subjects) and verb.tag_.startswith("VB") and cue_lemma(verb.text) is not None


def text_before_mark(text: str, closed: int) -> str:
    """The last character of a quotation before its closing mark ("," in “Yes,” she said)."""
    return text[closed - 1 : closed]


def _choose_cue(outside: list[Any], quoted: list[Any], offset: int, mark: QuoteMarks) -> Any:
    cues = [t for t in outside if t.tag_.startswith("VB") and cue_lemma(t.text)]
    if not cues:
        return None
    quote_middle = (mark.opened + mark.closed) / 2
    governing = [c for c in cues if any(c.is_ancestor(q) for q in quoted)]
    if governing:
        inner = [c for c in governing if not any(c.is_ancestor(g) for g in governing)]
        nearest = min(inner, key=lambda c: abs(offset + c.idx - quote_middle))
        return _reported_by(nearest, governing)
    return min(cues, key=lambda c: abs(offset + c.idx - quote_middle))


def _reported_by(cue: Any, governing: list[Any]) -> Any:
    """The outer cue when a pronoun's speech is itself reported by a cue above it.

    The quotation's own cue is the innermost one that governs it ("Although Roe admitted
    that they had “…,” he claimed": "admitted", not the nearer "claimed" above it). In "Roe
    said she asked the question “…”" and "Roe said he saw no need, telling them “…”" the
    quotation is reported by "said", whose subject names the speaker; the inner pronoun is
    the same person, less surely. A cue verb that often means no speech ("Roe said Poe will
    continue to be “…”", "Roe said voters would find it “…”") gives way to the cue above it.
    """
    subject = cue_subject(cue, lambda t: not t.is_quote)
    pronoun = subject is not None and subject.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS
    if not pronoun and cue_lemma(cue.text) not in WEAK_CUES:
        return cue
    outer = [g for g in governing if g is not cue and g.is_ancestor(cue)]
    return max(outer, key=lambda g: g.i) if outer else cue


def _kind(text: str, mark: QuoteMarks) -> QuoteKind:
    first = mark.content.text[:1]
    before = text[: mark.opened].rstrip()
    at_sentence_start = not before or before[-1] in ".!?:\n" or mark.continues
    return QuoteKind.DIRECT if first.isupper() or at_sentence_start else QuoteKind.PARTIAL


def _within(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)


def _token_span(text: str, token: Any, offset: int) -> Span:
    start = offset + token.idx
    return Span(start=start, end=start + len(token.text), text=token.text)


def _sentence_of(position: int, sentences: Sequence[Sentence]) -> int:
    found = sentence_at(position, sentences)
    if found is not None:
        return found
    return max(0, len([s for s in sentences if s.span.start <= position]) - 1)
