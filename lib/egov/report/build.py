"""`egov build`: run every notebook on a corpus and write a shareable HTML report.

Each notebook in notebooks/ runs in order, in a fresh kernel, with the corpus as a
papermill parameter; each becomes one self-contained HTML page (figures embedded),
and index.html links them. Tables and figures land in <out>/tables and <out>/figures.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import nbformat
import pandas as pd

from egov import cache, engine, resources
from egov.report.overview import corpus_facts

NOTEBOOKS = resources.notebooks_dir()
GENERATED = ("notebooks", "tables", "figures", "headlines")  # what a build writes, removed before a fresh build
OLD_CACHE = ".cache"  # where earlier egov versions kept pickles inside the report: never read, always removed
TIMINGS = "timings.json"  # in the cache folder, outside the report: timings differ from run to run


@dataclass
class Page:
    """One notebook's result: its name, title, HTML file (or error) and run time."""

    name: str
    title: str
    html: str = ""
    error: str = ""
    seconds: float = 0.0
    summary: str = ""
    html_seconds: float = 0.0


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


def run_notebook(path: Path, output: Path, parameters: dict, progress: bool = True, cwd: Path | None = None) -> None:
    """Execute one notebook with papermill in a fresh kernel (cwd: the notebook's folder unless given)."""
    import papermill as pm

    pm.execute_notebook(str(path), str(output), parameters=parameters, cwd=str(cwd or path.parent),
                        progress_bar=progress, kernel_name="python3", log_output=False)


# A tqdm line: "Loading articles:  42%|####      | 4200/10000 [00:03<00:04, 1100.5file/s]"
PROGRESS_LINE = re.compile(r"^[^\r\n]*\d{1,3}%\|[^\r\n]*\|\s*[\d.]+[kMG]?/[\d.]+[kMG]?\s*\[[^\r\n]*$")


def strip_progress(text: str) -> str:
    """`text` without tqdm progress lines (the kernel forwards its stderr, bars included, into
    the cell; they carry timings, so they would make pages differ from run to run)."""
    lines = re.split(r"[\r\n]", text)
    if not any(PROGRESS_LINE.match(line) for line in lines):
        return text
    kept = [line for line in lines if line.strip() and not PROGRESS_LINE.match(line)]
    return "\n".join(kept) + ("\n" if kept else "")


def _normalise(path: Path) -> None:
    """Drop run timestamps and durations that papermill records, and progress bars, so rebuilds are byte-identical."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
        if cell.cell_type == "code":
            for output in cell.outputs:
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    output["text"] = strip_progress(output["text"])
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "stream" or o.get("text")]
    nbformat.write(nb, path)


TEMPLATES = Path(__file__).resolve().parent / "templates"
HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def to_html(nb_path: Path, html_path: Path, show_code: bool = False) -> None:
    """Render an executed notebook to one self-contained page: no scripts from other hosts,
    figures embedded, code hidden unless `show_code`, a table of contents under the title."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="egov_report",
                            exclude_input=not show_code, exclude_input_prompt=True, exclude_output_prompt=True)
    nb = nbformat.read(nb_path, as_version=4)
    nb.metadata["title"] = _title(nb) or nb_path.stem
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
    html_path.write_text(_with_toc(body), encoding="utf-8")


def _with_toc(body: str) -> str:
    """Insert a table of contents of the page's h2 sections after its first h1."""
    items = [f'<li><a href="#{anchor}">{re.sub(r"<[^>]+>", "", text).strip()}</a></li>'
             for anchor, text in HEADING.findall(body)]
    end = body.find("</h1>")
    if not items or end < 0:
        return body
    toc = '<nav class="egov-toc"><strong>Contents</strong><ol>' + "".join(items) + "</ol></nav>"
    return body[: end + 5] + toc + body[end + 5:]


