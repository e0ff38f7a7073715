"""A nearest-neighbour index of article vectors: one faiss index per month.

Only the months an ingest touches are held in memory (least recently used are dropped and
reloaded from the store on demand), so memory follows the time window, not the corpus.

A month of up to `FLAT_LIMIT` articles is searched exactly (a flat fp16 index): scanning
that many vectors is as fast as an HNSW search, and loading them costs a copy where building
a graph costs ~45 ms per thousand vectors, paid again each time the month is reloaded. A
month that grows past the limit is rebuilt as an HNSW graph (approximate) when next searched.
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
FLAT_LIMIT = 4096
"""Most articles in a month searched exactly; larger months get an HNSW graph."""


@dataclass(slots=True)
class _Month:
    index: Any
    graph: bool
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
        if month is None or row in month.keys:
            return
        if not month.graph and len(month.keys) >= FLAT_LIMIT:
            del self._loaded[bucket]  # outgrown: rebuilt as a graph from the store when searched
            return
        self._add(month, np.array([row], dtype=np.uint64), vector.reshape(1, -1))

    def _bucket(self, bucket: int) -> _Month:
        month = self._loaded.get(bucket)
        if month is not None:
            self._loaded.move_to_end(bucket)
            return month
        keys, vectors = self._source.bucket_vectors(bucket)
        month = self._new_month(graph=len(keys) > FLAT_LIMIT)
        if len(keys):
            self._add(month, keys, vectors)
        self._loaded[bucket] = month
        if len(self._loaded) > self._max_loaded:
            self._loaded.popitem(last=False)
        return month

    def _new_month(self, *, graph: bool) -> _Month:
        faiss = self._faiss
        fp16 = faiss.ScalarQuantizer.QT_fp16
        if graph:
            inner = faiss.IndexHNSWSQ(DIMENSIONS, fp16, HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
        else:
            inner = faiss.IndexScalarQuantizer(DIMENSIONS, fp16, faiss.METRIC_INNER_PRODUCT)
        return _Month(index=faiss.IndexIDMap(inner), graph=graph)

    def _add(
        self, month: _Month, keys: npt.NDArray[np.uint64], vectors: npt.NDArray[np.float32]
    ) -> None:
        month.index.add_with_ids(
            np.ascontiguousarray(vectors, dtype=np.float32), keys.astype(np.int64)
        )
        month.keys.update(int(k) for k in keys)
