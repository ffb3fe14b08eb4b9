"""Recognise boilerplate-shaped lines in text extracted from a news page.

The rules are generic to news sites: calls to action (share, subscribe, follow, comment),
copyright notices, photo credits, byline-only lines, "Related"/"Read more" headings and
teaser links, and link lists trailing the article. Link shares come from the page's DOM
(`page_hints`), because the extracted text has lost its links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

# Tags whose text is one paragraph-like unit; a link's share is measured at the nearest one.
_BLOCK_TAGS = frozenset(
    "p li dd dt td th h1 h2 h3 h4 h5 h6 blockquote figcaption div section article".split()
)
_CAPTIONS = XPath("//figcaption | //*[contains(@class, 'caption') or contains(@id, 'caption')]")
_SPACE = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^[-*•]\s+")

# Boilerplate is short: longer lines are prose even when they contain a matching phrase.
_MAX_WORDS = 45
_LINK_DENSE = 0.6

# Prompts addressed to the reader. Phrases that e-government prose also uses ("register to
# receive alerts", "log in to access services") are deliberately not matched.
_CALL_TO_ACTION = re.compile(
    r"""
    ©|\(c\)\s*(19|20)\d\d|\bcopyright\s*(©|\(c\)|(19|20)\d\d)|\ball\ rights\ reserved\b
    |\bcopyrighted\ (property|material)\b
    |\b(sign(ing)?\ up|subscrib(e|ing))\ (to|for)\ (our|the|my)\b[^.!?]{0,30}\bnewsletters?\b
    |\bnewsletters?\b[^.!?]{0,40}\b(sign(ing)?\ up|subscribe)\b|\b(delivered\ )?(to|in)\ your\ inbox\b
    |\bsign\ up\ (here|now|today)\b|\bsubscribe\ (now|today|here)\b|\bplease\ subscribe\b
    |\bsubscribe\ to\ (our|this)\b|\balready\ a\ subscriber\b
    |\bto\ (view|read|continue\ reading)\ the\ (full|rest\ of\ the|entire)\ (story|article)\b
    |\b(log\ ?in|logged\ in|sign\ in)\ (to|for)\ (comment|reply|post\ a\ comment|immediate\ access|continue\ reading)\b
    |\b(follow|like|join|find)\ us\ on\b|^follow\b[^.!?]{0,40}\bon\ (twitter|facebook|instagram|linkedin|youtube|tiktok)\b
    |\bshare\ (this|on)\ (article|story|post|page|facebook|twitter|linkedin|whatsapp|email)\b
    |\b(leave|post|add|write)\ a\ (comment|reply)\b|\bcomments?\ (are|is)\ closed\b
    |\bclick\ here\b|\badvertise\ with\b
    |\b(we|this\ (web)?site)\ uses?\ cookies\b|\bcookie\ (policy|settings|preferences)\b|\baccept\ (all\ )?cookies\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Whole-line labels of page furniture, alone on their line (optionally ending in ":" or "»").
