"""Write the database-export test files of this folder and truth.csv (what a reader must find).

Run from the repo root: python tests/data/exports/make_exports.py
Formats follow the public descriptions of each database's export and the parsers of
LexisNexisTools (lnt_read) and tm.plugin.factiva (readFactivaHTML); the files and their
texts are written for this project (articles.py), nothing is copied from those packages.

Files (one damaged file per format):
  nexis_uni_egov.docx       Nexis Uni DOCX, 10 documents, a wire copy, a Chinese article
  nexis_uni_truncated.docx  Nexis Uni DOCX of 5 documents cut off inside document 3
  lexisnexis_bom.txt        legacy LexisNexis text, UTF-8 with BOM, 8 documents, a Chinese article
  lexisnexis_plain.txt      legacy LexisNexis text, UTF-8 without BOM, copyright above the outlet, 6 documents
  lexisnexis_damaged.txt    4 documents, document 3 lacks its "3 of 4 DOCUMENTS" start line
  factiva_egov.html         Factiva "Full Article/Report plus Indexing", 10 articles, an exact repeat
  factiva_no_pd.html        4 articles, one without a PD field
  proquest_egov.txt         ProQuest plain text, 9 documents
  proquest_no_fulltext.txt  4 documents, one a citation without Full text
truth.csv: export_file, doc_number, title, source, date, byline, section, n_words_reported,
language, database, database_id, status (loaded, loaded with warning, duplicate, broken), reason
(a phrase the load report's reason contains).
"""
from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
import zlib
from datetime import date
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

NBSP = "\u00a0"
RULE = "_" * 60
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CJK = re.compile("[\u4e00-\u9fff]")

