"""The store, fed hand-built extractions so each behaviour is pinned independently of the extractor."""
import json
import sqlite3

import pytest
import sqlite_utils

from datasette_quotes import store
from datasette_quotes.extractor import ArticleMeta, Attribution, Extraction, Source, Span

TEXT = (
    "Port Ellery, May 6 (PTI): \u201cWe will dredge the channel by June,\u201d said Harbourmaster "
    "Wen Ostrova. She told reporters the work would cost little. Officials said the port "
    "stays open, the Ellery Courier reported, citing TASS."
)


def span(text, fragment):
    start = text.index(fragment)
    return Span(fragment, start, start + len(fragment))


def attribution(text, quote, type, speaker=None, name=None, kind=None, title=None, cue=None, source=Source()):
    return Attribution(
        quote=span(text, quote),
        type=type,
        speaker=span(text, speaker) if speaker else None,
        speaker_name=name,
        speaker_kind=kind,
        speaker_title=title,
        cue=span(text, cue) if cue else None,
        source=source,
    )


def harbour_extraction(text=TEXT):
    return Extraction(
        meta=ArticleMeta(date="2026-05-06", dateline="Port Ellery", agency="PTI"),
        attributions=(
            attribution(text, "We will dredge the channel by June,", "direct", "Wen Ostrova",
                        "Wen Ostrova", "person", "Harbourmaster", "said"),
            attribution(text, "the work would cost little", "indirect", "She", "Wen Ostrova", "person",
                        cue="told reporters", source=Source(kind="press_conference", date="2026-05-06")),
            attribution(text, "the port stays open", "indirect", "Officials", "officials", "group", cue="said",
                        source=Source(kind="unspecified", via=("Ellery Courier", "TASS"))),
        ),
    )


@pytest.fixture
def db(tmp_path):
    database = sqlite_utils.Database(tmp_path / "quotes.db")
    store.ensure_schema(database)
    return database


def dump(db):
    return list(db.conn.iterdump())


def test_schema_has_tables_keys_indexes_fts_and_views(db):
    assert {"articles", "speakers", "quotes", "quote_via"} <= set(db.table_names())
    assert {"quotes_view", "speaker_counts", "outlet_counts"} <= set(db.view_names())
    fks = {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys}
    assert fks == {("article_id", "articles"), ("speaker_id", "speakers")}
    assert [(fk.column, fk.other_table) for fk in db["quote_via"].foreign_keys] == [("quote_id", "quotes")]
    indexed = {tuple(index.columns) for index in db["quotes"].indexes}
    assert {("type",), ("speaker_id",), ("source_kind",), ("platform",), ("source_date",)} <= indexed
    assert {("agency",), ("date",)} <= {tuple(index.columns) for index in db["articles"].indexes}
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert db["articles"].detect_fts() == "articles_fts"


def test_schema_is_idempotent(db):
    before = dump(db)
    store.ensure_schema(db)
    assert dump(db) == before


