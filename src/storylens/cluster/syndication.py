"""Syndicated copies: the same text under another header, cut short or lightly edited, by MinHash.

Signatures are datasketch MinHashes of lower-cased word 5-shingles of the cleaned body (page
debris, bylines and captions are not in it), followed by the number of shingles. Copying is
judged by *containment*: the share of the shorter body's shingles that the longer one has,
estimated from the MinHash Jaccard and both sizes, so a copy cut to a third of its original
is still a copy. LSH bands (32 bands of 4 rows: pairs above ~0.45 Jaccard collide with high
probability) are stored as integer keys, so finding candidates is one indexed query.
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
BANDS = 32
SHINGLE_WORDS = 5
MIN_SHINGLES = 20
"""Texts with fewer shingles are too short to call copies of each other."""
COPY_THRESHOLD = 0.7
"""Estimated Jaccard similarity above which an article is a copy of an earlier one."""
CONTAINMENT_THRESHOLD = 0.8
"""Share of the shorter body's shingles found in the longer one above which it is a copy."""
FULL_COPY_RATIO = 0.8
"""A copy whose body is under this share of the other's length (or longer) is a partial copy."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    """An article's MinHash values and LSH band keys (empty when the text is too short)."""

    values: bytes
    bands: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Original:
    """The stored article a new one copies: estimated Jaccard, containment, and whether partial.

    ``partial`` is true when one body is a cut or an excerpt of the other (their lengths differ
    by more than `FULL_COPY_RATIO`), so the copy does not carry everything the original says.
    """

    row: int
    similarity: float
    containment: float = 1.0
    partial: bool = False


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
    sized = np.append(values, np.uint64(len(shingles)))
    return Signature(values=sized.tobytes(), bands=_band_keys(values))


def find_original(
    signature: Signature, lookup: SignatureLookup, *, threshold: float = COPY_THRESHOLD
) -> Original | None:
    """The stored article this one copies (best containment, then Jaccard), or None if new.

    A copy is a pair whose Jaccard is at least ``threshold`` or whose containment is at least
    `CONTAINMENT_THRESHOLD`.
    """
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
    theirs = theirs.reshape(len(candidates), -1)
    jaccard = (theirs[:, :PERMUTATIONS] == mine[:PERMUTATIONS]).mean(axis=1)
    sizes = theirs[:, PERMUTATIONS].astype(np.float64)
    size = float(mine[PERMUTATIONS])
    shared = jaccard * (sizes + size) / (1.0 + jaccard)
    containment = np.minimum(shared / np.minimum(sizes, size), 1.0)
    copies = (jaccard >= threshold) | (containment >= CONTAINMENT_THRESHOLD)
    if not copies.any():
        return None
    best = int(np.lexsort((jaccard, containment * copies))[-1])
    ratio = min(sizes[best], size) / max(sizes[best], size)
    return Original(
        row=list(candidates)[best],
        similarity=float(jaccard[best]),
        containment=round(float(containment[best]), 4),
        partial=bool(ratio < FULL_COPY_RATIO),
    )


def _band_keys(values: npt.NDArray[np.uint64]) -> tuple[int, ...]:
    rows = len(values) // BANDS
    keys = []
    for band in range(BANDS):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)
