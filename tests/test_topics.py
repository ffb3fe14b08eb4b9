"""Topic models on passages: planted topics, determinism, choosing k, tables, baseline."""
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov.topics import lda
from egov.topics import selection as ts
from egov.topics import models as topics
from egov.topics import stage as tstage
from egov.topics import vocab
from egov.topics.split import passages

from egov.topics.planted import VOCABS, known_answer, planted_docs  # noqa: F401  (test_topics_report imports them)


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
    choice = ts.choose_k(sweep)
    assert choice["model"].tolist() == ["nmf", "lda"] and choice["k"].tolist() == [3, 3]
    assert choice["rule"].tolist() == ["finest stable and coherent"] * 2
    assert choice["reason"].iloc[0].startswith("NMF k = 3 (stability ")
    forced = ts.choose_k(sweep, n_topics=5)
    assert forced["k"].tolist() == [5, 5] and (forced["rule"] == "set by n_topics").all()
    assert "n_topics" in forced["reason"].iloc[0]


def _sweep_table(rows):
    return pd.DataFrame(rows, columns=["k", "model", "coherence", "coherence_sd", "stability"])


def test_choose_k_takes_the_finest_k_both_stable_and_coherent_per_model():
    sweep = _sweep_table([
        (2, "nmf", 0.10, 0.01, 0.90), (4, "nmf", 0.15, 0.01, 0.70), (6, "nmf", 0.16, 0.02, 0.65),
        (8, "nmf", 0.20, 0.01, 0.50),  # most coherent, but unstable
        (2, "lda", 0.05, 0.01, 0.40), (4, "lda", 0.06, 0.01, 0.38), (6, "lda", 0.09, 0.01, 0.20),
    ])
    choice = ts.choose_k(sweep).set_index("model")
    # NMF: stable 2, 4, 6; the most coherent of them is 6 (0.16, sd 0.02), and 4 (0.15) is within 0.02: finest = 6
    assert choice.loc["nmf", "k"] == 6 and choice.loc["nmf", "stable_ks"] == "2, 4, 6"
    assert choice.loc["nmf", "coherent_ks"] == "4, 6"
    # LDA never reaches 0.6: the k within 0.05 of its best (0.40) count, 2 and 4; 4 is more coherent
    assert choice.loc["lda", "k"] == 4 and choice.loc["lda", "rule"] == "sketch: none stable"
    assert choice.loc["lda", "stable_ks"] == "2, 4" and "read its topics as sketches" in choice.loc["lda", "reason"]
    # judged per model: LDA's low stability does not pull NMF's k down
    assert ts.choose_k(sweep[sweep["model"] == "nmf"]).set_index("model").loc["nmf", "k"] == 6
    with pytest.raises(ValueError, match="missing: stability"):
        ts.choose_k(sweep.drop(columns="stability"))


def test_choose_k_counts_a_k_stable_when_it_reaches_the_bar_within_its_standard_error():
    sweep = pd.DataFrame([  # k, model, coherence, coherence_sd, stability, stability_sd, n_runs
        (4, "nmf", 0.15, 0.01, 0.70, 0.05, 10),
        (6, "nmf", 0.20, 0.01, 0.58, 0.09, 10),  # 0.58 + 0.09 / sqrt(10) = 0.608: within noise of 0.6
        (8, "nmf", 0.25, 0.01, 0.55, 0.08, 10),  # 0.55 + 0.025 = 0.575: below 0.6 beyond its noise
    ], columns=["k", "model", "coherence", "coherence_sd", "stability", "stability_sd", "n_runs"])
    choice = ts.choose_k(sweep).set_index("model")
    assert choice.loc["nmf", "k"] == 6 and choice.loc["nmf", "stable_ks"] == "4, 6"
    assert "stability at least 0.6 within its standard error" in choice.loc["nmf", "reason"]
    assert ts.is_stable(sweep).tolist() == [True, True, False]
    np.testing.assert_allclose(ts.stability_error(sweep), [0.05, 0.09, 0.08] / np.sqrt(10))
    # without the spread of the runs the bar is the bare 0.6: only k = 4
    assert ts.choose_k(sweep.drop(columns="stability_sd")).set_index("model").loc["nmf", "k"] == 4
    # fewer runs, a larger error: with 2 runs k = 8 is within 0.08 / sqrt(2) = 0.057 of 0.6 too
    assert ts.choose_k(sweep.assign(n_runs=2)).set_index("model").loc["nmf", "k"] == 8


def test_sweep_runs_more_subsamples_for_nmf_than_for_lda_and_reports_their_spread(pt):
    sweep = ts.sweep_k(pt, ks=[2, 3], seed=42)
    runs = sweep.groupby("model")["n_runs"].first()
    assert runs.to_dict() == {"lda": ts.N_RUNS["lda"][0], "nmf": ts.N_RUNS["nmf"][0]} == {"lda": 3, "nmf": 10}
    assert (sweep["stability_sd"] >= 0).all() and (sweep["stability_min"] <= sweep["stability"]).all()
    assert (ts.sweep_k(pt, ks=[3], seed=42, n_runs=2)["n_runs"] == 2).all()  # n_runs set: the same for both
    assert ts.n_runs_for(ts.SMALL, "nmf") == 10 and ts.n_runs_for(ts.SMALL + 1, "nmf") == 5


