"""Sentences for the timeline notebook: what the periods, trends and themes show, from data.

Every sentence is computed, so it stays true on another corpus: one period, no dates,
or thousands of articles. Dates are publication dates; a change after a milestone is a
co-occurrence in time, never a cause.
"""
from __future__ import annotations

import pandas as pd

from egov.timeline.periods import PERIOD_WORDS, assign_periods, dating_summary, load_milestones
from egov.report.text import plural
from egov.timeline.trends import N_BOOT, first_appearance


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


def period_sentence(docs: pd.DataFrame, period: str = "year", eras=None) -> str:
    """A sentence on how many articles the timeline places, leaves out and why."""
    s = dating_summary(docs, period, eras).iloc[0]
    word = PERIOD_WORDS[period]
    if s.n_placed == 0:
        return f"{s.reason} The timeline below is empty; {plural(int(s.n_articles), 'article')} were loaded."
    span = s.first_period if s.n_periods == 1 else f"{s.first_period} to {s.last_period}"
    text = (f"Of {plural(int(s.n_articles), 'article')}, {s.n_placed:,} are placed in "
            f"{plural(int(s.n_periods), word)} ({span})")
    gaps = int(s.n_span - s.n_periods)
    text += f"; {plural(gaps, word)} in between {'has' if gaps == 1 else 'have'} no article." if gaps else "."
    if s.n_undated:
        text += f" {plural(int(s.n_undated), 'undated article')} {'is' if s.n_undated == 1 else 'are'} left out."
    if s.n_unplaced:
        text += (f" {plural(int(s.n_unplaced), 'article')} with a date too coarse for a {word} (or before the "
                 f"first era) {'is' if s.n_unplaced == 1 else 'are'} left out too.")
    if s.n_periods == 1:
        text += f" With a single {word} there is no change over time to show: every figure below has one point."
    elif s.n_single:
        text += (f" {plural(int(s.n_single), word)} {'holds' if s.n_single == 1 else 'hold'} a single article: "
                 "no interval there, marked with hollow markers.")
    return text


def _fmt(x: float) -> str:
    return "0" if x == 0 else f"{x:.1f}" if x >= 0.05 else "<0.1"


def _separation(table: pd.DataFrame, key: str, value, first, last) -> str:
    """Whether `key` == value's estimates in periods `first` and `last` differ beyond their intervals."""
    a, b = (table[(table[key] == value) & (table["period"] == p)].iloc[0] for p in (first, last))
    single = [str(r.period) for r in (a, b) if int(r.n_docs) <= 1]
    if single:
        return f"one article in {' and in '.join(single)}: no interval to judge the difference by"
    if a.ci_low > b.ci_high or b.ci_low > a.ci_high:
        return "the 95% intervals do not overlap"
    return "the 95% intervals overlap, so resampling the articles alone could produce this difference"


def trend_sentence(trends: pd.DataFrame, concept: str) -> str:
    """How one concept's rate runs over the periods, with the periods where it is absent.

    Example: trend_sentence(trends, "digital government")
    """
    g = trends[trends["concept"] == concept].sort_values("period_start")
    if g.empty:
        return f"'{concept}' cannot be followed over time here: no period holds an article."
    used = g[g["count"] > 0]
    if used.empty:
        articles = plural(int(g["n_docs"].sum()), "article")
        if len(g) == 1:
            return f"'{concept}' is not used in the one period ({articles})."
        return f"'{concept}' is used in none of the {plural(len(g), 'period')} ({articles})."
    before = g[g["period_start"] < used["period_start"].iloc[0]]
    parts = ", ".join(f"{_fmt(r.per_1k)} in {r.period}" + (" (one article)" if r.n_docs == 1 else
                      f" (95% interval {_fmt(r.ci_low)} to {_fmt(r.ci_high)})") for r in g[g.index >= used.index[0]].itertuples())
    text = f"'{concept}' (mentions per 1,000 words): "
    if len(before):
        text += (f"0 in every period before {used['period'].iloc[0]} ({plural(len(before), 'period')}, "
                 f"{plural(int(before['n_docs'].sum()), 'article')}), then ")
    return text + parts + "."


