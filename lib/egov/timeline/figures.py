"""Figures for the timeline notebook: articles on a time axis, trajectories with intervals, term shift.

Trajectories are stacked rows sharing one time axis, with the policy milestones drawn as
dotted lines through every row and labelled once in a strip on top. Filled dots carry a
95% bootstrap interval; hollow dots are periods with one article (no interval).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from egov.report import figures
from egov.report.figures import OKABE_ITO, WIDTH_IN, caption, new, use_style
from egov.timeline.periods import PERIOD_WORDS, load_milestones
from egov.report.text import plural
from egov.corpus.languages import language_name, split_languages

__all__ = ["article_strip", "concept_trajectories", "concept_by_language", "topic_trajectories", "term_shift"]

BLUE, GREY = OKABE_ITO[4], "#777777"
# Okabe-Ito without the yellow, which is hard to see as a dot on white
SOURCE_COLOURS = [OKABE_ITO[i] for i in (4, 0, 2, 5, 6, 1, 7)]
MAX_SOURCES = 7


def _mid(table: pd.DataFrame) -> pd.Series:
    return table["period_start"] + (table["period_end"] - table["period_start"]) / 2


def _milestones_in(milestones: pd.DataFrame | None, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    ms = load_milestones() if milestones is None else milestones
    return ms[(ms["date"] >= lo) & (ms["date"] <= hi)].reset_index(drop=True)


def _milestone_lines(ax, ms: pd.DataFrame) -> None:
    for d in ms["date"]:
        ax.axvline(d, color=GREY, linestyle=":", linewidth=1, zorder=0)


def _levels(ms: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp, width_in: float) -> list[tuple[int, str]]:
    """(level, alignment) per milestone label so that labels on one level do not overlap."""
    span = max((hi - lo).days, 1)
    per_char = span * 0.066 / width_in  # days taken by one 8-pt character
    ends: list[float] = []
    out = []
    for row in ms.itertuples():
        x = (row.date - lo).days
        width = (len(_label(row)) + 2) * per_char
        options = ([("left", x, x + width)] if x + width <= span else []) + [("right", x - width, x)]
        for level in range(len(ends) + 1):
            end = ends[level] if level < len(ends) else -np.inf
            fit = next((o for o in options if o[1] > end), None)
            if fit is not None:
                break
        if level == len(ends):
            ends.append(fit[2])
        ends[level] = fit[2]
        out.append((level, fit[0]))
    return out


def _label(row) -> str:
    when = f"{row.date:%b %Y}" if row.date_precision in ("day", "month") else f"{row.date:%Y}"
    return f"{when}: {row.short_label}"


def _milestone_strip(ax, ms: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp, levels) -> None:
    """Labels of the milestones on a bare axis, on as many levels as they need."""
    n = max([lv for lv, _ in levels], default=0) + 1
    ax.set_ylim(0, n)
    ax.axis("off")
    for row, (level, align) in zip(ms.itertuples(), levels):
        y = n - level - 0.15
        ax.vlines(row.date, 0, y, color=GREY, linestyle=":", linewidth=1)
        ax.text(row.date, y, f" {_label(row)} ", fontsize=8, ha=align, va="top", color="#333333")


def _figure(title: str, source: str, ms: pd.DataFrame, lo, hi, rows: list[float]):
    """Figure with a milestone strip on top and len(rows) axes below sharing x; returns (fig, axes)."""
    use_style()
    levels = _levels(ms, lo, hi, WIDTH_IN - 1.5)
    n_levels = max([lv for lv, _ in levels], default=0) + 1
    strip = 0.28 * n_levels if len(ms) else 0.05
    fig, axes = plt.subplots(len(rows) + 1, 1, sharex=True, figsize=(WIDTH_IN, 1.3 + strip + sum(rows)),
                             gridspec_kw={"height_ratios": [strip] + rows}, layout="constrained")
    fig.suptitle(_wrap(title, 80), x=0.01, ha="left", fontsize=12, fontweight="bold")
    caption(fig, _wrap(source, 125))
    _milestone_strip(axes[0], ms, lo, hi, levels)
    for ax in axes[1:]:
        _milestone_lines(ax, ms)
    return fig, axes[1:]


def _wrap(text: str, width: int) -> str:
    return figures.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def article_strip(docs: pd.DataFrame, milestones: pd.DataFrame | None = None):
    """Every dated article as a dot on the time axis, one row per source (largest sources first).

    Returns the figure. Example: article_strip(docs)
    """
    dated = docs.dropna(subset=["date"]).copy()
    n_undated = len(docs) - len(dated)
    if dated.empty:
        return figures.empty("No article has a date, so none can be placed in time", f"{plural(n_undated, 'undated article')}")
    dated["source"] = (dated["source"].fillna("").replace("", "unknown source") if "source" in dated
                       else "unknown source")
    sizes = dated["source"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    top = list(sizes.index[:MAX_SOURCES]) if len(sizes) > MAX_SOURCES + 1 else list(sizes.index)
    dated["row"] = dated["source"].where(dated["source"].isin(top), f"{len(sizes) - len(top)} other sources")
    rows = top + sorted(set(dated["row"]) - set(top))
    busiest = dated["date"].dt.year.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    if busiest.iloc[0] == 1:
        title = (f"{plural(len(dated), 'dated article')}, {dated['date'].min():%Y} to {dated['date'].max():%Y}: "
                 "never more than one a year")
    else:
        title = f"{busiest.iloc[0]:,} of {len(dated):,} dated articles are from {busiest.index[0]}"
    note = f"; {plural(n_undated, 'undated article')} not shown" if n_undated else ""
    lo, hi = dated["date"].min() - pd.Timedelta(days=120), dated["date"].max() + pd.Timedelta(days=120)
    ms = _milestones_in(milestones, lo, hi)
    fig, (ax,) = _figure(title, f"One dot per article, one row per source{note}. Dotted lines: policy milestones "
                         "(egov/data/milestones.csv).", ms, lo, hi, [max(1.3, 0.42 * len(rows))])
    y = {r: i for i, r in enumerate(rows)}
    order = dated.sort_values(["date", "doc_id"], kind="stable")
    jitter = ((order.groupby("row").cumcount() % 5) - 2) * 0.08 if len(order) > len(rows) else 0.0
    colours = {r: (SOURCE_COLOURS[i % 7] if r in top else GREY) for i, r in enumerate(rows)}
    ax.scatter(order["date"], order["row"].map(y) + jitter, s=36, c=order["row"].map(colours),
               alpha=1.0 if len(order) < 200 else 0.4, edgecolors="none", zorder=3)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("Publication date")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return fig


def _trajectories(table: pd.DataFrame, item: str, value: str, names: dict, scale: float, ylabel: str,
                  title: str, source: str, milestones: pd.DataFrame | None):
    """Stacked rows (one per item) of dots with intervals over one time axis, milestones on top;
    with more than one language, each row has a colour per language, dodged and labelled in the first row."""
    lo, hi = table["period_start"].min(), table["period_end"].max()
    ms = _milestones_in(milestones, lo, hi)
    fig, axes = _figure(title, source, ms, lo, hi, [0.85] * len(names))
    top = max(float(np.nanmax(table["ci_high"])) * scale, 1e-9)
    languages = split_languages(table)
    span = max((hi - lo).days, 1)
    for row, (ax, key) in enumerate(zip(axes, names)):
        for i, (code, part) in enumerate(languages):
            colour = SOURCE_COLOURS[i % len(SOURCE_COLOURS)] if code else BLUE
            shift = pd.Timedelta(days=(i - (len(languages) - 1) / 2) * span * 0.012) if code else pd.Timedelta(0)
            g = part[part[item] == key].sort_values("period_start")
            x = (_mid(g) + shift).to_numpy()
            v, single = g[value].to_numpy() * scale, (g["n_docs"] == 1).to_numpy()
            ax.hlines(v, g["period_start"], g["period_end"], color=colour, alpha=0.3, linewidth=1)
            ax.vlines(x[~single], g["ci_low"].to_numpy()[~single] * scale, g["ci_high"].to_numpy()[~single] * scale,
                      color=colour, linewidth=2)
            ax.plot(x[~single], v[~single], "o", color=colour, markersize=5)
            ax.plot(x[single], v[single], "o", markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.5,
                    markersize=5)
            if code and row == 0:  # direct labels, once: the language at its right-hand end
                ax.text(1.0, 0.95 - 0.3 * i, language_name(code), transform=ax.transAxes, ha="right", va="top",
                        fontsize=8, fontweight="bold", color=colour)
        ax.set_ylim(-0.06 * top, top * 1.1)
        ax.set_title(names[key], loc="left", fontsize=9, fontweight="bold", pad=2)
        ax.spines["bottom"].set_color("#BBBBBB")
        ax.tick_params(axis="y", labelsize=8)
    axes[-1].set_xlim(lo - pd.Timedelta(days=60), hi + pd.Timedelta(days=60))
    axes[-1].set_xlabel("Publication date (dot at the middle of each period, thin line its span)")
    fig.supylabel(ylabel, fontsize=10)
    return fig


def _when(table: pd.DataFrame, p: str, period: str) -> str:
    """How a period reads in a title: '2019', '2019-H1', or 'the era from Jul 2018'."""
    if period != "era":
        return p
    start = table.loc[table["period"] == p, "period_start"].iloc[0]
    return f"the era from {start:%b %Y}"


def _change_title(table: pd.DataFrame, item: str, value: str, names: dict, fmt, period: str) -> str:
    """A title from data: an item absent at first and used at the end (else the largest rise), and the largest fall."""
    periods = table.drop_duplicates("period").sort_values("period_start")["period"].tolist()
    word = PERIOD_WORDS[period]
    if len(periods) == 1:
        return f"One {word} only ({periods[0]}): no change over time can be shown"
    first, last = periods[0], periods[-1]
    wide = table.pivot(index=item, columns="period", values=value).loc[list(names), periods]
    change = (wide[last] - wide[first]).sort_values(kind="stable")
    # "used" and "changed" as the title prints them: a share of 0.2% reads "0%", so it is neither
    used = wide.map(lambda v: v > 0 and fmt(v) != fmt(0.0))
    shown = change[[fmt(wide.loc[k, first]) != fmt(wide.loc[k, last]) for k in change.index]]
    later = [k for k in names if not used.loc[k, first] and used.loc[k, last]]
    parts = []
    if later:
        up = max(later, key=lambda k: (wide.loc[k, last], -list(names).index(k)))
        since = next(p for p in periods if used.loc[up, p])
        parts.append(f"{names[up]} absent until {_when(table, since, period)}, {fmt(wide.loc[up, last])} in "
                     f"{_when(table, last, period)}")
    elif len(shown) and shown.iloc[-1] > 0:
        up = shown.index[-1]
        parts.append(f"{names[up]} rises from {fmt(wide.loc[up, first])} to {fmt(wide.loc[up, last])}")
    if len(shown) and shown.iloc[0] < 0:
        down = shown.index[0]
        parts.append(f"{names[down]} falls from {fmt(wide.loc[down, first])} to {fmt(wide.loc[down, last])}")
    return "; ".join(parts) if parts else f"No rate changes between {_when(table, first, period)} and {_when(table, last, period)}"


def concept_title(trends: pd.DataFrame, n: int = 10, period: str = "year") -> str:
    """The concept finding in one line (the trajectory figure's title), or why there is none;
    with more than one language, the finding of each ('English: ...; Chinese: ...')."""
    parts = split_languages(trends)
    if len(parts) > 1:
        return "; ".join(f"{language_name(code)}: {concept_title(part.drop(columns='language'), n, period)}"
                         for code, part in parts)
    if trends.empty:
        return "No dated article, so no concept can be followed over time"
    totals = trends.groupby("concept")["count"].sum()
    totals = totals[totals > 0].sort_index().sort_values(ascending=False, kind="stable")
    if totals.empty:
        return "No concept is used in the dated articles"
    chosen = list(totals.index[:n])
    table = trends[trends["concept"].isin(chosen)]
    title = _change_title(table, "concept", "per_1k", {c: f"'{c}'" for c in chosen}, lambda v: f"{v:.1f}", period)
    return title + ("" if "no change" in title.lower() else " (per 1,000 words)")


def concept_trajectories(trends: pd.DataFrame, milestones: pd.DataFrame | None = None, n: int = 10,
                         period: str = "year", n_boot: int = 2000):
    """Mentions per 1,000 words of the n most used concepts per period, 95% intervals, milestones.

    Returns the figure. Example: concept_trajectories(timeline.concept_trends(docs, concepts))
    """
    if trends.empty:
        return figures.empty("No dated article, so no concept can be followed over time",
                      trends.attrs.get("reason", "no dated articles"))
    totals = trends.groupby("concept")["count"].sum()
    totals = totals[totals > 0].sort_index().sort_values(ascending=False, kind="stable")
    if totals.empty:
        return figures.empty("No concept is used in the dated articles", "nothing to draw")
    chosen = list(totals.index[:n])
    names = {c: f"'{c}'" for c in chosen}
    table = trends[trends["concept"].isin(chosen)]
    title = concept_title(trends, n, period)
    n_docs = int(trends.drop_duplicates(["language", "period"] if "language" in trends.columns else "period")
                 ["n_docs"].sum())
    left = f"; {plural(len(totals) - len(chosen), 'less used concept')} not shown" if len(totals) > len(chosen) else ""
    source = (f"{plural(n_docs, 'dated article')}. Filled dot and bar: rate of the period's articles with a 95% "
              f"bootstrap interval ({n_boot:,} resamples of articles); hollow dot: one article, no interval{left}.")
    return _trajectories(table, "concept", "per_1k", names, 1.0, "Mentions per 1,000 words", title, source, milestones)


def concept_by_language(trends: pd.DataFrame, concept: str, milestones: pd.DataFrame | None = None,
                        period: str = "year", n_boot: int = 2000):
    """One concept's rate per 1,000 words in each language on one time axis: a line per language
    with 95% intervals, labelled at its end (Okabe-Ito), milestones dotted.

    Returns the figure. Example: concept_by_language(trends, "digital government")
    """
    g = trends[trends["concept"] == concept] if len(trends) else trends
    if g.empty:
        return figures.empty(f"'{concept}' cannot be followed over time here",
                             trends.attrs.get("reason", "no period holds an article"))
    g = g if "language" in g.columns else g.assign(language="")
    langs = [(code, part.sort_values("period_start")) for code, part in g.groupby("language", sort=True)]
    lo, hi = g["period_start"].min(), g["period_end"].max()
    span = max((hi - lo).days, 1)
    peaks = [(c, p.sort_values(["per_1k", "period_start"], ascending=[False, True]).iloc[0]) for c, p in langs]
    highest = [f"{language_name(c) or 'all'} {r.per_1k:.1f} ({r.period})" if r.per_1k > 0 else
               f"{language_name(c) or 'all'} never" for c, r in peaks]
    used = [language_name(c) for c, p in langs if p["count"].sum() > 0]
    if not used:
        title = f"'{concept}' is not used in the dated articles of any language"
    elif len(langs) == 1:
        code, part = langs[0]
        title = (f"'{concept}' in {language_name(code) or 'one language'} articles only (no other language to "
                 f"compare): {part['per_1k'].iloc[-1]:.1f} per 1,000 words in {part['period'].iloc[-1]}")
    else:
        title = f"'{concept}' per 1,000 words, each language's highest period: " + ", ".join(highest)
    n_docs = int(g.drop_duplicates(["language", "period"])["n_docs"].sum())
    source = (f"{plural(n_docs, 'dated article')}; each language's rate is per 1,000 words of its own articles. "
              f"Bars: 95% bootstrap intervals ({n_boot:,} resamples of articles); hollow dot: one article, no interval.")
    ms = _milestones_in(milestones, lo, hi)
    fig, (ax,) = _figure(title, source, ms, lo, hi, [3.0])
    ends = []
    for i, (code, part) in enumerate(langs):
        colour = SOURCE_COLOURS[i % len(SOURCE_COLOURS)]
        shift = pd.Timedelta(days=(i - (len(langs) - 1) / 2) * span * 0.012)
        x = (_mid(part) + shift).to_numpy()
        v, single = part["per_1k"].to_numpy(), (part["n_docs"] == 1).to_numpy()
        ax.plot(x, v, "-", color=colour, linewidth=1.2, alpha=0.7)
        ax.vlines(x[~single], part["ci_low"].to_numpy()[~single], part["ci_high"].to_numpy()[~single],
                  color=colour, linewidth=2)
        ax.plot(x[~single], v[~single], "o", color=colour, markersize=5)
        ax.plot(x[single], v[single], "o", markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.5,
                markersize=5)
        ends.append((v[-1], i, x[-1], colour, f" {language_name(code) or 'all articles'} "
                     f"({plural(int(part['n_docs'].sum()), 'article')})"))
    top = max(float(np.nanmax(g["ci_high"])), 1e-9)
    placed: list[float] = []
    for value, _, x_end, colour, label in sorted(ends):  # direct labels at the line ends, kept 6% of the axis apart
        y = max([value] + [p + 0.06 * top for p in placed[-1:]])
        placed.append(y)
        ax.annotate(label, (x_end, value), xytext=(x_end + np.timedelta64(int(span * 0.025), "D"), y), va="center", fontsize=9,
                    fontweight="bold", color=colour)
    ax.set_xlim(lo - pd.Timedelta(days=60), hi + pd.Timedelta(days=0.22 * span + 200))
    ax.set_ylim(-0.06 * top, top * 1.12)  # a rate of 0 sits just above the axis, not on it
    ax.set_ylabel("Mentions per 1,000 words")
    ax.set_xlabel("Publication date (dot at the middle of each period)")
    return fig


def topic_trajectories(topic_trends: pd.DataFrame, summary: pd.DataFrame | None = None, model: str = "nmf",
                       milestones: pd.DataFrame | None = None, period: str = "year", n_boot: int = 2000):
    """Share of each topic in each period's words (%), 95% intervals, milestones.

    Panel labels from a `label` column (theme_trends) or `summary` (model, topic, label).
    Returns the figure. Example: topic_trajectories(tt, stage.summary, "nmf")
    """
    table = topic_trends[topic_trends["model"] == model] if len(topic_trends) else topic_trends
    if table.empty:
        return figures.empty("No dated article has topic shares, so no theme can be followed over time",
                      topic_trends.attrs.get("reason", "no dated articles"))
    labels = dict(zip(table["topic"], table["label"])) if "label" in table.columns else {}
    if summary is not None and len(summary):
        s = summary[summary["model"] == model]
        labels = dict(zip(s["topic"], s["label"]))
    names = {t: f"Topic {t}: {labels.get(t, '')}".rstrip(": ") for t in sorted(table["topic"].unique())}
    parts = split_languages(table)
    if len(parts) > 1:  # a title per language, on that language's topics and periods
        title = "; ".join(f"{language_name(c)}: " + _change_title(
            part, "topic", "share", {t: n for t, n in names.items() if t in set(part["topic"])},
            lambda v: f"{v:.0%}", period) for c, part in parts)
    else:
        title = _change_title(table, "topic", "share", names, lambda v: f"{v:.0%}", period)
    n_docs = int(table.drop_duplicates(["language", "period"] if len(parts) > 1 else "period")["n_docs"].sum())
    source = (f"{model.upper()} topics of {plural(n_docs, 'dated article')}; share of the period's words. Filled dot and bar: "
              f"95% bootstrap interval ({n_boot:,} resamples of articles); hollow dot: one article, no interval.")
    return _trajectories(table, "topic", "share", names, 100.0, "Share of the period's words (%)", title, source, milestones)


def term_shift(emerging: pd.DataFrame, n: int = 10):
    """Log Ratio of the n most emerging and n most fading terms, late half vs early half.

    Returns the figure. Example: term_shift(timeline.emerging_terms(docs, counts))
    """
    if emerging.empty:
        return figures.empty("No term can be compared between an early and a late half",
                      emerging.attrs.get("reason", "not enough dated articles"))
    mixed = "language" in emerging.columns and emerging["language"].nunique() > 1
    if mixed:  # each language split at its own middle date; the largest Log Ratios of all, labelled by language
        emerging = emerging.assign(_abs=emerging["log_ratio"].abs()).sort_values(
            ["_abs", "language", "term"], ascending=[False, True, True], kind="stable")
        emerging = emerging.assign(term=[f"{language_name(c)}: {t}" for c, t in zip(emerging["language"], emerging["term"])])
    up = emerging[emerging["direction"] == "emerging"].head(n)
    down = emerging[emerging["direction"] == "fading"].head(n)
    table = pd.concat([up, down.iloc[::-1]], ignore_index=True)
    cut = pd.Timestamp(emerging["split"].iloc[0])
    when = "in the later half of each language's articles" if mixed else f"from {cut:%Y-%m-%d} on"
    lead = up["term"].head(2).tolist()
    title = f"{' and '.join(repr(t) for t in lead)} rise most {when}" if lead else f"No term rises {when}"
    fig, ax = new(title, "Log Ratio, late vs early half (log2; +1 = twice as frequent late)", "",
                  height=max(3.0, 0.28 * len(table) + 1.8),
                  source=f"Terms used at least {emerging.attrs.get('min_count', 'the minimum')} times in at least "
                         f"{emerging.attrs.get('min_docs', 'the minimum number of')} articles; a zero count is taken "
                         "as 0.5 (Hardie 2014). Labels: count early → late.")
    ypos = np.arange(len(table))
    colours = np.where(table["log_ratio"] > 0, BLUE, OKABE_ITO[0])
    ax.barh(ypos, table["log_ratio"], color=colours, height=0.7)
    ax.set_yticks(ypos, [f"{t} ({a} → {b})" for t, a, b in zip(table["term"], table["count_early"], table["count_late"])])
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.tick_params(axis="y", length=0, labelsize=8)
    return fig
