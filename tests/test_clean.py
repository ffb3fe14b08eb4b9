"""Boilerplate cleaning: named rules remove furniture, and never an article sentence."""
from __future__ import annotations

import re

import pytest

from egov.corpus.clean import clean_text, front_matter, is_prose


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


PARAGRAPH = "The State Council said on Monday that all provinces would connect to the national platform this year."
CLOSING = "Officials said the city would publish a list of the services that can be handled online next month."


@pytest.mark.parametrize(("line", "rule"), [
    ("(Reporting by Jing Wang; Editing by Simon Grant)", "credit line"),
    ("(Web editor: Hu Ying, Xian Jiangnan)", "credit line"),
    ("[Editor: huaxia]", "credit line"),
    ("Contact reporter Liu Xiao (liuxiao@example.com)", "credit line"),
    ("English 中文", "navigation"),
    ("ASIA 中文 双语 Français", "navigation"),
    ("HOME CHINA WORLD BUSINESS LIFESTYLE CULTURE", "navigation"),
    ("Home > News", "navigation"),
    ("BACK TO THE TOP", "navigation"),
    ("4 minute read", "navigation"),
    ("Acquire Licensing Rights, opens new tab", "navigation"),
    ("Already a subscriber? Log in", "navigation"),
    ("Font size: A- A+", "share/print links"),
    ("京ICP备16018138号-1 京公网安备 11010502042305号", "licence footer"),
    ("Registration Number: 130349", "licence footer"),
    ("Note: Browsers with 1024*768 or higher resolution are suggested for this site.", "licence footer"),
    ("17/05/2023, 15:14 Digital government push enters new stage - Global Times", "print header"),
    ("https://www.example.com/page/202103/1217632.shtml 1/2", "url line"),
    ("By ZHANG YI | chinadaily.com.cn | Updated: 2019-05-23 07:12", "byline"),
    ("2019-01-15 09:42 Ecns.cn Editor: Li Yan ECNS App Download", "date line"),
    ("Updated 17:41, 16-Dec-2021", "date line"),
    ("March 7, 20235:39 PM GMT+8Updated a year ago", "date line"),
    ("Reproduction in whole or in part without permission is prohibited.", "copyright"),
])
def test_more_furniture_lines_are_removed_by_their_rule(line, rule):
    cleaned, removed = clean_text(f"{line}\n{PARAGRAPH}")
    assert [(r.line_no, r.text, r.rule) for r in removed] == [(1, line, rule)]
    assert cleaned == PARAGRAPH


def test_header_zone_reaches_past_a_long_menu():
    menu = ["Live", "Home", "China", "World", "Business", "Tech & Sci", "Opinions", "Video", "Sports", "Odd", "Copied"]
    cleaned, removed = clean_text("\n".join([*menu, "Beijing hotline answers 40 million calls", PARAGRAPH]))
    assert cleaned.split("\n") == ["Beijing hotline answers 40 million calls", PARAGRAPH]
    assert [r.text for r in removed] == menu


def test_reader_prompts_at_the_edges_go_even_as_sentences():
    cookie = 'We use cookies to tailor your experience. By clicking "Accept", you agree that cookies can be placed.'
    offer = "Sign up now and get a 10 per cent discount on a subscription. Stay informed with our award-winning journalism."
    notice = ("Copyright 1995 - 2019 . All rights reserved. The content published in this site belongs to the "
              "publisher. Without written authorization, such content shall not be republished or used in any form.")
    cleaned, removed = clean_text("\n".join([cookie, "Accept", "News", PARAGRAPH, CLOSING, offer, notice]))
    assert cleaned.split("\n") == [PARAGRAPH, CLOSING]
    assert [(r.text, r.rule) for r in removed] == [(cookie, "reader prompt"), ("Accept", "header fragment"),
                                                   ("News", "header fragment"), (offer, "reader prompt"),
                                                   (notice, "reader prompt")]


def test_prompt_words_inside_the_article_stay():
    body = ("Residents can sign up for the service with their ID card, and the subscription is free, "
            "the city's website says.")
    cleaned, removed = clean_text("\n".join([PARAGRAPH, body]))
    assert removed == [] and cleaned.split("\n") == [PARAGRAPH, body]


