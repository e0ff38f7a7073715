"""The work itself, one unit at a time, with the models loaded once per worker process.

Results cross process and machine boundaries as plain columns only: the analyses as JSON text
(`storylens.io`) and the vectors as raw float32 bytes; never spaCy objects.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from storylens.analyze.nlp import load_pipeline
from storylens.cluster import story_text
from storylens.embedding import DIMENSIONS, Encoder, MiniLMEncoder, default_encoder
from storylens.engine.base import UnitResult, Work, WorkerInfo
from storylens.io import from_json, to_json
from storylens.model import Analysis, Article, Issue
from storylens.pipeline import analyze_each

Columns = dict[str, Any]
"""One unit as plain values: ``analyses`` (JSON text), ``vectors`` (bytes), ``worker``."""


class Worker:
    """Loads the models once, then prepares units (`pipeline.analyze_each`, MiniLM)."""

    def __init__(self, work: Work, *, threads: int | None = None) -> None:
        """Load what ``work`` needs; ``threads`` for the encoder (None: the shared one)."""
        self.work = work
        self.encoder: Encoder | None = None
        if work.embed:
            self.encoder = default_encoder() if threads is None else MiniLMEncoder(threads=threads)
        if work.analyze:
            load_pipeline()  # now, not on the first unit

    def run(self, articles: Sequence[Article]) -> UnitResult:
        """Analyses and story vectors of one unit, in order."""
        start, cpu = time.perf_counter(), time.process_time()
        analyses: tuple[Analysis | Issue | None, ...] = (None,) * len(articles)
        if self.work.analyze and articles:
            analyses = tuple(analyze_each(articles))
        vectors = None
        if self.encoder is not None:
            vectors = self.encoder.encode([story_text(a) for a in articles])
        return UnitResult(
            analyses=analyses,
            vectors=vectors,
            worker=WorkerInfo.here(),
            seconds=time.perf_counter() - start,
            cpu_seconds=time.process_time() - cpu,
        )


def articles_to_text(articles: Sequence[Article]) -> str:
    """A unit of articles as one JSON text."""
    return json.dumps([to_json(a) for a in articles], ensure_ascii=False)


def articles_from_text(text: str) -> list[Article]:
    """The unit `articles_to_text` wrote."""
    return [from_json(Article, value) for value in json.loads(text)]


def result_to_columns(result: UnitResult) -> Columns:
    """A unit's result as plain values (JSON text, bytes, numbers)."""
    vectors = b"" if result.vectors is None else np.ascontiguousarray(result.vectors).tobytes()
    return {
        "analyses": json.dumps([_tagged(a) for a in result.analyses], ensure_ascii=False),
        "vectors": vectors,
        "embedded": result.vectors is not None,
        "host": result.worker.host,
        "pid": result.worker.pid,
        "peak_rss_mb": result.worker.peak_rss_mb,
        "seconds": result.seconds,
        "cpu_seconds": result.cpu_seconds,
    }


def result_from_columns(columns: Columns) -> UnitResult:
    """The `UnitResult` `result_to_columns` wrote."""
    analyses = tuple(_untagged(value) for value in json.loads(columns["analyses"]))
    vectors = None
    if columns["embedded"]:
        flat = np.frombuffer(columns["vectors"], dtype=np.float32)
        vectors = flat.reshape(-1, DIMENSIONS).copy()
    worker = WorkerInfo(
        host=str(columns["host"]),
        pid=int(columns["pid"]),
        peak_rss_mb=float(columns["peak_rss_mb"]),
    )
    return UnitResult(
        analyses=analyses,
        vectors=vectors,
        worker=worker,
        seconds=float(columns["seconds"]),
        cpu_seconds=float(columns["cpu_seconds"]),
    )


def _tagged(result: Analysis | Issue | None) -> Any:
    if result is None:
        return None
    return {"issue" if isinstance(result, Issue) else "analysis": to_json(result)}


def _untagged(value: Any) -> Analysis | Issue | None:
    if value is None:
        return None
    if "issue" in value:
        return from_json(Issue, value["issue"])
    return from_json(Analysis, value["analysis"])
