"""Article metadata: the `date YYYY-MM-DD` header, the dateline and the agency."""
from __future__ import annotations

import regex

from .lexicon import AGENCIES, MONTHS
from .model import ArticleMeta
from .scan import positions

DATE_HEADER = regex.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
BYLINE = regex.compile(r"\A\s*By [^\n]{1,80}\n(?:\s*(?:Associated Press|Reuters|AP|AFP)[^\n]{0,40}\n)?")
_AGENCY = "|".join(sorted((regex.escape(a) for a in AGENCIES), key=len, reverse=True))
_MONTH = "|".join(m.capitalize() for m in MONTHS) + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
# `New Delhi [India], November 29 (ANI):`, `Gandhidham, Apr 9 (PTI) ` (PTI copy has no colon)
INDIAN_DATELINE = regex.compile(
    rf"\s*(?P<place>[^\n:()]{{2,60}}?(?:\s*\([^\n()]{{1,40}}\))?(?:\s*\[[^\n\]]{{1,40}}\])?)\s*,\s*"
    rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\s*\((?P<agency>[^)\n]{{1,30}})\)(?:\s*:)?+\s*+(?![-—–])"
)
# `KUALA LUMPUR (Reuters) -`, `SEVILLE, Spain (AP) —`
WIRE_DATELINE = regex.compile(
    rf"\s*(?P<place>[\p{{Lu}}][\p{{Lu}}\p{{M}} .'’-]+(?:,\s*[\p{{L}} .]+?)?)\s*\((?P<agency>{_AGENCY})\)\s*[-—–]+\s*"
)
# `LAKEPORT, Calif., March 14 (Reuters) -`, `Kellbrook, May 11 (AP) —`: a day before the agency.
DATED_WIRE_DATELINE = regex.compile(
    rf"\s*(?P<place>\p{{Lu}}[^\n,()]{{1,40}}(?:,\s*\p{{Lu}}[^\n,()]{{1,20}})?)\s*,\s*"
    rf"(?:{_MONTH})\s+\d{{1,2}}\s*\((?P<agency>{_AGENCY})\)\s*[-—–]+\s*"
)
# `WASHINGTON -- `, `BERLIN — `: a capitalised place and a dash, no agency.
PLAIN_DATELINE = regex.compile(r"\s*(?P<place>\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L} .]+?)?)\s*(?:--|[—–])\s*")
LATER_PARAGRAPH = regex.compile(r"\n\s*\n")
AGENCIES_IN_BRACKETS = tuple(f"({agency})" for agency in AGENCIES)
TRAILING_AGENCY = regex.compile(rf"\((?P<agency>{_AGENCY})\)\s*\Z")


def read_meta(text: str) -> tuple[ArticleMeta, int, int, tuple[int, int] | None]:
    """The article's metadata, where its body text begins and ends (before a trailing
    `(ANI)`), and the span of a dateline that follows a headline, which is not body text."""
    date = None
    pos = 0
    header = DATE_HEADER.match(text)
    if header:
        date = header.group(1)
        pos = header.end()
    byline = BYLINE.match(text, pos)
    if byline:
        pos = byline.end()
    last_day_bracket = _last_day_bracket(text, pos)
    found = _dateline(text, pos, last_day_bracket)
    later = None
    if found:
        pos = found.end()
    else:
        # A headline (and a byline) may come first: try the next paragraphs' starts.
        for paragraph in LATER_PARAGRAPH.finditer(text, pos, min(len(text), pos + 600)):
            start = paragraph.end()
            byline = BYLINE.match(text, start)
            found = _dateline(text, byline.end() if byline else start, last_day_bracket)
            if found:
                later = found.span()
                break
    dateline = agency = None
    if found:
        dateline = found.group("place").strip()
        agency = found.groupdict().get("agency")
        agency = agency.strip() if agency else None
    end = len(text)
    trailing = TRAILING_AGENCY.search(text, pos)
    if trailing:
        agency = agency or trailing.group("agency")
        end = trailing.start()
    while pos < end and text[pos].isspace():
        pos += 1
    return ArticleMeta(date=date, dateline=dateline, agency=agency), pos, end, later


def _last_day_bracket(text: str, pos: int) -> int:
    """Where the last day and opening bracket of an Indian dateline (`29 (`) from `pos` on
    starts, or -1: the whole pattern, tried at a paragraph's start that is no dateline,
    costs several times more than finding its brackets first."""
    for bracket in reversed(positions(text, "(", pos)):
        at = bracket - 1
        while at >= pos and text[at].isspace():
            at -= 1
        if at >= pos and text[at].isdecimal():
            return at
    return -1


def _dateline(text: str, pos: int, last_day_bracket: int) -> regex.Match | None:
    indian = pos <= last_day_bracket and INDIAN_DATELINE.match(text, pos)
    # A wire dateline's place holds no bracket, so its agency's is the first one after
    # `pos`: without an agency there, neither wire pattern can match.
    bracket = text.find("(", pos)
    wire = bracket >= 0 and text.startswith(AGENCIES_IN_BRACKETS, bracket)
    return (indian or (wire and (WIRE_DATELINE.match(text, pos) or DATED_WIRE_DATELINE.match(text, pos)))
            or PLAIN_DATELINE.match(text, pos))
