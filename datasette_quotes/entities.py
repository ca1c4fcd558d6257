"""Speaker entities across articles: which speaker names name the same person or body.

Pure: names in, one entity per name out. The answer depends only on the set of names
(and the user's corrections), never on their order, so a database gets the same
entities whatever order its articles were loaded in.

Rules, in order:
1. Names equal after normalising case, dots, a leading "the", honorifics and ranks are
   one entity; so are organisation names with the same words in another order
   ("Defence Ministry", "Ministry of Defence").
2. The user's merges join names; the user's splits keep two names apart from then on.
3. From the fullest names down, a shorter name joins the one fuller entity it fits:
   a person's surname or initials ("Jaishankar", "S Jaishankar") with the one person of
   that surname and compatible given names and titles; an acronym ("MEA") with the one
   organisation it abbreviates, or with the one person holding the title it abbreviates
   ("EAM": External Affairs Minister). A name that fits two entities stays alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .entity_lexicon import GENERIC_NAMES, NAME_PREFIXES, ORGANIZATION_LINK_WORDS

WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# "MEA", "ISRO", "MoD": two or more capitals, no spaces.
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z]{2,8}$")


@dataclass(frozen=True)
class SpeakerName:
    """A canonical speaker name as one article gives it, with the titles seen with it."""

    id: str
    name: str
    kind: str
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Correction:
    """A user's correction: `merge` the two names into one entity, or `split` them apart."""

    action: str
    name: str
    other: str


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str


def is_description(name: str) -> bool:
    """`the ministry`, `space agency`, `ISRO chief`: these describe a speaker rather than
    name one, so the same words in two articles may mean two different speakers."""
    words = WORD.findall(name.replace("’", "'"))
    if words and words[0].lower() == "the":
        words = words[1:]
    return not words or words[-1][0].islower() or (len(words) == 1 and words[0].lower() in GENERIC_NAMES)


def name_key(name: str) -> str:
    """The name as compared: lower case, no dots, no leading "the" or honorifics."""
    return " ".join(_person_words(name))


def resolve(names: list[SpeakerName], corrections: list[Correction] = ()) -> dict[str, Entity]:
    """The entity of every name, by name id."""
    groups = _Groups(names, corrections)
    by_key: dict[tuple, list[SpeakerName]] = {}
    for name in names:
        by_key.setdefault(_identity_key(name), []).append(name)
    for same in by_key.values():
        for name in same[1:]:
            groups.join(same[0].id, name.id)
    for correction in sorted(corrections, key=lambda c: (c.name, c.other)):
        if correction.action == "merge":
            groups.force(correction.name, correction.other)
    _join_short_forms(groups)
    return groups.entities()


def _join_short_forms(groups: _Groups) -> None:
    """Persons first, so that an acronym can then be matched to a person's titles."""
    persons: dict[str, list[str]] = {}  # surname -> roots of the fuller persons
    for root in sorted((r for r in groups.roots() if groups.kind(r) == "person"), key=groups.order):
        # The group's fullest name speaks for it: its shorter names are already placed.
        words = _person_words(groups.names[root].name)
        if not words:
            continue
        candidates = {groups.find(other) for other in persons.get(words[-1], [])
                      if _fits_person(words, root, groups.find(other), groups)}
        if len(candidates) == 1 and groups.join(root, candidates.pop()):
            continue
        persons.setdefault(words[-1], []).append(root)
    abbreviated: dict[str, set[str]] = {}  # initials -> roots of organisations, and of persons by title
    for root in groups.roots():
        for name in groups.members(root):
            if groups.kind(root) == "organization" and len(_words(name.name)) > 1:
                for initials in _initials(name.name):
                    abbreviated.setdefault(initials, set()).add(root)
            if groups.kind(root) == "person":
                for title in name.titles:
                    for initials in _initials(title):
                        abbreviated.setdefault(initials, set()).add(root)
    for root in sorted((r for r in groups.roots() if groups.kind(r) == "organization"), key=groups.order):
        acronyms = {name.name.lower() for name in groups.members(root) if ACRONYM.match(name.name)}
        candidates = {groups.find(other) for letters in acronyms for other in abbreviated.get(letters, ())}
        candidates.discard(groups.find(root))
        if len(candidates) == 1:
            groups.join(root, candidates.pop())


