"""`load` under stress: many workers, bad files, bad arguments, kills and a live reader.

Corpora are generated from a template about invented towns and people.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette

from datasette_quotes import ingest
from datasette_quotes.cli import BATCH_SIZE, cli

PLACES = ["Marlow Bay", "Kellbrook", "Dessau Ridge", "Port Ellery", "Orrin Falls", "Tamsin Cove", "Vesk"]
PEOPLE = [("Mayor", "Tilda Varnham"), ("Harbourmaster", "Wen Ostrova"), ("Councillor", "Ivo Brannagh"),
          ("Minister", "Dario Fenn"), ("Warden", "Pell Odum")]
WORKS = ["bridge", "ferry terminal", "market hall", "library", "water plant", "tram line"]
LOAD = [sys.executable, "-c", "from datasette_quotes.cli import cli; cli()", "load"]


def article(number: int) -> str:
    place = PLACES[number % len(PLACES)]
    title, name = PEOPLE[number % len(PEOPLE)]
    work = WORKS[number % len(WORKS)]
    day = number % 28 + 1
    return (
        f"date 2026-03-{day:02}\n\n"
        f"{place}, March {day} (PTI): \u201cThe {work} on plot {number} will open in April,\u201d "
        f"{title} {name} told reporters on Saturday.\n\n"
        f"{name.split()[-1]} said the work on plot {number} was on schedule. Residents said the "
        f"{work} would bring {number} jobs. (PTI)\n"
    )


def write_corpus(folder: Path, numbers) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        (folder / f"{number:05}.txt").write_text(article(number), encoding="utf-8")
    return folder


def load(*args):
    return CliRunner().invoke(cli, ["load", *map(str, args)])


def messages(result):
    """The error and warning lines of a run, without the progress bar's."""
    return [line for line in result.stderr.splitlines() if line.startswith(("Error: ", "Warning: "))]


def contents(db_path):
    """Every table's rows in key order: what a load stored, whatever the rowids."""
    db = sqlite_utils.Database(db_path)
    keys = {"articles": "id", "speakers": "id", "quotes": "id", "quote_via": "quote_id, position"}
    return {table: db.execute(f"select * from {table} order by {key}").fetchall() for table, key in keys.items()}


