"""The "Extract quotes" enrichment on both Datasette release lines, each with the
datasette-enrichments release made for it.

datasette-enrichments cannot be loaded in this test process: its startup writes to the
in-memory internal database that every Datasette instance in a process shares, and other
Datasette tests then fail intermittently with `database table is locked`. So the tests in
`enrichment_venv_tests.py` run in a virtualenv of their own for each line, cached under
`~/.cache/datasette-quotes-test/` like tests/test_datasette_versions.py's: the first run
builds them (a minute or two each), later runs reuse them until the package's
dependencies or entry points in pyproject.toml, the checkout's path or Python change.
"""
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENRICHMENT_TESTS = Path(__file__).resolve().parent / "enrichment_venv_tests.py"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "datasette-quotes-test"
# datasette-enrichments 0.5 calls datasette.permission_allowed(), which the 1.0 alphas
# removed; 0.6a0 needs Datasette 1.0a21 or later. A specifier naming a pre-release lets
# pip pick alphas for that package alone.
RELEASE_LINES = {
    "0.65": ["datasette>=0.65,<1.0", "datasette-enrichments==0.5.1"],
    "1.0": ["datasette>=1.0a21", "datasette-enrichments==0.6a0"],
}
# The same test tools as this run, so only Datasette and the enrichments differ.
PINNED = ("pytest", "pytest-asyncio")
INSTALL_SECONDS = 900
RUN_SECONDS = 300


def tail(text, lines=40):
    return "\n".join(text.strip().splitlines()[-lines:])


def installed_project():
    """What an install of the checkout without extras depends on: pyproject.toml less its
    optional dependencies, so a change to the test extra does not rebuild the venvs."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyproject["project"].pop("optional-dependencies", None)
    return json.dumps(pyproject, sort_keys=True)


def enrichment_venv(line):
    """The Python of a virtualenv with this checkout, Datasette from `line` and its
    datasette-enrichments, built once."""
    requirements = [*RELEASE_LINES[line], *(f"{name}=={installed_version(name)}" for name in PINNED)]
    key_source = "\n".join([str(ROOT), sys.version, *requirements, installed_project()])
    venv = CACHE / f"enrichments-{line}-{hashlib.sha256(key_source.encode()).hexdigest()[:12]}"
    python = venv / "bin" / "python"
    CACHE.mkdir(parents=True, exist_ok=True)
    # One build at a time, even across concurrent test runs.
    with open(CACHE / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (venv / "built").exists():
            return python
        for outdated in CACHE.glob(f"enrichments-{line}-*"):
            shutil.rmtree(outdated)
        for command in (
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--quiet", *requirements, "-e", str(ROOT)],
        ):
            result = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_SECONDS)
            if result.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                pytest.fail(
                    f"cannot build the datasette-enrichments {line} test environment: "
                    f"`{' '.join(command)}` exited {result.returncode}:\n{tail(result.stderr)}"
                )
        (venv / "built").touch()
    return python


@pytest.mark.parametrize("line", sorted(RELEASE_LINES))
def test_the_enrichment_runs_end_to_end(line):
    python = enrichment_venv(line)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider", str(ENRICHMENT_TESTS.relative_to(ROOT))],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_SECONDS,
    )
    versions = subprocess.run(
        [str(python), "-c", "from importlib.metadata import version as v;"
         "print('Datasette', v('datasette'), 'with datasette-enrichments', v('datasette-enrichments'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(f"{versions}: {tail(result.stdout, 1)}")
    assert result.returncode == 0, f"{versions}: the enrichment tests failed:\n{tail(result.stdout + result.stderr, 60)}"
    # A run that skipped or collected nothing proves nothing.
    assert " passed" in tail(result.stdout, 1) and "skipped" not in result.stdout, result.stdout
