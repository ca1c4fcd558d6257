"""Extraction on Dask, for archives too large for one machine.

The extractor is mapped over a `dask.bag` of articles and the attributions are written
as JSON Lines shards, one per partition, in exactly the `extract` format. Whatever
scheduler is active runs it: a `distributed.Client` connected to a cluster's scheduler,
a `LocalCluster`, or Dask's default local scheduler.

    from dask.distributed import Client
    from datasette_quotes.dask_extract import extract_paths, write_shards

    with Client("tcp://scheduler:8786"):
        shards, errors = write_shards(extract_paths(["archive/a.txt", "records.jsonl"]), "out/")

Needs the `dask` extra: `pip install 'datasette-quotes[dask]'`.
"""
from __future__ import annotations

import json
from pathlib import Path

import dask
import dask.bag as db

from .extractor import extract
from .ingest import extract_file
from .shards import json_records

# Files per partition (one task, one shard): enough that scheduling costs little next to
# extraction, few enough to spread a few thousand files over many workers.
FILES_PER_PARTITION = 500
# Bytes of JSON Lines input per partition.
JSONL_BLOCKSIZE = 64 * 2**20

# What each article becomes: its `extract` records, or the one-line error that stopped it.
Result = tuple[list[dict], str | None]


def extract_paths(paths: list[str]) -> db.Bag:
    """Results for text files and `.jsonl` record files: the text files first, then the
    records, each in the order given."""
    files = [str(path) for path in paths if not str(path).endswith(".jsonl")]
    records = [str(path) for path in paths if str(path).endswith(".jsonl")]
    bags = ([extract_files(files)] if files else []) + ([extract_jsonl(records)] if records else [])
    return bags[0] if len(bags) == 1 else db.concat(bags)


def extract_files(paths: list[str], partition_size: int = FILES_PER_PARTITION) -> db.Bag:
    """Results for article files, each read and extracted by a worker exactly as
    `datasette-quotes extract` reads and extracts it (same refusals, same errors).
    Every worker must see the paths (a shared file system)."""
    return db.from_sequence(list(paths), partition_size=partition_size).map(_extract_file)


def extract_jsonl(urlpath, blocksize: int = JSONL_BLOCKSIZE) -> db.Bag:
    """Results for JSON Lines files of `{"article": ..., "text": ...}` records.

    `urlpath` is a path, a glob or a list of them, local or fsspec URLs (`s3://...`);
    files larger than `blocksize` bytes are split into several partitions.
    """
    lines = db.read_text(urlpath, blocksize=blocksize, encoding="utf-8", include_path=True)
    return lines.filter(lambda line_path: line_path[0].strip() != "").map(_extract_record)


def write_shards(results: db.Bag, outdir: str) -> tuple[list[str], list[str]]:
    """Write `OUTDIR/NNNNNN.jsonl` shards; return their paths and the errors, in order.

    Read in name order, the shards hold the lines `datasette-quotes extract` prints for
    the same articles in the same order. One pass: each article is extracted once.
    """
    lines = results.map(lambda result: result[0]).flatten().map(json.dumps, ensure_ascii=False)
    shards = [str(Path(outdir) / f"{i:06d}.jsonl") for i in range(lines.npartitions)]
    write = lines.to_textfiles(shards, encoding="utf-8", last_endline=True, compute=False)
    errors = results.map(lambda result: result[1]).filter(lambda error: error is not None)
    _, error_list = dask.compute(write, errors)
    return shards, list(error_list)


def _extract_file(path: str) -> Result:
    extracted = extract_file(Path(path))
    if extracted.error:
        return [], extracted.error
    return json_records(extracted.extraction, extracted.path.stem, extracted.text), None


def _extract_record(line_path: tuple[str, str]) -> Result:
    line, path = line_path
    try:
        record = json.loads(line)
        article, text = record["article"], record["text"]
    except (ValueError, KeyError, TypeError):
        return [], f"{path}: not a JSON Lines record with \"article\" and \"text\": {line[:60]!r}"
    if not isinstance(article, str) or not isinstance(text, str):
        return [], f"{path}: \"article\" and \"text\" must be strings: {line[:60]!r}"
    try:
        return json_records(extract(text), article, text), None
    except Exception as error:  # one article that trips the extractor must not stop the others
        return [], f"{path}: article {article}: extraction failed: {' '.join(f'{type(error).__name__}: {error}'.split())}"
