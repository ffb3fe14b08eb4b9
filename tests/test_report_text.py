"""report.show and report.say: what a reader sees of a table or a sentence."""
from __future__ import annotations

import pandas as pd
import pytest

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


def test_words_agree_with_their_number():
    assert report.words("{n:,} {n:|article}", n=1) == "1 article"
    assert report.words("{n:,} {n:|article}", n=1200) == "1,200 articles"
    assert report.words("{n} {n:|child|children}", n=0) == "0 children"
    assert report.words("{n} {n:|child|children}", n=1) == "1 child"


def test_words_choose_the_template_of_the_case():
    templates = {"none": "No article is dated.", "some": "{n_dated:,} of {n:,} {n:|article} are dated."}
    facts = pd.DataFrame([{"case": "some", "n_dated": 3, "n": 4}])
    assert report.words(templates, facts) == "3 of 4 articles are dated."
    assert report.words(templates, {"case": "none"}) == "No article is dated."
    with pytest.raises(KeyError, match="no template for case 'many'"):
        report.words(templates, {"case": "many"})


def test_words_name_a_missing_field():
    with pytest.raises(KeyError, match="template field 'per_1k' is not in the facts"):
        report.words("{per_1k:.1f}", {"count": 3})


def test_say_escapes_but_words_does_not_unless_asked():
    assert report.words("{t}", t="<b>") == "<b>"
    assert report.say("{t} {n:|row}", t="<b>", n=2).data == "&lt;b&gt; rows"


def test_words_give_a_sentence_per_fact_row():
    facts = pd.DataFrame({"case": ["some", "none"], "language_name": ["English", "Chinese"], "n": [3, 0]})
    templates = {"some": "{language_name}: {n} {n:|article}.", "none": "{language_name}: none."}
    assert report.words(templates, facts) == "English: 3 articles. Chinese: none."
    assert report.say(templates, facts, sep="\n").data == "English: 3 articles.\nChinese: none."
    assert report.words("{n:,} {n:|{unit}}", facts.iloc[[0]], unit="policy era") == "3 policy eras"
    with pytest.raises(ValueError, match="no rows"):
        report.words("{n}", facts.iloc[0:0])


def test_a_clause_appears_only_when_its_fact_is_true():
    template = "{n_placed:,} placed{n_left:?; left out: {n_left:,} undated}."
    assert report.words(template, n_placed=5, n_left=0) == "5 placed."
    assert report.words(template, n_placed=5, n_left=2) == "5 placed; left out: 2 undated."
    lead = "{mixed:?In the {lang} articles, the|The} vocabulary changes"
    assert report.words(lead, mixed=True, lang="Chinese") == "In the Chinese articles, the vocabulary changes"
    assert report.words(lead, mixed=False, lang="English") == "The vocabulary changes"
    assert report.words("{x:?set|unset}", x=float("nan")) == "unset"
    assert report.words("{x:?set|unset}", x="") == "unset"
    assert report.words("{x:?set|unset}", x=pd.NA) == "unset"
    assert report.words("{x:?set|unset}", x=pd.NaT) == "unset"
