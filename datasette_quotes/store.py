"""The store: extractions into a SQLite database with sqlite-utils.

Every id is a content hash, so loading the same articles again rewrites identical
rows and changes nothing. Views, full-text search and indexes live in the file, so a
published database works without the plugin (and opened immutable).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

import sqlite_utils

from . import entities, facet_counts
from .extractor import Attribution, Extraction
from .extractor.lexicon import PRONOUNS_OTHER, PRONOUNS_PERSON

# A pronoun points at a speaker but is no name for it, so it is not listed as an alias.
NOT_ALIASES = PRONOUNS_PERSON | PRONOUNS_OTHER

# Speakers with no name of their own ("a senior official", "residents") are not the
# same entity from one article to the next, so their identity is scoped to the article.
ARTICLE_SCOPED_KINDS = ("anonymous", "group")

ARTICLE_COLUMNS = {"id": str, "file": str, "date": str, "dateline": str, "agency": str, "text": str,
                   "title": str, "url": str, "source": str}

PRIMARY_KEYS = {"articles": ["id"], "speakers": ["id"], "quotes": ["id"], "quote_via": ["quote_id", "position"],
                "speaker_names": ["id"], "speaker_corrections": ["name", "other"],
                "quote_clusters": ["id"], "cluster_quotes": ["quote_id"], "cluster_wordings": ["id"],
                "cluster_wording_quotes": ["quote_id"], "cluster_shingles": ["shingle", "wording_id"],
                "facet_counts": ["facet", "value"]}

# The index cluster_store.refresh_clusters keeps of the quotes' wordings and their runs of words.
CLUSTER_INDEX_TABLES = [
    # A wording: its words joined by spaces, and the group it was last found in (the
    # smallest wording id of the group), so a refresh can regroup the whole group.
    "create table if not exists cluster_wordings (id text primary key, words text not null,"
    " grouping text not null)",
    "create index if not exists idx_cluster_wordings_grouping on cluster_wordings (grouping)",
    # Every direct or partial quote indexed; no wording when it has too few words.
    "create table if not exists cluster_wording_quotes (quote_id text primary key, wording_id text)",
    "create index if not exists idx_cluster_wording_quotes_wording_id on cluster_wording_quotes (wording_id)",
    "create table if not exists cluster_shingles (shingle integer not null, wording_id text not null,"
    " primary key (shingle, wording_id)) without rowid",
    "create index if not exists idx_cluster_shingles_wording_id on cluster_shingles (wording_id)",
]

FTS_COLUMNS = {"quotes": ["text"], "articles": ["text"]}

# Page cache of a loading connection: a large load's indexes stay in memory.
LOAD_CACHE_KIB = 65536
LOAD_CHECKPOINT_PAGES = 16384
# Rows of each index that ANALYZE samples after a load.
ANALYSIS_ROWS = 1000

# The quote view's facets count one table, not a join (a join made them time out on a
# million quotes), so what the quote view shows is copied onto each quote: from its article
# when the quote is saved, from its speaker when _refresh_speakers sets it. The faceted
# columns are indexed; every other index costs each insert.
QUOTE_ARTICLE_COLUMNS = {"article_date": str, "article_month": str, "article_agency": str,
                         "article_dateline": str, "article_file": str}
QUOTE_SPEAKER_COLUMNS = {"speaker_name": str, "speaker_kind": str}

INDEXES = {
    "articles": [["date"], ["agency"], ["dateline"]],
    "speakers": [["name"], ["kind"]],
    "speaker_names": [["speaker_id"], ["name"]],
    "quotes": [
        ["article_id"],
        ["speaker_id"],
        ["speaker_name_id"],
        ["type"],
        ["source_kind"],
        ["platform"],
        ["source_date"],
        ["relayed_by"],
        ["article_date"], ["article_month"], ["article_agency"],
        *([column] for column in QUOTE_SPEAKER_COLUMNS),
    ],
    "quote_via": [["outlet"]],
    "quote_clusters": [["article_count"], ["first_agency"], ["speaker_id"]],
    "cluster_quotes": [["cluster_id"]],
}

ADDED_COLUMNS = {
    "quotes": {"speaker_name_id": str, "relayed_by": str, **QUOTE_ARTICLE_COLUMNS, **QUOTE_SPEAKER_COLUMNS},
    "speakers": {"names": str, "quote_count": int, "article_count": int},
}

VIEWS = {
    "quotes_view": """
