"""LDA by collapsed Gibbs sampling (Griffiths & Steyvers 2004, "Finding scientific topics", PNAS),
with tomotopy (Lee 2022, https://bab2min.github.io/tomotopy).

Chosen by measurement on the evaluation corpus (benchmarks/TOPICS.md): on its ~500 passages
a 300-iteration Gibbs fit takes about a second and its topics are more coherent than those of
scikit-learn's batch variational Bayes (50 passes, several seconds per fit), its online variant
or gensim's LdaModel. One worker thread and a fixed seed give the same topics on every run;
tomotopy picks SIMD code at import by the CPU, and results differ between those builds, so the
portable SSE2 build is used (TOMOTOPY_ISA, set before the first import) unless the environment
says otherwise. The priors are fixed (no hyperparameter optimisation), so the settings stated
are the settings used. `fold_in` gives new texts their topic shares under fitted topics.
"""
from __future__ import annotations

import os

import numpy as np
from scipy import sparse

os.environ.setdefault("TOMOTOPY_ISA", "sse2")
import tomotopy as tp  # noqa: E402  (the ISA must be chosen before the import)

ALPHA = 0.1  # document-topic prior: a passage carries few topics
ETA = 0.01  # topic-word prior
ITERATIONS = 300  # Gibbs sweeps of the final fit on a small corpus
TOKEN_BUDGET = 30_000_000  # above 100,000 tokens: ITERATIONS shrink so iterations x tokens stays near this
MIN_ITERATIONS = 50


def iterations_for(n_tokens: int, most: int = ITERATIONS) -> int:
    """Gibbs sweeps for a corpus of n_tokens: `most` up to TOKEN_BUDGET / most tokens, fewer above (>= 50).

    Example: iterations_for(25_000) -> 300
    """
    return int(max(MIN_ITERATIONS, min(most, TOKEN_BUDGET // max(n_tokens, 1))))


def fit_gibbs(tokens: list[list[str]], vocab: list[str], k: int, seed: int, iterations: int = ITERATIONS,
              alpha: float = ALPHA, eta: float = ETA,
              shares: bool = True) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """Fit LDA to token lists (tokens outside `vocab` are ignored), seeded, single-threaded.

    Returns (topic_term: k x len(vocab) word probabilities, 0 for terms the texts never use;
    passage_topic: texts x k topic shares, equal shares for a text with no vocabulary token,
    or None when shares=False; sizes: tokens assigned to each topic).
    Example: beta, theta, sizes = fit_gibbs(tokens, vocab, 4, seed=42)
    """
    index = {w: i for i, w in enumerate(vocab)}
    model = tp.LDAModel(k=int(k), alpha=alpha, eta=eta, seed=int(seed) % 2**32)
    model.optim_interval = 0  # keep the stated priors
    rows = []
    for i, toks in enumerate(tokens):
        words = [w for w in toks if w in index]
        if words:
            model.add_doc(words)
            rows.append(i)
    if not rows:
        raise ValueError("LDA needs at least one text with a vocabulary term")
    model.train(int(iterations), workers=1, parallel=tp.ParallelScheme.NONE)
    used = np.fromiter((index[w] for w in model.used_vocabs), dtype=np.int64, count=len(model.used_vocabs))
    beta = np.zeros((int(k), len(vocab)))
    for t in range(int(k)):
        beta[t, used] = model.get_topic_word_dist(t)
    sizes = np.asarray(model.get_count_by_topics(), dtype=np.float64)
    if not shares:
        return beta, None, sizes
    theta = np.full((len(tokens), int(k)), 1.0 / int(k))
    theta[rows] = np.array([doc.get_topic_dist() for doc in model.docs])
    return beta, theta, sizes


def fold_in(topic_term: np.ndarray, counts: sparse.csr_matrix, alpha: float = ALPHA,
            iterations: int = 50) -> np.ndarray:
    """Topic shares of texts (rows of a count matrix over the model's vocabulary) under fixed topics.

    Each text's shares are updated `iterations` times by the zero-order collapsed variational
    step with the topics held fixed (CVB0; Asuncion, Welling, Smyth & Teh 2009, "On smoothing and
    inference for topic models", UAI): theta_k = (sum_w n_w theta_k beta_kw / sum_j theta_j beta_jw
    + alpha) / (n + k alpha), from equal shares. Deterministic, and a row depends only on its own
    counts, so batches can run anywhere. Terms no topic uses are not counted; a text without any
    gets equal shares. Returns texts x k. Example: theta = fold_in(beta, pt.counts[:100])
    """
    k = topic_term.shape[0]
    used = np.flatnonzero(topic_term.sum(axis=0) > 0)
    x = sparse.csr_matrix(counts, dtype=np.float64)[:, used]
    beta = np.ascontiguousarray(topic_term[:, used].T)  # terms x k
    per_count = beta[x.indices]  # each stored count's topic probabilities
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    n = np.asarray(x.sum(axis=1), dtype=np.float64).ravel()[:, None]
    theta = np.full((x.shape[0], k), 1.0 / k)
    ratio = x.copy()  # count / its term's probability under the text's mix
    for _ in range(int(iterations)):
        p = np.einsum("ij,ij->i", theta[rows], per_count)
        np.divide(x.data, p, out=ratio.data, where=p > 0)
        theta = (theta * (ratio @ beta) + alpha) / (n + k * alpha)
    return theta
