"""JSON lines streamed from a binary file: UTF-8, or UTF-16/32 when a BOM or zero bytes show it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from storylens.ingest.decode import decode_line, sniff_unicode


@dataclass(slots=True)
class LineStream:
    """Lines of one JSONL file as text, counting the lines whose bytes were not all UTF-8."""

    handle: BinaryIO
    repaired: list[int] = field(default_factory=list)
    encoding: str = "utf-8"

    def __iter__(self) -> Iterator[str]:
        """Each line; stray non-UTF-8 bytes in a line are read as Windows-1252 and counted."""
        peek = getattr(self.handle, "peek", None)
        head = peek(4096)[:4096] if peek is not None else b""
        unicode_encoding = sniff_unicode(head)
        if unicode_encoding:
            self.encoding = unicode_encoding
            yield from io.TextIOWrapper(self.handle, encoding=unicode_encoding)
            return
        for number, raw in enumerate(self.handle, start=1):
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
