"""The `datasette-quotes` command line: a thin layer over the extractor and the store."""
import json
import os
import sqlite3
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

import click
import sqlite_utils

from . import __version__, cluster_store, facet_counts, ingest, inputs, shards, store, table_source

# Articles saved per transaction: an interrupted load keeps whole batches only. Each
# commit rewrites the index pages the batch touched, so larger batches write faster.
BATCH_SIZE = 250
# Fewer files than this load too fast for a progress bar to help.
PROGRESS_MIN_FILES = 20


@click.group()
@click.version_option(__version__, prog_name="datasette-quotes")
def cli():
    "Turn news articles into a database of who said what, and explore it in Datasette."


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
RECORD_FIELD_OPTIONS = ("text_field", "id_field", "date_field", "title_field", "url_field")


def input_options(command):
    """--format and the record field options, which `extract` and `load` share."""
    options = [
        click.option("--format", "form", type=click.Choice(inputs.FORMATS),
                     help="Read every PATH as this, whatever its extension [default: by extension; - is text]."),
        click.option("--text", "text_field", metavar="FIELD",
                     help="The JSON or CSV field that holds each record's article text [default: text]."),
        click.option("--id", "id_field", metavar="FIELD",
                     help="The field that identifies each record [default: id, else its number]."),
        click.option("--date", "date_field", metavar="FIELD",
                     help="The field of YYYY-MM-DD dates or timestamps that overrides the date in the text "
                          "[default: date]."),
        click.option("--title", "title_field", metavar="FIELD", help="The field of the article's title [default: title]."),
        click.option("--url", "url_field", metavar="FIELD", help="The field of the article's URL [default: url]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _columns(text_field, id_field, date_field, title_field, url_field) -> inputs.Columns:
    """The record fields to read; a field named here must be in every record."""
    given = {"text": text_field, "id": id_field, "date": date_field, "title": title_field, "url": url_field}
    named = {part: field for part, field in given.items() if field}
    return inputs.Columns(**named, named=frozenset(named))


@cli.command(name="extract")
@paths_argument
@input_options
def extract_command(paths, form, **fields):
    """Write the attributions found in articles as JSON Lines to stdout.

    PATH is a file, a folder (its article files, recursively), a glob, or - for
    standard input; see "Inputs" below. One line per attribution; "article" is the
    file name without its extension, or the record's id, and the first line of each
    article also holds its text ("article_text"), so that `load --shards` can store
    the lines without extracting again; "article_title" and "article_url" are a
    page's or record's title and URL.
    A file or record that cannot be used is reported and skipped, and the command then
    exits with status 1.

    \b
    Inputs, by extension (or --format):
      .txt           UTF-8 text; invalid bytes become U+FFFD, with a warning
      .html, .htm    a saved web page: trafilatura finds its text, title and date
      .json          an array of records (objects), one article each
      .jsonl         JSON Lines: one record per line
      .csv           a header row, then one record per row
    A record's article is its --text field; a record's or a page's date overrides
    the date found in the text. Offsets count characters of the text as read.

    \b
    Examples:
        datasette-quotes extract data/ | jq .speaker_name
        datasette-quotes extract stories.csv --text body --date published
        curl -s https://example.com/story | datasette-quotes extract - --format html
    """
    _check_paths(paths)
    columns = _columns(**fields)
    failed = False
    for result in ingest.extract_inputs(ingest.read_inputs(ingest.article_files(paths), columns, form)):
        _report(result)
        if result.error:
            failed = True
            continue
        article = result.input
        for record in shards.json_records(result.extraction, article.name, article.text, article.title, article.url):
            click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that extract articles, while this one writes them.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be loaded.")
@click.option("--table", help="Read the articles from this table of DB instead of from files.")
@click.option("--text-column", metavar="COLUMN", help="The --table column that holds each article's text.")
@click.option("--id-column", metavar="COLUMN", help="The --table column that identifies each row, such as its primary key.")
@click.option("--date-column", metavar="COLUMN",
              help="A --table column of YYYY-MM-DD dates or timestamps that overrides the date in the text.")
@click.option("--shards", "shard_paths", multiple=True, metavar="PATH",
              help="Store the JSON Lines of `extract` or `dask-extract` instead of extracting: a file, "
                   "a folder of .jsonl files, a glob, or - for standard input. Repeatable.")
@input_options
def load(db_path, paths, workers, strict, table, text_column, id_column, date_column, shard_paths, form, **fields):
    """Extract attributions from articles and store them in a SQLite database.

    PATH is a file, a folder (its article files, recursively), a glob, or - for
    standard input, read as `extract` reads it (see its --help): UTF-8 text, saved web
    pages, and JSON, JSON Lines and CSV records. Each article keeps its file's name,
    its title and URL, and its source: the file's path, or FILE#ID for a record. Creates the
    tables, views and full-text search on first use; loading the same articles again
    changes nothing. Articles are saved in batches, each all or nothing, in the order
    of their paths whatever the number of workers; Datasette can serve the database
    meanwhile. A file that cannot be used is reported and skipped, and the command then
    exits with status 1; with --strict it stops there, keeping the articles before it.

    With --table, the articles are instead the rows of a table of DB (made by
    sqlite-utils insert or a scraper, say) that have a text, read in the order of their
    id, in this process. Each row's article has `TABLE/ID` as its file: the row's path in
    Datasette when ID is its primary key, so quotes lead back to their row.

    With --shards, the articles and attributions are read from JSON Lines shards that
    `dask-extract` wrote or `extract` printed, in order, without extracting again;
    each article's file is its "article" name. Articles in which nothing was found
    are not in the shards.

    \b
    Examples:
        datasette-quotes load quotes.db data/ --workers 4
        datasette-quotes load quotes.db export.csv --text body --date published
        datasette quotes.db -m metadata.yml
        datasette-quotes load stories.db --table stories --text-column body --id-column id
        datasette-quotes load quotes.db --shards 'shards/*.jsonl'
    """
    if (table or shard_paths) and (form or any(fields.values())):
        raise click.UsageError("--format, --text, --id, --date, --title and --url are for PATHs, "
                               "not --table or --shards")
    if shard_paths:
        if paths or table:
            raise click.UsageError("give either PATHs, --table or --shards")
        if workers != 1:
            raise click.UsageError("--workers extracts PATHs; --shards are extracted already")
        errors = shards.argument_errors(shard_paths)
        for message in errors:
            _error(message)
        if errors:
            sys.exit(1)
        files, results = 0, shards.read_shards(shard_paths)
    elif table or text_column or id_column or date_column:
        read_db = _open_table(db_path, paths, table, text_column, id_column, date_column)
        files = table_source.row_count(read_db, table, text_column)
        results = table_source.table_articles(read_db, table, text_column, id_column, date_column)
    else:
        if not paths:
            raise click.UsageError("give the article PATHs, or a --table of DB")
        _check_paths(paths)
    _check_writable(Path(db_path))
    try:
        db = store.open_for_loading(db_path)
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: cannot use as a database: {error}") from error
    changes = db.conn.total_changes
    if not (table or shard_paths):
        files = ingest.count_articles(ingest.article_files(paths), form)
        results = ingest.extract_inputs(
            ingest.read_inputs(ingest.article_files(paths), _columns(**fields), form), workers)
    failed = False
    articles = quotes = 0
    batch = []
    try:
        # Closed here, not by the garbage collector: closing the worker pool from
        # wherever a collection happens to run can deadlock.
        with closing(results), click.progressbar(length=files, label="Loading articles", file=sys.stderr,
                                                 hidden=files < PROGRESS_MIN_FILES) as bar:
            for result in results:
                bar.update(1)
                _report(result)
                if result.error:
                    failed = True
                    if strict:
                        break
                    continue
                batch.append(result.article)
                if len(batch) == BATCH_SIZE:
                    saved = _save(db, db_path, batch)
                    articles, quotes, batch = articles + saved.articles, quotes + saved.quotes, []
            saved = _save(db, db_path, batch)
    except BrokenProcessPool as error:
        raise click.ClickException(f"a worker process stopped unexpectedly ({error}); "
                                   "the batches saved before are kept") from error
    articles, quotes = articles + saved.articles, quotes + saved.quotes
    try:
        cluster_store.refresh_clusters(db)
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path}: cannot write the quote clusters: {error}") from error
    if db.conn.total_changes > changes:  # a reload that changed nothing leaves the file as it was
        facet_counts.refresh(db)
        store.analyze(db)
    if table:
        read_db.close()  # before the writer's close, which can then fold the whole log back
    now = store.totals(db)
    db.close()  # folds the write-ahead log back into the file, which can then be copied alone
    click.echo(f"Loaded {articles} articles, {quotes} quotes into {db_path}; it holds "
               f"{now['articles']} articles, {now['quotes']} quotes, {now['speakers']} speakers")
    if failed:
        sys.exit(1)


def _open_table(db_path, paths, table, text_column, id_column, date_column):
    """A second connection to DB for reading the --table rows while the load writes."""
    if paths:
        raise click.UsageError("give either PATHs or --table, not both")
    if not table:
        raise click.UsageError("--text-column, --id-column and --date-column need --table")
    if not (text_column and id_column):
        raise click.UsageError("--table needs --text-column and --id-column")
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such file, so no table {table!r} to read")
    try:
        read_db = sqlite_utils.Database(db_path)
        table_source.check_columns(read_db, table, [c for c in (text_column, id_column, date_column) if c])
    except (sqlite3.DatabaseError, table_source.TableError) as error:
        raise click.ClickException(f"{db_path}: {error}") from error
    return read_db


def _check_paths(paths) -> None:
    """Stop before anything is read or written when a PATH names no article file."""
    errors = ingest.argument_errors(paths)
    for message in errors:
        _error(message)
    if errors:
        sys.exit(1)


def _check_writable(db_path: Path) -> None:
    """A read-only file, or a folder where SQLite cannot create its write-ahead log,
    would otherwise fail with SQLite's vaguer "unable to open database file"."""
    folder = db_path.parent
    targets = [db_path, folder] if db_path.exists() else [folder]
    if folder.is_dir() and not all(os.access(target, os.W_OK) for target in targets):
        raise click.ClickException(f"{db_path}: read-only: cannot write to it or to its folder")


def _save(db, db_path, batch) -> store.SaveCounts:
    try:
        return store.save(db, batch)
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path}: cannot write: {error}; the batches saved before are kept") from error


