"""Reporting patterns that real news uses and the extractor once missed, each on two articles
we wrote (tests/articles/): a US paper (`us_levee_hearing.txt`) and Indian wire copy
(`wire_solar_park.txt`). One test per pattern, asserting the span, speaker and cue."""
from pathlib import Path

import pytest

from datasette_quotes.extractor import extract

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def us():
    return extract((ARTICLES / "us_levee_hearing.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wire():
    return extract((ARTICLES / "wire_solar_park.txt").read_text(encoding="utf-8"))


def find(extraction, starts_with):
    [found] = [a for a in extraction.attributions if a.quote.text.startswith(starts_with)]
    return found


def fields(a):
    return a.type, a.speaker.text, a.cue.text if a.cue else None


def test_an_adjunct_before_the_speaker_is_not_what_was_said(us, wire):
    # `Emerging from the hearing, X said CLAUSE`: the clause after the cue is the content.
    a = find(us, "the levee repairs were")
    assert a.quote.text == 'the levee repairs were "months behind schedule"'
    assert fields(a) == ("partial", "Mayor Dana Whitcomb", "said")
    b = find(wire, "the Thar Solar Park")
    assert b.quote.text == 'the Thar Solar Park was "on track for the monsoon deadline" despite the delay'
    assert fields(b) == ("partial", "State Energy Minister Devika Rathore", "said")
    assert not [x for x in us.attributions + wire.attributions if x.quote.text.startswith(("Emerging", "Speaking"))]


def test_quoted_words_after_any_predicate_of_the_subject(us, wire):
    # `X credited the delay to "..."`: no verb of saying, but the words are the subject's.
    a = find(us, "the delay to")
    assert a.quote.text == 'the delay to "a permitting maze nobody can explain."'
    assert (fields(a), a.speaker_name) == (("partial", "Rep. Oren Flagg", "credited"), "Oren Flagg")
    b = find(wire, "the delay on")
    assert b.quote.text == 'the delay on "slow land acquisition in two tehsils"'
    assert (fields(b), b.speaker_name) == (("partial", "Rathore", "blamed"), "Devika Rathore")


def test_a_relative_clause_quoting_its_subject(us, wire):
    a = find(us, "which Flagg")
    assert a.quote.text == 'which Flagg described as "a bandage on a broken leg,'
    assert (fields(a), a.speaker_name) == (("partial", "Flagg", "described"), "Oren Flagg")
    b = find(wire, "which chief engineer")
    assert b.quote.text == 'which chief engineer Sunil Bhandari described as "the backbone of the project'
    assert b.speaker_name == "Sunil Bhandari"


def test_a_question_closing_its_sentence_then_the_speaker_and_an_adjunct(us, wire):
    # The sentence breaks after `?"`; the cue in the next one, with a participle after it, frames it.
    a = find(us, "Who signs off")
    assert (fields(a), a.speaker_name) == (("direct", "Flagg", "asked"), "Oren Flagg")
    b = find(wire, "Who will pay")
    assert (fields(b), b.speaker_name) == (("direct", "Bhandari", "asked"), "Sunil Bhandari")


def test_a_colon_after_any_predicate_introduces_the_quotation(us, wire):
    a = find(us, "We will not wait")
    assert fields(a) == ("direct", "Whitcomb", "continued")
    b = find(us, "Every week of delay")
    assert fields(b) == ("direct", "Marsh's letter", "makes the case plainly:")
    c = find(wire, "The farmers will be paid")
    assert c.quote.text == "The farmers will be paid before the sowing season, and not one rupee will be held back."
    assert fields(c) == ("direct", "Rathore", "continued")


def test_more_verbs_of_saying_after_a_quotation(us, wire):
    assert fields(find(us, "Not this year")) == ("direct", "the chief engineer", "answered")
    assert fields(find(us, "Then when?")) == ("direct", "Flagg", "pressed")
    assert fields(find(us, "Nobody here has seen")) == ("direct", "Ruiz", "points out")
    assert fields(find(us, "Repairs resume Monday")) == ("direct", "the county's notice", "read")
    assert fields(find(wire, "The tender stands cancelled")) == ("direct", "the corporation's notice", "read")


def test_read_needs_spoken_words_not_a_slogan():
    text = "A banner over the gate reads “Power To The Villages”, the slogan of the scheme."
    assert extract(text).attributions == ()


def test_a_plural_source_without_a_determiner(us, wire):
    assert fields(find(us, "The permits were never filed")) == ("direct", "county prosecutors", "wrote")
    assert fields(find(wire, "The land records were incomplete")) == ("direct", "district officials", "wrote")


def test_told_a_quoted_programme(us):
    a = find(us, "We are out of excuses")
    assert (fields(a), a.speaker_name) == (("direct", "Whitcomb", "told"), "Dana Whitcomb")


def test_a_cue_interrupting_the_clause_it_reports(us, wire):
    # `The money, Whitcomb said, would come from ...`: one clause around the cue.
    a = find(us, "The money")
    assert a.quote.text == "The money, Whitcomb said, would come from a state loan"
    assert (fields(a), a.speaker_name) == (("indirect", "Whitcomb", "said"), "Dana Whitcomb")
    b = find(wire, "The new substation")
    assert b.quote.text == "The new substation, the official said, would be ready by June"
    assert fields(b) == ("indirect", "the official", "said")


def test_a_participle_after_a_subject_in_apposition(us, wire):
    # `X, a hydrologist at Y, endorsed the plan, saying ...`: X says it.
    a = find(us, "the new wall")
    assert (fields(a), a.speaker_name) == (("partial", "Carla Ruiz", "saying"), "Carla Ruiz")
    b = find(wire, "it would bring")
    assert b.quote.text == 'it would bring "jobs for our young people"'
    assert (fields(b), b.speaker_name) == (("partial", "Mahesh Gurjar", "saying"), "Mahesh Gurjar")


def test_a_scare_quote_after_a_predicate_is_not_an_attribution():
    text = 'The council approved the "Green Corridor" plan on Monday. Residents called it the "Old Yard" for years.'
    assert extract(text).attributions == ()
