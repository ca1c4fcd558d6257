"""Does the extractor still give the same output? For speed work: record every `extract`
record of a fixed set of articles once, then compare after each change.

    python benchmarks/extract_equivalence.py --record /tmp/before.jsonl
    python benchmarks/extract_equivalence.py --compare /tmp/before.jsonl

The articles: PolNeAR train and dev and wire-dev (read from ../shared at run time),
`data/` and the seed. The recording holds their text's extractions, so it belongs in a
temporary folder, never in the project. `--compare` prints each article whose records
differ, with the first differing record on each side, and exits 1 when any does.
"""
import json
import sys
from pathlib import Path

import click

from datasette_quotes.extractor import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = (
    SHARED / "polnear" / "data" / "train" / "text",
    SHARED / "polnear" / "data" / "dev" / "text",
    SHARED / "wire-dev",
    ROOT / "data",
    ROOT / "tests" / "fixtures" / "seed",
)


def article_paths() -> list[Path]:
    return [path for folder in FOLDERS for path in sorted(folder.rglob("*.txt"))]


def extractions() -> dict[str, list[dict]]:
    """Each article's records, keyed by its path relative to the folder above the project."""
    found = {}
    for path in article_paths():
        name = str(path.relative_to(ROOT.parent))
        found[name] = extract(path.read_text(encoding="utf-8")).as_json_records(name)
    return found


@click.command()
@click.option("--record", "record_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every article's records to this JSON Lines file.")
@click.option("--compare", "compare_with", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Compare every article's records with this earlier recording.")
def main(record_to, compare_with):
    if not (record_to or compare_with):
        raise click.UsageError("give --record FILE or --compare FILE")
    current = extractions()
    click.echo(f"{len(current)} articles, {sum(map(len, current.values()))} records")
    if record_to:
        with record_to.open("w", encoding="utf-8") as out:
            for name, records in current.items():
                out.write(json.dumps({"article": name, "records": records}, ensure_ascii=False) + "\n")
    if compare_with:
        before = {}
        with compare_with.open(encoding="utf-8") as recorded:
            for line in recorded:
                row = json.loads(line)
                before[row["article"]] = row["records"]
        differing = [name for name in sorted(before.keys() | current.keys()) if before.get(name) != current.get(name)]
        for name in differing:
            old, new = before.get(name, []), current.get(name, [])
            first = next((i for i, pair in enumerate(zip(old, new)) if pair[0] != pair[1]), min(len(old), len(new)))
            click.echo(f"{name}: {len(old)} -> {len(new)} records; first difference at record {first}")
            click.echo(f"  before: {json.dumps(old[first], ensure_ascii=False) if first < len(old) else '-'}")
            click.echo(f"  after:  {json.dumps(new[first], ensure_ascii=False) if first < len(new) else '-'}")
        click.echo(f"{len(differing)} of {len(before)} articles differ")
        if differing:
            sys.exit(1)


if __name__ == "__main__":
    main()
