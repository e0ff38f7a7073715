"""Which outlet ran an article, which wire (news agency) wrote it, and on what evidence.

Order of trust for the outlet: the record's own field, the URL's domain, the page's site name,
a dateline or credit in the text ("WASHINGTON (CNN) —", "By The Associated Press",
"(CNSNews.com) -"), page debris naming the site ("© 2016 The Hill"), a house style, the file
name. A photo credit ("Getty Images") is never an outlet. The wire is read from the text alone:
a dateline or byline naming a news agency, or an agency's closing copyright line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlparse

from storylens.model import Evidence, Span
from storylens.outlets import OutletTable, builtin_table
from storylens.sitename import host_of, names_site, without_edition

_DEBRIS_EVIDENCE = (
    re.compile(r"^trending on (?P<outlet>.+?)(?: videos?| now)?$", re.IGNORECASE),
    re.compile(r"^more from (?P<outlet>.+)$", re.IGNORECASE),
    re.compile(
        r"^(?:copyright|©)\s*(?:\(c\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<outlet>[^.,|]+?)"
        r"(?:[.,|].*)?$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:follow|like) (?P<outlet>.+?) on (?:twitter|facebook)$", re.IGNORECASE),
)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:[ ,/]+[A-Z][\w.'’-]*){0,4},?\s*)?"
    r"\((?P<name>[^()\n]{2,40})\)\s*(?:[-—–:]|$)"
)
_BYLINE_CREDIT = re.compile(
    r"^by\s+(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:and\s+(?:[A-Z][\w.'’-]*\s*){1,3})?[,|/–—-]\s*)?"
    r"(?P<name>(?:the\s+)?[A-Z][\w.&'’ -]{1,40}?)(?:\s+(?:staff|writers?|reporters?))?\s*$",
    re.IGNORECASE,
)
_DOMAIN_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|ir|ru|info|news)$", re.I)

HOUSE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Opposing Views closes every article with "Sources: … / Photo credit: …".
    ("Opposing Views", re.compile(r"^Sources?: .+ / (?:Photo|Image) credit: ", re.IGNORECASE)),
)
HEAD_LINES = 6
"""Datelines and credits are looked for in the first lines only."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OutletFinding:
    """The outlet, its evidence, the wire if one wrote the copy, and where the text says so."""

    outlet: str
    evidence: Evidence
    wire: str | None = None
    span: Span | None = None


def outlet_from_url(url: str | None, table: OutletTable | None = None) -> str | None:
    """An outlet name from a URL's domain (known names, else the bare domain).

    >>> outlet_from_url("https://www.nytimes.com/2016/10/03/world/syria.html")
    'The New York Times'
    """
    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    if not host:
        return None
    return (table or builtin_table()).from_host(host) or host


def infer_outlet(
    *,
    metadata_outlet: str | None,
    url: str | None,
    site_name: str | None,
    debris: Sequence[Span],
    lines: Sequence[Span],
    input_name: str,
    table: OutletTable | None = None,
    page_names: Sequence[str] = (),
) -> OutletFinding:
    """The outlet and the evidence for it, in order of trust, and the wire from the text.

    ``page_names`` are the other names an HTML page gives its site, tried after ``site_name``.
    """
    table = table or builtin_table()
    wire, wire_span = find_wire(lines, debris, table)
    if wire is None and site_name and table.wire(site_name):
        wire = table.wire(site_name)
    names = [n for n in (site_name, *page_names) if n]
    found = _outlet(metadata_outlet, url, names, debris, lines, table)
    if found is None:
        stem = PurePath(input_name.split(":")[0].split("[")[0].split("#")[0]).stem
        found = OutletFinding(
            outlet=stem or "unknown", evidence=Evidence.FILENAME if stem else Evidence.UNKNOWN
        )
    outlet = table.canonical(found.outlet)
    return OutletFinding(
        outlet=outlet, evidence=found.evidence, wire=wire, span=found.span or wire_span
    )


def find_wire(
    lines: Sequence[Span], debris: Sequence[Span], table: OutletTable
) -> tuple[str | None, Span | None]:
    """The news agency a dateline, byline or agency copyright line names, with its span."""
    for line in lines[:HEAD_LINES]:
        named = _credited_name(line.text, table)
        if named and table.wire(named[0]):
            return table.wire(named[0]), _part(line, named[1])
    for line in debris:
        found = _DEBRIS_EVIDENCE[2].match(line.text.strip(" ."))
        if found and table.wire(found.group("outlet")):
            return table.wire(found.group("outlet")), _part(line, found.span("outlet"))
    return None, None


