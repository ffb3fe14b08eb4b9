"""Tests for egov.terms.tokens: tokenizer, counts, document-term matrix, tf-idf, concepts."""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from egov import terms
from egov.terms.concepts import concept_patterns, count_concepts, load_concepts

THREE = pd.DataFrame({
    "doc_id": ["d1", "d2", "d3"],
    "text": [
        "The smart city uses big data. Smart cities need big data and cloud computing.",
        "Digital government is digital. The digital government platform serves citizens.",
        "E-government and Internet+ help citizens; e-government said AI 2024.",
    ],
})


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    from egov.corpus.load import load_corpus

    return load_corpus("seeds")


# --- tokenize -------------------------------------------------------------------------

def test_tokenize_keeps_hyphen_and_plus_forms_and_drops_numbers():
    assert terms.tokenize("The e-Government platforms of Internet+ in 2016") == [
        "e-government", "platform", "internet+"]
    assert terms.tokenize("Internet + government") == ["internet+", "government"]


def test_tokenize_options():
    text = "China's cities said 40 5G"
    assert terms.tokenize(text, lemmas=False, drop_stopwords=False) == ["china", "cities", "said", "5g"]
    assert terms.tokenize(text, drop_stopwords=False) == ["china", "city", "say", "5g"]
    assert terms.tokenize(text, numbers=True) == ["china", "city", "40", "5g"]
    assert terms.tokenize("AI and the media") == ["ai", "media"]  # not simplemma's "be", "medium"


def test_tokenize_rejects_non_text():
    with pytest.raises(ValueError, match="needs a str"):
        terms.tokenize(None)


def test_tokenize_corpus_matches_tokenize():
    series = terms.tokenize_corpus(THREE)
    assert list(series.index) == list(THREE.index)
    assert series.tolist() == [terms.tokenize(t) for t in THREE["text"]]
    assert series.iloc[2] == ["e-government", "internet+", "help", "citizen", "e-government", "ai"]


# --- count_terms ------------------------------------------------------------------------

def test_count_terms_exact_unigrams():
    counts = terms.count_terms(THREE)
    assert list(counts.columns) == ["doc_id", "term", "n", "count", "per_1k"]
    d1 = counts[counts.doc_id == "d1"]
    # d1: the smart city uses big data smart cities need big data and cloud computing = 14 tokens
    assert list(zip(d1.term, d1["count"])) == [
        ("big", 2), ("city", 2), ("data", 2), ("smart", 2),
        ("cloud", 1), ("computing", 1), ("need", 1), ("use", 1)]
    assert d1["per_1k"].iloc[0] == pytest.approx(2 * 1000 / 14)
    d3 = counts[counts.doc_id == "d3"]
    assert list(zip(d3.term, d3["count"])) == [
        ("e-government", 2), ("ai", 1), ("citizen", 1), ("help", 1), ("internet+", 1)]
    assert counts["count"].sum() == 12 + 8 + 6  # tokens left after stopwords: d1 12, d2 8, d3 6
    assert counts.dtypes["count"] == np.int64


def test_count_terms_bigrams_skip_stopwords():
    counts = terms.count_terms(THREE, ngram_range=(2, 2))
    got = {(r.doc_id, r.term): r.count for r in counts.itertuples()}
    assert got == {
        ("d1", "smart city"): 2, ("d1", "big data"): 2, ("d1", "city use"): 1, ("d1", "use big"): 1,
        ("d1", "data smart"): 1, ("d1", "city need"): 1, ("d1", "need big"): 1, ("d1", "cloud computing"): 1,
        ("d2", "digital government"): 2, ("d2", "government platform"): 1, ("d2", "platform serve"): 1,
        ("d2", "serve citizen"): 1,
        ("d3", "internet+ help"): 1, ("d3", "help citizen"): 1, ("d3", "citizen e-government"): 1,
    }
    assert set(counts["n"]) == {2}


