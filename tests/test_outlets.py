"""egov.corpus.outlets: the editable outlet table and its patterns."""
from __future__ import annotations

from egov.corpus.outlets import any_outlet, outlet_patterns, outlets


def test_the_table_and_its_patterns_line_up() -> None:
    table = outlets()
    assert list(table.columns) == ["outlet", "pattern"] and table["outlet"].is_unique
    assert [name for name, _ in outlet_patterns()] == table["outlet"].tolist()
    assert table["outlet"].iloc[0] == "PR Newswire"


def test_one_pattern_finds_any_outlet_and_each_pattern_names_one() -> None:
    line = "CHONGQING, China, November 6, 2022 /PRNewswire/ -- The city said"
    assert any_outlet().search(line)
    assert [name for name, pattern in outlet_patterns() if pattern.search(line)] == ["PR Newswire"]
    assert not any_outlet().search("The State Council said more services will move online.")
