"""`load DB --table T --text-column C --id-column I [--date-column D]`: articles already
in a table of the database, as `sqlite-utils insert` or a scraper leaves them."""
import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_quotes.cli import cli
from datasette_quotes.extractor import extract
from datasette_quotes.store import article_id


@pytest.fixture
def stories_db(tmp_path, articles):
    path = tmp_path / "stories.db"
    sqlite_utils.Database(path)["stories"].insert_all(
        [
            # The date column says the 15th; the text's own header says the 14th.
            {"id": "a/1", "body": articles["harbour-bridge"], "published": "2026-03-15 06:00"},
            {"id": "b2", "body": articles["orchard-frost"], "published": None},
            {"id": "c3", "body": None, "published": None},
        ],
        pk="id",
    )
    return path


def load_table(db_path, *options):
    return CliRunner().invoke(cli, ["load", str(db_path), "--table", "stories", "--text-column", "body",
                                    "--id-column", "id", *options])


def test_rows_become_articles_linked_to_their_row(stories_db, articles):
    result = load_table(stories_db, "--date-column", "published")
    assert result.exit_code == 0, result.output
    assert "Loaded 2 articles" in result.output
    db = sqlite_utils.Database(stories_db)
    rows = list(db.query(
        "select stories.id as story, articles.date as date, quotes.text as quote"
        " from quotes join articles on articles.id = quotes.article_id"
        " join stories on 'stories/' || replace(stories.id, '/', '~2F') = articles.file"
        " order by stories.id, quotes.start"
    ))
    expected = [
        {"story": story, "date": extract(articles[name], date).meta.date, "quote": a.quote.text}
        for story, name, date in (("a/1", "harbour-bridge", "2026-03-15"), ("b2", "orchard-frost", None))
        for a in extract(articles[name], date).attributions
    ]
    assert rows == expected
    assert rows[0]["date"] == "2026-03-15"
    assert {row["file"] for row in db.query("select file from articles")} == {"stories/a~2F1", "stories/b2"}


def test_loading_the_table_again_changes_nothing(stories_db):
    assert load_table(stories_db).exit_code == 0
    db = sqlite_utils.Database(stories_db)
    before = {table: list(db.query(f"select * from [{table}] order by rowid")) for table in ("articles", "quotes")}
    result = load_table(stories_db)
    assert result.exit_code == 0, result.output
    assert {table: list(db.query(f"select * from [{table}] order by rowid")) for table in ("articles", "quotes")} == before


def test_a_row_with_an_unreadable_date_is_reported_and_skipped(stories_db):
    sqlite_utils.Database(stories_db)["stories"].update("b2", {"published": "spring"})
    result = load_table(stories_db, "--date-column", "published")
    assert result.exit_code == 1
    assert "Error: stories/b2: published: not a YYYY-MM-DD date: 'spring'" in result.output
    assert [row["file"] for row in sqlite_utils.Database(stories_db).query("select file from articles")] == ["stories/a~2F1"]


@pytest.mark.parametrize("options, message", [
    (["--table", "posts", "--text-column", "body", "--id-column", "id"], "{db}: no table named 'posts'"),
    (["--table", "stories", "--text-column", "text", "--id-column", "id"], "{db}: table 'stories' has no column 'text'"),
    (["--table", "stories", "--text-column", "body"], "--table needs --text-column and --id-column"),
    (["--text-column", "body", "--id-column", "id"], "--text-column, --id-column and --date-column need --table"),
])
def test_a_table_or_column_that_is_not_there_is_a_one_line_error(stories_db, options, message):
    result = CliRunner().invoke(cli, ["load", str(stories_db), *options])
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == "Error: " + message.format(db=stories_db)


def test_paths_and_a_table_do_not_mix(stories_db, article_dir):
    result = CliRunner().invoke(cli, ["load", str(stories_db), str(article_dir), "--table", "stories",
                                      "--text-column", "body", "--id-column", "id"])
    assert result.exit_code != 0
    assert "either PATHs or --table" in result.output
