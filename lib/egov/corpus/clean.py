"""Boilerplate cleaning by named rules, with every removal recorded.

`clean_text` returns the article text and an audit: one row per removed line or
fragment (line number, what was removed, the rule that removed it). Rules only touch
page furniture: navigation, share/print links, bylines, date lines, photo credits,
copyright and outlet banners, pagination, "Related stories" link lists, credit lines,
licence footers, and lines repeated within one article. Article sentences (long lines that
read as prose) are never removed, except prompts addressed to the reader (cookie notices,
subscribe offers, copyright notices) above the first or below the last article paragraph.
Markdown files (web clippings) also lose their YAML front matter and link markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from egov.corpus.outlets import any_outlet
from egov.lang.zh import lines as zh_lines
from egov.lang.zh.sources import is_masthead as zh_is_masthead

PROSE_WORDS = 12  # a line this long that ends like a sentence is article prose, never removed
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_BITS = re.compile(
    rf"\b\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b|"
    rf"\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}(?:\b|(?=\d{{1,2}}:))|"
    rf"\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b|\b\d{{4}}\b|\b(?:gmt|utc|bjt|cst|am|pm)\b|\+\d{{4}}\b",
    re.I,
)
FULL_DATE = re.compile(  # a year may have a time glued to it: "March 7, 20235:39 PM"
    rf"\b\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\b|\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}(?:\b|(?=\d{{1,2}}:))|"
    rf"\b\d{{1,2}}(?:\s+|-){MONTHS},?(?:\s+|-)\d{{4}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b", re.I)
WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u4e00-\u9fff]+(?:['’-][A-Za-z]+)*")
LANGUAGES = {"english", "中文", "简体", "繁體", "繁体", "双语", "français", "francais", "español", "русский",
             "العربية", "日本語", "한국어", "deutsch", "português", "italiano"}

# Whole-line rules: (rule name, pattern). Checked on lines that are not prose.
LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("share/print links", re.compile(
        r"^[\s\[\](|•·-]*(share|print|close|e-?mail|tweet|facebook|twitter|weibo|wechat|linkedin|whatsapp|"
        r"reddit|copy link|font size|text size|save|comment|comments|like)\b[\s\w\[\]|•·:()+-]{0,80}$", re.I)),
    ("share/print links", re.compile(r"\[\s*(print|close|share|e-?mail)\s*\]", re.I)),
    ("copyright", re.compile(r"(^|\s)(©|\(c\)|copyright\b)|all rights reserved|reproduction .{0,60}prohibited",
                             re.I)),
    ("pagination", re.compile(r"^[\s<>«»‹›|.…\d]*(prev(ious)?|next|page|more)?[\s<>«»‹›|.…\d]*$", re.I)),
    ("navigation", re.compile(
        r"^(home|back to (the )?top|top|skip to (main )?content|menu|search|log ?in|sign ?in|sign up|subscribe\b.*|"
        r"register|already (a )?(subscriber|registered|have an account)\b.*|advertisement|sponsored|read more|"
        r"more from\b.*|"
        r"more( news| stories)?|you may also like|recommended|most (read|popular|viewed)|trending|"
        r"newspapers (in|from)\b.*|click here\b.*|follow us\b.*|download (the|our) app\b.*|editor'?s? ?(pick|note)?:?.*|"
        r"source:\s*\S.*|editor:\s*\S.*|(reporter|writer|author|translator|photographer):\s*\S.*|"
        r"keywords?:.*|tags?:.*|\d+\s*-?\s*min(ute)?s?\s+read|.{0,60}\bopens (in )?(a )?new (tab|window))$", re.I)),
    ("navigation", re.compile(r"^([^|]{1,30}\|){3,}[^|]{0,30}$")),  # menus: Home | News | World | ...
    ("navigation", re.compile(r"^(?:HOME|Home)(?:[\s|·•-]+[A-Z][A-Z&'’.-]*){3,}\s*$")),  # HOME CHINA WORLD BUSINESS
    ("navigation", re.compile(r"^home\s*(>|»|›|/)\s*\S.{0,60}$", re.I)),  # breadcrumbs: Home > News
    ("byline", re.compile(r"^[-–—•\s]*(?i:by)\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,4}"
                          r"(\s*(\||,|and|in)\s*(?:[^.!?]|\.(?=\w)){0,80})?$")),  # "| chinadaily.com.cn |"
    ("byline", re.compile(r"^[-–—•\s]*by\s+.{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+\s*$", re.I)),
    ("credit line", re.compile(  # (Reporting by ...; Editing by ...), (Web editor: ...), [Editor: huaxia]
        r"^[\[(]\s*((web |chief |executive |responsible )?editors?|(additional )?reporting|writing|editing|compiled|"
        r"translated|reported)\b[^\])]{0,150}[\])]\.?$", re.I)),
    ("credit line", re.compile(r"^contact (the )?(reporter|writer|author|editor)s?\b.{0,80}$", re.I)),
    ("source line", re.compile(r"^source:?\s+[\w .,&()-]{1,60}$", re.I)),
    ("photo credit", re.compile(r"^[\[(]?\s*(photo|image|picture|file photo|video)\b.{0,60}[\])]?\s*$", re.I)),
    ("licence footer", re.compile(  # Chinese sites' ICP licence and registration lines, browser notes
        r"\bICP\s*(备|证|prepared|licen[cs]e|no\b)|公网安备|\bregistration number\s*[:：]|licen[cs]e for (publishing|internet)|"
        r"website identification code|\bresolution\b.{0,30}\b(suggested|recommended)\b|\bbest viewed (in|with)\b", re.I)),
    ("print header", re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(\s*[AP]M)?\s+\S.*$", re.I)),
    ("url line", re.compile(r"^<?(https?://|www\.)\S+>?(\s+\d{1,3}/\d{1,3})?$", re.I)),  # printed pages end so
    ("separator", re.compile(r"^[^\w]+$")),  # ---, * * *, |
]

# Prompts addressed to the reader and legal notices: removed above the first and below the last
# article paragraph even when they read as sentences (a cookie banner is a sentence, not the article).
PROMPT = re.compile(
    r"\b(we|this (web)?site|our (web)?site) uses? cookies\b|\byou agree\b.{0,40}\bcookies\b|\baccept (all )?cookies\b|"
    r"\bcookies? (policy|settings|preferences|notice)\b|\b(subscribe|sign up) (now|today|here)\b|"
    r"\bsign up (for|to) (our|receive)\b|\bsubscribe to (our|read|continue)\b|\bget our [\w ]{0,20}newsletter|"
    r"\bnewsletter subscription\b|\bsuccessfully signed up\b|\bstay informed with\b|\bdownload our (free )?app\b|"
    r"\bquotes? (are )?delayed\b|^\W{0,3}(copyright|©)\s*(©|\(c\))?\s*\d{4}|\ball rights reserved\b", re.I)

PROMPT_START = 60  # characters: a prompt opens its line
PROMPT_WORDS = ("cookie", "subscri", "sign up", "newsletter", "signed up", "stay informed", "download our",
                "delayed", "copyright", "©", "rights reserved")  # cheap test before PROMPT

# Headings of link lists to other articles; the headline-shaped lines under them go too.
RELATED_HEADING = re.compile(
    r"^(related( (articles?|stories|news|reading|coverage|content|links|posts|topics))?|more on this (story|topic)|"
    r"more (stories|news|articles)( from .{1,40})?|read (more|also|next)|also read|see also|further reading|"
    r"you (may|might) (also )?(like|be interested in)|recommended( (articles|stories|reading|for you))?|"
    r"most (read|popular|viewed|shared)|latest (news|stories|articles)|top stories)\s*[:：»]?$", re.I)
RELATED_MAX = 12  # link lines taken under one heading
LINK_LINE_WORDS = 20

# Fragments removed from inside a line that otherwise stays (captions keep their sentences).
FRAGMENT_RULES: list[tuple[str, re.Pattern]] = [
    ("photo credit", re.compile(r"\s*\[(photo|image|picture)s?\b[^\]]{0,80}\]\s*\|?", re.I)),
    ("photo credit", re.compile(r"\s*\((photo|image|picture)s?\s*(by|:|/)[^)]{0,80}\)", re.I)),
    ("photo credit", re.compile(  # ALL-CAPS credits like "MA ZHAO / FOR CHINA DAILY" with PressReader's '??'
        r"^\s*(?=[A-Z.'’?\s/-]*[A-Z]\s+/\s+[A-Z])(?:(?:[A-Z][A-Z.'’-]+|/|\?\?)(?:\s+|$))+")),
    ("end marker", re.compile(r"(?:\bEnditem|\(END\)|\[END\])\s*$")),  # Xinhua and wire copy end markers
]
# The same for Chinese lines (only lines with Han characters are searched).
FRAGMENT_RULES_ZH: list[tuple[str, re.Pattern]] = [
    ("photo credit", re.compile(r"\s*[（(【\[]\s*(?:图片来源|圖片來源|图源|圖源|图片|圖片|摄影|攝影|图|圖)\s*[:：/｜|]"
                                r"[^）)】\]]{1,40}[）)】\]]")),
    ("photo credit", re.compile(r"\s*(?:新华社|新華社|中新社|人民网|人民日报|本报)?\s*(?:记者|記者|通讯员|通訊員)\s*"
                                r"[\u4e00-\u9fff·]{2,4}(?:\s*[、\s]\s*[\u4e00-\u9fff·]{2,4}){0,3}\s*[摄攝]\s*$")),
    ("credit line", re.compile(r"\s*[（(【\[]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編|审核|審核|校对|校對)\s*[:：]"
                               r"[^）)】\]]{1,40}[）)】\]]\s*$")),
]
OUTLET_BANNER_CHARS = 20  # a Chinese line this short outside the article that names an outlet is a masthead

# Markdown (web clippers): images, link targets, heading/list/emphasis marks.
MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]*\)")
MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(((?:https?://|/|#|mailto:)[^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_MARKS = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*)|^[*_]{1,2}|[*_]{1,2}$")
FRONT_KEY = re.compile(r"^([A-Za-z][\w -]{0,30}):\s*(.*)$")
FRONT_KEYS = {"title", "date", "published", "created", "updated", "author", "authors", "source", "url", "link",
              "tags", "categories", "description", "layout", "slug", "lang", "draft", "excerpt"}


@dataclass(frozen=True)
class Removal:
    """One removed line or fragment: 1-based line number, the removed text, the rule."""

    line_no: int
    text: str
    rule: str


def _words(line: str) -> int:
    return len(WORD.findall(line))


def is_prose(line: str) -> bool:
    """A long line that ends like a sentence: article text that no rule may remove.

    Chinese lines are measured in characters (`egov.lang.zh.lines.is_prose`).
    """
    if not line.isascii() and zh_lines.is_chinese(line):
        return zh_lines.is_prose(line)
    stripped = line.strip().rstrip("\"'”’)]*_| ")  # table rows end in "|": "| A cell ends here. | |"
    return _words(line) >= PROSE_WORDS and stripped[-1:] in ".!?:;…"


def _is_prompt(line: str) -> bool:
    """A line that opens as a prompt to the reader ("We use cookies ...", "Sign up now ...", "Copyright 2019 ...").

    Only its start counts: a paragraph that ends "... subscribe to our channel." is the article's.
    """
    start = line.strip()[:PROMPT_START]
    low = start.lower()
    return any(word in low for word in PROMPT_WORDS) and bool(PROMPT.search(start))


def _is_date_line(line: str) -> bool:
    """A short line that is mostly a date/time stamp ("Updated: June 4, 2019", "2016.09.05 Source: X").

    A date with a credit label ("2019-01-15 09:42 Ecns.cn Editor: Li Yan") is one too.
    """
    if not FULL_DATE.search(line) or _words(line) > 15:
        return False
    if re.search(r"\b(editor|source|author|reporter)\s*[:：]", line, re.I):
        return True
    if _words(line) > 12:
        return False
    rest = DATE_BITS.sub(" ", line)
    rest = re.sub(rf"\b({MONTHS}|updated?|published|posted|released|date|time|source|on|at|by|print|close)\b", " ",
                  rest, flags=re.I)
    return _words(rest) <= 4


def _is_language_menu(line: str) -> bool:
    """A language switcher: "English 中文", "ASIA 中文 双语 Français"."""
    if len(line) > 60:
        return False
    tokens = [t for t in re.split(r"[\s|/·•]+", line.lower()) if t]
    languages = sum(t in LANGUAGES for t in tokens)
    return len(tokens) <= 6 and languages >= 2 and 2 * languages >= len(tokens)


def _line_rule(line: str, zone: str, prose: bool) -> str | None:
    """The rule that removes this whole line, or None. `zone` is header, body or footer; `prose`: is_prose(line)."""
    text = line.strip()
    if not text:
        return None
    if prose:
        return "reader prompt" if zone != "body" and _is_prompt(text) else None
    for name, pattern in LINE_RULES:
        if pattern.search(text):
            return name
    if _is_language_menu(text):
        return "navigation"
    if not text.isascii() and zh_lines.is_chinese(text):
        return _chinese_rule(text, zone)
    if _is_date_line(text):
        return "date line"
    if zone == "body" or text.startswith("|"):  # table rows are content wherever they stand
        return None
    if _is_prompt(text):
        return "reader prompt"
    if _words(text) <= (8 if zone == "footer" else 6) and _names_outlet(text):
        return "outlet banner"
    if _words(text) <= 3 and not re.search(r"[.!?:;,]$", text) and not re.match(r"^\d+[.)]", text):
        # menu crumbs and section labels above the headline, outlet names below the text
        return f"{zone} fragment"
    return None


def _chinese_rule(text: str, zone: str) -> str | None:
    """The rule that removes a Chinese line that is not prose (egov.lang.zh.lines), or None."""
    if rule := zh_lines.furniture_rule(text, zone):
        return rule
    if zone != "body" and zh_lines.han_count(text) <= OUTLET_BANNER_CHARS and zh_is_masthead(text):
        return "outlet banner"
    return None


def _names_outlet(line: str) -> bool:
    return any_outlet().search(line) is not None


def _is_link_line(line: str) -> bool:
    """A headline-shaped line, as in a list of links to other articles."""
    return 0 < _words(line) <= LINK_LINE_WORDS and not is_prose(line) and not re.search(r"[.!?;:。！？；：]$", line)


HEAD_LINES = 30  # the header zone reaches at most this many non-empty lines into the text (long site menus)
TAIL_LINES = 12  # the footer zone, from the end of the text: longer lists that close an article stay


def _zones(lines: list[str], prose: list[bool]) -> tuple[int, int]:
    """Header = lines above the first article paragraph (at most the first HEAD_LINES non-empty lines);
    footer = lines below the last one (at most the last TAIL_LINES). Returns the bounds.

    Article paragraphs are prose lines (`prose[i]`) that are not prompts to the reader.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    paragraphs = [i for i in filled if prose[i] and not _is_prompt(lines[i])]
    if not paragraphs:
        return 0, len(lines) - 1
    head_end = min(paragraphs[0], filled[HEAD_LINES] if len(filled) > HEAD_LINES else len(lines))
    tail_start = max(paragraphs[-1], filled[-TAIL_LINES - 1] if len(filled) > TAIL_LINES else -1)
    return head_end, tail_start


