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
    a = find(us, "The plan could lift")
    assert a.quote.text.endswith("which Okafor expects to beat") and a.speaker.text == "Delgado"
    b = find(wire, "The work could lift")
    assert b.quote.text.endswith("which the trust hopes to reach") and b.speaker.text == "Mehta"


def test_a_channel_named_in_two_nouns_is_an_adjunct(us, wire):
    # `said in a radio message to party volunteers`: the whole channel is an adjunct, so the
    # clause before the cue is what was said.
    assert fields(find(us, "The vote had")) == (
        "partial", 'The vote had "cracked the wall" of suburban opposition', "Okafor", "said")
    assert fields(find(wire, "The new berths")) == (
        "partial", 'The new berths had "changed the mood" among shipping lines', "Mehta", "said")
    assert not [a for a in us.attributions + wire.attributions if a.quote.text.startswith("message")]


def test_a_second_predicate_of_the_sentence_subject(us, wire):
    # `X was slow to endorse the levy ... and said ...`, `but now said`: the subject that
    # opens the sentence says it.
    assert fields(find(us, "the plan now looks")) == (
        "partial", 'the plan now looks "strong with suburban voters" this fall', "Mayor Ellis Grant", "said")
    assert fields(find(us, 'the levy was "a debt')) == (
        "partial", 'the levy was "a debt we owe our children" in the eastern wards', "Commissioner Tom Hale", "said")
    assert fields(find(wire, "the project was")) == (
        "partial", 'the project was "well ahead of schedule" at the second berth', "Union Minister Arvind Rao", "said")


def test_a_discourse_adverbial_between_speaker_and_cue(us, wire):
    # `Okafor’s campaign, for example, said`: the adverbial is not the speaker.
    assert find(us, "it would \"stand").speaker.text == "Okafor’s campaign"
    assert find(wire, "it would \"cooperate").speaker.text == "The dock workers’ union"


def test_a_comma_inside_the_marks_ends_the_quoted_words(us, wire):
    # `called the vote "historic," saying ...`: the participle reports on its own.
    assert fields(find(us, 'the vote "historic')) == ("partial", 'the vote "historic,"', "Grant", "called")
    assert fields(find(us, "the county had waited")) == (
        "indirect", "the county had waited long enough", "Grant", "saying")
    assert fields(find(wire, 'the dredging "the')) == ("partial", 'the dredging "the biggest in two decades,"', "Mehta", "called")
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


def test_a_compound_audience_before_that_and_a_second_verb_of_saying(us, wire):
    # `is telling a neighborhood club that ...`: the audience is two words; `and says ...`
    # after the quoted words is a second report, not part of the first.
    assert fields(find(us, "the buses are")) == (
        "partial", 'the buses are "running on fumes"', "Grant", "is telling")
    assert fields(find(us, "the county must add")) == ("indirect", "the county must add night routes", "Grant", "says")
    assert fields(find(wire, "the channel is")) == (
        "partial", 'the channel is "deep enough for the big ships"', "Rao", "is telling")
    assert find(wire, "more berths").cue.text == "says"


def test_a_noun_before_an_auxiliary_or_a_passive_verb_says_nothing(us, wire):
    # `Suburban riders are "fed up"`: "riders" is no verb; `were investigated by the county
    # for "reckless scheduling"`: a passive subject said nothing.
    for extraction in (us, wire):
        spoken = [a.speaker.text for a in extraction.attributions]
        assert not [s for s in spoken if s in ("Suburban", "Local", "Eastfield drivers", "Two contractors")]
    assert find(us, "Suburban riders").speaker.text == "a survey"
    assert not [a for a in us.attributions + wire.attributions if "investigated" in a.quote.text or "penalised" in a.quote.text]


def test_a_list_of_quoted_words_goes_on_past_their_commas(us, wire):
    assert find(us, "the old board").quote.text == 'the old board "timid," "slow" and "out of touch."'
    assert find(wire, 'the old contracts "').quote.text == 'the old contracts "slow," "costly" and "unfair to the port."'


def test_a_cue_in_a_clause_opening_the_sentence_reports_up_to_its_comma(us, wire):
    # `While Okafor acknowledged the levy was a heavy ask, Hale warned ...`: two reports.
    assert fields(find(us, "the levy was a heavy ask")) == ("indirect", "the levy was a heavy ask", "Okafor", "acknowledged")
    assert fields(find(us, "the vote would be")) == ("partial", 'the vote would be "close."', "Hale", "warned")
    assert fields(find(wire, "the costs were high")) == ("indirect", "the costs were high", "Rao", "acknowledged")
    assert find(wire, "the monsoon would be").speaker.text == "Mehta"


