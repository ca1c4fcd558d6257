"""The extractor on short articles we wrote (tests/articles/): Indian wire style and
Reuters style, every field that matters asserted on specific attributions."""
from pathlib import Path

import pytest

from datasette_quotes.extractor import extract

ARTICLES = Path(__file__).parent / "articles"


def load(name):
    text = (ARTICLES / name).read_text(encoding="utf-8")
    return text, extract(text)


def find(extraction, starts_with):
    [found] = [a for a in extraction.attributions if a.quote.text.startswith(starts_with)]
    return found


@pytest.fixture(scope="module")
def wire():
    return load("wire_harbour.txt")


@pytest.fixture(scope="module")
def bakery():
    return load("reuters_bakery.txt")


def test_wire_meta(wire):
    _, extraction = wire
    assert extraction.meta.as_json() == {"date": "2026-04-10", "dateline": "Kochi [India]", "agency": "PTI"}


def test_statement_with_weekday_and_that(wire):
    _, extraction = wire
    a = find(extraction, "a new ferry terminal")
    assert a.type == "indirect"
    assert a.quote.text == "a new ferry terminal at Vypin would open to passengers next month"
    assert a.speaker_name == "Ministry of Coastal Shipping"
    assert a.speaker_kind == "organization"
    assert a.cue.text == "said"
    assert (a.source.kind, a.source.date) == ("statement", "2026-04-08")  # Wednesday before Friday 10th


def test_short_form_continues_the_statement(wire):
    _, extraction = wire
    a = find(extraction, "The terminal will serve")
    assert a.type == "direct"
    assert a.quote.text == "The terminal will serve forty thousand commuters a day,"
    assert a.speaker.text == "the ministry"
    assert a.speaker_name == "Ministry of Coastal Shipping"
    assert (a.source.kind, a.source.date) == ("statement", "2026-04-08")


def test_acronym_post_on_x_is_partial(wire):
    _, extraction = wire
    a = find(extraction, "the project marked")
    assert a.type == "partial"
    assert a.speaker.text == "the MoCS"
    assert a.speaker_name == "Ministry of Coastal Shipping"
    assert (a.source.kind, a.source.platform, a.source.date) == ("social_post", "X", None)


def test_interview_with_own_agency_and_its_continuations(wire):
    _, extraction = wire
    told = find(extraction, "the piers had been tested")
    assert (told.speaker_name, told.speaker_title) == ("Devika Menon", "Harbour engineer")
    assert (told.source.kind, told.source.via) == ("interview", ())
    surname = find(extraction, "We built it")
    assert (surname.speaker.text, surname.speaker_name, surname.source.kind) == ("Menon", "Devika Menon", "interview")
    pronoun = find(extraction, "night services")
    assert (pronoun.speaker.text, pronoun.speaker_name, pronoun.source.kind) == ("She", "Devika Menon", "interview")


def test_parliament_with_title(wire):
    _, extraction = wire
    a = find(extraction, "the terminal would also serve")
    assert (a.speaker_name, a.speaker_title) == ("Arjun Pillai", "Fisheries Minister")
    assert (a.source.kind, a.source.date) == ("parliament", "2026-04-07")


def test_two_hop_relay(wire):
    _, extraction = wire
    a = find(extraction, "the tender had drawn")
    assert a.speaker_name == "a port official"
    assert a.speaker_kind == "anonymous"
    assert a.source.via == ("Malanadu TV", "Kerala Patrika")


def test_verbs_that_attribute_nothing(wire):
    text, extraction = wire
    tail = text.index("The launch of the new terminal")
    assert all(a.quote.start < tail for a in extraction.attributions)
    assert len(extraction.attributions) == 8


def test_reuters_meta(bakery):
    _, extraction = bakery
    assert extraction.meta.as_json() == {"date": None, "dateline": "WARSAW", "agency": "Reuters"}


def test_lead_short_form_resolves_to_the_named_company(bakery):
    _, extraction = bakery
    a = find(extraction, "Polish bakery chain")
    assert a.quote.text == "Polish bakery chain Zlota Kromka will close 40 stores this year"
    assert (a.speaker.text, a.speaker_name, a.source.kind) == ("the company", "Zlota Kromka", "unspecified")


def test_inverted_split_quote_gives_two_attributions(bakery):
    _, extraction = bakery
    first = find(extraction, "We have no choice")
    second = find(extraction, "The bread will stay")
    assert first.quote.text == "We have no choice but to shrink before we can grow again,"
    assert second.quote.text == "The bread will stay the same."
    assert first.speaker_name == second.speaker_name == "Tomasz Wilk"
    assert first.type == second.type == "direct"
    assert first.cue == second.cue


def test_multi_paragraph_quote_continues_press_conference(bakery):
    text, extraction = bakery
    a = find(extraction, "Energy used to be")
    assert a.quote.text == "Energy used to be ten percent of our costs.\n\n“Now it is nearly a third,"
    assert (a.speaker.text, a.speaker_name, a.source.kind) == ("he", "Tomasz Wilk", "press_conference")


def test_group_speakers_and_note_to_clients(bakery):
    _, extraction = bakery
    note = find(extraction, "the move was overdue")
    assert (note.speaker_kind, note.source.kind) == ("group", "report")
    customers = find(extraction, "the shop on Nowy Swiat")
    assert (customers.speaker_name, customers.speaker_kind) == ("Customers", "group")


def test_titles_nicknames_and_apostrophes_are_not_quotes(bakery):
    text, extraction = bakery
    tail = text.index("The chain’s best-selling loaf")
    assert all(a.quote.end <= tail for a in extraction.attributions)


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_every_span_is_its_text(name):
    text, extraction = load(name)
    for a in extraction.attributions:
        for span in (a.quote, a.speaker, a.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text
