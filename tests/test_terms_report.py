"""egov.terms.report: notebook 02's fact tables (exact numbers on hand-made inputs) and tables."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from egov import load_corpus, terms
from egov.report import prose
from egov.terms import report as terms_report
from egov.terms import exports as term_exports

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "date": pd.to_datetime(["2016-01-05", None, "2019-03-01"]),
    "n_words": [12, 9, 10],
    "text": ["Smart cities use big data. Big data helps the smart city and e-government.",
             "Digital government reform: the digital government platform of Guangdong.",
             "E-government and Internet+ help citizens; big data and blockchain too."],
})
TWO = pd.DataFrame({"doc_id": ["1", "2"], "date": pd.to_datetime(["2019-01-01", "2020-01-01"]), "n_words": [100, 100]})


def _run(docs: pd.DataFrame) -> dict:
    counts = terms.count_terms(docs, (1, 3))
    uni = counts[counts["n"] == 1]
    concepts = terms.count_concepts(docs)
    per_article = terms.keyness_by(docs, uni, "doc_id", min_count=1)
    per_year = terms.keyness_by(docs, uni, docs["date"].dt.year, min_count=1)
    vs_english = terms.keyness_vs_english(terms.count_terms(docs, lemmas=False), min_count=1)
    return dict(counts=counts, concepts=concepts, per_article=per_article, per_year=per_year, vs_english=vs_english)


def _fact(table: pd.DataFrame) -> dict:
    assert len(table) == 1
    return table.iloc[0].to_dict()


def _counts(rows):
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"]).assign(per_1k=1.0, n=1)


def test_top_terms_facts_count_the_leading_word_and_the_words_in_every_article():
    counts = _counts([("1", "portal", 3), ("2", "portal", 1), ("1", "cloud", 2)])
    assert _fact(terms_report.top_terms_facts(TWO, counts)) == {
        "case": "shared", "n_lemmas": 2, "term": "portal", "count": 4, "per_1k": 20.0, "n_articles": 2, "n_docs": 2,
        "n_top": 2, "n_in_all": 1, "in_all": "portal"}
    facts = _fact(terms_report.top_terms_facts(DOCS, terms.count_terms(DOCS, (1, 3))))
    assert facts == {"case": "unshared", "n_lemmas": 15, "term": "big", "count": 3, "per_1k": 3000 / 31,
                     "n_articles": 2, "n_docs": 3, "n_top": 10, "n_in_all": 0, "in_all": ""}
    one = _fact(terms_report.top_terms_facts(DOCS.iloc[:1], terms.count_terms(DOCS.iloc[:1], (1, 3))))
    assert (one["case"], one["n_lemmas"], one["count"], one["per_1k"], one["n_in_all"]) == ("one", 7, 2, 2000 / 12, 7)
    none = _fact(terms_report.top_terms_facts(TWO, counts.iloc[:0]))
    assert (none["case"], none["n_lemmas"], none["count"], none["n_top"]) == ("none", 0, 0, 0)


def _concepts(rows):
    """doc_id, concept, count (variants and per_1k as count_concepts gives them)."""
    table = pd.DataFrame(rows, columns=["doc_id", "concept", "count"])
    return table.assign(per_1k=table["count"] * 10.0,
                        variants=[f"{c.lower()} ({k})" if k else "" for c, k in zip(table["concept"], table["count"])])


CONCEPTS = _concepts([("1", "A", 5), ("2", "A", 0), ("3", "A", 0), ("1", "B", 1), ("2", "B", 1), ("3", "B", 1),
                      ("1", "C", 0), ("2", "C", 0), ("3", "C", 0)])
THREE = pd.DataFrame({"doc_id": ["1", "2", "3"], "n_words": [100, 100, 100]})


def test_concept_facts_name_the_most_used_and_the_most_widespread_concept():
    assert _fact(terms_report.concept_facts(THREE, CONCEPTS)) == {
        "case": "wider", "n_concepts": 3, "n_used": 2, "concept": "A", "count": 5, "n_articles": 1, "n_docs": 3,
        "variants": "a (5)", "widest": "B", "widest_n_articles": 3}
    same = _fact(terms_report.concept_facts(THREE, CONCEPTS[CONCEPTS["concept"] != "A"]))
    assert (same["case"], same["n_used"], same["concept"], same["count"], same["widest"]) == ("same", 1, "B", 3, "B")
    none = _fact(terms_report.concept_facts(THREE, CONCEPTS[CONCEPTS["concept"] == "C"]))
    assert (none["case"], none["n_concepts"], none["n_used"], none["count"]) == ("none", 1, 0, 0)


def test_unused_facts_list_the_concepts_no_article_uses():
    assert _fact(terms_report.unused_facts(THREE, CONCEPTS)) == {
        "case": "some_unused", "n_concepts": 3, "n_unused": 1, "unused": "C"}
    assert _fact(terms_report.unused_facts(THREE, CONCEPTS[CONCEPTS["concept"] != "C"]))["case"] == "all_used"
    assert _fact(terms_report.unused_facts(THREE, CONCEPTS[CONCEPTS["concept"] == "C"])) == {
        "case": "none_used", "n_concepts": 1, "n_unused": 1, "unused": "C"}


def test_concept_facts_of_one_article_for_the_front_page():
    docs = load_corpus(Path(__file__).parent / "data" / "realistic" / "SCMP - Shenzhen health code data.txt")
    facts = _fact(terms_report.concept_facts(docs, terms.count_concepts(docs)))
    assert (facts["concept"], facts["n_used"], facts["count"], facts["n_articles"], facts["n_docs"]) == (
        "health code", 2, 5, 1, 1)
    without = terms.load_concepts().query("concept != 'health code'")
    facts = _fact(terms_report.concept_facts(docs, terms.count_concepts(docs, without)))
    assert (facts["case"], facts["concept"], facts["n_used"], facts["count"]) == ("same", "smart city", 1, 3)


def test_check_facts_say_when_the_check_ran_on_a_sample():
    check = terms_report.concept_check(DOCS, terms.count_concepts(DOCS), max_docs=2)
    assert _fact(terms_report.check_facts(DOCS, check)) == {
        "case": "sampled", "n_equal": 22, "n_concepts": 22, "n_checked": 2, "n_docs": 3}
    check = terms_report.concept_check(DOCS, terms.count_concepts(DOCS))
    assert _fact(terms_report.check_facts(DOCS, check))["case"] == "all"


def _keyness(rows):
    return pd.DataFrame(rows, columns=["target", "term", "count_target", "count_reference", "g2", "p_value",
                                       "log_ratio"])


PER_ARTICLE = _keyness([("x", "portal", 8, 0, 20.0, 0.0001, 3.0), ("x", "login", 4, 1, 12.5, 0.0002, 2.0),
                        ("y", "cloud", 3, 2, 4.0, 0.04, 1.0), ("y", "portal", 0, 8, -20.0, 0.0001, -3.0)])


def test_keyness_facts_give_the_strongest_keyword_and_the_groups_with_keywords():
    assert _fact(terms_report.keyness_facts(TWO, PER_ARTICLE)) == {
        "case": "some", "n_docs": 2, "n_groups": 2, "n_keyed": 1, "n_keywords": 2, "term": "portal", "target": "x",
        "count_target": 8, "count_reference": 0, "g2": 20.0, "log_ratio": 3.0, "ratio": 8.0, "n_shown": 2}
    cut = _fact(terms_report.keyness_facts(TWO, PER_ARTICLE, shown=1))
    assert (cut["case"], cut["n_shown"], cut["n_groups"]) == ("some_cut", 1, 2)
    none = _fact(terms_report.keyness_facts(TWO, PER_ARTICLE[PER_ARTICLE["target"] == "y"]))
    assert (none["case"], none["n_groups"], none["n_keyed"], none["term"]) == ("none", 1, 0, "")
    assert np.isnan(none["g2"])
    assert _fact(terms_report.keyness_facts(TWO, PER_ARTICLE.iloc[:0]))["case"] == "empty"


def test_period_facts_say_why_years_cannot_be_compared():
    per_year = PER_ARTICLE.assign(target=PER_ARTICLE["target"].map({"x": 2019, "y": 2020}))
    assert _fact(terms_report.period_facts(TWO.assign(date=pd.NaT), per_year.iloc[:0]))["case"] == "undated"
    one_year = _fact(terms_report.period_facts(TWO.assign(date=pd.Timestamp("2019-05-01")), per_year.iloc[:0]))
    assert (one_year["case"], one_year["n_dated"], one_year["n_years"]) == ("one_year", 2, 1)
    single = _fact(terms_report.period_facts(TWO, per_year))
    assert (single["case"], single["n_years"]) == ("single", 2)
    three = pd.concat([TWO, TWO.iloc[:1].assign(doc_id="3")], ignore_index=True)  # 2019 holds two articles
    some = _fact(terms_report.period_facts(three, per_year))
    assert (some["case"], some["n_dated"], some["n_years"], some["term"], some["target"], some["n_shown"]) == (
        "some", 3, 2, "portal", "2019", 2)


def _english(rows):
    return _keyness([("corpus",) + r[:-1] for r in rows]).assign(english_per_million=[r[-1] for r in rows])


def test_english_facts_count_over_used_words_and_words_missing_from_the_list():
    rows = [("portal", 9, 10.0, 30.0, 0.0001, 5.0, 1.0), ("zhengwu", 5, 0.0, 25.0, 0.0001, 9.0, 0.0),
            ("the", 20, 1e6, -5.0, 0.02, -1.0, 5e4)]
    assert _fact(terms_report.english_facts(_english(rows))) == {
        "case": "some_unknown", "n_scored": 3, "n_over": 2, "n_top": 2, "top": "portal, zhengwu", "n_unknown": 1,
        "unknown": "zhengwu"}
    unknown = [(f"w{i}", 1, 0.0, 1.0, 0.5, 1.0, 0.0) for i in range(4)]  # not significant, not in the list
    assert _fact(terms_report.english_facts(_english(unknown))) == {
        "case": "none_unknown", "n_scored": 4, "n_over": 0, "n_top": 0, "top": "", "n_unknown": 4,
        "unknown": "w0, w1, w2, ..."}
    assert _fact(terms_report.english_facts(_english(rows[:1])))["case"] == "some"
    assert _fact(terms_report.english_facts(_english(rows[2:])))["case"] == "none"
    assert _fact(terms_report.english_facts(_english(rows).iloc[:0]))["case"] == "empty"


def test_collocation_facts_count_pairs_that_spell_a_concept():
    colls = pd.DataFrame({"bigram": ["big data", "foo bar", "smart city"], "measure": "llr", "count": [5, 4, 3]})
    assert _fact(terms_report.collocation_facts(colls, n_top=2)) == {
        "case": "some", "n_pairs": 3, "measure": "llr", "top": "big data, foo bar", "n_checked": 3, "n_named": 2}
    assert _fact(terms_report.collocation_facts(colls.iloc[:0])) == {
        "case": "none", "n_pairs": 0, "measure": "", "top": "", "n_checked": 0, "n_named": 0}


def test_evidence_facts_and_their_bullets():
    r = _run(DOCS)
    facts = terms_report.evidence_facts(DOCS, r["counts"], r["concepts"], r["per_article"], r["vs_english"])
    assert _fact(facts) == {
        "n_docs": 3, "n_shared": 0, "shared_top": "", "n_concepts": 22, "n_used": 6, "n_with_concept": 3,
        "used_top": "big data, digital government, e-government", "n_compared": 3, "n_keyed": 0, "n_best": 9,
        "n_alone": 9, "n_over": 11, "over_top": "data, big, digital, smart, e-government, guangdong", "languages": "en"}
    assert prose.terms_evidence(facts) == (
        "- No common vocabulary: no lemma occurs in all 3 articles.\n"
        "- Named concepts: 3 of 3 articles mention at least one of the 22 concepts; 6 concepts occur at all, led by "
        "big data, digital government, e-government.\n"
        "- Distinctive words: 0 of 3 articles have keywords at p < 0.001; 9 of the 9 strongest (top 3 per article) "
        "occur in no other article, so they mark what one text is about rather than a theme shared across articles.\n"
        "- Against general English the corpus over-uses data, big, digital, smart, e-government, guangdong: the "
        "register of the texts, measured against a notional reference.\n"
        "- All of this describes 3 articles; none of it estimates what English-language coverage in general says.")
    one = _run(DOCS.iloc[:1])
    text = prose.terms_evidence(terms_report.evidence_facts(DOCS.iloc[:1], one["counts"], one["concepts"],
                                                            one["per_article"], one["vs_english"]))
    assert text.startswith("- Named concepts: 1 of 1 article mentions at least one of the 22 concepts; 3 concepts")
    assert "Distinctive" not in text and text.endswith("describes 1 article; none of it estimates what "
                                                       "English-language coverage in general says.")
    mixed = facts.assign(languages="en, zh", n_shared=1, shared_top="data")
    assert prose.terms_evidence(mixed).startswith("- A common vocabulary: 1 lemma occurs in all 3 articles (most "
                                                  "frequent: data).\n")
    assert prose.terms_evidence(mixed).endswith("what English-language or Chinese-language coverage in general says.")


@pytest.mark.parametrize("n", [1, 3])
def test_tables_of_one_and_three_articles(n):
    docs = DOCS.iloc[:n]
    r = _run(docs)
    totals = terms_report.concept_totals(docs, r["concepts"])
    assert totals["count"].sum() == r["concepts"]["count"].sum()
    assert totals.head(3)[["concept", "count", "n_articles"]].values.tolist() == (
        [["big data", 2, 1], ["smart city", 2, 1], ["e-government", 1, 1]] if n == 1 else
        [["big data", 3, 2], ["digital government", 2, 1], ["e-government", 2, 2]])
    table = terms_report.keyness_table(r["per_article"], r["per_year"], r["vs_english"])
    assert list(table.columns[:7]) == ["target", "term", "count_target", "count_reference", "g2", "p_value",
                                       "log_ratio"]
    examples = terms_report.kwic_examples(docs, r["concepts"])
    assert examples["concept"].drop_duplicates().tolist() == totals["concept"].head(3).tolist()


def test_term_counts_export_keeps_terms_used_twice_and_cuts_by_article_frequency():
    # "a" in 3 articles, "b" in 2, "c" twice in one article, "d" once (never exported)
    counts = _counts([("1", "a", 1), ("2", "a", 1), ("3", "a", 4), ("1", "b", 1), ("2", "b", 1),
                      ("1", "c", 2), ("3", "d", 1)])
    whole = term_exports.term_counts_table(counts)
    assert len(whole) == 6 and "d" not in set(whole["term"]) and whole.attrs["min_docs"] == 1
    assert _fact(terms_report.exports_facts(whole, terms_report.keyness_table(*[pd.DataFrame()] * 3))) == {
        "case": "whole", "max_rows": 1_000_000, "n_term_rows": 6, "n_term_full": 6, "min_docs": 1,
        "n_keyness_rows": 0, "n_keyness_full": 0, "per_article": 0}
    cut = term_exports.term_counts_table(counts, max_rows=5)  # 3 + 2 rows fit; "c" (1 article) does not
    assert sorted(cut["term"]) == ["a", "a", "a", "b", "b"]
    assert cut.attrs == {"min_docs": 2, "n_full": 6}
    assert sorted(term_exports.term_counts_table(counts, max_rows=4)["term"]) == ["a", "a", "a"]
    facts = _fact(terms_report.exports_facts(cut, terms_report.keyness_table(*[pd.DataFrame()] * 3), max_rows=5))
    assert (facts["case"], facts["n_term_rows"], facts["n_term_full"], facts["min_docs"]) == ("terms_cut", 5, 6, 2)


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
    facts = terms_report.exports_facts(term_exports.term_counts_table(_counts([("1", "a", 2)])), cut, max_rows=5)
    assert _fact(facts) == {"case": "keyness_cut", "max_rows": 5, "n_term_rows": 1, "n_term_full": 1, "min_docs": 1,
                            "n_keyness_rows": 5, "n_keyness_full": 7, "per_article": 2}
    both = terms_report.exports_facts(term_exports.term_counts_table(_counts([("1", "a", 2), ("2", "a", 1),
                                                                              ("1", "b", 2)]), max_rows=2), cut)
    assert _fact(both)["case"] == "both_cut"
