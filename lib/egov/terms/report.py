"""Tables and fact tables for notebook 02 (terms), computed from any corpus.

Each `*_facts` function returns one tidy row (with a `case` column when the finding has
several shapes) that the notebook words with a template in view (`report.say`), so the
findings stay true for one article, five, or tens of thousands, with or without dates.
The figures are in `egov.terms.figures`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.terms.concepts import concept_patterns
from egov.terms.exports import MAX_EXPORT_ROWS
from egov.terms.matrix import TermMatrix
from egov.terms.phrases import kwic

SHOWN_ARTICLES = 10  # per-article tables show this many articles, oldest first
MAX_CHECK = 1000  # beyond this many articles, the concept check runs on a seeded sample of this many


def _row(**fields) -> pd.DataFrame:
    """A one-row fact table."""
    return pd.DataFrame([fields])


def _unigrams(counts: pd.DataFrame) -> pd.DataFrame:
    return counts[counts["n"] == 1] if "n" in counts.columns else counts


def check_facts(docs: pd.DataFrame, check: pd.DataFrame) -> pd.DataFrame:
    """The concept check in one row: case ("all": every article checked, "sampled"), n_equal,
    n_concepts, n_checked (articles checked), n_docs.

    Example: report.say("{n_equal} of {n_concepts} concept counts equal the search.", check_facts(docs, check))
    """
    checked = int(check["n_checked"].iloc[0]) if len(check) else len(docs)
    return _row(case="sampled" if checked < len(docs) else "all", n_equal=int(check["equal"].sum()),
                n_concepts=len(check), n_checked=checked, n_docs=len(docs))


def in_date_order(docs: pd.DataFrame) -> pd.DataFrame:
    """doc_id, date, n_words, title in date order (undated last), then doc_id. Example: in_date_order(docs).head(10)"""
    cols = [c for c in ("doc_id", "date", "n_words", "title") if c in docs.columns]
    return docs[cols].sort_values([c for c in ("date", "doc_id") if c in cols], kind="stable",
                                  na_position="last").reset_index(drop=True)


def shown_articles(docs: pd.DataFrame, max_articles: int = SHOWN_ARTICLES) -> list[str]:
    """The doc_ids the per-article tables show: the `max_articles` oldest (undated last).

    Example: terms.tf_idf(counts, doc_ids=shown_articles(docs))
    """
    return in_date_order(docs).head(max_articles)["doc_id"].astype(str).tolist()


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


def top_terms_facts(docs: pd.DataFrame, counts: pd.DataFrame, n_top: int = 10) -> pd.DataFrame:
    """The leading word in one row: case ("none": no content word; "one": a single article;
    "shared": some of the top `n_top` words occur in every article; "unshared": none does),
    n_lemmas, term, count, per_1k, n_articles, n_docs, n_top, n_in_all, in_all ("a, b").

    Example: report.say("**{term}** occurs {count:,} times", top_terms_facts(docs, counts))
    """
    uni = _unigrams(counts)
    top = top_terms(docs, counts, n=n_top)
    in_all = top.loc[top["n_articles"] == len(docs), "term"].tolist()
    first = top.iloc[0] if len(top) else pd.Series({"term": "", "count": 0, "per_1k": np.nan, "n_articles": 0})
    case = "none" if top.empty else "one" if len(docs) == 1 else "shared" if in_all else "unshared"
    return _row(case=case, n_lemmas=int(uni["term"].nunique()), term=first["term"], count=int(first["count"]),
                per_1k=float(first["per_1k"]), n_articles=int(first["n_articles"]), n_docs=len(docs),
                n_top=len(top), n_in_all=len(in_all), in_all=", ".join(in_all))


def top_per_article(docs: pd.DataFrame, table: pd.DataFrame, score: str = "count", n: int = 3,
                    max_articles: int = SHOWN_ARTICLES, id_col: str = "doc_id") -> pd.DataFrame:
    """The `n` best terms of each article by `score` (up to `max_articles`, oldest first), one row each."""
    order = in_date_order(docs).head(max_articles)
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
    joined = (agg["variant"] + " (" + agg["k"].astype(str) + ")").groupby(agg["concept"]).agg("; ".join)
    table["variants"] = [joined.get(c, "") for c in table["concept"]]  # "" for an unused concept
    return table.sort_values(["count", "concept"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _used_concepts(docs: pd.DataFrame, concepts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all concept totals, the used ones), most used first."""
    totals = concept_totals(docs, concepts)
    return totals, totals[totals["count"] > 0]