# One row per document: file, article key, source, date, time, byline, section, language, extra
DOCS = {
    "nexis_uni_egov.docx": [
        ("w1_zhejiang", "Xinhua General News Service", "2019-07-01", "9:20 AM GMT", "Wang Lei", "WORLD NEWS", "en"),
        ("gd_app", "China Daily", "2019-07-02", "", "Zhou Min", "BUSINESS", "en"),
        ("w1_zhejiang", "Xinhua Economic News Service", "2019-07-01", "11:05 AM GMT", "Wang Lei", "ECONOMY", "en"),
        ("sh_onenet", "Shanghai Daily", "2019-07-09", "", "Chen Yu", "METRO", "en"),
        ("national_platform", "China Daily", "2019-06-01", "", "", "CHINA", "en"),
        ("zh_guangdong", "南方日报", "2019-07-03", "", "", "要闻", "zh"),
        ("guiyang_cloud", "Global Times", "2019-06-12", "8:14 PM GMT", "Liu Fang", "CHINA", "en"),
        ("hz_citybrain", "South China Morning Post", "2019-07-15", "", "Mark Hollis", "CHINA", "en"),
        ("w3_un_survey", "China Daily", "2020-07-11", "", "Hu Yang", "CHINA", "en"),
        ("elderly_divide", "Global Times", "2020-11-24", "", "Liu Fang", "SOCIETY", "en"),
    ],
    "nexis_uni_truncated.docx": [
        ("data_security", "China Daily", "2021-08-20", "", "Zhou Min", "CHINA", "en"),
        ("rural_points", "Xinhua General News Service", "2020-09-14", "3:02 AM GMT", "", "DOMESTIC NEWS", "en"),
        ("health_code", "South China Morning Post", "2020-04-02", "", "Mark Hollis", "CHINA", "en"),
        ("tax_online", "China Daily", "2020-05-11", "", "", "BUSINESS", "en"),
        ("biz_licence", "China Daily", "2019-03-07", "", "", "BUSINESS", "en"),
    ],
    "lexisnexis_bom.txt": [
        ("w1_zhejiang", "Asia News Monitor", "2019-07-02", "", "", "GENERAL NEWS", "en"),
        ("internet_court", "China Daily", "2017-08-19", "", "Xu Jing", "CHINA; Pg. 3", "en"),
        ("sz_instant", "Shenzhen Daily", "2018-06-05", "", "Li Qing", "NEWS", "en"),
        ("bj_hotline", "China Daily European Edition", "2019-03-15", "", "Zhao Rui", "BEIJING; Pg. 5", "en"),
        ("zh_shanghai", "解放日报", "2018-04-10", "", "", "要闻", "zh"),
        ("wuhan_mini", "Xinhua General News Service", "2018-09-21", "4:12 PM EST", "", "DOMESTIC NEWS", "en"),
        ("cross_province", "China Daily", "2020-09-29", "", "Wang Xin", "CHINA; Pg. 1", "en"),
        ("open_data", "Asia Times", "2018-02-12", "", "Ellen Park", "CHINA", "en"),
    ],
    "lexisnexis_plain.txt": [
        ("w3_un_survey", "Asia News Monitor", "2020-07-13", "", "", "GENERAL NEWS", "en"),
        ("e_invoice", "China Daily", "2018-01-08", "", "Ma Li", "BUSINESS; Pg. 14", "en"),
        ("single_window", "Shanghai Daily", "2017-11-02", "", "Chen Yu", "BUSINESS", "en"),
        ("blockchain_certs", "Foshan Today", "2018-05-22", "", "", "LOCAL", "en"),
        ("smart_village", "China Daily", "2019-05-17", "", "Hu Yang", "CHINA; Pg. 6", "en"),
        ("school_enrol", "Global Times", "2019-06-27", "", "Liu Fang", "CHINA", "en"),
    ],
    "lexisnexis_damaged.txt": [
        ("hukou_online", "China Daily", "2019-08-02", "", "Wang Xin", "CHINA", "en"),
        ("pension_face", "Global Times", "2019-11-12", "", "", "SOCIETY", "en"),
        ("accessible_sites", "China Daily", "2020-04-10", "", "", "CHINA", "en"),
        ("e_procurement", "Shanghai Daily", "2019-09-30", "", "Chen Yu", "BUSINESS", "en"),
    ],
    "factiva_egov.html": [
        ("w2_guideline", "Xinhua News Agency", "2022-06-23", "19:05", "", "", "en"),
        ("w2_guideline", "China Daily", "2022-06-24", "", "", "China", "en"),
        ("env_permits", "China Daily", "2021-03-02", "", "Hou Lin", "Environment", "en"),
        ("w1_zhejiang", "Xinhua News Agency", "2019-07-02", "02:10", "", "", "en"),
        ("housing_fund", "Global Times", "2020-12-03", "", "Liu Fang", "China", "en"),
        ("marriage_reg", "China Daily", "2021-06-01", "", "Zhao Rui", "China", "en"),
        ("zh_zhejiang", "浙江日报", "2019-05-20", "", "", "要闻", "zh"),
        ("tax_online", "Reuters News", "2020-05-11", "07:30", "Anna Kerr", "", "en"),
        ("env_permits", "China Daily", "2021-03-02", "", "Hou Lin", "Environment", "en"),  # exact repeat
        ("ss_card", "China Daily", "2021-11-15", "", "Ma Li", "China", "en"),
    ],
    "factiva_no_pd.html": [
        ("hainan_ftp", "China Daily", "2020-06-02", "", "Hu Yang", "China", "en"),
        ("cq_cloud", "Xinhua News Agency", "2019-10-18", "10:45", "", "", "en"),
        ("chengdu_tianfu", "Global Times", "", "", "Liu Fang", "China", "en"),  # no PD field
        ("xiongan", "China Daily", "2021-04-01", "", "Zhou Min", "China", "en"),
    ],
    "proquest_egov.txt": [
        ("w1_zhejiang", "Targeted News Service", "2019-07-03", "", "", "", "en"),
        ("w2_guideline", "Asia News Monitor", "2022-06-24", "", "", "", "en"),
        ("biz_licence", "China Daily", "2019-03-07", "", "Ma, Li", "Business", "en"),
        ("gov_accounts", "South China Morning Post", "2018-10-30", "", "Hollis, Mark", "China", "en"),
        ("digital_skills", "China Daily", "2021-01-19", "", "Zhou, Min", "China", "en"),
        ("e_archives", "Global Times", "2020-08-25", "", "", "China", "en"),
        ("flood_alerts", "South China Morning Post", "2020-07-09", "", "Hollis, Mark", "China", "en"),
        ("gov_ratings", "China Daily", "2019-12-16", "", "Hu, Yang", "China", "en"),
        ("medical_insurance", "China Daily", "2021-02-08", "", "Wang, Xin", "China", "en"),
    ],
    "proquest_no_fulltext.txt": [
        ("gov_chatbots", "China Daily", "2021-09-14", "", "Zhao, Rui", "China", "en"),
        ("property_reg", "Global Times", "2020-10-20", "", "", "China", "en"),
        ("citation_only", "The China Journal", "2019-01-01", "", "Kerr, Anna", "", "en"),  # no Full text
        ("startup_day", "China Daily", "2019-10-25", "", "Ma, Li", "Business", "en"),
    ],
}
DATABASE = {"nexis": "nexis", "lexisnexis": "nexis", "factiva": "factiva", "proquest": "proquest"}
CITATION_TITLE = "Digital government and the reach of the state in China"
CITATION_ABSTRACT = ("This article examines how online government services change the relationship "
                     "between citizens and local officials, drawing on interviews in three provinces.")
