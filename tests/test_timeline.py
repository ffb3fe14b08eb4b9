"""Timeline: periods, trends with bootstrap intervals, vocabulary shift, edge cases."""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov.timeline import report as timeline_report
from egov import terms
from egov import timeline
from egov.timeline import figures as tf

matplotlib.use("Agg")

TEXTS = {  # (date, precision, n_words, text): "digital government" only from 2019 on
    "a": ("2016-03-10", "day", 10, "The e-government portal opened. Internet Plus was the slogan."),
    "b": ("2016-10-01", "day", 20, "E-government services grew and the e-government office expanded."),
    "c": ("2018-05-05", "day", 10, "Big data helps the e-government platform."),
    "d": ("2019-02-01", "day", 10, "Digital government is the goal of the reform."),
    "e": ("2019-09-09", "day", 40, "Digital government and digital government again, with big data."),
    "f": ("2022-06-30", "day", 10, "Digital government and blockchain pilots."),
}


def make_docs(rows: dict = TEXTS, extra: dict | None = None) -> pd.DataFrame:
    rows = {**rows, **(extra or {})}
    return pd.DataFrame({
        "doc_id": list(rows),
        "date": pd.to_datetime([r[0] for r in rows.values()]),
        "date_precision": [r[1] if r[0] else "" for r in rows.values()],
        "n_words": [r[2] for r in rows.values()],
        "text": [r[3] for r in rows.values()],
        "source": ["Outlet A", "Outlet B", "Outlet A", "Outlet C", "Outlet A", "Outlet B"][:len(rows)] + [""] * max(0, len(rows) - 6),
    })


@pytest.fixture
def docs() -> pd.DataFrame:
    return make_docs()


@pytest.fixture
def trends(docs) -> pd.DataFrame:
    return timeline.concept_trends(docs, terms.count_concepts(docs), "year", n_boot=500, seed=7)


def test_periods_labels(docs):
    assert timeline.assign_periods(docs, "year").tolist() == ["2016", "2016", "2018", "2019", "2019", "2022"]
    assert timeline.assign_periods(docs, "half").tolist() == ["2016-H1", "2016-H2", "2018-H1", "2019-H1", "2019-H2", "2022-H1"]
    assert timeline.assign_periods(docs, "quarter").tolist()[:2] == ["2016-Q1", "2016-Q4"]
    eras = {"early": "2000-01-01", "platform": "2019-01-01"}
    assert timeline.assign_periods(docs, "era", eras).tolist() == ["early"] * 3 + ["platform"] * 3


def test_year_precision_date_left_out_of_half_years():
    d = make_docs({**TEXTS, "g": ("2017-01-01", "year", 10, "E-government.")})
    assert timeline.assign_periods(d, "year").iloc[-1] == "2017"
    assert pd.isna(timeline.assign_periods(d, "half").iloc[-1])
    s = timeline.dating_summary(d, "half").iloc[0]
    assert (s.n_unplaced, s.n_undated) == (1, 0)


def test_coverage_counts_gaps(docs):
    cov = timeline.coverage(docs, "year")
    assert cov["period"].tolist() == ["2016", "2017", "2018", "2019", "2020", "2021", "2022"]
    assert cov["n_docs"].tolist() == [2, 0, 1, 2, 0, 0, 1]
    assert cov["n_words"].tolist() == [30, 0, 10, 50, 0, 0, 10]
    assert cov.loc[cov["period"] == "2017", "note"].item() == "no article"


def test_trend_columns_and_exact_rate(trends):
    assert list(trends.columns[:6]) == ["period", "concept", "n_docs", "per_1k", "ci_low", "ci_high"]
    row = trends[(trends["period"] == "2019") & (trends["concept"] == "digital government")].iloc[0]
    assert row["count"] == 3 and row["n_docs"] == 2 and row["n_words"] == 50
    assert row["per_1k"] == pytest.approx(3 / 50 * 1000)  # a ratio of sums, not a mean of rates (75)
    egov_2016 = trends[(trends["period"] == "2016") & (trends["concept"] == "e-government")].iloc[0]
    assert egov_2016["per_1k"] == pytest.approx(3 / 30 * 1000)


