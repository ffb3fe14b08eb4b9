"""English words: the tokenizer rules, lemmas and stopwords used by `egov.terms`.

Text is lower-cased and split into word tokens that keep hyphenated and plus forms
("e-government", "internet+"); possessive 's is cut; tokens without a letter (numbers
such as "2016", "40") are not words; lemmas come from simplemma (offline, English);
stopwords from `data/stopwords_en.txt` (editable). English text is not normalised
(`normalize` returns it unchanged), so English results stay as they were before the
language seam. Every language module offers the same names: UNIT, normalize,
raw_tokens, type_info, stopwords, split_sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import simplemma

__all__ = ["UNIT", "TOKEN_PATTERN", "LEMMA_EXCEPTIONS", "normalize", "raw_tokens", "type_info", "stopwords",
           "split_sentences"]

UNIT = "words"  # what a token is, as per_1k rates say: "per 1,000 words"
# A word: letters/digits, optionally joined by hyphens or apostrophes; a trailing "+"
# (also "Internet +", one space) is kept as part of the word, as in "Internet+".
TOKEN_PATTERN = r"[^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*(?:[ ]?\+(?![\w+]))?"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# simplemma maps these to unhelpful lemmas in news text ("ai" -> "be", "media" -> "medium").
LEMMA_EXCEPTIONS = {"ai": "ai", "media": "media", "data": "data", "lives": "life", "us": "us", "affairs": "affairs"}
# A sentence ends with . ! or ? (optionally closed by a quote or bracket) before a
# space and a capital, digit or opening quote.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[A-Z0-9\"'“‘(\[])")


def normalize(text: str) -> str:
    """English text as counted: unchanged (case is folded by the tokenizer)."""
    return text


def raw_tokens(text: str) -> list[str]:
    """Raw token types of one text, in order, before lemmas and stopwords (see `type_info`).

    Example: raw_tokens("The e-Government of Internet+") -> ['the', 'e-government', 'of', 'internet+']
    """
    return _TOKEN_RE.findall(text.lower())


def stopwords() -> frozenset[str]:
    """The editable English stopword list in `egov/data/stopwords_en.txt`.

    Example: "the" in stopwords()
    """
    return _stopwords()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("egov").joinpath("data/stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=2**18)
def type_info(surface: str, lemmas: bool) -> tuple[str, bool, bool]:
    """(term, is_word, is_stopword) for one raw token type, cached across calls.

    Example: type_info("platforms", True) -> ('platform', True, False)
    """
    word = surface.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").replace(" ", "")
    if word.endswith("'s"):
        word = word[:-2]
    term = word
    if lemmas and not word.endswith("+"):
        head, dash, last = word.rpartition("-")
        if last:
            lemma = LEMMA_EXCEPTIONS.get(last) or simplemma.lemmatize(last, lang="en").lower()
            term = head + dash + lemma
    stops = _stopwords()
    return term, bool(_HAS_LETTER.search(word)), word in stops or term in stops


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph: split after . ! ? before a capital, digit or quote.

    Example: split_sentences("One. Two.") -> ['One.', 'Two.']
    """
    return SENTENCE_END.split(text)
