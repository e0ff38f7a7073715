"""Bounds every article read must keep, whatever its format: field lengths, nesting, Unicode.

A record past a bound gets one clear `Issue` naming the field and the limit; it never
reaches the stages after reading, whose cost would otherwise grow with a hostile string
(a 1 MB id is copied into every fact, quote and pair of a comparison).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from storylens.model import Issue, IssueCode, RawArticle

MAX_ID_CHARS = 512
"""Longest article id accepted."""

MAX_FIELD_CHARS = 2_000
"""Longest title, outlet, URL or author name accepted."""

MAX_METADATA_CHARS = 100_000
"""Most characters in all the user's extra (metadata) fields of one record together."""

MAX_DEPTH = 32
"""Deepest nesting of lists and objects accepted in metadata."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def bounded(raw: RawArticle) -> RawArticle | Issue:
    """``raw`` with lone surrogates replaced (U+FFFD), or the `Issue` of a bound it breaks.

    JSON can spell a lone surrogate (backslash-u D800); it is not a character, cannot be written
    as UTF-8 and would stop any output that meets it, so it becomes U+FFFD like any other
    undecodable byte.
    """
    problem = _length_problem(raw) or _metadata_problem(raw.metadata)
    if problem is not None:
        code, detail = problem
        return Issue(input=raw.input, code=code, detail=detail, stage="ingest")
    return _without_surrogates(raw)


def _length_problem(raw: RawArticle) -> tuple[IssueCode, str] | None:
    if len(raw.id) > MAX_ID_CHARS:
        return IssueCode.FIELD_TOO_LONG, _too_long("id", len(raw.id), MAX_ID_CHARS)
    fields = {"title": raw.title, "outlet": raw.outlet, "url": raw.url, "site_name": raw.site_name}
    named = [*fields.items(), *(("author", a) for a in raw.authors)]
    for name, value in named:
        if value is not None and len(value) > MAX_FIELD_CHARS:
            return IssueCode.FIELD_TOO_LONG, _too_long(name, len(value), MAX_FIELD_CHARS)
    return None


def _too_long(name: str, length: int, limit: int) -> str:
    return f"the {name} is {length:,} characters, over the {limit:,} limit"


def _metadata_problem(metadata: dict[str, Any]) -> tuple[IssueCode, str] | None:
    """Depth and size of the metadata, walked without recursion (it may be deep)."""
    total = 0
    stack: list[tuple[Any, int]] = [(metadata, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return IssueCode.TOO_DEEP, f"metadata nested over {MAX_DEPTH} levels deep"
        if isinstance(value, dict):
            total += sum(len(str(k)) for k in value)
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        else:
            total += len(str(value))
        if total > MAX_METADATA_CHARS:
            return IssueCode.FIELD_TOO_LONG, (
                f"the metadata fields are over {MAX_METADATA_CHARS:,} characters together"
            )
    return None


def _without_surrogates(raw: RawArticle) -> RawArticle:
    strings = (
        raw.id,
        raw.text,
        raw.title,
        raw.outlet,
        raw.url,
        raw.site_name,
        *raw.authors,
        *raw.page_names,
    )
    if not any(s and _SURROGATE.search(s) for s in strings) and not _has_surrogate(raw.metadata):
        return raw
    return replace(
        raw,
        id=_clean(raw.id),
        text=_clean(raw.text),
        title=_clean_or_none(raw.title),
        outlet=_clean_or_none(raw.outlet),
        url=_clean_or_none(raw.url),
        site_name=_clean_or_none(raw.site_name),
        page_names=tuple(_clean(n) for n in raw.page_names),
        authors=tuple(_clean(a) for a in raw.authors),
        metadata=_clean_value(raw.metadata),
    )


def _clean(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _clean_or_none(text: str | None) -> str | None:
    return None if text is None else _clean(text)


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


def _clean_value(value: Any) -> Any:
    """``value`` with surrogates replaced in every string (metadata is at most `MAX_DEPTH`)."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return {_clean(str(k)): _clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value