SUBJECTS = ["E-government", "Public services", "Mobile applications", "Data sharing"]


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _long_date(iso: str) -> str:
    """July 1, 2019 Monday"""
    d = _day(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year} {d.strftime('%A')}"


def _paragraphs(key: str) -> tuple[str, list[str]]:
    if key == "citation_only":
        return CITATION_TITLE, []
    title, body = ARTICLES[key]
    return title, [p.strip() for p in body.split("\n\n") if p.strip()]


def _length(paras: list[str], lang: str) -> int:
    text = "\n".join(paras)
    return len(CJK.findall(text)) if lang == "zh" else len(text.split())


def _ln_lang(lang: str) -> str:
    return {"en": "ENGLISH", "zh": "CHINESE"}[lang]


# --- Nexis Uni DOCX -------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _wp(*runs: tuple[str, bool], page_break: bool = False) -> str:
    out = []
    for text, bold in runs:
        props = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{props}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>')
    if page_break:
        out.append('<w:r><w:br w:type="page"/></w:r>')
    return "<w:p>" + "".join(out) + "</w:p>"


def _label(name: str, value: str) -> str:
    return _wp((f"{name}:{NBSP}", True), (value, False))


def _nexis_doc(row, n: int) -> list[str]:
    key, source, iso, time, byline, section, lang = row
    title, paras = _paragraphs(key)
    dateline = _long_date(iso) + (f" {time}" if time else "")
    year = _day(iso).year
    out = [_wp((title, True)), _wp((source, False)), _wp((dateline, False)),
           _wp((f"Copyright {year} {source} All Rights Reserved", False)),
           _label("Section", section), _label("Length", f"{_length(paras, lang)} words")]
    if byline:
        out.append(_label("Byline", byline))
    out.append(_wp(("Body", True)))
    out += [_wp((p, False)) for p in paras]
    load = _day(iso).replace(day=min(_day(iso).day + 1, 28))
    out += [_label("Load-Date", f"{load.strftime('%B')} {load.day}, {load.year}"),
            _wp(("Classification", True)),
            _label("Language", _ln_lang(lang)),
            _label("Publication-Type", "Newswire" if "Xinhua" in source else "Newspaper"),
            _label("Subject", "E-GOVERNMENT (92%); PUBLIC ADMINISTRATION (90%); INTERNET & WWW (78%)"),
            _label("Geographic", "CHINA (94%)"),
            _wp(("End of Document", False), page_break=True)]
    return out


def _docx(rows, job: int, terms: str) -> bytes:
    cover = [_wp(("User Name: =egov-test", False)), _wp(("Date and Time: Monday, December 7, 2026 8:12:00 PM EST", False)),
             _label("Job Number", str(job)), _wp((f"Documents ({len(rows)})", True))]
    for n, row in enumerate(rows, 1):
        cover.append(_wp((f"{n}. {_paragraphs(row[0])[0]}", False)))
    cover += [_label("Client/Matter", "-None-"), _label("Search Terms", terms),
              _label("Search Type", "Terms and Connectors"),
              _wp(("Content Type", True)), _wp(("news", False), page_break=True)]
    body = cover + [p for n, row in enumerate(rows, 1) for p in _nexis_doc(row, n)]
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
                + "".join(body) + "</w:body></w:document>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def _truncate_inside(data: bytes, marker: str) -> bytes:
    """Cut a DOCX's bytes where the deflated word/document.xml has just produced `marker`."""
    start = data.index(b"word/document.xml") + len("word/document.xml")  # local header name; extra is empty
    z = zlib.decompressobj(-15)
    produced = b""
    for end in range(start + 64, len(data), 64):
        produced += z.decompress(data[end - 64:end])
        if marker.encode() in produced:
            return data[:end]
    raise ValueError(f"marker {marker!r} not found")


