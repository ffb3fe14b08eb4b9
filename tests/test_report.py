"""The shared report: byte-stable rebuilds, article markup rendered inert, and a real browser."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from egov.report.build import build

pytestmark = pytest.mark.slow  # full builds and the browser

MARKUP = ('Officials said the <script>alert("pwned")</script> platform would expand online services to every '
          'county, and the <img src=x onerror=alert(1)> portal now handles 300 kinds of permits. '
          "The State Council said e-government and digital government reforms would continue, "
          "</textarea><b onmouseover=alert(2)>bold</b> according to the statement released on Monday.\n")


def _tree(root: Path) -> list[str]:
    """Every file of a build, except <out>/.cache (the notebooks' shared cache and the build's timings)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and p.relative_to(root).parts[0] != ".cache")


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    assert build("seeds", out) == 0
    return out


def test_two_builds_are_byte_identical(seeds_build, tmp_path):
    again = tmp_path / "again"
    assert build("seeds", again) == 0
    assert _tree(seeds_build) == _tree(again)
    names = _tree(seeds_build)
    assert any(n.endswith(".png") for n in names) and any(n.endswith(".svg") for n in names)
    match, mismatch, errors = filecmp.cmpfiles(seeds_build, again, names, shallow=False)
    assert mismatch == [] and errors == []


def _pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


def test_article_markup_is_inert_on_every_page(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "markup.txt").write_text("Updated: 2019-06-04\n" + MARKUP * 3, encoding="utf-8")
    (corpus / "plain.txt").write_text("Updated: 2020-01-02\n" + MARKUP.replace("<", "(").replace(">", ")") * 2
                                      + "A second article about the national platform and its app.\n", encoding="utf-8")
    (corpus / "metadata.csv").write_text('file,title\nmarkup.txt,"<script>alert(3)</script> headline"\n', encoding="utf-8")
    out = tmp_path / "site"
    assert build(str(corpus), out) == 0
    pages = _pages(out)
    assert len(pages) >= 2
    shown = 0
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        assert doc.xpath("//script") == [], page.name
        assert doc.xpath("//@*[starts-with(name(), 'on')]") == [], page.name
        assert doc.xpath("//img[@src='x']") == [] and doc.xpath("//textarea") == [], page.name
        shown += "alert(" in doc.text_content()
    assert shown >= 1  # the markup is there, as text


def test_pages_load_in_a_browser(seeds_build):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("no chromium on this machine: install it (apt-get install chromium) to run the browser test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        for page_path in _pages(seeds_build):
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: problems.append(f"request to {r.url}")
                    if not r.url.startswith(("file:", "data:")) else None)
            page.goto(page_path.as_uri())
            images = page.evaluate("Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)")
            assert images and all(images), f"{page_path.name}: an image did not load"
            for href in page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"):
                if href.startswith("#"):
                    assert page.query_selector(f"[id='{href[1:]}']"), f"{page_path.name}: no anchor {href}"
                elif "://" not in href:
                    assert (seeds_build / href.split("#")[0]).exists(), f"{page_path.name}: broken link {href}"
            assert problems == [], f"{page_path.name}: {problems}"
            page.screenshot(path=str(seeds_build / f"screenshot_{page_path.stem}.png"))
            page.close()
        browser.close()