def build(corpus: str = "seeds", out: str | Path = "build", in_place: bool = False,
          show_code: bool = False, only: list[str] | None = None, folder: Path = NOTEBOOKS,
          engine_name: str = "auto", scheduler: str | None = None) -> int:
    """Run the notebooks on `corpus` and write `<out>/index.html`; return an exit code.

    `engine_name` and `scheduler`: where loading and counting run (`egov.engine`); with "dask"
    and no scheduler address one LocalCluster serves every notebook of the build.

    0 when every notebook ran, 1 when one failed (the others still run and the pages
    built so far stay), 2 when the corpus path does not exist.
    """
    out = Path(out).resolve()
    corpus_arg = corpus if corpus == "seeds" else str(Path(corpus).resolve())
    if corpus != "seeds" and not Path(corpus).exists():
        print(f"egov build: corpus path does not exist: {corpus}", file=sys.stderr)
        return 2
    if in_place and resources.checkout() is None:
        print("egov build: --in-place refreshes the notebooks of a checkout; this egov is installed", file=sys.stderr)
        return 2
    shutil.rmtree(out / OLD_CACHE, ignore_errors=True)  # the report holds only the report
    if not only:  # a fresh report: nothing left over from an earlier build of another corpus
        for sub in GENERATED:
            shutil.rmtree(out / sub, ignore_errors=True)
        for old in out.glob("*.html"):
            old.unlink()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    # The kernel runs in <out>, so the parameters hold no absolute path of the output folder
    # and two builds into different folders are byte-identical. figures_dir is the report's own figures/
    # (figures.output_dir returns a given folder as is), so a build never writes the committed sample
    # figures; --in-place passes no parameter and gets them from figures.output_dir("seeds", ...).
    params = {"corpus": corpus_arg, "out": ".", "figures_dir": "figures"}
    pages: list[Page] = []
    todo = [nb for nb in notebooks(folder) if not only or any(nb.stem.startswith(o) for o in only)]
    # The kernels inherit the environment: notebooks share one loaded corpus and one tokenization
    # through the cache (the user cache folder or $EGOV_CACHE_DIR, never the report folder).
    # Progress bars of long stages go to the terminal, not into the pages.
    settings = {cache.BUILD_ENV: "1", "EGOV_PROGRESS": "terminal", cache.CODE_ENV: cache.compute_code_fingerprint()}
    settings[engine.ENGINE_ENV] = engine_name
    previous = {name: os.environ.get(name) for name in [*settings, engine.SCHEDULER_ENV]}
    os.environ.update(settings)
    try:
        with engine.cluster(engine_name, scheduler) as address:
            os.environ[engine.SCHEDULER_ENV] = address
            _run_all(todo, out, params, in_place, show_code, pages)
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if in_place:
        _refresh_figures(out)
    start = time.perf_counter()
    write_index(out, corpus, pages)
    index_seconds = time.perf_counter() - start
    print(timings_text(pages, index_seconds), file=sys.stderr)
    timings = _write_timings(out, corpus_arg, pages, index_seconds)
    print(f"egov build: wrote {out / 'index.html'}" + (f" (timings: {timings})" if timings else ""), file=sys.stderr)
    return 1 if any(p.error for p in pages) else 0


def _run_all(todo: list[Path], out: Path, params: dict, in_place: bool, show_code: bool, pages: list[Page]) -> None:
    """Run and render each notebook in turn, appending its Page (with run and render times)."""
    for i, nb_path in enumerate(todo, start=1):
        source = nbformat.read(nb_path, as_version=4)
        page = Page(nb_path.stem, _title(source) or nb_path.stem, summary=_summary(source))
        print(f"[{i}/{len(todo)}] {nb_path.name}", file=sys.stderr, flush=True)
        executed = out / "notebooks" / nb_path.name
        start = time.perf_counter()
        try:
            if in_place:
                run_notebook(nb_path, nb_path, {}, progress=True)
                _normalise(nb_path)  # the committed notebook keeps no run timestamps
                shutil.copy(nb_path, executed)
            else:
                run_notebook(nb_path, executed, params, progress=True, cwd=out)
        except Exception as err:  # papermill raises its own error types; report and go on
            page.error = _failure(nb_path.name, err)
            print(f"egov build: {page.error}", file=sys.stderr)
        page.seconds = time.perf_counter() - start
        start = time.perf_counter()
        if executed.exists():
            _normalise(executed)
            page.html = f"{nb_path.stem}.html"
            to_html(executed, out / page.html, show_code=show_code)
        page.html_seconds = time.perf_counter() - start
        pages.append(page)


def timings_text(pages: list[Page], index_seconds: float = 0.0) -> str:
    """Per-stage timings as printed at the end of `egov build`: run and HTML seconds per notebook."""
    lines = [f"  {'stage':<16} {'run':>8} {'html':>8}"]
    for page in pages:
        status = "FAILED" if page.error else "ok"
        lines.append(f"  {page.name:<16} {page.seconds:7.1f}s {page.html_seconds:7.1f}s  {status}")
    run, rendered = sum(p.seconds for p in pages), sum(p.html_seconds for p in pages) + index_seconds
    lines.append(f"  {'total':<16} {run:7.1f}s {rendered:7.1f}s  ({run + rendered:.1f} s in all)")
    return "\n".join(lines)


def timings_path() -> Path | None:
    """Where the last build's timings go: timings.json in the cache folder (None when the cache is off)."""
    folder = cache.folder()
    return None if folder is None else folder / TIMINGS


