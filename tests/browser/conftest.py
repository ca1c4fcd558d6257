"""Real-browser fixtures: Debian's Chromium, driven by Playwright, against a live Datasette.

The browser is installed here, by the test set-up itself, so that the README's test command
works on a fresh machine: Playwright's own browser downloads are never used.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Quiet, offline, sandbox-free: the tests run as root in a container with no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
SERVER_START_SECONDS = 60
BASE_URL = "/news/"


def install_chromium():
    "Install Debian's chromium package with apt-get, or fail saying why."
    if os.geteuid() != 0:
        pytest.fail(
            f"{CHROMIUM} is missing and installing it needs root: "
            "run the tests as root or `apt-get install -y chromium` first"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            last_lines = "\n".join((result.stderr or result.stdout).strip().splitlines()[-5:])
            pytest.fail(
                f"cannot install Chromium for the browser tests: `{' '.join(command)}` "
                f"exited {result.returncode}:\n{last_lines}"
            )
    if not CHROMIUM.exists():
        pytest.fail(f"`apt-get install -y chromium` succeeded but {CHROMIUM} is still missing")


# Module scope: the sync Playwright API keeps an event loop running while it is open,
# which would break the pytest-asyncio tests that run after the browser tests.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        install_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    "A fresh page that fails the test on any uncaught JavaScript error."
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.set_default_timeout(20_000)  # generous: a 2-core machine may be busy
    yield page
    context.close()
    assert not page_errors, f"JavaScript errors on the page: {page_errors}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(process, url, log_path):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Datasette exited with {process.returncode}:\n{log_path.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"Datasette did not answer {url} within {SERVER_START_SECONDS}s:\n{log_path.read_text()[-2000:]}")


def serve(database_args, tmp_dir):
    """Start Datasette on a free loopback port with this Python; yield its URL, then stop it."""
    port = free_port()
    log_path = tmp_dir / f"datasette-{port}.log"
    command = [sys.executable, "-m", "datasette", *database_args, "-m", str(ROOT / "metadata.yml"),
               "-h", "127.0.0.1", "-p", str(port)]
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(process, url + "/-/versions.json", log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


HOSTILE_ARTICLE = Path(__file__).parent / "articles" / "council-site-defaced.txt"


@pytest.fixture(scope="session")
def quotes_db(tmp_path_factory):
    "The demo corpus plus an article full of HTML, loaded as the README does, into `quotes.db`."
    # metadata.yml describes the database named `quotes`, so the file must be quotes.db.
    database = tmp_path_factory.mktemp("db") / "quotes.db"
    command = [str(Path(sys.executable).with_name("datasette-quotes")), "load",
               str(database), str(ROOT / "data"), str(HOSTILE_ARTICLE)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"`datasette-quotes load` exited {result.returncode}:\n{result.stderr[-2000:]}")
    return database


@pytest.fixture(scope="session")
def datasette_url(quotes_db, tmp_path_factory):
    "Datasette serving the demo database the way the README does."
    yield from serve([str(quotes_db)], tmp_path_factory.mktemp("logs"))


@pytest.fixture(scope="session")
def published_url(quotes_db, tmp_path_factory):
    "Datasette serving it as a published copy behind a proxy: immutable, under a base_url."
    server = serve(["-i", str(quotes_db), "--setting", "base_url", BASE_URL], tmp_path_factory.mktemp("logs"))
    for origin in server:
        yield origin + BASE_URL.rstrip("/")