_FURNITURE_LINE = re.compile(
    r"""^(
    related(\ (articles?|stories|posts|content|news|links|coverage|reading|topics|videos?))?
    |read\ (more|also|next)|also\ read|see\ also|further\ reading|more\ (stories|news|articles|on\ this\ story)
    |you\ (may|might)\ (also\ )?(like|enjoy|be\ interested\ in)|recommended(\ for\ you|\ reading|\ stories)?
    |most\ (read|popular|viewed|shared)|trending(\ now|\ stories)?|popular\ (posts|stories)|top\ stories
    |latest\ (news|stories|posts|articles)|tags?|topics?|categor(y|ies)|filed\ under
    |share(\ this)?(\ (article|story|post|page))?|tweet|email|print(\ this)?(\ (article|story|page))?
    |\d*\ ?comments?|advertisement|sponsored(\ content)?|skip\ to\ (main\ )?content|back\ to\ top
    )\s*[:»›]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Headings that announce a list of links to other articles.
_RELATED_HEADING = re.compile(
    r"^(related|read (more|also|next)|also read|see also|more (stories|news|articles)|you (may|might)"
    r"|recommended|most (read|popular|viewed)|trending|popular|top stories|latest)\b",
    re.IGNORECASE,
)

# Lines made only of "Label: value" metadata fields, e.g. "Category: Politics Tags: China, web".
_METADATA_LINE = re.compile(
    r"^(((news |publication |published |posted |last )?(date|updated|modified)|categor(y|ies)|tags?"
    r"|filed under|topics?|keywords?|sections?)\s*:\s*[^:]{1,60}?\s*){1,4}$",
    re.IGNORECASE,
)
_MAX_METADATA_WORDS = 25

_PHOTO_CREDIT = re.compile(
    r"^\(?\s*((file\ )?(photos?|images?|pictures?|pic|video|graphic|illustration)(\ credit)?|credits?)\s*[:/©|]"
    r"|\b(getty\ images|shutterstock|istock(photo)?)\b",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CREDIT_WORDS = 14

# "By Jane Smith", "By Jane Smith, Example News, Beijing", "By Reuters".
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|posted by):?\s+"
    r"([A-Z][\w.'’-]*(\s+(and\s+|&\s+)?[A-Z][\w.'’-]*){1,5}(\s*[|,·–-]\s*[A-Z][^.!?]{0,40})?|[A-Z][\w.'’-]*)$"
)

# A short lead-in ("Read more:", "Also read »") followed by a link to another article.
_TEASER_LEAD = re.compile(r"^\W{0,3}\w[\w'’ ]{0,30}?\s*[:»›|]\s*\S")
_MAX_TEASER_WORDS = 30


def normalise(text: str) -> str:
    """Collapse whitespace and drop a list marker, the key for looking a line up in the DOM.

    Returns the normalised text, e.g. normalise("-  Read  more") == "Read more".
    """
    return _LIST_MARKER.sub("", _SPACE.sub(" ", text).strip())


@dataclass(frozen=True)
class PageHints:
    """What the page's DOM tells about lines of extracted text.

    link_share: {normalised text of a paragraph-like element with links: share of link text};
    captions: normalised texts of image captions (figcaption, class or id "...caption...").
    """

    link_share: dict[str, float]
    captions: frozenset[str]


def page_hints(tree: HtmlElement) -> PageHints:
    """Collect link shares and caption texts from the page.

    Returns PageHints, e.g. PageHints({"Read more: Title": 0.85}, frozenset({"Photo of a city"})).
    """
    captions = frozenset(normalise(element.text_content()) for element in _CAPTIONS(tree))
    return PageHints(_link_shares(tree), captions)


def _link_shares(tree: HtmlElement) -> dict[str, float]:
    """Share of link text in each paragraph-like element that contains a link."""
    link_chars: dict[HtmlElement, int] = {}
    for anchor in tree.iter("a"):
        size = len(normalise(anchor.text_content()))
        block = anchor.getparent()
        while block is not None and block.tag not in _BLOCK_TAGS:
            block = block.getparent()
        if size and block is not None:
            link_chars[block] = link_chars.get(block, 0) + size
    shares: dict[str, float] = {}
    for block, size in link_chars.items():
        text = normalise(block.text_content())
        if text:
            shares[text] = max(shares.get(text, 0.0), min(1.0, size / len(text)))
    return shares


def is_boilerplate(line: str, link_share: float = 0.0) -> bool:
    """Whether a single line of article text looks like page furniture rather than prose.

    Returns True for e.g. "Follow us on Twitter", "© 2024 Example Media", "Read more: <link>".
    """
    text = normalise(line)
    words = len(text.split())
    if not text or _FURNITURE_LINE.match(text):
        return True
    if words <= _MAX_WORDS and _CALL_TO_ACTION.search(text):
        return True
    if words <= _MAX_METADATA_WORDS and _METADATA_LINE.match(text):
        return True
    if words <= _MAX_CREDIT_WORDS and (_PHOTO_CREDIT.search(text) or _BYLINE.match(text)):
        return True
    return words <= _MAX_TEASER_WORDS and link_share >= _LINK_DENSE and bool(_TEASER_LEAD.match(text))


def drop_boilerplate(lines: Iterable[str], hints: PageHints) -> list[str]:
    """Remove boilerplate lines, captions, link lists under "Related"-style headings and
    link lists (with their dangling "...:" label) that trail the article.

    Returns the kept lines in order, e.g. ["Para one.", "Para two."].
    """
    kept: list[str] = []
    heading: str | None = None  # a "Related"-style heading, dropped only if links follow it
    in_link_list = False
    for line in lines:
        text = normalise(line)
        share = hints.link_share.get(text, 0.0)
        if (in_link_list or heading is not None) and share >= _LINK_DENSE:
            heading, in_link_list = None, True
            continue
        if heading is not None:
            kept.append(heading)
        heading, in_link_list = None, False
        if _RELATED_HEADING.match(text) and len(text.split()) <= 6:
            # "Related articles" goes in any case, "Latest figures" only when links follow
            in_link_list = is_boilerplate(text)
            heading = None if in_link_list else line
        elif text not in hints.captions and not is_boilerplate(text, share):
            kept.append(line)
    if heading is not None:
        kept.append(heading)
    return _drop_trailing_links(kept, hints)


def _drop_trailing_links(lines: list[str], hints: PageHints) -> list[str]:
    """Remove fully linked lines at the end of the text, and a "...:" label left above them."""
    while len(lines) > 1 and hints.link_share.get(normalise(lines[-1]), 0.0) >= 0.9:
        lines.pop()
        if len(lines) > 1 and lines[-1].endswith(":") and len(lines[-1].split()) <= 6:
            lines.pop()
    return lines
