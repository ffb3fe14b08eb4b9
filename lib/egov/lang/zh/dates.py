"""Date lines of Chinese pages: what `egov.corpus.dates` asks the seam about a Chinese line.

`normalize` rewrites a line so the shared date patterns read it: full-width digits and
punctuation become ASCII (２０１９－０６－０４), Chinese numerals in a date become digits
(二〇一九年六月四日 -> 2019年6月4日) and spaced digits close up (2021- 06- 11 -> 2021-06-11).
`role` says what a date is doing in its line: a labelled publication date (发布时间：, 日期:),
an update (更新时间：, a lower priority), a dateline (新华社北京2019年6月4日电), a short date or
source line (2019-06-04 09:12:33 来源：新华网, a title with the date glued to it), or a date
in the body. `ignored` marks lines whose dates are never publication dates: a live clock
(今天是2024年12月8日 星期日), a print or crawl stamp, copyright and licence lines.
`yearless` finds a date without a year (新华社北京6月4日电): no year is ever guessed.
"""
from __future__ import annotations

import re

# Full-width digits and the punctuation of date lines, as ASCII.
_WIDE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "－": "-", "／": "/", "．": ".", "：": ":", "\u3000": " ", "　": " "})
_NEEDS = re.compile("[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")  # anything this module would change or read

_NUMERALS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_DIGIT = "〇○零Ｏ一二三四五六七八九"
_SMALL = "一二两三四五六七八九十"
_ZH_DATE = re.compile(rf"([{_DIGIT}O]{{4}})\s*年\s*([{_SMALL}]{{1,3}})\s*月(?:\s*([{_SMALL}]{{1,3}})\s*[日号])?")
_SPACED = re.compile(r"(?<![\d])((?:19|20|21)\d\d)\s*([-/.])\s*([01]?\d)\s*\2\s*([0-3]?\d)(?![\d])")
_SPACED_HYPHEN = re.compile(r"(?<![\d])((?:19|20|21)\d\d)\s*-\s*([01]?\d)\s*-\s*([0-3]?\d)(?![\d])")
# 2019年 06月 04日 with spaces is read by the shared pattern; 2019 年 6 月 too.


def _small_number(s: str) -> int | None:
    """1-31 from Chinese numerals: 六, 十, 十二, 二十, 二十四, 三十一."""
    if "十" not in s:
        return _NUMERALS.get(s) if len(s) == 1 else None
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    value = (_NUMERALS.get(tens, -99) if tens else 1) * 10 + (_NUMERALS.get(units, -99) if units else 0)
    return value if value > 0 else None


def _numeral_date(m: re.Match[str]) -> str:
    """二〇一九年六月四日 -> 2019年6月4日 (the text unchanged when a part is not a number)."""
    year = "".join(str(_NUMERALS[ch]) for ch in m[1])
    month = _small_number(m[2])
    day = _small_number(m[3]) if m[3] else None
    if month is None or (m[3] and day is None):
        return m[0]
    return f"{year}年{month}月" + (f"{day}日" if day else "")


def normalize(line: str) -> str:
    """The line with full-width digits, Chinese-numeral dates and spaced digits made ASCII.

    Example: normalize("发布日期：２０２１- 06- 11") == "发布日期:2021-06-11"
    """
    if line.isascii() or not _NEEDS.search(line):
        return _SPACED_HYPHEN.sub(r"\1-\2-\3", line) if "- " in line or " -" in line else line
    line = line.translate(_WIDE)
    if "年" in line:
        line = _ZH_DATE.sub(_numeral_date, line)
    return _SPACED.sub(r"\1\2\3\2\4", line)


# ---------------------------------------------------------------- what a date does in its line

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_T = "[时時]"
PUBLISHED = re.compile(  # the label closest before the date, at most a few characters away
    rf"(?:发布|發布|發佈|发佈|发表|發表|发稿|發稿|刊发|刊發|刊登|出版|上线|上線|公开|公開|发文|發文|稿件|首发|首發)\s*"
    rf"(?:{_T}间|{_T}間|日期)|(?:发布|發布|發佈|发表|發表)(?:于|於)?|日期|{_T}间|{_T}間")
