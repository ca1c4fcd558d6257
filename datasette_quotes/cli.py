"""The `datasette-quotes` command line: a thin layer over the extractor and the store."""
import glob
import json
import sqlite3
import sys
from pathlib import Path

import click
import sqlite_utils

from . import __version__, store
from .extractor import extract

# Articles saved per transaction: an interrupted load keeps whole batches only.
BATCH_SIZE = 100
# Fewer files than this load too fast for a progress bar to help.
PROGRESS_MIN_FILES = 20


class BadFile(Exception):
    """A file that cannot be used; the message names the file and the problem."""


@click.group()
@click.version_option(__version__, prog_name="datasette-quotes")
def cli():
    "Turn news articles into a database of who said what, and explore it in Datasette."


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


@cli.command(name="extract")
@paths_argument
def extract_command(paths):
    """Write the attributions found in articles as JSON Lines to stdout.

    PATH is a file, a folder (its *.txt files, recursively) or a glob. One line per
    attribution; "article" is the file name without its extension. Files are read
    as UTF-8; invalid bytes become U+FFFD, with a warning.

    \b
    Example:
        datasette-quotes extract data/ | jq .speaker_name
    """
    files, failed = _expand(paths)
    for path in files:
        try:
            text = read_article(path)
            extraction = _extract(path, text)
        except BadFile as error:
            _error(error)
            failed = True
            continue
        for record in extraction.as_json_records(path.stem):
            click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@paths_argument
def load(db_path, paths):
    """Extract attributions from articles and store them in a SQLite database.

    PATH is a file, a folder (its *.txt files, recursively) or a glob. Creates the
    tables, views and full-text search on first use; loading the same articles again
    changes nothing. A file that cannot be used is reported and skipped, and the
    command then exits with status 1.

    \b
    Example:
        datasette-quotes load quotes.db data/
        datasette quotes.db -m metadata.yml
    """
    files, failed = _expand(paths)
    try:
        db = sqlite_utils.Database(db_path)
        store.ensure_schema(db)
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: cannot use as a database: {error}") from error
    saved = []
    with click.progressbar(
        files, label="Loading articles", file=sys.stderr, hidden=len(files) < PROGRESS_MIN_FILES
    ) as bar:
        for chunk in _chunks(bar, BATCH_SIZE):
            batch = []
            for path in chunk:
                try:
                    text = read_article(path)
                    batch.append(store.Article(path.name, text, _extract(path, text)))
                except BadFile as error:
                    _error(error)
                    failed = True
            saved.append(store.save(db, batch))
    articles = sum(s.articles for s in saved)
    quotes = sum(s.quotes for s in saved)
    speakers = len(frozenset().union(*(s.speaker_ids for s in saved)))
    click.echo(f"Loaded {articles} articles, {quotes} quotes, {speakers} speakers into {db_path}")
    if failed:
        sys.exit(1)


def read_article(path: Path) -> str:
    """The article text as the offsets count it: `open(path, encoding="utf-8").read()`.

    Invalid UTF-8 is not fatal: a warning names the file and the bad bytes become
    U+FFFD, so offsets then index the text with those replacements.
    """
    try:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            click.echo(f"Warning: {path}: not valid UTF-8 (byte {error.start}), undecodable bytes replaced", err=True)
            text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise BadFile(f"{path}: cannot read: {error.strerror}") from error
    if not text.strip():
        raise BadFile(f"{path}: empty file")
    return text


def _extract(path: Path, text: str):
    try:
        return extract(text)
    except Exception as error:  # one article that trips the extractor must not stop a load
        raise BadFile(f"{path}: extraction failed: {type(error).__name__}: {error}") from error


