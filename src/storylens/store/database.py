"""The corpus store: one SQLite file in write-ahead-log mode, written in small transactions.

Readers (a second CLI call, the web UI) see the last committed state while an ingest runs,
and a killed ingest loses at most its open transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

from storylens import io
from storylens.cluster.features import EventCues
from storylens.cluster.stories import StoryState
from storylens.errors import StoreError
from storylens.model import Analysis, Article
from storylens.store.connection import open_cache_writer, open_read_only, open_writable
from storylens.store.records import Membership

MAX_CANDIDATES = 16
"""Most syndication candidates compared per new article (see `Store.band_candidates`)."""

Vector = npt.NDArray[np.float32]


class Store:
    """An open corpus database (articles, analyses, embeddings, stories, syndication).

    >>> with Store(":memory:") as store:
    ...     store.count_articles()
    0
    """

    def __init__(
        self, path: str | Path, *, must_exist: bool = False, read_only: bool = False
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._cache_writer: sqlite3.Connection | None = None
        if read_only:
            self.connection = open_read_only(self.path)
        else:
            if must_exist and self.path != ":memory:" and not Path(path).exists():
                raise StoreError(f"no storylens store at {path} (run `storylens ingest` first)")
            self.connection = open_writable(self.path)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.connection.close()
        if self._cache_writer is not None:
            self._cache_writer.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: committed whole, or rolled back whole."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextmanager
    def cache_transaction(self) -> Iterator[sqlite3.Connection | None]:
        """A write transaction for derived data (cached vectors), or None when it cannot be.

        A store opened read-only is never written through its own connection; a cache write
        opens a second, ``mode=rw`` connection (no migration, no journal-mode switch) when
        the file can be written, and yields None (nothing is cached) when it cannot.
        """
        if not self.read_only:
            with self.transaction():
                yield self.connection
            return
        if self._cache_writer is None:
            self._cache_writer = open_cache_writer(self.path)
        if self._cache_writer is None:
            yield None
            return
        self._cache_writer.execute("BEGIN IMMEDIATE")
        try:
            yield self._cache_writer
        except BaseException:
            self._cache_writer.execute("ROLLBACK")
            raise
        self._cache_writer.execute("COMMIT")

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self.connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    def has_content(self, content_hash: str) -> bool:
        """True when an article with this content hash is already stored."""
        row = self.connection.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def insert_article(self, article: Article, *, content_hash: str) -> int:
        """Store an article; returns its row id. An id already used gets a hash suffix."""
        article_id = article.id
        taken = self.connection.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if taken is not None:
            article_id = f"{article.id}-{content_hash[:8]}"
        published = article.published
        cursor = self.connection.execute(
            "INSERT INTO articles (article_id, content_hash, outlet, title, published, day, url,"
            " input, article_json, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                content_hash,
                article.outlet,
                article.title,
                published.isoformat() if published else None,
                published.date().toordinal() if published else None,
                article.url,
                article.input,
                io.dumps(article),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ),
        )
        return int(cursor.lastrowid or 0)

    def insert_analysis(self, article_row: int, analysis: Analysis) -> None:
        """Store (or replace) the analysis of a stored article."""
        self.connection.execute(
            "INSERT OR REPLACE INTO analyses (article_id, analysis_json, schema_version)"
            " VALUES (?, ?, ?)",
            (article_row, io.dumps(analysis), analysis.schema_version),
        )

    def insert_embedding(self, article_row: int, *, bucket: int, vector: Vector) -> None:
        """Store an article's unit vector (as float16) in a time bucket."""
        blob = vector.astype(np.float16).tobytes()
        self.connection.execute(
            "INSERT INTO embeddings (article_id, bucket, vector) VALUES (?, ?, ?)",
            (article_row, bucket, blob),
        )

    def last_embedded_row(self) -> int:
        """The highest article row with a stored embedding (0 for an empty store)."""
        row = self.connection.execute("SELECT max(article_id) FROM embeddings").fetchone()
        return int(row[0] or 0)

    def embeddings_after(self, article_row: int) -> list[tuple[int, int, Vector]]:
        """``(row, bucket, vector)`` of every embedding stored for rows after ``article_row``."""
        rows = self.connection.execute(
            "SELECT article_id, bucket, vector FROM embeddings WHERE article_id > ?"
            " ORDER BY article_id",
            (article_row,),
        ).fetchall()
        return [
            (int(r[0]), int(r[1]), np.frombuffer(r[2], dtype=np.float16).astype(np.float32))
            for r in rows
        ]

    def bucket_vectors(self, bucket: int) -> tuple[npt.NDArray[np.uint64], Vector]:
        """Row ids and vectors of the articles indexed in one time bucket."""
        rows = self.connection.execute(
            "SELECT article_id, vector FROM embeddings WHERE bucket = ?", (bucket,)
        ).fetchall()
        keys = np.array([r[0] for r in rows], dtype=np.uint64)
        if not rows:
            return keys, np.zeros((0, 0), dtype=np.float32)
        vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16)
        return keys, vectors.reshape(len(rows), -1).astype(np.float32)

    def insert_signature(self, article_row: int, *, signature: bytes, bands: Sequence[int]) -> None:
        """Store an article's MinHash signature and its LSH band keys."""
        self.connection.execute(
            "INSERT INTO minhash_signatures (article_id, signature) VALUES (?, ?)",
            (article_row, signature),
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
            [(band, article_row) for band in bands],
        )

    def band_candidates(self, bands: Sequence[int]) -> dict[int, bytes]:
        """Stored articles sharing band keys, with their signatures.

        At most `MAX_CANDIDATES`, those sharing the most bands first (then the earliest), so
        the cost of a lookup does not grow with the number of stored copies of one text.
        """
        if not bands:
            return {}
        marks = ",".join("?" * len(bands))
        rows = self.connection.execute(
            "SELECT s.article_id, s.signature FROM (SELECT article_id, count(*) AS shared"
            f" FROM minhash_bands WHERE band_key IN ({marks}) GROUP BY article_id"
            " ORDER BY shared DESC, article_id LIMIT ?) b"
            " JOIN minhash_signatures s ON s.article_id = b.article_id",
            [*bands, MAX_CANDIDATES],
        ).fetchall()
        return {int(r[0]): bytes(r[1]) for r in rows}

    def link_copy(
        self, copy_row: int, *, original_row: int, similarity: float, partial: bool = False
    ) -> None:
        """Record that an article is a syndicated copy of an earlier one (``partial``: cut)."""
        self.connection.execute(
            "INSERT INTO syndication (copy_id, original_id, similarity, partial)"
            " VALUES (?, ?, ?, ?)",
            (copy_row, original_row, similarity, int(partial)),
        )

    def original_of(self, article_row: int) -> int:
        """The original an article is a copy of, or the article itself."""
        row = self.connection.execute(
            "SELECT original_id FROM syndication WHERE copy_id = ?", (article_row,)
        ).fetchone()
        return int(row[0]) if row else article_row

    def stories_of(self, article_rows: Sequence[int]) -> dict[int, int]:
        """The story of each given article that has one."""
        if not article_rows:
            return {}
        marks = ",".join("?" * len(article_rows))
        rows = self.connection.execute(
            f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})",
            [int(r) for r in article_rows],
        ).fetchall()
        return {int(a): int(s) for a, s in rows}

    def story_state(self, story_id: int) -> StoryState:
        """The centroid, size, date range, event cues and hand-made flag of a story."""
        row = self.connection.execute(
            "SELECT centroid, accounts, first_day, last_day, profile, manual FROM stories"
            " WHERE id = ?",
            (story_id,),
        ).fetchone()
        if row is None:
            raise KeyError(story_id)
        return StoryState(
            id=story_id,
            vector_sum=np.frombuffer(row[0], dtype=np.float32).copy(),
            accounts=int(row[1]),
            first_day=row[2],
            last_day=row[3],
            profile=json.loads(row[4]),
            manual=bool(row[5]),
        )

    def save_story(self, state: StoryState, *, title: str | None = None) -> int:
        """Create a story (``state.id == 0``, needs a title) or update one; returns its id."""
        blob = state.vector_sum.astype(np.float32).tobytes()
        profile = json.dumps(dict(state.profile), sort_keys=True)
        values = (state.first_day, state.last_day, state.accounts, blob, profile, state.manual)
        if state.id == 0:
            cursor = self.connection.execute(
                "INSERT INTO stories (first_day, last_day, accounts, centroid, profile, manual,"
                " title) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*values, title or ""),
            )
            return int(cursor.lastrowid or 0)
        self.connection.execute(
            "UPDATE stories SET first_day = ?, last_day = ?, accounts = ?, centroid = ?,"
            " profile = ?, manual = ?,"
            " title = CASE WHEN title = '' THEN coalesce(?, '') ELSE title END WHERE id = ?",
            (*values, title, state.id),
        )
        return state.id

    def add_member(
        self, article_row: int, *, story_id: int, similarity: float, why: Membership | None = None
    ) -> None:
        """Put an article in a story, with why it joined (best match, shared cues, how)."""
        why = why or Membership()
        self.connection.execute(
            "INSERT INTO story_members (article_id, story_id, similarity, best_match, shared, how)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (article_row, story_id, similarity, why.best_match, json.dumps(why.shared), why.how),
        )

    def insert_cues(self, article_row: int, cues: EventCues) -> None:
        """Store an article's event cues and time (to rebuild stories edited by hand)."""
        self.connection.execute(
            "INSERT OR REPLACE INTO article_cues (article_id, cues, day, earliest, latest)"
            " VALUES (?, ?, ?, ?, ?)",
            (article_row, json.dumps(dict(cues.cues)), cues.day, cues.earliest, cues.latest),
        )

    def absorb_story(self, story_id: int, *, into: int) -> None:
        """Move every member of a story to another story and delete it."""
        self.connection.execute(
            "UPDATE story_members SET story_id = ?, how = CASE WHEN how = 'copy' THEN how"
            " ELSE 'absorbed' END WHERE story_id = ?",
            (into, story_id),
        )
        self.connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
