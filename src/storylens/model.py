"""The one data model that flows through storylens.

An `Article` owns its text exactly as it was read. Everything found in it — paragraphs,
debris, sentences, entity mentions, quotes, cited sources, dates, numbers — is a `Span`
(character offsets ``[start, end)`` into that text, plus the text itself), never a
detached copy. Stages return new objects (``dataclasses.replace``) and never mutate.

Pipeline::

    RawArticle --clean--> Article --analyze--> Analysis --compare--> Comparison
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = "1.1"

JSONValue = Any
"""A user's own input fields, carried through untouched (the one free-form mapping)."""

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class Span:
    """Character offsets ``[start, end)`` into an article's text as read, plus that text."""

    start: int
    end: int
    text: str


class InputFormat(StrEnum):
    """How an article was read."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"


class Evidence(StrEnum):
    """Where a piece of metadata (outlet, publication date) came from."""

    METADATA = "metadata"
    URL = "url"
    SITE_NAME = "site_name"
    HTML_META = "html_meta"
    DEBRIS = "debris"
    DATELINE = "dateline"
    BYLINE = "byline"
    CREDIT = "credit"
    HOUSE_STYLE = "house_style"
    FILENAME = "filename"
    UNKNOWN = "unknown"


class IssueCode(StrEnum):
    """Stable codes for data problems; each becomes one error line, never a crash."""

    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    UNDECODABLE = "undecodable"
    BROKEN_HTML = "broken_html"
    BROKEN_JSON = "broken_json"
    BROKEN_CSV = "broken_csv"
    MISSING_FIELD = "missing_field"
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    UNBALANCED_QUOTE = "unbalanced_quote"
    NO_ARTICLES = "no_articles"
    CHARSET_GUESSED = "charset_guessed"
    TEASER_ONLY = "teaser_only"
    NOT_ENGLISH = "not_english"
    TOO_DEEP = "too_deep"
    FIELD_TOO_LONG = "field_too_long"
    RECORD_FAILED = "record_failed"
    DUPLICATE_ID = "duplicate_id"


@dataclass(**_FROZEN)
class Issue:
    """A problem with one input or article, reported and counted, never fatal to the batch."""

    input: str
    code: IssueCode
    detail: str
    stage: str
    article_id: str | None = None
    warning: bool = False
    """True when the input was still read (a guessed charset, a teaser-only feed item)."""

    def line(self) -> str:
        """One clear error line naming the input and the reason.

        Control characters (a newline in a file name) are shown escaped, so one issue is
        always exactly one line and cannot forge another.
        """
        return f"{_one_line(self.input)}: {self.code.value}: {_one_line(self.detail)}"


def _one_line(text: str) -> str:
    """``text`` with control, bidi and separator characters shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


@dataclass(**_FROZEN)
class RawArticle:
    """One article as ingested, before cleaning."""

    id: str
    input: str
    format: InputFormat
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    page_names: tuple[str, ...] = ()
    """Other names an HTML page gives its site (og:site_name, its title, its copyright line)."""
    encoding: str = "utf-8"
    metadata: dict[str, JSONValue] = field(default_factory=dict)


class DebrisReason(StrEnum):
    """Why a line of page text is not part of the article."""

    ADVERTISEMENT = "advertisement"
    NAVIGATION = "navigation"
    CALL_TO_ACTION = "call_to_action"
    RECOMMENDATION = "recommendation"
    MEMBERSHIP = "membership"
    SOCIAL = "social"
    BOILERPLATE = "boilerplate"
    BYLINE = "byline"
    """A byline or timestamp line: kept as metadata (author, outlet, date), not body."""


@dataclass(**_FROZEN)
class Debris:
    """A removed line, with the reason and the rule that matched."""

    span: Span
    reason: DebrisReason
    rule: str


@dataclass(**_FROZEN)
class Caption:
    """A photo caption, kept as metadata, not body; ``credit`` names the photo's source."""

    span: Span
    credit: Span | None = None


@dataclass(**_FROZEN)
class Credit:
    """A photo or image credit line ("Photo credit: Wikimedia Commons")."""

    span: Span


@dataclass(**_FROZEN)
class ListedSource:
    """One entry of a "Sources:" line ("CNN (2)"), with how often the outlet says it used it."""

    span: Span
    name: str
    count: int = 1


