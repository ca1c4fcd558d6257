"""Quote clusters: the same quotation carried by several articles.

Pure: quotes in, groups of quotes out. Two quotations are the same when their words
are equal after normalising quotation marks, case, punctuation and spacing, when one
is a run of at least MIN_WORDS words of the other (a paper quoting a fragment), or when
their words are nearly the same (a word changed in the retelling). Candidates come
from an index of runs of MIN_WORDS words (shingles), so no quote is compared with every
other: only quotes that share a run are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Shorter quotations are too common ("we will take all necessary steps") to tell apart.
MIN_WORDS = 6
# Word-sequence similarity (difflib's ratio) of a retelling: about one word in ten changed.
NEAR_SAME = 0.9
# A word run found in more different wordings than this is boilerplate, not one quotation.
MAX_SHARED_RUN = 500

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Text between double marks of any style: the quoted fragment of a partial quote.
QUOTED = re.compile(r"[\"“”«„]([^\"“”«»„]+)[\"“”»]")


@dataclass(frozen=True)
class Quotation:
    id: str
    article_id: str
    text: str
    type: str


def words(text: str) -> tuple[str, ...]:
    """The words as compared: lower case, apostrophes of one style, no punctuation."""
    return tuple(WORD.findall(text.casefold().replace("’", "'")))


def quoted_text(quotation: Quotation) -> str:
    """The words of a quotation that are the speaker's own: the whole of a direct quote,
    the longest quoted fragment of a partial one; an indirect quote is a paraphrase."""
    if quotation.type == "direct":
        return quotation.text
    if quotation.type == "partial":
        return max(QUOTED.findall(quotation.text), key=lambda fragment: len(words(fragment)), default="")
    return ""


def cluster(quotations: list[Quotation]) -> list[list[str]]:
    """Groups of quote ids (each sorted, groups sorted) that carry the same quotation in
    at least two articles."""
    # Equal wordings are one text, compared once however many articles carry it.
    wordings: dict[tuple[str, ...], list[Quotation]] = {}
    for quotation in quotations:
        found = words(quoted_text(quotation))
        if len(found) >= MIN_WORDS:
            wordings.setdefault(found, []).append(quotation)
    texts = sorted(wordings)
    shingles = [_shingles(text) for text in texts]
    runs: dict[tuple[str, ...], list[int]] = {}
    for number, text_runs in enumerate(shingles):
        for run in text_runs:
            runs.setdefault(run, []).append(number)
    parent = list(range(len(texts)))

    def find(number):
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    checked = set()
    for sharing in runs.values():
        if len(sharing) < 2 or len(sharing) > MAX_SHARED_RUN:
            continue
        for index, a in enumerate(sharing):
            for b in sharing[index + 1:]:
                if (a, b) in checked or find(a) == find(b):
                    continue
                checked.add((a, b))
                if _same_quotation(texts[a], texts[b]):
                    root_a, root_b = find(a), find(b)
                    parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[int, list[Quotation]] = {}
    for number, text in enumerate(texts):
        groups.setdefault(find(number), []).extend(wordings[text])
    return sorted(sorted(q.id for q in group) for group in groups.values()
                  if len({q.article_id for q in group}) > 1)


def _shingles(found: tuple[str, ...]) -> set[tuple[str, ...]]:
    return set(zip(*(found[i:] for i in range(MIN_WORDS))))


def _same_quotation(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = sorted((a, b), key=len)
    if f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_SAME
