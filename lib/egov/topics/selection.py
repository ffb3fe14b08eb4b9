"""Choosing and checking topics: the k sweep, stability, NMF/LDA matching, a shuffled baseline.

k is chosen from two scores per k and model: NPMI coherence of the top terms over the
passages (`egov.topics.coherence`; window: the passage, see `topics.WINDOW`) and stability, the agreement
of top-term rankings between a reference fit and fits on random 80% subsamples of the
passages (Greene, O'Callaghan & Cunningham 2014, "How many topics? Stability analysis
for topic models", ECML PKDD), each judged per model: NMF and LDA differ in how stable they
are, and averaging them lets the less stable model pull every k down. The rule (choose_k)
prefers the finest k that is both stable and coherent, where a k is stable when its stability
reaches STABLE_ENOUGH within its standard error over the subsamples (a difference smaller than
the estimate's own noise decides nothing; coherence then decides). The sweep runs on a seeded
sample of passages with lighter fits; the sweep table records what was done. The cached stage
that notebooks 03 and 04 share is `egov.topics.stage`.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from egov.topics import models as _topics
from egov.topics.coherence import window_index
from egov.topics.models import (MODELS, N_TERMS, WINDOW, PassageTerms, TopicModel, _as_terms, _fit, count_matrix,
                                fit_topics)

KS = (2, 3, 4, 5, 6, 7, 8, 10, 12)
# Subsample fits per k, per model: (up to SMALL sweep passages, above). NMF fits are cheap, so NMF gets 10 (5 above
# SMALL): with 2-3, stability at one k moved by 0.05-0.15 between subsample seeds on the evaluation corpus, as much as
# it differs between k (benchmarks/TOPICS.md). LDA's Gibbs fits cost about ten times as much as NMF's.
N_RUNS = {"nmf": (10, 5), "lda": (3, 2)}
SUBSAMPLE = 0.8  # share of passages in each subsample fit
MAX_PASSAGES = 1000  # the sweep and the baseline use a seeded sample of at most this many passages
STABLE_ENOUGH = 0.6  # a k is stable for a model when its stability reaches this within its standard error
TOLERANCE = 0.05  # when no k reaches STABLE_ENOUGH: k within this of the model's best stability count as stable
SMALL = 500  # up to this many sweep passages: N_RUNS[model][0] subsample runs, else N_RUNS[model][1]
# The sweep's fits are lighter than the final ones (the final fit is the one read): NMF stops at a
# looser tolerance, LDA runs fewer Gibbs sweeps. Measured on the evaluation corpus (benchmarks/TOPICS.md).
SWEEP_SETTINGS = {"nmf": {"max_iter": 200, "tol": 1e-3}, "lda": {"iterations": 100}}
# Final fits per model at the chosen k; the most coherent is kept (most_coherent_fit). NMF: its NNDSVDa start and
# four seeded random starts, about 0.1 s each on the evaluation corpus; LDA: one fit (a Gibbs fit costs ten times more).
FINAL_FITS = {"nmf": 5, "lda": 1}


def n_runs_for(n_sweep_passages: int, model: str) -> int:
    """Subsample fits per k for a model: N_RUNS[model][0] up to SMALL sweep passages, else N_RUNS[model][1]."""
    return N_RUNS[model][0 if n_sweep_passages <= SMALL else 1]


def sweep_settings(n_passages: int, model: str) -> dict:
    """Fit settings for the sweep and baseline: SWEEP_SETTINGS (lighter than the final fits)."""
    return dict(SWEEP_SETTINGS[model])


def average_jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Average Jaccard of two rankings over depths 1..n (Greene et al. 2014). 1 = same order.

    Example: average_jaccard(["a", "b"], ["b", "a"]) -> 0.5
    """
    n = min(len(a), len(b))
    if n == 0:
        return 0.0
    return float(np.mean([len(set(a[:d]) & set(b[:d])) / len(set(a[:d]) | set(b[:d])) for d in range(1, n + 1)]))


def ranking_agreement(a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> float:
    """Agreement of two sets of topic rankings: mean average-Jaccard after Hungarian matching.

    Example: ranking_agreement(nmf.top_terms(), lda.top_terms())
    """
    if len(a) == 0 or len(b) == 0:
        raise ValueError("ranking_agreement needs at least one topic on each side")
    sim = np.array([[average_jaccard(x, y) for y in b] for x in a])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].sum() / max(len(a), len(b)))


def sample_rows(n: int, max_passages: int | None, seed: int) -> np.ndarray:
    """Sorted positions of a seeded sample of at most max_passages out of n (all when None or n is small)."""
    if max_passages is None or n <= max_passages:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=max_passages, replace=False))


