"""Nexis Uni DOCX exports: a cover page, then documents that each end with "End of Document".

Per document (as LexisNexisTools' lnt_read reads Nexis Uni files): headline, publication,
date line ("July 1, 2019 Monday 9:20 AM GMT" or "1 July 2019 Monday"), a copyright line, labelled fields followed by a
non-breaking space ("Section:\u00a0", "Length:\u00a0", "Byline:\u00a0"), "Body", the text,
"Load-Date:", "Classification" (Language, Publication-Type, Subject, ...) and "End of Document".
The cover page holds "Job Number", "Documents (N)", the numbered headlines and "Search Terms".

A truncated file (a download cut short: no zip directory at the end) is read from the start
of its deflated word/document.xml as far as it goes: complete documents load, the one cut
off and those missing are returned with their problem.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from lxml import etree

from egov.corpus.exports.common import (COPYRIGHT, ExportDoc, language_code, line_date, month_year, paragraphs_text,
                                        words_reported)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
END = "End of Document"
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)?):[\u00a0 ](?P<value>.*)$")
DOCUMENTS = re.compile(r"^Documents \((\d+)\)$")
COVER_ITEM = re.compile(r"^(\d+)\. (.+)$")
BODY_END = ("Load-Date", "Classification", "Notes", "Graphic")


def docx_xml(data: bytes) -> tuple[bytes, str]:
    """word/document.xml of a DOCX, or as much of it as a truncated file holds (b"" when none), and a problem."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read("word/document.xml"), ""
    except (zipfile.BadZipFile, KeyError, zlib.error, EOFError) as err:
        xml = _salvage(data)
        return xml, (f"truncated or damaged .docx ({err}); read as far as it goes" if xml else f"not a readable .docx ({err})")


def docx_paragraphs(data: bytes) -> tuple[list[str], str]:
    """The text of each paragraph of a DOCX's word/document.xml, and a problem ("" when the zip is whole)."""
    xml, problem = docx_xml(data)
    if not xml:
        return [], problem
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(xml, parser)
    if root is None:
        return [], problem or "word/document.xml is not XML"
    out = []
    for p in root.iter(f"{{{W_NS}}}p"):
        parts = []
        for node in p.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}tab"):
            parts.append("\t" if node.tag.endswith("}tab") else node.text or "")
        out.append("".join(parts))
    return out, problem


def _salvage(data: bytes) -> bytes:
    """The part of word/document.xml that a truncated zip still holds (from its local file header)."""
    at = data.find(b"PK\x03\x04")
    while at != -1 and at + 30 <= len(data):
        method, = struct.unpack("<H", data[at + 8:at + 10])
        name_len, extra_len = struct.unpack("<HH", data[at + 26:at + 30])
        name = data[at + 30:at + 30 + name_len]
        start = at + 30 + name_len + extra_len
        if name == b"word/document.xml":
            if method == 0:
                return data[start:]
            try:
                return zlib.decompressobj(-15).decompress(data[start:])
            except zlib.error:
                return b""
        at = data.find(b"PK\x03\x04", start)
    return b""


def read_nexis_docx(data: bytes) -> tuple[list[ExportDoc], list[str]]:
    """Documents of a Nexis Uni DOCX export and the file's problems (see the module docstring)."""
    paragraphs, file_problem = docx_paragraphs(data)
    problems = [file_problem] if file_problem else []
    if not paragraphs:
        return [], problems or ["no text in word/document.xml"]
    lines = [p.strip() for p in paragraphs]
    declared, cover_titles = _cover(lines)
    chunks, start = [], 0
    for i, line in enumerate(lines):
        if line == END:
            chunks.append((lines[start:i], True))
            start = i + 1
    tail = lines[start:]
    if any(tail) and (file_problem or _date_index(tail) is not None):
        chunks.append((tail, False))
    docs = []
    for number, (chunk, complete) in enumerate(chunks, start=1):
        doc = _document(chunk, number, cover_titles.get(number, ""))
        if not complete and not doc.problem:
            doc.problem = "cut off: the file ends inside this document (truncated .docx)"
        elif not complete:
            doc.problem = "cut off: the file ends inside this document (truncated .docx); " + doc.problem
        doc.title = doc.title or cover_titles.get(number, "")
        docs.append(doc)
    if declared is None:
        problems.append("no 'Documents (N)' line on the cover page: the count cannot be checked")
    else:
        for number in range(len(docs) + 1, declared + 1):
            why = "the file ends before it (truncated .docx)" if file_problem else "no 'End of Document' for it"
            docs.append(ExportDoc(number, title=cover_titles.get(number, ""),
                                  problem=f"not in the file: the cover page lists {declared} documents, {why}"))
        if len(docs) > declared:
            problems.append(f"the cover page says Documents ({declared}) but {len(docs)} documents were found")
    return docs, problems


def _cover(lines: list[str]) -> tuple[int | None, dict[int, str]]:
    """The cover page's document count and its numbered headlines (before the first date line)."""
    first = _date_index(lines)
    cover = lines[: max(0, (first or 0) - 2)]
    declared = next((int(m.group(1)) for m in map(DOCUMENTS.match, cover) if m), None)
    titles = {int(m.group(1)): m.group(2).strip() for m in map(COVER_ITEM.match, cover) if m}
    return declared, titles


def _date_index(lines: list[str]) -> int | None:
    """Index of the first date line ("July 1, 2019 Monday") that has a headline and outlet above it."""
    for i, line in enumerate(lines):
        if i >= 2 and line_date(line):
            return i
        if line == "Body":
            return None
    return None


def _document(chunk: list[str], number: int, cover_title: str = "") -> ExportDoc:
    doc = ExportDoc(number)
    d = _date_index(chunk)
    if d is None and cover_title and cover_title in chunk[:40]:  # the cover page names its headline
        d = chunk.index(cover_title) + 2
        line = chunk[d] if d < len(chunk) else ""
        doc.date = month_year(line)
        doc.warning = f"no day in the date line '{line}'" if doc.date else "no date line below the publication"
    if d is None:
        doc.problem = "no date line below the headline and publication: not a Nexis Uni document"
        return doc
    doc.title, doc.source = chunk[d - 2], chunk[d - 1]
    doc.date, doc.date_field = line_date(chunk[d]) or doc.date, chunk[d] if d < len(chunk) else ""
    try:
        body_at = chunk.index("Body", d)
    except ValueError:
        doc.problem = "no 'Body' heading: the metadata cannot be told from the text"
        return doc
    fields = {}
    for line in chunk[d:body_at]:
        if (m := LABEL.match(line)) and not COPYRIGHT.match(line):
            fields[m.group("label").lower()] = m.group("value").strip()
    body = []
    tail_at = len(chunk)
    for i in range(body_at + 1, len(chunk)):
        line = chunk[i]
        if line in BODY_END or ((m := LABEL.match(line)) and m.group("label") in BODY_END):
            tail_at = i
            break
        body.append(line)
    for line in chunk[tail_at:]:
        if m := LABEL.match(line):
            fields.setdefault(m.group("label").lower(), m.group("value").strip())
    doc.section = fields.get("section", "").split(";")[0].strip()
    doc.byline = fields.get("byline", fields.get("author", ""))
    doc.n_words_reported = words_reported(fields.get("length", ""))
    doc.language = language_code(fields.get("language", ""))
    doc.text = paragraphs_text([line for line in body if not COPYRIGHT.match(line)])
    if not doc.text:
        doc.problem = "no text under 'Body'"
    return doc
