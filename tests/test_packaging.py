"""The wheel `python -m build` makes from the working tree, installed in a fresh virtualenv:
it holds the templates and static files, reports its version, and the README's two
commands, `datasette-quotes load quotes.db data/` and `datasette quotes.db -m metadata.yml`,
work with it word for word in a copy of the checkout.

Slow (about a minute: a build, and an install that pip's cache speeds up), so it builds
once for the module.
"""
import html
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = ("templates", "static")
BUILD_SECONDS = 300
SERVER_START_SECONDS = 30


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_SECONDS, **kwargs)
    assert result.returncode == 0, f"`{' '.join(map(str, command))}` exited {result.returncode}:\n{result.stderr[-3000:]}"
    return result.stdout


def working_tree_files():
    """What a checkout would hold now: tracked files plus new ones git does not ignore."""
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT)
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("packaging")


@pytest.fixture(scope="module")
def checkout(work):
    """A copy of the files a clean checkout of the working tree would hold."""
    source = work / "source"
    for name in working_tree_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    return source


@pytest.fixture(scope="module")
def built(work, checkout):
    """(the wheel, the bin folder of a fresh virtualenv it is installed in)."""
    # The sdist first, then the wheel from the sdist: what a release does.
    run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(checkout)])
    (wheel,) = (work / "dist").glob("*.whl")
    run([sys.executable, "-m", "venv", str(work / "venv")])
    bin_dir = work / "venv" / "bin"
    run([str(bin_dir / "pip"), "install", "--quiet", str(wheel)])
    return wheel, bin_dir


def project_version():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_wheel_holds_every_template_and_static_file(built):
    wheel, _ = built
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in PACKAGE_DATA:
        files = {f"datasette_quotes/{folder}/{path.name}" for path in (ROOT / "datasette_quotes" / folder).iterdir()
                 if path.is_file()}
        assert files, f"datasette_quotes/{folder} is empty"
        assert files <= names, f"missing from the wheel: {sorted(files - names)}"


def test_the_wheel_declares_its_framework_and_entry_points(built):
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(name.split("/")[0] for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = archive.read(f"{dist_info}/METADATA").decode()
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert "Classifier: Framework :: Datasette" in metadata.splitlines()
    assert "[datasette]\nquotes = datasette_quotes\n" in entry_points
    assert "[sqlite_utils]\nquotes = datasette_quotes.sqlite_utils_plugin\n" in entry_points


def test_version_option_shows_the_project_version(built, tmp_path):
    _, bin_dir = built
    output = run([str(bin_dir / "datasette-quotes"), "--version"], cwd=tmp_path)
    assert output.strip() == f"datasette-quotes, version {project_version()}"


def test_the_venv_runs_the_wheel_not_the_checkout(built, tmp_path):
    _, bin_dir = built
    location = run([str(bin_dir / "python"), "-c", "import datasette_quotes; print(datasette_quotes.__file__)"],
                   cwd=tmp_path)
    assert Path(location.strip()).is_relative_to(bin_dir.parent / "lib"), location


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def readme_demo_commands():
    """The README's first command, split at `&&`, less its `pip install -e .`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```bash\n(.+?)\n```", readme).group(1)
    install, *commands = [shlex.split(command) for command in first.split(" && ")]
    assert install == ["pip", "install", "-e", "."], first
    return commands


def test_the_readme_commands_load_and_serve_with_the_installed_wheel(built, checkout, metadata):
    _, bin_dir = built
    load, serve = readme_demo_commands()
    assert load == ["datasette-quotes", "load", "quotes.db", "data/"]
    assert serve == ["datasette", "quotes.db", "-m", "metadata.yml"]
    output = run([str(bin_dir / load[0]), *load[1:]], cwd=checkout)
    articles = len(list((checkout / "data").glob("*.txt")))
    assert output.startswith(f"Loaded {articles} articles, "), output
    port = free_port()
    server = subprocess.Popen(
        [str(bin_dir / serve[0]), *serve[1:], "-p", str(port)],
        cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                status, body = get(f"{base}/-/plugins.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "datasette did not answer"
                time.sleep(0.2)
        plugins = {plugin["name"]: plugin for plugin in json.loads(body)}
        assert plugins["datasette-quotes"]["version"] == project_version()
        assert plugins["datasette-quotes"]["templates"] is True
        assert plugins["datasette-quotes"]["static"] is True

        status, home = get(f"{base}/")
        assert f"<h1>{metadata['title']}</h1>" in home, "-m metadata.yml was not applied"

        status, css = get(f"{base}/-/static-plugins/datasette-quotes/quotes.css")
        assert css == (ROOT / "datasette_quotes" / "static" / "quotes.css").read_text(encoding="utf-8")
        status, rows = get(f"{base}/quotes/quotes_view.json?_shape=array&_size=1")
        (quote,) = json.loads(rows)
        status, page = get(f"{base}/quotes/-/quote/{quote['id']}")
        assert status == 200 and quote["speaker"] in html.unescape(page)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_sqlite_utils_finds_quotes_json_in_the_installed_wheel(built, tmp_path):
    _, bin_dir = built  # sqlite-utils came with the wheel: it is a dependency
    output = run([str(bin_dir / "sqlite-utils"), "query", "stories.db",
                  "select quotes_json('\u201cWe will rebuild,\u201d said Mayor Tilda Varnham.') as quotes"],
                 cwd=tmp_path)
    (row,) = json.loads(output)
    assert json.loads(row["quotes"])[0]["speaker_name"] == "Tilda Varnham"
