"""Check eval_en b-half: decoding, csv dates in files, outlets, years, shared paragraphs."""
import csv, re, sys, datetime, collections, pathlib
root = pathlib.Path(sys.argv[1])
arts = root / "articles"
rows = list(csv.DictReader(open(root / "sources_b.csv", encoding="utf-8")))
files = sorted(p.name for p in arts.glob("b_*.txt"))
ok = True
names = [r["file"] for r in rows]
if sorted(names) != files:
    print("MISMATCH csv vs files", set(names) ^ set(files)); ok = False
def forms(d):
    dt = datetime.date.fromisoformat(d)
    m, mb = dt.strftime("%B"), dt.strftime("%b")
    day = dt.day
    return {d, dt.strftime("%Y.%m.%d"), dt.strftime("%Y/%m/%d"), dt.strftime("%d/%m/%Y"),
            f"{m} {day}, {dt.year}", f"{mb} {day}, {dt.year}", f"{mb}. {day}, {dt.year}", f"{mb} {day},{dt.year}",
            f"{day} {m} {dt.year}", f"{day} {mb} {dt.year}", f"{day}-{mb}-{dt.year}", f"{mb}.{day:02d}, {dt.year}",
            f"{mb} {day:02d}, {dt.year}", f"{mb} {day} {dt.year}", f"{mb}. {day:02d}, {dt.year}",
            f"{dt.year}.{dt.month:02d}.{day:02d}", f"{dt.month}/{day}/{dt.year}", f"{day:02d}/{dt.month:02d}/{dt.year}",
            f"{dt.year}-{dt.month:02d}-{day:02d}", f"{m} {day:02d}, {dt.year}", f"{day:02d} {m} {dt.year}", f"{day:02d} {mb} {dt.year}"}
paras = collections.defaultdict(list)
def is_prose(line):
    l = line.strip()
    return (len(l.split()) >= 12 and l.count("|") < 3
            and not re.match(r"(Copyright|©|All rights|The content \(including)", l))
words = {}
for r in rows:
    p = arts / r["file"]
    try:
        t = p.read_bytes().decode("utf-8")
    except Exception as e:
        print("DECODE", r["file"], e); ok = False; continue
    if not any(f in t for f in forms(r["date"])):
        print("DATE NOT IN FILE", r["file"], r["date"]); ok = False
    if r["title"] not in t:
        print("TITLE NOT IN FILE", r["file"]); ok = False
    prose = [l.strip() for l in t.splitlines() if is_prose(l)]
    for line in prose:
        paras[line].append(r["file"])
    words[r["file"]] = sum(len(l.split()) for l in prose)
for para, fs in paras.items():
    if len(set(fs)) > 1:
        print("SHARED PARAGRAPH", fs, para[:60]); ok = False
for f, n in words.items():
    if not 250 <= n <= 700:
        print("PROSE WORDS", n, f); ok = False
years = collections.Counter(r["date"][:4] for r in rows)
outlets = collections.Counter(r["outlet"] for r in rows)
print("articles", len(rows)); print("years", dict(sorted(years.items())))
print("outlets", len(outlets), dict(outlets.most_common()))
missing = [str(y) for y in range(2015, 2026) if str(y) not in years]
if missing: print("MISSING YEARS", missing); ok = False
if len(outlets) < 10: print("FEWER THAN 10 OUTLETS"); ok = False
print("OK" if ok else "PROBLEMS")
