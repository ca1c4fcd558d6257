"""Speakers: from the mention in the text to a canonical name, a title and a kind.

The canonical name is the fullest the article gives: acronyms expand when the article
expands them, short forms (`the ministry`, `Joshi`) and pronouns resolve to an earlier
speaker or name, and titles stay apart from names.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import regex

from . import lexicon as lx
from .scan import positions

_NAME_WORD = r"(?:\p{Lu}\.|[\p{Lu}][\p{L}\p{M}’'&/-]*)"
# Capitalised names, with the small words that join them ("Ministry of External Affairs").
# The space before a word or its joining word is matched once, ahead of both: quicker.
_NAME_RUN = r"WORD(?:[ \t]+(?:(?:of|for|and|&|de|del|la|bin|al|van|von)(?:[ \t]+the)?[ \t]+)?WORD)*"
PROPER_NAME = regex.compile(_NAME_RUN.replace("WORD", _NAME_WORD))
# The same names in a text all ASCII, where a capital is A-Z and a letter a-z or A-Z: the
# standard `re` engine finds them twice as fast, and reading names is most of resolving.
ASCII_PROPER_NAME = re.compile(_NAME_RUN.replace("WORD", r"(?:[A-Z]\.|[A-Z][A-Za-z'&/-]*)"))
NAME_JOINER = regex.compile(r"[ \t]+(?:and|&)(?:[ \t]+the)?[ \t]+")
ACRONYM_DEFINITION = regex.compile(rf"(?P<name>{PROPER_NAME.pattern}(?:,\s+{_NAME_WORD}(?:\s+(?:and|&)\s+{_NAME_WORD})+)?)\s+\((?P<acronym>[\p{{Lu}}][\p{{L}}&-]{{1,9}})\)")
# The brackets alone, matched first at each opening bracket: the full pattern tried at
# every capital is slow.
ACRONYM_BRACKET = regex.compile(r"\s\([\p{Lu}][\p{L}&-]{1,9}\)")
ACRONYM_DEFINITION_ENDING = regex.compile(ACRONYM_DEFINITION.pattern + r"\Z")
# How far before its brackets an acronym's name may start, in characters.
ACRONYM_REACH = 300
ACRONYM_IN_BRACKETS = regex.compile(r"\s*\([^()]{1,12}\)")
POSSESSIVE = regex.compile(r"[’']s?$")
DETERMINER = regex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
LEADING_DETERMINER = regex.compile(r"^(?:an?|the|its|his|her|their)\s+", regex.IGNORECASE)
LOWERCASE_WORDS = regex.compile(r"^(?:\p{Ll}+\s+)+")
UPPERCASE = regex.compile(r"\p{Lu}")
SENTENCE_ARTICLE = regex.compile(r"^(?:The|A|An)\s+")
INDEFINITE = regex.compile(r"(?:[Aa]n?|[Oo]ne)\s+(?P<words>(?:[\w’'.-]+\s*){1,5}?)(?:\s+(?:of|for|at|in|from|with|who)\b|$)")
TWO_CAPITALS = regex.compile(r"\p{Lu}.*\p{Lu}")
_DOCUMENT_NOUNS = "|".join(sorted(lx.DOCUMENT_SPEAKERS, key=len, reverse=True))
DOCUMENT = regex.compile(
    rf"^(?P<owner>.*?)\s*\b(?P<noun>{_DOCUMENT_NOUNS})\b(?:\s+(?:by|from|of|released by|issued by)\s+(?P<by>.+)|\s+(?:to|for|on|in|at|dated)\b.*)?$",
    regex.IGNORECASE,
)
# The document noun alone, a quick pretest: DOCUMENT tries its noun after every character.
DOCUMENT_NOUN = regex.compile(rf"\b(?:{_DOCUMENT_NOUNS})\b", regex.IGNORECASE)
PAIR = regex.compile(r"^(?:two|both)\s+\p{Ll}+s$")
AGENCY_NAMES = frozenset(a.lower() for a in lx.AGENCIES)
# How many earlier speakers and names a pronoun or short form may look back over: enough
# for any article, and a bound that keeps odd input linear.
LOOKBACK = 60
NAME_LOOKBACK = 300
CONNECTORS = frozenset(("of", "for", "and", "&", "the", "de", "del", "la", "bin", "al", "van", "von"))
TITLE_OR_ORGANIZATION_WORDS = lx.TITLE_WORDS | lx.ORGANIZATION_WORDS  # words no name is made of
# As they open a capitalised run (the connectors once such a word is dropped: `One of Trump`).
CAPITALISED_NOT_NAME_STARTS = frozenset(word.capitalize() for word in lx.NOT_NAME_STARTS) | CONNECTORS


@dataclass(slots=True)  # not frozen, to be quick to make (as `segments.Sentence`)
class Speaker:
    name: str
    kind: str
    title: str | None = None
    # The channel the mention itself names: "the MEA statement" is a statement.
    document_kind: str | None = None


@dataclass(slots=True)  # as `Speaker`
class Earlier:
    """A speaker already attributed, for pronouns and short forms."""

    speaker: Speaker
    source_kind: str
    head: str  # the last word of the mention, lower-cased: `club` for `the Premier League club`


class SpeakerResolver:
    def __init__(self, text: str, lead: tuple[int, int]):
        self.text = text
        self.lead = lead  # the first sentence of the body
        self.acronyms: dict[str, str] = {}
        for at in positions(text, "("):
            bracket = ACRONYM_BRACKET.match(text, at - 1) if at else None
            if bracket is None:
                continue
            line_start = text.rfind("\n", 0, bracket.start()) + 1
            match = ACRONYM_DEFINITION_ENDING.search(text, max(line_start, bracket.start() - ACRONYM_REACH), bracket.end())
            if match is None:
                continue
            name = DETERMINER.sub("", match.group("name"))
            acronym = match.group("acronym")
            if _initials(name) != acronym.upper():
                # Titles before the name are dropped, unless the acronym spells the whole
                # of it: `Commission for Air Quality Management (CAQM)` keeps "Commission
                # for Air", which only looks like a title.
                name = _drop_leading_titles(name)
            self.acronyms.setdefault(acronym, name)
        # The article's names are read on demand, only as far as a mention needs them:
        # most mentions resolve without them, and those that do look back, not ahead.
        # Only names of two words or more are kept: every lookup wants one of those. Every
        # name's start is kept too, since a short form looks back over a number of names.
        self.names: list[tuple[int, str]] = []
        self._name_ordinals: list[int] = []  # each kept name's place among all names
        self._kept_starts: list[int] = []
        self.name_starts: list[int] = []  # of all names
        self._name_matches = (ASCII_PROPER_NAME if text.isascii() else PROPER_NAME).finditer(text)
        self._all_names_read = False
        self._initials: dict[str, str] | None = None
        # Surnames looked up: once found, the article's first multi-word person name
        # (titles dropped) with that surname, and its place; until then, how many of the
        # names holding the surname have been judged.
        self._first_person: dict[str, tuple[int, str]] = {}
        self._surname_next: dict[str, int] = {}
        # Word -> multi-word names holding it, by index in `names`; filled in only when a
        # surname is looked up (half the articles never do), up to `_names_indexed`.
        self._names_with_word: dict[str, list[int]] = {}
        self._names_indexed = 0
        self._person_of: dict[str, str | None] = {}  # names repeat: judge each once

    def _read_names(self, position: int) -> None:
        """Read names until every name that starts before `position` is in `names`."""
        name_starts = self.name_starts  # a local: this loop runs once for every name
        if self._all_names_read or (name_starts and name_starts[-1] >= position):
            return
        for match in self._name_matches:  # goes on where the last call stopped
            run, start = match.group(), match.start()
            if " " not in run and "\t" not in run:
                name_starts.append(start)  # one word: a name no lookup wants
                if start >= position:
                    return
                continue
            # `Mayor Tom Reyes and Paul Quist`: two names, each a fuller form of its surname.
            parts = NAME_JOINER.split(run) if " and " in run or "&" in run else (run,)
            for part in parts:
                at = start + run.find(part)
                name = _trim_name(part)
                if " " in name or "\t" in name:
                    self.names.append((at, name))
                    self._name_ordinals.append(len(name_starts))
                    self._kept_starts.append(at)
                name_starts.append(at)
            if name_starts[-1] >= position:
                return
        self._all_names_read = True

    @property
    def initials(self) -> dict[str, str]:
        if self._initials is None:
            self._read_names(len(self.text) + 1)
            self._initials = _initials_index(self.names)
        return self._initials

    def _person_before(self, surname: str, position: int) -> str | None:
        """The article's first multi-word person name with this surname, if it comes
        before `position`."""
        found = self._first_person.get(surname) or self._find_first_person(surname, position)
        if found is None:
            return None
        start, person = found
        return person if start < position else None

    def _find_first_person(self, surname: str, position: int) -> tuple[int, str] | None:
        """The first name starting before `position` that is a multi-word person name
        with this surname, and its start. Only a name that has the surname among its
        words can be it, so only those are judged, in order, each once per surname (the
        next lookup goes on where this one stopped)."""
        self._read_names(position)
        self._index_name_words()
        holders = self._names_with_word.get(surname, ())
        i = self._surname_next.get(surname, 0)
        while i < len(holders):
            start, name = self.names[holders[i]]
            if start >= position:
                break  # for a later lookup to judge
            if name not in self._person_of:
                bare = _drop_leading_titles(name)
                self._person_of[name] = bare if " " in bare and _kind_of(bare) == "person" else None
            person = self._person_of[name]
            if person and person.rsplit(" ", 1)[-1] == surname:
                self._first_person[surname] = (start, person)
                return start, person
            i += 1
        self._surname_next[surname] = i
        return None

    def _index_name_words(self) -> None:
        """Index the words of the names read since the last call: a person's surname is
        one of the words of the name."""
        for index in range(self._names_indexed, len(self.names)):
            name = self.names[index][1]
            if " " in name:
                for word in set(name.split()):
                    self._names_with_word.setdefault(word, []).append(index)
        self._names_indexed = len(self.names)

    def _names_between(self, start: int, end: int) -> list[tuple[int, str]]:
        self._read_names(end)
        return self.names[bisect_left(self._kept_starts, start):bisect_left(self._kept_starts, end)]

    def _names_before(self, position: int) -> list[tuple[int, str]]:
        """The names just before `position`: a short form refers back a little way only."""
        self._read_names(position)
        first = bisect_left(self.name_starts, position) - NAME_LOOKBACK
        return self.names[bisect_left(self._name_ordinals, first):bisect_left(self._kept_starts, position)]

    def resolve(self, mention: str, position: int, earlier: list[Earlier], sentence_start: int = 0) -> Speaker:
        """The speaker a mention at `position` names, trying in turn: pronouns, `the two
        companies`, documents (`the MEA statement`), unnamed and plural sources, short
        forms and acronyms, and finally a name with its title split off."""
        bare = mention.strip()
        lowered = bare.lower()
        if lowered in lx.PRONOUNS_PERSON:
            return self._antecedent(earlier, ("person",)) or Speaker(bare, "person")
        if lowered in lx.PRONOUNS_OTHER:
            return self._antecedent(earlier, ("organization", "group")) or Speaker(bare, "group" if lowered == "they" else "organization")
        # Each pattern here is tried only when the text can start it: most mentions are names.
        body = ACRONYM_IN_BRACKETS.sub("", bare) if "(" in bare else bare
        if body[:1] in ("T", "t", "A", "a"):
            body = DETERMINER.sub("", body)
        words = body.split()
        if not words:
            return Speaker(bare, "organization")
        pair = self._pair(body, position, sentence_start)
        if pair:
            return pair
        document = self._document(body, position, earlier, sentence_start)
        if document:
            return document
        head = words[-1].lower()
        if _is_anonymous(bare):
            return Speaker(bare, "anonymous")
        if _starts_indefinite(bare):
            return Speaker(bare, "anonymous")
        if words[0].lower() in lx.GROUP_HEADS or (
            head in lx.GROUP_HEADS and all(w[:1].islower() or w.lower() in lx.TITLE_WORDS for w in words[1:])
        ):
            return Speaker(body, "group")
        if len(words) == 1 and head in lx.ANONYMOUS_HEADS:
            for item in reversed(earlier[-LOOKBACK:]):
                if head in item.speaker.name.lower() or head in (item.speaker.title or "").lower():
                    return item.speaker
        if len(words) == 1 and bare[:1].islower() and head in lx.TITLE_WORDS and head not in lx.ORGANIZATION_WORDS:
            # `the minister`: the person just named with that title.
            for item in reversed(earlier[-LOOKBACK:]):
                if item.speaker.kind == "person" and head in (item.speaker.title or "").lower().split():
                    return item.speaker
        if words[0].lower() in lx.ANONYMOUS_HEADS and bare[:1].islower():
            return Speaker(bare, "anonymous")
        if len(words) == 1 or (
            head in lx.ORGANIZATION_SHORT_FORMS and words[-1][:1].islower() and all(w[:1].isupper() for w in words[:-1])
        ):
            short = self._short_form(body, position, earlier, sentence_start)
            if short:
                return short
        if " and " in body and not any(w.lower() in lx.ORGANIZATION_WORDS for w in words):
            return Speaker(body, "group")
        if body in self.acronyms.values():
            return Speaker(body, "organization")  # `The Council for Air Cargo Safety (CACS)`: its whole name
        name, title = _split_title(body)
        kind = "person" if name != body else _kind_of(name)
        if kind == "person":
            name = self._fullest_person(name, position)
        return Speaker(name, kind, title)

    def _document(self, body: str, position: int, earlier: list[Earlier], sentence_start: int) -> Speaker | None:
        """`the statement`, `the MEA statement`, `a Kremlin statement`, `The company's message`."""
        match = DOCUMENT_NOUN.search(body) and DOCUMENT.search(body)
        if match:
            kind = lx.DOCUMENT_SPEAKERS[match.group("noun").lower()]
            owner = (match.group("by") or match.group("owner")).strip()
            owner = POSSESSIVE.sub("", owner).strip()
            owner = LEADING_DETERMINER.sub("", owner)
            owner = LOWERCASE_WORDS.sub("", owner) if owner[:1].islower() and UPPERCASE.search(owner) else owner
            if owner and (match.group("by") or match.group("owner").rstrip().endswith(("'s", "’s", "'", "’")) or owner[:1].isupper()):
                speaker = self.resolve(owner, position, earlier, sentence_start)
                return Speaker(speaker.name, speaker.kind, speaker.title, kind)
            for item in reversed(earlier[-LOOKBACK:]):
                if kind is None or item.source_kind == kind:
                    return Speaker(item.speaker.name, item.speaker.kind, item.speaker.title, kind)
            return None
        return None

    def _antecedent(self, earlier: list[Earlier], kinds: tuple[str, ...]) -> Speaker | None:
        for item in reversed(earlier[-LOOKBACK:]):
            if item.speaker.kind in kinds:
                return item.speaker
        return None

    def _short_form(self, body: str, position: int, earlier: list[Earlier], sentence_start: int) -> Speaker | None:
        """`MEA`, `Joshi`, `the ministry`, `the Army`: an earlier, fuller name."""
        if body in self.acronyms:
            return Speaker(self.acronyms[body], "organization")
        lowered = body.lower()
        head = lowered.split()[-1]
        for item in reversed(earlier[-LOOKBACK:]):
            name = item.speaker.name
            if item.speaker.kind == "person" and body[:1].isupper() and name.split()[-1] == body:
                return item.speaker
            if item.speaker.kind == "organization" and head in name.lower().split() and len(name) > len(body):
                return item.speaker
        if body.isupper() and body in self.initials:
            return Speaker(self.initials[body], "organization")
        upper = body[:1].isupper()
        for start, name in reversed(self._names_before(position)):
            if upper and not name.endswith(body):
                continue  # none of the tests below can pass: spare the split
            words = name.split()
            if body[:1].isupper() and len(body.split()) == 1 and words[-1] == body and len(words) > 1:
                bare_name = _drop_leading_titles(name)
                return Speaker(bare_name, _kind_of(bare_name))
            if body[:1].islower() and head in lx.ORGANIZATION_SHORT_FORMS and words[-1].lower() == head and len(words) > 1:
                return Speaker(name, "organization")
            if body[:1].isupper() and (name == body or name.endswith(" " + body)) and len(words) > len(body.split()):
                return Speaker(name, "organization")
        if head in lx.ORGANIZATION_SHORT_FORMS:
            # `the company`, `the club`: a business story's company is named in its lead.
            for item in reversed(earlier[-LOOKBACK:]):
                if item.head == head and item.speaker.kind == "organization":
                    return item.speaker
            if head in lx.BUSINESS_SHORT_FORMS:
                lead = self._first_name(self.lead[0], min(self.lead[1], position))
                if lead:
                    return Speaker(lead, "organization")
            for item in reversed(earlier[-LOOKBACK:]):
                if item.speaker.kind == "organization":
                    return item.speaker
            # No organisation quoted yet: the sentence's first name is usually the one meant
            # ("Zlota Kromka will close 40 stores, the company said").
            first = self._first_name(sentence_start, position)
            if first and first != body:
                return Speaker(first, "organization")
        return None

    def _pair(self, body: str, position: int, sentence_start: int) -> Speaker | None:
        """`the two companies`, `both sides`: the two names of the sentence, together."""
        if body[:1] not in ("t", "b") or not PAIR.match(body):
            return None
        names = [n for at, n in self._names_between(sentence_start, position) if " " in n]
        if len(names) >= 2:
            return Speaker(f"{names[0]} and {names[1]}", "group")
        if names and " and " in names[0]:
            return Speaker(names[0], "group")
        return None

    def _first_name(self, start: int, end: int) -> str | None:
        """Of the names of two words or more in text[start:end], the one the article
        repeats most (the first, on a tie)."""
        names = [name for at, name in self._names_between(start, end) if " " in name]
        if not names:
            return None
        return max(names, key=lambda name: (self.text.count(name), -names.index(name)))

    def _fullest_person(self, name: str, position: int) -> str:
        """`Joshi` -> `Anand Vardhan Joshi` when the article named him in full earlier."""
        words = name.split()
        if len(words) != 1:
            return name
        return self._person_before(name, position) or name


def _initials_index(names: list[tuple[int, str]]) -> dict[str, str]:
    index = {}
    for _start, name in names:
        initials = _initials(name)
        if len(initials) > 1:
            index.setdefault(initials, name)
    return index


def _trim_name(name: str) -> str:
    # String tests, not the two patterns: this runs on every capitalised run of an article.
    if name.startswith(("The ", "A ", "An ", "The\t", "A\t", "An\t")):
        name = SENTENCE_ARTICLE.sub("", name)
    first, _, rest = name.partition(" ")
    while rest and first in CAPITALISED_NOT_NAME_STARTS:
        name = rest  # `But Sanders`, `One of Trump`: the sentence's first word is no name
        first, _, rest = name.partition(" ")
    if name.endswith(("'", "’", "'s", "’s")):
        name = POSSESSIVE.sub("", name)
    return name


def _is_anonymous(mention: str) -> bool:
    lowered = mention.lower()
    for marker in lx.ANONYMITY_MARKERS:  # a loop, not any(): twice as quick over these few
        if marker in lowered:
            return True
    return False


def _starts_indefinite(mention: str) -> bool:
    """`a senior official of X`, `a spokesperson for Y`: an unnamed singular source."""
    match = mention[:1] in ("a", "o", "A", "O") and INDEFINITE.match(mention)
    return bool(match and not lx.ANONYMOUS_HEADS.isdisjoint(match.group("words").split()))


def _split_title(name: str) -> tuple[str, str | None]:
    """`External Affairs Minister S Jaishankar` -> (`S Jaishankar`, `External Affairs Minister`).

    The name is the run of capitalised words at the end that are neither titles nor
    organisation words; a run longer than three words keeps its last two, since a
    portfolio may end in capitalised words too (`... for Jal Shakti Anil Kumar Verma`).
    """
    head, of, rest = name.partition(" of ")
    if of and head != name:
        # `Chief Robert Ashkewe of Wabinoke Lake First Nation`: a titled name, then its body.
        person, title = _split_title(head)
        if title:
            return person, f"{title} of {rest}"
    words = name.split()
    if not words or words[-1].lower() in lx.ORGANIZATION_WORDS:
        return name, None
    i = len(words)
    while i > 0 and _is_name_word(words[i - 1]):
        i -= 1
    if i == 0 or i == len(words):
        return name, None
    before = words[i - 1].lower().strip(",")
    if before not in lx.TITLE_WORDS and before not in lx.ORGANIZATION_WORDS:
        # `Ministry of Coastal Shipping`: the capitalised run ends an organisation's name,
        # unless a title stands earlier and the run is too long to be a name alone.
        if len(words) - i <= 3 or not any(w.lower() in lx.TITLE_WORDS for w in words[:i]):
            return name, None
    if len(words) - i > 3:
        i = len(words) - 2
    rest = " ".join(w for w in words[i:] if w.lower() not in lx.HONORIFICS)
    title = " ".join(w for w in words[:i] if w.lower() not in lx.HONORIFICS) or None
    return (rest, title) if rest else (name, None)


def _is_name_word(word: str) -> bool:
    return (
        word[:1].isupper()
        and word.lower().strip(",") not in TITLE_OR_ORGANIZATION_WORDS
        and not word.endswith(("'s", "’s"))
    )


def _initials(name: str) -> str:
    """`Ministry of External Affairs` -> `MEA`: the first letters of its words but the connectors."""
    return "".join(word[0] for word in name.split() if word.lower() not in CONNECTORS).upper()


def _drop_leading_titles(name: str) -> str:
    return _split_title(name)[0]


def _kind_of(name: str) -> str:
    words = name.split()
    lowered = [w.lower().strip(",.") for w in words]
    if not lx.ORGANIZATION_WORDS.isdisjoint(lowered) or name.lower() in AGENCY_NAMES:
        return "organization"
    if len(words) == 1 and (name.isupper() or TWO_CAPITALS.search(name)):
        return "organization"
    if lowered and lowered[-1] in lx.GROUP_HEADS:
        return "group"
    return "person"
