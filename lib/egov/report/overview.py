"""The corpus at a glance as fact tables: counts, spans, years, sources, cleaning and the load report.

Notebook 01 words each table with a template visible in its cell; what the corpus can and cannot
support is computed prose (`egov.report.prose.supports`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov.corpus.load import cleaning_audit, load_report
from egov.corpus.languages import article_languages, languages_text


DATE_CASES = ("undated", "one_date", "all_dated", "part_dated")


def corpus_facts(docs: pd.DataFrame, report: pd.DataFrame | None = None, location: str | None = None) -> pd.DataFrame:
    """The corpus in one row of numbers, for notebook 01's sentences and the front page.

    Returns case ("undated": no article dated; "one_date": all dated on one day; "all_dated";
    "part_dated": some undated), location, n_articles, n_words, n_sources (named), n_unnamed (articles
    naming none), n_dated, n_undated, first, last, n_years (distinct), n_files (input files, an export
    counted by its documents), n_skipped, n_warned, skipped_reasons ("2 duplicate of another article,
    1 binary"), n_en, n_zh, languages ("24 Chinese (中文), 6 English"; "" when not recorded).
    `report` is the load report (default: the one load_corpus kept with docs), so the front page can
    pass the exported articles.csv and load_report.csv. Example: corpus_facts(load_corpus("seeds")).n_articles[0] -> 5
    """
    report = load_report(docs) if report is None else report
    if location is None:
        where = str(docs.attrs["egov"].location)
        location = Path(where).name or where
    files = report[~report["status"].isin(["metadata", "export"])]
    skipped = files[files["status"] == "skipped"]
    reasons = reason_kind(skipped["reason"]).value_counts()
    dated = docs["date"].dropna()
    sources = docs["source"].fillna("").astype(str)
    langs = article_languages(docs) if {"language", "text"} & set(docs.columns) else pd.Series("", index=docs.index)
    if dated.empty:
        case = "undated"
    elif len(dated) < len(docs):
        case = "part_dated"
    else:
        case = "one_date" if dated.min() == dated.max() else "all_dated"
    return pd.DataFrame([{
        "case": case,
        "location": location,
        "n_articles": len(docs),
        "n_words": int(docs["n_words"].sum()),
        "n_sources": int(sources[sources != ""].nunique()),
        "n_unnamed": int((sources == "").sum()),
        "n_dated": len(dated),
        "n_undated": int(docs["date"].isna().sum()),
        "first": dated.min() if len(dated) else pd.NaT,
        "last": dated.max() if len(dated) else pd.NaT,
        "n_years": dated.dt.year.nunique(),
        "n_files": len(files),
        "n_skipped": len(skipped),
        "n_warned": int((files["status"] == "loaded with warning").sum()),
        "skipped_reasons": ", ".join(f"{n:,} {r}" for r, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        "n_en": int((langs == "en").sum()),
        "n_zh": int((langs == "zh").sum()),
        "languages": languages_text(langs) if (langs != "").all() and len(langs) else "",
    }])


def problem_files(docs: pd.DataFrame) -> pd.DataFrame:
    """The load report's rows that were skipped or loaded with a warning, skipped first."""
    report = load_report(docs)
    rows = report[report["status"].isin(["skipped", "loaded with warning"])]
    return rows.sort_values(["status", "path"], ascending=[False, True], kind="stable").reset_index(drop=True)


def articles_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The articles without their texts (the exported articles.csv), sorted by date then doc_id."""
    table = docs.drop(columns=["text", "raw_text"])
    return table.sort_values(["date", "doc_id"], kind="stable", na_position="last").reset_index(drop=True)


def exports_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per database export file: file, database, n_documents (what the export holds),
    n_loaded, n_duplicates (wire copies and repeats), n_not_loaded (broken: cut off, markers or
    text missing); sorted by file. Empty when the corpus has no export.

    Example: exports_table(load_corpus("my_exports")).n_documents.sum()
    """
    columns = ["file", "database", "n_documents", "n_loaded", "n_duplicates", "n_not_loaded"]
    report = load_report(docs)
    files = report[report["status"] == "export"]
    if files.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in ("file", "database") else "int64") for c in columns})
    parts = report[report["path"].str.contains("#doc=", regex=False)]
    parts = parts.assign(file=parts["path"].str.rpartition("#doc=")[0])
    databases = docs.assign(file=docs["path"].str.rpartition("#doc=")[0]).groupby("file")["database"].first()
    rows = []
    for path, reason in zip(files["path"], files["reason"]):
        mine = parts[parts["file"] == path]
        duplicate = mine["reason"].str.startswith("duplicate of ")
        loaded = mine["status"].str.startswith("loaded")
        rows.append({"file": path, "database": databases.get(path, _database_of(reason)), "n_documents": len(mine),
                     "n_loaded": int(loaded.sum()), "n_duplicates": int(duplicate.sum()),
                     "n_not_loaded": int((~loaded & ~duplicate).sum())})
    return pd.DataFrame(rows, columns=columns).sort_values("file", kind="stable").reset_index(drop=True)


def _database_of(reason: str) -> str:
    """The database named by an export's load-report line ("Factiva HTML export: ...")."""
    name = reason.split(" export:", 1)[0].lower()
    return "factiva" if "factiva" in name else "proquest" if "proquest" in name else "nexis" if "nexis" in name else ""


def per_year(docs: pd.DataFrame) -> pd.DataFrame:
    """year, n_articles, n_words for every year from the first to the last dated article (gaps as 0)."""
    dated = docs.dropna(subset=["date"])
    if dated.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "n_articles": pd.Series(dtype="int64"),
                             "n_words": pd.Series(dtype="int64")})
    years = dated["date"].dt.year
    grouped = dated.groupby(years).agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"))
    full = range(int(years.min()), int(years.max()) + 1)
    grouped = grouped.reindex(full, fill_value=0).rename_axis("year").reset_index()
    return grouped.astype("int64")


