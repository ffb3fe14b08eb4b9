"""The prose that must stay computed: wording that adapts to the corpus in ways a one-line
template cannot show (what the corpus can and cannot support, the limits of each analysis).

Everything else a notebook states is a fact table from its stage plus a template visible in
the notebook cell (`egov.report.say` / `egov.report.words`).
"""
from __future__ import annotations

# --- timeline (notebook 04) ---

import pandas as pd  # noqa: E402  (each stage's section keeps its imports, so merges are easy)

from egov.corpus.languages import article_languages, language_name  # noqa: E402
from egov.report.text import plural  # noqa: E402
from egov.timeline.periods import PERIOD_WORDS, assign_periods, dating_summary  # noqa: E402


def timeline_limits(docs: pd.DataFrame, period: str = "year", eras=None) -> str:
    """Markdown bullets: what a timeline from this corpus cannot tell (few articles per period,
    periods of one to four articles, empty periods, undated articles, the languages collected).

    Example: report.md(prose.timeline_limits(docs, "year"))
    """
    s = dating_summary(docs, period, eras).iloc[0]
    word = PERIOD_WORDS[period]

    out = []
    if s.n_placed == 0:
        out.append("- Anything about time: " + ("no article has a date, so nothing can be placed in time."
                                                if s.case == "undated" else
                                                f"no article's date is precise enough for {word}s."))
    else:
        per = s.n_placed / max(int(s.n_periods), 1)
        sizes = assign_periods(docs, period, eras).value_counts()
        if per < 5:
            out.append(f"- Trends: {per:.1f} articles per {word} on average, so each point is a few texts and a "
                       "change between points may be one author's habit, one outlet's style or one event.")
        if s.n_single:
            out.append(f"- Uncertainty in the {plural(int(s.n_single), word)} with one article: a single text gives "
                       "no interval.")
        few = int(sizes.between(2, 4).sum())
        if few:
            out.append(f"- Uncertainty in the {plural(few, word)} with two to four articles: the bootstrap can only "
                       "recombine those few texts, so its intervals are too narrow.")
        if s.n_span > s.n_periods:
            out.append(f"- Anything about the {plural(int(s.n_span - s.n_periods), word)} with no article.")
    if s.n_undated or s.n_unplaced:
        out.append(f"- Where the {int(s.n_undated + s.n_unplaced):,} undated or coarsely dated articles belong; "
                   "if they differ from the dated ones the timeline is biased.")
    names = [language_name(c) for c in sorted(set(article_languages(docs))) if c in ("en", "zh")] or ["English"]
    out.append("- Whether the coverage as a whole changed: these are the articles someone collected, not a sample "
               f"of {'- or '.join(names)}-language coverage, and an outlet's share may change over time.")
    out.append("- Causes: a policy milestone before a change in wording is a coincidence in time; news also reports "
               "events long after the fact, and dates here are publication dates.")
    return "\n".join(out)
