"""Quote clusters in the store, refreshed only where the quotes changed.

An index kept in the database (store.CLUSTER_INDEX_TABLES) holds each direct or partial quote's wording (its words
as compared) and each wording's runs of words (hashed shingles). A refresh indexes the
quotes that are new since the last one, in chunks, and regroups only the wordings those
touch: new wordings, wordings that lost or gained quotes, and the groups they were in.
Memory follows the chunk and the groups touched, not the database; the clusters are
those `clusters.cluster` finds over every quote at once, whatever the order of loading.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter

import sqlite_utils

from . import clusters
from .store import _upsert, content_id

# Quotes indexed, then regrouped, at a time.
CHUNK_QUOTES = 20000
CLUSTERED_TYPES = "('direct', 'partial')"


def refresh_clusters(db: sqlite_utils.Database) -> None:
    """Bring the quote clusters up to date with the quotes, in one transaction, writing
    only rows that changed. Run at the end of a load: clusters span every article."""
    with db.conn:
        db.execute("begin immediate")
        _regroup(db, *_unindex_removed(db), removed=True)
        after = -1
        while True:
            chunk = db.execute(
                f"select rowid, id, article_id, text, type from quotes where rowid > ? and type in {CLUSTERED_TYPES}"
                " and not exists (select 1 from cluster_wording_quotes where quote_id = quotes.id)"
                " order by rowid limit ?", [after, CHUNK_QUOTES]).fetchall()
            if not chunk:
                break
            after = chunk[-1][0]
            _regroup(db, *_index(db, [row[1:] for row in chunk]), set(), removed=False)
        _refresh_speakers_of_clusters(db)


def _wording_id(text: tuple[str, ...]) -> str:
    return content_id("wording", " ".join(text))


def _shingle(run: tuple[str, ...]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _index(db: sqlite_utils.Database, rows: list[tuple]) -> tuple[set[str], Counter]:
    """Index new quotes: (wordings that gained quotes, shingles of new wordings counted)."""
    touched, new_shingles = set(), Counter()
    for row in rows:
        text = clusters.words(clusters.quoted_text(clusters.Quotation(*row)))
        w_id = _wording_id(text) if len(text) >= clusters.MIN_WORDS else None
        db.execute("insert into cluster_wording_quotes (quote_id, wording_id) values (?, ?)", [row[0], w_id])
        if w_id is None:
            continue
        touched.add(w_id)
        if db.execute("insert or ignore into cluster_wordings (id, words, grouping) values (?, ?, ?)",
                      [w_id, " ".join(text), w_id]).rowcount:
            runs = {_shingle(run) for run in clusters.shingles(text)}
            db.conn.executemany("insert into cluster_shingles (shingle, wording_id) values (?, ?)",
                                [(run, w_id) for run in sorted(runs)])
            new_shingles.update(runs)
    return touched, new_shingles


def _unindex_removed(db: sqlite_utils.Database) -> tuple[set[str], Counter, set[str]]:
    """Drop quotes gone from the database (or no longer direct or partial) from the index,
    and wordings left with no quote: (wordings that lost quotes, shingles of dropped
    wordings counted, clusters that lost quotes)."""
    gone = db.execute(
        "select quote_id, wording_id, cluster_id from cluster_wording_quotes left join cluster_quotes using (quote_id)"
        f" where not exists (select 1 from quotes where quotes.id = cluster_wording_quotes.quote_id"
        f" and type in {CLUSTERED_TYPES})").fetchall()
    touched, old_shingles = set(), Counter()
    for q_id, w_id, _ in gone:
        db.execute("delete from cluster_wording_quotes where quote_id = ?", [q_id])
        db.execute("delete from cluster_quotes where quote_id = ?", [q_id])
        if w_id is not None:
            touched.add(w_id)
    for w_id in sorted(touched):
        if db.execute("select 1 from cluster_wording_quotes where wording_id = ? limit 1", [w_id]).fetchone():
            continue
        old_shingles.update(run for (run,) in db.execute("select shingle from cluster_shingles where wording_id = ?", [w_id]))
        db.execute("delete from cluster_shingles where wording_id = ?", [w_id])
    return touched, old_shingles, {c_id for _, _, c_id in gone if c_id is not None}


def _regroup(db: sqlite_utils.Database, touched: set[str], runs: Counter, old_clusters: set[str],
             removed: bool) -> None:
    """Regroup the wordings touched, the groups they were in, and the groups of wordings
    whose shared runs crossed MAX_SHARED_RUN; rewrite the clusters of those groups."""
    seeds = set(touched)
    for run, changed in sorted(runs.items()):
        count = db.execute("select count(*) from cluster_shingles where shingle = ?", [run]).fetchone()[0]
        before = count + changed if removed else count - changed
        # A run counted over the limit before and not now, or the reverse, links wordings
        # it did not link before, or no longer links them.
        if (before > clusters.MAX_SHARED_RUN) != (count > clusters.MAX_SHARED_RUN):
            seeds |= {w_id for (w_id,) in db.execute("select wording_id from cluster_shingles where shingle = ?", [run])}
    if not seeds and not old_clusters:
        return
    for sql in ["create temp table if not exists regroup_seeds (id text primary key)",
                "create temp table if not exists regroup_wordings (wording_id text primary key, group_key text,"
                " length integer)",
                "delete from regroup_seeds", "delete from regroup_wordings"]:
        db.execute(sql)
    db.conn.executemany("insert into regroup_seeds (id) values (?)", [(w_id,) for w_id in sorted(seeds)])
    # The old groups of the seeds, and the wordings no longer carried by any quote.
    old = dict(db.execute(
        "select id, words from cluster_wordings where grouping in (select grouping from cluster_wordings"
        " where id in (select id from regroup_seeds))").fetchall())
    dropped = sorted(w_id for w_id in old if not db.execute(
        "select 1 from cluster_wording_quotes where wording_id = ? limit 1", [w_id]).fetchone())
    db.conn.executemany("delete from cluster_wordings where id = ?", [(w_id,) for w_id in dropped])
    texts = {tuple(old[w_id].split()) for w_id in old.keys() - set(dropped)}
    for group in clusters.components(texts, lambda text: _sharing(db, text)):
        ids = sorted(_wording_id(text) for text in group)
        db.conn.executemany("update cluster_wordings set grouping = ? where id = ? and grouping != ?",
                            [(ids[0], w_id, ids[0]) for w_id in ids])
        db.conn.executemany("insert into regroup_wordings (wording_id, group_key, length) values (?, ?, ?)",
                            [(_wording_id(text), ids[0], len(text)) for text in group])
    _write_clusters(db, old_clusters)


def _sharing(db: sqlite_utils.Database, text: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The wordings that share with `text` a run found in at most MAX_SHARED_RUN wordings."""
    return {tuple(words.split()) for (words,) in db.execute(
        "select distinct cluster_wordings.words from cluster_shingles as own"
        " join cluster_shingles as other on other.shingle = own.shingle"
        " join cluster_wordings on cluster_wordings.id = other.wording_id"
        " where own.wording_id = ? and (select count(*) from (select 1 from cluster_shingles as counted"
        " where counted.shingle = own.shingle limit ?)) <= ?",
        [_wording_id(text), clusters.MAX_SHARED_RUN + 1, clusters.MAX_SHARED_RUN])}


