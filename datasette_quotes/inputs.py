"""Articles in the forms news is kept in: JSON, JSON Lines and CSV records, and saved
HTML pages. Records stream from their file; a page's main text, title and publication
date come from trafilatura. No extraction and no SQLite here.
"""
from __future__ import annotations

import codecs
import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from .sql_functions import article_day

FORMATS = ("text", "html", "json", "jsonl", "csv")
RECORD_FORMATS = ("json", "jsonl", "csv")
FORMAT_BY_SUFFIX = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json",
                    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
# What standard input is called in messages and in the stored `file` and `source`.
STDIN = Path("<stdin>")
# The longest news stories run to a few hundred kilobytes; a file or record many times
# that is a dump or a scrape gone wrong, and would hold up a load for nothing useful.
MAX_ARTICLE_BYTES = 2_000_000
# Publication date rather than last modification, and no guessing from copyright lines
# or stray numbers in the page: a wrong date would override the one in the text.
PAGE_DATE_SEARCH = {"original_date": True, "extensive_search": False}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
JSON_TYPE_NAMES = {bool: "true or false", int: "a number", float: "a number", list: "an array", dict: "an object"}


class BadFile(Exception):
    """A file or record that cannot be used; the message names it and the problem."""


@dataclass(frozen=True)
class Columns:
    """The record fields that hold each part of an article (`--text`, `--id`, ...).

    A field named on the command line (`named`) must be in every record; one left at its
    default may be missing, except the text.
    """

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    named: frozenset[str] = frozenset()

    def required(self) -> list[str]:
        return [self.text, *(getattr(self, part) for part in ("id", "date", "title", "url") if part in self.named)]


@dataclass(frozen=True)
class Input:
    """One article as read, with what came with it."""

    path: Path  # the file it was read from (a record's file; STDIN)
    name: str  # `extract`'s "article": the file name without extension, or the record's id
    source: str  # the file's path, or FILE#ID for a record (FILE#N, its number, without an id)
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    warning: str | None = None


def format_of(path: Path, chosen: str | None) -> str:
    """The chosen --format, else the one the file's extension gives; plain text otherwise."""
    return chosen or FORMAT_BY_SUFFIX.get(path.suffix.lower(), "text")


def read_records(stream: IO[bytes], path: Path, form: str, columns: Columns) -> Iterator[Input | BadFile]:
    """The articles of a JSON, JSON Lines or CSV file, in order, each an Input or the
    BadFile that names its record and problem. JSON Lines and CSV stream record by
    record, and a record with invalid UTF-8 is used with a warning, as a file would be."""
    lines = Lines(stream, path)
    try:
        if form == "jsonl":
            records = _json_lines(lines)
        elif form == "json":
            records = ((record, False) for record in _json_array(stream, path))
        else:
            records = _csv_rows(lines, path, columns)
        for number, (record, replaced) in enumerate(records, 1):
            try:
                yield _record_input(record, path, number, columns, replaced)
            except BadFile as error:
                yield error
    except BadFile as error:
        yield error
    except csv.Error as error:
        yield BadFile(f"{path}: not valid CSV: {error}")


class Lines:
    """The lines of a binary stream as text. A line that is not valid UTF-8 has its bad
    bytes replaced and `replaced` set, so that the record it is part of can say so."""

    def __init__(self, stream: IO[bytes], path: Path):
        self.stream = stream
        self.path = path
        self.replaced = False

    def __iter__(self) -> Iterator[str]:
        for number, line in enumerate(self.stream):
            if number == 0:
                if line.startswith(UTF16_BOMS):
                    raise BadFile(f"{self.path}: UTF-16 text; convert it to UTF-8")
                # Spreadsheets often start their CSV exports with a UTF-8 byte-order mark.
                line = line.removeprefix(codecs.BOM_UTF8)
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError:
                self.replaced = True
                yield line.decode("utf-8", errors="replace")

    def take_replaced(self) -> bool:
        """Whether bytes were replaced since the last call."""
        replaced, self.replaced = self.replaced, False
        return replaced


def _json_lines(lines: Lines) -> Iterator[tuple[object, bool]]:
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line.rstrip())
        except json.JSONDecodeError as error:
            record = BadFile(f"not valid JSON: {error.msg} (column {error.colno})")
        yield record, lines.take_replaced()