def theme_sentence(topic_trends: pd.DataFrame, model: str = "nmf") -> str:
    """A sentence on which theme gains and which loses share between the first and the last period."""
    t = topic_trends[topic_trends["model"] == model] if len(topic_trends) else topic_trends
    if t.empty:
        return topic_trends.attrs.get("reason") or "No theme can be followed over time here."
    periods = t.drop_duplicates("period").sort_values("period_start")["period"].tolist()
    if len(periods) == 1:
        top = t.sort_values(["share", "topic"], ascending=[False, True]).iloc[0]
        return (f"One period only ({periods[0]}): topic {top.topic} ({top.label}) has the largest share, "
                f"{top.share:.0%} of its words; no change over time can be shown.")
    first, last = periods[0], periods[-1]
    wide = t.pivot(index="topic", columns="period", values="share")
    d = (wide[last] - wide[first]).sort_values(kind="stable")
    label = dict(zip(t["topic"], t["label"])) if "label" in t.columns else {}
    up, down = d.index[-1], d.index[0]
    n_single = int((t.drop_duplicates("period")["n_docs"] == 1).sum())
    sep = {k: _separation(t, "topic", k, first, last) for k in (up, down)}
    text = (f"In the {model.upper()} model, topic {up} ({label.get(up, '')}) gains most from {first} to {last} "
            f"({wide.loc[up, first]:.0%} to {wide.loc[up, last]:.0%} of the words; {sep[up]}) and topic {down} "
            f"({label.get(down, '')}) loses most ({wide.loc[down, first]:.0%} to {wide.loc[down, last]:.0%}; "
            f"{sep[down]}).")
    if n_single:
        text += (f" {plural(n_single, 'period')} of {len(periods)} hold one article, so there a topic's share is "
                 "one text's share.")
    return text


def findings(docs: pd.DataFrame, trends: pd.DataFrame, shifts: pd.DataFrame | None = None,
             emerging: pd.DataFrame | None = None, topic_trends: pd.DataFrame | None = None,
             period: str = "year", eras=None) -> str:
    """Markdown bullets of findings computed from the tables, true for any corpus size."""
    s = dating_summary(docs, period, eras).iloc[0]
    if s.n_placed == 0 or trends.empty:
        return f"- {s.reason or 'No article can be placed in time.'} There is no timeline to report."
    word = PERIOD_WORDS[period]
    span = s.first_period if s.n_periods == 1 else f"{s.first_period} to {s.last_period}"
    single = f"; {int(s.n_single):,} of those {word}s hold one article each" if s.n_single else ""
    out = [f"- The timeline rests on {plural(int(s.n_placed), 'dated article')} in {plural(int(s.n_periods), word)} "
           f"({span}){single}."]
    fa = first_appearance(trends)
    if s.n_periods == 1:
        used = fa[fa["pattern"] != "absent"]
        out.append(f"- With one {word}, nothing can be said about change; {plural(len(used), 'concept')} of "
                   f"{len(fa)} occur in it.")
        return "\n".join(out)
    later = fa[fa["pattern"].str.startswith("appears later")]
    fades = fa[fa["pattern"].str.contains("fades")]
    if len(later):
        out.append("- First used after the first " + word + ": " + "; ".join(
            f"'{r.concept}' from {r.first_period}" for r in later.itertuples()) + ".")
    if len(fades):
        out.append(f"- Not used in the last {word} ({s.last_period}): " + ", ".join(f"'{c}'" for c in fades["concept"]) + ".")
    thru = fa[fa["pattern"] == "throughout"]
    if len(thru):
        out.append(f"- Used in every {word}: " + ", ".join(f"'{c}'" for c in thru["concept"]) + ".")
    first, last = trends.sort_values("period_start")["period"].iloc[[0, -1]]
    ends = trends[trends["period"].isin([first, last])].pivot(index="concept", columns="period", values="per_1k")
    change = (ends[last] - ends[first]).sort_values(kind="stable")
    up, down = change.index[-1], change.index[0]
    if change.iloc[-1] > 0:
        out.append(f"- Largest rise from {first} to {last}: '{up}', {_fmt(ends.loc[up, first])} to "
                   f"{_fmt(ends.loc[up, last])} per 1,000 words ({_separation(trends, 'concept', up, first, last)})")
        if change.iloc[0] < 0:
            out[-1] += (f"; largest fall: '{down}', {_fmt(ends.loc[down, first])} to {_fmt(ends.loc[down, last])} "
                        f"({_separation(trends, 'concept', down, first, last)})")
        out[-1] += "."
    if shifts is not None and len(shifts):
        top = shifts.sort_values(["jsd", "period_from"], ascending=[False, True]).iloc[0]
        ratio = top.jsd / top.jsd_baseline if top.jsd_baseline > 0 else float("inf")
        size = (f"{ratio:.1f} times" if ratio < 10 else "far above") + " what sampling words alone gives"
        out.append(f"- The vocabulary changes most between {top.period_from} and {top.period_to} "
                   f"(Jensen-Shannon divergence {top.jsd:.3f} bits, {size}: {top.jsd_baseline:.3f}).")
    if emerging is not None and len(emerging):
        em, fa_ = emerging[emerging["direction"] == "emerging"], emerging[emerging["direction"] == "fading"]
        cut = pd.Timestamp(emerging["split"].iloc[0])
        out.append(f"- Articles from {cut:%Y-%m-%d} on use more " + (", ".join(f"'{t}'" for t in em["term"].head(5)) or "no term")
                   + " and less " + (", ".join(f"'{t}'" for t in fa_["term"].head(5)) or "no term")
                   + " than earlier ones (largest Log Ratios).")
    if topic_trends is not None and len(topic_trends):
        model = "nmf" if (topic_trends["model"] == "nmf").any() else topic_trends["model"].min()
        t = topic_trends[topic_trends["model"] == model]
        ends = t[t["period"].isin([first, last])].pivot(index="topic", columns="period", values="share")
        if first in ends and last in ends:
            d = (ends[last] - ends[first]).sort_values(kind="stable")
            label = dict(zip(t["topic"], t["label"])) if "label" in t.columns else {}
            top = d.index[-1]
            out.append(f"- Theme with the largest gain in share from {first} to {last} ({model.upper()}): topic {top}"
                       f"{' (' + str(label[top]) + ')' if top in label else ''}, {ends.loc[top, first]:.0%} to "
                       f"{ends.loc[top, last]:.0%} of the words "
                       f"({_separation(t, 'topic', top, first, last)}).")
    out.append("- These are co-occurrences in time: a concept appearing after a milestone is not shown to be caused by it.")
    return "\n".join(out)


