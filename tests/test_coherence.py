"""NPMI coherence agrees with gensim's CoherenceModel(coherence="c_npmi")."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from egov.topics.coherence import npmi_coherence, window_index

gensim = pytest.importorskip("gensim")
from gensim.corpora import Dictionary  # noqa: E402
from gensim.models import CoherenceModel  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def gensim_npmi(topics, texts, window=None):
    kwargs = {} if window is None else {"window_size": window}
    cm = CoherenceModel(topics=topics, texts=texts, dictionary=Dictionary(texts), coherence="c_npmi",
                        processes=1, **kwargs)
    return np.array(cm.get_coherence_per_topic())


@pytest.fixture
def random_texts():
    rng = np.random.default_rng(7)
    vocab = [f"w{i}" for i in range(25)]
    texts = [list(rng.choice(vocab[: rng.integers(5, 25)], size=rng.integers(0, 60))) for _ in range(60)]
    present = sorted({w for t in texts for w in t})
    topics = [list(rng.choice(present, size=8, replace=False)) for _ in range(5)]
    return topics, texts


def test_agrees_with_gensim_default_window(random_texts):
    topics, texts = random_texts
    ours = npmi_coherence(topics, texts).coherence.to_numpy()  # window 10, as gensim's c_npmi default
    np.testing.assert_allclose(ours, gensim_npmi(topics, texts), atol=1e-6, rtol=0)


@pytest.mark.parametrize("window", [2, 3, 25])
def test_agrees_with_gensim_other_windows(random_texts, window):
    topics, texts = random_texts
    ours = npmi_coherence(topics, texts, window).coherence.to_numpy()
    np.testing.assert_allclose(ours, gensim_npmi(topics, texts, window), atol=1e-6, rtol=0)


def test_passage_window_is_gensim_with_a_window_longer_than_any_text(random_texts):
    topics, texts = random_texts
    longest = max(len(t) for t in texts)
    ours = npmi_coherence(topics, texts, window=None).coherence.to_numpy()
    np.testing.assert_allclose(ours, gensim_npmi(topics, texts, longest), atol=1e-6, rtol=0)


def test_agrees_with_gensim_on_seed_passages():
    from egov.topics.split import passages
    from egov.topics.models import fit_topics, passage_terms

    docs = pd.DataFrame([(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))],
                        columns=["doc_id", "text"])
    pt = passage_terms(passages(docs))
    topics = fit_topics(pt, 4, "nmf", seed=42).top_terms(10)
    for window in (10, None):
        ours = npmi_coherence(topics, pt.tokens, window).coherence.to_numpy()
        theirs = gensim_npmi(topics, pt.tokens, window or max(map(len, pt.tokens)))
        np.testing.assert_allclose(ours, theirs, atol=1e-6, rtol=0)
    assert abs(ours.mean() - CoherenceModel(topics=topics, texts=pt.tokens, dictionary=Dictionary(pt.tokens),
                                            coherence="c_npmi", window_size=max(map(len, pt.tokens)),
                                            processes=1).get_coherence()) < 1e-6


def test_hand_worked_document_cooccurrence():
    texts = [["a", "b"], ["a", "b"], ["a", "c"], ["c"]]
    # p(a) = 3/4, p(b) = 2/4, p(a, b) = 2/4: npmi = log(0.5 / 0.375) / -log(0.5)
    expected = np.log((0.5 + 1e-12) / 0.375) / -np.log(0.5 + 1e-12)
    out = npmi_coherence([["a", "b"]], texts, window=None)
    assert out.columns.tolist() == ["topic", "coherence", "n_pairs"]
    assert out["topic"].tolist() == [1] and out["n_pairs"].tolist() == [1]
    assert out["coherence"].iloc[0] == pytest.approx(expected, abs=1e-12)


def test_gensim_window_quirk_and_exact_windows():
    # windows of 2 over a a b: [a a], [a b]. gensim drops "a" when it leaves the left edge.
    texts = [["a", "a", "b"]]
    index = window_index(texts, 2)
    exact = window_index(texts, 2, gensim_compat=False)
    a, b = index.vocab["a"], index.vocab["b"]
    assert index.presence[:, a].sum() == 1 and exact.presence[:, a].sum() == 2
    assert index.presence[:, b].sum() == exact.presence[:, b].sum() == 1


def test_bad_input():
    with pytest.raises(ValueError, match="not in the texts"):
        npmi_coherence([["a", "zzz"]], [["a", "b"]])
    with pytest.raises(ValueError, match="window"):
        npmi_coherence([["a", "b"]], [["a", "b"]], window=0)
    with pytest.raises(ValueError, match="at least one text"):
        npmi_coherence([["a", "b"]], [])
    with pytest.raises(ValueError, match="at least 2 terms"):
        npmi_coherence([["a"]], [["a", "b"]])
