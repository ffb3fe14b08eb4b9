"""Topics at scale: the final models are fitted on a period-stratified sample of passages and every
passage's topic shares are inferred from them, in batches that run serially or on `egov.engine`.

Up to MAX_FIT_PASSAGES passages every passage is fitted, exactly as before (the sample corpus and
the tests are unchanged). Above it, a seeded sample of MAX_FIT_PASSAGES passages is drawn per period
(the year of the article's `date`, or a `period` column when the passages carry one): each period
first keeps min(its passages, MIN_PER_PERIOD), so a thin year is represented, and the rest of the
sample is spread over the periods in proportion to their remaining passages (largest remainders,
ties to the earlier period), so beyond the floor every passage has the same chance.

The stage's final fits (`selection.most_coherent_fit`: the most coherent of a few seeded fits, its
coherence counted on the sample) run on the sample. Every passage is then given its shares: NMF
transforms its TF-IDF (idf from the sample) with the fitted topic-term weights; LDA folds it in
under the fitted topics (`lda.fold_in`, INFER_ITERATIONS deterministic steps). tomotopy's own
seeded inference gives the same shares whatever the batch too, but costs about 1.5 ms per passage
however few its sweeps (on 71,000 synthetic passages: 105-117 s at 10 to 50 sweeps, against 34 s
for a 50-sweep fit of them all), while folding in took 8-13 s for 20-50 steps, with the same error
against the planted shares as the full Gibbs fit (0.023 and 0.022 mean absolute error). Batches are
INFER_BATCH passages whatever the engine, so the shares are the same byte for byte serially, in
worker processes or on Dask.
"""
from __future__ import annotations

import copy
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from threadpoolctl import threadpool_limits

from egov import engine as _engine
from egov.topics import lda as _lda
from egov.topics.models import TFIDF_PARAMS, PassageTerms, TopicModel, _normalise_rows, _topic_model, fit_topics

MAX_FIT_PASSAGES = 20_000  # above this many passages the final fits run on a stratified sample of this size
MIN_PER_PERIOD = 500  # each period keeps at least this many passages in the sample (all it has, if fewer)
INFER_BATCH = 10_000  # passages per inference batch (fixed, so the shares never depend on the engine)
# engine "auto": worker processes from this many passages. Below it they cost more than they save: at 71,169
# passages (10,000 benchmark articles, 2 shared cores) NMF took 2.7 s serially and 6.9 s in processes, LDA 13.7 s
# and 25.4 s (fit on the sample included; benchmarks/bench_topics_scale.py)
INFER_PARALLEL_MIN = 100_000
# fold-in steps of LDA inference. On 10,000 benchmark articles (71,169 passages, k = 8) the largest change of any
# passage's share against 100 steps was 0.17 after 20 steps, 0.10 after 30 and 0.03 after 50, below the sampling
# noise of a Gibbs estimate of a 40-token passage's shares (about 0.07); benchmarks/bench_topics_scale.py
INFER_ITERATIONS = 50
UNDATED, ALL = "undated", "all"
SAMPLE_COLUMNS = ["period", "n_passages", "n_fitted"]


def passage_periods(passages: pd.DataFrame) -> pd.Series:
    """Each passage's stratum: its `period` column, else the year of its `date` ("undated" without one),
    else "all" (one stratum). Example: passage_periods(passages(docs)).value_counts()
    """
    if "period" in passages.columns:
        return passages["period"].astype(str).reset_index(drop=True)
    if "date" in passages.columns:
        years = pd.to_datetime(passages["date"]).dt.year
        return years.map(lambda y: UNDATED if pd.isna(y) else str(int(y))).astype(str).reset_index(drop=True)
    return pd.Series([ALL] * len(passages), dtype=str)


