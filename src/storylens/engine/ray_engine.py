"""The Ray engine: units prepared by a Ray Data actor pool, on one machine or a cluster.

Units go out in windows of `WINDOW` units; each window is one Ray Data dataset (one row per
unit) mapped by a fixed pool of actors (``ActorPoolStrategy(size=workers)``), each loading the
models once. Only plain columns travel: the articles in and the analyses out as JSON text, the
vectors as bytes. An actor that dies is restarted and its unit run again (Ray Data's actor
fault tolerance, which retries without limit); a unit that comes back twice is kept once. The
driver gets the results back in unit order, whatever order the actors finish in.

Ray is an optional extra: ``pip install 'storylens[ray]'``.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

from storylens.engine.base import ClosesOnExit, UnitResult, Work
from storylens.engine.worker import (
    Columns,
    Worker,
    articles_from_text,
    articles_to_text,
    result_from_columns,
    result_to_columns,
)
from storylens.errors import EngineError, ExtraNotInstalled
from storylens.model import Article

WINDOW = 128
"""Units per dataset: each dataset starts its actors (and loads the models) once."""


def import_ray() -> ModuleType:
    """The ``ray`` module with Ray Data, or `ExtraNotInstalled` naming ``storylens[ray]``."""
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError as exc:
        raise ExtraNotInstalled("ray", "ray", needed_for="--engine ray") from exc
    return ray


class RayUnitWorker:
    """The Ray Data callable class: one per actor, models loaded in the constructor."""

    def __init__(self, *, analyze: bool, embed: bool) -> None:
        """Load the models this actor needs."""
        self.worker = Worker(Work(analyze=analyze, embed=embed), threads=1)

    def __call__(self, batch: Any) -> Any:
        """Prepare each unit of a ``pyarrow`` batch (columns ``seq``, ``articles``)."""
        pa: Any = importlib.import_module("pyarrow")

        seqs = batch.column("seq").to_pylist()
        rows = [
            result_to_columns(self.worker.run(articles_from_text(text)))
            for text in batch.column("articles").to_pylist()
        ]
        return pa.table(
            {
                "seq": pa.array(seqs, pa.int64()),
                "analyses": pa.array([r["analyses"] for r in rows], pa.large_string()),
                "vectors": pa.array([r["vectors"] for r in rows], pa.large_binary()),
                "embedded": pa.array([r["embedded"] for r in rows], pa.bool_()),
                "host": pa.array([r["host"] for r in rows], pa.string()),
                "pid": pa.array([r["pid"] for r in rows], pa.int64()),
                "peak_rss_mb": pa.array([r["peak_rss_mb"] for r in rows], pa.float64()),
                "seconds": pa.array([r["seconds"] for r in rows], pa.float64()),
                "cpu_seconds": pa.array([r["cpu_seconds"] for r in rows], pa.float64()),
            }
        )


class RayEngine(ClosesOnExit):
    """Prepares units on a Ray cluster (``address``: ``auto``, ``HOST:PORT``, or None).

    None starts Ray on this machine for the run (or joins ``$RAY_ADDRESS`` when set).
    ``workers`` is the number of actors (default: every CPU the cluster has).
    """

    def __init__(
        self,
        work: Work,
        *,
        address: str | None = None,
        workers: int | None = None,
        window: int = WINDOW,
    ) -> None:
        """Connect to (or start) Ray; the actors start with the first window."""
        self.work = work
        self.window = max(window, 1)
        self._ray = import_ray()
        _connect(self._ray, address)
        context = self._ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        cpus = int(self._ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, workers or cpus)

    def map(self, units: Iterable[Sequence[Article]]) -> Iterator[UnitResult]:
        """Each unit's result, in unit order, one window of units at a time."""
        stream = iter(units)
        while window := list(islice(stream, self.window)):
            yield from self._run_window(window)

    def _run_window(self, window: list[Sequence[Article]]) -> Iterator[UnitResult]:
        rows = [{"seq": seq, "articles": articles_to_text(u)} for seq, u in enumerate(window)]
        data = self._ray.data
        mapped = data.from_items(rows, override_num_blocks=len(rows)).map_batches(
            RayUnitWorker,
            fn_constructor_kwargs={"analyze": self.work.analyze, "embed": self.work.embed},
            batch_size=1,
            batch_format="pyarrow",
            compute=data.ActorPoolStrategy(size=min(self.workers, len(window))),
            num_cpus=1,
        )
        done: dict[int, Columns] = {}
        following = 0
        try:
            for row in mapped.iter_rows():
                seq = int(row["seq"])
                if seq >= following:
                    done[seq] = dict(row)
                while following in done:
                    yield result_from_columns(done.pop(following))
                    following += 1
        except self._ray.exceptions.RayError as exc:
            raise EngineError(f"the Ray run failed: {_first_line(exc)}") from exc
        if following != len(window):
            raise EngineError(f"Ray returned {following} of {len(window)} units")

    def close(self) -> None:
        """Disconnect from Ray (a cluster started for this run stops with it)."""
        if self._ray.is_initialized():
            self._ray.shutdown()


def _connect(ray: ModuleType, address: str | None) -> None:
    """Join the cluster at ``address`` (or start one), quietly: Ray's notices stay off stderr."""
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    for logger in ("ray", "ray.data"):
        logging.getLogger(logger).setLevel(logging.ERROR)
    try:
        with _quiet_stderr():
            ray.init(
                address=address,
                logging_level=logging.ERROR,
                log_to_driver=False,
                include_dashboard=False,
                ignore_reinit_error=True,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "a new local cluster"
        raise EngineError(f"cannot reach Ray at {where}: {_first_line(exc)}") from exc


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """File descriptor 2 to /dev/null: Ray's C++ core writes there, not through Python."""
    saved = os.dup(2)
    try:
        with Path(os.devnull).open("wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
