"""The command line end to end, with the real extractor, through click's CliRunner."""
import json

import sqlite_utils
from click.testing import CliRunner
from datasette.cli import cli as datasette_cli

from datasette_quotes.cli import PROGRESS_MIN_FILES, cli
from datasette_quotes.extractor import extract


def run(*args, command=cli):
    return CliRunner().invoke(command, [str(arg) for arg in args])


def records(output):
    return [json.loads(line) for line in output.splitlines()]


def test_every_command_has_help():
    for args in ([], ["extract"], ["load"]):
        result = run(*args, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output


def test_extract_writes_the_json_contract_with_exact_offsets(article_dir, articles, seed):
    result = run("extract", article_dir)
    assert result.exit_code == 0, result.output
    lines = records(result.stdout)
    assert {line["article"] for line in lines} == {seed.stem, *articles}
    for line in lines:
        text = (article_dir / f"{line['article']}.txt").read_text(encoding="utf-8")
        for key in ("quote", "speaker", "cue"):
            if line[key] is not None:
                assert text[line[key]["start"]:line[key]["end"]] == line[key]["text"]


def test_extract_output_is_the_extractions_json_records(article_dir, seed):
    path = article_dir / seed.name
    expected = extract(path.read_text(encoding="utf-8")).as_json_records(seed.stem)
    assert expected, "the seed has attributions"
    assert records(run("extract", path).stdout) == expected


def test_extract_accepts_files_folders_and_globs_without_repeats(article_dir):
    nested = article_dir / "nested"
    nested.mkdir()
    (article_dir / "harbour-bridge.txt").rename(nested / "harbour-bridge.txt")
    (article_dir / "notes.md").write_text("\u201cNot an article,\u201d said Nobody.", encoding="utf-8")
    by_folder = {line["article"] for line in records(run("extract", article_dir).stdout)}
    assert "harbour-bridge" in by_folder and "notes" not in by_folder
    by_glob = records(run("extract", article_dir / "orchard-*.txt", article_dir / "orchard-frost.txt").stdout)
    assert {line["article"] for line in by_glob} == {"orchard-frost"}
    single = records(run("extract", article_dir / "orchard-frost.txt").stdout)
    assert by_glob == single


def test_extract_reports_bad_files_and_keeps_going(article_dir):
    (article_dir / "blank.txt").write_text("  \n", encoding="utf-8")
    result = run("extract", article_dir / "blank.txt", article_dir / "orchard-frost.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {article_dir / 'blank.txt'}: empty file"]
    assert {line["article"] for line in records(result.stdout)} == {"orchard-frost"}


def test_paths_that_name_no_article_stop_before_anything_is_read(article_dir):
    (article_dir / "empty-folder").mkdir()
    result = run("extract", article_dir / "missing.txt", article_dir / "orchard-frost.txt",
                 article_dir / "empty-folder", article_dir / "nothing-*.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {article_dir / 'missing.txt'}: no such file or folder",
        f"Error: {article_dir / 'empty-folder'}: folder holds no .txt files",
        f"Error: {article_dir / 'nothing-*.txt'}: matches no .txt files",
    ]
    assert result.stdout == ""


def test_invalid_utf8_is_a_warning_then_replaced(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("\u201cThe caf\u00e9 stays open,\u201d said Pia Lorne.\n".encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))
    result = run("load", tmp_path / "latin.db", path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Warning: {path}: not valid UTF-8 (byte 10), undecodable bytes replaced"]
    stored = sqlite_utils.Database(tmp_path / "latin.db").execute("select text from articles").fetchone()[0]
    assert stored == "\u201cThe caf\ufffd stays open,\u201d said Pia Lorne.\n"


def test_load_creates_tables_views_and_search(loaded_db, article_dir, articles):
    db = sqlite_utils.Database(loaded_db)
    assert {"articles", "speakers", "quotes", "quote_via"} <= set(db.table_names())
    assert {"quotes_view", "speaker_counts", "outlet_counts"} <= set(db.view_names())
    assert db["articles"].count == len(articles) + 1
    expected_quotes = len(records(run("extract", article_dir).stdout))
    assert db["quotes"].count == expected_quotes
    for row in db.query("select quotes.text, quotes.start, quotes.[end], articles.text as article "
                        "from quotes join articles on articles.id = quotes.article_id"):
        assert row["article"][row["start"]:row["end"]] == row["text"]
    found = db.execute(
        "select count(*) from quotes_view where rowid in "
        "(select rowid from quotes_fts where quotes_fts match 'apricot')"
    ).fetchone()[0]
    assert found == 1


def test_load_prints_a_one_line_summary(tmp_path, article_dir, articles):
    db_path = tmp_path / "summary.db"
    result = run("load", db_path, article_dir)
    db = sqlite_utils.Database(db_path)
    speakers = db.execute("select count(*) from speakers").fetchone()[0]
    assert result.stdout == (
        f"Loaded {len(articles) + 1} articles, {db['quotes'].count} quotes into {db_path}; "
        f"it holds {len(articles) + 1} articles, {db['quotes'].count} quotes, {speakers} speakers\n"
    )


def test_reloading_changes_nothing_and_new_files_keep_old_rows(tmp_path, loaded_db, article_dir, articles):
    before = list(sqlite_utils.Database(loaded_db).conn.iterdump())
    assert run("load", loaded_db, article_dir).exit_code == 0
    assert list(sqlite_utils.Database(loaded_db).conn.iterdump()) == before

    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "ferry.txt").write_text(
        "\u201cThe night ferry returns on Monday,\u201d said Captain Ruth Abelard.\n", encoding="utf-8"
    )
    assert run("load", loaded_db, extra).exit_code == 0
    db = sqlite_utils.Database(loaded_db)
    assert db["articles"].count == len(articles) + 2
    assert db.execute("select count(*) from quotes where text like 'The night ferry%'").fetchone()[0] == 1


def test_bad_files_give_one_line_errors_and_good_files_still_load(tmp_path, article_dir, articles):
    (article_dir / "empty.txt").write_text("", encoding="utf-8")
    (article_dir / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    db_path = tmp_path / "bad.db"
    result = run("load", db_path, article_dir)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {article_dir / 'dangling.txt'}: cannot read: No such file or directory",
        f"Error: {article_dir / 'empty.txt'}: empty file",
    ]
    assert sqlite_utils.Database(db_path)["articles"].count == len(articles) + 1
    assert result.stdout.startswith(f"Loaded {len(articles) + 1} articles,")


def test_a_db_that_is_not_sqlite_is_a_one_line_error(tmp_path, article_dir):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("shopping list: apricots\n" * 50, encoding="utf-8")
    result = run("load", not_a_db, article_dir)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {not_a_db}: cannot use as a database: file is not a database\n"


def test_progress_bar_only_for_many_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(PROGRESS_MIN_FILES):
        (folder / f"{number:03}.txt").write_text(
            f"\u201cStall {number} opens at dawn,\u201d said Market Warden Pell Odum.\n", encoding="utf-8"
        )
    many = run("load", tmp_path / "many.db", folder)
    assert many.exit_code == 0
    assert "Loading articles" in many.stderr
    few = run("load", tmp_path / "few.db", folder / "000.txt")
    assert few.exit_code == 0
    assert few.stderr == ""


def test_the_same_commands_run_under_datasette(article_dir, tmp_path):
    path = article_dir / "orchard-frost.txt"
    assert records(run("quotes", "extract", path, command=datasette_cli).stdout) == records(
        run("extract", path).stdout
    )
    result = run("quotes", "load", tmp_path / "via-datasette.db", path, command=datasette_cli)
    assert result.exit_code == 0, result.output
    assert sqlite_utils.Database(tmp_path / "via-datasette.db")["articles"].count == 1
