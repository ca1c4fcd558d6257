"""Article metadata: the `date YYYY-MM-DD` header, the dateline and the agency."""
from __future__ import annotations

import regex

from .lexicon import AGENCIES, MONTHS
from .model import ArticleMeta

DATE_HEADER = regex.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
BYLINE = regex.compile(r"\A\s*By [^\n]{1,80}\n(?:\s*(?:Associated Press|Reuters|AP|AFP)[^\n]{0,40}\n)?")
_AGENCY = "|".join(sorted((regex.escape(a) for a in AGENCIES), key=len, reverse=True))
_MONTH = "|".join(m.capitalize() for m in MONTHS) + r"|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
# `New Delhi [India], November 29 (ANI):`
INDIAN_DATELINE = regex.compile(
    rf"\s*(?P<place>[^\n:()]{{2,60}}?(?:\s*\([^\n()]{{1,40}}\))?(?:\s*\[[^\n\]]{{1,40}}\])?)\s*,\s*"
    rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\s*\((?P<agency>[^)\n]{{1,30}})\)\s*:\s*"
)
# `KUALA LUMPUR (Reuters) -`, `SEVILLE, Spain (AP) —`
WIRE_DATELINE = regex.compile(
    rf"\s*(?P<place>[\p{{Lu}}][\p{{Lu}}\p{{M}} .'’-]+(?:,\s*[\p{{L}} .]+?)?)\s*\((?P<agency>{_AGENCY})\)\s*[-—–]+\s*"
)
# `WASHINGTON -- `, `BERLIN — `: a capitalised place and a dash, no agency.
PLAIN_DATELINE = regex.compile(r"\s*(?P<place>\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L} .]+?)?)\s*(?:--|[—–])\s*")
TRAILING_AGENCY = regex.compile(rf"\((?P<agency>{_AGENCY})\)\s*\Z")


def read_meta(text: str) -> tuple[ArticleMeta, int, int]:
    """The article's metadata and where its body text begins and ends (before a trailing `(ANI)`)."""
    date = None
    pos = 0
    header = DATE_HEADER.match(text)
    if header:
        date = header.group(1)
        pos = header.end()
    byline = BYLINE.match(text, pos)
    if byline:
        pos = byline.end()
    dateline = agency = None
    indian = INDIAN_DATELINE.match(text, pos)
    wire = None if indian else WIRE_DATELINE.match(text, pos)
    plain = None if indian or wire else PLAIN_DATELINE.match(text, pos)
    found = indian or wire or plain
    if found:
        dateline = found.group("place").strip()
        agency = None if plain else found.group("agency").strip()
        pos = found.end()
    end = len(text)
    trailing = TRAILING_AGENCY.search(text, pos)
    if trailing:
        agency = agency or trailing.group("agency")
        end = trailing.start()
    while pos < end and text[pos].isspace():
        pos += 1
    return ArticleMeta(date=date, dateline=dateline, agency=agency), pos, end

