"""Engine speed: the local engine and Ray, 1 and 2 workers, on the same articles, one run.

Every setting is a fresh child process of this script running a real ingest (read, clean,
analyse, embed on the engine; store and cluster on the driver) of the first ``--articles``
PolNeAR train texts into a new store, in units of ``--unit`` articles:

- ``local-1``: this process (the default ``storylens ingest``);
- ``local-2``: ``LocalEngine(workers=2)``, a pool of 2 processes (``ingest -j 2``);
- ``ray-1``, ``ray-2``: ``RayEngine(workers=1|2)``, a Ray Data actor pool; with
  ``--address`` on that cluster, else on a Ray started by ``ray.init`` in the child.

Per setting: wall time and articles/s end to end; *warm* articles/s (after every worker has
returned its first unit: start-up and model loads excluded); engine start (``ray.init``) and
time to the first unit; the workers' own seconds per unit, and the *idle* time per unit
(workers × warm wall − worker seconds, per unit: what the engine costs around the work);
peak RSS per worker process; the driver's store + cluster time per article; CPU ms per
article (the driver process's CPU time + the workers' own CPU time on their units; Ray's
daemons and model loads in workers not counted), which a shared machine disturbs far less
than wall time. Settings run in
round-robin order ``--rounds`` times; the table gives the median of each figure. Ratios
(ray-2 / ray-1, ray-n / local-n) are taken within the run, because the machine is shared.
A Ray started here runs its workers at normal priority (``RAY_worker_niceness=0``; Ray's own
default, 15, lets every other process on a shared machine go first, which is not what is
being measured).

Run: .venv/bin/python bench/engine_speed.py [--articles 256] [--unit 16] [--rounds 1]
     [--address HOST:PORT]      (writes bench/out/engine_speed.json)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
OUT = ROOT / "bench" / "out" / "engine_speed.json"
SETTINGS = ("ray-1", "local-1", "ray-2", "local-2")


def child(setting, *, articles, unit, address):
    from storylens.engine import LocalEngine, Work, preparer
    from storylens.pipeline import analyze_articles
    from storylens.store import CorpusWriter, Store, ingest_inputs

    paths = [str(p) for p in sorted(TEXTS.glob("*.txt"))[:articles]]
    kind, workers = setting.split("-")
    workers = int(workers)
    start = time.perf_counter()
    if kind == "ray":
        from storylens.engine.ray_engine import RayEngine

        engine = RayEngine(Work(), address=address, workers=workers, window=10**6)
    else:
        engine = LocalEngine(Work(), workers=workers)
    connected = time.perf_counter()
    arrivals, results = [], []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "s.db") as store:
        writer = CorpusWriter(store, analyzer=analyze_articles)
        driver = _time_driver(writer)
        prepare = preparer(engine) if kind == "ray" or workers > 1 else writer.prepare

        def timed(units):
            for prepared in prepare(units):
                arrivals.append(time.perf_counter())
                yield prepared

        results = _watch(engine) if (kind == "ray" or workers > 1) else None
        summary = ingest_inputs(writer, paths, batch_size=unit, preparer=timed)
        stored = store.count_articles()
    end = time.perf_counter()
    driver_cpu = time.process_time()
    engine.close()
    return _figures(
        driver_cpu=driver_cpu,
        start=start,
        connected=connected,
        end=end,
        arrivals=arrivals,
        unit=unit,
        workers=workers,
        stored=stored,
        driver=driver,
        results=results,
        ingested=summary.ingested + summary.copies,
    )


def _time_driver(writer):
    """Wrap writer.add_prepared and add up its seconds and articles."""
    spent = {"seconds": 0.0, "articles": 0}
    original = writer.add_prepared

    def add_prepared(fresh, prepared):
        began = time.perf_counter()
        events = original(fresh, prepared)
        spent["seconds"] += time.perf_counter() - began
        spent["articles"] += len(fresh)
        return events

    writer.add_prepared = add_prepared
    return spent


def _watch(engine):
    """Wrap engine.map to keep each unit's worker pid, peak RSS and busy seconds."""
    seen = []
    original = engine.map

    def map_units(units):
        for result in original(units):
            seen.append(
                (result.worker.pid, result.worker.peak_rss_mb, result.seconds, result.cpu_seconds)
            )
            yield result

    engine.map = map_units
    return seen