# The quotes of the regrouped wordings, each with its place in its group: first seen
# first (the earliest article; undated articles count as the latest), then by id.
MEMBERS = """
create temp table regroup_members as
select cluster_wording_quotes.quote_id, cluster_wording_quotes.wording_id, group_key, length, quotes.article_id,
  row_number() over (partition by group_key order by coalesce(nullif(quotes.article_date, ''), '9999'),
    quotes.article_file, quotes.start, quotes.id) as position
from cluster_wording_quotes join regroup_wordings using (wording_id) join quotes on quotes.id = cluster_wording_quotes.quote_id
"""

# A quote's variant: its wording's rank, by the place of the wording's first quote.
VARIANTS = """
select regroup_members.quote_id, regroup_clusters.cluster_id, variants.variant
from regroup_members join regroup_clusters using (group_key) join (
  select group_key, wording_id, row_number() over (partition by group_key order by min(position)) - 1 as variant
  from regroup_members group by group_key, wording_id
) as variants using (group_key, wording_id)
"""


def _write_clusters(db: sqlite_utils.Database, old_clusters: set[str]) -> None:
    """Write the clusters of the regrouped wordings (the groups whose quotes span two
    articles) in place of the clusters their quotes were in before, computed in SQL:
    a group can hold most quotes of the database."""
    db.execute("drop table if exists temp.regroup_members")
    db.execute(MEMBERS)
    db.execute("create index temp.regroup_members_group on regroup_members (group_key, position)")
    old_clusters = old_clusters | {c_id for (c_id,) in db.execute(
        "select distinct cluster_id from cluster_quotes where quote_id in (select quote_id from regroup_members)")}
    db.execute("create temp table if not exists regroup_clusters (group_key text primary key, cluster_id text)")
    db.execute("delete from regroup_clusters")
    spanning = db.execute("select group_key, min(quote_id) from regroup_members group by group_key"
                          " having count(distinct article_id) > 1 order by group_key").fetchall()
    db.conn.executemany("insert into regroup_clusters (group_key, cluster_id) values (?, ?)",
                        [(key, content_id("cluster", first)) for key, first in spanning])
    db.execute("delete from cluster_quotes where quote_id in (select quote_id from regroup_members"
               " where group_key not in (select group_key from regroup_clusters))")
    db.execute(f"insert into cluster_quotes (quote_id, cluster_id, variant) {VARIANTS} where true"
               " on conflict (quote_id) do update set cluster_id = excluded.cluster_id, variant = excluded.variant"
               " where cluster_quotes.cluster_id is not excluded.cluster_id or cluster_quotes.variant is not excluded.variant")
    new_clusters = set()
    for key, c_id in db.execute("select group_key, cluster_id from regroup_clusters order by group_key").fetchall():
        row = _cluster_row(db, key, c_id)
        new_clusters.add(c_id)
        if next(db.query("select * from quote_clusters where id = ?", [c_id]), None) != row:
            _upsert(db, "quote_clusters", [row])
    db.conn.executemany("delete from quote_clusters where id = ?", [(c_id,) for c_id in sorted(old_clusters - new_clusters)])


