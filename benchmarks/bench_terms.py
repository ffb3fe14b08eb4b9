"""Benchmark: egov.terms.tokens uni+bigram counting vs scikit-learn's CountVectorizer(ngram_range=(1, 2)).

Builds a synthetic corpus of N_DOCS articles by sampling sentences of the seed articles
(seeded), then times, side by side in one run and on the same texts:
  * sklearn: CountVectorizer(ngram_range=(1, 2)).fit_transform(texts)  (no lemmas, no stopwords)
  * egov:    terms.document_term_matrix(docs, ngram_range=(1, 2))      (lemmas, stopwords, n-gram rules)
  * egov:    terms.count_terms(docs, ngram_range=(1, 2))                (the same counts as a long table)
Each timing is the best of REPEATS runs. Prints the ratios; the target is egov/sklearn <= 1.5
for the matrix. Run: python benchmarks/bench_terms.py [n_docs]
Caveat: the vocabulary is that of the five seeds, so far smaller than a real 10,000-article
corpus; lemmatization is cached per word type, so this understates its cost a little.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer

from egov import terms

N_DOCS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
SENTENCES_PER_DOC = 30
REPEATS = 3
SEED = 42
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def synthetic_corpus(n_docs: int, seed: int = SEED) -> pd.DataFrame:
    """n_docs articles of SENTENCES_PER_DOC sentences drawn from the seed articles."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(sentences), size=(n_docs, SENTENCES_PER_DOC))
    texts = [" ".join(sentences[i] for i in row) for row in picks]
    return pd.DataFrame({"doc_id": [f"doc{i:05d}" for i in range(n_docs)], "text": texts})


def best_of(fn, repeats: int = REPEATS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    docs = synthetic_corpus(N_DOCS)
    texts = docs["text"].tolist()
    words = sum(len(t.split()) for t in texts)
    t_sk, x_sk = best_of(lambda: CountVectorizer(ngram_range=(1, 2)).fit_transform(texts))
    terms._type_info.cache_clear()  # egov starts cold too (lemma cache empty) on the first repeat
    t_dtm, (x_eg, vocab, _) = best_of(lambda: terms.document_term_matrix(docs, ngram_range=(1, 2)))
    t_long, long = best_of(lambda: terms.count_terms(docs, ngram_range=(1, 2)))
    print(f"corpus: {N_DOCS:,} articles, {words:,} words (seed sentences, seed={SEED})")
    print(f"sklearn CountVectorizer(1,2).fit_transform : {t_sk:7.2f} s  {x_sk.shape[1]:,} terms")
    print(f"egov terms.document_term_matrix((1,2))      : {t_dtm:7.2f} s  {len(vocab):,} terms  "
          f"ratio {t_dtm / t_sk:.2f}")
    print(f"egov terms.count_terms((1,2)) long table    : {t_long:7.2f} s  {len(long):,} rows  "
          f"ratio {t_long / t_sk:.2f}")
    print(f"target: document_term_matrix ratio <= 1.5 -> {'PASS' if t_dtm / t_sk <= 1.5 else 'FAIL'}")


if __name__ == "__main__":
    main()
