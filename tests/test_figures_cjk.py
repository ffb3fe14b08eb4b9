"""Chinese in every figure: the CJK font is registered, no glyph is missing, bytes stay stable.

matplotlib warns "Glyph N (...) missing from font(s) ..." when it draws a character that no
font in the fallback list has (and then draws an empty box); every figure function of egov is
drawn here with Chinese labels, Simplified and Traditional, and must not raise that warning.
"""
from __future__ import annotations

import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from egov import terms, timeline, topics
from egov.report import figures
from egov.terms import figures as terms_figures
from egov.timeline import figures as tf
from egov.topics import report as topics_report
from egov.topics.split import passages
from test_timeline import make_docs
from test_topics import planted_docs

matplotlib.use("Agg")

LABELS = ["数字政府", "一网通办", "數位政府", "互联网+政务服务", "“互联网+”政务服务", "最多跑一次"]
ZH = "数字政府 一网通办 數位政府"


def _zh(values) -> dict:
    """Distinct Chinese names for the given labels, in sorted order."""
    return {v: LABELS[i % len(LABELS)] + (str(i) if i >= len(LABELS) else "") for i, v in enumerate(sorted(set(values)))}


def _missing_glyphs(fig) -> list[str]:
    """Draw the figure as PNG and SVG; the missing-glyph warnings matplotlib gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
        fig.savefig(io.BytesIO(), format="svg")
    plt.close(fig)
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def _has_chinese(fig) -> bool:
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return any("\u4e00" <= ch <= "\u9fff" for t in texts for ch in t)


def test_the_check_catches_a_missing_glyph_without_the_cjk_font():
    """The test below would fail if the font were not there: DejaVu Sans alone has no Han glyphs."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title(ZH)
        assert _missing_glyphs(fig)


def test_cjk_font_is_registered_and_follows_the_latin_font():
    assert figures.cjk_font_path().name == "NotoSansCJKsc-Regular.otf"
    figures.use_style()
    assert list(plt.rcParams["font.family"]) == [figures.LATIN_FAMILY, figures.CJK_FAMILY]
    assert figures.register_cjk_font() == figures.CJK_FAMILY  # idempotent
    entries = [f for f in matplotlib.font_manager.fontManager.ttflist if f.name == figures.CJK_FAMILY]
    assert sorted(f.weight for f in entries) == [400, 700]


def _trends() -> pd.DataFrame:
    docs = make_docs()
    tr = timeline.concept_trends(docs, terms.count_concepts(docs), "year", n_boot=100, seed=7)
    return tr.assign(concept=tr["concept"].map(_zh(tr["concept"])))


def _docs_zh() -> pd.DataFrame:
    return make_docs().assign(doc_id=[f"{label}.html" for label in LABELS],
                              source=["人民日报", "新华网", "人民日报", "中国政府网", "新华网", "澎湃新闻"])


def _concepts_zh(docs: pd.DataFrame) -> pd.DataFrame:
    concepts = terms.count_concepts(make_docs())
    ids = dict(zip(make_docs()["doc_id"], docs["doc_id"]))
    return concepts.assign(doc_id=concepts["doc_id"].map(ids), concept=concepts["concept"].map(_zh(concepts["concept"])))


def _emerging() -> pd.DataFrame:
    docs = make_docs()
    em = timeline.emerging_terms(docs, terms.count_terms(docs), min_count=1, min_docs=1)
    return em.assign(term=[LABELS[i % len(LABELS)] + str(i) for i in range(len(em))])


def _vs_english() -> pd.DataFrame:
    vs = terms.keyness_vs_english(terms.count_terms(make_docs(), lemmas=False), min_count=1)
    return vs.assign(term=[LABELS[i % len(LABELS)] + str(i) for i in range(len(vs))])


