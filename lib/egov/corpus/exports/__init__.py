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
from pathlib import Path

from egov.corpus.exports.common import (DATABASE_NAMES, EXPORT_SUFFIXES, FORMATS, HEAD_BYTES, ExportDoc,
                                        doc_sort_key)
from egov.corpus.exports.factiva import read_factiva_html
from egov.corpus.exports.lexisnexis import read_lexisnexis_txt
from egov.corpus.exports.nexis_docx import docx_xml, read_nexis_docx
from egov.corpus.exports.proquest import read_proquest_txt
from egov.corpus.readers import Decoded, decode_bytes

READERS = {"lexisnexis_txt": read_lexisnexis_txt, "factiva_html": read_factiva_html, "proquest_txt": read_proquest_txt}

__all__ = ["ExportDoc", "detect_export", "detect_file", "read_export", "export_inputs", "doc_sort_key", "EXPORT_SUFFIXES",
           "DATABASE_NAMES", "HEAD_BYTES"]

_LN_START = re.compile(r"^\s*\d+ of \d+ DOCUMENTS?\s*$", re.M)
_PQ_RULE = re.compile(r"^_{40,}\s*$", re.M)
_PQ_FIELD = re.compile(r"^(ProQuest document ID|Publication title|Full text|Document URL):", re.M)
_FACTIVA_DIV = re.compile(r"""class=["']article\s+\w*Article["']""")
_FACTIVA_FIELD = re.compile(r">\s*(HD|PD|AN|SN|WC)\s*(?:&nbsp;|\u00a0)?\s*</b>")


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
    if _PQ_RULE.search(head) and ("Report Information from ProQuest" in head or _PQ_FIELD.search(head)):
        return "proquest_txt"
    if "<" in head and (_FACTIVA_DIV.search(head) or ("Factiva" in head and _FACTIVA_FIELD.search(head))):
        return "factiva_html"
    return None


def detect_file(path: str | Path) -> str | None:
    """detect_export on the first HEAD_BYTES of a file (None when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return detect_export(path, handle.read(HEAD_BYTES))
    except OSError:
        return None


def _nexis_docx_hint(path: str | Path) -> bool:
    """A Word file is read as a Nexis Uni export when its text has Nexis Uni's markers."""
    xml, _ = docx_xml(Path(path).read_bytes())
    text = re.sub(rb"<[^>]+>", b"", xml[:4_000_000])
    return b"End of Document" in text or b"Job Number:" in text or bool(re.search(rb"Documents \(\d+\)", text))


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
        docs, problems = read_nexis_docx(data)
        encoding = "docx"
    else:
        decoded = decode_bytes(data)
        if decoded.problem:
            return [], [decoded.problem]
        docs, problems = READERS[fmt](decoded.text)
        encoding = decoded.encoding
    for doc in docs:
        doc.database, doc.encoding = FORMATS[fmt], encoding
    return docs, problems


def export_inputs(path: Path, shown: str, doc_id: str, fmt: str) -> list[dict]:
    """The load report's inputs from one export: the file itself, then each document as `file#doc=N`.

    Each is a dict of path, doc_id, decoded (the body text, or the document's problem), kind,
    meta (title, source, date, warning, evidence and the ExportDoc), status and reason. The file's
    own entry has status "export" and says which database it came from, how many documents it
    holds and any problem of the file as a whole ("skipped" when no document could be read).
    """
    docs, problems = read_export(path, fmt)
    summary = f"{DATABASE_NAMES[fmt]} export: {len(docs)} document{'' if len(docs) == 1 else 's'}"
    inputs = [{"path": shown, "doc_id": "", "decoded": Decoded("", docs[0].encoding if docs else "", ""),
               "status": "export" if docs else "skipped", "reason": "; ".join([summary, *problems])}]
    width = len(str(len(docs)))
    for doc in docs:
        meta = {"title": doc.title, "source": doc.source, "date": doc.date, "warning": doc.warning,
                "evidence": f"{doc.database} date field '{doc.date_field}'", "export": doc}
        text, doc.text = doc.text, ""  # the text travels once, in `decoded`
        inputs.append({"path": f"{shown}#doc={doc.number}", "doc_id": f"{doc_id}_doc{doc.number:0{width}d}",
                       "decoded": Decoded(text, doc.encoding, doc.problem), "kind": "export",
                       "meta": {k: v for k, v in meta.items() if v}})
    return inputs
