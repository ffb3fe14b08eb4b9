"""Prose, tables and figures for the topics notebook (03), all built from data.

Every sentence here must stay true for any corpus: one article, no dates, or tens of
thousands of articles. Data inside Markdown passes through `report.escape`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from egov.report import figures
from egov.timeline.periods import year_of
from egov.report.text import escape, plural
from egov.topics.selection import STABLE_ENOUGH, SWEEP_SETTINGS
from egov.topics.models import TopicModel, doc_topics, representative_passages, topic_labels, topic_summary, topic_terms


NO_MODEL = "No topic model: the corpus is too small"


def units_sentence(docs: pd.DataFrame, pt) -> str:
    """How many passages the articles give and what vocabulary the models share."""
    if pt is None or getattr(pt, "reason", ""):
        return (f"{plural(len(docs), 'article')} give too few passages or shared terms for a topic model; "
                "the sections below say why and stay empty.")
    p = pt.passages
    n_docs = p["doc_id"].nunique()
    dropped = len(docs) - n_docs
    lost = f" {plural(dropped, 'article')} had no text and gave no passage." if dropped else ""
    return (f"{plural(len(docs), 'article')} {'gives' if len(docs) == 1 else 'give'} {plural(len(p), 'passage')} "
            f"(median {int(p['n_words'].median())} words, {int(p['n_words'].min())} to {int(p['n_words'].max())}); "
            f"a passage never crosses an article.{lost} "
            f"Both models share a vocabulary of {plural(len(pt.vocab), 'term')}: lemmas without stopwords that occur "
            f"in at least {pt.min_df} passages and in at most "
            f"{f'{pt.max_df:.0%} of them' if isinstance(pt.max_df, float) else f'{pt.max_df} passages'}.")


def sweep_sentence(sweep: pd.DataFrame, choice: pd.DataFrame, reasons: str = "") -> str:
    """Each model's chosen k with its reasons, and what the sweep ran on (sample, runs, fit settings)."""
    if sweep.empty:
        return (f"**No topic model: {escape(reasons)}.** A topic model needs enough passages (paragraph windows "
                "of 60 to 150 words) and terms shared between them to tell two topics apart; with fewer, any "
                "'topic' would be one passage's vocabulary. Add articles, or read notebook 02's counts instead.")
    row = sweep.iloc[0]
    window = "the passage" if pd.isna(row["window"]) else f"{int(row['window'])}-token windows"
    sample = (f"all {plural(int(row['n_passages']), 'passage')}" if row["n_sweep_passages"] == row["n_passages"] else
              f"a seeded sample of {int(row['n_sweep_passages']):,} of the {int(row['n_passages']):,} passages")
    chosen = " ".join(f"**{escape(r)}**" for r in choice["reason"])
    return (f"{chosen}\n\nThe sweep tried k = {', '.join(str(k) for k in sorted(sweep['k'].unique()))} "
            f"on {sample}: for each k and model one fit on them and {int(row['n_runs'])} on seeded 80% subsamples. "
            f"Stability is the average agreement of the top-10 terms between the first fit and the others "
            f"(1 = same terms in the same order); coherence is NPMI of the top-10 term pairs, counted over "
            f"{window} (−1 never together, 0 independent, 1 always together). The sweep's fits are lighter than "
            f"the final ones (NMF: tolerance {SWEEP_SETTINGS['nmf']['tol']:g}; LDA: "
            f"{SWEEP_SETTINGS['lda']['iterations']} Gibbs sweeps).")


