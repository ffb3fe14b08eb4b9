"""Publication dates of news articles from their plain text or date strings.

A wrong date is worse than none: nothing here invents a year, falls back to
today's date, or accepts a year outside 1990-2100.  Dates from the page's own
date line ("Updated: June 4, 2019", "BEIJING, Nov. 6, 2022 /PRNewswire/ --")
are preferred; dates of events mentioned in the body are not used unless the
caller asks for them.  For raw HTML see `egov.corpus.dates_html.date_from_html`
(re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

import pandas as pd

from egov.lang.zh import dates as zh_dates

MIN_YEAR, MAX_YEAR = 1990, 2100  # fixed bounds, never today's date
HEAD_LINES, TOP_LINES, TAIL_LINES = 40, 15, 10


@dataclass(frozen=True)
class DateFound:
    """A publication date with its precision and the text that justifies it."""

    date: pd.Timestamp | None  # None when no trustworthy date
    precision: str  # "day", "month", "year" or "" when none
    evidence: str  # matched text, or the reason there is no date


@dataclass(frozen=True)
class _Match:
    """One date found in a string: its parts, position and matched text."""

    year: int
    month: int
    day: int | None  # None for "November 2022"
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[int, int, int | None]:
        return (self.year, self.month, self.day)


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_NOT_DIGIT_BEFORE, _NOT_DIGIT_AFTER = r"(?<![\d])", r"(?![\d])"
# Copied pages glue the time to the year ("March 7, 20235:39 PM GMT+8"); a year has four digits.
_YEAR_END = r"(?:(?![\d])|(?=[0-2]?\d:[0-5]\d))"

# A month name starts a word, or is glued to a lower-case word ("readNov 5, 2018").
_MON_START = r"(?:\b|(?<=[a-z])(?=(?-i:[A-Z])))"

# Order matters: earlier patterns win where matches overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(_NOT_DIGIT_BEFORE + _YEAR + r"(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
                       + _NOT_DIGIT_AFTER)),
    ("zh", re.compile(_YEAR + r"\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")),
    # "Nov 5, 2018", "January-14-2011", and "2 min readNov 5, 2018" (a month glued to a lower-case word)
    ("mdy", re.compile(_MON_START + _MON + r"(?:\s*|-)" + _DAY + r"(?:\s*,?\s*|-)" + _YEAR + _YEAR_END, re.I)),
    # "4 June 2019", "31. October, 2023", "16-Dec-2021"
    ("dmy", re.compile(r"(?<![\d.])" + _DAY + r"\.?(?:\s*|-)(?:of\s+)?" + _MON + r"(?:,?\s*|-)" + _YEAR
                       + _YEAR_END, re.I)),
    ("num", re.compile(r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR
                       + r"(?![\d]|[-/.]\d)")),
    ("my", re.compile(r"\b" + _MON + r",?\s+" + _YEAR + _NOT_DIGIT_AFTER, re.I)),
]
_HAS_YEAR = re.compile(r"(?:19|20|21)\d\d")  # cheap pre-filter: every dated pattern has a year
_YEARLESS = re.compile(r"\b" + _MON + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", re.I)
_COPYRIGHT = re.compile(r"©|&copy;|\(c\)\s*\d|\bcopyright\b|all rights reserved", re.I)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|released|written|created|date|dated|issued|first\s+published|publish(?:ed)?\s+on|"
    r"publication\s+date)\b\s*(?:on|at)?\s*[:：]?", re.I)
# No leading \b: scraped text glues labels to site names ("China.org.cnUpdated: June 4, 2019").
_UPDATED_LABEL = re.compile(r"(?:updated|update|modified|edited|revised)\b", re.I)
_SOURCE_LABEL = re.compile(r"\b(?:source|author|by|editor|from)\b\s*[:：|]|\||^\W{0,3}by\b", re.I)
# "CHONGQING, China, November 6, 2022 /PRNewswire/ --", "BEIJING, Jan. 5 (Xinhua) --"
_DATELINE_AFTER = re.compile(r"^\s*(?:/[^/]{2,30}/|\((?:xinhua|reuters|ap|afp|upi|[A-Z][\w .]{1,20})\)|--|—|–)",
                             re.I)
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*){0,2},?\s*$")
_WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?,?",
                      re.I)
_TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*)?", re.I)

_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)

# A plain date under the headline is the publication date more often than an "Updated" line.
# A Chinese headline with its date glued on ("glued") ranks below them: lists of related links look the same.
_RANK = {"published": 5, "dateline": 4, "short": 3, "updated": 2, "glued": 1, "body": 0}


# ---------------------------------------------------------------- matching


def _valid(year: int, month: int, day: int | None) -> bool:
    """True when the parts form a real calendar date inside the fixed bounds."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return False
    try:
        _date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _parts(kind: str, m: re.Match[str], dmy_order: bool | None) -> tuple[int, int, int | None] | None:
    """(year, month, day) of one regex match, or None when invalid or ambiguous."""
    g = m.groupdict()
    year = int(g["year"])
    if kind in ("ymd", "zh"):
        return year, int(g["m"]), int(g["d"])
    if kind in ("mdy", "dmy"):
        return year, _MONTHS[g["mon"].lower()], int(g["day"])
    if kind == "my":
        return year, _MONTHS[g["mon"].lower()], None
    a, b = int(g["a"]), int(g["b"])
    if a > 12 or (g["sep"] == "." and b <= 12):  # 25/06/2019, and dotted dates are day-first (10.18.2019 cannot be)
        dmy = True
    elif b > 12:
        dmy = False
    elif a == b:
        dmy = True
    elif dmy_order is None:
        return None  # 04/06/2019: April 6 or 4 June? Refuse.
    else:
        dmy = dmy_order
    return (year, b, a) if dmy else (year, a, b)


