"""Boilerplate cleaning: named rules remove furniture, and never an article sentence."""
from __future__ import annotations

import re

import pytest

from egov.clean import clean_text, is_prose


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]


def test_no_article_sentence_of_the_seeds_is_removed(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cleaned, removed = clean_text(raw)
        flat = " ".join(cleaned.split())
        credits = [r.text for r in removed if r.rule == "photo credit"]
        for line in raw.splitlines():
            if is_prose(line):
                for sentence in _sentences(line):
                    for credit in credits:  # credits are cut out of captions; the caption's sentences stay
                        sentence = sentence.replace(credit, "").strip()
                    if len(sentence.split()) < 3:
                        continue
                    assert " ".join(sentence.split()) in flat, (path.name, sentence)


@pytest.mark.parametrize(("line", "rule"), [
    ("Home | News | China | World | Business", "navigation"),
    ("[ Print ] [ Close ]", "share/print links"),
    ("Share this article", "share/print links"),
    ("Copyright 1995-2022 China Daily. All rights reserved.", "copyright"),
    ("© 2019 China.org.cn", "copyright"),
    ("<  1  2  3  4  5  6  7  8  9  >", "pagination"),
    ("MORE FROM China SCIO", "navigation"),
    ("Newspapers in English", "navigation"),
    ("Editor: Li Yan", "navigation"),
    ("- By WANG KEJU wangkeju@chinadaily.com.cn", "byline"),
    ("By Zhang Wei | China Daily", "byline"),
    ("Updated: 2018-11-08 07:33", "date line"),
    ("China.org.cnUpdated:  June 4, 2019", "date line"),
    ("[Photo/Xinhua]", "photo credit"),
])
def test_furniture_lines_are_removed_by_their_rule(line, rule):
    text = f"{line}\nThe State Council said on Monday that all provinces would connect to the national platform this year."
    cleaned, removed = clean_text(text)
    assert [(r.line_no, r.text, r.rule) for r in removed] == [(1, line.strip(), rule)]
    assert cleaned.startswith("The State Council said")


def test_photo_credit_fragment_is_cut_and_caption_kept():
    text = "Officials attend the ceremony on Nov 19 in Barcelona. [Photo provided to China Daily] |"
    cleaned, removed = clean_text(text)
    assert cleaned == "Officials attend the ceremony on Nov 19 in Barcelona."
    assert removed[0].rule == "photo credit" and removed[0].text == "[Photo provided to China Daily] |"


def test_headline_and_speaker_labels_stay():
    text = ("E-governance continues to advance with innovation\n"
            "The development of information technologies has influenced every dimension of society, officials said.\n"
            "Zhang Hu:\n"
            "Thank you for the question about the digital government reform in Guangdong province today.")
    cleaned, removed = clean_text(text)
    assert removed == []
    assert cleaned.splitlines()[0] == "E-governance continues to advance with innovation"
    assert "Zhang Hu:" in cleaned


def test_repeated_long_line_is_removed_once():
    line = "Citizens use their mobile phones to scan QR codes and trace the source of meat."
    cleaned, removed = clean_text(f"{line}\nSomething else happened in the city of Xi'an that week.\n{line}")
    assert cleaned.count(line) == 1
    assert [(r.line_no, r.rule) for r in removed] == [(3, "repeated line")]