def sweep_figure(sweep: pd.DataFrame, choice: pd.DataFrame):
    """Coherence and stability by k, one line per model, each model's chosen k ringed, the stability bar dashed."""
    if sweep.empty:
        return figures.empty(NO_MODEL, "Too few passages or shared terms to compare numbers of topics.")
    figures.use_style()
    fig, axes = plt.subplots(1, 2, figsize=(figures.WIDTH_IN, 4.0), layout="constrained", sharex=True)
    picked = dict(zip(choice["model"], choice["k"]))
    sketch = [m.upper() for m, rule in zip(choice["model"], choice["rule"]) if rule.startswith("sketch")]
    title = "Chosen: " + ", ".join(f"{m.upper()} k = {k}" for m, k in picked.items()) + (
        f"; no k stable for {' or '.join(sketch)}, so sketches" if sketch else
        ", the finest k both stable and coherent")
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    for ax, col, label in ((axes[0], "coherence", "NPMI coherence (−1 to 1)"),
                           (axes[1], "stability", "Stability: top-term agreement (0 to 1)")):
        for i, (model, g) in enumerate(sweep.groupby("model", sort=True)):
            color = figures.OKABE_ITO[i]
            ax.plot(g["k"], g[col], marker="o", color=color, lw=1.5)
            ax.annotate(model.upper(), (g["k"].iloc[-1], g[col].iloc[-1]), xytext=(4, 0),
                        textcoords="offset points", va="center", color=color, fontsize=9)
            at = g[g["k"] == picked.get(model)]
            ax.scatter(at["k"], at[col], s=160, facecolors="none", edgecolors=color, linewidths=1.8, zorder=3)
        ax.set_xlabel("Number of topics k")
        ax.set_ylabel(label)
        ax.set_xticks(sorted(sweep["k"].unique()))
    axes[1].axhline(STABLE_ENOUGH, color="#555555", lw=1, ls="--")
    axes[1].annotate(f"stable from {STABLE_ENOUGH:g}", (sweep["k"].min(), STABLE_ENOUGH), xytext=(0, 3),
                     textcoords="offset points", fontsize=8, color="#555555")
    row = sweep.iloc[0]
    figures.caption(fig, f"Source: egov topic sweep on {int(row['n_sweep_passages']):,} passages; "
                         f"means over 1 + {int(row['n_runs'])} fits per k and model; ring: the k chosen for "
                         "each model.")
    return fig


def topic_table(*models: TopicModel | pd.DataFrame) -> pd.DataFrame:
    """One row per model and topic: label, share of the corpus, coherence, top terms (rounded for display).

    Takes fitted models or summary tables (`TopicStage.summary`, made by topics.topic_summary).
    Example: topic_table(stage.summary)
    """
    t = pd.concat([m if isinstance(m, pd.DataFrame) else topic_summary(m) for m in models], ignore_index=True)
    return t.assign(share=t["share"].round(3), coherence=t["coherence"].round(3))


def topics_export(*models: TopicModel) -> pd.DataFrame:
    """The `topics` table of the issue: model, topic, label, rank, term, weight."""
    return pd.concat([topic_terms(tm) for tm in models], ignore_index=True)


def doc_topics_export(*models: TopicModel) -> pd.DataFrame:
    """The `doc_topics` table: model, doc_id, topic, share (each article sums to 1 per model)."""
    return pd.concat([doc_topics(tm) for tm in models], ignore_index=True)


def topics_sentence(table: pd.DataFrame) -> str:
    """Largest and most coherent topic per model."""
    if table.empty:
        return "No topics: no model was fitted."
    parts = []
    for model, g in table.groupby("model", sort=False):
        big = g.sort_values(["share", "topic"], ascending=[False, True]).iloc[0]
        coh = g.sort_values(["coherence", "topic"], ascending=[False, True]).iloc[0]
        parts.append(f"In {model.upper()} the largest topic is {int(big.topic)} (*{escape(big.label)}*, "
                     f"{big.share:.0%} of the words) and the most coherent is {int(coh.topic)} "
                     f"(*{escape(coh.label)}*, NPMI {coh.coherence:.2f}).")
    return " ".join(parts) + (" Labels are the top three terms, not interpretations; read the passages below "
                              "before naming a topic.")


