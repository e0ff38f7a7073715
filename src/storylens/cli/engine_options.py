"""``--engine``, ``--address``, ``--workers``: where the analysis runs (``ingest``, ``analyze``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from storylens.errors import StorylensError
from storylens.report.console import make_console

if TYPE_CHECKING:  # the engine (and the store it prepares for) load only when used
    from storylens.engine import Engine, EngineName, Work

F = TypeVar("F", bound=Callable[..., Any])


def engine_options(command: F) -> F:
    """Add the engine options (sqlite-utils style option bundle)."""
    decorators = [
        click.option(
            "--engine",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help="Where articles are analysed: this machine, or a Ray cluster "
            "(needs pip install 'storylens[ray]').",
        ),
        click.option(
            "--address",
            metavar="auto|HOST:PORT",
            help="The Ray cluster to join (ray only; default: $RAY_ADDRESS, else a Ray "
            "started on this machine for the run).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(1, 4096),
            help="Ray workers (actors), one model load each (ray only; default: every CPU "
            "of the cluster).",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def start_engine(
    name: EngineName, work: Work, *, processes: int, workers: int | None, address: str | None
) -> Engine:
    """The chosen engine, or one error line and exit 2 (Ray missing, cluster unreachable)."""
    from storylens.engine import open_engine

    try:
        if name == "ray":
            return open_engine("ray", work, workers=workers or 0, address=address)
        return open_engine("local", work, workers=processes)
    except StorylensError as exc:
        fail(str(exc), status=2)


def fail(message: str, *, status: int) -> NoReturn:
    """Print ``storylens: error: MESSAGE`` on stderr and exit with ``status``."""
    console = make_console(stderr=True, width=200)
    console.print(f"storylens: error: {message}", markup=False, highlight=False)
    raise SystemExit(status)