select
  quotes.rowid as rowid,
  quotes.id as id,
  quotes.text as quote,
  quotes.type as type,
  quotes.speaker_name as speaker,
  quotes.speaker_kind as speaker_kind,
  quotes.speaker_title as speaker_title,
  quotes.cue as cue,
  quotes.source_kind as source_kind,
  quotes.platform as platform,
  quotes.source_date as source_date,
  quotes.via as via,
  quotes.relayed_by as relayed_by,
  quotes.article_date as article_date,
  quotes.article_month as article_month,
  quotes.article_agency as agency,
  quotes.article_dateline as dateline,
  quotes.article_file as article_file,
  quotes.article_id as article_id,
  quotes.speaker_id as speaker_id
from quotes
""",
    "speaker_counts": """
select
  speakers.id as speaker_id,
  speakers.name as speaker,
  speakers.kind as kind,
  speakers.title as title,
  count(quotes.id) as quotes,
  sum(quotes.type = 'direct') as direct,
  sum(quotes.type = 'partial') as partial,
  sum(quotes.type = 'indirect') as indirect,
  count(distinct quotes.article_id) as articles,
  min(quotes.article_date) as first_date,
  max(quotes.article_date) as last_date
from speakers
join quotes on quotes.speaker_id = speakers.id
group by speakers.id
""",
    "outlet_counts": """
select
  quote_via.outlet as outlet,
  count(distinct quote_via.quote_id) as quotes,
  count(distinct quotes.speaker_id) as speakers,
  sum(quote_via.position = 0) as as_nearest_relay
from quote_via
join quotes on quotes.id = quote_via.quote_id
group by quote_via.outlet
""",
    "repeated_quotes": """
select
  quote_clusters.id as cluster_id,
  quote_clusters.text as quote,
  speakers.name as speaker,
  quote_clusters.article_count as articles,
  quote_clusters.outlet_count as outlets,
  quote_clusters.variant_count as variants,
  quote_clusters.first_date as first_date,
  quote_clusters.first_agency as first_agency,
  articles.file as first_article_file,
  quote_clusters.carried_by as carried_by,
  quote_clusters.first_article_id as first_article_id,
  quote_clusters.first_quote_id as first_quote_id,
  quote_clusters.speaker_id as speaker_id
from quote_clusters
join articles on articles.id = quote_clusters.first_article_id
left join speakers on speakers.id = quote_clusters.speaker_id
""",
}


@dataclass(frozen=True)
class Article:
    """One article read by the caller, with what the extractor found in it."""

    file: str
    text: str
    extraction: Extraction
    # What came with the article: a page's or record's title and URL; the file's path,
    # or FILE#ID for a record.
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class SaveCounts:
    articles: int
    quotes: int


def content_id(*parts: object) -> str:
    """A short stable id: the first 16 hex digits of the SHA-256 of the parts."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def article_id(text: str) -> str:
    return content_id(text)


def quote_id(article: str, attribution: Attribution) -> str:
    return content_id(article, attribution.quote.start, attribution.quote.end)


def speaker_name_id(article: str, attribution: Attribution) -> str | None:
    """The id of the speaker's name as this article gives it; names that describe
    rather than name ("a senior official", "the ministry") are scoped to the article."""
    if attribution.speaker_name is None:
        return None
    return content_id(attribution.speaker_kind, attribution.speaker_name,
                      _name_scope(article, attribution.speaker_kind, attribution.speaker_name))


def _name_scope(article: str, kind: str, name: str) -> str:
    return article if kind in ARTICLE_SCOPED_KINDS or entities.is_description(name) else ""


def entity_id(entity: entities.Entity) -> str:
    """A speaker shared across articles: with the same formula as a name id, a speaker
    known by one name keeps that name's id."""
    return content_id(entity.kind, entity.name, "")


