"""The topic stage step by step, each step kept in the on-disk cache (`egov.cache`).

Notebook 03 runs the steps in view: `vocabulary` (passages -> terms), `sweep` (coherence and
stability per k and model), `selection.choose_k` (the rule), `fit` (the final models),
`selection.match_topics` and `baseline`. Notebook 04 and `egov build` call `topic_stage`, which
runs the same cached steps, so within a build they read notebook 03's results instead of
fitting again. Each step's key holds the content of its input, its arguments, every setting
(stage_settings) and the egov code, so a cached result always equals a fresh one.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from egov import cache
from egov.topics import lda as _lda
from egov.topics import models as _topics
from egov.topics import sample as _sample
from egov.topics import selection as _sel
from egov.topics import vocab as _vocab
from egov.topics.models import (MODELS, PassageTerms, TopicModel, doc_topics, passage_topics, topic_summary,
                                topic_terms)


@dataclass
class TopicStage:
    """Everything the topic notebook, the timeline and the build export, from one call."""

    terms: PassageTerms | None
    sweep: pd.DataFrame
    choice: pd.DataFrame  # choose_k: model, k, stability, coherence, ..., reason
    models: dict[str, TopicModel]
    topics: pd.DataFrame  # model, topic, label, rank, term, weight
    doc_topics: pd.DataFrame  # model, doc_id, topic, share
    summary: pd.DataFrame  # model, topic, label, share, coherence, top_terms
    matches: pd.DataFrame
    baseline: pd.DataFrame
    passage_topics: pd.DataFrame  # model, doc_id, passage_id, topic, share
    reason: str = ""  # why there is no model (the corpus is too small), else ""
    ks: dict[str, int] = field(default_factory=dict)

    @property
    def fitted(self) -> bool:
        """Whether models were fitted (False for a corpus too small for a topic model)."""
        return bool(self.models)

    @property
    def k(self) -> int:
        """The first model's (NMF's) chosen k; 0 without a model."""
        return int(self.ks.get(MODELS[0], 0))

    @property
    def reasons(self) -> str:
        """Why each model's k was chosen (or why there is no model)."""
        if not self.fitted:
            return f"no topic model: {self.reason}"
        return " ".join(self.choice["reason"])

    @property
    def fit_sample(self) -> pd.DataFrame:
        """Passages per period and how many of them the final fits used (sample.sample_table)."""
        if self.terms is None:
            return pd.DataFrame(columns=_sample.SAMPLE_COLUMNS)
        return _sample.sample_table(self.terms.passages, _sample.MAX_FIT_PASSAGES, _sample.MIN_PER_PERIOD)


def stage_settings() -> dict:
    """Every module-level setting the topic stage's result depends on (part of its cache keys)."""
    import sklearn
    import tomotopy

    return {
        "topics": {name: getattr(_topics, name) for name in ("MIN_DF", "MAX_DF", "N_TERMS", "WINDOW", "NMF_PARAMS",
                                                              "TFIDF_PARAMS", "LDA_PARAMS", "RELEVANCE")},
        "lda": (_lda.TOKEN_BUDGET, _lda.MIN_ITERATIONS),
        "vocab": (_vocab.PHRASE_MIN_COUNT, _vocab.PHRASE_MIN_LLR, _vocab.PHRASE_MIN_PMI),
        "selection": {"N_RUNS": _sel.N_RUNS, "SUBSAMPLE": _sel.SUBSAMPLE,
                      "SMALL": _sel.SMALL, "SWEEP_SETTINGS": _sel.SWEEP_SETTINGS,
                      "FINAL_FITS": _sel.FINAL_FITS},
        "sample": (_sample.MAX_FIT_PASSAGES, _sample.MIN_PER_PERIOD, _sample.INFER_BATCH, _sample.INFER_ITERATIONS),
        "versions": (sklearn.__version__, tomotopy.__version__, np.__version__, pd.__version__),
    }


def _content_hash(passages: pd.DataFrame | PassageTerms) -> str:
    """Hash of the passages (ids, lengths, texts) or, for a PassageTerms, also of its tokens and vocabulary."""
    table = passages.passages if isinstance(passages, PassageTerms) else passages
    parts = [str(list(table.columns))]
    for col in ("doc_id", "passage_id", "n_words", "text", "date", "period"):
        if col in table.columns:
            parts.append(cache.texts_fingerprint([str(v) for v in table[col]]))
    if isinstance(passages, PassageTerms):
        parts += [cache.texts_fingerprint([" ".join(t) for t in passages.tokens]),
                  cache.texts_fingerprint(list(passages.vocab)), repr((passages.min_df, passages.max_df))]
    return cache.texts_fingerprint(parts)


def _cached(kind: str, data: pd.DataFrame | PassageTerms, args: tuple, compute):
    n = len(data.passages if isinstance(data, PassageTerms) else data)
    key = cache.make_key(kind, _content_hash(data), args, stage_settings())
    return cache.cached(key, cache.cache_dir(n), compute)


def vocabulary(passages: pd.DataFrame) -> PassageTerms:
    """The passages' terms (topics.passage_terms: phrases joined, outlets and furniture left out), cached.

    Passages too few or too alike for a topic model give an empty PassageTerms whose `reason`
    says why; the later steps then return empty tables. Example: pt = vocabulary(passages(docs))
    """
    if isinstance(passages, PassageTerms):
        return passages
    return _cached("topic_vocabulary", passages, (), lambda: _terms_or_reason(passages))


def _terms_or_reason(passages: pd.DataFrame) -> PassageTerms:
    try:
        return _topics.passage_terms(passages)
    except _topics.TooSmall as err:
        empty = passages.iloc[0:0]
        return PassageTerms(empty, [], _topics.count_matrix([], []), [],
                            phrases=pd.DataFrame(columns=_vocab.PHRASE_COLUMNS), reason=str(err))


