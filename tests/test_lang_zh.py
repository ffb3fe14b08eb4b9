"""Chinese at the language seam: normalisation, segmentation, stopwords, sentences, concepts as
substring search of the normalised text, and the term analyses per language on a mixed corpus."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from egov import lang, terms
from egov.corpus.readers import read_file
from egov.lang.zh import words as zh
from egov.terms.concepts import load_concepts
from egov.topics.split import passages

CHINESE_DATA = Path(__file__).resolve().parent / "data" / "chinese"

# A hand-written 500-character news article (our own words), Simplified, with the page's
# full-width punctuation and the concepts in their usual quoted forms.
ARTICLE = (
    "本报讯 近日，省政府办公厅印发《关于深化“互联网+政务服务”推进政务服务“一网通办”的实施意见》，"
    "提出到明年年底，全省政务服务事项网上可办率达到百分之九十五以上，群众和企业办事“最多跑一次”成为常态。\n"
    "意见要求，各地各部门要依托全国一体化政务服务平台，加快建设省级政务云和大数据中心，打通部门之间的数据壁垒，"
    "推动电子证照跨地区、跨部门互认共享。对企业开办、不动产登记、社保医保等高频事项，要实行“一件事一次办”，"
    "逐步推广“秒批”“不见面审批”和“跨省通办”。\n"
    "在城市治理方面，意见提出推进城市运行“一网统管”，整合12345热线、数字城管和应急指挥系统，做到问题早发现、"
    "早处置。省大数据局负责人介绍，疫情期间全省健康码累计使用超过三亿人次，为复工复产提供了有力支撑。\n"
    "意见还强调，要深化放管服改革，持续优化营商环境，全面推行政务服务“好差评”制度，让群众来评判服务质量。"
    "各市县要在今年九月底前完成本地政务服务中心的改造升级，把更多服务从窗口搬到网上、搬到掌上，"
    "真正实现数字政府建设惠及每一位群众。据统计，去年全省网上办件量同比增长四成，平均办理时间缩短一半以上，"
    "电子政务发展水平位居全国前列。\n"
)

# The ten concepts of the bar, by their names in concepts.csv.
TEN = ["digital government", "e-government", "Internet Plus government services", "one-stop service",
       "unified city management", "run at most once", "government services platform",
       "streamlining administration", "health code", "big data"]


def _substring_count(text: str, concept: str) -> int:
    """The independent answer: a plain substring search of the normalised text, each
    distinct normalised variant of the concept on its own."""
    table = load_concepts()
    variants = {zh.normalize(v) for v in table.loc[(table.concept == concept) & (table.language == "zh"), "variant"]}
    norm = zh.normalize(text)
    return sum(norm.count(v) for v in variants)


# --- normalisation --------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("互联网＋政务服务", "互联网+政务服务"),  # full-width plus
    ("１２３４５热线", "12345热线"),  # full-width digits
    ("ＡＰＰ和５Ｇ", "APP和5G"),  # full-width letters
    ("數位政府", "数位政府"),  # Traditional -> Simplified (t2s keeps the Taiwanese word 数位)
    ("一網通辦與跨省通辦", "一网通办与跨省通办"),
    ("健康碼，政務服務平台！", "健康码,政务服务平台!"),  # full-width punctuation folds too
])
def test_normalize(raw, expected):
    assert zh.normalize(raw) == expected


def test_normalisation_round_trips():
    # Simplified, half-width text is a fixed point; normalising twice changes nothing
    assert zh.normalize(ARTICLE.replace("，", ",")) == zh.normalize(ARTICLE)
    assert zh.normalize(zh.normalize(ARTICLE)) == zh.normalize(ARTICLE)
    simplified = "推进政务服务一网通办和数字政府建设"
    assert zh.normalize(simplified) == simplified
    # the Traditional writing of a Simplified text comes back to it
    assert zh.normalize("推進政務服務一網通辦和數字政府建設") == simplified


# --- segmentation ---------------------------------------------------------------------------------

def test_typical_article_gives_well_over_150_tokens():
    n_chars = len("".join(ARTICLE.split()))
    assert 480 <= n_chars <= 560
    tokens = terms.tokenize(ARTICLE, drop_stopwords=False)
    assert len(tokens) >= 180  # about 2.5 characters a word
    assert len(terms.tokenize(ARTICLE)) >= 140  # still after stopwords


@pytest.mark.parametrize("segmenter", ["rjieba", "jieba"])
def test_user_dictionary_words_stay_whole(segmenter):
    cut = zh.segmenter(segmenter)
    assert cut("推进政务服务一网通办。") == ["推进", "政务服务", "一网通办", "。"]
    for word, _, _ in zh.user_words():
        assert word in cut(f"各地推进{word}工作。"), word


def test_tokens_of_one_text():
    assert terms.tokenize("推進「一網通辦」，ＡＰＰ辦理。", drop_stopwords=False) == ["推进", "一网通办", "app", "办理"]
    assert terms.tokenize("互联网＋政务服务的12345热线", drop_stopwords=False) == ["互联网+政务服务", "的", "12345热线"]
    assert terms.tokenize("2019年的互联网+政务服务") == ["互联网+政务服务"]  # 年, 的: stopwords-iso
    # numbers are not words (as in English) unless asked for
    assert "2019" not in terms.tokenize("2019年推进一网通办", drop_stopwords=False)
    assert "2019" in terms.tokenize("2019年推进一网通办", drop_stopwords=False, numbers=True)


def test_own_segmenter_instances_leave_the_defaults_alone():
    import jieba
    import rjieba

    zh.segmenter("jieba")
    zh.segmenter("rjieba")
    assert not rjieba.has_word("一网通办")
    assert "一件事一次办" not in jieba.dt.FREQ or not jieba.dt.FREQ["一件事一次办"]
    with pytest.raises(ValueError, match="unknown Chinese segmenter"):
        zh.segmenter("thulac")


def test_stopwords_and_keep_list():
    stops = terms.load_stopwords("zh")
    assert {"的", "了", "和", "我们", "关于"} <= stops
    assert not stops & zh.keep_words()
    for word in ("政府", "服务", "数据", "平台", "办理", "网上"):
        assert word in zh.keep_words() and word not in stops
    assert "区" in zh.keep_words()  # listed by stopwords-iso, kept here (区政府, 区政务服务中心)
    assert terms.tokenize("我们的政府和服务") == ["政府", "服务"]


def test_sentences_split_at_chinese_stops():
    assert zh.split_sentences("推进一网通办。群众满意！他说：“好。”是否可行？还有；结尾") == [
        "推进一网通办。", "群众满意！", "他说：“好。”", "是否可行？", "还有；", "结尾"]
    assert zh.split_sentences(zh.normalize("真的吗？是的！")) == ["真的吗?", "是的!"]


def test_the_seam_dispatch():
    assert lang.words("zh") is zh
    assert lang.words("other").UNIT == "words" and lang.word_language("ja") == "en"
    docs = pd.DataFrame({"text": ["推进一网通办。", "The portal.", "Le portail.", "推进", "x"],
                         "language": [None, None, None, "en", "zh"]})
    assert lang.languages_of(docs) == ["zh", "en", "other", "en", "zh"]
    assert lang.word_languages_of(docs) == ["zh", "en", "en", "en", "zh"]


# --- concepts as substring search -----------------------------------------------------------------

def test_the_ten_concepts_count_as_substring_search():
    text = (ARTICLE + "“互联网+”政务服务与互联网＋政务服务、數位政府、數字政府和一網通辦。"
            "大數據與大数据，健康碼，政務服務平台，最多跑一次。")
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    got = terms.count_concepts(docs).set_index("concept")
    assert (got["language"] == "zh").all()
    for concept in TEN:
        assert got.loc[concept, "count"] == _substring_count(text, concept) > 0, concept
    assert got.loc["Internet Plus government services", "count"] == 3  # half-width, quoted, full-width
    assert got.loc["digital government", "count"] == 3  # 数字政府 x2 (one Traditional), 数位政府
    assert got.loc["big data", "count"] == 4  # 大数据(中心), 大数据(局), 大數據 (Traditional), 大数据
    assert got.loc["one-stop service", "variants"] == "一网通办 (2)"


def test_chinese_concepts_ignore_english_variants_and_back():
    docs = pd.DataFrame({"doc_id": ["en", "zh"], "text": [
        "The platform, known as 一网通办, is part of digital government reform.",
        "推进数字政府建设，digital government 也是一网通办。"]})
    got = terms.count_concepts(docs).set_index(["doc_id", "concept"])["count"]
    assert got[("en", "digital government")] == 1 and got[("en", "one-stop service")] == 0
    assert got[("zh", "digital government")] == 1 and got[("zh", "one-stop service")] == 1


def test_chinese_per_1k_is_per_1000_segmented_words():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [ARTICLE], "n_words": [7]})  # whitespace words: ignored
    n = len(terms.tokenize(ARTICLE, drop_stopwords=False))
    assert terms.word_counts(docs)[0] == n == zh.count_words(ARTICLE)
    assert zh.count_words("2019年推进“一网通办”。") == 3
    got = terms.count_concepts(docs).set_index("concept")
    assert got.loc["health code", "per_1k"] == pytest.approx(1000 / n)
    counts = terms.count_terms(docs).set_index("term")
    assert counts.loc["一网通办", "per_1k"] == pytest.approx(1000 / n)


def _chinese_files():
    out = []
    for path in sorted(CHINESE_DATA.glob("*")):
        if path.suffix in (".txt", ".html"):
            try:
                text = read_file(path).text
            except Exception:  # binary or broken files of the test corpus: not articles
                continue
            if text and lang.detect_language(text) == "zh":
                out.append((path.name, text))
    return out


@pytest.mark.skipif(not CHINESE_DATA.is_dir(), reason="tests/data/chinese is not there")
def test_every_chinese_test_file_counts_concepts_as_substring_search():
    files = _chinese_files()
    assert len(files) >= 15
    docs = pd.DataFrame({"doc_id": [f for f, _ in files], "text": [t for _, t in files]})
    got = terms.count_concepts(docs).set_index(["doc_id", "concept"])["count"]
    found = 0
    for name, text in files:
        for concept in TEN:
            expected = _substring_count(text, concept)
            assert got[(name, concept)] == expected, (name, concept)
            found += expected
    assert found > 50


# --- terms, phrases, keyness per language ---------------------------------------------------------

MIXED = pd.DataFrame({
    "doc_id": ["e1", "e2", "z1", "z2"],
    "text": ["The one-stop service platform serves citizens. The platform went online in 2019.",
             "Digital government reform: the platform and the app serve citizens online.",
             ARTICLE,
             "政务服务平台上线后，群众网上办理业务更方便。政务服务平台实现一网通办，数字政府建设提速。"],
})


def test_count_terms_per_language():
    zh_only = terms.count_terms(MIXED, language="zh")
    assert set(zh_only["doc_id"]) == {"z1", "z2"}
    en_only = terms.count_terms(MIXED, language="en")
    assert set(en_only["doc_id"]) == {"e1", "e2"}
    both = terms.count_terms(MIXED)
    pd.testing.assert_frame_equal(both[both.doc_id.isin(["e1", "e2"])].reset_index(drop=True), en_only)
    z2 = zh_only[zh_only.doc_id == "z2"].set_index("term")["count"]
    assert z2["政务服务平台"] == 2 and z2["一网通办"] == 1 and "的" not in z2
    bigrams = terms.count_terms(MIXED, (2, 2), language="zh")
    assert "政务服务平台 上线" in set(bigrams["term"])
    with pytest.raises(ValueError, match="language must be one of"):
        terms.count_terms(MIXED, language="fr")


def test_tokenize_corpus_and_dtm_per_language():
    toks = terms.tokenize_corpus(MIXED)
    assert toks.loc[2][:4] == ["本报讯", "近日", "省政府", "办公厅"]
    assert "platform" in toks.loc[0]
    _, vocab, ids = terms.document_term_matrix(MIXED, language="zh")
    assert ids == ["z1", "z2"] and "一网通办" in vocab and "platform" not in vocab


def test_collocations_never_pool_languages():
    colls = terms.collocations(MIXED, min_count=1)
    assert set(colls["language"]) == {"en", "zh"}
    zh_rows = colls[colls.language == "zh"]
    assert not zh_rows["bigram"].str.contains("platform").any()
    alone = terms.collocations(MIXED[MIXED.doc_id.str.startswith("z")], min_count=1)
    pd.testing.assert_frame_equal(zh_rows.reset_index(drop=True), alone.reset_index(drop=True))


def test_kwic_character_window_with_its_article():
    lines = terms.kwic(MIXED, "一網通辦", chars=6)  # Traditional pattern, normalised like the text
    assert lines["doc_id"].tolist() == ["z1", "z2"]
    first = lines.iloc[0]
    assert first["match"] == "一网通办" and first["left"] == "进政务服务“" and first["right"] == "”的实施意见"
    norm = zh.normalize(ARTICLE)
    assert norm[first["start"]:first["end"]] == "一网通办"
    assert set(lines["language"]) == {"zh"}
    assert terms.kwic(MIXED, "platform")["doc_id"].tolist() == ["e1", "e1", "e2"]
    assert terms.kwic(MIXED, "一网通办", language="en").empty


def test_keyness_by_scores_each_language_apart():
    counts = terms.count_terms(MIXED)
    by_doc = terms.keyness_by(MIXED, counts, "doc_id", min_count=1)
    assert set(by_doc["language"]) == {"en", "zh"}
    z1 = by_doc[by_doc.target == "z1"].set_index("term")
    # 2x2 table by hand for 一网通办: z1 uses it once in C words, z2 once in D words
    c_, d_ = terms.word_counts(MIXED.iloc[2:]).tolist()
    a, b = 1.0, 1.0
    n = c_ + d_
    e1, e2 = c_ * (a + b) / n, d_ * (a + b) / n
    e3, e4 = c_ * (n - a - b) / n, d_ * (n - a - b) / n
    g2 = 2 * (a * np.log(a / e1) + b * np.log(b / e2) + (c_ - a) * np.log((c_ - a) / e3)
              + (d_ - b) * np.log((d_ - b) / e4))
    sign = 1 if a / c_ >= b / d_ else -1
    assert z1.loc["一网通办", "g2"] == pytest.approx(sign * g2)
    assert z1.loc["一网通办", "count_reference"] == 1  # z2 only: English articles are not the reference
    english_only = terms.keyness_by(MIXED.iloc[:2], counts, "doc_id", min_count=1)
    pd.testing.assert_frame_equal(by_doc[by_doc.language == "en"].drop(columns="language").reset_index(drop=True),
                                  english_only)


def test_keyness_against_general_chinese_offline():
    counts = terms.count_terms(MIXED, language="zh")
    table = terms.keyness_vs_general(counts, "zh", min_count=1)
    top = table.set_index("term")
    assert top.loc["一网通办", "g2"] > 0 and top.loc["一网通办", "general_per_million"] < 1
    assert top.loc["政务服务平台", "g2"] > top.loc["群众", "g2"]
    assert list(table.columns) == ["target", "term", "count_target", "count_reference", "g2", "p_value",
                                   "log_ratio", "general_per_million"]
    via_docs = terms.keyness_vs_general(terms.count_terms(MIXED), "zh", docs=MIXED, min_count=1)
    pd.testing.assert_frame_equal(via_docs, table)


# --- passages and topics ----------------------------------------------------------------------------

def test_chinese_passages_are_sized_in_characters():
    long = pd.DataFrame({"doc_id": ["z"], "text": [(ARTICLE.replace("\n", "")) * 2]})
    out = passages(long)
    sizes = out["text"].str.replace(r"\s", "", regex=True).str.len()
    assert len(out) >= 3 and (sizes <= 400).all() and (sizes >= 150).all()
    assert out["text"].str[-1].isin(list("。！？；”")).all()  # cut at sentence ends
    assert (out["language"] == "zh").all()
    assert out["n_words"].tolist() == [len(terms.tokenize(t, drop_stopwords=False)) for t in out["text"]]
    assert "".join(out["text"]) == long["text"][0]


def test_topics_on_chinese_passages_find_planted_themes():
    from egov.topics.coherence import npmi_coherence
    from egov.topics.models import fit_topics, passage_terms

    blocks = [["门户网站", "登录", "市民"], ["服务器", "数据中心", "机房"], ["审计", "官员", "腐败"]]
    rng = np.random.default_rng(0)
    rows = []
    for b, words in enumerate(blocks):
        for i in range(6):
            text = "。".join("".join(rng.permutation(words)) for _ in range(8)) + "。"
            rows.append((f"d{b}{i}", f"d{b}{i}#01", text, 24, "zh"))
    psg = pd.DataFrame(rows, columns=["doc_id", "passage_id", "text", "n_words", "language"])
    pt = passage_terms(psg, min_df=1, max_df=1.0)
    assert set(pt.vocab) == {w for ws in blocks for w in ws}
    tm = fit_topics(pt, 3, "nmf", seed=42)
    tops = [set(t[:3]) for t in tm.top_terms(3)]
    assert sorted(map(sorted, tops)) == sorted(map(sorted, map(set, blocks)))
    gensim = pytest.importorskip("gensim")
    from gensim.corpora import Dictionary
    from gensim.models import CoherenceModel

    topics = tm.top_terms(3)
    ours = npmi_coherence(topics, pt.tokens, 10).coherence.to_numpy()
    cm = CoherenceModel(topics=topics, texts=pt.tokens, dictionary=Dictionary(pt.tokens), coherence="c_npmi",
                        window_size=10, topn=3, processes=1)
    np.testing.assert_allclose(ours, cm.get_coherence_per_topic(), atol=1e-6, rtol=0)
    assert gensim is not None