def test_most_coherent_fit_keeps_the_most_coherent_of_its_starts(pt):
    tm = ts.most_coherent_fit(pt, 3, "nmf", seed=42)
    scores = tm.settings["fit_coherence"]
    assert tm.settings["fits_tried"] == ts.FINAL_FITS["nmf"] == len(scores) == 5
    assert topics.topic_summary(tm)["coherence"].mean() == pytest.approx(max(scores), abs=1e-9)
    assert sorted(planted_block(t[:3]) for t in tm.top_terms(3)) == [0, 1, 2]
    again = ts.most_coherent_fit(pt, 3, "nmf", seed=42)
    assert_frame_equal(topics.topic_terms(again), topics.topic_terms(tm))
    one = ts.most_coherent_fit(pt, 3, "nmf", seed=42, n_fits=1)  # one fit: fit_topics' own
    assert_frame_equal(topics.topic_terms(one), topics.topic_terms(topics.fit_topics(pt, 3, "nmf", seed=42)))
    assert ts.most_coherent_fit(pt, 3, "lda", seed=42).settings["fits_tried"] == 1
    with pytest.raises(ValueError, match="n_fits must be at least 1"):
        ts.most_coherent_fit(pt, 3, "nmf", n_fits=0)


def test_topic_terms_table(fitted):
    t = topics.topic_terms(fitted["nmf"], n=5)
    assert t.columns.tolist() == ["model", "topic", "label", "rank", "term", "weight", "relevance"]
    assert t["topic"].tolist() == [1] * 5 + [2] * 5 + [3] * 5
    assert t["rank"].tolist() == [1, 2, 3, 4, 5] * 3
    assert (t.groupby("topic")["relevance"].apply(lambda w: w.is_monotonic_decreasing)).all()
    assert t["label"].iloc[0] == " / ".join(t["term"].iloc[:3])


def test_relevance_ranks_a_term_frequent_everywhere_below_a_term_of_the_topic():
    """Sievert & Shirley 2014: lambda log phi + (1 - lambda) log(phi / p), worked by hand."""
    pt = topics.PassageTerms(pd.DataFrame({"doc_id": ["a"], "passage_id": ["a#01"], "n_words": [10]}), [[]],
                             topics.count_matrix([["common"] * 8 + ["rare"] * 2], ["common", "rare"]),
                             ["common", "rare"])
    tm = topics.TopicModel("nmf", 1, 0, None, pt, np.array([[0.6, 0.4]]), np.ones((1, 1)))
    rel = tm.relevance(0.7)
    assert rel[0, 0] == pytest.approx(0.7 * np.log(0.6) + 0.3 * np.log(0.6 / 0.8))
    assert rel[0, 1] == pytest.approx(0.7 * np.log(0.4) + 0.3 * np.log(0.4 / 0.2))
    assert tm.top_terms() == [["rare", "common"]]  # by weight alone "common" would lead
    assert tm.relevance(1.0)[0].tolist() == pytest.approx(np.log([0.6, 0.4]).tolist())


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


def test_known_answer_table_the_notebook_shows():
    table = known_answer(42)
    assert table.columns.tolist() == ["model", "topic", "top_terms", "planted", "n_articles", "n_in_block"]
    assert table["model"].tolist() == ["nmf"] * 3 + ["lda"] * 3
    for model, g in table.groupby("model"):
        assert sorted(g["planted"]) == ["audit", "cloud", "portal"], model
        assert g["n_articles"].tolist() == [3, 3, 3] and g["n_in_block"].tolist() == [3, 3, 3]


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
    fresh = tstage.topic_stage(psg, seed=42, ks=range(2, 5))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path))
    miss = tstage.topic_stage(psg, seed=42, ks=range(2, 5))
    steps = ["topic_baseline", "topic_fit", "topic_sweep", "topic_vocabulary"]
    assert sorted(p.parent.name.split("-")[0] for p in tmp_path.glob("topic_*/entry.json")) == steps
    hit = tstage.topic_stage(psg, seed=42, ks=range(2, 5))
    for stage in (miss, hit):
        assert stage.k == fresh.k == 3 and stage.ks == fresh.ks == {"nmf": 3, "lda": 3}
        assert stage.reasons == fresh.reasons
        for name in ("sweep", "choice", "topics", "doc_topics", "summary", "matches", "baseline"):
            assert_frame_equal(getattr(stage, name), getattr(fresh, name))
        for m in topics.MODELS:
            np.testing.assert_array_equal(stage.models[m].passage_topic, fresh.models[m].passage_topic)
    # the notebook's steps, called one by one, read the same cache entries
    pt = tstage.vocabulary(psg)
    assert_frame_equal(tstage.sweep(pt, seed=42, ks=range(2, 5)), fresh.sweep)
    assert len(list(tmp_path.glob("topic_*/entry.json"))) == 4
    tstage.topic_stage(psg, seed=7, ks=range(2, 5))  # another seed: new sweep, fits and baseline
    assert len(list(tmp_path.glob("topic_*/entry.json"))) == 7


