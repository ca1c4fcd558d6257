"""Articles already in a SQLite table, for `load --table`: rows in, store articles out.

Each row becomes an article whose `file` is `TABLE/ID`, the row's path in Datasette when
the id column is the table's primary key, so quotes lead back to their row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import sqlite_utils
from datasette.utils import tilde_encode

from . import store
from .extractor import extract
from .sql_functions import article_day, as_text


class TableError(Exception):
    """A table or column that cannot be read; the message names it."""


@dataclass(frozen=True)
class Row:
    """One row after extraction: its article, or the error that stopped it."""

    article: store.Article | None = None
    error: str | None = None
    # Rows are used as they are: unlike files, nothing about them is worth a warning.
    warning = None


def check_columns(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    if not db[table].exists():
        raise TableError(f"no table named {table!r}")
    missing = [column for column in columns if column not in db[table].columns_dict]
    if missing:
        raise TableError(f"table {table!r} has no column {', '.join(map(repr, missing))}")


def row_count(db: sqlite_utils.Database, table: str, text_column: str) -> int:
    return db.execute(f"select count(*) from [{table}] where [{text_column}] is not null").fetchone()[0]


def table_articles(db: sqlite_utils.Database, table: str, text_column: str, id_column: str,
                   date_column: str | None = None) -> Iterator[Row]:
    """The rows with a text, in id order; a row whose id is NULL or whose date cannot be
    read gives an error naming it."""
    date_sql = f"[{date_column}]" if date_column else "null"
    rows = db.execute(
        f"select [{id_column}], [{text_column}], {date_sql} from [{table}]"
        f" where [{text_column}] is not null order by [{id_column}]"
    )
    for row_id, text, date in rows:
        if row_id is None:
            yield Row(error=f"{table}: a row with a {text_column} has a NULL {id_column}")
            continue
        try:
            day = article_day(date)
        except ValueError as error:
            yield Row(error=f"{table}/{row_id}: {date_column}: {error}")
            continue
        text = as_text(text)
        yield Row(article=store.Article(f"{table}/{tilde_encode(str(row_id))}", text, extract(text, day)))