def open_for_loading(path) -> sqlite_utils.Database:
    """The database at `path`, created if need be, in WAL mode with its schema.

    WAL lets Datasette keep reading the file while a load writes to it. Raises
    sqlite3.DatabaseError for a file that is not SQLite or cannot be written.
    """
    db = sqlite_utils.Database(path)
    db.execute("pragma journal_mode = wal")
    # In WAL mode a commit need not wait for the disk: after a crash the database is still
    # whole and may only lack the last batches, which a rerun stores again.
    db.execute("pragma synchronous = normal")
    db.execute(f"pragma cache_size = -{LOAD_CACHE_KIB}")
    # Fewer, larger checkpoints: each one rewrites the pages the batches since touched.
    db.execute(f"pragma wal_autocheckpoint = {LOAD_CHECKPOINT_PAGES}")
    ensure_schema(db)
    return db


def totals(db: sqlite_utils.Database) -> dict[str, int]:
    return {table: db[table].count for table in ("articles", "quotes", "speakers")}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create tables, indexes, full-text search and views that do not exist yet."""
    db["articles"].create(ARTICLE_COLUMNS, pk="id", if_not_exists=True)
    # A database made before a column was added still loads: the column is added to it.
    stored = db["articles"].columns_dict
    for column, kind in ARTICLE_COLUMNS.items():
        if column not in stored:
            db["articles"].add_column(column, kind)
    db["speakers"].create(
        {"id": str, "name": str, "kind": str, "title": str, "aliases": str, "names": str,
         "quote_count": int, "article_count": int},
        pk="id",
        if_not_exists=True,
    )
    db["speaker_names"].create(
        {"id": str, "name": str, "kind": str, "article_id": str, "titles": str, "speaker_id": str},
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
        if_not_exists=True,
    )
    db["speaker_corrections"].create(
        {"name": str, "other": str, "action": str}, pk=("name", "other"), if_not_exists=True,
    )
    db["quotes"].create(
        {
            "id": str,
            "article_id": str,
            "text": str,
            "type": str,
            "start": int,
            "end": int,
            "speaker_id": str,
            "speaker_name_id": str,
            "speaker_text": str,
            "speaker_start": int,
            "speaker_end": int,
            "speaker_title": str,
            "cue": str,
            "cue_start": int,
            "cue_end": int,
            "source_kind": str,
            "platform": str,
            "source_date": str,
            "via": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        if_not_exists=True,
    )
    db["quote_via"].create(
        {"quote_id": str, "position": int, "outlet": str},
        pk=("quote_id", "position"),
        foreign_keys=[("quote_id", "quotes", "id")],
        if_not_exists=True,
    )
    db["quote_clusters"].create(
        {"id": str, "text": str, "speaker_id": str, "first_date": str, "first_agency": str,
         "first_article_id": str, "first_quote_id": str, "article_count": int, "outlet_count": int,
         "quote_count": int, "variant_count": int, "carried_by": str},
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id"), ("first_article_id", "articles", "id"),
                      ("first_quote_id", "quotes", "id")],
        if_not_exists=True,
    )
    db["cluster_quotes"].create(
        {"quote_id": str, "cluster_id": str, "variant": int},
        pk="quote_id",
        foreign_keys=[("quote_id", "quotes", "id"), ("cluster_id", "quote_clusters", "id")],
        if_not_exists=True,
    )
    for sql in CLUSTER_INDEX_TABLES:
        db.execute(sql)
    # Databases made before these columns existed get them; a reload then fills them in.
    for table, columns in ADDED_COLUMNS.items():
        for column, column_type in columns.items():
            if column not in db[table].columns_dict:
                db[table].add_column(column, column_type)
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS_COLUMNS.items():
        # replace=True also rebuilds an index left without its triggers by a load killed
        # while creating it; a complete one is left as it is.
        db[table].enable_fts(columns, create_triggers=True, replace=True)
        _replace_fts_triggers(db, table)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
    facet_counts.create(db)


def analyze(db: sqlite_utils.Database) -> None:
    """Refresh the query planner's statistics after a load, so that Datasette's filtered
    pages pick the selective index. Sampled: seconds even on millions of quotes."""
    db.execute(f"pragma analysis_limit = {ANALYSIS_ROWS}")
    with db.conn:
        db.execute("analyze")


def save(db: sqlite_utils.Database, articles: list[Article]) -> SaveCounts:
    """Store a batch of articles in one transaction: all of it or none of it.

    An article already stored gets its current quotes; quotes the extractor no longer
    finds in it are removed, so a reload after an extractor change leaves no stale rows.
    """
    speakers = NameChanges()
    with db.conn:  # commits, or rolls back on any error
        # Take the write lock before the first read: a transaction that read first cannot
        # wait for another writer, it fails as soon as that one commits.
        db.execute("begin immediate")
        facet_counts.empty_without_triggers(db)  # a rollback of an unchanged batch keeps them
        changes = db.conn.total_changes
        # Indexing the batch's new rows in one statement costs a third of what the insert
        # triggers cost row by row; the triggers are back before the commit, so no reader
        # ever sees them missing.
        for table in FTS_COLUMNS:
            db.execute(f"drop trigger [{table}_ai]")
        newest = _newest_rowids(db)
        # Articles new to the database are inserted together, a statement per table for
        # all of them: most of a large load. Their rows get the rowids after `newest`. An
        # article given twice is written once, as its last copy, which is what saving the
        # copies in turn leaves.
        new: dict[str, Article] = {}
        for article in articles:
            a_id = article_id(article.text)
            if not db.execute("select 1 from articles where id = ?", [a_id]).fetchone():
                new[a_id] = article
                continue
            speakers.merge(_insert_new(db, new))
            new = {}
            # A stored article's stale quotes go first, and a new quote may take a freed
            # rowid: its new rows are found by rowid and id.
            _index_new_rows(db, newest)
            before = _quote_rows_of(db, a_id)
            speakers.merge(_save_article(db, a_id, article))
            _index_quotes(db, sorted(rowid for rowid, _ in _quote_rows_of(db, a_id) - before))
            newest = _newest_rowids(db)
        speakers.merge(_insert_new(db, new))
        _index_new_rows(db, newest)
        _refresh_speakers(db, speakers)
        if db.conn.total_changes == changes:
            db.conn.rollback()  # nothing to store: the file stays byte for byte as it was
        else:
            for table in FTS_COLUMNS:
                db.execute(_fts_triggers(table)[f"{table}_ai"])
            facet_counts.create(db)
    quotes = sum(len(article.extraction.attributions) for article in articles)
    return SaveCounts(len(articles), quotes)


def _newest_rowids(db: sqlite_utils.Database) -> dict[str, int]:
    return {table: db.execute(f"select coalesce(max(rowid), 0) from [{table}]").fetchone()[0] for table in FTS_COLUMNS}


def _quote_rows_of(db: sqlite_utils.Database, a_id: str) -> set[tuple[int, str]]:
    return set(db.execute("select rowid, id from quotes where article_id = ?", [a_id]).fetchall())


def _index_quotes(db: sqlite_utils.Database, rowids: list[int]) -> None:
    names = ", ".join(f"[{column}]" for column in FTS_COLUMNS["quotes"])
    db.execute(f"insert into quotes_fts (rowid, {names}) select rowid, {names} from quotes"
               " where rowid in (select value from json_each(?))", [json.dumps(rowids)])


def _index_new_rows(db: sqlite_utils.Database, newest: dict[str, int]) -> None:
    """Add the rows after `newest` to the full-text indexes: new rows get the next rowids."""
    for table, columns in FTS_COLUMNS.items():
        names = ", ".join(f"[{column}]" for column in columns)
        db.execute(f"insert into [{table}_fts] (rowid, {names}) select rowid, {names} from [{table}] where rowid > ?",
                   [newest[table]])


def _fts_triggers(table: str) -> dict[str, str]:
    """The triggers that keep `table`'s full-text index in step with it, by name. Unlike
    sqlite-utils' own, an update reindexes only a text that changed, so setting a quote's
    speaker does not touch the index."""
    fts, columns = f"{table}_fts", FTS_COLUMNS[table]
    names = ", ".join(f"[{column}]" for column in columns)
    old = ", ".join(f"old.[{column}]" for column in columns)
    new = ", ".join(f"new.[{column}]" for column in columns)
    changed = " or ".join(f"old.[{column}] is not new.[{column}]" for column in columns)
    return {
        f"{table}_ai": f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN\n"
                       f"  INSERT INTO [{fts}] (rowid, {names}) VALUES (new.rowid, {new});\nEND",
        f"{table}_ad": f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN\n"
                       f"  INSERT INTO [{fts}] ([{fts}], rowid, {names}) VALUES ('delete', old.rowid, {old});\nEND",
        f"{table}_au": f"CREATE TRIGGER [{table}_au] AFTER UPDATE OF {names} ON [{table}] WHEN {changed} BEGIN\n"
                       f"  INSERT INTO [{fts}] ([{fts}], rowid, {names}) VALUES ('delete', old.rowid, {old});\n"
                       f"  INSERT INTO [{fts}] (rowid, {names}) VALUES (new.rowid, {new});\nEND",
    }


def _replace_fts_triggers(db: sqlite_utils.Database, table: str) -> None:
    """Rewrite `table`'s full-text triggers where they differ from _fts_triggers."""
    triggers = _fts_triggers(table)
    stored = dict(db.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?", [table]))
    if all(stored.get(name) == sql for name, sql in triggers.items()):
        return
    with db.conn:
        db.execute("begin immediate")
        for name, sql in triggers.items():
            db.execute(f"drop trigger if exists [{name}]")
            db.execute(sql)


@dataclass
class NameChanges:
    """What saving changed under each speaker name, for _refresh_speakers."""

    # Name id -> (quote id, article id, title, mention) of each quote of an article new
    # to the database: its speaker's counts and titles can simply grow.
    added: dict[str, list[tuple]] = field(default_factory=dict)
    # Names whose stored quotes changed or went: re-derived from all their quotes.
    rewritten: set[str] = field(default_factory=set)

    def merge(self, other: NameChanges) -> None:
        for n_id, quotes in other.added.items():
            self.added.setdefault(n_id, []).extend(quotes)
        self.rewritten |= other.rewritten

    def names(self) -> set[str]:
        return self.added.keys() | self.rewritten


def _insert_new(db: sqlite_utils.Database, articles: dict[str, Article]) -> NameChanges:
    """Write articles none of which is stored yet, with their quotes; return the speaker
    names their quotes add to."""
    article_rows, quote_rows, via_rows, name_rows = [], [], [], []
    changes = NameChanges()
    for a_id, article in articles.items():
        article_row = _article_row(a_id, article)
        quotes, via, names = _rows_of(article_row, article.extraction.attributions)
        article_rows.append(article_row)
        quote_rows.extend(quotes.values())
        via_rows.extend(via.values())
        name_rows.extend(names.values())
        for row in quotes.values():
            if row["speaker_name_id"] is not None:
                changes.added.setdefault(row["speaker_name_id"], []).append(
                    (row["id"], a_id, row["speaker_title"], row["speaker_text"]))
    _upsert(db, "articles", article_rows)
    _insert_names(db, name_rows)
    _upsert(db, "quotes", quote_rows)
    _upsert(db, "quote_via", via_rows)
    return changes


def _article_row(a_id: str, article: Article) -> dict:
    meta = article.extraction.meta
    return {
        "id": a_id,
        "file": article.file,
        "date": meta.date,
        "dateline": meta.dateline,
        "agency": meta.agency,
        "text": article.text,
        "title": article.title,
        "url": article.url,
        "source": article.source,
    }


def _rows_of(article_row: dict, attributions: tuple[Attribution, ...]) -> tuple[dict, dict, dict]:
    """An article's quote, relay and speaker-name rows, by key."""
    a_id = article_row["id"]
    quote_rows, via_rows, name_rows = {}, {}, {}
    for attribution in attributions:
        q_id = quote_id(a_id, attribution)
        n_id = speaker_name_id(a_id, attribution)
        if n_id is not None:
            name, kind = attribution.speaker_name, attribution.speaker_kind
            name_rows[n_id] = (n_id, name, kind, _name_scope(a_id, kind, name) or None)
        quote_rows[q_id] = _quote_row(q_id, article_row, n_id, attribution)
        for position, outlet in enumerate(attribution.source.via):
            via_rows[(q_id, position)] = {"quote_id": q_id, "position": position, "outlet": outlet}
    return quote_rows, via_rows, name_rows


def _insert_names(db: sqlite_utils.Database, name_rows) -> None:
    # Titles and the speaker each name belongs to are filled in by _refresh_speakers.
    db.conn.executemany("insert or ignore into speaker_names (id, name, kind, article_id) values (?, ?, ?, ?)", name_rows)


def _save_article(db: sqlite_utils.Database, a_id: str, article: Article) -> NameChanges:
    """Write one stored article and its quotes; return what changed under which speaker names.

    Only rows that differ from the stored ones are written, so a reload leaves the
    file untouched, full-text index included.
    """
    article_row = _article_row(a_id, article)
    stored_article = next(db.query("select * from articles where id = ?", [a_id]), None)
    if stored_article != article_row:
        _upsert(db, "articles", [article_row])

    stored_quotes = {row["id"]: row for row in db.query("select * from quotes where article_id = ?", [a_id])}
    stored_via = {
        (row["quote_id"], row["position"]): row
        for row in db.query(
            "select quote_via.* from quote_via join quotes on quotes.id = quote_via.quote_id"
            " where quotes.article_id = ?",
            [a_id],
        )
    }
    quote_rows, via_rows, name_rows = _rows_of(article_row, article.extraction.attributions)
    db.conn.executemany("delete from quote_via where quote_id = ? and position = ?",
                        sorted(stored_via.keys() - via_rows.keys()))
    db.conn.executemany("delete from quotes where id = ?", [(q_id,) for q_id in sorted(stored_quotes.keys() - quote_rows.keys())])
    _insert_names(db, name_rows.values())
    written = [row for q_id, row in quote_rows.items() if _without_speaker(stored_quotes.get(q_id)) != row]
    _upsert(db, "quotes", written)
    _upsert(db, "quote_via", [row for key, row in via_rows.items() if stored_via.get(key) != row])
    changes = NameChanges()
    for row in written:
        changes.rewritten |= {row["speaker_name_id"], stored_quotes.get(row["id"], {}).get("speaker_name_id")}
    for q_id in stored_quotes.keys() - quote_rows.keys():
        changes.rewritten.add(stored_quotes[q_id]["speaker_name_id"])
    changes.rewritten.discard(None)
    return changes


def _without_speaker(row: dict | None) -> dict | None:
    """A stored quote row as _quote_row makes it: its speaker is set by _refresh_speakers."""
    if row is None:
        return None
    return {column: value for column, value in row.items() if column != "speaker_id" and column not in QUOTE_SPEAKER_COLUMNS}


def _upsert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert rows, or update those whose key exists, in place: rowids, which full-text
    search indexes by, stay the same."""
    if not rows:
        return
    columns = list(rows[0])
    key = PRIMARY_KEYS[table]
    updates = ", ".join(f"[{column}] = excluded.[{column}]" for column in columns if column not in key)
    sql = (f"insert into [{table}] ({', '.join(f'[{column}]' for column in columns)})"
           f" values ({', '.join('?' for _ in columns)})"
           f" on conflict ({', '.join(key)}) do update set {updates}")
    db.conn.executemany(sql, [tuple(row[column] for column in columns) for row in rows])


def _quote_row(q_id: str, article: dict, n_id: str | None, a: Attribution) -> dict:
    return {
        "id": q_id,
        "article_id": article["id"],
        "text": a.quote.text,
        "type": a.type,
        "start": a.quote.start,
        "end": a.quote.end,
        "speaker_name_id": n_id,
        "speaker_text": a.speaker.text if a.speaker else None,
        "speaker_start": a.speaker.start if a.speaker else None,
        "speaker_end": a.speaker.end if a.speaker else None,
        "speaker_title": a.speaker_title,
        "cue": a.cue.text if a.cue else None,
        "cue_start": a.cue.start if a.cue else None,
        "cue_end": a.cue.end if a.cue else None,
        "source_kind": a.source.kind,
        "platform": a.source.platform,
        "source_date": a.source.date,
        "via": json.dumps(list(a.source.via), ensure_ascii=False),
        "relayed_by": a.source.via[0] if a.source.via else None,
        "article_date": article["date"],
        "article_month": article["date"][:7] if article["date"] else None,
        "article_agency": article["agency"],
        "article_dateline": article["dateline"],
        "article_file": article["file"],
    }


Correction = entities.Correction


def speaker_corrections(db: sqlite_utils.Database) -> list[Correction]:
    return [Correction(action, name, other) for name, other, action in
            db.execute("select name, other, action from speaker_corrections order by name, other")]


def unknown_speaker_names(db: sqlite_utils.Database, names: list[str]) -> list[str]:
    """The names among `names` that no shared speaker name matches."""
    known = {entities.name_key(name) for (name,) in db.execute("select name from speaker_names where article_id is null")}
    return [name for name in names if entities.name_key(name) not in known]


def correct_speakers(db: sqlite_utils.Database, corrections: list[Correction]) -> None:
    """Store the user's corrections and re-derive the speakers they change."""
    with db.conn:
        db.execute("begin immediate")
        for correction in corrections:
            # One row per pair of names, whichever order they were given in.
            name, other = sorted((correction.name, correction.other))
            db.execute("insert into speaker_corrections (name, other, action) values (?, ?, ?)"
                       " on conflict (name, other) do update set action = excluded.action",
                       [name, other, correction.action])
        _refresh_speakers(db, NameChanges())


def _refresh_speakers(db: sqlite_utils.Database, changes: NameChanges) -> None:
    """Re-derive speakers after saving changed the quotes under some names.

    The entities come from all shared names and the user's corrections
    (entities.resolve), every time, so the result does not depend on load order. The
    rest grows with what changed: a speaker that only gained quotes of new articles has
    its counts, titles and aliases added to; one whose names or stored quotes changed is
    re-derived from all its quotes.
    """
    touched = json.dumps(sorted(changes.names()))
    stored_names = {n_id: (s_id, titles) for n_id, s_id, titles in db.execute(
        "select id, speaker_id, titles from speaker_names where id in (select value from json_each(?))", [touched])}
    # Each name's titles and how often they were given, for telling people apart and
    # for the speaker's most frequent title.
    for n_id in sorted(changes.names()):
        if n_id in changes.rewritten:
            counted = dict(db.execute(
                "select speaker_title, count(*) from quotes where speaker_name_id = ? and speaker_title is not null"
                " group by speaker_title", [n_id]).fetchall())
            if not db.execute("select 1 from quotes where speaker_name_id = ? limit 1", [n_id]).fetchone():
                db.execute("delete from speaker_names where id = ?", [n_id])
                continue
        else:
            counted = Counter(json.loads(stored_names.get(n_id, (None, None))[1] or "{}"))
            counted.update(title for _, _, title, _ in changes.added[n_id] if title is not None)
        _set_if_changed(db, "speaker_names", n_id, "titles", json.dumps(dict(sorted(counted.items())), ensure_ascii=False))
    shared = db.execute("select id, name, kind, titles, speaker_id from speaker_names"
                        " where article_id is null order by id").fetchall()
    resolved = entities.resolve(
        [entities.SpeakerName(n_id, name, kind, tuple(json.loads(titles or "{}"))) for n_id, name, kind, titles, _ in shared],
        speaker_corrections(db),
    )
    # (name id, its speaker's id, the speaker, the speaker id stored)
    assigned = [(n_id, entity_id(resolved[n_id]), resolved[n_id], stored) for n_id, _, _, _, stored in shared]
    # A name scoped to its article is a speaker of its own, with the name's id.
    for n_id, name, kind, stored in db.execute(
        "select id, name, kind, speaker_id from speaker_names where article_id is not null"
        " and id in (select value from json_each(?))", [touched]
    ).fetchall():
        assigned.append((n_id, n_id, entities.Entity(name, kind), stored))
    speakers, rederive, grown = {}, set(), {}
    rederive |= {stored_names[n_id][0] for n_id in changes.rewritten if n_id in stored_names} - {None}
    for n_id, s_id, entity, stored in assigned:
        speakers[s_id] = entity
        # A name seen for the first time, in new articles only, just adds to its speaker.
        first_seen = stored is None and n_id in changes.added and n_id not in changes.rewritten
        if (stored != s_id and not first_seen) or n_id in changes.rewritten:
            rederive |= {stored, s_id} - {None}
            _set_if_changed(db, "speaker_names", n_id, "speaker_id", s_id)
            db.execute("update quotes set speaker_id = :id, speaker_name = :name, speaker_kind = :kind"
                       " where speaker_name_id = :name_id and (speaker_id is not :id or speaker_name is not :name)",
                       {"id": s_id, "name": entity.name, "kind": entity.kind, "name_id": n_id})
        elif n_id in changes.added:
            _set_if_changed(db, "speaker_names", n_id, "speaker_id", s_id)
            new = changes.added[n_id]
            db.execute("update quotes set speaker_id = :id, speaker_name = :name, speaker_kind = :kind"
                       " where id in (select value from json_each(:ids))",
                       {"id": s_id, "name": entity.name, "kind": entity.kind,
                        "ids": json.dumps([q_id for q_id, _, _, _ in new])})
            grown.setdefault(s_id, []).extend(new)
    for s_id in sorted(rederive):
        _refresh_speaker(db, s_id, speakers.get(s_id))
    _grow_speakers(db, {s_id: (speakers[s_id], grown[s_id]) for s_id in grown.keys() - rederive})


def _grow_speakers(db: sqlite_utils.Database, grown: dict[str, tuple[entities.Entity, list[tuple]]]) -> None:
    """Add quotes of new articles to speakers' rows without reading their other quotes:
    a few statements for all of them."""
    ids = json.dumps(sorted(grown))
    stored = {row["id"]: row for row in db.query("select * from speakers where id in (select value from json_each(?))", [ids])}
    names, titles = {}, {}
    for s_id, name, name_titles in db.execute(
            "select speaker_id, name, titles from speaker_names where speaker_id in (select value from json_each(?))", [ids]):
        names.setdefault(s_id, set()).add(name)
        titles.setdefault(s_id, Counter()).update(json.loads(name_titles or "{}"))
    rows = []
    for s_id, (entity, new) in sorted(grown.items()):
        row = stored.get(s_id)
        if row is not None and row["quote_count"] is None:  # stored before counts were kept
            _refresh_speaker(db, s_id, entity)
            continue
        before = row or {"id": s_id, "name": entity.name, "kind": entity.kind, "aliases": "[]", "quote_count": 0,
                         "article_count": 0}
        speaker_names = sorted(names.get(s_id, ()))
        texts = {text for _, _, _, text in new} | (set(speaker_names) - {entity.name})
        counted = titles.get(s_id, Counter())
        after = {**before, "title": _most_frequent(counted),
                 "aliases": json.dumps(sorted(set(json.loads(before["aliases"]))
                                              | {text for text in texts if text and text.lower() not in NOT_ALIASES}),
                                       ensure_ascii=False),
                 "names": json.dumps(speaker_names, ensure_ascii=False),
                 "quote_count": before["quote_count"] + len(new),
                 # New articles: none of them was counted before.
                 "article_count": before["article_count"] + len({article for _, article, _, _ in new})}
        if after != row:
            rows.append(after)
    _upsert(db, "speakers", rows)


def _most_frequent(titles: Counter) -> str | None:
    """The most frequent title; ties go to the alphabetically first, for a stable answer."""
    return min(titles, key=lambda title: (-titles[title], title), default=None)


def _refresh_speaker(db: sqlite_utils.Database, s_id: str, entity: entities.Entity | None) -> None:
    """Write one speaker's row from its quotes, or drop it when it has none."""
    # One pass over the speaker's quotes: (title, mention, article) and how often.
    found = db.execute("select speaker_title, speaker_text, article_id, count(*) from quotes where speaker_id = ?"
                       " group by speaker_title, speaker_text, article_id", [s_id]).fetchall()
    if entity is None or not found:
        db.execute("delete from speakers where id = ?", [s_id])
        return
    title_counts = Counter()
    for title, _, _, count in found:
        if title is not None:
            title_counts[title] += count
    title = _most_frequent(title_counts)
    counts = (sum(row[3] for row in found), len({row[2] for row in found}))
    names = sorted({name for (name,) in db.execute("select name from speaker_names where speaker_id = ?", [s_id])})
    texts = {row[1] for row in found}
    # The mentions, and the other names merged into this speaker.
    aliases = sorted({text for text in texts | (set(names) - {entity.name}) if text and text.lower() not in NOT_ALIASES})
    row = {"id": s_id, "name": entity.name, "kind": entity.kind, "title": title,
           "aliases": json.dumps(aliases, ensure_ascii=False), "names": json.dumps(names, ensure_ascii=False),
           "quote_count": counts[0], "article_count": counts[1]}
    if next(db.query("select * from speakers where id = ?", [s_id]), None) != row:
        _upsert(db, "speakers", [row])


def _set_if_changed(db: sqlite_utils.Database, table: str, row_id: str, column: str, value) -> None:
    db.execute(f"update [{table}] set [{column}] = ? where id = ? and [{column}] is not ?", [value, row_id, value])
