"""Topic models on passages: planted topics, determinism, choosing k, tables, baseline."""
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov.topics import selection as ts
from egov.topics import models as topics
from egov.topics.split import passages

VOCABS = {
    "portal": "portal login citizen account password website mobile app online form".split(),
    "cloud": "cloud data centre server storage network computing platform database backup".split(),
    "audit": "audit official corruption inspection discipline bribery investigation prosecutor court penalty".split(),
}


def planted_docs(n_docs: int = 9, n_paras: int = 5, words: int = 70, mix: float = 0.05, seed: int = 0):
    """Articles whose paragraphs draw 95% of words from one vocabulary (article d: vocabulary d % 3)."""
    rng = np.random.default_rng(seed)
    names = list(VOCABS)
    rows = []
    for d in range(n_docs):
        main = VOCABS[names[d % 3]]
        other = [w for n in names if n != names[d % 3] for w in VOCABS[n]]
        paras = [" ".join(np.where(rng.random(words) < mix, rng.choice(other, words), rng.choice(main, words))) + "."
                 for _ in range(n_paras)]
        rows.append((f"{d:03d}_{names[d % 3]}", "\n".join(paras)))
    return pd.DataFrame(rows, columns=["doc_id", "text"])


@pytest.fixture(scope="module")
def pt():
    return topics.passage_terms(passages(planted_docs()))


@pytest.fixture(scope="module")
def fitted(pt):
    return {m: topics.fit_topics(pt, 3, m, seed=42) for m in topics.MODELS}


def planted_block(terms):
    """Index of the vocabulary containing all the given terms, else -1."""
    return next((i for i, v in enumerate(VOCABS.values()) if set(terms) <= set(v)), -1)


@pytest.mark.parametrize("model", topics.MODELS)
def test_both_models_recover_the_planted_topics(fitted, model):
    tm = fitted[model]
    blocks = [planted_block(t[:3]) for t in tm.top_terms(3)]
    assert sorted(blocks) == [0, 1, 2]
    dt = topics.doc_topics(tm)
    top = dt.loc[dt.groupby("doc_id")["share"].idxmax()]
    names = list(VOCABS)
    for doc_id, topic in zip(top.doc_id, top.topic):  # each article lands in its block
        assert names[blocks[topic - 1]] == doc_id.split("_")[1]


def test_same_seed_same_topics(pt, fitted):
    for model in topics.MODELS:
        again = topics.fit_topics(pt, 3, model, seed=42)
        assert_frame_equal(topics.topic_terms(again), topics.topic_terms(fitted[model]))
        assert_frame_equal(topics.doc_topics(again), topics.doc_topics(fitted[model]))


def test_sweep_and_choose_k_pick_the_planted_k(pt):
    sweep = ts.sweep_k(pt, ks=range(2, 6), seed=42)
    assert sweep[["k", "model"]].drop_duplicates().shape[0] == 8
    assert {"k", "model", "coherence", "stability", "n_runs", "n_sweep_passages", "n_passages"} <= set(sweep.columns)
    assert (sweep["n_sweep_passages"] == sweep["n_passages"]).all()  # small corpus: no sampling
    k, reasons = ts.choose_k(sweep)
    assert k == 3
    assert reasons.startswith("k = 3:") and "stability" in reasons and "coherence" in reasons
    assert ts.choose_k(sweep, n_topics=5)[0] == 5
    assert "n_topics" in ts.choose_k(sweep, n_topics=5)[1]


def test_topic_terms_table(fitted):
    t = topics.topic_terms(fitted["nmf"], n=5)
    assert t.columns.tolist() == ["model", "topic", "label", "rank", "term", "weight"]
    assert t["topic"].tolist() == [1] * 5 + [2] * 5 + [3] * 5
    assert t["rank"].tolist() == [1, 2, 3, 4, 5] * 3
    assert (t.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing)).all()
    assert t["label"].iloc[0] == " / ".join(t["term"].iloc[:3])


