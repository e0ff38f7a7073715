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
    # 5: full-text search (FTS5) over each article's title, text, entity names and outlet,
    # kept current by triggers; read-only views with ISO dates and no JSON blobs for
    # datasette/duckdb users and `storylens export` (columns in docs/export.md).
    """
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, body, entities, outlet, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO article_search (rowid, title, body, entities, outlet)
        SELECT a.id, a.title, json_extract(a.article_json, '$.text'),
            coalesce((SELECT group_concat(json_extract(e.value, '$.name'), ' ')
                FROM json_each(n.analysis_json, '$.entities') e), ''),
            a.outlet
        FROM articles a LEFT JOIN analyses n ON n.article_id = a.id;
    CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search (rowid, title, body, entities, outlet)
        VALUES (NEW.id, NEW.title, json_extract(NEW.article_json, '$.text'), '', NEW.outlet);
    END;
    CREATE TRIGGER article_search_analysis AFTER INSERT ON analyses BEGIN
        UPDATE article_search SET entities = coalesce((SELECT
            group_concat(json_extract(e.value, '$.name'), ' ')
            FROM json_each(NEW.analysis_json, '$.entities') e), '')
        WHERE rowid = NEW.article_id;
    END;
    CREATE VIEW story_list AS
        SELECT s.id AS story_id, s.title,
            date(s.first_day + 1721424.5) AS first_date,
            date(s.last_day + 1721424.5) AS last_date,
            s.accounts,
            (SELECT count(*) FROM story_members m WHERE m.story_id = s.id) AS articles,
            (SELECT group_concat(DISTINCT a.outlet) FROM story_members m
                JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id) AS outlets
        FROM stories s;
    CREATE VIEW article_list AS
        SELECT a.article_id, m.story_id, a.outlet, a.title, a.published,
            date(a.day + 1721424.5) AS date, a.url, a.input, o.article_id AS copy_of,
            a.ingested_at, json_extract(a.article_json, '$.text') AS text
        FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
        LEFT JOIN syndication y ON y.copy_id = a.id
        LEFT JOIN articles o ON o.id = y.original_id;
    CREATE VIEW quote_list AS
        SELECT a.article_id, a.outlet, json_extract(q.value, '$.id') AS quote_id,
            json_extract(q.value, '$.kind') AS kind,
            json_extract(q.value, '$.attribution') AS attribution,
            json_extract(q.value, '$.speaker.name') AS speaker,
            json_extract(q.value, '$.cue.text') AS cue,
            json_extract(q.value, '$.content.start') AS start,
            json_extract(q.value, '$.content.end') AS "end",
            json_extract(q.value, '$.content.text') AS content
        FROM articles a JOIN analyses n ON n.article_id = a.id,
            json_each(n.analysis_json, '$.quotes') q;
    CREATE VIEW speaker_list AS
        SELECT article_id, outlet, speaker, count(*) AS quotes
        FROM quote_list WHERE speaker IS NOT NULL GROUP BY article_id, outlet, speaker;
    CREATE VIEW entity_list AS
        SELECT a.article_id, a.outlet, json_extract(e.value, '$.id') AS entity_id,
            json_extract(e.value, '$.name') AS name, json_extract(e.value, '$.label') AS label,
            json_array_length(e.value, '$.mentions') AS mentions,
            json_extract(e.value, '$.aliases') AS aliases
        FROM articles a JOIN analyses n ON n.article_id = a.id,
            json_each(n.analysis_json, '$.entities') e;
    CREATE VIEW cited_source_list AS
        SELECT a.article_id, a.outlet, json_extract(c.value, '$.name') AS name,
            json_extract(c.value, '$.kind') AS kind, json_extract(c.value, '$.cue') AS cue,
            json_extract(c.value, '$.span.start') AS start,
            json_extract(c.value, '$.span.end') AS "end",
            json_extract(c.value, '$.span.text') AS text
        FROM articles a JOIN analyses n ON n.article_id = a.id,
            json_each(n.analysis_json, '$.cited_sources') c;
    CREATE VIEW framing_list AS
        SELECT a.article_id, a.outlet,
            json_extract(n.analysis_json, '$.framing.own_voice') AS own_voice_loaded,
            json_extract(n.analysis_json, '$.framing.quoted') AS quoted_loaded,
            json_extract(n.analysis_json, '$.framing.loaded_per_1000_words')
                AS loaded_per_1000_words,
            json_array_length(n.analysis_json, '$.framing.headline.phrases')
                AS headline_loaded,
            json_array_length(n.analysis_json, '$.framing.opinion.first_person')
                + json_array_length(n.analysis_json, '$.framing.opinion.rhetorical_questions')
                + json_array_length(n.analysis_json, '$.framing.opinion.evaluative_adjectives')
                + json_array_length(n.analysis_json, '$.framing.opinion.stance_adverbs')
                AS opinion_markers
        FROM articles a JOIN analyses n ON n.article_id = a.id
        WHERE json_type(n.analysis_json, '$.framing') = 'object';
    CREATE VIEW loaded_phrase_list AS
        SELECT a.article_id, a.outlet, json_extract(p.value, '$.span.text') AS phrase,
            json_extract(p.value, '$.voice') AS voice, json_extract(p.value, '$.place') AS place,
            json_extract(p.value, '$.reasons') AS reasons,
            json_extract(p.value, '$.score') AS score,
            json_extract(p.value, '$.alternative') AS alternative,
            json_extract(p.value, '$.span.start') AS start,
            json_extract(p.value, '$.span.end') AS "end"
        FROM articles a JOIN analyses n ON n.article_id = a.id,
            json_each(n.analysis_json, '$.framing.loaded') p;
    """,
    # 6: a covering index of each article's outlet: the story list counts outlets per story
    # without reading article rows (each holds its JSON: 10k lookups 118 ms -> 35 ms).
    """
    CREATE INDEX articles_id_outlet ON articles (id, outlet, day, article_id);
    """,
    # 7: stories as events (issue 18): each story's event cues and whether it was made by
    # hand; why each member joined (best match, shared cues, how); each article's event cues
    # and time (so a story split or merged by hand is rebuilt from its members).
    """
    ALTER TABLE stories ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE stories ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE story_members ADD COLUMN best_match INTEGER;
    ALTER TABLE story_members ADD COLUMN shared TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE story_members ADD COLUMN how TEXT NOT NULL DEFAULT 'joined';
    CREATE TABLE article_cues (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        cues TEXT NOT NULL,
        day INTEGER,
        earliest INTEGER,
        latest INTEGER
    );
    """,
    # 8: whether a syndicated copy is partial (issue 14): cut short or an excerpt of its
    # original, so it does not carry everything the original says (copies stored before: 0).
    """
    ALTER TABLE syndication ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
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
    """Run one migration step, unless another process did while this one waited for the lock."""
    statements = _statements(script)
    connection.execute("BEGIN IMMEDIATE")
    if int(connection.execute("PRAGMA user_version").fetchone()[0]) >= version:
        connection.execute("ROLLBACK")
        return
    try:
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version:d}")
    except sqlite3.Error:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """The script's statements (a trigger body's ``;`` stays inside its statement)."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements
