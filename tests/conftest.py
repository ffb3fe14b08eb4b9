"""Shared fixtures: small hand-made corpora written to temporary folders."""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Notebook cells checked by nbval are slow (each notebook runs in a fresh kernel)."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)

ARTICLE = (
    "BEIJING, June 3, 2019 (Xinhua) -- The State Council on Monday urged local governments to put more "
    "public services online through the national government services platform.\n"
    "Officials said the platform already connects more than 30 provincial systems and lets citizens "
    "apply for business licences without visiting a government office.\n"
    "Digital government will be the focus of the next stage of reform, the statement said.\n"
)

GBK_ARTICLE = (
    "Updated: 2020-03-15\n"
    "The Guangdong provincial government said its app Yueshengshi (粤省事) now offers more than 1,000 "
    "services, from social insurance to vehicle registration, and has 40 million registered users.\n"
    "Officials described the “数字政府” (digital government) reform as the core of the province's plan "
    "to cut paperwork and waiting times for residents and firms.\n"
)


@pytest.fixture(scope="session", autouse=True)
def user_cache_in_tmp(tmp_path_factory):
    """The tests never write to the user's cache folder: the default one (XDG_CACHE_HOME) is a temporary folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


@pytest.fixture
def seeds_dir() -> Path:
    """The sample corpus folder in the repo."""
    return SEEDS


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """One good article, an empty file, random bytes and a GBK-encoded article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    (folder / "gbk.txt").write_bytes(GBK_ARTICLE.encode("gbk"))
    return folder
