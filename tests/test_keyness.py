"""Tests for egov.terms.distinctive (G2, Log Ratio, by group, vs English) and egov.terms.phrases (collocations, kwic)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from egov import terms
from egov.terms.distinctive import g2_log_ratio, keyness, keyness_by, keyness_vs_english
from egov.terms.phrases import collocations, kwic

# A 2x2 table worked by hand. Target "t" has 1,000 words, 10 of them "x";
# reference "r" has 2,000 words, 5 of them "x". N = 3,000; "x" occurs 15 times.
#   expected: E11 = 1000*15/3000 = 5     E12 = 2000*15/3000 = 10
#             E21 = 1000*2985/3000 = 995 E22 = 2000*2985/3000 = 1990
#   observed: O11 = 10, O12 = 5, O21 = 990, O22 = 1995
#   G2 = 2 * (10 ln(10/5) + 5 ln(5/10) + 990 ln(990/995) + 1995 ln(1995/1990))
#      = 2 * (6.931472 - 3.465736 - 4.987421 + 5.006281) = 2 * 3.484596 = 6.969192
#   p = P(chi2_1 > 6.969192) = 0.008292
#   Log Ratio = log2((10/1000) / (5/2000)) = log2(0.01 / 0.0025) = log2(4) = 2
# "only" is used 3 times in t, never in r: Log Ratio with 0 -> 0.5:
#   log2((3/1000) / (0.5/2000)) = log2(12) = 3.584963
HAND = pd.DataFrame({
    "doc_id": ["t", "t", "t", "r", "r"],
    "term": ["x", "only", "other", "x", "other"],
    "count": [10, 3, 987, 5, 1995],
})


def test_g2_and_log_ratio_by_hand():
    table = keyness(HAND, ["t"], min_count=1).set_index("term")
    assert table.loc["x", "count_target"] == 10 and table.loc["x", "count_reference"] == 5
    assert table.loc["x", "g2"] == pytest.approx(6.969192, abs=1e-6)
    assert table.loc["x", "p_value"] == pytest.approx(0.008292, abs=1e-6)
    assert table.loc["x", "log_ratio"] == pytest.approx(2.0)
    assert table.loc["only", "g2"] > 0
    assert table.loc["only", "log_ratio"] == pytest.approx(3.584963, abs=1e-6)
    g2, p, lr = g2_log_ratio(10, 5, 1000, 2000)
    assert float(g2) == pytest.approx(6.969192, abs=1e-6) and float(lr) == pytest.approx(2.0)


def test_swapping_target_and_reference_flips_the_sign():
    a = keyness(HAND, ["t"], min_count=1).set_index("term")
    b = keyness(HAND, ["r"], min_count=1).set_index("term")
    assert b.loc["x", "g2"] == pytest.approx(-a.loc["x", "g2"])
    assert b.loc["x", "log_ratio"] == pytest.approx(-2.0)
    assert b.loc["x", "count_target"] == 5


def test_target_forms_and_min_count():
    by_list = keyness(HAND, ["t"], min_count=1)
    by_series = keyness(HAND, pd.Series({"t": True, "r": False}), min_count=1)
    by_func = keyness(HAND, lambda d: d == "t", min_count=1)
    pd.testing.assert_frame_equal(by_list, by_series)
    pd.testing.assert_frame_equal(by_list, by_func)
    assert list(by_list.columns) == ["term", "count_target", "count_reference", "g2", "p_value", "log_ratio"]
    assert "only" not in set(keyness(HAND, ["t"], min_count=4)["term"])
    assert by_list["g2"].is_monotonic_decreasing


def test_keyness_bad_targets():
    with pytest.raises(ValueError, match="no documents"):
        keyness(HAND, ["nope"])
    with pytest.raises(ValueError, match="reference is empty"):
        keyness(HAND, ["t", "r"])
    with pytest.raises(ValueError, match="'count'"):
        keyness(HAND.drop(columns="count"), ["t"])
    with pytest.raises(ValueError, match="empty corpus"):
        keyness(HAND.iloc[0:0], ["t"])


def test_keyness_uses_running_words_from_per_1k():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["cloud cloud data", "data portal"],
                         "n_words": [1000, 2000]})
    table = keyness(terms.count_terms(docs), ["a"], min_count=1).set_index("term")
    assert table.loc["cloud", "log_ratio"] == pytest.approx(math.log2((2 / 1000) / (0.5 / 2000)))


def test_keyness_by_matches_keyness_and_handles_one_group():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2016, 2016, 2019],
                         "text": ["cloud cloud data city", "cloud portal data", "audit audit official data"]})
    counts = terms.count_terms(docs)
    by_year = keyness_by(docs, counts, "year", min_count=1)
    assert list(by_year.columns) == ["target", "term", "count_target", "count_reference", "g2", "p_value",
                                     "log_ratio"]
    assert set(by_year["target"]) == {"2016", "2019"}
    direct = keyness(counts, ["a", "b"], min_count=1)
    direct = direct[direct.count_target > 0].reset_index(drop=True)
    pd.testing.assert_frame_equal(by_year[by_year.target == "2016"].drop(columns="target").reset_index(drop=True),
                                  direct)
    per_doc = keyness_by(docs, counts, min_count=1)
    assert set(per_doc["target"]) == {"a", "b", "c"}
    assert (per_doc["count_target"] > 0).all()
    one = keyness_by(docs.iloc[:1], terms.count_terms(docs.iloc[:1]))
    assert one.empty and list(one.columns) == list(by_year.columns)
    with pytest.raises(ValueError, match="'period'"):
        keyness_by(docs, counts, "period")


def test_keyness_vs_english():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["the e-government platform of Chancheng " * 5]})
    table = keyness_vs_english(terms.count_terms(docs, lemmas=False), min_count=1)
    assert list(table.columns) == ["target", "term", "count_target", "count_reference", "g2", "p_value",
                                   "log_ratio", "english_per_million"]
    assert set(table["target"]) == {"corpus"}
    row = table.set_index("term").loc["chancheng"]
    assert row["english_per_million"] == 0 and row["g2"] > 0
    with pytest.raises(ValueError, match="reference_size"):
        keyness_vs_english(terms.count_terms(docs), reference_size=0)


# --- collocations --------------------------------------------------------------------------

COLLOC = pd.DataFrame({"doc_id": ["a", "b"], "text": [
    "Big data helps. Big data grows. The cloud is big.",
    "Big data and smart city plans. Data portal.",
]})


def test_collocations_counts_and_measures():
    table = collocations(COLLOC, min_count=2)
    assert list(table.columns) == ["bigram", "term1", "term2", "count", "count_term1", "count_term2",
                                   "llr", "pmi", "measure", "score", "language"]
    assert table["bigram"].tolist() == ["big data"]
    row = table.iloc[0]
    # adjacent pairs within articles: a has 10 tokens -> 9 pairs, b has 8 -> 7 pairs; N = 16
    # "big" first in 3 pairs ("big data" x3; the final "big" of a starts no pair); "data" second
    # in 4 ("big data" x3 and "plan data", pairs run across sentence ends)
    assert (row["count"], row["count_term1"], row["count_term2"]) == (3, 3, 4)
    assert row["pmi"] == pytest.approx(math.log2(3 * 16 / (3 * 4)))  # = 2
    g2, _, _ = g2_log_ratio(3, 4 - 3, 3, 16 - 3)  # 2x2: [3, 0 | 1, 12]
    assert row["llr"] == pytest.approx(float(g2)) and row["score"] == row["llr"]
    assert collocations(COLLOC, min_count=2, measure="pmi").iloc[0]["measure"] == "pmi"
    with pytest.raises(ValueError, match="measure"):
        collocations(COLLOC, measure="dice")
    assert collocations(COLLOC, min_count=50).empty


# --- kwic -------------------------------------------------------------------------------

EDGE = pd.DataFrame({"doc_id": ["e", "f"], "text": [
    "Alpha beta gamma delta epsilon.",
    "Digital  government\nreform: the DIGITAL GOVERNMENT of Guangdong, digital governments.",
]})


def test_kwic_windows_at_the_text_edges():
    table = kwic(EDGE, "alpha", window=2)
    assert table[["doc_id", "left", "match", "right"]].values.tolist() == [["e", "", "Alpha", "beta gamma"]]
    end = kwic(EDGE, "epsilon", window=3).iloc[0]
    assert (end["left"], end["match"], end["right"]) == ("beta gamma delta", "epsilon", ".")
    wide = kwic(EDGE, "gamma", window=50).iloc[0]
    assert (wide["left"], wide["right"]) == ("Alpha beta", "delta epsilon.")
    assert kwic(EDGE, "gamma", window=0).iloc[0][["left", "right"]].tolist() == ["", ""]


def test_kwic_phrase_case_spacing_and_regex():
    table = kwic(EDGE, "digital government", window=2)
    assert table["match"].tolist() == ["Digital government", "DIGITAL GOVERNMENT"]  # whole words only
    assert table.iloc[0]["right"] == "reform: the"
    assert table.iloc[1]["left"] == "reform: the"
    assert len(kwic(EDGE, r"digital\s+governments?", regex=True)) == 3
    assert list(table.columns) == ["doc_id", "left", "match", "right", "start", "end", "language"]
    assert kwic(EDGE, "nothing here").empty
    with pytest.raises(ValueError, match="non-empty"):
        kwic(EDGE, " ")
    with pytest.raises(ValueError, match="window"):
        kwic(EDGE, "alpha", window=-1)
    with pytest.raises(ValueError, match="empty corpus"):
        kwic(EDGE.iloc[0:0], "alpha")


def test_kwic_via_terms_namespace():
    pd.testing.assert_frame_equal(terms.kwic(EDGE, "beta"), kwic(EDGE, "beta"))


# --- Chinese: the same 2x2 table, on segmented words ----------------------------------------------

CHINESE = pd.DataFrame({"doc_id": ["a", "b"], "text": [
    "一网通办。一网通办。数字政府。群众。",  # 一网通办 x2, 数字政府, 群众: 4 words
    "群众。群众。数字政府。"]})  # 群众 x2, 数字政府: 3 words


def test_chinese_keyness_against_a_hand_worked_table():
    counts = terms.count_terms(CHINESE)
    assert counts.groupby("doc_id")["count"].sum().to_dict() == {"a": 4, "b": 3}
    table = keyness(counts, ["a"], min_count=1).set_index("term")
    # 一网通办: a = 2 of C = 4 words, b = 0 of D = 3 words
    a, b, c_, d_ = 2, 0, 4, 3
    n = c_ + d_
    e = [c_ * (a + b) / n, d_ * (a + b) / n, c_ * (n - a - b) / n, d_ * (n - a - b) / n]
    o = [a, b, c_ - a, d_ - b]
    g2 = 2 * sum(oi * math.log(oi / ei) for oi, ei in zip(o, e) if oi > 0)
    assert table.loc["一网通办", "g2"] == pytest.approx(g2) and g2 > 0  # target-only: positive
    assert table.loc["一网通办", "log_ratio"] == pytest.approx(math.log2((2 / 4) / (0.5 / 3)))
    swapped = keyness(counts, ["b"], min_count=1).set_index("term")
    assert swapped.loc["一网通办", "g2"] == pytest.approx(-g2)  # swapping target and reference flips the sign
