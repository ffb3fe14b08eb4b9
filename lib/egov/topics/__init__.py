"""Stage 3, topics: passages (`split`), the vocabulary (`vocab`), NMF and LDA fits (`models`, `lda`),
coherence (`coherence`), choosing k (`selection`) and the cached stage (`stage`)."""
from egov.topics.models import (MODELS, N_TERMS, WINDOW, PassageTerms, TopicModel, doc_topics, final_settings,
                                fit_topics, passage_terms, passage_topics, representative_passages,
                                topic_labels, topic_summary, topic_terms)
from egov.topics.split import passages

__all__ = ["MODELS", "N_TERMS", "WINDOW", "PassageTerms", "TopicModel", "passages", "passage_terms", "fit_topics",
           "final_settings", "topic_labels", "topic_terms", "passage_topics", "doc_topics",
           "topic_summary", "representative_passages"]
