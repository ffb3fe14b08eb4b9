"""Figures for notebook 02 (terms): concepts per article (or year), words over-used against general English."""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.report import figures
from egov.report.text import plural
from egov.terms.report import concept_totals, in_date_order
from egov.timeline.periods import year_of

__all__ = ["concept_figure", "english_figure"]


def concept_figure(docs: pd.DataFrame, concepts: pd.DataFrame):
    """Heatmap of concept mentions per 1,000 words: articles (or years, past 40 articles) by date x concepts."""
    totals = concept_totals(docs, concepts)
    used = totals[totals["count"] > 0]["concept"].tolist() or totals["concept"].tolist()
    order = in_date_order(docs)
    if len(docs) <= figures.MAX_ARTICLE_ROWS:
        rows = order["doc_id"].tolist()
        labels = [f"{d:%Y-%m-%d} {i[:3]}" if pd.notna(d) else f"undated {i[:3]}"
                  for d, i in zip(order.get("date", pd.Series(pd.NaT, index=order.index)), order["doc_id"])]
        grid = concepts.pivot_table(index="doc_id", columns="concept", values="per_1k", aggfunc="sum")
        counts = concepts.pivot_table(index="doc_id", columns="concept", values="count", aggfunc="sum")
        ylabel = "Article (date, doc_id prefix)"
    else:
        year = pd.Series(year_of(order).to_numpy(), index=order["doc_id"])
        sub = concepts.assign(group=concepts["doc_id"].map(year))
        words = order.assign(group=order["doc_id"].map(year)).groupby("group")["n_words"].sum()
        counts = sub.pivot_table(index="group", columns="concept", values="count", aggfunc="sum")
        grid = counts.div(words, axis=0) * 1000.0
        rows = labels = sorted(counts.index)
        ylabel = "Year of publication"
    grid, counts = grid.reindex(index=rows, columns=used).fillna(0), counts.reindex(index=rows, columns=used).fillna(0)
    top = totals.iloc[0]
    title = (f"'{top.concept}' is the most used concept: {int(top['count']):,} mentions in "
             f"{int(top.n_articles):,} of {plural(len(docs), 'article')}" if top["count"] > 0 else
             "No concept of concepts.csv occurs in this corpus")
    fig, ax = figures.new(title, "Concept", ylabel, height=min(12.0, max(3.0, 0.4 * len(rows) + 2.5)),
                          source=f"Source: egov concepts.csv matched in {len(docs):,} articles; "
                                 "colour = mentions per 1,000 words, number = mentions.")
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap=figures.SEQUENTIAL, vmin=0)
    ax.set_xticks(range(len(used)), used, rotation=35, ha="right")
    ax.set_yticks(range(len(rows)), labels)
    if len(rows) * len(used) <= 400:
        peak = float(grid.to_numpy().max(initial=0.0)) or 1.0
        for (i, j), value in np.ndenumerate(counts.to_numpy()):
            if value:
                ax.text(j, i, f"{int(value)}", ha="center", va="center", fontsize=8,
                        color="black" if grid.iat[i, j] > 0.6 * peak else "white")
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="Mentions per 1,000 words", shrink=0.8)
    return fig


def english_figure(vs_english: pd.DataFrame, n: int = 15):
    """Bars of Log Ratio for the `n` strongest over-used words vs general English, labelled with counts."""
    top = vs_english[vs_english["g2"] > 0].head(n).iloc[::-1]
    if top.empty:
        fig, ax = figures.new("No word is over-used compared with general English", "Log Ratio", "")
        return fig
    best = top.iloc[-1]
    title = (f"'{best.term}' is {2 ** best.log_ratio:,.0f} times as frequent here as in general English")
    fig, ax = figures.new(title, "Log Ratio (log2 of relative frequency, corpus / general English)", "",
                          height=max(3.0, 0.3 * len(top) + 1.8),
                          source=f"Source: egov corpus vs wordfreq English; top {len(top)} words by G2; "
                                 "label = occurrences in the corpus.")
    absent = (top["english_per_million"] == 0).to_numpy()
    colours = [figures.OKABE_ITO[5] if a else figures.OKABE_ITO[4] for a in absent]
    ax.barh(range(len(top)), top["log_ratio"], color=colours)
    ax.set_yticks(range(len(top)), top["term"])
    for i, (lr, c, a) in enumerate(zip(top["log_ratio"], top["count_target"], absent)):
        ax.text(lr, i, f" {int(c):,}" + (" (not in the English list: 0.5 assumed)" if a else ""),
                va="center", fontsize=8)
    ax.set_xlim(0, float(top["log_ratio"].max()) * (1.5 if absent.any() else 1.12))
    return fig
