"""Terms: tokens, lemmas, n-gram counts and tf-idf for a corpus of articles.

One tokenizer for every notebook. Text is lower-cased and split into word tokens that
keep hyphenated and plus forms ("e-government", "internet+"); possessive 's is cut;
tokens without a letter (numbers such as "2016", "40") are dropped; lemmas come from
simplemma (offline, English); stopwords from `data/stopwords_en.txt` (editable).
N-grams join adjacent tokens of the full stream and skip any n-gram containing a
stopword, so "Ministry of Industry and Information Technology" gives "information
technology" but not "industry information". N-grams do run across sentence ends.

Keyness, collocations, KWIC and concepts live in `keyness.py`, `phrases.py` and
`concepts.py`; they are reachable from here too (`terms.keyness`, `terms.kwic`, ...).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import simplemma
from scipy import sparse

from egov import cache, progress

__all__ = [
    "TOKEN_PATTERN", "load_stopwords", "tokenize", "tokenize_corpus", "document_term_matrix",
    "count_terms", "tf_idf",
]

# A word: letters/digits, optionally joined by hyphens or apostrophes; a trailing "+"
# (also "Internet +", one space) is kept as part of the word, as in "Internet+".
TOKEN_PATTERN = r"[^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*(?:[ ]?\+(?![\w+]))?"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# simplemma maps these to unhelpful lemmas in news text ("ai" -> "be", "media" -> "medium").
LEMMA_EXCEPTIONS = {"ai": "ai", "media": "media", "data": "data", "lives": "life", "us": "us", "affairs": "affairs"}


def load_stopwords() -> frozenset[str]:
    """The editable English stopword list in `egov/data/stopwords_en.txt`.

    Example: "the" in load_stopwords()
    """
    return _stopwords()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("egov").joinpath("data/stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=2**18)
def _type_info(surface: str, lemmas: bool) -> tuple[str, bool, bool]:
    """(term, is_word, is_stopword) for one raw token type, cached across calls."""
    word = surface.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").replace(" ", "")
    if word.endswith("'s"):
        word = word[:-2]
    term = word
    if lemmas and not word.endswith("+"):
        head, dash, last = word.rpartition("-")
        if last:
            lemma = LEMMA_EXCEPTIONS.get(last) or simplemma.lemmatize(last, lang="en").lower()
            term = head + dash + lemma
    stops = _stopwords()
    return term, bool(_HAS_LETTER.search(word)), word in stops or term in stops


def tokenize(text: str, *, lemmas: bool = True, drop_stopwords: bool = True,
             numbers: bool = False) -> list[str]:
    """Lower-cased word tokens of one text (lemmas by default), in order.

    Keeps "e-government" and "internet+"; drops tokens without a letter unless `numbers`.
    Example: tokenize("The e-Government platforms of Internet+") -> ['e-government', 'platform', 'internet+']
    """
    if not isinstance(text, str):
        raise ValueError(f"tokenize needs a str, got {type(text).__name__}")
    out = []
    for raw in _TOKEN_RE.findall(text.lower()):
        term, is_word, is_stop = _type_info(raw, lemmas)
        if (is_word or numbers) and not (drop_stopwords and is_stop) and term:
            out.append(term)
    return out


def _check_docs(docs: pd.DataFrame, columns: tuple[str, ...] = ("doc_id", "text")) -> None:
    """Raise ValueError naming the problem when `docs` is not a usable corpus frame."""
    if not isinstance(docs, pd.DataFrame):
        raise ValueError(f"docs must be a DataFrame, got {type(docs).__name__}")
    for col in columns:
        if col not in docs.columns:
            raise ValueError(f"docs has no '{col}' column")
    if len(docs) == 0:
        raise ValueError("empty corpus: docs has no rows")
    if "doc_id" in columns and docs["doc_id"].duplicated().any():
        dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id values must be unique; '{dup}' repeats")


def _encode(texts, lemmas: bool, numbers: bool):
    """Token stream of all texts as integer term ids.

    Returns (doc_index, term_id, is_stop, terms): per token its document position, its
    term id, whether it is a stopword; `terms` maps ids to strings. Numbers are removed
    from the stream unless `numbers`. One pass per texts and settings: the result is kept
    in the on-disk cache (`egov.cache`), so the notebooks of a build share it.
    """
    folder = cache.cache_dir(len(texts))
    if folder is None:
        return _encode_now(texts, lemmas, numbers)
    key = cache.make_key("tokens", cache.texts_fingerprint(texts), lemmas, numbers)
    return cache.cached(key, folder, lambda: _encode_now(texts, lemmas, numbers))


def _encode_now(texts, lemmas: bool, numbers: bool):
    findall = _TOKEN_RE.findall
    lengths = np.empty(len(texts), dtype=np.int64)
    ids: dict[str, int] = {}  # raw token type -> id, in order of first appearance
    parts: list[np.ndarray] = []
    with progress.bar(len(texts), "Tokenizing", "doc") as bar:
        for i, text in enumerate(texts):
            toks = findall(text.lower()) if isinstance(text, str) else []
            lengths[i] = len(toks)
            parts.append(np.fromiter((ids.setdefault(t, len(ids)) for t in toks), dtype=np.int64, count=len(toks)))
            if i % 1000 == 999:
                bar.update(1000)
        bar.update(len(texts) % 1000)
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    types = list(ids)
    info = [_type_info(t, lemmas) for t in types]
    type_term = [term for term, _, _ in info]
    term_codes, terms = pd.factorize(np.asarray(type_term, dtype=object), sort=False)
    type_keep = np.fromiter(((is_word or numbers) and bool(term) for term, is_word, _ in info),
                            dtype=bool, count=len(info))
    type_stop = np.fromiter((s for _, _, s in info), dtype=bool, count=len(info))
    doc_index = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep = type_keep[codes] if len(codes) else np.zeros(0, dtype=bool)
    codes = codes[keep]
    return doc_index[keep], term_codes[codes], type_stop[codes], list(terms)


def _ngram_ids(doc_index, term_id, is_stop, n_terms: int, n: int):
    """Ids of the n-grams starting at each eligible position (no stopword, one document)."""
    if n == 1:
        ok = ~is_stop
        return np.flatnonzero(ok), term_id[ok], None
    size = len(term_id) - n + 1
    if size <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), (np.zeros(0, np.int64), np.zeros(0, np.int64))
    ok = np.ones(size, dtype=bool)
    for k in range(n):
        ok &= ~is_stop[k:k + size]
    ok &= doc_index[:size] == doc_index[n - 1:n - 1 + size]
    starts = np.flatnonzero(ok)
    ids = term_id[starts]
    parents = []
    for k in range(1, n):
        code = ids.astype(np.int64) * n_terms + term_id[starts + k]
        ids, uniques = pd.factorize(code, sort=False)
        parents.append(uniques)
    return starts, ids, parents


def _ngram_strings(terms: list[str], n_terms: int, parents) -> list[str]:
    """Spell out n-gram ids produced by `_ngram_ids` as space-joined strings."""
    words = np.asarray(terms, dtype=object)
    for uniques in parents:
        words = words[uniques // n_terms] + " " + np.asarray(terms, dtype=object)[uniques % n_terms]
    return list(words)


def _ids_from_tokens(tokens: pd.Series):
    stream: list[str] = []
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    for toks in tokens:
        stream.extend(toks)
    codes, terms = pd.factorize(np.asarray(stream, dtype=object), sort=False)
    stops = _stopwords()
    stop_of = np.fromiter((t in stops for t in terms), dtype=bool, count=len(terms))
    doc_index = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    return doc_index, codes.astype(np.int64), stop_of[codes] if len(codes) else np.zeros(0, bool), list(terms)


def encode_docs(docs: pd.DataFrame, tokens, lemmas: bool, numbers: bool):
    """The token stream as arrays (doc index, term id, is-stopword) and the term list,
    from the texts or from a tokenize_corpus result passed as `tokens`."""
    if tokens is None:
        return _encode(docs["text"].tolist(), lemmas, numbers)
    if len(tokens) != len(docs):
        raise ValueError(f"tokens has {len(tokens)} rows but docs has {len(docs)}")
    return _ids_from_tokens(pd.Series(list(tokens)))


def _matrix(docs: pd.DataFrame, ngram_range: tuple[int, int], tokens, lemmas: bool, numbers: bool):
    """Sparse document-term counts (all n-grams in range) and the raw token count per doc."""
    _check_docs(docs)
    lo, hi = ngram_range
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
        raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, got {ngram_range}")
    doc_index, term_id, is_stop, terms = encode_docs(docs, tokens, lemmas, numbers)
    n_docs, n_terms = len(docs), max(len(terms), 1)
    n_tokens = np.bincount(doc_index, minlength=n_docs)
    blocks, vocab = [], []
    for n in range(lo, hi + 1):
        starts, ids, parents = _ngram_ids(doc_index, term_id, is_stop, n_terms, n)
        n_cols = int(ids.max()) + 1 if len(ids) else 0
        names = terms[:n_cols] if n == 1 else _ngram_strings(terms, n_terms, parents)
        if n == 1:  # unigram ids are term ids; keep only those used outside stopwords
            used = np.zeros(n_cols, dtype=bool)
            used[ids] = True
            remap = np.cumsum(used) - 1
            ids, names = remap[ids], [t for t, u in zip(names, used) if u]
            n_cols = len(names)
        mat = sparse.csr_matrix((np.ones(len(ids), dtype=np.int64), (doc_index[starts], ids)),
                                shape=(n_docs, n_cols))
        blocks.append(mat)
        vocab.extend(names)
    matrix = sparse.hstack(blocks, format="csr") if blocks else sparse.csr_matrix((n_docs, 0))
    matrix.sum_duplicates()
    return matrix, vocab, n_tokens


def tokenize_corpus(docs: pd.DataFrame, *, lemmas: bool = True, drop_stopwords: bool = True,
                    numbers: bool = False) -> pd.Series:
    """Tokens of every article as a Series of lists, indexed like `docs`, named "tokens".

    Same rules as `tokenize`; each word type is lemmatized once.
    Example: tokenize_corpus(docs).str.len()
    """
    _check_docs(docs)
    doc_index, term_id, is_stop, terms = _encode(docs["text"].tolist(), lemmas, numbers)
    if drop_stopwords:
        doc_index, term_id = doc_index[~is_stop], term_id[~is_stop]
    words = np.asarray(terms, dtype=object)[term_id] if len(term_id) else np.zeros(0, dtype=object)
    bounds = np.searchsorted(doc_index, np.arange(len(docs) + 1))
    lists = [words[bounds[i]:bounds[i + 1]].tolist() for i in range(len(docs))]
    return pd.Series(lists, index=docs.index, name="tokens", dtype=object)


def document_term_matrix(docs: pd.DataFrame, *, ngram_range: tuple[int, int] = (1, 1), min_df: int | float = 1,
                         max_df: int | float = 1.0, tokens: pd.Series | None = None, lemmas: bool = True,
                         numbers: bool = False) -> tuple[sparse.csr_matrix, list[str], list[str]]:
    """Sparse counts (documents x terms), the vocabulary and the doc_ids, for models.

    `min_df`/`max_df`: int = number of documents, float = share of documents (as in
    scikit-learn). `tokens`: lists from `tokenize_corpus(docs, drop_stopwords=False)` to
    reuse one tokenization pass. Vocabulary is sorted alphabetically.
    Example: X, vocab, ids = document_term_matrix(docs, ngram_range=(1, 2), min_df=2)
    """
    matrix, vocab, _ = _matrix(docs, ngram_range, tokens, lemmas, numbers)
    n_docs = matrix.shape[0]
    lo = min_df if isinstance(min_df, (int, np.integer)) else int(np.ceil(min_df * n_docs))
    hi = max_df if isinstance(max_df, (int, np.integer)) else int(np.floor(max_df * n_docs))
    if lo > hi:
        raise ValueError(f"min_df ({min_df}) selects more documents than max_df ({max_df})")
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    cols = np.flatnonzero((df >= lo) & (df <= hi))
    vocab_arr = np.asarray(vocab, dtype=object)[cols]
    order = np.argsort(vocab_arr.astype(str), kind="stable")
    cols = cols[order]
    return matrix[:, cols].tocsr(), vocab_arr[order].tolist(), docs["doc_id"].astype(str).tolist()


def count_terms(docs: pd.DataFrame, ngram_range: tuple[int, int] = (1, 1), *, min_count: int = 1,
                tokens: pd.Series | None = None, lemmas: bool = True, numbers: bool = False) -> pd.DataFrame:
    """Long counts of terms (lemmas and n-grams) per article.

    Returns doc_id, term, n (words in the term), count, per_1k; sorted by doc_id, count
    (descending), term. per_1k = count per 1,000 words of the article: docs["n_words"] when
    present, else the article's token count before stopword removal. `min_count` keeps
    terms used at least that often in the whole corpus.
    Example: count_terms(docs, ngram_range=(1, 2)).head()
    """
    matrix, vocab, n_tokens = _matrix(docs, ngram_range, tokens, lemmas, numbers)
    if min_count > 1:
        cols = np.flatnonzero(np.asarray(matrix.sum(axis=0)).ravel() >= min_count)
        matrix, vocab = matrix[:, cols].tocsr(), [vocab[i] for i in cols]
    coo = matrix.tocoo()
    doc_ids = docs["doc_id"].astype(str).to_numpy(dtype=object)
    words = (docs["n_words"].to_numpy(dtype=float) if "n_words" in docs.columns else n_tokens.astype(float))
    vocab_arr = np.asarray(vocab, dtype=object)
    # Sort on integer ranks (doc_id, then count descending, then term): same order as sorting
    # the strings, far faster on millions of rows. doc_ids are unique, so every key is.
    doc_rank = _ranks(doc_ids)
    term_rank = _ranks(vocab_arr)
    order = np.lexsort((term_rank[coo.col], -coo.data.astype(np.int64), doc_rank[coo.row]))
    row, col, data = coo.row[order], coo.col[order], coo.data[order].astype(np.int64)
    n_of_term = np.fromiter((t.count(" ") + 1 for t in vocab), dtype=np.int64, count=len(vocab))
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1k = np.where(words[row] > 0, data * 1000.0 / words[row], np.nan)
    return pd.DataFrame({
        "doc_id": pd.array(doc_ids[row], dtype="str"),
        "term": pd.array(vocab_arr[col] if len(vocab_arr) else np.zeros(0, dtype=object), dtype="str"),
        "n": n_of_term[col] if len(vocab) else np.zeros(0, dtype=np.int64),
        "count": data,
        "per_1k": per_1k,
    })


def _ranks(values: np.ndarray) -> np.ndarray:
    """Rank of each string in sorted order (ties share the rank of their first position)."""
    order = np.argsort(values.astype(str), kind="stable")
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.arange(len(values))
    return ranks


def tf_idf(counts: pd.DataFrame) -> pd.DataFrame:
    """Add tf, idf and tf_idf to long term counts (tidytext's bind_tf_idf; Salton & Buckley 1988).

    tf = count / all counted terms of the article; idf = ln(articles / articles with the term).
    Returns doc_id, term, count, tf, idf, tf_idf (+ other columns of `counts`); sorted by
    doc_id, tf_idf (descending), term. A term found in every article has idf 0.
    Example: tf_idf(count_terms(docs)).groupby("doc_id").head(5)
    """
    _check_counts(counts)
    out = counts.copy()
    total = out.groupby("doc_id")["count"].transform("sum")
    n_docs = out["doc_id"].nunique()
    df = out.groupby("term")["doc_id"].transform("nunique")
    out["tf"] = out["count"] / total
    out["idf"] = np.log(n_docs / df)
    out["tf_idf"] = out["tf"] * out["idf"]
    return out.sort_values(["doc_id", "tf_idf", "term"], ascending=[True, False, True],
                           kind="stable", ignore_index=True)


def _check_counts(counts: pd.DataFrame) -> None:
    if not isinstance(counts, pd.DataFrame):
        raise ValueError(f"counts must be a DataFrame, got {type(counts).__name__}")
    for col in ("doc_id", "term", "count"):
        if col not in counts.columns:
            raise ValueError(f"counts has no '{col}' column")
    if len(counts) == 0:
        raise ValueError("empty corpus: counts has no rows")
