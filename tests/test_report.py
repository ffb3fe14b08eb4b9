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


# --- Chinese: the mixed English/Chinese test corpus builds, and its pages show Chinese, not tofu ---

CHINESE = Path(__file__).parent / "data" / "chinese"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
# Draws each character in the element's own font on a canvas and compares the pixels with the drawing of an
# unassigned code point (U+0378), which every font renders as its missing-glyph box: a character that looks
# the same as that box, or the same as another character, is tofu.
TOFU_JS = """(el) => {
  const family = getComputedStyle(el).fontFamily;
  const canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (ch) => { ctx.clearRect(0, 0, 48, 48); ctx.font = '32px ' + family; ctx.textBaseline = 'top';
                         ctx.fillStyle = '#000'; ctx.fillText(ch, 4, 4);
                         return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(','); };
  const box = draw('\\u0378');
  const chars = Array.from(new Set(Array.from(el.textContent).filter(c => /[\\u4e00-\\u9fff]/.test(c)))).slice(0, 12);
  const images = chars.map(draw);
  return {family, chars: chars.join(''), n: chars.length, tofu: images.filter(i => i === box).length,
          distinct: new Set(images).size};
}"""
HAN_ELEMENT = ("Array.from(document.querySelectorAll('p, td, th, li, h1, h2, h3, span, a'))"
               ".filter(e => e.children.length === 0 && /[\\u4e00-\\u9fff]{2}/.test(e.textContent))")


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("mixed") / "build-mixed"
    assert build(str(CHINESE), out) == 0
    return out


def test_mixed_corpus_builds_with_trends_in_both_languages(mixed_build):
    import pandas as pd

    assert sorted(p.name for p in _pages(mixed_build)) == ["01_corpus.html", "02_terms.html", "03_topics.html",
                                                          "04_timeline.html", "index.html"]
    trends = pd.read_csv(mixed_build / "tables" / "trends.csv")
    assert set(trends["language"]) == {"en", "zh"}
    assert "language" in pd.read_csv(mixed_build / "tables" / "concepts.csv").columns
    for page in _pages(mixed_build):
        text = page.read_text(encoding="utf-8")
        assert "missing from font" not in text, page.name  # matplotlib's warning never reaches a page
        assert any("\u4e00" <= ch <= "\u9fff" for ch in lxml_html.fromstring(text).text_content()), page.name


def _chromium():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("no chromium on this machine: install it (apt-get install chromium fonts-noto-cjk) to run the "
                    "browser test")
    return chromium, pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _tofu(browser, page_path: Path) -> list[dict]:
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(page_path.as_uri())
    found = page.evaluate_handle(HAN_ELEMENT)
    checks = [page.evaluate(TOFU_JS, el) for el in
              [found.evaluate_handle(f"a => a[{i}]") for i in range(min(3, found.evaluate("a => a.length")))]]
    page.close()
    return checks


def test_chinese_text_renders_without_tofu_in_a_browser(mixed_build):
    chromium, sync_api = _chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        for page_path in _pages(mixed_build):
            checks = _tofu(browser, page_path)
            assert checks, f"{page_path.name}: no element with Chinese text"
            for c in checks:
                assert c["n"] >= 2 and c["tofu"] == 0 and c["distinct"] == c["n"], f"{page_path.name}: {c}"
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto((mixed_build / "04_timeline.html").as_uri())
        page.screenshot(path=str(mixed_build / "screenshot_04_timeline.png"), full_page=False)
        browser.close()


def test_the_tofu_check_sees_boxes_when_the_browser_has_no_cjk_font(mixed_build, tmp_path):
    """Without a CJK font (fontconfig limited to DejaVu), the same check must report tofu: it can fail."""
    chromium, sync_api = _chromium()
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("no DejaVu fonts to build a font set without CJK")
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{dejavu}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    import os

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS,
                                    env={**os.environ, "FONTCONFIG_FILE": str(conf)})
        checks = _tofu(browser, mixed_build / "index.html")
        browser.close()
    assert checks and any(c["tofu"] > 0 or c["distinct"] < c["n"] for c in checks), checks