# --- legacy LexisNexis TXT -------------------------------------------------------------

def _ln_doc(row, n: int, total: int, copyright_top: bool, start_line: bool = True) -> list[str]:
    key, source, iso, time, byline, section, lang = row
    title, paras = _paragraphs(key)
    year = _day(iso).year
    out = [""]
    if start_line:
        out += [f"{n} of {total} DOCUMENTS".center(78).rstrip(), ""]
    if copyright_top:
        out += [f"Copyright {year} {source}".center(78).rstrip(), "", ""]
    out += [source.center(78).rstrip(), "", (_long_date(iso) + (f" {time}" if time else "")).center(78).rstrip()]
    if key == "smart_village":
        out.append("Global Edition".center(78).rstrip())
    out += ["", title, ""]
    if byline:
        out += [f"BYLINE: {byline}", ""]
    out += [f"SECTION: {section}", "", f"LENGTH: {_length(paras, lang)} words", "", ""]
    for p in paras:
        out += [p, ""]
    load = _day(iso).replace(day=min(_day(iso).day + 1, 28))
    out += ["", f"LOAD-DATE: {load.strftime('%B')} {load.day}, {load.year}", "",
            f"LANGUAGE: {_ln_lang(lang)}", "",
            f"PUBLICATION-TYPE: {'Newswire' if 'Xinhua' in source or 'Monitor' in source else 'Newspaper'}", ""]
    if not copyright_top:
        out += ["", f"Copyright {year} {source}".center(78).rstrip(), "All Rights Reserved".center(78).rstrip(), ""]
    out.append("")
    return out


def _ln_txt(rows, copyright_top: bool, drop_start: int | None = None) -> str:
    lines: list[str] = []
    for n, row in enumerate(rows, 1):
        lines += _ln_doc(row, n, len(rows), copyright_top, start_line=n != drop_start)
    return "\r\n".join(lines) + "\r\n"


# --- Factiva HTML -----------------------------------------------------------------------

SOURCE_CODES = {"Xinhua News Agency": "XNHUA", "China Daily": "CHNDLY", "Global Times": "GLOBTI",
                "Reuters News": "LBA", "浙江日报": "ZJRB"}


def _an(row) -> str:
    key, source, iso = row[0], row[1], row[2] or "2019-01-01"
    code = SOURCE_CODES.get(source, "NEWS")
    return f"Document {code}0020{iso.replace('-', '')}e{len(key):02d}{sum(map(ord, key + source)) % 997:03d}"


def _fv_row(code: str, value_html: str) -> str:
    return (f'<tr><td class="index" align="right" valign="top"><b>{code}</b>&nbsp;</td>'
            f"<td>{value_html}</td></tr>")


