"""Make a synthetic dated corpus of N news articles from the sample's sentences (seeded).

Each article is a folder entry `NNNNNN.txt`: an optional banner line naming the outlet,
a dateline first paragraph ("BEIJING, June 3, 2019 (Xinhua) -- ..."), then 15-40
sentences (the dateline paragraph is one sentence) drawn from the sentences of the five seed articles, in 3-8 paragraphs. Dates
are spread uniformly over 2012-01-01 to 2023-12-31, outlets over a few names the loader
recognises. To give the corpus a vocabulary that keeps growing with its size (as real
archives do, Heaps' law) rather than the seeds' ~3,000 words, about 3% of words are
swapped for pseudo-words drawn from a Zipf-distributed pool of 60,000; each article is
therefore also far from any other (the loader drops reposts sharing >= 80% of 5-grams).

The "wire" profile looks more like a news archive: no pseudo-words (every sentence recurs in
many articles), a share of articles (WIRE_SHARE) are copies or near-copies of an earlier article
under another outlet (new banner and dateline, a sentence or two dropped or added), and every
article carries some of a few shared boilerplate lines (editor, copyright, share prompts).

Run: python benchmarks/make_corpus.py 10000 /tmp/corpus10k [--seed 42] [--profile wire]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CITIES = ["BEIJING", "SHANGHAI", "GUANGZHOU", "SHENZHEN", "HANGZHOU", "CHONGQING", "CHENGDU", "WUHAN",
          "NANJING", "XI'AN", "TIANJIN", "FOSHAN", "HONG KONG"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
START, END = np.datetime64("2012-01-01"), np.datetime64("2023-12-31")
N_PSEUDO, PSEUDO_SHARE = 60_000, 0.03
PROFILES = ("gentle", "wire")
WIRE_SHARE = 0.3  # wire profile: share of articles that copy an earlier one
BOILERPLATE = ["Editor: Wang Xin", "Copyright 1995-2023 China Daily. All rights reserved.",
               "Share this story on WeChat and Weibo", "Source: Xinhua", "[Editor: huaxia]",
               "Follow us on Twitter @XHNews", "Print | Close"]
SYLLABLES = ["ba", "ko", "ri", "tan", "mei", "lu", "shen", "qi", "zo", "ven", "ar", "do", "li", "pu", "sa",
             "tor", "ex", "ni", "gu", "wan", "fe", "hai", "ra", "mo", "yu", "cel", "dra", "in", "os", "ta"]


def seed_sentences() -> list[str]:
    """Sentences (>= 6 words) of the seed articles, in file order."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(s.split()) for s in parts if len(s.split()) >= 6 and s.strip()[-1:] in ".!?\"”"]


def pseudo_words(n: int, rng: np.random.Generator) -> np.ndarray:
    """n distinct pronounceable pseudo-words ("tanmeiko", ...), lower case."""
    words: set[str] = set()
    out = []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES, size=rng.integers(2, 5)))
        if w not in words:
            words.add(w)
            out.append(w)
    return np.array(out, dtype=object)


def _dateline(rng: np.random.Generator, day: np.datetime64) -> tuple[str, str]:
    """(banner line or "", dateline prefix) in the style of one of a few outlets."""
    y, m, d = (int(x) for x in str(day).split("-"))
    city = CITIES[rng.integers(len(CITIES))]
    when = f"{MONTHS[m - 1]} {d}, {y}"
    style = rng.integers(4)
    if style == 0:
        return "", f"{city}, {when} (Xinhua) -- "
    if style == 1:
        return "", f"{city}, China, {when} /PRNewswire/ -- "
    if style == 2:
        return "China Daily", f"{city}, {when} -- "
    return "Global Times", f"{city}, {when} -- "


def make_corpus(n: int, folder: str | Path, seed: int = 42, profile: str = "gentle") -> Path:
    """Write n articles to `folder` (created) and return it; same n, seed and profile give the same bytes."""
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {PROFILES}, not {profile!r}")
    wire = profile == "wire"
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    sentences = seed_sentences()
    pool = pseudo_words(N_PSEUDO, rng)
    zipf = 1.0 / np.arange(1, N_PSEUDO + 1)
    zipf /= zipf.sum()
    span = int((END - START).astype(int))
    width = max(6, len(str(n)))
    bodies: list[list[str]] = []  # wire profile: the paragraphs of each article, for later copies
    for i in range(n):
        day = START + np.timedelta64(int(rng.integers(span + 1)), "D")
        banner, prefix = _dateline(rng, day)
        if wire and bodies and rng.random() < WIRE_SHARE:
            paras = list(bodies[int(rng.integers(len(bodies)))])
            if len(paras) > 3 and rng.random() < 0.5:
                del paras[int(rng.integers(1, len(paras)))]  # an outlet cuts a paragraph
            if rng.random() < 0.5:
                paras.append(sentences[int(rng.integers(len(sentences)))])  # or adds one of its own
            body = [prefix + paras[0].split(" -- ", 1)[-1]] + paras[1:]
            extra = list(rng.choice(BOILERPLATE, size=int(rng.integers(1, 4)), replace=False))
            (folder / f"{i:0{width}d}.txt").write_text("\n\n".join(([banner] if banner else []) + body + extra) + "\n",
                                                     encoding="utf-8")
            continue
        picks = rng.choice(len(sentences), size=rng.integers(15, 41), replace=False)
        words = " \n ".join(sentences[j] for j in picks).split(" ")
        swap = np.flatnonzero(rng.random(len(words)) < (0.0 if wire else PSEUDO_SHARE))
        for j, w in zip(swap, rng.choice(pool, size=len(swap), p=zipf)):
            if words[j] != "\n":
                words[j] = w
        paras = [s.strip() for s in " ".join(words).split("\n")]
        cuts = np.sort(rng.choice(np.arange(2, len(paras)), size=min(len(paras) - 2, rng.integers(2, 8)), replace=False))
        body = [prefix + paras[0]] + [" ".join(chunk) for chunk in np.split(np.array(paras[1:], dtype=object), cuts - 1)]
        lines = ([banner] if banner else []) + body
        if wire:
            bodies.append(body)
            lines += list(rng.choice(BOILERPLATE, size=int(rng.integers(1, 4)), replace=False))
        (folder / f"{i:0{width}d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--profile", choices=PROFILES, default="gentle")
    args = parser.parse_args()
    make_corpus(args.n, args.folder, args.seed, args.profile)


if __name__ == "__main__":
    main()
