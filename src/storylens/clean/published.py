"""When an article was published, and on what evidence; byline and timestamp lines.

Order of trust: the record's or page's metadata, then a byline or timestamp line in the text
("Mon Oct 3, 2016 6:13PM", "October 4, 2016 | 6:56am EDT", "Published: 2016-10-03"), then a
date in the URL (``/2016/10/03/``). A date inside a body sentence is never taken: only a short
line that is nothing but a timestamp, a byline and such words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Evidence, Span
from storylens.timestamps import parse_timestamp

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:[\s,|•·-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4}\b)?)?"
)
_STAMP = re.compile(
    rf"(?:{_DAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_DAY}\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}){_TIME}",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"\(@\w+\)|\s@\w+")
"""An embedded post's signature ("— Ann Lee (@annlee) November 18, 2019") is not a byline."""
_LEADING_TIME = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?[\s,|•·-]*", re.IGNORECASE
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)|/((?:19|20)\d{6})/"
)
_BYLINE_WORDS = frozenset(
    re.findall(
        r"\w+",
        """by and on at published updated posted last modified first am pm et edt est cdt cst pdt
        pst gmt utc bst cet staff writer writers reporter reporters correspondent contributor
        editor the of news agency wire report reporting from with in photos photo time date""",
    )
)
MAX_BYLINE_WORDS = 20
HEAD_LINES = 8
TAIL_LINES = 4
LEAD_WORDS = 25
"""A line this long is body prose: the head of a page (where bylines sit) ends before it."""
MAX_HEAD_LINES = 40
LABELLED_LINES = 40
"""A timestamp labelled as one ("Published: …", "Updated …", "Posted …") counts this far down."""
_LABEL = re.compile(r"^\s*(?:published|updated|posted|last updated|first published)\b", re.I)


