"""What a topic meant in each period: its share with the interval, and the passages that carry it most.

A topic's label is its top terms over the whole corpus; what it stood for in 2008 and in 2020 can
differ. For each model, topic and period this module takes the period's share of the topic (from
`topic_share_by_period`, with its bootstrap interval) and the `n` passages of the period's
articles with the highest share of the topic, from different articles where there are that many,
quoted with their article's title, source and date.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from egov.timeline.periods import placed_articles

QUOTE_WORDS = 30  # a passage is quoted by its first 30 words
QUOTE_SHARE = 4  # at most a quarter of an article's passages are quoted in the table (at least one)
TOPIC_PERIOD_COLUMNS = ["model", "topic", "period", "share", "ci_low", "ci_high", "rank", "doc_id", "passage_id",
                        "passage_share", "passage", "title", "source", "date", "label", "n_docs", "period_start"]


def topic_periods(docs: pd.DataFrame, topic_trends: pd.DataFrame, passage_shares: pd.DataFrame,
                  passages: pd.DataFrame, period: str = "year", eras=None, n: int = 2) -> pd.DataFrame:
    """Each topic's share per period with its interval and the n passages that carry it most there.

    `topic_trends`: topic_share_by_period (or theme_trends) rows; `passage_shares`: model,
    doc_id, passage_id, topic, share (topics.passage_topics); `passages`: passage_id, text.
    Passages are ranked by their share of the topic (ties: earlier passage_id), one per article
    first. Returns model, topic, period, share, ci_low, ci_high, rank (1..n), doc_id,
    passage_id, passage_share, passage (its first QUOTE_WORDS words; empty once a quarter of
    the article's passages are quoted), title, source, date, label, n_docs, period_start;
    sorted by model, topic, period_start, rank. A period without passages of
    the topic's model has no rows.
    Example: topic_periods(docs, theme_trends(docs), stage.passage_topics, stage.terms.passages)
    """
    for name, table, cols in (("topic_trends", topic_trends, ("model", "period", "topic", "share", "ci_low",
                                                              "ci_high")),
                              ("passage_shares", passage_shares, ("model", "doc_id", "passage_id", "topic", "share")),
                              ("passages", passages, ("passage_id", "text"))):
        missing = [c for c in cols if c not in table.columns]
        if missing:
            raise ValueError(f"topic_periods: {name} has no column {', '.join(missing)}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if topic_trends.empty or passage_shares.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("share", "ci_low", "ci_high", "passage_share")
                                          else "object") for c in TOPIC_PERIOD_COLUMNS})
    placed, _ = placed_articles(docs, period, eras)
    p = passage_shares.assign(doc_id=passage_shares["doc_id"].astype(str)).merge(
        placed[["doc_id", "period"]], on="doc_id", how="inner")
    p = p.sort_values(["model", "topic", "period", "share", "passage_id"], ascending=[True, True, True, False, True],
                      kind="stable")
    p["n_of_doc"] = p.groupby(["model", "topic", "period", "doc_id"]).cumcount()  # 0 = the article's best passage
    p = p.sort_values(["model", "topic", "period", "n_of_doc", "share", "passage_id"],
                      ascending=[True, True, True, True, False, True], kind="stable")
    p["rank"] = p.groupby(["model", "topic", "period"]).cumcount() + 1
    top = p[p["rank"] <= n].rename(columns={"share": "passage_share"}).drop(columns="n_of_doc")
    keep = [c for c in ("model", "period", "topic", "share", "ci_low", "ci_high", "label", "n_docs", "period_start")
            if c in topic_trends.columns]
    out = topic_trends[keep].assign(topic=topic_trends["topic"].astype("int64")).merge(
        top.astype({"topic": "int64"}), on=["model", "topic", "period"], how="inner")
    out = out.merge(passages[["passage_id", "text"]].rename(columns={"text": "passage"}), on="passage_id", how="left")
    out["passage"] = _quotes(out, passages)
    meta = docs.assign(doc_id=docs["doc_id"].astype(str))
    meta = meta[["doc_id"] + [c for c in ("title", "source", "date") if c in meta.columns]]
    out = out.merge(meta, on="doc_id", how="left")
    for col in TOPIC_PERIOD_COLUMNS:
        if col not in out.columns:
            out[col] = pd.NA
    out = out.sort_values(["model", "topic", "period_start", "period", "rank"], kind="stable", ignore_index=True)
    return out[TOPIC_PERIOD_COLUMNS].astype({"rank": "int64", "topic": "int64"})


def _quotes(rows: pd.DataFrame, passages: pd.DataFrame) -> pd.Series:
    """Each row's quote: the passage's first QUOTE_WORDS words, while its article's quota of quoted
    passages (a quarter of them, at least one) lasts; passages are admitted best-carrying first."""
    doc = (passages["doc_id"].astype(str) if "doc_id" in passages.columns
           else passages["passage_id"].astype(str).str.rsplit("#", n=1).str[0])
    per_doc = passages.assign(doc_id=doc.to_numpy()).groupby("doc_id")["passage_id"].nunique()
    quota = (per_doc // QUOTE_SHARE).clip(lower=1)
    order = rows.sort_values(["rank", "passage_share", "passage_id"], ascending=[True, False, True], kind="stable")
    admitted: dict[str, set] = {}
    for doc_id, pid in zip(order["doc_id"], order["passage_id"]):
        chosen = admitted.setdefault(doc_id, set())
        if pid not in chosen and len(chosen) < quota.get(doc_id, 1):
            chosen.add(pid)
    ok = [pid in admitted.get(doc, ()) for doc, pid in zip(rows["doc_id"], rows["passage_id"])]
    words = rows["passage"].fillna("").astype(str).str.split()
    quote = words.map(lambda w: " ".join(w[:QUOTE_WORDS]) + (" …" if len(w) > QUOTE_WORDS else ""))
    return quote.where(ok, "")


def largest_topics(topic_periods_table: pd.DataFrame, model: str = "nmf", n_topics: int = 3,
                   max_words: int = 40) -> pd.DataFrame:
    """A reading view of topic_periods: the model's n_topics largest topics (by mean share over
    periods), each period's share and interval and its best-carrying quoted passage (first max_words words).

    Returns topic, label, period, n_docs, share, ci_low, ci_high, source, date (YYYY-MM-DD), title,
    quote; the largest topic first, then by period. Example: largest_topics(topic_periods(...), "nmf", 3)
    """
    t = topic_periods_table[topic_periods_table["model"] == model]
    t = t.assign(unquoted=t["passage"].fillna("").astype(str).eq("")).sort_values(
        ["topic", "period_start", "period", "unquoted", "rank"], kind="stable")
    t = t.drop_duplicates(["topic", "period"])  # per period its best-carrying passage that the table quotes
    cols = ["topic", "label", "period", "n_docs", "share", "ci_low", "ci_high", "source", "date", "title", "quote"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    size = t.groupby("topic")["share"].mean().sort_values(ascending=False, kind="stable")
    order = {topic: i for i, topic in enumerate(size.index[:n_topics])}
    t = t[t["topic"].isin(order)].assign(order=lambda d: d["topic"].map(order))
    t = t.sort_values(["order", "period_start", "period"], kind="stable")
    words = t["passage"].fillna("").astype(str).str.split()
    quote = words.map(lambda w: " ".join(w[:max_words]) + (" …" if len(w) > max_words else "")).str.replace(
        "… …", "…", regex=False)
    date = pd.to_datetime(t["date"], errors="coerce").dt.strftime("%Y-%m-%d").fillna("undated")
    return t.assign(quote=quote, date=date)[cols].reset_index(drop=True)


def period_quote(view: pd.DataFrame) -> pd.DataFrame:
    """One row of largest_topics for a sentence: the largest topic in the period where its share peaks
    (the earliest such period on a tie).

    Returns the view's columns (one row, or none when the view is empty). Example: period_quote(view)
    """
    if view.empty:
        return view
    rows = view[view["topic"] == view["topic"].iloc[0]]
    return rows.loc[[rows["share"].idxmax()]].reset_index(drop=True)


def theme_periods(docs: pd.DataFrame, topic_trends: pd.DataFrame, period: str = "year", eras=None, seed: int = 42,
                  n_topics: int | None = None, n: int = 2) -> pd.DataFrame:
    """topic_periods for the topic stage of notebook 03 (the same cached call as theme_trends).

    Returns topic_periods' columns; empty when no topic model could be fitted.
    Example: theme_periods(docs, theme_trends(docs, "year"), "year", seed=42)
    """
    from egov.topics.split import passages
    from egov.topics.stage import topic_stage

    stage = topic_stage(passages(docs), n_topics=n_topics, seed=seed)
    if not stage.fitted:
        return topic_periods(docs, topic_trends.iloc[0:0], stage.passage_topics, pd.DataFrame(
            columns=["passage_id", "text"]), period, eras, n)
    return topic_periods(docs, topic_trends, stage.passage_topics, stage.terms.passages, period, eras, n)
