"""The store: extractions into a SQLite database with sqlite-utils.

Every id is a content hash, so loading the same articles again rewrites identical
rows and changes nothing. Views, full-text search and indexes live in the file, so a
published database works without the plugin (and opened immutable).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from .extractor import Attribution, Extraction
from .extractor.lexicon import PRONOUNS_OTHER, PRONOUNS_PERSON

# A pronoun points at a speaker but is no name for it, so it is not listed as an alias.
NOT_ALIASES = PRONOUNS_PERSON | PRONOUNS_OTHER

# Speakers with no name of their own ("a senior official", "residents") are not the
# same entity from one article to the next, so their identity is scoped to the article.
ARTICLE_SCOPED_KINDS = ("anonymous", "group")

PRIMARY_KEYS = {"articles": ["id"], "speakers": ["id"], "quotes": ["id"], "quote_via": ["quote_id", "position"]}

FTS_COLUMNS = {"quotes": ["text"], "articles": ["text"]}

INDEXES = {
    "articles": [["date"], ["agency"], ["dateline"]],
    "speakers": [["name"], ["kind"]],
    "quotes": [
        ["article_id"],
        ["speaker_id"],
        ["type"],
        ["source_kind"],
        ["platform"],
        ["source_date"],
    ],
    "quote_via": [["outlet"]],
}

VIEWS = {
    "quotes_view": """
select
  quotes.rowid as rowid,
  quotes.id as id,
  quotes.text as quote,
  quotes.type as type,
  speakers.name as speaker,
  speakers.kind as speaker_kind,
  quotes.speaker_title as speaker_title,
  quotes.cue as cue,
  quotes.source_kind as source_kind,
  quotes.platform as platform,
  quotes.source_date as source_date,
  quotes.via as via,
  articles.date as article_date,
  substr(articles.date, 1, 7) as article_month,
  articles.agency as agency,
  articles.dateline as dateline,
  articles.file as article_file,
  quotes.article_id as article_id,
  quotes.speaker_id as speaker_id
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
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
  min(articles.date) as first_date,
  max(articles.date) as last_date
from speakers
join quotes on quotes.speaker_id = speakers.id
join articles on articles.id = quotes.article_id
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
}


@dataclass(frozen=True)
class Article:
    """One article read by the caller, with what the extractor found in it."""

    file: str
    text: str
    extraction: Extraction


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


def speaker_id(article: str, attribution: Attribution) -> str | None:
    if attribution.speaker_name is None:
        return None
    scope = article if attribution.speaker_kind in ARTICLE_SCOPED_KINDS else ""
    return content_id(attribution.speaker_kind, attribution.speaker_name, scope)


def open_for_loading(path) -> sqlite_utils.Database:
    """The database at `path`, created if need be, in WAL mode with its schema.

    WAL lets Datasette keep reading the file while a load writes to it. Raises
    sqlite3.DatabaseError for a file that is not SQLite or cannot be written.
    """
    db = sqlite_utils.Database(path)
    db.execute("pragma journal_mode = wal")
    ensure_schema(db)
    return db


