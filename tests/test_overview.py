"""Sentences and tables of notebook 01 (egov.report.overview), on hand-made articles and the realistic folder."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov import load_corpus
from egov.report import overview

REALISTIC = Path(__file__).parent / "data" / "realistic"


def _docs(sources, dates):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(sources))], "source": sources,
                         "date": pd.to_datetime(dates), "n_words": 100})


def test_source_sentence_counts_articles_without_an_outlet():
    docs = _docs(["Xinhua", "Xinhua", "", None], ["2019-01-01"] * 4)
    assert overview.per_source(docs)["source"].tolist() == ["Xinhua", "unknown"]
    assert overview.source_sentence(docs) == ("1 named source in all; the largest, Xinhua, has 2 articles (50%). "
                                              "2 articles name no outlet in metadata or in their text.")
    mostly_unknown = _docs(["Xinhua", "", "", "CGTN"], ["2019-01-01"] * 4)
    assert overview.source_sentence(mostly_unknown) == ("2 named sources in all, one article each. 2 articles name "
                                                        "no outlet in metadata or in their text.")
    assert overview.source_sentence(_docs([""], ["2019-01-01"])) == (
        "No article names its outlet in metadata or in its text.")


def test_year_sentence_names_empty_years():
    docs = _docs(["A"] * 4, ["2014-05-01", "2016-01-01", "2016-07-01", None])
    assert overview.year_sentence(docs) == ("The dated articles span 3 calendar years (2014 to 2016); the busiest "
                                            "year, 2016, has 2 articles. 1 year in that span has no article at "
                                            "all (2015).")


def test_describe_and_status_counts_on_the_realistic_folder():
    docs = load_corpus(REALISTIC)
    text = overview.describe(docs)
    assert text.startswith("Loaded **15 articles** (6,495 words after cleaning) from <code>realistic</code>: "
                           "22 files read, 7 skipped, 1 loaded with a warning.")
    counts = overview.status_counts(docs)
    assert int(counts["n_files"].sum()) == 22
    assert counts.loc[counts["status"] == "loaded", "n_files"].tolist() == [14]


def test_reason_kind_drops_file_details_so_reasons_can_be_counted():
    reasons = pd.Series(["too short: 9 words after cleaning (minimum 25)", "duplicate of a/x.txt (92% of word 5-grams shared)",
                         "duplicate of a/y.txt (100% of word 5-grams shared)", "binary: contains NUL bytes", "",
                         "unsupported file type '.png' (use .txt, .md or .html)"])
    assert overview.reason_kind(reasons).tolist() == ["too short", "duplicate of another article",
                                                      "duplicate of another article", "binary", "-",
                                                      "unsupported file type '.png'"]


def test_headlines_read_right_for_one_article():
    docs = load_corpus(REALISTIC / "SCMP - Shenzhen health code data.txt")
    assert overview.headline(docs) == ("1 article (533 words) from 1 named source, published on 2020-06-05; "
                                       "0 input files skipped.")