def test_a_stray_mark_does_not_run_into_the_next_paragraphs_quotation(us, wire):
    # `"The buses are late every day.` then `“We cannot wait ...,” Velez said.`: a paragraph
    # re-opened with another kind of mark is not the stray quotation going on.
    assert fields(find(us, "We cannot wait")) == ("direct", "We cannot wait for another study,", "Velez", "said")
    assert fields(find(wire, "We will clear it")) == ("direct", "We will clear it before June,", "Solanki", "said")
    assert not [a for a in us.attributions + wire.attributions if a.quote.text.startswith(("The buses are late", "The silt"))]


def test_the_speaker_after_words_set_off_by_their_own_comma(us, wire):
    # `The levy "is the only plan ...," retired transit director Lou Farris said`: what
    # follows the quoted words is the speaker, not an appositive (`retired` is no clause).
    assert fields(find(us, "The levy \"is")) == (
        "partial", 'The levy "is the only plan that keeps the night buses running,"', "retired transit director Lou Farris", "said")
    assert find(wire, "The channel \"is").speaker.text == "retired port pilot Anil Kamat"


def test_a_month_and_year_and_a_days_possessive_are_not_adjuncts_to_report(us, wire):
    # `said in June 2021, citing ...`: the year belongs to the adjunct; `called Tuesday's
    # vote a "..."`: the weekday starts the object.
    assert fields(find(us, "The county \"has")) == (
        "partial", 'The county "has waited long enough for real buses,"', "Okafor", "said")
    assert find(wire, "The port \"has").speaker.text == "Mehta"
    assert fields(find(us, "Tuesday's vote")) == (
        "partial", 'Tuesday\'s vote a "turning point for the eastern suburbs."', "Farris", "called")
    assert find(wire, "Friday's trial run").cue.text == "called"


def test_a_second_report_after_a_comma_inside_the_marks(us, wire):
    # `the fares were "too high for night workers," but she said that ...`
    assert fields(find(us, "the levy \"fixes")) == (
        "partial", 'the levy "fixes what the audit found" within two years', "she", "said")
    assert find(wire, "the dredging \"pays").cue.text == "insisted"


def test_a_second_predicate_after_an_adverb(us, wire):
    # `flagged down the bus and repeatedly says, "..."`
    assert fields(find(us, "Stop the cuts")) == ("direct", "Stop the cuts,", "Velez", "says")
    assert fields(find(wire, "Check the depth")) == ("direct", "Check the depth,", "Solanki", "says")


def test_calling_someone_quoted_words(us, wire):
    # `called him a "dreamer."`, `praised the levy, calling it "..."`: the object is part of
    # the span, and the participle reports on its own.
    assert fields(find(us, "him a")) == ("partial", 'him a "dreamer."', "Hale", "called")
    assert fields(find(us, "it \"the best")) == ("partial", 'it "the best deal in a decade,"', "Grant", "calling")
    assert fields(find(wire, "them \"the pride")) == ("partial", 'them "the pride of the port,"', "Mehta", "calling")
    assert not [a for a in us.attributions + wire.attributions if a.quote.text.startswith(("the levy, calling", "the crews"))]


def test_which_he_called_after_a_report_is_a_report_of_its_own(us, wire):
    assert find(us, "the county had ignored").quote.text == "the county had ignored the night shift for years"
    assert fields(find(us, "which she called")) == ("partial", 'which she called "a scandal of neglect.', "she", "called")
    assert find(us, "which she called").speaker_name == "Rita Okafor"
    assert find(wire, "which he called").type == "partial"


def test_a_progressive_verb_of_saying_before_quoted_words(us, wire):
    # `Grant is promising lower fares and "...," but ...`
    assert fields(find(us, "lower fares")) == ("partial", 'lower fares and "buses every ten minutes,"', "Grant", "promising")
    assert fields(find(wire, "faster clearance")) == (
        "partial", 'faster clearance and "turnaround within a day,"', "Mehta", "promising")


def test_quoted_words_belong_to_the_predicate_nearest_them(us, wire):
    # `posted ... that the levy was "overdue" and urged riders to "show up and vote"`
    assert fields(find(us, "the levy was \"overdue")) == ("partial", 'the levy was "overdue"', "Okafor", "posted")
    assert fields(find(us, 'riders to "show up and')) == ("partial", 'riders to "show up and vote" on Tuesday', "Okafor", "urged")
    assert fields(find(wire, "workers to")) == ("partial", 'workers to "follow every drill" this week', "Rao", "urged")
    # `met the drivers ... and encouraged riders to "..."`: no verb of saying at all.
    assert fields(find(us, "riders to \"show up early")) == (
        "partial", 'riders to "show up early" for the vote', "Okafor", "encouraged")
    assert fields(find(wire, "crews to")) == (
        "partial", 'crews to "report every near miss" to the harbour master', "Rao", "encouraged")


