"""Timeline facts (egov.timeline.report): exact numbers on small hand-made corpora and trend tables."""
from __future__ import annotations

import pandas as pd
import pytest

from egov import report, terms, timeline
from egov.report import prose
from egov.timeline import report as timeline_report
from test_timeline import TEXTS, make_docs

CHANGE = "{concept} rose from {per_1k_from:.1f} to {per_1k_to:.1f} per 1,000 words"


@pytest.fixture(scope="module")
def trends() -> pd.DataFrame:
    d = make_docs()
    return timeline.concept_trends(d, terms.count_concepts(d), "year", n_boot=500, seed=7)


def _rows(rows, language: str = "en") -> pd.DataFrame:
    """Trend rows (concept, period, n_docs, per_1k, ci_low, ci_high) of one language."""
    t = pd.DataFrame(rows, columns=["concept", "period", "n_docs", "per_1k", "ci_low", "ci_high"])
    return t.assign(period=t["period"].astype(str), count=(t["per_1k"] > 0).astype(int),
                    period_start=pd.to_datetime(t["period"].astype(str) + "-01-01"), language=language)


def test_placement_facts_count_placed_left_out_and_single_periods():
    d = make_docs(extra={"u": ("", "", 15, "Undated."), "y": ("2017-01-01", "year", 5, "Year only.")})
    d.loc[d["doc_id"] == "u", "date"] = pd.NaT
    half = timeline_report.placement_facts(d, "half").iloc[0].to_dict()
    assert half == {"case": "some", "unit": "half-year", "n_articles": 8, "n_placed": 6, "n_undated": 1,
                    "n_unplaced": 1, "n_periods": 6, "n_span": 13, "n_single": 6, "n_left_out": 2, "n_gaps": 7,
                    "first_period": "2016-H1", "last_period": "2022-H1"}
    year = timeline_report.placement_facts(d).iloc[0]
    assert (year.n_placed, year.n_periods, year.n_span, year.n_gaps, year.n_single) == (7, 5, 7, 2, 3)


def test_placement_facts_cases_for_one_period_and_no_dates():
    one = make_docs({k: v for k, v in TEXTS.items() if v[0].startswith("2019")})
    assert timeline_report.placement_facts(one)[["case", "n_periods", "first_period"]].values.tolist() == [
        ["one", 1, "2019"]]
    undated = make_docs().assign(date=pd.NaT)
    assert timeline_report.placement_facts(undated)[["case", "n_placed", "first_period"]].values.tolist() == [
        ["undated", 0, ""]]
    coarse = make_docs().assign(date_precision="year")
    assert timeline_report.placement_facts(coarse, "half")["case"].tolist() == ["coarse"]
    assert timeline.dating_summary(coarse, "half")["case"].tolist() == ["coarse"]


def test_concept_facts_first_use_peak_and_last(trends):
    facts = timeline_report.concept_facts(trends, ["digital government", "e-government", "nowhere"])
    cols = ["concept", "case", "n_periods", "n_docs", "first_period", "n_before", "n_docs_before", "peak_period",
            "peak_per_1k", "peak_n_docs", "last_period", "last_per_1k"]
    assert facts[cols].values.tolist() == [
        ["digital government", "later", 4, 6, "2019", 2, 3, "2022", 100.0, 1, "2022", 100.0],
        ["e-government", "from start", 4, 6, "2016", 0, 0, "2016", 100.0, 2, "2022", 0.0],
        ["nowhere", "none", 0, 0, "", 0, 0, "", 0.0, 0, "", 0.0]]
    assert facts["language_name"].unique().tolist() == ["English"]


def test_concept_facts_for_an_unused_concept():
    one = _rows([("x", 2020, 1, 0.0, 0.0, 0.0)])
    two = pd.concat([one, _rows([("x", 2021, 2, 0.0, 0.0, 0.0)])])
    assert timeline_report.concept_facts(two, "x")[["case", "n_periods", "n_docs"]].values.tolist() == [
        ["absent", 2, 3]]
    words = {"absent": "'{concept}' is used in none of the {n_periods:,} {n_periods:|period} ({n_docs:,} "
                       "{n_docs:|article})."}
    assert report.words(words, timeline_report.concept_facts(one, "x")) == "'x' is used in none of the 1 period (1 article)."
    assert report.words(words, timeline_report.concept_facts(two, "x")) == "'x' is used in none of the 2 periods (3 articles)."


