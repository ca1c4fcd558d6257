"""`extract` JSON Lines back into store articles, so `load --shards` stores what
`extract` or `dask-extract` found without extracting again.

The first record of each article carries its text (`article_text`; null on the
article's later records, so shards stay small); the records of one article are
consecutive, as `extract` and `dask-extract` write them. Articles in which nothing was
found have no record, so they are not in the shards.
"""
from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator

from . import ingest, store
from .extractor import ArticleMeta, Attribution, Extraction, Source, Span
from .table_source import Row

# Argument listing as for article PATHs (folders, globs, -), but a folder gives its shards.
SHARD_FILES = ingest.FileKind((".jsonl",), "folder holds no .jsonl shards", "matches no shard files")


class BadRecord(Exception):
    """A line that is not an `extract` record; the message says what is wrong."""


def json_records(extraction: Extraction, article: str, text: str, title: str | None = None,
                 url: str | None = None) -> list[dict]:
    """The `extract` records of one article: the extraction's, with the article's text
    on the first, and on each the title and URL that came with a page or record."""
    records = extraction.as_json_records(article)
    for position, record in enumerate(records):
        record["article_text"] = text if position == 0 else None
        record["article_title"] = title
        record["article_url"] = url
    return records


def argument_errors(paths: Iterable[str]) -> list[str]:
    """One message for each --shards argument that names no shard file."""
    return ingest.argument_errors(paths, SHARD_FILES)


def read_shards(paths: Iterable[str]) -> Iterator[Row]:
    """The articles of the shards the arguments name (a file, a folder of .jsonl files,
    a glob, or - for standard input), in order; a bad line or article gives an error
    naming the shard and the line, and the rest still loads."""
    for path in ingest.article_files(paths, SHARD_FILES):
        if path == ingest.STDIN:
            yield from _articles(sys.stdin, "<stdin>")
            continue
        try:
            with open(path, encoding="utf-8") as lines:
                yield from _articles(lines, str(path))
        except (OSError, UnicodeDecodeError) as error:
            yield Row(error=f"{path}: cannot read: {error}")


def _articles(lines: Iterable[str], source: str) -> Iterator[Row]:
    """Group consecutive records into articles: an article starts at a record with text."""
    current: tuple[str, str, list[dict], int] | None = None  # article, text, records, first line
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = _record(line)
        except BadRecord as error:
            yield Row(error=f"{source}:{number}: {error}")
            continue
        if record["article_text"] is None and current and record["article"] == current[0]:
            current[2].append(record)
            continue
        if current:
            yield _article(current, source)
            current = None
        if record["article_text"] is not None:
            current = (record["article"], record["article_text"], [record], number)
        else:
            yield Row(error=f"{source}:{number}: article {record['article']!r} has no article_text before this"
                            " record: write shards with a current `extract` or `dask-extract`")
    if current:
        yield _article(current, source)


def _record(line: str) -> dict:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise BadRecord(f"not JSON: {error}") from error
    if not isinstance(record, dict) or not isinstance(record.get("article"), str) or "quote" not in record:
        raise BadRecord("not an `extract` record (no \"article\" or \"quote\")")
    if not isinstance(record.get("article_text"), (str, type(None))):
        raise BadRecord("\"article_text\" is not a string")
    record.setdefault("article_text", None)
    return record


def _article(current: tuple[str, str, list[dict], int], source: str) -> Row:
    article, text, records, first_line = current
    try:
        extraction = Extraction(_meta(records[0]), tuple(_attribution(record, text) for record in records))
    except (BadRecord, KeyError, TypeError, ValueError) as error:
        message = f"missing field {error}" if isinstance(error, KeyError) else str(error)
        return Row(error=f"{source}:{first_line}: article {article!r}: {message}")
    first = records[0]
    return Row(article=store.Article(article, text, extraction, title=first.get("article_title"),
                                     url=first.get("article_url")))


def _meta(record: dict) -> ArticleMeta:
    meta = record["article_meta"]
    return ArticleMeta(date=meta["date"], dateline=meta["dateline"], agency=meta["agency"])


def _attribution(record: dict, text: str) -> Attribution:
    source = record["source"]
    if record["quote"] is None:
        raise BadRecord("a record without a quote")
    return Attribution(
        quote=_span(record["quote"], text),
        type=record["type"],
        speaker=_span(record["speaker"], text),
        speaker_name=record["speaker_name"],
        speaker_kind=record["speaker_kind"],
        speaker_title=record["speaker_title"],
        cue=_span(record["cue"], text),
        source=Source(kind=source["kind"], platform=source["platform"], date=source["date"],
                      via=tuple(source["via"])),
    )


def _span(span: dict | None, text: str) -> Span | None:
    """A span, checked against the article: offsets that do not give its text mean the
    record belongs to another text."""
    if span is None:
        return None
    start, end = span["start"], span["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != span["text"]:
        raise BadRecord(f"span {span['text'][:40]!r} at {start}-{end} is not in the article_text")
    return Span(span["text"], start, end)
