"""Split analysed articles into facts: sentences, and clauses of sentences that join several.

A sentence holding a dateline or page timestamp at the top of the article (`datelines`: the
splitter glued headline, stamp and lede) is first cut there: the stamp is a timestamp fact,
the text above the article's last top stamp a headline, and what follows is split as prose.

A sentence holds several propositions when it joins clauses with ";" or with ", and" / ", but"
followed by a clause with its own subject and verb: a pronoun subject ("we", "there's"), or a
finite verb or contraction near its start. Quoted words split the same way (a long quote often
bundles the claims another outlet quotes one sentence at a time); the clause keeps its quote
ids. Offsets stay exact: a clause is a sub-span of its sentence, trimmed of the joining word and
surrounding space.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from storylens.compare.datelines import datelines
from storylens.compare.kinds import HEADLINE, TIMESTAMP, fact_kind, sentence_end, title_case
from storylens.model import Analysis, Span
from storylens.model.comparison import Fact

_JOINT = re.compile(r";\s+|,\s+(?:and|but|while)\s+")
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "remain",
        "remains",
        "remained",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "said",
        "says",
        "did",
        "does",
        "do",
        "continue",
        "continues",
        "continued",
        "announced",
        "accused",
        "stay",
        "stays",
    ]
)
_SUBJECTS = frozenset(["i", "we", "he", "she", "they", "it", "there", "you", "that", "this"])
_CONTRACTION = re.compile(r"^[A-Za-z]+['’](?:s|m|re|ve|ll|d)$|n['’]t$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SEPARATORS = "|-–—:,"
_MIN_WORDS = 5
_SUBJECT_WINDOW = 5


def split_facts(analysis: Analysis) -> tuple[Fact, ...]:
    """The facts of one article, in text order, with the quotes each one holds.

    Example:
        >>> from storylens.model import Article, InputFormat, Evidence, Sentence
        >>> text = "Talks with Russia were suspended, and the military channel still remains open."
        >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text=text, title="t",
        ...     title_span=None, outlet="o", outlet_evidence=Evidence.UNKNOWN)
        >>> sentence = Sentence(span=Span(start=0, end=len(text), text=text), paragraph=0)
        >>> [f.span.text for f in split_facts(Analysis(article=article, sentences=(sentence,)))]
        ['Talks with Russia were suspended', 'the military channel still remains open.']
    """
    stamps = datelines(analysis)
    top = stamps[-1].start if stamps else 0
    facts: list[Fact] = []
    for index, sentence in enumerate(analysis.sentences):
        for piece, stamp in _pieces(sentence.span, stamps, analysis.article.text):
            if stamp:
                facts.append(_fact(analysis, facts, index, piece, kind=TIMESTAMP))
                continue
            for start, end in _clauses(piece.text):
                span = _sub(analysis.article.text, piece.start + start, piece.start + end)
                fact = _fact(analysis, facts, index, span)
                kind = HEADLINE if span.end <= top and _heading(span) else None
                kind = kind or fact_kind(fact, analysis, unit=piece)
                facts.append(dataclasses.replace(fact, kind=kind))
    return tuple(facts)


def _sub(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _fact(
    analysis: Analysis, facts: list[Fact], sentence: int, span: Span, *, kind: str = "statement"
) -> Fact:
    """The next fact of the article: ``span`` with the quotes it holds."""
    quote_ids = tuple(
        q.id for q in analysis.quotes if q.content.start < span.end and span.start < q.content.end
    )
    return Fact(
        id=f"{analysis.article.id}:{len(facts)}",
        article_id=analysis.article.id,
        sentence=sentence,
        span=span,
        quote_ids=quote_ids,
        kind=kind,
    )


def _pieces(sentence: Span, stamps: tuple[Span, ...], text: str) -> Iterator[tuple[Span, bool]]:
    """The sentence cut at the stamps in it: (piece, is a stamp), empty pieces left out.

    A stamp the splitter broke over two sentences ("12:52 p.m. EDT" | "May 2, 2013 She …")
    is cut at the sentence end: each part is a stamp.
    """
    cursor = sentence.start
    for stamp in stamps:
        start, end = max(stamp.start, sentence.start), min(stamp.end, sentence.end)
        if text[start:end].strip():
            yield from _trimmed(text, cursor, start)
            yield _sub(text, start, end), True
            cursor = end
    yield from _trimmed(text, cursor, sentence.end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[Span, bool]]:
    """The text between two cuts without the separators around it ("|", "-", spaces)."""
    while start < end and (text[start].isspace() or text[start] in _SEPARATORS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SEPARATORS):
        end -= 1
    if _WORD.search(text, start, end):
        yield _sub(text, start, end), False


def _heading(span: Span) -> bool:
    """Text above a top stamp is a headline unless it reads as a sentence (a lede)."""
    return not sentence_end(span.text) or title_case(span.text)


def _clauses(sentence: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of the clauses of one sentence."""
    start = 0
    for joint in _JOINT.finditer(sentence):
        left, right = sentence[start : joint.start()], sentence[joint.end() :]
        if _is_clause_break(joint.group(), left, right):
            yield start, joint.start()
            start = joint.end()
    yield start, len(sentence.rstrip())


def _is_clause_break(joint: str, left: str, right: str) -> bool:
    left_words, right_words = _WORD.findall(left), _WORD.findall(right)
    if len(left_words) < _MIN_WORDS or len(right_words) < _MIN_WORDS:
        return False
    if joint.startswith(";"):
        return True
    head = [word.lower() for word in right_words[:_SUBJECT_WINDOW]]
    if head[0] in _SUBJECTS or _CONTRACTION.search(head[0]):
        return True
    return any(word in _FINITE or _CONTRACTION.search(word) for word in head[1:])
