"""The on-disk cache: a hit on the second call, a miss when a file or a setting changes, same frames."""
from __future__ import annotations

import os

import pandas as pd
import pytest

from conftest import ARTICLE
from egov import cache, cleaning_audit, load_corpus, load_report
from egov import terms
from egov.terms.concepts import count_concepts

SECOND = ("Updated: 2020-03-01\nThe provincial government services platform now handles 300 kinds of "
          "permits online, and officials said the mobile app would reach every county by the end of the year.\n")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    return folder


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def _entries(folder, kind):
    return sorted(p.parent for p in folder.glob(f"{kind}-*/entry.json"))


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(load_report(a), load_report(b))
    pd.testing.assert_frame_equal(cleaning_audit(a), cleaning_audit(b))


def test_second_load_is_a_hit_with_identical_frames(corpus, cache_dir, monkeypatch):
    first = load_corpus(corpus)
    assert len(_entries(cache_dir, "corpus")) == 1
    import egov.corpus.load

    def fail(*args, **kwargs):
        raise AssertionError("loaded again instead of reading the cache")

    monkeypatch.setattr(egov.corpus.load, "_load", fail)
    second = load_corpus(corpus)
    _same(first, second)
    assert load_report(second)["status"].tolist() == ["loaded", "loaded"]


def test_changed_file_or_setting_misses(corpus, cache_dir, monkeypatch):
    first = load_corpus(corpus)
    (corpus / "b.txt").write_text(SECOND + "Digital government pilots will follow in three provinces next year.\n",
                                  encoding="utf-8")
    os.utime(corpus / "b.txt", ns=(1, 1))  # a new size and mtime, whatever the file system's clock
    changed = load_corpus(corpus)
    assert len(_entries(cache_dir, "corpus")) == 2
    assert changed.loc[changed.doc_id == "b", "n_words"].item() > first.loc[first.doc_id == "b", "n_words"].item()
    load_corpus(corpus, min_words=26)  # another setting: another key
    assert len(_entries(cache_dir, "corpus")) == 3
    monkeypatch.setenv(cache.ENV, "off")
    _same(load_corpus(corpus), changed)


def test_too_strict_setting_still_raises_from_the_cache(corpus, cache_dir):
    with pytest.raises(ValueError, match="nothing could be loaded"):
        load_corpus(corpus, min_words=10_000)
    with pytest.raises(ValueError, match="nothing could be loaded"):
        load_corpus(corpus, min_words=10_000)


def test_cached_and_uncached_frames_are_identical(corpus, cache_dir, monkeypatch):
    cached_docs = load_corpus(corpus)
    cached_again = load_corpus(corpus)
    cached_tokens = terms.count_terms(cached_docs, ngram_range=(1, 2))
    cached_concepts = count_concepts(cached_docs)
    assert _entries(cache_dir, "tokens") and _entries(cache_dir, "concepts")
    hit_tokens = terms.count_terms(cached_again, ngram_range=(1, 2))
    monkeypatch.setenv(cache.ENV, "")
    plain = load_corpus(corpus)
    _same(cached_again, plain)
    pd.testing.assert_frame_equal(cached_tokens, terms.count_terms(plain, ngram_range=(1, 2)))
    pd.testing.assert_frame_equal(hit_tokens, cached_tokens)
    pd.testing.assert_frame_equal(cached_concepts, count_concepts(plain))


def test_token_cache_follows_the_texts_and_settings(corpus, cache_dir):
    docs = load_corpus(corpus)
    terms.tokenize_corpus(docs)
    terms.tokenize_corpus(docs)
    assert len(_entries(cache_dir, "tokens")) == 1
    terms.count_terms(docs, lemmas=False)
    assert len(_entries(cache_dir, "tokens")) == 2
    edited = docs.assign(text=docs["text"] + " Blockchain pilots.")
    assert "blockchain" in terms.tokenize_corpus(edited).iloc[0]
    assert len(_entries(cache_dir, "tokens")) == 3


def test_small_inputs_are_not_cached_without_the_variable(monkeypatch):
    monkeypatch.delenv(cache.ENV, raising=False)
    assert cache.cache_dir(5) is None
    assert cache.cache_dir(cache.MIN_ITEMS) is not None
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir(10**6) is None


def test_damaged_entry_is_recomputed(tmp_path):
    key = cache.make_key("x", 1)
    (tmp_path / key).mkdir()
    (tmp_path / key / "entry.json").write_bytes(b"not json")
    assert cache.cached(key, tmp_path, lambda: 42) == 42
    assert cache.cached(key, tmp_path, lambda: 0) == 42
    assert [p.name for p in tmp_path.iterdir()] == [key]  # no temporary folder left behind


def test_parallel_concepts_equal_serial(corpus, monkeypatch):
    import egov.terms.concepts

    monkeypatch.setenv(cache.ENV, "off")
    docs = load_corpus(corpus)
    serial = count_concepts(docs)
    monkeypatch.setattr(egov.terms.concepts, "PARALLEL_MIN", 1)
    monkeypatch.setattr(egov.terms.concepts, "CHUNK", 1)
    monkeypatch.setenv("EGOV_JOBS", "2")
    pd.testing.assert_frame_equal(serial, count_concepts(docs))
