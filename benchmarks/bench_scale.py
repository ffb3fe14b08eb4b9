"""Scale benchmark: `egov build` stage by stage at N articles vs a bare reference pipeline.

For each corpus profile (`make_corpus.py --profile`: "gentle", articles far apart, and "wire",
wire copies and shared boilerplate as in a news archive; both by default) and each size (the
five-article sample, then N = 1,000, 10,000 and 50,000 by default; 200,000 on request) it
makes a synthetic dated corpus (`make_corpus.py`, seeded, in a temporary folder), runs
`egov build --corpus <dir> --out <tmp>` in a fresh process and reads the per-stage times
the build records in `timings.json` in its cache folder (a fresh temporary one per size, so
every stage is computed, not read from an earlier run; run time of each notebook, HTML
rendering); peak memory is sampled every 0.1 s over the whole process tree (the build
and its notebook kernels). In the same run, on the same files, it times the reference:
read the files, scikit-learn `CountVectorizer(ngram_range=(1, 2))`, then `NMF` (on
TF-IDF) and `LatentDirichletAllocation` at the k the topic notebook chose (8 when it did
not run), with scikit-learn's default settings (what a bare script would use: NMF
coordinate descent from NNDSVDa, up to 200 iterations; batch LDA, 10 iterations); above
REFERENCE_MAX articles the reference is skipped (its batch LDA alone would take hours; the
target there is that the build completes).
Writes benchmarks/RESULTS.md (one set of tables per profile, then the hand-written analysis,
which later runs keep) and the raw rows, each with its profile, to benchmarks/results.json.

Run: python benchmarks/bench_scale.py                                 # both profiles, default sizes
     python benchmarks/bench_scale.py --profile wire                  # one profile
     python benchmarks/bench_scale.py --profiles gentle wire --sizes 5 1000 10000 --merge  # a subset; 5 = the sample
     python benchmarks/bench_scale.py --sizes 10000 50000 --only 01 02 --merge  # load + terms only
     python benchmarks/bench_scale.py --profiles gentle wire --sizes 200000 --merge  # 200,000: about an hour
                                                                                    # per profile, kept with --merge
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import PROFILES, make_corpus  # noqa: E402

SIZES = [5, 1_000, 10_000, 50_000]  # the default run; 200_000 (LARGE) is allowed with --sizes
LARGE = 200_000
REFERENCE_MAX = 50_000  # no reference pipeline above this many articles
DEFAULT_K = 8
STAGES = [("01", "load"), ("02", "terms"), ("03", "topics"), ("04", "timeline")]
PACKAGES = ["numpy", "pandas", "scipy", "scikit-learn", "joblib", "papermill", "nbconvert", "matplotlib"]
GB = 1024 ** 3
ANALYSIS = "## Analysis (hand-written)"  # RESULTS.md keeps this section and what follows across runs


class PeakMemory:
    """Sample the summed RSS of a process and all its descendants until stopped."""

    def __init__(self, pid: int, every: float = 0.1):
        self.proc, self.every, self.peak, self.peak_one = psutil.Process(pid), every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            if rss:
                self.peak, self.peak_one = max(self.peak, sum(rss)), max(self.peak_one, max(rss))
            time.sleep(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_measured(cmd: list[str], log: Path, env: dict | None = None) -> tuple[float, int, int, int]:
    """(wall seconds, peak tree RSS, peak single-process RSS, exit code) of a command (`env`: extra variables)."""
    start = time.perf_counter()
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        mem = PeakMemory(proc.pid)
        code = proc.wait()
    mem.stop()
    return time.perf_counter() - start, mem.peak, mem.peak_one, code


def chosen_k(out: Path) -> int:
    """Number of NMF topics in the build's topics table, else DEFAULT_K."""
    path = out / "tables" / "topics.csv"
    if not path.exists():
        return DEFAULT_K
    import pandas as pd

    table = pd.read_csv(path)
    if "model" in table.columns:
        table = table[table["model"] == "nmf"]
    return int(table["topic"].nunique()) if "topic" in table.columns and len(table) else DEFAULT_K


