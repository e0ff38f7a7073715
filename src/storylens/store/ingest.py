"""Ingest articles into the store: clean, de-duplicate, link syndicated copies, cluster.

Near-identical copies' MinHash bands are not indexed, so finding a copy's original does not
slow down as copies of one story pile up.

Each article is written in its own transaction (article, analysis, signature, embedding,
story membership together), so an ingest killed at any point loses at most one article's
work, and running it again skips what is stored (by content hash) and goes on.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from itertools import islice
from pathlib import Path

from storylens.clean import clean_article
from storylens.clean.language import language_issue
from storylens.cluster import (
    Assignment,
    BucketedIndex,
    ClusterSettings,
    Original,
    assign_story,
    find_original,
    sign_article,
    story_text,
    window_buckets,
)
from storylens.cluster.features import EventCues, event_cues, index_bucket
from storylens.embedding import Encoder, Vectors, default_encoder
from storylens.errors import isolated
from storylens.ingest import read_inputs
from storylens.ingest.decode import MAX_BYTES
from storylens.ingest.files import FEED_SUFFIXES, JSONL_SUFFIXES, READABLE
from storylens.ingest.identity import content_hash
from storylens.ingest.overrides import Overrides, apply_overrides
from storylens.model import Analysis, Article, Issue, RawArticle
from storylens.store.database import Store
from storylens.store.records import Membership

Analyzer = Callable[[Sequence[Article]], Iterable[Analysis | Issue]]
"""Turns cleaned articles into analyses, one per article in order (e.g. ``pipeline.analyze_each``);
an article whose analysis failed gives its `Issue` instead."""

Prepared = tuple[Vectors, Sequence[Analysis | Issue | None]]
"""One unit of new articles made ready to store: a story vector and an analysis each (its
`Issue` if the analysis failed, None when analyses are not stored)."""

Preparer = Callable[[Iterable[Sequence[Article]]], Iterator[Prepared]]
"""Prepares units of new articles, yielding one `Prepared` per unit in unit order (an engine)."""

BATCH_SIZE = 32

CHAIN_SIMILARITY = 0.9
"""A copy at least this similar to its original adds nothing to find later copies by."""


class Outcome(StrEnum):
    """What happened to one input article."""

    INGESTED = "ingested"
    COPY = "copy"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    WARNED = "warned"
    """The input was read, with a warning (a guessed charset, a teaser-only feed item)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestEvent:
    """One article (or failed input) handled, for progress reporting."""

    outcome: Outcome
    input: str
    issue: Issue | None = None
    new_story: bool = False
    merged_stories: int = 0


@dataclass(slots=True, kw_only=True)
class IngestSummary:
    """Counts of an ingest run and the issues it met (each one reported as it happened)."""

    ingested: int = 0
    copies: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged_stories: int = 0
    issues: list[Issue] = field(default_factory=list)

    def record(self, event: IngestEvent) -> None:
        """Count one event."""
        if event.outcome is Outcome.INGESTED:
            self.ingested += 1
        elif event.outcome is Outcome.COPY:
            self.copies += 1
        elif event.outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        elif event.issue is not None and not event.issue.warning:
            self.issues.append(event.issue)
        self.new_stories += int(event.new_story)
        self.merged_stories += event.merged_stories


