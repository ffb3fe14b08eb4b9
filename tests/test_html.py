"""Tests for egov.corpus.html: article text and headline of news HTML pages."""

from __future__ import annotations

import pytest

from egov.corpus import html as html_text
from egov.corpus.html import HtmlArticle, html_to_article, strip_site_name

HEADLINE = "Beijing opens one-stop e-government portal"
PARAGRAPHS = [
    "Beijing has launched a unified online portal that lets residents renew identity cards, "
    "register businesses and pay social insurance contributions without visiting a government office.",
    "Officials said the platform connects more than forty municipal departments and handled two million "
    "requests during its first month, most of them submitted from mobile phones rather than desktop computers.",
    "Critics warned that the central database raises questions about privacy and data security, because "
    "the same records are shared between agencies that previously kept their own separate files.",
    "The city plans to add healthcare appointments and vehicle registration to the portal next year, "
    "according to a statement published by the municipal bureau responsible for digital services.",
]


def news_page(body_paragraphs: list[str], *, wrapper: str = "article", head: str = "") -> str:
    """A news page with navigation, share links, related list and footer around the article."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body_paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Beijing opens one-stop e-government portal | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
{head}
</head><body>
<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/china">China</a></li><li><a href="/tech">Technology</a></li>
</ul></nav></header>
<div class="menu"><a href="/login">Log in</a> <a href="/subscribe">Subscribe</a></div>
<main>
<{wrapper} class="story">
<h1>Beijing opens one-stop e-government portal</h1>
{paragraphs}
<p>Read more: <a href="/other">Shanghai expands digital ID pilot to suburbs</a></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
</{wrapper}>
<aside class="related"><h3>Related articles</h3><ul>
  <li><a href="/a">Shenzhen tests blockchain invoices for small firms</a></li>
  <li><a href="/b">Guangzhou moves tax filing onto a mini-program</a></li>
</ul></aside>
</main>
<footer><p>© 2024 Daily Example Media. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p>
<p>Follow us on Twitter and Facebook for the latest updates.</p></footer>
</body></html>"""


def test_article_keeps_paragraphs_and_drops_furniture() -> None:
    article = html_to_article(news_page(PARAGRAPHS))
    assert isinstance(article, HtmlArticle)
    assert article.method == "trafilatura"
    assert article.text == "\n".join([HEADLINE, *PARAGRAPHS])
    for furniture in ("Home", "Share on", "Read more", "Related articles", "Shenzhen", "©", "Privacy", "Follow us"):
        assert furniture not in article.text


def test_related_heading_with_links_captions_and_subheadings() -> None:
    body = [
        PARAGRAPHS[0],
        "<h2>Latest figures</h2>",
        PARAGRAPHS[1],
        '<figure><img src="x.jpg"><figcaption>A clerk scans documents at a service centre.</figcaption></figure>',
        PARAGRAPHS[2],
        "<h3>More stories</h3><ul><li><a href='/1'>Hainan digitises land records for rural households</a></li>"
        "<li><a href='/2'>Chongqing app lets drivers renew licences remotely</a></li></ul>",
        PARAGRAPHS[3],
    ]
    text = html_to_article(news_page(body)).text
    assert text.split("\n") == [HEADLINE, PARAGRAPHS[0], "Latest figures", *PARAGRAPHS[1:]]


def test_page_without_article_tag() -> None:
    article = html_to_article(news_page(PARAGRAPHS, wrapper="div"))
    assert article.text == "\n".join([HEADLINE, *PARAGRAPHS])
    assert "Privacy policy" not in article.text


def test_escaped_markup_in_text_stays_literal() -> None:
    head = "<script>document.title = 'injected';</script><style>p { color: red; }</style>"
    quoted = "The security audit found that a comment field accepted &lt;script&gt;alert(1)&lt;/script&gt; as input."
    page = news_page([quoted, *PARAGRAPHS], head=head)
    text = html_to_article(page).text
    assert "The security audit found that a comment field accepted <script>alert(1)</script> as input." in text
    assert "injected" not in text and "color: red" not in text


