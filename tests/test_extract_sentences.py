"""One construction per test, on sentences we wrote: the frame, the speaker and the source."""
from datasette_quotes.extractor import extract


def only(text):
    [attribution] = extract(text).attributions
    assert text[attribution.quote.start:attribution.quote.end] == attribution.quote.text
    return attribution


def test_title_before_a_name_in_apposition():
    a = only("“The count is the highest in a decade,” the agency’s spokesperson, Ana Lima, told reporters.")
    assert (a.type, a.quote.text) == ("direct", "The count is the highest in a decade,")
    assert (a.speaker_name, a.source.kind) == ("Ana Lima", "press_conference")


def test_titled_name_of_an_organisation_is_a_person_for_pronouns():
    text = (
        "Chief Ray Dunn of Pine Lake First Nation said that the ruling was fair.\n\n"
        "“We will keep talking,” he said."
    )
    first, second = extract(text).attributions
    assert (first.speaker_name, first.speaker_kind) == ("Ray Dunn", "person")
    assert (second.speaker.text, second.speaker_name) == ("he", "Ray Dunn")


def test_a_relay_names_no_channel_for_the_speaker():
    a = only(
        "Radio Vesk, citing a report in the daily Vesk Herald, quoted a police spokesman as saying "
        "that the road would reopen."
    )
    assert (a.speaker_name, a.speaker_kind) == ("a police spokesman", "anonymous")
    assert (a.source.kind, a.source.via) == ("unspecified", ("Radio Vesk", "Vesk Herald"))


def test_a_participle_after_the_channel_is_skipped():
    a = only("The Statistics Office said in its annual report, published in May, that exports had doubled.")
    assert a.quote.text == "exports had doubled"
    assert (a.speaker_name, a.source.kind) == ("Statistics Office", "report")


def test_a_second_report_in_the_same_sentence():
    text = "The health ministry has said at least 40 people were treated, though it cautioned that the figure was provisional."
    first, second = extract(text).attributions
    assert first.quote.text == "at least 40 people were treated"
    assert (second.quote.text, second.speaker.text, second.cue.text) == ("the figure was provisional", "it", "cautioned")
    assert second.speaker_name == first.speaker_name == "health ministry"


def test_a_government_agency_is_not_a_news_outlet():
    a = only("The National Water Agency said in a statement that reservoirs were full.")
    assert (a.speaker_kind, a.source.kind) == ("organization", "statement")


def test_an_outlet_reporting_is_the_speaker():
    a = only("Prices rose sharply in March, the Vesk Times reported.")
    assert (a.speaker_name, a.source.kind, a.source.via) == ("Vesk Times", "news_agency_report", ())


def test_a_participle_of_saying_introduces_a_quotation():
    a = only('The councillor mocked the budget on Monday, tweeting, "Count the potholes. Fixed?"')
    assert (a.type, a.quote.text) == ("direct", "Count the potholes. Fixed?")
    assert (a.speaker.text, a.cue.text) == ("The councillor", "tweeting")


def test_a_quote_only_participle_without_a_quotation_reports_nothing():
    assert extract("The ferry company filed a motion, asking the court to delay the hearing.").attributions == ()


def test_a_quotation_set_off_by_commas_ends_before_the_rest_of_the_sentence():
    a = only('The coach then says, "Hold the line," until the final whistle.')
    assert (a.type, a.quote.text, a.speaker.text) == ("direct", "Hold the line,", "The coach")


def test_an_inverted_speaker_after_a_quotation_may_be_followed_by_a_phrase():
    a = only('"The committee is lurching from one idea to the next," said one Green councillor on the panel.')
    assert (a.type, a.speaker.text) == ("direct", "one Green councillor")
    assert a.quote.text == "The committee is lurching from one idea to the next,"


def test_an_opening_quotation_outweighs_a_that_clause_after_the_cue():
    text = (
        '"We are in a hard week for the valley," Mayor Ilse Brandt told reporters after the meeting '
        "that was held on the ferry."
    )
    a = only(text)
    assert (a.type, a.quote.text) == ("direct", "We are in a hard week for the valley,")
    assert a.speaker_name == "Ilse Brandt"


def test_a_colon_after_a_verb_of_concluding_introduces_the_quotation():
    a = only('She concluded: "The river will decide how fast we rebuild the mill."')
    assert (a.type, a.quote.text, a.cue.text) == ("direct", "The river will decide how fast we rebuild the mill.", "concluded")


def test_told_a_possessive_audience_then_a_quotation():
    a = only('Varga, who phoned Brandt after the count, told her supporters, "This valley will always be home."')
    assert (a.type, a.quote.text, a.speaker_name) == ("direct", "This valley will always be home.", "Varga")


def test_a_bare_weekday_after_the_cue_is_an_adjunct():
    a = only('A city official said Wednesday, "There are talks between the council and the mill."')
    assert (a.type, a.quote.text) == ("direct", "There are talks between the council and the mill.")


