"""Which outlet published a Chinese article: 来源/稿源 lines, datelines and mastheads.

The outlet names are the editable table lib/egov/data/outlets_zh.csv (outlet, english, pattern;
a row without an outlet name, such as "浙江省人民政府", names the outlet by the text it matches).
All patterns are compiled into one regular expression, so a line costs one search, not one
per outlet. Evidence, strongest first: a 来源 (source) or 稿源 line, a 作者单位 line, the
agency of a dateline (新华社北京6月4日电), the site's declared name or address, a masthead
line above the article.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import pandas as pd

from egov.lang.zh.lines import HAN, han_count, is_prose

LABEL = re.compile(r"(?:信息来源|信息來源|文章来源|文章來源|新闻来源|来源|來源|稿源|出处|出處|转自|轉自|转载自|轉載自)\s*[:：]\s*")
AFFILIATION = re.compile(r"作者单位|作者單位")
# Where a 来源 value ends: the next label on the line, a separator, or two spaces.
_VALUE_END = re.compile(r"\s{2,}|\s*(?:作者|作者单位|编辑|編輯|责任编辑|責任編輯|记者|記者|浏览|瀏覽|发布|發布|时间|時間|日期|"
                        r"字号|字號|字体|字體|点击|點擊|阅读|閱讀|打印|分享|【|\[|[|｜]|$)|\s+\d")
_QUOTES = "《》“”\"'「」『』〈〉 \u3000:："
_DATELINE = re.compile(r"^\s*[【\[（(]?\s*(?P<name>[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{0,12}?)(?:\d{1,2}月\d{1,2}日)?"
                       r"(?:电|電|讯|訊|消息)")
_OFFICE = re.compile(r"(?:办公厅|辦公廳|办公室|辦公室)$")
HEAD_LINES, TAIL_LINES = 40, 10


@lru_cache(maxsize=1)
def outlets() -> pd.DataFrame:
    """The Chinese outlet table (lib/egov/data/outlets_zh.csv): outlet, english, pattern."""
    with files("egov.data").joinpath("outlets_zh.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _combined() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    """One pattern for every outlet (leftmost match wins), and each row's own pattern to name it."""
    rows = [(row.outlet, re.compile(row.pattern, re.I)) for row in outlets().itertuples()]
    combined = re.compile("|".join(f"(?:{row.pattern})" for row in outlets().itertuples()), re.I)
    return combined, rows


def outlet_in(text: str) -> str:
    """The first outlet named in the text (its name in the table), or "".

    Example: outlet_in("来源：人民网-人民日报") == "人民网"
    """
    combined, rows = _combined()
    m = combined.search(text)
    if not m:
        return ""
    found = m.group(0)
    for outlet, pattern in rows:
        if pattern.fullmatch(found):
            return outlet or _OFFICE.sub("", found)
    return _OFFICE.sub("", found)


def _value(line: str, label: re.Match[str]) -> str:
    """The name after a label, up to the next label, separator or date."""
    rest = line[label.end():]
    end = _VALUE_END.search(rest)
    value = rest[: end.start()] if end else rest
    return value.strip(_QUOTES)[:40]


def _name(value: str) -> str:
    """An outlet for a 来源 value: the table's name when it names one, else the value itself."""
    return outlet_in(value) or re.split(r"[-—－_/]", value)[0].strip(_QUOTES)


def detect_source(raw: str, hints: tuple[str, ...] = ()) -> tuple[str, str]:
    """(outlet, evidence) of a Chinese article, or ("", reason).

    `hints` are the site's declared name and address (web pages), weaker than a 来源 line.
    Example: detect_source("标题\\n2019-06-04 来源：新华网\\n正文……") == ("新华网", "2019-06-04 来源：新华网")
    """
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    near = lines[:HEAD_LINES] + lines[HEAD_LINES:][-TAIL_LINES:]
    for pattern in (LABEL, AFFILIATION):
        for line in near:
            if len(line) > 200 or not HAN.search(line):
                continue
            label = pattern.search(line)
            if label and (value := _value(line, label)):
                return _name(value), line[:120]
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    for line in lines[prose[0]: prose[0] + 2] if prose else []:
        m = _DATELINE.match(line)
        if m and (outlet := outlet_in(line[: m.end()])):
            return outlet, line[: m.end()]
    for hint in hints:
        if hint and (outlet := outlet_in(hint)):
            return outlet, f"site: {hint}"
    for line in lines[: prose[0] if prose else 5][:12]:
        if han_count(line) <= 20 and not is_prose(line) and (outlet := outlet_in(line)):
            return outlet, line[:120]
    return "", "no 来源 line, dateline or masthead naming an outlet"
