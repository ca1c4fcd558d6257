"""Clause shapes around quoted fragments that real news uses and the extractor once missed,
each on two articles we wrote: a US paper (`us_transit_vote.txt`) and Indian wire copy
(`wire_port_dredging.txt`). One test per pattern, asserting the span, speaker and cue."""
from pathlib import Path

import pytest

from datasette_quotes.extractor import extract

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def us():
    return extract((ARTICLES / "us_transit_vote.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wire():
    return extract((ARTICLES / "wire_port_dredging.txt").read_text(encoding="utf-8"))


def find(extraction, starts_with):
    [found] = [a for a in extraction.attributions if a.quote.text.startswith(starts_with)]
    return found


def fields(a):
    return a.type, a.quote.text, a.speaker.text, a.cue.text if a.cue else None


def test_quoted_words_inside_the_clause_before_the_speaker(us, wire):
    # `X would "..." in the region, Y said`: the words after the quotation go on with the
    # clause; they are not an appositive of the speaker.
    assert fields(find(us, "The levy would")) == (
        "partial", 'The levy would "finally fix the buses" in the eastern suburbs', "Councilwoman Rita Okafor", "said")
    assert fields(find(wire, "The dredging would")) == (
        "partial", 'The dredging would "clear the main channel" in the coming weeks',
        "Deendayal Port chairman Sushil Mehta", "said")


def test_a_relative_clause_closing_the_report_is_not_the_speakers_place(us, wire):
    # `..., which the trust hopes to reach, Mehta said`: only `of/from/in Place` after a
    # name is a place; a relative clause belongs to what was said.
    a = find(us, "The plan could carry")
    assert a.quote.text.endswith("which Okafor expects to win") and a.speaker.text == "Delgado"
    b = find(wire, "The work could lift")
    assert b.quote.text.endswith("which the trust hopes to reach") and b.speaker.text == "Mehta"


def test_a_channel_named_in_two_nouns_is_an_adjunct(us, wire):
    # `said in a video message to the convention`: the whole channel is an adjunct, so the
    # clause before the cue is what was said.
    assert fields(find(us, "The vote had")) == (
        "partial", 'The vote had "cracked the wall" of suburban opposition', "Okafor", "said")
    assert fields(find(wire, "The new berths")) == (
        "partial", 'The new berths had "changed the mood" among shipping lines', "Mehta", "said")
    assert not [a for a in us.attributions + wire.attributions if a.quote.text.startswith("message")]


def test_a_second_predicate_of_the_sentence_subject(us, wire):
    # `X was slow to endorse the levy ... and said ...`, `but now said`: the subject that
    # opens the sentence says it.
    assert fields(find(us, "the plan is looking")) == (
        "partial", 'the plan is looking "very competitive" in November', "Mayor Ellis Grant", "said")
    assert fields(find(us, "the levy was")) == (
        "partial", 'the levy was "the obligation of this generation" to its children', "Commissioner Tom Hale", "said")
    assert fields(find(wire, "the project was")) == (
        "partial", 'the project was "well ahead of schedule" at the second berth', "Union Minister Arvind Rao", "said")


def test_a_discourse_adverbial_between_speaker_and_cue(us, wire):
    # `Okafor’s campaign, for example, said`: the adverbial is not the speaker.
    assert find(us, "it would \"back").speaker.text == "Okafor’s campaign"
    assert find(wire, "it would \"cooperate").speaker.text == "The dock workers’ union"


def test_a_comma_inside_the_marks_ends_the_quoted_words(us, wire):
    # `called the vote "historic," saying ...`: the participle reports on its own.
    assert fields(find(us, "the vote")) == ("partial", 'the vote "historic,"', "Grant", "called")
    assert fields(find(us, "the county had waited")) == (
        "indirect", "the county had waited long enough", "Grant", "saying")
    assert fields(find(wire, "the dredging")) == ("partial", 'the dredging "the biggest in two decades,"', "Mehta", "called")
    assert find(wire, "the silt would be used").speaker.text == "Mehta"


def test_and_before_more_quoted_words_goes_on_but_a_dash_ends_them(us, wire):
    assert find(us, "the fare plan").quote.text == 'the fare plan as "fair" and a "long overdue" change for night workers'
    assert find(us, "the critics").quote.text == 'the critics as "prophets of gridlock"'
    assert find(wire, "the target").quote.text == 'the target as "ambitious" and a "test of the new contracting rules" for ports'
    assert find(wire, "the claims").quote.text == 'the claims as "a monsoon mirage"'


def test_a_closing_mark_typed_before_signed_words_opens_them(us, wire):
    # `”Fix the buses first.” ― Dora Velez, a bus driver`: the mark can only open here.
    assert fields(find(us, "Fix the buses")) == (
        "direct", "Fix the buses first. Then we can talk about trains.", "Dora Velez", "―")
    assert fields(find(wire, "The channel must")) == (
        "direct", "The channel must be safe before it is deep.", "Ramesh Solanki", "―")


def test_a_headline_says_title_is_the_speaker():
    # `X, says port chairman`: a short phrase ending in a title is the speaker, not the words.
    a = find(extract((ARTICLES / "wire_port_dredging.txt").read_text(encoding="utf-8")), "Kandla dredging")
    assert (a.speaker.text, a.cue.text) == ("port chairman", "says")


def test_a_pti_dateline_without_a_colon(wire):
    # `Gandhidham (Gujarat), April 9 (PTI) The dredging ...`
    assert (wire.meta.dateline, wire.meta.agency) == ("Gandhidham (Gujarat)", "PTI")
    assert not [a for a in wire.attributions if "(PTI)" in a.quote.text]
