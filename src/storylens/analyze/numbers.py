"""Numbers and what they count ("seven people", "thousands of nuclear bombs")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storylens.analyze.nlp import ParsedParagraph
from storylens.analyze.positions import sentence_at
from storylens.model import NumberMention, Sentence, Span

_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1e3,
    "thousands": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "dozen": 12,
    "dozens": 12,
}
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words.

    >>> parse_number("2.5 million"), parse_number("seven"), parse_number("thousands")
    (2500000.0, 7, 1000.0)
    """
    words = text.lower().replace("-", " ").replace("$", " ").replace("%", " ").split()
    value: float | None = None
    for word in words:
        digits = _NUMBER.fullmatch(word)
        if digits:
            value = float(word.replace(",", ""))
        elif word in _WORDS or word in _TENS:
            value = (value or 0) + _WORDS.get(word, _TENS.get(word, 0))
        elif word in _SCALES:
            value = (value or 1) * _SCALES[word]
    return value


def extract_numbers(
    text: str, *, parsed: Sequence[ParsedParagraph], sentences: Sequence[Sentence]
) -> tuple[NumberMention, ...]:
    """Every number entity of the body, with the noun phrase it counts where the parse shows one."""
    found = []
    for paragraph in parsed:
        if paragraph.index < 0:
            continue
        for ent in paragraph.doc.ents:
            if ent.label_ not in _LABELS:
                continue
            start = paragraph.offset + ent.start_char
            span = Span(start=start, end=start + len(ent.text), text=ent.text)
            found.append(
                NumberMention(
                    span=span,
                    value=parse_number(ent.text),
                    counted=_counted(text, ent, paragraph.offset),
                    sentence=sentence_at(start, sentences),
                )
            )
    return tuple(found)


def _counted(text: str, ent: Any, offset: int) -> Span | None:
    root = ent.root
    head = None
    if root.dep_ in ("nummod", "quantmod") and root.head.tag_.startswith("NN"):
        head = root.head
    else:
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if head is None:
        return None
    modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.i > ent.end - 1]
    first = min([head.i, *(m.i for m in modifiers)])
    start = offset + head.doc[first].idx
    end = offset + head.idx + len(head.text)
    return Span(start=start, end=end, text=text[start:end])