def _fv_article(row, n: int) -> str:
    key, source, iso, time, byline, section, lang = row
    title, paras = _paragraphs(key)
    cls = "article zhcnArticle" if lang == "zh" else "article enArticle"
    pcls = "articleParagraph zhcnarticleParagraph" if lang == "zh" else "articleParagraph enarticleParagraph"
    rows = []
    if section:
        rows.append(_fv_row("SE", escape(section)))
    rows.append(_fv_row("HD", f'<span class="enHeadline">{escape(title)}</span>'))
    if byline:
        rows.append(_fv_row("BY", escape(byline)))
    rows.append(_fv_row("WC", f"{_length(paras, lang):,} words"))
    if iso:
        d = _day(iso)
        rows.append(_fv_row("PD", f"{d.day} {d.strftime('%B')} {d.year}"))
    if time:
        rows.append(_fv_row("ET", time))
    rows += [_fv_row("SN", escape(source)), _fv_row("SC", SOURCE_CODES.get(source, "NEWS"))]
    if source == "China Daily":
        rows += [_fv_row("ED", "1"), _fv_row("PG", "3")]
    year = _day(iso).year if iso else 2020
    rows += [_fv_row("LA", "Chinese-Simplified" if lang == "zh" else "English"),
             _fv_row("CY", f"(c) {year} {escape(source)}. All rights reserved.")]
    lead = "".join(f'<p class="{pcls}">{escape(p)}</p>' for p in paras[:1])
    rest = "".join(f'<p class="{pcls}">{escape(p)}</p>' for p in paras[1:])
    rows += [_fv_row("LP", lead), _fv_row("TD", rest),
             _fv_row("NS", "gpol : Domestic Politics | gcat : Political/General News | ncat : Content Types"),
             _fv_row("RE", "china : China | asiaz : Asia | bric : BRICS Countries"),
             _fv_row("IN", "iint : Online Service Providers | itech : Technology"),
             _fv_row("IPD", "E-government"),
             _fv_row("PUB", escape(source)),
             _fv_row("AN", _an(row))]
    return (f'<div class="{cls}"><p></p><table border="0" width="100%">' + "".join(rows)
            + "</table><br/></div>\n")


def _factiva_html(rows) -> str:
    heads = "".join(f'<tr><td><a href="#article-{n}">{escape(_paragraphs(r[0])[0])}</a>, {len(_paragraphs(r[0])[1])} '
                    f"paragraphs</td></tr>" for n, r in enumerate(rows, 1))
    summary = ('<div id="searchSummary"><table><tr><td>Text</td><td>e-government and China</td></tr>'
               '<tr><td>Date</td><td>01/01/2017 to 12/31/2022</td></tr><tr><td>Source</td><td>All Sources</td></tr>'
               f"<tr><td>Results Found</td><td>{len(rows) * 12}</td></tr>"
               "<tr><td>Timestamp</td><td>7 December 2026 20:12</td></tr></table></div>\n")
    articles = "".join(f'<a name="article-{n}"></a>' + _fv_article(r, n) for n, r in enumerate(rows, 1))
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Factiva</title></head>\n<body>\n'
            '<div id="pageHeader">Dow Jones Factiva</div>\n'
            f'<div id="headlines"><b>Full Article/Report plus Indexing</b><table>{heads}</table></div>\n'
            + summary + articles +
            '<div id="footer">(c) 2026 Factiva, Inc. All rights reserved.</div>\n</body></html>\n')


# --- ProQuest TXT ----------------------------------------------------------------------

def _pq_id(row) -> str:
    return str(2100000000 + sum(map(ord, row[0] + row[1])) * 97 % 99999989)


def _pq_record(row, n: int, total: int) -> list[str]:
    key, source, iso, time, author, section, lang = row
    title, paras = _paragraphs(key)
    d = _day(iso)
    pqid = _pq_id(row)
    url = f"https://www.proquest.com/newspapers/{re.sub(r'[^a-z]+', '-', title.lower()).strip('-')}/docview/{pqid}/se-2"
    out = ["", f"Document {n} of {total}", "", title, ""]
    if author:
        out += [f"Author: {author}", ""]
    out += [f"Publication info: {source}; Beijing [Beijing]. {d.day:02d} {d.strftime('%B')} {d.year}: 3.", "",
            f"ProQuest document ID: {pqid}", "", f"Document URL: {url}", ""]
    if paras:
        out += ["Full text: " + paras[0], ""] + [x for p in paras[1:] for x in (p, "")]
    else:
        out += [f"Abstract: {CITATION_ABSTRACT}", ""]
    out += [f"Subject: {'; '.join(SUBJECTS)}", "", "Location: China", "", f"Title: {title}", "",
            f"Publication title: {source}; Beijing", "", "Pages: 3", "", f"Publication year: {d.year}", "",
            f"Publication date: {d.strftime('%b')} {d.day}, {d.year}", ""]
    if section:
        out += [f"Section: {section}", ""]
    out += [f"Publisher: {source}", "", "Place of publication: Beijing", "", "Country of publication: China, Beijing", "",
            "Publication subject: General Interest Periodicals--China", "",
            f"Source type: {'Scholarly Journal' if not paras else 'Newspaper'}", "",
            "Language of publication: English", "", f"Document type: {'Journal Article' if not paras else 'News'}", "",
            f"ProQuest document ID: {pqid}", "", f"Document URL: {url}", "",
            f"Copyright: Copyright {source} {d.strftime('%b')} {d.day}, {d.year}", "",
            f"Last updated: {d.isoformat()}", "", "Database: ProQuest Central", "", RULE]
    return out


