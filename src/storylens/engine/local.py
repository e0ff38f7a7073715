"""The local engine: this process (``workers=1``) or a pool of worker processes on this machine.

Each worker process loads the models once (the pool's initializer). Units go out a few ahead of
what has come back and come back in order. If a worker process dies (killed, out of memory),
the pool is started again and every unit not yet returned is sent again, up to `RETRIES` times.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from storylens.engine.base import ClosesOnExit, UnitResult, Work
from storylens.engine.worker import Worker
from storylens.errors import EngineError
from storylens.model import Article

RETRIES = 3
"""How many times the units in flight are sent again after a worker process died."""

_worker: Worker | None = None
"""The model-holding worker of a pool process (set by `_start_worker`)."""


def _start_worker(work: Work) -> None:
    global _worker
    _worker = Worker(work, threads=1)


def _run_unit(articles: Sequence[Article]) -> UnitResult:
    assert _worker is not None, "pool process without a worker"
    return _worker.run(articles)


def _succeeded(future: Future[UnitResult]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class LocalEngine(ClosesOnExit):
    """Prepares units in this process, or in ``workers`` processes on this machine.

    >>> with LocalEngine(Work(embed=False)) as engine:
    ...     list(engine.map([]))
    []
    """

    def __init__(self, work: Work, *, workers: int = 1, ahead: int | None = None) -> None:
        """``ahead``: units in flight (default two per worker)."""
        self.work = work
        self.workers = max(workers, 1)
        self.ahead = ahead or 2 * self.workers
        self._inline: Worker | None = None
        self._pool: ProcessPoolExecutor | None = None

    def map(self, units: Iterable[Sequence[Article]]) -> Iterator[UnitResult]:
        """Each unit's result, in unit order."""
        if self.workers == 1:
            self._inline = self._inline or Worker(self.work)
            inline = self._inline
            yield from (inline.run(unit) for unit in units)
            return
        stream = iter(units)
        flight: deque[tuple[Sequence[Article], Future[UnitResult]]] = deque()
        restarts = 0
        while True:
            while len(flight) < self.ahead and (unit := next(stream, None)) is not None:
                flight.append((unit, self._submit(unit)))
            if not flight:
                return
            try:
                result = flight[0][1].result()
            except BrokenProcessPool as exc:
                restarts += 1
                if restarts > RETRIES:
                    raise EngineError(f"worker processes died {restarts} times") from exc
                flight = self._restart(flight)
                continue
            flight.popleft()
            yield result

    def _submit(self, unit: Sequence[Article]) -> Future[UnitResult]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.work,),
            )
        try:
            return self._pool.submit(_run_unit, unit)
        except BrokenProcessPool as exc:  # kept in flight, to be sent again after the restart
            failed: Future[UnitResult] = Future()
            failed.set_exception(exc)
            return failed

    def _restart(
        self, flight: deque[tuple[Sequence[Article], Future[UnitResult]]]
    ) -> deque[tuple[Sequence[Article], Future[UnitResult]]]:
        """A new pool, and every unit in flight without a result sent to it again, in order."""
        self.close()
        return deque(
            (unit, future if _succeeded(future) else self._submit(unit)) for unit, future in flight
        )

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
