"""Figures: one house style and byte-stable saving.

Okabe-Ito colours for categories, cividis for sequences; `save` writes PNG and SVG
whose bytes depend only on the figure, not on when or where it was drawn.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
SEQUENTIAL = "cividis"
WIDTH_IN = 8.0  # readable at the width of a page
MAX_ARTICLE_ROWS = 40  # past this many articles, a figure with a row per article shows a row per year
TITLE_CHARS, CAPTION_CHARS = 80, 125  # characters per line that fit WIDTH_IN (12 pt bold title, 8 pt caption)

STYLE = {
    "figure.figsize": (WIDTH_IN, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "image.cmap": SEQUENTIAL,
    "svg.hashsalt": "egov",  # fixed ids in SVG output
    "svg.fonttype": "path",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the house style to matplotlib (idempotent)."""
    plt.rcParams.update(STYLE)


def new(title: str, xlabel: str, ylabel: str, *, height: float = 4.5, source: str = ""):
    """A styled figure with one axes, its finding as title and labelled axes.

    Returns (fig, ax). `source` becomes a caption under the plot.
    Example: fig, ax = new("Most articles are from 2019", "Year", "Articles")
    """
    use_style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    fig.suptitle(textwrap.fill(title, TITLE_CHARS), x=0.01, ha="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if source:
        caption(fig, source)
    return fig, ax


def empty(title: str, text: str):
    """A small figure that states why there is nothing to draw (so a page never lacks its figure)."""
    fig, ax = new(title, "", "", height=2.0)
    ax.axis("off")
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=10, wrap=True)
    return fig


def caption(fig, text: str) -> None:
    """Put a small source/explanation line under the figure, wrapped to its width (data make it any length)."""
    fig.supxlabel(textwrap.fill(text, CAPTION_CHARS), fontsize=8, color="#444444", x=0.01, ha="left")


def save(fig, stem: str, directory: str | Path = "../figures") -> None:
    """Write `<directory>/<stem>.png` and `.svg`, byte-stable across runs.

    Returns nothing, so a notebook cell ending in save() shows the figure once.
    Example: save(fig, "01_corpus__per_year", "../figures")
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    with plt.rc_context({"svg.hashsalt": "egov"}):
        fig.savefig(paths[0], format="png", metadata={"Software": None})
        fig.savefig(paths[1], format="svg", metadata={"Date": None, "Creator": None})
    paths[1].write_text(_stable_clip_ids(paths[1].read_text(encoding="utf-8")), encoding="utf-8")


def _stable_clip_ids(svg: str) -> str:
    """Number the SVG's clip-path ids in order of appearance.

    matplotlib hashes a clip rectangle's full-precision floats into its id, so layout noise
    far below the written precision (1e-14) would change the bytes of an identical drawing.
    """
    order: dict[str, str] = {}
    for match in re.finditer(r"\b(p[0-9a-f]{10})\b", svg):
        order.setdefault(match.group(1), f"clip{len(order) + 1:04d}")
    return re.sub(r"\b(p[0-9a-f]{10})\b", lambda m: order[m.group(1)], svg) if order else svg


def articles_per_year(table, n_undated: int = 0):
    """Bar chart of a per_year table (year, n_articles), its title the busiest year.

    Returns the figure. Example: articles_per_year(overview.per_year(docs))
    """
    if table.empty:
        fig, ax = new("No article has a date, so none can be placed in time", "Year", "Articles per year")
        ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        return fig
    top = table.sort_values(["n_articles", "year"], ascending=[False, True]).iloc[0]
    total = int(table["n_articles"].sum())
    if top.n_articles <= 1:
        title = f"At most one article a year: {total} dated articles over {len(table)} years"
    else:
        title = f"{int(top.n_articles)} of {total} dated articles are from {int(top.year)}"
    note = f"; {n_undated} undated article(s) not shown" if n_undated else ""
    fig, ax = new(title, "Year of publication", "Articles per year",
                  source=f"Source: egov corpus load, {total} dated articles{note}.")
    ax.bar(table["year"], table["n_articles"], color=OKABE_ITO[4], width=0.7)
    ax.set_xticks(table["year"], [str(y) for y in table["year"]], rotation=45 if len(table) > 12 else 0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


def article_lengths(docs):
    """Dot plot of each article's length in words, longest first (top 40 and a histogram beyond that)."""
    n = len(docs)
    median = int(docs["n_words"].median())
    title = f"Articles run from {docs['n_words'].min():,} to {docs['n_words'].max():,} words (median {median:,})"
    if n > 40:
        fig, ax = new(title, "Article length (words)", "Articles", source=f"Source: egov corpus load, {n:,} articles.")
        ax.hist(docs["n_words"], bins=40, color=OKABE_ITO[4])
        return fig
    ordered = docs.sort_values(["n_words", "doc_id"], ascending=[True, True])
    fig, ax = new(title, "Article length (words, after cleaning)", "", height=max(2.5, 0.35 * n + 1.5),
                  source=f"Source: egov corpus load, {n} articles.")
    labels = [f"{d} ({s})" if s else d for d, s in zip(ordered["doc_id"], ordered["source"].fillna(""))]
    ax.hlines(range(n), 0, ordered["n_words"], color="#999999", linewidth=1)
    ax.plot(ordered["n_words"], range(n), "o", color=OKABE_ITO[4])
    ax.set_yticks(range(n), labels)
    ax.set_xlim(0, None)
    return fig
