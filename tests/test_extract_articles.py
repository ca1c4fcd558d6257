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


@pytest.mark.parametrize("dateline, place, agency", [
    ("LAKEPORT, Calif., March 14 (Reuters) - ", "LAKEPORT, Calif.", "Reuters"),
    ("Kellbrook, May 11 (AP) — ", "Kellbrook", "AP"),
])
def test_wire_dateline_with_a_day(dateline, place, agency):
    text = dateline + '"We will reopen the bridge in June," Mayor Ann Tolle said on Friday.'
    extraction = extract(text)
    assert (extraction.meta.dateline, extraction.meta.agency) == (place, agency)
    [quote] = extraction.attributions
    assert quote.quote.text == "We will reopen the bridge in June,"
    assert quote.speaker_name == "Ann Tolle"


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


@pytest.fixture(scope="module")
def river():
    return load("wire_river_letter.txt")


@pytest.fixture(scope="module")
def tariffs():
    return load("nyt_tariffs.txt")


def test_yesterday_and_press_conference_continue_to_pronoun(river):
    _, extraction = river
    said = find(extraction, "140 km of embankments")
    assert (said.speaker_name, said.speaker_title) == ("Ravi Ranjan Sinha", "Chief Engineer")
    assert (said.source.kind, said.source.date) == ("press_conference", "2026-07-15")
    quote = find(extraction, "Every vulnerable stretch")
    assert (quote.speaker.text, quote.speaker_name) == ("he", "Ravi Ranjan Sinha")
    assert (quote.source.kind, quote.source.date) == ("press_conference", "2026-07-15")


def test_an_occasion_without_a_day_of_its_own_is_the_leads(river):
    _, extraction = river
    a = find(extraction, "the repairs had been completed")
    assert (a.speaker_name, a.speaker_title) == ("Sunita Devi", "Water Resources Minister")
    assert (a.source.kind, a.source.date) == ("speech", "2026-07-15")  # the lead's Wednesday


def test_dated_letter_and_its_colon_introduction(river):
    _, extraction = river
    wrote = find(extraction, "the state needed additional funds")
    assert (wrote.speaker_name, wrote.source.kind, wrote.source.date) == ("Meera Kashyap", "letter", "2026-07-10")
    blunt = find(extraction, "Without central help")
    assert blunt.type == "direct"
    assert blunt.speaker.text == "The letter"
    assert (blunt.speaker_name, blunt.source.kind, blunt.source.date) == ("Meera Kashyap", "letter", "2026-07-10")


def test_according_to_a_short_form_with_no_channel(river):
    _, extraction = river
    a = find(extraction, "2.1 lakh people")
    assert a.cue.text == "According to"
    assert a.speaker_name == "Bihar Water Resources Department"
    assert (a.source.kind, a.source.date) == ("unspecified", None)


def test_outlet_citing_a_statement_relays_it(river):
    _, extraction = river
    a = find(extraction, "The barrage gates")
    assert a.type == "direct"
    assert a.speaker_kind == "organization"
    assert "Ministry of Energy" in a.speaker_name
    assert (a.source.kind, a.source.via) == ("statement", ("RSS",))


def test_a_described_new_organisation_is_not_an_earlier_one(river):
    _, extraction = river
    a = find(extraction, "Relief camps")
    assert a.speaker_name == "state disaster management authority"
    assert a.source.kind == "unspecified"


def test_plain_dateline_and_the_two_companies(tariffs):
    _, extraction = tariffs
    assert extraction.meta.as_json() == {"date": None, "dateline": "WASHINGTON", "agency": None}
    a = find(extraction, "Two regional automakers")
    assert (a.speaker_name, a.speaker_kind) == ("Corvane Motors and Halden Auto Works", "group")


def test_doubled_apostrophes_inverted_speaker_and_adding(tariffs):
    _, extraction = tariffs
    quote = find(extraction, "We would rather build")
    assert quote.type == "direct"
    assert quote.quote.text == "We would rather build together than compete for the same suppliers,"
    assert quote.speaker_name == "Ruth Okafor"
    adding = find(extraction, "the plant would employ")
    assert (adding.speaker_name, adding.cue.text) == ("Ruth Okafor", "adding")


def test_interview_with_another_outlet_and_said_colon(tariffs):
    _, extraction = tariffs
    told = find(extraction, "the deal had been")
    assert told.type == "partial"
    assert (told.speaker.text, told.speaker_name) == ("Mr. Patel", "Patel")
    assert (told.source.kind, told.source.via) == ("interview", ("BBC",))
    colon = find(extraction, "The workers in this town")
    assert (colon.speaker.text, colon.speaker_name) == ("He", "Patel")
    assert (colon.source.kind, colon.source.via) == ("interview", ("BBC",))