def sweep_k(
    passages: pd.DataFrame | PassageTerms, ks: Iterable[int] = KS, models: Sequence[str] = MODELS,
    seed: int = 42, n_runs: int | None = None, max_passages: int | None = MAX_PASSAGES,
    window: int | None = WINDOW, n_terms: int = N_TERMS,
) -> pd.DataFrame:
    """Score each k by coherence and stability, per model.

    For each k and model: a reference fit on the (sampled) passages and n_runs fits on
    seeded 80% subsamples (n_runs None: n_runs_for, per model; the same subsamples for every k;
    fit settings from sweep_settings; the sweep fits only topic-term weights).
    stability = mean ranking_agreement(reference, run), stability_sd its standard deviation over
    the runs; coherence = mean NPMI of the top n_terms over all fits. k larger than the smallest
    subsample or the vocabulary is skipped; none left raises ValueError.
    Returns k, model, coherence, coherence_sd, stability, stability_sd, stability_min, n_runs, window,
    n_sweep_passages, n_passages, fits ("light": SWEEP_SETTINGS);
    sorted by k, model.
    Example: sweep_k(pt, ks=range(2, 7), seed=42)
    """
    return _sweep(_as_terms(passages), ks, models, seed, n_runs, max_passages, window, n_terms)[0]


def _sweep(pt: PassageTerms, ks, models, seed, n_runs, max_passages, window, n_terms):
    """sweep_k's table and its reference fits {(model, k): TopicModel} (topic-term weights only)."""
    n = pt.counts.shape[0]
    rows = sample_rows(n, max_passages, seed)
    sp = pt.subset(rows)
    runs = {m: n_runs_for(len(rows), m) if n_runs is None else int(n_runs) for m in models}
    n_sub = int(np.floor(SUBSAMPLE * len(rows)))
    vocab_in_sample = int((sp.counts.getnnz(axis=0) > 0).sum())
    ks = sorted({int(k) for k in ks})
    feasible = [k for k in ks if 2 <= k <= min(n_sub, vocab_in_sample)]
    if not feasible:
        raise _topics.TooSmall(
            f"corpus too small to choose k among {ks}: {len(rows)} passages ({n_sub} per subsample) and "
            f"{vocab_in_sample} terms; need at least 2 of each per subsample"
        )
    index = window_index(sp.tokens, window)
    present = {w for doc in sp.tokens for w in doc}
    subsets = [sp.subset(np.sort(np.random.default_rng(seed + r).choice(len(rows), size=n_sub, replace=False)))
               for r in range(1, max(runs.values(), default=0) + 1)]  # the same subsamples for every k and model
    out, refs = [], {}
    for model in models:
        settings = sweep_settings(len(rows), model)
        for k in feasible:
            ref = _fit(sp, k, model, seed, settings, shares=False)
            refs[(model, k)] = ref
            fits = [ref] + [_fit(sub, k, model, seed + r, settings, shares=False)
                            for r, sub in enumerate(subsets[:runs[model]], start=1)]
            agreements = [ranking_agreement(ref.top_terms(n_terms), f.top_terms(n_terms)) for f in fits[1:]]
            tops = [[t for t in (_seen(top, present) for top in f.top_terms(n_terms)) if len(t) > 1] for f in fits]
            coh = index.npmi([t for top in tops for t in top])["coherence"].to_numpy()  # one query for all fits
            ends = np.cumsum([len(top) for top in tops])
            per_fit = [float(np.mean(c)) if len(c) else np.nan for c in np.split(coh, ends[:-1])]
            stab = ((float(np.mean(agreements)), float(np.std(agreements)), float(np.min(agreements))) if agreements
                    else (np.nan, np.nan, np.nan))
            out.append((k, model, float(np.mean(per_fit)), float(np.std(per_fit)), *stab, runs[model], window, len(rows),
                        n, "light"))
    cols = ["k", "model", "coherence", "coherence_sd", "stability", "stability_sd", "stability_min", "n_runs",
            "window", "n_sweep_passages", "n_passages", "fits"]
    return pd.DataFrame(out, columns=cols).sort_values(["k", "model"], ignore_index=True), refs


