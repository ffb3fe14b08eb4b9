"""egov.corpus.titles: the headline among the lines above an article's first paragraph."""
from __future__ import annotations

import pytest

from egov.corpus.titles import is_headline_like, size, title_from_text

PARAGRAPH = ("BEIJING, June 3 (Xinhua) -- The State Council on Monday urged local governments to put more public "
             "services online through the national government services platform.")
ZH_PARAGRAPH = ("新华社北京6月3日电 国务院办公厅日前印发通知，要求各地加快推进政务服务“一网通办”，"
                "让企业和群众办事更加便捷，到年底前高频事项基本实现网上可办。")


@pytest.mark.parametrize("header, expected", [
    # furniture first, then the headline, then the date line
    (["China.org.cn", "Home | News | Government", "Portal opens to the public", "Updated: 2019-06-04"],
     "Portal opens to the public"),
    # a section label above, a deck below: the first headline of five words or more wins
    (["Hot on the Web", "Officials get past Internet phobia", "After the mayor, the city's Party chief posts a letter"],
     "Officials get past Internet phobia"),
    # prompts, print-edition notes, names and photo captions are not headlines
    (["The story appears on", "Page A15", "Related News", "Brainpower to tackle city traffic headache", "Yun Qing Tan"],
     "Brainpower to tackle city traffic headache"),
    (["Platform links 30 provinces for the first time", "A clerk at a service centre in Nanjing. [Photo/Xinhua]"],
     "Platform links 30 provinces for the first time"),
    (["# Markdown heading of an article here"], "Markdown heading of an article here"),
])
def test_the_headline_is_found_among_the_furniture(header: list[str], expected: str) -> None:
    assert title_from_text("\n".join([*header, PARAGRAPH])) == expected


def test_chinese_headline_below_menus_and_a_live_clock() -> None:
    raw = "\n".join(["今天是2024年12月8日 星期日", "首页 新闻 江苏 国内 国际 社会", "当前位置：首页 > 地方经济",
                     "江苏“不见面审批”改革再出实招", "2019年06月04日 08:32 来源：新华网", ZH_PARAGRAPH])
    assert title_from_text(raw) == "江苏“不见面审批”改革再出实招"


def test_no_headline_gives_the_start_of_the_first_sentence() -> None:
    assert title_from_text("Adjust font size:\n" + PARAGRAPH, PARAGRAPH) == PARAGRAPH[:80].rstrip() + "…"
    assert title_from_text("Short line only") == "Short line only"


def test_the_first_paragraph_is_the_first_prose_line_cleaning_kept() -> None:
    cookie = "We use cookies to tailor your experience. By clicking Accept, you agree to our Privacy Policy."
    raw = "\n".join([cookie, "Accept", "Shenzhen folds health code data into its city platform", PARAGRAPH])
    assert title_from_text(raw, PARAGRAPH) == "Shenzhen folds health code data into its city platform"


@pytest.mark.parametrize("line", ["Adjust font size:", "Large Medium Small", "SHANGHAI DAILY", "4/2/2005 11:14",
                                  "By WANG KEJU wangkeju@chinadaily.com.cn", "Home > News > Top News",
                                  "首页 新闻 福建 台湾 视频", "国办发〔2019〕51号", "4 minute read", "People's Daily Online"])
def test_furniture_is_not_headline_like(line: str) -> None:
    assert not is_headline_like(line)


def test_size_counts_chinese_characters_as_half_words() -> None:
    assert size("数字政府 digital government") == 4


def test_title_skips_furniture_glued_into_one_line():
    text = ("Exclusive news, data and analytics for financial market professionalsLearn more about Refinitiv\n"
            "China to set up national data bureau in government shake-up\n"
            "BEIJING, March 7 (Reuters) - China will set up a national data bureau to coordinate the sharing of data.")
    assert title_from_text(text) == "China to set up national data bureau in government shake-up"
    assert title_from_text("WeChat and GovInsider report on eGovernment apps\nBody text follows here.") == (
        "WeChat and GovInsider report on eGovernment apps")
