"""egov.report.figures.output_dir: a notebook run on another corpus never writes the committed sample figures."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from egov import resources
from egov.report import figures

ROOT = Path(__file__).resolve().parents[1]


def test_the_sample_corpus_writes_the_committed_figures(monkeypatch):
    assert figures.output_dir("seeds", "../build") == ROOT / "figures"
    assert figures.output_dir(ROOT / "seeds", None) == ROOT / "figures"
    monkeypatch.chdir(ROOT / "notebooks")  # where a notebook runs: the sample by a relative path, with a trailing slash
    assert figures.output_dir("../seeds/", "../build") == ROOT / "figures"
    assert figures.output_dir("../seeds", "../build") == ROOT / "figures"


def test_any_other_corpus_writes_into_the_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()  # a folder named seeds that is not the sample, reached by a path
    assert figures.output_dir("./seeds", "../build") == Path("../build/figures")
    assert figures.output_dir("my_articles/", "out/") == Path("out/figures")
    assert figures.output_dir(tmp_path / "corpus.csv", tmp_path / "report") == tmp_path / "report" / "figures"
    assert figures.output_dir("my_articles", None) == Path(tempfile.gettempdir()) / "egov-figures"


def test_a_given_folder_wins_as_egov_build_passes_one():
    assert figures.output_dir("seeds", ".", "figures") == Path("figures")
    assert figures.output_dir("my_articles", None, "/tmp/x/") == Path("/tmp/x")


def test_an_installed_egov_never_writes_beside_the_package(monkeypatch):
    monkeypatch.setattr(resources, "checkout", lambda: None)
    assert figures.output_dir("seeds", "report") == Path("report/figures")


@pytest.mark.parametrize("corpus", ["seeds", "../seeds/"])
def test_the_notebooks_parameters_give_the_committed_figures(corpus, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    assert figures.output_dir(corpus, "../build", None).resolve() == (ROOT / "figures").resolve()
