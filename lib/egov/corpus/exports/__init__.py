"""Read news-database exports: many articles per file, each with the database's own metadata.

`detect_export(path, head)` tells by content (not only by extension) whether a file is a
Nexis Uni DOCX, a legacy LexisNexis text export, a Factiva "Full Article/Report plus
Indexing" HTML page or a ProQuest plain-text export; `read_export(path)` returns one
`ExportDoc` per document the export announces (a broken one carries its `problem`) and the
problems of the file as a whole. Marker-driven, like LexisNexisTools' `lnt_read` and
tm.plugin.factiva's `readFactivaHTML`: documents are found by their start/end markers and
metadata by labelled fields, and what cannot be parsed is reported, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

__all__ = ["ExportDoc", "detect_export", "read_export", "EXPORT_SUFFIXES", "DATABASE_NAMES"]

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

_LN_START = re.compile(r"^\s*\d+ of \d+ DOCUMENTS?\s*$", re.M)
_PQ_RULE = re.compile(r"^_{40,}\s*$", re.M)
_PQ_FIELD = re.compile(r"^(ProQuest document ID|Publication title|Full text|Document URL):", re.M)
_FACTIVA_DIV = re.compile(r"""class=["']article\s+\w*Article["']""")
_FACTIVA_FIELD = re.compile(r">\s*(HD|PD|AN|SN|WC)\s*(?:&nbsp;|\u00a0)?\s*</b>")


@dataclass
class ExportDoc:
    """One document of an export: the database's metadata, the body text, or why it is unreadable.

    `date` is ISO (YYYY-MM-DD) from the database's own date field, "" when it has none.
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


def detect_export(path: str | Path, head: bytes | str) -> str | None:
    """The export format of a file from its first bytes: nexis_docx, lexisnexis_txt, factiva_html,
    proquest_txt, or None for an ordinary article file.

    Example: detect_export("a.txt", "\\n   1 of 25 DOCUMENTS\\n") -> "lexisnexis_txt"
    """
    if isinstance(head, bytes):
        if head.startswith(b"PK\x03\x04"):
            return "nexis_docx" if b"word/" in head[:4000] and _nexis_docx_hint(path) else None
        head = head[:HEAD_BYTES].decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff")
    if _LN_START.search(head):
        return "lexisnexis_txt"
    if _PQ_RULE.search(head) and ("ProQuest" in head or _PQ_FIELD.search(head)):
        return "proquest_txt"
    if "<" in head and (_FACTIVA_DIV.search(head) or ("Factiva" in head and _FACTIVA_FIELD.search(head))):
        return "factiva_html"
    return None


def _nexis_docx_hint(path: str | Path) -> bool:
    """A Word file is read as a Nexis Uni export when its text has Nexis Uni's markers."""
    from egov.corpus.exports.nexis_docx import docx_paragraphs

    paragraphs, _ = docx_paragraphs(Path(path).read_bytes())
    text = "\n".join(paragraphs[:400])
    return "End of Document" in text or bool(re.search(r"^Documents \(\d+\)$|^Job Number:", text, re.M))


def read_export(path: str | Path, fmt: str | None = None) -> tuple[list[ExportDoc], list[str]]:
    """Every document of an export file (broken ones with their `problem`) and the file's own problems.

    Raises ValueError naming the file when it is not an export of a known format.
    Example: docs, problems = read_export("tests/data/exports/factiva_egov.html")
    """
    path = Path(path)
    data = path.read_bytes()
    fmt = fmt or detect_export(path, data[:HEAD_BYTES])
    if fmt is None:
        raise ValueError(f"{path}: not a Nexis Uni, LexisNexis, Factiva or ProQuest export")
    if fmt == "nexis_docx":
        from egov.corpus.exports.nexis_docx import read_nexis_docx as reader
        docs, problems = reader(data)
        encoding = "docx"
    else:
        from egov.corpus.readers import decode_bytes

        decoded = decode_bytes(data)
        if decoded.problem:
            return [], [decoded.problem]
        if fmt == "lexisnexis_txt":
            from egov.corpus.exports.lexisnexis import read_lexisnexis_txt as reader
        elif fmt == "factiva_html":
            from egov.corpus.exports.factiva import read_factiva_html as reader
        else:
            from egov.corpus.exports.proquest import read_proquest_txt as reader
        docs, problems = reader(decoded.text)
        encoding = decoded.encoding
    for doc in docs:
        doc.database, doc.encoding = FORMATS[fmt], encoding
    return docs, problems


# --- helpers shared by the readers -----------------------------------------------------------

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


def words_reported(value: str) -> int | None:
    """The number in a length field ("1,234 words", "512 words") or None."""
    m = re.search(r"\d[\d,.\u00a0 ]*", value or "")
    return int(re.sub(r"\D", "", m.group())) if m else None


def paragraphs_text(paragraphs: list[str]) -> str:
    """Body paragraphs as one text, a paragraph per line, inner whitespace collapsed."""
    return "\n".join(p for p in (" ".join(x.split()) for x in paragraphs) if p)


COPYRIGHT = re.compile(r"^\s*(copyright\b|©|\(c\)\s*\d{4}|all rights reserved)", re.I)
