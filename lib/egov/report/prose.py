"""The prose that must stay computed: wording that adapts to the corpus in ways a one-line
template cannot show (what the corpus can and cannot support, the limits of each analysis).

Everything else a notebook states is a fact table from its stage plus a template visible in
the notebook cell (`egov.report.say` / `egov.report.words`).
"""
from __future__ import annotations

import pandas as pd

from egov.corpus.languages import language_name
from egov.report.text import escape, plural


# --- terms ---
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
