"""The facet counts of the quote view and the quotes table over all quotes, kept in the
database.

Counting a facet of a million quotes scans a million index entries, so the facets of the
unfiltered quote view and quotes table are counted once, after a load or a speaker
correction, and served from the facet_counts table. Any write to the quotes table, by any
writer, empties the table (a trigger; store.save empties it once per batch instead), and an
empty table means "count live": the stored counts are never stale.
"""
import sqlite_utils

# The facets of each table or view in metadata.yml.
COUNTED = {
    "quotes_view": ("speaker", "speaker_kind", "type", "source_kind", "platform", "agency", "relayed_by",
                    "article_month"),
    "quotes": ("type", "source_kind", "platform"),
}

TRIGGER_EVENTS = ("insert", "update", "delete")

SCHEMA = [
    # value has no declared type, so it keeps the type the column gives it, as the live count does.
    "create table if not exists facet_counts (table_name text not null, facet text not null, value not null,"
    " count integer not null, primary key (table_name, facet, value))",
    # A facet's values in the order Datasette shows them.
    "create index if not exists idx_facet_counts_order on facet_counts (table_name, facet, count desc, value)",
    *(f"create trigger if not exists quotes_facet_counts_{event} after {event} on quotes"
      " begin delete from facet_counts; end" for event in TRIGGER_EVENTS),
]

# A facet's values and counts, as Datasette's column facet orders them.
COUNTS_SQL = """
select value, count from facet_counts
where table_name = :table and facet = :facet
order by count desc, value
limit :limit
"""


def create(db: sqlite_utils.Database) -> None:
    for sql in SCHEMA:
        db.execute(sql)


def empty_without_triggers(db: sqlite_utils.Database) -> None:
    """For a transaction that writes many quotes: the counts are emptied once instead of
    by a trigger on every row (a tenth of a load's time); create() puts the triggers back
    before the commit, so no reader sees them missing."""
    db.execute("delete from facet_counts")
    for event in TRIGGER_EVENTS:
        db.execute(f"drop trigger quotes_facet_counts_{event}")


def refresh(db: sqlite_utils.Database) -> None:
    """Count the facets again when a write to the quotes emptied the counts."""
    with db.conn:
        db.execute("begin immediate")
        if db.execute("select 1 from facet_counts limit 1").fetchone():
            return
        for table, columns in COUNTED.items():
            for column in columns:
                db.execute(f"insert into facet_counts (table_name, facet, value, count) select ?, ?, [{column}],"
                           f" count(*) from [{table}] where [{column}] is not null group by [{column}]",
                           [table, column])