class CorpusWriter:
    """Adds cleaned articles to a store, one transaction per article."""

    def __init__(
        self,
        store: Store,
        *,
        encoder: Encoder | None = None,
        analyzer: Analyzer | None = None,
        settings: ClusterSettings | None = None,
    ) -> None:
        self.store = store
        self.encoder = encoder or default_encoder()
        self.analyzer = analyzer
        self.settings = settings or ClusterSettings()
        self.index = BucketedIndex(store)
        self._seen_row = store.last_embedded_row()

    def _catch_up(self) -> None:
        """Index the articles other writers committed since this one last looked.

        Called inside the write transaction (``BEGIN IMMEDIATE`` serialises writers), so the
        neighbours searched next are every committed article, and two ingests running at
        once cluster as one ingest would: no story is split because each missed the other's.
        """
        for row, bucket, vector in self.store.embeddings_after(self._seen_row):
            self.index.add(row, vector, bucket=bucket)
            self._seen_row = max(self._seen_row, row)

    def add_batch(self, articles: Sequence[Article]) -> list[IngestEvent]:
        """Add articles; duplicates (same outlet and text as a stored one) are skipped."""
        fresh, events = self.select_fresh(articles)
        prepared = next(self.prepare([[article for article, _ in fresh.values()]]))
        events.update(zip(fresh, self.add_prepared(list(fresh.values()), prepared), strict=True))
        return [events[p] for p in range(len(articles))]

    def select_fresh(
        self, articles: Sequence[Article], *, pending: set[str] | None = None
    ) -> tuple[dict[int, tuple[Article, str]], dict[int, IngestEvent]]:
        """Split articles into new ones (with their content hash) and duplicates, by position.

        A duplicate has the outlet and text of a stored article, of an earlier one in
        ``articles``, or of one whose hash is in ``pending`` (on its way to the store); the
        hashes of the new ones are added to ``pending``.
        """
        pending = set() if pending is None else pending
        fresh: dict[int, tuple[Article, str]] = {}
        events: dict[int, IngestEvent] = {}
        for position, article in enumerate(articles):
            digest = content_hash(f"{article.outlet}\n{article.text}")
            if digest in pending or self.store.has_content(digest):
                events[position] = IngestEvent(outcome=Outcome.DUPLICATE, input=article.input)
            else:
                pending.add(digest)
                fresh[position] = (article, digest)
        return fresh, events

    def prepare(self, units: Iterable[Sequence[Article]]) -> Iterator[Prepared]:
        """Each unit's story vectors and analyses, computed in this process."""
        for articles in units:
            vectors = self.encoder.encode([story_text(a) for a in articles])
            yield vectors, self._analyze(list(articles))

    def add_prepared(
        self, fresh: Sequence[tuple[Article, str]], prepared: Prepared
    ) -> list[IngestEvent]:
        """Store new articles (with their hashes) given their vectors and analyses, in order.

        An article whose analysis is an `Issue`, or whose storing fails, gives a failed event;
        the others are stored.
        """
        vectors, analyses = prepared
        return [
            self._add_isolated(article, digest, vector, analysis)
            for (article, digest), vector, analysis in zip(fresh, vectors, analyses, strict=True)
        ]

    def _add_isolated(
        self, article: Article, digest: str, vector: Vectors, analysis: Analysis | Issue | None
    ) -> IngestEvent:
        """`add_one`, with a failure of this article (its analysis, or storing it) its event."""
        if not isinstance(analysis, Issue):
            result = isolated(
                partial(self.add_one, article, digest=digest, vector=vector, analysis=analysis),
                input_name=article.input,
                stage="store",
                article_id=article.id,
            )
            if isinstance(result, IngestEvent):
                return result
            analysis = result
        return IngestEvent(outcome=Outcome.FAILED, input=article.input, issue=analysis)

    def add_one(
        self, article: Article, *, digest: str, vector: Vectors, analysis: Analysis | None = None
    ) -> IngestEvent:
        """Store one new article, link it if it is a copy, else put it in a story."""
        signature = sign_article(article)
        cues = event_cues(article, analysis)
        with self.store.transaction():
            if self.store.has_content(digest):  # stored by a concurrent ingest meanwhile
                return IngestEvent(outcome=Outcome.DUPLICATE, input=article.input)
            self._catch_up()
            original = find_original(signature, self.store)
            row = self.store.insert_article(article, content_hash=digest)
            if analysis is not None:
                self.store.insert_analysis(row, analysis)
            if signature.bands:
                bands = signature.bands if _indexes_bands(original) else ()
                self.store.insert_signature(row, signature=signature.values, bands=bands)
            if original is not None:
                self._link_copy(row, original.row, original.similarity, original.partial)
                return IngestEvent(outcome=Outcome.COPY, input=article.input)
            assignment = self._cluster(row, article, vector, cues)
        self.index.add(row, vector, bucket=index_bucket(cues))
        self._seen_row = max(self._seen_row, row)
        return IngestEvent(
            outcome=Outcome.INGESTED,
            input=article.input,
            new_story=not assignment.joined,
            merged_stories=len(assignment.absorbed),
        )

    def _link_copy(self, row: int, original_row: int, similarity: float, partial: bool) -> None:
        root = self.store.original_of(original_row)
        self.store.link_copy(row, original_row=root, similarity=similarity, partial=partial)
        story_id = self.store.stories_of([root])[root]
        why = Membership(how="copy", best_match=root)
        self.store.add_member(row, story_id=story_id, similarity=similarity, why=why)

    def _cluster(self, row: int, article: Article, vector: Vectors, cues: EventCues) -> Assignment:
        neighbours = self.index.search(
            vector,
            buckets=window_buckets(cues.day, window_days=self.settings.window_days(cues)),
            count=self.settings.neighbours,
        )
        assignment = assign_story(
            vector, cues, neighbours=neighbours, lookup=self.store, settings=self.settings
        )
        story_id = self.store.save_story(assignment.story, title=article.title)
        for lone in assignment.absorbed:
            self.store.absorb_story(lone.id, into=story_id)
        why = Membership(
            how="joined" if assignment.joined else "seed",
            best_match=assignment.best_match,
            shared=assignment.shared,
        )
        self.store.add_member(row, story_id=story_id, similarity=assignment.similarity, why=why)
        self.store.insert_embedding(row, bucket=index_bucket(cues), vector=vector)
        self.store.insert_cues(row, cues)
        return assignment

    def _analyze(self, articles: list[Article]) -> list[Analysis | Issue | None]:
        if self.analyzer is None or not articles:
            return [None] * len(articles)
        return list(self.analyzer(articles))


