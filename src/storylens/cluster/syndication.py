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
LEAD_SHINGLES = 60
"""The opening shingles get bands of their own: a copy cut short keeps the lead."""
LEAD_BANDS = 16
LEAD_ROWS = 3
CONTAINMENT_THRESHOLD = 0.6
"""Share of the shorter body's shingles found in the longer one above which it is a copy
(chosen on the BASIL part of bench/copies.py's gold, the best F1 there; reported on the rest)."""
MIN_JACCARD = 0.1
"""Least Jaccard (13 of 128 values agreeing) for a containment call."""
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
    count = len(words) - SHINGLE_WORDS + 1
    ordered = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)]
    shingles = set(ordered)
    if len(shingles) < MIN_SHINGLES:
        return Signature(values=b"", bands=())
    values = _minhash(shingles, PERMUTATIONS)
    lead = _minhash(set(ordered[:LEAD_SHINGLES]), LEAD_BANDS * LEAD_ROWS)
    sized = np.append(values, np.uint64(len(shingles)))
    bands = _band_keys(values, BANDS, salt=0) + _band_keys(lead, LEAD_BANDS, salt=BANDS)
    return Signature(values=sized.tobytes(), bands=bands)


def _minhash(shingles: set[str], permutations: int) -> npt.NDArray[np.uint64]:
    minhash = MinHash(num_perm=permutations)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def find_original(
    signature: Signature,
    lookup: SignatureLookup,
    *,
    threshold: float = COPY_THRESHOLD,
    containment: float = CONTAINMENT_THRESHOLD,
) -> Original | None:
    """The stored article this one copies (best containment, then Jaccard), or None if new.

    A copy is a pair whose Jaccard is at least ``threshold``, or whose containment is at least
    ``containment`` with a Jaccard of at least `MIN_JACCARD` (below it the estimate is noise).
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
    contained = np.minimum(shared / np.minimum(sizes, size), 1.0)
    copies = (jaccard >= threshold) | ((contained >= containment) & (jaccard >= MIN_JACCARD))
    if not copies.any():
        return None
    best = int(np.lexsort((jaccard, contained * copies))[-1])
    ratio = min(sizes[best], size) / max(sizes[best], size)
    return Original(
        row=list(candidates)[best],
        similarity=float(jaccard[best]),
        containment=round(float(contained[best]), 4),
        partial=bool(ratio < FULL_COPY_RATIO),
    )


def _band_keys(values: npt.NDArray[np.uint64], bands: int, *, salt: int) -> tuple[int, ...]:
    rows = len(values) // bands
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(bytes([salt + band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)
