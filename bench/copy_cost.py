"""Per-article cost of copy detection: signing, band keys stored, and band lookups as a store grows.

Usage: .venv/bin/python bench/copy_cost.py [--articles 20000]

The PolNeAR dev and train texts are cleaned and signed (`cluster.syndication.sign_article`,
timed per article). Their signatures are then written into a real store file
(`Store.insert_signature`: one `minhash_signatures` row and one `minhash_bands` row per band
key) and looked up (`Store.band_candidates`, what ingest asks for each new article), cycling
through the signed articles until ``--articles`` are stored; each text appears many times, so
lookups find many candidates, which `MAX_CANDIDATES` caps. Reported per article: signing
time, band keys written, insert and lookup time per 1,000-article step, and the store's bytes
per article for the band table and its index (sqlite dbstat where available, else file size).
Timing is wall-clock on a shared machine: compare steps within one run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import DATA  # noqa: E402


def main() -> None:
    from storylens.clean import clean_article
    from storylens.cluster.syndication import sign_article
    from storylens.model import InputFormat, RawArticle
    from storylens.store.database import Store

    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    paths = sorted((DATA / "polnear").glob("*/text/*.txt"))
    signatures = []
    signing = 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        raw = RawArticle(id=path.stem, input=str(path), format=InputFormat.TEXT, text=text)
        article = clean_article(raw)
        start = time.perf_counter()
        signature = sign_article(article)
        signing += time.perf_counter() - start
        if signature.bands:
            signatures.append(signature)
    steps = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "copies.db"
        with Store(db) as store:
            store.connection.execute("PRAGMA foreign_keys = OFF")
            done = 0
            while done < args.articles:
                insert = lookup = 0.0
                with store.transaction():
                    for _ in range(1000):
                        signature = signatures[done % len(signatures)]
                        start = time.perf_counter()
                        store.band_candidates(list(signature.bands))
                        lookup += time.perf_counter() - start
                        start = time.perf_counter()
                        store.insert_signature(
                            done + 1, signature=signature.values, bands=signature.bands
                        )
                        insert += time.perf_counter() - start
                        done += 1
                # seconds per 1,000 articles = milliseconds per article
                steps.append(
                    {
                        "stored": done,
                        "insert_ms_per_article": round(insert, 3),
                        "lookup_ms_per_article": round(lookup, 3),
                    }
                )
            bands_bytes = _table_bytes(store, ("minhash_bands", "minhash_bands_key"))
            rows = store.connection.execute("SELECT count(*) FROM minhash_bands").fetchone()[0]
        file_bytes = db.stat().st_size
    result = {
        "texts_signed": len(paths),
        "sign_ms_per_article": round(1000 * signing / len(paths), 3),
        "band_keys_per_article": round(sum(len(s.bands) for s in signatures) / len(signatures), 1),
        "band_rows_stored": int(rows),
        "band_table_and_index_bytes_per_article": (
            round(bands_bytes / args.articles, 1) if bands_bytes else None
        ),
        "store_file_bytes_per_article": round(file_bytes / args.articles, 1),
        "steps_of_1000": [steps[0], steps[len(steps) // 2], steps[-1]],
    }
    print(json.dumps(result, indent=1))


def _table_bytes(store: object, names: tuple[str, ...]) -> int | None:
    """Bytes of the named tables and indexes (sqlite's dbstat), or None when not compiled in."""
    import sqlite3

    connection: sqlite3.Connection = store.connection  # type: ignore[attr-defined]
    try:
        marks = ",".join("?" * len(names))
        row = connection.execute(
            f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({marks})", names
        ).fetchone()
    except sqlite3.Error:
        return None
    return int(row[0]) if row and row[0] else None


if __name__ == "__main__":
    main()