def _numeric_order(text: str) -> bool | None:
    """Day-first (True), month-first (False) or unknown (None) from unambiguous numeric dates."""
    orders = set()
    for m in _PATTERNS[4][1].finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            orders.add(True)
        elif b > 12 >= a:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def find_dates(s: str, dmy_order: bool | None = None) -> list[_Match]:
    """All valid, non-overlapping dates in `s`, in order.

    Returns a list of matches; e.g. find_dates("Updated: 2019-06-04")[0].key == (2019, 6, 4).
    """
    if not _HAS_YEAR.search(s):
        return []
    taken: list[tuple[int, int]] = []
    found: list[_Match] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(s):
            if any(m.start() < e and s0 < m.end() for s0, e in taken):
                continue
            parts = _parts(kind, m, dmy_order)
            taken.append((m.start(), m.end()))  # even invalid ones block weaker patterns
            if parts and _valid(*parts):
                found.append(_Match(*parts, m.start(), m.end(), m.group(0).strip()))
    return sorted(found, key=lambda x: x.start)


def _timestamp(m: _Match) -> pd.Timestamp:
    return pd.Timestamp(m.year, m.month, m.day or 1)


def _found(m: _Match, evidence: str) -> DateFound:
    return DateFound(_timestamp(m), "day" if m.day else "month", evidence)


def _none(reason: str) -> DateFound:
    return DateFound(None, "", reason)


# ---------------------------------------------------------------- one string

_YEAR_ONLY = re.compile(r"^\s*(?:\(?\s*)" + _YEAR + r"\s*\)?\s*$")
_YEAR_MONTH = re.compile(r"^\s*" + _YEAR + r"\s*(?:[-/.]|年)\s*(?P<m>[01]?\d)\s*月?\s*$")
_COMPACT = re.compile(r"^\s*" + _YEAR + r"(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[T ]?\d{2}:?\d{2}.*)?\s*$")


def parse_date_string(s: str) -> DateFound:
    """Parse one date string, such as a metadata field, without guessing missing parts.

    Returns a DateFound with precision "day", "month" or "year";
    e.g. parse_date_string("June 2019") -> DateFound(Timestamp("2019-06-01"), "month", "June 2019").
    """
    s = (s or "").strip()
    if not s:
        return _none("empty date string")
    s = zh_dates.normalize(s)  # full-width digits, Chinese numerals, spaced digits (2021- 06- 11)
    if m := _YEAR_ONLY.match(s):
        year = int(m["year"])
        if _valid(year, 1, 1):
            return DateFound(pd.Timestamp(year, 1, 1), "year", s)
        return _none(f"year out of range {MIN_YEAR}-{MAX_YEAR}: {s!r}")
    if (m := _YEAR_MONTH.match(s)) and _valid(int(m["year"]), int(m["m"]), None):
        return DateFound(pd.Timestamp(int(m["year"]), int(m["m"]), 1), "month", s)
    if (m := _COMPACT.match(s)) and _valid(int(m["year"]), int(m["m"]), int(m["d"])):
        return DateFound(pd.Timestamp(int(m["year"]), int(m["m"]), int(m["d"])), "day", s)
    matches = find_dates(s)
    if not matches:
        return _none(_why_no_date(s))
    first = matches[0]
    if any(x.key != first.key for x in matches[1:]):
        return _none(f"several different dates in {s!r}")
    return _found(first, first.text)


