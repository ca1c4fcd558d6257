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
    a = find(us, "the new wall would be")
    assert (fields(a), a.speaker_name) == (("partial", "Carla Ruiz", "saying"), "Carla Ruiz")
    b = find(wire, "it would bring")
    assert b.quote.text == 'it would bring "jobs for our young people"'
    assert (fields(b), b.speaker_name) == (("partial", "Mahesh Gurjar", "saying"), "Mahesh Gurjar")


def test_a_scare_quote_after_a_predicate_is_not_an_attribution():
    text = 'The council approved the "Green Corridor" plan on Monday. Residents called it the "Old Yard" for years.'
    assert extract(text).attributions == ()


def test_a_progressive_verb_of_saying(us, wire):
    # `X is telling residents along the river that ...`: `is` does not make it passive.
    a = find(us, "the new wall \"will hold")
    assert (fields(a), a.quote.text) == (("partial", "Whitcomb", "is telling"), 'the new wall "will hold this spring."')
    b = find(wire, "the compensation")
    assert fields(b) == ("partial", "The minister", "is telling")


def test_saying_after_by(us, wire):
    a = find(us, "the pumps were")
    assert (fields(a), a.speaker_name) == (("partial", "The chief engineer", "saying"), "chief engineer")
    b = find(wire, "the old panels")
    assert (fields(b), b.speaker_name) == (("partial", "Bhandari", "saying"), "Sunil Bhandari")


def test_an_adjunct_of_any_shape_before_that(us, wire):
    a = find(us, "the county had \"lost")
    assert (fields(a), a.quote.text) == (("partial", "Flagg", "said"), 'the county had "lost a full year."')
    b = find(wire, "the department had")
    assert (fields(b), b.quote.text) == (("partial", "Rathore", "said"), 'the department had "lost a full season"')


def test_quoted_words_closing_an_introduction_are_what_was_said(us, wire):
    # `In past winters, "we ...," Whitcomb said`: not an adjunct holding a quoted title.
    a = find(us, "In past winters")
    assert (fields(a), a.quote.text) == (("partial", "Whitcomb", "said"), 'In past winters, "we simply hoped for the river to behave,"')
    b = find(wire, "In earlier years")
    assert fields(b) == ("partial", "Rathore", "said")


def test_a_title_quoted_inside_an_introduction_stays_an_adjunct():
    [a] = extract('In an interview on "Face the Nation," Senator Ada Voss said the bill was dead.').attributions
    assert (a.quote.text, a.speaker.text) == ("the bill was dead", "Senator Ada Voss")


def test_asked_whether_is_a_reported_question(us, wire):
    a = find(us, "whether the county")
    assert (fields(a), a.quote.text) == (("indirect", "Flagg", "asked"), "whether the county had applied for federal money")
    assert fields(find(wire, "whether the deadline")) == ("indirect", "Reporters", "asked")


def test_asked_without_a_question_reports_nothing():
    assert extract("The mayor asked for a glass of water before the vote.").attributions == ()


def test_a_quotation_opened_straight_and_closed_curly(us, wire):
    a = find(us, "We are ready for an audit")
    assert (fields(a), a.quote.text) == (("direct", "Tom Reyes", "said"), "We are ready for an audit,")
    b = find(wire, "We are ready for a third-party audit")
    assert fields(b) == ("direct", "Anil Joshi", "said")


def test_a_quotation_paragraph_goes_on_from_the_paragraph_before(us, wire):
    # The paragraph before ends with a sentence of the writer's own; the quotation is still Reyes's.
    a = find(us, "Every invoice is online")
    assert (a.type, a.speaker_name, a.cue.text) == ("direct", "Tom Reyes", "said")
    b = find(wire, "Every payment is on the portal")
    assert (b.type, b.speaker_name) == ("direct", "Anil Joshi")


def test_a_participle_in_apposition_to_the_speaker(us, wire):
    a = find(us, "The pumps failed twice")
    assert (fields(a), a.speaker_name) == (("direct", "finance director Tom Reyes", "said"), "Tom Reyes")
    b = find(wire, "The inverters failed twice")
    assert (fields(b), b.speaker_name) == (("direct", "finance director Anil Joshi", "said"), "Anil Joshi")


def test_a_transcript_turn_runs_to_the_end_of_its_paragraph(us, wire):
    a = find(us, "No. We lost the spring")
    assert (a.speaker.text, a.quote.text) == ("WHITCOMB", "No. We lost the spring to paperwork. The crews will work through the summer")
    b = find(wire, "No. We lost two months")
    assert b.quote.text.endswith("The contractors will work through the summer")
    # The sentences inside the turn are not reported again on their own.
    assert not [x for x in us.attributions + wire.attributions if x.quote.text.startswith(("We lost", "The crews", "The contractors"))]


