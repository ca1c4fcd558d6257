"""The "Extract quotes" enrichment, run from Datasette's UI routes as a user would: pick it
for a table, choose the text and date columns, let the job run.

Not collected by a plain `pytest` run (the name does not start with `test_`):
tests/test_enrichment.py runs this file in a virtualenv that has datasette-enrichments,
which must not be loaded in the main test process.
"""
import asyncio
import re
from importlib.metadata import version

import pytest
import sqlite_utils
from datasette.app import Datasette

from datasette_quotes.extractor import extract
from datasette_quotes.store import article_id

JOB_SECONDS = 60
# A second agency's story carrying the harbour-bridge quote: the two make one cluster.
RETOLD_BRIDGE = (
    "date 2026-03-16\n\n"
    "Marlow Bay, March 16 (IANS): Mayor Tilda Varnham said on Saturday: \u201cThe new bridge "
    "will open to traffic in April.\u201d Work on the approach roads goes on at night.\n"
)
# Fails loudly rather than skips where it is missing. (Not `import datasette_enrichments`:
# imported before Datasette loads its plugins, it registers half-initialised, without routes.)
ENRICHMENTS_VERSION = version("datasette-enrichments")


@pytest.fixture
def stories_db(tmp_path, articles):
    path = tmp_path / "stories.db"
    sqlite_utils.Database(path)["stories"].insert_all(
        [
            # The date column says the 15th; the text's own header says the 14th.
            {"id": 1, "body": articles["harbour-bridge"], "published": "2026-03-15T06:00:00Z"},
            {"id": 2, "body": articles["orchard-frost"], "published": None},
            {"id": 3, "body": None, "published": None},
            {"id": 4, "body": articles["markup-column"], "published": "next week"},
            {"id": 5, "body": RETOLD_BRIDGE, "published": None},
        ],
        pk="id",
    )
    return path


def root_datasette(path):
    datasette = Datasette([str(path)])
    datasette.root_enabled = True  # Datasette 1.0a: root has every permission only then
    return datasette


def root_cookies(datasette):
    if hasattr(datasette.client, "actor_cookie"):
        return {"ds_actor": datasette.client.actor_cookie({"id": "root"})}
    return {"ds_actor": datasette.sign({"a": {"id": "root"}}, "actor")}


async def run_enrichment(datasette, database, table, config):
    """Start "Extract quotes" through the enrich pages and wait for its job: its id."""
    # Datasette 0.65 creates its internal tables on the first schema refresh, and the
    # picker's concurrent internal requests would race to do it ("database table is
    # locked: sqlite_master"): do it once first, as any earlier request would.
    await datasette.invoke_startup()
    await datasette.refresh_schemas()
    cookies = root_cookies(datasette)
    picker = await datasette.client.get(f"/-/enrich/{database}/{table}", cookies=cookies)
    assert picker.status_code == 200, f"datasette-enrichments {ENRICHMENTS_VERSION}: {picker.text}"
    assert "Extract quotes" in picker.text
    form = await datasette.client.get(f"/-/enrich/{database}/{table}/extract-quotes", cookies=cookies)
    assert form.status_code == 200, form.text
    csrftoken = re.search(r'name="csrftoken" value="([^"]+)"', form.text)
    data = {**config, **({"csrftoken": csrftoken.group(1)} if csrftoken else {})}
    started = await datasette.client.post(
        f"/-/enrich/{database}/{table}/extract-quotes", data=data, cookies={**cookies, **dict(form.cookies)}
    )
    assert started.status_code == 302, started.text
    job_id = int(started.headers["location"].split("_enrichment_job=")[1])
    db = datasette.get_database(database)
    for _ in range(JOB_SECONDS * 10):
        status = (await db.execute("select status from _enrichment_jobs where id = ?", [job_id])).single_value()
        if status == "finished":
            return job_id
        await asyncio.sleep(0.1)
    pytest.fail(f"enrichment job {job_id} still {status} after {JOB_SECONDS}s")


