"""egov.resources: the notebooks and the sample corpus, from a checkout (here) or the installed package."""
from __future__ import annotations

from pathlib import Path

import pytest

from egov import resources

ROOT = Path(__file__).resolve().parents[1]


def test_a_checkout_serves_its_own_notebooks_and_seeds() -> None:
    assert resources.checkout() == ROOT
    assert resources.notebooks_dir() == ROOT / "notebooks"
    assert resources.seeds_dir() == ROOT / "seeds"
    assert sorted(p.name for p in resources.notebooks_dir().glob("0*.ipynb"))[0] == "01_corpus.ipynb"


def test_an_installed_package_serves_its_packaged_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "checkout", lambda: None)
    assert resources.notebooks_dir() == resources.PACKAGE / "_notebooks"
    assert resources.seeds_dir() == resources.PACKAGE / "_seeds"
