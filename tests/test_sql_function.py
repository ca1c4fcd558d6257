"""`quotes_json(text[, date])` in Datasette's SQL, in `sqlite-utils query` and in
`sqlite_utils.Database`, registered through each tool's plugin hooks."""
import json
import sqlite3

import pytest
import sqlite_utils
import sqlite_utils.plugins
from click.testing import CliRunner
from datasette.app import Datasette
from sqlite_utils.cli import cli as sqlite_utils_cli

from datasette_quotes.extractor import extract
from datasette_quotes.store import article_id


@pytest.fixture
def stories_db(tmp_path, articles):
    """A table of stories as a scraper or `sqlite-utils insert` would leave it: no dates in
    the texts' headers of two of them, a NULL body, and a date column."""
    path = tmp_path / "stories.db"
    db = sqlite_utils.Database(path)
    db["stories"].insert_all(
        [
            {"id": 1, "body": articles["harbour-bridge"], "published": "2026-03-14T09:30:00Z"},
            {"id": 2, "body": articles["orchard-frost"], "published": None},
            {"id": 3, "body": None, "published": "2026-01-01"},
        ],
        pk="id",
    )
    db.close()
    return path


def expected_records(text, date=None):
    return extract(text, date).as_json_records(article_id(text))


async def datasette_sql(datasette, db_name, sql):
    # Datasette 1.0a redirects this to /db/-/query.json, keeping the parameters.
    response = await datasette.client.get(
        f"/{db_name}.json", params={"sql": sql, "_shape": "array"}, follow_redirects=True
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.asyncio
async def test_datasette_runs_quotes_json_over_a_table(stories_db, articles):
    datasette = Datasette([str(stories_db)])
    rows = await datasette_sql(
        datasette, "stories", "select id, quotes_json(body) as quotes from stories order by id"
    )
    first = json.loads(rows[0]["quotes"])
    assert first == expected_records(articles["harbour-bridge"])
    assert first[0]["speaker_name"] == "Tilda Varnham"
    assert json.loads(rows[1]["quotes"])[0]["speaker_name"] == "Ivo Brannagh"
    assert rows[2]["quotes"] is None


@pytest.mark.asyncio
async def test_datasette_quotes_can_be_unpacked_with_json_each(stories_db):
    datasette = Datasette([str(stories_db)])
    rows = await datasette_sql(
        datasette,
        "stories",
        "select stories.id, json_extract(record.value, '$.speaker_name') as speaker,"
        " json_extract(record.value, '$.quote.text') as quote"
        " from stories, json_each(quotes_json(stories.body)) as record order by stories.id",
    )
    assert {"id": 2, "speaker": "Ivo Brannagh",
            "quote": "Half of the apricot blossom was lost to the frost,"} in rows


@pytest.mark.asyncio
async def test_the_date_argument_overrides_the_date_in_the_text(stories_db, articles):
    datasette = Datasette([str(stories_db)])
    rows = await datasette_sql(
        datasette, "stories",
        "select quotes_json(body, '2025-12-30T08:00:00') as quotes from stories where id = 1",
    )
    records = json.loads(rows[0]["quotes"])
    assert records == expected_records(articles["harbour-bridge"], "2025-12-30")
    assert {record["article_meta"]["date"] for record in records} == {"2025-12-30"}


def test_article_is_the_id_the_store_gives_the_text(loaded_db, articles):
    db = sqlite_utils.Database(loaded_db)
    text = articles["orchard-frost"]
    (row,) = db.query("select quotes_json(text) as quotes, id from articles where text = ?", [text])
    assert {record["article"] for record in json.loads(row["quotes"])} == {row["id"]}
    stored = {quote["text"] for quote in db.query("select text from quotes where article_id = ?", [row["id"]])}
    assert {record["quote"]["text"] for record in json.loads(row["quotes"])} == stored


def test_sqlite_utils_query_command_has_quotes_json(stories_db, articles):
    sqlite_utils.plugins.ensure_plugins_loaded()
    result = CliRunner().invoke(
        sqlite_utils_cli,
        ["query", str(stories_db), "select id, quotes_json(body, published) as quotes from stories where id = 1"],
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert json.loads(row["quotes"]) == expected_records(articles["harbour-bridge"], "2026-03-14")


def test_sqlite_utils_lists_the_plugin():
    plugins = {plugin["name"]: plugin for plugin in sqlite_utils.plugins.get_plugins()}
    assert plugins["datasette-quotes"]["hooks"] == ["prepare_connection"]


def test_sqlite_utils_database_has_quotes_json(stories_db, articles):
    sqlite_utils.plugins.ensure_plugins_loaded()
    db = sqlite_utils.Database(stories_db)
    (row,) = db.query("select quotes_json(body) as quotes from stories where id = 2")
    assert json.loads(row["quotes"]) == expected_records(articles["orchard-frost"])


# SQLite reports any exception in a function the same way; Python prints the reason.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_date_that_is_not_a_day_is_an_sql_error(stories_db):
    sqlite_utils.plugins.ensure_plugins_loaded()
    db = sqlite_utils.Database(stories_db)
    with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
        db.execute("select quotes_json(body, 'last Tuesday') from stories where id = 1").fetchall()
