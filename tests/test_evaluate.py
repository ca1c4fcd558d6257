"""`datasette-quotes evaluate`: gold reading, matching and figures, on small gold sets written for
these tests (tests/gold), and agreement with the PolNeAR reference scorer when ../shared is there."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from datasette_quotes.cli import cli
from datasette_quotes.evaluate import (
    EvaluationError,
    collect_predictions,
    names_match,
    read_brat,
    read_gold,
    score,
)

GOLD = Path(__file__).parent / "gold"
BRAT = GOLD / "brat"
JSONL = GOLD / "jsonl" / "gold.jsonl"
SHARED = Path(__file__).parents[1].parent / "shared"
HARBOR = (BRAT / "text" / "harbor-vote.txt").read_text(encoding="utf-8")
LEVY = (BRAT / "text" / "school-levy.txt").read_text(encoding="utf-8")
CANAL = (GOLD / "jsonl" / "canal-lining.txt").read_text(encoding="utf-8")


def span(text, words, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"text": words, "start": start, "end": start + len(words)}


def record(article, text, quote, type="indirect", speaker=None, **fields):
    return {"article": article, "quote": span(text, quote), "type": type,
            "speaker": span(text, *speaker) if speaker else None, **fields}


def harbor(quote, type="indirect", speaker=None):
    return record("harbor-vote", HARBOR, quote, type, speaker)


def levy_found():
    return record("school-levy", LEVY, "the district needs the levy to keep class sizes down",
                  speaker=("Maria Voss",))


def brat_report(*records):
    gold = read_brat(BRAT)
    return score(gold, collect_predictions([("test", r) for r in records], gold)[0])


def jsonl_gold():
    return read_gold(JSONL, {p.stem: p for p in (GOLD / "jsonl").glob("*.txt")})


def gold_records():
    return [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]


def jsonl_report(records):
    gold = jsonl_gold()
    return score(gold, collect_predictions([("test", r) for r in records], gold)[0])


ALL_HARBOR = [
    harbor("The Marlowe City Council postponed its vote on the harbor dredging plan on Tuesday",
           speaker=("council members",)),
    harbor("We owe the fishermen one more hearing,” said Councilwoman Ruth Okafor. “Then we vote.",
           "direct", ("Ruth Okafor",)),
    harbor("the plan would cost less than $4 million", speaker=("Mayor Ellis Grant",)),
    harbor("the delay will help the plan pass", speaker=("Okafor", 1)),
]


def test_brat_gold_is_the_first_annotation_of_each_annotated_article():
    gold = read_brat(BRAT)
    assert sorted(gold) == ["harbor-vote", "school-levy"]  # unannotated.txt has no .ann
    assert len(gold["school-levy"].gold) == 1  # from school-levy_a1.ann, not _b2.ann
    split_quote = gold["harbor-vote"].gold[1]
    assert [HARBOR[s:e] for s, e in split_quote.segments] == ["We owe the fishermen one more hearing",
                                                              "Then we vote"]
    assert [(g.speech, g.direct) for g in gold["harbor-vote"].gold] == [
        (True, False), (True, True), (True, False), (False, False)]  # `believes` is not speech


def test_perfect_predictions_score_one_in_every_view():
    views = brat_report(*ALL_HARBOR, levy_found())["views"]
    assert {name: (v["gold"], v["precision"], v["recall"], v["speaker_accuracy"]) for name, v in views.items()} == {
        "all": (5, 1.0, 1.0, 1.0), "speech": (4, 1.0, 1.0, 1.0), "direct": (1, 1.0, 1.0, 1.0)}
    assert views["all"]["exact_f1"] == 1.0


def test_missing_and_spurious_predictions():
    spurious = harbor("The Harbor Alliance, a group of fishermen, welcomed the decision")
    report = brat_report(ALL_HARBOR[0], ALL_HARBOR[2], spurious)
    assert {k: report["views"]["all"][k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")} == {
        "tp": 2, "fp": 1, "fn": 3, "precision": 0.6667, "recall": 0.4, "f1": 0.5}
    assert report["articles_by_errors"][0] == {"article": "harbor-vote", "errors": 3, "missed": 2,
                                               "spurious": 1, "wrong_speaker": 0}


def test_overlap_must_reach_half_of_the_longer_span():
    short = brat_report(harbor("the plan would cost"))["views"]["all"]  # 19 of 40 characters
    assert (short["tp"], short["fp"]) == (0, 1)
    long = brat_report(harbor("the plan would cost less than"))["views"]["all"]  # 29 of 40
    assert (long["tp"], long["fp"], long["exact_f1"]) == (1, 0, 0.0)


def test_each_half_of_a_split_quote_matches_without_a_false_positive():
    halves = [harbor("We owe the fishermen one more hearing", "direct"), harbor("Then we vote", "direct")]
    view = brat_report(*halves)["views"]["direct"]
    assert (view["tp"], view["fp"], view["fn"], view["exact_f1"]) == (1, 0, 0, 1.0)


def test_speech_view_ignores_beliefs_and_direct_view_ignores_indirect_predictions():
    belief = harbor("the delay will help the plan pass")
    unquoted = harbor("The Harbor Alliance, a group of fishermen, welcomed the decision", "indirect")
    views = brat_report(belief, unquoted)["views"]
    assert (views["all"]["tp"], views["all"]["fp"]) == (1, 1)
    assert (views["speech"]["tp"], views["speech"]["fp"]) == (0, 1)
    assert (views["direct"]["tp"], views["direct"]["fp"]) == (0, 0)
    quoted = harbor("The Harbor Alliance, a group of fishermen, welcomed the decision", "direct")
    assert brat_report(quoted)["views"]["direct"]["fp"] == 1


def test_speaker_is_right_when_its_span_overlaps_a_gold_source():
    right = harbor("the plan would cost less than $4 million", speaker=("Ellis",))
    wrong = harbor("We owe the fishermen one more hearing", "direct", ("Mayor Ellis Grant",))
    absent = harbor("the delay will help the plan pass")
    views = brat_report(right, wrong, absent)["views"]
    assert views["all"]["speaker_accuracy"] == round(1 / 3, 4)
    assert views["direct"]["speaker_accuracy"] == 0.0


def test_jsonl_gold_scored_against_itself():
    report = jsonl_report(gold_records())
    assert report["articles"] == 2
    assert {name: (v["gold"], v["f1"], v["exact_f1"], v["speaker_accuracy"], v["source_kind_accuracy"],
                   v["type_accuracy"]) for name, v in report["views"].items()} == {
        "all": (3, 1.0, 1.0, 1.0, 1.0, 1.0), "speech": (3, 1.0, 1.0, 1.0, 1.0, 1.0),
        "direct": (2, 1.0, 1.0, 1.0, 1.0, 1.0)}
    assert {name: v["gold"] for name, v in report["types"].items()} == {"direct": 1, "partial": 1, "indirect": 1}


def test_optional_gold_is_neither_missed_nor_a_hit():
    required = [r for r in gold_records() if r["quote"] and not r.get("optional")]
    assert jsonl_report(required)["views"]["all"]["recall"] == 1.0
    with_optional = jsonl_report(gold_records())["views"]["all"]
    assert (with_optional["tp"], with_optional["fp"]) == (3, 0)


def test_a_prediction_in_an_article_without_gold_attributions_is_false():
    quiet = (GOLD / "jsonl" / "quiet-day.txt").read_text(encoding="utf-8")
    found = record("quiet-day", quiet, "Green Valley", "direct")
    view = jsonl_report(gold_records() + [found])["views"]["all"]
    assert (view["tp"], view["fp"], view["precision"]) == (3, 1, 0.75)


def test_source_kind_speaker_name_and_type_accuracy():
    records = [r for r in gold_records() if r["quote"]][:3]
    records[0]["speaker_name"] = "Anand Kumar"  # wrong person
    records[1]["speaker_name"] = "Kulkarni"  # a part of the gold name
    records[1]["source"] = {"kind": "press_conference"}
    records[2]["type"] = "indirect"
    view = jsonl_report(records)["views"]["all"]
    assert (view["speaker_accuracy"], view["source_kind_accuracy"], view["type_accuracy"]) == (
        0.6667, 0.6667, 0.6667)


def test_rows_by_gold_type():
    records = [r for r in gold_records() if r["quote"] and r["type"] != "direct"]
    types = jsonl_report(records)["types"]
    assert {name: v["recall"] for name, v in types.items()} == {"direct": 0.0, "partial": 1.0, "indirect": 1.0}


def test_names_match_ignoring_case_accents_articles_and_extra_words():
    assert names_match("the Ministry of Ports", "Ministry of ports")
    assert names_match("Hélène Dubois", "Helene Dubois")
    assert names_match("Ilango", "T Ilango")
    assert not names_match("Ilan", "T Ilango")
    assert not names_match(None, "T Ilango")


def test_jsonl_gold_whose_quote_text_is_not_at_its_offsets(tmp_path):
    records = gold_records()
    records[0]["quote"]["start"] += 1
    bad = tmp_path / "gold.jsonl"
    bad.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold.jsonl: line 1: quote text differs from canal-lining.txt"):
        read_gold(bad, {p.stem: p for p in (GOLD / "jsonl").glob("*.txt")})


def test_cli_scores_a_predictions_file_and_writes_a_report(tmp_path):
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("\n".join(json.dumps(r) for r in ALL_HARBOR), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(BRAT), str(predictions), "--json",
                                      str(tmp_path / "report.json"), "--worst", "1"])
    assert result.exit_code == 0, result.output
    speech = next(line for line in result.output.splitlines() if line.startswith("speech"))
    assert speech.split()[1:8] == ["4", "3", "0", "1", "1.000", "0.750", "0.857"]
    assert "school-levy  (missed 1, spurious 0, wrong speaker 0)" in result.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["views"]["direct"]["f1"] == 1.0


def test_cli_reads_jsonl_gold_articles_from_the_articles_option(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(JSONL.read_text(encoding="utf-8"), encoding="utf-8")
    missing = CliRunner().invoke(cli, ["evaluate", str(gold), str(JSONL)])
    assert missing.exit_code == 1
    assert "no text found for article 'canal-lining'" in missing.output
    found = CliRunner().invoke(cli, ["evaluate", str(gold), str(JSONL), "--articles", str(GOLD / "jsonl")])
    assert found.exit_code == 0, found.output
    assert found.output.splitlines()[2].split()[:8] == ["all", "3", "3", "0", "0", "1.000", "1.000", "1.000"]


def test_cli_rejects_a_bad_predictions_line(tmp_path):
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps(ALL_HARBOR[0]) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(BRAT), str(predictions)])
    assert result.exit_code == 1
    assert f"{predictions}: line 2: invalid JSON" in result.output


def test_cli_extracting_articles_scores_as_their_extract_output(tmp_path):
    articles = GOLD / "jsonl"
    # The article files only: a folder's .jsonl files are read as article records.
    extracted = CliRunner().invoke(cli, ["extract", *sorted(str(path) for path in articles.glob("*.txt"))])
    assert extracted.exit_code == 0, extracted.output
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(extracted.output, encoding="utf-8")
    from_file = CliRunner().invoke(cli, ["evaluate", str(JSONL), str(predictions), "--articles", str(articles)])
    from_paths = CliRunner().invoke(cli, ["evaluate", str(JSONL), str(articles)])
    assert from_paths.exit_code == 0, from_paths.output
    assert from_paths.output == from_file.output


def perturbed_predictions(gold):
    """Predictions built from PolNeAR gold at run time: missed, split, shifted, exact, wrongly
    attributed and spurious spans, so that every matching rule is exercised."""
    for stem, article in gold.items():
        text = article.text

        def found(start, end, type, speaker):
            return {"article": stem, "quote": {"text": text[start:end], "start": start, "end": end}, "type": type,
                    "speaker": {"text": text[speaker[0]:speaker[1]], "start": speaker[0], "end": speaker[1]}
                    if speaker else None}

        yield found(0, min(100, len(text)), "direct", None)
        for k, g in enumerate(article.gold):
            (start, end), source = g.span, (g.source_spans or [None])[0]
            cut = (end - start) * (k % 5) // 5
            if k % 4 == 1:
                yield from (found(s, e, "direct", source) for s, e in g.segments)
            elif k % 4 == 2:
                yield found(start + cut, min(end + 3, len(text)), ("direct", "partial", "indirect")[k % 3], source)
            elif k % 4 == 3:
                yield found(start, end, None, (0, 1))
                if source:
                    yield found(source[0], source[1], "indirect", source)


@pytest.mark.skipif(not (SHARED / "eval" / "polnear_score.py").exists(), reason="needs ../shared (PolNeAR)")
def test_agrees_with_the_reference_scorer_on_polnear_dev(tmp_path):
    split = SHARED / "polnear" / "data" / "dev"
    gold = read_brat(split)
    records = list(perturbed_predictions(gold))
    predictions = tmp_path / "dev.jsonl"
    predictions.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    reference = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "polnear_score.py"), str(split), str(predictions), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours = score(gold, collect_predictions([("dev", r) for r in records], gold)[0])["views"]
    for view in ("all", "speech", "direct"):
        assert reference[view]["tp"] > 0
        assert (ours[view]["tp"], ours[view]["fp"], ours[view]["fn"]) == (
            reference[view]["tp"], reference[view]["fp"], reference[view]["fn"])
        for key, theirs in (("f1", "f1"), ("precision", "precision"), ("recall", "recall"),
                            ("speaker_accuracy", "speaker_acc")):
            assert ours[view][key] == pytest.approx(reference[view][theirs], abs=0.005)
