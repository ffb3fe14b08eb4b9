"""The headline of an article copied from a web page, found among the lines above its text.

A browser copy starts with a masthead, menus, section labels, "Adjust font size:" prompts,
print-edition notes and the date line, with the headline somewhere among them. The headline
is usually the LAST headline-like line above the first paragraph: furniture comes first,
then the headline, then the byline and date. In a run of adjacent headline-like lines, the
first wins (the lines below it are decks), unless it is a short Title Case label such as
"Hot on the Web" or the line is as long as a standfirst. The first
paragraph is the first prose line that cleaning kept, so a cookie notice above the masthead
does not hide the header. With no headline-like line the
title is the start of the first sentence, marked with "…" when cut.
"""
from __future__ import annotations

import re

from egov.corpus.clean import is_prose
from egov.corpus.dates import find_dates
from egov.corpus.outlets import outlet_patterns
from egov.lang.zh.lines import furniture_rule, is_chinese, without_date

HEADER_LINES = 30  # the headline is looked for among this many lines above the first paragraph
MIN_SIZE, MAX_SIZE = 3, 30  # words (a Chinese character counts half a word)
LABEL_MAX = 4  # a Title Case line this short above a headline is a section label ("Hot on the Web")
DECK_MIN = 21  # a line this long below a headline is a standfirst, not the headline
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|\d+", re.U)
_GLUED = re.compile(r"[a-z]{4,}[A-Z][a-z]")  # "professionalsLearn": two lines run together
_MENU = re.compile(r"\s[|/·]\s|[>»›|｜]|^\s*(?:home|首页)\b|large medium small|大\s*中\s*小")
_DOC_NUMBER = re.compile(r"[〔\[(（]\d{4}[〕\])）]\s*\d+\s*号")  # 国办发〔2019〕51号
# a photo caption or its credit: "[Photo/VCG]", "Photo: sina.com.cn", "/CFP", "(Xinhua/Li Bo)"
_CAPTION = re.compile(r"\[photo|\bphoto(?:s)?\s*(?:by|:)|/\s*(?:cfp|vcg|ic)\b|\((?:xinhua|people's daily|cfp)\s*/|"
                      r"\[xinhua\]|— bloomberg$", re.I)
_ZH_DATE = re.compile(r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}|[〇零一二三四五六七八九十]{4}年")
_FURNITURE = re.compile(
    r"^(?:by|source|editor|updated|published|posted|photo|image|video|share|print|e-?mail|follow|subscribe|"
    r"click|sign|log ?in|read more|related|tools|adjust|font|make me|the story appears|get this|view|free for|"
    r"page \w+$|copyright|©|advertisement|top stories|most (?:read|popular)|latest|breaking|"
    r"\d+ min(?:ute)?s? read|reading time|why you can trust|原文刊|第\s*\d+\s*版|"
    r"来源|信息来源|文章来源|稿源|作者|编辑|责任编辑|发布|分享|打印|当前位置|您的位置|字体|【(?:字体|打印|关闭|纠错))", re.I)
_NOT_NAMES = {"A", "An", "The", "Of", "In", "On", "For", "And", "To", "With", "China", "Chinese"}
_PROSE_ZH = re.compile("[。！？]['\"”’）)]?$")


def size(line: str) -> float:
    """Words in a line, a Chinese character counting half a word."""
    han = len(_HAN.findall(line))
    return len(_WORD.findall(_HAN.sub(" ", line))) + han / 2


def _reads_as_prose(line: str) -> bool:
    return is_prose(line) or (len(_HAN.findall(line)) >= 40 and bool(_PROSE_ZH.search(line)))


