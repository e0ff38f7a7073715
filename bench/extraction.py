"""Body extraction on article-extraction-dev, scored as the benchmark's evaluate.py scores it.

Usage: .venv/bin/python bench/extraction.py [--bootstrap 1000] [--out bench/out/extraction.json]

Rows:
- ``trafilatura (as storylens calls it)``: the text `storylens.ingest.html.read_html` returns.
- ``storylens body``: that text after `clean_article`: the body paragraphs only (debris,
  captions, credits, bylines and the title line removed), i.e. what analysis sees.
- ``trafilatura 2.x defaults``: `trafilatura.extract(html)` with its defaults, the benchmark's
  own configuration, as a peer run in the same script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
try:
    from tests.conftest import DATA  # type: ignore[attr-defined]
except ImportError:  # before the shared DATA path landed in tests/conftest.py
    import os

    DATA = Path(os.environ.get("STORYLENS_DATA", ROOT.parent / "shared" / "data"))

SET = DATA / "article-extraction-dev"
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(pred: str, true: str) -> tuple[float | None, float | None, bool]:
    p, t = shingles(pred), shingles(true)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    precision = None if tp + fp == 0 else (1.0 if fp == 0 else tp / (tp + fp))
    recall = None if tp + fn == 0 else (1.0 if fn == 0 else tp / (tp + fn))
    exact = _TOKEN.findall(pred) == _TOKEN.findall(true)
    return precision, recall, exact


def summarise(rows: list[tuple[float | None, float | None, bool]]) -> dict[str, float]:
    ps = [p for p, _, _ in rows if p is not None]
    rs = [r for _, r, _ in rows if r is not None]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for *_, e in rows if e) / len(rows)
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy}


def bootstrap(rows: list[tuple[float | None, float | None, bool]], n: int) -> dict[str, float]:
    rng = random.Random(0)
    draws = [summarise([rng.choice(rows) for _ in rows]) for _ in range(n)]
    out = {}
    for key in ("f1", "precision", "recall", "accuracy"):
        values = [d[key] for d in draws]
        mean = sum(values) / n
        out[key] = (sum((v - mean) ** 2 for v in values) / n) ** 0.5
    return out


def load() -> tuple[dict[str, str], dict[str, str]]:
    truth = json.loads((SET / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((SET / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in sorted(truth)
    }
    return pages, {k: v["articleBody"] for k, v in truth.items()}


def storylens_raw(html: str) -> str:
    from storylens.ingest.html import read_html

    page = read_html(html, input_name="page.html")
    return getattr(page, "text", "")


def storylens_body(html: str) -> str:
    from storylens.clean.article import body_text, clean_article
    from storylens.ingest.html import read_html
    from storylens.model import Issue

    page = read_html(html, input_name="page.html")
    if isinstance(page, Issue):
        return ""
    return body_text(clean_article(page))


def trafilatura_defaults(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "trafilatura (as storylens calls it)": storylens_raw,
    "storylens body": storylens_body,
    "trafilatura 2.x defaults": trafilatura_defaults,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "extraction.json")
    args = parser.parse_args()
    pages, truth = load()
    results = {}
    for name, system in SYSTEMS.items():
        rows = [page_scores(system(pages[k]), truth[k]) for k in sorted(pages)]
        figures = summarise(rows)
        spread = bootstrap(rows, args.bootstrap)
        results[name] = {"figures": figures, "std": spread, "pages": len(rows)}
        cells = " | ".join(
            f"{figures[k]:.3f} ± {spread[k]:.3f}" for k in ("f1", "precision", "recall", "accuracy")
        )
        print(f"| {name} | {cells} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
