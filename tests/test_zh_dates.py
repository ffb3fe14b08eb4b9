"""Chinese publication dates: egov.lang.zh.dates as used by egov.corpus.dates and dates_html."""

from __future__ import annotations

import pytest

from egov.corpus.dates import DateFound, parse_date_string, text_date
from egov.corpus.dates_html import date_from_html
from egov.lang.zh.dates import normalize, role, yearless

BODY = "国务院办公厅日前印发通知，要求各地加快推进政务服务“一网通办”，让企业和群众办事少跑腿。"


def _day(found: DateFound) -> str | None:
    return found.date.strftime("%Y-%m-%d") if found.date is not None else None


@pytest.mark.parametrize(("s", "expected"), [
    ("发布日期：２０２１- 06- 11", "发布日期:2021-06-11"),
    ("二〇一九年六月四日", "2019年6月4日"),
    ("二○一九年十二月三十一日", "2019年12月31日"),
    ("二零二零年十月", "2020年10月"),
    ("２０１９年６月４日 ０８：３２", "2019年6月4日 08:32"),
    ("2019-06-04 09:12:33", "2019-06-04 09:12:33"),
    ("一九九九年一月", "1999年1月"),
])
def test_normalize(s: str, expected: str) -> None:
    assert normalize(s) == expected


@pytest.mark.parametrize(("s", "expected", "precision"), [
    ("2019年6月4日", "2019-06-04", "day"),
    ("2019年06月04日 08:32", "2019-06-04", "day"),
    ("二〇一九年六月四日", "2019-06-04", "day"),
    ("２０１９－０６－０４", "2019-06-04", "day"),
    ("2021- 06- 11", "2021-06-11", "day"),
    ("2019年6月", "2019-06-01", "month"),
    ("2019-06-04-08:55:23", "2019-06-04", "day"),  # gov.cn's firstpublishedtime
    ("6月4日", None, ""),  # no year: never guessed
    ("二〇一九年十三月四日", None, ""),
])
def test_parse_chinese_date_strings(s: str, expected: str | None, precision: str) -> None:
    found = parse_date_string(s)
    assert (_day(found), found.precision) == (expected, precision)


# (page lines above the body, expected date, expected role)
PAGES = [
    ("标题\n2019年6月4日", "2019-06-04", "short"),
    ("标题\n2019年06月04日 08:32", "2019-06-04", "short"),
    ("标题\n2019年06月04日08:32  来源：人民网-人民日报", "2019-06-04", "short"),
    ("标题\n2019-06-04 09:12:33 来源：新华网", "2019-06-04", "short"),
    ("标题\n2019-06-04 09:12:33来源：新华网", "2019-06-04", "short"),  # glued to 来源
    ("标题\n2018年3月9日 07:00:53来源：中国政府网", "2018-03-09", "short"),
    ("国务院关于加快推进政务服务一网通办的指导意见2019-06-04", "2019-06-04", "glued"),  # glued to the title
    ("标题\n发布日期: 2021- 06- 11 来源：浙江省人民政府", "2021-06-11", "published"),
    ("标题\n日期:2017-05-08 来源:某某区人民政府", "2017-05-08", "published"),
    ("标题\n发布时间：2019-06-04 浏览次数：120", "2019-06-04", "published"),
    ("标题\n發布時間：2019-06-04", "2019-06-04", "published"),  # Traditional
    ("标题\n更新时间：2019-12-02", "2019-12-02", "updated"),
    ("标题\n【发布时间：2019-06-04】", "2019-06-04", "published"),
    ("标题\n發佈時間：2019年6月4日 週二", "2019-06-04", "published"),
    ("标题\n2019年06月04日 08时32分 来源：经济日报", "2019-06-04", "short"),
    ("标题\n光明网 2019-06-04 05:10", "2019-06-04", "short"),
    ("标题\n作者：张三 2019-06-04 08:32:15 来源：澎湃新闻", "2019-06-04", "short"),
    ("标题\n2019.06.04", "2019-06-04", "short"),
    ("标题\n更新时间：2019-06-10 发布时间：2019-06-04", "2019-06-04", "published"),  # an update ranks lower
    ("标题\n成文日期：2019年05月30日\n发布日期：2019年06月04日", "2019-06-04", "published"),
    ("标题\n二〇一九年六月四日", "2019-06-04", "short"),
    ("标题\n２０１９年６月４日 ０８：３２", "2019-06-04", "short"),
    ("新华社北京2019年6月4日电（记者张三）" + BODY, "2019-06-04", "dateline"),
    ("今天是2024年12月8日 星期日\n标题\n2019-06-04 来源：新华网", "2019-06-04", "short"),  # a live clock
    ("2024/12/8 下午3:15 国务院常务会议部署推进政务服务-中国政府网\n标题\n2019-06-04 来源：新华网", "2019-06-04",
     "short"),  # a print stamp
    ("标题\n2019-06-04 来源：新华网\n" + BODY + "\n相关新闻\n国务院常务会议部署推进政务服务 2019-06-01",
     "2019-06-04", "short"),  # the page's own line, not a related link's date
]