def assert_consistent(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert conn.execute("select count(*) from quotes where article_id not in (select id from articles)"
                        ).fetchone() == (0,)
    assert conn.execute("select count(*) from quote_via where quote_id not in (select id from quotes)"
                        ).fetchone() == (0,)
    assert conn.execute("select count(*) from speakers where id not in (select speaker_id from quotes"
                        " where speaker_id is not null)").fetchone() == (0,)
    triggers = {name for (name,) in conn.execute("select name from sqlite_master where type = 'trigger'")}
    for table in ("articles", "quotes"):
        assert {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers
        # rank 1: the index must also match the rows of the table it indexes.
        conn.execute(f"insert into {table}_fts({table}_fts, rank) values ('integrity-check', 1)")
    conn.close()


def test_workers_store_the_same_database_in_the_same_order(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(150))
    (corpus / "00007.txt").write_bytes(b"\x00\x01binary")
    results = {}
    for workers in (1, 3):
        db_path = tmp_path / f"workers-{workers}.db"
        result = load(db_path, corpus, "--workers", workers)
        assert result.exit_code == 1
        results[workers] = (result.stdout, messages(result), list(sqlite_utils.Database(db_path).conn.iterdump()))
    assert results[1][1] == [f"Error: {corpus / '00007.txt'}: binary file (NUL bytes), not text"]
    one, three = results[1], results[3]
    assert one[0].replace("workers-1", "workers-3") == three[0]
    assert one[1] == three[1]
    assert one[2] == three[2]
    files = [row[0] for row in sqlite_utils.Database(tmp_path / "workers-3.db").execute(
        "select file from articles order by rowid")]
    assert files == [f"{n:05}.txt" for n in range(150) if n != 7]


def test_files_stream_in_path_order_each_once(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(3))
    write_corpus(corpus / "b-sub", [10])
    write_corpus(corpus / "a-sub", [20])
    (corpus / "notes.md").write_text("not an article", encoding="utf-8")
    named = list(ingest.article_files([str(corpus / "00001.txt"), str(corpus), str(corpus / "*-sub"),
                                       str(corpus / "notes.md")]))
    assert named == [corpus / "00001.txt", corpus / "00000.txt", corpus / "00002.txt",
                     corpus / "a-sub" / "00020.txt", corpus / "b-sub" / "00010.txt", corpus / "notes.md"]


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
    "noise.txt": (bytes(range(128, 256)) * 40, "not text: 100% of it is not valid UTF-8"),
    "utf16.txt": ("\u201cHello,\u201d said Ann Brae.".encode("utf-16"), "UTF-16 text; convert it to UTF-8"),
    "blank-page.html": (b"<!DOCTYPE html><html><head><title>Closed</title></head><body></body></html>",
                        "an HTML page with no article text found in it"),
    "huge.txt": ((b"The council met again. " * 435_000)[:10_000_000], "10.0 MB, too large for an article (limit 2 MB)"),
}
ODD_BUT_GOOD = {
    "unbalanced.txt": "\u201cWe start on Monday, said Ann Brae.\n\n\u201cAnd \u2018finish \u201cnever\u2019 it,\u201d "
                      "said Ben Orr. \u00abDeep \u00abnested\u00bb\u00bb, he said. \u201d \u201d \u2019",
    "marks.txt": "\u201d" * 100_000,
    "windows.txt": "date 2026-03-02\r\n\r\nVesk, March 2 (PTI): \u201cThe tram runs,\u201d said Pell Odum.\r\n",
    "tagged.txt": "\u201cNever print <script>alert(1)</script> in a headline,\u201d said Orla Fennimore.\n",
    # A saved page, whatever its extension, is read for its main text.
    "page.txt": "<!DOCTYPE html>\n<html><body><p>\u201cHi,\u201d said Ann Brae.</p></body></html>",
}


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_files_get_one_line_each_and_the_rest_still_load(tmp_path, workers):
    corpus = write_corpus(tmp_path / "corpus", range(5))
    for name, (content, _) in BAD_FILES.items():
        (corpus / name).write_bytes(content)
    for name, text in ODD_BUT_GOOD.items():
        (corpus / name).write_bytes(text.encode("utf-8"))
    db_path = tmp_path / "quotes.db"
    result = load(db_path, corpus, "--workers", workers)
    assert result.exit_code == 1
    expected = {f"Error: {corpus / name}: {message}" for name, (_, message) in BAD_FILES.items()}
    assert sorted(messages(result)) == sorted(expected)
    db = sqlite_utils.Database(db_path)
    files = {row["file"] for row in db["articles"].rows}
    assert files == {f"{n:05}.txt" for n in range(5)} | set(ODD_BUT_GOOD)
    assert db.execute("select text from articles where file = 'page.txt'").fetchone()[0] == "\u201cHi,\u201d said Ann Brae."
    windows = db.execute("select text from articles where file = 'windows.txt'").fetchone()[0]
    assert windows == open(corpus / "windows.txt", encoding="utf-8").read()
    for text, start, end, article_text in db.execute(
            "select quotes.text, start, [end], articles.text from quotes join articles on articles.id = article_id"):
        assert article_text[start:end] == text
    assert_consistent(db_path)


def test_strict_stops_at_the_first_bad_file_keeping_those_before(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(BATCH_SIZE + 30))
    bad = corpus / f"{BATCH_SIZE + 10:05}.txt"
    bad.write_bytes(b"")
    (corpus / f"{BATCH_SIZE + 20:05}.txt").write_bytes(b"\x00")
    for workers in (1, 2):
        db_path = tmp_path / f"strict-{workers}.db"
        result = load(db_path, corpus, "--strict", "--workers", workers)
        assert result.exit_code == 1
        assert messages(result) == [f"Error: {bad}: empty file"]
        stored = [row[0] for row in sqlite_utils.Database(db_path).execute("select file from articles order by rowid")]
        assert stored == [f"{n:05}.txt" for n in range(BATCH_SIZE + 10)]


def test_an_extractor_failure_is_one_line_and_skips_only_that_article(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", range(40))

    def failing_extract(text, date=None):
        if "plot 13 " in text:
            raise ValueError("unexpected\nmark")
        return extract(text, date)

    extract = ingest.extract
    monkeypatch.setattr(ingest, "extract", failing_extract)  # forked workers inherit it
    for workers in (1, 2):
        result = load(tmp_path / f"{workers}.db", corpus, "--workers", workers)
        assert result.exit_code == 1
        assert messages(result) == [f"Error: {corpus / '00013.txt'}: extraction failed: ValueError: unexpected mark"]
        assert sqlite_utils.Database(tmp_path / f"{workers}.db")["articles"].count == 39


def test_a_worker_that_dies_is_a_one_line_error_and_saved_batches_stay(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", range(BATCH_SIZE * 2 + 50))

    def dying_extract(text, date=None):
        if f"plot {BATCH_SIZE * 2 + 20} " in text:
            os._exit(9)  # as the kernel's out-of-memory killer would leave it
        return extract(text, date)

    extract = ingest.extract
    monkeypatch.setattr(ingest, "extract", dying_extract)
    db_path = tmp_path / "quotes.db"
    result = load(db_path, corpus, "--workers", 2)
    assert result.exit_code == 1
    [message] = messages(result)
    assert message.startswith("Error: a worker process stopped unexpectedly")
    assert sqlite_utils.Database(db_path)["articles"].count >= BATCH_SIZE
    assert_consistent(db_path)


def test_bad_arguments_write_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(3))
    (tmp_path / "empty").mkdir()
    db_path = tmp_path / "quotes.db"
    for paths, message in [
        ([tmp_path / "missing"], f"{tmp_path / 'missing'}: no such file or folder"),
        ([corpus, tmp_path / "empty"], f"{tmp_path / 'empty'}: folder holds no article files (.txt, .html, .htm, "
                                       ".json, .jsonl, .ndjson, .csv)"),
        ([corpus / "*.text"], f"{corpus / '*.text'}: matches no files"),
    ]:
        result = load(db_path, *paths)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {message}\n"
        assert not db_path.exists()


def test_a_database_that_is_not_sqlite_is_left_untouched(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(3))
    not_a_db = tmp_path / "notes.db"
    content = b"shopping list: apricots\n" * 50
    not_a_db.write_bytes(content)
    result = load(not_a_db, corpus)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {not_a_db}: cannot use as a database: file is not a database\n"
    assert not_a_db.read_bytes() == content
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "notes.db"]
    missing_folder = tmp_path / "no-such-folder" / "quotes.db"
    result = load(missing_folder, corpus)
    assert result.stderr == f"Error: {missing_folder}: cannot use as a database: unable to open database file\n"


def test_a_read_only_database_is_a_one_line_error_and_unchanged(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", range(3))
    db_path = tmp_path / "quotes.db"
    assert load(db_path, corpus / "00000.txt").exit_code == 0
    before = contents(db_path)
    db_path.chmod(0o444)
    # Root writes to mode 0444 files; the immutable attribute stops root too (CI runs as root).
    immutable = os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(db_path)]).returncode == 0
    try:
        try:
            with open(db_path, "ab"):
                pytest.skip("this user can write read-only files and chattr +i is unavailable")
        except PermissionError:
            pass
        result = load(db_path, corpus)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {db_path}: read-only: cannot write to it or to its folder\n"
        assert contents(db_path) == before
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(db_path)], check=True)


