"""Quotation marks: which characters open and close quotations, and how they pair.

Pairing uses an explicit table, not Unicode categories: German „…“ closes with a mark
that opens in English, and ’ doubles as the apostrophe. News style re-opens a quote at
each continued paragraph without closing the previous one. Nothing here raises on
unbalanced or odd marks: an unpaired mark is simply not a quotation.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from .scan import positions

# Opening double mark -> the marks that may close it.
DOUBLE_CLOSERS = {'"': ('"', "”"), "“": ("”", '"'), "„": ("“", "”"), "«": ("»",), "»": ("«",), "''": ("''",)}
SINGLE_OPENERS = frozenset("'‘‚‹")
SINGLE_CLOSERS = frozenset("'’‹›")
SINGLE_MARKS = "'‘’‚‹›"
DOUBLE_MARKS = '"“”„«»'

# `rock 'n' roll`, `rock ’n’ roll`: the marks around n are apostrophes.
N_CONTRACTION = regex.compile(r"['’]n['’](?=\s)")


@dataclass(slots=True)  # not frozen, to be quick to make (as `segments.Sentence`)
class Quote:
    """A quotation: `open` and `close` are the indices of its marks, `width` their length
    (2 for the doubled apostrophes '' that some papers use as double marks)."""

    open: int
    close: int
    double: bool
    width: int = 1
    # The quoted words' span and the index just past the closing mark: fields set once, not
    # properties, since the frame builders read them tens of times an article.
    start: int = field(init=False)
    end: int = field(init=False)
    after: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.open + self.width
        self.end = self.close
        self.after = self.close + self.width


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def pair_quotes(text: str, paragraph_starts: list[int]) -> list[Quote]:
    """Every top-level quotation in `text`, in order.

    Double marks pair first, across paragraphs when a continued paragraph re-opens the
    quote; single marks pair only outside double quotations (inside them they are
    nested quotes or apostrophes, which attribute nothing on their own).
    """
    doubles = _pair_doubles(text, paragraph_starts)
    singles = _pair_singles(text, paragraph_starts, doubles)
    return sorted(doubles + singles, key=lambda q: q.open)


def _double_marks(text: str) -> list[tuple[int, str]]:
    """Every double mark, in order; a doubled apostrophe '' is one mark (and a third
    apostrophe after it is not half of another)."""
    marks = [(i, text[i]) for i in positions(text, DOUBLE_MARKS)]
    at = text.find("''")
    if at >= 0:
        while at >= 0:
            marks.append((at, "''"))
            at = text.find("''", at + 2)
        marks.sort()
    return marks


def _pair_doubles(text: str, paragraph_starts: list[int]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at = -1
    open_para = -1
    open_mark = ""
    for i, mark in _double_marks(text):
        para = bisect_right(paragraph_starts, i) - 1  # the paragraph the mark is in
        if open_at >= 0 and para != open_para:
            if para == open_para + 1 and i == paragraph_starts[para] and mark == open_mark:
                # The quote goes on into this paragraph, re-opened with the same mark; a
                # different mark (`"` then `“`) starts new words after a stray one.
                open_para = para
                continue
            open_at = -1  # unclosed at the end of its paragraph: not a quotation
        if open_at < 0:
            end = i + len(mark)
            after = text[end] if end < len(text) else ""
            if mark in DOUBLE_CLOSERS and after and not after.isspace():
                open_at, open_para, open_mark = i, para, mark
            elif mark == "”" and (i == 0 or text[i - 1].isspace()) and after.isalnum():
                # `”Fear. I am afraid.” ― Ana Ruiz`: a closing mark typed before the
                # words, where only an opening mark can stand, opens them.
                open_at, open_para, open_mark = i, para, "“"
            continue
        if mark in DOUBLE_CLOSERS[open_mark] or _placed_as_closer(text, i, i + len(mark)):
            # `“It's unusual,“ said Noble`: a mark typed the wrong way round still closes
            # where only a closing mark can stand (after the words, before a space).
            quotes.append(Quote(open_at, i, True, len(mark)))
            open_at = -1
        elif mark in DOUBLE_CLOSERS:
            open_at, open_para, open_mark = i, para, mark  # a fresh opener: the earlier one was stray
    return quotes


def _placed_as_closer(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in ",.?!" and (end == len(text) or text[end].isspace())


def _pair_singles(text: str, paragraph_starts: list[int], doubles: list[Quote]) -> list[Quote]:
    inside = [(q.open, q.after - 1) for q in doubles]
    quotes: list[Quote] = []
    open_at = -1
    open_para = -1
    k = 0
    for i in positions(text, SINGLE_MARKS):
        mark = text[i]
        if 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue  # an apostrophe inside a word (Putin's, don't), as most single marks in news are
        while k < len(inside) and inside[k][1] < i:
            k += 1
        if k < len(inside) and inside[k][0] <= i <= inside[k][1]:
            continue
        if mark == "'" and "''" in text[max(0, i - 1):i + 2]:
            continue  # half of a doubled-apostrophe mark
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        para = bisect_right(paragraph_starts, i) - 1  # the paragraph the mark is in
        if open_at >= 0 and para != open_para:
            open_at = -1
        if N_CONTRACTION.match(text, i) or (i > 0 and N_CONTRACTION.match(text, i - 2)):
            continue
        if open_at < 0:
            if mark in SINGLE_OPENERS and not _is_letter(before) and after.isalpha():
                open_at, open_para = i, para
            continue
        if mark in SINGLE_CLOSERS and not before.isspace() and not _is_letter(after):
            quotes.append(Quote(open_at, i, False))
            open_at = -1
    return quotes
