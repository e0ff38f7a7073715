"""Loaded-language quality on basil-dev: storylens framing vs a plain lexicon and VADER.

Gold: BASIL spans with ``bias == lex``. A sentence is positive when it holds one.
Span matching: a predicted phrase is a true positive when it overlaps any gold span by at least
one character (and a gold span is recalled when any predicted phrase overlaps it); the strict
figure counts only exact ``[start, end)`` matches.
Baselines: the plain lexicon flags every word TextBlob rates subjectivity >= t; VADER flags a
sentence whose |compound| >= t (its spans: the sentence's words with |valence| >= 1). Each
baseline's t is the best on basil-dev itself (an oracle, flattering the baselines).
Every run also cross-validates the learned scorer (bench/framing_fit.py: 5 folds grouped by
story, word table, cue weights and threshold all fitted on the training folds only) and reports
the held-out figure, the honest one (``--shuffles N`` repeats it on N other story splits, to
show its spread). ``--fit`` writes the weights fitted on all of basil-dev to
resources/framing/loaded_weights.json; the shipped weights' figure on basil-dev is in-sample.

Run: .venv/bin/python bench/framing_quality.py [--fit] [--shuffles N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import framing_fit
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from storylens.framing.lexicon import load_lexicon
from storylens.framing.loaded import find_loaded_language
from storylens.framing.scorer import DEFAULT_WEIGHTS, weights_from_json
from storylens.framing.tone import sentence_tone
from storylens.framing.voice import find_quotations
from storylens.model import Span

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
OUT = ROOT / "bench" / "out"
WEIGHTS = ROOT / "src" / "storylens" / "resources" / "framing" / "loaded_weights.json"
WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


def load_corpus():
    articles = [json.loads(line) for line in (DATA / "articles.jsonl").open()]
    gold = defaultdict(list)
    for line in (DATA / "annotations.jsonl").open():
        ann = json.loads(line)
        if ann["sentence"] is not None:
            gold[ann["article_id"]].append(ann)
    corpus = []
    for art in articles:
        text, sents, index = "", [], {}
        for p, para in enumerate(art["sentences"]):
            if p:
                text += "\n\n"
            for s, sent in enumerate(para):
                if s:
                    text += " "
                index[(p, s)] = len(sents)
                sents.append(Span(start=len(text), end=len(text) + len(sent), text=sent))
                text += sent
        anns = []
        for ann in gold[art["id"]]:
            k = index[(ann["paragraph"], ann["sentence"])]
            base = sents[k].start
            anns.append({**ann, "k": k, "span": (base + ann["start"], base + ann["end"])})
        corpus.append({**art, "text": text, "spans": sents, "anns": anns})
    return corpus


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3)}


def score(corpus, predicted):
    """predicted: article id -> list of (sentence index, start, end)."""
    sent_tp = sent_pred = sent_gold = 0
    sp = [0, 0, 0, 0]  # tp predicted, n predicted, tp gold, n gold
    exact = 0
    for art in corpus:
        gold = [a for a in art["anns"] if a["bias"] == "lex"]
        gs = {a["k"] for a in gold}
        pred = predicted[art["id"]]
        ps = {k for k, _, _ in pred}
        sent_tp += len(gs & ps)
        sent_pred += len(ps)
        sent_gold += len(gs)
        spans = [a["span"] for a in gold]
        sp[0] += sum(any(s < ge and gs_ < e for gs_, ge in spans) for _, s, e in pred)
        sp[1] += len(pred)
        sp[2] += sum(any(s < ge and gs_ < e for _, s, e in pred) for gs_, ge in spans)
        sp[3] += len(spans)
        exact += len({(s, e) for _, s, e in pred} & set(spans))
    return {
        "sentence": prf(sent_tp, sent_pred, sent_tp, sent_gold),
        "span_overlap": prf(*sp),
        "span_exact": prf(exact, sp[1], exact, sp[3]),
    }


def run_method(corpus, weights):
    out = {}
    for art in corpus:
        quotes = find_quotations(art["text"])
        phrases = find_loaded_language(art["text"], art["spans"], quotes, weights=weights)
        out[art["id"]] = [(p.sentence, p.span.start, p.span.end) for p in phrases]
    return out


def run_lexicon(corpus, t):
    lex = load_lexicon()
    out = {}
    for art in corpus:
        found = []
        for k, sent in enumerate(art["spans"]):
            for m in WORD.finditer(art["text"], sent.start, sent.end):
                if lex.subjective(m.group().lower())[0] >= t:
                    found.append((k, m.start(), m.end()))
        out[art["id"]] = found
    return out


def run_vader(corpus, t, analyzer, compounds):
    lex = load_lexicon()
    out = {}
    for art in corpus:
        found = []
        for k, sent in enumerate(art["spans"]):
            key = (art["id"], k)
            if key not in compounds:
                compounds[key] = analyzer.polarity_scores(sent.text)["compound"]
            if abs(compounds[key]) < t:
                continue
            words = list(WORD.finditer(art["text"], sent.start, sent.end))
            hits = [m for m in words if abs(lex.valence.get(m.group().lower(), 0)) >= 1]
            found += [(k, m.start(), m.end()) for m in hits] or [(k, sent.start, sent.end)]
        out[art["id"]] = found
    return out


def best(corpus, runner, grid):
    scored = [(t, score(corpus, runner(t))) for t in grid]
    t, res = max(scored, key=lambda x: x[1]["sentence"]["f1"])
    return {"threshold": t, **res}


def best_by_folds(corpus, runner, grid, folds):
    """A baseline whose threshold is chosen on the other folds only, scored on each held fold."""
    runs = {t: runner(t) for t in grid}
    predicted, chosen = {}, []
    for held in folds:
        train = [a for a in corpus if a["story_id"] not in held]
        t = max(grid, key=lambda t: score(train, runs[t])["sentence"]["f1"])
        chosen.append(t)
        predicted |= {a["id"]: runs[t][a["id"]] for a in corpus if a["story_id"] in held}
    scored = [a for a in corpus if a["id"] in predicted]
    return {"thresholds": chosen, **score(scored, predicted)}


def year_split(corpus, rows, analyzer, compounds, grid):
    """Across years: leave one publication year out (fit on four years of basil-dev, score
    the fifth), and forward in time (fit on 2010-2014 only, score 2016-2018)."""
    years = framing_fit.year_folds(corpus)
    out = {}
    for name, folds in (
        ("leave a year out", years),
        ("forward 2010-14 -> 2016-18", [years[3] | years[4]]),
    ):
        model, _ = framing_fit.cross_validate(corpus, rows, run_method, score, folds=folds)
        lexicon = best_by_folds(corpus, lambda t: run_lexicon(corpus, t), [*grid[1:], 1.0], folds)
        vader = best_by_folds(
            corpus, lambda t: run_vader(corpus, t, analyzer, compounds), grid, folds
        )
        out[f"plain lexicon, {name} (t from the fitting years)"] = lexicon
        out[f"VADER, {name} (t from the fitting years)"] = vader
        out[f"storylens, learned, {name}"] = model
    return out


def target_mentions(text, sent, target):
    skip = {"and", "the", "of", "campaign", "administration", "officials", "bill", "other"}
    names = [w for w in target.split("_") if len(w) > 2 and w.lower() not in skip]
    found = []
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text[sent.start : sent.end]):
            s = sent.start + m.start()
            found.append(Span(start=s, end=s + len(name), text=name))
    return found


def tone_agreement(corpus, analyzer):
    ours = [0, 0, 0]  # agree, covered, total
    vader = [0, 0]
    per_actor = defaultdict(list)
    for art in corpus:
        for ann in art["anns"]:
            sent = art["spans"][ann["k"]]
            gold = -1 if ann["polarity"] == "neg" else 1
            mentions = target_mentions(art["text"], sent, ann["target"])
            ours[2] += 1
            compound = analyzer.polarity_scores(sent.text)["compound"]
            vader[0] += (compound < 0) == (gold < 0) and compound != 0
            vader[1] += 1
            if mentions:
                tone = sentence_tone(art["text"], sent, mentions)
                ours[1] += 1
                ours[0] += tone != 0 and (tone < 0) == (gold < 0)
            per_actor[(art["id"], ann["target"])].append(gold)
    actor = actor_agreement(corpus, per_actor)
    neg = sum(a["polarity"] == "neg" for art in corpus for a in art["anns"]) / max(ours[2], 1)
    return {
        "span_sentences": ours[2],
        "target_mentioned": ours[1],
        "ours_accuracy_where_mentioned": round(ours[0] / max(ours[1], 1), 3),
        "ours_accuracy_all": round(ours[0] / max(ours[2], 1), 3),
        "vader_sentence_accuracy": round(vader[0] / max(vader[1], 1), 3),
        "always_negative_accuracy": round(neg, 3),
        "per_article_actor": actor,
    }


def actor_agreement(corpus, per_actor):
    by_id = {a["id"]: a for a in corpus}
    agree = covered = negative = 0
    for (aid, target), golds in per_actor.items():
        art = by_id[aid]
        scores = []
        for sent in art["spans"]:
            mentions = target_mentions(art["text"], sent, target)
            if mentions:
                scores.append(sentence_tone(art["text"], sent, mentions))
        if not scores or sum(golds) == 0:
            continue
        covered += 1
        agree += (sum(scores) < 0) == (sum(golds) < 0)
        negative += sum(golds) < 0
    return {
        "pairs": len(per_actor),
        "covered": covered,
        "accuracy": round(agree / max(covered, 1), 3),
        "always_negative_accuracy": round(negative / max(covered, 1), 3),
    }


def row(name, res):
    s, o, e = res["sentence"], res["span_overlap"], res["span_exact"]
    return (
        f"{name:<48} {s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}   {o['p']:.3f} {o['r']:.3f} "
        f"{o['f1']:.3f}   {e['f1']:.3f}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="write the weights fitted on all dev")
    parser.add_argument(
        "--shuffles", type=int, default=0, help="also cross-validate on N shuffled fold splits"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus()
    analyzer = SentimentIntensityAnalyzer()
    compounds = {}
    grid = [round(0.1 * i, 1) for i in range(10)]
    results = {
        "plain lexicon (TextBlob subj >= t)": best(
            corpus, lambda t: run_lexicon(corpus, t), [*grid[1:], 1.0]
        ),
        "VADER (|compound| >= t)": best(
            corpus, lambda t: run_vader(corpus, t, analyzer, compounds), grid
        ),
        "storylens, hand-set weights": score(corpus, run_method(corpus, DEFAULT_WEIGHTS)),
    }
    rows = framing_fit.word_rows(corpus)
    cv, fitted = framing_fit.cross_validate(corpus, rows, run_method, score)
    results["storylens, learned (5-fold story CV)"] = cv
    results |= year_split(corpus, rows, analyzer, compounds, grid)
    results["folds"] = [framing_fit.to_json(w) | {"words": len(w.words)} for w in fitted]
    for seed in range(args.shuffles):
        shuffled, _ = framing_fit.cross_validate(corpus, rows, run_method, score, seed=seed)
        results[f"storylens, learned (CV, folds shuffled, seed {seed})"] = shuffled
    if args.fit:
        payload = framing_fit.to_json(framing_fit.fit(rows))
        WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n")
    if WEIGHTS.is_file():
        shipped = weights_from_json(json.loads(WEIGHTS.read_text()))
        results["storylens, shipped weights (IN-SAMPLE)"] = score(
            corpus, run_method(corpus, shipped)
        )
    results["tone"] = tone_agreement(corpus, analyzer)
    print(f"{'method':<48} sentence P/R/F1        span(overlap) P/R/F1   span exact F1")
    for name, res in results.items():
        if isinstance(res, dict) and "sentence" in res:
            print(row(name, res) + (f"   (t={res['threshold']})" if "threshold" in res else ""))
    print("tone per actor:", json.dumps(results["tone"]))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "framing_quality.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
