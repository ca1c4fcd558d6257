"""Score the extractor on the wire-dev set.

Runs `extract` over every article of wire-dev, writes the predictions as JSON Lines (the
`extract` records plus one `{"article", "meta"}` line per article, which the scorer reads)
and runs wire-dev's own scorer on them.

    python evaluation/wire_dev.py [WIRE_DEV_DIR] [--out PRED.jsonl] [-v]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from datasette_quotes.extractor import extract

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "wire-dev"


def write_predictions(articles: Path, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in sorted(articles.glob("*.txt")):
            extraction = extract(path.read_text(encoding="utf-8"))
            sink.write(json.dumps({"article": path.stem, "meta": extraction.meta.as_json()}, ensure_ascii=False) + "\n")
            for record in extraction.as_json_records(path.stem):
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wire_dev", nargs="?", type=Path, default=DEFAULT_DIR, help="the wire-dev folder")
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "wire_dev_predictions.jsonl",
        help="where to write predictions (default: the system's temporary folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="pass -v to the scorer")
    args = parser.parse_args()
    articles = args.wire_dev / "articles"
    if not articles.is_dir():
        print(f"error: {articles}: no such folder (pass the wire-dev folder as the first argument)", file=sys.stderr)
        return 2
    count = write_predictions(articles, args.out)
    print(f"{count} articles -> {args.out}", file=sys.stderr)
    command = [sys.executable, str(args.wire_dev / "score.py"), str(args.wire_dev / "gold"), str(args.out)]
    if args.verbose:
        command.append("-v")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
