"""Stage 2, terms: tokens and counts (`tokens`), concepts (`concepts`), keyness
(`distinctive`), phrases and words in context (`phrases`)."""
from egov.terms.concepts import count_concepts, load_concepts
from egov.terms.distinctive import keyness, keyness_by, keyness_vs_english
from egov.terms.phrases import collocations, kwic
from egov.terms.tokens import (TOKEN_PATTERN, count_terms, document_term_matrix, load_stopwords, tf_idf, tokenize,
                               tokenize_corpus)

__all__ = ["TOKEN_PATTERN", "load_stopwords", "tokenize", "tokenize_corpus", "document_term_matrix", "count_terms",
           "tf_idf", "load_concepts", "count_concepts", "keyness", "keyness_by", "keyness_vs_english",
           "collocations", "kwic"]
