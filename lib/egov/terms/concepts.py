"""Concepts: spellings of one idea grouped and counted in the cleaned text, in English and Chinese.

The table `egov/data/concepts.csv` (concept, variant, pattern, language) is meant to be
edited: one concept, its variants in each language (digital government / 数字政府 / 數位政府).
An article is searched with the variants of its own language (English rules for every
language without variants of its own), so English counts never see Chinese variants.

Chinese variants (language "zh") are plain strings, counted as a substring search of the
article's NORMALISED text (`egov.lang.zh.words.normalize`: NFKC width folding, so "＋" is
"+", then Traditional -> Simplified), the variant normalised the same way; variants that
normalise alike count once (互联网+政务服务 and 互联网＋政务服务), and there are no word
boundaries in Chinese. The `pattern` column is ignored for them.

English variants: each pattern is a case-insensitive regular expression for one variant; it is matched as
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

from egov import cache, engine, lang, progress
from egov.terms.tokens import _check_docs, word_counts

__all__ = ["load_concepts", "concept_patterns", "count_concepts"]
PARALLEL_MIN = 2000  # from this many articles, search them in worker processes
CHUNK = 500  # articles per worker task


def load_concepts() -> pd.DataFrame:
    """The editable concept table shipped in `egov/data/concepts.csv`.

    Returns concept, variant, pattern, language (pattern filled in when the CSV leaves it
    empty; language "en" when the CSV has no language column).
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
    out = concepts.loc[:, [c for c in ("concept", "variant", "pattern", "language") if c in concepts.columns]].copy()
    if "pattern" not in out.columns:
        out["pattern"] = ""
    if "language" not in out.columns:
        out["language"] = "en"
    out["language"] = out["language"].fillna("").astype(str).str.strip().replace("", "en")
    unknown = sorted(set(out["language"]) - set(lang.WORD_MODULES))
    if unknown:
        raise ValueError(f"concepts has variants in {unknown}; languages with word rules: {sorted(lang.WORD_MODULES)}")
    out = out[["concept", "variant", "pattern", "language"]]
    out["pattern"] = out["pattern"].fillna("").astype(str)
    zh = out["language"] == "zh"
    out.loc[zh, "pattern"] = out.loc[zh, "variant"].map(lambda v: re.escape(lang.words("zh").normalize(str(v))))
    blank = (out["pattern"].str.strip() == "") & ~zh
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


def concept_patterns(concepts: pd.DataFrame | None = None, language: str = "en") -> dict[str, re.Pattern]:
    """One compiled regex per concept (all its variants in `language`, longest first).

    `language`: "en" (whole words, case-insensitive, in the raw text) or "zh" (substrings
    of the normalised text); concepts without a variant in that language are left out.
    Example: len(concept_patterns()["digital government"].findall(text))
    """
    table = load_concepts() if concepts is None else _complete(concepts)
    table = table[table["language"] == language]
    return {concept: _compile(tuple(group["variant"]), tuple(group["pattern"]), language)
            for concept, group in table.groupby("concept", sort=True)}


