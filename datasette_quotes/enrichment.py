"""The "Extract quotes" enrichment, for datasette-enrichments (0.5 on Datasette 0.65,
0.6a on the 1.0 alphas): quotes from a text column of any table, stored in the same
database and tables as `datasette-quotes load` stores them.

Imported only by the `register_enrichments` hook, which only datasette-enrichments calls.
"""
from __future__ import annotations

import asyncio
import inspect

import sqlite_utils
from datasette.utils import path_from_row_pks
from datasette_enrichments import Enrichment
from wtforms import Form, SelectField
from wtforms.validators import DataRequired

from . import cluster_store, facet_counts, store
from .extractor import extract
from .sql_functions import article_day, as_text

NO_DATE_COLUMN = ""


class ExtractQuotes(Enrichment):
    name = "Extract quotes"
    slug = "extract-quotes"
    description = (
        "Find who said what in a text column and store it in the articles, quotes and "
        "speakers tables of this database, as datasette-quotes load does."
    )

    async def get_config_form(self, db, table):
        columns = await db.table_columns(table)

        class ConfigForm(Form):
            text_column = SelectField(
                "Text column", choices=columns, validators=[DataRequired()],
                description="The column that holds each article's text.",
            )
            date_column = SelectField(
                "Date column",
                choices=[NO_DATE_COLUMN, *columns],
                default=NO_DATE_COLUMN,
                description="A column of YYYY-MM-DD dates or timestamps that overrides the date "
                "in the text; leave blank to use the date in the text.",
            )

        return ConfigForm

    async def initialize(self, db, config):
        await write(db, lambda conn: store.ensure_schema(sqlite_utils.Database(conn)))

    async def enrich_batch(self, db, table, rows, pks, config, job_id):
        """Store the rows' articles and quotes; a row whose date cannot be read is
        logged as an error and left out. Rows with no text are skipped."""
        # Extracting a batch takes a while: off the event loop, so Datasette keeps serving.
        articles, failed = await asyncio.to_thread(extract_rows, table, rows, pks, config)
        await write(db, lambda conn: save_and_cluster(sqlite_utils.Database(conn), articles))
        for row, message in failed:
            await self.log_error(db, job_id, [path_from_row_pks(row, pks, pks == ["rowid"], quote=False)], message)
        return len(rows) - len(failed)

    async def finalize(self, db):
        """As a load ends: the quote view's facet counts and fresh query planner statistics
        for the new rows."""
        await write(db, lambda conn: facet_counts.refresh(sqlite_utils.Database(conn)))
        await write(db, lambda conn: store.analyze(sqlite_utils.Database(conn)))


def extract_rows(table: str, rows: list[dict], pks: list[str], config: dict) -> tuple[list[store.Article], list[tuple[dict, str]]]:
    """The articles of the rows that have text, and the rows whose date cannot be read
    with the reason."""
    articles, failed = [], []
    for row in rows:
        text = row[config["text_column"]]
        if text is None:
            continue
        try:
            date = article_day(row[config["date_column"]]) if config["date_column"] else None
        except ValueError as error:
            failed.append((row, f"{config['date_column']}: {error}"))
            continue
        text = as_text(text)
        articles.append(store.Article(article_file(table, row, pks), text, extract(text, date)))
    return articles, failed


def save_and_cluster(db: sqlite_utils.Database, articles: list[store.Article]) -> None:
    """Save a batch, then recompute the quote clusters, which span every article. After
    each batch rather than once at the end, as a load does: a job paused or cancelled
    between batches still leaves clusters that agree with the quotes stored."""
    store.save(db, articles)
    cluster_store.refresh_clusters(db)


async def write(db, fn):
    """Run fn(conn) on the write connection outside any transaction of Datasette's own:
    store.save opens its own, which 1.0a's default one would refuse."""
    if "transaction" in inspect.signature(db.execute_write_fn).parameters:
        return await db.execute_write_fn(fn, block=True, transaction=False)
    return await db.execute_write_fn(fn, block=True)


def article_file(table: str, row: dict, pks: list[str]) -> str:
    """The row's path in Datasette (`stories/12`), stored as the article's `file`."""
    return f"{table}/{path_from_row_pks(row, pks, pks == ['rowid'])}"
