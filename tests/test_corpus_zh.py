"""Chinese pages through the loader: language, cleaning, titles, outlets, length, the load report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from egov import cleaning_audit, load_corpus, load_report
from egov.corpus.clean import clean_text, is_prose
from egov.corpus.load import count_words
from egov.corpus.sources import detect_source
from egov.corpus.titles import title_from_text
from egov.lang.zh.lines import without_date
from egov.lang.zh.sources import credited_source, outlet_in, site_from_title

from conftest import ARTICLE

P1 = "新华社北京6月4日电 国务院办公厅日前印发《关于加快推进全国一体化在线政务服务平台建设的指导意见》，部署推进政务服务“一网通办”。"
P2 = "《意见》指出，要以企业和群众办事“只进一扇门”“最多跑一次”为目标，加快建设全国一体化在线政务服务平台。"
P3 = "《意见》要求，到2022年底前，全国范围内政务服务事项全面实现“一网通办”。"
GOV_PAGE = "\n".join([
    "今天是2024年12月8日 星期日",
    "中国政府网",
    "首页 > 政策 > 最新",
    "首页 新闻 政策 服务 问政 数据 国情",
    "国务院办公厅关于加快推进全国一体化在线政务服务平台建设的指导意见",
    "2019-06-04 09:12 来源： 新华社",
    "【字体：大 中 小】 打印",
    P1,
    P2,
    "一、总体要求",
    P3,
    "新华社记者 张三 摄",
    "（责任编辑：李四）",
    "相关新闻",
    "国务院常务会议部署推进政务服务 2019-06-01",
    "李克强：让群众少跑腿 2019-05-20",
    "分享到：",
    "扫一扫在手机打开当前页",
    "版权所有：中国政府网 | 中文域名：中国政府网.政务",
    "京ICP备05070218号 京公网安备11010202000001号",
    "主办单位：国务院办公厅 运行维护单位：中国政府网运行中心",
    "网站地图 | 联系我们",
])
ZJ_PAGE = "\n".join([
    "浙江省人民政府",
    "首页 > 政务公开",
    "浙江推进“最多跑一次”改革 政务服务实现一网通办",
    "发布日期: 2021- 06- 11 来源：浙江省人民政府办公厅 浏览次数：123",
    "近日，浙江省人民政府印发通知，要求全省各地进一步深化“最多跑一次”改革，推动政务服务事项全面实现网上办理。",
    "据介绍，目前全省已有超过九成的政务服务事项实现“一网通办”，群众办事更加便捷，企业开办时间大幅压缩。",
])
TW_PAGE = "\n".join([
    "數位政府推動線上服務 民眾申辦更便利",
    "發布時間：2020-05-20 來源：中央社",
    "行政院表示，數位政府建設持續推進，民眾可在網上辦理各項服務，不必再到機關排隊等候，節省大量時間。",
    "相關單位指出，未來將擴大線上服務的範圍，並加強個人資料保護，讓民眾安心使用各項數位服務。",
])


def test_chinese_prose_is_measured_in_characters() -> None:
    assert is_prose(P1) and is_prose(P3)
    assert is_prose("行政院表示，數位政府建設持續推進，民眾可在網上辦理各項服務。”")
    assert not is_prose("国务院办公厅关于加快推进全国一体化在线政务服务平台建设的指导意见")  # a headline
    assert not is_prose("会议由国务院总理主持。")  # short
    assert is_prose("市长朱晓明等市政府领导和市有关部门负责同志在镇江分会场收听收看了会议。（崔骏）")


def test_chinese_furniture_goes_by_named_rules_and_prose_stays() -> None:
    text, removed = clean_text(GOV_PAGE)
    assert text.split("\n") == ["国务院办公厅关于加快推进全国一体化在线政务服务平台建设的指导意见", P1, P2,
                                "一、总体要求", P3]
    assert [(r.line_no, r.rule) for r in removed] == [
        (1, "reader prompt"), (2, "header fragment"), (3, "navigation"), (4, "navigation"), (6, "date line"),
        (7, "share/print links"), (12, "photo credit"), (13, "credit line"), (14, "navigation"),
        (15, "related links"), (16, "date line"), (17, "share/print links"), (18, "share/print links"),
        (19, "copyright"), (20, "licence footer"), (21, "licence footer"), (22, "navigation")]


@pytest.mark.parametrize(("line", "rule"), [
    ("分享到：微信 微博 QQ空间", "share/print links"),
    ("【打印本页】 【关闭窗口】", "share/print links"),
    ("字号：大 中 小", "share/print links"),
    ("责任编辑：王五", "credit line"),
    ("[责任编辑:王五]", "credit line"),
    ("记者 张三 李四", "byline"),
    ("来源：人民网-人民日报", "source line"),
    ("版权所有 © 人民网", "copyright"),
    ("浙ICP备05009543号", "licence footer"),
    ("主办单位：浙江省人民政府办公厅", "licence footer"),
    ("当前位置：首页 > 新闻中心 > 政务动态", "navigation"),
    ("上一篇：国务院常务会议部署", "navigation"),
    ("网站地图", "navigation"),
    ("联系我们", "navigation"),
    ("上一页 1 2 3 下一页", "pagination"),
    ("浏览次数：1234", "page counter"),
    ("扫一扫在手机打开当前页", "share/print links"),
    ("字号变大| 字号变小", "share/print links"),
    ("南方网 > 时政频道 > 广东", "navigation"),
    ("人民网>>福建频道>>正文", "navigation"),
])
def test_chinese_furniture_lines(line: str, rule: str) -> None:
    cleaned, removed = clean_text(f"{P1}\n{line}\n{P2}")
    assert cleaned == f"{P1}\n{P2}"
    assert [(r.line_no, r.text, r.rule) for r in removed] == [(2, line, rule)]


def test_prose_that_mentions_furniture_words_stays() -> None:
    prose = "记者从国务院办公厅获悉，网站地图和联系我们等栏目已全面改版，分享到各平台的渠道也更加便捷。"
    assert clean_text(f"{P1}\n{prose}\n{P2}")[0] == f"{P1}\n{prose}\n{P2}"


def test_chinese_titles() -> None:
    assert without_date("国务院常务会议部署推进政务服务2019-06-04") == "国务院常务会议部署推进政务服务"
    for head in ("中国政府网\n首页 新闻 政策 服务 问政 数据\n国务院常务会议部署推进政务服务2019-06-04",
                 "中国政府网\n国务院常务会议部署推进政务服务\n2019-06-04 来源：新华网\n【字体：大 中 小】"):
        raw = f"{head}\n{P2}\n{P3}"
        assert title_from_text(raw, clean_text(raw)[0]) == "国务院常务会议部署推进政务服务"


def test_a_column_name_before_a_bar_is_part_of_the_headline() -> None:
    raw = "南方网\n南方网 > 时政频道 > 广东\n数字政府｜广东省数字政府改革建设成果\n发布时间：2022-09-05 18:31:33\n" \
          "字号变大| 字号变小\n" + P2 + "\n" + P3
    assert title_from_text(raw, clean_text(raw)[0]) == "数字政府｜广东省数字政府改革建设成果"


def test_word_counts_of_chinese_text() -> None:
    assert count_words("数字政府建设", "zh") == 2  # segmented: 数字政府 / 建设
    assert count_words("数字政府建设 digital government", "zh") == 4
    assert count_words("Digital government, 2019") == 3


@pytest.mark.parametrize(("text", "outlet"), [
    ("标题\n2019-06-04 来源：新华网\n" + P1, "新华网"),
    ("标题\n2019年06月04日08:32  来源：人民网－人民日报\n" + P1, "人民网"),
    ("标题\n2019-06-04 09:12 来源： 新华社\n" + P1, "新华社"),
    ("标题\n发布时间：2021-06-11 来源：浙江省人民政府办公厅 浏览次数：123\n" + P1, "浙江省人民政府"),
    ("标题\n来源：《光明日报》 2019-06-04\n" + P1, "光明日报"),
    ("标题\n稿源：中国新闻网\n" + P1, "中国新闻网"),
    ("标题\n来源：湖州市人民政府办公室 2019-06-04\n" + P1, "湖州市人民政府"),
    ("标题\n来源：国家发展改革委网站 2019-06-04\n" + P1, "国家发展改革委网站"),  # not in the table: as written
    ("标题\n作者单位：国家行政学院电子政务研究中心\n" + P1, "国家行政学院电子政务研究中心"),
    ("标题\n" + P1, "新华社"),  # the dateline's agency
    ("央视网\n标题\n" + P2, "央视网"),  # a masthead
    ("人民网\n首页 | 时政 | 国际\n标题\n2019-06-04 来源：新华社\n" + P2, "人民网"),  # the page's outlet, not its credit
    ("今天是2024年12月8日 星期日\n六安市数据资源管理局\n标题\n信息来源：市数管局\n" + P2, "六安市数据资源管理局"),
    ("中华人民共和国国家互联网信息办公室\n中国网信网\n标题\n来源： 贵州日报\n" + P2, "中国网信网"),
    ("北京日报客户端\n标题\n" + P2, "北京日报"),
    ("人民網\n標題\n來源：新華社\n" + P2, "人民網"),  # Traditional pages keep their own spelling
    ("You are currently at: ejtech.hkej.com\nEJ Tech\n標題\n" + P2, "信報"),  # a site named by its address
    ("标题\n" + P2, ""),
])
def test_chinese_outlets(text: str, outlet: str) -> None:
    assert detect_source(text, "zh")[0] == outlet


def test_outlet_from_the_site_address_and_one_search_per_line() -> None:
    assert detect_source("标题\n" + P2, "zh", hints=("https://www.gov.cn/zhengce/content/2019.htm",))[0] == "中国政府网"
    assert detect_source("标题\n" + P2, "zh", hints=("http://www.zj.gov.cn/art/2019/6/4/art_1.html",))[0] == "浙江省人民政府"
    assert outlet_in("人民网-人民日报") == "人民网"
    assert outlet_in("《人民日报》") == "人民日报"
    assert outlet_in("The State Council") == ""
    assert outlet_in("欢迎访问六安市人民政府") == "六安市人民政府"
    assert site_from_title("国务院办公厅印发《意见》_滚动新闻_中国政府网") == "中国政府网"
    assert site_from_title("标题--党建-人民网") == "人民网"
    assert site_from_title("雄安新区热线正式开通 - 中国雄安官网") == "中国雄安官网"
    assert site_from_title("数字政府｜广东省数字政府改革建设成果") == ""  # a headline with a bar
    assert credited_source("人民网\n标题\n2019-06-04 来源：新华社\n" + P2)[0] == "新华社"


@pytest.fixture
def zh_dir(tmp_path: Path) -> Path:
    """Chinese pages in UTF-8, GBK and Traditional, an English article, a stub and an empty file."""
    folder = tmp_path / "zh"
    folder.mkdir()
    (folder / "gov.txt").write_text(GOV_PAGE, encoding="utf-8")
    (folder / "zj.txt").write_bytes(ZJ_PAGE.encode("gbk"))
    (folder / "tw.txt").write_text(TW_PAGE, encoding="utf-8")
    (folder / "en.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "stub.txt").write_text("标题\n2019-06-04 来源：新华网\n国务院召开常务会议。", encoding="utf-8")
    (folder / "yearless.txt").write_text("一体化平台建设全面提速\n新华社北京6月4日电 " + P2[3:] + "\n" + P3, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_a_mixed_folder_loads_with_language_dates_outlets_and_titles(zh_dir: Path) -> None:
    docs = load_corpus(zh_dir)
    got = docs.set_index("doc_id")[["language", "title", "source", "date", "encoding"]]
    got["date"] = got["date"].dt.strftime("%Y-%m-%d")
    expected = pd.DataFrame.from_records([
        ("en", "en", "", "Xinhua", "2019-06-03", "utf-8"),
        ("gov", "zh", "国务院办公厅关于加快推进全国一体化在线政务服务平台建设的指导意见", "中国政府网", "2019-06-04", "utf-8"),
        ("tw", "zh", "數位政府推動線上服務 民眾申辦更便利", "中央社", "2020-05-20", "utf-8"),
        ("yearless", "zh", "一体化平台建设全面提速", "新华社", None, "utf-8"),
        ("zj", "zh", "浙江推进“最多跑一次”改革 政务服务实现一网通办", "浙江省人民政府", "2021-06-11", "gb18030"),
    ], columns=["doc_id", "language", "title", "source", "date", "encoding"]).set_index("doc_id")
    got.loc["en", "title"] = ""  # the English title rule is tested elsewhere
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert "mostly Chinese" not in " ".join(load_report(docs)["reason"])


def test_the_load_report_lists_every_file_once_with_its_language(zh_dir: Path) -> None:
    report = load_report(load_corpus(zh_dir)).set_index("path")
    assert sorted(report.index) == [f"zh/{name}.txt" for name in
                                    ("empty", "en", "gov", "stub", "tw", "yearless", "zj")]
    assert report["language"].to_dict() == {"zh/empty.txt": "", "zh/en.txt": "en", "zh/gov.txt": "zh",
                                             "zh/stub.txt": "zh", "zh/tw.txt": "zh", "zh/yearless.txt": "zh",
                                             "zh/zj.txt": "zh"}
    assert report.loc["zh/stub.txt", "status"] == "skipped"
    n_stub = count_words("标题\n国务院召开常务会议。", "zh")  # the cleaned text; segmented words, or an estimate
    assert 3 <= n_stub <= 8
    assert report.loc["zh/stub.txt", "reason"] == f"too short: {n_stub} words after cleaning (minimum 25)"
    assert report.loc["zh/yearless.txt", "reason"] == \
        'no date found: no date with a year in the text; "6月4日电" has no year'


def test_the_cleaning_audit_names_chinese_rules(zh_dir: Path) -> None:
    audit = cleaning_audit(load_corpus(zh_dir))
    rules = set(audit.loc[audit.doc_id == "gov", "rule"])
    assert {"licence footer", "copyright", "share/print links", "related links", "credit line"} <= rules


CHINESE = Path(__file__).parent / "data" / "chinese"


@pytest.fixture(scope="module")
def chinese_loaded() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """tests/data/chinese loaded, its load report and its truth.csv, keyed by file name."""
    truth = pd.read_csv(CHINESE / "truth.csv", dtype=str, keep_default_na=False).set_index("file")
    docs = load_corpus(CHINESE)
    report = load_report(docs)
    report = report.assign(file=report["path"].str.removeprefix("chinese/")).set_index("file")
    assert report.loc["truth.csv", "status"] == "skipped"  # a table inside a folder of articles, listed too
    report = report.drop(index="truth.csv")
    articles = docs.assign(file=docs["path"].str.removeprefix("chinese/")).set_index("file")
    return truth, report, articles


def test_chinese_set_every_file_once_with_its_status_and_language(chinese_loaded) -> None:
    truth, report, _ = chinese_loaded
    assert sorted(report.index) == sorted(truth.index)
    loaded = report["status"].str.startswith("loaded").map({True: "loaded", False: "skipped"})
    assert loaded.to_dict() == truth["status"].to_dict()
    known = truth[truth["language"] != ""]
    assert report.loc[known.index, "language"].to_dict() == known["language"].to_dict()


def test_a_chinese_repost_names_its_original_and_character_shingles(chinese_loaded) -> None:
    _, report, _ = chinese_loaded
    reasons = report.loc[report["reason"].str.startswith("duplicate of"), "reason"]
    assert list(reasons.index) == ["北京日报客户端 - 健康码一码通行（转载）.txt"]
    assert reasons.iloc[0].startswith("duplicate of chinese/新华网 - 全国绝大部分地区健康码已可一码通行.txt (")
    assert "% of character 5-grams shared)" in reasons.iloc[0]


def test_chinese_set_no_wrong_date_and_few_missed(chinese_loaded) -> None:
    truth, _, articles = chinese_loaded
    rows = truth[truth["status"] == "loaded"]
    got = articles.loc[rows.index, "date"].dt.strftime("%Y-%m-%d").fillna("")
    wrong = [(f, rows.loc[f, "date"], got[f]) for f in rows.index if got[f] and got[f] != rows.loc[f, "date"]]
    missed = [f for f in rows.index if rows.loc[f, "date"] and not got[f]]
    assert wrong == []
    assert len(missed) <= 0.2 * (rows["date"] != "").sum()
    assert len(missed) <= 1  # measured: only the English page whose one date is a Unix epoch


def test_chinese_set_outlets_and_titles(chinese_loaded) -> None:
    truth, _, articles = chinese_loaded
    rows = truth[(truth["status"] == "loaded") & (truth["language"] == "zh")]
    key = lambda s: "".join(str(s).split())  # noqa: E731
    right = [f for f in rows.index if key(articles.loc[f, "source"]) == key(rows.loc[f, "source"])]
    assert len(right) >= 0.9 * len(rows)
    titles = [f for f in rows.index if key(articles.loc[f, "title"]) == key(rows.loc[f, "title"])]
    assert len(titles) >= 0.9 * len(rows)


BODY_HTML = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{ZJ_PAGE.splitlines()[4]}</p>"
HTML_PAGES = {  # name: (page, title, source, date)
    "people": ('<html><head><meta charset="gb2312"><title>政务服务一网通办提速--时政--人民网</title>'
               '<meta name="publishdate" content="2019-06-04"></head><body><div>人民网</div><h1>政务服务一网通办提速</h1>'
               '<div>2019年06月04日08:32&nbsp;&nbsp;来源：<a>人民网－人民日报</a></div>' + BODY_HTML
               + "<div>(责编：张三、李四)</div></body></html>", "政务服务一网通办提速", "人民网", "2019-06-04"),
    "gov": ('<html><head><title>政务服务一网通办提速_滚动新闻_中国政府网</title>'
            '<meta name="firstpublishedtime" content="2019-06-04-09:12:33">'
            '<meta name="lastmodifiedtime" content="2019-06-05-10:00:00"></head><body><div>今天是2024年12月8日 星期日</div>'
            '<h1>政务服务一网通办提速</h1><div>2019-06-04 09:12 <span>来源： 新华社</span></div>'
            '<div>【字体：<span>大</span> <span>中</span> <span>小</span>】<span>打印</span></div>' + BODY_HTML
            + "</body></html>", "政务服务一网通办提速", "中国政府网", "2019-06-04"),
    "zj": ('<html><head><title>政务服务一网通办提速 - 浙江省人民政府门户网站</title></head><body><div>浙江省人民政府</div>'
           '<h1>政务服务一网通办提速</h1><p>发布日期：2021-06-11 信息来源：省政府办公厅 浏览次数：12</p>' + BODY_HTML
           + "</body></html>", "政务服务一网通办提速", "浙江省人民政府", "2021-06-11"),
    "cna": ('<html><head><title>數位政府推動線上服務 | 中央社 CNA</title></head><body><h1>數位政府推動線上服務</h1>'
            '<div><span>發佈時間：2020/05/20 10:00</span></div>' + BODY_HTML + "</body></html>",
            "數位政府推動線上服務", "中央社", "2020-05-20"),
}


@pytest.mark.parametrize("name", sorted(HTML_PAGES))
def test_chinese_web_pages(tmp_path: Path, name: str) -> None:
    page, title, source, date = HTML_PAGES[name]
    path = tmp_path / f"{name}.html"
    path.write_bytes(page.encode("gbk" if 'charset="gb2312"' in page else "utf-8"))
    got = load_corpus(path).iloc[0]
    assert (got["title"], got["source"], got["date"].strftime("%Y-%m-%d"), got["language"]) == (title, source, date, "zh")