def test_term_only_after_2018_is_zero_before(trends):
    dg = trends[trends["concept"] == "digital government"]
    before = dg[dg["period"].astype(int) <= 2018]
    assert len(before) == 2 and (before[["per_1k", "ci_low", "ci_high"]] == 0).all().all()
    after = dg[dg["period"].astype(int) > 2018]
    assert (after["per_1k"] > 0).all()


def test_intervals_contain_estimate_and_are_seeded(docs, trends):
    assert ((trends["ci_low"] <= trends["per_1k"]) & (trends["per_1k"] <= trends["ci_high"])).all()
    again = timeline.concept_trends(docs, terms.count_concepts(docs), "year", n_boot=500, seed=7)
    assert_frame_equal(trends, again)
    wide = trends[(trends["period"] == "2019") & (trends["concept"] == "digital government")].iloc[0]
    assert (wide["ci_low"], wide["ci_high"]) == pytest.approx((50.0, 100.0))  # all-e and all-d resamples


def test_many_articles_interval_depends_on_seed_only():
    rng = np.random.default_rng(0)
    n = 40
    d = pd.DataFrame({"doc_id": [f"x{i}" for i in range(n)], "date": pd.Timestamp("2020-05-01"),
                      "n_words": rng.integers(50, 500, n), "text": ""})
    c = pd.DataFrame({"doc_id": d["doc_id"], "concept": "big data", "count": rng.poisson(2, n)})
    a, b = (timeline.concept_trends(d, c, n_boot=1000, seed=s) for s in (1, 2))
    assert_frame_equal(a, timeline.concept_trends(d, c, n_boot=1000, seed=1))
    assert a["ci_low"].item() != b["ci_low"].item()
    assert a["ci_low"].item() < a["per_1k"].item() < a["ci_high"].item()
    # the percentile interval is close to the normal-theory one for a ratio estimate
    assert a["ci_high"].item() - a["ci_low"].item() < a["per_1k"].item()


def test_interval_of_a_period_does_not_depend_on_other_periods(docs):
    c = terms.count_concepts(docs)
    full = timeline.concept_trends(docs, c, n_boot=300, seed=1)
    part = timeline.concept_trends(docs[docs["doc_id"] != "f"], c, n_boot=300, seed=1)
    key = ["period", "concept"]
    merged = full.merge(part, on=key, suffixes=("", "_part"))
    assert np.allclose(merged["ci_low"], merged["ci_low_part"]) and np.allclose(merged["ci_high"], merged["ci_high_part"])


def test_single_article_period_is_marked(trends):
    one = trends[trends["period"] == "2018"]
    assert (one["note"] == timeline.ONE_ARTICLE).all()
    assert (one["ci_low"] == one["per_1k"]).all() and (one["ci_high"] == one["per_1k"]).all()
    assert (trends[trends["period"] == "2019"]["note"] == "").all()


def test_undated_counted_and_excluded():
    d = make_docs(extra={"u": ("", "", 15, "Digital government without a date.")})
    d.loc[d["doc_id"] == "u", "date"] = pd.NaT
    s = timeline.dating_summary(d).iloc[0]
    assert (s.n_undated, s.n_placed) == (1, 6)
    tr = timeline.concept_trends(d, terms.count_concepts(d), n_boot=100)
    assert tr.drop_duplicates("period")["n_docs"].sum() == 6
    facts = timeline_report.placement_facts(d).iloc[0]
    assert (facts.n_undated, facts.n_left_out, facts.n_placed) == (1, 1, 6)


def test_single_period_still_returns_tables_and_renders():
    d = make_docs({k: v for k, v in TEXTS.items() if v[0].startswith("2019")})
    tr = timeline.concept_trends(d, terms.count_concepts(d), n_boot=100)
    assert set(tr["period"]) == {"2019"} and len(tr) > 0
    assert timeline_report.placement_facts(d)["case"].tolist() == ["one"]
    assert timeline_report.pattern_facts(tr)[["case", "n_used"]].values.tolist() == [["one", 2]]
    fig = tf.concept_trajectories(tr)
    assert "One year only" in fig._suptitle.get_text()
    assert timeline.jensen_shannon(d, terms.count_terms(d)).empty


