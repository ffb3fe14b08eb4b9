"""Choosing and checking topics: the k sweep, stability, NMF/LDA matching, a shuffled baseline.

k is chosen from two scores per k and model: NPMI coherence of the top terms over the
passages (`egov.topics.coherence`; window: the passage, see `topics.WINDOW`) and stability, the agreement
of top-term rankings between a reference fit and fits on random 80% subsamples of the
passages (Greene, O'Callaghan & Cunningham 2014, "How many topics? Stability analysis
for topic models", ECML PKDD). At scale the sweep runs on a seeded sample of passages
with lighter fits; the sweep table records what was done. `topic_stage` runs the whole
stage once and keeps it in the on-disk cache (`egov.cache`), so notebooks 03 and 04 share it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from egov import cache
from egov.topics import models as _topics
from egov.topics.coherence import window_index
from egov.topics.models import (MODELS, N_TERMS, WINDOW, PassageTerms, TopicModel, _as_terms, _fit, count_matrix,
                         doc_topics, fit_topics, topic_summary, topic_terms)

KS = range(2, 9)
# subsample fits per k and model: 3 up to SMALL sweep passages, else 2. Each LDA fit of the sweep
# is 50 batch passes on a small corpus (fewer passes let the planted-topic test pick the wrong k),
# so the number of runs is what the sweep's cost is set by; 3 runs still pick the planted k.
N_RUNS_SMALL, N_RUNS_LARGE = 3, 2
SUBSAMPLE = 0.8  # share of passages in each subsample fit
MAX_PASSAGES = 1000  # the sweep and the baseline use a seeded sample of at most this many passages
TOLERANCE = 0.05  # k whose stability is within this of the best count as stable (about its run-to-run noise)
STABLE_ENOUGH = 0.6  # below this best stability the reasons warn that no k gives stable topics
SMALL = 500  # up to this many sweep passages: 10 runs and the final fit settings (cheap anyway)
# above it: lighter fits for the sweep and the baseline (online LDA, looser NMF tolerance)
SWEEP_SETTINGS = {"nmf": {"max_iter": 200, "tol": 1e-3},
                  "lda": {"learning_method": "online", "max_iter": 3, "batch_size": 128}}


def sweep_settings(n_passages: int, model: str) -> dict:
    """Fit settings for the sweep and baseline: final settings up to SMALL passages, else SWEEP_SETTINGS."""
    return {} if n_passages <= SMALL else dict(SWEEP_SETTINGS[model])


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
    seeded 80% subsamples (n_runs None: N_RUNS_SMALL up to SMALL passages, else N_RUNS_LARGE;
    fit settings from sweep_settings; the sweep fits only topic-term weights). stability = mean ranking_agreement(reference, run); coherence = mean
    NPMI of the top n_terms over all fits. k larger than the smallest subsample or the
    vocabulary is skipped; none left raises ValueError.
    Returns k, model, coherence, coherence_sd, stability, stability_min, n_runs, window,
    n_sweep_passages, n_passages, fits ("final" settings or "light" SWEEP_SETTINGS);
    sorted by k, model.
    Example: sweep_k(pt, ks=range(2, 7), seed=42)
    """
    return _sweep(_as_terms(passages), ks, models, seed, n_runs, max_passages, window, n_terms)[0]


def _sweep(pt: PassageTerms, ks, models, seed, n_runs, max_passages, window, n_terms):
    """sweep_k's table and its reference fits {(model, k): TopicModel} (topic-term weights only)."""
    n = pt.counts.shape[0]
    rows = sample_rows(n, max_passages, seed)
    sp = pt.subset(rows)
    if n_runs is None:
        n_runs = N_RUNS_SMALL if len(rows) <= SMALL else N_RUNS_LARGE
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
               for r in range(1, n_runs + 1)]  # the same subsamples for every k and model
    out, refs = [], {}
    for model in models:
        settings = sweep_settings(len(rows), model)
        for k in feasible:
            ref = _fit(sp, k, model, seed, settings, shares=False)
            refs[(model, k)] = ref
            fits = [ref] + [_fit(sub, k, model, seed + r, settings, shares=False)
                            for r, sub in enumerate(subsets, start=1)]
            agreements = [ranking_agreement(ref.top_terms(n_terms), f.top_terms(n_terms)) for f in fits[1:]]
            tops = [[t for t in (_seen(top, present) for top in f.top_terms(n_terms)) if len(t) > 1] for f in fits]
            coh = index.npmi([t for top in tops for t in top])["coherence"].to_numpy()  # one query for all fits
            ends = np.cumsum([len(top) for top in tops])
            per_fit = [float(np.mean(c)) if len(c) else np.nan for c in np.split(coh, ends[:-1])]
            stab = (float(np.mean(agreements)), float(np.min(agreements))) if agreements else (np.nan, np.nan)
            out.append((k, model, float(np.mean(per_fit)), float(np.std(per_fit)), *stab, n_runs, window, len(rows),
                        n, "final" if not settings else "light"))
    cols = ["k", "model", "coherence", "coherence_sd", "stability", "stability_min", "n_runs", "window",
            "n_sweep_passages", "n_passages", "fits"]
    return pd.DataFrame(out, columns=cols).sort_values(["k", "model"], ignore_index=True), refs