def allocate(sizes: pd.Series, total: int, floor: int = MIN_PER_PERIOD) -> pd.Series:
    """How many of each period's passages a sample of `total` takes: min(size, floor) each (the floor is
    lowered to total // periods when the floors alone would pass total), the rest in proportion to the
    passages left (largest remainders, ties to the earlier period). All of them when total >= their sum.

    `sizes`: passages per period, in period order. Example: allocate(pd.Series({"2019": 900, "2020": 100}), 300, 50)
    """
    sizes = sizes.astype("int64")
    if total >= int(sizes.sum()):
        return sizes.copy()
    if total < 0 or floor < 0:
        raise ValueError(f"allocate needs total >= 0 and floor >= 0, got total={total}, floor={floor}")
    base = np.minimum(sizes.to_numpy(), min(floor, total // max(len(sizes), 1)))
    left = sizes.to_numpy() - base
    rest = total - int(base.sum())
    quota = rest * left // left.sum()
    remainder = rest * left - quota * left.sum()
    extra = rest - int(quota.sum())
    order = np.lexsort((np.arange(len(sizes)), -remainder))  # largest remainder first, then period order
    quota[order[:extra]] += 1
    return pd.Series(base + quota, index=sizes.index, dtype="int64")


def stratified_sample(passages: pd.DataFrame, max_passages: int | None = MAX_FIT_PASSAGES, seed: int = 42,
                      floor: int = MIN_PER_PERIOD) -> np.ndarray:
    """Sorted row positions of a seeded period-stratified sample of at most max_passages passages
    (allocate per passage_periods); every row when there are no more than max_passages (or it is None).

    Example: rows = stratified_sample(pt.passages, 20_000, seed=42)
    """
    n = len(passages)
    if max_passages is None or n <= max_passages:
        return np.arange(n)
    periods = passage_periods(passages).to_numpy()
    names, codes = np.unique(periods, return_inverse=True)
    quota = allocate(pd.Series(np.bincount(codes, minlength=len(names)), index=names), max_passages, floor)
    rng = np.random.default_rng(seed)
    rows = [rng.choice(np.flatnonzero(codes == i), size=int(q), replace=False) for i, q in enumerate(quota)]
    return np.sort(np.concatenate(rows))


def sample_table(passages: pd.DataFrame, max_passages: int | None = MAX_FIT_PASSAGES,
                 floor: int = MIN_PER_PERIOD) -> pd.DataFrame:
    """Passages per period and how many of them the final fits use (the rest are only inferred).

    Returns period, n_passages, n_fitted; one row per period, sorted by period.
    Example: sample_table(stage.terms.passages)
    """
    counts = passage_periods(passages).value_counts().sort_index()
    total = len(passages) if max_passages is None else max_passages
    fitted = allocate(counts, total, floor)
    return pd.DataFrame({"period": counts.index.astype(str), "n_passages": counts.to_numpy(dtype="int64"),
                         "n_fitted": fitted.to_numpy(dtype="int64")}, columns=SAMPLE_COLUMNS)


def fit_sampled(pt: PassageTerms, k: int, model: str = "nmf", seed: int = 42,
                max_passages: int | None = MAX_FIT_PASSAGES, engine: str | None = None,
                fit: Callable[[PassageTerms, int, str, int], TopicModel] = fit_topics) -> TopicModel:
    """The final fit at scale: fit(passages, k, model, seed) (fit_topics, or e.g. selection.most_coherent_fit)
    on all passages up to max_passages; above, on a stratified sample, with every passage's shares inferred
    in batches (engine: "serial", "processes" or "dask"; None: $EGOV_ENGINE) and topics numbered by their
    share of all passages.

    settings gain n_fitted (passages the model was fitted on) and n_inferred (passages whose shares were
    inferred, 0 when all were fitted). Example: tm = fit_sampled(pt, 6, "lda", seed=42)
    """
    n = pt.counts.shape[0]
    rows = stratified_sample(pt.passages, max_passages, seed, MIN_PER_PERIOD)
    if len(rows) == n:
        tm = fit(pt, k, model, seed)
        tm.settings = {**tm.settings, "n_fitted": n, "n_inferred": 0}
        return tm
    sample = pt.subset(rows)
    tm = fit(sample, k, model, seed)
    if model == "nmf":  # the NMF with its components in the fitted model's topic order
        nmf = copy.copy(tm.estimator)
        nmf.components_ = tm.estimator.components_[_component_order(tm)]
        fitted = (nmf, TfidfTransformer(**TFIDF_PARAMS).fit(sample.counts))
    else:
        fitted = (tm.topic_term, tm.settings["alpha"], INFER_ITERATIONS)
    batches = [(model, fitted, pt.counts[i:i + INFER_BATCH]) for i in range(0, n, INFER_BATCH)]
    name = engine or _engine.resolve(n, INFER_PARALLEL_MIN)
    theta = np.vstack(list(_engine.map_batches(infer_batch, batches, name)))
    params = {**tm.settings, "n_fitted": len(rows), "n_inferred": n}
    if model == "lda":
        params["infer_iterations"] = INFER_ITERATIONS
    return _topic_model(model, k, tm.seed, tm.estimator, pt, tm.topic_term, theta, None, params)


def _component_order(tm: TopicModel) -> list[int]:
    """The NMF components (rows of tm.estimator.components_) in the order of tm's topics."""
    raw = _normalise_rows(tm.estimator.components_)
    order: list[int] = []
    for row in tm.topic_term:
        order.append(next(j for j in range(len(raw)) if j not in order and np.array_equal(raw[j], row)))
    return order


def infer_batch(model: str, fitted: tuple, counts) -> np.ndarray:
    """Topic weights of one batch of passages (rows of the count matrix), in the batch's order: NMF's
    transform of their TF-IDF (fitted: the NMF and the TF-IDF transformer) or LDA's fold-in (fitted:
    topic-term probabilities, alpha, steps)."""
    if model == "nmf":
        nmf, tfidf = fitted
        with warnings.catch_warnings(), threadpool_limits(limits=1):
            warnings.simplefilter("ignore", ConvergenceWarning)
            return nmf.transform(tfidf.transform(counts))
    beta, alpha, iterations = fitted
    return _lda.fold_in(beta, counts, alpha, iterations)
