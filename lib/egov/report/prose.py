"""The prose that must stay computed: wording that adapts to the corpus in ways a one-line
template cannot show (what the corpus can and cannot support, the limits of each analysis).

Everything else a notebook states is a fact table from its stage plus a template visible in
the notebook cell (`egov.report.say` / `egov.report.words`).
"""
from __future__ import annotations

import pandas as pd

from egov.corpus.languages import language_name
from egov.report.text import escape, plural

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


# --- terms (notebook 02) ---


def terms_evidence(facts: pd.DataFrame) -> str:
    """Markdown bullets on what notebook 02's counts, concepts and keyness support, and how strongly,
    from the one row of `terms.report.evidence_facts`; which bullets apply depends on the corpus.

    Example: report.md(prose.terms_evidence(terms_report.evidence_facts(docs, counts, concepts, per_article, vs_eng)))
    """
    f = facts.iloc[0].map(escape)
    n, lines = int(f.n_docs), []
    if n > 1 and f.n_shared:
        lines.append(f"A common vocabulary: {plural(f.n_shared, 'lemma')} occur{'s' if f.n_shared == 1 else ''} "
                     f"in all {n:,} articles (most frequent: {f.shared_top}).")
    elif n > 1:
        lines.append(f"No common vocabulary: no lemma occurs in all {n:,} articles.")
    lines.append(f"Named concepts: {f.n_with_concept:,} of {plural(n, 'article')} mention"
                 f"{'s' if f.n_with_concept == 1 else ''} at least one of the {f.n_concepts} concepts; "
                 f"{plural(f.n_used, 'concept')} {'occurs' if f.n_used == 1 else 'occur'} at all"
                 + (f", led by {f.used_top}." if f.n_used else "."))
    if f.n_compared:
        lines.append(f"Distinctive words: {f.n_keyed:,} of {plural(n, 'article')} have keywords at p < 0.001; "
                     f"{f.n_alone:,} of the {f.n_best:,} strongest (top 3 per article) occur in no other article"
                     + (", so they mark what one text is about rather than a theme shared across articles."
                        if f.n_alone else ": every article's top keywords are shared with other articles."))
    if f.n_over:
        lines.append(f"Against general English the corpus over-uses {f.over_top}: the register of the texts, "
                     "measured against a notional reference.")
    if n < 30:
        press = " or ".join(f"{language_name(code)}-language" for code in (f.languages or "en").split(", "))
        lines.append(f"All of this describes {plural(n, 'article')}; none of it estimates what {press} "
                     "coverage in general says.")
    else:
        lines.append("Shares across articles are descriptive; differences between groups need the intervals of "
                     "notebook 04 before they are read as trends.")
    return "\n".join(f"- {line}" for line in lines)


# --- timeline (notebook 04) ---

from egov.corpus.languages import article_languages, language_name  # noqa: E402
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
        n = int(s.n_undated + s.n_unplaced)
        out.append(f"- Where the {plural(n, 'undated or coarsely dated article')} {'belongs' if n == 1 else 'belong'}; "
                   f"if {'it differs' if n == 1 else 'they differ'} from the dated ones the timeline is biased.")
    names = [language_name(c) for c in sorted(set(article_languages(docs))) if c in ("en", "zh")] or ["English"]
    out.append("- Whether the coverage as a whole changed: these are the articles someone collected, not a sample "
               f"of {'- or '.join(names)}-language coverage, and an outlet's share may change over time.")
    out.append("- Causes: a policy milestone before a change in wording is a coincidence in time; news also reports "
               "events long after the fact, and dates here are publication dates.")
    return "\n".join(out)