_BARE_LABEL = re.compile(
    r"^\s*(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?\s*:?\s*)?", re.I
)
_BY_NAME = re.compile(
    r"^by\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:\s+\d{1,4})?$", re.IGNORECASE
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")
_BY_NAMES = re.compile(r"^by\s+(\S.*\S)$", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
MAX_BY_NAMES = 5
"""A byline may list several authors ("By ANN LEE, BO DIAZ and CY FOX")."""


def is_bare_timestamp(text: str) -> bool:
    """A line that is only a timestamp, perhaps labelled ("November 20, 2019, 10:54 am").

    Such a line is page furniture wherever it stands (an article's or a comment's time), but
    only the head and foot of a page are read for the publication date.

    >>> is_bare_timestamp("First published on November 20, 2019 / 1:07 AM")
    True
    >>> is_bare_timestamp("June 19 – Charlotte, NC")
    False
    """
    rest = text[_BARE_LABEL.match(text).end() :]  # type: ignore[union-attr]
    rest = re.sub(r"\s*/\s*(?=\d)", " ", rest).strip(" ,|•·-")
    return bool(rest) and _STAMP.fullmatch(rest) is not None


def is_by_name(text: str) -> bool:
    """A line that is only a byline name: "By" and one to four capitalised words.

    >>> is_by_name("By Ann Lee"), is_by_name("By contrast"), is_by_name("By noon, it rained.")
    (True, False, False)
    >>> is_by_name("By ANN LEE, BO DIAZ and CY FOX"), is_by_name("By Friday, the bridge was shut.")
    (True, False)
    """
    if _BY_NAME.match(text.strip()) is not None:
        words = [w for w in text.split()[1:] if not w.isdigit()]
        return bool(words) and all(_NAME_WORD.match(w) for w in words)
    listed = _BY_NAMES.match(text.strip())
    if listed is None:
        return False
    names = _NAME_SEPARATOR.split(listed.group(1))
    return len(names) <= MAX_BY_NAMES and all(
        1 <= len(name.split()) <= 4 and all(_NAME_WORD.match(w) for w in name.split())
        for name in names
    )


def is_labelled_timestamp(text: str) -> bool:
    """A byline line that says what it is ("Published: Nov. 19, 2019, 6:18 p.m.")."""
    return bool(_LABEL.match(text)) and is_byline(text)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateFinding:
    """The publication date, its evidence, and the timestamp's span when read from the text."""

    published: dt.datetime | None
    evidence: Evidence
    span: Span | None = None


def is_byline(text: str) -> bool:
    """True when a line is only a timestamp with byline words ("By Ann Lee | Oct 3, 2016").

    >>> is_byline("Updated 6:13 PM ET, Mon October 3, 2016")
    True
    >>> is_byline("On October 3, 2016, the United States suspended the talks.")
    False
    """
    if len(text.split()) > MAX_BYLINE_WORDS or _HANDLE.search(text):
        return False
    stamp = _STAMP.search(text)
    if stamp is None:
        return False
    rest = (text[: stamp.start()] + " " + text[stamp.end() :]).replace("’", "'")
    for word in re.findall(r"[A-Za-z][\w'.-]*", rest):
        if word.lower().strip(".") not in _BYLINE_WORDS and not word[0].isupper():
            return False
    return not rest.rstrip().endswith((".", "?", "!")) or len(rest.split()) <= 3


def find_published(
    *, metadata: dt.datetime | None, lines: Sequence[Span], url: str | None
) -> DateFinding:
    """The publication date in order of trust: metadata, a byline or timestamp line, the URL."""
    if metadata is not None:
        return DateFinding(published=metadata, evidence=Evidence.METADATA)
    edges = edge_lines(lines)
    labelled = [line for line in lines[:LABELLED_LINES] if is_labelled_timestamp(line.text)]
    for line in [*edges, *labelled]:
        if not is_byline(line.text):
            continue
        stamp = _STAMP.search(line.text)
        assert stamp is not None
        value = parse_timestamp(_with_time(line.text, stamp))
        if value is not None:
            span = Span(
                start=line.start + stamp.start(),
                end=line.start + stamp.end(),
                text=stamp.group().strip(),
            )
            return DateFinding(published=value, evidence=Evidence.BYLINE, span=span)
    from_url = date_from_url(url)
    if from_url is not None:
        return DateFinding(published=from_url, evidence=Evidence.URL)
    return DateFinding(published=None, evidence=Evidence.UNKNOWN)


def edge_lines(lines: Sequence[Span]) -> list[Span]:
    """The head of a page (its lines before the first line of prose, at least 8) and its foot."""
    prose = (i for i, ln in enumerate(lines[:MAX_HEAD_LINES]) if len(ln.text.split()) >= LEAD_WORDS)
    first_prose = next(prose, min(len(lines), MAX_HEAD_LINES))
    head = max(HEAD_LINES, first_prose)
    return [*lines[:head], *lines[max(head, len(lines) - TAIL_LINES) :]]


def date_from_url(url: str | None) -> dt.datetime | None:
    """A date the URL's path carries (``/2016/10/03/``, ``/2016-10-03-``, ``/20161003/``).

    >>> date_from_url("https://example.com/news/2016/10/03/talks-end.html").date().isoformat()
    '2016-10-03'
    """
    if not url:
        return None
    found = _URL_DATE.search(url)
    if found is None:
        return None
    if found.group(4):
        digits = found.group(4)
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    else:
        year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    try:
        return dt.datetime(year, month, day, tzinfo=dt.UTC)
    except ValueError:
        return None


def _with_time(text: str, stamp: re.Match[str]) -> str:
    """The timestamp, with a time printed just before the date ("6:13 PM ET, Mon Oct 3")."""
    before = text[: stamp.start()]
    lead = _LEADING_TIME.search(before[-24:])
    if lead and lead.end() == len(before[-24:]) and ":" not in stamp.group()[10:]:
        return stamp.group() + " " + lead.group().strip(" ,|•·-")
    return stamp.group()
