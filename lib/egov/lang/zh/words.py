"""Chinese words: normalisation, segmentation, stopwords and sentences for `egov.terms`.

Normalisation (`normalize`) comes first, for counting, concepts and KWIC alike: Unicode NFKC
folds full-width forms to half-width ("＋" -> "+", "１２３４５" -> "12345", "ＡＰＰ" -> "APP",
"，" -> ","), then OpenCC's "t2s" conversion turns Traditional characters into Simplified
ones ("數位政府" -> "数位政府"). t2s converts characters and fixed phrases only; it does not
swap Taiwanese vocabulary for mainland vocabulary (tw2sp would turn 數位 into 数字), so
regional words stay visible and the concept table lists them as variants.
OpenCC (the `opencc` package, pinned) converts about 20 million characters per second.

Segmentation (`raw_tokens`) uses rjieba, the Python binding of jieba-rs (a Rust port of jieba,
Sun 2012-2020, https://github.com/fxsjy/jieba: same dictionary, same DAG + HMM method), with
the e-government user dictionary `data/userdict_zh.txt`, in a segmenter instance of this
module's own (the packages' module-level defaults are never touched, so user words cannot leak
into other code that uses jieba). Chosen by measurement (benchmarks/bench_zh.py on synthetic
e-government prose and on the Chinese pages of tests/data/chinese, a shared 2-core machine,
several runs): jieba 0.08-0.23 M characters per second, rjieba 2.7-11 M (15 to 150 times
faster), and 99.2% of jieba's word tokens on the real pages (100% on the synthetic text) are cut
identically by rjieba; every user-dictionary word stays whole in both. `segmenter("jieba")` gives jieba itself (pinned too), for comparison and for
the bare baseline of the speed benchmark.

Tokens are lower-cased (Latin words inside Chinese text: "app", "5g"); tokens without a
letter or Han character (punctuation, bare numbers) are not words. Stopwords: the Chinese
list of stopwords-iso (MIT, `data/stopwords_zh.txt`), less the keep-list
`data/stopwords_zh_keep.txt` (政府, 服务, 数据, 平台, ...); Latin words in Chinese text use
the English list. Chinese has no lemmas: `lemmas` is accepted and ignored. Sentences end at
。！？； (and their half-width forms), with any closing quote or bracket.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["UNIT", "SEGMENTER", "normalize", "segmenter", "segment", "raw_tokens", "count_words", "type_info",
           "stopwords", "keep_words", "user_words", "split_sentences"]

UNIT = "words"  # per_1k rates are per 1,000 words after segmentation
SEGMENTER = "rjieba"  # or "jieba"; chosen by measurement, see the module docstring
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_WORD = re.compile(r"\w")
_SENTENCE = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』\"')）\]]*|$)")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """Text as counted: NFKC width folding, then Traditional -> Simplified (OpenCC t2s).

    Example: normalize("數位政府與互聯網＋政務服務") -> '数位政府与互联网+政务服务'
    """
    return _converter().convert(unicodedata.normalize("NFKC", text))


def _data(name: str) -> str:
    return resources.files("egov").joinpath(f"data/{name}").read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [w.strip() for w in _data(name).splitlines() if w.strip() and not w.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def user_words() -> tuple[tuple[str, int | None, str | None], ...]:
    """Entries of `data/userdict_zh.txt` as (word, freq or None, tag or None), normalised.

    Example: ("一网通办", None, "n") in user_words()
    """
    out = []
    for line in _lines("userdict_zh.txt"):
        parts = line.split()
        word, freq, tag = parts[0], None, None
        for extra in parts[1:]:
            if extra.isdigit():
                freq = int(extra)
            else:
                tag = extra
        out.append((normalize(word), freq, tag))
    return tuple(out)


@lru_cache(maxsize=2)
def segmenter(name: str = SEGMENTER):
    """A segmenter of this module's own with the user dictionary loaded (once per name).

    Returns a function text -> list of tokens. name: "jieba" or "rjieba".
    Example: segmenter("jieba")("推进一网通办") -> ['推进', '一网通办']
    """
    if name == "jieba":
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" lines in notebooks
        tk = jieba.Tokenizer()
        tk.initialize()
        for word, freq, tag in user_words():
            tk.add_word(word, freq, tag)
        return tk.lcut
    if name == "rjieba":
        import rjieba

        rj = rjieba.Jieba()
        for word, freq, tag in user_words():
            rj.add_word(word, freq, tag)
        return rj.cut
    raise ValueError(f"unknown Chinese segmenter {name!r}; use 'jieba' or 'rjieba'")


def segment(text: str, name: str = SEGMENTER) -> list[str]:
    """Words of an already normalised text as the segmenter cuts them (spaces and punctuation included).

    Example: segment("推进一网通办。") -> ['推进', '一网通办', '。']
    """
    return segmenter(name)(text)


def raw_tokens(text: str) -> list[str]:
    """Lower-cased word tokens of one text after normalisation and segmentation, in order.

    Punctuation and spaces are dropped; numbers stay (type_info says they are not words).
    Example: raw_tokens("推進「一網通辦」，ＡＰＰ辦理。") -> ['推进', '一网通办', 'app', '办理']
    """
    return [t for t in segmenter(SEGMENTER)(normalize(text).lower()) if _HAS_WORD.search(t)]


def count_words(text: str) -> int:
    """Words of one text after normalisation and segmentation: the tokens with a letter or Han
    character, stopwords included (numbers and punctuation are not words). This is the
    "per 1,000 words" of a Chinese article's rates.

    Example: count_words("2019年推进“一网通办”。") == 3  # 年, 推进, 一网通办
    """
    return sum(type_info(t)[1] for t in raw_tokens(text))


@lru_cache(maxsize=1)
def keep_words() -> frozenset[str]:
    """The keep-list `data/stopwords_zh_keep.txt`: never dropped as stopwords."""
    return frozenset(normalize(w) for w in _lines("stopwords_zh_keep.txt"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Chinese stopwords (stopwords-iso "zh", `data/stopwords_zh.txt`) less the keep-list.

    Example: "的" in stopwords() and "政府" not in stopwords()
    """
    return frozenset(normalize(w) for w in _lines("stopwords_zh.txt")) - keep_words()


@lru_cache(maxsize=2**18)
def type_info(surface: str, lemmas: bool = True) -> tuple[str, bool, bool]:
    """(term, is_word, is_stopword) for one token type; Chinese has no lemmas.

    Example: type_info("的", True) -> ('的', True, True)
    """
    from egov.lang.en import words as en

    if surface.isascii():
        return en.type_info(surface, lemmas) if _HAS_LETTER.search(surface) else (surface, False, False)
    return surface, bool(_HAS_LETTER.search(surface)), surface in stopwords()


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, each ending at 。！？； (or !?;) and any closing quote.

    Example: split_sentences("推进一网通办。群众满意！") -> ['推进一网通办。', '群众满意！']
    """
    return [s for s in _SENTENCE.findall(text) if s.strip()]