def test_count_terms_trigrams_and_min_count():
    counts = terms.count_terms(THREE, ngram_range=(1, 3), min_count=2)
    overall = counts.groupby("term")["count"].sum().to_dict()
    # min_count=2 on corpus totals: "citizen" (d2+d3) stays, one-off terms go
    assert overall == {"big": 2, "city": 2, "data": 2, "smart": 2, "big data": 2, "smart city": 2,
                       "digital": 3, "government": 2, "digital government": 2, "e-government": 2,
                       "citizen": 2}
    tri = terms.count_terms(THREE, ngram_range=(3, 3))
    assert ("d2", "government platform serve") in set(zip(tri.doc_id, tri.term))


def test_count_terms_uses_n_words_when_present():
    docs = THREE.assign(n_words=[100, 200, 400])
    counts = terms.count_terms(docs)
    row = counts[(counts.doc_id == "d2") & (counts.term == "digital")].iloc[0]
    assert row["per_1k"] == pytest.approx(3 * 1000 / 200)


def test_count_terms_from_shared_tokens_equals_default():
    tokens = terms.tokenize_corpus(THREE, drop_stopwords=False)
    pd.testing.assert_frame_equal(terms.count_terms(THREE, (1, 2), tokens=tokens).drop(columns="per_1k"),
                                  terms.count_terms(THREE, (1, 2)).drop(columns="per_1k"))


# --- document_term_matrix -----------------------------------------------------------------

def test_document_term_matrix():
    x, vocab, ids = terms.document_term_matrix(THREE)
    assert ids == ["d1", "d2", "d3"]
    assert vocab == sorted(vocab)
    assert x.shape == (3, len(vocab))
    assert x[1, vocab.index("digital")] == 3
    assert x[:, vocab.index("citizen")].toarray().ravel().tolist() == [0, 1, 1]
    x2, vocab2, _ = terms.document_term_matrix(THREE, ngram_range=(1, 2), min_df=2)
    assert vocab2 == ["citizen"]
    _, vocab3, _ = terms.document_term_matrix(THREE, max_df=0.4)
    assert "citizen" not in vocab3 and "digital" in vocab3
    with pytest.raises(ValueError, match="ngram_range"):
        terms.document_term_matrix(THREE, ngram_range=(2, 1))


# --- tf_idf -----------------------------------------------------------------------------------

def test_tf_idf_exact():
    table = terms.tf_idf(terms.count_terms(THREE))
    row = table[(table.doc_id == "d3") & (table.term == "citizen")].iloc[0]
    assert row["tf"] == pytest.approx(1 / 6)            # d3 has 6 counted terms
    assert row["idf"] == pytest.approx(math.log(3 / 2))  # in d2 and d3 of 3 articles
    assert row["tf_idf"] == pytest.approx(math.log(1.5) / 6)
    top = table[table.doc_id == "d2"].iloc[0]
    assert top["term"] == "digital" and top["tf_idf"] == pytest.approx(3 / 8 * math.log(3))


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("func", [terms.count_terms, terms.tokenize_corpus, terms.document_term_matrix,
                                  count_concepts])
def test_empty_corpus_and_missing_columns(func):
    with pytest.raises(ValueError, match="empty corpus"):
        func(THREE.iloc[0:0])
    with pytest.raises(ValueError, match="'text'"):
        func(THREE.drop(columns="text"))
    with pytest.raises(ValueError, match="'doc_id'"):
        func(THREE.drop(columns="doc_id"))


def test_one_article_counts_fine():
    counts = terms.count_terms(THREE.iloc[:1])
    assert counts["doc_id"].unique().tolist() == ["d1"]
    table = terms.tf_idf(counts)
    assert (table["idf"] == 0).all()  # every term is in the only article


def test_text_without_words():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["2016 40% --", "smart city"]})
    counts = terms.count_terms(docs, (1, 2))
    assert counts["doc_id"].tolist() == ["b", "b", "b"]


# --- concepts ------------------------------------------------------------------------------------

def test_concept_table_has_the_required_concepts():
    table = load_concepts()
    assert list(table.columns) == ["concept", "variant", "pattern", "language"]
    assert set(table["language"]) == {"en", "zh"}
    required = {"e-government", "Internet Plus", "digital government", "big data", "blockchain",
                "smart city", "cloud computing", "artificial intelligence", "one-stop service",
                "government services platform"}
    assert required <= set(table["concept"])


