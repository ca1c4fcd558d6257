"""Datasette plugin hooks for datasette-quotes: quote, article and speaker pages,
links from the quote views to them, and canned queries."""
import json
import re
import weakref
from collections import Counter
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Forbidden, NotFound, Response
from markupsafe import Markup

try:
    __version__ = version("datasette-quotes")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

# A quote carries its speaker's name and kind and its article's date, file, dateline and
# agency (copied by the store), so pages need no join.
QUOTE_SQL = """
select quotes.* from quotes
"""

# A cluster's quotes in the order the articles carried them (undated articles last).
CLUSTER_QUOTES_SQL = """
select quotes.*, cluster_quotes.variant as variant
from cluster_quotes
join quotes on quotes.id = cluster_quotes.quote_id
where cluster_quotes.cluster_id = ?
order by coalesce(quotes.article_date, '9999'), quotes.article_file, quotes.start
"""

# Newest first: by the day the words were said, else the article's day.
NEWEST_FIRST = "order by coalesce(quotes.source_date, quotes.article_date) desc, quotes.article_file, quotes.start"

# Quotes of the same speaker listed on a quote page, and on each page of the speaker page.
OTHER_QUOTES_SHOWN = 10
SPEAKER_QUOTES_PER_PAGE = 50

# A blank line ends a paragraph in the articles the loader reads.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# Columns of the plugin's tables and views that hold the id of one of its pages.
PAGE_ID_COLUMNS = {
    ("quotes_view", "id"): "quote",
    ("quotes_view", "article_id"): "article",
    ("quotes_view", "speaker_id"): "speaker",
    ("speaker_counts", "speaker_id"): "speaker",
    ("speakers", "id"): "speaker",
    ("quote_clusters", "id"): "cluster",
    ("repeated_quotes", "cluster_id"): "cluster",
    ("repeated_quotes", "first_article_id"): "article",
    ("repeated_quotes", "first_quote_id"): "quote",
    ("repeated_quotes", "speaker_id"): "speaker",
}
# Columns holding a speaker's name -> the row's column with the speaker's id.
SPEAKER_NAME_COLUMNS = {
    ("quotes_view", "speaker"): "speaker_id",
    ("speaker_counts", "speaker"): "speaker_id",
    ("speakers", "name"): "id",
    ("repeated_quotes", "speaker"): "speaker_id",
}
# Columns holding an outlet, linked to the quotes it relayed.
OUTLET_COLUMNS = {("outlet_counts", "outlet"), ("quote_via", "outlet")}
# Databases known to hold quotes, so that the cells of a query's results do not each ask
# again (a quotes table, once loaded, stays).
DATABASES_WITH_QUOTES = weakref.WeakSet()
# In query results (no table), these column names hold page ids.
QUERY_ID_COLUMNS = {"quote_id": "quote", "article_id": "article", "speaker_id": "speaker", "cluster_id": "cluster",
                    "first_article_id": "article"}

