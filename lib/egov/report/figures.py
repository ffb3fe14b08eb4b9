"""Figures: one house style and byte-stable saving.

Okabe-Ito colours for categories, cividis for sequences; `save` writes PNG and SVG
whose bytes depend only on the figure, not on when or where it was drawn.

Chinese labels: importing this module registers Noto Sans CJK SC (shipped by the pinned
`mplfonts` package, SIL Open Font Licence) with matplotlib under its own family name
(`CJK_FAMILY`), and the house style draws text with DejaVu Sans first and that font as
fallback, so English figures keep their glyphs and bytes and Chinese (Simplified or
Traditional) is never drawn as missing-glyph boxes, whatever fonts the machine has.
"""
from __future__ import annotations

import dataclasses
import re
import tempfile
import textwrap
import unicodedata
from importlib.resources import files
from pathlib import Path

import matplotlib
import matplotlib.font_manager as font_manager
import matplotlib.pyplot as plt

from egov import resources

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
SEQUENTIAL = "cividis"
WIDTH_IN = 8.0  # readable at the width of a page
MAX_ARTICLE_ROWS = 40  # past this many articles, a figure with a row per article shows a row per year
TITLE_CHARS, CAPTION_CHARS = 80, 125  # characters per line that fit WIDTH_IN (12 pt bold title, 8 pt caption)

LATIN_FAMILY = "DejaVu Sans"  # matplotlib's own default, so English figures are unchanged
CJK_FAMILY = "egov Noto Sans CJK SC"  # our name for the registered file, distinct from a system copy


def cjk_font_path() -> Path:
    """The Noto Sans CJK SC file that the figures use for Chinese (from the `mplfonts` package).

    Example: cjk_font_path().name == "NotoSansCJKsc-Regular.otf"
    """
    path = Path(str(files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf"))
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the CJK font for Chinese figure labels is missing; "
                                "pip install -r requirements.txt (it comes with mplfonts)")
    return path


def register_cjk_font() -> str:
    """Add the CJK font to matplotlib's font list under `CJK_FAMILY` (idempotent); returns that name.

    A machine's own copy of Noto Sans CJK (e.g. Debian's fonts-noto-cjk) has the family name
    "Noto Sans CJK SC" too; our own name makes every machine draw with the same file.
    """
    if not any(f.name == CJK_FAMILY for f in font_manager.fontManager.ttflist):
        path = cjk_font_path()
        entry = font_manager.ttfFontProperty(font_manager.get_font(str(path)))
        # The package ships the Regular weight only: it also stands for bold (titles), so bold Chinese
        # is drawn in Regular strokes rather than matplotlib logging a failed bold look-up.
        for weight in (400, 700):
            font_manager.fontManager.ttflist.append(dataclasses.replace(entry, name=CJK_FAMILY, weight=weight))
        font_manager.fontManager._findfont_cached.cache_clear()  # a name not found before may be cached
    return CJK_FAMILY


register_cjk_font()

STYLE = {
    "font.family": [LATIN_FAMILY, CJK_FAMILY],  # fallback per glyph: Latin from DejaVu, Han from Noto CJK
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


def display_width(text: str) -> int:
    """Columns a label takes: Chinese, Japanese and Korean characters and full-width forms count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def short_label(text: str, width: int = 60) -> str:
    """`text` cut to `width` columns (CJK counted double) with an ellipsis, so one long file name
    does not squeeze the plot. Example: short_label("a" * 70, 10) == "aaaaaaaaa…"
    """
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


_UNITS = re.compile(r"\s+|[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")


def wrap(text: str, width: int, **latin) -> str:
    """Lines of at most `width` columns. Latin text wraps exactly as textwrap.fill(text, width, **latin);
    text with Chinese characters (two columns each, no spaces between words) may also break
    between any two of them. Example: wrap("数字政府" * 30, 80).count("\n") == 2
    """
    if display_width(text) == len(text):
        return textwrap.fill(text, width, **latin)
    lines, line, used = [], "", 0
    for unit in _UNITS.findall(text):
        w = display_width(unit)
        if unit.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + w > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + unit, used + w
    lines.append(line.rstrip())
    return "\n".join(lines)


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
    fig.suptitle(wrap(title, TITLE_CHARS), x=0.01, ha="left", fontsize=12, fontweight="bold")
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
    fig.supxlabel(wrap(text, CAPTION_CHARS), fontsize=8, color="#444444", x=0.01, ha="left")


def output_dir(corpus: str | Path, out: str | Path | None, figures_dir: str | Path | None = None) -> Path:
    """Where a notebook saves its figures, so a run on another corpus never overwrites the sample's.

    `figures_dir` when given (`egov build` passes its report's figures/); else the repository's
    committed `figures/` only when `corpus` is the sample ("seeds", or a path to the seeds folder:
    relative, absolute or with a trailing slash) in a checkout; else `<out>/figures`; else, when
    `out` is None, `egov-figures` in the system's temporary folder.
    Example: output_dir("seeds", "../build") -> <checkout>/figures; output_dir("my_articles", "../build") -> ../build/figures
    """
    if figures_dir is not None:
        return Path(figures_dir)
    root = resources.checkout()
    if root is not None and _is_sample(corpus):
        return root / "figures"
    if out is not None:
        return Path(out) / "figures"
    return Path(tempfile.gettempdir()) / "egov-figures"


def _is_sample(corpus: str | Path) -> bool:
    """True for "seeds" (the name load_corpus gives the sample) and for any path to the seeds folder."""
    if str(corpus) == "seeds":
        return True
    try:
        return Path(corpus).resolve() == resources.seeds_dir().resolve()
    except OSError:
        return False


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
    labels = [short_label(f"{d} ({s})" if s else d) for d, s in zip(ordered["doc_id"], ordered["source"].fillna(""))]
    ax.hlines(range(n), 0, ordered["n_words"], color="#999999", linewidth=1)
    ax.plot(ordered["n_words"], range(n), "o", color=OKABE_ITO[4])
    ax.set_yticks(range(n), labels)
    ax.set_xlim(0, None)
    return fig