def reference(corpus: str, k: int) -> dict:
    """The bare pipeline (run in a child process): read, CountVectorizer(1, 2), NMF and LDA at k."""
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    times = {}
    t = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(corpus).rglob("*.txt"))]
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    X = CountVectorizer(ngram_range=(1, 2)).fit_transform(texts)
    times["vectorize"] = time.perf_counter() - t
    k = min(k, X.shape[0])  # the five-article sample: NMF's nndsvda start needs k <= documents
    t = time.perf_counter()
    NMF(n_components=k, random_state=42).fit(TfidfTransformer().fit_transform(X))
    times["nmf"] = time.perf_counter() - t
    t = time.perf_counter()
    LatentDirichletAllocation(n_components=k, random_state=42).fit(X)
    times["lda"] = time.perf_counter() - t
    times["vocabulary"] = X.shape[1]
    return times


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": psutil.virtual_memory().total / GB,
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
            "packages": {p: version(p) for p in PACKAGES}}


def bench_size(n: int, work: Path, only: list[str] | None = None, profile: str = "gentle") -> dict:
    """Build and reference at one size of one corpus profile; the corpus and outputs live under `work`."""
    tag = f"{profile}_{n}"
    corpus = "seeds" if n == 5 else str(make_corpus(n, work / f"corpus_{tag}", profile=profile))
    out, cache = work / f"out_{tag}", work / f"cache_{tag}"  # a cold cache: the stages are computed
    load_before = os.getloadavg()[0]
    wall, peak, peak_one, code = run_measured(
        [sys.executable, "-m", "egov.report.cli", "build", "--corpus", corpus, "--out", str(out)]
        + (["--only", *only] if only else []), work / f"build_{tag}.log", env={"EGOV_CACHE_DIR": str(cache)})
    if code != 0:  # the log lives in a temporary folder that is about to go: show its end
        tail = (work / f"build_{tag}.log").read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        raise SystemExit(f"egov build failed at N={n} ({profile}); the end of its log:\n" + "\n".join(tail))
    timings = json.loads((cache / "timings.json").read_text())
    by_name = {nb["name"][:2]: nb for nb in timings["notebooks"]}
    row = {"profile": profile, "n": n, "only": only or [], "wall": wall, "peak": peak, "peak_one": peak_one, "load_before": load_before,
           "html": sum(nb["html_seconds"] for nb in timings["notebooks"]) + timings["index_seconds"]}
    for prefix, stage in STAGES:
        row[stage] = by_name[prefix]["seconds"] if prefix in by_name else None
    if only or n > REFERENCE_MAX:  # a partial build (no topic stage to take k from) or past the reference's reach
        row.update(k=None if only else chosen_k(out), ref=None, ref_wall=None, ref_peak=None, ref_total=None)
        return row
    k = chosen_k(out)
    ref_corpus = str(Path(__file__).resolve().parents[1] / "seeds") if n == 5 else corpus
    ref_out = work / f"reference_{tag}.json"
    rwall, rpeak, _, code = run_measured(
        [sys.executable, __file__, "--reference", ref_corpus, str(k), str(ref_out)], work / f"reference_{tag}.log")
    if code != 0:
        raise SystemExit(f"reference failed at N={n} ({profile}); see {work / f'reference_{tag}.log'}")
    row.update(k=k, ref=json.loads(ref_out.read_text()), ref_wall=rwall, ref_peak=rpeak)
    row["ref_total"] = sum(row["ref"][s] for s in ("read", "vectorize", "nmf", "lda"))
    return row


def _s(x: float | None) -> str:
    return "—" if x is None else f"{x:,.1f}"


CORPORA = {
    "gentle": "synthetic dated articles (`benchmarks/make_corpus.py --profile gentle`, seed 42) of 15-40 sentences of "
              "the sample's articles with 3% of words swapped for Zipf-distributed pseudo-words (a growing "
              "vocabulary), so articles rarely share long word sequences; 2012-2023, four outlets",
    "wire": "synthetic dated articles (`benchmarks/make_corpus.py --profile wire`, seed 42) of the sample's sentences "
            "with no pseudo-words (every sentence recurs in many articles); 30% of articles are copies or near-copies "
            "of an earlier one under another outlet, and every article carries 1-3 shared boilerplate lines; "
            "2012-2023, four outlets",
}


