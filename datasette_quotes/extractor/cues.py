"""Cue words: every form of the verbs of saying, and where they occur in an article.

The search runs on the *masked* text (quoted words hidden, offsets kept), so a verb of
saying inside a quotation is never a cue. What a cue frames is `frames.py`'s business.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

import regex

from . import lexicon as lx
from .segments import MASK

_DOUBLING = frozenset(("admit", "commit", "omit", "submit", "regret", "refer", "prefer", "quip"))


def _inflections(base: str) -> tuple[str, ...]:
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in lx.IRREGULAR_FORMS:
        forms = (head, *lx.IRREGULAR_FORMS[head])
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d")
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied")
    elif head.endswith(("ss", "sh", "ch", "x")):
        forms = (head, head + "es", head + "ed")
    elif head in _DOUBLING:
        forms = (head, head + "s", head + head[-1] + "ed")
    else:
        forms = (head, head + "s", head + "ed")
    return tuple(f + tail for f in forms if not f.endswith("ing"))


# Bare forms of weak verbs ("state", "report", "post") are mostly nouns in news copy, and
# so are the -s forms of most verbs ("comments", "rules", "calls").
VERB_BASE = {}
for _base in lx.REPORTING_VERBS:
    for _form in _inflections(_base):
        if _base in lx.WEAK_VERBS and _form == _base:
            continue
        if _form.split()[0].endswith("s") and _form != _base and _base not in lx.S_FORM_VERBS:
            continue
        VERB_BASE.setdefault(_form, _base)
# Verbs whose object is the audience, not the words: `told reporters that`, `informed Parliament`.
TELL_FORMS = frozenset(("told", "tell", "tells", "telling", "informed", "inform", "informs"))

VERB_ALTERNATION = "|".join(sorted((regex.escape(f) for f in VERB_BASE), key=len, reverse=True))
CUE_KINDS = {
    **{form: "verb" for form in VERB_BASE},
    **{form: "cite" for form in ("quoted", "quotes", "cited", "cites")},
    "according to": "according", "According to": "according",
    **{form: "participle" for form in lx.PARTICIPLE_CUES},
}
# Cues are found by intersecting the article's words with the cue table and then
# locating only the words present: one regex alternation of every verb form, run over
# every article, is several times slower.
CUE_FORMS_BY_FIRST_WORD: dict[str, list[str]] = {}
for _form in sorted(CUE_KINDS, key=len, reverse=True):
    CUE_FORMS_BY_FIRST_WORD.setdefault(_form.split()[0], []).append(_form)
CUE_FIRST_WORDS = frozenset(CUE_FORMS_BY_FIRST_WORD)
TOKEN_PUNCTUATION = ".,;:!?\"“”‘’'()[]—―–-" + MASK


@dataclass(slots=True)  # not frozen, to be quick to make (as `segments.Sentence`)
class CueWord:
    """A cue located in the text, read like a regex match by the frame builders."""

    at: int
    text: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)

    def group(self) -> str:
        return self.text


def find_cue_words(masked: str) -> list[CueWord]:
    """Every cue form in `masked`, as whole words, in order."""
    hits = []
    # The table's words among the article's tokens, punctuation stripped (a `map`, not a
    # loop: it runs over every token).
    for word in CUE_FIRST_WORDS.intersection(map(str.strip, masked.split(), repeat(TOKEN_PUNCTUATION))):
        forms = CUE_FORMS_BY_FIRST_WORD[word]
        at = masked.find(word)
        while at >= 0:
            if at == 0 or not masked[at - 1].isalnum():
                for form in forms:
                    end = at + len(form)
                    if masked.startswith(form, at) and (end == len(masked) or not masked[end].isalnum()):
                        hits.append(CueWord(at, form))
                        break
            at = masked.find(word, at + 1)
    hits.sort(key=attrgetter("at"))
    return hits
