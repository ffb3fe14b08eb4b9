"""Which outlet published an article, from the page furniture of its text.

Looks only where outlets name themselves: banner lines above the first paragraph,
datelines like "BEIJING, June 3 (Xinhua) --" or "/PRNewswire/", and "SOURCE ..."
lines at the end; for web pages also the site name and address (`outlet_of`).
Quotes of an outlet in the body are not evidence, and neither are photo credits
("[Photo/Xinhua]" names the photographer's agency, not the publisher).
"""
from __future__ import annotations

import re
from egov.corpus.clean import FRAGMENT_RULES, is_prose
from egov.corpus.outlets import any_outlet, outlet_patterns
from egov.lang.zh import sources as zh_sources

_CREDITS = [p for name, p in FRAGMENT_RULES if name == "photo credit"]
_CREDIT_LINE = re.compile(r"^[\[(]?\s*(photo|image|picture|file photo|video)s?\s*(by|:|/)", re.I)


def _furniture(raw: str) -> list[str]:
    """Lines above the first prose line, the first prose line itself (datelines), and the last lines."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    head = lines[: prose[1] if len(prose) > 1 else prose[0] + 1] if prose else lines[:5]
    tail = lines[prose[-1] + 1:] if prose else lines[-3:]
    return head[:12] + tail[-6:]


def _without_credits(line: str) -> str:
    """The line without photo credits: "[Photo/Xinhua]" names the photo's agency, not the publisher."""
    if _CREDIT_LINE.match(line):
        return ""
    for pattern in _CREDITS:
        line = pattern.sub(" ", line)
    return line.strip()


def _names_outlet(line: str, pattern: re.Pattern) -> bool:
    """A banner line naming the outlet, or a dateline crediting it: "(Xinhua)", "/PRNewswire/".
    `line` is already without photo credits (`_without_credits`)."""
    if not is_prose(line):
        return bool(pattern.search(line))
    match = pattern.search(line[:160])
    return bool(match) and (match.group(0).startswith("/") or line[: match.start()].rstrip().endswith(("(", "/")))


def detect_source(raw: str, language: str = "en", hints: tuple[str, ...] = ()) -> tuple[str, str]:
    """(outlet, evidence) from the article's furniture, or ("", reason).

    Chinese articles ("zh") ask the seam (egov.lang.zh.sources: 来源 lines, datelines, the site
    in `hints`, mastheads); English ones read banners, datelines and SOURCE lines here.
    Example: detect_source("CHONGQING, Nov 6, 2022 /PRNewswire/ -- ...") -> ("PR Newswire", '... /PRNewswire/ ...')
    """
    if language == "zh":
        return zh_sources.detect_source(raw, hints)
    lines = _furniture(raw)
    credit = next((m for m in (re.match(r"^SOURCE:?\s+(.{2,60})$", line) for line in lines) if m), None)
    for raw_line in lines:
        # a speaker label in a transcript ("CGTN:") is a questioner, not the publisher
        line = "" if raw_line.endswith(":") else _without_credits(raw_line)
        if not line or not any_outlet().search(line):
            continue  # one pass of the combined pattern spares trying each outlet on most lines
        for outlet, pattern in outlet_patterns():
            if _names_outlet(line, pattern):
                if credit and credit.group(1).strip().lower() != outlet.lower():
                    return f"{outlet} ({credit.group(1).strip()})", raw_line[:120]
                return outlet, raw_line[:120]
    if credit:
        return credit.group(1).strip(), credit.group(0)
    return "", "no outlet named in the header, dateline or footer"


def outlet_of(name: str) -> str:
    """The outlet that a site name, page-title suffix or web address names, or "".

    Example: outlet_of("https://www.scmp.com/news/china/article/1.html") -> "South China Morning Post"
    """
    host = re.match(r"^\s*(?:https?://)?([\w.-]+\.[a-z]{2,})(?:[/:?#]|\s*$)", name, re.I)
    text = host.group(1) if host else name  # an address names its site by its host only
    return next((outlet for outlet, pattern in outlet_patterns() if pattern.search(text)), "")
