"""Concepts: spellings of one idea grouped and counted in the cleaned text.

The table `egov/data/concepts.csv` (concept, variant, pattern) is meant to be edited.
Each pattern is a case-insensitive regular expression for one variant; it is matched as
a whole word (`(?<!\\w)` before, `(?!\\w)` after) and may switch case-sensitivity off
locally, as `(?-i:AI)` does so that "AI" is not found in "Ai Weiwei" or "said". An empty
pattern means the variant itself, with any run of spaces allowed between its words.
All variants of a concept are joined into one alternation (longest pattern first) and
matches do not overlap, so "smart cities" is not also a "smart city", and "e-government"
in "e-government affairs cloud platform" counts once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from egov import cache, engine, progress
from egov.terms.tokens import _check_docs

__all__ = ["load_concepts", "concept_patterns", "count_concepts"]
PARALLEL_MIN = 2000  # from this many articles, search them in worker processes
CHUNK = 500  # articles per worker task


def load_concepts() -> pd.DataFrame:
    """The editable concept table shipped in `egov/data/concepts.csv`.

    Returns concept, variant, pattern (pattern filled in when the CSV leaves it empty).
    Example: load_concepts().query("concept == 'big data'")
    """
    path = resources.files("egov").joinpath("data/concepts.csv")
    with path.open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return _complete(table)


def _complete(concepts: pd.DataFrame) -> pd.DataFrame:
    for col in ("concept", "variant"):
        if col not in concepts.columns:
            raise ValueError(f"concepts has no '{col}' column")
    if len(concepts) == 0:
        raise ValueError("concepts table is empty")
    out = concepts.loc[:, [c for c in ("concept", "variant", "pattern") if c in concepts.columns]].copy()
    if "pattern" not in out.columns:
        out["pattern"] = ""
    out["pattern"] = out["pattern"].fillna("").astype(str)
    blank = out["pattern"].str.strip() == ""
    out.loc[blank, "pattern"] = out.loc[blank, "variant"].map(
        lambda v: r"\s+".join(re.escape(w) for w in str(v).split()))
    for pattern in out["pattern"]:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"concept pattern {pattern!r} is not a valid regex: {err}") from err
        if compiled.groups:
            raise ValueError(f"concept pattern {pattern!r} has capturing groups; use (?:...)")
    return out.reset_index(drop=True)


def concept_patterns(concepts: pd.DataFrame | None = None) -> dict[str, re.Pattern]:
    """One compiled, case-insensitive regex per concept (all its variants, longest first).

    Example: len(concept_patterns()["digital government"].findall(text))
    """
    table = load_concepts() if concepts is None else _complete(concepts)
    return {concept: _compile(tuple(group["variant"]), tuple(group["pattern"]))
            for concept, group in table.groupby("concept", sort=True)}


@lru_cache(maxsize=256)
def _compile(variants: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern:
    order = sorted(range(len(patterns)), key=lambda i: (-len(patterns[i]), i))
    parts = [f"(?P<v{i}>{patterns[i]})" for i in order]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def count_concepts(docs: pd.DataFrame, concepts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Matches of each concept in each article's cleaned text, zeros included.

    Returns doc_id, concept, count, per_1k, variants ("variant (count); ..." most used
    first, "" when none); sorted by doc_id, concept.
    per_1k uses docs["n_words"] when present, else whitespace-separated words.
    Example: count_concepts(docs).query("count > 0")
    """
    _check_docs(docs)
    table = load_concepts() if concepts is None else _complete(concepts)
    texts = docs["text"].fillna("").astype(str).tolist()
    words = (docs["n_words"].to_numpy(dtype=float) if "n_words" in docs.columns
             else np.array([len(t.split()) for t in texts], dtype=float))
    doc_ids = docs["doc_id"].astype(str).tolist()
    folder = cache.cache_dir(len(texts))
    if folder is None:
        return _count(doc_ids, texts, words, table)
    key = cache.make_key("concepts", cache.texts_fingerprint(texts), doc_ids, words.tolist(),
                         table.to_dict("list"))
    return cache.cached(key, folder, lambda: _count(doc_ids, texts, words, table))


def _count(doc_ids: list[str], texts: list[str], words: np.ndarray, table: pd.DataFrame) -> pd.DataFrame:
    """count_concepts' table; the texts are searched in worker processes from PARALLEL_MIN texts."""
    groups = [(concept, tuple(group["variant"]), tuple(group["pattern"]))
              for concept, group in table.groupby("concept", sort=True)]
    bounds = list(range(0, len(texts), CHUNK)) + [len(texts)]
    chunks = [(doc_ids[a:b], texts[a:b], words[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    where = engine.resolve(len(texts), PARALLEL_MIN)
    parts = []
    with progress.bar(len(texts), "Counting concepts", "doc") as bar:
        for chunk, part in zip(chunks, engine.map_batches(_count_chunk, [(*c, groups) for c in chunks], where)):
            parts.append(part)
            bar.update(len(chunk[0]))
    rows = [row for part in parts for row in part]
    out = pd.DataFrame(rows, columns=["doc_id", "concept", "count", "per_1k", "variants"])
    out = out.astype({"doc_id": "str", "concept": "str", "count": "int64", "per_1k": "float64", "variants": "str"})
    return out.sort_values(["doc_id", "concept"], kind="stable", ignore_index=True)


def _count_chunk(doc_ids: list[str], texts: list[str], words: np.ndarray, groups: list[tuple]) -> list[tuple]:
    """(doc_id, concept, count, per_1k, variants) for each text and concept of one chunk."""
    rows = []
    for concept, variants, patterns in groups:
        regex = _compile(variants, patterns)
        for doc_id, text, n_words in zip(doc_ids, texts, words):
            hits: dict[int, int] = {}
            for match in regex.finditer(text):
                key = int(match.lastgroup[1:])
                hits[key] = hits.get(key, 0) + 1
            count = sum(hits.values())
            used = sorted(hits.items(), key=lambda kv: (-kv[1], variants[kv[0]]))
            rows.append((doc_id, concept, count, count * 1000.0 / n_words if n_words > 0 else np.nan,
                         "; ".join(f"{variants[k]} ({n})" for k, n in used)))
    return rows
