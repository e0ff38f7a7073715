import numpy as np

from storylens.cluster import BucketedIndex
from storylens.cluster import index as index_module
from storylens.embedding import DIMENSIONS


class Source:
    def __init__(self):
        self.buckets = {}
        self.loads = 0

    def bucket_vectors(self, bucket):
        self.loads += 1
        rows = self.buckets.get(bucket, [])
        keys = np.array([r for r, _ in rows], dtype=np.uint64)
        vectors = np.array([v for _, v in rows], dtype=np.float32).reshape(len(rows), DIMENSIONS)
        return keys, vectors


def vectors(count, seed):
    rng = np.random.default_rng(seed)
    block = rng.normal(size=(count, DIMENSIONS)).astype(np.float32)
    return block / np.linalg.norm(block, axis=1, keepdims=True)


def test_search_finds_the_vector_itself_first_in_its_bucket_only():
    source = Source()
    block = vectors(50, 1)
    source.buckets[7] = [(row, block[row]) for row in range(25)]
    source.buckets[8] = [(row, block[row]) for row in range(25, 50)]
    index = BucketedIndex(source)
    found = index.search(block[3], buckets=[7], count=5)
    assert found[0].row == 3
    assert found[0].similarity > 0.99
    assert all(n.row < 25 for n in found)
    assert index.search(block[30], buckets=[7, 8], count=3)[0].row == 30


def test_add_then_eviction_reloads_from_the_source():
    source = Source()
    block = vectors(3, 2)
    index = BucketedIndex(source, max_loaded=1)
    assert index.search(block[0], buckets=[1], count=3) == []
    index.add(0, block[0], bucket=1)
    assert index.search(block[0], buckets=[1], count=3)[0].row == 0
    source.buckets[1] = [(0, block[0])]
    index.search(block[1], buckets=[2], count=3)
    assert index.loaded_buckets == 1
    assert index.search(block[0], buckets=[1], count=3)[0].row == 0
    assert source.loads == 3


def test_a_month_that_outgrows_the_flat_limit_is_rebuilt_as_a_graph(monkeypatch):
    monkeypatch.setattr(index_module, "FLAT_LIMIT", 10)
    source = Source()
    block = vectors(12, 3)
    source.buckets[1] = [(row, block[row]) for row in range(10)]
    index = BucketedIndex(source)
    assert index.search(block[4], buckets=[1], count=1)[0].row == 4
    assert not index._loaded[1].graph
    source.buckets[1].append((10, block[10]))
    index.add(10, block[10], bucket=1)
    assert index.loaded_buckets == 0
    found = index.search(block[10], buckets=[1], count=3)
    assert index._loaded[1].graph
    assert found[0].row == 10
    assert source.loads == 2


def test_a_flat_month_finds_exact_neighbours_in_order():
    source = Source()
    block = vectors(200, 4)
    source.buckets[3] = [(row, block[row]) for row in range(200)]
    found = BucketedIndex(source).search(block[17], buckets=[3], count=16)
    expected = np.argsort(-(block @ block[17]))[:16]
    assert [n.row for n in found] == [int(r) for r in expected]
