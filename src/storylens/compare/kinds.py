"""What kind of text a fact is: a statement of the story, or page text that states nothing.

Cleaning removes most page debris line by line, but some reaches the body: a furniture line
the rules did not know ("Comments are closed for this story."), a headline or caption kept as
a sentence, a page timestamp. Such a fact may still be aligned (two copies of one page share
their furniture), but it is never reported as a fact of the story: not "only in" an outlet,
not an omission, not a side of a conflict, not a summary sentence.

A fact's kind is ``"statement"``, ``"headline"``, ``"caption"``, ``"timestamp"``,
``"fragment"`` (a piece the sentence splitter cut off), or the
`DebrisReason` value the clean stage gives that sort of line (``"social"``,
``"call_to_action"``, ``"recommendation"``, ``"membership"``, ``"boilerplate"``,
``"byline"``).
"""

from __future__ import annotations

import re

from storylens.compare.spans import overlaps
from storylens.model import Analysis, DebrisReason, Span
from storylens.model.comparison import Fact

STATEMENT = "statement"
HEADLINE = "headline"
CAPTION = "caption"
TIMESTAMP = "timestamp"
FRAGMENT = "fragment"

_R = DebrisReason
_FURNITURE: tuple[tuple[DebrisReason, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            _R.SOCIAL,
            r"^(?:comments? (?:are|is) (?:now )?(?:closed|disabled|off)|(?:be the first to|"
            r"leave a|post a|add a|view|show|read) comments?|(?:follow|like|join) (?:us|him|her|"
            r"them|[A-Z@][\w.@]*(?: [A-Z][\w.]*)?) on (?:twitter|facebook|instagram|x|"
            r"threads|linkedin|tiktok|youtube)|share (?:this|on)\b)",
        ),
        (
            _R.BOILERPLATE,
            r"^(?:this (?:article|story|report|post|piece) (?:was|has been|is|first) "
            r"(?:originally )?(?:re)?(?:published|printed|posted|appeared|updated|corrected)|"
            r"(?:copyright|©)\b|all rights reserved|this material may not be (?:published|"
            r"broadcast)|(?:additional )?(?:reporting|writing|editing) by\b|.{0,60}\bcontributed"
            r" (?:to )?(?:this|the) (?:report|story|article)\W*$|an earlier version of this)",
        ),
        (
            _R.CALL_TO_ACTION,
            r"^(?:click (?:here|to)|sign up\b|subscribe\b|download (?:our|the)|don'?t miss\b|"
            r"(?:please )?(?:send|email|contact) (?:us|your tips?|tips?)\b|have a (?:news )?tip|"
            r"(?:tap|swipe) (?:here|to)|listen to (?:this|the) (?:article|story|podcast))",
        ),
        (
            _R.RECOMMENDATION,
            r"^(?:read more|related(?: stories| articles| coverage)?|more from|see also|"
            r"(?:also )?read|watch|listen|more|recommended|trending|you (?:may|might) also)"
            r"\s*(?:[:|»›>]|\s-\s)",
        ),
        (_R.MEMBERSHIP, r"^(?:already a (?:member|subscriber)|become a (?:member|subscriber))"),
    )
)
_STAMP = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|posted|updated|modified)\b[^.!?]{0,60}\d"
    r"|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\W*$"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? [a-z]+\.? \d{1,2},? \d{4}\W*$"
    r"|[a-z]+\.? \d{1,2},? \d{4}(?:,? (?:at )?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\W*$)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\W*(?:photo|image|picture|video|file photo|graphic)s?(?: credit)?\s*[:|(]"
    r"|\((?:AP|Reuters|AFP|Getty Images?)(?: Photo)?[^)]*\)\W*$",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 20
"""Longer facts are never page furniture or a timestamp ("This report was published by the
GAO on Monday and found…" is a statement)."""
_END = re.compile(r"[.!?][\"'”’)]*$")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def fact_kind(fact: Fact, analysis: Analysis, *, unit: Span | None = None) -> str:
    """The kind of one fact of ``analysis`` (see the module docstring).

    ``unit`` is the text the fact was cut from (default: its sentence); a fact that is all of
    it may be a headline or a fragment.

    >>> from storylens.model import Article, Evidence, InputFormat
    >>> text = "Comments are closed for this story."
    >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text=text, title="t",
    ...     title_span=None, outlet="o", outlet_evidence=Evidence.UNKNOWN)
    >>> fact = Fact(id="a:0", article_id="a", sentence=0, span=Span(start=0, end=35, text=text))
    >>> fact_kind(fact, Analysis(article=article))
    'social'
    """
    text = " ".join(fact.span.text.split())
    article = analysis.article
    pictures = [c.span for c in article.captions] + [c.span for c in article.credits]
    if any(overlaps(fact.span, span) for span in pictures):
        return CAPTION
    if _CREDIT.search(text):
        return CAPTION
    title = article.title_span
    if title is not None and _inside(fact.span, title):
        return HEADLINE
    if text.rstrip(".") == " ".join(article.title.split()).rstrip(".") and text:
        return HEADLINE
    if len(text.split()) <= MAX_FURNITURE_WORDS:
        for reason, pattern in _FURNITURE:
            if pattern.search(text):
                return reason.value
        if _STAMP.search(text):
            return TIMESTAMP
    sentences = analysis.sentences
    sentence = sentences[fact.sentence].span if fact.sentence < len(sentences) else None
    sentence = unit or sentence
    whole = sentence is not None and _whole(fact.span, sentence)
    if whole and _fragment(text):
        return FRAGMENT
    if whole and _headline_like(text):
        return HEADLINE
    return STATEMENT


def _fragment(text: str) -> bool:
    """One word, or a short sentence in lower case: a piece the splitter cut off.

    "com reports." from "MyFoxHouston.com reports."; "Nobody died." is a statement.
    """
    words = _WORD.findall(text)
    return len(words) < 2 or (text[:1].islower() and len(words) <= 4)


def _headline_like(text: str) -> bool:
    """Title case with no sentence end: most words of four letters or more capitalised."""
    return not _END.search(text) and title_case(text)


def title_case(text: str) -> bool:
    """Most words of four letters or more capitalised (three such words at least)."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def sentence_end(text: str) -> bool:
    """The text ends as a sentence does (a stop, perhaps inside closing quotes)."""
    return _END.search(text) is not None


def _whole(fact: Span, sentence: Span) -> bool:
    """The fact is its whole sentence (a clause of a longer sentence ends without a stop)."""
    end = sentence.start + len(sentence.text.rstrip())
    return fact.start <= sentence.start + 1 and fact.end >= end - 1


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end
