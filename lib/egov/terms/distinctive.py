"""Keyness: which terms a set of articles uses more (or less) than a reference.

For each term a 2x2 table: a = count in target, b = count in reference, C and D = words
in target and reference. Statistics:
  * g2: log-likelihood G2 = 2 * sum(O * ln(O / E)) over the four cells (Dunning 1993;
    Rayson & Garside 2000), signed + when the term is relatively more frequent in the
    target (a/C > b/D), - otherwise; p_value from chi-square with 1 df on |g2|.
  * log_ratio: log2((a/C) / (b/D)) (Hardie 2014), an effect size: +1 = twice as frequent
    in the target. A zero count is replaced by 0.5 before dividing (Hardie's correction).
Corpus sizes C and D are running words: recovered from `per_1k` (count_terms divides by
n_words) when the counts have it, else the sum of counts. With few articles a per-article
keyness ranks what is unusual in one text against the others; it is not a claim about a
population of texts, and p-values ignore that words cluster within articles.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
from scipy.special import erfc

from egov import engine, lang
from egov.terms.matrix import TermMatrix, doc_sizes, group_counts, text_ranks
from egov.terms.tokens import _check_counts, _check_docs

__all__ = ["g2_log_ratio", "keyness", "keyness_by", "keyness_vs_english", "keyness_vs_general"]

COLUMNS = ["target", "term", "count_target", "count_reference", "g2", "p_value", "log_ratio"]
GENERAL = {"en": "English", "zh": "Chinese"}  # wordfreq's reference lists used by keyness_vs_general


def g2_log_ratio(a, b, size_target, size_reference) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Signed G2, its p-value and Log Ratio for counts a (target) and b (reference).

    Example: g2_log_ratio(10, 5, 1000, 4000)
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    c_, d_ = np.asarray(size_target, dtype=float), np.asarray(size_reference, dtype=float)
    n = c_ + d_
    observed = [a, b, c_ - a, d_ - b]
    expected = [c_ * (a + b) / n, d_ * (a + b) / n, c_ * (n - a - b) / n, d_ * (n - a - b) / n]
    g2 = np.zeros(np.broadcast(a, b, c_, d_).shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for o, e in zip(observed, expected):
            g2 = g2 + np.where(o > 0, o * np.log(o / e), 0.0)
        g2 = 2.0 * g2
        sign = np.where(a / c_ >= b / d_, 1.0, -1.0)
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / c_) / (np.where(b > 0, b, 0.5) / d_))
    g2 = np.maximum(g2, 0.0) * sign
    # chi-square survival with 1 df: P(chi2_1 > x) = erfc(sqrt(x / 2)), 50x faster than chi2.sf
    return g2, erfc(np.sqrt(np.abs(g2) / 2.0)), log_ratio


def _doc_sizes(counts: pd.DataFrame) -> pd.Series:
    """Running words per doc_id: from per_1k when present (count * 1000 / per_1k), else sum of counts."""
    if "per_1k" in counts.columns:
        ok = counts["per_1k"].notna() & (counts["per_1k"] > 0)
        sizes = (counts.loc[ok, "count"] * 1000.0 / counts.loc[ok, "per_1k"]).round()
        sizes = sizes.groupby(counts.loc[ok, "doc_id"]).first()
        if len(sizes) == counts["doc_id"].nunique():
            return sizes
    if "n" in counts.columns and counts["n"].nunique() > 1:
        raise ValueError("counts mix n-gram lengths without per_1k; pass one n or keep per_1k")
    return counts.groupby("doc_id")["count"].sum().astype(float)


def _frame(term, a, b, size_t, size_r, target=None) -> pd.DataFrame:
    g2, p, lr = g2_log_ratio(a, b, size_t, size_r)
    out = pd.DataFrame({"term": term, "count_target": a, "count_reference": b,
                        "g2": g2, "p_value": p, "log_ratio": lr})
    if target is not None:
        out.insert(0, "target", target)
    return out


def _target_ids(counts: pd.DataFrame, target, docs: pd.DataFrame | None) -> set[str]:
    ids = pd.Index(counts["doc_id"].astype(str).unique())
    if callable(target):
        return {d for d in ids if target(d)}
    if isinstance(target, pd.Series) and target.dtype == bool:
        if docs is not None:
            _check_docs(docs, ("doc_id",))
            return set(docs.loc[target.reindex(docs.index, fill_value=False).to_numpy(), "doc_id"].astype(str))
        return set(target.index[target.to_numpy()].astype(str))
    if isinstance(target, str) or not isinstance(target, Iterable):
        raise ValueError("target must be a list of doc_ids, a boolean Series or a callable")
    return {str(t) for t in target}


def keyness(counts: pd.DataFrame, target: pd.Series | Callable[[str], bool] | Iterable[str], *,
            docs: pd.DataFrame | None = None, min_count: int = 3) -> pd.DataFrame:
    """Terms over- (g2 > 0) and under-used (g2 < 0) in target articles vs all others.

    `target`: doc_ids, a boolean Series indexed by doc_id (or aligned with `docs`), or a
    function of doc_id. Keeps terms with count_target + count_reference >= min_count.
    Returns term, count_target, count_reference, g2, p_value, log_ratio; sorted by g2
    (descending), term. Raises ValueError when target or reference has no documents.
    Example: keyness(counts, docs.date.dt.year >= 2016, docs=docs).head()
    """
    _check_counts(counts)
    if isinstance(counts, TermMatrix):
        counts = counts.to_frame()
    ids = _target_ids(counts, target, docs)
    present = set(counts["doc_id"].astype(str))
    chosen = ids & present
    if not chosen:
        raise ValueError("target selects no documents of counts")
    if chosen == present:
        raise ValueError("reference is empty: target selects every document, keyness needs others")
    sizes = _doc_sizes(counts)
    in_target = counts["doc_id"].astype(str).isin(chosen)
    a = counts.loc[in_target].groupby("term")["count"].sum()
    b = counts.loc[~in_target].groupby("term")["count"].sum()
    both = pd.concat([a.rename("a"), b.rename("b")], axis=1).fillna(0).astype("int64")
    both = both[both["a"] + both["b"] >= min_count]
    size_t = float(sizes[sizes.index.astype(str).isin(chosen)].sum())
    size_r = float(sizes[~sizes.index.astype(str).isin(chosen)].sum())
    out = _frame(both.index.astype(str), both["a"].to_numpy(), both["b"].to_numpy(), size_t, size_r)
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable", ignore_index=True)


def keyness_by(docs: pd.DataFrame, counts: pd.DataFrame, by: str | pd.Series = "doc_id", *,
               min_count: int = 3) -> pd.DataFrame:
    """Keyness of each group (an article, a period) against all other articles of its language.

    On a mixed corpus each language is scored apart (a Chinese period against the other
    Chinese periods, never against English words); see `_keyness_by` for the rest.
    Returns target, term, count_target, count_reference, g2, p_value, log_ratio, and a
    `language` column when the corpus has more than one language of word rules.
    Example: keyness_by(docs, counts, docs.date.dt.year).query("p_value < 0.01")
    """
    _check_docs(docs, ("doc_id",))
    rules = np.asarray(lang.word_languages_of(docs), dtype=object) if "text" in docs.columns or \
        "language" in docs.columns else np.full(len(docs), "en", dtype=object)
    codes = sorted(set(rules))
    if len(codes) <= 1:
        return _keyness_by(docs, counts, by, min_count=min_count)
    if not isinstance(by, str):
        by = pd.Series(by).reindex(docs.index)
    parts = []
    for code in codes:
        keep = rules == code
        sub_by = by if isinstance(by, str) else by[keep]
        part = _keyness_by(docs[keep], counts, sub_by, min_count=min_count)
        parts.append(part.assign(language=pd.Series([code] * len(part), dtype="str", index=part.index)))
    return pd.concat(parts, ignore_index=True)


def _keyness_by(docs: pd.DataFrame, counts: pd.DataFrame, by: str | pd.Series = "doc_id", *,
                min_count: int = 3) -> pd.DataFrame:
    """Keyness of each group (an article, a period) against all other articles.

    `by`: a column of `docs` or a Series aligned with it (e.g. docs.date.dt.year); rows with
    a missing group are left out. Lists terms the group uses (count_target >= 1) with
    count_target + count_reference >= min_count. Returns target, term, count_target,
    count_reference, g2, p_value, log_ratio; sorted by target, g2 (descending), term.
    Fewer than two groups (one article, one year) leave no reference: the table is empty.
    Example: keyness_by(docs, counts, docs.date.dt.year).query("p_value < 0.01")
    """
    _check_docs(docs, ("doc_id",))
    _check_counts(counts)
    if isinstance(by, str):
        if by not in docs.columns:
            raise ValueError(f"docs has no '{by}' column to group by")
        groups = docs[by]
    else:
        groups = pd.Series(by).reindex(docs.index)
    group_of = pd.Series(groups.to_numpy(), index=docs["doc_id"].astype(str)).dropna()
    group_of = group_of.map(_label)
    if group_of.nunique() < 2:
        return pd.DataFrame({c: pd.Series(dtype="str" if c in ("target", "term") else "float64")
                             for c in COLUMNS}).astype({"count_target": "int64", "count_reference": "int64"})
    if isinstance(counts, TermMatrix):
        return _keyness_by_matrix(counts, group_of, min_count)
    sub = counts[counts["doc_id"].astype(str).isin(group_of.index)]
    sizes = _doc_sizes(sub)
    sizes = sizes.groupby(group_of.reindex(sizes.index.astype(str)).to_numpy()).sum()
    per_group = sub.groupby([sub["doc_id"].astype(str).map(group_of).rename("target"), "term"])["count"].sum()
    total = per_group.groupby(level="term").sum()
    per_group = per_group.reset_index()
    per_group["b"] = per_group["term"].map(total) - per_group["count"]
    per_group = per_group[per_group["count"] + per_group["b"] >= min_count]
    size_t = per_group["target"].map(sizes).to_numpy(dtype=float)
    size_r = float(sizes.sum()) - size_t
    out = _frame(per_group["term"].astype(str).to_numpy(), per_group["count"].to_numpy(),
                 per_group["b"].to_numpy(), size_t, size_r, target=per_group["target"].astype(str).to_numpy())
    return out.sort_values(["target", "g2", "term"], ascending=[True, False, True],
                           kind="stable", ignore_index=True)


def _keyness_by_matrix(counts: TermMatrix, group_of: pd.Series, min_count: int,
                       chunk: int = 1_000_000) -> pd.DataFrame:
    """_keyness_by's table computed from a sparse TermMatrix: the same rows, numbers and order,
    with target and term as Categoricals of their sorted values and the two counts as int32
    (a fraction of the memory).
    The statistics are computed `chunk` rows at a time, so temporaries stay small."""
    labels, target, col, a, total, group_size = group_counts(counts, group_of, min_count)
    all_words = float(group_size.sum())
    g2, p, lr = (np.empty(len(a)) for _ in range(3))
    for start in range(0, len(a), chunk):
        part = slice(start, start + chunk)
        size_t = group_size[target[part]]
        g2[part], p[part], lr[part] = g2_log_ratio(a[part], total[col[part]] - a[part], size_t, all_words - size_t)
    term_rank = text_ranks(counts.terms)
    order = np.lexsort((term_rank[col], -g2, target))
    terms_sorted = np.empty(len(counts.terms), dtype=object)
    terms_sorted[term_rank] = np.asarray(counts.terms, dtype=object)
    out = pd.DataFrame({
        "target": pd.Categorical.from_codes(target[order], categories=pd.Index(labels, dtype="str")),
        "term": pd.Categorical.from_codes(term_rank[col[order]], categories=pd.Index(terms_sorted, dtype="str")),
    })
    del target
    col, a = col[order], a[order]
    out["count_target"] = a.astype(np.int32)  # counts within one corpus fit; 8 bytes a row less
    out["count_reference"] = (total[col] - a).astype(np.int32)
    del col, a
    for name, values in (("g2", g2), ("p_value", p), ("log_ratio", lr)):
        out[name] = values[order]
    for name in ("target", "term"):
        out[name] = out[name].cat.remove_unused_categories()
    engine.release_memory()
    return out


def _label(value) -> str:
    """Group labels as text; whole floats (2016.0 from a nullable year) lose the '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def keyness_vs_english(counts: pd.DataFrame, *, docs: pd.DataFrame | None = None, reference_size: int = 100_000_000,
                       min_count: int = 3, wordlist: str = "large") -> pd.DataFrame:
    """Terms of the whole corpus over- or under-used compared with general English.

    Reference: wordfreq's English frequencies (offline, bundled with the pinned package;
    Speer 2022) read as a notional corpus of `reference_size` words, so count_reference =
    frequency * reference_size (not an integer). g2 and p_value grow with reference_size;
    log_ratio and the ranking by it do not. Use surface-form counts
    (`count_terms(docs, lemmas=False)`): wordfreq counts word forms, not lemmas. Only
    single words (n == 1) are scored; terms wordfreq does not know get frequency 0.
    With `docs`, only the English articles' counts are used (on a mixed corpus Chinese
    words would otherwise all look over-used: general English never has them).
    Returns target ("corpus"), term, count_target, count_reference, g2, p_value,
    log_ratio, english_per_million; sorted by g2 (descending), term.
    Example: keyness_vs_english(count_terms(docs, lemmas=False)).head()
    """
    out = keyness_vs_general(counts, "en", docs=docs, reference_size=reference_size, min_count=min_count,
                             wordlist=wordlist)
    return out.rename(columns={"general_per_million": "english_per_million"})


