"""report.show and report.say: what a reader sees of a table or a sentence."""
from __future__ import annotations

import pandas as pd

from egov.report import text as report


def test_show_numbers_rows_rounds_and_says_when_it_cuts(monkeypatch):
    shown = []
    monkeypatch.setattr(report, "display", shown.append)
    table = pd.DataFrame({"term": list("abcd"), "score": [1.23456, 2.5, 3.0, 4.0],
                          "date": pd.to_datetime(["2019-01-02 10:00:00", None, "2020-03-04 00:00:00", "2021-05-06 00:00:00"])})
    view = report.show(table, n=3)
    assert view.index.tolist() == [1, 2, 3] and view["score"].tolist() == [1.23, 2.5, 3.0]
    assert view["date"].tolist() == ["2019-01-02", "", "2020-03-04"]
    assert [m.data for m in shown] == ["_The first 3 of 4 rows:_"]
    shown.clear()
    assert len(report.show(table, n=4)) == 4 and len(report.show(table, n=None)) == 4 and shown == []
    assert report.show(table.iloc[:0], empty="Nothing here.").data == "_Nothing here._"


def test_say_escapes_article_text():
    text = report.say("Title: {title}, {n:,} words", {"title": "<b>big</b> data", "n": 1200}).data
    assert text == "Title: &lt;b&gt;big&lt;/b&gt; data, 1,200 words"