@pytest.mark.parametrize(("head", "expected", "kind"), PAGES)
def test_date_lines_of_chinese_pages(head: str, expected: str, kind: str) -> None:
    found, got_role = text_date(f"{head}\n{BODY}\n{BODY}")
    assert (_day(found), got_role) == (expected, kind)


@pytest.mark.parametrize(("text", "reason"), [
    ("新华社北京6月4日电 " + BODY, 'no date with a year in the text; "6月4日电" has no year'),
    ("今天是2024年12月8日 星期日\n标题\n" + BODY, "no date in the text"),
    ("2019年6月4日，国务院常务会议在北京召开，会议部署推进政务服务一网通办。",
     'no date line; body mentions "2019年6月4日" (an event date, not used)'),
    ("标题\n广东省人民政府以粤府〔2021〕44号文件印发规划，文件落款时间为2021年6月30日。规划要求各地认真贯彻执行。",
     'no date line; body mentions "2021年6月30日" (an event date, not used)'),  # 落款时间为: prose, not a label
])
def test_no_guessed_dates(text: str, reason: str) -> None:
    found, got_role = text_date(text)
    assert (found.date, got_role, found.evidence) == (None, "", reason)


def test_role_and_yearless() -> None:
    line = "发布时间：2019-06-04 来源：浙江省人民政府"
    assert role(line, 5, 15) == "published"
    assert yearless("新华社北京6月4日电") == "6月4日电"
    assert yearless("2019年6月4日") == ""


@pytest.mark.parametrize(("head", "expected"), [
    ('<meta name="firstpublishedtime" content="2019-06-04-08:55:23">', "2019-06-04"),
    ('<meta name="PubDate" content="2019-06-04 08:55">', "2019-06-04"),
    ('<meta name="publishdate" content="2019-06-04">', "2019-06-04"),
    ('<meta name="pubdate" content="2019-06-04">', "2019-06-04"),
    ('<meta name="lastmodifiedtime" content="2020-01-01-08:55:23">', None),  # a modification
])
def test_chinese_meta_tags(head: str, expected: str | None) -> None:
    html = f"<html><head>{head}<title>标题</title></head><body><p>{BODY}</p></body></html>"
    assert _day(date_from_html(html)) == expected


def test_visible_date_line_under_a_chinese_headline() -> None:
    html = ("<html><head><title>国务院部署推进政务服务一网通办_中国政府网</title></head><body>"
            "<div>今天是2024年12月8日 星期日</div><h1>国务院部署推进政务服务一网通办</h1>"
            "<div>发布时间：2019-06-04 09:12 来源：新华社</div>"
            f"<p>{BODY}</p><p>{BODY}</p></body></html>")
    found = date_from_html(html)
    assert _day(found) == "2019-06-04"
