from __future__ import annotations

import json

import pytest

from storylens.framing.cues import FEATURES, sentence_cues
from storylens.framing.scorer import (
    DEFAULT_WEIGHTS,
    SENTENCE_FEATURES,
    Weights,
    cue_scores,
    load_weights,
    sentence_score,
    sentence_values,
    weights_from_json,
    with_prior,
    word_prior,
)
from storylens.model import Span


def _sentence(text):
    return Span(start=0, end=len(text), text=text)


def test_shipped_weights_have_every_part():
    weights = load_weights()
    assert set(weights.coef) == set(FEATURES)
    assert set(weights.sentence) == {"bias", *SENTENCE_FEATURES}
    assert 0.0 < weights.threshold < 1.0
    assert weights.phrase_threshold is not None
    assert weights.words


def test_weights_round_trip_through_json():
    raw = {
        "bias": -1.0,
        "coef": {"loaded_term": 2.0},
        "threshold": 0.5,
        "phrase_threshold": 0.4,
        "sentence": {"bias": -2.0, "best": 1.0},
        "words": {"slammed": 1.5},
    }
    weights = weights_from_json(json.loads(json.dumps(raw)))
    assert weights.word_threshold == 0.4
    assert weights.words["slammed"] == 1.5
    assert weights_from_json({"bias": 0, "coef": {}, "threshold": 1}).word_threshold == 1.0


def test_weights_from_json_rejects_wrong_types():
    with pytest.raises(TypeError):
        weights_from_json({"bias": "x", "coef": {}, "threshold": 0.5})


@pytest.mark.parametrize(
    ("word", "expected"), [("slammed", 1.5), ("slams", 1.0), ("slam", 1.0), ("said", 0.0)]
)
def test_word_prior_falls_back_to_word_forms(word, expected):
    assert word_prior(word, {"slammed": 1.5, "slam": 1.0}) == expected


def test_word_prior_fills_only_its_cue():
    text = "Critics slammed the plan."
    cues = sentence_cues(text, _sentence(text), [])
    weights = Weights(bias=0.0, coef={}, words={"slammed": 2.0})
    rows = with_prior(cues, weights)
    prior = FEATURES.index("word_prior")
    assert [row[prior] for row in rows] == [0.0, 2.0, 0.0, 0.0]
    assert all(row[:prior] == cue.values[:prior] for row, cue in zip(rows, cues, strict=True))


def test_sentence_score_without_a_sentence_model_is_the_best_word():
    text = "The regime was roundly mocked."
    cues = sentence_cues(text, _sentence(text), [])
    rows = with_prior(cues, DEFAULT_WEIGHTS)
    scores = cue_scores(rows, DEFAULT_WEIGHTS)
    assert sentence_score(rows, scores, DEFAULT_WEIGHTS) == max(scores)


def test_sentence_model_prefers_a_loaded_sentence():
    weights = load_weights()
    scored = []
    for text in ("The regime brutally crushed the protest.", "The meeting took place in Geneva."):
        rows = with_prior(sentence_cues(text, _sentence(text), [], position=5), weights)
        scored.append(sentence_score(rows, cue_scores(rows, weights), weights))
    assert scored[0] > scored[1]
    assert len(sentence_values([], [])) == len(SENTENCE_FEATURES)
