"""Turn an input's bytes into text, truthfully: say which charset read it, and when it was a guess.

Order of trust: a byte-order mark; UTF-16 without one (zero bytes on every other position); the
charset the document declares (``<meta charset>``, ``http-equiv`` content type, ``<?xml
encoding?>``) when it decodes cleanly; strict UTF-8; UTF-8 with a few stray bytes (each read as
Windows-1252, never the whole file); else a guess by charset-normalizer, reported as a guess.
"""

from __future__ import annotations

import codecs
import re
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
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<meta>[\w.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["'](?P<xml>[\w.:-]+)["']""",
    re.IGNORECASE,
)
_WHATWG = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}
"""Labels that browsers read as Windows-1252 (WHATWG Encoding), as pages expect."""
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_WESTERN = frozenset(
    {"ascii", "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "mac_roman"}
    | {f"iso8859_{n}" for n in (1, 2, 3, 4, 9, 10, 13, 14, 15, 16)}
)
"""Latin-script guesses that charset-normalizer cannot tell apart on short text: read as cp1252."""
_STRAY = "storylens-stray-cp1252"


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY, _stray_as_cp1252)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """Text read from bytes, the encoding that read it, and a warning when that was not certain."""

    text: str
    encoding: str
    warning: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Undecodable:
    """Why bytes could not become article text."""

    code: IssueCode
    detail: str


def decode_bytes(
    raw: bytes, *, max_bytes: int = MAX_BYTES, declared: str | None = None
) -> Decoded | Undecodable:
    """Decode article bytes; ``declared`` is a charset stated outside them (HTTP, a feed record).

    >>> decode_bytes("café".encode("latin-1")).encoding
    'cp1252'
    >>> decode_bytes("Привет".encode("cp1251") + b' <meta charset="windows-1251">').text[:6]
    'Привет'
    """
    if len(raw) > max_bytes:
        return Undecodable(
            code=IssueCode.TOO_LARGE,
            detail=f"{len(raw) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit "
            "(raise it with --max-bytes)",
        )
    if not raw.strip():
        return Undecodable(code=IssueCode.EMPTY, detail="the input is empty")
    unicode_encoding = sniff_unicode(raw)
    if unicode_encoding:
        return _decode_as(raw, unicode_encoding)
    if _looks_binary(raw):
        return Undecodable(code=IssueCode.BINARY, detail="binary data, not text")
    stated = declared or declared_charset(raw)
    if stated:
        decoded = _decode_declared(raw, stated)
        if decoded is not None:
            return decoded
    try:
        return Decoded(text=raw.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(raw) or _guess(raw)


def sniff_unicode(raw: bytes) -> str | None:
    """The UTF encoding that a BOM or the zero-byte pattern of UTF-16 shows, else None."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    if _looks_like_utf16(raw):
        return "utf-16-le" if raw[1] == 0 else "utf-16-be"
    return None


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 4 KB, normalised."""
    found = _DECLARED.search(raw[:4096])
    if not found:
        return None
    label = (found.group("meta") or found.group("xml")).decode("ascii", "replace").lower()
    return _WHATWG.get(label, label)


def decode_line(raw: bytes) -> Decoded:
    """One line of a UTF-8 stream (JSON is UTF-8 by RFC 8259): stray bytes read as cp1252."""
    try:
        return Decoded(text=raw.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        return Decoded(
            text=raw.decode("utf-8", errors=_STRAY),
            encoding="utf-8",
            warning="stray bytes not UTF-8 were read as Windows-1252",
        )


def _decode_declared(raw: bytes, label: str) -> Decoded | None:
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return Decoded(text=text, encoding=codec)


def _mostly_utf8(raw: bytes) -> Decoded | None:
    """UTF-8 with a few bytes that are not: keep the UTF-8, read only the strays as cp1252.

    Valid multi-byte UTF-8 sequences are next to impossible in real cp1252 text (they read as
    mojibake such as "Ã©"), so one of them per ten stray bytes marks the file as UTF-8.
    """
    valid = len(_UTF8_MULTIBYTE.findall(raw))
    stray = raw.decode("utf-8", errors="replace").count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    if valid == 0 or stray > 10 * valid:
        return None
    return Decoded(
        text=raw.decode("utf-8", errors=_STRAY),
        encoding="utf-8",
        warning=f"mostly UTF-8; {stray} stray byte(s) not UTF-8 were read as Windows-1252",
    )


def _guess(raw: bytes) -> Decoded:
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding.startswith(("utf_16", "utf_32")) or encoding in _WESTERN:
        encoding = "cp1252"
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", raw.decode("latin-1")
    return Decoded(
        text=text,
        encoding=encoding,
        warning=f"no charset declared and not UTF-8; guessed {encoding}",
    )


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
