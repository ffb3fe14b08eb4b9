"""Topics at scale: the final fits on every passage vs on the period-stratified sample plus inference.

Makes a synthetic corpus (`make_corpus.py`, seeded), loads it, cuts passages, builds the topic
vocabulary, then times for NMF and LDA at k = K the stage's final fit (`selection.most_coherent_fit`)
on all passages (what the stage did before `topics.sample`) and through `sample.fit_sampled` (on at
most MAX_FIT_PASSAGES passages, every passage inferred) on the serial and the processes engine,
checking that both engines give the same shares. It also says how far the sampled topics are from
the full fit's: top-10 term agreement after matching (selection.ranking_agreement: 1 = the same
terms in the same order), next to the agreement of two full fits with different seeds (42, 43),
the yardstick of how stable the topics are at all.
Prints one Markdown table; nothing is written.

Run: python benchmarks/bench_topics_scale.py 10000 [--profile wire] [--k 8]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import PROFILES, make_corpus  # noqa: E402


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    out = func(*args, **kwargs)
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--profile", choices=PROFILES, default="gentle")
    parser.add_argument("--k", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault("EGOV_CACHE_DIR", "off")
    from egov import load_corpus
    from egov.topics import lda, models, sample
    from egov.topics.selection import most_coherent_fit, ranking_agreement
    from egov.topics.split import passages

    with tempfile.TemporaryDirectory(prefix="egov-topics-") as tmp:
        docs, t_load = timed(load_corpus, make_corpus(args.n, Path(tmp) / "corpus", profile=args.profile))
    psg, t_psg = timed(passages, docs)
    pt, t_vocab = timed(models.passage_terms, psg)
    n = len(pt.passages)
    print(f"{args.profile}, {len(docs):,} articles kept of {args.n:,}: load {t_load:.1f} s, passages {t_psg:.1f} s "
          f"({n:,} passages), vocabulary {t_vocab:.1f} s ({len(pt.vocab):,} terms, {int(pt.counts.sum()):,} tokens)")
    print("\n| model | all passages fitted | sample fit + inference, serial | processes | n_fitted | same shares | "
          "agreement: sampled vs full | full vs full, other seed |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    for model in models.MODELS:
        full, t_all = timed(most_coherent_fit, pt, args.k, model, 42)
        other = most_coherent_fit(pt, args.k, model, 43)
        serial, t_serial = timed(sample.fit_sampled, pt, args.k, model, 42, engine="serial", fit=most_coherent_fit)
        parallel, t_par = timed(sample.fit_sampled, pt, args.k, model, 42, engine="processes", fit=most_coherent_fit)
        same = np.array_equal(serial.passage_topic, parallel.passage_topic)
        print(f"| {model} | {t_all:.1f} s | {t_serial:.1f} s | {t_par:.1f} s | {serial.settings['n_fitted']:,} | "
              f"{'yes' if same else '**no**'} | {ranking_agreement(full.top_terms(), serial.top_terms()):.2f} | "
              f"{ranking_agreement(full.top_terms(), other.top_terms()):.2f} |")
    fitted = sample.fit_sampled(pt, args.k, "lda", 42, engine="serial", fit=most_coherent_fit)
    steps = {s: lda.fold_in(fitted.topic_term, pt.counts, fitted.settings["alpha"], s) for s in (10, 20, 30, 50, 100)}
    timing = timed(lda.fold_in, fitted.topic_term, pt.counts, fitted.settings["alpha"], sample.INFER_ITERATIONS)[1]
    print(f"\nLDA fold-in of all {n:,} passages, {sample.INFER_ITERATIONS} steps: {timing:.1f} s. Largest change of a "
          "share against 100 steps: " + ", ".join(f"{s} steps {np.abs(t - steps[100]).max():.4f}"
                                                  for s, t in steps.items() if s < 100))


if __name__ == "__main__":
    main()