def test_no_dates_gives_empty_tables_with_reason():
    d = make_docs()
    d["date"] = pd.NaT
    tr = timeline.concept_trends(d, terms.count_concepts(d))
    assert tr.empty and list(tr.columns[:6]) == ["period", "concept", "n_docs", "per_1k", "ci_low", "ci_high"]
    assert "No article has a date" in tr.attrs["reason"]
    assert timeline.coverage(d).empty
    assert timeline.jensen_shannon(d, terms.count_terms(d)).empty
    assert timeline.emerging_terms(d, terms.count_terms(d)).empty
    assert timeline_report.placement_facts(d)["case"].tolist() == ["undated"]
    assert timeline_report.change_facts(tr)["case"].tolist() == ["none"]
    for fig in (tf.concept_trajectories(tr), tf.article_strip(d), tf.term_shift(timeline.emerging_terms(d, terms.count_terms(d)))):
        assert fig is not None


def test_bad_input(docs):
    with pytest.raises(ValueError, match="period must be one of"):
        timeline.assign_periods(docs, "month")
    with pytest.raises(ValueError, match="'date'"):
        timeline.coverage(docs.drop(columns="date"))
    with pytest.raises(ValueError, match="'count'"):
        timeline.concept_trends(docs, pd.DataFrame({"doc_id": ["a"], "concept": ["x"]}))
    with pytest.raises(ValueError, match="empty corpus"):
        timeline.coverage(docs.iloc[0:0])
    with pytest.raises(ValueError, match="distinct"):
        timeline.assign_periods(docs, "era", {"a": "2019-01-01", "b": "2019-01-01"})


def test_topic_share_by_period_weighted(docs):
    dt = pd.DataFrame({"model": "nmf", "doc_id": np.repeat(docs["doc_id"], 2), "topic": [1, 2] * 6,
                       "share": [1.0, 0.0, 0.0, 1.0, 0.5, 0.5, 1.0, 0.0, 0.25, 0.75, 0.0, 1.0]})
    tt = timeline.topic_share_by_period(docs, dt, n_boot=200, seed=3)
    assert list(tt.columns[:6]) == ["model", "period", "topic", "share", "ci_low", "ci_high"]
    t2016 = tt[(tt["period"] == "2016") & (tt["topic"] == 1)].iloc[0]
    assert t2016["share"] == pytest.approx((10 * 1.0 + 20 * 0.0) / 30)
    assert tt.groupby(["model", "period"])["share"].sum().round(12).eq(1).all()
    assert ((tt["ci_low"] <= tt["share"]) & (tt["share"] <= tt["ci_high"])).all()


def test_jensen_shannon_bounds():
    same = make_docs({"a": ("2016-01-01", "day", 4, "portal login portal login"),
                      "b": ("2017-01-01", "day", 4, "portal login portal login"),
                      "c": ("2018-01-01", "day", 4, "cloud data cloud data")})
    js = timeline.jensen_shannon(same, terms.count_terms(same))
    assert js["jsd"].tolist() == pytest.approx([0.0, 1.0])
    assert list(js["period_from"]) == ["2016", "2017"]


def test_emerging_terms_log_ratio(docs):
    counts = terms.count_terms(docs, ngram_range=(1, 2))
    em = timeline.emerging_terms(docs, counts, min_count=2, min_docs=2)
    dg = em[em["term"] == "digital government"].iloc[0]
    assert dg["direction"] == "emerging" and dg["count_early"] == 0 and dg["count_late"] == 4
    # split at the middle article (d, 2019-02-01): early words 40, late 60; 0 counted as 0.5
    assert dg["log_ratio"] == pytest.approx(np.log2((4 / 60) / (0.5 / 40)))
    assert em[em["term"] == "e-government"]["direction"].item() == "fading"
    assert em["count_early"].add(em["count_late"]).min() >= 2
    assert timeline.emerging_terms(docs, counts, min_count=100).empty


