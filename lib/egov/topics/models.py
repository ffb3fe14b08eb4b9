"""Topic models on passages: NMF on TF-IDF (scikit-learn) and LDA on counts (tomotopy), seeded.

The unit is the passage (see `egov.topics.split`): a few articles are too few documents
for a topic model. Both models share one vocabulary (`egov.topics.vocab`): lemmas without
stopwords, outlet names or page furniture, with strong collocations joined into one term
("health code"); terms kept when in at least `min_df` passages and at most `max_df` of them.
LDA is fitted by collapsed Gibbs sampling (`egov.topics.lda`). Topics are numbered from 1
in order of their share of the corpus. Choosing k, stability, NMF/LDA matching and the
shuffled baseline: `egov.topics.selection`.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from threadpoolctl import threadpool_limits

from egov.topics import lda as _lda
from egov.topics.coherence import window_index

MIN_DF = 2  # a term must occur in at least 2 passages
# ... and in at most half of them (drops "government"-like ubiquitous terms). Lower caps (0.2-0.35) raised NPMI on
# the evaluation corpus but emptied the planted-topic corpus, whose theme words are each in about 40% of passages:
# a theme that covers much of a corpus would lose its own words. Broad terms are ranked down by RELEVANCE instead.
MAX_DF = 0.5
N_TERMS = 10  # top terms per topic for labels, coherence, stability and matching
# Top terms are ranked by relevance (Sievert & Shirley 2014, "LDAvis", ACL workshop on interactive language
# learning): lambda * log p(term | topic) + (1 - lambda) * log(p(term | topic) / p(term)). With lambda < 1 a
# term frequent everywhere ranks below one that is frequent in this topic; 0.7 on the evaluation corpus.
RELEVANCE = 0.7
# Coherence window: the passage itself (document co-occurrence; gensim c_npmi with a window
# longer than any passage). With tens of passages a 10-token window leaves most pairs unseen.
WINDOW = None
NMF_PARAMS = {"init": "nndsvda", "solver": "cd", "max_iter": 400, "tol": 1e-4}
# NMF factorizes TF-IDF with sublinear term frequency, 1 + log(tf) (Manning, Raghavan & Schütze 2008, 6.4.1): a word
# repeated within one passage counts less than a word spread over passages. On the evaluation corpus this raised the
# mean NPMI of NMF's topics over k = 5-12 from 0.18 to 0.22 (benchmarks/TOPICS.md).
TFIDF_PARAMS = {"sublinear_tf": True}
# LDA: collapsed Gibbs sampling, ITERATIONS sweeps (fewer on large corpora: lda.iterations_for)
LDA_PARAMS = {"iterations": _lda.ITERATIONS, "alpha": _lda.ALPHA, "eta": _lda.ETA}
MODELS = ("nmf", "lda")


class TooSmall(ValueError):
    """The corpus is too small for a topic model (too few passages or terms): a fact about the data, not a bug."""


@dataclass
class PassageTerms:
    """Passages with their tokens and a passages x terms count matrix (shared by both models)."""

    passages: pd.DataFrame  # doc_id, passage_id, n_words, (text)
    tokens: list[list[str]]
    counts: sparse.csr_matrix
    vocab: list[str]
    min_df: int | float = MIN_DF
    max_df: int | float = MAX_DF
    phrases: pd.DataFrame | None = None  # the collocations joined into one term and kept: phrase, count, llr, pmi
    reason: str = ""  # why these passages are too small for a topic model (then there are none), else ""

    def subset(self, rows: np.ndarray) -> PassageTerms:
        """The same vocabulary on a subset of passages (row positions)."""
        rows = np.asarray(rows)
        return PassageTerms(
            self.passages.iloc[rows].reset_index(drop=True),
            [self.tokens[i] for i in rows],
            self.counts[rows],
            self.vocab,
            self.min_df,
            self.max_df,
            self.phrases,
        )


@dataclass
class TopicModel:
    """A fitted model: topic_term (k x terms) and passage_topic (passages x k) rows sum to 1."""

    model: str
    k: int
    seed: int
    estimator: object
    terms: PassageTerms
    topic_term: np.ndarray
    passage_topic: np.ndarray
    settings: dict = field(default_factory=dict)

    def relevance(self, lam: float = RELEVANCE) -> np.ndarray:
        """k x terms relevance of each term to each topic (Sievert & Shirley 2014); -inf where the weight is 0."""
        total = np.asarray(self.terms.counts.sum(axis=0), dtype=np.float64).ravel()
        p_term = total / max(total.sum(), 1.0)
        ok = (self.topic_term > 0) & (p_term > 0)
        out = np.full(self.topic_term.shape, -np.inf)
        phi = self.topic_term[ok]
        out[ok] = lam * np.log(phi) + (1 - lam) * np.log(phi / np.broadcast_to(p_term, ok.shape)[ok])
        return out

    def top_terms(self, n: int = N_TERMS) -> list[list[str]]:
        """Each topic's n most relevant terms (positive weights only), best first (ties: vocabulary order)."""
        rel = self.relevance()
        order = np.argsort(-rel, axis=1, kind="stable")[:, :n]
        return [[self.terms.vocab[j] for j in row if np.isfinite(rel[t, j])] for t, row in enumerate(order)]


