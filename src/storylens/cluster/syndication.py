"""Syndicated copies: near-duplicate texts (wire copy under another header), by MinHash LSH.

Signatures are datasketch MinHashes of lower-cased word 5-shingles of the body. LSH bands
(16 bands of 8 rows: pairs above ~0.7 Jaccard collide with high probability) are stored as
integer keys, so finding candidates is one indexed query and memory stays flat.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

from storylens.model import Article

PERMUTATIONS = 128
BANDS = 16
SHINGLE_WORDS = 5
MIN_SHINGLES = 20
"""Texts with fewer shingles are too short to call copies of each other."""
COPY_THRESHOLD = 0.7
"""Estimated Jaccard similarity above which an article is a copy of an earlier one."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    """An article's MinHash values and LSH band keys (empty when the text is too short)."""

    values: bytes
    bands: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Original:
    """The stored article a new one copies, and their estimated Jaccard similarity."""

    row: int
    similarity: float


class SignatureLookup(Protocol):
    """Where stored signatures are found by band key."""

    def band_candidates(self, bands: list[int]) -> dict[int, bytes]:
        """Stored rows sharing a band key, with their signatures."""
        ...


def sign_article(article: Article) -> Signature:
    """The MinHash signature of an article's body."""
    body = " ".join(p.text for p in article.paragraphs) or article.text
    words = _WORD.findall(body.lower())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    if len(shingles) < MIN_SHINGLES:
        return Signature(values=b"", bands=())
    minhash = MinHash(num_perm=PERMUTATIONS)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return Signature(values=values.tobytes(), bands=_band_keys(values))


def find_original(
    signature: Signature, lookup: SignatureLookup, *, threshold: float = COPY_THRESHOLD
) -> Original | None:
    """The most similar stored article above ``threshold``, or None when this one is new."""
    if not signature.bands:
        return None
    mine = np.frombuffer(signature.values, dtype=np.uint64)
    candidates = {
        row: values
        for row, values in lookup.band_candidates(list(signature.bands)).items()
        if len(values) == len(signature.values)
    }
    if not candidates:
        return None
    theirs = np.frombuffer(b"".join(candidates.values()), dtype=np.uint64)
    similarities = (theirs.reshape(len(candidates), -1) == mine).mean(axis=1)
    best = int(np.argmax(similarities))
    if similarities[best] < threshold:
        return None
    return Original(row=list(candidates)[best], similarity=float(similarities[best]))


def _band_keys(values: npt.NDArray[np.uint64]) -> tuple[int, ...]:
    rows = len(values) // BANDS
    keys = []
    for band in range(BANDS):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)
