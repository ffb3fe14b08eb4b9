"""Read article files as text: detect the encoding, refuse what is not text.

Each file becomes a `Decoded` (text, encoding, problem). A file that cannot be read
as text gets a `problem` naming why (empty, binary, undecodable), never an exception.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import CharsetMatches, from_bytes

BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Encodings a news file in this field plausibly has; charset-normalizer's guess is
# mapped onto these names so the load report speaks one vocabulary.
CANONICAL = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "ascii": "utf-8",
             "utf_8": "utf-8", "windows-1252": "cp1252", "cp1252": "cp1252", "latin_1": "latin-1",
             "iso-8859-1": "latin-1", "big5": "big5", "utf_16": "utf-16", "utf_16_le": "utf-16-le",
             "utf_16_be": "utf-16-be"}
MULTI_BYTE = ("gb", "big5", "shift_jis", "euc", "cp932", "cp949", "cp950", "iso2022", "utf", "johab", "hz")
OTHER_CJK = ("cp949", "euc_kr", "johab", "shift_jis", "cp932", "euc_j", "iso2022_jp", "iso2022_kr")
MAX_CONTROL_SHARE = 0.02  # share of control characters above which decoded "text" is binary


@dataclass(frozen=True)
class Decoded:
    """A file's text (or why there is none) and the encoding it was read with."""

    text: str
    encoding: str
    problem: str = ""


# Control characters other than \t \n \v \f \r, C1 controls and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """BOM-less UTF-16: NULs sit in one byte column and the text is mostly ASCII letters and spaces."""
    if len(data) < 4 or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        ascii_share = sum(1 for ch in text if ch.isascii()) / len(text)
        if ascii_share > 0.3 and " " in text and _control_share(text) <= MAX_CONTROL_SHARE:
            return _checked(text, name)
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, trying BOMs, UTF-8, then charset-normalizer's best guess.

    Returns Decoded with problem "" when the text is usable.
    Example: decode_bytes("日期".encode("gbk")).encoding -> 'gb18030'
    """
    if not data.strip():
        return Decoded("", "", "empty file" if not data else "empty file (only whitespace)")
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as err:
                return Decoded("", name, f"undecodable: has a {name} byte-order mark but {err.reason}")
    if b"\x00" in data:
        return _utf16_without_bom(data) or Decoded("", "", "binary: contains NUL bytes, not a text file")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return Decoded("", "", "undecodable: no text encoding fits its bytes")
    name = _prefer_chinese(CANONICAL.get(best.encoding, best.encoding), best.chaos, matches)
    if (name == "big5" or not name.startswith(MULTI_BYTE)) and _looks_gbk(data):
        return _checked(data.decode("gb18030"), "gb18030")
    if not name.startswith(MULTI_BYTE):
        # Single-byte guesses on short texts are a coin toss between cp1250/cp1252/...;
        # English news is cp1252 (a superset of Latin-1's printable range) when it fits.
        try:
            return _checked(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    if name in ("gb18030", "big5"):
        return _checked(data.decode(name, errors="replace"), name)
    return _checked(str(best), name)


_HIGH_RUNS = re.compile(rb"[\x80-\xff]+")
# What GBK-encoded English text holds beyond ASCII: Chinese characters and CJK or typographic punctuation.
_GBK_PLAUSIBLE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7]")
_GBK_PUNCTUATION = re.compile("[\u3000-\u303f\uff00-\uffef\u2010-\u2027]")


def _looks_gbk(data: bytes) -> bool:
    """English text with GBK curly quotes (and maybe Chinese names): high bytes pair up into Chinese.

    GBK's “ and ” (A1 B0, A1 B1) also decode as cp1252 ("¡°Zheliban¡±") or Big5 ("※Zheliban§").
    A cp1252 text has lone high bytes (an "é", a curly quote), so its runs are rarely all even;
    a Big5 text read as GBK gives no typographic punctuation.
    """
    runs = _HIGH_RUNS.findall(data)
    if len(runs) < 2 or any(len(run) % 2 for run in runs):
        return False
    try:
        text = b"".join(runs).decode("gb18030")
    except UnicodeDecodeError:
        return False
    return all(_GBK_PLAUSIBLE.match(ch) for ch in text) and bool(_GBK_PUNCTUATION.search(text))


def _prefer_chinese(name: str, chaos: float, matches: CharsetMatches) -> str:
    """gb18030 instead of a Korean or Japanese guess that fits the bytes no better.

    A few GBK-encoded Chinese names in English text decode cleanly as cp949 too, and
    charset-normalizer then picks either; coverage of China is far likelier GBK.
    """
    if not name.startswith(OTHER_CJK):
        return name
    for match in matches:
        if CANONICAL.get(match.encoding) == "gb18030" and match.chaos <= chaos:
            return "gb18030"
    return name


def _checked(text: str, encoding: str) -> Decoded:
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        return Decoded("", encoding, f"binary: {share:.0%} control or replacement characters when read as {encoding}")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def read_file(path: str | Path) -> Decoded:
    """Read one file as text. Example: read_file("seeds/000_1de2c263adca71ba.txt").encoding -> 'utf-8'"""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return Decoded("", "", f"unreadable: {err.strerror or err}")
    return decode_bytes(data)


def jsonl_rows(text: str, bad: dict[int, str]) -> tuple[list[dict], list[str]]:
    """The JSON objects of a JSONL text and where each stands ("line=N"); other lines go to `bad` with the reason."""
    rows, places = [], []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            bad[line_no] = f"not valid JSON: {err}"
            continue
        if not isinstance(row, dict):
            bad[line_no] = f"not a JSON object but a {type(row).__name__}"
            continue
        rows.append(row)
        places.append(f"line={line_no}")
    return rows, places