def test_a_comma_after_any_predicate_introduces_a_closing_quotation(us, wire):
    # `X issued a statement, "..."`: set off by a comma and closing the sentence, like a colon.
    a = find(us, "The levee is safe")
    assert (a.type, a.speaker.text, a.cue.text) == ("direct", "the council", "issued a statement,")
    b = find(wire, "All pending payments")
    assert (b.type, b.speaker.text, b.cue.text) == ("direct", "the ministry", "issued a statement,")


def test_according_to_after_a_quotation_and_before_one(us, wire):
    a = find(us, "The soil under the east wall")
    assert (a.type, a.speaker.text, a.cue.text) == ("direct", "Harlow County Engineer Mia Tran", "according to")
    b = find(wire, "The compensation will be credited")
    assert (b.type, b.speaker.text) == ("direct", "the Rural Development Department")
    # `According to X, "...," making it ...`: the participle after the quotation is the writer's.
    c = find(us, "The county will lose")
    assert (c.type, c.quote.text, c.speaker_name) == ("direct", "The county will lose its federal match,", "Oren Flagg")
    d = find(wire, "The park will supply")
    assert (d.type, d.quote.text) == ("direct", "The park will supply 900 megawatts by June,")


def test_a_relative_clause_reports_its_named_antecedent(us, wire):
    # `Tran, who said A, has asked ...`: A is Tran's, up to the comma closing the clause.
    a = find(us, "the east wall \"was")
    assert a.quote.text == 'the east wall "was never meant to hold this much water,"'
    assert (a.type, a.speaker.text, a.speaker_name, a.cue.text) == ("partial", "Tran", "Mia Tran", "said")
    b = find(wire, "the village had")
    assert b.quote.text == 'the village had "waited twenty years for this road"'
    assert (b.type, b.speaker_name) == ("partial", "Mahesh Gurjar")


def test_the_place_after_a_name_is_not_the_relative_clauses_speaker():
    text = "“It failed twice,” said Rhea Dunn of Akron, Ohio, who said she had reported the fault in May."
    reported = [a for a in extract(text).attributions if a.quote.text.startswith("she had")]
    assert [(a.speaker.text, a.quote.text) for a in reported] == [("Rhea Dunn", "she had reported the fault in May")]


def test_an_infinitive_that_reports_a_saying(us, wire):
    a = find(us, "the vote was")
    assert (a.type, a.speaker.text, a.cue.text) == ("partial", "Whitcomb", "took to Twitter to say")
    assert a.source.kind == "social_post"
    b = find(wire, "the second phase")
    assert (b.type, b.speaker.text, b.cue.text) == ("partial", "Rathore", "went on to say")
    # `refused to say` still reports nothing.
    assert not [x for x in us.attributions if x.quote.text.startswith("whether he would back")]


def test_what_follows_a_cue_but_is_not_the_clause_reported():
    # An appositive after the cue (`, the third-largest loss`) does not carry on the clause.
    [a] = extract("Glaciers lost 3 percent of their ice this year, a research network said on Monday, "
                  "the third-largest loss on record.").attributions
    assert (a.quote.text, a.speaker.text) == ("Glaciers lost 3 percent of their ice this year", "a research network")
    # A participle after the cue (`in an order issued ...`) is no clause of its own.
    [b] = extract("The curbs were lifted at a review meeting on Sunday, the commission said in an order "
                  "issued the same evening.").attributions
    assert b.quote.text == "The curbs were lifted at a review meeting on Sunday"
    # `during` opens an adjunct, not an appositive, so the speaker is the name after it.
    [c] = extract("Earlier, during Question Hour, Minister Rana Gill told the Lok Sabha that the paddy "
                  "procurement had risen.").attributions
    assert c.speaker_name == "Rana Gill"


def test_a_colon_after_an_adjunct_introduces_the_next_paragraph(us, wire):
    # `In a 2019 speech, X declared:` then the quotation in a paragraph of its own.
    a = find(us, "A levee that fails once")
    assert fields(a) == ("direct", "Whitcomb", "declared")
    assert a.speaker_name == "Dana Whitcomb"
    b = find(wire, "Every village on the canal")
    assert fields(b) == ("direct", "Rathore", "had said")