def per_source(docs: pd.DataFrame) -> pd.DataFrame:
    """source, n_articles, n_words, first, last; most articles first ('unknown' for blank sources)."""
    table = docs.assign(source=docs["source"].replace("", "unknown").fillna("unknown"))
    grouped = table.groupby("source").agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"),
                                          first=("date", "min"), last=("date", "max")).reset_index()
    return grouped.sort_values(["n_articles", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)


def removals_by_rule(docs: pd.DataFrame) -> pd.DataFrame:
    """rule, n_removed, n_articles, example: what cleaning removed, most frequent rule first."""
    audit = cleaning_audit(docs)
    if audit.empty:
        return pd.DataFrame(columns=["rule", "n_removed", "n_articles", "example"])
    grouped = audit.groupby("rule").agg(n_removed=("line", "size"), n_articles=("doc_id", "nunique"),
                                        example=("line", "first")).reset_index()
    return grouped.sort_values(["n_removed", "rule"], ascending=[False, True], kind="stable").reset_index(drop=True)


def reason_kind(reasons: pd.Series) -> pd.Series:
    """A load-report reason without its file-specific details, so reasons can be counted.

    "too short: 9 words ..." -> "too short"; "duplicate of a.txt (92% of ...)" -> "duplicate of another article";
    an empty reason -> "-". Example: reason_kind(load_report(docs)["reason"]).value_counts()
    """
    kind = reasons.str.split(":", n=1).str[0].str.split(" \\(", n=1).str[0]
    kind = kind.mask(kind.str.startswith("duplicate of "), "duplicate of another article")
    return kind.replace("", "-")


def status_counts(docs: pd.DataFrame) -> pd.DataFrame:
    """status, reason, n_files: the load report in numbers (reasons grouped by reason_kind)."""
    report = load_report(docs)
    report = report[~report["status"].isin(["metadata", "export"])]
    kind = reason_kind(report["reason"])
    grouped = report.assign(reason=kind).groupby(["status", "reason"]).size().rename("n_files").reset_index()
    return grouped.sort_values(["status", "n_files"], ascending=[True, False], kind="stable").reset_index(drop=True)


def year_facts(docs: pd.DataFrame) -> pd.DataFrame:
    """How the dated articles spread over calendar years, in one row.

    Returns case ("undated"; "one_year"; "one_each": no year has two articles; "busiest"; each of the last
    two with "_gaps" when a year inside the span has no article), n_dated, n_years (calendar years from the
    first to the last, gaps included), first_year, last_year, busiest_year (most articles, earliest on ties),
    n_busiest, n_empty (years without an article), empty_years ("2015, 2017"; the first 10, then "...").
    Years are 0 when no article is dated. Example: year_facts(docs).busiest_year[0]
    """
    table = per_year(docs)
    empty = table.loc[table["n_articles"] == 0, "year"].tolist()
    row = {"case": "undated", "n_dated": int(table["n_articles"].sum()), "n_years": len(table), "first_year": 0,
           "last_year": 0, "busiest_year": 0, "n_busiest": 0, "n_empty": len(empty),
           "empty_years": ", ".join(map(str, empty[:10])) + (", ..." if len(empty) > 10 else "")}
    if len(table):
        busiest = table.sort_values(["n_articles", "year"], ascending=[False, True], kind="stable").iloc[0]
        row.update(first_year=int(table["year"].min()), last_year=int(table["year"].max()),
                   busiest_year=int(busiest["year"]), n_busiest=int(busiest["n_articles"]))
        row["case"] = ("one_year" if len(table) == 1 else ("one_each" if row["n_busiest"] == 1 else "busiest")
                       + ("_gaps" if empty else ""))
    return pd.DataFrame([row])


def source_facts(docs: pd.DataFrame) -> pd.DataFrame:
    """How concentrated the named sources (outlets) are, in one row.

    Returns case ("none": no article names one; "only": one named source; "one_each": several, one
    article each; "largest": several, the largest with more; the last three with "_unnamed" when some
    articles name no source), n_articles, n_sources (named), top_source (most articles, first by name
    on ties; "" for none), n_top, top_share (of all articles, 0-1), n_unnamed.
    Example: source_facts(docs).top_source[0]
    """
    table = per_source(docs)
    named = table[table["source"] != "unknown"]
    n_unnamed = int(table.loc[table["source"] == "unknown", "n_articles"].sum())
    row = {"case": "none", "n_articles": len(docs), "n_sources": len(named), "top_source": "", "n_top": 0,
           "top_share": 0.0, "n_unnamed": n_unnamed}
    if len(named):
        top = named.iloc[0]
        row.update(top_source=str(top["source"]), n_top=int(top["n_articles"]),
                   top_share=float(top["n_articles"] / len(docs)))
        row["case"] = ("only" if len(named) == 1 else "one_each" if row["n_top"] == 1 else "largest") + \
            ("_unnamed" if n_unnamed else "")
    return pd.DataFrame([row])


def cleaning_facts(docs: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed, in one row.

    Returns case ("none" or "some"), n_removed (lines or fragments), n_cleaned (articles with a removal),
    n_articles, n_rules (rules that removed something). The removals themselves: `cleaning_audit(docs)`.
    Example: cleaning_facts(docs).n_removed[0]
    """
    audit = cleaning_audit(docs)
    return pd.DataFrame([{"case": "some" if len(audit) else "none", "n_removed": len(audit),
                          "n_cleaned": int(audit["doc_id"].nunique()) if len(audit) else 0,
                          "n_articles": len(docs), "n_rules": int(audit["rule"].nunique()) if len(audit) else 0}])
