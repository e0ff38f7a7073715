"""Stable article ids from content, so the same article read twice is the same article."""

from __future__ import annotations

import hashlib
import unicodedata


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace and Unicode form normalised."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """A short id derived from the content.

    >>> article_id("Talks suspended.") == article_id("Talks   suspended.")
    True
    """
    return content_hash(text)[:16]
