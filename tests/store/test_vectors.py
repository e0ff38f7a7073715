import numpy as np
import pytest

from storylens.embedding import default_encoder
from storylens.store import Store
from storylens.store.vectors import CachedEncoder, model_name

SENTENCES = [
    "Secretary of State John Kerry suspended talks with Russia over Syria.",
    "The United States announced it was suspending talks with Russia.",
    "Secretary of State John Kerry suspended talks with Russia over Syria.",
]


class CountingEncoder:
    """The real MiniLM encoder, counting the sentences it is asked to encode."""

    model_name = "minilm-test"

    def __init__(self):
        self.inner = default_encoder()
        self.calls = []

    def encode(self, sentences):
        self.calls.append(list(sentences))
        return self.inner.encode(sentences)

    def encode_words(self, sentences):
        self.calls.append(list(sentences))
        return self.inner.encode_words(sentences)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "vectors.db") as opened:
        yield opened


def test_second_encode_reads_the_store_not_the_model(store):
    counting = CountingEncoder()
    first = CachedEncoder(counting, store).encode(SENTENCES)
    assert counting.calls == [SENTENCES[:2]]  # the repeated sentence is encoded once
    again = CachedEncoder(counting, store)
    second = again.encode(SENTENCES)
    assert len(counting.calls) == 1
    assert (again.hits, again.misses) == (3, 0)
    assert second.dtype == np.float32
    assert second.shape == (3, 384)
    np.testing.assert_array_equal(first, second)
    np.testing.assert_allclose(second, default_encoder().encode(SENTENCES), atol=1e-6)


def test_only_the_misses_are_encoded(store):
    counting = CountingEncoder()
    cached = CachedEncoder(counting, store)
    cached.encode(SENTENCES[:1])
    vectors = cached.encode(["Talks were suspended.", SENTENCES[0]])
    assert counting.calls[-1] == ["Talks were suspended."]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_vectors_are_kept_apart_by_model(store):
    counting = CountingEncoder()
    CachedEncoder(counting, store).encode(SENTENCES[:1])
    CachedEncoder(counting, store, model="another-model").encode(SENTENCES[:1])
    assert len(counting.calls) == 2


def test_vectors_survive_reopening(tmp_path):
    path = tmp_path / "reopen.db"
    counting = CountingEncoder()
    with Store(path) as store:
        first = CachedEncoder(counting, store).encode(SENTENCES[:2])
    with Store(path) as store:
        second = CachedEncoder(counting, store).encode(SENTENCES[:2])
    assert len(counting.calls) == 1
    np.testing.assert_array_equal(first, second)


def test_empty_input(store):
    assert CachedEncoder(CountingEncoder(), store).encode([]).shape == (0, 384)


def test_word_states_are_cached_with_their_vectors(tmp_path):
    path = tmp_path / "words.db"
    counting = CountingEncoder()
    with Store(path) as store:
        vectors, words = CachedEncoder(counting, store).encode_words(SENTENCES)
    assert counting.calls == [SENTENCES[:2]]
    with Store(path) as store:
        again = CachedEncoder(counting, store)
        cached_vectors, cached_words = again.encode_words(SENTENCES)
        assert (again.hits, again.misses) == (3, 0)
        # the vectors cached with the words serve a plain encode as well
        np.testing.assert_array_equal(again.encode(SENTENCES[:1])[0], vectors[0])
    assert len(counting.calls) == 1
    np.testing.assert_array_equal(cached_vectors, vectors)
    assert [w.pieces for w in cached_words] == [w.pieces for w in words]
    assert cached_words[0].pieces[:4] == ("secretary", "of", "state", "john")
    assert cached_words[1].vectors.shape == (len(words[1].pieces), 384)
    np.testing.assert_array_equal(cached_words[1].vectors, words[1].vectors)


def test_model_name_of_the_default_encoder_carries_the_model_version():
    assert model_name(default_encoder()).startswith("all-MiniLM-L6-v2-int8/")
    assert model_name(object()) == "builtins.object"
