"""Timelines per language: rates per 1,000 words of each language's own articles, on one time axis."""
from __future__ import annotations

import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov import timeline
from egov.corpus.languages import (article_languages, language_facts, language_table, split_languages,
                                with_language)
from egov.timeline import figures as tf
from egov import report
from egov.report import prose
from egov.timeline import report as timeline_report

matplotlib.use("Agg")

# doc_id: (date, language, n_words, text)
ROWS = {
    "en1": ("2019-03-01", "en", 100, "Digital government is the goal of the reform in the province."),
    "en2": ("2019-09-01", "en", 300, "The digital government platform and the e-government office."),
    "en3": ("2021-05-01", "en", 200, "E-government services grew in the city."),
    "zh1": ("2019-06-04", "zh", 400, "数字政府建设持续推进，一网通办让群众少跑腿。"),
    "zh2": ("2021-02-02", "zh", 100, "数字政府和数字政府，政务服务平台。"),
    "zh3": ("2021-08-08", "zh", 500, "一网通办，最多跑一次。"),
}
# concept counts per article (what terms.count_concepts gives): digital government in both languages
COUNTS = {"en1": (1, 0), "en2": (1, 1), "en3": (0, 1), "zh1": (2, 0), "zh2": (2, 0), "zh3": (0, 0)}


def _docs(with_column: bool = True) -> pd.DataFrame:
    docs = pd.DataFrame({
        "doc_id": list(ROWS), "date": pd.to_datetime([r[0] for r in ROWS.values()]),
        "date_precision": "day", "n_words": [r[2] for r in ROWS.values()], "text": [r[3] for r in ROWS.values()],
        "source": "", "language": [r[1] for r in ROWS.values()]})
    return docs if with_column else docs.drop(columns="language")


def _concepts() -> pd.DataFrame:
    rows = [(d, c, n) for d, (dg, eg) in COUNTS.items() for c, n in (("digital government", dg), ("e-government", eg))]
    return pd.DataFrame(rows, columns=["doc_id", "concept", "count"])


@pytest.fixture(scope="module")
def trends() -> pd.DataFrame:
    return timeline.concept_trends(_docs(), _concepts(), "year", n_boot=200, seed=7)


def test_rates_are_per_1000_words_of_each_languages_own_articles(trends):
    dg = trends[trends["concept"] == "digital government"].set_index(["language", "period"])
    assert dg.loc[("en", "2019"), "per_1k"] == pytest.approx(2 / 400 * 1000)   # en1 + en2: 2 mentions, 400 words
    assert dg.loc[("en", "2021"), "per_1k"] == 0.0
    assert dg.loc[("zh", "2019"), "per_1k"] == pytest.approx(2 / 400 * 1000)   # zh1 alone
    assert dg.loc[("zh", "2021"), "per_1k"] == pytest.approx(2 / 600 * 1000)   # zh2 + zh3
    assert dg.loc[("zh", "2019"), "note"] == timeline.ONE_ARTICLE
    assert dg["n_docs"].tolist() == [2, 1, 1, 2]
    assert list(trends.columns) == ["period", "concept", "n_docs", "per_1k", "ci_low", "ci_high", "count",
                                    "n_docs_with", "n_words", "period_start", "period_end", "note", "language"]
    assert trends[["language", "period", "concept"]].values.tolist()[:2] == [["en", "2019", "digital government"],
                                                                            ["en", "2019", "e-government"]]
    # every concept has rows in both languages (0 where unused): one trajectory per language
    assert set(map(tuple, trends[["concept", "language"]].drop_duplicates().values)) == {
        ("digital government", "en"), ("digital government", "zh"), ("e-government", "en"), ("e-government", "zh")}


def test_a_languages_trends_do_not_depend_on_the_other_languages_articles(trends):
    docs = _docs()
    alone = timeline.concept_trends(docs[docs["language"] == "en"], _concepts(), "year", n_boot=200, seed=7)
    assert_frame_equal(trends[trends["language"] == "en"].reset_index(drop=True), alone)