# Canned queries, registered for every database that holds quotes. A blank
# parameter means "any" where the description says so.
CANNED_QUERIES = {
    "most_quoted_speakers": {
        "title": "Most-quoted speakers",
        "description": "Speakers by number of quotes. Kind: person, organization, "
        "anonymous or group; leave it blank for all.",
        "sql": """
select speakers.id as speaker_id, speakers.name as speaker, speakers.kind as kind,
  speakers.title as title, count(*) as quotes,
  count(distinct quotes.article_id) as articles
from quotes
join speakers on speakers.id = quotes.speaker_id
where :kind = '' or speakers.kind = :kind
group by speakers.id
order by quotes desc, speakers.name
limit 100
""",
    },
    "quotes_relayed_by_outlet": {
        "title": "Quotes relayed through an outlet",
        "description": "Quotes whose relay chain includes the outlet (TASS, Xinhua, BBC...). "
        "Position 0 is the relay nearest to the article.",
        "sql": """
select quotes.id as quote_id, quotes.text as quote, speakers.name as speaker,
  quote_via.position as position, quotes.via as via, articles.date as article_date,
  articles.agency as agency, quotes.article_id as article_id
from quote_via
join quotes on quotes.id = quote_via.quote_id
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where quote_via.outlet = :outlet collate nocase
order by articles.date desc, quotes.start
""",
    },
    "quotes_between_dates": {
        "title": "Quotes between two dates",
        "description": "Quotes in articles dated from one day to another, both included "
        "(YYYY-MM-DD).",
        "sql": """
select quotes.id as quote_id, articles.date as article_date, speakers.name as speaker,
  quotes.type as type, quotes.text as quote, quotes.source_kind as source_kind,
  articles.agency as agency, quotes.article_id as article_id
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where articles.date between :from_date and :to_date
order by articles.date desc, articles.file, quotes.start
""",
    },
    "quotes_of_speaker": {
        "title": "Quotes of one speaker",
        "description": "Every quote of the speakers whose canonical name contains the "
        "words given, newest first.",
        "sql": """
select quotes.id as quote_id, speakers.name as speaker, articles.date as article_date,
  quotes.type as type, quotes.text as quote, quotes.cue as cue,
  quotes.source_kind as source_kind, quotes.speaker_id as speaker_id,
  quotes.article_id as article_id
from quotes
join speakers on speakers.id = quotes.speaker_id
join articles on articles.id = quotes.article_id
where speakers.name like '%' || :speaker || '%'
order by articles.date desc, articles.file, quotes.start
""",
    },
    "search_quotes": {
        "title": "Search quotes",
        "description": "Quotes that contain the words given, most recently loaded first. Straight "
        "from the full-text index, without counts or facets, so it stays fast on millions of quotes.",
        "sql": """
select quotes.id as quote_id, quotes.text as quote, quotes.speaker_name as speaker,
  quotes.type as type, quotes.source_kind as source_kind, quotes.article_date as article_date,
  quotes.article_agency as agency, quotes.speaker_id as speaker_id, quotes.article_id as article_id
from quotes_fts
join quotes on quotes.rowid = quotes_fts.rowid
where quotes_fts match coalesce(nullif(escape_fts(:words), ''), '""')
order by quotes_fts.rowid desc
limit 100
""",
    },
    "most_repeated_quotes": {
        "title": "Most repeated quotes",
        "description": "Quotations carried by the most articles, with who carried them first. "
        "Leave the speaker blank for all, or give words of the speaker's name.",
        "sql": """
select quote_clusters.id as cluster_id, quote_clusters.text as quote, speakers.name as speaker,
  quote_clusters.article_count as articles, quote_clusters.outlet_count as outlets,
  quote_clusters.first_date as first_date, quote_clusters.first_agency as first_carrier,
  quote_clusters.first_article_id as first_article_id, quote_clusters.speaker_id as speaker_id
from quote_clusters
left join speakers on speakers.id = quote_clusters.speaker_id
where :speaker = '' or speakers.name like '%' || :speaker || '%'
order by quote_clusters.article_count desc, quote_clusters.first_date, quote_clusters.id
limit 100
""",
    },
    "first_carriers": {
        "title": "Who carried repeated quotes first",
        "description": "For each agency, how many quotations carried by several articles it "
        "carried first, and how many it carried in all.",
        "sql": """
select carrier.value as agency,
  sum(quote_clusters.first_agency = carrier.value) as carried_first,
  count(*) as carried,
  round(1.0 * sum(quote_clusters.first_agency = carrier.value) / count(*), 2) as share_first
from quote_clusters, json_each(quote_clusters.carried_by) as carrier
group by carrier.value
order by carried_first desc, carried desc, agency
""",
    },
    "speakers_across_articles": {
        "title": "Speakers across articles",
        "description": "Speakers quoted in the most articles, with the names the articles "
        "gave them. Kind: person, organization, anonymous or group; blank for all.",
        "sql": """
select speakers.id as speaker_id, speakers.name as speaker, speakers.kind as kind,
  speakers.title as title, speakers.article_count as articles,
  speakers.quote_count as quotes, speakers.names as names
from speakers
where :kind = '' or speakers.kind = :kind
order by speakers.article_count desc, speakers.quote_count desc, speakers.name
limit 100
""",
    },
}


