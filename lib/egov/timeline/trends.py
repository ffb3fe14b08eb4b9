"""Timeline: concept and topic trends per period with bootstrap intervals, vocabulary shift.

Articles are grouped into periods by `egov.timeline.periods` (year, half-year, quarter, or policy
eras); its functions are re-exported here, so `timeline.coverage(docs)` still works.

A period's rate is a ratio estimate: all matches of a concept in the period's articles
divided by all their words, times 1,000 (long articles weigh more). Its interval comes
from a bootstrap over articles (Efron & Tibshirani 1993): the period's articles are
resampled with replacement `n_boot` times and the 2.5th and 97.5th percentiles of the
recomputed rate are taken. Each period has its own random stream, seeded from `seed` and
the period's label, so adding articles to one period does not move another's interval.
A period with one article has no interval (ci_low = ci_high = the estimate, note says so).
Vocabulary shift: Jensen-Shannon divergence (Lin 1991, base 2, 0-1) between consecutive
periods' term distributions; emerging and fading terms: Log Ratio (Hardie 2014) between the
first and second half of the dated articles. Dates are publication dates; a change that
follows a policy milestone co-occurs with it in time and says nothing about cause.
"""
from __future__ import annotations

import math
import zlib

import numpy as np
import pandas as pd

from egov.corpus.languages import article_languages, split_languages
from egov.terms.distinctive import g2_log_ratio
from egov.timeline.periods import (PERIOD_WORDS, PERIODS, assign_periods, check_docs, coverage, dating_summary,
                                   default_eras, load_milestones, no_timeline_reason, period_table, placed_articles)

__all__ = ["concept_trends", "topic_share_by_period", "theme_trends", "jensen_shannon", "emerging_terms",
           "first_appearance"]

N_BOOT = 2000
MIN_COUNT, MIN_DOCS = 5, 2  # emerging_terms: the smallest minimums (raised for large corpora)
LEVEL = 0.95
_CELLS = 4_000_000  # resample-by-article cells per bootstrap block (memory bound)
ONE_ARTICLE = "one article: no interval"
TREND_COLUMNS = ["period", "concept", "n_docs", "per_1k", "ci_low", "ci_high", "count", "n_docs_with",
                 "n_words", "period_start", "period_end", "note", "language"]
TOPIC_COLUMNS = ["model", "period", "topic", "share", "ci_low", "ci_high", "n_docs", "n_words",
                 "period_start", "period_end", "note", "language"]


