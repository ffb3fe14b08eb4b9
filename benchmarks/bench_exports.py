"""Loading articles from database exports vs the same articles as plain text files.

Makes N synthetic articles with benchmarks/make_corpus.py (one .txt each), then writes the same
articles into export files of 100 documents (the usual download limit), the four formats in turn
(Nexis Uni DOCX, LexisNexis text, Factiva HTML, ProQuest text; writers of
tests/data/exports/make_exports.py), and times `load_corpus` on each folder, cache off, in the
same process, alternating, best of `--repeat` runs. The bar (issue 14): exports at most 20%
slower than the plain files.

Run from the repo root: python benchmarks/bench_exports.py [--n 10000] [--repeat 2]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "lib"), str(ROOT / "benchmarks"), str(ROOT / "tests" / "data" / "exports")]

import make_exports  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

from egov.corpus import load_corpus, load_report  # noqa: E402

PER_FILE = 100
DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December) "
                  r"(\d{1,2}), (\d{4})")
MONTHS = {m: i for i, m in enumerate(DATE.pattern[1:].split(")")[0].split("|"), start=1)}


def _row(path: Path) -> tuple:
    """(key, source, date, time, byline, section, language) of one synthetic article, registered in make_exports."""
    text = path.read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if p.strip()]
    source = "Xinhua General News Service"
    if paras[0] in ("China Daily", "Global Times"):
        source = paras.pop(0)
    m = DATE.search(paras[0])
    iso = f"{m.group(3)}-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    title = " ".join(paras[1].split()[:9]) if len(paras) > 1 else path.stem
    make_exports.ARTICLES[path.stem] = (title, "\n\n".join(paras))
    return (path.stem, source, iso, "", "", "CHINA", "en")


def write_exports(plain: Path, folder: Path) -> int:
    """Write the articles of `plain` into export files in `folder`; returns the number of files."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [_row(p) for p in sorted(plain.glob("*.txt"))]
    n_files = 0
    for k in range(0, len(rows), PER_FILE):
        chunk, fmt = rows[k:k + PER_FILE], (k // PER_FILE) % 4
        stem = f"export_{k // PER_FILE:04d}"
        if fmt == 0:
            (folder / f"{stem}.docx").write_bytes(make_exports._docx(chunk, 100000 + k, "e-government"))
        elif fmt == 1:
            (folder / f"{stem}.txt").write_text(make_exports._ln_txt(chunk, False), encoding="utf-8")
        elif fmt == 2:
            (folder / f"{stem}.html").write_text(make_exports._factiva_html(chunk), encoding="utf-8")
        else:
            (folder / f"{stem}.txt").write_text(make_exports._proquest_txt(chunk), encoding="utf-8")
        n_files += 1
    return n_files


def timed(folder: Path) -> tuple[float, float, int, int]:
    """Seconds to load a folder (wall clock, and CPU of this process: all of it with EGOV_JOBS=1),
    articles loaded, load-report rows."""
    start, cpu = time.perf_counter(), time.process_time()
    docs = load_corpus(folder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, len(docs), len(load_report(docs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    os.environ["EGOV_CACHE_DIR"] = "off"
    with tempfile.TemporaryDirectory() as tmp:
        plain = make_corpus(args.n, Path(tmp) / "plain")
        n_files = write_exports(plain, Path(tmp) / "exports")
        times: dict[str, list[float]] = {"plain": [], "exports": []}
        cpus: dict[str, list[float]] = {"plain": [], "exports": []}
        for _ in range(args.repeat):
            for name in ("plain", "exports"):
                seconds, cpu, n_docs, n_rows = timed(Path(tmp) / name)
                times[name].append(seconds)
                cpus[name].append(cpu)
                print(f"{name:<8} {seconds:7.1f} s ({cpu:.1f} s CPU in this process)  {n_docs:,} articles, "
                      f"{n_rows:,} load-report rows", flush=True)
    best = {k: min(v) for k, v in times.items()}
    ratio = best["exports"] / best["plain"]
    print(f"CPU of this process, best: plain {min(cpus['plain']):.1f} s, exports {min(cpus['exports']):.1f} s "
          f"(ratio {min(cpus['exports']) / min(cpus['plain']):.2f})")
    print(f"\n{args.n:,} articles: plain text files {best['plain']:.1f} s, {n_files} export files "
          f"{best['exports']:.1f} s (best of {args.repeat}); exports / plain = {ratio:.2f} "
          f"({'within' if ratio <= 1.2 else 'over'} the 1.20 bar); {os.cpu_count()} CPUs, "
          f"EGOV_JOBS={os.environ.get('EGOV_JOBS', 'all')}")


if __name__ == "__main__":
    main()
