"""The word-list patterns built for speed match exactly what the plain alternations they
replace matched: the longest word at each place, and words only as whole words."""
import regex

from datasette_quotes.extractor.sources import _longest_first, source_kind

WORDS = ("post", "post on", "posted", "poster", "press", "press release", "release", "e-mail", "email")
TEXT = (
    "She posted on Friday; the poster said in a post on X that a press release, "
    "an e-mail and an email followed, then a release and another posting in the press."
)


def whole_words(pattern: str) -> regex.Pattern:
    return regex.compile(rf"\b(?:{pattern})\b")


def test_tree_of_prefixes_finds_what_the_longest_first_alternation_finds():
    flat = "|".join(regex.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    expected = [(m.start(), m.group()) for m in whole_words(flat).finditer(TEXT)]
    found = [(m.start(), m.group()) for m in whole_words(_longest_first(WORDS)).finditer(TEXT)]
    assert found == expected
    assert (TEXT.index("post on"), "post on") in found  # the longer word wins where both fit
    assert not any(word == "post" and TEXT[at:at + 7] == "posting" for at, word in found)


def test_channel_kind_is_found_after_words_of_no_kind():
    frame = "Officials, speaking after a long and tense day at the border, said in a joint statement"
    assert source_kind(frame, "said", None, False, None) == "statement"
    assert source_kind("the minister said on Friday", "said", None, False, None) == "unspecified"
