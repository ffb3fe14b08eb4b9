"""Acceptance test: a folder saved the way researchers save news coverage of Chinese e-government.

tests/data/realistic/ holds browser copies (.txt) with menus, share and font-size lines, "Related
stories" lists, credit lines, cookie and subscribe prompts, copyright and licence footers; saved
.html pages (JSON-LD datePublished, an article:published_time meta tag, a visible date only); a
web-clipper .md with YAML front matter; reposts of a Reuters and of a Xinhua story on other sites;
a year-less Xinhua dateline; UTF-16, cp1252 and GBK files; an empty file, a binary file, a PNG
and a paywall stub. truth.csv holds, per file: status, reason, encoding, date, date_precision,
outlet, and (one per line) strings that must be gone from the text and sentences that must stay.
The articles are written for this fixture; the UTF-16 (with BOM), cp1252 and GBK files were
encoded from UTF-8 text with Python's codecs, with Windows line ends.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from egov import cleaning_audit, load_corpus, load_report

FOLDER = Path(__file__).parent / "data" / "realistic"
TRUTH = pd.read_csv(FOLDER / "truth.csv", dtype=str, keep_default_na=False)
LOADED = TRUTH[TRUTH["status"].str.startswith("loaded")]
ROWS = TRUTH.to_dict("records")
LOADED_ROWS = LOADED.to_dict("records")


def _doc_id(file: str) -> str:
    return file.rsplit(".", 1)[0]


def _lines(cell: str) -> list[str]:
    return [line for line in cell.split("\n") if line]


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return load_corpus(FOLDER)


@pytest.fixture(scope="module")
def articles(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.set_index("doc_id")


@pytest.fixture(scope="module")
def report(docs: pd.DataFrame) -> pd.DataFrame:
    return load_report(docs).set_index("path")


def test_every_file_is_reported_exactly_once(report: pd.DataFrame) -> None:
    files = sorted(p.name for p in FOLDER.iterdir() if p.is_file())
    assert files == sorted(TRUTH["file"])
    assert sorted(report.index) == [f"realistic/{f}" for f in files]


def test_status_counts(report: pd.DataFrame) -> None:
    assert report["status"].value_counts().to_dict() == {"loaded": 14, "skipped": 7, "loaded with warning": 1}


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_status_reason_and_encoding(report: pd.DataFrame, row: dict) -> None:
    got = report.loc[f"realistic/{row['file']}"]
    assert got["status"] == row["status"]
    assert got["encoding"] == row["encoding"]
    if row["reason"].startswith("duplicate of "):  # the share of shared 5-grams follows the copy's furniture
        assert re.fullmatch(re.escape(row["reason"]) + r" \(\d{2,3}% of word 5-grams shared\)", got["reason"])
    else:
        assert got["reason"] == row["reason"]


@pytest.mark.parametrize("row", LOADED_ROWS, ids=[r["file"] for r in LOADED_ROWS])
def test_date_and_outlet(articles: pd.DataFrame, row: dict) -> None:
    got = articles.loc[_doc_id(row["file"])]
    if row["date"]:
        assert got["date"] == pd.Timestamp(row["date"]), got["date_evidence"]
    else:
        assert pd.isna(got["date"]), got["date_evidence"]
    assert got["date_precision"] == row["date_precision"]
    assert got["date_evidence"]
    assert got["source"] == row["outlet"]


def test_no_date_is_invented(articles: pd.DataFrame) -> None:
    undated = sorted(_doc_id(f) for f in LOADED.loc[LOADED["date"] == "", "file"])
    assert sorted(articles.index[articles["date"].isna()]) == undated
    assert undated == ["Hainan digital government (Xinhua, copied from app)"]
    assert articles.loc[undated[0], "date_evidence"] == 'no date with a year in the text; "Oct. 12" has no year'


def test_reposts_are_skipped_and_the_first_copy_stays(articles: pd.DataFrame, report: pd.DataFrame) -> None:
    reposts = TRUTH[TRUTH["reason"].str.startswith("duplicate of ")]
    assert len(reposts) == 2
    for repost in reposts.itertuples():
        original = repost.reason.removeprefix("duplicate of realistic/")
        assert _doc_id(repost.file) not in articles.index
        assert report.loc[f"realistic/{original}", "status"] == "loaded"


@pytest.mark.parametrize("row", LOADED_ROWS, ids=[r["file"] for r in LOADED_ROWS])
def test_furniture_is_removed(articles: pd.DataFrame, row: dict) -> None:
    raw, text = articles.loc[_doc_id(row["file"]), ["raw_text", "text"]]
    lines = text.split("\n")
    for removed in _lines(row["removed"]):
        assert removed in raw.replace("&amp;", "&")  # the truth names real lines of the file
        if " " in removed:
            assert removed not in text, removed
        else:  # a single word ("Accept", "Odd") may occur in prose; it must not stand as a line
            assert removed not in lines, removed


@pytest.mark.parametrize("row", LOADED_ROWS, ids=[r["file"] for r in LOADED_ROWS])
def test_prose_is_kept(articles: pd.DataFrame, row: dict) -> None:
    text = articles.loc[_doc_id(row["file"]), "text"]
    kept = _lines(row["kept"])
    assert kept
    for sentence in kept:
        assert sentence in text, sentence


def test_removals_from_text_files_are_in_the_audit(docs: pd.DataFrame) -> None:
    audit = cleaning_audit(docs)
    for row in LOADED_ROWS:
        if row["file"].endswith(".html"):  # HTML furniture goes at extraction, before cleaning and its audit
            continue
        removed = audit.loc[audit["doc_id"] == _doc_id(row["file"]), "line"].tolist()
        for line in _lines(row["removed"]):
            assert any(line in r for r in removed), (row["file"], line)
