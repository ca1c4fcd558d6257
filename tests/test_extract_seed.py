"""The seed article gives exactly its six required attributions, field by field."""
import json
from pathlib import Path

import pytest

from datasette_quotes.extractor import extract

SEED = Path(__file__).parent / "fixtures" / "seed"
TEXT = (SEED / "000_c552f5dde1320bff.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((SEED / "000_c552f5dde1320bff.expected.json").read_text(encoding="utf-8"))
REQUIRED = [a for a in EXPECTED["attributions"] if not a["optional"]]
OPTIONAL = [a for a in EXPECTED["attributions"] if a["optional"]]


@pytest.fixture(scope="module")
def extraction():
    return extract(TEXT)


def test_meta(extraction):
    assert extraction.meta.as_json() == EXPECTED["meta"]


def test_only_the_expected_attributions(extraction):
    allowed = {(a["start"], a["end"]) for a in EXPECTED["attributions"]}
    found = {(a.quote.start, a.quote.end) for a in extraction.attributions}
    assert {(a["start"], a["end"]) for a in REQUIRED} <= found <= allowed


@pytest.mark.parametrize("expected", REQUIRED, ids=lambda a: a["text"][:30])
def test_required_attribution(extraction, expected):
    [found] = [a for a in extraction.attributions if a.quote.start == expected["start"]]
    assert found.quote.end == expected["end"]
    assert found.quote.text == expected["text"] == TEXT[expected["start"]:expected["end"]]
    assert found.type == expected["type"]
    assert found.speaker_name == expected["speaker"]
    assert found.speaker_kind == expected["speaker_kind"]
    assert found.speaker.text == expected["speaker_mention"]
    assert TEXT[found.speaker.start:found.speaker.end] == found.speaker.text
    assert found.cue.text == expected["cue"]
    assert found.source.as_json() == expected["source"]


def test_people_mentioned_but_never_quoted(extraction):
    names = {a.speaker_name for a in extraction.attributions}
    assert not names & {"Vladimir Putin", "Putin", "Narendra Modi", "Modi"}
