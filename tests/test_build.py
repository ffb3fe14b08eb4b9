"""`egov build`: runs notebooks with the corpus as a parameter and writes a linked report."""
from __future__ import annotations

import json
import shutil

import nbformat
import pandas as pd
import pytest

from egov import cache
from egov.report.build import NOTEBOOKS, _normalise, build, strip_progress
from egov.report.cli import main


@pytest.mark.slow
def test_build_on_a_folder_with_bad_files(mixed_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    out = tmp_path / "site"
    (out / ".cache").mkdir(parents=True)  # an earlier egov's cache inside the report: removed, never read
    (out / ".cache" / "corpus-0.pkl").write_bytes(b"not read")
    assert build(str(mixed_dir), out, only=["01"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="01_corpus.html">' in index
    assert "<th>Articles</th><td>2</td>" in index
    assert "<th>Files skipped</th><td>2: 1 binary, 1 empty file" in index
    page = (out / "01_corpus.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" in page  # figures embedded: the page stands alone
    report = pd.read_csv(out / "tables" / "load_report.csv", keep_default_na=False)
    assert list(report.columns[:4]) == ["path", "doc_id", "status", "reason"]
    assert sorted(report["status"]) == ["loaded", "loaded", "skipped", "skipped"]
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert "text" not in articles.columns and sorted(articles["doc_id"]) == ["gbk", "good"]
    assert (out / "figures" / "01_corpus__per_year.png").exists()
    timings = json.loads((tmp_path / "cache" / "timings.json").read_text(encoding="utf-8"))  # outside the report
    assert [nb["name"] for nb in timings["notebooks"]] == ["01_corpus"]
    assert timings["notebooks"][0]["seconds"] > 0 and timings["notebooks"][0]["ok"]
    assert "01_corpus" in capsys.readouterr().err.split("egov build: wrote")[0].splitlines()[-2]
    assert timings["out"] == str(out.resolve()) and timings["corpus"] == str(mixed_dir.resolve())
    assert list((tmp_path / "cache").glob("corpus-*/entry.json"))  # the notebooks' shared corpus cache
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]  # nothing hidden in the report


@pytest.mark.slow
def test_a_failing_notebook_is_named_with_its_cell(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Fails on purpose"),
                nbformat.v4.new_code_cell('corpus = "seeds"\nout = None\nfigures_dir = None', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("1 / 0")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "01_fails.ipynb")
    shutil.copy(NOTEBOOKS / "01_corpus.ipynb", folder / "02_corpus.ipynb")
    out = tmp_path / "site"
    assert build("seeds", out, folder=folder) == 1
    err = capsys.readouterr().err
    assert "01_fails.ipynb failed in cell" in err and "ZeroDivisionError" in err
    assert (out / "02_corpus.html").exists()  # what was built so far stays, the rest still runs
    assert "Failed: 01_fails.ipynb failed" in (out / "index.html").read_text(encoding="utf-8")


def test_cli_rejects_a_missing_corpus(tmp_path):
    assert main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2


def test_progress_bars_are_stripped_from_the_pages_and_other_stderr_kept(tmp_path):
    bar = ("\rLoading articles:   0%|          | 0/10000 [00:00<?, ?file/s]"
           "\rLoading articles:   8%|▊         | 750/10000 [00:01<00:16, 570.25file/s]"
           "\rLoading articles: 100%|██████████| 10000/10000 [00:08<00:00, 1167.04file/s]\n")
    warning = "UserWarning: 3 files were not read\n"
    assert strip_progress(bar) == ""
    assert strip_progress(bar + warning) == warning
    assert strip_progress("a\n\nb 50% done | 1/2 [x\n") == "a\n\nb 50% done | 1/2 [x\n"  # no bar: as is
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("load()", outputs=[
        nbformat.v4.new_output("stream", name="stderr", text=bar),
        nbformat.v4.new_output("stream", name="stderr", text=bar + warning),
        nbformat.v4.new_output("stream", name="stdout", text="Loaded 10,000 articles\n")])])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    _normalise(path)
    outputs = nbformat.read(path, as_version=4).cells[0].outputs
    assert [(o.name, o.text) for o in outputs] == [("stderr", warning), ("stdout", "Loaded 10,000 articles\n")]


def test_index_numbers_count_named_sources_and_group_duplicates(tmp_path):
    from egov.report.build import _corpus_numbers

    tables = tmp_path / "tables"
    tables.mkdir()
    pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2019-01-02", "", "2020-05-06"], "source": ["Xinhua", "", "CGTN"],
                  "n_words": [100, 200, 300]}).to_csv(tables / "articles.csv", index=False)
    pd.DataFrame({"path": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.bin"], "status": ["loaded"] * 3 + ["skipped"] * 3,
                  "reason": ["", "", "", "duplicate of a.txt (91% of word 5-grams shared)",
                             "duplicate of c.txt (100% of word 5-grams shared)", "binary: contains NUL bytes"]}
                 ).to_csv(tables / "load_report.csv", index=False)
    numbers = _corpus_numbers(tmp_path, "mine")
    assert "<th>Sources</th><td>2 named (1 article names none)</td>" in numbers
    assert "<th>Files skipped</th><td>3: 2 duplicate of another article, 1 binary (" in numbers
    assert "<th>Dates</th><td>2019-01-02 to 2020-05-06 (1 undated)</td>" in numbers
