"""Loaded language: words and phrases that carry judgement beyond the fact.

Find, then score: every word gets general cues (`storylens.framing.cues`: curated loaded
term, VADER valence, TextBlob subjectivity, evaluative compound, intensifier, stance adverb,
scare quotes, word shape, position, ...) and a learned word-table entry; a small logistic model
(`storylens.framing.scorer`, fitted on basil-dev with story-grouped cross-validation) turns them
into a word score, and a second small model turns a sentence's word scores into a sentence
score. A sentence is loaded when that reaches the threshold or it holds a curated loaded term;
in it, the best word, the words over the word threshold, curated terms and valenced words of an
emotive run are flagged, and neighbouring flagged words merge into one phrase. Each
phrase keeps the cues that fired as its reasons and whether it is the outlet's own voice or
inside a quotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storylens.framing.cues import (
    FEATURES,
    WordCues,
    lookup_valence,
    place_name,
    run_evidence,
    sentence_cues,
    strong_evidence,
)
from storylens.framing.scorer import Weights, cue_scores, load_weights, sentence_score, with_prior
from storylens.framing.voice import quote_index
from storylens.model import LoadedPhrase, LoadedReason, Place, Span, Voice

__all__ = ["find_in_sentence", "find_loaded_language", "lookup_valence"]

_REASON = {
    "loaded_term": LoadedReason.LOADED_TERM,
    "valence": LoadedReason.SUBJECTIVE_LEXICON,
    "subjectivity": LoadedReason.SUBJECTIVE_LEXICON,
    "compound": LoadedReason.EVALUATIVE_COMPOUND,
    "intensified": LoadedReason.INTENSIFIER,
    "stance": LoadedReason.SUBJECTIVE_LEXICON,
    "scare_quotes": LoadedReason.SCARE_QUOTES,
    "emotive_verb": LoadedReason.SUBJECTIVE_LEXICON,
    "word_prior": LoadedReason.MODEL_SCORE,
}


def _reasons(values: Sequence[float]) -> tuple[LoadedReason, ...]:
    fired = [
        _REASON[name]
        for name, value in zip(FEATURES, values, strict=True)
        if value >= 0.5 and name in _REASON
    ]
    return tuple(dict.fromkeys(fired)) or (LoadedReason.MODEL_SCORE,)


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


_INTENSIFIED = FEATURES.index("intensified")


def _flags(
    cues: list[WordCues], rows: list[tuple[float, ...]], scores: list[float], weights: Weights
) -> list[bool]:
    """The flagged words of one sentence.

    A word with strong evidence is always flagged. A sentence is loaded when one word is, or
    when its `sentence_score` reaches the threshold; in a loaded sentence its best word, the
    words over the word threshold and valenced words in an emotive run are flagged, and so is
    an intensifier before a flagged word. A word of a fixed expression ("in critical
    condition", "pleaded guilty", "United States") is never flagged unless it is a curated
    loaded term.
    """
    strong = [strong_evidence(cue.values) for cue in cues]
    loaded = any(strong) or sentence_score(rows, scores, weights) >= weights.threshold
    if not scores or not loaded:
        return [False] * len(scores)
    cutoff = weights.word_threshold
    if not weights.sentence:
        cutoff = min(cutoff, weights.threshold)
    top = max(scores)
    flagged = [
        sure or score >= cutoff or score == top or run_evidence(cue.values)
        for cue, score, sure in zip(cues, scores, strong, strict=True)
    ]
    for index in range(1, len(cues)):
        if flagged[index] and cues[index].values[_INTENSIFIED]:
            flagged[index - 1] = True
    return [f and (s or not c.fixed) for f, c, s in zip(flagged, cues, strong, strict=True)]


def _phrase(
    text: str,
    group: list[WordCues],
    rows: list[tuple[float, ...]],
    scores: list[float],
    *,
    place: Place,
) -> LoadedPhrase:
    start, end = group[0].start, group[-1].end
    values = [max(row[i] for row in rows) for i in range(len(FEATURES))]
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
    position: int | None = None,
) -> list[LoadedPhrase]:
    """Loaded phrases in one sentence (voice left OWN: `find_loaded_language` sets it)."""
    model = weights or load_weights()
    cues = sentence_cues(text, sentence, quotes, place=place, position=position)
    rows = with_prior(cues, model)
    scores = cue_scores(rows, model)
    flagged = _flags(cues, rows, scores, model)
    return [
        _phrase(
            text,
            [cues[i] for i in group],
            [rows[i] for i in group],
            [scores[i] for i in group],
            place=place,
        )
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
        for phrase in find_in_sentence(
            text, sentence, quotes=quote_spans, weights=weights, position=index
        ):
            if not _quoted_place(phrase):
                found.append(_voiced(phrase, quote_spans, index))
    return tuple(found)


def _quoted_place(phrase: LoadedPhrase) -> bool:
    """A country or city flagged only for its quotation marks ("“Mexico” will pay").

    Quoting a place repeats a speaker's word; it is not the outlet's sneer. The cue itself
    stays in the model (removing it from the features cost a point of cross-validated F1);
    only such a hit is dropped.
    """
    return phrase.reasons == (LoadedReason.SCARE_QUOTES,) and place_name(phrase.span.text)