@lru_cache(maxsize=256)
def _compile(variants: tuple[str, ...], patterns: tuple[str, ...], language: str = "en") -> re.Pattern:
    if language == "zh":  # plain substrings: each normalised form once, longest first, no word boundaries
        first = {}
        for i, p in enumerate(patterns):
            first.setdefault(p, i)
        order = sorted(first.values(), key=lambda i: (-len(patterns[i]), i))
        return re.compile("|".join(f"(?P<v{i}>{patterns[i]})" for i in order))
    order = sorted(range(len(patterns)), key=lambda i: (-len(patterns[i]), i))
    parts = [f"(?P<v{i}>{patterns[i]})" for i in order]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def count_concepts(docs: pd.DataFrame, concepts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Matches of each concept in each article's cleaned text, zeros included.

    Each article is searched with the variants of its language (`egov.lang.languages_of`):
    English variants as whole words in the text; Chinese variants as substrings of the
    normalised text (see the module docstring).
    Returns doc_id, concept, count, per_1k, variants ("variant (count); ..." most used
    first, "" when none), language (the article's); sorted by doc_id, concept.
    per_1k: English articles use docs["n_words"] when present, else whitespace-separated
    words; Chinese articles the words after segmentation (`egov.terms.tokens.word_counts`).
    Example: count_concepts(docs).query("count > 0")
    """
    _check_docs(docs)
    table = load_concepts() if concepts is None else _complete(concepts)
    texts = docs["text"].fillna("").astype(str).tolist()
    languages = lang.languages_of(docs)
    rules = [lang.word_language(code) for code in languages]
    words = (docs["n_words"].to_numpy(dtype=float) if "n_words" in docs.columns
             else np.array([len(t.split()) for t in texts], dtype=float))
    if "zh" in rules:
        zh = lang.words("zh")
        frame = docs if "text" in docs.columns and docs["text"].map(lambda t: isinstance(t, str)).all() else \
            docs.assign(text=texts)
        segmented = word_counts(frame.drop(columns="n_words", errors="ignore"))
        words = words.copy()
        for i, rule in enumerate(rules):
            if rule == "zh":
                words[i] = segmented[i]
                texts[i] = zh.normalize(texts[i])
    doc_ids = docs["doc_id"].astype(str).tolist()
    folder = cache.cache_dir(len(texts))
    if folder is None:
        return _count(doc_ids, texts, words, table, languages)
    key = cache.make_key("concepts", cache.texts_fingerprint(texts), doc_ids, words.tolist(),
                         table.to_dict("list"), languages)
    return cache.cached(key, folder, lambda: _count(doc_ids, texts, words, table, languages))


def _count(doc_ids: list[str], texts: list[str], words: np.ndarray, table: pd.DataFrame,
           languages: list[str]) -> pd.DataFrame:
    """count_concepts' table; the texts are searched in worker processes from PARALLEL_MIN texts."""
    groups = []
    for concept, group in table.groupby("concept", sort=True):
        per_language = {code: (tuple(sub["variant"]), tuple(sub["pattern"]))
                        for code, sub in group.groupby("language", sort=True)}
        groups.append((concept, per_language))
    bounds = list(range(0, len(texts), CHUNK)) + [len(texts)]
    chunks = [(doc_ids[a:b], texts[a:b], words[a:b], languages[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    where = engine.resolve(len(texts), PARALLEL_MIN)
    parts = []
    with progress.bar(len(texts), "Counting concepts", "doc") as bar:
        for chunk, part in zip(chunks, engine.map_batches(_count_chunk, [(*c, groups) for c in chunks], where)):
            parts.append(part)
            bar.update(len(chunk[0]))
    if where == "processes":
        engine.release_workers()
    rows = [row for part in parts for row in part]
    out = pd.DataFrame(rows, columns=["doc_id", "concept", "count", "per_1k", "variants", "language"])
    out = out.astype({"doc_id": "str", "concept": "str", "count": "int64", "per_1k": "float64", "variants": "str",
                      "language": "str"})
    return out.sort_values(["doc_id", "concept"], kind="stable", ignore_index=True)


def _count_chunk(doc_ids: list[str], texts: list[str], words: np.ndarray, languages: list[str],
                 groups: list[tuple]) -> list[tuple]:
    """(doc_id, concept, count, per_1k, variants, language) for each text and concept of one chunk."""
    rows = []
    rules = [lang.word_language(code) for code in languages]
    for concept, per_language in groups:
        regexes = {code: (variants, _compile(variants, patterns, code))
                   for code, (variants, patterns) in per_language.items()}
        for doc_id, text, n_words, code, rule in zip(doc_ids, texts, words, languages, rules):
            hits: dict[int, int] = {}
            variants, regex = regexes.get(rule, ((), None))
            if regex is not None:
                for match in regex.finditer(text):
                    key = int(match.lastgroup[1:])
                    hits[key] = hits.get(key, 0) + 1
            count = sum(hits.values())
            used = sorted(hits.items(), key=lambda kv: (-kv[1], variants[kv[0]]))
            rows.append((doc_id, concept, count, count * 1000.0 / n_words if n_words > 0 else np.nan,
                         "; ".join(f"{variants[k]} ({n})" for k, n in used), code))
    return rows
