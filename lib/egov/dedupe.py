"""Find reposts: articles whose cleaned texts are the same or nearly the same.

Word 5-gram shingles, MinHash signatures and locality-sensitive hashing find candidate
pairs in near-linear time (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of
Massive Datasets*, ch. 3); each candidate is confirmed by its exact Jaccard similarity.
"""
from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE = 5
N_HASHES, BANDS = 64, 16  # 16 bands of 4 rows: pairs with Jaccard >= 0.8 are caught with p > 0.999
PRIME = (1 << 61) - 1
THRESHOLD = 0.8
_rng = np.random.default_rng(20141128)
_A = _rng.integers(1, PRIME, N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, PRIME, N_HASHES, dtype=np.uint64)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Stable hashes of the text's lower-cased word `size`-grams (all words if fewer)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1)}


def _signature(hashes: set[int]) -> np.ndarray:
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    # (a*x + b) mod p on uint64 wraps; the wrapped value is still a fixed random permutation-like map
    return ((np.outer(_A, x) + _B[:, None]) % PRIME).min(axis=1)


def find_duplicates(texts: list[str], threshold: float = THRESHOLD) -> dict[int, tuple[int, float]]:
    """Map each repost's index to (index of the first copy, Jaccard similarity).

    The first copy is the lowest index, so order the texts by preference first.
    Example: find_duplicates(["a b c d e f", "x y", "a b c d e f"]) -> {2: (0, 1.0)}
    """
    sets = [shingles(t) for t in texts]
    buckets: dict[tuple[int, bytes], list[int]] = {}
    rows = N_HASHES // BANDS
    for i, s in enumerate(sets):
        if not s:
            continue
        sig = _signature(s)
        for band in range(BANDS):
            key = (band, sig[band * rows:(band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(i)
    candidates: dict[int, set[int]] = {}
    for members in buckets.values():
        for pos, j in enumerate(members):
            candidates.setdefault(j, set()).update(members[:pos])
    duplicate_of: dict[int, tuple[int, float]] = {}
    for j in sorted(candidates):
        for i in sorted(candidates[j]):
            if i in duplicate_of:
                continue
            sim = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
            if sim >= threshold:
                duplicate_of[j] = (i, sim)
                break
    return duplicate_of
