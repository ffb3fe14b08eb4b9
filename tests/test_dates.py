"""Tests for egov.corpus.dates: publication dates from strings and text (HTML pages: test_dates_html.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from egov.corpus.dates import DateFound, date_from_text, date_lines, find_dates, parse_date_string, text_date

SEEDS = Path(__file__).parents[1] / "seeds"


def _day(found: DateFound) -> str | None:
    return found.date.strftime("%Y-%m-%d") if found.date is not None else None


# (string, expected date or None, expected precision)
STRINGS = [
    ("2019-06-04", "2019-06-04", "day"),
    ("June 2019", "2019-06-01", "month"),
    ("2019", "2019-01-01", "year"),
    ("4 June 2019", "2019-06-04", "day"),
    ("2016.09.05", "2016-09-05", "day"),
    ("2019/06/04", "2019-06-04", "day"),
    ("2019-06-04T23:30:00-05:00", "2019-06-04", "day"),  # the date as written, no time-zone shift
    ("2023-11-09T02:11:03+00:00", "2023-11-09", "day"),
    ("Tue, 04 Jun 2019 07:33:00 GMT", "2019-06-04", "day"),
    ("Nov. 6, 2022", "2022-11-06", "day"),
    ("6 November 2022", "2022-11-06", "day"),
    ("November 2022", "2022-11-01", "month"),
    ("Sept. 5, 2016", "2016-09-05", "day"),
    ("June 4th, 2019", "2019-06-04", "day"),
    ("31. October, 2023", "2023-10-31", "day"),
    ("2016年9月5日", "2016-09-05", "day"),
    ("20190604", "2019-06-04", "day"),
    ("16-Dec-2021", "2021-12-16", "day"),  # CGTN and others write day-month-year with hyphens
    ("March 7, 20235:39 PM GMT+8", "2023-03-07", "day"),  # a copied page glues the time to the year
    ("Dec 16, 20231", None, ""),  # but five digits are not a year
    ("2019-06", "2019-06-01", "month"),
    ("25/06/2019", "2019-06-25", "day"),  # day > 12: unambiguous
    ("06/25/2019", "2019-06-25", "day"),
    ("04.06.2019", "2019-06-04", "day"),  # dotted numeric dates are day-first
    ("04/06/2019", None, ""),  # April 6 or 4 June: refuse
    ("Nov 19", None, ""),  # no year: never invent one
    ("1899", None, ""),
    ("1985-03-02", None, ""),  # before 1990
    ("2150-01-01", None, ""),  # after the fixed bound 2100
    ("2019-02-30", None, ""),  # not a calendar date
    ("", None, ""),
    ("yesterday", None, ""),
]


@pytest.mark.parametrize(("s", "expected", "precision"), STRINGS)
def test_parse_date_string(s: str, expected: str | None, precision: str) -> None:
    found = parse_date_string(s)
    assert (_day(found), found.precision) == (expected, precision)
    assert found.evidence


def test_parse_date_string_explains_missing_year() -> None:
    assert "no year" in parse_date_string("Nov 19").evidence
    assert "ambiguous" in parse_date_string("04/06/2019").evidence


# (text, expected date or None, expected precision)
TEXTS = [
    ("China.org.cnUpdated:  June 4, 2019\nCGTN:\nGuangdong regards digital government...", "2019-06-04", "day"),
    ("Title\nBy WANG KEJU | China Daily | Updated: 2018-11-08 07:33\nBody text.", "2018-11-08", "day"),
    ("CHONGQING, China, November 6, 2022 /PRNewswire/ — The forum held on October 31, 2022 discussed...",
     "2022-11-06", "day"),
    ("National Exchange Meeting\n2016.09.05 Source: 转载 [ Print ]\nIt has been 2 years...", "2016-09-05", "day"),
    ("BEIJING, Jan. 5 (Xinhua) -- China will expand e-government services.", None, ""),
    ("Posted on 2019/06/04 by admin\nText.", "2019-06-04", "day"),
    ("Published: 6 November 2022\nText.", "2022-11-06", "day"),
    ("Headline\nNovember 2022\nThe report says...", "2022-11-01", "month"),
    ("Headline\n04/06/2019\nText.", None, ""),  # ambiguous day/month, nothing decides
    ("Headline\n04/06/2019\nThe plan adopted on 25/06/2018 is reviewed by the provincial office.",
     "2019-06-04", "day"),  # context: another date shows the page writes day first
    ("Headline\nCopyright 2014-2022 China Daily. All rights reserved.\nText.", None, ""),
    ("Headline\nText.\n© 2023 Xinhua", None, ""),
    ("Headline\nPublished: June 4, 2150\nText.", None, ""),  # implausible year
    ("The conference held on October 31, 2022 in Beijing discussed digital government reform.", None, ""),
    ("Headline\nJanuary 28, 2018\nAuthor\nUpdated: August 22, 2019\nText.", "2018-01-28", "day"),
    ("By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST\nText.", "2020-06-12", "day"),
    ("Headline\nJune 3, 2019\nJune 9, 2019\nText.", None, ""),  # two bare dates near the top: refuse
    ("Headline\nThe guideline, released on June 4, 2019 by the State Council, asks local governments to put "
     "more public services online and to share data across departments by the end of next year.", None, ""),
    ("Title\nUpdated 17:41, 16-Dec-2021\nCGTN\nText.", "2021-12-16", "day"),
    ("By Jing Wang\n4 minute read\nMarch 7, 20235:39 PM GMT+8Updated a year ago\n"
     "BEIJING, March 7 (Reuters) - China will set up a national data bureau.", "2023-03-07", "day"),
    ("", None, ""),
]


@pytest.mark.parametrize(("text", "expected", "precision"), TEXTS)
def test_date_from_text(text: str, expected: str | None, precision: str) -> None:
    found = date_from_text(text)
    assert (_day(found), found.precision) == (expected, precision)
    assert found.evidence


def test_body_date_only_on_request() -> None:
    text = "The conference held on October 31, 2022 in Beijing discussed digital government reform."
    assert "October 31, 2022" in date_from_text(text).evidence
    found = date_from_text(text, body_dates=True)
    assert _day(found) == "2022-10-31" and found.evidence.startswith("body date")


def test_text_date_role_and_date_lines() -> None:
    assert text_date("Posted on 2019-06-04")[1] == "published"
    assert date_lines(["Posted on 2019-06-04", "© 2020"]) == [(pd.Timestamp("2019-06-04"), "published")]


SEED_EXPECTED = {"000": None, "001": "2022-11-06", "002": "2019-06-04", "003": "2016-09-05", "004": None}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_texts(prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = date_from_text(path.read_text(encoding="utf-8"))
    assert _day(found) == SEED_EXPECTED[prefix]
    if found.date is None:
        assert "no year" in found.evidence  # 000 has "Nov 19", 004 has "Oct 1"


@pytest.mark.parametrize("line, expected", [
    ("10.18.2019", "2019-10-18"),            # dotted, but the second number cannot be a month
    ("04.06.2019", "2019-06-04"),            # dotted and ambiguous: day-first, as before
    ("2 min readNov 5, 2018", "2018-11-05"),  # Medium's reading time glued to the date
    ("January-14-2011", "2011-01-14"),
])
def test_page_date_forms_seen_on_real_pages(line, expected):
    assert parse_date_string(line).date == pd.Timestamp(expected)


def test_a_month_inside_a_word_is_not_a_date():
    assert find_dates("the unDecided 5, 2018 vote") == []


def test_a_site_address_beside_the_date_keeps_it_a_date_line():
    text = ("Shenzhen to open municipal microblog\n"
            "http://www.dongguantoday.com    2/23/2012 10:53:00 AM\n"
            "The city government said on Thursday that it would open an account on a microblog service.")
    found = date_from_text(text)
    assert found.date == pd.Timestamp("2012-02-23")
