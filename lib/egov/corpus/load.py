"""Load a corpus of news articles into one tidy table, losing nothing silently.

`load_corpus(path)` reads a folder of .txt/.md/.html files (with an optional
metadata.csv), a CSV or JSONL file with a text column, or "seeds" (the sample).
Every input file ends up either as an article row or in the load report with the
reason it was skipped; every line that cleaning removed is in the cleaning audit.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from egov import cache, engine, progress
from egov.corpus import dates
from egov.corpus.clean import clean_text, front_matter
from egov.corpus.dates_html import date_from_html, headline_lines
from egov.corpus.dedupe import copy_note, find_duplicates, signature
from egov.corpus.exports import EXPORT_SUFFIXES, ExportDoc, detect_file, doc_sort_key, export_inputs
from egov.corpus.readers import Decoded, jsonl_rows, read_file
from egov.corpus.sources import detect_source, outlet_of
from egov.corpus.titles import title_from_text
from egov.lang import LANGUAGES, detect_language
from egov.lang.zh.sources import site_from_title as zh_site_from_title

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text"} | MARKDOWN_SUFFIXES
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
METADATA_NAME = "metadata.csv"
MIN_WORDS = 25  # fewer words after cleaning: a stub, a caption or a failed extraction
ARTICLE_COLUMNS = ["doc_id", "title", "source", "date", "date_precision", "date_evidence", "url",
                   "text", "raw_text", "n_words", "language", "path", "encoding",
                   "byline", "section", "n_words_reported", "database", "database_id"]
EXPORT_FIELDS = ("byline", "section", "n_words_reported", "database", "database_id")  # of a database export
REPORT_COLUMNS = ["path", "doc_id", "status", "reason", "encoding", "n_words", "language"]
SUPPORTED_LANGUAGES = ("en", "zh")  # the analyses' languages; others load with a warning
LANGUAGE_SAMPLE = 20_000  # characters of the cleaned text that decide its language
AUDIT_COLUMNS = ["doc_id", "line_no", "line", "rule"]
WORDS = re.compile(r"\w+(?:['’.-]\w+)*")
_HAN = re.compile("[\u4e00-\u9fff]")
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
# Front-matter keys of a publication date and of the page's address; "created" is when a clipper saved it.
FRONT_DATE_KEYS = ("published", "date", "pubdate", "publish_date", "published_date", "date_published", "datepublished")
FRONT_URL_KEYS = ("source", "url", "link", "canonical", "original_url")
PARALLEL_MIN = 2000  # from this many files, read and clean them in parallel worker processes
CHUNK = 250  # files per task of a worker


@dataclass
class LoadInfo:
    """What load_corpus saw: the corpus location, the load report and the cleaning audit.

    Kept in `DataFrame.attrs["egov"]`; pandas deep-copies attrs on every operation, so
    this object hands back itself instead of copying two tables each time.
    """

    location: str
    report: pd.DataFrame
    audit: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    def __deepcopy__(self, memo):
        return self


@dataclass
class _Record:
    """One input (a file, or a row of a CSV/JSONL file) on its way to becoming an article."""

    path: str
    doc_id: str
    decoded: Decoded
    kind: str = "text"  # text, html, table, export file, export (a document of a database export)
    meta: dict = field(default_factory=dict)
    status: str = ""
    reason: str = ""
    article: dict = field(default_factory=dict)
    file: str = ""  # the file to read, when it is read in _build (possibly in a worker process)
    signature: np.ndarray | None = None  # MinHash of the cleaned text, for finding reposts
    language: str = ""  # of the cleaned text (egov.lang.detect_language); "" when never read


def seeds_path() -> Path:
    """The sample corpus shipped with the project (the repo's seeds/ folder, or its copy in the installed package)."""
    from egov.resources import seeds_dir

    return seeds_dir()


def count_words(text: str, language: str = "en") -> int:
    """Number of words: runs of letters/digits (with inner apostrophes, dots or hyphens); for
    Chinese ("zh") the words of the segmenter (egov.lang.zh.words).

    Example: count_words("Digital government, 2019") == 3
    """
    if language == "zh":
        from egov.lang.zh.words import count_words as zh_count_words

        return zh_count_words(text)
    return len(WORDS.findall(text))


def load_corpus(path: str | Path, metadata: str | Path | pd.DataFrame | None = None,
                min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Load articles from a folder, a CSV/JSONL file or "seeds"; one row per article.

    Returns doc_id, title, source, date (datetime64, NaT when unknown), date_precision,
    date_evidence, url, text (cleaned), raw_text, n_words, path, encoding; sorted by doc_id.
    metadata.csv beside the files (or `metadata`) wins over what is found in the text.
    `load_report(docs)` and `cleaning_audit(docs)` tell what was skipped and removed.
    Example: docs = load_corpus("seeds"); load_report(docs).status.value_counts()
    """
    root = seeds_path() if str(path) == "seeds" else Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus path does not exist: {path}")
    label = "seeds" if str(path) == "seeds" else root.name
    files = cache.files_fingerprint(root)
    folder = cache.cache_dir(len(files))
    key = None if folder is None else cache.make_key("corpus", str(root.resolve()), label, files,
                                                     _metadata_key(metadata), min_words)
    docs, report, audit = cache.cached(key, folder, lambda: _load(root, label, metadata, min_words))
    loaded = report["status"].str.startswith("loaded").sum()
    if loaded == 0:
        reasons = "; ".join(f"{r.path}: {r.reason}" for r in report.head(5).itertuples())
        raise ValueError(f"nothing could be loaded from {path} ({len(report)} files). {reasons}")
    docs.attrs["egov"] = LoadInfo(str(path), report, audit)
    return docs


def _metadata_key(metadata) -> object:
    """What the cache key needs of the `metadata` argument: a table's content hash or a file's stat."""
    if isinstance(metadata, pd.DataFrame):
        return pd.util.hash_pandas_object(metadata, index=True).tolist(), list(metadata.columns)
    if metadata is not None and Path(metadata).exists():
        return str(metadata), cache.files_fingerprint(Path(metadata))
    return str(metadata)


def _load(root: Path, label: str, metadata, min_words: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Articles, load report and cleaning audit of a corpus (what load_corpus caches)."""
    records, meta_entry = _gather(root, label, metadata)
    records = _build_all(records, min_words)
    _mark_duplicates(records)
    return _tables(records, meta_entry)


def _build_all(records: list[_Record], min_words: int) -> list[_Record]:
    """_build every record, in batches of about CHUNK on the engine (`egov.engine`), with a progress
    bar; an export file becomes its documents there and weighs about as many as it holds."""
    weights = [max(1, os.path.getsize(r.file) // 2500) if r.kind == "export file" else 1 for r in records]
    where = engine.resolve(sum(weights), PARALLEL_MIN)
    batches = [(chunk, min_words) for chunk in engine.batched(records, CHUNK, weights)]
    done: list[_Record] = []
    with progress.bar(sum(weights), "Loading articles", "file") as bar:
        for chunk in engine.map_batches(_build_chunk, batches, where):
            done.extend(chunk)
            bar.update(len(chunk))
    return done


def _build_chunk(records: list[_Record], min_words: int) -> list[_Record]:
    out = []
    for rec in records:
        if rec.kind == "export file":
            out += [_Record(**entry) for entry in export_inputs(Path(rec.file), rec.path, rec.doc_id, rec.meta["format"])]
        else:
            out.append(rec)
    for rec in out:
        _build(rec, min_words)
    return out


def load_report(docs: pd.DataFrame) -> pd.DataFrame:
    """Every input file once: path, doc_id, status (loaded, loaded with warning, skipped), reason, encoding, n_words."""
    return _info(docs).report


def cleaning_audit(docs: pd.DataFrame) -> pd.DataFrame:
    """Every line or fragment that cleaning removed: doc_id, line_no, line, rule."""
    return _info(docs).audit


def _info(docs: pd.DataFrame) -> LoadInfo:
    info = docs.attrs.get("egov")
    if not isinstance(info, LoadInfo):
        raise ValueError("this table was not made by egov.load_corpus (no load report attached)")
    return info


# --- gathering inputs ---------------------------------------------------------------

def _gather(root: Path, label: str, metadata) -> tuple[list[_Record], dict | None]:
    if root.is_file():
        if root.suffix.lower() in TABLE_SUFFIXES:
            return _table_records(root, label), None
        files, base = [root], root.parent
    else:
        files = sorted(p for p in root.rglob("*") if p.is_file())
        base = root
    meta, meta_entry = _metadata(root if root.is_dir() else root.parent, label if root.is_dir() else "", metadata)
    records: list[_Record] = []
    for f in files:
        rel = f.relative_to(base).as_posix()
        shown = f"{label}/{rel}" if root.is_dir() else rel
        if root.is_dir() and rel == METADATA_NAME and metadata is None:
            continue
        doc_id = rel.rsplit(".", 1)[0] if "." in Path(rel).name else rel
        rec = _Record(shown, doc_id, Decoded("", "", ""), meta=meta.pop(rel, {}))
        suffix = f.suffix.lower()
        if any(part.startswith(".") for part in Path(rel).parts):
            rec.status, rec.reason = "skipped", "hidden file"
        elif suffix in TABLE_SUFFIXES:
            rec.status, rec.reason = "skipped", f"a {suffix} table inside a folder of articles: load it on its own with load_corpus('{rel}')"
        elif suffix in EXPORT_SUFFIXES and (fmt := detect_file(f)):  # read in _build_chunk
            rec.kind, rec.file, rec.meta = "export file", str(f), {"format": fmt}
        elif suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            rec.status, rec.reason = "skipped", f"unsupported file type '{suffix or 'no extension'}' (use .txt, .md or .html)"
        else:  # read in _build, possibly in a worker process
            rec.file = str(f)
            rec.kind = "html" if suffix in HTML_SUFFIXES else "text"
        records.append(rec)
    if meta_entry is not None and meta and root.is_dir():  # beside a single file the other rows are expected
        meta_entry["reason"] += f"; {len(meta)} row(s) name no file here: {', '.join(sorted(meta)[:5])}"
    return records, meta_entry


def _looks_like_html(text: str) -> bool:
    head = text[:500].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _metadata(folder: Path, label: str, metadata) -> tuple[dict[str, dict], dict | None]:
    """metadata.csv rows keyed by file name (relative path), and its load-report entry."""
    if metadata is None:
        candidate = folder / METADATA_NAME
        if not candidate.exists():
            return {}, None
        metadata = candidate
    if isinstance(metadata, pd.DataFrame):
        table, shown = metadata, "metadata (table)"
    else:
        shown = f"{label}/{Path(metadata).name}" if label else Path(metadata).name  # beside a single file: its name
        try:
            table = pd.read_csv(metadata, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
            raise ValueError(f"{metadata}: cannot read metadata: {err}") from err
    if "file" not in table.columns:
        raise ValueError(f"{shown}: metadata needs a 'file' column naming each article file; has {list(table.columns)}")
    rows = {str(r["file"]).strip(): {k: str(v).strip() for k, v in r.items() if k != "file" and str(v).strip()}
            for r in table.fillna("").to_dict("records")}
    entry = {"path": shown, "doc_id": "", "status": "metadata", "reason": f"metadata for {len(rows)} files",
             "encoding": "utf-8", "n_words": 0, "language": ""}
    return rows, entry


def _table_records(path: Path, label: str) -> list[_Record]:
    """One record per row of a CSV or JSONL file with a `text` column.

    A JSONL line that is not a JSON object is kept as a skipped record naming its line and
    the parse error, so one bad line does not lose the file (rows are `#line=N` there).
    """
    bad: dict[int, str] = {}
    try:
        if path.suffix.lower() == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            places = [f"row={i}" for i in range(1, len(table) + 1)]
        else:
            rows, places = jsonl_rows(path.read_text(encoding="utf-8-sig"), bad)
            table = pd.DataFrame(rows).astype(str).replace({"None": "", "nan": ""})
    except (OSError, UnicodeDecodeError, ValueError, pd.errors.ParserError) as err:
        raise ValueError(f"{path}: cannot read as a table of articles: {err}") from err
    if "text" not in table.columns:
        if not len(table) and bad:
            raise ValueError(f"{path}: no line is a JSON object; line {min(bad)}: {bad[min(bad)]}")
        raise ValueError(f"{path}: needs a 'text' column; has {list(table.columns)}")
    id_col = next((c for c in ("doc_id", "id") if c in table.columns), None)
    width = len(str(len(table)))
    records = []
    for i, (place, row) in enumerate(zip(places, table.to_dict("records")), start=1):
        doc_id = str(row.get(id_col) or "").strip() if id_col else ""
        meta = {k: str(row[k]).strip() for k in ("title", "source", "date", "date_precision", "url") if k in row and str(row[k]).strip()}
        text = str(row["text"])
        decoded = Decoded(text.replace("\r\n", "\n"), "utf-8", "" if text.strip() else "empty text")
        records.append(_Record(f"{path.name}#{place}", doc_id or f"row_{i:0{width}d}", decoded,
                               kind="html" if _looks_like_html(text) else "table", meta=meta))
    for line_no, problem in sorted(bad.items()):
        records.append(_Record(f"{path.name}#line={line_no}", "", Decoded("", "utf-8", problem), kind="table"))
    return sorted(records, key=lambda r: int(r.path.rsplit("=", 1)[1]))  # in file order, bad lines included


# --- building articles ---------------------------------------------------------------

def _build(rec: _Record, min_words: int) -> None:
    """Decode, extract, clean and date one record; sets status/reason/article."""
    if rec.status:
        return
    if rec.file:
        rec.decoded = read_file(rec.file)
        if rec.kind == "text" and _looks_like_html(rec.decoded.text):
            rec.kind = "html"
    if rec.decoded.problem:
        rec.status, rec.reason = "skipped", rec.decoded.problem
        return
    raw, title, found, source, page_meta = rec.decoded.text, "", None, "", {}
    page_lines, page_hints = "", ()
    export: ExportDoc | None = rec.meta.get("export")
    if export is not None:  # the database's fields: no front matter, a body date only without a date field
        found = dates.date_from_text(raw) if not rec.meta.get("date") else dates.DateFound(None, "", "")
        source = rec.meta.get("source", "")
    elif rec.kind == "html":
        from egov.corpus.html import html_to_article

        page = html_to_article(raw)
        title, raw, source = page.title, page.text, _site_outlet(page.site, page.site_hints)
        found = date_from_html(rec.decoded.text)
        page_hints = (page.site, *page.site_hints)
        if _HAN.search(raw[:2000]):  # a Chinese page names its site at the end of <title>; its 来源 line by the headline
            page_lines = headline_lines(rec.decoded.text)
            page_title = _TITLE_TAG.search(rec.decoded.text[:20_000])
            page_hints = (page.site, zh_site_from_title(page_title[1]) if page_title else "", *page.site_hints)
        if not raw.strip():
            rec.status, rec.reason = "skipped", "no article text found in the HTML page"
            return
    else:
        page_meta, found = _front_matter_meta(raw)
        title, source = page_meta.get("title", ""), _site_outlet("", (page_meta.get("url", ""),))
    text, removals = clean_text(raw, markdown=Path(rec.file).suffix.lower() in MARKDOWN_SUFFIXES)
    rec.language = language = (export and export.language) or detect_language(text[:LANGUAGE_SAMPLE])
    n_words = count_words(text, language)
    if n_words < min_words:
        rec.status, rec.reason = "skipped", (f"too short: {n_words} word{'' if n_words == 1 else 's'} after "
                                             f"cleaning (minimum {min_words})")
        return
    if language == "zh" and not (export and source):  # a 来源 line or dateline names the outlet, else the site
        source = detect_source(page_lines + "\n" + raw, language, hints=page_hints)[0] or source
    elif language != "zh":
        source = source or detect_source(raw)[0]
    warnings: list[str] = [rec.meta["warning"]] if rec.meta.get("warning") else []  # an export's missing field
    date, precision, evidence = found.date, found.precision, found.evidence
    meta = rec.meta
    if meta.get("date"):
        parsed = dates.parse_date_string(meta["date"])
        if parsed.date is None:
            warnings.append(f"metadata date '{meta['date']}' not understood ({parsed.evidence})")
        else:
            date, precision = parsed.date, meta.get("date_precision") or parsed.precision
            evidence = ("export: " if export else "metadata: ") + (meta.get("evidence") or f"date '{meta['date']}'")
    if date is None:
        warnings.append(f"no date found: {evidence}")
    if not title:
        title = meta.get("title") or title_from_text(raw, text)
    title = meta.get("title", title)
    if language not in SUPPORTED_LANGUAGES and language in ("ja", "ko"):
        warnings.append(f"written in {LANGUAGES[language]}; the analyses support English and Chinese")
    rec.status = "loaded with warning" if warnings else "loaded"
    rec.reason = "; ".join(warnings)
    rec.article = {
        "doc_id": rec.doc_id, "title": title, "source": meta.get("source") or source,
        "date": date, "date_precision": precision if date is not None else "",
        "date_evidence": evidence, "url": meta.get("url") or page_meta.get("url", ""), "text": text,
        "raw_text": rec.decoded.text, "n_words": n_words, "language": language, "path": rec.path,
        "encoding": rec.decoded.encoding,
        "_removals": removals,
        **{k: getattr(export, k) if export is not None else "" for k in EXPORT_FIELDS},
    }
    rec.signature = signature(text)


def _front_matter_meta(raw: str) -> tuple[dict[str, str], dates.DateFound]:
    """Title and url from a text's YAML front matter, and the publication date.

    The date comes from a publication-date field, else from the text below the front
    matter (a clipper's "created" date is when the page was saved, not published).
    """
    fields, n_lines = front_matter(raw)
    meta = {"title": fields.get("title", "")}
    meta["url"] = next((fields[k] for k in FRONT_URL_KEYS if fields.get(k, "").startswith("http")), "")
    for key in FRONT_DATE_KEYS:
        found = dates.parse_date_string(fields.get(key, ""))
        if found.date is not None:
            return meta, dates.DateFound(found.date, found.precision, f"front matter: {key}: {fields[key]}")
    body = raw.split("\n", n_lines)[-1] if n_lines else raw
    return meta, dates.date_from_text(body)


def _site_outlet(site: str, hints: tuple[str, ...]) -> str:
    """The outlet of a web page from its declared site name and address, or the site name as declared."""
    return next((o for o in map(outlet_of, (site, *hints)) if o), site)


def _mark_duplicates(records: list[_Record]) -> None:
    """Skip reposts: the earliest-dated (then first by path) copy stays."""
    live = [r for r in records if r.article]
    live.sort(key=lambda r: (r.article["date"] is None, r.article["date"] or pd.Timestamp(0), doc_sort_key(r.path)))
    found = find_duplicates([r.article["text"] for r in live], signatures=[r.signature for r in live])
    for j, (i, sim) in found.items():
        rec, first = live[j], live[i]
        rec.status = "skipped"
        unit = "character" if rec.article.get("language") == "zh" else "word"  # dedupe shingles Chinese by character
        rec.reason = f"duplicate of {first.path} ({sim:.0%} of {unit} 5-grams shared)" + copy_note(rec.article, first.article)
        rec.article = {}


def _tables(records: list[_Record], meta_entry: dict | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows, audit = [], []
    for rec in records:
        if rec.article:
            audit += [(rec.doc_id, r.line_no, r.text, r.rule) for r in rec.article.pop("_removals")]
            rows.append(rec.article)
    docs = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    docs["date"] = pd.to_datetime(docs["date"]).astype("datetime64[ns]")
    docs["n_words"] = docs["n_words"].astype("int64")
    docs["n_words_reported"] = pd.to_numeric(docs["n_words_reported"].replace("", None)).astype("Int64")
    docs = docs.sort_values("doc_id", kind="stable").reset_index(drop=True)
    if docs["doc_id"].duplicated().any():
        docs["doc_id"] = _unique(docs["doc_id"])
    report = pd.DataFrame(
        [{"path": r.path, "doc_id": r.doc_id if r.article or r.status.startswith("loaded") else "",
          "status": r.status, "reason": r.reason, "encoding": r.decoded.encoding,
          "n_words": (r.article or {}).get("n_words", 0), "language": r.language} for r in records]
        + ([meta_entry] if meta_entry else []), columns=REPORT_COLUMNS)
    report = report.sort_values("path", kind="stable", key=lambda p: p.map(doc_sort_key)).reset_index(drop=True)
    audit_df = pd.DataFrame(audit, columns=AUDIT_COLUMNS).sort_values(["doc_id", "line_no"], kind="stable")
    return docs, report, audit_df.reset_index(drop=True)


def _unique(ids: pd.Series) -> pd.Series:
    """Make ids unique by suffixing repeats (a.txt and a.html both give 'a')."""
    counts: dict[str, int] = {}
    out = []
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
        out.append(i if counts[i] == 1 else f"{i}~{counts[i]}")
    return pd.Series(out, index=ids.index)
