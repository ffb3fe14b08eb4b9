"""Stage 5, the report: Markdown from data (`text`), figures (`figures`), the corpus overview
(`overview`), and `egov build` (`build`, `cli`)."""
from egov.report.text import escape, export, headline, md, plural, say, show, words

__all__ = ["say", "words", "md", "escape", "plural", "export", "headline", "show"]
