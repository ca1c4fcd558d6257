"""Paragraphs and sentences, found on a copy of the text whose quoted words are masked.

Masking keeps every offset but hides the inside of quotations, so that sentence ends,
cue words and commas inside quoted words never steer the analysis of the frame around
them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from .lexicon import ABBREVIATIONS
from .marks import Quote

MASK = "\x01"
PARAGRAPH_BREAK = regex.compile(r"\n+")
# A period, question or exclamation mark (and closing brackets) then space: a candidate end.
LINE = regex.compile(r"[^\n]+")
SENTENCE_END = regex.compile(r"[.?!]+[)\]]*(?=\s)")
NEXT_SENTENCE_START = regex.compile(r"\s+(?=[\p{Lu}\p{N}\"“‘'(\[«„])")
WORD_BEFORE_PERIOD = regex.compile(r"([\p{L}.]+)\.$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def paragraph_starts(text: str, body_start: int) -> list[int]:
    """The index of each paragraph's first character; the first is `body_start`."""
    starts = [body_start]
    for match in PARAGRAPH_BREAK.finditer(text, body_start):
        if match.end() < len(text):
            starts.append(match.end())
    return starts


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """`text` with the inside of each quotation replaced by MASK, paragraph breaks
    included, so that a quotation running over paragraphs stays in one sentence."""
    parts = []
    last = 0
    for q in quotes:
        if q.start < last:
            continue
        parts.append(text[last:q.start])
        parts.append(MASK * (q.end - q.start))
        last = q.end
    parts.append(text[last:])
    return "".join(parts)


def split_sentences(text: str, masked: str, starts: list[int], body_end: int, quotes: list[Quote]) -> list[Sentence]:
    """Sentences in document order. A quotation never contains a sentence break, and a
    quotation that ends its own sentence ("...healthy." ISRO posted) ends it."""
    closes_sentence = sorted({
        q.after
        for q in quotes
        if text[q.close - 1] in ".?!" and NEXT_SENTENCE_START.match(text, q.after)
    })
    sentences: list[Sentence] = []
    blocks = []
    for match in LINE.finditer(masked, starts[0], body_end):
        blocks.append((match.start(), match.end()))
    paragraph = 0
    for block_start, block_end in blocks:
        while paragraph + 1 < len(starts) and starts[paragraph + 1] <= block_start:
            paragraph += 1
        cuts = []
        for match in SENTENCE_END.finditer(masked, block_start, block_end):
            end = match.end()
            if not NEXT_SENTENCE_START.match(masked, end) or _is_abbreviation(masked, block_start, match.start() + 1):
                continue
            cuts.append(end)
        cuts.extend(closes_sentence[bisect_right(closes_sentence, block_start):bisect_left(closes_sentence, block_end)])
        begin = block_start
        for cut in sorted(set(cuts)):
            _add(sentences, text, begin, cut, paragraph)
            begin = cut
        _add(sentences, text, begin, block_end, paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))


def _is_abbreviation(masked: str, block_start: int, period_end: int) -> bool:
    match = WORD_BEFORE_PERIOD.search(masked, max(block_start, period_end - 12), period_end)
    if not match:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or an acronym with periods ("U.S.", "a.m.").
    return len(word) == 1 and word.isalpha() and masked[match.start(1)].isupper() or "." in word
