"""Facts and figures of notebook 03 (egov.topics.report), each fact table checked by its exact numbers
on hand-made inputs."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from scipy import sparse

from egov import topics
from egov.topics import report as topics_report
from egov.topics import selection as ts
from egov.topics.models import PassageTerms, TopicModel
from egov.topics.split import passages
from test_topics import planted_docs


def _expect(facts: pd.DataFrame, **row) -> None:
    """facts is exactly one row with these columns, in this order, with these values."""
    assert_frame_equal(facts, pd.DataFrame([row]))


# --- units ---------------------------------------------------------------------------------------------------------

def _terms(max_df: int | float = 0.5, reason: str = "") -> PassageTerms:
    """Three passages of articles a (two) and b (one) over four terms; article c gave none."""
    p = pd.DataFrame({"doc_id": ["a", "a", "b"], "passage_id": ["a-1", "a-2", "b-1"], "n_words": [60, 100, 81]})
    tokens = [["portal", "login"], ["portal", "cloud"], ["login", "audit"]]
    return PassageTerms(p, tokens, sparse.csr_matrix(np.ones((3, 4))), ["audit", "cloud", "login", "portal"],
                        min_df=2, max_df=max_df, reason=reason)


def test_units_facts_count_passages_words_and_the_vocabulary_filter():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    _expect(topics_report.units_facts(docs, _terms()), case="dropped", reason="", n_docs=3, n_passages=3,
            median_words=81, min_words=60, max_words=100, n_dropped=1, n_terms=4, min_df=2,
            max_df_passages=1, max_df_share=0.5)  # 50% of 3 passages: a term may be in at most 1
    facts = topics_report.units_facts(docs.iloc[:2], _terms(max_df=2))
    assert facts[["case", "n_dropped", "max_df_passages", "max_df_share"]].iloc[0].tolist() == ["all", 0, 2, 2 / 3]
    one = topics_report.units_facts(docs.iloc[1:2], _terms().subset(np.array([2])))
    assert one[["case", "n_passages", "median_words", "n_terms"]].iloc[0].tolist() == ["one", 1, 81, 4]


def test_units_facts_without_passages_say_why():
    docs = pd.DataFrame({"doc_id": ["a"]})
    facts = topics_report.units_facts(docs, _terms(reason="no passages: the corpus is empty"))
    assert facts[["case", "reason", "n_docs", "n_passages", "n_terms"]].iloc[0].tolist() == [
        "none", "no passages: the corpus is empty", 1, 0, 0]
    assert topics_report.units_facts(docs, None)["reason"].iloc[0] == "no passages"


# --- the known answer ----------------------------------------------------------------------------------------------

def _known(planted: list[str], n_in_block: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"model": ["nmf"] * 3 + ["lda"] * 3, "topic": [1, 2, 3] * 2, "top_terms": "",
                         "planted": planted, "n_articles": 3, "n_in_block": n_in_block})


def test_known_answer_facts_pass_only_when_every_topic_and_article_is_recovered():
    _expect(topics_report.known_answer_facts(_known(["portal", "cloud", "audit"] * 2, [3] * 6)),
            case="pass", n_models=2, n_topics=6, n_recovered=6, n_placements=18, n_in_block=18)
    # LDA finds "portal" twice and a mixed topic; one NMF article leads with another block's topic
    facts = topics_report.known_answer_facts(_known(["portal", "cloud", "audit", "portal", "portal", "mixed"],
                                                    [3, 3, 2, 3, 3, 0]))
    assert facts.iloc[0].tolist() == ["fail", 2, 6, 4, 18, 14]


# --- the sweep and the choice of k ---------------------------------------------------------------------------------

def _sweep_rows(n_sweep: int = 40, window: float = np.nan) -> pd.DataFrame:
    return pd.DataFrame({"k": [2, 2, 3, 3], "model": ["lda", "nmf"] * 2, "coherence": 0.1, "coherence_sd": 0.01,
                         "stability": 0.7, "stability_min": 0.6, "n_runs": [3, 10] * 2, "window": window,
                         "n_sweep_passages": n_sweep, "n_passages": 40, "fits": "light"})


def test_sweep_facts_say_what_the_sweep_ran_on():
    settings = dict(subsample_share=0.8, n_terms=10, nmf_tol=1e-3, lda_iterations=100)
    _expect(topics_report.sweep_facts(_sweep_rows()), case="all", reason="", ks="2, 3", n_ks=2, k_min=2, k_max=3,
            n_passages=40, n_sweep_passages=40, n_runs_nmf=10, n_runs_lda=3, window=0, **settings)
    assert topics_report.sweep_facts(_sweep_rows(30))[["case", "n_sweep_passages"]].iloc[0].tolist() == ["sampled", 30]
    assert topics_report.sweep_facts(_sweep_rows(window=10.0))[["case", "window"]].iloc[0].tolist() == ["all_windows", 10]
    empty = _sweep_rows().iloc[0:0]
    empty.attrs["reason"] = "corpus too small to choose k"
    assert topics_report.sweep_facts(empty)[["case", "reason", "n_ks"]].iloc[0].tolist() == [
        "none", "corpus too small to choose k", 0]


def _sweep_table() -> pd.DataFrame:  # as in test_topics.test_choose_k_takes_the_finest_k_both_stable_and_coherent_per_model
    return pd.DataFrame([(2, "nmf", 0.10, 0.01, 0.90), (4, "nmf", 0.15, 0.01, 0.70), (6, "nmf", 0.16, 0.02, 0.65),
                         (8, "nmf", 0.20, 0.01, 0.50),
                         (2, "lda", 0.05, 0.01, 0.40), (4, "lda", 0.06, 0.01, 0.38), (6, "lda", 0.09, 0.01, 0.20)],
                        columns=["k", "model", "coherence", "coherence_sd", "stability"])


def test_choice_facts_give_the_numbers_behind_each_models_k():
    sweep = _sweep_table()
    choice = ts.choose_k(sweep)
    _expect(topics_report.choice_facts(sweep, choice, "nmf"), case="stable", model="nmf", model_name="NMF",
            stable_enough=0.6, tolerance=0.05, k=6, stability=0.65, coherence=0.16, best_stability=0.9,
            stable_ks="2, 4, 6", n_stable=3, coherent_ks="4, 6", n_coherent=2, top_k=6, top_coherence=0.16,
            noise=0.02, rule_k=6, k_min=2, k_max=8)
    # LDA never reaches 0.6: the k within 0.05 of its best (0.40) count as stable
    lda = topics_report.choice_facts(sweep, choice, "lda").iloc[0]
    assert lda[["case", "k", "best_stability", "stable_ks", "coherent_ks", "top_k"]].tolist() == [
        "sketch", 4, 0.4, "2, 4", "2, 4", 4]


def test_choice_facts_cases_largest_unmeasured_set_and_none():
    sweep = _sweep_table()
    stable_at_8 = sweep.assign(stability=[0.9, 0.9, 0.9, 0.9, 0.4, 0.38, 0.2])
    assert topics_report.choice_facts(stable_at_8, ts.choose_k(stable_at_8), "nmf")[["case", "k"]].iloc[0].tolist() == [
        "stable_largest", 8]
    no_runs = sweep.assign(stability=np.nan)
    assert topics_report.choice_facts(no_runs, ts.choose_k(no_runs), "lda")["case"].iloc[0] == "unmeasured_largest"
    set_4, set_3 = (topics_report.choice_facts(sweep, ts.choose_k(sweep, k), "nmf").iloc[0] for k in (4, 3))
    assert set_4[["case", "k", "stability", "rule_k"]].tolist() == ["set", 4, 0.7, 6]
    assert set_3[["case", "k", "rule_k"]].tolist() == ["set_unswept", 3, 6]
    empty = sweep.iloc[0:0]
    assert topics_report.choice_facts(empty, ts.choose_k(empty), "nmf")[["case", "model_name", "k"]].iloc[0].tolist() == [
        "none", "NMF", 0]


# --- the final fits and their topics -------------------------------------------------------------------------------

def _model(model: str, settings: dict) -> TopicModel:
    return TopicModel(model, 2, 42, None, _terms(), np.full((2, 4), 0.25), np.full((3, 2), 0.5), settings)


def test_fit_facts_state_the_settings_used():
    nmf = _model("nmf", {"init": "nndsvda", "solver": "cd", "max_iter": 400, "tol": 1e-4, "n_iter": 89,
                         "converged": True})
    lda = _model("lda", {"iterations": 300, "alpha": 0.1, "eta": 0.01, "n_iter": 300, "converged": None})
    _expect(topics_report.fit_facts({"nmf": nmf, "lda": lda}, "nmf"), case="converged", model="nmf",
            model_name="NMF", k=2, n_passages=3, n_fitted=3, n_inferred=0, n_iter=89, max_iter=400, tol=1e-4, alpha=np.nan, eta=np.nan,
            start="NNDSVDa", n_fits=1)
    _expect(topics_report.fit_facts({"nmf": nmf, "lda": lda}, "lda"), case="gibbs", model="lda", model_name="LDA",
            k=2, n_passages=3, n_fitted=3, n_inferred=0, n_iter=300, max_iter=300, tol=np.nan, alpha=0.1, eta=0.01, start="", n_fits=1)
    nmf.settings = {**nmf.settings, "init": "random", "fits_tried": 5, "n_fitted": 2, "n_inferred": 3}
    assert topics_report.fit_facts({"nmf": nmf}, "nmf")[["start", "n_fits", "n_fitted", "n_inferred"]].iloc[0].tolist() == [
        "seeded random", 5, 2, 3]
    nmf.settings = {**nmf.settings, "n_iter": 400, "converged": False}
    assert topics_report.fit_facts({"nmf": nmf}, "nmf")["case"].iloc[0] == "limit"
    assert topics_report.fit_facts({}, "lda")[["case", "model_name", "k"]].iloc[0].tolist() == ["none", "LDA", 0]


def test_topics_facts_name_the_largest_and_the_most_coherent_topic():
    summary = pd.DataFrame({"model": ["nmf"] * 3 + ["lda"], "topic": [1, 2, 3, 1],
                            "label": ["a / b / c", "d / e / f", "g / h / i", "x / y / z"],
                            "share": [0.5, 0.3, 0.2, 1.0], "coherence": [0.1, 0.4, 0.4, 0.25]})
    _expect(topics_report.topics_facts(summary, "nmf"), case="some", model="nmf", model_name="NMF", k=3, topic=1,
            label="a / b / c", share=0.5, coherent_topic=2, coherent_label="d / e / f", coherence=0.4)  # tie: topic 2
    assert topics_report.topics_facts(summary, "lda")[["case", "k", "label", "coherence"]].iloc[0].tolist() == [
        "one", 1, "x / y / z", 0.25]
    assert topics_report.topics_facts(summary.iloc[0:0], "nmf")[["case", "k"]].iloc[0].tolist() == ["none", 0]


def test_concentration_facts_median_leading_share_and_articles_at_least_half_in_one_topic():
    shares = pd.DataFrame({"model": ["nmf"] * 9 + ["lda"] * 2, "doc_id": list("aaabbbccc") + ["a", "a"],
                           "topic": [1, 2, 3] * 3 + [1, 2],
                           "share": [0.7, 0.2, 0.1, 0.5, 0.5, 0.0, 0.4, 0.35, 0.25, 0.9, 0.1]})
    _expect(topics_report.concentration_facts(shares, "nmf"), case="some", model="nmf", model_name="NMF", n_docs=3,
            median_lead_share=0.5, n_half=2)
    assert topics_report.concentration_facts(shares, "lda").iloc[0][["case", "n_docs", "median_lead_share"]].tolist() == [
        "one", 1, 0.9]
    assert topics_report.concentration_facts(shares.iloc[0:0], "nmf")["case"].iloc[0] == "none"


# --- matching and the baseline -------------------------------------------------------------------------------------

def _terms_table(model: str, topics_terms: dict[int, str]) -> pd.DataFrame:
    return pd.DataFrame([(model, t, f"label {t}", term) for t, terms in topics_terms.items() for term in terms.split()],
                        columns=["model", "topic", "label", "term"])


def test_matches_facts_count_shared_topics_and_name_the_closest_pair():
    a = _terms_table("nmf", {1: "portal login citizen app", 2: "cloud data server centre", 3: "audit court bribery fine"})
    b = _terms_table("lda", {1: "cloud data server rack", 2: "citizen login portal form", 3: "river boat"})
    _expect(topics_report.matches_facts(ts.match_topics(a, b)), case="some", model_a_name="NMF", model_b_name="LDA",
            n_both=2, n_only_a=1, n_only_b=1, min_shared=3, n_terms=10, topic_a=1, topic_b=2, n_shared=3,
            shared_terms="portal, login, citizen")  # a tie at 3 shared terms: the lower NMF topic
    assert topics_report.matches_facts(ts.match_topics(a, a.assign(model="lda")))[
        ["case", "n_both", "n_shared"]].iloc[0].tolist() == ["all", 3, 4]
    zero = topics_report.matches_facts(ts.match_topics(a.iloc[:4], b.iloc[8:]))
    assert zero[["case", "n_both", "n_only_a", "n_only_b", "shared_terms"]].iloc[0].tolist() == ["zero", 0, 1, 1, ""]
    assert topics_report.matches_facts(ts.match_topics(a.iloc[0:0], b))["case"].iloc[0] == "none"


def test_baseline_facts_compare_real_and_shuffled_coherence_per_model():
    baseline = pd.DataFrame({"model": ["lda", "lda", "nmf", "nmf"], "corpus": ["passages", "shuffled"] * 2,
                             "k": [2, 2, 7, 7], "coherence": [0.22, 0.20, 0.30, 0.20], "coherence_min": 0.0,
                             "coherence_max": 0.5, "n_passages": 54})
    _expect(topics_report.baseline_facts(baseline, "nmf"), case="clearly", model="nmf", model_name="NMF",
            clear_gap=0.05, k=7, coherence=0.30, shuffled_coherence=0.20, gap=0.10, n_passages=54)
    lda = topics_report.baseline_facts(baseline, "lda").iloc[0]
    assert lda[["case", "k"]].tolist() == ["barely", 2] and lda["gap"] == pytest.approx(0.02)
    worse = baseline.assign(coherence=[0.20, 0.22, 0.30, 0.20])
    assert topics_report.baseline_facts(worse, "lda")["case"].iloc[0] == "not"
    assert topics_report.baseline_facts(baseline.iloc[0:0], "nmf")[["case", "k"]].iloc[0].tolist() == ["none", 0]


# --- the front page --------------------------------------------------------------------------------------------------

def test_headline_facts_call_topics_stable_only_when_the_models_own_k_is():
    summary = pd.DataFrame({"model": ["nmf", "nmf"], "topic": [1, 2], "label": ["a / b / c", "d / e / f"],
                            "share": [0.3, 0.7], "coherence": [0.1, 0.2]})
    sweep = pd.DataFrame({"k": [2, 2, 3, 3], "model": ["lda", "nmf"] * 2, "stability": [0.5, 0.8, 0.9, 0.3]})
    choice = pd.DataFrame({"model": ["nmf", "lda"], "k": [2, 2]})
    # the first model's own stability at its k, not a mean over models
    _expect(topics_report.headline_facts(summary, choice, sweep), case="stable", model_name="NMF", k=2,
            stability=0.8, stable_enough=0.6, label="d / e / f", share=0.7)
    at_3 = choice.assign(k=3)
    assert topics_report.headline_facts(summary, at_3, sweep)[["case", "stability"]].iloc[0].tolist() == ["unstable", 0.3]
    assert topics_report.headline_facts(summary, at_3, sweep.assign(stability=[0.5, 0.8, 0.9, 0.6]))[
        "case"].iloc[0] == "stable"  # 0.6 is enough
    # stable within its standard error, as choose_k counts it: 0.56 + 0.13 / sqrt(10) = 0.601; with sd 0.10, 0.592
    noisy = sweep.assign(stability=[0.5, 0.8, 0.9, 0.56], stability_sd=0.13, n_runs=10)  # SE 0.041: 0.601 reaches 0.6
    assert topics_report.headline_facts(summary, at_3, noisy)["case"].iloc[0] == "stable"
    assert topics_report.headline_facts(summary, at_3, noisy.assign(stability_sd=0.10))["case"].iloc[0] == "unstable"
    assert topics_report.headline_facts(summary, choice.assign(k=5), sweep)["case"].iloc[0] == "unmeasured"
    assert topics_report.headline_facts(summary.iloc[0:0], choice.iloc[0:0], sweep.iloc[0:0])["case"].iloc[0] == "none"


# --- figures ---------------------------------------------------------------------------------------------------------

def test_year_shares_weight_articles_by_their_words():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                         "date": pd.to_datetime(["2019-03-01", "2019-07-01", "2020-01-01", None]),
                         "n_words": [100, 300, 50, 10]})
    wide = pd.DataFrame({1: [1.0, 0.0, 0.5, 0.2], 2: [0.0, 1.0, 0.5, 0.8]}, index=["a", "b", "c", "d"])
    grid, labels = topics_report._year_shares(docs, wide)
    assert labels == ["2019 (2)", "2020 (1)", "undated (1)"]
    assert grid[1].tolist() == pytest.approx([0.25, 0.5, 0.2])
    assert grid.sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0])


@pytest.fixture(scope="module")
def planted():
    docs = planted_docs()
    docs = docs.assign(date=pd.to_datetime([f"{2015 + i % 2}-01-0{1 + i % 5}" for i in range(len(docs))]),
                       n_words=docs["text"].str.split().str.len())
    tm = topics.fit_topics(topics.passage_terms(passages(docs)), 3, "nmf", seed=42)
    return docs, tm, topics.doc_topics(tm)


def test_heatmap_rows_are_articles_up_to_max_rows_then_years(planted):
    docs, tm, shares = planted
    fig = topics_report.heatmap(docs, shares, tm)
    assert len(fig.axes[0].get_yticklabels()) == len(docs) == 9
    assert fig.axes[0].get_ylabel() == "Article (oldest first)"
    plt.close(fig)
    fig = topics_report.heatmap(docs, shares, tm, max_rows=5)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["2015 (5)", "2016 (4)"]
    assert fig.axes[0].get_ylabel() == "Year of publication (articles)"
    assert fig.get_suptitle().startswith("Topic ") and "of 9 articles" in fig.get_suptitle()
    plt.close(fig)


def test_sweep_figure_shows_both_criteria_per_model_and_each_models_k():
    sweep = pd.DataFrame({"k": [2, 2, 3, 3, 4, 4], "model": ["lda", "nmf"] * 3,
                          "coherence": [0.1, 0.2, 0.1, 0.3, 0.1, 0.25], "coherence_sd": [0.01] * 6,
                          "stability": [0.5, 0.9, 0.4, 0.8, 0.3, 0.5], "n_runs": 3, "n_sweep_passages": 40})
    choice = ts.choose_k(sweep)
    assert dict(zip(choice["model"], choice["k"])) == {"nmf": 3, "lda": 2}
    fig = topics_report.sweep_figure(sweep, choice)
    coherence, stability = fig.axes[:2]
    assert [ax.get_ylabel() for ax in (coherence, stability)] == ["NPMI coherence (−1 to 1)",
                                                                  "Stability: top-term agreement (0 to 1)"]
    for ax, col in ((coherence, "coherence"), (stability, "stability")):
        lines = {tuple(line.get_ydata()) for line in ax.get_lines() if len(line.get_xdata()) == 3}
        assert lines == {tuple(sweep.loc[sweep.model == m, col]) for m in ("lda", "nmf")}
        rings = sorted(tuple(c.get_offsets()[0]) for c in ax.collections)
        assert rings == sorted([(2.0, sweep.loc[0, col]), (3.0, sweep.loc[3, col])])
    assert fig.get_suptitle() == "Chosen: NMF k = 3, LDA k = 2; no k stable for LDA, so sketches"
    plt.close(fig)