def test_save_stores_article_quotes_speakers_and_chain(db):
    counts = store.save(db, [store.Article("harbour.txt", TEXT, harbour_extraction())])
    assert (counts.articles, counts.quotes) == (1, 3)

    article = db["articles"].get(store.article_id(TEXT))
    assert (article["file"], article["date"], article["dateline"], article["agency"]) == (
        "harbour.txt", "2026-05-06", "Port Ellery", "PTI")
    for quote in db["quotes"].rows:
        assert TEXT[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:
            assert TEXT[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_text"]
        if quote["cue_start"] is not None:
            assert TEXT[quote["cue_start"]:quote["cue_end"]] == quote["cue"]

    wen = next(db["speakers"].rows_where("name = ?", ["Wen Ostrova"]))
    assert (wen["kind"], wen["title"]) == ("person", "Harbourmaster")
    assert json.loads(wen["aliases"]) == ["Wen Ostrova"]  # "She" is no name for her
    assert [row["speaker_text"] for row in db["quotes"].rows_where("speaker_id = ?", [wen["id"]])] == [
        "Wen Ostrova", "She"]

    relayed = next(db["quotes"].rows_where("text = ?", ["the port stays open"]))
    assert json.loads(relayed["via"]) == ["Ellery Courier", "TASS"]
    chain = db.execute(
        "select position, outlet from quote_via where quote_id = ? order by position", [relayed["id"]]
    ).fetchall()
    assert chain == [(0, "Ellery Courier"), (1, "TASS")]


def test_views_and_search_work_in_plain_sqlite(db, tmp_path):
    store.save(db, [store.Article("harbour.txt", TEXT, harbour_extraction())])
    db.close()
    # Without sqlite-utils or the plugin: what a published database offers.
    conn = sqlite3.connect(tmp_path / "quotes.db")
    rows = conn.execute(
        "select speaker, speaker_kind, type, source_kind, agency, article_date from quotes_view order by rowid"
    ).fetchall()
    assert rows == [
        ("Wen Ostrova", "person", "direct", "unspecified", "PTI", "2026-05-06"),
        ("Wen Ostrova", "person", "indirect", "press_conference", "PTI", "2026-05-06"),
        ("officials", "group", "indirect", "unspecified", "PTI", "2026-05-06"),
    ]
    counts = dict(conn.execute("select speaker, quotes from speaker_counts").fetchall())
    assert counts == {"Wen Ostrova": 2, "officials": 1}
    assert conn.execute("select outlet, quotes from outlet_counts order by outlet").fetchall() == [
        ("Ellery Courier", 1), ("TASS", 1)]
    found = conn.execute(
        "select quote from quotes_view where rowid in (select rowid from quotes_fts where quotes_fts match 'dredge')"
    ).fetchall()
    assert found == [("We will dredge the channel by June,",)]


def test_saving_again_changes_nothing(db):
    article = store.Article("harbour.txt", TEXT, harbour_extraction())
    store.save(db, [article])
    before = dump(db)
    store.save(db, [article])
    assert dump(db) == before


def test_new_extraction_replaces_stale_quotes_chain_and_speakers(db):
    store.save(db, [store.Article("harbour.txt", TEXT, harbour_extraction())])
    full = harbour_extraction()
    # The extractor now finds only the quote where a pronoun names her, with no title.
    store.save(db, [store.Article("harbour.txt", TEXT, Extraction(full.meta, full.attributions[1:2]))])
    assert [row["text"] for row in db["quotes"].rows] == ["the work would cost little"]
    assert db["quote_via"].count == 0
    assert [(row["name"], row["title"], row["aliases"]) for row in db["speakers"].rows] == [
        ("Wen Ostrova", None, "[]")]
    search = "select count(*) from quotes_fts where quotes_fts match ?"
    assert db.execute(search, ["dredge"]).fetchone()[0] == 0
    assert db.execute(search, ["cost"]).fetchone()[0] == 1


def test_named_speakers_are_shared_across_articles_unnamed_ones_are_not(db):
    other = TEXT.replace("May 6", "May 8")
    store.save(db, [
        store.Article("harbour.txt", TEXT, harbour_extraction()),
        store.Article("harbour-2.txt", other, harbour_extraction(other)),
    ])
    assert db["articles"].count == 2
    assert db["quotes"].count == 6
    speakers = sorted((row["name"], row["kind"]) for row in db["speakers"].rows)
    assert speakers == [("Wen Ostrova", "person"), ("officials", "group"), ("officials", "group")]


def test_speaker_rows_do_not_depend_on_load_order(tmp_path):
    other = (
        "Port Ellery, May 7 (PTI): Wen Ostrova, the port director, said dredging had begun."
    )
    other_extraction = Extraction(ArticleMeta(), (
        attribution(other, "dredging had begun", "indirect", "Wen Ostrova", "Wen Ostrova", "person",
                    "port director", "said"),
    ))
    first = store.Article("harbour.txt", TEXT, harbour_extraction())
    second = store.Article("director.txt", other, other_extraction)
    results = []
    for order in ([first, second], [second, first]):
        database = sqlite_utils.Database(tmp_path / f"{len(results)}.db")
        store.ensure_schema(database)
        for article in order:
            store.save(database, [article])
        results.append(sorted(database["speakers"].rows, key=lambda row: row["id"]))
    assert results[0] == results[1]
    wen = next(row for row in results[0] if row["name"] == "Wen Ostrova")
    # One quote each gives a title: the tie goes to the alphabetically first, whatever the order.
    assert wen["title"] == "Harbourmaster"
    assert json.loads(wen["aliases"]) == ["Wen Ostrova"]


def test_a_batch_stores_what_saving_its_articles_one_by_one_stores(tmp_path):
    """Articles new to the database are written together; one already stored, or given
    twice in the batch, is saved as it would be on its own."""
    director = "Port Ellery, May 7 (PTI): Wen Ostrova, the port director, said dredging had begun."
    later = TEXT.replace("May 6", "May 9")
    batch = [
        store.Article("director.txt", director, Extraction(ArticleMeta(), (
            attribution(director, "dredging had begun", "indirect", "Wen Ostrova", "Wen Ostrova", "person",
                        "port director", "said"),
        ))),
        store.Article("harbour-copy.txt", TEXT, harbour_extraction()),  # stored before the batch
        store.Article("later.txt", later, harbour_extraction(later)),
        store.Article("later-copy.txt", later, harbour_extraction(later)),  # twice in the batch
    ]
    dumps = []
    for together in (True, False):
        database = sqlite_utils.Database(tmp_path / f"{together}.db")
        store.ensure_schema(database)
        store.save(database, [store.Article("harbour.txt", TEXT, harbour_extraction())])
        for articles in [batch] if together else [[article] for article in batch]:
            store.save(database, articles)
        dumps.append(dump(database))
    assert dumps[0] == dumps[1]
    database = sqlite_utils.Database(tmp_path / "True.db")
    assert sorted(row["file"] for row in database["articles"].rows) == ["director.txt", "harbour-copy.txt", "later-copy.txt"]
    wen = next(row for row in database["speakers"].rows if row["name"] == "Wen Ostrova")
    assert (wen["quote_count"], wen["article_count"]) == (5, 3)


def test_a_failing_batch_leaves_nothing_behind(db):
    good = store.Article("harbour.txt", TEXT, harbour_extraction())
    broken_attribution = attribution(TEXT, "the port stays open", "indirect",
                                     source=Source(via=(object(),)))  # cannot be stored
    broken = store.Article("broken.txt", TEXT + " ", Extraction(ArticleMeta(), (broken_attribution,)))
    with pytest.raises(TypeError):
        store.save(db, [good, broken])
    assert db["articles"].count == 0
    assert db["quotes"].count == 0
    assert db["speakers"].count == 0


def test_ids_are_content_hashes():
    assert store.article_id(TEXT) == store.article_id(str(TEXT))
    assert store.article_id(TEXT) != store.article_id(TEXT + "\n")
    extraction = harbour_extraction()
    a_id = store.article_id(TEXT)
    ids = {store.quote_id(a_id, a) for a in extraction.attributions}
    assert len(ids) == 3
    assert store.quote_id("other", extraction.attributions[0]) not in ids


def fts_integrity(db):
    for table in store.FTS_COLUMNS:
        # rank 1: the index must also match the rows of the table it indexes.
        db.execute(f"insert into {table}_fts({table}_fts, rank) values ('integrity-check', 1)")


def test_quote_view_counts_one_table_whose_copies_match_the_joins(db):
    other = TEXT.replace("May 6", "May 8")
    store.save(db, [store.Article("harbour.txt", TEXT, harbour_extraction()),
                    store.Article("harbour-2.txt", other, harbour_extraction(other))])
    copied = db.execute(
        "select count(*) from quotes join articles on articles.id = quotes.article_id"
        " left join speakers on speakers.id = quotes.speaker_id"
        " where quotes.speaker_name is speakers.name and quotes.speaker_kind is speakers.kind"
        " and quotes.article_date is articles.date and quotes.article_month is substr(articles.date, 1, 7)"
        " and quotes.article_agency is articles.agency and quotes.article_dateline is articles.dateline"
        " and quotes.article_file is articles.file"
        " and quotes.relayed_by is (select outlet from quote_via where quote_id = quotes.id and position = 0)"
    ).fetchone()[0]
    assert copied == db["quotes"].count == 6
    # What a facet on the view runs: one table, through an index, no join.
    for column in ("speaker", "speaker_kind", "agency", "article_month", "relayed_by", "type"):
        plan = " ".join(row[-1] for row in db.execute(
            f"explain query plan select {column}, count(*) from (select * from quotes_view) group by {column}"))
        assert "COVERING INDEX" in plan and "articles" not in plan and "speakers" not in plan, (column, plan)


def test_search_index_follows_batches_without_touching_it_for_speaker_updates(db):
    other = TEXT.replace("May 6", "May 8")
    full = harbour_extraction()
    store.save(db, [
        store.Article("harbour.txt", TEXT, full),
        store.Article("harbour-2.txt", other, harbour_extraction(other)),
        # The same article again in the same batch, now with one quote: the others go.
        store.Article("harbour.txt", TEXT, Extraction(full.meta, full.attributions[1:2])),
    ])
    fts_integrity(db)
    search = "select count(*) from quotes_fts where quotes_fts match ?"
    assert db.execute(search, ["dredge"]).fetchone()[0] == 1  # only the second article's
    triggers = {row[0] for row in db.execute("select name from sqlite_master where type = 'trigger'")}
    assert {f"{table}_{event}" for table in store.FTS_COLUMNS for event in ("ai", "ad", "au")} <= triggers
    index = "select * from quotes_fts_data order by id"
    before = db.execute(index).fetchall()
    with db.conn:
        db.execute("update quotes set speaker_name = 'W Ostrova' where speaker_name = 'Wen Ostrova'")
    assert db.execute(index).fetchall() == before
    # Writes from elsewhere (sqlite-utils, Datasette) still go through the triggers.
    with db.conn:
        db.execute("update quotes set text = 'the work would cost nothing' where text = 'the work would cost little'")
        db.execute("delete from quotes where text = 'the port stays open'")
    fts_integrity(db)
    assert db.execute(search, ["nothing"]).fetchone()[0] == 2  # one in each article
    assert db.execute(search, ["stays"]).fetchone()[0] == 0


def test_a_new_quote_that_reuses_a_deleted_rowid_is_searchable(db):
    full = harbour_extraction()
    store.save(db, [store.Article("harbour.txt", TEXT, full)])
    # The last quote goes and another comes: SQLite gives the new row the freed rowid.
    replaced = attribution(TEXT, "the port stays open, the Ellery Courier reported", "indirect", "Officials",
                           "officials", "group", cue="said")
    store.save(db, [store.Article("harbour.txt", TEXT, Extraction(full.meta, full.attributions[:2] + (replaced,)))])
    fts_integrity(db)
    found = db.execute("select quotes.text from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid"
                       " where quotes_fts match 'Courier'").fetchall()
    assert found == [("the port stays open, the Ellery Courier reported",)]