@dataclass(**_FROZEN)
class Article:
    """One piece by one outlet, cleaned: body paragraphs separated from debris and metadata."""

    id: str
    input: str
    format: InputFormat
    text: str
    title: str
    title_span: Span | None
    outlet: str
    outlet_evidence: Evidence
    url: str | None = None
    published: dt.datetime | None = None
    published_evidence: Evidence = Evidence.UNKNOWN
    authors: tuple[str, ...] = ()
    wire: str | None = None
    """The news agency whose copy this is (AP, Reuters, AFP...), beside the outlet that ran it."""
    outlet_span: Span | None = None
    """Where in the text the outlet or wire was read (a dateline, a credit line), if there."""
    published_span: Span | None = None
    """Where in the text the publication date was read (a byline timestamp), if there."""
    language: str | None = None
    """ISO 639-1 code of the body's language as detected, None when too short to tell."""
    paragraphs: tuple[Span, ...] = ()
    debris: tuple[Debris, ...] = ()
    captions: tuple[Caption, ...] = ()
    credits: tuple[Credit, ...] = ()
    listed_sources: tuple[ListedSource, ...] = ()
    metadata: dict[str, JSONValue] = field(default_factory=dict)


@dataclass(**_FROZEN)
class Sentence:
    """One body sentence; ``paragraph`` indexes ``Article.paragraphs``."""

    span: Span
    paragraph: int


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


# Framing: how an article tells its story. Offsets are into the article text, except headline
# findings (``place == Place.HEADLINE``), which are offsets into the headline string.


class LoadedReason(StrEnum):
    """Why a phrase is flagged as loaded: each is evidence that can be shown."""

    SUBJECTIVE_LEXICON = "subjective_lexicon"
    LOADED_TERM = "loaded_term"
    INTENSIFIER = "intensifier"
    SCARE_QUOTES = "scare_quotes"
    EVALUATIVE_COMPOUND = "evaluative_compound"
    MODEL_SCORE = "model_score"


class Voice(StrEnum):
    """Whose words a phrase is: the outlet's own or inside a quotation."""

    OWN = "own"
    QUOTED = "quoted"


class Place(StrEnum):
    """Where in the article a phrase stands."""

    HEADLINE = "headline"
    BODY = "body"


@dataclass(**_FROZEN)
class LoadedPhrase:
    """A word or phrase carrying judgement beyond the fact, with the evidence for it.

    ``quote`` indexes the ``quote_spans`` given to the finder when ``voice`` is QUOTED;
    ``sentence`` indexes the sentences given to it (None in the headline).
    ``alternative`` is a neutral wording when the curated list has one ("regime" → "government").
    """

    span: Span
    reasons: tuple[LoadedReason, ...]
    voice: Voice
    score: float
    polarity: float
    place: Place = Place.BODY
    sentence: int | None = None
    quote: int | None = None
    alternative: str | None = None


@dataclass(**_FROZEN)
class ToneEvidence:
    """One sentence about an actor and the tone it carries toward them."""

    sentence: Span
    score: float
    voice: Voice


@dataclass(**_FROZEN)
class ActorTone:
    """Tone toward one entity, from the sentences that mention it (target-dependent)."""

    entity_id: str
    name: str
    score: float
    label: str
    evidence: tuple[ToneEvidence, ...]


@dataclass(**_FROZEN)
class VerbUse:
    """One attribution cue verb, its class ("neutral", "assertive", "factive", ...), and speaker."""

    cue: Span
    lemma: str
    kind: str
    speaker: str | None


@dataclass(**_FROZEN)
class VerbCount:
    """How often a speaker is introduced by one kind of attribution verb."""

    speaker: str
    kind: str
    lemma: str
    count: int


@dataclass(**_FROZEN)
class HeadlineFraming:
    """Loaded phrases of the headline and, for each, whether the body uses the same words."""

    phrases: tuple[LoadedPhrase, ...]
    in_body: tuple[bool, ...]


@dataclass(**_FROZEN)
class QuoteShare:
    """Share of the body's characters given to one speaker's quotes."""

    speaker: str
    characters: int
    share: float
    quotes: int


@dataclass(**_FROZEN)
class OpinionMarkers:
    """Opinion markers in the outlet's own voice (outside quotations), each with its spans."""

    first_person: tuple[Span, ...]
    rhetorical_questions: tuple[Span, ...]
    evaluative_adjectives: tuple[Span, ...]
    stance_adverbs: tuple[Span, ...]


@dataclass(**_FROZEN)
class FramingProfile:
    """How one article tells its story; ``loaded`` holds every phrase as evidence."""

    article_id: str
    outlet: str
    loaded: tuple[LoadedPhrase, ...]
    own_voice: int
    quoted: int
    loaded_per_1000_words: float
    headline: HeadlineFraming
    tone: tuple[ActorTone, ...]
    verbs: tuple[VerbCount, ...]
    quote_shares: tuple[QuoteShare, ...]
    opinion: OpinionMarkers