def totals(db: sqlite_utils.Database) -> dict[str, int]:
    return {table: db[table].count for table in ("articles", "quotes", "speakers")}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create tables, indexes, full-text search and views that do not exist yet."""
    db["articles"].create(
        {"id": str, "file": str, "date": str, "dateline": str, "agency": str, "text": str},
        pk="id",
        if_not_exists=True,
    )
    db["speakers"].create(
        {"id": str, "name": str, "kind": str, "title": str, "aliases": str},
        pk="id",
        if_not_exists=True,
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
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS_COLUMNS.items():
        # replace=True also rebuilds an index left without its triggers by a load killed
        # while creating it; a complete one is left as it is.
        db[table].enable_fts(columns, create_triggers=True, replace=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def save(db: sqlite_utils.Database, articles: list[Article]) -> SaveCounts:
    """Store a batch of articles in one transaction: all of it or none of it.

    An article already stored gets its current quotes; quotes the extractor no longer
    finds in it are removed, so a reload after an extractor change leaves no stale rows.
    """
    speakers: set[str] = set()
    with db.conn:  # commits, or rolls back on any error
        # Take the write lock before the first read: a transaction that read first cannot
        # wait for another writer, it fails as soon as that one commits.
        db.execute("begin immediate")
        for article in articles:
            speakers |= _save_article(db, article)
        _refresh_speakers(db, speakers)
    quotes = sum(len(article.extraction.attributions) for article in articles)
    return SaveCounts(len(articles), quotes)


def _save_article(db: sqlite_utils.Database, article: Article) -> set[str]:
    """Write one article and its quotes; return the ids of its speakers before and after.

    Only rows that differ from the stored ones are written, so a reload leaves the
    file untouched, full-text index included.
    """
    a_id = article_id(article.text)
    meta = article.extraction.meta
    article_row = {
        "id": a_id,
        "file": article.file,
        "date": meta.date,
        "dateline": meta.dateline,
        "agency": meta.agency,
        "text": article.text,
    }
    if next(db.query("select * from articles where id = ?", [a_id]), None) != article_row:
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
    quote_rows, via_rows, speaker_rows = {}, {}, {}
    for attribution in article.extraction.attributions:
        q_id = quote_id(a_id, attribution)
        s_id = speaker_id(a_id, attribution)
        if s_id is not None:
            speaker_rows[s_id] = (s_id, attribution.speaker_name, attribution.speaker_kind)
        quote_rows[q_id] = _quote_row(q_id, a_id, s_id, attribution)
        for position, outlet in enumerate(attribution.source.via):
            via_rows[(q_id, position)] = {"quote_id": q_id, "position": position, "outlet": outlet}

    db.conn.executemany("delete from quote_via where quote_id = ? and position = ?",
                        sorted(stored_via.keys() - via_rows.keys()))
    db.conn.executemany("delete from quotes where id = ?", [(q_id,) for q_id in sorted(stored_quotes.keys() - quote_rows.keys())])
    # Speakers first: quotes point at them. Title and aliases are filled in by _refresh_speakers.
    db.conn.executemany("insert or ignore into speakers (id, name, kind) values (?, ?, ?)", speaker_rows.values())
    _upsert(db, "quotes", [row for q_id, row in quote_rows.items() if stored_quotes.get(q_id) != row])
    _upsert(db, "quote_via", [row for key, row in via_rows.items() if stored_via.get(key) != row])
    old_speakers = {row["speaker_id"] for row in stored_quotes.values() if row["speaker_id"]}
    return old_speakers | set(speaker_rows)


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


def _quote_row(q_id: str, a_id: str, s_id: str | None, a: Attribution) -> dict:
    return {
        "id": q_id,
        "article_id": a_id,
        "text": a.quote.text,
        "type": a.type,
        "start": a.quote.start,
        "end": a.quote.end,
        "speaker_id": s_id,
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
    }


def _refresh_speakers(db: sqlite_utils.Database, speaker_ids: set[str]) -> None:
    """Recompute title and aliases from all the speaker's quotes; drop unquoted speakers.

    Derived from the quotes rather than merged row by row, so the result does not
    depend on the order in which articles were loaded.
    """
    for s_id in sorted(speaker_ids):
        # Most frequent title; ties go to the alphabetically first, for a stable answer.
        title = db.execute(
            "select speaker_title from quotes where speaker_id = ? and speaker_title is not null"
            " group by speaker_title order by count(*) desc, speaker_title limit 1",
            [s_id],
        ).fetchone()
        texts = db.execute("select distinct speaker_text from quotes where speaker_id = ?", [s_id]).fetchall()
        if not texts:
            db.execute("delete from speakers where id = ?", [s_id])
            continue
        aliases = sorted({text for (text,) in texts if text and text.lower() not in NOT_ALIASES})
        db.execute(
            "update speakers set title = :title, aliases = :aliases"
            " where id = :id and (title is not :title or aliases is not :aliases)",
            {"id": s_id, "title": title[0] if title else None, "aliases": json.dumps(aliases, ensure_ascii=False)},
        )