def test_change_facts_call_a_difference_real_only_when_the_intervals_separate():
    t = _rows([("x", 2014, 5, 1.0, 0.5, 1.5), ("x", 2022, 5, 3.0, 2.0, 4.0),
               ("y", 2014, 5, 2.0, 1.5, 2.5), ("y", 2022, 5, 1.6, 1.4, 1.9)])
    facts = timeline_report.change_facts(t)
    assert facts[["direction", "concept", "case", "period_from", "period_to", "per_1k_from", "per_1k_to",
                  "n_docs_from", "n_docs_to"]].values.tolist() == [
        ["rise", "x", "apart", "2014", "2022", 1.0, 3.0, 5, 5], ["fall", "y", "overlap", "2014", "2022", 2.0, 1.6, 5, 5]]
    assert facts["intervals_overlap"].tolist() == [False, True]
    assert report.words(CHANGE, facts.iloc[[0]]) == "x rose from 1.0 to 3.0 per 1,000 words"
    single = timeline_report.change_facts(_rows([("z", 2014, 1, 1.0, 1.0, 1.0), ("z", 2022, 5, 3.0, 2.0, 4.0)]))
    assert single[["case", "direction", "n_single", "n_periods"]].values.tolist() == [["single", "rise", 1, 2]]
    assert single["intervals_overlap"].isna().all()


def test_change_facts_without_change_with_one_period_and_empty():
    same = timeline_report.change_facts(_rows([("x", 2014, 3, 1.0, 0.5, 1.5), ("x", 2015, 3, 1.0, 0.5, 1.5)]))
    assert same[["case", "direction", "concept", "period_from", "period_to"]].values.tolist() == [
        ["no change", "", "", "2014", "2015"]]
    one = timeline_report.change_facts(_rows([("x", 2014, 3, 1.0, 0.5, 1.5), ("y", 2014, 3, 2.0, 1.5, 2.5)]))
    assert one[["case", "concept", "per_1k_from", "per_1k_to"]].values.tolist() == [["one period", "y", 2.0, 2.0]]
    empty = timeline_report.change_facts(_rows([]).iloc[0:0])
    assert empty[["case", "language", "n_periods"]].values.tolist() == [["none", "", 0]]


def test_theme_change_facts_name_the_topic_and_its_label():
    tt = _rows([(1, 2014, 3, 0.6, 0.5, 0.7), (2, 2014, 3, 0.4, 0.3, 0.5),
                (1, 2022, 3, 0.2, 0.1, 0.3), (2, 2022, 3, 0.8, 0.7, 0.9)]).rename(
        columns={"concept": "topic", "per_1k": "share"}).assign(model="nmf", label=lambda t: t["topic"].map(
            {1: "portal / login", 2: "data / cloud"}))
    facts = timeline_report.theme_change_facts(pd.concat([tt, tt.assign(model="lda")]), "nmf")
    assert facts[["direction", "topic", "label", "case", "share_from", "share_to", "model"]].values.tolist() == [
        ["rise", 2, "data / cloud", "apart", 0.4, 0.8, "nmf"], ["fall", 1, "portal / login", "apart", 0.6, 0.2, "nmf"]]


def test_pattern_facts_list_concepts_that_come_and_go(trends):
    facts = timeline_report.pattern_facts(trends).iloc[0].to_dict()
    assert facts == {"language": "en", "language_name": "English", "case": "some", "unit": "year", "n_concepts": 22,
                     "n_used": 5, "first_period": "2016", "last_period": "2022", "n_later": 3,
                     "later": "big data (2018), digital government (2019), blockchain (2022)", "n_fades": 3,
                     "fades": "Internet Plus, e-government, big data", "n_throughout": 0, "throughout": "none"}