def _indexes_bands(original: Original | None) -> bool:
    """Whether an article's MinHash bands are indexed for later articles to find it.

    Originals are; so are copies edited enough (below `CHAIN_SIMILARITY`) that a later copy
    might match them and not their original. A near-identical copy is not: later copies find
    the original itself, so band buckets do not grow with every wire copy of a story.
    """
    return original is None or original.similarity < CHAIN_SIMILARITY


def ingest_inputs(
    writer: CorpusWriter,
    names: Iterable[str],
    *,
    batch_size: int = BATCH_SIZE,
    max_bytes: int = MAX_BYTES,
    on_event: Callable[[IngestEvent], None] | None = None,
    overrides: Overrides | None = None,
    preparer: Preparer | None = None,
) -> IngestSummary:
    """Read, clean and add every article in the named inputs, streaming in small batches.

    ``overrides`` is the metadata the user states for every input (``--outlet``, ``--published``).
    An article not in English is not stored: one warning says so.
    The new articles of each batch form one unit for ``preparer`` (default: the writer's own
    encoder and analyzer, in this process), which may run ahead on other units; the writer
    stores the results in input order, so the stories do not depend on who prepared them.
    """
    summary = IngestSummary()
    pending: set[str] = set()
    waiting: deque[list[tuple[Article, str]]] = deque()

    def emit(events: Iterable[IngestEvent]) -> None:
        for event in events:
            summary.record(event)
            if on_event is not None:
                on_event(event)

    def units() -> Iterator[list[Article]]:
        for batch in _batches(read_inputs(names, max_bytes=max_bytes), batch_size):
            cleaned = [_clean(item, overrides) for item in batch]
            emit(_failures(cleaned))
            articles = [article for article in cleaned if isinstance(article, Article)]
            fresh, duplicates = writer.select_fresh(articles, pending=pending)
            emit(duplicates.values())
            if fresh:
                waiting.append(list(fresh.values()))
                yield [article for article, _ in fresh.values()]

    for prepared in (preparer or writer.prepare)(units()):
        fresh = waiting.popleft()
        emit(writer.add_prepared(fresh, prepared))
        pending.difference_update(digest for _, digest in fresh)
    return summary


def _clean(item: RawArticle | Issue, overrides: Overrides | None) -> Article | Issue:
    if isinstance(item, Issue):
        return item
    raw = apply_overrides(item, overrides)
    clean = partial(clean_article, outlets=overrides.outlets if overrides else None)
    article = isolated(clean, raw, input_name=raw.input, stage="clean")
    return (language_issue(article) or article) if isinstance(article, Article) else article


def _failures(batch: Iterable[Article | Issue]) -> Iterator[IngestEvent]:
    for issue in batch:
        if isinstance(issue, Issue):
            outcome = Outcome.WARNED if issue.warning else Outcome.FAILED
            yield IngestEvent(outcome=outcome, input=issue.input, issue=issue)


def count_inputs(names: Iterable[str]) -> int | None:
    """How many articles the inputs likely hold (JSONL lines, files), or None for stdin."""
    total = 0
    for name in names:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() not in READABLE or file.name.startswith("."):
                continue
            total += _count_records(file)
    return total


_FEED_ITEM = re.compile(rb"<(?:\w+:)?(?:item|entry)[\s>/]")
"""The opening tag of an RSS item or Atom entry, with or without a namespace prefix."""


def _count_records(path: Path) -> int:
    """Articles in one file: JSONL lines, a JSON list's length, feed items, else 1.

    A cheap count for the progress total only (no parsing beyond ``json`` for ``.json``):
    whatever it says, reading decides what is ingested.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix == ".json":
            value = json.loads(path.read_bytes())
            return len(value) if isinstance(value, list) else 1
        if suffix in FEED_SUFFIXES:
            return len(_FEED_ITEM.findall(path.read_bytes())) or 1
    except (OSError, ValueError, RecursionError):
        return 1
    return 1


def _batches(items: Iterator[RawArticle | Issue], size: int) -> Iterator[list[RawArticle | Issue]]:
    while batch := list(islice(items, size)):
        yield batch
