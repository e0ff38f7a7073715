"""The corpus schema and its migrations, applied in order and tracked by ``PRAGMA user_version``.

A migration is appended, never edited: a database at version ``n`` runs steps ``n+1…`` when
it is opened, each in its own transaction.
"""

from __future__ import annotations

import sqlite3

from storylens.errors import ConfigError

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, analyses, embeddings, stories, members, syndication, MinHash bands.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        day INTEGER,
        url TEXT,
        input TEXT NOT NULL,
        article_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles (outlet);
    CREATE TABLE analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        analysis_json TEXT NOT NULL,
        schema_version TEXT NOT NULL
    );
    CREATE TABLE embeddings (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        bucket INTEGER NOT NULL,
        vector BLOB NOT NULL
    );
    CREATE INDEX embeddings_bucket ON embeddings (bucket);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        accounts INTEGER NOT NULL,
        centroid BLOB NOT NULL
    );
    CREATE INDEX stories_last_day ON stories (last_day);
    CREATE TABLE story_members (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        story_id INTEGER NOT NULL REFERENCES stories (id),
        similarity REAL NOT NULL
    );
    CREATE INDEX story_members_story ON story_members (story_id);
    CREATE TABLE syndication (
        copy_id INTEGER PRIMARY KEY REFERENCES articles (id),
        original_id INTEGER NOT NULL REFERENCES articles (id),
        similarity REAL NOT NULL
    );
    CREATE INDEX syndication_original ON syndication (original_id);
    CREATE TABLE minhash_bands (
        band_key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id)
    );
    CREATE INDEX minhash_bands_key ON minhash_bands (band_key);
    CREATE TABLE minhash_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        signature BLOB NOT NULL
    );
    """,
    # 2: sentence vectors cached by (encoder model, sha1 of the sentence text).
    """
    CREATE TABLE sentence_vectors (
        model TEXT NOT NULL,
        text_sha1 BLOB NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text_sha1)
    ) WITHOUT ROWID;
    """,
    # 3: word states of sentences (for word-by-word fact agreement), cached like their vectors.
    """
    CREATE TABLE word_states (
        model TEXT NOT NULL,
        text_sha1 BLOB NOT NULL,
        pieces TEXT NOT NULL,
        vectors BLOB NOT NULL,
        PRIMARY KEY (model, text_sha1)
    ) WITHOUT ROWID;
    """,
    # 4: MinHash bands keyed by (band_key, article_id), without a rowid: a band lookup reads
    # the article ids from the key's own B-tree, not one table row per match.
    """
    CREATE TABLE minhash_bands_by_key (
        band_key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id),
        PRIMARY KEY (band_key, article_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO minhash_bands_by_key (band_key, article_id)
        SELECT band_key, article_id FROM minhash_bands;
    DROP TABLE minhash_bands;
    ALTER TABLE minhash_bands_by_key RENAME TO minhash_bands;
    """,
)
"""Each step is a script of SQL statements; step ``i`` brings the database to version ``i+1``."""

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration the database has not seen; returns the version it is now at.

    >>> connection = sqlite3.connect(":memory:")
    >>> migrate(connection) == SCHEMA_VERSION
    True
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise ConfigError(
            f"the database is at schema version {version}, newer than this storylens "
            f"({SCHEMA_VERSION}): upgrade storylens"
        )
    for step in range(version, SCHEMA_VERSION):
        _apply(connection, MIGRATIONS[step], step + 1)
    return SCHEMA_VERSION


def _apply(connection: sqlite3.Connection, script: str, version: int) -> None:
    statements = [s.strip() for s in script.split(";") if s.strip()]
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version:d}")
    except sqlite3.Error:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
