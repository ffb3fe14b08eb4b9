"""What the export readers share: the document record, dates, language codes, length fields."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

EXPORT_SUFFIXES = {".docx", ".txt", ".text", ".html", ".htm"}
HEAD_BYTES = 20_000  # enough of a file to recognise an export by its cover page or first record
# Which database each format comes from (LexisNexis and Nexis Uni are one database, "nexis").
FORMATS = {"nexis_docx": "nexis", "lexisnexis_txt": "nexis", "factiva_html": "factiva", "proquest_txt": "proquest"}
DATABASE_NAMES = {"nexis_docx": "Nexis Uni DOCX", "lexisnexis_txt": "LexisNexis text", "factiva_html": "Factiva HTML",
                  "proquest_txt": "ProQuest text"}
LANGUAGE_CODES = {"english": "en", "chinese": "zh", "chinese-simplified": "zh", "chinese-traditional": "zh",
                  "simplified chinese": "zh", "traditional chinese": "zh", "中文": "zh", "german": "de",
                  "french": "fr", "spanish": "es", "japanese": "ja", "korean": "ko"}
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september october "
                                      "november december").split(), start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9


@dataclass
class ExportDoc:
    """One document of an export: the database's metadata, the body text, or why it is unreadable.

    `date` is ISO (YYYY-MM-DD) from the database's own date field, "July 2019" when it gives only
    a month, "" when it has none.
    `problem` non-empty: the document cannot be loaded (cut off, markers missing, no text).
    `warning`: it loads, but something the database normally gives is missing.
    """

    number: int
    title: str = ""
    source: str = ""
    date: str = ""
    date_field: str = ""  # the raw date field, for the load report's evidence
    byline: str = ""
    section: str = ""
    n_words_reported: int | None = None
    language: str = ""
    database: str = ""
    database_id: str = ""
    text: str = ""
    problem: str = ""
    warning: str = ""
    encoding: str = ""  # how the export file was read (utf-8, utf-8-sig, ... or "docx")


def language_code(name: str) -> str:
    """ISO 639-1 code of a database's language field ("ENGLISH", "Chinese-Simplified" -> "en", "zh")."""
    key = name.strip().lower()
    return LANGUAGE_CODES.get(key, LANGUAGE_CODES.get(key.split()[0] if key else "", key))


def iso_date(year: str | int, month: str | int, day: str | int) -> str:
    """YYYY-MM-DD from parts (a month name or number); "" when the parts are not a real date."""
    try:
        m = month if isinstance(month, int) else int(month) if str(month).isdigit() else MONTHS[str(month).lower().rstrip(".")]
        return date(int(year), m, int(day)).isoformat()
    except (KeyError, ValueError):
        return ""


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
LINE_DATE = re.compile(rf"^(?:{_WEEKDAY},? )?(?:(?P<mon>[A-Z][a-z]+)\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
                       rf"|(?P<day2>\d{{1,2}}) (?P<mon2>[A-Z][a-z]+)\.? (?P<year2>\d{{4}}))\b")


def line_date(line: str, max_rest: int = 40) -> str:
    """ISO date of a date line ("July 1, 2019 Monday 9:20 AM GMT", "1 July 2019 Monday", "Monday, July 1, 2019"),
    "" when the line does not start with a date or goes on for more than `max_rest` characters after it."""
    m = LINE_DATE.match(line.strip())
    if not m or len(line.strip()) - m.end() > max_rest:
        return ""
    if m.group("mon"):
        return iso_date(m.group("year"), m.group("mon"), m.group("day"))
    return iso_date(m.group("year2"), m.group("mon2"), m.group("day2"))


MONTH_YEAR = re.compile(r"^(?P<mon>[A-Z][a-z]+)\.? (?P<year>\d{4})$")


def month_year(line: str) -> str:
    """"July 2019" when a line is a month and year only (a monthly's date), else "" (the loader
    then dates the article to the month, not the day)."""
    m = MONTH_YEAR.match(line.strip())
    return f"{m.group('mon')} {m.group('year')}" if m and m.group("mon").lower().rstrip(".") in MONTHS else ""


def words_reported(value: str) -> int | None:
    """The number in a length field ("1,234 words", "512 words") or None."""
    m = re.search(r"\d[\d,.\u00a0 ]*", value or "")
    return int(re.sub(r"\D", "", m.group())) if m else None


def paragraphs_text(paragraphs: list[str]) -> str:
    """Body paragraphs as one text, a paragraph per line, inner whitespace collapsed."""
    return "\n".join(p for p in (" ".join(x.split()) for x in paragraphs) if p)


COPYRIGHT = re.compile(r"^\s*(copyright\b|©|\(c\)\s*\d{4}|all rights reserved)", re.I)


def doc_sort_key(path: str) -> str:
    """Sort key of a load-report path: an export's documents in their order (#doc=2 before #doc=10)."""
    head, sep, number = path.rpartition("#doc=")
    return f"{head}#doc={int(number):09d}" if sep and number.isdigit() else path