def test_told_after_a_quoted_question_reports_the_question(us, wire):
    # `"...?" X told Channel 9 News in an interview`: the question is what was told, not
    # the words after the audience.
    a = find(us, "Who pays when the water")
    assert fields(a) == ("direct", "Flagg", "told")
    b = find(wire, "Why should the farmers")
    assert fields(b) == ("direct", "Rathore", "told")
    assert not [x for x in us.attributions + wire.attributions if x.quote.text.startswith(("aired", "newspaper in"))]


def test_quoted_words_after_a_doing_are_no_fragment_of_the_subject():
    # `X landed in Y for a "..."`: a verb followed by a preposition reports nothing, whereas a
    # verb with the quoted words as its object still quotes its subject.
    text = ('Mayor Dana Whitcomb landed in Riverton for what aides billed as a "budget address" on the levee. '
            'Whitcomb clashed with the county board over "reckless borrowing and missed deadlines" at the hearing. '
            'Whitcomb blasted the county for its "shameful neglect of the east bank".')
    found = [(a.cue.text, a.quote.text) for a in extract(text).attributions]
    assert found == [("blasted", 'the county for its "shameful neglect of the east bank"')]


def test_short_forms_resolve_past_sentence_openers_and_pairs_of_names():
    # `But Okafor` is no name, and `Mayor Tom Reyes and Paul Quist` names two people: each
    # surname resolves to its own full name, from the article's first short form on.
    text = ("Senator Ada Okafor toured the Brantley levee on Monday with Mayor Tom Reyes and Paul Quist.\n\n"
            '"The wall is sound," Reyes told reporters at the site.\n\n'
            "But Okafor said the repairs were two months late.\n\n"
            "Later, Quist said the pumps would be replaced by June.\n")
    found = [(a.speaker.text, a.speaker_name) for a in extract(text).attributions]
    assert found == [("Reyes", "Tom Reyes"), ("Okafor", "Ada Okafor"), ("Quist", "Paul Quist")]


def test_a_closing_mark_typed_the_wrong_way_round_still_closes():
    # `“...,“ said X`: the second mark stands where only a closer can, after the words.
    text = ("“The levee will hold through the spring,“ said Ines Marlow, the county engineer.\n\n"
            "Reporters pressed her. “Will it hold through the summer?“ a reporter asked.\n")
    found = [(a.type, a.quote.text, a.speaker.text) for a in extract(text).attributions]
    assert found == [("direct", "The levee will hold through the spring,", "Ines Marlow"),
                     ("direct", "Will it hold through the summer?", "a reporter")]


def test_a_no_break_space_after_the_opening_quotation():
    # `“...,”\xa0X said on the podcast “Title.”`: the opening quotation is what was said,
    # not the programme's title, whatever the space after it.
    text = "“Being a dad, that is my job,”\xa0Weiler said last spring on the podcast “Here Is the Thing.”\n"
    found = [(a.quote.text, a.speaker.text) for a in extract(text).attributions]
    assert found == [("Being a dad, that is my job,", "Weiler")]


def test_a_second_predicate_after_the_quoted_words_ends_the_report():
    # `says she respects his "passion" but argues ...`: the speaker's next predicate is not
    # part of what was said.
    text = ("Whitcomb says she respects the engineers’ “care and patience” but argues that the county "
            "cannot wait another season for the wall.\n")
    a, b = extract(text).attributions
    assert (a.type, a.quote.text, a.cue.text) == ("partial", "she respects the engineers’ “care and patience”", "says")
    # The second predicate reports on its own, with the same speaker.
    assert (b.quote.text, b.speaker.text, b.cue.text) == ("the county cannot wait another season for the wall", "Whitcomb", "argues")


def test_a_sentence_with_no_cue_ending_in_a_colon_introduces_the_quotation(us, wire):
    # `Whitcomb then listed the repairs she wanted:` then the quotation in a paragraph of its
    # own: the sentence's subject is the speaker.
    a = find(us, "New pumps, a higher wall")
    assert fields(a) == ("direct", "Whitcomb", "listed the repairs she wanted before the spring floods")
    b = find(wire, "The park will light every village")
    assert fields(b) == ("direct", "Deputy Minister Kiran Bala", "echoed")
    assert b.speaker_name == "Kiran Bala"


def test_a_quotation_set_off_by_a_colon_before_an_inverted_cue():
    # `... especially the budget: "...," she said`: the quotation is what was said, not the
    # sentence that introduces it.
    text = ("Mayor Dana Whitcomb described what the job entails, especially the budget: "
            "“There is a ton of paperwork in this job,” she said.\n")
    [a] = extract(text).attributions
    assert (a.type, a.quote.text, a.speaker.text) == ("direct", "There is a ton of paperwork in this job,", "she")
