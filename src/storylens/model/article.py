"""Articles as read and cleaned: spans, inputs, issues, debris, captions and sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

JSONValue = Any
"""A user's own input fields, carried through untouched (the one free-form mapping)."""

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class Span:
    """Character offsets ``[start, end)`` into an article's text as read, plus that text."""

    start: int
    end: int
    text: str


class InputFormat(StrEnum):
    """How an article was read."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"


class Evidence(StrEnum):
    """Where a piece of metadata (outlet, publication date) came from."""

    METADATA = "metadata"
    URL = "url"
    SITE_NAME = "site_name"
    HTML_META = "html_meta"
    DEBRIS = "debris"
    DATELINE = "dateline"
    BYLINE = "byline"
    CREDIT = "credit"
    HOUSE_STYLE = "house_style"
    FILENAME = "filename"
    UNKNOWN = "unknown"


class IssueCode(StrEnum):
    """Stable codes for data problems; each becomes one error line, never a crash."""

    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    UNDECODABLE = "undecodable"
    BROKEN_HTML = "broken_html"
    BROKEN_JSON = "broken_json"
    BROKEN_CSV = "broken_csv"
    MISSING_FIELD = "missing_field"
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    UNBALANCED_QUOTE = "unbalanced_quote"
    NO_ARTICLES = "no_articles"
    CHARSET_GUESSED = "charset_guessed"
    TEASER_ONLY = "teaser_only"
    NOT_ENGLISH = "not_english"
    TOO_DEEP = "too_deep"
    FIELD_TOO_LONG = "field_too_long"
    RECORD_FAILED = "record_failed"
    DUPLICATE_ID = "duplicate_id"


@dataclass(**_FROZEN)
class Issue:
    """A problem with one input or article, reported and counted, never fatal to the batch."""

    input: str
    code: IssueCode
    detail: str
    stage: str
    article_id: str | None = None
    warning: bool = False
    """True when the input was still read (a guessed charset, a teaser-only feed item)."""

    def line(self) -> str:
        """One clear error line naming the input and the reason.

        Control characters (a newline in a file name) are shown escaped, so one issue is
        always exactly one line and cannot forge another.
        """
        return f"{_one_line(self.input)}: {self.code.value}: {_one_line(self.detail)}"


def _one_line(text: str) -> str:
    """``text`` with control, bidi and separator characters shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


@dataclass(**_FROZEN)
class RawArticle:
    """One article as ingested, before cleaning."""

    id: str
    input: str
    format: InputFormat
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    page_names: tuple[str, ...] = ()
    """Other names an HTML page gives its site (og:site_name, its title, its copyright line)."""
    encoding: str = "utf-8"
    metadata: dict[str, JSONValue] = field(default_factory=dict)


class DebrisReason(StrEnum):
    """Why a line of page text is not part of the article."""

    ADVERTISEMENT = "advertisement"
    NAVIGATION = "navigation"
    CALL_TO_ACTION = "call_to_action"
    RECOMMENDATION = "recommendation"
    MEMBERSHIP = "membership"
    SOCIAL = "social"
    BOILERPLATE = "boilerplate"
    BYLINE = "byline"
    """A byline or timestamp line: kept as metadata (author, outlet, date), not body."""


@dataclass(**_FROZEN)
class Debris:
    """A removed line, with the reason and the rule that matched."""

    span: Span
    reason: DebrisReason
    rule: str


@dataclass(**_FROZEN)
class Caption:
    """A photo caption, kept as metadata, not body; ``credit`` names the photo's source."""

    span: Span
    credit: Span | None = None


@dataclass(**_FROZEN)
class Credit:
    """A photo or image credit line ("Photo credit: Wikimedia Commons")."""

    span: Span


@dataclass(**_FROZEN)
class ListedSource:
    """One entry of a "Sources:" line ("CNN (2)"), with how often the outlet says it used it."""

    span: Span
    name: str
    count: int = 1


@dataclass(**_FROZEN)
class Article:
    """One piece by one outlet, cleaned: body paragraphs separated from debris and metadata."""

    id: str
    input: str
    format: InputFormat
    text: str
    title: str
    title_span: Span | None
    outlet: str
    outlet_evidence: Evidence
    url: str | None = None
    published: dt.datetime | None = None
    published_evidence: Evidence = Evidence.UNKNOWN
    authors: tuple[str, ...] = ()
    wire: str | None = None
    """The news agency whose copy this is (AP, Reuters, AFP...), beside the outlet that ran it."""
    outlet_span: Span | None = None
    """Where in the text the outlet or wire was read (a dateline, a credit line), if there."""
    published_span: Span | None = None
    """Where in the text the publication date was read (a byline timestamp), if there."""
    language: str | None = None
    """ISO 639-1 code of the body's language as detected, None when too short to tell."""
    paragraphs: tuple[Span, ...] = ()
    debris: tuple[Debris, ...] = ()
    captions: tuple[Caption, ...] = ()
    credits: tuple[Credit, ...] = ()
    listed_sources: tuple[ListedSource, ...] = ()
    metadata: dict[str, JSONValue] = field(default_factory=dict)


@dataclass(**_FROZEN)
class Sentence:
    """One body sentence; ``paragraph`` indexes ``Article.paragraphs``."""

    span: Span
    paragraph: int
