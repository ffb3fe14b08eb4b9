"""ProQuest plain-text exports: records separated by a rule of underscores.

The file opens with "Report Information from ProQuest" and a table of contents; each record
then has "Document N of M", the title, labelled fields ("Author:", "Publication info:",
"ProQuest document ID:", "Document URL:"), "Full text:" running over several paragraphs until
the next known label (Subject:, Location:, Title:, Publication title:, ...), and the citation
fields (Publication title:, Publication date:, Section:, Language of publication:, ...).
A record without "Full text:" is a citation only (ProQuest had no text to give).
"""
from __future__ import annotations

import re

from egov.corpus.exports.common import (COPYRIGHT, ExportDoc, iso_date, language_code, month_year, paragraphs_text,
                                        words_reported)

RULE = re.compile(r"^_{20,}\s*$")
DOC_OF = re.compile(r"^Document (\d+) of (\d+)\s*$")
LABELS = ("Abstract|Author|Byline|Caption|Company / organization|Copyright|Country of publication|Credit|"
          "Database|Dateline|Document feature|Document type|Document URL|Edition|Full text|Identifier / keyword|"
          "Illustration|ISSN|Language of publication|Last updated|Links|Location|Number of pages|Pages|People|"
          "Place of publication|Publication date|Publication info|Publication subject|Publication title|"
          "Publication year|Publisher|ProQuest document ID|Section|Source type|Subject|Title|Word count|Column|"
          "Other available formats|Source attribution|Update")
LABEL = re.compile(rf"^(?P<label>{LABELS}): ?(?P<value>.*)$")
PUB_DATE = re.compile(r"^(?P<mon>[A-Za-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})$")
INFO_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]+\.? \d{4}\b|\b[A-Z][a-z]+\.? \d{1,2}, \d{4}\b")
PUB_DATE_DMY = re.compile(r"^(?P<day>\d{1,2}) (?P<mon>[A-Za-z]+)\.? (?P<year>\d{4})$")


def read_proquest_txt(text: str) -> tuple[list[ExportDoc], list[str]]:
    """Records of a ProQuest text export and the file's problems (see the module docstring)."""
    chunks, current = [], []
    for line in text.lstrip("\ufeff").split("\n"):
        if RULE.match(line):
            chunks.append(current)
            current = []
        else:
            current.append(line.rstrip())
    chunks.append(current)
    records = [c for c in chunks if any(DOC_OF.match(x.strip()) or x.startswith("ProQuest document ID:") for x in c)]
    if not records:
        return [], ["no ProQuest record (no 'Document N of M' or 'ProQuest document ID:' line)"]
    docs: dict[int, ExportDoc] = {}
    declared, problems = None, []
    for k, chunk in enumerate(records, start=1):
        doc, total = _record(chunk, k)
        declared = declared or total
        if doc.number in docs:
            problems.append(f"document {doc.number} appears twice; the second copy is ignored")
            continue
        docs[doc.number] = doc
    if declared:
        for number in range(1, declared + 1):
            if number not in docs:
                docs[number] = ExportDoc(number, problem=f"no record 'Document {number} of {declared}' in the file")
    else:
        problems.append("no 'Document N of M' lines: the count cannot be checked")
    return [docs[n] for n in sorted(docs)], problems


def _record(lines: list[str], fallback: int) -> tuple[ExportDoc, int | None]:
    """One record and the M of its "Document N of M" line."""
    number, total, start = fallback, None, 0
    for i, x in enumerate(lines):
        if m := DOC_OF.match(x.strip()):
            number, total, start = int(m.group(1)), int(m.group(2)), i + 1
            break
    doc = ExportDoc(number)
    fields: dict[str, str] = {}
    body: list[str] = []
    label, first_title = None, ""
    for x in lines[start:]:
        m = LABEL.match(x)
        if m:
            label = m.group("label")
            if label == "Full text":
                body.append(m.group("value"))
            else:
                fields.setdefault(label, m.group("value").strip())
        elif label == "Full text":
            body.append(x)
        elif label is None and x.strip() and not first_title:
            first_title = x.strip()
        elif label and x.strip() and label != "Full text":
            fields[label] = (fields[label] + " " + x.strip()).strip()  # a wrapped value
    doc.title = fields.get("Title") or first_title
    info = fields.get("Publication info", "")  # "China Daily ; Beijing [Beijing]. 04 June 2019: 3."
    doc.source = (fields.get("Publication title") or info).split(";")[0].split("[")[0].strip()
    doc.byline = fields.get("Author", "")
    doc.section = fields.get("Section", "")
    doc.language = language_code(fields.get("Language of publication", ""))
    doc.database_id = fields.get("ProQuest document ID", "")
    doc.n_words_reported = words_reported(fields.get("Word count", "")) if "Word count" in fields else None
    raw = fields.get("Publication date") or next((m.group() for m in [INFO_DATE.search(info)] if m), "")
    if m := PUB_DATE.match(raw) or PUB_DATE_DMY.match(raw):
        doc.date = iso_date(m.group("year"), m.group("mon"), m.group("day"))
    doc.date_field = raw and f"Publication {'date' if fields.get('Publication date') else 'info'}: {raw}"
    if not raw:
        doc.warning = "no 'Publication date:' field"
    elif not doc.date:
        doc.date = month_year(raw)  # a monthly: dated to the month
        doc.warning = f"'Publication date: {raw}' gives no day"
    paragraphs, current = [], []
    for x in body:
        if x.strip():
            current.append(x.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    doc.text = paragraphs_text([p for p in paragraphs if not COPYRIGHT.match(p)])
    if "Full text" not in {m.group("label") for m in map(LABEL.match, lines) if m}:
        doc.problem = "no 'Full text:' field: ProQuest gave only the citation" + (" and abstract" if "Abstract" in fields else "")
    elif not doc.text:
        doc.problem = "'Full text:' is empty"
    return doc, total
