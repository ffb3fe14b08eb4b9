"""The exported term tables, built from the long counts or from the sparse TermMatrix.

A long table of every article x term would reach hundreds of millions of rows on a large
corpus; the export keeps at most MAX_EXPORT_ROWS rows by a stated rule, and from a
TermMatrix only the rows kept are ever built.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.terms.matrix import TermMatrix

__all__ = ["MAX_EXPORT_ROWS", "term_counts_table"]

MAX_EXPORT_ROWS = 1_000_000  # a longer exported table is cut by a stated rule (spreadsheets stop at 1,048,576 rows)


def term_counts_table(counts: pd.DataFrame | TermMatrix, max_rows: int | None = MAX_EXPORT_ROWS) -> pd.DataFrame:
    """The exported term counts: doc_id, term, count, per_1k, n for terms used at least twice.

    Above `max_rows` rows, only terms in at least m articles are kept, m the smallest that
    fits (a row is one term in one article, so a term used in d articles costs d rows).
    attrs["min_docs"] is m (1 when nothing was cut), attrs["n_full"] the rows before the cut.
    `counts` may be a terms.count_matrix TermMatrix: the cut is chosen on the matrix and only
    the rows kept are built.
    Example: term_counts_table(terms.count_terms(docs, ngram_range=(1, 3)))
    """
    cols = ["doc_id", "term", "count", "per_1k", "n"]
    if isinstance(counts, TermMatrix):
        used = np.flatnonzero(counts.totals() >= 2)
        df = counts.doc_freq()[used]
        n_full, min_docs = int(df.sum()), _min_docs(pd.Series(df).groupby(df).sum(), max_rows)
        table = counts.to_frame(used[df >= min_docs])[cols]
    else:
        table = counts[counts.groupby("term")["count"].transform("sum") >= 2][cols]
        n_full, min_docs = len(table), 1
        if max_rows is not None and len(table) > max_rows:
            df = table.groupby("term")["doc_id"].transform("size")
            min_docs = _min_docs(df.value_counts(), max_rows)
            table = table[df >= min_docs]
    table = table.reset_index(drop=True)
    table.attrs.update(min_docs=min_docs, n_full=n_full)
    return table


def _min_docs(rows_per_df: pd.Series, max_rows: int | None) -> int:
    """The smallest m such that the rows of terms used in at least m articles fit in max_rows
    (1: everything fits). `rows_per_df`: df value (articles using a term) -> rows of such terms."""
    if max_rows is None or rows_per_df.sum() <= max_rows:
        return 1
    rows_per_df = rows_per_df.sort_index(ascending=False)
    kept = (rows_per_df.cumsum() <= max_rows)  # rows kept when m = that df, largest df first
    return int(rows_per_df.index[kept].min()) if kept.any() else int(rows_per_df.index.max()) + 1
