"""Ad-hoc compare: 2–30 pasted or uploaded articles compared without storing anything.

Inputs are read by the ingest readers (text, HTML, JSON, JSONL, feeds) exactly as the CLI
reads files; a name given with an upload is only a label, never a path. Bounds: `MAX_ARTICLES`
articles, `MAX_ARTICLE_BYTES` per input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storylens.clean import clean_article
from storylens.compare import Comparison, compare_analyses, distinct_ids
from storylens.ingest.files import read_bytes
from storylens.ingest.records import read_record
from storylens.model import Analysis, Issue, RawArticle
from storylens.serve.errors import ApiError, ErrorCode

MIN_ARTICLES = 2
MAX_ARTICLES = 30
MAX_ARTICLE_BYTES = 200_000
"""Largest single input (bytes of UTF-8), about 30,000 words."""
SEPARATOR = "---"
"""A line holding only this separates pasted articles."""


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded or pasted input: a label and its bytes."""

    name: str
    data: bytes


def from_records(records: Any) -> list[RawArticle]:
    """Articles from a JSON list of records (``title``, ``text``, ``outlet``, ``url``, ``date``)."""
    if not isinstance(records, list):
        raise ApiError(400, ErrorCode.BAD_REQUEST, "'articles' must be a list of records")
    _check_count(len(records))
    found = []
    for n, record in enumerate(records, start=1):
        size = len(str(record.get("text", "")).encode()) if isinstance(record, dict) else 0
        if size > MAX_ARTICLE_BYTES:
            raise ApiError(
                413, ErrorCode.TOO_LARGE, f"article {n}: over {MAX_ARTICLE_BYTES:,} bytes"
            )
        item = read_record(record, input_name=f"article {n}")
        if isinstance(item, Issue):
            raise ApiError(
                422, ErrorCode.BAD_ARTICLE, f"{item.input}: {item.code.value}: {item.detail}"
            )
        found.append(item)
    return found


def from_uploads(uploads: Iterable[Upload]) -> list[RawArticle]:
    """Articles from uploaded files and pasted text (each read as the CLI reads a file)."""
    found: list[RawArticle] = []
    for upload in uploads:
        if len(upload.data) > MAX_ARTICLE_BYTES:
            raise ApiError(
                413, ErrorCode.TOO_LARGE, f"{upload.name}: over {MAX_ARTICLE_BYTES:,} bytes"
            )
        suffix = _suffix(upload.name)
        for item in read_bytes(upload.data, input_name=upload.name, suffix=suffix):
            if isinstance(item, Issue):
                raise ApiError(
                    422, ErrorCode.BAD_ARTICLE, f"{item.input}: {item.code.value}: {item.detail}"
                )
            found.append(item)
            _check_count(len(found), at_least=False)
    _check_count(len(found))
    return found


def split_pasted(text: str) -> list[Upload]:
    """Pasted text cut at lines holding only ``---``; empty parts are dropped."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == SEPARATOR:
            parts.append("\n".join(current))
            current = []
        else:
            current.append(line)
    parts.append("\n".join(current))
    blocks = [p for p in parts if p.strip()]
    return [Upload(name=f"pasted {n}", data=b.encode("utf-8")) for n, b in enumerate(blocks, 1)]


def compare_raw(raws: Sequence[RawArticle]) -> tuple[Comparison, list[Analysis]]:
    """Clean, analyse and compare (loads spaCy and the sentence model on first use)."""
    from storylens.pipeline import analyze_articles

    analyses, _ = distinct_ids(list(analyze_articles([clean_article(raw) for raw in raws])))
    return compare_analyses(analyses), analyses


def _check_count(count: int, *, at_least: bool = True) -> None:
    if count > MAX_ARTICLES:
        raise ApiError(
            413, ErrorCode.TOO_MANY_ARTICLES, f"at most {MAX_ARTICLES} articles per compare"
        )
    if at_least and count < MIN_ARTICLES:
        raise ApiError(
            422, ErrorCode.TOO_FEW_ARTICLES, f"at least {MIN_ARTICLES} articles are needed"
        )


def _suffix(name: str) -> str:
    """The file-name suffix of an upload's label (for choosing a reader, nothing else)."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""
