"""Engines: where the analysis of many articles runs (this machine, or a Ray cluster).

An `Engine` maps units of cleaned articles to plain results (analyses, story vectors) and
never touches the store: the driver stays the one writer and the one clusterer, so a run gives
the same stories whichever engine prepared its articles.

- `LocalEngine`: this process, or ``workers`` processes on this machine.
- `RayEngine`: a Ray Data actor pool (optional extra ``storylens[ray]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Literal

from storylens.engine.base import Engine, UnitResult, Work, WorkerInfo
from storylens.engine.local import LocalEngine
from storylens.ingest.decode import MAX_BYTES
from storylens.model import Article, Issue
from storylens.pipeline import Outcome, Overrides, read_articles

if TYPE_CHECKING:
    from storylens.store import Prepared

UNIT_SIZE = 32
"""Articles per unit when the engine analyses files (``analyze``); ``ingest`` uses its batches."""

EngineName = Literal["local", "ray"]


def open_engine(
    name: EngineName,
    work: Work,
    *,
    workers: int = 1,
    address: str | None = None,
) -> Engine:
    """The named engine; ``ray`` raises `ExtraNotInstalled` when Ray is not installed.

    >>> with open_engine("local", Work(embed=False)) as engine:
    ...     type(engine).__name__
    'LocalEngine'
    """
    if name == "ray":
        from storylens.engine.ray_engine import RayEngine

        return RayEngine(work, address=address, workers=workers or None)
    return LocalEngine(work, workers=workers)


def preparer(engine: Engine) -> Callable[[Iterable[Sequence[Article]]], Iterator[Prepared]]:
    """The engine as a ``store.ingest_inputs`` preparer: vectors and analyses per unit."""

    def prepare(units: Iterable[Sequence[Article]]) -> Iterator[Prepared]:
        for result in engine.map(units):
            if result.vectors is None:
                raise ValueError("the engine's work does not embed: ingest needs story vectors")
            yield result.vectors, result.analyses

    return prepare


def analyze_with(
    engine: Engine,
    names: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    overrides: Overrides | None = None,
    batch_size: int = UNIT_SIZE,
) -> Outcome:
    """`pipeline.analyze_paths` with the analysis on ``engine``: read here, analysed there."""
    outcome = Outcome()
    articles = read_articles(names, max_bytes=max_bytes, overrides=overrides, issues=outcome.issues)
    units = iter(lambda: list(islice(articles, batch_size)), [])
    for result in engine.map(units):
        for analysis in result.analyses:
            if isinstance(analysis, Issue):
                outcome.issues.append(analysis)
            elif analysis is not None:
                outcome.analyses.append(analysis)
                outcome.issues.extend(analysis.issues)
    return outcome


__all__ = [
    "Engine",
    "EngineName",
    "LocalEngine",
    "UnitResult",
    "Work",
    "WorkerInfo",
    "analyze_with",
    "open_engine",
    "preparer",
]
