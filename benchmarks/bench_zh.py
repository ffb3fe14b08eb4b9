"""Chinese segmentation speed: jieba against rjieba (the jieba-rs binding), both with egov's
e-government user dictionary, on seeded synthetic Chinese news prose; and OpenCC's speed.

    python benchmarks/bench_zh.py                # 2,000 articles of ~500 characters
    python benchmarks/bench_zh.py --articles 500 --repeats 3
    python benchmarks/bench_zh.py --corpus tests/data/chinese     # + the same on real pages, and topics

Prints, per segmenter, characters per second (best of `repeats` passes, after a warm-up that
loads the dictionary), the tokens per article, and how far rjieba agrees with jieba (share
of jieba's word tokens that rjieba also cuts at the same character offsets). With --corpus,
also on the Chinese articles of that corpus: tokens per 500 characters, how many articles count
the issue's ten concepts exactly as a substring search of the normalised text, and the topic
coherence (NPMI over passages) of egov's best model against a bare scikit-learn NMF on jieba
tokens (jieba.lcut, default dictionary, no stopwords beyond punctuation and numbers) at the same k,
each scored on its own tokens of the same passages. Not part of pytest.
"""
from __future__ import annotations

import argparse
import random
import time

from egov.lang.zh import words

SUBJECTS = ["国务院办公厅", "省政府", "市数据资源管理局", "区政务服务中心", "国家发展改革委", "市场监管部门", "各级政府部门",
            "浙江省", "上海市", "广东省", "深圳市", "贵州省大数据发展管理局"]
VERBS = ["印发通知，要求", "日前召开会议，部署", "提出，要加快", "积极推进", "全面推行", "着力深化", "稳步推广", "持续优化"]
OBJECTS = ["政务服务“一网通办”", "“互联网+政务服务”", "“最多跑一次”改革", "放管服改革", "数字政府建设", "电子政务外网",
           "一体化政务服务平台", "跨省通办事项", "政务数据共享", "健康码互认", "城市运行“一网统管”", "12345热线",
           "电子证照应用", "不见面审批", "营商环境", "政务云平台", "大数据中心", "全程网办"]
TAILS = ["，让企业和群众办事少跑腿。", "，群众满意度明显提高。", "，实现更多事项网上办、掌上办。", "。",
         "，办理时间由原来的20个工作日压缩到3个工作日。", "，进一步提升了行政效能和服务水平。",
         "，推动政府治理体系和治理能力现代化。", "，截至去年底累计办件超过1.2亿件。", "；相关负责人表示，下一步将继续完善好差评制度。"]


