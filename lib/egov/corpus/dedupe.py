"""Find reposts: articles whose cleaned texts are the same or nearly the same.

Word 5-gram shingles (for Chinese, 5-grams of characters: Chinese text has no spaces),
MinHash signatures and locality-sensitive hashing find candidate pairs in near-linear time
(Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3). The work per
article is bounded, so a wire story copied a thousand times costs a thousand checks, not half a
million: in each LSH bucket an article is paired only with the bucket's first CAP members (the
earliest copies), candidates whose signatures agree on under EST_MIN of their hashes are dropped
(a pair at the threshold agrees on 80% of them, give or take 5%), and at most MAX_CONFIRM
candidates per article are confirmed by their exact Jaccard similarity.
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


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_HAN}]|[^\\W{_HAN}]+")  # a word, or one Chinese character
CAP = 8  # an article is compared with at most the first CAP members of each of its LSH buckets
EST_MIN = 0.5  # share of agreeing MinHash values below which a candidate is not checked
MAX_CONFIRM = 16  # exact Jaccard checks per article, at most
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


def candidate_pairs(sigs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate repost pairs from LSH banding: arrays (later, earlier, estimated Jaccard),
    sorted by later then earlier index, each pair once, estimates >= EST_MIN.

    Example: candidate_pairs([signature(t) for t in texts])
    """
    keep = [i for i, sig in enumerate(sigs) if len(sig) == N_HASHES]
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(keep) < 2:
        return empty
    index = np.asarray(keep, dtype=np.int64)
    matrix = np.stack([sigs[i] for i in keep])
    rows = N_HASHES // BANDS
    later, earlier = [], []
    with np.errstate(over="ignore"):
        for band in range(BANDS):
            block = matrix[:, band * rows:(band + 1) * rows]
            key = block[:, 0].copy()
            for r in range(1, rows):
                key = key * _MIX + block[:, r]
            order = np.argsort(key, kind="stable")  # equal keys keep index order: the earliest copy first
            sorted_key = key[order]
            starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
            sizes = np.diff(np.r_[starts, len(order)])
            for start, size in zip(starts[sizes > 1], sizes[sizes > 1]):
                members = order[start:start + size]
                for pos in range(1, size):
                    firsts = members[:min(pos, CAP)]
                    later.append(np.full(len(firsts), members[pos]))
                    earlier.append(firsts)
    if not later:
        return empty
    pairs = np.unique(np.stack([np.concatenate(later), np.concatenate(earlier)], axis=1), axis=0)
    est = (matrix[pairs[:, 0]] == matrix[pairs[:, 1]]).mean(axis=1)
    ok = est >= EST_MIN
    return index[pairs[ok, 0]], index[pairs[ok, 1]], est[ok]


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
    later, earlier, _ = candidate_pairs(sigs)
    sets: dict[int, np.ndarray] = {}

    def shingled(i: int) -> np.ndarray:
        if i not in sets:
            sets[i] = shingle_array(texts[i])
        return sets[i]

    duplicate_of: dict[int, tuple[int, float]] = {}
    bounds = np.flatnonzero(np.r_[True, later[1:] != later[:-1], True]) if len(later) else []
    for a, b in zip(bounds[:-1], bounds[1:]):
        j, checked = int(later[a]), 0
        for i in earlier[a:b].tolist():
            if i in duplicate_of:
                continue
            x, y = shingled(i), shingled(j)
            shared = len(np.intersect1d(x, y, assume_unique=True))
            sim = shared / (len(x) + len(y) - shared)
            if sim >= threshold:
                duplicate_of[j] = (i, sim)
                break
            checked += 1
            if checked >= MAX_CONFIRM:
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
