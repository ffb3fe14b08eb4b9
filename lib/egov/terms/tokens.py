"""Terms: tokens, lemmas, n-gram counts and tf-idf for a corpus of articles.

One tokenizer for every notebook, with the rules of each article's language from the
language seam `egov.lang` (keyed by the `language` column, else detected): English
(`egov.lang.en.words`) is lower-cased and split into word tokens that keep hyphenated and
plus forms ("e-government", "internet+"), lemmatized with simplemma, stopwords from
`data/stopwords_en.txt`; Chinese (`egov.lang.zh.words`) is normalised (NFKC width folding,
Traditional -> Simplified) and segmented with jieba and the e-government user dictionary,
stopwords from `data/stopwords_zh.txt` less a keep-list. Tokens without a letter (numbers
such as "2016", "40") are dropped in both.
N-grams join adjacent tokens of the full stream and skip any n-gram containing a
stopword, so "Ministry of Industry and Information Technology" gives "information
technology" but not "industry information". N-grams do run across sentence ends.
Counts are per article, so a mixed corpus is counted article by article in its own
language; `language="zh"` (or "en") restricts an analysis to the articles of one language.

Keyness, collocations, KWIC and concepts live in `keyness.py`, `phrases.py` and
`concepts.py`; they are reachable from here too (`terms.keyness`, `terms.kwic`, ...).
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import sparse

from egov import cache, engine, lang, progress
from egov.lang.en import words as en_words
from egov.lang.en.words import LEMMA_EXCEPTIONS, TOKEN_PATTERN  # noqa: F401  (re-exported)
from egov.terms.matrix import TermMatrix, long_counts

__all__ = [
    "TOKEN_PATTERN", "load_stopwords", "tokenize", "tokenize_corpus", "document_term_matrix",
    "count_terms", "count_matrix", "tf_idf", "select_language", "word_counts",
]

_TOKEN_RE = en_words._TOKEN_RE
_type_info = en_words.type_info  # English rules of one token type (kept for callers of the old name)


def load_stopwords(language: str = "en") -> frozenset[str]:
    """The editable stopword list of a language: `egov/data/stopwords_en.txt` (or `_zh.txt` less its keep-list).

    Example: "the" in load_stopwords()
    """
    return lang.words(language).stopwords()


def _stopwords() -> frozenset[str]:
    return en_words.stopwords()


def _text_language(text: str, language: str | None) -> str:
    if language is not None:
        return lang.word_language(language)
    return lang.word_language(lang.detect_language(text)) if lang.has_han(text) else "en"


def tokenize(text: str, *, lemmas: bool = True, drop_stopwords: bool = True,
             numbers: bool = False, language: str | None = None) -> list[str]:
    """Lower-cased word tokens of one text (lemmas by default), in order.

    Keeps "e-government" and "internet+"; drops tokens without a letter unless `numbers`.
    `language`: the rules to use ("en", "zh"); None detects it from the text.
    Example: tokenize("The e-Government platforms of Internet+") -> ['e-government', 'platform', 'internet+']
    """
    if not isinstance(text, str):
        raise ValueError(f"tokenize needs a str, got {type(text).__name__}")
    rules = lang.words(_text_language(text, language))
    out = []
    for raw in rules.raw_tokens(text):
        term, is_word, is_stop = rules.type_info(raw, lemmas)
        if (is_word or numbers) and not (drop_stopwords and is_stop) and term:
            out.append(term)
    return out


def select_language(docs: pd.DataFrame, language: str | None) -> pd.DataFrame:
    """The articles of `docs` whose word rules are `language` ("en" or "zh"); all when None.

    English rules cover every language without rules of its own ("other", "und", ...).
    Example: select_language(docs, "zh")
    """
    if language is None:
        return docs
    if lang.word_language(language) != language:
        raise ValueError(f"language must be one of {sorted(lang.WORD_MODULES)} or None, got {language!r}")
    keep = np.array(lang.word_languages_of(docs)) == language if len(docs) else np.zeros(0, bool)
    return docs[keep]


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


def _encode(texts, lemmas: bool, numbers: bool, languages: list[str] | None = None):
    """Token stream of all texts as integer term ids.

    Returns (doc_index, term_id, is_stop, terms): per token its document position, its
    term id, whether it is a stopword; `terms` maps ids to strings. Numbers are removed
    from the stream unless `numbers`. `languages`: the word rules of each text ("en", "zh";
    None: all English). One pass per texts and settings: the result is kept
    in the on-disk cache (`egov.cache`), so the notebooks of a build share it.
    """
    if languages is not None and all(code == "en" for code in languages):
        languages = None
    folder = cache.cache_dir(len(texts))
    if folder is None:
        return _encode_now(texts, lemmas, numbers, languages)
    key = cache.make_key("tokens", cache.texts_fingerprint(texts), lemmas, numbers,
                         "en" if languages is None else languages)
    return cache.cached(key, folder, lambda: _encode_now(texts, lemmas, numbers, languages))


def _encode_now(texts, lemmas: bool, numbers: bool, languages: list[str] | None = None):
    findall = _TOKEN_RE.findall
    lengths = np.empty(len(texts), dtype=np.int64)
    # raw token type -> id, in order of first appearance; English types are strings,
    # other languages' types are (language, token) pairs, so each keeps its own rules
    ids: dict = {}
    parts: list[np.ndarray] = []
    with progress.bar(len(texts), "Tokenizing", "doc") as bar:
        for i, text in enumerate(texts):
            code = "en" if languages is None else languages[i]
            if not isinstance(text, str):
                toks = []
            elif code == "en":
                toks = findall(text.lower())
            else:
                toks = [(code, t) for t in lang.words(code).raw_tokens(text)]
            lengths[i] = len(toks)
            parts.append(np.fromiter((ids.setdefault(t, len(ids)) for t in toks), dtype=np.int64, count=len(toks)))
            if i % 1000 == 999:
                bar.update(1000)
        bar.update(len(texts) % 1000)
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    types = list(ids)
    info = [_type_info(t, lemmas) if isinstance(t, str) else lang.words(t[0]).type_info(t[1], lemmas)
            for t in types]
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


def _ids_from_tokens(tokens: pd.Series, languages: list[str] | None = None):
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    stream = np.fromiter(itertools.chain.from_iterable(tokens), dtype=object, count=int(lengths.sum()))
    codes, terms = pd.factorize(stream, sort=False)
    del stream
    stops = _stopwords()
    stop_of = np.fromiter((t in stops for t in terms), dtype=bool, count=len(terms))
    doc_index = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    is_stop = stop_of[codes] if len(codes) else np.zeros(0, bool)
    if languages is not None and any(code != "en" for code in languages):
        doc_lang = np.asarray(languages, dtype=object)[doc_index] if len(doc_index) else np.zeros(0, object)
        for code in sorted(set(languages) - {"en"}):
            rules = lang.words(code)
            stop_here = np.fromiter((rules.type_info(t, False)[2] for t in terms), dtype=bool, count=len(terms))
            mine = doc_lang == code
            is_stop[mine] = stop_here[codes[mine]]
    return doc_index, codes.astype(np.int64), is_stop, list(terms)


def encode_docs(docs: pd.DataFrame, tokens, lemmas: bool, numbers: bool):
    """The token stream as arrays (doc index, term id, is-stopword) and the term list,
    from the texts or from a tokenize_corpus result passed as `tokens`; each article with
    the word rules of its language (`egov.lang.word_languages_of`)."""
    languages = lang.word_languages_of(docs)
    if tokens is None:
        return _encode(docs["text"].tolist(), lemmas, numbers, languages)
    if len(tokens) != len(docs):
        raise ValueError(f"tokens has {len(tokens)} rows but docs has {len(docs)}")
    return _ids_from_tokens(pd.Series(list(tokens)), languages)


def word_counts(docs: pd.DataFrame, n_tokens: np.ndarray | None = None) -> np.ndarray:
    """Words per article for per-1,000 rates: English articles use docs["n_words"] when
    present (else `n_tokens`, the article's word tokens before stopword removal); Chinese
    articles always count words after segmentation (docs["n_words"] is not used for them).

    Example: word_counts(docs)
    """
    languages = np.asarray(lang.word_languages_of(docs), dtype=object)
    zh = languages == "zh"
    if n_tokens is None:
        n_tokens = np.zeros(len(docs), dtype=np.int64)
        if zh.any():  # the same token stream as count_terms(docs): shared through the on-disk cache
            doc_index = encode_docs(docs, None, True, False)[0]
            n_tokens = np.bincount(doc_index, minlength=len(docs)).astype(np.int64)
    words = (docs["n_words"].to_numpy(dtype=float) if "n_words" in docs.columns else n_tokens.astype(float))
    if zh.any():
        words = words.copy()
        words[zh] = n_tokens[zh]
    return words


def _matrix(docs: pd.DataFrame, ngram_range: tuple[int, int], tokens, lemmas: bool, numbers: bool,
            dtype: type = np.int64):
    """Sparse document-term counts (all n-grams in range, of `dtype`) and the raw token count per doc."""
    _check_docs(docs)
    lo, hi = ngram_range
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
        raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, got {ngram_range}")
    doc_index, term_id, is_stop, terms = encode_docs(docs, tokens, lemmas, numbers)
    n_docs, n_terms = len(docs), max(len(terms), 1)
    if max(n_docs, n_terms) < 2**31:  # half the memory of every array derived from the stream
        doc_index, term_id = doc_index.astype(np.int32), term_id.astype(np.int32)
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
        index = np.int32 if max(n_docs, n_cols) < 2**31 else np.int64  # halves the memory of a large corpus
        mat = sparse.csr_matrix((np.ones(len(ids), dtype=dtype), (doc_index[starts].astype(index), ids.astype(index))),
                                shape=(n_docs, n_cols))
        del starts, ids, parents
        blocks.append(mat)
        vocab.extend(names)
    matrix = sparse.hstack(blocks, format="csr", dtype=dtype) if blocks else sparse.csr_matrix((n_docs, 0), dtype=dtype)
    del blocks
    matrix.sum_duplicates()
    return matrix, vocab, n_tokens


def _select(docs: pd.DataFrame, tokens, language: str | None):
    """docs (and their tokens) restricted to one language's articles; unchanged when None."""
    if language is None:
        return docs, tokens
    _check_docs(docs)
    chosen = select_language(docs, language)
    if len(chosen) == 0:
        raise ValueError(f"no article in language {language!r}")
    if tokens is not None:
        if len(tokens) != len(docs):
            raise ValueError(f"tokens has {len(tokens)} rows but docs has {len(docs)}")
        keep = docs.index.isin(chosen.index)
        tokens = pd.Series(list(tokens), dtype=object)[keep].reset_index(drop=True)
    return chosen, tokens


def tokenize_corpus(docs: pd.DataFrame, *, lemmas: bool = True, drop_stopwords: bool = True,
                    numbers: bool = False, language: str | None = None) -> pd.Series:
    """Tokens of every article as a Series of lists, indexed like `docs`, named "tokens".

    Same rules as `tokenize`, each article in its language; each word type is lemmatized once.
    `language` ("en", "zh"): only the articles of that language.
    Example: tokenize_corpus(docs).str.len()
    """
    docs, _ = _select(docs, None, language)
    _check_docs(docs)
    doc_index, term_id, is_stop, terms = encode_docs(docs, None, lemmas, numbers)
    if drop_stopwords:
        doc_index, term_id = doc_index[~is_stop], term_id[~is_stop]
    words = np.asarray(terms, dtype=object)[term_id] if len(term_id) else np.zeros(0, dtype=object)
    bounds = np.searchsorted(doc_index, np.arange(len(docs) + 1))
    lists = [words[bounds[i]:bounds[i + 1]].tolist() for i in range(len(docs))]
    return pd.Series(lists, index=docs.index, name="tokens", dtype=object)


def document_term_matrix(docs: pd.DataFrame, *, ngram_range: tuple[int, int] = (1, 1), min_df: int | float = 1,
                         max_df: int | float = 1.0, tokens: pd.Series | None = None, lemmas: bool = True,
                         numbers: bool = False, language: str | None = None,
                         ) -> tuple[sparse.csr_matrix, list[str], list[str]]:
    """Sparse counts (documents x terms), the vocabulary and the doc_ids, for models.

    `min_df`/`max_df`: int = number of documents, float = share of documents (as in
    scikit-learn). `tokens`: lists from `tokenize_corpus(docs, drop_stopwords=False)` to
    reuse one tokenization pass. Vocabulary is sorted alphabetically. `language` ("en",
    "zh"): only the articles of that language (one vocabulary per language).
    Example: X, vocab, ids = document_term_matrix(docs, ngram_range=(1, 2), min_df=2)
    """
    docs, tokens = _select(docs, tokens, language)
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


def count_matrix(docs: pd.DataFrame, ngram_range: tuple[int, int] = (1, 1), *, min_count: int = 1,
                 tokens: pd.Series | None = None, lemmas: bool = True, numbers: bool = False,
                 language: str | None = None) -> TermMatrix:
    """Counts of terms (lemmas and n-grams) per article as a sparse `TermMatrix`.

    Same arguments and counts as `count_terms` (which is `count_matrix(...).to_frame()`);
    rows follow `docs`, columns the order terms are first met.
    Example: counts = count_matrix(docs, ngram_range=(1, 3)); counts.select(1).to_frame().head()
    """
    docs, tokens = _select(docs, tokens, language)
    matrix, vocab, n_tokens = _matrix(docs, ngram_range, tokens, lemmas, numbers, dtype=np.int32)
    n_of_term = np.fromiter((t.count(" ") + 1 for t in vocab), dtype=np.int8, count=len(vocab))
    vocab_arr = pd.array(vocab, dtype="str")  # Arrow-backed: a third of the memory of Python strings
    del vocab
    if min_count > 1:
        cols = np.flatnonzero(np.asarray(matrix.sum(axis=0)).ravel() >= min_count)
        matrix, vocab_arr, n_of_term = matrix[:, cols].tocsr(), vocab_arr[cols], n_of_term[cols]
    out = TermMatrix(matrix, vocab_arr, n_of_term, docs["doc_id"].astype(str).to_numpy(dtype=object),
                     word_counts(docs, n_tokens))
    engine.release_memory()  # the n-gram pass leaves hundreds of MB of freed heap on a large corpus
    return out


def count_terms(docs: pd.DataFrame, ngram_range: tuple[int, int] = (1, 1), *, min_count: int = 1,
                tokens: pd.Series | None = None, lemmas: bool = True, numbers: bool = False,
                language: str | None = None) -> pd.DataFrame:
    """Long counts of terms (lemmas and n-grams) per article, each article in its language.

    Returns doc_id, term, n (words in the term), count, per_1k; sorted by doc_id, count
    (descending), term. per_1k = count per 1,000 words of the article: for English
    docs["n_words"] when present, else the article's token count before stopword removal;
    for Chinese the words after segmentation (`word_counts`). Chinese n-grams join their
    words with a space ("数字 政府"). `min_count` keeps terms used at least that often in the
    whole corpus. `language` ("en", "zh"): only the articles of that language. On a large
    corpus `count_matrix` keeps the same counts in far less memory.
    Example: count_terms(docs, ngram_range=(1, 2)).head()
    """
    return count_matrix(docs, ngram_range, min_count=min_count, tokens=tokens, lemmas=lemmas, numbers=numbers,
                        language=language).to_frame()


def tf_idf(counts: pd.DataFrame | TermMatrix, doc_ids=None) -> pd.DataFrame:
    """Add tf, idf and tf_idf to long term counts (tidytext's bind_tf_idf; Salton & Buckley 1988).

    tf = count / all counted terms of the article; idf = ln(articles / articles with the term).
    Returns doc_id, term, count, tf, idf, tf_idf (+ other columns of `counts`); sorted by
    doc_id, tf_idf (descending), term. A term found in every article has idf 0. `counts`
    may be a `TermMatrix` (the same table, without the long counts as input). `doc_ids`:
    only the rows of these articles (idf still counts every article).
    Example: tf_idf(count_terms(docs)).groupby("doc_id").head(5)
    """
    _check_counts(counts)
    if isinstance(counts, TermMatrix):
        rows = None if doc_ids is None else pd.Index(counts.doc_ids).isin([str(d) for d in doc_ids])
        return long_counts(counts, score="tf_idf", rows=rows)
    out = counts.copy()
    total = out.groupby("doc_id")["count"].transform("sum")
    n_docs = out["doc_id"].nunique()
    df = out.groupby("term")["doc_id"].transform("nunique")
    out["tf"] = out["count"] / total
    out["idf"] = np.log(n_docs / df)
    out["tf_idf"] = out["tf"] * out["idf"]
    if doc_ids is not None:
        out = out[out["doc_id"].astype(str).isin([str(d) for d in doc_ids])]
    return out.sort_values(["doc_id", "tf_idf", "term"], ascending=[True, False, True],
                           kind="stable", ignore_index=True)


def _check_counts(counts: pd.DataFrame) -> None:
    if isinstance(counts, TermMatrix):
        if counts.nnz == 0:
            raise ValueError("empty corpus: counts has no rows")
        return
    if not isinstance(counts, pd.DataFrame):
        raise ValueError(f"counts must be a DataFrame, got {type(counts).__name__}")
    for col in ("doc_id", "term", "count"):
        if col not in counts.columns:
            raise ValueError(f"counts has no '{col}' column")
    if len(counts) == 0:
        raise ValueError("empty corpus: counts has no rows")
