"""`datasette-quotes load` at scale: wall time, articles/s and peak memory.

    python benchmarks/load_scale.py                          # 100,000 articles, plain `load`
    python benchmarks/load_scale.py --articles 10000
    python benchmarks/load_scale.py --workers 1 --workers 2  # one `load --workers N` run each
    python benchmarks/load_scale.py --articles 10000 --writer  # the writer alone: `load --shards`

The corpus is generated at run time in a temporary folder (deleted afterwards, never
committed): each article takes the first paragraph of one of the project's `data/` articles,
with a new date, then 4 to 10 paragraphs drawn from all of them, so every article is new
text. Memory is the resident set of `load` and of every process it starts, sampled every
50 ms: the peak of their sum, and the peak of the largest single process. CPU is the user
and system time of the command and every process it started.

With --writer, the corpus is first extracted to JSON Lines shards by `extract` processes
(one per core, timed apart), then `load --shards` stores them: the writer's own rate.
"""
import os
import random
import resource
import shutil
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import click
import psutil

ROOT = Path(__file__).resolve().parents[1]
ARTICLES_PER_FOLDER = 1000
SAMPLE_SECONDS = 0.05


def paragraphs_of(source: Path) -> tuple[list[str], list[str]]:
    """The first paragraphs (date header and dateline) and all the later ones."""
    leads, bodies = [], []
    for path in sorted(source.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        leads.append(paragraphs[0])
        bodies.extend(paragraphs[1:])
    return leads, bodies


def generate(source: Path, folder: Path, count: int, seed: int) -> int:
    """Write `count` recombined articles under `folder`; return their total size in bytes."""
    leads, bodies = paragraphs_of(source)
    rng = random.Random(seed)
    first_day = date(2024, 1, 1)
    size = 0
    for i in range(count):
        day = first_day + timedelta(days=rng.randrange(730))
        lead = rng.choice(leads)
        if lead.startswith("date "):
            lead = f"date {day.isoformat()}" + lead[len("date 2026-01-01"):]
        text = "\n\n".join([lead, *rng.sample(bodies, rng.randint(4, 10))]) + "\n"
        sub = folder / f"{i // ARTICLES_PER_FOLDER:04d}"
        if i % ARTICLES_PER_FOLDER == 0:
            sub.mkdir()
        size += (sub / f"{i:07d}.txt").write_text(text, encoding="utf-8")
    return size


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def extract_shards(tool: str, corpus: Path, shards: Path) -> float:
    """`extract` the corpus's folders into shards, one process per core; the wall seconds."""
    folders = sorted(corpus.iterdir())
    cores = os.cpu_count() or 1
    started = time.perf_counter()
    processes = []
    for core in range(min(cores, len(folders))):
        with open(shards / f"{core:06d}.jsonl", "w", encoding="utf-8") as out:
            processes.append(subprocess.Popen([tool, "extract", *map(str, folders[core::cores])], stdout=out))
    if any(process.wait() for process in processes):
        raise click.ClickException("extract failed")
    return time.perf_counter() - started


def run_measured(args: list[str]) -> tuple[float, int, int, str, float]:
    """Run a command; return wall seconds, peak summed RSS of its process tree, the peak
    RSS of its largest single process (both bytes), its last output line and its CPU seconds."""
    cpu = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root = psutil.Process(process.pid)
    peak = largest = 0
    while process.poll() is None:
        time.sleep(SAMPLE_SECONDS)
        try:
            sizes = [p.memory_info().rss for p in [root, *root.children(recursive=True)]]
        except psutil.Error:  # a process ended between listing and reading it
            continue
        peak, largest = max(peak, sum(sizes)), max(largest, *sizes)
    seconds = time.perf_counter() - started
    output = process.stdout.read().strip().splitlines()
    if process.returncode:
        raise click.ClickException(f"{' '.join(args)} failed ({process.returncode}): {output[-1:]}")
    return seconds, peak, largest, output[-1] if output else "", children_cpu() - cpu


@click.command()
@click.option("--articles", "count", type=click.IntRange(min=1), default=100_000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), multiple=True,
              help="Run `load --workers N` (repeat for several runs); without it, one plain `load`.")
@click.option("--source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=ROOT / "data", show_default=True, help="Articles whose paragraphs are recombined.")
@click.option("--seed", default=1, show_default=True)
@click.option("--writer", is_flag=True, help="Extract to shards first, then time `load --shards` alone.")
def main(count, workers, source, seed, writer):
    scratch = Path(tempfile.mkdtemp(prefix="quotes-load-"))
    try:
        corpus = scratch / "articles"
        corpus.mkdir()
        started = time.perf_counter()
        size = generate(source, corpus, count, seed)
        click.echo(f"Generated {count:,} articles ({size / 2**20:,.0f} MB) in {time.perf_counter() - started:.0f} s")
        load = shutil.which("datasette-quotes")
        if load is None:
            raise click.ClickException("datasette-quotes is not on PATH: pip install -e .")
        runs = [(f"load --workers {n}" if n else "load", [str(corpus)] + (["--workers", str(n)] if n else []))
                for n in workers or [None]]
        if writer:
            shards = scratch / "shards"
            shards.mkdir()
            seconds = extract_shards(load, corpus, shards)
            size = sum(path.stat().st_size for path in shards.iterdir())
            click.echo(f"Extracted to shards ({size / 2**20:,.0f} MB) in {seconds:.0f} s")
            runs = [("load --shards", ["--shards", str(shards)])]
        for label, load_args in runs:
            db_path = scratch / f"quotes-{len(label)}.db"
            seconds, peak, largest, summary, cpu = run_measured([load, "load", str(db_path), *load_args])
            click.echo(f"{label}: {seconds:.1f} s, {count / seconds:,.0f} articles/s; CPU {cpu:.1f} s, "
                       f"{count / cpu:,.0f} articles per CPU second; peak memory "
                       f"{peak / 2**20:,.0f} MB (process tree), largest process {largest / 2**20:,.0f} MB, "
                       f"database {db_path.stat().st_size / 2**20:,.0f} MB")
            click.echo(f"  {summary}")
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
