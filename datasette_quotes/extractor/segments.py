"""Paragraphs and sentences, found on a copy of the text whose quoted words are masked.

Masking keeps every offset but hides the inside of quotations, so that sentence ends,
cue words and commas inside quoted words never steer the analysis of the frame around
them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from .lexicon import ABBREVIATIONS
from .marks import Quote
from .scan import lines, positions

MASK = "\x01"
# A period, question or exclamation mark (and closing brackets), then space and what can
# start a sentence: a candidate end.
SENTENCE_END = regex.compile(r"[.?!]+[)\]]*(?=\s+[\p{Lu}\p{N}\"“‘'(\[«„])")
# The same in a text all ASCII, for the standard `re` engine, which is quicker to call
# (`re`'s \s holds four more ASCII characters than `regex`'s, hence the class).
ASCII_SENTENCE_END = re.compile(r"[.?!]+[)\]]*(?=[ \t\n\v\f\r]+[A-Z0-9\"'(\[])")
NEXT_SENTENCE_START = regex.compile(r"\s+(?=[\p{Lu}\p{N}\"“‘'(\[«„])")


# Not frozen: a frozen dataclass costs four times as much to make, and tens of these are
# made for every article (the same holds for `Quote` and `CueWord`).
@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def paragraph_starts(text: str, body_start: int) -> list[int]:
    """The index of each paragraph's first character; the first is `body_start`."""
    return [body_start] + [start for start, _ in lines(text, body_start, len(text)) if start > body_start]


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """`text` with the inside of each quotation replaced by MASK, paragraph breaks
    included, so that a quotation running over paragraphs stays in one sentence; a
    closing mark reads as one whichever way it was typed."""
    parts = []
    last = 0
    for q in quotes:
        if q.start < last:
            continue
        parts.append(text[last:q.start])
        parts.append(MASK * (q.end - q.start))
        last = q.end
        if q.double and text[q.close] == "“":
            parts.append("”")  # `“...,“ said Noble`: a mark typed the wrong way round reads as the closer it is
            last = q.close + 1
    parts.append(text[last:])
    return "".join(parts)


def split_sentences(text: str, masked: str, starts: list[int], body_end: int, quotes: list[Quote]) -> list[Sentence]:
    """Sentences in document order. A quotation never contains a sentence break, and a
    quotation that ends its own sentence ("...healthy." ISRO posted) ends it."""
    closes_sentence = {
        q.after
        for q in quotes
        if text[q.close - 1] in ".?!" and NEXT_SENTENCE_START.match(text, q.after)
    }
    # The candidate ends are tried only where a period, question or exclamation mark
    # stands, found once for the whole body; each line takes its own.
    # An end found just before a line break or the body's end leaves nothing but space
    # after it in its line, so it cuts nothing.
    ends = []
    matched_to = starts[0]
    sentence_end = ASCII_SENTENCE_END if masked.isascii() else SENTENCE_END
    for at in positions(masked, ".?!", starts[0], body_end):
        if at < matched_to:
            continue  # inside the last end found
        match = sentence_end.match(masked, at, body_end)
        if match:
            matched_to = match.end()
            if not _is_abbreviation(masked, starts[0], at + 1):
                ends.append(matched_to)
    cuts = sorted(closes_sentence.union(ends))
    sentences: list[Sentence] = []
    for block_start, block_end in lines(masked, starts[0], body_end):
        paragraph = bisect_right(starts, block_start) - 1
        begin = block_start
        for cut in cuts[bisect_right(cuts, block_start):bisect_left(cuts, block_end)]:
            _add(sentences, text, begin, cut, paragraph)
            begin = cut
        _add(sentences, text, begin, block_end, paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    # Index steps, not strip(): a copy of each sentence costs more than the few spaces it skips.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))


def _is_abbreviation(masked: str, body_start: int, period_end: int) -> bool:
    """Does the period ending at `period_end` close an abbreviation? The word before it is
    its run of letters and periods, at most 11 characters back (string steps over a few
    characters: a regex search per candidate end costs more than the rest of the split)."""
    period = period_end - 1
    if masked[period] != ".":
        return False
    # The word cannot run over a line break, so the body's start bounds it as well as its line's.
    lo = max(body_start, period_end - 12)
    # Most words before a period are letters after a space: their run is the text after the
    # last space, found in one step; other words are walked back letter by letter.
    word = masked[lo:period].rpartition(" ")[2]
    if not word.isalpha():
        start = period
        while start > lo and (masked[start - 1].isalpha() or masked[start - 1] == "."):
            start -= 1
        word = masked[start:period]
    if not word:
        return False
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or an acronym with periods ("U.S.", "a.m.").
    return len(lowered) == 1 and lowered.isalpha() and word[0].isupper() or "." in lowered
