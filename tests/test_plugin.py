"""The Datasette side, through datasette.client, on a database loaded by the real `load` command."""
from markupsafe import escape
import json
import sqlite3

import pytest
from datasette.app import Datasette


def ask(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def quote_with(db_path, fragment):
    """(quote id, article id, quote text) of the one quote whose text contains `fragment`."""
    rows = ask(db_path, "select id, article_id, text from quotes where text like ?", [f"%{fragment}%"])
    assert len(rows) == 1, rows
    return rows[0]


@pytest.fixture
def datasette(loaded_db, metadata):
    return Datasette([str(loaded_db)], metadata=metadata)


@pytest.mark.asyncio
async def test_plugin_is_listed(datasette):
    response = await datasette.client.get("/-/plugins.json")
    assert response.status_code == 200
    assert "datasette-quotes" in {plugin["name"] for plugin in response.json()}


@pytest.mark.asyncio
async def test_quote_view_has_the_configured_facets(datasette, loaded_db):
    response = await datasette.client.get("/quotes/quotes_view.json?_shape=objects&_extra=facet_results")
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)  # 1.0a nests them under "results"
    assert {"speaker", "type", "source_kind", "platform", "agency", "article_date"} <= set(facets)
    counted = dict(ask(loaded_db, "select type, count(*) from quotes group by type"))
    assert {item["value"]: item["count"] for item in facets["type"]["results"]} == counted
    counted = dict(ask(
        loaded_db,
        "select speakers.name, count(*) from quotes join speakers on speakers.id = quotes.speaker_id group by 1",
    ))
    assert {item["value"]: item["count"] for item in facets["speaker"]["results"]} == counted


@pytest.mark.asyncio
async def test_facet_selection_filters_the_quote_view(datasette, loaded_db):
    response = await datasette.client.get("/quotes/quotes_view.json?_shape=objects&agency=IANS")
    rows = response.json()["rows"]
    assert rows and {row["agency"] for row in rows} == {"IANS"}
    expected = ask(loaded_db, "select count(*) from quotes join articles on articles.id = quotes.article_id "
                              "where articles.agency = 'IANS'")[0][0]
    assert len(rows) == expected


@pytest.mark.asyncio
async def test_search_finds_a_quote_in_the_view(datasette, loaded_db):
    quote_id, _, text = quote_with(loaded_db, "apricot")
    response = await datasette.client.get("/quotes/quotes_view.json?_shape=objects&_search=apricot")
    assert response.status_code == 200
    assert [(row["id"], row["quote"]) for row in response.json()["rows"]] == [(quote_id, text)]
    response = await datasette.client.get("/quotes/articles.json?_shape=objects&_search=cooperative")
    assert [row["file"] for row in response.json()["rows"]] == ["orchard-frost.txt"]


@pytest.mark.asyncio
async def test_quote_view_links_to_quote_and_article_pages(datasette, loaded_db):
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    response = await datasette.client.get("/quotes/quotes_view?_search=apricot")
    assert f'<a href="/quotes/-/quote/{quote_id}">{quote_id}</a>' in response.text
    assert f'<a href="/quotes/-/article/{article_id}">{article_id}</a>' in response.text


@pytest.mark.asyncio
async def test_quote_page_shows_speaker_cue_source_and_highlight(datasette, loaded_db):
    quote_id, article_id, text = quote_with(loaded_db, "apricot")
    (speaker, cue, source_kind), = ask(
        loaded_db,
        "select speakers.name, quotes.cue, quotes.source_kind from quotes "
        "join speakers on speakers.id = quotes.speaker_id where quotes.id = ?",
        [quote_id],
    )
    response = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    assert response.status_code == 200
    page = response.text
    assert f"<h1>{escape(speaker)}</h1>" in page
    assert f"<dt>Cue</dt><dd>{escape(cue)}</dd>" in page
    assert f"<dt>Source</dt><dd>{source_kind}" in page
    assert f'<mark class="quotes-direct">{escape(text)}</mark>' in page
    assert f'href="/quotes/-/article/{article_id}"' in page


@pytest.mark.asyncio
async def test_quote_page_draws_the_relay_chain(datasette, loaded_db):
    quote_id, _, _ = quote_with(loaded_db, "border")
    outlets = [row[0] for row in ask(loaded_db, "select outlet from quote_via where quote_id = ?", [quote_id])]
    assert outlets
    response = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    chain = response.text.split('class="quotes-chain">')[1].split("</dd>")[0]
    for outlet in outlets:
        assert f"<span>{escape(outlet)}</span>" in chain


@pytest.mark.asyncio
async def test_article_page_shows_the_article_with_its_quotes(datasette, loaded_db):
    quote_id, article_id, text = quote_with(loaded_db, "apricot")
    response = await datasette.client.get(f"/quotes/-/article/{article_id}")
    assert response.status_code == 200
    assert "Kellbrook, February 3 (IANS)" in response.text
    assert f'<a href="/quotes/-/quote/{quote_id}">{escape(text)}</a></mark>' in response.text


@pytest.mark.asyncio
async def test_markup_in_articles_is_shown_as_text(datasette, loaded_db):
    (article_id,), = ask(loaded_db, "select id from articles where file = 'markup-column.txt'")
    quote_ids = [row[0] for row in ask(loaded_db, "select id from quotes where article_id = ?", [article_id])]
    assert quote_ids
    for path in [f"/quotes/-/article/{article_id}"] + [f"/quotes/-/quote/{q}" for q in quote_ids]:
        page = (await datasette.client.get(path)).text
        assert "<script>alert(1)" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    article_page = (await datasette.client.get(f"/quotes/-/article/{article_id}")).text
    assert "The &lt;b&gt;Gazette&lt;/b&gt; has run since 1911." in article_page


@pytest.mark.asyncio
async def test_unknown_quote_article_and_database_are_404(datasette):
    for path in ("/quotes/-/quote/nope", "/quotes/-/article/nope", "/elsewhere/-/quote/nope"):
        assert (await datasette.client.get(path)).status_code == 404


@pytest.mark.asyncio
async def test_pages_respect_base_url(loaded_db, metadata):
    datasette = Datasette([str(loaded_db)], metadata=metadata, settings={"base_url": "/news/"})
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    # datasette.client puts base_url in front of every path itself.
    view = (await datasette.client.get("/quotes/quotes_view?_search=apricot")).text
    assert f'href="/news/quotes/-/quote/{quote_id}"' in view
    page = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    assert page.status_code == 200
    assert f'href="/news/quotes/-/article/{article_id}"' in page.text
    assert 'href="/news/-/static-plugins/datasette-quotes/quotes.css"' in page.text


@pytest.mark.asyncio
async def test_pages_work_on_an_immutable_database(loaded_db, metadata):
    datasette = Datasette(immutables=[str(loaded_db)], metadata=metadata)
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    assert (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).status_code == 200
    assert (await datasette.client.get(f"/quotes/-/article/{article_id}")).status_code == 200
    search = await datasette.client.get("/quotes/quotes_view.json?_search=apricot&_shape=objects")
    assert [row["id"] for row in search.json()["rows"]] == [quote_id]


@pytest.mark.asyncio
async def test_pages_are_forbidden_where_the_database_is(loaded_db, metadata):
    locked = json.loads(json.dumps(metadata))
    locked["databases"]["quotes"]["allow"] = False
    datasette = Datasette([str(loaded_db)], metadata=locked)
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    assert (await datasette.client.get("/quotes/quotes_view")).status_code == 403
    assert (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).status_code == 403
    assert (await datasette.client.get(f"/quotes/-/article/{article_id}")).status_code == 403