def is_headline_like(line: str) -> bool:
    """A line that could be a headline: 3-30 words, not a sentence of prose, a menu, a date or byline
    line, a prompt ending in a colon, an all-capitals masthead, or two lines glued together."""
    line = _bare(line)
    n = size(line)
    if not re.search(r"[^\W\d_]", line):
        return False  # digits and punctuation only: a time stamp
    if not MIN_SIZE <= n <= MAX_SIZE or _reads_as_prose(line):
        return False
    if line.endswith((":", "：")) or _GLUED.search(line) or _is_menu(line) or _FURNITURE.search(line):
        return False
    if "@" in line or re.search(r"(?:^|\s)-?\s*By [A-Z]", line):
        return False  # a byline
    if _CAPTION.search(line) or (line.endswith(".") and not line.endswith("..")) or line.startswith("("):
        return False  # captions and standfirsts end like sentences; headlines do not
    if line.isupper() and not _HAN.search(line):
        return False  # a masthead
    tokens = line.split()
    if len(tokens) >= 3 and all(len(t) <= 4 for t in tokens) and _HAN.search(line):
        return False  # a Chinese menu: 首页 新闻 福建 台湾
    if (len(tokens) <= 3 and all(t[:1].isupper() and t not in _NOT_NAMES for t in tokens) and not _HAN.search(line)
            and not re.search(r"\d", line)):
        return False  # a name: "Yun Qing Tan"
    if _DOC_NUMBER.search(line) or _names_outlet_only(line):
        return False
    if (find_dates(line) and n < 12) or _ZH_DATE.search(line):
        return False
    return True


def _is_menu(line: str) -> bool:
    """A menu or breadcrumb. In Chinese one bar joins a column name to a headline ("数字政府｜广东省…"),
    so a Chinese line needs two bars, or a breadcrumb arrow, to be a menu."""
    if not _HAN.search(line) or len(_HAN.findall(line)) < 6:
        return bool(_MENU.search(line))
    bars = len(re.findall(r"\s[|/·]\s|[|｜]", line))
    return bars >= 2 or bool(re.search(r"[>»›]|^\s*首页|大\s*中\s*小", line)) or (
        is_chinese(line) and furniture_rule(line, "body") is not None)  # the named rules of furniture_zh.csv


def _label(line: str) -> bool:
    """A short Title Case line (or a Chinese one of up to 8 characters): a section or site label."""
    bare = _bare(line)
    if _HAN.search(bare):
        return size(bare) <= LABEL_MAX
    words = bare.split()
    return len(words) <= LABEL_MAX and all(w[:1].isupper() for w in words if len(w) >= 4)


def _bare(line: str) -> str:
    """The line without Markdown heading marks and list bullets, and without a date glued to the end
    of a Chinese headline ("国务院部署推进一网通办2019-06-04")."""
    line = line.strip().lstrip("#*·•-– ").strip()
    return without_date(line) if _HAN.search(line) else line


def _names_outlet_only(line: str) -> bool:
    """The line is an outlet's name and little else ("People's Daily Online", "南方网")."""
    return size(line) <= 5 and any(p.fullmatch(line.strip(" ()[]")) for _, p in outlet_patterns())


def _first_sentence(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) <= 80:
        return first
    return first[:80].rstrip() + "…"


def title_from_text(raw: str, text: str = "") -> str:
    """The headline among the lines of `raw` above its first paragraph, else the start of the
    first sentence of `text` (the cleaned text; `raw` when not given).

    Example: title_from_text("Menu | News\\nPortal opens to the public\\nUpdated: 2019-06-04\\n" + paragraph)
    -> "Portal opens to the public"
    """
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    kept = next((line.strip() for line in (text or "").split("\n") if _reads_as_prose(line.strip())), None)
    first_prose = lines.index(kept) if kept in lines else next(
        (i for i, line in enumerate(lines) if _reads_as_prose(line)), len(lines))
    start = max(0, first_prose - HEADER_LINES)
    found = [(i, lines[i]) for i in range(start, first_prose) if is_headline_like(lines[i])]
    if found:
        # the run of adjacent headline-like lines that ends with the last one: headline, then decks
        run = [found[-1][1]]
        for (i, line), (j, _) in zip(found[-2::-1], found[:0:-1]):
            if i != j - 1:
                break
            run.insert(0, line)
        return _bare(next((line for line in run if not _label(line) and size(_bare(line)) < DECK_MIN), run[0]))
    return _first_sentence(text or raw)
