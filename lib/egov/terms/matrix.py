"""Term counts kept as a sparse matrix (articles x terms), and the long tables built from it.

`terms.count_matrix` returns a `TermMatrix`: int32 counts in a scipy CSR matrix with its term
index (the term, its length n) and row index (doc_id, words for per-1,000 rates). A
matrix costs about 8 bytes a non-zero count; the long table of `count_terms` (one row per
article and term, with strings) costs about 60, so on a large corpus the notebook keeps
the matrix and builds long tables only for what it shows or exports. Totals, tf-idf and
keyness computed from the matrix equal those computed from the long table
(`count_terms` is `count_matrix(...).to_frame()`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from egov import engine

__all__ = ["TermMatrix", "doc_sizes", "group_counts", "long_counts", "text_ranks"]


@dataclass(frozen=True)
class TermMatrix:
    """Counts of terms per article: `matrix` (CSR, int32, articles x terms), `terms` (a pandas
    "str" array) and `n` (each column's term and its number of words), `doc_ids` and `words` (each row's article
    and its running words, the per_1k denominator).

    Example: count_matrix(docs, ngram_range=(1, 3)).select(1).to_frame()
    """

    matrix: sparse.csr_matrix
    terms: pd.api.extensions.ExtensionArray
    n: np.ndarray
    doc_ids: np.ndarray
    words: np.ndarray

    @property
    def nnz(self) -> int:
        """Non-zero counts: the rows of the long table."""
        return int(self.matrix.nnz)

    def columns(self, cols: np.ndarray) -> TermMatrix:
        """The matrix restricted to the columns `cols` (indices, in that order)."""
        cols = np.asarray(cols, dtype=np.int64)
        return TermMatrix(self.matrix[:, cols].tocsr(), self.terms[cols], self.n[cols], self.doc_ids, self.words)

    def rows(self, keep: np.ndarray) -> TermMatrix:
        """The matrix restricted to the rows where boolean `keep` is True."""
        keep = np.asarray(keep, dtype=bool)
        return TermMatrix(self.matrix[keep].tocsr(), self.terms, self.n, self.doc_ids[keep], self.words[keep])

    def select(self, n: int) -> TermMatrix:
        """Only the terms of `n` words (1 = single words)."""
        return self.columns(np.flatnonzero(self.n == n))

    def totals(self) -> np.ndarray:
        """Count of each term in the whole corpus (int64)."""
        return np.asarray(self.matrix.sum(axis=0, dtype=np.int64)).ravel()

    def doc_freq(self) -> np.ndarray:
        """Articles using each term (int64)."""
        return np.bincount(self.matrix.indices, minlength=self.matrix.shape[1]).astype(np.int64)

    def pairs(self) -> pd.DataFrame:
        """doc_id, term, count of every non-zero count, in matrix order (not sorted), doc_id and
        term as Categoricals of their sorted values: the cheapest long form, for code that only
        groups or filters it (e.g. terms.report's top_terms_sentence and evidence)."""
        matrix = self.matrix
        doc_rank, term_rank = text_ranks(self.doc_ids), text_ranks(self.terms)
        row = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
        return pd.DataFrame({"doc_id": _labels(self.doc_ids, doc_rank, row, True),
                             "term": _labels(self.terms, term_rank, matrix.indices, True),
                             "count": matrix.data.astype(np.int64)})

    def to_frame(self, cols: np.ndarray | None = None, *, categorical: bool = False) -> pd.DataFrame:
        """The long table of `count_terms`: doc_id, term, n, count, per_1k, sorted by doc_id,
        count (descending), term; only the columns `cols` (indices) when given. `categorical`:
        doc_id and term as Categoricals of their sorted values (a fraction of the memory, fast
        to group; the same values, order and group results)."""
        return long_counts(self, cols, categorical=categorical)


def text_ranks(values: np.ndarray) -> np.ndarray:
    """Rank of each string in sorted (code point) order, ties in order of position.

    Sorted by pyarrow: numpy's `astype(str)` would first copy every string to the width of
    the longest one (gigabytes for millions of n-grams).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, np.ndarray):
        values = pa.array(values, type=pa.large_string())
    else:  # a pandas str array: its Arrow data, without Python strings
        values = pa.array(values)
    order = pc.sort_indices(values).to_numpy()
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.arange(len(values))
    return ranks


def _labels(values: np.ndarray, ranks: np.ndarray, at: np.ndarray, categorical: bool):
    """values[at] as a str array, or as a Categorical of the sorted values (ranks: their positions)."""
    if categorical:
        categories = np.empty(len(values), dtype=object)
        categories[ranks] = np.asarray(values, dtype=object)
        return pd.Categorical.from_codes(ranks[at], categories=pd.Index(categories, dtype="str"))
    return pd.array(values[at] if len(values) else np.zeros(0, dtype=object), dtype="str")


def long_counts(tm: TermMatrix, cols: np.ndarray | None = None, score: str | None = None, *,
                categorical: bool = False, rows: np.ndarray | None = None) -> pd.DataFrame:
    """The long table of the non-zero counts, sorted by doc_id, count (descending), term; with
    `score` ("tf_idf") adds tf, idf, tf_idf and sorts by it instead, for the rows where boolean
    `rows` is True when given."""
    if cols is not None:
        tm = tm.columns(cols)
    coo = tm.matrix.tocoo()
    row, col, data = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data.astype(np.int64)
    del coo
    # Sort on integer ranks (doc_id, then count descending, then term): same order as sorting
    # the strings, far faster on millions of rows. doc_ids are unique, so every key is.
    doc_rank, term_rank = text_ranks(tm.doc_ids), text_ranks(tm.terms)
    extra = {}
    if score is not None:
        total = np.bincount(row, weights=data, minlength=len(tm.doc_ids)).astype(np.int64)
        df = np.bincount(col, minlength=len(tm.terms)).astype(np.int64)
        n_docs = int((np.diff(tm.matrix.indptr) > 0).sum())
        if rows is not None:  # only these articles' rows; tf and idf still count every article
            keep = np.asarray(rows, dtype=bool)[row]
            row, col, data = row[keep], col[keep], data[keep]
        extra["tf"] = data / total[row]
        extra["idf"] = np.log(n_docs / df[col])
        extra["tf_idf"] = extra["tf"] * extra["idf"]
        order = np.lexsort((term_rank[col], -extra["tf_idf"], doc_rank[row]))
    else:
        order = np.lexsort((term_rank[col], -data, doc_rank[row]))
    row, col, data = row[order], col[order], data[order]
    words = tm.words
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1k = np.where(words[row] > 0, data * 1000.0 / words[row], np.nan)
    frame = pd.DataFrame({
        "doc_id": _labels(tm.doc_ids, doc_rank, row, categorical),
        "term": _labels(tm.terms, term_rank, col, categorical),
        "n": tm.n.astype(np.int64)[col],
        "count": data,
        "per_1k": per_1k,
        **{name: values[order] for name, values in extra.items()},
    })
    engine.release_memory()
    return frame


def doc_sizes(tm: TermMatrix) -> np.ndarray:
    """Running words of each row that has counts (NaN for the others), as keyness reads them
    from a long table: the article's words when every such row has them, else the sum of its
    counts (only with one n-gram length, as `distinctive._doc_sizes`)."""
    has = np.diff(tm.matrix.indptr) > 0
    words = np.asarray(tm.words, dtype=float)
    with np.errstate(invalid="ignore"):
        ok = has & (words > 0)
    if (ok == has).all():
        return np.where(has, np.round(words), np.nan)
    if len(np.unique(tm.n[np.unique(tm.matrix.indices)])) > 1:
        raise ValueError("counts mix n-gram lengths without per_1k; pass one n or keep per_1k")
    sums = np.asarray(tm.matrix.sum(axis=1, dtype=np.int64)).ravel().astype(float)
    return np.where(has, sums, np.nan)


def group_counts(tm: TermMatrix, group_of: pd.Series, min_count: int):
    """Counts of each term in each group of articles, and the totals to compare them with.

    `group_of`: group label (str) by doc_id; articles without one are left out. Returns
    (labels, target, col, a, total, group_size): labels sorted as text; per group and term
    with a >= 1 and total >= min_count, the group's code in labels, the term's column and
    its count a in the group; `total` each column's count in all grouped articles (so the
    reference count is total[col] - a); `group_size` each group's running words.
    """
    label = group_of.reindex(pd.Index(tm.doc_ids)).to_numpy(dtype=object)
    valid = pd.notna(label)
    labels = np.asarray(sorted({str(v) for v in label[valid]}), dtype=object)
    code = np.full(len(label), -1, dtype=np.int64)
    code[valid] = np.searchsorted(labels.astype(str), label[valid].astype(str))
    rows = np.flatnonzero(valid)
    sizes = doc_sizes(tm.rows(valid))
    has = ~np.isnan(sizes)
    group_size = np.bincount(code[rows][has], weights=sizes[has], minlength=len(labels))
    if len(rows) == len(labels):  # one article per group (article vs rest): the matrix rows are the groups
        matrix = tm.matrix
        target = np.repeat(code, np.diff(matrix.indptr))
        ok = target >= 0
        target, col, a = target[ok], matrix.indices[ok], matrix.data[ok]
    else:
        grouping = sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (code[rows], rows)),
                                     shape=(len(labels), len(label)))
        per_group = (grouping @ tm.matrix).tocoo()
        target, col, a = per_group.row, per_group.col, per_group.data
    total = np.bincount(col, weights=a, minlength=len(tm.terms)).astype(np.int64)
    keep = (a > 0) & (total[col] >= min_count)
    return labels, target[keep], col[keep].astype(np.int64), a[keep].astype(np.int64), total, group_size
