"""Outlet and publication-date accuracy on the 120 real pages of article-extraction-dev.

Usage: .venv/bin/python bench/page_metadata.py [--errors]

Gold: bench/gold/page_metadata_adjudicated.json (two blind judgements, adjudicated; see its
"about" and bench/gold/entity_date_page_guides.md). Each page is read as
storylens reads an .html file (`read_html` then `clean_article`), with no other metadata given.
- outlet, strict: storylens's outlet is the judged publication name (compared by
  `storylens.outlets.name_key`, after the alias table);
- outlet, site identified: strict, or storylens gave the page's bare domain (right site,
  no name);
- date: storylens's publication day is one of the judged days (the declared date in its own
  offset or in UTC); pages whose gold has no date are left out and counted.
Peer: htmldate (the date library trafilatura uses) `find_date(html, original_date=True)`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import DATA  # noqa: E402

SET = DATA / "article-extraction-dev"
GOLD = ROOT / "bench" / "gold" / "page_metadata_adjudicated.json"


def main() -> None:
    from htmldate import find_date

    from storylens.clean import clean_article
    from storylens.ingest.html import read_html
    from storylens.model import Issue
    from storylens.outlets import builtin_table, name_key

    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    table = builtin_table()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    strict = lenient = dated = date_ok = peer_ok = 0
    evidence: Counter[str] = Counter()
    errors = []
    for page_id, truth in sorted(gold.items()):
        html = gzip.decompress((SET / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        raw = read_html(html, input_name=f"{page_id}.html")
        article = None if isinstance(raw, Issue) else clean_article(raw)
        outlet = article.outlet if article else ""
        same = name_key(table.canonical(outlet)) == name_key(table.canonical(truth["outlet"]))
        host = truth["host"].removeprefix("www.")
        strict += same
        lenient += same or outlet.lower() == host
        if not same:
            errors.append(("outlet", page_id[:10], truth["outlet"], outlet))
        if article:
            evidence[f"outlet:{article.outlet_evidence.value}"] += 1
            evidence[f"date:{article.published_evidence.value}"] += 1
        if truth["published"] is None:
            continue
        dated += 1
        day = article.published.date().isoformat() if article and article.published else None
        date_ok += day in truth["published"]
        peer_ok += (find_date(html, original_date=True) or "") in truth["published"]
        if day not in truth["published"]:
            errors.append(("date", page_id[:10], truth["published"], day))
    pages = len(gold)
    result = {
        "pages": pages,
        "outlet_strict": round(strict / pages, 4),
        "outlet_site_identified": round(lenient / pages, 4),
        "dated_pages": dated,
        "date_accuracy": round(date_ok / dated, 4),
        "htmldate_peer_date_accuracy": round(peer_ok / dated, 4),
        "evidence": dict(sorted(evidence.items())),
    }
    print(json.dumps(result, indent=1))
    if args.errors:
        for error in errors:
            print(*error, sep=" | ")
    out = ROOT / "bench" / "out" / "page_metadata.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**result, "errors": errors}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