def limits(docs: pd.DataFrame, period: str = "year", eras=None, n_boot: int = N_BOOT) -> str:
    """Markdown bullets: what a timeline from this corpus cannot tell."""
    s = dating_summary(docs, period, eras).iloc[0]
    word = PERIOD_WORDS[period]
    out = []
    if s.n_placed == 0:
        out.append(f"- Anything about time: {s.reason[0].lower() + s.reason[1:]}")
    else:
        per = s.n_placed / max(int(s.n_periods), 1)
        sizes = assign_periods(docs, period, eras).value_counts()
        if per < 5:
            out.append(f"- Trends: {per:.1f} articles per {word} on average, so each point is a few texts and a "
                       "change between points may be one author's habit, one outlet's style or one event.")
        if s.n_single:
            out.append(f"- Uncertainty in the {plural(int(s.n_single), word)} with one article: a single text gives "
                       "no interval.")
        few = int(sizes.between(2, 4).sum())
        if few:
            out.append(f"- Uncertainty in the {plural(few, word)} with two to four articles: the bootstrap can only "
                       "recombine those few texts, so its intervals are too narrow.")
        if s.n_span > s.n_periods:
            out.append(f"- Anything about the {plural(int(s.n_span - s.n_periods), word)} with no article.")
    if s.n_undated or s.n_unplaced:
        out.append(f"- Where the {int(s.n_undated + s.n_unplaced):,} undated or coarsely dated articles belong; "
                   "if they differ from the dated ones the timeline is biased.")
    out.append("- Whether the coverage as a whole changed: these are the articles someone collected, not a sample "
               "of English-language coverage, and an outlet's share may change over time.")
    out.append("- Causes: a policy milestone before a change in wording is a coincidence in time; news also reports "
               "events long after the fact, and dates here are publication dates.")
    return "\n".join(out)


def headline(trends: pd.DataFrame, period: str = "year") -> str:
    """The timeline finding in one plain-text sentence, for the report's front page, with how
    much it rests on: how many periods hold a single article (a rate there is one text's)."""
    from egov.timeline.figures import concept_title

    title = concept_title(trends, period=period)
    if trends.empty:
        return title + "."
    sizes = trends.drop_duplicates("period")["n_docs"]
    word = PERIOD_WORDS[period]
    single = int((sizes == 1).sum())
    if single:
        return (f"{title}; {single:,} of {plural(len(sizes), word)} {'holds' if single == 1 else 'hold'} a single "
                "article, so there a rate is one text's.")
    return f"{title}; every {word} holds at least two articles (95% intervals in the timeline notebook)."