def test_concepts_no_double_counting_and_ai():
    docs = pd.DataFrame({"doc_id": ["x"], "text": [
        "Smart cities and a smart city. The e-government affairs cloud platform of eGovernment. "
        "AI said Ai Weiwei; A.I. Internet + plans, Internet+ and internet plus. Block chain, blockchain."]})
    got = count_concepts(docs).set_index("concept")
    assert got.loc["smart city", "count"] == 2
    assert got.loc["smart city", "variants"] == "smart cities (1); smart city (1)"
    assert got.loc["e-government", "count"] == 2
    assert got.loc["artificial intelligence", "count"] == 1  # "AI" only: not "said", not "Ai", not "A.I."
    assert got.loc["Internet Plus", "count"] == 3
    assert got.loc["blockchain", "count"] == 2
    assert got.loc["digital government", "count"] == 0 and got.loc["digital government", "variants"] == ""


def test_concepts_on_seeds_equal_regex_search(seeds):
    table = count_concepts(seeds)
    assert list(table.columns) == ["doc_id", "concept", "count", "per_1k", "variants", "language"]
    assert set(table["language"]) == {"en"}
    assert len(table) == len(seeds) * load_concepts()["concept"].nunique()
    dg = table[table.concept == "digital government"].set_index("doc_id")["count"].to_dict()
    assert dg == {"000_1de2c263adca71ba": 0, "001_25c11bf700732c71": 6, "002_45078248bcd7804d": 12,
                  "003_845d21818b79e0b5": 0, "004_5bbbb0974fd2393b": 0}
    bd = table[table.concept == "big data"]["count"].tolist()
    assert bd == [len(re.findall(r"big\s+data", t, re.I)) for t in seeds.sort_values("doc_id")["text"]]
    # every concept: count == a case-insensitive search of its variants, each variant on its own
    # (the seeds have no overlapping variants, so the per-variant counts add up)
    concepts = load_concepts()
    text_of = seeds.set_index("doc_id")["text"]
    for row in table.itertuples():
        pats = concepts.loc[(concepts.concept == row.concept) & (concepts.language == "en"), "pattern"]
        expected = sum(len(re.findall(r"(?<!\w)(?:" + p + r")(?!\w)", text_of[row.doc_id], re.I)) for p in pats)
        assert row.count == expected, (row.doc_id, row.concept)
        assert row.count == len(concept_patterns()[row.concept].findall(text_of[row.doc_id]))


def test_concept_table_validation():
    bad = pd.DataFrame({"concept": ["x"], "variant": ["x"], "pattern": ["(a"]})
    with pytest.raises(ValueError, match="not a valid regex"):
        count_concepts(THREE, bad)
    with pytest.raises(ValueError, match="capturing groups"):
        count_concepts(THREE, bad.assign(pattern="(a)"))
    with pytest.raises(ValueError, match="'variant'"):
        count_concepts(THREE, bad.drop(columns="variant"))
    own = pd.DataFrame({"concept": ["cc"], "variant": ["cloud computing"], "pattern": [""]})
    assert count_concepts(THREE, own)["count"].tolist() == [1, 0, 0]


def test_deterministic():
    pd.testing.assert_frame_equal(terms.count_terms(THREE, (1, 3)), terms.count_terms(THREE, (1, 3)))


def test_chinese_counts_are_segmented_words():
    docs = pd.DataFrame({"doc_id": ["z"], "text": ["推進「一網通辦」，一网通办的群众很满意。"]})
    counts = terms.count_terms(docs, (1, 2)).set_index("term")
    assert counts.loc["一网通办", "count"] == 2  # Traditional and Simplified writings are one word
    assert "的" not in counts.index  # a Chinese stopword
    words = terms.tokenize(docs["text"][0], drop_stopwords=False)
    assert words == ["推进", "一网通办", "一网通办", "的", "群众", "很", "满意"]
    assert counts.loc["一网通办", "per_1k"] == pytest.approx(2 * 1000 / 7)  # per 1,000 segmented words
    assert counts.loc["推进 一网通办", "n"] == 2
