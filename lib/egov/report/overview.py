"""The corpus at a glance: counts, spans, sources, lengths, and what its size supports."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from egov.corpus.load import cleaning_audit, load_report
from egov.report.text import escape, plural


def summary(docs: pd.DataFrame) -> pd.DataFrame:
    """One row: n_articles, n_words, n_sources, n_dated, n_undated, first, last, n_years, n_files, n_skipped, n_warned.

    Example: summary(load_corpus("seeds")).n_articles[0] -> 5
    """
    report = load_report(docs)
    files = report[~report["status"].isin(["metadata", "export"])]
    dated = docs["date"].dropna()
    location = Path(str(docs.attrs["egov"].location)).name or str(docs.attrs["egov"].location)
    return pd.DataFrame([{
        "location": location,
        "n_articles": len(docs),
        "n_words": int(docs["n_words"].sum()),
        "n_sources": docs["source"].replace("", pd.NA).dropna().nunique(),
        "n_dated": len(dated),
        "n_undated": int(docs["date"].isna().sum()),
        "first": dated.min() if len(dated) else pd.NaT,
        "last": dated.max() if len(dated) else pd.NaT,
        "n_years": dated.dt.year.nunique(),
        "n_files": len(files),
        "n_skipped": int((files["status"] == "skipped").sum()),
        "n_warned": int((files["status"] == "loaded with warning").sum()),
    }])


def problem_files(docs: pd.DataFrame) -> pd.DataFrame:
    """The load report's rows that were skipped or loaded with a warning, skipped first."""
    report = load_report(docs)
    rows = report[report["status"].isin(["skipped", "loaded with warning"])]
    return rows.sort_values(["status", "path"], ascending=[False, True], kind="stable").reset_index(drop=True)


def describe(docs: pd.DataFrame) -> str:
    """A Markdown paragraph: what was loaded, from where, the date span and what was left out."""
    s = summary(docs).iloc[0]
    where = "the sample corpus (`seeds/`)" if s.location == "seeds" else f"<code>{escape(s.location)}</code>"
    text = (f"Loaded **{plural(int(s.n_articles), 'article')}** ({int(s.n_words):,} words after cleaning) "
            f"from {where}: {plural(int(s.n_files), 'file')} read, {int(s.n_skipped):,} skipped, "
            f"{int(s.n_warned):,} loaded with a warning. ")
    if s.n_dated:
        text += (f"{int(s.n_dated):,} of them carry a date, from **{s['first']:%Y-%m-%d}** to **{s['last']:%Y-%m-%d}** "
                 f"({plural(int(s.n_years), 'distinct year')})")
        text += f"; {plural(int(s.n_undated), 'article')} could not be dated." if s.n_undated else "."
    else:
        text += "No article carries a date, so nothing here can be placed in time."
    text += f" They come from {plural(int(s.n_sources), 'named source')}."
    return text


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


def supports(docs: pd.DataFrame) -> str:
    """Markdown bullets on what a corpus of this size and spread can and cannot support."""
    s = summary(docs).iloc[0]
    n, years = int(s.n_articles), int(s.n_years)
    can, cannot = [], []
    can.append(f"describing these {plural(n, 'article')} exactly: which words, concepts and themes they use, "
               "with passages quoted as evidence")
    if n < 30:
        cannot.append(f"statements about coverage in general: {plural(n, 'article')} is a handful of cases, not a sample; "
                      "any difference between articles may be one author's style")
    else:
        can.append("comparisons between groups of articles, with intervals from resampling articles")
    if s.n_dated == 0:
        cannot.append("anything about time: no article has a date")
    elif years < 3 or n / max(years, 1) < 5:
        cannot.append(f"trends: {plural(int(s.n_dated), 'dated article')} over {plural(years, 'year')} "
                      "means most years hold one article or none, so a change between years is one article against another")
    else:
        can.append(f"sketching change over {plural(years, 'year')}, with bootstrap intervals that show how sure each period is")
    if s.n_sources <= 3:
        cannot.append(f"comparisons between outlets ({plural(int(s.n_sources), 'named source')})")
    cannot.append("what Chinese-language media or official documents say: the corpus is English-language coverage")
    cannot.append("causes: a word appearing after a policy date is a coincidence in time, not an effect")
    lines = ["**It can support:**"] + [f"- {c}" for c in can] + ["", "**It cannot support:**"] + [f"- {c}" for c in cannot]
    return "\n".join(lines)


def year_sentence(docs: pd.DataFrame) -> str:
    """A sentence on how the dated articles spread over years."""
    table = per_year(docs)
    if table.empty:
        return "No article has a date, so the corpus cannot be placed in time."
    empty = table[table["n_articles"] == 0]["year"].tolist()
    busiest = table.sort_values(["n_articles", "year"], ascending=[False, True]).iloc[0]
    text = f"The dated articles span {plural(len(table), 'calendar year')} ({table.year.min()} to {table.year.max()}); "
    if busiest.n_articles <= 1:
        text += "no year has more than one article."
    else:
        text += f"the busiest year, {busiest.year}, has {plural(int(busiest.n_articles), 'article')}."
    if empty:
        text += f" {plural(len(empty), 'year')} in that span ha{'s' if len(empty) == 1 else 've'} no article at all ({', '.join(map(str, empty[:10]))}{', ...' if len(empty) > 10 else ''})."
    return text


def source_sentence(docs: pd.DataFrame) -> str:
    """A sentence on how concentrated the sources are."""
    table = per_source(docs)
    named = table[table["source"] != "unknown"]
    if named.empty:
        return "No article names its outlet in metadata or in its text."
    if named["n_articles"].iloc[0] == 1:
        text = f"{plural(len(named), 'named source')} in all, one article each."
    else:
        top = named.iloc[0]
        text = (f"{plural(len(named), 'named source')} in all; the largest, {escape(top.source)}, has "
                f"{plural(int(top.n_articles), 'article')} ({top.n_articles / len(docs):.0%}).")
    if len(named) < len(table):
        n = int(table.loc[table["source"] == "unknown", "n_articles"].iloc[0])
        text += (f" {plural(n, 'article')} {'names' if n == 1 else 'name'} no outlet in metadata or in "
                 f"{'its' if n == 1 else 'their'} text.")
    return text


def cleaning_sentence(docs: pd.DataFrame) -> str:
    """A sentence on how much cleaning removed."""
    audit = cleaning_audit(docs)
    if audit.empty:
        return "Cleaning removed nothing: no line matched a boilerplate rule."
    return (f"Cleaning removed {plural(len(audit), 'line or fragment', 'lines or fragments')} from "
            f"{plural(audit['doc_id'].nunique(), 'article')} of {len(docs):,}, by {plural(audit['rule'].nunique(), 'rule')}; "
            "the full audit is exported as `tables/cleaning.csv`.")


def headline(docs: pd.DataFrame) -> str:
    """The corpus in one plain-text sentence, for the report's front page."""
    s = summary(docs).iloc[0]
    text = f"{plural(int(s.n_articles), 'article')} ({int(s.n_words):,} words) from {plural(int(s.n_sources), 'named source')}"
    if not s.n_dated:
        text += ", none of them dated"
    elif s["first"] == s["last"]:
        text += f", published on {s['first']:%Y-%m-%d}"
    else:
        text += f", published {s['first']:%Y-%m-%d} to {s['last']:%Y-%m-%d}"
    if s.n_undated and s.n_dated:
        text += f" ({int(s.n_undated):,} undated)"
    return text + f"; {plural(int(s.n_skipped), 'input file')} skipped."
