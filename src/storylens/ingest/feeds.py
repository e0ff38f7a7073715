"""Feeds through feedparser: RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom; each item is an article.

The full text (``content:encoded``, Atom ``content`` of type html or xhtml) is preferred to the
teaser (``description``, ``summary``); an item that carries only a short teaser is still read,
with a warning. The link is the ``rel="alternate"`` one (feedparser's ``link``), never ``self``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from storylens.ingest.html import fragment_text
from storylens.ingest.identity import article_id
from storylens.model import InputFormat, Issue, IssueCode, RawArticle
from storylens.timestamps import parse_timestamp

TEASER_WORDS = 80
"""An item whose only text is a summary this short (or cut with "…") is a teaser."""
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[\w.:-]+(["'])""")
_CUT = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|read more\W*|continue reading\W*)\s*$", re.I)


def looks_like_feed(text: str) -> bool:
    """True when the text starts like an RSS, RDF or Atom document."""
    head = text.lstrip()[:1000].lower()
    if head.startswith("<?xml"):
        return any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))
    return head.startswith(("<rss", "<feed", "<rdf:rdf"))


def read_feed(data: bytes | str, *, input_name: str) -> Iterator[RawArticle | Issue]:
    """Articles (and teaser warnings) from the items of a feed; no items is an error."""
    import feedparser

    if isinstance(data, str):  # already decoded: the declaration must not re-decode it
        data = _XML_ENCODING.sub(r"\g<1>utf-8\g<2>", data, count=1).encode("utf-8")
    parsed: Any = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f"no articles found in the feed ({reason})" if reason else "no articles found"
        yield Issue(input=input_name, code=IssueCode.NO_ARTICLES, detail=detail, stage="ingest")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(parsed.entries):
        yield from _read_entry(entry, input_name=f"{input_name}#item{index}", outlet=outlet)


def _read_entry(entry: Any, *, input_name: str, outlet: str | None) -> Iterator[RawArticle | Issue]:
    full = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    summary = entry.get("summary", "") or ""
    text = fragment_text(max(full, key=len)) if full else ""
    teaser = fragment_text(summary)
    if len(text.split()) < len(teaser.split()):
        text = teaser
    if not text.strip():
        yield Issue(
            input=input_name,
            code=IssueCode.MISSING_FIELD,
            detail="the feed item has no text",
            stage="ingest",
        )
        return
    if not full and (len(text.split()) < TEASER_WORDS or _CUT.search(text)):
        yield Issue(
            input=input_name,
            code=IssueCode.TEASER_ONLY,
            detail=f"the item carries only a teaser ({len(text.split())} words); "
            "read the page itself for the full text",
            stage="ingest",
            warning=True,
        )
    yield RawArticle(
        id=article_id(text),
        input=input_name,
        format=InputFormat.HTML,
        text=text,
        title=(entry.get("title") or "").strip() or None,
        outlet=outlet,
        url=(entry.get("link") or "").strip() or None,
        published=_entry_date(entry),
        authors=_authors(entry),
    )


def _entry_date(entry: Any) -> dt.datetime | None:
    for key in ("published", "updated", "created"):
        stamp = parse_timestamp(entry.get(key))
        if stamp is not None:
            return stamp
        struct = entry.get(f"{key}_parsed")
        if struct:
            return dt.datetime.fromtimestamp(calendar.timegm(struct), tz=dt.UTC)
    return None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name", "") for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [n.strip() for n in names if n and n.strip()]
    if not names and entry.get("author"):
        names = [entry["author"].strip()]
    return tuple(dict.fromkeys(names))
