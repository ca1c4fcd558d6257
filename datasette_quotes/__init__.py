"""Datasette plugin hooks for datasette-quotes."""
from importlib.metadata import PackageNotFoundError, version

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Forbidden, NotFound, Response
from markupsafe import Markup

try:
    __version__ = version("datasette-quotes")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

QUOTE_SQL = """
select quotes.*, speakers.name as speaker_name, speakers.kind as speaker_kind,
  articles.file as article_file, articles.date as article_date,
  articles.dateline as article_dateline, articles.agency as article_agency
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
"""


@hookimpl
def register_commands(cli):
    from .cli import cli as quotes_cli

    cli.add_command(quotes_cli, name="quotes")


@hookimpl
def register_routes():
    return [
        (r"^/(?P<database>[^/]+)/-/quote/(?P<id>[^/]+)$", quote_page),
        (r"^/(?P<database>[^/]+)/-/article/(?P<id>[^/]+)$", article_page),
    ]


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Link ids in the main quote view to the quote and article pages."""
    if table != "quotes_view" or value is None:
        return None
    if column == "id":
        return _link(_page_url(datasette, database, "quote", value), value)
    if column == "article_id":
        return _link(_page_url(datasette, database, "article", value), value)
    return None


async def quote_page(datasette, request):
    db = await _quotes_database(datasette, request)
    quote = await _one(db, QUOTE_SQL + "where quotes.id = ?", [request.url_vars["id"]])
    article = await _one(db, "select * from articles where id = ?", [quote["article_id"]])
    via = [row["outlet"] for row in await db.execute(
        "select outlet from quote_via where quote_id = ? order by position", [quote["id"]]
    )]
    # The chain reads from the speaker to the reader: the farthest relay comes first.
    chain = [quote["speaker_name"] or quote["speaker_text"] or "unknown speaker", quote["source_kind"]]
    chain += list(reversed(via)) + ([article["agency"]] if article["agency"] else [])
    return await _render(datasette, request, "quotes_quote.html", {
        "database": db.name,
        "quote": quote,
        "chain": chain,
        "article": article,
        "article_url": _page_url(datasette, db.name, "article", article["id"]),
        "segments": _segments(article["text"], [quote]),
    })


async def article_page(datasette, request):
    db = await _quotes_database(datasette, request)
    article = await _one(db, "select * from articles where id = ?", [request.url_vars["id"]])
    quotes = [dict(row) for row in await db.execute(
        QUOTE_SQL + "where quotes.article_id = ? order by quotes.start, quotes.[end]", [article["id"]]
    )]
    for quote in quotes:
        quote["url"] = _page_url(datasette, db.name, "quote", quote["id"])
    return await _render(datasette, request, "quotes_article.html", {
        "database": db.name,
        "article": article,
        "quotes": quotes,
        "segments": _segments(article["text"], quotes),
    })


def _segments(text, quotes):
    """The text cut into (piece, quote or None); quotes that overlap an earlier one stay unmarked."""
    segments, position = [], 0
    for quote in sorted(quotes, key=lambda q: (q["start"], q["end"])):
        if quote["start"] < position:
            continue
        segments.append((text[position:quote["start"]], None))
        segments.append((text[quote["start"]:quote["end"]], quote))
        position = quote["end"]
    segments.append((text[position:], None))
    return segments


async def _quotes_database(datasette, request):
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database not found: {name}")
    if not await _can_view_quotes(datasette, request.actor, name):
        raise Forbidden("You do not have permission to view these quotes")
    if not await db.table_exists("quotes"):
        raise NotFound(f"No quotes in database: {name}")
    return db


async def _can_view_quotes(datasette, actor, database):
    if hasattr(datasette, "allowed"):  # Datasette 1.0a20+: resource-based permissions
        from datasette.resources import TableResource

        return await datasette.allowed(
            action="view-table", resource=TableResource(database, "quotes"), actor=actor
        )
    try:
        await datasette.ensure_permissions(
            actor, [("view-table", (database, "quotes")), ("view-database", database), "view-instance"]
        )
    except Forbidden:
        return False
    return True


async def _one(db, sql, params):
    row = (await db.execute(sql, params)).first()
    if row is None:
        raise NotFound("Not found")
    return dict(row)


async def _render(datasette, request, template, context):
    return Response.html(await datasette.render_template(template, context, request=request))


def _page_url(datasette, database, page, id):
    return datasette.urls.database(database) + f"/-/{page}/{id}"


def _link(url, text):
    return Markup('<a href="{}">{}</a>').format(url, text)
