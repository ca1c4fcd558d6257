"""The Datasette side, through datasette.client, on a database loaded by the real `load` command.

Runs on Datasette 0.65 and on the 1.0 alphas (tests/test_datasette_versions.py runs it again
on the release line that is not installed), so it only uses what both have.
"""
import json
import re
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette.plugins import pm
from markupsafe import escape

import datasette_quotes

SEED_EXPECTED = Path(__file__).parent / "fixtures" / "seed" / "000_c552f5dde1320bff.expected.json"

# The mayor of the harbour-bridge article again, on other days and through other channels,
# so that her speaker page has quotes to order and to count by channel and by month.
MORE_ARTICLES = {
    "varnham-post": (
        "date 2026-05-02\n\n"
        "Marlow Bay, May 2 (PTI): Mayor Tilda Varnham posted on X that the bridge would close "
        "for two nights of repairs.\n\nThe repairs will start on Monday. (PTI)\n"
    ),
    "varnham-tolls": (
        "date 2026-05-20\n\n"
        "Marlow Bay, May 20 (PTI): \"The tolls will stay as they are,\" Mayor Tilda Varnham said "
        "in a statement.\n\nShe said the council had rejected a plan to charge lorries more. (PTI)\n"
    ),
}

CANNED_QUERIES = ("most_quoted_speakers", "quotes_relayed_by_outlet", "quotes_between_dates", "quotes_of_speaker",
                  "search_quotes")


