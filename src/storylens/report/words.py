"""Counted nouns for every report: "1 story", "2 stories"."""

from __future__ import annotations

IRREGULAR = {
    "story": "stories",
    "entity": "entities",
    "copy": "copies",
    "duplicate": "duplicates",
    "analysis": "analyses",
}
"""Plurals that are not the singular plus "s"."""


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun`` in the right number.

    >>> counted(1, "story"), counted(3, "story"), counted(0, "conflict")
    ('1 story', '3 stories', '0 conflicts')
    """
    if number == 1:
        return f"{number} {noun}"
    return f"{number:,} {plural or IRREGULAR.get(noun, noun + 's')}"


def independent(outlets: int, accounts: int, page_only: int = 0) -> str:
    """How many outlets report a fact, how many of them are independent, and how many headline it.

    ``4 outlets``; ``4 outlets (2 independent)`` when some are copies of one text; a note of
    the outlets whose sentence in the row is page text (a headline).

    >>> independent(4, 2), independent(2, 2)
    ('4 outlets (2 independent)', '2 outlets')
    >>> independent(5, 5, 3)
    '5 outlets (3 of them by a headline or other page text)'
    """
    notes = [f"{accounts} independent"] if 0 < accounts < outlets else []
    if page_only:
        notes.append(f"{page_only} of them by a headline or other page text")
    words = counted(outlets, "outlet")
    return f"{words} ({'; '.join(notes)})" if notes else words


__all__ = ["counted", "independent"]
