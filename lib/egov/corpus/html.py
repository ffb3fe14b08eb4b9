"""The article text and headline of a news HTML page.

trafilatura finds the main content; generic post-processing (`boilerplate_lines`) then drops
the page furniture it let through (share and subscribe prompts, copyright lines, "Read more"
teasers, trailing link lists). When trafilatura finds nothing, jusText and then the page's
plain visible paragraphs stand in, so a page with visible text never yields "".
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass

import justext
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from egov.corpus.boilerplate import drop_boilerplate, page_hints

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Separators between a headline and the site or section name in <title>/og:title.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||::|·|»|-|–|—)\s+")
_STRONG_SEPARATORS = {"|", "::", "·", "»"}
_MAX_SUFFIX_WORDS = 5
_NON_CONTENT_TAGS = ["script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form"]
_BLOCK_TAGS = "br p div li ul ol h1 h2 h3 h4 h5 h6 pre blockquote table tr td th dd dt figcaption section article main".split()


@dataclass(frozen=True)
class HtmlArticle:
    """An article extracted from an HTML page.

    title: the headline ("" when none); text: paragraphs separated by "\\n";
    method: the extraction path, "trafilatura", "fallback-justext", "all-text" or "empty";
    site: the site's name as the page declares it (og:site_name, JSON-LD publisher), "" when none;
    site_hints: other traces of the site (the <title> suffix, the canonical address).
    """

    title: str
    text: str
    method: str
    site: str = ""
    site_hints: tuple[str, ...] = ()


def html_to_article(html: str) -> HtmlArticle:
    """Extract the headline and the article text of an HTML page.

    Returns an HtmlArticle, e.g. html_to_article(page).text == "First paragraph.\\nSecond."
    """
    tree = _parse(html)
    if tree is None:
        return HtmlArticle("", "", "empty")
    title = page_title(tree)
    site = {"site": _meta(tree, "og:site_name") or _meta(tree, "application-name") or _publisher(tree),
            "site_hints": _site_hints(tree)}
    text = _trafilatura_text(tree)
    if text:
        return HtmlArticle(title, text, "trafilatura", **site)
    text = _justext_text(tree)
    if text:
        return HtmlArticle(title, text, "fallback-justext", **site)
    text = _visible_text(tree)
    return HtmlArticle(title, text, "all-text" if text else "empty", **site)


def _parse(html: str) -> HtmlElement | None:
    """Parse a page, or a bare fragment or plain text as a page body; None when blank."""
    html = _CONTROL_CHARS.sub("", html or "")
    if not html.strip():
        return None
    # trafilatura rejects input that does not look like a full document
    tree = load_html(html)
    return tree if tree is not None else load_html(f"<html><body>{html}</body></html>")


def page_title(tree: HtmlElement) -> str:
    """The headline: og:title, else the first <h1>, else <title>, without a site-name suffix.

    Returns "" when the page has none, e.g. "Beijing opens portal" for "Beijing opens portal | Daily".
    """
    site = _meta(tree, "og:site_name") or _meta(tree, "application-name")
    for candidate in (_meta(tree, "og:title"), _first_text(tree, "//h1"), _first_text(tree, "//title")):
        title = strip_site_name(candidate, site)
        if title:
            return title
    return ""


def _publisher(tree: HtmlElement) -> str:
    """The publisher's name in the page's JSON-LD, or ""."""
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        names = re.findall(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"', script.text or "")
        if names:
            return _clean_line(names[0])
    return ""


def _site_hints(tree: HtmlElement) -> tuple[str, ...]:
    """The site-name suffix of <title> and the page's canonical address (either may be absent)."""
    raw = _first_text(tree, "//title")
    head = strip_site_name(raw)
    suffix = raw[len(head):].strip(" |:·»-–—") if head and raw.startswith(head) else ""
    urls = [e.get("href") or e.get("content") or "" for e in
            tree.xpath('//link[@rel="canonical"] | //meta[@property="og:url"]')]
    return tuple(h for h in (suffix, *urls[:1]) if h)