def _fits_person(words: list[str], root: str, other: str, groups: _Groups) -> bool:
    """A shorter person name fits an entity when some fuller name of it has the same
    surname and given names that agree word by word (an initial agrees with any name
    it begins), and their titles agree or one has none."""
    fits_name = any(_given_names_agree(words[:-1], full[:-1]) and words[-1] == full[-1]
                    for full in (_person_words(name.name) for name in groups.members(other)) if full)
    mine, theirs = groups.titles(root), groups.titles(other)
    return fits_name and (not mine or not theirs or any(_titles_agree(a, b) for a in mine for b in theirs))


def _given_names_agree(short: list[str], full: list[str]) -> bool:
    if len(short) > len(full):
        return False
    return all(a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
               for a, b in zip(short, full))


def _titles_agree(a: str, b: str) -> bool:
    """"Minister" agrees with "External Affairs Minister", and so does "EAM"."""
    words_a, words_b = set(_words(a)), set(_words(b))
    return (words_a <= words_b or words_b <= words_a
            or a.lower() in _initials(b) or b.lower() in _initials(a))


def _initials(name: str) -> set[str]:
    words = _words(name)
    significant = [word for word in words if word not in ORGANIZATION_LINK_WORDS]
    return {"".join(word[0] for word in chosen) for chosen in (words, significant) if len(chosen) > 1}


def _words(name: str) -> list[str]:
    return WORD.findall(name.replace("’", "'").replace(".", " ").lower())


def _person_words(name: str) -> list[str]:
    words = _words(name)
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in NAME_PREFIXES:
        words = words[1:]
    return words


def _identity_key(name: SpeakerName) -> tuple:
    if name.kind == "organization":
        return (name.kind, tuple(sorted(set(_words(name.name)) - ORGANIZATION_LINK_WORDS)))
    return (name.kind, name_key(name.name))


def _fullness(name: str) -> tuple:
    """Fuller names first: more words, longer, more capitals; then by spelling, so ties
    break the same way every time."""
    return (-len(_person_words(name)), -len(name), -sum(c.isupper() for c in name), name)


class _Groups:
    """Union-find over name ids that refuses to join names the user split apart."""

    def __init__(self, names: list[SpeakerName], corrections: list[Correction]):
        self.names = {name.id: name for name in names}
        self.parent = {name.id: name.id for name in names}
        self.by_key: dict[str, list[str]] = {}
        for name in names:
            self.by_key.setdefault(name_key(name.name), []).append(name.id)
        # Each split gives its two sides a mark; no group may hold both marks of a split.
        self.marks: dict[str, set[tuple[int, int]]] = {name.id: set() for name in names}
        splits = sorted((c.name, c.other) for c in corrections if c.action == "split")
        for number, pair in enumerate(splits):
            for side, name in enumerate(pair):
                for name_id in self.by_key.get(name_key(name), []):
                    self.marks[name_id].add((number, side))
        self.member_ids: dict[str, list[str]] = {name.id: [name.id] for name in names}

    def find(self, name_id: str) -> str:
        while self.parent[name_id] != name_id:
            self.parent[name_id] = self.parent[self.parent[name_id]]
            name_id = self.parent[name_id]
        return name_id

    def join(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        marks = self.marks[root_a] | self.marks[root_b]
        if any((number, 1 - side) in marks for number, side in marks):
            return False
        self._union(root_a, root_b, marks)
        return True

    def force(self, name: str, other: str) -> None:
        ids = self.by_key.get(name_key(name), []) + self.by_key.get(name_key(other), [])
        for name_id in ids[1:]:
            root_a, root_b = self.find(ids[0]), self.find(name_id)
            if root_a != root_b:
                self._union(root_a, root_b, self.marks[root_a] | self.marks[root_b])

    def _union(self, root_a: str, root_b: str, marks: set) -> None:
        # The fuller name's group absorbs the other, so a root is always its canonical name.
        keep, absorb = sorted((root_a, root_b), key=lambda i: _fullness(self.names[i].name))
        self.parent[absorb] = keep
        self.marks[keep] = marks
        self.member_ids[keep] += self.member_ids.pop(absorb)

    def roots(self) -> list[str]:
        return [name_id for name_id in self.parent if self.parent[name_id] == name_id]

    def order(self, root: str) -> tuple:
        return _fullness(self.names[root].name) + (self.names[root].kind,)

    def members(self, root: str) -> list[SpeakerName]:
        return [self.names[name_id] for name_id in self.member_ids[self.find(root)]]

    def kind(self, root: str) -> str:
        return self.names[self.find(root)].kind

    def titles(self, root: str) -> set[str]:
        return {title for name in self.members(root) for title in name.titles}

    def entities(self) -> dict[str, Entity]:
        result = {}
        for name_id in self.parent:
            root = self.names[self.find(name_id)]
            result[name_id] = Entity(root.name, root.kind)
        return result