def count_matrix(tokens: list[list[str]], vocab: list[str]) -> sparse.csr_matrix:
    """Passages x vocab counts of the given tokens (tokens outside vocab are ignored)."""
    index = {w: i for i, w in enumerate(vocab)}
    ids = [[index[w] for w in t if w in index] for t in tokens]
    indptr = np.r_[0, np.cumsum([len(i) for i in ids])]
    data = np.ones(indptr[-1], dtype=np.int64)
    m = sparse.csr_matrix((data, np.fromiter((j for i in ids for j in i), np.int64, indptr[-1]), indptr),
                          shape=(len(tokens), len(vocab)))
    m.sum_duplicates()
    return m


def passage_terms(
    passages: pd.DataFrame, *, min_df: int | float = MIN_DF, max_df: int | float = MAX_DF,
    tokens: list[list[str]] | None = None, phrases: bool = True,
) -> PassageTerms:
    """Tokenize passages (`egov.topics.vocab`) and count the terms both models use.

    Returns a PassageTerms (passages, tokens, counts, vocab, phrases). Tokens: lemmas without
    stopwords, outlet names or page furniture; with `phrases`, strong collocations as one term.
    Example: pt = passage_terms(passages(docs), min_df=2, max_df=0.5)
    """
    from egov import terms  # the shared tokenizer: lemmas and stopwords come from one place
    from egov.topics.vocab import PHRASE_COLUMNS, topic_tokens

    missing = [c for c in ("doc_id", "passage_id", "text", "n_words") if c not in passages.columns]
    if missing:
        raise ValueError(f"passages need columns doc_id, passage_id, text, n_words; missing: {', '.join(missing)}")
    if len(passages) == 0:
        raise TooSmall("no passages: the corpus is empty")
    passages = passages.sort_values("passage_id").reset_index(drop=True)
    frame = pd.DataFrame({"doc_id": passages["passage_id"], "text": passages["text"]})  # one row per passage
    if "language" in passages.columns:  # each passage with its article's word rules (egov.lang)
        frame["language"] = passages["language"].to_numpy()
    table = pd.DataFrame(columns=PHRASE_COLUMNS)
    if tokens is None:
        tokens, table = topic_tokens(passages, phrases=phrases)
    n = len(passages)
    # a min_df above the number of passages would leave nothing: cap it (stated in the vocabulary filter)
    eff_min_df = min(min_df, n) if isinstance(min_df, int) else min_df
    eff_max_df = max_df if isinstance(max_df, float) or max_df >= eff_min_df else eff_min_df
    if isinstance(eff_max_df, float) and eff_max_df * n < eff_min_df:
        eff_max_df = 1.0
    counts, vocab, ids = terms.document_term_matrix(
        frame, ngram_range=(1, 1), min_df=eff_min_df, max_df=eff_max_df, tokens=pd.Series(tokens)
    )
    if list(ids) != list(passages["passage_id"]):
        raise ValueError("document_term_matrix returned rows in another order than the passages")
    return PassageTerms(passages, tokens, sparse.csr_matrix(counts), list(vocab), eff_min_df, eff_max_df,
                        table[table["phrase"].isin(set(vocab))].reset_index(drop=True))


