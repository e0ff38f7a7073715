"""Word cues for loaded language: the evidence, per word, that a scorer weighs.

Every cue is general (a lexicon, a word shape, the sentence around the word), so a model fitted
on one set of stories can be used on another. The last cue, ``word_prior``, is left 0 here: the
scorer fills it from its learned table of words (`storylens.framing.scorer`).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from storylens.framing.lexicon import Lexicon, load_lexicon
from storylens.framing.voice import find_single_quoted, quote_index, word_count
from storylens.model import Place, Span

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
    "function_word",
    "adverb_ly",
    "adjective_shape",
    "verb_shape",
    "rated_adjective",
    "emotive_verb",
    "long_word",
    "sentence_evaluative",
    "lead",
    "word_prior",
)
LEAD = 3  # body sentences that open the article
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|called|calls|calling|dubbed|termed|described|describing|"
    r"labell?ed|wrote|writes|told|asked|tweeted|added|as)\W+(?:[\w'’]+\W+){0,2}$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:said|says|added|wrote|told|asked|tweeted)\b", re.IGNORECASE
)
_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "ic", "ical", "ist", "ish", "able", "ible")
_VERB_ENDINGS = ("ed", "ing")
_EMOTIVE_KINDS = frozenset({"emotive", "derisive", "assertive"})
_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class WordCues:
    """One word, its cue values (in `FEATURES` order), polarity and neutral alternative."""

    start: int
    end: int
    values: tuple[float, ...]
    polarity: float
    alternative: str | None
    key: str = ""
    fixed: bool = False
    """Part of a fixed expression (resources/framing/fixed_terms.txt): never flagged alone."""


@dataclass(**_FROZEN)
class WordContext:
    """What the sentence says about one word's position: cues that are not in the word."""

    intensified: bool = False
    scare: bool = False
    quoted: bool = False
    name_part: bool = False
    term: bool = False
    lead: bool = False


