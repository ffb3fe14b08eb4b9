"""Facts, tables and figures for the topics notebook (03), all built from data.

Each finding is a `<what>_facts` function returning a small tidy table (one row; a `case`
column when the finding has several shapes) that notebook 03 words with a template in view
(`egov.report.say`). A finding about one model takes the model's name ("nmf" or "lda") and
gives `model_name` ("NMF") for the sentence. Facts hold numbers and data strings only.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from egov.report import figures
from egov.timeline.periods import year_of
from egov.report.text import plural
from egov.topics.selection import STABLE_ENOUGH, SUBSAMPLE, SWEEP_SETTINGS, TOLERANCE, is_stable
from egov.topics.models import (N_TERMS, PassageTerms, TopicModel, doc_topics, representative_passages, topic_labels,
                                topic_summary, topic_terms)

NO_MODEL = "No topic model: the corpus is too small"
CLEAR_GAP = 0.05  # coherence above the shuffled baseline by at least this much: "clearly" above it


def _row(**values) -> pd.DataFrame:
    return pd.DataFrame([values])


def _model_rows(table: pd.DataFrame, model: str) -> pd.DataFrame:
    return table[table["model"] == model] if "model" in table.columns else table.iloc[0:0]


def units_facts(docs: pd.DataFrame, pt: PassageTerms | None) -> pd.DataFrame:
    """The units the topics are fitted on: passages and the shared vocabulary.

    One row: case ("none": too few passages or terms for a topic model, `reason` says why; "one": a
    single passage; "all": every article gives passages; "dropped": n_dropped articles gave none), n_docs, n_passages,
    median_words, min_words, max_words (per passage), n_dropped, n_terms, min_df (passages),
    max_df_passages and max_df_share (the most passages a term may occur in, as a count and a share).
    Example: units_facts(docs, topic_stage.vocabulary(passages(docs)))
    """
    reason = "" if pt is None else pt.reason
    if pt is None or reason or pt.passages.empty:
        return _row(case="none", reason=reason or "no passages", n_docs=len(docs), n_passages=0, median_words=0,
                    min_words=0, max_words=0, n_dropped=len(docs), n_terms=0, min_df=0, max_df_passages=0,
                    max_df_share=0.0)
    p = pt.passages
    n = len(p)
    if isinstance(pt.max_df, float):
        most, share = int(np.floor(pt.max_df * n)), float(pt.max_df)
    else:
        most, share = int(pt.max_df), int(pt.max_df) / n
    dropped = len(docs) - p["doc_id"].nunique()
    return _row(case="one" if n == 1 else "dropped" if dropped else "all", reason="", n_docs=len(docs), n_passages=n,
                median_words=int(p["n_words"].median()), min_words=int(p["n_words"].min()),
                max_words=int(p["n_words"].max()), n_dropped=int(dropped), n_terms=len(pt.vocab),
                min_df=int(pt.min_df), max_df_passages=most, max_df_share=share)


def known_answer_facts(known: pd.DataFrame) -> pd.DataFrame:
    """What the planted-topic check (topics.planted.known_answer) recovered, over all models.

    One row: case ("pass": every topic is one planted vocabulary, each vocabulary once per model,
    and every article leads with its block's topic; else "fail"), n_models, n_topics (all models),
    n_recovered (topics that are one planted vocabulary, not repeated within their model),
    n_placements (articles x models), n_in_block.
    Example: known_answer_facts(planted.known_answer(42))
    """
    pure = known[known["planted"] != "mixed"]
    n_recovered = int(pure.groupby("model")["planted"].nunique().sum())
    n_placements, n_in_block = int(known["n_articles"].sum()), int(known["n_in_block"].sum())
    ok = n_recovered == len(known) and n_in_block == n_placements
    return _row(case="pass" if ok else "fail", n_models=int(known["model"].nunique()), n_topics=len(known),
                n_recovered=n_recovered, n_placements=n_placements, n_in_block=n_in_block)


def sweep_facts(sweep: pd.DataFrame) -> pd.DataFrame:
    """What the k sweep ran on: the k tried, the passages, the runs and the lighter fit settings.

    One row: case ("none": no sweep, `reason` says why; "all": on every passage; "sampled": on a
    seeded sample; with "_windows" appended when coherence is counted in windows, not passages),
    reason, ks ("2, 3, 4"), n_ks, k_min, k_max, n_passages, n_sweep_passages, n_runs_nmf, n_runs_lda
    (subsample fits per k of each model; 0 when the model was not swept), subsample_share, n_terms, window (words; 0 = the whole passage), nmf_tol, lda_iterations.
    Example: sweep_facts(topic_stage.sweep(pt, seed=42))
    """
    settings = dict(subsample_share=SUBSAMPLE, n_terms=N_TERMS, nmf_tol=float(SWEEP_SETTINGS["nmf"]["tol"]),
                    lda_iterations=int(SWEEP_SETTINGS["lda"]["iterations"]))
    if sweep.empty:
        return _row(case="none", reason=sweep.attrs.get("reason", "") or "no sweep", ks="", n_ks=0, k_min=0,
                    k_max=0, n_passages=0, n_sweep_passages=0, n_runs_nmf=0, n_runs_lda=0, window=0, **settings)
    row, ks = sweep.iloc[0], sorted(int(k) for k in sweep["k"].unique())
    window = 0 if pd.isna(row["window"]) else int(row["window"])
    case = "all" if row["n_sweep_passages"] == row["n_passages"] else "sampled"
    return _row(case=case + ("_windows" if window else ""), reason="", ks=", ".join(map(str, ks)), n_ks=len(ks),
                k_min=ks[0], k_max=ks[-1], n_passages=int(row["n_passages"]),
                n_sweep_passages=int(row["n_sweep_passages"]), n_runs_nmf=_runs(sweep, "nmf"),
                n_runs_lda=_runs(sweep, "lda"), window=window, **settings)


def _runs(sweep: pd.DataFrame, model: str) -> int:
    """Subsample fits per k of one model in a sweep (0 when the model was not swept)."""
    g = _model_rows(sweep, model)
    return int(g["n_runs"].max()) if len(g) else 0


def choice_facts(sweep: pd.DataFrame, choice: pd.DataFrame, model: str) -> pd.DataFrame:
    """Why one model got its k (selection.choose_k), with the numbers behind the rule.

    One row: case ("stable": some k reach stable_enough; "sketch": none does, so the k within
    `tolerance` of the best count; "unmeasured": no subsample runs; any of these + "_largest" when
    k is the largest k tried (of more than two); "set" / "set_unswept": k given by n_topics, swept
    or not; "none": no choice), model, model_name, k, stability, coherence (at k), best_stability,
    stable_enough, tolerance, stable_ks, n_stable, coherent_ks, n_coherent, top_k and top_coherence (the most coherent
    stable k), noise (its coherence_sd across fits), rule_k (what the rule picks), k_min, k_max.
    Example: choice_facts(sweep, choose_k(sweep), "nmf")
    """
    base = dict(model=model, model_name=model.upper(), stable_enough=STABLE_ENOUGH, tolerance=TOLERANCE)
    c = _model_rows(choice, model)
    g = _model_rows(sweep, model)
    if c.empty or g.empty:
        return _row(case="none", **base, k=0, stability=np.nan, coherence=np.nan, best_stability=np.nan,
                    stable_ks="", n_stable=0, coherent_ks="", n_coherent=0, top_k=0, top_coherence=np.nan, noise=np.nan, rule_k=0,
                    k_min=0, k_max=0)
    c, g = c.iloc[0], g.set_index(g["k"].astype(int)).sort_index()
    stable = [int(k) for k in str(c["stable_ks"]).split(", ")]
    coherent = [int(k) for k in str(c["coherent_ks"]).split(", ")]
    top = int(g.loc[stable, "coherence"].idxmax())
    best = float(g["stability"].max())
    k = int(c["k"])
    if str(c["rule"]).startswith("set"):
        case = "set" if k in g.index else "set_unswept"
    else:
        case = "unmeasured" if np.isnan(best) else "stable" if is_stable(g).any() else "sketch"
        case += "_largest" if len(g) > 2 and k == g.index.max() else ""
    noise = float(g.loc[top, "coherence_sd"])
    return _row(case=case, **base, k=k, stability=float(c["stability"]), coherence=float(c["coherence"]),
                best_stability=best, stable_ks=", ".join(map(str, stable)), n_stable=len(stable),
                coherent_ks=", ".join(map(str, coherent)), n_coherent=len(coherent),
                top_k=top, top_coherence=float(g.loc[top, "coherence"]), noise=0.0 if np.isnan(noise) else noise,
                rule_k=max(coherent), k_min=int(g.index.min()), k_max=int(g.index.max()))


def fit_facts(models: dict[str, TopicModel], model: str) -> pd.DataFrame:
    """How one final model was fitted (its settings as used).

    One row: case ("converged" / "limit": NMF stopped by its tolerance or at max_iter; "gibbs":
    LDA by collapsed Gibbs sampling; "none": no model), model, model_name, k, n_passages, n_iter
    (iterations or Gibbs sweeps), max_iter, tol (NMF), alpha, eta (LDA priors), n_fits (final fits
    tried, the most coherent kept), start (the kept NMF fit's start: "NNDSVDa" or "seeded random"),
    n_fitted (passages fitted: a period-stratified sample past topics.sample.MAX_FIT_PASSAGES) and
    n_inferred (passages whose shares were inferred under the fitted topics; 0 when all were fitted).
    Example: fit_facts(topic_stage.fit(pt, choice), "lda")
    """
    base = dict(model=model, model_name=model.upper())
    tm = models.get(model)
    if tm is None:
        return _row(case="none", **base, k=0, n_passages=0, n_fitted=0, n_inferred=0, n_iter=0, max_iter=0,
                    tol=np.nan, alpha=np.nan, eta=np.nan, n_fits=0, start="")
    s = tm.settings
    if model == "nmf":
        case = "converged" if s["converged"] else "limit"
        extra = dict(max_iter=int(s["max_iter"]), tol=float(s["tol"]), alpha=np.nan, eta=np.nan,
                     start="seeded random" if s.get("init") == "random" else "NNDSVDa")
    else:
        case = "gibbs"
        extra = dict(max_iter=int(s["iterations"]), tol=np.nan, alpha=float(s["alpha"]), eta=float(s["eta"]), start="")
    extra["n_fits"] = int(s.get("fits_tried", 1))
    n = len(tm.terms.passages)
    return _row(case=case, **base, k=int(tm.k), n_passages=n, n_fitted=int(s.get("n_fitted", n)),
                n_inferred=int(s.get("n_inferred", 0)), n_iter=int(s["n_iter"]), **extra)


def topics_facts(summary: pd.DataFrame, model: str) -> pd.DataFrame:
    """One model's largest and most coherent topic (from a topic_summary table).

    One row: case ("none": no model; "one": a single topic; "some"), model, model_name, k,
    topic, label, share (the largest topic, share of the words), coherent_topic, coherent_label,
    coherence (NPMI of the most coherent topic). Ties go to the lower topic number.
    Example: topics_facts(stage.summary, "nmf")
    """
    g = _model_rows(summary, model)
    base = dict(model=model, model_name=model.upper(), k=len(g))
    if g.empty:
        return _row(case="none", **base, topic=0, label="", share=np.nan, coherent_topic=0, coherent_label="",
                    coherence=np.nan)
    big = g.sort_values(["share", "topic"], ascending=[False, True]).iloc[0]
    coh = g.sort_values(["coherence", "topic"], ascending=[False, True]).iloc[0]
    return _row(case="one" if len(g) == 1 else "some", **base, topic=int(big["topic"]), label=big["label"],
                share=float(big["share"]), coherent_topic=int(coh["topic"]), coherent_label=coh["label"],
                coherence=float(coh["coherence"]))


def concentration_facts(shares: pd.DataFrame, model: str) -> pd.DataFrame:
    """How much of each article one topic holds, for one model (from a doc_topics table).

    One row: case ("none": no model; "one": one article; "some"), model, model_name, n_docs,
    median_lead_share (the median article's share of words in its leading topic), n_half (articles
    with at least half their words in one topic). Example: concentration_facts(stage.doc_topics, "nmf")
    """
    g = _model_rows(shares, model)
    lead = g.groupby("doc_id")["share"].max()
    case = "none" if lead.empty else "one" if len(lead) == 1 else "some"
    return _row(case=case, model=model, model_name=model.upper(), n_docs=len(lead),
                median_lead_share=float(lead.median()) if len(lead) else np.nan, n_half=int((lead >= 0.5).sum()))


def matches_facts(matches: pd.DataFrame, min_shared: int = 3) -> pd.DataFrame:
    """How many topics two models share (from selection.match_topics, run with `min_shared`).

    One row: case ("none": no models; "zero": no pair; "all": every topic paired; "some"), model_a_name, model_b_name,
    n_both, n_only_a, n_only_b, min_shared, n_terms, and the closest pair (most shared terms,
    then lowest topic_a): topic_a, topic_b, n_shared, shared_terms ("a, b, c"; empty without a pair).
    Example: matches_facts(match_topics(topic_terms(nmf), topic_terms(lda)))
    """
    base = dict(min_shared=min_shared, n_terms=N_TERMS)
    if matches.empty:
        return _row(case="none", model_a_name="", model_b_name="", n_both=0, n_only_a=0, n_only_b=0, **base,
                    topic_a=0, topic_b=0, n_shared=0, shared_terms="")
    a, b = matches["model_a"].iloc[0], matches["model_b"].iloc[0]
    both = matches[matches["found_by"] == "both"]
    top = both.sort_values(["n_shared", "topic_a"], ascending=[False, True]).head(1)
    pair = (dict(topic_a=int(top["topic_a"].iloc[0]), topic_b=int(top["topic_b"].iloc[0]),
                 n_shared=int(top["n_shared"].iloc[0]), shared_terms=str(top["shared_terms"].iloc[0]))
            if len(top) else dict(topic_a=0, topic_b=0, n_shared=0, shared_terms=""))
    only_a, only_b = int((matches["found_by"] == f"{a} only").sum()), int((matches["found_by"] == f"{b} only").sum())
    case = "zero" if both.empty else "some" if only_a or only_b else "all"
    return _row(case=case, model_a_name=a.upper(), model_b_name=b.upper(), n_both=len(both), n_only_a=only_a,
                n_only_b=only_b, **base, **pair)


def baseline_facts(baseline: pd.DataFrame, model: str) -> pd.DataFrame:
    """One model's coherence on the real passages against the same passages with words shuffled.

    One row: case ("clearly": real - shuffled >= CLEAR_GAP; "barely": above by less; "not": not
    above; "none": no baseline), model, model_name, k, coherence, shuffled_coherence, gap,
    clear_gap, n_passages. Example: baseline_facts(topic_stage.baseline(pt, choice), "nmf")
    """
    g = _model_rows(baseline, model).set_index("corpus") if not baseline.empty else pd.DataFrame()
    base = dict(model=model, model_name=model.upper(), clear_gap=CLEAR_GAP)
    if g.empty:
        return _row(case="none", **base, k=0, coherence=np.nan, shuffled_coherence=np.nan, gap=np.nan, n_passages=0)
    real, shuffled = float(g.loc["passages", "coherence"]), float(g.loc["shuffled", "coherence"])
    gap = real - shuffled
    case = "clearly" if gap >= CLEAR_GAP else "barely" if gap > 0 else "not"
    return _row(case=case, **base, k=int(g.loc["passages", "k"]), coherence=real, shuffled_coherence=shuffled,
                gap=gap, n_passages=int(g.loc["passages", "n_passages"]))


def headline_facts(summary: pd.DataFrame, choice: pd.DataFrame, sweep: pd.DataFrame,
                   model: str = "nmf") -> pd.DataFrame:
    """The front page's finding: one model's k, how stable it is, and its largest topic.

    One row: case ("stable": stability at k reaches stable_enough; "unstable"; "unmeasured": k
    not swept or no subsample runs; "none": no model), model_name, k, stability (the model's own,
    at k), stable_enough, label, share (the largest topic's share of the words).
    Example: report.words(TEMPLATE, headline_facts(stage.summary, stage.choice, stage.sweep))
    """
    big = topics_facts(summary, model).iloc[0]
    c = _model_rows(choice, model)
    k = int(c["k"].iloc[0]) if len(c) else int(big["k"])
    rows = _model_rows(sweep, model)
    rows = rows[rows["k"] == k] if len(rows) else rows
    at_k = float(rows["stability"].mean()) if len(rows) else np.nan
    case = ("none" if big["case"] == "none" else "unmeasured" if pd.isna(at_k) else
            "stable" if is_stable(rows).any() else "unstable")
    return _row(case=case, model_name=model.upper(), k=k, stability=float(at_k), stable_enough=STABLE_ENOUGH,
                label=big["label"], share=float(big["share"]))


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
    runs = ", ".join(f"{m.upper()} 1 + {_runs(sweep, m)}" for m in ("nmf", "lda") if _runs(sweep, m))
    figures.caption(fig, f"Source: egov topic sweep on {int(row['n_sweep_passages']):,} passages; "
                         f"means over the fits per k ({runs}); ring: the k chosen for each model.")
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








def baseline_table(baseline: pd.DataFrame) -> pd.DataFrame:
    """Baseline coherence rounded for display."""
    return baseline.round({"coherence": 3, "coherence_min": 3, "coherence_max": 3})




def representatives(tm: TopicModel, n: int = 2) -> pd.DataFrame:
    """The n passages most devoted to each topic, quoted (display view)."""
    if tm is None:
        return pd.DataFrame(columns=["topic", "label", "rank", "doc_id", "share", "quote"])
    r = representative_passages(tm, n=n, max_words=45)
    return r.assign(share=r["share"].round(2))[["topic", "label", "rank", "doc_id", "share", "quote"]]

