"""Check a built report for Chinese that does not show: missing glyphs in figures or pages, and language rows.

For every page of `<build>`: matplotlib's "missing from font" warning must not appear in it, and in
headless Chromium the Chinese text of (up to) three elements is drawn in the page's own font and
compared with the missing-glyph box (the check of tests/test_report.py). Also counts articles per
language (articles.csv) and the concepts with trend rows in more than one language (trends.csv).

Run: egov build --corpus benchmarks/zh_holdout --out /tmp/holdout && python benchmarks/check_cjk_build.py /tmp/holdout
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_report import BROWSER_ARGS, _tofu  # noqa: E402


def main(build: Path) -> int:
    pages = sorted(build.glob("*.html"))
    warned = [p.name for p in pages if "missing from font" in p.read_text(encoding="utf-8")]
    print(f"pages: {len(pages)}; with matplotlib's missing-glyph warning: {warned or 'none'}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    bad = []
    if chromium:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
            for page in pages:
                checks = _tofu(browser, page)
                tofu = sum(c["tofu"] for c in checks) + sum(c["n"] - c["distinct"] for c in checks)
                print(f"  {page.name}: {sum(c['n'] for c in checks)} Chinese characters checked in "
                      f"{len(checks)} elements, {tofu} drawn as a box")
                bad += [page.name] if tofu or not checks else []
            browser.close()
    else:
        print("no chromium: browser check skipped")
    articles = pd.read_csv(build / "tables" / "articles.csv")
    print("articles per language:", articles["language"].value_counts().to_dict() if "language" in articles else "-")
    trends = pd.read_csv(build / "tables" / "trends.csv")
    used = trends[trends["count"] > 0]
    both = used.groupby("concept")["language"].nunique()
    print(f"trend rows: {len(trends)} in {sorted(trends['language'].unique())}; concepts used in more than one "
          f"language: {sorted(both[both > 1].index)}")
    return 1 if warned or bad else 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