def synthetic_articles(n: int, chars: int = 500, seed: int = 42) -> list[str]:
    """n seeded synthetic articles of about `chars` characters of e-government prose."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = ""
        while len(text) < chars:
            text += rng.choice(SUBJECTS) + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(TAILS)
        out.append(text)
    return out


def _spans(tokens: list[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for t in tokens:
        if t.strip() and any(ch.isalnum() for ch in t):
            spans.add((pos, pos + len(t)))
        pos += len(t)
    return spans


TEN = ["digital government", "e-government", "Internet Plus government services", "one-stop service",
       "unified city management", "run at most once", "government services platform",
       "streamlining administration", "health code", "big data"]


def corpus_report(path: str, seed: int = 42) -> None:
    """Segmentation, concept and topic-coherence measures on the Chinese articles of a corpus."""
    import jieba
    import numpy as np
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    import egov
    from egov import lang, terms
    from egov.topics.coherence import npmi_coherence
    from egov.topics.stage import topic_stage
    from egov.topics.split import passages

    docs = egov.load_corpus(path)
    rules = np.asarray(lang.word_languages_of(docs))
    zh_docs = docs[rules == "zh"]
    print(f"\n{path}: {len(docs)} articles, {len(zh_docs)} Chinese")
    texts = zh_docs["text"].tolist()
    n_chars = sum(len("".join(t.split())) for t in texts)
    normalised = [words.normalize(t) for t in texts]
    for name in ("jieba", "rjieba"):
        cut = words.segmenter(name)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for t in normalised:
                cut(t)
            best = min(best, time.perf_counter() - start)
        print(f"{name:7s} on these pages: {n_chars / best:,.0f} characters/s")
    tok = terms.tokenize_corpus(zh_docs, drop_stopwords=False)
    per500 = tok.str.len().to_numpy() / np.array([len("".join(t.split())) for t in texts]) * 500
    print(f"word tokens per 500 characters: mean {per500.mean():.0f}, min {per500.min():.0f}; "
          f"articles of 400-600 characters: {[int(n) for n, t in zip(tok.str.len(), texts) if 400 <= len(t) <= 600]}")
    table = terms.load_concepts()
    counted = terms.count_concepts(zh_docs).set_index(["doc_id", "concept"])["count"]
    exact = 0
    for doc_id, text in zip(zh_docs["doc_id"], texts):
        norm = words.normalize(text)
        ok = True
        for concept in TEN:
            variants = {words.normalize(v) for v in
                        table.loc[(table.concept == concept) & (table.language == "zh"), "variant"]}
            ok &= int(counted[(doc_id, concept)]) == sum(norm.count(v) for v in variants)
        exact += ok
    print(f"the ten concepts count exactly as a substring search in {exact} of {len(zh_docs)} articles")
    psg = passages(zh_docs)
    stage = topic_stage(psg, seed=seed)
    if stage.k == 0:
        print(f"no topic model: {stage.reason}")
        return
    best = stage.summary.groupby("model")["coherence"].mean()
    print(f"{len(psg)} passages; k = {stage.k}; egov NPMI (passage window): "
          + ", ".join(f"{m} {c:.3f}" for m, c in best.items()))
    logging_quiet = __import__("logging").getLogger("jieba")
    logging_quiet.setLevel(40)
    bare_tokens = [[w for w in jieba.lcut(t) if any(ch.isalpha() for ch in w)] for t in psg["text"]]
    vec = TfidfVectorizer(tokenizer=lambda t: t, preprocessor=lambda t: t, token_pattern=None, lowercase=False)
    x = vec.fit_transform(bare_tokens)
    nmf = NMF(n_components=stage.k, random_state=seed, max_iter=1000).fit(x)
    vocab = vec.get_feature_names_out()
    top = [[vocab[i] for i in np.argsort(-row)[:10]] for row in nmf.components_]
    bare = npmi_coherence(top, bare_tokens, None).coherence.mean()
    print(f"bare scikit-learn NMF on jieba tokens at k = {stage.k}: NPMI {bare:.3f}; "
          f"egov best {best.max():.3f} ({'at least as coherent' if best.max() >= bare else 'LESS coherent'})")
    # the same bare pipeline on the normalised text (Traditional -> Simplified, width folded): without
    # that step Traditional articles form a vocabulary of their own, an easy "coherent" topic
    norm_tokens = [[w for w in jieba.lcut(words.normalize(t)) if any(ch.isalpha() for ch in w)] for t in psg["text"]]
    x = vec.fit_transform(norm_tokens)
    nmf = NMF(n_components=stage.k, random_state=seed, max_iter=1000).fit(x)
    vocab = vec.get_feature_names_out()
    top = [[vocab[i] for i in np.argsort(-row)[:10]] for row in nmf.components_]
    bare_norm = npmi_coherence(top, norm_tokens, None).coherence.mean()
    print(f"the same bare NMF on the normalised text: NPMI {bare_norm:.3f}; egov best {best.max():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--corpus", action="append", default=[], help="also measure on this corpus (repeatable)")
    args = parser.parse_args()
    texts = [words.normalize(t) for t in synthetic_articles(args.articles, args.chars)]
    raw = synthetic_articles(args.articles, args.chars)
    n_chars = sum(map(len, texts))
    print(f"{args.articles:,} synthetic articles, {n_chars:,} characters")
    start = time.perf_counter()
    for t in raw:
        words.normalize(t)
    print(f"normalise (NFKC + OpenCC t2s): {n_chars / (time.perf_counter() - start):,.0f} characters/s")
    cuts = {}
    for name in ("jieba", "rjieba"):
        t0 = time.perf_counter()
        cut = words.segmenter(name)
        load = time.perf_counter() - t0
        best = float("inf")
        for _ in range(args.repeats):
            start = time.perf_counter()
            cuts[name] = [cut(t) for t in texts]
            best = min(best, time.perf_counter() - start)
        n_tok = sum(len([w for w in c if any(ch.isalnum() for ch in w)]) for c in cuts[name])
        print(f"{name:7s}: {n_chars / best:,.0f} characters/s; dictionary load {load:.2f} s; "
              f"{n_tok / len(texts):.1f} word tokens per article")
    same = total = 0
    for a, b in zip(cuts["jieba"], cuts["rjieba"]):
        sa, sb = _spans(a), _spans(b)
        same += len(sa & sb)
        total += len(sa)
    print(f"agreement: {same / total:.1%} of jieba's word tokens are cut identically by rjieba")
    for path in args.corpus:
        corpus_report(path)


if __name__ == "__main__":
    main()
