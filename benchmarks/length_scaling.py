"""Extraction cost against article length, 10 KB to 1 MB, and on adversarial inputs.

    python benchmarks/length_scaling.py
    python benchmarks/length_scaling.py --repeats 1 --timeout 120

News text of each size is built at run time by joining PolNeAR train paragraphs (read from
../shared/polnear/data/train/text, never written anywhere) into one long article. Each size
is timed (best of --repeats, in the process's CPU time: the machine may be shared) and
reported as ms per KB; cost is linear when ms/KB at the largest size stays within
LINEAR_FACTOR of the smallest. Adversarial inputs are timed the
same way at two sizes, so a blow-up shows as a growing ms/KB.
"""
import itertools
import signal
import string
import time
from pathlib import Path

import click

from datasette_quotes.extractor import extract

ROOT = Path(__file__).resolve().parents[1]
TRAIN_TEXT = ROOT.parent / "shared" / "polnear" / "data" / "train" / "text"
SIZES_KB = (10, 30, 100, 300, 1000)
ADVERSARIAL_KB = (100, 400)
# ms/KB may vary this much from 10 KB to 1 MB and still count as linear.
LINEAR_FACTOR = 2.0
CAPITALISED = ["Alder", "Brook", "Cassel", "Dunmore", "Elbridge", "Fenwick", "Garron", "Hollis"]


class TooSlow(Exception):
    pass


def news_text(paragraphs: list[str], size: int) -> str:
    """About `size` characters of news: paragraphs in order, repeated if need be."""
    parts, length, i = [], 0, 0
    while length < size:
        parts.append(paragraphs[i % len(paragraphs)])
        length += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def distinct_speakers(size: int) -> str:
    """`Qaaaa said the plan works. Qaaab said ...`: a new one-word speaker in every sentence,
    each looked up against the article's full names."""
    names = ("Q" + "".join(letters) for letters in itertools.product(string.ascii_lowercase, repeat=4))
    parts, length = [], 0
    while length < size:
        parts.append(f"{next(names)} said the plan works. ")
        length += len(parts[-1])
    return "".join(parts)[:size]


def adversarial(news: str) -> dict[str, callable]:
    """Inputs that could make a careless pass blow up, each built to a given size."""
    flat = news.replace("\n", " ")
    return {
        "quote marks in a row": lambda size: repeat_to('"', size),
        "alternating “ and ”": lambda size: repeat_to("“”", size),
        "one unclosed quote": lambda size: "“" + flat.replace('"', "").replace("“", "").replace("”", "")[:size - 1],
        "capitalised words": lambda size: repeat_to(" ".join(CAPITALISED) + " ", size),
        "cue words": lambda size: repeat_to("said told reporters according to added stated ", size),
        "distinct one-word speakers": distinct_speakers,
        "no paragraph breaks": lambda size: flat[:size],
        "one sentence, no periods": lambda size: repeat_to("the minister said that the board said that ", size),
    }


def best_seconds(text: str, repeats: int, timeout: int) -> float:
    def interrupt(signum, frame):
        raise TooSlow

    best = float("inf")
    signal.signal(signal.SIGALRM, interrupt)
    for _ in range(repeats):
        signal.alarm(timeout)
        try:
            started = time.process_time()
            extract(text)
            best = min(best, time.process_time() - started)
        finally:
            signal.alarm(0)
    return best


def timed_row(label: str, text: str, repeats: int, timeout: int) -> float | None:
    kb = len(text.encode("utf-8")) / 1000
    try:
        seconds = best_seconds(text, repeats, timeout)
    except TooSlow:
        click.echo(f"{label:28s} {kb:8.0f} {'> ' + str(timeout):>10s}")
        return None
    click.echo(f"{label:28s} {kb:8.0f} {seconds:10.3f} {seconds * 1000 / kb:8.3f}")
    return seconds * 1000 / kb


@click.command()
@click.option("--texts", "text_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=TRAIN_TEXT, show_default=True, help="Folder of .txt articles whose paragraphs are joined.")
@click.option("--repeats", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--timeout", type=click.IntRange(min=1), default=60, show_default=True,
              help="Seconds after which one extraction counts as a failure.")
def main(text_dir, repeats, timeout):
    paragraphs = [p.strip() for path in sorted(text_dir.glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if not paragraphs:
        raise click.ClickException(f"{text_dir}: no .txt articles")
    news = news_text(paragraphs, max(SIZES_KB + ADVERSARIAL_KB) * 1000)
    extract(news[:10_000])  # warm up before timing

    click.echo(f"{'input':28s} {'KB':>8s} {'best s':>10s} {'ms/KB':>8s}")
    per_kb = [timed_row("news text", news[:kb * 1000], repeats, timeout) for kb in SIZES_KB]
    finished = [v for v in per_kb if v is not None]
    growth = per_kb[-1] / per_kb[0] if len(finished) == len(per_kb) else float("inf")
    verdict = "linear" if growth <= LINEAR_FACTOR else "NOT linear"
    click.echo(f"news text: ms/KB at {SIZES_KB[-1]} KB is {growth:.2f}x that at {SIZES_KB[0]} KB: {verdict}"
               f" (linear means within {LINEAR_FACTOR}x)")

    for label, build in adversarial(news).items():
        rates = [timed_row(label, build(kb * 1000), repeats, timeout) for kb in ADVERSARIAL_KB]
        if None not in rates:
            click.echo(f"{'':28s} ms/KB grows {rates[1] / rates[0]:.2f}x from {ADVERSARIAL_KB[0]} to {ADVERSARIAL_KB[1]} KB")


if __name__ == "__main__":
    main()
