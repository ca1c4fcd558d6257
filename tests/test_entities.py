"""The rules that decide which speaker names, across articles, are one speaker (pure)."""
from datasette_quotes.entities import Correction, Entity, SpeakerName, is_description, resolve


def names(*specs):
    """SpeakerNames with ids n0, n1, ... from (name, kind, titles) tuples."""
    return [SpeakerName(f"n{number}", name, kind, tuple(titles)) for number, (name, kind, titles) in enumerate(specs)]


def entity_names(specs, corrections=()):
    found = resolve(names(*specs), list(corrections))
    return [found[f"n{number}"].name for number in range(len(specs))]


def test_surname_and_initials_join_the_one_full_name():
    assert entity_names([
        ("M Raghunathan", "person", ["External Affairs Minister"]),
        ("Raghunathan", "person", []),
        ("Meera Raghunathan", "person", []),
        ("Mrs. Raghunathan", "person", []),
    ]) == ["Meera Raghunathan"] * 4


def test_a_surname_shared_by_two_people_stays_alone():
    assert entity_names([
        ("Harjit Sandhu", "person", []),
        ("Tejinder Sandhu", "person", []),
        ("Sandhu", "person", []),
        ("H Sandhu", "person", []),
    ]) == ["Harjit Sandhu", "Tejinder Sandhu", "Sandhu", "Harjit Sandhu"]


def test_titles_pick_between_people_of_one_surname_and_keep_apart_those_that_disagree():
    specs = [
        ("Harjit Sandhu", "person", ["Agriculture Minister"]),
        ("Tejinder Sandhu", "person", ["Police Commissioner"]),
        ("Sandhu", "person", ["Commissioner"]),
        ("Ivo Brannagh", "person", ["Mayor"]),
        ("Brannagh", "person", ["Harbourmaster"]),
    ]
    assert entity_names(specs) == ["Harjit Sandhu", "Tejinder Sandhu", "Tejinder Sandhu", "Ivo Brannagh", "Brannagh"]


def test_different_given_names_are_different_people():
    assert entity_names([("Anand Kulkarni", "person", []), ("Asha Kulkarni", "person", []),
                         ("A Kulkarni", "person", [])]) == ["Anand Kulkarni", "Asha Kulkarni", "A Kulkarni"]


def test_ranks_and_case_do_not_make_another_person():
    assert entity_names([("Lt Gen Arvind Sehgal", "person", []), ("Lt Gen Sehgal", "person", []),
                         ("arvind sehgal", "person", [])]) == ["Lt Gen Arvind Sehgal"] * 3


def test_acronyms_join_the_organisation_they_abbreviate_and_ministries_stay_apart():
    specs = [
        ("Ministry of External Affairs", "organization", []),
        ("MEA", "organization", []),
        ("Ministry of Home Affairs", "organization", []),
        ("MHA", "organization", []),
        ("Home Affairs Ministry", "organization", []),
        ("MoD", "organization", []),
        ("Ministry of Defence", "organization", []),
    ]
    assert entity_names(specs) == ["Ministry of External Affairs"] * 2 + ["Ministry of Home Affairs"] * 3 + [
        "Ministry of Defence"] * 2


def test_an_acronym_of_two_organisations_stays_alone():
    assert entity_names([("Ministry of Economic Affairs", "organization", []),
                         ("Ministry of External Affairs", "organization", []),
                         ("MEA", "organization", [])])[2] == "MEA"


def test_an_acronym_of_a_title_joins_the_one_person_holding_it():
    found = resolve(names(("M Raghunathan", "person", ["External Affairs Minister"]), ("EAM", "organization", [])))
    assert found["n1"] == Entity("M Raghunathan", "person")
    # Held by two people, the title names neither.
    assert entity_names([("M Raghunathan", "person", ["External Affairs Minister"]),
                         ("Ravi Venkatesan", "person", ["External Affairs Minister"]),
                         ("EAM", "organization", [])])[2] == "EAM"


def test_merges_and_splits_by_the_user():
    specs = [("EAM", "person", []), ("Meera Raghunathan", "person", []), ("Raghunathan", "person", [])]
    assert entity_names(specs, [Correction("merge", "eam", "Meera Raghunathan")])[0] == "Meera Raghunathan"
    assert entity_names(specs, [Correction("split", "Raghunathan", "Meera Raghunathan")]) == [
        "EAM", "Meera Raghunathan", "Raghunathan"]


def test_the_answer_does_not_depend_on_the_order_of_the_names():
    specs = [("Harjit Sandhu", "person", []), ("Sandhu", "person", ["Agriculture Minister"]),
             ("H. Sandhu", "person", []), ("Ministry of External Affairs", "organization", []),
             ("MEA", "organization", []), ("Meera Raghunathan", "person", ["EAM"]), ("Raghunathan", "person", [])]
    forward = resolve(names(*specs))
    backward = resolve(list(reversed(names(*specs))))
    assert forward == backward


def test_descriptions_are_not_names():
    assert [is_description(name) for name in (
        "the ministry", "ministry", "the Ministry", "space agency", "ISRO chief", "its foreign minister",
        "Ministry of External Affairs", "Kremlin", "Meera Raghunathan", "MEA")] == [True] * 6 + [False] * 4
