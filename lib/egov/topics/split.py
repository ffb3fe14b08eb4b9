"""Passages: paragraph windows of roughly 60-150 words (English) or 150-400 characters
(Chinese) that never cross articles.

A handful of articles is too few documents for a topic model, so topics are fitted
on passages. Short paragraphs are merged with their neighbours, long ones are split
at sentence boundaries (at word boundaries only when one sentence is itself too long).
Chinese articles (by the seam `egov.lang`) are sized in characters (not counting spaces)
and split at 。！？； (`egov.lang.zh.words.split_sentences`), at character boundaries only
when one sentence is itself too long; their n_words counts words after segmentation.
"""
from __future__ import annotations

import math

import pandas as pd

from egov import lang
from egov.lang.en.words import SENTENCE_END as _SENTENCE_END

PASSAGE_COLUMNS = ["doc_id", "passage_id", "text", "n_words", "language"]


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


def _n_chars(text: str) -> int:
    return len("".join(text.split()))


def _split_long_chinese(paragraph: str, max_chars: int) -> list[str]:
    """Split a Chinese paragraph longer than max_chars into balanced sentence groups."""
    n = _n_chars(paragraph)
    if n <= max_chars:
        return [paragraph]
    sentences: list[str] = []
    for sentence in lang.words("zh").split_sentences(paragraph):
        if _n_chars(sentence) > max_chars:
            k = math.ceil(len(sentence) / max_chars)
            size = math.ceil(len(sentence) / k)
            sentences.extend(sentence[i:i + size] for i in range(0, len(sentence), size))
        else:
            sentences.append(sentence)
    target = n / math.ceil(n / max_chars)
    chunks: list[str] = []
    current = ""
    for sentence in sentences:
        if current and (_n_chars(current) + _n_chars(sentence) > max_chars or _n_chars(current) >= target):
            chunks.append(current)
            current = ""
        current += sentence
    if current:
        chunks.append(current)
    return chunks


def _windows(text: str, min_words: int, max_words: int, chinese: bool = False) -> list[str]:
    """Group one article's paragraphs into passages of min_words..max_words where possible
    (for Chinese: min_words..max_words characters)."""
    size_of = _n_chars if chinese else _n_words
    if chinese:
        units = [u for p in text.split("\n") if p.strip() for u in _split_long_chinese(p.strip(), max_words)]
    else:
        units = [u for p in text.split("\n") if p.strip() for u in _split_long(" ".join(p.split()), max_words)]
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for unit in units:
        k = size_of(unit)
        if current and size + k > max_words:
            out.append(current)
            current, size = [], 0
        current.append(unit)
        size += k
        if size >= min_words:
            out.append(current)
            current, size = [], 0
    if current:  # a short tail joins the previous passage when that stays within max_words
        if out and sum(map(size_of, out[-1])) + size <= max_words:
            out[-1] = out[-1] + current
        else:
            out.append(current)
    return ["\n".join(p) for p in out]


def passages(docs: pd.DataFrame, min_words: int = 60, max_words: int = 150, *, min_chars: int = 150,
             max_chars: int = 400) -> pd.DataFrame:
    """Cut each article into passages of paragraphs that never cross articles.

    Paragraphs (lines of `text`) are merged until a passage has at least `min_words`
    words without passing `max_words`; paragraphs longer than `max_words` are split
    at sentence boundaries first. Chinese articles use `min_chars`..`max_chars`
    characters instead (spaces not counted) and split at 。！？；. A short article is one
    short passage; an article with no words has none. Deterministic.
    Returns doc_id, passage_id ("<doc_id>#01", numbered from 1 within each article),
    text (paragraphs joined by "\\n"), n_words (for Chinese: words after segmentation),
    language (the article's), and date (the article's) when docs have one; sorted by doc_id, passage_id.
    Example: passages(load_corpus("seeds")).groupby("doc_id").size()
    """
    missing = [c for c in ("doc_id", "text") if c not in docs.columns]
    if missing:
        raise ValueError(f"passages() needs columns doc_id and text; missing: {', '.join(missing)}")
    if not 1 <= min_words <= max_words:
        raise ValueError(f"need 1 <= min_words <= max_words, got min_words={min_words}, max_words={max_words}")
    if not 1 <= min_chars <= max_chars:
        raise ValueError(f"need 1 <= min_chars <= max_chars, got min_chars={min_chars}, max_chars={max_chars}")
    if docs["doc_id"].duplicated().any():
        dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id must be unique; {dup!r} appears more than once")
    languages = lang.languages_of(docs) if len(docs) else []
    rows = []
    for doc_id, text, code in sorted(zip(docs["doc_id"].astype(str), docs["text"].fillna("").astype(str), languages)):
        chinese = lang.word_language(code) == "zh"
        if chinese:
            windows = _windows(text, min_chars, max_chars, chinese=True)
        else:
            windows = _windows(text, min_words, max_words)
        width = max(2, len(str(len(windows))))
        rows.extend(
            (doc_id, f"{doc_id}#{i:0{width}d}", w, _n_segmented(w) if chinese else _n_words(w), code)
            for i, w in enumerate(windows, start=1)
        )
    out = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    out["doc_id"] = out["doc_id"].astype(str)
    out["passage_id"] = out["passage_id"].astype(str)
    out["text"] = out["text"].astype(str)
    out["n_words"] = out["n_words"].astype("int64")
    out["language"] = out["language"].astype(str)
    if "date" in docs.columns:  # the article's date: topics at scale sample passages per period (topics.sample)
        dates = pd.Series(docs["date"].to_numpy(), index=docs["doc_id"].astype(str).to_numpy())
        out["date"] = pd.Series(dates.reindex(out["doc_id"]).to_numpy(), dtype=docs["date"].dtype)
    return out


def _n_segmented(text: str) -> int:
    from egov.terms.tokens import tokenize

    return len(tokenize(text, drop_stopwords=False, language="zh"))