def test_language_falls_back_to_detection_when_the_loader_gave_none(trends):
    docs = _docs(with_column=False)
    assert article_languages(docs).tolist() == ["en"] * 3 + ["zh"] * 3
    assert_frame_equal(timeline.concept_trends(docs, _concepts(), "year", n_boot=200, seed=7), trends)


def test_one_language_corpus_has_the_language_column_and_nothing_else_changes():
    docs = _docs()
    en = docs[docs["language"] == "en"]
    tr = timeline.concept_trends(en, _concepts(), "year", n_boot=200, seed=7)
    assert set(tr["language"]) == {"en"}
    assert "language" not in timeline.first_appearance(tr).columns  # one language: the table reads as before
    assert timeline_report.concept_facts(tr, "digital government")[["language", "case"]].values.tolist() == [
        ["en", "from start"]]


def test_no_placed_article_gives_an_empty_table_with_a_reason():
    tr = timeline.concept_trends(_docs().assign(date=pd.NaT), _concepts(), "year")
    assert tr.empty and "language" in tr.columns and tr.attrs["reason"]


def test_sentences_and_tables_go_per_language(trends):
    fa = timeline.first_appearance(trends)
    assert fa.columns[0] == "language"
    assert fa[["language", "concept", "pattern"]].values.tolist() == [
        ["en", "digital government", "fades"], ["en", "e-government", "throughout"],
        ["zh", "digital government", "throughout"], ["zh", "e-government", "absent"]]
    facts = timeline_report.concept_facts(trends, "digital government")
    assert facts[["language_name", "case", "peak_per_1k", "peak_n_docs", "last_per_1k"]].values.tolist() == [
        ["English", "from start", 5.0, 2, 0.0], ["Chinese", "from start", 5.0, 1, pytest.approx(10 / 3)]]
    changes = timeline_report.change_facts(trends)
    assert changes[["language", "direction", "concept", "per_1k_from", "per_1k_to", "n_single"]].values.tolist() == [
        ["en", "rise", "e-government", 2.5, 5.0, 1], ["en", "fall", "digital government", 5.0, 0.0, 1],
        ["zh", "fall", "digital government", 5.0, pytest.approx(10 / 3), 1]]
    heads = timeline_report.headline_facts(trends)
    assert heads[["language", "case", "rise_concept", "fall_concept", "n_single"]].values.tolist() == [
        ["en", "both", "e-government", "digital government", 1], ["zh", "fall", "", "digital government", 1]]
    patterns = timeline_report.pattern_facts(trends)
    assert patterns[["language", "fades", "throughout"]].values.tolist() == [
        ["en", "digital government", "e-government"], ["zh", "none", "digital government"]]
    assert "English: " in tf.concept_title(trends) and "Chinese: " in tf.concept_title(trends)
    assert report.words("{language_name}: {concept} {per_1k_from:.1f} to {per_1k_to:.1f}", changes, sep="; ") == (
        "English: e-government 2.5 to 5.0; English: digital government 5.0 to 0.0; Chinese: digital government "
        "5.0 to 3.3")


def test_language_trend_facts_per_language(trends):
    facts = timeline_report.language_trend_facts(trends, "digital government")
    assert facts[["language_name", "case", "count", "n_periods_with", "peak_per_1k", "peak_period"]].values.tolist() == [
        ["English", "used", 2, 1, 5.0, "2019"], ["Chinese", "used", 4, 2, 5.0, "2019"]]
    en = trends[trends["language"] == "en"]
    assert timeline_report.language_trend_facts(en, "e-government")[["case", "count"]].values.tolist() == [
        ["one language", 2]]
    assert timeline_report.language_trend_facts(trends, "")["case"].tolist() == ["no concept"]

