"""egov.lang.detect_language: the language of an article from its script."""
from __future__ import annotations

import pytest

from egov.lang import detect_language, language_counts


@pytest.mark.parametrize("text, expected", [
    ("国务院办公厅印发通知，推进政务服务“一网通办”，5G和APP让群众少跑腿。", "zh"),
    ("數位政府建設持續推進，民眾可在網上辦理各項服務。", "zh"),
    ("The State Council said the national platform, known in Chinese as 一网通办, serves 800 million users.", "en"),
    ("Le gouvernement chinois développe des services publics numériques dans les provinces.", "other"),
    ("デジタル政府の取り組みが進んでいる。", "ja"),
    ("디지털 정부 서비스가 확대되고 있다", "ko"),
    ("2019-06-04 12:00", "und"),
    ("", "und"),
])
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_language_counts_are_exact() -> None:
    counts = language_counts("数字政府 is the digital government of 浙江")
    assert counts == {"han": 6, "kana": 0, "hangul": 0, "latin_words": 5, "english_words": 3}