UPDATED = re.compile(rf"(?:更新|修改|修订|修訂|编辑|編輯|最后更新|最後更新)\s*(?:{_T}间|{_T}間|日期|于|於)|成文日期|更新")
# Lines whose dates are not the page's publication date.
IGNORED = re.compile(
    r"今天是|今日是|今天[:：]|现在是|現在是|当前时间|當前時間|(?:打印|访问|訪問|抓取|采集|採集|下载|下載|保存|截图|截圖|"
    r"生成|检索|檢索|查询|查詢|浏览|瀏覽)(?:时间|時間|日期)|页面生成|頁面生成|网页生成|农历|農曆|"
    r"(?:上午|下午|晚上|凌晨)\s*\d{1,2}:\d\d|版权所有|版權所有|ICP|公网安备|公網安備|网站标识码|網站標識碼")
_SOURCE = re.compile(r"来源|來源|稿源|作者|编辑|編輯|责编|責編|记者|記者|浏览|瀏覽|点击|點擊|阅读|閱讀|字号|字號|字体|字體|"
                     r"打印|分享|收藏|评论|評論|【|\||｜")
_DATELINE_AFTER = re.compile(r"^\s*(?:电|電|讯|訊|消息)")
_LEAD_COMMA = re.compile(r"^\s*(?:\d{1,2}:\d\d(?::\d\d)?)?\s*[，,、]")  # 2019年6月4日，国务院...: an event in prose
_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?")
_ADJACENT = re.compile(r"[\s:：【\[（(]*$")  # what may stand between a label and its date
_WEEKDAY = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]")
_PUNCT = re.compile(r"[\s|｜/·•,，:：;；()（）\[\]【】<>《》「」『』\"“”'‘’_–—-]+")
_SENTENCE_END = re.compile(r"[。！？!?]")
SHORT_REST = 10  # characters beside the date: a date line ("央视网 2019年06月04日 08:32"), not a headline
LINE_REST = 60  # with a source label or a glued title, still a date line


_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")


def is_chinese(line: str) -> bool:
    """A line written in Chinese: it has Han characters, at least as many as Latin words."""
    if line.isascii() or not HAN.search(line):  # the common case in English text, decided cheaply
        return False
    return len(HAN.findall(line)) >= len(_LATIN_WORD.findall(line))


def ignored(line: str) -> bool:
    """True when the line's dates are a clock, a print/crawl stamp or a copyright/licence line."""
    return bool(IGNORED.search(line))


def role(line: str, start: int, end: int) -> str:
    """What the date at line[start:end] is: "published", "updated", "dateline", "short", "glued" or "body".

    Example: role("发布时间：2019-06-04 来源：浙江省人民政府", 5, 15) == "published"
    """
    before, after = line[:start], line[end:]
    near = _ADJACENT.sub("", before[-16:])  # a label stands right before its date: "发布时间：", not "时间为"
    published = [m.end() for m in PUBLISHED.finditer(near) if m.end() == len(near)]
    updated = [m.end() for m in UPDATED.finditer(near) if m.end() == len(near)]
    rest = _PUNCT.sub("", _WEEKDAY.sub("", _TIME.sub("", before + after)))
    if published or updated:
        if len(rest) <= 2 * LINE_REST:  # "发布时间" inside a long sentence is an event
            return "published" if max(published, default=-1) > max(updated, default=-1) else "updated"
    if _DATELINE_AFTER.match(after) and len(before) <= 20:
        return "dateline"
    if _LEAD_COMMA.match(after) or (_SENTENCE_END.search(before + after) and len(rest) > SHORT_REST):
        return "body"
    if len(rest) <= SHORT_REST:
        return "short"
    if _SOURCE.search(line) and len(rest) <= LINE_REST:
        return "short"
    at_edge = not before.strip() or not _PUNCT.sub("", _TIME.sub("", _WEEKDAY.sub("", after)))
    if at_edge and len(rest) <= LINE_REST and not re.search("[，,。]", rest):
        return "glued"  # a headline with its date glued on, or a link in a list
    return "body"


_YEARLESS = re.compile(r"(?<![\d年])(?<!\d[-/.])([01]?\d)\s*月\s*([0-3]?\d)\s*[日号](?:\s*[电電])?")


def yearless(line: str) -> str:
    """A date without a year in the line ("6月4日电"), or ""."""
    m = _YEARLESS.search(normalize(line))
    return m.group(0) if m and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31 else ""
