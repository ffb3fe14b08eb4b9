"""Publication dates of news pages from raw HTML.

Sources, strongest first: structured metadata (JSON-LD datePublished, meta tags
such as article:published_time, itemprop="datePublished", <time> in the article
header), htmldate's own search, and the date line of the visible text near the
headline.  A date is returned only when the sources that exist agree well
enough; otherwise the result is DateFound(None, "", reason).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import lxml.html
import pandas as pd
from lxml import etree

from egov.corpus.dates import DateFound, date_lines, parse_date_string, text_date

# Meta names/properties (lower-case) that hold the original publication date.
_META_PUBLISHED = {
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "published_time", "article.published", "article_date_original", "parsely-pub-date",
    "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "datepublished", "date_published", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "dc.date", "dcterms.date", "dc.date.published", "citation_publication_date",
    "citation_date", "citation_online_date", "prism.publicationdate", "originalpublicationdate",
    "og:pubdate", "rnews:datepublished", "cxenseparse:recs:publishtime", "bt:pubdate", "date",
    "displaydate", "release_date", "article:post_date", "pub_date", "created", "creation_date",
    # Chinese government and news sites: gov.cn, people.com.cn, xinhuanet.com, provincial portals
    "firstpublishedtime", "publishtime", "publish_time", "pubtime", "pub_time", "releasetime", "releasedate",
    "articlepubdate", "contentpublishdate", "publishedtime",
}
_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|news|review|recipe|creativework", re.I)
_ISO_INSTANT = re.compile(
    r"(?P<d>\d{4}-\d\d-\d\d)[T ](?P<t>\d\d:\d\d(?::\d\d)?)(?:\.\d+)?\s*(?P<tz>Z|[+-]\d\d:?\d\d)?")
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "section", "article", "aside", "nav", "table", "tr", "td", "th", "dd", "dt", "dl", "time",
    "blockquote", "figure", "figcaption", "main", "form", "hr", "address", "pre",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "select", "option", "button"}
_RANKS = {"jsonld": 5, "meta": 4, "element": 3, "meta-weak": 2, "script": 1, "jsonld-other": 0}
# Publication dates in a page's JavaScript state (Next.js, Nuxt...), the weakest metadata.
_SCRIPT_DATE = re.compile(r'"(?:publishedDate|publishDate|pubDate|published_at|publishedAt|firstPublishedAt|'
                          r'first_published_at|date_published|datePublished)"\s*:\s*"([^"]{8,40})"')
_HEAD_KINDS = ("jsonld", "meta", "meta-weak")  # page-level metadata, unlike <time> of teasers in the body


@dataclass(frozen=True)
class _Source:
    """One publication-date claim from the page."""

    kind: str  # a key of _RANKS
    raw: str
    found: DateFound
    instant: datetime | None  # aware datetime when the string had a time and offset

    @property
    def day(self) -> str:
        return self.found.date.strftime("%Y-%m-%d") if self.found.date is not None else ""

    @property
    def local(self) -> bool:
        """True when the timestamp carries a non-UTC offset (the publisher's local time)."""
        return self.instant is not None and self.instant.utcoffset() != timedelta(0)


# ---------------------------------------------------------------- parsing


def _parse_html(html: str) -> etree._Element | None:
    """The lxml tree of a page, or None when it cannot be parsed."""
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:  # str with an XML encoding declaration
        try:
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (ValueError, etree.ParserError):
            return None
    except etree.ParserError:
        return None


def _instant(raw: str) -> datetime | None:
    """The aware datetime of an ISO timestamp with offset, else None."""
    m = _ISO_INSTANT.search(raw)
    if not m or not m["tz"]:
        return None
    tz = m["tz"].replace("Z", "+00:00")
    if ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    try:
        return datetime.fromisoformat(f"{m['d']}T{m['t']}{tz}")
    except ValueError:
        return None


def _source(kind: str, raw: str) -> _Source | None:
    """A day-precision source from a raw date string, or None."""
    found = parse_date_string(raw[:100])
    if found.date is None or found.precision != "day":
        return None
    return _Source(kind, raw.strip()[:60], found, _instant(raw))


# ---------------------------------------------------------------- metadata


def _jsonld_objects(root: etree._Element) -> list[object]:
    """Parsed JSON-LD blocks of the page (unparseable blocks are skipped)."""
    out = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            out.append(json.loads(script.text.strip().rstrip(";"), strict=False))
        except ValueError:
            out.extend({"datePublished": v} for v in re.findall(r'"datePublished"\s*:\s*"([^"]+)"', script.text))
    return out


def _walk_jsonld(obj: object, found: list[tuple[bool, str]]) -> None:
    """Collect (is_article_type, datePublished) pairs from nested JSON-LD."""
    if isinstance(obj, list):
        for x in obj:
            _walk_jsonld(x, found)
    elif isinstance(obj, dict):
        value = obj.get("datePublished")
        if isinstance(value, str):
            typ = obj.get("@type", "")
            typ = " ".join(typ) if isinstance(typ, list) else str(typ)
            found.append((bool(_ARTICLE_TYPES.search(typ)), value))
        for k, v in obj.items():
            if k not in ("comment", "review", "itemListElement", "hasPart", "subjectOf"):
                _walk_jsonld(v, found)


def _jsonld_sources(root: etree._Element) -> list[_Source]:
    """datePublished values; those of non-article objects (WebPage...) are "jsonld-other" when articles exist."""
    found: list[tuple[bool, str]] = []
    for obj in _jsonld_objects(root):
        _walk_jsonld(obj, found)
    kinds = ("jsonld", "jsonld-other") if any(art for art, _ in found) else ("jsonld", "jsonld")
    return [s for art, v in found if (s := _source(kinds[0] if art else kinds[1], v))]


def _meta_sources(root: etree._Element) -> list[_Source]:
    """Publication dates from <meta> tags (modification dates are ignored)."""
    out = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key not in _META_PUBLISHED:
            continue
        kind = "meta-weak" if key in ("date", "created", "dc.date", "dcterms.date") else "meta"
        if not (meta.get("property") or meta.get("name")):
            kind = "element"  # microdata <meta itemprop> belongs to an item, maybe a teaser
        if src := _source(kind, meta.get("content") or ""):
            out.append(src)
    return out


def _element_sources(root: etree._Element) -> list[_Source]:
    """itemprop="datePublished" elements and <time> elements of the article header."""
    out = []
    for el in root.xpath('//*[translate(@itemprop, "DATEPUBLISHED", "datepublished")="datepublished"]'):
        if el.tag == "meta":
            continue
        raw = el.get("datetime") or el.get("content") or el.text_content()
        if src := _source("element", raw or ""):
            out.append(src)
    times = root.xpath("//time[@pubdate] | //article//header//time[@datetime] | "
                       '//time[contains(@class, "publish") or contains(@class, "posted") '
                       'or contains(@class, "entry-date") or contains(@class, "pub-date")]')
    for el in times[:3]:
        if src := _source("element", el.get("datetime") or el.text_content() or ""):
            out.append(src)
    return out


def _script_sources(root: etree._Element) -> list[_Source]:
    """Publication dates in inline JavaScript data (not JSON-LD), in page order."""
    out = []
    for script in root.iter("script"):
        if script.text and "ld+json" not in (script.get("type") or "").lower():
            out.extend(src for raw in _SCRIPT_DATE.findall(script.text) if (src := _source("script", raw)))
    return out


# ---------------------------------------------------------------- visible text


_MARK = "\x00"


def _text_lines(root: etree._Element, mark: etree._Element | None = None) -> list[str]:
    """Visible text of the page as lines, one per block element.

    The line where `mark` starts is prefixed with a NUL character.
    """
    parts: list[str] = []
    skip_depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS:
                skip_depth += 1
            elif skip_depth == 0:
                if tag in _BLOCK_TAGS:
                    parts.append("\n")
                if el is mark:
                    parts.append(_MARK)
                if el.text and tag:
                    parts.append(el.text)
        else:
            if tag in _SKIP_TAGS:
                skip_depth -= 1
            elif skip_depth == 0 and tag in _BLOCK_TAGS:
                parts.append("\n")
            if skip_depth == 0 and el.tail:
                parts.append(el.tail)
    lines = (re.sub(r"[^\S\x00]+", " ", ln).strip() for ln in "".join(parts).split("\n"))
    return [ln for ln in lines if ln.strip(" " + _MARK) or ln == _MARK]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _headline(root: etree._Element) -> etree._Element | None:
    """The article's headline: an <h1>-<h3> whose text is part of the page title, else the main <h1>."""
    titles = [m.get("content") or "" for m in root.xpath('//meta[@property="og:title" or @name="twitter:title"]')]
    titles += [t.text_content() for t in root.xpath("//title")]
    titles = [_norm(t) for t in titles if t]
    for el in root.xpath("//h1") + root.xpath("//h2") + root.xpath("//h3"):  # some sites title with <h3>
        text = _norm(el.text_content())
        if len(text) >= 10 and any(text in t for t in titles):
            return el
    h1s = root.xpath("//article//h1 | //main//h1") or root.xpath("//h1")
    return h1s[0] if h1s else None


def _headline_text(root: etree._Element) -> str:
    """The lines around the article's headline, where a page shows its own date line; "" without one."""
    head = _headline(root)
    if head is None:
        return ""
    lines = _text_lines(root, mark=head)
    at = next((i for i, ln in enumerate(lines) if ln.startswith(_MARK)), None)
    if at is None:
        return ""
    window = [ln.lstrip(_MARK) for ln in lines[max(0, at - 4): at + 30]]
    return "\n".join(ln for ln in window if ln)


def headline_lines(html: str) -> str:
    """The visible lines around a page's headline (its date and source lines), "" without a headline.

    Example: headline_lines("<h1>国务院常务会议部署</h1><p>来源：新华网</p>") == "国务院常务会议部署\n来源：新华网"
    """
    root = _parse_html(html or "")
    return _headline_text(root) if root is not None else ""


# ---------------------------------------------------------------- htmldate


def _htmldate(html: str) -> str | None:
    """htmldate's original publication date (YYYY-MM-DD), without its extensive search."""
    try:
        from htmldate import find_date
    except ImportError:
        return None
    try:
        return find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d",
                         min_date="1990-01-01", max_date="2100-12-31")
    except Exception:  # htmldate raises on odd markup; it is only one voter
        return None


