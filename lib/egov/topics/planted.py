"""A known-answer check: topics planted in made-up articles, which both models must recover.

Nine articles, each of five paragraphs of 70 words drawn 95% from one of three disjoint
vocabularies (portal/login/citizen, cloud/data/centre, audit/official/corruption) and 5% from
the others (as in scikit-learn's block-diagonal LDA test). A model that works finds three
topics whose top terms are each one planted vocabulary, and puts each article in its block.
The tests run the same check (tests/test_topics.py); notebook 03 shows it once.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

VOCABS = {
    "portal": "portal login citizen account password website mobile app online form".split(),
    "cloud": "cloud data centre server storage network computing platform database backup".split(),
    "audit": "audit official corruption inspection discipline bribery investigation prosecutor court penalty".split(),
}


def planted_docs(n_docs: int = 9, n_paras: int = 5, words: int = 70, mix: float = 0.05, seed: int = 0) -> pd.DataFrame:
    """Articles whose paragraphs draw 1 - mix of their words from one vocabulary (article d: vocabulary d % 3).

    Returns doc_id ("000_portal", ...), text. Example: planted_docs().head(3)
    """
    rng = np.random.default_rng(seed)
    names = list(VOCABS)
    rows = []
    for d in range(n_docs):
        main = VOCABS[names[d % 3]]
        other = [w for n in names if n != names[d % 3] for w in VOCABS[n]]
        paras = [" ".join(np.where(rng.random(words) < mix, rng.choice(other, words), rng.choice(main, words))) + "."
                 for _ in range(n_paras)]
        rows.append((f"{d:03d}_{names[d % 3]}", "\n".join(paras)))
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def planted_block(terms: list[str]) -> str:
    """The planted vocabulary that holds all the given terms, else "mixed"."""
    return next((name for name, v in VOCABS.items() if set(terms) <= set(v)), "mixed")


def known_answer(seed: int = 42, n_terms: int = 3) -> pd.DataFrame:
    """Fit both models at k = 3 to planted_docs() and say what each topic recovered.

    Returns model, topic, top_terms (the first n_terms), planted (the vocabulary they all come
    from, or "mixed"), n_articles (articles whose leading topic it is), n_in_block (of those,
    articles of that vocabulary); one row per model and topic.
    Example: known_answer(42)
    """
    from egov.topics.models import MODELS, doc_topics, fit_topics, passage_terms
    from egov.topics.split import passages

    pt = passage_terms(passages(planted_docs()))
    rows = []
    for model in MODELS:
        tm = fit_topics(pt, 3, model, seed)
        dt = doc_topics(tm)
        lead = dt.loc[dt.groupby("doc_id")["share"].idxmax()]
        for t, top in enumerate(tm.top_terms(n_terms), start=1):
            block = planted_block(top)
            led = lead[lead["topic"] == t]["doc_id"]
            rows.append((model, t, ", ".join(top), block, len(led), int(led.str.endswith("_" + block).sum())))
    return pd.DataFrame(rows, columns=["model", "topic", "top_terms", "planted", "n_articles", "n_in_block"])