def _write_timings(out: Path, corpus: str, pages: list[Page], index_seconds: float) -> Path | None:
    """The build's timings as JSON in the cache folder, outside the report (timings differ from run to run);
    returns the file written, or None."""
    path = timings_path()
    if path is None:
        return None
    data = {"out": str(out), "corpus": corpus,
            "notebooks": [{"name": p.name, "seconds": round(p.seconds, 3), "html_seconds": round(p.html_seconds, 3),
                           "ok": not p.error} for p in pages],
            "index_seconds": round(index_seconds, 3)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        return path
    except OSError as err:
        print(f"egov build: could not write the timings to {path}: {err}", file=sys.stderr)
        return None


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


def _corpus_numbers(out: Path, corpus: str) -> str:
    """The corpus in numbers, from the tables notebook 01 exported (`overview.corpus_facts`; HTML, data escaped)."""
    articles_csv, report_csv = out / "tables" / "articles.csv", out / "tables" / "load_report.csv"
    if not articles_csv.exists() or not report_csv.exists():
        return "<p>The corpus notebook did not export its tables, so the corpus cannot be summarised here.</p>"
    articles = pd.read_csv(articles_csv, parse_dates=["date"], keep_default_na=False, na_values={"date": [""]})
    report = pd.read_csv(report_csv, keep_default_na=False)
    s = corpus_facts(articles, report, location=Path(corpus).name).iloc[0]
    name = "the sample corpus (<code>seeds/</code>)" if corpus == "seeds" else f"<code>{html.escape(s.location)}</code>"
    span = ("no article is dated" if s.case == "undated" else f"{s['first']:%Y-%m-%d}" if s["first"] == s["last"]
            else f"{s['first']:%Y-%m-%d} to {s['last']:%Y-%m-%d}")
    unnamed = f" ({s.n_unnamed:,} {'article names' if s.n_unnamed == 1 else 'articles name'} none)" if s.n_unnamed else ""
    rows = [("Corpus", name), ("Articles", f"{s.n_articles:,}"), ("Words", f"{s.n_words:,}"),
            ("Languages", html.escape(s.languages) or "not recorded"),
            ("Dates", span + (f" ({s.n_undated:,} undated)" if s.case == "part_dated" else "")),
            ("Sources", f"{s.n_sources:,} named{unnamed}"),
            ("Files read", f"{s.n_files:,}"),
            ("Files skipped", f"{s.n_skipped:,}" + (f": {html.escape(s.skipped_reasons)}" if s.skipped_reasons else "") +
             ' (<a href="tables/load_report.csv">load report</a>)')]
    return "<table class=\"numbers\">" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def _headlines(out: Path) -> str:
    """The notebooks' headline findings, each with its key figure."""
    items = []
    for path in sorted((out / "headlines").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        figure = entry.get("figure")
        img = (f'<img src="figures/{html.escape(figure)}.png" alt="{html.escape(entry["text"])}">'
               if figure and (out / "figures" / f"{figure}.png").exists() else "")
        items.append(f'<div class="finding"><p>{html.escape(entry["text"])}</p>{img}</div>')
    return "\n".join(items) or "<p>No notebook recorded a headline finding.</p>"


def _tables_list(out: Path) -> str:
    """Every exported table with a one-line description of its columns."""
    with files("egov.data").joinpath("tables.csv").open(encoding="utf-8") as fh:
        dictionary = pd.read_csv(fh, keep_default_na=False)
    items = []
    for path in sorted((out / "tables").glob("*.csv")):
        rows = dictionary[dictionary["table"] == path.stem]
        about = rows.loc[rows["column"] == "", "description"]
        cols = rows[rows["column"] != ""]
        columns = "; ".join(f"<code>{html.escape(c)}</code>: {html.escape(d)}" for c, d in zip(cols["column"], cols["description"]))
        items.append(f'<li><a href="tables/{html.escape(path.name)}">{html.escape(path.name)}</a>'
                     f'{" — " + html.escape(about.iloc[0]) if len(about) else ""}<br><span>{columns}</span></li>')
    return "<ul>" + "".join(items) + "</ul>"


def write_index(out: Path, corpus: str, pages: list[Page]) -> Path:
    """Write index.html: the corpus in numbers, headline findings, notebook pages and tables."""
    items = []
    for page in pages:
        title = html.escape(page.title)
        summary = html.escape(page.summary)
        link = f'<a href="{html.escape(page.html)}">{title}</a>' if page.html else title
        error = f' <strong class="error">Failed: {html.escape(page.error)}</strong>' if page.error else ""
        items.append(f"<li>{link}<br><span>{summary}</span>{error}</li>")
    body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News coverage of Chinese e-government: report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:54em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}}
li{{margin-bottom:0.8em}} span{{color:#555;font-size:0.9em}} .error{{color:#D55E00}} a{{color:#0072B2}}
table.numbers th{{text-align:left;padding-right:1.5em;font-weight:600}} table.numbers td,table.numbers th{{padding:2px 0;vertical-align:top}}
.finding{{border-top:1px solid #ddd;padding-top:0.8em;margin-bottom:1.5em}} .finding p{{font-size:1.05em}} .finding img{{max-width:100%;height:auto}}</style></head>
<body><h1>News coverage of Chinese e-government</h1>
<h2>The corpus in numbers</h2>
{_corpus_numbers(out, corpus)}
<h2>Headline findings</h2>
{_headlines(out)}
<h2>Notebooks</h2><ol>
{chr(10).join(items)}
</ol>
<h2>Tables</h2>
{_tables_list(out)}
</body></html>
"""
    path = out / "index.html"
    path.write_text(body, encoding="utf-8")
    return path
