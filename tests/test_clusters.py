"""Which quotations, across articles, are the same quotation (pure)."""
from datasette_quotes.clusters import Quotation, cluster, quoted_text, words

SAID = "We will finish the harbour wall before the first winter storm reaches the bay"


def q(id, article, text, type="direct"):
    return Quotation(id, article, text, type)


def test_the_same_words_in_other_marks_case_and_spacing_are_one_quotation():
    assert cluster([
        q("a", "1", SAID + ","),
        q("b", "2", "we  will finish the Harbour wall before the first winter storm reaches the bay."),
        q("c", "3", "‘We will finish the harbour wall — before the first winter storm reaches the bay’"),
        q("d", "4", "The ferry will run on Sundays from May onwards, every hour"),
    ]) == [["a", "b", "c"]]


def test_a_quoted_fragment_of_six_words_or_more_joins_the_whole():
    partial = 'the mayor said the city would "finish the harbour wall before the first winter storm" soon'
    short = 'the mayor said the city would "finish the harbour wall" soon'
    found = cluster([q("a", "1", SAID), q("b", "2", partial, "partial"), q("c", "3", short, "partial")])
    assert found == [["a", "b"]]
    assert quoted_text(Quotation("b", "2", partial, "partial")) == "finish the harbour wall before the first winter storm"


def test_a_word_changed_in_a_long_quotation_is_a_variant_of_it():
    long = SAID + " and we will open the new fish market in the spring once the roof is done"
    changed = long.replace("new fish market", "new fishing market")
    assert cluster([q("a", "1", long), q("b", "2", changed)]) == [["a", "b"]]
    # Three words of fifteen changed: another sentence.
    other = SAID.replace("harbour", "river").replace("first", "last").replace("bay", "town")
    assert cluster([q("a", "1", SAID), q("b", "2", other)]) == []


def test_paraphrase_short_quotes_and_one_article_make_no_cluster():
    assert cluster([q("a", "1", SAID, "indirect"), q("b", "2", SAID, "indirect")]) == []
    assert cluster([q("a", "1", "We will win, we will"), q("b", "2", "We will win, we will")]) == []
    assert cluster([q("a", "1", SAID), q("b", "1", SAID)]) == []


def test_words_ignore_marks_and_apostrophe_styles():
    assert words("“It’s DONE,” — she said!") == ("it's", "done", "she", "said")


def test_quotations_that_share_common_words_are_told_apart():
    # Thousands of quotations built on one frame share most of their word runs with each
    # other; only the ones carried twice form clusters.
    quotations = [q(f"u{n}", f"a{n}", f"Quotation number {n} says the plan for district {n} will go ahead") for n in range(3000)]
    quotations += [q(f"r{n}", f"b{n}", f"quotation number {n} says the plan for district {n} will go ahead!") for n in range(50)]
    assert cluster(quotations) == sorted([f"r{n}", f"u{n}"] for n in range(50))