def _report(result: ingest.Extracted) -> None:
    if result.warning:
        click.echo(f"Warning: {result.warning}", err=True)
    if result.error:
        _error(result.error)


def _expand(paths) -> tuple[list[Path], bool]:
    """Files named by PATH arguments, for a command that needs them all at once, and
    whether any PATH named none."""
    errors = ingest.argument_errors(paths)
    for message in errors:
        _error(message)
    return list(ingest.article_files(paths)), bool(errors)


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
    files first, then records). A file or record that cannot be used is reported and
    skipped, and the command then exits with status 1. Every worker must be able to
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
    results = dask_extract.extract_paths([str(path) for path in files])
    try:
        if scheduler:
            from distributed import Client

            with Client(scheduler):
                shards, errors = dask_extract.write_shards(results, str(outdir))
        else:
            shards, errors = dask_extract.write_shards(results, str(outdir))
    except OSError as error:
        raise click.ClickException(f"{scheduler or outdir}: {error}") from error
    for message in errors:
        _error(message)
    click.echo(f"Wrote {len(shards)} shards to {outdir}")
    if errors:
        sys.exit(1)


@cli.command(name="speakers")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("--merge", nargs=2, multiple=True, metavar="NAME OTHER",
              help="Make the speakers named NAME and OTHER one speaker. Repeatable.")
