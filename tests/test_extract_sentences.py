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