def test_first_appearance(trends):
    fa = timeline.first_appearance(trends).set_index("concept")
    assert fa.loc["digital government", "first_period"] == "2019"
    assert fa.loc["digital government", "pattern"] == "appears later"
    assert fa.loc["Internet Plus", "pattern"] == "fades"
    assert fa.loc["mobile government", "pattern"] == "absent"


def test_milestones_have_sources():
    ms = timeline.load_milestones()
    assert {"date", "date_precision", "label", "source"} <= set(ms.columns)
    assert (ms["source"].str.len() > 20).all()
    months = set(ms["date"].dt.strftime("%Y-%m"))
    assert {"2015-03", "2016-09", "2019-11", "2022-06"} <= months
    assert ms.loc[ms["date"].dt.strftime("%Y-%m") == "2019-11", "date_precision"].item() == "month"


def test_seeds_digital_government(seeds_dir):
    import egov

    d = egov.load_corpus(seeds_dir)
    tr = timeline.concept_trends(d, terms.count_concepts(d), n_boot=200)
    dg = tr[tr["concept"] == "digital government"].set_index("period")["per_1k"]
    assert (dg[[p for p in dg.index if int(p) < 2019]] == 0).all()
    assert dg["2019"] > 0 and dg["2022"] > 0


def test_figures_byte_stable(tmp_path, trends):
    from egov.report import figures

    for name in ("a", "b"):
        figures.save(tf.concept_trajectories(trends), name, tmp_path)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_emerging_terms_minimums_grow_with_the_corpus():
    """5 uses in 2 articles by default; once per million words and one article in a thousand on large corpora."""
    n = 2500
    docs = pd.DataFrame({"doc_id": [f"d{i:04d}" for i in range(n)],
                         "date": pd.date_range("2015-01-01", periods=n, freq="D"),
                         "date_precision": "day", "n_words": 3000, "text": "x"})  # 7.5 million words
    late = [f"d{i:04d}" for i in range(n - 8, n)]  # "rare" in 7 late articles, "wide" in 8
    counts = pd.DataFrame({"doc_id": late[:7] + late, "term": ["rare"] * 7 + ["wide"] * 8, "count": 1})
    em = timeline.emerging_terms(docs, counts)
    assert (em.attrs["min_count"], em.attrs["min_docs"], em.attrs["minimums"]) == (8, 3, {"und": (8, 3)})
    assert em["term"].tolist() == ["wide"]
    small = timeline.emerging_terms(docs.assign(n_words=100), counts)  # 250,000 words
    assert (small.attrs["min_count"], small.attrs["min_docs"]) == (5, 3) and small["term"].tolist() == ["wide", "rare"]


def test_year_of_labels_years_and_undated():
    from egov.timeline.periods import year_of

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": pd.to_datetime(["2016-03-01", None, "2019-01-01"]),
                         "date_precision": ["day", "", "year"]}, index=[5, 6, 7])
    assert year_of(docs).to_dict() == {5: "2016", 6: "undated", 7: "2019"}


def _passage_shares():
    """Two passages per article a-f, two topics of one model; passage 1 of each leans to topic 1."""
    rows = []
    for i, doc in enumerate("abcdef"):
        for j, s1 in enumerate((0.9 - 0.1 * i, 0.2)):
            pid = f"{doc}#0{j + 1}"
            rows += [("nmf", doc, pid, 1, round(s1, 6)), ("nmf", doc, pid, 2, round(1 - s1, 6))]
    return pd.DataFrame(rows, columns=["model", "doc_id", "passage_id", "topic", "share"])


