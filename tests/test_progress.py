"""egov.progress: bars only for large inputs, to the terminal under `egov build`, never when switched off."""
from __future__ import annotations

import io
import sys

import pytest

from egov import progress


def test_small_inputs_and_off_draw_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(progress.ENV, raising=False)
    assert progress.bar(progress.MIN_ITEMS - 1, "Loading").disable
    assert not progress.bar(5, "Loading", min_items=5).disable
    monkeypatch.setenv(progress.ENV, "off")
    assert progress.bar(10_000, "Loading").disable


def test_terminal_mode_writes_counts_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(sys, "__stderr__", terminal)
    monkeypatch.setenv(progress.ENV, "terminal")
    with progress.bar(600, "Loading articles", "file") as b:
        b.update(600)
    last = terminal.getvalue().split("\r")[-1]
    assert last.startswith("Loading articles: 100%") and "600/600" in last and "file/s" in last
