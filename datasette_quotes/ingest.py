"""Articles in, extractions out, for the `extract` and `load` commands.

Which files the PATH arguments name (streamed, in a stable order, each once), how a file
is read and when it is refused, the records of JSON, JSON Lines and CSV files and of
standard input, and extraction in worker processes. No SQLite here.
"""
from __future__ import annotations

import csv
import glob
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from . import store
from .extractor import Extraction, extract
from .inputs import (FORMAT_BY_SUFFIX, MAX_ARTICLE_BYTES, RECORD_FORMATS, STDIN, UTF16_BOMS, BadFile, Columns,
                     Input, count_records, format_of, read_page, read_records)

# What a folder gives: the files whose extension names a format.
ARTICLE_SUFFIXES = tuple(FORMAT_BY_SUFFIX)
ARTICLE_SUFFIX_LIST = ", ".join(ARTICLE_SUFFIXES)
STDIN_ARGUMENT = "-"
GLOB_CHARS = "*?["
# Above this share of undecodable characters a file is not UTF-8 text with a few bad
# bytes but something else altogether.
MAX_UNDECODABLE_SHARE = 0.1
# A whole page, not text with a tag in it: only the start of the file is looked at.
HTML_PAGE = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_SNIFF_CHARS = 4096
# Articles handed to a worker at a time, and chunks in flight per worker: enough to keep
# the workers busy, few enough that memory stays flat when the writer is the slower side.
CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 4
PARENT_CHECK_SECONDS = 1.0


class FileKind(NamedTuple):
    """The files a folder gives, and how an argument that names none of them is reported."""

    suffixes: tuple[str, ...]
    none_in_folder: str
    no_glob_match: str


ARTICLE_FILES = FileKind(ARTICLE_SUFFIXES, f"folder holds no article files ({ARTICLE_SUFFIX_LIST})", "matches no files")


class ArticleFile(NamedTuple):
    """A text file or HTML page, read by the worker that extracts it."""

    path: Path
    form: str


@dataclass(frozen=True)
class Extracted:
    """One article after reading and extraction: the article and its extraction, or
    the error that stopped it. A warning is about an article that was used anyway."""

    input: Input | None = None
    extraction: Extraction | None = None
    warning: str | None = None
    error: str | None = None

    @property
    def path(self) -> Path:
        return self.input.path

    @property
    def text(self) -> str:
        return self.input.text

    @property
    def article(self) -> store.Article:
        article = self.input
        return store.Article(article.path.name, article.text, self.extraction,
                             title=article.title, url=article.url, source=article.source)


def argument_errors(paths: Iterable[str], kind: FileKind = ARTICLE_FILES) -> list[str]:
    """One message for each PATH argument that names no file of the kind."""
    errors = []
    for arg in paths:
        if arg == STDIN_ARGUMENT or next(_files_named_by(_matches(arg), kind.suffixes), None) is not None:
            continue
        if Path(arg).is_dir():
            errors.append(f"{arg}: {kind.none_in_folder}")
        elif _matches(arg) or any(char in arg for char in GLOB_CHARS):
            errors.append(f"{arg}: {kind.no_glob_match}")
        else:
            errors.append(f"{arg}: no such file or folder")
    return errors


def article_files(paths: Iterable[str], kind: FileKind = ARTICLE_FILES) -> Iterator[Path]:
    """The files PATH arguments name, in order and each once, streamed; `-` gives STDIN.

    A folder gives its files with the kind's extensions (for articles .txt, .html, ...),
    recursively, in path order (folders reached through a symlink are not followed: they
    may loop); a glob gives its matches. Repeats are found by asking whether an earlier
    argument named the file, so memory grows with the arguments, not with the files.
    """
    files: set[str] = set()
    folders: set[str] = set()
    for arg in paths:
        if arg == STDIN_ARGUMENT:
            if str(STDIN) not in files:
                yield STDIN
            files.add(str(STDIN))
            continue
        for match in _matches(arg):
            for path in _files_named_by([match], kind.suffixes):
                if not _named_before(path, files, folders, kind.suffixes):
                    yield path
            (folders if match.is_dir() else files).add(os.path.abspath(match))


def _matches(arg: str) -> list[Path]:
    path = Path(arg)
    if path.exists() or path.is_symlink():
        return [path]
    return sorted(Path(match) for match in glob.glob(arg, recursive=True))