@click.option("--split", nargs=2, multiple=True, metavar="NAME OTHER",
              help="Keep the speakers named NAME and OTHER apart. Repeatable.")
def speakers_command(db_path, merge, split):
    """Correct which speaker names are one speaker, and list the corrections.

    Names seen in different articles are merged into one speaker when they name the
    same person or body ("MEA" and "Ministry of External Affairs", "Jaishankar" and "S
    Jaishankar"). A correction is stored in DB and applied by every later `load`; a
    later correction of the same two names replaces the earlier one. NAME and OTHER are
    names as the speakers table's `names` column lists them (any case). Names that
    only describe a speaker ("the ministry", "a senior official") stay in their article.

    \b
    Examples:
        datasette-quotes speakers quotes.db --merge "EAM" "S Jaishankar"
        datasette-quotes speakers quotes.db --split "Singh" "Rajnath Singh"
    """
    _check_writable(Path(db_path))
    corrections = [store.Correction("merge", *pair) for pair in merge] + [
        store.Correction("split", *pair) for pair in split]
    try:
        db = store.open_for_loading(db_path)
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: cannot use as a database: {error}") from error
    try:
        unknown = store.unknown_speaker_names(db, [name for c in corrections for name in (c.name, c.other)])
        if unknown:
            raise click.ClickException(f"{db_path}: no speaker named {unknown[0]!r}")
        if corrections:
            store.correct_speakers(db, corrections)
            cluster_store.refresh_clusters(db)  # a cluster names its speaker
            facet_counts.refresh(db)  # the quotes' speaker names changed
        listed = store.speaker_corrections(db)
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path}: cannot write: {error}") from error
    finally:
        db.close()
    for correction in listed:
        click.echo(f"{correction.action}\t{correction.name}\t{correction.other}")
