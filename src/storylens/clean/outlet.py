"""Which outlet published an article, and on what evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import urlparse

from storylens.model import Evidence, Span

KNOWN_DOMAINS = {
    "nytimes.com": "The New York Times",
    "foxnews.com": "Fox News",
    "huffingtonpost.com": "HuffPost",
    "huffpost.com": "HuffPost",
    "cnn.com": "CNN",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "theguardian.com": "The Guardian",
    "breitbart.com": "Breitbart",
    "pjmedia.com": "PJ Media",
    "opposingviews.com": "Opposing Views",
    "politico.com": "Politico",
    "npr.org": "NPR",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "usatoday.com": "USA Today",
    "aljazeera.com": "Al Jazeera",
    "thehill.com": "The Hill",
    "vox.com": "Vox",
    "nypost.com": "New York Post",
    "motherjones.com": "Mother Jones",
    "thefederalist.com": "The Federalist",
    "dailycaller.com": "The Daily Caller",
    "nationalreview.com": "National Review",
}

_DEBRIS_EVIDENCE = (
    re.compile(r"^trending on (?P<outlet>.+?)(?: videos?| now)?$", re.IGNORECASE),
    re.compile(r"^more from (?P<outlet>.+)$", re.IGNORECASE),
    re.compile(r"^(?:copyright|©)\s*(?:\d{4}\s*)?(?P<outlet>[^.,]+?)(?:[.,].*)?$", re.IGNORECASE),
    re.compile(r"^(?:follow|like) (?P<outlet>.+?) on (?:twitter|facebook)$", re.IGNORECASE),
)
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,40}\((?P<outlet>AP|Reuters|CNN|AFP|UPI|Bloomberg)\)\s*[-—–]"
)
_WIRE_NAMES = {"AP": "Associated Press"}

HOUSE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Opposing Views closes every article with "Sources: … / Photo credit: …".
    ("Opposing Views", re.compile(r"^Sources?: .+ / (?:Photo|Image) credit: ", re.IGNORECASE)),
)


def outlet_from_url(url: str | None) -> str | None:
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
    for domain, name in KNOWN_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host


def infer_outlet(
    *,
    metadata_outlet: str | None,
    url: str | None,
    site_name: str | None,
    debris: Sequence[Span],
    lines: Sequence[Span],
    input_name: str,
) -> tuple[str, Evidence]:
    """The outlet and the evidence for it, in order of trust."""
    if metadata_outlet:
        return metadata_outlet, Evidence.METADATA
    from_url = outlet_from_url(url)
    if from_url:
        return from_url, Evidence.URL
    if site_name:
        return site_name, Evidence.SITE_NAME
    for line in debris:
        for pattern in _DEBRIS_EVIDENCE:
            found = pattern.match(line.text.strip(" .:"))
            if found:
                return found.group("outlet").strip(), Evidence.DEBRIS
    for line in lines[:5]:
        dateline = _DATELINE.match(line.text)
        if dateline:
            wire = dateline.group("outlet")
            return _WIRE_NAMES.get(wire, wire), Evidence.DATELINE
    for name, pattern in HOUSE_STYLES:
        if any(pattern.search(line.text) for line in lines):
            return name, Evidence.HOUSE_STYLE
    stem = PurePath(input_name.split(":")[0].split("[")[0]).stem
    return (stem or "unknown"), (Evidence.FILENAME if stem else Evidence.UNKNOWN)
