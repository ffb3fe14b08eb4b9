"""Where the notebooks and the sample corpus are: the repository's copies in a checkout,
else the copies shipped inside the installed package (setup.py copies them at build time).

The repository's `notebooks/` and `seeds/` are the only sources; the packaged copies are
made from them when a wheel is built, so `pip install .` gives a working `egov build`.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PACKAGED_NOTEBOOKS = "_notebooks"  # inside the installed package
PACKAGED_SEEDS = "_seeds"


def checkout() -> Path | None:
    """The repository root when egov runs from a checkout (lib/egov beside pyproject.toml), else None."""
    root = PACKAGE.parent.parent
    if PACKAGE.parent.name == "lib" and (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir():
        return root
    return None


def notebooks_dir() -> Path:
    """The folder of the numbered notebooks that `egov build` runs."""
    root = checkout()
    return root / "notebooks" if root else PACKAGE / PACKAGED_NOTEBOOKS


def seeds_dir() -> Path:
    """The sample corpus: the five articles and their metadata.csv."""
    root = checkout()
    return root / "seeds" if root else PACKAGE / PACKAGED_SEEDS
