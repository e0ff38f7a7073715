"""The loaded-language scorer: a small logistic model over word cues and a table of words.

``score = sigmoid(bias + Σ coef·cue)``, where the ``word_prior`` cue is the word's entry in a
learned table (the smoothed log-odds, on the training stories, that the word is loaded; 0 for a
word not in the table). Fitted by ``bench/framing_quality.py --fit`` with story-grouped
cross-validation and shipped as ``resources/framing/loaded_weights.json``; without that file the
hand-set `DEFAULT_WEIGHTS` are used.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from storylens.framing.cues import FEATURES, WordCues, strong_evidence, word_forms

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}
_PRIOR = FEATURES.index("word_prior")
_QUOTED = FEATURES.index("quoted")
_LEAD = FEATURES.index("lead")
SENTENCE_FEATURES = ("best", "second", "confident", "length", "lead", "strong", "quoted_share")


@dataclass(**_FROZEN)
class Weights:
    """A logistic model over `FEATURES`, its learned word table, a sentence model, thresholds.

    Without a sentence model (``sentence`` empty) a sentence is loaded when its best word
    scores at least ``threshold``; with one, when `sentence_score` reaches ``threshold``. In a
    loaded sentence every word scoring at least ``phrase_threshold`` (None: ``threshold``) is
    flagged, and at least its best word.
    """

    bias: float
    coef: Mapping[str, float]
    threshold: float = 0.6
    phrase_threshold: float | None = None
    words: Mapping[str, float] = field(default_factory=dict)
    sentence: Mapping[str, float] = field(default_factory=dict)

    @property
    def word_threshold(self) -> float:
        """The score a word needs inside a loaded sentence."""
        return self.threshold if self.phrase_threshold is None else self.phrase_threshold


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


def weights_from_json(raw: Mapping[str, object]) -> Weights:
    """Weights from their JSON form (the keys of `Weights`; the last two optional)."""
    coef = raw["coef"]
    sentence = raw.get("sentence", {})
    phrase = raw.get("phrase_threshold")
    words = raw.get("words", {})
    threshold = raw["threshold"]
    bias = raw["bias"]
    if not (isinstance(coef, dict) and isinstance(words, dict) and isinstance(sentence, dict)):
        raise TypeError("loaded weights: coef and words must be objects")
    if not (isinstance(threshold, float | int) and isinstance(bias, float | int)):
        raise TypeError("loaded weights: bias and threshold must be numbers")
    return Weights(
        bias=float(bias),
        coef=coef,
        threshold=float(threshold),
        phrase_threshold=float(phrase) if isinstance(phrase, float | int) else None,
        words=words,
        sentence=sentence,
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
    return weights_from_json(json.loads(path.read_text("utf-8")))


def word_prior(key: str, words: Mapping[str, float]) -> float:
    """The table entry of a lower-case word or of its first listed form, 0.0 when unlisted."""
    if key in words:
        return words[key]
    for form in word_forms(key):
        if form in words:
            return words[form]
    return 0.0


def with_prior(cues: Sequence[WordCues], weights: Weights) -> list[tuple[float, ...]]:
    """Each word's cue values with ``word_prior`` filled from the weights' table."""
    if not weights.words:
        return [cue.values for cue in cues]
    return [
        (*cue.values[:_PRIOR], word_prior(cue.key, weights.words), *cue.values[_PRIOR + 1 :])
        for cue in cues
    ]


def cue_scores(rows: Sequence[Sequence[float]], weights: Weights) -> list[float]:
    """The model score in [0, 1] of each word's cue values (cues without a weight count 0).

    Example:
        >>> [round(s, 3) for s in cue_scores([[0.0] * len(FEATURES)], DEFAULT_WEIGHTS)]
        [0.047]
    """
    coef = [weights.coef.get(name, 0.0) for name in FEATURES]
    return [_sigmoid(weights.bias + sum(map(operator.mul, coef, row))) for row in rows]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _logit(score: float) -> float:
    score = min(max(score, 1e-6), 1 - 1e-6)
    return math.log(score / (1 - score))


def sentence_values(rows: Sequence[Sequence[float]], scores: Sequence[float]) -> list[float]:
    """The sentence model's inputs (`SENTENCE_FEATURES`) from its words' cues and scores.

    Best and second-best word logit, words with logit > 2, words ÷ 50, lead, a curated loaded
    term, the share of words inside quotations.
    """
    if not rows:
        return [0.0] * len(SENTENCE_FEATURES)
    logits = sorted((_logit(score) for score in scores), reverse=True)
    return [
        logits[0],
        logits[1] if len(logits) > 1 else -5.0,
        float(sum(z > 2 for z in logits)),
        len(rows) / 50.0,
        rows[0][_LEAD],
        float(any(strong_evidence(row) for row in rows)),
        sum(row[_QUOTED] for row in rows) / len(rows),
    ]


def sentence_score(
    rows: Sequence[Sequence[float]], scores: Sequence[float], weights: Weights
) -> float:
    """How likely the sentence holds loaded language: the sentence model, else its best word."""
    if not weights.sentence:
        return max(scores, default=0.0)
    values = sentence_values(rows, scores)
    coef = weights.sentence
    z = coef.get("bias", 0.0) + sum(
        coef.get(name, 0.0) * v for name, v in zip(SENTENCE_FEATURES, values, strict=True)
    )
    return _sigmoid(z)