def _why_no_date(s: str) -> str:
    """A short reason why `s` holds no usable date."""
    short = s if len(s) <= 60 else s[:57] + "..."
    if m := _YEARLESS.search(s):
        return f'"{m.group(0)}" has no year'
    if not s.isascii() and (zh := zh_dates.yearless(s)):
        return f'"{zh}" has no year'
    if _PATTERNS[4][1].search(s):
        return f"ambiguous day/month order in {short!r}"
    if any(not MIN_YEAR <= int(y) <= MAX_YEAR for y in re.findall(r"(?<!\d)[12]\d{3}(?!\d)", s)):
        return f"year outside {MIN_YEAR}-{MAX_YEAR} in {short!r}"
    return f"no date found in {short!r}"


# ---------------------------------------------------------------- article text


@dataclass(frozen=True)
class _Candidate:
    match: _Match
    rank: int  # see _RANK
    line_no: int
    line: str


def _line_kind(line: str, m: _Match, others: list[_Match]) -> str:
    """Classify the role of a date inside its line: published, dateline, updated, short or body."""
    before, after = line[: m.start], line[m.end:]
    for o in others:  # the other dates on the line do not make it prose
        after = after.replace(o.text, " ") if o.start > m.start else after
        before = before.replace(o.text, " ") if o.start < m.start else before
    rest = _TIME.sub("", _WEEKDAY.sub("", before + " " + after))
    rest = _URL.sub(" ", rest)  # "http://www.site.com    2/23/2012 10:53:00 AM" is a page line
    rest = re.sub(r"[\s|/·•,:;()\[\]–—-]+", " ", rest).strip()
    near_before = before[-40:]
    # The label closest to the date wins: "Last updated 04 Jun 2020, originally created 17 Jun 2019".
    published = [x.end() for x in _PUBLISHED_LABEL.finditer(near_before)]
    updated = [x.end() for x in _UPDATED_LABEL.finditer(near_before)]
    if (published or updated) and len(rest) <= 120:  # in prose, "released on June 4" is an event
        return "published" if max(published, default=-1) > max(updated, default=-1) else "updated"
    if _DATELINE_AFTER.match(after) or (_DATELINE_BEFORE.match(before) and len(before) < 60):
        return "dateline"
    if len(rest) <= 25 or (_SOURCE_LABEL.search(line) and len(rest) <= 90):
        return "short"  # the line is (almost) only a date, or a byline/source line
    return "body"


def _candidates(lines: list[tuple[int, str]], dmy_order: bool | None) -> list[_Candidate]:
    """Date candidates of the given (line number, line) pairs, skipping copyright lines."""
    out = []
    for no, line in lines:
        if len(line) > 2000 or _COPYRIGHT.search(line):
            continue
        original, line = line, zh_dates.normalize(line)  # Chinese lines: ASCII digits, their own labels
        shown = original.replace("\u3000", " ") if len(original) == len(line) else line  # the page as written
        chinese = zh_dates.is_chinese(line)
        if chinese and zh_dates.ignored(line):
            continue
        found = find_dates(line, dmy_order)
        for m in found:
            kind = zh_dates.role(line, m.start, m.end) if chinese else _line_kind(line, m, found)
            out.append(_Candidate(m, _RANK[kind], no, shown))
    return out


