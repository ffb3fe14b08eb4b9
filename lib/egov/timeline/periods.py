"""Periods: placing dated articles in years, half-years, quarters or policy eras.

An article is placed only when its whole date range lies in one period: a date known only
to the year cannot go into a half-year, so it is left out and counted, like undated
articles. Policy eras open at the milestones of `egov/data/milestones.csv` (or any
start dates given). Every function takes the corpus frame (doc_id, date, date_precision)
and returns a tidy frame or Series; `egov.timeline.trends` builds the trends on top of them.
"""
from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd

__all__ = ["PERIODS", "PERIOD_WORDS", "load_milestones", "default_eras", "check_docs", "assign_periods",
           "period_table", "dating_summary", "no_timeline_reason", "coverage", "placed_articles", "year_of"]

PERIODS = ("year", "half", "quarter", "era")
PERIOD_WORDS = {"year": "year", "half": "half-year", "quarter": "quarter", "era": "policy era"}


def load_milestones() -> pd.DataFrame:
    """Policy milestones shipped in `egov/data/milestones.csv`, oldest first.

    Returns date (datetime64; the 1st for a month-precision date), date_precision, label,
    short_label, source, url, note. Example: load_milestones()[["date", "short_label"]]
    """
    with resources.files("egov").joinpath("data/milestones.csv").open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    table["date"] = pd.to_datetime(table["date"], format="mixed")
    return table.sort_values("date", kind="stable", ignore_index=True)


def default_eras(milestones: pd.DataFrame | None = None) -> pd.DataFrame:
    """Policy eras opened by each milestone, plus the era before the first one.

    Returns era, start (datetime64; NaT for the first, open-ended era).
    Example: assign_periods(docs, "era", default_eras())
    """
    ms = load_milestones() if milestones is None else milestones
    first = f"before {ms['short_label'].iloc[0]}"
    names = [first] + [f"{d:%Y-%m} {s}" for d, s in zip(ms["date"], ms["short_label"])]
    return pd.DataFrame({"era": names, "start": [pd.NaT] + list(ms["date"])})


def _eras(eras) -> pd.DataFrame:
    """Validate eras given as a frame (era, start) or a dict {era: start}; sorted by start."""
    if eras is None:
        return default_eras()
    table = (pd.DataFrame({"era": list(eras), "start": list(eras.values())}) if isinstance(eras, dict)
             else pd.DataFrame(eras))
    for col in ("era", "start"):
        if col not in table.columns:
            raise ValueError(f"eras has no '{col}' column")
    if table.empty:
        raise ValueError("eras is empty")
    table = table.assign(era=table["era"].astype(str), start=pd.to_datetime(table["start"]))
    if table["era"].duplicated().any():
        raise ValueError("era names must be unique")
    table = table.sort_values("start", na_position="first", kind="stable", ignore_index=True)
    if table["start"].iloc[1:].isna().any() or table["start"].dropna().duplicated().any():
        raise ValueError("era starts must be distinct dates (only the first may be empty)")
    return table


def check_docs(docs: pd.DataFrame, period: str) -> None:
    """Raise ValueError unless docs is a non-empty frame with doc_id and date and period is known."""
    if not isinstance(docs, pd.DataFrame):
        raise ValueError(f"docs must be a DataFrame, got {type(docs).__name__}")
    for col in ("doc_id", "date"):
        if col not in docs.columns:
            raise ValueError(f"docs has no '{col}' column")
    if len(docs) == 0:
        raise ValueError("empty corpus: docs has no rows")
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}; got {period!r}")


