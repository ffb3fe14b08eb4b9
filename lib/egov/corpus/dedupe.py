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


_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier that chains word hashes into an n-gram hash


class _CrcTable(dict):
    """word -> crc32 of its UTF-8 bytes, filled on first use (stable across processes)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 2_000_000:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_CRC = _CrcTable()


def _word_hashes(words: list[str]) -> np.ndarray:
    """crc32 of each word, as uint64."""
    return np.fromiter(map(_CRC.__getitem__, words), dtype=np.uint64, count=len(words))


def shingle_array(text: str, size: int = SHINGLE) -> np.ndarray:
    """Sorted unique stable 64-bit hashes of the text's lower-cased word `size`-grams (all words if fewer).

    Example: len(shingle_array("a b c d e f")) -> 2
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = _word_hashes(words)
    if len(words) < size:
        size = len(words)
    n = len(words) - size + 1
    out = h[:n].copy()
    with np.errstate(over="ignore"):
        for k in range(1, size):
            out = out * _MIX + h[k:k + n]
    return np.unique(out)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Stable hashes of the text's lower-cased word `size`-grams (all words if fewer)."""
    return set(shingle_array(text, size).tolist())


def signature(text: str) -> np.ndarray:
    """MinHash signature (N_HASHES values) of the text's shingles; empty when the text has no word."""
    x = shingle_array(text)
    if not len(x):
        return np.zeros(0, dtype=np.uint64)
    # (a*x + b) mod p on uint64 wraps; the wrapped value is still a fixed random permutation-like map
    return ((np.outer(_A, x) + _B[:, None]) % PRIME).min(axis=1)


def find_duplicates(texts: list[str], threshold: float = THRESHOLD,
                    signatures: list[np.ndarray] | None = None) -> dict[int, tuple[int, float]]:
    """Map each repost's index to (index of the first copy, Jaccard similarity).

    The first copy is the lowest index, so order the texts by preference first.
    `signatures`: `signature(text)` of each text, computed beforehand (e.g. in parallel).
    Example: find_duplicates(["a b c d e f", "x y", "a b c d e f"]) -> {2: (0, 1.0)}
    """
    sigs = signatures if signatures is not None else [signature(t) for t in texts]
    if len(sigs) != len(texts):
        raise ValueError(f"{len(sigs)} signatures for {len(texts)} texts")
    buckets: dict[tuple[int, bytes], list[int]] = {}
    rows = N_HASHES // BANDS
    for i, sig in enumerate(sigs):
        if not len(sig):
            continue
        for band in range(BANDS):
            key = (band, sig[band * rows:(band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(i)
    candidates: dict[int, set[int]] = {}
    for members in buckets.values():
        if len(members) < 2:
            continue
        for pos, j in enumerate(members):
            candidates.setdefault(j, set()).update(members[:pos])
    sets: dict[int, np.ndarray] = {}

    def shingled(i: int) -> np.ndarray:
        if i not in sets:
            sets[i] = shingle_array(texts[i])
        return sets[i]

    duplicate_of: dict[int, tuple[int, float]] = {}
    for j in sorted(candidates):
        for i in sorted(candidates[j]):
            if i in duplicate_of:
                continue
            a, b = shingled(i), shingled(j)
            shared = len(np.intersect1d(a, b, assume_unique=True))
            sim = shared / (len(a) + len(b) - shared)
            if sim >= threshold:
                duplicate_of[j] = (i, sim)
                break
    return duplicate_of


def copy_note(dup: dict, kept: dict) -> str:
    """For articles from database exports: "; a repeat/wire copy of the <source> article of <date>, kept ...".

    A repeat has the kept article's source; a wire copy is the same story under another outlet.
    "" unless one of the two came from an export (has a `database`).
    """
    if not (dup.get("database") or kept.get("database")):
        return ""
    when = f"{kept['date']:%Y-%m-%d}" if kept.get("date") is not None else "undated"
    kind = "a repeat" if dup.get("source") == kept.get("source") else "a wire copy"
    return f"; {kind} of the {kept.get('source') or 'unnamed'} article of {when}, kept as the earliest copy"