@hookimpl
def register_commands(cli):
    from .cli import cli as quotes_cli

    cli.add_command(quotes_cli, name="quotes")


@hookimpl(hookwrapper=True)
def register_facet_classes():
    """Datasette's facets give way to ours (facets.py), which are fast on a million quotes
    (a wrapper: Datasette registers its own facets itself)."""
    from .facets import REPLACEMENTS

    outcome = yield
    outcome.force_result([[REPLACEMENTS.get(klass, klass) for klass in classes] for classes in outcome.get_result()])


@hookimpl
def prepare_connection(conn):
    from .sql_functions import register

    register(conn)


@hookimpl
def register_enrichments():
    """Only datasette-enrichments calls this, so its module is imported only then."""
    from .enrichment import ExtractQuotes

    return [ExtractQuotes()]


@hookimpl
def register_routes():
    return [
        (r"^/(?P<database>[^/]+)/-/quote/(?P<id>[^/]+)$", quote_page),
        (r"^/(?P<database>[^/]+)/-/article/(?P<id>[^/]+)$", article_page),
        (r"^/(?P<database>[^/]+)/-/speaker/(?P<id>[^/]+)$", speaker_page),
        (r"^/(?P<database>[^/]+)/-/cluster/(?P<id>[^/]+)$", cluster_page),
    ]


@hookimpl
def startup(datasette):
    # Datasette 1.0a31+ ignores canned queries from metadata and from the
    # canned_queries hook; they are added to its query store instead.
    if not hasattr(datasette, "add_query"):
        return None

    async def add_canned_queries():
        for db in await _quote_databases(datasette):
            for name, query in CANNED_QUERIES.items():
                await datasette.add_query(
                    db.name, name, query["sql"].strip(),
                    title=query["title"], description=query["description"],
                )

    return add_canned_queries


@hookimpl
def canned_queries(datasette, database):
    """Datasette 0.65: the canned queries for a database that holds quotes."""

    async def queries_for_database():
        if not await datasette.get_database(database).table_exists("quotes"):
            return {}
        return {name: {**query, "sql": query["sql"].strip()} for name, query in CANNED_QUERIES.items()}

    return queries_for_database


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Link quote, article and speaker ids (and speaker names) to the plugin's pages."""
    if value is None:
        return None
    if (table, column) in PAGE_ID_COLUMNS:
        return _link(_page_url(datasette, database, PAGE_ID_COLUMNS[table, column], value), value)
    if (table, column) in SPEAKER_NAME_COLUMNS:
        speaker = _column(row, SPEAKER_NAME_COLUMNS[table, column])
        return _link(_page_url(datasette, database, "speaker", speaker), value) if speaker else None
    if (table, column) in OUTLET_COLUMNS:
        return _link(_relayed_by_url(datasette, database, value), value)
    if table is None and column in QUERY_ID_COLUMNS:

        async def link_if_quotes():
            db = datasette.get_database(database)
            if db not in DATABASES_WITH_QUOTES:
                if not await db.table_exists("quotes"):
                    return None
                DATABASES_WITH_QUOTES.add(db)
            return _link(_page_url(datasette, database, QUERY_ID_COLUMNS[column], value), value)

        return link_if_quotes
    return None