def test_lda_iterations_shrink_on_large_corpora_and_large_corpora_recover_the_planted_topics():
    assert lda.iterations_for(25_000) == 300
    assert lda.iterations_for(300_000) == 100
    assert lda.iterations_for(10_000_000) == 50
    pt = topics.passage_terms(passages(planted_docs(n_docs=30, n_paras=20)))
    tm = topics.fit_topics(pt, 3, "lda", seed=42)
    assert tm.settings["iterations"] == 300 and tm.settings["converged"] is None
    assert sorted(planted_block(t[:3]) for t in tm.top_terms(3)) == [0, 1, 2]


def test_lda_same_seed_same_topics_other_seed_other_sample():
    pt = topics.passage_terms(passages(planted_docs()))
    a, b = (lda.fit_gibbs(pt.tokens, pt.vocab, 3, seed=5) for _ in range(2))
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    c = lda.fit_gibbs(pt.tokens, pt.vocab, 3, seed=6)
    assert not np.array_equal(a[0], c[0])
    assert a[0].shape == (3, len(pt.vocab)) and a[1].shape == (len(pt.tokens), 3)
    np.testing.assert_allclose(a[1].sum(axis=1), 1.0)
    assert a[2].sum() == pt.counts.sum()  # every vocabulary token is assigned to one topic


def test_vocabulary_joins_phrases_and_drops_outlets_and_furniture():
    fillers = ["river", "market", "school", "hospital", "railway", "village"]
    text = ("The health code {0} shows a green {0}. Xinhua said the big data bureau {1} runs the health code "
            "with big data {1}. China Daily reports {0} {1}. Adjust font size:")
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)],
                         "text": [text.format(a, b) for a, b in zip(fillers, fillers[1:] + fillers[:1])]})
    psg = passages(docs)
    tokens, table = vocab.topic_tokens(psg)
    assert set(table["phrase"]) == {"big data", "health code", "data bureau"}  # "big data bureau": read left to right
    assert tokens[0] == ["health code", "river", "show", "green", "river", "big data", "bureau", "market",
                         "run", "health code", "big data", "market", "report", "river", "market"]
    pt = topics.passage_terms(psg, min_df=1, max_df=1.0)
    assert {"health code", "big data"} <= set(pt.vocab)
    assert not {"xinhua", "china", "daily", "china daily", "font", "size", "adjust"} & set(pt.vocab)
    plain, _ = vocab.topic_tokens(psg, phrases=False)
    assert plain[0][:3] == ["health", "code", "river"]


def test_chinese_phrases_are_joined_without_a_space():
    assert vocab.joined("浙里", "办") == "浙里办" and vocab.joined("health", "code") == "health code"
    assert vocab.joined("5G", "基站") == "5G 基站"  # a space where a word ends or starts without a Han character


def test_outlet_names_never_become_top_terms():
    """Every outlet of the outlet table is named in every paragraph, yet none is a term."""
    from egov.corpus.outlets import outlets

    names = ". ".join(outlets()["outlet"]) + ". "
    docs = planted_docs()
    docs = docs.assign(text=["\n".join(names + p for p in t.split("\n")) for t in docs["text"]])
    pt = topics.passage_terms(passages(docs))
    outlet_words = {w.lower() for name in outlets()["outlet"] for w in name.replace(".", " ").split()}
    assert not outlet_words & set(pt.vocab) - {"the", "of"}
    for model in topics.MODELS:
        tm = topics.fit_topics(pt, 3, model, seed=42)
        assert sorted(planted_block(t[:3]) for t in tm.top_terms(3)) == [0, 1, 2]


def test_a_corpus_too_small_gives_an_empty_stage_with_its_reason():
    from egov.topics import report as topics_report
    from egov.topics.split import passages as make_passages
    from egov.topics.stage import topic_stage

    docs = pd.DataFrame({"doc_id": ["a"], "text": ["The portal lets citizens apply online for licences and permits."]})
    stage = topic_stage(make_passages(docs), seed=1)
    assert not stage.fitted and stage.k == 0
    assert "too small" in stage.reason or "no passages" in stage.reason
    assert list(stage.topics.columns) == ["model", "topic", "label", "rank", "term", "weight", "relevance"]
    assert list(stage.doc_topics.columns) == ["model", "doc_id", "topic", "share"]
    assert topics_report.sweep_facts(stage.sweep)[["case", "reason"]].iloc[0].tolist() == ["none", stage.reason]
    assert topics_report.headline_facts(stage.summary, stage.choice, stage.sweep)["case"].iloc[0] == "none"
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