def _json_array(stream: IO[bytes], path: Path) -> list:
    try:
        records = json.load(stream)
    except json.JSONDecodeError as error:
        raise BadFile(f"{path}: not valid JSON: {error.msg} (line {error.lineno} column {error.colno})") from error
    except UnicodeDecodeError as error:
        raise BadFile(f"{path}: not valid UTF-8 (byte {error.start})") from error
    if not isinstance(records, list):
        raise BadFile(f"{path}: not a JSON array of records")
    return records


def _csv_rows(lines: Lines, path: Path, columns: Columns) -> Iterator[tuple[dict, bool]]:
    # Articles are longer than the csv module's default field limit of 128 KB.
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    rows = csv.DictReader(lines)
    header = rows.fieldnames or []
    missing = [column for column in columns.required() if column not in header]
    if missing:
        raise BadFile(f"{path}: no column {', '.join(map(repr, missing))} (its columns: {', '.join(header)})")
    lines.take_replaced()  # a bad byte in the header is no record's
    for row in rows:
        yield row, lines.take_replaced()


def _record_input(record: object, path: Path, number: int, columns: Columns, replaced: bool) -> Input:
    where = f"{path}: record {number}"
    if isinstance(record, BadFile):
        raise BadFile(f"{where}: {record}")
    if not isinstance(record, dict):
        raise BadFile(f"{where}: {_json_type(record)}, not an object of fields")
    missing = [column for column in columns.required() if column not in record]
    if missing:
        raise BadFile(f"{where}: no field {', '.join(map(repr, missing))}")
    text = _text_value(record, columns.text, where)
    if not text or not text.strip():
        raise BadFile(f"{where}: {columns.text!r} is empty")
    if len(text) > MAX_ARTICLE_BYTES:
        raise BadFile(f"{where}: {columns.text!r} is too large for an article (limit {MAX_ARTICLE_BYTES / 1e6:g} MB)")
    record_id = _id_value(record, columns.id, where)
    try:
        date = article_day(record.get(columns.date))
    except ValueError as error:
        raise BadFile(f"{where}: {columns.date!r}: {error}") from error
    return Input(
        path,
        name=record_id or f"{path.stem}#{number}",
        source=f"{path}#{record_id or number}",
        # Universal newlines, as article files are read.
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        date=date,
        title=_text_value(record, columns.title, where) or None,
        url=_text_value(record, columns.url, where) or None,
        warning=f"{where}: not valid UTF-8, undecodable bytes replaced" if replaced else None,
    )


def _id_value(record: dict, column: str, where: str) -> str | None:
    value = record.get(column)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # ids are often numbers
    return _text_value(record, column, where) or None


def _text_value(record: dict, column: str, where: str) -> str | None:
    value = record.get(column)
    if value is not None and not isinstance(value, str):
        raise BadFile(f"{where}: {column!r} is {_json_type(value)}, not text")
    return value


def _json_type(value: object) -> str:
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def count_records(stream: IO[bytes], path: Path, form: str) -> int:
    """How many records a JSON, JSON Lines or CSV file holds, for a progress bar."""
    if form == "jsonl":
        return sum(1 for line in stream if line.strip())
    if form == "json":
        records = json.load(stream)
        return len(records) if isinstance(records, list) else 1
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    return max(0, sum(1 for _ in csv.reader(Lines(stream, path))) - 1)


def read_page(page: str | bytes, path: Path) -> Input:
    """A saved HTML page's main text, title, publication date and URL, by trafilatura.

    The text is what trafilatura keeps of the page, its blocks as paragraphs separated
    by a blank line, as in article files; offsets index it.
    """
    import trafilatura  # a heavy import, needed only when a page is met

    try:
        document = trafilatura.bare_extraction(page, with_metadata=True, date_extraction_params=PAGE_DATE_SEARCH)
    except Exception as error:  # one page that trips the parser must not stop the others
        message = " ".join(f"{type(error).__name__}: {error}".split())
        raise BadFile(f"{path}: an HTML page that trafilatura cannot read ({message})") from error
    paragraphs = [line.strip() for line in (document.text if document else "").split("\n") if line.strip()]
    # trafilatura repeats the headline as the text's first line. The title has its own
    # column, and a headline read as a sentence ("..., mayor says") would be an
    # attribution that the article's body does not make.
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise BadFile(f"{path}: an HTML page with no article text found in it")
    return Input(path, name=path.stem, source=str(path), text="\n\n".join(paragraphs),
                 date=article_day(document.date), title=document.title, url=document.url)
