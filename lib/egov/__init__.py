"""egov: analyse news coverage of Chinese e-government, in English and Chinese.

The library behind the notebooks, one subpackage per stage: load and clean a corpus
(`egov.corpus`), count terms (`egov.terms`), model topics (`egov.topics`), follow them over
time (`egov.timeline`), and write the report (`egov.report`); what differs between
languages lives in `egov.lang`.
"""

__version__ = "0.1.0"

from egov.corpus.load import cleaning_audit, load_corpus, load_report  # noqa: E402
from egov.terms.phrases import kwic  # noqa: E402

__all__ = ["load_corpus", "load_report", "cleaning_audit", "kwic"]
