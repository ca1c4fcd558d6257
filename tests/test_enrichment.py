"""The "Extract quotes" enrichment, run from Datasette's UI routes as a user would:
pick it for a table, choose the text and date columns, let the job run."""
import asyncio
import re

import pytest
import sqlite_utils
from datasette.app import Datasette

from datasette_quotes.extractor import extract
from datasette_quotes.store import article_id

pytest.importorskip("datasette_enrichments", reason="datasette-enrichments is not in the test extra: loaded in the test process it makes other Datasette tests fail intermittently (shared internal database locks)")

JOB_SECONDS = 30


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
    cookies = root_cookies(datasette)
    picker = await datasette.client.get(f"/-/enrich/{database}/{table}", cookies=cookies)
    assert picker.status_code == 200, picker.text
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
    assert set(stored) == {"stories/1", "stories/2"}
    for file, name, date in (("stories/1", "harbour-bridge", "2026-03-15"), ("stories/2", "orchard-frost", None)):
        text = articles[name]
        extraction = extract(text, date)
        assert stored[file]["id"] == article_id(text)
        assert stored[file]["date"] == extraction.meta.date
        quotes = [row["text"] for row in db.query(
            "select text from quotes where article_id = ? order by start", [article_id(text)])]
        assert quotes == [a.quote.text for a in extraction.attributions]
    assert stored["stories/1"]["date"] == "2026-03-15"
    speakers = {row["speaker"] for row in db.query("select speaker from quotes_view")}
    assert {"Tilda Varnham", "Ivo Brannagh"} <= speakers

    (error,) = db.query("select row_pks, error from _enrichment_errors where job_id = ?", [job_id])
    assert error["row_pks"] == '["4"]'
    assert "next week" in error["error"]


@pytest.mark.asyncio
async def test_running_it_again_changes_nothing(stories_db):
    datasette = root_datasette(stories_db)
    config = {"text_column": "body", "date_column": ""}
    await run_enrichment(datasette, "stories", "stories", config)
    db = sqlite_utils.Database(stories_db)
    tables = ("articles", "quotes", "speakers", "quote_via")
    first = {table: list(db.query(f"select * from [{table}] order by rowid")) for table in tables}
    await run_enrichment(datasette, "stories", "stories", config)
    assert {table: list(db.query(f"select * from [{table}] order by rowid")) for table in tables} == first
    assert first["quotes"], "the stories hold quotes"