def test_outlet_reporting_on_its_own(tariffs):
    _, extraction = tariffs
    a = find(extraction, "the state had offered")
    assert (a.speaker_name, a.source.kind, a.source.via) == ("Industry Weekly", "news_agency_report", ())


def test_anonymity_in_an_appositive(tariffs):
    _, extraction = tariffs
    a = find(extraction, "the plant would open in 2028")
    assert (a.speaker_name, a.speaker_kind) == ("Local officials", "anonymous")


def test_nicknames_and_project_names_are_not_quotes(tariffs):
    text, extraction = tariffs
    tail = text.index("Residents call the site")
    assert all(a.quote.start < tail for a in extraction.attributions)


@pytest.fixture(scope="module")
def bridge():
    return load("us_bridge_forum.txt")


def test_dateline_after_headline_and_byline(bridge):
    _, extraction = bridge
    assert extraction.meta.as_json() == {"date": None, "dateline": "SPRINGVALE, Ore.", "agency": None}
    a = find(extraction, "the Harlan Street bridge would reopen")
    assert (a.speaker.text, a.speaker_name, a.speaker_title) == ("Mayor Lucia Ortega", "Lucia Ortega", "Mayor")


def test_a_trailing_participle_is_not_reported_speech(bridge):
    _, extraction = bridge
    a = find(extraction, "the Harlan Street bridge would reopen")
    assert a.quote.text == "the Harlan Street bridge would reopen to traffic by April"


def test_headline_name_colon(bridge):
    _, extraction = bridge
    a = find(extraction, "The Harlan Street bridge will reopen")
    assert (a.speaker_name, a.cue.text, a.type) == ("Ortega", ":", "indirect")


def test_called_with_quoted_words_then_a_second_verb(bridge):
    _, extraction = bridge
    called = find(extraction, "the repair schedule")
    assert called.quote.text == 'the repair schedule "tight but realistic"'
    assert (called.type, called.speaker_name, called.source.kind) == ("partial", "Lucia Ortega", "speech")
    said = find(extraction, "They have not missed")
    assert (said.type, said.speaker_name, said.cue.text) == ("direct", "Lucia Ortega", "said")


def test_criticized_as_quoted_words(bridge):
    _, extraction = bridge
    a = find(extraction, "the plan as")
    assert (a.type, a.speaker_name, a.speaker_title) == ("partial", "Tom Reyes", "Council member")


def test_single_marks_and_dash_signature(bridge):
    _, extraction = bridge
    single = find(extraction, "We were told the same thing")
    assert (single.type, single.speaker_name) == ("direct", "Janet Lowe")
    signed = find(extraction, "The detour adds")
    assert (signed.type, signed.speaker_name, signed.speaker_kind) == ("direct", "Marcus Bell", "person")


def test_known_as_is_a_name_not_a_quote(bridge):
    text, extraction = bridge
    tail = text.index("The bridge, known locally")
    assert all(a.quote.start < tail for a in extraction.attributions)


def test_an_acronym_that_spells_the_whole_name_keeps_words_that_look_like_titles():
    # "Air" is a title word (`Air Marshal`), but CACS spells all four words.
    text = ("The Council for Air Cargo Safety (CACS) said on Friday the new berths met its rules.\n\n"
            "The CACS said the checks would continue.\n")
    names = {a.speaker.text: a.speaker_name for a in extract(text).attributions}
    assert names == {"The Council for Air Cargo Safety (CACS)": "Council for Air Cargo Safety",
                     "The CACS": "Council for Air Cargo Safety"}


def test_a_role_alone_names_the_person_just_given_it_and_an_opening_indefinite_is_anonymous():
    text = ("State Transport Minister Leela Menon said on Monday the depot would reopen.\n\n"
            "The night shift would resume on Tuesday, the minister said.\n\n"
            "A spokesperson for a bus owners' association said fares would not rise.\n")
    found = {a.speaker.text: (a.speaker_name, a.speaker_kind) for a in extract(text).attributions}
    assert found["the minister"] == ("Leela Menon", "person")
    assert found["A spokesperson for a bus owners' association"][1] == "anonymous"
    # `the company` is no title of a person: it stays an organization's short form.
    company = extract("Leela Menon, a director of the company, said the fleet was old. The company said it "
                      "would buy new buses.\n").attributions[-1]
    assert (company.speaker.text, company.speaker_kind) == ("The company", "organization")


def test_a_trade_in_the_plural_is_a_group():
    [a] = extract("Builders said work at their sites would resume from Tuesday.\n").attributions
    assert (a.speaker_name, a.speaker_kind) == ("Builders", "group")
