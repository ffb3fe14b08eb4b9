"""The topic vocabulary: collocations as single terms; outlet names and page furniture left out.

Passages are tokenized by `egov.terms.tokens` (lemmas, stopwords dropped). Before that, every
mention of an outlet of the outlet table (lib/egov/data/outlets.csv: "China Daily", "Xinhua",
"PRNewswire", ...) is removed from the text the topics see, so an outlet is never a theme; the
quoted passages keep their text. Adjacent word pairs that the collocation step
(`egov.terms.phrases.collocations`, over passages) finds at least PHRASE_MIN_COUNT times, with
G2 >= PHRASE_MIN_LLR (p < 0.001) and PMI >= PHRASE_MIN_PMI, become one term ("health code",
"big data", "internet plus"), read left to right without overlaps. Terms of page furniture
(lib/egov/data/furniture_en.txt: "adjust font size", "e-mail", ...) are removed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd

from egov.corpus.outlets import outlet_patterns
from egov.lang import has_han
from egov.terms.phrases import collocations
from egov.terms.tokens import encode_docs

PHRASE_MIN_COUNT = 4  # a phrase occurs at least 4 times in the passages ...
PHRASE_MIN_LLR = 10.83  # ... more often than chance at p < 0.001 (G2, one degree of freedom) ...
PHRASE_MIN_PMI = 3.0  # ... and at least 2**3 = 8 times as often as its words' frequencies predict
PHRASE_COLUMNS = ["phrase", "count", "llr", "pmi"]


@lru_cache(maxsize=1)
def _furniture() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    text = files("egov.data").joinpath("furniture_en.txt").read_text(encoding="utf-8")
    lines = [w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    phrases = tuple(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, w.split())) + r"(?!\w)", re.I)
                    for w in lines if " " in w)
    return frozenset(w for w in lines if " " not in w), phrases


def furniture_terms() -> frozenset[str]:
    """Single-word terms of page furniture that never enter the topic vocabulary (data/furniture_en.txt)."""
    return _furniture()[0]


def strip_outlets(texts: pd.Series) -> pd.Series:
    """The texts with every outlet name of the outlet table and every furniture phrase replaced by a
    line break (no word pair crosses it).

    Example: strip_outlets(pd.Series(["China Daily reports"])) -> ["\\n reports"]
    """
    out = texts.fillna("").astype(str)
    for pattern in [p for _, p in outlet_patterns()] + list(_furniture()[1]):
        out = out.str.replace(pattern, "\n", regex=True)
    return out


def topic_phrases(frame: pd.DataFrame) -> pd.DataFrame:
    """Collocations strong enough to be one term of the topic vocabulary.

    `frame`: doc_id, text (one row per passage, outlet names already stripped).
    Returns phrase, count, llr, pmi; sorted by llr (descending), phrase.
    Example: topic_phrases(frame).head()
    """
    return _phrases(frame)[0]


def _phrases(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """topic_phrases' table and its word pairs (term1, term2), in the table's order."""
    c = collocations(frame, min_count=PHRASE_MIN_COUNT, measure="llr")
    c = c[(c["llr"] >= PHRASE_MIN_LLR) & (c["pmi"] >= PHRASE_MIN_PMI) & ~c["bigram"].isin(furniture_terms())]
    c = c.assign(phrase=[joined(a, b) for a, b in zip(c["term1"], c["term2"])])
    c = c.sort_values(["llr", "phrase"], ascending=[False, True], kind="stable", ignore_index=True)
    return c[PHRASE_COLUMNS], list(zip(c["term1"], c["term2"]))


def joined(a: str, b: str) -> str:
    """Two words as one term: "health code"; Chinese words without a space ("浙里" + "办" -> "浙里办")."""
    return a + b if has_han(a[-1:]) and has_han(b[:1]) else f"{a} {b}"


def topic_tokens(passages: pd.DataFrame, phrases: bool = True) -> tuple[list[list[str]], pd.DataFrame]:
    """Each passage's topic tokens: lemmas without stopwords, outlet names or furniture, phrases joined.

    `passages`: passage_id, text. Returns (token lists in the passages' order, the phrase table).
    Example: tokens, used = topic_tokens(passages(docs))
    """
    frame = pd.DataFrame({"doc_id": passages["passage_id"].astype(str).to_numpy(),
                          "text": strip_outlets(passages["text"]).to_numpy()})
    if "language" in passages.columns:  # each passage with its article's word rules (egov.lang)
        frame["language"] = passages["language"].to_numpy()
    table, pairs = _phrases(frame) if phrases and len(frame) else (pd.DataFrame(columns=PHRASE_COLUMNS), [])
    doc_index, term_id, is_stop, terms = encode_docs(frame, None, True, False)
    words = np.asarray(terms, dtype=object)[term_id] if len(term_id) else np.zeros(0, dtype=object)
    keep = ~is_stop
    if len(words) > 1:
        index = {t: i for i, t in enumerate(terms)}
        v = max(len(terms), 1)
        codes = {index[a] * v + index[b] for a, b in pairs}
        pair = np.flatnonzero((doc_index[:-1] == doc_index[1:]) & keep[:-1] & keep[1:])
        pair = pair[np.isin(term_id[pair].astype(np.int64) * v + term_id[pair + 1], list(codes))]
        last = -2
        for i in pair:  # left to right, no overlap: "a b c" with phrases "a b" and "b c" gives "a b", "c"
            if i == last + 1:
                continue
            words[i] = joined(words[i], words[i + 1])
            keep[i + 1] = False
            last = i
    furniture = furniture_terms()
    keep &= np.fromiter((w not in furniture for w in words), dtype=bool, count=len(words))
    bounds = np.searchsorted(doc_index[keep], np.arange(len(frame) + 1))
    kept = words[keep]
    return [kept[bounds[i]:bounds[i + 1]].tolist() for i in range(len(frame))], table