@pytest.fixture
def article_dir(article_dir):
    for name, text in MORE_ARTICLES.items():
        (article_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    return article_dir


@pytest.fixture
def loaded_db(loaded_db):
    """The database as a `load` process leaves it when it exits: its write-ahead log
    checkpointed into the file, which is all an immutable open reads. (Loaded in-process,
    the loader's connection is still open here.)"""
    conn = sqlite3.connect(loaded_db)
    try:
        conn.execute("pragma wal_checkpoint(truncate)")
    finally:
        conn.close()
    return loaded_db


@pytest.fixture
def datasette(loaded_db, metadata):
    return Datasette([str(loaded_db)], metadata=metadata)


@pytest.fixture
def plugin_not_installed():
    "Datasette as on a machine where datasette-quotes is not installed."
    plugin = pm.unregister(name="quotes")
    yield
    pm.register(plugin, name="quotes")


def ask(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def quote_with(db_path, fragment):
    """(quote id, article id, quote text) of the one quote whose text contains `fragment`."""
    rows = ask(db_path, "select id, article_id, text from quotes where text like ?", [f"%{fragment}%"])
    assert len(rows) == 1, rows
    return rows[0]


def dump(db_path):
    "Schema and content: the file's bytes may change when SQLite checkpoints its WAL."
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def speaker_named(db_path, name):
    (speaker_id,), = ask(db_path, "select id from speakers where name = ?", [name])
    return speaker_id


def facet_results(response):
    facets = response.json()["facet_results"]
    return facets.get("results", facets)  # 1.0a nests them under "results"


def facet_counts(facets, column):
    return {item["value"]: item["count"] for item in facets[column]["results"]}


def inside(page, start, end):
    "The part of `page` from the first `start` to the next `end`."
    assert start in page, f"{start!r} is not on the page"
    return page.split(start, 1)[1].split(end, 1)[0]


def chain_steps(page):
    "The texts of the relay chain's boxes, in order."
    chain = inside(page, '<ol class="quotes-chain">', "</ol>")
    return [re.sub(r"<[^>]+>", "", step).strip() for step in re.findall(r"<li[^>]*>(.*?)</li>", chain, re.S)]


async def json_rows(datasette, path):
    response = await datasette.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()["rows"]


@pytest.mark.asyncio
async def test_plugin_is_listed(datasette):
    response = await datasette.client.get("/-/plugins.json")
    assert response.status_code == 200
    assert "datasette-quotes" in {plugin["name"] for plugin in response.json()}


@pytest.mark.asyncio
async def test_quote_view_facets_count_what_the_tables_hold(datasette, loaded_db):
    response = await datasette.client.get("/quotes/quotes_view.json?_shape=objects&_extra=facet_results")
    assert response.status_code == 200
    facets = facet_results(response)
    joined = "from quotes join articles on articles.id = quotes.article_id left join speakers on speakers.id = quotes.speaker_id"
    for column, expression in [
        ("speaker", "speakers.name"),
        ("speaker_kind", "speakers.kind"),
        ("type", "quotes.type"),
        ("source_kind", "quotes.source_kind"),
        ("platform", "quotes.platform"),
        ("agency", "articles.agency"),
        ("article_month", "substr(articles.date, 1, 7)"),
    ]:
        counted = dict(ask(loaded_db, f"select {expression}, count(*) {joined} where {expression} is not null group by 1"))
        assert counted, column
        assert facet_counts(facets, column) == counted, column
    relayed = dict(ask(loaded_db, "select outlet, count(*) from quote_via where position = 0 group by outlet"))
    assert relayed and facet_counts(facets, "relayed_by") == relayed
    # Every relay, and days, on request: too slow by default on a million quotes.
    response = await datasette.client.get("/quotes/quotes_view.json?_facet_array=via&_facet_date=article_date"
                                          "&_extra=facet_results")
    facets = facet_results(response)
    relayed = dict(ask(loaded_db, "select outlet, count(distinct quote_id) from quote_via group by outlet"))
    assert facet_counts(facets, "via") == relayed
    days = dict(ask(loaded_db, f"select articles.date, count(*) {joined} where articles.date is not null group by 1"))
    assert facet_counts(facets, "article_date") == days


@pytest.mark.asyncio
async def test_facet_selections_filter_the_quote_view(datasette, loaded_db):
    rows = await json_rows(datasette, "/quotes/quotes_view.json?_shape=objects&agency=IANS")
    assert rows and {row["agency"] for row in rows} == {"IANS"}
    expected = ask(loaded_db, "select count(*) from quotes join articles on articles.id = quotes.article_id "
                              "where articles.agency = 'IANS'")[0][0]
    assert len(rows) == expected

    rows = await json_rows(datasette, "/quotes/quotes_view.json?_shape=objects&via__arraycontains=Belmar+Press")
    relayed = {row[0] for row in ask(loaded_db, "select quote_id from quote_via where outlet = 'Belmar Press'")}
    assert relayed and {row["id"] for row in rows} == relayed

    rows = await json_rows(datasette, "/quotes/quotes_view.json?_shape=objects&article_month=2026-05")
    may = {row[0] for row in ask(loaded_db, "select quotes.id from quotes join articles on articles.id = "
                                            "quotes.article_id where articles.date like '2026-05-%'")}
    assert may and {row["id"] for row in rows} == may


@pytest.mark.asyncio
async def test_quote_view_shows_the_newest_articles_first(datasette, loaded_db):
    rows = await json_rows(datasette, "/quotes/quotes_view.json?_shape=objects")
    dates = [row["article_date"] for row in rows]
    assert len(rows) == ask(loaded_db, "select count(*) from quotes")[0][0]
    assert dates == sorted(dates, key=lambda date: date or "", reverse=True)
    # Loaded in file order, the rows would not be in date order: the sort does the work.
    assert dates != [row[0] for row in ask(loaded_db, "select article_date from quotes_view order by rowid")]


def test_every_column_of_every_table_and_view_is_described(loaded_db, metadata):
    described = metadata["databases"]["quotes"]["tables"]
    names = [row[0] for row in ask(
        loaded_db,
        "select name from sqlite_master where type in ('table', 'view') "
        "and name not like '%\\_fts%' escape '\\' and name not like 'sqlite_%'",
    )]
    assert {"quotes", "articles", "speakers", "quote_via", "quotes_view"} <= set(names)
    for name in names:
        columns = [row[1] for row in ask(loaded_db, f"pragma table_info([{name}])")]
        missing = [column for column in columns if column not in described.get(name, {}).get("columns", {})]
        assert not missing, f"{name}: no description for {missing}"


@pytest.mark.asyncio
async def test_search_finds_quotes_in_the_view_and_the_table_and_articles(datasette, loaded_db):
    quote_id, _, text = quote_with(loaded_db, "apricot")
    rows = await json_rows(datasette, "/quotes/quotes_view.json?_shape=objects&_search=apricot")
    assert [(row["id"], row["quote"]) for row in rows] == [(quote_id, text)]
    rows = await json_rows(datasette, "/quotes/quotes.json?_shape=objects&_search=apricot")
    assert [row["id"] for row in rows] == [quote_id]
    rows = await json_rows(datasette, "/quotes/articles.json?_shape=objects&_search=cooperative")
    assert [row["file"] for row in rows] == ["orchard-frost.txt"]
    # The search box is on the view's page.
    page = (await datasette.client.get("/quotes/quotes_view")).text
    assert 'name="_search"' in page


@pytest.mark.asyncio
async def test_quote_view_links_ids_and_speakers_to_the_pages(datasette, loaded_db):
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    speaker_id = speaker_named(loaded_db, "Ivo Brannagh")
    page = (await datasette.client.get("/quotes/quotes_view?_search=apricot")).text
    assert f'<a href="/quotes/-/quote/{quote_id}">{quote_id}</a>' in page
    assert f'<a href="/quotes/-/article/{article_id}">{article_id}</a>' in page
    assert f'<a href="/quotes/-/speaker/{speaker_id}">Ivo Brannagh</a>' in page
    assert f'<a href="/quotes/-/speaker/{speaker_id}">{speaker_id}</a>' in page
    for listing in ("/quotes/speaker_counts", "/quotes/speakers?kind=person"):
        page = (await datasette.client.get(listing)).text
        assert f'<a href="/quotes/-/speaker/{speaker_id}">Ivo Brannagh</a>' in page, listing


@pytest.mark.asyncio
async def test_outlets_link_to_the_quotes_they_relayed(datasette, loaded_db):
    assert ask(loaded_db, "select count(*) from quote_via where outlet = 'Belmar Press'")[0][0]
    link = '<a href="/quotes/quotes_view?via__arraycontains=Belmar+Press">Belmar Press</a>'
    for listing in ("/quotes/outlet_counts", "/quotes/quote_via"):
        assert link in (await datasette.client.get(listing)).text, listing


@pytest.mark.asyncio
async def test_quote_page_shows_speaker_cue_source_and_the_quote_in_its_paragraph(datasette, loaded_db):
    quote_id, article_id, text = quote_with(loaded_db, "apricot")
    speaker_id = speaker_named(loaded_db, "Ivo Brannagh")
    (cue, source_kind), = ask(loaded_db, "select cue, source_kind from quotes where id = ?", [quote_id])
    response = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    assert response.status_code == 200
    page = response.text
    assert "<h1>Ivo Brannagh</h1>" in page
    assert f'<a href="/quotes/-/speaker/{speaker_id}">Ivo Brannagh</a> (person)' in page
    assert f"<dt>Cue</dt><dd>{escape(cue)}</dd>" in page
    assert f"<dt>Source</dt><dd>{source_kind}</dd>" in page
    assert f'href="/quotes/-/article/{article_id}"' in page
    shown = inside(page, '<div class="quotes-article">', "</div>")
    assert f'<mark class="quotes-direct">{escape(text)}</mark>' in shown
    assert "Kellbrook, February 3 (IANS)" in shown
    # Only the quote's paragraph: the next one is on the article page.
    assert "district council" not in shown


@pytest.mark.asyncio
async def test_quote_page_shows_the_day_the_words_were_said(datasette, loaded_db):
    dated = ask(loaded_db, "select id, source_date from quotes where source_date is not null order by id")
    assert dated  # "told reporters on Saturday", in harbour-bridge, for one
    quote_id, said_on = dated[0]
    page = (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).text
    assert f"<dt>Said on</dt><dd>{said_on}</dd>" in page


@pytest.mark.asyncio
async def test_quote_page_draws_the_seed_relay_chain(datasette, loaded_db):
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    relayed = next(a for a in expected["attributions"] if a["source"]["via"])
    quote_id, _, _ = quote_with(loaded_db, relayed["text"][:60])
    page = (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).text
    # Kremlin → statement → TASS → ANI: from the speaker to the article's agency.
    assert chain_steps(page) == [
        relayed["speaker"], relayed["source"]["kind"], *reversed(relayed["source"]["via"]),
        expected["meta"]["agency"],
    ]
    outlet = relayed["source"]["via"][0]
    assert f'<a href="/quotes/quotes_view?via__arraycontains={outlet}">{outlet}</a>' in page


@pytest.mark.asyncio
async def test_quote_page_links_other_quotes_of_the_speaker(datasette, loaded_db):
    quote_id, _, _ = quote_with(loaded_db, "apricot")
    (other_id, other_text), = ask(
        loaded_db,
        "select quotes.id, quotes.text from quotes join speakers on speakers.id = quotes.speaker_id "
        "where speakers.name = 'Ivo Brannagh' and quotes.id != ?",
        [quote_id],
    )
    page = (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).text
    others = inside(page, '<ul class="quotes-others">', "</ul>")
    assert f'<a href="/quotes/-/quote/{other_id}">{escape(other_text)}</a>' in others
    assert f"/quotes/-/quote/{quote_id}" not in others


@pytest.mark.asyncio
async def test_speaker_page_counts_and_lists_the_quotes_newest_first(datasette, loaded_db):
    speaker_id = speaker_named(loaded_db, "Tilda Varnham")
    quotes = ask(
        loaded_db,
        "select quotes.id, quotes.source_kind, articles.date from quotes "
        "join articles on articles.id = quotes.article_id where speaker_id = ?",
        [speaker_id],
    )
    assert len({date for _, _, date in quotes}) == 3
    (kind, title, aliases), = ask(loaded_db, "select kind, title, aliases from speakers where id = ?", [speaker_id])
    response = await datasette.client.get(f"/quotes/-/speaker/{speaker_id}")
    assert response.status_code == 200
    page = response.text
    assert "<h1>Tilda Varnham</h1>" in page
    assert f"<dt>Title</dt><dd>{title}</dd>" in page
    assert f"<dt>Kind</dt><dd>{kind}</dd>" in page
    for alias in json.loads(aliases):
        assert f"<span>{escape(alias)}</span>" in inside(page, 'class="quotes-aliases">', "</dd>")
    assert f'<dd class="quotes-count">{len(quotes)} ' in page

    def bars(css_class):
        table = inside(page, f'class="quotes-bars {css_class}">', "</table>")
        return {label: int(count) for label, count in re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', table)}

    by_kind, by_month = {}, {}
    for _, source_kind, date in quotes:
        by_kind[source_kind] = by_kind.get(source_kind, 0) + 1
        by_month[date[:7]] = by_month.get(date[:7], 0) + 1
    assert bars("quotes-by-source-kind") == by_kind
    assert bars("quotes-by-month") == by_month
    listed = re.findall(r'href="/quotes/-/quote/(\w+)"', inside(page, '<ol class="quotes-list">', "</ol>"))
    assert sorted(listed) == sorted(q_id for q_id, _, _ in quotes)
    dates = {q_id: date for q_id, _, date in quotes}
    assert [dates[q_id] for q_id in listed] == sorted(dates.values(), reverse=True)


@pytest.mark.asyncio
async def test_speaker_page_lists_its_quotes_a_page_at_a_time(datasette, loaded_db, monkeypatch):
    monkeypatch.setattr(datasette_quotes, "SPEAKER_QUOTES_PER_PAGE", 2)
    speaker_id = speaker_named(loaded_db, "Tilda Varnham")
    newest_first = [q_id for (q_id,) in ask(
        loaded_db, "select id from quotes where speaker_id = ? order by coalesce(source_date, article_date) desc,"
                   " article_file, start", [speaker_id])]
    assert len(newest_first) >= 3
    last = (len(newest_first) + 1) // 2
    listed = []
    for number in range(1, last + 1):
        page = (await datasette.client.get(f"/quotes/-/speaker/{speaker_id}?page={number}")).text
        assert f'<dd class="quotes-count">{len(newest_first)} ' in page  # the whole count on every page
        on_page = re.findall(r'href="/quotes/-/quote/(\w+)"', inside(page, '<ol class="quotes-list">', "</ol>"))
        assert len(on_page) == (2 if number < last else len(newest_first) - 2 * (last - 1))
        listed += on_page
        assert (f'href="/quotes/-/speaker/{speaker_id}?page={number + 1}" rel="next"' in page) == (number < last)
        assert (f'href="/quotes/-/speaker/{speaker_id}?page={number - 1}" rel="prev"' in page) == (number > 1)
    assert listed == newest_first


@pytest.mark.asyncio
async def test_article_page_marks_every_quote_by_type_with_its_speaker(datasette, loaded_db):
    (article_id,), = ask(loaded_db, "select id from articles where file = ?", [Path(SEED_EXPECTED).name.split(".")[0] + ".txt"])
    quotes = ask(
        loaded_db,
        "select quotes.id, quotes.type, quotes.text, speakers.name from quotes "
        "left join speakers on speakers.id = quotes.speaker_id where article_id = ?",
        [article_id],
    )
    assert {quote_type for _, quote_type, _, _ in quotes} == {"direct", "partial", "indirect"}
    page = (await datasette.client.get(f"/quotes/-/article/{article_id}")).text
    article = inside(page, '<div class="quotes-article">', "</div>")
    for quote_id, quote_type, text, speaker in quotes:
        assert (
            f'<mark class="quotes-{quote_type}" title="{escape(speaker)}">'
            f'<a href="/quotes/-/quote/{quote_id}">{escape(text)}</a></mark>'
            f'<sup class="quotes-speaker-tag">{escape(speaker)}</sup>'
        ) in article
    legend = inside(page, '<p class="quotes-legend">', "</p>")
    for quote_type in ("direct", "partial", "indirect"):
        assert f'<mark class="quotes-{quote_type}">' in legend


@pytest.mark.asyncio
async def test_canned_queries_are_listed_and_take_parameters(datasette, loaded_db):
    database_page = (await datasette.client.get("/quotes")).text
    # Datasette 1.0 lists five queries on the database page and all of them on its own page.
    every_query = await datasette.client.get("/quotes/-/queries")
    if every_query.status_code == 200:
        database_page += every_query.text
    for name in CANNED_QUERIES:
        assert f'href="/quotes/{name}"' in database_page
        form = (await datasette.client.get(f"/quotes/{name}")).text
        assert "<form" in form and 'name="sql"' not in form  # a canned query, not the SQL editor

    rows = await json_rows(datasette, "/quotes/most_quoted_speakers.json?_shape=objects&kind=person")
    counted = ask(loaded_db, "select speakers.name, count(*) from quotes join speakers on speakers.id = "
                             "quotes.speaker_id where speakers.kind = 'person' group by 1")
    assert sorted((row["speaker"], row["quotes"]) for row in rows) == sorted(counted)
    assert [row["quotes"] for row in rows] == sorted((row["quotes"] for row in rows), reverse=True)
    every_kind = await json_rows(datasette, "/quotes/most_quoted_speakers.json?_shape=objects&kind=")
    assert len(every_kind) == ask(loaded_db, "select count(distinct speaker_id) from quotes")[0][0]

    relayed = {row[0] for row in ask(loaded_db, "select quote_id from quote_via where outlet = 'Belmar Press'")}
    rows = await json_rows(datasette, "/quotes/quotes_relayed_by_outlet.json?_shape=objects&outlet=belmar+press")
    assert relayed and {row["quote_id"] for row in rows} == relayed

    rows = await json_rows(
        datasette, "/quotes/quotes_between_dates.json?_shape=objects&from_date=2026-02-01&to_date=2026-03-14"
    )
    between = {row[0] for row in ask(loaded_db, "select quotes.id from quotes join articles on articles.id = "
                                                "quotes.article_id where articles.date between '2026-02-01' and '2026-03-14'")}
    assert between and {row["quote_id"] for row in rows} == between
    assert all("2026-02-01" <= row["article_date"] <= "2026-03-14" for row in rows)

    found = await json_rows(datasette, "/quotes/search_quotes.json?_shape=objects&words=apricot+blossom")
    expected = ask(loaded_db, "select id from quotes where text like '%apricot blossom%' order by rowid desc")
    assert expected and [row["quote_id"] for row in found] == [q_id for (q_id,) in expected]
    # Search syntax in the words is taken as words, not as an error.
    assert await json_rows(datasette, '/quotes/search_quotes.json?_shape=objects&words=%22apricot+OR') == []

    rows = await json_rows(datasette, "/quotes/quotes_of_speaker.json?_shape=objects&speaker=Varnham")
    assert {row["speaker"] for row in rows} == {"Tilda Varnham"}
    assert len(rows) == len(ask(loaded_db, "select id from quotes where speaker_id = ?", [speaker_named(loaded_db, "Tilda Varnham")]))
    assert [row["article_date"] for row in rows] == sorted((row["article_date"] for row in rows), reverse=True)


@pytest.mark.asyncio
async def test_canned_query_results_link_to_the_pages(datasette, loaded_db):
    speaker_id = speaker_named(loaded_db, "Tilda Varnham")
    page = (await datasette.client.get("/quotes/quotes_of_speaker?speaker=Varnham")).text
    for (quote_id,) in ask(loaded_db, "select id from quotes where speaker_id = ?", [speaker_id]):
        assert f'<a href="/quotes/-/quote/{quote_id}">{quote_id}</a>' in page
    assert f'<a href="/quotes/-/speaker/{speaker_id}">{speaker_id}</a>' in page


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
async def test_hostile_speaker_names_aliases_and_outlets_are_shown_as_text(loaded_db, metadata):
    "A shared database may have been edited by anyone: every field it holds is shown as text."
    hostile = "<script>alert(2)</script><img src=x onerror=alert(3)><a href=\"javascript:alert(4)\">x"
    quote_id, _, _ = quote_with(loaded_db, "northern border")
    (speaker_id, article_id), = ask(loaded_db, "select speaker_id, article_id from quotes where id = ?", [quote_id])
    with sqlite3.connect(loaded_db) as conn:
        conn.execute("update speakers set name = ?, title = ?, aliases = ? where id = ?",
                     [hostile, hostile, json.dumps([hostile]), speaker_id])
        conn.execute("update quotes set cue = ?, speaker_text = ? where id = ?", [hostile, hostile, quote_id])
        conn.execute("update quote_via set outlet = ? where quote_id = ?", [hostile, quote_id])
        conn.execute("update articles set agency = ?, dateline = ?, file = ? where id = ?",
                     [hostile, hostile, hostile, article_id])
    datasette = Datasette([str(loaded_db)], metadata=metadata)
    for path in (f"/quotes/-/quote/{quote_id}", f"/quotes/-/speaker/{speaker_id}", f"/quotes/-/article/{article_id}",
                 "/quotes/quotes_view?_search=border", "/quotes/quotes_of_speaker?speaker=script"):
        response = await datasette.client.get(path)
        assert response.status_code == 200, path
        assert "<script>alert(2)" not in response.text, path
        assert "<img src=x" not in response.text, path
        assert 'href="javascript:' not in response.text, path
        assert str(escape(hostile)) in response.text, path


@pytest.mark.asyncio
async def test_quote_without_a_canonical_speaker_names_its_mention(loaded_db, metadata):
    quote_id, _, _ = quote_with(loaded_db, "apricot")
    with sqlite3.connect(loaded_db) as conn:
        conn.execute("update quotes set speaker_id = null, speaker_name = null, speaker_kind = null,"
                     " speaker_text = 'a grower' where id = ?", [quote_id])
    datasette = Datasette([str(loaded_db)], metadata=metadata)
    page = (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).text
    assert "<h1>a grower</h1>" in page
    assert chain_steps(page)[0] == "a grower"
    assert "/-/speaker/" not in page
    view = (await datasette.client.get("/quotes/quotes_view?_search=apricot")).text
    assert f"/-/quote/{quote_id}" in view and "/-/speaker/" not in view


@pytest.mark.asyncio
async def test_unknown_pages_and_databases_are_404(datasette):
    for path in ("/quotes/-/quote/nope", "/quotes/-/article/nope", "/quotes/-/speaker/nope",
                 "/elsewhere/-/quote/nope", "/elsewhere/-/speaker/nope"):
        assert (await datasette.client.get(path)).status_code == 404, path


@pytest.mark.asyncio
async def test_pages_respect_base_url(loaded_db, metadata):
    datasette = Datasette([str(loaded_db)], metadata=metadata, settings={"base_url": "/news/"})
    quote_id, article_id, _ = quote_with(loaded_db, "border")
    (speaker_id, outlet), = ask(
        loaded_db, "select speaker_id, outlet from quotes join quote_via on quote_id = id where id = ?", [quote_id]
    )
    # datasette.client puts base_url in front of every path itself.
    view = (await datasette.client.get("/quotes/quotes_view?_search=border")).text
    assert f'href="/news/quotes/-/quote/{quote_id}"' in view
    assert f'href="/news/quotes/-/speaker/{speaker_id}"' in view
    page = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    assert page.status_code == 200
    assert f'href="/news/quotes/-/article/{article_id}"' in page.text
    assert f'href="/news/quotes/-/speaker/{speaker_id}"' in page.text
    assert 'href="/news/quotes/quotes_view?via__arraycontains=' in page.text
    assert 'href="/news/-/static-plugins/datasette-quotes/quotes.css"' in page.text
    speaker = (await datasette.client.get(f"/quotes/-/speaker/{speaker_id}")).text
    assert f'href="/news/quotes/-/quote/{quote_id}"' in speaker
    assert f'href="/news/quotes/quotes_view?speaker_id={speaker_id}"' in speaker
    query = (await datasette.client.get(f"/quotes/quotes_relayed_by_outlet?outlet={outlet}")).text
    assert f'href="/news/quotes/-/quote/{quote_id}"' in query


@pytest.mark.asyncio
async def test_every_page_works_on_an_immutable_database_and_writes_nothing(loaded_db, metadata):
    before = dump(loaded_db)
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    speaker_id = speaker_named(loaded_db, "Ivo Brannagh")
    for datasette in (Datasette(immutables=[str(loaded_db)], metadata=metadata),
                      Datasette([str(loaded_db)], metadata=metadata)):
        for path in (f"/quotes/-/quote/{quote_id}", f"/quotes/-/article/{article_id}",
                     f"/quotes/-/speaker/{speaker_id}", "/quotes/quotes_view?_facet=type",
                     *(f"/quotes/{name}" for name in CANNED_QUERIES)):
            assert (await datasette.client.get(path)).status_code == 200, path
        rows = await json_rows(datasette, "/quotes/quotes_view.json?_search=apricot&_shape=objects")
        assert [row["id"] for row in rows] == [quote_id]
    assert dump(loaded_db) == before


@pytest.mark.asyncio
async def test_views_search_and_facets_work_without_the_plugin(loaded_db, metadata, plugin_not_installed):
    datasette = Datasette(immutables=[str(loaded_db)], metadata=metadata)
    plugins = (await datasette.client.get("/-/plugins.json")).json()
    assert "datasette-quotes" not in {plugin["name"] for plugin in plugins}
    quote_id, _, _ = quote_with(loaded_db, "apricot")
    rows = await json_rows(datasette, "/quotes/quotes_view.json?_search=apricot&_shape=objects")
    assert [row["id"] for row in rows] == [quote_id]
    rows = await json_rows(datasette, "/quotes/articles.json?_shape=objects&_search=cooperative")
    assert [row["file"] for row in rows] == ["orchard-frost.txt"]
    response = await datasette.client.get("/quotes/quotes_view.json?_extra=facet_results")
    assert {"speaker", "relayed_by", "agency", "article_month"} <= set(facet_results(response))
    for view in ("speaker_counts", "outlet_counts"):
        assert await json_rows(datasette, f"/quotes/{view}.json"), view
    assert (await datasette.client.get(f"/quotes/-/quote/{quote_id}")).status_code == 404


@pytest.mark.asyncio
async def test_pages_are_forbidden_where_the_database_is(loaded_db, metadata):
    locked = json.loads(json.dumps(metadata))
    locked["databases"]["quotes"]["allow"] = False
    datasette = Datasette([str(loaded_db)], metadata=locked)
    quote_id, article_id, _ = quote_with(loaded_db, "apricot")
    speaker_id = speaker_named(loaded_db, "Ivo Brannagh")
    for path in ("/quotes/quotes_view", f"/quotes/-/quote/{quote_id}", f"/quotes/-/article/{article_id}",
                 f"/quotes/-/speaker/{speaker_id}"):
        assert (await datasette.client.get(path)).status_code == 403, path


@pytest.mark.asyncio
async def test_article_page_shows_a_records_title_and_links_only_web_urls(tmp_path, metadata):
    from click.testing import CliRunner

    from datasette_quotes.cli import cli

    body = 'BRISTOW, May 2 (AP) — "The dam holds," engineer Rosa Pell said on Friday.'
    records = tmp_path / "stories.jsonl"
    records.write_text(
        json.dumps({"id": "dam", "text": body, "title": "Dam holds after storm", "url": "https://example.com/dam"}) + "\n"
        + json.dumps({"id": "odd", "text": body + " More.", "title": "Odd link", "url": "javascript:alert(1)"}) + "\n",
        encoding="utf-8",
    )
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["load", str(db_path), str(records)])
    assert result.exit_code == 0, result.output
    datasette = Datasette([str(db_path)], metadata=metadata)
    pages = {}
    for title, article_id in ask(db_path, "select title, id from articles"):
        pages[title] = (await datasette.client.get(f"/quotes/-/article/{article_id}")).text
    assert "<h1>Dam holds after storm</h1>" in pages["Dam holds after storm"]
    assert '<a class="quotes-article-url" href="https://example.com/dam">' in pages["Dam holds after storm"]
    assert "<h1>Odd link</h1>" in pages["Odd link"]
    assert 'href="javascript:' not in pages["Odd link"]
