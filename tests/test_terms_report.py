"""Smoke and edge tests for egov.terms.report (notebook 02's sentences, tables and figures)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from egov import terms
from egov.terms import report as terms_report

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


def _counts(rows):
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"]).assign(per_1k=1.0, n=1)


def test_term_counts_export_keeps_terms_used_twice_and_cuts_by_article_frequency():
    # "a" in 3 articles, "b" in 2, "c" twice in one article, "d" once (never exported)
    counts = _counts([("1", "a", 1), ("2", "a", 1), ("3", "a", 4), ("1", "b", 1), ("2", "b", 1),
                      ("1", "c", 2), ("3", "d", 1)])
    whole = terms_report.term_counts_table(counts)
    assert len(whole) == 6 and "d" not in set(whole["term"]) and whole.attrs["min_docs"] == 1
    assert terms_report.exports_sentence(whole, terms_report.keyness_table(*[pd.DataFrame()] * 3)).startswith(
        "`term_counts.csv` holds all 6 rows")
    cut = terms_report.term_counts_table(counts, max_rows=5)  # 3 + 2 rows fit; "c" (1 article) does not
    assert sorted(cut["term"]) == ["a", "a", "a", "b", "b"]
    assert cut.attrs == {"min_docs": 2, "n_full": 6}
    assert sorted(terms_report.term_counts_table(counts, max_rows=4)["term"]) == ["a", "a", "a"]


def test_keyness_export_keeps_each_articles_top_terms_when_too_long():
    per_article = pd.DataFrame({"target": ["x"] * 3 + ["y"] * 3, "term": list("pqrpqr"),
                                "g2": [1.0, 5.0, -9.0, 2.0, 2.0, 7.0]}).assign(
        count_target=1, count_reference=1, p_value=0.5, log_ratio=0.0)
    per_year = per_article.head(1).assign(target=2019)
    empty = per_article.iloc[:0]
    assert len(terms_report.keyness_table(per_article, per_year, empty)) == 7
    cut = terms_report.keyness_table(per_article, per_year, empty, max_rows=5)  # 5 - 1 year row = 2 per article
    arts = cut[cut["comparison"] == "article vs rest"]
    assert list(zip(arts["target"], arts["term"])) == [("x", "q"), ("x", "p"), ("y", "r"), ("y", "p")]
    assert (cut["comparison"] == "year vs rest").sum() == 1
    assert cut.attrs == {"per_article": 2, "n_full": 7}
    assert "each article's 2 terms with the highest G2" in terms_report.exports_sentence(
        terms_report.term_counts_table(_counts([("1", "a", 2)])), cut, max_rows=5)


def test_keyness_sentence_says_when_the_tables_show_only_some_articles():
    r = _run(DOCS)
    assert "oldest" not in terms_report.keyness_sentence(DOCS, r["per_article"])
    text = terms_report.keyness_sentence(DOCS, r["per_article"], shown=2)
    assert text.endswith("The two tables above show the 2 oldest of the 3 articles; `keyness.csv` holds the "
                         "keywords of every article.")
