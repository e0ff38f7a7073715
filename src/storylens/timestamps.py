"""Publication timestamps as records, feeds, pages and bylines write them, as aware datetimes.

Shared by ingest (record and feed fields) and clean (bylines in the text). Parsing is
python-dateutil's (ISO 8601, RFC 822, "August 31, 2016", "Mon Oct 3, 2016 6:13PM"), plus
epoch seconds (or milliseconds) and the US time-zone abbreviations news sites print.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

from dateutil import parser as dateutil_parser

_HOUR = 3600
US_ZONES = {
    "EDT": -4 * _HOUR,
    "EST": -5 * _HOUR,
    "CDT": -5 * _HOUR,
    "CST": -6 * _HOUR,
    "MDT": -6 * _HOUR,
    "MST": -7 * _HOUR,
    "PDT": -7 * _HOUR,
    "PST": -8 * _HOUR,
    "ET": -5 * _HOUR,
    "BST": 1 * _HOUR,
    "CET": 1 * _HOUR,
    "CEST": 2 * _HOUR,
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
}
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
"""No news record online is older; an earlier "date" is a misread number."""
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s+at\s+|,?\s*(?:updated|published|posted)\s*:?\s*", re.I)


def parse_timestamp(value: Any) -> dt.datetime | None:
    """An aware datetime (naive ones taken as UTC) from a timestamp value, else None.

    >>> parse_timestamp("Tue, 04 Oct 2016 10:56:00 GMT").isoformat()
    '2016-10-04T10:56:00+00:00'
    >>> parse_timestamp("October 4, 2016 | 6:56am EDT").isoformat()
    '2016-10-04T06:56:00-04:00'
    >>> parse_timestamp(1475525580).date().isoformat()
    '2016-10-03'
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _EPOCH.match(text):
        return _epoch(float(text))
    return _aware(_iso(text) or _rfc822(text) or _dateutil(text))


def _epoch(seconds: float) -> dt.datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp if stamp >= EARLIEST else None


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(text: str) -> dt.datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _dateutil(text: str) -> dt.datetime | None:
    cleaned = _SEPARATORS.sub(" ", text).strip(" ,")
    if not re.search(r"\d", cleaned):
        return None
    try:
        parsed: dt.datetime = dateutil_parser.parse(cleaned, tzinfos=US_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed


def _aware(stamp: dt.datetime | None) -> dt.datetime | None:
    if stamp is None:
        return None
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    return stamp if stamp >= EARLIEST else None