def _ordered_articles(docs: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """Articles by date (undated last, then doc_id), with their label for the heatmap."""
    meta = docs[["doc_id"]].assign(date=docs["date"] if "date" in docs else pd.NaT)
    meta = meta[meta["doc_id"].isin(shares["doc_id"])]
    meta = meta.sort_values(["date", "doc_id"], na_position="last", kind="stable")
    meta["label"] = [figures.short_label(f"{d:%Y-%m-%d}  {i}" if pd.notna(d) else f"undated  {i}")
                     for i, d in zip(meta.doc_id, meta.date)]
    return meta


def _year_shares(docs: pd.DataFrame, wide: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Each year's topic shares (its articles' shares weighted by their words; 'undated' last) and row labels."""
    meta = docs.set_index("doc_id").loc[wide.index]
    group = pd.Series(year_of(meta.reset_index()).to_numpy(), index=meta.index)
    weights = meta["n_words"].astype(float) if "n_words" in meta else pd.Series(1.0, index=meta.index)
    totals = wide.mul(weights, axis=0).groupby(group).sum()
    grid = totals.div(weights.groupby(group).sum(), axis=0)
    order = sorted(grid.index)  # years, then "undated"
    sizes = group.value_counts()
    return grid.loc[order], [f"{g} ({sizes[g]:,})" for g in order]


def heatmap(docs: pd.DataFrame, shares: pd.DataFrame, tm: TopicModel, max_rows: int = figures.MAX_ARTICLE_ROWS):
    """Articles (rows, oldest first) by topic (columns) of one model, cells = share of the article;
    past `max_rows` articles the rows are years, each the word-weighted average of its articles."""
    if tm is None or shares.empty:
        return figures.empty(NO_MODEL, "No article can be placed on topics without a topic model.")
    s = shares[shares["model"] == tm.model]
    meta = _ordered_articles(docs, s)
    wide = s.pivot(index="doc_id", columns="topic", values="share").loc[meta["doc_id"]]
    lead = wide.idxmax(axis=1).value_counts().sort_index()
    top_topic = int(lead.idxmax())
    labels = topic_labels(tm)
    n = len(wide)
    if lead.max() > 1 or n == 1:
        title = f"Topic {top_topic} ({labels[top_topic - 1]}) leads in {lead.max():,} of {plural(n, 'article')}"
    else:
        title = f"Each of the {n} articles has a different leading topic"
    if n <= max_rows:
        grid, rows, ylabel = wide, meta["label"].tolist(), "Article (oldest first)"
        cell = "cell = topic's share of the article's words (passages weighted by length)"
    else:
        (grid, rows), ylabel = _year_shares(docs, wide), "Year of publication (articles)"
        cell = "cell = topic's share of the year's words (articles weighted by length)"
    height = min(9.0, max(4.0, 1.6 + 0.3 * len(rows)))
    fig, ax = figures.new(title, f"{tm.model.upper()} topic (top three terms)", ylabel, height=height,
                          source=f"Source: egov {tm.model.upper()} on {len(tm.terms.passages):,} passages of "
                                 f"{n:,} articles; {cell}.")
    im = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap=figures.SEQUENTIAL, vmin=0, vmax=1,
                   interpolation="nearest")
    ax.set_xticks(range(tm.k), [f"{t}: {lab}" for t, lab in enumerate(labels, start=1)], rotation=30, ha="right",
                  fontsize=8)
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    fig.colorbar(im, ax=ax, label="Share of words", shrink=0.8)
    return fig


def heatmap_sentence(shares: pd.DataFrame) -> str:
    """How concentrated the articles are on one topic, per model."""
    if shares.empty:
        return "No topic shares: no model was fitted."
    parts = []
    for model, g in shares.groupby("model", sort=False):
        top = g.groupby("doc_id")["share"].max()
        parts.append(f"{model.upper()}: the median article puts {top.median():.0%} of its words in its leading "
                     f"topic, and {int((top >= 0.5).sum()):,} of {plural(len(top), 'article')} "
                     f"{'puts' if len(top) == 1 else 'put'} at least half there")
    return "; ".join(parts) + ". Shares are the passages' topic shares averaged with their lengths as weights."


def matches_sentence(matches: pd.DataFrame) -> str:
    """How many topics both models find."""
    if matches.empty:
        return "Nothing to compare: no model was fitted."
    both = matches[matches["found_by"] == "both"]
    a, b = matches["model_a"].iloc[0].upper(), matches["model_b"].iloc[0].upper()
    only_a = int((matches["found_by"] == f"{matches['model_a'].iloc[0]} only").sum())
    only_b = int((matches["found_by"] == f"{matches['model_b'].iloc[0]} only").sum())
    found = (f"{len(both)} topics are found by both {a} and {b} (paired by overlap of their top-10 terms, "
             f"at least 3 shared)" if len(both) != 1 else f"1 topic is found by both {a} and {b} (paired by "
             f"overlap of their top-10 terms, at least 3 shared)")
    best = ""
    if len(both):
        top = both.sort_values(["n_shared", "topic_a"], ascending=[False, True]).iloc[0]
        best = (f"; the closest pair, {a} {int(top.topic_a)} and {b} {int(top.topic_b)}, shares "
                f"{int(top.n_shared)} of 10 terms (*{escape(top.shared_terms)}*)")
    return (f"{found}{best}. {only_a} {a} and {only_b} {b} topics have no counterpart: treat those as "
            "artefacts of one model until the passages say otherwise.")


def fits_sentence(*models: TopicModel) -> str:
    """How the final models were fitted, with the lighter LDA fitting named when it was used."""
    parts = []
    for tm in (m for m in models if m is not None):
        s, n = tm.settings, len(tm.terms.passages)
        if tm.model == "nmf":
            parts.append(f"NMF ran coordinate descent from an NNDSVDa start for {s['n_iter']} iterations "
                         f"({'converged' if s['converged'] else 'stopped at the limit'}, tolerance {s['tol']:g})")
        else:
            parts.append(f"LDA ran {int(s['iterations'])} sweeps of collapsed Gibbs sampling (tomotopy; "
                         f"document-topic prior {s['alpha']:g}, topic-word prior {s['eta']:g}) over the {n:,} passages")
    return "Final fits: " + "; ".join(parts) + "." if parts else ""


def baseline_table(baseline: pd.DataFrame) -> pd.DataFrame:
    """Baseline coherence rounded for display."""
    return baseline.round({"coherence": 3, "coherence_min": 3, "coherence_max": 3})


def baseline_sentence(baseline: pd.DataFrame) -> str:
    """Real vs shuffled coherence per model, with the honest verdict."""
    if baseline.empty:
        return "No baseline: no model was fitted."
    w = baseline.pivot(index="model", columns="corpus", values="coherence")
    parts = []
    for model, r in w.iterrows():
        gap = r["passages"] - r["shuffled"]
        verdict = ("clearly above the shuffled baseline" if gap >= 0.05 else
                   "barely above the shuffled baseline" if gap > 0 else "not above the shuffled baseline")
        parts.append(f"{model.upper()} topics score {r['passages']:.3f} on the real passages against "
                     f"{r['shuffled']:.3f} on shuffled ones ({verdict})")
    n = int(baseline["n_passages"].iloc[0])
    return ("; ".join(parts) + f". Shuffling moves every word to a random passage but keeps passage lengths and "
            f"word frequencies, so topics that beat it capture words that really occur together "
            f"({plural(n, 'passage')}, same k and settings).")


def representatives(tm: TopicModel, n: int = 2) -> pd.DataFrame:
    """The n passages most devoted to each topic, quoted (display view)."""
    if tm is None:
        return pd.DataFrame(columns=["topic", "label", "rank", "doc_id", "share", "quote"])
    r = representative_passages(tm, n=n, max_words=45)
    return r.assign(share=r["share"].round(2))[["topic", "label", "rank", "doc_id", "share", "quote"]]


def headline(table: pd.DataFrame, k: int | pd.DataFrame, sweep: pd.DataFrame) -> str:
    """Plain-text headline for the report's front page: the first model's k (an int or the choose_k
    table), "stable" when its own stability at k reaches STABLE_ENOUGH, and its largest topic."""
    if table.empty:
        return "No topic model: the corpus gives too few passages or shared terms."
    model = table["model"].iloc[0]
    if isinstance(k, pd.DataFrame):
        k = int(k.set_index("model").loc[model, "k"])
    top = table[table["model"] == model].sort_values("share", ascending=False).iloc[0]
    at_k = sweep.loc[(sweep["k"] == k) & (sweep["model"] == model), "stability"].mean()
    sure = (f"stable ({at_k:.2f})" if at_k >= STABLE_ENOUGH else
            f"unstable ({at_k:.2f}, below {STABLE_ENOUGH:g}: read as sketches)" if pd.notna(at_k) else
            "stability not measured")
    return (f"{k} {model.upper()} topics, {sure}; the largest is '{top.label}' with {top.share:.0%} of the words.")
