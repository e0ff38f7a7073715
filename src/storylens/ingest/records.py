"""JSON, JSONL and CSV records: one article per object, the user's other fields kept as metadata.

Besides storylens's own names, the field names of other tools' exports are understood:
news-please (``maintext``, ``date_publish``, ``source_domain``, ``authors``), newspaper4k's
``to_json`` (``text``, ``publish_date``, ``meta_site_name``, ``canonical_link``) and Media
Cloud story lists (``story_text``, ``media_name``, ``publish_date``, ``stories_id``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from storylens.ingest.identity import article_id
from storylens.model import InputFormat, Issue, IssueCode, RawArticle
from storylens.timestamps import parse_timestamp

KNOWN_FIELDS = ("id", "title", "text", "outlet", "url", "date", "authors")
_SYNONYMS = {
    "id": ("stories_id",),
    "text": ("maintext", "body", "content", "story_text", "articleBody", "article_text"),
    "outlet": (
        "publisher",
        "source",
        "site_name",
        "meta_site_name",
        "media_name",
        "source_name",
        "source_domain",
        "domain",
    ),
    "url": ("canonical_link", "link", "guid"),
    "date": (
        "published",
        "publication_date",
        "pubdate",
        "date_publish",
        "publish_date",
        "datePublished",
        "published_at",
        "timestamp",
    ),
    "authors": ("author", "byline", "creator"),
    "title": ("headline",),
}


def read_json_text(text: str, *, input_name: str) -> Iterator[RawArticle | Issue]:
    """Articles from a JSON document: one record or a list of records."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _issue(
            input_name, IssueCode.BROKEN_JSON, f"invalid JSON: {exc.msg} at line {exc.lineno}"
        )
        return
    except RecursionError:
        yield _too_deep(input_name)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records):
        yield read_record(record, input_name=f"{input_name}[{index}]")


def read_jsonl_lines(
    lines: Iterable[str | None], *, input_name: str, max_bytes: int | None = None
) -> Iterator[RawArticle | Issue]:
    """Articles from JSON lines, streamed: memory stays flat in corpus size.

    A line given as ``None`` was over ``max_bytes`` (see `storylens.ingest.streams.LineStream`).
    """
    for number, line in enumerate(lines, start=1):
        where = f"{input_name}:{number}"
        if line is None:
            limit = f"the {max_bytes / 1e6:.1f} MB limit" if max_bytes else "the limit"
            detail = f"the record is over {limit} (raise it with --max-bytes)"
            yield _issue(where, IssueCode.TOO_LARGE, detail)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _issue(where, IssueCode.BROKEN_JSON, f"malformed JSON line: {exc.msg}")
            continue
        except RecursionError:
            yield _too_deep(where)
            continue
        yield read_record(record, input_name=where)


def read_csv_text(text: str, *, input_name: str) -> Iterator[RawArticle | Issue]:
    """Articles from CSV with a header row (the same field names as JSON records)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            where = f"{input_name}:{reader.line_num}"
            if None in row:
                yield _issue(where, IssueCode.BROKEN_CSV, "the row has more cells than the header")
                continue
            yield read_record(dict(row), input_name=where)
    except csv.Error as exc:
        yield _issue(f"{input_name}:{reader.line_num}", IssueCode.BROKEN_CSV, f"broken CSV: {exc}")


def read_record(record: Any, *, input_name: str) -> RawArticle | Issue:
    """One article from one JSON object, or the reason it is not one."""
    if not isinstance(record, dict):
        return _issue(input_name, IssueCode.BROKEN_JSON, "a record must be a JSON object")
    fields = {name: _field(record, name) for name in KNOWN_FIELDS}
    text = fields["text"]
    if not isinstance(text, str) or not text.strip():
        return _issue(input_name, IssueCode.MISSING_FIELD, "the record has no 'text'")
    used = set(KNOWN_FIELDS).union(*_SYNONYMS.values())
    return RawArticle(
        id=str(fields["id"]) if fields["id"] else article_id(text),
        input=input_name,
        format=InputFormat.JSON,
        text=text,
        title=_str_or_none(fields["title"]),
        outlet=_str_or_none(fields["outlet"]),
        url=_str_or_none(fields["url"]),
        published=parse_date(fields["date"]),
        authors=_authors(fields["authors"]),
        metadata={k: v for k, v in record.items() if k not in used},
    )


def parse_date(value: Any) -> dt.datetime | None:
    """An aware datetime from a record's date (ISO, RFC 822, "August 31, 2016", epoch)."""
    return parse_timestamp(value)


def _field(record: dict[str, Any], name: str) -> Any:
    if record.get(name) not in (None, ""):
        return record[name]
    for synonym in _SYNONYMS.get(name, ()):
        if record.get(synonym) not in (None, ""):
            return record[synonym]
    return None


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(a.strip() for a in value.replace(" and ", ",").split(",") if a.strip())
    if isinstance(value, list):
        return tuple(str(a) for a in value if a)
    return ()


def _too_deep(input_name: str) -> Issue:
    return _issue(input_name, IssueCode.TOO_DEEP, "JSON nested too deep to read")


def _issue(input_name: str, code: IssueCode, detail: str) -> Issue:
    return Issue(input=input_name, code=code, detail=detail, stage="ingest")
