"""Tests for egov.corpus.dates_html: publication dates from HTML pages (meta tags, JSON-LD, <time>, date lines)."""

from __future__ import annotations

import pytest

from egov.corpus.dates import DateFound
from egov.corpus.dates_html import date_from_html


def _day(found: DateFound) -> str | None:
    return found.date.strftime("%Y-%m-%d") if found.date is not None else None


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head><title>E-government goes mobile - News</title>{head}</head><body>{body}</body></html>"


ARTICLE = "<article><h1>E-government goes mobile</h1>{line}<p>{text}</p></article>"
PROSE = "The State Council said more services will move online, officials said on Tuesday. " * 5

HTML_CASES = [
    ("jsonld", _page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
                     '"datePublished": "2019-06-04T08:00:00+08:00", "dateModified": "2019-06-10"}</script>',
                     ARTICLE.format(line="", text=PROSE)), "2019-06-04"),
    ("jsonld graph", _page('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", '
                           '"datePublished": "2018-01-01"}, {"@type": "Article", "datePublished": "2019-06-04"}]}'
                           "</script>", ARTICLE.format(line="", text=PROSE)), "2019-06-04"),
    ("meta property", _page('<meta property="article:published_time" content="2022-11-06T10:00:00+08:00">',
                            ARTICLE.format(line="", text=PROSE)), "2022-11-06"),
    ("time element", _page("", ARTICLE.format(line='<time datetime="2016-09-05" pubdate>5 Sep 2016</time>',
                                              text=PROSE)), "2016-09-05"),
    ("date line only", _page("", ARTICLE.format(line="<p>Published: June 4, 2019</p>", text=PROSE)), "2019-06-04"),
    ("metadata and date line disagree",
     _page('<meta property="article:published_time" content="2016-08-29T21:54:39Z">',
           ARTICLE.format(line="<p>Published: May 6, 2019</p>", text=PROSE)), None),
    ("UTC stamp, page shows local date",
     _page('<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">',
           ARTICLE.format(line='<time datetime="2023-11-08T21:11:03-05:00" itemprop="datePublished">'
                               "November 8, 2023</time>", text=PROSE)), "2023-11-08"),
    ("two articles in JSON-LD disagree",
     _page('<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": "2019-06-04"}, '
           '{"@type": "NewsArticle", "datePublished": "2017-03-01"}]</script>', ARTICLE.format(line="", text=PROSE)),
     None),
    ("year-less dateline only", _page("", ARTICLE.format(line="", text="BEIJING, Jan. 5 (Xinhua) -- " + PROSE)), None),
    ("copyright only", _page("", ARTICLE.format(line="", text=PROSE) + "<footer>© 2023 China Daily</footer>"), None),
    ("empty", "", None),
    ("visible date under an <h3> headline",
     "<html><head><title>State Council issues hotline guideline</title></head><body>"
     "<div class='nav'><a href='/'>Home</a> | <a href='/news'>News</a></div>"
     "<h3 class='title'>State Council issues hotline guideline</h3>"
     "<div class='info'>Updated: Dec 28, 2020 20:15 Xinhua</div>"
     f"<div class='content'><p>{PROSE}</p></div><div class='footer'>Copyright 2022 Example</div></body></html>",
     "2020-12-28"),
]


@pytest.mark.parametrize(("name", "html", "expected"), HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_date_from_html(name: str, html: str, expected: str | None) -> None:
    found = date_from_html(html)
    assert _day(found) == expected, found.evidence
    assert found.evidence
    assert found.precision == ("day" if expected else "")


def test_xml_declaration_is_accepted() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>' + _page(
        '<meta name="pubdate" content="2019-06-04">', ARTICLE.format(line="", text=PROSE))
    assert _day(date_from_html(html)) == "2019-06-04"
