"""What every engine does: map units of cleaned articles to plain analysis results, in order.

An engine never touches the store. The driver (``store.ingest_inputs`` or the ``analyze``
command) reads, cleans and de-duplicates, hands the engine one *unit* (the new articles of one
input batch) at a time, and writes what comes back in unit order; so the stories of a run do
not depend on the engine, the number of workers, or which worker finished first.
"""

from __future__ import annotations

import os
import resource
import socket
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

from storylens.embedding import Vectors
from storylens.model import Analysis, Article, Issue


@dataclass(frozen=True, slots=True, kw_only=True)
class Work:
    """What a worker computes for each article.

    Attributes:
        analyze: the full analysis (entities, quotes, sources, dates, numbers, framing).
        embed: the story vector clustering needs (title and lead paragraphs, MiniLM).
    """

    analyze: bool = True
    embed: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerInfo:
    """Which worker prepared a unit, and its peak memory so far (for benchmarks, fault tests)."""

    host: str
    pid: int
    peak_rss_mb: float

    @classmethod
    def here(cls) -> WorkerInfo:
        """This process."""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return cls(host=socket.gethostname(), pid=os.getpid(), peak_rss_mb=round(peak, 1))


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitResult:
    """One unit, prepared: an analysis per article and an ``(n, 384)`` vector block.

    An article whose analysis failed has its `Issue` instead (the pipeline's per-record
    isolation, run in the worker); None when the work does not analyse. ``vectors`` is None
    when the work does not embed; ``seconds`` and ``cpu_seconds`` are the worker's wall and
    CPU time on the unit (benchmarks set them against the driver's to find an engine's cost).
    """

    analyses: tuple[Analysis | Issue | None, ...]
    vectors: Vectors | None
    worker: WorkerInfo
    seconds: float = 0.0
    cpu_seconds: float = 0.0


class Engine(Protocol):
    """Maps units of articles to results, one `UnitResult` per unit, in unit order."""

    def map(self, units: Iterable[Sequence[Article]]) -> Iterator[UnitResult]:
        """Prepare every unit; may read ahead of what it has yielded."""
        ...

    def close(self) -> None:
        """Release workers (idempotent)."""
        ...

    def __enter__(self) -> Self:
        """The engine itself."""
        ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close the engine."""
        ...


class ClosesOnExit:
    """``with engine: …`` closes the engine (`close` is the subclass's)."""

    def close(self) -> None:
        """Release workers (idempotent)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
