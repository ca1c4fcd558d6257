"""The Dask path gives the same records as `extract` on the same input.

Runs on a small in-process `LocalCluster`; skipped only when the dask extra is not installed.
"""
import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

pytest.importorskip("dask.bag", reason="the dask extra is not installed: pip install -e '.[dask]'")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")

from datasette_quotes.cli import cli  # noqa: E402
from datasette_quotes.dask_extract import extract_files, extract_jsonl, extract_paths, write_shards  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def extract_lines():
    """What `datasette-quotes extract data/` prints: the reference."""
    result = CliRunner().invoke(cli, ["extract", str(DATA)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len({json.loads(line)["article"] for line in lines}) > 10
    return lines


def shard_lines(shards):
    assert shards == sorted(shards)
    return [line for shard in shards for line in Path(shard).read_text(encoding="utf-8").splitlines()]


def test_files_on_dask_give_the_extract_lines(client, tmp_path, extract_lines):
    paths = sorted(str(path) for path in DATA.glob("*.txt"))
    shards, errors = write_shards(extract_files(paths, partition_size=4), str(tmp_path / "out"))
    assert errors == []
    assert len(shards) == -(-len(paths) // 4)
    assert shard_lines(shards) == extract_lines


def test_jsonl_records_on_dask_give_the_extract_lines(client, tmp_path, extract_lines):
    records = tmp_path / "articles.jsonl"
    with records.open("w", encoding="utf-8") as file:
        for path in sorted(DATA.glob("*.txt")):
            file.write(json.dumps({"article": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
    # Blocks smaller than the file: several partitions, split between records.
    results = extract_jsonl(str(records), blocksize=records.stat().st_size // 5)
    assert results.npartitions >= 5
    shards, errors = write_shards(results, str(tmp_path / "out"))
    assert errors == []
    assert shard_lines(shards) == extract_lines


def test_text_files_come_before_records_and_bad_ones_are_reported(client, tmp_path):
    first, second = sorted(DATA.glob("*.txt"))[:2]
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    records = tmp_path / "first.jsonl"
    records.write_text(json.dumps({"article": first.stem, "text": first.read_text(encoding="utf-8")}) + "\n"
                       + '{"article": "a", "body": "no text field"}\n', encoding="utf-8")
    shards, errors = write_shards(extract_paths([str(records), str(second), str(blank)]), str(tmp_path / "out"))
    articles = [json.loads(line)["article"] for line in shard_lines(shards)]
    assert articles == sorted(articles, key=[second.stem, first.stem].index)
    assert set(articles) == {first.stem, second.stem}
    assert errors == [f"{blank}: empty file",
                      f"{records}: not a JSON Lines record with \"article\" and \"text\": "
                      + repr('{"article": "a", "body": "no text field"}\n')]


def test_dask_extract_command_on_a_scheduler(client, tmp_path, extract_lines):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["dask-extract", str(out), str(DATA), "--scheduler", client.scheduler.address])
    assert result.exit_code == 0, result.output
    assert shard_lines(sorted(str(path) for path in out.glob("*.jsonl"))) == extract_lines

    again = CliRunner().invoke(cli, ["dask-extract", str(out), str(DATA)])
    assert again.exit_code == 1
    assert "already holds .jsonl shards" in again.output


def test_dask_extract_reports_a_bad_file_and_exits_1(client, tmp_path, article_dir):
    (article_dir / "blank.txt").write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dask-extract", str(tmp_path / "out"), str(article_dir),
                                      "--scheduler", client.scheduler.address])
    assert result.exit_code == 1
    assert f"Error: {article_dir / 'blank.txt'}: empty file" in result.output
    expected = CliRunner().invoke(cli, ["extract", str(article_dir)])
    assert shard_lines(sorted(str(p) for p in (tmp_path / "out").glob("*.jsonl"))) == expected.stdout.splitlines()


def test_load_stores_the_dask_shards_as_it_stores_the_files(client, tmp_path):
    out = tmp_path / "out"
    shards, errors = write_shards(extract_files(sorted(str(p) for p in DATA.glob("*.txt")), partition_size=4), str(out))
    assert errors == [] and len(shards) > 2
    from_files, from_shards = tmp_path / "files.db", tmp_path / "shards.db"
    assert CliRunner().invoke(cli, ["load", str(from_files), str(DATA)]).exit_code == 0
    result = CliRunner().invoke(cli, ["load", str(from_shards), "--shards", str(out)])
    assert result.exit_code == 0, result.output
    tables = {"articles": "id", "speakers": "id", "quotes": "id", "quote_via": "quote_id, position"}
    for table, key in tables.items():
        # Only where the article came from differs: the shards name each article without its
        # extension, and dask-extract does not write the article's source path.
        rows = {}
        for name, db_path in (("shards", from_shards), ("files", from_files)):
            rows[name] = [{column: value for column, value in row.items() if column not in ("file", "article_file", "source")}
                          for row in sqlite_utils.Database(db_path).query(f"select * from {table} order by {key}")]
        assert rows["shards"] == rows["files"], table
