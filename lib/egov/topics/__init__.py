"""Stage 3, topics: passages (`split`), NMF and LDA fits (`models`), coherence (`coherence`),
choosing k and the shared topic stage (`selection`)."""
from egov.topics.models import (MODELS, N_TERMS, WINDOW, PassageTerms, TopicModel, doc_topics, final_settings,
                                fit_topics, online_passes, passage_terms, passage_topics, representative_passages,
                                topic_labels, topic_summary, topic_terms)
from egov.topics.split import passages

__all__ = ["MODELS", "N_TERMS", "WINDOW", "PassageTerms", "TopicModel", "passages", "passage_terms", "fit_topics",
           "final_settings", "online_passes", "topic_labels", "topic_terms", "passage_topics", "doc_topics",
           "topic_summary", "representative_passages"]