def _expand(paths) -> tuple[list[Path], bool]:
    """Files named by PATH arguments, in order, without repeats; and whether any PATH matched nothing."""
    files: dict[Path, None] = {}
    failed = False
    for arg in paths:
        matches = [Path(arg)] if Path(arg).exists() else [Path(m) for m in sorted(glob.glob(arg, recursive=True))]
        found = []
        for match in matches:
            if match.is_dir():
                found.extend(sorted(path for path in match.rglob("*.txt") if not path.is_dir()))
            else:
                found.append(match)
        if not found:
            _error(f"{arg}: no such file, folder or matching .txt files")
            failed = True
        files.update(dict.fromkeys(found))
    return list(files), failed


def _chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _error(message) -> None:
    click.echo(f"Error: {message}", err=True)


@cli.command(name="evaluate")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, metavar="PREDICTIONS.jsonl|PATH...",
                type=click.Path(exists=True, path_type=Path))
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the .txt articles that JSON Lines gold refers to, if not among the "
                   "PATHs [default: the gold file's folder].")
@click.option("--json", "json_report", type=click.File("w", encoding="utf-8"), metavar="REPORT",
              help="Also write the full report as JSON to this file.")
@click.option("--worst", type=click.IntRange(min=1), metavar="N", help="List the N articles with the most errors.")
def evaluate_command(gold, inputs, articles, json_report, worst):
    """Score extraction against GOLD: precision, recall and F1 by view and type,
    exact-span F1, and speaker, source-kind and type accuracy.

    GOLD is a folder in brat standoff like PolNeAR (text/*.txt and
    attributions/*.ann), or a JSON Lines file in the `extract` format (such as
    corrected `extract` output). Score either one PREDICTIONS.jsonl file of
    `extract` output, or the extractor run now over article PATHs (files or folders).

    \b
    Examples:
        datasette-quotes evaluate ../shared/polnear/data/dev predictions.jsonl
        datasette-quotes evaluate gold.jsonl articles/ --worst 5
    """
    from .evaluate import EvaluationError, evaluate_files, format_report

    try:
        report = evaluate_files(gold, list(inputs), articles)
    except EvaluationError as error:
        raise click.ClickException(str(error)) from error
    if report["predictions_for_other_articles"]:
        click.echo(f"Warning: {report['predictions_for_other_articles']} prediction(s) name articles"
                   " not in the gold: ignored", err=True)
    click.echo(format_report(report, worst))
    if json_report:
        json.dump(report, json_report, indent=1, ensure_ascii=False)
        json_report.write("\n")


@cli.command(name="dask-extract")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@paths_argument
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler to run on, such as tcp://10.0.0.5:8786 [default: local processes].")
def dask_extract_command(outdir, paths, scheduler):
    """Extract attributions on Dask and write them as JSON Lines shards to OUTDIR.

    PATH is a file, a folder (its *.txt files, recursively) or a glob, as for
    `extract`, or a .jsonl file of {"article": ..., "text": ...} records. Read in name
    order, the shards OUTDIR/000000.jsonl, ... hold the lines `extract` prints (text
    files first, then records). Blank files are skipped. Every worker must be able to
    read the PATHs. Needs the dask extra: pip install 'datasette-quotes[dask]'.

    \b
    Example:
        datasette-quotes dask-extract shards/ archive/ --scheduler tcp://10.0.0.5:8786
    """
    try:
        from . import dask_extract
    except ImportError as error:
        raise click.ClickException(f"dask-extract needs the dask extra: pip install 'datasette-quotes[dask]' ({error})")
    if outdir.is_dir() and any(outdir.glob("*.jsonl")):
        raise click.ClickException(f"{outdir}: already holds .jsonl shards; choose an empty folder")
    files, failed = _expand(paths)
    if failed:
        sys.exit(1)
    articles = dask_extract.articles_from_paths([str(path) for path in files])
    try:
        if scheduler:
            from distributed import Client

            with Client(scheduler):
                shards = dask_extract.extract_to_shards(articles, str(outdir))
        else:
            shards = dask_extract.extract_to_shards(articles, str(outdir))
    except (OSError, ValueError, RuntimeError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {len(shards)} shards to {outdir}")
