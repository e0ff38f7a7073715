"""storylens's own plain-text debris removal, on plain-text scrapes made from real pages.

Usage: .venv/bin/python bench/debris_text.py [--context 12] [--sample 20]

Scrapes: for each article-extraction-dev page, its visible text (scripts and styles dropped),
one line per block element, cut to the article region with ``--context`` lines of page
furniture before the first and after the last article line: what a user who copies or scrapes
the text of a page gets. storylens reads each scrape as a .txt file (no URL, no metadata).

Line labels come from the benchmark's human-made article bodies: a line is *article* when at
least 60 % of its word 4-grams (all its words, for lines under 4 words) occur in the page's
gold body, else *debris*. (So the judgement is the benchmark annotators', applied by rule; no
second judgement was made.) A line storylens keeps out of the body paragraphs (debris,
byline, caption, credit, sources line or the title line) counts as removed.

Also reported: outlet and date found from the text alone, against bench/gold/page_metadata.json.

``--cv``: 5-fold cross-validation over pages (seeded shuffle) of the two thresholds of the
outside-article rule (`PROSE_WORDS`, `EDGE_WORDS` in storylens.clean.region): each fold's
pair is the one with the best F0.5 of removal (precision weighted: a removed article line is
worse than a kept debris line) on the other four folds; the held-out counts are pooled.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import DATA  # noqa: E402

SET = DATA / "article-extraction-dev"
GOLD = ROOT / "bench" / "gold" / "page_metadata.json"
_TOKEN = re.compile(r"\w+")


def page_lines(html: str) -> list[str]:
    import lxml.html

    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    block = {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figcaption",
        "td",
        "th",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "tr",
        "pre",
        "caption",
        "figure",
        "ul",
        "ol",
        "form",
        "main",
    }
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in block:
            node.text = "\n" + (node.text or "")
            node.tail = "\n" + (node.tail or "")
        elif node.tag == "br":
            node.tail = "\n" + (node.tail or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def grams(tokens: list[str]) -> list[tuple[str, ...]]:
    if len(tokens) < 4:
        return [tuple(tokens)] if tokens else []
    return [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]


def is_article(line: str, gold_grams: set[tuple[str, ...]], gold_text: set[str]) -> bool:
    tokens = _TOKEN.findall(line)
    if len(tokens) < 4:  # a short line is article text only as a whole line of the body
        return bool(tokens) and " ".join(tokens) in gold_text
    mine = grams(tokens)
    return sum(g in gold_grams for g in mine) / len(mine) >= 0.6


def scrape(html: str, gold_body: str, context: int) -> tuple[list[str], list[bool]]:
    gold_tokens = _TOKEN.findall(gold_body)
    gold_grams = set(grams(gold_tokens))
    gold_text = {" ".join(_TOKEN.findall(line)) for line in gold_body.splitlines()}
    lines = page_lines(html)
    labels = [is_article(line, gold_grams, gold_text) for line in lines]
    if not any(labels):
        return [], []
    first = labels.index(True)
    last = len(labels) - 1 - labels[::-1].index(True)
    lo, hi = max(0, first - context), min(len(lines), last + context + 1)
    return lines[lo:hi], labels[lo:hi]


def removed_lines(text: str) -> tuple[list[int], object]:
    """Line numbers storylens keeps out of the body, and the article."""
    from storylens.clean import clean_article
    from storylens.model import InputFormat, RawArticle

    article = clean_article(
        RawArticle(id="x", input="scrape.txt", format=InputFormat.TEXT, text=text)
    )
    starts = [m.start() for m in re.finditer(r"^", text, re.M)]
    body = {p for para in article.paragraphs for p in range(para.start, para.end)}
    out = []
    for number, start in enumerate(starts):
        line = text[start:].split("\n", 1)[0]
        first_char = start + (len(line) - len(line.lstrip()))
        if line.strip() and first_char not in body:
            out.append(number)
    return out, article


PROSE_GRID = (6, 8, 10, 12, 15, 20)
EDGE_GRID = (0, 3, 4, 6)


def page_counts(scrapes: list[tuple[str, list[str], list[bool]]]) -> dict[str, Counter[str]]:
    """Per page: removed/kept x debris/article line counts."""
    out: dict[str, Counter[str]] = {}
    for page_id, lines, labels in scrapes:
        gone = set(removed_lines("\n".join(lines) + "\n")[0])
        tally: Counter[str] = Counter()
        for number, is_body in enumerate(labels):
            key = ("removed" if number in gone else "kept") + ("_article" if is_body else "_debris")
            tally[key] += 1
        out[page_id] = tally
    return out


def removal_scores(tally: Counter[str], beta: float = 1.0) -> tuple[float, float, float]:
    """Precision, recall and F-beta of removed lines."""
    hit, wrong, missed = tally["removed_debris"], tally["removed_article"], tally["kept_debris"]
    precision, recall = hit / max(1, hit + wrong), hit / max(1, hit + missed)
    b2 = beta * beta
    return precision, recall, (1 + b2) * precision * recall / max(1e-9, b2 * precision + recall)


def cross_validate(scrapes: list[tuple[str, list[str], list[bool]]]) -> dict[str, object]:
    """Thresholds chosen on four folds of pages, scored on the fifth; pooled held-out counts."""
    import storylens.clean.region as debris

    grid = [(p, e) for p in PROSE_GRID for e in EDGE_GRID]
    by_pair = {}
    for prose, edge in grid:
        debris.PROSE_WORDS, debris.EDGE_WORDS = prose, edge
        by_pair[(prose, edge)] = page_counts(scrapes)
    ids = sorted(page_id for page_id, _, _ in scrapes)
    random.Random(0).shuffle(ids)
    folds = [set(ids[k::5]) for k in range(5)]
    pooled: Counter[str] = Counter()
    chosen = []

    def total(pair: tuple[int, int], pages: set[str]) -> Counter[str]:
        return sum((by_pair[pair][p] for p in pages), Counter())

    for fold in folds:
        train = set(ids) - fold
        best = max(grid, key=lambda pair: removal_scores(total(pair, train), 0.5)[2])
        chosen.append(best)
        pooled += total(best, fold)
    precision, recall, _ = removal_scores(pooled)
    every = set(ids)
    final = max(grid, key=lambda pair: removal_scores(total(pair, every), 0.5)[2])
    final_p, final_r, _ = removal_scores(total(final, every))
    return {
        "chosen_per_fold": chosen,
        "held_out_precision": round(precision, 4),
        "held_out_recall": round(recall, 4),
        "chosen_on_all_pages": final,
        "all_pages_precision": round(final_p, 4),
        "all_pages_recall": round(final_r, 4),
    }


def main() -> None:
    from storylens.outlets import builtin_table, name_key

    parser = argparse.ArgumentParser()
    parser.add_argument("--context", type=int, default=12)
    parser.add_argument("--sample", type=int, default=20, help="removed/kept lines to print")
    parser.add_argument(
        "--no-runs", action="store_true", help="no rules over neighbouring lines (runs, lists)"
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate the region thresholds")
    args = parser.parse_args()
    if args.cv:
        truth = json.loads((SET / "ground-truth.json").read_text(encoding="utf-8"))
        scrapes = []
        for page_id in sorted(truth):
            html = gzip.decompress((SET / "html" / f"{page_id}.html.gz").read_bytes()).decode()
            lines, labels = scrape(html, truth[page_id]["articleBody"], args.context)
            if lines:
                scrapes.append((page_id, lines, labels))
        print(json.dumps(cross_validate(scrapes), indent=1))
        return
    if args.no_runs:
        import storylens.clean.article as cleaning

        for name in ("run_debris", "related_lists", "teaser_lists"):
            setattr(cleaning, name, lambda lines, **_: {})
    truth = json.loads((SET / "ground-truth.json").read_text(encoding="utf-8"))
    meta = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    table = builtin_table()
    tally: Counter[str] = Counter()
    examples: dict[str, list[str]] = {"false_removal": [], "missed_debris": []}
    outlet_ok = date_ok = dated = pages = 0
    for page_id in sorted(truth):
        html = gzip.decompress((SET / "html" / f"{page_id}.html.gz").read_bytes()).decode()
        lines, labels = scrape(html, truth[page_id]["articleBody"], args.context)
        if not lines:
            continue
        pages += 1
        text = "\n".join(lines) + "\n"
        removed, article = removed_lines(text)
        gone = set(removed)
        for number, (line, is_body) in enumerate(zip(lines, labels, strict=True)):
            key = ("removed" if number in gone else "kept") + ("_article" if is_body else "_debris")
            tally[key] += 1
            if key == "removed_article":
                examples["false_removal"].append(line[:100])
            elif key == "kept_debris":
                examples["missed_debris"].append(line[:100])
        gold = meta[page_id]
        outlet_ok += name_key(table.canonical(article.outlet)) == name_key(gold["outlet"])
        if gold["published"]:
            dated += 1
            day = article.published.date().isoformat() if article.published else None
            date_ok += day in gold["published"]
        tally[f"outlet_evidence:{article.outlet_evidence.value}"] += 1
        tally[f"date_evidence:{article.published_evidence.value}"] += 1
    removed_debris, removed_article = tally["removed_debris"], tally["removed_article"]
    debris = removed_debris + tally["kept_debris"]
    result = {
        "pages": pages,
        "lines": sum(v for k, v in tally.items() if k.startswith(("removed_", "kept_"))),
        "debris_lines": debris,
        "removal_precision": round(removed_debris / max(1, removed_debris + removed_article), 4),
        "removal_recall": round(removed_debris / max(1, debris), 4),
        "article_lines_kept": round(
            tally["kept_article"] / max(1, tally["kept_article"] + removed_article), 4
        ),
        "outlet_from_text_alone": round(outlet_ok / pages, 4),
        "date_from_text_alone": round(date_ok / max(1, dated), 4),
        "counts": dict(sorted(tally.items())),
    }
    print(json.dumps(result, indent=1))
    rng = random.Random(0)
    for kind, lines in examples.items():
        print(f"\n{kind} (sample of {min(args.sample, len(lines))} of {len(lines)}):")
        for line in rng.sample(lines, min(args.sample, len(lines))):
            print("  ", line)
    out = ROOT / "bench" / "out" / "debris_text.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
