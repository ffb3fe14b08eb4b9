"""Tables, sentences and figures for notebook 02 (terms), computed from any corpus.

Every sentence here is built from the tables it describes, so it stays true for one
article, five, or tens of thousands, with or without dates.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.report import figures
from egov.terms.concepts import concept_patterns
from egov.terms.exports import MAX_EXPORT_ROWS, term_counts_table  # noqa: F401  (re-exported)
from egov.terms.matrix import TermMatrix
from egov.timeline.periods import year_of
from egov.terms.phrases import kwic
from egov.report.text import plural

SHOWN_ARTICLES = 10  # per-article tables show this many articles, oldest first
MAX_CHECK = 1000  # beyond this many articles, the concept check runs on a seeded sample of this many


def check_sentence(docs: pd.DataFrame, check: pd.DataFrame) -> str:
    """'13 of 13 concept counts equal the independent search.' (+ the sample size when sampled)."""
    text = f"{int(check['equal'].sum())} of {len(check)} concept counts equal the independent search"
    checked = int(check["n_checked"].iloc[0]) if len(check) else len(docs)
    if checked < len(docs):
        text += f" (both counted on a random sample of {checked:,} of the {len(docs):,} articles)"
    return text + "."


def _order(docs: pd.DataFrame) -> pd.DataFrame:
    """doc_id, date, n_words in date order (undated last), then doc_id."""
    cols = [c for c in ("doc_id", "date", "n_words", "title") if c in docs.columns]
    return docs[cols].sort_values([c for c in ("date", "doc_id") if c in cols], kind="stable",
                                  na_position="last").reset_index(drop=True)


def shown_articles(docs: pd.DataFrame, max_articles: int = SHOWN_ARTICLES) -> list[str]:
    """The doc_ids the per-article tables show: the `max_articles` oldest (undated last).

    Example: terms.tf_idf(counts, doc_ids=shown_articles(docs))
    """
    return _order(docs).head(max_articles)["doc_id"].astype(str).tolist()


def top_terms(docs: pd.DataFrame, counts: pd.DataFrame | TermMatrix, n: int = 15, ngram: int = 1) -> pd.DataFrame:
    """The corpus's most frequent terms of one length: term, count, n_articles, per_1k (of all words).

    `counts`: the long table of terms.count_terms or a terms.count_matrix TermMatrix.
    """
    total = float(docs["n_words"].sum())
    if isinstance(counts, TermMatrix):
        sub = counts.select(ngram)
        table = pd.DataFrame({"term": pd.array(sub.terms, dtype="str"), "count": sub.totals(),
                              "n_articles": sub.doc_freq()})
        table = table[table["count"] > 0]
    else:
        sub = counts[counts["n"] == ngram] if "n" in counts.columns else counts
        table = sub.groupby("term").agg(count=("count", "sum"), n_articles=("doc_id", "nunique")).reset_index()
    table["per_1k"] = table["count"] * 1000.0 / total if total else np.nan
    return table.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)


def top_terms_sentence(docs: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Which words lead, how much of the text they are, how widely they are spread."""
    uni = counts[counts["n"] == 1] if "n" in counts.columns else counts
    if uni.empty:
        return "No content word was found: every token is a stopword or a number."
    top = top_terms(docs, counts, n=10)
    first = top.iloc[0]
    n_docs = len(docs)
    in_all = top[top["n_articles"] == n_docs]["term"].tolist()
    text = (f"After removing stopwords, {plural(uni['term'].nunique(), 'distinct lemma')} remain. "
            f"The most frequent, **{first.term}**, occurs {first['count']:,} times "
            f"({first.per_1k:.1f} per 1,000 words) in {first.n_articles:,} of {plural(n_docs, 'article')}. ")
    if n_docs > 1:
        text += (f"{len(in_all)} of the top 10 occur{'s' if len(in_all) == 1 else ''} in every article "
                 f"({', '.join(in_all)})." if in_all
                 else "None of the top 10 occurs in every article.")
    return text


