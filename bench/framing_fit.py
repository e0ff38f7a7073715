"""Fit the loaded-language scorer on basil-dev, honestly: story-grouped cross-validation.

Rows are words (the cues of `storylens.framing.cues.sentence_cues`); a word is positive when it
overlaps a BASIL ``lex`` span. One fit, on a set of training stories:

1. the word table: per word, the smoothed log-odds of being inside a lex span,
   ``log((pos + m·p0) / (n + m) / p0)`` (m = SMOOTHING, p0 the base rate), kept when |value| is
   at least MIN_PRIOR;
2. the logistic model over the cues, the ``word_prior`` cue filled *out of fold* (an inner
   story-grouped split of the training stories), so the model learns how far to trust the
   table on stories it has not seen;
3. the sentence model: a logistic model over a sentence's word scores (best, second best,
   how many are confident), length, lead, curated term and quoted share
   (`storylens.framing.scorer.SENTENCE_FEATURES`), fitted on those out-of-fold word scores,
   and its ``threshold``, the best sentence-level F1 on the training stories;
4. ``phrase_threshold``: the best word-level F1 inside the sentences found loaded.

`cross_validate` repeats the fit on 4/5 of the stories and scores the held-out fifth with the
real `find_loaded_language`; the weights shipped are one fit on all of basil-dev.
Used by ``bench/framing_quality.py --fit``; needs scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict

import numpy as np

from storylens.framing.cues import FEATURES, sentence_cues
from storylens.framing.scorer import SENTENCE_FEATURES, Weights, sentence_values, word_prior
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


def _story_folds(stories, folds, seed=None):
    """Stories dealt into ``folds`` sets: in sorted order, or shuffled with ``seed``."""
    ordered = sorted(stories)
    if seed is not None:
        random.Random(seed).shuffle(ordered)
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


GRID = [round(1 / (1 + math.exp(-0.1 * z)), 4) for z in range(-100, 101)]


def by_sentence(rows):
    """Row indices per (article, sentence), in order."""
    groups = defaultdict(list)
    for i, row in enumerate(rows):
        groups[(row[1], row[2])].append(i)
    return groups


def best_threshold(probs, gold):
    """The threshold with the best sentence F1 (``probs``, ``gold``: arrays over sentences)."""

    def f1(t):
        flagged = probs >= t
        tp = int((flagged & gold).sum())
        return 2 * tp / (int(flagged.sum()) + int(gold.sum())) if tp else 0.0

    return max(GRID, key=f1)


def best_phrase_threshold(rows, scores, live):
    """The word threshold with the best word-level F1 in loaded sentences (``live``: a bool
    per row); a loaded sentence's best word is flagged anyway. Sentence figures do not depend
    on it."""
    y = np.array([row[5] for row in rows], dtype=bool)
    s = np.asarray(scores)
    top = np.zeros(len(rows), dtype=bool)
    for members in by_sentence(rows).values():
        top[members[int(np.argmax(s[members]))]] = True

    def f1(t):
        flagged = live & ((s >= t) | top)
        tp = int((flagged & y).sum())
        return 2 * tp / (int(flagged.sum()) + int(y.sum())) if tp else 0.0

    return max(GRID, key=f1)


def fit_sentence_model(rows, full, scores):
    """The sentence logistic model over `SENTENCE_FEATURES`, its threshold, and per row whether
    its sentence is loaded (a sentence with a curated term always is)."""
    from sklearn.linear_model import LogisticRegression

    groups = by_sentence(rows)
    x = np.array([sentence_values(full[m].tolist(), scores[m]) for m in groups.values()])
    gold = np.array([any(rows[i][5] for i in m) for m in groups.values()])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, gold)
    probs = model.predict_proba(x)[:, 1]
    probs[x[:, SENTENCE_FEATURES.index("strong")] > 0] = 1.0
    threshold = best_threshold(probs, gold)
    live = np.zeros(len(rows), dtype=bool)
    for members, p in zip(groups.values(), probs, strict=True):
        live[members] = p >= threshold
    coef = {f: round(float(c), 4) for f, c in zip(SENTENCE_FEATURES, model.coef_[0], strict=True)}
    return {"bias": round(float(model.intercept_[0]), 4)} | coef, threshold, live


def fit(rows, features=FEATURES):
    """Weights fitted on ``rows`` (steps 1-4 of the module docstring)."""
    from sklearn.linear_model import LogisticRegression

    use = [FEATURES.index(f) for f in features]
    full = out_of_fold_matrix(rows)
    y = np.array([row[5] for row in rows])
    model = LogisticRegression(C=C, max_iter=2000, class_weight=CLASS_WEIGHT)
    model.fit(full[:, use], y)
    scores = model.predict_proba(full[:, use])[:, 1]
    sentence, threshold, live = fit_sentence_model(rows, full, scores)
    coef = {f: round(float(c), 4) for f, c in zip(features, model.coef_[0], strict=True)}
    return Weights(
        bias=round(float(model.intercept_[0]), 4),
        coef=coef,
        threshold=threshold,
        phrase_threshold=best_phrase_threshold(rows, scores, live),
        words=word_table(rows),
        sentence=sentence,
    )


def year_folds(corpus):
    """One fold per publication year: the stories of that year (BASIL stories keep one year)."""
    years = defaultdict(set)
    for article in corpus:
        years[article["date"][:4]].add(article["story_id"])
    return [years[y] for y in sorted(years)]


def cross_validate(corpus, rows, run_method, score, features=FEATURES, seed=None, folds=None):
    """Story-grouped CV: (scores of the held-out predictions, the per-fold weights).

    ``folds`` (sets of story ids) replaces the story folds, e.g. ``year_folds(corpus)``.
    """
    predicted, fitted = {}, []
    for held in folds or _story_folds({a["story_id"] for a in corpus}, FOLDS, seed):
        weights = fit([row for row in rows if row[0] not in held], features)
        fitted.append(weights)
        predicted |= run_method([a for a in corpus if a["story_id"] in held], weights)
    return score([a for a in corpus if a["id"] in predicted], predicted), fitted


def to_json(weights):
    """The JSON form `storylens.framing.scorer.weights_from_json` reads."""
    return {
        "bias": weights.bias,
        "coef": dict(weights.coef),
        "threshold": weights.threshold,
        "phrase_threshold": weights.phrase_threshold,
        "sentence": dict(weights.sentence),
        "words": dict(sorted(weights.words.items())),
    }