def test_more_words_about_the_audience_before_that(us, wire):
    # `told a group of drivers at the depot on Monday night that ...`
    assert fields(find(us, "the plan \"will not")) == ("partial", 'the plan "will not cut a single route."', "Hale", "told")
    assert fields(find(wire, "the channel \"will stay")) == (
        "partial", 'the channel "will stay open all season."', "Mehta", "told")


def test_a_contrast_after_words_set_off_by_their_comma_ends_the_report(us, wire):
    assert find(us, "the fare rise").quote.text == 'the fare rise was "lawful,"'
    assert find(wire, "the tender").quote.text == 'the tender was "valid,"'


def test_a_verb_that_needs_quoted_words_leaves_them_to_a_second_report(us, wire):
    # `urges the crowd to keep calm and loudly shouts, "..."`: `urges` quotes nothing.
    assert fields(find(us, "Keep the doors")) == ("direct", "Keep the doors shut,", "Okafor", "shouts")
    assert fields(find(wire, "Watch the tide")) == ("direct", "Watch the tide,", "Solanki", "shouts")
    assert not [a for a in us.attributions + wire.attributions if a.cue and a.cue.text == "urges"]


def test_a_title_after_the_cue_is_not_what_was_said(us, wire):
    # `Okafor said in her 2019 memoir, "The Night Bus."`: a title set off by a comma.
    assert fields(find(us, "The route map")) == (
        "indirect", "The route map came from her grandfather", "Okafor", "said")
    assert find(wire, "The channel was first dredged").speaker.text == "Mehta"
    assert not [a for a in us.attributions + wire.attributions if a.quote.text in ("The Night Bus.", "Sagar Manthan.")]


def test_the_subject_after_a_clause_opener_or_an_adjunct_without_a_comma(us, wire):
    # `because Commissioner Hale has said ...`, `At the depot meeting this week she said`,
    # `In a radio interview Farris said`: the speaker is the subject, not the whole phrase.
    assert fields(find(us, "the levy is \"the last")) == (
        "partial", 'the levy is "the last chance" for the night routes', "Commissioner Hale", "has said")
    assert find(us, "the drivers were").speaker.text == "she"
    assert find(us, "the county had \"run out").speaker.text == "Farris"
    assert find(wire, "the port is").speaker.text == "Union Minister Rao"
    assert find(wire, 'the pilots were "ready').speaker.text == "he"
    assert find(wire, "the trust had").speaker.text == "Kamat"


def test_a_short_phrase_before_a_pronoun_clause_is_an_adjunct(us, wire):
    # `wrote in his two newsletters he was "..."`
    assert fields(find(us, "he was \"proud")) == ("partial", 'he was "proud of every driver" in the county', "Grant", "wrote")
    assert fields(find(wire, "he was \"proud")) == ("partial", 'he was "proud of every crew" at the port', "Mehta", "wrote")


def test_a_roundup_item_names_whose_words_it_quotes(us, wire):
    # `HEADLINE - Dana Ruiz and Paul Ng: "..."`
    assert fields(find(us, "Weekday ridership")) == (
        "direct", "Weekday ridership has recovered, but the night routes are still half empty.", "Dana Ruiz and Paul Ng", ":")
    assert find(wire, "Daytime cargo").speaker.text == "Meera Joshi and Amit Rane"


def test_an_audience_with_a_name_and_a_noun_before_a_colon(us, wire):
    # `told his Eastfield audience, over loud cheers:` then the quotation.
    assert fields(find(us, "No driver")) == (
        "direct", "No driver in this county will lose a route while I am mayor.", "Grant", "told")
    assert fields(find(wire, "No pilot")) == ("direct", "No pilot at this port will work a double shift again.", "Mehta", "told")
    assert not [a for a in us.attributions + wire.attributions if a.quote.text.startswith("audience")]


def test_that_before_a_lone_noun_is_a_determiner(us, wire):
    # `confirmed that estimate, adding ...`: no clause was reported.
    assert not [a for a in us.attributions + wire.attributions if a.quote.text in ("estimate", "figure")]


def test_a_free_relative_or_a_possessed_noun_is_no_report(us, wire):
    # `What Grant considers "progress" might be ...`; `Okafor's remark about the depot`
    for extraction in (us, wire):
        assert not [a for a in extraction.attributions if a.speaker.text.startswith("What")]
        assert not [a for a in extraction.attributions if a.cue and a.cue.text == "remark"]