def test_topic_periods_quote_the_passages_that_carry_each_topic_in_each_period(docs):
    shares = _passage_shares()
    doc_topics = shares.groupby(["model", "doc_id", "topic"], as_index=False)["share"].mean()
    trends = timeline.topic_share_by_period(docs, doc_topics, "year", n_boot=200, seed=1)
    texts = pd.DataFrame({"passage_id": shares["passage_id"].unique()}).assign(text=lambda d: "text of " + d.passage_id)
    docs = docs.assign(title=[f"Title {d}" for d in docs.doc_id])
    out = timeline.topic_periods(docs, trends, shares, texts, "year", n=2)
    assert out.columns.tolist() == ["model", "topic", "period", "share", "ci_low", "ci_high", "rank", "doc_id",
                                    "passage_id", "passage_share", "passage", "title", "source", "date", "label",
                                    "n_docs", "period_start"]
    # 4 periods (2016, 2018, 2019, 2022) x 2 topics; 2 passages each (2018 and 2022 hold one article each)
    assert len(out) == 16
    t1 = out[out["topic"] == 1]
    assert t1["period"].tolist() == ["2016", "2016", "2018", "2018", "2019", "2019", "2022", "2022"]
    # 2016 holds a and b: one passage from each article before a second one from the same article
    assert t1["passage_id"].tolist()[:2] == ["a#01", "b#01"]
    assert t1["passage_share"].tolist()[:2] == [0.9, 0.8]
    assert t1["passage_id"].tolist()[2:4] == ["c#01", "c#02"]  # one article: its two passages, best first
    t2 = out[(out["topic"] == 2) & (out["period"] == "2019")]
    assert t2["passage_id"].tolist() == ["d#02", "e#02"] and t2["passage_share"].tolist() == [0.8, 0.8]
    row = out.iloc[0]
    assert (row["passage"], row["title"], row["source"], str(row["date"].date())) == (
        "text of a#01", "Title a", "Outlet A", "2016-03-10")
    # each row carries its period's share and interval, and the intervals contain their estimates
    merged = out.merge(trends, on=["model", "topic", "period"], suffixes=("", "_trend"))
    assert (merged["share"] == merged["share_trend"]).all()
    assert ((out["ci_low"] <= out["share"]) & (out["share"] <= out["ci_high"])).all()
    assert timeline.topic_periods(docs, trends, shares, texts, "year", n=1)["rank"].eq(1).all()
    # quoted, not reproduced: each article has 2 passages, so a quarter of them rounds up to one quoted passage
    quoted = out[out["passage"] != ""]
    assert quoted.groupby("doc_id")["passage_id"].nunique().eq(1).all() and quoted["doc_id"].nunique() == 6
    assert out.loc[out["passage_id"] == "a#02", "passage"].eq("").all()  # a#01 carries more: it is a's quote
    long = texts.assign(text="word " * 40 + "end")
    cut = timeline.topic_periods(docs, trends, shares, long, "year")
    assert cut.loc[cut["passage"] != "", "passage"].eq(" ".join(["word"] * 30) + " …").all()
    with pytest.raises(ValueError, match="passage_shares has no column passage_id"):
        timeline.topic_periods(docs, trends, shares.drop(columns="passage_id"), texts)


def test_largest_topics_view_and_its_sentence_row(docs):
    shares = _passage_shares()
    doc_topics = shares.groupby(["model", "doc_id", "topic"], as_index=False)["share"].mean()
    trends = timeline.topic_share_by_period(docs, doc_topics, "year", n_boot=200, seed=1).assign(label="x / y / z")
    texts = pd.DataFrame({"passage_id": shares["passage_id"].unique()}).assign(text=lambda d: "word " * 50)
    out = timeline.topic_periods(docs.assign(title="T"), trends, shares, texts)
    view = timeline.largest_topics(out, "nmf", n_topics=1, max_words=3)
    largest = int(trends.groupby("topic")["share"].mean().idxmax())
    assert view["topic"].unique().tolist() == [largest] and len(view) == 4
    assert set(view["quote"]) <= {"", "word word word …"} and (view["quote"] != "").any()
    assert view["period"].tolist() == ["2016", "2018", "2019", "2022"]
    quote = timeline.period_quote(view)
    peak = trends[trends["topic"] == largest].sort_values("share", ascending=False, kind="stable").iloc[0]
    assert len(quote) == 1 and quote["period"].iloc[0] == peak["period"] and quote["share"].iloc[0] == peak["share"]
    assert view.columns.tolist() == ["topic", "label", "period", "n_docs", "share", "ci_low", "ci_high", "source",
                                     "date", "title", "quote"]
    assert timeline.period_quote(view.iloc[0:0]).empty