def test_reloading_keeps_counts_and_new_articles_keep_old_speakers(tmp_path):
    first = write_corpus(tmp_path / "first", range(30))
    db_path = tmp_path / "quotes.db"
    assert load(db_path, first).exit_code == 0
    stored = contents(db_path)
    again = load(db_path, first, "--workers", 2)
    assert again.exit_code == 0
    assert contents(db_path) == stored
    assert again.stdout.startswith("Loaded 30 articles,")
    second = write_corpus(tmp_path / "second", range(30, 45))
    assert load(db_path, second).exit_code == 0
    now = contents(db_path)
    assert set(stored["articles"]) < set(now["articles"])
    assert set(stored["quotes"]) < set(now["quotes"])
    old_speakers = {row[0]: row[1:3] for row in stored["speakers"]}  # id: name, kind
    new_speakers = {row[0]: row[1:3] for row in now["speakers"]}
    assert old_speakers.items() <= new_speakers.items()
    assert_consistent(db_path)


def _children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _articles_stored(db_path):
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _load_until(db_path, corpus, stop_when, workers=1):
    """Run `load` in a subprocess and SIGKILL it once `stop_when()` holds; the worker pids."""
    process = subprocess.Popen([*LOAD, str(db_path), str(corpus), "--workers", str(workers)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not stop_when() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    workers_seen = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the load ended before it could be killed"
    return workers_seen


def test_a_killed_load_leaves_a_consistent_database_and_a_rerun_completes_it(tmp_path):
    # Three batches beyond the last kill point, so a slow poll still kills the load mid-way.
    total = BATCH_SIZE * 5
    corpus = write_corpus(tmp_path / "corpus", range(total))
    reference = tmp_path / "reference.db"
    assert load(reference, corpus).exit_code == 0

    db_path = tmp_path / "killed.db"
    # Killed while creating the schema, then in the middle of batches, with and without workers.
    _load_until(db_path, corpus, db_path.exists)
    assert sqlite3.connect(db_path).execute("pragma integrity_check").fetchall() == [("ok",)]
    for stored, workers in ((BATCH_SIZE, 1), (BATCH_SIZE * 2, 2)):
        workers_seen = _load_until(db_path, corpus, lambda: _articles_stored(db_path) >= stored, workers)
        assert_consistent(db_path)
        assert stored <= _articles_stored(db_path) < total
        assert len(workers_seen) == (workers if workers > 1 else 0)
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() for pid in workers_seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers_seen), "orphaned workers kept running"

    result = subprocess.run([*LOAD, str(db_path), str(corpus)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert_consistent(db_path)
    assert contents(db_path) == contents(reference)


async def _article_count(datasette):
    response = await datasette.client.get("/quotes/articles.json?_size=0&_extra=count")
    assert response.status_code == 200
    body = response.json()
    # Datasette 1.0 gives the count on request (_extra=count); 0.65 always, by another name.
    return body["count"] if "count" in body else body["filtered_table_rows_count"]


@pytest.mark.asyncio
async def test_datasette_answers_while_a_load_writes(tmp_path):
    db_path = tmp_path / "quotes.db"
    assert load(db_path, write_corpus(tmp_path / "first", range(20))).exit_code == 0
    corpus = write_corpus(tmp_path / "second", range(20, 420))
    datasette = Datasette([str(db_path)])
    paths = [
        "/quotes/quotes_view.json?_facet=type&_facet=source_kind&_size=5",
        "/quotes/quotes.json?_search=plot&_size=5",
        "/quotes/speaker_counts.json?_size=5",
    ]
    process = subprocess.Popen([*LOAD, str(db_path), str(corpus), "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts = []
    try:
        for attempt in range(400):
            if process.poll() is not None:
                break
            for path in paths:
                response = await datasette.client.get(path)
                assert response.status_code == 200, (path, response.text[:300])
            counts.append(await _article_count(datasette))
    finally:
        stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert counts == sorted(counts)
    assert len(set(counts)) >= 2, "the load finished before Datasette saw it write"
    assert await _article_count(datasette) == 420
