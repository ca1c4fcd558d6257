"""Rerun the PolNeAR figures in one command: extract every article of a split, score the
extraction, and check that the reference scorer gives the same figures.

    python evaluation/polnear.py                 # the dev split
    python evaluation/polnear.py --split train   # the same figures on train, to show over-fitting

The articles are read at run time from ../shared/polnear/data/<split> (relative to the project
root); the test split is held out and never read here.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from datasette_quotes.evaluate import collect_predictions, extracted_records, read_brat, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# Figures agree when they differ by no more than this (the bar).
TOLERANCE = 0.005
# Our report's keys and the reference scorer's, for the figures compared.
COMPARED = {"precision": "precision", "recall": "recall", "f1": "f1", "speaker_accuracy": "speaker_acc"}


def run_reference(scorer: Path, split_dir: Path, predictions: Path) -> dict | str:
    """The reference scorer's figures, or the last line of its error output when it fails."""
    done = subprocess.run([sys.executable, str(scorer), str(split_dir), str(predictions), "--json"],
                          capture_output=True, text=True)
    if done.returncode:
        return (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return json.loads(done.stdout)


@click.command()
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=SHARED / "polnear" / "data", show_default=True, help="Folder holding the PolNeAR splits.")
@click.option("--reference", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=SHARED / "eval" / "polnear_score.py", show_default=True, help="The reference scorer.")
@click.option("--predictions", type=click.Path(dir_okay=False, path_type=Path),
              help="Keep the extraction as JSON Lines in this file.")
def main(split, data, reference, predictions):
    split_dir = data / split
    gold = read_brat(split_dir)
    started = time.perf_counter()
    records = extracted_records([split_dir / "text" / f"{stem}.txt" for stem in gold])
    seconds = time.perf_counter() - started
    views = score(gold, collect_predictions(records, gold)[0])["views"]

    click.echo(f"PolNeAR {split}: {len(gold)} articles, {len(records)} attributions extracted in {seconds:.1f} s")
    click.echo(f"{'view':8s} {'gold':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'speaker':>8s}")
    for name, v in views.items():
        click.echo(f"{name:8s} {v['gold']:5d} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}"
                   f" {v['speaker_accuracy'] or 0:8.3f}")
    click.echo(f"speech F1 {views['speech']['f1']:.3f}  direct F1 {views['direct']['f1']:.3f}  "
               f"direct-quote speaker accuracy {views['direct']['speaker_accuracy'] or 0:.3f}  "
               f"all-attributions F1 {views['all']['f1']:.3f}")

    with tempfile.TemporaryDirectory() as scratch:
        written = predictions or Path(scratch) / f"{split}.jsonl"
        written.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for _, r in records), encoding="utf-8")
        theirs = run_reference(reference, split_dir, written)
    if isinstance(theirs, str):
        click.echo(f"reference scorer failed on {split}, agreement not checked: {theirs}")
        sys.exit(1)
    gap = max(abs(views[view][ours] - theirs[view][key]) for view in views for ours, key in COMPARED.items()
              if views[view][ours] is not None and theirs[view][key] is not None)
    verdict = "agrees" if gap <= TOLERANCE else "DISAGREES"
    click.echo(f"reference scorer {verdict}: largest difference {gap:.4f} (tolerance {TOLERANCE})")
    sys.exit(0 if gap <= TOLERANCE else 1)


if __name__ == "__main__":
    main()
