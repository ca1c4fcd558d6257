"""One speaker and one quotation across articles, on tests/corpus: twelve wire stories we
wrote (ANI, PTI, IANS, Reuters, AP; 2 to 6 March 2026) in which the same people and bodies
recur under other names, two people share a surname, two ministries and two unnamed
"ministries" speak, and two quotations are carried by several outlets."""
import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_quotes import store
from datasette_quotes.cli import cli

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.txt"))

# Every recurring speaker, with the names the articles give it.
RECURRING = {
    "Meera Raghunathan": ["EAM", "M Raghunathan", "Meera Raghunathan", "Raghunathan"],
    "Ministry of External Affairs": ["MEA", "Ministry of External Affairs"],
    "Ministry of Home Affairs": ["MHA", "Ministry of Home Affairs"],
    "Anand Kulkarni": ["Anand Kulkarni", "Kulkarni"],
    "Rohan Dutta": ["Rohan Dutta"],
}
STRAIT = "India will not accept any unilateral change to the status of the Kesari Strait shipping lanes"
FENCE = "Every kilometre of the border fence will be completed before the monsoon arrives this year"


def run(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def load(db_path, *paths):
    result = run("load", db_path, *paths)
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(db_path)


def speaker_of(db, name):
    """The one speaker row that lists `name` among its names."""
    rows = [row for row in db["speakers"].rows if name in json.loads(row["names"])]
    assert len(rows) == 1, (name, rows)
    return rows[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return load(tmp_path_factory.mktemp("corpus") / "quotes.db", CORPUS)


def test_every_recurring_speaker_is_one_row(db):
    for name, names in RECURRING.items():
        row = speaker_of(db, name)
        assert (row["name"], json.loads(row["names"])) == (name, names)
        assert row["article_count"] >= 2, name
        assert row["quote_count"] == db.execute(
            "select count(*) from quotes where speaker_id = ?", [row["id"]]).fetchone()[0]
    minister = speaker_of(db, "Meera Raghunathan")
    assert (minister["kind"], minister["title"]) == ("person", "External Affairs Minister")
    assert speaker_of(db, "MEA")["kind"] == "organization"


def test_distinct_speakers_stay_apart(db):
    sandhus = {speaker_of(db, name)["id"] for name in ("Harjit Sandhu", "Tejinder Sandhu", "Sandhu")}
    assert len(sandhus) == 3  # "Sandhu" alone could be either of them
    ministries = {speaker_of(db, name)["id"] for name in ("Ministry of External Affairs", "Ministry of Home Affairs")}
    assert len(ministries) == 2
    # "the ministry said" in a story on ports and in one on examinations: two speakers.
    unnamed = db.execute("select id, article_count from speakers where name = 'ministry'").fetchall()
    assert len(unnamed) == 2 and all(count == 1 for _, count in unnamed)
    # No row holds names of two recurring speakers.
    for row in db["speakers"].rows:
        assert sum(name in json.loads(row["names"]) for name in RECURRING) <= 1


def test_repeated_quotations_form_clusters_with_their_first_article(db):
    clusters = {row["text"]: row for row in db["quote_clusters"].rows}
    assert len(clusters) == 2
    strait = clusters[STRAIT + ", and we have conveyed this clearly to all sides"]
    first = db["articles"].get(strait["first_article_id"])
    assert (first["file"], strait["first_date"], strait["first_agency"]) == (
        "a_strait_statement_ani.txt", "2026-03-02", "ANI")
    assert json.loads(strait["carried_by"]) == ["ANI", "PTI", "Reuters", "AP"]
    # The whole sentence, the fragment PTI quoted twice, and AP's "plainly".
    assert (strait["article_count"], strait["outlet_count"], strait["quote_count"], strait["variant_count"]) == (5, 4, 5, 3)
    assert db["speakers"].get(strait["speaker_id"])["name"] == "Meera Raghunathan"
    members = db.execute(
        "select articles.file from cluster_quotes join quotes on quotes.id = cluster_quotes.quote_id"
        " join articles on articles.id = quotes.article_id where cluster_id = ? order by articles.file",
        [strait["id"]]).fetchall()
    assert [file for (file,) in members] == [
        "a_strait_statement_ani.txt", "b_strait_reaction_pti.txt", "c_strait_envoys_reuters.txt",
        "d_strait_shipping_ap.txt", "j_weekly_briefing_pti.txt"]
    fence = clusters[FENCE]
    assert (db["articles"].get(fence["first_article_id"])["file"], fence["first_agency"], fence["article_count"]) == (
        "e_border_fence_ians.txt", "IANS", 2)
    assert db["speakers"].get(fence["speaker_id"])["name"] == "Anand Kulkarni"


def test_articles_loaded_one_by_one_in_reverse_give_the_same_database(db, tmp_path):
    db_path = tmp_path / "reverse.db"
    for path in reversed(FILES):
        one_by_one = load(db_path, path)
    tables = ("speakers", "speaker_names", "quotes", "quote_clusters", "cluster_quotes")
    keys = {"cluster_quotes": "quote_id"}
    for table in tables:
        key = keys.get(table, "id")
        assert one_by_one.execute(f"select * from {table} order by {key}").fetchall() == db.execute(
            f"select * from {table} order by {key}").fetchall(), table


def test_a_reload_with_nothing_new_leaves_the_file_unchanged(tmp_path):
    db_path = tmp_path / "quotes.db"
    load(db_path, CORPUS).close()
    before = db_path.read_bytes()
    load(db_path, CORPUS).close()
    assert db_path.read_bytes() == before


def test_corrections_are_kept_and_survive_reloads(tmp_path):
    db_path = tmp_path / "quotes.db"
    load(db_path, CORPUS).close()
    result = run("speakers", db_path, "--merge", "Sandhu", "Harjit Sandhu", "--split", "Raghunathan", "meera raghunathan")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["merge\tHarjit Sandhu\tSandhu", "split\tRaghunathan\tmeera raghunathan"]
    for _ in range(2):  # as corrected, then after a reload
        db = sqlite_utils.Database(db_path)
        assert json.loads(speaker_of(db, "Sandhu")["names"]) == ["Harjit Sandhu", "Sandhu"]
        assert speaker_of(db, "Raghunathan")["id"] != speaker_of(db, "Meera Raghunathan")["id"]
        assert speaker_of(db, "Tejinder Sandhu")["names"] == '["Tejinder Sandhu"]'
        # The quote the AP story gives to "Raghunathan" follows her into her own row.
        cluster = db.execute("select speaker_id from quote_clusters where text like 'India will%'").fetchone()
        assert db["speakers"].get(cluster[0])["name"] == "Meera Raghunathan"
        db.close()
        load(db_path, CORPUS).close()
    # Splitting a merged pair again undoes the merge.
    assert run("speakers", db_path, "--split", "Harjit Sandhu", "Sandhu").exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert speaker_of(db, "Sandhu")["id"] != speaker_of(db, "Harjit Sandhu")["id"]


def test_a_correction_naming_no_speaker_is_refused(tmp_path):
    db_path = tmp_path / "quotes.db"
    load(db_path, CORPUS).close()
    before = db_path.read_bytes()
    result = run("speakers", db_path, "--merge", "Sandhu", "Harjeet Sandhu")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {db_path}: no speaker named 'Harjeet Sandhu'"
    assert db_path.read_bytes() == before


def test_speakers_grown_batch_by_batch_equal_speakers_derived_from_all_their_quotes(tmp_path):
    db_path = tmp_path / "quotes.db"
    for path in FILES:
        db = load(db_path, path)
    grown = db.execute("select * from speakers order by id").fetchall()
    every_name = {n_id for (n_id,) in db.execute("select id from speaker_names")}
    with db.conn:
        db.execute("begin immediate")
        store._refresh_speakers(db, store.NameChanges(rewritten=every_name))
        assert db.execute("select * from speakers order by id").fetchall() == grown
        db.conn.rollback()