def _as_terms(passages: pd.DataFrame | PassageTerms) -> PassageTerms:
    return passages if isinstance(passages, PassageTerms) else passage_terms(passages)


def check_k(pt: PassageTerms, k: int) -> None:
    """Raise ValueError when k topics cannot be fitted on these passages."""
    n, v = pt.counts.shape
    if not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    if k > n:
        raise TooSmall(f"corpus too small for k={k} topics: only {n} passages (need at least k)")
    if v < max(k, 2):
        raise TooSmall(
            f"vocabulary too small for k={k} topics: {v} terms kept (min_df={pt.min_df}, max_df={pt.max_df})"
        )


def final_settings(model: str, n_tokens: int = 0) -> dict:
    """Settings of a final fit: NMF_PARAMS, or LDA_PARAMS with iterations for n_tokens (lda.iterations_for)."""
    if model == "nmf":
        return dict(NMF_PARAMS)
    return {**LDA_PARAMS, "iterations": _lda.iterations_for(n_tokens, LDA_PARAMS["iterations"])}


def _normalise_rows(m: np.ndarray) -> np.ndarray:
    totals = m.sum(axis=1, keepdims=True)
    out = np.full_like(m, 1.0 / m.shape[1], dtype=np.float64)  # no evidence: equal shares
    np.divide(m, totals, out=out, where=totals > 0)
    return out


def fit_topics(
    passages: pd.DataFrame | PassageTerms, k: int, model: str = "nmf", seed: int = 42, **settings
) -> TopicModel:
    """Fit NMF on TF-IDF or LDA on counts to the passages, seeded.

    Settings: final_settings (NMF_PARAMS on TF-IDF with TFIDF_PARAMS; LDA_PARAMS, with fewer Gibbs iterations on large
    corpora); `settings` override them (e.g. max_iter, iterations). Topics are renumbered from 1 by
    corpus share. Returns a TopicModel; tidy views: topic_terms, doc_topics.
    Example: tm = fit_topics(passages(docs), k=4, model="lda", seed=42)
    """
    return _fit(_as_terms(passages), k, model, seed, settings, shares=True)


def _fit(pt: PassageTerms, k: int, model: str, seed: int, settings: dict, shares: bool = True) -> TopicModel:
    """fit_topics; with shares=False only the topic-term weights are fitted (the k sweep needs no more):
    passage_topic is then empty and topics are ordered by their share of the term weight."""
    est, weights, w, sizes, params = _estimate(pt, k, model, seed, settings, shares)
    return _topic_model(model, k, seed, est, pt, weights, w if shares else None, sizes, params)