def _outlet(
    metadata_outlet: str | None,
    url: str | None,
    site_names: Sequence[str],
    debris: Sequence[Span],
    lines: Sequence[Span],
    table: OutletTable,
) -> OutletFinding | None:
    if metadata_outlet and not table.is_photo_agency(metadata_outlet):
        if _DOMAIN_NAME.match(metadata_outlet.strip()):  # news-please's source_domain
            metadata_outlet = outlet_from_url(metadata_outlet.strip(), table) or metadata_outlet
        return OutletFinding(outlet=metadata_outlet, evidence=Evidence.METADATA)
    from_url = outlet_from_url(url, table)
    site = next((n for n in (_site_name(n, url, table) for n in site_names) if n), None)
    if from_url and (table.known(from_url) or site is None):
        return OutletFinding(outlet=from_url, evidence=Evidence.URL)
    if site:
        return OutletFinding(outlet=site, evidence=Evidence.SITE_NAME)
    for line in lines[:HEAD_LINES]:
        named = _credited_name(line.text, table)
        if named:
            evidence = Evidence.DATELINE if named[2] else Evidence.CREDIT
            return OutletFinding(outlet=named[0], evidence=evidence, span=_part(line, named[1]))
    for line in debris:
        for pattern in _DEBRIS_EVIDENCE:
            found = pattern.match(line.text.strip(" .:"))
            if found and _plausible(found.group("outlet"), table):
                name = found.group("outlet").strip()
                return OutletFinding(outlet=name, evidence=Evidence.DEBRIS)
    for name, pattern in HOUSE_STYLES:
        if any(pattern.search(line.text) for line in lines):
            return OutletFinding(outlet=name, evidence=Evidence.HOUSE_STYLE)
    return None


def _site_name(name: str, url: str | None, table: OutletTable) -> str | None:
    """The site name, or its first part before " | " or " - " (a tagline follows), if an outlet.

    A company or edition tail is dropped when the rest spells the host ("Healthline Media",
    "Business Insider Deutschland" on healthline.com and businessinsider.de).
    """
    host = host_of(url)
    for part in (*re.split(r"\s+[|–—-]\s+|:\s+", name)[:1], name):
        if _site_name_is_outlet(part.strip(" _"), host, table):
            return without_edition(part.strip(" _"), host) if host else part.strip(" _")
    return None


def _site_name_is_outlet(name: str, host: str, table: OutletTable) -> bool:
    """A page's site name that can stand for the outlet: short, one name, not a wire's.

    An AP story on a paper's site often declares "Associated Press" as its site name; a photo
    agency is never one; with a URL, the name must be the site's (`names_site`: it spells the
    host or shares a word with it, and is no tagline).
    """
    name = name.strip()
    if table.is_photo_agency(name) or table.wire(name) or "|" in name or "//" in name:
        return False
    if not 0 < len(name.split()) <= 6 or name.lower().startswith("copyright"):
        return False
    return names_site(name, host)


def _credited_name(text: str, table: OutletTable) -> tuple[str, tuple[int, int], bool] | None:
    """(name, its offsets in the line, whether a dateline) for a dateline or byline credit."""
    dateline = _DATELINE.match(text)
    if dateline:
        name = dateline.group("name").strip()
        if _plausible(name, table, strict=True):
            return name, dateline.span("name"), True
    if len(text.split()) <= 10:
        byline = _BYLINE_CREDIT.match(text.strip())
        if byline and table.known(byline.group("name")):
            return byline.group("name").strip(), byline.span("name"), False
    return None


def _plausible(name: str, table: OutletTable, *, strict: bool = False) -> bool:
    """A known outlet or wire, or (not strict) a short capitalised name; never a photo credit."""
    name = name.strip()
    if not name or table.is_photo_agency(name):
        return False
    if table.known(name) or _DOMAIN_NAME.match(name):
        return True
    return not strict and len(name.split()) <= 5 and name[:1].isupper()


def _part(line: Span, offsets: tuple[int, int]) -> Span:
    start, end = offsets
    return Span(start=line.start + start, end=line.start + end, text=line.text[start:end])
