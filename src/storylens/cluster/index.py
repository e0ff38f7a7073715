"""An approximate-nearest-neighbour index of article vectors: one faiss HNSW index per month.

Only the months an ingest touches are held in memory (least recently used are dropped and
reloaded from the store on demand), so memory follows the time window, not the corpus.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from storylens.embedding import DIMENSIONS

MAX_LOADED_BUCKETS = 24
HNSW_LINKS = 32


@dataclass(slots=True)
class _Month:
    index: Any
    keys: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True, kw_only=True)
class Neighbour:
    """A stored article close to a query vector."""

    row: int
    similarity: float


class VectorSource(Protocol):
    """Where the stored vectors of one time bucket come from."""

    def bucket_vectors(self, bucket: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
        """Row ids and unit vectors of the articles in a bucket."""
        ...


class BucketedIndex:
    """Month-partitioned HNSW indexes (fp16, inner product) over stored unit vectors."""

    def __init__(self, source: VectorSource, *, max_loaded: int = MAX_LOADED_BUCKETS) -> None:
        self._faiss: Any = importlib.import_module("faiss")
        # One thread: queries come one at a time, and idle OpenMP workers spinning after a
        # parallel add would steal the cores the embedding model needs.
        self._faiss.omp_set_num_threads(1)
        self._source = source
        self._max_loaded = max_loaded
        self._loaded: OrderedDict[int, _Month] = OrderedDict()

    @property
    def loaded_buckets(self) -> int:
        """How many month indexes are in memory."""
        return len(self._loaded)

    def search(
        self, vector: npt.NDArray[np.float32], *, buckets: Iterable[int], count: int
    ) -> list[Neighbour]:
        """The ``count`` nearest stored articles in each bucket, most similar first."""
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        found: list[Neighbour] = []
        for bucket in buckets:
            month = self._bucket(bucket)
            if not month.keys:
                continue
            similarities, keys = month.index.search(query, min(count, len(month.keys)))
            found.extend(
                Neighbour(row=int(key), similarity=float(similarity))
                for key, similarity in zip(keys[0], similarities[0], strict=True)
                if key >= 0
            )
        return sorted(found, key=lambda n: -n.similarity)

    def add(self, row: int, vector: npt.NDArray[np.float32], *, bucket: int) -> None:
        """Index a committed article (a bucket not in memory reads it from the store later)."""
        month = self._loaded.get(bucket)
        if month is not None and row not in month.keys:
            self._add(month, np.array([row], dtype=np.uint64), vector.reshape(1, -1))

    def _bucket(self, bucket: int) -> _Month:
        month = self._loaded.get(bucket)
        if month is not None:
            self._loaded.move_to_end(bucket)
            return month
        hnsw = self._faiss.IndexHNSWSQ(
            DIMENSIONS,
            self._faiss.ScalarQuantizer.QT_fp16,
            HNSW_LINKS,
            self._faiss.METRIC_INNER_PRODUCT,
        )
        month = _Month(index=self._faiss.IndexIDMap(hnsw))
        keys, vectors = self._source.bucket_vectors(bucket)
        if len(keys):
            self._add(month, keys, vectors)
        self._loaded[bucket] = month
        if len(self._loaded) > self._max_loaded:
            self._loaded.popitem(last=False)
        return month

    def _add(
        self, month: _Month, keys: npt.NDArray[np.uint64], vectors: npt.NDArray[np.float32]
    ) -> None:
        month.index.add_with_ids(
            np.ascontiguousarray(vectors, dtype=np.float32), keys.astype(np.int64)
        )
        month.keys.update(int(k) for k in keys)
