"""egov.engine: the batch stages give the same tables serially, in worker processes and on Dask."""
from __future__ import annotations

import filecmp
import sys
from pathlib import Path

import pandas as pd
import pytest

from egov import engine, load_corpus, load_report, cleaning_audit
from egov.terms.concepts import count_concepts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from make_corpus import make_corpus  # noqa: E402


def test_map_batches_keeps_the_order_of_the_batches() -> None:
    batches = [("abc",), ("d",), ("ef",)]
    assert list(engine.map_batches(len, batches, "serial")) == [3, 1, 2]
    assert list(engine.map_batches(len, batches, "processes")) == [3, 1, 2]
    assert list(engine.batched(list(range(5)), 2)) == [[0, 1], [2, 3], [4]]


def test_auto_is_serial_for_small_inputs_and_an_unknown_engine_is_named(monkeypatch) -> None:
    monkeypatch.setenv(engine.ENGINE_ENV, "auto")
    monkeypatch.setenv(engine.JOBS_ENV, "2")
    assert engine.resolve(10, 2000) == "serial" and engine.resolve(2000, 2000) == "processes"
    monkeypatch.setenv(engine.ENGINE_ENV, "spark")
    with pytest.raises(ValueError, match="EGOV_ENGINE='spark': the engine must be one of auto, serial"):
        engine.engine_name()
    with pytest.raises(ValueError, match="the engine must be one of"):
        engine.cluster("spark")


@pytest.fixture(scope="module")
def wire_corpus(tmp_path_factory) -> Path:
    return make_corpus(1000, tmp_path_factory.mktemp("wire") / "corpus", seed=3, profile="wire")


def _stage_tables(folder: Path) -> list[pd.DataFrame]:
    docs = load_corpus(folder)
    return [docs.drop(columns=[]), load_report(docs), cleaning_audit(docs), count_concepts(docs)]


@pytest.mark.slow
def test_load_and_concepts_are_the_same_on_every_engine(wire_corpus, monkeypatch) -> None:
    monkeypatch.setenv("EGOV_CACHE_DIR", "off")
    monkeypatch.setenv(engine.JOBS_ENV, "2")
    monkeypatch.setenv(engine.ENGINE_ENV, "serial")
    serial = _stage_tables(wire_corpus)
    assert (load_report(load_corpus(wire_corpus))["reason"].str.startswith("duplicate of")).sum() > 100
    for name in ("processes", "dask"):
        monkeypatch.setenv(engine.ENGINE_ENV, name)
        with engine.cluster(name, n_workers=2) as address:
            monkeypatch.setenv(engine.SCHEDULER_ENV, address)
            for a, b in zip(serial, _stage_tables(wire_corpus)):
                pd.testing.assert_frame_equal(a, b)


@pytest.mark.slow
def test_a_dask_build_writes_the_same_tables(wire_corpus, tmp_path, monkeypatch) -> None:
    from egov.report.build import build

    monkeypatch.setenv(engine.JOBS_ENV, "2")
    assert build(str(wire_corpus), tmp_path / "default", only=["01", "02"]) == 0
    assert build(str(wire_corpus), tmp_path / "dask", only=["01", "02"], engine_name="dask") == 0
    tables = sorted(p.name for p in (tmp_path / "default" / "tables").glob("*.csv"))
    assert "articles.csv" in tables and "concepts.csv" in tables
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "default" / "tables", tmp_path / "dask" / "tables",
                                               tables, shallow=False)
    assert mismatch == [] and errors == [] and match == tables
