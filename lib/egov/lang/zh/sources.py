"""Which outlet published a Chinese article: the site or masthead, else what the page credits.

The outlet names are the editable table lib/egov/data/outlets_zh.csv (outlet, english, pattern;
a row without an outlet name, such as "浙江省人民政府", names the outlet by the text it matches).
All patterns are compiled into one regular expression, so a line costs one search, not one
per outlet. The outlet is the one whose page it is (中国政府网 for a gov.cn page crediting
新华社): the site's declared name or address, else the masthead above the article; without
either, what the page credits: a 来源 (source), 稿源 or 作者单位 line, or the agency of a
dateline (新华社北京6月4日电). `credited_source` gives the credit on its own.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import pandas as pd

from egov.lang.zh.lines import HAN, han_count, is_prose

LABEL = re.compile(r"(?:信息来源|信息來源|文章来源|文章來源|新闻来源|稿件来源|本文来源|内容来源|来源|來源|稿源|出处|出處|转自|轉自|转载自|轉載自)\s*[:：]\s*")
AFFILIATION = re.compile(r"作者单位|作者單位")
# Where a 来源 value ends: the next label on the line, a separator, or two spaces.
_VALUE_END = re.compile(r"\s{2,}|\s*(?:作者|作者单位|编辑|編輯|责任编辑|責任編輯|记者|記者|浏览|瀏覽|发布|發布|时间|時間|日期|"
                        r"字号|字號|字体|字體|点击|點擊|阅读|閱讀|打印|分享|【|\[|[|｜]|$)|\s+\d")
_QUOTES = "《》“”\"'「」『』〈〉 \u3000:："
_DATELINE = re.compile(r"^\s*[【\[（(]?\s*(?P<name>[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{0,12}?)(?:\d{1,2}月\d{1,2}日)?"
                       r"(?:电|電|讯|訊|消息)")
_GREETING = re.compile(r"^(?:欢迎(?:访问|来到|光临|登录)?|歡迎(?:訪問|來到|光臨)?|您好|主办|主辦|来源|來源)")
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
            return outlet or _generic(found)
    return _generic(found)


def _generic(found: str) -> str:
    """A name matched by a row without an outlet name, without greetings and office suffixes."""
    return _OFFICE.sub("", _GREETING.sub("", found))


def _value(line: str, label: re.Match[str]) -> str:
    """The name after a label, up to the next label, separator or date."""
    rest = line[label.end():]
    end = _VALUE_END.search(rest)
    value = rest[: end.start()] if end else rest
    return value.strip(_QUOTES)[:40]


def _name(value: str) -> str:
    """An outlet for a 来源 value: the table's name when it names one, else the value itself."""
    return outlet_in(value) or re.split(r"[-—－_/]", value)[0].strip(_QUOTES)


# How the names of Chinese news and government sites end (section labels such as 新闻中心 or 政务平台 do not).
_SITE_SUFFIX = re.compile(r"(?:网|網|报|報|报社|報社|通讯社|通訊社|电视台|電視台|客户端|客戶端|政府|局|委员会|委員會|办公室|辦公室|"
                         r"厅|廳|官网|官網|电子版|電子版|在线|在線|时报|時報|晚报|晚報|日报|日報|周刊|週刊|杂志|雜誌|门户|門戶)$")
_HOST = re.compile(r"(?<![\w.-])(?:[\w-]+\.)+(?:com|cn|net|org|hk|tw|mo)\b", re.I)
MASTHEAD_LINES = 6  # a masthead stands among the first lines of a copied page
MASTHEAD_CHARS = 20


