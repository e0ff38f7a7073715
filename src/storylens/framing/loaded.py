"""Loaded language: words and phrases that carry judgement beyond the fact.

Find, then score: every word gets a few general cues (a curated loaded term, VADER valence,
TextBlob subjectivity, an evaluative hyphenated compound, an intensifier before it, a stance
adverb, scare quotes), a small logistic model turns the cues into a score, and neighbouring
flagged words merge into one phrase. Each phrase keeps the cues that fired as its reasons and
whether it is the outlet's own voice or inside a quotation.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from storylens.framing.lexicon import Lexicon, load_lexicon
from storylens.framing.voice import find_single_quoted, quote_index, word_count
from storylens.model import LoadedPhrase, LoadedReason, Place, Span, Voice

FEATURES = (
    "loaded_term",
    "valence",
    "subjectivity",
    "compound",
    "intensified",
    "stance",
    "scare_quotes",
    "negative",
    "quoted",
    "name_part",
    "term",
    "dense",
)
_REASON = {
    "loaded_term": LoadedReason.LOADED_TERM,
    "valence": LoadedReason.SUBJECTIVE_LEXICON,
    "subjectivity": LoadedReason.SUBJECTIVE_LEXICON,
    "compound": LoadedReason.EVALUATIVE_COMPOUND,
    "intensified": LoadedReason.INTENSIFIER,
    "stance": LoadedReason.SUBJECTIVE_LEXICON,
    "scare_quotes": LoadedReason.SCARE_QUOTES,
}
_NOT_A_REASON = ("negative", "quoted", "name_part", "term", "dense")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|called|calls|calling|dubbed|termed|described|describing|"
    r"labell?ed|wrote|writes|told|asked|tweeted|added|as)\W+(?:[\w'’]+\W+){0,2}$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:said|says|added|wrote|told|asked|tweeted)\b", re.IGNORECASE
)
_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class Weights:
    """A logistic model over `FEATURES`: ``score = sigmoid(bias + Σ coef·feature)``."""

    bias: float
    coef: dict[str, float]
    threshold: float = 0.6


DEFAULT_WEIGHTS = Weights(
    bias=-3.0,
    coef={
        "loaded_term": 4.0,
        "valence": 2.0,
        "subjectivity": 2.0,
        "compound": 1.5,
        "intensified": 1.5,
        "stance": 2.0,
        "scare_quotes": 3.5,
        "negative": 0.5,
        "quoted": -0.5,
        "name_part": -2.0,
        "term": -3.0,
        "dense": 1.5,
    },
)


@functools.cache
def load_weights() -> Weights:
    """The shipped weights (fitted by ``bench/framing_quality.py --fit``), else the defaults."""
    path = (
        resources.files("storylens")
        .joinpath("resources")
        .joinpath("framing")
        .joinpath("loaded_weights.json")
    )
    if not path.is_file():
        return DEFAULT_WEIGHTS
    raw = json.loads(path.read_text("utf-8"))
    return Weights(bias=raw["bias"], coef=raw["coef"], threshold=raw["threshold"])


@dataclass(**_FROZEN)
class WordCues:
    """One word, its cue values (in `FEATURES` order), polarity and neutral alternative."""

    start: int
    end: int
    values: tuple[float, ...]
    polarity: float
    alternative: str | None


def _forms(word: str) -> list[str]:
    forms = [word]
    for suffix, repl in (("'s", ""), ("’s", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) > 2:
            forms.append(word[: -len(suffix)] + repl)
    return forms


def lookup_valence(word: str, lexicon: Lexicon) -> float:
    """VADER valence of a word or of its uninflected form, 0.0 when unknown."""
    for form in _forms(word):
        if form in lexicon.valence:
            return lexicon.valence[form]
    return 0.0


def _compound(word: str, lexicon: Lexicon) -> float:
    if "-" not in word:
        return 0.0
    parts = word.split("-")
    return 1.0 if any(abs(lookup_valence(p, lexicon)) >= 1.0 for p in parts) else 0.0


@dataclass(**_FROZEN)
class WordContext:
    """What the sentence says about one word's position: cues that are not in the word."""

    intensified: bool = False
    scare: bool = False
    quoted: bool = False
    name_part: bool = False
    term: bool = False


