"""The language seam: what differs between English and Chinese lives under `egov.lang`.

`detect_language(text)` tells which language an article is written in, from its script:
Han characters (Simplified or Traditional) make it Chinese ("zh"), kana Japanese ("ja"),
Hangul Korean ("ko"); Latin-script text is English ("en") when English function words
make up a plausible share of its words, else "other". "und" means no letters at all.
"""
from __future__ import annotations

import re

__all__ = ["LANGUAGES", "detect_language", "language_counts"]

LANGUAGES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "other": "other", "und": "undetermined"}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
# The commonest English function words: in English news prose they are about a third of all
# words; in other Latin-script languages (and in lists of names) they are rare.
_ENGLISH = frozenset("the of and to in a is for on that with by as at from it be are was were this its has have "
                     "will an or which not their".split())
ENGLISH_SHARE = 0.08  # at least this share of Latin words are English function words


def language_counts(text: str) -> dict[str, int]:
    """Counts that decide the language: Han characters, kana, Hangul syllables, Latin words
    and the English function words among them."""
    latin = _LATIN_WORD.findall(text)
    return {"han": len(_HAN.findall(text)), "kana": len(_KANA.findall(text)), "hangul": len(_HANGUL.findall(text)),
            "latin_words": len(latin), "english_words": sum(w.lower() in _ENGLISH for w in latin)}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: "zh", "en", "ja", "ko", "other" or "und".

    A Han character counts as one word against the Latin words, so a Chinese article quoting
    "5G" or "APP" stays Chinese and an English one naming 一网通办 stays English.
    Example: detect_language("国务院办公厅印发通知，推进政务服务一网通办。") == "zh"
    """
    c = language_counts(text)
    if c["kana"] >= 0.1 * max(c["han"], 1) and c["kana"] > c["latin_words"]:
        return "ja"
    if c["hangul"] > max(c["han"], c["latin_words"]):
        return "ko"
    if c["han"] and c["han"] >= c["latin_words"]:
        return "zh"
    if c["latin_words"]:
        return "en" if c["english_words"] >= ENGLISH_SHARE * c["latin_words"] else "other"
    return "und"