def test_literal_entity_text_is_decoded_once() -> None:
    quoted = "In HTML the sequence &amp;lt; is written for a less-than sign, the report on web accessibility noted."
    text = html_to_article(news_page([quoted, *PARAGRAPHS])).text
    assert "In HTML the sequence &lt; is written for a less-than sign" in text


def test_entities_are_decoded() -> None:
    paragraph = (
        "The Ministry of Industry &amp; Information Technology said &ldquo;digital government&rdquo; "
        "spending rose 12&nbsp;% to &#165;90 billion &mdash; a record &eacute;lan for the sector."
    )
    text = html_to_article(news_page([paragraph, *PARAGRAPHS])).text
    assert (
        "The Ministry of Industry & Information Technology said \u201cdigital government\u201d "
        "spending rose 12 % to \u00a590 billion \u2014 a record \u00e9lan for the sector."
    ) in text.split("\n")
    assert "&amp;" not in text and "&nbsp;" not in text


@pytest.mark.parametrize("html", ["", "   \n\t", "<html><head><title></title></head><body></body></html>"])
def test_blank_page(html: str) -> None:
    article = html_to_article(html)
    assert article.text == ""
    assert article.title == ""


def test_short_page_is_not_empty() -> None:
    page = "<html><body><div><p>Hangzhou residents can now book vaccinations online.</p></div></body></html>"
    assert html_to_article(page).text == "Hangzhou residents can now book vaccinations online."


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("plain text without tags", "plain text without tags"),
        ("<p>unclosed <b>bold <i>fragment", "unclosed bold fragment"),
        ("\x00<p>control\x01 characters</p>", "control characters"),
        ('<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding.</p></body></html>', "Declared encoding."),
    ],
)
def test_fragments_and_odd_input(html: str, expected: str) -> None:
    assert html_to_article(html).text == expected


def test_title_from_og_title_h1_or_title() -> None:
    assert html_to_article(news_page(PARAGRAPHS)).title == "Beijing opens one-stop e-government portal"
    og = '<meta property="og:title" content="Portal goes live - Daily Example">'
    assert html_to_article(news_page(PARAGRAPHS, head=og)).title == "Portal goes live"
    only_title = "<html><head><title>City moves permits online | News | Example Times</title></head><body></body></html>"
    assert html_to_article(only_title).title == "City moves permits online"


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        ("Headline about e-government | Example News", "", "Headline about e-government"),
        ("Example News - Headline about e-government", "Example News", "Headline about e-government"),
        ("Headline about e-government – example.com", "", "Headline about e-government"),
        ("Biden - Xi talks", "", "Biden - Xi talks"),
        ("Plain headline", "", "Plain headline"),
    ],
)
def test_strip_site_name(raw: str, site: str, expected: str) -> None:
    assert strip_site_name(raw, site) == expected


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_text, "_trafilatura_text", lambda tree: "")
    article = html_to_article(news_page(PARAGRAPHS))
    assert article.method == "fallback-justext"
    assert PARAGRAPHS[0] in article.text.split("\n")


def test_all_text_fallback_skips_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_text, "_trafilatura_text", lambda tree: "")
    monkeypatch.setattr(html_text, "_justext_text", lambda tree: "")
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Short note.</div><p>Second &amp; last.</p></body></html>"
    article = html_to_article(page)
    assert article == HtmlArticle("", "Short note.\nSecond & last.", "all-text")
    assert html_to_article("<html><body><div>Only a div<br>of text</div></body></html>").text == "Only a div\nof text"


def test_deterministic() -> None:
    page = news_page(PARAGRAPHS)
    assert html_to_article(page) == html_to_article(page)


def test_site_name_and_hints() -> None:
    article = html_to_article(news_page(PARAGRAPHS))
    assert (article.site, article.site_hints) == ("Daily Example", ("Daily Example",))
    head = ('<link rel="canonical" href="https://www.example.com/2018/portal.html">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
            '{"@type": "Organization", "name": "Example Global"}}</script>')
    page = news_page(PARAGRAPHS, head=head).replace('<meta property="og:site_name" content="Daily Example">', "")
    article = html_to_article(page)
    assert article.site == "Example Global"
    assert article.site_hints == ("Daily Example", "https://www.example.com/2018/portal.html")
