"""Score the loader on a Chinese/English folder with a truth.csv (tests/data/chinese, benchmarks/zh_holdout).

truth.csv columns used: file, status (loaded/skipped), language, encoding, date (empty when the page
gives no date with a year), source, title. Each file is scored:
- in the load report exactly once;
- status and language as in the truth;
- date: right, wrong (a date that is not the truth's) or missed (no date where the truth has one);
  a file whose truth has no date counts as wrong when a date is given;
- source and title: equal after removing spaces.

Run from the repository root:  python benchmarks/bench_zh_loader.py [folder] [--list]
(--list prints every file that is not right).
"""
from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from egov.corpus.load import load_corpus, load_report

ROOT = Path(__file__).resolve().parents[1]


def _key(s: str) -> str:
    return "".join(str(s or "").split())


def score(folder: Path, show: bool = False) -> dict[str, object]:
    """Counts of right/wrong/missed per field over the files of `folder`'s truth.csv."""
    with open(folder / "truth.csv", encoding="utf-8") as fh:
        truth = list(csv.DictReader(fh))
    start = time.perf_counter()
    docs = load_corpus(folder, metadata=None)
    seconds = time.perf_counter() - start
    report = load_report(docs)
    report = report[report["status"] != "metadata"]
    prefix = folder.name + "/"
    paths = [p[len(prefix):] if p.startswith(prefix) else p for p in report["path"]]
    by_path = dict(zip(paths, report.to_dict("records")))
    articles = {row["path"][len(prefix):]: row for row in docs.to_dict("records")}
    out: dict[str, object] = {"files": len(truth), "seconds": round(seconds, 2)}
    counts = {k: 0 for k in ("once", "status", "language", "date_right", "date_wrong", "date_missed",
                             "dated_truth", "undated_right", "source", "title", "loaded_truth")}
    misses: list[str] = []
    for row in truth:
        name = row["file"]
        counts["once"] += paths.count(name) == 1
        rep = by_path.get(name, {})
        status = "loaded" if str(rep.get("status", "")).startswith("loaded") else "skipped"
        counts["status"] += status == row["status"]
        if status != row["status"]:
            misses.append(f"status   {name}: truth {row['status']}, got {rep.get('status')} ({rep.get('reason')})")
        if row["language"]:
            ok = rep.get("language", "") == row["language"]
            counts["language"] += ok
            if not ok:
                misses.append(f"language {name}: truth {row['language']}, got {rep.get('language')}")
        art = articles.get(name)
        if row["status"] != "loaded":
            continue
        counts["loaded_truth"] += 1
        got = art["date"].strftime("%Y-%m-%d") if art is not None and art["date"] == art["date"] else ""
        if row["date"]:
            counts["dated_truth"] += 1
            if got == row["date"]:
                counts["date_right"] += 1
            elif got:
                counts["date_wrong"] += 1
                misses.append(f"DATE WRONG {name}: truth {row['date']}, got {got} ({art['date_evidence']})")
            else:
                counts["date_missed"] += 1
                misses.append(f"date missed {name}: truth {row['date']} ({row.get('date_evidence', '')}); "
                              f"{art['date_evidence'] if art is not None else 'not loaded'}")
        elif got:
            counts["date_wrong"] += 1
            misses.append(f"DATE WRONG {name}: truth none, got {got} ({art['date_evidence']})")
        else:
            counts["undated_right"] += 1
        for field in ("source", "title"):
            value = art[field] if art is not None else ""
            ok = _key(value) == _key(row[field])
            counts[field] += ok
            if not ok:
                misses.append(f"{field:8} {name}: truth {row[field]!r}, got {value!r}")
    out.update(counts)
    if show:
        for line in misses:
            print("   ", line)
    return out


def main(argv: list[str]) -> None:
    show = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "chinese"
    c = score(folder, show)
    dated = max(1, int(c["dated_truth"]))
    loaded = max(1, int(c["loaded_truth"]))
    print(f"{folder.name}: {c['files']} files, loaded in {c['seconds']} s")
    print(f"  in the load report once {c['once']}/{c['files']}, status right {c['status']}/{c['files']}, "
          f"language right {c['language']}")
    print(f"  dates: {c['date_right']} right, {c['date_wrong']} wrong, {c['date_missed']} missed of {c['dated_truth']} "
          f"dated ({c['date_missed'] / dated:.0%} missed); {c['undated_right']} undated pages left undated")
    print(f"  source right {c['source']}/{c['loaded_truth']} ({int(c['source']) / loaded:.0%}), "
          f"title right {c['title']}/{c['loaded_truth']} ({int(c['title']) / loaded:.0%})")


if __name__ == "__main__":
    main(sys.argv[1:])
