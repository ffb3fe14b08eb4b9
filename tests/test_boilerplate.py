"""egov.corpus.boilerplate: which English lines are page furniture and which are prose."""
from __future__ import annotations

import pytest

from egov.corpus.boilerplate import is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Twitter",
        "© 2024 Example Media Ltd",
        "Sign up for our daily newsletter",
        "Related articles",
        "Share this article",
        "Photo: Xinhua",
        "By Jane Smith",
        "Advertisement",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Residents can sign up for the service with their national ID number.",
        "The ministry said the platform would be rolled out by 2025.",
        "Read the full report on the ministry's website, officials said on Tuesday.",
        "Residents can register on the platform to receive flood alerts.",
        "Over two million users are already registered and log in to access services with their ID.",
        "Diplomats like Zhao Lijian on Twitter have taken a combative tone.",
        "By Tuesday, 3,000 people had registered.",
        "Latest figures show a rise in online filings",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
