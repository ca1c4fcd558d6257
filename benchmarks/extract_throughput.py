"""Extraction throughput on one core: articles/s and words/s over the PolNeAR train articles,
beside a one-regex quote-pairing baseline timed in the same run.

    python benchmarks/extract_throughput.py                # 5 repeats, best and median
    python benchmarks/extract_throughput.py --profile 25   # plus the top 25 functions by own time
    python benchmarks/extract_throughput.py --against /tmp/before   # beside an earlier version

`--against DIR` takes a folder holding another version's `datasette_quotes` package (for
instance `git worktree add /tmp/before HEAD~3`) and times both versions in alternating
rounds in this one process, so that the other jobs of a shared machine weigh on both alike.

The articles are read once, before any timing, from ../shared/polnear/data/train/text
(relative to the project root); start-up and file reading are not timed. Times are the
process's CPU time, so other jobs on a shared machine barely move them. Nothing from
them is written anywhere.
"""
import cProfile
import importlib
import pstats
import statistics
import sys
import time
from pathlib import Path

import click
import regex

from datasette_quotes.extractor import extract

ROOT = Path(__file__).resolve().parents[1]
TRAIN_TEXT = ROOT.parent / "shared" / "polnear" / "data" / "train" / "text"
# The baseline: pair a double opening mark with the next closing one in the same paragraph.
QUOTE_PAIR = regex.compile(r"[\"“]([^\"“”\n]*)[\"”]")


def run_extractor(texts: list[str]) -> int:
    return sum(len(extract(text).attributions) for text in texts)


def run_baseline(texts: list[str]) -> int:
    return sum(len(QUOTE_PAIR.findall(text)) for text in texts)


def extractor_in(root: Path):
    """The `extract` function of the datasette_quotes package in `root`, imported beside the
    one this script runs (which stays in place under its own name)."""
    def ours():
        return {name: module for name, module in sys.modules.items() if name.split(".")[0] == "datasette_quotes"}

    current = ours()
    for name in current:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        other = importlib.import_module("datasette_quotes.extractor").extract
    finally:
        sys.path.remove(str(root))
        for name in ours():
            del sys.modules[name]
        sys.modules.update(current)
    if not Path(other.__code__.co_filename).resolve().is_relative_to(root.resolve()):
        raise click.ClickException(f"{root}: holds no datasette_quotes package")
    return other


def alternating(versions: dict, texts: list[str], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each round of each version, the versions taking turns to go first."""
    times = {name: [] for name in versions}
    order = list(versions)
    for round_number in range(rounds):
        for name in order if round_number % 2 == 0 else reversed(order):
            extract_function = versions[name]
            started = time.process_time()
            for text in texts:
                extract_function(text)
            times[name].append(time.process_time() - started)
    return times


def best_and_median(function, texts: list[str], repeats: int) -> tuple[float, float, int]:
    """CPU seconds of this process (the machine is shared: wall time is noise) for the fastest and the median of `repeats` passes over all texts, and what one pass found."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        found = function(texts)
        times.append(time.process_time() - started)
    return min(times), statistics.median(times), found


@click.command()
@click.option("--texts", "text_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=TRAIN_TEXT, show_default=True, help="Folder of .txt articles.")
@click.option("--repeats", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--against", "other_root", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder holding another version's datasette_quotes package, timed in alternating rounds with this one.")
@click.option("--profile", "profile_top", type=click.IntRange(min=1), metavar="N",
              help="Also profile one pass of the extractor and print its N costliest functions.")
def main(text_dir, repeats, other_root, profile_top):
    texts = [path.read_text(encoding="utf-8") for path in sorted(text_dir.glob("*.txt"))]
    if not texts:
        raise click.ClickException(f"{text_dir}: no .txt articles")
    words = sum(len(text.split()) for text in texts)
    click.echo(f"{len(texts)} articles, {words} words ({words / len(texts):.0f} words/article) from {text_dir}")
    run_extractor(texts[:20])  # warm up caches (lazily compiled patterns) before timing

    rows = [("extractor", *best_and_median(run_extractor, texts, repeats)),
            ("baseline regex", *best_and_median(run_baseline, texts, repeats))]
    click.echo(f"{'':15s} {'best s':>8s} {'median s':>9s} {'articles/s':>11s} {'words/s':>12s} {'found':>7s}")
    for name, best, median, found in rows:
        click.echo(f"{name:15s} {best:8.3f} {median:9.3f} {len(texts) / best:11,.0f} {words / best:12,.0f} {found:7d}")
    ratio = rows[0][1] / rows[1][1]
    click.echo(f"extractor/baseline time ratio (best): {ratio:,.0f}x  "
               f"(articles/s, best {len(texts) / rows[0][1]:,.0f}; median {len(texts) / rows[0][2]:,.0f})")

    if other_root:
        versions = {"this version": extract, f"{other_root}": extractor_in(other_root)}
        for extract_function in versions.values():
            for text in texts[:20]:
                extract_function(text)
        times = alternating(versions, texts, repeats)
        click.echo(f"\nAlternating rounds, {repeats} each:")
        for name, rounds in times.items():
            click.echo(f"{name:30s} best {len(texts) / min(rounds):6,.0f} articles/s, median {len(texts) / statistics.median(rounds):6,.0f}")
        this, other = (min(rounds) for rounds in times.values())
        click.echo(f"this version is {other / this:.2f}x as fast (best rounds)")

    if profile_top:
        profiler = cProfile.Profile()
        profiler.runcall(run_extractor, texts)
        click.echo(f"\nTop {profile_top} functions by own time (one profiled pass):")
        stats = pstats.Stats(profiler, stream=click.get_text_stream("stdout"))
        stats.strip_dirs().sort_stats("tottime").print_stats(profile_top)


if __name__ == "__main__":
    main()