def keyness_vs_general(counts: pd.DataFrame, language: str = "en", *, docs: pd.DataFrame | None = None,
                       reference_size: int = 100_000_000, min_count: int = 3, wordlist: str = "large") -> pd.DataFrame:
    """Terms over- or under-used compared with general usage of `language` ("en" or "zh").

    Reference: wordfreq's frequencies for the language (offline, bundled with the pinned
    package; Speer 2022; for Chinese they come from subtitles, web text, Wikipedia and
    news, and a word wordfreq's own jieba dictionary splits, such as 一网通办, gets the
    combined estimate of its pieces), read as a notional corpus of `reference_size` words:
    count_reference = frequency * reference_size. With `docs`, only the counts of the
    articles in that language are used (a mixed corpus is never pooled; no such article:
    an empty table). Only single words
    (n == 1) are scored. Returns target ("corpus"), term, count_target, count_reference,
    g2, p_value, log_ratio, general_per_million; sorted by g2 (descending), term.
    Example: keyness_vs_general(count_terms(docs, language="zh"), "zh").head()
    """
    import logging

    from wordfreq import word_frequency

    if language not in GENERAL:
        raise ValueError(f"language must be one of {sorted(GENERAL)}, got {language!r}")
    _check_counts(counts)
    if reference_size <= 0:
        raise ValueError(f"reference_size must be positive, got {reference_size}")
    if docs is not None:
        _check_docs(docs)
        ids = set(docs.loc[np.asarray(lang.word_languages_of(docs)) == language, "doc_id"].astype(str))
        if isinstance(counts, TermMatrix):
            counts = counts.rows(pd.Index(counts.doc_ids).isin(ids))
        else:
            counts = counts[counts["doc_id"].astype(str).isin(ids)]
        if (counts.nnz if isinstance(counts, TermMatrix) else len(counts)) == 0:
            return _frame(np.zeros(0, dtype=object), np.zeros(0, np.int64), np.zeros(0), 1.0, 1.0,
                          target=np.zeros(0, dtype=object)).assign(general_per_million=np.zeros(0))
    if language == "zh":  # wordfreq's Chinese lookup segments with jieba: keep its set-up lines out of notebooks
        import jieba  # noqa: F401  (jieba sets its logger to DEBUG when imported)

        logging.getLogger("jieba").setLevel(logging.WARNING)
    if isinstance(counts, TermMatrix):
        size_t = float(np.nansum(doc_sizes(counts)))
        uni = counts.select(1)
        a = pd.Series(uni.totals(), index=pd.Index(uni.terms, dtype="str"))
        a = a[(a >= min_count) & (a > 0)]
    else:
        uni = counts[counts["n"] == 1] if "n" in counts.columns else counts[~counts["term"].str.contains(" ")]
        size_t = float(_doc_sizes(counts).sum())
        a = uni.groupby("term")["count"].sum()
        a = a[a >= min_count]
    freq = np.array([word_frequency(t, language, wordlist=wordlist) for t in a.index], dtype=float)
    out = _frame(a.index.astype(str), a.to_numpy(), freq * reference_size, size_t, float(reference_size),
                 target="corpus")
    out["general_per_million"] = freq * 1e6
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable", ignore_index=True)
