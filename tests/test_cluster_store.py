"""Quote clusters refreshed incrementally are those a refresh from scratch finds, and
those clusters.cluster finds over every quote, whatever was loaded, removed, and when."""
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_quotes import cluster_store, clusters
from datasette_quotes.cli import cli

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.txt"))
INDEX = ["cluster_wordings", "cluster_wording_quotes", "cluster_shingles"]


def load(db_path, *paths):
    result = CliRunner().invoke(cli, ["load", str(db_path), *map(str, paths)])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(db_path)


def stored(db):
    return (sorted(tuple(row.values()) for row in db["quote_clusters"].rows),
            sorted(tuple(row.values()) for row in db["cluster_quotes"].rows))


def from_scratch(db):
    """The clusters of a refresh with no index and no clusters stored."""
    for table in INDEX + ["cluster_quotes", "quote_clusters"]:
        db.execute(f"delete from [{table}]")
    db.conn.commit()
    cluster_store.refresh_clusters(db)
    return stored(db)


def reference(db):
    """clusters.cluster over every quote of the database."""
    return clusters.cluster([clusters.Quotation(*row) for row in db.execute(
        "select id, article_id, text, type from quotes where type in ('direct', 'partial')")])


def groups(db):
    found = {}
    for quote_id, cluster_id in db.execute("select quote_id, cluster_id from cluster_quotes"):
        found.setdefault(cluster_id, []).append(quote_id)
    return sorted(sorted(group) for group in found.values())


@pytest.mark.parametrize("order", [FILES, FILES[::-1], FILES[1::2] + FILES[::2]], ids=["sorted", "reversed", "mixed"])
def test_loading_one_article_at_a_time_gives_the_clusters_of_a_refresh_from_scratch(tmp_path, order):
    db_path = tmp_path / "quotes.db"
    for path in order:
        db = load(db_path, path)
    incremental = stored(db)
    assert incremental[0], "the corpus carries quotations across articles"
    assert groups(db) == reference(db)
    assert from_scratch(db) == incremental
    assert stored(load(tmp_path / "at_once.db", CORPUS)) == incremental


def test_quotes_removed_leave_the_clusters_of_a_refresh_from_scratch(tmp_path):
    db = load(tmp_path / "quotes.db", CORPUS)
    clustered_article = db.execute("select article_id from quotes join cluster_quotes on quote_id = quotes.id"
                                   " order by quotes.id limit 1").fetchone()[0]
    db.execute("delete from quotes where article_id = ?", [clustered_article])
    # A quote that is no longer direct leaves its cluster too.
    db.execute("update quotes set type = 'indirect' where id = (select quote_id from cluster_quotes"
               " order by quote_id limit 1)")
    db.conn.commit()
    before = stored(db)
    cluster_store.refresh_clusters(db)
    incremental = stored(db)
    assert incremental != before
    assert groups(db) == reference(db)
    assert from_scratch(db) == incremental


BRIDGE = "The river bridge will reopen to"
ARTICLES = {
    "a.txt": f'"{BRIDGE} traffic on Monday morning after the inspection," said Mayor Tomas Brenner.\n',
    "b.txt": f'"{BRIDGE}," said Ilse Varga, the council engineer, on Tuesday.\n',
    "c.txt": f'"{BRIDGE} cyclists only until the spring repairs are finished," said Lotte Danner.\n',
}


def test_a_run_found_in_too_many_wordings_stops_linking_them_incrementally(tmp_path, monkeypatch):
    # With a limit of two wordings, the run of the first six words links a and b until c
    # carries it too.
    monkeypatch.setattr(clusters, "MAX_SHARED_RUN", 2)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = load(tmp_path / "quotes.db", tmp_path / "a.txt", tmp_path / "b.txt")
    assert len(groups(db)) == 1
    db = load(tmp_path / "quotes.db", tmp_path / "c.txt")
    assert groups(db) == reference(db) == []
    # And links them again when c is gone.
    db.execute("delete from quotes where article_file like '%c.txt'")
    db.conn.commit()
    cluster_store.refresh_clusters(db)
    assert len(groups(db)) == 1
    assert groups(db) == reference(db)


def test_a_refresh_with_nothing_new_writes_nothing(tmp_path):
    db = load(tmp_path / "quotes.db", CORPUS)
    changes = db.conn.total_changes
    cluster_store.refresh_clusters(db)
    assert db.conn.total_changes == changes


def test_a_cluster_names_its_quotes_new_speaker_after_a_correction(tmp_path):
    db = load(tmp_path / "quotes.db", CORPUS)
    cluster_id, speaker_id = db.execute("select id, speaker_id from quote_clusters order by id limit 1").fetchone()
    other = db.execute("select id from speakers where id is not ? order by id limit 1", [speaker_id]).fetchone()[0]
    # As `speakers --merge` does: the quotes change speaker, the clustered quotes stay the same.
    db.execute("update quotes set speaker_id = ? where id in (select quote_id from cluster_quotes where cluster_id = ?)",
               [other, cluster_id])
    db.conn.commit()
    cluster_store.refresh_clusters(db)
    assert db.execute("select speaker_id from quote_clusters where id = ?", [cluster_id]).fetchone()[0] == other
    assert from_scratch(db) == stored(db)
