"""Score egov.corpus.dates_html.date_from_html on the htmldate-en benchmark, against htmldate alone.

The benchmark lives outside the project, in ../shared/benchmarks/htmldate-en (pages/*.html and
truth.csv with file,url,date); this optional script is the only place that reads it, and it
exits with a message when the folder is absent. URLs are not given to either tool.

Each file is scored right / wrong / none; precision = right / (right + wrong), recall = right / total.
Scores are printed for the files whose names sort in the first half (the development half), the
second half (held out) and all files.

Run from the repository root:  python benchmarks/bench_dates.py [--list]
(--list also prints every file that is not right).
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path
from typing import Callable

from egov.corpus.dates_html import date_from_html

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "htmldate-en"


def htmldate_alone(html: str) -> str | None:
    """htmldate's own answer, as measured in the benchmark README (no URL, original_date=True)."""
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # count a crash as no date
        return None


def ours(html: str) -> str | None:
    found = date_from_html(html)
    return found.date.strftime("%Y-%m-%d") if found.date is not None else None


def score(rows: list[dict[str, str]], pages: dict[str, str], tool: Callable[[str], str | None],
          show: bool = False) -> tuple[int, int, int]:
    """(right, wrong, none) of `tool` over `rows`; with show, print each miss."""
    right = wrong = none = 0
    for row in rows:
        got = tool(pages[row["file"]])
        if got is None:
            none += 1
        elif got == row["date"]:
            right += 1
        else:
            wrong += 1
        if show and got != row["date"]:
            print(f"    {'none ' if got is None else 'WRONG'} {row['file']}: truth {row['date']}, got {got}")
    return right, wrong, none


def line(label: str, counts: tuple[int, int, int], seconds: float) -> str:
    right, wrong, none = counts
    total = right + wrong + none
    precision = right / (right + wrong) if right + wrong else 0.0
    return (f"  {label:<22} right {right:3d}  wrong {wrong:3d}  none {none:3d}  "
            f"precision {precision:.3f}  recall {right / total:.3f}  ({seconds:.1f}s)")


def main() -> None:
    if not (BENCH / "truth.csv").is_file():
        sys.exit(f"benchmark not found: {BENCH} (it lives outside the project, in ../shared/benchmarks)")
    show = "--list" in sys.argv
    rows = sorted(csv.DictReader((BENCH / "truth.csv").open(encoding="utf-8")), key=lambda r: r["file"])
    pages = {r["file"]: (BENCH / "pages" / r["file"]).read_text(encoding="utf-8", errors="replace") for r in rows}
    half = len(rows) // 2
    for name, part in (("dev half", rows[:half]), ("held-out half", rows[half:]), ("all", rows)):
        print(f"{name} ({len(part)} files)")
        for label, tool in (("egov date_from_html", ours), ("htmldate alone", htmldate_alone)):
            start = time.perf_counter()
            counts = score(part, pages, tool, show=show and name != "all" and tool is ours)
            print(line(label, counts, time.perf_counter() - start))


if __name__ == "__main__":
    main()