def masthead(lines: list[str]) -> tuple[str, str]:
    """(outlet, line) of the site's name among the first lines of a copied page, or ("", "").

    A masthead is a short line that is not a date, menu or sentence and names a site: an outlet of
    the table, or a name ending like one (…网, …日报, …人民政府, …客户端). The table's name wins
    ("中华人民共和国国家互联网信息办公室" -> "中国网信网"); else the line as written ("亚太日报").
    """
    for line in lines[:MASTHEAD_LINES]:
        text = line.strip()
        if is_prose(text) or re.search(r"\d{4}|[|｜>»›]|\s\S+\s", text) or not HAN.search(text):
            continue
        if han_count(text) > MASTHEAD_CHARS or re.search(r"[，。：:！？、“”《》]", text):
            continue
        if outlet := outlet_in(text):
            return outlet, text
        if _SITE_SUFFIX.search(text):
            return text, text
    for line in lines[:MASTHEAD_LINES]:  # a copied page that names its site by address: "ejtech.hkej.com"
        for host in _HOST.findall(line):
            if outlet := outlet_in(host):
                return outlet, line.strip()
    return "", ""


def is_masthead(line: str) -> bool:
    """A line that only names sites: an outlet of the table, or names ending like one ("镇江新闻网 | 金山网")."""
    if outlet_in(line):
        return True
    items = [t for t in re.split(r"[\s|｜/·•]+", line.strip()) if t]
    return bool(items) and all(_SITE_SUFFIX.search(t) and han_count(t) <= 12 for t in items)


def _site(hint: str) -> str:
    """The outlet a site's declared name or address names, or the declared Chinese name as written."""
    if outlet := outlet_in(hint):
        return outlet
    hint = re.sub(r"\s+[A-Za-z][A-Za-z .&'-]*$", "", hint.strip()) if HAN.search(hint) else hint.strip()  # 中央社 CNA
    is_name = HAN.search(hint) and han_count(hint) <= MASTHEAD_CHARS and not re.search(r"[，。|｜_]", hint)
    return hint if is_name else ""


_TITLE_SEPARATOR = re.compile(r"\s*(?:__?|--?|—+|｜|\|)\s*")


def site_from_title(title: str) -> str:
    """The site named at the end of a page's <title>: "标题_滚动新闻_中国政府网" -> "中国政府网", or ""."""
    parts = [p for p in _TITLE_SEPARATOR.split(title.strip()) if p]
    if len(parts) < 2 or not HAN.search(title):
        return ""
    last = parts[-1]
    if outlet := outlet_in(last):
        return outlet
    return last if han_count(last) <= MASTHEAD_CHARS // 2 and _SITE_SUFFIX.search(last) else ""


def credited_source(raw: str) -> tuple[str, str]:
    """(outlet, line) that a 来源/稿源 (or 作者单位) line credits, or ("", "")."""
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    near = lines[:HEAD_LINES] + lines[HEAD_LINES:][-TAIL_LINES:]
    for pattern in (LABEL, AFFILIATION):
        for line in near:
            if len(line) > 200 or not HAN.search(line):
                continue
            label = pattern.search(line)
            if label and (value := _value(line, label)):
                return _name(value), line[:120]
    return "", ""


def detect_source(raw: str, hints: tuple[str, ...] = ()) -> tuple[str, str]:
    """(outlet, evidence) of a Chinese article: the outlet whose page it is, or ("", reason).

    Evidence, strongest first: the site's declared name or address (`hints`, web pages), the
    masthead at the top of a copied page, then what the page credits: its 来源/稿源 line, or the
    agency of its dateline (新华社北京6月4日电).
    Example: detect_source("人民网\n标题\n2019-06-04 来源：新华社\n正文……") == ("人民网", "masthead: 人民网")
    """
    for hint in hints:
        if hint and (outlet := _site(hint)):
            return outlet, f"site: {hint}"
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    outlet, line = masthead(lines)
    if outlet:
        return outlet, f"masthead: {line}"
    outlet, line = credited_source(raw)
    if outlet:
        return outlet, line
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    for line in lines[prose[0]: prose[0] + 2] if prose else []:
        m = _DATELINE.match(line)
        if m and (outlet := outlet_in(line[: m.end()])):
            return outlet, line[: m.end()]
    return "", "no masthead, 来源 line or dateline naming an outlet"