# ---------------------------------------------------------------- decision


def _days_apart(a: _Source | str, b: _Source | str) -> int:
    da = a.found.date if isinstance(a, _Source) else pd.Timestamp(a)
    db = b.found.date if isinstance(b, _Source) else pd.Timestamp(b)
    return abs((da - db).days)


def _is_utc(s: _Source) -> bool:
    return s.instant is not None and not s.local


def _localise(best: _Source, sources: list[_Source]) -> _Source:
    """The publisher's local date for a UTC timestamp, when another source shows it.

    A UTC stamp can fall on the next (or previous) calendar day; a source giving the
    same instant with a local offset, or a strong source with a date one day off and
    no offset, holds the date the publisher printed.
    """
    if not _is_utc(best):
        return best
    for other in sources:
        same_instant = other.instant is not None and other.instant == best.instant and other.local
        plain = other.instant is None and _RANKS[other.kind] >= _RANKS["meta"]
        if (same_instant or plain) and _days_apart(other, best) == 1:
            return other
    return best


def _agrees(src: _Source, day: str) -> bool:
    """True when `day` is src's date, or one day off a UTC timestamp (time-zone shift)."""
    return src.day == day or (_is_utc(src) and _days_apart(src, day) == 1)


def _describe(src: _Source) -> str:
    names = {"jsonld": "JSON-LD datePublished", "meta": "meta published date",
             "element": 'itemprop="datePublished" or <time> element', "meta-weak": "meta date",
             "script": "script data", "jsonld-other": "JSON-LD datePublished of a non-article"}
    return f'{names[src.kind]} "{src.raw}"'