def most_coherent_fit(passages: pd.DataFrame | PassageTerms, k: int, model: str = "nmf", seed: int = 42,
                      n_fits: int | None = None, window: int | None = WINDOW, n_terms: int = N_TERMS) -> TopicModel:
    """The most coherent of n_fits final fits at one k: choose_k's tie-break between models of the same k.

    Fits (fit_topics, final settings): NMF from its NNDSVDa start, then from seeded random starts
    (seeds seed + 1, seed + 2, ...); LDA with seeds seed, seed + 1, ... (n_fits None: FINAL_FITS[model]).
    Kept: the highest mean NPMI of the top n_terms over the passages (ties: the earlier fit); its
    settings record "fits_tried" and "fit_coherence" (every fit's, in order).
    Example: tm = most_coherent_fit(pt, 8, "nmf", seed=42)
    """
    pt = _as_terms(passages)
    n_fits = FINAL_FITS[model] if n_fits is None else int(n_fits)
    if n_fits < 1:
        raise ValueError(f"n_fits must be at least 1, got {n_fits}")
    if model == "nmf":
        fits = [fit_topics(pt, k, model, seed)] + [fit_topics(pt, k, model, seed + i, init="random")
                                                   for i in range(1, n_fits)]
    else:
        fits = [fit_topics(pt, k, model, seed + i) for i in range(n_fits)]
    present = {w for doc in pt.tokens for w in doc}
    tops = [[t for t in (_seen(top, present) for top in tm.top_terms(n_terms)) if len(t) > 1] for tm in fits]
    index = window_index(pt.tokens, window, words={w for top in tops for t in top for w in t})
    scores = [round(float(index.npmi(top)["coherence"].mean()), 12) if top else float("-inf") for top in tops]
    best = fits[int(np.argmax(scores))]
    best.settings = {**best.settings, "fits_tried": n_fits, "fit_coherence": scores}
    return best


CHOICE_COLUMNS = ["model", "k", "stability", "coherence", "coherence_sd", "stable_ks", "coherent_ks", "rule",
                  "reason"]


def choose_k(sweep: pd.DataFrame, n_topics: int | None = None, stable_enough: float = STABLE_ENOUGH,
             tolerance: float = TOLERANCE) -> pd.DataFrame:
    """Pick k for each model from its own sweep rows: the finest k that is both stable and coherent.

    Per model: stable k reach stable_enough within their standard error, stability +
    stability_sd / sqrt(n_runs) >= stable_enough (without stability_sd and n_runs columns:
    stability >= stable_enough); if none does, those within `tolerance` of the model's best
    stability count, and the reason says to read the topics as sketches (is_stable is the test).
    Coherent k are the stable k whose coherence is within one standard deviation across fits
    (coherence_sd) of the most coherent stable k; the largest coherent k is chosen.
    `n_topics` overrides the rule for every model (the reason then says what the rule picks).
    Returns model, k, stability, coherence, coherence_sd, stable_ks, coherent_ks, rule
    ("finest stable and coherent", "sketch: none stable", or "set by n_topics"), reason; one row per model.
    Example: choose_k(sweep_k(pt)).set_index("model")["k"]
    """
    missing = [c for c in ("k", "model", "coherence", "coherence_sd", "stability") if c not in sweep.columns]
    if missing:
        raise ValueError(f"choose_k needs a sweep_k table; missing: {', '.join(missing)}")
    if len(sweep) == 0:  # no sweep (a corpus too small for a topic model): no choice
        return pd.DataFrame(columns=CHOICE_COLUMNS)
    if n_topics is not None and (not isinstance(n_topics, (int, np.integer)) or n_topics < 1):
        raise ValueError(f"n_topics must be a positive integer or None, got {n_topics!r}")
    rows = []
    for model, g in sweep.groupby("model", sort=False):
        g = g.set_index(g["k"].astype(int)).sort_index()
        best = g["stability"].max()
        reach = g["stability"] + stability_error(g)
        if np.isnan(best):
            stable, rule = g, "finest stable and coherent"
        elif reach.max() >= stable_enough:
            stable, rule = g[is_stable(g, stable_enough)], "finest stable and coherent"
        else:
            stable, rule = g[g["stability"] >= best - tolerance], "sketch: none stable"
        top = int(stable["coherence"].idxmax())
        noise = 0.0 if np.isnan(g.loc[top, "coherence_sd"]) else float(g.loc[top, "coherence_sd"])
        coherent = stable[stable["coherence"] >= stable.loc[top, "coherence"] - noise]
        k = int(coherent.index.max())
        reason = _reason(model, g, stable, coherent, k, top, noise, reach.max(), stable_enough, tolerance)
        if n_topics is not None:
            reason = f"{model.upper()}: k = {int(n_topics)} set by the n_topics parameter; the rule picks {reason}"
            k, rule = int(n_topics), "set by n_topics"
        at = g.loc[k] if k in g.index else pd.Series({"stability": np.nan, "coherence": np.nan, "coherence_sd": np.nan})
        rows.append((model, k, float(at["stability"]), float(at["coherence"]), float(at["coherence_sd"]),
                     ", ".join(map(str, stable.index)), ", ".join(map(str, coherent.index)), rule, reason))
    order = {m: i for i, m in enumerate(MODELS)}
    return pd.DataFrame(rows, columns=CHOICE_COLUMNS).sort_values(
        "model", key=lambda s: s.map(order).fillna(len(order)), kind="stable", ignore_index=True)