def choose_k(sweep: pd.DataFrame, n_topics: int | None = None, tolerance: float = TOLERANCE) -> tuple[int, str]:
    """Pick k from a sweep: the smallest stable k about as coherent as the most coherent one.

    Rule: average coherence and stability over models per k; k whose stability is within
    `tolerance` of the best are stable; among them take the smallest k whose coherence is
    within one standard deviation across fits (coherence_sd) of the most coherent. The
    reasons warn when k is at an end of the range or when even the best stability is below
    STABLE_ENOUGH. `n_topics` overrides the rule (the reasons then say what the rule picks).
    Returns (k, reasons). Example: k, why = choose_k(sweep_k(pt))
    """
    missing = [c for c in ("k", "model", "coherence", "coherence_sd", "stability") if c not in sweep.columns]
    if missing or len(sweep) == 0:
        raise ValueError(f"choose_k needs a sweep_k table; missing: {', '.join(missing) or 'rows'}")
    if n_topics is not None and (not isinstance(n_topics, (int, np.integer)) or n_topics < 1):
        raise ValueError(f"n_topics must be a positive integer or None, got {n_topics!r}")
    by_k = sweep.groupby("k")[["coherence", "coherence_sd", "stability"]].mean().sort_index()
    by_k.index = by_k.index.astype(int)
    best = by_k["stability"].max()
    stable = by_k if np.isnan(best) else by_k[by_k["stability"] >= best - tolerance]
    top = int(stable["coherence"].idxmax())
    noise = 0.0 if np.isnan(by_k.loc[top, "coherence_sd"]) else float(by_k.loc[top, "coherence_sd"])
    k = int(stable.index[stable["coherence"] >= stable["coherence"].max() - noise].min())
    reasons = _reasons(by_k, stable, k, top, noise, best, tolerance, sweep["model"].nunique())
    if n_topics is not None:
        return int(n_topics), f"k = {int(n_topics)} set by the n_topics parameter; the sweep's rule picks {reasons}"
    return k, reasons


def _reasons(by_k, stable, k, top, noise, best, tolerance, n_models) -> str:
    """The sentence that explains choose_k's pick, with the numbers behind it."""
    row = by_k.loc[k]
    text = (f"k = {k}: stability {row['stability']:.2f} and NPMI coherence {row['coherence']:.3f} "
            f"(means over {n_models} models); ")
    if np.isnan(best):
        text += "no subsample runs, so every k counts as stable; "
    else:
        text += (f"stable k (stability within {tolerance:g} of the best, {best:.2f}): "
                 + ", ".join(str(i) for i in stable.index) + "; ")
    text += (f"k = {k} is the most coherent of them" if k == top else
             f"k = {k} is the smallest of them within one standard deviation across fits ({noise:.3f}) of "
             f"the most coherent, k = {top} ({by_k.loc[top, 'coherence']:.3f})")
    others = stable.drop(index=list({k, top}))
    if len(others):
        text += (f"; next most coherent stable k = {int(others['coherence'].idxmax())} "
                 f"({others['coherence'].max():.3f})")
    unstable = by_k.drop(index=stable.index)
    if len(unstable):
        text += "; left out as unstable: " + ", ".join(f"k = {i} ({s:.2f})" for i, s in unstable["stability"].items())
    text += "."
    if len(by_k) > 2 and k in (by_k.index.min(), by_k.index.max()):
        text += f" k = {k} is the {'largest' if k == by_k.index.max() else 'smallest'} k tried, so a wider range " \
                "might score better."
    if not np.isnan(best) and best < STABLE_ENOUGH:
        text += (f" No k gives stable topics (best stability {best:.2f}, below {STABLE_ENOUGH:g}): "
                 "read the topics as sketches.")
    return text


