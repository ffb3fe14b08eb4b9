"""Stage 2, terms: tokens and counts (`tokens`), concepts (`concepts`), keyness
(`distinctive`), phrases and words in context (`phrases`)."""
from egov.terms.concepts import count_concepts, load_concepts
from egov.terms.distinctive import keyness, keyness_by, keyness_vs_english, keyness_vs_general
from egov.terms.phrases import collocations, kwic
from egov.terms.matrix import TermMatrix
from egov.terms.tokens import (TOKEN_PATTERN, count_matrix, count_terms, document_term_matrix, load_stopwords,
                               select_language, tf_idf, tokenize, tokenize_corpus, word_counts)

__all__ = ["TOKEN_PATTERN", "load_stopwords", "tokenize", "tokenize_corpus", "document_term_matrix", "count_terms",
           "count_matrix", "TermMatrix",
           "tf_idf", "load_concepts", "count_concepts", "keyness", "keyness_by", "keyness_vs_english",
           "keyness_vs_general", "collocations", "kwic", "select_language", "word_counts"]
