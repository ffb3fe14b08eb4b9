"""Chinese: the rules of `egov.lang` for articles written in Chinese (Simplified or
Traditional). `words` segments, normalises and filters words; `dates` (the loader's)
reads Chinese publication dates."""
