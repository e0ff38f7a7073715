"""RSS 2.0 and Atom feeds: each item with text becomes an article."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from typing import Any

from storylens.ingest.html import read_html
from storylens.ingest.identity import article_id
from storylens.ingest.records import parse_date
from storylens.model import InputFormat, Issue, IssueCode, RawArticle

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def looks_like_feed(text: str) -> bool:
    """True when the text starts like an RSS or Atom document."""
    head = text.lstrip()[:500].lower()
    return (head.startswith("<?xml") and ("<rss" in head or "<feed" in head)) or head.startswith(
        ("<rss", "<feed")
    )


def read_feed(text: str, *, input_name: str) -> Iterator[RawArticle | Issue]:
    """Articles from the items of a feed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except etree.XMLSyntaxError as exc:
        yield Issue(
            input=input_name,
            code=IssueCode.BROKEN_HTML,
            detail=f"broken feed XML: {exc}",
            stage="ingest",
        )
        return
    channel_title = root.findtext("channel/title") or root.findtext(f"{_ATOM}title")
    items = root.findall("channel/item") or root.findall(f"{_ATOM}entry")
    for index, item in enumerate(items):
        yield _read_item(item, input_name=f"{input_name}#item{index}", outlet=channel_title)


def _read_item(item: Any, *, input_name: str, outlet: str | None) -> RawArticle | Issue:
    body = (
        item.findtext(_CONTENT)
        or item.findtext("description")
        or item.findtext(f"{_ATOM}content")
        or item.findtext(f"{_ATOM}summary")
        or ""
    )
    page = read_html(f"<html><body><article>{body}</article></body></html>", input_name=input_name)
    if isinstance(page, Issue):
        return Issue(
            input=input_name,
            code=IssueCode.MISSING_FIELD,
            detail="the feed item has no text",
            stage="ingest",
        )
    link = item.findtext("link") or _atom_link(item)
    return RawArticle(
        id=article_id(page.text),
        input=input_name,
        format=InputFormat.HTML,
        text=page.text,
        title=(item.findtext("title") or item.findtext(f"{_ATOM}title") or "").strip() or None,
        outlet=outlet.strip() if outlet else None,
        url=link.strip() if link else None,
        published=_item_date(item),
    )


def _atom_link(item: Any) -> str | None:
    link = item.find(f"{_ATOM}link")
    return link.get("href") if link is not None else None


def _item_date(item: Any) -> Any:
    rfc822 = item.findtext("pubDate")
    if rfc822:
        try:
            return email.utils.parsedate_to_datetime(rfc822)
        except (TypeError, ValueError):
            return None
    return parse_date(item.findtext(f"{_ATOM}published") or item.findtext(f"{_ATOM}updated"))
