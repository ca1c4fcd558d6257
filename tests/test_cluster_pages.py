"""Clusters and shared speakers in Datasette, through datasette.client, on tests/corpus
loaded by the real `load` command (see tests/test_across_articles.py for the corpus)."""
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from datasette_quotes.cli import cli

CORPUS = Path(__file__).parent / "corpus"
NEW_QUERIES = ("most_repeated_quotes", "first_carriers", "speakers_across_articles")


@pytest.fixture
def corpus_db(tmp_path):
    db_path = tmp_path / "quotes.db"  # the name metadata.yml describes
    result = CliRunner().invoke(cli, ["load", str(db_path), str(CORPUS)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db_path)
    conn.execute("pragma wal_checkpoint(truncate)")  # as the load process leaves it on exit
    conn.close()
    return db_path


@pytest.fixture
def datasette(corpus_db, metadata):
    return Datasette([str(corpus_db)], metadata=metadata)


def ask(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def strait_cluster(db_path):
    (cluster_id,), = ask(db_path, "select id from quote_clusters where text like 'India will not accept%'")
    return cluster_id


def cells(page, css_class):
    """Text of the table body's rows, cell by cell, in the table with `css_class`."""
    table = page.split(f'<table class="{css_class}">', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


async def get(datasette, path):
    response = await datasette.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response


@pytest.mark.asyncio
async def test_cluster_page_lists_the_carriers_first_to_last(datasette, corpus_db):
    cluster_id = strait_cluster(corpus_db)
    page = (await get(datasette, f"/quotes/-/cluster/{cluster_id}")).text
    assert "<h1>Quotation carried by 5 articles</h1>" in page
    rows = cells(page, "quotes-carriers")
    assert [row[:3] for row in rows] == [
        ["2026-03-02", "ANI", "a_strait_statement_ani.txt"],
        ["2026-03-03", "PTI", "b_strait_reaction_pti.txt"],
        ["2026-03-03", "Reuters", "c_strait_envoys_reuters.txt"],
        ["2026-03-04", "AP", "d_strait_shipping_ap.txt"],
        ["2026-03-05", "PTI", "j_weekly_briefing_pti.txt"],
    ]
    assert [row[4] for row in rows] == ["1", "2", "1", "3", "2"]  # the wording each carried
    assert '<tr class="quotes-first-carrier">' in page
    first_article, = ask(corpus_db, "select first_article_id from quote_clusters where id = ?", [cluster_id])
    assert f'<a href="/quotes/-/article/{first_article[0]}">a_strait_statement_ani.txt</a>' in page
    outlets = page.split('<dd class="quotes-outlets">', 1)[1].split("</dd>", 1)[0]
    assert re.findall(r"<span>(.*?)</span>", outlets) == ["ANI", "PTI", "Reuters", "AP"]
    speaker = re.search(r'<dd class="quotes-speaker"><a href="([^"]+)">Meera Raghunathan</a>', page).group(1)
    speaker_page = (await get(datasette, speaker)).text
    assert "<h1>Meera Raghunathan</h1>" in speaker_page
    names = speaker_page.split('<dd class="quotes-names">', 1)[1].split("</dd>", 1)[0]
    assert re.findall(r"<span>(.*?)</span>", names) == ["EAM", "M Raghunathan", "Meera Raghunathan", "Raghunathan"]


@pytest.mark.asyncio
async def test_quote_page_links_to_its_cluster_only_when_it_has_one(datasette, corpus_db):
    cluster_id = strait_cluster(corpus_db)
    (carried,), = ask(corpus_db, "select quotes.id from quotes join articles on articles.id = quotes.article_id"
                                 " where articles.file = 'd_strait_shipping_ap.txt' and quotes.text like 'India%'")
    page = (await get(datasette, f"/quotes/-/quote/{carried}")).text
    link = f'<dd class="quotes-cluster"><a href="/quotes/-/cluster/{cluster_id}">5 articles</a>, first by ANI on 2026-03-02</dd>'
    assert link in page
    (alone,), = ask(corpus_db, "select id from quotes where text like 'Not a single farmer%'")
    assert "quotes-cluster" not in (await get(datasette, f"/quotes/-/quote/{alone}")).text


@pytest.mark.asyncio
async def test_repeated_quotes_view_sorts_facets_and_links(datasette, corpus_db):
    response = await get(datasette, "/quotes/repeated_quotes.json?_shape=objects&_extra=facet_results")
    rows = response.json()["rows"]
    assert [(row["articles"], row["first_agency"], row["speaker"]) for row in rows] == [
        (5, "ANI", "Meera Raghunathan"), (2, "IANS", "Anand Kulkarni")]
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)
    assert {item["value"]: item["count"] for item in facets["carried_by"]["results"]} == {
        "ANI": 2, "PTI": 1, "Reuters": 1, "AP": 1, "IANS": 1}
    assert {"speaker", "first_agency", "first_date"} <= set(facets)
    page = (await get(datasette, "/quotes/repeated_quotes")).text
    cluster_id = strait_cluster(corpus_db)
    assert f'<a href="/quotes/-/cluster/{cluster_id}">{cluster_id}</a>' in page
    speaker = ask(corpus_db, "select id from speakers where name = 'Meera Raghunathan'")[0][0]
    assert f'<a href="/quotes/-/speaker/{speaker}">Meera Raghunathan</a>' in page


@pytest.mark.asyncio
async def test_canned_queries_for_clusters_and_shared_speakers(datasette, corpus_db):
    rows = (await get(datasette, "/quotes/first_carriers.json?_shape=objects")).json()["rows"]
    assert {row["agency"]: (row["carried_first"], row["carried"]) for row in rows} == {
        "ANI": (1, 2), "IANS": (1, 1), "PTI": (0, 1), "Reuters": (0, 1), "AP": (0, 1)}
    rows = (await get(datasette, "/quotes/most_repeated_quotes.json?_shape=objects&speaker=Kulkarni")).json()["rows"]
    assert [(row["articles"], row["first_carrier"]) for row in rows] == [(2, "IANS")]
    page = (await get(datasette, "/quotes/most_repeated_quotes?speaker=")).text
    assert f'href="/quotes/-/cluster/{strait_cluster(corpus_db)}"' in page
    rows = (await get(datasette, "/quotes/speakers_across_articles.json?_shape=objects&kind=person")).json()["rows"]
    assert (rows[0]["speaker"], rows[0]["articles"]) == ("Meera Raghunathan", 4)
    assert json.loads(rows[0]["names"]) == ["EAM", "M Raghunathan", "Meera Raghunathan", "Raghunathan"]
    assert {row["kind"] for row in rows} == {"person"}


@pytest.mark.asyncio
async def test_cluster_pages_are_missing_forbidden_and_read_only_as_the_others(corpus_db, metadata):
    cluster_id = strait_cluster(corpus_db)
    datasette = Datasette(immutables=[str(corpus_db)], metadata=metadata)
    for path in (f"/quotes/-/cluster/{cluster_id}", "/quotes/repeated_quotes", *(f"/quotes/{name}" for name in NEW_QUERIES)):
        assert (await datasette.client.get(path)).status_code == 200, path
    assert (await datasette.client.get("/quotes/-/cluster/0000")).status_code == 404
    locked = json.loads(json.dumps(metadata))
    locked["databases"]["quotes"]["allow"] = False
    datasette = Datasette([str(corpus_db)], metadata=locked)
    assert (await datasette.client.get(f"/quotes/-/cluster/{cluster_id}")).status_code == 403