def _files_named_by(matches: list[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    for match in matches:
        if match.is_dir():
            yield from _walk(match, suffixes)
        else:
            yield match


def _walk(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        # Reading it as a file then gives the one-line error that names it.
        yield folder
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), suffixes)
        elif entry.name.lower().endswith(suffixes) and not entry.is_dir():
            yield Path(entry.path)


def _named_before(path: Path, files: set[str], folders: set[str], suffixes: tuple[str, ...]) -> bool:
    absolute = os.path.abspath(path)
    if absolute in files:
        return True
    return (path.name.lower().endswith(suffixes)
            and any(str(parent) in folders for parent in Path(absolute).parents))


def read_inputs(files: Iterable[Path], columns: Columns, form: str | None = None) -> Iterator[ArticleFile | Input | BadFile]:
    """What to extract, in order: text files and pages, which the extracting worker
    reads, and the records of JSON, JSON Lines and CSV files and standard input, read
    here as they stream. `form` (--format) overrides the files' extensions; standard
    input is text unless it is given."""
    for path in files:
        chosen = format_of(path, form)
        if path == STDIN:
            yield from _stdin_inputs(chosen, columns)
        elif chosen in RECORD_FORMATS:
            yield from _file_records(path, chosen, columns)
        else:
            yield ArticleFile(path, chosen)


def count_articles(files: Iterable[Path], form: str | None = None) -> int:
    """How many articles the files hold, for a progress bar (standard input uncounted)."""
    total = 0
    for path in files:
        if path == STDIN:
            continue  # it can be read only once
        chosen = format_of(path, form)
        if chosen not in RECORD_FORMATS:
            total += 1
            continue
        try:
            with open(path, "rb") as stream:
                total += count_records(stream, path, chosen)
        except (OSError, ValueError, csv.Error, BadFile):
            total += 1  # the file is reported as one error when it is read
    return total


def _file_records(path: Path, form: str, columns: Columns) -> Iterator[Input | BadFile]:
    try:
        with open(path, "rb") as stream:
            yield from read_records(stream, path, form, columns)
    except OSError as error:
        yield BadFile(f"{path}: cannot read: {error.strerror}")


def _stdin_inputs(form: str, columns: Columns) -> Iterator[Input | BadFile]:
    if form in RECORD_FORMATS:
        yield from read_records(sys.stdin.buffer, STDIN, form, columns)
        return
    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    try:
        if len(data) > MAX_ARTICLE_BYTES:
            raise BadFile(f"{STDIN}: too large for an article (limit {MAX_ARTICLE_BYTES / 1e6:g} MB)")
        yield _article(STDIN, data, form)
    except BadFile as error:
        yield error


def read_file(path: Path, form: str = "text") -> Input:
    """A text file, or a saved HTML page, as an Input; raises BadFile."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise BadFile(f"{path}: {size / 1e6:.1f} MB, too large for an article (limit {MAX_ARTICLE_BYTES / 1e6:g} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise BadFile(f"{path}: cannot read: {error.strerror}") from error
    return _article(path, data, form)


def _article(path: Path, data: bytes, form: str) -> Input:
    if form == "html":
        _check_bytes(path, data)
        # The bytes, so that trafilatura can follow the page's own charset declaration.
        return read_page(data, path)
    text, warning = decode_article(path, data)
    if HTML_PAGE.match(text[:HTML_SNIFF_CHARS]):
        return read_page(text, path)
    return Input(path, name=path.stem, source=str(path), text=text, warning=warning)


def _check_bytes(path: Path, data: bytes) -> None:
    if data.startswith(UTF16_BOMS):
        raise BadFile(f"{path}: UTF-16 text; convert it to UTF-8")
    if b"\0" in data:
        raise BadFile(f"{path}: binary file (NUL bytes), not text")
    if not data.strip():
        raise BadFile(f"{path}: empty file")


def decode_article(path: Path, data: bytes) -> tuple[str, str | None]:
    """The article text as offsets count it, `open(path, encoding="utf-8").read()`, and
    a warning when the file was used despite a problem.

    Invalid UTF-8 is replaced by U+FFFD with a warning, so offsets then index the text
    with those replacements; a file that is mostly undecodable is refused, as are empty,
    binary and UTF-16 files (BadFile).
    """
    _check_bytes(path, data)
    warning = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        share = text.count("\ufffd") / len(text)
        if share > MAX_UNDECODABLE_SHARE:
            raise BadFile(f"{path}: not text: {share:.0%} of it is not valid UTF-8") from error
        warning = f"{path}: not valid UTF-8 (byte {error.start}), undecodable bytes replaced"
    # Universal newlines, as open() reads text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadFile(f"{path}: empty file")
    return text, warning


def extract_file(path: Path, form: str = "text") -> Extracted:
    """Read and extract one text file or page; never raises."""
    try:
        article = read_file(path, form)
    except BadFile as error:
        return Extracted(error=str(error))
    return extract_input(article)


def extract_input(article: Input) -> Extracted:
    """Extract one article, its own date overriding the text's; never raises."""
    try:
        extraction = extract(article.text, article.date)
    except Exception as error:  # one article that trips the extractor must not stop the others
        message = " ".join(f"{type(error).__name__}: {error}".split())
        return Extracted(article, warning=article.warning, error=f"{article.source}: extraction failed: {message}")
    return Extracted(article, extraction, article.warning)


def extract_item(item: ArticleFile | Input | BadFile) -> Extracted:
    if isinstance(item, BadFile):
        return Extracted(error=str(item))
    if isinstance(item, Input):
        return extract_input(item)
    return extract_file(item.path, item.form)


def extract_inputs(items: Iterable[ArticleFile | Input | BadFile], workers: int = 1) -> Iterator[Extracted]:
    """`extract_item` over `items` (from `read_inputs`), in their order, in `workers`
    processes (1: this one).

    Chunks of articles go to the workers and a bounded number of them are in flight, so
    memory stays flat however many articles stream through.
    """
    if workers == 1:
        yield from map(extract_item, items)
        return
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        in_flight = deque()
        for chunk in _chunks(items, CHUNK_SIZE):
            in_flight.append(pool.submit(_extract_chunk, chunk))
            if len(in_flight) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _extract_chunk(items: list[ArticleFile | Input | BadFile]) -> list[Extracted]:
    return [extract_item(item) for item in items]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _start_worker(parent: int) -> None:
    """Worker initializer. Ctrl-C reaches every process of the terminal's group: the
    parent handles it and stops the pool. A parent killed with SIGKILL cannot stop its
    workers, which would wait for work forever, so each worker leaves once orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
