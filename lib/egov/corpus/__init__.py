"""Stage 1, the corpus: read files and database exports, clean them, date them, find their
outlets and reposts, and report every input (`load.py` ties the steps together)."""
from egov.corpus.load import cleaning_audit, load_corpus, load_report, seeds_path

__all__ = ["load_corpus", "load_report", "cleaning_audit", "seeds_path"]
