"""The records of a comparison: facts, alignments, quotes, conflicts, summary, timeline.

Every record points back to article ids and character offsets (`Span`s into that article's
text), so a report can show the evidence and a reader can check it. Per-article framing is the
model's `FramingProfile`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from storylens.model import SCHEMA_VERSION, FramingProfile, Granularity, Issue, Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class ArticleRef:
    """One compared article; ``label`` is its column name (the outlet, numbered if repeated)."""

    id: str
    outlet: str
    label: str
    title: str
    input: str
    carried_by: tuple[str, ...] = ()
    """Other outlets that carried this article as a syndicated copy (from the store)."""


@dataclass(**_FROZEN)
class Fact:
    """One reported proposition (a sentence or clause) in one article."""

    id: str
    article_id: str
    sentence: int
    span: Span
    quote_ids: tuple[str, ...] = ()


class LinkKind(StrEnum):
    """Why two facts were aligned."""

    EMBEDDING = "embedding"
    QUOTE = "quote"


@dataclass(**_FROZEN)
class Link:
    """Two facts from different articles judged to report the same thing.

    ``score`` is the pair model's probability for an embedding link, 0.9–1.0 for a quote link.
    """

    source: str
    target: str
    kind: LinkKind
    cosine: float
    score: float


@dataclass(**_FROZEN)
class AlignedFact:
    """A row of the fact × outlet matrix: at most one fact per article, in article order.

    ``restated`` holds further facts of articles already in the row that report the same thing
    again (a lede restating a later quote): linked to the row, they are not listed as facts
    only their article reports.
    """

    id: str
    facts: tuple[Fact, ...]
    links: tuple[Link, ...] = ()
    restated: tuple[Fact, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that carry this fact."""
        return tuple(fact.article_id for fact in self.facts)


@dataclass(**_FROZEN)
class Omission:
    """The rows other articles carry that this article does not."""

    article_id: str
    rows: tuple[str, ...]


class MatchKind(StrEnum):
    """How two quotes match: the same words, or one is part of (or trimmed from) the other."""

    SAME = "same"
    PARTIAL = "partial"


@dataclass(**_FROZEN)
class QuoteRef:
    """One quote of one article, with its speaker as written and as merged across articles."""

    article_id: str
    quote_id: str
    speaker: str
    speaker_key: str | None
    content: Span
    sentence: int


@dataclass(**_FROZEN)
class QuoteMatch:
    """Quotes from different articles that carry the same words; ``overlap`` in [0, 1]."""

    id: str
    kind: MatchKind
    overlap: float
    quotes: tuple[QuoteRef, ...]


@dataclass(**_FROZEN)
class CoverageCell:
    """How often one article has one row's subject (a speaker, source or entity), with spans."""

    article_id: str
    count: int
    spans: tuple[Span, ...]


@dataclass(**_FROZEN)
class CoverageRow:
    """One subject across articles: speaker × outlet, source × outlet or entity × outlet."""

    key: str
    name: str
    kind: str
    cells: tuple[CoverageCell, ...]


class ConflictKind(StrEnum):
    """What two outlets disagree about."""

    SPEAKER = "speaker"
    NUMBER = "number"
    DATE = "date"


@dataclass(**_FROZEN)
class ConflictSide:
    """One outlet's version: the value, where it is written, and the sentence around it."""

    article_id: str
    value: str
    span: Span
    sentence: Span


@dataclass(**_FROZEN)
class Conflict:
    """Two or more outlets saying different things about the same fact or quote."""

    id: str
    kind: ConflictKind
    subject: str
    sides: tuple[ConflictSide, ...]
    row: str | None = None
    quote_match: str | None = None


@dataclass(**_FROZEN)
class Support:
    """One fact a summary sentence rests on."""

    article_id: str
    outlet: str
    span: Span


@dataclass(**_FROZEN)
class SummarySentence:
    """One sentence of the summary, the outlets that report it, and the facts behind it.

    ``text`` is ``source.span.text`` with its whitespace collapsed; ``row`` is the aligned fact.
    """

    text: str
    row: str
    outlets: tuple[str, ...]
    support: tuple[Support, ...]
    source: Support


@dataclass(**_FROZEN)
class Summary:
    """The story told straight: sentences in order of support, then position."""

    sentences: tuple[SummarySentence, ...]


class Lane(StrEnum):
    """Events reported in the text, or the articles' own publication."""

    EVENT = "event"
    PUBLISHED = "published"


@dataclass(**_FROZEN)
class TimelineSentence:
    """One sentence that dates an event, and the date expression in it."""

    article_id: str
    outlet: str
    sentence: Span
    expression: Span


@dataclass(**_FROZEN)
class TimelineEntry:
    """One point (or period) of the story, with every sentence that places something there."""

    lane: Lane
    date: dt.date | None
    granularity: Granularity
    label: str
    estimated: bool
    year_known: bool
    outlets: tuple[str, ...]
    sentences: tuple[TimelineSentence, ...]


@dataclass(**_FROZEN)
class Timeline:
    """The entries in order; ``reference`` is the date relative expressions were resolved to."""

    entries: tuple[TimelineEntry, ...]
    reference: dt.date | None
    reference_evidence: str

    @property
    def without_publication_date(self) -> bool:
        """True when dates were placed against a stand-in for a publication date."""
        return self.reference_evidence not in ("publication date", "none")


@dataclass(**_FROZEN)
class Comparison:
    """Everything storylens says about one story across its articles."""

    articles: tuple[ArticleRef, ...]
    facts: tuple[Fact, ...]
    rows: tuple[AlignedFact, ...]
    omissions: tuple[Omission, ...]
    quote_matches: tuple[QuoteMatch, ...]
    speakers: tuple[CoverageRow, ...]
    conflicts: tuple[Conflict, ...]
    sources: tuple[CoverageRow, ...]
    entities: tuple[CoverageRow, ...]
    summary: Summary
    timeline: Timeline
    framing: tuple[FramingProfile, ...]
    """One framing profile per article, in article order."""
    issues: tuple[Issue, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def shared(self) -> tuple[AlignedFact, ...]:
        """Rows carried by two or more articles."""
        return tuple(row for row in self.rows if len(row.facts) > 1)

    def unique(self, article_id: str) -> tuple[AlignedFact, ...]:
        """Rows carried by this article alone."""
        return tuple(row for row in self.rows if row.article_ids == (article_id,))

    def article(self, article_id: str) -> ArticleRef:
        """The compared article with this id."""
        for ref in self.articles:
            if ref.id == article_id:
                return ref
        raise KeyError(article_id)

    def profile(self, article_id: str) -> FramingProfile:
        """The framing profile of the compared article with this id."""
        for profile in self.framing:
            if profile.article_id == article_id:
                return profile
        raise KeyError(article_id)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the HTML report's sections, from the same templates.

        The renderer is imported when a notebook asks for it (compare never needs it).
        """
        from storylens.report.compare_html import render_comparison_fragment

        return render_comparison_fragment(self)