@functools.lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The word and its forms with a plural, possessive or past ending taken off."""
    forms = [word]
    for suffix, repl in (("'s", ""), ("’s", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) > 2:
            forms.append(word[: -len(suffix)] + repl)
    return tuple(forms)


def lookup_valence(word: str, lexicon: Lexicon) -> float:
    """VADER valence of a word or of its uninflected form, 0.0 when unknown."""
    for form in word_forms(word):
        if form in lexicon.valence:
            return lexicon.valence[form]
    return 0.0


def _compound(word: str, lexicon: Lexicon) -> float:
    if "-" not in word:
        return 0.0
    parts = word.split("-")
    return 1.0 if any(abs(lookup_valence(p, lexicon)) >= 1.0 for p in parts) else 0.0


def _shape(lower: str, lexicon: Lexicon) -> tuple[float, float, float, float]:
    """(function word, -ly adverb, adjective ending, verb ending) of a lower-case word."""
    if lower in lexicon.function_words:
        return 1.0, 0.0, 0.0, 0.0
    long_enough = len(lower) >= 5
    return (
        0.0,
        1.0 if long_enough and lower.endswith("ly") else 0.0,
        1.0 if long_enough and lower.endswith(_ADJECTIVE_ENDINGS) else 0.0,
        1.0 if long_enough and lower.endswith(_VERB_ENDINGS) else 0.0,
    )


def _emotive_verb(lower: str, lexicon: Lexicon) -> float:
    forms = [*word_forms(lower), lower[:-3] if lower.endswith("ing") else lower]
    kinds = {lexicon.verbs.get(form) for form in forms}
    return 1.0 if kinds & _EMOTIVE_KINDS else 0.0


@dataclass(**_FROZEN)
class _Intrinsic:
    """What a word says by itself, whatever its sentence."""

    values: tuple[float, ...]
    polarity: float
    alternative: str | None
    evaluative: bool


@functools.lru_cache(maxsize=65536)
def _intrinsic(lower: str) -> _Intrinsic:
    lexicon = load_lexicon()
    term = next((lexicon.loaded[f] for f in word_forms(lower) if f in lexicon.loaded), None)
    valence = lookup_valence(lower, lexicon)
    subjectivity, adj_polarity = lexicon.subjective(lower)
    polarity = valence / 4.0 if valence else adj_polarity
    scaled = min(abs(valence) / 3.0, 1.0)
    return _Intrinsic(
        values=(
            1.0 if term else 0.0,
            scaled,
            subjectivity,
            _compound(lower, lexicon),
            1.0 if lower in lexicon.stance else 0.0,
            1.0 if polarity < 0 else 0.0,
            *_shape(lower, lexicon),
            1.0 if lower in lexicon.subjectivity else 0.0,
            _emotive_verb(lower, lexicon),
            1.0 if len(lower) >= 9 else 0.0,
        ),
        polarity=polarity,
        alternative=term.alternative if term else None,
        evaluative=term is not None or scaled >= 0.5 or subjectivity >= 0.8,
    )


def word_cues(
    word: str, *, start: int, context: WordContext, dense: bool = False, load: float = 0.0
) -> WordCues:
    """The cue values of one word.

    ``dense`` and ``load`` (the sentence's evaluative load) come from its sentence;
    ``word_prior`` is left 0 for the scorer.

    Example:
        >>> cues = word_cues("regime", start=0, context=WordContext())
        >>> cues.values[0], cues.alternative
        (1.0, 'government')
    """
    lower = word.lower().replace("’", "'")
    own = _intrinsic(lower)
    v = own.values
    values = (
        *v[:4],
        float(context.intensified),
        v[4],
        float(context.scare),
        v[5],
        float(context.quoted),
        float(context.name_part),
        float(context.term),
        1.0 if dense else 0.0,
        *v[6:],
        load,
        float(context.lead),
        0.0,
    )
    return WordCues(
        start=start,
        end=start + len(word),
        values=values,
        polarity=own.polarity,
        alternative=own.alternative,
        key=lower,
    )


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


@functools.cache
def _place_names() -> frozenset[str]:
    """Countries (resources/places.json) and cities of 100,000 people (resources/cities.json)."""
    folder = resources.files("storylens") / "resources"
    places = json.loads((folder / "places.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities.json").read_text(encoding="utf-8"))
    return frozenset((*places["demonyms"].values(), *cities["cities"]))


def place_name(fragment: str) -> bool:
    """A quoted country or city ("“Mexico” will pay") repeats a speaker's word, not a sneer."""
    return fragment.strip(" ,.;:!?'’") in _place_names()


_TERM_WORDS = 4


def _in_term(words: list[str], index: int, terms: frozenset[str]) -> bool:
    """The word is part of a fixed expression of two to four words ("in critical condition")."""
    for size in range(2, _TERM_WORDS + 1):
        for first in range(max(0, index - size + 1), index + 1):
            window = words[first : first + size]
            if len(window) == size and " ".join(window) in terms:
                return True
    return False


def _density(evaluative: list[bool], window: int = 6) -> list[bool]:
    """Words with two or more other evaluative words within ``window`` words: emotive runs."""
    dense = []
    for index, own in enumerate(evaluative):
        near = sum(evaluative[max(0, index - window) : index + window + 1]) - own
        dense.append(near >= 2)
    return dense


def sentence_cues(
    text: str,
    sentence: Span,
    quotes: Sequence[Span],
    *,
    place: Place = Place.BODY,
    position: int | None = None,
) -> list[WordCues]:
    """The cues of every word in one sentence; ``position``: its index among body sentences.

    ``dense`` marks emotive runs (`_density`); ``sentence_evaluative`` is the sentence's count
    of evaluative words ÷ 4, at most 1.
    """
    lexicon = load_lexicon()
    body = place is Place.BODY  # headlines: title case, every quotation in single quotes
    scares = scare_quote_spans(text, sentence.start, sentence.end, quotes) if body else []
    matches = list(_WORD.finditer(text, sentence.start, sentence.end))
    words = [m.group().lower() for m in matches]
    evaluative = [_intrinsic(w.replace("’", "'")).evaluative for w in words]
    dense = _density(evaluative)
    load = min(sum(evaluative) / 4.0, 1.0)
    lead = position is not None and position < LEAD
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
            lead=lead,
        )
        cue = word_cues(match.group(), start=start, context=context, dense=dense[index], load=load)
        if _in_term(words, index, lexicon.fixed_terms):
            cue = replace(cue, fixed=True)
        cues.append(cue)
    return cues


_LOADED_TERM = FEATURES.index("loaded_term")
_DENSE = FEATURES.index("dense")
_LEXICAL = tuple(FEATURES.index(f) for f in ("valence", "compound"))


def strong_evidence(values: Sequence[float]) -> bool:
    """A curated loaded term: flagged whatever the model says."""
    return values[_LOADED_TERM] >= 0.5


def run_evidence(values: Sequence[float]) -> bool:
    """A strongly valenced word (VADER |valence| ≥ 1.5) or compound inside an emotive run.

    Flagged in a sentence the model finds loaded.
    """
    dense = values[_DENSE] >= 0.5
    return dense and any(values[i] >= 0.5 for i in _LEXICAL)