@pytest.mark.asyncio
async def test_extract_quotes_stores_a_text_column_in_the_quote_tables(stories_db, articles):
    datasette = root_datasette(stories_db)
    job_id = await run_enrichment(
        datasette, "stories", "stories", {"text_column": "body", "date_column": "published"}
    )
    db = sqlite_utils.Database(stories_db)
    stored = {row["file"]: row for row in db.query("select * from articles")}
    assert set(stored) == {"stories/1", "stories/2", "stories/5"}
    for file, name, date in (("stories/1", "harbour-bridge", "2026-03-15"), ("stories/2", "orchard-frost", None)):
        text = articles[name]
        extraction = extract(text, date)
        assert stored[file]["id"] == article_id(text)
        assert stored[file]["date"] == extraction.meta.date
        quotes = [row["text"] for row in db.query(
            "select text from quotes where article_id = ? order by start", [article_id(text)])]
        assert quotes == [a.quote.text for a in extraction.attributions]
    assert stored["stories/1"]["date"] == "2026-03-15"

    # Each quote leads back to its row and to a stored speaker, as the README's join shows.
    by_row = {}
    for row in db.query(
        "select stories.id, speakers.name, speakers.kind from quotes"
        " join articles on articles.id = quotes.article_id"
        " join stories on articles.file = 'stories/' || stories.id"
        " join speakers on speakers.id = quotes.speaker_id"
    ):
        by_row.setdefault(row["id"], set()).add((row["name"], row["kind"]))
    assert ("Tilda Varnham", "person") in by_row[1]
    assert ("Ivo Brannagh", "person") in by_row[2]
    assert set(by_row) == {1, 2, 5}

    # The quote the two stories share is one cluster, as a load of both would make it.
    (cluster,) = db.query(
        "select quote_clusters.id, quote_clusters.article_count, group_concat(articles.file) as files"
        " from quote_clusters join cluster_quotes on cluster_quotes.cluster_id = quote_clusters.id"
        " join quotes on quotes.id = cluster_quotes.quote_id join articles on articles.id = quotes.article_id"
        " group by quote_clusters.id having article_count > 1")
    assert cluster["article_count"] == 2
    assert sorted(cluster["files"].split(",")) == ["stories/1", "stories/5"]

    (error,) = db.query("select row_pks, error from _enrichment_errors where job_id = ?", [job_id])
    assert error["row_pks"] == '["4"]'
    assert "next week" in error["error"]

    # As after a load, the query planner has statistics (written once the job has finished).
    for _ in range(JOB_SECONDS * 10):
        if db["sqlite_stat1"].exists():
            break
        await asyncio.sleep(0.1)
    assert db.execute("select count(*) from sqlite_stat1 where tbl = 'quotes'").fetchone()[0]

    # The plugin's own pages show what the enrichment stored.
    (quote_id,) = [row["id"] for row in db.query(
        "select quotes.id from quotes join articles on articles.id = quotes.article_id"
        " where articles.file = 'stories/1' order by quotes.start limit 1")]
    page = await datasette.client.get(f"/stories/-/quote/{quote_id}")
    assert page.status_code == 200 and "Tilda Varnham" in page.text


@pytest.mark.asyncio
async def test_running_it_again_changes_nothing(stories_db):
    datasette = root_datasette(stories_db)
    config = {"text_column": "body", "date_column": ""}
    await run_enrichment(datasette, "stories", "stories", config)
    db = sqlite_utils.Database(stories_db)
    tables = ("articles", "quotes", "speakers", "quote_via", "quote_clusters", "cluster_quotes")
    first = {table: list(db.query(f"select * from [{table}] order by rowid")) for table in tables}
    await run_enrichment(datasette, "stories", "stories", config)
    assert {table: list(db.query(f"select * from [{table}] order by rowid")) for table in tables} == first
    assert first["quotes"], "the stories hold quotes"
    assert first["quote_clusters"], "the stories share a quote"