def _from_metadata(sources: list[_Source], hd: str | None, text: DateFound) -> DateFound:
    """Decide between structured metadata, htmldate and the visible date line.

    The best metadata date is used when the date line under the headline agrees
    (or is absent) and, without a date line, when no other page-level metadata
    and not htmldate contradict it.
    """
    best = _localise(sources[0], sources[1:])
    day = best.day
    text_day = text.date.strftime("%Y-%m-%d") if text.date is not None and text.precision == "day" else None
    if text_day == day:
        return DateFound(best.found.date, "day", f"{_describe(best)}; date line agrees")
    if text_day:
        if _agrees(best, text_day):  # the page prints its local date; the metadata is UTC
            return DateFound(text.date, "day", f"{text.evidence} (local date of UTC {_describe(best)})")
        return DateFound(None, "", f'date line "{text.evidence}" disagrees with {_describe(best)}')
    if hd and hd != day and _agrees(best, hd):
        return DateFound(pd.Timestamp(hd), "day", f'htmldate "{hd}" (local date of UTC {_describe(best)})')
    kinds = _HEAD_KINDS if best.kind in _HEAD_KINDS else (best.kind,)
    rivals = [f"{_describe(s)}" for s in sources if s.kind in kinds and not _agrees(s, day)]
    if hd and hd != day and hd not in {s.day for s in sources if s.kind == "jsonld-other"}:
        rivals.append(f'htmldate "{hd}"')
    if rivals:
        return DateFound(None, "", f"conflicting dates: {_describe(best)} vs {rivals[0]}, no date line")
    return DateFound(best.found.date, "day", _describe(best) + ("; htmldate agrees" if hd == day else ""))


