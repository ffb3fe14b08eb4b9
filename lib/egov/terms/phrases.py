"""Phrases: collocations (which words go together) and keywords in context (how a term is used).

Both work per language on a mixed corpus: collocations are counted within the articles of
one language at a time (a `language` column says which), and KWIC shows Chinese hits in
a window of characters of the normalised text (Chinese has no spaces to count words by).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from egov import engine, lang
from egov.terms.distinctive import g2_log_ratio
from egov.terms.tokens import _check_docs, encode_docs, select_language

__all__ = ["collocations", "kwic"]

MEASURES = ("llr", "pmi")


COLLOCATION_COLUMNS = ["bigram", "term1", "term2", "count", "count_term1", "count_term2", "llr", "pmi", "measure",
                       "score", "language"]


def collocations(docs: pd.DataFrame, *, min_count: int = 3, measure: str = "llr",
                 tokens: pd.Series | None = None, lemmas: bool = True, language: str | None = None) -> pd.DataFrame:
    """Adjacent word pairs that occur together more than chance, ranked by `measure`.

    Pairs are adjacent tokens within an article, neither a stopword, seen >= min_count
    times (pairs run across sentence ends). llr: signed log-likelihood G2 of the pair's 2x2 table (Dunning 1993); pmi:
    log2(O11 * N / (R1 * C1)) (Church & Hanks 1990), which favours rare pairs. N counts
    all adjacent pairs, stopwords included. Each language's articles are counted apart
    (its own N and word counts): `language` ("en", "zh") picks one, None takes each in turn.
    Returns bigram, term1, term2, count, count_term1, count_term2, llr, pmi, measure, score,
    language; sorted by score (descending), bigram (English first on a mixed corpus).
    Example: collocations(docs, min_count=3, measure="llr").head(10)
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer, got {min_count!r}")
    _check_docs(docs)
    rules = np.asarray(lang.word_languages_of(docs), dtype=object)
    chosen = [language] if language is not None else sorted(set(rules))
    if language is not None:
        select_language(docs.iloc[:0], language)  # checks the code
    parts = []
    for code in chosen:
        keep = rules == code
        sub_tokens = None if tokens is None else pd.Series(list(tokens), dtype=object)[keep].reset_index(drop=True)
        if tokens is not None and len(tokens) != len(docs):
            raise ValueError(f"tokens has {len(tokens)} rows but docs has {len(docs)}")
        if keep.any():
            parts.append(_collocations(docs[keep], sub_tokens, lemmas, min_count, measure).assign(language=code))
    if not parts:
        return _empty_collocations()
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    engine.release_memory()
    return out.astype({"language": "str"})[COLLOCATION_COLUMNS]


def _empty_collocations() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("llr", "pmi", "score") else "object")
                         for c in COLLOCATION_COLUMNS})


def _collocations(docs: pd.DataFrame, tokens, lemmas: bool, min_count: int, measure: str) -> pd.DataFrame:
    doc_index, term_id, is_stop, terms = encode_docs(docs, tokens, lemmas, False)
    columns = ["bigram", "term1", "term2", "count", "count_term1", "count_term2", "llr", "pmi", "measure", "score"]
    # boolean masks over positions rather than index arrays: a third of the memory on a large corpus
    same = doc_index[:-1] == doc_index[1:] if len(doc_index) > 1 else np.zeros(0, bool)
    del doc_index
    n_pairs = int(same.sum())
    v = max(len(terms), 1)
    ok = same & ~is_stop[:-1] & ~is_stop[1:]
    code = term_id[:-1][ok].astype(np.int64) * v + term_id[1:][ok]
    del ok
    uniq, count = np.unique(code, return_counts=True)
    del code
    keep = count >= min_count
    uniq, count = uniq[keep], count[keep]
    if len(uniq) == 0:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("llr", "pmi", "score") else "object")
                             for c in columns})
    r1 = np.bincount(term_id[:-1][same], minlength=v)[uniq // v]
    c1 = np.bincount(term_id[1:][same], minlength=v)[uniq % v]
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


def _user_regex(pattern: str, regex: bool) -> re.Pattern | None:
    """The user's pattern checked: compiled when `regex`, else None (a literal phrase to build)."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("pattern must be a non-empty string")
    if not regex:
        return None
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise ValueError(f"pattern {pattern!r} is not a valid regex: {err}") from err


def _phrase_regex(pattern: str, regex: bool) -> re.Pattern:
    if (compiled := _user_regex(pattern, regex)) is not None:
        return compiled
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


def kwic(docs: pd.DataFrame, pattern: str, window: int = 8, *, regex: bool = False, chars: int = 20,
         language: str | None = None) -> pd.DataFrame:
    """Keyword in context: every match of `pattern` with its context either side.

    English articles: `pattern` is a plain phrase matched as whole words (any spacing between
    its words), or a regular expression when regex=True; both case-insensitive; `window` words
    either side, whitespace-normalised. Chinese articles: the pattern is searched in the
    NORMALISED text (`egov.lang.zh.words.normalize`; a plain pattern is normalised too and
    matched as a substring, no word boundaries) with `chars` characters either side; start
    and end are offsets in the normalised text. Contexts stop at the text's edges.
    `language` ("en", "zh"): only the articles of that language.
    Returns doc_id, left, match, right, start, end (character offsets), language; sorted by
    doc_id, start.
    Example: kwic(docs, "digital government", window=8); kwic(docs, "一网通办", chars=15)
    """
    _check_docs(docs)
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative integer (words), got {window!r}")
    if not isinstance(chars, (int, np.integer)) or chars < 0:
        raise ValueError(f"chars must be a non-negative integer (characters), got {chars!r}")
    docs = select_language(docs, language)
    rules = lang.word_languages_of(docs)
    compiled = {"en": _phrase_regex(pattern, regex)} if "en" in rules or not rules else {}
    if "zh" in rules:
        compiled["zh"] = _chinese_regex(pattern, regex)
    rows = []
    for doc_id, text, rule in zip(docs["doc_id"].astype(str), docs["text"].fillna("").astype(str), rules):
        if rule == "zh":
            text = lang.words("zh").normalize(text)
            for m in compiled["zh"].finditer(text):
                if m.end() > m.start():
                    rows.append((doc_id, _chars(text[max(0, m.start() - chars):m.start()]), _chars(m.group(0)),
                                 _chars(text[m.end():m.end() + chars]), m.start(), m.end(), rule))
            continue
        for m in compiled["en"].finditer(text):
            if m.end() == m.start():
                continue
            rows.append((doc_id, _words_before(text, m.start(), window), " ".join(m.group(0).split()),
                         _words_after(text, m.end(), window), m.start(), m.end(), rule))
    out = pd.DataFrame(rows, columns=["doc_id", "left", "match", "right", "start", "end", "language"])
    out = out.astype({"doc_id": "str", "left": "str", "match": "str", "right": "str",
                      "start": "int64", "end": "int64", "language": "str"})
    return out.sort_values(["doc_id", "start"], kind="stable", ignore_index=True)


def _chars(text: str) -> str:
    """A context of Chinese text on one line: line breaks and runs of spaces become one space."""
    return " ".join(text.split())


def _chinese_regex(pattern: str, regex: bool) -> re.Pattern:
    if (compiled := _user_regex(pattern, regex)) is not None:
        return compiled
    return re.compile(re.escape(lang.words("zh").normalize(pattern.strip())), re.IGNORECASE)
