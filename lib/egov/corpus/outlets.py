"""The outlet table (lib/egov/data/outlets.csv) and its compiled patterns, shared by
cleaning (lines that only name an outlet) and source detection."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import pandas as pd


@lru_cache(maxsize=1)
def outlets() -> pd.DataFrame:
    """The editable outlet table (lib/egov/data/outlets.csv): outlet, pattern."""
    with files("egov.data").joinpath("outlets.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str)


@lru_cache(maxsize=1)
def outlet_patterns() -> list[tuple[str, re.Pattern]]:
    """(outlet, compiled pattern) for each row of the outlet table, in its order."""
    return [(row.outlet, re.compile(row.pattern, re.I)) for row in outlets().itertuples()]


@lru_cache(maxsize=1)
def any_outlet() -> re.Pattern:
    """One pattern matching wherever any outlet's pattern matches: a cheap first test of a line,
    so that only lines naming some outlet are tried against each outlet in turn."""
    return re.compile("|".join(f"(?:{row.pattern})" for row in outlets().itertuples()), re.I)
