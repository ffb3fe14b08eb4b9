"""Progress bars for the long stages, shown only on large inputs.

Below MIN_ITEMS items no bar is drawn, so the sample corpus's notebook outputs stay
byte-stable. Under `egov build` (which sets EGOV_PROGRESS=terminal) the bar goes to
the kernel's own stderr, i.e. the terminal running the build, and not into the
report's pages; in an interactive notebook it goes to the cell (tqdm.auto).
"""
from __future__ import annotations

import os
import sys
from importlib.util import find_spec

from tqdm import tqdm

ENV = "EGOV_PROGRESS"
MIN_ITEMS = 500


def bar(total: int, desc: str, unit: str = "doc", min_items: int = MIN_ITEMS) -> tqdm:
    """A tqdm bar with counts over `total` items, disabled below `min_items` or when EGOV_PROGRESS=off;
    a widget in Jupyter when ipywidgets is installed, else text on stderr.

    Example: with bar(len(files), "Loading articles", "file") as b: b.update(1)
    """
    mode = os.environ.get(ENV, "").strip().lower()
    if total < min_items or mode in ("off", "0", "none"):
        return tqdm(total=total, disable=True)
    if mode == "terminal":
        return tqdm(total=total, desc=desc, unit=unit, file=sys.__stderr__, mininterval=1.0, dynamic_ncols=True)
    if find_spec("ipywidgets") is not None:  # tqdm.auto warns on stderr when it cannot draw a widget
        from tqdm.auto import tqdm as auto_tqdm

        return auto_tqdm(total=total, desc=desc, unit=unit, mininterval=1.0)
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, mininterval=1.0)
