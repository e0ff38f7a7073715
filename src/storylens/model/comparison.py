"""The records of a comparison: facts, alignments, quotes, conflicts, summary.

Every record points back to article ids and character offsets (`Span`s into that article's
text), so a report can show the evidence and a reader can check it. Per-article framing is the
model's `FramingProfile`; the timeline's records are in `storylens.model.timeline`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum

from storylens.model import FramingProfile, Issue, Span
from storylens.model.timeline import Timeline

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

COMPARISON_SCHEMA_VERSION = "2.1"
"""Version of the comparison document. 2.0: a row is a proposition (every member matches every
member of another article, no chaining; a fact may sit in two rows; an article may restate a
row), "only in" is checked against every other article's facts (`AlignedFact.near`), conflicts
are grouped into positions, quotes into groups. 2.1: `Fact.kind` (statements apart from page
text: headlines, captions, timestamps, furniture lines)."""


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
    copy_of: str | None = None
    """The first compared article this one is a copy of (the same wire text), if any."""
    short: str = ""
    """A short column label for wide tables (``A``, ``B`` … ``AA``); a report prints a legend."""
    url: str | None = None
    published: dt.datetime | None = None


@dataclass(**_FROZEN)
class Fact:
    """One reported proposition (a sentence or clause) in one article."""

    id: str
    article_id: str
    sentence: int
    span: Span
    quote_ids: tuple[str, ...] = ()
    kind: str = "statement"
    """``"statement"``, or page text that states nothing of the story (`compare.kinds`):
    ``"headline"``, ``"caption"``, ``"timestamp"``, ``"fragment"`` or a `DebrisReason` value.
    Only statements are reported as "only in", omissions, conflict sides or summary sentences."""

    @property
    def statement(self) -> bool:
        """True when the fact states something of the story (not page text)."""
        return self.kind == "statement"


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
    shared_words: tuple[str, ...] = ()
    """Content words both facts use (stems as found in the source fact), for ``--evidence``."""
    shared_entities: tuple[str, ...] = ()
    """Story-wide entities both facts name."""


@dataclass(**_FROZEN)
class AlignedFact:
    """A row of the fact × outlet matrix: one proposition and the facts that state it.

    Every member matches every member of the other articles in the row (the pair model's bar,
    checked pair by pair: no chaining from one member to the next). ``facts`` holds each
    article's best-matching member, in article order; ``restated`` holds further members of
    articles already in ``facts`` (an article that states the proposition twice). A fact that
    states two propositions may be a member of two rows. ``near`` lists the articles outside
    the row with a fact close to it (below the bar, above the "near" floor): the report does not
    call the row "only in" one outlet, nor an omission of those articles. ``centre`` is the
    member closest to all others (the medoid).
    """

    id: str
    facts: tuple[Fact, ...]
    links: tuple[Link, ...] = ()
    restated: tuple[Fact, ...] = ()
    near: tuple[str, ...] = ()
    centre: str = ""

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
    named: bool = False
    """The article names a person as the speaker at the quote (a cue, "according to" or a
    signature naming them; not "he said", not an attribution carried from an earlier
    sentence): only such quotes can take a side in a speaker conflict."""


@dataclass(**_FROZEN)
class Position:
    """One side of a disputed item, or one speaker of a quote group: a value and who gives it.

    ``count`` is the number of articles, ``accounts`` the independent ones (copies of one wire
    text count once); positions are ordered by accounts, then count.
    """

    value: str
    article_ids: tuple[str, ...]
    count: int
    accounts: int = 0


@dataclass(**_FROZEN)
class QuoteGroup:
    """The same words quoted by several articles (matches joined), with each speaker given.

    ``speakers`` are the positions (speaker as given × articles), most articles first;
    ``quotes`` are the quotes, in article order.
    """

    id: str
    quotes: tuple[QuoteRef, ...]
    speakers: tuple[Position, ...]
    matches: tuple[str, ...]


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
    """One disputed item: outlets saying different things about the same fact or quote.

    ``positions`` are the values given, each with its articles and count, most articles first;
    ``sides`` is the evidence, one per article (the value where it is written). ``quote_group``
    names the quote group a speaker conflict is about, ``row`` the row of a number or date one.
    """

    id: str
    kind: ConflictKind
    subject: str
    sides: tuple[ConflictSide, ...]
    positions: tuple[Position, ...] = ()
    row: str | None = None
    quote_group: str | None = None


@dataclass(**_FROZEN)
class Support:
    """One fact a summary sentence rests on."""

    article_id: str
    outlet: str
    span: Span


@dataclass(**_FROZEN)
class SummarySentence:
    """One sentence of the summary, the outlets that report it, and the facts behind it.

    ``text`` is ``source.span.text`` with its whitespace collapsed, plus ``dissent`` when the
    row holds a detected conflict (what the other side says); ``row`` is the aligned fact.
    ``outlets`` name only the outlets whose own fact was checked against the source fact (same
    proposition, same speaker, no disputed number); ``support`` is those facts.
    """

    text: str
    row: str
    outlets: tuple[str, ...]
    support: tuple[Support, ...]
    source: Support
    dissent: str = ""
    accounts: int = 0
    """Independent accounts among ``support`` (copies of one text count once)."""


@dataclass(**_FROZEN)
class Summary:
    """The story told straight: sentences in order of support, then position."""

    sentences: tuple[SummarySentence, ...]


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """Everything storylens says about one story across its articles.

    Not slotted (unlike the other records) so that the lookups reports make per row and per
    article (`article`, `accounts`, `unique`) read one index built on first use.
    """

    articles: tuple[ArticleRef, ...]
    facts: tuple[Fact, ...]
    rows: tuple[AlignedFact, ...]
    omissions: tuple[Omission, ...]
    quote_matches: tuple[QuoteMatch, ...]
    quote_groups: tuple[QuoteGroup, ...]
    speakers: tuple[CoverageRow, ...]
    conflicts: tuple[Conflict, ...]
    sources: tuple[CoverageRow, ...]
    entities: tuple[CoverageRow, ...]
    summary: Summary
    timeline: Timeline
    framing: tuple[FramingProfile, ...]
    """One framing profile per article, in article order."""
    issues: tuple[Issue, ...] = ()
    title: str = ""
    """The story's title: the headline most articles share in words, else the first article's."""
    schema_version: str = COMPARISON_SCHEMA_VERSION

    @functools.cached_property
    def _roots(self) -> dict[str, str]:
        """Each compared article's account (`account`)."""
        return {ref.id: ref.copy_of or ref.id for ref in self.articles}

    @functools.cached_property
    def _by_id(self) -> dict[str, ArticleRef]:
        return {ref.id: ref for ref in reversed(self.articles)}

    @functools.cached_property
    def _unique(self) -> dict[str, tuple[AlignedFact, ...]]:
        """`unique` for every article, in one pass over the rows."""
        roots = self._roots
        found: dict[str, list[AlignedFact]] = {}
        for row in self.rows:
            if not row.facts or not any(f.statement for f in row.facts):
                continue
            first = row.facts[0].article_id
            own = roots[first]
            if all(roots[a] == own for a in (*row.article_ids, *row.near)):
                found.setdefault(first, []).append(row)
        return {article: tuple(rows) for article, rows in found.items()}

    def account(self, article_id: str) -> str:
        """The first compared article of this one's copies (itself when it copies none)."""
        return self.article(article_id).copy_of or article_id

    def accounts(self, row: AlignedFact) -> int:
        """Independent accounts stating the row (copies of one text count once).

        Page text (a headline, a furniture line two copies share: `Fact.kind`) states nothing.
        An article whose row member is its headline does not count even when it restates the
        row in its body (``row.restated``): on the judged ECB+ tuning stories counting those
        showed 163 more aligned pairs, 86 of them wrong (headlines of two happenings).
        """
        roots = self._roots
        return len({roots[f.article_id] for f in row.facts if f.statement})

    def tally(self, row: AlignedFact) -> tuple[int, int, int]:
        """The row's outlets, their independent accounts, and those whose sentences are page text.

        Outlets are the row's articles; accounts count copies of one text once (whatever the
        kind of their fact); the last figure counts articles whose sentences in the row are all
        page text (a headline, a caption), not body statements.
        """
        stating = {f.article_id for f in (*row.facts, *row.restated) if f.statement}
        articles = row.article_ids
        return (
            len(articles),
            len({self._roots[a] for a in articles}),
            sum(a not in stating for a in articles),
        )

    def shared(self) -> tuple[AlignedFact, ...]:
        """Rows stated by two or more independent accounts (copies of one text count once)."""
        return tuple(row for row in self.rows if self.accounts(row) > 1)

    def unique(self, article_id: str) -> tuple[AlignedFact, ...]:
        """Rows this article states and no other account does, nor comes near.

        The article is the row's first; the row's other members, if any, are copies of the same
        text (`ArticleRef.copy_of`), and so are the ``near`` articles. Page text (a headline, a
        furniture line: `Fact.kind`) is never "only in" an outlet.
        """
        self.article(article_id)
        return self._unique.get(article_id, ())

    def copies(self, article_id: str) -> tuple[str, ...]:
        """The other compared articles of this one's text (its account), in article order."""
        own = self.account(article_id)
        return tuple(
            ref.id
            for ref in self.articles
            if ref.id != article_id and (ref.copy_of or ref.id) == own
        )

    def article(self, article_id: str) -> ArticleRef:
        """The compared article with this id."""
        return self._by_id[article_id]

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