def test_a_participle_in_a_fronted_clause_reports_up_to_its_comma(us, wire):
    # `Though she ... called for fares to stay "frozen" for night workers, Okafor avoided ...`
    assert find(us, "fares to stay").quote.text == 'fares to stay "frozen" for night workers'
    assert find(wire, "wages to stay").quote.text == 'wages to stay "revised upward" before June'


def test_a_participle_or_an_infinitive_nearest_the_quoted_words_is_their_predicate(us, wire):
    # `made the point while defending Okafor's "..."`, `took to Facebook to accuse ...`
    assert fields(find(us, "Okafor's \"night")) == (
        "partial", 'Okafor\'s "night bus pledge" at the hearing', "Hale", "defending")
    assert find(wire, "Mehta's \"one-day").cue.text == "defending"
    assert not [a for a in us.attributions + wire.attributions if a.cue and a.cue.text in ("made", "took")]


def test_accused_of_quoted_words_is_a_quoted_description(us, wire):
    # `accused the board of "sabotage."`: the charge in marks is what was said.
    assert fields(find(us, "sabotage")) == ("direct", "sabotage.", "Velez", "accused")
    assert fields(find(us, "playing games")) == ("direct", "playing games with the timetable.", "Grant", "accuse")
    assert fields(find(wire, "negligence")) == ("direct", "negligence.", "Solanki", "accused")
    assert find(wire, "ignoring the pilots").cue.text == "accuse"


def test_a_noun_after_a_name_is_no_cue(us, wire):
    # `as "reckless" a Dana Ruiz post about the drivers`: `post` is a noun here.
    assert find(us, "as \"reckless\"").cue.text == "describing"
    assert find(wire, "as \"baseless\"").cue.text == "describing"
    assert not [a for a in us.attributions + wire.attributions if a.cue and a.cue.text in ("post", "report")]


def test_as_someone_put_it(us, wire):
    # `..., but the line is still "...," as one driver put it.` and `As X puts it, ...`: the
    # clause with the borrowed words is X's.
    assert fields(find(us, "the eastern line")) == (
        "partial", 'the eastern line is still "a bus to nowhere,"', "one driver", "put it")
    assert fields(find(us, "the county has")) == (
        "partial", 'the county has "finally found its nerve" on transit', "the Eastfield Courier", "puts it")
    assert find(wire, "the old jetty").speaker.text == "one pilot"
    assert find(wire, "the port has").speaker.text == "the Kutch Mitra"


def test_a_clause_before_quoted_words_set_off_by_a_comma_is_part_of_the_report(us, wire):
    # `said it is wishful to hope that when the county delays, "..."`: not an adjunct.
    assert find(us, "it is wishful").quote.text == 'it is wishful to hope that when the county delays, "the buses will fix themselves."'
    assert find(wire, "it is wishful").type == "partial"


def test_as_someone_observed_with_an_appositive_or_a_colon(us, wire):
    # `As Lou Farris, the former transit director, put it: "..."`, `Yet, as X observed, ...`
    assert fields(find(us, "Buses are the county's")) == (
        "direct", "Buses are the county's circulation.", "Lou Farris, the former transit director", "put it")
    assert fields(find(us, "the night routes remain")) == (
        "partial", 'the night routes remain "the forgotten half" of the network', "Dana Ruiz of the Riders Union", "observed")
    assert find(wire, "The channel is the port's").speaker.text == "Anil Kamat, the senior pilot"
    assert find(wire, "the night shifts remain").cue.text == "observed"


def test_a_promise_of_quoted_words_in_an_infinitive(us, wire):
    # `pledged on Monday to "keep every night route"`
    assert fields(find(us, "to \"keep every")) == ("partial", 'to "keep every night route" through the winter', "Okafor", "pledged")
    assert fields(find(wire, "to \"clear every")) == ("partial", 'to "clear every berth"', "Mehta", "promised")


def test_what_follows_the_quoted_words_as_an_adjunct_is_not_reported(us, wire):
    # `..." as she left the depot`, `...," in an interview with ...`, `..." — adding that ...`
    assert find(us, "the union was").quote.text == 'the union was "back at the table"'
    assert find(us, "riders had waited").quote.text == 'riders had waited "long enough,"'
    assert find(us, "the fares would fall").quote.text == 'the fares would fall and "nobody will pay more"'
    assert find(us, "the budget office agreed").cue.text == "adding"
    assert find(wire, 'the pilots were "back').quote.text == 'the pilots were "back on duty"'
    assert find(wire, "exporters had waited").quote.text == 'exporters had waited "long enough,"'
    assert find(wire, "the tugs would return").quote.text == 'the tugs would return and "nobody will lose a shift"'
