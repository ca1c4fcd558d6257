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
    text = path.read_text(encoding="utf-8")
    expected = extract(text).as_json_records(seed.stem)
    assert len(expected) > 1, "the seed has attributions"
    lines = records(run("extract", path).stdout)
    # The article's text rides on its first record only, for `load --shards`.
    assert [line.pop("article_text") for line in lines] == [text] + [None] * (len(expected) - 1)
    # A page's or record's title and URL, on every record: a text file has none.
    assert [(line.pop("article_title"), line.pop("article_url")) for line in lines] == [(None, None)] * len(expected)
    # Article-level fields added later to the contract (title, url, source) are tested with the inputs.
    assert [{key: line[key] for key in expected[0]} for line in lines] == expected


def contents(db_path, file_column=True):
    """Every table's rows in key order, optionally without where the article came from
    (its file, and its source path, which shards do not carry)."""
    db = sqlite_utils.Database(db_path)
    keys = {"articles": "id", "speakers": "id", "quotes": "id", "quote_via": "quote_id, position"}
    tables = {table: [dict(row) for row in db.query(f"select * from {table} order by {key}")]
              for table, key in keys.items()}
    if not file_column:
        for row in tables["articles"]:
            row.pop("file")
            row.pop("source")
        for row in tables["quotes"]:
            row.pop("article_file")
    return tables


def test_shards_from_extract_load_the_same_database_as_the_files(tmp_path, article_dir, articles, seed):
    shards = tmp_path / "shards"
    shards.mkdir()
    # Two shards: the records of one article stay together in one of them.
    for name, files in (("000000.jsonl", [seed.name]), ("000001.jsonl", sorted(f"{a}.txt" for a in articles))):
        (shards / name).write_text(run("extract", *[article_dir / f for f in files]).stdout, encoding="utf-8")
    from_files, from_shards, from_stdin = tmp_path / "files.db", tmp_path / "shards.db", tmp_path / "stdin.db"
    assert run("load", from_files, article_dir).exit_code == 0
    result = run("load", from_shards, "--shards", shards)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Loaded {len(articles) + 1} articles,")
    assert contents(from_shards, file_column=False) == contents(from_files, file_column=False)
    stored = {row["file"] for row in contents(from_shards)["articles"]}
    assert stored == {seed.stem, *articles}
    piped = CliRunner().invoke(cli, ["load", str(from_stdin), "--shards", "-"],
                               input=run("extract", article_dir).stdout)
    assert piped.exit_code == 0, piped.output
    assert contents(from_stdin) == contents(from_shards)
    # A reload of the same shards changes nothing.
    before = list(sqlite_utils.Database(from_shards).conn.iterdump())
    assert run("load", from_shards, "--shards", shards / "*.jsonl").exit_code == 0
    assert list(sqlite_utils.Database(from_shards).conn.iterdump()) == before


def test_bad_shard_lines_are_one_line_errors_and_the_rest_loads(tmp_path, article_dir, seed):
    good = run("extract", article_dir / "orchard-frost.txt").stdout.splitlines()
    seed_lines = run("extract", seed).stdout.splitlines()
    moved = json.loads(seed_lines[0])
    moved["quote"]["start"] += 1
    shard = tmp_path / "bad.jsonl"
    shard.write_text("\n".join(["{not json", *good, json.dumps(moved), *seed_lines[1:],
                                 '{"article": "x", "quote": null}']) + "\n", encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    result = run("load", db_path, "--shards", shard)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {shard}:1: not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        f"Error: {shard}:{len(good) + 2}: article {seed.stem!r}: span {moved['quote']['text'][:40]!r} at "
        f"{moved['quote']['start']}-{moved['quote']['end']} is not in the article_text",
        f"Error: {shard}:{len(good) + len(seed_lines) + 2}: article 'x' has no article_text before this record: "
        "write shards with a current `extract` or `dask-extract`",
    ]
    assert [row["file"] for row in sqlite_utils.Database(db_path)["articles"].rows] == ["orchard-frost"]
    for args, message in [(["--shards", tmp_path / "none.jsonl"], f"{tmp_path / 'none.jsonl'}: no such file or folder"),
                          (["--shards", tmp_path / "*.json"], f"{tmp_path / '*.json'}: matches no shard files")]:
        refused = run("load", tmp_path / "other.db", *args)
        assert (refused.exit_code, refused.stderr) == (1, f"Error: {message}\n")
        assert not (tmp_path / "other.db").exists()
    both = run("load", tmp_path / "other.db", article_dir, "--shards", shard)
    assert both.exit_code == 2 and "give either PATHs, --table or --shards" in both.stderr
    workers = run("load", tmp_path / "other.db", "--shards", shard, "--workers", 2)
    assert workers.exit_code == 2 and "--shards are extracted already" in workers.stderr
    assert not (tmp_path / "other.db").exists()


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
        f"Error: {article_dir / 'empty-folder'}: folder holds no article files (.txt, .html, .htm, .json, .jsonl, "
        ".ndjson, .csv)",
        f"Error: {article_dir / 'nothing-*.txt'}: matches no files",
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
    # The load ended with ANALYZE; a reload that changes nothing does not run it again.
    assert sqlite_utils.Database(loaded_db).execute("select count(*) from sqlite_stat1").fetchone()[0] > 0
    content = loaded_db.read_bytes()
    assert run("load", loaded_db, article_dir).exit_code == 0
    assert loaded_db.read_bytes() == content
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
