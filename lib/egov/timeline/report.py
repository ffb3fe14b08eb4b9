"""Facts for the timeline notebook: small tidy tables of what the periods, trends and themes show.

Each `*_facts` function returns one row per finding (one per language when the trends hold
several), with a `case` column when the finding has several shapes; notebook 04 words each
row with a template visible in its cell (`egov.report.say`). Dates are publication dates; a
change after a milestone is a co-occurrence in time, never a cause.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.corpus.languages import language_name
from egov.timeline.periods import PERIOD_WORDS, dating_summary, load_milestones
from egov.timeline.trends import first_appearance


def milestones_markdown(milestones: pd.DataFrame | None = None) -> str:
    """The milestones as a Markdown table: date (to its precision), event, source and note.

    Example: report.md(milestones_markdown())
    """
    ms = load_milestones() if milestones is None else milestones
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m (month only)", "year": "%Y (year only)"}
    rows = ["| Date | Event | Source | Note |", "| --- | --- | --- | --- |"]
    for r in ms.itertuples():
        cells = [f"{r.date:{fmt.get(r.date_precision, '%Y-%m-%d')}}", r.label, r.source, r.note]
        rows.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    return "\n".join(rows)


def _by_language(table: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """[(language code, rows)] in code order; [("", table)] for a table without a language column."""
    if "language" not in table.columns or table.empty:
        return [("", table)]
    return list(table.groupby("language", sort=True))


def _name(code: str) -> str:
    return language_name(code) or "dated"


def placement_facts(docs: pd.DataFrame, period: str = "year", eras=None) -> pd.DataFrame:
    """How many articles the timeline places, leaves out and why, in one row.

    case: "undated" (no article has a date), "coarse" (no date precise enough for the period),
    "one" (one period), "some". Returns case, unit (the period's word), n_articles, n_placed,
    n_left_out, n_undated, n_unplaced (too coarse or before the first era), n_periods (holding
    articles), n_span (first to last, empty included), n_gaps, n_single (periods of one
    article), first_period, last_period. Example: placement_facts(docs, "year").n_gaps[0]
    """
    s = dating_summary(docs, period, eras).iloc[0]
    case = s.case if s.case != "placed" else ("one" if s.n_periods == 1 else "some")
    ints = {k: int(s[k]) for k in ("n_articles", "n_placed", "n_undated", "n_unplaced", "n_periods", "n_span",
                                   "n_single")}
    return pd.DataFrame([{"case": case, "unit": PERIOD_WORDS[period], **ints,
                          "n_left_out": ints["n_undated"] + ints["n_unplaced"],
                          "n_gaps": ints["n_span"] - ints["n_periods"],
                          "first_period": str(s.first_period), "last_period": str(s.last_period)}])


CONCEPT_COLUMNS = ["language", "language_name", "concept", "case", "n_periods", "n_docs", "first_period", "n_before",
                   "n_docs_before", "peak_period", "peak_per_1k", "peak_n_docs", "last_period", "last_per_1k"]


def concept_facts(trends: pd.DataFrame, concepts: str | list[str]) -> pd.DataFrame:
    """How each concept's rate runs over the periods: when first used, where it peaks, where it ends.

    One row per language and concept. case: "none" (no period holds an article), "absent"
    (used in no period), "from start" (used in the first period), "later" (first used after
    n_before periods without it, holding n_docs_before articles). Rates are per 1,000 words.
    Example: concept_facts(trends, ["digital government", "e-government"])
    """
    names = [concepts] if isinstance(concepts, str) else list(concepts)
    rows = []
    for code, part in _by_language(trends):
        for concept in names:
            g = part[part["concept"] == concept].sort_values("period_start", kind="stable") if len(part) else part
            row = {"language": code, "language_name": _name(code), "concept": concept, "case": "none",
                   "n_periods": len(g), "n_docs": int(g["n_docs"].sum()) if len(g) else 0, "first_period": "",
                   "n_before": 0, "n_docs_before": 0, "peak_period": "", "peak_per_1k": 0.0, "peak_n_docs": 0,
                   "last_period": str(g["period"].iloc[-1]) if len(g) else "",
                   "last_per_1k": float(g["per_1k"].iloc[-1]) if len(g) else 0.0}
            used = g[g["count"] > 0] if len(g) else g
            if len(g) and used.empty:
                row["case"] = "absent"
            elif len(used):
                before = g[g["period_start"] < used["period_start"].iloc[0]]
                peak = used.sort_values(["per_1k", "period_start"], ascending=[False, True], kind="stable").iloc[0]
                row.update(case="later" if len(before) else "from start", first_period=str(used["period"].iloc[0]),
                           n_before=len(before), n_docs_before=int(before["n_docs"].sum()),
                           peak_period=str(peak["period"]), peak_per_1k=float(peak["per_1k"]),
                           peak_n_docs=int(peak["n_docs"]))
            rows.append(row)
    return pd.DataFrame(rows, columns=CONCEPT_COLUMNS)


def _separation(a: pd.Series, b: pd.Series) -> tuple[str, object]:
    """(case, intervals_overlap) for two period rows: "single" when either holds one article."""
    if int(a["n_docs"]) <= 1 or int(b["n_docs"]) <= 1:
        return "single", pd.NA
    apart = a["ci_low"] > b["ci_high"] or b["ci_low"] > a["ci_high"]
    return ("apart" if apart else "overlap"), not apart


def _changes(table: pd.DataFrame, item: str, value: str, code: str) -> list[dict]:
    """The largest rise and fall of `value` between the first and the last period, for one language."""
    periods = table.drop_duplicates("period").sort_values("period_start", kind="stable")["period"].tolist()
    sizes = table.drop_duplicates("period")["n_docs"]
    base = {"language": code, "language_name": _name(code), "n_periods": len(periods),
            "n_single": int((sizes == 1).sum())}
    empty = {"direction": "", item: "", "period_from": "", "period_to": "", f"{value}_from": 0.0,
             f"{value}_to": 0.0, "n_docs_from": 0, "n_docs_to": 0, "intervals_overlap": pd.NA}
    if not periods:
        return [{**base, **empty, "case": "none"}]
    first, last = periods[0], periods[-1]
    ends = {p: table[table["period"] == p].set_index(item) for p in (first, last)}
    if len(periods) == 1:
        top = table.sort_values([value, item], ascending=[False, True], kind="stable").iloc[0]
        return [{**base, **empty, "case": "one period", item: top[item], "period_from": first, "period_to": first,
                 f"{value}_from": float(top[value]), f"{value}_to": float(top[value]),
                 "n_docs_from": int(top["n_docs"]), "n_docs_to": int(top["n_docs"])}]
    change = (ends[last][value] - ends[first][value]).sort_index().sort_values(kind="stable")
    rows = []
    for direction, key, sign in (("rise", change.index[-1], change.iloc[-1] > 0),
                                 ("fall", change.index[0], change.iloc[0] < 0)):
        if not sign:
            continue
        a, b = ends[first].loc[key], ends[last].loc[key]
        case, overlap = _separation(a, b)
        rows.append({**base, "case": case, "direction": direction, item: key, "period_from": first, "period_to": last,
                     f"{value}_from": float(a[value]), f"{value}_to": float(b[value]), "n_docs_from": int(a["n_docs"]),
                     "n_docs_to": int(b["n_docs"]), "intervals_overlap": overlap})
    return rows or [{**base, **empty, "case": "no change", "period_from": first, "period_to": last}]


def _change_frame(rows: list[dict], item: str, value: str) -> pd.DataFrame:
    cols = ["language", "language_name", "case", "direction", item, "period_from", "period_to", f"{value}_from",
            f"{value}_to", "n_docs_from", "n_docs_to", "intervals_overlap", "n_periods", "n_single"]
    out = pd.DataFrame(rows)
    out = out.astype({"period_from": "str", "period_to": "str", "intervals_overlap": "boolean"})
    return out[cols + [c for c in out.columns if c not in cols]]


def change_facts(trends: pd.DataFrame, period: str = "year") -> pd.DataFrame:
    """The concepts whose rate rose and fell most between the first and the last period.

    One row per language and direction ("rise", "fall"). case: "apart" (the 95% intervals do not
    overlap), "overlap" (they do: resampling the articles alone could give the difference),
    "single" (an end period holds one article, so no interval), "no change", "one period"
    (the concept with the highest rate, from = to), "none" (no period). Returns language,
    language_name, case, direction, concept, period_from, period_to, per_1k_from, per_1k_to,
    n_docs_from, n_docs_to, intervals_overlap (NA when single), n_periods, n_single, unit.
    Example: report.say("{concept} rose from {per_1k_from:.1f} to {per_1k_to:.1f} per 1,000 words", rise)
    """
    rows = [r for code, part in _by_language(trends) for r in _changes(part, "concept", "per_1k", code)]
    return _change_frame(rows, "concept", "per_1k").assign(unit=PERIOD_WORDS[period])


def headline_facts(trends: pd.DataFrame, period: str = "year") -> pd.DataFrame:
    """change_facts in one row per language, for a one-sentence headline: the largest rise and fall
    side by side.

    case: "both", "rise", "fall", "no change", "one period" (rise_concept is the highest rate),
    "none". Returns language, language_name, case, unit, period_from, period_to, rise_concept,
    rise_from, rise_to, fall_concept, fall_from, fall_to, n_periods, n_single.
    Example: report.words("'{rise_concept}' rose from {rise_from:.1f} to {rise_to:.1f}", headline_facts(trends))
    """
    rows = []
    for code, part in change_facts(trends, period).groupby("language", sort=True):
        first = part.iloc[0]
        row = {"language": code, "language_name": first.language_name, "case": first.case,
               "unit": PERIOD_WORDS[period], "period_from": first.period_from, "period_to": first.period_to,
               "rise_concept": "", "rise_from": 0.0, "rise_to": 0.0, "fall_concept": "", "fall_from": 0.0,
               "fall_to": 0.0, "n_periods": int(first.n_periods), "n_single": int(first.n_single)}
        for r in part.itertuples():
            if r.direction in ("rise", "fall") or r.case == "one period":
                side = r.direction or "rise"
                row.update({f"{side}_concept": r.concept, f"{side}_from": r.per_1k_from, f"{side}_to": r.per_1k_to})
        if set(part["direction"]) & {"rise", "fall"}:
            row["case"] = "both" if {"rise", "fall"} <= set(part["direction"]) else part["direction"].iloc[0]
        rows.append(row)
    return pd.DataFrame(rows)


def theme_change_facts(topic_trends: pd.DataFrame, model: str = "nmf") -> pd.DataFrame:
    """The topics of `model` whose share of the words rose and fell most between the first and the
    last period: change_facts' columns with topic, label, share_from, share_to (0-1) and model.

    Example: theme_change_facts(topic_trends, "nmf")
    """
    t = topic_trends[topic_trends["model"] == model] if len(topic_trends) else topic_trends
    rows = [r for code, part in _by_language(t) for r in _changes(part, "topic", "share", code)]
    out = _change_frame(rows, "topic", "share")
    labels = dict(zip(t["topic"], t["label"])) if "label" in t.columns else {}
    out.insert(5, "label", [str(labels.get(k, "")) for k in out["topic"]])
    return out.assign(model=model)


def _joined(concepts: pd.Series, periods: pd.Series | None = None) -> str:
    items = [f"{c} ({p})" for c, p in zip(concepts, periods)] if periods is not None else list(concepts)
    return ", ".join(items) or "none"


def pattern_facts(trends: pd.DataFrame, period: str = "year") -> pd.DataFrame:
    """Which concepts are first used after the first period, which are not used in the last, and
    which in every period (from `first_appearance`), one row per language.

    case: "none" (no period), "one" (one period), "some". Returns language, language_name, case,
    unit, n_concepts, n_used, first_period, last_period, n_later, later ("concept (first period), ..."),
    n_fades, fades, n_throughout, throughout; an empty list reads "none".
    Example: pattern_facts(trends).later[0]
    """
    rows = []
    for code, part in _by_language(trends):
        fa = first_appearance(part.drop(columns="language", errors="ignore"))
        periods = part.drop_duplicates("period").sort_values("period_start")["period"].tolist() if len(part) else []
        later = fa[fa["pattern"].str.startswith("appears later")]
        fades = fa[fa["pattern"].str.contains("fades")]
        thru = fa[fa["pattern"] == "throughout"]
        rows.append({"language": code, "language_name": _name(code),
                     "case": "none" if not periods else "one" if len(periods) == 1 else "some",
                     "unit": PERIOD_WORDS[period], "n_concepts": len(fa), "n_used": int((fa["pattern"] != "absent").sum()),
                     "first_period": periods[0] if periods else "", "last_period": periods[-1] if periods else "",
                     "n_later": len(later), "later": _joined(later["concept"], later["first_period"]),
                     "n_fades": len(fades), "fades": _joined(fades["concept"]),
                     "n_throughout": len(thru), "throughout": _joined(thru["concept"])})
    return pd.DataFrame(rows)


def shift_facts(shifts: pd.DataFrame) -> pd.DataFrame:
    """The consecutive periods between which the vocabulary changes most (Jensen-Shannon divergence).

    One row per language (the table's `language` column, if any). case: "none" (fewer than two
    periods), "times" (ratio to the sampling baseline under 10), "far" (10 or more, or a zero
    baseline). Returns language, language_name, case, period_from, period_to, jsd, jsd_baseline,
    ratio, n_docs_from, n_docs_to, n_pairs. Example: shift_facts(jensen_shannon(docs, counts))
    """
    rows = []
    for code, part in _by_language(shifts):
        row = {"language": code, "language_name": _name(code), "case": "none", "period_from": "", "period_to": "",
               "jsd": 0.0, "jsd_baseline": 0.0, "ratio": 0.0, "n_docs_from": 0, "n_docs_to": 0, "n_pairs": len(part)}
        if len(part):
            top = part.sort_values(["jsd", "period_from"], ascending=[False, True], kind="stable").iloc[0]
            ratio = float(top.jsd / top.jsd_baseline) if top.jsd_baseline > 0 else float("inf")
            row.update(case="times" if ratio < 10 else "far", period_from=str(top.period_from),
                       period_to=str(top.period_to), jsd=float(top.jsd), jsd_baseline=float(top.jsd_baseline),
                       ratio=ratio, n_docs_from=int(top.n_docs_from), n_docs_to=int(top.n_docs_to))
        rows.append(row)
    return pd.DataFrame(rows)


def emerging_facts(emerging: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The `n` terms with the largest Log Ratios each way, as lists, one row per language (each
    language's articles split at their own middle date, with their own minimums).

    case: "none" (no term ranked: too few dated articles or none passes the minimums), "some".
    Returns language, language_name, case, split (first date of the late half), n_emerging,
    emerging ("a, b, c", or "no term"), n_fading, fading, min_count, min_docs.
    Example: emerging_facts(emerging_terms(docs, counts)).emerging[0]
    """
    rows, minimums = [], emerging.attrs.get("minimums", {})
    for code, part in _by_language(emerging):
        em, fa = part[part["direction"] == "emerging"], part[part["direction"] == "fading"]
        rows.append({"language": code, "language_name": _name(code), "case": "some" if len(part) else "none",
                     "split": pd.Timestamp(part["split"].iloc[0]) if len(part) else pd.NaT,
                     "n_emerging": len(em), "emerging": ", ".join(em["term"].head(n)) or "no term",
                     "n_fading": len(fa), "fading": ", ".join(fa["term"].head(n)) or "no term",
                     "min_count": int(minimums.get(code, (emerging.attrs.get("min_count", 0), 0))[0]),
                     "min_docs": int(minimums.get(code, (0, emerging.attrs.get("min_docs", 0)))[1])})
    return pd.DataFrame(rows)


def shared_concept(trends: pd.DataFrame) -> str:
    """The concept to follow across languages: used in the most languages, then most mentioned
    (then first by name); "" when no concept is used. Example: shared_concept(trends)"""
    if trends.empty or "language" not in trends.columns:
        return ""
    used = trends[trends["count"] > 0]
    if used.empty:
        return ""
    table = used.groupby("concept").agg(n_languages=("language", "nunique"), count=("count", "sum")).reset_index()
    table = table.sort_values(["n_languages", "count", "concept"], ascending=[False, False, True], kind="stable")
    return str(table["concept"].iloc[0])


def language_trend_facts(trends: pd.DataFrame, concept: str) -> pd.DataFrame:
    """How one concept runs in each language's own articles (the per-language figure), a row per language.

    case: "no concept" (none is used; concept is ""), "one language" (the corpus has one, so
    nothing to compare), "used", "never". Returns language, language_name, concept, case,
    count (mentions), n_periods_with, peak_per_1k, peak_period, n_languages.
    Example: language_trend_facts(trends, shared_concept(trends))
    """
    parts = _by_language(trends[trends["concept"] == concept]) if concept else [("", trends.iloc[0:0])]
    rows = []
    for code, part in parts:
        used = part[part["count"] > 0] if len(part) else part
        peak = used.sort_values(["per_1k", "period_start"], ascending=[False, True], kind="stable")
        case = ("no concept" if not concept else "one language" if len(parts) == 1
                else "used" if len(used) else "never")
        rows.append({"language": code, "language_name": _name(code), "concept": concept, "case": case,
                     "count": int(part["count"].sum()) if len(part) else 0, "n_periods_with": len(used),
                     "peak_per_1k": float(peak["per_1k"].iloc[0]) if len(peak) else 0.0,
                     "peak_period": str(peak["period"].iloc[0]) if len(peak) else "", "n_languages": len(parts)})
    return pd.DataFrame(rows).astype({"peak_per_1k": np.float64})