def _missing(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_concept_by_language_draws_a_labelled_line_per_language(trends):
    fig = tf.concept_by_language(trends, "digital government")
    ax = fig.axes[-1]
    labels = [t.get_text() for t in ax.texts]
    assert labels == [" English (3 articles)", " Chinese (3 articles)"]
    assert [t.get_color() for t in ax.texts] == [tf.SOURCE_COLOURS[0], tf.SOURCE_COLOURS[1]]
    assert "highest period: English 5.0 (2019), Chinese 5.0 (2019)" in fig.get_suptitle().replace("\n", " ")
    assert _missing(fig) == []
    zh = trends.assign(concept=trends["concept"].replace({"digital government": "数字政府"}))
    assert _missing(tf.concept_by_language(zh, "数字政府")) == []
    assert tf.concept_by_language(trends.iloc[:0], "digital government").get_suptitle().startswith("'digital")


def test_trajectories_colour_each_language(trends):
    fig = tf.concept_trajectories(trends)
    assert [t.get_text() for t in fig.axes[1].texts] == ["English", "Chinese"]
    plt.close(fig)


def test_topic_shares_per_language():
    docs = _docs()
    doc_topics = pd.DataFrame({"model": "nmf", "doc_id": list(ROWS) * 2, "topic": [1] * 6 + [2] * 6,
                               "share": [1.0, 0.5, 0.0, 0.0, 1.0, 0.5] + [0.0, 0.5, 1.0, 1.0, 0.0, 0.5]})
    tt = timeline.topic_share_by_period(docs, doc_topics, "year", n_boot=100)
    one = tt[(tt["topic"] == 1)].set_index(["language", "period"])["share"]
    assert one[("en", "2019")] == pytest.approx((100 * 1.0 + 300 * 0.5) / 400)
    assert one[("zh", "2021")] == pytest.approx((100 * 1.0 + 500 * 0.5) / 600)
    assert tt.columns[-1] == "language"
    themes = timeline_report.theme_change_facts(tt.assign(label="a / b"))
    assert themes[["language", "direction", "topic", "case"]].values.tolist() == [
        ["en", "rise", 2, "single"], ["en", "fall", 1, "single"], ["zh", "rise", 1, "single"], ["zh", "fall", 2, "single"]]
    fig = tf.topic_trajectories(tt.assign(label="数字政府 / 平台"))
    assert fig.get_suptitle().startswith("English: ")
    assert _missing(fig) == []


def test_language_fact_table_and_sentence():
    docs = _docs()
    table = language_table(docs.iloc[:5])
    assert table.values.tolist() == [["en", "English", 3, 600, 0.6], ["zh", "Chinese", 2, 500, 0.4]]
    facts = language_facts(docs).iloc[0]
    assert (facts.case, facts.n_languages, facts.n_articles, facts.n_en, facts.n_zh, facts.n_other) == (
        "mixed", 2, 6, 3, 3, 0)
    assert facts.languages == "3 English and 3 Chinese"
    one = language_facts(docs.iloc[:1]).iloc[0]
    assert (one.case, one.n_articles, one.languages) == ("one", 1, "1 English")
    assert language_facts(docs.iloc[0:0])[["case", "n_articles", "languages"]].iloc[0].tolist() == ["none", 0, ""]
    assert with_language(_concepts(), docs)["language"].tolist() == ["en"] * 6 + ["zh"] * 6
    assert [code for code, _ in split_languages(with_language(_concepts(), docs))] == ["en", "zh"]
    assert [code for code, _ in split_languages(_concepts())] == [""]
    with pytest.raises(ValueError, match="doc_id"):
        with_language(pd.DataFrame({"x": [1]}), docs)


def test_languages_text_for_the_front_page():
    from egov.corpus.languages import languages_text

    assert languages_text(pd.Series(["zh", "en", "zh", None])) == "2 Chinese (中文), 1 English, 1 undetermined"
    assert languages_text(pd.Series(["en"] * 5)) == "5 English"


def test_limits_name_the_corpus_languages():
    docs = _docs()
    assert "not a sample of English- or Chinese-language coverage" in prose.timeline_limits(docs)
    assert "not a sample of English-language coverage" in prose.timeline_limits(docs[docs["language"] == "en"])
    assert timeline_report.shared_concept(timeline.concept_trends(docs, _concepts(), n_boot=50)) == "digital government"


def test_titles_do_not_report_changes_their_numbers_cannot_show():
    tt = pd.DataFrame({"model": "nmf", "topic": [1, 1, 2, 2], "label": ["a", "a", "b", "b"],
                       "period": ["2019", "2020"] * 2, "n_docs": [2, 2, 2, 2],
                       "share": [0.0, 0.002, 1.0, 0.998], "ci_low": 0.0, "ci_high": 1.0,
                       "period_start": pd.to_datetime(["2019-01-01", "2020-01-01"] * 2),
                       "period_end": pd.to_datetime(["2019-12-31", "2020-12-31"] * 2)})
    fig = tf.topic_trajectories(tt)
    assert fig.get_suptitle() == "No rate changes between 2019 and 2020"
    plt.close(fig)


def _term_counts() -> pd.DataFrame:
    rows = [("en1", "portal", 2), ("en2", "portal", 1), ("en2", "cloud", 1), ("en3", "cloud", 2),
            ("zh1", "政务", 2), ("zh2", "数据", 2), ("zh3", "数据", 1), ("zh3", "政务", 1)]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"])


def test_vocabulary_shift_and_emerging_terms_go_per_language():
    docs, counts = _docs(), _term_counts()
    js = timeline.jensen_shannon(docs, counts, "year", n_baseline=20)
    assert js[["language", "period_from", "period_to", "n_docs_from", "n_docs_to", "n_terms_from", "n_terms_to"]
              ].values.tolist() == [["en", "2019", "2021", 2, 1, 4, 2], ["zh", "2019", "2021", 1, 2, 2, 4]]
    m = [(0.75 + 0) / 2, (0.25 + 1) / 2]  # English: portal, cloud 3:1 in 2019, 0:2 in 2021; no Chinese word pooled in
    expected = (0.75 * np.log2(0.75 / m[0]) + 0.25 * np.log2(0.25 / m[1]) + 1 * np.log2(1 / m[1])) / 2
    assert js["jsd"].iloc[0] == pytest.approx(expected) and js["jsd"].iloc[1] == pytest.approx(expected)
    en = docs["language"] == "en"
    assert_frame_equal(js.iloc[:1], timeline.jensen_shannon(docs[en], counts, "year", n_baseline=20))
    facts = timeline_report.shift_facts(js)
    assert facts[["language_name", "case", "period_from", "jsd"]].values.tolist() == [
        ["English", "times", "2019", pytest.approx(expected)], ["Chinese", "times", "2019", pytest.approx(expected)]]
    em = timeline.emerging_terms(docs, counts, min_count=1, min_docs=1)
    assert em[["language", "term", "direction", "count_early", "count_late", "split"]].values.tolist() == [
        ["en", "cloud", "emerging", 0, 3, pd.Timestamp("2019-09-01")],
        ["en", "portal", "fading", 2, 1, pd.Timestamp("2019-09-01")],
        ["zh", "数据", "emerging", 0, 3, pd.Timestamp("2021-02-02")],
        ["zh", "政务", "fading", 2, 1, pd.Timestamp("2021-02-02")]]
    assert em.attrs["minimums"] == {"en": (1, 1), "zh": (1, 1)}
    facts = timeline_report.emerging_facts(em)
    assert facts[["language", "split", "emerging", "fading", "min_count"]].values.tolist() == [
        ["en", pd.Timestamp("2019-09-01"), "cloud", "portal", 1], ["zh", pd.Timestamp("2021-02-02"), "数据", "政务", 1]]
    fig = tf.term_shift(em)
    assert fig.get_suptitle().startswith("'Chinese: 数据' and 'English: cloud' rise most in the later half")
    plt.close(fig)
