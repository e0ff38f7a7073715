"""Shared terminal helpers: one rich console on stdout, errors on stderr."""

from __future__ import annotations

import os

from rich.console import Console

WIDTH = 100
"""Columns when neither ``$COLUMNS`` nor any terminal tells the width."""


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console as wide as ``width``, else ``$COLUMNS``, else the user's terminal, else 100.

    Piped output (``storylens compare … | less``) still wraps at the width of the terminal the
    user sits at: standard error or input is asked when standard output is not a terminal.
    It never interprets rich markup: a ``[link=…]`` or ``[/bold]`` in a title or outlet is
    shown as written (strings are made terminal-safe by `storylens.report.escape`).
    """
    console = Console(stderr=stderr, highlight=False, soft_wrap=False, width=width, markup=False)
    if width is None and not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, width=terminal_width(), markup=False)
    return console


def terminal_width() -> int:
    """``$COLUMNS`` if it is a number, else the width of a terminal on fd 0–2, else `WIDTH`."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            return os.get_terminal_size(fd).columns
        except OSError:
            continue
    return WIDTH


def shorten(text: str, limit: int = 90) -> str:
    r"""One line of at most ``limit`` characters.

    >>> shorten("a  b\nc", 10)
    'a b c'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
