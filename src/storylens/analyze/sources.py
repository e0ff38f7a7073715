"""Cited sources: whom an article leans on ("according to CNN", "CNN reports", "in a statement")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storylens.analyze.entities import EntityIndex
from storylens.analyze.nlp import ParsedParagraph
from storylens.model import CitedSource, EntityLabel, ListedSource, Quote, SourceKind, Span
from storylens.names import canonical_alias, name_key

MEDIA_NAMES = frozenset(
    name_key(n)
    for n in [
        "CNN",
        "Fox News",
        "Fox",
        "MSNBC",
        "NBC",
        "NBC News",
        "CBS",
        "CBS News",
        "ABC",
        "ABC News",
        "BBC",
        "NPR",
        "PBS",
        "Reuters",
        "AP\n    ",
        "Associated Press",
        "AFP",
        "Bloomberg",
        "Al Jazeera",
        "The New York Times",
        "The Washington Post",
        "The Guardian\n    ",
        "The Wall Street Journal",
        "Politico",
        "The Hill",
        "Axios",
        "USA Today",
        "Los Angeles Times",
        "New York Post",
        "CNBC\n    ",
        "Breitbart",
        "HuffPost",
        "Huffington Post",
        "BuzzFeed",
        "Vox",
        "Slate",
        "The Atlantic",
        "Newsweek",
        "Time",
        "TASS",
        "RIA Novosti\n    ",
        "RT",
        "Sputnik",
        "Xinhua",
        "Le Monde",
        "Der Spiegel",
        "Haaretz",
        "The Times",
        "The Daily Beast",
        "Daily Mail",
    ]
)
_MEDIA_SUFFIX = re.compile(
    r"\b(?:Times|Post|News|Journal|Tribune|Herald|Gazette|Network|Press|Magazine)$"
)
_REPORT_VERBS = frozenset(
    {
        "reports",
        "reported",
        "reporting",
        "wrote",
        "writes",
        "published",
        "told",
        "tells",
        "obtained",
        "learned",
        "confirmed",
        "says",
        "said",
    }
)
_ANONYMOUS = re.compile(
    r"\b(?:sources?|officials?|people familiar|aides?|insiders?)\b", re.IGNORECASE
)
_DOCUMENTS = re.compile(r"\b(?:report|study|survey|poll|document|memo|filing|letter|data)\b", re.I)


def is_media(name: str) -> bool:
    """True for names of news outlets and agencies."""
    key = name_key(canonical_alias(name) or name)
    return key in MEDIA_NAMES or bool(_MEDIA_SUFFIX.search(name.strip()))


def extract_sources(
    text: str,
    *,
    parsed: Sequence[ParsedParagraph],
    quotes: Sequence[Quote],
    listed: Sequence[ListedSource],
    index: EntityIndex,
) -> tuple[CitedSource, ...]:
    """Cited sources in the body and the article's "Sources:" line."""
    found: list[CitedSource] = []
    for paragraph in parsed:
        if paragraph.index < 0:
            continue
        for token in paragraph.doc:
            found.extend(_from_token(text, token, paragraph.offset, index, quotes))
    for item in listed:
        kind = SourceKind.MEDIA if is_media(item.name) else SourceKind.ORGANISATION
        found.append(
            CitedSource(
                name=canonical_alias(item.name) or item.name,
                kind=kind,
                span=item.span,
                cue="sources line",
            )
        )
    return tuple(_dedupe(found))


def _from_token(
    text: str, token: Any, offset: int, index: EntityIndex, quotes: Sequence[Quote]
) -> list[CitedSource]:
    if (
        token.lower_ == "according"
        and token.i + 1 < len(token.doc)
        and token.nbor(1).lower_ == "to"
    ):
        pobj = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
        return [_source(text, pobj, offset, index, "according to")] if pobj is not None else []
    if token.lower_ in _REPORT_VERBS and token.tag_.startswith("VB"):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and is_media(_phrase(subject)):
            return [_source(text, subject, offset, index, token.lower_)]
    if token.lower_ == "statement" and token.tag_ in ("NN", "NNS"):
        return _statement(text, token, offset, index, quotes)
    return []


def _statement(
    text: str, token: Any, offset: int, index: EntityIndex, quotes: Sequence[Quote]
) -> list[CitedSource]:
    """A statement by the verb's subject ("said in a statement", "issued a joint statement")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    start = offset + token.idx
    by = _speaker_of_sentence(start, quotes)
    if by is None and subject is not None:
        ids = index.at(offset + subject.left_edge.idx, offset + subject.right_edge.idx + 1)
        by = " and ".join(index.entity(i).name for i in ids) or _phrase(subject)
    adjective = " ".join(c.text for c in token.lefts if c.dep_ == "amod")
    name = f"{adjective + ' ' if adjective else ''}statement{' by ' + by if by else ''}"
    span = Span(start=start, end=start + len(token.text), text=token.text)
    return [CitedSource(name=name, kind=SourceKind.STATEMENT, span=span, cue="statement")]


def _speaker_of_sentence(position: int, quotes: Sequence[Quote]) -> str | None:
    after = [
        q
        for q in quotes
        if q.cue is not None
        and q.speaker
        and q.cue.start >= position - 80
        and abs(q.cue.start - position) < 120
    ]
    return after[0].speaker.name if after and after[0].speaker else None


def _source(text: str, token: Any, offset: int, index: EntityIndex, cue: str) -> CitedSource:
    first, last = token.left_edge, token.right_edge
    start, end = offset + first.idx, offset + last.idx + len(last.text)
    span = Span(start=start, end=end, text=text[start:end])
    ids = index.at(start, end)
    entity = index.entity(ids[0]) if ids else None
    name = entity.name if entity else span.text
    return CitedSource(
        name=name,
        kind=_kind(name, entity.label if entity else None),
        span=span,
        cue=cue,
        entity_id=entity.id if entity else None,
    )


def _kind(name: str, label: EntityLabel | None) -> SourceKind:
    if is_media(name):
        return SourceKind.MEDIA
    if label is EntityLabel.PERSON:
        return SourceKind.PERSON
    if label in (EntityLabel.ORGANISATION, EntityLabel.PLACE):
        return SourceKind.ORGANISATION
    if _DOCUMENTS.search(name):
        return SourceKind.DOCUMENT
    return SourceKind.ANONYMOUS if _ANONYMOUS.search(name) else SourceKind.PERSON


def _phrase(token: Any) -> str:
    return str(token.doc[token.left_edge.i : token.right_edge.i + 1].text)


def _dedupe(found: list[CitedSource]) -> list[CitedSource]:
    seen: set[tuple[int, int]] = set()
    out = []
    for source in sorted(found, key=lambda s: s.span.start):
        if (source.span.start, source.span.end) not in seen:
            seen.add((source.span.start, source.span.end))
            out.append(source)
    return out
