"""Figures and sentences of notebook 03 (egov.topics.report) on hand-made shares."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from egov import topics
from egov.topics import report as topics_report
from egov.topics.split import passages
from test_topics import planted_docs


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


def test_headline_calls_topics_stable_only_when_the_chosen_k_is():
    table = pd.DataFrame({"model": ["nmf", "nmf"], "topic": [1, 2], "label": ["a / b / c", "d / e / f"],
                          "share": [0.3, 0.7]})
    sweep = pd.DataFrame({"k": [2, 2, 3, 3], "model": ["lda", "nmf"] * 2, "stability": [0.5, 0.8, 0.9, 0.3]})
    # the first model's own stability at its k, not a mean over models
    assert topics_report.headline(table, 2, sweep) == ("2 NMF topics, stable (0.80); the largest is 'd / e / f' "
                                                      "with 70% of the words.")
    assert topics_report.headline(table, 3, sweep.assign(stability=[0.5, 0.8, 0.9, 0.6])).startswith(
        "3 NMF topics, stable (0.60);")  # 0.6 is enough
    assert topics_report.headline(table, 3, sweep).startswith(
        "3 NMF topics, unstable (0.30, below 0.6: read as sketches)")


def test_sweep_figure_shows_both_criteria_per_model_and_each_models_k():
    from egov.topics import selection as ts

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
