"""The server's library side: read-only store connections, cached story reports, the gate.

Routes call these; nothing here knows about HTTP. Every read runs on a read-only connection
(one per worker thread) inside one snapshot, so a page shows one committed state and an
ingest running beside the server shows up on the next request.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storylens.compare import Comparison
from storylens.embedding import DIMENSIONS, Vectors, WordStates, default_encoder
from storylens.model import Analysis
from storylens.report.compare_json import comparison_document
from storylens.store import StoredStory, load_story
from storylens.store.comparison import compare_story
from storylens.store.search import (
    StoryPage,
    StoryQuery,
    connect_readonly,
    search_stories,
    store_version,
    story_fingerprint,
)
from storylens.store.vectors import default_model_name, load_vectors, load_word_states, text_key

CACHED_STORIES = 256
"""Story reports kept in memory (rendered page and JSON document)."""


@dataclass(frozen=True, slots=True)
class StoryReport:
    """A story compared once: the stored story, its comparison (None for one account)."""

    story: StoredStory
    comparison: Comparison | None
    analyses: tuple[Analysis, ...]
    document: dict[str, Any] | None
    rendered: dict[str, str]
    """Rendered pages by name, filled by the routes (a page is rendered once per state)."""


class Busy(Exception):
    """More compare work asked for than the server takes at once."""


class Gate:
    """At most ``slots`` jobs run and ``queue`` wait; beyond that `enter` raises `Busy`."""

    def __init__(self, *, slots: int = 1, queue: int = 2) -> None:
        self._semaphore = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._admitted = 0
        self._limit = slots + queue

    @contextmanager
    def enter(self) -> Iterator[None]:
        """Run one job, waiting for a slot; raises `Busy` when the queue is full."""
        with self._lock:
            if self._admitted >= self._limit:
                raise Busy
            self._admitted += 1
        try:
            with self._semaphore:
                yield
        finally:
            with self._lock:
                self._admitted -= 1


class ReadOnlyEncoder:
    """Sentence vectors from the store's cache; what is missing is encoded, never written."""

    def __init__(self, connection: sqlite3.Connection, model: str | None = None) -> None:
        self.connection = connection
        self.model = model or default_model_name()

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """Unit vectors, cached ones read from the store."""
        return self.encode_words(sentences)[0]

    def encode_words(self, sentences: Sequence[str]) -> tuple[Vectors, list[WordStates]]:
        """Vectors and word states, cached ones read from the store."""
        import numpy as np

        keys = [text_key(s) for s in sentences]
        vectors = load_vectors(self.connection, model=self.model, keys=keys)
        words = load_word_states(self.connection, model=self.model, keys=keys)
        missing = [
            s for s, k in zip(sentences, keys, strict=True) if k not in vectors or k not in words
        ]
        if missing:
            fresh, states = default_encoder().encode_words(missing)
            for sentence, vector, state in zip(missing, fresh, states, strict=True):
                vectors[text_key(sentence)] = vector
                words[text_key(sentence)] = state
        stacked = (
            np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, DIMENSIONS), np.float32)
        )
        return stacked.astype(np.float32), [words[k] for k in keys]


class StoryService:
    """Read-only access to one store for the server's worker threads."""

    def __init__(self, db: Path, *, cached: int = CACHED_STORIES) -> None:
        self.db = db
        self._local = threading.local()
        self._cache: OrderedDict[tuple[int, int, int], StoryReport] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._story_locks: dict[int, threading.Lock] = {}
        self._cached = cached
        self._pages: OrderedDict[tuple[object, ...], StoryPage] = OrderedDict()
        self.compare_gate = Gate(slots=1, queue=2)

    def connection(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = connect_readonly(self.db)
            self._local.connection = connection
        return connection

    def read(self, query: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run one read-only query function on this thread's connection."""
        return query(self.connection())

    def search(self, query: StoryQuery) -> StoryPage:
        """One page of the story list, from the cache while no article has been added."""
        connection = self.connection()
        key = (store_version(connection), query)
        with self._cache_lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        page = search_stories(connection, query)
        with self._cache_lock:
            self._pages[key] = page
            while len(self._pages) > self._cached:
                self._pages.popitem(last=False)
        return page

    def story(self, story_id: int, analyzer: Callable[[Sequence[Any]], Any]) -> StoryReport:
        """A story's report, from the cache while the story has not changed.

        Raises `KeyError` when there is no such story.
        """
        connection = self.connection()
        fingerprint = story_fingerprint(connection, story_id)
        if fingerprint is None:
            raise KeyError(story_id)
        key = (story_id, *fingerprint)
        with self._story_lock(story_id):
            with self._cache_lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key]
            report = self._compare(load_story(connection, story_id), analyzer)
            with self._cache_lock:
                self._cache[key] = report
                while len(self._cache) > self._cached:
                    self._cache.popitem(last=False)
        return report

    def _story_lock(self, story_id: int) -> threading.Lock:
        with self._cache_lock:
            return self._story_locks.setdefault(story_id, threading.Lock())

    def _compare(self, story: StoredStory, analyzer: Callable[[Sequence[Any]], Any]) -> StoryReport:
        if len(story.accounts) < 2:
            stored = tuple(a.analysis for a in story.accounts if a.analysis is not None)
            return StoryReport(
                story=story, comparison=None, analyses=stored, document=None, rendered={}
            )
        encoder = ReadOnlyEncoder(self.connection())
        comparison, analyses = compare_story(story, encoder=encoder, analyzer=analyzer)
        return StoryReport(
            story=story,
            comparison=comparison,
            analyses=tuple(analyses),
            document=comparison_document(comparison),
            rendered={},
        )
