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
    text_runs = {text: shingles(text) for text in wordings}
    runs: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for text, found in text_runs.items():
        for run in found:
            runs.setdefault(run, []).append(text)

    def sharing(text):
        return {other for run in text_runs[text] if len(runs[run]) <= MAX_SHARED_RUN for other in runs[run]}

    groups = [[q for text in group for q in wordings[text]] for group in components(wordings, sharing)]
    return sorted(sorted(q.id for q in group) for group in groups if len({q.article_id for q in group}) > 1)


def components(seeds, sharing) -> list[set[tuple[str, ...]]]:
    """The wordings connected to the seeds, in groups: two wordings are connected when
    they share a run of MIN_WORDS words found in at most MAX_SHARED_RUN wordings (listed
    by `sharing(wording)`) and are the same quotation. Each group is whole, so the groups
    do not depend on which seeds nor in which order."""
    found: list[set[tuple[str, ...]]] = []
    reached: set[tuple[str, ...]] = set()
    for seed in sorted(seeds):
        if seed in reached:
            continue
        group, todo = {seed}, [seed]
        while todo:
            text = todo.pop()
            for other in sharing(text):
                # In a fixed order: difflib's ratio is not quite symmetric.
                if other not in group and same_quotation(*sorted((text, other))):
                    group.add(other)
                    todo.append(other)
        reached |= group
        found.append(group)
    return found


def shingles(found: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The runs of MIN_WORDS words of a wording."""
    return set(zip(*(found[i:] for i in range(MIN_WORDS))))


def same_quotation(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = sorted((a, b), key=len)
    if f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_SAME
