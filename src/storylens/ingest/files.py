"""Read every input a user can name: files, directories (recursively) and ``-`` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storylens.ingest.bounds import bounded
from storylens.ingest.decode import MAX_BYTES, Undecodable, decode_bytes
from storylens.ingest.feeds import looks_like_feed, read_feed
from storylens.ingest.html import read_html
from storylens.ingest.identity import article_id
from storylens.ingest.records import read_csv_text, read_json_text, read_jsonl_lines
from storylens.ingest.streams import LineStream
from storylens.model import InputFormat, Issue, IssueCode, RawArticle

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".json", ".csv"}

RawOrIssue = RawArticle | Issue


def read_inputs(names: Iterable[str], *, max_bytes: int = MAX_BYTES) -> Iterator[RawOrIssue]:
    """Every article (or issue) in the named inputs, in order; ``-`` reads stdin.

    Each article is checked against the bounds of `storylens.ingest.bounds` on the way out.
    """
    for item in _read_all(names, max_bytes=max_bytes):
        yield bounded(item) if isinstance(item, RawArticle) else item


def _read_all(names: Iterable[str], *, max_bytes: int) -> Iterator[RawOrIssue]:
    for name in names:
        if name == "-":
            yield from read_stdin(sys.stdin.buffer, max_bytes=max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READABLE and not child.name.startswith("."):
                    yield from read_path(child, max_bytes=max_bytes)
        else:
            yield from read_path(path, max_bytes=max_bytes)


def read_path(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[RawOrIssue]:
    """Articles in one file; JSONL is streamed line by line."""
    name = str(path)
    if not path.exists():
        yield _issue(name, IssueCode.NOT_FOUND, "no such file or directory")
        return
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl_file(path, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _issue(
                name,
                IssueCode.TOO_LARGE,
                f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit "
                "(raise it with --max-bytes)",
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield _issue(name, IssueCode.UNREADABLE, exc.strerror or str(exc))
        return
    yield from read_bytes(raw, input_name=name, suffix=path.suffix.lower(), max_bytes=max_bytes)


def read_stdin(stream: BinaryIO, *, max_bytes: int = MAX_BYTES) -> Iterator[RawOrIssue]:
    """Articles on standard input, read no further than ``max_bytes`` (then one issue)."""
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        yield _issue(
            "<stdin>",
            IssueCode.TOO_LARGE,
            f"over the {max_bytes / 1e6:.1f} MB limit (raise it with --max-bytes)",
        )
        return
    yield from read_bytes(raw, input_name="<stdin>", max_bytes=max_bytes)


def read_bytes(
    raw: bytes, *, input_name: str, suffix: str = "", max_bytes: int = MAX_BYTES
) -> Iterator[RawOrIssue]:
    """Articles in one input's bytes, by suffix or, failing that, by sniffing the content."""
    decoded = decode_bytes(raw, max_bytes=max_bytes)
    if isinstance(decoded, Undecodable):
        yield _issue(input_name, decoded.code, decoded.detail)
        return
    if decoded.warning:
        yield Issue(
            input=input_name,
            code=IssueCode.CHARSET_GUESSED,
            detail=decoded.warning,
            stage="ingest",
            warning=True,
        )
    yield from _some(_parse(decoded.text, decoded.encoding, input_name, suffix), input_name)


def _parse(text: str, encoding: str, input_name: str, suffix: str) -> Iterator[RawOrIssue]:
    head = text.lstrip()[:200].lower()
    if suffix in JSONL_SUFFIXES or (not suffix and head.startswith("{") and "\n{" in text):
        yield from read_jsonl_lines(text.splitlines(), input_name=input_name)
    elif suffix == ".json" or (not suffix and head.startswith(("{", "["))):
        yield from read_json_text(text, input_name=input_name)
    elif suffix == ".csv":
        yield from read_csv_text(text, input_name=input_name)
    elif suffix in FEED_SUFFIXES or looks_like_feed(text):
        yield from read_feed(text, input_name=input_name)
    elif suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        yield read_html(text, input_name=input_name)
    else:
        yield RawArticle(
            id=article_id(text),
            input=input_name,
            format=InputFormat.TEXT,
            text=text,
            encoding=encoding,
        )


def _read_jsonl_file(path: Path, *, max_bytes: int) -> Iterator[RawOrIssue]:
    name = str(path)
    with path.open("rb") as handle:
        lines = LineStream(handle, max_bytes=max_bytes)
        yield from _some(read_jsonl_lines(lines, input_name=name, max_bytes=max_bytes), name)
    warning = lines.warning()
    if warning:
        yield Issue(
            input=name, code=IssueCode.CHARSET_GUESSED, detail=warning, stage="ingest", warning=True
        )


def _some(items: Iterator[RawOrIssue], input_name: str) -> Iterator[RawOrIssue]:
    """The items, or one error when the input held no article and no other error was said."""
    said = False
    for item in items:
        said = said or isinstance(item, RawArticle) or not item.warning
        yield item
    if not said:
        yield _issue(input_name, IssueCode.NO_ARTICLES, "no articles found")


def _issue(input_name: str, code: IssueCode, detail: str) -> Issue:
    return Issue(input=input_name, code=code, detail=detail, stage="ingest")
