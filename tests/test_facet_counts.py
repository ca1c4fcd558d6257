"""The facet counts of the quote view and quotes table kept by the store (facet_counts) and
served by the plugin's column facet: equal to counting live after every kind of write, and
the page the same as Datasette's own column facet makes.

Runs on Datasette 0.65 and on the 1.0 alphas (tests/test_datasette_versions.py)."""
import json
import re
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.plugins import pm

from datasette_quotes import facet_counts
from datasette_quotes.cli import cli

# Invented stories for a second load: a speaker already in the database, new channels and months.
SECOND_LOAD = {
    "quarry-permit": (
        "date 2026-06-11\n\n"
        "Marlow Bay, June 11 (PTI): Mayor Tilda Varnham posted on Facebook that the quarry permit "
        "would be reviewed by the council.\n\n"
        "\"No blasting will happen near the school,\" she said. (PTI)\n"
    ),
    "ferry-strike": (
        "date 2026-07-02\n\n"
        "Kellbrook, July 2 (IANS): The ferry crews' union said in a statement that the strike would "
        "last three days.\n\n"
        "\"We have waited two years for a contract,\" said Pell Ostrander, the union's secretary. (IANS)\n"
    ),
}


@pytest.fixture
def plugin_not_installed_later():
    "Call it to have Datasette as on a machine where datasette-quotes is not installed."
    unregistered = []
    yield lambda: unregistered.append(pm.unregister(name="quotes"))
    for plugin in unregistered:
        pm.register(plugin, name="quotes")


def run(*args):
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result


def ask(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def stored(db_path):
    return sorted(ask(db_path, "select table_name, facet, value, count from facet_counts"))


def counted_live(db_path):
    return sorted((table, column, value, count) for table, columns in facet_counts.COUNTED.items()
                  for column in columns for value, count in ask(
                      db_path, f"select [{column}], count(*) from [{table}] where [{column}] is not null group by 1"))


def write_articles(folder, articles):
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


async def facets(db_path, metadata, path):
    datasette = Datasette([str(db_path)], metadata=metadata)
    response = await datasette.client.get(path + ("&" if "?" in path else "?") + "_extra=facet_results")
    assert response.status_code == 200, response.text[:500]
    results = response.json()["facet_results"]
    return results.get("results", results)  # 1.0a nests them under "results"


async def html_page(db_path, metadata, path):
    page = (await Datasette([str(db_path)], metadata=metadata).client.get(path)).text
    return re.sub(r"took [0-9.]+ms", "took", page)


def values(results, column):
    return {item["value"]: item["count"] for item in results[column]["results"]}


def test_a_load_counts_the_facets_of_the_quote_view(loaded_db):
    assert stored(loaded_db) == counted_live(loaded_db)
    assert {(table, facet) for table, facet, _, _ in stored(loaded_db)} >= {
        ("quotes_view", "speaker"), ("quotes_view", "agency"), ("quotes_view", "article_month"), ("quotes", "type")}


def test_counts_stay_equal_to_live_counts_through_loads_and_corrections(loaded_db, tmp_path):
    before = stored(loaded_db)
    run("load", loaded_db, write_articles(tmp_path / "second", SECOND_LOAD))
    after_second = stored(loaded_db)
    assert after_second == counted_live(loaded_db) and after_second != before

    run("load", loaded_db, tmp_path / "second")  # a reload: nothing changes
    assert stored(loaded_db) == after_second

    run("speakers", loaded_db, "--merge", "Ivo Brannagh", "Pell Ostrander")
    merged = stored(loaded_db)
    assert merged == counted_live(loaded_db) and merged != after_second
    run("speakers", loaded_db, "--split", "Ivo Brannagh", "Pell Ostrander")
    assert stored(loaded_db) == after_second


def test_a_reload_that_changes_stored_quotes_counts_again(loaded_db, article_dir, tmp_path):
    """As after an extractor change: the same articles, one quote of another type."""
    records = [json.loads(line) for line in run("extract", article_dir).output.splitlines()]
    changed = next(record for record in records if record["type"] == "direct")
    changed["type"] = "indirect"
    shard = tmp_path / "reextracted.jsonl"
    shard.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    before = stored(loaded_db)
    run("load", loaded_db, "--shards", shard)
    assert stored(loaded_db) == counted_live(loaded_db) != before


def test_any_write_to_the_quotes_clears_the_counts(loaded_db):
    ask(loaded_db, "update quotes set type = 'direct' where rowid = (select min(rowid) from quotes)")
    assert stored(loaded_db) == []
    ask(loaded_db, "insert into facet_counts (table_name, facet, value, count) values ('quotes', 'type', 'direct', 1)")
    ask(loaded_db, "delete from quotes where rowid = (select min(rowid) from quotes)")
    assert stored(loaded_db) == []


@pytest.mark.asyncio
async def test_the_whole_quote_view_is_served_from_the_stored_counts(loaded_db, metadata):
    for table, columns in facet_counts.COUNTED.items():
        assert set(await facets(loaded_db, metadata, f"/quotes/{table}.json")) == set(columns)
    # A count only the table holds shows that the page read it.
    ask(loaded_db, "update facet_counts set count = 1000 where facet = 'agency' and value = 'PTI'")
    assert values(await facets(loaded_db, metadata, "/quotes/quotes_view.json"), "agency")["PTI"] == 1000
    ask(loaded_db, "update facet_counts set count = 1000 where table_name = 'quotes' and facet = 'type'")
    assert set(values(await facets(loaded_db, metadata, "/quotes/quotes.json"), "type").values()) == {1000}
    # Filtered or searched, the facets are counted live.
    for path in ("/quotes/quotes_view.json?agency=PTI", "/quotes/quotes_view.json?_search=bridge",
                 "/quotes/quotes_view.json?_where=agency+%3D+%27PTI%27"):
        live = ask(loaded_db, "select count(*) from quotes_view where agency = 'PTI'" if "bridge" not in path else
                   "select count(*) from quotes_view where agency = 'PTI' and rowid in"
                   " (select rowid from quotes_fts where quotes_fts match 'bridge')")[0][0]
        assert values(await facets(loaded_db, metadata, path), "agency") == {"PTI": live}, path


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/quotes/quotes_view", "/quotes/quotes_view?_facet_size=2",
                                  "/quotes/quotes_view?_facet_size=max", "/quotes/quotes?_facet_size=1"])
