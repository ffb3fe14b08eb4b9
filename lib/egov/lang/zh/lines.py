"""Chinese lines for the loader: prose or page furniture, headline, length in words.

`egov.corpus.clean` asks here about lines written in Chinese: `is_prose` (long and ending
like a sentence, counted in characters since Chinese has no spaces between words),
`furniture_rule` (the named rules of lib/egov/data/furniture_zh.csv: 分享到, 责任编辑,
【字体：大 中 小】, 版权所有, ICP备, 首页 > ... and more), `RELATED_HEADING` (相关新闻 and its
kin, whose link lists go too) and `without_date` (a headline without the date glued to it).
Words of Chinese text are counted by the segmenter (`egov.lang.zh.words.count_words`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import pandas as pd

from egov.lang.zh import dates as zh_dates

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9]+)*")
PROSE_UNITS = 20  # Han characters plus Latin words: a line this long ending like a sentence is prose
FRAGMENT_CHARS = 6  # a Han line this short above or below the article is a label or crumb, not a sentence
SENTENCE_END = "。！？!?…；;：:."
CLOSERS = "\"'”’」』）)】]》*_| \u3000"
RELATED_HEADING = re.compile(
    r"^[【\[]?\s*(相关|相關)(新闻|新聞|阅读|閱讀|链接|鏈接|文章|报道|報導|报导|稿件|信息|文件|解读|解讀|推荐|推薦|专题|專題)|"
    r"^[【\[]?\s*(延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热点推荐|熱點推薦|热门推荐|熱門推薦|热门文章|熱門文章|精彩推荐|精彩推薦|"
    r"更多阅读|更多閱讀|猜你喜欢|猜你喜歡|往期回顾|往期回顧|今日推荐|热门新闻|熱門新聞|最新新闻|最新新聞|热点新闻|熱點新聞)"
    r"\s*[】\]]?\s*[:：»>]*\s*$")
_CREDIT_END = re.compile(r"[（(][^（）()]{1,16}[）)]\s*$")
MENU_ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]{1,6}$")
_LIST_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|第[一二三四五六七八九十\d]+[条章节])")


def han_count(line: str) -> int:
    """Number of Han (Chinese) characters."""
    return len(HAN.findall(line))


is_chinese = zh_dates.is_chinese  # a line with Han characters, at least as many as Latin words


def is_prose(line: str) -> bool:
    """A Chinese sentence line: at least PROSE_UNITS characters (Latin words count one) ending in 。！？ or the like.

    Example: is_prose("国务院常务会议部署加快推进全国一体化在线政务服务平台建设。") is True
    """
    units = han_count(line) + len(LATIN_WORD.findall(line))
    if units < PROSE_UNITS:
        return False
    end = _CREDIT_END.sub("", line.strip())  # "……收看了会议。（崔骏）": the reporter's name after the sentence
    return end.rstrip(CLOSERS)[-1:] in SENTENCE_END


@lru_cache(maxsize=1)
def furniture_rules() -> list[tuple[str, re.Pattern[str]]]:
    """(rule, compiled pattern) of lib/egov/data/furniture_zh.csv, in its order."""
    with files("egov.data").joinpath("furniture_zh.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return [(row.rule, re.compile(row.pattern, re.I)) for row in table.itertuples()]


def _is_menu(text: str) -> bool:
    """A row of short menu items: 首页 新闻 政务 服务 互动 (four or more, each at most six characters)."""
    items = [t for t in re.split(r"[\s|｜/·•]+", text) if t]
    barred = len(re.findall(r"[|｜]", text)) >= 2  # 往期回顾 | 版面导航 | 标题导航
    return len(items) >= (3 if barred else 4) and all(MENU_ITEM.match(t) for t in items)


def _is_date_line(text: str) -> bool:
    """A line that is mostly a date, time and labels: 2019-06-04 09:12:33 来源：新华网 浏览次数：12."""
    line = zh_dates.normalize(text)
    m = re.search(r"(?:19|20|21)\d\d\s*(?:[-/.]|年)\s*[01]?\d\s*(?:[-/.]|月)\s*[0-3]?\d", line)
    if not m:
        return False
    if zh_dates.PUBLISHED.search(line[: m.start()][-12:]) or zh_dates.UPDATED.search(line[: m.start()][-12:]):
        return len(line) <= 120
    return zh_dates.role(line, m.start(), m.end()) in ("short", "glued", "updated", "published") and (
        han_count(line[m.end():] + line[: m.start()]) <= 12 or bool(re.search(r"来源|來源|稿源|作者|编辑|浏览", line)))


def furniture_rule(text: str, zone: str) -> str | None:
    """The named rule that removes this (non-prose) Chinese line, or None to keep it.

    `zone` is "header", "body" or "footer": outside the body, lines of at most six characters
    (section labels, crumbs, the site's name) go too, but never numbered list items.
    Example: furniture_rule("【字体：大 中 小】", "body") == "share/print links"
    """
    for name, pattern in furniture_rules():
        if pattern.search(text):
            return name
    if _is_date_line(text):
        return "date line"
    if _is_menu(text):
        return "navigation"
    if zone != "body" and han_count(text) <= FRAGMENT_CHARS and not _LIST_START.match(text) \
            and text.rstrip(CLOSERS)[-1:] not in "。！？；：，":
        return f"{zone} fragment"
    return None


_TRAILING_DATE = re.compile(r"\s*[(（\[【]?\s*(?:19|20|21)\d\d\s*(?:[-/.]|年)\s*[01]?\d\s*(?:[-/.]|月)\s*[0-3]?\d\s*日?"
                            r"(?:\s*\d{1,2}:\d\d(?::\d\d)?)?\s*[)）\]】]?\s*$")


def without_date(title: str) -> str:
    """A headline without the date glued to its end: "国务院常务会议部署2019-06-04" -> "国务院常务会议部署"."""
    if title.isascii():
        return title
    normal = zh_dates.normalize(title)
    m = _TRAILING_DATE.search(normal)
    if not m:
        return title
    return title[: m.start()] if len(normal) == len(title) else normal[: m.start()]  # as written when possible
