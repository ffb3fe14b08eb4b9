"""Boilerplate cleaning by named rules, with every removal recorded.

`clean_text` returns the article text and an audit: one row per removed line or
fragment (line number, what was removed, the rule that removed it). Rules only touch
page furniture: navigation, share/print links, bylines, date lines, photo credits,
copyright and outlet banners, pagination, and lines repeated within one article.
Article sentences (long lines that read as prose) are never removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PROSE_WORDS = 12  # a line this long that ends like a sentence is article prose, never removed
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_BITS = re.compile(
    rf"\b\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b|\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b|\b\d{{4}}\b|\b(?:gmt|utc|bjt|cst|am|pm)\b|\+\d{{4}}\b",
    re.I,
)
FULL_DATE = re.compile(
    rf"\b\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\b|\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b", re.I)
WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u4e00-\u9fff]+(?:['’-][A-Za-z]+)*")

# Whole-line rules: (rule name, pattern). Checked on lines that are not prose.
LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("share/print links", re.compile(
        r"^[\s\[\](|•·-]*(share|print|close|e-?mail|tweet|facebook|twitter|weibo|wechat|linkedin|whatsapp|"
        r"reddit|copy link|font size|save|comment|comments|like)\b[\s\w\[\]|•·:()-]{0,80}$", re.I)),
    ("share/print links", re.compile(r"\[\s*(print|close|share|e-?mail)\s*\]", re.I)),
    ("copyright", re.compile(r"(^|\s)(©|\(c\)|copyright\b)|all rights reserved|reproduction .{0,30}prohibited", re.I)),
    ("pagination", re.compile(r"^[\s<>«»‹›|.…\d]*(prev(ious)?|next|page|more)?[\s<>«»‹›|.…\d]*$", re.I)),
    ("navigation", re.compile(
        r"^(home|back to top|top|skip to (main )?content|menu|search|log ?in|sign ?in|sign up|subscribe\b.*|"
        r"register|advertisement|sponsored|related( (articles|stories|news))?|read more|more from\b.*|"
        r"more( news| stories)?|you may also like|recommended|most (read|popular|viewed)|trending|"
        r"newspapers (in|from)\b.*|click here\b.*|follow us\b.*|download (the|our) app\b.*|editor'?s? ?(pick|note)?:?.*|"
        r"source:\s*\S.*|editor:\s*\S.*|(reporter|writer|author|translator|photographer):\s*\S.*|"
        r"keywords?:.*|tags?:.*)$", re.I)),
    ("navigation", re.compile(r"^([^|]{1,30}\|){3,}[^|]{0,30}$")),  # menus: Home | News | World | ...
    ("byline", re.compile(r"^[-–—•\s]*(?i:by)\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,4}(\s*(\||,|and|in)\s*[^.!?]{0,60})?$")),
    ("byline", re.compile(r"^[-–—•\s]*by\s+.{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+\s*$", re.I)),
    ("source line", re.compile(r"^source:?\s+[\w .,&()-]{1,60}$", re.I)),
    ("photo credit", re.compile(r"^[\[(]?\s*(photo|image|picture|file photo|video)\b.{0,60}[\])]?\s*$", re.I)),
]

# Fragments removed from inside a line that otherwise stays (captions keep their sentences).
FRAGMENT_RULES: list[tuple[str, re.Pattern]] = [
    ("photo credit", re.compile(r"\s*\[(photo|image|picture)s?\b[^\]]{0,80}\]\s*\|?", re.I)),
    ("photo credit", re.compile(r"\s*\((photo|image|picture)s?\s*(by|:|/)[^)]{0,80}\)", re.I)),
    ("photo credit", re.compile(  # ALL-CAPS credits like "MA ZHAO / FOR CHINA DAILY" with PressReader's '??'
        r"^\s*(?=[A-Z.'’?\s/-]*[A-Z]\s+/\s+[A-Z])(?:(?:[A-Z][A-Z.'’-]+|/|\?\?)(?:\s+|$))+")),
]


@dataclass(frozen=True)
class Removal:
    """One removed line or fragment: 1-based line number, the removed text, the rule."""

    line_no: int
    text: str
    rule: str


def _words(line: str) -> int:
    return len(WORD.findall(line))


def is_prose(line: str) -> bool:
    """A long line that ends like a sentence: article text that no rule may remove."""
    stripped = line.strip().rstrip("\"'”’)]")
    return _words(line) >= PROSE_WORDS and stripped[-1:] in ".!?:;…"


def _is_date_line(line: str) -> bool:
    """A short line that is mostly a date/time stamp ("Updated: June 4, 2019", "2016.09.05 Source: X")."""
    if not FULL_DATE.search(line) or _words(line) > 12:
        return False
    rest = DATE_BITS.sub(" ", line)
    rest = re.sub(rf"\b({MONTHS}|updated?|published|posted|released|date|time|source|on|at|by|print|close)\b", " ",
                  rest, flags=re.I)
    return _words(rest) <= 4


def _line_rule(line: str, zone: str) -> str | None:
    """The rule that removes this whole line, or None. `zone` is header, body or footer."""
    text = line.strip()
    if not text or is_prose(text):
        return None
    for name, pattern in LINE_RULES:
        if pattern.search(text):
            return name
    if _is_date_line(text):
        return "date line"
    if zone != "body" and _words(text) <= 6 and _names_outlet(text):
        return "outlet banner"
    if zone != "body" and _words(text) <= 3 and not re.search(r"[.!?:;,]$", text) and not re.match(r"^\d+[.)]", text):
        # menu crumbs and section labels above the headline, outlet names below the text
        return f"{zone} fragment"
    return None


def _names_outlet(line: str) -> bool:
    from egov.sources import outlet_patterns  # sources uses is_prose from here

    return any(p.search(line) for _, p in outlet_patterns())


EDGE_LINES = 8  # header and footer zones reach at most this many non-empty lines into the text


def _zones(lines: list[str]) -> tuple[int, int]:
    """Header = lines above the first prose line (at most the first EDGE_LINES non-empty lines);
    footer = lines below the last prose line (at most the last EDGE_LINES). Returns the bounds."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    prose = [i for i in filled if is_prose(lines[i])]
    if not prose:
        return 0, len(lines) - 1
    head_end = min(prose[0], filled[EDGE_LINES] if len(filled) > EDGE_LINES else len(lines))
    tail_start = max(prose[-1], filled[-EDGE_LINES - 1] if len(filled) > EDGE_LINES else -1)
    return head_end, tail_start


def clean_text(raw: str) -> tuple[str, list[Removal]]:
    """Remove boilerplate lines and fragments; return (clean text, removals).

    Paragraphs in the result are separated by one "\\n".
    Example: clean_text("Home | News | World | Sport\\nThe State Council said ...")
    """
    lines = raw.split("\n")
    first, last = _zones(lines)
    kept: list[str] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        zone = "header" if i < first else "footer" if i > last else "body"
        rule = _line_rule(line, zone)
        if rule:
            removed.append(Removal(i + 1, line.strip(), rule))
            continue
        for name, pattern in FRAGMENT_RULES:
            match = pattern.search(line)
            if match and match.group(0).strip():
                removed.append(Removal(i + 1, match.group(0).strip(), name))
                line = (line[: match.start()] + " " + line[match.end():]).strip()
        text = re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip()
        if not text:
            continue
        key = text.lower()
        if key in seen and _words(text) >= 8:
            removed.append(Removal(i + 1, text, "repeated line"))
            continue
        seen.add(key)
        kept.append(text)
    return "\n".join(kept), removed