def _proquest_txt(rows) -> str:
    lines = [RULE, "", "Report Information from ProQuest", "December 07 2026 20:12", RULE, "", "Table of contents", ""]
    lines += [f"{n}. {_paragraphs(r[0])[0]}" for n, r in enumerate(rows, 1)]
    lines += ["", RULE]
    for n, r in enumerate(rows, 1):
        lines += _pq_record(r, n, len(rows))
    return "\n".join(lines) + "\n"


# --- truth ------------------------------------------------------------------------------

def _truth() -> list[dict]:
    rows = []
    for name, docs in DOCS.items():
        db = DATABASE[name.split("_")[0]]
        for n, row in enumerate(docs, 1):
            key, source, iso, time, byline, section, lang = row
            title, paras = _paragraphs(key)
            if db == "factiva":
                dbid = _an(row).removeprefix("Document ")
            elif db == "proquest":
                dbid = _pq_id(row)
            else:
                dbid = ""
            status, reason = "loaded", ""
            if name == "nexis_uni_truncated.docx" and n == 3:
                status, reason = "broken", "cut off"
            elif name == "nexis_uni_truncated.docx" and n > 3:
                status, reason = "broken", "truncated"
            elif name == "lexisnexis_damaged.txt" and n == 3:
                status, reason = "broken", "start line"
            elif name == "factiva_no_pd.html" and not iso:
                status, reason = "loaded with warning", "no PD"
            elif key == "citation_only":
                status, reason = "broken", "no 'Full text:' field"
            rows.append({"export_file": name, "doc_number": n, "title": title, "source": source, "date": iso,
                         "byline": byline, "section": section.split(";")[0].strip(),
                         "n_words_reported": _length(paras, lang) if paras and db != "proquest" else "", "language": lang,
                         "database": db, "database_id": dbid, "status": status, "reason": reason,
                         "_key": key})
    # Wire copies and repeats: the earliest date, then the first path in sort order, is kept.
    live = [r for r in rows if r["status"].startswith("loaded")]
    live.sort(key=lambda r: (r["date"] == "", r["date"], f"exports/{r['export_file']}#doc={r['doc_number']:09d}"))
    first: dict[str, dict] = {}
    for r in live:
        if r["_key"] in first:
            kept = first[r["_key"]]
            r["status"], r["reason"] = "duplicate", f"duplicate of exports/{kept['export_file']}#doc={kept['doc_number']}"
        else:
            first[r["_key"]] = r
    for r in rows:
        del r["_key"]
    return rows


def main(out: Path = HERE) -> None:
    """Write every export file and truth.csv into `out` (by default this folder)."""
    d = DOCS
    (out / "nexis_uni_egov.docx").write_bytes(_docx(d["nexis_uni_egov.docx"], 108813, '"e-government" AND China'))
    full = _docx(d["nexis_uni_truncated.docx"], 108814, '"digital government" AND China')
    (out / "nexis_uni_truncated.docx").write_bytes(_truncate_inside(full, "Researchers said the speed"))  # inside doc 3
    (out / "lexisnexis_bom.txt").write_bytes(b"\xef\xbb\xbf" + _ln_txt(d["lexisnexis_bom.txt"], False).encode("utf-8"))
    (out / "lexisnexis_plain.txt").write_bytes(_ln_txt(d["lexisnexis_plain.txt"], True).encode("utf-8"))
    (out / "lexisnexis_damaged.txt").write_bytes(_ln_txt(d["lexisnexis_damaged.txt"], False, drop_start=3).encode("utf-8"))
    for name in ("factiva_egov.html", "factiva_no_pd.html"):
        (out / name).write_text(_factiva_html(d[name]), encoding="utf-8")
    for name in ("proquest_egov.txt", "proquest_no_fulltext.txt"):
        (out / name).write_text(_proquest_txt(d[name]), encoding="utf-8")
    truth = _truth()
    with open(out / "truth.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(truth[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(truth)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