def stability_error(sweep: pd.DataFrame) -> pd.Series:
    """Standard error of each sweep row's stability, stability_sd / sqrt(n_runs); 0 without those columns.

    Example: stability_error(sweep_k(pt)) (aligned with the sweep's rows)
    """
    if "stability_sd" not in sweep.columns or "n_runs" not in sweep.columns:
        return pd.Series(0.0, index=sweep.index)
    runs = sweep["n_runs"].astype(float).where(sweep["n_runs"] > 0)
    return (sweep["stability_sd"].astype(float) / np.sqrt(runs)).fillna(0.0)


def is_stable(sweep: pd.DataFrame, stable_enough: float = STABLE_ENOUGH) -> pd.Series:
    """Whether each sweep row's k is stable by choose_k's test: stability + stability_error >= stable_enough.

    Example: sweep[is_stable(sweep)] (False where stability is NaN)
    """
    return (sweep["stability"] + stability_error(sweep)) >= stable_enough


def _reason(model, g, stable, coherent, k, top, noise, best, stable_enough, tolerance) -> str:
    """The sentence that explains choose_k's pick for one model, with the numbers behind it."""
    row = g.loc[k]
    text = f"{model.upper()} k = {k} (stability {row['stability']:.2f}, NPMI coherence {row['coherence']:.3f}): "
    ks = ", ".join(map(str, stable.index))
    if np.isnan(best):
        text += "no subsample runs, so every k counts as stable; "
    elif best >= stable_enough:
        text += f"stable (stability at least {stable_enough:g} within its standard error) at k = {ks}; "
    else:
        text += (f"no k reaches stability {stable_enough:g} within its standard error (best "
                 f"{g['stability'].max():.2f}), so the k within {tolerance:g} of the best count: k = {ks}; ")
    text += (f"of those, coherent (within one standard deviation across fits, {noise:.3f}, of the most coherent, "
             f"k = {top} at {g.loc[top, 'coherence']:.3f}): k = {', '.join(map(str, coherent.index))}; "
             f"the finest is k = {k}.")
    if len(g) > 2 and k == g.index.max():
        text += f" k = {k} is the largest k tried, so a finer grain might also hold."
    if not np.isnan(best) and best < stable_enough:
        text += " No k gives stable topics for this model: read its topics as sketches."
    return text


def match_topics(a: pd.DataFrame, b: pd.DataFrame, min_shared: int = 3) -> pd.DataFrame:
    """Pair the topics of two models by top-term overlap (Jaccard, Hungarian matching).

    `a`, `b`: topic_terms tables of one model each. A pair sharing at least `min_shared`
    top terms is found by both; other topics are found by one model only.
    Returns model_a, topic_a, label_a, model_b, topic_b, label_b, n_shared, jaccard,
    shared_terms, found_by; sorted by topic_a then topic_b.
    Example: match_topics(topic_terms(nmf), topic_terms(lda))
    """
    columns = ["model_a", "topic_a", "label_a", "model_b", "topic_b", "label_b", "n_shared", "jaccard",
               "shared_terms", "found_by"]
    for name, t in (("a", a), ("b", b)):
        missing = [c for c in ("model", "topic", "label", "term") if c not in t.columns]
        if missing:
            raise ValueError(f"match_topics: table {name} needs model, topic, label, term; "
                             f"missing: {', '.join(missing)}")
    if a.empty or b.empty:  # no model fitted: nothing to match
        return pd.DataFrame(columns=columns)
    ma, mb = a["model"].iloc[0], b["model"].iloc[0]
    sets_a = a.groupby("topic")["term"].agg(set)
    sets_b = b.groupby("topic")["term"].agg(set)
    la, lb = a.groupby("topic")["label"].first(), b.groupby("topic")["label"].first()
    jac = np.array([[len(x & y) / len(x | y) for y in sets_b] for x in sets_a])
    rows, cols = linear_sum_assignment(-jac)
    out, seen_a, seen_b = [], set(), set()
    for i, j in zip(rows, cols):
        ta, tb = sets_a.index[i], sets_b.index[j]
        shared = sets_a[ta] & sets_b[tb]
        if len(shared) >= min_shared:
            ordered = [t for t in a.loc[a["topic"] == ta, "term"] if t in shared]
            out.append((ma, ta, la[ta], mb, tb, lb[tb], len(shared), round(float(jac[i, j]), 6),
                        ", ".join(ordered), "both"))
            seen_a.add(ta)
            seen_b.add(tb)
    out += [(ma, t, la[t], mb, pd.NA, pd.NA, 0, 0.0, "", f"{ma} only") for t in sets_a.index if t not in seen_a]
    out += [(ma, pd.NA, pd.NA, mb, t, lb[t], 0, 0.0, "", f"{mb} only") for t in sets_b.index if t not in seen_b]
    table = pd.DataFrame(out, columns=columns).astype({"topic_a": "Int64", "topic_b": "Int64"})
    return table.sort_values(["topic_a", "topic_b"], na_position="last", ignore_index=True)


