"""Photo captions, photo credits and "Sources:" lines: kept as metadata, not body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.model import Caption, Credit, ListedSource, Span

_CREDIT_WORDS = (
    r"photo|photograph|image|picture|credit|getty|courtesy|file|AP Photo|Reuters/|AFP/"
    r"|shutterstock|screenshot|screengrab|wikimedia"
)
_TRAILING_CREDIT = re.compile(
    rf"\((?P<credit>[^()]*(?:{_CREDIT_WORDS})[^()]*)\)\s*$", re.IGNORECASE
)
_CREDIT_LINE = re.compile(
    r"^(?:photo|image|picture|video)?\s*(?:credits?|courtesy)\s*:\s*(?P<credit>.+)$"
    r"|^(?:photo|image|picture)\s*:\s*(?P<credit2>.+)$",
    re.IGNORECASE,
)
_AGENCIES = r"(?:AP|Getty(?: Images)?|Reuters|AFP|EPA|Shutterstock|Alamy|iStock(?:photo)?)"
_BARE_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?)\s+by\s+(?P<by>\S.{1,58})$"
    r"|^photograph\s*:\s*(?P<colon>\S.{1,58})$"
    rf"|^(?P<agency>[^.!?]{{0,60}}?(?:\bvia\s+|\s*[/|]\s*){_AGENCIES}|Getty Images|Shutterstock"
    r"|(?-i:(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+/[A-Z][\w.&-]+))$",
    re.IGNORECASE,
)
"""A line that is only a photo credit ("Photo by Ann Lee", "Ann Lee/Getty Images", "… via AP")."""
MAX_CREDIT_WORDS = 10
_CAPTION_LINE = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[:–—-]\s"
    r"|(?:in )?this (?:[\w.,’'-]+ ){0,8}(?:file photo|photo|image|picture|illustration"
    r"|photograph)s?,? (?:shows|provided|released|taken|made available)\b)",
    re.IGNORECASE,
)
"""A caption line: "FILE PHOTO: …", "FILE - In this …", "This 2017 file photo provided by …"."""
_RUN_ON_CREDIT = re.compile(
    r"(?<=[.!?”\"])\s?Credits?\s*(?:\.{2,3}|…|:)?\s*(?P<credit>[^.]{2,80})$"
    r"|(?<=[a-z])Credits?\s*(?:\.{2,3}|…|:)\s*(?P<glued>[^.]{2,80})$"
    rf"|(?<=[a-z]\.)(?P<agency>{_AGENCIES})$"
)
"""A caption whose credit the scraper ran on ("… at the Capitol.Credit...Ann Lee/Reuters")."""
_SOURCES_LINE = re.compile(r"^sources?\s*:\s*", re.IGNORECASE)
_COUNT = re.compile(r"\s*\((?P<count>\d+)\)\s*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class LineMetadata:
    """What a caption, credit or sources line holds."""

    caption: Caption | None = None
    credits: tuple[Credit, ...] = ()
    sources: tuple[ListedSource, ...] = ()


def read_line_metadata(line: Span) -> LineMetadata | None:
    """Caption, credit or sources found in one line, or None when the line is none of these.

    >>> meta = read_line_metadata(Span(start=0, end=38, text="Sources: CNN (2) / Photo credit: AP"))
    >>> [s.name for s in meta.sources], meta.credits[0].span.text
    (['CNN'], 'AP')
    """
    if _SOURCES_LINE.match(line.text):
        return _read_sources_line(line)
    credit = _CREDIT_LINE.match(line.text)
    if credit and len(line.text.split()) <= 12:
        group = "credit" if credit.group("credit") else "credit2"
        return LineMetadata(
            credits=(Credit(span=_sub(line, credit.start(group), credit.end(group))),)
        )
    if _CAPTION_LINE.match(line.text):
        return LineMetadata(caption=Caption(span=line))
    bare = _BARE_CREDIT.match(line.text)
    if bare and len(line.text.split()) <= MAX_CREDIT_WORDS:
        group = next(g for g in ("by", "colon", "agency") if bare.group(g))
        return LineMetadata(credits=(Credit(span=_sub(line, bare.start(group), bare.end(group))),))
    trailing = _TRAILING_CREDIT.search(line.text) or _RUN_ON_CREDIT.search(line.text)
    if trailing:
        group = next(g for g in ("credit", "glued", "agency") if trailing.groupdict().get(g))
        credit_span = _sub(line, trailing.start(group), trailing.end(group))
        return LineMetadata(caption=Caption(span=line, credit=credit_span))
    return None


def _read_sources_line(line: Span) -> LineMetadata:
    sources: list[ListedSource] = []
    credits: list[Credit] = []
    offset = _SOURCES_LINE.match(line.text).end()  # type: ignore[union-attr]
    for segment_start, segment in _segments(line.text, offset, separator="/"):
        credit = _CREDIT_LINE.match(segment.strip())
        if credit:
            lead = len(segment) - len(segment.lstrip())
            group = "credit" if credit.group("credit") else "credit2"
            start = segment_start + lead + credit.start(group)
            credits.append(Credit(span=_sub(line, start, segment_start + lead + credit.end(group))))
            continue
        for item_start, item in _segments(segment, 0, separator=",;"):
            sources.append(_listed_source(line, segment_start + item_start, item))
    return LineMetadata(credits=tuple(credits), sources=tuple(s for s in sources if s.name))


def _listed_source(line: Span, start: int, item: str) -> ListedSource:
    count = _COUNT.search(item)
    name = item[: count.start()] if count else item
    lead = len(name) - len(name.lstrip())
    name = name.strip()
    span = _sub(line, start + lead, start + lead + len(name))
    return ListedSource(span=span, name=name, count=int(count.group("count")) if count else 1)


def _segments(text: str, offset: int, *, separator: str) -> list[tuple[int, str]]:
    pieces = re.split(f"([{re.escape(separator)}])", text[offset:])
    out, position = [], offset
    for piece in pieces:
        if len(piece) == 1 and piece in separator:
            position += 1
            continue
        if piece.strip():
            out.append((position, piece))
        position += len(piece)
    return out


def _sub(line: Span, start: int, end: int) -> Span:
    return Span(start=line.start + start, end=line.start + end, text=line.text[start:end])
