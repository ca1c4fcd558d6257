"""Extraction on Dask, for archives too large for one machine.

The extractor is mapped over a `dask.bag` of articles and the attributions are written
as JSON Lines shards, one per partition, in exactly the `extract` format. Whatever
scheduler is active runs it: a `distributed.Client` connected to a cluster's scheduler,
a `LocalCluster`, or Dask's default local scheduler.

    from dask.distributed import Client
    from datasette_quotes.dask_extract import articles_from_paths, extract_to_shards

    with Client("tcp://scheduler:8786"):
        shards = extract_to_shards(articles_from_paths(paths), "out/")

Needs the `dask` extra: `pip install 'datasette-quotes[dask]'`.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath

import dask.bag as db
import fsspec

from .extractor import extract

# Articles per partition (one task, one shard): big enough that scheduling costs little
# next to extraction, small enough to spread a few thousand files over many workers.
ARTICLES_PER_PARTITION = 500
# Bytes of JSON Lines input per partition.
JSONL_BLOCKSIZE = 64 * 2**20


def articles_from_paths(paths: list[str]) -> db.Bag:
    """A bag of `(article, text)` from text files and `.jsonl` record files: the text
    files first, then the records, each in the order given."""
    texts = [str(path) for path in paths if not str(path).endswith(".jsonl")]
    records = [str(path) for path in paths if str(path).endswith(".jsonl")]
    bags = ([articles_from_files(texts)] if texts else []) + ([articles_from_jsonl(records)] if records else [])
    return bags[0] if len(bags) == 1 else db.concat(bags)


def articles_from_files(paths: list[str], partition_size: int = ARTICLES_PER_PARTITION) -> db.Bag:
    """A bag of `(article, text)`: each file read by the worker that extracts it.

    Paths may be local (on a file system every worker sees) or fsspec URLs (`s3://...`).
    `article` is the file name without its extension, as `extract` names it. Text is
    decoded as UTF-8 with invalid bytes replaced, as `extract` reads it. Blank files
    are dropped, as `extract` skips them.
    """
    return (db.from_sequence(list(paths), partition_size=partition_size)
            .map(_read_file)
            .filter(lambda article: article[1].strip() != ""))


def articles_from_jsonl(urlpath, blocksize: int = JSONL_BLOCKSIZE) -> db.Bag:
    """A bag of `(article, text)` from JSON Lines files of `{"article": ..., "text": ...}` records.

    `urlpath` is a path, a glob or a list of them (local or fsspec URLs); large files are
    split into blocks of `blocksize` bytes, one partition each.
    """
    lines = db.read_text(urlpath, blocksize=blocksize, encoding="utf-8", include_path=True)
    return lines.filter(lambda line_path: line_path[0].strip() != "").map(_read_record)


def extract_records(articles: db.Bag) -> db.Bag:
    """The `extract` JSON Lines records of every article, in article order."""
    return articles.map(_extract_article).flatten()


def extract_to_shards(articles: db.Bag, outdir: str) -> list[str]:
    """Extract every article and write `OUTDIR/NNNNNN.jsonl` shards; return their paths.

    Read in name order, the shards hold the same lines as `datasette-quotes extract`
    over the same articles in the same order. Runs on the active Dask scheduler.
    """
    lines = extract_records(articles).map(json.dumps, ensure_ascii=False)
    return lines.to_textfiles(f"{outdir.rstrip('/')}/*.jsonl", name_function=lambda i: f"{i:06d}",
                              encoding="utf-8", last_endline=True)


def _read_file(path: str) -> tuple[str, str]:
    with fsspec.open(path, "rb") as file:
        data = file.read()
    return PurePosixPath(str(path)).stem, data.decode("utf-8", errors="replace")


def _read_record(line_path: tuple[str, str]) -> tuple[str, str]:
    line, path = line_path
    try:
        record = json.loads(line)
        article, text = record["article"], record["text"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not a JSON Lines record with \"article\" and \"text\": {line[:60]!r}") from error
    if not isinstance(article, str) or not isinstance(text, str):
        raise ValueError(f"{path}: \"article\" and \"text\" must be strings: {line[:60]!r}")
    return article, text


def _extract_article(article: tuple[str, str]) -> list[dict]:
    name, text = article
    try:
        return extract(text).as_json_records(name)
    except Exception as error:  # name the article: a bare traceback from a worker does not
        raise RuntimeError(f"{name}: extraction failed: {type(error).__name__}: {error}") from error
