"""Request values parsed into typed queries: each checked, none used as SQL or a path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from storylens.serve.errors import ApiError, ErrorCode
from storylens.store.search import Sort, StoryQuery

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
MAX_QUERY_CHARS = 200


def story_query(params: Mapping[str, str]) -> StoryQuery:
    """The story list query from ``q, since, until, outlet, min_outlets, sort, page, per_page``."""
    size = _int(params, "per_page", PAGE_SIZE, low=1, high=MAX_PAGE_SIZE)
    page = _int(params, "page", 1, low=1, high=1_000_000)
    sort = params.get("sort") or Sort.LATEST.value
    if sort not in Sort.__members__.values():
        raise _bad(f"sort must be one of {', '.join(s.value for s in Sort)}")
    return StoryQuery(
        text=(params.get("q") or "")[:MAX_QUERY_CHARS],
        since=_date(params, "since"),
        until=_date(params, "until"),
        outlet=(params.get("outlet") or None),
        min_outlets=_int(params, "min_outlets", 1, low=1, high=1000),
        sort=Sort(sort),
        limit=size,
        offset=(page - 1) * size,
    )


def story_id(text: str) -> int:
    """A story id from the path: a positive integer, else 400 ``bad_id``."""
    if not text.isdigit() or len(text) > 18:
        raise ApiError(
            400, ErrorCode.BAD_ID, f"story id must be a positive integer, not {text[:40]!r}"
        )
    return int(text)


def article_id(text: str) -> str:
    """An article id from the path (an opaque string of at most 200 characters)."""
    if not text or len(text) > 200:
        raise ApiError(400, ErrorCode.BAD_ID, "article id must be 1–200 characters")
    return text


def _int(params: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise _bad(f"{name} must be an integer from {low} to {high}")
    return int(value)


def _date(params: Mapping[str, str], name: str) -> dt.date | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}") from None


def _bad(message: str) -> ApiError:
    return ApiError(400, ErrorCode.BAD_REQUEST, message)
