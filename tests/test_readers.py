"""Decoding files: every encoding the loader promises, and refusing what is not text."""
from __future__ import annotations

import codecs

import pytest

from egov.corpus.readers import decode_bytes, read_file

ENGLISH = "The State Council said on Monday that “Internet Plus government services” would expand — café, naïve."
CHINESE = "北京，2019年6月4日 — Digital government 数字政府 is a priority for the State Council this year."


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    (ENGLISH, "utf-8", "utf-8"),
    (ENGLISH, "utf-8-sig", "utf-8-sig"),
    (ENGLISH, "utf-16", "utf-16"),
    (ENGLISH, "utf-16-le", "utf-16-le"),
    (ENGLISH, "utf-16-be", "utf-16-be"),
    (ENGLISH, "cp1252", "cp1252"),
    (CHINESE * 3, "gbk", "gb18030"),
    (CHINESE * 3, "gb18030", "gb18030"),
    (CHINESE * 3, "utf-16", "utf-16"),
    (CHINESE * 3, "utf-16-le", "utf-16-le"),
])
def test_decodes_each_encoding_to_the_same_text(text, encoding, expected):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.problem == ""
    assert decoded.encoding == expected
    assert decoded.text == text


def test_latin1_is_read_through_cp1252_without_loss():
    text = "Café résumé naïve: the State Council said on Monday it would expand online services."
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text and decoded.encoding == "cp1252"


def test_utf8_bom_is_not_part_of_the_text():
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Hello world")
    assert decoded.text == "Hello world" and decoded.encoding == "utf-8-sig"


def test_windows_line_endings_become_newlines():
    assert decode_bytes(b"a\r\nb\rc").text == "a\nb\nc"


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary: contains NUL bytes"),
    (bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
])
def test_refuses_what_is_not_text(data, problem):
    decoded = decode_bytes(data)
    assert decoded.text == ""
    assert decoded.problem.startswith(problem)


def test_missing_file_is_a_problem_not_an_exception(tmp_path):
    assert read_file(tmp_path / "nope.txt").problem.startswith("unreadable")


GBK_HEADLINE = "Zhejiang's “Zheliban” app lets residents handle 1,400 services on their phones\n"
GBK_LEAD = ("(ECNS) -- Residents of east China's Zhejiang Province can now apply for 1,400 government services "
            "through a mobile app called Zheliban (浙里办), as the province pushes its “run at most once” (最多跑一次) "
            "reform into a new stage, provincial officials said Monday.\n")


@pytest.mark.parametrize("text", [GBK_HEADLINE * 2, GBK_HEADLINE + GBK_LEAD], ids=["quotes only", "names"])
def test_english_saved_as_gbk_is_gb18030(text):
    # GBK curly quotes also decode as cp1252 ("¡°Zheliban¡±"), and a few GBK names as Korean cp949
    decoded = decode_bytes(text.encode("gbk"))
    assert decoded.encoding == "gb18030" and decoded.text == text


def test_korean_text_stays_korean():
    text = "Seoul city 서울시 said its 전자정부 e-government portal 정부24 now offers 3,000 services to residents. " * 3
    decoded = decode_bytes(text.encode("cp949"))
    assert decoded.encoding == "cp949" and decoded.text == text


def test_big5_text_with_its_own_quotes_stays_big5():
    text = ("Hong Kong's “iAM Smart” (智方便) platform now links 200 government services, the Office of the "
            "Government Chief Information Officer (政府資訊科技總監辦公室) said.\n") * 3
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.encoding == "big5" and decoded.text == text