def test_doc_topics_sum_to_one_per_article(fitted):
    for tm in fitted.values():
        d = topics.doc_topics(tm)
        assert d.columns.tolist() == ["model", "doc_id", "topic", "share"]
        np.testing.assert_allclose(d.groupby("doc_id")["share"].sum(), 1.0, atol=1e-9)
        assert d["doc_id"].nunique() == 9 and d["topic"].tolist()[:3] == [1, 2, 3]


def test_topics_ordered_by_share_and_summary(fitted):
    s = topics.topic_summary(fitted["lda"])
    assert s.columns.tolist() == ["model", "topic", "label", "share", "coherence", "top_terms"]
    assert s["share"].is_monotonic_decreasing
    assert s["share"].sum() == pytest.approx(1.0)
    assert (s["coherence"] > 0.3).all()


def test_representative_passages_come_from_the_topic_block(fitted):
    r = topics.representative_passages(fitted["nmf"], n=2)
    assert r.columns.tolist() == ["model", "topic", "label", "rank", "doc_id", "passage_id", "share", "quote"]
    assert len(r) == 6
    names = list(VOCABS)
    blocks = [planted_block(t[:3]) for t in fitted["nmf"].top_terms(3)]
    assert all(names[blocks[t - 1]] in d for t, d in zip(r.topic, r.doc_id))
    three = topics.representative_passages(fitted["nmf"], n=3)  # each block has 3 articles of 5 passages
    assert (three.groupby("topic")["doc_id"].nunique() == 3).all()


def test_distinct_first_takes_one_per_group_then_tops_up_in_order():
    groups = np.array(["a", "a", "b", "a", "c"])
    assert topics._distinct_first(np.array([0, 1, 2, 3, 4]), groups, 3) == [0, 2, 4]
    assert topics._distinct_first(np.array([3, 1, 2, 0]), groups, 3) == [3, 2, 1]
    assert topics._distinct_first(np.array([1, 0]), groups, 3) == [1, 0]


def test_nmf_and_lda_find_the_same_planted_topics(fitted):
    m = ts.match_topics(topics.topic_terms(fitted["nmf"]), topics.topic_terms(fitted["lda"]))
    assert (m["found_by"] == "both").sum() == 3
    assert (m["n_shared"] >= 8).all()


def test_shuffled_baseline_keeps_lengths_and_lowers_coherence(pt):
    sh = ts.shuffled_baseline(pt, seed=1)
    assert [len(t) for t in sh.tokens] == [len(t) for t in pt.tokens]
    assert sorted(w for t in sh.tokens for w in t) == sorted(w for t in pt.tokens for w in t)
    b = ts.baseline_coherence(pt, 3, seed=42)
    wide = b.pivot(index="model", columns="corpus", values="coherence")
    assert (wide["passages"] > wide["shuffled"] + 0.2).all()


def test_ranking_agreement():
    assert ts.average_jaccard(["a", "b"], ["b", "a"]) == pytest.approx(0.5)
    assert ts.ranking_agreement([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "b"]]) == 1.0


def test_too_small_corpus_gives_clear_messages():
    tiny = passages(pd.DataFrame({"doc_id": ["x"], "text": ["cloud data centre. cloud data server."]}))
    pt = topics.passage_terms(tiny)
    with pytest.raises(ValueError, match="corpus too small for k=3 topics: only 1 passages"):
        topics.fit_topics(pt, 3)
    with pytest.raises(ValueError, match="corpus too small to choose k"):
        ts.sweep_k(pt)
    two = passages(pd.DataFrame({"doc_id": ["x", "y"], "text": ["alpha beta", "gamma delta"]}))
    with pytest.raises(ValueError, match="vocabulary too small"):
        topics.fit_topics(two, 2)
    with pytest.raises(ValueError, match="model must be"):
        topics.fit_topics(tiny, 1, model="lsa")
    with pytest.raises(ValueError, match="missing"):
        topics.passage_terms(pd.DataFrame({"doc_id": ["x"]}))


