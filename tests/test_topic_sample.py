"""egov.topics.sample: the period-stratified fit sample and inference of every passage's topic shares."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from egov import engine
from egov.topics import lda, sample
from egov.topics.models import MODELS, doc_topics, fit_topics, passage_terms, topic_summary, topic_terms
from egov.topics.planted import planted_block, planted_docs
from egov.topics.selection import most_coherent_fit
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
    best = sample.fit_sampled(pt, 3, model, seed=42, fit=most_coherent_fit)  # the stage's final fit
    assert np.array_equal(best.passage_topic, most_coherent_fit(pt, 3, model, seed=42).passage_topic)


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
    serial = sample.fit_sampled(big, 3, model, seed=42, max_passages=60, engine="serial", fit=most_coherent_fit)
    parallel = sample.fit_sampled(big, 3, model, seed=42, max_passages=60, engine="processes", fit=most_coherent_fit)
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


def test_lda_fold_in_does_not_depend_on_the_batch_and_finds_the_planted_block(big):
    beta, _, _ = lda.fit_gibbs(big.tokens[:60], big.vocab, 3, seed=42, iterations=50, shares=False)
    beta = beta / beta.sum(axis=1, keepdims=True)
    whole = lda.fold_in(beta, big.counts, 0.1, 30)
    halves = np.vstack([lda.fold_in(beta, big.counts[:70], 0.1, 30), lda.fold_in(beta, big.counts[70:], 0.1, 30)])
    assert np.array_equal(whole, halves)
    np.testing.assert_allclose(whole.sum(axis=1), 1.0)
    # a passage of one topic's terms only: almost all of its share goes to that topic
    index = {w: i for i, w in enumerate(big.vocab)}
    topic = int(np.argmax(beta[:, index["portal"]]))
    one = np.zeros((1, len(big.vocab)))
    one[0, [index[w] for w in ("portal", "login", "citizen", "account") if w in index]] = 5
    assert lda.fold_in(beta, sparse.csr_matrix(one), 0.1, 30)[0, topic] > 0.9
    # a passage with no term gets equal shares
    assert np.array_equal(lda.fold_in(beta, sparse.csr_matrix((1, len(big.vocab))), 0.1, 30), [[1 / 3, 1 / 3, 1 / 3]])


@pytest.mark.slow
def test_inference_on_dask_equals_serial(big, monkeypatch):
    monkeypatch.setattr(sample, "INFER_BATCH", 40)
    serial = [sample.fit_sampled(big, 3, m, seed=42, max_passages=60, engine="serial") for m in MODELS]
    with engine.cluster("dask", n_workers=2) as address:
        monkeypatch.setenv(engine.SCHEDULER_ENV, address)
        on_dask = [sample.fit_sampled(big, 3, m, seed=42, max_passages=60, engine="dask") for m in MODELS]
    for a, b in zip(serial, on_dask):
        assert np.array_equal(a.passage_topic, b.passage_topic)


def test_the_stage_says_how_many_passages_of_each_period_were_fitted():
    from egov.topics.stage import topic_stage

    docs = planted_docs().assign(date=pd.to_datetime(["2019-01-01"] * 6 + ["2020-01-01"] * 3))
    stage = topic_stage(passages(docs), n_topics=3, seed=42, ks=(3,))
    assert stage.fit_sample.to_dict("list") == {"period": ["2019", "2020"], "n_passages": [30, 15],
                                                "n_fitted": [30, 15]}
    assert {m: (tm.settings["n_fitted"], tm.settings["n_inferred"]) for m, tm in stage.models.items()} == {
        "nmf": (45, 0), "lda": (45, 0)}


def test_the_stage_past_the_cap_fits_the_sample_and_its_cache_entry_reads_back(big, tmp_path, monkeypatch):
    from egov.topics import stage as tstage

    monkeypatch.setattr(sample, "MAX_FIT_PASSAGES", 60)
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path))
    miss = tstage.fit(big, {"nmf": 3, "lda": 3}, seed=42)
    hit = tstage.fit(big, {"nmf": 3, "lda": 3}, seed=42)
    for m in MODELS:
        assert miss[m].settings["n_fitted"] == hit[m].settings["n_fitted"] == 60
        assert hit[m].settings["n_inferred"] == 150
        assert np.array_equal(miss[m].passage_topic, hit[m].passage_topic)
        pd.testing.assert_frame_equal(doc_topics(miss[m]), doc_topics(hit[m]))
    monkeypatch.setattr(sample, "MAX_FIT_PASSAGES", 100)  # another cap is another cache entry
    assert tstage.fit(big, {"nmf": 3, "lda": 3}, seed=42)["nmf"].settings["n_fitted"] == 100
