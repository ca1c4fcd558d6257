"""The Dask path gives the same records as `extract` on the same input.

Runs on a small in-process `LocalCluster`; skipped only when the dask extra is not installed.
"""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag", reason="the dask extra is not installed: pip install -e '.[dask]'")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")

from datasette_quotes.cli import cli  # noqa: E402
from datasette_quotes.dask_extract import (  # noqa: E402
    articles_from_files, articles_from_jsonl, articles_from_paths, extract_to_shards)

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
    shards = extract_to_shards(articles_from_files(paths, partition_size=4), str(tmp_path / "out"))
    assert len(shards) == -(-len(paths) // 4)
    assert shard_lines(shards) == extract_lines


def test_jsonl_records_on_dask_give_the_extract_lines(client, tmp_path, extract_lines):
    records = tmp_path / "articles.jsonl"
    with records.open("w", encoding="utf-8") as file:
        for path in sorted(DATA.glob("*.txt")):
            file.write(json.dumps({"article": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
    # Blocks smaller than the file: several partitions, split between records.
    articles = articles_from_jsonl(str(records), blocksize=records.stat().st_size // 5)
    assert articles.npartitions >= 5
    shards = extract_to_shards(articles, str(tmp_path / "out"))
    assert shard_lines(shards) == extract_lines


def test_text_files_come_before_records_and_blank_files_are_skipped(client, tmp_path, extract_lines):
    first, second = sorted(DATA.glob("*.txt"))[:2]
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    records = tmp_path / "first.jsonl"
    records.write_text(json.dumps({"article": first.stem, "text": first.read_text(encoding="utf-8")}) + "\n",
                       encoding="utf-8")
    shards = extract_to_shards(articles_from_paths([str(records), str(second), str(blank)]), str(tmp_path / "out"))
    articles = [json.loads(line)["article"] for line in shard_lines(shards)]
    assert articles == sorted(articles, key=[second.stem, first.stem].index)
    assert set(articles) == {first.stem, second.stem}


def test_dask_extract_command_on_a_scheduler(client, tmp_path, extract_lines):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["dask-extract", str(out), str(DATA), "--scheduler", client.scheduler.address])
    assert result.exit_code == 0, result.output
    assert shard_lines(sorted(str(path) for path in out.glob("*.jsonl"))) == extract_lines

    again = CliRunner().invoke(cli, ["dask-extract", str(out), str(DATA)])
    assert again.exit_code == 1
    assert "already holds .jsonl shards" in again.output


def test_a_bad_record_is_a_one_line_error_naming_the_file(client, tmp_path):
    records = tmp_path / "bad.jsonl"
    records.write_text('{"article": "a", "body": "no text field"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["dask-extract", str(tmp_path / "out"), str(records),
                                      "--scheduler", client.scheduler.address])
    assert result.exit_code == 1
    assert f"{records}: not a JSON Lines record with \"article\" and \"text\"" in result.output
