"""The `quotes_json` SQL function, for Datasette and sqlite-utils connections alike.

`quotes_json(text)` and `quotes_json(text, date)` return the attributions found in a text
as a JSON array of `extract` records. Their `article` is the id the store gives the same
text (`articles.id`), so results can be joined to a database made by `load`.
"""
from __future__ import annotations

import json
import re
import sqlite3

from .extractor import extract
from .store import article_id

# Scrapers store dates as days or timestamps; the day is what the extractor uses.
DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


def quotes_json(text, date=None) -> str | None:
    """The `extract` records for `text` as a JSON array; NULL for a NULL text.

    Like SQLite's own text functions, numbers and blobs are read as text. `date`, when
    not NULL, must start with YYYY-MM-DD and overrides the date found in the text.
    """
    if text is None:
        return None
    text = as_text(text)
    records = extract(text, article_day(date)).as_json_records(article_id(text))
    return json.dumps(records, ensure_ascii=False)


def as_text(value) -> str:
    """A column value as text, the way SQLite's text functions read it."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def article_day(value) -> str | None:
    """The YYYY-MM-DD that starts a date or timestamp value; None for NULL or ''.

    Raises ValueError for any other value.
    """
    if value is None or value == "":
        return None
    match = DAY_PREFIX.match(str(value))
    if match is None:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return match.group(0)


def register(conn: sqlite3.Connection) -> None:
    """Make `quotes_json` callable with one or two arguments on `conn`."""
    for arguments in (1, 2):
        conn.create_function("quotes_json", arguments, quotes_json, deterministic=True)
