"""Shared terminal helpers: one rich console on stdout, errors on stderr."""

from __future__ import annotations

from rich.console import Console

WIDTH = 100


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that wraps at ``width`` (default 100 columns) when not writing to a terminal.

    It never interprets rich markup: a ``[link=…]`` or ``[/bold]`` in a title or outlet is
    shown as written (strings are made terminal-safe by `storylens.report.escape`).
    """
    console = Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, width=width or WIDTH, markup=False)
    return console


def shorten(text: str, limit: int = 90) -> str:
    r"""One line of at most ``limit`` characters.

    >>> shorten("a  b\\nc", 10)
    'a b c'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