def _cluster_row(db: sqlite_utils.Database, key: str, c_id: str) -> dict:
    members = "from regroup_members join quotes on quotes.id = regroup_members.quote_id where group_key = ?"
    first = db.execute(f"select quotes.id, quotes.article_id, quotes.article_date, quotes.article_agency {members}"
                       " order by position limit 1", [key]).fetchone()
    quote_count, article_count, variant_count = db.execute(
        f"select count(*), count(distinct regroup_members.article_id), count(distinct wording_id) {members}",
        [key]).fetchone()
    agencies = [agency for (agency,) in db.execute(
        f"select article_agency {members} and article_agency != '' group by article_agency order by min(position)", [key])]
    speaker = db.execute(f"select speaker_id {members} and speaker_id != '' group by speaker_id"
                         " order by count(*) desc, speaker_id limit 1", [key]).fetchone()
    # The fullest wording's first quote.
    fullest = db.execute(f"select quotes.id, quotes.article_id, quotes.text, quotes.type {members}"
                         " order by length desc, position limit 1", [key]).fetchone()
    return {
        "id": c_id,
        # A direct quote ends with the comma before "she said"; not part of the words.
        "text": clusters.quoted_text(clusters.Quotation(*fullest)).rstrip(",;: "),
        "speaker_id": speaker[0] if speaker else None,
        "first_date": first[2],
        "first_agency": first[3],
        "first_article_id": first[1],
        "first_quote_id": first[0],
        "article_count": article_count,
        "outlet_count": len(agencies),
        "quote_count": quote_count,
        "variant_count": variant_count,
        "carried_by": json.dumps(agencies, ensure_ascii=False),
    }


def _refresh_speakers_of_clusters(db: sqlite_utils.Database) -> None:
    """A cluster names the speaker most of its quotes name (ties: the smallest id); speaker
    corrections change quotes' speakers without changing which quotes are clustered."""
    db.execute(
        "with named as (select cluster_quotes.cluster_id, quotes.speaker_id, count(*) as quotes"
        " from cluster_quotes join quotes on quotes.id = cluster_quotes.quote_id where quotes.speaker_id != ''"
        " group by cluster_quotes.cluster_id, quotes.speaker_id),"
        " chosen as (select cluster_id, speaker_id from (select cluster_id, speaker_id, row_number() over"
        " (partition by cluster_id order by quotes desc, speaker_id) as rank from named) where rank = 1)"
        " update quote_clusters set speaker_id = chosen.speaker_id from chosen"
        " where chosen.cluster_id = quote_clusters.id and quote_clusters.speaker_id is not chosen.speaker_id")
    db.execute(
        "update quote_clusters set speaker_id = null where speaker_id is not null and not exists (select 1"
        " from cluster_quotes join quotes on quotes.id = cluster_quotes.quote_id"
        " where cluster_quotes.cluster_id = quote_clusters.id and quotes.speaker_id != '')")
