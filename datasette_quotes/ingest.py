"""Article files in, extractions out, for the `extract` and `load` commands.

Which files the PATH arguments name (streamed, in a stable order, each once), how a file
is read and when it is refused, and extraction in worker processes. No SQLite here.
"""
from __future__ import annotations

import glob
import os
import re
import signal
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from .extractor import Extraction, extract

ARTICLE_SUFFIX = ".txt"
GLOB_CHARS = "*?["
# The longest news stories run to a few hundred kilobytes; a file many times that is a
# dump or a scrape gone wrong, and would hold up a load for nothing useful.
MAX_ARTICLE_BYTES = 2_000_000
# Above this share of undecodable characters a file is not UTF-8 text with a few bad
# bytes but something else altogether.
MAX_UNDECODABLE_SHARE = 0.1
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A whole page, not text with a tag in it: only the start of the file is looked at.
HTML_PAGE = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_SNIFF_CHARS = 4096
# Files handed to a worker at a time, and chunks in flight per worker: enough to keep the
# workers busy, few enough that memory stays flat when the writer is the slower side.
CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 4
PARENT_CHECK_SECONDS = 1.0


class BadFile(Exception):
    """A file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Extracted:
    """One file after reading and extraction: its text and extraction, or the error
    that stopped it. A warning is about a file that was used anyway."""

    path: Path
    text: str | None = None
    extraction: Extraction | None = None
    warning: str | None = None
    error: str | None = None


def argument_errors(paths: Iterable[str]) -> list[str]:
    """One message for each PATH argument that names no article file."""
    errors = []
    for arg in paths:
        if next(_files_named_by(_matches(arg)), None) is not None:
            continue
        if Path(arg).is_dir():
            errors.append(f"{arg}: folder holds no {ARTICLE_SUFFIX} files")
        elif _matches(arg) or any(char in arg for char in GLOB_CHARS):
            errors.append(f"{arg}: matches no {ARTICLE_SUFFIX} files")
        else:
            errors.append(f"{arg}: no such file or folder")
    return errors


def article_files(paths: Iterable[str]) -> Iterator[Path]:
    """The files PATH arguments name, in order and each once, streamed.

    A folder gives its .txt files, recursively, in path order (folders reached through a
    symlink are not followed: they may loop); a glob gives its matches. Repeats are
    found by asking whether an earlier argument named the file, so memory grows with
    the arguments, not with the files.
    """
    files: set[str] = set()
    folders: set[str] = set()
    for arg in paths:
        for match in _matches(arg):
            for path in _files_named_by([match]):
                if not _named_before(path, files, folders):
                    yield path
            (folders if match.is_dir() else files).add(os.path.abspath(match))


def _matches(arg: str) -> list[Path]:
    path = Path(arg)
    if path.exists() or path.is_symlink():
        return [path]
    return sorted(Path(match) for match in glob.glob(arg, recursive=True))


def _files_named_by(matches: list[Path]) -> Iterator[Path]:
    for match in matches:
        if match.is_dir():
            yield from _walk(match)
        else:
            yield match


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        # Reading it as a file then gives the one-line error that names it.
        yield folder
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.name.endswith(ARTICLE_SUFFIX) and not entry.is_dir():
            yield Path(entry.path)


def _named_before(path: Path, files: set[str], folders: set[str]) -> bool:
    absolute = os.path.abspath(path)
    if absolute in files:
        return True
    return path.suffix == ARTICLE_SUFFIX and any(str(parent) in folders for parent in Path(absolute).parents)


def read_article(path: Path) -> tuple[str, str | None]:
    """The article text as offsets count it, `open(path, encoding="utf-8").read()`, and
    a warning when the file was used despite a problem.

    Invalid UTF-8 is replaced by U+FFFD with a warning, so offsets then index the text
    with those replacements; a file that is mostly undecodable is refused, as are empty,
    binary, UTF-16, HTML and oversized files (BadFile).
    """
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise BadFile(f"{path}: {size / 1e6:.1f} MB, too large for an article (limit {MAX_ARTICLE_BYTES / 1e6:g} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise BadFile(f"{path}: cannot read: {error.strerror}") from error
    if data.startswith(UTF16_BOMS):
        raise BadFile(f"{path}: UTF-16 text; convert it to UTF-8")
    if b"\0" in data:
        raise BadFile(f"{path}: binary file (NUL bytes), not text")
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
    if HTML_PAGE.match(text[:HTML_SNIFF_CHARS]):
        raise BadFile(f"{path}: an HTML page, not plain text; extract the article text from it first")
    return text, warning


def extract_file(path: Path) -> Extracted:
    """Read and extract one file; never raises."""
    try:
        text, warning = read_article(path)
    except BadFile as error:
        return Extracted(path, error=str(error))
    try:
        extraction = extract(text)
    except Exception as error:  # one article that trips the extractor must not stop the others
        message = " ".join(f"{type(error).__name__}: {error}".split())
        return Extracted(path, text, warning=warning, error=f"{path}: extraction failed: {message}")
    return Extracted(path, text, extraction, warning)


def extract_files(files: Iterable[Path], workers: int = 1) -> Iterator[Extracted]:
    """`extract_file` over `files`, in their order, in `workers` processes (1: this one).

    Chunks of files go to the workers and a bounded number of them are in flight, so
    memory stays flat however many files stream through.
    """
    if workers == 1:
        yield from map(extract_file, files)
        return
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        in_flight = deque()
        for chunk in _chunks(files, CHUNK_SIZE):
            in_flight.append(pool.submit(_extract_chunk, chunk))
            if len(in_flight) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _extract_chunk(paths: list[Path]) -> list[Extracted]:
    return [extract_file(path) for path in paths]


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
