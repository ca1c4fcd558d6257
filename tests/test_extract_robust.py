"""Odd input never raises, and quotation marks pair as news style uses them."""
import time

import pytest

from datasette_quotes.extractor import extract
from datasette_quotes.extractor.marks import pair_quotes


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    '"',
    "“unclosed quote, he said.",
    "he said",
    '" " " "',
    "‘’‘’ ” “ „ « » ' ' '",
    ' date 2026-13-45 Nowhere [X], Smarch 99 (ANI): "Hi," she said.',
    "said said said said, said.",
    "According to",
    '"Q," said',
])
def test_odd_input_does_not_raise(text):
    extraction = extract(text)
    for a in extraction.attributions:
        assert text[a.quote.start:a.quote.end] == a.quote.text


def test_a_hundred_thousand_marks_in_a_row_is_fast():
    for mark in ('"', "’"):
        start = time.perf_counter()
        extract(mark * 100_000)
        assert time.perf_counter() - start < 5


@pytest.mark.parametrize("text", [", he said" * 20_000, "According to " * 20_000])
def test_a_run_of_cues_stays_linear(text):
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 5


def test_doubled_apostrophes_pair_as_double_marks():
    text = "''We are ready,'' Mr. Ito said."
    [quote] = pair_quotes(text, [0])
    assert (quote.width, text[quote.start:quote.end]) == (2, "We are ready,")


def test_apostrophes_are_not_marks():
    text = "Putin's rock 'n' roll from the '90s and ’80s, the delegation’s view."
    assert pair_quotes(text, [0]) == []


def test_multi_paragraph_quote_is_one_pair():
    text = '"First part.\n\n"Second part," he said.'
    [quote] = pair_quotes(text, [0, text.index('"Second')])
    assert text[quote.start:quote.end] == 'First part.\n\n"Second part,'


def test_german_marks_pair():
    text = "Er sagte: „Wir kommen.“ Dann ging er."
    [quote] = pair_quotes(text, [0])
    assert text[quote.start:quote.end] == "Wir kommen."


def test_is_said_to_be_and_says_nothing():
    text = (
        "The painting is said to be the oldest in the city. The catalogue says nothing about its owner. "
        "Officials have not yet said when the museum will reopen."
    )
    assert extract(text).attributions == ()


def test_date_argument_overrides_header():
    text = ' date 2026-04-10 Kochi [India], April 10 (PTI): The board said on Monday that fares would rise.'
    extraction = extract(text, date="2026-05-01")
    assert extraction.meta.date == "2026-05-01"
    [a] = extraction.attributions
    assert a.source.date == "2026-04-27"  # the Monday before the given date, not the header's
