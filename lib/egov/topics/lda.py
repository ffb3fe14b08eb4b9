"""LDA by collapsed Gibbs sampling (Griffiths & Steyvers 2004, "Finding scientific topics", PNAS),
with tomotopy (Lee 2022, https://bab2min.github.io/tomotopy).

Chosen by measurement on the evaluation corpus (benchmarks/TOPICS.md): on its ~500 passages
a 300-iteration Gibbs fit takes about a second and its topics are more coherent than those of
scikit-learn's batch variational Bayes (50 passes, several seconds per fit), its online variant
or gensim's LdaModel. One worker thread and a fixed seed give the same topics on every run;
tomotopy picks SIMD code at import by the CPU, and results differ between those builds, so the
portable SSE2 build is used (TOMOTOPY_ISA, set before the first import) unless the environment
says otherwise. The priors are fixed (no hyperparameter optimisation), so the settings stated
are the settings used.
"""
from __future__ import annotations

import os

import numpy as np

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
    model, rows = _train(tokens, vocab, k, seed, iterations, alpha, eta)
    beta, sizes = _topic_words(model, vocab, k)
    if not shares:
        return beta, None, sizes
    theta = np.full((len(tokens), int(k)), 1.0 / int(k))
    theta[rows] = np.array([doc.get_topic_dist() for doc in model.docs])
    return beta, theta, sizes


def fit_gibbs_model(tokens: list[list[str]], vocab: list[str], k: int, seed: int, iterations: int = ITERATIONS,
                    alpha: float = ALPHA, eta: float = ETA) -> tuple[np.ndarray, np.ndarray, bytes]:
    """fit_gibbs without the texts' shares, plus the fitted model as bytes for infer_gibbs.

    Returns (topic_term, sizes, model). Example: beta, sizes, model = fit_gibbs_model(tokens, vocab, 4, 42)
    """
    model, _ = _train(tokens, vocab, k, seed, iterations, alpha, eta)
    beta, sizes = _topic_words(model, vocab, k)
    return beta, sizes, bytes(model.saves())


def infer_gibbs(model: bytes, tokens: list[list[str]], iterations: int) -> np.ndarray:
    """Topic shares of new texts under a fitted model (fit_gibbs_model's bytes): seeded Gibbs inference.

    tomotopy seeds each text's sampler from the model, so a text's shares do not depend on the other
    texts of the call, their order or the process (checked in tests/test_topic_sample.py).
    Returns texts x k; equal shares for a text with no vocabulary token.
    Example: theta = infer_gibbs(model, [["portal", "login"]], iterations=50)
    """
    lda = tp.LDAModel.loads(model)
    index = set(lda.used_vocabs)
    theta = np.full((len(tokens), lda.k), 1.0 / lda.k)
    rows = [i for i, toks in enumerate(tokens) if any(w in index for w in toks)]
    if rows:
        docs = [lda.make_doc([w for w in tokens[i] if w in index]) for i in rows]
        dist, _ = lda.infer(docs, iterations=int(iterations), workers=1, parallel=tp.ParallelScheme.NONE)
        theta[rows] = np.asarray(dist, dtype=np.float64)
    return theta


def _train(tokens, vocab, k, seed, iterations, alpha, eta) -> tuple[tp.LDAModel, list[int]]:
    """The trained tomotopy model and the positions of the texts it holds (those with a vocabulary token)."""
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
    return model, rows


def _topic_words(model: tp.LDAModel, vocab: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """k x len(vocab) word probabilities (0 for terms the texts never use) and tokens per topic."""
    index = {w: i for i, w in enumerate(vocab)}
    used = np.fromiter((index[w] for w in model.used_vocabs), dtype=np.int64, count=len(model.used_vocabs))
    beta = np.zeros((int(k), len(vocab)))
    for t in range(int(k)):
        beta[t, used] = model.get_topic_word_dist(t)
    return beta, np.asarray(model.get_count_by_topics(), dtype=np.float64)
