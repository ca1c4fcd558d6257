"""The source of an attribution: channel kind, platform, date of the saying, relays."""
from __future__ import annotations

import re
from datetime import date as Date, timedelta

import regex

from . import lexicon as lx


def _longest_first(words) -> str:
    """A pattern matching any of `words`, the longest that matches first (as an
    alternation sorted longest first would), factored into a tree of shared prefixes:
    `statement(?:s)?` rather than `statements|statement`, which the regex engine tries
    several times faster than a flat list of a hundred words."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [regex.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


# One pass over the frame finds every channel word; the kinds' order in the lexicon
# decides between them. That pass starts where the first channel word of any kind is:
# one tree of all the words finds it (or finds there is none) faster.
_KIND_ORDER = [kind for kind, _ in lx.SOURCE_KIND_WORDS if kind != "news_agency_report"]
_KIND_WORDS_PATTERN = (
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{_longest_first(words)})" for kind, words in lx.SOURCE_KIND_WORDS if kind != "news_agency_report")
    + r")\b"
)
_ANY_KIND_WORD_PATTERN = (
    r"\b(?:" + _longest_first([w for kind, words in lx.SOURCE_KIND_WORDS if kind != "news_agency_report" for w in words]) + r")\b"
)
_KIND_WORDS = regex.compile(_KIND_WORDS_PATTERN)
_ANY_KIND_WORD = regex.compile(_ANY_KIND_WORD_PATTERN)
# The same patterns for a frame all ASCII, where the two engines agree on word boundaries:
# the standard `re` engine runs these trees twice as fast.
_ASCII_KIND_WORDS = re.compile(_KIND_WORDS_PATTERN)
_ASCII_ANY_KIND_WORD = re.compile(_ANY_KIND_WORD_PATTERN)
_PLATFORM = regex.compile(
    r"\b(?:on|via|to|in)\s+(?:(?:his|her|their|its|the|a)\s+)?(?:[\w’'-]+[’']s\s+)?(?:official\s+)?(?P<platform>"
    + "|".join(regex.escape(p) for p in sorted(lx.PLATFORMS, key=len, reverse=True))
    + r")\b|\b(?P<adjective>"
    + "|".join(regex.escape(p) for p in sorted(lx.PLATFORMS, key=len, reverse=True) if p != "x")
    + r")\s+(?:post|account|page|video|live|handle|channel)",
    regex.IGNORECASE,
)
_PLATFORM_NAMES_NOT_X = tuple(name for name in lx.PLATFORMS if name != "x")
_TELL_PRESS = frozenset(("reporters", "journalists", "media", "press", "mediapersons", "newsmen", "analysts", "investors"))
_TELL_PARLIAMENT = regex.compile(r"\b(?:Lok Sabha|Rajya Sabha|Parliament|House|Senate|Assembly|Congress|Commons|Lords)\b")
_TELL_SPEECH = frozenset(("crowd", "supporters", "gathering", "audience", "rally", "students", "workers", "team", "delegates"))
_WEEKDAY = regex.compile(r"\b(" + "|".join(d.capitalize() for d in lx.WEEKDAYS) + r")\b")
_RELATIVE_DAY = regex.compile(r"\b(today|yesterday|tonight|this (?:morning|afternoon|evening))\b", regex.IGNORECASE)
_MONTH_DAY = regex.compile(
    r"\b(?:on|dated|of)\s+(?:(?P<month>" + "|".join(m.capitalize() for m in lx.MONTHS) + r")\s+(?P<day>\d{1,2})\b"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + "|".join(m.capitalize() for m in lx.MONTHS) + r")\b)"
)
TWEET = regex.compile(r"\btweet", regex.IGNORECASE)
CAPITAL_X = regex.compile(r"\bX\b")
LEADING_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
LEADING_CITING = regex.compile(r"^(?:citing|quoting)\s+")
LEADING_DOCUMENT = regex.compile(r"^(?:an?\s+\p{Ll}+\s+(?:in|by|from|on)\s+)")
LEADING_POSSESSIVES = regex.compile(r"^(?:\S+[’']s\s+)+")
# Words that describe an outlet before or after its name (`news agency TASS`); "agency"
# alone does not make a name an outlet (`the National Security Agency`).
_DESCRIPTION_WORDS = lx.OUTLET_WORDS | {"agency"}
_AGENCY_NAMES = {a.lower(): a for a in lx.AGENCIES}


def source_kind(frame_text: str, verb: str, told_object: str | None, speaker_is_outlet: bool, document_kind: str | None) -> str:
    """The channel the speaker used, from the words around the reported content."""
    if told_object:
        obj = told_object.lower().removeprefix("the ").strip()
        if obj.split()[0] in _TELL_PRESS:
            return "press_conference"
        if _TELL_PARLIAMENT.search(told_object):
            return "parliament"
        if is_outlet(told_object):
            return "interview"
        if obj.split()[-1] in _TELL_SPEECH:
            return "speech"
    lowered = frame_text.lower()
    if speaker_is_outlet and (verb in ("reported", "reports", "report", "according to") or "report" in lowered):
        return "news_agency_report"
    if verb in ("posted", "tweeted", "posts", "tweets") or (_may_name_platform(lowered) and _PLATFORM.search(frame_text)):
        return "social_post"
    any_kind_word, kind_words = (_ASCII_ANY_KIND_WORD, _ASCII_KIND_WORDS) if lowered.isascii() else (_ANY_KIND_WORD, _KIND_WORDS)
    first = any_kind_word.search(lowered)
    found = {match.lastgroup for match in kind_words.finditer(lowered, first.start())} if first else set()
    for kind in _KIND_ORDER:
        if kind in found:
            return kind
    if document_kind:
        return document_kind
    if verb in ("wrote", "writes", "write", "found", "finds", "reported", "reports", "showed", "shows"):
        return "report" if verb not in ("wrote", "writes", "write") else "unspecified"
    return "unspecified"


def _may_name_platform(lowered: str) -> bool:
    """The test that spares most frames the platform pattern: a platform's name is in
    them (X only as a word after a space)."""
    for name in _PLATFORM_NAMES_NOT_X:  # a loop, not any(): twice as quick over these few
        if name in lowered:
            return True
    at = lowered.find("x", 1)
    while at > 0:
        if lowered[at - 1].isspace():
            return True
        at = lowered.find("x", at + 1)
    return False


def platform(frame_text: str) -> str | None:
    match = _PLATFORM.search(frame_text)
    if not match:
        return "X" if TWEET.search(frame_text) else None
    name = (match.group("platform") or match.group("adjective")).lower()
    if name == "x" and not CAPITAL_X.search(match.group()):
        return None
    return lx.PLATFORMS[name]


def saying_date(frame_text: str, article_date: str | None) -> str | None:
    """The day of the saying named in its frame, resolved against the article date."""
    if not article_date:
        return None
    try:
        today = Date.fromisoformat(article_date)
    except ValueError:
        return None
    relative = _RELATIVE_DAY.search(frame_text)
    if relative:
        word = relative.group(1).lower()
        return (today - timedelta(days=1) if word == "yesterday" else today).isoformat()
    weekday = _WEEKDAY.search(frame_text)
    if weekday:
        wanted = lx.WEEKDAYS.index(weekday.group(1).lower())
        return (today - timedelta(days=(today.weekday() - wanted) % 7)).isoformat()
    month_day = _MONTH_DAY.search(frame_text)
    if month_day:
        month = lx.MONTHS.index((month_day.group("month") or month_day.group("month2")).lower()) + 1
        day = int(month_day.group("day") or month_day.group("day2"))
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        try:
            return Date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


def is_outlet(mention: str) -> bool:
    bare = mention.strip()
    if bare[:1] in ("t", "T", "a", "A"):  # only then can an article lead: spares most mentions the pattern
        bare = LEADING_ARTICLE.sub("", bare)
    lowered = bare.lower()
    return lowered in _AGENCY_NAMES or "news agency" in lowered or not lx.OUTLET_WORDS.isdisjoint(lowered.split())


def outlet_name(mention: str) -> str:
    """`Russian state news agency TASS` -> `TASS`; `the daily Hospodářské noviny` ->
    `Hospodářské noviny`; `China's official Xinhua news agency` -> `Xinhua`."""
    bare = mention.strip().strip(",")
    bare = LEADING_CITING.sub("", bare)
    bare = LEADING_DOCUMENT.sub("", bare)
    bare = LEADING_POSSESSIVES.sub("", bare)
    words = bare.split()
    described = [i for i, w in enumerate(words) if w in _DESCRIPTION_WORDS]
    if described and described[-1] + 1 < len(words):
        name = words[described[-1] + 1:]  # the name follows its description
    else:
        end = described[0] if described else len(words)
        start = end
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
        name = words[start:end] or words
    trimmed = LEADING_ARTICLE.sub("", " ".join(name)).strip()
    return _AGENCY_NAMES.get(trimmed.lower(), trimmed)
