"""Benchmark `egov.corpus.html.html_to_article` on trafilatura's English evaluation set.

Optional and the only place in the project that reads ../shared: it scores the article texts
with ../shared/benchmarks/score_clean.py on ../shared/benchmarks/trafilatura-en, for the
development half (file names sorting first), the held-out half and all pages, next to
trafilatura's default extraction, and reports milliseconds per page.
Run from the repository root: python benchmarks/bench_clean.py
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
PAGES = BENCHMARKS / "trafilatura-en" / "pages"
TRUTH = BENCHMARKS / "trafilatura-en" / "truth.json"


def extract_all(extract: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """Run an extractor over all pages; returns ({file: text}, ms per page)."""
    start = time.perf_counter()
    texts = {name: extract(html) or "" for name, html in pages.items()}
    return texts, 1000 * (time.perf_counter() - start) / max(1, len(pages))


def report(label: str, truth: dict, texts: dict[str, str], ms: float, halves: dict[str, list[str]]) -> None:
    """Print P/R/F1 of one extractor for each half and for all pages."""
    from score_clean import score

    cells = []
    for half, files in halves.items():
        s = score({f: truth[f] for f in files}, texts)
        cells.append(f"{half} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    print(f"{label:<22} " + " | ".join(cells) + f" | {ms:.1f} ms/page")


def main() -> int:
    """Score both extractors; returns the process exit code."""
    if not TRUTH.is_file():
        print(f"benchmark data not found at {BENCHMARKS} (needs ../shared/benchmarks); nothing to do")
        return 1
    sys.path.insert(0, str(BENCHMARKS))
    import trafilatura
    from trafilatura.utils import decode_file

    from egov.corpus.html import html_to_article

    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    files = sorted(truth)
    halves = {"dev": files[: len(files) // 2], "held-out": files[len(files) // 2 :], "all": files}
    pages = {f: decode_file((PAGES / f).read_bytes()) for f in files}
    print(f"{len(files)} pages: {len(halves['dev'])} dev, {len(halves['held-out'])} held-out")
    for label, extract in (
        ("egov.html_to_article", lambda html: html_to_article(html).text),
        ("trafilatura default", trafilatura.extract),
    ):
        texts, ms = extract_all(extract, pages)
        report(label, truth, texts, ms, halves)
    return 0


if __name__ == "__main__":
    sys.exit(main())
