"""Topic coherence: NPMI of top-term pairs over a boolean sliding window.

Follows the c_npmi measure of Röder, Both & Hinneburg (2015, "Exploring the space
of topic coherence measures", WSDM) as implemented in gensim's `CoherenceModel`
(segmentation one-preceding, boolean sliding window of 10 tokens, epsilon 1e-12,
arithmetic means), and agrees with it to 1e-6 (tests/test_coherence.py).

gensim's window counter has one quirk: when a word leaves the window at its left
edge it is marked absent even if it occurs again inside the window. `gensim_compat=
True` (the default) reproduces that count so numbers equal gensim's; `False` counts
a word as present whenever it occurs anywhere in the window.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

EPSILON = 1e-12  # as gensim.topic_coherence.direct_confirmation_measure
DEFAULT_WINDOW = 10  # gensim's default window for c_npmi


def _group_ranges(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expand closed integer intervals [start, end] into (interval index, value) pairs."""
    lengths = np.maximum(ends - starts + 1, 0)
    idx = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return idx, starts[idx] + offsets


@dataclass
class WindowIndex:
    """Which words occur in which virtual document (window): a windows x vocabulary 0/1 matrix."""

    presence: sparse.csc_matrix
    vocab: dict[str, int]
    window: int | None

    @property
    def n_windows(self) -> int:
        return self.presence.shape[0]

    def npmi(self, top_terms: Sequence[Sequence[str]]) -> pd.DataFrame:
        """NPMI coherence per topic. Returns topic (from 1), coherence, n_pairs."""
        rows = []
        n = float(self.n_windows)
        top_terms = [list(terms) for terms in top_terms]
        # one co-occurrence matrix for every term queried (the columns are sliced once, not per topic)
        used = sorted({w for terms in top_terms for w in terms if w in self.vocab})
        pos = {w: i for i, w in enumerate(used)}
        cols = self.presence[:, [self.vocab[w] for w in used]]
        co_all = (cols.T @ cols).toarray().astype(np.float64)
        for t, terms in enumerate(top_terms, start=1):
            absent = [w for w in terms if w not in pos or co_all[pos[w], pos[w]] == 0]
            if absent:
                raise ValueError(f"topic {t}: terms not in the texts: {', '.join(absent[:5])}")
            if len(terms) < 2:
                raise ValueError(f"topic {t}: coherence needs at least 2 terms, got {len(terms)}")
            ids = [pos[w] for w in terms]
            co = co_all[np.ix_(ids, ids)]
            p = np.diag(co) / n
            i, j = np.tril_indices(len(terms), k=-1)  # one-preceding pairs (w_i, w_j), j < i
            p_ij = co[i, j] / n + EPSILON
            with np.errstate(divide="ignore"):
                npmi = np.log(p_ij / (p[i] * p[j])) / -np.log(p_ij)
            rows.append((t, float(np.mean(npmi)), len(i)))
        return pd.DataFrame(rows, columns=["topic", "coherence", "n_pairs"]).astype(
            {"topic": "int64", "coherence": "float64", "n_pairs": "int64"}
        )


def window_index(
    token_lists: Sequence[Sequence[str]],
    window: int | None = DEFAULT_WINDOW,
    *,
    gensim_compat: bool = True,
    words: Collection[str] | None = None,
) -> WindowIndex:
    """Index the boolean sliding windows of some texts once, for many coherence queries.

    A text of L tokens gives max(1, L - window + 1) windows (one if it is shorter than
    the window or empty); `window=None` makes each text a single window (document
    co-occurrence). `words` limits the index to the terms that will be queried (other
    tokens still take up window positions, as in gensim). Returns a WindowIndex.
    Example: window_index(tokens, 10).npmi([["cloud", "data"], ["audit", "official"]])
    """
    if window is not None and window < 1:
        raise ValueError(f"window must be a positive number of tokens or None, got {window}")
    if len(token_lists) == 0:
        raise ValueError("coherence needs at least one text")
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    if words is None:
        vocab: dict[str, int] = {}
        word = np.fromiter(
            (vocab.setdefault(w, len(vocab)) for t in token_lists for w in t), dtype=np.int64, count=lengths.sum()
        )
    else:
        vocab = {w: i for i, w in enumerate(sorted(set(words)))}
        word = np.fromiter((vocab.get(w, -1) for t in token_lists for w in t), dtype=np.int64, count=lengths.sum())
    doc = np.repeat(np.arange(len(lengths)), lengths)
    pos = np.arange(len(word)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    keep = word >= 0
    word, doc, pos = word[keep], doc[keep], pos[keep]
    w = lengths.copy() if window is None else np.full(len(lengths), window)
    n_win = np.maximum(1, lengths - w + 1)
    base = np.cumsum(n_win) - n_win
    first = np.maximum(0, pos - w[doc] + 1)  # first window containing the token (its "add" time)
    if gensim_compat:
        # Replay gensim's update: at window j it drops the token at position j-1, then adds
        # the token at position j+w-1. A word is present from each add until its next event.
        drop = pos + 1
        has_drop = drop <= n_win[doc] - 1
        t = np.concatenate([first, drop[has_drop]])
        kind = np.concatenate([np.ones(len(first), dtype=np.int8), np.zeros(has_drop.sum(), dtype=np.int8)])
        ev_doc = np.concatenate([doc, doc[has_drop]])
        ev_word = np.concatenate([word, word[has_drop]])
        order = np.lexsort((kind, t, ev_word, ev_doc))
        t, kind, ev_doc, ev_word = t[order], kind[order], ev_doc[order], ev_word[order]
        same_next = np.r_[(ev_doc[1:] == ev_doc[:-1]) & (ev_word[1:] == ev_word[:-1]), False]
        end = np.where(same_next, np.r_[t[1:], 0] - 1, n_win[ev_doc] - 1)
        adds = kind == 1
        start, end, r_doc, r_word = t[adds], end[adds], ev_doc[adds], ev_word[adds]
    else:
        start, end, r_doc, r_word = first, np.minimum(pos, n_win[doc] - 1), doc, word
    which, win = _group_ranges(start, end)
    rows = base[r_doc[which]] + win
    presence = sparse.csc_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, r_word[which])), shape=(int(n_win.sum()), len(vocab))
    )
    presence.sum_duplicates()
    presence.data[:] = 1
    return WindowIndex(presence=presence, vocab=vocab, window=window)


def npmi_coherence(
    top_terms: Sequence[Sequence[str]],
    token_lists: Sequence[Sequence[str]],
    window: int | None = DEFAULT_WINDOW,
    *,
    gensim_compat: bool = True,
) -> pd.DataFrame:
    """NPMI coherence of each topic's top terms over the texts (Röder et al. 2015, c_npmi).

    Mean over one-preceding pairs of log((p_ij + eps) / (p_i p_j)) / -log(p_ij + eps),
    with p from boolean sliding windows of `window` tokens (None: whole texts).
    Returns topic (from 1), coherence, n_pairs; the model's coherence is their mean.
    Example: npmi_coherence([["cloud", "data", "centre"]], passage_tokens, window=10)
    """
    return window_index(token_lists, window, gensim_compat=gensim_compat).npmi(top_terms)
