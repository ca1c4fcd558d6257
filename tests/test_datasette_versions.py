"""Datasette 0.65 and the 1.0 alphas in one `python -m pytest` run.

The suite itself runs on whichever Datasette is installed. This module runs every
Datasette-facing test again (the test files that import `datasette`, and the browser
tests) on the other release line, in a virtualenv cached under
`~/.cache/datasette-quotes-test/`: the first run builds it (about half a minute), later
runs reuse it until pyproject.toml, the checkout's path or Python changes.
"""
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from importlib.metadata import version as installed_version

import pytest
from datasette.version import __version__ as installed_datasette

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "datasette-quotes-test"
# A specifier that names a pre-release lets pip pick alphas for Datasette alone.
RELEASE_LINES = {
    "0.65": ["datasette>=0.65,<1.0"],
    "1.0": ["datasette>=1.0a0"],
}
PINNED = ("pytest", "pytest-asyncio", "playwright")
IMPORTS_DATASETTE = re.compile(r"^\s*(from|import)\s+datasette\b(?!_)", re.MULTILINE)
INSTALL_SECONDS = 900
RUN_SECONDS = 900


def other_release_line():
    return "0.65" if installed_datasette.startswith("1.") else "1.0"


def datasette_facing_tests():
    "Test files that use Datasette directly, plus the browser tests (which serve it)."
    this_file = Path(__file__).resolve()
    files = [
        path
        for path in sorted(TESTS.rglob("test_*.py"))
        if path != this_file
        and TESTS / "browser" not in path.parents
        and IMPORTS_DATASETTE.search(path.read_text(encoding="utf-8"))
    ]
    return [*files, TESTS / "browser"]


def tail(text, lines=40):
    return "\n".join(text.strip().splitlines()[-lines:])


def cached_venv(line):
    """The Python of a virtualenv with this checkout and Datasette from `line`, built once."""
    # The same test tools as this run, so only Datasette differs.
    requirements = [*RELEASE_LINES[line], *(f"{name}=={installed_version(name)}" for name in PINNED)]
    key_source = "\n".join([str(ROOT), sys.version, *requirements, (ROOT / "pyproject.toml").read_text()])
    key = hashlib.sha256(key_source.encode()).hexdigest()[:12]
    venv = CACHE / f"venv-{line}-{key}"
    python = venv / "bin" / "python"
    built_marker = venv / "built"
    CACHE.mkdir(parents=True, exist_ok=True)
    # One build at a time, even across concurrent test runs.
    with open(CACHE / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if built_marker.exists():
            return python
        for outdated in CACHE.glob(f"venv-{line}-*"):
            shutil.rmtree(outdated)
        for command in (
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--quiet", *requirements, "-e", f"{ROOT}[test]"],
        ):
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=INSTALL_SECONDS
            )
            if result.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                pytest.fail(
                    f"cannot build the Datasette {line} test environment: "
                    f"`{' '.join(command)}` exited {result.returncode}:\n{tail(result.stderr)}"
                )
        built_marker.touch()
    return python


def test_datasette_facing_tests_pass_on_the_other_release_line():
    line = other_release_line()
    python = cached_venv(line)
    version = subprocess.run(
        [str(python), "-c", "from datasette.version import __version__; print(__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert version.startswith(line), f"the {line} environment has Datasette {version}"

    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    tests = [str(path.relative_to(ROOT)) for path in datasette_facing_tests()]
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", *tests],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_SECONDS,
    )
    summary = tail(result.stdout, 1)
    print(f"Datasette {version}: {' '.join(tests)}: {summary}")
    assert result.returncode == 0, (
        f"Datasette {version}: tests failed or did not run ({' '.join(tests)}):\n"
        f"{tail(result.stdout + result.stderr, 60)}"
    )