def shuffled_baseline(passages: pd.DataFrame | PassageTerms, seed: int = 42) -> PassageTerms:
    """The same passages with their words shuffled across passages (lengths and vocabulary kept).

    Returns a PassageTerms for fit_topics. Example: fit_topics(shuffled_baseline(pt, 42), 4)
    """
    pt = _as_terms(passages)
    lengths = np.array([len(t) for t in pt.tokens])
    pool = np.array([w for t in pt.tokens for w in t], dtype=object)
    pool = pool[np.random.default_rng(seed).permutation(len(pool))]
    tokens = [list(x) for x in np.split(pool, np.cumsum(lengths)[:-1])] if len(lengths) else []
    return PassageTerms(pt.passages, tokens, count_matrix(tokens, pt.vocab), pt.vocab, pt.min_df, pt.max_df)


def chosen_k(k: int | dict | pd.DataFrame, model: str) -> int:
    """One model's k from an int, a {model: k} dict or a choose_k table."""
    if isinstance(k, pd.DataFrame):
        return int(k.set_index("model").loc[model, "k"])
    return int(k[model]) if isinstance(k, dict) else int(k)


def baseline_coherence(
    passages: pd.DataFrame | PassageTerms, k: int | dict | pd.DataFrame, seed: int = 42,
    models: Sequence[str] = MODELS,
    max_passages: int | None = MAX_PASSAGES, window: int | None = WINDOW,
) -> pd.DataFrame:
    """Coherence of k topics on the passages vs on the same passages with words shuffled.

    `k`: one k, {model: k} or a choose_k table. Same (sampled) passages, models and settings (sweep_settings) on both; coherence over
    each model's own texts.
    Returns model, corpus ("passages" or "shuffled"), k, coherence (mean over topics),
    coherence_min, coherence_max, n_passages. Example: baseline_coherence(pt, 4, seed=42)
    """
    return _baseline(_as_terms(passages), k, seed, models, max_passages, window)


def _baseline(pt: PassageTerms, ks, seed: int, models, max_passages, window, refs: dict | None = None):
    """baseline_coherence; `refs` are the sweep's reference fits (the same fits on the real passages)."""
    sp = pt.subset(sample_rows(pt.counts.shape[0], max_passages, seed))
    out = []
    for corpus, data in (("passages", sp), ("shuffled", shuffled_baseline(sp, seed))):
        for model in models:
            k = chosen_k(ks, model)
            settings = sweep_settings(len(data.tokens), model)
            reuse = corpus == "passages" and refs is not None and (model, k) in refs
            tm = refs[(model, k)] if reuse else _fit(data, k, model, seed, settings, shares=False)
            present = {w for doc in data.tokens for w in doc}
            top = [_seen(t, present) for t in tm.top_terms()]
            index = window_index(data.tokens, window, words={w for t in top for w in t})
            coh = index.npmi([t for t in top if len(t) > 1])["coherence"]  # a one-term topic has no coherence
            out.append((model, corpus, k, coh.mean(), coh.min(), coh.max(), data.counts.shape[0]))
    cols = ["model", "corpus", "k", "coherence", "coherence_min", "coherence_max", "n_passages"]
    return pd.DataFrame(out, columns=cols).sort_values(["model", "corpus"], ignore_index=True)


def _seen(terms: list[str], present: set[str]) -> list[str]:
    """Top terms that occur in the texts coherence is counted on. LDA's topic-word prior gives
    every vocabulary term some weight, so a fit on a sample of passages can rank a term the
    sample never uses; such a term has no co-occurrence to count."""
    return [w for w in terms if w in present]
