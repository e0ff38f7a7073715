"""The fact-pair model: how likely two facts of different articles report the same thing.

``p = sigmoid(bias + Σ coef · (x − mean) / scale)`` over `PAIR_FEATURES`: the facts' cosine,
their word-by-word agreement, shared rare stems and entities, an equal count or date, how far
the pair is behind each fact's best match in the other article, whether both hold quotes, and
how far apart they stand in their articles. Fitted by ``bench/alignment_fit.py`` (logistic
regression, story-grouped cross-validation) on the hand-judged BASIL tuning stories, never on
the held-out ones, and shipped as ``resources/alignment/pair_model.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

PAIR_FEATURES = (
    "cosine",
    "agreement",
    "words",
    "entities",
    "numbers",
    "behind_most",
    "behind_least",
    "mutual",
    "quotes",
    "speaker",
    "distance",
)
"""The features of a fact pair, in the order `PairModel.probability` reads them.

- ``cosine``: cosine of the two fact vectors;
- ``agreement``: word-by-word agreement in context (`word_agreement`, BERTScore F1);
- ``words`` / ``entities``: IDF-weighted overlap of content stems / merged entities;
- ``numbers``: 1 when the facts give the same count or date;
- ``behind_most`` / ``behind_least``: how far (cosine + agreement) the pair is behind the best
  match of either fact in the other's article, the larger and the smaller of the two (0 for a
  mutual best match);
- ``mutual``: 1 for a mutual best match (each fact is the other's best in its article);
- ``quotes``: 1 when both facts hold quoted words;
- ``speaker``: 1 when quotes in both facts are attributed to the same person (merged entity);
- ``distance``: how far apart the facts stand, as shares of their articles (0 = same place).
"""


@dataclass(**_FROZEN)
class PairModel:
    """A logistic model over `PAIR_FEATURES`, with the probabilities a link and a restatement need.

    Attributes:
        bias: the intercept.
        coef: a weight per feature (standardised features).
        mean: each feature's mean on the training pairs.
        scale: each feature's standard deviation on the training pairs.
        link: the probability a pair needs to be linked.
        mutual: the probability a mutual best match needs (the pair each fact would choose).
        restate: the probability a link needs to make a lone fact a restatement.
    """

    bias: float
    coef: Mapping[str, float]
    mean: Mapping[str, float]
    scale: Mapping[str, float]
    link: float
    mutual: float
    restate: float

    def probability(self, features: Sequence[float]) -> float:
        """The probability that a pair with these `PAIR_FEATURES` values is one fact.

        >>> model = PairModel(bias=0.0, coef={"cosine": 2.0}, mean={}, scale={},
        ...     link=0.5, mutual=0.5, restate=0.9)
        >>> round(model.probability([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 3)
        0.731
        """
        return float(self.probabilities(np.array([features], dtype=np.float64))[0])

    def probabilities(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """`probability` of every row of a pairs × `PAIR_FEATURES` matrix, at once.

        Raises ``IndexError`` when a row does not hold one value per feature.

        >>> model = PairModel(bias=0.0, coef={"cosine": 2.0}, mean={}, scale={},
        ...     link=0.5, mutual=0.5, restate=0.9)
        >>> model.probabilities(np.array([[0.5] + [0.0] * 10])).round(3).tolist()
        [0.731]
        """
        coef = np.array([self.coef.get(name, 0.0) for name in PAIR_FEATURES])
        mean = np.array([self.mean.get(name, 0.0) for name in PAIR_FEATURES])
        scale = np.array([self.scale.get(name, 1.0) for name in PAIR_FEATURES])
        used = coef != 0.0
        z = self.bias + ((features[:, used] - mean[used]) / scale[used]) @ coef[used]
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def to_json(self) -> dict[str, object]:
        """The model as the JSON object `load_pair_model` reads."""
        return {
            "features": list(PAIR_FEATURES),
            "bias": self.bias,
            "coef": dict(self.coef),
            "mean": dict(self.mean),
            "scale": dict(self.scale),
            "link": self.link,
            "mutual": self.mutual,
            "restate": self.restate,
        }


def pair_model_from_json(data: Mapping[str, Any]) -> PairModel:
    """A `PairModel` from its JSON object; its feature list must be `PAIR_FEATURES`."""
    if tuple(data["features"]) != PAIR_FEATURES:
        raise ValueError(f"pair model features {data['features']} are not {list(PAIR_FEATURES)}")
    return PairModel(
        bias=float(data["bias"]),
        coef=dict(data["coef"]),
        mean=dict(data["mean"]),
        scale=dict(data["scale"]),
        link=float(data["link"]),
        mutual=float(data.get("mutual", data["link"])),
        restate=float(data["restate"]),
    )


@cache
def load_pair_model() -> PairModel:
    """The shipped pair model (``resources/alignment/pair_model.json``)."""
    path = resources.files("storylens") / "resources" / "alignment" / "pair_model.json"
    return pair_model_from_json(json.loads(path.read_text(encoding="utf-8")))