async def quote_page(datasette, request):
    db = await _quotes_database(datasette, request)
    quote = await _one(db, QUOTE_SQL + "where quotes.id = ?", [tilde_decode(request.url_vars["id"])])
    article = await _one(db, "select * from articles where id = ?", [quote["article_id"]])
    via = [row["outlet"] for row in await db.execute(
        "select outlet from quote_via where quote_id = ? order by position", [quote["id"]]
    )]
    other_quotes, other_quote_count = [], 0
    if quote["speaker_id"]:
        other_quote_count = (await db.execute("select count(*) from quotes where speaker_id = ? and id != ?",
                                              [quote["speaker_id"], quote["id"]])).single_value()
        other_quotes = await _speaker_quotes(datasette, db, quote["speaker_id"], OTHER_QUOTES_SHOWN, 0, quote["id"])
    cluster = (await db.execute(
        "select quote_clusters.* from cluster_quotes join quote_clusters on quote_clusters.id = cluster_quotes.cluster_id"
        " where cluster_quotes.quote_id = ?", [quote["id"]])).first() if await db.table_exists("cluster_quotes") else None
    start, end = _paragraph_around(article["text"], quote["start"], quote["end"])
    # The chain reads from the speaker to the reader: the farthest relay comes first.
    relays = [{"name": outlet, "url": _relayed_by_url(datasette, db.name, outlet)} for outlet in reversed(via)]
    return await _render(datasette, request, "quotes_quote.html", {
        "database": db.name,
        "quote": quote,
        "speaker_url": _page_url(datasette, db.name, "speaker", quote["speaker_id"]) if quote["speaker_id"] else None,
        "relays": relays,
        "article": article,
        "article_url": _page_url(datasette, db.name, "article", article["id"]),
        "segments": _segments(article["text"], [quote], start, end),
        "text_before": start > 0,
        "text_after": end < len(article["text"]),
        "other_quotes": other_quotes,
        "other_quote_count": other_quote_count,
        "cluster": dict(cluster) if cluster else None,
        "cluster_url": _page_url(datasette, db.name, "cluster", cluster["id"]) if cluster else None,
    })


async def article_page(datasette, request):
    db = await _quotes_database(datasette, request)
    article = await _one(db, "select * from articles where id = ?", [tilde_decode(request.url_vars["id"])])
    quotes = await _quote_list(
        datasette, db, QUOTE_SQL + "where quotes.article_id = ? order by quotes.start, quotes.[end]", [article["id"]]
    )
    return await _render(datasette, request, "quotes_article.html", {
        "database": db.name,
        "article": article,
        "quotes": quotes,
        "types": sorted({quote["type"] for quote in quotes}),
        "segments": _segments(article["text"], quotes, 0, len(article["text"])),
    })


async def speaker_page(datasette, request):
    db = await _quotes_database(datasette, request)
    speaker = await _one(db, "select * from speakers where id = ?", [tilde_decode(request.url_vars["id"])])
    # Counted and charted in SQL, listed a page at a time: a speaker can have tens of
    # thousands of quotes.
    count = (await db.execute("select count(*) from quotes where speaker_id = ?", [speaker["id"]])).single_value()
    by_source_kind = [tuple(row) for row in await db.execute(
        "select source_kind, count(*) from quotes where speaker_id = ? group by 1 order by 2 desc, 1", [speaker["id"]])]
    by_month = [tuple(row) for row in await db.execute(
        "select coalesce(article_month, 'no date'), count(*) from quotes where speaker_id = ? group by 1 order by 1",
        [speaker["id"]])]
    page = _page_number(request)
    quotes = await _speaker_quotes(datasette, db, speaker["id"], SPEAKER_QUOTES_PER_PAGE,
                                   (page - 1) * SPEAKER_QUOTES_PER_PAGE)
    speaker_url = _page_url(datasette, db.name, "speaker", speaker["id"])
    return await _render(datasette, request, "quotes_speaker.html", {
        "database": db.name,
        "speaker": speaker,
        "aliases": json.loads(speaker["aliases"] or "[]"),
        "names": json.loads(speaker["names"] or "[]") if "names" in speaker else [],
        "quotes": quotes,
        "count": count,
        "newer_url": f"{speaker_url}?page={page - 1}" if page > 1 else None,
        "older_url": f"{speaker_url}?page={page + 1}" if page * SPEAKER_QUOTES_PER_PAGE < count else None,
        "by_source_kind": _bars(by_source_kind),
        "by_month": _bars(by_month),
        "all_quotes_url": datasette.urls.table(db.name, "quotes_view")
        + "?" + urlencode({"speaker_id": speaker["id"]}),
    })