def front_matter(raw: str) -> tuple[dict[str, str], int]:
    """The YAML front matter at the top of a text (Jekyll, Hugo, web clippers): (fields, lines it spans).

    Only simple "key: value" fields are read (keys lower-cased, quotes dropped); ({}, 0) without one.
    Example: front_matter("---\\ntitle: A\\n---\\nText")[0] == {"title": "A"}
    """
    lines = raw.split("\n", 60)
    if not lines or lines[0].strip() != "---":
        return {}, 0
    end = next((i for i in range(1, min(len(lines), 60)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, 0
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        m = FRONT_KEY.match(line)
        if m is None and line.strip() and not line.startswith((" ", "\t", "-")):
            return {}, 0  # not YAML: a text that merely starts with a rule
        if m:
            fields[m[1].strip().lower()] = m[2].strip().strip("\"'")
    if not FRONT_KEYS & set(fields):  # "---" rules around "BEIJING: ..." are not front matter
        return {}, 0
    return {k: v for k, v in fields.items() if v}, end + 1


def _unmark(line: str, i: int, removed: list[Removal]) -> str:
    """Markdown line as plain text: images and link targets go (recorded), marks are dropped."""
    for m in MD_IMAGE.finditer(line):
        removed.append(Removal(i + 1, m.group(0), "image"))
    line = MD_IMAGE.sub("", line)
    for m in MD_LINK.finditer(line):
        removed.append(Removal(i + 1, m.group(2), "link target"))
    line = MD_LINK.sub(r"\1", line)
    return MD_MARKS.sub("", MD_MARKS.sub("", line.strip())).strip()


def clean_text(raw: str, markdown: bool = False) -> tuple[str, list[Removal]]:
    """Remove boilerplate lines and fragments; return (clean text, removals).

    Paragraphs in the result are separated by one "\\n". With markdown=True, images,
    link targets and heading/list/emphasis marks go too. YAML front matter always goes.
    Example: clean_text("Home | News | World | Sport\\nThe State Council said ...")
    """
    lines = raw.split("\n")
    removed: list[Removal] = []
    _, n_front = front_matter(raw)
    removed += [Removal(i + 1, lines[i].strip(), "front matter") for i in range(n_front) if lines[i].strip()]
    lines = [""] * n_front + lines[n_front:]
    if markdown:
        lines = [_unmark(line, i, removed) if line.strip() else line for i, line in enumerate(lines)]
    prose = [is_prose(line) for line in lines]
    first, last = _zones(lines, prose)
    kept: list[str] = []
    seen: set[str] = set()
    related = 0  # link lines still expected under a "Related stories" heading
    for i, line in enumerate(lines):
        zone = "header" if i < first else "footer" if i > last else "body"
        text = line.strip()
        if RELATED_HEADING.match(text) or (not text.isascii() and zh_lines.RELATED_HEADING.match(text)):
            removed.append(Removal(i + 1, text, "navigation"))
            related = RELATED_MAX + 1  # counts down to 1 over RELATED_MAX link lines
            continue
        rule = _line_rule(line, zone, prose[i])
        if related and text and not rule:
            related = related - 1 if _is_link_line(text) else 0
            rule = "related links" if related else None
        if rule:
            removed.append(Removal(i + 1, text, rule))
            continue
        chinese = not line.isascii() and zh_lines.HAN.search(line)
        fragment_rules = FRAGMENT_RULES + FRAGMENT_RULES_ZH if chinese else FRAGMENT_RULES
        for name, pattern in fragment_rules:
            match = pattern.search(line)
            if match and match.group(0).strip():
                removed.append(Removal(i + 1, match.group(0).strip(), name))
                line = (line[: match.start()] + " " + line[match.end():]).strip()
        text = re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip()
        if not text:
            continue
        key = text.lower()
        if key in seen and (_words(text) >= 8 or (chinese and zh_lines.han_count(text) >= 12)):
            removed.append(Removal(i + 1, text, "repeated line"))
            continue
        seen.add(key)
        kept.append(text)
    return "\n".join(kept), sorted(removed, key=lambda r: r.line_no)
