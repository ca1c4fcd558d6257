"""What speakers across articles and quote clusters cost: CPU seconds, one process.

    python benchmarks/across_articles.py                      # clusters of 50,000 and 200,000 quotations
    python benchmarks/across_articles.py --articles 10000     # and a `load` of 10,000 generated articles

Clustering runs on invented quotations (random words; one in a hundred carried again by
another article, whole or as a fragment), so its cost against size shows. The load uses
the corpus of load_scale.py (paragraphs of `data/` recombined, in a temporary folder) and
prints the CPU seconds of the whole load, of the per-batch speaker refresh and of the
end-of-load cluster refresh, timed in the same run.
"""
import random
import shutil
import tempfile
import time
from pathlib import Path

import click
from click.testing import CliRunner

from datasette_quotes import cluster_store, store
from datasette_quotes.cli import cli
from datasette_quotes.clusters import Quotation, cluster
from load_scale import generate

ROOT = Path(__file__).resolve().parents[1]


def quotations(count: int, rng: random.Random) -> list[Quotation]:
    vocabulary = [f"w{number}" for number in range(20_000)]
    found = [Quotation(f"q{n}", f"a{n}", " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 40))), "direct")
             for n in range(count)]
    for n in range(0, count, 100):
        words = found[n].text.split()
        carried = found[n].text.upper() if n % 200 == 0 else " ".join(words[1:7])
        found.append(Quotation(f"r{n}", f"b{n}", carried, "direct"))
    return found


def timed(spent: dict, name: str, function):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
    return wrapper


@click.command()
@click.option("--quotations", "sizes", type=int, multiple=True, default=[50_000, 200_000], show_default=True)
@click.option("--articles", type=int, help="Also load this many generated articles.")
def main(sizes, articles):
    rng = random.Random(1)
    for size in sizes:
        found = quotations(size, rng)
        started = time.process_time()
        groups = cluster(found)
        seconds = time.process_time() - started
        click.echo(f"cluster(): {len(found):,} quotations, {len(groups):,} clusters, {seconds:.2f} s CPU, "
                   f"{1e6 * seconds / len(found):.0f} µs a quotation")
    if not articles:
        return
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "corpus").mkdir()
        generate(ROOT / "data", folder / "corpus", articles, seed=1)
        spent = {"speakers": 0.0, "clusters": 0.0}
        store._refresh_speakers = timed(spent, "speakers", store._refresh_speakers)
        cluster_store.refresh_clusters = timed(spent, "clusters", cluster_store.refresh_clusters)
        started = time.process_time()
        result = CliRunner().invoke(cli, ["load", str(folder / "quotes.db"), str(folder / "corpus")])
        total = time.process_time() - started
        click.echo(result.output.strip().splitlines()[-1])
        click.echo(f"load: {total:.1f} s CPU; speaker refresh {spent['speakers']:.2f} s "
                   f"({100 * spent['speakers'] / total:.0f}%), cluster refresh {spent['clusters']:.2f} s "
                   f"({100 * spent['clusters'] / total:.0f}%)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
