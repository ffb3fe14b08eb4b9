"""Chinese scale benchmark: `egov build` on 10,000 synthetic Chinese articles vs a bare jieba pipeline.

Makes a seeded synthetic corpus of N Chinese news pages in a temporary folder (`make_zh_corpus`:
a headline, a date-and-source line such as "发布时间：2019-06-04 09:12 来源：新华网", then 12-30
sentences in 3-7 paragraphs, drawn from sentences written for this benchmark about e-government;
about 3% of sentences name a synthetic place or agency from a Zipf-distributed pool of 20,000, so
the vocabulary grows with N as a real archive's does). Runs `egov build --corpus <dir>` in a fresh
process (stage times from `<out>/.cache/timings.json`, peak memory of the process tree), then, in
the same run on the same files, the bare pipeline: read the files, segment with jieba (`lcut`,
tokens without a word character dropped), `CountVectorizer(ngram_range=(1, 2))` on the tokens,
`NMF` (on TF-IDF) and `LatentDirichletAllocation` at the k the build's topic notebook chose,
scikit-learn defaults. Target: the build within 3 times the bare pipeline. Also reports each
segmenter's characters per second (jieba, and rjieba when installed) on the same texts.
Writes benchmarks/RESULTS_zh.md and benchmarks/results_zh.json.

Run: python benchmarks/bench_zh_scale.py                   # 10,000 articles (about 15 min on 2 cores)
     python benchmarks/bench_zh_scale.py --sizes 300      # a quick check
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import GB, STAGES, chosen_k, machine, run_measured  # noqa: E402

SIZES = [10_000]
OUTLETS = ["新华网", "人民网", "中国政府网", "南方网", "澎湃新闻", "浙江在线", "中国新闻网", "光明网"]
START, END = np.datetime64("2014-01-01"), np.datetime64("2024-12-31")
N_NAMES, NAME_SHARE = 20_000, 0.03
# Sentences written for this benchmark (not taken from any page): the topics the real coverage has.
SENTENCES = [
    "国务院办公厅印发通知，要求各地加快推进政务服务一网通办。",
    "数字政府建设是推动政府治理现代化的重要举措。",
    "各级政务服务平台已经实现数据共享和业务协同。",
    "群众办事只需登录一个平台，就能查询和办理多项事项。",
    "放管服改革持续深化，企业开办时间大幅缩短。",
    "最多跑一次改革让不少事项实现了当天办结。",
    "健康码在疫情防控期间成为出行的重要凭证。",
    "各地推出跨省通办服务，异地办事不再需要来回奔波。",
    "大数据中心汇集了人口、法人和空间地理等基础数据。",
    "政务云平台为各部门提供统一的计算和存储资源。",
    "12345热线受理群众诉求，并限时转交相关部门办理。",
    "好差评制度让群众可以对每一次服务进行评价。",
    "电子政务的发展水平在联合国评估中持续提升。",
    "互联网+政务服务推动线上线下服务深度融合。",
    "一网统管平台把城市运行的各类数据汇聚到一张图上。",
    "专家认为，数据安全和个人信息保护必须同步加强。",
    "基层干部表示，系统整合之后重复录入明显减少。",
    "不少老年人仍然习惯到窗口现场办理业务。",
    "部分地区保留了人工窗口，为不会使用手机的群众提供帮助。",
    "移动端应用把社保、公积金和医保查询集中在一起。",
    "电子证照在多个领域实现互认，办事材料明显减少。",
    "企业可以通过网上申报完成税务登记和发票领用。",
    "审批流程公开透明，每个环节的办理时限都向社会公布。",
    "政府网站集约化建设减少了重复投入。",
    "数据资源管理局负责统筹推进公共数据开放。",
    "一些城市试点用人工智能辅助审核申请材料。",
    "区块链技术被用于不动产登记和电子证照存证。",
    "营商环境评价把网上办理比例列为重要指标。",
    "乡镇便民服务中心也接入了省级政务服务平台。",
    "统一身份认证让用户不必在不同系统反复注册。",
    "相关负责人介绍，明年将继续扩大可办事项范围。",
    "调查显示，多数受访企业对网上办事的便利程度表示满意。",
    "专家指出，平台建设之后更重要的是持续运营。",
    "数字鸿沟问题需要通过适老化改造逐步解决。",
    "政务数据共享交换平台已连接数百个业务系统。",
    "部门之间的数据壁垒仍然是推进改革的难点。",
    "各地在实践中探索出不少可复制推广的经验。",
    "通知要求建立健全考核评估机制，确保任务落实。",
    "在线监管系统能够及时发现和处置风险隐患。",
    "电子营业执照的使用范围不断扩大。",
    "省级平台与国家政务服务平台实现了对接。",
    "公共资源交易全流程电子化减少了人为干预。",
    "智慧城市建设带动了信息基础设施的升级。",
    "市民通过手机即可预约办事时间，减少排队等候。",
    "报告提出，要以群众满意度作为衡量工作成效的标准。",
    "新修订的办法对数据分类分级管理作出规定。",
    "会议强调，要坚持问题导向，着力解决群众急难愁盼问题。",
    "系统上线以来，累计办件量已经超过一千万件。",
]
PLACES = ["江", "山", "河", "湖", "平", "安", "宁", "新", "兴", "东", "南", "西", "北", "阳", "海", "云",
          "华", "昌", "德", "丰", "川", "林", "泉", "州", "城", "原", "台", "庆", "明", "嘉", "临", "永"]
KINDS = ["市数据局", "区政务服务中心", "县大数据中心", "市行政审批局", "区便民服务中心", "县政务服务管理办公室"]


def names(n: int, rng: np.random.Generator) -> list[str]:
    """n distinct synthetic agency names ('安昌市数据局', ...)."""
    seen: set[str] = set()
    while len(seen) < n:
        seen.add("".join(rng.choice(PLACES, size=rng.integers(2, 4))) + str(rng.choice(KINDS)))
    return sorted(seen)


def make_zh_corpus(n: int, folder: Path, seed: int = 42) -> Path:
    """Write n synthetic Chinese pages `NNNNNN.txt` (UTF-8) to folder; returns the folder."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = names(N_NAMES, rng)
    zipf = 1.0 / np.arange(1, N_NAMES + 1)
    cdf = np.cumsum(zipf / zipf.sum())
    days = int((END - START).astype(int))
    for i in range(n):
        date = START + np.timedelta64(int(rng.integers(0, days)), "D")
        outlet = OUTLETS[int(rng.integers(len(OUTLETS)))]
        picks = [SENTENCES[j] for j in rng.integers(0, len(SENTENCES), size=int(rng.integers(12, 31)))]
        named = rng.random(len(picks)) < NAME_SHARE * 10  # about 3 in 10 sentences name an agency: ~3% of tokens
        who = np.searchsorted(cdf, rng.random(len(picks)))
        picks = [f"{pool[min(w, N_NAMES - 1)]}表示，{s}" if m else s for s, m, w in zip(picks, named, who)]
        cuts = sorted(rng.choice(np.arange(1, len(picks)), size=min(len(picks) - 1, int(rng.integers(2, 7))),
                                 replace=False))
        paragraphs = ["".join(p) for p in np.split(np.array(picks, dtype=object), cuts)]
        title = picks[0].split("，")[-1].rstrip("。")[:24]
        stamp = f"{date} {int(rng.integers(7, 22)):02d}:{int(rng.integers(0, 60)):02d}"
        text = f"{title}\n发布时间：{stamp}　来源：{outlet}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def segmenter_speed(texts: list[str]) -> dict:
    """Characters per second of jieba and (when installed) rjieba on the texts, default dictionaries."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    chars = sum(len(t) for t in texts)
    out = {}
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    out["jieba"] = chars / (time.perf_counter() - t)
    try:
        import rjieba
    except ImportError:
        return out
    t = time.perf_counter()
    for text in texts:
        rjieba.cut(text)
    out["rjieba"] = chars / (time.perf_counter() - t)
    return out


WORD = re.compile(r"\w")


def reference(corpus: str, k: int) -> dict:
    """The bare pipeline (in a child process): read, jieba, CountVectorizer(1, 2) on tokens, NMF and LDA at k."""
    import jieba
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    jieba.setLogLevel(60)
    times = {}
    t = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(corpus).rglob("*.txt"))]
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    jieba.initialize()
    docs = [[w for w in jieba.lcut(text) if WORD.search(w)] for text in texts]
    times["segment"] = time.perf_counter() - t
    times["characters"] = sum(len(text) for text in texts)
    times["tokens"] = sum(len(d) for d in docs)
    t = time.perf_counter()
    X = CountVectorizer(analyzer=lambda d: d + [f"{a} {b}" for a, b in zip(d, d[1:])]).fit_transform(docs)
    times["vectorize"] = time.perf_counter() - t
    k = min(k, X.shape[0])
    t = time.perf_counter()
    NMF(n_components=k, random_state=42).fit(TfidfTransformer().fit_transform(X))
    times["nmf"] = time.perf_counter() - t
    t = time.perf_counter()
    LatentDirichletAllocation(n_components=k, random_state=42).fit(X)
    times["lda"] = time.perf_counter() - t
    times["vocabulary"] = X.shape[1]
    times["speed"] = segmenter_speed(texts[:2000])
    return times


def bench(n: int, work: Path) -> dict:
    corpus = make_zh_corpus(n, work / f"corpus_zh_{n}")
    out = work / f"out_zh_{n}"
    wall, peak, peak_one, code = run_measured(
        [sys.executable, "-m", "egov.report.cli", "build", "--corpus", str(corpus), "--out", str(out)],
        work / f"build_zh_{n}.log")
    if code != 0:
        tail = (work / f"build_zh_{n}.log").read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        raise SystemExit(f"egov build failed at N={n}; the end of its log:\n" + "\n".join(tail))
    timings = json.loads((out / ".cache" / "timings.json").read_text())
    by_name = {nb["name"][:2]: nb for nb in timings["notebooks"]}
    row = {"n": n, "wall": wall, "peak": peak, "peak_one": peak_one,
           "html": sum(nb["html_seconds"] for nb in timings["notebooks"]) + timings["index_seconds"]}
    for prefix, stage in STAGES:
        row[stage] = by_name[prefix]["seconds"] if prefix in by_name else None
    import pandas as pd

    articles = pd.read_csv(out / "tables" / "articles.csv")
    row["languages"] = articles["language"].value_counts().to_dict() if "language" in articles else {}
    row["n_articles"] = len(articles)
    k = chosen_k(out)
    ref_out = work / f"reference_zh_{n}.json"
    rwall, rpeak, _, code = run_measured([sys.executable, __file__, "--reference", str(corpus), str(k), str(ref_out)],
                                         work / f"reference_zh_{n}.log")
    if code != 0:
        raise SystemExit(f"reference failed at N={n}: " + (work / f"reference_zh_{n}.log").read_text()[-2000:])
    row.update(k=k, ref=json.loads(ref_out.read_text()), ref_wall=rwall, ref_peak=rpeak)
    row["ref_total"] = sum(row["ref"][s] for s in ("read", "segment", "vectorize", "nmf", "lda"))
    return row


def results_md(rows: list[dict], info: dict, seconds: float) -> str:
    lines = ["# Chinese scale benchmark results", "",
             "Made by `python benchmarks/bench_zh_scale.py` (see its docstring).", "",
             f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']:.0f} GiB RAM; {info['os']}; "
             f"Python {info['python']}. The run took {seconds / 60:.0f} min.", "",
             "| articles | loaded (languages) | load | terms | topics | timeline | HTML | **build** | reference | "
             "build / reference | peak memory |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        langs = ", ".join(f"{v:,} {k}" for k, v in sorted(r["languages"].items())) or "not recorded"
        lines.append(f"| {r['n']:,} | {r['n_articles']:,} ({langs}) | {r['load']:.1f} | {r['terms']:.1f} | "
                     f"{r['topics']:.1f} | {r['timeline']:.1f} | {r['html']:.1f} | **{r['wall']:.1f}** | "
                     f"{r['ref_total']:.1f} | **{r['wall'] / r['ref_total']:.2f}** | {r['peak'] / GB:.2f} GB |")
    lines += ["", "Reference, seconds (same files, same run): read; jieba `lcut` (tokens with a word character); "
              "`CountVectorizer` on unigrams and bigrams of the tokens; `NMF(k)` on TF-IDF and "
              "`LatentDirichletAllocation(k)` on counts, scikit-learn defaults, random_state=42; k = the build's "
              "chosen number of topics.", "",
              "| articles | read | segment | vectorize | NMF | LDA | total | k | characters | tokens | vocabulary |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        f = r["ref"]
        lines.append(f"| {r['n']:,} | {f['read']:.1f} | {f['segment']:.1f} | {f['vectorize']:.1f} | {f['nmf']:.1f} | "
                     f"{f['lda']:.1f} | {r['ref_total']:.1f} | {r['k']} | {f['characters']:,} | {f['tokens']:,} | "
                     f"{f['vocabulary']:,} |")
    lines += ["", "Segmenter speed (default dictionaries, first 2,000 texts): " + "; ".join(
        f"{name} {cps:,.0f} characters per second" for name, cps in rows[-1]["ref"]["speed"].items()) + ".", "",
        "| target | measured | met |", "|---|---|---|"]
    for r in rows:
        ratio = r["wall"] / r["ref_total"]
        lines.append(f"| {r['n']:,} Chinese articles: build within 3x the bare pipeline | {ratio:.2f}x | "
                     f"{'yes' if ratio <= 3 else '**no**'} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--output", default=str(HERE / "RESULTS_zh.md"))
    parser.add_argument("--keep", help="keep the corpus and build in this folder")
    parser.add_argument("--reference", nargs=3, metavar=("CORPUS", "K", "JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        corpus, k, target = args.reference
        Path(target).write_text(json.dumps(reference(corpus, int(k))))
        return
    start = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="egov-bench-zh-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            rows.append(bench(n, work))
            r = rows[-1]
            print(f"  build {r['wall']:.1f} s, reference {r['ref_total']:.1f} s, ratio {r['wall'] / r['ref_total']:.2f}",
                  file=sys.stderr, flush=True)
    Path(args.output).with_name("results_zh.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    text = results_md(rows, machine(), time.perf_counter() - start)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
