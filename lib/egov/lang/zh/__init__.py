"""Chinese (Simplified and Traditional): what differs from English, for every stage.

`dates` (date lines of Chinese pages), `lines` (prose, page furniture and titles of Chinese
lines) and `sources` (outlets from 来源 lines and mastheads) serve the loader; `words`
(segmentation, normalisation, stopwords) serves the term and topic stages.
"""
