"""A progress display on standard error for commands that may take a while.

Nothing shows for the first two seconds, so quick runs stay silent; then a spinner names what
is being done and for how long. Only on a terminal, unless ``$STORYLENS_PROGRESS`` says
``always`` (shown at once, e.g. in a logged run) or ``never``.
"""

from __future__ import annotations

import os
import threading
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

PROGRESS_ENVIRONMENT = "STORYLENS_PROGRESS"
DELAY_SECONDS = 2.0


class Activity:
    """``with Activity("analysing") as activity: …; activity.phase("comparing")``."""

    def __init__(self, label: str, *, delay: float = DELAY_SECONDS) -> None:
        mode = os.environ.get(PROGRESS_ENVIRONMENT, "auto").lower()
        console = Console(stderr=True, force_terminal=True if mode == "always" else None)
        self._wanted = mode != "never" and console.is_terminal
        self._delay = 0.0 if mode == "always" else delay
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task(label, total=None)
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._shown = False

    def __enter__(self) -> Activity:
        if self._wanted:
            self._timer = threading.Timer(self._delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._shown:
                self._progress.stop()
            self._wanted = False

    def phase(self, label: str) -> None:
        """Name the next step (shown if the display is up, or once it comes up)."""
        self._progress.update(self._task, description=label)

    def _show(self) -> None:
        with self._lock:
            if self._wanted and not self._shown:
                self._progress.start()
                self._shown = True


__all__ = ["PROGRESS_ENVIRONMENT", "Activity"]