def results_md(rows: list[dict], info: dict, seconds: float) -> str:
    """RESULTS.md: machine, then per corpus profile the stage table, the reference table and the targets."""
    lines = ["# Scale benchmark results", "",
             "Tables made by `python benchmarks/bench_scale.py` (see its docstring), one set per corpus profile; a "
             f"hand-written analysis may follow them under '{ANALYSIS}', which later runs keep.", "",
             f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']:.0f} GiB RAM; {info['os']}; "
             f"Python {info['python']}; " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()) + ".",
             f"The last benchmark run took {seconds / 60:.0f} min. The machine is shared: the 1-minute load average before each "
             "build is listed (2.0 = both cores busy with other work before it started).", "",
             "Stages are the notebooks' run times (each in a fresh kernel, including kernel start-up): load = "
             "01_corpus, terms = 02_terms, topics = 03_topics, timeline = 04_timeline; HTML = rendering every page and "
             "the index. Total = wall time of the whole `egov build` command. Peak memory = largest summed RSS of the "
             "build process and its kernels (sampled every 0.1 s); in brackets the largest single process. The "
             "reference pipeline, on the same files in the same run: read every file; "
             "`CountVectorizer(ngram_range=(1, 2)).fit_transform` (no min_df, no stopwords); `NMF(k)` on its TF-IDF "
             "and `LatentDirichletAllocation(k)` on its counts, scikit-learn's defaults (random_state=42); k = the "
             f"number of NMF topics the build's topic notebook chose; not run above {REFERENCE_MAX:,} articles."]
    for profile in PROFILES:
        mine = [r for r in rows if r.get("profile", "gentle") == profile]
        if mine:
            lines += ["", f"## Corpus profile: {profile}", "", f"Corpora: {CORPORA[profile]}; N = 5 is the sample "
                      "corpus itself.", ""] + _profile_tables(mine)
    missing = [stage for _, stage in STAGES if any(r[stage] is None for r in rows)]
    if missing:
        lines += ["", f"A dash: stage not run at that size ({', '.join(missing)}; `--only`, or the notebook did not "
                  "exist), so that total does not include it and is not comparable to a full build."]
    return "\n".join(lines) + "\n"