def test_more_verbs_of_saying():
    text = (
        '"This is a big win for the league," Orla Kent confessed.\n\n'
        '"They came for the free bread," Tom Bennett shot back, grinning.'
    )
    first, second = extract(text).attributions
    assert (first.type, first.cue.text, first.speaker_name) == ("direct", "confessed", "Orla Kent")
    assert (second.type, second.cue.text, second.speaker_name) == ("direct", "shot back", "Tom Bennett")


def test_a_frame_ending_in_a_colon_after_an_adjunct_introduces_the_next_paragraph():
    text = (
        "She told the crowd at the fairground, to loud applause:\n\n"
        '"There has never been a harvest like this one, not in my time."'
    )
    a = only(text)
    assert (a.type, a.speaker.text, a.cue.text) == ("direct", "She", "told")
    assert a.quote.text == "There has never been a harvest like this one, not in my time."


def test_a_participle_after_quoted_words_ending_in_a_comma_ends_the_content():
    a = only('The senator said the banking system was "rotten," noting the record fines of the year.')
    assert (a.type, a.quote.text) == ("partial", 'the banking system was "rotten,"')


def test_a_cue_set_off_from_a_final_quotation_quotes_it_after_a_clause():
    a = only('The debate grew so heated that Governor Ana Ruiz said, "Somebody should hand me a dictionary."')
    assert (a.type, a.quote.text, a.speaker_name) == ("direct", "Somebody should hand me a dictionary.", "Ana Ruiz")


def test_a_pronoun_inside_brackets_introduces_a_quotation():
    text = 'She praised the ferry crew. (Even so, she also noted, "When the river rises, we all wait.")'
    a = only(text)
    assert (a.type, a.quote.text, a.speaker.text) == ("direct", "When the river rises, we all wait.", "she")


def test_an_adverb_before_the_comma_is_an_adjunct():
    a = only('Tomas Varga replied evenly, "I think the mayor knows the figures are wrong."')
    assert (a.type, a.quote.text, a.speaker_name) == ("direct", "I think the mayor knows the figures are wrong.", "Tomas Varga")


def test_a_us_legislators_party_and_state_is_an_appositive():
    a = only('"The agency failed to act," said Sen. Ron Ortiz, R-Vesk.')
    assert (a.type, a.speaker.text, a.speaker_name) == ("direct", "Sen. Ron Ortiz", "Ron Ortiz")


def test_an_unknown_adjunct_then_a_comma_and_a_final_quotation():
    a = only('Sen. Ron Ortiz, D-Vesk, said in a guest column before the 2014 hearing, "The agency failed to act."')
    assert (a.type, a.quote.text, a.speaker.text) == ("direct", "The agency failed to act.", "Sen. Ron Ortiz")


def test_told_a_pronoun_audience():
    text = (
        '"We keep the mill running whatever the river does," he told me. "We always have."\n\n'
        "She told them that the ferry would not run.\n\n"
        "He told them the story of the flood."
    )
    quoted, continued, reported = extract(text).attributions
    assert (quoted.type, quoted.cue.text, continued.quote.text) == ("direct", "told", "We always have.")
    assert (reported.type, reported.quote.text) == ("indirect", "the ferry would not run")


def test_an_emotive_verb_of_saying():
    a = only('"If they were serious, they would have gone further," Brandt fumed.')
    assert (a.type, a.speaker_name, a.cue.text) == ("direct", "Brandt", "fumed")


def test_the_s_form_of_concluding_with_a_colon():
    a = only('Surveying the empty docks, Williamson concludes: "No storm emptied these docks. Bad choices did."')
    assert (a.type, a.speaker_name, a.cue.text) == ("direct", "Williamson", "concludes")


def test_a_participles_speaker_is_the_subject_after_an_introductory_adjunct():
    a = only('At the Sunday debate, Varga compared himself to Brandt, saying, "I take no fees from the bank."')
    assert (a.type, a.speaker.text, a.quote.text) == ("direct", "Varga", "I take no fees from the bank.")


def test_an_inverted_speaker_ends_before_a_relative_that():
    a = only('"We knew the promises were hollow," said one keeper of a stall that sells rope.')
    assert (a.type, a.speaker.text) == ("direct", "one keeper of a stall")


def test_a_conjunction_before_the_opening_quotation():
    a = only('Yet, "nobody can prove the floods caused it," added Zarate, the former deputy adviser.')
    assert (a.type, a.quote.text, a.speaker_name) == ("direct", "nobody can prove the floods caused it,", "Zarate")


def test_a_lower_case_pronoun_subject_after_an_introductory_word_speaks_the_participle():
    a = only('Meanwhile, it attacked the mayor, saying she "has offended farmers and boatmen."')
    assert (a.type, a.speaker.text, a.quote.text) == ("partial", "it", 'she "has offended farmers and boatmen."')


def test_quoted_words_opening_the_sentence_are_not_an_introductory_adjunct():
    a = only('"The only way the mill will change is if owners face jail" for their conduct, she said.')
    assert (a.type, a.speaker.text) == ("partial", "she")
    assert a.quote.text == '"The only way the mill will change is if owners face jail" for their conduct'


def test_concluding_talks_is_not_a_report():
    text = "Vesk and Lorn on Tuesday concluded a four-day round of border talks in the capital."
    assert extract(text).attributions == ()