def _date_range(docs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day each article's date may mean (a year-precision date: Jan 1 to Dec 31)."""
    date = pd.to_datetime(docs["date"])
    precision = (docs["date_precision"].fillna("").astype(str) if "date_precision" in docs.columns
                 else pd.Series("day", index=docs.index))
    lo = date.copy()
    hi = date.copy()
    month, year = precision.eq("month"), precision.eq("year")
    lo[month], hi[month] = date[month].dt.to_period("M").dt.start_time, date[month].dt.to_period("M").dt.end_time.dt.normalize()
    lo[year], hi[year] = date[year].dt.to_period("Y").dt.start_time, date[year].dt.to_period("Y").dt.end_time.dt.normalize()
    return lo, hi


def _calendar_index(dates: pd.Series, period: str) -> pd.Series:
    """Integer period index of dates: year, year*2+half, year*4+quarter."""
    y = dates.dt.year
    if period == "year":
        return y
    if period == "half":
        return y * 2 + (dates.dt.month > 6).astype("Int64")
    return y * 4 + (dates.dt.month - 1) // 3


def _calendar_label(index: int, period: str) -> str:
    if period == "year":
        return str(index)
    if period == "half":
        return f"{index // 2}-H{index % 2 + 1}"
    return f"{index // 4}-Q{index % 4 + 1}"


def _calendar_bounds(index: int, period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if period == "year":
        return pd.Timestamp(index, 1, 1), pd.Timestamp(index, 12, 31)
    months = 6 if period == "half" else 3
    parts = 2 if period == "half" else 4
    year, part = divmod(index, parts)
    start = pd.Timestamp(year, part * months + 1, 1)
    return start, (start + pd.DateOffset(months=months) - pd.Timedelta(days=1))


def _assign(docs: pd.DataFrame, period: str, eras) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """(labels with NA, reason per article, period table of the whole span)."""
    check_docs(docs, period)
    lo, hi = _date_range(docs)
    reason = pd.Series("", index=docs.index, dtype=object)
    reason[lo.isna()] = "undated"
    labels = pd.Series(pd.NA, index=docs.index, dtype="string")
    if period == "era":
        table = _eras(eras)
        starts = table["start"].fillna(pd.Timestamp.min).to_numpy()
        a = np.searchsorted(starts, lo.fillna(pd.Timestamp.min).to_numpy(), side="right") - 1
        b = np.searchsorted(starts, hi.fillna(pd.Timestamp.min).to_numpy(), side="right") - 1
        ok = lo.notna().to_numpy() & (a == b) & (a >= 0)
        reason[lo.notna().to_numpy() & (a < 0)] = "before the first era"
        reason[lo.notna().to_numpy() & (a >= 0) & (a != b)] = "date too coarse for this period"
        labels[ok] = table["era"].to_numpy()[a[ok]]
        ends = list(table["start"].iloc[1:] - pd.Timedelta(days=1)) + [hi.max() if hi.notna().any() else pd.NaT]
        first = lo.min() if lo.notna().any() else pd.NaT
        starts = [first if pd.isna(s) else s for s in table["start"]]
        ptable = pd.DataFrame({"period": table["era"], "period_start": starts, "period_end": ends})
        used = np.flatnonzero(np.isin(np.arange(len(table)), a[ok]))
        ptable = ptable.iloc[used.min():used.max() + 1] if len(used) else ptable.iloc[0:0]
    else:
        a, b = _calendar_index(lo, period), _calendar_index(hi, period)
        ok = (lo.notna() & (a == b)).fillna(False).to_numpy(dtype=bool)
        reason[lo.notna().to_numpy() & ~ok] = "date too coarse for this period"
        labels[ok] = [_calendar_label(int(i), period) for i in a[ok]]
        span = range(int(a[ok].min()), int(a[ok].max()) + 1) if ok.any() else range(0)
        rows = [(_calendar_label(i, period), *_calendar_bounds(i, period)) for i in span]
        ptable = pd.DataFrame(rows, columns=["period", "period_start", "period_end"])
    ptable = ptable.astype({"period": "str"}).reset_index(drop=True)
    ptable["period_start"] = pd.to_datetime(ptable["period_start"])
    ptable["period_end"] = pd.to_datetime(ptable["period_end"])
    return labels.rename("period"), reason.rename("reason"), ptable


def assign_periods(docs: pd.DataFrame, period: str = "year", eras=None) -> pd.Series:
    """The period of each article ("2016", "2016-H2", "2016-Q3" or an era name); NA when not placed.

    An article is not placed when undated, when its date is too coarse for the period (a
    year-only date in a half-year split) or when it falls before the first era.
    `eras`: frame (era, start) or dict {era: start}; default `default_eras()`.
    Example: docs.assign(period=assign_periods(docs, "half"))
    """
    return _assign(docs, period, eras)[0]


def year_of(docs: pd.DataFrame) -> pd.Series:
    """Each article's year of publication as text ("2016"), "undated" when unknown; indexed like docs.

    Example: docs.groupby(year_of(docs))["n_words"].sum()
    """
    return assign_periods(docs, "year").astype(object).fillna("undated").rename("year")


def period_table(docs: pd.DataFrame, period: str = "year", eras=None) -> pd.DataFrame:
    """Every period from the first to the last placed article, empty ones included.

    Returns period, period_start, period_end (datetime64). Example: period_table(docs, "quarter")
    """
    return _assign(docs, period, eras)[2]


def dating_summary(docs: pd.DataFrame, period: str = "year", eras=None) -> pd.DataFrame:
    """One row: period, n_articles, n_dated, n_undated, n_unplaced, n_placed, n_periods (with articles),
    n_span (periods from first to last, empty included), n_single, first_period, last_period, case.

    `case` is "placed" when a timeline can be drawn, "undated" when no article has a date and
    "coarse" when dates exist but none is precise enough for the period (or all precede the first era).
    Example: dating_summary(docs).n_undated[0]
    """
    labels, why, ptable = _assign(docs, period, eras)
    sizes = labels.value_counts()
    n_placed, n_undated = int(labels.notna().sum()), int((why == "undated").sum())
    case = "placed" if n_placed else ("undated" if n_undated == len(docs) else "coarse")
    order = ptable[ptable["period"].isin(sizes.index)]["period"]
    return pd.DataFrame([{
        "period": period, "n_articles": len(docs), "n_dated": len(docs) - n_undated, "n_undated": n_undated,
        "n_unplaced": len(docs) - n_undated - n_placed, "n_placed": n_placed, "n_periods": len(sizes),
        "n_span": len(ptable), "n_single": int((sizes == 1).sum()),
        "first_period": order.iloc[0] if len(order) else "", "last_period": order.iloc[-1] if len(order) else "",
        "case": case,
    }])


def no_timeline_reason(docs: pd.DataFrame, period: str = "year", eras=None) -> str:
    """Why no article can be placed in time ("" when some can): the note of an empty trend table."""
    case = dating_summary(docs, period, eras)["case"].iloc[0]
    return {"undated": "No article has a date, so nothing can be placed in time.",
            "coarse": f"No article's date is precise enough for {PERIOD_WORDS[period]}s."}.get(case, "")


def coverage(docs: pd.DataFrame, period: str = "year", eras=None) -> pd.DataFrame:
    """Articles and words per period, empty periods included (as 0) between the first and last.

    Returns period, n_docs, n_words, n_sources, period_start, period_end, note ("one article",
    "no article" or ""). Example: coverage(docs, "year")
    """
    labels, _, ptable = _assign(docs, period, eras)
    placed = docs.assign(period=labels).dropna(subset=["period"])
    words = placed["n_words"] if "n_words" in placed.columns else placed["text"].fillna("").str.split().str.len()
    source = placed["source"].replace("", pd.NA) if "source" in placed.columns else pd.Series(pd.NA, index=placed.index)
    grouped = pd.DataFrame({"period": placed["period"].astype(str), "words": words, "source": source}).groupby("period").agg(
        n_docs=("words", "size"), n_words=("words", "sum"), n_sources=("source", "nunique"))
    out = ptable.merge(grouped, left_on="period", right_index=True, how="left")
    out[["n_docs", "n_words", "n_sources"]] = out[["n_docs", "n_words", "n_sources"]].fillna(0).astype("int64")
    out["note"] = np.select([out["n_docs"] == 0, out["n_docs"] == 1], ["no article", "one article"], "")
    return out[["period", "n_docs", "n_words", "n_sources", "period_start", "period_end", "note"]]


def placed_articles(docs: pd.DataFrame, period: str, eras) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Placed articles (doc_id, period, code, n_words) and the periods that hold any, in time order."""
    labels, _, ptable = _assign(docs, period, eras)
    words = (docs["n_words"] if "n_words" in docs.columns
             else docs["text"].fillna("").astype(str).str.split().str.len())
    placed = pd.DataFrame({"doc_id": docs["doc_id"].astype(str), "period": labels, "n_words": words.astype(float)})
    placed = placed.dropna(subset=["period"])
    used = ptable[ptable["period"].isin(set(placed["period"]))].reset_index(drop=True)
    placed["code"] = placed["period"].map({p: i for i, p in enumerate(used["period"])}).astype(int)
    return placed.reset_index(drop=True), used
