"""README.md documents every command with its real `--help` text and the real schema,
both written by cog (`cog -r README.md`)."""
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from cogapp import Cog

from datasette_quotes.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HELP_WIDTH = 88


def help_text(*command):
    result = CliRunner().invoke(cli, [*command, "--help"], prog_name="datasette-quotes", terminal_width=HELP_WIDTH)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["", *sorted(cli.commands)])
def test_readme_shows_each_commands_real_help(command):
    args = [command] if command else []
    block = f"### `datasette-quotes {' '.join([*args, '--help'])}`\n\n```\n{help_text(*args)}```\n"
    assert block in README.read_text(encoding="utf-8"), (
        f"README.md's help for `datasette-quotes {command}` is out of date: run `cog -r README.md`"
    )


def test_readme_is_what_cog_writes(monkeypatch, capsys):
    # The cog code opens metadata.yml relative to the checkout, as `cog -r README.md` run there does.
    monkeypatch.chdir(ROOT)
    status = Cog().main(["cog", "--check", str(README)])
    assert status == 0, f"README.md is out of date: run `cog -r README.md`\n{capsys.readouterr().out}"


def test_readme_schema_lists_every_table_and_view_the_store_creates():
    import sqlite_utils

    from datasette_quotes import store

    db = sqlite_utils.Database(memory=True)
    store.ensure_schema(db)
    documented = set(re.findall(r"^### `(\w+)` \((?:table|view)\)$", README.read_text(encoding="utf-8"), re.M))
    assert documented == {*store.PRIMARY_KEYS, *store.VIEWS}
