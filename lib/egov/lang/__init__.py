"""The language seam: what differs between English and Chinese lives under `egov.lang`.

`detect_language(text)` tells which language an article is written in, from its script:
Han characters (Simplified or Traditional) make it Chinese ("zh"), kana Japanese ("ja"),
Hangul Korean ("ko"); Latin-script text is English ("en") when English function words
make up a plausible share of its words, else "other". "und" means no letters at all.

`words(code)` is the seam for words: the module of word rules for one language
(`egov.lang.zh.words` for "zh", `egov.lang.en.words` for English and, as the fallback, every
language without a module of its own). Each offers UNIT, normalize, raw_tokens, type_info,
stopwords and split_sentences; a new language is one new module under `egov/lang/<code>/`
and one entry in WORD_MODULES. `languages_of(docs)` gives the language of each article:
the `language` column when the loader set it, else `detect_language` of its text.
"""
from __future__ import annotations

import importlib
import re
from types import ModuleType

__all__ = ["LANGUAGES", "WORD_MODULES", "detect_language", "language_counts", "word_language", "words",
           "languages_of", "word_languages_of", "has_han"]

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


# Languages with word rules of their own; any other code uses English's.
WORD_MODULES = {"en": "egov.lang.en.words", "zh": "egov.lang.zh.words"}


def has_han(text: str) -> bool:
    """Whether the text has a Han character (a text without one is never Chinese)."""
    return _HAN.search(text) is not None


def word_language(code: str) -> str:
    """The language whose word rules apply to articles in `code` ("zh" -> "zh", others -> "en").

    Example: word_language("other") == "en"
    """
    return code if code in WORD_MODULES else "en"


def words(code: str) -> ModuleType:
    """The module of word rules (segmentation, normalisation, stopwords, sentences) for `code`.

    Example: words("zh").raw_tokens("推进一网通办") -> ['推进', '一网通办']
    """
    return importlib.import_module(WORD_MODULES[word_language(code)])


def languages_of(docs) -> list[str]:
    """The language code of each row of `docs`: its `language` column where set, else detected.

    Example: languages_of(pd.DataFrame({"text": ["推进一网通办。", "The platform."]})) == ["zh", "en"]
    """
    texts = docs["text"].tolist() if "text" in docs.columns else [""] * len(docs)
    given = docs["language"].tolist() if "language" in docs.columns else [None] * len(texts)
    return [g if isinstance(g, str) and g else (detect_language(t) if isinstance(t, str) else "und")
            for g, t in zip(given, texts)]


def word_languages_of(docs) -> list[str]:
    """The word rules of each row of `docs` ("zh" or "en"), as `word_language(languages_of(docs))`.

    Faster on English: a text without a Han character never needs detecting.
    Example: word_languages_of(pd.DataFrame({"text": ["推进一网通办。", "Le portail."]})) == ["zh", "en"]
    """
    texts = docs["text"].tolist() if "text" in docs.columns else [""] * len(docs)
    given = docs["language"].tolist() if "language" in docs.columns else [None] * len(texts)
    out = []
    for g, t in zip(given, texts):
        if not (isinstance(g, str) and g):
            g = detect_language(t) if isinstance(t, str) and has_han(t) else "en"
        out.append(word_language(g))
    return out