def _estimate(pt: PassageTerms, k: int, model: str, seed: int, settings: dict, shares: bool = True) -> tuple:
    """The fit itself: (estimator, k x terms weights, passages x k weights or None, topic sizes, settings used).

    The estimator is the fitted NMF, or None for LDA.
    """
    if model not in MODELS:
        raise ValueError(f"model must be 'nmf' or 'lda', got {model!r}")
    check_k(pt, k)
    n_tokens = int(pt.counts.sum())
    params = {**final_settings(model, n_tokens), **settings}
    if model == "nmf":
        # one BLAS thread: the fits are small, and threads only contend (NNDSVD's SVD ran 4 times slower with
        # them on a shared 2-core machine); it also makes the result independent of the machine's core count
        with warnings.catch_warnings(), threadpool_limits(limits=1):
            warnings.simplefilter("ignore", ConvergenceWarning)  # non-convergence is in settings["converged"]
            est = NMF(n_components=int(k), random_state=seed, **params)
            w = est.fit_transform(TfidfTransformer(**TFIDF_PARAMS).fit_transform(pt.counts))
        weights, n_iter = est.components_, int(est.n_iter_)
        params = {**params, "n_iter": n_iter, "converged": bool(n_iter < params["max_iter"])}
        sizes = weights.sum(axis=1)
    else:
        est = None
        weights, w, sizes = _lda.fit_gibbs(pt.tokens, pt.vocab, k, seed, shares=shares, **params)
    if model == "lda":
        params = {**params, "n_iter": int(params["iterations"]), "converged": None}  # Gibbs: no convergence test
    return est, weights, w, sizes, params


def _topic_model(model: str, k: int, seed: int, est: object, pt: PassageTerms, weights: np.ndarray,
                 w: np.ndarray | None, sizes: np.ndarray, params: dict) -> TopicModel:
    """A TopicModel from fitted weights, topics numbered from 1 by their share of the words of pt's passages
    (of the term weight when there are no passage weights w)."""
    beta = _normalise_rows(weights)
    if w is not None:
        theta = _normalise_rows(w)
        share = np.average(theta, axis=0, weights=_weights(pt))
    else:
        theta = np.empty((0, int(k)))
        share = sizes / sizes.sum()
    order = np.argsort(-np.round(share, 12), kind="stable")
    return TopicModel(model, int(k), seed, est, pt, beta[order], theta[:, order], params)


def _weights(pt: PassageTerms) -> np.ndarray:
    w = pt.passages["n_words"].to_numpy(dtype=np.float64)
    return w if w.sum() > 0 else np.ones_like(w)


def topic_labels(tm: TopicModel, n: int = 3) -> list[str]:
    """Short labels made of each topic's top n terms, e.g. 'cloud / data / platform'."""
    return [" / ".join(t[:n]) for t in tm.top_terms(n)]


def topic_terms(tm: TopicModel, n: int = N_TERMS) -> pd.DataFrame:
    """Top terms per topic (ranked by relevance, lambda = RELEVANCE) with their weight (share of the
    topic's term weight, 0-1) and relevance.

    Returns model, topic (from 1), label, rank (from 1), term, weight, relevance; sorted by model, topic, rank.
    Example: topic_terms(fit_topics(pt, 4)).head(10)
    """
    labels = topic_labels(tm)
    rel = tm.relevance()
    index = {w: i for i, w in enumerate(tm.terms.vocab)}
    rows = [
        (tm.model, t, labels[t - 1], r, term, round(float(tm.topic_term[t - 1, index[term]]), 6),
         round(float(rel[t - 1, index[term]]), 6))
        for t, top in enumerate(tm.top_terms(n), start=1)
        for r, term in enumerate(top, start=1)
    ]
    return pd.DataFrame(rows, columns=["model", "topic", "label", "rank", "term", "weight", "relevance"])


def passage_topics(tm: TopicModel) -> pd.DataFrame:
    """Topic shares of each passage (rows sum to 1 per passage).

    Returns model, doc_id, passage_id, topic, share; sorted by passage_id, topic.
    Example: passage_topics(tm).query("topic == 1").nlargest(3, "share")
    """
    p = tm.terms.passages
    return pd.DataFrame({
        "model": tm.model,
        "doc_id": np.repeat(p["doc_id"].to_numpy(), tm.k),
        "passage_id": np.repeat(p["passage_id"].to_numpy(), tm.k),
        "topic": np.tile(np.arange(1, tm.k + 1), len(p)),
        "share": tm.passage_topic.ravel(),
    })


