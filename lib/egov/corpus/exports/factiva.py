"""Factiva HTML exports ("Full Article/Report plus Indexing"): one `div.article` per article.

As in tm.plugin.factiva's readFactivaHTML, each article div holds a table whose rows pair a
two-letter field code with its value: HD headline, BY byline, WC word count, PD publication
date ("4 June 2019"), ET time, SN source name, SC source code, SE section, ED edition, PG page,
LA language, CY copyright, LP lead paragraphs, TD text, CO/NS/RE/IN/IPD indexing codes, PUB
publisher and AN the accession number ("Document XNHUA00020190604ef6400abc"). The article text
is LP then TD; copyright and indexing fields are metadata only.
"""
from __future__ import annotations

import re

import lxml.html

from egov.corpus.exports.common import (COPYRIGHT, LANGUAGE_CODES, ExportDoc, iso_date, language_code, paragraphs_text,
                                        words_reported)

ARTICLES = "//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]"
PD_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2}) (?P<mon>[A-Za-z]+)\.? (?P<year>\d{4})$")
PD_MONTH_DAY_YEAR = re.compile(r"^(?P<mon>[A-Za-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})$")
PD_CJK = re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日$")
LANGUAGE_NAMES = {name.split("-")[0] for name in LANGUAGE_CODES}
PD_ISO = re.compile(r"^(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})$")


def read_factiva_html(text: str) -> tuple[list[ExportDoc], list[str]]:
    """Articles of a Factiva HTML export and the file's problems (see the module docstring)."""
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as err:
        return [], [f"not readable as HTML: {err}"]
    divs = [d for d in tree.xpath(ARTICLES) if "Article" in (d.get("class") or "")]
    if not divs:
        return [], ["no article (div class='article ..Article') in the page"]
    return [_article(div, n) for n, div in enumerate(divs, start=1)], []


def _fields(div) -> dict[str, object]:
    """Field code -> value: text for most fields, a list of paragraphs for LP and TD."""
    out: dict[str, object] = {}
    for row in div.xpath(".//tr"):
        cells = row.xpath("./td")
        if len(cells) < 2:
            continue
        code = cells[0].text_content().replace("\u00a0", " ").strip()
        if not re.fullmatch(r"[A-Z]{2,3}", code) or code in out:
            continue
        if code in ("LP", "TD"):
            paragraphs = [p.text_content() for p in cells[1].xpath(".//p")] or [cells[1].text_content()]
            out[code] = [p for p in paragraphs if p.strip()]
        else:
            out[code] = " ".join(cells[1].text_content().split())
    return out


def parse_pd(value: str) -> str:
    """ISO date of a PD field ("4 June 2019", "June 4, 2019", "2019年6月4日"), "" when unreadable."""
    value = " ".join(value.split())
    for pattern in (PD_DAY_MONTH_YEAR, PD_MONTH_DAY_YEAR, PD_CJK, PD_ISO):
        if m := pattern.match(value):
            return iso_date(m.group("year"), m.group("mon"), m.group("day"))
    return ""


def _div_fields(div) -> dict[str, object]:
    """The fields of an article laid out without codes ("Full Article/Report"): headline span,
    then one div per field (byline, "512 words", date, time, source, code, language, copyright),
    paragraphs of class articleParagraph and "Document ..." at the end."""
    out: dict[str, object] = {}
    head = div.xpath(".//*[contains(@class, 'Headline') or @id='hd']")
    paragraphs = [p.text_content() for p in div.xpath(".//p[contains(@class, 'articleParagraph')]")]
    if not head or not paragraphs:
        return out
    out["HD"], out["TD"] = " ".join(head[0].text_content().split()), paragraphs
    after_date = False
    for cell in div.xpath("./div[not(@id='hd')]"):
        text = " ".join(cell.text_content().split())
        if not text or cell.xpath(".//p[contains(@class, 'articleParagraph')]"):
            continue
        if text.startswith("Document "):
            out["AN"] = text
        elif re.fullmatch(r"[\d,]+ words", text):
            out["WC"] = text
        elif parse_pd(text) and "PD" not in out:
            out["PD"], after_date = text, True
        elif text.lower().startswith("by "):
            out.setdefault("BY", text[3:])
        elif COPYRIGHT.match(text) or text.startswith("(c)"):
            out["CY"] = text
        elif text.split("-")[0].strip().lower() in LANGUAGE_NAMES:
            out["LA"] = text
        elif after_date and not re.fullmatch(r"[\d:]+(?: GMT)?|[A-Z0-9]{3,8}", text):
            out.setdefault("SN", text)
    return out


def _article(div, number: int) -> ExportDoc:
    fields = _fields(div) or _div_fields(div)
    doc = ExportDoc(number)
    if not fields:
        doc.problem = "no field table (HD, PD, TD ...) and no headline with paragraphs: not a Factiva article"
        return doc
    doc.title = str(fields.get("HD", ""))
    doc.byline = str(fields.get("BY", ""))
    doc.source = str(fields.get("SN", ""))
    doc.section = str(fields.get("SE", ""))
    doc.n_words_reported = words_reported(str(fields.get("WC", "")))
    doc.language = language_code(str(fields.get("LA", "")))
    doc.database_id = re.sub(r"^Document\s+", "", str(fields.get("AN", "")))
    paragraphs = list(fields.get("LP", [])) + list(fields.get("TD", []))
    doc.text = paragraphs_text([p for p in paragraphs if not COPYRIGHT.match(p)])
    pd_field = str(fields.get("PD", ""))
    doc.date, doc.date_field = parse_pd(pd_field), pd_field and f"PD {pd_field}"
    if not pd_field:
        doc.warning = "no PD (publication date) field"
    elif not doc.date:
        doc.warning = f"PD field '{pd_field}' not understood"
    if not doc.text:
        doc.problem = "no text: the article has neither an LP nor a TD field"
    elif not doc.title:
        doc.warning = "; ".join(filter(None, [doc.warning, "no HD (headline) field"]))
    return doc
