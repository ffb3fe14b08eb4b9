"""egov.corpus.dedupe: reposts found by MinHash LSH and confirmed by exact Jaccard, with bounded work."""
from __future__ import annotations

import numpy as np

from egov.corpus import dedupe
from egov.corpus.dedupe import candidate_pairs, find_duplicates, shingle_array, shingles, signature

rng = np.random.default_rng(7)
VOCAB = [f"w{i}" for i in range(5000)]


def article(n: int = 300) -> list[str]:
    return list(rng.choice(VOCAB, size=n))


def edited(words: list[str], n_changes: int) -> str:
    """The article with n_changes words replaced (a wire copy with a new first line, say)."""
    out = list(words)
    for pos in rng.choice(len(out), size=n_changes, replace=False):
        out[pos] = "edit"
    return " ".join(out)


def test_exact_repeat_and_distinct_texts() -> None:
    texts = ["a b c d e f", "x y", "a b c d e f"]
    assert find_duplicates(texts) == {2: (0, 1.0)}
    assert find_duplicates(texts, signatures=[signature(t) for t in texts]) == {2: (0, 1.0)}


def test_a_wire_story_copied_many_times_points_every_copy_at_the_first() -> None:
    story = article()
    others = [" ".join(article()) for _ in range(50)]
    copies = [edited(story, 2) for _ in range(300)]  # 2 of 300 words changed: Jaccard about 0.94
    texts = [" ".join(story), *others, *copies]
    found = find_duplicates(texts)
    assert sorted(found) == list(range(51, 351))
    assert {i for i, _ in found.values()} == {0}
    assert min(sim for _, sim in found.values()) >= 0.8


def test_work_per_article_is_bounded(monkeypatch) -> None:
    calls = []
    real = np.intersect1d
    monkeypatch.setattr(dedupe.np, "intersect1d", lambda *a, **k: calls.append(1) or real(*a, **k))
    story = article()
    texts = [" ".join(story)] + [edited(story, 2) for _ in range(400)]
    found = find_duplicates(texts)
    assert len(found) == 400
    assert len(calls) == 400  # one confirmation per copy, not one per pair of copies
    later, earlier, est = candidate_pairs([signature(t) for t in texts])
    assert len(later) <= 400 * dedupe.BANDS * dedupe.CAP
    assert (earlier < later).all() and (est >= dedupe.EST_MIN).all()


def test_below_the_threshold_is_not_a_repost() -> None:
    story = article(200)
    half = story[:100] + article(100)  # shares half its words in order: Jaccard well under 0.8
    assert find_duplicates([" ".join(story), " ".join(half)]) == {}


def test_chinese_reposts_are_shingled_by_character() -> None:
    text = ("国务院办公厅近日印发通知，要求各地加快推进政务服务一网通办，让企业和群众办事少跑腿。"
            "通知提出，到年底前，高频事项基本实现跨省通办，各地政务服务平台要与国家平台互联互通。")
    repost = "来源：某省政府网站\n" + text
    assert len(shingle_array("数字政府")) == 1 and len(shingles("数字政府建设")) == 2
    found = find_duplicates([text, repost, "完全不同的一篇文章，讨论城市交通拥堵的治理办法和公共交通的发展。"])
    assert list(found) == [1] and found[1][0] == 0 and found[1][1] >= 0.8


def test_dedupe_with_precomputed_signatures():
    texts = ["a b c d e f g", "x y", "a b c d e f g", "a b c d e f h"]
    assert find_duplicates(texts) == {2: (0, 1.0)}
    assert find_duplicates(texts, signatures=[signature(t) for t in texts]) == {2: (0, 1.0)}
    assert len(shingles("a b c d e f g")) == 3 and len(shingles("a b")) == 1 and shingles("") == set()
