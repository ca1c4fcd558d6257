"""Datasette's facets, made fast on a million quotes.

The column facet answers the whole quote view and quotes table (no filter, no search) from
the store's facet_counts table, so the page looks and links exactly as with Datasette's
column facet, which it is. On those two pages every facet suggests facets from the page's
first rows, as Datasette 1.0 does, not from all of them: on Datasette 0.65 each suggestion
is a scan of every row, up to the suggestion time limit, for each column. Other tables and
databases keep Datasette's own behaviour.
"""
import copy
import json

from datasette.facets import ArrayFacet, ColumnFacet, DateFacet
from datasette.utils import escape_sqlite

from . import facet_counts

# Rows a suggestion looks at (Datasette 1.0's Facet.suggest_consider).
SUGGESTION_ROWS = 1000


class FirstRowsSuggestions:
    """Facet suggestions from the quote pages' first SUGGESTION_ROWS rows."""

    async def suggest(self):
        if self.table not in facet_counts.COUNTED:
            return await super().suggest()  # other tables and databases keep Datasette's own
        facet = copy.copy(self)
        columns = await self.get_columns(self.sql, self.params)
        if "id" in columns:
            # A page makes tens of suggestion queries, and a search lists all its matches
            # each time one runs (30 ms at 100,000 matches): the first rows are found once,
            # then read by rowid.
            table = escape_sqlite(self.table)
            first = await self.ds.execute(
                self.database,
                f"select (select rowid from {table} where id = first.id)"
                f" from (select id from ({self.sql}) limit {SUGGESTION_ROWS}) as first",
                self.params,
            )
            facet.sql = (f"select {', '.join(f'{table}.{escape_sqlite(column)}' for column in columns)}"
                         f" from json_each(:first_rowids) as first join {table} on {table}.rowid = first.value")
            facet.params = {"first_rowids": json.dumps([row[0] for row in first.rows])}
            facet.row_count = len(first.rows)
        else:
            facet.sql = f"select * from ({self.sql}) limit {SUGGESTION_ROWS}"
            facet.row_count = None  # the rows considered, counted again
        return await super(FirstRowsSuggestions, facet).suggest()


class FirstRowsArrayFacet(FirstRowsSuggestions, ArrayFacet):
    pass


class FirstRowsDateFacet(FirstRowsSuggestions, DateFacet):
    pass


class StoredCountsColumnFacet(FirstRowsSuggestions, ColumnFacet):
    """The column facet; on the whole quote view or quotes table each facet's counts come
    from facet_counts, and live as before when a write has emptied it."""

    async def facet_results(self):
        if not await self._whole_table_with_stored_counts():
            return await super().facet_results()
        results, timed_out = [], []
        # One column facet per configured column, each with its own source of counts.
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            facet = copy.copy(self)
            facet.get_configs = lambda source_and_config=source_and_config: [source_and_config]
            column = config.get("column") or config["simple"]
            facet.ds = StoredCounts(self.ds, self.table, column, self.get_facet_size())
            facet_results, facets_timed_out = await super(StoredCountsColumnFacet, facet).facet_results()
            results += facet_results
            timed_out += facets_timed_out
        return results, timed_out

    async def _whole_table_with_stored_counts(self):
        # Filters and searches add a where clause to the page's SQL.
        return (self.table in facet_counts.COUNTED and not self.params
                and self.sql.rstrip().endswith(f" from {escape_sqlite(self.table)}")
                and await self.ds.get_database(self.database).table_exists("facet_counts"))


# Datasette's facet classes and the ones that take their place.
REPLACEMENTS = {ColumnFacet: StoredCountsColumnFacet, ArrayFacet: FirstRowsArrayFacet, DateFacet: FirstRowsDateFacet}


class StoredCounts:
    """The Datasette a column facet runs its one query through, answered from facet_counts
    for `table`'s `column` when it holds counts for it."""

    def __init__(self, datasette, table, column, facet_size):
        self.datasette = datasette
        self.table = table
        self.column = column
        self.facet_size = facet_size

    def __getattr__(self, name):
        return getattr(self.datasette, name)

    async def execute(self, database, sql, params=None, **options):
        # The column facet asks for one row more than it shows, to tell that it is truncated.
        stored = await self.datasette.execute(
            database, facet_counts.COUNTS_SQL, {"table": self.table, "facet": self.column, "limit": self.facet_size + 1}, **options)
        return stored if stored.rows else await self.datasette.execute(database, sql, params, **options)
