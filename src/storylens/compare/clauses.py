"""A summary sentence of two main clauses, and whether another outlet's sentence states both.

"The guard had to duck low, and the champion calmly blocked every jab" reports two things. An
outlet whose own sentence says only that the champion blocked jabs (or, linked on the round
alone, only that he threw more punches) does not state the sentence, though the pair model
links the two on what they share. `clauses` cuts a sentence where it joins two main clauses
with ", and", ", but", ", yet" or ";": the part after the joint opens with its own subject (a
name the analysis recognised, a subject pronoun, or "the"/"his"/… and a word or two) and a
verb right after it (a finite form such as "was", "had", "said", or a word ending in "ed", a
third-person "-s" after a name or a singular pronoun), optionally after one adverb ("easily",
"also"). A supporter must then share with *each* clause a content word that is not part of a
name (`clauses_agree`): the names in a boxing story (both fighters) are in nearly every
sentence and tell nothing of which clause it states. Words match on a crude stem, one stem a
prefix of the other ("punch" / "punches", "popular" / "popularity").

A sentence with one clause, or clauses without content words of their own, is left to the
other support checks.
"""

from __future__ import annotations

import re

from storylens.compare.features import STOPWORDS
from storylens.model import Analysis, Span
from storylens.model.comparison import Fact

_JOINT = re.compile(r"(?:,|;)\s+(?:and|but|yet)\s+|;\s+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "there"])
_SINGULAR = frozenset(["he", "she", "it", "there"])
_DETERMINERS = frozenset(["the", "his", "her", "its", "their", "our", "this", "that"])
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
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "said",
        "says",
        "remain",
        "remains",
        "continue",
        "continues",
        "kept",
        "keeps",
        "went",
        "goes",
        "got",
        "gets",
        "made",
        "makes",
        "took",
        "takes",
        "gave",
        "gives",
        "came",
        "comes",
        "left",
        "leaves",
        "won",
        "wins",
        "lost",
        "loses",
        "fought",
        "fell",
        "threw",
        "hit",
        "held",
        "ran",
        "began",
        "saw",
        "found",
        "told",
    ]
)
_ADVERBS = frozenset(
    ["also", "then", "later", "still", "never", "eventually", "soon", "again", "once", "even"]
)
_QUANTIFIERS = frozenset(["some", "many", "most", "others", "both", "all", "few", "several"])
_CONTRACTED = re.compile(r"['’](?:s|d|ll|ve|re)$|n['’]t$")
_MIN_WORDS = 3
"""Fewest words on each side of a joint for two clauses."""
_NOUN_WORDS = 2
"""Most words after a determiner before the verb ("his left hand landed")."""
_MIN_STEM = 4


def clauses(fact: Fact, analysis: Analysis) -> list[Span]:
    """The fact's main clauses (offsets into the article), or just the fact when it has one."""
    text = analysis.article.text
    start, pieces = fact.span.start, []
    for joint in _JOINT.finditer(text, fact.span.start, fact.span.end):
        left = text[start : joint.start()]
        right = text[joint.end() : fact.span.end]
        if len(_TOKEN.findall(left)) < _MIN_WORDS or len(_TOKEN.findall(right)) < _MIN_WORDS:
            continue
        if _opens_clause(joint.end(), fact.span.end, analysis):
            pieces.append(Span(start=start, end=joint.start(), text=left))
            start = joint.end()
    if not pieces:
        return [fact.span]
    return [*pieces, Span(start=start, end=fact.span.end, text=text[start : fact.span.end])]


def _opens_clause(start: int, end: int, analysis: Analysis) -> bool:
    """The text from ``start`` opens with a subject and its verb."""
    text = analysis.article.text
    name_end = _name_at(start, end, analysis)
    if name_end is not None:
        return _verb_follows(_TOKEN.findall(text[name_end:end]), singular=True)
    words = _TOKEN.findall(text[start:end])
    first = words[0].lower()
    if first in _PRONOUNS:
        return _verb_follows(words[1:], singular=first in _SINGULAR)
    if first in _DETERMINERS:
        return any(_verb_follows(words[n:], singular=False) for n in range(2, 2 + _NOUN_WORDS))
    if first in _QUANTIFIERS:  # "some objected", "most stalls stayed shut"
        return any(_verb_follows(words[n:], singular=False) for n in range(1, 2 + _NOUN_WORDS))
    if first in STOPWORDS or _verbal(first) or _adverb(first) or first.endswith("ing"):
        return False
    return _verb_follows(words[1:], singular=False)


def _name_at(start: int, end: int, analysis: Analysis) -> int | None:
    """The end of a recognised name starting at ``start`` (after an optional "the")."""
    text = analysis.article.text
    skip = re.match(r"the\s+", text[start:end], re.IGNORECASE)
    begin = start + (skip.end() if skip else 0)
    ends = [
        m.span.end
        for entity in analysis.entities
        for m in entity.mentions
        if m.span.start == begin and m.span.end <= end
    ]
    if not ends or text[max(ends) : max(ends) + 2] in ("'s", "’s"):
        return None
    return max(ends)


def _verb_follows(words: list[str], *, singular: bool) -> bool:
    """The next word (after at most one adverb) is a finite verb."""
    words = [w.lower() for w in words]
    if words and _adverb(words[0]):
        words = words[1:]
    if not words:
        return False
    if _verbal(words[0]):
        return True
    return singular and words[0].endswith("s") and not words[0].endswith("ss")


def _verbal(word: str) -> bool:
    """A finite verb, a past form or a contraction ("was", "fended", "wasn't")."""
    word = word.lower()
    if word in _FINITE or _CONTRACTED.search(word):
        return True
    return word.endswith("ed") and "-" not in word


def _adverb(word: str) -> bool:
    return word.endswith("ly") or word in _ADVERBS


def clauses_agree(supporter: Fact, a: Analysis, source: Fact, b: Analysis) -> bool:
    """``supporter`` shares a content word, not a name's, with every clause of ``source``."""
    parts = clauses(source, b)
    if len(parts) < 2:
        return True
    names = _name_words(source, b)
    theirs = _stems(supporter.span.text)
    for part in parts:
        own = _stems(part.text) - names
        if own and not any(_same_stem(w, t) for w in own for t in theirs):
            return False
    return True


def _name_words(fact: Fact, analysis: Analysis) -> set[str]:
    """Stems of the words inside the names the fact mentions."""
    text = analysis.article.text
    return {
        w
        for entity in analysis.entities
        for m in entity.mentions
        if fact.span.start <= m.span.start < fact.span.end
        for w in _stems(text[m.span.start : m.span.end])
    }


def _stems(text: str) -> set[str]:
    words = (w.lower().removesuffix("'s").removesuffix("’s") for w in _TOKEN.findall(text))
    return {w for w in words if w not in STOPWORDS and len(w) > 2}


def _same_stem(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    return short == long or (len(short) >= _MIN_STEM and long.startswith(short))
