"""What analysis finds in one article: entities, quotes, cited sources, dates, numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from storylens.model.article import Article, Issue, Sentence, Span
from storylens.model.framing import FramingProfile

SCHEMA_VERSION = "1.1"

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


class EntityLabel(StrEnum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"
    OTHER = "other"


class MentionKind(StrEnum):
    """How a mention refers to its entity."""

    NAME = "name"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"


@dataclass(**_FROZEN)
class Mention:
    """One span naming an entity ("he", "Kerry", "the secretary")."""

    span: Span
    kind: MentionKind = MentionKind.NAME


@dataclass(**_FROZEN)
class Entity:
    """A person, organisation or place: a canonical name and every mention of it.

    ``key`` is equal for one person or organisation across articles: for a person the first
    and last name without titles, initials or suffixes ("Donald J. Trump", "Mr. Donald Trump"
    → "donald trump"), else the normalised canonical name; empty in analyses made before it
    existed.
    """

    id: str
    name: str
    label: EntityLabel
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    key: str = ""


class QuoteKind(StrEnum):
    """Direct (a full quoted clause) or partial (a quoted fragment in the reporter's sentence)."""

    DIRECT = "direct"
    PARTIAL = "partial"


class Attribution(StrEnum):
    """How a quote's speaker was found."""

    CUE = "cue"
    ACCORDING_TO = "according_to"
    SIGNATURE = "signature"
    CARRIED = "carried"
    UNRESOLVED = "unresolved"


@dataclass(**_FROZEN)
class Speaker:
    """Who a quote is attributed to: the mention as written and the resolved entities."""

    name: str
    entity_ids: tuple[str, ...] = ()
    mention: Span | None = None


@dataclass(**_FROZEN)
class Quote:
    """Words attributed to a speaker; ``content`` excludes the quotation marks."""

    id: str
    content: Span
    kind: QuoteKind
    sentence: int
    attribution: Attribution
    speaker: Speaker | None = None
    cue: Span | None = None


class SourceKind(StrEnum):
    """What kind of source an article leans on."""

    MEDIA = "media"
    STATEMENT = "statement"
    PERSON = "person"
    ORGANISATION = "organisation"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"


@dataclass(**_FROZEN)
class CitedSource:
    """Whom an article leans on for information ("according to CNN", "in a statement")."""

    name: str
    kind: SourceKind
    span: Span
    cue: str
    entity_id: str | None = None


class Granularity(StrEnum):
    """How precise a resolved date is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(**_FROZEN)
class DateMention:
    """A date in the text; ``value`` is set when it could be resolved (start of the period)."""

    span: Span
    relative: bool
    granularity: Granularity
    value: dt.date | None = None
    sentence: int | None = None


@dataclass(**_FROZEN)
class NumberMention:
    """A number with what it counts ("seven people" → 7, "people")."""

    span: Span
    value: float | None
    counted: Span | None = None
    sentence: int | None = None


@dataclass(**_FROZEN)
class Analysis:
    """Everything storylens says about one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    cited_sources: tuple[CitedSource, ...] = ()
    dates: tuple[DateMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    issues: tuple[Issue, ...] = ()
    framing: FramingProfile | None = None
    schema_version: str = SCHEMA_VERSION

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
