"""List every conflict storylens detects on a corpus, with each side's sentence, for reading.

There is no conflict gold for BASIL dev or for the ECB+ stories outside the judged eight
(`bench/compare_judged.py` scores those). This script prints each detected conflict (kind,
subject, each side's outlet, value and sentence) so that a reader can judge it; the counts in
bench/README.md ("read by the developer") come from this output and are one judgement by
someone who saw the system output, not a blind gold.

    .venv/bin/python bench/compare_conflicts.py basil          # the 50 BASIL dev stories
    .venv/bin/python bench/compare_conflicts.py ecbplus 1-12   # every ECB+ story of topics 1-12

Analyses are cached in the system temp folder under a digest of the analysing code
(`compare_ecbplus.source_key`), vectors in the ECB+ bench's store.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compare_ecbplus
from compare_ecbplus import DATA, VECTORS, source_key

from storylens.compare import Comparison, compare_analyses
from storylens.embedding import default_encoder
from storylens.model import Analysis
from storylens.pipeline import analyze_articles, read_articles
from storylens.store import CachedEncoder, Store

BASIL = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil-dev" / "articles.jsonl"


def basil_stories() -> dict[str, list[Analysis]]:
    """BASIL dev's stories, each article through the real pipeline (cached)."""
    cache = Path(tempfile.gettempdir()) / f"storylens_basil_conflicts_{source_key()}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    records = [json.loads(line) for line in BASIL.open(encoding="utf-8")]
    keep = ("id", "title", "outlet", "text", "date")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "basil.jsonl"
        path.write_text("\n".join(json.dumps({k: r[k] for k in keep}) for r in records))
        analysed = {a.article.id: a for a in analyze_articles(read_articles([str(path)]))}
    stories: dict[str, list[Analysis]] = {}
    for record in records:
        if record["id"] in analysed:
            stories.setdefault(record["story_id"], []).append(analysed[record["id"]])
    cache.write_bytes(pickle.dumps(stories))
    return stories


def ecbplus_stories(first: int, last: int) -> dict[str, list[Analysis]]:
    """The ECB+ stories of topics ``first``..``last`` (cached as the ECB+ bench caches them)."""
    records = [json.loads(line) for line in (DATA / "articles.jsonl").open(encoding="utf-8")]
    records = [r for r in records if first <= int(r["story_id"].split("_")[0]) <= last]
    by_id = compare_ecbplus.analyses(records)
    stories: dict[str, list[Analysis]] = {}
    for record in records:
        stories.setdefault(record["story_id"], []).append(by_id[record["id"]])
    return stories


def show(story: str, comparison: Comparison) -> None:
    outlet = {ref.id: ref.label for ref in comparison.articles}
    print(f"{story}: {len(comparison.articles)} articles, {len(comparison.conflicts)} conflicts")
    for conflict in comparison.conflicts:
        print(f"  {conflict.id} {conflict.kind.value}: {conflict.subject}")
        for side in conflict.sides:
            sentence = " ".join(side.sentence.text.split())[:240]
            print(f"     [{outlet[side.article_id]}] {side.value!r}: {sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", choices=("basil", "ecbplus"))
    parser.add_argument("topics", nargs="?", default="1-12", help="ECB+ topics, e.g. 1-12")
    args = parser.parse_args()
    if args.corpus == "basil":
        stories = basil_stories()
    else:
        first, _, last = args.topics.partition("-")
        stories = ecbplus_stories(int(first), int(last or first))
    total = 0
    with Store(VECTORS) as store:
        encoder = CachedEncoder(default_encoder(), store)
        for story in sorted(stories):
            comparison = compare_analyses(stories[story], encoder=encoder)
            total += len(comparison.conflicts)
            if comparison.conflicts:
                show(story, comparison)
    print(f"{len(stories)} stories, {total} conflicts")


if __name__ == "__main__":
    main()
