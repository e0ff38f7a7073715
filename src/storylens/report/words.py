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


def independent(outlets: int, accounts: int) -> str:
    """``4 outlets``, or ``4 outlets (2 independent)`` when some are copies of one text.

    >>> independent(4, 2), independent(2, 2)
    ('4 outlets (2 independent)', '2 outlets')
    """
    words = counted(outlets, "outlet")
    return f"{words} ({accounts} independent)" if 0 < accounts < outlets else words


__all__ = ["counted", "independent"]
