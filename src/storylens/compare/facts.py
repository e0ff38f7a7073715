"""Split analysed articles into facts: sentences, and clauses of sentences that join several.

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

from storylens.compare.kinds import fact_kind
from storylens.compare.records import Fact
from storylens.model import Analysis, Span

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
    text = analysis.article.text
    facts: list[Fact] = []
    for index, sentence in enumerate(analysis.sentences):
        for start, end in _clauses(sentence.span.text):
            span = Span(
                start=sentence.span.start + start,
                end=sentence.span.start + end,
                text=text[sentence.span.start + start : sentence.span.start + end],
            )
            quote_ids = tuple(
                q.id
                for q in analysis.quotes
                if q.content.start < span.end and span.start < q.content.end
            )
            fact = Fact(
                id=f"{analysis.article.id}:{len(facts)}",
                article_id=analysis.article.id,
                sentence=index,
                span=span,
                quote_ids=quote_ids,
            )
            facts.append(dataclasses.replace(fact, kind=fact_kind(fact, analysis)))
    return tuple(facts)


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