def _figures(
    *, start, connected, end, arrivals, unit, workers, stored, driver, results, ingested, driver_cpu
):
    total = end - start
    warm_from = arrivals[min(workers, len(arrivals)) - 1]
    warm_units = len(arrivals) - min(workers, len(arrivals))
    warm_wall = arrivals[-1] - warm_from
    figures = {
        "articles": stored,
        "ingested": ingested,
        "wall_s": round(total, 2),
        "articles_per_s": round(stored / total, 2),
        "warm_articles_per_s": round(warm_units * unit / warm_wall, 2) if warm_wall else None,
        "engine_start_s": round(connected - start, 2),
        "first_unit_s": round(arrivals[0] - start, 2),
        "driver_ms_per_article": round(1000 * driver["seconds"] / max(driver["articles"], 1), 2),
        "driver_cpu_ms_per_article": round(1000 * driver_cpu / stored, 1),
        "cpu_ms_per_article": round(1000 * driver_cpu / stored, 1),
    }
    if results:
        busy = [seconds for _, _, seconds, _ in results]
        worker_cpu = sum(cpu for *_, cpu in results)
        figures["worker_cpu_ms_per_article"] = round(1000 * worker_cpu / stored, 1)
        figures["cpu_ms_per_article"] = round(1000 * (driver_cpu + worker_cpu) / stored, 1)
        peaks = {}
        for pid, peak, *_ in results:
            peaks[pid] = max(peak, peaks.get(pid, 0))
        warm_busy = sum(busy[min(workers, len(busy)) :])
        figures["worker_s_per_unit"] = round(statistics.mean(busy), 2)
        figures["idle_s_per_unit"] = (
            round((workers * warm_wall - warm_busy) / warm_units, 2) if warm_units else None
        )
        figures["worker_peak_rss_mb"] = sorted(peaks.values())
    return figures


def run_child(setting, args):
    command = [
        sys.executable,
        __file__,
        "--child",
        setting,
        "--articles",
        str(args.articles),
        "--unit",
        str(args.unit),
    ]
    if args.address:
        command += ["--address", args.address]
    env = {**os.environ, "RAY_worker_niceness": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode:
        raise SystemExit(f"{setting} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(runs):
    keys = runs[0].keys()
    out = {}
    for key in keys:
        values = [r[key] for r in runs if r.get(key) is not None]
        if values and all(isinstance(v, int | float) for v in values):
            out[key] = round(statistics.median(values), 2)
        else:
            out[key] = values[-1] if values else None
    return out


def ratios(table):
    def rate(setting, key):
        return table[setting][key]

    out = {}
    for n in (1, 2):
        out[f"ray{n}_cpu_over_local{n}_cpu"] = round(
            rate(f"ray-{n}", "cpu_ms_per_article") / rate(f"local-{n}", "cpu_ms_per_article"), 3
        )
    for key in ("articles_per_s", "warm_articles_per_s"):
        out[f"ray2_over_ray1_{key}"] = round(rate("ray-2", key) / rate("ray-1", key), 3)
        out[f"local2_over_local1_{key}"] = round(rate("local-2", key) / rate("local-1", key), 3)
        for n in (1, 2):
            out[f"ray{n}_overhead_vs_local{n}_{key}"] = round(
                1 - rate(f"ray-{n}", key) / rate(f"local-{n}", key), 3
            )
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=256)
    parser.add_argument("--unit", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--address")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        figures = child(args.child, articles=args.articles, unit=args.unit, address=args.address)
        print(json.dumps(figures))
        return
    runs = {s: [] for s in SETTINGS}
    for round_ in range(args.rounds):
        for setting in SETTINGS:
            runs[setting].append(run_child(setting, args))
            print(round_, setting, json.dumps(runs[setting][-1]), flush=True)
    table = {s: median_of(r) for s, r in runs.items()}
    result = {
        "articles": args.articles,
        "unit": args.unit,
        "rounds": args.rounds,
        "address": args.address,
        "settings": table,
        "runs": runs,
        "ratios": ratios(table),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(json.dumps(result["ratios"], indent=2))


if __name__ == "__main__":
    main()