def _bootstrap_ratio(codes: np.ndarray, labels: list[str], numer: np.ndarray, denom: np.ndarray,
                     n_boot: int, seed: int, level: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ratio sum(numer)/sum(denom) per period (rows) and item (columns) with percentile intervals.

    codes: period position of each article; numer: articles x items; denom: articles.
    Articles are resampled with replacement within each period; each resample is a vector of
    draw counts (blocks x articles) multiplied into numer and denom, so the cost is
    n_boot x articles x items flops with no Python loop over resamples or items.
    """
    n_items = numer.shape[1]
    est = np.full((len(labels), n_items), np.nan)
    lo, hi = est.copy(), est.copy()
    alpha = (1.0 - level) / 2.0
    for p, label in enumerate(labels):
        rows = np.flatnonzero(codes == p)
        n = len(rows)
        x, w = numer[rows], denom[rows]
        total = w.sum()
        if n == 0 or total <= 0:
            continue
        est[p] = x.sum(axis=0) / total
        if n == 1 or n_boot < 1:
            lo[p], hi[p] = est[p], est[p]
            continue
        rng = np.random.default_rng([int(seed), zlib.crc32(str(label).encode("utf-8"))])
        ratios = np.empty((n_boot, n_items))
        block = max(1, min(n_boot, _CELLS // n))
        for start in range(0, n_boot, block):
            b = min(block, n_boot - start)
            draws = rng.integers(0, n, size=(b, n))
            weights = np.bincount((np.arange(b)[:, None] * n + draws).ravel(), minlength=b * n).reshape(b, n)
            num, den = weights @ x, weights @ w
            with np.errstate(invalid="ignore", divide="ignore"):
                ratios[start:start + b] = num / den[:, None]
        q = np.nanquantile(ratios, [alpha, 1.0 - alpha], axis=0)
        # a percentile interval can miss the estimate when resamples are very skewed; widen to include it
        lo[p], hi[p] = np.minimum(q[0], est[p]), np.maximum(q[1], est[p])
    return est, lo, hi


def concept_trends(docs: pd.DataFrame, concepts: pd.DataFrame, period: str = "year", eras=None,
                   n_boot: int = N_BOOT, seed: int = 42, level: float = LEVEL) -> pd.DataFrame:
    """Mentions per 1,000 words of each concept per period and language, with bootstrap intervals over articles.

    `concepts` is `terms.count_concepts(docs)` (doc_id, concept, count). Each language's articles
    (`egov.corpus.languages.article_languages`) are a timeline of their own on the same periods:
    per_1k = the period's matches in that language's articles / their words x 1000 (a ratio
    estimate), so one concept can be followed per language on one time axis. Every concept gets
    rows in every language that has placed articles (0 where unused). Returns period, concept,
    n_docs, per_1k, ci_low, ci_high, count, n_docs_with (articles using it), n_words,
    period_start, period_end, note, language; only periods with articles of that language;
    sorted by language, period_start, concept. A language's intervals do not depend on the
    other languages' articles (the same seeded streams as a one-language corpus).
    Empty (attrs["reason"] says why) when no article can be placed.
    Example: concept_trends(docs, terms.count_concepts(docs), "year", seed=42)
    """
    for col in ("doc_id", "concept", "count"):
        if col not in concepts.columns:
            raise ValueError(f"concepts has no '{col}' column")
    names = sorted(concepts["concept"].astype(str).unique())
    languages = article_languages(docs)
    frames = []
    for language in sorted(languages.unique()) if names else []:
        part = _concept_trends_one(docs[languages == language], concepts, names, period, eras, n_boot, seed, level)
        if part is not None:
            frames.append(part.assign(language=language))
    if not frames:
        out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _TREND_DTYPES.items()})
        out.attrs["reason"] = no_timeline_reason(docs, period, eras) or "No concept to count."
        return out
    return pd.concat(frames, ignore_index=True)[TREND_COLUMNS]


def _concept_trends_one(docs: pd.DataFrame, concepts: pd.DataFrame, names: list[str], period: str, eras,
                        n_boot: int, seed: int, level: float) -> pd.DataFrame | None:
    """concept_trends for articles of one language (None when none of them can be placed)."""
    placed, used = placed_articles(docs, period, eras)
    if placed.empty:
        return None
    wide = (concepts.assign(doc_id=concepts["doc_id"].astype(str), concept=concepts["concept"].astype(str))
            .pivot_table(index="doc_id", columns="concept", values="count", aggfunc="sum", fill_value=0)
            .reindex(index=placed["doc_id"], columns=names, fill_value=0))
    counts = wide.to_numpy(dtype=float)
    est, lo, hi = _bootstrap_ratio(placed["code"].to_numpy(), list(used["period"]), counts,
                                   placed["n_words"].to_numpy(), n_boot, seed, level)
    out = _long(used, placed, names, "concept", est * 1000, lo * 1000, hi * 1000, "per_1k")
    out["count"] = _per_period(placed, counts, len(used)).ravel().astype("int64")
    out["n_docs_with"] = _per_period(placed, (counts > 0).astype(float), len(used)).ravel().astype("int64")
    return out


_TREND_DTYPES = {"period": "str", "concept": "str", "n_docs": "int64", "per_1k": "float64", "ci_low": "float64",
                 "ci_high": "float64", "count": "int64", "n_docs_with": "int64", "n_words": "int64",
                 "period_start": "datetime64[ns]", "period_end": "datetime64[ns]", "note": "str", "language": "str"}


def _per_period(placed: pd.DataFrame, values: np.ndarray, n_periods: int) -> np.ndarray:
    out = np.zeros((n_periods, values.shape[1]))
    np.add.at(out, placed["code"].to_numpy(), values)
    return out


def _long(used, placed, items, item_col, est, lo, hi, value_col) -> pd.DataFrame:
    """Periods x items arrays as a long frame with period sizes and notes."""
    n_docs = np.bincount(placed["code"], minlength=len(used))
    n_words = np.bincount(placed["code"], weights=placed["n_words"], minlength=len(used))
    k = len(items)
    out = pd.DataFrame({
        "period": np.repeat(used["period"].to_numpy(), k),
        item_col: np.tile(np.asarray(items, dtype=object), len(used)),
        "n_docs": np.repeat(n_docs, k).astype("int64"),
        value_col: est.ravel(), "ci_low": lo.ravel(), "ci_high": hi.ravel(),
        "n_words": np.repeat(n_words, k).astype("int64"),
        "period_start": np.repeat(used["period_start"].to_numpy(), k),
        "period_end": np.repeat(used["period_end"].to_numpy(), k),
    })
    out["note"] = np.where(out["n_docs"] == 1, ONE_ARTICLE, "")
    return out.astype({"period": "str", "note": "str"})


def topic_share_by_period(docs: pd.DataFrame, doc_topics: pd.DataFrame, period: str = "year", eras=None,
                          n_boot: int = N_BOOT, seed: int = 42, level: float = LEVEL) -> pd.DataFrame:
    """Share of each topic in each period's words, with bootstrap intervals over articles.

    `doc_topics`: model, doc_id, topic, share (topics.doc_topics). A period's share is its
    articles' shares weighted by their words (a ratio estimate); articles without topic
    shares are left out. Each language's articles are followed apart (where a model is fitted
    per language, its topics have rows in that language only). Returns model, period, topic,
    share, ci_low, ci_high, n_docs, n_words, period_start, period_end, note, language; sorted
    by model, language, period_start, topic.
    Example: topic_share_by_period(docs, stage.doc_topics, "year", seed=42)
    """
    for col in ("model", "doc_id", "topic", "share"):
        if col not in doc_topics.columns:
            raise ValueError(f"doc_topics has no '{col}' column")
    frames = []
    languages = article_languages(docs)
    for model, group in doc_topics.groupby("model", sort=True):
        wide = group.assign(doc_id=group["doc_id"].astype(str)).pivot_table(
            index="doc_id", columns="topic", values="share", aggfunc="sum")
        for language in sorted(languages.unique()):
            part = docs[(languages == language) & docs["doc_id"].astype(str).isin(wide.index)]
            placed, used = placed_articles(part, period, eras) if len(part) else (pd.DataFrame(), pd.DataFrame())
            if placed.empty:
                continue
            shares = wide.reindex(index=placed["doc_id"]).to_numpy(dtype=float)
            w = placed["n_words"].to_numpy()
            est, lo, hi = _bootstrap_ratio(placed["code"].to_numpy(), list(used["period"]), shares * w[:, None], w,
                                           n_boot, seed, level)
            frames.append(_long(used, placed, list(wide.columns), "topic", est, lo, hi, "share")
                          .assign(model=model, language=language))
    if not frames:
        out = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("share", "ci_low", "ci_high") else "object")
                            for c in TOPIC_COLUMNS})
        out.attrs["reason"] = (no_timeline_reason(docs, period, eras)
                               or "No dated article has topic shares.")
        return out
    out = pd.concat(frames, ignore_index=True).astype({"topic": "int64", "model": "str"})
    return out[TOPIC_COLUMNS]


def theme_trends(docs: pd.DataFrame, period: str = "year", eras=None, seed: int = 42, n_topics: int | None = None,
                 n_boot: int = N_BOOT, level: float = LEVEL) -> pd.DataFrame:
    """Follow each topic of the topic stage over the periods.

    The stage is egov.topics.stage.topic_stage on the articles' passages with the same
    arguments as notebook 03 (NMF and LDA, k chosen by the sweep unless `n_topics`); it is
    cached on disk, so within `egov build` this reads notebook 03's topics, not a refit.

    Returns topic_share_by_period's columns plus label (top terms); empty, with attrs["reason"],
    when the corpus is too small for a topic model or no article is dated.
    Example: theme_trends(docs, "year", seed=42)
    """
    from egov.topics.split import passages
    from egov.topics.stage import topic_stage

    stage = topic_stage(passages(docs), n_topics=n_topics, seed=seed)
    if not stage.fitted:
        out = topic_share_by_period(docs, pd.DataFrame(columns=["model", "doc_id", "topic", "share"]), period, eras)
        out.attrs["reason"] = f"No topic model could be fitted: {stage.reason}."
        return out.assign(label=pd.Series(dtype="str"))
    out = topic_share_by_period(docs, stage.doc_topics, period, eras, n_boot, seed, level)
    labels = stage.summary[["model", "topic", "label"]]
    reason = out.attrs.get("reason", "")
    out = out.merge(labels, on=["model", "topic"], how="left") if len(out) else out.assign(label=pd.Series(dtype="str"))
    out.attrs["reason"] = reason
    return out


def _period_terms(docs: pd.DataFrame, counts: pd.DataFrame, period: str, eras):
    """Term counts per period (periods x terms), the placed articles and the periods in order."""
    for col in ("doc_id", "term", "count"):
        if col not in counts.columns:
            raise ValueError(f"counts has no '{col}' column")
    placed, used = placed_articles(docs, period, eras)
    c = counts.assign(doc_id=counts["doc_id"].astype(str)).merge(placed[["doc_id", "code"]], on="doc_id")
    codes, vocab = pd.factorize(c["term"], sort=True)
    matrix = np.zeros((len(used), len(vocab)))
    np.add.at(matrix, (c["code"].to_numpy(), codes), c["count"].to_numpy(dtype=float))
    return matrix, placed, used


def _jsd(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence in bits between rows of p and q (each row sums to 1)."""
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        kl_p = np.where(p > 0, p * np.log2(p / m), 0.0).sum(axis=-1)
        kl_q = np.where(q > 0, q * np.log2(q / m), 0.0).sum(axis=-1)
    return np.clip((kl_p + kl_q) / 2, 0.0, 1.0)