def test_shift_and_emerging_facts():
    shifts = pd.DataFrame({"period_from": ["2014", "2016"], "period_to": ["2016", "2018"], "jsd": [0.5, 0.7],
                           "jsd_baseline": [0.25, 0.05], "n_docs_from": [1, 2], "n_docs_to": [2, 3]})
    facts = timeline_report.shift_facts(shifts)
    assert facts[["case", "period_from", "period_to", "jsd", "jsd_baseline", "ratio", "n_pairs"]].values.tolist() == [
        ["far", "2016", "2018", 0.7, 0.05, pytest.approx(14.0), 2]]
    assert timeline_report.shift_facts(shifts.iloc[:1])["ratio"].tolist() == [2.0]
    assert timeline_report.shift_facts(shifts.iloc[0:0])["case"].tolist() == ["none"]
    em = pd.DataFrame({"term": ["cloud", "data", "portal"], "direction": ["emerging", "emerging", "fading"],
                       "split": pd.Timestamp("2019-01-01")})
    em.attrs.update(min_count=5, min_docs=2)
    facts = timeline_report.emerging_facts(em, n=1).iloc[0]
    assert (facts.case, facts.split, facts.emerging, facts.fading, facts.n_emerging, facts.min_count) == (
        "some", pd.Timestamp("2019-01-01"), "cloud", "portal", 2, 5)
    assert timeline_report.emerging_facts(em.iloc[:2])["fading"].tolist() == ["no term"]
    assert timeline_report.emerging_facts(em.iloc[0:0])["case"].tolist() == ["none"]


def test_timeline_limits_follow_the_periods():
    d = make_docs()
    text = prose.timeline_limits(d)
    assert text.splitlines()[:3] == [
        "- Trends: 1.5 articles per year on average, so each point is a few texts and a change between points may "
        "be one author's habit, one outlet's style or one event.",
        "- Uncertainty in the 2 years with one article: a single text gives no interval.",
        "- Uncertainty in the 2 years with two to four articles: the bootstrap can only recombine those few texts, "
        "so its intervals are too narrow."]
    assert "- Anything about the 3 years with no article." in text.splitlines()
    assert prose.timeline_limits(d.assign(date=pd.NaT)).splitlines()[0] == (
        "- Anything about time: no article has a date, so nothing can be placed in time.")


def test_headline_facts_put_the_largest_rise_and_fall_side_by_side(trends):
    facts = timeline_report.headline_facts(trends).iloc[0].to_dict()
    assert facts == {"language": "en", "language_name": "English", "case": "both", "unit": "year",
                     "period_from": "2016", "period_to": "2022", "rise_concept": "digital government",
                     "rise_from": 0.0, "rise_to": 100.0, "fall_concept": "e-government", "fall_from": 100.0,
                     "fall_to": 0.0, "n_periods": 4, "n_single": 2}
    rise = timeline_report.headline_facts(_rows([("x", 2014, 1, 1.0, 1.0, 1.0), ("x", 2022, 3, 3.0, 2.0, 4.0)]))
    assert rise[["case", "rise_concept", "fall_concept", "n_single"]].values.tolist() == [["rise", "x", "", 1]]
    template = "'{rise_concept}' rose from {rise_from:.1f} to {rise_to:.1f}; {n_single:,} of {n_periods:,} {n_periods:|{unit}}"
    assert report.words(template, rise) == "'x' rose from 1.0 to 3.0; 1 of 2 years"
    one = timeline_report.headline_facts(_rows([("x", 2014, 3, 1.0, 0.5, 1.5), ("y", 2014, 3, 2.0, 1.5, 2.5)]))
    assert one[["case", "rise_concept", "rise_from"]].values.tolist() == [["one period", "y", 2.0]]
    assert timeline_report.headline_facts(_rows([]).iloc[0:0])["case"].tolist() == ["none"]


def test_timeline_limits_agree_with_one_undated_article():
    d = make_docs(extra={"u": ("", "", 15, "Undated.")})
    d.loc[d["doc_id"] == "u", "date"] = pd.NaT
    assert ("- Where the 1 undated or coarsely dated article belongs; if it differs from the dated ones the timeline "
            "is biased.") in prose.timeline_limits(d).splitlines()
