"""egov.corpus.sources: the outlet of an article, from a site name or address, or from its header, dateline or footer."""
from __future__ import annotations

from conftest import ARTICLE
from egov.corpus.sources import detect_source, outlet_of


def test_outlet_of_site_names_and_addresses():
    assert outlet_of("https://www.scmp.com/news/china/politics/article/3086542/x") == "South China Morning Post"
    assert outlet_of("english.news.cn") == "Xinhua"
    assert outlet_of("GovInsider") == "GovInsider"
    assert outlet_of("https://example.com/reuters-and-xinhua-compared") == ""  # only the host names the site
    assert detect_source("Headline of the story\n" + ARTICLE.replace("(Xinhua) ", "") + "A caption. [Photo/Xinhua]\n") == (
        "", "no outlet named in the header, dateline or footer")
