"""Phrases: collocations (which words go together) and keywords in context (how a term is used)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from egov.terms.distinctive import g2_log_ratio
from egov.terms.tokens import _check_docs, encode_docs

__all__ = ["collocations", "kwic"]

MEASURES = ("llr", "pmi")


def collocations(docs: pd.DataFrame, *, min_count: int = 3, measure: str = "llr",
                 tokens: pd.Series | None = None, lemmas: bool = True) -> pd.DataFrame:
    """Adjacent word pairs that occur together more than chance, ranked by `measure`.

    Pairs are adjacent tokens within an article, neither a stopword, seen >= min_count
    times (pairs run across sentence ends). llr: signed log-likelihood G2 of the pair's 2x2 table (Dunning 1993); pmi:
    log2(O11 * N / (R1 * C1)) (Church & Hanks 1990), which favours rare pairs. N counts
    all adjacent pairs, stopwords included. Returns bigram, term1, term2, count,
    count_term1, count_term2, llr, pmi, measure, score; sorted by score (descending), bigram.
    Example: collocations(docs, min_count=3, measure="llr").head(10)
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer, got {min_count!r}")
    _check_docs(docs)
    doc_index, term_id, is_stop, terms = encode_docs(docs, tokens, lemmas, False)
    columns = ["bigram", "term1", "term2", "count", "count_term1", "count_term2", "llr", "pmi", "measure", "score"]
    pair = np.flatnonzero(doc_index[:-1] == doc_index[1:]) if len(doc_index) > 1 else np.zeros(0, np.int64)
    n_pairs = len(pair)
    first, second = term_id[pair], term_id[pair + 1]
    ok = ~is_stop[pair] & ~is_stop[pair + 1]
    v = max(len(terms), 1)
    code = first[ok].astype(np.int64) * v + second[ok]
    uniq, count = np.unique(code, return_counts=True)
    keep = count >= min_count
    uniq, count = uniq[keep], count[keep]
    if len(uniq) == 0:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("llr", "pmi", "score") else "object")
                             for c in columns})
    r1 = np.bincount(first, minlength=v)[uniq // v]
    c1 = np.bincount(second, minlength=v)[uniq % v]
    llr, _, _ = g2_log_ratio(count, c1 - count, r1, n_pairs - r1)
    pmi = np.log2(count * n_pairs / (r1.astype(float) * c1))
    words = np.asarray(terms, dtype=object)
    t1, t2 = words[uniq // v], words[uniq % v]
    out = pd.DataFrame({"bigram": t1 + " " + t2, "term1": t1, "term2": t2, "count": count.astype(np.int64),
                        "count_term1": r1.astype(np.int64), "count_term2": c1.astype(np.int64),
                        "llr": llr, "pmi": pmi, "measure": measure})
    out["score"] = out[measure]
    out = out.astype({"bigram": "str", "term1": "str", "term2": "str", "measure": "str"})
    return out.sort_values(["score", "bigram"], ascending=[False, True], kind="stable", ignore_index=True)


def _phrase_regex(pattern: str, regex: bool) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("pattern must be a non-empty string")
    if regex:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"pattern {pattern!r} is not a valid regex: {err}") from err
    body = r"\s+".join(re.escape(w) for w in pattern.split())
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def _words_before(text: str, start: int, window: int) -> str:
    size = 12 * window + 40
    while True:
        lo = max(0, start - size)
        words = text[lo:start].split()
        if lo == 0 or len(words) > window:  # > window: the first piece may be a cut word
            return " ".join(words[-window:]) if window else ""
        size *= 2


def _words_after(text: str, end: int, window: int) -> str:
    size = 12 * window + 40
    while True:
        hi = min(len(text), end + size)
        words = text[end:hi].split()
        if hi == len(text) or len(words) > window:
            return " ".join(words[:window]) if window else ""
        size *= 2


def kwic(docs: pd.DataFrame, pattern: str, window: int = 8, *, regex: bool = False) -> pd.DataFrame:
    """Keyword in context: every match of `pattern` with `window` words either side.

    `pattern` is a plain phrase matched as whole words (any spacing between its words),
    or a regular expression when regex=True; both case-insensitive. Contexts stop at the
    text's edges and are whitespace-normalised. Returns doc_id, left, match, right, start,
    end (character offsets in text); sorted by doc_id, start.
    Example: kwic(docs, "digital government", window=8)
    """
    _check_docs(docs)
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative integer (words), got {window!r}")
    compiled = _phrase_regex(pattern, regex)
    rows = []
    for doc_id, text in zip(docs["doc_id"].astype(str), docs["text"].fillna("").astype(str)):
        for m in compiled.finditer(text):
            if m.end() == m.start():
                continue
            rows.append((doc_id, _words_before(text, m.start(), window), " ".join(m.group(0).split()),
                         _words_after(text, m.end(), window), m.start(), m.end()))
    out = pd.DataFrame(rows, columns=["doc_id", "left", "match", "right", "start", "end"])
    out = out.astype({"doc_id": "str", "left": "str", "match": "str", "right": "str",
                      "start": "int64", "end": "int64"})
    return out.sort_values(["doc_id", "start"], kind="stable", ignore_index=True)
