"""egov: analyse English-language news coverage of Chinese e-government.

The library behind the notebooks: load and clean a corpus (`corpus`), count terms
(`terms`), model topics (`topics`), follow them over time (`timeline`), draw
(`figures`) and report (`report`).
"""

__version__ = "0.1.0"

from egov.corpus import cleaning_audit, load_corpus, load_report  # noqa: E402
from egov.phrases import kwic  # noqa: E402

__all__ = ["load_corpus", "load_report", "cleaning_audit", "kwic"]