async def cluster_page(datasette, request):
    db = await _quotes_database(datasette, request)
    cluster = await _one(db, "select * from quote_clusters where id = ?", [tilde_decode(request.url_vars["id"])])
    # In the order the articles carried it: the first carrier first.
    quotes = await _quote_list(datasette, db, CLUSTER_QUOTES_SQL, [cluster["id"]])
    for quote in quotes:
        quote["article_url"] = _page_url(datasette, db.name, "article", quote["article_id"])
    variants = Counter(quote["variant"] for quote in quotes)
    first_of_variant = {}
    for quote in quotes:
        first_of_variant.setdefault(quote["variant"], quote)
    speaker = (await db.execute("select * from speakers where id = ?", [cluster["speaker_id"]])).first()
    return await _render(datasette, request, "quotes_cluster.html", {
        "database": db.name,
        "cluster": cluster,
        "carried_by": json.loads(cluster["carried_by"] or "[]"),
        "speaker": dict(speaker) if speaker else None,
        "speaker_url": _page_url(datasette, db.name, "speaker", speaker["id"]) if speaker else None,
        "first": quotes[0] if quotes else None,
        "quotes": quotes,
        "variants": [(first_of_variant[number], variants[number]) for number in sorted(variants)],
    })


async def _speaker_quotes(datasette, db, speaker_id, limit, offset, excluding=None):
    """One page of a speaker's quotes, newest first: chosen from the quotes table alone
    (their article's date and file are copied onto them), then joined for display."""
    ids = [row[0] for row in await db.execute(
        "select id from quotes where speaker_id = ? and id is not ?"
        " order by coalesce(source_date, article_date) desc, article_file, start limit ? offset ?",
        [speaker_id, excluding, limit, offset])]
    return await _quote_list(datasette, db, QUOTE_SQL + "where quotes.id in (select value from json_each(?)) "
                             + NEWEST_FIRST, [json.dumps(ids)])


def _page_number(request):
    """The ?page= of a paginated page, from 1; anything else is the first page."""
    page = request.args.get("page", "1")
    return int(page) if page.isdigit() and int(page) > 0 else 1


def _bars(counts):
    """(label, count, percent of the largest count) for drawing CSS bars."""
    largest = max((count for _, count in counts), default=0)
    return [(label, count, round(100 * count / largest)) for label, count in counts]


async def _quote_list(datasette, db, sql, params):
    quotes = [dict(row) for row in await db.execute(sql, params)]
    for quote in quotes:
        quote["url"] = _page_url(datasette, db.name, "quote", quote["id"])
        quote["speaker_url"] = (
            _page_url(datasette, db.name, "speaker", quote["speaker_id"]) if quote["speaker_id"] else None
        )
    return quotes


def _paragraph_around(text, start, end):
    """Offsets of the paragraphs that hold text[start:end]."""
    breaks = [(match.start(), match.end()) for match in PARAGRAPH_BREAK.finditer(text)]
    first = max((after for before, after in breaks if after <= start), default=0)
    last = min((before for before, after in breaks if before >= end), default=len(text))
    return first, last


def _segments(text, quotes, start, end):
    """text[start:end] cut into (piece, quote or None); quotes that overlap an earlier one stay unmarked."""
    segments, position = [], start
    for quote in sorted(quotes, key=lambda q: (q["start"], q["end"])):
        if quote["start"] < position or quote["end"] > end:
            continue
        segments.append((text[position:quote["start"]], None))
        segments.append((text[quote["start"]:quote["end"]], quote))
        position = quote["end"]
    segments.append((text[position:end], None))
    return segments


async def _quote_databases(datasette):
    return [db for db in datasette.databases.values() if await db.table_exists("quotes")]


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


def _column(row, name):
    """A column of a result row, or None when the query left it out (`_col=`)."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def _relayed_by_url(datasette, database, outlet):
    "The quote view filtered to the quotes the outlet relayed."
    return datasette.urls.table(database, "quotes_view") + "?" + urlencode({"via__arraycontains": outlet})


def _page_url(datasette, database, page, id):
    return datasette.urls.database(database) + f"/-/{page}/{tilde_encode(str(id))}"


def _link(url, text):
    return Markup('<a href="{}">{}</a>').format(url, text)
