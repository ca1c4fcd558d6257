"""The character scanner that the whole-article passes share: it must find exactly what
the patterns it replaced found."""
import regex

from datasette_quotes.extractor.scan import lines, positions


def test_positions_lists_every_listed_character_in_order_within_bounds():
    text = '“Go,” said Ada. "Stop!" said Bo? Yes.'
    assert positions(text, ".?!") == [14, 21, 31, 36]
    assert positions(text, '"“”') == [0, 4, 16, 22]
    assert positions(text, ".?!", 15, 36) == [21, 31]  # the end is excluded, as in a slice


def test_positions_of_absent_characters_is_empty():
    assert positions("no marks here", "«»") == []


def test_lines_are_the_runs_between_line_breaks():
    text = "Headline\n\nFirst paragraph.\nSecond\n\n\nLast"
    expected = [m.span() for m in regex.finditer(r"[^\n]+", text)]
    assert lines(text, 0, len(text)) == expected == [(0, 8), (10, 26), (27, 33), (36, 40)]
    # Bounds cut runs as a pattern's pos and endpos would.
    assert lines(text, 3, 20) == [m.span() for m in regex.compile(r"[^\n]+").finditer(text, 3, 20)]
    assert lines("\n\n", 0, 2) == []