def strip_site_name(title: str, site: str = "") -> str:
    """Remove site or section names around a headline, e.g. "Headline | Site" -> "Headline".

    Returns the cleaned headline, e.g. strip_site_name("News - BBC", "BBC") == "News".
    """
    title = _clean_line(title)
    parts = _TITLE_SEPARATOR.split(title)
    separators = _TITLE_SEPARATOR.findall(title)
    if _same_name(parts[0], site) and len(parts) > 1:
        parts, separators = parts[1:], separators[1:]
    while len(parts) > 1 and _is_suffix(parts[-1], separators[-1].strip(), " ".join(parts[:-1]), site):
        parts, separators = parts[:-1], separators[:-1]
    # re-join the remaining parts with their own separators
    head = parts[0]
    for sep, part in zip(separators, parts[1:]):
        head += sep + part
    return head.strip()


def _is_suffix(part: str, separator: str, rest: str, site: str) -> bool:
    """Whether the last part of a title is a site or section name rather than headline."""
    if _same_name(part, site) or re.search(r"\w\.[a-z]{2,}$", part, re.IGNORECASE):
        return True
    short = len(part.split()) <= _MAX_SUFFIX_WORDS
    # a hyphen also joins headline phrases ("Biden - Xi talks"), so it needs a clearly shorter tail
    return short and (separator in _STRONG_SEPARATORS or len(part) * 2 <= len(rest))


def _same_name(text: str, site: str) -> bool:
    """Compare names ignoring case, spaces and punctuation."""
    key = lambda s: re.sub(r"\W+", "", s).lower()  # noqa: E731
    return bool(site) and key(text) == key(site)


def _meta(tree: HtmlElement, name: str) -> str:
    """Content of a <meta property|name=...> tag, or ""."""
    for element in tree.xpath("//meta[@property=$n or @name=$n]", n=name):
        content = _clean_line(element.get("content") or "")
        if content:
            return content
    return ""


def _first_text(tree: HtmlElement, xpath: str) -> str:
    """Text of the first non-empty element matching xpath, or ""."""
    for element in tree.xpath(xpath):
        text = _clean_line(element.text_content())
        if text:
            return text
    return ""


def _clean_line(text: str) -> str:
    """Collapse whitespace and normalise Unicode (NFC)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _tidy(lines: list[str]) -> str:
    """Join non-empty, whitespace-normalised lines with "\\n"."""
    return "\n".join(line for line in (_clean_line(x) for x in lines) if line)


def _trafilatura_text(tree: HtmlElement) -> str:
    """Main text by trafilatura (comments excluded), with boilerplate lines dropped."""
    # the full mode (not fast=True) lets trafilatura compare its extractor with its fallbacks
    document = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, with_metadata=False, deduplicate=False
    )
    body = getattr(document, "body", None)
    if body is None:
        return ""
    _protect_ampersands(body)
    lines = xmltotxt(body, include_formatting=False).split("\n")
    return _tidy(drop_boilerplate(lines, page_hints(tree)))


def _protect_ampersands(body: etree._Element) -> None:
    """Escape "&" in the extracted tree, because xmltotxt unescapes entities once more.

    Without it a page that shows the literal text "&lt;" would come out as "<".
    """
    for element in body.iter():
        if element.text and "&" in element.text:
            element.text = element.text.replace("&", "&amp;")
        if element.tail and "&" in element.tail:
            element.tail = element.tail.replace("&", "&amp;")


def _justext_text(tree: HtmlElement) -> str:
    """Main text by jusText's English stoplist, or "" when it keeps nothing."""
    html = etree.tostring(tree, encoding="utf-8")
    paragraphs = justext.justext(html, justext.get_stoplist("English"), encoding="utf-8")
    return _tidy([p.text for p in paragraphs if not p.is_boilerplate])


def _visible_text(tree: HtmlElement) -> str:
    """All visible text outside navigation, headers, footers and scripts, one block per line."""
    tree = deepcopy(tree)
    etree.strip_elements(tree, *_NON_CONTENT_TAGS, etree.Comment, with_tail=False)
    for element in tree.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return _tidy("".join(tree.itertext()).split("\n"))
