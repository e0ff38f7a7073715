"""HTML pages: main text and metadata via trafilatura."""

from __future__ import annotations

import re
from typing import Any

from storylens.ingest.identity import article_id
from storylens.ingest.records import parse_date
from storylens.ingest.site import page_site_names
from storylens.model import InputFormat, Issue, IssueCode, RawArticle


def read_html(html: str, *, input_name: str) -> RawArticle | Issue:
    """One article from an HTML page, or why there is none."""
    import trafilatura

    try:
        result: Any = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_recall=True
        )
    except (ValueError, TypeError) as exc:
        return _broken(input_name, f"trafilatura could not parse it ({exc})")
    fields = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    text = (fields or {}).get("text") or ""
    if not text.strip():
        return _broken(input_name, "no article text found in the HTML")
    author = fields.get("author") or ""
    url = fields.get("url") or declared_url(html)
    title = fields.get("title") or None
    site = fields.get("sitename") or None
    others = page_site_names(html, url=url, declared=site, headline=title)
    return RawArticle(
        id=article_id(text),
        input=input_name,
        format=InputFormat.HTML,
        text=text,
        title=title,
        url=url,
        published=parse_date(fields.get("date")),
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        site_name=site,
        page_names=others,
    )


_CANONICAL = (
    re.compile(r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"'>\s]+)""", re.I),
    re.compile(r"""<link[^>]+href=["']([^"'>\s]+)["'][^>]*rel=["']?canonical""", re.I),
    re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"'>\s]+)""", re.I),
)


def declared_url(html: str) -> str | None:
    """The page's own URL as its head declares it (canonical link or ``og:url``)."""
    head = html[:200_000]
    for pattern in _CANONICAL:
        found = pattern.search(head)
        if found and found.group(1).startswith(("http://", "https://")):
            return found.group(1)
    return None


def _broken(input_name: str, detail: str) -> Issue:
    return Issue(input=input_name, code=IssueCode.BROKEN_HTML, detail=detail, stage="ingest")


_BLOCKS = frozenset(
    {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "figcaption"}
)


def fragment_text(html: str) -> str:
    r"""Plain text of an HTML fragment (a feed item's content): one paragraph per block element.

    >>> fragment_text("<p>One <b>two</b>.</p><p>Three.</p>")
    'One two.\n\nThree.'
    """
    if "<" not in html:
        return " ".join(html.split())
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "br":
            node.tail = "\n" + (node.tail or "")
        elif node.tag in _BLOCKS:
            node.text = "\n\n" + (node.text or "")
            node.tail = "\n\n" + (node.tail or "")
    blocks = [" ".join(b.split()) for b in root.text_content().split("\n\n")]
    return "\n\n".join(b for b in blocks if b)
