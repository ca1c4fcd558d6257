"""The extractor on arbitrary and hostile text: it never raises, gives the same answer
every time, offsets that index the article exactly, and time that grows linearly."""
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_quotes.extractor import extract

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a"
# Pieces that steer the extractor into its paths: marks, breaks, cue words, names,
# titles, pronouns, datelines and agencies, among arbitrary characters.
PIECES = [
    *MARKS, "\n", "\n\n", " ", ",", ".", ":", "-", "''", "said", " said ", "told reporters", "according to",
    "quoted", " as saying ", "posted on X", "citing", "that", "Mayor", "Minister ", "Ann Brae", "Brae",
    "the ministry", "She ", "he", "officials", "a senior official", "(PTI)", "date 2026-03-02\n\n",
    "Vesk, March 2 (PTI): ", "Port Ellery [Vesk], ", "on Monday", "TASS", "Reuters reported", "MEA",
]
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=MARKS + "ab \n."),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("".join),
)


def spans(extraction):
    for attribution in extraction.attributions:
        for span in (attribution.quote, attribution.speaker, attribution.cue):
            if span is not None:
                yield span


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_raises_is_deterministic_and_offsets_are_exact(text):
    extraction = extract(text)
    assert extract(text) == extraction
    for span in spans(extraction):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
    json.dumps(extraction.as_json_records("fuzz"))  # the JSON Lines contract can always be written


def _seconds(text, runs=1):
    """CPU seconds, best of `runs`: other processes on the machine count for little."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        extract(text)
        best = min(best, time.process_time() - start)
    return best


def _repeat(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


def _many_speakers(size):
    # One paragraph, every sentence a new named speaker and an organisation short form.
    sentences = (f"\u201cPlot {i} opens,\u201d said Minister Ann Brae{i:x}. The ministry said it would. "
                 for i in range(size // 60 + 1))
    return "".join(sentences)[:size]


SIZE = 5_000
# Linear time makes 4x the input take about 4x as long; quadratic, 16x.
MAX_RATIO = 10
# Below this, timer and scheduler noise would dominate the ratio.
MIN_SECONDS = 0.02
ADVERSARIAL = [
    pytest.param(lambda size: '"' * size, SIZE, id="straight marks"),
    pytest.param(lambda size: _repeat(MARKS, size), SIZE, id="every mark"),
    pytest.param(lambda size: _repeat("\u201cPlot\n\n", size), SIZE, id="openers across paragraphs"),
    pytest.param(lambda size: _repeat("Minister Ann Brae Of The Port Authority Cal Dune ", size), SIZE,
                 id="capitalised words"),
    pytest.param(lambda size: _repeat("said told reporters according to quoted as saying posted on X ", size), SIZE,
                 id="cue words"),
    pytest.param(lambda size: _repeat("\u201cWe will,\u201d said Ann Brae. ", size), SIZE,
                 id="quotes without paragraph breaks"),
    pytest.param(lambda size: _repeat("He said it. She said so. They said that officials said. ", size), SIZE,
                 id="pronoun speakers"),
    # Larger: a lookup among all earlier speakers would only show past ten thousand characters.
    pytest.param(_many_speakers, 16_000, id="many speakers in one paragraph"),
]


@pytest.mark.parametrize(("make", "size"), ADVERSARIAL)
def test_adversarial_input_takes_time_linear_in_its_size(make, size):
    ratio = _seconds(make(4 * size)) / max(_seconds(make(size), runs=2), MIN_SECONDS)
    assert ratio < MAX_RATIO
