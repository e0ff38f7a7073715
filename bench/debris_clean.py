"""How many real article lines storylens's plain-text cleaning removes from clean texts.

Usage: .venv/bin/python bench/debris_clean.py [--show]

The texts have no page debris: the 84 PolNeAR dev texts (``polnear/dev/text/*.txt``, read as
they are on disk, title line first) and the 150 BASIL dev articles (title, blank line, text:
what a user who saves a BASIL record as a .txt file gets). Every line of them is article
text, so every line cleaning keeps out of the body (debris, byline, caption, credit or
sources line; the title line aside) is a false removal. Counted per rule. ``--show`` prints
the removed lines (stdout only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import DATA  # noqa: E402


def texts() -> dict[str, list[tuple[str, str]]]:
    """(id, text) per corpus."""
    polnear = sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))
    basil = (DATA / "basil-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in basil if line.strip()]
    return {
        "polnear-dev": [(p.stem, p.read_text(encoding="utf-8")) for p in polnear],
        "basil-dev": [(r["id"], f"{r['title']}\n\n{r['text']}\n") for r in records],
    }


def removed(text: str) -> tuple[int, list[tuple[str, str]]]:
    """Lines of ``text`` (the title line aside) and the (rule, line) pairs kept out of the body."""
    from storylens.clean import clean_article
    from storylens.clean.lines import text_lines
    from storylens.model import InputFormat, RawArticle

    article = clean_article(
        RawArticle(id="x", input="clean.txt", format=InputFormat.TEXT, text=text)
    )
    lines = text_lines(text)
    body = {p for para in article.paragraphs for p in range(para.start, para.end)}
    rules = {d.span.start: d.rule for d in article.debris}
    out = []
    for line in lines:
        if line.start in body or (article.title_span and line.start == article.title_span.start):
            continue
        out.append((rules.get(line.start, "metadata"), line.text))
    title = 1 if article.title_span else 0
    return len(lines) - title, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print the removed lines")
    args = parser.parse_args()
    result = {}
    for corpus, items in texts().items():
        total, by_rule, shown = 0, Counter[str](), []
        for item_id, text in items:
            count, gone = removed(text)
            total += count
            by_rule.update(rule for rule, _ in gone)
            shown.extend(f"{item_id} [{rule}] {line[:110]}" for rule, line in gone)
        result[corpus] = {
            "texts": len(items),
            "lines": total,
            "removed": sum(by_rule.values()),
            "by_rule": dict(by_rule),
        }
        if args.show:
            print(f"\n{corpus}:", *shown, sep="\n  ")
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "out" / "debris_clean.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
