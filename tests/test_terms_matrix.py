"""The sparse path (terms.count_matrix -> TermMatrix) gives exactly the long-table path's
counts, tf-idf, keyness and exported tables (issue 18: terms-stage memory)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov import terms
from egov.terms import report as terms_report
from egov.terms import exports as term_exports
from egov.terms.matrix import TermMatrix

# Five hand-made articles over three years, one undated; "portal" and "online service"
# recur, "audit" is one article's own, d5 has only stopwords and a number.
DOCS = pd.DataFrame({
    "doc_id": ["d2", "d1", "d3", "d4", "d5"],
    "text": [
        "The online service portal lets citizens apply online. The portal is new; citizens like the portal.",
        "Citizens use the online service portal. Online service portals save time for citizens and firms.",
        "The audit office checks the portal. Audit results show the online service is slow; audit again.",
        "Cloud data centres host the portal and the online service. Data centres use cloud computing.",
        "It is what it is, 2019.",
    ],
    "date": pd.to_datetime(["2016-05-01", "2016-02-01", "2018-03-01", None, "2020-01-01"]),
})
DOCS["n_words"] = DOCS["text"].str.split().str.len()


def _as_text(table: pd.DataFrame) -> pd.DataFrame:
    """target and term as plain text, counts as int64 (the matrix path gives Categoricals and int32)."""
    assert table["count_target"].dtype == np.int32 and table["count_reference"].dtype == np.int32
    return table.astype({"target": "str", "term": "str", "count_target": "int64", "count_reference": "int64"})


@pytest.fixture(scope="module")
def both():
    """(long counts, TermMatrix) of 1-3-grams."""
    return terms.count_terms(DOCS, ngram_range=(1, 3)), terms.count_matrix(DOCS, ngram_range=(1, 3))


def test_count_matrix_holds_the_long_counts(both):
    long, tm = both
    assert isinstance(tm, TermMatrix) and tm.matrix.dtype == np.int32
    assert tm.matrix.shape == (5, len(tm.terms)) and tm.nnz == len(long)
    assert_frame_equal(tm.to_frame(), long, check_exact=True)
    assert_frame_equal(tm.select(1).to_frame(), long[long["n"] == 1].reset_index(drop=True), check_exact=True)
    portal = list(tm.terms).index("portal")
    assert tm.totals()[portal] == 7 and tm.doc_freq()[portal] == 4  # 3 + 2 + 1 + 1 in d2, d1 ("portals"), d3, d4
    assert long.query("doc_id == 'd2' and term == 'portal'")["count"].item() == 3


def test_tf_idf_from_the_matrix_equals_the_long_path(both):
    long, tm = both
    uni = long[long["n"] == 1]
    got = terms.tf_idf(tm.select(1))
    assert_frame_equal(got, terms.tf_idf(uni), check_exact=True)
    for ids in (["d3"], ["d1", "d4", "d5"]):
        want = terms.tf_idf(uni)
        want = want[want["doc_id"].isin(ids)].reset_index(drop=True)
        assert_frame_equal(terms.tf_idf(tm.select(1), doc_ids=ids), want, check_exact=True)
        assert_frame_equal(terms.tf_idf(uni, doc_ids=ids), want, check_exact=True)
    assert terms_report.shown_articles(DOCS, 3) == ["d1", "d2", "d3"]
    row = got.query("doc_id == 'd3' and term == 'audit'").iloc[0]
    # d3 counts 11 single words, "audit" 3 of them; 4 articles have counts, 1 uses "audit"
    assert row["tf"] == 3 / 11 and row["idf"] == np.log(4 / 1)


@pytest.mark.parametrize("by", ["doc_id", "year"])
@pytest.mark.parametrize("min_count", [1, 3])
def test_keyness_by_from_the_matrix_equals_the_long_path(both, by, min_count):
    long, tm = both
    group = DOCS["date"].dt.year if by == "year" else by
    for n in (1, 2):
        want = terms.keyness_by(DOCS, long[long["n"] == n], group, min_count=min_count)
        got = terms.keyness_by(DOCS, tm.select(n), group, min_count=min_count)
        assert len(got) > 0 and isinstance(got["term"].dtype, pd.CategoricalDtype)
        assert_frame_equal(_as_text(got), want, check_exact=True)


def test_keyness_by_matrix_exact_numbers(both):
    _, tm = both
    table = terms.keyness_by(DOCS, tm.select(1), "doc_id", min_count=3)
    audit = table.query("target == 'd3' and term == 'audit'").iloc[0]
    assert (audit["count_target"], audit["count_reference"]) == (3, 0)
    words = DOCS.set_index("doc_id")["n_words"]
    size_t, size_r = words["d3"], words[["d1", "d2", "d4"]].sum()  # d5 has no counted word
    g2, p, lr = terms.distinctive.g2_log_ratio(3, 0, size_t, size_r)
    assert (audit["g2"], audit["p_value"], audit["log_ratio"]) == (float(g2), float(p), float(lr))
    assert terms.keyness_by(DOCS.head(1), tm.select(1), "doc_id").empty  # one article: no reference


def test_keyness_vs_english_from_the_matrix_equals_the_long_path():
    long = terms.count_terms(DOCS, lemmas=False)
    tm = terms.count_matrix(DOCS, lemmas=False)
    for min_count in (1, 3):
        assert_frame_equal(terms.keyness_vs_english(tm, docs=DOCS, min_count=min_count),
                           terms.keyness_vs_english(long, docs=DOCS, min_count=min_count), check_exact=True)
    assert terms.keyness_vs_general(tm, "zh", docs=DOCS).empty


def test_report_tables_from_the_matrix_equal_the_long_path(both):
    long, tm = both
    for ngram in (1, 2, 3):
        assert_frame_equal(terms_report.top_terms(DOCS, tm, n=5, ngram=ngram),
                           terms_report.top_terms(DOCS, long, n=5, ngram=ngram), check_exact=True)
    assert_frame_equal(terms_report.top_phrases(DOCS, tm), terms_report.top_phrases(DOCS, long), check_exact=True)
    for max_rows in (None, 1_000, 20, 16, 8, 1):
        got = term_exports.term_counts_table(tm, max_rows=max_rows)
        want = term_exports.term_counts_table(long, max_rows=max_rows)
        assert_frame_equal(got, want, check_exact=True)
        assert got.attrs == want.attrs
    assert term_exports.term_counts_table(tm, max_rows=8).empty  # the four widest terms need 16 rows
    cut = term_exports.term_counts_table(tm, max_rows=16)
    assert cut.attrs["min_docs"] == 4 and set(cut["term"]) == {"portal", "online", "service", "online service"}


def test_empty_matrix_is_refused():
    tm = terms.count_matrix(DOCS.tail(1))
    assert tm.nnz == 0
    with pytest.raises(ValueError, match="empty corpus"):
        terms.tf_idf(tm)


def test_categorical_frame_gives_the_same_facts(both):
    long, tm = both
    uni = long[long["n"] == 1].reset_index(drop=True)
    small = tm.select(1).to_frame(categorical=True)
    assert isinstance(small["term"].dtype, pd.CategoricalDtype)
    assert small["term"].astype(str).tolist() == uni["term"].tolist()
    assert small["doc_id"].astype(str).tolist() == uni["doc_id"].tolist()
    assert_frame_equal(small.assign(doc_id=small["doc_id"].astype("str"), term=small["term"].astype("str")), uni)
    per_article = terms.keyness_by(DOCS, uni, "doc_id")
    vs_english = terms.keyness_vs_english(terms.count_terms(DOCS, lemmas=False), docs=DOCS)
    concepts = terms.count_concepts(DOCS)
    pairs = tm.select(1).pairs()
    assert list(pairs.columns) == ["doc_id", "term", "count"] and len(pairs) == len(uni)
    assert (sorted(zip(pairs["doc_id"].astype(str), pairs["term"].astype(str), pairs["count"]))
            == sorted(zip(uni["doc_id"], uni["term"], uni["count"])))
    for frame in (small, pairs):
        assert terms_report.top_terms_facts(DOCS, frame).equals(terms_report.top_terms_facts(DOCS, long))
        assert_frame_equal(terms_report.evidence_facts(DOCS, frame, concepts, per_article, vs_english),
                           terms_report.evidence_facts(DOCS, long, concepts, per_article, vs_english))
    three = DOCS.head(3)  # every article has words: the shared vocabulary line appears
    tm3 = terms.count_matrix(three)
    shared = terms_report.evidence_facts(three, tm3.pairs(), concepts, per_article, vs_english)
    assert shared[["n_shared", "shared_top"]].iloc[0].tolist() == [3, "portal, online, service"]
    assert_frame_equal(shared, terms_report.evidence_facts(three, terms.count_terms(three), concepts, per_article,
                                                           vs_english))


def test_report_functions_read_matrix_keyness_like_the_long_tables(both):
    long, tm = both
    uni, tm1 = long[long["n"] == 1], tm.select(1)
    per_article = terms.keyness_by(DOCS, uni, "doc_id", min_count=1)
    per_article_m = terms.keyness_by(DOCS, tm1, "doc_id", min_count=1)
    per_year = terms.keyness_by(DOCS, uni, DOCS["date"].dt.year, min_count=1)
    per_year_m = terms.keyness_by(DOCS, tm1, DOCS["date"].dt.year, min_count=1)
    vs_english = terms.keyness_vs_english(terms.count_matrix(DOCS, lemmas=False), docs=DOCS, min_count=1)
    concepts = terms.count_concepts(DOCS)
    assert terms_report.keyness_facts(DOCS, per_article_m).equals(terms_report.keyness_facts(DOCS, per_article))
    assert terms_report.period_facts(DOCS, per_year_m).equals(terms_report.period_facts(DOCS, per_year))
    assert_frame_equal(terms_report.evidence_facts(DOCS, uni, concepts, per_article_m, vs_english),
                       terms_report.evidence_facts(DOCS, uni, concepts, per_article, vs_english))
    shown = terms_report.top_per_article(DOCS, per_article_m, score="g2", id_col="target")
    assert_frame_equal(shown.astype({"doc_id": "str", "term": "str", "count_target": "int64"}),
                       terms_report.top_per_article(DOCS, per_article, score="g2", id_col="target"))
    for max_rows in (None, 30):
        got = terms_report.keyness_table(per_article_m, per_year_m, vs_english, max_rows=max_rows)
        want = terms_report.keyness_table(per_article, per_year, vs_english, max_rows=max_rows)
        assert got.to_csv(index=False) == want.to_csv(index=False) and got.attrs == want.attrs
