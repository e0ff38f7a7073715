"""`storylens serve` latency on a store of 10,000 articles: story page and API, cold and warm.

Store: BASIL dev (150 articles, 50 three-outlet stories) through the real `storylens ingest`
(analysis included), then 9,850 perturbed BASIL + PolNeAR articles through the real ingest
path with pooled MiniLM vectors (bench/cluster_scale.py's pool mode: clean, store, MinHash,
clustering for real; no analysis). Cached in bench/out/serve_10k.db (``--rebuild`` makes it
again).

Server: `storylens serve` (uvicorn, one process) on loopback. Clients: 20 threads, one HTTP
connection each (httpx), on the same 2-core machine as the server, so client work competes
with the server: the figures are upper bounds for a local user.

- computed: each of the 20 stories compared once in this process as `storylens show` does
  (MiniLM encodes every fact; the vectors are cached in the store). The server never
  writes the store, so a story nobody has shown costs this on its first request.
- cold: a fresh server (no story in memory); 20 clients each ask for a different story page
  at once (each compared on arrival from stored analyses and the store's cached vectors);
  then the same for the JSON documents on another fresh server.
- warm: the same 20 stories, 20 clients x 25 requests each in random order, for the story
  page, /api/stories/{id}, /api/stories?q=WORD and /?q=WORD (search over 10k articles).
Bounded: at most 25 requests per client per phase and 120 s per phase.

Run: .venv/bin/python bench/serve_speed.py [--rebuild]   (writes bench/out/serve_speed.json)
"""

from __future__ import annotations

import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_corpora import BASIL, OUT, PoolEncoder, perturbed_records, polnear_records

from storylens import io
from storylens.clean import clean_article
from storylens.cluster import story_text
from storylens.embedding import default_encoder
from storylens.ingest.records import read_record
from storylens.model import Article, RawArticle
from storylens.pipeline import analyze_articles
from storylens.store import CachedEncoder, CorpusWriter, Store, load_story
from storylens.store.comparison import compare_story
from storylens.store.vectors import default_model_name

DB = OUT / "serve_10k.db"
TOTAL = 10_000
CLIENTS = 20
PER_CLIENT = 25
PHASE_SECONDS = 120
STORYLENS = [sys.executable, "-c", "from storylens.cli import main; main()"]
WORDS = ["Trump", "Senate", "immigration", "Obama", "court", "Clinton", "tax", "police"]


