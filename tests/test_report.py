"""The shared report: byte-stable rebuilds, article markup rendered inert, and a real browser."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from egov import cache
from egov.report.build import build

pytestmark = pytest.mark.slow  # full builds and the browser

MARKUP = ('Officials said the <script>alert("pwned")</script> platform would expand online services to every '
          'county, and the <img src=x onerror=alert(1)> portal now handles 300 kinds of permits. '
          "The State Council said e-government and digital government reforms would continue, "
          "</textarea><b onmouseover=alert(2)>bold</b> according to the statement released on Monday.\n")


def _tree(root: Path) -> list[str]:
    """Every file of a build, hidden files included."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _no_pickles(root: Path) -> None:
    """No file under the report is a pickle, by name or by its first bytes (protocol 2 and later)."""
    for path in root.rglob("*"):
        assert path.suffix not in (".pkl", ".pickle"), path
        if path.is_file():
            head = path.read_bytes()[:2]
            assert not (len(head) == 2 and head[0] == 0x80 and 2 <= head[1] <= 5), f"{path} is a pickle"


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory) -> Path:
    """One cache folder for the builds of this module, so the second build reads the first's entries."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(cache.ENV, str(folder))
        yield folder


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory, cache_folder) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    assert build("seeds", out) == 0
    return out


def test_two_builds_are_byte_identical(seeds_build, cache_folder, tmp_path):
    """The second build reads the cache the first wrote (the corpus, tokens, concepts, topics)
    and must give the same bytes in every file, hidden ones included; no pickle anywhere."""
    entries = sorted(p.parent.name.split("-")[0] for p in cache_folder.glob("*/entry.json"))
    assert {"corpus", "tokens", "concepts", "topic_vocabulary", "topic_sweep", "topic_fit", "topic_baseline"} <= set(
        entries)  # the topic stage is cached step by step (egov.topics.stage)
    again = tmp_path / "again"
    assert build("seeds", again) == 0
    assert sorted(p.parent.name.split("-")[0] for p in cache_folder.glob("*/entry.json")) == entries  # all hits
    assert _tree(seeds_build) == _tree(again)
    assert not [n for n in _tree(again) if any(part.startswith(".") for part in n.split("/"))]
    names = _tree(seeds_build)
    assert any(n.endswith(".png") for n in names) and any(n.endswith(".svg") for n in names)
    match, mismatch, errors = filecmp.cmpfiles(seeds_build, again, names, shallow=False)
    assert mismatch == [] and errors == []
    _no_pickles(seeds_build)


def test_no_report_file_holds_an_article_s_text(seeds_build):
    """Pages quote passages and KWIC lines; no file holds more than a quarter of an article's sentences."""
    import re

    from conftest import SEEDS

    files = [p for p in seeds_build.rglob("*") if p.is_file() and p.suffix in (".html", ".ipynb", ".csv", ".json")]
    bodies = {p: p.read_text(encoding="utf-8", errors="replace") for p in files}
    for article in sorted(SEEDS.glob("0*.txt")):
        sentences = [s.strip()[:80] for s in re.split(r"(?<=[.!?])\s+", article.read_text(encoding="utf-8"))
                     if len(s.split()) > 12]
        assert len(sentences) >= 8, article.name
        for path, body in bodies.items():
            found = sum(s in body for s in sentences)
            assert found <= len(sentences) // 4, f"{path.name} holds {found} of {len(sentences)} sentences of {article.name}"


def _pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


def test_article_markup_is_inert_on_every_page(tmp_path, cache_folder):
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
        pytest.skip("no chromium on this machine: install it to run the browser test (as root: `make test` does, or "
                    "apt-get install chromium fonts-noto-cjk; or put a Chromium named chromium on PATH)")
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
