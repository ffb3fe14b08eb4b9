"""Legacy LexisNexis (nexis.com) text exports: documents start with "N of M DOCUMENTS".

After the start line (as LexisNexisTools' lnt_read reads them): maybe a copyright line, the
publication, the date line ("July 1, 2019 Monday 9:20 AM GMT"), maybe an edition, the headline,
labelled fields (BYLINE:, SECTION:, LENGTH: ends the metadata), the text, then LOAD-DATE:,
LANGUAGE:, PUBLICATION-TYPE: and the copyright trailer. Lines may be hard-wrapped; a blank
line separates paragraphs. A document whose start line is missing is reported by number.
"""
from __future__ import annotations

import re

from egov.corpus.exports.common import (COPYRIGHT, ExportDoc, language_code, line_date, month_year, paragraphs_text,
                                        words_reported)

START = re.compile(r"^\s*(\d+) of (\d+) DOCUMENTS?\s*$")
LABEL = re.compile(r"^(?P<label>[A-Z][A-Z-]+(?: [A-Z][A-Z-]+)?): ?(?P<value>.*)$")
BODY_END = {"LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE", "URL", "NOTES", "CORRECTION-DATE",
            "SUBJECT", "GEOGRAPHIC", "DOCUMENT-TYPE"}
SKIP_IN_BODY = {"DATELINE", "GRAPHIC", "UPDATE", "HIGHLIGHT"}
TRAILER = BODY_END | {"ORGANIZATION", "PERSON", "COMPANY", "INDUSTRY", "TICKER", "STATE", "CITY", "COUNTRY",
                      "DISTRIBUTION", "TYPE"}


def read_lexisnexis_txt(text: str) -> tuple[list[ExportDoc], list[str]]:
    """Documents of a LexisNexis text export and the file's problems (see the module docstring)."""
    lines = text.lstrip("\ufeff").split("\n")
    starts = [(i, int(m.group(1)), int(m.group(2))) for i, m in ((i, START.match(x)) for i, x in enumerate(lines)) if m]
    if not starts:
        return [], ["no 'N of M DOCUMENTS' start line"]
    declared = starts[0][2]
    problems = []
    if any(total != declared for _, _, total in starts):
        problems.append(f"start lines disagree on the number of documents ({sorted({t for _, _, t in starts})})")
    docs: dict[int, ExportDoc] = {}
    run_on: dict[int, int] = {}
    for k, (at, number, _) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        doc, extra = _document(lines[at + 1:end], number)
        if number in docs:
            problems.append(f"document {number} appears twice; the second copy is ignored")
            continue
        docs[number] = doc
        if extra:
            run_on[number] = extra
    for number in range(1, declared + 1):
        if number not in docs:
            before = number - 1
            where = (f"; text runs on after document {before}'s end markers and is not read" if before in run_on
                     else "")
            docs[number] = ExportDoc(number, problem=f"no '{number} of {declared} DOCUMENTS' start line{where}")
    for number, n in sorted(run_on.items()):
        if number + 1 in docs and "start line" not in docs[number + 1].problem:
            problems.append(f"{n} lines after document {number}'s end markers are not part of any document")
    extra = sorted(n for n in docs if n > declared)
    if extra:
        problems.append(f"the export says {declared} documents but has start lines up to {extra[-1]}")
    return [docs[n] for n in sorted(docs)], problems


def _document(block: list[str], number: int) -> tuple[ExportDoc, int]:
    """One document from the lines after its start line, and how many text lines follow its end."""
    doc = ExportDoc(number)
    stripped = [x.strip() for x in block]
    length_at = next((i for i, x in enumerate(stripped) if x.startswith("LENGTH:")), None)
    if length_at is None:
        doc.problem = "no LENGTH: line: the metadata cannot be told from the text"
        return doc, 0
    head = [x for x in stripped[:length_at + 1] if x and not COPYRIGHT.match(x)]
    date_at = next((i for i, x in enumerate(head) if not LABEL.match(x) and line_date(x, max_rest=60)), None)
    fields: dict[str, str] = {}
    if date_at is None and (date_at := next((i for i, x in enumerate(head[:4]) if month_year(x)), None)) is not None:
        doc.warning = f"no day in the date line '{head[date_at]}'"  # a monthly: dated to the month
    if date_at is None:
        doc.problem = "no date line below the publication"
        return doc, 0
    doc.date = line_date(head[date_at], max_rest=60) or month_year(head[date_at])
    doc.date_field = head[date_at]
    doc.source = " ".join(head[:date_at])
    headline = []
    for x in head[date_at + 1:]:
        if (lm := LABEL.match(x)) and lm.group("label") in {"BYLINE", "SECTION", "LENGTH", "HEADLINE", "DATELINE",
                                                             "HIGHLIGHT", "GRAPHIC", "AUTHOR"}:
            fields[lm.group("label")] = lm.group("value").strip()
        elif not fields and "edition" not in x.lower():
            headline.append(x)
    doc.title = fields.get("HEADLINE") or " ".join(headline)
    body, end_at = _body(stripped, length_at + 1)
    doc.text = paragraphs_text(body)
    rest = stripped[end_at:]
    for x in rest:
        if lm := LABEL.match(x):
            fields.setdefault(lm.group("label"), lm.group("value").strip())
    doc.byline = fields.get("BYLINE", fields.get("AUTHOR", ""))
    doc.section = fields.get("SECTION", "").split(";")[0].strip()
    doc.n_words_reported = words_reported(fields.get("LENGTH", ""))
    doc.language = language_code(fields.get("LANGUAGE", ""))
    if not doc.text:
        doc.problem = "no text between LENGTH: and LOAD-DATE:"
    return doc, _run_on(rest)


def _body(lines: list[str], start: int) -> tuple[list[str], int]:
    """Paragraphs from `start` to the first end label (LOAD-DATE:, LANGUAGE:, ...), and where they end."""
    paragraphs, current = [], []
    i = start
    for i in range(start, len(lines)):
        x = lines[i]
        lm = LABEL.match(x)
        if lm and lm.group("label") in BODY_END:
            break
        if not x or (lm and lm.group("label") in SKIP_IN_BODY):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(x)
    else:
        i = len(lines)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs, i


def _run_on(rest: list[str]) -> int:
    """Lines after a document's end labels that are neither labels, their wrapped values nor
    copyright: the text of a document whose start line is missing."""
    n, in_trailer, after_label = 0, True, False
    for x in rest:
        if not x:
            after_label = False
            continue
        lm = LABEL.match(x)
        if COPYRIGHT.match(x) or (in_trailer and (after_label or (lm and lm.group("label") in TRAILER))):
            after_label = after_label or bool(lm)
            continue
        in_trailer = False
        n += 1
    return n
