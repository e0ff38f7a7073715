"""The shipped fact-pair model: it loads, reads its own JSON back, and weighs evidence sensibly."""

from __future__ import annotations

import pytest

from storylens.compare.pair_model import (
    PAIR_FEATURES,
    load_pair_model,
    pair_model_from_json,
)


def _pair(**values: float) -> list[float]:
    return [values.get(name, 0.0) for name in PAIR_FEATURES]


def test_shipped_model_round_trips_through_json():
    model = load_pair_model()
    assert pair_model_from_json(model.to_json()) == model
    assert 0.0 < model.mutual <= model.link < 1.0
    assert 0.0 < model.restate < 1.0


def test_more_agreement_means_a_likelier_pair():
    model = load_pair_model()
    loose = _pair(cosine=0.55, agreement=0.35, words=0.05, behind_most=0.2, distance=0.5)
    close = _pair(cosine=0.80, agreement=0.70, words=0.40, mutual=1.0, distance=0.05)
    assert model.probability(close) > model.link > model.probability(loose)


def test_being_behind_another_match_lowers_the_probability():
    model = load_pair_model()
    best = _pair(cosine=0.7, agreement=0.5, mutual=1.0)
    behind = _pair(cosine=0.7, agreement=0.5, behind_most=0.4, behind_least=0.2)
    assert model.probability(best) > model.probability(behind)


def test_a_model_for_other_features_is_refused():
    data = load_pair_model().to_json()
    data["features"] = ["cosine"]
    with pytest.raises(ValueError, match="features"):
        pair_model_from_json(data)