def test_topic_stage_cache_hit_equals_miss(tmp_path, monkeypatch):
    psg = passages(planted_docs())
    monkeypatch.setenv("EGOV_CACHE_DIR", "off")
    fresh = ts.topic_stage(psg, seed=42, ks=range(2, 5))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path))
    miss = ts.topic_stage(psg, seed=42, ks=range(2, 5))
    assert len(list(tmp_path.glob("topic_stage-*/entry.json"))) == 1
    hit = ts.topic_stage(psg, seed=42, ks=range(2, 5))
    for stage in (miss, hit):
        assert stage.k == fresh.k == 3 and stage.reasons == fresh.reasons
        for name in ("sweep", "topics", "doc_topics", "summary", "matches", "baseline"):
            assert_frame_equal(getattr(stage, name), getattr(fresh, name))
        for m in topics.MODELS:
            np.testing.assert_array_equal(stage.models[m].passage_topic, fresh.models[m].passage_topic)
    ts.topic_stage(psg, seed=7, ks=range(2, 5))  # another seed is another entry
    assert len(list(tmp_path.glob("topic_stage-*/entry.json"))) == 2


def test_online_lda_above_online_from_recovers_the_planted_topics():
    pt = topics.passage_terms(passages(planted_docs(n_docs=30, n_paras=20)))
    assert pt.counts.shape[0] > topics.ONLINE_FROM
    tm = topics.fit_topics(pt, 3, "lda", seed=42)
    assert tm.settings["learning_method"] == "online" and tm.settings["n_iter"] == topics.online_passes(len(pt.passages))
    assert sorted(planted_block(t[:3]) for t in tm.top_terms(3)) == [0, 1, 2]


def test_a_corpus_too_small_gives_an_empty_stage_with_its_reason():
    from egov.topics import report as topics_report
    from egov.topics.split import passages as make_passages
    from egov.topics.selection import topic_stage

    docs = pd.DataFrame({"doc_id": ["a"], "text": ["The portal lets citizens apply online for licences and permits."]})
    stage = topic_stage(make_passages(docs), seed=1)
    assert not stage.fitted and stage.k == 0
    assert "too small" in stage.reason or "no passages" in stage.reason
    assert list(stage.topics.columns) == ["model", "topic", "label", "rank", "term", "weight"]
    assert list(stage.doc_topics.columns) == ["model", "doc_id", "topic", "share"]
    assert topics_report.sweep_sentence(stage.sweep, stage.k, stage.reasons).startswith("**No topic model:")
    assert topics_report.headline(topics_report.topic_table(stage.summary), stage.k, stage.sweep).startswith("No topic model")
    assert topics_report.representatives(None).empty


def test_sweep_and_baseline_skip_top_terms_the_counted_texts_never_use(pt, monkeypatch):
    """Regression (50,000-article build): LDA's prior can rank a term the sampled passages never
    use; coherence must be counted on the used top terms, not raise "terms not in the texts"."""
    before_sweep = ts.sweep_k(pt, ks=[3], seed=42)
    before_base = ts.baseline_coherence(pt, 3, seed=42)
    original = topics.TopicModel.top_terms
    monkeypatch.setattr(topics.TopicModel, "top_terms",
                        lambda self, n=topics.N_TERMS: [["zzzunused"] + t for t in original(self, n)])
    with pytest.raises(ValueError, match="not in the texts"):  # what the sweep used to hit
        ts.window_index(pt.tokens, ts.WINDOW).npmi([["zzzunused", "portal"]])
    after_sweep = ts.sweep_k(pt, ks=[3], seed=42)
    after_base = ts.baseline_coherence(pt, 3, seed=42)
    np.testing.assert_allclose(after_sweep["coherence"], before_sweep["coherence"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(after_base["coherence"], before_base["coherence"], rtol=0, atol=1e-12)