def concept_facts(docs: pd.DataFrame, concepts: pd.DataFrame) -> pd.DataFrame:
    """The leading concept in one row: case ("none": no concept occurs; "same": the most used is also
    in the most articles; "wider": another concept is in more articles), n_concepts, n_used, concept,
    count, n_articles, n_docs, variants ("e-government (13); eGovernment (2)"), widest, widest_n_articles.

    Example: report.say("**{concept}**: {count:,} mentions", concept_facts(docs, concepts))
    """
    totals, used = _used_concepts(docs, concepts)
    if used.empty:
        return _row(case="none", n_concepts=len(totals), n_used=0, concept="", count=0, n_articles=0,
                    n_docs=len(docs), variants="", widest="", widest_n_articles=0)
    top = used.iloc[0]
    widest = used.sort_values(["n_articles", "count"], ascending=False, kind="stable").iloc[0]
    return _row(case="same" if widest.concept == top.concept else "wider", n_concepts=len(totals),
                n_used=len(used), concept=top.concept, count=int(top["count"]), n_articles=int(top.n_articles),
                n_docs=len(docs), variants=top.variants, widest=widest.concept,
                widest_n_articles=int(widest.n_articles))


def unused_facts(docs: pd.DataFrame, concepts: pd.DataFrame) -> pd.DataFrame:
    """The concepts no article uses, in one row: case ("all_used", "some_unused", "none_used"),
    n_concepts, n_unused, unused ("a, b").

    Example: report.say("Not found: {unused}.", unused_facts(docs, concepts))
    """
    totals, used = _used_concepts(docs, concepts)
    unused = totals.loc[totals["count"] == 0, "concept"].tolist()
    case = "none_used" if used.empty else "some_unused" if unused else "all_used"
    return _row(case=case, n_concepts=len(totals), n_unused=len(unused), unused=", ".join(unused))


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


def keyness_facts(docs: pd.DataFrame, per_group: pd.DataFrame, shown: int | None = SHOWN_ARTICLES) -> pd.DataFrame:
    """Keyness by group in one row: case ("empty": fewer than two groups; "none": no keyword at
    p < 0.001; "some"; with "_cut" when the per-article tables show only the `shown` oldest of
    more groups), n_docs, n_groups, n_keyed (groups with a keyword), n_keywords, and the strongest
    keyword: term, target, count_target, count_reference, g2, log_ratio, ratio (2 ** log_ratio); n_shown.

    Example: report.say("{n_keyed} of {n_groups} articles have keywords", keyness_facts(docs, per_article))
    """
    sig = per_group[(per_group["g2"] > 0) & (per_group["p_value"] < 0.001)] if len(per_group) else per_group
    n_groups = int(per_group["target"].nunique()) if len(per_group) else 0
    best = (sig.sort_values(["g2", "term"], ascending=[False, True]).iloc[0] if len(sig) else
            pd.Series({"term": "", "target": "", "count_target": 0, "count_reference": 0, "g2": np.nan,
                       "log_ratio": np.nan}))
    case = "empty" if per_group.empty else "some" if len(sig) else "none"
    cut = case != "empty" and shown is not None and n_groups > shown
    return _row(case=case + ("_cut" if cut else ""), n_docs=len(docs), n_groups=n_groups,
                n_keyed=int(sig["target"].nunique()) if len(sig) else 0, n_keywords=len(sig), term=best["term"],
                target=str(best["target"]), count_target=int(best["count_target"]),
                count_reference=int(best["count_reference"]), g2=float(best["g2"]),
                log_ratio=float(best["log_ratio"]), ratio=float(2 ** best["log_ratio"]),
                n_shown=min(n_groups, shown) if shown is not None else n_groups)


def period_facts(docs: pd.DataFrame, per_period: pd.DataFrame) -> pd.DataFrame:
    """Keyness by year in one row: the columns of `keyness_facts` plus n_dated and n_years, with
    case "undated" (no article has a date), "one_year", "single" (every year holds one article,
    so years repeat articles) before the keyness cases "empty", "none", "some".

    Example: report.say({"undated": "No article has a date.", ...}, period_facts(docs, per_year))
    """
    years = docs["date"].dropna().dt.year
    facts = keyness_facts(docs, per_period, shown=None).assign(n_dated=len(years), n_years=int(years.nunique()))
    if years.empty or years.nunique() < 2 or years.value_counts().max() == 1:
        facts["case"] = "undated" if years.empty else "one_year" if years.nunique() < 2 else "single"
    return facts


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


def exports_facts(term_counts: pd.DataFrame, keyness: pd.DataFrame, max_rows: int = MAX_EXPORT_ROWS) -> pd.DataFrame:
    """What the exported term_counts and keyness tables hold, in one row: case ("whole", "terms_cut",
    "keyness_cut", "both_cut"), max_rows, n_term_rows, n_term_full, min_docs (articles a kept term
    is in at least), n_keyness_rows, n_keyness_full, per_article (terms kept per article; 0: no cut).

    Example: report.say("`term_counts.csv` holds {n_term_rows:,} rows", exports_facts(term_counts, keyness))
    """
    min_docs, per_article = term_counts.attrs.get("min_docs", 1), keyness.attrs.get("per_article")
    cut = [name for name, on in (("terms", min_docs > 1), ("keyness", per_article is not None)) if on]
    return _row(case="both_cut" if len(cut) == 2 else f"{cut[0]}_cut" if cut else "whole", max_rows=max_rows,
                n_term_rows=len(term_counts), n_term_full=int(term_counts.attrs.get("n_full", len(term_counts))),
                min_docs=int(min_docs), n_keyness_rows=len(keyness),
                n_keyness_full=int(keyness.attrs.get("n_full", len(keyness))), per_article=int(per_article or 0))