def _empty(name: str, reason: str) -> pd.DataFrame:
    out = pd.DataFrame(columns=STAGE_COLUMNS[name])
    out.attrs["reason"] = reason
    return out


def sweep(pt: PassageTerms, seed: int = 42, ks: Iterable[int] = _sel.KS, n_runs: int | None = None,
          max_passages: int | None = _sel.MAX_PASSAGES) -> pd.DataFrame:
    """selection.sweep_k on the passages' terms, cached; empty (attrs["reason"]) when they are too small.

    Example: sweep(pt, seed=42)
    """
    ks = tuple(sorted({int(k) for k in ks}))
    if pt.reason:
        return _empty("sweep", pt.reason)
    try:  # a corpus too small to sweep fails fast, before any fit, and is not cached (its reason is in attrs)
        return _cached("topic_sweep", pt, (seed, ks, n_runs, max_passages),
                       lambda: _sel.sweep_k(pt, ks, MODELS, seed, n_runs, max_passages))
    except _topics.TooSmall as err:
        return _empty("sweep", str(err))


def fit(pt: PassageTerms, choice: pd.DataFrame | dict | int, seed: int = 42) -> dict[str, TopicModel]:
    """The final fit of each model at its chosen k (a choose_k table, {model: k} or one k): the most
    coherent of selection.FINAL_FITS[model] fits (selection.most_coherent_fit), cached; {} when the
    choice is empty. Past sample.MAX_FIT_PASSAGES passages those fits run on a period-stratified
    sample and every passage's shares are inferred (sample.fit_sampled).
    Example: models = fit(pt, choose_k(sweep(pt)), seed=42)
    """
    if isinstance(choice, pd.DataFrame) and choice.empty:
        return {}
    ks = {m: _sel.chosen_k(choice, m) for m in MODELS}
    return _cached("topic_fit", pt, (tuple(sorted(ks.items())), seed),
                   lambda: {m: _sample.fit_sampled(pt, k, m, seed, _sample.MAX_FIT_PASSAGES, fit=_sel.most_coherent_fit)
                            for m, k in ks.items()})


def baseline(pt: PassageTerms, choice: pd.DataFrame | dict | int, seed: int = 42,
             max_passages: int | None = _sel.MAX_PASSAGES) -> pd.DataFrame:
    """selection.baseline_coherence at each model's chosen k, cached; empty when the choice is.

    Example: baseline(pt, choice, seed=42)
    """
    if isinstance(choice, pd.DataFrame) and choice.empty:
        return _empty("baseline", pt.reason)
    ks = {m: _sel.chosen_k(choice, m) for m in MODELS}
    return _cached("topic_baseline", pt, (tuple(sorted(ks.items())), seed, max_passages),
                   lambda: _sel.baseline_coherence(pt, ks, seed, MODELS, max_passages))


def tables(models: dict[str, TopicModel]) -> dict[str, pd.DataFrame]:
    """The stage's tables from fitted models: topics, doc_topics, summary, matches, passage_topics
    (empty tables without models)."""
    if not models:
        return {name: pd.DataFrame(columns=STAGE_COLUMNS[name])
                for name in ("topics", "doc_topics", "summary", "matches", "passage_topics")}
    terms = {m: topic_terms(tm) for m, tm in models.items()}
    return {"topics": pd.concat(terms.values(), ignore_index=True),
            "doc_topics": pd.concat([doc_topics(tm) for tm in models.values()], ignore_index=True),
            "summary": pd.concat([topic_summary(tm) for tm in models.values()], ignore_index=True),
            "matches": _sel.match_topics(terms[MODELS[0]], terms[MODELS[1]]),
            "passage_topics": pd.concat([passage_topics(tm) for tm in models.values()], ignore_index=True)}


STAGE_COLUMNS = {
    "sweep": ["k", "model", "coherence", "coherence_sd", "stability", "stability_min", "n_runs", "window",
              "n_sweep_passages", "n_passages", "fits"],
    "choice": _sel.CHOICE_COLUMNS,
    "topics": ["model", "topic", "label", "rank", "term", "weight", "relevance"],
    "doc_topics": ["model", "doc_id", "topic", "share"],
    "summary": ["model", "topic", "label", "share", "coherence", "top_terms"],
    "matches": ["model_a", "topic_a", "label_a", "model_b", "topic_b", "label_b", "n_shared", "shared_terms", "found_by"],
    "baseline": ["model", "corpus", "k", "coherence", "coherence_min", "coherence_max", "n_passages"],
    "passage_topics": ["model", "doc_id", "passage_id", "topic", "share"],
}


def topic_stage(
    passages: pd.DataFrame | PassageTerms, n_topics: int | None = None, seed: int = 42, ks: Iterable[int] = _sel.KS,
    n_runs: int | None = None, max_passages: int | None = _sel.MAX_PASSAGES,
) -> TopicStage:
    """The whole topic stage: vocabulary, sweep, choose k per model, fits, tables, matches, baseline.

    Runs the cached steps of notebook 03, so it reads them when notebook 03 has run. A corpus
    too small for a topic model gives an empty stage whose `reason` says why.
    Example: stage = topic_stage(passages(docs), seed=42); stage.topics.head()
    """
    pt = vocabulary(passages)
    swept = sweep(pt, seed, ks, n_runs, max_passages)
    choice = _sel.choose_k(swept, n_topics)
    models = fit(pt, choice, seed)
    return TopicStage(terms=pt if models else None, sweep=swept, choice=choice, models=models,
                      baseline=baseline(pt, choice, seed, max_passages), reason=swept.attrs.get("reason", ""),
                      ks={m: int(k) for m, k in zip(choice["model"], choice["k"])}, **tables(models))
