"""JSON lines streamed from a binary file: UTF-8, or UTF-16/32 when a BOM or zero bytes show it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from storylens.ingest.decode import decode_line, sniff_unicode


@dataclass(slots=True)
class LineStream:
    """Lines of one JSONL file as text, counting the lines whose bytes were not all UTF-8.

    A line over ``max_bytes`` is yielded as ``None`` and never held whole in memory: the rest
    of it is read in bounded pieces and dropped.
    """

    handle: BinaryIO
    max_bytes: int
    repaired: list[int] = field(default_factory=list)
    encoding: str = "utf-8"

    def __iter__(self) -> Iterator[str | None]:
        """Each line; stray non-UTF-8 bytes in a line are read as Windows-1252 and counted."""
        peek = getattr(self.handle, "peek", None)
        head = peek(4096)[:4096] if peek is not None else b""
        unicode_encoding = sniff_unicode(head)
        if unicode_encoding:
            self.encoding = unicode_encoding
            yield from _bounded(
                io.TextIOWrapper(self.handle, encoding=unicode_encoding), self.max_bytes, "\n"
            )
            return
        for number, raw in enumerate(_bounded(self.handle, self.max_bytes, b"\n"), start=1):
            if raw is None:
                yield None
                continue
            decoded = decode_line(raw)
            if decoded.warning:
                self.repaired.append(number)
            yield decoded.text

    def warning(self) -> str | None:
        """What to tell the user about repaired lines, if any were."""
        if not self.repaired:
            return None
        shown = ", ".join(str(n) for n in self.repaired[:5])
        more = f" and {len(self.repaired) - 5} more" if len(self.repaired) > 5 else ""
        return f"lines {shown}{more} were not valid UTF-8; their stray bytes were guessed"


def _bounded(handle: Any, limit: int, newline: Any) -> Iterator[Any]:
    """Lines no longer than ``limit`` (characters or bytes); a longer one is ``None``."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(newline):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(newline):
                pass
            yield None
            continue
        yield line
