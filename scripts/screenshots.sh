#!/usr/bin/env bash
# Regenerate the README's screenshots (docs/quote-view.png, docs/quote-page.png) from the
# demo corpus in data/, with the browser test that takes them.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
DATASETTE_QUOTES_SCREENSHOTS="$PWD/docs" python -m pytest -q tests/browser -k screenshots