@pytest.fixture(scope="module")
def planted():
    docs = planted_docs()
    docs = docs.assign(doc_id=[f"{LABELS[i % 6]}_{i}" for i in range(len(docs))],
                       date=pd.to_datetime([f"{2015 + i % 2}-01-0{1 + i % 5}" for i in range(len(docs))]),
                       n_words=docs["text"].str.split().str.len())
    pt = topics.passage_terms(passages(docs))
    tm = topics.fit_topics(pt, 3, "nmf", seed=42)
    return docs, tm, topics.doc_topics(tm), pt


def _sweep(pt):
    from egov.topics.selection import sweep_k
    return sweep_k(pt, [2, 3], seed=42, n_runs=2)


def choose_k(sweep):
    from egov.topics.selection import choose_k
    return choose_k(sweep)


FIGURES = {
    "report.new": lambda p: figures.new(ZH, "年份", "每千词", source="来源：人民日报")[0],
    "report.empty": lambda p: figures.empty(ZH, "没有文章"),
    "report.articles_per_year": lambda p: figures.articles_per_year(
        pd.DataFrame({"year": [2019, 2020], "n_articles": [2, 1]})),
    "report.article_lengths": lambda p: figures.article_lengths(_docs_zh()),
    "timeline.article_strip": lambda p: tf.article_strip(_docs_zh()),
    "timeline.concept_trajectories": lambda p: tf.concept_trajectories(_trends()),
    "timeline.concept_by_language": lambda p: tf.concept_by_language(_trends(), "数字政府"),
    "timeline.topic_trajectories": lambda p: tf.topic_trajectories(pd.DataFrame({
        "model": "nmf", "topic": [1, 1, 2, 2], "label": ["数字政府 / 平台", "数字政府 / 平台", "一网通办 / 數位", "一网通办 / 數位"],
        "period": ["2019", "2020"] * 2, "n_docs": [2, 3, 2, 3], "share": [0.2, 0.4, 0.8, 0.6],
        "ci_low": [0.1, 0.3, 0.7, 0.5], "ci_high": [0.3, 0.5, 0.9, 0.7],
        "period_start": pd.to_datetime(["2019-01-01", "2020-01-01"] * 2),
        "period_end": pd.to_datetime(["2019-12-31", "2020-12-31"] * 2)})),
    "timeline.term_shift": lambda p: tf.term_shift(_emerging()),
    "topics.sweep_figure": lambda p: topics_report.sweep_figure(_sweep(p[3]), choose_k(_sweep(p[3]))),
    "topics.heatmap": lambda p: topics_report.heatmap(p[0], p[2], p[1]),
    "terms.concept_figure": lambda p: terms_figures.concept_figure(_docs_zh(), _concepts_zh(_docs_zh())),
    "terms.english_figure": lambda p: terms_figures.english_figure(_vs_english()),
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_draws_chinese_without_a_missing_glyph(name, planted):
    matplotlib.rcdefaults()  # each function must set the house style (and so the CJK fallback) itself
    fig = FIGURES[name](planted)
    if not _has_chinese(fig):  # the function draws no label from the data (years, k): add one
        fig.axes[0].set_xlabel(fig.axes[0].get_xlabel() + " " + ZH)
    assert _has_chinese(fig)
    assert _missing_glyphs(fig) == []


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chinese_figure_bytes_are_stable_across_two_saves(tmp_path, fmt):
    for stem in ("a", "b"):
        figures.save(tf.concept_trajectories(_trends()), stem, tmp_path)
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_wrap_and_short_labels_count_chinese_characters_double():
    latin = "Digital government rises from 2014 to 2022 in the articles of the sample corpus, per 1,000 words"
    import textwrap
    assert figures.wrap(latin, 40) == textwrap.fill(latin, 40)  # English titles wrap as before
    lines = figures.wrap("数字政府" * 30, 80).split("\n")
    assert [figures.display_width(line) for line in lines] == [80, 80, 80]
    assert figures.wrap("English: '数字政府' rises", 14) == "English: '数字\n政府' rises"
    assert figures.short_label("a" * 70, 10) == "a" * 9 + "…"
    assert figures.short_label("六安市数据资源管理局", 9) == "六安市数…"
    assert figures.short_label("short", 10) == "short"
