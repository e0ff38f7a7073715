"""Turn an input's bytes into text, or say clearly why it cannot be read."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from storylens.model import IssueCode

MAX_BYTES = 10_000_000
"""Largest single article accepted by default (a 10 MB article is not an article)."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """Text read from bytes, and the encoding that read it."""

    text: str
    encoding: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Undecodable:
    """Why bytes could not become article text."""

    code: IssueCode
    detail: str


def decode_bytes(raw: bytes, *, max_bytes: int = MAX_BYTES) -> Decoded | Undecodable:
    """Decode article bytes: BOM first, then UTF-8, then Windows-1252 / Latin-1.

    >>> decode_bytes("café".encode("latin-1"))
    Decoded(text='café', encoding='cp1252')
    """
    if len(raw) > max_bytes:
        return Undecodable(
            code=IssueCode.TOO_LARGE,
            detail=f"{len(raw) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit "
            "(raise it with --max-bytes)",
        )
    if not raw.strip():
        return Undecodable(code=IssueCode.EMPTY, detail="the input is empty")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw, encoding)
    if _looks_like_utf16(raw):
        return _decode_as(raw, "utf-16-le" if raw[1] == 0 else "utf-16-be")
    if _looks_binary(raw):
        return Undecodable(code=IssueCode.BINARY, detail="binary data, not text")
    try:
        return Decoded(text=raw.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(text=raw.decode("cp1252"), encoding="cp1252")
    except UnicodeDecodeError:
        return Decoded(text=raw.decode("latin-1"), encoding="latin-1")


def _decode_as(raw: bytes, encoding: str) -> Decoded | Undecodable:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        return Undecodable(code=IssueCode.UNDECODABLE, detail=f"not valid {encoding}: {exc.reason}")
    if not text.strip():
        return Undecodable(code=IssueCode.EMPTY, detail="the input is empty")
    return Decoded(text=text.lstrip("\ufeff"), encoding=encoding)


def _looks_like_utf16(raw: bytes) -> bool:
    sample = raw[:2000]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    return max(even_zeros, odd_zeros) > 0.4 and min(even_zeros, odd_zeros) < 0.05


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05
