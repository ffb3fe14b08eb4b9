"""English: the rules of `egov.lang` for articles written in English (and the fallback for
any language without a module of its own)."""