def build_store() -> None:
    OUT.mkdir(exist_ok=True)
    for stale in DB.parent.glob(DB.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    subprocess.run(
        [*STORYLENS, "ingest", str(BASIL), "--db", str(DB), "--quiet"],
        check=True,
    )
    with BASIL.open(encoding="utf-8") as lines:
        base = [json.loads(line) for line in lines] + polnear_records()
    pool = [
        story_text(clean_article(read_record(r, input_name="pool")))
        for r in perturbed_records(base, 2000, seed=99)
    ]
    encoder = PoolEncoder(default_encoder().encode(pool))
    with Store(DB) as store:
        writer = CorpusWriter(store, encoder=encoder)
        left = TOTAL - store.count_articles()
        stream = perturbed_records(base, left)
        while batch := list(islice(stream, 64)):
            raws = [read_record(r, input_name=r["id"]) for r in batch]
            writer.add_batch([clean_article(r) for r in raws if isinstance(r, RawArticle)])
        print(f"store: {store.count_articles()} articles in {time.perf_counter() - started:.0f} s")


def analysed_stories(count: int) -> list[int]:
    """The ``count`` stories of 2+ accounts with the most analysed (BASIL) members; their
    accounts without an analysis (perturbed copies joined to them) are analysed and stored
    here, so the server compares stored analyses as it would after a full ingest."""
    with Store(DB) as store:
        rows = store.connection.execute(
            "SELECT m.story_id FROM story_members m JOIN stories s ON s.id = m.story_id"
            " LEFT JOIN analyses n ON n.article_id = m.article_id WHERE s.accounts >= 2"
            " GROUP BY m.story_id ORDER BY count(n.article_id) DESC, count(*), m.story_id"
            " LIMIT ?",
            (count,),
        ).fetchall()
        chosen = [int(r[0]) for r in rows]
        missing = store.connection.execute(
            "SELECT a.id, a.article_json FROM story_members m JOIN articles a ON a.id ="
            " m.article_id LEFT JOIN analyses n ON n.article_id = a.id LEFT JOIN syndication y"
            f" ON y.copy_id = a.id WHERE n.article_id IS NULL AND y.copy_id IS NULL"
            f" AND m.story_id IN ({','.join('?' * len(chosen))})",
            chosen,
        ).fetchall()
        articles = [io.from_json(Article, json.loads(text)) for _, text in missing]
        with store.transaction():
            for (row, _), analysis in zip(missing, analyze_articles(articles), strict=True):
                store.insert_analysis(int(row), analysis)
    print(f"analysed {len(missing)} accounts of the {len(chosen)} stories")
    return chosen


def cache_vectors(stories: list[int]) -> float:
    """Compare each story once as `storylens show` does, which caches its sentence vectors
    in the store; returns the mean seconds per story (computed, single process)."""
    started = time.perf_counter()
    with Store(DB) as store:
        encoder = CachedEncoder(default_encoder(), store, model=default_model_name())
        for story_id in stories:
            compare_story(load_story(store.connection, story_id), encoder=encoder)
    return (time.perf_counter() - started) / len(stories)


class Server:
    def __init__(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        command = [*STORYLENS, "serve", "--db", str(DB)]
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port)], stderr=subprocess.DEVNULL
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/static/storylens.css").status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # requests still computing: stop it hard
            self.process.kill()
            self.process.wait()


def run_clients(url: str, paths_per_client: list[list[str]]) -> list[float]:
    """Each client fetches its paths in order; returns every latency in ms (errors raise)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + PHASE_SECONDS

    def client(paths: list[str]) -> None:
        with httpx.Client(base_url=url, timeout=PHASE_SECONDS) as http:
            for path in paths:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        errors.append(f"{path}: {status}")

    threads = [threading.Thread(target=client, args=(p,)) for p in paths_per_client]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        print(f"{len(errors)} failed requests, first: {errors[0]}", flush=True)
    return latencies


def figures(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
        "max_ms": round(ordered[-1], 1),
    }


def warm_paths(make, rng: random.Random) -> list[list[str]]:
    return [[make(rng) for _ in range(PER_CLIENT)] for _ in range(CLIENTS)]


def main() -> None:
    if "--rebuild" in sys.argv or not DB.exists():
        build_store()
    with Store(DB):  # brings a store built by an older storylens to the current schema
        pass
    stories = analysed_stories(CLIENTS)
    with sqlite3.connect(DB) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"{articles} articles; {len(stories)} stories of 2+ accounts", flush=True)
    rng = random.Random(5)
    results: dict[str, object] = {"articles": articles, "stories": len(stories), "clients": CLIENTS}
    results["compare_seconds_per_story_in_process"] = round(cache_vectors(stories), 2)
    with Server() as server:
        results["cold_story_page"] = figures(
            run_clients(server.url, [[f"/stories/{s}"] for s in stories])
        )
        phases = {
            "warm_story_page": lambda r: f"/stories/{r.choice(stories)}",
            "warm_api_story": lambda r: f"/api/stories/{r.choice(stories)}",
            "warm_api_search": lambda r: f"/api/stories?q={r.choice(WORDS)}",
            "warm_index_search": lambda r: f"/?q={r.choice(WORDS)}&page={r.randint(1, 3)}",
        }
        for name, make in phases.items():
            results[name] = figures(run_clients(server.url, warm_paths(make, rng)))
    with Server() as server:
        paths = [[f"/api/stories/{s}"] for s in stories]
        results["cold_api_story"] = figures(run_clients(server.url, paths))
    for name, value in results.items():
        print(f"{name}: {value}")
    OUT.mkdir(exist_ok=True)
    (OUT / "serve_speed.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
