"""egov.terms.figures: notebook 02's figures state their finding and read right for one article."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from egov import terms
from egov.terms import figures as terms_figures
from test_terms_report import DOCS, _run


@pytest.mark.parametrize("n, concept_title, rows, english_title", [
    (1, "'big data' is the most used concept: 2 mentions in 1 of 1 article", ["2016-01-05 a"],
     "'smart' is 2,465 times as frequent here as in general English"),
    (3, "'big data' is the most used concept: 3 mentions in 2 of 3 articles",
     ["2016-01-05 a", "2019-03-01 c", "undated b"], "'data' is 442 times as frequent here as in general English"),
])
def test_figure_titles_state_the_finding(n, concept_title, rows, english_title):
    r = _run(DOCS.iloc[:n])
    fig = terms_figures.concept_figure(DOCS.iloc[:n], r["concepts"])
    assert fig.get_suptitle() == concept_title
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == rows
    plt.close(fig)
    fig = terms_figures.english_figure(r["vs_english"])
    assert fig.get_suptitle() == english_title
    plt.close(fig)


def test_english_figure_says_when_no_word_is_over_used():
    fig = terms_figures.english_figure(_run(DOCS)["vs_english"].iloc[:0])
    assert fig.get_suptitle() == "No word is over-used compared with general English"
    plt.close(fig)


def test_concept_figure_aggregates_large_undated_corpora():
    docs = pd.concat([DOCS] * 15, ignore_index=True).assign(doc_id=[f"d{i:02d}" for i in range(45)], date=pd.NaT)
    fig = terms_figures.concept_figure(docs, terms.count_concepts(docs))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["undated"]
    plt.close(fig)
