"""Cache entries as Parquet, .npy and JSON: every kind of entry round-trips exactly, and a
damaged or tampered entry is computed again, never executed."""
from __future__ import annotations

import json
import pickle

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from scipy import sparse

from egov import cache, cache_format, load_corpus
from egov.corpus import load as corpus
from egov.corpus.load import LoadInfo
from egov.terms import tokens as terms
from egov.terms.concepts import count_concepts
from egov.topics import stage as topic_stage
from egov.topics.split import passages
from test_topics import planted_docs


def _round_trip(value, tmp_path):
    folder = tmp_path / "entry"
    folder.mkdir()
    cache_format.write_entry(folder, value)
    assert not [p for p in folder.iterdir() if p.suffix not in (".json", ".parquet", ".npy")]
    return cache_format.read_entry(folder)


def _same_frame(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes) == list(b.dtypes) and type(a.index) is type(b.index)


@pytest.fixture
def loaded(mixed_dir, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    return load_corpus(mixed_dir)


def test_loaded_corpus_with_its_load_info_round_trips(loaded, tmp_path):
    info = loaded.attrs["egov"]
    info.notes.append("a note on the load")
    back = _round_trip(loaded, tmp_path)
    _same_frame(back, loaded)
    got = back.attrs["egov"]
    assert isinstance(got, LoadInfo) and got.location == info.location and got.notes == ["a note on the load"]
    _same_frame(got.report, info.report)
    _same_frame(got.audit, info.audit)
    assert back["date"].dtype == loaded["date"].dtype and back["date"].isna().tolist() == loaded["date"].isna().tolist()


def test_load_corpus_entry_round_trips(mixed_dir, tmp_path):
    value = corpus._load(mixed_dir, mixed_dir.name, None, corpus.MIN_WORDS)  # what load_corpus caches
    back = _round_trip(value, tmp_path)
    assert type(back) is tuple and len(back) == 3
    for a, b in zip(back, value):
        _same_frame(a, b)


def test_token_stream_round_trips(loaded, tmp_path):
    value = terms._encode_now(loaded["text"].tolist(), True, False)  # what _encode caches
    back = _round_trip(value, tmp_path)
    assert type(back) is tuple and len(back) == 4
    for a, b in zip(back[:3], value[:3]):
        assert a.dtype == b.dtype and np.array_equal(a, b)
    assert back[3] == value[3] and all(type(t) is str for t in back[3])


def test_concept_counts_round_trip(loaded, tmp_path):
    counts = count_concepts(loaded)
    _same_frame(_round_trip(counts, tmp_path), counts)


def _same_estimator(a, b) -> None:
    assert type(a) is type(b) and a.get_params() == b.get_params()
    assert sorted(vars(a)) == sorted(vars(b))
    for name, value in vars(b).items():
        got = vars(a)[name]
        if isinstance(value, np.ndarray):
            assert got.dtype == value.dtype and np.array_equal(got, value), name
        elif isinstance(value, np.random.RandomState):
            sa, sb = got.get_state(), value.get_state()
            assert sa[0] == sb[0] and np.array_equal(sa[1], sb[1]) and sa[2:] == sb[2:]
        else:
            assert type(got) is type(value) and got == value, name


def test_topic_stage_round_trips_with_models_rebuilt_from_arrays(tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_CACHE_DIR", "off")
    stage = topic_stage.topic_stage(passages(planted_docs()), None, 42, (2, 3, 4), None, 1000)
    assert stage.fitted
    back = _round_trip(stage, tmp_path)
    assert type(back) is topic_stage.TopicStage and back.ks == stage.ks and back.reasons == stage.reasons
    for name in ("sweep", "choice", "topics", "doc_topics", "summary", "matches", "baseline", "passage_topics"):
        _same_frame(getattr(back, name), getattr(stage, name))
    pt, want = back.terms, stage.terms
    _same_frame(pt.passages, want.passages)
    assert pt.tokens == want.tokens and pt.vocab == want.vocab and (pt.min_df, pt.max_df) == (want.min_df, want.max_df)
    assert type(pt.counts) is sparse.csr_matrix and pt.counts.dtype == want.counts.dtype
    assert (pt.counts != want.counts).nnz == 0
    for m, tm in stage.models.items():
        got = back.models[m]
        assert got.terms is back.terms  # shared, stored once
        assert (got.model, got.k, got.seed, got.settings) == (tm.model, tm.k, tm.seed, tm.settings)
        assert np.array_equal(got.topic_term, tm.topic_term) and np.array_equal(got.passage_topic, tm.passage_topic)
        if tm.estimator is None:  # LDA (tomotopy): the fit is kept as its arrays only
            assert got.estimator is None
            continue
        _same_estimator(got.estimator, tm.estimator)
        np.testing.assert_array_equal(got.estimator.transform(pt.counts.astype(float)),
                                      tm.estimator.transform(want.counts.astype(float)))


def test_an_empty_topic_stage_round_trips(tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_CACHE_DIR", "off")
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["The portal lets citizens apply online for licences and permits."]})
    stage = topic_stage.topic_stage(passages(docs), None, 1, (2, 3), None, 1000)
    back = _round_trip(stage, tmp_path)
    assert not back.fitted and back.terms is None and back.reason == stage.reason
    for name in topic_stage.STAGE_COLUMNS:
        _same_frame(getattr(back, name), getattr(stage, name))


def test_values_that_cannot_be_stored_are_refused_and_still_returned(tmp_path):
    class Thing:
        pass

    with pytest.raises(TypeError, match="cannot cache"):
        cache_format.write_entry(tmp_path, Thing())
    with pytest.raises(TypeError, match="object arrays"):
        cache_format.write_entry(tmp_path, np.array([Thing()], dtype=object))
    folder = tmp_path / "cache"
    value = cache.cached("x-1", folder, Thing)
    assert isinstance(value, Thing) and not (folder / "x-1").exists()
    assert not list(folder.glob(".tmp-*"))


class _Marker:
    """Unpickling this creates the marker file: proof that a pickle was executed."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


@pytest.fixture
def stored(tmp_path):
    """A cache folder with one entry holding a frame, an array and a string."""
    folder = tmp_path / "cache"
    value = {"frame": pd.DataFrame({"a": [1, 2]}), "array": np.arange(3), "name": "x"}
    assert cache.cached("x-1", folder, lambda: value) is value
    return folder, folder / "x-1"


def _fresh(folder):
    return cache.cached("x-1", folder, lambda: "recomputed")


def test_a_changed_file_is_recomputed(stored):
    folder, entry = stored
    npy = next(entry.glob("*.npy"))
    data = bytearray(npy.read_bytes())
    data[-1] ^= 1
    npy.write_bytes(bytes(data))
    assert _fresh(folder) == "recomputed"
    assert _fresh(folder) == "recomputed"  # the damaged entry was replaced


def test_a_planted_pickle_is_never_executed(stored, tmp_path):
    folder, entry = stored
    marker = tmp_path / "executed"
    payload = pickle.dumps(_Marker(marker))
    npy = next(entry.glob("*.npy"))
    npy.write_bytes(payload)  # a pickle where an array was
    manifest = json.loads((entry / "entry.json").read_text())
    manifest["files"][npy.name] = cache_format._hash(payload)  # even with a matching hash
    (entry / "entry.json").write_text(json.dumps(manifest))
    assert _fresh(folder) == "recomputed"
    (folder / "x-2.pkl").write_bytes(payload)  # an old-style pickle entry
    assert cache.cached("x-2", folder, lambda: "computed") == "computed"
    assert not marker.exists()


@pytest.mark.parametrize("edit", [
    lambda m: m["value"]["v"]["frame"].update({"t": "dataclass", "class": "Popen"}),  # a class not in CLASSES
    lambda m: m["value"]["v"]["frame"].update({"file": "../../etc/passwd"}),  # a file outside the entry
    lambda m: m.update({"format": 0}),
    lambda m: m["value"].update({"t": "eval"}),
])
def test_a_tampered_manifest_is_recomputed(stored, edit):
    folder, entry = stored
    manifest = json.loads((entry / "entry.json").read_text())
    edit(manifest)
    (entry / "entry.json").write_text(json.dumps(manifest))
    assert _fresh(folder) == "recomputed"


def test_prune_keeps_the_most_recently_used_entries(tmp_path):
    import os

    for i in range(4):
        cache.cached(f"x-{i}", tmp_path, lambda: np.zeros(1000))
        os.utime(tmp_path / f"x-{i}" / "entry.json", ns=(i * 10**9, i * 10**9))
    (tmp_path / "old.pkl").write_bytes(b"an earlier egov's entry")
    cache.prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2", "x-3"]
    cache.prune(tmp_path, max_bytes=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-3"]  # the newest always stays


def test_the_default_folder_is_the_user_cache_never_the_report(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "egov"
    assert cache.cache_dir(5) is None and cache.cache_dir(cache.MIN_ITEMS) == tmp_path / "egov"
    monkeypatch.setenv(cache.BUILD_ENV, "1")  # within egov build every input is cached
    assert cache.cache_dir(5) == tmp_path / "egov"
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir(5) is None and cache.folder() is None


def test_arrays_are_read_once_into_writable_arrays(tmp_path):
    """An .npy file becomes an array over the bytes read (no second copy), writable, any layout."""
    values = (np.arange(10, dtype=np.int64), np.array([True, False]), np.asfortranarray(np.arange(6.0).reshape(2, 3)),
              np.array(3, dtype=np.int32), np.zeros(0, dtype=np.int8), np.array(["ab", "c"]))
    back = _round_trip(values, tmp_path)
    for want, got in zip(values, back):
        assert got.dtype == want.dtype and got.shape == want.shape and np.array_equal(got, want)
        assert got.flags.writeable
    back[0][0] = 7  # callers may change what they read
    assert back[0][0] == 7
