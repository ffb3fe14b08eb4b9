"""Passages: paragraph windows of roughly 60-150 words that never cross articles.

A handful of articles is too few documents for a topic model, so topics are fitted
on passages. Short paragraphs are merged with their neighbours, long ones are split
at sentence boundaries (at word boundaries only when one sentence is itself too long).
"""
from __future__ import annotations

import math
import re

import pandas as pd

# A sentence ends with . ! or ? (optionally closed by a quote or bracket) before a
# space and a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[A-Z0-9\"'“‘(\[])")

PASSAGE_COLUMNS = ["doc_id", "passage_id", "text", "n_words"]


def _n_words(text: str) -> int:
    return len(text.split())


def _split_words(text: str, max_words: int) -> list[str]:
    """Cut a text with no usable sentence break into near-equal word chunks."""
    words = text.split()
    n_chunks = math.ceil(len(words) / max_words)
    size = math.ceil(len(words) / n_chunks)
    return [" ".join(words[i:i + size]) for i in range(0, len(words), size)]


def _split_long(paragraph: str, max_words: int) -> list[str]:
    """Split a paragraph longer than max_words into balanced sentence groups."""
    n = _n_words(paragraph)
    if n <= max_words:
        return [paragraph]
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        sentences.extend(_split_words(sentence, max_words) if _n_words(sentence) > max_words else [sentence])
    target = n / math.ceil(n / max_words)
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        k = _n_words(sentence)
        if current and (size + k > max_words or size >= target):
            chunks.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += k
    if current:
        chunks.append(" ".join(current))
    return chunks


def _windows(text: str, min_words: int, max_words: int) -> list[str]:
    """Group one article's paragraphs into passages of min_words..max_words where possible."""
    units = [u for p in text.split("\n") if p.strip() for u in _split_long(" ".join(p.split()), max_words)]
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for unit in units:
        k = _n_words(unit)
        if current and size + k > max_words:
            out.append(current)
            current, size = [], 0
        current.append(unit)
        size += k
        if size >= min_words:
            out.append(current)
            current, size = [], 0
    if current:  # a short tail joins the previous passage when that stays within max_words
        if out and sum(map(_n_words, out[-1])) + size <= max_words:
            out[-1] = out[-1] + current
        else:
            out.append(current)
    return ["\n".join(p) for p in out]


def passages(docs: pd.DataFrame, min_words: int = 60, max_words: int = 150) -> pd.DataFrame:
    """Cut each article into passages of paragraphs that never cross articles.

    Paragraphs (lines of `text`) are merged until a passage has at least `min_words`
    words without passing `max_words`; paragraphs longer than `max_words` are split
    at sentence boundaries first. A short article is one short passage; an article
    with no words has none. Deterministic.
    Returns doc_id, passage_id ("<doc_id>#01", numbered from 1 within each article),
    text (paragraphs joined by "\\n"), n_words; sorted by doc_id, passage_id.
    Example: passages(load_corpus("seeds")).groupby("doc_id").size()
    """
    missing = [c for c in ("doc_id", "text") if c not in docs.columns]
    if missing:
        raise ValueError(f"passages() needs columns doc_id and text; missing: {', '.join(missing)}")
    if not 1 <= min_words <= max_words:
        raise ValueError(f"need 1 <= min_words <= max_words, got min_words={min_words}, max_words={max_words}")
    if docs["doc_id"].duplicated().any():
        dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id must be unique; {dup!r} appears more than once")
    rows = []
    for doc_id, text in sorted(zip(docs["doc_id"].astype(str), docs["text"].fillna("").astype(str))):
        windows = _windows(text, min_words, max_words)
        width = max(2, len(str(len(windows))))
        rows.extend(
            (doc_id, f"{doc_id}#{i:0{width}d}", w, _n_words(w)) for i, w in enumerate(windows, start=1)
        )
    out = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    out["doc_id"] = out["doc_id"].astype(str)
    out["passage_id"] = out["passage_id"].astype(str)
    out["text"] = out["text"].astype(str)
    out["n_words"] = out["n_words"].astype("int64")
    return out