def match_topics(a: pd.DataFrame, b: pd.DataFrame, min_shared: int = 3) -> pd.DataFrame:
    """Pair the topics of two models by top-term overlap (Jaccard, Hungarian matching).

    `a`, `b`: topic_terms tables of one model each. A pair sharing at least `min_shared`
    top terms is found by both; other topics are found by one model only.
    Returns model_a, topic_a, label_a, model_b, topic_b, label_b, n_shared, jaccard,
    shared_terms, found_by; sorted by topic_a then topic_b.
    Example: match_topics(topic_terms(nmf), topic_terms(lda))
    """
    for name, t in (("a", a), ("b", b)):
        missing = [c for c in ("model", "topic", "label", "term") if c not in t.columns]
        if missing or len(t) == 0:
            raise ValueError(f"match_topics: table {name} needs model, topic, label, term; "
                             f"missing: {', '.join(missing) or 'rows'}")
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
    cols = ["model_a", "topic_a", "label_a", "model_b", "topic_b", "label_b", "n_shared", "jaccard", "shared_terms",
            "found_by"]
    table = pd.DataFrame(out, columns=cols).astype({"topic_a": "Int64", "topic_b": "Int64"})
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


def baseline_coherence(
    passages: pd.DataFrame | PassageTerms, k: int, seed: int = 42, models: Sequence[str] = MODELS,
    max_passages: int | None = MAX_PASSAGES, window: int | None = WINDOW,
) -> pd.DataFrame:
    """Coherence of k topics on the passages vs on the same passages with words shuffled.

    Same (sampled) passages, models and settings (sweep_settings) on both; coherence over
    each model's own texts.
    Returns model, corpus ("passages" or "shuffled"), k, coherence (mean over topics),
    coherence_min, coherence_max, n_passages. Example: baseline_coherence(pt, 4, seed=42)
    """
    return _baseline(_as_terms(passages), k, seed, models, max_passages, window)


def _baseline(pt: PassageTerms, k: int, seed: int, models, max_passages, window, refs: dict | None = None):
    """baseline_coherence; `refs` are the sweep's reference fits (the same fits on the real passages)."""
    sp = pt.subset(sample_rows(pt.counts.shape[0], max_passages, seed))
    out = []
    for corpus, data in (("passages", sp), ("shuffled", shuffled_baseline(sp, seed))):
        for model in models:
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


@dataclass
class TopicStage:
    """Everything the topic notebook, the timeline and the build export, from one call."""

    terms: PassageTerms
    sweep: pd.DataFrame
    k: int
    reasons: str
    models: dict[str, TopicModel]
    topics: pd.DataFrame  # model, topic, label, rank, term, weight
    doc_topics: pd.DataFrame  # model, doc_id, topic, share
    summary: pd.DataFrame  # model, topic, label, share, coherence, top_terms
    matches: pd.DataFrame
    baseline: pd.DataFrame
    reason: str = ""  # why there is no model (the corpus is too small), else ""

    @property
    def fitted(self) -> bool:
        """Whether models were fitted (False for a corpus too small for a topic model)."""
        return bool(self.models)


def stage_settings() -> dict:
    """Every module-level setting the topic stage's result depends on (part of its cache key)."""
    import sklearn

    return {
        "topics": {name: getattr(_topics, name) for name in ("MIN_DF", "MAX_DF", "N_TERMS", "WINDOW", "NMF_PARAMS",
                                                              "LDA_PARAMS", "ONLINE_FROM", "LDA_ONLINE", "MIN_UPDATES")},
        "selection": {"N_RUNS": (N_RUNS_SMALL, N_RUNS_LARGE), "SUBSAMPLE": SUBSAMPLE, "SMALL": SMALL,
                      "SWEEP_SETTINGS": SWEEP_SETTINGS, "TOLERANCE": TOLERANCE, "STABLE_ENOUGH": STABLE_ENOUGH},
        "versions": (sklearn.__version__, np.__version__, pd.__version__),
    }


