"""Store: the corpus in one SQLite file (WAL), with migrations, ingest and queries.

The database is ``--db PATH``, else ``$STORYLENS_DB``, else ``./storylens.db``.
"""

from storylens.config import DB_ENVIRONMENT, DEFAULT_DB, default_db_path
from storylens.store.database import Store
from storylens.store.ingest import (
    CorpusWriter,
    IngestEvent,
    IngestSummary,
    Outcome,
    Prepared,
    Preparer,
    count_inputs,
    ingest_inputs,
)
from storylens.store.queries import (
    EXPORT_COLUMNS,
    export_rows,
    list_stories,
    load_story,
    story_partition,
)
from storylens.store.records import Account, StoredStory, StorySummary
from storylens.store.vectors import CachedEncoder

__all__ = [
    "DB_ENVIRONMENT",
    "DEFAULT_DB",
    "EXPORT_COLUMNS",
    "Account",
    "CachedEncoder",
    "CorpusWriter",
    "IngestEvent",
    "IngestSummary",
    "Outcome",
    "Prepared",
    "Preparer",
    "Store",
    "StoredStory",
    "StorySummary",
    "count_inputs",
    "default_db_path",
    "export_rows",
    "ingest_inputs",
    "list_stories",
    "load_story",
    "story_partition",
]
