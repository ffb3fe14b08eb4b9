"""The prose that must stay computed: wording that adapts to the corpus in ways a one-line
template cannot show (what the corpus can and cannot support, the limits of each analysis).

Everything else a notebook states is a fact table from its stage plus a template visible in
the notebook cell (`egov.report.say` / `egov.report.words`).
"""
from __future__ import annotations

import pandas as pd

from egov.report.text import plural

# --- corpus (notebook 01) ---


def supports(facts: pd.DataFrame | pd.Series) -> str:
    """Markdown bullets on what a corpus of this size, spread and language can and cannot support.

    `facts` is the row of `overview.corpus_facts` (n_articles, n_dated, n_years, n_sources, n_en, n_zh).
    Example: report.md(prose.supports(overview.corpus_facts(docs)))
    """
    s = facts.iloc[0] if isinstance(facts, pd.DataFrame) else facts
    n, years, dated, sources = int(s.n_articles), int(s.n_years), int(s.n_dated), int(s.n_sources)
    n_en, n_zh = int(s.n_en), int(s.n_zh)
    these = "this one article" if n == 1 else f"these {n:,} articles"
    can = [f"describing {these} exactly: which words, concepts and themes {'it uses' if n == 1 else 'they use'}, "
           "with passages quoted as evidence"]
    cannot = []
    if n == 1:
        cannot.append("statements about coverage in general: one article is one case, not a sample")
    elif n < 30:
        cannot.append(f"statements about coverage in general: {n:,} articles is a handful of cases, not a sample; "
                      "any difference between articles may be one author's style")
    else:
        can.append("comparisons between groups of articles, with intervals from resampling articles")
    if dated == 0:
        cannot.append("anything about time: no article has a date")
    elif years == 1:
        cannot.append("change over time: " + ("the one dated article is" if dated == 1 else f"all {dated:,} dated articles are")
                      + " from one year")
    elif years < 3 or n / years < 5:
        cannot.append(f"trends: {plural(dated, 'dated article')} over {years:,} years "
                      "means most years hold one article or none, so a change between years is one article against another")
    else:
        can.append(f"sketching change over {years:,} years, with bootstrap intervals that show how sure each period is")
    if sources <= 3:
        cannot.append(f"comparisons between outlets ({plural(sources, 'named source')})")
    if n_en and n_zh and min(n_en, n_zh) < 30:
        cannot.append(f"differences between the English and the Chinese press in general: {n_en:,} English and "
                      f"{n_zh:,} Chinese articles show how these articles differ, "
                      "not how the two presses do")
    elif n_en and n_zh:
        can.append(f"comparing the English and the Chinese press side by side ({n_en:,} and {n_zh:,} articles), "
                   "each counted in its own language, with intervals from resampling articles")
    elif n_zh:
        cannot.append("what English-language media say: the corpus is Chinese-language coverage")
    else:
        cannot.append("what Chinese-language media or official documents say: the corpus is English-language coverage")
    cannot.append("causes: a word appearing after a policy date is a coincidence in time, not an effect")
    lines = ["**It can support:**"] + [f"- {c}" for c in can] + ["", "**It cannot support:**"] + [f"- {c}" for c in cannot]
    return "\n".join(lines)