def _profile_tables(rows: list[dict]) -> list[str]:
    """One profile's stage table, reference table and targets."""
    by_n = {r["n"]: r for r in rows if not r.get("only")}  # full builds
    part = {r["n"]: r for r in rows if r.get("only")}  # partial builds (--only)
    lines = ["### `egov build`, seconds per stage", "",
             "| articles | load | terms | topics | timeline | HTML | **total** | reference | total / reference | peak memory | load avg before |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,}{' (' + '+'.join(r['only']) + ' only)' if r.get('only') else ''} | {_s(r['load'])} | {_s(r['terms'])} | {_s(r['topics'])} | {_s(r['timeline'])} | "
                     f"{_s(r['html'])} | **{_s(r['wall'])}** | {_s(r['ref_total'])} | "
                     f"{format(r['wall'] / r['ref_total'], '.2f') if r['ref_total'] else '—'} | "
                     f"{r['peak'] / GB:.2f} GB ({r['peak_one'] / GB:.2f}) | {r['load_before']:.1f} |")
    lines += ["", "### Reference pipeline, seconds", "",
              "| articles | read | CountVectorizer | NMF | LDA | total | k | vocabulary | peak memory |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        f = r["ref"]
        if f:
            lines.append(f"| {r['n']:,} | {f['read']:.1f} | {f['vectorize']:.1f} | {f['nmf']:.1f} | {f['lda']:.1f} | "
                         f"{r['ref_total']:.1f} | {r['k']} | {f['vocabulary']:,} | {r['ref_peak'] / GB:.2f} GB |")
    lines += ["", "### Targets", "", "| target | measured | met |", "|---|---|---|"]

    def target(name: str, measured: str, ok: bool | None) -> None:
        lines.append(f"| {name} | {measured} | {'yes' if ok else 'not measured' if ok is None else '**no**'} |")

    r = by_n.get(10_000)
    if r:
        target("10,000 articles: whole build within 180 s", f"{r['wall']:.0f} s", r["wall"] <= 180)
        ratio = r["wall"] / r["ref_total"] if r["ref_total"] else None
        target("10,000 articles: within 3x the reference", "—" if ratio is None else f"{ratio:.2f}x",
               None if ratio is None else ratio <= 3)
    else:
        target("10,000 articles: within 180 s and 3x the reference", "—", None)
    r = by_n.get(50_000) or part.get(50_000)
    if r:
        r10 = part.get(10_000) if 50_000 not in by_n and 10_000 in part else by_n.get(10_000)
        complete = all(r[stage] is not None for _, stage in STAGES)
        ratio = r["wall"] / r10["wall"] if r10 and complete else None
        target("50,000 articles: peak memory under 4 GB" + ("" if complete else " (only the stages with times)"),
               f"{r['peak'] / GB:.2f} GB", r["peak"] < 4 * GB)
        target("50,000 vs 10,000: time ratio at most 5.5", "—" if ratio is None else f"{ratio:.2f}",
               None if ratio is None else ratio <= 5.5)
        if r10:
            for _, stage in STAGES:
                if r[stage] is not None and r10[stage] is not None:
                    target(f"50,000 vs 10,000, {stage} stage: ratio at most 5.5", f"{r[stage] / r10[stage]:.2f}",
                           r[stage] / r10[stage] <= 5.5)
    else:
        target("50,000 articles: under 4 GB, within 5.5x the 10,000-article time", "—", None)
    r = by_n.get(LARGE)
    target(f"{LARGE:,} articles: completes", f"{r['wall']:.0f} s, {r['peak'] / GB:.2f} GB" if r else "—",
           True if r else None)
    if 5 in by_n:
        target("five-article sample: build within 30 s", f"{by_n[5]['wall']:.1f} s", by_n[5]["wall"] <= 30)
    return lines


def _key(r: dict) -> tuple:
    return r.get("profile", "gentle"), r["n"], tuple(r.get("only") or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES,
                        help=f"numbers of articles (5 = the sample; default {' '.join(map(str, SIZES))}; {LARGE} allowed)")
    parser.add_argument("--profile", "--profiles", dest="profiles", nargs="+", choices=PROFILES, default=list(PROFILES),
                        help="corpus profiles (make_corpus.py; default: both)")
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--keep", help="keep corpora and builds in this folder instead of a temporary one")
    parser.add_argument("--only", nargs="+", help="build only these notebooks (e.g. 01 02), for a partial run")
    parser.add_argument("--merge", action="store_true",
                        help="keep the rows of other sizes and profiles from the last run (results.json beside --output)")
    parser.add_argument("--reference", nargs=3, metavar=("CORPUS", "K", "JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        corpus, k, target = args.reference
        Path(target).write_text(json.dumps(reference(corpus, int(k))))
        return
    start = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="egov-bench-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for profile in args.profiles:
            for n in args.sizes:
                print(f"{profile}, N = {n:,} ...", file=sys.stderr, flush=True)
                rows.append(bench_size(n, work, args.only, profile))
                r = rows[-1]
                print(f"  build {r['wall']:.1f} s (load {_s(r['load'])}, terms {_s(r['terms'])}, topics "
                      f"{_s(r['topics'])}, timeline {_s(r['timeline'])}, html {_s(r['html'])}), peak "
                      f"{r['peak'] / GB:.2f} GB; reference {_s(r['ref_total'])} s", file=sys.stderr, flush=True)
    raw = Path(args.output).with_name("results.json")
    if args.merge and raw.exists():
        ran = {_key(r) for r in rows}
        old = [{"profile": "gentle", **r} for r in json.loads(raw.read_text()) if _key(r) not in ran]
        rows = old + rows
    rows.sort(key=lambda r: (PROFILES.index(r["profile"]), r["n"], bool(r.get("only"))))
    raw.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    text = results_md(rows, machine(), time.perf_counter() - start)
    out = Path(args.output)
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    heading = "\n" + ANALYSIS + "\n"  # the heading line itself, not its mention in the header text
    if heading in previous:
        text += heading + previous.split(heading, 1)[1]
    out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
