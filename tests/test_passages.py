"""Passages: paragraph windows of 60-150 words that never cross articles."""
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from egov.topics.split import passages

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def words(n: int, stem: str = "w") -> str:
    return " ".join(f"{stem}{i}" for i in range(n))


def sentences(n_sentences: int, length: int, stem: str = "s") -> str:
    body = " ".join(["word"] * (length - 2))
    return " ".join(f"{stem.capitalize()}{i} {body} end." for i in range(n_sentences))


@pytest.fixture
def docs():
    return pd.DataFrame({
        "doc_id": ["b_doc", "a_doc", "c_doc", "d_doc"],
        "text": ["\n".join(words(20, f"b{p}x") for p in range(10)),  # ten short paragraphs
                 sentences(20, 20, "a"),  # one 400-word paragraph of 20-word sentences
                 "Just a short note.",
                 ""],
    })


def test_columns_dtypes_and_sorting(docs):
    out = passages(docs)
    assert list(out.columns) == ["doc_id", "passage_id", "text", "n_words", "language"]
    assert out["n_words"].dtype == "int64"
    assert out["doc_id"].tolist() == sorted(out["doc_id"])
    assert out["passage_id"].is_unique
    assert out.loc[out.doc_id == "a_doc", "passage_id"].iloc[0] == "a_doc#01"


def test_passages_never_cross_articles_and_keep_every_word(docs):
    out = passages(docs)
    assert (out["passage_id"].str.split("#").str[0] == out["doc_id"]).all()
    for doc_id, text in zip(docs.doc_id, docs.text):
        joined = " ".join(out.loc[out.doc_id == doc_id, "text"]).split()
        assert joined == text.split()


def test_short_paragraphs_merge_to_at_least_min_words(docs):
    b = passages(docs).query("doc_id == 'b_doc'")
    assert b["n_words"].tolist() == [60, 60, 80]  # the 20-word tail joins the last window
    assert b["text"].iloc[0].count("\n") == 2


def test_long_paragraph_splits_at_sentence_ends(docs):
    a = passages(docs).query("doc_id == 'a_doc'")
    assert (a["n_words"] <= 150).all() and (a["n_words"] >= 60).all()
    assert a["text"].str.endswith("end.").all()
    assert a["n_words"].sum() == 400


def test_one_long_sentence_splits_at_words():
    out = passages(pd.DataFrame({"doc_id": ["x"], "text": [words(400)]}))
    assert out["n_words"].tolist() == [134, 134, 132]


def test_short_article_is_one_passage_and_empty_has_none(docs):
    out = passages(docs)
    assert out.loc[out.doc_id == "c_doc", "n_words"].tolist() == [4]
    assert "d_doc" not in set(out.doc_id)


def test_deterministic(docs):
    assert_frame_equal(passages(docs), passages(docs.iloc[::-1]))


def test_seeds_passages_within_bounds():
    docs = pd.DataFrame([(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))],
                        columns=["doc_id", "text"])
    out = passages(docs)
    assert set(out.doc_id) == set(docs.doc_id)
    assert (out["n_words"] <= 150).all()
    assert (out["n_words"] >= 60).mean() > 0.9


@pytest.mark.parametrize("frame, kwargs, message", [
    (pd.DataFrame({"doc_id": ["a"]}), {}, "missing: text"),
    (pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), {"min_words": 100, "max_words": 50}, "min_words <= max_words"),
    (pd.DataFrame({"doc_id": ["a", "a"], "text": ["x", "y"]}), {}, "unique"),
])
def test_bad_input(frame, kwargs, message):
    with pytest.raises(ValueError, match=message):
        passages(frame, **kwargs)