def test_links_under_a_related_heading_go_until_the_prose_resumes():
    text = "\n".join([PARAGRAPH, "Related Stories", "Beijing to offer 90% of services online by year-end",
                      "Shanghai's one-network service handles 10 million requests", "Follow us on Twitter",
                      CLOSING, "Digital villages take shape"])
    cleaned, removed = clean_text(text)
    assert cleaned.split("\n") == [PARAGRAPH, CLOSING, "Digital villages take shape"]
    assert [r.rule for r in removed] == ["navigation", "related links", "related links", "navigation"]


def test_xinhua_end_marker_is_cut_from_the_last_paragraph():
    cleaned, removed = clean_text(f"{PARAGRAPH}\n{CLOSING} Enditem")
    assert cleaned == f"{PARAGRAPH}\n{CLOSING}"
    assert [(r.text, r.rule) for r in removed] == [("Enditem", "end marker")]


def test_outlet_line_below_the_article():
    cleaned, removed = clean_text(f"{PARAGRAPH}\n{CLOSING}\nOur Standards: The Thomson Reuters Trust Principles.")
    assert cleaned == f"{PARAGRAPH}\n{CLOSING}"
    assert removed[0].rule == "outlet banner"


def test_front_matter_is_read_and_removed():
    raw = ('---\ntitle: "Going paperless"\nsource: "https://www.example.com/news/1"\nauthor:\n  - "[[Zhu]]"\n'
           f"published: 2020-04-15\ncreated: 2023-02-01\n---\n{PARAGRAPH}")
    assert front_matter(raw) == ({"title": "Going paperless", "source": "https://www.example.com/news/1",
                                  "published": "2020-04-15", "created": "2023-02-01"}, 8)
    cleaned, removed = clean_text(raw)
    assert cleaned == PARAGRAPH
    assert {r.rule for r in removed} == {"front matter"} and len(removed) == 8


def test_a_rule_line_at_the_top_is_not_front_matter():
    raw = f"---\n{PARAGRAPH}\n---\n{CLOSING}"
    assert front_matter(raw) == ({}, 0)


def test_markdown_links_images_and_marks():
    raw = "\n".join(["[Sixth Tone](https://www.sixthtone.com/)", "# Going paperless leaves the elderly behind",
                     "![](https://img.example.com/1.jpg)", f"{PARAGRAPH[:-1]}, [the report](https://example.com/r) said.",
                     "**Related**", "- [The Health Code Divide](https://www.sixthtone.com/news/1005201)",
                     "[Share on Twitter](https://twitter.com/intent/tweet?u=1) · [Share on Facebook](https://fb.com/s?u=1)"])
    cleaned, removed = clean_text(raw, markdown=True)
    assert cleaned.split("\n") == ["Going paperless leaves the elderly behind", f"{PARAGRAPH[:-1]}, the report said."]
    assert [r.rule for r in removed] == ["link target", "outlet banner", "image", "link target", "navigation",
                                         "link target", "related links", "link target", "link target",
                                         "share/print links"]


@pytest.mark.parametrize("line", [
    "Home Office Launches New Portal For Residents",  # a title-case headline, not a menu
    "China's English and 中文 services",
])
def test_headline_like_lines_stay(line):
    cleaned, removed = clean_text(f"{line}\n{PARAGRAPH}")
    assert removed == [] and cleaned == f"{line}\n{PARAGRAPH}"


def test_a_dateline_between_rules_is_not_front_matter():
    raw = f"---\nBEIJING: {PARAGRAPH}\n---\n{CLOSING}"
    assert front_matter(raw) == ({}, 0)
    assert clean_text(raw)[0] == f"BEIJING: {PARAGRAPH}\n{CLOSING}"  # the rules go, the paragraph stays


def test_a_lead_that_ends_with_a_prompt_stays():
    lead = ("At the provincial data bureau, officials publish a monthly roundup of new online services, and "
            "readers are asked to subscribe to our newsletter for updates.")
    cleaned, removed = clean_text(f"{lead}\n{PARAGRAPH}")
    assert removed == [] and cleaned == f"{lead}\n{PARAGRAPH}"


def test_table_rows_below_the_article_stay():
    rows = ["| Service | Online since |", "| Tax filing | 2016 |", "| Social insurance | 2018 |"]
    cleaned, removed = clean_text("\n".join([PARAGRAPH, CLOSING, *rows]))
    assert removed == [] and cleaned.split("\n") == [PARAGRAPH, CLOSING, *rows]
