"""Which languages a corpus holds, per article: the `language` column every analysis groups by.

`load_corpus` records each article's language (`docs["language"]`); for a table made without
it (an older cache, a hand-made frame), `article_languages` falls back to detecting it from
the text (`egov.lang.languages_of`). Analyses run per language and say so: `language_table` is the
fact table the notebooks state ("3 Chinese and 5 English articles; every analysis is per
language"), `with_language` adds the article's language to any per-article table.
"""
from __future__ import annotations

import pandas as pd

from egov.lang import LANGUAGES, languages_of

__all__ = ["article_languages", "with_language", "language_table", "language_facts", "split_languages", "language_name", "languages_text"]

LANGUAGE_COLUMNS = ["language", "name", "n_articles", "n_words", "share"]


def article_languages(docs: pd.DataFrame) -> pd.Series:
    """Each article's language code ("en", "zh", ...), indexed like docs.

    From the `language` column when the loader gave one, else detected from `text`
    (`egov.lang.languages_of`, the one place that decides).
    Example: article_languages(docs).value_counts()
    """
    if "language" not in docs.columns and "text" not in docs.columns:
        raise ValueError("docs has neither a 'language' nor a 'text' column to tell the language from")
    return pd.Series(languages_of(docs), index=docs.index, dtype=object, name="language").astype(str)


def with_language(table: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """`table` (one row per article or per article and item, with doc_id) plus each article's `language`.

    A table that already has a `language` column is returned unchanged.
    Example: with_language(terms.count_concepts(docs), docs)
    """
    if "language" in table.columns:
        return table
    if "doc_id" not in table.columns:
        raise ValueError("table has no 'doc_id' column to find each article's language by")
    lookup = dict(zip(docs["doc_id"].astype(str), article_languages(docs)))
    return table.assign(language=table["doc_id"].astype(str).map(lookup).fillna("und").astype(str))


def language_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Articles and words per language, most articles first.

    Returns language (code), name ("English"), n_articles, n_words, share (of articles, 0-1).
    Example: language_table(docs)
    """
    langs = article_languages(docs)
    words = docs["n_words"] if "n_words" in docs.columns else pd.Series(0, index=docs.index)
    table = (pd.DataFrame({"language": langs, "n_words": words.fillna(0).astype("int64")})
             .groupby("language", sort=True).agg(n_articles=("n_words", "size"), n_words=("n_words", "sum"))
             .reset_index())
    table["name"] = table["language"].map(LANGUAGES).fillna(table["language"])
    table["share"] = table["n_articles"] / max(len(docs), 1)
    table = table.sort_values(["n_articles", "language"], ascending=[False, True], kind="stable")
    return table[LANGUAGE_COLUMNS].reset_index(drop=True)


def language_facts(docs: pd.DataFrame) -> pd.DataFrame:
    """The corpus's languages in one row: case ("none": no article; "one": one language; "mixed"),
    n_languages, n_articles, n_en, n_zh, n_other (articles in neither), languages (the counts by
    language, e.g. "5 English and 3 Chinese"; the notebook's template words the rest).

    Example: report.say({"one": "{languages} {n_articles:|article} only.", ...}, language_facts(docs))
    """
    table = language_table(docs)
    n = dict(zip(table["language"], table["n_articles"]))
    parts = [f"{k:,} {name}" for k, name in zip(table["n_articles"], table["name"])]
    total = int(table["n_articles"].sum())
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}" if parts else ""
    return pd.DataFrame([{"case": "none" if not parts else "one" if len(parts) == 1 else "mixed",
                          "n_languages": len(parts), "n_articles": total, "n_en": int(n.get("en", 0)),
                          "n_zh": int(n.get("zh", 0)), "n_other": total - int(n.get("en", 0)) - int(n.get("zh", 0)),
                          "languages": listed}])


def split_languages(table: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """A table with a `language` column as [(code, rows of that language), ...] in code order;
    [("", table)] when it holds one language or none, so one-language corpora read as before.

    Example: for code, part in split_languages(trends): ...
    """
    if "language" not in table.columns or table["language"].nunique() <= 1:
        return [("", table)]
    return [(code, part) for code, part in table.groupby("language", sort=True)]


def language_name(code: str) -> str:
    """'English' for "en", 'Chinese' for "zh"; the code itself when unknown."""
    return LANGUAGES.get(code, code)


AUTONYMS = {"zh": "中文", "ja": "日本語", "ko": "한국어"}  # each language's own name, beside the English one


def languages_text(codes: pd.Series) -> str:
    """Articles per language in one line, most first, with the language's own name where it is not
    English: '24 Chinese (中文), 6 English'. Example: languages_text(articles["language"])"""
    counts = codes.fillna("und").astype(str).value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return ", ".join(f"{n:,} {language_name(c)}" + (f" ({AUTONYMS[c]})" if c in AUTONYMS else "")
                     for c, n in counts.items())
