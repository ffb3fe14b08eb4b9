"""Smoke and edge tests for egov.terms_report (notebook 02's sentences, tables and figures)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from egov import terms, terms_report

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "date": pd.to_datetime(["2016-01-05", None, "2019-03-01"]),
    "n_words": [12, 9, 10],
    "text": ["Smart cities use big data. Big data helps the smart city and e-government.",
             "Digital government reform: the digital government platform of Guangdong.",
             "E-government and Internet+ help citizens; big data and blockchain too."],
})


def _run(docs: pd.DataFrame) -> dict:
    counts = terms.count_terms(docs, (1, 3))
    uni = counts[counts["n"] == 1]
    concepts = terms.count_concepts(docs)
    per_article = terms.keyness_by(docs, uni, "doc_id", min_count=1)
    per_year = terms.keyness_by(docs, uni, docs["date"].dt.year, min_count=1)
    vs_english = terms.keyness_vs_english(terms.count_terms(docs, lemmas=False), min_count=1)
    return dict(counts=counts, concepts=concepts, per_article=per_article, per_year=per_year, vs_english=vs_english)


@pytest.mark.parametrize("n", [1, 3])
def test_sentences_tables_and_figures_run(n):
    docs = DOCS.iloc[:n]
    r = _run(docs)
    assert "most frequent" in terms_report.top_terms_sentence(docs, r["counts"])
    assert terms_report.concept_check(docs, r["concepts"])["equal"].all()
    totals = terms_report.concept_totals(docs, r["concepts"])
    assert totals["count"].sum() == r["concepts"]["count"].sum()
    text = terms_report.keyness_sentence(docs, r["per_article"])
    assert ("fewer" in text) == (n == 1)
    assert "year" in terms_report.period_sentence(docs, r["per_year"])
    table = terms_report.keyness_table(r["per_article"], r["per_year"], r["vs_english"])
    assert list(table.columns[:7]) == ["target", "term", "count_target", "count_reference", "g2", "p_value",
                                       "log_ratio"]
    assert terms_report.evidence(docs, r["counts"], r["concepts"], r["per_article"], r["vs_english"]).startswith("- ")
    assert set(terms_report.kwic_examples(docs, r["concepts"])["concept"]) <= set(totals["concept"])
    for fig in (terms_report.concept_figure(docs, r["concepts"]), terms_report.english_figure(r["vs_english"])):
        assert fig.get_suptitle()
        plt.close(fig)


def test_concept_figure_aggregates_large_undated_corpora():
    docs = pd.concat([DOCS] * 15, ignore_index=True).assign(doc_id=[f"d{i:02d}" for i in range(45)], date=pd.NaT)
    fig = terms_report.concept_figure(docs, terms.count_concepts(docs))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["undated"]
    plt.close(fig)