def top_per_article(docs: pd.DataFrame, table: pd.DataFrame, score: str = "count", n: int = 3,
                    max_articles: int = SHOWN_ARTICLES, id_col: str = "doc_id") -> pd.DataFrame:
    """The `n` best terms of each article by `score` (up to `max_articles`, oldest first), one row each."""
    order = _order(docs).head(max_articles)
    sub = table[table[id_col].isin(order["doc_id"])]
    sub = sub.sort_values([id_col, score, "term"], ascending=[True, False, True], kind="stable")
    sub = sub.groupby(id_col, sort=False).head(n)
    sub = sub.assign(rank=sub.groupby(id_col).cumcount() + 1).rename(columns={id_col: "doc_id"})
    keep = ["doc_id", "rank", "term"] + [c for c in ("count", "count_target", "per_1k", "tf_idf", "g2",
                                                       "p_value", "log_ratio") if c in sub.columns]
    out = order[["doc_id"] + (["date"] if "date" in order.columns else [])].merge(sub[keep], on="doc_id")
    if "p_value" in out.columns:  # readable at any size; the exported table keeps the number
        out["p_value"] = [("< 0.001" if p < 0.001 else f"{p:.3f}") for p in out["p_value"]]
    return out.reset_index(drop=True)


def concept_totals(docs: pd.DataFrame, concepts: pd.DataFrame) -> pd.DataFrame:
    """concept, count, n_articles, share_articles, per_1k (of all words), variants; most used first."""
    total = float(docs["n_words"].sum())
    used = concepts[concepts["count"] > 0]
    table = concepts.groupby("concept").agg(count=("count", "sum")).reset_index()
    table["n_articles"] = table["concept"].map(used.groupby("concept")["doc_id"].nunique()).fillna(0).astype("int64")
    table["share_articles"] = table["n_articles"] / len(docs)
    table["per_1k"] = table["count"] * 1000.0 / total if total else np.nan
    variants = used.assign(v=used["variants"].str.split("; ")).explode("v")
    parts = variants["v"].str.extract(r"^(?P<variant>.*) \((?P<k>\d+)\)$").assign(concept=variants["concept"])
    parts["k"] = parts["k"].astype("int64")
    agg = parts.groupby(["concept", "variant"])["k"].sum().reset_index()
    agg = agg.sort_values(["concept", "k", "variant"], ascending=[True, False, True], kind="stable")
    joined = agg.groupby("concept").apply(lambda g: "; ".join(f"{v} ({k})" for v, k in zip(g.variant, g.k)),
                                          include_groups=False)
    table["variants"] = table["concept"].map(joined).fillna("")
    return table.sort_values(["count", "concept"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _used_concepts(docs: pd.DataFrame, concepts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all concept totals, the used ones), most used first."""
    totals = concept_totals(docs, concepts)
    return totals, totals[totals["count"] > 0]


def concept_sentence(docs: pd.DataFrame, concepts: pd.DataFrame) -> str:
    """Which concepts are used, by how many articles, and which are absent."""
    totals, used = _used_concepts(docs, concepts)
    if used.empty:
        return f"None of the {len(totals)} concepts in `concepts.csv` occurs in this corpus."
    top = used.iloc[0]
    absent = totals[totals["count"] == 0]["concept"].tolist()
    text = (f"{len(used)} of the {len(totals)} concepts {'occurs' if len(used) == 1 else 'occur'}. "
            f"**{top.concept}** is the most used: "
            f"{plural(int(top['count']), 'mention')} in {top.n_articles:,} of {plural(len(docs), 'article')}")
    text += f" ({top.variants})." if top.variants else "."
    widest = used.sort_values(["n_articles", "count"], ascending=False).iloc[0]
    if widest.concept != top.concept:
        text += f" The most widespread is **{widest.concept}** ({widest.n_articles:,} articles)."
    if absent:
        text += f" Not found: {', '.join(absent)}."
    return text


def concept_check(docs: pd.DataFrame, concepts: pd.DataFrame, max_docs: int = MAX_CHECK, seed: int = 42) -> pd.DataFrame:
    """Known-answer check: concept count vs an independent KWIC search of its pattern.

    Above `max_docs` articles both sides are counted on a seeded sample of max_docs
    articles (the search costs as much as the counting). Returns concept, count,
    kwic_matches, equal, n_checked (articles checked); one row per concept.
    """
    if len(docs) > max_docs:
        docs = docs.sample(n=max_docs, random_state=seed).sort_index()
        concepts = concepts[concepts["doc_id"].isin(set(docs["doc_id"].astype(str)))]
    totals = concepts.groupby("concept")["count"].sum()
    rows = [(c, int(totals.get(c, 0)), _kwic_hits(docs, c), len(docs)) for c in sorted(_all_concepts())]
    out = pd.DataFrame(rows, columns=["concept", "count", "kwic_matches", "n_checked"])
    out["equal"] = out["count"] == out["kwic_matches"]
    return out.sort_values(["count", "concept"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _all_concepts() -> set[str]:
    return set(concept_patterns()) | set(concept_patterns(language="zh"))


def _concept_kwic(docs: pd.DataFrame, concept: str, window: int) -> pd.DataFrame:
    """KWIC lines of one concept: its English pattern in English articles, its Chinese one
    (in the normalised text, 20 characters either side) in Chinese articles."""
    parts = []
    for code in ("en", "zh"):
        pattern = concept_patterns(language=code).get(concept)
        if pattern is not None:
            parts.append(kwic(docs, pattern.pattern, window=window, regex=True, language=code))
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return out.sort_values(["doc_id", "start"], kind="stable", ignore_index=True)


def _kwic_hits(docs: pd.DataFrame, concept: str) -> int:
    return len(_concept_kwic(docs, concept, 0))


def concept_figure(docs: pd.DataFrame, concepts: pd.DataFrame):
    """Heatmap of concept mentions per 1,000 words: articles (or years, past 40 articles) by date x concepts."""
    totals = concept_totals(docs, concepts)
    used = totals[totals["count"] > 0]["concept"].tolist() or totals["concept"].tolist()
    order = _order(docs)
    if len(docs) <= figures.MAX_ARTICLE_ROWS:
        rows = order["doc_id"].tolist()
        labels = [f"{d:%Y-%m-%d} {i[:3]}" if pd.notna(d) else f"undated {i[:3]}"
                  for d, i in zip(order.get("date", pd.Series(pd.NaT, index=order.index)), order["doc_id"])]
        grid = concepts.pivot_table(index="doc_id", columns="concept", values="per_1k", aggfunc="sum")
        counts = concepts.pivot_table(index="doc_id", columns="concept", values="count", aggfunc="sum")
        ylabel = "Article (date, doc_id prefix)"
    else:
        year = pd.Series(year_of(order).to_numpy(), index=order["doc_id"])
        sub = concepts.assign(group=concepts["doc_id"].map(year))
        words = order.assign(group=order["doc_id"].map(year)).groupby("group")["n_words"].sum()
        counts = sub.pivot_table(index="group", columns="concept", values="count", aggfunc="sum")
        grid = counts.div(words, axis=0) * 1000.0
        rows = labels = sorted(counts.index)
        ylabel = "Year of publication"
    grid, counts = grid.reindex(index=rows, columns=used).fillna(0), counts.reindex(index=rows, columns=used).fillna(0)
    top = totals.iloc[0]
    title = (f"'{top.concept}' is the most used concept: {int(top['count']):,} mentions in "
             f"{int(top.n_articles):,} of {len(docs):,} articles" if top["count"] > 0 else
             "No concept of concepts.csv occurs in this corpus")
    fig, ax = figures.new(title, "Concept", ylabel, height=min(12.0, max(3.0, 0.4 * len(rows) + 2.5)),
                          source=f"Source: egov concepts.csv matched in {len(docs):,} articles; "
                                 "colour = mentions per 1,000 words, number = mentions.")
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap=figures.SEQUENTIAL, vmin=0)
    ax.set_xticks(range(len(used)), used, rotation=35, ha="right")
    ax.set_yticks(range(len(rows)), labels)
    if len(rows) * len(used) <= 400:
        peak = float(grid.to_numpy().max(initial=0.0)) or 1.0
        for (i, j), value in np.ndenumerate(counts.to_numpy()):
            if value:
                ax.text(j, i, f"{int(value)}", ha="center", va="center", fontsize=8,
                        color="black" if grid.iat[i, j] > 0.6 * peak else "white")
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="Mentions per 1,000 words", shrink=0.8)
    return fig


def keyness_sentence(docs: pd.DataFrame, per_group: pd.DataFrame, what: str = "article",
                     shown: int = SHOWN_ARTICLES) -> str:
    """How many groups have significant keywords, and the strongest keyword overall; for articles,
    also that the tables above show only the `shown` oldest when there are more."""
    if per_group.empty:
        return (f"Keyness needs at least two {what}s to compare; this corpus has fewer, so the table is empty. "
                "The frequency tables above still describe it.")
    sig = per_group[(per_group["g2"] > 0) & (per_group["p_value"] < 0.001)]
    n_groups = per_group["target"].nunique()
    text = (f"{sig['target'].nunique():,} of {plural(n_groups, what)} have at least one keyword at p < 0.001 "
            f"({len(sig):,} keywords in all).")
    if not sig.empty:
        best = sig.sort_values(["g2", "term"], ascending=[False, True]).iloc[0]
        text += (f" The strongest is **{best.term}** in {best.target}: {best.count_target:,} times there against "
                 f"{best.count_reference:,} in all the rest (G2 = {best.g2:.1f}, Log Ratio = {best.log_ratio:.1f}, "
                 f"i.e. {2 ** best.log_ratio:,.0f} times the relative frequency).")
    if what == "article" and n_groups > shown:
        text += (f" The two tables above show the {shown} oldest of the {n_groups:,} articles; `keyness.csv` "
                 "holds the keywords of every article.")
    return text


def period_sentence(docs: pd.DataFrame, per_period: pd.DataFrame) -> str:
    """What the period comparison adds, given how many articles each year holds."""
    years = docs["date"].dropna().dt.year
    if years.empty:
        return "No article has a date, so there are no periods to compare; period keyness is left empty."
    if years.nunique() < 2:
        return (f"The dated articles fall in {plural(int(years.nunique()), 'year')}, so there is no period to "
                "compare with another; period keyness is left empty.")
    per_year = years.value_counts()
    if per_year.max() == 1:
        return (f"Each of the {years.nunique()} years holds a single article, so period keyness repeats the "
                "article keyness above and says nothing about change over time.")
    return keyness_sentence(docs, per_period, what="year")


def keyness_table(per_article: pd.DataFrame, per_period: pd.DataFrame, vs_english: pd.DataFrame,
                  max_rows: int | None = MAX_EXPORT_ROWS) -> pd.DataFrame:
    """The exported keyness table: target, term, count_target, count_reference, g2, p_value, log_ratio, comparison.

    Above `max_rows` rows, the article-vs-rest rows are cut to each article's n terms with the
    highest G2 (over-used first), n as large as fits; the other comparisons are kept whole.
    attrs["per_article"] is that n (None when nothing was cut), attrs["n_full"] the uncut row count.
    Example: keyness_table(per_article, per_year, vs_english)
    """
    cols = ["target", "term", "count_target", "count_reference", "g2", "p_value", "log_ratio"]
    n_full = sum(len(t) for t in (per_article, per_period, vs_english))
    kept = None
    if max_rows is not None and n_full > max_rows and len(per_article):
        n_targets = per_article["target"].nunique()
        kept = max(1, (max_rows - len(per_period) - len(vs_english)) // n_targets)
        per_article = (per_article.sort_values(["target", "g2", "term"], ascending=[True, False, True], kind="stable")
                       .groupby("target", sort=False).head(kept))
    tables = ((per_article, "article vs rest"), (per_period, "year vs rest"), (vs_english, "corpus vs general English"))
    mixed = any("language" in t.columns for t, _ in tables)  # a mixed corpus: each language scored apart
    if mixed:  # general English is compared with the English articles only
        tables = tuple((t if "language" in t.columns else t.assign(language="en"), c) for t, c in tables)
        cols = cols + ["language"]
    parts = [t[cols].assign(comparison=c) for t, c in tables if len(t)]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols + ["comparison"])
    table.attrs.update(per_article=kept, n_full=n_full)
    return table


def exports_sentence(term_counts: pd.DataFrame, keyness: pd.DataFrame, max_rows: int = MAX_EXPORT_ROWS) -> str:
    """What the exported term_counts and keyness tables hold, and any cut made to keep them under max_rows."""
    parts = []
    m = term_counts.attrs.get("min_docs", 1)
    if m > 1:
        parts.append(f"`term_counts.csv` would have {term_counts.attrs['n_full']:,} rows, more than the "
                     f"{max_rows:,}-row export limit, so it holds the {len(term_counts):,} rows of terms used in at "
                     f"least {m:,} articles")
    else:
        parts.append(f"`term_counts.csv` holds all {len(term_counts):,} rows (every word and phrase used at least twice)")
    n = keyness.attrs.get("per_article")
    if n is not None:
        parts.append(f"`keyness.csv` would have {keyness.attrs['n_full']:,} rows, so its article-vs-rest part keeps "
                     f"each article's {n:,} terms with the highest G2 ({len(keyness):,} rows; the year and "
                     "general-English comparisons are whole)")
    else:
        parts.append(f"`keyness.csv` holds all {len(keyness):,} rows")
    return "; ".join(parts) + "."


def english_figure(vs_english: pd.DataFrame, n: int = 15):
    """Bars of Log Ratio for the `n` strongest over-used words vs general English, labelled with counts."""
    top = vs_english[vs_english["g2"] > 0].head(n).iloc[::-1]
    if top.empty:
        fig, ax = figures.new("No word is over-used compared with general English", "Log Ratio", "")
        return fig
    best = top.iloc[-1]
    title = (f"'{best.term}' is {2 ** best.log_ratio:,.0f} times as frequent here as in general English")
    fig, ax = figures.new(title, "Log Ratio (log2 of relative frequency, corpus / general English)", "",
                          height=max(3.0, 0.3 * len(top) + 1.8),
                          source=f"Source: egov corpus vs wordfreq English; top {len(top)} words by G2; "
                                 "label = occurrences in the corpus.")
    absent = (top["english_per_million"] == 0).to_numpy()
    colours = [figures.OKABE_ITO[5] if a else figures.OKABE_ITO[4] for a in absent]
    ax.barh(range(len(top)), top["log_ratio"], color=colours)
    ax.set_yticks(range(len(top)), top["term"])
    for i, (lr, c, a) in enumerate(zip(top["log_ratio"], top["count_target"], absent)):
        ax.text(lr, i, f" {int(c):,}" + (" (not in the English list: 0.5 assumed)" if a else ""),
                va="center", fontsize=8)
    ax.set_xlim(0, float(top["log_ratio"].max()) * (1.5 if absent.any() else 1.12))
    return fig


def english_sentence(vs_english: pd.DataFrame) -> str:
    """How many words stand out against general English, and the top ones."""
    over = vs_english[(vs_english["g2"] > 0) & (vs_english["p_value"] < 0.001)]
    unknown = vs_english[vs_english["english_per_million"] == 0]
    text = (f"{len(over):,} of the {len(vs_english):,} words scored are over-used "
            f"against general English at p < 0.001")
    text += f"; the top five by G2: {', '.join(over['term'].head(5))}." if len(over) else "."
    if len(unknown):
        text += (f" {plural(len(unknown), 'word')} ({', '.join(unknown['term'].head(3))}"
                 f"{', ...' if len(unknown) > 3 else ''}) {'is' if len(unknown) == 1 else 'are'} not in the "
                 "English list at all; the Log Ratio of such words rests on the 0.5 correction.")
    return text


def collocation_sentence(colls: pd.DataFrame) -> str:
    """The strongest pairs and how many pass the threshold."""
    if colls.empty:
        return "No word pair occurs often enough to be ranked."
    patterns = concept_patterns()
    top = colls["bigram"].head(10)
    named = sum(any(p.fullmatch(b) for p in patterns.values()) for b in top)
    return (f"{plural(len(colls), 'word pair')} pass the minimum count. The strongest by {colls['measure'].iloc[0]} "
            f"are {', '.join(colls['bigram'].head(5))}; {named} of the top {len(top)} are spellings of a concept "
            "in `concepts.csv`, the others are candidates to add to it or names.")


def kwic_examples(docs: pd.DataFrame, concepts: pd.DataFrame, n_concepts: int = 3, per_concept: int = 3,
                  window: int = 8) -> pd.DataFrame:
    """KWIC lines for the `n_concepts` most used concepts: concept, doc_id, left, match, right.

    Takes the first match in each of the first `per_concept` articles (date order) using the concept.
    """
    totals = concept_totals(docs, concepts)
    chosen = totals[totals["count"] > 0]["concept"].head(n_concepts).tolist()
    rank = {d: i for i, d in enumerate(_order(docs)["doc_id"])}
    parts = []
    for concept in chosen:
        lines = _concept_kwic(docs, concept, window).drop_duplicates("doc_id")
        lines = lines.assign(order=lines["doc_id"].map(rank)).sort_values("order").head(per_concept)
        parts.append(lines.assign(concept=concept))
    if not parts:
        return pd.DataFrame(columns=["concept", "doc_id", "left", "match", "right"])
    return pd.concat(parts, ignore_index=True)[["concept", "doc_id", "left", "match", "right"]]


def top_phrases(docs: pd.DataFrame, counts: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The most frequent two- and three-word phrases: term, count, n_articles, per_1k."""
    both = pd.concat([top_terms(docs, counts, n=n, ngram=2), top_terms(docs, counts, n=n, ngram=3)])
    return both.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)


def evidence(docs: pd.DataFrame, counts: pd.DataFrame, concepts: pd.DataFrame, per_article: pd.DataFrame,
             vs_english: pd.DataFrame) -> str:
    """Markdown bullets: what the counts, concepts and keyness support, and how strongly."""
    n = len(docs)
    uni = counts[counts["n"] == 1] if "n" in counts.columns else counts
    lines = []
    shared = uni.groupby("term")["doc_id"].nunique()
    shared = shared[shared == n].index.tolist()
    if n > 1:
        top_shared = top_terms(docs, uni[uni["term"].isin(shared)], n=5)["term"].tolist()
        lines.append(f"A common vocabulary: {plural(len(shared), 'lemma')} occur{'s' if len(shared) == 1 else ''} "
                     f"in all {n:,} articles"
                     + (f" (most frequent: {', '.join(top_shared)})." if top_shared else "."))
    totals = concept_totals(docs, concepts)
    any_concept = concepts[concepts["count"] > 0]["doc_id"].nunique()
    used = totals[totals["count"] > 0]
    lines.append(f"Named concepts: {any_concept:,} of {plural(n, 'article')} mention{'s' if any_concept == 1 else ''} at least one of the "
                 f"{len(totals)} concepts; {plural(len(used), 'concept')} {'occurs' if len(used) == 1 else 'occur'} at all"
                 + (f", led by {', '.join(used['concept'].head(3))}." if len(used) else "."))
    if not per_article.empty:
        sig = per_article[(per_article["g2"] > 0) & (per_article["p_value"] < 0.001)]
        best = per_article[per_article["g2"] > 0].groupby("target", sort=False).head(3)
        alone = int((best["count_reference"] == 0).sum())
        lines.append(f"Distinctive words: {sig['target'].nunique():,} of {plural(n, 'article')} have keywords at "
                     f"p < 0.001; {alone:,} of the {len(best):,} strongest (top 3 per article) occur in no other "
                     "article" + (", so they mark what one text is about rather than a theme shared across articles."
                                  if alone else ": every article's top keywords are shared with other articles."))
    over = vs_english[(vs_english["g2"] > 0) & (vs_english["p_value"] < 0.001)]
    if len(over):
        lines.append(f"Against general English the corpus over-uses {', '.join(over['term'].head(6))}: the register "
                     "of the texts, measured against a notional reference.")
    if n < 30:
        lines.append(f"All of this describes {plural(n, 'article')}; none of it estimates what English-language "
                     "coverage in general says.")
    else:
        lines.append("Shares across articles are descriptive; differences between groups need the intervals of "
                     "notebook 04 before they are read as trends.")
    return "\n".join(f"- {line}" for line in lines)


def headline(docs: pd.DataFrame, concepts: pd.DataFrame) -> str:
    """The concept finding in one plain-text sentence, for the report's front page."""
    totals, used = _used_concepts(docs, concepts)
    if used.empty:
        return f"None of the {len(totals)} listed e-government concepts occurs in these articles."
    top = used.iloc[0]
    found = "the only concept found" if len(used) == 1 else f"the most used of {len(used)} concepts found"
    where = "in the one article" if len(docs) == 1 else f"in {top.n_articles:,} of {plural(len(docs), 'article')}"
    return f"{top.concept} is {found}: {plural(int(top['count']), 'mention')} {where}."