def _content_hash(passages: pd.DataFrame | PassageTerms) -> str:
    """Hash of the passages (ids, lengths, texts) or, for a PassageTerms, also of its tokens and vocabulary."""
    table = passages.passages if isinstance(passages, PassageTerms) else passages
    parts = [str(list(table.columns))]
    for col in ("doc_id", "passage_id", "n_words", "text"):
        if col in table.columns:
            parts.append(cache.texts_fingerprint([str(v) for v in table[col]]))
    if isinstance(passages, PassageTerms):
        parts += [cache.texts_fingerprint([" ".join(t) for t in passages.tokens]),
                  cache.texts_fingerprint(list(passages.vocab)), repr((passages.min_df, passages.max_df))]
    return cache.texts_fingerprint(parts)


def topic_stage(
    passages: pd.DataFrame | PassageTerms, n_topics: int | None = None, seed: int = 42, ks: Iterable[int] = KS,
    n_runs: int | None = None, max_passages: int | None = MAX_PASSAGES,
) -> TopicStage:
    """The whole topic stage: sweep, choose k, fit NMF and LDA, tables, matches, baseline.

    The result is kept in the on-disk cache (egov.cache; always within `egov build`) under
    a key of the passages' content, the arguments, every setting (stage_settings) and the
    egov code, so notebook 04 reuses notebook 03's stage; a cached result equals a fresh one.
    Example: stage = topic_stage(passages(docs), seed=42); stage.topics.head()
    """
    ks = tuple(sorted({int(k) for k in ks}))
    n = len(passages.passages if isinstance(passages, PassageTerms) else passages)
    key = cache.make_key("topic_stage", _content_hash(passages), n_topics, seed, ks, n_runs, max_passages,
                         stage_settings())
    return cache.cached(key, cache.cache_dir(n), lambda: _stage_or_reason(passages, n_topics, seed, ks, n_runs, max_passages))


STAGE_COLUMNS = {
    "sweep": ["k", "model", "coherence", "coherence_sd", "stability", "stability_min", "n_runs", "window",
              "n_sweep_passages", "n_passages", "fits"],
    "topics": ["model", "topic", "label", "rank", "term", "weight"],
    "doc_topics": ["model", "doc_id", "topic", "share"],
    "summary": ["model", "topic", "label", "share", "coherence", "top_terms"],
    "matches": ["model_a", "topic_a", "label_a", "model_b", "topic_b", "label_b", "n_shared", "shared_terms", "found_by"],
    "baseline": ["model", "corpus", "coherence", "coherence_min", "coherence_max", "n_passages"],
}


def _stage_or_reason(passages, n_topics, seed, ks, n_runs, max_passages) -> TopicStage:
    """The stage, or an empty one whose `reason` says why the corpus is too small for a topic model."""
    try:
        return _topic_stage(_as_terms(passages), n_topics, seed, ks, n_runs, max_passages)
    except _topics.TooSmall as err:
        empty = {name: pd.DataFrame(columns=cols) for name, cols in STAGE_COLUMNS.items()}
        return TopicStage(terms=None, k=0, reasons=f"no topic model: {err}", models={}, reason=str(err), **empty)


def _seen(terms: list[str], present: set[str]) -> list[str]:
    """Top terms that occur in the texts coherence is counted on. LDA's topic-word prior gives
    every vocabulary term some weight, so a fit on a sample of passages can rank a term the
    sample never uses; such a term has no co-occurrence to count."""
    return [w for w in terms if w in present]


def _topic_stage(pt: PassageTerms, n_topics, seed, ks, n_runs, max_passages) -> TopicStage:
    """topic_stage without the cache."""
    sweep, refs = _sweep(pt, ks, MODELS, seed, n_runs, max_passages, WINDOW, N_TERMS)
    k, reasons = choose_k(sweep, n_topics)
    models = {m: fit_topics(pt, k, m, seed) for m in MODELS}
    tables = {m: topic_terms(tm) for m, tm in models.items()}
    return TopicStage(
        terms=pt, sweep=sweep, k=k, reasons=reasons, models=models,
        topics=pd.concat(tables.values(), ignore_index=True),
        doc_topics=pd.concat([doc_topics(tm) for tm in models.values()], ignore_index=True),
        summary=pd.concat([topic_summary(tm) for tm in models.values()], ignore_index=True),
        matches=match_topics(tables["nmf"], tables["lda"]),
        baseline=_baseline(pt, k, seed, MODELS, max_passages, WINDOW, refs),
    )
