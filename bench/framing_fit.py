"""Fit the loaded-language scorer on basil-dev, honestly: story-grouped cross-validation.

Rows are words (the cues of `storylens.framing.cues.sentence_cues`); a word is positive when it
overlaps a BASIL ``lex`` span. One fit, on a set of training stories:

1. the word table: per word, the smoothed log-odds of being inside a lex span,
   ``log((pos + m·p0) / (n + m) / p0)`` (m = SMOOTHING, p0 the base rate), kept when |value| is
   at least MIN_PRIOR;
2. the logistic model over the cues, the ``word_prior`` cue filled *out of fold* (an inner
   story-grouped split of the training stories), so the model learns how far to trust the
   table on stories it has not seen;
3. the thresholds: the best sentence-level F1 of those out-of-fold word scores on the training
   stories (a sentence is loaded when its best word reaches ``threshold``), then the best
   word-level F1 inside loaded sentences (``phrase_threshold``).

`cross_validate` repeats the fit on 4/5 of the stories and scores the held-out fifth with the
real `find_loaded_language`; the weights shipped are one fit on all of basil-dev.
Used by ``bench/framing_quality.py --fit``; needs scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from storylens.framing.cues import FEATURES, sentence_cues, strong_evidence
from storylens.framing.scorer import Weights, word_prior
from storylens.framing.voice import find_quotations

SMOOTHING = 20.0
MIN_PRIOR = 0.3
FOLDS = 5
INNER_FOLDS = 4
C = 0.3
CLASS_WEIGHT: str | None = "balanced"
PRIOR = FEATURES.index("word_prior")


def word_rows(corpus):
    """One row per word: story, article, sentence, key, values, label."""
    rows = []
    for art in corpus:
        quotes = find_quotations(art["text"])
        gold = [a["span"] for a in art["anns"] if a["bias"] == "lex"]
        for k, sent in enumerate(art["spans"]):
            for cue in sentence_cues(art["text"], sent, quotes, position=k):
                label = any(cue.start < e and s < cue.end for s, e in gold)
                rows.append((art["story_id"], art["id"], k, cue.key, cue.values, int(label)))
    return rows


def word_table(rows):
    """The smoothed log-odds table of the words in ``rows`` (entries with |value| >= MIN_PRIOR)."""
    n, pos = Counter(), Counter()
    for row in rows:
        n[row[3]] += 1
        pos[row[3]] += row[5]
    p0 = max(sum(pos.values()), 1) / max(sum(n.values()), 1)
    table = {}
    for key, count in n.items():
        value = math.log((pos[key] + SMOOTHING * p0) / (count + SMOOTHING) / p0)
        if abs(value) >= MIN_PRIOR:
            table[key] = round(value, 2)
    return table


def _story_folds(stories, folds):
    ordered = sorted(stories)
    return [set(ordered[i::folds]) for i in range(folds)]


def matrix(rows, table):
    """The feature matrix of ``rows`` with ``word_prior`` from ``table``."""
    x = np.array([row[4] for row in rows], dtype=float)
    x[:, PRIOR] = [word_prior(row[3], table) for row in rows]
    return x


def out_of_fold_matrix(rows):
    """Feature matrix whose ``word_prior`` comes from tables that never saw the row's story."""
    x = np.array([row[4] for row in rows], dtype=float)
    for held in _story_folds({row[0] for row in rows}, INNER_FOLDS):
        table = word_table([row for row in rows if row[0] not in held])
        for i, row in enumerate(rows):
            if row[0] in held:
                x[i, PRIOR] = word_prior(row[3], table)
    return x


def best_threshold(rows, scores):
    """The threshold with the best sentence F1, a sentence flagged by its best word."""
    best, gold = defaultdict(float), set()
    for row, s in zip(rows, scores, strict=True):
        key = (row[1], row[2])
        best[key] = max(best[key], 1.0 if strong_evidence(row[4]) else s)
        if row[5]:
            gold.add(key)
    keys = list(best)
    top = np.array([best[k] for k in keys])
    is_gold = np.array([k in gold for k in keys])

    def f1(t):
        flagged = top >= t
        tp = int((flagged & is_gold).sum())
        return 2 * tp / (int(flagged.sum()) + len(gold)) if tp else 0.0

    grid = [round(1 / (1 + math.exp(-0.1 * z)), 4) for z in range(-100, 101)]
    return max(grid, key=f1)


def best_phrase_threshold(rows, scores, threshold):
    """The word threshold (at most ``threshold``) with the best word-level F1 in the sentences
    ``threshold`` flags; the sentence figures do not depend on it."""
    best = defaultdict(float)
    for row, s in zip(rows, scores, strict=True):
        best[(row[1], row[2])] = max(best[(row[1], row[2])], s)
    live = np.array([best[(row[1], row[2])] >= threshold for row in rows])
    y = np.array([row[5] for row in rows], dtype=bool)
    s = np.asarray(scores)

    def f1(t):
        flagged = live & (s >= t)
        tp = int((flagged & y).sum())
        return 2 * tp / (int(flagged.sum()) + int(y.sum())) if tp else 0.0

    grid = [round(1 / (1 + math.exp(-0.1 * z)), 4) for z in range(-100, 101)]
    return max((t for t in grid if t <= threshold), key=f1)


def fit(rows, features=FEATURES):
    """Weights fitted on ``rows`` (steps 1-3 of the module docstring)."""
    from sklearn.linear_model import LogisticRegression

    use = [FEATURES.index(f) for f in features]
    x = out_of_fold_matrix(rows)[:, use]
    y = np.array([row[5] for row in rows])
    model = LogisticRegression(C=C, max_iter=2000, class_weight=CLASS_WEIGHT).fit(x, y)
    scores = model.predict_proba(x)[:, 1]
    threshold = best_threshold(rows, scores)
    phrase = best_phrase_threshold(rows, scores, threshold)
    coef = {f: round(float(c), 4) for f, c in zip(features, model.coef_[0], strict=True)}
    return Weights(
        bias=round(float(model.intercept_[0]), 4),
        coef=coef,
        threshold=threshold,
        phrase_threshold=phrase,
        words=word_table(rows),
    )


def cross_validate(corpus, rows, run_method, score, features=FEATURES):
    """Story-grouped CV: (scores of the held-out predictions, the per-fold weights)."""
    predicted, fitted = {}, []
    for held in _story_folds({a["story_id"] for a in corpus}, FOLDS):
        weights = fit([row for row in rows if row[0] not in held], features)
        fitted.append(weights)
        predicted |= run_method([a for a in corpus if a["story_id"] in held], weights)
    return score(corpus, predicted), fitted


def to_json(weights):
    """The JSON form `storylens.framing.scorer.weights_from_json` reads."""
    return {
        "bias": weights.bias,
        "coef": dict(weights.coef),
        "threshold": weights.threshold,
        "phrase_threshold": weights.phrase_threshold,
        "words": dict(sorted(weights.words.items())),
    }
