"""`egov build`: run every notebook on a corpus and write a shareable HTML report.

Each notebook in notebooks/ runs in order, in a fresh kernel, with the corpus as a
papermill parameter; each becomes one self-contained HTML page (figures embedded),
and index.html links them. Tables and figures land in <out>/tables and <out>/figures.
"""
from __future__ import annotations

import html
import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from egov.corpus import seeds_path

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


@dataclass
class Page:
    """One notebook's result: its name, title, HTML file (or error) and run time."""

    name: str
    title: str
    html: str = ""
    error: str = ""
    seconds: float = 0.0


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks to run, in order (their names start with a number)."""
    return sorted(p for p in folder.glob("[0-9]*.ipynb"))


def _title(nb: nbformat.NotebookNode) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _summary(nb: nbformat.NotebookNode) -> str:
    """The notebook's one-line summary: its `egov.summary` metadata, else its first paragraph."""
    meta = nb.metadata.get("egov", {}).get("summary")
    if meta:
        return meta
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            paragraphs = [p for p in cell.source.split("\n\n") if p.strip() and not p.startswith("#")]
            if paragraphs:
                return " ".join(paragraphs[0].split())
    return ""


def run_notebook(path: Path, output: Path, parameters: dict, progress: bool = True) -> None:
    """Execute one notebook with papermill in a fresh kernel, cwd = notebooks/."""
    import papermill as pm

    pm.execute_notebook(str(path), str(output), parameters=parameters, cwd=str(path.parent),
                        progress_bar=progress, kernel_name="python3", log_output=False)


def to_html(nb_path: Path, html_path: Path, show_code: bool = False) -> None:
    """Render an executed notebook to one self-contained HTML page."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=not show_code, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    nb = nbformat.read(nb_path, as_version=4)
    nb.metadata.pop("papermill", None)
    body, _ = exporter.from_notebook_node(nb)
    html_path.write_text(body, encoding="utf-8")


def build(corpus: str = "seeds", out: str | Path = "build", in_place: bool = False,
          show_code: bool = False, only: list[str] | None = None, folder: Path = NOTEBOOKS) -> int:
    """Run the notebooks on `corpus` and write `<out>/index.html`; return an exit code.

    0 when every notebook ran, 1 when one failed (the others still run and the pages
    built so far stay), 2 when the corpus path does not exist.
    """
    out = Path(out).resolve()
    corpus_arg = corpus if corpus == "seeds" else str(Path(corpus).resolve())
    if corpus != "seeds" and not Path(corpus).exists():
        print(f"egov build: corpus path does not exist: {corpus}", file=sys.stderr)
        return 2
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    params = {"corpus": corpus_arg, "out": str(out), "figures_dir": str(out / "figures")}
    pages: list[Page] = []
    todo = [nb for nb in notebooks(folder) if not only or any(nb.stem.startswith(o) for o in only)]
    for i, nb_path in enumerate(todo, start=1):
        source = nbformat.read(nb_path, as_version=4)
        page = Page(nb_path.stem, _title(source) or nb_path.stem)
        print(f"[{i}/{len(todo)}] {nb_path.name}", file=sys.stderr, flush=True)
        executed = out / "notebooks" / nb_path.name
        start = time.perf_counter()
        try:
            if in_place:
                run_notebook(nb_path, nb_path, {}, progress=True)
                shutil.copy(nb_path, executed)
            else:
                run_notebook(nb_path, executed, params, progress=True)
        except Exception as err:  # papermill raises its own error types; report and go on
            page.error = _failure(nb_path.name, err)
            print(f"egov build: {page.error}", file=sys.stderr)
        page.seconds = time.perf_counter() - start
        if executed.exists():
            page.html = f"{nb_path.stem}.html"
            to_html(executed, out / page.html, show_code=show_code)
        page.summary = _summary(source)
        pages.append(page)
    if in_place:
        _refresh_figures(out)
    write_index(out, corpus, pages)
    for page in pages:
        status = "FAILED" if page.error else "ok"
        print(f"  {page.name:<16} {page.seconds:6.1f} s  {status}", file=sys.stderr)
    print(f"egov build: wrote {out / 'index.html'}", file=sys.stderr)
    return 1 if any(p.error for p in pages) else 0


def _refresh_figures(out: Path) -> None:
    """In-place runs write the sample's figures to the repo's figures/; mirror them into out."""
    repo_figures = NOTEBOOKS.parent / "figures"
    if repo_figures.exists():
        shutil.copytree(repo_figures, out / "figures", dirs_exist_ok=True)


def _failure(name: str, err: Exception) -> str:
    """'02_terms.ipynb failed in cell 7: ValueError: ...' from a papermill error."""
    cell = getattr(err, "exec_count", None) or getattr(err, "cell_index", None)
    ename = getattr(err, "ename", type(err).__name__)
    evalue = getattr(err, "evalue", str(err))
    where = f" in cell {cell}" if cell is not None else ""
    return f"{name} failed{where}: {ename}: {evalue}".strip()


def _corpus_paragraph(out: Path, corpus: str) -> str:
    """One paragraph on the corpus, from the tables notebook 01 exported."""
    articles_csv, report_csv = out / "tables" / "articles.csv", out / "tables" / "load_report.csv"
    if not articles_csv.exists() or not report_csv.exists():
        return "The corpus notebook did not export its tables, so the corpus cannot be summarised here."
    articles = pd.read_csv(articles_csv, parse_dates=["date"])
    report = pd.read_csv(report_csv, keep_default_na=False)
    name = "the sample corpus (five articles in seeds/)" if corpus == "seeds" else f"the corpus <code>{html.escape(Path(corpus).name)}</code>"
    files = report[report["status"] != "metadata"]
    skipped = int((files["status"] == "skipped").sum())
    dated = articles["date"].dropna()
    span = (f"dated from {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated)
            else "none of them dated")
    undated = len(articles) - len(dated)
    sources = articles["source"].fillna("").replace("", "unknown source").nunique()
    parts = [f"Built from {name}: {len(articles):,} articles ({int(articles['n_words'].sum()):,} words) from "
             f"{sources:,} source{'s' if sources != 1 else ''}, {span}"]
    if undated and len(dated):
        parts.append(f", {undated:,} without a date")
    parts.append(f". {len(files):,} input files were read; {skipped:,} were skipped "
                 f"(see <a href=\"tables/load_report.csv\">load_report.csv</a>).")
    return "".join(parts)


def write_index(out: Path, corpus: str, pages: list[Page]) -> Path:
    """Write index.html: the corpus in one paragraph and a line per notebook page."""
    items = []
    for page in pages:
        title = html.escape(page.title)
        summary = html.escape(getattr(page, "summary", ""))
        link = f'<a href="{html.escape(page.html)}">{title}</a>' if page.html else title
        error = f' <strong class="error">Failed: {html.escape(page.error)}</strong>' if page.error else ""
        items.append(f"<li>{link}<br><span>{summary}</span>{error}</li>")
    body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>egov report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}}
li{{margin-bottom:1em}} span{{color:#555}} .error{{color:#D55E00}}</style></head>
<body><h1>News coverage of Chinese e-government</h1>
<p>{_corpus_paragraph(out, corpus)}</p>
<h2>Notebooks</h2><ol>
{chr(10).join(items)}
</ol></body></html>
"""
    path = out / "index.html"
    path.write_text(body, encoding="utf-8")
    return path