def jensen_shannon(docs: pd.DataFrame, counts: pd.DataFrame, period: str = "year", eras=None,
                   n_baseline: int = 200, seed: int = 42) -> pd.DataFrame:
    """Jensen-Shannon divergence (bits, 0 = same distribution, 1 = no shared term) between
    consecutive periods that hold articles (Lin 1991).

    jsd_baseline: mean divergence of two samples of the same sizes drawn from the two periods'
    pooled terms (multinomial, seeded): what sampling alone gives. It treats words as
    independent, so it understates chance differences between few articles.
    Returns period_from, period_to, jsd, jsd_baseline, n_docs_from, n_docs_to, n_terms_from,
    n_terms_to, note, language: each language's articles are compared on their own periods
    (in language order), so a mixed corpus never pools English and Chinese words.
    Example: jensen_shannon(docs, terms.count_terms(docs), "year")
    """
    languages = article_languages(docs)
    parts = [_jensen_shannon_one(docs[languages == code], counts, period, eras, n_baseline, seed).assign(language=code)
             for code in sorted(languages.unique())]
    return _stack(parts)


def _stack(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The non-empty per-language tables one under the other (the first, empty, when all are)."""
    kept = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(kept, ignore_index=True).astype({"language": "str"})


def _jensen_shannon_one(docs: pd.DataFrame, counts: pd.DataFrame, period: str, eras, n_baseline: int,
                        seed: int) -> pd.DataFrame:
    """jensen_shannon for the articles of one language."""
    cols = ["period_from", "period_to", "jsd", "jsd_baseline", "n_docs_from", "n_docs_to",
            "n_terms_from", "n_terms_to", "note"]
    matrix, placed, used = _period_terms(docs, counts, period, eras)
    n_docs = np.bincount(placed["code"], minlength=len(used)) if len(used) else np.zeros(0, int)
    sizes = matrix.sum(axis=1)
    rows = []
    rng = np.random.default_rng(seed)
    for i in range(len(used) - 1):
        a, b = matrix[i], matrix[i + 1]
        if sizes[i] == 0 or sizes[i + 1] == 0:
            continue
        pooled = (a + b) / (sizes[i] + sizes[i + 1])
        sa = rng.multinomial(int(sizes[i]), pooled, size=n_baseline) / sizes[i]
        sb = rng.multinomial(int(sizes[i + 1]), pooled, size=n_baseline) / sizes[i + 1]
        note = "one article each: two texts compared" if n_docs[i] == 1 and n_docs[i + 1] == 1 else (
            "one side is one article" if 1 in (n_docs[i], n_docs[i + 1]) else "")
        rows.append((used["period"][i], used["period"][i + 1], float(_jsd(a / sizes[i], b / sizes[i + 1])),
                     float(_jsd(sa, sb).mean()), int(n_docs[i]), int(n_docs[i + 1]), int(sizes[i]),
                     int(sizes[i + 1]), note))
    return pd.DataFrame(rows, columns=cols).astype({"period_from": "str", "period_to": "str", "note": "str"})


def emerging_terms(docs: pd.DataFrame, counts: pd.DataFrame, split: str | pd.Timestamp | None = None,
                   min_count: int | None = None, min_docs: int | None = None) -> pd.DataFrame:
    """Terms used more (emerging) or less (fading) in the second half of the dated articles.

    Measure: Log Ratio = log2 of (rate late / rate early), rates per word of each half, a
    zero count counted as 0.5 (Hardie 2014); +1 = twice as frequent late. Only terms used
    at least `min_count` times in at least `min_docs` articles are ranked; by default 5 times
    in 2 articles, raised on large corpora to once per million words and one article in a
    thousand, since Log Ratio ranks rare terms first and among millions of words a handful of
    uses is noise. The values used are in attrs["min_count"] and attrs["min_docs"]. `split`:
    the first date of the late half; default the date of the middle article (articles on that
    date go late). Returns term, direction, log_ratio, count_early, count_late, per_1k_early,
    per_1k_late, n_docs_early, n_docs_late, g2, split, language; emerging first (largest log_ratio),
    then fading. Each language's articles are split and compared on their own (in language order);
    attrs["minimums"] gives each language's (min_count, min_docs), attrs min_count/min_docs the lowest.
    Example: emerging_terms(docs, terms.count_terms(docs, ngram_range=(1, 2)))
    """
    check_docs(docs, "year")
    languages = article_languages(docs)
    parts = {code: _emerging_one(docs[languages == code], counts, split, min_count, min_docs)
             for code in sorted(languages.unique())}
    out = _stack([part.assign(language=code) for code, part in parts.items()])
    minimums = {code: (part.attrs["min_count"], part.attrs["min_docs"]) for code, part in parts.items()
                if "min_count" in part.attrs}
    if minimums:
        out.attrs.update(min_count=min(m[0] for m in minimums.values()), min_docs=min(m[1] for m in minimums.values()),
                         minimums=minimums)
    else:
        out.attrs["reason"] = next(iter(parts.values())).attrs.get("reason", "")
    return out


def _emerging_one(docs: pd.DataFrame, counts: pd.DataFrame, split, min_count: int | None,
                  min_docs: int | None) -> pd.DataFrame:
    """emerging_terms for the articles of one language."""
    cols = ["term", "direction", "log_ratio", "count_early", "count_late", "per_1k_early", "per_1k_late",
            "n_docs_early", "n_docs_late", "g2", "split"]
    for col in ("doc_id", "term", "count"):
        if col not in counts.columns:
            raise ValueError(f"counts has no '{col}' column")
    dated = docs.dropna(subset=["date"]).sort_values(["date", "doc_id"], kind="stable")
    empty = pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    if len(dated) < 2:
        empty.attrs["reason"] = "Fewer than two dated articles, so there is no early and late half to compare."
        return empty
    cut = pd.Timestamp(split) if split is not None else dated["date"].iloc[len(dated) // 2]
    late = dated["date"] >= cut
    if late.all() or not late.any():
        empty.attrs["reason"] = f"Every dated article falls on one side of {cut:%Y-%m-%d}; no halves to compare."
        return empty
    words = dated["n_words"] if "n_words" in dated.columns else dated["text"].str.split().str.len()
    size_late, size_early = float(words[late].sum()), float(words[~late].sum())
    if min_count is None:
        min_count = max(MIN_COUNT, math.ceil((size_late + size_early) / 1_000_000))
    if min_docs is None:
        min_docs = max(MIN_DOCS, math.ceil(len(dated) / 1000))
    side = pd.Series(np.where(late, "late", "early"), index=dated["doc_id"].astype(str))
    c = counts.assign(doc_id=counts["doc_id"].astype(str))
    c = c[c["doc_id"].isin(side.index)].assign(side=lambda t: t["doc_id"].map(side))
    table = c.pivot_table(index="term", columns="side", values="count", aggfunc="sum", fill_value=0)
    ndocs = c[c["count"] > 0].pivot_table(index="term", columns="side", values="doc_id", aggfunc="nunique", fill_value=0)
    table = table.reindex(columns=["early", "late"], fill_value=0)
    ndocs = ndocs.reindex(index=table.index, columns=["early", "late"], fill_value=0)
    keep = (table.sum(axis=1) >= min_count) & (ndocs.sum(axis=1) >= min_docs)
    table, ndocs = table[keep], ndocs[keep]
    g2, _, lr = g2_log_ratio(table["late"], table["early"], size_late, size_early)
    out = pd.DataFrame({
        "term": table.index.astype(str), "log_ratio": lr,
        "count_early": table["early"].to_numpy(dtype="int64"), "count_late": table["late"].to_numpy(dtype="int64"),
        "per_1k_early": table["early"].to_numpy() * 1000 / size_early,
        "per_1k_late": table["late"].to_numpy() * 1000 / size_late,
        "n_docs_early": ndocs["early"].to_numpy(dtype="int64"), "n_docs_late": ndocs["late"].to_numpy(dtype="int64"),
        "g2": g2, "split": cut,
    })
    out["direction"] = np.where(out["log_ratio"] > 0, "emerging", np.where(out["log_ratio"] < 0, "fading", "stable"))
    out = out[out["direction"] != "stable"]
    out["_key"] = np.where(out["direction"] == "emerging", -out["log_ratio"], out["log_ratio"])
    out["_side"] = (out["direction"] == "fading").astype(int)
    out = out.sort_values(["_side", "_key", "term"], kind="stable", ignore_index=True)[cols]
    out.attrs.update(min_count=int(min_count), min_docs=int(min_docs))
    return out


def first_appearance(trends: pd.DataFrame) -> pd.DataFrame:
    """When each concept is first and last used, its peak, and its pattern over the periods.

    pattern: "absent", "throughout" (every period), "appears later" (not in the first period),
    "fades" (not in the last), "appears later, fades", "intermittent" (gaps in between).
    Returns concept, first_period, last_period, peak_period, peak_per_1k, n_periods_with,
    n_periods, pattern; sorted by first use then concept (absent last). When the trends hold
    more than one language, each language's concepts are judged on its own periods, with a
    leading `language` column.
    Example: first_appearance(concept_trends(docs, concepts))
    """
    cols = ["concept", "first_period", "last_period", "peak_period", "peak_per_1k", "n_periods_with",
            "n_periods", "pattern"]
    if trends.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    parts = split_languages(trends)
    if len(parts) > 1:  # each language on its own periods; the language leads the table
        out = pd.concat([first_appearance(part.drop(columns="language")).assign(language=code)
                         for code, part in parts], ignore_index=True)
        return out[["language"] + cols]
    order = trends.drop_duplicates("period").sort_values("period_start")["period"].tolist()
    rank = {p: i for i, p in enumerate(order)}
    rows = []
    for concept, g in trends.groupby("concept", sort=True):
        g = g.assign(r=g["period"].map(rank)).sort_values("r")
        used = g[g["count"] > 0]
        if used.empty:
            rows.append((concept, "", "", "", 0.0, 0, len(order), "absent", len(order)))
            continue
        first, last = int(used["r"].min()), int(used["r"].max())
        peak = used.sort_values(["per_1k", "r"], ascending=[False, True]).iloc[0]
        if len(used) == len(order):
            pattern = "throughout"
        elif len(used) < last - first + 1:
            pattern = "intermittent"
        else:
            parts = (["appears later"] if first > 0 else []) + (["fades"] if last < len(order) - 1 else [])
            pattern = ", ".join(parts) or "throughout"
        rows.append((concept, order[first], order[last], peak["period"], float(peak["per_1k"]), len(used),
                     len(order), pattern, first))
    out = pd.DataFrame(rows, columns=cols + ["_first"])
    return out.sort_values(["_first", "concept"], kind="stable", ignore_index=True)[cols]