def word_cues(word: str, *, start: int, lexicon: Lexicon, context: WordContext) -> WordCues:
    """The cue values of one word.

    Example:
        >>> cues = word_cues("regime", start=0, lexicon=load_lexicon(), context=WordContext())
        >>> cues.values[0], cues.alternative
        (1.0, 'government')
    """
    lower = word.lower().replace("’", "'")
    term = next((lexicon.loaded[f] for f in _forms(lower) if f in lexicon.loaded), None)
    valence = lookup_valence(lower, lexicon)
    subjectivity, adj_polarity = lexicon.subjective(lower)
    polarity = valence / 4.0 if valence else adj_polarity
    values = (
        1.0 if term else 0.0,
        min(abs(valence) / 3.0, 1.0),
        subjectivity,
        _compound(lower, lexicon),
        float(context.intensified),
        1.0 if lower in lexicon.stance else 0.0,
        float(context.scare),
        1.0 if polarity < 0 else 0.0,
        float(context.quoted),
        float(context.name_part),
        float(context.term),
        0.0,
    )
    return WordCues(
        start=start,
        end=start + len(word),
        values=values,
        polarity=polarity,
        alternative=term.alternative if term else None,
    )


def cue_score(values: Sequence[float], weights: Weights) -> float:
    """The model score in [0, 1] of one word's cue values."""
    z = weights.bias + sum(weights.coef[name] * v for name, v in zip(FEATURES, values, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def scare_quote_spans(text: str, start: int, end: int, quotes: Sequence[Span]) -> list[Span]:
    """Short (≤ 3 words) quoted fragments not introduced as someone's words: scare quotes."""
    found = list(find_single_quoted(text, start, end))
    for quote in quotes:
        inside = start <= quote.start and quote.end <= end
        if not inside or word_count(quote.text) > 3:
            continue
        before, after = text[start : max(start, quote.start - 1)], text[quote.end + 1 : end]
        if not _SPEECH.search(before) and not _SPEECH_AFTER.search(after):
            found.append(quote)
    return [span for span in found if word_count(span.text) <= 3]


def _in_term(words: list[str], index: int, terms: frozenset[str]) -> bool:
    pairs = (words[max(0, index - 1) : index + 1], words[index : index + 2])
    return any(len(pair) == 2 and " ".join(pair) in terms for pair in pairs)


def _sentence_cues(
    text: str, sentence: Span, quotes: Sequence[Span], lexicon: Lexicon, *, place: Place
) -> list[WordCues]:
    body = place is Place.BODY  # headlines: title case, every quotation in single quotes
    scares = scare_quote_spans(text, sentence.start, sentence.end, quotes) if body else []
    matches = list(_WORD.finditer(text, sentence.start, sentence.end))
    words = [m.group().lower() for m in matches]
    cues: list[WordCues] = []
    for index, match in enumerate(matches):
        start, end = match.span()
        scare = any(s.start <= start and end <= s.end for s in scares)
        context = WordContext(
            intensified=index > 0 and words[index - 1] in lexicon.intensifiers,
            scare=scare,
            quoted=quote_index(quotes, start, end) is not None,
            name_part=body and index > 0 and match.group()[0].isupper() and not scare,
            term=_in_term(words, index, lexicon.terms),
        )
        cues.append(word_cues(match.group(), start=start, lexicon=lexicon, context=context))
    return _with_density(cues)


def _evaluative(cue: WordCues) -> bool:
    loaded, valence, subjectivity = cue.values[:3]
    return loaded > 0 or valence >= 0.5 or subjectivity >= 0.8


def _with_density(cues: list[WordCues], window: int = 6) -> list[WordCues]:
    """Mark words with two or more other evaluative words within ``window`` words: emotive runs."""
    evaluative = [_evaluative(cue) for cue in cues]
    marked = []
    for index, cue in enumerate(cues):
        near = (
            evaluative[max(0, index - window) : index] + evaluative[index + 1 : index + window + 1]
        )
        dense = 1.0 if sum(near) >= 2 else 0.0
        marked.append(replace(cue, values=(*cue.values[:-1], dense)))
    return marked


def _reasons(values: Sequence[float]) -> tuple[LoadedReason, ...]:
    fired = [
        _REASON[name]
        for name, value in zip(FEATURES, values, strict=True)
        if value >= 0.5 and name not in _NOT_A_REASON
    ]
    return tuple(dict.fromkeys(fired))


def _groups(text: str, cues: list[WordCues], flagged: list[bool]) -> list[list[int]]:
    """Runs of flagged words separated by nothing but spaces or hyphens."""
    groups: list[list[int]] = []
    for index, cue in enumerate(cues):
        if not flagged[index]:
            continue
        adjacent = bool(groups) and groups[-1][-1] == index - 1
        if adjacent and text[cues[index - 1].end : cue.start].strip(" -") == "":
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _flags(cues: list[WordCues], scores: list[float], weights: Weights) -> list[bool]:
    """Words over the threshold, plus the intensifier just before a flagged word."""
    flagged = [score >= weights.threshold for score in scores]
    intensified = FEATURES.index("intensified")
    for index in range(1, len(cues)):
        if flagged[index] and cues[index].values[intensified]:
            flagged[index - 1] = True
    return flagged


def _phrase(text: str, group: list[WordCues], scores: list[float], *, place: Place) -> LoadedPhrase:
    start, end = group[0].start, group[-1].end
    values = [max(c.values[i] for c in group) for i in range(len(FEATURES))]
    polarity = min((c.polarity for c in group), key=lambda p: -abs(p))
    return LoadedPhrase(
        span=Span(start=start, end=end, text=text[start:end]),
        reasons=_reasons(values),
        voice=Voice.OWN,
        score=round(max(scores), 4),
        polarity=round(polarity, 4),
        place=place,
        alternative=next((c.alternative for c in group if c.alternative), None),
    )


def find_in_sentence(
    text: str,
    sentence: Span,
    *,
    quotes: Sequence[Span] = (),
    weights: Weights | None = None,
    place: Place = Place.BODY,
) -> list[LoadedPhrase]:
    """Loaded phrases in one sentence (voice left OWN: `find_loaded_language` sets it)."""
    model = weights or load_weights()
    cues = _sentence_cues(text, sentence, quotes, load_lexicon(), place=place)
    scores = [cue_score(cue.values, model) for cue in cues]
    flagged = _flags(cues, scores, model)
    return [
        _phrase(text, [cues[i] for i in group], [scores[i] for i in group], place=place)
        for group in _groups(text, cues, flagged)
    ]


def _voiced(phrase: LoadedPhrase, quotes: Sequence[Span], sentence: int | None) -> LoadedPhrase:
    own_scare = LoadedReason.SCARE_QUOTES in phrase.reasons and not any(
        q.start < phrase.span.start and phrase.span.end < q.end for q in quotes
    )
    index = None if own_scare else quote_index(quotes, phrase.span.start, phrase.span.end)
    voice = Voice.OWN if index is None else Voice.QUOTED
    return replace(phrase, voice=voice, quote=index, sentence=sentence)


def find_loaded_language(
    text: str,
    sentences: Sequence[Span],
    quote_spans: Sequence[Span],
    headline: str = "",
    *,
    weights: Weights | None = None,
) -> tuple[LoadedPhrase, ...]:
    """Loaded phrases in the headline and every sentence, each with its reasons and voice.

    Body spans are offsets into ``text``; headline spans (``place == HEADLINE``) are offsets
    into ``headline``. ``quote_spans`` are the quotations' contents (`Quote.content`, or
    `find_quotations(text)` without the pipeline); a phrase inside one is QUOTED, with
    ``quote`` its index. Scare quotes in the outlet's own text stay OWN voice.

    Example:
        >>> text = "The regime was roundly mocked."
        >>> found = find_loaded_language(text, [Span(start=0, end=len(text), text=text)], [])
        >>> [(p.span.text, p.voice.value) for p in found]
        [('regime', 'own'), ('roundly mocked', 'own')]
    """
    found: list[LoadedPhrase] = []
    if headline.strip():
        whole = Span(start=0, end=len(headline), text=headline)
        found += find_in_sentence(headline, whole, weights=weights, place=Place.HEADLINE)
    for index, sentence in enumerate(sentences):
        for phrase in find_in_sentence(text, sentence, quotes=quote_spans, weights=weights):
            found.append(_voiced(phrase, quote_spans, index))
    return tuple(found)