def _without_metadata(hd: str | None, text: DateFound, role: str, lines: list[str]) -> DateFound:
    """Decide between htmldate and the visible date line when the page has no date metadata."""
    if text.date is not None and hd and text.precision == "day":
        if text.date.strftime("%Y-%m-%d") == hd:
            return DateFound(text.date, "day", f"{text.evidence} (htmldate agrees)")
        if role != "published":  # a labelled "Published:" line under the headline beats htmldate's guess
            return DateFound(None, "", f'date line "{text.evidence}" disagrees with htmldate "{hd}"')
    if text.date is not None:
        return text
    if not hd:
        return DateFound(None, "", f"no date metadata; {text.evidence}")
    # htmldate alone also picks "last edited" and sidebar dates: require the date in a date line.
    shown = {role for day, role in date_lines(lines) if day == pd.Timestamp(hd)}
    if shown & {"published", "dateline", "short"}:
        return DateFound(pd.Timestamp(hd), "day", f'htmldate "{hd}", shown in a date line (no metadata)')
    return DateFound(None, "", f'htmldate "{hd}" is not shown as a publication date line (no metadata)')


def date_from_html(html: str) -> DateFound:
    """Publication date of a raw HTML page.

    Uses date metadata (JSON-LD, meta tags, itemprop, <time>), htmldate and the
    date line under the headline; refuses (date None) when they disagree.
    E.g. date_from_html('<meta property="article:published_time" content="2019-06-04T08:00:00+08:00">')
    gives DateFound(Timestamp("2019-06-04"), "day", ...).
    """
    root = _parse_html(html or "")
    if root is None:
        return DateFound(None, "", "HTML could not be parsed")
    sources = _jsonld_sources(root) + _meta_sources(root) + _element_sources(root)
    sources = sorted(sources or _script_sources(root), key=lambda s: -_RANKS[s.kind])
    hd = _htmldate(html)
    headline = _headline_text(root)
    text, role = text_date(headline) if headline else (DateFound(None, "", "no headline to find a date line"), "")
    if sources:
        return _from_metadata(sources, hd, text)
    return _without_metadata(hd, text, role, _text_lines(root) if hd else [])