async def test_the_page_is_the_one_the_column_facet_makes(loaded_db, metadata, path):
    """Toggle links, selections, truncation and facet size: the same from the stored counts
    as counted live (an empty facet_counts table)."""
    table, _, query = path.partition("?")
    served = await facets(loaded_db, metadata, f"{table}.json?{query}")
    page = await html_page(loaded_db, metadata, path)
    ask(loaded_db, "delete from facet_counts")
    assert served == await facets(loaded_db, metadata, f"{table}.json?{query}")
    assert page == await html_page(loaded_db, metadata, path)
    if query == "_facet_size=2":
        assert served["speaker"]["truncated"] and len(served["speaker"]["results"]) == 2


@pytest.mark.asyncio
async def test_counts_emptied_by_a_write_are_counted_live(loaded_db, metadata):
    before = values(await facets(loaded_db, metadata, "/quotes/quotes_view.json"), "type")
    ask(loaded_db, "update quotes set type = 'partial' where type = 'direct'")
    after = values(await facets(loaded_db, metadata, "/quotes/quotes_view.json"), "type")
    assert after == dict(ask(loaded_db, "select type, count(*) from quotes group by type")) != before


def test_metadata_lists_the_counted_facets(metadata):
    for table, columns in facet_counts.COUNTED.items():
        assert tuple(metadata["databases"]["quotes"]["tables"][table]["facets"]) == columns


async def suggested(datasette, path):
    page, _, query = path.partition("?")
    response = await datasette.client.get(f"{page}.json?_extra=suggested_facets&{query}")
    assert response.status_code == 200, response.text[:500]
    return response.json()["suggested_facets"]


@pytest.mark.asyncio
async def test_facets_are_suggested_as_datasette_suggests_them(loaded_db, metadata, plugin_not_installed_later):
    """Under 1,000 rows the suggestions are Datasette's own, searched or not, whichever
    columns the page shows."""
    paths = ("/quotes/quotes_view", "/quotes/quotes", "/quotes/quotes_view?_search=visit",
             "/quotes/quotes?_search=visit", "/quotes/quotes_view?_search=india&_nocol=id")
    datasette = Datasette([str(loaded_db)], metadata=metadata)
    ours = [await suggested(datasette, path) for path in paths]
    assert all(ours)
    plugin_not_installed_later()
    datasette = Datasette([str(loaded_db)], metadata=metadata)
    assert ours == [await suggested(datasette, path) for path in paths]


@pytest.mark.asyncio
async def test_facets_are_suggested_from_the_first_thousand_rows_of_the_quote_pages_only(tmp_path, plugin_not_installed_later):
    db_path = tmp_path / "numbers.db"
    conn = sqlite3.connect(db_path)
    with conn:
        # One value over the first 1,000 rows, then one more than a facet shows.
        rows = [(n, "even" if n % 2 == 0 else "odd") for n in range(1000)] + [(n, f"value {n}") for n in range(1000, 1040)]
        for table in ("quotes", "numbers"):
            conn.execute(f"create table {table} (id integer primary key, parity text)")
            conn.executemany(f"insert into {table} (id, parity) values (?, ?)", rows)
    conn.close()
    datasette = Datasette([str(db_path)])
    assert "parity" in [facet["name"] for facet in await suggested(datasette, "/numbers/quotes")]
    # Any other table keeps the installed Datasette's own suggestions (0.65 looks at all
    # rows, 1.0 at the first thousand).
    ours = await suggested(datasette, "/numbers/numbers")
    plugin_not_installed_later()
    assert ours == await suggested(Datasette([str(db_path)]), "/numbers/numbers")
