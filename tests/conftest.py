"""Shared fixtures: articles we wrote ourselves (invented places and people), the seed,
and a database loaded from them with the real extractor and the `load` command."""
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from datasette_quotes.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_c552f5dde1320bff.txt"

# Short wire stories about invented events; each one has a plainly attributed quote.
ARTICLES = {
    "harbour-bridge": (
        "date 2026-03-14\n\n"
        "Marlow Bay, March 14 (PTI): \u201cThe new bridge will open to traffic in April,\u201d "
        "Mayor Tilda Varnham told reporters on Saturday.\n\n"
        "The harbour board said the ferry timetable would not change. (PTI)\n"
    ),
    "orchard-frost": (
        "date 2026-02-03\n\n"
        "Kellbrook, February 3 (IANS): \"Half of the apricot blossom was lost to the frost,\" "
        "said Ivo Brannagh, who chairs the Kellbrook growers' cooperative.\n\n"
        "Brannagh said the cooperative would ask the district council for relief. (IANS)\n"
    ),
    "border-reopening": (
        "date 2026-01-20\n\n"
        "Dessau Ridge, January 20 (Reuters) - The state news agency Belmar Press quoted Interior "
        "Minister Dario Fenn as saying the northern border would reopen on Thursday.\n"
    ),
    # The text carries markup that every page must show as text, never run.
    "markup-column": (
        "date 2026-04-02\n\n"
        "Lindqvist Harbour, April 2 (AP) \u2014 \u201cNever print <script>alert(1)</script> "
        "in a headline,\u201d said Orla Fennimore, the editor of the Harbour Gazette.\n\n"
        "The <b>Gazette</b> has run since 1911.\n"
    ),
}


@pytest.fixture(scope="session")
def articles():
    return ARTICLES


@pytest.fixture(scope="session")
def seed():
    return SEED


@pytest.fixture
def article_dir(tmp_path):
    """A folder holding the seed and our own articles, one `.txt` file each."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def loaded_db(tmp_path, article_dir):
    """`quotes.db` (the name metadata.yml describes) loaded from `article_dir` by the CLI."""
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["load", str(db_path), str(article_dir)])
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture(scope="session")
def metadata():
    return yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