def doc_topics(tm: TopicModel) -> pd.DataFrame:
    """Topic shares per article: its passages' shares weighted by their length in words.

    Returns model, doc_id, topic, share (0-1; each article's shares sum to 1).
    Example: doc_topics(tm).pivot(index="doc_id", columns="topic", values="share")
    """
    p = tm.terms.passages
    w = _weights(tm.terms)
    codes, docs = pd.factorize(p["doc_id"], sort=True)
    num = np.zeros((len(docs), tm.k))
    np.add.at(num, codes, tm.passage_topic * w[:, None])
    den = np.bincount(codes, weights=w, minlength=len(docs))[:, None]
    shares = np.where(den > 0, num / np.where(den > 0, den, 1), 1.0 / tm.k)
    shares = shares / shares.sum(axis=1, keepdims=True)
    return pd.DataFrame({
        "model": tm.model,
        "doc_id": np.repeat(np.asarray(docs, dtype=object), tm.k).astype(str),
        "topic": np.tile(np.arange(1, tm.k + 1), len(docs)),
        "share": shares.ravel(),
    })


def topic_summary(tm: TopicModel, n: int = N_TERMS, window: int | None = WINDOW) -> pd.DataFrame:
    """One row per topic: label, share of the corpus (by words), NPMI coherence, top terms.

    Coherence: c_npmi of the top n terms over the model's passages (egov.topics.coherence),
    window = WINDOW (None: the whole passage).
    Returns model, topic, label, share, coherence, top_terms.
    Example: topic_summary(fit_topics(pt, 4, "nmf"))
    """
    top = tm.top_terms(n)
    index = window_index(tm.terms.tokens, window, words={w for t in top for w in t})
    coh = [index.npmi([t]).coherence.iloc[0] if len(t) > 1 else np.nan for t in top]
    return pd.DataFrame({
        "model": tm.model,
        "topic": np.arange(1, tm.k + 1),
        "label": topic_labels(tm),
        "share": np.round(np.average(tm.passage_topic, axis=0, weights=_weights(tm.terms)), 12),
        "coherence": coh,
        "top_terms": [", ".join(t) for t in top],
    })


def representative_passages(
    tm: TopicModel, passages: pd.DataFrame | None = None, n: int = 3, max_words: int = 60
) -> pd.DataFrame:
    """The n passages with the highest share of each topic, from n different articles where
    there are that many (a long article would otherwise fill the list), quoted (first max_words words).

    Ties go to the earlier passage_id. Returns model, topic, label, rank, doc_id,
    passage_id, share, quote. Example: representative_passages(tm, n=2)
    """
    p = tm.terms.passages if passages is None else passages.set_index("passage_id").loc[
        tm.terms.passages["passage_id"]].reset_index()
    labels = topic_labels(tm)
    doc_ids = p["doc_id"].to_numpy()
    rows = []
    for t in range(tm.k):
        order = np.lexsort((np.arange(len(p)), -np.round(tm.passage_topic[:, t], 12)))
        best = _distinct_first(order, doc_ids, n)
        for r, i in enumerate(best, start=1):
            words = str(p["text"].iloc[i]).split()
            quote = " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
            rows.append((tm.model, t + 1, labels[t], r, p["doc_id"].iloc[i], p["passage_id"].iloc[i],
                         float(tm.passage_topic[i, t]), quote))
    return pd.DataFrame(rows, columns=["model", "topic", "label", "rank", "doc_id", "passage_id", "share", "quote"])


def _distinct_first(order: np.ndarray, groups: np.ndarray, n: int) -> list[int]:
    """The first n indices of `order` with one per group, topped up in order when there are fewer groups."""
    seen, first, rest = set(), [], []
    for i in order:
        if groups[i] in seen:
            if len(rest) < n:
                rest.append(int(i))
            continue
        seen.add(groups[i])
        first.append(int(i))
        if len(first) == n:
            return first
    return first + rest[: n - len(first)]