def english_facts(vs_english: pd.DataFrame, n_top: int = 5, n_unknown_shown: int = 3) -> pd.DataFrame:
    """The comparison with general English in one row: case ("empty": no word scored; "none": no word
    over-used at p < 0.001; "some"; with "_unknown" when some words are not in the English list),
    n_scored, n_over, n_top, top ("a, b": the strongest by G2), n_unknown, unknown ("a, b, c, ...").

    Example: report.say("{n_over:,} of {n_scored:,} words are over-used", english_facts(vs_english))
    """
    over = vs_english[(vs_english["g2"] > 0) & (vs_english["p_value"] < 0.001)]
    unknown = vs_english.loc[vs_english["english_per_million"] == 0, "term"].tolist()
    case = "empty" if vs_english.empty else "some" if len(over) else "none"
    shown = unknown[:n_unknown_shown] + (["..."] if len(unknown) > n_unknown_shown else [])
    top = over["term"].head(n_top).tolist()
    return _row(case=case + ("_unknown" if unknown else ""), n_scored=len(vs_english), n_over=len(over),
                n_top=len(top), top=", ".join(top), n_unknown=len(unknown), unknown=", ".join(shown))


def collocation_facts(colls: pd.DataFrame, n_top: int = 5, n_checked: int = 10) -> pd.DataFrame:
    """The strongest word pairs in one row: case ("none", "some"), n_pairs, measure, top ("a b, c d":
    the `n_top` strongest), n_checked (of the strongest, how many were compared with concepts.csv),
    n_named (of those, how many are a spelling of a concept).

    Example: report.say("The strongest pairs are {top}", collocation_facts(colls))
    """
    patterns = concept_patterns()
    checked = colls["bigram"].head(n_checked).tolist()
    named = sum(any(p.fullmatch(b) for p in patterns.values()) for b in checked)
    return _row(case="some" if len(colls) else "none", n_pairs=len(colls),
                measure=str(colls["measure"].iloc[0]) if len(colls) else "",
                top=", ".join(colls["bigram"].head(n_top)), n_checked=len(checked), n_named=int(named))


def kwic_examples(docs: pd.DataFrame, concepts: pd.DataFrame, n_concepts: int = 3, per_concept: int = 3,
                  window: int = 8) -> pd.DataFrame:
    """KWIC lines for the `n_concepts` most used concepts: concept, doc_id, left, match, right.

    Takes the first match in each of the first `per_concept` articles (date order) using the concept.
    """
    totals = concept_totals(docs, concepts)
    chosen = totals[totals["count"] > 0]["concept"].head(n_concepts).tolist()
    rank = {d: i for i, d in enumerate(in_date_order(docs)["doc_id"])}
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


def evidence_facts(docs: pd.DataFrame, counts: pd.DataFrame, concepts: pd.DataFrame, per_article: pd.DataFrame,
                   vs_english: pd.DataFrame) -> pd.DataFrame:
    """What the counts, concepts and keyness support, in one row (worded by `prose.terms_evidence`):
    n_docs, n_shared (lemmas in every article), shared_top, n_concepts, n_used, n_with_concept
    (articles with a concept), used_top, n_compared (articles scored for keyness), n_keyed (with a
    keyword at p < 0.001), n_best (top 3 keywords per article), n_alone (of those, in no other
    article), n_over (words over-used against general English), over_top, languages (codes, "en, zh").
    """
    uni = _unigrams(counts)
    n = len(docs)
    spread = uni.groupby("term")["doc_id"].nunique()
    shared = spread[spread == n].index
    totals, used = _used_concepts(docs, concepts)
    scored = per_article if len(per_article) else pd.DataFrame(columns=["target", "g2", "p_value",
                                                                        "count_reference"])
    sig = scored[(scored["g2"] > 0) & (scored["p_value"] < 0.001)]
    best = scored[scored["g2"] > 0].groupby("target", sort=False).head(3)
    over = vs_english[(vs_english["g2"] > 0) & (vs_english["p_value"] < 0.001)]
    return _row(n_docs=n, n_shared=len(shared),
                shared_top=", ".join(top_terms(docs, uni[uni["term"].isin(shared)], n=5)["term"]),
                n_concepts=len(totals), n_used=len(used),
                n_with_concept=int(concepts.loc[concepts["count"] > 0, "doc_id"].nunique()),
                used_top=", ".join(used["concept"].head(3)), n_compared=int(scored["target"].nunique()),
                n_keyed=int(sig["target"].nunique()), n_best=len(best),
                n_alone=int((best["count_reference"] == 0).sum()), n_over=len(over),
                over_top=", ".join(over["term"].head(6)),
                languages=", ".join(sorted(docs["language"].dropna().unique())) if "language" in docs else "en")
