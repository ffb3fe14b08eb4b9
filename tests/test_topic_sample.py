"""egov.topics.sample: the period-stratified fit sample and inference of every passage's topic shares."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from egov import engine
from egov.topics import lda, sample
from egov.topics.models import MODELS, doc_topics, fit_topics, passage_terms, topic_summary, topic_terms
from egov.topics.planted import planted_block, planted_docs
from egov.topics.split import passages


def _dated(years: dict[str, int], undated: int = 0) -> pd.DataFrame:
    """One row per passage: passage_id, date (n passages in each year, then `undated` without a date)."""
    dates = [pd.Timestamp(f"{y}-06-01") for y, n in years.items() for _ in range(n)] + [pd.NaT] * undated
    return pd.DataFrame({"passage_id": [f"p{i:05d}" for i in range(len(dates))], "date": pd.Series(dates)})


def test_allocate_floors_then_shares_the_rest_by_largest_remainder():
    sizes = pd.Series({"2019": 900, "2020": 100, "2021": 10})
    # floors 50, 50, 10; the other 190 by the 850 and 50 passages left: 179.4 and 10.6 -> 179 and 10, one
    # more to the largest remainder (2020)
    assert sample.allocate(sizes, 300, floor=50).tolist() == [229, 61, 10]
    assert sample.allocate(sizes, 2000, floor=50).tolist() == [900, 100, 10]  # all of them under the cap
    # floors past the total are lowered to total // periods = 20 (2021 has 10); the other 10 by 880 and 80 left
    assert sample.allocate(sizes, 60, floor=50).tolist() == [29, 21, 10]
    with pytest.raises(ValueError, match="total >= 0"):
        sample.allocate(sizes, -1)


def test_stratified_sample_takes_exact_counts_per_period_seeded_with_the_floor():
    psg = _dated({"2019": 700, "2020": 250, "2021": 40}, undated=10)
    rows = sample.stratified_sample(psg, max_passages=200, seed=7, floor=20)
    periods = sample.passage_periods(psg)
    # floors 20, 20, 20, 10 (undated has 10); the other 130 by 680, 230, 20 left: 95.05, 32.15, 2.80 -> +1 to 2021
    assert periods.iloc[rows].value_counts().sort_index().to_dict() == {"2019": 115, "2020": 52, "2021": 23,
                                                                       "undated": 10}
    assert len(rows) == 200 and np.all(np.diff(rows) > 0)
    assert np.array_equal(rows, sample.stratified_sample(psg, 200, seed=7, floor=20))
    assert not np.array_equal(rows, sample.stratified_sample(psg, 200, seed=8, floor=20))
    table = sample.sample_table(psg, 200, floor=20)
    assert table.to_dict("list") == {"period": ["2019", "2020", "2021", "undated"], "n_passages": [700, 250, 40, 10],
                                     "n_fitted": [115, 52, 23, 10]}
    assert np.array_equal(sample.stratified_sample(psg, 1000), np.arange(1000))  # under the cap: every passage
    assert sample.passage_periods(psg.drop(columns="date")).unique().tolist() == ["all"]


def test_passages_carry_the_article_date():
    docs = planted_docs(3).assign(date=pd.to_datetime(["2019-01-02", None, "2021-03-04"]))
    psg = passages(docs)
    assert psg.groupby("doc_id")["date"].first().dropna().dt.year.tolist() == [2019, 2021]
    assert psg["date"].dtype == docs["date"].dtype
    assert sample.passage_periods(psg).unique().tolist() == ["2019", "undated", "2021"]


@pytest.fixture(scope="module")
def pt():
    return passage_terms(passages(planted_docs()))


@pytest.mark.parametrize("model", MODELS)
def test_under_the_cap_fit_sampled_is_fit_topics(pt, model):
    old, new = fit_topics(pt, 3, model, seed=42), sample.fit_sampled(pt, 3, model, seed=42)
    assert np.array_equal(old.topic_term, new.topic_term) and np.array_equal(old.passage_topic, new.passage_topic)
    for table in (topic_terms, doc_topics, topic_summary):
        pd.testing.assert_frame_equal(table(old), table(new))
    assert new.settings["n_fitted"] == len(pt.passages) and new.settings["n_inferred"] == 0


@pytest.fixture(scope="module")
def big():
    """30 planted articles (150 passages) dated 2019 (20), 2020 (8) and 2021 (2)."""
    docs = planted_docs(30, seed=1)
    docs["date"] = pd.to_datetime(["2019-05-01"] * 20 + ["2020-05-01"] * 8 + ["2021-05-01"] * 2)
    return passage_terms(passages(docs))


@pytest.mark.parametrize("model", MODELS)
def test_over_the_cap_fits_the_sample_and_infers_every_passage_the_same_on_every_engine(big, model, monkeypatch):
    monkeypatch.setattr(sample, "INFER_BATCH", 40)  # four batches
    monkeypatch.setenv(engine.JOBS_ENV, "2")
    serial = sample.fit_sampled(big, 3, model, seed=42, max_passages=60, engine="serial")
    parallel = sample.fit_sampled(big, 3, model, seed=42, max_passages=60, engine="processes")
    assert np.array_equal(serial.topic_term, parallel.topic_term)
    assert np.array_equal(serial.passage_topic, parallel.passage_topic)
    assert serial.settings["n_fitted"] == 60 and serial.settings["n_inferred"] == 150
    assert serial.passage_topic.shape == (150, 3)
    np.testing.assert_allclose(serial.passage_topic.sum(axis=1), 1.0)
    # the planted topics are found from 60 passages, and the 90 passages the fit never saw land in their block
    assert sorted(planted_block(t) for t in serial.top_terms(3)) == ["audit", "cloud", "portal"]
    dt = doc_topics(serial)
    lead = dt.loc[dt.groupby("doc_id")["share"].idxmax()]
    blocks = {t: planted_block(top) for t, top in enumerate(serial.top_terms(3), start=1)}
    assert all(doc.endswith("_" + blocks[t]) for doc, t in zip(lead["doc_id"], lead["topic"]))
    fitted = sample.sample_table(big.passages, 60).set_index("period")["n_fitted"].to_dict()
    # floors 60 // 3 periods = 20 (2021 has only 10), the other 10 by the 80 and 20 passages left
    assert fitted == {"2019": 28, "2020": 22, "2021": 10}


def test_lda_inference_does_not_depend_on_the_batch_or_the_order(big):
    beta, sizes, model = lda.fit_gibbs_model(big.tokens[:60], big.vocab, 3, seed=42, iterations=50)
    whole = lda.infer_gibbs(model, big.tokens, 50)
    halves = np.vstack([lda.infer_gibbs(model, big.tokens[:70], 50), lda.infer_gibbs(model, big.tokens[70:], 50)])
    backwards = lda.infer_gibbs(model, big.tokens[::-1], 50)[::-1]
    assert np.array_equal(whole, halves) and np.array_equal(whole, backwards)
    assert np.array_equal(lda.infer_gibbs(model, [["no_such_term"]], 50), [[1 / 3, 1 / 3, 1 / 3]])