def _quote(c: _Candidate) -> str:
    """The words of the line around a candidate's date, for evidence."""
    lo, hi = max(0, c.match.start - 40), min(len(c.line), c.match.end + 25)
    if lo > 0 and " " in c.line[lo: c.match.start]:
        lo = c.line.index(" ", lo) + 1
    if hi < len(c.line) and " " in c.line[c.match.end: hi]:
        hi = c.line.rindex(" ", c.match.end, hi)
    return c.line[lo:hi].strip()


_ROLE = {rank: role for role, rank in _RANK.items()}


def _choose(cands: list[_Candidate]) -> tuple[DateFound, str] | None:
    """(date, role) of the best-ranked date line, a refusal when date lines disagree, None without any."""
    lines = [c for c in cands if c.rank > 0]
    if not lines:
        return None
    best = max(c.rank for c in lines)
    top = [c for c in lines if c.rank == best]
    days = {(c.match.year, c.match.month) for c in top if c.match.day}
    top = [c for c in top if c.match.day or (c.match.year, c.match.month) not in days]  # "June 2019" + "June 4, 2019"
    if len({c.match.key for c in top}) > 1:
        # Labelled lines and datelines: the first one near the top is the article's own; otherwise refuse.
        if best < _RANK["dateline"] or top[0].line_no >= TOP_LINES:
            shown = ", ".join(sorted({f'"{c.match.text}"' for c in top})[:3])
            return _none(f"conflicting date lines: {shown}"), ""
    return _found(top[0].match, _quote(top[0])), _ROLE[best]


def _yearless_reason(lines: list[tuple[int, str]]) -> str:
    """Why there is no date, mentioning a year-less date such as "Nov 19" when present."""
    for _, line in lines:
        if m := _YEARLESS.search(line):
            return f'no date with a year in the text; "{m.group(0).strip()}" has no year'
        if not line.isascii() and (zh := zh_dates.yearless(line)):
            return f'no date with a year in the text; "{zh}" has no year'
    return "no date in the text"


def text_date(text: str, body_dates: bool = False) -> tuple[DateFound, str]:
    """date_from_text with the role of the line the date came from.

    Returns (DateFound, role), role one of "published", "dateline", "short", "updated",
    "body" or "" without a date; e.g. text_date("Posted on 2019-06-04")[1] == "published".
    """
    lines = list(enumerate(ln for ln in (text or "").splitlines() if ln.strip()))
    head, tail = lines[:HEAD_LINES], lines[HEAD_LINES:][-TAIL_LINES:]
    order = _numeric_order("\n".join(ln for _, ln in head + tail if _HAS_YEAR.search(ln)))
    cands = _candidates(head, order)
    # A date line near the top is the page's own; later head lines only if none there.
    result = _choose([c for c in cands if c.line_no < TOP_LINES]) or _choose(cands)
    if result is None:
        labelled = (_RANK["published"], _RANK["updated"])
        result = _choose([c for c in _candidates(tail, order) if c.rank in labelled])
    if result is not None:
        return result
    body = [c for c in cands if c.match.day]
    if not body:
        return _none(_yearless_reason(head)), ""
    first = body[0].match
    if body_dates and len({c.match.key for c in body}) == 1:
        return _found(first, f'body date, no date line: "{first.text}"'), "body"
    return _none(f'no date line; body mentions "{first.text}" (an event date, not used)'), ""


def date_from_text(text: str, body_dates: bool = False) -> DateFound:
    """Publication date of an article from its plain text.

    Looks closely at the first ~40 and last ~10 lines for date lines (labelled,
    datelines, bylines, lines that are only a date); returns DateFound(None, "", reason)
    when there is none. With body_dates=True a single date mentioned in the body
    is used as a last resort (evidence starts with "body date").
    E.g. date_from_text("China.org.cnUpdated:  June 4, 2019").date == Timestamp("2019-06-04").
    """
    return text_date(text, body_dates)[0]


def date_lines(lines: list[str]) -> list[tuple[pd.Timestamp, str]]:
    """(date, role) of every day-precision date in the given lines, copyright lines skipped.

    E.g. date_lines(["Posted on 2019-06-04"]) == [(Timestamp("2019-06-04"), "published")].
    """
    cands = _candidates(list(enumerate(lines)), _numeric_order("\n".join(ln for ln in lines if _HAS_YEAR.search(ln))))
    return [(_timestamp(c.match), _ROLE[c.rank]) for c in cands if c.match.day]
