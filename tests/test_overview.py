"""The fact tables of notebook 01 (egov.report.overview) and what the corpus supports (egov.report.prose.supports),\non hand-made articles and the realistic folder."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov import load_corpus
from egov.report import overview, prose

from conftest import ARTICLE

REALISTIC = Path(__file__).parent / "data" / "realistic"


def _docs(sources, dates):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(sources))], "source": sources,
                         "date": pd.to_datetime(dates), "n_words": 100})


def _row(table: pd.DataFrame) -> dict:
    assert len(table) == 1
    return table.iloc[0].to_dict()


def test_source_facts_count_articles_without_an_outlet():
    docs = _docs(["Xinhua", "Xinhua", "", None], ["2019-01-01"] * 4)
    assert overview.per_source(docs)["source"].tolist() == ["Xinhua", "unknown"]
    assert _row(overview.source_facts(docs)) == {"case": "only_unnamed", "n_articles": 4, "n_sources": 1,
                                                 "top_source": "Xinhua", "n_top": 2, "top_share": 0.5, "n_unnamed": 2}
    assert _row(overview.source_facts(_docs(["Xinhua", "", "", "CGTN"], ["2019-01-01"] * 4))) == {
        "case": "one_each_unnamed", "n_articles": 4, "n_sources": 2, "top_source": "CGTN", "n_top": 1,
        "top_share": 0.25, "n_unnamed": 2}
    assert _row(overview.source_facts(_docs(["B", "A", "B", "A", "C"], ["2019-01-01"] * 5))) == {
        "case": "largest", "n_articles": 5, "n_sources": 3, "top_source": "A", "n_top": 2, "top_share": 0.4,
        "n_unnamed": 0}  # a tie goes to the first name
    assert _row(overview.source_facts(_docs([""], ["2019-01-01"]))) == {
        "case": "none", "n_articles": 1, "n_sources": 0, "top_source": "", "n_top": 0, "top_share": 0.0, "n_unnamed": 1}


def test_year_facts_name_the_busiest_and_the_empty_years():
    docs = _docs(["A"] * 4, ["2014-05-01", "2016-01-01", "2016-07-01", None])
    assert _row(overview.year_facts(docs)) == {"case": "busiest_gaps", "n_dated": 3, "n_years": 3, "first_year": 2014,
                                               "last_year": 2016, "busiest_year": 2016, "n_busiest": 2, "n_empty": 1,
                                               "empty_years": "2015"}
    assert overview.year_facts(_docs(["A"] * 2, ["2014-05-01", "2015-01-01"])).case[0] == "one_each"
    assert _row(overview.year_facts(_docs(["A"] * 2, ["2020-05-01", "2020-06-01"]))) == {
        "case": "one_year", "n_dated": 2, "n_years": 1, "first_year": 2020, "last_year": 2020, "busiest_year": 2020,
        "n_busiest": 2, "n_empty": 0, "empty_years": ""}
    sparse = overview.year_facts(_docs(["A"] * 2, ["2000-01-01", "2012-01-01"])).iloc[0]  # 11 empty years: ten listed
    assert (sparse.case, sparse.n_empty, sparse.empty_years) == (
        "one_each_gaps", 11, "2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, ...")
    assert _row(overview.year_facts(_docs(["A"], [None]))) == {
        "case": "undated", "n_dated": 0, "n_years": 0, "first_year": 0, "last_year": 0, "busiest_year": 0,
        "n_busiest": 0, "n_empty": 0, "empty_years": ""}


def test_corpus_and_cleaning_facts_on_the_realistic_folder():
    docs = load_corpus(REALISTIC)
    assert _row(overview.corpus_facts(docs)) == {
        "case": "part_dated", "location": "realistic", "n_articles": 15, "n_words": 6495, "n_sources": 12,
        "n_unnamed": 1, "n_dated": 14, "n_undated": 1, "first": pd.Timestamp("2017-03-14"),
        "last": pd.Timestamp("2023-03-07"), "n_years": 6, "n_files": 22, "n_skipped": 7, "n_warned": 1,
        "skipped_reasons": "2 duplicate of another article, 1 a .csv table inside a folder of articles, 1 binary, "
                           "1 empty file, 1 too short, 1 unsupported file type '.png'",
        "n_en": 15, "n_zh": 0, "languages": "15 English"}
    assert _row(overview.cleaning_facts(docs)) == {"case": "some", "n_removed": 197, "n_cleaned": 14, "n_articles": 15,
                                                   "n_rules": 20}
    counts = overview.status_counts(docs)
    assert int(counts["n_files"].sum()) == 22
    assert counts.loc[counts["status"] == "loaded", "n_files"].tolist() == [14]


def test_facts_of_one_article():
    docs = load_corpus(REALISTIC / "SCMP - Shenzhen health code data.txt")
    facts = _row(overview.corpus_facts(docs))
    assert {k: facts[k] for k in ("case", "n_articles", "n_words", "n_sources", "n_dated", "first", "n_years",
                                  "n_skipped", "skipped_reasons")} == {
        "case": "one_date", "n_articles": 1, "n_words": 533, "n_sources": 1, "n_dated": 1,
        "first": pd.Timestamp("2020-06-05"), "n_years": 1, "n_skipped": 0, "skipped_reasons": ""}
    assert overview.year_facts(docs).case[0] == "one_year"
    assert _row(overview.source_facts(docs)) == {"case": "only", "n_articles": 1, "n_sources": 1,
                                                 "top_source": "South China Morning Post", "n_top": 1, "top_share": 1.0,
                                                 "n_unnamed": 0}
    assert _row(overview.cleaning_facts(docs)) == {"case": "some", "n_removed": 17, "n_cleaned": 1, "n_articles": 1,
                                                   "n_rules": 7}


def test_corpus_facts_from_the_exported_tables_as_the_front_page_reads_them():
    articles = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": pd.to_datetime(["2019-01-02", None, "2019-01-02"]),
                             "source": ["Xinhua", "", "CGTN"], "n_words": [100, 200, 300], "language": ["zh", "zh", "en"]})
    report = pd.DataFrame({"path": ["a.txt", "b.txt", "c.txt", "d.txt", "m.csv"],
                           "status": ["loaded", "loaded with warning", "loaded", "skipped", "metadata"],
                           "reason": ["", "no date found", "", "empty file", ""]})
    facts = _row(overview.corpus_facts(articles, report, location="mine"))
    assert facts == {"case": "part_dated", "location": "mine", "n_articles": 3, "n_words": 600, "n_sources": 2,
                     "n_unnamed": 1, "n_dated": 2, "n_undated": 1, "first": pd.Timestamp("2019-01-02"),
                     "last": pd.Timestamp("2019-01-02"), "n_years": 1, "n_files": 4, "n_skipped": 1, "n_warned": 1,
                     "skipped_reasons": "1 empty file", "n_en": 1, "n_zh": 2, "languages": "2 Chinese (中文), 1 English"}
    undated = overview.corpus_facts(articles.assign(date=pd.NaT).drop(columns="language"), report, location="x")
    assert undated[["case", "n_dated", "n_years", "languages"]].iloc[0].tolist() == ["undated", 0, 0, ""]
    assert pd.isna(undated["first"][0]) and pd.isna(undated["last"][0])
    assert overview.corpus_facts(articles.dropna(subset=["date"]), report, location="x").case[0] == "one_date"


def test_cleaning_facts_when_nothing_was_removed(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert _row(overview.cleaning_facts(load_corpus(tmp_path))) == {
        "case": "none", "n_removed": 0, "n_cleaned": 0, "n_articles": 1, "n_rules": 0}


def _supports(**facts) -> list[str]:
    row = {"n_articles": 5, "n_dated": 5, "n_years": 5, "n_sources": 5, "n_en": 5, "n_zh": 0} | facts
    return prose.supports(pd.DataFrame([row])).splitlines()


def test_supports_adapts_to_size_dates_sources_and_languages():
    assert _supports() == [
        "**It can support:**",
        "- describing these 5 articles exactly: which words, concepts and themes they use, with passages quoted as evidence",
        "", "**It cannot support:**",
        "- statements about coverage in general: 5 articles is a handful of cases, not a sample; any difference between "
        "articles may be one author's style",
        "- trends: 5 dated articles over 5 years means most years hold one article or none, so a change between years "
        "is one article against another",
        "- what Chinese-language media or official documents say: the corpus is English-language coverage",
        "- causes: a word appearing after a policy date is a coincidence in time, not an effect"]
    one = _supports(n_articles=1, n_dated=1, n_years=1, n_sources=1, n_en=1)
    assert one[1] == ("- describing this one article exactly: which words, concepts and themes it uses, with passages "
                      "quoted as evidence")
    assert one[4:7] == ["- statements about coverage in general: one article is one case, not a sample",
                        "- change over time: the one dated article is from one year",
                        "- comparisons between outlets (1 named source)"]
    large = _supports(n_articles=600, n_dated=590, n_years=10, n_sources=40, n_en=400, n_zh=200)
    assert large[2:4] == ["- comparisons between groups of articles, with intervals from resampling articles",
                          "- sketching change over 10 years, with bootstrap intervals that show how sure each period is"]
    assert large[4] == ("- comparing the English and the Chinese press side by side (400 and 200 articles), each counted "
                        "in its own language, with intervals from resampling articles")
    assert large[-2:] == ["**It cannot support:**",
                          "- causes: a word appearing after a policy date is a coincidence in time, not an effect"]
    mixed = _supports(n_articles=28, n_en=6, n_zh=22, n_dated=0, n_years=0)
    assert "- anything about time: no article has a date" in mixed
    assert ("- differences between the English and the Chinese press in general: 6 English and 22 Chinese articles "
            "show how these articles differ, not how the two presses do") in mixed
    assert "- what English-language media say: the corpus is Chinese-language coverage" in _supports(n_en=0, n_zh=5)


def test_reason_kind_drops_file_details_so_reasons_can_be_counted():
    reasons = pd.Series(["too short: 9 words after cleaning (minimum 25)", "duplicate of a/x.txt (92% of word 5-grams shared)",
                         "duplicate of a/y.txt (100% of word 5-grams shared)", "binary: contains NUL bytes", "",
                         "unsupported file type '.png' (use .txt, .md or .html)"])
    assert overview.reason_kind(reasons).tolist() == ["too short", "duplicate of another article",
                                                      "duplicate of another article", "binary", "-",
                                                      "unsupported file type '.png'"]
